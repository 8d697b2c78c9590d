"""Features of a trigger candidate: a pure function of the spaCy-free ``Parse`` and the mentions.

Every verb and noun of a sentence is a candidate. What it is (lemma, suffix, POS, morphology),
where it sits (its dependency, its head, its children and their prepositions), whether parties
are within reach (a state, organisation or person in its subject, object or other arguments) and
what the trigger table says of its lemma (the types of its rows: a prior, not a gate) become
string features; the trigger model (``triggers_model.py``) weighs them.
"""

from __future__ import annotations

import numpy as np

from communique.events.lexicon import TriggerLexicon
from communique.mentions.actors import MentionIndex
from communique.parse import Parse, Token

CANDIDATE_POS = ("VERB", "NOUN", "PROPN", "AUX")
PARTY_KINDS = ("country", "org", "head", "title", "person")
_MORPH = ("Tense", "VerbForm", "Mood", "Number", "Voice", "Polarity")
_ARG_DEPS = {"nsubj": "subj", "nsubj:pass": "subjpass", "nsubjpass": "subjpass", "obj": "obj",
             "dobj": "obj", "iobj": "iobj", "obl:agent": "agent", "agent": "agent"}


def is_candidate(tok: Token) -> bool:
    """Verbs and nouns can express an act; a proper noun only when written lower-case-like
    (a capitalised common noun the tagger took for a name)."""
    return tok.pos in CANDIDATE_POS and any(ch.isalpha() for ch in tok.text)


def party_tokens(parse: Parse, index: MentionIndex) -> set[int]:
    """Token indices inside a mention of a party (state, organisation, office, person)."""
    out: set[int] = set()
    for m in index.mentions:
        if any(e.kind in PARTY_KINDS for e in m.entries) or m.codes:
            out.update(range(m.first, m.last + 1))
    for tok in parse.tokens:
        if tok.ent_type == "PER":
            out.add(tok.i)
    return out


def _has_party(parse: Parse, tok: Token, parties: set[int], *, depth: int = 4) -> bool:
    stack, seen = [(tok.i, 0)], 0
    while stack and seen < 60:
        i, d = stack.pop()
        seen += 1
        if i in parties:
            return True
        if d < depth:
            stack.extend((c, d + 1) for c in parse.tokens[i].children)
    return False


def _case_word(parse: Parse, tok: Token) -> str:
    for child in parse.children(tok):
        if child.dep in ("case", "prep", "mark"):
            return child.lower
    return ""


def token_features(parse: Parse, tok: Token, *, parties: set[int], lexicon: TriggerLexicon | None,
                   in_title: bool) -> list[str]:
    """String features of one candidate token (see the module docstring)."""
    lemma = tok.lemma.lower()
    lang = parse.lang
    pos = "NOUN" if tok.pos == "PROPN" else tok.pos
    head = parse.head(tok)
    f = ["bias", f"lang={lang}", f"pos={pos}", f"lem={lang}:{lemma}", f"low={lang}:{tok.lower}",
         f"lempos={lang}:{lemma}/{pos}", f"suf={lang}:{lemma[-4:]}", f"dep={tok.dep}",
         f"posdep={pos}/{tok.dep}", f"cap={tok.text[:1].isupper()}"]
    if in_title:
        f.append("title")
    if tok.morph:
        f.extend(item for item in tok.morph.split("|") if item.partition("=")[0] in _MORPH)
    if head.i != tok.i:
        f += [f"hlem={lang}:{head.lemma.lower()}", f"hpos={head.pos}", f"dep_hlem={tok.dep}|{lang}:{head.lemma.lower()}",
              f"dep_hpos={tok.dep}|{head.pos}"]
        case = _case_word(parse, tok)
        if case:
            f.append(f"case={lang}:{case}|{lang}:{head.lemma.lower()}")
        if head.dep == "prep":
            f.append(f"hprep={lang}:{head.lower}|{lang}:{parse.head(head).lemma.lower()}")
    else:
        f.append("root")
    for child in parse.children(tok):
        dep = child.dep
        f.append(f"cdep={dep}")
        if dep in ("aux", "aux:pass", "auxpass", "aux:tense", "cop", "neg", "advmod", "mark", "case",
                   "expl:pv", "expl:comp", "expl", "prt", "compound:prt", "det", "xcomp", "compound"):
            f.append(f"c={dep}|{lang}:{child.lemma.lower()}")
        elif dep in _ARG_DEPS or dep.startswith(("obl", "nmod", "prep")):
            slot = _ARG_DEPS.get(dep) or (f"{dep.split(':')[0]}:{_case_word(parse, child) or '-'}")
            f.append(f"arg={slot}|{lang}:{child.lemma.lower()}")
            f.append(f"argslot={slot}")
            if _has_party(parse, child, parties):
                f.append(f"party={slot}")
                f.append(f"party={slot}|{pos}")
    if tok.i in parties:
        f.append("self_party")
    if lexicon is not None:
        # a rules-only row is no feature (``Trigger.rule_only``)
        rows = [row for row in lexicon.rows_of(tok) if not row.rule_only]
        for row in rows:
            f.append(f"lex={row.event}")
            if row.mode:
                f.append(f"lexmode={row.event}/{row.mode}")
        f.append(f"lexrows={min(len(rows), 3)}")
    return f


class WordVectors:
    """Multilingual vectors of single words (the sentence encoder of ``events/vectors.py`` run
    on a lemma), so that "dépêcher" and "dispatch", "évacuer" and "evacuate" share what the
    model learns. Cached per process: an article's verbs and nouns repeat across articles."""

    DIM = 512

    def __init__(self) -> None:
        self._cache: dict[str, np.ndarray] = {}

    def of(self, words: list[str]) -> np.ndarray:
        missing = sorted({w for w in words if w not in self._cache})
        if missing:
            from communique.events.vectors import encoder

            vecs = np.asarray(encoder().encode(missing), dtype=np.float32)
            vecs /= np.maximum(np.linalg.norm(vecs, axis=1, keepdims=True), 1e-6)
            self._cache.update(zip(missing, vecs))
        if not words:
            return np.zeros((0, self.DIM), np.float32)
        return np.stack([self._cache[w] for w in words])


def vector_word(tok) -> str:
    """The word whose vector stands for a candidate: its lemma, lower-cased."""
    return (tok.lemma or tok.text).lower()
