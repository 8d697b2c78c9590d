"""Who an act is aimed at: a recipient found inside the act's phrase; a same-country recipient is kept
when it is another part of that state (domestic events) and dropped when it is the actor's own side
(its nationals, its diplomats); a withdrawal with no target named is addressed to the state it
leaves when that is not the actor's own; a protest at home gets no invented target, a protest
before a foreign state's building is aimed at that state; a mobilisation is aimed at the state it
is set against, or at the state its phrase names when the clause gives its author (a guessed
recipient beside no actor is no event). Sentences written for these tests (the cases taken from
the dev set are in tests/events/test_dev_regressions.py)."""

from __future__ import annotations

import pytest

from communique.events.detect import same_side
from communique.model import Entity

from event_helpers import events, events_by_code_and_sector, has, of_type, skip_reasons, skipped


def _ent(code, sector, start=0, end=5):
    return Entity(code=code, sector=sector, entity_text="x", start=start, end=end)


def test_fallback_recipient_still_found_inside_the_phrase(code_text) -> None:
    got = events(code_text("Le Mali a critiqué mardi l'essai nucléaire de la Corée du Nord.", lang="fr"))
    assert has(got, "ACCUSE", {"MLI"}, {"PRK"}), got


def test_same_side_rules():
    assert same_side(_ent("TCD", "GOV"), _ent("TCD", "GOV", 10, 15))
    assert same_side(_ent("TCD", "CVL"), _ent("TCD", "GOV", 10, 15))  # its own nationals
    assert same_side(_ent("TCD", "DIP"), _ent("TCD", "GOV", 10, 15))  # its own diplomat
    assert not same_side(_ent("TCD", "GOV"), _ent("TCD", "REB", 10, 15))  # rebels -> the government
    assert not same_side(_ent("TCD", "GOV"), _ent("NER", "GOV", 10, 15))
    assert not same_side(_ent(None, "GOV"), _ent(None, "GOV", 10, 15))
    # the recipient's phrase holds the actor: its country came from the actor
    assert same_side(_ent("TCD", "REB", 0, 40), _ent("TCD", "GOV", 30, 35))


def test_domestic_recipient_kept(code_with_rules):
    evs = events_by_code_and_sector(code_with_rules("The Chadian rebels on Monday attacked the Chadian army near "
                                                    "the capital.", lang="en"))
    assert any(("TCD", "REB") in act and any(c == "TCD" for c, _ in rec) for _, _, act, rec in evs)


def test_advice_to_own_nationals_is_no_request(code_with_rules, rules_coder) -> None:
    coded = code_with_rules("Le Canada invite les ressortissants canadiens à quitter le Soudan.", lang="fr")
    assert not any(ev == "REQUEST" for ev, *_ in events(coded)), coded.events
    reasons = skip_reasons(rules_coder, coded)
    assert skipped(reasons, "invite", "addressed to the actor's own nationals"), reasons


def test_a_protest_at_home_gets_no_invented_target(code_text) -> None:
    coded = code_text("Des milliers de manifestants maliens se sont rassemblés hier à Bamako pour "
                      "protester contre la vie chère.", lang="fr")
    protests = [e for e in coded.events if e.event == "PROTEST"]
    assert protests and all(not e.recipient for e in protests), coded.events


def test_a_protest_before_a_foreign_states_building_is_aimed_at_that_state(code_text) -> None:
    # the building is fronted, outside the verb's slots: the protest's phrase still names its target
    title = "Tensions entre Alger et Rabat"
    coded = code_text(f"{title}\n\nDevant le consulat du Maroc, dans le centre d'Oran, une centaine de jeunes se "
                      "sont rassemblés mardi à l'appel d'un collectif, scandant des slogans hostiles au royaume.",
                      lang="fr", title=title)
    assert has(events(coded), "PROTEST", {"DZA"}, {"MAR"}), coded.events


@pytest.mark.parametrize("text,lang,event,actor,recipient", [
    ("Les soldats français ont quitté hier la base de Tessalit, dans le nord du Mali.", "fr", "RETREAT",
     "FRA", "MLI"),
    ("The last American troops left the base of Bagram in Afghanistan on Friday.", "en", "RETREAT", "USA",
     "AFG"),
])
def test_a_withdrawal_abroad_is_addressed_to_the_state_it_leaves(code_text, text, lang, event, actor,
                                                                  recipient) -> None:
    got = events(code_text(text, lang=lang))
    assert has(got, event, {actor}, {recipient}), got


def test_a_withdrawal_at_home_gets_no_invented_target(code_text) -> None:
    got = events(code_text("L'armée malienne s'est retirée hier de la ville de Léré.", lang="fr"))
    assert [(ev, recipients) for ev, _, _, recipients in got] == [("RETREAT", set())], got


@pytest.mark.parametrize("text,lang,actor,recipient", [
    ("Le Tchad a déployé hier des renforts militaires à sa frontière en vue d'une offensive contre le "
     "Soudan.", "fr", "TCD", "SDN"),
])
def test_a_mobilisation_is_aimed_at_the_state_it_is_set_against(code_text, text, lang, actor, recipient) -> None:
    got = events(code_text(text, lang=lang))
    assert has(got, "MOBILIZE", {actor}, {recipient}), got


def test_a_deployment_with_its_author_is_aimed_at_the_state_its_phrase_names(code_text) -> None:
    title = "Tensions à l'est."
    coded = code_text(f"{title}\n\nLe Tchad a déployé lundi deux bataillons le long de sa frontière avec le Soudan.",
                      lang="fr", title=title)
    assert has(events(coded), "MOBILIZE", {"TCD"}, {"SDN"}), coded.events


def test_a_deployment_with_no_author_gets_no_recipient_from_its_phrase(code_with_rules, rules_coder) -> None:
    # the title names the deployment and a state, the body nobody who deploys: no party, no event
    title = "Déploiement de renforts à la frontière avec le Soudan"
    coded = code_with_rules(f"{title}\n\nDes colonnes de blindés ont été aperçues lundi sur la route de l'est.",
                            lang="fr", title=title)
    assert not of_type(events(coded), "MOBILIZE"), coded.events
    assert skipped(skip_reasons(rules_coder, coded), "Déploiement", "MOBILIZE: no party found")
