"""The learned signal: sentence-vector votes from the team's own examples."""

from __future__ import annotations

import json

from communique.events.vectors import NONE, _examples, prototypes


def test_examples_cover_every_type_in_both_languages() -> None:
    labels = [label for label, _ in _examples()]
    for label in ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
                  "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT", NONE):
        assert labels.count(label) >= 20, label


def test_votes_are_multilingual() -> None:
    protos = prototypes()
    fr, en = protos.vote(["Le Mali a expulsé l'ambassadeur de France et lui a donné 72 heures pour partir.",
                          "Mali expelled the French ambassador and gave him 72 hours to leave."])
    assert fr.label == en.label == "SANCTION"
    background = protos.vote(["Les deux pays entretiennent des relations étroites depuis leur indépendance."])[0]
    assert background.label == NONE


def test_explanation_shows_both_signals(code_text) -> None:
    ev = code_text("Le Mali a expulsé l'ambassadeur de France.", lang="fr").events[0]
    assert "triggers.tsv" in ev.explanation and "vectors:" in ev.explanation


def test_dev_gold_never_teaches(shared) -> None:
    """No example sentence is taken from the development gold sets (they measure, not teach)."""
    examples = {s.strip().lower() for _, s in _examples()}
    for name in ("wikinews-fr", "plover-gsr-en"):
        for line in (shared / "eval" / "dev" / f"{name}.articles.jsonl").read_text(encoding="utf-8").splitlines():
            text = json.loads(line)["text"].lower()
            assert not any(len(s) > 40 and s in text for s in examples)
