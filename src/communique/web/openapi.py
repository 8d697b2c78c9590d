"""The OpenAPI 3.1 description of ``/api/``, written out by hand from one table."""

from __future__ import annotations

from typing import Any

from communique import __version__

_FILTERS = {
    "country": "ISO alpha-3 code of an actor, recipient or the place (MRT; any case; an unknown "
               "code is a 400)",
    "dyad": "actor and recipient codes, ACTOR,RECIPIENT (MAR,MRT)",
    "type": "PLOVER event type (CONSULT, ACCUSE, ...; any case)",
    "mode": "PLOVER mode (visit, meet, ...; any case)",
    "context": "PLOVER context (military, diplomatic, ...; any case)",
    "sector": "sector of an actor or recipient (GOV, MIL, ...; any case)",
    "person": "part of a person's name, accents and case ignored (% and _ are plain characters)",
    "since": "events from the start of this period: YYYY, YYYY-MM or YYYY-MM-DD (a real date)",
    "until": "events to the end of this period: 2025 includes all of 2025, 2025-06 all of June",
    "q": "words of the article (full-text search, accents folded)",
    "min_confidence": "only events the coder gave at least this confidence, 0 to 1 (0.7; ASCII "
                      "digits, at most three decimals)",
    "place": "the event's place by the name the map and tables show (Nouakchott; exact, case "
             "kept)",
}
_EXTRA = {
    "limit": ("integer", "at most this many rows (1-500, ASCII digits)"),
    "cursor": ("string", "the `next` value of the previous page (opaque)"),
    "min_mentions": ("integer", "only stories with at least this many events (1-1000000, "
                     "default 2)"),
    "of": ("string", "only people of this country (alpha-3)"),
    "sort": ("string", "the order of the events: date, type, actor, recipient, place or "
             "confidence, with - before it for descending (default -date: newest first); "
             "events without a value come last either way; a cursor pages one sort only"),
    "unit": ("string", "week or month (default: weeks when the dated events span at most 26 "
             "weeks)"),
}
# path: (summary, query parameters, path parameter)
ENDPOINTS: dict[str, tuple[str, tuple[str, ...], str | None]] = {
    "/api/events": ("Events, newest first or in the order sort names, with cursor paging",
                    (*_FILTERS, "limit", "cursor", "sort"), None),
    "/api/events/{event_id}": ("One event record with its article and story facts", (), "event_id"),
    "/api/stories": ("Stories: events reported more than once", (*_FILTERS, "limit", "min_mentions"), None),
    "/api/articles/{article_id}": ("One article: text, metadata, events, rejection", (), "article_id"),
    "/api/actors": ("Actor codes with event counts as actor and recipient", tuple(_FILTERS), None),
    "/api/dyads": ("Events per month, actor-recipient pair and quad class", tuple(_FILTERS), None),
    "/api/people": ("Named people with titles, organisations, countries", (*_FILTERS, "limit", "of"), None),
    "/api/search": ("Full-text search over articles", ("q", "limit"), None),
    "/api/counts": ("Event counts by type and quad class", tuple(_FILTERS), None),
    "/api/map": ("Events grouped by place, events placed only at a country (countries), the "
                 "count without a place (unlocated) and in all (events)", tuple(_FILTERS), None),
    "/api/facets": ("Per country, type, mode, context and sector: the events each value would "
                    "give under the other filters", tuple(_FILTERS), None),
    "/api/timeline": ("Events per week or month and quad class, every period between the first "
                      "and the last", (*_FILTERS, "unit"), None),
    "/api/network": ("Countries and weighted edges by quad class", tuple(_FILTERS), None),
}


def _param(name: str, where: str = "query") -> dict[str, Any]:
    kind, text = _EXTRA.get(name, ("string", _FILTERS.get(name, "")))
    if where == "path":
        kind, text = "string", "the id"
    return {"name": name, "in": where, "required": where == "path" or None,
            "description": text, "schema": {"type": kind}}


def openapi() -> dict[str, Any]:
    error = {"description": "bad parameter", "content": {"application/json": {"schema": {
        "type": "object", "properties": {"error": {"type": "string"}, "message": {"type": "string"},
                                         "parameter": {"type": "string"}}}}}}
    paths: dict[str, Any] = {}
    for path, (summary, names, path_param) in ENDPOINTS.items():
        parameters = [_param(n) for n in names] + ([_param(path_param, "path")] if path_param else [])
        for p in parameters:
            if p["required"] is None:
                del p["required"]
        responses: dict[str, Any] = {"200": {"description": "OK", "content": {"application/json": {}}},
                                     "400": error, "500": {"description": "the server failed "
                                                           "(JSON error, details in its log)"}}
        if path_param:
            responses["404"] = {"description": "not found"}
        paths[path] = {"get": {"summary": summary, "parameters": parameters, "responses": responses}}
    paths["/api/ingest"] = {"post": {
        "summary": "Code and store one article (only with --allow-ingest; the token as "
                   "Authorization: Bearer TOKEN or X-Communique-Token: TOKEN)",
        "security": [{"token": []}, {"token_header": []}],
        "requestBody": {"required": True, "content": {"application/json": {"schema": {
            "type": "object", "required": ["text"],
            "properties": {"text": {"type": "string"}, "title": {"type": "string"},
                           "published": {"type": "string", "format": "date",
                                         "description": "a calendar date YYYY-MM-DD"},
                           "lang": {"type": "string", "enum": ["fr", "en"]}}}}}},
        "responses": {"201": {"description": "stored (status stored, or rejected: kept as a "
                                             "rejection)"},
                      "200": {"description": "nothing new stored (status unchanged or duplicate)"},
                      "400": error,
                      "403": {"description": "missing or wrong token"},
                      "405": {"description": "the server is read-only"},
                      "413": {"description": "body over 1,000,000 bytes"}}}}
    from communique.web.review import openapi_paths

    paths.update(openapi_paths(error))
    return {"openapi": "3.1.0",
            "info": {"title": "communique API", "version": __version__,
                     "description": "PLOVER events coded from French and English news."},
            "paths": paths,
            "components": {"securitySchemes": {
                "token": {"type": "http", "scheme": "bearer"},
                "token_header": {"type": "apiKey", "in": "header", "name": "X-Communique-Token"}}}}
