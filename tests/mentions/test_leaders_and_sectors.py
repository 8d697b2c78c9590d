"""Bundled office-holders (data/leaders.tsv), international bodies and PLOVER sectors of groups (the
cases taken from the dev set are in tests/events/test_dev_regressions.py)."""

from __future__ import annotations

import pytest

from communique.lexicon.actors import actor_lexicon
from communique.lexicon.tables import data_path, read_tsv


def _parties(coded):
    assert coded.rejected is None, coded.rejected
    return [(e.event, [(a.code, a.sector) for a in e.actor], [(r.code, r.sector) for r in e.recipient])
            for e in coded.events]


def test_leaders_table_is_well_formed() -> None:
    rows = list(read_tsv(data_path("leaders.tsv")))
    assert len(rows) > 150
    for row in rows:
        assert row["form"] and row["code"] and row["sector"] in ("GOV", "IGO"), row
        assert row["valid_from"], row  # every office has a start
        assert not row["valid_to"] or row["valid_from"] < row["valid_to"], row
        assert row.get("lang", "") in ("", "en", "fr"), row


def test_head_of_state_without_nationality_in_office(code_text) -> None:
    text = "President Obama warned Pyongyang against any new missile launch."
    parties = _parties(code_text(text, lang="en", published="2014-03-02"))
    assert parties and parties[0][1] == [("USA", "GOV")]
    assert "leaders.tsv" in code_text(text, lang="en", published="2014-03-02").events[0].actor[0].reason


def test_office_holder_out_of_office_is_not_coded_by_the_table(code_text) -> None:
    # Published after the end of the term: the table says nothing about the person.
    text = "Obama criticised the new tariffs on steel imports from China."
    coded = code_text(text, lang="en", published="2019-05-02")
    # (a former office-holder of no state known is no actor: the record, which needs one, is left out)
    assert not any(a.code == "USA" for e in coded.events for a in e.actor), coded.events
    assert all("leaders.tsv" not in a.reason for e in coded.events for a in e.actor)
    # during the term, the table names him
    coded = code_text(text, lang="en", published="2014-05-02")
    assert _parties(coded) == [("ACCUSE", [("USA", "GOV")], [("CHN", "GOV")])], _parties(coded)
    assert "leaders.tsv" in coded.events[0].actor[0].reason


def test_undated_article_uses_the_table(code_text) -> None:
    coded = code_text("Putin threatened to cut gas deliveries to Ukraine.", lang="en", published=None)
    parties = _parties(coded)
    assert parties and parties[0][1] == [("RUS", "GOV")]


def test_french_spelling_of_a_leader(code_text) -> None:
    coded = code_text("Vladimir Poutine a menacé l'Ukraine de nouvelles sanctions économiques.", lang="fr",
                      published="2015-04-10")
    parties = _parties(coded)
    assert parties and parties[0][1] == [("RUS", "GOV")]


def test_un_secretary_general_acts_for_the_un(code_text) -> None:
    coded = code_text("Ban Ki-moon urged Burundi to resume talks with the opposition.", lang="en",
                      published="2015-07-01")
    parties = _parties(coded)
    assert parties and parties[0][1] == [("UNO", "IGO")]


def test_person_heading_a_phrase_keeps_the_sector(code_text) -> None:
    """A deeper named institution does not take over the leader's sector."""
    text = ("Mugabe, angered by the sanctions of the European Union, expelled three British diplomats "
            "from Harare.")
    coded = code_text(text, lang="en", published="2010-03-01")
    actors = [a for e in coded.events for a in e.actor if a.code == "ZWE"]
    assert actors and all(a.sector == "GOV" for a in actors)


@pytest.mark.parametrize("form,code", [
    ("European Community", "EUR"), ("EEC", "EUR"), ("U.N.", "UNO"), ("World Food Program", "UNO"),
    ("International Labour Organization", "UNO"), ("International Atomic Energy Agency", "IGO"),
    ("Organization of African Unity", "IGO"), ("KFOR", "IGO"),
])
def test_international_bodies(form, code) -> None:
    found = {e.code for m in actor_lexicon("en").matcher.find(f"Yesterday the {form} said so.")
             for e in m.entries if e.kind == "org"}
    assert code in found


@pytest.mark.parametrize("subject,sector", [
    ("Thousands of Iraqi Kurds", "CVL"),   # a people, not the Iraqi government
    ("Striking Polish workers", "LAB"),
    ("Angry Spanish farmers", "AGR"),
    ("Chilean students", "EDU"),
    ("Syrian refugees", "REF"),
    ("Hundreds of Turkish prisoners", "CVL"),
])
def test_sectors_of_groups(code_text, subject, sector) -> None:
    coded = code_text(f"{subject} demonstrated on Sunday against the government.", lang="en")
    sectors = {a.sector for e in coded.events for a in e.actor}
    assert sector in sectors, _parties(coded)


def test_user_actor_file_wins_over_the_bundled_table(tmp_path) -> None:
    from communique.coder import Coder, CoderSettings
    from communique.model import Article

    actors = tmp_path / "actors.tsv"
    actors.write_text("form\tkind\tcode\tsector\tother_sectors\tcontext\tname\tlang\tvalid_from\tvalid_to\n"
                      "Putin\tperson\tRUS\tELI\t\t\tVladimir Putin (test)\t\t\t\n", encoding="utf-8")
    coder = Coder(settings=CoderSettings(actor_file=actors, raise_errors=True))
    coded = coder.code_article(Article(id="u", text="Putin threatened to cut gas deliveries to Ukraine.",
                                       lang="en", published="2015-01-10"))
    assert _parties(coded)[0][1] == [("RUS", "ELI")]


def test_a_leaders_name_matches_only_with_its_capitals() -> None:
    from communique.mentions.actors import find_mentions
    from communique.nlp.pipelines import load_pipeline, to_parse

    text = "Les rebelles se sont repliés dans le bush avant que Bush ne parle."
    parse = to_parse(load_pipeline("fr")(text), lang="fr")
    found = [m.text for m in find_mentions(parse, actor_lexicon("fr"))
             if any(e.source == "leaders.tsv" for e in m.entries)]
    assert found == ["Bush"]


@pytest.mark.parametrize("subject,sector", [
    ("Le président de la CGT", "LAB"),                  # a union's president is the union's
    ("Le président du Rassemblement national", "PTY"),  # a party's, the party's
])
def test_the_president_of_a_body_that_is_not_the_state_takes_its_sector(code_with_rules, subject, sector) -> None:
    coded = code_with_rules(f"{subject} a accusé l'Algérie de mentir sur ses chiffres.", lang="fr")
    actors = {(a.code, a.sector) for e in coded.events for a in e.actor}
    assert ("FRA", sector) in actors, _parties(coded)


def test_a_unions_refusal_is_among_private_parties(code_with_rules, rules_coder) -> None:
    coded = code_with_rules("Le président de la CGT a refusé lundi de signer l'accord salarial.", lang="fr")
    assert not coded.events, coded.events
    assert any("'refusé'" in r and "no state among its parties" in r for r in rules_coder.skipped.get(coded.article.id, []))
    # the head of the state refusing is the state's
    state = code_with_rules("Le président français a refusé lundi de signer l'accord avec l'Algérie.", lang="fr")
    assert any(e.event == "REJECT" for e in state.events), state.events
