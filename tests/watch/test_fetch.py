"""The polite fetcher on a mock transport: rate limit, back-off, Retry-After, robots.txt rules,
conditional GET, redirects. No network, no waiting: the clock and the wait are injected."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from communique.errors import FetchError, UsageError
from communique.ingest.feeds import parse_feed, read_feed_list
from communique.ingest.fetch import Fetcher, FetchSettings, RateLimit


class Clock:
    def __init__(self) -> None:
        self.now = 0.0
        self.waits: list[float] = []

    def __call__(self) -> float:
        return self.now

    def wait(self, seconds: float) -> bool:
        self.waits.append(seconds)
        self.now += seconds
        return False


def _fetcher(handler, clock: Clock | None = None, **settings) -> Fetcher:
    clock = clock or Clock()
    return Fetcher(FetchSettings(**{"backoff": 1.0, **settings}), transport=httpx.MockTransport(handler),
                   clock=clock, wait=clock.wait)


def _robots(text: str = "User-agent: *\nAllow: /\n"):
    def respond(request: httpx.Request) -> httpx.Response | None:
        if request.url.path == "/robots.txt":
            return httpx.Response(200, text=text)
        return None
    return respond


def test_rate_limit_allows_n_requests_per_host_per_minute() -> None:
    clock = Clock()
    limit = RateLimit(3, clock=clock, wait=clock.wait)
    for _ in range(4):
        assert limit.acquire("a.example")
        clock.now += 1
    assert clock.waits == [57.0]  # the 4th waits until the 1st is a minute old
    assert limit.acquire("b.example") and clock.waits == [57.0]  # another host does not wait


def test_crawl_delay_spaces_requests() -> None:
    clock = Clock()
    robots = _robots("User-agent: *\nCrawl-delay: 5\n")
    fetcher = _fetcher(lambda r: robots(r) or httpx.Response(200, text="<p>x</p>"), clock)
    fetcher.get("https://a.example/1")
    fetcher.get("https://a.example/2")
    assert clock.waits == [5.0, 5.0]  # after robots.txt itself, then between the pages


def test_server_errors_are_retried_with_back_off_and_retry_after() -> None:
    clock = Clock()
    answers = iter([httpx.Response(503, headers={"Retry-After": "7"}), httpx.Response(500),
                    httpx.Response(200, text="ok")])
    robots = _robots()
    fetcher = _fetcher(lambda r: robots(r) or next(answers), clock, retries=2)
    assert fetcher.get("https://a.example/p").content == b"ok"
    assert clock.waits == [7.0, 2.0]  # Retry-After beats the first back-off (1 s); then 2 s


def test_a_404_is_not_retried() -> None:
    calls = []
    robots = _robots()

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(request.url.path)
        return robots(request) or httpx.Response(404)
    with pytest.raises(FetchError, match=r"HTTP 404 \(Not Found\)") as caught:
        _fetcher(handler).get("https://a.example/gone")
    assert calls == ["/robots.txt", "/gone"] and not caught.value.retry


def test_conditional_get_sends_the_validators_and_reads_304() -> None:
    seen = {}
    robots = _robots()

    def handler(request: httpx.Request) -> httpx.Response:
        seen.update(request.headers)
        return robots(request) or httpx.Response(304)
    answer = _fetcher(handler).get("https://a.example/feed", etag='"e1"',
                                   last_modified="Tue, 04 Mar 2025 09:00:00 GMT")
    assert answer.not_modified and answer.etag == '"e1"'
    assert seen["if-none-match"] == '"e1"' and seen["if-modified-since"].startswith("Tue")


@pytest.mark.parametrize("status,allowed", [(404, True), (403, True), (503, False)])
def test_robots_txt_answers_follow_rfc_9309(status: int, allowed: bool) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/robots.txt":
            return httpx.Response(status)
        return httpx.Response(200, text="page")
    fetcher = _fetcher(handler, retries=0)
    if allowed:
        assert fetcher.get("https://a.example/p").content == b"page"
    else:
        with pytest.raises(FetchError, match="robots.txt cannot be read"):
            fetcher.get("https://a.example/p")


def test_a_redirect_to_a_disallowed_page_is_not_followed() -> None:
    asked = []

    def handler(request: httpx.Request) -> httpx.Response:
        asked.append(str(request.url))
        if request.url.path == "/robots.txt":
            text = "User-agent: *\nDisallow: /members/\n" if request.url.host == "b.example" else ""
            return httpx.Response(200, text=text)
        return httpx.Response(301, headers={"Location": "https://b.example/members/x"})
    with pytest.raises(FetchError, match="disallowed by https://b.example/robots.txt"):
        _fetcher(handler).get("https://a.example/p")
    assert "https://b.example/members/x" not in asked


def test_too_many_redirects_are_named() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/robots.txt":
            return httpx.Response(404)
        n = int(request.url.path.strip("/") or 0)
        return httpx.Response(302, headers={"Location": f"/{n + 1}"})
    with pytest.raises(FetchError, match="more than 2 redirects"):
        _fetcher(handler, max_redirects=2).get("https://a.example/0")


def test_a_stop_cuts_the_back_off_short() -> None:
    robots = _robots()
    fetcher = Fetcher(FetchSettings(retries=3), wait=lambda seconds: True,
                      transport=httpx.MockTransport(lambda r: robots(r) or httpx.Response(500)))
    with pytest.raises(FetchError, match="stopped"):
        fetcher.get("https://a.example/p")


def test_feeds_file_reads_urls_and_names_a_bad_line(tmp_path: Path) -> None:
    good = tmp_path / "feeds.txt"
    good.write_text("# comment\n\nhttps://a.example/rss  # the A wire\nhttps://a.example/rss\n"
                    "http://b.example/atom.xml\n")
    assert read_feed_list(good) == ["https://a.example/rss", "http://b.example/atom.xml"]
    bad = tmp_path / "bad.txt"
    bad.write_text("https://a.example/rss\nftp://c.example/feed\n")
    with pytest.raises(UsageError, match=r"bad.txt:2: not an http\(s\) feed URL"):
        read_feed_list(bad)
    with pytest.raises(UsageError, match="feeds file not found"):
        read_feed_list(tmp_path / "none.txt")


def test_feed_items_have_absolute_urls_guids_and_dates() -> None:
    content = (b'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>'
               b"<item><guid>g1</guid><link>/news/1</link><title>One</title>"
               b"<pubDate>Tue, 04 Mar 2025 09:00:00 GMT</pubDate></item>"
               b"<item><title>No link</title></item></channel></rss>")
    (item,) = parse_feed(content, url="https://a.example/rss")
    assert (item.url, item.guid, item.title) == ("https://a.example/news/1", "g1", "One")
    assert item.published == item.updated == "2025-03-04T09:00:00Z"
    with pytest.raises(FetchError, match="not an RSS or Atom feed"):
        parse_feed(b"{\"json\": true}", url="https://a.example/feed")


def test_the_bundled_example_feeds_file_reads_and_says_it_holds_examples() -> None:
    path = Path(__file__).resolve().parents[2] / "examples" / "feeds.txt"
    urls = read_feed_list(path)  # read only: never fetched by any test
    assert len(urls) >= 4 and all(u.startswith("https://") for u in urls)
    assert any("/fr/" in u for u in urls) and any("/en/" in u for u in urls)
    assert "EXAMPLE" in path.read_text(encoding="utf-8").splitlines()[0]


def test_robots_rules_for_communique_apply_whatever_the_contact() -> None:
    from communique.ingest.fetch import user_agent

    agent = user_agent("mailto:ops@example.org")
    assert agent.startswith("communique/") and agent.endswith("; +mailto:ops@example.org)")
    robots = _robots("User-agent: communique\nDisallow: /\n\nUser-agent: *\nAllow: /\n")
    fetcher = _fetcher(lambda r: robots(r) or httpx.Response(200, text="page"), user_agent=agent)
    with pytest.raises(FetchError, match="disallowed by https://a.example/robots.txt"):
        fetcher.get("https://a.example/p")
