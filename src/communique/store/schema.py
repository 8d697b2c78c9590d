"""Numbered schema migrations and the ``schema_version`` table.

Migrations are SQL files in ``store/migrations/``: ``NNNN_name.sql`` is portable (with ``{int}``,
``{float}``, ``{blob}`` type tokens), ``NNNN_name.<dialect>.sql`` is for one dialect only (full-text
search differs). Each migration runs in its own transaction together with its row in
``schema_version``, so a store is always at a whole version. Never edit a released migration:
add the next number.
"""

from __future__ import annotations

import functools

import re
from dataclasses import dataclass
from datetime import datetime, timezone
from importlib import resources

from communique.errors import StoreError
from communique.store.backend import Backend, substitute

_NAME = re.compile(r"^(\d{4})_([a-z0-9_]+?)(?:\.(sqlite|postgresql))?\.sql$")


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    name: str
    sql: str


def available(dialect: str, types: dict[str, str]) -> list[Migration]:
    """The migrations for one dialect, in order; exactly one file per version number."""
    return [Migration(version, name, substitute(sql, types)) for version, name, sql in _files(dialect)]


@functools.cache
def _files(dialect: str) -> tuple[tuple[int, str, str], ...]:
    """The dialect's migration files (version, name, SQL), read once per process: they ship in
    the package and every store opened reads them."""
    found: dict[int, tuple[int, str, str]] = {}
    folder = resources.files("communique.store") / "migrations"
    for entry in folder.iterdir():
        match = _NAME.match(entry.name)
        if not match or (match.group(3) and match.group(3) != dialect):
            continue
        version = int(match.group(1))
        if version in found:
            raise StoreError(f"two migrations numbered {version:04d} for {dialect}")
        found[version] = (version, match.group(2), entry.read_text(encoding="utf-8"))
    versions = sorted(found)
    if versions != list(range(1, len(versions) + 1)):
        raise StoreError(f"migration numbers must run 1, 2, 3...: found {versions}")
    return tuple(found[v] for v in versions)


def current_version(backend: Backend) -> int:
    if not backend.table_exists("schema_version"):
        return 0
    rows = backend.query("SELECT max(version) FROM schema_version")
    return int(rows[0][0] or 0)


def migrate(backend: Backend, types: dict[str, str]) -> list[int]:
    """Bring the schema up to date; returns the versions applied (none when already current)."""
    migrations = available(backend.dialect, types)
    latest = migrations[-1].version if migrations else 0
    if current_version(backend) == latest:
        return []  # the common case: no lock, no write
    applied = []
    for migration in migrations:
        with backend.transaction():
            backend.lock_schema()
            backend.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, "
                            "name TEXT NOT NULL, applied TEXT NOT NULL)")
            # Read again under the lock: another process may have migrated meanwhile.
            if migration.version <= current_version(backend):
                continue
            backend.script(migration.sql)
            backend.execute("INSERT INTO schema_version (version, name, applied) VALUES (?, ?, ?)",
                            (migration.version, migration.name,
                             datetime.now(timezone.utc).isoformat(timespec="seconds")))
            applied.append(migration.version)
    found = current_version(backend)
    if found > latest:
        raise StoreError(f"{backend.location} has schema version {found}, newer than this "
                         f"communique knows ({latest}): upgrade communique")
    return applied
