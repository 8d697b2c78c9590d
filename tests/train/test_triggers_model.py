"""The trigger model: features on hand-built parses (no spaCy), a model that predicts what it was
given, files that round-trip, and a retraining from a tiny corpus that codes a held example."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from communique.events.trigger_features import is_candidate, token_features
from communique.events.triggers_model import NONE, TriggerModel
from communique.parse import Parse, Sentence, Token
from communique.train.corpus import Example, trigger_span
from communique.train.fit import TrainSettings, fit_trigger_model


def _parse() -> Parse:
    # "Le Mali expulse l'ambassadeur ." by hand: expulse is the root, Mali its subject.
    words = [("Le", "le", "DET", "det", 1), ("Mali", "Mali", "PROPN", "nsubj", 2),
             ("expulse", "expulser", "VERB", "ROOT", 2), ("l'", "le", "DET", "det", 4),
             ("ambassadeur", "ambassadeur", "NOUN", "obj", 2), (".", ".", "PUNCT", "punct", 2)]
    tokens, idx = [], 0
    for i, (text, lemma, pos, dep, head) in enumerate(words):
        tokens.append(Token(i=i, text=text, idx=idx, lemma=lemma, pos=pos, dep=dep, head=head,
                            morph="Tense=Pres" if pos == "VERB" else ""))
        idx += len(text) + 1
    text = " ".join(w[0] for w in words)
    return Parse(text=text, tokens=tokens, sentences=[Sentence(0, 0, len(tokens), 0, len(text))], lang="fr")


def test_features_read_the_parse_and_the_parties() -> None:
    parse = _parse()
    verb = parse.tokens[2]
    feats = token_features(parse, verb, parties={1}, lexicon=None, in_title=False)
    assert "lem=fr:expulser" in feats and "root" in feats and "Tense=Pres" in feats
    assert "party=subj" in feats  # Mali, a party, is its subject
    assert "party=obj" not in feats
    assert not is_candidate(parse.tokens[5]) and is_candidate(parse.tokens[4])


def _examples(n: int = 30) -> list[Example]:
    out = []
    for i in range(n):
        out.append(Example("a", ["bias", "lem=fr:expulser", "party=subj"], "SANCTION", "expel", "expulser"))
        out.append(Example("a", ["bias", "lem=fr:manger", "party=subj"], NONE, "-", "manger"))
        out.append(Example("a", ["bias", "lem=fr:table"], NONE, "-", "table"))
    return out


def test_a_model_learns_what_it_is_given_and_round_trips(tmp_path: Path) -> None:
    model = fit_trigger_model(_examples(), settings=TrainSettings(vectors=False))
    pt, pm = model.probabilities([["bias", "lem=fr:expulser", "party=subj"], ["bias", "lem=fr:manger"]])
    assert model.labels[int(pt[0].argmax())] == "SANCTION"
    assert model.labels[int(pt[1].argmax())] == NONE
    assert model.modes[int(pm[0].argmax())] == "expel"
    model.card = {"name": "triggers"}
    model.save(tmp_path)
    back = TriggerModel.load(tmp_path)
    pt2, _ = back.probabilities([["bias", "lem=fr:expulser", "party=subj"]])
    assert np.allclose(pt[0], pt2[0], atol=1e-2)  # weights are stored as float16


def test_the_model_knows_which_words_were_triggers_and_keeps_the_list(tmp_path: Path) -> None:
    from communique.mentions.actors import MentionIndex

    model = fit_trigger_model([Example(ex.article_id, ["lang=fr", *ex.features], ex.label, ex.mode, ex.word)
                               for ex in _examples()], settings=TrainSettings(vectors=False))
    assert model.acts == frozenset({"fr:expulser"})  # the gold triggers' words, not the negatives'
    model.card = {"name": "triggers"}
    model.save(tmp_path)
    assert TriggerModel.load(tmp_path).acts == model.acts
    parse = _parse()
    scores = model.score(parse, MentionIndex(parse, []), lexicon=None)
    assert scores[2].known and scores[2].event == "SANCTION"
    # the same clause with a verb no annotator marked: the coder takes no proposal for it
    # unless the trigger table has the word (events/detect.py)
    other = Parse(text=parse.text, lang="fr", sentences=parse.sentences,
                  tokens=[t if t.i != 2 else Token(i=2, text="expulse", idx=t.idx, lemma="chasser", pos="VERB",
                                                   dep="ROOT", head=2, morph="Tense=Pres") for t in parse.tokens])
    unseen = model.score(other, MentionIndex(other, []), lexicon=None)
    assert not unseen[2].known


def test_training_is_deterministic() -> None:
    one = fit_trigger_model(_examples(), settings=TrainSettings(vectors=False))
    two = fit_trigger_model(_examples(), settings=TrainSettings(vectors=False))
    assert one.vocab == two.vocab and np.array_equal(one.w_type, two.w_type)


def test_a_trigger_is_found_inside_its_evidence() -> None:
    text = "Titre. Le Mali a expulsé l'ambassadeur. Le Mali a expulsé un autre diplomate."
    event = {"trigger": "a expulsé", "evidence": "Le Mali a expulsé un autre diplomate."}
    start, end = trigger_span(text, event)
    assert text[start:end] == "a expulsé" and start > text.index("un autre") - 20


# -- retraining through spaCy: a tiny corpus teaches a verb the trigger tables do not know ------
TINY = [
    ("Le Niger diligente des médecins au Tchad", "Le Niger a diligenté lundi une équipe de médecins au Tchad.", "a diligenté"),
    ("Le Mali diligente des ingénieurs au Burkina", "Le Mali a diligenté mardi des ingénieurs au Burkina Faso.", "a diligenté"),
    ("Le Sénégal diligente une équipe en Gambie", "Le Sénégal a diligenté jeudi une équipe sanitaire en Gambie.", "a diligenté"),
    ("La Tunisie diligente des secouristes en Libye", "La Tunisie a diligenté vendredi des secouristes en Libye.", "a diligenté"),
    ("Le Maroc diligente des techniciens en Mauritanie", "Le Maroc a diligenté samedi des techniciens en Mauritanie.", "a diligenté"),
    ("L'Algérie diligente des pompiers en Tunisie", "L'Algérie a diligenté dimanche des pompiers en Tunisie.", "a diligenté"),
]
HELD = "Le Tchad a diligenté mercredi une équipe de vétérinaires au Cameroun."


@pytest.mark.models
def test_retraining_on_a_tiny_corpus_codes_a_held_example(tmp_path: Path) -> None:
    from communique.coder import Coder, CoderSettings
    from communique.events.detect import ModelPolicy
    from communique.model import Article
    from communique.train.fit import train

    countries = {"Niger": ("NER", "TCD"), "Mali": ("MLI", "BFA"), "Sénégal": ("SEN", "GMB"),
                 "Tunisie": ("TUN", "LBY"), "Maroc": ("MAR", "MRT"), "Algérie": ("DZA", "TUN")}
    articles, gold = [], []
    for n, (title, body, trig) in enumerate(TINY):
        actor, recipient = next(v for k, v in countries.items() if k in title)
        text = f"{title}\n\n{body} Le temps était clément. La population a applaudi."
        articles.append({"id": f"tiny-{n}", "lang": "fr", "published": "2025-03-10", "title": title, "text": text})
        gold.append({"id": f"tiny-{n}", "events": [{
            "type": "AID", "mode": None, "contexts": ["humanitarian"],
            "actor": {"name": title.split()[1], "country": actor, "sector": "GOV"},
            "recipient": {"name": "", "country": recipient, "sector": "GOV"},
            "evidence": body, "trigger": trig, "background": False}]})
    (tmp_path / "tiny.articles.jsonl").write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in articles), encoding="utf-8")
    (tmp_path / "tiny.gold.jsonl").write_text("".join(json.dumps(g, ensure_ascii=False) + "\n" for g in gold), encoding="utf-8")
    out = tmp_path / "model"
    model = train([tmp_path], out=out, settings=TrainSettings(vectors=False))
    assert model.card["aligned_triggers"] == len(TINY) and (out / "triggers.npz").exists()
    assert (out / "parties.json").exists()  # the party model is retrained beside it
    assert (out / "places.json").exists()  # and the place model (no gold place here: it never picks)

    held = Article(id="held", text=HELD, lang="fr", published="2025-03-12")
    without = Coder(CoderSettings(vectors=False, trigger_model=False, raise_errors=True)).code_article(held)
    assert without.rejected is None and not any(e.event == "AID" for e in without.events)
    coder = Coder(CoderSettings(vectors=False, model_dir=out, policy=ModelPolicy(propose=0.5),
                                raise_errors=True))
    coded = coder.code_article(held)
    assert coded.rejected is None
    aid = [e for e in coded.events if e.event == "AID"]
    assert aid, coded.events
    assert aid[0].actor[0].code == "TCD" and "trigger model AID" in aid[0].explanation
