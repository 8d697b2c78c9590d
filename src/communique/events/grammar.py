"""The grammar words the event coder reads (``data/<lang>/grammar_words.tsv``): negation, plan
and modal verbs, light verbs, words of habit, speech verbs… What each class is for is written
above its rows in the file; the rules that read them are in ``events.detect``,
``events.modality``, ``events.reported`` and ``events.build``."""

from __future__ import annotations

import functools
from collections.abc import Collection
from dataclasses import dataclass, fields

from communique.errors import LexiconError
from communique.lexicon.tables import data_path, read_tsv
from communique.parse import Token


@dataclass(frozen=True, slots=True)
class GrammarWords:
    negation: frozenset[str]
    plan_verb: frozenset[str]
    completive_verb: frozenset[str]
    past_completive_verb: frozenset[str]
    decision_noun: frozenset[str]
    claimed_act_verb: frozenset[str]
    announced_decision_verb: frozenset[str]
    modal_aux: frozenset[str]
    habitual: frozenset[str]
    background_span: frozenset[tuple[str, ...]]  # words in order
    sport_word: frozenset[tuple[str, ...]]  # words in order
    opinion_label: frozenset[str]
    auxiliary_verb: frozenset[str]
    commemoration_word: frozenset[str]
    expected_visit: frozenset[tuple[str, ...]]  # words in order
    condition_mark: frozenset[str]
    future_noun_modifier: frozenset[str]
    demonstrative: frozenset[str]
    cancelling_noun: frozenset[str]
    same_day_anchor: frozenset[str]
    speech_verb: frozenset[str]
    willing: frozenset[str]
    must: frozenset[str]
    light_verb: frozenset[str]
    occurrence_verb: frozenset[str]
    document_noun: frozenset[str]
    adopting_verb: frozenset[str]
    possessive: frozenset[str]
    framing_case: frozenset[str]
    relative_subject: frozenset[str]
    definite: frozenset[str]
    praise_verb: frozenset[str]
    plural_event_noun: frozenset[str]
    act_noun: frozenset[str]
    war_noun: frozenset[str]
    imminent_verb: frozenset[str]
    return_fire_verb: frozenset[str]
    reason_noun: frozenset[str]
    charge_verb: frozenset[str]
    quantity_noun: frozenset[str]
    concessive_case: frozenset[str]
    against_case: frozenset[str]
    natural_cause: frozenset[str]
    time_noun: frozenset[str]
    target_noun: frozenset[str]
    claim_verb: frozenset[str]
    unrealised_content_verb: frozenset[str]
    attack_word: frozenset[str]
    order_verb: frozenset[str]
    host_verb: frozenset[str]
    contest_word: frozenset[str]
    allegation_verb: frozenset[str]
    statement_plural: frozenset[str]
    etre_verb: frozenset[str]
    public_word: frozenset[str]
    completive_mark: frozenset[str]
    purpose_mark: frozenset[str]
    refused_thing: tuple[str, ...]  # word beginnings, for str.startswith
    actorless_event: frozenset[str]  # event types (PLOVER, as written)


@functools.cache
def grammar_words(lang: str) -> GrammarWords:
    """The grammar words of one language, read once per process."""
    path = data_path(lang, "grammar_words.tsv")
    names = {f.name for f in fields(GrammarWords)}
    found: dict[str, set] = {name: set() for name in names}
    for row in read_tsv(path):
        word, cls = row.get("word", ""), row.get("class", "")
        if cls not in names or not word:
            raise LexiconError(f"{path.name}: unknown class {cls!r} for {word!r}")
        found[cls].add(tuple(word.split()) if cls in ("background_span", "sport_word", "expected_visit") else word)
    values = {name: frozenset(words) for name, words in found.items()}
    values["refused_thing"] = tuple(sorted(found["refused_thing"]))
    return GrammarWords(**values)


def said_by(tok: Token, words: Collection[str]) -> bool:
    """Whether a word is one of ``words``, as written (lower case) or as its lemma."""
    return tok.lower in words or tok.lemma.lower() in words
