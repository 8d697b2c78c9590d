"""Structures added for issue 4 (event recall), on sentences written for these tests."""

from __future__ import annotations

import pytest

from event_helpers import skip_reasons, skipped


def _events(coded):
    assert coded.rejected is None, coded.rejected
    return [(e.event, e.mode, set(a.code for a in e.actor), set(r.code for r in e.recipient))
            for e in coded.events]


def _has(events, event, actors=(), recipients=()):
    return any(ev == event and set(actors) <= a and set(recipients) <= r for ev, _, a, r in events)


@pytest.mark.parametrize("text,lang,event,actors,recipients", [
    # French compound past with "avoir" read by the parser as a passive subject
    ("Le Sénégal et le Mali ont vivement accusé le Niger de soutenir des groupes armés.", "fr",
     "ACCUSE", {"SEN", "MLI"}, {"NER"}),
    # past infinitive under a verb of saying: the speaker's own completed act
    ("Le Tchad affirme avoir libéré deux soldats camerounais.", "fr", "RETREAT", {"TCD"}, set()),
    # a decision announced by the party itself
    ("Le Gabon a annoncé suspendre sa coopération militaire avec le Cameroun.", "fr",
     "SANCTION", {"GAB"}, {"CMR"}),
    # new French triggers
    ("Le Ghana a rompu avec le Togo après l'incident de frontière.", "fr", "SANCTION", {"GHA"}, {"TGO"}),
    ("Le Kenya a coupé son aide financière à la Somalie.", "fr", "SANCTION", {"KEN"}, {"SOM"}),
    ("Le président rwandais a exprimé son soutien au Burundi.", "fr", "SUPPORT", {"RWA"}, {"BDI"}),
    ("Le ministre malgache appelle l'Ouganda à libérer les marins détenus.", "fr", "REQUEST", set(), {"UGA"}),
    # English
    ("Zambia declined to extradite the former minister to Malawi.", "en", "REJECT", {"ZMB"}, set()),
    ("Angolan police opened fire on Namibian smugglers near the border.", "en", "ASSAULT", {"AGO"}, set()),
    ("Botswana expressed support for Lesotho on Monday.", "en", "SUPPORT", {"BWA"}, {"LSO"}),
    ("Hundreds of Bolivian migrants sought refuge in Chile last week.", "en", "REQUEST", {"BOL"}, {"CHL"}),
])
def test_new_structures(code_text, text, lang, event, actors, recipients) -> None:
    got = _events(code_text(text, lang=lang))
    assert _has(got, event, actors, recipients), got


def test_reaction_to_an_act_told_before(code_text) -> None:
    text = ("L'armée éthiopienne a bombardé lundi des positions érythréennes. "
            "Le gouvernement érythréen a qualifié ces frappes d'« agression caractérisée ».")
    got = _events(code_text(text, lang="fr"))
    assert _has(got, "ACCUSE", {"ERI"}, {"ETH"}), got


def test_a_single_body_meeting_alone_is_no_consultation(code_with_rules, rules_coder) -> None:
    coded = code_with_rules("Lors de la réunion du parti au pouvoir, le Premier ministre ghanéen a parlé "
                            "d'économie.", lang="fr")
    assert _events(coded) == [], coded.events
    reasons = skip_reasons(rules_coder, coded)
    assert skipped(reasons, "réunion", "a single party meeting alone"), reasons


def test_an_expectation_is_no_demand_a_duty_laid_on_another_party_is(code_with_rules, rules_coder) -> None:
    got = _events(code_with_rules("Selon un analyste, le Pérou devrait commander de nouveaux avions.", lang="fr"))
    assert not any(ev == "REQUEST" for ev, *_ in got), got
    coded = code_with_rules("Selon un analyste, le Pérou devrait retirer ses troupes de Bolivie.", lang="fr")
    assert _events(coded) == [], coded.events
    reasons = skip_reasons(rules_coder, coded)
    assert skipped(reasons, "retirer", "infinitive under 'devrait'"), reasons
    got = _events(code_with_rules("Le Chili a déclaré que le Pérou doit retirer ses troupes de Bolivie.", lang="fr"))
    assert _has(got, "REQUEST", {"CHL"}, {"PER"}), got


@pytest.mark.parametrize("text,word", [
    ("A first contingent of Kenyan troops arrived in Somalia on Monday.", "arrived"),
    ("The Peruvian minister said the troops will arrive in Bolivia next week.", "arrive"),
])
def test_troops_arriving_are_not_a_visit(code_with_rules, rules_coder, text, word) -> None:
    coded = code_with_rules(text, lang="en")
    assert not any(ev == "CONSULT" for ev, *_ in _events(coded)), coded.events
    reasons = skip_reasons(rules_coder, coded)
    assert skipped(reasons, word, "no trigger row's cue holds"), reasons
    # a minister arriving is a visit
    got = _events(code_with_rules("The Kenyan foreign minister arrived in Somalia on Monday.", lang="en"))
    assert _has(got, "CONSULT", {"KEN"}, {"SOM"}), got
