"""Thin adapters over ``communique.store.query`` for the web: a page of events after a cursor,
counts, map points. They reuse the store's filter clause (``query.where``) and readers; only
the grouping and keyset paging are new here."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from communique.export.tables import Provenance
from communique.model import Event
from communique.store.query import EventFilter, dyads, provenance, where
from communique.store.records import read_events
from communique.store.store import Store

QUADS = {1: "verbal_cooperation", 2: "material_cooperation", 3: "verbal_conflict",
         4: "material_conflict"}


# What the event table can be sorted by: an SQL expression over ``events e`` each. Parties and
# places are the first actor's and recipient's codes (as the table shows them first) and the
# place's name as the map shows it.
SORTS = {
    "date": "e.day",
    "type": "e.event",
    "actor": "(SELECT x.code FROM actors x WHERE x.event_id = e.id AND x.role = 'actor' "
             "ORDER BY x.position LIMIT 1)",
    "recipient": "(SELECT x.code FROM actors x WHERE x.event_id = e.id AND x.role = 'recipient' "
                 "ORDER BY x.position LIMIT 1)",
    "place": "(SELECT coalesce(x.resolved_place, x.extracted_place) FROM places x "
             "WHERE x.event_id = e.id)",
    "confidence": "e.confidence",
}
DEFAULT_SORT = "-date"  # newest first


@dataclass(slots=True)
class EventPage:
    items: list[tuple[Event, Provenance]]
    next_cursor: tuple[Any, str] | None  # (sort value, id) of the last event of the page


def event_page(store: Store, flt: EventFilter, *, size: int, sort: str = DEFAULT_SORT,
               after: tuple[Any, str] | None = None) -> EventPage:
    """Events ``size`` at a time in the order ``sort`` names (a key of ``SORTS``, ``-`` before
    it for descending), ties broken by id in the same direction, events without a value last
    either way; ``after`` is the (sort value, id) of the last one seen."""
    key = SORTS[sort.lstrip("-")]
    op, order = ("<", "DESC") if sort.startswith("-") else (">", "ASC")
    clause, params = where(store, flt)
    if after is not None:
        # Keyset paging: stable under inserts, and as fast on page 1,000 as on page 1.
        value, event_id = after
        if value is None:  # events without a value come last
            clause += f" AND {key} IS NULL AND e.id {op} ?"
            params.append(event_id)
        else:
            clause += f" AND ({key} {op} ? OR ({key} = ? AND e.id {op} ?) OR {key} IS NULL)"
            params += [value, value, event_id]
    # NULLS LAST makes SQLite and PostgreSQL agree on where events without a value go; plain
    # e.day (no coalesce) lets the events_day index give the default order.
    rows = store.backend.query(
        f"SELECT e.id, {key} FROM events e WHERE {clause} "
        f"ORDER BY {key} {order} NULLS LAST, e.id {order} LIMIT ?", [*params, size + 1])
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
    # The articles the matching events come from (all stored articles: ``articles_stored``).
    articles = int(store.backend.query(
        f"SELECT count(DISTINCT e.article_id) FROM events e WHERE {clause}", params)[0][0])
    stored = int(store.backend.query("SELECT count(*) FROM articles")[0][0])
    return {"events": sum(by_type.values()), "articles": articles, "articles_stored": stored,
            "by_type": by_type, "by_quad": by_quad}


def coverage(store: Store, flt: EventFilter) -> dict[str, int]:
    """How the matching events split by their parties: both coded (``paired``, of which
    ``same_country`` when an actor and a recipient share a code), an actor and no recipient code
    (``one_sided``), no actor code (``no_actor``). For the "showing X of Y" of dyads and network.

    One pass over the parties grouped by event; "same country" compares the smallest and the
    largest code of each side, which is exact for the usual one actor and one recipient."""
    clause, params = where(store, flt)
    r = store.backend.query(
        "SELECT sum(CASE WHEN a0 IS NOT NULL AND r0 IS NOT NULL THEN 1 ELSE 0 END), "
        "sum(CASE WHEN a0 IS NOT NULL AND r0 IS NOT NULL AND (a0 = r0 OR a1 = r1 OR a0 = r1 "
        "OR a1 = r0) THEN 1 ELSE 0 END), "
        "sum(CASE WHEN a0 IS NOT NULL AND r0 IS NULL THEN 1 ELSE 0 END) FROM ("
        "SELECT x.event_id, min(CASE WHEN x.role = 'actor' THEN x.code END) AS a0, "
        "max(CASE WHEN x.role = 'actor' THEN x.code END) AS a1, "
        "min(CASE WHEN x.role = 'recipient' THEN x.code END) AS r0, "
        "max(CASE WHEN x.role = 'recipient' THEN x.code END) AS r1 FROM actors x "
        + ("" if clause == "1 = 1" else f"WHERE x.event_id IN (SELECT e.id FROM events e WHERE {clause}) ")
        + "GROUP BY x.event_id) parties", params)[0]
    total = int(store.backend.query(f"SELECT count(*) FROM events e WHERE {clause}", params)[0][0])
    paired, same, one = (int(v or 0) for v in r)
    return {"events": total, "paired": paired, "same_country": same, "one_sided": one,
            "no_actor": total - paired - one}


def _week(day: date) -> date:
    return day - timedelta(days=day.weekday())


def timeline(store: Store, flt: EventFilter, *, unit: str | None = None) -> dict[str, Any]:
    """Events per week or month (every period between the first and the last, empty ones
    included) and quad class, and how many have no date. Weeks when the dated events span at
    most 26 weeks, else months (``unit`` forces one)."""
    clause, params = where(store, flt)
    rows = store.backend.query(
        f"SELECT e.day, e.quad_code, count(*) FROM events e WHERE {clause} "
        "GROUP BY e.day, e.quad_code", params)
    undated = sum(int(r[2]) for r in rows if not r[0])
    days = [(date.fromisoformat(r[0]), r[1] or 0, int(r[2])) for r in rows if r[0]]
    if not days:
        return {"unit": unit or "month", "periods": [], "undated": undated}
    first, last = min(d for d, _, _ in days), max(d for d, _, _ in days)
    unit = unit or ("week" if (last - first).days <= 26 * 7 else "month")
    if unit == "week":
        def key(d: date) -> date:
            return _week(d)

        def step(d: date) -> date:
            return d + timedelta(days=7)
    else:
        def key(d: date) -> date:
            return d.replace(day=1)

        def step(d: date) -> date:
            return (d.replace(day=28) + timedelta(days=4)).replace(day=1)
    cells: dict[date, dict[int, int]] = defaultdict(lambda: dict.fromkeys((1, 2, 3, 4, 0), 0))
    for d, quad, n in days:
        cells[key(d)][quad if quad in QUADS else 0] += n
    periods, cur = [], key(first)
    while cur <= key(last):
        by_quad = cells.get(cur, dict.fromkeys((1, 2, 3, 4, 0), 0))
        periods.append({"period": cur.isoformat() if unit == "week" else cur.isoformat()[:7],
                        "start": cur.isoformat(), "events": sum(by_quad.values()),
                        "by_quad": {QUADS.get(k, "unknown"): v for k, v in by_quad.items()}})
        cur = step(cur)
    return {"unit": unit, "periods": periods, "undated": undated}


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
    """Events at a place finer than a country, grouped by the place's name and country:
    coordinates, count, count per quad class and the most frequent quad class (the largest
    first, at most ``limit`` places). Country-level places are in ``map_countries``."""
    clause, params = where(store, flt)
    rows = store.backend.query(
        "SELECT coalesce(p.resolved_place, p.extracted_place), coalesce(p.country_code, ''), "
        "e.quad_code, avg(p.lat), avg(p.lon), count(*), min(e.id) FROM places p "
        "JOIN events e ON e.id = p.event_id WHERE p.lat IS NOT NULL AND p.lon IS NOT NULL "
        f"AND coalesce(p.resolution, 0) <> 1 AND {clause} GROUP BY 1, 2, 3", params)
    found: dict[tuple[str, str], dict[str, Any]] = {}
    for name, country, quad, lat, lon, n, example in rows:
        point = found.setdefault((name, country), {
            "lat": 0.0, "lon": 0.0, "place": name, "country": country or None, "events": 0,
            "by_quad": {}, "example_event": example})
        # The mean position of the group, weighted by events (one name, one place in practice).
        total = point["events"] + int(n)
        point["lat"] = (point["lat"] * point["events"] + float(lat) * int(n)) / total
        point["lon"] = (point["lon"] * point["events"] + float(lon) * int(n)) / total
        point["events"] = total
        point["by_quad"][QUADS.get(quad or 0, "unknown")] = int(n)
        point["example_event"] = min(point["example_event"], example)
    points = sorted(found.values(), key=lambda p: (-p["events"], p["place"]))[:limit]
    for p in points:
        p["lat"], p["lon"] = round(p["lat"], 3), round(p["lon"], 3)
        p["quad"] = max(p["by_quad"].items(), key=lambda kv: (kv[1], kv[0]))[0]
    return points


def map_countries(store: Store, flt: EventFilter) -> dict[str, Any]:
    """Events placed only at a country (resolution 1: "au Niger"), per country code, and how
    many matching events have no place on the map at all."""
    clause, params = where(store, flt)
    countries = {r[0]: int(r[1]) for r in store.backend.query(
        "SELECT p.country_code, count(*) FROM places p JOIN events e ON e.id = p.event_id "
        f"WHERE p.resolution = 1 AND p.country_code IS NOT NULL AND {clause} GROUP BY 1", params)}
    # An event has at most one place (places.event_id is its key): one join, read through that
    # key, instead of a NOT IN over every place of the store (0.5 s under a filter at 100k).
    unlocated = int(store.backend.query(
        "SELECT coalesce(sum(CASE WHEN (p.lat IS NOT NULL AND p.lon IS NOT NULL AND "
        "coalesce(p.resolution, 0) <> 1) OR (p.resolution = 1 AND p.country_code IS NOT NULL) "
        "THEN 0 ELSE 1 END), 0) FROM events e LEFT JOIN places p ON p.event_id = e.id "
        f"WHERE {clause}", params)[0][0])
    return {"countries": dict(sorted(countries.items(), key=lambda kv: (-kv[1], kv[0]))),
            "unlocated": unlocated}


def network(store: Store, flt: EventFilter) -> dict[str, Any]:
    """Countries and the directed edges between them, split by quad class (from ``dyads``).

    An event within one country is an edge from the code to itself (a loop); an event with an
    actor and no recipient code counts in the actor's ``one_sided``."""
    edges: dict[tuple[str, str], dict[str, int]] = defaultdict(lambda: dict.fromkeys(QUADS, 0))
    alone: dict[str, int] = defaultdict(int)
    for row in dyads(store, flt):
        if row["actor"] == "?":
            continue
        if row["recipient"] in ("-", "?"):
            alone[row["actor"]] += row["events"]
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
        if b != a:
            nodes[b] += total
        out.append({"actor": a, "recipient": b, "events": total, "cooperation": coop,
                    "conflict": conflict, "same_country": a == b,
                    "by_quad": {QUADS[q]: n for q, n in by_quad.items() if q in QUADS and n}})
    for code, n in alone.items():
        nodes[code] += 0  # a country with one-sided events only is a node too
    return {"nodes": [{"code": c, "events": n, "one_sided": alone.get(c, 0)}
                      for c, n in sorted(nodes.items())], "edges": out}


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
