"""Texts whose content is described (resolutions, motions, letters): the parties that adopt or vote a
text act through its content, never the relative pronoun "qui"; a text rejecting a claim
disapproves, one rejecting a proposal stays a rejection; the content of a text nobody adopted is no
event. Sentences written for these tests (the cases taken from the dev set are in
tests/events/test_dev_regressions.py)."""

from __future__ import annotations

import pytest

from event_helpers import events_and_objects, has


@pytest.mark.parametrize("text,event,actors,recipients", [
    # a participle describing an adopted text: the adopters act
    ("Le Conseil de sécurité de l'ONU a adopté mardi une résolution exigeant le retrait des troupes "
     "éthiopiennes.", "REQUEST", {"UNO"}, {"ETH"}),
])
def test_adopted_text_content(code_text, text, event, actors, recipients) -> None:
    got = events_and_objects(code_text(text, lang="fr"))
    assert has(got, event, actors, recipients), got


def test_adopted_text_is_not_the_party(code_text) -> None:
    got = events_and_objects(code_text("Le Parlement européen a voté jeudi une résolution qui condamne le "
                                       "Venezuela.", lang="fr"))
    accuse = [e for ev, _, _, _, e in got if ev == "ACCUSE"]
    assert accuse, got
    # the relative pronoun "qui" (the text) is never the actor
    assert all(a.entity_text.lower() != "qui" for e in accuse for a in e.actor), got


def test_text_rejecting_a_claim_disapproves(code_text) -> None:
    got = events_and_objects(code_text("Le Conseil de sécurité a adopté une résolution rejetant l'annexion du "
                                       "Donbass par la Russie.", lang="fr"))
    assert not any(ev == "REJECT" for ev, *_ in got), got
    assert has(got, "ACCUSE", {"UNO"}, set()), got


def test_text_rejecting_a_proposal_stays_a_rejection(code_text) -> None:
    got = events_and_objects(code_text("Le Sénat a adopté une motion rejetant la proposition du Niger.",
                                       lang="fr"))
    assert not any(ev == "ACCUSE" for ev, *_ in got), got
    assert has(got, "REJECT", (), {"NER"}), got


def test_unadopted_text_content_is_not_an_event(code_text) -> None:
    got = events_and_objects(code_text("Dans une lettre dénonçant l'embargo, le ministre tchadien a accusé le "
                                       "Soudan.", lang="fr"))
    # one ACCUSE (the accusation), none for what the letter says
    assert [ev for ev, *_ in got].count("ACCUSE") == 1, got
    assert has(got, "ACCUSE", {"TCD"}, {"SDN"}), got
