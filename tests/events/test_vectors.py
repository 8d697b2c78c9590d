"""The learned signal: sentence-vector votes from the team's own examples."""

from __future__ import annotations

import json

import numpy as np
import pytest

import communique.events.vectors as vectors
from communique.events.vectors import NONE, TOP_K, Prototypes, _examples, prototypes


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


class _FakeEncoder:
    """Vectors by hand: each text's vector is given; the texts encoded are recorded."""

    def __init__(self, table: dict[str, list[float]]) -> None:
        self.table, self.seen = table, []

    def encode(self, texts: list[str]) -> np.ndarray:
        self.seen.append(list(texts))
        return np.array([self.table[t] for t in texts], dtype=np.float32)


def test_a_label_scores_the_mean_of_its_nearest_examples(monkeypatch: pytest.MonkeyPatch) -> None:
    rng = np.random.default_rng(0)
    examples = rng.normal(size=(12, 4)).astype(np.float32)
    labels = ["AID"] * 5 + ["NONE"] * 4 + ["SANCTION"] * 2 + ["ASSAULT"]
    protos = Prototypes(labels, examples)
    fake = _FakeEncoder({"a": [1, 0, 0, 0], "b": [0, 1, 1, 0]})
    monkeypatch.setattr(vectors, "encoder", lambda: fake)
    votes = protos.vote(["a", "b"])
    unit = examples / np.linalg.norm(examples, axis=1, keepdims=True)
    for text, vote in zip(["a", "b"], votes):
        v = np.array(fake.table[text], dtype=np.float32)
        sims = unit @ (v / np.linalg.norm(v))
        for label in set(labels):
            mine = np.sort(sims[[i for i, x in enumerate(labels) if x == label]])[::-1][:TOP_K]
            assert vote.of(label) == pytest.approx(float(mine.mean()), abs=1e-6)  # fewer than k: all of them
        assert vote.label == max(vote.scores, key=vote.scores.__getitem__)


def test_a_sentence_told_twice_is_encoded_once(monkeypatch: pytest.MonkeyPatch) -> None:
    # two acts in one sentence give two drafts with the same evidence: one encoding (the cost)
    protos = Prototypes(["AID", "NONE"], np.eye(2, 4, dtype=np.float32))
    fake = _FakeEncoder({"x": [1, 0, 0, 0], "y": [0, 1, 0, 0]})
    monkeypatch.setattr(vectors, "encoder", lambda: fake)
    votes = protos.vote(["x", "y", "x"])
    assert fake.seen == [["x", "y"]]
    assert [v.label for v in votes] == ["AID", "NONE", "AID"] and votes[0].scores == votes[2].scores
