"""Shingles and Jaccard similarity over folded text (accents and case do not count)."""

from __future__ import annotations

from communique.store.folding import words

CHAR_K = 4  # character 4-grams survive inflection ("visite"/"visited" share "visi")
MIN_WORD = 3  # shorter words are mostly articles and prepositions


def char_shingles(text: str, *, k: int = CHAR_K) -> frozenset[str]:
    joined = " ".join(words(text))
    if len(joined) <= k:
        return frozenset([joined]) if joined else frozenset()
    return frozenset(joined[i:i + k] for i in range(len(joined) - k + 1))


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
    """Evidence similarity with the shingles of each text computed once (per block)."""

    def __init__(self) -> None:
        self._cache: dict[str, tuple[frozenset[str], frozenset[str]]] = {}

    def shingles(self, key: str, text: str) -> tuple[frozenset[str], frozenset[str]]:
        found = self._cache.get(key)
        if found is None:
            found = self._cache[key] = (char_shingles(text), word_shingles(text))
        return found

    def __call__(self, key_a: str, text_a: str, key_b: str, text_b: str) -> float:
        chars_a, words_a = self.shingles(key_a, text_a)
        chars_b, words_b = self.shingles(key_b, text_b)
        return max(jaccard(chars_a, chars_b), jaccard(words_a, words_b))

    def clear(self) -> None:
        self._cache.clear()
