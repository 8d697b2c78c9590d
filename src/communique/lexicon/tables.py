"""Read the TSV data files shipped under ``communique/data``.

Format shared by every table: UTF-8, tab-separated, first non-comment line is the header,
lines starting with ``#`` and blank lines are ignored, empty cells read as ``""``.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from importlib import resources
from pathlib import Path

from communique.errors import LexiconError


def data_path(*parts: str) -> Path:
    """Path of a file under the package's ``data`` folder."""
    return Path(str(resources.files("communique").joinpath("data", *parts)))


def read_tsv(path: Path) -> Iterator[dict[str, str]]:
    """Rows of a TSV data file as dicts keyed by the header's column names."""
    if not path.exists():
        raise LexiconError(f"data file not found: {path}")
    header: list[str] | None = None
    with path.open(encoding="utf-8") as fh:
        for lineno, raw in enumerate(fh, 1):
            line = raw.rstrip("\n").rstrip("\r")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            cells = line.split("\t")
            if header is None:
                header = [c.strip() for c in cells]
                continue
            if len(cells) > len(header):
                raise LexiconError(f"{path.name}:{lineno}: {len(cells)} cells, header has {len(header)}")
            cells += [""] * (len(header) - len(cells))
            yield {k: v.strip() for k, v in zip(header, cells)}


# Kinds of ``time_words.tsv`` that name a time on their own ("mardi", "juin", "hier", "matin")
POINT_IN_TIME_KINDS = frozenset({"month", "weekday", "relative_day", "day_part"})


@lru_cache(maxsize=None)
def time_words(lang: str) -> frozenset[str]:
    """Lower-case words of ``data/<lang>/time_words.tsv`` that name a time on their own."""
    return frozenset(row["word"].lower() for row in read_tsv(data_path(lang, "time_words.tsv"))
                     if row.get("kind") in POINT_IN_TIME_KINDS)


@lru_cache(maxsize=None)
def number_words(lang: str) -> dict[str, int]:
    """Number words of ``data/<lang>/time_words.tsv`` ("trois" → 3, "three" → 3)."""
    return {row["word"].lower(): int(row["value"]) for row in read_tsv(data_path(lang, "time_words.tsv"))
            if row.get("kind") == "number" and (row.get("value") or "").isdigit()}
