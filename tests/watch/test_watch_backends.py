"""A poll on both store backends (SQLite and PostgreSQL): the watch tables migrate, an item is
stored once, the feed's state and the intake read back."""

from __future__ import annotations

from communique.store import open_store
from communique.store.feeds import ItemState, known_item, last_intake, list_feeds, put_item
from communique.watch import poll
from news_site import Route, Server, Site, page, rss
from watch_helpers import quick_settings
from watch_reports import VISIT_EN


def test_a_poll_on_each_backend(fresh_db, coder) -> None:
    with Server(Site()) as site:
        site.routes["/en/visit.html"] = Route(page(*VISIT_EN, lang="en", published="2025-03-04"))
        site.routes["/rss.xml"] = Route(rss([("g1", site.url("/en/visit.html"), VISIT_EN[0],
                                              "Tue, 04 Mar 2025 09:00:00 GMT")]),
                                        content_type="application/rss+xml", etag='"r1"')
        feeds = [site.url("/rss.xml"), site.url("/gone.xml")]
        with open_store(fresh_db()) as store:
            first = poll(store=store, coder=coder, feeds=feeds, settings=quick_settings())
            second = poll(store=store, coder=coder, feeds=feeds, settings=quick_settings())
            assert (first.counts["stored"], second.counts["stored"]) == (1, 0)
            assert second.counts["feeds_unchanged"] == 1
            states = {f.url: (f.status, f.errors, f.etag) for f in list_feeds(store)}
            assert states == {feeds[0]: ("not modified", 0, '"r1"'),
                              feeds[1]: ("failed", 2, None)}
            intake = last_intake(store)
            assert intake["run_id"] == second.run.id
            assert intake["errors"] == [{"url": feeds[1], "reason": "feed: HTTP 404 (Not Found)"}]
            item = known_item(store, feed_url=feeds[0], url="elsewhere", guid="g1")
            assert item is not None and item.url == site.url("/en/visit.html")
            assert item.versions == 1 and item.status == "stored"


def test_item_state_round_trips(fresh_db) -> None:
    state = ItemState(url="https://a.example/p", feed_url="https://a.example/rss", guid="é1",
                      updated="2025-03-04T09:00:00Z", article_id="a.example-1", etag='W/"x"',
                      last_modified="Tue, 04 Mar 2025 09:00:00 GMT", fetched="2025-03-04T09:01:00",
                      content_hash="ab" * 20, versions=2, status="failed", reason="timed out",
                      attempts=1)
    with open_store(fresh_db()) as store:
        put_item(store, state)
        put_item(store, state)  # an upsert: still one row
        assert known_item(store, feed_url=state.feed_url, url=state.url, guid=None) == state
        assert store.backend.query("SELECT count(*) FROM feed_items")[0][0] == 1
