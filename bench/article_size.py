"""Time and memory of coding one article, against the article's size.

    python bench/article_size.py [--sizes 10000,25000,50000,100000,200000] [--corpus FILE]

Each size is coded in a fresh child process (peak memory is a process's high-water mark and
never goes down): the child loads the models, codes a short article to warm up, then codes one
article of N characters made of corpus reports joined end to end, and prints the seconds spent
and its peak resident memory before and after. The figures set ``ingest.checks.MAX_CHARS``
(docs/architecture.md). Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpora" / "wikinews-fr" / "articles.jsonl"


def long_text(corpus: Path, size: int) -> str:
    """Corpus reports joined until ``size`` characters: real sentences, real mentions."""
    parts: list[str] = []
    total = 0
    with corpus.open(encoding="utf-8") as fh:
        for line in fh:
            text = json.loads(line)["text"]
            parts.append(text)
            total += len(text) + 2
            if total >= size:
                break
    return "\n\n".join(parts)[:size]


def child(corpus: Path, size: int) -> None:
    from communique.coder import Coder
    from communique.model import Article
    from communique.runner.local import peak_rss_mb

    coder = Coder()
    coder.code_article(Article(id="warm", lang="fr", published="2016-01-01",
                               text="Le ministre algérien s'est rendu lundi à Tunis."))
    before = peak_rss_mb()
    text = long_text(corpus, size)
    tick = time.perf_counter()
    coded = coder.code_article(Article(id="big", text=text, lang="fr", published="2016-01-01"))
    seconds = time.perf_counter() - tick
    print(json.dumps({"chars": len(text), "seconds": round(seconds, 2),
                      "peak_mb_before": round(before), "peak_mb": round(peak_rss_mb()),
                      "events": len(coded.events),
                      "rejected": coded.rejected.reason if coded.rejected else None}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="10000,25000,50000,100000,200000")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.corpus, args.child)
        return
    print(f"{'chars':>8} {'seconds':>8} {'peak MB':>8} {'added MB':>9} {'events':>7}")
    for size in (int(s) for s in args.sizes.split(",")):
        out = subprocess.run([sys.executable, __file__, "--corpus", str(args.corpus),
                              "--child", str(size)], capture_output=True, text=True, check=True)
        row = json.loads(out.stdout.strip().splitlines()[-1])
        print(f"{row['chars']:>8} {row['seconds']:>8.1f} {row['peak_mb']:>8} "
              f"{row['peak_mb'] - row['peak_mb_before']:>9} {row['events']:>7}", flush=True)


if __name__ == "__main__":
    main()
