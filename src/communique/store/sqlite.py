"""The embedded backend: one SQLite file in WAL mode, no server."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from communique.errors import StoreError
from communique.store.backend import Row

TYPES = {"int": "INTEGER", "float": "REAL", "blob": "BLOB"}
# FTS5, ON CONFLICT ... DO UPDATE and RETURNING-free upserts need 3.35 at least.
MIN_VERSION = (3, 35, 0)
BUSY_TIMEOUT_MS = 60_000
CACHE_KIB = 128 * 1024
MMAP_BYTES = 1 << 30  # another process (an ingest) may hold the write lock for a while


class SQLiteBackend:
    dialect = "sqlite"
    types = TYPES

    def __init__(self, path: str | Path) -> None:
        if sqlite3.sqlite_version_info < MIN_VERSION:
            raise StoreError(f"SQLite {sqlite3.sqlite_version} is too old: the store needs "
                             f"{'.'.join(map(str, MIN_VERSION))} or later")
        self.location = str(path)
        if self.location != ":memory:":
            Path(self.location).parent.mkdir(parents=True, exist_ok=True)
        try:
            # isolation_level=None: no implicit transactions; we open them ourselves.
            self.conn = sqlite3.connect(self.location, isolation_level=None,
                                        check_same_thread=False, timeout=BUSY_TIMEOUT_MS / 1000)
            self.conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            self.conn.execute("PRAGMA journal_mode = WAL")
            # NORMAL is durable across a killed process (the WAL is synced at checkpoints); only
            # a power cut may lose the last commits, never corrupt the file.
            self.conn.execute("PRAGMA synchronous = NORMAL")
            self.conn.execute("PRAGMA foreign_keys = ON")
            # The default 2 MB page cache makes a million-event store re-read its pages from
            # the OS at every join; memory-mapped reads and a larger cache avoid that.
            self.conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
            self.conn.execute(f"PRAGMA mmap_size = {MMAP_BYTES}")
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open the store {self.location}: {exc}") from exc
        self._depth = 0

    # -- statements --------------------------------------------------------------------------
    def execute(self, sql: str, params: Sequence[Any] = ()) -> int:
        try:
            return self.conn.execute(sql, tuple(params)).rowcount
        except sqlite3.Error as exc:
            raise StoreError(f"{self.location}: {exc} in: {sql.strip()[:200]}", detail=str(exc)) from exc

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        try:
            self.conn.executemany(sql, rows)
        except sqlite3.Error as exc:
            raise StoreError(f"{self.location}: {exc} in: {sql.strip()[:200]}", detail=str(exc)) from exc

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        try:
            return self.conn.execute(sql, tuple(params)).fetchall()
        except sqlite3.Error as exc:
            raise StoreError(f"{self.location}: {exc} in: {sql.strip()[:200]}", detail=str(exc)) from exc

    def stream(self, sql: str, params: Sequence[Any] = (), *, size: int = 2000) -> Iterator[Row]:
        try:
            cur = self.conn.execute(sql, tuple(params))
            while batch := cur.fetchmany(size):
                yield from batch
        except sqlite3.Error as exc:
            raise StoreError(f"{self.location}: {exc} in: {sql.strip()[:200]}", detail=str(exc)) from exc

    def script(self, sql: str) -> None:
        # executescript() would commit the open transaction first; run statement by statement
        # so that a migration stays one transaction.
        buffer = ""
        for line in sql.splitlines(keepends=True):
            buffer += line
            if sqlite3.complete_statement(buffer):
                if buffer.strip() and not _only_comments(buffer):
                    self.execute(buffer)
                buffer = ""
        if buffer.strip() and not _only_comments(buffer):
            self.execute(buffer)

    def bulk_insert(self, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
        marks = ", ".join("?" for _ in columns)
        self.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", rows)

    # -- transactions ------------------------------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator[None]:
        if self._depth:  # nested: part of the enclosing transaction
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        # IMMEDIATE takes the write lock at once: two writers wait for each other instead of
        # failing with "database is locked" when a read transaction tries to upgrade.
        self.execute("BEGIN IMMEDIATE")
        self._depth = 1
        try:
            yield
        except BaseException:
            self._depth = 0
            self.conn.execute("ROLLBACK")
            raise
        self._depth = 0
        self.execute("COMMIT")

    def lock_schema(self) -> None:
        """BEGIN IMMEDIATE already holds the only write lock."""

    def table_exists(self, name: str) -> bool:
        rows = self.query("SELECT 1 FROM sqlite_master WHERE type IN ('table', 'view') AND name = ?",
                          (name,))
        return bool(rows)

    def close(self) -> None:
        # Keep the query planner's statistics fresh: without them the filters on actors and
        # people scan the wrong index (4 s instead of 6 ms at 100k events). Sampled, so cheap.
        try:
            self.conn.execute("PRAGMA analysis_limit=400")  # sampled statistics: fast on any size
            self.conn.execute("ANALYZE")
            self.conn.commit()
        except sqlite3.Error:
            pass  # a read-only or busy database keeps its old statistics
        self.conn.close()


def _only_comments(sql: str) -> bool:
    return all(not line.strip() or line.strip().startswith("--") for line in sql.splitlines())
