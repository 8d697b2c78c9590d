"""Verbs whose compound past takes "être" ("sont convenus", "est arrivé", "sont intervenus"): the
parser often labels that "être" a passive auxiliary and the subject a passive subject. Read as a
passive, the subject would undergo the act, and in the present ("sont convenus") the clause
would be a state; it is neither: the subject acts, and the compound past tells an act done.
Hand-built parses (no spaCy) and one sentence through the coder; sentences written for these tests."""

from __future__ import annotations

from communique.events.detect import _is_passive, _present_state, slots
from communique.parse import Parse

from event_helpers import events, skip_reasons, skipped
from parse_helpers import hand_parse


def _parse(lemma: str, word: str, *, dep: str = "aux:pass") -> Parse:
    """"Les deux pays sont <word> ." with the parser's reading: "sont" a passive auxiliary and the
    countries a passive subject."""
    return hand_parse([
        dict(text="Les", lemma="le", pos="DET", dep="det", head=2),
        dict(text="deux", lemma="deux", pos="NUM", dep="nummod", head=2),
        dict(text="pays", lemma="pays", pos="NOUN", dep="nsubj:pass", head=4),
        dict(text="sont", lemma="être", pos="AUX", dep=dep, head=4, morph="Mood=Ind|Number=Plur|Person=3|Tense=Pres|VerbForm=Fin"),
        dict(text=word, lemma=lemma, pos="VERB", dep="ROOT", head=4, morph="Gender=Masc|Number=Plur|Tense=Past|VerbForm=Part"),
        dict(text=".", lemma=".", pos="PUNCT", dep="punct", head=4),
    ], lang="fr")


def test_the_subject_of_an_etre_verb_acts() -> None:
    parse = _parse("convenir", "convenus")
    verb = parse.tokens[4]
    assert not _is_passive(parse, verb)
    assert [t.text for t in slots(parse, verb, lang="fr")["subj"]] == ["pays"]


def test_a_present_etre_compound_is_no_state() -> None:
    parse = _parse("convenir", "convenus")
    assert not _present_state(parse, parse.tokens[4])


def test_other_verbs_keep_the_passive_reading() -> None:
    # "Les deux pays sont sanctionnés": a real passive; the countries undergo the sanction, and
    # in the present with no agent nor time it describes a state
    parse = _parse("sanctionner", "sanctionnés")
    verb = parse.tokens[4]
    assert _is_passive(parse, verb)
    assert [t.text for t in slots(parse, verb, lang="fr")["obj"]] == ["pays"]
    assert _present_state(parse, verb)


def test_an_agreement_told_in_the_compound_past_with_etre_is_coded(code_with_rules, rules_coder) -> None:
    text = ("Les ministres mauritanien et sénégalais de la Défense sont convenus mardi à Dakar de créer "
            "une commission mixte de sécurité.")
    coded = code_with_rules(text, lang="fr")
    got = events(coded)
    assert any(t == "AGREE" and {"MRT", "SEN"} <= set(actors) | set(recipients) for t, _, actors, recipients in got), got
    assert not skipped(skip_reasons(rules_coder, coded), "convenus", "present-tense passive")
