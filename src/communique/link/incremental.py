"""``link_new(store, article_ids)``: link the events of a few new or re-coded articles into the
stored stories, without relinking the whole store (``communique watch`` after each poll).

The stories of the rest of the store are connected components of the "same event" graph; new
events only add edges at their own neighbourhood. So only these events are linked again:

- the new events (those of the articles named);
- their possible partners: events of the same type whose dates could fall within the window
  of one of them (what the blocking of a full link could pair them with), and the events of
  articles in the same near-duplicate cluster;
- every member of the stories those events belong to, and of the stories that lost members
  when an article was re-coded (its old events are gone), whose remaining members may split.

Within that set the same blocking and matching as ``link`` run, and its stories replace the
old ones. The result is the one a full ``link`` would give (tests/link/test_link_incremental.py
checks that a full link afterwards changes nothing). Near-duplicate clusters come from the cached
MinHash signatures (only new articles are hashed; the clustering is vectorised).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from communique.link.events import LinkEvent, load_events
from communique.link.run import (LinkSettings, LinkSummary, duplicate_clusters, event_vectors,
                                 same_event_groups, stories_of)
from communique.link.stories import replace_stories
from communique.store import Store
from communique.store.backend import chunks
from communique.store.records import IN_CHUNK

# The longest date an event can have is a year: its interval starts up to this many days
# before its end.
LONGEST_DATE = 366


def link_new(store: Store, article_ids: Iterable[str], *,
             settings: LinkSettings | None = None) -> LinkSummary:
    """Link the events of these articles (new or re-coded) into the stored stories."""
    settings = settings or LinkSettings()
    summary = LinkSummary()
    article_ids = sorted(set(article_ids))
    duplicates = duplicate_clusters(store, settings, summary)
    seeds = _events_of(store, article_ids)
    orphaned = _orphaned_stories(store)
    seeds |= _members(store, orphaned)
    if not seeds and not orphaned:
        summary.written = replace_stories(store, old=[], stories=[], duplicates=duplicates)
        return summary
    neighbours = _neighbours(store, load_events(store, only=sorted(seeds)), settings,
                             clusters={duplicates[a] for a in article_ids if a in duplicates},
                             duplicates=duplicates)
    old_stories = _stories_of(store, seeds | neighbours) | orphaned
    wanted = seeds | neighbours | _members(store, old_stories)
    events = load_events(store, only=sorted(wanted))
    summary.events = len(events)

    vectors = event_vectors(store, settings, summary, only=[e.id for e in events])
    groups = same_event_groups(events, duplicates, vectors, settings, summary)
    stories = stories_of(events, groups, summary)
    summary.written = replace_stories(store, old=sorted(old_stories), stories=stories,
                                      duplicates=duplicates)
    return summary


def _in(store: Store, sql: str, values: Iterable[str]) -> set[str]:
    """The first column of ``sql`` (ending in ``IN``) for the values, asked in chunks."""
    found: set[str] = set()
    for part in chunks(sorted(set(values)), IN_CHUNK):
        found |= {r[0] for r in store.backend.query(f"{sql} ({', '.join('?' for _ in part)})", part)}
    return found


def _events_of(store: Store, article_ids: Iterable[str]) -> set[str]:
    return _in(store, "SELECT id FROM events WHERE article_id IN", article_ids)


def _stories_of(store: Store, event_ids: Iterable[str]) -> set[str]:
    return _in(store, "SELECT story_id FROM story_events WHERE event_id IN", event_ids)


def _members(store: Store, story_ids: Iterable[str]) -> set[str]:
    return _in(store, "SELECT event_id FROM story_events WHERE story_id IN", story_ids)


def _orphaned_stories(store: Store) -> set[str]:
    """Stories that lost events (an article re-coded since): fewer members than they had."""
    rows = store.backend.query(
        "SELECT s.id FROM stories s LEFT JOIN (SELECT story_id, count(*) AS n FROM story_events "
        "GROUP BY story_id) m ON m.story_id = s.id WHERE coalesce(m.n, 0) <> s.num_mentions")
    return {r[0] for r in rows}


def _neighbours(store: Store, seeds: list[LinkEvent], settings: LinkSettings, *,
                clusters: set[str], duplicates: dict[str, str]) -> set[str]:
    """Events a full link could compare with one of the seeds."""
    window = settings.rules.window_days
    found: set[str] = set()
    spans: dict[str, tuple[int, int]] = {}
    for event in seeds:
        if event.lo is None or event.hi is None:
            continue
        lo, hi = event.lo - window - LONGEST_DATE, event.hi + window
        old = spans.get(event.event)
        spans[event.event] = (min(lo, old[0]), max(hi, old[1])) if old else (lo, hi)
    for event_type, (lo, hi) in sorted(spans.items()):
        first, last = date.fromordinal(lo).isoformat(), date.fromordinal(hi).isoformat()
        after = date.fromordinal(hi + 1).isoformat()
        found |= {r[0] for r in store.backend.query(
            "SELECT e.id FROM events e JOIN articles a ON a.id = e.article_id WHERE e.event = ? "
            "AND ((e.day >= ? AND e.day <= ?) OR (e.day IS NULL AND a.published >= ? AND "
            "a.published < ?))", (event_type, first, last, first, after))}
    if clusters:
        copies = [a for a, c in duplicates.items() if c in clusters]
        found |= _events_of(store, copies)
    return found
