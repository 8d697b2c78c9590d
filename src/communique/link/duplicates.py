"""Near-duplicate articles (syndicated copies, re-posts) with MinHash LSH over word shingles.

Signatures are cached in ``article_signatures`` and recomputed only when an article's content
hash changes, so re-linking a large store hashes only the new articles. Candidate pairs from
the LSH index are kept when their estimated Jaccard similarity reaches the threshold; clusters
are the connected components, named by their smallest article id.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

from communique.link.shingles import word_shingles
from communique.link.unionfind import UnionFind
from communique.store import Store

NUM_PERM = 64
SEED = 1
SCHEME = "affine32"  # datasketch's default; stored signatures must be read with the same
SHINGLE_WORDS = 3
WRITE_BATCH = 2000


def _minhashes(texts: Iterable[str]) -> list[np.ndarray]:
    from datasketch import MinHash

    sets = [[s.encode("utf-8") for s in sorted(word_shingles(t, k=SHINGLE_WORDS))] or [b""]
            for t in texts]
    return [m.hashvalues.astype(np.uint64) for m in
            MinHash.generator(sets, num_perm=NUM_PERM, seed=SEED, scheme=SCHEME)]


def update_signatures(store: Store) -> int:
    """Compute the signatures of coded articles that have none or a stale one."""
    backend = store.backend
    todo = backend.query(
        "SELECT a.id, a.content_hash, a.title, a.text FROM articles a LEFT JOIN "
        "article_signatures s ON s.article_id = a.id WHERE a.status = 'coded' AND "
        "(s.article_id IS NULL OR s.content_hash <> a.content_hash)")
    for start in range(0, len(todo), WRITE_BATCH):
        part = todo[start:start + WRITE_BATCH]
        hashes = _minhashes(f"{r[2] or ''}\n{r[3]}" for r in part)
        with backend.transaction():
            backend.executemany(
                "INSERT INTO article_signatures (article_id, content_hash, signature) "
                "VALUES (?, ?, ?) ON CONFLICT (article_id) DO UPDATE SET "
                "content_hash = excluded.content_hash, signature = excluded.signature",
                [(r[0], r[1], h.tobytes()) for r, h in zip(part, hashes)])
    return len(todo)


def near_duplicates(store: Store, *, threshold: float = 0.8) -> dict[str, str]:
    """article id → cluster id, for the articles that have at least one near duplicate."""
    from datasketch import LeanMinHash, MinHashLSH

    rows = store.backend.query(
        "SELECT s.article_id, s.signature FROM article_signatures s JOIN articles a "
        "ON a.id = s.article_id AND a.content_hash = s.content_hash")
    rows.sort(key=lambda r: r[0])
    if len(rows) < 2:
        return {}
    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    sketches = {}
    with lsh.insertion_session() as session:
        for article_id, blob in rows:
            values = np.frombuffer(bytes(blob), dtype=np.uint64)
            # Lean: no permutation tables to rebuild for each of many thousand articles.
            sketch = LeanMinHash(seed=SEED, hashvalues=values, scheme=SCHEME)
            sketches[article_id] = sketch
            session.insert(article_id, sketch)
    ids = [r[0] for r in rows]
    index = {article_id: n for n, article_id in enumerate(ids)}
    groups = UnionFind(len(ids))
    for article_id, sketch in sketches.items():
        for other in lsh.query(sketch):
            if other != article_id and sketch.jaccard(sketches[other]) >= threshold:
                groups.union(index[article_id], index[other])
    clusters: dict[str, str] = {}
    for members in groups.components():
        if len(members) > 1:
            name = min(ids[m] for m in members)
            clusters.update((ids[m], name) for m in members)
    return clusters
