"""What the store needs from a database: one small interface, two implementations.

SQL is written once, with ``?`` placeholders and the syntax both SQLite (3.35+) and PostgreSQL
understand (``ON CONFLICT``, ``excluded``); a backend translates placeholders and owns the
connection, transactions and bulk loading. Connections run in autocommit mode and every write
happens inside an explicit ``transaction()``: one article is one transaction, so a killed
ingest leaves whole articles or nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from typing import Any, Protocol

Row = tuple[Any, ...]


class Backend(Protocol):
    """A connection to one store database."""

    dialect: str  # "sqlite" or "postgresql"
    location: str  # the path or DSN, without a password

    def execute(self, sql: str, params: Sequence[Any] = ()) -> int:
        """Run one statement; return the number of rows it changed (when known)."""

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        """Run one statement for each row."""

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        """All rows of a query."""

    def stream(self, sql: str, params: Sequence[Any] = (), *, size: int = 2000) -> Iterator[Row]:
        """Rows of a large query without holding them all in memory."""

    def script(self, sql: str) -> None:
        """Run several statements (a migration) inside the current transaction."""

    def transaction(self) -> AbstractContextManager[None]:
        """Everything inside commits together or not at all."""

    def lock_schema(self) -> None:
        """Inside a transaction: keep other processes from migrating at the same time."""

    def bulk_insert(self, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
        """Insert many rows fast (inside the current transaction)."""

    def table_exists(self, name: str) -> bool: ...

    def close(self) -> None: ...


def substitute(sql: str, types: dict[str, str]) -> str:
    """Replace the ``{int}``, ``{float}``, ``{blob}`` tokens of portable migration SQL."""
    for token, name in types.items():
        sql = sql.replace("{" + token + "}", name)
    return sql


def chunks(items: Sequence[Any], size: int) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]
