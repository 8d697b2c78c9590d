"""The progress bar of a run, on standard error: articles done, articles/s, ETA, rejections."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path
from typing import TextIO

from communique.ingest.readers import HTML_SUFFIXES, JSONL_SUFFIXES, TEXT_SUFFIXES

# Refresh at most this often (seconds): drawing is not free and logs fill up.
REFRESH_SECONDS = 0.5


def count_inputs(inputs: list[str]) -> int | None:
    """How many items ``read_inputs`` will yield, counted cheaply; None when unknown (stdin).

    JSONL files count their non-blank lines (one read of the bytes, no JSON parsing); any other
    readable file counts one.
    """
    total = 0
    for name in inputs:
        if name == "-":
            return None
        path = Path(name)
        if path.is_dir():
            for child in path.rglob("*"):
                suffix = child.suffix.lower()
                if (child.is_file() and not child.name.startswith(".")
                        and child.name.lower() != "readme.md"
                        and suffix in TEXT_SUFFIXES | JSONL_SUFFIXES | HTML_SUFFIXES):
                    total += _count_file(child)
        elif path.is_file():
            total += _count_file(path)
        else:
            return None  # read_inputs will say what is wrong
    return total


def _count_file(path: Path) -> int:
    if path.suffix.lower() not in JSONL_SUFFIXES:
        return 1
    with path.open("rb") as fh:
        return sum(1 for line in fh if line.strip())


class Progress:
    """A tqdm bar over the input items; a no-op when disabled."""

    def __init__(self, *, total: int | None, enabled: bool, out: TextIO | None = None) -> None:
        self._bar = None
        if enabled:
            from tqdm import tqdm

            self._bar = tqdm(total=total, unit=" articles", desc="coding", file=out or sys.stderr,
                             mininterval=REFRESH_SECONDS, smoothing=0.05, dynamic_ncols=True)

    def advance(self, n: int, counts: Counter[str]) -> None:
        if self._bar is None or not n:
            return
        self._bar.set_postfix_str(f"stored {counts['stored']}, rejected {counts['rejected']}, "
                                  f"skipped {counts['unchanged'] + counts['duplicate']}",
                                  refresh=False)
        self._bar.update(n)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
