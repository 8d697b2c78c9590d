"""The ASGI application, assembled: the routes of ``api.py`` and ``pages.py``, the static files,
the error handlers, the middleware (``middleware.py``: security headers, Host check, catch-all
500, body limit). Nothing imports this module back but ``__init__`` and ``commands``: what a
request needs (the store, the settings) is in ``state.py``.

    app = create_app("communique.db")                       # read-only
    app = create_app(db, allow_ingest=True, token="…")      # POST /api/ingest, /ingest
    app = create_app(db, allow_review=True, token="…")      # POST /api/reviews (review.py)

Endpoints are plain functions: Starlette runs them in its thread pool, and each worker thread
reads through a store connection of its own (SQLite in WAL mode lets them read in parallel).
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import AsyncIterator, Callable, Sequence
from pathlib import Path
from typing import Any

import anyio.to_thread
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Mount
from starlette.staticfiles import StaticFiles

from communique.errors import BadParameter, CommuniqueError, StoreError
from communique.web import api, downloads, pages, review
from communique.web.cache import DEFAULT_SECONDS, AnswerCache
from communique.web.middleware import (LOCAL_HOSTS, AllowedHosts, BodyLimit, CatchAll,
                                       SecurityHeaders, json_error)
from communique.web.state import HERE, THREADS, NotFound, Settings, StorePool

log = logging.getLogger("communique.web")


def wants_json(request: Request) -> bool:
    return request.url.path.endswith(".json") or request.url.path.startswith("/api/") or \
        request.query_params.get("format") == "json"


def error_response(request: Request, status: int, error: str, message: str,
                   **extra: Any) -> Response:
    if wants_json(request):
        return json_error(status, error, message, **extra)
    return pages.render_error(request, status, message, parameter=extra.get("parameter"))


async def _bad_parameter(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, BadParameter)
    return error_response(request, 400, "bad_parameter", str(exc), parameter=exc.name)


async def _not_found(request: Request, exc: Exception) -> Response:
    return error_response(request, 404, "not_found", str(exc) or "not found")


async def _http_error(request: Request, exc: Exception) -> Response:
    status = getattr(exc, "status_code", 500)
    detail = getattr(exc, "detail", "") or ""
    name = {404: "not_found", 405: "method_not_allowed", 403: "forbidden"}.get(status, "error")
    response = error_response(request, status, name, str(detail))
    for key, value in (getattr(exc, "headers", None) or {}).items():
        response.headers[key] = value
    return response


async def _communique_error(request: Request, exc: Exception) -> Response:
    # The message may name the database file or quote SQL: the log has it, the client not.
    log.error("%s answering %s %s: %s", type(exc).__name__, request.method, request.url.path, exc)
    if isinstance(exc, StoreError):
        return error_response(request, 500, "store_error",
                              "the store could not answer this request (see the server log)")
    return error_response(request, 500, "internal_error",
                          "the server could not answer this request (see its log)")


def create_app(db: str | Path, *, allow_ingest: bool = False, allow_review: bool = False,
               token: str | None = None,
               coder_factory: Callable[[], Any] | None = None,
               cache_seconds: float | None = None, threads: int | None = None,
               allowed_hosts: Sequence[str] | None = None) -> Starlette:
    """The dashboard and API over the store at ``db`` (a SQLite path or a PostgreSQL DSN);
    aggregate answers are kept ``cache_seconds`` (default 10, 0: never; see ``web/cache.py``);
    at most ``threads`` requests are worked on at once (default ``THREADS``), the others wait.
    Requests whose Host header is not in ``allowed_hosts`` (default ``LOCAL_HOSTS``; ``"*"``:
    any) are refused with 400."""
    pool = StorePool(str(db))
    settings = Settings(db=str(db), allow_ingest=allow_ingest, token=token,
                        coder_factory=coder_factory, allow_review=allow_review)
    routes = [*review.api_routes(), *api.routes(), *pages.routes(), *downloads.routes(),
              Mount("/static", app=StaticFiles(directory=HERE / "static"), name="static")]
    @contextlib.asynccontextmanager
    async def lifespan(_: Starlette) -> AsyncIterator[None]:
        # Endpoints run in anyio's thread pool (40 threads by default). The work is mostly
        # Python under one GIL: forty threads do not answer faster than a few, and they starve
        # the event loop, which then reads requests late and drops kept-alive connections
        # under load (the load test saw this at 50 clients).
        anyio.to_thread.current_default_thread_limiter().total_tokens = threads or THREADS
        yield
        pool.close()

    app = Starlette(routes=routes, lifespan=lifespan, exception_handlers={
        BadParameter: _bad_parameter, NotFound: _not_found, HTTPException: _http_error,
        CommuniqueError: _communique_error})
    app.state.pool = pool
    app.state.settings = settings
    app.state.cache = AnswerCache(DEFAULT_SECONDS if cache_seconds is None else cache_seconds)
    # Added innermost first: the security headers wrap everything, the 500s included.
    app.add_middleware(BodyLimit)
    app.add_middleware(CatchAll)
    app.add_middleware(AllowedHosts, hosts=LOCAL_HOSTS if allowed_hosts is None else allowed_hosts)
    app.add_middleware(SecurityHeaders)
    return app
