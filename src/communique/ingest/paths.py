"""Which files an input names: a file, a folder walked in a stable order, a pipe.

Anything under a folder that cannot be read as a file (a FIFO, a socket, a device, a broken
symbolic link, a sub-folder that cannot be listed) is reported as a ``Skipped`` entry, which
the readers turn into a rejection record naming it: nothing under a folder is left out
silently, except names whose suffix is not an input format (``notes.csv``), hidden files and
``README.md``.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

TEXT_SUFFIXES = {".txt", ".text", ".md"}
JSONL_SUFFIXES = {".jsonl", ".ndjson", ".json"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
INPUT_SUFFIXES = TEXT_SUFFIXES | JSONL_SUFFIXES | HTML_SUFFIXES


@dataclass(frozen=True, slots=True)
class Skipped:
    """A path under an input that cannot be read as a file, and why."""

    path: Path
    reason: str


def printable(text: str) -> str:
    """Text that can be written as UTF-8 and stored anywhere: a file name that is not UTF-8
    (read by Python as lone surrogates) or a JSON id with a ``\\ud800`` escape or a NUL gets
    its odd characters as visible escapes."""
    return text.encode("utf-8", "backslashreplace").decode("utf-8").replace("\x00", "\\x00")


def is_input_name(path: Path) -> bool:
    """Is this file name one the readers read inside a folder?"""
    return (path.suffix.lower() in INPUT_SUFFIXES and not path.name.startswith(".")
            and path.name.lower() != "readme.md")


def kind_of(mode: int) -> str:
    """A user's word for a special file."""
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def walk(folder: Path, *, exclude: set[Path]) -> Iterator[Path | Skipped]:
    """Input files under a folder, sorted by path; what cannot be read becomes ``Skipped``.

    Symbolic links to folders are followed once each (a link back up the tree is not a loop).
    """
    seen: set[tuple[int, int]] = set()
    entries: list[Path | Skipped] = []

    def failed(err: OSError) -> None:
        where = Path(err.filename) if err.filename else folder
        entries.append(Skipped(where, f"cannot list the folder ({err.strerror})"))

    for root, dirs, files in os.walk(folder, onerror=failed, followlinks=True):
        try:
            st = os.stat(root)
        except OSError:
            continue
        if (st.st_dev, st.st_ino) in seen:
            dirs[:] = []
            continue
        seen.add((st.st_dev, st.st_ino))
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            child = Path(root) / name
            if not is_input_name(child) or child.resolve() in exclude:
                continue
            entries.append(classify(child))
    yield from sorted(entries, key=lambda e: str(e.path if isinstance(e, Skipped) else e))


def classify(path: Path) -> Path | Skipped:
    """A regular file, or what it is instead (a broken link, a FIFO, no access)."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        if path.is_symlink():
            return Skipped(path, f"broken symbolic link (to {os.readlink(path)})")
        return Skipped(path, "vanished while the folder was read")
    except OSError as exc:
        return Skipped(path, f"cannot read ({exc.strerror})")
    if stat.S_ISREG(mode):
        return path
    return Skipped(path, f"{kind_of(mode)}, not a file")
