"""The first pass: tokens and sentences for every sentence, the full pipeline only where an event
may be (docs/architecture.md, "The first pass").

1. Every article goes through the tokenizer, the sentence guard and the model's own sentence
   recogniser (``senter``, shipped disabled in both pipelines; its own small tok2vec).
2. ``events.selection.choose_sentences`` picks the sentences that may hold an event, with the
   title, the opening and the neighbours references read.
3. Runs of chosen sentences are cut out of the article as text (from the first word of the run
   to the first word after it) and the whole pipeline (tok2vec, morphology, parser, lemmas,
   entities) runs on those pieces, in one ``nlp.pipe`` for the batch.
4. One ``Parse`` per article: the pieces' tokens and sentences (as the parser cut them),
   shifted back to the article's character offsets, and between them the first pass's tokens
   and sentences without lemma, POS, dependencies or entities.

Token offsets are the article's own: a piece is a slice of the article's text, and the
tokenizer cuts a slice that starts at a word as it cuts the whole.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from communique.events.selection import (SelectionPolicy, SentenceWords, TriggerForms, choose_sentences,
                                         english_forms)
from communique.parse import Parse, Sentence, Token

# Lemmas whose weight for some act exceeds NONE's by this much in the trigger model count as
# trigger words for the choice, beside the trigger table's rows.
MODEL_LEMMA_MARGIN = 1.0
_FR_ENDINGS = ("oir", "er", "ir", "re")
_EN_ENDINGS = ("e",)


@dataclass(slots=True)
class PassCounts:
    """Sentences and tokens seen by the first pass, and how many went through the full pipeline."""

    sentences: int = 0
    parsed_sentences: int = 0
    tokens: int = 0
    parsed_tokens: int = 0
    articles: int = 0

    @property
    def share_parsed(self) -> float:
        return self.parsed_sentences / self.sentences if self.sentences else 0.0

    def add(self, other: PassCounts) -> None:
        for name in ("sentences", "parsed_sentences", "tokens", "parsed_tokens", "articles"):
            setattr(self, name, getattr(self, name) + getattr(other, name))


@dataclass(slots=True)
class _Plan:
    text: str
    regions: list[tuple[int, int]] = field(default_factory=list)  # token ranges, one per sentence
    chosen: list[bool] = field(default_factory=list)
    chunks: list[tuple[int, int]] = field(default_factory=list)  # region ranges analysed fully
    words: list[str] = field(default_factory=list)  # token texts
    starts: list[int] = field(default_factory=list)  # token offsets

    def char(self, i: int) -> int:
        """Character offset of token ``i`` (the text's end past the last)."""
        return self.starts[i] if i < len(self.starts) else len(self.text)


@functools.lru_cache(maxsize=None)
def trigger_forms(lang: str, *, margin: float = MODEL_LEMMA_MARGIN, stems: bool = True) -> TriggerForms:
    """Forms of the trigger table's lemmas and of the trigger model's act-leaning lemmas."""
    import numpy as np

    from communique.events.lexicon import trigger_lexicon
    from communique.events.triggers_model import NONE, trigger_model
    from communique.nlp.pipelines import load_pipeline

    lemmas = {lemma for lemma, _ in trigger_lexicon(lang).by_lemma}
    model = trigger_model()
    if model is not None:
        none = model.labels.index(NONE)
        acts = np.delete(model.w_type, none, axis=1).max(axis=1) - model.w_type[:, none]
        for prefix in (f"lem={lang}:", f"low={lang}:"):
            lemmas.update(f[len(prefix):] for f, i in model.vocab.items()
                          if f.startswith(prefix) and acts[i] > margin)
    lemmas = {lemma.lower() for lemma in lemmas if lemma}
    forms = set(lemmas)
    # Irregular forms: English exceptions ("met" → "meet"), French through the lookup table
    # ("pris" → "prendre") at match time (its keys are hashes, not words).
    lookups = load_pipeline(lang).get_pipe("lemmatizer").lookups
    if "lemma_exc" in lookups:
        for by_pos in lookups.get_table("lemma_exc").values():
            forms.update(form.lower() for form, lems in by_pos.items() if any(x in lemmas for x in lems))
    lemma_of: Callable[[str], str | None] | None = None
    if "lemma_lookup" in lookups:
        table = lookups.get_table("lemma_lookup")

        def looked_up(word: str) -> str | None:
            found = table.get(word)
            return found[0] if isinstance(found, list) and found else found

        lemma_of = looked_up
    endings = _FR_ENDINGS if lang == "fr" else _EN_ENDINGS
    stems_ = set()
    for lemma in lemmas if stems else ():
        stem = next((lemma[:-len(e)] for e in endings if lemma.endswith(e) and len(lemma) - len(e) >= 4), lemma)
        if len(stem) >= 4:
            stems_.add(stem)
        elif lang == "en" and " " not in lemma:
            forms.update(english_forms(lemma))
    return TriggerForms(forms=frozenset(forms), stems=frozenset(stems_), lemma_of=lemma_of,
                        lemmas=frozenset(lemmas))


# Punctuation that opens a sentence: a run of chosen sentences starts before it ("« Ces
# équipements… »": the recogniser sometimes leaves the quote to the sentence before).
_OPENERS = frozenset("«“\"([{—–-‹„")


def _regions(doc) -> list[tuple[int, int]]:
    """The first pass's sentences as token ranges, each starting at a word or an opening mark:
    white space between sentences ends the sentence before it, as the parser leaves it."""
    import numpy
    from spacy.attrs import IS_SPACE, ORTH, SENT_START

    n = len(doc)
    if not n:
        return []
    array = doc.to_array([SENT_START, IS_SPACE, ORTH])
    strings = doc.vocab.strings
    openers = {strings.add(c) for c in _OPENERS}
    starts = [0]
    for i in numpy.flatnonzero(array[:, 0] == 1).tolist():
        if not i:
            continue
        while i < n and array[i, 1]:
            i += 1
        while i - 1 > starts[-1] and int(array[i - 1, 2]) in openers:
            i -= 1
        if starts[-1] and all(array[k, 1] or int(array[k, 2]) in openers for k in range(starts[-1], i)):
            continue  # a sentence of opening marks only: they open the next one
        if i < n and i > starts[-1]:
            starts.append(i)
    return list(zip(starts, starts[1:] + [n]))


def parse_batch(texts: Sequence[str], *, lang: str, title_ends: Sequence[int], lexicon,
                batch_size: int, policy: SelectionPolicy = SelectionPolicy(),
                counts: PassCounts | None = None) -> list[Parse]:
    """The ``Parse`` of each text, the full pipeline run only on the chosen sentences.

    ``lexicon`` (an ``ActorLexicon``) finds the parties within reach.
    """
    from spacy.attrs import IDX, ORTH

    from communique.mentions.mention_words import mention_words
    from communique.nlp.pipelines import _mark_sentence_continuations, load_pipeline

    nlp = load_pipeline(lang)
    senter = nlp.get_pipe("senter")
    forms = trigger_forms(lang)
    pronouns = mention_words(lang).pronoun
    docs = []
    for text in texts:
        doc = nlp.make_doc(text)
        docs.append(_mark_sentence_continuations(doc))
    docs = list(senter.pipe(docs, batch_size=batch_size))
    plans: list[_Plan] = []
    pieces: list[str] = []
    strings = nlp.vocab.strings
    for text, doc, title_end in zip(texts, docs, title_ends):
        plan = _Plan(text=text, regions=_regions(doc))
        plan.words = [strings[o] for o in doc.to_array([ORTH]).tolist()]
        plan.starts = doc.to_array([IDX]).tolist()
        sentences = [SentenceWords(char_start=plan.starts[a], char_end=plan.starts[b - 1] + len(plan.words[b - 1]),
                                   words=plan.words[a:b]) for a, b in plan.regions]
        parties = [(m.start, m.end) for m in lexicon.matcher.find(text)]
        plan.chosen = choose_sentences(sentences, forms=forms, party_spans=parties, title_end=title_end,
                                       pronouns=pronouns, policy=policy)
        r = 0
        while r < len(plan.regions):
            if not plan.chosen[r]:
                r += 1
                continue
            first = r
            while r < len(plan.regions) and plan.chosen[r]:
                r += 1
            plan.chunks.append((first, r))
            pieces.append(text[plan.char(plan.regions[first][0]):plan.char(plan.regions[r - 1][1])])
        plans.append(plan)
    parsed = iter(nlp.pipe(pieces, batch_size=batch_size))
    out = []
    for plan in plans:
        out.append(_assemble(plan, parsed, lang=lang, counts=counts))
    return out


def _assemble(plan: _Plan, parsed, *, lang: str, counts: PassCounts | None) -> Parse:
    from communique.nlp.pipelines import doc_tokens

    tokens: list[Token] = []
    sentences: list[Sentence] = []
    chunk_at = {first: stop for first, stop in plan.chunks}
    r = 0
    parsed_sents = parsed_toks = 0
    while r < len(plan.regions):
        if r in chunk_at:
            stop = chunk_at[r]
            piece = next(parsed)
            offset_i, offset_c, offset_s = len(tokens), plan.starts[plan.regions[r][0]], len(sentences)
            toks, sents = doc_tokens(piece, lang=lang)
            for tok in toks:
                tok.i += offset_i
                tok.head += offset_i
                tok.idx += offset_c
                tok.sent += offset_s
            for sent in sents:
                sentences.append(Sentence(index=sent.index + offset_s, start=sent.start + offset_i,
                                          end=sent.end + offset_i, char_start=sent.char_start + offset_c,
                                          char_end=sent.char_end + offset_c))
            tokens.extend(toks)
            parsed_sents += len(sents)
            parsed_toks += len(toks)
            r = stop
            continue
        a, b = plan.regions[r]
        s_index, start = len(sentences), len(tokens)
        for k in range(a, b):
            i = len(tokens)
            text = plan.words[k]
            tokens.append(Token(i=i, text=text, idx=plan.starts[k], lemma=text, pos="", dep="", head=i,
                                sent=s_index))
        sentences.append(Sentence(index=s_index, start=start, end=len(tokens), char_start=plan.starts[a],
                                  char_end=plan.starts[b - 1] + len(plan.words[b - 1])))
        r += 1
    if counts is not None:
        counts.add(PassCounts(sentences=len(sentences), parsed_sentences=parsed_sents, tokens=len(tokens),
                              parsed_tokens=parsed_toks, articles=1))
    return Parse(text=plan.text, tokens=tokens, sentences=sentences, lang=lang)
