"""Hypothesis strategies for every record the store keeps.

Text is any Unicode except surrogates (not encodable) and NUL (PostgreSQL text cannot hold it;
the readers reject it as binary anyway). Floats are finite: NaN never equals itself.
"""

from __future__ import annotations

from hypothesis import strategies as st

from communique.model import Article, Entity, Event, Person, Place, Rejection, Span
from communique.store import RunRecord

TEXT = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
               max_size=30)
OPT_TEXT = st.none() | TEXT
INT = st.integers(min_value=-(2**62), max_value=2**62)
OPT_INT = st.none() | INT
FLOAT = st.floats(allow_nan=False, allow_infinity=False)
OPT_FLOAT = st.none() | FLOAT
JSON = st.recursive(st.none() | st.booleans() | INT | FLOAT | TEXT,
                    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(TEXT, inner, max_size=3),
                    max_leaves=8)

entities = st.builds(Entity, code=OPT_TEXT, sector=OPT_TEXT, entity_text=TEXT, start=INT, end=INT,
                     name=OPT_TEXT, other_sectors=st.lists(TEXT, max_size=3), reason=TEXT)
places = st.builds(Place, extracted_place=TEXT, resolved_place=OPT_TEXT, geonameid=OPT_INT,
                   lat=OPT_FLOAT, lon=OPT_FLOAT, country_code=OPT_TEXT, feature_code=OPT_TEXT,
                   resolution=OPT_INT, start=OPT_INT, end=OPT_INT, reason=TEXT)
people = st.builds(Person, name=TEXT, title=OPT_TEXT, office=OPT_TEXT, org=OPT_TEXT,
                   country=OPT_TEXT, side=TEXT, start=OPT_INT, end=OPT_INT)
spans = st.builds(Span, text=TEXT, start=INT, end=INT, sentence=OPT_INT)
# Ids are set by the tests: they must be unique in the store.
events = st.builds(Event, id=st.just(""), article_id=st.just(""), event=TEXT, mode=OPT_TEXT,
                   context=st.lists(TEXT, max_size=3), quad_code=OPT_INT, intensity=OPT_FLOAT,
                   cameo=OPT_TEXT, actor=st.lists(entities, max_size=3),
                   recipient=st.lists(entities, max_size=3), event_loc=st.none() | places,
                   date=OPT_TEXT, date_basis=TEXT, people=st.lists(people, max_size=3),
                   event_text=st.lists(spans, max_size=3), confidence=FLOAT, explanation=TEXT)
articles = st.builds(Article, id=st.just(""), text=TEXT, title=OPT_TEXT, published=OPT_TEXT,
                     url=OPT_TEXT, lang=OPT_TEXT, source=OPT_TEXT,
                     meta=st.dictionaries(TEXT, JSON, max_size=4))
rejections = st.builds(Rejection, stage=TEXT, reason=TEXT)
runs = st.builds(RunRecord, id=st.just(""), coder_version=TEXT,
                 config=st.dictionaries(TEXT, JSON, max_size=4), started=TEXT,
                 finished=OPT_TEXT, counts=st.dictionaries(TEXT, INT, max_size=4),
                 timings=st.dictionaries(TEXT, FLOAT, max_size=4))
