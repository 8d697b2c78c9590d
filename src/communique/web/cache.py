"""Short-lived answers for the aggregate endpoints (counts, actors, dyads, people, stories, map,
network, dyad timelines).

Those answers read every matching event: tens to hundreds of milliseconds on a store of 100k
events. A dashboard asks the same ones again and again (every visitor of the overview asks for
the same counts), so each answer is kept for ``seconds`` (``communique serve --cache-seconds``,
default 10; 0 turns the cache off) and computed once however many requests ask for it at the
same time: the others wait for that one computation instead of running it fifty times.

An ingest through this server empties the cache at once; a writer outside the server (another
``communique ingest`` on the same store) shows in the aggregates after ``seconds`` at most.
Event lists, single events and articles are never cached: they are cheap and must be current.

Cached values are shared between requests: callers treat them as read-only.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from starlette.requests import Request

from communique.store.query import EventFilter
from communique.store.store import Store
from communique.web.state import store_of

T = TypeVar("T")
DEFAULT_SECONDS = 10.0
MAX_ENTRIES = 512


class AnswerCache:
    """Answers by key for ``seconds``, at most ``size`` of them, one computation per key at once."""

    def __init__(self, seconds: float = DEFAULT_SECONDS, *, size: int = MAX_ENTRIES) -> None:
        self.seconds = seconds
        self.size = size
        self._lock = threading.Lock()
        self._entries: OrderedDict[Hashable, tuple[float, Any]] = OrderedDict()
        self._running: dict[Hashable, threading.Event] = {}
        self._generation = 0
        self.hits = 0
        self.misses = 0

    def get(self, key: Hashable, compute: Callable[[], T]) -> T:
        if self.seconds <= 0:
            return compute()
        while True:
            with self._lock:
                entry = self._entries.get(key)
                if entry is not None and entry[0] > time.monotonic():
                    self._entries.move_to_end(key)
                    self.hits += 1
                    return entry[1]  # type: ignore[no-any-return]
                running = self._running.get(key)
                if running is None:
                    running = self._running[key] = threading.Event()
                    generation = self._generation
                    break
            # Someone computes this answer now: wait for it, then read it (or, if that
            # computation failed, compute it here).
            running.wait()
        try:
            value = compute()
            with self._lock:
                self.misses += 1
                if generation == self._generation:  # not emptied while computing
                    self._entries[key] = (time.monotonic() + self.seconds, value)
                    self._entries.move_to_end(key)
                    while len(self._entries) > self.size:
                        self._entries.popitem(last=False)
            return value
        finally:
            with self._lock:
                self._running.pop(key, None)
            running.set()

    def clear(self) -> None:
        """Forget every answer (after a write through this server)."""
        with self._lock:
            self._entries.clear()
            self._generation += 1


def cached(request: Request, fn: Callable[..., T], flt: EventFilter, **options: Any) -> T:
    """``fn(store, flt, **options)`` through the app's cache (``fn`` is a store query)."""
    cache: AnswerCache = request.app.state.cache
    key = (fn.__module__, fn.__qualname__, flt, tuple(sorted(options.items())))
    store: Store = store_of(request)
    return cache.get(key, lambda: fn(store, flt, **options))
