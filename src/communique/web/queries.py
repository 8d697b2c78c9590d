"""Thin adapters over ``communique.store.query`` for the web: a page of events after a cursor,
counts, map points. They reuse the store's filter clause (``query.where``) and readers; only
the grouping and keyset paging are new here."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from communique.export.tables import Provenance
from communique.model import Event
from communique.store.query import EventFilter, dyads, provenance, where
from communique.store.records import read_events
from communique.store.store import Store

QUADS = {1: "verbal_cooperation", 2: "material_cooperation", 3: "verbal_conflict",
         4: "material_conflict"}


@dataclass(slots=True)
class EventPage:
    items: list[tuple[Event, Provenance]]
    next_cursor: tuple[str, str] | None


def event_page(store: Store, flt: EventFilter, *, size: int,
               after: tuple[str, str] | None = None) -> EventPage:
    """Events newest first, ``size`` at a time; ``after`` is the (day, id) of the last one seen."""
    clause, params = where(store, flt)
    if after is not None:
        # Keyset paging: stable under inserts, and as fast on page 1,000 as on page 1.
        day, event_id = after
        if day:
            clause += " AND (e.day < ? OR (e.day = ? AND e.id < ?) OR e.day IS NULL)"
            params += [day, day, event_id]
        else:  # undated events come last
            clause += " AND e.day IS NULL AND e.id < ?"
            params.append(event_id)
    # Plain e.day (no coalesce) so that the events_day index gives the order: NULLS LAST
    # makes SQLite and PostgreSQL agree on where undated events go.
    rows = store.backend.query(
        f"SELECT e.id, coalesce(e.day, '') FROM events e WHERE {clause} "
        "ORDER BY e.day DESC NULLS LAST, e.id DESC LIMIT ?", [*params, size + 1])
    more = len(rows) > size
    rows = rows[:size]
    events = read_events(store.backend, [r[0] for r in rows])
    facts = provenance(store, events)
    cursor = (rows[-1][1], rows[-1][0]) if more and rows else None
    return EventPage(items=[(ev, facts[ev.id]) for ev in events], next_cursor=cursor)


def counts(store: Store, flt: EventFilter) -> dict[str, Any]:
    """How many events match, per PLOVER type and per quad class."""
    clause, params = where(store, flt)
    by_type = {r[0]: int(r[1]) for r in store.backend.query(
        f"SELECT e.event, count(*) FROM events e WHERE {clause} GROUP BY e.event "
        "ORDER BY count(*) DESC, e.event", params)}
    by_quad = {QUADS.get(r[0], "unknown"): int(r[1]) for r in store.backend.query(
        f"SELECT e.quad_code, count(*) FROM events e WHERE {clause} GROUP BY e.quad_code "
        "ORDER BY e.quad_code", params)}
    articles = int(store.backend.query("SELECT count(*) FROM articles")[0][0])
    return {"events": sum(by_type.values()), "articles": articles, "by_type": by_type,
            "by_quad": by_quad}


def actors(store: Store, flt: EventFilter) -> list[dict[str, Any]]:
    """Actor codes with how many matching events they act in and receive."""
    clause, params = where(store, flt)
    found: dict[str, dict[str, Any]] = {}
    for r in store.backend.query(
            "SELECT coalesce(ac.code, ''), ac.role, count(DISTINCT ac.event_id) FROM actors ac "
            f"JOIN events e ON e.id = ac.event_id WHERE {clause} GROUP BY 1, 2", params):
        row = found.setdefault(r[0] or "?", {"code": r[0] or "?", "actor": 0, "recipient": 0})
        row[r[1]] = int(r[2])
    return sorted(found.values(), key=lambda d: (-(d["actor"] + d["recipient"]), d["code"]))


def map_points(store: Store, flt: EventFilter, *, limit: int = 2000) -> list[dict[str, Any]]:
    """Located events grouped by place: coordinates, name, country and count."""
    clause, params = where(store, flt)
    rows = store.backend.query(
        "SELECT round(CAST(p.lat AS NUMERIC), 2), round(CAST(p.lon AS NUMERIC), 2), "
        "min(coalesce(p.resolved_place, "
        "p.extracted_place)), min(p.country_code), count(*), min(e.id) FROM places p "
        f"JOIN events e ON e.id = p.event_id WHERE p.lat IS NOT NULL AND p.lon IS NOT NULL "
        f"AND {clause} GROUP BY 1, 2 ORDER BY count(*) DESC LIMIT ?", [*params, limit])
    return [{"lat": float(r[0]), "lon": float(r[1]), "place": r[2], "country": r[3],
             "events": int(r[4]), "example_event": r[5]} for r in rows]


def network(store: Store, flt: EventFilter) -> dict[str, Any]:
    """Countries and the directed edges between them, split by quad class (from ``dyads``)."""
    edges: dict[tuple[str, str], dict[str, int]] = defaultdict(lambda: dict.fromkeys(QUADS, 0))
    for row in dyads(store, flt):
        if row["recipient"] in ("-", "?") or row["actor"] == "?" or row["actor"] == row["recipient"]:
            continue
        edges[(row["actor"], row["recipient"])][row["quad_code"] or 0] = (
            edges[(row["actor"], row["recipient"])].get(row["quad_code"] or 0, 0) + row["events"])
    nodes: dict[str, int] = defaultdict(int)
    out = []
    for (a, b), by_quad in sorted(edges.items()):
        total = sum(by_quad.values())
        coop = by_quad.get(1, 0) + by_quad.get(2, 0)
        conflict = by_quad.get(3, 0) + by_quad.get(4, 0)
        nodes[a] += total
        nodes[b] += total
        out.append({"actor": a, "recipient": b, "events": total, "cooperation": coop,
                    "conflict": conflict,
                    "by_quad": {QUADS[q]: n for q, n in by_quad.items() if q in QUADS and n}})
    return {"nodes": [{"code": c, "events": n} for c, n in sorted(nodes.items())], "edges": out}


def dyad_timeline(store: Store, flt: EventFilter) -> list[dict[str, Any]]:
    """Per month and quad class: events, stories and mean intensity (for the dyad page)."""
    clause, params = where(store, flt)
    intensity = {(r[0], r[1]): r[2] for r in store.backend.query(
        "SELECT substr(coalesce(e.day, ''), 1, 7), e.quad_code, avg(e.intensity) FROM events e "
        f"WHERE {clause} GROUP BY 1, 2", params)}
    merged: dict[tuple[str, int | None], dict[str, Any]] = {}
    for row in dyads(store, flt):
        key = (row["month"] or "", row["quad_code"])
        cell = merged.setdefault(key, {"month": row["month"], "quad_code": row["quad_code"],
                                       "quad": QUADS.get(row["quad_code"] or 0, "unknown"),
                                       "events": 0, "stories": 0})
        cell["events"] += row["events"]
        cell["stories"] += row["stories"]
    for key, cell in merged.items():
        value = intensity.get(key)
        cell["intensity"] = round(float(value), 2) if value is not None else None
    return sorted(merged.values(), key=lambda c: (c["month"] or "", c["quad_code"] or 0))
