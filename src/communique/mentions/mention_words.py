"""The words the mention stage reads (``data/<lang>/mention_words.tsv``): words that refer back
to a party ("il", "cette dernière", "les deux pays", "son homologue", a quoted "nous") and the
glue of a list of parties ("ainsi que", "et"). What each class is for is written above its rows
in the file; the rules that read them are in ``mentions.references`` and ``mentions.actors``.

``mention_words(lang)`` gives one language's words; ``any_language()`` the union of every
language's file, for the rules that read a class whatever the article's language.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field, fields

from communique.errors import LexiconError
from communique.lexicon.tables import data_path, read_tsv

FILE = "mention_words.tsv"
GENDERS = {"Masc", "Fem"}
NUMBERS = {"Sing", "Plur"}

GenderNumber = tuple[str | None, str | None]  # None: either


@dataclass(frozen=True, slots=True)
class Latter:
    """A word for the last party named before ("cette dernière", "celui-ci", "the latter")."""

    gender: str | None
    number: str | None
    with_determiner: frozenset[str]  # it counts only with one of these determiners (if any)
    followed_by: frozenset[str]  # ... or only followed, within two tokens, by one of these (if any)


@dataclass(frozen=True, slots=True)
class MentionWords:
    pronoun: frozenset[str] = frozenset()
    first_person: frozenset[str] = frozenset()
    pair_reference: frozenset[tuple[str, ...]] = frozenset()  # words all in the phrase, any order
    relative: frozenset[str] = frozenset()
    antecedent_relative: frozenset[str] = frozenset()
    personal: dict[str, GenderNumber] = field(default_factory=dict)
    latter: dict[str, Latter] = field(default_factory=dict)
    determiner: dict[str, GenderNumber] = field(default_factory=dict)
    country_head: frozenset[str] = frozenset()
    counterpart_head: frozenset[str] = frozenset()
    body_head: frozenset[str] = frozenset()
    body_determiner: frozenset[str] = frozenset()  # "le bloc", "this organisation": one named before
    body_title: frozenset[str] = frozenset()  # "the Authority", "la Communauté": capitalised, in a body's own text
    neighbour_word: frozenset[str] = frozenset()
    additive: frozenset[frozenset[str]] = frozenset()  # words all between two subjects, any order
    list_glue: frozenset[str] = frozenset()


_SETS = {"pronoun", "first_person", "relative", "antecedent_relative", "country_head", "counterpart_head",
         "body_head", "body_determiner", "body_title", "neighbour_word", "list_glue"}
_PHRASES = {"pair_reference", "additive"}
_GENDERED = {"personal", "latter", "determiner"}


def _reading(path_name: str, row: dict[str, str]) -> GenderNumber:
    gender, number = row.get("gender", ""), row.get("number", "")
    if (gender and gender not in GENDERS) or (number and number not in NUMBERS):
        raise LexiconError(f"{path_name}: bad gender or number {gender!r} {number!r} for {row.get('word')!r}")
    return gender or None, number or None


@functools.cache
def mention_words(lang: str) -> MentionWords:
    """The mention words of one language, read once per process (none for a language with no file)."""
    path = data_path(lang, FILE)
    if not path.exists():
        return MentionWords()
    names = {f.name for f in fields(MentionWords)}
    found: dict[str, set] = {name: set() for name in _SETS | _PHRASES}
    gendered: dict[str, dict] = {name: {} for name in _GENDERED}
    for row in read_tsv(path):
        word, cls = row.get("word", ""), row.get("class", "")
        if cls not in names or not word:
            raise LexiconError(f"{path.name}: unknown class {cls!r} for {word!r}")
        if cls == "pair_reference":
            found[cls].add(tuple(word.split()))
        elif cls == "additive":
            found[cls].add(frozenset(word.split()))
        elif cls in _GENDERED:
            gender, number = _reading(path.name, row)
            if cls == "latter":
                gendered[cls][word] = Latter(gender, number, frozenset(row.get("with_determiner", "").split()),
                                             frozenset(row.get("followed_by", "").split()))
            else:
                gendered[cls][word] = (gender, number)
        else:
            found[cls].add(word)
    return MentionWords(**{name: frozenset(words) for name, words in found.items()}, **gendered)


@functools.cache
def any_language() -> MentionWords:
    """Every language's mention words together; a word given two readings in two files raises
    ``LexiconError``."""
    langs = sorted(p.parent.name for p in data_path().glob(f"*/{FILE}"))
    each = [mention_words(lang) for lang in langs]
    values: dict[str, object] = {}
    for f in fields(MentionWords):
        if f.name in _GENDERED:
            merged: dict = {}
            for words in each:
                for word, reading in getattr(words, f.name).items():
                    if merged.setdefault(word, reading) != reading:
                        raise LexiconError(f"{FILE}: {f.name} {word!r} read differently in two languages")
            values[f.name] = merged
        else:
            values[f.name] = frozenset().union(*(getattr(words, f.name) for words in each))
    return MentionWords(**values)
