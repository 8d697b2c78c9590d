"""The codes a filter may name: countries and other actor codes, modes, contexts, sectors.

A code is known when the shipped data can produce it (the country lexicons, the PLOVER tables,
the actor lexicons) or when the store holds it (an ingest with the user's own actor file may
have written codes of its own). An unknown code is a 400, not an empty answer that reads as
"no such events".
"""

from __future__ import annotations

import csv
import functools
from collections.abc import Iterable

from communique.lexicon.tables import data_path, read_tsv
from communique.store.store import Store

KINDS = ("country", "mode", "context", "sector")
# Data files with a ``context`` column (the actor lexicons and the context cues).
_CONTEXT_FILES = (("organisations.tsv",), ("fr", "sector_heads.tsv"), ("en", "sector_heads.tsv"),
                  ("fr", "titles.tsv"), ("en", "titles.tsv"), ("fr", "context_cues.tsv"),
                  ("en", "context_cues.tsv"))
# Which store rows hold a value of each kind, asked only for what the shipped data lacks. All
# indexed but events.mode, whose scan costs no more than the mode filter itself.
_IN_STORE = {
    "country": "SELECT 1 FROM actors WHERE code = ? UNION ALL "
               "SELECT 1 FROM places WHERE country_code = ? LIMIT 1",
    "mode": "SELECT 1 FROM events WHERE mode = ? LIMIT 1",
    "context": "SELECT 1 FROM event_contexts WHERE context = ? LIMIT 1",
    "sector": "SELECT 1 FROM actors WHERE sector = ? LIMIT 1",
}


def _cells(rows: Iterable[dict[str, str]], column: str) -> set[str]:
    return {part.strip() for row in rows for part in row.get(column, "").replace(",", ";").split(";")
            if part.strip()}


def _csv(name: str) -> list[dict[str, str]]:
    with data_path("plover", name).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@functools.cache
def shipped(kind: str) -> frozenset[str]:
    """The values of one kind that the shipped data can produce (read once per process)."""
    from communique.lexicon.countries import country_lexicon
    from communique.lexicon.plover import plover

    if kind == "country":
        codes = country_lexicon("fr").codes() | country_lexicon("en").codes()
        codes |= _cells(_csv("plover_nonstate_codes.csv"), "code")
        return frozenset(codes | _cells(read_tsv(data_path("organisations.tsv")), "code"))
    if kind == "mode":
        # "meet" is the coder's CONSULT mode beside PLOVER's own (lexicon.plover.valid_mode).
        return frozenset({m for modes in plover().modes.values() for m in modes} | {"meet"})
    if kind == "context":
        found = set(plover().contexts)
        for parts in _CONTEXT_FILES:
            found |= _cells(read_tsv(data_path(*parts)), "context")
        return frozenset(found)
    if kind == "sector":
        return frozenset(_cells(_csv("plover_sector_codes.csv"), "code") | {"IGO", "NGO"})
    raise ValueError(f"no vocabulary of kind {kind!r}")


def is_known(store: Store | None, kind: str, value: str) -> bool:
    """Whether ``value`` (already in its canonical case) is a code of ``kind`` the data can
    produce or the store holds."""
    if value in shipped(kind):
        return True
    sql = _IN_STORE[kind]
    return store is not None and bool(store.backend.query(sql, (value,) * sql.count("?")))
