"""Questions to the store: events by filter, dyads per month, people, stories.

Every filter becomes an ``EXISTS`` over a child table, so one event is returned once however
many parties match, and the same SQL runs on SQLite and PostgreSQL.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from communique.export.tables import Provenance
from communique.model import Event
from communique.store.backend import chunks
from communique.store.folding import name_key, words
from communique.store.records import read_events
from communique.store.store import Store

READ_BATCH = 500


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
    since: str | None = None  # ISO date, inclusive
    until: str | None = None  # ISO date, inclusive
    text: str | None = None  # words of the article (full-text search)
    story: str | None = None
    limit: int | None = None


def where(store: Store, flt: EventFilter) -> tuple[str, list[Any]]:
    """The WHERE clause (over ``events e``) and its parameters."""
    clauses: list[str] = []
    params: list[Any] = []

    def party(condition: str, *values: Any) -> None:
        clauses.append(f"EXISTS (SELECT 1 FROM actors x WHERE x.event_id = e.id AND {condition})")
        params.extend(values)

    if flt.country:
        code = flt.country.upper()
        clauses.append("(EXISTS (SELECT 1 FROM actors x WHERE x.event_id = e.id AND x.code = ?) "
                       "OR EXISTS (SELECT 1 FROM places x WHERE x.event_id = e.id "
                       "AND x.country_code = ?))")
        params.extend([code, code])
    if flt.dyad:
        party("x.role = 'actor' AND x.code = ?", flt.dyad[0].upper())
        party("x.role = 'recipient' AND x.code = ?", flt.dyad[1].upper())
    if flt.event_type:
        clauses.append("e.event = ?")
        params.append(flt.event_type.upper())
    if flt.mode:
        clauses.append("e.mode = ?")
        params.append(flt.mode)
    if flt.context:
        clauses.append("EXISTS (SELECT 1 FROM event_contexts x WHERE x.event_id = e.id "
                       "AND x.context = ?)")
        params.append(flt.context)
    if flt.sector:
        sector = flt.sector.upper()
        party("(x.sector = ? OR x.other_sectors LIKE ?)", sector, f'%"{sector}"%')
    if flt.person:
        clauses.append("EXISTS (SELECT 1 FROM people x WHERE x.event_id = e.id "
                       "AND x.name_key LIKE ?)")
        params.append(f"%{name_key(flt.person)}%")
    if flt.since:
        clauses.append("e.day >= ?")
        params.append(flt.since)
    if flt.until:
        clauses.append("e.day <= ?")
        params.append(flt.until)
    if flt.text:
        sql, values = text_match(store, flt.text)
        clauses.append(f"e.article_id IN ({sql})")
        params.extend(values)
    if flt.story:
        clauses.append("EXISTS (SELECT 1 FROM story_events x WHERE x.event_id = e.id "
                       "AND x.story_id = ?)")
        params.append(flt.story)
    return (" AND ".join(clauses) or "1 = 1"), params


def text_match(store: Store, query: str) -> tuple[str, list[Any]]:
    """A subquery giving the ids of the articles that contain every word of the query."""
    terms = words(query) or [""]
    if store.backend.dialect == "sqlite":
        match = " ".join('"' + t.replace('"', '""') + '"' for t in terms)
        return ("SELECT a.id FROM article_search JOIN articles a ON a.rowid = article_search.rowid "
                "WHERE article_search MATCH ?"), [match]
    return ("SELECT a.id FROM articles a WHERE to_tsvector('simple', coalesce(a.search_text, '')) "
            "@@ plainto_tsquery('simple', ?)"), [" ".join(terms)]


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


@dataclass(slots=True)
class _Person:
    names: Counter[str] = field(default_factory=Counter)
    titles: Counter[str] = field(default_factory=Counter)
    offices: Counter[str] = field(default_factory=Counter)
    orgs: Counter[str] = field(default_factory=Counter)
    countries: Counter[str] = field(default_factory=Counter)
    events: set[str] = field(default_factory=set)
    first: str | None = None
    last: str | None = None


def people(store: Store, flt: EventFilter, *, country: str | None = None) -> list[dict[str, Any]]:
    """Named people (grouped by folded name) with their titles, organisations and countries."""
    clause, params = where(store, flt)
    if country:
        clause += " AND p.country = ?"
        params.append(country.upper())
    found: dict[str, _Person] = defaultdict(_Person)
    for r in store.backend.stream(
            "SELECT p.name_key, p.name, p.title, p.office, p.org, p.country, p.event_id, e.day "
            f"FROM people p JOIN events e ON e.id = p.event_id WHERE {clause}", params):
        person = found[r[0]]
        person.names[r[1]] += 1
        for counter, value in ((person.titles, r[2]), (person.offices, r[3]),
                               (person.orgs, r[4]), (person.countries, r[5])):
            if value:
                counter[value] += 1
        person.events.add(r[6])
        if r[7]:
            person.first = min(person.first or r[7], r[7])
            person.last = max(person.last or r[7], r[7])
    rows = [{"name": _top(p.names), "titles": _ranked(p.titles), "offices": _ranked(p.offices),
             "orgs": _ranked(p.orgs), "countries": _ranked(p.countries), "events": len(p.events),
             "first": p.first, "last": p.last} for p in found.values()]
    rows.sort(key=lambda row: (-row["events"], row["name"]))
    return rows[:flt.limit] if flt.limit is not None else rows


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
