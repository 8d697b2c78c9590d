"""The JSON API under ``/api/``: events (filters, sorting, cursor paging), stories, articles,
actors, dyads, people, search, counts, facets, timeline, map, network, ingest, and its OpenAPI
description."""

from __future__ import annotations

from collections.abc import Callable

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from communique.web import queries
from communique.web.answers import (article_answer, event_answer, events_answer, filter_of,
                                    params_of, people_answer, search_answer, stories_answer)
from communique.web.cache import cached
from communique.web.facets import facets
from communique.web.params import FILTER_KEYS, BadParameter, filter_params, time_unit
from communique.web.state import store_of

Handler = Callable[[Request], Response]


# -- endpoints ------------------------------------------------------------------------------------
def _events(request: Request) -> Response:
    params = params_of(request, (*FILTER_KEYS, "limit", "cursor", "sort"))
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
    layers = cached(request, queries.map_countries, flt)
    return JSONResponse({"filters": filter_params(flt), "count": len(points), "points": points,
                         "countries": layers["countries"], "unlocated": layers["unlocated"],
                         "events": cached(request, queries.counts, flt)["events"]})


def _facets(request: Request) -> Response:
    flt = filter_of(request, params_of(request, FILTER_KEYS))
    return JSONResponse({"filters": filter_params(flt), "facets": facets(request, flt)})


def _timeline(request: Request) -> Response:
    params = params_of(request, (*FILTER_KEYS, "unit"))
    flt = filter_of(request, params)
    return JSONResponse({"filters": filter_params(flt),
                         **cached(request, queries.timeline, flt, unit=time_unit(params))})


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
        Route("/api/facets", _facets), Route("/api/timeline", _timeline),
        Route("/api/network", _network), Route("/api/openapi.json", _openapi),
        Route("/api/ingest", _ingest, methods=["POST"]),
    ]
