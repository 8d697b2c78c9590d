"""The answers the JSON API and the pages' JSON twins share: an event list, one event, an
article, search, people, stories. Both ``api.py`` and ``pages.py`` import them from here."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request

from communique.export.tables import Provenance
from communique.model import Event
from communique.store.query import EventFilter, people, stories
from communique.store.records import read_events
from communique.store.reviews import verdicts
from communique.store.store import Store
from communique.web import queries
from communique.web.cache import cached
from communique.web.params import (check_known, country_code, decode_cursor, encode_cursor,
                                   event_filter, filter_params, limit, min_mentions, path_id,
                                   sort_order)
from communique.web.persons import is_person_name
from communique.web.state import NotFound, store_of


FALLBACK_ACTOR = "fallback actor"  # in Entity.reason when a rule guessed the party
IMPLIED = "implied "  # Entity.reason's start when the party model supplied a side the clause left unnamed


def guessed(entity: Any) -> bool:
    """A party the coder guessed rather than read off the clause: the nearest state before the
    trigger ("fallback actor") or the side the party model supplied ("implied recipient: ...")."""
    reason = getattr(entity, "reason", None) or (entity.get("reason") if isinstance(entity, dict) else None) or ""
    return FALLBACK_ACTOR in reason or reason.startswith(IMPLIED)


def trust_flags(event: Event) -> dict[str, Any]:
    """What the analyst should check, read from the stored reasons: parties the coder guessed
    (``guessed``), and a date taken from the publication rather than from the text
    (``date_basis``)."""
    guesses = [f"{role}:{e.code or '?'}" for role, parties in (("actor", event.actor),
                                                                ("recipient", event.recipient))
               for e in parties if guessed(e)]
    return {"guessed_parties": guesses, "date_from_publication": event.date_basis != "text"}


def event_json(event: Event, prov: Provenance) -> dict[str, Any]:
    """The event record plus its article and story facts and its trust flags."""
    return {**event.to_dict(), "flags": trust_flags(event),
            "article": {"id": event.article_id, "title": prov.title, "url": prov.url,
                        "published": prov.published, "lang": prov.lang},
            "story": {"id": prov.story_id, "num_mentions": prov.num_mentions,
                      "num_sources": prov.num_sources, "num_articles": prov.num_articles}}


def params_of(request: Request, allowed: tuple[str, ...]) -> dict[str, str]:
    params = dict(request.query_params)
    check_known(params, allowed)
    return params


def filter_of(request: Request, params: dict[str, str], *,
              limit: int | None = None) -> EventFilter:
    """The request's filter, its codes checked against the data and this store."""
    return event_filter(params, limit=limit, store=store_of(request))


def events_answer(store: Store, params: dict[str, str], *, default_limit: int = 50) -> dict[str, Any]:
    flt = event_filter(params, store=store)
    sort = sort_order(params)
    after = decode_cursor(params["cursor"], sort=sort) if params.get("cursor") else None
    page = queries.event_page(store, flt, size=limit(params, default=default_limit), sort=sort,
                              after=after)
    reviewed = verdicts(store.backend, [ev.id for ev, _ in page.items])
    return {"filters": filter_params(flt), "sort": sort, "count": len(page.items),
            "events": [{**event_json(ev, prov), "review": reviewed.get(ev.id)}
                       for ev, prov in page.items],
            "next": encode_cursor(sort, *page.next_cursor) if page.next_cursor else None}


def event_answer(store: Store, event_id: str) -> dict[str, Any]:
    path_id("event_id", event_id)
    found = read_events(store.backend, [event_id])
    if not found:
        raise NotFound(f"no event {event_id!r}")
    event = found[0]
    prov = queries.provenance(store, [event])[event.id]
    return event_json(event, prov)


def article_answer(store: Store, article_id: str) -> dict[str, Any]:
    path_id("article_id", article_id)
    coded = store.get(article_id)
    if coded is None:
        raise NotFound(f"no article {article_id!r}")
    return {**coded.article.to_dict(), "events": [e.to_dict() for e in coded.events],
            "rejected": coded.rejected.to_dict() if coded.rejected else None}


def search_answer(store: Store, params: dict[str, str]) -> dict[str, Any]:
    query = params.get("q", "").strip()
    n = limit(params, default=20)
    hits = store.search(query, limit=n) if query else []
    return {"q": query, "count": len(hits),
            "results": [{"article_id": h.article_id, "title": h.title, "published": h.published,
                         "url": h.url, "snippet": h.snippet} for h in hits]}


def people_answer(request: Request, params: dict[str, str]) -> dict[str, Any]:
    flt = filter_of(request, params, limit=limit(params, default=100))
    of = params.get("of", "").strip()
    country = country_code("of", of, store=store_of(request)) if of else None
    found = cached(request, people, flt, country=country)
    rows = [r for r in found if is_person_name(r["name"])]
    # Names that are not people (a demonym, a newspaper...) are left out, and counted.
    return {"filters": filter_params(flt), "count": len(rows), "people": rows,
            "left_out": [r["name"] for r in found if not is_person_name(r["name"])]}


def stories_answer(request: Request, params: dict[str, str]) -> dict[str, Any]:
    flt = filter_of(request, params, limit=limit(params, default=50))
    rows = cached(request, stories, flt, min_mentions=min_mentions(params))
    return {"filters": filter_params(flt), "count": len(rows), "stories": rows}
