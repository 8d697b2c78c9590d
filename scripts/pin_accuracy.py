"""Pin the accuracy gate on the current coder: code every gold set of tests/evaluate/floors.json,
write each matched gold event's attribute outcomes to tests/evaluate/attribute_pins.json, and
raise (never lower) the event F1 floors that the run beats.

    python scripts/pin_accuracy.py [--shared ../shared] [--dry-run]

The gate (tests/evaluate/test_gate.py) then compares attributes on the gold events that both the
pinned run and the new one match, so that events matched for the first time (a recall gain) do
not read as an attribute regression, and a real one (a place, date or sector lost on an event
that was matched before) is caught.
"""

from __future__ import annotations

import argparse
import json
import math
from pathlib import Path

from communique.coder import Coder, CoderSettings
from communique.evaluate.run import read_rows
from communique.evaluate.scoring import score
from communique.ingest import read_inputs

HERE = Path(__file__).resolve().parent.parent / "tests" / "evaluate"
PINNED = ("location_name", "date", "actor_sector")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", default=str(Path(__file__).resolve().parent.parent.parent / "shared"))
    ap.add_argument("--dry-run", action="store_true", help="print the figures, write nothing")
    args = ap.parse_args()
    floors = json.loads((HERE / "floors.json").read_text(encoding="utf-8"))
    coder = Coder(CoderSettings(raise_errors=True))
    pins: dict[str, dict[str, dict[str, float]]] = {}
    for name in sorted(floors):
        folder, _, set_name = name.rpartition("/")
        gold_dir = HERE.parents[1] / folder if floors[name].get("in_repo") else Path(args.shared) / "eval" / folder
        coded = [c.to_dict() for c in coder.code_items(read_inputs([str(gold_dir / f"{set_name}.articles.jsonl")]))]
        report = score(list(read_rows(gold_dir / f"{set_name}.gold.jsonl")), coded)
        f1 = report.event.prf()["f1"]
        new_floor = math.floor(f1 * 1000) / 1000
        old = floors[name]["event_f1"]
        floors[name]["event_f1"] = max(old, new_floor)
        pins[name] = {a: dict(sorted(report.outcomes.get(a, {}).items())) for a in PINNED}
        rates = ", ".join(f"{a} {sum(v.values()) / len(v):.3f} (n={len(v)})" for a, v in pins[name].items() if v)
        print(f"{name}: event F1 {f1:.4f} (floor {old} → {floors[name]['event_f1']}); {rates}")
    if args.dry_run:
        return
    (HERE / "attribute_pins.json").write_text(json.dumps(pins, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    text = "{\n" + ",\n".join(f'  "{k}": {json.dumps(v)}' for k, v in floors.items()) + "\n}\n"
    (HERE / "floors.json").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
