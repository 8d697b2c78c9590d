"""Issue 15, the analyst's dashboard: the package's import order, the confidence and place
filters, trust flags, the map, time charts, dyads both ways, the glossary and the catalogue."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

WEB = Path(__file__).resolve().parents[2] / "src" / "communique" / "web"


def imported(module: str) -> set[str]:
    tree = ast.parse((WEB / f"{module}.py").read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{a.name}" for a in node.names)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
    return found


@pytest.mark.parametrize("module", ["api", "pages", "answers", "state", "cache", "ingest",
                                    "queries", "params", "geometry"])
def test_no_module_imports_the_app_back(module: str) -> None:
    assert not {m for m in imported(module) if m.startswith("communique.web.app")}


def test_min_confidence_changes_the_counts(client) -> None:
    every = client.get("/api/counts").json()["events"]
    confident = client.get("/api/counts", params={"min_confidence": "0.9"}).json()["events"]
    assert 0 < confident < every
    events = client.get("/api/events", params={"min_confidence": "0.9", "limit": 500}).json()
    assert events["count"] == confident
    assert all(e["confidence"] >= 0.9 for e in events["events"])
    assert events["filters"]["min_confidence"] == "0.9"


@pytest.mark.parametrize("value", ["1.5", "-0.1", "0,7", "abc", "٠.5", "0.12345", "nan"])
def test_min_confidence_refuses_what_is_not_a_confidence(client, value: str) -> None:
    answer = client.get("/api/events", params={"min_confidence": value})
    assert answer.status_code == 400 and answer.json()["parameter"] == "min_confidence"


def test_place_filter_gives_the_events_of_one_place(client) -> None:
    point = client.get("/api/map").json()["points"][0]
    events = client.get("/api/events", params={"place": point["place"], "limit": 500}).json()
    assert events["count"] == point["events"]
    assert {e["event_loc"]["resolved_place"] or e["event_loc"]["extracted_place"]
            for e in events["events"]} == {point["place"]}
    assert client.get("/api/events", params={"place": "%%"}).status_code == 400


def test_trust_flags_come_from_the_stored_reasons(client) -> None:
    events = client.get("/api/events", params={"limit": 500}).json()["events"]
    for ev in events:
        guessed = [f"{role}:{e['code'] or '?'}" for role in ("actor", "recipient")
                   for e in ev[role] if "fallback actor" in e["reason"] or e["reason"].startswith("implied ")]
        assert ev["flags"] == {"guessed_parties": guessed,
                               "date_from_publication": ev["date_basis"] != "text"}
    flagged = next(ev for ev in events if ev["flags"]["guessed_parties"])
    assert 'class="flag guessed"' in client.get(f"/events/{flagged['id']}").text
    published = next(ev for ev in events if ev["flags"]["date_from_publication"])
    assert 'class="flag pubdate"' in client.get(f"/events/{published['id']}").text


def test_filter_bar_on_every_page_of_events_with_facets(client) -> None:
    for path in ("/", "/events", "/map", "/network", "/dyads", "/people", "/stories"):
        page = client.get(path, params={"country": "NER"}).text
        assert '<form class="filters"' in page, path
        assert 'name="min_confidence"' in page and 'name="dyad"' in page, path
        assert '<option value="NER" selected>' in page, path
    # The type facet counts ignore the type filter: each count is what choosing it would give.
    twin = client.get("/events.json", params={"type": "CONSULT"}).json()
    every = client.get("/api/counts").json()["by_type"]
    assert twin["facets"]["type"] == every
    assert twin["total"] == every["CONSULT"]


def test_nav_keeps_the_filters(client) -> None:
    page = client.get("/map", params={"country": "NER", "min_confidence": "0.8"}).text
    assert 'href="/network?country=NER&amp;min_confidence=0.8"' in page
    assert 'href="/search"' in page  # search has its own query


def test_overview_counts_follow_the_filter_and_chart_time(client) -> None:
    every = client.get("/index.json").json()
    some = client.get("/index.json", params={"country": "NER"}).json()
    assert some["counts"]["events"] < every["counts"]["events"]
    assert some["counts"]["articles"] < every["counts"]["articles"]
    assert some["counts"]["articles_stored"] == every["counts"]["articles_stored"]
    periods = some["timeline"]["periods"]
    assert sum(p["events"] for p in periods) + some["timeline"]["undated"] == some["counts"]["events"]
    page = client.get("/", params={"country": "NER"}).text
    assert '<svg id="time"' in page and 'class="period"' in page
    assert 'class="legend"' in page
    # Titles are links to their article.
    assert re.search(r'<td class="title"><a href="/articles/', page)


def test_timeline_has_every_period_between_first_and_last() -> None:
    from communique.web.geometry import month_range

    assert month_range("2024-11", "2025-02") == ["2024-11", "2024-12", "2025-01", "2025-02"]


def test_dyad_page_both_directions_and_its_events(client) -> None:
    twin = client.get("/dyads/BFA/CIV.json").json()
    assert twin["events"] == 1 and twin["events_back"] == 1
    assert {ev["direction"] for ev in twin["listed"]} == {"forward", "backward"}
    assert twin["months"] == sorted(twin["months"])
    page = client.get("/dyads/BFA/CIV").text
    assert 'rect class="cell forward"' in page and 'rect class="cell backward"' in page
    assert page.count('<tr class="quad-') == 2
    empty = client.get("/dyads/FJI/MAR").text
    assert "nothing to chart" in empty and '<svg id="timeline"' not in empty


def test_same_country_and_one_sided_events_are_shown(client) -> None:
    net = client.get("/network.json").json()
    loop = next(e for e in net["edges"] if e["same_country"])
    assert loop["actor"] == loop["recipient"]
    cov = net["coverage"]
    assert cov["paired"] + cov["one_sided"] + cov["no_actor"] == cov["events"]
    assert cov["same_country"] >= 1 and cov["one_sided"] >= 1
    page = client.get("/network").text
    assert 'class="loop"' in page and 'class="halo"' in page
    assert f'<strong class="shown">{cov["paired"] + cov["one_sided"]}</strong>' in page
    dyads = client.get("/dyads").text
    assert 'class="same-country"' in dyads and 'class="one-sided"' in dyads
    same = client.get(f"/dyads/{loop['actor']}/{loop['actor']}.json").json()
    assert same["events"] == loop["events"] and same["same_country"]


def test_map_layers_add_up_and_a_place_lists_its_events(client) -> None:
    twin = client.get("/map.json").json()
    total = client.get("/api/counts").json()["events"]
    assert twin["total"] == total
    assert sum(p["events"] for p in twin["points"]) + sum(twin["countries"].values()) + \
        twin["unlocated"] == total
    assert all(p["quad"] in {q for p2 in [p] for q in p2["by_quad"]} for p in twin["points"])
    page = client.get("/map").text
    assert page.count('<path class="country') > 150  # Natural Earth shapes, not a dot grid
    place = twin["points"][0]["place"]
    assert f'href="/map?place={place}#places"' in page.replace("%27", "'")
    listed = client.get("/map", params={"place": place}).text
    assert 'id="places"' in listed and listed.count('<tr class="quad-') == twin["points"][0]["events"]


def test_map_fits_the_filtered_events() -> None:
    from communique.web.geometry import map_figure

    world = map_figure([], {})
    assert world["viewbox"] == "0 0 960 500"
    one = map_figure([{"lat": 13.5, "lon": 2.1, "place": "Niamey", "country": "NER", "events": 3,
                       "by_quad": {"material_conflict": 3}, "quad": "material_conflict"}],
                     {"NER": 2})
    x, y, w, h = map(float, one["viewbox"].split())
    assert w < 200 and x < 480 < x + w  # zoomed on Niger, not the world
    niger = next(c for c in one["countries"] if c["code"] == "NER")
    assert niger["fill"] and niger["events"] == 2  # a country-level event fills its country
    assert one["markers"][0]["colour"] == "#b71c1c"


def test_stories_say_why_they_are_empty(client) -> None:
    page = client.get("/stories", params={"min_mentions": "1000"}).text
    assert "No story here" in page and "1000" in page and "min_mentions=1" in page


def test_glossary_names_codes_in_both_languages(client) -> None:
    fr = client.get("/glossary.json", params={"lang": "fr"}).json()
    ner = next(c for c in fr["country"] if c["code"] == "NER")
    assert ner["name"] == "Niger"
    mar = client.get("/glossary", params={"lang": "fr"}).text
    assert "Maroc" in mar and "Morocco" in mar and "IMG" in mar and "REB" in mar
    page = client.get("/events", params={"lang": "fr"}).text
    assert '<abbr class="code" title="Niger">NER</abbr>' in page


def test_downloads_hold_the_selection(client) -> None:
    n = client.get("/api/counts", params={"country": "NER"}).json()["events"]
    answer = client.get("/download.csv", params={"country": "NER"})
    assert answer.status_code == 200 and answer.headers["content-type"].startswith("text/csv")
    assert "attachment" in answer.headers["content-disposition"]
    assert len(answer.text.strip().splitlines()) == n + 1
    lines = client.get("/download.jsonl", params={"country": "NER"}).text.strip().splitlines()
    assert len(lines) == n
    assert client.get("/download.csv", params={"country": "XXX"}).status_code == 400
    assert 'href="/download.csv?country=NER"' in client.get("/events?country=NER").text


def template_keys() -> set[str]:
    keys = set()
    for path in (WEB / "templates").glob("*.html"):
        keys |= set(re.findall(r"t\('([a-z_0-9]+)'\)", path.read_text(encoding="utf-8")))
    from communique.web.pages import NAV

    return keys | {key for _, key in NAV}


def test_every_interface_key_is_translated() -> None:
    from communique.web.i18n import catalogue

    messages = catalogue()
    prefixed = {k for k in messages["en"] if k.startswith(("date_basis_", "time_chart_", "per_", "error_"))}
    for key in template_keys() | prefixed:
        assert messages["en"].get(key), f"no English text for {key!r}"
        assert messages["fr"].get(key), f"no French text for {key!r}"


def test_every_plover_definition_shown_has_its_french() -> None:
    """PLOVER's definitions of modes, contexts and sectors (shown on the glossary page and as
    tooltips) are English upstream; each has our French in glossary.json, and a French page
    shows it."""
    from communique.web import glossary

    french = glossary.french_descriptions()
    assert set(french) == {"mode", "context", "sector"}
    shown = {"mode": [f"{t}/{m}" for t, m, _ in glossary.modes()],
             "context": list(glossary._plover("plover_contexts.csv", "context", "description")),
             "sector": list(glossary._plover("plover_sector_codes.csv", "code", "description"))}
    for kind, codes in shown.items():
        assert set(french[kind]) == set(codes), kind  # none missing, none left over
        for code in codes:
            english, fr = glossary.description(kind, code, "en"), glossary.description(kind, code, "fr")
            assert english and fr and fr != english, (kind, code)
    entries = glossary.entries("fr", [])
    for kind in ("mode", "context", "sector"):
        assert all(e["description"] == glossary.description(
            kind, f"{e['type']}/{e['code']}" if kind == "mode" else e["code"], "fr")
            for e in entries[kind])


def test_french_glossary_and_tooltips_hold_no_plover_english(client) -> None:
    from communique.web import glossary

    english = [d for _, _, d in glossary.modes()] + \
        list(glossary._plover("plover_contexts.csv", "context", "description").values()) + \
        list(glossary._plover("plover_sector_codes.csv", "code", "description").values())
    english = [d for d in english if " " in d]
    page = client.get("/glossary", params={"lang": "fr"}).text.replace("&#39;", "'").replace("&#34;", '"')
    assert 'class="note" lang="en"' not in page  # definitions were marked English before
    assert [d for d in english if d in page] == []
    assert "l'acteur est en visite, le destinataire le reçoit" in page
    assert "Meetings and negotiations" in client.get("/glossary", params={"lang": "en"}).text
    visit = next(e for e in client.get("/api/events", params={"limit": 500}).json()["events"]
                 if e["mode"] == "visit")
    event = client.get(f"/events/{visit['id']}", params={"lang": "fr"}).text.replace("&#39;", "'")
    assert "<abbr title=\"l'acteur est en visite, le destinataire le reçoit\">visit</abbr>" in event
    filters = client.get("/events", params={"lang": "fr"}).text.replace("&#39;", "'")
    assert "gouvernement" in filters.split('name="sector"')[1].split("</select>")[0]


FR_PAGES = ("/", "/events", "/map", "/network", "/dyads", "/dyads/BFA/CIV", "/people",
            "/stories", "/glossary", "/search?q=visite", "/ingest")


def english_only() -> list[str]:
    """Interface texts of two words or more whose French is different."""
    from communique.web.i18n import catalogue

    en, fr = catalogue()["en"], catalogue()["fr"]
    return [v for k, v in en.items() if v != fr[k] and " " in v and v not in fr[k]]


def record_pages(client) -> list[str]:
    """The page of every event and every article of the store."""
    from urllib.parse import quote

    events = client.get("/api/events", params={"limit": 500}).json()["events"]
    return [f"/events/{quote(e['id'], safe='')}" for e in events] + \
        [f"/articles/{quote(a, safe='')}" for a in sorted({e["article_id"] for e in events})]


@pytest.mark.parametrize("path", [*FR_PAGES, "/?unit=week", "/events?sort=-confidence",
                                  "/events?limit=abc", "/events/no-such-event", "RECORDS"])
def test_french_pages_have_no_english_interface_text(client, path: str) -> None:
    for one in (record_pages(client) if path == "RECORDS" else [path]):
        check_french(client, one)


def check_french(client, path: str) -> None:
    sep = "&" if "?" in path else "?"
    html = client.get(path + sep + "lang=fr").text
    text = re.sub(r"<[^>]+>", " ", html)
    text = re.sub(r"\s+", " ", text)
    assert [v for v in english_only() if v in text] == [], path


def test_error_pages_say_what_went_wrong_in_french(client) -> None:
    bad = client.get("/events", params={"lang": "fr", "limit": "abc"})
    assert bad.status_code == 400
    assert "Une valeur de l&#39;adresse n&#39;est pas valable : <code>limit</code>" in bad.text
    assert '<p class="detail" lang="en">Détail (en anglais) : limit: want a whole number' in bad.text
    missing = client.get("/events/no-such-event", params={"lang": "fr"})
    assert missing.status_code == 404 and "Introuvable" in missing.text
    assert "Not found: the store" in client.get("/events/no-such-event").text


def test_people_directory_leaves_out_what_is_not_a_person() -> None:
    from communique.web.persons import is_person_name

    for name in ("Nasser Bourita", "Mohamed Ould Cheikh", "Aimé N'Guessan", "Jean-Yves Le Drian",
                 "Valéry Giscard d'Estaing", "Abou Mohammed al-Joulani"):
        assert is_person_name(name), name
    for name in ("Nigerien", "Maroc", "Charlie Hebdo", "Pour l'instant", "ONU"):
        assert not is_person_name(name), name


def test_people_page_lists_people_only(client) -> None:
    twin = client.get("/people.json").json()
    assert twin["people"] and all(" " in p["name"] or p["name"][0].isupper()
                                  for p in twin["people"])
    assert twin["count"] == len(twin["people"])


def test_a_mode_tooltip_falls_back_to_the_type_plover_lists_it_under() -> None:
    from communique.web.glossary import describe

    assert describe("mode", "SANCTION/withdraw", "en").startswith("Withdraw oneself")
    assert describe("mode", "RETREAT/withdraw", "en").startswith("Retreat from territory")
    # The coder codes CONSULT/meet; PLOVER lists "meet" under REQUEST and REJECT.
    assert describe("mode", "CONSULT/meet", "fr") == "rencontres et négociations"
    assert describe("mode", "AID/military", "fr") == "military"  # no definition: the code
