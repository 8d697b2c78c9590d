"""Reports of one event become one story; other events stay apart; order does not matter."""

from __future__ import annotations

from pathlib import Path

from communique.link import LinkSettings, link
from communique.store import Store, open_store
from communique.store.ingest import ingest
from link_reports import SECOND_VISIT, VISIT_EN, VISIT_FR, write_reports


def _stories(store: Store) -> dict[str, set[str]]:
    """story id → the ids of the articles of its events."""
    out: dict[str, set[str]] = {}
    for story_id, article_id in store.backend.query(
            "SELECT s.story_id, e.article_id FROM story_events s JOIN events e ON e.id = s.event_id"):
        out.setdefault(story_id, set()).add(article_id)
    return out


def test_french_and_english_reports_are_one_story(fresh_db, coder, tmp_path: Path) -> None:
    inputs = write_reports(tmp_path, VISIT_FR, VISIT_EN, SECOND_VISIT)
    with open_store(fresh_db()) as store:
        summary = ingest(inputs, store=store, coder=coder)
        assert summary.link is not None and summary.link.linked_stories == 1
        stories = _stories(store)
        assert sorted(map(sorted, stories.values())) == [["en-second-visit"], ["en-visit", "fr-visite"]]
        rows = store.backend.query(
            "SELECT event, num_mentions, num_sources, num_articles, first_date, last_date, "
            "first_report, last_report FROM stories WHERE num_mentions > 1")
        assert rows == [("CONSULT", 2, 2, 2, "2025-03-04", "2025-03-04", "2025-03-05", "2025-03-06")]


def test_stories_do_not_depend_on_ingest_order(fresh_db, coder, tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    forward = write_reports(tmp_path / "a", VISIT_FR, VISIT_EN, SECOND_VISIT)
    backward = write_reports(tmp_path / "b", SECOND_VISIT, VISIT_EN, VISIT_FR)
    with open_store(fresh_db("one")) as one, open_store(fresh_db("two")) as two:
        ingest(forward, store=one, coder=coder, vectors=False)
        for path in backward:  # one report at a time, linking after each
            ingest([path], store=two, coder=coder, vectors=False)
        assert _stories(one) == _stories(two)
        columns = "id, event, first_report, last_report, first_date, last_date, num_mentions, " \
                  "num_articles, num_sources, representative"
        query = f"SELECT {columns} FROM stories ORDER BY id"
        assert one.backend.query(query) == two.backend.query(query)


def test_linking_twice_changes_nothing(fresh_db, coder, tmp_path: Path) -> None:
    inputs = write_reports(tmp_path, VISIT_FR, VISIT_EN, SECOND_VISIT)
    with open_store(fresh_db()) as store:
        ingest(inputs, store=store, coder=coder, link=False)
        first = link(store, settings=LinkSettings(vectors=False))
        digest, counts = store.content_digest(), store.counts()
        second = link(store, settings=LinkSettings(vectors=False))
        assert store.content_digest() == digest and store.counts() == counts
        assert (first.stories, first.linked_stories) == (second.stories, second.linked_stories) == (2, 1)
