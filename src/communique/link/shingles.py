"""Shingles and Jaccard similarity over folded text (accents and case do not count)."""

from __future__ import annotations

from collections.abc import Callable

from communique.store.folding import words

CHAR_K = 4  # character 4-grams survive inflection ("visite"/"visited" share "visi")
MIN_WORD = 3  # shorter words are mostly articles and prepositions


def char_shingles(text: str, *, k: int = CHAR_K) -> frozenset[str]:
    joined = " ".join(words(text))
    if len(joined) <= k:
        return frozenset([joined]) if joined else frozenset()
    return frozenset({joined[i:i + k] for i in range(len(joined) - k + 1)})


def word_shingles(text: str, *, k: int = 1) -> frozenset[str]:
    """Word k-grams of the folded words (words shorter than MIN_WORD left out when k == 1)."""
    tokens = words(text)
    if k == 1:
        return frozenset(t for t in tokens if len(t) >= MIN_WORD)
    return frozenset(" ".join(tokens[i:i + k]) for i in range(len(tokens) - k + 1))


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    inter = len(a & b)
    return inter / (len(a) + len(b) - inter)


class TextSimilarity:
    """Evidence similarity with the shingles of each text computed once (per block).

    Word shingles are cheap and tried first; character shingles only when words fall short.
    """

    def __init__(self) -> None:
        self._words: dict[str, frozenset[str]] = {}
        self._chars: dict[str, frozenset[str]] = {}

    def _get(self, cache: dict[str, frozenset[str]], key: str, text: str,
             make: Callable[[str], frozenset[str]]) -> frozenset[str]:
        found = cache.get(key)
        if found is None:
            found = cache[key] = make(text)
        return found

    def similar(self, key_a: str, text_a: str, key_b: str, text_b: str, *,
                threshold: float) -> bool:
        """max(word Jaccard, character 4-gram Jaccard) >= threshold."""
        if jaccard(self._get(self._words, key_a, text_a, word_shingles),
                   self._get(self._words, key_b, text_b, word_shingles)) >= threshold:
            return True
        return jaccard(self._get(self._chars, key_a, text_a, char_shingles),
                       self._get(self._chars, key_b, text_b, char_shingles)) >= threshold

    def __call__(self, key_a: str, text_a: str, key_b: str, text_b: str) -> float:
        return max(jaccard(self._get(self._words, key_a, text_a, word_shingles),
                           self._get(self._words, key_b, text_b, word_shingles)),
                   jaccard(self._get(self._chars, key_a, text_a, char_shingles),
                           self._get(self._chars, key_b, text_b, char_shingles)))

    def clear(self) -> None:
        self._words.clear()
        self._chars.clear()
