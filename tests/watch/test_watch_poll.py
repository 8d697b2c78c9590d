"""Polling feeds into the store: new items taken once, nothing fetched when nothing changed,
a changed page re-coded as the next version of its article.

One site and one store go through the polls in order (module scope: the coder codes three
short articles once); each test checks one thing a user relies on."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from communique.store import open_store
from communique.store.feeds import get_feed, list_feeds
from communique.watch import Inbox, poll
from communique.watch.poll import item_article_id
from watch_helpers import quick_settings
from news_site import Route, Server, Site, atom, page, rss
from watch_reports import TALKS_EN, TALKS_EN_CHANGED, VISIT_EN, VISITE_FR

RSS_DATE = "Tue, 04 Mar 2025 09:00:00 GMT"
ATOM_DATE = "2025-03-04T09:00:00Z"
ATOM_LAST_MODIFIED = "Tue, 04 Mar 2025 10:00:00 GMT"


def _build(site: Site) -> None:
    site.routes["/robots.txt"] = Route(b"User-agent: *\nDisallow: /private/\n", content_type="text/plain")
    site.routes["/en/visit.html"] = Route(page(*VISIT_EN, lang="en", published="2025-03-04"), etag='"v1"')
    site.routes["/fr/visite.html"] = Route(page(*VISITE_FR, lang="fr", published="2025-03-04"), etag='"f1"')
    site.routes["/en/talks.html"] = Route(page(*TALKS_EN, lang="en", published="2025-03-03"), etag='"t1"')
    site.routes["/rss.xml"] = Route(rss([
        ("guid-visit", site.url("/en/visit.html"), VISIT_EN[0], RSS_DATE),
        ("guid-visite", site.url("/fr/visite.html"), VISITE_FR[0], RSS_DATE),
    ]), content_type="application/rss+xml", etag='"rss-1"')
    _atom(site, talks_updated=ATOM_DATE, last_modified=ATOM_LAST_MODIFIED)


def _atom(site: Site, *, talks_updated: str, last_modified: str) -> None:
    site.routes["/atom.xml"] = Route(atom([
        ("urn:talks", site.url("/en/talks.html"), TALKS_EN[0], talks_updated),
        # the same page as in the RSS feed: taken once
        ("urn:visite", site.url("/fr/visite.html"), VISITE_FR[0], ATOM_DATE),
    ]), content_type="application/atom+xml", last_modified=last_modified)


@pytest.fixture(scope="module")
def site() -> Iterator[Site]:
    with Server(Site()) as served:
        _build(served)
        yield served


@pytest.fixture(scope="module")
def polls(site: Site, coder, tmp_path_factory: pytest.TempPathFactory) -> dict:
    """The store after each step: first poll, second poll (nothing changed), third poll (one
    page changed)."""
    db = str(tmp_path_factory.mktemp("watch") / "watch.db")
    feeds = [site.url("/rss.xml"), site.url("/atom.xml")]
    out: dict = {"db": db, "feeds": feeds}
    with open_store(db) as store:
        out["first"] = poll(store=store, coder=coder, feeds=feeds, settings=quick_settings())
        out["after_first"] = len(site.log)
        out["articles_first"] = {c.article.id: c.article for c in store.iter_articles()}
        out["second"] = poll(store=store, coder=coder, feeds=feeds, settings=quick_settings())
        out["second_log"] = site.log[out["after_first"]:]
        talks_id = item_article_id(site.url("/en/talks.html"))
        out["events_before"] = [(e.id, e.event) for e in store.get(talks_id).events]
        site.routes["/en/talks.html"] = Route(page(*TALKS_EN_CHANGED, lang="en", published="2025-03-03"),
                                              etag='"t2"')
        _atom(site, talks_updated="2025-03-05T08:00:00Z", last_modified="Wed, 05 Mar 2025 08:00:00 GMT")
        mark = len(site.log)
        out["third"] = poll(store=store, coder=coder, feeds=feeds, settings=quick_settings())
        out["third_log"] = site.log[mark:]
    return out


def test_new_items_are_stored_once_with_their_url_and_feed(polls, site: Site) -> None:
    first = polls["first"]
    assert first.errors == []
    assert first.counts["stored"] == 3 and first.counts["rejected"] == 0
    articles = polls["articles_first"]
    by_url = {a.url: a for a in articles.values()}
    assert set(by_url) == {site.url(p) for p in ("/en/visit.html", "/fr/visite.html", "/en/talks.html")}
    visite = by_url[site.url("/fr/visite.html")]
    assert visite.meta["feed"] == site.url("/rss.xml") and visite.meta["guid"] == "guid-visite"
    assert visite.title == VISITE_FR[0] and visite.published.startswith("2025-03-04")
    assert site.asked("/fr/visite.html") == 1  # listed by both feeds, fetched once


def test_pages_are_coded_into_events(polls) -> None:
    with open_store(polls["db"]) as store:
        events = {a.article.url.rsplit("/", 1)[1]: [e.event for e in a.events]
                  for a in store.iter_articles()}
    assert "CONSULT" in events["visit.html"] and "CONSULT" in events["visite.html"]


def test_requests_name_communique_and_honour_robots(polls, site: Site) -> None:
    headers = site.answers("/rss.xml")[0]
    assert headers["user-agent"].startswith("communique/")
    assert site.asked("/robots.txt") >= 1


def test_a_second_poll_fetches_nothing(polls) -> None:
    second = polls["second"]
    assert second.counts["feeds_unchanged"] == 2 and second.counts["fetched"] == 0
    asked = [path for path, _ in polls["second_log"]]
    assert sorted(p for p in asked if p != "/robots.txt") == ["/atom.xml", "/rss.xml"]
    conditional = {path: h for path, h in polls["second_log"]}
    assert conditional["/rss.xml"]["if-none-match"] == '"rss-1"'
    assert conditional["/atom.xml"]["if-modified-since"] == ATOM_LAST_MODIFIED
    assert second.counts["stored"] == 0


def test_a_changed_page_is_recoded_as_a_new_version(polls, site: Site) -> None:
    third = polls["third"]
    assert third.counts["fetched"] == 1 and third.counts["stored"] == 1
    asked = [path for path, _ in polls["third_log"]]
    assert "/en/talks.html" in asked and "/fr/visite.html" not in asked  # unchanged items: not fetched
    talks_request = dict(polls["third_log"])["/en/talks.html"]
    assert talks_request["if-none-match"] == '"t1"'  # conditional GET with the page's ETag
    with open_store(polls["db"]) as store:
        talks_id = item_article_id(site.url("/en/talks.html"))
        talks = store.get(talks_id)
        assert talks.article.title == TALKS_EN_CHANGED[0]
        assert store.counts()["articles"] == 3  # the same article, not a second one
        row = store.backend.query("SELECT versions, status FROM feed_items WHERE url = ?",
                                  (site.url("/en/talks.html"),))
        assert row == [(2, "stored")]
        # the old version's events are replaced by the new one's (its own ids and evidence)
        before = dict(polls["events_before"])
        assert before and talks.events and not set(before) & {e.id for e in talks.events}
        assert all(span.text in talks.article.text for e in talks.events for span in e.event_text)


def test_feed_state_is_listed(polls, site: Site) -> None:
    with open_store(polls["db"]) as store:
        feeds = {f.url: f for f in list_feeds(store)}
        assert set(feeds) == set(polls["feeds"])
        rss_state = feeds[site.url("/rss.xml")]
        assert (rss_state.status, rss_state.items, rss_state.errors) == ("not modified", 2, 0)
        assert rss_state.etag == '"rss-1"' and rss_state.next_poll > rss_state.last_poll
        assert get_feed(store, site.url("/atom.xml")).items == 2


def test_stories_are_linked_after_each_poll(polls) -> None:
    assert polls["first"].link is not None and polls["first"].link.events >= 3
    with open_store(polls["db"]) as store:
        linked = store.backend.query("SELECT count(*) FROM story_events")[0][0]
        assert linked == store.counts()["events"]  # every event has its story


def test_feeds_command_lists_the_state(polls, capsys) -> None:
    from communique.cli import main

    assert main(["feeds", "--db", polls["db"], "--format", "jsonl"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert {r["feed"] for r in rows} == set(polls["feeds"])
    assert all(r["items"] == 2 and r["errors"] == 0 and r["last_poll"] for r in rows)


def test_the_inbox_folder_takes_new_files_once(coder, tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "note.txt").write_text(f"{VISIT_EN[0]}\n\n" + " ".join(VISIT_EN[1]), encoding="utf-8")
    (inbox / "empty.txt").write_text("", encoding="utf-8")
    watched = Inbox(inbox)
    with open_store(str(tmp_path / "inbox.db")) as store:
        first = poll(store=store, coder=coder, feeds=[], inbox=watched, settings=quick_settings())
        assert (first.counts["files"], first.counts["stored"], first.counts["rejected"]) == (2, 2, 1)
        assert store.get("empty").rejected.reason.endswith("empty input")
        second = poll(store=store, coder=coder, feeds=[], inbox=watched, settings=quick_settings())
        assert second.counts["files"] == 0 and second.counts["stored"] == 0
        (inbox / "later.txt").write_text(f"{TALKS_EN[0]}\n\n" + " ".join(TALKS_EN[1]), encoding="utf-8")
        third = poll(store=store, coder=coder, feeds=[], inbox=watched, settings=quick_settings())
        assert third.counts["files"] == 1 and third.counts["stored"] == 1
        assert store.counts()["articles"] == 3
