"""Accuracy gate: event F1 on the development and check gold sets, scored with the shared
scorer, must not fall below the floors pinned in floors.json (raise them when accuracy improves;
never lower), and no main attribute (location name, date, actor sector) may fall more than
``ATTRIBUTE_SLACK`` on the gold events the pinned run matched and this run matches too
(attribute_pins.json: each matched gold event's outcome; ``python scripts/pin_accuracy.py``
rewrites it and raises the floors). Events matched for the first time are a recall gain, not an
attribute regression. The check set is scored here and its figures printed; nobody reads its
texts or its errors (see ../shared/eval/check/README.md). The team's held-out reports
(``heldout/``, in the repository: ``"in_repo": true``) are scored the same way; the models never
learn from them."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from communique.evaluate.scoring import score
from communique.export.writers import jsonl_line
from communique.ingest import read_inputs

ROOT = Path(__file__).resolve().parents[2]
FLOORS = json.loads((Path(__file__).parent / "floors.json").read_text(encoding="utf-8"))
PINS = json.loads((Path(__file__).parent / "attribute_pins.json").read_text(encoding="utf-8"))
ATTRIBUTE_SLACK = 0.05


def _shared_scorer(shared: Path):
    spec = importlib.util.spec_from_file_location("shared_score", shared / "eval" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_event_f1_holds_its_floor(shared, coder, tmp_path, name) -> None:
    floor = FLOORS[name]
    folder, _, set_name = name.rpartition("/")
    # the team's held-out reports live in the repository (heldout/README.md), the rest in ../shared
    gold_dir = ROOT / folder if floor.get("in_repo") else shared / "eval" / folder
    coded = list(coder.code_items(read_inputs([str(gold_dir / f"{set_name}.articles.jsonl")])))
    pred = tmp_path / f"{set_name}.pred.jsonl"
    pred.write_text("".join(jsonl_line(c) + "\n" for c in coded), encoding="utf-8")
    scorer = _shared_scorer(shared)
    gold_rows = scorer._load(str(gold_dir / f"{set_name}.gold.jsonl"))
    result = scorer.score(gold_rows, scorer._load(str(pred)))
    f1 = result["event"]["f1"]
    print(f"{name}: event F1 {f1:.4f} (floor {floor['event_f1']}); false events on no-event articles "
          f"{result['false_events_on_negative_articles']} (cap {floor['max_false_events_on_negatives']})")
    assert f1 >= floor["event_f1"], f"{name}: event F1 {f1:.4f} fell below its floor {floor['event_f1']}"
    assert result["false_events_on_negative_articles"] <= floor["max_false_events_on_negatives"]
    outcomes = score(gold_rows, scorer._load(str(pred))).outcomes
    for attribute, pinned in PINS.get(name, {}).items():
        now = outcomes.get(attribute, {})
        both = [key for key in pinned if key in now]
        if not both:
            continue
        before = sum(pinned[k] for k in both) / len(both)
        after = sum(now[k] for k in both) / len(both)
        rate = sum(now.values()) / len(now)
        print(f"{name}: {attribute} {after:.4f} on the {len(both)} events matched before too "
              f"(pinned {before:.4f}); {rate:.4f} on all {len(now)} matched")
        assert after >= before - ATTRIBUTE_SLACK, (
            f"{name}: {attribute} {after:.4f} on {len(both)} gold events matched before fell more than "
            f"{ATTRIBUTE_SLACK} below {before:.4f}")


def test_our_scorer_agrees_with_the_shared_one(shared, coder, tmp_path) -> None:
    dev = shared / "eval" / "dev"
    coded = [c.to_dict() for c in coder.code_items(read_inputs([str(dev / "wikinews-fr.articles.jsonl")]))]
    scorer = _shared_scorer(shared)
    gold_rows = scorer._load(str(dev / "wikinews-fr.gold.jsonl"))
    theirs = scorer.score(gold_rows, coded)
    ours = score(gold_rows, coded).to_dict()
    assert ours["event"] == theirs["event"]
    assert ours["per_type"] == theirs["per_type"]
    assert ours["on_matched"] == theirs["on_matched"]
