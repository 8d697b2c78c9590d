"""HTML pages, their JSON twins, languages, and the escaping of untrusted article text."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

PAGES = ("/", "/events", "/map", "/network", "/dyads", "/people", "/stories", "/search?q=visite",
         "/ingest")


def hostile_event(client) -> dict:
    events = client.get("/api/events", params={"q": "Bourita"}).json()["events"]
    return next(e for e in events if e["article_id"] == "web-hostile")


@pytest.mark.parametrize("path", PAGES)
def test_page_and_its_json_twins(client, path: str) -> None:
    html = client.get(path)
    assert html.status_code == 200 and html.headers["content-type"].startswith("text/html")
    base, _, query = path.partition("?")
    twin_path = ("/index" if base == "/" else base) + ".json" + ("?" + query if query else "")
    twin = client.get(twin_path)
    assert twin.status_code == 200 and twin.headers["content-type"] == "application/json"
    sep = "&" if query else "?"
    assert client.get(path + sep + "format=json").json() == twin.json()


def test_event_page_twin_and_dyad_page(client) -> None:
    ev = hostile_event(client)
    twin = client.get(f"/events/{ev['id']}.json").json()
    assert twin["event"]["id"] == ev["id"]
    assert "".join(s["text"] for s in twin["segments"]) == twin["article"]["text"]
    dyad = client.get("/dyads/DZA/TUN.json").json()
    assert dyad["actor"] == "DZA" and dyad["timeline"]
    page = client.get("/dyads/DZA/TUN").text
    assert "<svg id=\"timeline\"" in page and "rect class=\"cell forward\"" in page
    assert client.get("/dyads/MAR/Mauritania").status_code == 400


def test_event_page_escapes_the_article(client) -> None:
    ev = hostile_event(client)
    page = client.get(f"/events/{ev['id']}").text
    assert "<script>alert" not in page and "<img src=x" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "&lt;b&gt;officielle&lt;/b&gt;" in page  # the title too
    assert 'href="javascript:' not in page  # an untrusted URL is not a link
    # The only scripts are our static files: no inline script at all.
    assert re.findall(r"<script[^>]*>", page) == ['<script src="/static/app.js" defer>',
                                                   '<script src="/static/review.js" defer>']


def test_event_page_marks_evidence_at_exact_offsets(client) -> None:
    ev = hostile_event(client)
    article = client.get(f"/api/articles/{ev['article_id']}").json()["text"]
    page = client.get(f"/events/{ev['id']}").text
    marks = re.findall(r'<mark data-start="(\d+)">(.*?)</mark>', page, re.S)
    assert marks
    for start, text in marks:
        plain = text.replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">").replace(
            "&amp;", "&").replace("&#34;", '"')
        assert article[int(start):int(start) + len(plain)] == plain


def test_highlight_reports_spans_whose_offsets_are_wrong() -> None:
    from communique.web.pages import highlight

    pieces, bad = highlight("abcdef", [{"text": "bc", "start": 1, "end": 3},
                                       {"text": "zz", "start": 3, "end": 5},
                                       {"text": "cd", "start": 2, "end": 4}])
    assert [(p["text"], p["mark"]) for p in pieces] == [("a", False), ("bcd", True), ("ef", False)]
    assert bad == [{"text": "zz", "start": 3, "end": 5}]


def test_language_from_query_and_accept_language(client) -> None:
    assert "<h1>Vue d&#39;ensemble</h1>" in client.get("/?lang=fr").text
    assert "<h1>Overview</h1>" in client.get("/?lang=en").text
    assert '<html lang="fr">' in client.get("/", headers={"accept-language": "fr-FR,fr;q=0.9"}).text
    assert '<html lang="en">' in client.get("/", headers={"accept-language": "de, en;q=0.5"}).text
    assert '<html lang="en">' in client.get("/").text


def test_catalogue_has_every_key_in_both_languages() -> None:
    from communique.web.i18n import catalogue

    assert set(catalogue()["en"]) == set(catalogue()["fr"])


def test_bad_page_parameter_is_400(client) -> None:
    assert client.get("/events?since=yesterday").status_code == 400
    answer = client.get("/events.json?since=yesterday")
    assert answer.status_code == 400 and answer.json()["parameter"] == "since"
    assert client.get("/events?format=xml").status_code == 400
    assert client.get("/events/nope").status_code == 404


def test_pagination_link_on_events_page(client) -> None:
    page = client.get("/events?limit=2").text
    cursor = re.search(r'class="next" href="/events\?[^"]*cursor=([^"&]+)', page)
    assert cursor
    twin = client.get("/events.json?limit=2").json()
    assert twin["next"] == cursor.group(1)
