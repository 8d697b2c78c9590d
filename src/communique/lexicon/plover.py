"""The PLOVER tables shipped in ``data/plover`` (CC BY-SA 4.0, Open Event Data Alliance)."""

from __future__ import annotations

import csv
import functools
from dataclasses import dataclass

from communique.lexicon.tables import data_path


@dataclass(frozen=True, slots=True)
class Plover:
    modes: dict[str, frozenset[str]]  # event type -> its modes
    scores: dict[tuple[str, str], float]  # (event, mode or "") -> intensity
    quad: dict[str, int]  # event type -> quad code
    cameo: dict[tuple[str, str], str]  # (event, mode or "") -> first CAMEO code mapping to it
    contexts: frozenset[str]

    def intensity(self, event: str, mode: str | None) -> float | None:
        return self.scores.get((event, mode or ""), self.scores.get((event, "")))

    def cameo_code(self, event: str, mode: str | None) -> str | None:
        return self.cameo.get((event, mode or ""), self.cameo.get((event, "")))

    def valid_mode(self, event: str, mode: str | None) -> bool:
        if mode is None:
            return True
        return mode in self.modes.get(event, frozenset()) or (event, mode) == ("CONSULT", "meet")


def _rows(name: str) -> list[dict[str, str]]:
    with data_path("plover", name).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@functools.lru_cache(maxsize=1)
def plover() -> Plover:
    modes: dict[str, set[str]] = {}
    for row in _rows("plover_event_modes.csv"):
        modes.setdefault(row["event"], set()).add(row["mode"])
    scores = {(r["event"], r["mode"] or ""): float(r["score"]) for r in _rows("plover_scores.csv")}
    quad = {r["event"]: int(r["quad_numeric"]) for r in _rows("plover_quad_categories.csv")}
    cameo: dict[tuple[str, str], str] = {}
    rows = _rows("cameo2plover_2021.csv")
    # Rows without a mode first, so an event's default is its general code (CONSULT → 040),
    # then the first (most general) code of each (event, mode).
    for row in sorted(rows, key=lambda r: bool(r["plover_mode"])):
        cameo.setdefault((row["plover_event"], row["plover_mode"] or ""), row["cameo_code"])
    contexts = frozenset(r["context"] for r in _rows("plover_contexts.csv"))
    return Plover(modes={k: frozenset(v) for k, v in modes.items()}, scores=scores, quad=quad,
                  cameo=cameo, contexts=contexts)
