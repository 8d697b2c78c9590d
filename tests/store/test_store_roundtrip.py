"""What is written reads back as equal objects, for every record kind, on both backends."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from communique.model import CodedArticle, Event
from communique.store import RunRecord, Store, open_store
from store_backends import BACKENDS, drop_pg_database, pg_database
from store_strategies import articles, events, rejections, runs

EXAMPLES = settings(max_examples=40, deadline=None)
_ids = itertools.count()


@pytest.fixture(scope="module", params=BACKENDS)
def shared_store(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
                 ) -> Iterator[tuple[Store, str]]:
    """One store per backend for all examples (ids keep them apart)."""
    location = (str(tmp_path_factory.mktemp("roundtrip") / "store.db")
                if request.param == "sqlite" else pg_database())
    store = open_store(location)
    run = store.start_run(coder_version="test", config={})
    yield store, run.id
    store.close()
    if request.param == "postgresql":
        drop_pg_database(location)


def _unique(article_events: list[Event], prefix: str) -> list[Event]:
    return [replace(ev, id=f"{prefix}-e{n}", article_id=prefix) for n, ev in enumerate(article_events)]


@EXAMPLES
@given(article=articles, article_events=st.lists(events, max_size=3))
def test_article_with_events_round_trips(shared_store: tuple[Store, str], article,
                                         article_events) -> None:
    store, run_id = shared_store
    art_id = f"a{next(_ids)}"
    # A unique text too: the same text under another id is (rightly) a duplicate.
    art = replace(article, id=art_id, text=article.text + f" #{art_id}")
    coded = CodedArticle(article=art, events=_unique(article_events, art_id))
    assert store.put(coded, run_id=run_id, coder_version="v1") == "stored"
    back = store.get(art_id)
    assert back is not None
    assert back.article.to_dict() == art.to_dict()
    assert back.to_dict() == coded.to_dict()
    assert [e.to_dict() for e in back.events] == [e.to_dict() for e in coded.events]


@EXAMPLES
@given(event=events)
def test_event_round_trips(shared_store: tuple[Store, str], event) -> None:
    store, run_id = shared_store
    art_id = f"a{next(_ids)}"
    from communique.model import Article

    ev = _unique([event], art_id)[0]
    store.put(CodedArticle(article=Article(id=art_id, text=art_id), events=[ev]), run_id=run_id,
              coder_version="v1")
    assert [e.to_dict() for e in store.events([ev.id])] == [ev.to_dict()]


@EXAMPLES
@given(article=articles, rejection=rejections)
def test_rejection_round_trips(shared_store: tuple[Store, str], article, rejection) -> None:
    store, run_id = shared_store
    art = replace(article, id=f"a{next(_ids)}")
    coded = CodedArticle(article=art, rejected=rejection)
    assert store.put(coded, run_id=run_id, coder_version="v1") in ("stored", "duplicate")
    back = store.get(art.id)
    if back is not None:  # "duplicate": the same text is stored under another id
        assert back.rejected == rejection
        assert back.to_dict() == coded.to_dict()
        assert back.article.to_dict() == art.to_dict()
    rows = store.backend.query("SELECT stage, reason FROM rejections WHERE article_id = ?", (art.id,))
    assert rows == ([(rejection.stage, rejection.reason)] if back is not None else [])


@EXAMPLES
@given(run=runs)
def test_run_round_trips(shared_store: tuple[Store, str], run: RunRecord) -> None:
    store, _ = shared_store
    record = replace(run, id=f"r{next(_ids)}")
    store.put_run(record)
    assert store.get_run(record.id) == record
