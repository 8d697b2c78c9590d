"""A linguistic annotation of one article, free of spaCy.

``communique.nlp`` turns a spaCy ``Doc`` into these plain types; every later stage (mentions,
events, resolve) reads only them, so those stages can be tested with hand-built parses and never
import spaCy. Token offsets (``idx``) are character offsets into ``Article.text``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field


@dataclass(slots=True)
class Token:
    i: int  # index in the article
    text: str
    idx: int  # character offset in the article text
    lemma: str
    pos: str  # universal POS tag
    dep: str  # dependency label (UD style, lower case)
    head: int  # index of the head token (itself for the root)
    morph: str = ""  # "Mood=Ind|Tense=Past|..."
    ent_type: str = ""  # PER, LOC, ORG, GPE, ... from the NER ("" when none)
    ent_iob: str = "O"  # B, I or O
    sent: int = 0  # sentence index
    children: list[int] = field(default_factory=list)

    @property
    def end(self) -> int:
        return self.idx + len(self.text)

    @property
    def lower(self) -> str:
        return self.text.lower()

    def feat(self, name: str) -> str | None:
        """Value of one morphological feature, or None."""
        morph, key = self.morph, name + "="
        at = morph.find(key)
        while at > 0 and morph[at - 1] != "|":  # "VerbForm=" must not match "Form="
            at = morph.find(key, at + 1)
        if at < 0:
            return None
        end = morph.find("|", at)
        return morph[at + len(key):end if end >= 0 else len(morph)]


@dataclass(slots=True)
class Sentence:
    index: int
    start: int  # first token index
    end: int  # one past the last token index
    char_start: int
    char_end: int


@dataclass(slots=True)
class Parse:
    """Tokens and sentences of one article, with dependency helpers."""

    text: str
    tokens: list[Token]
    sentences: list[Sentence]
    lang: str

    def __post_init__(self) -> None:
        for tok in self.tokens:
            tok.children.clear()
        for tok in self.tokens:
            if tok.head != tok.i:
                self.tokens[tok.head].children.append(tok.i)

    def sentence_tokens(self, sent: Sentence) -> list[Token]:
        return self.tokens[sent.start:sent.end]

    def children(self, tok: Token) -> Iterator[Token]:
        for i in tok.children:
            yield self.tokens[i]

    def head(self, tok: Token) -> Token:
        return self.tokens[tok.head]

    def subtree(self, tok: Token) -> list[Token]:
        """The token and everything it dominates, in text order."""
        out, stack = [], [tok.i]
        while stack:
            i = stack.pop()
            out.append(i)
            stack.extend(self.tokens[i].children)
        return [self.tokens[i] for i in sorted(out)]

    def subtree_range(self, tok: Token) -> tuple[int, int]:
        """(first, last+1) token indices covered by the token's subtree."""
        sub = self.subtree(tok)
        return sub[0].i, sub[-1].i + 1

    def ancestors(self, tok: Token) -> Iterator[Token]:
        seen = {tok.i}
        while tok.head != tok.i and tok.head not in seen:
            tok = self.tokens[tok.head]
            seen.add(tok.i)
            yield tok

    def depth_below(self, tok: Token, ancestor: Token) -> int | None:
        """Number of arcs from ``ancestor`` down to ``tok``; None when not below it."""
        if tok.i == ancestor.i:
            return 0
        for depth, anc in enumerate(self.ancestors(tok), 1):
            if anc.i == ancestor.i:
                return depth
        return None

    def span_text(self, first: int, last: int) -> str:
        """Article text from token ``first`` to token ``last`` (inclusive)."""
        return self.text[self.tokens[first].idx:self.tokens[last].end]
