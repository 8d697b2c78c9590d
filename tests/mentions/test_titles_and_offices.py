"""People by title and office: a hyphenated title keeps its country; a demonym before the title
("Ghanaian general X") or an office before a comma ("le ministre béninois de l'Intérieur, X") lends
its state to later surname-only mentions; a state's envoy to an international body is that state's
government, the body's own envoy stays IGO (guidelines §6). Sentences written for these tests."""

from __future__ import annotations

from mention_helpers import parties, parties_and_sectors


def test_hyphenated_title_keeps_its_country(code_text) -> None:
    text = ("Le ministre malien de la Défense a été reçu lundi à Niamey par le chef d'état-major des armées "
            "nigériennes, le général Abdou Sidikou.")
    coded = code_text(text, lang="fr")
    consult = [e for e in coded.events if e.event == "CONSULT"]
    assert consult, coded.events
    recipients = [(r.code, r.sector, r.entity_text) for r in consult[0].recipient]
    assert ("NER", "MIL", "le chef d'état-major des armées nigériennes") in recipients, recipients
    assert [a.code for a in consult[0].actor] == ["MLI"]


def test_demonym_before_title_lends_its_state_to_the_surname(code_text) -> None:
    text = ("Ghanaian general Kofi Mensah met reporters on Monday. "
            "Later, Mensah condemned Togo for the raid.")
    events = parties(code_text(text, lang="en"))
    accuse = [e for e in events if e[0] == "ACCUSE"]
    assert accuse and accuse[0][1] == ["GHA"] and accuse[0][2] == ["TGO"], events


def test_office_before_comma_gives_later_surname_its_state(code_with_rules):
    evs = parties_and_sectors(code_with_rules("Le ministre béninois de l'Intérieur, Paul Hounkpatin Dossou, a "
                                              "condamné mardi l'attaque. Dossou a ensuite rencontré le président "
                                              "du Niger, Mamadou Issoufou Tandja, à Niamey.", lang="fr"))
    assert ("CONSULT", [("BEN", "GOV")], [("NER", "GOV")]) in evs


def test_state_envoy_to_un_is_the_states_government(code_with_rules):
    evs = parties_and_sectors(code_with_rules("L'ambassadeur russe à l'ONU a critiqué mardi la décision des "
                                              "États-Unis.", lang="fr"))
    assert evs and evs[0][1] == [("RUS", "GOV")]
    evs = parties_and_sectors(code_with_rules("Russia's ambassador to the UN criticized the decision of the "
                                              "United States on Tuesday.", lang="en"))
    assert evs and evs[0][1] == [("RUS", "GOV")]


def test_un_envoy_stays_igo(code_with_rules):
    evs = parties_and_sectors(code_with_rules("L'envoyé de l'ONU a critiqué mardi la décision des États-Unis.",
                                              lang="fr"))
    assert evs and evs[0][1][0][1] == "IGO"
