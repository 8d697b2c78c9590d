"""Issue 15, the analyst's dashboard: the package's import order, the confidence and place
filters, trust flags, the map, time charts, dyads both ways, the glossary and the catalogue."""

from __future__ import annotations

import ast
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
