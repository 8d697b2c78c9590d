"""Referring words: "cette dernière" takes the last party of its gender, a sentence-initial "il" the
subject of the sentence before (guidelines §6). Sentences written for these tests."""

from __future__ import annotations

import pytest

from mention_helpers import parties


def test_cette_derniere_takes_the_last_party_of_its_gender(code_text) -> None:
    text = ("Le gouvernement malien a demandé le retrait des troupes de la mission à la France. "
            "Cette dernière a refusé sans donner d'explication.")
    events = parties(code_text(text, lang="fr"))
    assert any(ev == "REJECT" and actors == ["FRA"] for ev, actors, _ in events), events


def test_sentence_initial_il_takes_the_previous_sentences_subject(code_text) -> None:
    text = ("L'armée espagnole a arrêté lundi trois pêcheurs marocains au large de Ceuta. Le ministre "
            "portugais des Affaires étrangères s'est exprimé mardi à Lisbonne. Il a appelé le gouvernement "
            "espagnol à libérer les pêcheurs.")
    events = parties(code_text(text, lang="fr"))
    assert ("REQUEST", ["PRT"], ["ESP"]) in events, events


def test_the_neighbouring_country_is_not_the_speakers_own(code_text) -> None:
    got = parties(code_text("L'Afghanistan a démenti hier. Le Pakistan accuse le pays voisin d'abriter des "
                            "terroristes.", lang="fr"))
    assert ("ACCUSE", ["PAK"], ["AFG"]) in got, got


def test_the_bloc_is_the_international_body_named_last(code_text) -> None:
    text = ("La CEDEAO a levé lundi ses sanctions commerciales contre le Niger. Dans un communiqué, "
            "l'organisation a exigé la libération du président déchu.")
    assert ("REQUEST", ["IGO"], ["NER"]) in parties(code_text(text, lang="fr"))
    text = ("Senegal suspended its fishing agreement with the European Union on Monday. The bloc urged Dakar on "
            "Tuesday to lift the suspension.")
    assert ("REQUEST", ["EUR"], ["SEN"]) in parties(code_text(text, lang="en"))
    # the subject a coordinated verb shares ("said the bloc had taken note … and urged")
    text = ("Senegal suspended its fishing agreement with the European Union on Monday. The EU envoy said the bloc "
            "had taken note of the decision and urged Dakar to lift the suspension quickly.")
    assert ("REQUEST", ["EUR"], ["SEN"]) in parties(code_text(text, lang="en"))
    # an indefinite "a regional bloc" is none named before
    text = ("Senegal suspended its fishing agreement with the European Union on Monday. A regional bloc urged Dakar "
            "on Tuesday to lift the suspension.")
    assert not any(actors == ["EUR"] for ev, actors, _ in parties(code_text(text, lang="en")) if ev == "REQUEST")



def test_a_bodys_own_text_names_it_by_a_capitalised_head(code_text) -> None:
    # "The Authority" of an ECOWAS communiqué, "la Conférence" of its French text: the body named before,
    # however far back
    text = ("ECOWAS heads of state met in Abuja on Sunday for their ordinary summit. They reviewed the situation "
            "in the region. The Authority urges the Republic of Guinea to release the detained ministers.")
    assert ("REQUEST", ["IGO"], ["GIN"]) in parties(code_text(text, lang="en"))
    text = ("Les chefs d'État de la CEDEAO se sont réunis dimanche à Abuja. Ils ont examiné la situation de la "
            "région. La Conférence exhorte la République de Guinée à libérer les ministres détenus.")
    assert ("REQUEST", ["IGO"], ["GIN"]) in parties(code_text(text, lang="fr"))
    # minimal pair: a lower-case "the authority" is a common noun, and no body is named before
    text = "The port authority urged the Republic of Guinea to release the detained ministers."
    assert not any(actors == ["IGO"] for ev, actors, _ in parties(code_text(text, lang="en")))


@pytest.mark.parametrize("pair", ["les deux généraux", "les deux homologues", "les deux responsables"])
def test_the_two_generals_are_the_two_states_named_last(code_text, pair) -> None:
    text = (f"Le chef d'état-major marocain a reçu mardi à Rabat son homologue sierra-léonais. À l'issue de leurs "
            f"entretiens, {pair} ont signé une feuille de route de coopération militaire.")
    assert ("SUPPORT", ["MAR", "SLE"], []) in parties(code_text(text, lang="fr"))


def test_the_three_countries_are_the_three_states_named_last(code_text) -> None:
    text = ("Burkina Faso, Mali and Niger left the bloc in January. On Monday, Senegal urged the three countries "
            "to return.")
    assert ("REQUEST", ["SEN"], ["BFA", "MLI", "NER"]) in parties(code_text(text, lang="en"))
    text = ("Le Burkina Faso, le Mali et le Niger ont quitté l'organisation en janvier. Lundi, le Sénégal a "
            "exhorté les trois pays à revenir.")
    assert ("REQUEST", ["SEN"], ["BFA", "MLI", "NER"]) in parties(code_text(text, lang="fr"))
    # with two states named before, "the three countries" names none of them
    text = "Burkina Faso and Mali left the bloc in January. On Monday, Senegal urged the three countries to return."
    assert ("REQUEST", ["SEN"], []) in parties(code_text(text, lang="en"))


def test_the_three_member_states_may_be_named_earlier_in_their_own_sentence(code_text) -> None:
    text = ("ECOWAS took note of the withdrawal of Burkina Faso, Mali and Niger and urged the three member states "
            "to reconsider their decision.")
    assert ("REQUEST", ["IGO"], ["BFA", "MLI", "NER"]) in parties(code_text(text, lang="en"))
    text = ("La CEDEAO a pris acte du retrait du Burkina Faso, du Mali et du Niger et a exhorté les trois pays à "
            "revenir sur leur décision.")
    assert ("REQUEST", ["IGO"], ["BFA", "MLI", "NER"]) in parties(code_text(text, lang="fr"))
    # the states named after the phrase are none of the three
    text = ("ECOWAS urged the three member states to reconsider their decision to leave, Senegal, Ghana and Togo "
            "said.")
    coded = code_text(text, lang="en")
    assert not any("refers to the 3 countries" in r.reason for e in coded.events for r in e.recipient), coded.events


def test_a_bare_government_opening_a_clause_continues_the_earlier_subjects_state(code_text) -> None:
    # the state named last is where the ambassador serves; the government is the one that recalls him
    text = ("Le Togo rappelle son ambassadeur au Ghana. C'est officiel. Le gouvernement a décidé mardi de rappeler "
            "son ambassadeur à Accra pour consultations.")
    coded = code_text(text, lang="fr")
    got = parties(coded)
    # one recall, the Togolese government's (the body's mention merges with the headline's)
    assert [(ev, actors) for ev, actors, _ in got if ev == "SANCTION"] == [("SANCTION", ["TGO"])], got
    # minimal pair: a state named earlier in the clause's own sentence keeps the state-named-last rule
    text = ("Le Togo rappelle son ambassadeur au Ghana. Au Ghana, le gouvernement a convoqué mardi le chargé "
            "d'affaires togolais.")
    coded = code_text(text, lang="fr")
    assert coded.events and not any("earlier sentence's subject" in e.explanation for e in coded.events), coded.events
    # the same in English, for a bare body as object: the troops are those of the subject before
    text = ("The Ghanaian army took delivery of two patrol boats bought from Togo. A Togolese delegation was "
            "received at the naval base by the army chief. The defence minister praised the troops for their work.")
    coded = code_text(text, lang="en")
    assert not any(e.event == "SUPPORT" and [r.code for r in e.recipient] == ["TGO"] for e in coded.events), \
        coded.events


def test_an_infinitive_clause_after_a_party_is_not_part_of_it(code_text) -> None:
    # the quoted infinitive parses as a clause of "autorités"; its "individus" are not the accused
    text = ("Le Burkina Faso a rappelé mardi son ambassadeur à Abidjan. Le texte accuse les autorités ivoiriennes "
            "d'« héberger et de laisser agir en toute impunité » des individus armés.")
    coded = code_text(text, lang="fr")
    accused = [(r.code, r.sector) for e in coded.events if e.event == "ACCUSE" for r in e.recipient]
    assert accused == [("CIV", "GOV")], coded.events


def test_a_gerund_clause_after_a_party_is_not_part_of_it(code_text) -> None:
    # "of spreading … by the army": the army is in what they are accused of, not who they are
    text = ("Colonel Abdoulaye Maiga accused the two French broadcasters of spreading false reports of abuses by "
            "the army in central Mali.")
    coded = code_text(text, lang="en")
    accused = [(r.code, r.sector) for e in coded.events if e.event == "ACCUSE" for r in e.recipient]
    assert accused and all(sector != "MIL" for _, sector in accused), coded.events


def test_both_countries_as_a_place_inside_a_phrase_are_not_its_parties(code_text) -> None:
    text = ("Ghana and Togo signed a border agreement on Monday. Rights groups in both countries accused Burkina "
            "Faso of harbouring smugglers on Tuesday. The leaders of both countries condemned the smuggling on "
            "Wednesday.")
    coded = code_text(text, lang="en")
    # "the leaders of both countries" are the two states'; the rights groups in them are not
    assert any("refers to the two countries" in e.explanation for e in coded.events), coded.events
    assert not any("'Rights groups in both countries' refers" in e.explanation for e in coded.events), coded.events


def test_burkina_alone_names_the_state(code_text) -> None:
    got = parties(code_text("Le Burkina a rappelé mardi son ambassadeur en Côte d'Ivoire.", lang="fr"))
    assert ("SANCTION", ["BFA"], ["CIV"]) in got, got
    got = parties(code_text("Burkina recalled its ambassador to Ivory Coast on Tuesday.", lang="en"))
    assert ("SANCTION", ["BFA"], ["CIV"]) in got, got
