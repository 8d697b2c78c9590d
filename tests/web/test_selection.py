"""The selection an analyst works on: facet counts for every field of the filter bar, the event
table sorted on the server with keyset paging, streamed downloads of the whole selection, the
week/month switch of the time chart, and the map's layers in the API.

Most tests run on a store built here by hand (no coder), on SQLite and on PostgreSQL: 40 events
with ties, undated events, events without a place or a recipient, and parties with other
sectors, which the examples lack.
"""

from __future__ import annotations

import base64
import json
import sys
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

# The store tests' helpers (tests/store/store_backends.py) say where test stores live.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "store"))

from store_backends import BACKENDS, drop_pg_database, pg_database  # noqa: E402

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

SORTS = ("date", "type", "actor", "recipient", "place", "confidence")
N_EVENTS = 40


def hand_built(n: int) -> Any:
    """Article ``n`` with one event whose fields vary with ``n`` (and repeat: ties)."""
    from communique.model import Article, CodedArticle, Entity, Event, Place, Span

    text = f"Le ministre a rencontré son homologue, dépêche {n}."
    codes = ("MAR", "MRT", "NER", "MLI", "SEN")
    actor = Entity(code=codes[n % 5], sector=("GOV", "MIL", None)[n % 3], entity_text="ministre",
                   start=3, end=11, other_sectors=["OPP"] if n % 4 == 0 else [],
                   reason="fallback actor" if n % 7 == 0 else "subject")
    recipient = [] if n % 6 == 0 else [Entity(code=codes[(n + 2) % 5], sector="GOV",
                                              entity_text="homologue", start=28, end=37,
                                              other_sectors=["MIL"] if n % 5 == 0 else [])]
    place = None if n % 3 == 0 else Place(
        extracted_place=("Rabat", "Niamey", "Bamako")[n % 3], resolved_place=None, lat=13.5,
        lon=2.1, country_code="NER", resolution=1 if n % 8 == 1 else 4)
    date = None if n % 9 == 0 else f"2025-{1 + n % 6:02d}-{1 + n % 27:02d}"
    event = Event(id=f"ev{n:03d}", article_id=f"art{n:03d}",
                  event=("CONSULT", "ACCUSE", "ASSAULT", "AID")[n % 4],
                  mode=("visit", None, "firearms", None)[n % 4],
                  context=[("military", "diplomatic", "economic")[n % 3]] * (n % 5 != 1),
                  quad_code=(1, 3, 4, 2)[n % 4], actor=[actor], recipient=recipient,
                  event_loc=place, date=date, date_basis="text" if n % 2 else "publication",
                  event_text=[Span(text=text[:11], start=0, end=11, sentence=0)],
                  confidence=(0.5, 0.75, 0.9)[n % 3], explanation="hand-built")
    article = Article(id=f"art{n:03d}", text=text, title=f"Dépêche {n}", published="2025-06-05",
                      lang="fr")
    return CodedArticle(article=article, events=[event])


@pytest.fixture(scope="module", params=BACKENDS)
def hand_db(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The hand-built store on SQLite and on PostgreSQL (sorting, keyset paging and the facets'
    SQL must agree on both)."""
    from communique.store import open_store

    if request.param == "sqlite":
        db = str(tmp_path_factory.mktemp("selection") / "hand.db")
    else:
        db = pg_database()
    with open_store(db) as store:
        run = store.start_run(coder_version="hand", config={})
        for n in range(N_EVENTS):
            store.put(hand_built(n), run_id=run.id, coder_version="hand")
    yield db
    if request.param == "postgresql":
        drop_pg_database(db)


@pytest.fixture(scope="module")
def hand(hand_db: str) -> Iterator[TestClient]:
    from communique.web import create_app

    with TestClient(create_app(hand_db, cache_seconds=0), base_url="http://localhost") as client:
        yield client


def all_pages(client: TestClient, params: dict[str, Any], *, limit: int) -> list[dict[str, Any]]:
    seen: list[dict[str, Any]] = []
    cursor = None
    for _ in range(1000):
        answer = client.get("/api/events", params={**params, "limit": limit,
                                                   **({"cursor": cursor} if cursor else {})})
        assert answer.status_code == 200, answer.text
        seen += answer.json()["events"]
        cursor = answer.json()["next"]
        if cursor is None:
            return seen
    raise AssertionError("the cursor never ended")


# -- facets ---------------------------------------------------------------------------------------
FACET_FILTERS = ({}, {"country": "NER"}, {"type": "CONSULT"}, {"min_confidence": "0.7"},
                 {"sector": "OPP"})


@pytest.mark.parametrize("flt", FACET_FILTERS)
def test_each_facet_count_is_what_choosing_that_value_gives(hand, flt: dict[str, str]) -> None:
    facets = hand.get("/api/facets", params=flt).json()["facets"]
    assert set(facets) == {"country", "type", "mode", "context", "sector"}
    for name, counts in facets.items():
        assert counts, name
        for value, n in counts.items():
            chosen = hand.get("/api/counts", params={**flt, name: value}).json()["events"]
            assert n == chosen, (flt, name, value)


def test_other_sectors_count_in_the_sector_facet(hand) -> None:
    sectors = hand.get("/api/facets").json()["facets"]["sector"]
    # OPP is only ever another sector of an actor; MIL is both a main and another sector.
    assert sectors["OPP"] == sum(1 for n in range(N_EVENTS) if n % 4 == 0)
    assert sectors["MIL"] == sum(1 for n in range(N_EVENTS) if n % 3 == 1 or n % 5 == 0 and n % 6)


def test_a_facet_ignores_its_own_filter(hand) -> None:
    every = hand.get("/api/facets").json()["facets"]
    chosen = hand.get("/api/facets", params={"mode": "visit", "context": "military"}).json()["facets"]
    assert chosen["mode"] == hand.get("/api/facets", params={"context": "military"}).json()["facets"]["mode"]
    assert chosen["context"] == hand.get("/api/facets", params={"mode": "visit"}).json()["facets"]["context"]
    assert chosen["type"] != every["type"]


def test_filter_bar_shows_the_counts_of_every_facet(client) -> None:
    twin = client.get("/events.json").json()
    page = client.get("/events").text
    for name in ("mode", "context", "sector", "type"):
        value, n = next(iter(twin["facets"][name].items()))
        select = page.split(f'<select name="{name}">')[1].split("</select>")[0]
        option = select.split(f'<option value="{value}"')[1].split("</option>")[0]
        assert option.endswith(f"({n})"), (name, option)


# -- sort -----------------------------------------------------------------------------------------
def sort_value(event: dict[str, Any], column: str) -> Any:
    if column == "date":
        return event["date"][:10] if event["date"] else None
    if column == "type":
        return event["event"]
    if column in ("actor", "recipient"):
        return event[column][0]["code"] if event[column] else None
    if column == "place":
        loc = event["event_loc"]
        return (loc["resolved_place"] or loc["extracted_place"]) if loc else None
    return event["confidence"]


@pytest.mark.parametrize("sort", [*SORTS, *("-" + s for s in SORTS)])
def test_sorted_pages_cover_every_event_once_in_order(hand, sort: str) -> None:
    whole = hand.get("/api/events", params={"sort": sort, "limit": 500}).json()
    assert whole["sort"] == sort and whole["count"] == N_EVENTS
    paged = all_pages(hand, {"sort": sort}, limit=3)
    assert [e["id"] for e in paged] == [e["id"] for e in whole["events"]]
    column, down = sort.lstrip("-"), sort.startswith("-")
    keys = [(sort_value(e, column), e["id"]) for e in paged]
    valued = [k for k in keys if k[0] is not None]
    assert keys == valued + [k for k in keys if k[0] is None]  # no value: last either way
    assert valued == sorted(valued, reverse=down)
    assert len(valued) < len(keys) or column in ("type", "actor", "confidence")


def test_sort_with_a_filter_and_the_total(hand) -> None:
    paged = all_pages(hand, {"sort": "-confidence", "country": "NER"}, limit=2)
    assert len(paged) == hand.get("/api/counts", params={"country": "NER"}).json()["events"]
    page = hand.get("/events", params={"sort": "recipient", "limit": "5"}).text
    assert f"<strong>5</strong> of <strong>{N_EVENTS}</strong>" in page
    assert 'aria-sort="ascending"><a href="/events?sort=-recipient"' in page  # a second click: Z-A
    assert 'href="/events?sort=-confidence"' in page  # confidence: highest first on a first click
    assert "sort=recipient&amp;cursor=" in page  # the next page keeps the order


def test_sort_and_cursor_are_checked(hand) -> None:
    for bad in ("name", "--date", "date,type", "-"):
        answer = hand.get("/api/events", params={"sort": bad})
        assert answer.status_code == 400 and answer.json()["parameter"] == "sort", bad
    first = hand.get("/api/events", params={"sort": "type", "limit": 2}).json()
    other = hand.get("/api/events", params={"sort": "-type", "cursor": first["next"]})
    assert other.status_code == 400 and "sort=type" in other.json()["message"]
    assert hand.get("/api/events", params={"sort": "type", "cursor": first["next"]}).status_code == 200


def crafted(*items: Any) -> str:
    return base64.urlsafe_b64encode(json.dumps(list(items)).encode()).decode().rstrip("=")


@pytest.mark.parametrize("cursor", [
    crafted("-confidence", "high", "ev001"), crafted("-confidence", 10 ** 30, "ev001"),
    crafted("-confidence", True, "ev001"), crafted("type", 5, "ev001"),
    crafted("-date", "yesterday", "ev001"), crafted("-date", None, 7), crafted("-date", "x"),
    base64.urlsafe_b64encode(b'["-confidence", NaN, "ev001"]').decode(),
    base64.urlsafe_b64encode(b'["-confidence", Infinity, "ev001"]').decode()])
def test_a_crafted_cursor_is_a_400(hand, cursor: str) -> None:
    sort = json.loads(base64.urlsafe_b64decode(cursor + "==="))[0]
    answer = hand.get("/api/events", params={"sort": sort if isinstance(sort, str) else "-date",
                                             "cursor": cursor})
    assert answer.status_code == 400 and answer.json()["parameter"] == "cursor"


def test_a_cursor_of_before_sorting_still_pages(hand) -> None:
    first = hand.get("/api/events", params={"limit": 5}).json()
    day = first["events"][-1]["date"][:10]
    old = crafted(day, first["events"][-1]["id"])  # [day, id]: the cursors given before sort=
    after = hand.get("/api/events", params={"limit": 5, "cursor": old}).json()
    assert after["events"] == hand.get("/api/events", params={
        "limit": 5, "cursor": first["next"]}).json()["events"]


# -- downloads ------------------------------------------------------------------------------------
@pytest.mark.parametrize("kind", ["csv", "jsonl"])
def test_a_download_larger_than_a_page_is_whole(hand, monkeypatch, kind: str) -> None:
    from communique.web import downloads, queries

    monkeypatch.setattr(downloads, "PAGE", 7)  # 40 events: six pages
    asked: list[int] = []
    real = queries.event_page

    def spy(*args: Any, **kwargs: Any) -> Any:
        asked.append(kwargs["size"])
        return real(*args, **kwargs)

    monkeypatch.setattr(queries, "event_page", spy)
    answer = hand.get(f"/download.{kind}")
    assert answer.status_code == 200 and "attachment" in answer.headers["content-disposition"]
    assert "content-length" not in answer.headers  # streamed
    lines = answer.text.splitlines()
    if kind == "csv":
        header, lines = lines[0], lines[1:]
        assert header.startswith("id,")
        ids = [line.split(",")[0] for line in lines]
    else:
        ids = [json.loads(line)["id"] for line in lines]
    assert sorted(ids) == [f"ev{n:03d}" for n in range(N_EVENTS)]  # every event, once
    assert asked == [7] * 6  # read a page at a time, never the whole selection
    dated = [e["id"] for e in all_pages(hand, {"sort": "date"}, limit=500)]
    assert ids == dated  # oldest first, undated last


def test_a_download_keeps_the_filter_and_the_sort(hand, monkeypatch) -> None:
    from communique.web import downloads

    monkeypatch.setattr(downloads, "PAGE", 4)
    lines = hand.get("/download.jsonl", params={"country": "NER", "sort": "-confidence"}).text.splitlines()
    expected = all_pages(hand, {"country": "NER", "sort": "-confidence"}, limit=500)
    assert [json.loads(line)["id"] for line in lines] == [e["id"] for e in expected]
    assert hand.get("/download.csv", params={"sort": "nope"}).status_code == 400
    page = hand.get("/events", params={"country": "NER", "sort": "-confidence"}).text
    assert 'href="/download.csv?country=NER&amp;sort=-confidence"' in page


# -- time -----------------------------------------------------------------------------------------
@pytest.mark.parametrize("unit", ["week", "month"])
def test_time_chart_per_week_or_month(hand, unit: str) -> None:
    from datetime import date, timedelta

    timeline = hand.get("/api/timeline", params={"unit": unit, "country": "NER"}).json()
    assert timeline["unit"] == unit
    total = hand.get("/api/counts", params={"country": "NER"}).json()["events"]
    assert sum(p["events"] for p in timeline["periods"]) + timeline["undated"] == total
    starts = [date.fromisoformat(p["start"]) for p in timeline["periods"]]
    for a, b in zip(starts, starts[1:]):  # every period, empty ones too
        assert b == (a + timedelta(days=7) if unit == "week" else
                     (a.replace(day=28) + timedelta(days=4)).replace(day=1))
    assert all(sum(p["by_quad"].values()) == p["events"] for p in timeline["periods"])
    twin = hand.get("/index.json", params={"unit": unit, "country": "NER"}).json()
    assert twin["timeline"]["periods"] == timeline["periods"]
    page = hand.get("/", params={"unit": unit, "country": "NER", "lang": "fr"}).text
    other = "month" if unit == "week" else "week"
    assert f'<strong aria-current="true" data-unit="{unit}">' in page
    assert f'href="/?country=NER&amp;unit={other}&amp;lang=fr" data-unit="{other}"' in page
    assert hand.get("/api/timeline", params={"unit": "day"}).status_code == 400


# -- map ------------------------------------------------------------------------------------------
@pytest.mark.parametrize("flt", [{}, {"country": "NER"}, {"type": "ASSAULT"}])
def test_api_map_gives_every_layer_and_the_unlocated(hand, flt: dict[str, str]) -> None:
    answer = hand.get("/api/map", params=flt).json()
    assert answer["events"] == hand.get("/api/counts", params=flt).json()["events"]
    assert sum(p["events"] for p in answer["points"]) + sum(answer["countries"].values()) + \
        answer["unlocated"] == answer["events"]
    if not flt:
        assert answer["unlocated"] > 0 and answer["countries"]  # the hand-built store has both
    page = hand.get("/map", params=flt).text
    assert f'<strong class="unlocated">{answer["unlocated"]}</strong> events without a place' in page


def cursor_values(sort: str) -> Any:
    from hypothesis import strategies as st

    column = sort.lstrip("-")
    if column == "confidence":
        return st.none() | st.floats(min_value=0, max_value=1)
    if column == "date":
        return st.none() | st.dates().map(lambda d: d.isoformat())
    return st.none() | st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=60)


def test_cursors_round_trip() -> None:
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from communique.web.params import decode_cursor, encode_cursor

    sorts = st.sampled_from([*SORTS, *("-" + s for s in SORTS)])

    @settings(max_examples=300, deadline=None)
    @given(data=st.data(), sort=sorts,
           event_id=st.text(st.characters(blacklist_categories=("Cc", "Cs")), min_size=1, max_size=80))
    def round_trip(data: Any, sort: str, event_id: str) -> None:
        value = data.draw(cursor_values(sort))
        assert decode_cursor(encode_cursor(sort, value, event_id), sort=sort) == (value, event_id)

    round_trip()
