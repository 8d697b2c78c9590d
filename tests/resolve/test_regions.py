"""First-level divisions in the gazetteer (``data/regions.tsv``, built by ``scripts/build_regions.py``).

Before the table, "Borno" was a village of Lombardy, "Tigray" nothing and "Chechnya" a hamlet of
Ukraine: an armed group acting there got the wrong country from the event's place."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from communique.resolve.gazetteer import Gazetteer, gazetteer, normalise, read_regions

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(("name", "lang", "country"), [
    ("Borno", "en", "NGA"), ("Yobe", "fr", "NGA"), ("Far North", "en", "CMR"),
    ("Extrême-Nord", "fr", "CMR"), ("Tigray", "en", "ETH"), ("Cabo Delgado", "fr", "MOZ"),
    ("Nord-Kivu", "fr", "COD"), ("Ouaddaï", "fr", "TCD"), ("Chechnya", "en", "RUS"),
])
def test_a_division_is_found_with_no_context(name: str, lang: str, country: str) -> None:
    place = gazetteer().resolve(name, lang=lang)
    assert place is not None, name
    assert (place.country_code, place.resolution, place.feature_code) == (country, 2, "ADM1")
    assert "first-level division" in place.reason and place.lat is not None and place.lon is not None


def test_a_town_of_a_context_country_beats_a_division_elsewhere() -> None:
    # the village of Lombardy is still there for an article about Italy
    assert gazetteer().resolve("Borno", context_countries=["NGA"]).country_code == "NGA"
    town = gazetteer().resolve("Borno", context_countries=["ITA"])
    assert (town.country_code, town.resolution) == ("ITA", 4)


@pytest.mark.parametrize(("name", "country", "resolution"), [
    ("Kano", "NGA", 4),        # the city before the state of the same name and country
    ("Lagos", "NGA", 4),
    ("Madrid", "ESP", 4),      # a capital before its region
    ("Niger", "NER", 1),       # the country before the Nigerian state
    ("Gaza", "PSE", 2),        # the hand table before Mozambique's province
    ("Kurdistan", "IRQ", 2),   # the hand table's default before Iran's province
])
def test_cities_countries_and_the_hand_table_keep_their_rank(name: str, country: str, resolution: int) -> None:
    place = gazetteer().resolve(name, lang="fr")
    assert (place.country_code, place.resolution) == (country, resolution)


def test_the_table_leaves_out_generic_names() -> None:
    keys = {normalise(r.name) for r in read_regions()}
    assert {"borno", "far north", "tigray", "kidal"} <= keys
    # compass points, common words and country names stand for too much else
    assert not keys & {"centre", "north west", "littoral", "plateau", "delta", "rivers", "niger", "lac"}


def test_divisions_are_read_from_the_file_given(tmp_path: Path, gaz_index) -> None:
    table = tmp_path / "regions.tsv"
    table.write_text("name\tcountry_code\tlat\tlon\tname_fr\tname_en\ttowns\n"
                     "Zorbistan Oriental\tNGA\t10.0\t12.0\tZorbistan oriental\tEastern Zorbistan\t3\n",
                     encoding="utf-8")
    gaz = Gazetteer(gaz_index, [], regions=read_regions(table))
    place = gaz.resolve("Zorbistan Oriental", lang="en")
    assert (place.resolved_place, place.country_code, place.lat) == ("Eastern Zorbistan", "NGA", 10.0)
    assert Gazetteer(gaz_index, []).resolve("Zorbistan Oriental") is None


@pytest.fixture(scope="module")
def gaz_index():
    from communique.resolve.gazetteer import build_index
    return build_index()


def _build_script():
    spec = importlib.util.spec_from_file_location("build_regions", ROOT / "scripts" / "build_regions.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_build_script_averages_towns_and_adds_iso_names(tmp_path: Path) -> None:
    build = _build_script()
    towns = tmp_path / "rg_cities1000.csv"
    towns.write_text("lat,lon,name,admin1,admin2,cc\n"
                     "11.0,13.0,Town A,Borno,,NG\n12.0,14.0,Town B,Borno,,NG\n"
                     "10.5,14.5,Town C,Far North,,CM\n9.0,8.0,Town D,Plateau,,NG\n"
                     "8.0,2.0,Town E,Centre,,CM\n", encoding="utf-8")
    rows = {r[0]: r for r in build.build(towns)}
    assert rows["Borno"][1:4] == ("NGA", "11.5", "13.5")
    # the ISO 3166-2 French name of Cameroon's Far North region is an alias of the same row
    assert rows["Extrême-Nord"][1:6] == ("CMR", "10.5", "14.5", "Extrême-Nord", "Far North")
    assert "Plateau" not in rows and "Centre" not in rows
    assert build.main(["--cities", str(towns), "--check"]) == 1  # the shipped table is not this one


@pytest.mark.parametrize(("text", "lang", "written", "shown", "country"), [
    ("Gunmen killed five soldiers in Borno on Sunday.", "en", "Borno", "Borno", "NGA"),
    ("Des hommes armés ont tué dimanche cinq soldats au Tigray.", "fr", "Tigray", "Tigray", "ETH"),
    ("Des hommes armés ont tué dimanche cinq soldats dans la région de l'Extrême-Nord.", "fr",
     "région de l'Extrême-Nord", "Extrême-Nord", "CMR"),
])
def test_an_armed_group_takes_the_country_of_the_division_it_acts_in(code_text, text, lang, written, shown,
                                                                      country) -> None:
    coded = code_text(text, lang=lang)
    (ev,) = [e for e in coded.events if e.event == "ASSAULT"]
    assert (ev.event_loc.extracted_place, ev.event_loc.resolved_place) == (written, shown)
    assert (ev.event_loc.country_code, ev.event_loc.resolution) == (country, 2)
    assert [a.code for a in ev.actor] == [country] and "from the event's place" in ev.explanation
