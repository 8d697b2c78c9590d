"""Find time expressions in French and English news sentences and resolve them.

An event is dated by the expressions of its sentence, resolved against the publication date
of the article: "mardi dernier", "hier", "les 3 et 4 juin derniers", "on March 3", "en 2016".

How it works:

* The words (months, weekdays, "hier", "dernier", "il y a", ...) are data, in
  ``data/<lang>/time_words.tsv``; the regular expressions are built from them once per
  language (``_grammar``, cached) and not at import, so importing this module costs nothing.
* Every pattern is tried over the whole text; each match is resolved by its handler. Of the
  overlapping resolved matches the longest is kept ("ce jeudi 5 juin 2025" is one mention,
  not a weekday plus a date).
* dateparser is a fallback only: it is asked about short runs of time words that none of our
  patterns touched ("il y a deux heures", "a fortnight ago"). It works offline: it parses
  with its bundled language data and never downloads anything.

Conventions (from the coding guidelines):

* a one-day event gets its ISO date, precision "day"; a range gets its first day as
  ``value`` and its last day as ``end_value``;
* vague spans ("la semaine dernière", "il y a deux semaines") get the month they fall in,
  precision "month", because a day would be a precision we do not have;
* expressions pointing after the publication date ("demain", "mardi prochain") are returned
  with "future" in their reason; ``event_date`` skips them;
* without a publication date nothing relative is resolved: only expressions carrying their
  own year are returned.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import lru_cache

from communique.errors import ArticleRejected, LexiconError
from communique.lexicon.tables import data_path, read_tsv

__all__ = ["DateMention", "event_date", "find_dates"]


@dataclass(frozen=True, slots=True)
class DateMention:
    """One time expression of a text, resolved to an ISO date, month or year."""

    value: str  # ISO: "YYYY-MM-DD", "YYYY-MM" or "YYYY"
    precision: str  # "day" | "month" | "year"
    start: int  # char offsets of the expression within the text passed in
    end: int
    text: str  # the expression as written
    reason: str  # how it was resolved; contains "future" when after the publication
    end_value: str | None = None  # for ranges ("du 3 au 5 juin"), the last day
    relative: bool = False  # resolved against the publication date


_PRECISION_RANK = {"day": 0, "month": 1, "year": 2}
_DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

# Kinds a time_words.tsv may use; those in _INT_KINDS carry an integer value.
_KINDS = frozenset(
    {
        "month", "weekday", "relative_day", "day_part", "day_part_lead", "past_marker",
        "future_marker", "demonstrative", "unit", "number", "ago", "later", "year_prefix",
        "month_prefix", "month_part", "fallback_unit", "glue",
    }
)
_INT_KINDS = frozenset({"month", "weekday", "relative_day", "number"})
_UNITS = frozenset({"day", "week", "month", "year"})
# In English "May", "March", "Sun" are ordinary words in lower case: month and weekday names
# only count with a capital initial (or in capitals, for headlines).
_CASED_KINDS: dict[str, frozenset[str]] = {"en": frozenset({"month", "weekday"})}
# Ranges longer than this are more likely two unrelated dates than one event.
_MAX_RANGE_DAYS = 62
# "le 12 mars" without a year is this year's unless that is this far after publication:
# articles announce events a few days ahead, but not months ahead without saying so.
_AHEAD_DAYS = 14
_THAT_DAY = re.compile(r"\s*[-‐‑]\s*l[àa](?!\w)", re.IGNORECASE)


# ---------------------------------------------------------------------------------------
# The word table


def _norm(word: str) -> str:
    """Lookup key of a word as written: case, apostrophe, hyphen and spacing do not count."""
    s = word.lower().replace("’", "'").replace("ᵉʳ", "er")
    s = re.sub(r"[-‐‑]", " ", s)
    s = re.sub(r"\s+", " ", s).strip()
    s = re.sub(r"'\s+", "'", s)
    return s.rstrip(".")


@dataclass(frozen=True, slots=True)
class _Words:
    """The time_words.tsv of one language: kind -> normalised word -> value, and as written."""

    values: dict[str, dict[str, str]]
    written: dict[str, list[str]]

    def get(self, kind: str, word: str) -> str | None:
        return self.values.get(kind, {}).get(_norm(word))

    def has(self, kind: str, word: str) -> bool:
        return _norm(word) in self.values.get(kind, {})


def _load_words(lang: str) -> _Words:
    path = data_path(lang, "time_words.tsv")
    values: dict[str, dict[str, str]] = {k: {} for k in _KINDS}
    written: dict[str, list[str]] = {k: [] for k in _KINDS}
    for row in read_tsv(path):
        word, kind, value = row.get("word", ""), row.get("kind", ""), row.get("value", "")
        if not word or kind not in _KINDS:
            raise LexiconError(f"{path}: bad row {row!r} (unknown kind or empty word)")
        if kind in _INT_KINDS:
            try:
                int(value)
            except ValueError:
                raise LexiconError(f"{path}: {word!r} ({kind}) needs an integer value") from None
        if kind == "unit" and value not in _UNITS:
            raise LexiconError(f"{path}: unit {word!r} must be one of {sorted(_UNITS)}")
        values[kind][_norm(word)] = value
        written[kind].append(word)
    for kind in ("month", "weekday"):
        if not values[kind]:
            raise LexiconError(f"{path}: no {kind} rows")
    return _Words(values, written)


# ---------------------------------------------------------------------------------------
# Regular-expression building blocks


def _word_rx(word: str) -> str:
    """Regex of one table word: spaces, apostrophes and hyphens may vary, a final "." is optional."""
    abbrev = word.endswith(".")
    stem = word[:-1] if abbrev else word
    parts: list[str] = []
    for ch in stem:
        if ch.isspace():
            parts.append(r"\s+")
        elif ch in "'’":
            parts.append(r"['’]\s*")
        elif ch in "-‐‑":
            parts.append(r"(?:[-‐‑]\s*|\s+)")
        else:
            parts.append(re.escape(ch))
    rx = "".join(parts)
    if abbrev:
        rx += r"\.?"
    # A word ending in an apostrophe ("d'") is glued to the next one: no end boundary then.
    if not stem.endswith(("'", "’")):
        rx += r"(?!\w)"
    return rx


def _alt(words: Iterable[str], *, cased: bool = False, name: str | None = None) -> str:
    """Alternation of words, longest first so that "avant-hier" wins over "hier"."""
    uniq = sorted(set(words), key=lambda w: (-len(w), w))
    if not uniq:
        return r"(?!x)x"  # matches nothing: a kind the language does not use
    if cased:
        alts = [f"(?-i:{_word_rx(w)}|{_word_rx(w.upper())})" for w in uniq]
    else:
        alts = [_word_rx(w) for w in uniq]
    body = "|".join(alts)
    return f"(?<!\\w)(?P<{name}>{body})" if name else f"(?<!\\w)(?:{body})"


def _year_rx(name: str) -> str:
    # 1900-2100 only, not glued to other digits, and not the head of "2 000"-style numbers.
    return rf"(?<![\d.,])(?P<{name}>19\d\d|20\d\d|2100)(?!\w)(?![.,]\d)(?!\s\d{{3}}(?!\d))"


def _day_rx(lang: str, name: str | None) -> str:
    g = f"?P<{name}>" if name else "?:"
    # Not glued to other numbers ("2 000", "4,5", "9:30"): those are quantities or times.
    head = r"(?<![\w.,:/])(?<!\d\s)"
    tail = r"(?!\w)(?![.,]\d)"
    if lang == "fr":
        return rf"{head}({g}premier|3[01]|[12]\d|0?[1-9])(?:\s?(?:er|ᵉʳ|re))?{tail}"
    return rf"{head}({g}3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?{tail}"


@dataclass(frozen=True, slots=True)
class _Ctx:
    """What a handler needs besides its match."""

    lang: str
    words: _Words
    pub: date | None


@dataclass(frozen=True, slots=True)
class _Res:
    """A resolved match before it becomes a DateMention."""

    value: str
    precision: str
    reason: str
    end_value: str | None = None
    relative: bool = False
    future: bool = False  # the expression itself points forward ("demain", "prochain")


_Handler = Callable[[re.Match[str], _Ctx], "_Res | None"]


@dataclass(frozen=True, slots=True)
class _Grammar:
    words: _Words
    patterns: tuple[tuple[str, re.Pattern[str], _Handler], ...]
    fallback_run: re.Pattern[str]
    fallback_token: re.Pattern[str]
    marker: re.Pattern[str] = field(repr=False)


# ---------------------------------------------------------------------------------------
# Date arithmetic


def _mkdate(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _shift_month(y: int, m: int, n: int) -> tuple[int, int]:
    k = y * 12 + (m - 1) + n
    return k // 12, k % 12 + 1


def _ym(y: int, m: int) -> str:
    return f"{y:04d}-{m:02d}"


def _period_start(value: str) -> date:
    parts = [int(p) for p in value.split("-")]
    parts += [1] * (3 - len(parts))
    return date(parts[0], parts[1], parts[2])


def _marker(ctx: _Ctx, *texts: str | None) -> str | None:
    """"past" / "future" if one of the texts holds a marker word ("dernier", "next")."""
    for t in texts:
        if not t:
            continue
        for tok in _grammar(ctx.lang).marker.findall(t):
            if ctx.words.has("past_marker", tok):
                return "past"
            if ctx.words.has("future_marker", tok):
                return "future"
    return None


def _day_value(s: str) -> int:
    return 1 if s.lower().startswith("prem") else int(s)


def _resolve_dm(d: int, m: int, y: int | None, ctx: _Ctx, mark: str | None) -> tuple[date, str, bool] | None:
    """Date of day+month(+year): (date, how, relative). Without a year it needs the publication."""
    if y is not None:
        dt = _mkdate(y, m, d)
        return (dt, "explicit date", False) if dt else None
    pub = ctx.pub
    if pub is None:
        return None
    same = _mkdate(pub.year, m, d)
    if mark == "future":
        year, how = (pub.year if same and same > pub else pub.year + 1), "next one after"
    elif mark == "past":
        year, how = (pub.year if same and same <= pub else pub.year - 1), "last one on or before"
    elif same and same <= pub + timedelta(days=_AHEAD_DAYS):
        year, how = pub.year, "publication year of"
    else:
        year, how = pub.year - 1, f"previous year, this year's is over {_AHEAD_DAYS} days after"
    dt = _mkdate(year, m, d)
    if dt is None:
        return None
    return dt, f"no year: {how} publication {pub.isoformat()}", True


def _resolve_month_year(m: int, ctx: _Ctx, mark: str | None) -> tuple[int, str] | None:
    """Year of a month named without one ("en mars", "in March", "mars dernier")."""
    pub = ctx.pub
    if pub is None:
        return None
    if mark == "future":
        year = pub.year if m > pub.month else pub.year + 1
        return year, f"next such month after publication {pub.isoformat()}"
    if mark == "past":
        year = pub.year if m < pub.month else pub.year - 1
        return year, f"last such month before publication {pub.isoformat()}"
    year = pub.year if m <= pub.month else pub.year - 1
    return year, f"publication year, previous year if later than publication {pub.isoformat()}"


# ---------------------------------------------------------------------------------------
# Handlers: one per pattern family; None means "matched but cannot be resolved"


def _h_date(m: re.Match[str], ctx: _Ctx) -> _Res | None:
    gd = m.groupdict()
    month = int(ctx.words.get("month", gd["m"]) or 0)
    year = int(gd["y"]) if gd.get("y") else None
    got = _resolve_dm(_day_value(gd["d"]), month, year, ctx, _marker(ctx, gd.get("mk")))
    if got is None:
        return None
    dt, how, relative = got
    reason = f"{how} -> {dt.isoformat()}"
    if gd.get("wd"):
        wd = int(ctx.words.get("weekday", gd["wd"]) or 0)
        if wd != dt.weekday():
            # The explicit day and month are what journalists check; weekdays slip.
            reason += (
                f"; weekday '{gd['wd']}' contradicts it ({dt.isoformat()} is a "
                f"{_DAY_NAMES[dt.weekday()]}): the explicit date wins"
            )
        else:
            reason += f" ({_DAY_NAMES[wd]}, as written)"
    return _Res(dt.isoformat(), "day", reason, relative=relative)


def _h_range(m: re.Match[str], ctx: _Ctx) -> _Res | None:
    gd = m.groupdict()
    # The month is written once, after the last day in French ("du 3 au 5 juin") and before
    # the first in English ("March 3 to 5"): the missing one is the same month.
    m2 = int(ctx.words.get("month", gd.get("m2") or gd["m1"]) or 0)
    m1 = int(ctx.words.get("month", gd["m1"]) or 0) if gd.get("m1") else m2
    d1, d2 = _day_value(gd["d1"]), _day_value(gd["d2"])
    y2 = int(gd["y2"]) if gd.get("y2") else None
    got = _resolve_dm(d2, m2, y2, ctx, _marker(ctx, gd.get("mk")))
    if got is None:
        return None
    last, how, relative = got
    if gd.get("y1"):
        y1 = int(gd["y1"])
    else:
        # "du 28 décembre au 2 janvier 2017": the first day is in the year before.
        y1 = last.year - 1 if (m1, d1) > (m2, d2) else last.year
    first = _mkdate(y1, m1, d1)
    if first is None or first > last or (last - first).days > _MAX_RANGE_DAYS:
        return None
    if first == last:
        return _Res(first.isoformat(), "day", f"{how} -> {first.isoformat()}", relative=relative)
    reason = f"range, {how} -> {first.isoformat()} to {last.isoformat()}"
    return _Res(first.isoformat(), "day", reason, end_value=last.isoformat(), relative=relative)


def _h_night(m: re.Match[str], ctx: _Ctx) -> _Res | None:
    """"dans la nuit de samedi à dimanche": the two days, ending on the last such second day."""
    if ctx.pub is None:
        return None
    wd1 = int(ctx.words.get("weekday", m["wd"]) or 0)
    wd2 = int(ctx.words.get("weekday", m["wd2"]) or 0)
    last = ctx.pub - timedelta(days=(ctx.pub.weekday() - wd2) % 7)
    first = last - timedelta(days=(wd2 - wd1) % 7 or 7)
    reason = (
        f"night of {_DAY_NAMES[wd1]} to {_DAY_NAMES[wd2]} -> last {_DAY_NAMES[wd2]} on or before "
        f"publication {ctx.pub.isoformat()} and the day before"
    )
    return _Res(first.isoformat(), "day", reason, end_value=last.isoformat(), relative=True)


def _h_weekday(m: re.Match[str], ctx: _Ctx) -> _Res | None:
    if ctx.pub is None:
        return None
    gd = m.groupdict()
    wd = int(ctx.words.get("weekday", gd["wd"]) or 0)
    pub = ctx.pub
    if _marker(ctx, gd.get("pm"), gd.get("tail")) == "future":
        dt = pub + timedelta(days=(wd - pub.weekday()) % 7 or 7)
        reason = f"weekday '{m[0]}' -> next {_DAY_NAMES[wd]} after publication {pub.isoformat()}"
        return _Res(dt.isoformat(), "day", reason, relative=True, future=True)
    dt = pub - timedelta(days=(pub.weekday() - wd) % 7)
    reason = f"weekday '{m[0]}' -> last {_DAY_NAMES[wd]} on or before publication {pub.isoformat()}"
    return _Res(dt.isoformat(), "day", reason, relative=True)


def _h_relday(m: re.Match[str], ctx: _Ctx) -> _Res | None:
    if ctx.pub is None:
        return None
    offset = int(ctx.words.get("relative_day", m["rd"]) or 0)
    dt = ctx.pub + timedelta(days=offset)
    reason = f"relative day '{m['rd']}' ({offset:+d} day) from publication {ctx.pub.isoformat()}"
    return _Res(dt.isoformat(), "day", reason, relative=True, future=offset > 0)


def _span_result(unit: str, n: int, ctx: _Ctx, what: str) -> _Res | None:
    """Publication date moved by n units; a week is a vague span, so it gives its month."""
    pub = ctx.pub
    if pub is None:
        return None
    base = f"{what} ({n:+d} {unit}) from publication {pub.isoformat()}"
    if unit == "day":
        dt = pub + timedelta(days=n)
        return _Res(dt.isoformat(), "day", base, relative=True, future=n > 0)
    if unit == "week":
        ref = pub + timedelta(days=7 * n)
        return _Res(_ym(ref.year, ref.month), "month", f"{base}: month of {ref.isoformat()}", relative=True, future=n > 0)
    if unit == "month":
        y, mo = _shift_month(pub.year, pub.month, n)
        return _Res(_ym(y, mo), "month", base, relative=True, future=n > 0)
    return _Res(f"{pub.year + n:04d}", "year", base, relative=True, future=n > 0)


def _h_unit_relative(m: re.Match[str], ctx: _Ctx) -> _Res | None:
    """"la semaine dernière", "l'an prochain", "cette année", "last month"."""
    gd = m.groupdict()
    unit_word = _norm(gd["u"])
    # Plurals ("les jours derniers", "last years") are spans of unknown length.
    if unit_word.endswith("s") and unit_word != "mois":
        return None
    unit = ctx.words.get("unit", gd["u"]) or ""
    if unit == "day":
        return None
    direction = {"past": -1, "future": 1, None: 0}[_marker(ctx, gd.get("mk"))]
    return _span_result(unit, direction, ctx, f"'{m[0]}'")


def _number(ctx: _Ctx, s: str) -> int | None:
    if s.isdigit():
        return int(s)
    v = ctx.words.get("number", s)
    return int(v) if v is not None else None


def _h_ago(m: re.Match[str], ctx: _Ctx) -> _Res | None:
    n = _number(ctx, m["n"])
    unit = ctx.words.get("unit", m["u"])
    if n is None or not unit:
        return None
    return _span_result(unit, -n, ctx, f"'{m[0]}'")


def _h_later(m: re.Match[str], ctx: _Ctx) -> _Res | None:
    n = _number(ctx, m["n"])
    unit = ctx.words.get("unit", m["u"])
    if n is None or not unit:
        return None
    return _span_result(unit, n, ctx, f"'{m[0]}'")


def _part_note(ctx: _Ctx, mp: str | None) -> str:
    return f" (part of the month: {ctx.words.get('month_part', mp)})" if mp else ""


def _h_month_year(m: re.Match[str], ctx: _Ctx) -> _Res | None:
    gd = m.groupdict()
    month = int(ctx.words.get("month", gd["m"]) or 0)
    return _Res(_ym(int(gd["y"]), month), "month", "explicit month and year" + _part_note(ctx, gd.get("mp")))


def _h_month(m: re.Match[str], ctx: _Ctx) -> _Res | None:
    """A month without year: "en mars", "mi-mars", "mars dernier", "last March"."""
    gd = m.groupdict()
    mark = _marker(ctx, gd.get("pm"), gd.get("mk"))
    # A bare month name needs something that makes it a date: a preposition, a marker or a part.
    if not (gd.get("pfx") or gd.get("mp") or gd.get("pm") or gd.get("mk")):
        return None
    month = int(ctx.words.get("month", gd["m"]) or 0)
    got = _resolve_month_year(month, ctx, mark)
    if got is None:
        return None
    year, how = got
    return _Res(
        _ym(year, month), "month", f"month '{gd['m']}' without year: {how}" + _part_note(ctx, gd.get("mp")),
        relative=True, future=mark == "future",
    )


def _h_year(m: re.Match[str], ctx: _Ctx) -> _Res | None:
    return _Res(m["y"], "year", f"year after '{m['pfx']}'")


def _h_numeric(m: re.Match[str], ctx: _Ctx) -> _Res | None:
    a, b, y = int(m["a"]), int(m["b"]), int(m["y"])
    if ctx.lang == "en":
        dt = _mkdate(y, a, b)
        if dt is not None:
            return _Res(dt.isoformat(), "day", "numeric date, month/day/year (English order)")
        dt = _mkdate(y, b, a)
        if dt is not None:
            return _Res(dt.isoformat(), "day", "numeric date, day/month/year (month/day impossible)")
        return None
    dt = _mkdate(y, b, a)
    return _Res(dt.isoformat(), "day", "numeric date, day/month/year (French order)") if dt else None


def _h_iso(m: re.Match[str], ctx: _Ctx) -> _Res | None:
    dt = _mkdate(int(m["y"]), int(m["mo"]), int(m["d"]))
    return _Res(dt.isoformat(), "day", "ISO date") if dt else None


# ---------------------------------------------------------------------------------------
# The patterns of one language


@lru_cache(maxsize=None)
def _grammar(lang: str) -> _Grammar:
    """Compile the patterns of a language once, on first use."""
    w = _load_words(lang)
    cased = _CASED_KINDS.get(lang, frozenset())

    def alt(kind: str, name: str | None = None, *, words: Iterable[str] | None = None) -> str:
        return _alt(w.written[kind] if words is None else words, cased=kind in cased, name=name)

    def month(name: str) -> str:
        return alt("month", name)

    def bare_month(name: str) -> str:
        # Abbreviations alone are too ambiguous ("en sept jours", "in Jan"): full names only.
        return alt("month", name, words=[x for x in w.written["month"] if not x.endswith(".")])

    def day(name: str | None) -> str:
        return _day_rx(lang, name)

    year = _year_rx
    mark = f"(?:{alt('past_marker')}|{alt('future_marker')})"
    pats: list[tuple[str, str, _Handler]] = []

    if lang == "fr":
        lead = rf"(?:{alt('day_part_lead', 'lead')}\s*(?:de\s+|d['’]\s*|du\s+)?)"
        # dates: "12 mars", "le 1er mars 2017", "ce jeudi 5 juin", "mercredi 23 décembre 2016"
        weekday_head = rf"(?:{lead}?(?:{alt('demonstrative')}\s+)?{alt('weekday', 'wd')}\s*,?\s+(?:le\s+)?)"
        date_fr = rf"{day('d')}\s+{month('m')}(?:\s+{year('y')})?(?:\s+(?P<mk>{mark}))?"
        pats.append(("date_wd", rf"{weekday_head}{date_fr}", _h_date))
        # The same without weekday, so that the date survives when its weekday is taken by a
        # longer expression ("dans la nuit de samedi à dimanche, le 1er juillet").
        pats.append(("date", date_fr, _h_date))
        # ranges: "du 12 au 14 mars 2017", "du 30 mai au 2 juin", "3-5 juin"
        pats.append((
            "range_du",
            rf"(?:\bdu\s+)?{day('d1')}(?:\s+{month('m1')}(?:\s+{year('y1')})?)?(?:\s+au\s+|\s*[-–]\s*)"
            rf"{day('d2')}\s+{month('m2')}(?:\s+{year('y2')})?(?:\s+(?P<mk>{mark}))?",
            _h_range,
        ))
        # "les 3 et 4 juin derniers", "les 3, 4 et 5 juin", "entre le 3 et le 5 juin"
        pats.append((
            "range_et",
            rf"(?:\b(?:les|des|entre\s+les?)\s+)?{day('d1')}(?:\s+{month('m1')}(?:\s+{year('y1')})?)?"
            rf"(?:\s*,\s*{day(None)})*\s+et\s+(?:le\s+)?"
            rf"{day('d2')}\s+{month('m2')}(?:\s+{year('y2')})?(?:\s+(?P<mk>{mark}))?",
            _h_range,
        ))
        pats.append((
            "night",
            rf"{alt('day_part_lead')}\s+de\s+{alt('weekday', 'wd')}\s+(?:à|au)\s+{alt('weekday', 'wd2')}",
            _h_night,
        ))
        # "mardi", "mardi dernier", "ce jeudi", "dimanche soir", "dans la nuit de samedi"
        pats.append((
            "weekday",
            rf"{lead}?(?:{alt('demonstrative')}\s+)?{alt('weekday', 'wd')}"
            rf"(?P<tail>(?:\s+(?:au\s+)?(?:{alt('day_part')}|{mark})){{0,2}})",
            _h_weekday,
        ))
        pats.append(("relday", rf"{lead}?{alt('relative_day', 'rd')}(?P<tail>(?:\s+(?:au\s+)?{alt('day_part')})?)", _h_relday))
        # "la semaine dernière", "l'an dernier", "le mois prochain"; "cette année", "ce mois-ci"
        pats.append(("unit_rel", rf"(?<!\w)(?:la|le|l['’])\s*{alt('unit', 'u')}\s+(?P<mk>{mark})", _h_unit_relative))
        pats.append(("unit_this", rf"{alt('demonstrative')}\s+{alt('unit', 'u')}(?:[-‐‑]ci)?(?!\w)", _h_unit_relative))
        month_part = rf"(?:{alt('month_part', 'mp')}(?:\s*[-‐‑]\s*|\s+(?:de\s+|d['’]\s*)?))"
        pats.append(("month_year", rf"{month_part}?{month('m')}\s+{year('y')}", _h_month_year))
        pats.append((
            "month",
            rf"(?:{alt('month_prefix', 'pfx')}\s+)?(?P<core>{month_part}?{bare_month('m')}(?:\s+(?P<mk>{mark}))?)",
            _h_month,
        ))
    else:
        lead = rf"(?:{alt('day_part_lead', 'lead')}\s+(?:on\s+)?)"
        pre = rf"(?:{alt('past_marker')}|{alt('future_marker')}|{alt('demonstrative')})"
        weekday_head = rf"(?:{lead}?(?:{pre}\s+)?{alt('weekday', 'wd')}\s*,?\s+(?:the\s+)?)"
        # "March 3", "Tuesday, March 3, 2017"; "3 March 2017", "the 3rd of March"
        for name, rx in (
            ("md", rf"{month('m')}\s+{day('d')}(?:,?\s+{year('y')})?"),
            ("dm", rf"{day('d')}\s+(?:of\s+)?{month('m')}(?:,?\s+{year('y')})?"),
        ):
            pats.append((f"date_{name}_wd", weekday_head + rx, _h_date))
            pats.append((f"date_{name}", rx, _h_date))  # see the French "date" pattern
        # "from March 3 to 5", "March 3-5", "between March 3 and April 2, 2017"
        pats.append((
            "range_md",
            rf"(?:\b(?:from|between)\s+)?{month('m1')}\s+{day('d1')}(?:,?\s+{year('y1')})?"
            rf"\s*(?:[-–]|\s(?:to|through|until|and)\s)\s*(?:{month('m2')}\s+)?{day('d2')}(?:,?\s+{year('y2')})?",
            _h_range,
        ))
        # "from 3 to 5 March", "3-5 March 2017"
        pats.append((
            "range_dm",
            rf"(?:\b(?:from|between)\s+)?{day('d1')}(?:\s+{month('m1')})?"
            rf"\s*(?:[-–]|\s(?:to|through|until|and)\s)\s*{day('d2')}\s+(?:of\s+)?{month('m2')}(?:,?\s+{year('y2')})?",
            _h_range,
        ))
        # "Tuesday", "last Tuesday", "next Friday", "Tuesday night", "late on Sunday"
        pats.append((
            "weekday",
            rf"{lead}?(?:(?P<pm>{pre})\s+)?{alt('weekday', 'wd')}(?P<tail>(?:\s+{alt('day_part')})?)",
            _h_weekday,
        ))
        pats.append(("relday", rf"{lead}?{alt('relative_day', 'rd')}(?P<tail>(?:\s+{alt('day_part')})?)", _h_relday))
        pats.append(("unit_rel", rf"(?P<mk>{pre})\s+{alt('unit', 'u')}", _h_unit_relative))
        month_part = rf"(?:{alt('month_part', 'mp')}(?:\s*-\s*|\s+(?:in\s+)?))"
        pats.append(("month_year", rf"{month_part}?{month('m')},?\s+{year('y')}", _h_month_year))
        pats.append((
            "month",
            rf"(?:{alt('month_prefix', 'pfx')}\s+)?(?P<core>(?:(?P<pm>{pre})\s+)?{month_part}?{bare_month('m')})",
            _h_month,
        ))

    number = rf"(?P<n>\d{{1,3}}|{alt('number')})"
    for word, pos in w.values["ago"].items():
        rx = _word_rx(word)
        if pos == "suffix":
            pats.append(("ago", rf"(?<!\w){number}\s+{alt('unit', 'u')}\s+{rx}", _h_ago))
        else:
            pats.append(("ago", rf"(?<!\w){rx}\s+{number}\s+{alt('unit', 'u')}", _h_ago))
    for word in w.values["later"]:
        pats.append(("later", rf"(?<!\w){_word_rx(word)}\s+{number}\s+{alt('unit', 'u')}", _h_later))
    # "de 2000 à 3000 manifestants" is a quantity: a lone year must not open a range whose
    # other end is no year.
    not_quantity = r"(?!\s*(?:à|au|to|-|–)\s*(?!(?:19\d\d|20\d\d|2100)(?!\d))\d)"
    pats.append(("year", rf"{alt('year_prefix', 'pfx')}\s+(?P<core>{year('y')}){not_quantity}", _h_year))
    # "12/03/2017", "12.03.2017": which number is the month is decided by the handler.
    numeric = r"(?<![\d/.\-])(?P<a>\d{1,2})(?P<sep>[/.\-])(?P<b>\d{1,2})(?P=sep)(?P<y>(?:19|20)\d\d)(?!\d|[/\-]\d|\.\d)"
    pats.append(("numeric", numeric, _h_numeric))
    pats.append(("iso", r"(?<![\w\-])(?P<y>(?:19|20)\d\d)-(?P<mo>[01]\d)-(?P<d>[0-3]\d)(?![\w\-])", _h_iso))

    compiled = tuple((name, re.compile(rx, re.IGNORECASE), h) for name, rx, h in pats)

    # The fallback looks at runs of table words and numbers that our resolved mentions leave.
    token_kinds = (
        "month", "weekday", "relative_day", "day_part", "past_marker", "future_marker",
        "demonstrative", "unit", "number", "ago", "later", "fallback_unit", "glue",
    )
    token = "|".join(alt(k) for k in token_kinds) + r"|(?<![\w.,])\d{1,4}(?:st|nd|rd|th|er|e)?(?!\w)"
    fallback_token = re.compile(token, re.IGNORECASE)
    # A comma ends a run ("il y a deux heures, le mois de mars" is two), except before a year.
    fallback_run = re.compile(rf"(?:{token})(?:(?:\s+|,\s*(?=\d{{4}}))(?:{token}))*", re.IGNORECASE)
    marker = re.compile(mark, re.IGNORECASE)
    return _Grammar(w, compiled, fallback_run, fallback_token, marker)


# ---------------------------------------------------------------------------------------
# dateparser fallback


def _fallback(text: str, ctx: _Ctx, taken: list[tuple[int, int]]) -> list[tuple[int, int, _Res]]:
    """Ask dateparser about runs of time words that none of our resolved mentions touch."""
    g = _grammar(ctx.lang)
    w = ctx.words
    out: list[tuple[int, int, _Res]] = []
    for run in g.fallback_run.finditer(text):
        toks = list(g.fallback_token.finditer(run[0]))
        # Leading and trailing glue ("le", "of") is not part of the expression.
        while toks and w.has("glue", toks[0][0]) and not w.has("number", toks[0][0]):
            toks.pop(0)
        while toks and (w.has("glue", toks[-1][0]) or w.has("demonstrative", toks[-1][0])):
            toks.pop()
        if len(toks) < 2:
            continue
        words = [t[0] for t in toks]
        has_name = any(w.has("month", x) or w.has("weekday", x) for x in words)
        has_shift = any(w.has("ago", x) or w.has("later", x) for x in words) and any(
            w.has("unit", x) or w.has("fallback_unit", x) for x in words
        )
        # "deux jours" alone is a duration, which dateparser would turn into a date: we need
        # a month or weekday name, or an explicit "ago"/"il y a"/"dans".
        if not (has_name or has_shift):
            continue
        start, end = run.start() + toks[0].start(), run.start() + toks[-1].end()
        if any(start < b and a < end for a, b in taken):
            continue
        future = any(w.has("later", x) or w.has("future_marker", x) for x in words)
        res = _ask_dateparser(text[start:end], ctx, future=future)
        if res is not None:
            out.append((start, end, res))
    return out


def _ask_dateparser(expr: str, ctx: _Ctx, *, future: bool) -> _Res | None:
    from dateparser.date import DateDataParser  # imported late: a second to load, rarely needed

    year = re.search(r"(?<!\d)(?:19|20)\d\d(?!\d)", expr)
    if ctx.pub is None and year is None:
        return None  # it would be resolved against today's date, which means nothing here
    # Noon of the publication day: "il y a deux heures" stays on that day whatever the hour.
    base = datetime(ctx.pub.year, ctx.pub.month, ctx.pub.day, 12) if ctx.pub else datetime(int(year[0]), 1, 1, 12)
    parser = DateDataParser(
        languages=[ctx.lang],
        settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False},
    )
    data = parser.get_date_data(expr)
    if data is None or data.date_obj is None:
        return None
    dt = data.date_obj.date()
    period = data.period or "day"
    reason = f"dateparser fallback on '{expr}' (period {period})"
    relative = year is None
    if period in ("day", "time"):
        return _Res(dt.isoformat(), "day", reason, relative=relative, future=future)
    if period in ("week", "month"):
        # A week is a vague span: its month, as for "la semaine dernière".
        return _Res(_ym(dt.year, dt.month), "month", reason, relative=relative, future=future)
    return _Res(f"{dt.year:04d}", "year", reason, relative=relative, future=future)


# ---------------------------------------------------------------------------------------
# Public API


def _parse_published(published: str | None) -> date | None:
    if published is None or not published.strip():
        return None
    try:
        return date.fromisoformat(published.strip()[:10])
    except ValueError:
        # A publication date that is there but unreadable is an ingest bug, not "no date":
        # guessing would date every relative event wrongly, so the article is rejected.
        raise ArticleRejected("dates", f"publication date {published!r} is not an ISO date") from None


def find_dates(text: str, *, lang: str, published: str | None) -> list[DateMention]:
    """Time expressions of ``text`` resolved against ``published`` (ISO date or datetime).

    Returns the mentions in text order, without overlaps (the longest expression wins).
    """
    pub = _parse_published(published)
    g = _grammar(lang)
    ctx = _Ctx(lang, g.words, pub)
    candidates: list[tuple[int, int, _Res]] = []
    for _name, rx, handler in g.patterns:
        for m in rx.finditer(text):
            span = m.span("core") if "core" in rx.groupindex and m.group("core") is not None else m.span()
            # "ce soir-là", "cette semaine-là", "ce jeudi-là" point into the story, not to
            # the publication date.
            if _THAT_DAY.match(text, span[1]):
                continue
            res = handler(m, ctx)
            if res is not None:
                candidates.append((span[0], span[1], res))
    # The fallback only fills the gaps our resolved mentions leave.
    candidates += _fallback(text, ctx, [(a, b) for a, b, _ in candidates])

    kept: list[tuple[int, int, _Res]] = []
    for start, end, res in sorted(candidates, key=lambda c: (c[0] - c[1], c[0])):
        if all(end <= a or b <= start for a, b, _ in kept):
            kept.append((start, end, res))
    return [_mention(text, start, end, res, pub) for start, end, res in sorted(kept, key=lambda c: c[0])]


def _mention(text: str, start: int, end: int, res: _Res, pub: date | None) -> DateMention:
    reason = res.reason
    after = pub is not None and _period_start(res.value) > pub
    if res.future or after:
        reason += f"; future (after publication {pub.isoformat() if pub else '?'})"
    return DateMention(
        value=res.value, precision=res.precision, start=start, end=end, text=text[start:end],
        reason=reason, end_value=res.end_value, relative=res.relative,
    )


def event_date(mentions: list[DateMention]) -> DateMention | None:
    """The mention that dates one event sentence: most precise first, then first in the text.

    Future mentions are skipped: an event reported as done did not happen after publication.
    """
    usable = [m for m in mentions if "future" not in m.reason]
    if not usable:
        return None
    return min(usable, key=lambda m: (_PRECISION_RANK.get(m.precision, 9), m.start))
