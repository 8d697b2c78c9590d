"""Query-string parameters to store filters: every value the API and the pages take is checked
here, and a bad one is a ``BadParameter`` (a 400 naming the parameter), never a 500.

Numbers are ASCII digits within bounds, dates real calendar dates, codes known to the data or
the store (compared without regard to case), ids free of control characters.
"""

from __future__ import annotations

import base64
import json
import math
import re
import unicodedata
from collections.abc import Mapping
from typing import Any

from communique.errors import BadParameter
from communique.model import EVENT_TYPES
from communique.store.folding import words
from communique.store.query import EventFilter, period
from communique.store.store import Store
from communique.web.queries import DEFAULT_SORT, SORTS
from communique.web.vocabulary import is_known

__all__ = ["BadParameter", "FILTER_KEYS", "check_known", "event_filter", "filter_params", "limit",
           "min_mentions", "whole_number", "confidence", "country_code", "path_id", "encode_cursor",
           "decode_cursor", "sort_order", "time_unit"]

FILTER_KEYS = ("country", "dyad", "type", "mode", "context", "sector", "person", "since", "until",
               "q", "min_confidence", "place")
GENERIC_KEYS = ("format", "lang")
TIME_UNITS = ("week", "month")
DEFAULT_LIMIT = 50
MAX_LIMIT = 500
MAX_MENTIONS = 1_000_000  # far above any story, far below a 64-bit integer
MAX_VALUE = 200  # characters in one parameter value
MAX_ID = 1000  # characters in an id in a path

# fullmatch, and [A-Z] not \w: only ASCII letters and digits are codes and numbers.
_DIGITS = re.compile(r"[0-9]{1,12}")
_CODE = re.compile(r"[A-Z]{3}")
_WORD = re.compile(r"[a-z][a-z_-]{0,39}")
# A confidence from 0 to 1 in ASCII digits, at most three decimals: 0.7, .85, 1, 1.0.
_CONFIDENCE = re.compile(r"(?:0?\.[0-9]{1,3}|[01](?:\.[0-9]{0,3})?)")
_CURSOR_DAY = re.compile(r"(?:[0-9]{4}-[0-9]{2}-[0-9]{2})?")


def _printable(name: str, value: str) -> None:
    # Control characters and lone surrogates cannot be stored (PostgreSQL refuses NUL, UTF-8
    # refuses surrogates), so no stored value holds them: say so instead of failing in SQL.
    if any(unicodedata.category(ch) in ("Cc", "Cs") for ch in value):
        raise BadParameter(name, "holds control characters")


def check_known(params: Mapping[str, str], allowed: tuple[str, ...]) -> None:
    """Every parameter is one the route takes, of bounded length and printable."""
    for key in params:
        if key not in allowed and key not in GENERIC_KEYS:
            raise BadParameter(key, f"unknown parameter (allowed: {', '.join(allowed)})")
    for key, value in params.items():
        if len(value) > MAX_VALUE:
            raise BadParameter(key, f"longer than {MAX_VALUE} characters")
        _printable(key, value)


def path_id(name: str, value: str) -> str:
    """An id taken from the path (an article id may hold any character, ``/`` included)."""
    if not value or len(value) > MAX_ID:
        raise BadParameter(name, f"want an id of 1 to {MAX_ID} characters")
    _printable(name, value)
    return value


def whole_number(name: str, raw: str, *, default: int, low: int, high: int) -> int:
    """A whole number written in ASCII digits, from ``low`` to ``high`` (empty: ``default``)."""
    raw = raw.strip()
    if not raw:
        return default
    if not _DIGITS.fullmatch(raw) or not low <= int(raw) <= high:
        raise BadParameter(name, f"want a whole number from {low} to {high}, got {raw!r}")
    return int(raw)


def limit(params: Mapping[str, str], *, default: int = DEFAULT_LIMIT) -> int:
    return whole_number("limit", params.get("limit", ""), default=default, low=1, high=MAX_LIMIT)


def min_mentions(params: Mapping[str, str], *, default: int = 2) -> int:
    return whole_number("min_mentions", params.get("min_mentions", ""), default=default, low=1,
                        high=MAX_MENTIONS)


def confidence(name: str, raw: str) -> float:
    """A confidence from 0 to 1 (``0.7``, ``.85``, ``1``)."""
    value = raw.strip()
    if not _CONFIDENCE.fullmatch(value) or float(value) > 1:
        raise BadParameter(name, f"want a number from 0 to 1 such as 0.7, got {raw!r}")
    return float(value)


def country_code(name: str, value: str, *, store: Store | None) -> str:
    """A known actor or country code, upper case (``mrt`` → ``MRT``)."""
    code = value.strip().upper()
    if not _CODE.fullmatch(code):
        raise BadParameter(name, f"want a three-letter code such as MRT, got {value!r}")
    if not is_known(store, "country", code):
        raise BadParameter(name, f"unknown country or actor code {code!r}")
    return code


def _known_word(name: str, kind: str, value: str, *, store: Store | None, upper: bool) -> str:
    word = value.strip().upper() if upper else value.strip().lower()
    if not (_CODE.fullmatch(word) if upper else _WORD.fullmatch(word)):
        raise BadParameter(name, f"want a PLOVER {kind} code, got {value!r}")
    if not is_known(store, kind, word):
        raise BadParameter(name, f"unknown {kind} {word!r}")
    return word


def _period_bounds(p: Mapping[str, str]) -> tuple[str | None, str | None]:
    since = p.get("since")
    until = p.get("until")
    first = period(since, name="since")[0] if since else None
    last = period(until, name="until")[1] if until else None
    if first and last and first > last:
        raise BadParameter("since", f"{since!r} is after until {until!r}")
    return since, until


def event_filter(params: Mapping[str, str], *, limit: int | None = None,
                 store: Store | None = None) -> EventFilter:
    """The store filter that the parameters describe (empty values are ignored). Codes are
    checked against the shipped data and, given a ``store``, against what it holds."""
    p = {k: v.strip() for k, v in params.items() if v.strip()}
    dyad = None
    if "dyad" in p:
        parts = p["dyad"].split(",")
        if len(parts) != 2:
            raise BadParameter("dyad", f"want ACTOR,RECIPIENT such as MAR,MRT, got {p['dyad']!r}")
        dyad = (country_code("dyad", parts[0], store=store),
                country_code("dyad", parts[1], store=store))
    event_type = None
    if "type" in p:
        event_type = p["type"].upper()
        if event_type not in EVENT_TYPES:
            raise BadParameter("type", f"want a PLOVER type ({', '.join(EVENT_TYPES)}), "
                               f"got {p['type']!r}")
    if "person" in p and not words(p["person"]):
        raise BadParameter("person", f"want a part of a name, got {p['person']!r}")
    if "q" in p and not words(p["q"]):
        raise BadParameter("q", f"want words to search for, got {p['q']!r}")
    if "place" in p and not words(p["place"]):
        raise BadParameter("place", f"want a place name, got {p['place']!r}")
    since, until = _period_bounds(p)
    return EventFilter(
        country=country_code("country", p["country"], store=store) if "country" in p else None,
        dyad=dyad, event_type=event_type,
        mode=_known_word("mode", "mode", p["mode"], store=store, upper=False)
        if "mode" in p else None,
        context=_known_word("context", "context", p["context"], store=store, upper=False)
        if "context" in p else None,
        sector=_known_word("sector", "sector", p["sector"], store=store, upper=True)
        if "sector" in p else None,
        person=p.get("person"), since=since, until=until, text=p.get("q"),
        min_confidence=confidence("min_confidence", p["min_confidence"])
        if "min_confidence" in p else None,
        place=p.get("place"), limit=limit)


def filter_params(flt: EventFilter) -> dict[str, str]:
    """The query-string form of a filter (for links and the ``filters`` field of answers)."""
    out = {"country": flt.country, "dyad": ",".join(flt.dyad) if flt.dyad else None,
           "type": flt.event_type, "mode": flt.mode, "context": flt.context,
           "sector": flt.sector, "person": flt.person, "since": flt.since, "until": flt.until,
           "q": flt.text, "place": flt.place,
           "min_confidence": f"{flt.min_confidence:g}" if flt.min_confidence is not None else None}
    return {k: v for k, v in out.items() if v}


def sort_order(params: Mapping[str, str]) -> str:
    """The ``sort`` parameter: a column of the event table (``date``, ``type``, ``actor``,
    ``recipient``, ``place``, ``confidence``), ``-`` before it for descending; default
    ``-date`` (newest first)."""
    raw = params.get("sort", "").strip().lower()
    if not raw:
        return DEFAULT_SORT
    if raw.lstrip("-") not in SORTS or raw.startswith("--"):
        raise BadParameter("sort", f"want one of {', '.join(SORTS)}, with - before it for "
                           f"descending (-date), got {params['sort']!r}")
    return raw


def time_unit(params: Mapping[str, str]) -> str | None:
    """The ``unit`` of a time chart: ``week`` or ``month`` (empty: chosen by the span)."""
    raw = params.get("unit", "").strip().lower()
    if raw and raw not in TIME_UNITS:
        raise BadParameter("unit", f"want week or month, got {params['unit']!r}")
    return raw or None


def encode_cursor(sort: str, value: Any, event_id: str) -> str:
    """An opaque cursor: the sort it belongs to, the last event's sort value and id."""
    raw = json.dumps([sort, value, event_id], separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def decode_cursor(value: str, *, sort: str) -> tuple[Any, str]:
    """The (sort value, id) a cursor holds; it must belong to ``sort`` (the request's)."""
    bad = BadParameter("cursor", "not a cursor given by this API")
    try:
        raw = base64.urlsafe_b64decode(value + "=" * (-len(value) % 4))
        data: Any = json.loads(raw)
    except (ValueError, UnicodeDecodeError):
        raise bad from None
    if isinstance(data, list) and len(data) == 2:  # before sorting: [day or "", id], newest first
        data = ["-date", data[0] or None, data[1]]
    if not isinstance(data, list) or len(data) != 3 or not isinstance(data[0], str) \
            or not isinstance(data[2], str) or len(data[2]) > MAX_ID:
        raise bad
    given, key, event_id = data
    if given != sort:
        raise BadParameter("cursor", f"this cursor pages sort={given}, not sort={sort}: ask "
                           "again with the same sort, or start without a cursor")
    column = sort.lstrip("-")
    if column == "confidence":
        # JSON gives NaN, Infinity and integers of any size: none is a confidence.
        ok = key is None or (isinstance(key, float) and math.isfinite(key)) or \
            (isinstance(key, int) and not isinstance(key, bool) and abs(key) <= 1)
    elif column == "date":
        ok = key is None or (isinstance(key, str) and bool(_CURSOR_DAY.fullmatch(key)))
    else:
        ok = key is None or (isinstance(key, str) and len(key) <= MAX_ID)
    if not ok:
        raise bad
    # JSON may spell a lone surrogate as "\ud800"
    _printable("cursor", event_id)
    if isinstance(key, str):
        _printable("cursor", key)
    return key, event_id


def json_object(body: bytes) -> dict[str, Any]:
    """A request body that must be one JSON object (a 400 naming ``body`` otherwise)."""
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError, RecursionError):  # deep nesting: a body, not a bug
        raise BadParameter("body", "want a JSON object") from None
    if not isinstance(data, dict):
        raise BadParameter("body", "want a JSON object")
    return data
