"""No test sentence is taken from a gold set: a test that copies a gold sentence measures the gold set
again instead of the coder's generalisation (issue 13, item 5).

Every string literal of 40 characters or more in the test files is compared with the texts of the
gold articles (``*.articles.jsonl``) of the sets named in ``COMMUNIQUE_GOLD_SETS`` (a comma list of
folders under ``../shared/eval/``, ``dev`` by default, ``dev,check`` to add the held-out set); a
literal sharing a run of ``RUN`` words with a gold text (case and accents ignored) fails the test.
The failure names the test file, the line and the set only, never the gold text. The dev-regression
tests (``tests/events/test_dev_regressions.py``) may share words with dev, on purpose, and with no
other set.

Without ../shared the test is skipped, unless the environment variable ``CI`` is set."""

from __future__ import annotations

import ast
import hashlib
import json
import os
import re
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("COMMUNIQUE_SHARED", ROOT.parent / "shared"))
TESTS = ROOT / "tests"
RUN = 8  # words in a row shared with a gold text
MIN_CHARS = 40  # shorter literals are names and phrases, not sentences
ALLOWED = {TESTS / "events" / "test_dev_regressions.py": {"dev"}}  # file -> the sets it may quote
_WORD = re.compile(r"\w+")


def words(text: str) -> list[str]:
    """Lower-case words without accents: "L'Armée" -> ["l", "armee"]."""
    text = unicodedata.normalize("NFKD", text.casefold())
    return _WORD.findall("".join(c for c in text if not unicodedata.combining(c)))


def runs(text: str, n: int = RUN) -> Iterator[bytes]:
    """A short digest of every run of ``n`` words of ``text``."""
    w = words(text)
    for i in range(len(w) - n + 1):
        yield hashlib.blake2b(" ".join(w[i:i + n]).encode(), digest_size=8).digest()


class GoldRuns:
    """The word runs of the gold texts of some folders, kept as digests only: nothing of a gold
    text is ever shown, even in a traceback with local variables."""

    def __init__(self, folders: Iterable[Path]) -> None:
        self.names = [f.name for f in folders]
        self._digests: set[bytes] = set()
        for folder in folders:
            for path in sorted(folder.glob("*.articles.jsonl")):
                for line in path.read_text(encoding="utf-8").splitlines():
                    if line.strip():
                        article = json.loads(line)
                        for field in ("title", "text"):
                            self._digests.update(runs(article.get(field) or ""))

    def __contains__(self, text: str) -> bool:
        return any(d in self._digests for d in runs(text))

    def __len__(self) -> int:
        return len(self._digests)

    def __repr__(self) -> str:
        return f"<GoldRuns of {', '.join(self.names)}: {len(self._digests)} runs>"


def literals(path: Path) -> Iterator[tuple[int, str]]:
    """(line, value) of the string literals of ``path`` of ``MIN_CHARS`` or more; adjacent literals
    count as one, as Python joins them, at the line of the first."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = [(node.lineno, node.value) for node in ast.walk(tree)
             if isinstance(node, ast.Constant) and isinstance(node.value, str) and len(node.value) >= MIN_CHARS]
    yield from sorted(found)


def overlaps(files: Iterable[Path], gold: GoldRuns) -> list[str]:
    """"file:line" of every literal sharing a run of words with the gold texts."""
    return [f"{path.relative_to(ROOT)}:{line}" for path in files for line, value in literals(path)
            if value in gold]


def checked_files(gold_set: str) -> list[Path]:
    """The test files checked against one gold set: all but those allowed to quote it."""
    return sorted(p for p in TESTS.rglob("*.py") if gold_set not in ALLOWED.get(p, ()))


def _gold_folders() -> list[Path]:
    names = [n.strip() for n in os.environ.get("COMMUNIQUE_GOLD_SETS", "dev").split(",") if n.strip()]
    folders = [SHARED / "eval" / name for name in names]
    missing = [str(f) for f in folders if not f.is_dir()]
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"gold sets missing on CI: {', '.join(missing)}")
        pytest.skip(f"gold sets not beside the checkout: {', '.join(missing)}")
    return folders


def test_no_test_sentence_comes_from_a_gold_set() -> None:
    found = []
    for folder in _gold_folders():
        gold = GoldRuns([folder])
        assert len(gold), f"no gold text read in {folder.name}"
        found += [f"{where} ({folder.name})" for where in overlaps(checked_files(folder.name), gold)]
    if found:
        pytest.fail(f"{len(found)} string literal(s) share {RUN} words in a row with a gold text; write a "
                    "sentence of your own, or move a case taken from dev to "
                    "tests/events/test_dev_regressions.py:\n  " + "\n  ".join(found), pytrace=False)


def test_the_check_finds_a_shared_run_and_nothing_else(tmp_path: Path) -> None:
    folder = tmp_path / "gold"
    folder.mkdir()
    (folder / "x.articles.jsonl").write_text(json.dumps(
        {"id": "a", "title": None, "text": "Le Ministre a RENCONTRÉ hier son homologue à Tunis pour parler."}) + "\n",
        encoding="utf-8")
    gold = GoldRuns([folder])
    assert "« le ministre a rencontre hier son homologue a tunis », a-t-on appris" in gold
    assert "Le ministre a rencontré lundi son homologue à Alger pour parler." not in gold
    source = tmp_path / "test_x.py"
    source.write_text('A = "short"\nB = ("Enfin, le ministre a rencontré hier son homologue "\n'
                      '     "à Tunis, a-t-on appris de source sûre.")\n', encoding="utf-8")
    assert [(line, "Tunis" in v) for line, v in literals(source)] == [(2, True)]
    assert "hier son homologue" not in repr(gold)
