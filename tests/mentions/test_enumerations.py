"""Coordinated parties: "ainsi que" adds a subject (guidelines §6). Sentences written for these tests
(the cases taken from the dev set are in tests/events/test_dev_regressions.py)."""

from __future__ import annotations

from mention_helpers import parties


def test_ainsi_que_adds_a_subject(code_text) -> None:
    text = "Le ministre nigérien ainsi que le président tchadien ont condamné l'attaque contre la caserne."
    events = parties(code_text(text, lang="fr"))
    # each condemns on its own: one record per author (no recipient is named)
    assert sorted(actors for ev, actors, _ in events if ev == "ACCUSE") == [["NER"], ["TCD"]], events
