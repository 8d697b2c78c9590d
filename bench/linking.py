"""Benchmark: how linking time grows with the size of the store.

    python bench/linking.py [--sizes 10000 100000 1000000] [--db-dir DIR] [--db postgresql://...]

For each size, a synthetic store is written directly (no coding): real-world events with one
to several reports each, realistic skews (a Zipf law over ~190 countries, PLOVER types in
news-like proportions, three years of dates, a few hundred outlets, 3% syndicated copies), then
``communique.link.link`` runs twice — cold (MinHash signatures to compute) and warm (cached).
Sentence vectors are off: encoding costs ~10-25 ms per event, once per event, at ingest.
Prints seconds per size and the growth ratio between sizes.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from itertools import accumulate
from datetime import date, timedelta
from pathlib import Path

from communique.link import LinkSettings, link
from communique.model import content_id
from communique.store import open_store
from communique.store.records import ARTICLE_COLUMNS, EVENT_COLUMNS, day_of

TYPES = {"CONSULT": 30, "AGREE": 10, "SUPPORT": 8, "COOPERATE": 8, "ACCUSE": 8, "REQUEST": 6,
         "AID": 5, "COERCE": 5, "PROTEST": 4, "ASSAULT": 4, "REJECT": 3, "THREATEN": 3,
         "SANCTION": 2, "MOBILIZE": 2, "CONCEDE": 1, "RETREAT": 1}
MODES = {"CONSULT": ["visit", "meet", "phone", "third-party"], "ACCUSE": ["disapprove", "allege"]}
SECTORS = ["GOV", "GOV", "GOV", "MIL", "MIL", "COP", "SPY", "CVL", "BUS", "REB"]
DAYS = 3 * 365
START = date(2022, 1, 1)
OUTLETS = 400
COPY_SHARE = 0.03  # syndicated copies: the same text under another id and outlet
VOCABULARY = ("minister delegation talks cooperation security border trade agreement army "
              "officials president capital visit meeting summit accord aid troops police "
              "ceasefire sanctions protest embassy envoy statement ministry forces joint "
              "exercise training support relations bilateral regional crisis").split()
BATCH = 20_000
BENCH_SCHEMA = "communique_bench"


def countries() -> list[str]:
    import pycountry

    return sorted(c.alpha_3 for c in pycountry.countries)


def zipf_cumulative(n: int, s: float = 1.1) -> list[float]:
    """Cumulative Zipf weights: random.choices with cum_weights bisects instead of summing."""
    return list(accumulate(1 / (rank ** s) for rank in range(1, n + 1)))


class Generator:
    """Synthetic reports with the skews of a news corpus, reproducible from a seed."""

    def __init__(self, seed: int, *, days: int = DAYS) -> None:
        self.rng = random.Random(seed)
        self.days = max(1, days)
        codes = countries()
        self.rng.shuffle(codes)
        self.codes = codes
        self.code_weights = zipf_cumulative(len(codes))
        self.types = list(TYPES)
        self.type_weights = list(accumulate(TYPES.values()))
        self.outlet_weights = zipf_cumulative(OUTLETS, 0.9)

    def country(self) -> str:
        return self.rng.choices(self.codes, cum_weights=self.code_weights)[0]

    def mentions(self) -> int:
        # About two thirds of real events are reported once; a few get many reports.
        return min(12, int(self.rng.paretovariate(1.6)))

    def words(self, k: int) -> list[str]:
        return self.rng.choices(VOCABULARY, k=k)

    def real_event(self, n: int) -> dict:
        rng = self.rng
        actor = self.country()
        recipient = self.country()
        while recipient == actor:
            recipient = self.country()
        event_type = rng.choices(self.types, cum_weights=self.type_weights)[0]
        return {
            "n": n, "event": event_type, "mode": rng.choice(MODES.get(event_type, [None])),
            "actors": [actor] + ([self.country()] if rng.random() < 0.1 else []),
            "recipients": [] if rng.random() < 0.2 else [recipient],
            "day": rng.randrange(self.days),
            "place": rng.choice([actor, recipient, None]) if rng.random() < 0.6 else None,
            "geonameid": rng.randrange(1_000_000, 1_000_400) if rng.random() < 0.5 else None,
            # Words only reports of this event share: names of people and places.
            "names": [f"name{rng.randrange(10**6)}" for _ in range(3)],
        }

    def report(self, real: dict) -> tuple[str, str, int]:
        """(evidence text, date basis, day) of one report of a real event."""
        rng = self.rng
        words = real["names"] + self.words(8) + [real["event"].lower()]
        rng.shuffle(words)
        text = " ".join(words[:rng.randint(9, 12)]).capitalize() + "."
        if rng.random() < 0.25:
            return text, "publication", real["day"] + rng.randint(0, 2)
        return text, "text", real["day"] + (1 if rng.random() < 0.1 else 0)


def build_store(db: str, size: int, *, seed: int = 1, days: int = DAYS) -> dict[str, int]:
    """Write ``size`` events (and their articles) straight into an empty store."""
    gen = Generator(seed, days=days)
    store = open_store(db)
    backend = store.backend
    if backend.dialect == "sqlite":
        # Generated rows are consistent by construction; the benchmark times linking, not this.
        backend.execute("PRAGMA foreign_keys = OFF")
        backend.execute("PRAGMA synchronous = OFF")
    run_id = "bench"
    with backend.transaction():
        backend.execute("INSERT INTO runs (id, coder_version, config, started, counts, timings) "
                        "VALUES (?, ?, ?, ?, ?, ?)", (run_id, "bench", "{}", "", "{}", "{}"))
    rows: dict[str, list[tuple]] = {t: [] for t in ("articles", "events", "actors", "places", "evidence")}
    made = {"events": 0, "articles": 0, "real": 0}

    def flush() -> None:
        with backend.transaction():
            backend.bulk_insert("articles", ARTICLE_COLUMNS, rows["articles"])
            backend.bulk_insert("events", EVENT_COLUMNS, rows["events"])
            backend.bulk_insert("actors", ("event_id", "role", "position", "code", "sector",
                                           "other_sectors", "entity_text", "name", "start_char",
                                           "end_char", "reason"), rows["actors"])
            backend.bulk_insert("places", ("event_id", "extracted_place", "country_code",
                                           "geonameid", "reason"), rows["places"])
            backend.bulk_insert("evidence", ("event_id", "position", "text", "start_char",
                                             "end_char", "sentence"), rows["evidence"])
        for table in rows.values():
            table.clear()

    def article(article_id: str, text: str, published: str, outlet: int) -> None:
        rows["articles"].append((article_id, text, None, f"https://outlet{outlet}.example/{article_id}",
                                 published, "en", "bench", "{}", content_id(text, length=40),
                                 "bench", "coded", None, None, f"outlet{outlet}.example", run_id))
        made["articles"] += 1

    while made["events"] < size:
        real = gen.real_event(made["real"])
        made["real"] += 1
        for m in range(gen.mentions()):
            if made["events"] >= size:
                break
            text, basis, day = gen.report(real)
            when = (START + timedelta(days=day)).isoformat()
            published = (START + timedelta(days=day + gen.rng.randint(0, 2))).isoformat()
            article_id = f"a{real['n']}-{m}"
            outlet = gen.rng.choices(range(OUTLETS), cum_weights=gen.outlet_weights)[0]
            article(article_id, f"{real['event']} report\n\n{text}", published, outlet)
            if gen.rng.random() < COPY_SHARE:
                article(f"{article_id}-copy", f"{real['event']} report\n\n{text}", published,
                        (outlet + 1) % OUTLETS)
            event_id = content_id(article_id, real["event"])
            rows["events"].append((event_id, article_id, 0, real["event"], real["mode"], 1, 1.0,
                                   None, when, day_of(when), basis, 0.9, "", run_id))
            for role, codes in (("actor", real["actors"]), ("recipient", real["recipients"])):
                rows["actors"].extend((event_id, role, i, code, gen.rng.choice(SECTORS), "[]",
                                       code, None, 0, 0, "") for i, code in enumerate(codes))
            if real["place"]:
                rows["places"].append((event_id, "somewhere", real["place"], real["geonameid"], ""))
            rows["evidence"].append((event_id, 0, text, 0, len(text), 0))
            made["events"] += 1
            if len(rows["events"]) >= BATCH:
                flush()
    flush()
    store.close()
    return made


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--db-dir", help="where the SQLite stores go (default: a temporary folder)")
    parser.add_argument("--db", help="a PostgreSQL DSN instead (the stores go to a schema "
                        f"{BENCH_SCHEMA!r}, dropped and created again for each size)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON too")
    parser.add_argument("--events-per-day", type=int, default=0,
                        help="grow the archive over time at this daily flow (span = size / flow); "
                             "default: every size spans the same three years, so bigger is denser")
    args = parser.parse_args(argv)
    folder = Path(args.db_dir or tempfile.mkdtemp(prefix="communique-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    results = []
    for size in args.sizes:
        db = _bench_schema(args.db) if args.db else str(folder / f"link-{size}.db")
        if not args.db:
            for suffix in ("", "-wal", "-shm"):
                Path(db + suffix).unlink(missing_ok=True)
        tick = time.perf_counter()
        days = size // args.events_per_day if args.events_per_day else DAYS
        made = build_store(db, size, days=days)
        built = time.perf_counter() - tick
        with open_store(db) as store:
            tick = time.perf_counter()
            cold = link(store, settings=LinkSettings(vectors=False))
            cold_s = time.perf_counter() - tick
            tick = time.perf_counter()
            warm = link(store, settings=LinkSettings(vectors=False))
            warm_s = time.perf_counter() - tick
        row = {"events": size, "articles": made["articles"], "real_events": made["real"],
               "build_s": round(built, 1), "link_s": round(cold_s, 1), "relink_s": round(warm_s, 1),
               "stories": cold.stories, "linked_stories": cold.linked_stories,
               "candidate_pairs": cold.candidate_pairs, "near_duplicates": cold.duplicate_articles,
               "phases": cold.timings, "relink_phases": warm.timings}
        results.append(row)
        print(f"{size:>9,} events over {days:,} days ({made['articles']:,} articles, {made['real']:,} real events): "
              f"link {cold_s:7.1f} s, relink {warm_s:7.1f} s — {cold.stories:,} stories, "
              f"{cold.linked_stories:,} linked, {cold.candidate_pairs:,} candidate pairs "
              f"(store built in {built:.0f} s)", flush=True)
        print(f"{'':>9}  phases: {cold.timings}", flush=True)
    for before, after in zip(results, results[1:]):
        factor = after["events"] / before["events"]
        print(f"{before['events']:,} → {after['events']:,} events (×{factor:g}): link time "
              f"×{after['link_s'] / max(before['link_s'], 0.01):.1f}, relink time "
              f"×{after['relink_s'] / max(before['relink_s'], 0.01):.1f}")
    if args.json:
        print(json.dumps(results, indent=1))
    return 0


def _bench_schema(dsn: str) -> str:
    """A fresh schema of its own on the server: the benchmark never touches other tables."""
    import psycopg

    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute(f"DROP SCHEMA IF EXISTS {BENCH_SCHEMA} CASCADE")
        conn.execute(f"CREATE SCHEMA {BENCH_SCHEMA}")
    return f"{dsn}{'&' if '?' in dsn else '?'}options=-csearch_path%3D{BENCH_SCHEMA}"


if __name__ == "__main__":
    sys.exit(main())
