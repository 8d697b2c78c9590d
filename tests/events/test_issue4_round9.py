"""Issue 4, round 9: legal charges in the present passive, elided quantity nouns of arrests,
plural statement nouns of one named party in a concession. Sentences written for these tests."""

from __future__ import annotations

import pytest

from communique.coder import Coder, CoderSettings
from communique.model import Article


@pytest.fixture(scope="module")
def coder():
    return Coder(CoderSettings(keep_skips=True, vectors=False))


def _events(coder, text):
    res = coder.code_article(Article(id="t", text=text, lang="fr", title=""))
    return [(e.event, e.mode, {a.code for a in e.actor}, {a.code for a in e.recipient}) for e in res.events]


def test_present_passive_charge_is_an_accusation(coder):
    evs = _events(coder, "Le ministre malien est accusé de corruption.")
    assert any(t == "ACCUSE" and m == "allege" and "MLI" in rec for t, m, _, rec in evs)


def test_present_passive_state_still_skipped(coder):
    evs = _events(coder, "Des dizaines de journalistes sont emprisonnés au Tchad.")
    assert not any(t == "COERCE" for t, *_ in evs)


def test_elided_quantity_noun_of_an_arrest(coder):
    evs = _events(coder, "La police kényane annonce que des dizaines de manifestants ont été tués "
                         "et des dizaines d'autres arrêtés à Nairobi.")
    assert any(t == "COERCE" and m == "arrest" for t, m, _, _ in evs)


def test_concession_only_presupposes_statements(coder):
    evs = _events(coder, "Malgré les sanctions du Nigeria, le Togo a signé l'accord avec la Chine.")
    assert not any(t == "SANCTION" for t, *_ in evs)


def test_plural_critiques_of_a_named_party_in_a_concession(coder):
    evs = _events(coder, "Malgré les critiques du Nigeria, la Ligue a voté en faveur du retour de la Syrie.")
    assert any(t == "ACCUSE" and "NGA" in act for t, _, act, _ in evs)


def test_plural_critiques_without_author_stay_generic(coder):
    evs = _events(coder, "Malgré les critiques, le Togo a signé l'accord avec la Chine.")
    assert not any(t == "ACCUSE" for t, *_ in evs)
