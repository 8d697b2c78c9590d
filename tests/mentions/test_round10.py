"""Round 10 of actor resolution: a person introduced with a demonym before the title ("Nigerian
general X") lends that state to later surname-only mentions (guidelines §6)."""

from __future__ import annotations


def _parties(coded):
    assert coded.rejected is None, coded.rejected
    return [(e.event, sorted(a.code or "-" for a in e.actor), sorted(r.code or "-" for r in e.recipient))
            for e in coded.events]


def test_demonym_before_title_lends_its_state_to_the_surname(code_text) -> None:
    text = ("Ghanaian general Kofi Mensah met reporters on Monday. "
            "Later, Mensah condemned Togo for the raid.")
    events = _parties(code_text(text, lang="en"))
    accuse = [e for e in events if e[0] == "ACCUSE"]
    assert accuse and accuse[0][1] == ["GHA"] and accuse[0][2] == ["TGO"], events
