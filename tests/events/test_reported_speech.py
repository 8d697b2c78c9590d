"""What a speaker says: "our countries must" is no demand, a duty laid on another party is; "US" is not
"us"; an act announced by the party itself is an intent or a promise, told by the journalist
(future, conditional) it stays uncoded; an announced refusal of a cooperative act is a rejection.
Sentences written for these tests (the cases taken from the dev set are in
tests/events/test_dev_regressions.py)."""

from __future__ import annotations

import pytest

from event_helpers import events, has, skip_reasons, skipped


@pytest.mark.parametrize("text", [
    "« Nos deux pays doivent renforcer leur coopération », a déclaré lundi le président ghanéen à Accra devant "
    "son homologue togolais.",
    "Le Mali a déclaré lundi que nos deux pays doivent retirer leurs soldats.",
])
def test_our_countries_must_is_no_demand_a_duty_laid_on_another_party_is(code_text, text) -> None:
    got = events(code_text(text, lang="fr"))
    assert not any(ev == "REQUEST" for ev, *_ in got), got
    # the minimal pair of the second sentence
    got = events(code_text("Le Mali a déclaré lundi que la France doit retirer ses soldats.", lang="fr"))
    assert has(got, "REQUEST", {"MLI"}, {"FRA"}), got


def test_us_is_not_first_person(code_text) -> None:
    got = events(code_text("The Red Crescent said US troops must reopen the border crossing.", lang="en"))
    assert any(ev == "REQUEST" for ev, *_ in got), got


@pytest.mark.parametrize("text,lang,event", [
    ("Le Tchad s'est dit prêt à retirer ses troupes du Cameroun.", "fr", "AGREE"),
])
def test_an_offer_to_withdraw_is_agreement_an_announced_withdrawal_a_concession(code_text, text, lang,
                                                                               event) -> None:
    got = events(code_text(text, lang=lang))
    assert [ev for ev, *_ in got] == [event], got


@pytest.mark.parametrize("text,lang,event,actor,recipient", [
    ("Le Niger fournira une aide alimentaire au Tchad, a déclaré hier le gouvernement.", "fr", "AGREE",
     "NER", "TCD"),
])
def test_an_act_announced_with_the_attribution_after_it_is_a_promise(code_text, text, lang, event, actor,
                                                                     recipient) -> None:
    got = events(code_text(text, lang=lang))
    assert has(got, event, {actor}, {recipient}), got


def test_the_journalists_future_without_attribution_stays_uncoded(code_with_rules, rules_coder) -> None:
    coded = code_with_rules("Le Niger fournira une aide alimentaire au Tchad la semaine prochaine.", lang="fr")
    assert events(coded) == [], coded.events
    reasons = skip_reasons(rules_coder, coded)
    assert skipped(reasons, "fournira", "future tense"), reasons


@pytest.mark.parametrize("text,lang", [
    ("Des milliers de Maliens ont manifesté hier à Bamako pour réclamer le départ des soldats français.", "fr"),
])
def test_what_a_protest_demands_is_its_message_not_a_request(code_text, text, lang) -> None:
    got = events(code_text(text, lang=lang))
    kinds = [ev for ev, *_ in got]
    assert "PROTEST" in kinds and "REQUEST" not in kinds, got


@pytest.mark.parametrize("text,lang,event", [
    ("Le Mali a annoncé hier qu'il ne coopérera pas avec la Cour pénale internationale.", "fr", "REJECT"),
])
def test_an_announced_refusal_of_a_cooperative_act_is_a_rejection(code_text, text, lang, event) -> None:
    got = events(code_text(text, lang=lang))
    assert [ev for ev, *_ in got] == [event], got


def test_an_announced_renunciation_of_force_is_not_coded(code_with_rules, rules_coder) -> None:
    coded = code_with_rules("Iran said on Monday it will not attack Iraq.", lang="en")
    assert events(coded) == [], coded.events
    reasons = skip_reasons(rules_coder, coded)
    assert skipped(reasons, "attack", "refusal of a ASSAULT"), reasons


@pytest.mark.parametrize("text,event", [
    # after a past speech verb French puts the future in the conditional
    ("Le Niger a déclaré hier qu'il fournirait une aide alimentaire au Mali.", "AGREE"),
    ("Le Tchad a annoncé hier qu'il retirerait ses troupes du Cameroun.", "CONCEDE"),
])
def test_a_future_in_the_past_announced_by_a_party_is_its_intent(code_text, text, event) -> None:
    got = events(code_text(text, lang="fr"))
    assert [ev for ev, *_ in got] == [event], got


def test_the_journalists_conditional_stays_uncoded(code_with_rules, rules_coder) -> None:
    coded = code_with_rules("Selon la presse, le Tchad retirerait ses troupes du Cameroun.", lang="fr")
    assert events(coded) == [], coded.events
    reasons = skip_reasons(rules_coder, coded)
    assert skipped(reasons, "retirerait", "conditional"), reasons


def test_an_intention_announced_is_a_stated_intent_and_no_intention_none(code_with_rules, rules_coder) -> None:
    # "announced its intention to cut ties": a threat to the relations (as "is prepared to")
    said = code_with_rules("Burkina Faso announced its intention to cut diplomatic ties with Côte d'Ivoire.",
                           lang="en")
    assert any(ev == "THREATEN" and mode == "relations" and "BFA" in a and "CIV" in r
               for ev, mode, a, r, *_ in events(said)), said.events
    for text in ("Mali has no intention to cut ties with Algeria.",
                 "Mali does not have the intention to cut ties with Algeria."):
        none = code_with_rules(text, lang="en")
        assert not events(none), none.events
        assert skipped(skip_reasons(rules_coder, none), "cut", "intention, not an act"), none.events
