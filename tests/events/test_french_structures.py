"""French phrasing a news coder needs: holding another party responsible is an accusation, "persona non
grata" an expulsion; a gathering with no protest is no event; sport results, court sentences and "La
Réunion" are no acts between states; a loan is aid. Sentences written for these tests (the cases
taken from the dev set are in test_dev_regressions.py)."""

from __future__ import annotations

import pytest

from communique.parse import Parse, Sentence, Token
from event_helpers import events, events_and_explanations, has, skip_reasons, skipped


def _parse_of(rows: list[tuple[str, str, str, int]]) -> Parse:
    """A hand-built French parse: one sentence of (word, POS, dependency, head index) rows, the
    lemma being the word."""
    text, toks, at = "", [], 0
    for i, (w, pos, dep, head) in enumerate(rows):
        toks.append(Token(i=i, text=w, lemma=w, pos=pos, dep=dep, head=head, idx=at, ent_type="", ent_iob="O",
                          morph="", sent=0))
        text += w + " "
        at += len(w) + 1
    return Parse(text=text, lang="fr", tokens=toks, sentences=[Sentence(index=0, start=0, end=len(toks),
                                                                        char_start=0, char_end=len(text))])


def test_holding_another_party_responsible_is_an_accusation(code_text) -> None:
    got = events(code_text("Le Niger tient le Tchad pour responsable de l'attaque.", lang="fr"))
    assert has(got, "ACCUSE", {"NER"}, {"TCD"}), got


def test_persona_non_grata_is_an_expulsion(code_text) -> None:
    got = events(code_text("Le gouvernement malien a déclaré jeudi persona non grata le consul du Sénégal à "
                           "Kayes.", lang="fr"))
    assert has(got, "SANCTION", {"MLI"}, {"SEN"}), got
    assert any(ev == "SANCTION" and mode == "expel" for ev, mode, *_ in got), got


@pytest.mark.parametrize("gathering,protest", [
    ("Des centaines de fidèles se sont rassemblés dimanche à Touba pour la prière.",
     "Des centaines de Sénégalais se sont rassemblés dimanche à Touba pour protester contre le gouvernement."),
    pytest.param(
        "Des centaines de Sénégalais se sont rassemblés dimanche à Touba pour la prière.",
        "Des centaines de Sénégalais se sont rassemblés dimanche à Touba pour protester contre le gouvernement.",
        # Known error of the trigger model since the annotated reports were added: "se sont
        # rassemblés" with a state's people as subject reads PROTEST at p=0.86, above the rescue
        # threshold, whatever the purpose; a rescue at 0.9 would fix it but cost 0.004 F1 on the
        # cross-fitted corpus (docs/accuracy.md). Strict: the test fails once the model gets it.
        marks=pytest.mark.xfail(strict=True, reason="trigger model reads any gathering of nationals as a protest")),
])
def test_gathering_without_protest_is_no_event(code_text, gathering, protest) -> None:
    got = events(code_text(gathering, lang="fr"))
    assert not any(ev == "PROTEST" for ev, *_ in got), got
    got = events(code_text(protest, lang="fr"))
    assert has(got, "PROTEST", {"SEN"}), got


@pytest.mark.parametrize("on_a_text,for_a_party", [
    ("Les députés ont voté hier en faveur d'une résolution sur le Mali.",
     "Les députés maliens ont voté hier en faveur du Niger."),
    ("Les députés maliens ont voté hier en faveur d'une résolution sur le Niger.",
     "Les députés maliens ont voté hier en faveur du Niger."),
])
def test_a_vote_on_a_text_is_no_support_for_a_party(code_text, on_a_text, for_a_party) -> None:
    got = events(code_text(on_a_text, lang="fr"))
    assert not any(ev == "SUPPORT" for ev, *_ in got), got
    got = events(code_text(for_a_party, lang="fr"))
    assert has(got, "SUPPORT", {"MLI"}, {"NER"}), got


def test_a_guessed_actor_alone_is_no_event(code_with_rules, rules_coder) -> None:
    # the parser finds no subject ("reproche" read as an adjective of "Ouagadougou") and the
    # clause names nobody acted upon: the state named before the verb would be a guess
    coded = code_with_rules("Ouagadougou reproche au diplomate des « agissements incompatibles avec son "
                            "statut », sans fournir davantage de précisions.", lang="fr", article_id="guess")
    assert coded.events == [], coded.events
    why = rules_coder.skipped["guess"]
    assert any("only a guessed actor" in w for w in why), why


# Each sport result beside the same verb used of a state's act, which is coded.
@pytest.mark.parametrize("text,lang,state_act,event,actor", [
    ("Le Belge Greg Van Avermaet s'est offert un titre olympique samedi à Rio.", "fr",
     "La Belgique a offert un hôpital de campagne samedi au Brésil.", "AID", "BEL"),
    ("L'équipe de France a cédé hier son titre olympique aux États-Unis.", "fr",
     "La France a cédé hier la base militaire aux États-Unis.", "CONCEDE", "FRA"),
    ("L'Espagnol Mario Mola prend le contrôle de la course dès la première étape.", "fr",
     "L'armée espagnole prend le contrôle de la ville dès le premier jour.", "COERCE", "ESP"),
    ("The French relay team conceded the title to the United States on Sunday.", "en",
     "France conceded the disputed islands to the United States on Sunday.", "CONCEDE", "FRA"),
])
def test_sport_results_are_no_acts_between_states(code_text, text, lang, state_act, event, actor) -> None:
    got = events(code_text(text, lang=lang))
    assert got == [], got
    got = events(code_text(state_act, lang=lang))
    assert has(got, event, {actor}), got


def test_a_court_sentence_is_a_conviction_not_a_condemnation(code_text) -> None:
    got = events(code_text("Le tribunal de Buenos Aires a condamné hier l'ancienne présidente argentine pour "
                           "abus de confiance.", lang="fr"))
    assert [ev for ev, *_ in got] == ["SANCTION"], got


def test_la_reunion_is_an_island_not_a_meeting(code_with_rules, rules_coder) -> None:
    coded = code_with_rules("La Réunion : le cyclone Berguitta approche de l'île\n\nLe préfet a fermé hier les "
                            "écoles.", lang="fr")
    assert not any(ev == "CONSULT" for ev, *_ in events(coded)), coded.events
    reasons = skip_reasons(rules_coder, coded)
    assert skipped(reasons, "Réunion", "inside a place name"), reasons


@pytest.mark.parametrize("text,lang,event", [
    ("La Chine a prêté hier 200 millions de dollars au Kenya.", "fr", "AID"),
    ("China lent Kenya 200 million dollars on Monday.", "en", "AID"),
])
def test_a_loan_is_aid_and_a_promised_loan_an_agreement(code_text, text, lang, event) -> None:
    got = events(code_text(text, lang=lang))
    assert [ev for ev, *_ in got] == [event], got



def test_a_title_is_a_person_for_the_cue_of_an_arrest() -> None:
    # "arrêter" needs a person as object (triggers.tsv cue @person): a title or office
    # ("l'ancien président") is one as much as a name is; a thing ("la circulation") is not. The
    # table alone is asked: the trigger model may still read the second as an arrest (p=0.93 with
    # the shipped model, docs/accuracy.md), which is its error, not the cue's.
    from communique.coder import Coder, CoderSettings
    from communique.model import Article

    table = Coder(CoderSettings(vectors=False, trigger_model=False, keep_skips=True, raise_errors=True))

    def code(text: str):
        coded = table.code_article(Article(id="t", text=text, lang="fr"))
        assert coded.rejected is None, coded.rejected
        return coded

    got = events(code("La police allemande a arrêté l'ancien président catalan à la frontière danoise."))
    assert any(ev == "COERCE" and mode == "arrest" for ev, mode, *_ in got), got
    coded = code("La police allemande a arrêté la circulation à la frontière danoise.")
    assert not any(mode == "arrest" for _, mode, *_ in events(coded)), coded.events
    assert any("'arrêté'" in s and "no trigger row's cue holds" in s for s in table.skipped["t"]), table.skipped


def test_a_partitive_object_is_the_verbs_object(code_with_rules, rules_coder) -> None:
    # fr_core_news_md reads "du"/"des" before a mass noun as a preposition: "matériel" becomes an
    # obl:arg and the verb has no object, so the donation row's object cue never held
    coded = code_with_rules("Mardi, la Russie a en outre offert du matériel de transmission à l'armée nigérienne.",
                            lang="fr", published="2025-09-09", article_id="partitive")
    assert has(events(coded), "AID", {"RUS"}, {"NER"}), coded.events


def test_a_far_du_phrase_is_no_object() -> None:
    # "menacent … la sécurité du pays": a "du" phrase away from the verb is another word's
    # complement, not a partitive object (the parser may still hang it on the verb)
    from communique.events.detect import _partitive_object

    words = [("acteurs", "NOUN", "nsubj", 1), ("menacent", "VERB", "ROOT", 1), (",", "PUNCT", "punct", 1),
             ("la", "DET", "det", 4), ("sécurité", "NOUN", "obl:mod", 1), ("du", "ADP", "case", 6),
             ("pays", "NOUN", "obl:arg", 1)]
    near = [("Russie", "PROPN", "nsubj", 1), ("offert", "VERB", "ROOT", 1), ("du", "ADP", "case", 3),
            ("matériel", "NOUN", "obl:arg", 1)]

    far, close = _parse_of(words), _parse_of(near)
    assert _partitive_object(far, far.tokens[1]) is None
    assert _partitive_object(close, close.tokens[1]) is close.tokens[3]


def test_a_subject_hung_on_the_auxiliary_is_the_participles() -> None:
    # "Les deux parties ont par ailleurs convenu de…": with an adverb between them the parser may
    # tag "ont" a verb and hang the subject on it, leaving the participle with none
    from communique.events.detect import slots

    on_aux = _parse_of([("Les", "DET", "det", 2), ("deux", "NUM", "nummod", 2), ("parties", "NOUN", "nsubj", 3),
                       ("ont", "VERB", "aux:tense", 6), ("par", "ADP", "case", 5), ("ailleurs", "ADV", "obl:mod", 6),
                       ("convenu", "VERB", "ROOT", 6)])
    assert [t.text for t in slots(on_aux, on_aux.tokens[6], lang="fr")["subj"]] == ["parties"]
    on_verb = _parse_of([("Les", "DET", "det", 2), ("deux", "NUM", "nummod", 2), ("parties", "NOUN", "nsubj", 4),
                        ("ont", "AUX", "aux:tense", 4), ("convenu", "VERB", "ROOT", 4)])
    assert [t.text for t in slots(on_verb, on_verb.tokens[4], lang="fr")["subj"]] == ["parties"]


def test_an_object_hung_on_the_day_before_it_is_the_verbs() -> None:
    # "Les États-Unis ont remis vendredi quatre vedettes à la marine": fr_core_news_md may hang
    # "vedettes" on "vendredi" (nmod of the obl:mod day), leaving the verb with no object, so no
    # object cue of the table could hold
    from communique.events.detect import slots

    rows = [("Les", "DET", "det", 1), ("États-Unis", "PROPN", "nsubj", 3), ("ont", "AUX", "aux:tense", 3),
            ("remis", "VERB", "ROOT", 3), ("vendredi", "NOUN", "obl:mod", 3), ("quatre", "NUM", "nummod", 6),
            ("vedettes", "NOUN", "nmod", 4), ("à", "ADP", "case", 9), ("la", "DET", "det", 9),
            ("marine", "NOUN", "nmod", 6)]
    parse = _parse_of(rows)
    assert [t.text for t in slots(parse, parse.tokens[3], lang="fr")["obj"]] == ["vedettes"]
    # a noun with its own preposition under the day ("vendredi à Tunis") is no object
    rows[6] = ("Tunis", "NOUN", "nmod", 4)
    parse = _parse_of([*rows, ("à", "ADP", "case", 6)])
    assert "obj" not in slots(parse, parse.tokens[3], lang="fr")


def test_an_object_hung_on_a_phrase_before_it_is_the_verbs() -> None:
    # "Le Mali a décidé dans la foulée la fermeture du poste": the parser hangs "fermeture" on
    # "foulée", the noun of the phrase before it, as it hangs an object on the day
    from communique.events.detect import slots

    rows = [("Le", "DET", "det", 1), ("Mali", "PROPN", "nsubj", 3), ("a", "AUX", "aux:tense", 3),
            ("décidé", "VERB", "ROOT", 3), ("dans", "ADP", "case", 6), ("la", "DET", "det", 6),
            ("foulée", "NOUN", "obl:arg", 3), ("la", "DET", "det", 8), ("fermeture", "NOUN", "nmod", 6),
            ("du", "ADP", "case", 10), ("poste", "NOUN", "nmod", 8)]
    parse = _parse_of(rows)
    assert [t.text for t in slots(parse, parse.tokens[3], lang="fr")["obj"]] == ["fermeture"]
    # the "de" phrase of the phrase's noun is its own: no object ("dans le cadre du plan")
    rows[7:] = [("du", "ADP", "case", 8), ("plan", "NOUN", "nmod", 6)]
    parse = _parse_of(rows)
    assert "obj" not in slots(parse, parse.tokens[3], lang="fr")


@pytest.mark.parametrize("text", [
    # (a control: the pinned parser gives this one its object directly)
    "Le gouvernement sénégalais a ordonné mardi la fermeture de sa frontière avec la Gambie.",
    # "fermeture" hung on "soirée"
    "Le gouvernement sénégalais a décidé dans la soirée la fermeture de sa frontière avec la Gambie.",
])
def test_an_event_noun_hung_on_the_day_keeps_its_light_verb(code_with_rules, rules_coder, text) -> None:
    coded = code_with_rules(text, lang="fr")
    got = events(coded)
    assert has(got, "SANCTION", {"SEN"}, {"GMB"}) or has(got, "SANCTION", {"GMB"}, {"SEN"}), got
    assert any("light verb" in e.explanation for e in coded.events)


@pytest.mark.parametrize("text,event,actor,recipient", [
    # an event noun begun or resumed is told as done, as one launched ("a lancé des frappes")
    ("La coalition menée par les États-Unis a débuté des frappes aériennes contre l'État islamique en Syrie.",
     "ASSAULT", "USA", "SYR"),
    ("L'armée irakienne a repris l'offensive contre les djihadistes de l'État islamique à Mossoul.",
     "ASSAULT", "IRQ", None),
    ("Le Mali et le Niger ont commencé des négociations à Niamey.", "CONSULT", "MLI", None),
])
def test_an_event_noun_begun_or_resumed(code_with_rules, text, event, actor, recipient) -> None:
    got = events_and_explanations(code_with_rules(text, lang="fr"))
    assert has(got, event, {actor}, {recipient} if recipient else ()), got
    # a rule of the grammar words, not the trigger model's reading of the verb ("support verb")
    assert any("light verb" in why for *_, why in got), got


def test_a_noun_begun_in_the_future_is_no_event(code_with_rules) -> None:
    # minimal pair of the above: the light verb's own tense decides
    got = events(code_with_rules("La coalition débutera la semaine prochaine des frappes aériennes contre "
                                 "l'État islamique en Syrie.", lang="fr"))
    assert not any(ev == "ASSAULT" for ev, *_ in got), got


def test_a_protest_framing_the_clause_needs_an_author_of_its_own(code_with_rules, rules_coder) -> None:
    # the police act in the clause; the protest that frames it is theirs only if the text says whose
    named = code_with_rules("La police nigérienne a interpellé vendredi quarante personnes lors d'une manifestation "
                            "d'étudiants maliens devant l'ambassade.", lang="fr")
    assert has(events(named), "PROTEST", actors=("MLI",)), named.events
    bare = code_with_rules("La police nigérienne a interpellé vendredi quarante personnes lors d'une manifestation "
                           "devant l'ambassade de France.", lang="fr")
    assert has(events(bare), "COERCE", actors=("NER",)), bare.events
    assert not any(e.event == "PROTEST" for e in bare.events), bare.events
    assert skipped(skip_reasons(rules_coder, bare), "manifestation", "framing the clause, with no author of its own")
    # the same in English: "during protests", the clause's subject is no protester
    coded = code_with_rules("Nigerien police arrested forty people in Niamey on Friday during protests against the "
                            "French embassy.", lang="en")
    assert has(events(coded), "COERCE", actors=("NER",)) and not any(e.event == "PROTEST" for e in coded.events)


def test_what_a_state_orders_its_own_agents_to_do_is_its_act(code_with_rules, rules_coder) -> None:
    # "a leader instructing his own ministers to send relief is AID, not REQUEST" (issue 13)
    own = code_with_rules("Le président nigérian a ordonné à ses ministres d'envoyer des secours au Niger.",
                          lang="fr")
    assert has(events(own), "AID", actors=("NGA",), recipients=("NER",)), own.events
    assert not has(events(own), "REQUEST"), own.events
    army = code_with_rules("Le président tchadien a ordonné à l'armée de se retirer de la frontière nigérienne.",
                           lang="fr")
    assert has(events(army), "RETREAT", actors=("TCD",)), army.events
    # an order to another state is a demand, and what it is told to do is not done
    other = code_with_rules("Le Mali a ordonné à la France de cesser ses opérations militaires.", lang="fr")
    assert has(events(other), "REQUEST", actors=("MLI",), recipients=("FRA",)), other.events
    assert skipped(skip_reasons(rules_coder, other), "cesser", "intention, not an act"), other.events
