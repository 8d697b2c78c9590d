"""Shared fixtures. Tests that need ../shared (gold sets, corpora) are marked `shared` and are
skipped when it is missing (a user's fresh clone); CI has it and runs them.

The coders of the tests raise their internal errors (``CoderSettings.raise_errors``) and the
``code_*`` fixtures fail on a rejected article: a coder that breaks on every article must not pass
the tests that expect no event."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("COMMUNIQUE_SHARED", ROOT.parent / "shared"))


def pytest_configure(config: pytest.Config) -> None:
    os.environ.setdefault("COMMUNIQUE_CACHE", str(ROOT / ".pytest_cache" / "communique"))


@pytest.fixture(scope="session")
def shared() -> Path:
    if not (SHARED / "eval").is_dir():
        pytest.skip("../shared is not beside the checkout")
    return SHARED


def accepted(coded):
    """``coded`` itself, after checking that no stage rejected the article."""
    assert coded.rejected is None, coded.rejected
    return coded


@pytest.fixture(scope="session")
def coder():
    from communique.coder import Coder, CoderSettings

    return Coder(CoderSettings(raise_errors=True))


@pytest.fixture(scope="session")
def code_text(coder):
    """Code one article given as text; returns the CodedArticle, which must not be rejected."""
    from communique.model import Article

    def run(text: str, *, lang: str | None = None, published: str | None = "2025-06-05",
            article_id: str = "t") -> object:
        return accepted(coder.code_article(Article(id=article_id, text=text, lang=lang, published=published)))

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
            article_id: str = "t") -> object:
        return accepted(rules_coder.code_article(Article(id=article_id, text=text, lang=lang,
                                                         published=published)))

    return run
