"""Code articles in N worker processes on this machine.

    parent: read → skip what is stored → chunks ─tasks─▶ worker 1..N: one Coder each
    parent: write in input order ◀─results─────────────┘

Each worker builds one ``Coder`` (models load once per process) and codes chunks of
``chunk_size`` articles. Queues are bounded by an in-flight window of ``4 × workers`` chunks
(sent and not yet written), so memory stays constant whatever the size of the input; the
input itself is a generator and is never held whole. Workers start with ``spawn`` (or
``forkserver``): forking a process that has loaded spaCy and a BLAS library is not safe.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import queue
import resource
import sys
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from communique.errors import ArticleRejected, CommuniqueError
from communique.model import CodedArticle, Rejection
from communique.runner.settings import RunnerError, RunSettings
from communique.runner.writer import InOrder, Item, StoreWriter, batched

log = logging.getLogger(__name__)

# Chunks in flight per worker: enough to keep every worker busy while the parent writes.
WINDOW_PER_WORKER = 4
# How long the parent waits for a result before checking that the workers are alive.
POLL_SECONDS = 1.0
# Sequence numbers of the messages that are not results.
FAILED, RETIRED = -1, -2


def run_local(items: Iterable[Item], *, writer: StoreWriter, settings: RunSettings) -> None:
    """Code the items in ``settings.workers`` processes and write every result (in order)."""
    ctx = multiprocessing.get_context(settings.start_method)
    window = WINDOW_PER_WORKER * settings.workers
    tasks = ctx.Queue(maxsize=window)
    results = ctx.Queue()

    def new_worker(name: str) -> Any:
        process = ctx.Process(target=work, name=name, daemon=True,
                              args=(tasks, results, settings.actor_file, settings.batch_size, settings.first_pass,
                                    settings.recycle_after))
        process.start()
        return process

    # Started with the first chunk: a resumed run with nothing left to code loads no model.
    workers: dict[str, Any] = {}
    summary = writer.summary
    started = time.perf_counter()
    order: InOrder[list[CodedArticle]] = InOrder()
    chunks = batched(writer.pending(items), settings.chunk_size)
    sent, exhausted, finished = 0, False, False
    try:
        while True:
            # Never more than `window` chunks between reading and writing: constant memory,
            # and the put below cannot block (the queue holds `window` chunks).
            while not exhausted and sent - order.next < window:
                chunk = next(chunks, None)
                if chunk is None:
                    exhausted = True
                    continue
                if not workers:
                    workers = {f"worker-{n + 1}": new_worker(f"worker-{n + 1}")
                               for n in range(settings.workers)}
                    started = time.perf_counter()
                tasks.put((sent, chunk))
                sent += 1
            if exhausted and order.next == sent:
                break
            try:
                seq, coded, peak_mb, name = results.get(timeout=POLL_SECONDS)
            except queue.Empty:
                _check_alive(workers.values())
                continue
            summary.peak_rss_mb[name] = max(summary.peak_rss_mb.get(name, 0.0), peak_mb)
            if seq == FAILED:
                raise RunnerError(coded)
            if seq == RETIRED:  # its memory grew with the corpus's vocabulary: a fresh one
                workers[name].join(timeout=30)
                workers[name] = new_worker(name)
                continue
            if summary.first_result_seconds is None:
                summary.first_result_seconds = time.perf_counter() - started
            for batch in order.add(seq, coded):
                for article in batch:
                    writer.write(article)
        finished = True
    finally:
        _stop(list(workers.values()), tasks, results, graceful=finished)


def _check_alive(workers: Iterable[Any]) -> None:
    for process in workers:
        # Exit code 0 is a worker retiring: its message is on its way.
        if process.exitcode not in (None, 0):
            raise RunnerError(f"{process.name} died (exit code {process.exitcode}); what was "
                              "stored is whole: run the same command again to resume")


def _stop(workers: list[Any], tasks: Any, results: Any, *, graceful: bool) -> None:
    if graceful:
        for _ in workers:
            tasks.put(None)
        for process in workers:
            process.join(timeout=30)
    for process in workers:
        if process.is_alive():
            process.terminate()
            process.join(timeout=10)
    # Results nobody will read must not keep the queue's feeder thread (and exit) waiting.
    results.cancel_join_thread()
    tasks.cancel_join_thread()


# -- the worker process ---------------------------------------------------------------------------
def work(tasks: Any, results: Any, actor_file: Path | None, batch_size: int, first_pass: bool,
         recycle_after: int) -> None:
    """Code chunks until told to stop (None), until the parent is gone, or until retiring."""
    from communique.coder import Coder, CoderSettings

    name = multiprocessing.current_process().name
    parent = os.getppid()
    coded = 0
    try:
        coder = Coder(settings=CoderSettings(actor_file=actor_file, batch_size=batch_size,
                                             first_pass=first_pass))
        while os.getppid() == parent:  # else the parent was killed: nobody reads the results
            if recycle_after and coded >= recycle_after:
                results.put((RETIRED, None, peak_rss_mb(), name))
                return
            try:
                task = tasks.get(timeout=POLL_SECONDS)
            except queue.Empty:
                continue
            if task is None:
                return
            seq, items = task
            results.put((seq, code_chunk(coder, items), peak_rss_mb(), name))
            coded += len(items)
        # Orphaned: exit without waiting to flush results into a pipe nobody reads.
        results.cancel_join_thread()
    except CommuniqueError as exc:
        # A model or lexicon that cannot load would reject every article: stop the run instead.
        results.put((FAILED, f"{name}: {exc}", peak_rss_mb(), name))
    except KeyboardInterrupt:
        return


def code_chunk(coder: Any, items: list[Item]) -> list[CodedArticle]:
    """Code a chunk; an unexpected failure costs only the article that caused it."""
    try:
        return list(coder.code_items(items))
    except CommuniqueError as exc:
        if not isinstance(exc, ArticleRejected):
            raise
    except Exception:  # noqa: BLE001 - one article must not stop the run (house rule 4)
        log.exception("a chunk failed; coding its articles one by one")
    return [_code_one(coder, item) for item in items]


def _code_one(coder: Any, item: Item) -> CodedArticle:
    if isinstance(item, CodedArticle):
        return item
    try:
        return coder.code_article(item)
    except ArticleRejected as exc:
        return CodedArticle(article=item, rejected=Rejection(exc.stage, exc.reason))
    except CommuniqueError:
        raise
    except Exception as exc:  # noqa: BLE001 - becomes this article's rejection record
        log.exception("coding failed for %s", item.id)
        return CodedArticle(article=item, rejected=Rejection("annotate", f"internal error: {exc!r}"))


def peak_rss_mb() -> float:
    """This process's peak resident memory in MB.

    Linux's ``VmHWM`` (high-water mark of this address space) rather than ``ru_maxrss``, which a
    spawned worker inherits from its parent's peak at fork time.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024  # kB
    except OSError:
        pass
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024 if sys.platform == "darwin" else 1024)  # bytes on macOS, else kB


__all__ = ["run_local", "work", "code_chunk", "peak_rss_mb"]
