"""Reviewed articles as gold: the guidelines' format (coding-guidelines.md §2), one line per
article, read by ``../shared/eval/score.py``, ``communique evaluate`` and ``communique train``.

An article is exported when a reviewer has seen every event it now holds (each confirmed,
corrected or added; the rejected ones are gone) and none of its reviews waits for a second look:
its events are then what the reviewers say the article reports. Each line carries the article's
text too, so that the file is its own articles file. ``trigger`` is the reviewer's selection, else
the coder's trigger word when it lies inside the evidence (what ``communique train`` learns from).
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import product
from typing import Any

from communique.model import Entity, Event
from communique.store.reviews import Review, machine_trigger, reviews
from communique.store.store import Store

EVIDENCE_JOIN = " […] "


def _party(entity: Entity | None) -> dict[str, Any] | None:
    if entity is None:
        return None
    return {"name": entity.name or entity.entity_text or None, "country": entity.code,
            "sector": entity.sector}


def _trigger(event: Event, review: Review | None, evidence: str) -> str | None:
    chosen = (review.changes.get("trigger") or {}).get("text") if review else None
    words = chosen or machine_trigger(review.machine if review and review.machine else event)
    return words if words and words in evidence else None


def gold_events(event: Event, review: Review | None) -> list[dict[str, Any]]:
    """One gold event per actor–recipient pair of a record (the gold's convention)."""
    evidence = EVIDENCE_JOIN.join(s.text for s in event.event_text)
    trigger = _trigger(event, review, evidence)
    loc = event.event_loc
    out = []
    for actor, recipient in product(event.actor or [None], event.recipient or [None]):
        gold: dict[str, Any] = {
            "type": event.event, "mode": event.mode, "contexts": list(event.context),
            "actor": _party(actor), "recipient": _party(recipient),
            "location": {"name": loc.resolved_place or loc.extracted_place,
                         "country": loc.country_code} if loc else None,
            "date": event.date,
            "people": [{"name": p.name, "title": p.title, "org": p.org, "country": p.country}
                       for p in event.people],
            "evidence": evidence, "background": False}
        if trigger:
            gold["trigger"] = trigger
        out.append(gold)
    return out


def gold_rows(store: Store) -> tuple[list[dict[str, Any]], dict[str, int]]:
    """The fully reviewed articles as gold rows, and counts (``articles``, ``events``,
    ``partial``: articles left out because some of their events are not reviewed yet)."""
    by_article: dict[str, list[Review]] = {}
    for review in reviews(store.backend):
        by_article.setdefault(review.article_id, []).append(review)
    rows, partial, events = [], 0, 0
    for coded in store.articles(sorted(by_article)):
        found = by_article[coded.article.id]
        by_event = {r.event_id: r for r in found if r.event_id}
        if any(r.needs_look for r in found) or any(e.id not in by_event for e in coded.events):
            partial += 1
            continue
        art = coded.article
        gold = [g for e in coded.events for g in gold_events(e, by_event.get(e.id))]
        events += len(gold)
        rows.append({"id": art.id, "lang": art.lang, "published": art.published, "title": art.title,
                     "url": art.url, "text": art.text, "events": gold,
                     "reviewers": sorted({r.reviewer for r in found})})
    return rows, {"articles": len(rows), "events": events, "partial": partial}


def write_gold(rows: Iterable[dict[str, Any]], out: Any) -> int:
    import json

    n = 0
    for row in rows:
        out.write(json.dumps(row, ensure_ascii=False) + "\n")
        n += 1
    return n
