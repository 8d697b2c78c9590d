"""``communique actors``: every actor mention of the input articles and what decided it.

    communique actors INPUT... [--format table|jsonl] [-o OUT] [--actors TSV] [--entities]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def cmd_actors(args: argparse.Namespace) -> int:
    from communique.coder import Coder, CoderSettings
    from communique.export.writers import open_output
    from communique.ingest import read_inputs
    from communique.mentions.report import format_table, jsonl_lines, report_items

    coder = Coder(settings=CoderSettings(actor_file=Path(args.actors) if args.actors else None))
    exclude = [Path(args.output)] if args.output not in (None, "-") else []
    out = open_output(args.output)
    render = jsonl_lines if args.format == "jsonl" else format_table
    try:
        for n, report in enumerate(report_items(read_inputs(args.inputs, exclude=exclude), coder=coder,
                                                entities=args.entities)):
            if n and args.format == "table":
                out.write("\n")
            for line in render(report):
                out.write(line + "\n")
            out.flush()
    finally:
        if out is not sys.stdout:
            out.close()
    return 0


def add_commands(subparsers: argparse._SubParsersAction) -> None:
    """Register ``actors`` on the ``communique`` command line."""
    actors = subparsers.add_parser(
        "actors", help="list every actor mention with its code, sector and the rule or lexicon entry behind it")
    actors.add_argument("inputs", nargs="+", metavar="INPUT",
                        help=".txt (first line = title), .html, .jsonl files, directories, or - for stdin")
    actors.add_argument("--format", choices=("table", "jsonl"), default="table",
                        help="table: aligned columns, one block per article (default); jsonl: one object per mention")
    actors.add_argument("-o", "--output", help="output file (default: standard output)")
    actors.add_argument("--actors", metavar="TSV", help="your own actor file (see docs/actors.md)")
    actors.add_argument("--entities", action="store_true",
                        help="also list the named entities (PER, LOC, ORG) and the rules that shaped them")
    actors.set_defaults(func=cmd_actors)
