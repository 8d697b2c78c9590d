"""Blocking, matching and union-find on hand-made events (no store, no models)."""

from __future__ import annotations

import random
from datetime import date

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from communique.link.blocking import block_keys, candidate_pairs
from communique.link.events import LinkEvent, interval
from communique.link.match import LinkRules, Matcher
from communique.link.unionfind import UnionFind

DAY = date(2025, 3, 4).toordinal()


def make(event_id: str, *, day: int = DAY, actors: tuple[str, ...] = ("MAR",),
         recipients: tuple[str, ...] = ("MRT",), event: str = "CONSULT", mode: str | None = "visit",
         article: str | None = None, evidence: str = "", country: str | None = "MRT",
         basis: str = "text", geonameid: int | None = 2377450) -> LinkEvent:
    return LinkEvent(id=event_id, article_id=article or f"art-{event_id}", event=event, mode=mode,
                     date=date.fromordinal(day).isoformat(), date_basis=basis, confidence=0.9,
                     country=country, geonameid=geonameid, published=None, source_key=event_id,
                     lo=day, hi=day, actors=frozenset(actors), recipients=frozenset(recipients),
                     evidence=evidence)


def pairs_of(events: list[LinkEvent], window: int = 3) -> set[tuple[str, str]]:
    return {(events[i].id, events[j].id) for _, pairs in candidate_pairs(events, window=window)
            for i, j in pairs}


def test_pairs_only_within_the_window_and_the_block() -> None:
    events = [make("a"), make("b", day=DAY + 3), make("c", day=DAY + 7),
              make("d", recipients=("SEN",)), make("e", event="ACCUSE")]
    assert pairs_of(events) == {("a", "b")}


def test_a_pair_sharing_several_blocks_is_given_once() -> None:
    events = [make("a", actors=("MAR", "ESP")), make("b", actors=("MAR", "ESP"))]
    found = [pair for _, pairs in candidate_pairs(events, window=3) for pair in pairs]
    assert found == [(0, 1)]


def test_meetings_are_blocked_in_both_directions() -> None:
    assert ("CONSULT", "MRT", "MAR") in block_keys(make("a", mode="meet"))
    assert pairs_of([make("a", mode="meet"), make("b", actors=("MRT",), recipients=("MAR",))]) \
        == {("a", "b")}


def test_blocking_keeps_candidate_pairs_near_linear() -> None:
    rng = random.Random(3)
    codes = [f"C{n:02d}" for n in range(40)]
    events = [make(f"e{n:05d}", day=DAY + rng.randrange(365), actors=(rng.choice(codes),),
                   recipients=(rng.choice(codes),), event=rng.choice(["CONSULT", "ACCUSE", "AID"]))
              for n in range(6000)]
    found = sum(len(pairs) for _, pairs in candidate_pairs(events, window=3))
    assert found < 3 * len(events)  # all pairs would be 18 million


def test_the_matcher_needs_a_signal_beyond_the_block() -> None:
    matcher = Matcher(rules=LinkRules())
    visit = "A Moroccan military delegation visited Nouakchott on March 4 and met army chiefs."
    same = make("b", evidence="On March 4 a Moroccan military delegation visited Nouakchott.",
                geonameid=None)
    other = make("c", evidence="Talks on fisheries quotas opened in the capital.", geonameid=None)
    assert matcher.same_event(make("a", evidence=visit, geonameid=None), same)
    assert not matcher.same_event(make("a", evidence=visit, geonameid=None), other)
    # The same city, day (read in the text) and mode are enough on their own.
    assert matcher.same_event(make("a", evidence=visit), make("c", evidence="Autre texte."))
    # ... but not when the date is only the publication date.
    assert not matcher.same_event(make("a", evidence=visit, basis="publication"),
                                  make("c", evidence="Autre texte.", basis="publication"))


def test_the_matcher_uses_sentence_vectors_across_languages() -> None:
    # Two sentences for "a"; the closest pair decides.
    french = np.array([[1.0, 0.0], [0.0, 1.0]], dtype=np.float32)
    english = np.array([[0.8, 0.6]], dtype=np.float32)  # cosine 0.8 with the first
    unrelated = np.array([[-0.6, -0.8]], dtype=np.float32)
    matcher = Matcher(rules=LinkRules(), vectors={"a": french, "b": english, "c": unrelated})
    a = make("a", evidence="Une visite à Nouakchott.", geonameid=None)
    assert matcher.same_event(a, make("b", evidence="Officers came over.", geonameid=None))
    assert matcher.reasons["vector"] == 1
    assert not matcher.same_event(a, make("c", evidence="Officers came over.", geonameid=None))


def test_never_within_one_article_nor_across_countries() -> None:
    matcher = Matcher(rules=LinkRules())
    text = "A Moroccan military delegation visited Nouakchott on March 4."
    assert not matcher.same_event(make("a", evidence=text, article="x"),
                                  make("b", evidence=text, article="x"))
    assert not matcher.same_event(make("a", evidence=text), make("b", evidence=text, country="SEN"))
    assert matcher.same_event(make("a", evidence=text), make("b", evidence=text, country=None))


def test_date_intervals() -> None:
    assert interval("2025-03-04", None) == (DAY, DAY)
    assert interval("2025-02", None) == (date(2025, 2, 1).toordinal(), date(2025, 2, 28).toordinal())
    assert interval("2024", None) == (date(2024, 1, 1).toordinal(), date(2024, 12, 31).toordinal())
    assert interval(None, "2025-03-04T10:00:00") == (DAY, DAY)
    assert interval(None, None) is None and interval("soon", "never") is None


@settings(max_examples=50, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 29), st.integers(0, 29)), max_size=60), st.randoms())
def test_union_find_components_ignore_union_order(edges, rnd) -> None:
    one, two = UnionFind(30), UnionFind(30)
    for a, b in edges:
        one.union(a, b)
    shuffled = list(edges)
    rnd.shuffle(shuffled)
    for a, b in shuffled:
        two.union(b, a)
    assert one.components() == two.components()
