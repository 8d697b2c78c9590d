"""What the linker knows of an event: a compact row loaded from the store."""

from __future__ import annotations

import calendar
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date

from communique.store import Store
from communique.store.backend import Row, chunks
from communique.store.records import IN_CHUNK


@dataclass(slots=True)
class LinkEvent:
    id: str
    article_id: str
    event: str
    mode: str | None
    date: str | None
    date_basis: str
    confidence: float
    country: str | None  # the place's country code
    geonameid: int | None
    published: str | None
    source_key: str
    lo: int | None = None  # the days the date can mean, as ordinals (None: no date at all)
    hi: int | None = None
    actors: frozenset[str] = frozenset()
    recipients: frozenset[str] = frozenset()
    evidence: str = ""

    @property
    def exact_day(self) -> bool:
        """A day-precise date read in the text (not the publication date)."""
        return self.date_basis == "text" and self.lo is not None and self.lo == self.hi


def interval(value: str | None, published: str | None) -> tuple[int, int] | None:
    """First and last day (ordinals) an ISO date means; the publication day when no date."""
    for candidate in (value, published):
        if not candidate:
            continue
        try:
            if len(candidate) >= 10:
                day = date.fromisoformat(candidate[:10]).toordinal()
                return day, day
            year = int(candidate[:4])
            if len(candidate) >= 7:
                month = int(candidate[5:7])
                last = calendar.monthrange(year, month)[1]
                return date(year, month, 1).toordinal(), date(year, month, last).toordinal()
            return date(year, 1, 1).toordinal(), date(year, 12, 31).toordinal()
        except ValueError:
            continue
    return None


_SELECT = ("SELECT e.id, e.article_id, e.event, e.mode, e.date, e.date_basis, e.confidence, "
           "p.country_code, p.geonameid, a.published, a.source_key FROM events e "
           "JOIN articles a ON a.id = e.article_id LEFT JOIN places p ON p.event_id = e.id")


def _rows(store: Store, sql: str, only: Sequence[str] | None, column: str) -> Iterator[Row]:
    """The rows of ``sql``, all of them or those whose ``column`` is one of ``only``."""
    if only is None:
        yield from store.backend.stream(sql)
        return
    glue = " AND " if " WHERE " in sql else " WHERE "
    for part in chunks(sorted(only), IN_CHUNK):
        yield from store.backend.query(f"{sql}{glue}{column} IN ({', '.join('?' for _ in part)})",
                                       part)


def load_events(store: Store, *, only: Sequence[str] | None = None) -> list[LinkEvent]:
    """Every event of the store (or the events ``only`` names), sorted by id (the order never
    depends on the database)."""
    events: dict[str, LinkEvent] = {}
    spans: dict[tuple[str | None, str | None], tuple[int, int] | None] = {}  # few distinct dates
    for r in _rows(store, _SELECT, only, "e.id"):
        ev = LinkEvent(id=r[0], article_id=r[1], event=r[2], mode=r[3], date=r[4],
                       date_basis=r[5], confidence=r[6], country=r[7], geonameid=r[8],
                       published=r[9], source_key=r[10])
        key = (ev.date, ev.published)
        span = spans[key] if key in spans else spans.setdefault(key, interval(*key))
        if span is not None:
            ev.lo, ev.hi = span
        events[ev.id] = ev
    parties: dict[tuple[str, str], set[str]] = {}
    for event_id, role, code in _rows(
            store, "SELECT event_id, role, code FROM actors WHERE code IS NOT NULL", only, "event_id"):
        parties.setdefault((event_id, role), set()).add(code)
    for (event_id, role), codes in parties.items():
        ev = events.get(event_id)
        if ev is None:
            continue  # written after the events were read
        if role == "actor":
            ev.actors = frozenset(codes)
        else:
            ev.recipients = frozenset(codes)
    texts: dict[str, list[tuple[int, str]]] = {}
    for event_id, position, text in _rows(
            store, "SELECT event_id, position, text FROM evidence", only, "event_id"):
        texts.setdefault(event_id, []).append((position, text))
    for event_id, pieces in texts.items():
        if (ev := events.get(event_id)) is not None:
            ev.evidence = " ".join(t for _, t in sorted(pieces))
    return [events[k] for k in sorted(events)]
