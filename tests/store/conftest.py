"""Store fixtures: every store test runs on SQLite and on PostgreSQL.

PostgreSQL tests use the server named by ``COMMUNIQUE_TEST_PG`` (a DSN; each test gets a
schema of its own) and are skipped when it is unset — except in CI, where a missing server is
a failure, not a skip.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from store_backends import BACKENDS, drop_pg_database, pg_database


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return request.param


@pytest.fixture
def fresh_db(backend: str, tmp_path: Path) -> Iterator[Callable[..., str]]:
    """A factory of empty store locations on the test's backend (dropped afterwards)."""
    made: list[str] = []

    def make(name: str = "store") -> str:
        location = str(tmp_path / f"{name}.db") if backend == "sqlite" else pg_database()
        made.append(location)
        return location

    yield make
    for location in made:
        if backend == "postgresql":
            drop_pg_database(location)


@pytest.fixture
def db(fresh_db: Callable[..., str]) -> str:
    return fresh_db()


@pytest.fixture
def store(db: str) -> Iterator[object]:
    from communique.store import open_store

    with open_store(db) as opened:
        yield opened
