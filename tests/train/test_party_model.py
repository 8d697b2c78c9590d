"""The party model: options and their features on a hand-built parse (no spaCy), a model that
learns what it is given and round-trips, the implied side written with its reason, and the
shipped model supplying the party a clause left unnamed."""

from __future__ import annotations

from pathlib import Path

import pytest

from communique.events.build import Draft
from communique.events.detect import Candidate
from communique.events.lexicon import Trigger
from communique.events.parties import PartyModel, PartyPolicy, imply_parties, party_options
from communique.lexicon.actors import actor_lexicon
from communique.mentions.actors import MentionIndex, find_mentions
from communique.model import Entity, Event
from communique.parse import Parse, Sentence, Token
from communique.train.corpus import PartyExample
from communique.train.fit import TrainSettings, fit_party_model

# Two sentences by hand: "Le Mali accuse l' Algérie ." and "Le ministre a réclamé une enquête ."
WORDS = [
    [("Le", "le", "DET", "det", 1), ("Mali", "Mali", "PROPN", "nsubj", 2), ("accuse", "accuser", "VERB", "ROOT", 2),
     ("l'", "le", "DET", "det", 4), ("Algérie", "Algérie", "PROPN", "obj", 2), (".", ".", "PUNCT", "punct", 2)],
    [("Le", "le", "DET", "det", 1), ("ministre", "ministre", "NOUN", "nsubj", 3), ("a", "avoir", "AUX", "aux", 3),
     ("réclamé", "réclamer", "VERB", "ROOT", 3), ("une", "un", "DET", "det", 5),
     ("enquête", "enquête", "NOUN", "obj", 3), (".", ".", "PUNCT", "punct", 3)],
]


def _parse() -> Parse:
    tokens, sentences, text = [], [], ""
    for s, words in enumerate(WORDS):
        first, char_start = len(tokens), len(text)
        for text_, lemma, pos, dep, head in words:
            if text and not text.endswith("'"):
                text += " "
            tokens.append(Token(i=len(tokens), text=text_, idx=len(text), lemma=lemma, pos=pos, dep=dep,
                                head=first + head, sent=s,
                                ent_type="LOC" if text_ in ("Mali", "Algérie") else ""))
            text += text_
        sentences.append(Sentence(s, first, len(tokens), char_start, len(text)))
    return Parse(text=text, tokens=tokens, sentences=sentences, lang="fr")


@pytest.fixture(scope="module")
def parsed() -> tuple[Parse, MentionIndex]:
    parse = _parse()
    return parse, MentionIndex(parse, find_mentions(parse, actor_lexicon("fr")))


def test_every_other_state_is_an_option_with_where_it_stands(parsed) -> None:
    parse, index = parsed
    asked = parse.tokens[9]  # "réclamé", second sentence
    options = {o.code: o for o in party_options(parse, index, asked, event="REQUEST", role="recipient",
                                                exclude={"MLI"})}
    assert set(options) == {"DZA"}  # the actor's own state is no option
    dza = options["DZA"]
    assert dza.sentences_away == 1 and dza.mention.text == "Algérie"
    assert {"recipient|before=1", "recipient|other_sentence", "recipient|recency=0",
            "recipient|REQUEST|recency=0"} <= set(dza.features)
    accuse = parse.tokens[2]
    both = {o.code: o for o in party_options(parse, index, accuse, event="ACCUSE", role="recipient", exclude=set())}
    assert "recipient|same_sentence" in both["DZA"].features and "recipient|side=right" in both["DZA"].features
    assert "recipient|path=obj" in both["DZA"].features  # the object of the trigger itself
    assert "recipient|side=left" in both["MLI"].features


def _examples() -> list[PartyExample]:
    out = []
    for _ in range(20):
        out.append(PartyExample("a", ("bias", "recipient|recency=0", "recipient|before=1"), True))
        out.append(PartyExample("a", ("bias", "recipient|recency=1", "recipient|before=5"), False))
        out.append(PartyExample("a", ("bias", "recipient|recency=none", "recipient|after=2"), False))
    return out


def test_a_model_learns_what_it_is_given_round_trips_and_is_deterministic(tmp_path: Path) -> None:
    model = fit_party_model(_examples(), settings=TrainSettings())
    from communique.events.parties import PartyOption

    near = PartyOption("DZA", "GOV", None, 1, ("bias", "recipient|recency=0", "recipient|before=1"))  # type: ignore[arg-type]
    far = PartyOption("TUN", "GOV", None, 5, ("bias", "recipient|recency=1", "recipient|before=5"))  # type: ignore[arg-type]
    assert model.probability(near) > 0.8 > 0.2 > model.probability(far)
    assert model.best([far, near])[0].code == "DZA"
    model.card = {"name": "parties"}
    model.save(tmp_path)
    back = PartyModel.load(tmp_path)
    assert back.probability(near) == pytest.approx(model.probability(near), abs=1e-3)
    assert fit_party_model(_examples()).weights == model.weights


def _draft(parse: Parse, actor: Entity) -> Draft:
    trig = Trigger(lemma="réclamer", pos="VERB", event="REQUEST", mode=None, context=(), roles=(), cues=(),
                   needs=frozenset(), note="test", row=0)
    verb = parse.tokens[9]
    cand = Candidate(sentence=1, trigger=verb, anchor=verb, entry=trig)
    return Draft(event="REQUEST", mode=None, candidates=[cand], actors=[actor], sentences=[1])


def test_the_implied_side_is_written_with_its_reason_or_not_at_all(parsed) -> None:
    parse, index = parsed
    model = fit_party_model(_examples())
    mali = Entity(code="MLI", sector="GOV", entity_text="Le ministre", start=34, end=45)
    draft = _draft(parse, mali)
    imply_parties(draft, parse, index, model, policy=PartyPolicy())
    assert [e.code for e in draft.recipients] == ["DZA"]
    assert draft.recipients[0].entity_text == "Algérie"
    assert "implied recipient" in draft.recipients[0].reason and "party model p=" in draft.recipients[0].reason
    cautious = _draft(parse, mali)
    imply_parties(cautious, parse, index, model, policy=PartyPolicy(recipient=0.999))
    assert cautious.recipients == []  # not likely enough: the record keeps one side
    mutual = _draft(parse, mali)
    mutual.actors.append(Entity(code="NER", sector="GOV", entity_text="Niger", start=0, end=5))
    imply_parties(mutual, parse, index, model, policy=PartyPolicy())
    assert mutual.recipients == []  # two actors and no recipient: a reciprocal act stays so


def test_a_party_with_no_state_gets_the_likeliest_one_and_keeps_its_words(parsed) -> None:
    parse, index = parsed
    model = fit_party_model(_examples())
    mali = Entity(code="MLI", sector="GOV", entity_text="Le ministre", start=34, end=45)
    # the recipient is named ("le colonel X"), its state is not: that side is filled, not added to
    draft = _draft(parse, mali)
    nobody = Entity(code=None, sector="MIL", entity_text="le colonel X", start=0, end=12, reason="sector MIL from title")
    draft.recipients = [nobody]
    imply_parties(draft, parse, index, model, policy=PartyPolicy())
    assert [(e.code, e.sector, e.entity_text) for e in draft.recipients] == [("DZA", "MIL", "le colonel X")]
    assert draft.recipients[0].reason.startswith("sector MIL from title; its state: 'Algérie' (DZA)")
    assert "party model p=" in draft.recipients[0].reason
    cautious = _draft(parse, mali)
    cautious.recipients = [nobody]
    imply_parties(cautious, parse, index, model, policy=PartyPolicy(country=1.1))
    assert cautious.recipients == [nobody]  # off: the party stays without a state
    # neither side names a state: the recipient's first, then the actor's among the others
    both = _draft(parse, Entity(code=None, sector="GOV", entity_text="Le ministre", start=34, end=45))
    both.recipients = [nobody]
    imply_parties(both, parse, index, model, policy=PartyPolicy(country=0.0))
    codes = ([e.code for e in both.actors], [e.code for e in both.recipients])
    assert codes[1][0] is not None and codes[0][0] is not None and codes[0][0] != codes[1][0], codes


@pytest.mark.models
def test_the_shipped_model_names_the_party_the_clause_left_out() -> None:
    from communique.coder import Coder, CoderSettings
    from communique.model import Article

    text = ("Nouakchott convoque l'ambassadeur malien\n\n"
            "La Mauritanie a convoqué mardi l'ambassadeur du Mali à Nouakchott après l'incursion de soldats "
            "dans un village frontalier. Le ministre mauritanien des Affaires étrangères a réclamé mardi "
            "l'ouverture d'une enquête conjointe.")
    article = Article(id="implied", text=text, title="Nouakchott convoque l'ambassadeur malien", lang="fr",
                      published="2025-05-14")
    coded = Coder(CoderSettings(vectors=False, raise_errors=True)).code_article(article)
    assert coded.rejected is None
    requests = [e for e in coded.events if e.event == "REQUEST"]
    assert requests, coded.events
    assert requests[0].actor[0].code == "MRT" and [r.code for r in requests[0].recipient] == ["MLI"]
    assert "implied recipient" in requests[0].explanation
    without = Coder(CoderSettings(vectors=False, party_model=False, raise_errors=True)).code_article(article)
    assert all(not e.recipient for e in without.events if e.event == "REQUEST")


def test_a_recipient_guessed_from_the_trigger_phrase_gives_way_to_a_likelier_state() -> None:
    """"ready to provide assistance in coordination with the United Nations": the clause names
    no recipient, the rules take the state named in the trigger's phrase (the UN) and the model,
    weighing it against the article's states, takes Myanmar, the country the help is for."""
    from communique.coder import Coder, CoderSettings
    from communique.model import Article

    title = "Floods: Japan promises help"
    text = (f"{title}\n\nHeavy floods struck Myanmar's Bago region last week. Japan is ready to provide further "
            "assistance in close coordination with the United Nations, its foreign minister said on Tuesday.")
    article = Article(id="guessed", text=text, title=title, lang="en", published="2025-05-06")

    def offer(policy: PartyPolicy):
        coded = Coder(CoderSettings(vectors=False, raise_errors=True, party_policy=policy)).code_article(article)
        assert coded.rejected is None
        found = [e for e in coded.events if e.event == "AGREE" and "assistance" in e.event_text[0].text]
        assert len(found) == 1, coded.events
        return found[0]

    weighed = offer(PartyPolicy())
    assert weighed.actor[0].code == "JPN" and [r.code for r in weighed.recipient] == ["MMR"]
    assert "the trigger's phrase names 'United Nations' (UNO" in weighed.recipient[0].reason
    guessed = offer(PartyPolicy(overrule=2.0))  # the model never overrules: the rules' guess stays
    assert [r.code for r in guessed.recipient] == ["UNO"]
    assert guessed.recipient[0].reason.startswith("fallback recipient")


def test_a_model_folder_from_before_the_party_model_codes_without_it(tmp_path: Path) -> None:
    from communique.events.parties import party_model

    (tmp_path / "triggers.json").write_text("{}", encoding="utf-8")  # what an older `train -o` wrote
    assert party_model(tmp_path) is None
    fit_party_model(_examples()).save(tmp_path)
    party_model.cache_clear()
    assert party_model(tmp_path) is not None


def test_a_state_agent_gets_no_armed_group_for_its_state() -> None:
    # "Le Mali accuse Al-Qaïda ." then "Le porte-parole a réclamé une enquête .": the spokesman's
    # sector is a government's, so Al-Qaïda (IMG) is no state for him, however likely; a party
    # with no state sector may still get it
    words = [[("Le", "le", "DET", "det", 1), ("Mali", "Mali", "PROPN", "nsubj", 2),
              ("accuse", "accuser", "VERB", "ROOT", 2), ("Al-Qaïda", "Al-Qaïda", "PROPN", "obj", 2),
              (".", ".", "PUNCT", "punct", 2)],
             WORDS[1]]
    tokens, sentences, text = [], [], ""
    for s, row in enumerate(words):
        first, char_start = len(tokens), len(text)
        for text_, lemma, pos, dep, head in row:
            text += " " if text else ""
            tokens.append(Token(i=len(tokens), text=text_, idx=len(text), lemma=lemma, pos=pos, dep=dep,
                                head=first + head, sent=s, ent_type="LOC" if text_ == "Mali" else ""))
            text += text_
        sentences.append(Sentence(s, first, len(tokens), char_start, len(text)))
    parse = Parse(text=text, tokens=tokens, sentences=sentences, lang="fr")
    index = MentionIndex(parse, find_mentions(parse, actor_lexicon("fr")))
    options = party_options(parse, index, parse.tokens[8], event="REQUEST", role="recipient", exclude={"MLI"})
    assert "IMG" in {o.code for o in options}  # the armed group is an option for an implied party
    model = fit_party_model(_examples())
    mali = Entity(code="MLI", sector="GOV", entity_text="Le Mali", start=0, end=7)
    for sector, allowed in (("GOV", False), ("REB", True)):
        draft = _draft(parse, mali)
        draft.recipients = [Entity(code=None, sector=sector, entity_text="Le porte-parole", start=30, end=45,
                                   reason=f"sector {sector} from title")]
        imply_parties(draft, parse, index, model, policy=PartyPolicy(country=0.0))
        assert (draft.recipients[0].code == "IMG") is allowed, (sector, draft.recipients[0])


def _coded_once(title: str, body: str, policy: PartyPolicy, keep) -> Event:
    """The one event of a made-up English article (shipped models) that ``keep`` selects."""
    from communique.coder import Coder, CoderSettings
    from communique.model import Article

    article = Article(id="weighed", text=f"{title}\n\n{body}", title=title, lang="en", published="2025-05-07")
    coded = Coder(CoderSettings(vectors=False, raise_errors=True, party_policy=policy)).code_article(article)
    assert coded.rejected is None
    found = [e for e in coded.events if keep(e)]
    assert len(found) == 1, coded.events
    return found[0]


def test_a_bare_body_gets_the_likelier_state_than_the_one_named_last() -> None:
    """"The ministers signed … with Togo in Accra": the rules give the bare "ministers" the state
    named last before them (Burkina Faso, whose envoy only attended the talks, and the subject of
    the sentence before); the model, weighing it against the article's states as the actor of the
    signing, gives Ghana."""
    title = "Ghana and Togo sign border pact"
    body = ("Ghanaian and Togolese defence officials met on Monday. An envoy from Burkina Faso also attended the "
            "talks. The ministers signed a border security agreement with Togo in Accra on Tuesday.")

    def signing(policy: PartyPolicy) -> Event:
        return _coded_once(title, body, policy, lambda e: e.event == "SUPPORT")

    weighed = signing(PartyPolicy())
    assert [a.code for a in weighed.actor] == ["GHA"] and [r.code for r in weighed.recipient] == ["TGO"]
    assert "the state named last (BFA)" in weighed.actor[0].reason
    assert "the party model finds" in weighed.actor[0].reason and "(GHA)" in weighed.actor[0].reason
    assert weighed.actor[0].sector == "GOV" and weighed.actor[0].entity_text == "The ministers"
    kept = signing(PartyPolicy(default_state=2.0))  # the model never overrules: the state named last stays
    assert [a.code for a in kept.actor] == ["BFA"]


def test_of_two_sides_given_the_main_country_only_the_likelier_change_is_made() -> None:
    """A navy and the tanker it stops, neither with a state of its own words, both get the
    article's main country (Nigeria); the model finds the tanker Indian (its operator, named in
    the next sentence) and the navy keeps Nigeria: one side changes, not both."""
    title = "Navy intercepts tanker off Bonny"
    body = ("The Nigerian Navy on Tuesday intercepted a tanker off Bonny Island in Nigeria's Rivers State. The "
            "vessel, operated by an Indian shipping company, was loading stolen crude oil, Nigerian officials said. "
            "Sailors detained the sixteen crew members on board.")

    def seizure(policy: PartyPolicy) -> Event:
        return _coded_once(title, body, policy, lambda e: e.event == "COERCE")

    weighed = seizure(PartyPolicy())
    assert [a.code for a in weighed.actor] == ["NGA"] and [r.code for r in weighed.recipient] == ["IND"]
    assert "the article's main country (NGA)" in weighed.recipient[0].reason
    assert "the party model finds 'Indian' (IND)" in weighed.recipient[0].reason
    kept = seizure(PartyPolicy(default_state=2.0))  # the defaults stand
    assert [a.code for a in kept.actor] == ["NGA"] and [r.code for r in kept.recipient] == ["NGA"]


def test_an_unnamed_target_given_the_places_state_is_weighed_the_attackers_are_not() -> None:
    """"Gunmen killed six people … in eastern Burkina Faso. The victims were traders from
    Togo": the rules give the people the state of the place (Burkina Faso); the model, weighing
    it against the article's states, gives Togo. The gunmen keep the state where they act
    (guidelines §6)."""
    title = "Six killed on the road to Fada N'Gourma"
    body = ("Gunmen killed six people on Sunday on the road to Fada N'Gourma in eastern Burkina Faso. The victims "
            "were traders from Togo returning home with their goods, the Togolese government said.")

    def killing(policy: PartyPolicy) -> Event:
        return _coded_once(title, body, policy, lambda e: e.event == "ASSAULT"
                           and any("head 'people'" in r.reason for r in e.recipient))

    weighed = killing(PartyPolicy())
    assert [r.code for r in weighed.recipient] == ["TGO"] and weighed.recipient[0].sector == "CVL"
    assert "country BFA from the event's place" in weighed.recipient[0].reason
    assert "the party model finds 'Togo' (TGO)" in weighed.recipient[0].reason
    assert [a.code for a in weighed.actor] == ["BFA"]
    kept = killing(PartyPolicy(default_state=2.0))
    assert [r.code for r in kept.recipient] == ["BFA"]
