"""``communique serve``: the dashboard and API over a store, on localhost by default."""

from __future__ import annotations

import argparse
import os
import secrets
import sys
from typing import Any

TOKEN_VARIABLE = "COMMUNIQUE_TOKEN"


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from communique.web.app import create_app

    # --token wins over the variable; the variable is the safer one (an option shows in ps).
    given = args.token or os.environ.get(TOKEN_VARIABLE) or None
    writes = args.allow_ingest or args.allow_review
    token = given or (secrets.token_urlsafe(24) if writes else None)
    hosts = allowed_hosts(args.allowed_hosts, host=args.host)
    app = create_app(args.db, allow_ingest=args.allow_ingest, allow_review=args.allow_review,
                     token=token,
                     cache_seconds=args.cache_seconds, threads=args.threads, allowed_hosts=hosts)
    print(f"communique: serving {args.db} on http://{args.host}:{args.port}/ "
          f"({_mode(args)}; Host header: "
          f"{', '.join(hosts)})", file=sys.stderr)
    if writes and not given:
        print(f"communique: {'ingest' if args.allow_ingest else 'review'} token: {token}",
              file=sys.stderr)
    if args.host not in ("127.0.0.1", "localhost", "::1"):
        print("communique: warning: listening beyond this machine", file=sys.stderr)
    # Kept-alive connections stay open 30 s (uvicorn's 5 s races with clients reusing them).
    uvicorn.run(app, host=args.host, port=args.port, log_level=args.log_level,
                limit_concurrency=args.limit_concurrency, timeout_keep_alive=30)
    return 0


def _mode(args: argparse.Namespace) -> str:
    allowed = [name for name, on in (("ingest", args.allow_ingest), ("review", args.allow_review)) if on]
    return " and ".join(allowed) + " allowed" if allowed else "read-only"


def allowed_hosts(option: str | None, *, host: str) -> list[str]:
    """The names a request's Host header may carry: ``--allowed-hosts`` (comma-separated), else
    the address listened on and the loopback names."""
    from communique.web.middleware import LOCAL_HOSTS

    if option:
        return [name.strip() for name in option.split(",") if name.strip()]
    return list(dict.fromkeys([host, *LOCAL_HOSTS]))


def add_commands(sub: Any) -> None:
    p = sub.add_parser("serve", help="web dashboard and JSON API over a store")
    p.add_argument("--db", default=os.environ.get("COMMUNIQUE_DB", "communique.db"),
                   help="store: a SQLite file (default: $COMMUNIQUE_DB or communique.db) or "
                   "postgresql://user@host/db")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    p.add_argument("--allow-ingest", action="store_true",
                   help="accept articles pasted in the browser or POSTed to /api/ingest")
    p.add_argument("--allow-review", action="store_true",
                   help="accept reviews of events (confirm, reject, correct, add) from the "
                   "event and article pages or POSTed to /api/reviews, with the token")
    p.add_argument("--token", help=f"the ingest and review token (default: ${TOKEN_VARIABLE}, else a random "
                   "one printed at start; prefer the variable: options show in ps)")
    p.add_argument("--allowed-hosts", metavar="HOSTS",
                   help="comma-separated names a request's Host header may carry, * for any "
                   "(default: the --host address, localhost, 127.0.0.1, ::1); others get 400")
    p.add_argument("--log-level", default="info", help="uvicorn log level (default info)")
    p.add_argument("--limit-concurrency", type=int, default=200,
                   help="answer 503 beyond this many connections at once (default 200)")
    p.add_argument("--cache-seconds", type=float, default=10.0,
                   help="keep the answers of aggregate queries (counts, dyads, people, map, "
                   "network…) this long; 0: never (default 10)")
    p.add_argument("--threads", type=int, default=8,
                   help="requests worked on at once; more wait their turn (default 8)")
    p.set_defaults(func=cmd_serve)
