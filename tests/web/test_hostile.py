"""The findings of a hostile test (issue 14), one test each: bad parameters are 400s naming the
parameter, never 500s; whole-period dates; known codes; LIKE wildcards; ids holding "/"; the
Host check; JSON 500s without internals and with the security headers."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import quote

import pytest

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

SUPERSCRIPT_TWO = "\u00b2"  # str.isdigit() says yes, int() says no


def bad(answer, parameter: str) -> None:
    assert answer.status_code == 400, (answer.status_code, answer.text)
    body = answer.json()
    assert body["error"] == "bad_parameter" and body["parameter"] == parameter, body


@pytest.mark.parametrize("path", ["/api/events", "/api/stories", "/api/people", "/api/search",
                                  "/events.json", "/stories.json", "/people.json", "/search.json"])
def test_limit_in_non_ascii_digits_is_400(client, path: str) -> None:
    bad(client.get(path, params={"limit": SUPERSCRIPT_TWO, "q": "visite"}), "limit")
    bad(client.get(path, params={"limit": "\u0663", "q": "visite"}), "limit")  # Arabic-Indic 3
    page = client.get(path.replace(".json", ""), params={"limit": SUPERSCRIPT_TWO, "q": "visite"})
    assert page.status_code == 400


@pytest.mark.parametrize("value", [SUPERSCRIPT_TWO, "999999999999999999999999999999", "-1", "0",
                                   "1e3", " 2 2"])
def test_min_mentions_is_a_bounded_ascii_number(client, value: str) -> None:
    bad(client.get("/api/stories", params={"min_mentions": value}), "min_mentions")
    assert client.get("/stories", params={"min_mentions": value}).status_code == 400


def test_until_a_year_or_a_month_includes_all_of_it(client) -> None:
    june = [e for e in client.get("/api/events", params={"limit": 500}).json()["events"]
            if (e["date"] or "").startswith("2025-06")]
    assert june  # the examples have June 2025 events
    for until in ("2025", "2025-06"):
        ids = {e["id"] for e in client.get("/api/events", params={"until": until, "limit": 500})
               .json()["events"]}
        assert {e["id"] for e in june} <= ids, until
    since = {e["id"] for e in client.get("/api/events", params={"since": "2025-06", "limit": 500})
             .json()["events"]}
    assert {e["id"] for e in june} <= since
    assert all(e["date"][:7] >= "2025-06" for e in client.get(
        "/api/events", params={"since": "2025-06", "limit": 500}).json()["events"])


@pytest.mark.parametrize("query", [{"since": "2016-13-45"}, {"until": "2016-99"},
                                   {"until": "2016-00-00"}, {"since": "2025-02-29"},
                                   {"until": "2025-0" + SUPERSCRIPT_TWO}])
def test_impossible_dates_are_400(client, query: dict) -> None:
    bad(client.get("/api/events", params=query), next(iter(query)))
    assert client.get("/events", params=query).status_code == 400


@pytest.mark.parametrize("query,parameter", [
    ({"country": "XXX"}, "country"), ({"dyad": "MAR,XXX"}, "dyad"), ({"dyad": "XXX,MAR"}, "dyad"),
    ({"mode": "levitate"}, "mode"), ({"context": "astrology"}, "context"),
    ({"sector": "ZZZ"}, "sector"), ({"type": "HUG"}, "type"),
])
def test_unknown_codes_are_400_naming_the_parameter(client, query: dict, parameter: str) -> None:
    answer = client.get("/api/events", params=query)
    bad(answer, parameter)
    assert "unknown" in answer.json()["message"] or "want" in answer.json()["message"]


def test_unknown_country_of_people_is_400(client) -> None:
    bad(client.get("/api/people", params={"of": "XXX"}), "of")


def test_known_code_without_events_is_an_empty_answer(client) -> None:
    answer = client.get("/api/events", params={"country": "FJI"})  # Fiji: known, not in the store
    assert answer.status_code == 200 and answer.json()["events"] == []


@pytest.mark.parametrize("name,lower", [("mode", "visit"), ("context", "military"),
                                        ("type", "consult"), ("country", "mrt"), ("sector", "mil")])
def test_codes_ignore_case(client, name: str, lower: str) -> None:
    def ids(value: str) -> list[str]:
        answer = client.get("/api/events", params={name: value, "limit": 500})
        assert answer.status_code == 200, answer.text
        return [e["id"] for e in answer.json()["events"]]

    assert ids(lower) == ids(lower.upper()) == ids(lower.capitalize())
    assert ids(lower)


@pytest.mark.parametrize("value", ["%", "_", "%%", "__"])
def test_person_wildcards_do_not_match_everyone(client, value: str) -> None:
    answer = client.get("/api/events", params={"person": value, "limit": 500})
    if answer.status_code == 400:
        assert answer.json()["parameter"] == "person"
    else:
        assert answer.status_code == 200 and answer.json()["events"] == []


def test_article_id_with_slash_opens_everywhere(client, awkward_id: str) -> None:
    encoded = quote(awkward_id, safe="")
    for path in (f"/api/articles/{encoded}", f"/articles/{encoded}.json"):
        answer = client.get(path)
        assert answer.status_code == 200, (path, answer.text)
        assert answer.json()["id"] == awkward_id
    page = client.get(f"/articles/{encoded}")
    assert page.status_code == 200 and "Senegalese" in page.text
    # The page's own links (JSON twin, language switch) reach the same article.
    for link in re.findall(r'href="(/articles/[^"]+)"', page.text):
        assert client.get(link.replace("&amp;", "&")).status_code == 200, link
    found = client.get("/search", params={"q": "Senegalese Bamako"}).text
    assert f'href="/articles/{encoded}"' in found


def test_event_page_links_encode_the_article_id(client, awkward_id: str) -> None:
    events = client.get("/api/articles/" + quote(awkward_id, safe="")).json()["events"]
    assert events
    page = client.get(f"/events/{events[0]['id']}").text
    assert f'href="/articles/{quote(awkward_id, safe="")}"' in page


@pytest.mark.parametrize("host", ["evil.example", "evil.example:8000", "localhost.evil.example",
                                  "127.0.0.2", ""])
def test_other_host_headers_are_400(client, host: str) -> None:
    answer = client.get("/api/events", headers={"host": host})
    assert answer.status_code == 400 and answer.json()["error"] == "bad_host"
    assert "default-src 'self'" in answer.headers["content-security-policy"]
    assert answer.headers["x-content-type-options"] == "nosniff"


@pytest.mark.parametrize("host", ["localhost", "localhost:8000", "127.0.0.1:8000", "[::1]:8000",
                                  "LOCALHOST"])
def test_local_host_headers_are_answered(client, host: str) -> None:
    assert client.get("/api/counts", headers={"host": host}).status_code == 200


def test_allowed_hosts_of_serve() -> None:
    from communique.web.commands import allowed_hosts

    assert allowed_hosts(None, host="127.0.0.1") == ["127.0.0.1", "localhost", "::1"]
    assert allowed_hosts(None, host="10.0.0.5") == ["10.0.0.5", "localhost", "127.0.0.1", "::1"]
    assert allowed_hosts("news.example, localhost", host="0.0.0.0") == ["news.example", "localhost"]


def test_any_host_when_asked(web_db: Path) -> None:
    from starlette.testclient import TestClient

    from communique.web import create_app

    with TestClient(create_app(web_db, allowed_hosts=["*"])) as anywhere:
        assert anywhere.get("/api/counts", headers={"host": "news.example"}).status_code == 200


def _failing_client(web_db: Path, monkeypatch: pytest.MonkeyPatch, error: Exception) -> object:
    from starlette.testclient import TestClient

    from communique.web import create_app, queries

    def fail(*args: object, **kwargs: object) -> None:
        raise error

    monkeypatch.setattr(queries, "counts", fail)
    return TestClient(create_app(web_db, cache_seconds=0), base_url="http://localhost")


@pytest.mark.parametrize("error", [
    RuntimeError("SELECT secret FROM /srv/communique/store.db"),
    ZeroDivisionError("division by zero"),
])
def test_unexpected_errors_are_json_500s_without_internals(web_db, monkeypatch, caplog,
                                                           error: Exception) -> None:
    with _failing_client(web_db, monkeypatch, error) as failing:
        for path in ("/api/counts", "/", "/index.json"):
            answer = failing.get(path)
            assert answer.status_code == 500
            assert answer.headers["content-type"] == "application/json"
            body = answer.json()
            assert body["error"] == "internal_error"
            assert "SELECT" not in answer.text and "/srv" not in answer.text
            assert "Traceback" not in answer.text and "division" not in answer.text
            assert "default-src 'self'" in answer.headers["content-security-policy"]
            assert answer.headers["x-content-type-options"] == "nosniff"
    assert "unexpected error" in caplog.text  # the log keeps what the client is not shown


def test_store_errors_are_json_500s_without_internals(web_db, monkeypatch) -> None:
    from communique.errors import StoreError

    error = StoreError("cannot read /srv/communique/store.db: SELECT * FROM events failed")
    with _failing_client(web_db, monkeypatch, error) as failing:
        answer = failing.get("/api/counts")
        assert answer.status_code == 500 and answer.json()["error"] == "store_error"
        assert "/srv" not in answer.text and "SELECT" not in answer.text
        assert answer.headers["x-content-type-options"] == "nosniff"


def test_the_api_documents_its_token_header() -> None:
    docs = (Path(__file__).resolve().parents[2] / "docs" / "web.md").read_text(encoding="utf-8")
    assert "X-Communique-Token" in docs and "COMMUNIQUE_TOKEN" in docs
    assert "--allowed-hosts" in docs
