"""The parent's side of a run: choose what needs coding, and write results in input order.

The parent is the only process that touches the store. Before an article is sent to a worker it
is looked up: stored with the same content hash by the same coder version → skipped
("unchanged"); the same text stored under another id → skipped ("duplicate"). Results are
written back in input order (a small reorder buffer), one transaction per article, so a run
with N workers stores exactly what a single sequential ingest stores, and a killed run leaves
whole articles only: running it again skips them and codes the rest.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Generic, TypeVar

from communique.model import Article, CodedArticle
from communique.runner.progress import Progress
from communique.runner.settings import RunSummary
from communique.store.store import Store, count_outcome, skip_reason

Item = Article | CodedArticle
T = TypeVar("T")


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


class InOrder(Generic[T]):
    """Results that arrive in any order, handed on in sequence order."""

    def __init__(self) -> None:
        self._waiting: dict[int, T] = {}
        self.next = 0  # the sequence number to hand on next

    def add(self, seq: int, value: T) -> Iterator[T]:
        self._waiting[seq] = value
        while self.next in self._waiting:
            yield self._waiting.pop(self.next)
            self.next += 1

    def __len__(self) -> int:
        return len(self._waiting)


class StoreWriter:
    """Skips what is stored already and writes coded articles, counting both."""

    def __init__(self, store: Store, *, version: str, summary: RunSummary,
                 progress: Progress) -> None:
        self.store = store
        self.version = version
        self.summary = summary
        self.counts = summary.counts
        self.progress = progress

    def pending(self, items: Iterable[Item]) -> Iterator[Item]:
        """The items that need coding (rejected inputs too: the store keeps rejections)."""
        seen: set[str] = set()  # texts met earlier in this run, maybe not yet written
        for item in items:
            self.counts["read"] += 1
            outcome = skip_reason(self.store, item.article if isinstance(item, CodedArticle) else item,
                                  version=self.version, seen=seen)
            if outcome is None:
                yield item
            else:
                self.counts[outcome] += 1
                self.progress.advance(1, self.counts)

    def write(self, coded: CodedArticle) -> None:
        self.progress.coding()
        self.counts["coded"] += 1
        outcome = self.store.put(coded, run_id=self.summary.run_id, coder_version=self.version)
        count_outcome(self.counts, outcome, coded)
        self.progress.advance(1, self.counts)
