"""CI runs every test: a missing ../shared (or PostgreSQL) fails there instead of skipping."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _conftest():
    spec = importlib.util.spec_from_file_location("tests_conftest_copy", ROOT / "tests" / "conftest.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_missing_shared_folder_fails_under_ci_and_skips_elsewhere(monkeypatch, tmp_path: Path) -> None:
    conftest = _conftest()
    monkeypatch.setattr(conftest, "SHARED", tmp_path / "no-shared")
    monkeypatch.setenv("CI", "1")
    with pytest.raises(pytest.fail.Exception, match="CI must provide it"):
        conftest.need_shared()
    monkeypatch.delenv("CI")
    with pytest.raises(pytest.skip.Exception):
        conftest.need_shared()


def test_ci_script_sets_ci_before_the_tests() -> None:
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "export CI=1" in script
    assert script.index("export CI=1") < script.index(".venv/bin/python -m pytest")
