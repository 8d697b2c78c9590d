"""English phrasing a news coder needs: lifting a blockade is a retreat, lifting sanctions a
concession; allowing an opponent to act; attempts coded as the act; reneging on a commitment;
al-Qaeda as a transnational group; "committed by" is no promise, "committed to" is; the author of an
attack in a compound of the attack noun. Sentences written for these tests; none comes from a gold
set (the cases taken from the dev set are in tests/events/test_dev_regressions.py)."""

from __future__ import annotations

import pytest

from event_helpers import events, events_and_objects, has, skip_reasons, skipped


@pytest.mark.parametrize("text,event,actors,recipients", [
    # lifting or easing a military blockade is RETREAT (CAMEO 0872 -> RETREAT/withdraw)
    ("Turkish troops lifted a week-long blockade on Armenian trucks at the border post.",
     "RETREAT", {"TUR"}, set()),
    # lifting sanctions stays CONCEDE
    ("Canada lifted sanctions on Zimbabwe on Monday.", "CONCEDE", {"CAN"}, {"ZWE"}),
    # allowing an opponent to act, the opponent parsed as the clause's subject
    ("The Kenyan electoral board allowed the jailed opposition leader to stand in the vote.",
     "CONCEDE", {"KEN"}, set()),
    # an attempt is coded as the act (PLOVER: attempted assassinations are ASSAULT/targeted)
    ("Gunmen from Chad attempted to assassinate the governor of a Nigerien province.",
     "ASSAULT", {"TCD"}, set()),
    # reneging on a commitment
    ("Peru has reneged on its promise to Bolivia over the port deal.", "REJECT", {"PER"}, set()),
    # al-Qaeda's core is a transnational militarized group (PLOVER IMG)
    ("Al-Qaeda threatened Kenya with new attacks.", "THREATEN", {"IMG"}, {"KEN"}),
])
def test_english_structures(code_text, text, event, actors, recipients) -> None:
    got = events(code_text(text, lang="en"))
    assert has(got, event, actors, recipients), got


def test_crimes_committed_by_are_no_promise_committed_to_is(code_with_rules, rules_coder) -> None:
    coded = code_with_rules("Chilean police opened an inquiry into abuses committed by Argentine guards.",
                            lang="en")
    assert not any(ev == "AGREE" for ev, *_ in events(coded)), coded.events
    reasons = skip_reasons(rules_coder, coded)
    assert skipped(reasons, "committed", "no trigger row's cue holds"), reasons
    got = events(code_with_rules("Japan committed to rebuild the harbour of Tonga.", lang="en"))
    assert has(got, "AGREE", {"JPN"}), got


def test_author_in_a_compound_of_the_attack_noun(code_text) -> None:
    got = events_and_objects(code_text("Recent Kenyan drone strikes have killed six militants in Somalia.",
                                       lang="en"))
    assert any(ev == "ASSAULT" and "KEN" in a for ev, _, a, _, _ in got), got


def test_what_a_state_orders_its_own_agents_to_do_is_its_act(code_with_rules, rules_coder) -> None:
    own = code_with_rules("The Nigerian president instructed his ministers to send relief supplies to Niger.",
                          lang="en")
    assert has(events(own), "AID", actors=("NGA",), recipients=("NER",)), own.events
    assert not has(events(own), "REQUEST"), own.events
    army = code_with_rules("The Chadian president ordered the army to withdraw from the Nigerien border.", lang="en")
    assert has(events(army), "RETREAT", actors=("TCD",)), army.events
    assert not has(events(army), "REQUEST"), army.events
    other = code_with_rules("Mali ordered France to stop its military operations.", lang="en")
    assert has(events(other), "REQUEST", actors=("MLI",), recipients=("FRA",)), other.events
    assert skipped(skip_reasons(rules_coder, other), "stop", "intention, not an act"), other.events
