"""Who does an act: a list of subjects gives one record per author of a one-sided act and one record
for an act the parties do together; an act ordered or announced (a light verb over an event noun) is
the orderer's act, and the order is no second event; acts of one type but another kind told
apart are two records, measures listed in one sentence one package; a party of no state beside one
of a state is left out of its side. Sentences written for these
tests (the cases taken from the dev set are in tests/events/test_dev_regressions.py)."""

from __future__ import annotations


def _records(coded, event: str) -> list[tuple[list[str | None], list[str | None]]]:
    assert coded.rejected is None, coded.rejected
    return [(sorted(a.code or "-" for a in e.actor), sorted(r.code or "-" for r in e.recipient))
            for e in coded.events if e.event == event]


def test_an_apposition_after_a_comma_is_no_second_party(code_text) -> None:
    text = ("Le ministre nigérien de la Défense, le général de division Issoufou Mamane Sani, et son "
            "homologue tchadien, Abdelkerim Haggar Moussa, ont signé lundi à N'Djamena un accord de "
            "coopération militaire.")
    records = _records(code_text(text, lang="fr"), "SUPPORT")
    assert records, records
    codes = {c for actors, recipients in records for c in actors + recipients}
    assert codes == {"NER", "TCD"}, records


def test_english_joint_condemnation_is_one_record_per_state(code_text) -> None:
    text = "France and Germany condemned the bombing on Tuesday."
    records = _records(code_text(text, lang="en"), "ACCUSE")
    assert sorted(actors for actors, _ in records) == [["DEU"], ["FRA"]], records


def test_a_meeting_of_two_states_stays_one_reciprocal_record(code_text) -> None:
    text = "Les ministres algérien et tunisien se sont rencontrés hier à Tunis."
    records = _records(code_text(text, lang="fr"), "CONSULT")
    assert len(records) == 1, records
    assert set(records[0][0] + records[0][1]) == {"DZA", "TUN"}, records


def test_an_ordered_arrest_is_one_arrest_and_no_request(code_text) -> None:
    text = "Le gouvernement tchadien a ordonné jeudi l'arrestation de deux journalistes français."
    coded = code_text(text, lang="fr")
    assert [e.event for e in coded.events] == ["COERCE"], coded.events
    assert _records(coded, "COERCE") == [(["TCD"], ["FRA"])]


def test_a_border_closure_is_a_sanction_on_the_neighbour(code_text) -> None:
    text = "Le Pakistan a annoncé hier la fermeture de sa frontière avec l'Afghanistan."
    records = _records(code_text(text, lang="fr"), "SANCTION")
    assert records == [(["PAK"], ["AFG"])], records


def test_a_headline_and_its_lede_report_one_act(coder) -> None:
    from communique.model import Article

    # the headline names the MP's state, the lede only her party: one shooting, one record
    title = "La députée britannique Jo Cox blessée par balles"
    text = (title + "\n\n16 juin 2016. – La députée du Labour Jo Cox a été blessée par balles jeudi à "
            "Birstall par un homme armé.")
    coded = coder.code_article(Article(id="cox", title=title, text=text, lang="fr", published="2016-06-16"))
    attacks = [e for e in coded.events if e.event == "ASSAULT"]
    assert len(attacks) == 1, coded.events
    assert [r.code for r in attacks[0].recipient] == ["GBR"], attacks[0].recipient


def _kinds(coded, event: str) -> list[tuple[str | None, list[str | None], list[str | None]]]:
    assert coded.rejected is None, coded.rejected
    return [(e.mode, sorted(a.code or "-" for a in e.actor), sorted(r.code or "-" for r in e.recipient))
            for e in coded.events if e.event == event]


def test_two_kinds_of_act_told_apart_are_two_records(code_text) -> None:
    # same type, same parties, another mode in another sentence: a second act, not a repetition
    text = ("Les autorités tchadiennes ont saisi mardi les passeports de trois journalistes français à "
            "N'Djamena. Le lendemain, la police tchadienne a arrêté les trois journalistes français.")
    assert sorted(_kinds(code_text(text, lang="fr"), "COERCE")) == [
        ("arrest", ["TCD"], ["FRA"]), ("seize", ["TCD"], ["FRA"])]


def test_measures_listed_in_one_sentence_are_one_package(code_text) -> None:
    # guidelines §3: one SANCTION, the first measure's mode; the same measures told in two
    # sentences are two decisions
    one = "Le Pakistan a fermé lundi sa frontière avec l'Afghanistan et rappelé son ambassadeur à Kaboul."
    assert _kinds(code_text(one, lang="fr"), "SANCTION") == [("discontinue", ["PAK"], ["AFG"])]
    two = ("Le Pakistan a fermé lundi sa frontière avec l'Afghanistan. Mardi, Islamabad a expulsé "
           "l'ambassadeur afghan.")
    assert sorted(_kinds(code_text(two, lang="fr"), "SANCTION")) == [
        ("discontinue", ["PAK"], ["AFG"]), ("expel", ["PAK"], ["AFG"])]


def test_a_joint_act_has_none_of_its_own_authors_as_recipient(code_text) -> None:
    # "with Saudi patrol boats": the clause names one of the two navies again; the drill stays the
    # two states' joint act (reciprocal), not Pakistan and Saudi Arabia toward Pakistan or Saudi Arabia
    text = ("Joint drill in the Red Sea\n\nPakistani and Saudi warships held a joint exercise with Saudi patrol "
            "boats off Jeddah on Monday.")
    coded = code_text(text, lang="en", title="Joint drill in the Red Sea")
    assert _records(coded, "COOPERATE") == [(["PAK", "SAU"], [])]
    drill = next(e for e in coded.events if e.event == "COOPERATE")
    assert "joint act of PAK, SAU: no recipient" in drill.explanation, drill.explanation


def test_a_joint_act_toward_a_third_state_keeps_its_recipient(code_text) -> None:
    text = "Niger and Chad signed a security agreement with Nigeria on Monday."
    records = _records(code_text(text, lang="en"), "SUPPORT")
    assert records and all(recipients == ["NGA"] for _, recipients in records), records


def test_a_joint_act_completed_is_reported_by_its_verb(code_with_rules, rules_coder) -> None:
    # "have completed a joint patrol", "concluded a joint exercise": the act done, like "conducted"
    for text in ("Malian and Nigerien soldiers have completed a week-long joint patrol along the border.",
                 "Senegal and Gambia concluded a joint naval exercise off Banjul on Friday."):
        coded = code_with_rules(text, lang="en")
        assert [codes for codes, _ in _records(coded, "COOPERATE")] in (
            [["MLI", "NER"]], [["GMB", "SEN"]]), coded.events
        assert any("light verb" in e.explanation for e in coded.events), coded.events


def _party(code, sector, text):
    from communique.model import Entity

    return Entity(code=code, sector=sector, entity_text=text, start=0, end=len(text), reason="test")


def test_a_party_of_no_state_beside_one_of_a_state_is_left_out() -> None:
    from communique.events.build import Draft, _stateless_beside_a_state

    draft = Draft(event="CONSULT", mode="visit",
                  actors=[_party("GIN", "GOV", "son homologue guinéen"), _party(None, "MIL", "le général")],
                  recipients=[_party("SLE", "GOV", "le ministre sierra-léonais")])
    out = _stateless_beside_a_state(draft)
    assert [(e.code, e.sector) for e in out.actors] == [("GIN", "GOV")]
    assert [(e.code, e.sector) for e in out.recipients] == [("SLE", "GOV")]
    assert any("'le général': no state given" in note for note in out.notes), out.notes


def test_a_side_of_no_state_at_all_keeps_its_parties() -> None:
    # minimal pair: with no state on the side, the party of no state is all the record knows of it
    from communique.events.build import Draft, _stateless_beside_a_state

    draft = Draft(event="ASSAULT", mode=None, actors=[_party(None, "UNK", "des hommes armés")],
                  recipients=[_party("MLI", "MIL", "un poste de l'armée malienne")])
    out = _stateless_beside_a_state(draft)
    assert [(e.code, e.sector) for e in out.actors] == [(None, "UNK")]
    assert not out.notes


def test_a_joint_act_between_a_state_and_itself_loses_its_recipient() -> None:
    # "US Navy ships held a joint drill with the Navy": the other side is left to the party model
    from communique.events.build import Draft, drop_own_state_recipient

    drill = Draft(event="COOPERATE", mode=None, actors=[_party("USA", "MIL", "US Navy ships")],
                  recipients=[_party("USA", "MIL", "the Navy")])
    assert drop_own_state_recipient(drill)
    assert drill.recipients == [] and [e.code for e in drill.actors] == ["USA"]
    assert any("'the Navy' of the actor's own state dropped" in note for note in drill.notes), drill.notes
    # other states, other kinds of act, an actor with no state: left as they are
    for event, actor, recipient in (("COOPERATE", "USA", "NGA"), ("ASSAULT", "SYR", "SYR"), ("CONSULT", None, None)):
        draft = Draft(event=event, mode=None, actors=[_party(actor, "GOV", "a")],
                      recipients=[_party(recipient, "GOV", "b")])
        assert not drop_own_state_recipient(draft)
        assert [e.code for e in draft.recipients] == [recipient]
