"""Event confidence: a party found through a referring phrase lowers it, so does a pair of parties
inside one state; it stays within its bounds even for an empty draft. Sentences written for these
tests."""

from __future__ import annotations

from communique.events.build import Draft, confidence_for

from event_helpers import events_and_objects


def test_party_found_by_reference_lowers_confidence(code_text) -> None:
    named = events_and_objects(code_text("Le Tchad a accusé le Niger d'abriter des rebelles.", lang="fr"))
    referred = events_and_objects(code_text("Le Tchad dénonce la situation. Ce pays a accusé le Niger d'abriter "
                                            "des rebelles.", lang="fr"))
    c_named = next(e for ev, _, _, _, e in named if ev == "ACCUSE").confidence
    c_ref = next(e for ev, _, a, _, e in referred if ev == "ACCUSE" and "TCD" in a).confidence
    assert c_ref < c_named


def test_confidence_of_empty_draft_is_bounded() -> None:
    assert 0.05 <= confidence_for(Draft(event="ACCUSE", mode=None)) <= 0.99


def test_a_pair_inside_one_state_is_less_certain_than_one_across_a_border(code_text) -> None:
    across = code_text("La police malienne a arrêté hier deux journalistes français à Bamako.", lang="fr")
    inside = code_text("La police malienne a arrêté hier deux journalistes maliens à Bamako.", lang="fr")
    a = [e for e in across.events if e.event == "COERCE"]
    b = [e for e in inside.events if e.event == "COERCE"]
    assert a and b, (across.events, inside.events)
    assert b[0].confidence < a[0].confidence, (a[0].confidence, b[0].confidence)
