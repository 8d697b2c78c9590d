"""``communique run`` killed with SIGKILL (the whole process group, workers included) resumes to
the result of one clean run: every article exactly once, the same articles and events; and the
Dask backend stores the same as local workers.

Each run starts worker processes that load the spaCy models (about 5 s each), so the runs are
few and share one corpus and one clean store.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from communique.runner import RunSettings, run
from communique.store import open_store
from runner_corpus import write_corpus

pytestmark = pytest.mark.models

ARTICLES = 300
INPUTS = ARTICLES + 3  # + a broken line, a German report, a duplicate text
KILL_AFTER = 40  # articles committed before the kill
STARTUP_LIMIT = 180  # seconds for the killed run to load its models and store that many


def _settings(**kw: object) -> RunSettings:
    return RunSettings(**{"workers": 2, "chunk_size": 4, "progress": False, "link": False, **kw})


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("runner") / "corpus.jsonl", ARTICLES)


@pytest.fixture(scope="module")
def clean(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """One uninterrupted run with a single worker: what every other run must reproduce."""
    db = str(tmp_path_factory.mktemp("clean") / "clean.db")
    with open_store(db) as store:
        summary = run([str(corpus)], store=store, settings=_settings(workers=1))
        assert summary.counts["read"] == INPUTS
        assert summary.counts["stored"] == INPUTS - 1 and summary.counts["duplicate"] == 1
        assert summary.counts["rejected"] == 2  # the broken line and the German report
        return {"articles": store.article_ids(), "events": store.event_ids(),
                "digest": store.content_digest(), "counts": store.counts()}


def _stored(db: str) -> int:
    with open_store(db) as store:
        return int(store.backend.query("SELECT count(*) FROM articles")[0][0])


def test_killed_run_resumes_to_the_clean_result(corpus: Path, clean: dict[str, object],
                                                tmp_path: Path) -> None:
    assert len(clean["articles"]) == INPUTS - 1 and len(clean["events"]) > ARTICLES // 2
    db = str(tmp_path / "killed.db")
    open_store(db).close()  # migrated before the poll below reads it
    proc = subprocess.Popen([sys.executable, "-m", "communique.cli", "run", str(corpus), "--db", db,
                             "--workers", "2", "--chunk-size", "4", "--no-link", "--no-progress"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            start_new_session=True)  # its own process group: parent and workers
    deadline = time.monotonic() + STARTUP_LIMIT
    try:
        while _stored(db) < KILL_AFTER:
            assert proc.poll() is None, proc.stderr.read().decode() if proc.stderr else ""
            assert time.monotonic() < deadline, "the run did not get going"
            time.sleep(0.05)
        os.killpg(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    partial = _stored(db)
    assert KILL_AFTER <= partial < INPUTS - 1, "killed too late to test a resume"

    with open_store(db) as store:
        summary = run([str(corpus)], store=store, settings=_settings())
        counts = summary.counts
        # What was committed is skipped, the rest coded: nothing lost, nothing coded twice.
        assert counts["unchanged"] == partial
        assert counts["coded"] + counts["unchanged"] + counts["duplicate"] == INPUTS
        assert counts["stored"] == INPUTS - 1 - counts["unchanged"]
        assert store.article_ids() == clean["articles"]
        assert store.event_ids() == clean["events"]
        assert store.content_digest() == clean["digest"]
        table_counts = store.counts()
    expected = dict(clean["counts"])  # type: ignore[call-overload]
    assert table_counts.pop("runs") == 2 and expected.pop("runs") == 1
    assert table_counts == expected


def test_dask_backend_stores_what_local_workers_store(corpus: Path, clean: dict[str, object],
                                                      tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    db = str(tmp_path / "dask.db")
    work_dir = tmp_path / "work"
    with open_store(db) as store:
        summary = run([str(corpus)], store=store,
                      settings=_settings(dask="local:2", partition_size=40, work_dir=work_dir))
        assert summary.counts["stored"] == INPUTS - 1
        assert summary.peak_rss_mb  # the workers said how much memory they used
        assert store.article_ids() == clean["articles"]
        assert store.event_ids() == clean["events"]
        assert store.content_digest() == clean["digest"]
    assert not list(work_dir.rglob("*.*")), "partitions and shards are removed once merged"
