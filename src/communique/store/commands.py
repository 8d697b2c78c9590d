"""Store commands of the ``communique`` CLI, each a thin shell over one library call.

    communique ingest INPUT... [--db PATH] [--no-link] [--no-vectors]
    communique link [--db PATH] [--no-vectors]
    communique events [FILTERS] [--format table|jsonl|csv]
    communique search QUERY [--limit N]
    communique dyads | people | stories [FILTERS]
    communique export [FILTERS] --format jsonl|tsv|csv|geojson|parquet -o FILE
    communique export --reviewed --format gold -o my-gold.jsonl
"""

from __future__ import annotations

import argparse
import os
import sys
from collections import Counter
from pathlib import Path
from typing import Any, TextIO

from communique.errors import UsageError

DB_HELP = ("store: a SQLite file (default: $COMMUNIQUE_DB or communique.db) or "
           "postgresql://user@host/db")


def _db_default() -> str:
    return os.environ.get("COMMUNIQUE_DB", "communique.db")


def _store(args: argparse.Namespace, *, create: bool = False) -> Any:
    from communique.store import open_store
    from communique.store.store import is_postgres

    # A read command on a mistyped path would otherwise create an empty store and answer nothing.
    if not create and not is_postgres(args.db) and not Path(args.db).exists():
        raise UsageError(f"no store at {args.db} (create one with `communique ingest ... --db "
                         f"{args.db}`)")
    return open_store(args.db)


def _out(path: str | None) -> TextIO:
    if path in (None, "-"):
        return sys.stdout
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    return open(path, "w", encoding="utf-8", newline="")


def _filter(args: argparse.Namespace) -> Any:
    from communique.store.query import EventFilter

    dyad = None
    if getattr(args, "dyad", None):
        parts = [p.strip() for p in args.dyad.split(",")]
        if len(parts) != 2 or not all(parts):
            raise UsageError(f"--dyad wants two codes, ACTOR,RECIPIENT: got {args.dyad!r}")
        dyad = (parts[0], parts[1])
    return EventFilter(country=args.country, dyad=dyad, event_type=args.type, mode=args.mode,
                       context=args.context, sector=args.sector, person=args.person,
                       since=args.since, until=args.until, text=args.text,
                       story=getattr(args, "story", None), limit=getattr(args, "limit", None))


# -- commands -------------------------------------------------------------------------------------
def cmd_ingest(args: argparse.Namespace) -> int:
    from communique.coder import Coder, CoderSettings
    from communique.console import EXIT_OK, EXIT_REJECTED, Status, report_rejections
    from communique.store.ingest import ingest

    coder = Coder(settings=CoderSettings(actor_file=Path(args.actors) if args.actors else None))
    exclude = [Path(args.db)] if not args.db.startswith("postgres") else []
    status = Status()
    # Replaced by the progress line once the first new article is coded.
    status.show("reading; the language models load with the first new article (20 to 60 s)…")

    def progress(counts: Counter[str]) -> None:
        done = counts["stored"] + counts["unchanged"] + counts["duplicate"]
        status.show(f"{counts['read']} read, {done} done, {counts['events']} events, "
                    f"{counts['rejected']} rejected")

    with _store(args, create=True) as store:
        try:
            summary = ingest(args.inputs, store=store, coder=coder, link=not args.no_link,
                             vectors=not args.no_vectors, exclude=exclude, progress=progress)
        finally:
            status.clear()
        rejected = summary.counts["rejected"]
        report_rejections(store.rejections(run_id=summary.run.id), total=rejected)
    print(summary.describe())
    return EXIT_REJECTED if rejected else EXIT_OK


def cmd_link(args: argparse.Namespace) -> int:
    from communique.link import LinkSettings, link

    with _store(args) as store:
        summary = link(store, settings=LinkSettings(vectors=not args.no_vectors))
    print(summary)
    return 0


def cmd_events(args: argparse.Namespace) -> int:
    from communique.export.tables import CSV_COLUMNS, flat_row
    from communique.store.query import iter_events
    from communique.store.render import write_rows

    with _store(args) as store:
        items = iter_events(store, _filter(args))
        if args.format == "jsonl":
            from communique.export.tables import write_jsonl

            write_jsonl(items, sys.stdout)
        elif args.format == "csv":
            write_rows((flat_row(ev, prov) for ev, prov in items), columns=CSV_COLUMNS,
                       fmt="csv", out=sys.stdout)
        else:
            columns = ("date", "event", "actor", "recipient", "place", "mentions", "article", "id")
            write_rows((_event_cells(ev, prov) for ev, prov in items), columns=columns,
                       fmt="table", out=sys.stdout)
    return 0


def _event_cells(event: Any, prov: Any) -> dict[str, Any]:
    def party(entities: list[Any]) -> str:
        return "+".join(f"{e.code or '?'} {e.sector or '?'}" for e in entities) or "—"

    loc = event.event_loc
    return {"date": (event.date or "") + ("" if event.date_basis == "text" else "*"),
            "event": event.event + (f"/{event.mode}" if event.mode else ""),
            "actor": party(event.actor), "recipient": party(event.recipient),
            "place": (loc.resolved_place or loc.extracted_place) if loc else "",
            "mentions": prov.num_mentions, "article": event.article_id, "id": event.id}


def cmd_search(args: argparse.Namespace) -> int:
    from communique.store.render import write_rows

    with _store(args) as store:
        hits = store.search(args.query, limit=args.limit)
    rows = [{"article": h.article_id, "published": h.published, "title": h.title,
             "snippet": h.snippet, "url": h.url} for h in hits]
    write_rows(rows, columns=("article", "published", "title", "snippet", "url"),
               fmt=args.format, out=sys.stdout)
    return 0


def cmd_dyads(args: argparse.Namespace) -> int:
    from communique.store.query import dyads
    from communique.store.render import write_rows

    with _store(args) as store:
        rows = dyads(store, _filter(args))
    write_rows(rows, columns=("month", "actor", "recipient", "quad_code", "events", "stories"),
               fmt=args.format, out=sys.stdout)
    return 0


def cmd_people(args: argparse.Namespace) -> int:
    from communique.store.query import people
    from communique.store.render import write_rows

    with _store(args) as store:
        rows = people(store, _filter(args), country=args.of)
    write_rows(rows, columns=("name", "titles", "orgs", "countries", "events", "first", "last"),
               fmt=args.format, out=sys.stdout)
    return 0


def cmd_stories(args: argparse.Namespace) -> int:
    from communique.store.query import stories
    from communique.store.render import write_rows

    with _store(args) as store:
        rows = stories(store, _filter(args), min_mentions=args.min_mentions)
    columns = ("story_id", "event", "mode", "actor", "recipient", "place", "first_date",
               "last_date", "num_mentions", "num_sources", "num_articles", "representative")
    write_rows(rows, columns=columns, fmt=args.format, out=sys.stdout)
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from communique.export import tables
    from communique.store.query import iter_events

    if args.format == "parquet" and args.output in (None, "-"):
        raise UsageError("--format parquet needs an output file (-o FILE)")
    if args.format == "gold":
        return _export_gold(args)
    with _store(args) as store:
        items = iter_events(store, _filter(args))
        if args.reviewed:
            from communique.store.reviews import reviewed_ids

            seen = reviewed_ids(store.backend)
            items = (item for item in items if item[0].id in seen)
        if args.format == "parquet":
            n = tables.write_parquet(items, Path(args.output))
        else:
            out = _out(args.output)
            try:
                writer = {"jsonl": tables.write_jsonl, "tsv": tables.write_tsv,
                          "csv": tables.write_csv, "geojson": tables.write_geojson}[args.format]
                n = writer(items, out)
            finally:
                if out is not sys.stdout:
                    out.close()
    if args.output not in (None, "-"):
        print(f"{n} {'features' if args.format == 'geojson' else 'events'} written to {args.output}",
              file=sys.stderr)
    return 0


def _export_gold(args: argparse.Namespace) -> int:
    """The fully reviewed articles in the guidelines' gold format (export/gold.py)."""
    from communique.export.gold import gold_rows, write_gold

    if not args.reviewed:
        raise UsageError("--format gold writes what reviewers said: add --reviewed")
    with _store(args) as store:
        rows, counts = gold_rows(store)
    out = _out(args.output)
    try:
        write_gold(rows, out)
    finally:
        if out is not sys.stdout:
            out.close()
    print(f"{counts['articles']} reviewed articles ({counts['events']} gold events) written to "
          f"{args.output or 'standard output'}"
          + (f"; {counts['partial']} articles left out: some of their events are not reviewed yet "
             "or need a second look" if counts["partial"] else ""), file=sys.stderr)
    return 0


# -- parsers --------------------------------------------------------------------------------------
def _db(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", default=_db_default(), help=DB_HELP)


def _filters(parser: argparse.ArgumentParser, *, limit: bool = True) -> None:
    group = parser.add_argument_group("filters (all must hold)")
    group.add_argument("--country", help="ISO alpha-3 code of an actor, recipient or the place")
    group.add_argument("--dyad", metavar="A,B", help="actor code A and recipient code B")
    group.add_argument("--type", help="PLOVER event type (CONSULT, ACCUSE, ...)")
    group.add_argument("--mode", help="PLOVER mode (visit, meet, ...)")
    group.add_argument("--context", help="PLOVER context (military, diplomatic, ...)")
    group.add_argument("--sector", help="sector of an actor or recipient (GOV, MIL, ...)")
    group.add_argument("--person", help="part of a person's name (accents and case ignored)")
    group.add_argument("--since", metavar="DATE",
                       help="events from the start of this ISO day, month or year (YYYY-MM-DD, "
                       "YYYY-MM, YYYY)")
    group.add_argument("--until", metavar="DATE",
                       help="events to the end of this ISO day, month or year (2025: all of it)")
    group.add_argument("--text", help="words of the article (full-text search)")
    group.add_argument("--story", help="the events of one story")
    if limit:
        group.add_argument("--limit", type=int, help="at most this many rows")


def _format(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=("table", "jsonl", "csv"), default="table",
                        help="output format (default: table)")


def add_commands(sub: Any) -> None:
    """Register the store commands on the ``communique`` sub-parsers."""
    p = sub.add_parser("ingest", help="code inputs into the store (idempotent, resumable)")
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="as for `communique code`")
    _db(p)
    p.add_argument("--actors", metavar="TSV", help="your own actor file (see docs/actors.md)")
    p.add_argument("--no-link", action="store_true", help="do not link stories afterwards")
    p.add_argument("--no-vectors", action="store_true",
                   help="link without multilingual sentence vectors (faster, no cross-language links)")
    p.set_defaults(func=cmd_ingest)

    p = sub.add_parser("link", help="find near-duplicate articles and link events into stories")
    _db(p)
    p.add_argument("--no-vectors", action="store_true", help="without sentence vectors")
    p.set_defaults(func=cmd_link)

    p = sub.add_parser("events", help="list stored events")
    _db(p)
    _filters(p)
    _format(p)
    p.set_defaults(func=cmd_events)

    p = sub.add_parser("search", help="full-text search over the stored articles")
    p.add_argument("query", help="words that must all occur (accents and case ignored)")
    _db(p)
    p.add_argument("--limit", type=int, default=20, help="at most this many articles (20)")
    _format(p)
    p.set_defaults(func=cmd_search)

    p = sub.add_parser("dyads", help="events per month, actor-recipient pair and quad class")
    _db(p)
    _filters(p, limit=False)
    _format(p)
    p.set_defaults(func=cmd_dyads)

    p = sub.add_parser("people", help="named people with titles, organisations and countries")
    _db(p)
    _filters(p)
    p.add_argument("--of", metavar="CODE", help="only people of this country")
    _format(p)
    p.set_defaults(func=cmd_people)

    p = sub.add_parser("stories", help="linked events: one row per story")
    _db(p)
    _filters(p)
    p.add_argument("--min-mentions", type=int, default=2,
                   help="only stories with at least this many events (default 2; 1 for all)")
    _format(p)
    p.set_defaults(func=cmd_stories)

    p = sub.add_parser("export", help="write stored events as JSONL, TSV, CSV, GeoJSON or Parquet")
    _db(p)
    _filters(p)
    p.add_argument("--format", choices=("jsonl", "tsv", "csv", "geojson", "parquet", "gold"),
                   default="jsonl", help="jsonl: PLOVER event records (default); tsv: CAMEO/GDELT "
                   "columns (docs/store.md); gold: the reviewed articles in the guidelines' gold "
                   "format (with --reviewed; docs/web.md, Review)")
    p.add_argument("--reviewed", action="store_true",
                   help="only what reviewers have seen: the reviewed events; with --format gold, "
                   "the articles whose every event is reviewed")
    p.add_argument("-o", "--output", help="output file (default: standard output)")
    p.set_defaults(func=cmd_export)
