"""Review in a real browser (issue 16): a server with review allowed; confirm one event, reject
one, correct one's recipient, add a missed one from a text selection; the list and the counts
change at once; a reload shows them; a re-ingest by a newer coder version keeps them.

The system Chromium through Playwright, as in test_browser.py; screenshots in
artifacts/screenshots/review-*.png."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from test_browser import CHROMIUM, SHOTS, chromium_tab, serving

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="no /usr/bin/chromium")
TOKEN = "review-s3cret"
ADDED_IN = "ex-fr-06-manifestation"
EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "articles.jsonl"  # as tests/web/conftest.py
EVIDENCE = "Un important dispositif policier avait été déployé autour du bâtiment."
TRIGGER = "avait été déployé"


@pytest.fixture(scope="module")
def review_server(web_db: Path) -> Iterator[str]:
    from communique.web import create_app

    yield from serving(create_app(web_db, allow_review=True, token=TOKEN))


@pytest.fixture(scope="module")
def tab() -> Iterator[object]:
    for page in chromium_tab():
        page.on("pageerror", lambda exc: page.errors.append(str(exc)))
        missing: list[str] = []
        page.on("response", lambda r: missing.append(r.url) if r.status == 404 else None)
        page.missing = missing  # type: ignore[attr-defined]
        yield page


def _select(page, words: str) -> None:
    """Select words of the article text as a reader would with the mouse."""
    page.evaluate("""(words) => {
        const walker = document.createTreeWalker(document.getElementById('article-text'),
                                                 NodeFilter.SHOW_TEXT);
        let node = walker.nextNode();
        while (node && node.data.indexOf(words) < 0) node = walker.nextNode();
        const at = node.data.indexOf(words);
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + words.length);
        const selection = window.getSelection();
        selection.removeAllRanges();
        selection.addRange(range);
    }""", words)


def _key(page, key: str) -> None:
    page.evaluate("document.activeElement && document.activeElement.blur()")
    with page.expect_navigation():
        page.keyboard.press(key)


def _listed(page, server: str) -> dict[str, str]:
    """Event id → the row's text, for every row of /events (one page holds them all)."""
    page.goto(server + "/events?limit=500")
    rows = page.locator("table.events tbody tr")
    out = {}
    for i in range(rows.count()):
        href = rows.nth(i).locator("td").nth(1).locator("a").get_attribute("href")
        out[href.split("/events/")[1].split("?")[0]] = rows.nth(i).inner_text()
    return out


def test_review_in_the_browser(tab, review_server, web_db, coder, monkeypatch) -> None:
    import httpx

    page, server = tab, review_server
    events = httpx.get(server + "/api/events", params={"limit": 500}).json()["events"]
    before = Counter(httpx.get(server + "/api/counts").json()["by_type"])
    correct = next(e for e in events if e["recipient"] and e["recipient"][0]["code"]
                   and e["article_id"] != ADDED_IN)
    new_code = "DZA" if correct["recipient"][0]["code"] != "DZA" else "FRA"
    others = [e for e in events if e["article_id"] not in (correct["article_id"], ADDED_IN)]
    confirm = others[0]
    reject = next(e for e in others if e["article_id"] != confirm["article_id"])

    # Confirm, with the key c (the reviewer names themselves and gives the token once).
    page.goto(server + f"/events/{confirm['id']}")
    page.locator("#review input[name=reviewer]").fill("Awa Diop")
    page.locator("#review input[name=token]").fill(TOKEN)
    page.screenshot(path=str(SHOTS / "review-event.png"), full_page=True)
    _key(page, "c")
    assert page.locator("#review .badge.confirmed").is_visible()
    assert "Awa Diop" in page.locator("#review p.verdict").inner_text()

    # Reject, with a reason from the list (the name and token are remembered).
    page.goto(server + f"/events/{reject['id']}")
    assert page.locator("#review input[name=reviewer]").input_value() == "Awa Diop"
    page.locator("#review select[name=reason]").select_option("duplicate")
    with page.expect_navigation():
        page.locator("#review button[data-action=reject]").click()
    assert page.locator("#review .badge.rejected").is_visible()
    assert "duplicate" in page.locator("#review p.verdict").inner_text()
    page.screenshot(path=str(SHOTS / "review-rejected.png"))

    # Correct the recipient: e opens the form.
    page.goto(server + f"/events/{correct['id']}")
    page.evaluate("document.activeElement && document.activeElement.blur()")
    page.keyboard.press("e")
    form = page.locator("#review form.review-correct")
    assert form.is_visible()
    form.locator("input[name=recipient_code]").fill(new_code)
    page.screenshot(path=str(SHOTS / "review-correct.png"), full_page=True)
    with page.expect_navigation():
        form.locator("button[type=submit]").click()
    assert page.locator("#review .badge.corrected").is_visible()
    assert new_code in page.locator("h1").inner_text()

    # Add the event the coder missed: select its evidence, then its trigger, in the article text.
    page.goto(server + f"/articles/{ADDED_IN}")
    _select(page, EVIDENCE)
    page.locator("#review-add [data-action=use-evidence]").click()
    assert page.locator("#review-add textarea[name=evidence]").input_value() == EVIDENCE
    assert page.locator("#article-text mark.chosen").inner_text() == EVIDENCE
    _select(page, TRIGGER)
    page.locator("#review-add [data-action=use-trigger]").click()
    assert page.locator("#article-text mark.chosen strong.trigger").inner_text() == TRIGGER
    add = page.locator("#review-add form.review-new")
    add.locator("select[name=event]").select_option("MOBILIZE")
    add.locator("select[name=mode]").select_option("police")
    add.locator("input[name=actor_code]").fill("TUN")
    add.locator("select[name=actor_sector]").select_option("COP")
    add.locator("input[name=place_name]").fill("Tunis")
    add.locator("input[name=place_country]").fill("TUN")
    page.screenshot(path=str(SHOTS / "review-add.png"), full_page=True)
    with page.expect_navigation():
        add.locator("button[type=submit]").click()
    assert page.locator("#review .badge.added").is_visible()
    added_id = page.url.split("/events/")[1].split("?")[0]
    assert "MOBILIZE/police" in page.locator("h1").inner_text() and "TUN" in page.locator("h1").inner_text()
    assert "Tunis" in page.locator("section.record").inner_text()
    page.screenshot(path=str(SHOTS / "review-added.png"), full_page=True)

    expected = before.copy()
    expected[reject["event"]] -= 1
    expected["MOBILIZE"] += 1
    expected = +expected  # a type with no event left is not listed

    def check() -> None:
        listed = _listed(page, server)
        assert reject["id"] not in listed and added_id in listed
        assert "confirmed" in listed[confirm["id"]] and "added" in listed[added_id]
        assert new_code in listed[correct["id"]] and "corrected" in listed[correct["id"]]
        total = int(page.locator("p.total strong").nth(1).inner_text())
        assert total == sum(expected.values())
        assert Counter(httpx.get(server + "/api/counts").json()["by_type"]) == expected

    check()  # at once: no re-linking, no stale cache
    page.reload()
    check()
    # A fast pass: n goes to the next event nobody reviewed, within the list's filters.
    reviewed = {confirm["id"], reject["id"], correct["id"], added_id}
    kind = max(sorted(expected), key=expected.get)  # the commonest type: some left unreviewed
    page.goto(server + f"/events?type={kind}")
    _key(page, "n")
    first = page.url.split("/events/")[1].split("?")[0]
    assert first not in reviewed and f"type={kind}" in page.url
    assert page.locator("#review .badge.none").is_visible()
    assert kind in page.locator("h1").inner_text()
    _key(page, "n")
    assert "/events/" in page.url or "/review?" in page.url
    if "/events/" in page.url:
        assert page.url.split("/events/")[1].split("?")[0] not in reviewed | {first}
    page.goto(server + "/review")
    assert page.locator("table.precision tbody tr").count() >= 3
    page.screenshot(path=str(SHOTS / "review-precision.png"), full_page=True)

    # A newer coder re-codes every article: the reviews are applied to its events again.
    from communique.store import open_store
    from communique.store import ingest as ingest_module

    monkeypatch.setattr(ingest_module, "coder_version", lambda **_: "bumped+review-test")
    with open_store(web_db) as store:
        inputs = [str(EXAMPLES), str(web_db.parent / "hostile.jsonl")]  # as conftest built it
        summary = ingest_module.ingest(inputs, store=store, coder=coder, vectors=False)
        assert summary.counts["stored"] == summary.counts["read"]  # every article re-coded
        assert store.stored_state(ADDED_IN)[1] == "bumped+review-test"
    check()
    found = httpx.get(server + "/api/reviews").json()
    assert found["count"] == 4 and found["counts"]["needs_look"] == 0
    assert {r["coder_version"] for r in found["reviews"] if r["verdict"] != "added"} == {"bumped+review-test"}

    # The event page on a phone: nothing wider than the screen.
    phone = page.context.browser.new_context(viewport={"width": 390, "height": 844})
    small = phone.new_page()
    small.goto(server + f"/events/{correct['id']}?lang=fr")
    assert small.evaluate("document.documentElement.scrollWidth") <= 390
    small.screenshot(path=str(SHOTS / "review-event-390-fr.png"), full_page=True)
    phone.close()
    # Scripts ran under the CSP, without errors; nothing was missing but the browser's favicon.
    assert not [e for e in page.errors if not e.startswith("Failed to load resource")]
    assert all(url.endswith("/favicon.ico") for url in page.missing), page.missing
