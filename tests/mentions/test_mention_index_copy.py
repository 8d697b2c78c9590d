"""A MentionIndex survives a copy: the mentions of a dateline ("BAMAKO, 3 mars –", where the
report was filed, no party) are still known as such after pickling, as the parse cache of
scripts/crossfit.py and a process pool copy them. Hand-built parse, no spaCy."""

from __future__ import annotations

import pickle

from communique.lexicon.actors import actor_lexicon
from communique.mentions.actors import MentionIndex, find_mentions
from communique.parse import Parse, Sentence, Token

WORDS = [("BAMAKO", "PROPN", "ROOT"), (",", "PUNCT", "punct"), ("3", "NUM", "nummod"), ("mars", "NOUN", "nmod"),
         ("–", "PUNCT", "punct"), ("Le", "DET", "det"), ("Mali", "PROPN", "nsubj"), ("accuse", "VERB", "ROOT"),
         ("l'", "DET", "det"), ("Algérie", "PROPN", "obj"), (".", "PUNCT", "punct")]


def _parse() -> Parse:
    tokens, text = [], ""
    for i, (word, pos, dep) in enumerate(WORDS):
        if text and not text.endswith("'") and word != ",":
            text += " "
        tokens.append(Token(i=i, text=word, idx=len(text), lemma=word.lower(), pos=pos, dep=dep,
                            head=7 if i >= 5 else 0, sent=0,
                            ent_type="LOC" if word in ("BAMAKO", "Mali", "Algérie") else ""))
        text += word
    return Parse(text=text, tokens=tokens, sentences=[Sentence(0, 0, len(tokens), 0, len(text))], lang="fr")


def test_the_dateline_mentions_are_still_known_after_a_copy() -> None:
    parse = _parse()
    index = MentionIndex(parse, find_mentions(parse, actor_lexicon("fr")))
    in_dateline = [m.text for m in index.mentions if id(m) in index.in_dateline]
    assert in_dateline == ["BAMAKO"], [m.text for m in index.mentions]

    copy = pickle.loads(pickle.dumps(index))
    assert [m.text for m in copy.mentions if id(m) in copy.in_dateline] == in_dateline
    # the rules that skip the dateline read it through the copy too
    assert [m.text for m in copy.in_tokens(set(range(len(parse.tokens))))] == \
        [m.text for m in index.in_tokens(set(range(len(parse.tokens))))]
    assert "BAMAKO" not in [m.text for m in copy.in_tokens({0})]
