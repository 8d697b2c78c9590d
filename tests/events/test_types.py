"""One sentence per PLOVER type in each language (written for these tests): the type is found."""

from __future__ import annotations

import pytest

FR = [
 ("AGREE", "Le Niger a promis lundi au Tchad une aide de dix millions d'euros."),
 ("CONSULT", "Le ministre algérien des Affaires étrangères s'est rendu lundi à Tunis."),
 ("SUPPORT", "Le Maroc et le Sénégal ont signé mardi un accord de coopération militaire."),
 ("CONCEDE", "La Corée du Nord a renoncé à son programme nucléaire."),
 ("COOPERATE", "L'armée marocaine et l'armée mauritanienne ont mené un exercice militaire conjoint près de Nouadhibou."),
 ("AID", "La Turquie a offert vingt véhicules blindés à l'armée burkinabè."),
 ("RETREAT", "La France a retiré ses troupes du Mali."),
 ("REQUEST", "Le gouvernement malien a demandé l'aide de l'Union africaine."),
 ("ACCUSE", "Le Niger a accusé la France de soutenir les groupes armés."),
 ("REJECT", "Le Burundi a rejeté la demande de l'ONU."),
 ("THREATEN", "La Russie a menacé l'Ukraine de représailles militaires."),
 ("PROTEST", "Des milliers de manifestants tunisiens ont manifesté devant l'ambassade de France à Tunis."),
 ("SANCTION", "Le Mali a expulsé l'ambassadeur de France."),
 ("MOBILIZE", "L'Algérie a déployé des milliers de soldats à sa frontière avec le Mali."),
 ("COERCE", "La police nigérienne a arrêté quatre soldats béninois près de Gaya."),
 ("ASSAULT", "Des jihadistes ont attaqué un poste de l'armée nigérienne près de Tillabéri."),
]
EN = [
 ("AGREE", "Senegal pledged to Mauritania a loan of 50 million dollars on Monday."),
 ("CONSULT", "The Moroccan foreign minister visited Dakar on Tuesday."),
 ("SUPPORT", "Morocco and Senegal signed a defence cooperation agreement on Tuesday."),
 ("CONCEDE", "Ethiopia lifted its ban on flights to Eritrea on Friday."),
 ("COOPERATE", "The Spanish Navy and the Mauritanian Navy held a joint exercise off Nouadhibou."),
 ("AID", "Japan donated medical equipment to Niger on Monday."),
 ("RETREAT", "France withdrew its troops from Mali."),
 ("REQUEST", "Benin urged Niger to release the four soldiers."),
 ("ACCUSE", "Algeria accused Morocco of spying on its diplomats."),
 ("REJECT", "Burundi rejected the United Nations request."),
 ("THREATEN", "Russia threatened Ukraine with military retaliation."),
 ("PROTEST", "Thousands of Tunisian protesters demonstrated outside the French embassy in Tunis."),
 ("SANCTION", "Mali expelled the French ambassador on Monday."),
 ("MOBILIZE", "Algeria deployed thousands of troops to its border with Mali."),
 ("COERCE", "Nigerien police arrested four Beninese soldiers near Gaya."),
 ("ASSAULT", "Jihadists attacked a Nigerien army post near Tillaberi."),
]


@pytest.mark.parametrize("lang,expected,text", [("fr", t, s) for t, s in FR] + [("en", t, s) for t, s in EN])
def test_each_type_is_coded(code_text, lang, expected, text) -> None:
    coded = code_text(text, lang=lang)
    assert coded.rejected is None
    types = [e.event for e in coded.events]
    assert expected in types, f"{expected} not in {types}: {[e.explanation for e in coded.events]}"
    event = next(e for e in coded.events if e.event == expected)
    assert event.actor and event.cameo and event.quad_code in (1, 2, 3, 4)


@pytest.mark.parametrize("text,lang,expected", [
    ("L'ambassadeur de France a été convoqué lundi par le ministère malien des Affaires étrangères.", "fr",
     ("ACCUSE", "MLI", "FRA")),
    ("The French ambassador was expelled by Mali on Monday.", "en", ("SANCTION", "MLI", "FRA")),
])
def test_passives_turn_roles_around(code_text, text, lang, expected) -> None:
    events = [(e.event, {a.code for a in e.actor}, {r.code for r in e.recipient}) for e in code_text(text, lang=lang).events]
    assert any(t == expected[0] and expected[1] in a and expected[2] in r for t, a, r in events), events


def test_nominal_event_with_light_verb(code_text) -> None:
    coded = code_text("Le ministre tunisien de la Défense a effectué mardi une visite à Alger.", lang="fr")
    visit = [e for e in coded.events if e.event == "CONSULT"]
    assert visit and visit[0].actor[0].code == "TUN" and visit[0].event_loc.country_code == "DZA"
