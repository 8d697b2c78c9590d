"""Issue 4, round 12: a threat whose clause names no target is aimed at the party the text was
just talking about (the subject told before, not the threatener). Sentences written for these
tests."""

from __future__ import annotations

import pytest

from communique.coder import Coder, CoderSettings
from communique.model import Article


@pytest.fixture(scope="module")
def coder():
    return Coder(CoderSettings(keep_skips=True, vectors=False))


def _events(coder, text, lang="fr"):
    res = coder.code_article(Article(id="t", text=text, lang=lang, title=""))
    return [(e.event, {a.code for a in e.actor}, {a.code for a in e.recipient}) for e in res.events]


def test_threat_without_target_takes_party_told_before(coder):
    evs = _events(coder, "L'Irak a coupé les salaires des fonctionnaires kurdes. "
                         "La Turquie a menacé de fermer la frontière.")
    assert ("THREATEN", {"TUR"}, {"IRQ"}) in evs


def test_threat_with_named_target_keeps_it(coder):
    evs = _events(coder, "Le Maroc a rappelé son ambassadeur. L'Algérie a menacé l'Espagne de représailles.")
    threats = [e for e in evs if e[0] == "THREATEN"]
    assert threats and all(r == {"ESP"} for _, _, r in threats)


def test_threat_never_aimed_at_the_threatener(coder):
    evs = _events(coder, "La Turquie a menacé de fermer la frontière.")
    assert all("TUR" not in r for t, _, r in evs if t == "THREATEN")
