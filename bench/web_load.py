"""Load the web API and pages: a synthetic store of 100k events, 50 concurrent clients.

    python bench/web_load.py [--events 100000] [--clients 50] [--requests 100] [--db PATH]
                             [--cache-seconds S]

Builds the store through the store API (``Store.put``, one transaction per 500 articles; reused
when ``--db`` already holds enough events), starts ``communique serve`` on a free loopback port,
sends ``--requests`` requests to each endpoint from ``--clients`` concurrent asyncio clients
(httpx), and prints p50/p95 latency and error counts per endpoint (and what the errors were).
``--cache-seconds 0`` starts the server with its answer cache off, so that every aggregate is
computed for every request. Bounded: loopback only, a fixed number of requests, a 30 s timeout
per request and ``--max-seconds`` overall.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

COUNTRIES = {  # code: (capital, lat, lon, demonym)
    "MAR": ("Rabat", 34.02, -6.84), "MRT": ("Nouakchott", 18.08, -15.98),
    "DZA": ("Alger", 36.75, 3.06), "TUN": ("Tunis", 36.81, 10.18), "MLI": ("Bamako", 12.65, -8.0),
    "SEN": ("Dakar", 14.69, -17.44), "NER": ("Niamey", 13.51, 2.11), "TCD": ("N'Djamena", 12.1, 15.04),
    "BFA": ("Ouagadougou", 12.37, -1.52), "CIV": ("Abidjan", 5.35, -4.0), "FRA": ("Paris", 48.85, 2.35),
    "ESP": ("Madrid", 40.42, -3.7), "USA": ("Washington", 38.9, -77.04), "RUS": ("Moscou", 55.75, 37.62),
    "CHN": ("Pékin", 39.9, 116.4), "EGY": ("Le Caire", 30.04, 31.24), "LBY": ("Tripoli", 32.89, 13.19),
    "NGA": ("Abuja", 9.06, 7.5), "TUR": ("Ankara", 39.93, 32.86), "GBR": ("Londres", 51.5, -0.13),
}
TYPES = {"AGREE": (1, 3.0), "CONSULT": (1, 1.0), "SUPPORT": (1, 3.5), "COOPERATE": (2, 5.0),
         "AID": (2, 7.0), "REQUEST": (3, -1.0), "ACCUSE": (3, -2.0), "REJECT": (3, -4.0),
         "THREATEN": (3, -6.0), "SANCTION": (4, -7.0), "MOBILIZE": (4, -5.0), "ASSAULT": (4, -9.0)}
MODES = {"CONSULT": ["visit", "meet", "phone"], "AID": ["military", "humanitarian"]}
CONTEXTS = ["military", "diplomatic", "economic", "security", "intelligence", "migration"]
SECTORS = ["GOV", "MIL", "LEG", "JUD", "BUS"]
NAMES = ["Amadou Diallo", "Fatima Benali", "Mohamed Ould Cheikh", "Jean Martin", "Karim Haddad",
         "Aïcha Traoré", "Youssef Alaoui", "Ibrahim Keïta", "Sofia Garcia", "Omar Benslimane"]
WORDS = ("sécurité frontière coopération militaire accord visite ministre délégation entretien "
         "renseignement défense aide économie migration sommet").split()
EVENTS_PER_ARTICLE = 4


def synthetic_article(n: int, rng: random.Random):
    from communique.model import Article, CodedArticle, Entity, Event, Person, Place, Span, content_id

    published = f"20{rng.randint(20, 25)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    sentences, events = [], []
    codes = list(COUNTRIES)
    pos = 0
    text_parts: list[str] = []
    article_id = f"syn-{n:06d}"
    for i in range(EVENTS_PER_ARTICLE):
        a, b = rng.sample(codes, 2)
        kind = rng.choice(list(TYPES))
        sentence = (f"Le {rng.choice(['ministre', 'chef', 'général'])} {a} a rencontré son "
                    f"homologue {b} à {COUNTRIES[b][0]} : {' '.join(rng.sample(WORDS, 5))}. ")
        start = pos
        text_parts.append(sentence)
        pos += len(sentence)
        sentences.append(sentence)
        quad, score = TYPES[kind]
        capital, lat, lon = COUNTRIES[b]
        name = rng.choice(NAMES)
        events.append(Event(
            id=content_id(article_id, str(i)), article_id=article_id, event=kind,
            mode=rng.choice(MODES[kind]) if kind in MODES else None,
            context=rng.sample(CONTEXTS, rng.randint(0, 2)), quad_code=quad, intensity=score,
            cameo="040", actor=[Entity(code=a, sector=rng.choice(SECTORS), entity_text=f"ministre {a}",
                                       start=start + 3, end=start + 14)],
            recipient=[Entity(code=b, sector=rng.choice(SECTORS), entity_text=f"homologue {b}",
                              start=start + 20, end=start + 33)],
            event_loc=Place(extracted_place=capital, resolved_place=capital, lat=lat, lon=lon,
                            country_code=b, resolution=4),
            date=published, date_basis="publication",
            people=[Person(name=name, title="ministre", country=a, side="actor")],
            event_text=[Span(text=sentence.rstrip(), start=start, end=start + len(sentence.rstrip()),
                             sentence=i)],
            confidence=round(rng.uniform(0.4, 1.0), 2), explanation=f"synthetic {kind}"))
    text = "".join(text_parts)
    article = Article(id=article_id, text=text, title=f"Synthèse {n}", published=published,
                      lang="fr", url=f"https://example.org/{n}")
    return CodedArticle(article=article, events=events)


def build(db: str, n_events: int) -> None:
    from communique.store import open_store

    rng = random.Random(7)
    with open_store(db) as store:
        have = store.counts()["events"]
        if have >= n_events:
            print(f"store {db}: {have} events already", file=sys.stderr)
            _analyze(store)
            return
        run = store.start_run(coder_version="synthetic", config={"bench": "web_load"})
        started = time.perf_counter()
        total = n_events // EVENTS_PER_ARTICLE
        for first in range(0, total, 500):
            with store.backend.transaction():  # puts nest inside: one commit per 500 articles
                for n in range(first, min(first + 500, total)):
                    store.put(synthetic_article(n, rng), run_id=run.id, coder_version="synthetic")
            print(f"\r{min(first + 500, total) * EVENTS_PER_ARTICLE} events", end="", file=sys.stderr)
        print(f"\nbuilt {n_events} events in {time.perf_counter() - started:.0f} s", file=sys.stderr)
        _analyze(store)


def _analyze(store) -> None:
    """Table statistics for SQLite's planner. Without them it answers the store's EXISTS
    filters (country, dyad, person) through the actors_code index, scanning every actor row of
    the code for each event: 4 s instead of 6 ms for ?country= at 100k events."""
    if store.backend.dialect == "sqlite":
        store.backend.execute("ANALYZE")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def endpoints(base_ids: dict[str, str]) -> dict[str, list[str]]:
    """Endpoint name → URLs to cycle through (several filter values each)."""
    codes = list(COUNTRIES)
    return {
        "api/events": ["/api/events"],
        "api/events?country": [f"/api/events?country={c}" for c in codes],
        "api/events?type&since": [f"/api/events?type={t}&since=2024-01-01" for t in TYPES],
        "api/events?cursor": [f"/api/events?limit=50&cursor={base_ids['cursor']}"],
        "api/events?q": [f"/api/events?q={w}" for w in WORDS[:6]],
        "api/events/{id}": [f"/api/events/{base_ids['event']}"],
        "api/articles/{id}": [f"/api/articles/{base_ids['article']}"],
        "api/stories": ["/api/stories?min_mentions=1"],
        "api/actors": ["/api/actors?type=CONSULT"],
        "api/dyads?dyad": [f"/api/dyads?dyad={a},{b}" for a, b in zip(codes, codes[1:])],
        "api/people": ["/api/people?limit=50&country=MAR"],
        "api/search": [f"/api/search?q={w}" for w in WORDS[:6]],
        "api/counts": ["/api/counts"],
        "api/network?type": [f"/api/network?type={t}" for t in TYPES],
        "page /": ["/"],
        "page /events": ["/events?country=MRT"],
        "page /events/{id}": [f"/events/{base_ids['event']}"],
        "page /map": ["/map?since=2025-01-01"],
        "page /dyads/A/B": ["/dyads/MAR/MRT"],
        "page /?country": [f"/?country={c}" for c in codes],
        "page /events?min_conf": [f"/events?min_confidence=0.8&country={c}" for c in codes],
        "page /map?country": [f"/map?country={c}" for c in codes],
        "page /map?place": [f"/map?place={COUNTRIES[c][0]}" for c in codes],
        "page /network": ["/network"],
        "page /dyads": ["/dyads"],
        "page /glossary": ["/glossary"],
        "download.csv?dyad": [f"/download.csv?dyad={a},{b}" for a, b in zip(codes, codes[1:])],
        "api/facets?country": [f"/api/facets?country={c}" for c in codes],
        "api/timeline?unit": ["/api/timeline?unit=week", "/api/timeline?unit=month"],
        "page /events?sort": [f"/events?sort={s}" for s in ("actor", "-confidence", "place", "type")],
    }


async def load(base: str, targets: dict[str, list[str]], *, clients: int, requests: int,
               max_seconds: float, failures: Counter[str]) -> dict[str, tuple[list[float], int]]:
    import httpx

    jobs: asyncio.Queue[tuple[str, str]] = asyncio.Queue()
    for name, urls in targets.items():
        for i in range(requests):
            jobs.put_nowait((name, urls[i % len(urls)]))
    results: dict[str, tuple[list[float], int]] = {name: ([], 0) for name in targets}
    deadline = time.monotonic() + max_seconds
    limits = httpx.Limits(max_connections=clients)

    async def worker(client: httpx.AsyncClient) -> None:
        while not jobs.empty() and time.monotonic() < deadline:
            name, url = jobs.get_nowait()
            tick = time.perf_counter()
            try:
                answer = await client.get(url)
                ok = answer.status_code == 200
                if not ok:
                    failures[f"{name}: HTTP {answer.status_code}"] += 1
            except httpx.HTTPError as exc:
                ok = False
                failures[f"{name}: {type(exc).__name__}"] += 1
            took = time.perf_counter() - tick
            times, errors = results[name]
            times.append(took)
            results[name] = (times, errors + (not ok))

    async with httpx.AsyncClient(base_url=base, timeout=30, limits=limits, trust_env=False) as client:
        await asyncio.gather(*(worker(client) for _ in range(clients)))
    return results


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1] if len(values) > 1 else values[0]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--requests", type=int, default=100, help="per endpoint")
    parser.add_argument("--max-seconds", type=float, default=600)
    parser.add_argument("--db", help="store to build or reuse (default: a temporary file)")
    parser.add_argument("--cache-seconds", type=float, default=10.0,
                        help="the server's answer cache (0: off; default 10, as `serve`)")
    args = parser.parse_args()
    tmp = tempfile.TemporaryDirectory()
    db = args.db or str(Path(tmp.name) / "load.db")
    build(db, args.events)

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([sys.executable, "-m", "communique.cli", "serve", "--db", db,
                               "--host", "127.0.0.1", "--port", str(port), "--log-level", "warning",
                               "--cache-seconds", str(args.cache_seconds)])
    try:
        import httpx

        deadline = time.monotonic() + 60
        while True:
            try:
                first = httpx.get(base + "/api/events?limit=50", timeout=30, trust_env=False).json()
                break
            except httpx.HTTPError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise SystemExit("the server did not start")
                time.sleep(0.2)
        ids = {"event": first["events"][0]["id"], "article": first["events"][0]["article_id"],
               "cursor": first["next"]}
        targets = endpoints(ids)
        started = time.perf_counter()
        failures: Counter[str] = Counter()
        results = asyncio.run(load(base, targets, clients=args.clients, requests=args.requests,
                                   max_seconds=args.max_seconds, failures=failures))
        wall = time.perf_counter() - started
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:  # requests still queued in its thread pool
            server.kill()
            server.wait(timeout=10)
        tmp.cleanup()
    total = sum(len(t) for t, _ in results.values())
    print(f"{args.events} events, {args.clients} clients, {args.requests} requests per endpoint, "
          f"cache {args.cache_seconds:g} s, "
          f"{total} requests in {wall:.1f} s ({total / wall:.0f} req/s)")
    print(f"{'endpoint':26} {'n':>5} {'p50 ms':>8} {'p95 ms':>8} {'errors':>6}")
    for name, (times, errors) in results.items():
        ms = [t * 1000 for t in times]
        print(f"{name:26} {len(ms):5d} {percentile(ms, 50):8.0f} {percentile(ms, 95):8.0f} {errors:6d}")
    for what, n in failures.most_common():
        print(f"error: {what} × {n}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
