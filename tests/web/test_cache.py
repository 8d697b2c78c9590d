"""The aggregate answers' cache: kept for a while, computed once for simultaneous requests,
emptied by a write, off when asked."""

from __future__ import annotations

import threading
import time

from communique.web.cache import AnswerCache


def test_an_answer_is_kept_then_expires() -> None:
    cache = AnswerCache(0.2)
    calls: list[int] = []

    def compute() -> int:
        calls.append(1)
        return len(calls)

    assert cache.get("k", compute) == 1
    assert cache.get("k", compute) == 1  # kept
    assert cache.get("other", compute) == 2  # keys are apart
    time.sleep(0.25)
    assert cache.get("k", compute) == 3  # expired: computed again


def test_simultaneous_requests_compute_once() -> None:
    cache = AnswerCache(10)
    started = threading.Event()
    calls: list[int] = []

    def slow() -> str:
        calls.append(1)
        started.set()
        time.sleep(0.3)
        return "answer"

    results: list[str] = []
    threads = [threading.Thread(target=lambda: results.append(cache.get("k", slow)))
               for _ in range(20)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == ["answer"] * 20
    assert len(calls) == 1


def test_a_failed_computation_is_not_kept() -> None:
    cache = AnswerCache(10)

    def broken() -> int:
        raise RuntimeError("store went away")

    for _ in range(2):
        try:
            cache.get("k", broken)
        except RuntimeError:
            pass
        else:
            raise AssertionError("the error must reach the caller")
    assert cache.get("k", lambda: 5) == 5


def test_clear_drops_answers_and_answers_computed_meanwhile() -> None:
    cache = AnswerCache(10)
    assert cache.get("k", lambda: "old") == "old"
    cache.clear()
    assert cache.get("k", lambda: "new") == "new"

    def racing() -> str:
        cache.clear()  # a write lands while this answer is computed
        return "stale"

    assert cache.get("j", racing) == "stale"
    assert cache.get("j", lambda: "fresh") == "fresh"  # the stale one was not kept


def test_zero_seconds_turns_it_off() -> None:
    cache = AnswerCache(0)
    calls: list[int] = []
    for _ in range(3):
        cache.get("k", lambda: calls.append(1))
    assert len(calls) == 3


def test_the_cache_is_bounded() -> None:
    cache = AnswerCache(10, size=3)
    for i in range(10):
        cache.get(i, lambda i=i: i)
    assert cache.get(0, lambda: "recomputed") == "recomputed"  # the oldest went first
    assert cache.get(9, lambda: "recomputed") == 9
