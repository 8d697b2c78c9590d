"""What the command line tells its user besides the results: a status line while the models
load, the rejections of a batch, and the exit code.

Exit codes (docs/cli.md, README):

    0  done: every article coded (or skipped as already stored)
    1  done, but some articles were rejected: their records are written, a summary is printed
    2  bad usage: an unknown option, a missing input or store, an option out of range
    3  failed: the store (or a model, a worker process) could not do its part; what was
       stored is whole, and running the same command again resumes
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator, Sequence
from typing import TextIO, TypeVar

from communique.errors import BadParameter, CommuniqueError, EvaluationError, InputError, UsageError

EXIT_OK, EXIT_REJECTED, EXIT_USAGE, EXIT_FAILED = 0, 1, 2, 3
# Rejections listed at the end of a batch; the rest are in the output or the store.
SHOWN_REJECTIONS = 10
LOADING = "loading the language models (20 to 60 s the first time)…"

T = TypeVar("T")


def exit_code(error: CommuniqueError) -> int:
    """Bad usage (the user can fix the command line) or a failure (re-run when fixed)."""
    # a bad filter value (an impossible date, an unknown code) is bad usage too
    return EXIT_USAGE if isinstance(error, (UsageError, InputError, EvaluationError, BadParameter)) else EXIT_FAILED


class Status:
    """One line on standard error saying what is going on, only when it is a terminal (a log
    file or a pipe gets nothing: the line is rewritten in place with carriage returns)."""

    def __init__(self, out: TextIO | None = None) -> None:
        self.out = out or sys.stderr
        self.enabled = self.out.isatty()
        self.shown = False

    def show(self, text: str) -> None:
        if self.enabled:
            self.out.write(f"\r\033[Kcommunique: {text}")
            self.out.flush()
            self.shown = True

    def clear(self) -> None:
        if self.shown:
            self.out.write("\r\033[K")
            self.out.flush()
            self.shown = False

    def until_first(self, items: Iterable[T], text: str = LOADING) -> Iterator[T]:
        """The items, with ``text`` shown until the first one arrives."""
        self.show(text)
        try:
            for item in items:
                self.clear()
                yield item
        finally:
            self.clear()


def report_skips(article_id: str, skipped: Sequence[str], out: TextIO | None = None) -> None:
    """The words of one article read as possible acts but not coded, each with its reason
    (``'attaque'@217: sports report (…)``); nothing when there are none."""
    if not skipped:
        return
    out = out or sys.stderr
    out.write(f"{article_id}: {len(skipped)} word{'s' if len(skipped) > 1 else ''} not coded\n")
    for line in skipped:
        out.write(f"  {line}\n")


def report_rejections(rejections: Sequence[tuple[str, str, str]], *, total: int,
                      out: TextIO | None = None) -> None:
    """``N articles rejected`` and the first few as ``id  stage: reason``."""
    if not total:
        return
    out = out or sys.stderr
    out.write(f"communique: {total} article{'s' if total > 1 else ''} rejected:\n")
    for article_id, stage, reason in rejections[:SHOWN_REJECTIONS]:
        out.write(f"  {article_id}  {stage}: {reason}\n")
    if total > SHOWN_REJECTIONS:
        out.write(f"  … and {total - SHOWN_REJECTIONS} more\n")
