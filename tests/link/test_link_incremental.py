"""``link_new``: linking only the new articles' neighbourhood gives the stories a full link
gives — a full link afterwards has nothing to change — also when an article is re-coded and
its story must split."""

from __future__ import annotations

import json
from pathlib import Path

from communique.link import LinkSettings, link
from communique.link.incremental import link_new
from communique.store import Store, open_store
from communique.store.ingest import ingest
from link_reports import SECOND_VISIT, VISIT_EN, VISIT_FR, write_reports

SETTINGS = LinkSettings(vectors=False)


def _stories(store: Store) -> list[tuple]:
    return store.backend.query("SELECT s.id, s.num_mentions, s.num_articles, s.representative, "
                               "se.event_id FROM stories s JOIN story_events se ON se.story_id = s.id "
                               "ORDER BY s.id, se.event_id")


def _assert_full_link_changes_nothing(store: Store) -> None:
    before = _stories(store)
    summary = link(store, settings=SETTINGS)
    assert summary.written["stories"] == summary.written["story_events"] == 0, summary.written
    assert _stories(store) == before


def test_incremental_links_equal_a_full_link(fresh_db, coder, tmp_path: Path) -> None:
    paths = write_reports(tmp_path, SECOND_VISIT, VISIT_FR, VISIT_EN)
    with open_store(fresh_db()) as store:
        for path, report in zip(paths, (SECOND_VISIT, VISIT_FR, VISIT_EN)):
            ingest([path], store=store, coder=coder, link=False)
            summary = link_new(store, [report["id"]], settings=SETTINGS)
            _assert_full_link_changes_nothing(store)
        # the French and the English report of one visit are one story; the second visit apart
        assert summary.linked_stories == 1
        members = store.backend.query("SELECT num_mentions FROM stories ORDER BY num_mentions")
        assert [m[0] for m in members] == [1, 2]


def test_a_recoded_article_leaves_its_story(fresh_db, coder, tmp_path: Path) -> None:
    paths = write_reports(tmp_path, VISIT_FR, VISIT_EN)
    with open_store(fresh_db()) as store:
        ingest(paths, store=store, coder=coder, link=False)
        link(store, settings=SETTINGS)
        assert store.backend.query("SELECT max(num_mentions) FROM stories")[0][0] == 2
        changed = dict(VISIT_EN, text="Moroccan army accused\n\nThe Mauritanian government "
                       "accused the Moroccan army of violating its border on March 4, 2025.")
        Path(paths[1]).write_text(json.dumps(changed) + "\n", encoding="utf-8")
        ingest([paths[1]], store=store, coder=coder, link=False)
        link_new(store, [VISIT_EN["id"]], settings=SETTINGS)
        assert store.backend.query("SELECT max(num_mentions) FROM stories")[0][0] == 1
        _assert_full_link_changes_nothing(store)
