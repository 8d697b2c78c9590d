"""Issue 4, round 11: a same-country recipient is kept when it is another part of that state
(domestic events), dropped when it is the actor itself; a support told in the present passive is
a stance. Sentences written for these tests."""

from __future__ import annotations

import pytest

from communique.coder import Coder, CoderSettings
from communique.events.detect import same_side
from communique.model import Article, Entity


@pytest.fixture(scope="module")
def coder():
    return Coder(CoderSettings(keep_skips=True, vectors=False))


def _events(coder, text, lang="fr"):
    res = coder.code_article(Article(id="t", text=text, lang=lang, title=""))
    return [(e.event, e.mode, {(a.code, a.sector) for a in e.actor}, {(a.code, a.sector) for a in e.recipient})
            for e in res.events]


def _ent(code, sector, start=0, end=5):
    return Entity(code=code, sector=sector, entity_text="x", start=start, end=end)


def test_same_side_rules():
    assert same_side(_ent("TCD", "GOV"), _ent("TCD", "GOV", 10, 15))
    assert same_side(_ent("TCD", "CVL"), _ent("TCD", "GOV", 10, 15))  # its own nationals
    assert same_side(_ent("TCD", "DIP"), _ent("TCD", "GOV", 10, 15))  # its own diplomat
    assert not same_side(_ent("TCD", "GOV"), _ent("TCD", "REB", 10, 15))  # rebels -> the government
    assert not same_side(_ent("TCD", "GOV"), _ent("NER", "GOV", 10, 15))
    assert not same_side(_ent(None, "GOV"), _ent(None, "GOV", 10, 15))
    # the recipient's phrase holds the actor: its country came from the actor
    assert same_side(_ent("TCD", "REB", 0, 40), _ent("TCD", "GOV", 30, 35))


def test_domestic_recipient_kept(coder):
    evs = _events(coder, "The Chadian rebels on Monday attacked the Chadian army near the capital.", lang="en")
    assert any(("TCD", "REB") in act and any(c == "TCD" for c, _ in rec) for _, _, act, rec in evs)


def test_present_passive_support_is_a_stance(coder):
    evs = _events(coder, "Le président tchadien est soutenu par la majorité du Parlement tchadien.")
    assert not any(t == "SUPPORT" for t, *_ in evs)


def test_past_support_still_an_event(coder):
    evs = _events(coder, "Le Parlement tchadien a soutenu le président nigérien lundi.")
    assert any(t == "SUPPORT" for t, *_ in evs)
