"""Whether a told act is news: a pluperfect on the day of the report is a step of the episode, one
without that anchor is background; plans, general stances, habits, imperfects, subjunctives and
wars summed up in a relative clause are no events; a concession presupposes only statements.
Sentences written for these tests (the cases taken from the dev set are in tests/events/test_dev_regressions.py)."""

from __future__ import annotations

import pytest

from event_helpers import events, has


@pytest.mark.parametrize("text,event,actors,recipients", [
    # a pluperfect placed on the same day is a step of the episode, not background
    ("Les députés tchadiens avaient demandé lundi au Niger la libération des otages.",
     "REQUEST", {"TCD"}, {"NER"}),
])
def test_pluperfect_on_the_day_is_a_step_of_the_episode(code_text, text, event, actors, recipients) -> None:
    got = events(code_text(text, lang="fr"))
    assert has(got, event, actors, recipients), got


def test_pluperfect_without_same_day_anchor_stays_background(code_text) -> None:
    got = events(code_text("Le Tchad avait mis en garde le Niger en 2015.", lang="fr"))
    assert not any(ev == "THREATEN" for ev, *_ in got), got


@pytest.mark.parametrize("text", [
    # an announced trip is a plan
    "Le président sénégalais a annoncé se rendre au Mali et en Guinée.",
])
def test_announced_trip_or_cancelled_meeting_is_no_consultation(code_text, text) -> None:
    got = events(code_text(text, lang="fr"))
    assert not any(ev == "CONSULT" for ev, *_ in got), got


@pytest.mark.parametrize("text,lang", [
    # a general stance against "toute" intervention is an opinion
    ("Le parlement béninois s'oppose à toute intervention au Niger.", "fr"),
])
def test_hedged_analysis_or_general_stance_is_no_agreement_or_rejection(code_text, text, lang) -> None:
    got = events(code_text(text, lang=lang))
    assert not any(ev in ("AGREE", "REJECT") for ev, *_ in got), got


def test_relative_clause_summing_up_a_war_is_no_attack(code_text) -> None:
    got = events(code_text("Le Conseil de sécurité a adopté un texte sur le Yémen, où une guerre qui a tué "
                           "des dizaines de milliers de personnes dure depuis des années.", lang="fr"))
    assert not any(ev == "ASSAULT" for ev, *_ in got), got


def test_concession_only_presupposes_statements(code_with_rules):
    evs = events(code_with_rules("Malgré les sanctions du Nigeria, le Togo a signé l'accord avec la Chine.",
                                 lang="fr"))
    assert not any(t == "SANCTION" for t, *_ in evs)


def test_plural_critiques_without_author_stay_generic(code_with_rules):
    evs = events(code_with_rules("Malgré les critiques, le Togo a signé l'accord avec la Chine.", lang="fr"))
    assert not any(t == "ACCUSE" for t, *_ in evs)


@pytest.mark.parametrize("text,lang", [
    ("Kinshasa is also angry with Rwanda, which supports the M23 movement against the Congolese army.",
     "en"),
])
def test_a_present_tense_relative_clause_is_a_standing_position(code_text, text, lang) -> None:
    got = events(code_text(text, lang=lang))
    assert not any(ev in ("REJECT", "SUPPORT") for ev, *_ in got), got


def test_a_past_act_in_a_relative_clause_is_still_an_act(code_text) -> None:
    got = events(code_text("Le Maroc, qui a rappelé hier son ambassadeur en Algérie, n'a pas commenté.", lang="fr"))
    assert has(got, "SANCTION", {"MAR"}), got


@pytest.mark.parametrize("text,not_done", [
    # the imperfect: what was going on or kept happening
    ("Depuis plusieurs jours, les gendarmes français demandaient aux manifestants de libérer le "
     "rond-point.", "REQUEST"),
    # the subjunctive: wished or doubted, not done
    ("Le chef de Boko Haram a démenti que les otages nigérians aient été libérés par l'armée.", "RETREAT"),
    ("Le président malien a exigé hier que les soldats français quittent la base de Kidal.", "RETREAT"),
])
def test_imperfect_and_subjunctive_are_no_acts(code_text, text, not_done) -> None:
    got = events(code_text(text, lang="fr"))
    assert not any(ev == not_done for ev, *_ in got), got


def test_an_imperfect_with_a_time_of_its_own_that_day_is_still_an_act(code_text) -> None:
    got = events(code_text("Ce matin, les manifestants maliens réclamaient devant l'ambassade de France le "
                           "départ des soldats français.", lang="fr"))
    assert any(ev in ("REQUEST", "PROTEST") for ev, *_ in got), got


def test_a_long_standing_accusation_is_background(code_text) -> None:
    got = events(code_text("Longtemps accusée de laxisme par ses alliés occidentaux, la Turquie a renforcé ses "
                           "contrôles à la frontière syrienne.", lang="fr"))
    assert not any(ev == "ACCUSE" for ev, *_ in got), got
