"""The spaCy-free Token: morphological features read off the morph string."""

from __future__ import annotations

from communique.parse import Token


def test_a_feature_is_found_whole_wherever_it_stands() -> None:
    tok = Token(i=0, text="a", idx=0, lemma="avoir", pos="AUX", dep="aux", head=1,
                morph="Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin")
    assert tok.feat("Mood") == "Ind" and tok.feat("VerbForm") == "Fin" and tok.feat("Tense") == "Pres"
    assert tok.feat("Form") is None  # not the tail of "VerbForm"
    assert tok.feat("Voice") is None
    assert Token(i=0, text="x", idx=0, lemma="x", pos="X", dep="dep", head=0).feat("Tense") is None
