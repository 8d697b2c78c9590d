"""Event triggers per language (``data/<lang>/triggers.tsv``, and ``rules.tsv`` for rows that are
no features of the trigger model) and their cue conditions.

A trigger row names a lemma (verb or noun), the PLOVER type, mode and contexts it gives, how
syntactic slots map onto actor and recipient (``roles``), conditions that must hold (``cue``)
and the parties it cannot do without (``needs``). Rows of one lemma are tried in file order.

Cue grammar: space-separated conditions, all of which must hold; ``!`` negates one; ``||``
separates alternatives, one of which must hold ("warned X" or "warned that … targets").
``child:a|b`` a direct child whose text or lemma is a or b; ``dep:xcomp`` a direct child with
that dependency; ``subj:a|b`` / ``obj:a|b`` / ``arg:a|b`` /
``sent:a|b`` the object / any argument / the sentence has a word starting with a or b.
``@person`` stands for a person (a name, a title or office of titles.tsv), ``@actor`` for an actor mention.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from communique.errors import LexiconError
from communique.lexicon.tables import data_path, read_tsv
from communique.model import EVENT_TYPES
from communique.parse import Token

DEFAULT_VERB_ROLES = {
    "fr": "subj=actor;obj=recipient;iobj=recipient;à=recipient;avec=recipient;contre=recipient",
    "en": "subj=actor;obj=recipient;iobj=recipient;to=recipient;with=recipient;against=recipient",
}
DEFAULT_NOUN_ROLES = {
    "fr": "de=actor;poss=actor;avec=recipient;contre=recipient;à=recipient",
    "en": "of=actor;poss=actor;by=actor;with=recipient;against=recipient;to=recipient",
}


TRIGGERS_FILE = "triggers.tsv"
RULES_FILE = "rules.tsv"


@dataclass(frozen=True, slots=True)
class Cue:
    kind: str  # child | obj | arg | sent
    words: tuple[str, ...]
    negated: bool = False


@dataclass(frozen=True, slots=True)
class Trigger:
    lemma: str
    pos: str  # VERB | NOUN
    event: str
    mode: str | None
    context: tuple[str, ...]
    roles: tuple[tuple[str, str], ...]  # (slot, role)
    cues: tuple[Cue, ...]
    needs: frozenset[str]
    note: str
    row: int  # line of the data file, for explanations; 0 for a reading the code makes (``in_table``)
    or_cues: tuple[tuple[Cue, ...], ...] = ()  # alternatives to ``cues`` (``||`` in the cue column)
    source: str = TRIGGERS_FILE  # the data file of the row: ``triggers.tsv`` or ``rules.tsv``

    @property
    def rule_only(self) -> bool:
        """A row of ``rules.tsv``: a rule of the coder and nothing else. Rows of ``triggers.tsv``
        are also features of the trigger model (``lex=TYPE``), so a row for a word the training
        texts hold changes the retrained model and moves cases far from it; a rules-only row is
        no feature, the retrained model stays byte-identical, and the row changes only its own
        word's coding. Nor does it make the word one the model may propose or vouch for."""
        return self.source == RULES_FILE

    @property
    def in_table(self) -> bool:
        """A row of ``triggers.tsv``, not a reading the code makes (the trigger model's proposal,
        ``detect.model_row``; a demanded act, ``reported.demand_row``)."""
        return self.row > 0

    def describe(self) -> str:
        what = self.note or " || ".join(
            " ".join(f"{'!' if c.negated else ''}{c.kind}:{'|'.join(c.words)}" for c in group)
            for group in (self.cues, *self.or_cues))
        return f"{self.lemma}/{self.pos.lower()}" + (f" [{what}]" if what else "")


def parse_roles(text: str) -> tuple[tuple[str, str], ...]:
    out = []
    for item in text.split(";"):
        slot, _, role = item.strip().partition("=")
        if slot and role:
            if role not in ("actor", "recipient", "topic"):
                raise LexiconError(f"unknown role {role!r} in {text!r}")
            out.append((slot.strip(), role.strip()))
    return tuple(out)


def _parse_alternatives(text: str) -> tuple[tuple[Cue, ...], tuple[tuple[Cue, ...], ...]]:
    """The cue column: its first group of conditions and the alternatives after ``||``."""
    groups = [_parse_cues(part) for part in text.split("||")]
    if len(groups) > 1 and not all(groups):
        raise LexiconError(f"empty alternative in cue {text!r}")
    return groups[0], tuple(groups[1:])


def _parse_cues(text: str) -> tuple[Cue, ...]:
    cues = []
    for item in text.split():
        negated = item.startswith("!")
        kind, _, words = item.lstrip("!").partition(":")
        if kind not in ("child", "dep", "subj", "obj", "arg", "sent") or not words:
            raise LexiconError(f"bad cue {item!r}")
        cues.append(Cue(kind=kind, words=tuple(w.lower() for w in words.split("|")), negated=negated))
    return tuple(cues)


def _trigger_of(row: dict[str, str], *, lang: str, source: str, row_no: int) -> Trigger:
    event = row["event"].upper()
    if event not in EVENT_TYPES:
        raise LexiconError(f"{lang}/{source} row {row_no}: unknown type {event}")
    pos = row["pos"].upper()
    roles = row.get("roles") or (DEFAULT_NOUN_ROLES if pos == "NOUN" else DEFAULT_VERB_ROLES)[lang]
    cues, or_cues = _parse_alternatives(row.get("cue") or "")
    return Trigger(lemma=row["lemma"].lower(), pos=pos, event=event, mode=row.get("mode") or None,
                   context=tuple(c for c in (row.get("context") or "").split(";") if c),
                   roles=parse_roles(roles), cues=cues,
                   needs=frozenset(x for x in (row.get("needs") or "").split(";") if x),
                   note=row.get("note") or "", row=row_no, or_cues=or_cues, source=source)


@dataclass(slots=True)
class TriggerLexicon:
    lang: str
    by_lemma: dict[tuple[str, str], list[Trigger]]  # (lemma, VERB|NOUN) -> rows in order

    @classmethod
    def load(cls, lang: str) -> TriggerLexicon:
        """``triggers.tsv``, then ``rules.tsv``: a lemma's rules-only rows are tried after its other rows."""
        by_lemma: dict[tuple[str, str], list[Trigger]] = {}
        for source in (TRIGGERS_FILE, RULES_FILE):
            for row_no, row in enumerate(read_tsv(data_path(lang, source)), 1):
                trig = _trigger_of(row, lang=lang, source=source, row_no=row_no)
                by_lemma.setdefault((trig.lemma, trig.pos), []).append(trig)
        return cls(lang=lang, by_lemma=by_lemma)

    def candidates(self, lemma: str, pos: str) -> list[Trigger]:
        return self.by_lemma.get((lemma.lower(), "NOUN" if pos in ("NOUN", "PROPN") else "VERB"), [])

    def rows_of(self, tok: Token) -> list[Trigger]:
        """The rows of a word: by its lemma, else by its form as written (a lemma the lemmatizer
        got wrong)."""
        return self.candidates(tok.lemma, tok.pos) or self.candidates(tok.lower, tok.pos)


@functools.lru_cache(maxsize=None)
def trigger_lexicon(lang: str) -> TriggerLexicon:
    return TriggerLexicon.load(lang)


@dataclass(frozen=True, slots=True)
class ContextCues:
    prefixes: tuple[tuple[str, str], ...]

    def contexts(self, words: list[str]) -> list[str]:
        found: list[str] = []
        for word in words:
            for prefix, context in self.prefixes:
                if word.startswith(prefix) and context not in found:
                    found.append(context)
        return found


@functools.lru_cache(maxsize=None)
def context_cues(lang: str) -> ContextCues:
    rows = read_tsv(data_path(lang, "context_cues.tsv"))
    return ContextCues(prefixes=tuple((r["prefix"].lower(), r["context"]) for r in rows))
