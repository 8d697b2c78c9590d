"""Ingest from the browser or the API: only with ``--allow-ingest`` and the server's token.

The pasted text goes through the store's own ``ingest`` (as a one-line JSONL input), so it is
idempotent like any other ingest: pasting the same text twice stores it once.
"""

from __future__ import annotations

import json
import re
import tempfile
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from communique.model import content_id
from communique.web.app import Settings, store_of
from communique.web.params import BadParameter

MAX_TEXT = 200_000
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class IngestRefused(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


def check_allowed(settings: Settings, token: str | None) -> None:
    if not settings.allow_ingest:
        raise IngestRefused(405, "this server is read-only (start it with --allow-ingest)")
    if not settings.token_ok(token):
        raise IngestRefused(403, "a valid token is needed (Authorization: Bearer TOKEN)")


def article_fields(data: dict[str, Any]) -> dict[str, Any]:
    """Validated article fields from a JSON body or a form."""
    text = data.get("text")
    if not isinstance(text, str) or not text.strip():
        raise BadParameter("text", "the article text is missing")
    if len(text) > MAX_TEXT:
        raise BadParameter("text", f"longer than {MAX_TEXT} characters")
    title = data.get("title") or None
    published = data.get("published") or None
    lang = data.get("lang") or None
    if title is not None and (not isinstance(title, str) or len(title) > 1000):
        raise BadParameter("title", "want a text of at most 1000 characters")
    if published is not None and (not isinstance(published, str) or not _DATE.match(published)):
        raise BadParameter("published", "want an ISO date YYYY-MM-DD")
    if lang is not None and lang not in ("fr", "en"):
        raise BadParameter("lang", "want fr or en")
    article_id = "web-" + content_id(title or "", text, length=12)
    return {"id": article_id, "text": text, "title": title, "published": published, "lang": lang}


def run_ingest(request: Request, fields: dict[str, Any]) -> dict[str, Any]:
    from communique.store.ingest import ingest

    settings: Settings = request.app.state.settings
    store = store_of(request)
    with settings.ingest_lock, tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "web.jsonl"
        path.write_text(json.dumps({k: v for k, v in fields.items() if v is not None},
                                   ensure_ascii=False) + "\n", encoding="utf-8")
        try:
            summary = ingest([str(path)], store=store, coder=settings.coder(), link=True,
                             vectors=False)
        finally:  # counts, dyads, map… include the new article at once
            request.app.state.cache.clear()
    coded = store.get(fields["id"])
    return {"article_id": fields["id"], "counts": dict(summary.counts),
            "events": [e.id for e in coded.events] if coded else [],
            "rejected": coded.rejected.to_dict() if coded and coded.rejected else None}


def _bearer(request: Request) -> str | None:
    auth = request.headers.get("authorization", "")
    if auth.lower().startswith("bearer "):
        return auth[7:].strip()
    return request.headers.get("x-communique-token")


async def api_ingest(request: Request) -> Response:
    """POST /api/ingest with a JSON body {text, title?, published?, lang?}."""
    settings: Settings = request.app.state.settings
    try:
        check_allowed(settings, _bearer(request))
    except IngestRefused as exc:
        return JSONResponse({"error": "refused", "message": str(exc)}, exc.status)
    body = await request.body()
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError):
        raise BadParameter("body", "want a JSON object") from None
    if not isinstance(data, dict):
        raise BadParameter("body", "want a JSON object")
    fields = article_fields(data)
    return JSONResponse(await run_in_threadpool(run_ingest, request, fields), 201)


def form_fields(body: bytes) -> dict[str, str]:
    try:
        parsed = parse_qs(body.decode("utf-8"), keep_blank_values=True, max_num_fields=20)
    except (UnicodeDecodeError, ValueError):
        raise BadParameter("body", "want a form (application/x-www-form-urlencoded)") from None
    return {k: v[0] for k, v in parsed.items()}
