"""What goes wrong on the web is reported with its reason and skipped; the other items and
feeds go on: a 500, a timeout, a 20 MB page, a broken feed, a redirect loop, a page robots.txt
forbids, a feed that is gone."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from communique.store import open_store
from communique.store.feeds import get_feed, last_intake
from communique.watch import poll
from watch_helpers import quick_settings
from news_site import Route, Server, Site, page, rss
from watch_reports import VISIT_EN

DATE = "Tue, 04 Mar 2025 09:00:00 GMT"
BAD_PAGES = ("/private/report.html", "/err/500.html", "/slow.html", "/big.html", "/stream.html",
             "/loop/a", "/pdf.html")


@pytest.fixture(scope="module")
def site() -> Iterator[Site]:
    with Server(Site()) as s:
        s.routes["/robots.txt"] = Route(b"User-agent: *\nDisallow: /private/\n", content_type="text/plain")
        s.routes["/good.xml"] = Route(rss([("g1", s.url("/en/visit.html"), VISIT_EN[0], DATE)]),
                                      content_type="application/rss+xml")
        s.routes["/bad.xml"] = Route(rss([(p, s.url(p), p, DATE) for p in BAD_PAGES]),
                                     content_type="application/rss+xml")
        s.routes["/broken.xml"] = Route(b"<html><body>Our feed moved</body></html>",
                                        content_type="text/html")
        s.routes["/en/visit.html"] = Route(page(*VISIT_EN, lang="en", published="2025-03-04"))
        s.routes["/private/report.html"] = Route(page(*VISIT_EN, lang="en", published="2025-03-04"))
        s.routes["/err/500.html"] = Route(b"oops", status=500)
        s.routes["/slow.html"] = Route(page(*VISIT_EN, lang="en", published="2025-03-04"), delay=2.5)
        s.routes["/big.html"] = Route(size=20_000_000)  # announced: refused before reading
        s.routes["/stream.html"] = Route(size=20_000_000, announce=False)  # cut while reading
        s.routes["/loop/a"] = Route(status=302, location="/loop/b")
        s.routes["/loop/b"] = Route(status=302, location="/loop/a")
        s.routes["/pdf.html"] = Route(b"%PDF-1.4 not a page", content_type="application/pdf")
        yield s


@pytest.fixture(scope="module")
def outcome(site: Site, coder, tmp_path_factory: pytest.TempPathFactory) -> dict:
    db = str(tmp_path_factory.mktemp("failures") / "f.db")
    feeds = [site.url(p) for p in ("/bad.xml", "/broken.xml", "/missing.xml", "/good.xml")]
    with open_store(db) as store:
        summary = poll(store=store, coder=coder, feeds=feeds, settings=quick_settings())
        items = {r[0].removeprefix(site.base): (r[1], r[2], r[3]) for r in store.backend.query(
            "SELECT url, status, reason, attempts FROM feed_items")}
        return {"db": db, "summary": summary, "errors": dict(summary.errors), "items": items,
                "intake": last_intake(store),
                "feeds": {p: get_feed(store, site.url(p)) for p in ("/bad.xml", "/broken.xml",
                                                                      "/missing.xml", "/good.xml")}}


def test_the_good_feed_goes_on(outcome, site: Site) -> None:
    summary = outcome["summary"]
    # the one good page, and the PDF stored as a rejection
    assert (summary.counts["stored"], summary.counts["rejected"]) == (2, 1)
    assert outcome["items"]["/en/visit.html"][0] == "stored"
    assert outcome["feeds"]["/good.xml"].status == "ok"


@pytest.mark.parametrize("path,reason,attempts", [
    ("/err/500.html", "HTTP 500 (Internal Server Error) after 2 attempts", 1),
    ("/slow.html", "timed out", 1),
    # not worth trying again: given up at once (max_attempts = 3)
    ("/big.html", "too large: 20,000,000 bytes announced", 3),
    ("/stream.html", "too large: more than 2,000,000 bytes", 3),
    ("/loop/a", "redirect loop", 3),
    ("/private/report.html", "disallowed by", 3),
])
def test_each_failing_page_is_reported_and_skipped(outcome, site: Site, path: str, reason: str,
                                                   attempts: int) -> None:
    assert reason in outcome["errors"][site.url(path)]
    status, stored_reason, tried = outcome["items"][path]
    assert status == "failed" and reason in stored_reason and tried == attempts


def test_robots_txt_disallow_is_honoured(outcome, site: Site) -> None:
    assert site.asked("/private/report.html") == 0


def test_a_500_is_tried_again_with_back_off(outcome, site: Site) -> None:
    assert site.asked("/err/500.html") == 2  # retries=1 in these tests


def test_a_page_that_is_no_web_page_is_rejected_with_its_reason(outcome, site: Site) -> None:
    assert outcome["items"]["/pdf.html"][0] == "rejected"
    with open_store(outcome["db"]) as store:
        (article,) = [c for c in store.iter_articles() if c.article.url == site.url("/pdf.html")]
    assert article.rejected.reason.endswith("not a web page (application/pdf)")


def test_broken_and_missing_feeds_are_reported(outcome, site: Site) -> None:
    errors = outcome["errors"]
    assert errors[site.url("/broken.xml")].startswith("feed: not an RSS or Atom feed")
    assert errors[site.url("/missing.xml")] == "feed: HTTP 404 (Not Found)"
    broken = outcome["feeds"]["/broken.xml"]
    assert (broken.status, broken.errors) == ("failed", 1)
    assert broken.last_error.startswith("not an RSS or Atom feed")


def test_the_intake_lists_its_errors(outcome) -> None:
    intake = outcome["intake"]
    assert intake["finished"] and intake["counts"]["stored"] == 2
    # 6 failed pages, 2 failed feeds, 1 rejected page
    assert intake["num_errors"] == 9
    assert any("redirect loop" in e["reason"] for e in intake["errors"])


def test_failed_items_are_tried_again_at_the_next_poll(outcome, site: Site, coder) -> None:
    site.routes["/err/500.html"] = Route(page(*VISIT_EN[:1], ["The server is back. " + VISIT_EN[1][1]],
                                              lang="en", published="2025-03-04"))
    with open_store(outcome["db"]) as store:
        again = poll(store=store, coder=coder, feeds=[site.url("/bad.xml")], settings=quick_settings())
        row = store.backend.query("SELECT status, attempts FROM feed_items WHERE url = ?",
                                  (site.url("/err/500.html"),))
        assert row == [("stored", 0)]
        assert again.counts["stored"] == 1
        # a timeout is tried again; a redirect loop or robots.txt is a standing refusal
        assert site.url("/slow.html") in dict(again.errors)
        assert site.url("/loop/a") not in dict(again.errors)
        assert site.asked("/loop/a") == 1
