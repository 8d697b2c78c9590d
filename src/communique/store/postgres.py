"""The server backend: PostgreSQL through psycopg 3 (``--db postgresql://user@host/db``)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from itertools import count
from typing import Any

from communique.errors import StoreError
from communique.store.backend import Row

TYPES = {"int": "BIGINT", "float": "DOUBLE PRECISION", "blob": "BYTEA"}
# Any constant will do: it names the lock two migrating processes take in turn.
SCHEMA_LOCK = 0x636F6D6D  # "comm"
_cursor_names = count()


def _placeholders(sql: str) -> str:
    # The store writes SQL with ? placeholders and never a literal % or ? of its own.
    return sql.replace("%", "%%").replace("?", "%s")


def _hide_password(dsn: str) -> str:
    return re.sub(r"(://[^:/@]+):[^@]*@", r"\1:***@", dsn)


class PostgresBackend:
    dialect = "postgresql"
    types = TYPES

    def __init__(self, dsn: str) -> None:
        import psycopg

        self._psycopg = psycopg
        self.location = _hide_password(dsn)
        try:
            self.conn = psycopg.connect(dsn, autocommit=True)
        except psycopg.Error as exc:
            raise StoreError(f"cannot connect to {self.location}: {exc}".strip()) from exc

    def _fail(self, exc: Exception, sql: str) -> StoreError:
        return StoreError(f"{self.location}: {exc} in: {sql.strip()[:200]}".strip(),
                          detail=str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__)

    # -- statements --------------------------------------------------------------------------
    def execute(self, sql: str, params: Sequence[Any] = ()) -> int:
        try:
            return self.conn.execute(_placeholders(sql), tuple(params)).rowcount
        except self._psycopg.Error as exc:
            raise self._fail(exc, sql) from exc

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        try:
            with self.conn.cursor() as cur:
                cur.executemany(_placeholders(sql), [tuple(r) for r in rows])
        except self._psycopg.Error as exc:
            raise self._fail(exc, sql) from exc

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        try:
            return self.conn.execute(_placeholders(sql), tuple(params)).fetchall()
        except self._psycopg.Error as exc:
            raise self._fail(exc, sql) from exc

    def stream(self, sql: str, params: Sequence[Any] = (), *, size: int = 2000) -> Iterator[Row]:
        # A server-side cursor lives inside a transaction: without one the whole result would
        # be fetched into memory at once.
        try:
            with self.transaction():
                with self.conn.cursor(name=f"stream_{next(_cursor_names)}") as cur:
                    cur.itersize = size
                    cur.execute(_placeholders(sql), tuple(params))
                    yield from cur
        except self._psycopg.Error as exc:
            raise self._fail(exc, sql) from exc

    def script(self, sql: str) -> None:
        try:
            # Without parameters psycopg sends the text as is: several statements are fine.
            self.conn.execute(sql.encode("utf-8"))
        except self._psycopg.Error as exc:
            raise self._fail(exc, sql) from exc

    def bulk_insert(self, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
        statement = f"COPY {table} ({', '.join(columns)}) FROM STDIN"
        try:
            with self.conn.cursor() as cur, cur.copy(statement) as copy:
                for row in rows:
                    copy.write_row(row)
        except self._psycopg.Error as exc:
            raise self._fail(exc, statement) from exc

    # -- transactions ------------------------------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator[None]:
        # Nested calls become savepoints: the outermost one decides.
        try:
            with self.conn.transaction():
                yield
        except self._psycopg.Error as exc:
            raise StoreError(f"{self.location}: transaction failed: {exc}",
                             detail=f"transaction failed: {exc}") from exc

    def lock_schema(self) -> None:
        self.execute("SELECT pg_advisory_xact_lock(?)", (SCHEMA_LOCK,))

    def table_exists(self, name: str) -> bool:
        return bool(self.query("SELECT to_regclass(?) IS NOT NULL", (name,))[0][0])

    def close(self) -> None:
        self.conn.close()
