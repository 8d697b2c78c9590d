"""The bundled examples against the coding their README gives (examples/expected.jsonl): what a
new user sees first must not get worse. Scored with communique's own scorer (it agrees with the
shared one, see test_gate.py), so this runs without ../shared. Floors in examples_floors.json:
raise them when the coder improves, never lower them."""

from __future__ import annotations

import json
from pathlib import Path

from communique.evaluate.scoring import score
from communique.ingest import read_inputs

ROOT = Path(__file__).resolve().parents[2]
FLOOR = json.loads((Path(__file__).parent / "examples_floors.json").read_text(encoding="utf-8"))


def test_expected_coding_covers_every_example() -> None:
    articles = [json.loads(line)["id"] for line in (ROOT / "examples" / "articles.jsonl").open(encoding="utf-8")]
    expected = [json.loads(line)["id"] for line in (ROOT / "examples" / "expected.jsonl").open(encoding="utf-8")]
    assert expected == articles


def test_examples_hold_their_floor(coder) -> None:
    coded = [c.to_dict() for c in coder.code_items(read_inputs([str(ROOT / "examples" / "articles.jsonl")]))]
    gold = [json.loads(line) for line in (ROOT / "examples" / "expected.jsonl").open(encoding="utf-8")]
    result = score(gold, coded).to_dict()
    f1 = result["event"]["f1"]
    print(f"examples: event F1 {f1:.4f} (floor {FLOOR['event_f1']})")
    assert f1 >= FLOOR["event_f1"], f"examples: event F1 {f1:.4f} fell below {FLOOR['event_f1']}"
    assert result["false_events_on_negative_articles"] <= FLOOR["max_false_events_on_negatives"]
