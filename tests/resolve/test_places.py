"""Where an event happened (communique.resolve.places), on sentences written for these tests (the cases
taken from the dev set are in tests/events/test_dev_regressions.py).

Each place must say why it was chosen (``Place.reason``)."""

from __future__ import annotations

import pytest

from communique.resolve.gazetteer import gazetteer

from parse_helpers import hand_parse


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


def _hand_parse(words: list[tuple[str, str, str, int, str, str]], lang: str = "en"):
    """A parse by hand (text, pos, dep, head, entity type, IOB), the lemma the lower-cased word."""
    return hand_parse([dict(text=t, lemma=t.lower(), pos=pos, dep=dep, head=head, ent_type=ent, ent_iob=iob)
                       for t, pos, dep, head, ent, iob in words], lang=lang)


def test_an_english_place_name_is_found_through_its_last_word() -> None:
    # English names end on their head: "York" hangs on "in", "New" on "York". The name's first
    # word carries no preposition, so a name was found only when its first word was its head.
    from communique.mentions.actors import MentionIndex
    from communique.resolve.places import article_places

    parse = _hand_parse([("Police", "NOUN", "nsubj", 1, "", "O"), ("arrested", "VERB", "ROOT", 1, "", "O"),
                         ("two", "NUM", "nummod", 3, "", "O"), ("men", "NOUN", "dobj", 1, "", "O"),
                         ("in", "ADP", "prep", 1, "", "O"), ("New", "PROPN", "compound", 6, "LOC", "B"),
                         ("York", "PROPN", "pobj", 4, "LOC", "I"), (".", "PUNCT", "punct", 1, "", "O")])
    found = article_places(parse, MentionIndex(parse, []), context=[])
    assert [(f.place.extracted_place, f.place.country_code) for f in found] == [("New York", "USA")]
    assert found[0].case == "in" and parse.tokens[found[0].head].text == "York"


def test_a_word_inside_a_name_does_not_stand_for_the_name() -> None:
    # "Nioro du Sahel": the head comes first; "Sahel" hangs on "Nioro" and is no place of its own
    from communique.mentions.actors import MentionIndex
    from communique.resolve.places import article_places

    parse = _hand_parse([("They", "PRON", "nsubj", 1, "", "O"), ("met", "VERB", "ROOT", 1, "", "O"),
                         ("in", "ADP", "prep", 1, "", "O"), ("Nioro", "PROPN", "pobj", 2, "LOC", "B"),
                         ("du", "PROPN", "compound", 5, "LOC", "I"), ("Sahel", "PROPN", "flat", 3, "LOC", "I"),
                         (".", "PUNCT", "punct", 1, "", "O")])
    found = article_places(parse, MentionIndex(parse, []), context=["MLI"])
    assert len(found) == 1 and parse.tokens[found[0].head].text == "Nioro"


def test_a_multiword_english_place_outside_the_trigger_phrase_is_an_option(code_text) -> None:
    # "in New York" hangs on "was", not on the trigger: only the article's place options hold it
    ev = _events(code_text, "Mali's foreign minister, who was in New York for the General Assembly, accused France "
                 "on Tuesday of arming the rebels.", "en", "ACCUSE")[0]
    assert ev.event_loc.resolved_place == "New York City" and ev.event_loc.country_code == "USA"
    assert ev.event_loc.extracted_place == "New York"


def test_a_name_inside_an_area_noun_keeps_the_area() -> None:
    # "dans un appartement du 3e arrondissement de Lyon": the phrase's head is no place noun; the
    # place is the area the text gives around the name, not the bare city
    from communique.mentions.actors import MentionIndex
    from communique.resolve.places import article_places

    parse = _hand_parse([("Les", "DET", "det", 1, "", "O"), ("policiers", "NOUN", "nsubj", 3, "", "O"),
                         ("sont", "AUX", "aux:tense", 3, "", "O"), ("intervenus", "VERB", "ROOT", 3, "", "O"),
                         ("dans", "ADP", "case", 6, "", "O"), ("un", "DET", "det", 6, "", "O"),
                         ("appartement", "NOUN", "obl:mod", 3, "", "O"), ("du", "ADP", "case", 9, "", "O"),
                         ("3e", "ADJ", "amod", 9, "", "O"), ("arrondissement", "NOUN", "nmod", 6, "", "O"),
                         ("de", "ADP", "case", 11, "", "O"), ("Lyon", "PROPN", "nmod", 9, "LOC", "B"),
                         (".", "PUNCT", "punct", 3, "", "O")], lang="fr")
    found = article_places(parse, MentionIndex(parse, []), context=["FRA"])
    assert [(f.place.extracted_place, f.place.resolved_place, f.place.country_code) for f in found] == [
        ("3e arrondissement de Lyon", "Lyon", "FRA")]
