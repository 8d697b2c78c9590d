"""Feeds for ``communique watch``: the list of feeds a user gives, and the items of one feed.

A feeds file has one feed URL per line (RSS 2.0 or Atom, ``http`` or ``https``); blank lines
and lines starting with ``#`` are ignored, and anything after the URL on its line is a comment.
A feed's items are read with feedparser: each has a GUID (RSS ``guid``, Atom ``id``), the URL
of its page, a title and the feed's dates.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from communique.errors import FetchError, UsageError


@dataclass(frozen=True, slots=True)
class FeedItem:
    url: str  # the page to fetch
    guid: str | None
    title: str | None
    published: str | None  # ISO 8601, UTC, from the feed
    updated: str | None  # the feed's last change of the item (its published date when none)


def read_feed_list(path: Path) -> list[str]:
    """The feed URLs of a feeds file, in order, each once; a bad line is a ``UsageError``
    naming it."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise UsageError(f"feeds file not found: {path}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"cannot read the feeds file {path}: {exc}") from None
    urls: list[str] = []
    for number, line in enumerate(lines, 1):
        text = line.strip()
        if not text or text.startswith("#"):
            continue
        url = text.split()[0]
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise UsageError(f"{path}:{number}: not an http(s) feed URL: {url!r}")
        if url not in urls:
            urls.append(url)
    return urls


def parse_feed(content: bytes, *, url: str) -> list[FeedItem]:
    """The items of an RSS or Atom feed, in the feed's order; ``FetchError`` when the content is
    no feed at all. An item without a link is left out (there is no page to fetch)."""
    import feedparser

    # feedparser is given bytes: it never fetches anything itself.
    parsed = feedparser.parse(content)
    if not parsed.get("version") and not parsed.entries:
        problem = parsed.get("bozo_exception")
        detail = f" ({str(problem).strip()[:120]})" if problem else ""
        raise FetchError(url, f"not an RSS or Atom feed{detail}")
    items: list[FeedItem] = []
    seen: set[str] = set()
    for entry in parsed.entries:
        link = entry.get("link") or _enclosure_link(entry)
        if not link:
            continue
        link = urljoin(url, link.strip())
        if urlsplit(link).scheme not in ("http", "https") or link in seen:
            continue
        seen.add(link)
        # dict.get: feedparser's own get() maps a missing date onto the other, with a warning
        published = _iso(dict.get(entry, "published_parsed"))
        updated = _iso(dict.get(entry, "updated_parsed")) or published
        items.append(FeedItem(url=link, guid=(entry.get("id") or None), title=entry.get("title"),
                              published=published, updated=updated))
    return items


def _enclosure_link(entry: dict) -> str | None:
    for link in entry.get("links", []):
        if link.get("rel") == "alternate" and link.get("href"):
            return str(link["href"])
    return None


def _iso(value: time.struct_time | None) -> str | None:
    if not value:
        return None
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", value)
