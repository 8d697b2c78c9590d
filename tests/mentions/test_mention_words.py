"""The mention words (data/<lang>/mention_words.tsv): per language, and together for the rules that
read them whatever the article's language."""

from __future__ import annotations

from communique.mentions.mention_words import Latter, any_language, mention_words


def test_mention_words_are_data_per_language() -> None:
    fr, en = mention_words("fr"), mention_words("en")
    assert "il" in fr.pronoun and "il" not in en.pronoun
    assert "we" in en.first_person and "nous" in fr.first_person and "we" not in fr.first_person
    assert ("deux", "pays") in fr.pair_reference and ("both", "sides") in en.pair_reference
    assert mention_words("xx").pronoun == frozenset()  # a language with no file has none


def test_any_language_is_the_union_of_the_files() -> None:
    words = any_language()
    assert words.relative == {"qui", "who", "which", "that"}
    assert words.country_head == {"pays", "état", "nation", "country", "state"}
    assert frozenset({"ainsi", "que"}) in words.additive and frozenset({"as", "well"}) in words.additive
    assert {",", "et", "and"} <= words.list_glue
    assert words.personal["elles"] == ("Fem", "Plur") and words.personal["it"] == (None, None)
    assert words.determiner["l'"] == (None, "Sing") and "the" not in words.determiner


def test_latter_words_carry_what_they_need() -> None:
    latter = any_language().latter
    assert latter["dernière"] == Latter("Fem", "Sing", frozenset({"ce", "cet", "cette", "ces"}), frozenset())
    assert latter["celui"].followed_by == {"-ci", "ci"} and not latter["celui-ci"].followed_by
    assert latter["latter"] == Latter(None, None, frozenset({"the"}), frozenset())
