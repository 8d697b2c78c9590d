"""Ingest is idempotent: the same corpus twice stores nothing new; a new coder re-codes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from communique.store import open_store
from communique.store.ingest import ingest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def corpus(tmp_path: Path) -> list[str]:
    """The bundled examples, a copy of one under another id, a broken line and an empty file."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    shutil.copy(ROOT / "examples" / "articles.jsonl", folder / "a_examples.jsonl")
    first = json.loads((ROOT / "examples" / "articles.jsonl").read_text(encoding="utf-8").splitlines()[0])
    first["id"] = "copy-of-first"
    (folder / "b_more.jsonl").write_text(json.dumps(first, ensure_ascii=False) + "\n"
                                         '{"id": "broken", "text": \n', encoding="utf-8")
    (folder / "c_empty.txt").write_text("", encoding="utf-8")
    return [str(folder)]


def test_ingesting_twice_changes_nothing(store, coder, corpus) -> None:
    first = ingest(corpus, store=store, coder=coder, vectors=False)
    assert first.counts["stored"] == 14 and first.counts["duplicate"] == 1
    assert first.counts["rejected"] == 2 and first.counts["events"] > 10
    counts, digest = store.counts(), store.content_digest()
    second = ingest(corpus, store=store, coder=coder, vectors=False)
    assert second.counts["stored"] == 0 and second.counts["events"] == 0
    assert second.counts["unchanged"] == 14 and second.counts["duplicate"] == 1
    after = store.counts()
    assert after.pop("runs") == counts.pop("runs") + 1
    assert after == counts
    assert store.content_digest() == digest
    runs = store.runs()
    assert [r.counts["stored"] for r in runs] == [14, 0]
    assert all(r.finished and r.coder_version == runs[0].coder_version for r in runs)


def test_a_rejected_input_is_kept_with_its_reason(store, coder, corpus) -> None:
    ingest(corpus, store=store, coder=coder, link=False)
    empty = store.get("c_empty")
    assert empty is not None and empty.rejected is not None and empty.rejected.stage == "ingest"
    broken = store.get("b_more:2")
    assert broken is not None and "invalid JSON" in broken.rejected.reason
    assert store.get("copy-of-first") is None  # the same text is already stored


def test_a_new_coder_version_recodes_in_place(store, coder, corpus, monkeypatch) -> None:
    ingest(corpus, store=store, coder=coder, link=False)
    before = store.counts()
    events = set(store.event_ids())
    monkeypatch.setattr("communique.store.ingest.coder_version", lambda **_: "9.9.9+test")
    again = ingest(corpus, store=store, coder=coder, link=False)
    assert again.counts["stored"] == 14 and again.counts["unchanged"] == 0
    after = store.counts()
    assert after.pop("runs") == before.pop("runs") + 1
    # The rejections table is a history: each run that re-examines a rejected input adds its row.
    assert after.pop("rejections") == before.pop("rejections") + 2
    assert after == before  # replaced, not added
    assert set(store.event_ids()) == events
    rows = store.backend.query("SELECT DISTINCT e.run_id, a.coder_version FROM events e "
                               "JOIN articles a ON a.id = e.article_id")
    assert rows == [(again.run.id, "9.9.9+test")]


def test_a_changed_article_replaces_its_events(store, coder, tmp_path) -> None:
    path = tmp_path / "one.jsonl"
    record = {"id": "n1", "lang": "en", "published": "2024-05-02",
              "text": "The Moroccan foreign minister visited Dakar on May 1, 2024."}
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    ingest([str(path)], store=store, coder=coder, link=False)
    assert [e.event for e in store.get("n1").events] == ["CONSULT"]
    record["text"] = "The Moroccan government accused the Senegalese army of violating the border."
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    summary = ingest([str(path)], store=store, coder=coder, link=False)
    assert summary.counts["stored"] == 1
    assert [e.event for e in store.get("n1").events] == ["ACCUSE"]
    assert store.counts()["events"] == 1


def test_schema_is_migrated_once(db) -> None:
    with open_store(db) as store:
        assert store.schema_version == 7
        rows = store.backend.query("SELECT version, name FROM schema_version ORDER BY version")
        assert rows == [(1, "initial"), (2, "search"), (3, "filter_indexes"), (4, "search_vector"),
                        (5, "watch"), (6, "reviews"), (7, "place_name_index")]
    with open_store(db) as store:  # reopening applies nothing again
        assert store.backend.query("SELECT count(*) FROM schema_version")[0][0] == 7


def test_the_place_filter_reads_an_index(tmp_path) -> None:
    # `place=` (a click on the map) must not scan every place of a large store (migration 0007).
    with open_store(tmp_path / "plan.db") as store:
        plan = store.backend.query("EXPLAIN QUERY PLAN SELECT x.event_id FROM places x "
                                   "WHERE coalesce(x.resolved_place, x.extracted_place) = ?", ("Gao",))
    assert any("places_name" in str(row) for row in plan), plan
