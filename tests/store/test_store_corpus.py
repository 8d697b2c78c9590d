"""``ingest`` of the whole wikinews-fr corpus (1,191 articles) on SQLite and on PostgreSQL: no
abort, every article stored or rejected with a reason, event ids unique within each article."""

from __future__ import annotations

from pathlib import Path

import pytest

from communique.store.ingest import ingest
from corpus_checks import WIKINEWS, WIKINEWS_ARTICLES, check_store, corpus_ids

pytestmark = [pytest.mark.shared, pytest.mark.models]


def test_ingest_stores_the_whole_corpus(shared: Path, store, coder) -> None:
    corpus = shared / WIKINEWS
    summary = ingest([str(corpus)], store=store, coder=coder, link=False)
    counts = summary.counts
    assert counts["read"] == counts["stored"] == WIKINEWS_ARTICLES
    statuses = check_store(store, corpus_ids(corpus))
    assert statuses["rejected"] == counts["rejected"]
    assert statuses["coded"] > WIKINEWS_ARTICLES * 0.9
