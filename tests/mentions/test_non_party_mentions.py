"""Mentions that are no party: a treaty named after a city is not that city's state, an origin
("d'origine vietnamienne"), a people inside a place's name ("la Promenade des Anglais") and a time
zone ("heure de Paris") are not parties. Sentences written for these tests."""

from __future__ import annotations


def test_a_treaty_named_after_a_city_is_not_that_state(code_text) -> None:
    text = "Le Parlement gabonais a voté hier le retrait du pays du traité de Lisbonne sur la pêche."
    coded = code_text(text, lang="fr")
    codes = {x.code for e in coded.events for x in e.actor + e.recipient}
    assert "PRT" not in codes


def test_an_origin_is_not_a_party(code_text) -> None:
    coded = code_text("La police française a arrêté dimanche à Lyon deux journalistes maliens d'origine "
                      "vietnamienne.", lang="fr")
    parties = [(e.event, {x.code for x in e.actor}, {x.code for x in e.recipient}) for e in coded.events]
    assert parties == [("COERCE", {"FRA"}, {"MLI"})], parties


def test_a_people_inside_a_place_name_is_no_party(code_text) -> None:
    coded = code_text("Un camion a foncé hier sur la foule réunie sur la Promenade des Anglais, à Nice, "
                      "lors d'un attentat qui a fait 86 morts.", lang="fr")
    codes = {x.code for e in coded.events for x in e.actor + e.recipient}
    assert "GBR" not in codes, coded.events


def test_a_time_zone_is_no_party(code_text) -> None:
    coded = code_text("Un homme a été tué par balles ce mardi peu après 19 h 00 (heure de Paris) devant "
                      "le commissariat d'Aix-les-Bains, selon la police.", lang="fr")
    assert not any(r.entity_text == "Paris" for e in coded.events for r in e.recipient), coded.events
