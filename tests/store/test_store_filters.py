"""Filters on both backends: ``since`` and ``until`` name whole periods, impossible dates are
refused (library and CLI), the person filter's LIKE wildcards match only themselves, and the
web's known-code check finds codes that only the store holds."""

from __future__ import annotations

import json

import pytest

from communique.errors import BadParameter
from communique.model import Article, CodedArticle, Entity, Event, Person
from communique.store.query import EventFilter, event_ids, period

# (event id, date): the edges of a year, of months (a leap February) and of a day.
DATED = [("y2024-end", "2024-12-31"), ("y2025-start", "2025-01-01"), ("feb-29", "2024-02-29"),
         ("may-31", "2025-05-31"), ("jun-01", "2025-06-01"), ("jun-15", "2025-06-15"),
         ("jun-30", "2025-06-30"), ("jul-01", "2025-07-01"), ("y2025-end", "2025-12-31"),
         ("y2026-start", "2026-01-01"), ("only-year", "2025"), ("only-month", "2025-06"),
         ("undated", None)]


@pytest.fixture
def dated(store) -> object:
    run = store.start_run(coder_version="v1", config={})
    actor = [Entity(code="MAR", sector="GOV", entity_text="", start=0, end=0, reason="test")]
    people = {"jun-15": [Person(name="Ana_Bel 100%", side="actor")],
              "jun-30": [Person(name="Anabel Cent", side="actor")]}
    for event_id, day in DATED:
        article = Article(id=f"a-{event_id}", text=f"Texte {event_id}.")
        event = Event(id=event_id, article_id=article.id, event="CONSULT", actor=actor, date=day,
                      people=people.get(event_id, []))
        assert store.put(CodedArticle(article=article, events=[event]), run_id=run.id,
                         coder_version="v1") == "stored"
    return store


def found(store, **kwargs: str) -> set[str]:
    return set(event_ids(store, EventFilter(**kwargs)))


@pytest.mark.parametrize("since,until,expected", [
    ("2025", "2025", {"y2025-start", "may-31", "jun-01", "jun-15", "jun-30", "jul-01", "y2025-end",
                      "only-year", "only-month"}),
    ("2025-06", "2025-06", {"jun-01", "jun-15", "jun-30", "only-month"}),
    ("2025-06-30", "2025-06-30", {"jun-30"}),
    ("2024-02", "2024-02", {"feb-29"}),
    # An event dated only "2025-06" counts on its first day, 1 June.
    ("2025-05-31", "2025-06-01", {"may-31", "jun-01", "only-month"}),
])
def test_since_equal_until_is_that_whole_period(dated, since: str, until: str,
                                                expected: set[str]) -> None:
    assert found(dated, since=since, until=until) == expected


def test_until_a_year_or_month_includes_all_of_it(dated) -> None:
    assert {"y2025-end", "jul-01", "jun-30"} <= found(dated, until="2025")
    assert "y2026-start" not in found(dated, until="2025")
    assert {"jun-30", "only-month", "jun-01"} <= found(dated, until="2025-06")
    assert "jul-01" not in found(dated, until="2025-06")


def test_since_a_month_starts_on_its_first_day(dated) -> None:
    after = found(dated, since="2025-06")
    assert {"jun-01", "only-month", "y2026-start"} <= after
    assert not {"may-31", "only-year", "undated"} & after  # "2025" is read as its first day


@pytest.mark.parametrize("value", ["2016-13-45", "2016-99", "2016-00-00", "2025-02-29", "0000",
                                   "2025-²", "²025", "2025-6", "June", "2025-06-05T10:00"])
def test_impossible_dates_are_refused_naming_the_parameter(dated, value: str) -> None:
    with pytest.raises(BadParameter) as caught:
        found(dated, until=value)
    assert caught.value.name == "until"


def test_period_bounds() -> None:
    assert period("2024-02") == ("2024-02-01", "2024-02-29")
    assert period("2025") == ("2025-01-01", "2025-12-31")
    assert period("9999-12") == ("9999-12-01", "9999-12-31")


def test_person_wildcards_match_only_themselves(dated) -> None:
    assert found(dated, person="anabel") == {"jun-30"}
    assert found(dated, person="ana_bel") == {"jun-15"}  # "_" is not "any one character"
    assert found(dated, person="100%") == {"jun-15"}
    assert found(dated, person="a_a") == set()
    with pytest.raises(BadParameter):  # nothing to look for would match every named person
        found(dated, person="%")


def test_the_cli_refuses_an_impossible_date(dated, db: str, capsys) -> None:
    from communique.cli import main

    dated.close()  # the CLI opens the store itself
    assert main(["events", "--db", db, "--until", "2016-99"]) == 2
    assert "until" in capsys.readouterr().err
    assert main(["events", "--db", db, "--since", "2025-06", "--until", "2025-06",
                 "--format", "jsonl"]) == 0
    ids = {json.loads(line)["id"] for line in capsys.readouterr().out.splitlines()}
    assert ids == {"jun-01", "jun-15", "jun-30", "only-month"}


def test_codes_only_the_store_holds_are_known(store) -> None:
    from communique.web.vocabulary import is_known

    assert is_known(store, "country", "MRT") and is_known(None, "mode", "visit")
    assert not is_known(store, "country", "ZZQ") and not is_known(store, "sector", "ZZQ")
    run = store.start_run(coder_version="v1", config={})
    actor = [Entity(code="ZZQ", sector="ZZQ", entity_text="", start=0, end=0, reason="actor file")]
    article = Article(id="custom", text="Un acteur d'un fichier d'acteurs.")
    event = Event(id="custom-1", article_id="custom", event="CONSULT", mode="levitate",
                  context=["astrology"], actor=actor)
    store.put(CodedArticle(article=article, events=[event]), run_id=run.id, coder_version="v1")
    for kind, value in (("country", "ZZQ"), ("sector", "ZZQ"), ("mode", "levitate"),
                        ("context", "astrology")):
        assert is_known(store, kind, value), kind
