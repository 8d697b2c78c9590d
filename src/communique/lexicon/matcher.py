"""Longest-match lookup of lexicon phrases in text, independent of any tokenizer.

Phrases and text are cut the same way (runs of word characters; every other non-space
character on its own), so "l'Élysée", "maroco-mauritanien" or "État-major" match whatever
spaCy's tokenizer did with them. Lower-case comparison, except for all-capital acronyms
(UN, ONU, FAR), which match only as written.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")

_WORD = re.compile(r"\w+|[^\w\s]")
_APOSTROPHES = str.maketrans({"’": "'", "`": "'", "ʼ": "'", "‘": "'", "–": "-", "‑": "-"})


def normalise(text: str) -> str:
    """Typographic apostrophes and dashes folded onto ASCII ones (same length)."""
    return text.translate(_APOSTROPHES)


def words(text: str) -> list[tuple[str, int, int]]:
    """(word, start, end) pieces of a text."""
    return [(m.group(), m.start(), m.end()) for m in _WORD.finditer(normalise(text))]


def is_acronym(form: str) -> bool:
    letters = [c for c in form if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters) and " " not in form.strip()


@dataclass(frozen=True, slots=True)
class Match(Generic[T]):
    start: int  # character offsets in the searched text
    end: int
    text: str
    entries: tuple[T, ...]


_ARTICLES = {"le", "la", "les", "l", "the"}
_RECENT = 64  # texts whose matches are kept (more than a batch of articles)


class PhraseMatcher(Generic[T]):
    """Map phrases to entries; find the longest non-overlapping matches in a text."""

    def __init__(self) -> None:
        # first word (lower case) -> (key words, exact case?, positions that need a capital, entry)
        self._index: dict[str, list[tuple[tuple[str, ...], bool, tuple[int, ...], T]]] = {}
        self._max_len = 1
        # The last texts' matches: the first pass and the mentions stage search the same
        # article one after the other (nlp/first_pass.py).
        self._recent: OrderedDict[str, list[Match[T]]] = OrderedDict()

    def add(self, phrase: str, entry: T, *, case_sensitive: bool | None = None, proper: bool = False) -> None:
        """Add a phrase. ``proper``: a proper name, whose capitalised words (other than a
        leading article) must be capitalised in the text too — "La Réunion" is the island,
        "la réunion" a meeting."""
        pieces = tuple(w for w, _, _ in words(phrase))
        if not pieces:
            return
        exact = is_acronym(phrase) if case_sensitive is None else case_sensitive
        key_pieces = pieces if exact else tuple(p.lower() for p in pieces)
        capitals = tuple(i for i, p in enumerate(pieces) if proper and p[:1].isupper()
                         and not (i == 0 and p.lower() in _ARTICLES))
        self._index.setdefault(key_pieces[0].lower(), []).append((key_pieces, exact, capitals, entry))
        self._max_len = max(self._max_len, len(pieces))
        self._recent.clear()

    def add_all(self, items: Iterable[tuple[str, T]]) -> None:
        for phrase, entry in items:
            self.add(phrase, entry)

    def __len__(self) -> int:
        return sum(len(v) for v in self._index.values())

    def find(self, text: str) -> list[Match[T]]:
        found = self._recent.get(text)
        if found is None:
            found = self._recent[text] = self._find(text)
            if len(self._recent) > _RECENT:
                self._recent.popitem(last=False)
        return list(found)

    def _find(self, text: str) -> list[Match[T]]:
        pieces = words(text)
        lowered = [w.lower() for w, _, _ in pieces]
        out: list[Match[T]] = []
        i = 0
        while i < len(pieces):
            best_len, best_entries = 0, []
            for key, exact, capitals, entry in self._index.get(lowered[i], ()):
                n = len(key)
                if n < best_len or i + n > len(pieces):
                    continue
                seq = [w for w, _, _ in pieces[i:i + n]] if exact else lowered[i:i + n]
                if tuple(seq) != key or any(not pieces[i + c][0][:1].isupper() for c in capitals):
                    continue
                if n > best_len:
                    best_len, best_entries = n, [entry]
                elif n == best_len:
                    best_entries.append(entry)
            if best_len:
                start, end = pieces[i][1], pieces[i + best_len - 1][2]
                out.append(Match(start=start, end=end, text=text[start:end],
                                 entries=tuple(best_entries)))
                i += best_len
            else:
                i += 1
        return out
