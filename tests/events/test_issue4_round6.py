"""Issue 4, French round 6: present-tense states, advice to one's own nationals, a hedge cut off by
an incise, ordering a strike, acts told inside a riposte, "être en contact avec", "informer".
Sentences written for these tests (none comes from a gold set or from the examples)."""

from __future__ import annotations


def _events(coded):
    assert coded.rejected is None, coded.rejected
    return [(e.event, e.mode, set(a.code for a in e.actor), set(r.code for r in e.recipient)) for e in coded.events]


def _has(events, event, actors=(), recipients=()):
    return any(ev == event and set(actors) <= a and set(recipients) <= r for ev, _, a, r in events)


def test_present_tense_passive_state_is_no_arrest(code_text) -> None:
    got = _events(code_text("Selon une association, une trentaine d'opposants sont emprisonnés en Égypte.", lang="fr"))
    assert not any(ev == "COERCE" for ev, *_ in got), got


def test_past_passive_arrest_is_still_coded(code_text) -> None:
    got = _events(code_text("Vingt opposants ont été emprisonnés en Égypte.", lang="fr"))
    assert any(ev == "COERCE" for ev, *_ in got), got


def test_advice_to_own_nationals_is_no_request(code_text) -> None:
    got = _events(code_text("Le Canada invite les ressortissants canadiens à quitter le Soudan.", lang="fr"))
    assert not any(ev == "REQUEST" for ev, *_ in got), got


def test_hedge_reaches_a_participle_cut_off_by_an_incise(code_text) -> None:
    got = _events(code_text("Les rebelles maliens semblent avoir, au moins en partie, renoncé à leurs "
                            "revendications.", lang="fr"))
    assert not any(ev == "CONCEDE" for ev, *_ in got), got


def test_ordering_a_strike_is_no_request(code_text) -> None:
    got = _events(code_text("« Hier, j'ai ordonné une frappe ciblée sur un aéroport en Libye », a déclaré "
                            "le président français.", lang="fr"))
    assert not any(ev == "REQUEST" for ev, *_ in got), got


def test_acts_inside_a_riposte_are_not_coded(code_text) -> None:
    got = _events(code_text("Les soldats nigériens ont riposté, abattant les cinq assaillants et en "
                            "capturant trois.", lang="fr"))
    assert not any(ev in ("COERCE", "ASSAULT") for ev, *_ in got), got


def test_been_in_contact_with_is_a_consultation(code_text) -> None:
    got = _events(code_text("Le ministère tunisien a indiqué avoir été en contact avec les autorités "
                            "algériennes.", lang="fr"))
    got2 = _events(code_text("Nous avons été en contact avec les autorités algériennes hier.", lang="fr"))
    assert _has(got + got2, "CONSULT", (), {"DZA"}) or _has(got + got2, "CONSULT", {"DZA"}), (got, got2)


def test_present_contact_is_a_state(code_text) -> None:
    got = _events(code_text("Nous sommes en contact avec les autorités algériennes.", lang="fr"))
    assert not any(ev == "CONSULT" for ev, *_ in got), got


def test_informing_a_party_is_a_consultation(code_text) -> None:
    got = _events(code_text("La France a informé l'Allemagne de sa décision.", lang="fr"))
    assert _has(got, "CONSULT", {"FRA"}, {"DEU"}), got
