"""Core types serialise to the event-record JSON and back without loss."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from communique.model import Article, CodedArticle, Entity, Event, Person, Place, Rejection, Span

text = st.text(max_size=40)
codes = st.one_of(st.none(), st.sampled_from(["MAR", "MRT", "FRA", "IGO"]))

entities = st.builds(Entity, code=codes, sector=st.sampled_from(["GOV", "MIL", "SPY", None]),
                     entity_text=text, start=st.integers(0, 10_000), end=st.integers(0, 10_000),
                     name=st.one_of(st.none(), text), other_sectors=st.lists(st.sampled_from(["SPY", "MIL"]), max_size=2),
                     reason=text)
places = st.builds(Place, extracted_place=text, resolved_place=st.one_of(st.none(), text),
                   geonameid=st.one_of(st.none(), st.integers(1, 10**8)),
                   lat=st.one_of(st.none(), st.floats(-90, 90)), lon=st.one_of(st.none(), st.floats(-180, 180)),
                   country_code=codes, feature_code=st.one_of(st.none(), st.just("PPLC")),
                   resolution=st.one_of(st.none(), st.integers(1, 5)), reason=text)
people = st.builds(Person, name=text, title=st.one_of(st.none(), text), office=st.one_of(st.none(), text),
                   org=st.one_of(st.none(), text), country=codes, side=st.sampled_from(["actor", "recipient", "other"]))
spans = st.builds(Span, text=text, start=st.integers(0, 10**6), end=st.integers(0, 10**6),
                  sentence=st.one_of(st.none(), st.integers(0, 500)))
events = st.builds(Event, id=text, article_id=text, event=st.sampled_from(["CONSULT", "ASSAULT"]),
                   mode=st.one_of(st.none(), st.just("visit")), context=st.lists(st.sampled_from(["military", "intelligence"])),
                   quad_code=st.one_of(st.none(), st.integers(1, 4)), intensity=st.one_of(st.none(), st.floats(-10, 10)),
                   cameo=st.one_of(st.none(), st.just("042")), actor=st.lists(entities, max_size=2),
                   recipient=st.lists(entities, max_size=2), event_loc=st.one_of(st.none(), places),
                   date=st.one_of(st.none(), st.just("2025-06-03")), date_basis=st.sampled_from(["text", "publication"]),
                   people=st.lists(people, max_size=2), event_text=st.lists(spans, max_size=2),
                   confidence=st.floats(0, 1), explanation=text)


@given(events)
def test_event_round_trips_through_json(event: Event) -> None:
    data = json.loads(json.dumps(event.to_dict()))
    assert Event.from_dict(data) == event


@given(st.lists(events, max_size=3), st.one_of(st.none(), st.builds(Rejection, stage=text, reason=text)))
def test_coded_article_round_trips(evs: list[Event], rejection: Rejection | None) -> None:
    coded = CodedArticle(article=Article(id="a1", text="", title="T", published="2025-06-05", lang="fr"),
                         events=evs, rejected=rejection)
    again = CodedArticle.from_dict(json.loads(json.dumps(coded.to_dict())))
    assert again.to_dict() == coded.to_dict()


def test_article_line_has_the_spec_fields() -> None:
    coded = CodedArticle(article=Article(id="n001", text="x", url="u", title="t", published="2025-06-05", lang="fr"))
    assert list(coded.to_dict()) == ["id", "url", "title", "published", "lang", "events", "rejected"]
