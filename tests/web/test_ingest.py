"""Ingest from the browser: only with --allow-ingest, only with the token."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")
TEXT = ("Le président sénégalais a reçu lundi à Dakar le ministre malien des Affaires "
        "étrangères pour des entretiens sur la sécurité régionale.")


@pytest.fixture(scope="module")
def open_client(tmp_path_factory: pytest.TempPathFactory, coder: object) -> Iterator[object]:
    import warnings

    with warnings.catch_warnings():  # Starlette 1.x suggests httpx2; httpx still works
        warnings.simplefilter("ignore")
        from starlette.testclient import TestClient

    from communique.web import create_app

    db = tmp_path_factory.mktemp("ingest") / "ingest.db"
    app = create_app(Path(db), allow_ingest=True, token="s3cret", coder_factory=lambda: coder)
    with TestClient(app, base_url="http://localhost") as test_client:
        yield test_client


def test_token_is_required(open_client) -> None:
    assert open_client.post("/api/ingest", json={"text": TEXT}).status_code == 403
    wrong = open_client.post("/api/ingest", json={"text": TEXT},
                             headers={"authorization": "Bearer nope"})
    assert wrong.status_code == 403
    assert open_client.post("/ingest", data={"text": TEXT, "token": "nope"}).status_code == 403


def test_api_ingest_codes_and_stores(open_client) -> None:
    auth = {"authorization": "Bearer s3cret"}
    answer = open_client.post("/api/ingest", json={"text": TEXT, "published": "2025-06-02",
                                                   "lang": "fr"}, headers=auth)
    assert answer.status_code == 201, answer.text
    result = answer.json()
    assert result["events"] and result["counts"]["stored"] == 1
    again = open_client.post("/api/ingest", json={"text": TEXT, "published": "2025-06-02",
                                                  "lang": "fr"}, headers=auth).json()
    assert again["counts"]["unchanged"] == 1  # the store's idempotence, through the web
    ev = open_client.get(f"/api/events/{result['events'][0]}").json()
    assert ev["article_id"] == result["article_id"]


def test_ingest_refreshes_cached_aggregates(open_client) -> None:
    auth = {"authorization": "Bearer s3cret"}
    before = open_client.get("/api/counts").json()  # now cached for 10 s
    text = ("Le président nigérien a reçu jeudi à Niamey le ministre tchadien de la Défense "
            "pour des entretiens sur la surveillance de la frontière.")
    answer = open_client.post("/api/ingest", json={"text": text, "published": "2025-06-06",
                                                   "lang": "fr"}, headers=auth)
    assert answer.status_code == 201, answer.text
    after = open_client.get("/api/counts").json()
    assert after["articles"] == before["articles"] + 1
    assert after["events"] == before["events"] + len(answer.json()["events"])


def test_api_ingest_bad_bodies(open_client) -> None:
    auth = {"authorization": "Bearer s3cret"}
    assert open_client.post("/api/ingest", content=b"not json", headers=auth).status_code == 400
    assert open_client.post("/api/ingest", json={"title": "no text"}, headers=auth).status_code == 400
    assert open_client.post("/api/ingest", json={"text": TEXT, "published": "mardi"},
                            headers=auth).status_code == 400


def test_form_ingest_redirects_to_the_event(open_client) -> None:
    answer = open_client.post("/ingest", data={"token": "s3cret", "text": TEXT + " Fin.",
                                               "title": "", "published": "", "lang": "fr"},
                              follow_redirects=False)
    assert answer.status_code == 303
    assert answer.headers["location"].startswith(("/events/", "/articles/"))
    assert open_client.get(answer.headers["location"]).status_code == 200


def test_ingest_page_shows_the_form(open_client) -> None:
    page = open_client.get("/ingest").text
    assert 'name="token"' in page and 'method="post"' in page
