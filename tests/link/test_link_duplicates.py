"""Near-duplicate articles (a syndicated copy) are found with MinHash LSH, and their events are
linked even when the copy's publication date puts its events days apart."""

from __future__ import annotations

from pathlib import Path

from communique.link import LinkSettings, link
from communique.store import open_store
from communique.store.ingest import ingest
from link_reports import VISIT_EN, write_reports

# No date in the text: each copy's event is dated by its own publication day.
STORY = ("Senegal and Morocco sign fisheries accord\n\nThe Senegalese government signed an "
         "agreement with Morocco on fisheries cooperation, officials in Dakar said. The accord "
         "covers joint patrols against illegal fishing, the training of inspectors and the "
         "exchange of catch data between the two fisheries ministries. Both governments "
         "described the accord as a step towards closer economic ties along the Atlantic coast, "
         "and a joint committee will meet twice a year to follow its implementation.")
ORIGINAL = {"id": "agency-accord", "lang": "en", "published": "2025-05-02",
            "url": "https://agency.example/accord", "text": STORY}
COPY = {"id": "reprint-accord", "lang": "en", "published": "2025-05-16",
        "url": "https://reprints.example/accord",
        "text": STORY.replace("officials in Dakar said", "officials in Dakar announced")}


def test_a_syndicated_copy_is_a_near_duplicate(fresh_db, coder, tmp_path: Path) -> None:
    inputs = write_reports(tmp_path, ORIGINAL, COPY, VISIT_EN)
    with open_store(fresh_db()) as store:
        ingest(inputs, store=store, coder=coder, link=False)
        summary = link(store, settings=LinkSettings(vectors=False))
        assert summary.duplicate_articles == 2
        clusters = store.backend.query("SELECT article_id, cluster_id FROM near_duplicates "
                                       "ORDER BY article_id")
        assert clusters == [("agency-accord", "agency-accord"), ("reprint-accord", "agency-accord")]
        dates = store.backend.query("SELECT DISTINCT date FROM events WHERE article_id IN (?, ?)",
                                    ("agency-accord", "reprint-accord"))
        assert len(dates) == 2  # two weeks apart: only the near-duplicate rule can link them
        linked = store.backend.query(
            "SELECT s.story_id, count(*) FROM story_events s JOIN events e ON e.id = s.event_id "
            "WHERE e.article_id IN (?, ?) GROUP BY s.story_id", ("agency-accord", "reprint-accord"))
        assert linked and all(n == 2 for _, n in linked)
        assert summary.reasons["duplicate"] >= 1
        # Signatures are cached: a second link hashes nothing new and finds the same.
        assert link(store, settings=LinkSettings(vectors=False)).duplicate_articles == 2
