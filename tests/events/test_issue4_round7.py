"""Issue 4, French round 7: a bare refusal answers the party that asked just before; the clause of
"au motif que…" is a reason, not the thing refused; coordinated passives share their undergoer even
when the parse labels it a plain subject. Sentences written for these tests (none comes from a gold
set or from the examples)."""

from __future__ import annotations


def _events(coded):
    assert coded.rejected is None, coded.rejected
    return [(e.event, e.mode, set(a.code for a in e.actor), set(r.code for r in e.recipient), e.explanation)
            for e in coded.events]


def _find(events, event):
    return [e for e in events if e[0] == event]


def test_bare_refusal_answers_the_party_that_asked_before(code_text) -> None:
    got = _events(code_text("L'Ukraine a exigé le retrait des troupes. La Russie a refusé au motif que cela "
                            "violerait l'accord.", lang="fr"))
    rejects = _find(got, "REJECT")
    assert rejects and "RUS" in rejects[0][2] and "UKR" in rejects[0][3], got
    assert "bare refusal" in rejects[0][4]


def test_refusal_with_its_own_object_keeps_it(code_text) -> None:
    got = _events(code_text("Le Maroc a proposé une médiation. L'Algérie a refusé l'offre de l'Espagne.",
                            lang="fr"))
    rejects = _find(got, "REJECT")
    assert rejects and "MAR" not in rejects[0][3], got


def test_refusing_to_act_is_not_a_bare_refusal(code_text) -> None:
    got = _events(code_text("Le Maroc a demandé un cessez-le-feu. L'Algérie a refusé de signer.", lang="fr"))
    assert not any("bare refusal" in e[4] for e in got), got


def test_coordinated_passives_share_the_thing_refused(code_text) -> None:
    got = _events(code_text("La demande du Mali a été rejetée par la France et écartée par l'Allemagne.",
                            lang="fr"))
    rejects = _find(got, "REJECT")
    assert any("DEU" in e[2] and "MLI" in e[3] for e in rejects), got
