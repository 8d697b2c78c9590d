"""Facet counts for the filter bar and ``/api/facets``: for each filterable field (country, type,
mode, context, sector), how many matching events each value would give.

A facet is computed under the current filter *without its own condition* (the type counts
ignore ``type=``, so that each count is what choosing that type would give), and cached under
that reduced filter: the pages of twenty countries share one country facet.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from starlette.requests import Request

from communique.store.query import EventFilter, where
from communique.store.store import Store
from communique.web.cache import cached

Facet = dict[str, int]


def _ranked(pairs: Any) -> Facet:
    """Most events first, then by value."""
    return dict(sorted(((str(k), int(n)) for k, n in pairs if k), key=lambda kv: (-kv[1], kv[0])))


def _among(clause: str) -> str:
    """``AND x.event_id IN (the matching events)``, or nothing when every event matches."""
    return "" if clause == "1 = 1" else f" AND x.event_id IN (SELECT e.id FROM events e WHERE {clause})"


def type_facet(store: Store, flt: EventFilter) -> Facet:
    """Events per PLOVER type."""
    clause, params = where(store, flt)
    return _ranked(store.backend.query(
        f"SELECT e.event, count(*) FROM events e WHERE {clause} GROUP BY e.event", params))


def mode_facet(store: Store, flt: EventFilter) -> Facet:
    """Events per PLOVER mode (events without a mode are not counted)."""
    clause, params = where(store, flt)
    return _ranked(store.backend.query(
        f"SELECT e.mode, count(*) FROM events e WHERE {clause} AND e.mode IS NOT NULL "
        "GROUP BY e.mode", params))


def context_facet(store: Store, flt: EventFilter) -> Facet:
    """Events per PLOVER context (an event with two contexts counts under both)."""
    clause, params = where(store, flt)
    return _ranked(store.backend.query(
        "SELECT x.context, count(DISTINCT x.event_id) FROM event_contexts x "
        f"WHERE 1 = 1{_among(clause)} GROUP BY x.context", params))


def sector_facet(store: Store, flt: EventFilter) -> Facet:
    """Events per sector of an actor or recipient, main or other sector (as ``sector=`` filters).

    The main sectors are counted in SQL; the few parties with other sectors are read to add
    the events that have such a sector only as another sector of some party."""
    clause, params = where(store, flt)
    among = _among(clause)
    counts = Counter(dict(_ranked(store.backend.query(
        "SELECT x.sector, count(DISTINCT x.event_id) FROM actors x "
        f"WHERE x.sector IS NOT NULL{among} GROUP BY x.sector", params))))
    rows = store.backend.query(
        "SELECT x.event_id, x.sector, x.other_sectors FROM actors x WHERE x.event_id IN ("
        "SELECT y.event_id FROM actors y WHERE y.other_sectors <> '[]') " + among, params)
    main: dict[str, set[str]] = {}
    other: dict[str, set[str]] = {}
    for event_id, sector, others in rows:
        if sector:
            main.setdefault(event_id, set()).add(sector)
        other.setdefault(event_id, set()).update(json.loads(others or "[]"))
    for event_id, sectors in other.items():
        for sector in sectors - main.get(event_id, set()):
            counts[sector] += 1
    return _ranked(counts.items())


def country_facet(store: Store, flt: EventFilter) -> Facet:
    """Events per country code as actor, recipient or place."""
    clause, params = where(store, flt)
    among = _among(clause)
    return _ranked(store.backend.query(
        "SELECT c.code, count(DISTINCT c.event_id) FROM (SELECT x.event_id, x.code FROM actors x "
        f"WHERE x.code IS NOT NULL{among} UNION SELECT x.event_id, x.country_code FROM places x "
        f"WHERE x.country_code IS NOT NULL{among}) c GROUP BY c.code", params + params))


# parameter name → (the filter field it sets, the facet query)
FACETS: dict[str, tuple[str, Callable[[Store, EventFilter], Facet]]] = {
    "country": ("country", country_facet), "type": ("event_type", type_facet),
    "mode": ("mode", mode_facet), "context": ("context", context_facet),
    "sector": ("sector", sector_facet)}


def without(flt: EventFilter, field: str) -> EventFilter:
    """The filter with one condition (and the row limit) left out: the key of a facet."""
    return replace(flt, **{field: None, "limit": None})


def facets(request: Request, flt: EventFilter) -> dict[str, Facet]:
    """Every facet of the filter bar under ``flt``, each through the answer cache."""
    return {name: cached(request, fn, without(flt, field)) for name, (field, fn) in FACETS.items()}
