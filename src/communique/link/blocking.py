"""Blocking: which pairs of events are worth comparing at all.

Two reports of one event share its type and its participants and fall within a few days of
each other. So events are grouped into blocks keyed by (type, actor code, recipient code) — one
key per actor × recipient pair of an event, the pair in both orders for symmetric modes
("meet") — and, inside a block sorted by date, each event is compared only with the events
whose dates lie within the window: a sliding date bucket. Cost grows with the number of
events times the events of the same dyad and type within a week, not with the square of the
store.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence

from communique.link.events import LinkEvent

# Modes whose roles are interchangeable: "A met B" and "B met A" report the same meeting.
SYMMETRIC_MODES = frozenset({"meet", "multilateral"})
NONE = ""  # stands for "no code" in a key, so that such events still meet each other

BlockKey = tuple[str, str, str]


def block_keys(event: LinkEvent) -> tuple[BlockKey, ...]:
    actors = event.actors or frozenset([NONE])
    recipients = event.recipients or frozenset([NONE])
    keys = {(event.event, a, r) for a in actors for r in recipients}
    if event.mode in SYMMETRIC_MODES:
        keys |= {(event.event, r, a) for a in actors for r in recipients}
    return tuple(sorted(keys))


def blocks(events: Sequence[LinkEvent]) -> tuple[dict[BlockKey, list[int]], list[tuple[BlockKey, ...]]]:
    """Event indices per block (datable events only), and each event's keys."""
    grouped: dict[BlockKey, list[int]] = defaultdict(list)
    keys: list[tuple[BlockKey, ...]] = []
    for i, event in enumerate(events):
        ks = block_keys(event) if event.lo is not None else ()
        keys.append(ks)
        for key in ks:
            grouped[key].append(i)
    return grouped, keys


def candidate_pairs(events: Sequence[LinkEvent], *, window: int
                    ) -> Iterator[tuple[BlockKey, list[tuple[int, int]]]]:
    """Per block, the pairs (i, j) of events within ``window`` days of each other.

    A pair sharing several blocks is given once, by the smallest key they share.
    """
    grouped, keys = blocks(events)
    for key in sorted(grouped):
        members = grouped[key]
        if len(members) < 2:
            continue
        members.sort(key=lambda i: (events[i].lo, events[i].id))
        pairs: list[tuple[int, int]] = []
        count = len(members)
        for pos in range(count):
            i = members[pos]
            reach = events[i].hi + window  # type: ignore[operator]
            several = len(keys[i]) > 1
            for q in range(pos + 1, count):
                j = members[q]
                if events[j].lo > reach:  # type: ignore[operator]
                    break  # sorted by lo: nothing further is close enough
                if several and len(keys[j]) > 1 and min(set(keys[i]) & set(keys[j])) != key:
                    continue
                pairs.append((i, j))
        if pairs:
            yield key, pairs
