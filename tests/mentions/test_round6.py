"""Round 6 of actor resolution: quoted "we" / "nous" takes the speaker's party, a sentence-initial
pronoun the subject of the sentence before, hyphenated titles keep their country."""

from __future__ import annotations


def _parties(coded):
    assert coded.rejected is None, coded.rejected
    return [(e.event, sorted(a.code for a in e.actor), sorted(r.code for r in e.recipient)) for e in coded.events]


def test_quoted_we_is_the_speakers_party_named_the_sentence_before(code_text) -> None:
    text = ("Spanish police arrested three Moroccan fishermen off Ceuta on Monday. Portugal's foreign "
            "minister Rui Costa said on Tuesday that the arrests were legal. \"We urge Spain to release "
            "the fishermen,\" he told reporters in Lisbon.")
    events = _parties(code_text(text, lang="en"))
    assert ("REQUEST", ["PRT"], ["ESP"]) in events, events


def test_quoted_nous_is_the_speakers_party_in_the_same_sentence(code_text) -> None:
    text = ("« Nous appelons le gouvernement togolais à libérer nos ressortissants », a déclaré mardi le "
            "ministre ghanéen des Affaires étrangères.")
    events = _parties(code_text(text, lang="fr"))
    assert ("REQUEST", ["GHA"], ["TGO"]) in events, events


def test_sentence_initial_il_takes_the_previous_sentences_subject(code_text) -> None:
    text = ("L'armée espagnole a arrêté lundi trois pêcheurs marocains au large de Ceuta. Le ministre "
            "portugais des Affaires étrangères s'est exprimé mardi à Lisbonne. Il a appelé le gouvernement "
            "espagnol à libérer les pêcheurs.")
    events = _parties(code_text(text, lang="fr"))
    assert ("REQUEST", ["PRT"], ["ESP"]) in events, events


def test_hyphenated_title_keeps_its_country(code_text) -> None:
    text = ("Le ministre malien de la Défense a été reçu lundi à Niamey par le chef d'état-major des armées "
            "nigériennes, le général Abdou Sidikou.")
    coded = code_text(text, lang="fr")
    consult = [e for e in coded.events if e.event == "CONSULT"]
    assert consult, coded.events
    recipients = [(r.code, r.sector, r.entity_text) for r in consult[0].recipient]
    assert ("NER", "MIL", "le chef d'état-major des armées nigériennes") in recipients, recipients
    assert [a.code for a in consult[0].actor] == ["MLI"]
