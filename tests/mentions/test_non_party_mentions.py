"""Mentions that are no party: a treaty named after a city is not that city's state, an origin
("d'origine vietnamienne") is not a party. Sentences written for these tests."""

from __future__ import annotations


def test_a_treaty_named_after_a_city_is_not_that_state(code_text) -> None:
    text = "Le Parlement gabonais a voté hier le retrait du pays du traité de Lisbonne sur la pêche."
    coded = code_text(text, lang="fr")
    codes = {x.code for e in coded.events for x in e.actor + e.recipient}
    assert "PRT" not in codes


def test_an_origin_is_not_a_party(code_text) -> None:
    text = ("Des policiers sont intervenus à Lyon (France) dimanche. Un commerçant de 40 ans d'origine "
            "vietnamienne a été abattu par un policier lors de l'intervention.")
    coded = code_text(text, lang="fr")
    codes = {x.code for e in coded.events for x in e.actor + e.recipient}
    assert "VNM" not in codes
