"""Core types to rows and back: what is written reads back as equal objects.

An event is one ``events`` row plus child rows (``event_contexts``, ``actors``, ``people``,
``places``, ``evidence``), each with a ``position`` that keeps list order. Nothing is derived on
the way back: ``None`` stays ``None``, ``""`` stays ``""``.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from communique.model import (Article, CodedArticle, Entity, Event, Person, Place, Rejection,
                              Span)
from communique.store.backend import Backend, Row, chunks
from communique.store.folding import fold, name_key

# SQLite allows 32,766 parameters per statement; stay far below for IN (...) lists.
IN_CHUNK = 500

ARTICLE_COLUMNS = ("id", "text", "title", "url", "published", "lang", "source", "meta",
                   "content_hash", "coder_version", "status", "rejection_stage",
                   "rejection_reason", "source_key", "run_id")
EVENT_COLUMNS = ("id", "article_id", "position", "event", "mode", "quad_code", "intensity",
                 "cameo", "date", "day", "date_basis", "confidence", "explanation", "run_id")
ACTOR_COLUMNS = ("event_id", "role", "position", "code", "sector", "other_sectors",
                 "entity_text", "name", "start_char", "end_char", "reason")
PEOPLE_COLUMNS = ("event_id", "position", "name", "name_key", "title", "office", "org", "country",
                  "side", "start_char", "end_char")
PLACE_COLUMNS = ("event_id", "extracted_place", "resolved_place", "geonameid", "lat", "lon",
                 "country_code", "feature_code", "resolution", "start_char", "end_char", "reason")
EVIDENCE_COLUMNS = ("event_id", "position", "text", "start_char", "end_char", "sentence")
CONTEXT_COLUMNS = ("event_id", "position", "context")
RUN_COLUMNS = ("id", "coder_version", "config", "started", "finished", "counts", "timings")


@dataclass(slots=True)
class RunRecord:
    """One ingest: which coder, with which settings, when, and what it did."""

    id: str
    coder_version: str
    config: dict[str, Any] = field(default_factory=dict)
    started: str = ""
    finished: str | None = None
    counts: dict[str, int] = field(default_factory=dict)
    timings: dict[str, float] = field(default_factory=dict)


def _insert(table: str, columns: Sequence[str]) -> str:
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})"


def _marks(n: int) -> str:
    return ", ".join("?" for _ in range(n))


def day_of(date: str | None) -> str | None:
    """The first day an ISO date (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD...``) can mean."""
    if not date or len(date) < 4 or not date[:4].isdigit():
        return None
    if len(date) >= 10:
        return date[:10]
    if len(date) >= 7:
        return date[:7] + "-01"
    return date[:4] + "-01-01"


def source_key(article: Article) -> str:
    """Who published the article, for counting distinct sources of a story.

    The URL's host (without ``www.``), else a source named in the metadata; without either,
    each report counts as its own source.
    """
    if article.url:
        host = urlsplit(article.url).hostname or ""
        if host:
            return host.removeprefix("www.")
    for key in ("sitename", "source", "publisher", "domain"):
        value = article.meta.get(key)
        if isinstance(value, str) and value.strip():
            return fold(value.strip())
    return f"article:{article.id}"


# -- writing --------------------------------------------------------------------------------------
def write_run(backend: Backend, run: RunRecord) -> None:
    updates = ", ".join(f"{c} = excluded.{c}" for c in RUN_COLUMNS[1:])
    backend.execute(f"{_insert('runs', RUN_COLUMNS)} ON CONFLICT (id) DO UPDATE SET {updates}",
                    (run.id, run.coder_version, json.dumps(run.config, sort_keys=True), run.started,
                     run.finished, json.dumps(run.counts, sort_keys=True),
                     json.dumps(run.timings, sort_keys=True)))


def write_coded(backend: Backend, coded: CodedArticle, *, run_id: str, coder_version: str) -> None:
    """Replace an article and its events (call inside a transaction)."""
    art = coded.article
    rej = coded.rejected
    values: list[Any] = [art.id, art.text, art.title, art.url, art.published, art.lang, art.source,
                         json.dumps(art.meta, ensure_ascii=False, sort_keys=True),
                         art.content_hash, coder_version, "rejected" if rej else "coded",
                         rej.stage if rej else None, rej.reason if rej else None,
                         source_key(art), run_id]
    columns = list(ARTICLE_COLUMNS)
    if backend.dialect == "postgresql":
        columns.append("search_text")  # PostgreSQL searches a folded copy (see 0002_search)
        values.append(fold(f"{art.title or ''}\n{art.text}"))
    updates = ", ".join(f"{c} = excluded.{c}" for c in columns[1:])
    # Children go with their events (ON DELETE CASCADE); the article row is updated in place.
    backend.execute("DELETE FROM events WHERE article_id = ?", (art.id,))
    backend.execute(f"{_insert('articles', columns)} ON CONFLICT (id) DO UPDATE SET {updates}",
                    values)
    if rej:
        backend.execute(f"{_insert('rejections', ('article_id', 'run_id', 'stage', 'reason'))} "
                        "ON CONFLICT (article_id, run_id) DO UPDATE SET stage = excluded.stage, "
                        "reason = excluded.reason", (art.id, run_id, rej.stage, rej.reason))
    write_events(backend, coded.events, run_id=run_id)


def write_events(backend: Backend, events: Sequence[Event], *, run_id: str) -> None:
    rows: dict[str, list[tuple[Any, ...]]] = defaultdict(list)
    for position, ev in enumerate(events):
        rows["events"].append((ev.id, ev.article_id, position, ev.event, ev.mode, ev.quad_code,
                               ev.intensity, ev.cameo, ev.date, day_of(ev.date), ev.date_basis,
                               ev.confidence, ev.explanation, run_id))
        rows["event_contexts"].extend((ev.id, i, c) for i, c in enumerate(ev.context))
        for role, parties in (("actor", ev.actor), ("recipient", ev.recipient)):
            rows["actors"].extend(
                (ev.id, role, i, e.code, e.sector, json.dumps(e.other_sectors), e.entity_text,
                 e.name, e.start, e.end, e.reason) for i, e in enumerate(parties))
        rows["people"].extend((ev.id, i, p.name, name_key(p.name), p.title, p.office, p.org,
                               p.country, p.side, p.start, p.end) for i, p in enumerate(ev.people))
        if (loc := ev.event_loc) is not None:
            rows["places"].append((ev.id, loc.extracted_place, loc.resolved_place, loc.geonameid,
                                   loc.lat, loc.lon, loc.country_code, loc.feature_code,
                                   loc.resolution, loc.start, loc.end, loc.reason))
        rows["evidence"].extend((ev.id, i, s.text, s.start, s.end, s.sentence)
                                for i, s in enumerate(ev.event_text))
    for table, columns in (("events", EVENT_COLUMNS), ("event_contexts", CONTEXT_COLUMNS),
                           ("actors", ACTOR_COLUMNS), ("people", PEOPLE_COLUMNS),
                           ("places", PLACE_COLUMNS), ("evidence", EVIDENCE_COLUMNS)):
        if rows[table]:
            backend.executemany(_insert(table, columns), rows[table])


# -- reading --------------------------------------------------------------------------------------
def read_run(backend: Backend, run_id: str) -> RunRecord | None:
    rows = backend.query(f"SELECT {', '.join(RUN_COLUMNS)} FROM runs WHERE id = ?", (run_id,))
    if not rows:
        return None
    r = rows[0]
    return RunRecord(id=r[0], coder_version=r[1], config=json.loads(r[2]), started=r[3],
                     finished=r[4], counts=json.loads(r[5]), timings=json.loads(r[6]))


def read_coded(backend: Backend, article_ids: Sequence[str]) -> list[CodedArticle]:
    """The stored articles with their events, in the order asked (missing ids are left out)."""
    found: dict[str, CodedArticle] = {}
    for part in chunks(list(article_ids), IN_CHUNK):
        for r in backend.query(f"SELECT {', '.join(ARTICLE_COLUMNS)} FROM articles "
                               f"WHERE id IN ({_marks(len(part))})", part):
            art = Article(id=r[0], text=r[1], title=r[2], url=r[3], published=r[4], lang=r[5],
                          source=r[6], meta=json.loads(r[7]))
            rej = Rejection(stage=r[11], reason=r[12]) if r[10] == "rejected" else None
            found[art.id] = CodedArticle(article=art, rejected=rej)
        event_ids = [r[0] for r in backend.query(
            f"SELECT id FROM events WHERE article_id IN ({_marks(len(part))}) "
            "ORDER BY article_id, position", part)]
        for ev in read_events(backend, event_ids):
            found[ev.article_id].events.append(ev)
    return [found[i] for i in article_ids if i in found]


def read_events(backend: Backend, event_ids: Sequence[str]) -> list[Event]:
    """Whole events by id, in the order asked (missing ids are left out)."""
    out: dict[str, Event] = {}
    for part in chunks(list(event_ids), IN_CHUNK):
        out.update(_read_chunk(backend, part))
    return [out[i] for i in event_ids if i in out]


def _children(backend: Backend, table: str, columns: Sequence[str], ids: Sequence[str],
              order: str) -> dict[str, list[Row]]:
    grouped: dict[str, list[Row]] = defaultdict(list)
    for row in backend.query(f"SELECT {', '.join(columns)} FROM {table} WHERE event_id IN "
                             f"({_marks(len(ids))}) ORDER BY {order}", ids):
        grouped[row[0]].append(row)
    return grouped


def _read_chunk(backend: Backend, ids: Sequence[str]) -> dict[str, Event]:
    events: dict[str, Event] = {}
    for r in backend.query(f"SELECT {', '.join(EVENT_COLUMNS)} FROM events "
                           f"WHERE id IN ({_marks(len(ids))})", ids):
        events[r[0]] = Event(id=r[0], article_id=r[1], event=r[3], mode=r[4], quad_code=r[5],
                             intensity=r[6], cameo=r[7], date=r[8], date_basis=r[10],
                             confidence=r[11], explanation=r[12])
    if not events:
        return events
    ids = list(events)
    for row in _children(backend, "event_contexts", CONTEXT_COLUMNS, ids, "event_id, position").values():
        events[row[0][0]].context = [r[2] for r in row]
    for rows in _children(backend, "actors", ACTOR_COLUMNS, ids, "event_id, role, position").values():
        for r in rows:
            entity = Entity(code=r[3], sector=r[4], other_sectors=json.loads(r[5]),
                            entity_text=r[6], name=r[7], start=r[8], end=r[9], reason=r[10])
            (events[r[0]].actor if r[1] == "actor" else events[r[0]].recipient).append(entity)
    for rows in _children(backend, "people", PEOPLE_COLUMNS, ids, "event_id, position").values():
        events[rows[0][0]].people = [Person(name=r[2], title=r[4], office=r[5], org=r[6],
                                            country=r[7], side=r[8], start=r[9], end=r[10])
                                     for r in rows]
    for rows in _children(backend, "places", PLACE_COLUMNS, ids, "event_id").values():
        r = rows[0]
        events[r[0]].event_loc = Place(extracted_place=r[1], resolved_place=r[2], geonameid=r[3],
                                       lat=r[4], lon=r[5], country_code=r[6], feature_code=r[7],
                                       resolution=r[8], start=r[9], end=r[10], reason=r[11])
    for rows in _children(backend, "evidence", EVIDENCE_COLUMNS, ids, "event_id, position").values():
        events[rows[0][0]].event_text = [Span(text=r[2], start=r[3], end=r[4], sentence=r[5])
                                         for r in rows]
    return events
