"""Named entities: spaCy's NER corrected with the lexicons, on hand-built parses and a few real ones."""

from __future__ import annotations

import re

import pytest

from communique.lexicon.actors import actor_lexicon
from communique.mentions.actors import MentionIndex, find_mentions
from communique.mentions.entities import NamedEntity, named_entities
from communique.parse import Parse, Sentence, Token

_PIECE = re.compile(r"\[([^\]|]+)\|(PER|LOC|ORG|MISC)\]|(\S+)")
_DETERMINERS = {"le", "la", "les", "l'", "un", "une", "des", "L'", "Le", "La", "Les"}
_ADPOSITIONS = {"de", "du", "d'", "à", "au", "en", "par", "pour", "sur", "dans", "contre"}


def make_parse(marked: str, *, pos: dict[str, str] | None = None) -> Parse:
    """A parse of ``marked`` text, tokens split on spaces, NER spans written ``[words|LABEL]``.

    "l'Irak" is written "l' Irak" (two tokens, as spaCy splits it) and joined back without the
    space. POS: DET/ADP for function words, PUNCT for punctuation, PROPN for capitalised words,
    NOUN otherwise, unless ``pos`` says otherwise for a word.
    """
    pos = pos or {}
    words: list[tuple[str, str, str]] = []  # (word, ent_type, ent_iob)
    for m in _PIECE.finditer(marked):
        if m.group(3) is not None:
            words.append((m.group(3), "", "O"))
        else:
            for n, word in enumerate(m.group(1).split()):
                words.append((word, m.group(2), "B" if n == 0 else "I"))
    text, tokens = "", []
    for i, (word, ent, iob) in enumerate(words):
        if text and not text.endswith("'"):
            text += " "
        if word in pos:
            tag = pos[word]
        elif word in _DETERMINERS:
            tag = "DET"
        elif word.lower() in _ADPOSITIONS:
            tag = "ADP"
        elif not any(c.isalnum() for c in word):
            tag = "PUNCT"
        else:
            tag = "PROPN" if word[:1].isupper() else "NOUN"
        tokens.append(Token(i=i, text=word, idx=len(text), lemma=word.lower(), pos=tag, dep="dep", head=0,
                            ent_type=ent, ent_iob=iob))
        text += word
    sentence = Sentence(index=0, start=0, end=len(tokens), char_start=0, char_end=len(text))
    return Parse(text=text, tokens=tokens, sentences=[sentence], lang="fr")


def entities(parse: Parse) -> list[tuple[str, str]]:
    index = MentionIndex(parse, find_mentions(parse, actor_lexicon("fr")))
    return [(e.text, e.label) for e in named_entities(parse, index)]


def test_articles_and_elisions_are_not_part_of_names() -> None:
    parse = make_parse("Il est allé [la France|LOC] puis en [l' Irak|LOC] et à [Paris .|LOC]")
    assert entities(parse) == [("France", "LOC"), ("Irak", "LOC"), ("Paris", "LOC")]


def test_an_article_that_belongs_to_the_name_stays() -> None:
    parse = make_parse("selon [Le Monde|ORG] , la délégation est arrivée au Caire .")
    assert ("Le Monde", "ORG") in entities(parse)


@pytest.mark.parametrize("marked", [
    "Les [Français|LOC] ont voté .",
    "une [Américaine|MISC] a gagné .",
    "les relations [maroco-mauritaniennes|MISC] sont bonnes .",
    "les forces [franco-britanniques|LOC] sont arrivées .",
])
def test_demonyms_and_compounds_are_not_entities(marked: str) -> None:
    assert entities(make_parse(marked)) == []


def test_a_demonym_before_a_name_leaves_the_person() -> None:
    parse = make_parse("L' [Espagnol|LOC] [Ruben Ruzafa|PER] a gagné , devant l' [Autrichienne Nadine Fest|LOC] .",
                       pos={"a": "AUX", "gagné": "VERB"})
    assert entities(parse) == [("Ruben Ruzafa", "PER"), ("Nadine Fest", "PER")]


def test_country_names_and_institutions_the_ner_missed_are_added() -> None:
    parse = make_parse("Le Mali et l' Union africaine ont signé .")
    found = entities(parse)
    assert ("Mali", "LOC") in found and ("Union africaine", "ORG") in found
    index = MentionIndex(parse, find_mentions(parse, actor_lexicon("fr")))
    mali = next(e for e in named_entities(parse, index) if e.text == "Mali")
    assert mali.source == "lexicon" and "countries.tsv" in mali.reason


@pytest.mark.parametrize("marked,expected", [
    ("Le [Kremlin|LOC] a démenti .", ("Kremlin", "ORG")),
    ("[Matignon|LOC] a annoncé .", ("Matignon", "ORG")),
    ("la [Maison-Blanche|LOC] a répondu .", ("Maison-Blanche", "ORG")),
])
def test_seats_of_power_are_organisations(marked: str, expected: tuple[str, str]) -> None:
    assert entities(make_parse(marked)) == [expected]


def test_nested_institutions_give_the_outermost_name() -> None:
    parse = make_parse("le Conseil de sécurité des [Nations unies|ORG] s' est réuni .",
                       pos={"unies": "VERB", "Conseil": "NOUN"})
    assert entities(parse) == [("Conseil de sécurité des Nations unies", "ORG")]


def test_a_body_named_after_its_seat_is_one_organisation() -> None:
    parse = make_parse("l' évêque du diocèse de [Hearst|LOC] et de l' [université de Kutch|LOC]")
    assert entities(parse) == [("diocèse de Hearst", "ORG"), ("université de Kutch", "ORG")]


def test_a_state_body_with_its_country_adjective_is_an_organisation() -> None:
    parse = make_parse("l' armée syrienne a repris la ville .", pos={"syrienne": "ADJ"})
    assert entities(parse) == [("armée syrienne", "ORG")]


def test_generic_place_nouns_are_dropped_but_streets_keep_theirs() -> None:
    parse = make_parse("dans la [ville de Hilla|LOC] , sur la [place de la République|LOC] et en [mer Méditerranée|LOC]")
    assert entities(parse) == [("Hilla", "LOC"), ("place de la République", "LOC"), ("Méditerranée", "LOC")]


def test_a_country_in_a_competition_name_is_no_place() -> None:
    parse = make_parse("les championnats de France ont eu lieu , le champion d' Europe a gagné .")
    assert entities(parse) == [("Europe", "LOC")]


def test_names_run_together_by_the_ner_are_split() -> None:
    parse = make_parse("Groupe A : [Espagne - Italie|LOC] à 21h")
    assert entities(parse) == [("Espagne", "LOC"), ("Italie", "LOC")]


def test_titles_and_products_are_not_names() -> None:
    parse = make_parse("a déclaré [M. Lapierre|PER] à bord d' un [Airbus A320|ORG] du [Groupe C|ORG] .")
    assert entities(parse) == [("Lapierre", "PER")]


def test_a_surname_alone_is_the_person_named_before() -> None:
    parse = make_parse("[Chris Froome|PER] a gagné . [Froome|LOC] est en jaune .")
    assert entities(parse) == [("Chris Froome", "PER"), ("Froome", "PER")]


def test_every_entity_says_where_it_came_from() -> None:
    parse = make_parse("[la France|LOC] et [Emmanuel Macron|PER]")
    index = MentionIndex(parse, find_mentions(parse, actor_lexicon("fr")))
    found = named_entities(parse, index)
    assert all(isinstance(e, NamedEntity) and e.reason and e.source for e in found)
    assert parse.text[found[0].start:found[0].end] == found[0].text == "France"
    assert "dropped 'la'" in found[0].reason and found[0].source == "ner+lexicon"


def test_a_ministers_portfolio_is_the_organisation() -> None:
    parse = make_parse("le ministre colombien de la Santé a parlé , puis le ministre des Finances .",
                       pos={"colombien": "ADJ", "a": "AUX", "parlé": "VERB"})
    assert entities(parse) == [("Santé", "ORG"), ("Finances", "ORG")]


def test_an_article_after_an_opening_quote_belongs_to_the_name() -> None:
    parse = make_parse("le collectif « La [Piccola Compagnia|ORG] » a joué .")
    assert entities(parse) == [("La Piccola Compagnia", "ORG")]


def test_a_name_after_an_organisation_noun_is_an_organisation() -> None:
    parse = make_parse("l' agence de presse [Novinar|PER] et la compagnie aérienne [Skyjet|LOC] ont annoncé .",
                       pos={"aérienne": "ADJ"})
    assert entities(parse) == [("Novinar", "ORG"), ("Skyjet", "ORG")]


def test_clubs_and_venues_are_organisations() -> None:
    parse = make_parse("au [Beacon Theatre|LOC] puis contre le [HBC Nantes|LOC] et à la [Mairie|LOC] .")
    assert entities(parse) == [("Beacon Theatre", "ORG"), ("HBC Nantes", "ORG"), ("Mairie", "ORG")]


def test_an_organisation_is_one_wherever_the_article_repeats_it() -> None:
    parse = make_parse("la société [Opnova|ORG] a annoncé des pertes . Opnova recrute pourtant .")
    assert entities(parse) == [("Opnova", "ORG"), ("Opnova", "ORG")]


def test_capitalised_common_words_and_short_forms_are_no_names() -> None:
    parse = make_parse("[Cinéma|ORG] : décès d' un acteur . La [Commission|ORG] a décidé .",
                       pos={"Cinéma": "NOUN"})
    assert entities(parse) == []


def test_the_words_spelling_an_acronym_are_the_organisations_name() -> None:
    parse = make_parse("le Jet Propulsion Laboratory ( JPL ) a confirmé .")
    assert entities(parse) == [("Jet Propulsion Laboratory", "ORG"), ("JPL", "ORG")]


def test_a_body_takes_the_place_it_serves() -> None:
    parse = make_parse("l' [Université d' agriculture|ORG] du [Pendjab|LOC] a signé .")
    assert entities(parse) == [("Université d'agriculture du Pendjab", "ORG")]


def test_news_media_are_organisations_without_being_actors() -> None:
    parse = make_parse("selon Libération et l' agence Reuters , les élèves du [lycée Vaugelas|LOC] ont voté .")
    found = entities(parse)
    assert found == [("Libération", "ORG"), ("Reuters", "ORG"), ("Vaugelas", "ORG")]
    index = MentionIndex(parse, find_mentions(parse, actor_lexicon("fr")))
    assert all(m.text != "Reuters" for m in index.mentions)  # not a party to events


def test_the_presidents_palace_stays_a_place_other_seats_are_bodies() -> None:
    parse = make_parse("selon l' [Élysée|LOC] , le [Kremlin|LOC] a répondu .")
    assert entities(parse) == [("Élysée", "LOC"), ("Kremlin", "ORG")]


def test_an_association_keeps_its_noun_a_company_does_not() -> None:
    parse = make_parse("l' association [Terre Solidaire|ORG] et la société [Brivotel|ORG] ont signé .")
    assert entities(parse) == [("association Terre Solidaire", "ORG"), ("Brivotel", "ORG")]


def test_a_town_service_names_only_its_town() -> None:
    parse = make_parse("le parquet de [Montbrison|LOC] a saisi l' évêque du diocèse de [Varmont|LOC] .")
    assert entities(parse) == [("Montbrison", "LOC"), ("diocèse de Varmont", "ORG")]


@pytest.mark.parametrize("marked", [
    "le ministre de l' Intérieur [Bernard Lefort|PER] a parlé .",
    "le ministre de l' [Intérieur Bernard Lefort|ORG] a parlé .",
])
def test_a_ministers_name_after_the_portfolio_is_a_person(marked: str) -> None:
    assert entities(make_parse(marked)) == [("Intérieur", "ORG"), ("Bernard Lefort", "PER")]


def test_a_body_in_lower_case_before_its_acronym() -> None:
    parse = make_parse("les ingénieurs de l' agence spatiale coréenne ( KSPA ) ont réussi .",
                       pos={"spatiale": "ADJ", "coréenne": "ADJ"})
    assert ("agence spatiale coréenne", "ORG") in entities(parse)


def test_an_empty_parse_has_no_entities() -> None:
    assert entities(Parse(text="", tokens=[], sentences=[], lang="fr")) == []


# -- with the real French model -----------------------------------------------------------------
@pytest.mark.models
@pytest.mark.parametrize("text,present,absent", [
    ("Le président du Niger a reçu à Niamey l'ambassadeur de France et le représentant de l'Union africaine.",
     [("Niger", "LOC"), ("Niamey", "LOC"), ("France", "LOC"), ("Union africaine", "ORG")], []),
    ("Les Marocains et les Mauritaniens ont renforcé la coopération maroco-mauritanienne, a déclaré le Kremlin.",
     [("Kremlin", "ORG")], ["Marocains", "Mauritaniens", "maroco-mauritanienne"]),
    ("Selon l'Élysée, le Conseil de sécurité des Nations unies vient de condamner l'attaque.",
     [("Conseil de sécurité des Nations unies", "ORG"), ("Élysée", "LOC")], ["Nations unies"]),
    ("L'armée syrienne a repris la ville de Palmyre, selon le ministère russe de la Défense.",
     [("armée syrienne", "ORG"), ("Palmyre", "LOC")], ["ville de Palmyre"]),
])
def test_real_sentences(text: str, present: list[tuple[str, str]], absent: list[str]) -> None:
    from communique.nlp.pipelines import parse_text

    found = entities(parse_text(text, lang="fr"))
    for item in present:
        assert item in found, found
    for word in absent:
        assert all(name != word for name, _ in found), found
