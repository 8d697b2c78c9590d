"""A store nobody can write (a read-only file, folder or mount) still answers queries."""

from __future__ import annotations

from pathlib import Path

import pytest

from communique.errors import StoreError
from communique.model import Article, CodedArticle
from communique.store import open_store


def _filled(folder: Path) -> Path:
    db = folder / "events.db"
    with open_store(db) as store:
        run = store.start_run(coder_version="v1", config={})
        store.put(CodedArticle(article=Article(id="a", text="Le ministre est venu à Dakar.")),
                  run_id=run.id, coder_version="v1")
    return db


@pytest.mark.parametrize("folder_writable", [False, True])
def test_queries_work_on_a_read_only_file(open_folder: Path, unprivileged, folder_writable: bool) -> None:
    db = _filled(open_folder)
    before = sorted(p.name for p in open_folder.iterdir())
    db.chmod(0o444)
    open_folder.chmod(0o777 if folder_writable else 0o555)
    with unprivileged():
        with open_store(db) as store:
            assert store.backend.read_only
            assert store.article_ids() == ["a"] and [h.article_id for h in store.search("dakar")] == ["a"]
            assert store.counts()["articles"] == 1
            with pytest.raises(StoreError, match="readonly"):
                store.start_run(coder_version="v1", config={})
    open_folder.chmod(0o755)
    if not folder_writable:  # nothing written beside it (no -wal, no -shm, no ANALYZE)
        assert sorted(p.name for p in open_folder.iterdir()) == before


def test_a_read_only_store_with_an_old_schema_says_so(tmp_path: Path, monkeypatch) -> None:
    db = _filled(tmp_path)
    with open_store(db) as store:
        store.backend.execute("DELETE FROM schema_version WHERE version >= 5")
    monkeypatch.setattr("communique.store.sqlite._writable", lambda path: False)
    with pytest.raises(StoreError, match="read-only and has schema version 4"):
        open_store(db)


def test_a_writable_store_is_not_opened_read_only(tmp_path: Path) -> None:
    with open_store(_filled(tmp_path)) as store:
        assert not store.backend.read_only
