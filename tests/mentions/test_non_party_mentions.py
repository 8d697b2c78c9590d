"""Mentions that are no party: a treaty named after a city is not that city's state, an origin
("d'origine vietnamienne"), a people inside a place's name ("la Promenade des Anglais") and a time
zone ("heure de Paris") are not parties. Each sentence is one the coder codes, so that the party
left out is checked on a real event. Sentences written for these tests (the cases taken from the dev
set are in tests/events/test_dev_regressions.py)."""

from __future__ import annotations

import pytest


def _parties(coded) -> list[tuple]:
    return [(e.event, {x.code for x in e.actor}, {x.code for x in e.recipient}) for e in coded.events]


@pytest.mark.parametrize("text,event", [
    ("Le Parlement gabonais a rejeté hier le traité de Lisbonne sur la pêche.", "REJECT"),
    ("Le Gabon s'est retiré hier du traité de Lisbonne sur la pêche.", "RETREAT"),
])
def test_a_treaty_named_after_a_city_is_not_that_state(code_text, text, event) -> None:
    parties = _parties(code_text(text, lang="fr"))
    assert parties == [(event, {"GAB"}, set())], parties


def test_an_origin_is_not_a_party(code_text) -> None:
    coded = code_text("La police française a arrêté dimanche à Lyon deux journalistes maliens d'origine "
                      "vietnamienne.", lang="fr")
    parties = _parties(coded)
    assert parties == [("COERCE", {"FRA"}, {"MLI"})], parties


def test_a_people_inside_a_place_name_is_no_party(code_text) -> None:
    coded = code_text("Des jihadistes ont attaqué hier la foule réunie sur la Promenade des Anglais, à Nice.",
                      lang="fr")
    parties = _parties(coded)
    assert [event for event, *_ in parties] == ["ASSAULT"], parties
    assert not any("GBR" in actors | recipients for _, actors, recipients in parties), parties


def test_a_time_zone_is_no_party(code_text) -> None:
    coded = code_text("Un policier a été tué par balles ce mardi peu après 19 h 00 (heure de Paris) devant "
                      "le commissariat d'Aix-les-Bains, selon la police.", lang="fr")
    assert [e.event for e in coded.events] == ["ASSAULT"], coded.events
    assert not any(r.entity_text == "Paris" for e in coded.events for r in e.recipient), coded.events


@pytest.mark.parametrize("text,recipient", [
    # what the authorities are accused of doing names no party of theirs
    ("Le gouvernement burkinabè accuse les autorités ivoiriennes d'héberger des individus impliqués "
     "dans la tentative de coup d'État.", [("CIV", "GOV")]),
    # minimal pair: the same accusation with no clause after the accused
    ("Le gouvernement burkinabè accuse les autorités ivoiriennes de complicité.", [("CIV", "GOV")]),
])
def test_a_clause_after_the_party_is_not_the_party(code_text, text, recipient) -> None:
    coded = code_text(text, lang="fr")
    assert coded.rejected is None, coded.rejected
    found = [(e.event, [(r.code, r.sector) for r in e.recipient]) for e in coded.events]
    assert found == [("ACCUSE", recipient)], found
