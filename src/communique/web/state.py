"""What every request reads: the store (one connection per worker thread), the settings the app
was started with, and the ``NotFound`` error. A leaf module: the application (``app.py``)
assembles the routes of ``api.py`` and ``pages.py``, which import this module, never ``app.py``."""

from __future__ import annotations

import secrets
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from starlette.requests import Request

from communique.store.store import Store, open_store

HERE = Path(__file__).resolve().parent
THREADS = 8  # requests worked on at once (``serve --threads``)


class NotFound(LookupError):
    """An event, article or page that the store does not hold; becomes a 404."""


class StorePool:
    """One store connection per worker thread, all closed together at shutdown."""

    def __init__(self, db: str) -> None:
        self.db = db
        self._local = threading.local()
        self._opened: list[Store] = []
        self._lock = threading.Lock()
        open_store(db).close()  # create or migrate once, before serving

    def get(self) -> Store:
        store = getattr(self._local, "store", None)
        if store is None:
            store = open_store(self.db, migrate_schema=False)
            self._local.store = store
            with self._lock:
                self._opened.append(store)
        return store

    def close(self) -> None:
        with self._lock:
            for store in self._opened:
                store.close()
            self._opened.clear()


class Settings:
    """What the app was started with (kept on ``app.state.settings``)."""

    def __init__(self, *, db: str, allow_ingest: bool, token: str | None,
                 coder_factory: Callable[[], Any] | None, allow_review: bool = False) -> None:
        self.db = db
        self.allow_ingest = allow_ingest
        self.allow_review = allow_review  # web/review.py: the same token as ingest
        self.token = token or (secrets.token_urlsafe(24) if allow_ingest or allow_review else None)
        self.coder_factory = coder_factory
        self._coder: Any = None
        self.ingest_lock = threading.Lock()

    def coder(self) -> Any:
        """The coder, loaded on the first ingest (it imports spaCy: seconds, not at start)."""
        if self._coder is None:
            if self.coder_factory is not None:
                self._coder = self.coder_factory()
            else:
                from communique.coder import Coder

                self._coder = Coder()
        return self._coder

    def token_ok(self, given: str | None) -> bool:
        return bool(self.token and given and secrets.compare_digest(given, self.token))


class WriteRefused(Exception):
    """A write the server does not take: 405 when that kind of write is off, 403 without the
    token (ingest and review share both)."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


def check_write(settings: Settings, token: str | None, *, allowed: bool, off: str) -> None:
    """Refuse a write: ``off`` (405) when the server was not started to take it, else 403
    unless ``token`` is the server's."""
    if not allowed:
        raise WriteRefused(405, off)
    if not settings.token_ok(token):
        raise WriteRefused(403, "a valid token is needed (Authorization: Bearer TOKEN or "
                                "X-Communique-Token: TOKEN)")


def header_token(request: Request) -> str | None:
    """The token of an API write: ``Authorization: Bearer TOKEN`` or ``X-Communique-Token``,
    never a cookie (a cross-site request cannot set these headers)."""
    auth = request.headers.get("authorization", "")
    if auth.lower().startswith("bearer "):
        return auth[7:].strip()
    return request.headers.get("x-communique-token")


def store_of(request: Request) -> Store:
    pool: StorePool = request.app.state.pool
    return pool.get()

