"""The trigger model never proposes an auxiliary, a modal or a copula as an act
(``auxiliary_verb`` in ``data/<lang>/grammar_words.tsv``): "ont pu réfléchir", "va donner", "is
going to send" are the governed verb's to read. The model is replaced here by one that reads every
verb as an attack, so that only the rule decides."""

from __future__ import annotations

import pytest

from communique.coder import Coder, CoderSettings
from communique.events.triggers_model import TriggerScore
from communique.model import Article


def _every_verb_an_attack(self, parse, index, *, title_end):
    return {t.i: TriggerScore(event="ASSAULT", prob=0.99, none=0.01, mode=None, top_event="ASSAULT",
                              top_prob=0.99, known=True)
            for t in parse.tokens if t.pos in ("VERB", "AUX")}


def _triggers(monkeypatch, text: str, lang: str) -> list[str]:
    monkeypatch.setattr(Coder, "_trigger_scores", _every_verb_an_attack)
    coder = Coder(CoderSettings(vectors=False, raise_errors=True))
    coded = coder.code_article(Article(id="aux", text=text, lang=lang, published="2024-03-14"))
    return [e.explanation.split("'")[1] for e in coded.events]


@pytest.mark.parametrize("text,auxiliary", [
    ("Le Mali a pu repousser jeudi les soldats du Niger près de la frontière.", "pu"),
    ("Le Tchad va bombarder lundi les positions du Soudan près de la frontière.", "va"),
])
def test_the_model_reading_of_an_auxiliary_is_not_proposed(monkeypatch, text, auxiliary) -> None:
    assert auxiliary not in _triggers(monkeypatch, text, "fr")


def test_the_same_model_reading_of_a_content_verb_is(monkeypatch) -> None:
    # the minimal pair: the act told without the auxiliary is proposed by the same stand-in model
    assert "repoussé" in _triggers(monkeypatch, "Le Mali a repoussé jeudi les soldats du Niger près de la frontière.",
                                   "fr")
