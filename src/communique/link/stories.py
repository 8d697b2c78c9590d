"""Stories: the connected components of linked events, and their row in the store."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from communique.link.events import LinkEvent
from communique.model import content_id
from communique.store import Store
from communique.store.backend import Backend, chunks


@dataclass(frozen=True, slots=True)
class Story:
    id: str
    event: str
    first_report: str | None
    last_report: str | None
    first_date: str | None
    last_date: str | None
    num_mentions: int
    num_articles: int
    num_sources: int
    representative: str
    members: tuple[str, ...]

    def row(self) -> tuple[object, ...]:
        return (self.id, self.event, self.first_report, self.last_report, self.first_date,
                self.last_date, self.num_mentions, self.num_articles, self.num_sources,
                self.representative)


DELETE_CHUNK = 500
STORY_COLUMNS = ("id", "event", "first_report", "last_report", "first_date", "last_date",
                 "num_mentions", "num_articles", "num_sources", "representative")


def story_id(member_ids: Sequence[str]) -> str:
    """Named after its smallest event id: the same members give the same id in any order."""
    return content_id("story", min(member_ids))


def _representative(members: Sequence[LinkEvent]) -> LinkEvent:
    # The most confident report, preferring a date read in the text; ties by id.
    return min(members, key=lambda e: (-e.confidence, e.date_basis != "text", e.id))


def build_story(members: Sequence[LinkEvent]) -> Story:
    reports = sorted(e.published[:10] for e in members if e.published)
    dates = sorted(e.date for e in members if e.date)
    ids = sorted(e.id for e in members)
    return Story(id=story_id(ids), event=members[0].event,
                 first_report=reports[0] if reports else None,
                 last_report=reports[-1] if reports else None,
                 first_date=dates[0] if dates else None, last_date=dates[-1] if dates else None,
                 num_mentions=len(members), num_articles=len({e.article_id for e in members}),
                 num_sources=len({e.source_key for e in members}),
                 representative=_representative(members).id, members=tuple(ids))


def write_stories(store: Store, stories: Sequence[Story], duplicates: dict[str, str]) -> dict[str, int]:
    """Make the stored stories (and near-duplicate clusters) these, in one transaction.

    Only the differences are written: re-linking after a small ingest touches a few rows, not
    the million a full rewrite would. Returns how many rows were written per table.
    """
    backend = store.backend
    written: dict[str, int] = {}
    with backend.transaction():
        # Events re-coded by an ingest while we computed are gone: leave their rows out; the
        # next link gives their successors a story.
        alive = {r[0] for r in backend.stream("SELECT id FROM events")}
        articles = {r[0] for r in backend.stream("SELECT id FROM articles")}
        written["stories"] = _sync(backend, "stories", STORY_COLUMNS,
                                   {s.id: s.row() for s in stories})
        written["story_events"] = _sync(backend, "story_events", ("event_id", "story_id"),
                                        {m: (m, s.id) for s in stories for m in s.members
                                         if m in alive})
        written["near_duplicates"] = _sync(backend, "near_duplicates", ("article_id", "cluster_id"),
                                           {a: (a, c) for a, c in duplicates.items() if a in articles})
    return written


def replace_stories(store: Store, *, old: Sequence[str], stories: Sequence[Story],
                    duplicates: dict[str, str]) -> dict[str, int]:
    """Replace the stories ``old`` names (and their members' rows) by ``stories``, in one
    transaction: what an incremental link writes. The near-duplicate clusters are made these
    too. Returns how many rows were written per table."""
    backend = store.backend
    written = {"stories": 0, "story_events": 0}
    members = sorted({m for s in stories for m in s.members})
    with backend.transaction():
        alive = set()
        for part in chunks(members, DELETE_CHUNK):
            marks = ", ".join("?" for _ in part)
            alive |= {r[0] for r in backend.query(f"SELECT id FROM events WHERE id IN ({marks})", part)}
            written["story_events"] += backend.execute(
                f"DELETE FROM story_events WHERE event_id IN ({marks})", part)
        for part in chunks(sorted(set(old) | {s.id for s in stories}), DELETE_CHUNK):
            marks = ", ".join("?" for _ in part)
            written["story_events"] += backend.execute(
                f"DELETE FROM story_events WHERE story_id IN ({marks})", part)
            written["stories"] += backend.execute(f"DELETE FROM stories WHERE id IN ({marks})", part)
        kept = [s for s in stories if any(m in alive for m in s.members)]
        backend.bulk_insert("stories", STORY_COLUMNS, [s.row() for s in kept])
        links = [(m, s.id) for s in kept for m in s.members if m in alive]
        backend.bulk_insert("story_events", ("event_id", "story_id"), links)
        written["stories"] += len(kept)
        written["story_events"] += len(links)
        articles: set[str] = set()
        for part in chunks(sorted(duplicates), DELETE_CHUNK):
            articles |= {r[0] for r in backend.query(
                f"SELECT id FROM articles WHERE id IN ({', '.join('?' for _ in part)})", part)}
        written["near_duplicates"] = _sync(backend, "near_duplicates", ("article_id", "cluster_id"),
                                           {a: (a, c) for a, c in duplicates.items() if a in articles})
    return written


def _sync(backend: Backend, table: str, columns: Sequence[str],
          wanted: dict[str, tuple[object, ...]]) -> int:
    """Delete the rows that differ from ``wanted`` (keyed by the first column), insert the rest."""
    key = columns[0]
    current = {row[0]: tuple(row) for row in backend.stream(f"SELECT {', '.join(columns)} FROM {table}")}
    stale = [k for k, row in current.items() if wanted.get(k) != row]
    for part in chunks(stale, DELETE_CHUNK):
        backend.execute(f"DELETE FROM {table} WHERE {key} IN ({', '.join('?' for _ in part)})", part)
    fresh = [row for k, row in sorted(wanted.items()) if current.get(k) != row]
    backend.bulk_insert(table, columns, fresh)
    return len(stale) + len(fresh)
