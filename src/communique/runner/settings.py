"""What a run is asked to do (``RunSettings``) and what it did (``RunSummary``)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from communique.errors import CommuniqueError

# Articles per task sent to a worker process: large enough for spaCy's nlp.pipe batches,
# small enough that a kill loses little and the in-flight window stays small.
CHUNK_SIZE = 16
# Articles per Dask partition (one JSONL file in, one Parquet shard out).
PARTITION_SIZE = 200
# A worker process is replaced by a fresh one after coding this many articles: spaCy interns
# every new word in its StringStore, which never shrinks, so a worker's memory would otherwise
# grow with the vocabulary of the corpus. Reloading the models costs a few seconds.
RECYCLE_AFTER = 50_000


class RunnerError(CommuniqueError):
    """A worker died or a cluster cannot be reached; the store stays consistent (re-run to resume)."""


@dataclass(frozen=True, slots=True)
class RunSettings:
    workers: int = 1
    chunk_size: int = CHUNK_SIZE
    batch_size: int = 16  # spaCy nlp.pipe batch inside each worker
    actor_file: Path | None = None
    start_method: str = "spawn"  # or "forkserver"; never fork (spaCy and BLAS threads)
    recycle_after: int = RECYCLE_AFTER  # articles per worker process (0: never replace)
    progress: bool = True
    count_total: bool = True  # count the input first, for an ETA
    link: bool = True
    vectors: bool = True
    first_pass: bool = False  # CoderSettings.first_pass in every worker
    # Dask backend
    dask: str | None = None  # "tcp://host:8786" or "local:N"
    partition_size: int = PARTITION_SIZE
    work_dir: Path | None = None
    keep_shards: bool = False

    def config(self, inputs: list[str]) -> dict[str, object]:
        """What the store records about the run."""
        return {"inputs": inputs, "backend": "dask" if self.dask else "local",
                "workers": self.workers, "dask": self.dask, "chunk_size": self.chunk_size,
                "partition_size": self.partition_size if self.dask else None,
                "batch_size": self.batch_size, "link": self.link, "vectors": self.vectors,
                "first_pass": self.first_pass,
                "actor_file": str(self.actor_file) if self.actor_file else None}


@dataclass(slots=True)
class RunSummary:
    run_id: str
    counts: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0
    first_result_seconds: float | None = None  # start-up: models loading in the workers
    peak_rss_mb: dict[str, float] = field(default_factory=dict)  # worker → peak resident MB
    link: object | None = None

    @property
    def coded(self) -> int:
        """Articles coded by the workers in this run (stored, or found stored meanwhile)."""
        return self.counts["coded"]

    def describe(self) -> str:
        c = self.counts
        rate = c["coded"] / self.seconds if self.seconds else 0.0
        text = (f"{c['read']} read: {c['stored']} stored ({c['events']} events, {c['rejected']} "
                f"rejected), {c['unchanged']} unchanged, {c['duplicate']} duplicates; "
                f"{c['coded']} coded in {self.seconds:.1f} s ({rate:.1f} articles/s)")
        if self.peak_rss_mb:
            text += f"; peak memory per worker {max(self.peak_rss_mb.values()):.0f} MB"
        text += f"; run {self.run_id}"
        if self.link is not None:
            text += f"\n{self.link}"
        return text
