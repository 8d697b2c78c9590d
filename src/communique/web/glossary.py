"""What the codes mean, in French and English: countries and other actor codes, PLOVER types,
quad classes, sectors, contexts and modes. Short labels come from ``glossary.json`` (ours);
country names from the country lexicons (``communique.lexicon.countries``); the longer
definitions of sectors, contexts and modes are PLOVER's own in English (``data/plover``) and
ours in French (``glossary.json``, ``description_fr``: a test checks that every one has its
French)."""

from __future__ import annotations

import csv
import json
from functools import cache
from importlib import resources
from typing import Any

from communique.lexicon.tables import data_path

KINDS = ("type", "quad", "nonstate", "sector", "context")


@cache
def _data() -> dict[str, Any]:
    text = (resources.files("communique.web") / "glossary.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def labels() -> dict[str, dict[str, list[str]]]:
    """Short labels by kind and code: ``[English, French]``."""
    return {k: v for k, v in _data().items() if k in KINDS}


def french_descriptions() -> dict[str, dict[str, str]]:
    """Our French of PLOVER's definitions, by kind (``mode`` keyed ``TYPE/mode``)."""
    found: dict[str, dict[str, str]] = _data()["description_fr"]
    return {k: v for k, v in found.items() if isinstance(v, dict)}


@cache
def _plover(name: str, key: str, value: str) -> dict[str, str]:
    with data_path("plover", name).open(encoding="utf-8", newline="") as fh:
        return {row[key]: row[value] for row in csv.DictReader(fh)}


@cache
def modes() -> tuple[tuple[str, str, str], ...]:
    with data_path("plover", "plover_event_modes.csv").open(encoding="utf-8", newline="") as fh:
        return tuple((r["event"], r["mode"], r["description"]) for r in csv.DictReader(fh))


def label(kind: str, code: str, lang: str) -> str | None:
    """The short label of a code in ``lang`` (None when unknown)."""
    pair = _data()[kind].get(code)
    return pair[1 if lang == "fr" else 0] if pair else None


def description(kind: str, code: str, lang: str) -> str:
    """PLOVER's definition of a sector, context or mode (``TYPE/mode``; a bare mode, or one
    PLOVER lists under another type, takes the first type that has it) in ``lang``; empty when
    PLOVER gives none."""
    if kind == "mode":
        listed = [f"{t}/{m}" for t, m, _ in modes() if m == code.rpartition("/")[2]]
        key = code if code in listed else (listed[0] if listed else code)
        english = next((d for t, m, d in modes() if f"{t}/{m}" == key), "")
    else:
        key = code
        english = _plover(*_SOURCES[kind]).get(code, "")
    if lang == "fr" and english:
        return french_descriptions()[kind].get(key, "")
    return english


_SOURCES = {"context": ("plover_contexts.csv", "context", "description"),
            "sector": ("plover_sector_codes.csv", "code", "description")}


@cache
def country_name(code: str | None, lang: str) -> str | None:
    """The name of a country or other actor code in ``lang`` (None when unknown)."""
    if not code:
        return None
    from communique.lexicon.countries import country_lexicon

    return country_lexicon(lang).name(code) or label("nonstate", code, lang) or \
        _organisation(code)


@cache
def _organisation(code: str) -> str | None:
    from communique.lexicon.tables import read_tsv

    for row in read_tsv(data_path("organisations.tsv")):
        if row.get("code") == code and row.get("form"):
            return row["form"]
    return None


def describe(kind: str, code: str | None, lang: str) -> str:
    """A tooltip for a code: its label in ``lang`` (and the code itself when none is known)."""
    if not code:
        return ""
    if kind == "country":
        return country_name(code, lang) or code
    if kind == "quad":
        return label("quad", str(code), lang) or str(code)
    if kind == "mode":
        return description("mode", code, lang) or code.rpartition("/")[2]
    short = label(kind, code, lang)
    if kind == "sector":
        long = description("sector", code, lang)
        return f"{short} — {long}" if short and long else short or long or code
    return short or code


def entries(lang: str, countries: list[str]) -> dict[str, Any]:
    """The glossary page: every kind of code with its label (``countries``: those to list)."""
    return {
        "quad": [{"code": int(q), "label": label("quad", q, lang)} for q in sorted(labels()["quad"])],
        "type": [{"code": c, "label": label("type", c, lang)} for c in labels()["type"]],
        "mode": [{"type": t, "code": m, "description": description("mode", f"{t}/{m}", lang)}
                 for t, m, _ in modes()],
        "context": [{"code": c, "label": label("context", c, lang), "description": description("context", c, lang)}
                    for c in sorted(labels()["context"])],
        "sector": [{"code": c, "label": label("sector", c, lang), "description": description("sector", c, lang)}
                   for c in sorted(labels()["sector"])],
        "nonstate": [{"code": c, "label": label("nonstate", c, lang)} for c in labels()["nonstate"]],
        "country": [{"code": c, "name": country_name(c, lang) or "",
                     "other": country_name(c, "en" if lang == "fr" else "fr") or ""}
                    for c in sorted(countries)],
        "cameo": "CAMEO",
    }
