"""Speakers of quotations: a quoted "we" / "nous" / "je" is the party of the speaker, named in the same
sentence or the one before, even when the parser reads the speaker after the speech verb as its
object (guidelines §6). Sentences written for these tests (the cases taken from the dev set are in
tests/events/test_dev_regressions.py)."""

from __future__ import annotations

from mention_helpers import parties


def test_quoted_we_is_the_speakers_party_named_the_sentence_before(code_text) -> None:
    text = ("Spanish police arrested three Moroccan fishermen off Ceuta on Monday. Portugal's foreign "
            "minister Rui Costa said on Tuesday that the arrests were legal. \"We urge Spain to release "
            "the fishermen,\" he told reporters in Lisbon.")
    events = parties(code_text(text, lang="en"))
    assert ("REQUEST", ["PRT"], ["ESP"]) in events, events


def test_quoted_nous_is_the_speakers_party_in_the_same_sentence(code_text) -> None:
    text = ("« Nous appelons le gouvernement togolais à libérer nos ressortissants », a déclaré mardi le "
            "ministre ghanéen des Affaires étrangères.")
    events = parties(code_text(text, lang="fr"))
    assert ("REQUEST", ["GHA"], ["TGO"]) in events, events


def test_first_person_singular_in_a_quotation_takes_the_speaker(code_text) -> None:
    text = ("« Je condamne fermement cette attaque contre la Lituanie », a déclaré mardi le ministre "
            "polonais de la Défense.")
    events = parties(code_text(text, lang="fr"))
    accuse = [e for e in events if e[0] == "ACCUSE"]
    assert accuse and accuse[0][1] == ["POL"] and accuse[0][2] == ["LTU"], events


def test_speaker_after_the_speech_verb_read_as_its_object(code_text) -> None:
    # The parser reads the inverted subject of "a déclaré le ministre" as an object.
    text = "« Nous condamnons fermement ces tirs », a déclaré mardi le ministre estonien des Affaires étrangères."
    events = parties(code_text(text, lang="fr"))
    accuse = [e for e in events if e[0] == "ACCUSE"]
    assert accuse and accuse[0][1] == ["EST"], events
