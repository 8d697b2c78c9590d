"""Round 5 of actor resolution: "cette dernière", "ainsi que", named texts and origins."""

from __future__ import annotations


def _parties(coded):
    assert coded.rejected is None, coded.rejected
    return [(e.event, sorted(a.code for a in e.actor), sorted(r.code for r in e.recipient)) for e in coded.events]


def test_cette_derniere_takes_the_last_party_of_its_gender(code_text) -> None:
    text = ("Le gouvernement malien a demandé le retrait des troupes de la mission à la France. "
            "Cette dernière a refusé sans donner d'explication.")
    events = _parties(code_text(text, lang="fr"))
    assert any(ev == "REJECT" and actors == ["FRA"] for ev, actors, _ in events), events


def test_ainsi_que_adds_a_subject(code_text) -> None:
    text = "Le ministre nigérien ainsi que le président tchadien ont condamné l'attaque contre la caserne."
    events = _parties(code_text(text, lang="fr"))
    assert any(ev == "ACCUSE" and actors == ["NER", "TCD"] for ev, actors, _ in events), events


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
