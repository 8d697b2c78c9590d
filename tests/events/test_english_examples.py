"""English background and phrasing: habits and spans of years are not news; phone calls; drills."""

from __future__ import annotations

import pytest

from event_helpers import skip_reasons, skipped


def _events(coded):
    assert coded.rejected is None, coded.rejected
    return [(e.event, e.mode, sorted(a.code for a in e.actor)) for e in coded.events]


@pytest.mark.parametrize("text,event,word,why", [
    ("Japan has long funded schools and clinics in northern Ghana.", "AID", "funded", "habitual ('long')"),
    ("Several Chadian soldiers have been killed in recent years along the border with Libya.", "ASSAULT",
     "killed", "background ('in recent years')"),
])
def test_habits_and_spans_of_years_are_background(code_with_rules, rules_coder, text, event, word, why) -> None:
    coded = code_with_rules(text, lang="en")
    events = _events(coded)
    assert not any(ev == event for ev, _, _ in events), events
    reasons = skip_reasons(rules_coder, coded)
    assert skipped(reasons, word, why), reasons


def test_funding_on_a_day_is_aid(code_text) -> None:
    events = _events(code_text("Japan funded schools and clinics in northern Ghana on Monday.", lang="en"))
    assert any(ev == "AID" and actors == ["JPN"] for ev, _, actors in events), events


def test_spoke_by_telephone_is_a_phone_consultation(code_text) -> None:
    text = "The Ghanaian President spoke by telephone on Monday with his Togolese counterpart about trade."
    events = _events(code_text(text, lang="en"))
    assert any(ev == "CONSULT" and mode == "phone" and actors == ["GHA"] for ev, mode, actors in events), events


def test_navies_holding_a_joint_exercise_cooperate(code_text) -> None:
    text = "The Italian Navy and the Tunisian Navy on Friday concluded a joint exercise in the Strait of Sicily."
    events = _events(code_text(text, lang="en"))
    assert any(ev == "COOPERATE" and set(actors) >= {"ITA"} for ev, _, actors in events), events
