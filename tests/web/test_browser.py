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


@pytest.fixture(scope="module")
def server(web_db: Path) -> Iterator[str]:
    import uvicorn

    from communique.web import create_app

    port = free_port()
    config = uvicorn.Config(create_app(web_db), host="127.0.0.1", port=port, log_level="warning")
    srv = uvicorn.Server(config)
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
def page(server: str) -> Iterator[object]:
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


def test_overview(page, server) -> None:
    page.goto(server + "/?lang=fr")
    assert page.locator("h1").inner_text() == "Vue d'ensemble"
    assert page.locator("table.events tbody tr").count() > 0
    page.screenshot(path=str(SHOTS / "overview.png"), full_page=True)


def test_map_has_markers(page, server) -> None:
    page.goto(server + "/map")
    assert page.locator("circle.marker").count() > 0
    assert page.locator("g.land rect").count() > 500  # the basemap is drawn
    # The last marker is drawn on top (markers of nearby places overlap).
    page.locator("circle.marker").last.hover()
    assert page.locator("#map-info").inner_text() != ""  # app.js ran under the CSP
    page.screenshot(path=str(SHOTS / "map.png"), full_page=True)


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
    page.locator("table tbody a").first.click()
    assert page.locator("svg#timeline circle.cell").count() >= 1
    page.screenshot(path=str(SHOTS / "dyad.png"), full_page=True)


def test_no_console_errors(page, server) -> None:
    page.goto(server + "/events")
    assert not [e for e in page.errors if "Content Security Policy" in e]
