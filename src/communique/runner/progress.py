"""The progress bar of a run, on standard error: articles done, articles/s, ETA, rejections."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path
from typing import TextIO

from communique.ingest.paths import JSONL_SUFFIXES, walk

# Refresh at most this often (seconds): drawing is not free and logs fill up.
REFRESH_SECONDS = 0.5


def count_inputs(inputs: list[str]) -> int | None:
    """How many items ``read_inputs`` will yield, counted cheaply; None when unknown (stdin).

    JSONL files count their non-blank lines (one read of the bytes, no JSON parsing); any other
    file, and anything under a folder that cannot be read, counts one (one rejection).
    """
    total = 0
    for name in inputs:
        if name == "-":
            return None
        path = Path(name)
        if path.is_dir():
            total += sum(_count_file(e) if isinstance(e, Path) else 1
                         for e in walk(path, exclude=set()))
        elif path.is_file():
            total += _count_file(path)
        else:
            return None  # a pipe (read once only), or read_inputs will say what is wrong
    return total


def _count_file(path: Path) -> int:
    if path.suffix.lower() not in JSONL_SUFFIXES:
        return 1
    try:
        with path.open("rb") as fh:
            return sum(1 for line in fh if line.strip()) or 1
    except OSError:
        return 1  # read_inputs rejects it: one record


class Progress:
    """A tqdm bar over the input items; a no-op when disabled."""

    def __init__(self, *, total: int | None, enabled: bool, out: TextIO | None = None) -> None:
        self._bar = None
        self._coding = False
        if enabled:
            from tqdm import tqdm

            # Until the first coded article, the workers are loading their models (20-60 s):
            # the bar says so rather than look stuck.
            self._bar = tqdm(total=total, unit=" articles", desc="loading models",
                             file=out or sys.stderr, mininterval=REFRESH_SECONDS, smoothing=0.05,
                             dynamic_ncols=True)

    def coding(self) -> None:
        """The first article is coded: the models are loaded."""
        if self._bar is not None and not self._coding:
            self._bar.set_description_str("coding", refresh=False)
        self._coding = True

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
