"""The team's held-out reports (``heldout/``) stay out of training: no article of theirs is in the
corpus ``communique train`` reads by default, and each gold file scores itself perfectly with
communique's scorer (a file the gate can trust)."""

from __future__ import annotations

from pathlib import Path

import pytest

from communique.evaluate.run import read_rows
from communique.evaluate.scoring import score
from communique.train.commands import bundled_corpus

HELDOUT = Path(__file__).resolve().parents[2] / "heldout"
SETS = sorted(p.name.removesuffix(".gold.jsonl") for p in HELDOUT.glob("*.gold.jsonl"))


def test_there_are_held_out_sets_in_both_languages() -> None:
    assert {"annot2-fr", "annot2-en"} <= set(SETS)


@pytest.mark.parametrize("name", SETS)
def test_no_held_out_article_is_in_the_training_corpus(name: str) -> None:
    held = read_rows(HELDOUT / f"{name}.articles.jsonl")
    trained = [row for path in sorted(bundled_corpus().glob("*.articles.jsonl")) for row in read_rows(path)]
    assert held and trained
    assert not {r["id"] for r in held} & {r["id"] for r in trained}
    texts = {" ".join(r["text"].split()) for r in trained}
    assert not [r["id"] for r in held if " ".join(r["text"].split()) in texts]


@pytest.mark.parametrize("name", SETS)
def test_each_gold_file_scores_itself_perfectly(name: str) -> None:
    gold = read_rows(HELDOUT / f"{name}.gold.jsonl")
    articles = read_rows(HELDOUT / f"{name}.articles.jsonl")
    assert [g["id"] for g in gold] == [a["id"] for a in articles]
    report = score(gold, [{"id": g["id"], "events": [e for e in g["events"] if not e.get("background")]}
                          for g in gold])
    if any(g["events"] for g in gold):
        assert report.event.prf()["f1"] == 1.0
    else:  # a set of reports with no event (noevent4-*): nothing to match, nothing false
        assert report.event.prf()["fp"] == 0
    # articles with no event, so that the gate's false-event count on them means something
    assert any(not g["events"] for g in gold)
