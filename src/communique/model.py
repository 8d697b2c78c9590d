"""Core types: Article, Span, Entity, Place, Person, Event, Rejection, CodedArticle.

These own the data that flows through the pipeline and serialise to and from the JSON of the
event-record spec (PLOVER field names). No spaCy here: the store, exporters, web app and
evaluation read these types only.

Offsets are always character offsets into ``Article.text``: ``article.text[span.start:span.end]
== span.text``.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

EVENT_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
SIDES = ("actor", "recipient", "other")


def content_id(*parts: str, length: int = 16) -> str:
    """Stable id from content: the same inputs always give the same id."""
    digest = hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()
    return digest[:length]


@dataclass(frozen=True, slots=True)
class Span:
    """A verbatim piece of the article text with its offsets."""

    text: str
    start: int
    end: int
    sentence: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end, "sentence": self.sentence}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Span:
        return cls(text=data["text"], start=int(data["start"]), end=int(data["end"]),
                   sentence=data.get("sentence"))


@dataclass(slots=True)
class Entity:
    """One party of an event: a state body, an organisation, a group or a person acting."""

    code: str | None
    sector: str | None
    entity_text: str
    start: int
    end: int
    name: str | None = None
    other_sectors: list[str] = field(default_factory=list)
    reason: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "sector": self.sector, "other_sectors": list(self.other_sectors),
                "entity_text": self.entity_text, "name": self.name, "start": self.start,
                "end": self.end, "reason": self.reason}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Entity:
        return cls(code=data.get("code"), sector=data.get("sector"),
                   entity_text=data.get("entity_text") or "", start=int(data.get("start") or 0),
                   end=int(data.get("end") or 0), name=data.get("name"),
                   other_sectors=list(data.get("other_sectors") or []),
                   reason=data.get("reason") or "")


@dataclass(slots=True)
class Place:
    """Where an event happened: the words of the text and what they resolve to."""

    extracted_place: str
    resolved_place: str | None = None
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    country_code: str | None = None
    feature_code: str | None = None
    resolution: int | None = None  # 1 country, 2 province, 3 district, 4 city, 5 below city
    start: int | None = None
    end: int | None = None
    reason: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"extracted_place": self.extracted_place, "resolved_place": self.resolved_place,
                "geonameid": self.geonameid, "lat": self.lat, "lon": self.lon,
                "country_code": self.country_code, "feature_code": self.feature_code,
                "resolution": self.resolution, "start": self.start, "end": self.end,
                "reason": self.reason}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Place:
        return cls(extracted_place=data.get("extracted_place") or "",
                   resolved_place=data.get("resolved_place"), geonameid=data.get("geonameid"),
                   lat=data.get("lat"), lon=data.get("lon"), country_code=data.get("country_code"),
                   feature_code=data.get("feature_code"), resolution=data.get("resolution"),
                   start=data.get("start"), end=data.get("end"), reason=data.get("reason") or "")


@dataclass(slots=True)
class Person:
    """A named person taking part in an event, with rank, office and side."""

    name: str
    title: str | None = None
    office: str | None = None
    org: str | None = None
    country: str | None = None
    side: str = "other"
    start: int | None = None
    end: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "title": self.title, "office": self.office, "org": self.org,
                "country": self.country, "side": self.side, "start": self.start, "end": self.end}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Person:
        return cls(name=data["name"], title=data.get("title"), office=data.get("office"),
                   org=data.get("org"), country=data.get("country"),
                   side=data.get("side") or "other", start=data.get("start"), end=data.get("end"))


@dataclass(slots=True)
class Event:
    """One coded PLOVER event with its evidence and the reasons behind each decision."""

    id: str
    article_id: str
    event: str
    mode: str | None = None
    context: list[str] = field(default_factory=list)
    quad_code: int | None = None
    intensity: float | None = None
    cameo: str | None = None
    actor: list[Entity] = field(default_factory=list)
    recipient: list[Entity] = field(default_factory=list)
    event_loc: Place | None = None
    date: str | None = None
    date_basis: str = "publication"
    people: list[Person] = field(default_factory=list)
    event_text: list[Span] = field(default_factory=list)
    confidence: float = 0.0
    explanation: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "article_id": self.article_id, "event": self.event, "mode": self.mode,
            "context": list(self.context), "quad_code": self.quad_code,
            "intensity": self.intensity, "cameo": self.cameo,
            "actor": [e.to_dict() for e in self.actor],
            "recipient": [e.to_dict() for e in self.recipient],
            "event_loc": self.event_loc.to_dict() if self.event_loc else None,
            "date": self.date, "date_basis": self.date_basis,
            "people": [p.to_dict() for p in self.people],
            "event_text": [s.to_dict() for s in self.event_text],
            "confidence": self.confidence, "explanation": self.explanation,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Event:
        loc = data.get("event_loc")
        return cls(
            id=data["id"], article_id=str(data["article_id"]), event=data["event"],
            mode=data.get("mode"), context=list(data.get("context") or []),
            quad_code=data.get("quad_code"), intensity=data.get("intensity"),
            cameo=data.get("cameo"),
            actor=[Entity.from_dict(e) for e in data.get("actor") or []],
            recipient=[Entity.from_dict(e) for e in data.get("recipient") or []],
            event_loc=Place.from_dict(loc) if loc else None,
            date=data.get("date"), date_basis=data.get("date_basis") or "publication",
            people=[Person.from_dict(p) for p in data.get("people") or []],
            event_text=[Span.from_dict(s) for s in data.get("event_text") or []],
            confidence=float(data.get("confidence") or 0.0),
            explanation=data.get("explanation") or "",
        )


@dataclass(frozen=True, slots=True)
class Rejection:
    """Why an article could not be coded, and at which stage."""

    stage: str
    reason: str

    def to_dict(self) -> dict[str, str]:
        return {"stage": self.stage, "reason": self.reason}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Rejection:
        return cls(stage=data["stage"], reason=data["reason"])


@dataclass(slots=True)
class Article:
    """One news report. It owns the text; everything else points into it by offsets."""

    id: str
    text: str
    title: str | None = None
    published: str | None = None  # ISO date YYYY-MM-DD (or a longer ISO timestamp)
    url: str | None = None
    lang: str | None = None
    source: str | None = None  # where it was read from (file path, "stdin", ...)
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def content_hash(self) -> str:
        return content_id(self.title or "", self.text, length=40)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "url": self.url, "title": self.title, "published": self.published,
                "lang": self.lang, "text": self.text, "source": self.source, "meta": dict(self.meta)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        return cls(id=str(data["id"]), text=data.get("text") or "", title=data.get("title"),
                   published=data.get("published"), url=data.get("url"), lang=data.get("lang"),
                   source=data.get("source"), meta=dict(data.get("meta") or {}))


@dataclass(slots=True)
class CodedArticle:
    """What coding one input gives: the article (or what is known of it) and its events."""

    article: Article
    events: list[Event] = field(default_factory=list)
    rejected: Rejection | None = None

    def to_dict(self) -> dict[str, Any]:
        """The one-line-per-article record of the event-record spec."""
        art = self.article
        return {"id": art.id, "url": art.url, "title": art.title, "published": art.published,
                "lang": art.lang, "events": [e.to_dict() for e in self.events],
                "rejected": self.rejected.to_dict() if self.rejected else None}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> CodedArticle:
        art = Article(id=str(data["id"]), text="", title=data.get("title"),
                      published=data.get("published"), url=data.get("url"), lang=data.get("lang"))
        rej = data.get("rejected")
        return cls(article=art, events=[Event.from_dict(e) for e in data.get("events") or []],
                   rejected=Rejection.from_dict(rej) if rej else None)
