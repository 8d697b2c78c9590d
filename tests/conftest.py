"""Shared fixtures. Tests that need ../shared (gold sets, corpora) are marked `shared` and are
skipped when it is missing (a user's fresh clone); in CI (``CI`` set) a missing ../shared is a
failure, not a skip, as a missing PostgreSQL server is (tests/store/store_backends.py).

The coders of the tests raise their internal errors (``CoderSettings.raise_errors``) and the
``code_*`` fixtures fail on a rejected article: a coder that breaks on every article must not pass
the tests that expect no event."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("COMMUNIQUE_SHARED", ROOT.parent / "shared"))


def pytest_configure(config: pytest.Config) -> None:
    os.environ.setdefault("COMMUNIQUE_CACHE", str(ROOT / ".pytest_cache" / "communique"))


def need_shared() -> Path:
    """../shared, or a skip (a user's clone) or a failure (CI) when it is missing."""
    if not (SHARED / "eval").is_dir():
        if os.environ.get("CI"):
            pytest.fail(f"../shared is not beside the checkout ({SHARED}): CI must provide it")
        pytest.skip("../shared is not beside the checkout")
    return SHARED


def accepted(coded):
    """``coded`` itself, after checking that no stage rejected the article."""
    assert coded.rejected is None, coded.rejected
    return coded


@pytest.fixture(scope="session")
def shared() -> Path:
    return need_shared()


# The user permission bits are checked against: "nobody" when the tests run as root (CI does),
# for whom chmod 000 changes nothing.
NOBODY = 65534


@pytest.fixture
def open_folder() -> Iterator[Path]:
    """A temporary folder every user can reach (pytest's own is private to its user)."""
    folder = Path(tempfile.mkdtemp(prefix="communique-perm-"))
    folder.chmod(0o755)
    yield folder
    for path in sorted(folder.rglob("*"), reverse=True):  # give back what a test took away
        if path.is_dir() and not path.is_symlink():
            path.chmod(0o755)
    import shutil

    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def unprivileged() -> Iterator[object]:
    """A context manager under which permission bits bind: as root, the effective user is
    "nobody" inside it (everything to be imported must be imported before); as any other user,
    it changes nothing."""

    @contextlib.contextmanager
    def drop() -> Iterator[None]:
        if os.geteuid() != 0:
            yield
            return
        import importlib.readers  # noqa: F401  (resources are read lazily; nobody cannot
        import encodings.idna  # noqa: F401   read root's Python installation)
        os.seteuid(NOBODY)
        try:
            yield
        finally:
            os.seteuid(0)

    return drop


@pytest.fixture(scope="session")
def coder():
    from communique.coder import Coder, CoderSettings

    return Coder(CoderSettings(raise_errors=True))


@pytest.fixture(scope="session")
def code_text(coder):
    """Code one article given as text (``title``: the text's opening line is its title); returns the
    CodedArticle, which must not be rejected."""
    from communique.model import Article

    def run(text: str, *, lang: str | None = None, published: str | None = "2025-06-05",
            article_id: str = "t", title: str | None = None) -> object:
        return accepted(coder.code_article(Article(id=article_id, text=text, lang=lang, published=published,
                                                   title=title)))

    return run


@pytest.fixture(scope="session")
def rules_coder():
    """A coder without the learned vector signal that records why triggers were skipped."""
    from communique.coder import Coder, CoderSettings

    return Coder(CoderSettings(keep_skips=True, vectors=False, raise_errors=True))


@pytest.fixture(scope="session")
def code_with_rules(rules_coder):
    """Like ``code_text`` on ``rules_coder``, with no publication date unless one is given."""
    from communique.model import Article

    def run(text: str, *, lang: str | None = None, published: str | None = None,
            article_id: str = "t", title: str = "") -> object:
        return accepted(rules_coder.code_article(Article(id=article_id, text=text, lang=lang,
                                                         published=published, title=title)))

    return run
