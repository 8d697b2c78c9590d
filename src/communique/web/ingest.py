"""Ingest from the browser or the API: only with ``--allow-ingest`` and the server's token.

A pasted article is coded and stored like one read by ``communique ingest`` (its id is a hash of
its title and text, so pasting the same text twice stores it once), with two differences: its
``source`` is ``web`` (it was never a file), and posting the same text with other metadata (a
corrected publication date, which moves its events' dates) codes and stores it again.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date
from typing import Any
from urllib.parse import parse_qs

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from communique.errors import ArticleRejected, BadParameter
from communique.ingest.checks import MAX_CHARS, check_unicode
from communique.model import Article, content_id
from communique.store.store import Store, count_outcome, now
from communique.web.params import json_object
from communique.web.state import Settings, WriteRefused, check_write, header_token, store_of

MAX_TEXT = MAX_CHARS  # the readers' own limit (ingest/checks.py)
SOURCE = "web"
# What each ``Store.put`` outcome answers: 201 only when something was written.
STATUS = {"stored": 201, "rejected": 201, "unchanged": 200, "duplicate": 200}
COUNTS = ("read", "stored", "unchanged", "duplicate", "events", "rejected")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def check_allowed(settings: Settings, token: str | None) -> None:
    check_write(settings, token, allowed=settings.allow_ingest,
                off="this server is read-only (start it with --allow-ingest)")


def _storable(name: str, value: str) -> str:
    """The readers' own check (no lone surrogate, no NUL), answered as a 400 naming the field."""
    try:
        check_unicode(value, source="the request", field=name)
    except ArticleRejected as exc:
        raise BadParameter(name, exc.reason) from None
    return value


def _published(value: Any) -> str | None:
    if value in (None, ""):
        return None
    if isinstance(value, str) and _DATE.fullmatch(value.strip()):
        try:
            return date.fromisoformat(value.strip()).isoformat()
        except ValueError:
            pass
    raise BadParameter("published", f"want a calendar date YYYY-MM-DD, got {value!r}")


def article_from(data: dict[str, Any]) -> Article:
    """The article that a JSON body or a form describes, every field checked."""
    text = data.get("text")
    if not isinstance(text, str) or not text.strip():
        raise BadParameter("text", "the article text is missing")
    if len(text) > MAX_TEXT:
        raise BadParameter("text", f"longer than {MAX_TEXT} characters")
    title = data.get("title") or None
    lang = data.get("lang") or None
    if title is not None and (not isinstance(title, str) or len(title) > 1000):
        raise BadParameter("title", "want a text of at most 1000 characters")
    if lang is not None and lang not in ("fr", "en"):
        raise BadParameter("lang", "want fr or en")
    published = _published(data.get("published"))
    _storable("text", text)
    _storable("title", title or "")
    return Article(id="web-" + content_id(title or "", text, length=12), text=text, title=title,
                   published=published, lang=lang, source=SOURCE)


def _unchanged(store: Store, article: Article, version: str) -> bool:
    """Stored already with this content, coder version and metadata?"""
    if store.stored_state(article.id) != (article.content_hash, version):
        return False
    stored = store.get(article.id)
    return stored is not None and stored.article.published == article.published and \
        article.lang in (None, stored.article.lang)


def run_ingest(request: Request, article: Article) -> dict[str, Any]:
    """Code and store one article (one at a time), link the stories, and say what happened:
    ``status`` is the ``Store.put`` outcome (``stored``, ``unchanged``, ``duplicate`` or
    ``rejected``: its coding could not be written and it is kept as a rejection)."""
    from communique.link import LinkSettings, link
    from communique.store.versioning import coder_version

    settings: Settings = request.app.state.settings
    store = store_of(request)
    coder = settings.coder()
    version = coder_version(actor_file=coder.settings.actor_file)
    counts: Counter[str] = Counter(dict.fromkeys(COUNTS, 0))
    counts["read"] = 1
    with settings.ingest_lock:
        if _unchanged(store, article, version):
            outcome = "unchanged"
            counts[outcome] += 1
        elif store.has_copy(article.content_hash, version, other_than=article.id):
            outcome = "duplicate"  # known before coding, as communique ingest knows it
            counts[outcome] += 1
        else:
            run = store.start_run(coder_version=version, config={
                "inputs": [SOURCE], "batch_size": 1, "link": True, "vectors": False})
            coded = coder.code_article(article)
            try:
                outcome = store.put(coded, run_id=run.id, coder_version=version, replace=True)
                count_outcome(counts, outcome, coded)
                if STATUS[outcome] == 201:
                    link(store, settings=LinkSettings(vectors=False))
            finally:  # counts, dyads, map… include the new article at once
                request.app.state.cache.clear()
            run.counts = dict(counts)
            run.finished = now()
            store.put_run(run)
    stored = store.get(article.id)
    return {"status": outcome, "article_id": article.id, "counts": dict(counts),
            "events": [e.id for e in stored.events] if stored else [],
            "rejected": stored.rejected.to_dict() if stored and stored.rejected else None}


async def api_ingest(request: Request) -> Response:
    """POST /api/ingest with a JSON body {text, title?, published?, lang?}: 201 when the
    article was stored (coded or as a rejection), 200 when nothing new was."""
    settings: Settings = request.app.state.settings
    try:
        check_allowed(settings, header_token(request))
    except WriteRefused as exc:
        return JSONResponse({"error": "refused", "message": str(exc)}, exc.status)
    data = json_object(await request.body())
    result = await run_in_threadpool(run_ingest, request, article_from(data))
    return JSONResponse(result, STATUS[result["status"]])


def form_fields(body: bytes) -> dict[str, str]:
    try:
        parsed = parse_qs(body.decode("utf-8"), keep_blank_values=True, max_num_fields=20)
    except (UnicodeDecodeError, ValueError):
        raise BadParameter("body", "want a form (application/x-www-form-urlencoded)") from None
    return {k: v[0] for k, v in parsed.items()}
