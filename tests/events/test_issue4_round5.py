"""Issue 4, French round 5: a stray comma between a subject and its verb, coordinated passives,
relative clauses summing up a war, an imminent act announced by a party. Sentences written for
these tests (none comes from a gold set or from the examples)."""

from __future__ import annotations


def _events(coded):
    assert coded.rejected is None, coded.rejected
    return [(e.event, e.mode, set(a.code for a in e.actor), set(r.code for r in e.recipient)) for e in coded.events]


def _has(events, event, actors=(), recipients=()):
    return any(ev == event and set(actors) <= a and set(recipients) <= r for ev, _, a, r in events)


def test_stray_comma_subject_takes_the_noun_conjunct(code_text) -> None:
    # "… et le ministre argentin X, a demandé": the parser hangs the minister on the first verb
    got = _events(code_text("Le président chilien a critiqué la décision et le ministre argentin des Finances "
                            "Pablo Ruiz, a demandé que les bureaux de la Banque mondiale soient fermés.", lang="fr"))
    assert _has(got, "REQUEST", {"ARG"}), got
    assert not _has(got, "REQUEST", {"CHL"}), got
    # the cut-off subject is no part of the first verb's phrase: Argentina is not criticised
    assert not _has(got, "ACCUSE", {"CHL"}, {"ARG"}), got


def test_coordinated_passives_share_what_they_undergo(code_text) -> None:
    got = _events(code_text("La proposition turque a été rejetée par la Grèce et écartée par Chypre.", lang="fr"))
    assert _has(got, "REJECT", {"GRC"}, {"TUR"}), got
    assert _has(got, "REJECT", {"CYP"}, {"TUR"}), got


def test_relative_clause_summing_up_a_war_is_no_attack(code_text) -> None:
    got = _events(code_text("Le Conseil de sécurité a adopté un texte sur le Yémen, où une guerre qui a tué "
                            "des dizaines de milliers de personnes dure depuis des années.", lang="fr"))
    assert not any(ev == "ASSAULT" for ev, *_ in got), got


def test_imminent_act_announced_by_a_party_is_an_intent(code_text) -> None:
    got = _events(code_text("Le ministre brésilien de l'Économie a déclaré lundi que le Brésil s'apprêtait à "
                            "signer un accord avec le Japon.", lang="fr"))
    assert _has(got, "AGREE", {"BRA"}, {"JPN"}), got


def test_imminent_act_told_by_the_journalist_stays_a_plan(code_text) -> None:
    got = _events(code_text("Le Brésil s'apprête à signer un accord avec le Japon.", lang="fr"))
    assert not got, got
