"""Who is who: demonyms, metonyms, nested institutions, compounds, references, the actor file."""

from __future__ import annotations

from pathlib import Path

import pytest

from communique.coder import Coder, CoderSettings
from communique.model import Article


def _parties(coded):
    assert coded.rejected is None, coded.rejected
    return [([(a.code, a.sector) for a in e.actor], [(r.code, r.sector) for r in e.recipient]) for e in coded.events]


@pytest.mark.parametrize("subject,code", [
    ("L'armée marocaine", "MAR"), ("Les forces armées marocaines", "MAR"), ("Les militaires marocains", "MAR"),
    ("La marine marocaine", "MAR"),
])
def test_demonym_forms_give_the_country(code_text, subject, code) -> None:
    parties = _parties(code_text(f"{subject} a attaqué des positions rebelles près de Kidal.", lang="fr"))
    assert parties and parties[0][0][0] == (code, "MIL")


@pytest.mark.parametrize("text,lang,actor", [
    ("L'Élysée a condamné l'attaque contre l'ambassade d'Algérie.", "fr", ("FRA", "GOV")),
    ("Le Kremlin a condamné les sanctions contre la Syrie.", "fr", ("RUS", "GOV")),
    ("The White House condemned the attack on the Malian army.", "en", ("USA", "GOV")),
    ("Rabat a rappelé son ambassadeur à Alger.", "fr", ("MAR", "GOV")),
])
def test_metonyms(code_text, text, lang, actor) -> None:
    parties = _parties(code_text(text, lang=lang))
    assert parties and parties[0][0][0] == actor


def test_nested_institution_takes_innermost_body_and_modifier_country(code_text) -> None:
    text = ("Une délégation de l'État-major général des Forces armées royales marocaines s'est rendue "
            "à Nouakchott.")
    parties = _parties(code_text(text, lang="fr"))
    assert parties[0][0] == [("MAR", "MIL")]


def test_hyphenated_compound_gives_both_states(code_text) -> None:
    coded = code_text("Les forces maroco-mauritaniennes ont mené des patrouilles conjointes et ont attaqué "
                      "un convoi de trafiquants.", lang="fr")
    codes = {c for actors, recips in _parties(coded) for c, _ in actors + recips}
    assert {"MAR", "MRT"} <= codes


def test_counterpart_refers_to_the_other_state(code_text) -> None:
    text = ("Le Maroc et la Tunisie veulent relancer leur coopération. Le ministre tunisien des Affaires "
            "étrangères a rencontré son homologue mardi.")
    parties = _parties(code_text(text, lang="fr"))
    assert parties and parties[0][0] == [("TUN", "GOV")] and parties[0][1][0][0] == "MAR"


def test_the_two_countries(code_text) -> None:
    text = ("Le Niger et le Tchad partagent une longue frontière. Les deux pays ont signé lundi un accord "
            "de défense.")
    coded = code_text(text, lang="fr")
    support = [e for e in coded.events if e.event == "SUPPORT"]
    assert support and {a.code for a in support[0].actor} == {"NER", "TCD"}


def test_actor_file_with_validity_dates(tmp_path: Path) -> None:
    actors = tmp_path / "actors.tsv"
    actors.write_text("form\tkind\tcode\tsector\tother_sectors\tcontext\tname\tlang\tvalid_from\tvalid_to\n"
                      "Brigade Zenith\torg\tMLI\tMIL\t\tmilitary\tBrigade Zenith\tfr\t2024-01-01\t2024-12-31\n",
                      encoding="utf-8")
    coder = Coder(settings=CoderSettings(actor_file=actors, raise_errors=True))
    text = "La Brigade Zenith a attaqué un poste frontalier du Burkina Faso."
    inside = coder.code_article(Article(id="a", text=text, lang="fr", published="2024-06-01"))
    assert _parties(inside)[0][0] == [("MLI", "MIL")]
    assert "actors.tsv" in inside.events[0].actor[0].reason
    outside = coder.code_article(Article(id="b", text=text, lang="fr", published="2025-06-01"))
    assert all(a.code != "MLI" for e in outside.events for a in e.actor)


def test_actor_file_with_a_bad_date_is_a_clear_error(tmp_path: Path) -> None:
    from communique.errors import LexiconError
    from communique.lexicon.actors import ActorLexicon

    actors = tmp_path / "actors.tsv"
    actors.write_text("form\tkind\tcode\tsector\tvalid_from\nX Corps\torg\tMLI\tMIL\t1er janvier\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="ISO date"):
        ActorLexicon.load("fr", user_file=actors)


def test_country_names_are_proper_names() -> None:
    """"La Réunion" is the island, "la réunion" a meeting; a leading article may be lower case."""
    from communique.lexicon.actors import actor_lexicon

    matcher = actor_lexicon("fr").matcher

    def codes(text: str) -> set[str | None]:
        return {e.code for m in matcher.find(text) for e in m.entries if e.kind == "country"}

    assert "REU" not in codes("Lors de la réunion officielle, les deux parties ont parlé.")
    assert "REU" in codes("Le ministre s'est rendu à La Réunion.")
    assert "EGY" in codes("Il est arrivé au Caire, puis le Caire a répondu.")
    assert "MAR" in codes("marocains") and "MAR" in codes("le Maroc")
