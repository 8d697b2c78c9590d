"""Language is detected when not given; unsupported languages are rejected with a reason."""

from __future__ import annotations

import pytest

from communique.errors import ArticleRejected
from communique.language import choose_language


def test_french_and_english_are_detected() -> None:
    assert choose_language("Le ministre marocain des Affaires étrangères a reçu hier son homologue.", given=None) == "fr"
    assert choose_language("The Moroccan foreign minister received his counterpart yesterday.", given=None) == "en"


def test_given_language_wins_and_is_normalised() -> None:
    assert choose_language("whatever", given="fr-FR") == "fr"


def test_unsupported_language_is_rejected() -> None:
    with pytest.raises(ArticleRejected) as err:
        choose_language("Der Außenminister hat gestern seinen Amtskollegen in Berlin empfangen.", given=None)
    assert err.value.stage == "language" and "de" in err.value.reason


def test_a_text_without_letters_has_no_language() -> None:
    import pytest

    from communique.errors import ArticleRejected
    from communique.language import choose_language

    for text in ("🎉🎉🎉 🚀🚀 👍", "12 / 34 — 56 !!!"):
        with pytest.raises(ArticleRejected, match="not a single letter"):
            choose_language(text, given=None)  # emoji came out as 'unsupported language ja'
