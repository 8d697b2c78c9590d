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

from communique.web import geometry, glossary, queries, review
from communique.web.answers import (article_answer, event_answer, events_answer, filter_of, guessed,
                                    params_of, people_answer, search_answer, stories_answer)
from communique.store.feeds import last_intake
from communique.web.state import HERE, Settings, WriteRefused, store_of
from communique.web.cache import cached
from communique.web.facets import facets
from communique.web.i18n import choose_lang, translator
from communique.web.params import (FILTER_KEYS, BadParameter, check_known, filter_params,
                                   min_mentions, time_unit)

# A page function gives (data, figure): data is the JSON twin, figure only feeds the template.
PageFn = Callable[[Request], tuple[dict[str, Any], dict[str, Any] | None]]
NAV = (("/", "overview"), ("/events", "events"), ("/map", "map"), ("/network", "network"),
       ("/dyads", "dyads_nav"), ("/people", "people"), ("/stories", "stories"),
       ("/search", "search"), ("/glossary", "glossary"), ("/ingest", "ingest"),
       ("/review", "review"))
# Pages whose content the filters select: the nav links carry the current filters to them.
FILTERED = {"/", "/events", "/map", "/network", "/dyads", "/people", "/stories"}
CONFIDENCE_STEPS = ("0.5", "0.7", "0.9")
LISTED = 50  # events listed under the map and a dyad's chart (each way); the rest on /events


@cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(HERE / "templates"),
                             autoescape=True, trim_blocks=True, lstrip_blocks=True,
                             undefined=jinja2.StrictUndefined)
    env.filters["urlseg"] = lambda value: quote(str(value), safe="")
    env.globals["http_url"] = http_url
    env.globals["guessed"] = guessed
    env.globals["by_count"] = by_count
    return env


def by_count(values: list[str], counts: dict[str, int] | None,
             name: Callable[[str], str] | None = None) -> list[str]:
    """Filter-bar options: the values with events first, most first, then the others by name."""
    counts = counts or {}
    return sorted(values, key=lambda v: (-counts.get(v, 0), (name or str)(v).lower(), v))


def http_url(url: str | None) -> str | None:
    """A link target only for http(s) URLs: article URLs are untrusted (javascript:...)."""
    return url if isinstance(url, str) and url.lower().startswith(("http://", "https://")) else None


def _context(request: Request, kept: dict[str, str], sort: str | None = None) -> dict[str, Any]:
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
    # A download holds the selection in the order of the page's table, when it has one.
    selected = {**kept, "sort": sort} if sort else kept
    csv_href = "/download.csv" + ("?" + urlencode(selected) if selected else "")
    jsonl_href = "/download.jsonl" + ("?" + urlencode(selected) if selected else "")

    def describe(kind: str, code: Any) -> str:
        return glossary.describe(kind, code, lang)

    def label(kind: str, code: str) -> str:
        return glossary.label(kind, code, lang) or code

    def label_of(kind: str) -> Callable[[str], str]:
        return lambda code: label(kind, code)

    return {"t": translator(lang), "lang": lang, "other_lang": other, "lang_switch": lang_switch,
            "href": href, "label": label, "label_of": label_of, "nav": NAV, "filtered": FILTERED, "kept": kept,
            "path": request.url.path, "json_href": json_href, "csv_href": csv_href,
            "jsonl_href": jsonl_href, "quads": queries.QUADS, "describe": describe,
            "confidence_steps": CONFIDENCE_STEPS, "vocabulary": _vocabulary(),
            "quad_colours": geometry.COLOUR_OF}


@cache
def _vocabulary() -> dict[str, list[str]]:
    from communique.model import EVENT_TYPES
    from communique.web.vocabulary import shipped

    return {"type": list(EVENT_TYPES), "mode": sorted(shipped("mode")),
            "context": sorted(glossary.labels()["context"]),
            "sector": sorted(glossary.labels()["sector"])}


def render(request: Request, template: str, status: int = 200, *,
           kept: dict[str, str] | None = None, sort: str | None = None,
           **values: Any) -> HTMLResponse:
    html = environment().get_template(template).render(**_context(request, kept or {}, sort),
                                                       **values)
    return HTMLResponse(html, status_code=status)


def render_error(request: Request, status: int, message: str, *,
                 parameter: str | None = None) -> Response:
    """An error page: what went wrong in the page's language (``error_STATUS`` in the
    catalogue), the parameter at fault, and the server's own words (English) as the detail."""
    return render(request, "error.html", status=status, status_code=status, message=message,
                  parameter=parameter, known=f"error_{status}" in ERROR_TEXTS)


ERROR_TEXTS = {"error_400", "error_403", "error_404", "error_405", "error_413", "error_500"}


def page(template: str, fn: PageFn) -> Callable[[Request], Response]:
    def endpoint(request: Request) -> Response:
        fmt = request.query_params.get("format")
        if fmt not in (None, "html", "json"):
            raise BadParameter("format", f"want html or json, got {fmt!r}")
        data, figure = fn(request)
        if request.url.path.endswith(".json") or fmt == "json":
            return JSONResponse(data)
        return render(request, template, data=data, figure=figure or {},
                      kept=dict(data.get("filters") or {}),
                      sort=data.get("sort") if request.query_params.get("sort") else None)

    return endpoint


# -- pages ----------------------------------------------------------------------------------------
def selection(request: Request, params: dict[str, str]) -> tuple[Any, dict[str, Any]]:
    """The filter of a page and what its filter bar shows: facet counts and totals."""
    flt = filter_of(request, params)
    return flt, {"filters": filter_params(flt), "facets": facets(request, flt)}


def overview(request: Request) -> tuple[dict[str, Any], dict[str, Any]]:
    params = params_of(request, (*FILTER_KEYS, "unit"))
    store = store_of(request)
    flt, bar = selection(request, params)
    latest = events_answer(store, {k: v for k, v in params.items() if k != "unit"} | {"limit": "10"})
    timeline = cached(request, queries.timeline, flt, unit=time_unit(params))
    return {**bar, "counts": cached(request, queries.counts, flt), "timeline": timeline,
            "latest": latest["events"], "intake": last_intake(store)}, {"time": geometry.time_figure(timeline)}


def events(request: Request) -> tuple[dict[str, Any], None]:
    params = params_of(request, (*FILTER_KEYS, "limit", "cursor", "sort"))
    flt, bar = selection(request, params)
    answer = events_answer(store_of(request), params)
    return {**answer, **bar, "total": cached(request, queries.counts, flt)["events"]}, None


def event(request: Request) -> tuple[dict[str, Any], None]:
    # The filters are taken (and checked) only to be kept in the links of the page.
    params = params_of(request, FILTER_KEYS)
    store = store_of(request)
    record = review.event_record(store, request.path_params["event_id"])  # a rejected one too
    article = article_answer(store, record["article_id"])
    pieces, mismatched = highlight(article["text"], record["event_text"])
    return {"event": record, "article": {k: article[k] for k in
                                         ("id", "title", "url", "published", "lang", "text")},
            "highlights": [s for s in record["event_text"] if s not in mismatched],
            "mismatched": mismatched, "segments": pieces,
            "review": review.event_facts(request, record),
            "filters": filter_params(filter_of(request, params))}, None


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
    flt, bar = selection(request, params)
    net = cached(request, queries.network, flt)
    rows = sorted(net["edges"], key=lambda e: (-e["events"], e["actor"], e["recipient"]))
    one_sided = sorted(({"actor": n["code"], "events": n["one_sided"]} for n in net["nodes"]
                        if n["one_sided"]), key=lambda r: (-r["events"], r["actor"]))
    return {**bar, "count": len(rows), "dyads": rows, "one_sided": one_sided,
            "coverage": cached(request, queries.coverage, flt)}, None


def dyad(request: Request) -> tuple[dict[str, Any], dict[str, Any]]:
    """Both directions of a pair: the timeline each way and the events each way."""
    params = params_of(request, tuple(k for k in FILTER_KEYS if k != "dyad"))
    store = store_of(request)
    actor, recipient = request.path_params["actor"], request.path_params["recipient"]
    forward_flt = filter_of(request, {**params, "dyad": f"{actor},{recipient}"})
    assert forward_flt.dyad is not None
    actor, recipient = forward_flt.dyad
    both = [("forward", forward_flt, f"{actor},{recipient}")]
    if actor != recipient:
        both.append(("backward", filter_of(request, {**params, "dyad": f"{recipient},{actor}"}),
                     f"{recipient},{actor}"))
    timelines: dict[str, list[dict[str, Any]]] = {"forward": [], "backward": []}
    listed: list[dict[str, Any]] = []
    counts = {"forward": 0, "backward": 0}
    for direction, flt, pair in both:
        timelines[direction] = cached(request, queries.dyad_timeline, flt)
        counts[direction] = cached(request, queries.counts, flt)["events"]
        listed += [{**ev, "direction": direction}
                   for ev in events_answer(store, {**params, "dyad": pair, "limit": str(LISTED)})["events"]]
    listed.sort(key=lambda ev: (ev.get("date") or "", ev["id"]), reverse=True)
    months = sorted({c["month"] for cells in timelines.values() for c in cells if c["month"]})
    span = geometry.month_range(months[0], months[-1]) if months else []
    filters = filter_params(forward_flt)
    filters.pop("dyad", None)
    data = {"actor": actor, "recipient": recipient, "same_country": actor == recipient,
            "filters": filters, "timeline": timelines["forward"],
            "timeline_back": timelines["backward"], "events": counts["forward"],
            "events_back": counts["backward"] if actor != recipient else 0,
            "undated": sum(c["events"] for cells in timelines.values() for c in cells
                           if not c["month"]),
            "listed": listed, "months": span}
    return data, geometry.dyad_figure(span, timelines["forward"], timelines["backward"])


def map_page(request: Request) -> tuple[dict[str, Any], dict[str, Any]]:
    flt, bar = selection(request, params_of(request, FILTER_KEYS))
    points = cached(request, queries.map_points, flt)
    layers = cached(request, queries.map_countries, flt)
    data = {**bar, "count": len(points), "points": points, "countries": layers["countries"],
            "unlocated": layers["unlocated"],
            "total": cached(request, queries.counts, flt)["events"]}
    if flt.place or flt.country:
        # The events of the place (or country) clicked, listed under the map.
        data["listed"] = events_answer(store_of(request), {**bar["filters"], "limit": str(LISTED)})["events"]
    return data, geometry.map_figure(points, layers["countries"])


def network_page(request: Request) -> tuple[dict[str, Any], dict[str, Any]]:
    flt, bar = selection(request, params_of(request, FILTER_KEYS))
    net = cached(request, queries.network, flt)
    return {**bar, **net, "coverage": cached(request, queries.coverage, flt)}, \
        geometry.network_figure(net)


def people_page(request: Request) -> tuple[dict[str, Any], None]:
    params = params_of(request, (*FILTER_KEYS, "limit", "of"))
    return {**people_answer(request, params), **selection(request, params)[1]}, None


def stories_page(request: Request) -> tuple[dict[str, Any], None]:
    params = params_of(request, (*FILTER_KEYS, "limit", "min_mentions"))
    flt, bar = selection(request, params)
    answer = stories_answer(request, params)
    # Why a list may be empty: stories are events reported at least min_mentions times.
    return {**answer, **bar, "min_mentions": min_mentions(params),
            "events_matching": cached(request, queries.counts, flt)["events"]}, None


def glossary_page(request: Request) -> tuple[dict[str, Any], None]:
    params_of(request, ())
    lang = choose_lang(request.query_params, request.headers.get("accept-language"))
    codes = sorted({r["code"] for r in cached(request, queries.actors, filter_of(request, {}))
                    if r["code"] != "?"} | set(glossary.labels()["nonstate"]))
    return {"lang": lang, **glossary.entries(lang, codes)}, None


def search_page(request: Request) -> tuple[dict[str, Any], None]:
    return search_answer(store_of(request), params_of(request, ("q", "limit"))), None


def ingest_form(request: Request) -> tuple[dict[str, Any], None]:
    check_known(dict(request.query_params), ("stored",))
    settings: Settings = request.app.state.settings
    return {"allow_ingest": settings.allow_ingest,
            "stored": request.query_params.get("stored")}, None


async def ingest_post(request: Request) -> Response:
    from communique.web.ingest import article_from, check_allowed, form_fields, run_ingest

    settings: Settings = request.app.state.settings
    fields = form_fields(await request.body())
    try:
        check_allowed(settings, fields.get("token"))
    except WriteRefused as exc:
        return render_error(request, exc.status, str(exc))
    result = await run_in_threadpool(run_ingest, request, article_from(fields))
    target = f"/articles/{quote(result['article_id'], safe='')}" if not result["events"] else \
        f"/events/{quote(result['events'][0], safe='')}"
    return RedirectResponse(target, status_code=303)


def article_page(request: Request) -> tuple[dict[str, Any], None]:
    params = params_of(request, FILTER_KEYS)
    answer = article_answer(store_of(request), request.path_params["article_id"])
    return {**answer, "review": review.article_facts(request, answer["id"]),
            "filters": filter_params(filter_of(request, params))}, None


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
            ("/glossary", "glossary.html", glossary_page),
            ("/ingest", "ingest.html", ingest_form),
            ("/review", "review.html", review.review_page)):
        # The .json route first: "{event_id}" would also match "abc.json".
        out.append(Route(path + ".json", page(template, fn)))
        out.append(Route(path, page(template, fn), methods=["GET", "HEAD"]))
    out.append(Route("/ingest", ingest_post, methods=["POST"]))
    out.append(Route("/review/next", review.next_page))
    return out
