"""``run``: code inputs of any size into the store, in parallel, resumably.

    summary = run(["corpus.jsonl"], store=open_store("events.db"), settings=RunSettings(workers=4))

Local worker processes by default (``runner.local``), a Dask cluster with ``settings.dask``
(``runner.cluster``). Either way the calling process reads the input as a stream, skips what
the store already holds, and is the only writer of the store; see ``docs/scale.md``.
"""

from __future__ import annotations

import io
import sys
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

from communique.ingest.batch import distinct_ids
from communique.ingest.readers import Item, check_inputs, iter_inputs, read_jsonl
from communique.runner.progress import Progress, count_inputs
from communique.runner.settings import RunSettings, RunSummary
from communique.runner.writer import StoreWriter
from communique.store.store import Store, now
from communique.store.versioning import coder_version


def stream_inputs(inputs: list[str], *, exclude: Iterable[Path] = ()) -> Iterator[Item]:
    """``read_inputs``, except that JSONL on standard input is read line by line too."""
    return distinct_ids(_stream(inputs, exclude=list(exclude)))


def _stream(inputs: list[str], *, exclude: list[Path]) -> Iterator[Item]:
    for name in inputs:
        stdin = sys.stdin.buffer
        if name == "-" and isinstance(stdin, io.BufferedReader) and stdin.peek(1)[:1] == b"{":
            yield from read_jsonl(stdin, source="stdin")
        else:
            yield from iter_inputs([name], exclude=exclude)


def run(inputs: Iterable[str], *, store: Store, settings: RunSettings | None = None,
        exclude: Iterable[Path] = ()) -> RunSummary:
    """Code every new or changed article of the inputs and store it; then link the stories."""
    settings = settings or RunSettings()
    inputs = list(inputs)
    check_inputs(inputs)  # a mistyped path stops here, before a run is recorded
    version = coder_version(actor_file=settings.actor_file)
    record = store.start_run(coder_version=version, config=settings.config(inputs))
    summary = RunSummary(run_id=record.id)
    total = count_inputs(inputs) if settings.progress and settings.count_total else None
    progress = Progress(total=total, enabled=settings.progress)
    writer = StoreWriter(store, version=version, summary=summary, progress=progress)
    items = stream_inputs(inputs, exclude=exclude)
    started = time.perf_counter()
    try:
        if settings.dask:
            from communique.runner.cluster import run_on_dask

            run_on_dask(items, writer=writer, settings=settings)
        else:
            from communique.runner.local import run_local

            run_local(items, writer=writer, settings=settings)
    finally:
        progress.close()
        summary.seconds = time.perf_counter() - started
    record.timings = {"code_and_write": round(summary.seconds, 3)}
    if summary.first_result_seconds is not None:
        record.timings["first_result"] = round(summary.first_result_seconds, 3)
    if settings.link:
        from communique.link import LinkSettings, link

        tick = time.perf_counter()
        summary.link = link(store, settings=LinkSettings(vectors=settings.vectors))
        record.timings["link"] = round(time.perf_counter() - tick, 3)
    record.counts = dict(summary.counts)
    record.finished = now()
    store.put_run(record)
    return summary
