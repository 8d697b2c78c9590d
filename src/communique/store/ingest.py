"""Ingest: read inputs, code what is new, store each article in its own transaction.

Idempotent and resumable. An article already stored with the same content hash and the same
coder version is skipped before coding; the same text under another id is a duplicate and is
skipped too. A changed article, or one coded by another coder version, is re-coded and its
events replaced in one transaction. Killing an ingest loses at most the articles being coded
(one coder batch); running it again picks up where it stopped.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from communique.coder import Coder
from communique.ingest import read_inputs
from communique.ingest.readers import check_inputs
from communique.model import Article, CodedArticle
from communique.store.records import RunRecord
from communique.store.store import Store, count_outcome, now, skip_reason
from communique.store.versioning import coder_version

Progress = Callable[[Counter[str]], None]
Skipped = Callable[[Article, str], None]
COUNTS = ("read", "stored", "unchanged", "duplicate", "events", "rejected")


@dataclass(slots=True)
class IngestSummary:
    run: RunRecord
    counts: Counter[str] = field(default_factory=lambda: Counter(dict.fromkeys(COUNTS, 0)))
    link: object | None = None  # the LinkSummary when linking ran

    def describe(self) -> str:
        c = self.counts
        text = (f"{c['read']} read: {c['stored']} stored ({c['events']} events, "
                f"{c['rejected']} rejected), {c['unchanged']} unchanged, "
                f"{c['duplicate']} duplicates; run {self.run.id}")
        if self.link is not None:
            text += f"\n{self.link}"
        return text


def ingest(inputs: Iterable[str], *, store: Store, coder: Coder, link: bool = True,
           vectors: bool = True, exclude: Iterable[Path] = (),
           progress: Progress | None = None) -> IngestSummary:
    """Code and store every new or changed article of the inputs; then link the stories."""
    inputs = list(inputs)
    check_inputs(inputs)  # a mistyped path stops here, before a run is recorded
    version = coder_version(actor_file=coder.settings.actor_file)
    config = {"inputs": inputs, "batch_size": coder.settings.batch_size,
              "actor_file": str(coder.settings.actor_file) if coder.settings.actor_file else None,
              "link": link, "vectors": vectors}
    run = store.start_run(coder_version=version, config=config)
    summary = IngestSummary(run=run)
    counts = summary.counts
    started = time.perf_counter()

    timings: dict[str, float] = {}
    for _ in code_and_store(read_inputs(inputs, exclude=exclude), store=store, coder=coder,
                            run_id=run.id, version=version, counts=counts, timings=timings):
        if progress is not None:
            progress(counts)
    run.timings = {"code_and_read": round(time.perf_counter() - started - timings["write"], 3),
                   "write": round(timings["write"], 3)}
    if link:
        from communique.link import LinkSettings, link as link_stories

        tick = time.perf_counter()
        summary.link = link_stories(store, settings=LinkSettings(vectors=vectors))
        run.timings["link"] = round(time.perf_counter() - tick, 3)
    run.counts = dict(counts)
    run.finished = now()
    store.put_run(run)
    return summary


def code_and_store(items: Iterable[Article | CodedArticle], *, store: Store, coder: Coder,
                   run_id: str, version: str, counts: Counter[str],
                   skipped: Skipped | None = None, timings: dict[str, float] | None = None
                   ) -> Iterator[tuple[CodedArticle, str]]:
    """The one path from inputs to the store, for ``ingest`` and ``watch``: skip what this
    coder version already stored, code the rest, store each article in its own transaction.

    Yields each coded article with its ``Store.put`` outcome once it is written; an item
    skipped before coding goes to ``skipped(article, reason)`` instead. ``counts`` and
    ``timings["write"]`` (seconds spent writing) are kept up to date.
    """
    if timings is not None:
        timings.setdefault("write", 0.0)
    pending = _pending(items, store=store, version=version, counts=counts, skipped=skipped)
    for coded in coder.code_items(pending):
        tick = time.perf_counter()
        outcome = store.put(coded, run_id=run_id, coder_version=version)
        if timings is not None:
            timings["write"] += time.perf_counter() - tick
        count_outcome(counts, outcome, coded)
        yield coded, outcome


def _pending(items: Iterable[Article | CodedArticle], *, store: Store, version: str,
             counts: Counter[str], skipped: Skipped | None = None
             ) -> Iterator[Article | CodedArticle]:
    """The inputs that need coding: skip what this coder version already stored."""
    seen: set[str] = set()  # texts met earlier in this run, maybe not yet written
    for item in items:
        counts["read"] += 1
        article = item.article if isinstance(item, CodedArticle) else item
        skip = skip_reason(store, article, version=version, seen=seen)
        if skip is None:
            yield item
        else:
            counts[skip] += 1
            if skipped is not None:
                skipped(article, skip)
