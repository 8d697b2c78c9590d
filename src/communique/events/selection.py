"""Which sentences of an article may hold an event: the first pass's choice.

The first pass (``nlp/first_pass.py``) cuts every article into tokens and sentences only. A
sentence is worth the full analysis (parser, morphology, lemmas, entities) when it holds a word
that may be a trigger — a form of a trigger table lemma, or of a lemma the trigger model leans
to read as an act — and a party may be within reach: a lexicon mention (state, organisation,
office, person), a capitalised word past its first (a name the entity recogniser would find) in
it or in the sentence before (references: "le pays", "il", "son homologue"). The title and the
opening sentences are always analysed (the setting, the lede, the date line), and so is the
sentence before each chosen one, whose subject and states the references read.

Everything here is a function of words and offsets: no spaCy.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class SelectionPolicy:
    """Named knobs of the choice (docs/architecture.md, "The first pass")."""

    opening: int = 1  # body sentences always analysed (the lede: a title event's place)
    before: int = 0  # sentences before a chosen one analysed too
    after: int = 0
    need_party: bool = True  # a trigger word alone does not choose a sentence
    # a capitalised word past the sentence's first counts as a party (a person, a group: "Willy
    # Nyamitwe a été blessé", "des Gilets jaunes"), whom the entity recogniser or the article's
    # setting may make one
    names: bool = True
    # a party in the sentence before counts as within reach ("Il menace…"); both are analysed
    party_before: bool = True


@dataclass(frozen=True, slots=True)
class TriggerForms:
    """Lower-case word forms that may be triggers: whole forms, and stems that start them."""

    forms: frozenset[str]  # the lemmas themselves and their irregular forms
    stems: frozenset[str]
    min_stem: int = 4
    lemma_of: Callable[[str], str | None] | None = None  # a lemmatizer's lookup table
    lemmas: frozenset[str] = frozenset()

    def match(self, word: str) -> bool:
        if word in self.forms:
            return True
        if self.lemma_of is not None and self.lemma_of(word) in self.lemmas:
            return True
        stems = self.stems
        for k in range(self.min_stem, len(word) + 1):
            if word[:k] in stems:
                return True
        return False


@dataclass(frozen=True, slots=True)
class SentenceWords:
    """What the choice reads of one first-pass sentence."""

    char_start: int
    char_end: int
    words: Sequence[str]  # token texts, as written


def choose_sentences(sentences: Sequence[SentenceWords], *, forms: TriggerForms,
                     party_spans: Sequence[tuple[int, int]], title_end: int,
                     pronouns: frozenset[str] = frozenset(),
                     policy: SelectionPolicy = SelectionPolicy()) -> list[bool]:
    """One flag per sentence: analyse it fully.

    ``pronouns`` (lower case): a chosen sentence that opens with one ("Il a appelé…") takes its
    party from the subject of the sentence before, which is then analysed too.
    """
    n = len(sentences)
    trigger = [any(forms.match(w.lower()) for w in s.words if w[:1].isalpha()) for s in sentences]
    party = [False] * n
    spans = sorted(party_spans)
    k = 0
    for i, s in enumerate(sentences):
        while k < len(spans) and spans[k][1] <= s.char_start:
            k += 1
        party[i] = (k < len(spans) and spans[k][0] < s.char_end) or (policy.names and _has_name(s.words))
    chosen = [False] * n
    body = 0
    for i, s in enumerate(sentences):
        if s.char_start < title_end:
            chosen[i] = True
        elif body < policy.opening:
            chosen[i] = True
            body += 1
    for i in range(n):
        if not trigger[i]:
            continue
        if party[i] or not policy.need_party:
            reach = i - policy.before
        elif policy.party_before and i and party[i - 1]:
            reach = i - 1  # "Il menace…": the party is the sentence before's, read through it
        else:
            continue
        if reach == i and i and _opens_with(sentences[i].words, pronouns):
            reach = i - 1
        for j in range(max(0, reach), min(n, i + policy.after + 1)):
            chosen[j] = True
    return chosen


def _has_name(words: Sequence[str]) -> bool:
    """A capitalised word past the sentence's first: maybe a name."""
    seen_word = False
    for w in words:
        if not w[:1].isalpha():
            continue
        if seen_word and w[:1].isupper():
            return True
        seen_word = True
    return False


def _opens_with(words: Sequence[str], pronouns: frozenset[str]) -> bool:
    first = next((w for w in words if w[:1].isalpha()), "")
    return first.lower() in pronouns


_VOWELS = "aeiou"


def english_forms(lemma: str) -> set[str]:
    """Regular inflections of a short English lemma, whose stem is too short to match on
    ("ban": bans, banned, banning; "vow": vows, vowed; "cut": cuts, cutting; "sue": sued)."""
    out = {lemma + "s", lemma + "ing", lemma + ("d" if lemma.endswith("e") else "ed")}
    if lemma.endswith(("s", "x", "z", "sh", "ch")):
        out.add(lemma + "es")
    if lemma.endswith("e"):
        out.add(lemma[:-1] + "ing")
    if len(lemma) >= 3 and lemma[-1] not in _VOWELS + "wxy" and lemma[-2] in _VOWELS and lemma[-3] not in _VOWELS:
        out.update({lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"})  # ban → banned, banning
    if lemma.endswith("y") and len(lemma) > 1 and lemma[-2] not in _VOWELS:
        out.update({lemma[:-1] + "ies", lemma[:-1] + "ied"})
    return out
