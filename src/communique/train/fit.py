"""Fit the trigger model on annotated articles and write it with its card.

Deterministic: the same data, seed and settings give the same weights (L-BFGS on a fixed
feature order; no sampling).
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from communique.coder import Coder
from communique.events.lexicon import trigger_lexicon
from communique.events.triggers_model import NO_MODE, NONE, TriggerModel, word_vectors
from communique.mentions.actors import MentionIndex, find_mentions
from communique.parse import Parse
from communique.events.parties import PartyModel
from communique.train.corpus import (Alignment, AnnotatedArticle, Example, PartyExample, PlaceExample, articles_of,
                                     data_hash, examples_of, gold_pairs, party_examples, place_examples,
                                     read_annotated)

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class TrainSettings:
    seed: int = 13
    # inverse L2 strength of the type model: cross-fitted event F1 rose from 0.5 (0.454) to 8 (0.467)
    # and stayed there at 16 and 32 (docs/accuracy.md)
    c_type: float = 8.0
    c_mode: float = 1.0
    c_party: float = 0.5  # inverse L2 strength of the party model
    c_place: float = 0.2  # inverse L2 strength of the place model
    min_count: int = 2  # a feature seen fewer times is dropped
    max_iter: int = 500  # the type model converges (C=8 needs more than 150 lbfgs steps)
    # The multilingual word vector of each candidate: about +0.01 trigger recall on the
    # cross-fitted corpus, but encoding new lemmas made the coding stages three times slower.
    vectors: bool = False
    vector_scale: float = 1.0  # weight of the (unit-length) vector against binary features
    vector_dims: int = 64  # the word vectors projected on their first principal axes


def parsed(items: Iterable[AnnotatedArticle], *, coder: Coder
           ) -> Iterator[tuple[AnnotatedArticle, Parse, MentionIndex]]:
    """Each annotated article with its parse and mentions, as the coder computes them."""
    items = list(items)
    by_id = {item.article.id: item for item in items}
    for result in coder.parse_items(item.article for item in items):
        if not isinstance(result, tuple):
            log.warning("not parsed: %s (%s)", result.article.id, result.rejected)
            continue
        article, parse = result
        index = MentionIndex(parse, find_mentions(parse, coder.actors(parse.lang), on=article.published))
        yield by_id[article.id], parse, index


def _matrix(examples: list[Example], vocab: dict[str, int], *, settings: TrainSettings,
            projection: np.ndarray | None):
    from scipy.sparse import csr_matrix, hstack

    indptr, indices = [0], []
    for ex in examples:
        cols = sorted({vocab[f] for f in ex.features if f in vocab})
        indices.extend(cols)
        indptr.append(len(indices))
    data = np.ones(len(indices), dtype=np.float32)
    sparse = csr_matrix((data, np.array(indices, dtype=np.int32), np.array(indptr)), shape=(len(examples), len(vocab)))
    if projection is None:
        return sparse
    dense = word_vectors().of([ex.word for ex in examples]) @ projection * settings.vector_scale
    return hstack([sparse, csr_matrix(dense)], format="csr")


def principal_axes(words: list[str], *, dims: int) -> np.ndarray:
    """(512, dims): the first principal axes of the distinct words' vectors (deterministic SVD;
    signs fixed so that each axis's largest loading is positive)."""
    vecs = word_vectors().of(sorted(set(words)))
    _, _, vt = np.linalg.svd(vecs - vecs.mean(axis=0), full_matrices=False)
    axes = vt[:dims].T
    signs = np.sign(axes[np.abs(axes).argmax(axis=0), np.arange(axes.shape[1])])
    return (axes * signs).astype(np.float32)


def _fit(x, y: list[str], *, c: float, settings: TrainSettings) -> tuple[list[str], np.ndarray, np.ndarray]:
    from sklearn.linear_model import LogisticRegression

    labels = sorted(set(y))
    if len(labels) == 1:  # one class: a constant model
        return labels, np.zeros((x.shape[1], 1), np.float32), np.zeros(1, np.float32)
    clf = LogisticRegression(C=c, max_iter=settings.max_iter, random_state=settings.seed, tol=1e-5)
    clf.fit(x, y)
    coef, bias = clf.coef_, clf.intercept_
    classes = [str(k) for k in clf.classes_]
    if len(classes) == 2:  # binary: sklearn keeps one row for the second class
        coef = np.vstack([-coef[0] / 2, coef[0] / 2])
        bias = np.array([-bias[0] / 2, bias[0] / 2])
    return classes, coef.T.astype(np.float32), bias.astype(np.float32)


def _lang_of(example: Example) -> str:
    return next((f[5:] for f in example.features if f.startswith("lang=")), "")


def fit_trigger_model(examples: list[Example], *, settings: TrainSettings = TrainSettings()) -> TriggerModel:
    counts = Counter(f for ex in examples for f in set(ex.features))
    features = sorted(f for f, n in counts.items() if n >= settings.min_count)
    vocab = {f: i for i, f in enumerate(features)}
    projection = principal_axes([ex.word for ex in examples], dims=settings.vector_dims) if settings.vectors else None
    x = _matrix(examples, vocab, settings=settings, projection=projection)
    labels, w_type, b_type = _fit(x, [ex.label for ex in examples], c=settings.c_type, settings=settings)
    if NONE not in labels:
        labels, w_type, b_type = labels + [NONE], np.hstack([w_type, np.zeros((w_type.shape[0], 1), np.float32)]), \
            np.append(b_type, -10.0).astype(np.float32)
    events = [i for i, ex in enumerate(examples) if ex.label != NONE]
    if events:
        modes, w_mode, b_mode = _fit(x[events], [examples[i].mode for i in events], c=settings.c_mode,
                                     settings=settings)
    else:
        modes, w_mode, b_mode = [NO_MODE], np.zeros((x.shape[1], 1), np.float32), np.zeros(1, np.float32)
    n = len(vocab)
    dense = settings.vectors and w_type.shape[0] > n
    # A word the table lacks is proposed only if annotators marked it as a trigger somewhere: on
    # words never seen as one, the model's confidence comes from the clause alone, and cross-fitted
    # it added false events ("ont haussé le ton" a protest) more than it found acts.
    acts = frozenset(f"{_lang_of(ex)}:{ex.word}" for ex in examples if ex.label != NONE)
    return TriggerModel(vocab=vocab, labels=labels, w_type=w_type[:n], b_type=b_type, modes=modes,
                        w_mode=w_mode[:n], b_mode=b_mode, card={}, acts=acts,
                        d_type=projection @ w_type[n:] * settings.vector_scale if dense else None,
                        d_mode=projection @ w_mode[n:] * settings.vector_scale
                        if dense and w_mode.shape[0] > n else None)


def fit_party_model(examples: list[PartyExample] | list[PlaceExample], *, settings: TrainSettings = TrainSettings(),
                    c: float | None = None) -> PartyModel:
    """A binary logistic regression over the options' features (``events/parties.py``; the
    place model, ``resolve/place_model.py``, is one too, with ``c=settings.c_place``)."""
    from scipy.sparse import csr_matrix

    if len({ex.label for ex in examples}) < 2:  # no example, or one class only: a model that never picks
        return PartyModel(weights={}, bias=-10.0, card={})
    counts = Counter(f for ex in examples for f in set(ex.features))
    features = sorted(f for f, n in counts.items() if n >= settings.min_count)
    vocab = {f: i for i, f in enumerate(features)}
    indptr, indices = [0], []
    for ex in examples:
        indices.extend(sorted({vocab[f] for f in ex.features if f in vocab}))
        indptr.append(len(indices))
    x = csr_matrix((np.ones(len(indices), np.float32), np.array(indices, dtype=np.int32), np.array(indptr)),
                   shape=(len(examples), len(vocab)))
    labels, weights, bias = _fit(x, ["yes" if ex.label else "no" for ex in examples],
                                 c=settings.c_party if c is None else c,
                                 settings=settings)
    w = weights[:, 1] - weights[:, 0]
    return PartyModel(weights={f: float(w[i]) for f, i in vocab.items()}, bias=float(bias[1] - bias[0]), card={})


def train(sources: list[Path], *, out: Path, coder: Coder | None = None,
          settings: TrainSettings = TrainSettings()) -> TriggerModel:
    """Rebuild the trigger and party models from annotated sets (folders of ``*.gold.jsonl`` +
    ``*.articles.jsonl`` pairs, or single ``*.gold.jsonl`` files) and write it to ``out``."""
    from communique.coder import CoderSettings

    coder = coder or Coder(settings=CoderSettings(vectors=False))
    pairs: list[tuple[Path, Path]] = []
    for src in sources:
        if src.is_dir():
            pairs.extend(gold_pairs(src))
        else:
            pairs.append((articles_of(src), src))
    items = [item for articles, gold in pairs for item in read_annotated(articles, gold)]
    stats = Alignment()
    examples: list[Example] = []
    options: list[PartyExample] = []
    places: list[PlaceExample] = []
    for item, parse, index in parsed(items, coder=coder):
        examples.extend(examples_of(item, parse, index, lexicon=trigger_lexicon(parse.lang), stats=stats))
        options.extend(party_examples(item, parse, index))
        places.extend(place_examples(item, parse, index))
    model = fit_trigger_model(examples, settings=settings)
    import sklearn

    label_counts = Counter(ex.label for ex in examples)
    model.card = {
        "name": "triggers", "kind": "multinomial logistic regression (type) + (mode)",
        "data": [str(g.name) for _, g in pairs], "data_hash": data_hash([p for pair in pairs for p in pair]),
        "articles": len(items), "examples": len(examples), "gold_events": stats.events,
        "aligned_triggers": stats.aligned, "label_counts": dict(sorted(label_counts.items())),
        "settings": {"seed": settings.seed, "c_type": settings.c_type, "c_mode": settings.c_mode,
                     "min_count": settings.min_count, "max_iter": settings.max_iter},
        "features_kept": len(model.vocab), "sklearn": sklearn.__version__,
    }
    model.save(out)
    _fit_options(options, "parties", "the article's states (events/parties.py)", c=("c_party", settings.c_party),
                 settings=settings, base=model.card, out=out)
    _fit_options(places, "places", "the article's places (resolve/place_model.py)", c=("c_place", settings.c_place),
                 settings=settings, base=model.card, out=out)
    return model


def _fit_options(examples: list[PartyExample] | list[PlaceExample], name: str, what: str, *,
                 c: tuple[str, float], settings: TrainSettings, base: dict, out: Path) -> PartyModel:
    """Fit one of the option models (party, place), give it its card and write it to ``out``."""
    import sklearn

    fitted = fit_party_model(examples, settings=settings, c=c[1])
    fitted.card = {
        "name": name, "kind": f"binary logistic regression over {what}",
        "data": base["data"], "data_hash": base["data_hash"], "articles": base["articles"],
        "examples": len(examples), "positives": sum(ex.label for ex in examples),
        "settings": {"seed": settings.seed, c[0]: c[1], "min_count": settings.min_count,
                     "max_iter": settings.max_iter},
        "features_kept": len(fitted.weights), "sklearn": sklearn.__version__,
    }
    fitted.save(out, name)
    return fitted
