"""A crowd gathered "pour protester" makes the protest: the purpose of an act that happened is told
with it. A state's purpose ("a convoqué l'ambassadeur pour protester") is its own act's business,
and a gathering planned tells none. Sentences written for these tests."""

from __future__ import annotations

from event_helpers import events, skip_reasons, skipped


def test_a_crowd_invading_a_square_to_protest_protests(code_text) -> None:
    got = events(code_text("Des milliers de personnes ont envahi samedi le centre de Niamey pour protester contre "
                           "la présence de troupes françaises.", lang="fr"))
    assert any(ev == "PROTEST" and "FRA" in recipients for ev, _, _, recipients in got), got


def test_a_state_summoning_an_envoy_to_protest_makes_no_protest(code_with_rules, rules_coder) -> None:
    coded = code_with_rules("Le Niger a convoqué samedi l'ambassadeur de France pour protester contre la présence "
                            "de troupes françaises.", lang="fr")
    assert not any(ev == "PROTEST" for ev, *_ in events(coded)), coded.events
    assert skipped(skip_reasons(rules_coder, coded), "protester", "infinitive under")


def test_a_gathering_planned_to_protest_is_none(code_with_rules, rules_coder) -> None:
    coded = code_with_rules("Des milliers de personnes comptent envahir samedi le centre de Niamey pour protester "
                            "contre la présence de troupes françaises.", lang="fr")
    assert not events(coded), coded.events
    assert skipped(skip_reasons(rules_coder, coded), "protester", "infinitive under 'envahir'")
