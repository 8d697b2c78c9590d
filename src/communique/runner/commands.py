"""The ``communique run`` command: a thin shell over ``communique.runner.run``.

    communique run INPUT... [--db PATH] [--workers N | --dask tcp://HOST:8786 | --dask local:N]
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from communique.runner.settings import CHUNK_SIZE, PARTITION_SIZE, RECYCLE_AFTER


def _default_workers() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def _work_dir(args: argparse.Namespace) -> Path:
    if args.work_dir:
        return Path(args.work_dir)
    if args.db.startswith(("postgresql://", "postgres://")):
        return Path("communique-work")
    return Path(args.db + ".work")


def cmd_run(args: argparse.Namespace) -> int:
    from communique.console import EXIT_OK, EXIT_REJECTED, report_rejections
    from communique.errors import UsageError
    from communique.runner import RunSettings, run
    from communique.store import open_store

    if args.workers < 1:
        raise UsageError("--workers must be at least 1")
    progress = sys.stderr.isatty() if args.progress is None else args.progress
    settings = RunSettings(workers=args.workers, chunk_size=args.chunk_size,
                           actor_file=Path(args.actors) if args.actors else None,
                           start_method=args.start_method, recycle_after=args.recycle_after,
                           progress=progress,
                           count_total=not args.no_count, link=not args.no_link,
                           vectors=not args.no_vectors, first_pass=args.first_pass,
                           dask=args.dask,
                           partition_size=args.partition_size,
                           work_dir=_work_dir(args) if args.dask else None,
                           keep_shards=args.keep_shards)
    exclude = [] if args.db.startswith("postgres") else [Path(args.db)]
    with open_store(args.db) as store:
        summary = run(args.inputs, store=store, settings=settings, exclude=exclude)
        rejected = summary.counts["rejected"]
        report_rejections(store.rejections(run_id=summary.run_id), total=rejected)
    print(summary.describe())
    return EXIT_REJECTED if rejected else EXIT_OK


def add_commands(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("run", help="code inputs of any size into the store: parallel, resumable",
                       description="Code articles into the store in N worker processes (or on a "
                       "Dask cluster). Safe to kill: running the same command again skips what "
                       "is stored and codes the rest. See docs/scale.md.")
    p.add_argument("inputs", nargs="+", metavar="INPUT",
                   help=".txt, .html, .jsonl files, directories, or - for stdin")
    p.add_argument("--db", default=os.environ.get("COMMUNIQUE_DB", "communique.db"),
                   help="store: a SQLite file (default: $COMMUNIQUE_DB or communique.db) or "
                   "postgresql://user@host/db")
    p.add_argument("--workers", type=int, default=_default_workers(),
                   help="worker processes, each loading the models once (default: one per CPU)")
    p.add_argument("--chunk-size", type=int, default=CHUNK_SIZE,
                   help=f"articles per task sent to a worker (default {CHUNK_SIZE})")
    p.add_argument("--start-method", choices=("spawn", "forkserver"), default="spawn",
                   help="how worker processes start (default spawn)")
    p.add_argument("--recycle-after", type=int, default=RECYCLE_AFTER, metavar="N",
                   help="replace a worker process after it coded N articles, which keeps memory "
                   f"flat on very large corpora (default {RECYCLE_AFTER:,}; 0: never)")
    p.add_argument("--actors", metavar="TSV", help="your own actor file (see docs/actors.md)")
    p.add_argument("--no-link", action="store_true", help="do not link stories after coding")
    p.add_argument("--first-pass", action="store_true",
                   help="parse fully only the sentences that may hold an event (experimental: no measured gain yet; docs/scale.md)")
    p.add_argument("--no-vectors", action="store_true",
                   help="link without the sentence encoder (faster, coarser)")
    bar = p.add_mutually_exclusive_group()
    bar.add_argument("--progress", dest="progress", action="store_true", default=None,
                     help="show the progress bar on stderr (default: when stderr is a terminal)")
    bar.add_argument("--no-progress", dest="progress", action="store_false")
    p.add_argument("--no-count", action="store_true",
                   help="do not count the input first (no ETA; for inputs too slow to scan twice)")
    dask = p.add_argument_group("Dask backend")
    dask.add_argument("--dask", metavar="ADDRESS",
                      help="code on a Dask cluster: tcp://HOST:8786 (a running scheduler) or "
                      "local:N (N worker processes started here); --workers is then ignored")
    dask.add_argument("--partition-size", type=int, default=PARTITION_SIZE,
                      help=f"articles per partition and shard (default {PARTITION_SIZE})")
    dask.add_argument("--work-dir", metavar="DIR",
                      help="partitions and Parquet shards; must be visible to every worker "
                      "(default: DB.work next to a SQLite store)")
    dask.add_argument("--keep-shards", action="store_true",
                      help="keep the Parquet shards after merging them into the store")
    p.set_defaults(func=cmd_run)
