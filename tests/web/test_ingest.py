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


AUTH = {"authorization": "Bearer s3cret"}


def test_nothing_new_is_200_unchanged(open_client) -> None:
    text = TEXT + " Deux fois."
    first = open_client.post("/api/ingest", json={"text": text, "lang": "fr"}, headers=AUTH)
    assert first.status_code == 201 and first.json()["status"] == "stored"
    again = open_client.post("/api/ingest", json={"text": text, "lang": "fr"}, headers=AUTH)
    assert again.status_code == 200, again.text
    assert again.json()["status"] == "unchanged" and again.json()["counts"]["stored"] == 0
    assert again.json()["article_id"] == first.json()["article_id"]


def test_the_token_header_works(open_client) -> None:
    answer = open_client.post("/api/ingest", json={"text": TEXT + " Par l'en-tête."},
                              headers={"x-communique-token": "s3cret"})
    assert answer.status_code == 201, answer.text
    refused = open_client.post("/api/ingest", json={"text": TEXT},
                               headers={"x-communique-token": "nope"})
    assert refused.status_code == 403


def test_a_pasted_article_names_no_server_path(open_client) -> None:
    answer = open_client.post("/api/ingest", json={"text": TEXT + " Source."}, headers=AUTH).json()
    article = open_client.get(f"/api/articles/{answer['article_id']}").json()
    assert article["source"] == "web"


@pytest.mark.parametrize("published", ["2025-13-45", "2025-02-30", "2025-06", "2025-06-05x",
                                       "２０２５-06-05", 20250605, ["2025-06-05"]])
def test_published_must_be_a_calendar_date(open_client, published: object) -> None:
    answer = open_client.post("/api/ingest", json={"text": TEXT + " Date.", "published": published},
                              headers=AUTH)
    assert answer.status_code == 400, answer.text
    assert answer.json()["parameter"] == "published"


def test_a_corrected_date_is_applied_on_reingest(open_client) -> None:
    text = ("Le ministre tunisien a reçu mardi à Tunis son homologue algérien pour des entretiens "
            "sur la coopération économique.")
    first = open_client.post("/api/ingest", json={"text": text, "published": "2024-06-04"},
                             headers=AUTH)
    assert first.status_code == 201, first.text
    fixed = open_client.post("/api/ingest", json={"text": text, "published": "2025-06-03"},
                             headers=AUTH)
    assert fixed.status_code == 201 and fixed.json()["status"] == "stored", fixed.text
    article = open_client.get(f"/api/articles/{fixed.json()['article_id']}").json()
    assert article["published"] == "2025-06-03"
    assert all((e["date"] or "2025")[:4] == "2025" for e in article["events"])


@pytest.mark.parametrize("text", ["NUL \x00 inside", "lone \ud800 surrogate"])
def test_unstorable_text_is_400(open_client, text: str) -> None:
    import json

    body = json.dumps({"text": text}).encode()  # "\ud800" travels escaped, as JSON allows
    answer = open_client.post("/api/ingest", content=body, headers={**AUTH, "content-type":
                                                                   "application/json"})
    assert answer.status_code == 400 and answer.json()["parameter"] == "text"


def test_deeply_nested_body_is_400(open_client) -> None:
    answer = open_client.post("/api/ingest", content=b"[" * 100_000, headers=AUTH)
    assert answer.status_code == 400 and answer.json()["parameter"] == "body"


def test_an_article_that_cannot_be_stored_is_a_rejection(tmp_path: Path, coder) -> None:
    """Its coding cannot be written (two events with one id): JSON, no SQL, no server path."""
    import warnings
    from dataclasses import replace

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from starlette.testclient import TestClient

    from communique.web import create_app

    class Clashing:
        settings = coder.settings

        def code_article(self, article):
            coded = coder.code_article(article)
            assert coded.events
            clash = [replace(coded.events[0], id="same"), replace(coded.events[0], id="same")]
            return replace(coded, events=clash)

        def code_items(self, items):  # the interface communique.store.ingest uses
            return (self.code_article(item) for item in items)

    db = tmp_path / "clash.db"
    app = create_app(db, allow_ingest=True, token="s3cret", coder_factory=Clashing)
    with TestClient(app, base_url="http://localhost") as clashing:
        answer = clashing.post("/api/ingest", json={"text": TEXT}, headers=AUTH)
    assert answer.status_code == 201, answer.text
    body = answer.json()
    assert body["status"] == "rejected" and body["events"] == []
    assert body["rejected"]["stage"] == "store" and body["article_id"] in body["rejected"]["reason"]
    for secret in ("INSERT", "SELECT", str(tmp_path), "clash.db", "Traceback"):
        assert secret not in answer.text


def test_serve_takes_the_token_from_the_environment(monkeypatch, tmp_path: Path, capsys) -> None:
    import uvicorn

    from communique.cli import main

    started = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kwargs: started.update(app=app, **kwargs))
    monkeypatch.setenv("COMMUNIQUE_TOKEN", "from-the-env")
    assert main(["serve", "--db", str(tmp_path / "s.db"), "--allow-ingest"]) == 0
    assert started["app"].state.settings.token == "from-the-env"
    assert "from-the-env" not in capsys.readouterr().err  # not printed: the user chose it
    assert main(["serve", "--db", str(tmp_path / "s.db"), "--allow-ingest", "--token", "opt"]) == 0
    assert started["app"].state.settings.token == "opt"


def test_a_text_stored_under_another_id_is_200_duplicate(tmp_path: Path, coder) -> None:
    import json
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from starlette.testclient import TestClient

    from communique.store import open_store
    from communique.store.ingest import ingest
    from communique.web import create_app

    db = tmp_path / "dup.db"
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(json.dumps({"id": "paper-1", "text": TEXT, "lang": "fr"}) + "\n",
                      encoding="utf-8")
    with open_store(db) as store:
        ingest([str(corpus)], store=store, coder=coder, link=False, vectors=False)
    app = create_app(db, allow_ingest=True, token="s3cret", coder_factory=lambda: coder)
    with TestClient(app, base_url="http://localhost") as web:
        answer = web.post("/api/ingest", json={"text": TEXT}, headers=AUTH)
    assert answer.status_code == 200 and answer.json()["status"] == "duplicate", answer.text
