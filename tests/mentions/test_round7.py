"""Round 7 of actor resolution: armed groups and crowds of an event with no place of its own
take the country where the article is set, and the article's main country counts parties, not
places (guidelines §6)."""

from __future__ import annotations

from communique.coder import _main_country
from communique.lexicon.actors import actor_lexicon
from communique.mentions.actors import MentionIndex, find_mentions


def _parties(coded):
    assert coded.rejected is None, coded.rejected
    return [(e.event, sorted(a.code for a in e.actor), sorted(r.code for r in e.recipient)) for e in coded.events]


def test_rebels_without_a_place_act_where_the_article_is_set(code_text) -> None:
    # Mali is named three times as a party, Burkina Faso once, as the opening place: the rebels
    # of the last sentence are Burkina Faso's.
    text = ("Au Burkina Faso, les rebelles ont attaqué lundi un poste de police. Le Mali a condamné "
            "l'attaque. Le Mali a envoyé un message. Le Mali a réuni son gouvernement. Les rebelles ont "
            "ensuite accepté de relâcher les otages.")
    events = _parties(code_text(text, lang="fr"))
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
