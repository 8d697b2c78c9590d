"""The bilingual country lexicon: data coverage, lookups, compounds, acronym case."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from communique.errors import LexiconError
from communique.lexicon.countries import CountryForm, CountryLexicon, country_lexicon

ROOT = Path(__file__).resolve().parents[2]

# UN members in Africa (54) and the Middle East (16, Egypt counted in Africa).
AFRICA = set(
    "DZA AGO BEN BWA BFA BDI CPV CMR CAF TCD COM COG COD CIV DJI EGY GNQ ERI SWZ ETH GAB GMB GHA GIN "
    "GNB KEN LSO LBR LBY MDG MWI MLI MRT MUS MAR MOZ NAM NER NGA RWA STP SEN SYC SLE SOM ZAF SSD SDN "
    "TZA TGO TUN UGA ZMB ZWE".split()
)
MIDDLE_EAST = set("BHR CYP IRN IRQ ISR JOR KWT LBN OMN QAT SAU SYR TUR ARE YEM".split())


@pytest.fixture(scope="module")
def fr() -> CountryLexicon:
    return country_lexicon("fr")


@pytest.fixture(scope="module")
def en() -> CountryLexicon:
    return country_lexicon("en")


def codes_of(forms: list[CountryForm]) -> list[str]:
    return sorted({f.code for f in forms})


# ---------------------------------------------------------------- coverage


def test_header_is_exact() -> None:
    for lang in ("fr", "en"):
        path = ROOT / "src" / "communique" / "data" / lang / "countries.tsv"
        header = next(line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#"))
        assert header == "code\tkind\tform\tnote"


def test_at_least_240_codes_have_a_name_in_both_languages(fr: CountryLexicon, en: CountryLexicon) -> None:
    both = [code for code in fr.codes() | en.codes() if fr.name(code) and en.name(code)]
    assert len(both) >= 240
    for code in ("XKX", "ESH", "PSE", "TWN"):
        assert fr.name(code) and en.name(code)


def test_canonical_names(fr: CountryLexicon, en: CountryLexicon) -> None:
    assert fr.name("MAR") == "Maroc"
    assert en.name("MAR") == "Morocco"
    assert fr.name("CIV") == "Côte d'Ivoire"
    assert fr.name("COD") == "République démocratique du Congo"
    assert en.name("MMR") == "Myanmar"
    assert fr.name("XXX") is None


def has_four_forms(forms: set[str]) -> bool:
    """The masculine/feminine singular/plural of one demonym are all there; an epicene word's four
    forms are two strings (malgache, malgaches), a word in -s has the same masculine plural."""
    return any(
        {m, m + "e", m + "s", m + "es"} <= forms
        or {m, m + "ne", m + "s", m + "nes"} <= forms
        or (m.endswith("s") and {m, m + "e", m + "es"} <= forms)
        or (m.endswith("e") and {m, m + "s"} <= forms)
        or (m.endswith("c") and {m, m + "s", m[:-1] + "que", m[:-1] + "ques"} <= forms)  # turc, turque
        for m in forms
    )


@pytest.mark.parametrize("code", sorted(AFRICA | MIDDLE_EAST | {"PSE", "ESH"}))
def test_african_and_middle_eastern_states_have_french_demonyms_in_four_forms(fr: CountryLexicon, code: str) -> None:
    forms = {f.form for f in fr.forms if f.code == code and f.kind == "demonym"}
    assert has_four_forms(forms), forms


def test_moroccan_demonyms_are_complete(fr: CountryLexicon, en: CountryLexicon) -> None:
    assert {f.form for f in fr.forms if f.code == "MAR" and f.kind == "demonym"} == {
        "marocain", "marocaine", "marocains", "marocaines"}
    assert {f.form for f in en.forms if f.code == "MAR" and f.kind == "demonym"} == {"Moroccan", "Moroccans"}
    assert {f.form for f in fr.forms if f.code == "ESH" and f.kind == "demonym"} == {
        "sahraoui", "sahraouie", "sahraouis", "sahraouies"}


def test_rows_are_well_formed(fr: CountryLexicon, en: CountryLexicon) -> None:
    for lex in (fr, en):
        for f in lex.forms:
            assert len(f.code) == 3 and f.code.isupper()
            assert f.kind in {"name", "demonym", "capital", "seat", "prefix"}
            assert f.form == f.form.strip() and "’" not in f.form


# ---------------------------------------------------------------- lookups


@pytest.mark.parametrize(("text", "code", "kind"), [
    ("Maroc", "MAR", "name"),
    ("marocaines", "MAR", "demonym"),
    ("Rabat", "MAR", "capital"),
    ("l'Élysée", "FRA", "seat"),
    ("Élysée", "FRA", "seat"),
    ("le Kremlin", "RUS", "seat"),
    ("Alger", "DZA", "capital"),
    ("Le Caire", "EGY", "capital"),
    ("Pékin", "CHN", "capital"),
    ("Côte d’Ivoire", "CIV", "name"),  # typographic apostrophe
    ("Côte-d'Ivoire", "CIV", "name"),
    ("les États-Unis", "USA", "name"),
    ("la Maison Blanche", "USA", "seat"),
    ("Moscou", "RUS", "capital"),
    ("Jérusalem", "ISR", "capital"),
    ("Ramallah", "PSE", "capital"),
    ("RDC", "COD", "name"),
    ("Congo", "COG", "name"),
    ("Birmanie", "MMR", "name"),
    ("Tchéquie", "CZE", "name"),
    ("MAROC", "MAR", "name"),  # headline capitals
])
def test_french_lookup(fr: CountryLexicon, text: str, code: str, kind: str) -> None:
    found = fr.lookup(text)
    assert [(f.code, f.kind) for f in found] == [(code, kind)], found


@pytest.mark.parametrize(("text", "code", "kind"), [
    ("the White House", "USA", "seat"),
    ("White House", "USA", "seat"),
    ("Pentagon", "USA", "seat"),
    ("Moroccan", "MAR", "demonym"),
    ("Algiers", "DZA", "capital"),
    ("Cairo", "EGY", "capital"),
    ("Beijing", "CHN", "capital"),
    ("Côte d’Ivoire", "CIV", "name"),
    ("Ivory Coast", "CIV", "name"),
    ("the Kremlin", "RUS", "seat"),
    ("Sahrawi", "ESH", "demonym"),
])
def test_english_lookup(en: CountryLexicon, text: str, code: str, kind: str) -> None:
    found = en.lookup(text)
    assert [(f.code, f.kind) for f in found] == [(code, kind)], found


def test_notes(fr: CountryLexicon, en: CountryLexicon) -> None:
    assert fr.lookup("Pentagone")[0].note == "MIL"
    assert en.lookup("Pentagon")[0].note == "MIL"
    assert fr.lookup("Quai d'Orsay")[0].note == "DIP"
    assert en.lookup("Foggy Bottom")[0].note == "DIP"
    assert en.lookup("State Department")[0].note == "DIP"
    assert fr.lookup("Jérusalem")[0].note == "disputed"
    assert "ambiguous" in en.lookup("Chad")[0].note
    assert "ambiguous" in fr.lookup("Congo")[0].note


def test_shared_demonym_names_both_states(fr: CountryLexicon, en: CountryLexicon) -> None:
    assert codes_of(fr.lookup("congolais")) == ["COD", "COG"]
    assert codes_of(en.lookup("Korean")) == ["KOR", "PRK"]
    assert all("ambiguous" in f.note for f in fr.lookup("congolais"))


def test_an_article_is_not_stripped_from_the_forms(fr: CountryLexicon) -> None:
    # "réunion" is a common word; only "la Réunion" names the island.
    assert fr.lookup("réunion") == []
    assert codes_of(fr.lookup("la Réunion")) == ["REU"]


def test_prefixes_are_not_words(en: CountryLexicon, fr: CountryLexicon) -> None:
    assert en.lookup("Franco") == []
    assert codes_of(en.lookup("Franco", kinds={"prefix"})) == ["FRA"]
    assert codes_of(fr.lookup("maroco", kinds={"prefix"})) == ["MAR"]


def test_unknown_text(fr: CountryLexicon) -> None:
    assert fr.lookup("") == []
    assert fr.lookup("Atlantide") == []


# ---------------------------------------------------------------- acronyms


def test_acronyms_match_only_in_capitals(fr: CountryLexicon, en: CountryLexicon) -> None:
    assert codes_of(en.lookup("USA")) == ["USA"]
    assert codes_of(fr.lookup("USA")) == ["USA"]
    assert en.lookup("usa") == []
    assert en.lookup("Usa") == []
    assert codes_of(en.lookup("US")) == ["USA"]
    assert en.lookup("us") == []
    assert codes_of(en.lookup("U.S.")) == ["USA"]
    assert codes_of(fr.lookup("EAU")) == ["ARE"]
    assert fr.lookup("eau") == []
    assert codes_of(fr.lookup("les USA")) == ["USA"]


# ---------------------------------------------------------------- compounds


@pytest.mark.parametrize(("word", "codes"), [
    ("maroco-mauritanien", ["MAR", "MRT"]),
    ("franco-allemande", ["FRA", "DEU"]),
    ("franco-britannique", ["FRA", "GBR"]),
    ("sino-américain", ["CHN", "USA"]),
    ("israélo-palestinien", ["ISR", "PSE"]),
    ("algéro-marocaines", ["DZA", "MAR"]),
    ("sino-nord-coréen", ["CHN", "PRK"]),
    ("germano-franco-britannique", ["DEU", "FRA", "GBR"]),
    ("Franco-Allemand", ["FRA", "DEU"]),
])
def test_french_compounds(fr: CountryLexicon, word: str, codes: list[str]) -> None:
    assert fr.split_compound(word) == codes


@pytest.mark.parametrize(("word", "codes"), [
    ("Sino-American", ["CHN", "USA"]),
    ("Franco-German", ["FRA", "DEU"]),
    ("Israeli-Palestinian", ["ISR", "PSE"]),
    ("US-China", ["USA", "CHN"]),
    ("Sino–Indian", ["CHN", "IND"]),  # en dash
])
def test_english_compounds(en: CountryLexicon, word: str, codes: list[str]) -> None:
    assert en.split_compound(word) == codes


@pytest.mark.parametrize("word", ["nord-coréen", "Guinée-Bissau", "Côte-d'Ivoire", "indo-européen",
                                  "anglo-saxon", "maroco", "marocain", "franco-", "-marocain"])
def test_french_non_compounds(fr: CountryLexicon, word: str) -> None:
    assert fr.split_compound(word) is None


@pytest.mark.parametrize("word", ["Indo-Pacific", "Anglo-Saxon", "Guinea-Bissau", "well-known", "us-china"])
def test_english_non_compounds(en: CountryLexicon, word: str) -> None:
    assert en.split_compound(word) is None


# ---------------------------------------------------------------- loading


def test_unknown_language() -> None:
    with pytest.raises(LexiconError):
        CountryLexicon.load("de")


def test_cached_per_language() -> None:
    assert country_lexicon("fr") is country_lexicon("fr")
    assert country_lexicon("fr") is not country_lexicon("en")


def test_committed_files_are_the_build_script_output(monkeypatch: pytest.MonkeyPatch) -> None:
    spec = importlib.util.spec_from_file_location("build_countries", ROOT / "scripts" / "build_countries.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, "build_countries", module)  # dataclasses look their module up
    spec.loader.exec_module(module)
    for lang, text in module.build().items():
        path = ROOT / "src" / "communique" / "data" / lang / "countries.tsv"
        assert path.read_text(encoding="utf-8") == text, f"rerun scripts/build_countries.py ({lang})"
