"""The place model: every place the article names is an option with where it stands, a model
learns what it is given and round-trips, the shipped model places an event whose sentence names
no place, and a low-probability choice never replaces a more specific place of the rules."""

from __future__ import annotations

from pathlib import Path

import pytest

from communique.events.parties import PartyModel
from communique.model import Article
from communique.resolve.place_model import PlacePolicy, place_model, place_options
from communique.train.corpus import PlaceExample
from communique.train.fit import TrainSettings, fit_party_model

pytestmark = pytest.mark.models

VISIT = ("The Malian foreign minister arrived in Dakar on Monday. He met President Macky Sall and the "
         "two sides signed a security agreement.")


@pytest.fixture(scope="module")
def coder():
    from communique.coder import Coder, CoderSettings

    return Coder(CoderSettings(vectors=False, raise_errors=True))


def _parsed(coder, text: str, lang: str):
    from communique.mentions.actors import MentionIndex, find_mentions

    article, parse = next(coder.parse_items([Article(id="p", text=text, lang=lang, published="2025-03-10")]))
    return parse, MentionIndex(parse, find_mentions(parse, coder.actors(lang)))


def test_every_place_of_the_article_is_an_option_with_where_it_stands(coder) -> None:
    from communique.resolve.places import ArticleSetting, article_places

    parse, index = _parsed(coder, VISIT, "en")
    found = article_places(parse, index, context=["MLI", "SEN"], setting=ArticleSetting.of(
        parse, index, context=["MLI", "SEN"], lede=None))
    assert [(f.place.extracted_place, f.place.country_code, f.sentence) for f in found] == [("Dakar", "SEN", 0)]
    signed = next(t for t in parse.tokens if t.text == "signed")
    options = place_options(parse, found, signed, event="AGREE", actors={"MLI"}, recipients={"SEN"},
                            party_tokens=set())
    assert len(options) == 1
    features = set(options[0].features)
    assert {"where=before1", "kind=capital", "party=recipient", "case=en:in"} <= features
    assert "AGREE|party=recipient" in features


def _examples() -> list[PlaceExample]:
    near = ("bias", "where=same", "kind=town", "party=recipient")
    far = ("bias", "where=before4", "kind=country", "party=actor")
    return [PlaceExample("a", near, True), PlaceExample("a", far, False)] * 5


def test_a_model_learns_what_it_is_given_round_trips_and_is_deterministic(tmp_path: Path) -> None:
    model = fit_party_model(_examples(), c=TrainSettings().c_place)
    again = fit_party_model(_examples(), c=TrainSettings().c_place)
    assert model.weights == again.weights and model.bias == again.bias
    near, far = _examples()[:2]
    assert model.probability(near) > 0.5 > model.probability(far)
    model.save(tmp_path, "places")
    place_model.cache_clear()
    loaded = place_model(tmp_path)
    assert loaded is not None and abs(loaded.probability(near) - model.probability(near)) < 1e-4
    assert place_model(tmp_path / "nothing") is None  # a folder without it: the rules place events


def test_the_shipped_model_places_an_event_whose_sentence_names_none(coder) -> None:
    from communique.coder import Coder, CoderSettings

    article = Article(id="visit", text=VISIT, lang="en", published="2025-03-10")
    coded = coder.code_article(article)
    later = [e for e in coded.events if "signed" in e.explanation or e.event in ("AGREE", "SUPPORT", "COOPERATE")]
    assert later, coded.events
    assert later[0].event_loc is not None and later[0].event_loc.extracted_place == "Dakar"
    assert "place model p=" in later[0].event_loc.reason
    rules = Coder(CoderSettings(vectors=False, place_model=False, raise_errors=True)).code_article(article)
    same = [e for e in rules.events if e.event == later[0].event]
    assert same and same[0].event_loc is None  # the rules alone found no place for it


def test_a_vaguer_place_replaces_the_rules_only_when_the_model_is_sure(coder, tmp_path: Path) -> None:
    from communique.coder import Coder, CoderSettings

    text = ("La tension monte au Tchad depuis janvier. Des rebelles ont attaqué mardi une caserne de l'armée "
            "tchadienne à Abéché.")
    article = Article(id="camp", text=text, lang="fr", published="2025-03-10")
    folder = tmp_path / "m"
    folder.mkdir()
    from communique.events.triggers_model import model_folder

    for name in ("triggers.npz", "triggers.json", "parties.json"):
        (folder / name).write_bytes((model_folder() / name).read_bytes())

    def placed(bias: float) -> str | None:
        # A model that only likes countries, at a chosen confidence.
        PartyModel(weights={"kind=country": 20.0}, bias=bias - 20.0, card={}).save(folder, "places")
        place_model.cache_clear()
        got = Coder(CoderSettings(vectors=False, model_dir=folder, raise_errors=True)).code_article(article)
        attacks = [e for e in got.events if e.event == "ASSAULT"]
        assert attacks, got.events
        return attacks[0].event_loc.extracted_place if attacks[0].event_loc else None

    unsure = placed(-0.8)  # p ≈ 0.31: above PlacePolicy.take, below .sure
    assert PlacePolicy().take < 0.31 < PlacePolicy().sure
    assert unsure == "Abéché"  # the rules' town stands
    assert placed(3.0) == "Tchad"  # p ≈ 0.95: the model may choose the country named before
    place_model.cache_clear()
