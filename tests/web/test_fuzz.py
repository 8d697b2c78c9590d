"""No request makes the server fail: arbitrary strings for every parameter of every API route and
page, and for every path segment, answer below 500 with the security headers (hypothesis).

Strings include non-ASCII digits, huge numbers, LIKE wildcards, "/", control characters and lone
surrogates: the query string is percent-encoded here (surrogates as their would-be UTF-8 bytes),
as a hostile client would send it, rather than by the HTTP client, which refuses them.
"""

from __future__ import annotations

from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

FILTERS = ("country", "dyad", "type", "mode", "context", "sector", "person", "since", "until", "q",
           "min_confidence", "place")
GENERIC = ("format", "lang")
# route → the parameters it takes (besides format and lang)
ROUTES = {
    "/api/events": (*FILTERS, "limit", "cursor", "sort"),
    "/api/facets": FILTERS, "/api/timeline": (*FILTERS, "unit"),
    "/api/stories": (*FILTERS, "limit", "min_mentions"),
    "/api/actors": FILTERS, "/api/dyads": FILTERS, "/api/counts": FILTERS, "/api/map": FILTERS,
    "/api/network": FILTERS,
    "/api/people": (*FILTERS, "limit", "of"),
    "/api/search": ("q", "limit"),
    "/api/openapi.json": (),
    "/": (*FILTERS, "unit"), "/index.json": (*FILTERS, "unit"),
    "/events": (*FILTERS, "limit", "cursor", "sort"),
    "/events.json": (*FILTERS, "limit", "cursor", "sort"),
    "/download.csv": (*FILTERS, "sort"), "/download.jsonl": (*FILTERS, "sort"),
    "/dyads": FILTERS, "/map": FILTERS, "/network": FILTERS, "/network.json": FILTERS,
    "/people": (*FILTERS, "limit", "of"), "/stories": (*FILTERS, "limit", "min_mentions"),
    "/stories.json": (*FILTERS, "limit", "min_mentions"),
    "/search": ("q", "limit"), "/search.json": ("q", "limit"), "/ingest": ("stored",),
    "/api/reviews": ("verdict", "needs_look", "article", "event", "limit"),
    "/api/reviews/next": (*FILTERS, "after"), "/api/reviews/precision": (),
    "/api/reviews/history.csv": (), "/api/reviews/gold.jsonl": (),
    "/review": (*FILTERS, "done"), "/review.json": (*FILTERS, "done"), "/review/next": (*FILTERS, "after"),
}
# Routes with ids or codes in the path: "{}" is replaced by an arbitrary segment.
PATHS = ("/api/events/{}", "/api/articles/{}", "/events/{}", "/events/{}.json", "/articles/{}",
         "/articles/{}.json", "/dyads/{}/MRT", "/dyads/MAR/{}", "/dyads/{}/{}.json")

SPECIAL = ["\u00b2", "\u0663", "\uff12", "1" * 40, "9" * 5000, "-1", "0", "+5", " 7 ", "1e9",
           "%", "_", "%%", "\\", "/", "a/b", "..", "\x00", "\x7f", "\ud800", "\udfff", "\U0001f600",
           "2025-13-45", "2016-99", "2016-00-00", "9999-12-31", "0000", "2025-06-31", "MAR,XXX",
           "XXX", "mar,mrt", ",", "MAR,MRT,DZA", "VISIT", "MILITARY", "'; DROP TABLE events; --",
           "\" OR 1=1", "NEAR(a b)", "*", "a*", "^", "\"\"", "<script>", "json", "html", "fr"]
VALUES = st.one_of(st.sampled_from(SPECIAL), st.text(max_size=40),
                   st.integers().map(str), st.from_regex(r"[0-9]{1,5}(-[0-9]{1,3}){0,3}", fullmatch=True),
                   st.lists(st.sampled_from(SPECIAL), min_size=2, max_size=4).map("".join))
SEGMENTS = st.one_of(st.text(min_size=1, max_size=30), st.sampled_from(SPECIAL))


def encode(text: str) -> str:
    return quote(text, safe="", errors="surrogatepass")


def check(client, url: str) -> None:
    answer = client.get(url)
    assert answer.status_code < 500, (url, answer.status_code, answer.text[:300])
    assert "default-src 'self'" in answer.headers["content-security-policy"], url
    assert answer.headers["x-content-type-options"] == "nosniff", url


PARAMETERS = sorted({name for names in ROUTES.values() for name in names} | set(GENERIC))


@pytest.mark.parametrize("name", PARAMETERS)
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_no_value_of_a_parameter_makes_a_500(client, name: str, data: st.DataObject) -> None:
    """One parameter at a time, on any route that takes it, so each gets its share of values."""
    route = data.draw(st.sampled_from([r for r in sorted(ROUTES) if name in (*ROUTES[r], *GENERIC)]),
                      label="route")
    check(client, f"{route}?{encode(name)}={encode(data.draw(VALUES, label='value'))}")


@pytest.mark.parametrize("route", sorted(ROUTES))
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_no_mix_of_parameters_makes_a_500(client, route: str, data: st.DataObject) -> None:
    """Several parameters together (and unknown names), as a form or a crafted link sends them."""
    names = data.draw(st.lists(st.sampled_from((*ROUTES[route], *GENERIC)) | st.text(max_size=8),
                               min_size=1, max_size=4, unique=True), label="names")
    query = "&".join(f"{encode(name)}={encode(data.draw(VALUES, label=name))}" for name in names)
    check(client, f"{route}?{query}")


@pytest.mark.parametrize("template", PATHS)
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(segments=st.lists(SEGMENTS, min_size=2, max_size=2), query=st.sampled_from(
    ["", "?format=json", "?lang=fr", "?format=%00", "?limit=%C2%B2"]))
def test_no_path_segment_makes_a_500(client, template: str, segments: list[str],
                                     query: str) -> None:
    check(client, template.format(*(encode(s) for s in segments[:template.count("{}")])) + query)


@pytest.mark.parametrize("name", [*FILTERS, "limit", "cursor", "min_mentions", "of", "sort",
                                  "unit"])
@pytest.mark.parametrize("value", SPECIAL)
def test_every_special_value_in_every_parameter(client, name: str, value: str) -> None:
    route = next(r for r in sorted(ROUTES) if name in ROUTES[r] and r.startswith("/api/"))
    check(client, f"{route}?{name}={encode(value)}")


HEADER_TEXT = st.text(st.characters(min_codepoint=0x20, max_codepoint=0xFF), max_size=60)


@settings(max_examples=50, deadline=None)
@given(language=HEADER_TEXT, host=HEADER_TEXT, length=HEADER_TEXT, path=st.sampled_from(
    ["/", "/events", "/api/events", "/api/ingest", "/ingest", "/nowhere"]))
def test_no_header_makes_a_500(client, language: str, host: str, length: str, path: str) -> None:
    """Accept-Language (the page language), Host (the Host check) and Content-Length (the body
    limit) are read by our code before any route: arbitrary values answer below 500."""
    def raw(text: str) -> bytes:  # HTTP headers are bytes: latin-1 is what servers decode
        return text.encode("latin-1")

    for headers in ({"accept-language": raw(language)},
                    {"host": raw(host), "accept-language": raw(language)}):
        answer = client.get(path, headers=headers)
        assert answer.status_code < 500, (headers, answer.text[:200])
        assert answer.headers["x-content-type-options"] == "nosniff"
    posted = client.post(path, content=b"{}", headers={"content-length": raw(length or "0"),
                                                       "content-type": b"application/json"})
    assert posted.status_code < 500
