"""What a reviewer sends, checked, and what it makes of an event (``store/reviews.py`` stores it).

``check_changes`` reads the fields a reviewer may change (type, mode, actor, recipient, place,
date, context, trigger) and refuses a bad one with a ``BadParameter`` naming it; ``effective``
applies them to the coder's event; ``added_event`` builds an event the coder missed from the
evidence a reviewer selected. No database here.
"""

from __future__ import annotations

import functools
import re
from dataclasses import replace
from typing import Any

from communique.errors import BadParameter, CommuniqueError
from communique.lexicon.plover import plover
from communique.model import EVENT_TYPES, Entity, Event, Place, Span, content_id

CORRECTABLE = ("event", "mode", "actor", "recipient", "place", "date", "context", "trigger")
MAX_REVIEWER = 80
_DATE = re.compile(r"[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?")
_CODE = re.compile(r"[A-Z]{3}")
_TRIGGER = re.compile(r": trigger '(.+?)' \(")


def machine_trigger(event: Event) -> str | None:
    """The trigger words the coder wrote in its explanation ("trigger 'a reçu' (...")."""
    match = _TRIGGER.search(event.explanation or "")
    return match.group(1) if match else None


# -- checking what a reviewer sends ---------------------------------------------------------------
def reviewer_name(value: Any) -> str:
    name = value.strip() if isinstance(value, str) else ""
    if not name or len(name) > MAX_REVIEWER or any(ord(ch) < 32 for ch in name):
        raise BadParameter("reviewer", f"name yourself (1 to {MAX_REVIEWER} characters)")
    return name


def _party(name: str, value: Any) -> dict[str, Any] | None:
    if value is None:
        return None
    if not isinstance(value, dict):
        raise BadParameter(name, "want {code, sector} or null")
    code, sector = (value.get(k) or "" for k in ("code", "sector"))
    if not isinstance(code, str) or not isinstance(sector, str):
        raise BadParameter(name, "want a code and a sector as text, such as MRT and GOV")
    code, sector = code.strip().upper() or None, sector.strip().upper() or None
    if code is not None and not _CODE.fullmatch(code):
        raise BadParameter(name, f"want a three-letter code such as MRT, got {value.get('code')!r}")
    if sector is not None and not re.fullmatch(r"[A-Z]{2,5}", sector):
        raise BadParameter(name, f"want a PLOVER sector such as GOV, got {value.get('sector')!r}")
    if code is None and sector is None:
        return None
    out: dict[str, Any] = {"code": code, "sector": sector}
    if isinstance(value.get("name"), str) and value["name"].strip():
        out["name"] = value["name"].strip()[:200]
    return out


def check_changes(changes: Any, *, text: str | None = None) -> dict[str, Any]:
    """The reviewer's changes, every field checked (a ``BadParameter`` names the bad one)."""
    if not isinstance(changes, dict) or not changes:
        raise BadParameter("changes", "want an object of fields to change")
    out: dict[str, Any] = {}
    for key, value in changes.items():
        if key not in CORRECTABLE:
            raise BadParameter("changes", f"cannot change {key!r} (allowed: {', '.join(CORRECTABLE)})")
        if key == "event":
            if value not in EVENT_TYPES:
                raise BadParameter("event", f"want a PLOVER type ({', '.join(EVENT_TYPES)})")
            out[key] = value
        elif key == "mode":
            if value not in (None, "") and not (isinstance(value, str)
                                                and re.fullmatch(r"[a-z-]{2,30}", value)):
                raise BadParameter("mode", f"want a PLOVER mode or null, got {value!r}")
            out[key] = value or None
        elif key in ("actor", "recipient"):
            out[key] = _party(key, value)
        elif key == "place":
            if value in (None, ""):
                out[key] = None
                continue
            if not isinstance(value, dict) or not str(value.get("name") or "").strip():
                raise BadParameter("place", "want {name, country_code} or null")
            country = (value.get("country_code") or "").strip().upper() or None
            if country is not None and not _CODE.fullmatch(country):
                raise BadParameter("place", f"want a three-letter country code, got {country!r}")
            out[key] = {"name": str(value["name"]).strip()[:200], "country_code": country}
        elif key == "date":
            if value in (None, ""):
                out[key] = None
            elif isinstance(value, str) and _DATE.fullmatch(value.strip()):
                out[key] = value.strip()
            else:
                raise BadParameter("date", f"want YYYY-MM-DD, YYYY-MM or YYYY, got {value!r}")
        elif key == "context":
            if not isinstance(value, list) or not all(isinstance(c, str) and re.fullmatch(r"[a-z_]{2,30}", c)
                                                      for c in value):
                raise BadParameter("context", "want a list of PLOVER contexts")
            out[key] = list(value)
        elif key == "trigger":
            out[key] = span_in("trigger", value, text=text) if value else None
    return out


def span_in(name: str, value: Any, *, text: str | None) -> dict[str, Any]:
    """{text, start, end} checked against the article: the offsets must give the text. When they
    do not (a browser that counted differently), the occurrence nearest ``start`` is taken."""
    if not isinstance(value, dict) or not isinstance(value.get("text"), str) or not value["text"].strip():
        raise BadParameter(name, "want {text, start, end}")
    words = value["text"]
    start = value.get("start")
    if text is None:
        return {"text": words, "start": start, "end": (start or 0) + len(words)}
    if isinstance(start, int) and text[start:start + len(words)] == words:
        return {"text": words, "start": start, "end": start + len(words)}
    found = [m.start() for m in re.finditer(re.escape(words), text)]
    if not found:
        raise BadParameter(name, "the selected words are not in the article's text")
    at = min(found, key=lambda i: abs(i - (start if isinstance(start, int) else 0)))
    return {"text": words, "start": at, "end": at + len(words)}


# -- the effective event --------------------------------------------------------------------------
def _entity(change: dict[str, Any], before: list[Entity], *, anchor: int, reviewer: str) -> list[Entity]:
    # The mention read by the coder stays only when it names the same party (a sector fixed);
    # another code is another party, whose words the reviewer did not select.
    first = before[0] if before and before[0].code == change["code"] else None
    return [Entity(code=change["code"], sector=change["sector"],
                   entity_text=first.entity_text if first else "",
                   start=first.start if first else anchor, end=first.end if first else anchor,
                   name=change.get("name") or (first.name if first else None),
                   other_sectors=list(first.other_sectors) if first else [],
                   reason=f"review: corrected by {reviewer}")]


def _place(change: dict[str, Any], *, reviewer: str, lang: str | None) -> Place:
    """The reviewer's place, with coordinates when the gazetteer knows the name."""
    place = Place(extracted_place=change["name"], resolved_place=change["name"],
                  country_code=change.get("country_code"), reason=f"review: corrected by {reviewer}")
    try:
        hits = _gazetteer().candidates(change["name"], context_countries=[
            c for c in [change.get("country_code")] if c], lang=lang)
    except (CommuniqueError, OSError):  # no gazetteer data: the name alone is still right
        return place
    hits = [h for h in hits if not change.get("country_code") or h.country_code == change["country_code"]]
    if hits:
        hit = hits[0]
        place = replace(place, resolved_place=hit.name, geonameid=hit.geonameid,
                        lat=hit.lat, lon=hit.lon, country_code=hit.country_code,
                        feature_code=hit.feature_code, resolution=hit.resolution,
                        reason=f"review: corrected by {reviewer}; gazetteer: {hit.reason}")
    return place


@functools.cache
def _gazetteer() -> Any:
    """The gazetteer, loaded once per process (on the first place a reviewer corrects)."""
    from communique.resolve.gazetteer import Gazetteer

    return Gazetteer.load()


def effective(machine: Event, changes: dict[str, Any], *, reviewer: str,
              lang: str | None = None) -> Event:
    """The machine's event with a reviewer's changes applied (the event id is kept)."""
    if not changes:
        return machine
    ev = Event.from_dict(machine.to_dict())
    tables = plover()
    anchor = ev.event_text[0].start if ev.event_text else 0
    said = []
    if "event" in changes and changes["event"] != ev.event:
        said.append(f"type {ev.event} → {changes['event']}")
        ev.event = changes["event"]
        if not tables.valid_mode(ev.event, ev.mode):
            ev.mode = None
    if "mode" in changes and changes["mode"] != ev.mode:
        said.append(f"mode {ev.mode or '-'} → {changes['mode'] or '-'}")
        ev.mode = changes["mode"]
    ev.quad_code = tables.quad.get(ev.event)
    ev.intensity = tables.intensity(ev.event, ev.mode)
    ev.cameo = tables.cameo_code(ev.event, ev.mode)
    for role in ("actor", "recipient"):
        if role in changes:
            before = getattr(ev, role)
            after = [] if changes[role] is None else _entity(changes[role], before, anchor=anchor,
                                                             reviewer=reviewer)
            said.append(f"{role} {_parties(before)} → {_parties(after)}")
            setattr(ev, role, after)
    if "place" in changes:
        ev.event_loc = None if changes["place"] is None else _place(changes["place"], reviewer=reviewer,
                                                                    lang=lang)
        said.append(f"place → {changes['place']['name'] if changes['place'] else 'none'}")
    if "date" in changes:
        said.append(f"date {ev.date or '-'} → {changes['date'] or '-'}")
        ev.date = changes["date"]
        ev.date_basis = "text"
    if "context" in changes:
        ev.context = list(changes["context"])
    if said:
        ev.explanation = f"{ev.explanation}; reviewed by {reviewer}: {', '.join(said)}"
    return ev


def _parties(entities: list[Entity]) -> str:
    return "+".join(f"{e.code or '?'} {e.sector or '?'}" for e in entities) or "none"


def added_event(article_id: str, text: str, changes: dict[str, Any], *, reviewer: str,
                published: str | None, lang: str | None) -> Event:
    """An event the coder missed, built from the evidence the reviewer selected."""
    if "event" not in changes:
        raise BadParameter("event", "an added event needs its type")
    evidence = changes["evidence"]
    span = Span(text=evidence["text"], start=evidence["start"], end=evidence["end"])
    base = Event(id=content_id(article_id, "added", changes["event"], str(span.start), str(span.end)),
                 article_id=article_id, event=changes["event"], event_text=[span],
                 date=published[:10] if published else None, date_basis="publication",
                 confidence=1.0, explanation=f"{changes['event']}: added by {reviewer}")
    rest = {k: v for k, v in changes.items() if k not in ("event", "evidence", "trigger")}
    event = effective(base, rest, reviewer=reviewer, lang=lang) if rest else base
    tables = plover()
    event.quad_code = tables.quad.get(event.event)
    event.intensity = tables.intensity(event.event, event.mode)
    event.cameo = tables.cameo_code(event.event, event.mode)
    event.explanation = f"{event.event}: added by {reviewer}" + (
        f" (trigger '{changes['trigger']['text']}')" if changes.get("trigger") else "")
    for party in (*event.actor, *event.recipient):
        party.reason = f"review: added by {reviewer}"
    if event.event_loc is not None:
        event.event_loc.reason = event.event_loc.reason.replace("corrected", "added")
    return event
