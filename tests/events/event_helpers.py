"""Small helpers shared by the event tests: each turns a coded article into plain tuples to assert on,
and each fails when the article was rejected (a rejection is never "no event").

Import them as ``from event_helpers import ...`` (pytest puts this folder on the import path). The
coders themselves are the ``code_text`` and ``code_with_rules`` fixtures of tests/conftest.py.
"""

from __future__ import annotations


def _rows(coded, extra=None) -> list[tuple]:
    assert coded.rejected is None, coded.rejected
    rows = []
    for e in coded.events:
        row = (e.event, e.mode, set(a.code for a in e.actor), set(r.code for r in e.recipient))
        rows.append(row + (extra(e),) if extra else row)
    return rows


def events(coded) -> list[tuple]:
    """(type, mode, actor codes, recipient codes) of each event."""
    return _rows(coded)


def events_and_objects(coded) -> list[tuple]:
    """As ``events``, with the Event itself last."""
    return _rows(coded, lambda e: e)


def events_and_actor_sectors(coded) -> list[tuple]:
    """As ``events``, with the list of the actors' sectors last."""
    return _rows(coded, lambda e: [a.sector for a in e.actor])


def events_and_explanations(coded) -> list[tuple]:
    """As ``events``, with the event's explanation last."""
    return _rows(coded, lambda e: e.explanation)


def events_by_code_and_sector(coded) -> list[tuple]:
    """(type, mode, {(code, sector)} of the actors, {(code, sector)} of the recipients)."""
    assert coded.rejected is None, coded.rejected
    return [(e.event, e.mode, {(a.code, a.sector) for a in e.actor}, {(a.code, a.sector) for a in e.recipient})
            for e in coded.events]


def types_and_parties(coded) -> list[tuple]:
    """(type, actor codes, recipient codes) of each event."""
    assert coded.rejected is None, coded.rejected
    return [(e.event, {a.code for a in e.actor}, {a.code for a in e.recipient}) for e in coded.events]


def has(events, event, actors=(), recipients=()) -> bool:
    """Some row of ``events`` (from the helpers above that start with type and mode) has this type,
    these actors among its actors and these recipients among its recipients."""
    return any(ev == event and set(actors) <= a and set(recipients) <= r for ev, _, a, r, *_ in events)


def of_type(events, event) -> list[tuple]:
    """The rows of ``events`` of one type."""
    return [e for e in events if e[0] == event]


def skip_reasons(rules_coder, coded) -> list[str]:
    """Why the triggers of ``coded`` were not coded, as ``rules_coder`` (``keep_skips``) recorded it
    when coding it; taken out of the coder so that a later test never reads a stale list."""
    return rules_coder.skipped.pop(coded.article.id)


def skipped(reasons: list[str], word: str, why: str) -> bool:
    """Some reason says the trigger ``word`` was skipped for ``why`` ("'rendra'@48: future tense")."""
    return any(r.startswith(f"'{word}'@") and why in r for r in reasons)
