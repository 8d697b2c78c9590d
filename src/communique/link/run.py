"""``link(store)``: near-duplicate articles, then events linked into stories.

The whole store is linked each time and the stories table rebuilt: the result is a function of
the store's content only — the same whatever the order articles were ingested in, and the same
when run twice. Blocking keeps the cost near-linear; the caches (MinHash signatures, sentence
vectors) keep repeated runs from redoing per-article work.
"""

from __future__ import annotations

import gc
import logging
import time
from collections import defaultdict
from dataclasses import dataclass, field

from communique.errors import ModelError
from communique.link.blocking import candidate_pairs
from communique.link.duplicates import near_duplicates, update_signatures
from communique.link.events import LinkEvent, load_events
from communique.link.match import LinkRules, Matcher
from communique.link.stories import Story, build_story, write_stories
from communique.link.unionfind import UnionFind
from communique.store import Store

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class LinkSettings:
    rules: LinkRules = field(default_factory=LinkRules)
    vectors: bool = True  # multilingual sentence vectors (cross-language links)
    duplicates: bool = True  # near-duplicate articles with MinHash LSH
    duplicate_threshold: float = 0.8


@dataclass(slots=True)
class LinkSummary:
    events: int = 0
    stories: int = 0
    linked_stories: int = 0  # stories of two events or more
    linked_events: int = 0  # events in those stories
    candidate_pairs: int = 0
    compared: int = 0
    reasons: dict[str, int] = field(default_factory=dict)
    duplicate_articles: int = 0
    vectors: str = "off"
    written: dict[str, int] = field(default_factory=dict)  # rows changed per table
    timings: dict[str, float] = field(default_factory=dict)

    def __str__(self) -> str:
        return (f"linked {self.events} events into {self.stories} stories "
                f"({self.linked_stories} of two reports or more, {self.linked_events} events); "
                f"{self.candidate_pairs} candidate pairs, {self.compared} compared; "
                f"{self.duplicate_articles} near-duplicate articles; vectors {self.vectors}")


def link(store: Store, *, settings: LinkSettings | None = None) -> LinkSummary:
    """Rebuild the near-duplicate clusters and the stories of the whole store."""
    # Linking holds millions of small objects and makes no reference cycles: the cyclic
    # garbage collector would only rescan them again and again (a third of the time at 1M).
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _link(store, settings=settings or LinkSettings())
    finally:
        if collecting:
            gc.enable()


def _link(store: Store, *, settings: LinkSettings) -> LinkSummary:
    summary = LinkSummary()
    clock = _Clock(summary.timings)

    duplicates = duplicate_clusters(store, settings, summary)
    clock.lap("duplicates")

    vectors = event_vectors(store, settings, summary)
    clock.lap("vectors")

    events = load_events(store)
    summary.events = len(events)
    clock.lap("load")

    groups = same_event_groups(events, duplicates, vectors, settings, summary)
    clock.lap("match")

    stories = stories_of(events, groups, summary)
    clock.lap("build")
    summary.written = write_stories(store, stories, duplicates)
    clock.lap("write")
    return summary


def duplicate_clusters(store: Store, settings: LinkSettings, summary: LinkSummary) -> dict[str, str]:
    """Near-duplicate clusters (article id -> cluster id) from the cached MinHash signatures,
    new articles hashed first; empty when the settings turn them off."""
    if not settings.duplicates:
        return {}
    update_signatures(store)
    duplicates = near_duplicates(store, threshold=settings.duplicate_threshold)
    summary.duplicate_articles = len(duplicates)
    return duplicates


def event_vectors(store: Store, settings: LinkSettings, summary: LinkSummary, *,
                  only: list[str] | None = None) -> dict:
    """The events' sentence vectors (all, or ``only`` these ids), new ones encoded first; empty
    when the settings turn them off or the encoder is unavailable (said in the summary)."""
    if not settings.vectors:
        return {}
    from communique.link.vectors import load_vectors, update_vectors

    try:
        update_vectors(store)
        vectors = load_vectors(store, only=only) if only is not None else load_vectors(store)
    except ModelError as exc:
        log.warning("linking without sentence vectors: %s", exc)
        summary.vectors = "unavailable"
        return {}
    summary.vectors = f"on ({len(vectors)})"
    return vectors


def same_event_groups(events: list[LinkEvent], duplicates: dict[str, str], vectors: dict,
                      settings: LinkSettings, summary: LinkSummary) -> UnionFind:
    """Events that report one act, as connected components: blocked candidate pairs, then the
    events of near-duplicate articles."""
    matcher = Matcher(rules=settings.rules, vectors=vectors)
    groups = UnionFind(len(events))
    for _, pairs in candidate_pairs(events, window=settings.rules.window_days):
        summary.candidate_pairs += len(pairs)
        for i, j in pairs:
            # Already one story: the answer could not change the components.
            if groups.find(i) != groups.find(j) and matcher.same_event(events[i], events[j]):
                groups.union(i, j)
        matcher.text.clear()
    link_copies(events, duplicates, matcher, groups)
    summary.compared = matcher.compared
    summary.reasons = dict(matcher.reasons)
    return groups


def stories_of(events: list[LinkEvent], groups: UnionFind, summary: LinkSummary) -> list[Story]:
    """One story per group, counted in the summary."""
    stories = [build_story([events[i] for i in members]) for members in groups.components()]
    summary.stories = len(stories)
    linked = [s for s in stories if s.num_mentions > 1]
    summary.linked_stories = len(linked)
    summary.linked_events = sum(s.num_mentions for s in linked)
    return stories


def link_copies(events: list[LinkEvent], duplicates: dict[str, str], matcher: Matcher,
                 groups: UnionFind) -> None:
    """Events of near-duplicate articles, per cluster and type."""
    if not duplicates:
        return
    by_cluster: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, event in enumerate(events):
        cluster = duplicates.get(event.article_id)
        if cluster is not None:
            by_cluster[(cluster, event.event)].append(i)
    for members in by_cluster.values():
        for pos, i in enumerate(members):
            for j in members[pos + 1:]:
                if groups.find(i) != groups.find(j) and matcher.same_copy(events[i], events[j]):
                    groups.union(i, j)


class _Clock:
    def __init__(self, timings: dict[str, float]) -> None:
        self.timings = timings
        self.last = time.perf_counter()

    def lap(self, name: str) -> None:
        now = time.perf_counter()
        self.timings[name] = round(now - self.last, 3)
        self.last = now


__all__ = ["LinkSettings", "LinkSummary", "Story", "link"]
