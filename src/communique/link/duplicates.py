"""Near-duplicate articles (syndicated copies, re-posts) with MinHash LSH over word shingles.

datasketch computes the MinHash signatures (64 permutations over word 3-shingles) and chooses
the LSH banding for the threshold. Signatures are cached in ``article_signatures`` and
recomputed only when an article's content hash changes, so re-linking a large store hashes only
the new articles. The bands are bucketed with numpy over the whole signature matrix (datasketch's
MinHashLSH index does the same one article at a time in Python, ~80 µs each: minutes for a
million articles). Candidate pairs are kept when their estimated Jaccard similarity reaches the
threshold; clusters are the connected components, named by their smallest article id.
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


def lsh_bands(threshold: float) -> tuple[int, int]:
    """(bands, rows per band) that datasketch's MinHashLSH picks for this threshold."""
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    return lsh.b, lsh.r


def candidate_pairs(signatures: np.ndarray, *, bands: int, rows: int) -> np.ndarray:
    """Pairs (i < j) of rows of the signature matrix equal on at least one band.

    The LSH buckets of datasketch's MinHashLSH, computed for all articles at once: each band
    is hashed to one integer, rows are sorted by it, and runs of equal values are buckets.
    Inside a bucket each article is paired with the next (sorted by index): duplicates chain,
    and the components are what matter.
    """
    n = signatures.shape[0]
    found = []
    rng = np.random.default_rng(SEED)
    for band in range(bands):
        block = signatures[:, band * rows:(band + 1) * rows]
        # Random odd multipliers mix the band's values into one 64-bit key (wrapping on purpose).
        weights = rng.integers(1, 2**63, size=rows, dtype=np.uint64) | np.uint64(1)
        with np.errstate(over="ignore"):
            keys = (block * weights).sum(axis=1, dtype=np.uint64)
        order = np.lexsort((np.arange(n), keys))
        same = keys[order][1:] == keys[order][:-1]
        found.append(np.stack([order[:-1][same], order[1:][same]], axis=1))
    pairs = np.concatenate(found) if found else np.empty((0, 2), dtype=np.int64)
    pairs.sort(axis=1)
    return np.unique(pairs, axis=0)


def near_duplicates(store: Store, *, threshold: float = 0.8) -> dict[str, str]:
    """article id → cluster id, for the articles that have at least one near duplicate."""
    rows = store.backend.query(
        "SELECT s.article_id, s.signature FROM article_signatures s JOIN articles a "
        "ON a.id = s.article_id AND a.content_hash = s.content_hash")
    rows.sort(key=lambda r: r[0])
    if len(rows) < 2:
        return {}
    ids = [r[0] for r in rows]
    signatures = np.frombuffer(b"".join(bytes(r[1]) for r in rows), dtype=np.uint64)
    signatures = signatures.reshape(len(ids), NUM_PERM)
    bands, per_band = lsh_bands(threshold)
    pairs = candidate_pairs(signatures, bands=bands, rows=per_band)
    if len(pairs):
        # The estimated Jaccard similarity: the share of equal MinHash values.
        estimate = (signatures[pairs[:, 0]] == signatures[pairs[:, 1]]).mean(axis=1)
        pairs = pairs[estimate >= threshold]
    groups = UnionFind(len(ids))
    for i, j in pairs.tolist():
        groups.union(i, j)
    clusters: dict[str, str] = {}
    for members in groups.components():
        if len(members) > 1:
            name = ids[members[0]]  # ids are sorted: the first is the smallest
            clusters.update((ids[m], name) for m in members)
    return clusters
