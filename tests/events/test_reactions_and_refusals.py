"""Reactions, refusals and threats: setting a proposal aside or cancelling a meeting is a rejection; a
refusal with its own object keeps it, a refusal to act is no bare refusal; a threat naming no target
aims at the party the text was talking about, never at the threatener. Sentences written for these
tests (the cases taken from the dev set are in tests/events/test_dev_regressions.py)."""

from __future__ import annotations

import pytest

from event_helpers import events, events_and_explanations, has, of_type, skip_reasons, types_and_parties


@pytest.mark.parametrize("text,event,actors,recipients", [
    # setting a proposal aside
    ("Le Mali a écarté la proposition de l'Algérie.", "REJECT", {"MLI"}, {"DZA"}),
    # cancelling a meeting
    ("Le président gabonais a annoncé l'annulation de sa rencontre avec le Cameroun.",
     "REJECT", {"GAB"}, set()),
])
def test_setting_aside_or_cancelling_is_a_rejection(code_text, text, event, actors, recipients) -> None:
    got = events(code_text(text, lang="fr"))
    assert has(got, event, actors, recipients), got


def test_refusal_with_its_own_object_keeps_it(code_text) -> None:
    got = events_and_explanations(code_text("Le Maroc a proposé une médiation. L'Algérie a refusé l'offre de "
                                            "l'Espagne.", lang="fr"))
    rejects = of_type(got, "REJECT")
    assert rejects and "MAR" not in rejects[0][3], got


def test_refusing_to_act_is_not_a_bare_refusal(code_text) -> None:
    got = events_and_explanations(code_text("Le Maroc a demandé un cessez-le-feu. L'Algérie a refusé de signer.",
                                            lang="fr"))
    assert not any("bare refusal" in e[4] for e in got), got
    assert has(got, "REJECT", {"DZA"}), got



@pytest.mark.parametrize("no_comment,refusal,lang,refuser", [
    ("The Malian defence ministry declined to comment on the report on Monday.",
     "The Malian defence ministry declined to extradite the former minister to Algeria on Monday.", "en", "MLI"),
    ("The Malian defence minister declined to name the countries involved.",
     "The Malian defence minister refused to hand over the detained Algerian officers.", "en", "MLI"),
    ("Le ministère nigérien de la Défense a refusé de commenter lundi.",
     "Le Niger a refusé lundi d'extrader l'ancien ministre vers la France.", "fr", "NER"),
])
def test_declining_to_comment_is_no_rejection(code_with_rules, rules_coder, no_comment, refusal, lang,
                                               refuser) -> None:
    # withholding a comment or a name refuses nobody's demand; the exclusion binds the trigger
    # model too (it would read "declined to name" as a rejection)
    quiet = code_with_rules(no_comment, lang=lang)
    assert not any(ev == "REJECT" for ev, *_ in events(quiet)), quiet.events
    assert any("no trigger row's cue holds" in r for r in skip_reasons(rules_coder, quiet)), \
        skip_reasons(rules_coder, quiet)
    assert has(events(code_with_rules(refusal, lang=lang)), "REJECT", {refuser}), refusal

def test_threat_without_target_takes_party_told_before(code_with_rules):
    evs = types_and_parties(code_with_rules("L'Irak a coupé les salaires des fonctionnaires kurdes. "
                                            "La Turquie a menacé de fermer la frontière.", lang="fr"))
    assert ("THREATEN", {"TUR"}, {"IRQ"}) in evs


def test_threat_with_named_target_keeps_it(code_with_rules):
    evs = types_and_parties(code_with_rules("Le Maroc a rappelé son ambassadeur. L'Algérie a menacé l'Espagne de "
                                            "représailles.", lang="fr"))
    threats = [e for e in evs if e[0] == "THREATEN"]
    assert threats and all(r == {"ESP"} for _, _, r in threats)


def test_threat_never_aimed_at_the_threatener(code_with_rules):
    evs = types_and_parties(code_with_rules("La Turquie a menacé de fermer la frontière.", lang="fr"))
    threats = [e for e in evs if e[0] == "THREATEN"]
    assert threats and all(a == {"TUR"} and "TUR" not in r for _, a, r in threats), evs
