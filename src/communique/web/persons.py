"""Which names in the people directory are people. The coder's person mentions sometimes hold a
demonym ("Nigerien"), a country, an organisation or a newspaper ("Charlie Hebdo"), or words
of a sentence ("Pour l'instant"); the directory leaves those out (the events keep them).

A name is kept when no lexicon knows it as a country, demonym, organisation or news medium,
and each of its words starts with a capital letter or is a name particle (de, ould, al-…)."""

from __future__ import annotations

import re
from functools import cache

from communique.lexicon.tables import data_path, read_tsv

PARTICLES = {"de", "du", "des", "da", "di", "do", "dos", "del", "della", "la", "le", "el", "al",
             "ben", "bin", "ibn", "ould", "ag", "van", "von", "der", "den", "ter", "y", "e",
             "bint", "mint", "abu", "abou", "st", "d", "l"}
# Words that open a sentence, never a name ("Pour l'instant", "Selon lui").
OPENERS = {"pour", "selon", "dans", "après", "avant", "depuis", "lors", "malgré", "according",
           "after", "before", "since", "during", "despite"}
_WORD = re.compile(r"[^\s]+")


@cache
def _known_forms() -> frozenset[str]:
    forms = {row["form"].casefold() for row in read_tsv(data_path("organisations.tsv"))
             if row.get("form")}
    forms |= {row["form"].casefold() for row in read_tsv(data_path("media_organisations.tsv"))
              if row.get("form")}
    return frozenset(forms)


def _is_country_or_demonym(name: str) -> bool:
    from communique.lexicon.countries import country_lexicon

    return any(country_lexicon(lang).lookup(name) for lang in ("fr", "en"))


@cache
def is_person_name(name: str) -> bool:
    """Whether ``name`` looks like a person's name rather than a thing the coder took for one."""
    if not name or name.casefold() in _known_forms() or _is_country_or_demonym(name):
        return False
    words = _WORD.findall(name)
    if words and words[0].casefold() in OPENERS:
        return False
    for word in words:
        head, *tail = re.split(r"[-'’]", word, maxsplit=1)
        rest = tail[0] if tail else ""
        if head.casefold() in PARTICLES:
            if head.casefold() in ("d", "l") and rest and not rest[0].isupper():
                return False  # "l'instant", "d'accord": elided words of a sentence
            continue
        first = next((ch for ch in word if ch.isalpha()), "")
        if not first or not first.isupper():
            return False
    return True
