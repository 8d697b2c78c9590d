"""Linking fixtures: stores on SQLite and PostgreSQL, as for the store tests."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

# The store tests' helpers (tests/store/store_backends.py) say where test stores live.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "store"))

from store_backends import BACKENDS, drop_pg_database, pg_database  # noqa: E402


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return request.param


@pytest.fixture
def fresh_db(backend: str, tmp_path: Path) -> Iterator[Callable[..., str]]:
    made: list[str] = []

    def make(name: str = "store") -> str:
        location = str(tmp_path / f"{name}.db") if backend == "sqlite" else pg_database()
        made.append(location)
        return location

    yield make
    for location in made:
        if backend == "postgresql":
            drop_pg_database(location)
