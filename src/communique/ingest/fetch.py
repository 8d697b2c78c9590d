"""Polite HTTP for ``communique watch``: one GET with everything a good crawler does.

    fetcher = Fetcher(FetchSettings(per_host=10))
    page = fetcher.get(url, etag=old_etag, last_modified=old_date)   # page.not_modified on 304

- a clear User-Agent naming communique;
- robots.txt read once per site and per poll, and obeyed (RFC 9309: a missing robots.txt, or any
  4xx, allows everything; a 5xx or an unreachable one disallows the site for this poll), its
  ``Crawl-delay`` honoured;
- at most ``per_host`` requests per host in any minute (the fetcher waits; a stop request cuts
  the wait short);
- conditional GET: ``If-None-Match`` / ``If-Modified-Since`` from what the last answer gave;
- timeouts (for each wait, and ``ANSWER_TIMEOUTS`` times that for a whole answer), and retries with exponential back-off for timeouts, broken connections, 429 and
  5xx answers (``Retry-After`` honoured up to ``MAX_RETRY_AFTER``);
- redirects followed by hand, at most ``max_redirects``, each target checked against its own
  robots.txt; a loop is named as one;
- the body read as a stream and abandoned past ``max_bytes`` (a declared Content-Length over it
  is refused before reading).

Every failure is a ``FetchError`` naming the URL and the reason. The transport is injected
(``httpx.MockTransport`` in tests), like the clock and the wait.
"""

from __future__ import annotations

import time
from collections import defaultdict, deque
from collections.abc import Callable
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import httpx

from communique import __version__
from communique.errors import FetchError

USER_AGENT = f"communique/{__version__} (news event coder; robots.txt, conditional GET, rate-limited)"


def user_agent(contact: str | None = None) -> str:
    """The User-Agent, with the operator's contact (a URL or an e-mail address) when given, so
    that a site owner can reach whoever runs the watch."""
    return USER_AGENT if not contact else f"{USER_AGENT[:-1]}; +{contact.strip()})"
RETRY_STATUS = frozenset({429, 500, 502, 503, 504})
REDIRECT_STATUS = frozenset({301, 302, 303, 307, 308})
MAX_RETRY_AFTER = 120.0  # seconds: a server asking for more is tried again at the next poll
MAX_ROBOTS_BYTES = 500_000  # RFC 9309 asks crawlers to read at least 500 KiB
MINUTE = 60.0
ANSWER_TIMEOUTS = 3  # a whole answer may take this many timeouts, however it trickles

Wait = Callable[[float], bool]  # waits so many seconds; True when a stop was asked meanwhile


@dataclass(frozen=True, slots=True)
class FetchSettings:
    timeout: float = 20.0  # seconds to connect, and between two pieces of the answer
    retries: int = 2  # further attempts after a timeout, a broken connection, a 429 or a 5xx
    backoff: float = 2.0  # seconds before the first retry, doubled for each next one
    max_bytes: int = 5_000_000  # a larger answer is abandoned (a news page is < 1 MB)
    per_host: int = 10  # requests per host in any minute
    max_redirects: int = 5
    user_agent: str = USER_AGENT
    robots: bool = True


@dataclass(frozen=True, slots=True)
class Fetched:
    """A successful answer: 200 with the body, or 304 (not modified) without."""

    url: str  # after redirects
    status: int
    content: bytes
    etag: str | None
    last_modified: str | None
    content_type: str | None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


def _sleep(seconds: float) -> bool:
    time.sleep(seconds)
    return False


class RateLimit:
    """At most ``per_minute`` requests to one host in any window of a minute, and no two closer
    than ``min_interval`` (robots.txt's Crawl-delay)."""

    def __init__(self, per_minute: int, *, clock: Callable[[], float] = time.monotonic,
                 wait: Wait = _sleep) -> None:
        self.per_minute = per_minute
        self.clock = clock
        self.wait = wait
        self.sent: dict[str, deque[float]] = defaultdict(deque)

    def delay(self, host: str, *, min_interval: float = 0.0) -> float:
        """Seconds to wait before the next request to ``host`` may go."""
        now = self.clock()
        sent = self.sent[host]
        while sent and sent[0] <= now - MINUTE:
            sent.popleft()
        due = 0.0
        if len(sent) >= self.per_minute:
            due = sent[0] + MINUTE - now
        if sent and min_interval:
            due = max(due, sent[-1] + min_interval - now)
        return max(due, 0.0)

    def acquire(self, host: str, *, min_interval: float = 0.0) -> bool:
        """Wait for the host's turn and count the request; False when a stop came first."""
        while (due := self.delay(host, min_interval=min_interval)) > 0:
            if self.wait(due):
                return False
        self.sent[host].append(self.clock())
        return True


class Fetcher:
    """GETs for one poll: a connection pool, the robots.txt of each site, the rate limits."""

    def __init__(self, settings: FetchSettings | None = None, *,
                 transport: httpx.BaseTransport | None = None,
                 clock: Callable[[], float] = time.monotonic, wait: Wait = _sleep) -> None:
        self.settings = settings or FetchSettings()
        self.wait = wait
        self.limit = RateLimit(self.settings.per_host, clock=clock, wait=wait)
        self.client = httpx.Client(transport=transport, follow_redirects=False,
                                   timeout=httpx.Timeout(self.settings.timeout),
                                   headers={"User-Agent": self.settings.user_agent})
        self.robots: dict[str, RobotFileParser | str] = {}  # per site; a str: why all is refused

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.client.close()

    # -- the one public call -------------------------------------------------------------------
    def get(self, url: str, *, etag: str | None = None, last_modified: str | None = None) -> Fetched:
        """The page at ``url`` (following redirects), or 304 when it did not change since the
        answer that gave ``etag`` / ``last_modified``."""
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        chain = [url]
        current = url
        while True:
            self._check_allowed(current)
            status, response_headers, content = self._with_retries(current, headers)
            if status in REDIRECT_STATUS:
                location = response_headers.get("location")
                if not location:
                    raise FetchError(url, f"HTTP {status} redirect without a Location header")
                target = urljoin(current, location)
                if urlsplit(target).scheme not in ("http", "https"):
                    raise FetchError(url, f"redirected to a non-web address: {target[:200]}")
                if target in chain:
                    raise FetchError(url, "redirect loop: " + " → ".join([*chain, target]))
                if len(chain) > self.settings.max_redirects:
                    raise FetchError(url, f"more than {self.settings.max_redirects} redirects "
                                          f"(last: {target})")
                chain.append(target)
                current = target
                continue
            if status == 304:
                return Fetched(current, 304, b"", etag, last_modified, None)
            if status != 200:
                raise FetchError(url, f"HTTP {status} ({_phrase(status)})" +
                                 (f" at {current}" if current != url else ""))
            return Fetched(current, 200, content, response_headers.get("etag"),
                           response_headers.get("last-modified"),
                           response_headers.get("content-type"))

    # -- one request, retried ------------------------------------------------------------------
    def _with_retries(self, url: str, headers: dict[str, str]) -> tuple[int, httpx.Headers, bytes]:
        settings = self.settings
        attempts = settings.retries + 1
        for attempt in range(attempts):
            last = attempt == attempts - 1
            try:
                status, response_headers, content = self._request(url, headers)
            except httpx.TransportError as exc:  # a timeout is one too
                if last:
                    why = (f"timed out (no answer within {settings.timeout:g} s"
                           if isinstance(exc, httpx.TimeoutException)
                           else f"cannot connect ({exc or type(exc).__name__}")
                    raise FetchError(url, f"{why}, {attempts} attempt{'s' * (attempts > 1)})",
                                     retry=True) from None
                self._pause(url, settings.backoff * 2 ** attempt)
                continue
            except (httpx.HTTPError, httpx.InvalidURL) as exc:  # a bad URL, a broken encoding
                raise FetchError(url, f"cannot be read ({type(exc).__name__}: {exc})") from None
            if status in RETRY_STATUS:
                if last:
                    raise FetchError(url, f"HTTP {status} ({_phrase(status)}) after {attempts} "
                                          f"attempt{'s' * (attempts > 1)}", retry=True)
                wait = max(settings.backoff * 2 ** attempt, _retry_after(response_headers))
                if wait > MAX_RETRY_AFTER:
                    raise FetchError(url, f"HTTP {status} ({_phrase(status)}); the server asks to "
                                          f"wait {wait:.0f} s: tried again at the next poll", retry=True)
                self._pause(url, wait)
                continue
            return status, response_headers, content
        raise AssertionError("unreachable")  # pragma: no cover

    def _pause(self, url: str, seconds: float) -> None:
        if self.wait(seconds):
            raise FetchError(url, "stopped while waiting to try again", retry=True)

    def _request(self, url: str, headers: dict[str, str]) -> tuple[int, httpx.Headers, bytes]:
        host = urlsplit(url).netloc.lower()
        if not self.limit.acquire(host, min_interval=self._crawl_delay(url)):
            raise FetchError(url, "stopped while waiting for the host's turn", retry=True)
        cap = self.settings.max_bytes
        with self.client.stream("GET", url, headers=headers) as response:
            declared = response.headers.get("content-length", "")
            if response.status_code == 200 and declared.isdigit() and int(declared) > cap:
                raise FetchError(url, f"too large: {int(declared):,} bytes announced (limit "
                                      f"{cap:,}); not read")
            body = bytearray()
            if response.status_code == 200:
                # The timeout bounds each wait for a piece; this bounds a server that trickles.
                deadline = time.monotonic() + self.settings.timeout * ANSWER_TIMEOUTS
                for piece in response.iter_bytes():
                    body += piece
                    if len(body) > cap:
                        raise FetchError(url, f"too large: more than {cap:,} bytes (limit); "
                                              "abandoned")
                    if time.monotonic() > deadline:
                        raise FetchError(url, "too slow: the answer took more than "
                                              f"{self.settings.timeout * ANSWER_TIMEOUTS:g} s; "
                                              "abandoned", retry=True)
            return response.status_code, response.headers, bytes(body)

    # -- robots.txt ----------------------------------------------------------------------------
    def _site(self, url: str) -> str:
        parts = urlsplit(url)
        return f"{parts.scheme}://{parts.netloc}"

    def _rules(self, url: str) -> RobotFileParser | str | None:
        if not self.settings.robots:
            return None
        site = self._site(url)
        if site not in self.robots:
            self.robots[site] = self._read_robots(site)
        return self.robots[site]

    def _read_robots(self, site: str) -> RobotFileParser | str:
        where = f"{site}/robots.txt"
        parser = RobotFileParser(where)
        try:
            status, _, content = self._with_retries(where, {})
        except FetchError as exc:
            if "too large" in exc.reason:
                content, status = b"", 200  # RFC 9309: read what fits; here, nothing
            else:
                return f"its robots.txt cannot be read ({exc.reason}): the site is skipped"
        if 400 <= status < 500:
            parser.allow_all = True
        elif status != 200:
            return f"its robots.txt answered HTTP {status}: the site is skipped"
        else:
            parser.parse(content[:MAX_ROBOTS_BYTES].decode("utf-8", "replace").splitlines())
        return parser

    def _check_allowed(self, url: str) -> None:
        if urlsplit(url).path == "/robots.txt":
            return
        rules = self._rules(url)
        if isinstance(rules, str):
            raise FetchError(url, rules, retry=True)
        if rules is not None and not rules.can_fetch(self.settings.user_agent, url):
            raise FetchError(url, f"disallowed by {self._site(url)}/robots.txt")

    def _crawl_delay(self, url: str) -> float:
        if urlsplit(url).path == "/robots.txt":
            return 0.0
        rules = self.robots.get(self._site(url))
        if isinstance(rules, RobotFileParser):
            delay = rules.crawl_delay(self.settings.user_agent)
            return float(delay) if delay else 0.0
        return 0.0


def _phrase(status: int) -> str:
    try:
        return httpx.codes.get_reason_phrase(status) or "unknown status"
    except ValueError:
        return "unknown status"


def _retry_after(headers: httpx.Headers) -> float:
    value = headers.get("retry-after", "").strip()
    if value.isdigit():
        return float(value)
    if value:
        try:
            return max(0.0, parsedate_to_datetime(value).timestamp() - time.time())
        except (TypeError, ValueError):
            return 0.0
    return 0.0
