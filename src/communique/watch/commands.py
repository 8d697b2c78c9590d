"""Watch commands of the ``communique`` CLI, each a thin shell over one library call.

    communique watch --feeds FEEDS.txt [--dir INBOX] [--db PATH] [--every 15m] [--once]
    communique feeds [--db PATH] [--feeds FEEDS.txt] [--format table|jsonl|csv]
"""

from __future__ import annotations

import argparse
import re
import sys
import threading
from pathlib import Path
from typing import Any

from communique.errors import UsageError

_DURATION = re.compile(r"^(\d+(?:\.\d+)?)([smhd]?)$")
_UNIT = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}
MIN_EVERY = 60.0  # seconds: polling a feed more often than this is not polite


def duration(text: str) -> float:
    """``90s``, ``15m``, ``1h``, ``1d`` or plain seconds."""
    match = _DURATION.match(text.strip().lower())
    if not match:
        raise argparse.ArgumentTypeError(f"not a duration: {text!r} (e.g. 90s, 15m, 1h)")
    return float(match.group(1)) * _UNIT[match.group(2)]


def cmd_watch(args: argparse.Namespace) -> int:
    from communique.coder import Coder, CoderSettings
    from communique.console import EXIT_OK, EXIT_REJECTED
    from communique.ingest.feeds import read_feed_list
    from communique.ingest.fetch import FetchSettings, user_agent
    from communique.store import open_store
    from communique.watch.loop import stop_on_signals, watch
    from communique.watch.poll import Inbox, PollSummary, WatchSettings

    if not args.feeds and not args.dir:
        raise UsageError("nothing to watch: give --feeds FILE, --dir FOLDER or both")
    if args.every < MIN_EVERY:
        raise UsageError(f"--every {args.every:g} s is too often: at least {MIN_EVERY:g} s")
    for name, value, low in (("--per-host", args.per_host, 1), ("--timeout", args.timeout, 1),
                             ("--retries", args.retries, 0), ("--max-mb", args.max_mb, 0.1)):
        if value < low:
            raise UsageError(f"{name} must be at least {low}: got {value}")
    feeds = read_feed_list(Path(args.feeds)) if args.feeds else []
    if args.dir and not Path(args.dir).is_dir():
        raise UsageError(f"--dir {args.dir}: not a folder")
    settings = WatchSettings(every=args.every, link=not args.no_link, vectors=not args.no_vectors,
                             fetch=FetchSettings(timeout=args.timeout, retries=args.retries,
                                                 max_bytes=int(args.max_mb * 1_000_000),
                                                 per_host=args.per_host,
                                                 user_agent=user_agent(args.contact)))
    coder = Coder(settings=CoderSettings(actor_file=Path(args.actors) if args.actors else None))
    stop = threading.Event()
    last: list[PollSummary] = []

    def report(summary: PollSummary) -> None:
        last[:] = [summary]
        print(summary.describe(), flush=True)
        for url, reason in summary.errors[:10]:
            print(f"  {url}  {reason}", file=sys.stderr)
        if len(summary.errors) > 10:
            print(f"  … and {len(summary.errors) - 10} more (communique feeds)", file=sys.stderr)

    with open_store(args.db) as store, stop_on_signals(stop):
        summary = watch(once=args.once, stop=stop, report=report, store=store, coder=coder,
                        feeds=feeds, inbox=Inbox(Path(args.dir)) if args.dir else None,
                        settings=settings)
        if summary.counts["rejected"]:
            from communique.console import report_rejections

            report_rejections(store.rejections(run_id=summary.run.id),
                              total=summary.counts["rejected"])
    if not args.once:
        return EXIT_OK  # stopped as asked
    return EXIT_REJECTED if summary.errors or summary.counts["rejected"] else EXIT_OK


def cmd_feeds(args: argparse.Namespace) -> int:
    from communique.ingest.feeds import read_feed_list
    from communique.store.commands import _store
    from communique.store.feeds import FeedState, list_feeds
    from communique.store.render import write_rows

    with _store(args) as store:
        states = {f.url: f for f in list_feeds(store)}
    if args.feeds:
        for url in read_feed_list(Path(args.feeds)):
            states.setdefault(url, FeedState(url=url, status="never polled"))
    rows = [{"feed": f.url, "status": f.status, "last_poll": f.last_poll, "items": f.items,
             "errors": f.errors, "next_poll": f.next_poll, "last_error": f.last_error}
            for f in sorted(states.values(), key=lambda f: f.url)]
    write_rows(rows, columns=("feed", "status", "last_poll", "items", "errors", "next_poll",
                              "last_error"), fmt=args.format, out=sys.stdout)
    return 0


def add_commands(sub: Any) -> None:
    """Register the watch commands on the ``communique`` sub-parsers."""
    from communique.ingest.fetch import FetchSettings
    from communique.store.commands import _db

    defaults = FetchSettings()
    p = sub.add_parser("watch", help="poll RSS/Atom feeds and a folder into the store (live "
                                     "monitoring; docs/watch.md)")
    _db(p)
    p.add_argument("--feeds", metavar="FILE", help="feed URLs, one a line (# comments)")
    p.add_argument("--dir", metavar="FOLDER",
                   help="also take new or changed .txt, .html and .jsonl files from this folder")
    p.add_argument("--every", type=duration, default=900.0, metavar="DURATION",
                   help="time between two polls: 90s, 15m, 1h (default 15m; at least 1m)")
    p.add_argument("--once", action="store_true", help="poll once and exit (for cron)")
    p.add_argument("--per-host", type=int, default=defaults.per_host, metavar="N",
                   help=f"at most N requests per host per minute (default {defaults.per_host})")
    p.add_argument("--timeout", type=float, default=defaults.timeout, metavar="SECONDS",
                   help=f"give up on an answer after this long (default {defaults.timeout:g})")
    p.add_argument("--retries", type=int, default=defaults.retries, metavar="N",
                   help="tries again after a timeout, a broken connection, a 429 or 5xx, with "
                        f"back-off (default {defaults.retries})")
    p.add_argument("--max-mb", type=float, default=defaults.max_bytes / 1_000_000, metavar="MB",
                   help="a larger page or feed is abandoned (default "
                        f"{defaults.max_bytes / 1_000_000:g})")
    p.add_argument("--contact", metavar="URL_OR_EMAIL",
                   help="how site owners can reach you, added to the User-Agent")
    p.add_argument("--actors", metavar="TSV", help="your own actor file (see docs/actors.md)")
    p.add_argument("--no-link", action="store_true", help="do not link stories after each poll")
    p.add_argument("--no-vectors", action="store_true",
                   help="link without multilingual sentence vectors")
    p.set_defaults(func=cmd_watch)

    p = sub.add_parser("feeds", help="each watched feed's state: last poll, items, errors, next poll")
    _db(p)
    p.add_argument("--feeds", metavar="FILE", help="also list these feeds, polled or not")
    p.add_argument("--format", choices=("table", "jsonl", "csv"), default="table",
                   help="output format (default: table)")
    p.set_defaults(func=cmd_feeds)
