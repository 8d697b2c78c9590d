"""Named-entity figures on French Wikinews (WiNER-fr): plain spaCy NER against communique's layer.

    python bench/ner.py [CORPUS] [--limit N] [--held-out-from K]

CORPUS defaults to corpora/wikinews-fr/articles.jsonl in ../shared beside the checkout (or in
$COMMUNIQUE_SHARED): one article a line, with gold ``entities`` (``start``, ``end``, ``type``
among Person, Location, Organization, Event, Product, Date, Hour; see that corpus's README). Gold is every Person, Location and Organization
entity (as PER, LOC, ORG) not strictly inside a longer entity of *any* type, so "France" in the
Event "Tour de France 2016" or "Peugeot" in the Product "Peugeot 307" is not gold. A prediction
counts when label and character offsets are exactly the gold ones.

One spaCy pass (``fr_core_news_md``) gives both systems: (a) the NER's PER/LOC/ORG spans as
spaCy returns them, (b) ``communique.mentions.entities.named_entities`` on the same parse.
Figures are printed for all articles and, split at article K (default 300: the conventions were
studied on articles 0–299), for the study part and the held-out part. Prints; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = (Path(os.environ.get("COMMUNIQUE_SHARED", ROOT.parent / "shared"))
                  / "corpora" / "wikinews-fr" / "articles.jsonl")
GOLD_TYPES = {"Person": "PER", "Location": "LOC", "Organization": "ORG"}
LABELS = ("PER", "LOC", "ORG")

Spans = set[tuple[int, int, str]]


@dataclass
class Tally:
    """True positives, predictions and gold counts per label."""

    tp: Counter[str] = field(default_factory=Counter)
    pred: Counter[str] = field(default_factory=Counter)
    gold: Counter[str] = field(default_factory=Counter)

    def add(self, predicted: Spans, gold: Spans) -> None:
        for counter, spans in ((self.pred, predicted), (self.gold, gold), (self.tp, predicted & gold)):
            for _, _, label in spans:
                counter[label] += 1
                counter["all"] += 1

    def prf(self, label: str) -> tuple[float, float, float]:
        p = self.tp[label] / self.pred[label] if self.pred[label] else 0.0
        r = self.tp[label] / self.gold[label] if self.gold[label] else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def gold_spans(record: dict) -> Spans:
    """Outermost PER/LOC/ORG entities of a record (outermost over all entity types)."""
    entities = record["entities"]
    out: Spans = set()
    for ent in entities:
        label = GOLD_TYPES.get(ent["type"])
        if label is None:
            continue
        length = ent["end"] - ent["start"]
        nested = any(o["start"] <= ent["start"] and o["end"] >= ent["end"] and o["end"] - o["start"] > length
                     for o in entities)
        if not nested:
            out.add((ent["start"], ent["end"], label))
    return out


def read_corpus(path: Path, limit: int | None) -> list[dict]:
    records = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                records.append(json.loads(line))
            if limit is not None and len(records) >= limit:
                break
    return records


def report(name: str, tallies: dict[str, Tally]) -> None:
    print(f"\n{name}")
    print(f"  {'system':<22} {'type':<4} {'P':>6} {'R':>6} {'F1':>6} {'gold':>6}")
    for system, tally in tallies.items():
        for label in ("all",) + LABELS:
            p, r, f = tally.prf(label)
            print(f"  {system:<22} {label:<4} {p:6.3f} {r:6.3f} {f:6.3f} {tally.gold[label]:6d}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, help="only the first N articles")
    parser.add_argument("--held-out-from", type=int, default=300, metavar="K",
                        help="articles K and later are the held-out part (default 300)")
    args = parser.parse_args(argv)

    from communique.lexicon.actors import actor_lexicon
    from communique.mentions.actors import MentionIndex, find_mentions
    from communique.mentions.entities import named_entities
    from communique.nlp.pipelines import load_pipeline, to_parse

    records = read_corpus(args.corpus, args.limit)
    nlp = load_pipeline("fr")
    lexicon = actor_lexicon("fr")
    parts = {"all articles": Counter(), f"articles 0-{args.held_out_from - 1}": Counter(),
             f"articles {args.held_out_from}+ (held out)": Counter()}
    tallies = {part: {"spaCy NER": Tally(), "communique entities": Tally()} for part in parts}
    started = time.perf_counter()
    layer_seconds = 0.0
    docs = nlp.pipe((r["text"] for r in records), batch_size=16)
    for n, (record, doc) in enumerate(zip(records, docs)):
        gold = gold_spans(record)
        plain = {(e.start_char, e.end_char, e.label_) for e in doc.ents if e.label_ in LABELS}
        t0 = time.perf_counter()
        parse = to_parse(doc, lang="fr")
        index = MentionIndex(parse, find_mentions(parse, lexicon))
        ours = {(e.start, e.end, e.label) for e in named_entities(parse, index)}
        layer_seconds += time.perf_counter() - t0
        part = list(parts)[1] if n < args.held_out_from else list(parts)[2]
        for name in (list(parts)[0], part):
            tallies[name]["spaCy NER"].add(plain, gold)
            tallies[name]["communique entities"].add(ours, gold)
            parts[name]["articles"] += 1
        if (n + 1) % 100 == 0:
            print(f"  {n + 1} articles, {time.perf_counter() - started:.0f} s", file=sys.stderr)
    elapsed = time.perf_counter() - started
    print(f"corpus: {args.corpus} ({len(records)} articles)")
    print(f"time: {elapsed:.1f} s in all ({len(records) / elapsed:.1f} articles/s); "
          f"Parse + mentions + entity layer {layer_seconds:.1f} s")
    for name, tally in tallies.items():
        if parts[name]["articles"]:
            report(f"{name} ({parts[name]['articles']} articles)", tally)
    return 0


if __name__ == "__main__":
    sys.exit(main())
