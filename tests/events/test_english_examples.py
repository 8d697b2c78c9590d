"""English background and phrasing: habits and spans of years are not news; phone calls; drills."""

from __future__ import annotations


def _events(coded):
    assert coded.rejected is None, coded.rejected
    return [(e.event, e.mode, sorted(a.code for a in e.actor)) for e in coded.events]


def test_has_long_funded_is_background(code_text) -> None:
    events = _events(code_text("Japan has long funded schools and clinics in northern Ghana.", lang="en"))
    assert not any(ev == "AID" for ev, _, _ in events), events


def test_killed_in_recent_years_is_background(code_text) -> None:
    text = "Several Chadian soldiers have been killed in recent years along the border with Libya."
    events = _events(code_text(text, lang="en"))
    assert not any(ev == "ASSAULT" for ev, _, _ in events), events


def test_spoke_by_telephone_is_a_phone_consultation(code_text) -> None:
    text = "The Ghanaian President spoke by telephone on Monday with his Togolese counterpart about trade."
    events = _events(code_text(text, lang="en"))
    assert any(ev == "CONSULT" and mode == "phone" and actors == ["GHA"] for ev, mode, actors in events), events


def test_navies_holding_a_joint_exercise_cooperate(code_text) -> None:
    text = "The Italian Navy and the Tunisian Navy on Friday concluded a joint exercise in the Strait of Sicily."
    events = _events(code_text(text, lang="en"))
    assert any(ev == "COOPERATE" and set(actors) >= {"ITA"} for ev, _, actors in events), events
