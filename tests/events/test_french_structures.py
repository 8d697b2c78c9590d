"""French phrasing a news coder needs: blaming another party is an accusation, "persona non grata"
an expulsion; a gathering with no protest is no event; a stray comma between a subject and its verb
leaves the subject with its own verb. Sentences written for these tests."""

from __future__ import annotations

import pytest

from event_helpers import events, has


@pytest.mark.parametrize("text,event,actors,recipients", [
    # blaming another party
    ("L'armée malienne a démenti toute implication en rejetant la faute sur le Niger.",
     "ACCUSE", {"MLI"}, {"NER"}),
    ("Le Niger tient le Tchad pour responsable de l'attaque.", "ACCUSE", {"NER"}, {"TCD"}),
])
def test_blaming_another_party_is_an_accusation(code_text, text, event, actors, recipients) -> None:
    got = events(code_text(text, lang="fr"))
    assert has(got, event, actors, recipients), got


def test_persona_non_grata_is_an_expulsion(code_text) -> None:
    got = events(code_text("Le gouvernement malien a déclaré jeudi persona non grata le consul du Sénégal à "
                           "Kayes.", lang="fr"))
    assert has(got, "SANCTION", {"MLI"}, {"SEN"}), got
    assert any(ev == "SANCTION" and mode == "expel" for ev, mode, *_ in got), got


def test_gathering_without_protest_is_no_event(code_text) -> None:
    got = events(code_text("Des centaines de fidèles se sont rassemblés dimanche à Touba pour la prière.",
                           lang="fr"))
    assert not any(ev == "PROTEST" for ev, *_ in got), got


def test_stray_comma_subject_takes_the_noun_conjunct(code_text) -> None:
    # "… et le ministre argentin X, a demandé": the parser hangs the minister on the first verb
    got = events(code_text("Le président chilien a critiqué la décision et le ministre argentin des Finances "
                           "Pablo Ruiz, a demandé que les bureaux de la Banque mondiale soient fermés.", lang="fr"))
    assert has(got, "REQUEST", {"ARG"}), got
    assert not has(got, "REQUEST", {"CHL"}), got
    # the cut-off subject is no part of the first verb's phrase: Argentina is not criticised
    assert not has(got, "ACCUSE", {"CHL"}, {"ARG"}), got


def test_criticism_named_in_a_concession_targets_what_the_main_clause_does(code_text) -> None:
    # "l’ Algérie" with a space after the elision: the parser calls it a common noun
    text = ("Malgré les critiques de l’ Algérie et de l’ Afrique du Sud, la majorité des membres de "
            "l'Union africaine ont voté hier en faveur du retour du Maroc dans l'organisation.")
    got = events(code_text(text, lang="fr"))
    assert has(got, "ACCUSE", {"DZA", "ZAF"}, {"MAR"}), got
    # a vote for a party is support for it; the critics of the concession are no party of the vote
    assert has(got, "SUPPORT", {"IGO"}, {"MAR"}), got
    assert not any(ev == "SUPPORT" and {"DZA", "ZAF"} & recipients for ev, _, _, recipients in got), got


def test_a_vote_on_a_text_is_no_support_for_a_party(code_text) -> None:
    text = "Les députés ont voté hier en faveur d'une résolution sur le Mali."
    got = events(code_text(text, lang="fr"))
    assert not any(ev == "SUPPORT" for ev, *_ in got), got


def test_a_verb_given_its_nouns_lemma_is_still_read(code_text) -> None:
    # the lemmatizer gives "demande" (the noun) for the verb; it is read as "demander"
    text = ("Le gouvernement espagnol continue lui aussi de faire pression, et demande hier aux autorités "
            "marocaines de préciser rapidement leur position.")
    got = events(code_text(text, lang="fr"))
    assert has(got, "REQUEST", {"ESP"}, {"MAR"}), got


def test_a_guessed_actor_alone_is_no_event(code_with_rules, rules_coder) -> None:
    # the parser finds no subject ("reproche" read as an adjective of "Ouagadougou") and the
    # clause names nobody acted upon: the state named before the verb would be a guess
    coded = code_with_rules("Ouagadougou reproche au diplomate des « agissements incompatibles avec son "
                            "statut », sans fournir davantage de précisions.", lang="fr", article_id="guess")
    assert coded.events == [], coded.events
    why = rules_coder.skipped["guess"]
    assert any("only a guessed actor" in w for w in why), why


@pytest.mark.parametrize("text,lang", [
    ("Le Belge Greg Van Avermaet s'est offert un titre olympique samedi à Rio.", "fr"),
    ("L'équipe de France a cédé hier son titre olympique aux États-Unis.", "fr"),
    ("L'Espagnol Mario Mola prend le contrôle de la course dès la première étape.", "fr"),
    ("The French relay team conceded the title to the United States on Sunday.", "en"),
])
def test_sport_results_are_no_acts_between_states(code_text, text, lang) -> None:
    got = events(code_text(text, lang=lang))
    assert got == [], got


def test_a_court_sentence_is_a_conviction_not_a_condemnation(code_text) -> None:
    got = events(code_text("Le tribunal de Buenos Aires a condamné hier l'ancienne présidente argentine pour "
                           "abus de confiance.", lang="fr"))
    assert [ev for ev, *_ in got] == ["SANCTION"], got


def test_la_reunion_is_an_island_not_a_meeting(code_text) -> None:
    got = events(code_text("La Réunion : le cyclone Berguitta approche de l'île\n\nLe préfet a fermé hier les "
                           "écoles.", lang="fr"))
    assert not any(ev == "CONSULT" for ev, *_ in got), got


def test_a_person_named_in_full_earlier_is_known_by_surname(code_text) -> None:
    got = events(code_text("La Première ministre britannique Theresa May demande des mesures contre la Russie. "
                           "Le président français a exprimé hier son soutien entier à May.", lang="fr"))
    assert has(got, "SUPPORT", {"FRA"}, {"GBR"}), got


@pytest.mark.parametrize("text,lang,event", [
    ("La Chine a prêté hier 200 millions de dollars au Kenya.", "fr", "AID"),
    ("Theresa May a annoncé jeudi que la France va prêter au Royaume-Uni la Tapisserie de Bayeux.", "fr", "AGREE"),
    ("China lent Kenya 200 million dollars on Monday.", "en", "AID"),
])
def test_a_loan_is_aid_and_a_promised_loan_an_agreement(code_text, text, lang, event) -> None:
    got = events(code_text(text, lang=lang))
    assert [ev for ev, *_ in got] == [event], got
