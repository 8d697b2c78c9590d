"""The state of live monitoring in the store: feeds, the items taken from them, and each poll.

    feeds          one row per feed: its ETag / Last-Modified, last and next poll, errors
    feed_items     one row per item page taken (by URL; its GUID beside it): the page's ETag /
                   Last-Modified, the article it became, its content hash, how many versions
                   were coded, or why it failed
    intakes        one row per poll (its id is the poll's run id): when, and its counts
    intake_errors  what a poll could not take, with the reason: a feed or a page URL

``communique watch`` writes them (``communique.watch``); ``communique feeds`` and the
dashboard's overview read them.
"""

from __future__ import annotations

import json
from dataclasses import astuple, dataclass, fields
from typing import Any

from communique.store.store import Store

# Errors of one poll shown by the dashboard; all of them are in ``intake_errors``.
SHOWN_ERRORS = 20


@dataclass(slots=True)
class FeedState:
    url: str
    etag: str | None = None
    last_modified: str | None = None
    last_poll: str | None = None
    next_poll: str | None = None
    status: str | None = None  # "ok", "not modified", "failed"
    last_error: str | None = None
    errors: int = 0  # polls failed in a row (0 after a good one)
    items: int = 0  # items the feed listed when last read


@dataclass(slots=True)
class ItemState:
    url: str
    feed_url: str
    guid: str | None = None
    updated: str | None = None  # the feed's date for the item when it was fetched
    article_id: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    fetched: str | None = None
    content_hash: str | None = None
    versions: int = 0  # contents coded under this URL (1 for a page that never changed)
    status: str = "stored"  # "stored", "rejected" (stored as a rejection) or "failed" (retried)
    reason: str | None = None
    attempts: int = 0  # failed fetches in a row


FEED_COLUMNS = tuple(f.name for f in fields(FeedState))
ITEM_COLUMNS = tuple(f.name for f in fields(ItemState))


def _upsert(table: str, columns: tuple[str, ...]) -> str:
    updates = ", ".join(f"{c} = excluded.{c}" for c in columns[1:])
    return (f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)}) "
            f"ON CONFLICT ({columns[0]}) DO UPDATE SET {updates}")


def put_feed(store: Store, feed: FeedState) -> None:
    with store.backend.transaction():
        store.backend.execute(_upsert("feeds", FEED_COLUMNS), astuple(feed))


def get_feed(store: Store, url: str) -> FeedState | None:
    rows = store.backend.query(f"SELECT {', '.join(FEED_COLUMNS)} FROM feeds WHERE url = ?", (url,))
    return FeedState(*rows[0]) if rows else None


def list_feeds(store: Store) -> list[FeedState]:
    rows = store.backend.query(f"SELECT {', '.join(FEED_COLUMNS)} FROM feeds ORDER BY url")
    return [FeedState(*r) for r in rows]


def put_item(store: Store, item: ItemState) -> None:
    with store.backend.transaction():
        store.backend.execute(_upsert("feed_items", ITEM_COLUMNS), astuple(item))


def known_item(store: Store, *, feed_url: str, url: str, guid: str | None) -> ItemState | None:
    """The item taken before under this URL, or under this GUID in this feed."""
    cols = ", ".join(ITEM_COLUMNS)
    rows = store.backend.query(f"SELECT {cols} FROM feed_items WHERE url = ?", (url,))
    if not rows and guid:
        rows = store.backend.query(f"SELECT {cols} FROM feed_items WHERE feed_url = ? AND "
                                   "guid = ? ORDER BY url LIMIT 1", (feed_url, guid))
    return ItemState(*rows[0]) if rows else None


def failed_items(store: Store, *, feed_url: str, max_attempts: int) -> list[ItemState]:
    """Items of a feed whose fetch failed fewer than ``max_attempts`` times in a row."""
    rows = store.backend.query(f"SELECT {', '.join(ITEM_COLUMNS)} FROM feed_items WHERE "
                               "feed_url = ? AND status = 'failed' AND attempts < ? ORDER BY url",
                               (feed_url, max_attempts))
    return [ItemState(*r) for r in rows]


# -- intakes --------------------------------------------------------------------------------------
def start_intake(store: Store, *, run_id: str, started: str) -> None:
    with store.backend.transaction():
        store.backend.execute("INSERT INTO intakes (run_id, started, finished, counts) "
                              "VALUES (?, ?, NULL, ?)", (run_id, started, "{}"))


def finish_intake(store: Store, *, run_id: str, finished: str, counts: dict[str, int]) -> None:
    with store.backend.transaction():
        store.backend.execute("UPDATE intakes SET finished = ?, counts = ? WHERE run_id = ?",
                              (finished, json.dumps(counts, sort_keys=True), run_id))


def add_intake_error(store: Store, *, run_id: str, url: str, reason: str) -> None:
    with store.backend.transaction():
        rows = store.backend.query("SELECT count(*) FROM intake_errors WHERE run_id = ?", (run_id,))
        store.backend.execute("INSERT INTO intake_errors (run_id, position, url, reason) "
                              "VALUES (?, ?, ?, ?)", (run_id, int(rows[0][0]), url, reason))


def last_intake(store: Store) -> dict[str, Any] | None:
    """The latest poll: when, its counts, and its errors (the first ``SHOWN_ERRORS``), with the
    articles it stored as rejections. None before the first poll (or on a store that was never
    watched)."""
    if not store.backend.table_exists("intakes"):
        return None  # a read-only store of an older schema
    rows = store.backend.query("SELECT run_id, started, finished, counts FROM intakes "
                               "ORDER BY started DESC, run_id LIMIT 1")
    if not rows:
        return None
    run_id, started, finished, counts = rows[0]
    errors = [{"url": r[0], "reason": r[1]} for r in store.backend.query(
        "SELECT url, reason FROM intake_errors WHERE run_id = ? ORDER BY position LIMIT ?",
        (run_id, SHOWN_ERRORS))]
    errors += [{"url": r[0], "reason": f"{r[1]}: {r[2]}"} for r in store.backend.query(
        "SELECT article_id, stage, reason FROM rejections WHERE run_id = ? ORDER BY article_id "
        "LIMIT ?", (run_id, SHOWN_ERRORS))]
    total = int(store.backend.query("SELECT count(*) FROM intake_errors WHERE run_id = ?",
                                    (run_id,))[0][0])
    total += int(store.backend.query("SELECT count(*) FROM rejections WHERE run_id = ?",
                                     (run_id,))[0][0])
    return {"run_id": run_id, "started": started, "finished": finished,
            "counts": json.loads(counts), "errors": errors[:SHOWN_ERRORS], "num_errors": total}
