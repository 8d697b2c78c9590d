"""The runner's pieces without models: ordering, input counting, partitions, Parquet shards, the
merge of shards a killed Dask run left behind, and the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from communique.model import Article, CodedArticle, Entity, Event, Rejection, Span
from communique.runner.progress import Progress, count_inputs
from communique.runner.settings import RunSummary
from communique.runner.writer import InOrder, StoreWriter, batched
from communique.store import open_store


def test_results_are_handed_on_in_sequence_order() -> None:
    order: InOrder[str] = InOrder()
    assert list(order.add(2, "c")) == [] and list(order.add(1, "b")) == []
    assert list(order.add(0, "a")) == ["a", "b", "c"]
    assert list(order.add(3, "d")) == ["d"] and len(order) == 0 and order.next == 4


def test_batched_keeps_every_item_once() -> None:
    assert list(batched(range(7), 3)) == [[0, 1, 2], [3, 4, 5], [6]]
    assert list(batched([], 3)) == []


def test_inputs_are_counted_like_the_readers_read_them(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text('{"id": 1, "text": "x"}\n\n{"id": 2, "text": "y"}\n{broken\n')
    (tmp_path / "b.txt").write_text("one article")
    (tmp_path / "README.md").write_text("not an article")
    (tmp_path / "notes.csv").write_text("not read")
    assert count_inputs([str(tmp_path)]) == 4
    assert count_inputs([str(tmp_path / "a.jsonl"), str(tmp_path / "b.txt")]) == 4
    assert count_inputs(["-"]) is None


def _coded(n: int, *, text: str | None = None) -> CodedArticle:
    body = text or f"Le Maroc a rencontré la Mauritanie ({n})."
    article = Article(id=f"a{n}", text=body, title=None, published="2024-01-02", lang="fr",
                      source="test", meta={"k": n})
    event = Event(id=f"e{n}", article_id=article.id, event="CONSULT", mode="meet",
                  actor=[Entity(code="MAR", sector="GOV", entity_text="Le Maroc", start=0, end=8)],
                  recipient=[Entity(code="MRT", sector="GOV", entity_text="la Mauritanie",
                                    start=21, end=34)],
                  event_text=[Span(text=body, start=0, end=len(body), sentence=0)],
                  confidence=0.9, explanation="test")
    return CodedArticle(article=article, events=[event])


def test_partitions_and_shards_round_trip(tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    from communique.runner.cluster import (read_partition, read_shard, shard_version,
                                           write_partition, write_shard)

    rejected = CodedArticle(article=Article(id="bad", text="", source="x:3"),
                            rejected=Rejection("ingest", "invalid JSON"))
    items = [_coded(1).article, rejected]
    write_partition(items, tmp_path / "p.jsonl")
    back = list(read_partition(tmp_path / "p.jsonl"))
    assert back[0] == items[0] and back[1].to_dict() == rejected.to_dict()

    coded = [_coded(1), _coded(2), rejected]
    write_shard(coded, tmp_path / "s.parquet", version="9.9+abc")
    assert shard_version(tmp_path / "s.parquet") == "9.9+abc"
    again = list(read_shard(tmp_path / "s.parquet"))
    assert [c.to_dict() for c in again] == [c.to_dict() for c in coded]
    assert [c.article for c in again] == [c.article for c in coded]
    import pyarrow.parquet as pq

    table = pq.read_table(tmp_path / "s.parquet")
    assert table.column_names == ["article_id", "content_hash", "coded", "article"]
    assert table.column("content_hash").to_pylist()[0] == coded[0].article.content_hash
    assert json.loads(table.column("coded").to_pylist()[0])["id"] == "a1"


def test_leftover_shards_of_this_coder_version_are_merged_once(tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    from communique.runner.cluster import merge_leftovers, write_shard

    work = tmp_path / "work"
    (work / "shards").mkdir(parents=True)
    (work / "partitions").mkdir()
    for n in range(4):  # partitions 0 and 1 were coded, 2 was being coded, 3 was not yet
        (work / "partitions" / f"p-run-{n:06d}.jsonl").write_text("{}\n")
    write_shard([_coded(1), _coded(2)], work / "shards" / "s-run-000000.parquet", version="v1")
    write_shard([_coded(3)], work / "shards" / "s-run-000001.parquet", version="v0")
    (work / "shards" / "s-run-000002.tmp").write_text("half a shard")
    write_shard([_coded(4)], work / "shards" / "s-old-000000.parquet", version="v1")  # kept, merged
    with open_store(tmp_path / "store.db") as store:
        run = store.start_run(coder_version="v1", config={})
        summary = RunSummary(run_id=run.id)
        writer = StoreWriter(store, version="v1", summary=summary,
                             progress=Progress(total=None, enabled=False))
        assert merge_leftovers(work, writer=writer, keep_shards=False) == 2
        assert store.article_ids() == ["a1", "a2"] and store.event_ids() == ["e1", "e2"]
        assert store.get("a1").to_dict() == _coded(1).to_dict()
        assert [f.name for f in work.rglob("*.*")] == ["s-old-000000.parquet"]
        # Merging a shard again changes nothing (idempotent).
        (work / "shards" / "s-old-000000.parquet").unlink()
        write_shard([_coded(1)], work / "shards" / "s-again-000000.parquet", version="v1")
        (work / "partitions" / "p-again-000000.jsonl").write_text("{}\n")
        merge_leftovers(work, writer=writer, keep_shards=False)
        assert summary.counts["unchanged"] == 1 and store.article_ids() == ["a1", "a2"]
        # Skipped before coding: stored by this version, or the same text under another id.
        # (the rule itself is tested in tests/store/test_store_skipping.py)
        from communique.store.store import skip_reason

        assert skip_reason(store, _coded(1).article, version="v1") == "unchanged"
        copy = _coded(9, text=_coded(1).article.text)
        assert skip_reason(store, copy.article, version="v1") == "duplicate"
        assert skip_reason(store, _coded(5).article, version="v1") is None
    assert not list(work.rglob("*.*"))


def test_run_command_is_registered() -> None:
    from communique.cli import build_parser

    args = build_parser().parse_args(["run", "in.jsonl", "--db", "x.db", "--workers", "3",
                                      "--dask", "local:2", "--no-link"])
    assert args.workers == 3 and args.dask == "local:2" and args.func.__name__ == "cmd_run"
