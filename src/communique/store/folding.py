"""Accent and case folding, so that "Sécurité", "securite" and "SÉCURITÉ" meet.

Used for the PostgreSQL search column, people's name keys and the linker's shingles. The same
folding on both sides of every comparison matters more than the exact rule.
"""

from __future__ import annotations

import re
import unicodedata

_WORD = re.compile(r"\w+", re.UNICODE)
# Letters that do not decompose into base + accent under NFKD.
_SPECIAL = str.maketrans({"ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d",
                          "ı": "i", "’": "'"})


def fold(text: str) -> str:
    """Lower case, accents removed, ligatures spelt out; other characters kept."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_SPECIAL))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def words(text: str) -> list[str]:
    """The folded words of a text, in order."""
    return _WORD.findall(fold(text))


def name_key(name: str) -> str:
    """The key people are grouped by: folded words joined by single spaces."""
    return " ".join(words(name))
