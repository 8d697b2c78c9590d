"""French tokenizer and sentence boundaries (communique.nlp.pipelines)."""

from __future__ import annotations

import pytest

from communique.nlp.pipelines import parse_text


def _words(text: str, lang: str = "fr") -> list[str]:
    return [t.text for t in parse_text(text, lang=lang).tokens]


@pytest.mark.parametrize("word", ["état-major", "lieutenant-colonel", "général-major", "États-majors",
                                  "chef-lieu", "lance-roquettes"])
def test_hyphenated_common_nouns_stay_whole(word: str) -> None:
    assert word in _words(f"Le rapport du {word} a été publié hier.")


def test_title_after_elided_article_stays_whole() -> None:
    words = _words("Le chef d'état-major de la marine est arrivé à Dakar.")
    assert "état-major" in words and "d'" in words


@pytest.mark.parametrize("text, pieces", [
    ("Viendra-t-il demain ?", ["-t", "-il"]),
    ("« Nous partirons », dit-elle.", ["-elle"]),
    ("Allez-y sans attendre.", ["y"]),
    ("Il a parlé à Addis-Abeba.", ["Addis"]),
    ("C'est-à-dire la fin.", ["à"]),
])
def test_clitics_names_and_short_parts_keep_their_tokens(text: str, pieces: list[str]) -> None:
    words = _words(text)
    assert all(p in words for p in pieces), words


def test_country_compounds_and_lexical_hyphens_unchanged() -> None:
    words = _words("Les manœuvres maroco-mauritaniennes ont peut-être commencé.")
    assert "maroco-mauritaniennes" in words and "peut-être" in words


def test_no_sentence_break_inside_a_clause() -> None:
    text = ("Une délégation navale sénégalaise conduite par le capitaine de vaisseau Amadou Fall, "
            "commandant de la flotte (MN), a entamé lundi une visite à Rabat. Elle repart jeudi.")
    parse = parse_text(text, lang="fr")
    assert len(parse.sentences) == 2
    first = parse.sentences[0]
    assert parse.text[first.char_start:first.char_end].endswith("Rabat.")


def test_the_guard_leaves_line_breaks_and_full_stops_free() -> None:
    from communique.nlp.pipelines import _mark_sentence_continuations, load_pipeline

    doc = load_pipeline("fr").make_doc("Accord signé\nLe Maroc et le Mali ont signé. Ils partent, dit-il")
    _mark_sentence_continuations(doc)
    marks = {t.text: t.is_sent_start for t in doc}
    assert marks["Le"] is None and marks["Ils"] is None
    assert marks["Maroc"] is False and marks["partent"] is False and marks[","] is False


@pytest.mark.parametrize("text", ["les critiques de l’ Algérie", "les critiques de l' Algérie",
                                  "la visite d’ Ahmed Diallo"])
def test_an_elided_word_written_apart_is_one_token(text: str) -> None:
    words = _words(text)
    assert any(w in ("l’", "l'", "d’") for w in words) and "’" not in words and "'" not in words
