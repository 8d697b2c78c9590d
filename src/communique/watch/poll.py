"""One poll of ``communique watch``: every feed that is due, then the inbox folder, into the store.

For each feed: a conditional GET (a 304 means no new item); each item not yet taken (by URL,
or by GUID within the feed) is fetched, its text, title and date extracted as for an ``.html``
input, and everything goes through ``store.ingest.code_and_store`` — the path of ``ingest``,
with its rejections and its idempotency by content hash. An item the feed shows as updated is
fetched again (conditionally): a changed page is re-coded in place, as the next version of its
article. An item that could not be fetched is tried again at the next polls (``max_attempts``).

What is written, and when, so that a poll killed at any moment loses nothing: each article
commits with its events; the item's row follows it; the feed's ETag / Last-Modified only once
all its items are handled. A killed poll is therefore polled again in full, and what it had
already stored is found unchanged.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit

from communique.coder import Coder
from communique.errors import ArticleRejected, FetchError
from communique.ingest.batch import distinct_ids
from communique.ingest.checks import check_published
from communique.ingest.feeds import FeedItem, parse_feed
from communique.ingest.fetch import Fetched, Fetcher, FetchSettings
from communique.ingest.paths import Skipped, classify, is_input_name, printable
from communique.ingest.readers import html_article, read_file, rejected
from communique.model import Article, CodedArticle, content_id
from communique.store.feeds import (FeedState, ItemState, add_intake_error, failed_items,
                                    finish_intake, get_feed, known_item, put_feed,
                                    put_item, start_intake)
from communique.store.ingest import COUNTS, code_and_store
from communique.store.records import RunRecord
from communique.store.store import Store, now
from communique.store.versioning import coder_version

POLL_COUNTS = ("feeds", "feeds_unchanged", "feeds_failed", "feeds_deferred", "items", "known",
               "fetched", "not_modified", "failed", "files")
HTML_TYPES = ("text/html", "application/xhtml+xml")
# A feed failing again and again is polled less often: every poll interval times this factor
# (doubling from the second failure in a row), never more than MAX_BACKOFF times.
MAX_BACKOFF = 16

FetcherFactory = Callable[[FetchSettings, Callable[[float], bool]], Fetcher]


@dataclass(frozen=True, slots=True)
class WatchSettings:
    every: float = 900.0  # seconds between two polls
    fetch: FetchSettings = field(default_factory=FetchSettings)
    max_attempts: int = 3  # an item whose page failed this many polls in a row is given up
    link: bool = True
    vectors: bool = True


@dataclass(slots=True)
class PollSummary:
    run: RunRecord
    counts: Counter[str] = field(default_factory=lambda: Counter(dict.fromkeys(
        (*POLL_COUNTS, *COUNTS), 0)))
    errors: list[tuple[str, str]] = field(default_factory=list)  # (URL, reason)
    link: object | None = None
    stopped: bool = False

    def describe(self) -> str:
        c = self.counts
        text = (f"{c['feeds']} feeds polled ({c['feeds_unchanged']} unchanged, {c['feeds_failed']} "
                f"failed, {c['feeds_deferred']} deferred): {c['items']} items, {c['known']} "
                f"already taken, {c['fetched']} pages fetched, {c['not_modified']} not modified, "
                f"{c['failed']} failed; {c['files']} new files; {c['stored']} stored "
                f"({c['events']} events, {c['rejected']} rejected), {c['unchanged']} unchanged, "
                f"{c['duplicate']} duplicates; run {self.run.id}")
        if self.link is not None:
            text += f"\n{self.link}"
        if self.stopped:
            text += "\nstopped before the end: the next poll takes up the rest"
        return text


@dataclass(slots=True)
class _Taken:
    """An item page fetched in this poll, waiting to be coded and stored."""

    item: FeedItem
    state: ItemState
    page: Fetched


def item_article_id(url: str) -> str:
    """The id of the article an item's page becomes: its host and a digest of its URL, the same
    at every poll, so that a changed page replaces its earlier version."""
    host = (urlsplit(url).hostname or "web").removeprefix("www.")
    return f"{host}-{content_id(url, length=12)}"


class Inbox:
    """The input files of a folder that are new or changed since the last look (by size and
    modification time; the store's content hash decides what is really new)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.seen: dict[Path, tuple[int, int]] = {}

    def changed(self) -> list[Path | Skipped]:
        from communique.ingest.paths import walk

        found: list[Path | Skipped] = []
        for entry in walk(self.folder, exclude=set()):
            if isinstance(entry, Skipped):
                key = (-1, -1)
                path = entry.path
            else:
                try:
                    st = entry.stat()
                except OSError:
                    continue  # gone since it was listed: nothing to read
                key, path = (st.st_size, st.st_mtime_ns), entry
            if self.seen.get(path) != key:
                self.seen[path] = key
                found.append(entry)
        return found


def poll(*, store: Store, coder: Coder, feeds: list[str], inbox: Inbox | None = None,
         settings: WatchSettings | None = None, stop: threading.Event | None = None,
         fetcher: FetcherFactory | None = None) -> PollSummary:
    """Poll the due feeds and the inbox once; store what is new; link it into the stories."""
    settings = settings or WatchSettings()
    stop = stop or threading.Event()
    version = coder_version(actor_file=coder.settings.actor_file)
    run = store.start_run(coder_version=version, config={
        "command": "watch", "feeds": feeds, "inbox": str(inbox.folder) if inbox else None,
        "every": settings.every, "link": settings.link, "vectors": settings.vectors})
    start_intake(store, run_id=run.id, started=run.started)
    summary = PollSummary(run=run)
    job = _Poll(store=store, coder=coder, settings=settings, stop=stop, summary=summary,
                version=version)
    make = fetcher or (lambda fetch, wait: Fetcher(fetch, wait=wait))
    with make(settings.fetch, stop.wait) as client:
        for url in feeds:
            if stop.is_set():
                break
            job.feed(client, url)
    if inbox is not None and not stop.is_set():
        job.files(inbox)
    summary.stopped = stop.is_set()
    if settings.link and job.changed:
        from communique.link import LinkSettings
        from communique.link.incremental import link_new

        summary.link = link_new(store, job.changed, settings=LinkSettings(vectors=settings.vectors))
    run.counts = dict(summary.counts)
    run.finished = now()
    store.put_run(run)
    finish_intake(store, run_id=run.id, finished=run.finished, counts=run.counts)
    return summary


@dataclass(slots=True)
class _Poll:
    store: Store
    coder: Coder
    settings: WatchSettings
    stop: threading.Event
    summary: PollSummary
    version: str
    changed: list[str] = field(default_factory=list)  # articles stored (new or re-coded)

    @property
    def counts(self) -> Counter[str]:
        return self.summary.counts

    def error(self, url: str, reason: str) -> None:
        self.summary.errors.append((url, reason))
        add_intake_error(self.store, run_id=self.summary.run.id, url=url, reason=reason)

    # -- feeds ---------------------------------------------------------------------------------
    def feed(self, client: Fetcher, url: str) -> None:
        state = get_feed(self.store, url) or FeedState(url=url)
        started = now()
        if not _due(state, started):
            self.counts["feeds_deferred"] += 1
            return
        self.counts["feeds"] += 1
        try:
            answer = client.get(url, etag=state.etag, last_modified=state.last_modified)
            items = [] if answer.not_modified else parse_feed(answer.content, url=url)
        except FetchError as exc:
            if self.stop.is_set():
                return
            self.counts["feeds_failed"] += 1
            self.error(url, f"feed: {exc.reason}")
            state.errors += 1
            state.status, state.last_error, state.last_poll = "failed", exc.reason, started
            state.next_poll = _later(started, self.settings.every * _backoff(state.errors))
            put_feed(self.store, state)
            return
        self.counts["feeds_unchanged"] += answer.not_modified
        taken = list(self._fetch_items(client, url, items))
        self._store(taken)
        if self.stop.is_set():
            return  # the feed's validators are not saved: the next poll reads it in full
        state.etag, state.last_modified = answer.etag, answer.last_modified
        state.status = "not modified" if answer.not_modified else "ok"
        state.last_poll, state.errors = started, 0
        state.next_poll = _later(started, self.settings.every)
        if not answer.not_modified:
            state.items = len(items)  # as the feed lists them now (a 304 keeps the count)
        put_feed(self.store, state)

    def _fetch_items(self, client: Fetcher, feed_url: str, items: list[FeedItem]) -> Iterator[_Taken]:
        todo: list[tuple[FeedItem, ItemState | None]] = []
        for item in items:
            self.counts["items"] += 1
            known = known_item(self.store, feed_url=feed_url, url=item.url, guid=item.guid)
            if known is not None and known.status != "failed" and (
                    item.updated is None or item.updated == known.updated):
                self.counts["known"] += 1  # taken before, and the feed shows no change
                continue
            if (known is not None and known.status == "failed"
                    and known.attempts >= self.settings.max_attempts and item.updated == known.updated):
                self.counts["known"] += 1  # given up on; tried again when the feed updates it
                continue
            todo.append((item, known))
        listed = {item.url for item in items}  # a listed item was decided on above
        for state in failed_items(self.store, feed_url=feed_url, max_attempts=self.settings.max_attempts):
            if state.url not in listed:
                todo.append((FeedItem(url=state.url, guid=state.guid, title=None, published=None,
                                      updated=state.updated), state))
        for item, known in todo:
            if self.stop.is_set():
                return
            state = known or ItemState(url=item.url, feed_url=feed_url, guid=item.guid)
            if state.url != item.url:  # the same GUID under a new URL: take the new one
                state = replace(state, url=item.url)
            valid = state.status != "failed"
            try:
                page = client.get(item.url, etag=state.etag if valid else None,
                                  last_modified=state.last_modified if valid else None)
            except FetchError as exc:
                if self.stop.is_set():
                    return
                self.counts["failed"] += 1
                self.error(item.url, exc.reason)
                state.status, state.reason = "failed", exc.reason
                # a timeout or a 5xx may pass at the next poll; a 404 or a robots.txt rule won't
                state.attempts = state.attempts + 1 if exc.retry else self.settings.max_attempts
                state.updated = item.updated
                put_item(self.store, state)
                continue
            if page.not_modified:
                self.counts["not_modified"] += 1
                state.updated = item.updated
                put_item(self.store, state)
                continue
            self.counts["fetched"] += 1
            yield _Taken(item=item, state=state, page=page)

    def _store(self, taken: list[_Taken]) -> None:
        if not taken:
            return
        by_id = {item_article_id(t.item.url): t for t in taken}

        def done(article: Article, outcome: str, rejected: bool = False) -> None:
            t = by_id.get(article.id)
            if t is None:
                return  # not an item of this feed (an id met twice, renamed ID@SOURCE)
            state = t.state
            if state.content_hash != article.content_hash:
                state.versions += 1
            state.article_id, state.content_hash = article.id, article.content_hash
            state.etag, state.last_modified = t.page.etag, t.page.last_modified
            state.updated, state.fetched, state.attempts = t.item.updated, now(), 0
            state.status = "rejected" if rejected else "stored"
            state.reason = {"duplicate": "the same text is stored under another article"}.get(outcome)
            put_item(self.store, state)

        def pages() -> Iterator[Article | CodedArticle]:
            for t in taken:
                if self.stop.is_set():
                    return  # not stored, nor its item: the next poll fetches it again
                yield page_article(t, feed_url=t.state.feed_url)

        articles = distinct_ids(pages())
        for coded, outcome in code_and_store(
                articles, store=self.store, coder=self.coder, run_id=self.summary.run.id,
                version=self.version, counts=self.counts, skipped=lambda a, why: done(a, why)):
            if outcome in ("stored", "rejected"):
                self.changed.append(coded.article.id)
            if coded.article.id in by_id:
                done(coded.article, outcome, rejected=coded.rejected is not None or outcome == "rejected")

    # -- the inbox folder ----------------------------------------------------------------------
    def files(self, inbox: Inbox) -> None:
        def read() -> Iterator[Article | CodedArticle]:
            for entry in inbox.changed():
                if self.stop.is_set():
                    return
                self.counts["files"] += 1
                if isinstance(entry, Skipped):
                    name = printable(str(entry.path))
                    yield rejected(printable(entry.path.stem or entry.path.name), "ingest",
                                   f"{name}: {entry.reason}", source=name)
                elif is_input_name(entry) and isinstance(classify(entry), Path):
                    yield from read_file(entry)

        for coded, outcome in code_and_store(
                distinct_ids(read()), store=self.store, coder=self.coder,
                run_id=self.summary.run.id, version=self.version, counts=self.counts):
            if outcome in ("stored", "rejected"):
                self.changed.append(coded.article.id)


def page_article(taken: _Taken, *, feed_url: str) -> Article | CodedArticle:
    """An item's page as an article: text, title and date extracted as for an ``.html`` input
    (the feed's date when the page gives none); its URL and its feed recorded."""
    item, page = taken.item, taken.page
    article_id = item_article_id(item.url)
    meta = {"feed": feed_url, **({"guid": item.guid} if item.guid else {})}
    content_type = (page.content_type or "").split(";")[0].strip().lower()
    if content_type and content_type not in HTML_TYPES and not content_type.startswith("text/"):
        return rejected(article_id, "ingest", f"{item.url}: not a web page ({content_type})",
                        source=item.url, url=item.url, meta=meta)
    made = html_article(_utf8(page), article_id=article_id, source=item.url)
    if isinstance(made, CodedArticle):
        return CodedArticle(article=replace(made.article, url=item.url, meta=meta),
                            rejected=made.rejected)
    published = made.published
    if published is None and item.published:
        try:
            published = check_published(item.published, source=item.url)
        except ArticleRejected:
            published = None  # the feed's date is only a fallback
    return replace(made, url=item.url, published=published, meta={**made.meta, **meta})


def _utf8(page: Fetched) -> bytes:
    """The page's bytes in UTF-8 when its Content-Type names another charset (the readers read
    UTF-8); as they are otherwise."""
    params = (page.content_type or "").split(";")[1:]
    charset = next((p.split("=", 1)[1].strip().strip('"').lower() for p in params
                    if p.strip().lower().startswith("charset=")), None)
    if charset in (None, "utf-8", "utf8"):
        return page.content
    try:
        return page.content.decode(charset).encode("utf-8")
    except (LookupError, UnicodeDecodeError):
        return page.content  # the readers' own check names the problem


def _later(when: str, seconds: float) -> str:
    return (datetime.fromisoformat(when) + timedelta(seconds=seconds)).isoformat(timespec="seconds")


def _backoff(errors: int) -> int:
    return min(2 ** max(errors - 1, 0), MAX_BACKOFF)


def _due(state: FeedState, when: str) -> bool:
    """A healthy feed is polled at every poll; one that failed twice or more in a row waits
    until its next poll."""
    if state.errors < 2 or not state.next_poll:
        return True
    return datetime.fromisoformat(state.next_poll) <= datetime.fromisoformat(when)
