"""Issue 4, French round 4: structures behind the French example reports' errors, on sentences
written for these tests (none comes from a gold set or from the examples)."""

from __future__ import annotations


def _events(coded):
    assert coded.rejected is None, coded.rejected
    return [(e.event, e.mode, set(a.code for a in e.actor), set(r.code for r in e.recipient),
             [a.sector for a in e.actor]) for e in coded.events]


def _has(events, event, actors=(), recipients=()):
    return any(ev == event and set(actors) <= a and set(recipients) <= r for ev, _, a, r, _s in events)


def test_persona_non_grata_is_an_expulsion(code_text) -> None:
    got = _events(code_text("Le gouvernement malien a déclaré jeudi persona non grata le consul du Sénégal à Kayes.",
                            lang="fr"))
    assert _has(got, "SANCTION", {"MLI"}, {"SEN"}), got
    assert any(ev == "SANCTION" and mode == "expel" for ev, mode, *_ in got), got


def test_crowd_gathering_to_protest_is_a_demonstration(code_text) -> None:
    # a pronominal verb ("se sont rassemblés") whose subject names no group: civilians of the place
    got = _events(code_text("Des centaines de personnes se sont rassemblées samedi devant l'ambassade de France "
                            "à Dakar pour réclamer le départ des soldats français.", lang="fr"))
    protests = [g for g in got if g[0] == "PROTEST"]
    assert protests, got
    _, _, actors, recipients, sectors = protests[0]
    assert actors == {"SEN"} and sectors == ["CVL"] and "FRA" in recipients, got


def test_gathering_without_protest_is_no_event(code_text) -> None:
    got = _events(code_text("Des centaines de fidèles se sont rassemblés dimanche à Touba pour la prière.",
                            lang="fr"))
    assert not any(ev == "PROTEST" for ev, *_ in got), got


def test_participle_describing_a_noun_of_a_planned_trip_is_no_event(code_text) -> None:
    got = _events(code_text("Le ministre marocain de la Défense doit se rendre vendredi auprès d'un bataillon "
                            "de l'armée mauritanienne stationné à Zouérate.", lang="fr"))
    assert not any(ev == "MOBILIZE" for ev, *_ in got), got


def test_our_countries_must_is_no_demand(code_text) -> None:
    got = _events(code_text("« Nos deux pays doivent renforcer leur coopération », a déclaré lundi le président "
                            "ghanéen à Accra devant son homologue togolais.", lang="fr"))
    assert not any(ev == "REQUEST" for ev, *_ in got), got


def test_demand_made_of_another_party_stays(code_text) -> None:
    got = _events(code_text("Le Mali a déclaré lundi que la France doit retirer ses soldats.", lang="fr"))
    assert _has(got, "REQUEST", {"MLI"}, {"FRA"}), got


def test_us_is_not_first_person(code_text) -> None:
    got = _events(code_text("The Red Crescent said US troops must reopen the border crossing.", lang="en"))
    assert any(ev == "REQUEST" for ev, *_ in got), got


def test_praise_after_the_meeting_is_boilerplate(code_text) -> None:
    got = _events(code_text("Le ministre gabonais des Affaires étrangères a reçu mardi à Libreville son homologue "
                            "camerounais. Le ministre gabonais a salué la qualité des relations entre les deux "
                            "pays.", lang="fr"))
    assert _has(got, "CONSULT", {"CMR"}, {"GAB"}), got  # the visitor acts
    assert not any(ev == "SUPPORT" for ev, *_ in got), got


def test_arrests_with_no_agent_are_made_by_the_police_of_the_place(code_text) -> None:
    got = _events(code_text("Une vingtaine de personnes ont été interpellées mardi à Niamey lors d'un "
                            "rassemblement interdit.", lang="fr"))
    arrests = [g for g in got if g[0] == "COERCE"]
    assert arrests, got
    assert arrests[0][2] == {"NER"} and arrests[0][4] == ["COP"], got
