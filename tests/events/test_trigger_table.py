"""The trigger table's cue column: conditions, negations and alternatives (``||``), as
``events.lexicon`` reads them, and a table row whose second alternative codes what the first
misses. Sentences written for these tests."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from communique.errors import LexiconError
from communique.events.lexicon import _parse_alternatives, trigger_lexicon
from event_helpers import events, has, skip_reasons


def test_alternatives_are_read_as_groups_of_conditions() -> None:
    first, rest = _parse_alternatives("obj:@actor || dep:ccomp !sent:price|prix")
    assert [(c.kind, c.words, c.negated) for c in first] == [("obj", ("@actor",), False)]
    assert [[(c.kind, c.words, c.negated) for c in group] for group in rest] == [
        [("dep", ("ccomp",), False), ("sent", ("price", "prix"), True)]]
    assert _parse_alternatives("child:on|for")[1] == ()


@pytest.mark.parametrize("text", ["obj:@actor ||", "|| sent:war", "obj:@actor || || sent:war"])
def test_an_empty_alternative_is_an_error(text: str) -> None:
    with pytest.raises(LexiconError):
        _parse_alternatives(text)


def test_the_shipped_tables_use_alternatives() -> None:
    warn = [r for r in trigger_lexicon("en").by_lemma[("warn", "VERB")] if r.event == "THREATEN"]
    assert warn and warn[0].or_cues, warn
    assert "||" in warn[0].describe() or warn[0].note


@pytest.mark.parametrize("threat,lang", [
    ("The Polisario commander warned on Monday that his units would intensify the armed struggle against Morocco.",
     "en"),
    ("Le commandant du Polisario a averti lundi que ses unités intensifieraient la lutte armée contre le Maroc.",
     "fr"),
])
def test_a_warning_that_force_will_follow_is_a_threat(code_with_rules, threat, lang) -> None:
    # no warned party as object: the row's second alternative (words of force in the sentence)
    assert has(events(code_with_rules(threat, lang=lang)), "THREATEN", {"ESH"}, {"MAR"}), threat


def test_a_warning_of_prices_is_no_threat(code_with_rules, rules_coder) -> None:
    calm = code_with_rules("The Moroccan central bank warned on Monday that inflation would rise this year.",
                           lang="en")
    assert not any(ev == "THREATEN" for ev, *_ in events(calm)), calm.events
    assert any("'warned'" in r and "no trigger row's cue holds" in r for r in skip_reasons(rules_coder, calm))


@pytest.mark.parametrize("text,lang", [
    ("L'armée nigérienne a déployé lundi des drones le long de la frontière avec le Mali.", "fr"),
    ("The Nigerien army deployed drones along the border with Mali on Monday.", "en"),
])
def test_deploying_drones_is_a_mobilisation(code_with_rules, text, lang) -> None:
    assert has(events(code_with_rules(text, lang=lang)), "MOBILIZE", {"NER"}), text


def test_a_mission_described_as_deployed_is_no_mobilisation(code_with_rules, rules_coder) -> None:
    calm = code_with_rules("Déployée depuis 2014, la MINUSCA compte environ 14 000 militaires et policiers.", lang="fr")
    assert not any(ev == "MOBILIZE" for ev, *_ in events(calm)), calm.events
    assert any("'Déployée'" in r and "no trigger row's cue holds" in r for r in skip_reasons(rules_coder, calm))


def test_a_cue_stem_opens_content_words_not_grammar_words(code_with_rules, rules_coder) -> None:
    # "faire don" (AID) is the row's cue "obj:don"; "dont" is a relative pronoun, not a gift
    toll = code_with_rules("L'attaque d'un camp au Niger a fait sept morts, dont trois soldats nigériens.",
                           lang="fr")
    assert not any(ev == "AID" for ev, *_ in events(toll)), toll.events
    assert any("'fait'" in r and "no trigger row's cue holds" in r for r in skip_reasons(rules_coder, toll))
    gift = code_with_rules("Le Maroc a fait don lundi de vingt ambulances au Niger.", lang="fr")
    assert has(events(gift), "AID", {"MAR"}, {"NER"}), gift.events


@pytest.mark.parametrize("text,lang", [
    ("La Turquie a offert lundi à l'armée guinéenne deux vedettes rapides.", "fr"),
    ("Deux vedettes offertes par le Japon ont été remises jeudi à la marine djiboutienne.", "fr"),
])
def test_equipment_given_is_aid(code_with_rules, text, lang) -> None:
    # guidelines: arms explicitly donated ("offertes") are AID, not an offer (AGREE)
    coded = code_with_rules(text, lang=lang)
    assert any(ev == "AID" for ev, *_ in events(coded)), coded.events
    assert not any(ev in ("AGREE", "RETREAT") for ev, *_ in events(coded)), coded.events


@pytest.mark.parametrize("text,lang,event", [
    ("L'Algérie a offert sa médiation au Mali.", "fr", "AGREE"),
    ("Le Maroc a offert d'accueillir les pourparlers entre le Mali et l'Algérie.", "fr", "AGREE"),
])
def test_an_offer_to_act_is_not_aid(code_with_rules, text, lang, event) -> None:
    coded = code_with_rules(text, lang=lang)
    found = {ev for ev, *_ in events(coded)}
    assert event in found and "AID" not in found, coded.events


def test_a_commitment_is_one_to_act(code_with_rules, rules_coder) -> None:
    # "s'engager" is a promise with the act it promises ("s'engager à libérer"), as "committed to";
    # a convoy "engagé sur la route" promises nothing
    got = events(code_with_rules("Le gouvernement malien s'est engagé mardi à libérer les deux otages français "
                                 "avant la fin du mois.", lang="fr"))
    assert has(got, "AGREE", {"MLI"}, {"FRA"}), got
    coded = code_with_rules("Un convoi de l'armée malienne s'est engagé mardi sur la route de Gao, escorté par "
                            "des drones turcs.", lang="fr")
    assert not events(coded), coded.events
    assert any("'engagé'" in r and "no trigger row's cue holds" in r for r in skip_reasons(rules_coder, coded))


@pytest.mark.parametrize("text,lang,event,actor,recipient", [
    ("A federal grand jury in Washington indicted two Russian military intelligence officers on Friday.",
     "en", "ACCUSE", "USA", "RUS"),
    ("Nigeria's foreign ministry on Monday decried the arrest of its nationals by Ghanaian police.",
     "en", "ACCUSE", "NGA", "GHA"),
    ("L'artillerie russe a pilonné mardi les positions ukrainiennes près de Kharkiv.",
     "fr", "ASSAULT", "RUS", "UKR"),
    ("Le Niger a extradé jeudi vers le Mali deux anciens officiers maliens.", "fr", "COOPERATE", "NER", "MLI"),
    ("Le Japon a octroyé un prêt de 50 millions de dollars au Sénégal.", "fr", "AID", "JPN", "SEN"),
    ("Russian warplanes bombarded rebel positions in Idlib on Tuesday, the Syrian army said.",
     "en", "ASSAULT", "RUS", "SYR"),
    ("Nigeria's president lambasted France on Monday over its military presence in the Sahel.",
     "en", "ACCUSE", "NGA", "FRA"),
    ("La marine russe a canonné dimanche des positions ukrainiennes près d'Odessa.", "fr", "ASSAULT", "RUS", "UKR"),
    ("Algeria's foreign minister on Tuesday berated Morocco over the border incident.", "en", "ACCUSE", "DZA", "MAR"),
    ("Le président ivoirien a vertement tancé jeudi le Burkina Faso.", "fr", "ACCUSE", "CIV", "BFA"),
    # synonyms of words in the table, each row copied from its counterpart ("chide" as "criticize",
    # "menotter" as "arrêter", "amnistier" as "libérer")
    ("Ghana's foreign minister chided Nigeria on Monday over the closure of the border.", "en", "ACCUSE", "GHA", "NGA"),
    ("Kenyan police handcuffed two Somali nationals at the airport in Nairobi on Friday.", "en", "COERCE", "KEN", "SOM"),
    ("Venezuela nationalized the assets of a Spanish oil company on Tuesday.", "en", "COERCE", "VEN", "ESP"),
    ("Niger's junta snubbed the ECOWAS delegation in Niamey on Wednesday.", "en", "REJECT", "NER", "IGO"),
    ("Japan bankrolled a new water plant in Senegal last week.", "en", "AID", "JPN", "SEN"),
    ("Russia amassed troops along the Ukrainian border on Monday.", "en", "MOBILIZE", "RUS", "UKR"),
    ("Le ministre algérien a désapprouvé mardi la décision du Maroc.", "fr", "ACCUSE", "DZA", "MAR"),
    ("La police sénégalaise a menotté jeudi deux ressortissants maliens à Dakar.", "fr", "COERCE", "SEN", "MLI"),
    ("Les autorités guinéennes ont censuré mardi la chaîne française France 24.", "fr", "COERCE", "GIN", "FRA"),
    ("Le Tchad a dénié au Soudan tout droit de regard sur la frontière.", "fr", "REJECT", "TCD", "SDN"),
    ("La France a subventionné en mars la construction d'une école au Niger.", "fr", "AID", "FRA", "NER"),
    ("Le président tunisien a amnistié jeudi trois journalistes français.", "fr", "RETREAT", "TUN", "FRA"),
    ("Russian agents poisoned a Bulgarian arms dealer in Sofia in March, prosecutors said.", "en", "ASSAULT",
     "RUS", "BGR"),
    ("The Gambian president pardoned three Senegalese fishermen on Friday.", "en", "RETREAT", "GMB", "SEN"),
    ("Morocco waived visa requirements for Chinese citizens on Monday.", "en", "CONCEDE", "MAR", "CHN"),
    ("The Malian junta banished a French journalist on Tuesday.", "en", "COERCE", "MLI", "FRA"),
    ("L'aviation tchadienne a anéanti lundi une colonne de rebelles près de Mao.", "fr", "ASSAULT", "TCD", "TCD"),
    ("Le président ivoirien a vertement recadré lundi le Burkina Faso.", "fr", "ACCUSE", "CIV", "BFA"),
    ("Le roi du Maroc a congratulé jeudi le nouveau président sénégalais.", "fr", "SUPPORT", "MAR", "SEN"),
])
def test_words_the_training_corpus_never_contains_are_coded_by_the_table(code_with_rules, text, lang, event,
                                                                        actor, recipient) -> None:
    # "indict", "decry", "pilonner", "extrader", "octroyer" occur nowhere in the training corpus:
    # the trigger model cannot propose them, and their rows leave the retrained model unchanged
    coded = code_with_rules(text, lang=lang)
    assert has(events(coded), event, actors=(actor,), recipients=(recipient,)), coded.events


def test_those_words_are_absent_from_the_training_corpus() -> None:
    # what makes their rows safe to add: no training text holds them, so `communique train`
    # rebuilds the same trigger model (tests/train/test_shipped_models.py) and the rows change
    # nothing but their own words' coding
    train = Path(__file__).resolve().parents[2] / "src" / "communique" / "data" / "train"
    texts = " ".join(p.read_text(encoding="utf-8").lower() for p in sorted(train.glob("*.articles.jsonl")))
    assert texts
    for stem in ("indict", "decried", "decry", "pilonn", "extrad", "octroy", "bombarded", "lambast", "canonn",
                 "berate", "tancé",
                 # the synonyms
                 "chide", "handcuff", "nationaliz", "snubb", "bankroll", "amass", "poison", "pardoned", "waive",
                 "banish", "désapprouv", "menott", "censurer", "censuré", "dénié", "subventionn", "amnisti",
                 "anéant", "liquidé", "liquider", "recadr", "congratulé", "congratuler", "héliport", "pilonnage",
                 "débray"):
        assert not re.search(rf"\b{stem}", texts), stem  # a word beginning so ("deliberate" is no "berate")


@pytest.mark.parametrize("text,event,parties", [
    ("Japan and Ghana signed an exchange of notes on Tuesday for a new grant to the Ghanaian health service.",
     "SUPPORT", {"JPN", "GHA"}),
    ("Guinea released four Sierra Leonean fishermen on Thursday after a week in custody in Conakry.",
     "RETREAT", {"GIN", "SLE"}),
    ("Several thousand people rallied outside the French embassy in Niamey on Sunday, chanting slogans and waving flags.",
     "PROTEST", {"FRA"}),
    ("Tunisia's interior ministry mobilised 5,000 police officers in the capital on Saturday.", "MOBILIZE", {"TUN"}),
])
def test_an_english_cue_list_holds_the_instruments_and_captives_of_the_news(code_with_rules, text, event,
                                                                             parties) -> None:
    # "sign" lists the instruments signed (an exchange of notes, a plan, a roadmap), "release" the
    # people freed (fishermen, migrants, civilians), "rally" the words of a protest (slogans, an
    # embassy), "mobilise" police as well as troops: cue edits, no retrain. The table's row
    # decides, not the trigger model's rescue (which needs p >= 0.8 and may miss the next one)
    coded = code_with_rules(text, lang="en")
    found = [e for e in coded.events if e.event == event
             and parties <= {p.code for p in e.actor} | {p.code for p in e.recipient or []}]
    assert found, [(e.event, e.explanation) for e in coded.events]
    assert "en/triggers.tsv row" in found[0].explanation, found[0].explanation
