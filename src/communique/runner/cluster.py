"""The distributed backend: code partitions of the input on a Dask cluster.

    client:  read → skip what is stored → partitions/p-RUN-NNNNNN.jsonl (K articles each)
    workers: partition → the worker's one Coder (CoderPlugin) → shards/s-RUN-NNNNNN.parquet
    client:  merge shards into the store in partition order, one transaction per article

The client is the only writer of the store, as with local workers, and merging is idempotent
(``Store.put`` skips what is stored). The work directory must be visible to the client and to
every worker (a shared file system on a real cluster). A shard is written under a temporary
name and renamed, so a killed run leaves whole shards only; the next run with the same work
directory merges them first (when coded by the same coder version) instead of coding again.
"""

from __future__ import annotations

import json
import logging
import os
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from distributed import WorkerPlugin

from communique.model import Article, CodedArticle, Event, Rejection
from communique.runner.local import code_chunk, peak_rss_mb
from communique.runner.settings import RunnerError, RunSettings
from communique.runner.writer import InOrder, Item, StoreWriter, batched

log = logging.getLogger(__name__)

PLUGIN = "communique-coder"
VERSION_KEY = b"communique.coder_version"
# Partitions in flight per worker thread (written, not yet merged).
WINDOW_PER_THREAD = 2
SHARD_COLUMNS = ("article_id", "content_hash", "coded", "article")
CONNECT_SECONDS = 60


class CoderPlugin(WorkerPlugin):
    """One Coder per Dask worker process, built when the worker joins."""

    def __init__(self, *, actor_file: str | None, batch_size: int, first_pass: bool = False) -> None:
        self.actor_file = actor_file
        self.batch_size = batch_size
        self.first_pass = first_pass
        self.coder: Any = None

    def setup(self, worker: Any) -> None:
        from communique.coder import Coder, CoderSettings

        self.coder = Coder(settings=CoderSettings(
            actor_file=Path(self.actor_file) if self.actor_file else None, batch_size=self.batch_size,
            first_pass=self.first_pass))


def code_partition(partition: str, shard: str, version: str) -> dict[str, Any]:
    """The task: code one partition file into one Parquet shard (on a worker)."""
    from distributed import get_worker

    worker = get_worker()
    coder = worker.plugins[PLUGIN].coder
    coded = code_chunk(coder, list(read_partition(Path(partition))))
    write_shard(coded, Path(shard), version=version)
    return {"rows": len(coded), "peak_rss_mb": peak_rss_mb(), "worker": worker.address}


# -- files ----------------------------------------------------------------------------------------
def write_partition(items: list[Item], path: Path) -> None:
    tmp = path.with_suffix(".tmp")
    with tmp.open("w", encoding="utf-8") as fh:
        for item in items:
            article, rejected = (item.article, item.rejected) if isinstance(item, CodedArticle) else (item, None)
            record = {"article": article.to_dict(), "rejected": rejected.to_dict() if rejected else None}
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    os.replace(tmp, path)


def read_partition(path: Path) -> Iterator[Item]:
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            article = Article.from_dict(record["article"])
            rejected = record.get("rejected")
            yield CodedArticle(article=article, rejected=Rejection.from_dict(rejected)) if rejected else article


def write_shard(coded: list[CodedArticle], path: Path, *, version: str) -> None:
    """One row per coded article: its id, content hash, event-record line and the article."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    columns = {
        "article_id": pa.array([c.article.id for c in coded], pa.string()),
        "content_hash": pa.array([c.article.content_hash for c in coded], pa.string()),
        "coded": pa.array([json.dumps(c.to_dict(), ensure_ascii=False) for c in coded], pa.large_string()),
        "article": pa.array([json.dumps(c.article.to_dict(), ensure_ascii=False) for c in coded],
                            pa.large_string()),
    }
    table = pa.table(columns).replace_schema_metadata({VERSION_KEY: version.encode("utf-8")})
    tmp = path.with_suffix(".tmp")
    pq.write_table(table, tmp)
    os.replace(tmp, path)  # whole shards only, even when the worker is killed


def shard_version(path: Path) -> str | None:
    import pyarrow.parquet as pq

    metadata = pq.read_schema(path).metadata or {}
    value = metadata.get(VERSION_KEY)
    return value.decode("utf-8") if value else None


def read_shard(path: Path) -> Iterator[CodedArticle]:
    """The coded articles of a shard, read a few hundred rows at a time."""
    import pyarrow.parquet as pq

    for batch in pq.ParquetFile(path).iter_batches(batch_size=256, columns=["coded", "article"]):
        for line, article_json in zip(batch.column("coded").to_pylist(), batch.column("article").to_pylist()):
            record = json.loads(line)
            rejected = record.get("rejected")
            yield CodedArticle(article=Article.from_dict(json.loads(article_json)),
                               events=[Event.from_dict(e) for e in record.get("events") or []],
                               rejected=Rejection.from_dict(rejected) if rejected else None)


def merge_shard(path: Path, *, writer: StoreWriter) -> int:
    n = 0
    for coded in read_shard(path):
        writer.write(coded)
        n += 1
    return n


def merge_leftovers(work_dir: Path, *, writer: StoreWriter, keep_shards: bool) -> int:
    """Shards a killed run left behind: merge those of this coder version, drop the rest.

    A shard whose partition file is still there was never merged (the partition goes once its
    shard is merged); a shard without one was kept by ``--keep-shards`` and is left alone.
    """
    merged = 0
    for shard in sorted((work_dir / "shards").glob("s-*.parquet")):
        partition = work_dir / "partitions" / ("p-" + shard.name[2:].replace(".parquet", ".jsonl"))
        if not partition.exists():
            continue
        if shard_version(shard) == writer.version:
            merged += merge_shard(shard, writer=writer)
        else:
            log.warning("%s was coded by another coder version: not merged", shard)
        partition.unlink()
        if not keep_shards:
            shard.unlink()
    for stale in [*(work_dir / "partitions").glob("p-*"), *(work_dir / "shards").glob("*.tmp")]:
        stale.unlink()  # never coded: their articles are read again from the input
    return merged


# -- the run --------------------------------------------------------------------------------------
def connect(address: str) -> tuple[Any, Any]:
    """(client, cluster): ``local:N`` starts N single-threaded worker processes here."""
    from distributed import Client, LocalCluster

    if address.startswith("local:"):
        try:
            n = int(address.removeprefix("local:"))
        except ValueError:
            raise RunnerError(f"--dask local:N wants a number of workers, got {address!r}") from None
        cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=True,
                               dashboard_address=None, silence_logs=logging.WARNING)
        return Client(cluster), cluster
    try:
        return Client(address, timeout=CONNECT_SECONDS), None
    except OSError as exc:
        raise RunnerError(f"cannot reach the Dask scheduler at {address}: {exc}") from exc


def run_on_dask(items: Iterable[Item], *, writer: StoreWriter, settings: RunSettings) -> None:
    """Code the items on a Dask cluster and merge every shard into the store (in order)."""
    from distributed import as_completed

    assert settings.dask and settings.work_dir
    work_dir = settings.work_dir
    (work_dir / "partitions").mkdir(parents=True, exist_ok=True)
    (work_dir / "shards").mkdir(parents=True, exist_ok=True)
    merge_leftovers(work_dir, writer=writer, keep_shards=settings.keep_shards)

    summary, run_id = writer.summary, writer.summary.run_id
    client, cluster = connect(settings.dask)
    started = time.perf_counter()
    try:
        client.register_plugin(CoderPlugin(
            actor_file=str(settings.actor_file) if settings.actor_file else None,
            batch_size=settings.batch_size, first_pass=settings.first_pass), name=PLUGIN)
        window = max(2, WINDOW_PER_THREAD * sum(client.nthreads().values()))
        done = as_completed()
        order: InOrder[int] = InOrder()
        sent = 0

        def paths(n: int) -> tuple[Path, Path]:
            return (work_dir / "partitions" / f"p-{run_id}-{n:06d}.jsonl",
                    work_dir / "shards" / f"s-{run_id}-{n:06d}.parquet")

        def collect_one() -> None:
            future = next(done)
            try:
                result = future.result()
            except Exception as exc:  # noqa: BLE001 - a task that failed on every worker it tried
                raise RunnerError(f"partition {future_seq.get(future.key)} failed on the cluster: "
                                  f"{exc!r}; what was merged is stored: run the same command "
                                  "again to resume") from exc
            name = str(result["worker"])
            summary.peak_rss_mb[name] = max(summary.peak_rss_mb.get(name, 0.0), result["peak_rss_mb"])
            if summary.first_result_seconds is None:
                summary.first_result_seconds = time.perf_counter() - started
            seq = future_seq.pop(future.key)
            for n in order.add(seq, seq):
                partition, shard = paths(n)
                merge_shard(shard, writer=writer)
                partition.unlink()
                if not settings.keep_shards:
                    shard.unlink()

        future_seq: dict[str, int] = {}
        for part in batched(writer.pending(items), settings.partition_size):
            partition, shard = paths(sent)
            write_partition(part, partition)
            future = client.submit(code_partition, str(partition), str(shard), writer.version,
                                   key=f"communique-{run_id}-{sent:06d}", pure=False)
            future_seq[future.key] = sent
            done.add(future)
            sent += 1
            while sent - order.next >= window:
                collect_one()
        while order.next < sent:
            collect_one()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
