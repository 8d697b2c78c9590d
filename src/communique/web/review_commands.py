"""``communique reviews``: what reviewers said, from the command line (docs/web.md, Review).

    communique reviews [--db PATH] [--needs-look] [--format table|jsonl|csv]
    communique reviews --precision
    communique reviews --history --format csv -o history.csv
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any


def cmd_reviews(args: argparse.Namespace) -> int:
    from communique.store import reviews as store_reviews
    from communique.store.commands import _out, _store
    from communique.store.render import write_rows

    with _store(args) as store:
        backend = store.backend
        if args.precision:
            figures = store_reviews.precision(backend)
            rows = [{"type": kind, **row} for kind, row in figures.items()]
            columns: tuple[str, ...] = ("type", "confirmed", "corrected", "retyped", "rejected",
                                        "reviewed", "precision", "added")
        elif args.history:
            rows = [{**row, "changes": json.dumps(row["changes"], ensure_ascii=False),
                     "machine_type": (row["machine"] or {}).get("event")}
                    for row in store_reviews.history(backend)]
            columns = ("at", "review_id", "position", "reviewer", "action", "verdict", "reason",
                       "changes", "article_id", "event_id", "coder_version", "machine_type")
            if args.format == "jsonl":
                rows = list(store_reviews.history(backend))
        else:
            found = store_reviews.reviews(backend, needs_look=True if args.needs_look else None)
            if args.format == "jsonl":
                rows = [r.to_dict() for r in found]
            else:
                rows = [{"updated": r.updated, "verdict": r.verdict, "reason": r.reason or "",
                         "machine_type": r.machine_type or "", "changes": ", ".join(
                             k for k in r.changes if k != "added"), "reviewer": r.reviewer,
                         "article_id": r.article_id, "event_id": r.event_id or "",
                         "needs_look": r.needs_look} for r in found]
            columns = ("updated", "verdict", "reason", "machine_type", "changes", "reviewer",
                       "article_id", "event_id", "needs_look")
    out = _out(args.output)
    try:
        if args.format == "jsonl":
            for row in rows:
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
        else:
            write_rows(rows, columns=columns, fmt=args.format, out=out)
    finally:
        if out is not sys.stdout:
            out.close()
    return 0


def add_commands(sub: Any) -> None:
    from communique.store.commands import DB_HELP, _db_default

    p = sub.add_parser("reviews", help="what reviewers said: the reviews, their whole history, "
                       "the coder's precision per type on reviewed events")
    p.add_argument("--db", default=_db_default(), help=DB_HELP)
    what = p.add_mutually_exclusive_group()
    what.add_argument("--history", action="store_true",
                      help="every review action: who, when, what changed, the machine's values")
    what.add_argument("--precision", action="store_true",
                      help="per type: confirmed, corrected, re-typed, rejected, precision, added")
    what.add_argument("--needs-look", action="store_true",
                      help="only the reviews re-coding could not re-attach to an event")
    p.add_argument("--format", choices=("table", "jsonl", "csv"), default="table",
                   help="output format (default: table)")
    p.add_argument("-o", "--output", help="output file (default: standard output)")
    p.set_defaults(func=cmd_reviews)
