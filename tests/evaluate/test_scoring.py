"""The scorer on tiny hand-written gold and prediction files: dates within a day, month
precision, directed and swapped parties, background events, articles with no event; and the
same figures from the reference scorer (../shared/eval/score.py) on the same files."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from typing import Any

import pytest

from communique.evaluate.scoring import dates_agree, score


def _ev(kind: str, actor: str, recipient: str | None, *, date: str | None = None,
        gold: bool = True, **extra: Any) -> dict[str, Any]:
    if gold:
        return {"type": kind, "actor": {"country": actor, "sector": "GOV"},
                "recipient": {"country": recipient, "sector": "GOV"} if recipient else None,
                "date": date, **extra}
    return {"event": kind, "actor": [{"code": actor, "sector": "GOV"}],
            "recipient": [{"code": recipient, "sector": "GOV"}] if recipient else [],
            "date": date, "confidence": 0.9, **extra}


# One article per case; the comment says what the scorer must make of it.
GOLD = [
    {"id": "directed", "events": [_ev("CONSULT", "MAR", "MRT", date="2025-06-05", mode="visit")]},
    {"id": "swapped", "events": [_ev("ACCUSE", "DZA", "MAR", date="2025-06")]},
    {"id": "day-late", "events": [_ev("AGREE", "SEN", "MLI", date="2025-06-05")]},
    {"id": "two-days", "events": [_ev("AGREE", "SEN", "MLI", date="2025-06-05")]},
    {"id": "month", "events": [_ev("SANCTION", "FRA", "MLI", date="2025-06")]},
    {"id": "wrong-type", "events": [_ev("THREATEN", "TUN", "LBY")]},
    {"id": "negative", "events": []},
    {"id": "quiet", "events": []},
    {"id": "background", "events": [_ev("CONSULT", "ESP", "MAR"),
                                    _ev("ASSAULT", "MLI", None, background=True)]},
    {"id": "missed", "events": [_ev("AID", "FRA", "NER")]},
]
PRED = [
    {"id": "directed", "events": [_ev("CONSULT", "MAR", "MRT", date="2025-06-05", gold=False, mode="visit")]},
    {"id": "swapped", "events": [_ev("ACCUSE", "MAR", "DZA", date="2025-06-20", gold=False)]},
    {"id": "day-late", "events": [_ev("AGREE", "SEN", "MLI", date="2025-06-06", gold=False)]},
    {"id": "two-days", "events": [_ev("AGREE", "SEN", "MLI", date="2025-06-07", gold=False)]},
    {"id": "month", "events": [_ev("SANCTION", "FRA", "MLI", date="2025-07-01", gold=False)]},
    {"id": "wrong-type", "events": [_ev("ACCUSE", "TUN", "LBY", gold=False)]},
    {"id": "negative", "events": [_ev("ASSAULT", "NGA", None, gold=False)]},
    {"id": "quiet", "events": []},
    {"id": "background", "events": [_ev("CONSULT", "ESP", "MAR", gold=False),
                                    _ev("ASSAULT", "MLI", None, gold=False)]},
]


def _files(tmp_path: Path) -> tuple[Path, Path]:
    gold, pred = tmp_path / "gold.jsonl", tmp_path / "pred.jsonl"
    gold.write_text("".join(json.dumps(r) + "\n" for r in GOLD), encoding="utf-8")
    pred.write_text("".join(json.dumps(r) + "\n" for r in PRED), encoding="utf-8")
    return gold, pred


def _load(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


@pytest.mark.parametrize("gold,pred,agree", [
    ("2025-06-05", "2025-06-05", True), ("2025-06-05", "2025-06-04", True),
    ("2025-06-05", "2025-06-06", True), ("2025-06-05", "2025-06-07", False),
    ("2025-06-30", "2025-07-01", True),  # a day apart across a month's end
    ("2025-06", "2025-06-28", True), ("2025-06", "2025-07-01", False),
    ("2025", "2025-12-31", True), ("2025-06-05", None, False), ("not a date", "2025-06-05", False),
])
def test_dates_agree_within_a_day_or_at_the_gold_precision(gold, pred, agree) -> None:
    assert dates_agree(gold, pred) is agree


def test_the_tiny_set_scores_as_counted_by_hand(tmp_path: Path) -> None:
    gold, pred = _files(tmp_path)
    result = score(_load(gold), _load(pred)).to_dict()
    # tp: directed, swapped, day-late, two-days, month, background's CONSULT (6);
    # fp: wrong-type's ACCUSE, negative's ASSAULT (the background ASSAULT is excused) (2);
    # fn: wrong-type's THREATEN, missed (2).
    assert {k: result["event"][k] for k in ("tp", "fp", "fn")} == {"tp": 6, "fp": 2, "fn": 2}
    assert result["event"]["precision"] == 0.75 and result["event"]["recall"] == 0.75
    # the swapped parties match, but not as a directed match
    assert {k: result["event_directed"][k] for k in ("tp", "fp", "fn")} == {"tp": 5, "fp": 3, "fn": 3}
    # dates on the 6 matches: exact, month 2025-06 vs 06-20, a day late: yes; two days, next month: no
    assert result["on_matched_counts"]["date"] == 5 and result["on_matched"]["date"] == 0.6
    assert result["on_matched"]["mode"] == 1.0
    assert result["false_events_on_negative_articles"] == 1 and result["articles"] == 10
    assert result["per_type"]["ACCUSE"] == {"precision": 0.5, "recall": 1.0, "f1": 0.6667,
                                            "tp": 1, "fp": 1, "fn": 0}
    assert result["per_type"]["THREATEN"]["fn"] == 1 and result["per_type"]["AID"]["fn"] == 1


def test_background_events_count_with_all(tmp_path: Path) -> None:
    gold, pred = _files(tmp_path)
    result = score(_load(gold), _load(pred), count_background=True).to_dict()
    assert {k: result["event"][k] for k in ("tp", "fp", "fn")} == {"tp": 7, "fp": 2, "fn": 2}


def test_the_reference_scorer_agrees_on_the_tiny_set(shared: Path, tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("shared_score", shared / "eval" / "score.py")
    reference = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(reference)
    gold, pred = _files(tmp_path)
    for background in (False, True):
        theirs = reference.score(reference._load(str(gold)), reference._load(str(pred)),
                                 count_background=background)
        ours = score(_load(gold), _load(pred), count_background=background).to_dict()
        for key in ("event", "event_directed", "per_type", "on_matched", "on_matched_counts",
                    "false_events_on_negative_articles", "articles"):
            assert ours[key] == theirs[key], key
