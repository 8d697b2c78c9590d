"""Time of the event stages (after spaCy), with and without the sentence vectors' vote.

    python bench/event_stages.py [ARTICLES.jsonl] [--limit 260] [--repeats 3]

Parses the articles once (default: the French reports of the bundled training corpus, about two
events an article), then times ``Coder.events`` on the parses with the vote on and off,
alternating, and prints milliseconds an article and the events coded (docs/scale.md, "The
sentence vectors' vote on reports dense in events"). Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT / "src" / "communique" / "data" / "train" / "reports-fr.articles.jsonl"


def main() -> None:
    from communique.coder import Coder, CoderSettings
    from communique.ingest.readers import read_inputs

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("articles", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--limit", type=int, default=260)
    ap.add_argument("--repeats", type=int, default=3)
    args = ap.parse_args()
    coders = {"with the vote": Coder(CoderSettings()), "without": Coder(CoderSettings(vectors=False))}
    articles = [a for _, a in zip(range(args.limit), read_inputs([str(args.articles)]))]
    parsed = [r for r in coders["with the vote"].parse_items(articles) if isinstance(r, tuple)]
    for coder in coders.values():  # models, lexicons, prototypes loaded before timing
        for article, parse in parsed[:3]:
            coder.events(article, parse)
    times: dict[str, list[float]] = {name: [] for name in coders}
    events: dict[str, int] = {}
    for _ in range(args.repeats):
        for name, coder in coders.items():
            start = time.perf_counter()
            events[name] = sum(len(coder.events(article, parse)) for article, parse in parsed)
            times[name].append((time.perf_counter() - start) / len(parsed) * 1000)
    print(f"{len(parsed)} articles parsed from {args.articles}")
    for name in coders:
        runs = ", ".join(f"{t:.1f}" for t in times[name])
        print(f"  event stages {name:14s} median {statistics.median(times[name]):6.1f} ms an article "
              f"({runs}); {events[name]} events")


if __name__ == "__main__":
    main()
