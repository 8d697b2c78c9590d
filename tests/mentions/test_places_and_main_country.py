"""Parties with no state of their own: armed groups and crowds of an event with no place take the
country where the article is set; the article's main country counts parties, not places of the
action (places only when no party is named); unnamed detainees are civilians of the place where they
are held; a bare state body as subject takes the state named last (guidelines §6). Sentences written
for these tests."""

from __future__ import annotations

import pytest

from communique.coder import _main_country
from communique.lexicon.actors import actor_lexicon
from communique.mentions.actors import MentionIndex, find_mentions

from mention_helpers import parties, parties_and_recipient_sectors


def test_rebels_without_a_place_act_where_the_article_is_set(code_text) -> None:
    # Mali is named three times as a party, Burkina Faso once, as the opening place: the rebels
    # of the last sentence are Burkina Faso's.
    text = ("Au Burkina Faso, les rebelles ont attaqué lundi un poste de police. Le Mali a condamné "
            "l'attaque. Le Mali a envoyé un message. Le Mali a réuni son gouvernement. Les rebelles ont "
            "ensuite accepté de relâcher les otages.")
    events = parties(code_text(text, lang="fr"))
    agree = [e for e in events if e[0] == "AGREE"]
    assert agree and agree[0][1] == ["BFA"], events


def test_main_country_leaves_out_places_of_the_action() -> None:
    from communique.nlp.pipelines import load_pipeline, to_parse

    text = ("Des combats ont eu lieu en Syrie. Les blessés ont été soignés en Syrie. Des renforts sont "
            "arrivés en Syrie. La Russie a livré des armes.")
    parse = to_parse(load_pipeline("fr")(text), lang="fr")
    index = MentionIndex(parse, find_mentions(parse, actor_lexicon("fr")))
    assert _main_country(parse, index) == "RUS"


def test_main_country_falls_back_to_places_when_no_party_is_named() -> None:
    from communique.nlp.pipelines import load_pipeline, to_parse

    text = "Des combats ont eu lieu en Syrie. Les blessés ont été soignés à Alep."
    parse = to_parse(load_pipeline("fr")(text), lang="fr")
    index = MentionIndex(parse, find_mentions(parse, actor_lexicon("fr")))
    assert _main_country(parse, index) == "SYR"


def test_unnamed_suspects_are_civilians_placed_where_arrested(code_text) -> None:
    text = "Au Maroc, des dizaines de suspects ont été arrêtés lundi par les autorités."
    events = parties_and_recipient_sectors(code_text(text, lang="fr"))
    arrests = [e for e in events if e[0] == "COERCE"]
    assert arrests and arrests[0][2] == ["MAR"] and arrests[0][3] == ["CVL"], events


@pytest.mark.parametrize("text,lang,place", [
    ("Au Maroc, deux adolescentes ont été interpellées lundi par la police.", "fr", "MAR"),
    ("In Morocco, two teenagers were arrested by the police on Monday.", "en", "MAR"),
    ("Au Sénégal, trois pêcheurs ont été interpellés dimanche par les gendarmes.", "fr", "SEN"),
    ("In Senegal, three teenagers were detained by gendarmes on Sunday.", "en", "SEN"),
])
def test_unnamed_people_held_are_civilians_whatever_they_are_called(code_text, text, lang, place) -> None:
    # the head of the phrase ("adolescentes", "fishermen") is a party of its own, as "suspects" is
    events = parties_and_recipient_sectors(code_text(text, lang=lang))
    arrests = [e for e in events if e[0] == "COERCE"]
    assert arrests and arrests[0][2] == [place] and arrests[0][3] == ["CVL"], events


def test_bare_subject_body_still_takes_the_state_named_last(code_text) -> None:
    events = parties(code_text("Au Mali, l'armée a attaqué un camp.", lang="fr"))
    assert any(e[0] == "ASSAULT" and e[1] == ["MLI"] for e in events), events


def test_a_bare_office_with_no_state_named_before_is_the_articles_country(code_text) -> None:
    coded = code_text("Un militant arrêté\n\nLa police a arrêté hier un militant écologiste devant l'Assemblée "
                      "nationale, à Paris, selon le ministère de l'Intérieur.", lang="fr")
    arrests = [e for e in coded.events if e.event == "COERCE"]
    assert arrests and [a.code for a in arrests[0].actor] == ["FRA"], coded.events
    assert "main country" in arrests[0].actor[0].reason


def test_plural_bodies_take_no_main_country(code_text) -> None:
    coded = code_text("West African leaders on Sunday imposed sanctions on Guinea after its military "
                      "government postponed the election.", lang="en")
    assert any(e.event == "SANCTION" and [r.code for r in e.recipient] == ["GIN"] for e in coded.events), \
        coded.events
    assert not any(a.code == "GIN" for e in coded.events for a in e.actor), coded.events


@pytest.mark.parametrize("text,lang,word,code", [
    ("Le président catalan a accusé hier le gouvernement de bloquer le dialogue.", "fr", "catalan", "ESP"),
    ("The Scottish government on Tuesday accused the prime minister of ignoring the vote.", "en",
     "Scottish", "GBR"),
])
def test_a_regions_people_is_coded_by_its_state(code_text, text, lang, word, code) -> None:
    coded = code_text(text, lang=lang)
    actors = [a for e in coded.events for a in e.actor if word in a.entity_text]
    assert actors and actors[0].code == code, coded.events
    assert word in actors[0].reason, actors[0].reason


@pytest.mark.parametrize("text,lang", [
    ("Les dirigeants ouest-africains ont imposé dimanche des sanctions à la Guinée après le report de "
     "l'élection par sa junte.", "fr"),
    ("West African leaders on Sunday imposed sanctions on Guinea after its military government postponed "
     "the election.", "en"),
])
def test_west_african_leaders_acting_together_are_the_bloc(code_text, text, lang) -> None:
    # the region's leaders imposing sanctions act as the bloc's summit (organisations.tsv), so the
    # record keeps an actor
    got = [(e.event, [a.code for a in e.actor], [r.code for r in e.recipient]) for e in code_text(text, lang=lang).events]
    assert ("SANCTION", ["IGO"], ["GIN"]) in got, got


def test_a_west_african_diplomat_is_no_bloc(code_text) -> None:
    # minimal pair: one West African country's diplomat is not the bloc
    coded = code_text("Un diplomate ouest-africain a dénoncé mardi l'expulsion de l'ambassadeur français par le "
                      "Mali.", lang="fr")
    assert [e.event for e in coded.events] == ["ACCUSE"], coded.events
    assert not any(a.code == "IGO" for e in coded.events for a in e.actor), coded.events
