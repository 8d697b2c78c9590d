"""Verbs after which an infinitive tells an act done ("a réussi à rencontrer", "ont pu se
rencontrer", "was able to meet") and the same verbs saying only that it is possible ("peuvent se
rencontrer", "is able to meet"). Hand-built parses (no spaCy) and sentences through the coder;
sentences written for these tests."""

from __future__ import annotations

import pytest

from communique.events.detect import slots
from communique.events.modality import verb_modality
from communique.parse import Parse

from event_helpers import events, skip_reasons, skipped
from parse_helpers import hand_parse

PAST_PART = "Gender=Masc|Number=Sing|Tense=Past|VerbForm=Part"


def _french(head_lemma: str, head_word: str, *, aux: str | None) -> Parse:
    """"Les ministres [ont] <head_word> rencontrer leur homologue ." — "rencontrer" the head's xcomp."""
    words = [dict(text="Les", lemma="le", pos="DET", dep="det", head=1),
             dict(text="ministres", lemma="ministre", pos="NOUN", dep="nsubj", head=3)]
    if aux:
        words.append(dict(text=aux, lemma="avoir", pos="AUX", dep="aux:tense", head=3,
                          morph="Mood=Ind|Number=Plur|Person=3|Tense=Pres|VerbForm=Fin"))
    else:
        words.append(dict(text=",", lemma=",", pos="PUNCT", dep="punct", head=3))
    morph = PAST_PART if aux else "Mood=Ind|Number=Plur|Person=3|Tense=Pres|VerbForm=Fin"
    words += [dict(text=head_word, lemma=head_lemma, pos="VERB", dep="ROOT", head=3, morph=morph),
              dict(text="rencontrer", lemma="rencontrer", pos="VERB", dep="xcomp", head=3, morph="VerbForm=Inf"),
              dict(text="leur", lemma="leur", pos="DET", dep="det", head=6),
              dict(text="homologue", lemma="homologue", pos="NOUN", dep="obj", head=4),
              dict(text=".", lemma=".", pos="PUNCT", dep="punct", head=3)]
    return hand_parse(words, lang="fr")


@pytest.mark.parametrize(("lemma", "word", "aux", "done"), [
    ("pouvoir", "pu", "ont", True),          # "ont pu rencontrer": they met
    ("pouvoir", "peuvent", None, False),     # "peuvent rencontrer": only possible
    ("réussir", "réussi", "ont", True),
    ("parvenir", "parvenu", "ont", True),
    ("vouloir", "voulu", "ont", False),      # a wish, not an act
])
def test_a_french_infinitive_is_an_act_after_an_implicative_verb(lemma, word, aux, done) -> None:
    parse = _french(lemma, word, aux=aux)
    why = verb_modality(parse, parse.tokens[4], lang="fr")
    assert (why is None) is done, why


def _english(copula: str, tense: str) -> Parse:
    """"The minister <copula> able to meet his counterpart ." — spaCy's English reading: the copula
    heads "able" (acomp), "meet" is the adjective's xcomp."""
    return hand_parse([
        dict(text="The", lemma="the", pos="DET", dep="det", head=1),
        dict(text="minister", lemma="minister", pos="NOUN", dep="nsubj", head=2),
        dict(text=copula, lemma="be", pos="AUX", dep="ROOT", head=2, morph=f"Mood=Ind|Tense={tense}|VerbForm=Fin"),
        dict(text="able", lemma="able", pos="ADJ", dep="acomp", head=2),
        dict(text="to", lemma="to", pos="PART", dep="aux", head=5),
        dict(text="meet", lemma="meet", pos="VERB", dep="xcomp", head=3, morph="VerbForm=Inf"),
        dict(text="his", lemma="his", pos="PRON", dep="poss", head=7),
        dict(text="counterpart", lemma="counterpart", pos="NOUN", dep="dobj", head=5),
        dict(text=".", lemma=".", pos="PUNCT", dep="punct", head=2),
    ], lang="en")


def test_was_able_to_meet_is_a_meeting_and_its_subject_is_the_copulas() -> None:
    parse = _english("was", "Past")
    meet = parse.tokens[5]
    assert verb_modality(parse, meet, lang="en") is None
    assert [t.text for t in slots(parse, meet, lang="en")["subj"]] == ["minister"]


def test_is_able_to_meet_is_only_possible() -> None:
    parse = _english("is", "Pres")
    assert verb_modality(parse, parse.tokens[5], lang="en") == "infinitive under 'able' (intention, not an act)"


def test_a_meeting_the_ministers_managed_is_coded(code_with_rules, rules_coder) -> None:
    text = ("Malgré la fermeture de la frontière, le ministre malien des Affaires étrangères a pu "
            "rencontrer lundi à Alger son homologue algérien.")
    coded = code_with_rules(text, lang="fr")
    got = events(coded)
    assert any(t == "CONSULT" and "MLI" in actors and "DZA" in recipients for t, _, actors, recipients in got), got
    # the same sentence with "peut" tells what is possible: no meeting
    coded = code_with_rules(text.replace("a pu", "peut"), lang="fr")
    assert not any(t == "CONSULT" for t, *_ in events(coded))
    assert skipped(skip_reasons(rules_coder, coded), "rencontrer", "infinitive under")
