"""Event ids are unique within every article of the bundled examples (the corpus is checked by
the corpus tests, tests/corpus_checks.py)."""

from __future__ import annotations

from pathlib import Path

from communique.ingest import read_inputs

ROOT = Path(__file__).resolve().parent.parent


def test_event_ids_are_unique_within_every_example(coder) -> None:
    coded = list(coder.code_items(read_inputs([str(ROOT / "examples" / "articles.jsonl")])))
    assert len(coded) == 12 and sum(len(c.events) for c in coded) > 10
    for article in coded:
        ids = [e.id for e in article.events]
        assert len(ids) == len(set(ids)), article.article.id
