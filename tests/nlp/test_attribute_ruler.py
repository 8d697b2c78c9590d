"""The French model's attribute ruler (copy each part of speech to TAG, fix white space) runs on
arrays (``nlp.pipelines._attributes_on_arrays``): every token attribute comes out as spaCy's own
ruler sets it, on texts with the white space its last patterns are for; a ruler with other
patterns (the English model's tag map) is left as it is. Sentences written for these tests."""

from __future__ import annotations

import pytest

from communique.nlp import pipelines
from communique.nlp.pipelines import load_pipeline

TEXTS = [
    "Le ministre malien des Affaires étrangères est arrivé lundi à Nouakchott.",
    "Visite officielle\n\nLe président  nigérien a reçu,  mardi, l'ambassadeur de France. \t ",
    "« Non », a-t-il répondu.\n\n\n  Les deux pays sont convenus de créer une commission mixte.\n",
    "",
    "   ",
]


def _attributes(nlp) -> list[list[tuple]]:
    return [[(t.text, t.tag_, t.pos_, t.dep_, t.head.i, str(t.morph), t.lemma_, t.is_sent_start, t.ent_iob_)
             for t in doc] for doc in nlp.pipe(TEXTS)]


@pytest.mark.models
def test_the_french_ruler_on_arrays_sets_what_spacys_ruler_sets(monkeypatch) -> None:
    ours = load_pipeline.__wrapped__("fr")  # a fresh pipeline, not the cached one other tests use
    assert ours.get_pipe_meta("attribute_ruler").factory == "communique_attributes_on_arrays"
    monkeypatch.setattr(pipelines, "_attributes_on_arrays", lambda nlp: None)
    theirs = load_pipeline.__wrapped__("fr")
    assert theirs.get_pipe_meta("attribute_ruler").factory == "attribute_ruler"
    got = _attributes(ours)
    assert got == _attributes(theirs)
    assert any(tag == "SPACE" for doc in got for _, tag, *_ in doc)  # the white-space patterns ran


@pytest.mark.models
def test_a_ruler_with_other_patterns_is_kept() -> None:
    assert load_pipeline("en").get_pipe_meta("attribute_ruler").factory == "attribute_ruler"
