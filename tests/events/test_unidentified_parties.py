"""Acts whose author is not named: an attack reported with "a eu lieu" or an abduction is by
unnamed authors of the place (sector UNK), never by the target named after "contre"; a crowd that
gathers to protest is the civilians of the place; arrests with no agent are made by the police of
the place. Sentences written for these tests."""

from __future__ import annotations

import pytest

from event_helpers import events_and_actor_sectors, events_and_objects


@pytest.mark.parametrize("text,recipient,place_country", [
    # "a eu lieu" reports the attack; its unnamed authors act where it happened
    ("Une attaque contre la police nigérienne a eu lieu mardi à Niamey.", "NER", "NER"),
    # an abduction by unnamed kidnappers
    ("Un Italien a été enlevé mardi au Niger.", "ITA", "NER"),
])
def test_attack_without_named_author(code_text, text, recipient, place_country) -> None:
    got = events_and_objects(code_text(text, lang="fr"))
    attacks = [e for ev, _, _, r, e in got if ev == "ASSAULT" and recipient in r]
    assert attacks, got
    actor = attacks[0].actor[0]
    assert actor.code == place_country and actor.sector == "UNK", actor
    # the target named after "contre" is never the author
    assert all(a.sector != "COP" for a in attacks[0].actor), attacks[0].actor


def test_crowd_gathering_to_protest_is_a_demonstration(code_text) -> None:
    # a pronominal verb ("se sont rassemblés") whose subject names no group: civilians of the place
    got = events_and_actor_sectors(code_text("Des centaines de personnes se sont rassemblées samedi devant "
                                             "l'ambassade de France à Dakar pour réclamer le départ des soldats "
                                             "français.", lang="fr"))
    protests = [g for g in got if g[0] == "PROTEST"]
    assert protests, got
    _, _, actors, recipients, sectors = protests[0]
    assert actors == {"SEN"} and sectors == ["CVL"] and "FRA" in recipients, got


def test_arrests_with_no_agent_are_made_by_the_police_of_the_place(code_text) -> None:
    got = events_and_actor_sectors(code_text("Une vingtaine de personnes ont été interpellées mardi à Niamey lors "
                                             "d'un rassemblement interdit.", lang="fr"))
    arrests = [g for g in got if g[0] == "COERCE"]
    assert arrests, got
    assert arrests[0][2] == {"NER"} and arrests[0][4] == ["COP"], got
