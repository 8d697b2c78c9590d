"""Reports that tempt the coder and hold no event between states (heldout/noevent4-*, written to
find them): an indirect question, the content of denied reports, a sports bulletin, a road
accident, companies trading. Each is paired with the sentence that is coded. Sentences written for
these tests."""

from __future__ import annotations

from event_helpers import events, has, skip_reasons, skipped


def test_an_indirect_question_states_no_intent(code_with_rules, rules_coder) -> None:
    coded = code_with_rules("Asked whether Algeria intended to mediate between Mali and the rebels, the minister "
                            "said the question did not arise.", lang="en")
    assert not events(coded), coded.events
    assert skipped(skip_reasons(rules_coder, coded), "mediate", "infinitive under 'intended'")


def test_the_intent_stated_is_a_promise(code_text) -> None:
    got = events(code_text("Algeria intends to mediate between Mali and the rebels, the minister said.", lang="en"))
    assert has(got, "AGREE", {"DZA"}, {"MLI"}), got


def test_what_denied_reports_say_is_no_act(code_with_rules, rules_coder) -> None:
    coded = code_with_rules("Morocco denied reports that its navy had seized a Spanish trawler.", lang="en")
    assert not any(ev == "COERCE" for ev, *_ in events(coded)), coded.events
    assert skipped(skip_reasons(rules_coder, coded), "seized", "content of 'reports' under 'denied'")


def test_what_confirmed_reports_say_is_told(code_text) -> None:
    got = events(code_text("Morocco confirmed reports that its navy had seized a Spanish trawler.", lang="en"))
    assert has(got, "COERCE", {"MAR"}, {"ESP"}), got


_MATCH = ("{title}\n\nAu stade d'Abidjan, la Côte d'Ivoire a lancé l'assaut dès la première minute contre le "
          "Ghana.")


def test_sport_in_the_title_makes_a_sports_report(code_with_rules, rules_coder) -> None:
    coded = code_with_rules(_MATCH.format(title="Sport : les Éléphants de Côte d'Ivoire battent le Ghana"), lang="fr")
    assert not events(coded), coded.events
    assert skipped(skip_reasons(rules_coder, coded), "assaut", "sports report ('sport', 'stade'")


def test_one_word_of_sport_alone_does_not(code_text) -> None:
    # the minimal pair: "stade" alone is one word of sport, the attack is read
    got = events(code_text(_MATCH.format(title="Les Éléphants de Côte d'Ivoire battent le Ghana"), lang="fr"))
    assert has(got, "ASSAULT", {"CIV"}, {"GHA"}), got


def test_deaths_in_a_road_accident_have_no_guessed_author(code_with_rules, rules_coder) -> None:
    coded = code_with_rules("Bus crash on the Kayes road kills twelve\n\nBAMAKO, March 3 — Twelve people were "
                            "killed on Sunday when a bus collided with a truck near Kayes, Mali, the police said.",
                            lang="en")
    assert not events(coded), coded.events
    assert skipped(skip_reasons(rules_coder, coded), "killed", "only a guessed author in a report of a disaster")


def test_the_same_deaths_under_a_title_of_violence_are_an_attack(code_text) -> None:
    got = events(code_text("Gunmen kill twelve on the Kayes road\n\nBAMAKO, March 3 — Twelve people were killed "
                           "on Sunday near Kayes, Mali, the police said.", lang="en"))
    assert any(ev == "ASSAULT" for ev, *_ in got), got


def test_a_demonym_describing_a_company_names_no_state(code_with_rules, rules_coder) -> None:
    coded = code_with_rules("The Senegalese power company signed a contract with a Moroccan firm on Monday.",
                            lang="en")
    assert not events(coded), coded.events
    assert skipped(skip_reasons(rules_coder, coded), "signed", "no state among its parties")


def test_the_state_signing_with_a_state_is_coded(code_text) -> None:
    got = events(code_text("Senegal signed a contract with Morocco on Monday for the supply of patrol boats.",
                           lang="en"))
    assert has(got, "COOPERATE", {"SEN"}, {"MAR"}), got


def test_a_request_to_the_public_is_advice_to_ones_own_people(code_with_rules, rules_coder) -> None:
    coded = code_with_rules("Mali's health ministry urged the public on Friday to stay away from the flooded "
                            "districts of Bamako.", lang="en")
    assert not events(coded), coded.events
    assert skipped(skip_reasons(rules_coder, coded), "urged", "REQUEST addressed to the actor's own nationals or the "
                                                              "public")
    fr = code_with_rules("Le ministère malien de la Santé a invité vendredi la population à éviter les quartiers "
                         "inondés de Bamako.", lang="fr")
    assert not events(fr), fr.events


def test_a_request_to_another_state_is_coded(code_text) -> None:
    got = events(code_text("Mali's foreign ministry urged Niger on Friday to reopen the border crossing at Labbezanga.",
                           lang="en"))
    assert has(got, "REQUEST", {"MLI"}, {"NER"}), got
