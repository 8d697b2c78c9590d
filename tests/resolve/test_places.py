"""Where an event happened (communique.resolve.places), on sentences written for these tests (the cases
taken from the dev set are in tests/events/test_dev_regressions.py).

Each place must say why it was chosen (``Place.reason``)."""

from __future__ import annotations

import pytest

from communique.resolve.gazetteer import gazetteer


def _events(code_text, text, lang, event):
    coded = code_text(text, lang=lang)
    found = [e for e in coded.events if e.event == event]
    assert found, [(e.event, e.explanation) for e in coded.events]
    return found


def test_place_phrase_is_kept_as_written(code_text) -> None:
    ev = _events(code_text, "Kenyan troops attacked militants in the Somali town of Kismayo.", "en", "ASSAULT")[0]
    loc = ev.event_loc
    assert loc.extracted_place == "Somali town of Kismayo"
    assert loc.resolved_place == "Kismayo" and loc.country_code == "SOM" and loc.resolution == 4
    assert "locative phrase" in loc.reason


def test_a_place_phrase_ending_a_paragraph_keeps_no_line_break(code_text) -> None:
    # the paragraph break after the phrase is a whitespace token; it is not part of the place
    ev = _events(code_text, "Les garde-côtes iraniens ont arraisonné lundi deux navires américains dans les eaux "
                 "territoriales iraniennes\n\nLes marins ont été libérés mardi.", "fr", "COERCE")[0]
    assert ev.event_loc.extracted_place == "eaux territoriales iraniennes"


def test_border_phrase_names_two_countries(code_text) -> None:
    ev = _events(code_text, "Police arrested two protesters near the border between Spain and France on Monday.",
                 "en", "COERCE")[0]
    assert ev.event_loc.extracted_place == "border between Spain and France"
    assert ev.event_loc.country_code in ("ESP", "FRA")


def test_capital_is_the_party_country_capital(code_text) -> None:
    ev = _events(code_text, "Dimanche, l'armée malienne a pris le contrôle de la capitale.", "fr", "COERCE")[0]
    assert ev.event_loc.extracted_place == "capitale"
    assert ev.event_loc.resolved_place == "Bamako" and ev.event_loc.country_code == "MLI"
    assert "capital of MLI" in ev.event_loc.reason


def test_unknown_town_takes_the_country_named_after_it(code_text) -> None:
    ev = _events(code_text, "Des jihadistes ont attaqué samedi des soldats nigériens à Kobrakhane dans le nord du Niger.",
                 "fr", "ASSAULT")[0]
    assert ev.event_loc.extracted_place == "Kobrakhane"
    assert ev.event_loc.resolution is None and ev.event_loc.country_code == "NER"
    assert "named right after it" in ev.event_loc.reason


def test_near_a_town_is_the_place_when_the_parser_hangs_near_elsewhere(code_text) -> None:
    # "près" is parsed as a modifier of "hommes" and "de" as the only case of "Zinder": the word
    # right before "de" still makes it a locative phrase (it was the actor's country before)
    ev = _events(code_text, "Samedi, une frappe aérienne nigériane a tué deux hommes près de Zinder, selon des témoins.",
                 "fr", "ASSAULT")[0]
    assert ev.event_loc.extracted_place == "Zinder" and ev.event_loc.country_code == "NER"
    assert ev.event_loc.reason.startswith("locative phrase of ")


def test_protest_with_no_place_is_in_the_target_country(code_text) -> None:
    ev = _events(code_text, "Des milliers de manifestants ont protesté contre le gouvernement sénégalais.",
                 "fr", "PROTEST")[0]
    assert ev.event_loc.resolved_place == "Sénégal" and ev.event_loc.country_code == "SEN"
    assert ev.event_loc.reason.startswith("no place named for the event")


@pytest.mark.parametrize("code,name", [("MLI", "Bamako"), ("FRA", "Paris"), ("BFA", "Ouagadougou")])
def test_gazetteer_capital(code, name) -> None:
    place = gazetteer().capital(code)
    assert place is not None and place.resolved_place == name and place.country_code == code
    assert place.feature_code == "PPLC" and place.resolution == 4


def test_gazetteer_country_in_the_text_language() -> None:
    assert gazetteer().country("DEU", lang="fr").resolved_place == "Allemagne"
    assert gazetteer().country("DEU", lang="en").resolved_place == "Germany"
    assert gazetteer().country("XXX") is None


def test_seas_have_no_country() -> None:
    for name, lang in (("mer de Chine méridionale", "fr"), ("South China Sea", "en"), ("Méditerranée", "fr")):
        place = gazetteer().resolve(name, lang=lang)
        assert place is not None and place.country_code is None and place.resolution == 1


def test_place_words_are_data_per_language() -> None:
    from communique.resolve.places import place_words

    fr, en = place_words("fr"), place_words("en")
    assert "à" in fr.locative and "in" not in fr.locative
    assert "in" in en.locative and "frontière" not in en.place_nouns
    assert "frontière" in fr.place_nouns and "border" in en.place_nouns
    assert "mardi" in fr.time_words and "tuesday" in en.time_words


def test_protest_by_an_unnamed_crowd_is_where_the_article_is() -> None:
    from communique.events.build import Draft
    from communique.model import Entity
    from communique.resolve.places import _party_country, _Parties

    crowd = Entity(code=None, sector="CVL", entity_text="20 000 militants", start=0, end=15,
                   reason="head 'militants'")
    draft = Draft(event="PROTEST", mode="demo", actors=[crowd])
    code, why = _party_country(draft, _Parties.of(draft), main_country="PRT")
    assert code == "PRT" and "main country" in why
    # A crowd of a named country, or a target state, decides first.
    draft.recipients = [Entity(code="ESP", sector="GOV", entity_text="Madrid", start=20, end=26, reason="capital")]
    assert _party_country(draft, _Parties.of(draft), main_country="PRT")[0] == "ESP"
    # Other kinds of events do not take the article's main country this way.
    accuse = Draft(event="ACCUSE", mode=None, actors=[crowd])
    assert _party_country(accuse, _Parties.of(accuse), main_country="PRT") is None


def test_a_phone_call_has_no_place_of_its_own(code_text) -> None:
    text = ("Le président gambien s'est entretenu lundi par téléphone avec son homologue guinéen "
            "de la situation au Mali.")
    calls = [e for e in code_text(text, lang="fr").events if e.event == "CONSULT"]
    assert calls and all(e.event_loc is None for e in calls), [(e.mode, e.event_loc) for e in calls]
