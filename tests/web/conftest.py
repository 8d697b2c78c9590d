"""Web fixtures: a small store coded from examples/articles.jsonl plus one hostile article, one
whose id holds "/", "%", "?" and "#", and one whose actor the party model supplies."""

from __future__ import annotations

import json
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

# Starlette 1.x suggests httpx2 for its TestClient; httpx (pinned) still works.
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples" / "articles.jsonl"
# Untrusted text: markup in the title, the text and a javascript: URL must all come out inert.
HOSTILE = {
    "id": "web-hostile", "lang": "fr", "published": "2025-06-10",
    "title": "Visite <b>officielle</b> <script>alert('title')</script>",
    "url": "javascript:alert(1)",
    "text": ("Le ministre marocain des Affaires étrangères, Nasser Bourita, a reçu mardi à Rabat "
             "son homologue mauritanien <script>alert(1)</script> pour des entretiens sur la "
             "coopération sécuritaire. <img src=x onerror=alert(1)> Les deux ministres ont signé "
             "un accord de coopération militaire."),
}

# An id as a wire service may write it: "/" and the other characters a URL gives meaning to.
# (Not "%2F" itself: Starlette's TestClient decodes the path twice, a real server once.)
AWKWARD_ID = "wire/2025/06 100% sûr?x#y"
AWKWARD = {
    "id": AWKWARD_ID, "lang": "en", "published": "2025-06-12", "title": "Ministers meet",
    "text": ("The Senegalese foreign minister visited Bamako on Thursday, where he met the Malian "
             "president to discuss border security."),
}

# A party the clause leaves unnamed and the party model supplies ("implied actor"): the pages
# flag such a guess (the bundled examples name all their parties).
GUESSED = {
    "id": "web-guessed", "lang": "en", "published": "2025-06-12", "title": "",
    "text": "Chad expelled two French diplomats on Monday. On Tuesday, Paris was accused of interference.",
}


def build_store(folder: Path, coder: object) -> Path:
    from communique.store import open_store
    from communique.store.ingest import ingest

    hostile = folder / "hostile.jsonl"
    hostile.write_text("".join(json.dumps(record, ensure_ascii=False) + "\n"
                               for record in (HOSTILE, AWKWARD, GUESSED)), encoding="utf-8")
    db = folder / "web.db"
    with open_store(db) as store:
        ingest([str(EXAMPLES), str(hostile)], store=store, coder=coder, vectors=False)
    return db


@pytest.fixture(scope="session")
def awkward_id() -> str:
    return AWKWARD_ID


@pytest.fixture(scope="module")
def web_db(tmp_path_factory: pytest.TempPathFactory, coder: object) -> Path:
    return build_store(tmp_path_factory.mktemp("web"), coder)


@pytest.fixture(scope="module")
def client(web_db: Path) -> Iterator[object]:
    from communique.web import create_app

    # localhost: the app answers only the Host names it is allowed (TestClient says "testserver").
    with TestClient(create_app(web_db), base_url="http://localhost") as test_client:
        yield test_client
