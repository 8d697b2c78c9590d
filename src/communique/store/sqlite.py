"""The embedded backend: one SQLite file in WAL mode, no server."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import quote

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
        # A store this process cannot write (a read-only file, folder or mount) is opened
        # read-only: queries work, writes fail with a clear error, nothing tries to migrate it
        # or refresh its statistics.
        self.read_only = self.location != ":memory:" and not _writable(Path(self.location))
        try:
            if self.read_only:
                self.conn = _connect_read_only(Path(self.location))
            else:
                if self.location != ":memory:":
                    Path(self.location).parent.mkdir(parents=True, exist_ok=True)
                # isolation_level=None: no implicit transactions; we open them ourselves.
                self.conn = sqlite3.connect(self.location, isolation_level=None,
                                            check_same_thread=False, timeout=BUSY_TIMEOUT_MS / 1000)
                self.conn.execute("PRAGMA journal_mode = WAL")
                # NORMAL is durable across a killed process (the WAL is synced at checkpoints);
                # only a power cut may lose the last commits, never corrupt the file.
                self.conn.execute("PRAGMA synchronous = NORMAL")
            self.conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            self.conn.execute("PRAGMA foreign_keys = ON")
            # The default 2 MB page cache makes a million-event store re-read its pages from
            # the OS at every join; memory-mapped reads and a larger cache avoid that.
            self.conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
            self.conn.execute(f"PRAGMA mmap_size = {MMAP_BYTES}")
        except (sqlite3.Error, OSError) as exc:
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
        if self.read_only:
            self.conn.close()
            return
        try:
            self.conn.execute("PRAGMA analysis_limit=400")  # sampled statistics: fast on any size
            self.conn.execute("ANALYZE")
            self.conn.commit()
        except sqlite3.Error:
            pass  # a read-only or busy database keeps its old statistics
        self.conn.close()


def _writable(path: Path) -> bool:
    """Can this process write the store? A new file needs a writable folder; an existing one
    needs its folder too (SQLite creates the -wal and -shm files beside it)."""
    folder = path.parent if str(path.parent) else Path(".")
    if not path.exists():
        return True  # created below, or the folder's error says why not
    # The effective user is the one the file system checks (a setuid tool, a test dropping
    # root's rights); os.access looks at the real one unless told.
    effective = os.access in os.supports_effective_ids
    return (os.access(path, os.W_OK, effective_ids=effective)
            and os.access(folder, os.W_OK | os.X_OK, effective_ids=effective))


def _connect_read_only(path: Path) -> sqlite3.Connection:
    """Open for reading only; ``immutable`` when even the WAL index cannot be opened (a
    read-only folder without the -shm file): SQLite then reads the file as it is, without
    locks, which is right for a file nobody can write."""
    uri = f"file:{quote(str(path.resolve()))}?mode=ro"
    try:
        return _probed(uri)
    except sqlite3.OperationalError:
        return _probed(uri + "&immutable=1")


def _probed(uri: str) -> sqlite3.Connection:
    """A connection that has read the schema (SQLite opens lazily: errors come at first use)."""
    conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False,
                           timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.Error:
        conn.close()
        raise
    return conn


def _only_comments(sql: str) -> bool:
    return all(not line.strip() or line.strip().startswith("--") for line in sql.splitlines())
