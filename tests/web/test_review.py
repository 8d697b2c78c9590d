"""Review through the API: only with --allow-review and the token; the counts, lists and
pages show the reviews at once; the history, the precision and the gold export read them.

The store is written by hand (tests/store/test_store_reviews.py's article): no language model."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

with warnings.catch_warnings():  # Starlette 1.x suggests httpx2; httpx still works
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests" / "store"))
from test_store_reviews import TEXT, _coded, _put, _span  # noqa: E402

AUTH = {"x-communique-token": "s3cret"}
WRITES = [
    {"action": "confirm", "event_id": "ev-visit"},
    {"action": "reject", "event_id": "ev-weather", "reason": "not_an_event"},
    {"action": "correct", "event_id": "ev-expel", "changes": {"recipient": {"code": "DZA", "sector": "GOV"}}},
    {"action": "clear", "event_id": "ev-visit"},
    {"action": "add", "article_id": "a1", "changes": {"event": "AID", "evidence": {"text": "Il faisait beau.", "start": 0}}},
]


def _db(folder: Path, location: str | None = None) -> str:
    from communique.store import open_store

    db = location or str(folder / "review.db")
    with open_store(db) as store:
        _put(store, _coded())
    return db


@pytest.fixture
def review_client(tmp_path: Path) -> Iterator[TestClient]:
    from communique.web import create_app

    app = create_app(_db(tmp_path), allow_review=True, token="s3cret")
    with TestClient(app, base_url="http://localhost") as client:
        yield client


@pytest.fixture(params=("sqlite", "postgresql"))
def any_client(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[TestClient]:
    """A review server on either backend (PostgreSQL as tests/store runs it)."""
    from communique.web import create_app
    from store_backends import drop_pg_database, pg_database

    location = pg_database() if request.param == "postgresql" else None
    app = create_app(_db(tmp_path, location), allow_review=True, token="s3cret")
    try:
        with TestClient(app, base_url="http://localhost") as client:
            yield client
    finally:
        if location:
            drop_pg_database(location)


@pytest.fixture
def read_only_client(tmp_path: Path) -> Iterator[TestClient]:
    from communique.web import create_app

    with TestClient(create_app(_db(tmp_path)), base_url="http://localhost") as client:
        yield client


@pytest.mark.parametrize("body", WRITES, ids=[w["action"] for w in WRITES])
def test_a_read_only_server_refuses_every_review(read_only_client, body) -> None:
    answer = read_only_client.post("/api/reviews", json={**body, "reviewer": "Awa"}, headers=AUTH)
    assert answer.status_code == 405 and answer.json()["error"] == "refused"
    for method in ("put", "delete", "patch"):
        assert getattr(read_only_client, method)("/api/reviews").status_code == 405
    assert read_only_client.get("/api/reviews").json()["count"] == 0  # nothing was written
    assert len(read_only_client.get("/api/events").json()["events"]) == 3
    page = read_only_client.get("/events/ev-visit").text
    assert "--allow-review" in page and 'data-action="confirm"' not in page


@pytest.mark.parametrize("body", WRITES, ids=[w["action"] for w in WRITES])
def test_every_review_needs_the_token(review_client, body) -> None:
    body = {**body, "reviewer": "Awa"}
    assert review_client.post("/api/reviews", json=body).status_code == 403
    assert review_client.post("/api/reviews", json=body, headers={"x-communique-token": "nope"}).status_code == 403
    # Not a cookie, not a form field: a page of another site cannot send the header.
    review_client.cookies.set("token", "s3cret")
    assert review_client.post("/api/reviews", json=body).status_code == 403
    review_client.cookies.clear()
    assert review_client.post("/api/reviews", data={**body, "token": "s3cret"}).status_code == 403
    assert review_client.get("/api/reviews").json()["count"] == 0


def test_reviews_change_the_lists_and_counts_at_once(any_client) -> None:
    c = any_client
    before = c.get("/api/counts").json()  # cached for 10 s: a review must clear it
    assert before["by_type"] == {"CONSULT": 1, "SANCTION": 1, "ASSAULT": 1}
    post = lambda body: c.post("/api/reviews", json={**body, "reviewer": "Awa"}, headers=AUTH)  # noqa: E731
    assert post({"action": "confirm", "event_id": "ev-visit"}).status_code == 201
    rejected = post({"action": "reject", "event_id": "ev-weather", "reason": "not_an_event"})
    assert rejected.status_code == 201 and rejected.json()["event"] is None
    corrected = post({"action": "correct", "event_id": "ev-expel",
                      "changes": {"recipient": {"code": "DZA", "sector": "GOV"}}}).json()
    assert corrected["event"]["recipient"][0]["code"] == "DZA"
    evidence = _span("Le Niger a envoyé des médecins au Tchad.").to_dict()
    added = post({"action": "add", "article_id": "a1", "changes": {
        "event": "AID", "evidence": evidence, "trigger": {"text": "a envoyé", "start": TEXT.index("a envoyé")},
        "actor": {"code": "NER", "sector": "GOV"}, "recipient": {"code": "TCD", "sector": "GOV"}}})
    assert added.status_code == 201, added.text
    added_id = added.json()["review"]["event_id"]
    after = c.get("/api/counts").json()
    assert after["by_type"] == {"CONSULT": 1, "SANCTION": 1, "AID": 1}
    listed = {e["id"]: e for e in c.get("/api/events").json()["events"]}
    assert set(listed) == {"ev-visit", "ev-expel", added_id}
    assert listed["ev-visit"]["review"] == "confirmed" and listed[added_id]["review"] == "added"
    assert listed["ev-expel"]["recipient"][0]["code"] == "DZA"
    assert c.get("/api/dyads", params={"dyad": "MLI,DZA"}).json()["count"] == 1
    # The pages: the event list's badges, the rejected event's page, the article, /review.
    page = c.get("/events").text
    assert 'class="badge confirmed"' in page and 'class="badge added"' in page
    rejected_page = c.get("/events/ev-weather").text
    assert 'class="badge rejected"' in rejected_page and "not an event" in rejected_page
    assert "review-add" in c.get("/articles/a1").text
    figures = c.get("/review.json").json()
    assert figures["by_type"]["ASSAULT"]["precision"] == 0
    assert figures["by_type"]["SANCTION"]["corrected"] == 1 and figures["total"]["reviewed"] == 3
    assert 'data-type="ASSAULT"' in c.get("/review").text
    # Undo: the machine's event is back, in the counts too.
    assert post({"action": "clear", "event_id": "ev-weather"}).json()["review"] is None
    assert c.get("/api/counts").json()["by_type"]["ASSAULT"] == 1


def test_history_precision_and_gold_downloads(any_client) -> None:
    c = any_client
    for body in ({"action": "confirm", "event_id": "ev-visit"},
                 {"action": "reject", "event_id": "ev-weather", "reason": "generic"},
                 {"action": "correct", "event_id": "ev-expel", "changes": {"event": "ACCUSE", "mode": "disapprove"}}):
        assert c.post("/api/reviews", json={**body, "reviewer": "Ben"}, headers=AUTH).status_code == 201
    lines = [json.loads(line) for line in c.get("/api/reviews/history.jsonl").text.splitlines()]
    assert [r["action"] for r in lines] == ["confirm", "reject", "correct"]
    assert lines[2]["machine"]["event"] == "SANCTION" and lines[2]["changes"]["event"] == "ACCUSE"
    rows = list(csv.DictReader(io.StringIO(c.get("/api/reviews/history.csv").text)))
    assert [r["reviewer"] for r in rows] == ["Ben"] * 3 and rows[1]["reason"] == "generic"
    assert c.get("/api/reviews/precision").json()["by_type"]["SANCTION"]["retyped"] == 1
    gold = c.get("/api/reviews/gold.jsonl").text
    row = json.loads(gold)
    assert [e["type"] for e in row["events"]] == ["CONSULT", "ACCUSE"]
    assert row["events"][1]["trigger"] == "a expulsé" and row["text"] == TEXT
    listed = c.get("/api/reviews", params={"verdict": "rejected"}).json()
    assert listed["count"] == 1 and listed["counts"]["confirmed"] == 1
    assert c.get("/api/reviews", params={"verdict": "maybe"}).status_code == 400
    spec = c.get("/api/openapi.json").json()["paths"]
    assert {"/api/reviews", "/api/reviews/history.csv", "/api/reviews/gold.jsonl"} <= set(spec)
    assert "post" in spec["/api/reviews"] and "403" in spec["/api/reviews"]["post"]["responses"]


def test_bad_reviews_are_json_errors(review_client) -> None:
    c = review_client
    post = lambda body: c.post("/api/reviews", json=body, headers=AUTH)  # noqa: E731
    assert post({"action": "confirm", "event_id": "ev-visit"}).json()["parameter"] == "reviewer"
    assert post({"action": "reject", "event_id": "ev-visit", "reviewer": "A", "reason": "meh"}).status_code == 400
    assert post({"action": "burn", "event_id": "ev-visit", "reviewer": "A"}).status_code == 400
    missing = post({"action": "confirm", "event_id": "nope", "reviewer": "A"})
    assert missing.status_code == 404 and missing.json()["error"] == "not_found"
    assert post({"action": "add", "article_id": "nope", "reviewer": "A", "changes": {
        "event": "AID", "evidence": {"text": "x", "start": 0}}}).status_code == 404
    for party in ({"code": 5}, {"sector": ["GOV"]}, "MRT", {"code": "MRTA"}):
        answer = post({"action": "correct", "event_id": "ev-visit", "reviewer": "A",
                       "changes": {"actor": party}})
        assert answer.status_code == 400 and answer.json()["parameter"] == "actor", party
    bad = c.post("/api/reviews", content=b"{not json", headers=AUTH)
    assert bad.status_code == 400 and bad.headers["content-type"].startswith("application/json")


def test_next_unreviewed_goes_through_a_filtered_list(review_client) -> None:
    c = review_client
    first = c.get("/review/next", params={"type": "SANCTION"}, follow_redirects=False)
    assert first.status_code == 303 and first.headers["location"] == "/events/ev-expel?type=SANCTION"
    c.post("/api/reviews", json={"action": "confirm", "event_id": "ev-expel", "reviewer": "A"}, headers=AUTH)
    done = c.get("/review/next", params={"type": "SANCTION", "after": "ev-expel"}, follow_redirects=False)
    assert done.headers["location"].startswith("/review?") and "done=1" in done.headers["location"]
    assert c.get("/api/reviews/next").json()["event_id"] in ("ev-visit", "ev-weather")


def test_the_gold_export_is_read_by_the_scorer(review_client, tmp_path: Path, shared: Path) -> None:
    c = review_client
    for body in ({"action": "confirm", "event_id": "ev-visit"},
                 {"action": "reject", "event_id": "ev-weather", "reason": "not_an_event"},
                 {"action": "correct", "event_id": "ev-expel", "changes": {"recipient": {"code": "DZA", "sector": "GOV"}}}):
        c.post("/api/reviews", json={**body, "reviewer": "Awa"}, headers=AUTH)
    gold = tmp_path / "my-gold.jsonl"
    gold.write_text(c.get("/api/reviews/gold.jsonl").text, encoding="utf-8")
    # The machine's own output as the predictions: right on the visit, wrong on the expulsion.
    predictions = tmp_path / "predictions.jsonl"
    predictions.write_text(json.dumps(_coded().to_dict(), ensure_ascii=False) + "\n", encoding="utf-8")
    done = subprocess.run([sys.executable, str(shared / "eval" / "score.py"), str(gold), str(predictions),
                           "--json"], capture_output=True, text=True, check=True)
    event = json.loads(done.stdout)["event"]
    assert (event["tp"], event["fp"], event["fn"]) == (1, 2, 1)


JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=20),
                    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
                    max_leaves=12)
FIELDS = st.fixed_dictionaries({}, optional={
    "action": st.sampled_from(["confirm", "reject", "correct", "clear", "add", "x"]) | JSON,
    "event_id": st.sampled_from(["ev-visit", "ev-expel", "ev-weather", "nope", ""]) | JSON,
    "article_id": st.sampled_from(["a1", "nope"]) | JSON,
    "reviewer": st.sampled_from(["Awa", ""]) | JSON, "reason": st.sampled_from(["duplicate"]) | JSON,
    "changes": st.fixed_dictionaries({}, optional={
        "event": st.sampled_from(["AID", "ACCUSE"]) | JSON, "mode": JSON, "date": JSON, "context": JSON,
        **{k: st.fixed_dictionaries({}, optional={f: JSON for f in ("code", "sector", "name")}) | JSON
           for k in ("actor", "recipient")},
        "place": st.fixed_dictionaries({}, optional={f: JSON for f in ("name", "country_code")}) | JSON,
        **{k: st.fixed_dictionaries({}, optional={"text": st.sampled_from(["a reçu", "beau"]) | JSON,
                                                  "start": JSON, "end": JSON}) | JSON
           for k in ("trigger", "evidence")}}) | JSON})


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=FIELDS | JSON)
def test_no_review_body_makes_a_500(review_client, body) -> None:
    answer = review_client.post("/api/reviews", json=body, headers=AUTH)
    assert answer.status_code in (201, 400, 404), (body, answer.text[:300])
    assert answer.headers["content-type"].startswith("application/json")


def test_french_review_pages_have_no_english_interface_text(review_client) -> None:
    import re

    from test_dashboard import english_only

    c = review_client
    for body in ({"action": "confirm", "event_id": "ev-visit"},
                 {"action": "reject", "event_id": "ev-weather", "reason": "too_old"},
                 {"action": "correct", "event_id": "ev-expel", "changes": {"date": "2025-06-01"}}):
        c.post("/api/reviews", json={**body, "reviewer": "Awa"}, headers=AUTH)
    for path in ("/review", "/events/ev-visit", "/events/ev-weather", "/events/ev-expel",
                 "/articles/a1", "/events"):
        text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", c.get(path + "?lang=fr").text))
        assert [v for v in english_only() if v in text] == [], path


def test_a_review_needing_a_look_is_shown_and_dismissed(review_client, tmp_path: Path) -> None:
    from communique.store import open_store

    c = review_client
    c.post("/api/reviews", json={"action": "confirm", "event_id": "ev-visit", "reviewer": "Awa"}, headers=AUTH)
    recoded = _coded(version_tag="-2")
    recoded.events[0].event = "AGREE"  # a newer coder: the visit is gone
    with open_store(tmp_path / "review.db") as store:
        _put(store, recoded, version="v2")
    (orphan,) = c.get("/api/reviews", params={"needs_look": "true"}).json()["reviews"]
    assert f'data-review="{orphan["id"]}"' in c.get("/articles/a1").text
    assert orphan["id"] in c.get("/review").text or "a1" in c.get("/review").text
    body = {"action": "clear", "review_id": orphan["id"], "reviewer": "Ben"}
    assert c.post("/api/reviews", json=body).status_code == 403
    assert c.post("/api/reviews", json=body, headers=AUTH).status_code == 201
    assert c.get("/api/reviews").json()["count"] == 0
