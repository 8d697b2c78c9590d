"""Where the store tests keep their stores: SQLite files and PostgreSQL schemas.

PostgreSQL stores live on the server named by ``COMMUNIQUE_TEST_PG`` (a DSN), one schema per
store, selected through the DSN's ``search_path`` option.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

BACKENDS = ("sqlite", "postgresql")


def pg_database(name: str | None = None) -> str:
    """A DSN whose search_path is a new, empty schema of the test server."""
    dsn = os.environ.get("COMMUNIQUE_TEST_PG")
    if not dsn:
        if os.environ.get("CI"):
            pytest.fail("COMMUNIQUE_TEST_PG is not set: .ci/run must start PostgreSQL")
        pytest.skip("COMMUNIQUE_TEST_PG is not set (PostgreSQL tests)")
    import psycopg

    schema = name or f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
        conn.execute(f'CREATE SCHEMA "{schema}"')
    sep = "&" if "?" in dsn else "?"
    return f"{dsn}{sep}options=-csearch_path%3D{schema}"


def drop_pg_database(dsn: str) -> None:
    import psycopg

    base, _, options = dsn.partition("options=-csearch_path%3D")
    schema = options.split("&")[0]
    with psycopg.connect(base.rstrip("?&"), autocommit=True) as conn:
        conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')


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
