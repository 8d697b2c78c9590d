"""Where a report was filed ("ROME, 25 sept. (MEDITERRANEAN DESK) -") names no party: its place
stays a mention of the article (its main country, its setting) but no argument phrase takes it,
even when the parser joins the dateline to the title's clause. Texts written for these tests."""

from __future__ import annotations

from communique.mentions.actors import MentionIndex, dateline_name, dateline_spans, find_mentions


def test_a_dateline_is_an_all_capitals_place_opening_a_paragraph() -> None:
    assert dateline_name("BAMAKO (AFP) - Le gouvernement malien…") == (0, 6)
    assert dateline_name("NOUAKCHOTT, 12 mars (Agence) – Le ministre…") == (0, 10)
    assert dateline_name("Bamako, 12 mars – Le ministre…") is None  # not in capitals
    assert dateline_name("Le Mali a fermé sa frontière.") is None
    text = "L'UE saisit un cargo au large de la Libye\n\nROME, 25 sept. (MEDITERRANEAN DESK) - La mission…"
    (start, end), = dateline_spans(text)
    assert text[start:end] == "ROME"


def test_a_dateline_is_no_party_of_an_argument_phrase(coder) -> None:
    from communique.model import Article

    text = ("Ankara refuse l'inspection d'un cargo au large de Misrata\n\nROME, 25 septembre (Agence) – La mission "
            "navale européenne a demandé mardi à la Turquie l'autorisation d'inspecter un cargo.")
    (_, parse), = list(coder.parse_items([Article(id="d", text=text, lang="fr")]))
    index = MentionIndex(parse, find_mentions(parse, coder.actors("fr")))
    rome = next(m for m in index.mentions if m.text == "ROME")
    turquie = next(m for m in index.mentions if m.text == "Turquie")
    assert rome.codes or any(e.code == "ITA" for e in rome.entries)  # still a mention of the article
    assert index.in_tokens({rome.first, turquie.first}) == [turquie]
