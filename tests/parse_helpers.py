"""Parses built by hand, so that a stage can be tested on a given annotation (no spaCy)."""

from __future__ import annotations

from typing import Any

from communique.parse import Parse, Sentence, Token


def hand_parse(words: list[dict[str, Any]], *, lang: str) -> Parse:
    """One sentence of tokens given by their ``Token`` fields (``text``, ``lemma``, ``pos``,
    ``dep``, ``head``…); offsets, indices and children are filled in, words joined by a space."""
    tokens, idx = [], 0
    for i, fields in enumerate(words):
        tokens.append(Token(i=i, idx=idx, **fields))
        idx += len(fields["text"]) + 1
    for tok in tokens:
        if tok.head != tok.i:
            tokens[tok.head].children.append(tok.i)
    text = " ".join(w["text"] for w in words)
    return Parse(text=text, tokens=tokens, sentences=[Sentence(0, 0, len(tokens), 0, len(text))], lang=lang)
