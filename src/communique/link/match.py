"""Do two reported events describe the same real-world event?

Hard conditions first (cheap): same type, compatible participants, compatible place, dates
within the window. Then one of three signals must hold:

- similar evidence: Jaccard of character 4-gram or word shingles of the evidence sentences;
- similar meaning: cosine of multilingual sentence vectors (a French and an English report);
- the same specifics: same mode, same city (GeoNames id) and the same day read in both texts.

Every decision is a pure function of the two events, so linking never depends on the order
in which pairs are met.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from communique.link.blocking import SYMMETRIC_MODES
from communique.link.events import LinkEvent
from communique.link.shingles import TextSimilarity


@dataclass(frozen=True, slots=True)
class LinkRules:
    window_days: int = 3
    # Evidence shingles of two wordings of one event score 0.3-0.5; unrelated events of the
    # same dyad and type rarely pass 0.25.
    text_threshold: float = 0.3
    # Universal Sentence Encoder cosine of the closest pair of evidence sentences: a French
    # report and its English counterpart score about 0.7 (0.85 for a close translation); the
    # same pair against another visit of the same delegation about 0.58. Within a block the
    # date window does most of the separating; this only has to say "about the same thing".
    vector_threshold: float = 0.65


def _overlap(a: frozenset[str], b: frozenset[str]) -> bool:
    return bool(a & b) or (not a and not b)


def participants_compatible(a: LinkEvent, b: LinkEvent) -> bool:
    """Actor sets overlap and recipient sets overlap (roles may swap for meetings)."""
    if _overlap(a.actors, b.actors) and _overlap(a.recipients, b.recipients):
        return True
    if a.mode in SYMMETRIC_MODES or b.mode in SYMMETRIC_MODES:
        return _overlap(a.actors, b.recipients) and _overlap(a.recipients, b.actors)
    return False


def place_compatible(a: LinkEvent, b: LinkEvent) -> bool:
    """The same country, or one of them unknown."""
    return a.country is None or b.country is None or a.country == b.country


def dates_compatible(a: LinkEvent, b: LinkEvent, *, window: int) -> bool:
    if a.lo is None or b.lo is None or a.hi is None or b.hi is None:
        return False
    return a.lo - window <= b.hi and b.lo - window <= a.hi


def same_specifics(a: LinkEvent, b: LinkEvent) -> bool:
    return (a.exact_day and b.exact_day and a.lo == b.lo and a.mode == b.mode
            and a.geonameid is not None and a.geonameid == b.geonameid)


class Matcher:
    """Decides pairs; counts what it compared and why it linked."""

    def __init__(self, *, rules: LinkRules, vectors: dict[str, np.ndarray] | None = None) -> None:
        self.rules = rules
        self.vectors = vectors or {}
        self.text = TextSimilarity()
        self.compared = 0
        self.reasons: dict[str, int] = {"text": 0, "vector": 0, "specifics": 0, "duplicate": 0}

    def compatible(self, a: LinkEvent, b: LinkEvent) -> bool:
        return (a.article_id != b.article_id and a.event == b.event
                and participants_compatible(a, b) and place_compatible(a, b))

    def same_event(self, a: LinkEvent, b: LinkEvent) -> bool:
        """Two events met in a block: the full test."""
        if not self.compatible(a, b) or not dates_compatible(a, b, window=self.rules.window_days):
            return False
        self.compared += 1
        # Cheapest signal first: the decision is the same in any order.
        if same_specifics(a, b):
            self.reasons["specifics"] += 1
            return True
        va, vb = self.vectors.get(a.id), self.vectors.get(b.id)
        if (va is not None and vb is not None
                and float((va @ vb.T).max()) >= self.rules.vector_threshold):
            self.reasons["vector"] += 1
            return True
        if self.text.similar(a.id, a.evidence, b.id, b.evidence,
                             threshold=self.rules.text_threshold):
            self.reasons["text"] += 1
            return True
        return False

    def same_copy(self, a: LinkEvent, b: LinkEvent) -> bool:
        """Two events of near-duplicate articles: the same text tells the same event, even
        when publication-date fallbacks put the copies days apart."""
        if self.compatible(a, b):
            self.reasons["duplicate"] += 1
            return True
        return False
