"""Throughput: plain spaCy fr_core_news_md vs communique end to end, and `communique run` workers.

    python bench/throughput.py [CORPUS.jsonl] [--limit N] [--run-limit M] [--no-runs]

In one run, on the same texts:
- plain spaCy: stock ``spacy.load("fr_core_news_md")``, ``nlp.pipe`` with its defaults;
- spaCy as communique loads it (same model and components; numpy's BLAS, one thread);
- communique end to end in this process (``Coder.code_items``: language, spaCy, mentions,
  events, places, dates), with its learned trigger and party models and without them (the
  coder as it was before they landed: what they cost);
- ``communique run`` into temporary SQLite stores with 1 and then 2 worker processes: peak
  memory per worker and the speed-up (with and without the workers' start-up).

The in-process figures alternate twice and keep each one's best (the machine is shared and
noisy); articles/s by wall clock and by CPU time of this process. Figures only; nothing is
asserted.
"""

from __future__ import annotations

import argparse
import json
import resource
import tempfile
import time
from pathlib import Path

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "wikinews-fr" / "articles.jsonl"


def timed(fn) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    wall, cpu = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - wall, time.process_time() - cpu


def in_process(rows: list[dict], repeats: int) -> None:  # type: ignore[type-arg]
    import spacy

    from communique.coder import Coder, CoderSettings
    from communique.model import Article
    from communique.nlp.pipelines import load_pipeline
    from communique.resolve.gazetteer import gazetteer

    texts = [r["text"] for r in rows]
    stock = spacy.load("fr_core_news_md")
    tuned = load_pipeline("fr")
    coder = Coder()
    rules = Coder(CoderSettings(trigger_model=False, party_model=False))
    gazetteer()  # loaded once per process, outside the timings
    for warm in (coder, rules):
        list(warm.code_items([Article(id="warm", text=texts[0], lang="fr")]))
    list(stock.pipe(texts[:4]))

    def articles() -> list[Article]:
        return [Article(id=str(r["id"]), text=r["text"], title=r.get("title"),
                        published=r.get("published"), lang=r.get("lang")) for r in rows]

    best = {name: (float("inf"),) * 2 for name in ("spacy", "tuned", "ours", "rules")}
    for _ in range(repeats):
        for name, fn in (("spacy", lambda: list(stock.pipe(texts))),
                         ("tuned", lambda: list(tuned.pipe(texts, batch_size=coder.settings.batch_size))),
                         ("ours", lambda: list(coder.code_items(articles()))),
                         ("rules", lambda: list(rules.code_items(articles())))):
            wall, cpu = timed(fn)
            best[name] = (min(best[name][0], wall), min(best[name][1], cpu))
    n = len(texts)
    for name, label in (("spacy", f"plain spaCy fr_core_news_md nlp.pipe (batch {stock.batch_size})"),
                        ("tuned", "spaCy as communique loads it"),
                        ("ours", "communique end to end (one process)"),
                        ("rules", "  the same without the learned models")):
        wall, cpu = best[name]
        print(f"{label:<48} {n / wall:7.1f} articles/s  ({n / cpu:6.1f} per CPU-second)")
    ratio_wall = best["spacy"][0] / best["ours"][0]
    ratio_cpu = best["spacy"][1] / best["ours"][1]
    print(f"{'ratio communique / plain spaCy':<48} {ratio_wall:7.2f} by wall clock  "
          f"({ratio_cpu:.2f} by CPU time)")
    print(f"{'ratio with / without the learned models':<48} {best['rules'][0] / best['ours'][0]:7.2f} by wall clock  "
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


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", default=str(DEFAULT))
    ap.add_argument("--limit", type=int, default=400, help="articles for the in-process figures")
    ap.add_argument("--run-limit", type=int, default=1200, help="articles for the worker runs")
    ap.add_argument("--repeats", type=int, default=2)
    ap.add_argument("--no-runs", action="store_true", help="skip the `communique run` figures")
    args = ap.parse_args()
    rows = []
    with open(args.corpus, encoding="utf-8") as fh:
        for line in fh:
            rows.append(json.loads(line))
            if len(rows) >= args.limit:
                break
    print(f"corpus {args.corpus}")
    print(f"articles {len(rows)}  characters {sum(len(r['text']) for r in rows):,}")
    in_process(rows, args.repeats)
    if not args.no_runs:
        worker_runs(Path(args.corpus), args.run_limit)


if __name__ == "__main__":
    main()
