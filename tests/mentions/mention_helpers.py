"""Small helpers shared by the actor-resolution tests: each turns a coded article into the parties
of its events, as plain values to assert on; each fails when the article was rejected.

Import them as ``from mention_helpers import ...`` (pytest puts this folder on the import path). The
coders themselves are the ``code_text`` and ``code_with_rules`` fixtures of tests/conftest.py.
"""

from __future__ import annotations


def parties(coded) -> list[tuple]:
    """(type, sorted actor codes, sorted recipient codes) of each event, "-" for a party without a
    code."""
    assert coded.rejected is None, coded.rejected
    return [(e.event, sorted(a.code or "-" for a in e.actor), sorted(r.code or "-" for r in e.recipient))
            for e in coded.events]


def parties_and_recipient_sectors(coded) -> list[tuple]:
    """As ``parties``, with the sorted sectors of the recipients last."""
    return [row + (sorted(r.sector or "-" for r in e.recipient),) for row, e in zip(parties(coded), coded.events)]


def parties_and_sectors(coded) -> list[tuple]:
    """(type, [(code, sector)] of the actors, [(code, sector)] of the recipients), in the order found."""
    assert coded.rejected is None, coded.rejected
    return [(e.event, [(a.code, a.sector) for a in e.actor], [(a.code, a.sector) for a in e.recipient])
            for e in coded.events]
