"""What the named-entity rules share: a candidate name span, a few token tests, and the word
classes of French news names (``data/entity_words.tsv``). See ``communique.mentions.entities``."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from communique.errors import LexiconError
from communique.lexicon.tables import data_path, read_tsv
from communique.parse import Parse, Token

LABELS = ("PER", "LOC", "ORG")


@dataclass(slots=True)
class NameSpan:
    first: int  # token indices, inclusive
    last: int
    label: str  # PER, LOC, ORG or MISC (MISC survives only if a rule relabels it)
    source: str
    reasons: list[str] = field(default_factory=list)

    def note(self, reason: str) -> None:
        self.reasons.append(reason)

    def tokens(self) -> range:
        return range(self.first, self.last + 1)


@dataclass(frozen=True, slots=True)
class EntityWords:
    """The word classes of ``data/entity_words.tsv`` (what each one is for is said there)."""

    leading_function_words: frozenset[str]
    articles: frozenset[str]
    trailing_function_words: frozenset[str]
    place_class_nouns: frozenset[str]
    institution_nouns: frozenset[str]
    name_only_nouns: frozenset[str]
    town_service_nouns: frozenset[str]
    institution_heads: frozenset[str]
    org_head_nouns: frozenset[str]  # the institution nouns and the extra ones
    org_tail_words: frozenset[str]
    club_marks: frozenset[str]
    org_kind_nouns: frozenset[str]
    kind_complements: frozenset[str]
    event_heads: frozenset[str]
    compass: frozenset[str]
    place_qualifiers: frozenset[str]
    world_regions: frozenset[str]
    not_names: frozenset[str]  # compass points too
    short_forms: frozenset[str]
    openers: frozenset[str]
    portfolio_not: frozenset[str]
    seats_as_places: frozenset[str]
    kind_in_name: frozenset[str]
    weekdays: frozenset[str]
    time_zones: frozenset[str]


@functools.cache
def entity_words() -> EntityWords:
    """The word classes, read once per process."""
    path = data_path("entity_words.tsv")
    names = set(EntityWords.__dataclass_fields__) | {"org_head_noun_extra"}
    found: dict[str, set[str]] = {name: set() for name in names}
    for row in read_tsv(path):
        if row.get("class") not in names or not row.get("word"):
            raise LexiconError(f"{path.name}: unknown class {row.get('class')!r} for {row.get('word')!r}")
        found[row["class"]].add(row["word"])
    found["org_head_nouns"] = found["institution_nouns"] | found.pop("org_head_noun_extra")
    found["not_names"] |= found["compass"]
    return EntityWords(**{name: frozenset(words) for name, words in found.items()})


def is_punct(tok: Token) -> bool:
    return tok.pos in ("PUNCT", "SPACE") or not any(c.isalnum() for c in tok.text)


def low(tok: Token) -> str:
    return tok.lower.replace("’", "'")


def capitalised(tok: Token) -> bool:
    return tok.text[:1].isupper()


def name_text(parse: Parse, span: NameSpan) -> str:
    return parse.span_text(span.first, span.last)
