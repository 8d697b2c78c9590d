"""A trigger row's object cue ("déployer" only for troops, battalions, units…) when the parser
did not find the verb's object: in French reports the day sits between the verb and its object
("a déployé jeudi des unités"), and the parser hangs the object on the day or another modifier.
The verb's other arguments then stand in for the object, not the clauses inside them nor a loose
dependent (in a parse gone astray, the rest of the sentence).
Hand-built parses (no spaCy) and one sentence through the coder; sentences written for these tests."""

from __future__ import annotations

from communique.events.detect import cue_holds, slots
from communique.events.lexicon import trigger_lexicon
from communique.mentions.actors import MentionIndex
from communique.parse import Parse

from event_helpers import events, has
from parse_helpers import hand_parse


def _parse(words: list[tuple[str, str, str, str, int]], *, lang: str = "fr") -> Parse:
    """(text, lemma, POS, dependency, head) rows."""
    return hand_parse([dict(text=t, lemma=lemma, pos=pos, dep=dep, head=head) for t, lemma, pos, dep, head in words],
                      lang=lang)


# "L'armée a déployé jeudi des unités ." with the units parsed as a modifier of the day
_DAY_THEN_OBJECT = [("L'", "le", "DET", "det", 1), ("armée", "armée", "NOUN", "nsubj", 3),
                    ("a", "avoir", "AUX", "aux:tense", 3), ("déployé", "déployer", "VERB", "root", 3),
                    ("jeudi", "jeudi", "NOUN", "obl:mod", 3), ("des", "de", "ADP", "case", 6),
                    ("unités", "unité", "NOUN", "nmod", 4), (".", ".", "PUNCT", "punct", 3)]


def _deploy_row(lang: str = "fr"):
    return next(r for r in trigger_lexicon(lang).candidates("déployer" if lang == "fr" else "deploy", "VERB")
                if r.event == "MOBILIZE")


def _holds(parse: Parse, row, verb: int) -> bool:
    tok = parse.tokens[verb]
    return cue_holds(parse, row, tok, slots(parse, tok, lang=parse.lang), parse.tokens, MentionIndex(parse, []))


def test_an_object_hung_on_the_day_still_satisfies_the_cue() -> None:
    assert _holds(_parse(_DAY_THEN_OBJECT), _deploy_row(), 3)


def test_the_verbs_arguments_stand_in_only_when_no_object_was_parsed() -> None:
    # "L'armée a déployé jeudi une délégation à la frontière des unités" is not the case: with an
    # object parsed, the cue reads that object alone
    words = [("L'", "le", "DET", "det", 1), ("armée", "armée", "NOUN", "nsubj", 3),
             ("a", "avoir", "AUX", "aux:tense", 3), ("déployé", "déployer", "VERB", "root", 3),
             ("une", "un", "DET", "det", 5), ("délégation", "délégation", "NOUN", "obj", 3),
             ("près", "près", "ADV", "case", 8), ("des", "de", "ADP", "case", 8),
             ("unités", "unité", "NOUN", "obl:mod", 3), (".", ".", "PUNCT", "punct", 3)]
    assert not _holds(_parse(words), _deploy_row(), 3)


def test_a_clause_inside_the_arguments_is_no_object() -> None:
    # "Les délégués signent pendant la séance qui précède la déclaration": the declaration belongs
    # to the relative clause of the session, and the signing of an instrument is not read from it
    words = [("Les", "le", "DET", "det", 1), ("délégués", "délégué", "NOUN", "nsubj", 2),
             ("signent", "signer", "VERB", "root", 2), ("pendant", "pendant", "ADP", "case", 5),
             ("la", "le", "DET", "det", 5), ("séance", "séance", "NOUN", "obl:mod", 2),
             ("qui", "qui", "PRON", "nsubj", 7), ("précède", "précéder", "VERB", "acl:relcl", 5),
             ("la", "le", "DET", "det", 9), ("déclaration", "déclaration", "NOUN", "obj", 7),
             (".", ".", "PUNCT", "punct", 2)]
    row = next(r for r in trigger_lexicon("fr").candidates("signer", "VERB") if r.event == "SUPPORT")
    assert not _holds(_parse(words), row, 2)
    # the same declaration as the verb's own argument holds
    words[9] = ("déclaration", "déclaration", "NOUN", "obl:mod", 2)
    assert _holds(_parse(words), row, 2)


def test_a_loose_dependent_is_no_object() -> None:
    # "Déployée depuis 2014, la mission compte 900 militaires": the main clause hung on the
    # participle as a loose dependent tells the mission's size, not what was deployed
    words = [("Déployée", "déployer", "VERB", "root", 0), ("depuis", "depuis", "ADP", "case", 2),
             ("2014", "2014", "NUM", "obl:mod", 0), (",", ",", "PUNCT", "punct", 0),
             ("la", "le", "DET", "det", 5), ("mission", "mission", "NOUN", "dep", 0),
             ("compte", "compte", "NOUN", "flat:name", 5), ("900", "900", "NUM", "nummod", 8),
             ("militaires", "militaire", "NOUN", "conj", 5), (".", ".", "PUNCT", "punct", 0)]
    assert not _holds(_parse(words), _deploy_row(), 0)


def test_english_word_order_keeps_the_object_after_the_verb() -> None:
    # the same stray attachment in English is not read as the object: English reports put the
    # day after the object, and the parser's object is trusted
    words = [("The", "the", "DET", "det", 1), ("army", "army", "NOUN", "nsubj", 2),
             ("deployed", "deploy", "VERB", "ROOT", 2), ("Thursday", "Thursday", "PROPN", "npadvmod", 2),
             ("with", "with", "ADP", "prep", 2), ("units", "unit", "NOUN", "pobj", 4), (".", ".", "PUNCT", "punct", 2)]
    assert not _holds(_parse(words, lang="en"), _deploy_row("en"), 2)


def test_a_deployment_told_with_its_date_first_is_coded(code_text) -> None:
    title = "Des renforts vers l'est"
    text = (f"{title}\n\nL'armée tchadienne a déployé, depuis vendredi, trois nouveaux bataillons vers la "
            "frontière soudanaise.")
    coded = code_text(text, lang="fr", title=title)
    assert [e.event for e in coded.events] == ["MOBILIZE"], coded.events
    assert [(a.code, a.sector) for a in coded.events[0].actor] == [("TCD", "MIL")]



def test_signing_the_minutes_is_part_of_the_meeting_not_an_agreement() -> None:
    # guidelines §3: signing the procès-verbal is part of the CONSULT. The row's exclusion, not only
    # its object list, says so, so that the trigger model may not read the signing as SUPPORT either
    # ("Les délégués ont signé le procès-verbal ." by hand)
    words = [("Les", "le", "DET", "det", 1), ("délégués", "délégué", "NOUN", "nsubj", 3),
             ("ont", "avoir", "AUX", "aux:tense", 3), ("signé", "signer", "VERB", "root", 3),
             ("le", "le", "DET", "det", 5), ("procès-verbal", "procès-verbal", "NOUN", "obj", 3),
             (".", ".", "PUNCT", "punct", 3)]
    parse = _parse(words)
    row = next(r for r in trigger_lexicon("fr").candidates("signer", "VERB") if r.event == "SUPPORT")
    tok = parse.tokens[3]
    assert not cue_holds(parse, row, tok, slots(parse, tok, lang="fr"), parse.tokens, MentionIndex(parse, []),
                         negated_only=True)
    # an accord signed passes the exclusion and the object list
    words[5] = ("accord", "accord", "NOUN", "obj", 3)
    accord = _parse(words)
    assert _holds(accord, row, 3)


def test_a_ship_leaving_port_is_no_withdrawal(code_with_rules, rules_coder) -> None:
    # the trigger model read this departure as a withdrawal; the row's exclusion of ships holds for it too
    ship = code_with_rules("Le patrouilleur espagnol a quitté jeudi le port de Nouakchott.", lang="fr")
    assert not has(events(ship), "RETREAT"), ship.events
    troops = code_with_rules("Les derniers soldats français ont quitté la base de Niamey dimanche.", lang="fr")
    assert has(events(troops), "RETREAT", actors=("FRA",), recipients=("NER",)), troops.events


def test_an_exclusion_of_the_object_holds_only_when_every_conjunct_is_excluded() -> None:
    # "Les délégués ont signé le procès-verbal et un accord ." by hand: an instrument was signed too
    words = [("Les", "le", "DET", "det", 1), ("délégués", "délégué", "NOUN", "nsubj", 3),
             ("ont", "avoir", "AUX", "aux:tense", 3), ("signé", "signer", "VERB", "root", 3),
             ("le", "le", "DET", "det", 5), ("procès-verbal", "procès-verbal", "NOUN", "obj", 3),
             ("et", "et", "CCONJ", "cc", 8), ("un", "un", "DET", "det", 8), ("accord", "accord", "NOUN", "conj", 5),
             (".", ".", "PUNCT", "punct", 3)]
    row = next(r for r in trigger_lexicon("fr").candidates("signer", "VERB") if r.event == "SUPPORT")
    assert _holds(_parse(words), row, 3)
    # the minutes alone stay excluded, however long their phrase
    words[8] = ("ordre", "ordre", "NOUN", "nmod", 5)
    assert not _holds(_parse(words), row, 3)


def test_a_second_object_hung_on_the_verb_with_its_conjunction_is_an_object() -> None:
    # "Les délégués ont signé un procès-verbal ainsi qu'un protocole ." with the protocol parsed as
    # a modifier of the verb (fr_core_news_md does so)
    words = [("Les", "le", "DET", "det", 1), ("délégués", "délégué", "NOUN", "nsubj", 3),
             ("ont", "avoir", "AUX", "aux:tense", 3), ("signé", "signer", "VERB", "root", 3),
             ("un", "un", "DET", "det", 5), ("procès-verbal", "procès-verbal", "NOUN", "obj", 3),
             ("ainsi", "ainsi", "ADV", "cc", 9), ("qu'", "que", "SCONJ", "fixed", 6), ("un", "un", "DET", "det", 9),
             ("protocole", "protocole", "NOUN", "obl:mod", 3), (".", ".", "PUNCT", "punct", 3)]
    parse = _parse(words)
    assert [t.text for t in slots(parse, parse.tokens[3], lang="fr")["obj"]] == ["procès-verbal", "protocole"]
    row = next(r for r in trigger_lexicon("fr").candidates("signer", "VERB") if r.event == "SUPPORT")
    assert _holds(parse, row, 3)


def test_a_day_parsed_as_the_object_leaves_the_words_hung_on_it() -> None:
    # "Le Maroc a fait don lundi de vingt ambulances ." as fr_core_news_md parses it: the gift
    # ("don") hangs on the day, which the parser took for the object
    words = [("Le", "le", "DET", "det", 1), ("Maroc", "Maroc", "PROPN", "nsubj", 3),
             ("a", "avoir", "AUX", "aux:tense", 3), ("fait", "faire", "VERB", "root", 3),
             ("don", "don", "NOUN", "det", 5), ("lundi", "lundi", "NOUN", "obj", 3),
             ("de", "de", "ADP", "case", 8), ("vingt", "vingt", "NUM", "nummod", 8),
             ("ambulances", "ambulance", "NOUN", "nmod", 5), (".", ".", "PUNCT", "punct", 3)]
    parse = _parse(words)
    assert [t.text for t in slots(parse, parse.tokens[3], lang="fr")["obj"]] == ["don", "ambulances"]
    # a bare day is no object at all
    bare = _parse([("Le", "le", "DET", "det", 1), ("ministre", "ministre", "NOUN", "nsubj", 3),
                   ("a", "avoir", "AUX", "aux:tense", 3), ("reçu", "recevoir", "VERB", "root", 3),
                   ("mercredi", "mercredi", "NOUN", "obj", 3), (".", ".", "PUNCT", "punct", 3)])
    assert "obj" not in slots(bare, bare.tokens[3], lang="fr")
