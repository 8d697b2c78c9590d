"""Whether a told act is news: a pluperfect on the day of the report is a step of the episode, one
without that anchor is background; plans, general stances, habits, imperfects, subjunctives and wars
summed up in a relative clause are no events; a concession presupposes only statements. Sentences
written for these tests (the cases taken from the dev set are in
tests/events/test_dev_regressions.py)."""

from __future__ import annotations

import pytest

from event_helpers import events, has, skip_reasons, skipped


@pytest.mark.parametrize("text,event,actors,recipients", [
    # a pluperfect placed on the same day is a step of the episode, not background
    ("Les députés tchadiens avaient demandé lundi au Niger la libération des otages.",
     "REQUEST", {"TCD"}, {"NER"}),
])
def test_pluperfect_on_the_day_is_a_step_of_the_episode(code_text, text, event, actors, recipients) -> None:
    got = events(code_text(text, lang="fr"))
    assert has(got, event, actors, recipients), got


# Each sentence that is no event, the trigger skipped and why.
@pytest.mark.parametrize("text,lang,not_coded,word,why", [
    # a pluperfect with no anchor on the day of the report is background
    ("Le Tchad avait mis en garde le Niger en 2015.", "fr", "THREATEN", "mis", "pluperfect (background)"),
    # an announced trip is a plan
    ("Le président sénégalais a annoncé se rendre au Mali et en Guinée.", "fr", "CONSULT", "rendre",
     "announced trip under 'annoncé'"),
    # a war summed up in a relative clause is no attack
    ("Le Conseil de sécurité a adopté un texte sur le Yémen, où une guerre qui a tué des dizaines de milliers "
     "de personnes dure depuis des années.", "fr", "ASSAULT", "tué", "relative clause summing up the guerre"),
    # a concession presupposes only statements: the sanctions it names are not coded
    ("Malgré les sanctions du Nigeria, le Togo a signé l'accord avec la Chine.", "fr", "SANCTION", "sanctions",
     "SANCTION noun in a concessive phrase"),
    # criticism by nobody named stays generic
    ("Malgré les critiques, le Togo a signé l'accord avec la Chine.", "fr", "ACCUSE", "critiques",
     "plural noun (generic or aggregate)"),
    # a present tense in a relative clause is a standing position
    ("Kinshasa is also angry with Rwanda, which supports the M23 movement against the Congolese army.", "en",
     "SUPPORT", "supports", "present tense in a relative clause"),
    # the imperfect: what was going on or kept happening
    ("Depuis plusieurs jours, les gendarmes français demandaient aux manifestants de libérer le "
     "rond-point.", "fr", "REQUEST", "demandaient", "imperfect"),
    # the subjunctive: wished or doubted, not done
    ("Le chef de Boko Haram a démenti que les otages nigérians aient été libérés par l'armée.", "fr",
     "RETREAT", "libérés", "content of 'démenti'"),
    ("Le président malien a exigé hier que les soldats français quittent la base de Kidal.", "fr",
     "RETREAT", "quittent", "content of 'exigé'"),
    # an accusation made for a long time is background
    ("Longtemps accusée de laxisme par ses alliés occidentaux, la Turquie a renforcé ses contrôles à la "
     "frontière syrienne.", "fr", "ACCUSE", "accusée", "habitual ('Longtemps')"),
    # what an accusation says was done is its content, not an act told
    ("Rabat a accusé mardi les forces algériennes d'avoir tué deux bergers marocains près de Figuig.", "fr",
     "ASSAULT", "tué", "content of the accusation 'accusé'"),
    ("Bamako on Tuesday accused the Algerian army of killing three Malian herders near the border.", "en",
     "ASSAULT", "killing", "content of the accusation 'accused'"),
    # a participle clause with no subject of its own is as old as its main verb
    ("Over the past decade Turkey has expanded its military footprint in the Sahel, training Nigerien officers "
     "and selling armed drones to the Malian army.", "en", "AID", "training",
     "participle clause of 'expanded' (background ('Over the past decade'))"),
])
def test_background_plans_stances_and_moods_are_no_acts(code_with_rules, rules_coder, text, lang, not_coded, word,
                                                        why) -> None:
    coded = code_with_rules(text, lang=lang, published="2025-06-05")
    assert not any(ev == not_coded for ev, *_ in events(coded)), coded.events
    reasons = skip_reasons(rules_coder, coded)
    assert skipped(reasons, word, why), reasons


def test_the_main_clause_after_a_concession_is_coded(code_text) -> None:
    got = events(code_text("Malgré les critiques, le Togo a signé l'accord avec la Chine.", lang="fr"))
    assert has(got, "SUPPORT", {"TGO"}, {"CHN"}), got


def test_a_stance_is_no_rejection_a_veto_opposed_is(code_text) -> None:
    # "s'opposer à" states a position (the training corpus codes none of its three); opposing a
    # veto or a refusal to a named act is a rejection (fr/rules.tsv)
    got = events(code_text("Le parlement béninois s'oppose à toute intervention au Niger.", lang="fr"))
    assert not any(ev in ("AGREE", "REJECT") for ev, *_ in got), got
    got = events(code_text("Le parlement béninois s'oppose à l'intervention du Nigeria au Niger.", lang="fr"))
    assert not any(ev in ("AGREE", "REJECT") for ev, *_ in got), got
    got = events(code_text("Le parlement béninois a opposé son veto à l'intervention du Nigeria au Niger.", lang="fr"))
    assert has(got, "REJECT", {"BEN"}, {"NGA"}), got


def test_a_past_act_in_a_relative_clause_is_still_an_act(code_text) -> None:
    got = events(code_text("Le Maroc, qui a rappelé hier son ambassadeur en Algérie, n'a pas commenté.", lang="fr"))
    assert has(got, "SANCTION", {"MAR"}), got


def test_an_imperfect_with_a_time_of_its_own_that_day_is_still_an_act(code_text) -> None:
    got = events(code_text("Ce matin, les manifestants maliens réclamaient devant l'ambassade de France le "
                           "départ des soldats français.", lang="fr"))
    assert any(ev in ("REQUEST", "PROTEST") for ev, *_ in got), got


def test_a_participle_clause_of_a_dated_act_is_an_act(code_text) -> None:
    # the minimal pair of the participle clause above: its main verb is this week's act
    got = events(code_text("On Monday Turkey expanded its military presence in Niger, training Nigerien officers "
                           "at a base near Niamey.", lang="en"))
    assert has(got, "AID", {"TUR"}, {"NER"}), got


def test_the_accusation_itself_is_coded_and_the_same_killing_told_as_done_is_an_attack(code_text) -> None:
    # the minimal pairs of the accusations above
    got = events(code_text("Rabat a accusé mardi les forces algériennes d'avoir tué deux bergers marocains près de "
                           "Figuig.", lang="fr"))
    assert has(got, "ACCUSE", {"MAR"}, {"DZA"}), got
    got = events(code_text("Mardi, les forces algériennes ont tué deux bergers marocains près de Figuig.", lang="fr"))
    assert has(got, "ASSAULT", {"DZA"}, {"MAR"}), got


@pytest.mark.parametrize("done,planned,lang", [
    ("Chad announced on Thursday its decision to end its defence cooperation agreement with France.",
     "Chad will announce next week its decision to end its defence cooperation agreement with France.", "en"),
    ("Le Tchad a annoncé jeudi sa décision de mettre fin à l'accord de coopération de défense avec la France.",
     "Le Tchad annoncera la semaine prochaine sa décision de mettre fin à l'accord de défense avec la France.",
     "fr"),
])
def test_a_decision_announced_is_the_act_decided(code_with_rules, rules_coder, done, planned, lang) -> None:
    # the decision's infinitive is done when the verb that makes the decision known is
    coded = code_with_rules(done, lang=lang)
    assert has(events(coded), "SANCTION", actors=("TCD",), recipients=("FRA",)), coded.events
    later = code_with_rules(planned, lang=lang)
    assert not events(later), later.events
