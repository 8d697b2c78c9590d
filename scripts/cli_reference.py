"""Write docs/cli.md from the command line's own help text.

    python scripts/cli_reference.py          # rewrite docs/cli.md
    python scripts/cli_reference.py --check  # exit 1 when docs/cli.md is out of date
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from communique.cli import build_parser

OUT = Path(__file__).resolve().parent.parent / "docs" / "cli.md"


def render() -> str:
    os.environ["COLUMNS"] = "100"  # argparse wraps help text to the terminal width
    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    lines = ["# Command-line reference", "",
             "Generated from `communique --help` by `scripts/cli_reference.py`; the how-tos are in the",
             "README and the other docs.", "",
             "Exit codes, for every command: `0` done; `1` done, but some articles were rejected",
             "(listed on standard error with their reasons); `2` bad usage (an unknown option, an",
             "input or store that does not exist, an option out of range); `3` failed (the store, a",
             "model or a worker process; what was stored is whole, and the same command resumes).",
             ""]
    for name, command in sorted(sub.choices.items()):
        command.prog = f"communique {name}"
        lines += [f"## communique {name}", "", "```", command.format_help().rstrip(), "```", ""]
    return "\n".join(lines)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args()
    text = render()
    if args.check:
        current = OUT.read_text(encoding="utf-8") if OUT.exists() else ""
        if current != text:
            print(f"{OUT} is out of date: run python scripts/cli_reference.py", file=sys.stderr)
            return 1
        return 0
    OUT.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
