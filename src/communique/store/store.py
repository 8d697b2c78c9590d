"""``Store``: the event store behind one interface, on SQLite (default) or PostgreSQL.

    store = open_store("communique.db")            # or "postgresql://user@host/db"
    store.put(coded, run_id=run.id, coder_version=version)
    store.get("n001")                              # the same CodedArticle back
"""

from __future__ import annotations

import hashlib
import json
import re
import uuid
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from communique.errors import StoreError
from communique.model import Article, CodedArticle, Event, Rejection
from communique.store.backend import Backend
from communique.store.folding import fold, words
from communique.store.records import (RunRecord, read_coded, read_events, read_run, write_coded,
                                      write_run)
from communique.store.reviews import reattach
from communique.store.schema import available, current_version, migrate

DEFAULT_DB = "communique.db"
# Tables whose rows make up the store's content, in dependency order.
TABLES = ("runs", "articles", "events", "event_contexts", "actors", "people", "places", "evidence",
          "rejections", "stories", "story_events", "near_duplicates", "article_signatures",
          "event_vectors")
SNIPPET_CHARS = 80


@dataclass(frozen=True, slots=True)
class SearchHit:
    article_id: str
    title: str | None
    published: str | None
    url: str | None
    snippet: str


def is_postgres(db: str) -> bool:
    return db.startswith(("postgresql://", "postgres://"))


def open_store(db: str | Path = DEFAULT_DB, *, migrate_schema: bool = True) -> Store:
    """Open (and create or migrate) a store: a file path for SQLite, a DSN for PostgreSQL."""
    text = str(db)
    if is_postgres(text):
        from communique.store.postgres import PostgresBackend

        backend: Backend = PostgresBackend(text)
        types = PostgresBackend.types
    else:
        from communique.store.sqlite import SQLiteBackend

        backend = SQLiteBackend(text)
        types = SQLiteBackend.types
    store = Store(backend)
    if getattr(backend, "read_only", False):
        _check_schema(store, types)  # cannot migrate a store nobody can write
    elif migrate_schema:
        migrate(backend, types)
    return store


def _check_schema(store: Store, types: dict[str, str]) -> None:
    latest = available(store.backend.dialect, types)[-1].version
    found = store.schema_version
    if found != latest:
        store.close()
        raise StoreError(f"{store.backend.location} is read-only and has schema version {found}; "
                         f"this communique reads version {latest}: open it once where it can be "
                         "written, to migrate it")


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds")


class Store:
    """Articles, events, runs and stories in one database."""

    def __init__(self, backend: Backend) -> None:
        self.backend = backend

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.backend.close()

    @property
    def schema_version(self) -> int:
        return current_version(self.backend)

    # -- runs ----------------------------------------------------------------------------------
    def start_run(self, *, coder_version: str, config: dict[str, Any]) -> RunRecord:
        # Runs are events in time, not content: a random id, unlike articles and events.
        run = RunRecord(id=uuid.uuid4().hex[:16], coder_version=coder_version, config=config,
                        started=now())
        self.put_run(run)
        return run

    def put_run(self, run: RunRecord) -> None:
        with self.backend.transaction():
            write_run(self.backend, run)

    def get_run(self, run_id: str) -> RunRecord | None:
        return read_run(self.backend, run_id)

    def runs(self) -> list[RunRecord]:
        ids = [r[0] for r in self.backend.query("SELECT id FROM runs ORDER BY started, id")]
        return [run for i in ids if (run := read_run(self.backend, i)) is not None]

    # -- articles ------------------------------------------------------------------------------
    def stored_state(self, article_id: str) -> tuple[str, str] | None:
        """(content_hash, coder_version) of a stored article, or None."""
        rows = self.backend.query("SELECT content_hash, coder_version FROM articles WHERE id = ?",
                                  (article_id,))
        return (rows[0][0], rows[0][1]) if rows else None

    def has_copy(self, content_hash: str, coder_version: str, *, other_than: str) -> bool:
        """Is the same content already coded by this coder version under another id?"""
        rows = self.backend.query("SELECT 1 FROM articles WHERE content_hash = ? AND "
                                  "coder_version = ? AND id <> ? AND status = 'coded' LIMIT 1",
                                  (content_hash, coder_version, other_than))
        return bool(rows)

    def put(self, coded: CodedArticle, *, run_id: str, coder_version: str,
            replace: bool = False) -> str:
        """Store one coded article in one transaction.

        Returns ``"stored"`` (new, changed, or re-coded by another coder version: its events
        are replaced), ``"unchanged"`` (same content, same coder version), ``"duplicate"``
        (the same text is already stored under another id) or ``"rejected"`` (writing its coding
        failed: that transaction was rolled back and the article is stored as a rejection,
        stage ``store``, naming the article and the database's reason).

        ``replace`` stores it even when the same content is stored by this coder version: for
        a caller that knows its metadata changed (a corrected publication date moves its
        events' dates), which the content hash does not cover.
        """
        art = coded.article
        try:
            with self.backend.transaction():
                # Checked again inside the transaction: another process may have written it.
                skip = skip_reason(self, art, version=coder_version)
                if skip is not None and not (replace and skip == "unchanged"):
                    return skip
                write_coded(self.backend, coded, run_id=run_id, coder_version=coder_version)
                # Reviews outlive re-coding: applied again to the new events (store/reviews.py).
                reattach(self.backend, coded, run_id=run_id, coder_version=coder_version)
        except StoreError as exc:
            if coded.rejected is not None and coded.rejected.stage == "store":
                raise  # even the rejection record cannot be written: the store itself fails
            # The article's transaction is rolled back; it is kept as a rejection (stage
            # "store") so that the batch goes on. When even that cannot be written (a full disk,
            # a read-only file) the store itself is at fault and the error goes up.
            reason = f"article {art.id!r} could not be stored: {exc.detail}"
            rejected = CodedArticle(article=art, rejected=Rejection("store", reason))
            try:
                outcome = self.put(rejected, run_id=run_id, coder_version=coder_version,
                                   replace=replace)
            except StoreError:
                raise StoreError(f"article {art.id!r} could not be stored, nor its rejection: "
                                 f"{exc}", detail=exc.detail) from None
            return "rejected" if outcome == "stored" else outcome
        return "stored"

    def rejections(self, *, run_id: str, limit: int = 20) -> list[tuple[str, str, str]]:
        """(article id, stage, reason) of the articles a run rejected, by article id."""
        rows = self.backend.query("SELECT article_id, stage, reason FROM rejections WHERE "
                                  "run_id = ? ORDER BY article_id LIMIT ?", (run_id, limit))
        return [(str(r[0]), str(r[1]), str(r[2])) for r in rows]

    def get(self, article_id: str) -> CodedArticle | None:
        found = read_coded(self.backend, [article_id])
        return found[0] if found else None

    def articles(self, article_ids: Sequence[str]) -> list[CodedArticle]:
        return read_coded(self.backend, article_ids)

    def article_ids(self) -> list[str]:
        return [r[0] for r in self.backend.query("SELECT id FROM articles ORDER BY id")]

    def events(self, event_ids: Sequence[str]) -> list[Event]:
        return read_events(self.backend, event_ids)

    def event_ids(self) -> list[str]:
        return [r[0] for r in self.backend.query("SELECT id FROM events ORDER BY id")]

    # -- search --------------------------------------------------------------------------------
    def search(self, query: str, *, limit: int = 20) -> list[SearchHit]:
        """Articles whose title or text contain every word of the query, accents folded."""
        terms = words(query)
        if not terms:
            return []
        if self.backend.dialect == "sqlite":
            match = " ".join('"' + t.replace('"', '""') + '"' for t in terms)
            rows = self.backend.query(
                "SELECT a.id, a.title, a.published, a.url, a.text FROM article_search "
                "JOIN articles a ON a.rowid = article_search.rowid WHERE article_search MATCH ? "
                "ORDER BY bm25(article_search), a.id LIMIT ?", (match, limit))
        else:
            rows = self.backend.query(
                "SELECT a.id, a.title, a.published, a.url, a.text FROM articles a, "
                "plainto_tsquery('simple', ?) q WHERE a.search_vector @@ q "
                "ORDER BY ts_rank(a.search_vector, q) DESC, a.id LIMIT ?", (" ".join(terms), limit))
        return [SearchHit(article_id=r[0], title=r[1], published=r[2], url=r[3],
                          snippet=snippet(r[4], terms)) for r in rows]

    # -- inspection ----------------------------------------------------------------------------
    def counts(self) -> dict[str, int]:
        return {t: int(self.backend.query(f"SELECT count(*) FROM {t}")[0][0]) for t in TABLES}

    def content_digest(self) -> str:
        """A digest of what the store holds (articles, events, stories), not of when or by
        which run: two stores built from the same corpus by the same coder agree."""
        sha = hashlib.sha1()
        for coded in self.iter_articles():
            record = {"article": coded.article.to_dict(), "coded": coded.to_dict()}
            sha.update(json.dumps(record, sort_keys=True, ensure_ascii=False).encode("utf-8"))
        for row in self.backend.query("SELECT event_id, story_id FROM story_events ORDER BY event_id"):
            sha.update(f"{row[0]}\x1f{row[1]}\n".encode())
        return sha.hexdigest()

    def iter_articles(self, *, batch: int = 200) -> Iterator[CodedArticle]:
        ids = self.article_ids()
        for start in range(0, len(ids), batch):
            yield from read_coded(self.backend, ids[start:start + batch])


def skip_reason(store: Store, article: Article, *, version: str,
                seen: set[str] | None = None) -> str | None:
    """Why an article needs no coding and no writing, or None when it does.

    ``"unchanged"``: stored under its id with the same content and the same coder version.
    ``"duplicate"``: its text is already coded by this coder version under another id, or met
    earlier in this batch (``seen``: the content hashes of the batch so far, which this call
    extends; not yet written when coding runs ahead of writing). The one rule of idempotency,
    used by ``ingest`` and ``run`` before coding and by ``Store.put`` before writing.
    """
    digest = article.content_hash
    if store.stored_state(article.id) == (digest, version):
        return "unchanged"
    if article.text:  # a rejected input has no text: it is a copy of nothing
        if seen is not None and digest in seen:
            return "duplicate"
        if store.has_copy(digest, version, other_than=article.id):
            return "duplicate"
        if seen is not None:
            seen.add(digest)
    return None


def count_outcome(counts: Counter[str], outcome: str, coded: CodedArticle) -> None:
    """Add one ``Store.put`` outcome to a run's counts (an article stored as a rejection at the
    store stage counts as stored and rejected, like one rejected while coding)."""
    if outcome == "rejected":
        counts["stored"] += 1
        counts["rejected"] += 1
        return
    counts[outcome] += 1
    if outcome == "stored":
        counts["events"] += len(coded.events)
        counts["rejected"] += coded.rejected is not None


_WORD = re.compile(r"\w+")


def snippet(text: str, terms: Sequence[str]) -> str:
    """A piece of the original text around the first query word (compared folded)."""
    wanted = set(terms)
    for match in _WORD.finditer(text):
        if fold(match.group()) in wanted:
            start = max(0, match.start() - SNIPPET_CHARS // 2)
            piece = text[start:start + SNIPPET_CHARS].replace("\n", " ")
            return ("…" if start else "") + piece + ("…" if start + SNIPPET_CHARS < len(text) else "")
    return text[:SNIPPET_CHARS].replace("\n", " ")
