"""``MentionIndex.has_place``, the ``@place`` cue of the trigger tables: a place named at the head
of a phrase ("seized Djibo", "the town of Anefis"), not a place inside it nor a party. Hand-built
parses, no spaCy: the small English recogniser tags many towns of the Sahel as organisations."""

from __future__ import annotations

from communique.lexicon.actors import actor_lexicon
from communique.mentions.actors import MentionIndex, find_mentions
from communique.parse import Parse, Sentence, Token


def _parse(words: list[tuple[str, str, str, int, str]]) -> Parse:
    """(word, POS, dependency, head, entity type) → a one-sentence English parse."""
    tokens, text = [], ""
    for i, (word, pos, dep, head, ent) in enumerate(words):
        text += " " if text and word != "." else ""
        tokens.append(Token(i=i, text=word, idx=len(text), lemma=word.lower(), pos=pos, dep=dep, head=head,
                            sent=0, ent_type=ent))
        text += word
    for tok in tokens:
        if tok.head != tok.i:
            tokens[tok.head].children.append(tok.i)
    return Parse(text=text, tokens=tokens, sentences=[Sentence(0, 0, len(tokens), 0, len(text))], lang="en")


def _object_has_place(words, first: int, last: int) -> bool:
    parse = _parse(words)
    index = MentionIndex(parse, find_mentions(parse, actor_lexicon("en")))
    return index.has_place(parse.tokens[first:last + 1])


def test_a_town_named_as_the_object_is_a_place_whatever_the_recogniser_says() -> None:
    # "Fighters seized Djibo ." with Djibo tagged as an organisation
    words = [("Fighters", "NOUN", "nsubj", 1, ""), ("seized", "VERB", "ROOT", 1, ""),
             ("Djibo", "PROPN", "dobj", 1, "ORG"), (".", "PUNCT", "punct", 1, "")]
    assert _object_has_place(words, 2, 2)


def test_a_place_inside_the_phrase_of_a_ship_is_no_place_seized() -> None:
    # "Commandos seized the tanker in the Strait ." : the strait is where, the tanker what
    words = [("Commandos", "NOUN", "nsubj", 1, ""), ("seized", "VERB", "ROOT", 1, ""), ("the", "DET", "det", 3, ""),
             ("tanker", "NOUN", "dobj", 1, ""), ("in", "ADP", "prep", 3, ""), ("the", "DET", "det", 6, ""),
             ("Strait", "PROPN", "pobj", 4, "LOC"), (".", "PUNCT", "punct", 1, "")]
    assert not _object_has_place(words, 2, 6)
    # the same phrase headed by the place is one
    assert _object_has_place(words, 5, 6)


def test_a_state_or_a_person_is_no_place() -> None:
    # "Troops seized Mali ." names a party; "Police seized Diallo ." a person
    state = [("Troops", "NOUN", "nsubj", 1, ""), ("seized", "VERB", "ROOT", 1, ""),
             ("Mali", "PROPN", "dobj", 1, "GPE"), (".", "PUNCT", "punct", 1, "")]
    person = [("Police", "NOUN", "nsubj", 1, ""), ("seized", "VERB", "ROOT", 1, ""),
              ("Diallo", "PROPN", "dobj", 1, "PER"), (".", "PUNCT", "punct", 1, "")]
    assert not _object_has_place(state, 2, 2)
    assert not _object_has_place(person, 2, 2)
