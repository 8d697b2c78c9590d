"""The dashboard in a real browser: the system Chromium driven by Playwright against uvicorn.

Skipped when /usr/bin/chromium is missing. Playwright never downloads a browser here: it is
given the system executable. Screenshots go to artifacts/screenshots/.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
SHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run"]

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="no /usr/bin/chromium")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def serving(app: object) -> Iterator[str]:
    """Serve an application on a free local port in a thread; yields its base URL."""
    import uvicorn

    port = free_port()
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        if time.monotonic() > deadline:
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def server(web_db: Path) -> Iterator[str]:
    from communique.web import create_app

    yield from serving(create_app(web_db))


def chromium_tab() -> Iterator[object]:
    """A Chromium tab (1280×900, en-GB) whose console errors gather in ``tab.errors``."""
    os.environ.setdefault("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")
    from playwright.sync_api import sync_playwright

    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
        tab = context.new_page()
        errors: list[str] = []
        tab.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
        tab.errors = errors  # type: ignore[attr-defined]
        yield tab
        browser.close()


@pytest.fixture(scope="module")
def page(server: str) -> Iterator[object]:
    yield from chromium_tab()


def test_overview(page, server) -> None:
    page.goto(server + "/?lang=fr")
    assert page.locator("h1").inner_text() == "Vue d'ensemble"
    assert page.locator("table.events tbody tr").count() > 0
    page.screenshot(path=str(SHOTS / "overview.png"), full_page=True)


def view_width(page) -> float:
    return float(page.locator("svg#map").get_attribute("viewBox").split()[2])


def test_map_has_markers(page, server) -> None:
    page.goto(server + "/map")
    assert page.locator("circle.marker").count() > 0
    assert page.locator("path.country").count() > 150  # Natural Earth country shapes
    # The last marker is drawn on top (markers of nearby places overlap).
    page.locator("circle.marker").last.hover()
    assert page.locator("#map-info").inner_text() != ""  # app.js ran under the CSP
    page.screenshot(path=str(SHOTS / "map.png"), full_page=True)


def test_map_zooms_to_a_filter_and_a_click_lists_the_place(page, server) -> None:
    page.goto(server + "/map")
    world = view_width(page)
    page.goto(server + "/map?country=NER")
    zoomed = view_width(page)
    frame = float(page.locator("svg#map").get_attribute("data-width"))
    assert zoomed < world < frame  # fitted to the events, then to Niger's: not the world
    markers = page.locator("circle.marker")
    places = {markers.nth(i).get_attribute("data-place") for i in range(markers.count())}
    assert len(places) >= 2  # several places of Niger, not one blob
    page.locator("#zoom-in").click()
    assert view_width(page) < zoomed  # app.js zooms
    page.locator("#zoom-reset").click()
    assert view_width(page) == zoomed
    marker = markers.first
    name, count = marker.get_attribute("data-place"), int(marker.get_attribute("data-events"))
    marker.click()
    page.wait_for_url("**place=**")
    assert name in page.locator("#places h2").inner_text()
    assert page.locator("#places table.events tbody tr").count() == count
    page.screenshot(path=str(SHOTS / "map-place.png"), full_page=True)


def test_network_has_nodes(page, server) -> None:
    page.goto(server + "/network")
    assert page.locator("g.node").count() >= 2
    assert page.locator("line.edge").count() >= 1
    page.screenshot(path=str(SHOTS / "network.png"), full_page=True)


def test_event_page_highlights_evidence(page, server) -> None:
    import httpx

    events = httpx.get(server + "/api/events", params={"q": "Bourita"}).json()["events"]
    page.goto(server + f"/events/{events[0]['id']}")
    assert page.locator(".text mark").count() >= 1
    # The hostile article's markup is shown as text, never run or parsed.
    assert page.locator(".text img").count() == 0
    assert "<script>alert(1)</script>" in page.locator(".text").inner_text()
    page.screenshot(path=str(SHOTS / "event.png"), full_page=True)


def test_dyad_timeline(page, server) -> None:
    page.goto(server + "/dyads")
    page.locator("table.dyads tbody a").first.click()
    assert page.locator("svg#timeline rect.cell").count() >= 1


def test_dyad_both_directions_and_its_events(page, server) -> None:
    page.goto(server + "/dyads/BFA/CIV")
    assert page.locator("svg#timeline rect.cell.forward").count() >= 1
    assert page.locator("svg#timeline rect.cell.backward").count() >= 1
    assert "CIV → BFA" in page.locator("p.counts").inner_text()
    assert page.locator("table.events tbody tr").count() == 2
    page.screenshot(path=str(SHOTS / "dyad.png"), full_page=True)


def test_overview_chart_under_a_filter(page, server) -> None:
    page.goto(server + "/?country=NER")
    assert page.locator("svg#time rect.period").count() >= 1
    assert page.locator("ul.legend li").count() == 4


def test_same_country_event_in_dyads_and_network(page, server) -> None:
    page.goto(server + "/dyads")
    assert page.locator("table.dyads tr.same-country").count() >= 1
    page.screenshot(path=str(SHOTS / "dyads.png"), full_page=True)
    page.goto(server + "/network")
    assert page.locator("svg#network circle.loop").count() >= 1
    assert page.locator("svg#network circle.halo").count() >= 1
    shown = int(page.locator(".coverage strong.shown").inner_text())
    total = int(page.locator(".coverage strong.total").inner_text())
    assert 0 < shown <= total


def test_confidence_filter_changes_the_counts(page, server) -> None:
    page.goto(server + "/events")
    before = int(page.locator("p.total strong").nth(1).inner_text())
    page.locator("select[name=min_confidence]").select_option("0.9")
    page.locator("form.filters button[type=submit]").click()
    page.wait_for_url("**min_confidence=0.9**")
    after = int(page.locator("p.total strong").nth(1).inner_text())
    assert 0 < after < before
    # The filter is kept when moving to another page.
    page.locator("header nav a", has_text="Map").click()
    assert "min_confidence=0.9" in page.url
    assert page.locator("select[name=min_confidence]").input_value() == "0.9"


def test_event_table_sorts_on_the_server(page, server) -> None:
    import httpx

    page.goto(server + "/events?limit=5")
    total = int(page.locator("p.total strong").nth(1).inner_text())
    page.locator("table.events th a", has_text="Confidence").click()
    page.wait_for_url("**sort=-confidence**")
    assert page.locator("table.events th[aria-sort=descending]").inner_text() == "Confidence"
    values = [float(v) for v in page.locator("table.events tbody td.num").all_inner_texts()]
    assert values == sorted(values, reverse=True)
    # Every matching event is sorted, not only the rows of one page: the first rows are the
    # most confident of all.
    every = httpx.get(server + "/api/events", params={"limit": 500}).json()["events"]
    assert values[:5] == sorted((e["confidence"] for e in every), reverse=True)[:len(values[:5])]
    assert int(page.locator("p.total strong").nth(1).inner_text()) == total
    page.locator("table.events th a", has_text="Confidence").click()  # again: lowest first
    page.wait_for_url("**sort=confidence**")
    values = [float(v) for v in page.locator("table.events tbody td.num").all_inner_texts()]
    assert values == sorted(values)
    page.locator("table.events th a", has_text="Actor").click()
    page.wait_for_url("**sort=actor**")
    assert page.locator("table.events th[aria-sort=ascending]").inner_text() == "Actor"


def test_time_chart_switches_between_weeks_and_months(page, server) -> None:
    page.goto(server + "/?country=NER&unit=month")
    assert "month" in page.locator("figure.chart figcaption").inner_text()
    page.locator(".unit-switch a[data-unit=week]").click()
    page.wait_for_url("**unit=week**")
    assert "country=NER" in page.url
    assert page.locator(".unit-switch strong[data-unit=week]").count() == 1
    assert page.locator("svg#time rect.period").count() >= 1
    assert "week" in page.locator("figure.chart figcaption").inner_text()
    page.locator("section.time").screenshot(path=str(SHOTS / "overview-week.png"))


def test_map_says_how_many_events_have_no_place(page, server) -> None:
    import httpx

    unlocated = httpx.get(server + "/api/map").json()["unlocated"]
    page.goto(server + "/map?lang=fr")
    assert f"{unlocated} événements sans lieu" in page.locator("#map-counts").inner_text()


PHONE_PAGES = ("/", "/events", "/map", "/network", "/dyads", "/dyads/BFA/CIV", "/people",
               "/stories", "/search?q=visite", "/glossary", "/ingest")


def test_every_page_fits_a_phone(page, server) -> None:
    """Every page at 390 px in both languages, the page of every event and every article
    included (their texts, rule trails and URLs hold long unbroken words)."""
    import httpx
    from urllib.parse import quote

    events = httpx.get(server + "/api/events", params={"limit": 500}).json()["events"]
    assert events
    paths = [*PHONE_PAGES, "/events?sort=recipient", "/?unit=week",
             *(f"/events/{quote(e['id'], safe='')}" for e in events),
             *(f"/articles/{quote(a, safe='')}" for a in sorted({e["article_id"] for e in events}))]
    shots = {"/": "overview", "/map": "map", paths[-1]: "article",
             f"/events/{quote(events[0]['id'], safe='')}": "event"}
    phone = page.context.browser.new_context(viewport={"width": 390, "height": 844})
    tab = phone.new_page()
    wide = {}
    for lang in ("fr", "en"):
        for path in paths:
            tab.goto(server + path + ("&" if "?" in path else "?") + "lang=" + lang)
            width = tab.evaluate("document.documentElement.scrollWidth")
            if width > 390:
                wide[(lang, path)] = width
            if path in shots:
                tab.screenshot(path=str(SHOTS / f"{shots[path]}-390-{lang}.png"), full_page=True)
    phone.close()
    assert wide == {}


def test_french_pages_in_the_browser(page, server) -> None:
    from test_dashboard import english_only

    for path in ("/", "/map", "/network", "/dyads/BFA/CIV", "/glossary"):
        page.goto(server + path + "?lang=fr")
        text = page.locator("body").inner_text()
        assert [v for v in english_only() if v in text] == [], path
    page.screenshot(path=str(SHOTS / "glossary-fr.png"), full_page=False)


def test_no_console_errors(page, server) -> None:
    page.goto(server + "/events")
    assert not [e for e in page.errors if "Content Security Policy" in e]
