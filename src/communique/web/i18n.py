"""Interface text in French and English from one message catalogue (``messages.json``)."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from functools import cache
from importlib import resources

LANGS = ("en", "fr")
DEFAULT_LANG = "en"


@cache
def catalogue() -> dict[str, dict[str, str]]:
    text = (resources.files("communique.web") / "messages.json").read_text(encoding="utf-8")
    data: dict[str, dict[str, str]] = json.loads(text)
    return data


def choose_lang(query: Mapping[str, str], accept_language: str | None) -> str:
    """``?lang=`` first, then the first of our languages the browser prefers, else English."""
    wanted = query.get("lang", "").lower()
    if wanted in LANGS:
        return wanted
    ranked: list[tuple[float, int, str]] = []
    for n, part in enumerate((accept_language or "").split(",")):
        tag, _, q = part.strip().partition(";q=")
        try:
            weight = float(q) if q else 1.0
        except ValueError:
            weight = 0.0
        ranked.append((-weight, n, tag.split("-")[0].lower()))
    for _, _, tag in sorted(ranked):
        if tag in LANGS:
            return tag
    return DEFAULT_LANG


def translator(lang: str) -> Callable[[str], str]:
    messages = catalogue().get(lang, {})
    fallback = catalogue()[DEFAULT_LANG]
    return lambda key: messages.get(key) or fallback.get(key) or key
