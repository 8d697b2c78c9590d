"""Questions to the store: events by filter, dyads per month, people, stories.

Every filter on a child table becomes ``e.id IN (SELECT event_id …)``, so one event is returned
once however many parties match, and the same SQL runs on SQLite and PostgreSQL.
"""

from __future__ import annotations

import calendar
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from communique.errors import BadParameter
from communique.export.tables import Provenance
from communique.model import Event
from communique.store.backend import chunks
from communique.store.folding import name_key, words
from communique.store.records import read_events
from communique.store.store import Store

READ_BATCH = 500
# ASCII digits only: str.isdigit() also takes "²" and "٣", which int() or date() refuse.
_PERIOD = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")
LIKE_ESCAPE = "\\"


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Which events: every option given must hold (None: no condition)."""

    country: str | None = None  # actor, recipient or place country
    dyad: tuple[str, str] | None = None  # (actor code, recipient code)
    event_type: str | None = None
    mode: str | None = None
    context: str | None = None
    sector: str | None = None  # of an actor or recipient (main or other sector)
    person: str | None = None  # part of a person's name, accents and case folded
    since: str | None = None  # ISO YYYY, YYYY-MM or YYYY-MM-DD: from the period's first day
    until: str | None = None  # ISO YYYY, YYYY-MM or YYYY-MM-DD: to the period's last day
    text: str | None = None  # words of the article (full-text search)
    story: str | None = None
    min_confidence: float | None = None  # the coder's confidence, 0 to 1
    place: str | None = None  # the event's place, by its name as shown (resolved, else extracted)
    limit: int | None = None


def period(value: str, *, name: str = "date") -> tuple[str, str]:
    """The first and last day of the period an ISO date names: ``2025`` is the whole year,
    ``2025-06`` all of June, ``2025-06-05`` that day. An impossible date is a ``BadParameter``
    naming ``name``."""
    match = _PERIOD.fullmatch(value.strip())
    if match is None:
        raise BadParameter(name, f"want an ISO date YYYY, YYYY-MM or YYYY-MM-DD, got {value!r}")
    year, month, day = (int(x) if x else None for x in match.groups())
    assert year is not None
    try:
        if day is not None and month is not None:
            first = last = date(year, month, day)
        elif month is not None:
            first = date(year, month, 1)
            last = date(year, month, calendar.monthrange(year, month)[1])
        else:
            first, last = date(year, 1, 1), date(year, 12, 31)
    except ValueError:
        raise BadParameter(name, f"{value.strip()!r} is not a date of the calendar") from None
    return first.isoformat(), last.isoformat()


def like_pattern(part: str) -> str:
    """A LIKE pattern for "contains ``part``": its own ``%`` and ``_`` match only themselves
    (used with ``ESCAPE``, the same on SQLite and PostgreSQL)."""
    escaped = part.replace(LIKE_ESCAPE, LIKE_ESCAPE * 2).replace("%", LIKE_ESCAPE + "%")
    return "%" + escaped.replace("_", LIKE_ESCAPE + "_") + "%"


def where(store: Store, flt: EventFilter) -> tuple[str, list[Any]]:
    """The WHERE clause (over ``events e``) and its parameters.

    ``since`` and ``until`` are whole periods (``until=2025`` includes all of 2025): events are
    kept by their day (``e.day``, the first day their date can mean)."""
    clauses: list[str] = []
    params: list[Any] = []

    def among(subquery: str, *values: Any) -> None:
        # Uncorrelated ``e.id IN (…)``, not a correlated EXISTS per event: both engines then
        # read the child table's index once for the code asked (dyad at 100k events: 25 ms
        # instead of 700 ms on SQLite, which otherwise scans every actor row).
        clauses.append(f"e.id IN ({subquery})")
        params.extend(values)

    if flt.country:
        code = flt.country.upper()
        among("SELECT x.event_id FROM actors x WHERE x.code = ? "
              "UNION SELECT x.event_id FROM places x WHERE x.country_code = ?", code, code)
    if flt.dyad:
        among("SELECT x.event_id FROM actors x WHERE x.code = ? AND x.role = 'actor'",
              flt.dyad[0].upper())
        among("SELECT x.event_id FROM actors x WHERE x.code = ? AND x.role = 'recipient'",
              flt.dyad[1].upper())
    if flt.event_type:
        clauses.append("e.event = ?")
        params.append(flt.event_type.upper())
    if flt.mode:
        clauses.append("e.mode = ?")
        params.append(flt.mode)
    if flt.context:
        among("SELECT x.event_id FROM event_contexts x WHERE x.context = ?", flt.context)
    if flt.sector:
        sector = flt.sector.upper()
        among(f"SELECT x.event_id FROM actors x WHERE x.sector = ? OR x.other_sectors LIKE ? "
              f"ESCAPE '{LIKE_ESCAPE}'", sector, like_pattern(f'"{sector}"'))
    if flt.person:
        key = name_key(flt.person)
        if not key:  # "%" or "…" folds to nothing, and "contains nothing" would match everyone
            raise BadParameter("person", f"want a part of a name, got {flt.person!r}")
        among(f"SELECT x.event_id FROM people x WHERE x.name_key LIKE ? ESCAPE '{LIKE_ESCAPE}'",
              like_pattern(key))
    if flt.since:
        clauses.append("e.day >= ?")
        params.append(period(flt.since, name="since")[0])
    if flt.until:
        clauses.append("e.day <= ?")
        params.append(period(flt.until, name="until")[1])
    if flt.text:
        sql, values = text_match(store, flt.text)
        clauses.append(f"e.article_id IN ({sql})")
        params.extend(values)
    if flt.story:
        among("SELECT x.event_id FROM story_events x WHERE x.story_id = ?", flt.story)
    if flt.min_confidence is not None:
        clauses.append("e.confidence >= ?")
        params.append(flt.min_confidence)
    if flt.place:
        among("SELECT x.event_id FROM places x "
              "WHERE coalesce(x.resolved_place, x.extracted_place) = ?", flt.place)
    return (" AND ".join(clauses) or "1 = 1"), params


def text_match(store: Store, query: str) -> tuple[str, list[Any]]:
    """A subquery giving the ids of the articles that contain every word of the query."""
    terms = words(query) or [""]
    if store.backend.dialect == "sqlite":
        match = " ".join('"' + t.replace('"', '""') + '"' for t in terms)
        return ("SELECT a.id FROM article_search JOIN articles a ON a.rowid = article_search.rowid "
                "WHERE article_search MATCH ?"), [match]
    return "SELECT a.id FROM articles a WHERE a.search_vector @@ plainto_tsquery('simple', ?)", \
        [" ".join(terms)]


def event_ids(store: Store, flt: EventFilter) -> list[str]:
    """Ids of the matching events, by date then id."""
    clause, params = where(store, flt)
    sql = f"SELECT e.id FROM events e WHERE {clause} ORDER BY coalesce(e.day, ''), e.id"
    if flt.limit is not None:
        sql += " LIMIT ?"
        params.append(flt.limit)
    return [r[0] for r in store.backend.query(sql, params)]


def iter_events(store: Store, flt: EventFilter) -> Iterator[tuple[Event, Provenance]]:
    """The matching events, whole, with their provenance, read in batches (an export of
    millions of events holds one batch at a time)."""
    for part in chunks(event_ids(store, flt), READ_BATCH):
        events = read_events(store.backend, part)
        facts = provenance(store, events)
        for event in events:
            yield event, facts[event.id]


def provenance(store: Store, events: list[Event]) -> dict[str, Provenance]:
    """Article and story facts for a batch of events, keyed by event id."""
    out = {ev.id: Provenance() for ev in events}
    if not events:
        return out
    marks = ", ".join("?" for _ in events)
    ids = [ev.id for ev in events]
    for r in store.backend.query(
            "SELECT e.id, a.url, a.published, a.title, a.lang FROM events e JOIN articles a "
            f"ON a.id = e.article_id WHERE e.id IN ({marks})", ids):
        ctx = out[r[0]]
        ctx.url, ctx.published, ctx.title, ctx.lang = r[1], r[2], r[3], r[4]
    for r in store.backend.query(
            "SELECT x.event_id, s.id, s.num_mentions, s.num_sources, s.num_articles FROM "
            f"story_events x JOIN stories s ON s.id = x.story_id WHERE x.event_id IN ({marks})", ids):
        ctx = out[r[0]]
        ctx.story_id, ctx.num_mentions, ctx.num_sources, ctx.num_articles = r[1], r[2], r[3], r[4]
    return out


def dyads(store: Store, flt: EventFilter) -> list[dict[str, Any]]:
    """Events (and stories) per month, actor–recipient pair and quad class."""
    clause, params = where(store, flt)
    rows = store.backend.query(
        "SELECT substr(coalesce(e.day, ''), 1, 7), a.code, r.code, "
        "e.quad_code, count(DISTINCT e.id), count(DISTINCT s.story_id) FROM events e "
        "JOIN actors a ON a.event_id = e.id AND a.role = 'actor' "
        "LEFT JOIN actors r ON r.event_id = e.id AND r.role = 'recipient' "
        "LEFT JOIN story_events s ON s.event_id = e.id "
        f"WHERE {clause} GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4", params)
    # No literal "?" in the SQL (it is the placeholder): missing codes are named here.
    out = [{"month": r[0] or None, "actor": r[1] or "?", "recipient": r[2] or "-",
            "quad_code": r[3], "events": int(r[4]), "stories": int(r[5])} for r in rows]
    return sorted(out, key=lambda d: (d["month"] or "", d["actor"], d["recipient"],
                                      d["quad_code"] if d["quad_code"] is not None else 0))


def people(store: Store, flt: EventFilter, *, country: str | None = None) -> list[dict[str, Any]]:
    """Named people (grouped by folded name) with their titles, organisations and countries,
    most events first.

    Two grouped queries: the database counts events and dates per person and keeps the first
    ``limit``; only their rows come back to Python for the names, titles and organisations.
    """
    clause, params = where(store, flt)
    if country:
        clause += " AND p.country = ?"
        params.append(country.upper())
    source = f"FROM people p JOIN events e ON e.id = p.event_id WHERE {clause}"
    sql = (f"SELECT p.name_key, count(DISTINCT p.event_id), min(e.day), max(e.day) {source} "
           "GROUP BY p.name_key ORDER BY count(DISTINCT p.event_id) DESC, p.name_key")
    values = list(params)
    if flt.limit is not None:
        sql += " LIMIT ?"
        values.append(flt.limit)
    found = {r[0]: {"events": int(r[1]), "first": r[2], "last": r[3]}
             for r in store.backend.query(sql, values)}
    facts: dict[str, dict[str, Counter[str]]] = {
        key: {f: Counter() for f in ("names", "titles", "offices", "orgs", "countries")}
        for key in found}
    for part in chunks(list(found), READ_BATCH):
        marks = ", ".join("?" for _ in part)
        for r in store.backend.query(
                "SELECT p.name_key, p.name, p.title, p.office, p.org, p.country, count(*) "
                f"{source} AND p.name_key IN ({marks}) GROUP BY 1, 2, 3, 4, 5, 6",
                [*params, *part]):
            person = facts[r[0]]
            for name, value in zip(("names", "titles", "offices", "orgs", "countries"), r[1:6]):
                if value:
                    person[name][value] += int(r[6])
    return [{"name": _top(facts[key]["names"]), "titles": _ranked(facts[key]["titles"]),
             "offices": _ranked(facts[key]["offices"]), "orgs": _ranked(facts[key]["orgs"]),
             "countries": _ranked(facts[key]["countries"]), **row}
            for key, row in found.items()]


def _top(counter: Counter[str]) -> str:
    return sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]


def _ranked(counter: Counter[str]) -> list[str]:
    return [k for k, _ in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))]


def stories(store: Store, flt: EventFilter, *, min_mentions: int = 2) -> list[dict[str, Any]]:
    """Stories (linked events) with their counts and representative event."""
    clause, params = where(store, flt)
    sql = ("SELECT s.id, s.event, s.first_date, s.last_date, s.first_report, s.last_report, "
           "s.num_mentions, s.num_articles, s.num_sources, s.representative FROM stories s "
           "WHERE s.num_mentions >= ? AND EXISTS (SELECT 1 FROM story_events se JOIN events e "
           f"ON e.id = se.event_id WHERE se.story_id = s.id AND {clause}) "
           "ORDER BY s.num_mentions DESC, coalesce(s.first_date, ''), s.id")
    values: list[Any] = [min_mentions, *params]
    if flt.limit is not None:
        sql += " LIMIT ?"
        values.append(flt.limit)
    rows = store.backend.query(sql, values)
    reps = {ev.id: ev for ev in read_events(store.backend, [r[9] for r in rows])}
    out = []
    for r in rows:
        rep = reps.get(r[9])
        out.append({"story_id": r[0], "event": r[1], "mode": rep.mode if rep else None,
                    "first_date": r[2], "last_date": r[3], "first_report": r[4],
                    "last_report": r[5], "num_mentions": int(r[6]), "num_articles": int(r[7]),
                    "num_sources": int(r[8]),
                    "actor": "+".join(sorted({e.code or "?" for e in rep.actor})) if rep else "",
                    "recipient": "+".join(sorted({e.code or "?" for e in rep.recipient})) if rep else "",
                    "place": (rep.event_loc.resolved_place or rep.event_loc.extracted_place)
                    if rep and rep.event_loc else None,
                    "representative": r[9]})
    return out
