"""English round 2 of issue 4: peoples and places in actor phrases (sentences written for these tests)."""

from __future__ import annotations


def _parties(coded):
    assert coded.rejected is None, coded.rejected
    return [(e.event, [(a.code, a.sector) for a in e.actor], [(r.code, r.sector) for r in e.recipient])
            for e in coded.events]


def test_ethnic_group_takes_the_state_it_lives_in(code_text) -> None:
    parties = _parties(code_text("Several hundred ethnic Hungarians demonstrated on Sunday in Slovakia.", lang="en"))
    assert any(ev == "PROTEST" and actors and actors[0][0] == "SVK" for ev, actors, _ in parties), parties


def test_people_of_a_state_named_by_two_demonyms(code_text) -> None:
    parties = _parties(code_text("Bosnian Croats attacked a police station near Mostar.", lang="en"))
    assert any(ev == "ASSAULT" and actors and actors[0][0] == "BIH" for ev, actors, _ in parties), parties


def test_relative_clause_does_not_name_the_recipient(code_text) -> None:
    parties = _parties(code_text("Germany is providing weapons to Ukraine which is preparing an offensive "
                                 "against Russian troops.", lang="en"))
    aid = [r for ev, _, r in parties if ev == "AID"]
    assert aid and aid[0] and aid[0][0][0] == "UKR", parties


def test_guerillas_spelling_is_rebel(code_text) -> None:
    parties = _parties(code_text("Colombian guerillas attacked an army base.", lang="en"))
    assert any(ev == "ASSAULT" and actors and actors[0] == ("COL", "REB") for ev, actors, _ in parties), parties
