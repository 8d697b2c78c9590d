"""The JSON API under ``/api/``: events (filters, cursor paging), stories, articles, actors,
dyads, people, search, counts, map, network, ingest, and its OpenAPI description."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from communique.export.tables import Provenance
from communique.model import Event
from communique.store.query import EventFilter, people, stories
from communique.store.records import read_events
from communique.store.store import Store
from communique.web import queries
from communique.web.app import NotFound, store_of
from communique.web.cache import cached
from communique.web.params import (FILTER_KEYS, BadParameter, check_known, country_code,
                                   decode_cursor, encode_cursor, event_filter, filter_params,
                                   limit, min_mentions, path_id)

Handler = Callable[[Request], Response]


def event_json(event: Event, prov: Provenance) -> dict[str, Any]:
    """The event record plus its article and story facts."""
    return {**event.to_dict(),
            "article": {"id": event.article_id, "title": prov.title, "url": prov.url,
                        "published": prov.published, "lang": prov.lang},
            "story": {"id": prov.story_id, "num_mentions": prov.num_mentions,
                      "num_sources": prov.num_sources, "num_articles": prov.num_articles}}


def params_of(request: Request, allowed: tuple[str, ...]) -> dict[str, str]:
    params = dict(request.query_params)
    check_known(params, allowed)
    return params


# -- answers shared by the API and the JSON twins of pages -----------------------------------------
def filter_of(request: Request, params: dict[str, str], *,
              limit: int | None = None) -> EventFilter:
    """The request's filter, its codes checked against the data and this store."""
    return event_filter(params, limit=limit, store=store_of(request))


def events_answer(store: Store, params: dict[str, str], *, default_limit: int = 50) -> dict[str, Any]:
    flt = event_filter(params, store=store)
    after = decode_cursor(params["cursor"]) if params.get("cursor") else None
    page = queries.event_page(store, flt, size=limit(params, default=default_limit), after=after)
    return {"filters": filter_params(flt), "count": len(page.items),
            "events": [event_json(ev, prov) for ev, prov in page.items],
            "next": encode_cursor(*page.next_cursor) if page.next_cursor else None}


def event_answer(store: Store, event_id: str) -> dict[str, Any]:
    path_id("event_id", event_id)
    found = read_events(store.backend, [event_id])
    if not found:
        raise NotFound(f"no event {event_id!r}")
    event = found[0]
    prov = queries.provenance(store, [event])[event.id]
    return event_json(event, prov)


def article_answer(store: Store, article_id: str) -> dict[str, Any]:
    path_id("article_id", article_id)
    coded = store.get(article_id)
    if coded is None:
        raise NotFound(f"no article {article_id!r}")
    return {**coded.article.to_dict(), "events": [e.to_dict() for e in coded.events],
            "rejected": coded.rejected.to_dict() if coded.rejected else None}


def search_answer(store: Store, params: dict[str, str]) -> dict[str, Any]:
    query = params.get("q", "").strip()
    n = limit(params, default=20)
    hits = store.search(query, limit=n) if query else []
    return {"q": query, "count": len(hits),
            "results": [{"article_id": h.article_id, "title": h.title, "published": h.published,
                         "url": h.url, "snippet": h.snippet} for h in hits]}


def people_answer(request: Request, params: dict[str, str]) -> dict[str, Any]:
    flt = filter_of(request, params, limit=limit(params, default=100))
    of = params.get("of", "").strip()
    country = country_code("of", of, store=store_of(request)) if of else None
    rows = cached(request, people, flt, country=country)
    return {"filters": filter_params(flt), "count": len(rows), "people": rows}


def stories_answer(request: Request, params: dict[str, str]) -> dict[str, Any]:
    flt = filter_of(request, params, limit=limit(params, default=50))
    rows = cached(request, stories, flt, min_mentions=min_mentions(params))
    return {"filters": filter_params(flt), "count": len(rows), "stories": rows}


# -- endpoints ------------------------------------------------------------------------------------
def _events(request: Request) -> Response:
    params = params_of(request, (*FILTER_KEYS, "limit", "cursor"))
    return JSONResponse(events_answer(store_of(request), params))


def _event(request: Request) -> Response:
    params_of(request, ())
    return JSONResponse(event_answer(store_of(request), request.path_params["event_id"]))


def _article(request: Request) -> Response:
    params_of(request, ())
    return JSONResponse(article_answer(store_of(request), request.path_params["article_id"]))


def _stories(request: Request) -> Response:
    params = params_of(request, (*FILTER_KEYS, "limit", "min_mentions"))
    return JSONResponse(stories_answer(request, params))


def _actors(request: Request) -> Response:
    flt = filter_of(request, params_of(request, FILTER_KEYS))
    rows = cached(request, queries.actors, flt)
    return JSONResponse({"filters": filter_params(flt), "count": len(rows), "actors": rows})


def _dyads(request: Request) -> Response:
    flt = filter_of(request, params_of(request, FILTER_KEYS))
    rows = cached(request, queries.dyads, flt)
    return JSONResponse({"filters": filter_params(flt), "count": len(rows), "dyads": rows})


def _people(request: Request) -> Response:
    params = params_of(request, (*FILTER_KEYS, "limit", "of"))
    return JSONResponse(people_answer(request, params))


def _search(request: Request) -> Response:
    params = params_of(request, ("q", "limit"))
    if not params.get("q", "").strip():
        raise BadParameter("q", "the search needs words")
    return JSONResponse(search_answer(store_of(request), params))


def _counts(request: Request) -> Response:
    flt = filter_of(request, params_of(request, FILTER_KEYS))
    return JSONResponse({"filters": filter_params(flt), **cached(request, queries.counts, flt)})


def _map(request: Request) -> Response:
    flt = filter_of(request, params_of(request, FILTER_KEYS))
    points = cached(request, queries.map_points, flt)
    return JSONResponse({"filters": filter_params(flt), "count": len(points), "points": points})


def _network(request: Request) -> Response:
    flt = filter_of(request, params_of(request, FILTER_KEYS))
    return JSONResponse({"filters": filter_params(flt), **cached(request, queries.network, flt)})


def _openapi(request: Request) -> Response:
    from communique.web.openapi import openapi

    return JSONResponse(openapi())


async def _ingest(request: Request) -> Response:
    from communique.web.ingest import api_ingest

    return await api_ingest(request)


def routes() -> list[Route]:
    return [
        Route("/api/events", _events), Route("/api/events/{event_id:path}", _event),
        Route("/api/stories", _stories), Route("/api/articles/{article_id:path}", _article),
        Route("/api/actors", _actors), Route("/api/dyads", _dyads), Route("/api/people", _people),
        Route("/api/search", _search), Route("/api/counts", _counts), Route("/api/map", _map),
        Route("/api/network", _network), Route("/api/openapi.json", _openapi),
        Route("/api/ingest", _ingest, methods=["POST"]),
    ]
