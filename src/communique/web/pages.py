"""Server-rendered pages (Jinja2, autoescaped). Every page has a JSON twin: the same path with
``.json`` (``/`` → ``/index.json``) or ``?format=json`` gives the data the page shows."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Any
from urllib.parse import quote, urlencode

import jinja2
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from communique.web import geometry, queries
from communique.web.api import (article_answer, event_answer, events_answer, filter_of,
                                params_of, people_answer, search_answer, stories_answer)
from communique.web.app import HERE, Settings, store_of
from communique.web.cache import cached
from communique.web.i18n import choose_lang, translator
from communique.web.params import FILTER_KEYS, BadParameter, check_known, filter_params

# A page function gives (data, figure): data is the JSON twin, figure only feeds the template.
PageFn = Callable[[Request], tuple[dict[str, Any], dict[str, Any] | None]]
NAV = (("/", "overview"), ("/events", "events"), ("/map", "map"), ("/network", "network"),
       ("/dyads", "dyads_nav"), ("/people", "people"), ("/stories", "stories"),
       ("/search", "search"), ("/ingest", "ingest"))


@cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(HERE / "templates"),
                             autoescape=True, trim_blocks=True, lstrip_blocks=True,
                             undefined=jinja2.StrictUndefined)
    env.filters["urlseg"] = lambda value: quote(str(value), safe="")
    env.globals["http_url"] = http_url
    return env


def http_url(url: str | None) -> str | None:
    """A link target only for http(s) URLs: article URLs are untrusted (javascript:...)."""
    return url if isinstance(url, str) and url.lower().startswith(("http://", "https://")) else None


def _context(request: Request) -> dict[str, Any]:
    lang = choose_lang(request.query_params, request.headers.get("accept-language"))
    explicit = "lang" in request.query_params

    def href(path: str, params: dict[str, Any] | None = None) -> str:
        query = {k: v for k, v in (params or {}).items() if v not in (None, "")}
        if explicit:
            query["lang"] = lang
        return path + ("?" + urlencode(query) if query else "")

    other = "fr" if lang == "en" else "en"
    # The decoded path encoded again: an article id may hold "%", "?" or "#".
    own = quote(request.scope["path"], safe="/")
    lang_switch = own + "?" + urlencode(
        {**{k: v for k, v in request.query_params.items() if k != "lang"}, "lang": other})
    json_path = "/index.json" if own == "/" else own + ".json"
    json_href = json_path + ("?" + urlencode(dict(request.query_params)) if request.query_params else "")
    return {"t": translator(lang), "lang": lang, "other_lang": other, "lang_switch": lang_switch,
            "href": href, "nav": NAV, "path": request.url.path, "json_href": json_href,
            "quads": queries.QUADS}


def render(request: Request, template: str, status: int = 200, **values: Any) -> HTMLResponse:
    html = environment().get_template(template).render(**_context(request), **values)
    return HTMLResponse(html, status_code=status)


def render_error(request: Request, status: int, message: str) -> Response:
    return render(request, "error.html", status=status, status_code=status, message=message)


def page(template: str, fn: PageFn) -> Callable[[Request], Response]:
    def endpoint(request: Request) -> Response:
        fmt = request.query_params.get("format")
        if fmt not in (None, "html", "json"):
            raise BadParameter("format", f"want html or json, got {fmt!r}")
        data, figure = fn(request)
        if request.url.path.endswith(".json") or fmt == "json":
            return JSONResponse(data)
        return render(request, template, data=data, figure=figure or {})

    return endpoint


# -- pages ----------------------------------------------------------------------------------------
def overview(request: Request) -> tuple[dict[str, Any], None]:
    params = params_of(request, FILTER_KEYS)
    store = store_of(request)
    flt = filter_of(request, params)
    latest = events_answer(store, {**params, "limit": "10"})
    from communique.store.feeds import last_intake

    return {"filters": filter_params(flt), "counts": cached(request, queries.counts, flt),
            "latest": latest["events"], "intake": last_intake(store)}, None


def events(request: Request) -> tuple[dict[str, Any], None]:
    params = params_of(request, (*FILTER_KEYS, "limit", "cursor"))
    return events_answer(store_of(request), params), None


def event(request: Request) -> tuple[dict[str, Any], None]:
    params_of(request, ())
    store = store_of(request)
    record = event_answer(store, request.path_params["event_id"])
    article = article_answer(store, record["article_id"])
    pieces, mismatched = highlight(article["text"], record["event_text"])
    return {"event": record, "article": {k: article[k] for k in
                                         ("id", "title", "url", "published", "lang", "text")},
            "highlights": [s for s in record["event_text"] if s not in mismatched],
            "mismatched": mismatched, "segments": pieces}, None


def highlight(text: str, spans: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[Any]]:
    """The text cut into plain and marked pieces at the evidence offsets (overlaps merged).

    A span whose offsets do not give its text is reported, not marked: the offsets are the
    evidence, and a wrong mark would mislead.
    """
    good, bad = [], []
    for span in spans:
        start, end = span.get("start"), span.get("end")
        if (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)
                and text[start:end] == span.get("text")):
            good.append((start, end))
        else:
            bad.append(span)
    merged: list[list[int]] = []
    for start, end in sorted(good):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    pieces, pos = [], 0
    for start, end in merged:
        if start > pos:
            pieces.append({"text": text[pos:start], "mark": False, "start": pos})
        pieces.append({"text": text[start:end], "mark": True, "start": start})
        pos = end
    if pos < len(text):
        pieces.append({"text": text[pos:], "mark": False, "start": pos})
    return pieces, bad


def dyad_list(request: Request) -> tuple[dict[str, Any], None]:
    params = params_of(request, FILTER_KEYS)
    flt = filter_of(request, params)
    net = cached(request, queries.network, flt)
    rows = sorted(net["edges"], key=lambda e: (-e["events"], e["actor"], e["recipient"]))
    return {"filters": filter_params(flt), "count": len(rows), "dyads": rows}, None


def dyad(request: Request) -> tuple[dict[str, Any], dict[str, Any]]:
    params = params_of(request, tuple(k for k in FILTER_KEYS if k != "dyad"))
    actor, recipient = request.path_params["actor"], request.path_params["recipient"]
    flt = filter_of(request, {**params, "dyad": f"{actor},{recipient}"})
    cells = cached(request, queries.dyad_timeline, flt)
    data = {"actor": flt.dyad[0] if flt.dyad else actor, "recipient": flt.dyad[1] if flt.dyad else recipient,
            "filters": filter_params(flt), "timeline": cells,
            "events": sum(c["events"] for c in cells)}
    return data, geometry.timeline_figure(cells)


def map_page(request: Request) -> tuple[dict[str, Any], dict[str, Any]]:
    flt = filter_of(request, params_of(request, FILTER_KEYS))
    points = cached(request, queries.map_points, flt)
    return {"filters": filter_params(flt), "count": len(points), "points": points}, \
        geometry.map_figure(points)


def network_page(request: Request) -> tuple[dict[str, Any], dict[str, Any]]:
    flt = filter_of(request, params_of(request, FILTER_KEYS))
    net = cached(request, queries.network, flt)
    return {"filters": filter_params(flt), **net}, geometry.network_figure(net)


def people_page(request: Request) -> tuple[dict[str, Any], None]:
    return people_answer(request, params_of(request, (*FILTER_KEYS, "limit", "of"))), None


def stories_page(request: Request) -> tuple[dict[str, Any], None]:
    params = params_of(request, (*FILTER_KEYS, "limit", "min_mentions"))
    return stories_answer(request, params), None


def search_page(request: Request) -> tuple[dict[str, Any], None]:
    return search_answer(store_of(request), params_of(request, ("q", "limit"))), None


def ingest_form(request: Request) -> tuple[dict[str, Any], None]:
    check_known(dict(request.query_params), ("stored",))
    settings: Settings = request.app.state.settings
    return {"allow_ingest": settings.allow_ingest,
            "stored": request.query_params.get("stored")}, None


async def ingest_post(request: Request) -> Response:
    from communique.web.ingest import (IngestRefused, article_from, check_allowed, form_fields,
                                       run_ingest)

    settings: Settings = request.app.state.settings
    fields = form_fields(await request.body())
    try:
        check_allowed(settings, fields.get("token"))
    except IngestRefused as exc:
        return render_error(request, exc.status, str(exc))
    result = await run_in_threadpool(run_ingest, request, article_from(fields))
    target = f"/articles/{quote(result['article_id'], safe='')}" if not result["events"] else \
        f"/events/{quote(result['events'][0], safe='')}"
    return RedirectResponse(target, status_code=303)


def article_page(request: Request) -> tuple[dict[str, Any], None]:
    params_of(request, ())
    return article_answer(store_of(request), request.path_params["article_id"]), None


def routes() -> list[Route]:
    out = [Route("/index.json", page("overview.html", overview)),
           Route("/", page("overview.html", overview))]
    for path, template, fn in (
            ("/events/{event_id:path}", "event.html", event),
            ("/events", "events.html", events),
            ("/articles/{article_id:path}", "article.html", article_page),
            ("/dyads/{actor}/{recipient}", "dyad.html", dyad),
            ("/dyads", "dyads.html", dyad_list),
            ("/map", "map.html", map_page),
            ("/network", "network.html", network_page),
            ("/people", "people.html", people_page),
            ("/stories", "stories.html", stories_page),
            ("/search", "search.html", search_page),
            ("/ingest", "ingest.html", ingest_form)):
        # The .json route first: "{event_id}" would also match "abc.json".
        out.append(Route(path + ".json", page(template, fn)))
        out.append(Route(path, page(template, fn), methods=["GET", "HEAD"]))
    out.append(Route("/ingest", ingest_post, methods=["POST"]))
    return out
