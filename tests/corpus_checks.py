"""What a whole corpus in the store must look like after ``run`` or ``ingest``: every article
there, coded or rejected with a reason; event ids unique within each article; none lost to a
write that failed. Shared by the corpus tests of tests/runner and tests/store."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

# ../shared/corpora/wikinews-fr: 1,191 French reports, 2016-2018, distinct ids and texts.
WIKINEWS = Path("corpora") / "wikinews-fr" / "articles.jsonl"
WIKINEWS_ARTICLES = 1191


def corpus_ids(path: Path) -> list[str]:
    return [str(json.loads(line)["id"]) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def check_store(store: Any, ids: list[str]) -> Counter[str]:
    """Assert the store holds the corpus whole; return its article statuses."""
    rows = store.backend.query("SELECT id, status, rejection_stage, rejection_reason FROM articles")
    by_id = {r[0]: r for r in rows}
    assert set(by_id) == set(ids), f"missing: {sorted(set(ids) - set(by_id))[:5]}"
    statuses = Counter(r[1] for r in rows)
    assert set(statuses) <= {"coded", "rejected"}
    for article_id, status, stage, reason in rows:
        if status == "rejected":
            assert stage and reason, article_id
            # a write that failed (two events with one id among them) would be stage "store"
            assert stage != "store", (article_id, reason)
    per_article = Counter()
    for coded in store.iter_articles():
        event_ids = [e.id for e in coded.events]
        assert len(event_ids) == len(set(event_ids)), coded.article.id
        per_article[coded.article.id] = len(event_ids)
    events = int(store.backend.query("SELECT count(*) FROM events")[0][0])
    assert events == sum(per_article.values()) and events > 0
    return statuses
