"""``communique run --workers 2`` over the whole wikinews-fr corpus (1,191 articles): no abort,
every article stored or rejected with a reason, event ids unique within each article."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from communique.store import open_store
from corpus_checks import WIKINEWS, WIKINEWS_ARTICLES, check_store, corpus_ids

pytestmark = [pytest.mark.shared, pytest.mark.models]


def test_run_codes_the_whole_corpus_with_two_workers(shared: Path, tmp_path: Path) -> None:
    corpus = shared / WIKINEWS
    db = tmp_path / "wikinews.db"
    proc = subprocess.run([sys.executable, "-m", "communique.cli", "run", str(corpus), "--db", str(db),
                           "--workers", "2", "--no-progress", "--no-vectors"],
                          capture_output=True, text=True, timeout=1800)
    assert "Traceback" not in proc.stderr, proc.stderr[-3000:]
    assert proc.returncode in (0, 1), proc.stderr[-3000:]  # 1: some articles were rejected
    assert f"{WIKINEWS_ARTICLES} read: {WIKINEWS_ARTICLES} stored" in proc.stdout
    with open_store(db) as store:
        statuses = check_store(store, corpus_ids(corpus))
        assert (proc.returncode == 1) == bool(statuses["rejected"])
        (run,) = store.runs()
        assert run.finished and run.counts["stored"] == WIKINEWS_ARTICLES
