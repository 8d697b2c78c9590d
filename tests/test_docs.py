"""Every command and every option of the CLI is documented (README.md or docs/*.md)."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from communique.cli import build_parser

ROOT = Path(__file__).resolve().parent.parent
DOCS = "\n".join(p.read_text(encoding="utf-8") for p in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))])


def _commands() -> list[tuple[str, argparse.ArgumentParser]]:
    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return sorted(sub.choices.items())


@pytest.mark.parametrize("name,parser", _commands())
def test_command_and_its_options_are_documented(name: str, parser: argparse.ArgumentParser) -> None:
    assert f"communique {name}" in DOCS, f"'communique {name}' is not documented"
    for action in parser._actions:
        for flag in action.option_strings:
            if flag.startswith("--") and flag != "--help":
                assert flag in DOCS, f"option {flag} of 'communique {name}' is not documented"



def test_cli_reference_is_up_to_date(monkeypatch) -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location("cli_reference", ROOT / "scripts" / "cli_reference.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    monkeypatch.setenv("COLUMNS", "100")
    assert (ROOT / "docs" / "cli.md").read_text(encoding="utf-8") == module.render(), \
        "docs/cli.md is out of date: run python scripts/cli_reference.py"
