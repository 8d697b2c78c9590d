"""Time expressions of French and English news sentences, resolved against the publication date.

Publication dates used: 2025-06-05 is a Thursday, 2025-06-10 a Tuesday, 2016-12-17 a Saturday.
Every expected mention is (text as written, value) or (text as written, value, end_value); the
precision follows from the length of the value.
"""

from __future__ import annotations

import socket

import pytest

from communique.errors import ArticleRejected, LexiconError
from communique.lexicon.tables import data_path, read_tsv
from communique.resolve.dates import DateMention, event_date, find_dates

THU = "2025-06-05"
TUE = "2025-06-10"
SAT = "2016-12-17"

Expected = tuple[str, ...]


def dates(text: str, lang: str, published: str | None) -> list[DateMention]:
    """find_dates plus the invariants every mention must hold."""
    found = find_dates(text, lang=lang, published=published)
    for m in found:
        assert text[m.start : m.end] == m.text
        assert m.precision == {10: "day", 7: "month", 4: "year"}[len(m.value)]
        assert m.end_value is None or (m.precision == "day" and m.end_value > m.value)
    assert [m.start for m in found] == sorted(m.start for m in found)
    assert all(a.end <= b.start for a, b in zip(found, found[1:])), "mentions overlap"
    return found


def simple(found: list[DateMention]) -> list[Expected]:
    return [(m.text, m.value) if m.end_value is None else (m.text, m.value, m.end_value) for m in found]


FRENCH: list[tuple[str, str | None, list[Expected]]] = [
    # ranges
    ("Les 3 et 4 juin derniers, la police a arrêté douze personnes.", TUE, [("Les 3 et 4 juin derniers", "2025-06-03", "2025-06-04")]),
    ("Le sommet s'est tenu du 12 au 14 mars 2017 à Genève.", THU, [("du 12 au 14 mars 2017", "2017-03-12", "2017-03-14")]),
    ("Des combats ont eu lieu du 30 mai au 2 juin.", THU, [("du 30 mai au 2 juin", "2025-05-30", "2025-06-02")]),
    ("La trêve a duré du 28 décembre au 2 janvier.", THU, [("du 28 décembre au 2 janvier", "2024-12-28", "2025-01-02")]),
    ("Du 28 décembre 2016 au 2 janvier 2017, les frontières sont restées fermées.", SAT,
     [("Du 28 décembre 2016 au 2 janvier 2017", "2016-12-28", "2017-01-02")]),
    ("Les négociations ont eu lieu entre le 2 et le 4 juin.", THU, [("entre le 2 et le 4 juin", "2025-06-02", "2025-06-04")]),
    ("Les 1er, 2 et 3 juin, l'armée a bombardé la ville.", THU, [("Les 1er, 2 et 3 juin", "2025-06-01", "2025-06-03")]),
    ("Les pourparlers des 2-4 juin ont échoué.", THU, [("2-4 juin", "2025-06-02", "2025-06-04")]),
    ("Lors du sommet des 15 et 16 juin 2024, rien n'a été décidé.", THU, [("des 15 et 16 juin 2024", "2024-06-15", "2024-06-16")]),
    ("Dans la nuit de samedi à dimanche, des tirs ont été entendus.", THU,
     [("Dans la nuit de samedi à dimanche", "2025-05-31", "2025-06-01")]),
    # explicit dates
    ("Le 1er mars 2017, Paris a rappelé son ambassadeur.", THU, [("1er mars 2017", "2017-03-01")]),
    ("Le 1 er janvier 2017, la Bulgarie a pris la présidence.", THU, [("1 er janvier 2017", "2017-01-01")]),
    ("Le 1ᵉʳ mai 2016, des milliers de manifestants ont défilé.", THU, [("1ᵉʳ mai 2016", "2016-05-01")]),
    ("L'accord du 12 fevrier 2015 n'a pas été respecté.", THU, [("12 fevrier 2015", "2015-02-12")]),
    ("Le traité signé le 15 aout 1945 reste en vigueur.", THU, [("15 aout 1945", "1945-08-15")]),
    ("Le 4 decembre 2016, le référendum a été perdu.", SAT, [("4 decembre 2016", "2016-12-04")]),
    ("Le 3 sept. 2017, Pyongyang a procédé à un essai.", THU, [("3 sept. 2017", "2017-09-03")]),
    ("Le décret du 12/03/2017 a été annulé.", THU, [("12/03/2017", "2017-03-12")]),
    ("Le décret du 12.03.2017 a été annulé.", THU, [("12.03.2017", "2017-03-12")]),
    ("Le décret du 2017-03-12 a été annulé.", THU, [("2017-03-12", "2017-03-12")]),
    # day and month without year
    ("Le 12 mars, le ministre s'est rendu à Kiev.", THU, [("12 mars", "2025-03-12")]),
    ("Le 25 juin, le ministre s'est rendu à Kiev.", THU, [("25 juin", "2024-06-25")]),
    ("Le 12 mars dernier, le ministre s'est rendu à Kiev.", THU, [("12 mars dernier", "2025-03-12")]),
    ("Ce jeudi 5 juin, le ministre a reçu son homologue.", THU, [("Ce jeudi 5 juin", "2025-06-05")]),
    ("Jeudi 5 juin, le ministre a reçu son homologue.", THU, [("Jeudi 5 juin", "2025-06-05")]),
    ("Ce jeudi 5 juin 2025, le ministre a reçu son homologue.", THU, [("Ce jeudi 5 juin 2025", "2025-06-05")]),
    ("Le 3 juin à 9 h 19, une explosion a été entendue.", THU, [("3 juin", "2025-06-03")]),
    # weekdays
    ("Mardi dernier, les deux pays ont signé un accord.", THU, [("Mardi dernier", "2025-06-03")]),
    ("Le président est arrivé mardi à Berlin.", THU, [("mardi", "2025-06-03")]),
    ("Jeudi, le gouvernement a démenti.", THU, [("Jeudi", "2025-06-05")]),
    ("Ce jeudi, le gouvernement a démenti.", THU, [("Ce jeudi", "2025-06-05")]),
    ("Mardi à 9 h 19, une explosion a secoué le port.", THU, [("Mardi", "2025-06-03")]),
    ("Dimanche soir, des heurts ont éclaté.", SAT, [("Dimanche soir", "2016-12-11")]),
    ("Samedi matin, la police a dispersé la foule.", SAT, [("Samedi matin", "2016-12-17")]),
    ("Vendredi, Moscou a répondu.", SAT, [("Vendredi", "2016-12-16")]),
    ("Le ministre a été reçu dans la soirée de mercredi.", THU, [("dans la soirée de mercredi", "2025-06-04")]),
    # relative days
    ("Hier, l'armée a bombardé la ville.", THU, [("Hier", "2025-06-04")]),
    ("Avant-hier, l'armée a bombardé la ville.", THU, [("Avant-hier", "2025-06-03")]),
    ("Aujourd'hui, le Parlement vote.", THU, [("Aujourd'hui", "2025-06-05")]),
    ("Aujourd’hui, le Parlement vote.", THU, [("Aujourd’hui", "2025-06-05")]),
    ("Ce matin, des tirs ont été entendus.", THU, [("Ce matin", "2025-06-05")]),
    ("Le ministre s'exprimera ce soir.", THU, [("ce soir", "2025-06-05")]),
    ("Cet après-midi, le conseil s'est réuni.", THU, [("Cet après-midi", "2025-06-05")]),
    ("Les manifestants se sont rassemblés dans la soirée d'hier.", THU, [("dans la soirée d'hier", "2025-06-04")]),
    ("Hier soir, le président a parlé.", THU, [("Hier soir", "2025-06-04")]),
    # vague spans
    ("La semaine dernière, Rome a convoqué l'ambassadeur.", THU, [("La semaine dernière", "2025-05")]),
    ("La semaine dernière, Rome a convoqué l'ambassadeur.", TUE, [("La semaine dernière", "2025-06")]),
    ("Cette semaine, Rome a convoqué l'ambassadeur.", THU, [("Cette semaine", "2025-06")]),
    ("Le mois dernier, les ventes d'armes ont repris.", THU, [("Le mois dernier", "2025-05")]),
    ("Le mois dernier, les ventes d'armes ont repris.", "2025-01-10", [("Le mois dernier", "2024-12")]),
    ("Ce mois-ci, les ventes d'armes ont repris.", THU, [("Ce mois-ci", "2025-06")]),
    ("L'an dernier, les deux pays ont rompu.", THU, [("L'an dernier", "2024")]),
    ("L'année dernière, les deux pays ont rompu.", THU, [("L'année dernière", "2024")]),
    ("L'année passée, les deux pays ont rompu.", THU, [("L'année passée", "2024")]),
    ("Cette année, les deux pays ont rompu.", THU, [("Cette année", "2025")]),
    ("Il y a deux jours, l'ONU a condamné l'attaque.", THU, [("Il y a deux jours", "2025-06-03")]),
    ("Il y a un mois, l'ONU a condamné l'attaque.", THU, [("Il y a un mois", "2025-05")]),
    ("Il y a 3 semaines, l'ONU a condamné l'attaque.", THU, [("Il y a 3 semaines", "2025-05")]),
    ("Il y a trois ans, l'ONU a condamné l'attaque.", THU, [("Il y a trois ans", "2022")]),
    # months and years
    ("En mars, Paris a expulsé deux diplomates.", THU, [("mars", "2025-03")]),
    ("En juillet, Paris a expulsé deux diplomates.", THU, [("juillet", "2024-07")]),
    ("En mars dernier, Paris a expulsé deux diplomates.", THU, [("mars dernier", "2025-03")]),
    ("En juin dernier, Paris a expulsé deux diplomates.", THU, [("juin dernier", "2024-06")]),
    ("Au mois de mai, Paris a expulsé deux diplomates.", THU, [("mai", "2025-05")]),
    ("En mars 2017, Paris a expulsé deux diplomates.", THU, [("mars 2017", "2017-03")]),
    ("Mi-mars, Paris a expulsé deux diplomates.", THU, [("Mi-mars", "2025-03")]),
    ("À la mi-mars, Paris a expulsé deux diplomates.", THU, [("mi-mars", "2025-03")]),
    ("Début avril, Paris a expulsé deux diplomates.", THU, [("Début avril", "2025-04")]),
    ("Fin avril, Paris a expulsé deux diplomates.", THU, [("Fin avril", "2025-04")]),
    ("Fin décembre, Paris a expulsé deux diplomates.", THU, [("Fin décembre", "2024-12")]),
    ("Fin avril 2017, Paris a expulsé deux diplomates.", THU, [("Fin avril 2017", "2017-04")]),
    ("En 2016, les deux pays ont rompu leurs relations.", THU, [("2016", "2016")]),
    ("Depuis 2014, les deux pays n'ont plus de relations.", THU, [("2014", "2014")]),
    ("Les élections de 2012 ont été contestées.", THU, [("2012", "2012")]),
    # what is not a date
    ("Paris a envoyé 2 000 soldats.", THU, []),
    ("Paris a envoyé 2000 soldats.", THU, []),
    ("Les 2 000 soldats sont arrivés en 2016.", THU, [("2016", "2016")]),
    ("La sonde Mars a été lancée.", THU, []),
    ("De 2000 à 3000 personnes ont défilé.", THU, []),
    ("Les sanctions de 2014 à 2016 ont pesé.", THU, [("2014", "2014")]),
    ("Le 31 juin n'existe pas.", THU, []),
    ("« Nous avons parlé pendant deux heures », a-t-il déclaré à 18 h 30.", THU, []),
    ("Ce soir-là, le président avait quitté la ville.", THU, []),
    ("Les réunions ont lieu le mardi.", None, []),
]


ENGLISH: list[tuple[str, str | None, list[Expected]]] = [
    ("The talks ran from March 3 to 5 in Geneva.", THU, [("from March 3 to 5", "2025-03-03", "2025-03-05")]),
    ("The talks ran from March 3 to 5, 2017 in Geneva.", THU, [("from March 3 to 5, 2017", "2017-03-03", "2017-03-05")]),
    ("The talks ran March 3-5 in Geneva.", THU, [("March 3-5", "2025-03-03", "2025-03-05")]),
    ("The talks ran from May 30 to June 2.", THU, [("from May 30 to June 2", "2025-05-30", "2025-06-02")]),
    ("The talks ran 3-5 March 2017.", THU, [("3-5 March 2017", "2017-03-03", "2017-03-05")]),
    ("The ministers met on March 3.", THU, [("March 3", "2025-03-03")]),
    ("The ministers met on March 3rd.", THU, [("March 3rd", "2025-03-03")]),
    ("The ministers met on 3 March 2017.", THU, [("3 March 2017", "2017-03-03")]),
    ("The ministers met on March 3, 2017.", THU, [("March 3, 2017", "2017-03-03")]),
    ("The ministers met on the 3rd of March.", THU, [("3rd of March", "2025-03-03")]),
    ("The ministers met on Tuesday, March 3, 2015.", THU, [("Tuesday, March 3, 2015", "2015-03-03")]),
    ("The attacks of Sept. 11, 2001 changed everything.", THU, [("Sept. 11, 2001", "2001-09-11")]),
    ("The ministers met on Jan. 5.", THU, [("Jan. 5", "2025-01-05")]),
    ("The decree of 03/12/2017 was annulled.", THU, [("03/12/2017", "2017-03-12")]),
    ("The decree of 25/12/2017 was annulled.", THU, [("25/12/2017", "2017-12-25")]),
    ("Last Tuesday, the two countries signed a deal.", THU, [("Last Tuesday", "2025-06-03")]),
    ("The president arrived in Berlin on Tuesday.", THU, [("Tuesday", "2025-06-03")]),
    ("The president arrived in Berlin on Thursday.", THU, [("Thursday", "2025-06-05")]),
    ("Tuesday night, shots were heard.", THU, [("Tuesday night", "2025-06-03")]),
    ("They will march on Sunday.", THU, [("Sunday", "2025-06-01")]),
    ("Yesterday, the army shelled the city.", THU, [("Yesterday", "2025-06-04")]),
    ("Yesterday morning, the army shelled the city.", THU, [("Yesterday morning", "2025-06-04")]),
    ("The day before yesterday, the army shelled the city.", THU, [("The day before yesterday", "2025-06-03")]),
    ("Today, parliament votes.", THU, [("Today", "2025-06-05")]),
    ("This morning, shots were heard.", THU, [("This morning", "2025-06-05")]),
    ("Last night, shots were heard.", THU, [("Last night", "2025-06-04")]),
    ("Last week, Rome summoned the ambassador.", THU, [("Last week", "2025-05")]),
    ("Last month, arms sales resumed.", THU, [("Last month", "2025-05")]),
    ("Last year, the two countries broke off relations.", THU, [("Last year", "2024")]),
    ("Two days ago, the UN condemned the attack.", THU, [("Two days ago", "2025-06-03")]),
    ("A month ago, the UN condemned the attack.", THU, [("A month ago", "2025-05")]),
    ("Three years ago, the UN condemned the attack.", THU, [("Three years ago", "2022")]),
    ("In March, Paris expelled two diplomats.", THU, [("March", "2025-03")]),
    ("In July, Paris expelled two diplomats.", THU, [("July", "2024-07")]),
    ("Last March, Paris expelled two diplomats.", THU, [("Last March", "2025-03")]),
    ("In March 2017, Paris expelled two diplomats.", THU, [("March 2017", "2017-03")]),
    ("In mid-March, Paris expelled two diplomats.", THU, [("mid-March", "2025-03")]),
    ("In early April, Paris expelled two diplomats.", THU, [("early April", "2025-04")]),
    ("At the end of April, Paris expelled two diplomats.", THU, [("the end of April", "2025-04")]),
    ("In 2016, the two countries broke off relations.", THU, [("2016", "2016")]),
    ("Since 2014, the two countries have had no relations.", THU, [("2014", "2014")]),
    ("Officials may meet again.", THU, []),
    ("Paris sent 2,000 soldiers.", THU, []),
    ("Paris sent 2 000 soldiers.", THU, []),
]


@pytest.mark.parametrize(("text", "published", "expected"), FRENCH, ids=[t for t, _, _ in FRENCH])
def test_french(text: str, published: str | None, expected: list[Expected]) -> None:
    assert simple(dates(text, "fr", published)) == expected


@pytest.mark.parametrize(("text", "published", "expected"), ENGLISH, ids=[t for t, _, _ in ENGLISH])
def test_english(text: str, published: str | None, expected: list[Expected]) -> None:
    assert simple(dates(text, "en", published)) == expected


def test_offsets_point_into_the_text_passed_in() -> None:
    text = "Selon l'AFP, mardi dernier, puis le 1er mars 2017 et hier soir."
    found = dates(text, "fr", THU)
    assert [m.text for m in found] == ["mardi dernier", "1er mars 2017", "hier soir"]
    assert found[0].start == text.index("mardi")


def test_longest_overlapping_match_wins() -> None:
    (m,) = dates("Ce jeudi 5 juin 2025, Rome a parlé.", "fr", THU)
    assert (m.text, m.value, m.relative) == ("Ce jeudi 5 juin 2025", "2025-06-05", False)


def test_explicit_date_wins_over_contradicting_weekday() -> None:
    # 23 December 2016 was a Friday.
    (m,) = dates("Mercredi 23 décembre 2016, la trêve a été rompue.", "fr", "2016-12-28")
    assert m.value == "2016-12-23"
    assert m.text == "Mercredi 23 décembre 2016"
    assert "contradicts" in m.reason
    (ok,) = dates("Mercredi 21 décembre 2016, la trêve a été rompue.", "fr", "2016-12-28")
    assert ok.value == "2016-12-21" and "contradicts" not in ok.reason


def test_contradicting_weekday_with_date_after_publication() -> None:
    (m,) = dates("Mercredi 23 décembre 2016, la trêve sera signée.", "fr", SAT)
    assert m.value == "2016-12-23"
    assert "contradicts" in m.reason and "future" in m.reason


def test_weekday_reason_and_relative_flag() -> None:
    (m,) = dates("Mardi, les ministres se sont réunis.", "fr", SAT)
    assert m.value == "2016-12-13"
    assert m.relative
    assert "last Tuesday on or before publication 2016-12-17" in m.reason
    (e,) = dates("On Saturday, the ministers met.", "en", SAT)
    assert e.value == SAT


def test_published_datetime_uses_its_date() -> None:
    (m,) = dates("Hier, l'armée a bombardé la ville.", "fr", "2025-06-05T23:59:00+02:00")
    assert m.value == "2025-06-04"


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Demain, le Parlement vote.", "fr", ("Demain", "2025-06-06")),
        ("Mardi prochain, le Parlement vote.", "fr", ("Mardi prochain", "2025-06-10")),
        ("La semaine prochaine, le Parlement vote.", "fr", ("La semaine prochaine", "2025-06")),
        ("Le mois prochain, le Parlement vote.", "fr", ("Le mois prochain", "2025-07")),
        ("L'an prochain, le Parlement vote.", "fr", ("L'an prochain", "2026")),
        ("Dans deux jours, le Parlement vote.", "fr", ("Dans deux jours", "2025-06-07")),
        ("Le 12 juin, le Parlement vote.", "fr", ("12 juin", "2025-06-12")),
        ("En juillet prochain, le Parlement vote.", "fr", ("juillet prochain", "2025-07")),
        ("Tomorrow, parliament votes.", "en", ("Tomorrow", "2025-06-06")),
        ("Next Tuesday, parliament votes.", "en", ("Next Tuesday", "2025-06-10")),
        ("Next week, parliament votes.", "en", ("Next week", "2025-06")),
        ("Next year, parliament votes.", "en", ("Next year", "2026")),
        ("In two days, parliament votes.", "en", ("In two days", "2025-06-07")),
    ],
)
def test_future_expressions_are_returned_and_marked(text: str, lang: str, expected: Expected) -> None:
    found = dates(text, lang, THU)
    assert simple(found) == [expected]
    assert "future" in found[0].reason
    assert event_date(found) is None


def test_past_expressions_are_not_marked_future() -> None:
    text = "Hier, mardi dernier, la semaine dernière, en mars, le 12 mars et le 5 juin."
    assert all("future" not in m.reason for m in dates(text, "fr", THU))


def test_without_publication_date_relative_expressions_are_skipped() -> None:
    text = (
        "Hier, mardi dernier, ce jeudi 5 juin, le 12 mars, en mars, mi-mars, la semaine dernière, "
        "il y a un mois, l'an dernier, demain et aujourd'hui."
    )
    assert dates(text, "fr", None) == []
    assert dates("Last Tuesday, yesterday, on March 3, in March, last week, two days ago.", "en", None) == []
    assert dates("Il y a deux heures, l'armée a tiré.", "fr", None) == []


def test_without_publication_date_explicit_years_are_kept() -> None:
    text = "Le 1er mars 2017, mardi 7 mars 2017, en mars 2016, en 2015 et du 3 au 5 juin 2014."
    assert simple(dates(text, "fr", None)) == [
        ("1er mars 2017", "2017-03-01"),
        ("mardi 7 mars 2017", "2017-03-07"),
        ("mars 2016", "2016-03"),
        ("2015", "2015"),
        ("du 3 au 5 juin 2014", "2014-06-03", "2014-06-05"),
    ]
    assert all(not m.relative for m in dates(text, "fr", None))
    assert simple(dates("On March 3, 2017 and in 2016.", "en", None)) == [("March 3, 2017", "2017-03-03"), ("2016", "2016")]


def test_empty_publication_string_is_no_publication_date() -> None:
    assert dates("Hier, l'armée a tiré.", "fr", "") == []


def test_unreadable_publication_date_rejects_the_article() -> None:
    with pytest.raises(ArticleRejected) as info:
        find_dates("Hier, l'armée a tiré.", lang="fr", published="5 juin 2025")
    assert info.value.stage == "dates"


def test_unknown_language_is_a_lexicon_error() -> None:
    with pytest.raises(LexiconError):
        find_dates("Gestern", lang="xx", published=THU)


def _no_network(*args: object, **kwargs: object) -> None:
    raise AssertionError("network access attempted")


def test_dateparser_fallback_is_offline(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(socket.socket, "connect", _no_network)
    monkeypatch.setattr(socket, "create_connection", _no_network)
    monkeypatch.setattr(socket, "getaddrinfo", _no_network)
    (fr,) = dates("Il y a deux heures, l'armée a tiré.", "fr", THU)
    assert (fr.text, fr.value, fr.relative) == ("Il y a deux heures", THU, True)
    assert "dateparser" in fr.reason
    en = simple(dates("Three hours ago, shots were heard; a fortnight ago, talks failed.", "en", THU))
    assert en == [("Three hours ago", THU), ("a fortnight ago", "2025-05")]


def test_fallback_does_not_turn_durations_into_dates() -> None:
    assert dates("Les combats ont duré deux jours.", "fr", THU) == []
    assert dates("The fighting lasted two days.", "en", THU) == []


def test_event_date_prefers_day_then_month_then_year_then_first() -> None:
    found = dates("En 2016, puis en mars, puis hier et mardi dernier.", "fr", THU)
    chosen = event_date(found)
    assert chosen is not None and (chosen.text, chosen.value) == ("hier", "2025-06-04")
    found = dates("En 2016 et en mars.", "fr", THU)
    chosen = event_date(found)
    assert chosen is not None and chosen.value == "2025-03"
    found = dates("En 2016 et depuis 2014.", "fr", THU)
    chosen = event_date(found)
    assert chosen is not None and chosen.value == "2016"


def test_event_date_ignores_future_mentions() -> None:
    found = dates("Demain, comme en mars, le Parlement vote.", "fr", THU)
    chosen = event_date(found)
    assert chosen is not None and chosen.value == "2025-03"
    assert event_date([]) is None


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_time_words_tables(lang: str) -> None:
    rows = list(read_tsv(data_path(lang, "time_words.tsv")))
    assert set(rows[0]) == {"word", "kind", "value"}
    months = {int(r["value"]) for r in rows if r["kind"] == "month"}
    weekdays = {int(r["value"]) for r in rows if r["kind"] == "weekday"}
    assert months == set(range(1, 13))
    assert weekdays == set(range(7))
