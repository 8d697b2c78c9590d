"""Round 8 of actor resolution: unnamed detainees are civilians placed where they are held, a
first-person speaker inside a quotation speaks for his party, and a bare state body or a
conjunct-linked phrase does not take the subject's own state (guidelines §6)."""

from __future__ import annotations


def _parties(coded):
    assert coded.rejected is None, coded.rejected
    return [(e.event, sorted(a.code or "-" for a in e.actor), sorted(r.code or "-" for r in e.recipient),
             sorted(r.sector or "-" for r in e.recipient)) for e in coded.events]


def test_unnamed_suspects_are_civilians_placed_where_arrested(code_text) -> None:
    text = "Au Maroc, des dizaines de suspects ont été arrêtés lundi par les autorités."
    events = _parties(code_text(text, lang="fr"))
    arrests = [e for e in events if e[0] == "COERCE"]
    assert arrests and arrests[0][2] == ["MAR"] and arrests[0][3] == ["CVL"], events


def test_first_person_singular_in_a_quotation_takes_the_speaker(code_text) -> None:
    text = ("« Je condamne fermement cette attaque contre la Lituanie », a déclaré mardi le ministre "
            "polonais de la Défense.")
    events = _parties(code_text(text, lang="fr"))
    accuse = [e for e in events if e[0] == "ACCUSE"]
    assert accuse and accuse[0][1] == ["POL"] and accuse[0][2] == ["LTU"], events


def test_speaker_after_the_speech_verb_read_as_its_object(code_text) -> None:
    # The parser reads the inverted subject of "a déclaré le ministre" as an object.
    text = "« Nous condamnons fermement ces tirs », a déclaré mardi le ministre estonien des Affaires étrangères."
    events = _parties(code_text(text, lang="fr"))
    accuse = [e for e in events if e[0] == "ACCUSE"]
    assert accuse and accuse[0][1] == ["EST"], events


def test_conjunct_is_no_apposition_and_bare_object_skips_subject_state(code_text) -> None:
    text = ("Les combats continuent en Syrie. Le président américain Barack Obama a réagi en dénonçant "
            "le régime et ses alliés russes et iraniens.")
    events = _parties(code_text(text, lang="fr"))
    accuse = [e for e in events if e[0] == "ACCUSE"]
    assert accuse and accuse[0][1] == ["USA"], events
    assert accuse[0][2] == ["IRN", "RUS", "SYR"], events


def test_bare_subject_body_still_takes_the_state_named_last(code_text) -> None:
    events = _parties(code_text("Au Mali, l'armée a attaqué un camp.", lang="fr"))
    assert any(e[0] == "ASSAULT" and e[1] == ["MLI"] for e in events), events
