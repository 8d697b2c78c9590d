"""Coordinated parties: "ainsi que" adds a subject; parties joined by "et" are an enumeration, not an
apposition, and a bare state body among them takes the state of the context, not the subject's own
(guidelines §6). Sentences written for these tests."""

from __future__ import annotations

from mention_helpers import parties


def test_ainsi_que_adds_a_subject(code_text) -> None:
    text = "Le ministre nigérien ainsi que le président tchadien ont condamné l'attaque contre la caserne."
    events = parties(code_text(text, lang="fr"))
    # each condemns on its own: one record per author (no recipient is named)
    assert sorted(actors for ev, actors, _ in events if ev == "ACCUSE") == [["NER"], ["TCD"]], events


def test_conjunct_is_no_apposition_and_bare_object_skips_subject_state(code_text) -> None:
    text = ("Les combats continuent en Syrie. Le président américain Barack Obama a réagi en dénonçant "
            "le régime et ses alliés russes et iraniens.")
    events = parties(code_text(text, lang="fr"))
    accuse = [e for e in events if e[0] == "ACCUSE"]
    assert accuse and accuse[0][1] == ["USA"], events
    assert accuse[0][2] == ["IRN", "RUS", "SYR"], events
