"""Accent and case folding, so that "Sécurité", "securite" and "SÉCURITÉ" meet.

Used for the PostgreSQL search column, people's name keys and the linker's shingles. The same
folding on both sides of every comparison matters more than the exact rule.
"""

from __future__ import annotations

import re
import unicodedata

_WORD = re.compile(r"\w+", re.UNICODE)
# The combining-mark blocks that NFKD leaves behind Latin, Greek and Cyrillic letters. A regular
# expression removes them some twenty times faster than testing each character in Python.
_MARKS = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
# Letters that do not decompose into base + accent under NFKD.
_SPECIAL = str.maketrans({"ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d",
                          "ı": "i", "’": "'"})


def fold(text: str) -> str:
    """Lower case, accents removed, ligatures spelt out; other characters kept."""
    if text.isascii():
        return text.lower()
    return _MARKS.sub("", unicodedata.normalize("NFKD", text.casefold().translate(_SPECIAL)))


def words(text: str) -> list[str]:
    """The folded words of a text, in order."""
    return _WORD.findall(fold(text))


def name_key(name: str) -> str:
    """The key people are grouped by: folded words joined by single spaces."""
    return " ".join(words(name))
