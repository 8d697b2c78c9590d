"""What the codes mean, in French and English: countries and other actor codes, PLOVER types,
quad classes, sectors, contexts and modes. Short labels come from ``glossary.json`` (ours);
country names from the country lexicons (``communique.lexicon.countries``); the longer
definitions of sectors, contexts and modes are PLOVER's own, in English (``data/plover``)."""

from __future__ import annotations

import csv
import json
from functools import cache
from importlib import resources
from typing import Any

from communique.lexicon.tables import data_path

KINDS = ("type", "quad", "nonstate", "sector", "context")


@cache
def labels() -> dict[str, dict[str, list[str]]]:
    text = (resources.files("communique.web") / "glossary.json").read_text(encoding="utf-8")
    data: dict[str, dict[str, list[str]]] = json.loads(text)
    return data


@cache
def _plover(name: str, key: str, value: str) -> dict[str, str]:
    with data_path("plover", name).open(encoding="utf-8", newline="") as fh:
        return {row[key]: row[value] for row in csv.DictReader(fh)}


@cache
def modes() -> tuple[tuple[str, str, str], ...]:
    with data_path("plover", "plover_event_modes.csv").open(encoding="utf-8", newline="") as fh:
        return tuple((r["event"], r["mode"], r["description"]) for r in csv.DictReader(fh))


def _label(kind: str, code: str, lang: str) -> str | None:
    pair = labels()[kind].get(code)
    return pair[1 if lang == "fr" else 0] if pair else None


@cache
def country_name(code: str | None, lang: str) -> str | None:
    """The name of a country or other actor code in ``lang`` (None when unknown)."""
    if not code:
        return None
    from communique.lexicon.countries import country_lexicon

    return country_lexicon(lang).name(code) or _label("nonstate", code, lang) or \
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
        return _label("quad", str(code), lang) or str(code)
    if kind == "mode":
        return next((d for _, m, d in modes() if m == code), code)
    label = _label(kind, code, lang)
    if kind == "sector":
        long = _plover("plover_sector_codes.csv", "code", "description").get(code)
        return f"{label} — {long}" if label and long else label or long or code
    return label or code


def entries(lang: str, countries: list[str]) -> dict[str, Any]:
    """The glossary page: every kind of code with its label (``countries``: those to list)."""
    contexts = _plover("plover_contexts.csv", "context", "description")
    sectors = _plover("plover_sector_codes.csv", "code", "description")
    return {
        "quad": [{"code": int(q), "label": _label("quad", q, lang)} for q in sorted(labels()["quad"])],
        "type": [{"code": c, "label": _label("type", c, lang)} for c in labels()["type"]],
        "mode": [{"type": t, "code": m, "description": d} for t, m, d in modes()],
        "context": [{"code": c, "label": _label("context", c, lang), "description": contexts.get(c, "")}
                    for c in sorted(labels()["context"])],
        "sector": [{"code": c, "label": _label("sector", c, lang), "description": sectors.get(c, "")}
                   for c in sorted(labels()["sector"])],
        "nonstate": [{"code": c, "label": _label("nonstate", c, lang)} for c in labels()["nonstate"]],
        "country": [{"code": c, "name": country_name(c, lang) or "",
                     "other": country_name(c, "en" if lang == "fr" else "fr") or ""}
                    for c in sorted(countries)],
        "cameo": "CAMEO",
    }
