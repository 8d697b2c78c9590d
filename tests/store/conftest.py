"""Store fixtures: every store test runs on SQLite and on PostgreSQL.

PostgreSQL tests use the server named by ``COMMUNIQUE_TEST_PG`` (a DSN; each test gets a
schema of its own) and are skipped when it is unset — except in CI, where a missing server is
a failure, not a skip.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from store_backends import backend, fresh_db  # noqa: F401  (fixtures, registered by import)


@pytest.fixture
def db(fresh_db: Callable[..., str]) -> str:
    return fresh_db()


@pytest.fixture
def store(db: str) -> Iterator[object]:
    from communique.store import open_store

    with open_store(db) as opened:
        yield opened
