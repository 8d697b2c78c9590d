"""Query-string parameters to store filters, with a clear message for every bad value."""

from __future__ import annotations

import base64
import json
import re
from collections.abc import Mapping
from typing import Any

from communique.model import EVENT_TYPES
from communique.store.query import EventFilter

FILTER_KEYS = ("country", "dyad", "type", "mode", "context", "sector", "person", "since", "until",
               "q")
GENERIC_KEYS = ("format", "lang")
DEFAULT_LIMIT = 50
MAX_LIMIT = 500
MAX_VALUE = 200  # characters in one parameter value

_CODE = re.compile(r"^[A-Za-z]{3}$")
_WORD = re.compile(r"^[A-Za-z_]{1,40}$")
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


class BadParameter(ValueError):
    """A query parameter the API cannot use; becomes a 400 JSON error."""

    def __init__(self, name: str, message: str) -> None:
        super().__init__(f"{name}: {message}")
        self.name = name


def check_known(params: Mapping[str, str], allowed: tuple[str, ...]) -> None:
    for key in params:
        if key not in allowed and key not in GENERIC_KEYS:
            raise BadParameter(key, f"unknown parameter (allowed: {', '.join(allowed)})")
    for key, value in params.items():
        if len(value) > MAX_VALUE:
            raise BadParameter(key, f"longer than {MAX_VALUE} characters")


def _code(name: str, value: str) -> str:
    if not _CODE.match(value):
        raise BadParameter(name, f"want a three-letter country code such as MRT, got {value!r}")
    return value.upper()


def _word(name: str, value: str) -> str:
    if not _WORD.match(value):
        raise BadParameter(name, f"want one word of letters, got {value!r}")
    return value


def _date(name: str, value: str) -> str:
    if not _DATE.match(value):
        raise BadParameter(name, f"want an ISO date YYYY, YYYY-MM or YYYY-MM-DD, got {value!r}")
    return value


def event_filter(params: Mapping[str, str], *, limit: int | None = None) -> EventFilter:
    """The store filter that the parameters describe (empty values are ignored)."""
    p = {k: v.strip() for k, v in params.items() if v.strip()}
    dyad = None
    if "dyad" in p:
        parts = [x.strip() for x in p["dyad"].split(",")]
        if len(parts) != 2:
            raise BadParameter("dyad", f"want ACTOR,RECIPIENT such as MAR,MRT, got {p['dyad']!r}")
        dyad = (_code("dyad", parts[0]), _code("dyad", parts[1]))
    event_type = None
    if "type" in p:
        event_type = p["type"].upper()
        if event_type not in EVENT_TYPES:
            raise BadParameter("type", f"want a PLOVER type ({', '.join(EVENT_TYPES)}), "
                               f"got {p['type']!r}")
    since = _date("since", p["since"]) if "since" in p else None
    until = _date("until", p["until"]) if "until" in p else None
    if since and until and since > until:
        raise BadParameter("since", "is after until")
    return EventFilter(
        country=_code("country", p["country"]) if "country" in p else None, dyad=dyad,
        event_type=event_type, mode=_word("mode", p["mode"]) if "mode" in p else None,
        context=_word("context", p["context"]) if "context" in p else None,
        sector=_word("sector", p["sector"]).upper() if "sector" in p else None,
        person=p.get("person"), since=since, until=until, text=p.get("q"), limit=limit)


def filter_params(flt: EventFilter) -> dict[str, str]:
    """The query-string form of a filter (for links and the ``filters`` field of answers)."""
    out = {"country": flt.country, "dyad": ",".join(flt.dyad) if flt.dyad else None,
           "type": flt.event_type, "mode": flt.mode, "context": flt.context,
           "sector": flt.sector, "person": flt.person, "since": flt.since, "until": flt.until,
           "q": flt.text}
    return {k: v for k, v in out.items() if v}


def limit(params: Mapping[str, str], *, default: int = DEFAULT_LIMIT) -> int:
    raw = params.get("limit", "").strip()
    if not raw:
        return default
    if not raw.isdigit() or not 1 <= int(raw) <= MAX_LIMIT:
        raise BadParameter("limit", f"want a whole number from 1 to {MAX_LIMIT}, got {raw!r}")
    return int(raw)


def encode_cursor(day: str, event_id: str) -> str:
    raw = json.dumps([day, event_id], separators=(",", ":")).encode("utf-8")
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def decode_cursor(value: str) -> tuple[str, str]:
    try:
        raw = base64.urlsafe_b64decode(value + "=" * (-len(value) % 4))
        data: Any = json.loads(raw)
    except (ValueError, UnicodeDecodeError):
        raise BadParameter("cursor", "not a cursor given by this API") from None
    if (not isinstance(data, list) or len(data) != 2
            or not all(isinstance(x, str) for x in data)):
        raise BadParameter("cursor", "not a cursor given by this API")
    return data[0], data[1]
