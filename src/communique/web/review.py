"""Review in the browser and the API: only with ``--allow-review`` and the server's token.

Every write is a ``POST /api/reviews`` with a JSON body and the token in a header
(``Authorization: Bearer TOKEN`` or ``X-Communique-Token``), never a cookie or a form field: a
page of another site cannot make the browser send it, so there is no cross-site request to
forge. The review controls of the event and article pages (``templates/review_*.html``,
``static/review.js``) keep the token in the tab's ``sessionStorage`` and the reviewer's name in
``localStorage``.

Reading is open like the rest of the API: the reviews, the history (JSONL or CSV), the machine's
precision per type, the reviewed articles as gold, the next unreviewed event of a list.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any
from urllib.parse import quote, urlencode

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from communique.errors import BadParameter
from communique.store import reviews as store_reviews
from communique.store.query import where
from communique.store.reviews import (ACTIONS, REJECT_REASONS, NotReviewable, Review,
                                      machine_trigger)
from communique.store.store import Store
from communique.web.answers import event_answer, event_json, filter_of, params_of
from communique.web.params import FILTER_KEYS, json_object, limit, path_id
from communique.web.state import (NotFound, Settings, WriteRefused, check_write, header_token,
                                   store_of)

HISTORY_CSV = ("at", "review_id", "position", "reviewer", "action", "verdict", "reason", "changes",
               "article_id", "event_id", "coder_version", "machine_type")


def check_allowed(settings: Settings, token: str | None) -> None:
    check_write(settings, token, allowed=settings.allow_review,
                off="this server does not take reviews (start it with --allow-review)")


# -- writing --------------------------------------------------------------------------------------
def apply(store: Store, data: dict[str, Any]) -> tuple[Review | None, str | None]:
    """One review action from a JSON body: (the review as it stands, the event it applies to)."""
    action = data.get("action")
    try:
        if action == "add":
            article_id = data.get("article_id")
            if not isinstance(article_id, str) or not article_id:
                raise BadParameter("article_id", "an added event needs its article")
            review = store_reviews.add_event(store.backend, article_id, reviewer=data.get("reviewer"),
                                             changes=data.get("changes"))
            return review, review.event_id
        if action not in ACTIONS:
            raise BadParameter("action", f"want one of {', '.join((*ACTIONS, 'add'))}")
        if action == "clear" and data.get("review_id") is not None:
            review_id = data["review_id"]
            if not isinstance(review_id, str) or not review_id:
                raise BadParameter("review_id", "want the id of a review")
            path_id("review_id", review_id)
            store_reviews.clear_review(store.backend, review_id, reviewer=data.get("reviewer"))
            return None, None
        event_id = data.get("event_id")
        if not isinstance(event_id, str) or not event_id:
            raise BadParameter("event_id", "which event?")
        path_id("event_id", event_id)
        review = store_reviews.review_event(store.backend, event_id, action=action,
                                            reviewer=data.get("reviewer"), reason=data.get("reason"),
                                            changes=data.get("changes"))
        return review, event_id
    except NotReviewable as exc:
        raise NotFound(str(exc)) from None


async def post_review(request: Request) -> Response:
    """POST /api/reviews: 201 with the review and the effective event (null when rejected)."""
    settings: Settings = request.app.state.settings
    try:
        check_allowed(settings, header_token(request))
    except WriteRefused as exc:
        return JSONResponse({"error": "refused", "message": str(exc)}, exc.status)
    data = json_object(await request.body())

    def work() -> dict[str, Any]:
        store = store_of(request)
        try:
            review, event_id = apply(store, data)
        finally:  # counts, facets, map… show the reviewed events at once
            request.app.state.cache.clear()
        event = None
        if event_id is not None and (review is None or review.verdict != "rejected"):
            try:
                event = event_answer(store, event_id)
            except NotFound:
                event = None
        return {"review": review.to_dict() if review else None, "event": event}

    return JSONResponse(await run_in_threadpool(work), 201)


# -- reading --------------------------------------------------------------------------------------
def _bool(name: str, value: str | None) -> bool | None:
    if value in (None, ""):
        return None
    if value in ("1", "true", "yes"):
        return True
    if value in ("0", "false", "no"):
        return False
    raise BadParameter(name, f"want true or false, got {value!r}")


def list_reviews(request: Request) -> Response:
    params = params_of(request, ("verdict", "needs_look", "article", "event", "limit"))
    verdict = params.get("verdict") or None
    if verdict is not None and verdict not in store_reviews.VERDICTS:
        raise BadParameter("verdict", f"want one of {', '.join(store_reviews.VERDICTS)}")
    store = store_of(request)
    found = store_reviews.reviews(
        store.backend, article_id=path_id("article", params["article"]) if params.get("article") else None,
        event_ids=[path_id("event", params["event"])] if params.get("event") else None,
        needs_look=_bool("needs_look", params.get("needs_look")), verdict=verdict,
        limit=limit(params, default=100))
    return JSONResponse({"count": len(found), "counts": store_reviews.counts(store.backend),
                         "reviews": [r.to_dict() for r in found]})


def precision_answer(store: Store) -> dict[str, Any]:
    by_type = store_reviews.precision(store.backend)
    total = {k: sum(row[k] for row in by_type.values())
             for k in ("confirmed", "corrected", "retyped", "rejected", "added", "reviewed")}
    kept = total["confirmed"] + total["corrected"]
    total["precision"] = round(kept / total["reviewed"], 3) if total["reviewed"] else None
    return {"by_type": by_type, "total": total, "counts": store_reviews.counts(store.backend)}


def precision(request: Request) -> Response:
    params_of(request, ())
    return JSONResponse(precision_answer(store_of(request)))


def history_download(request: Request) -> Response:
    params_of(request, ())
    kind = "csv" if request.url.path.endswith(".csv") else "jsonl"
    out = io.StringIO()
    rows = store_reviews.history(store_of(request).backend)
    if kind == "csv":
        writer = csv.DictWriter(out, fieldnames=HISTORY_CSV, lineterminator="\n", extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            writer.writerow({**row, "changes": json.dumps(row["changes"], ensure_ascii=False),
                             "machine_type": (row["machine"] or {}).get("event")})
        media = "text/csv; charset=utf-8"
    else:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
        media = "application/x-ndjson"
    return Response(out.getvalue(), media_type=media, headers={
        "content-disposition": f'attachment; filename="communique-review-history.{kind}"'})


def gold_download(request: Request) -> Response:
    from communique.export.gold import gold_rows

    params_of(request, ())
    rows, _ = gold_rows(store_of(request))
    body = "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)
    return Response(body, media_type="application/x-ndjson", headers={
        "content-disposition": 'attachment; filename="communique-reviewed.gold.jsonl"'})


def next_event(request: Request) -> str | None:
    """The next unreviewed event of the filtered list after ``after`` (None: all reviewed)."""
    params = params_of(request, (*FILTER_KEYS, "after"))
    flt = filter_of(request, {k: v for k, v in params.items() if k != "after"})
    store = store_of(request)
    clause, values = where(store, flt)
    after = path_id("after", params["after"]) if params.get("after") else None
    return store_reviews.next_unreviewed(store.backend, clause, values, after=after)


def next_api(request: Request) -> Response:
    return JSONResponse({"event_id": next_event(request)})


def next_page(request: Request) -> Response:
    """GET /review/next: to the next unreviewed event, the filters kept (303)."""
    found = next_event(request)
    kept = {k: v for k, v in request.query_params.items() if k != "after" and v}
    if found is None:
        return RedirectResponse("/review?" + urlencode({**kept, "done": "1"}), status_code=303)
    return RedirectResponse(f"/events/{quote(found, safe='')}" + ("?" + urlencode(kept) if kept else ""),
                            status_code=303)


# -- what the pages show --------------------------------------------------------------------------
def event_record(store: Store, event_id: str) -> dict[str, Any]:
    """The event page's record: the stored event, or the machine's one a reviewer rejected."""
    try:
        return event_answer(store, event_id)
    except NotFound:
        found = store_reviews.review_of(store.backend, event_id)
        if found is None or found.machine is None or found.verdict != "rejected":
            raise
        from communique.web.queries import provenance

        return event_json(found.machine, provenance(store, [found.machine])[found.machine.id])


def event_facts(request: Request, record: dict[str, Any]) -> dict[str, Any]:
    """What the review controls of the event page need."""
    settings: Settings = request.app.state.settings
    store = store_of(request)
    found = store_reviews.review_of(store.backend, record["id"])
    machine = found.machine if found and found.machine else None
    trigger = (found.changes.get("trigger") or {}).get("text") if found else None
    if trigger is None:
        from communique.model import Event

        trigger = machine_trigger(machine or Event.from_dict(record))
    return {"allowed": settings.allow_review, "review": found.to_dict() if found else None,
            "reasons": list(REJECT_REASONS), "trigger": trigger, "modes": all_modes(),
            "machine": _machine_summary(machine) if machine else None}


def article_facts(request: Request, article_id: str) -> dict[str, Any]:
    """What the article page needs: may events be added, and the reviews needing a look."""
    settings: Settings = request.app.state.settings
    store = store_of(request)
    found = store_reviews.reviews(store.backend, article_id=article_id)
    return {"allowed": settings.allow_review, "modes": all_modes(), "reasons": list(REJECT_REASONS),
            "needs_look": [r.to_dict() for r in found if r.needs_look],
            "verdicts": {r.event_id: r.verdict for r in found if r.event_id}}


def _machine_summary(event: Any) -> str:
    def parties(entities: list[Any]) -> str:
        return "+".join(f"{e.code or '?'} {e.sector or '?'}" for e in entities) or "—"

    return (f"{event.event}{'/' + event.mode if event.mode else ''} {parties(event.actor)} → "
            f"{parties(event.recipient)} · {event.date or '—'}")


def all_modes() -> list[str]:
    from communique.lexicon.plover import plover

    return sorted({m for modes in plover().modes.values() for m in modes} | {"meet"})


def review_page(request: Request) -> tuple[dict[str, Any], None]:
    """/review: the machine's precision per type on reviewed events, what needs a second look."""
    params = params_of(request, (*FILTER_KEYS, "done"))
    store = store_of(request)
    settings: Settings = request.app.state.settings
    filters = {k: v for k, v in params.items() if k in FILTER_KEYS and v}
    filter_of(request, filters)  # checked, then kept in the links
    return {**precision_answer(store), "allowed": settings.allow_review,
            "done": params.get("done") == "1", "filters": filters,
            "needs_look": [r.to_dict() for r in store_reviews.reviews(store.backend, needs_look=True,
                                                                      limit=100)],
            "latest": [r.to_dict() for r in store_reviews.reviews(store.backend, limit=20)]}, None


def verdicts_of(store: Store, event_ids: list[str]) -> dict[str, str]:
    return store_reviews.verdicts(store.backend, event_ids)


def api_routes() -> list[Route]:
    return [Route("/api/reviews", post_review, methods=["POST"]),
            Route("/api/reviews", list_reviews, methods=["GET", "HEAD"]),
            Route("/api/reviews/precision", precision),
            Route("/api/reviews/history.jsonl", history_download),
            Route("/api/reviews/history.csv", history_download),
            Route("/api/reviews/gold.jsonl", gold_download),
            Route("/api/reviews/next", next_api)]


def openapi_paths(error: dict[str, Any]) -> dict[str, Any]:
    """The review endpoints in the OpenAPI description (``openapi.py`` adds them)."""
    party = {"type": ["object", "null"], "properties": {"code": {"type": "string"},
                                                        "sector": {"type": "string"}}}
    span = {"type": "object", "required": ["text", "start"],
            "properties": {"text": {"type": "string"}, "start": {"type": "integer"},
                           "end": {"type": "integer"}}}
    changes = {"type": "object", "description": "the fields to change (correct) or the new event "
               "(add: event and evidence required)", "properties": {
                   "event": {"type": "string", "description": "PLOVER type"},
                   "mode": {"type": ["string", "null"]}, "actor": party, "recipient": party,
                   "place": {"type": ["object", "null"], "properties": {
                       "name": {"type": "string"}, "country_code": {"type": "string"}}},
                   "date": {"type": ["string", "null"], "description": "YYYY-MM-DD, YYYY-MM or YYYY"},
                   "context": {"type": "array", "items": {"type": "string"}},
                   "trigger": span, "evidence": span}}
    ok = {"description": "OK", "content": {"application/json": {}}}
    refused = {"403": {"description": "missing or wrong token"},
               "405": {"description": "the server does not take reviews (no --allow-review)"}}
    query = [{"name": n, "in": "query", "description": d, "schema": {"type": "string"}}
             for n, d in (("verdict", "confirmed, rejected, corrected or added"),
                          ("needs_look", "true: only the reviews re-coding could not re-attach"),
                          ("article", "the reviews of one article"), ("event", "the review of one event"),
                          ("limit", "at most this many (1-500, default 100)"))]
    return {
        "/api/reviews": {
            "get": {"summary": "Reviews, latest first, with counts per verdict", "parameters": query,
                    "responses": {"200": ok, "400": error}},
            "post": {"summary": "Review an event: confirm, reject (a reason), correct, clear (undo), "
                                "or add a missed one (only with --allow-review; the token as "
                                "Authorization: Bearer TOKEN or X-Communique-Token: TOKEN)",
                     "security": [{"token": []}, {"token_header": []}],
                     "requestBody": {"required": True, "content": {"application/json": {"schema": {
                         "type": "object", "required": ["action", "reviewer"], "properties": {
                             "action": {"type": "string", "enum": [*ACTIONS, "add"]},
                             "reviewer": {"type": "string", "description": "who reviews (1-80 characters)"},
                             "event_id": {"type": "string"},
                             "article_id": {"type": "string", "description": "add: the article"},
                             "review_id": {"type": "string", "description": "clear: a review by its "
                                           "own id (one re-coding left without an event)"},
                             "reason": {"type": "string", "enum": list(REJECT_REASONS)},
                             "changes": changes}}}}},
                     "responses": {"201": {"description": "the review as it stands (null after "
                                                          "clear) and the effective event"},
                                   "400": error, "404": {"description": "no such event or article"},
                                   **refused, "413": {"description": "body over 1,000,000 bytes"}}}},
        "/api/reviews/precision": {"get": {
            "summary": "The coder's precision per type on reviewed events (confirmed, corrected, "
                       "re-typed, rejected; added: missed)", "responses": {"200": ok}}},
        "/api/reviews/history.jsonl": {"get": {
            "summary": "Every review action (who, when, what changed, the machine's values), JSONL",
            "responses": {"200": {"description": "OK", "content": {"application/x-ndjson": {}}}}}},
        "/api/reviews/history.csv": {"get": {
            "summary": "The review history as CSV", "responses": {"200": {
                "description": "OK", "content": {"text/csv": {}}}}}},
        "/api/reviews/gold.jsonl": {"get": {
            "summary": "The fully reviewed articles in the guidelines' gold format (with their "
                       "text), as `communique export --reviewed --format gold` writes them",
            "responses": {"200": {"description": "OK", "content": {"application/x-ndjson": {}}}}}},
        "/api/reviews/next": {"get": {
            "summary": "The next unreviewed event of a filtered list after `after` (newest first)",
            "parameters": [{"name": "after", "in": "query", "description": "an event id",
                            "schema": {"type": "string"}}] + [
                {"name": n, "in": "query", "schema": {"type": "string"}} for n in FILTER_KEYS],
            "responses": {"200": ok, "400": error}}},
    }
