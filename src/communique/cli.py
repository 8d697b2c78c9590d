"""The ``communique`` command: a thin shell over the library.

    communique code INPUT... [-o OUT] [--format jsonl|geojson] [--summary]
    communique evaluate --gold GOLD.jsonl [--articles ARTICLES.jsonl] [--predictions OUT]

Exit codes: 0 done, 1 some articles rejected, 2 bad usage, 3 failed (``communique.console``).
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
import traceback
from pathlib import Path

from communique import __version__
from communique.console import EXIT_FAILED, EXIT_OK, EXIT_REJECTED, exit_code
from communique.errors import CommuniqueError


def cmd_code(args: argparse.Namespace) -> int:
    from communique.coder import Coder, CoderSettings
    from communique.console import SHOWN_REJECTIONS, Status, report_rejections, report_skips
    from communique.export.writers import geojson, jsonl_line, open_output, summary_table
    from communique.ingest import read_inputs
    from communique.ingest.readers import check_inputs

    check_inputs(args.inputs)  # a mistyped path is bad usage: stop before loading any model
    coder = Coder(settings=CoderSettings(actor_file=Path(args.actors) if args.actors else None,
                                         vectors=not args.no_vectors,
                                         first_pass=args.first_pass, keep_skips=args.why_not))
    coded = []
    rejections: list[tuple[str, str, str]] = []
    rejected = 0
    exclude = [Path(args.output)] if args.output not in (None, "-") else []
    out = open_output(args.output)
    try:
        items = coder.code_items(read_inputs(args.inputs, exclude=exclude))
        for item in Status().until_first(items):
            if item.rejected is not None:
                rejected += 1
                if len(rejections) < SHOWN_REJECTIONS:
                    rejections.append((item.article.id, item.rejected.stage, item.rejected.reason))
            if args.format == "jsonl":
                out.write(jsonl_line(item) + "\n")
                out.flush()
            coded.append(item) if (args.summary or args.format == "geojson") else None
            if args.why_not:
                report_skips(item.article.id, coder.skipped.pop(item.article.id, []))
        if args.format == "geojson":
            json.dump(geojson(coded), out, ensure_ascii=False, indent=1)
            out.write("\n")
    finally:
        if out is not sys.stdout:
            out.close()
    if args.summary:
        summary_table(coded, sys.stderr if args.output in (None, "-") else sys.stdout)
    report_rejections(rejections, total=rejected)
    return EXIT_REJECTED if rejected else EXIT_OK


def cmd_evaluate(args: argparse.Namespace) -> int:
    from communique.console import Status
    from communique.evaluate.run import evaluate

    status = Status()
    status.show("coding the gold set's articles (the language models load first: 20 to 60 s)…")
    try:
        result = evaluate(gold=Path(args.gold), articles=Path(args.articles) if args.articles else None,
                          predictions=Path(args.predictions) if args.predictions else None,
                          count_background=args.all)
    finally:
        status.clear()
    if args.json:
        json.dump(result, sys.stdout, indent=1, ensure_ascii=False)
        print()
    else:
        from communique.evaluate.scoring import format_report

        print(format_report(result))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="communique", description="Code news about relations "
                                     "between states into PLOVER event records (French and English).")
    parser.add_argument("--version", action="version", version=f"communique {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    code = sub.add_parser("code", help="code articles and write one JSON line per article")
    code.add_argument("inputs", nargs="+", metavar="INPUT",
                      help=".txt (first line = title), .html, .jsonl files, directories, or - for stdin")
    code.add_argument("-o", "--output", help="output file (default: standard output)")
    code.add_argument("--format", choices=("jsonl", "geojson"), default="jsonl",
                      help="jsonl: one line per article (default); geojson: one point per located event")
    code.add_argument("--summary", action="store_true",
                      help="print a table of the events (type, actor → recipient, place, date)")
    code.add_argument("--actors", metavar="TSV", help="your own actor file (see docs/actors.md)")
    code.add_argument("--first-pass", action="store_true",
                      help="parse fully only the sentences that may hold an event (experimental: no measured gain yet; docs/scale.md)")
    code.add_argument("--no-vectors", action="store_true",
                      help="skip the learned signal (sentence vectors): faster, confidence from rules only")
    code.add_argument("--why-not", action="store_true",
                      help="also print, for each article, the words read as possible acts that were not coded, "
                           "and why (to standard error)")
    code.set_defaults(func=cmd_code)

    ev = sub.add_parser("evaluate", help="code a gold set's articles and score them")
    ev.add_argument("--gold", required=True, help="gold events, one line per article")
    ev.add_argument("--articles", help="the gold set's articles (JSONL); not needed when the gold "
                    "lines carry the text, as `communique export --reviewed --format gold` writes them")
    ev.add_argument("--predictions", help="also write the coded articles to this JSONL file")
    ev.add_argument("--all", action="store_true", help="count background gold events too")
    ev.add_argument("--json", action="store_true", help="print the full result as JSON")
    ev.set_defaults(func=cmd_evaluate)

    # Commands of other packages register themselves here (store, actors, runner, web).
    for module in ("communique.store.commands", "communique.mentions.commands", "communique.runner.commands",
                   "communique.web.commands", "communique.web.review_commands",
                   "communique.train.commands",
                   "communique.watch.commands"):
        try:
            mod = importlib.import_module(module)
        except ModuleNotFoundError as exc:
            if exc.name is None or not module.startswith(exc.name):
                raise
            continue
        mod.add_commands(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run one command; the exit codes are those of ``communique.console``."""
    args = build_parser().parse_args(argv)  # bad usage exits with 2 here
    try:
        return args.func(args)
    except CommuniqueError as exc:
        print(f"communique: error: {exc}", file=sys.stderr)
        return exit_code(exc)
    except BrokenPipeError:
        return EXIT_OK  # `communique events | head`: the reader had what it wanted
    except KeyboardInterrupt:
        print("communique: interrupted; what was stored is whole (run the same command again "
              "to resume)", file=sys.stderr)
        return 130
    except Exception:  # noqa: BLE001 - a bug: keep the traceback, but not exit 1 ("rejected")
        traceback.print_exc()
        print("communique: internal error (a bug: please report it with the traceback above)",
              file=sys.stderr)
        return EXIT_FAILED


if __name__ == "__main__":
    sys.exit(main())
