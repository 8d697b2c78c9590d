"""ASGI middleware around the app, outermost first: security headers on every answer, the Host
check, the catch-all that turns an unexpected exception into a JSON 500, the body limit.

The catch-all sits inside the security headers, so a 500 carries them like any other answer
(Starlette's own last-resort handler sits outside every middleware and would not).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable
from typing import Any

from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

log = logging.getLogger("communique.web")

MAX_BODY = 1_000_000  # bytes: an article is at most 100,000 characters (ingest/checks.py)
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'")
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
]
LOCAL_HOSTS = ("localhost", "127.0.0.1", "::1")


def json_error(status: int, error: str, message: str, **extra: Any) -> Response:
    """An error answer as JSON. ASCII-escaped: a message quoting odd input (a lone surrogate)
    must not fail to encode while reporting it."""
    body = json.dumps({"error": error, "message": message, **extra}, ensure_ascii=True)
    return Response(body, status_code=status, media_type="application/json")


class SecurityHeaders:
    """Adds the Content-Security-Policy and friends to every response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message.setdefault("headers", [])
                names = {name.lower() for name, _ in message["headers"]}
                message["headers"] = list(message["headers"]) + [
                    (k, v) for k, v in SECURITY_HEADERS if k not in names]
            await send(message)

        await self.app(scope, receive, send_with_headers)


def host_name(header: str) -> str:
    """The name in a Host header without port or brackets, lower case (``[::1]:80`` → ``::1``)."""
    value = header.strip().lower()
    if value.startswith("["):
        end = value.find("]")
        return value[1:end] if end > 0 else ""
    if value.count(":") == 1:
        value = value.split(":", 1)[0]
    return value.rstrip(".")


class AllowedHosts:
    """Answers 400 to a request whose Host header is not one of ``hosts`` ("*": any).

    A page in a browser can make a name of its own resolve to 127.0.0.1 (DNS rebinding) and
    then read a localhost dashboard as same-origin; the Host header still names the attacker's
    domain, so checking it closes that door.
    """

    def __init__(self, app: ASGIApp, *, hosts: Iterable[str]) -> None:
        self.app = app
        names = {host_name(h) if h.strip() != "*" else "*" for h in hosts}
        self.any = "*" in names
        self.hosts = frozenset(names - {"*"})

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if self.any or scope["type"] != "http":  # the app has no websocket route
            await self.app(scope, receive, send)
            return
        header = dict(scope["headers"]).get(b"host", b"").decode("latin-1")
        if host_name(header) in self.hosts:
            await self.app(scope, receive, send)
            return
        refused = json_error(400, "bad_host", "this server does not answer for that Host "
                             "header (serve --allowed-hosts)")
        await refused(scope, receive, send)


class CatchAll:
    """Any exception that no handler answered becomes a logged JSON 500 that shows nothing of
    the server: no SQL, no path, no traceback (those go to the log)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def watch(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, watch)
        except Exception:  # the last resort: whatever it was, the client gets JSON, not a trace
            log.exception("unexpected error answering %s %s", scope.get("method"),
                          scope.get("path"))
            if started:
                raise  # half an answer is out: the server can only close the connection
            failed = json_error(500, "internal_error",
                                "the server could not answer this request (see its log)")
            await failed(scope, receive, send)


class BodyLimit:
    """Refuses request bodies over ``limit`` bytes with 413, declared or streamed."""

    def __init__(self, app: ASGIApp, *, limit: int = MAX_BODY) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        too_big = json_error(413, "too_large", f"request body over {self.limit} bytes")
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.limit):
            await too_big(scope, receive, send)
            return
        # Read the body here (bounded), then replay it to the app.
        chunks, size, more = [], 0, True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.limit:
                await too_big(scope, receive, send)
                return
            chunks.append(chunk)
            more = message.get("more_body", False)
        body = b"".join(chunks)
        sent = False

        async def replay() -> Message:
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)
