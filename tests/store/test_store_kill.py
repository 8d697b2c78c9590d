"""An ingest killed with SIGKILL leaves a consistent store, and running it again finishes the
job: the result equals one clean run (same articles, same events, no duplicates)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from communique.store import open_store
from communique.store.ingest import ingest
from store_corpus import write_corpus

ARTICLES = 200
KILL_AFTER = 50  # articles committed before the kill: well inside the run
STARTUP_LIMIT = 120  # seconds for the subprocess to load its models and store that many


def _stored(db: str) -> int:
    with open_store(db) as store:
        return int(store.backend.query("SELECT count(*) FROM articles")[0][0])


def test_killed_ingest_resumes_to_the_clean_result(fresh_db, coder, tmp_path: Path) -> None:
    corpus = str(write_corpus(tmp_path / "corpus.jsonl", ARTICLES))
    clean_db, killed_db = fresh_db("clean"), fresh_db("killed")
    with open_store(clean_db) as clean:
        ingest([corpus], store=clean, coder=coder, link=False)
        expected_articles, expected_events = clean.article_ids(), clean.event_ids()
        expected_digest, expected_counts = clean.content_digest(), clean.counts()
    assert len(expected_articles) == ARTICLES and len(expected_events) > ARTICLES // 2

    open_store(killed_db).close()  # migrate first: the poll below reads the tables
    log = tmp_path / "ingest.log"  # a file, not a pipe: a full pipe would stall the child
    with log.open("wb") as err:
        proc = subprocess.Popen([sys.executable, "-m", "communique.cli", "ingest", corpus,
                                 "--db", killed_db, "--no-link"],
                                stdout=subprocess.DEVNULL, stderr=err)
    deadline = time.monotonic() + STARTUP_LIMIT
    try:
        while _stored(killed_db) < KILL_AFTER:
            assert proc.poll() is None, log.read_text(errors="replace")
            assert time.monotonic() < deadline, "the ingest did not get going"
            time.sleep(0.05)
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        if proc.poll() is None:
            proc.kill()  # a failed assertion above must not leave it running
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    partial = _stored(killed_db)
    assert KILL_AFTER <= partial < ARTICLES, "killed too late to test a resume"

    with open_store(killed_db) as resumed:
        # Whatever was committed is whole: every stored article has all of its events.
        summary = ingest([corpus], store=resumed, coder=coder, link=False)
        assert summary.counts["unchanged"] >= partial
        assert summary.counts["stored"] == ARTICLES - summary.counts["unchanged"]
        assert resumed.article_ids() == expected_articles
        assert resumed.event_ids() == expected_events
        assert resumed.content_digest() == expected_digest
        counts = resumed.counts()
    assert counts.pop("runs") == 2 and expected_counts.pop("runs") == 1
    assert counts == expected_counts
