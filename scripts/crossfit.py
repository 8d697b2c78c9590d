"""Cross-fitted event F1 of the learned models on an annotated corpus (figures of docs/accuracy.md).

    python scripts/crossfit.py [FOLDER]     # default: the bundled training corpus
    python scripts/crossfit.py --cache /tmp/parsed.pkl --always annot-en,annot-fr --quick

The articles are split in two folds by id (a translated article, id ending in ``-en``, goes with
its original); each fold is coded by models trained on the other fold, so every figure is on
articles the models never saw. Prints, per gold set and for all of them, event F1 / precision / recall with
the rules only, with the trigger model, and with the trigger and party models (the shipped coder).

The fast loop of docs/accuracy.md is this script with three options: ``--cache FILE`` keeps the
parsed corpus (spaCy's output and the mentions, pickled; parsed again when the corpus or the code
that parses changed), so a run after the first one skips spaCy (about 10 minutes → 1–3); ``--always
SETS`` trains both folds on those sets and scores them nowhere (the bundled ``annot-en``,
``annot-fr``: what the figures since the held-out reports were measured with); ``--quick`` codes
the shipped configuration only. ``--models DIR`` keeps the two folds' models.
"""

from __future__ import annotations

import argparse
import hashlib
import pickle
import subprocess
import sys
import tempfile
from pathlib import Path

from communique.coder import Coder, CoderSettings
from communique.evaluate.scoring import score
from communique.events.lexicon import trigger_lexicon
from communique.model import CodedArticle
from communique.train.commands import bundled_corpus
from communique.train.corpus import (Alignment, data_hash, examples_of, gold_pairs, party_examples, place_examples,
                                     read_annotated)
from communique.train.fit import TrainSettings, fit_party_model, fit_trigger_model, parsed
from communique.train.kernel import pinned_environment

RUNS = {"rules only": dict(trigger_model=False, party_model=False, place_model=False),
        "+ trigger model": dict(party_model=False, place_model=False),
        "+ party model": dict(place_model=False), "+ place model": {}}
SHIPPED = "+ place model"
# What a parse depends on besides the corpus: the code and language data that build it.
_PARSE_SOURCES = ("nlp", "mentions", "lexicon", "parse.py", "language.py", "data")


def fold_of(article_id: str) -> int:
    base = article_id[:-3] if article_id.endswith("-en") else article_id
    return int(hashlib.md5(base.encode()).hexdigest(), 16) % 2


def parse_key(pairs: list[tuple[Path, Path]]) -> str:
    """Hash of the corpus files and of the package files a parse depends on (models excluded:
    they are fitted from the parses, not used by them)."""
    import communique

    package = Path(communique.__file__).parent
    files = [p for name in _PARSE_SOURCES for p in sorted((package / name).rglob("*") if (package / name).is_dir()
                                                          else [package / name])
             if p.is_file() and p.suffix in (".py", ".tsv", ".json") and "models" not in p.parts]
    return data_hash([f for pair in pairs for f in pair]) + data_hash(files)


def corpus_of(ap: argparse.ArgumentParser, args: argparse.Namespace) -> tuple[set[str], dict[str, list]]:
    """The sets named by ``--always`` and the parsed corpus (``folder`` or the bundled one,
    ``--cache``), for this script and ``rule_ablation.py``; an ``--always`` set the corpus lacks is
    a usage error."""
    folder = args.folder or bundled_corpus()
    names = [gold.name.replace(".gold.jsonl", "") for _, gold in gold_pairs(folder)]
    always = {s for s in args.always.split(",") if s}
    unknown = always - set(names)
    if unknown:
        ap.error(f"--always: no such set {', '.join(sorted(unknown))} (sets: {', '.join(names)})")
    return always, parsed_sets(folder, cache=args.cache)


def parsed_sets(folder: Path, *, cache: Path | None) -> dict[str, list]:
    """Each gold set of the folder as (annotated article, parse, mentions) triples; read from
    ``cache`` when it holds this corpus parsed by this code, written there otherwise."""
    pairs = gold_pairs(folder)
    key = parse_key(pairs)
    if cache is not None and cache.exists():
        with cache.open("rb") as fh:
            stored = pickle.load(fh)
        if stored.get("key") == key:
            return stored["sets"]
        print(f"{cache}: another corpus or code; parsing again", file=sys.stderr)
    coder = Coder(CoderSettings(vectors=False))
    sets = {gold.name.replace(".gold.jsonl", ""): list(parsed(read_annotated(articles, gold), coder=coder))
            for articles, gold in pairs}
    if cache is not None:
        tmp = cache.with_suffix(cache.suffix + ".part")
        with tmp.open("wb") as fh:
            pickle.dump({"key": key, "sets": sets}, fh, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(cache)
    return sets


def fit_folds(sets: dict[str, list], always: set[str], out: Path) -> None:
    """Two folds of models in ``out/fold0`` and ``out/fold1``: fold k is fitted on the articles of
    the other fold and on every article of the ``always`` sets."""
    for fold in (0, 1):
        examples, options, places = [], [], []
        for name, items in sets.items():
            for item, parse, index in items:
                if name in always or fold_of(item.article.id) != fold:
                    examples.extend(examples_of(item, parse, index, lexicon=trigger_lexicon(parse.lang),
                                                stats=Alignment()))
                    options.extend(party_examples(item, parse, index))
                    places.extend(place_examples(item, parse, index))
        fit_trigger_model(examples).save(out / f"fold{fold}")
        fit_party_model(options).save(out / f"fold{fold}")
        fit_party_model(places, c=TrainSettings().c_place).save(out / f"fold{fold}", "places")


def crossfit(sets: dict[str, list], models: Path, *, always: set[str] = frozenset(),
             runs: dict[str, dict] | None = None) -> dict[tuple[str, str], dict]:
    """Score of every scored set (and of ``all`` of them) under each run, each article coded by
    the models of its own fold: {(set, run): score dict}."""
    runs = RUNS if runs is None else runs
    scored = {name: items for name, items in sets.items() if name not in always}
    everything = [p for items in scored.values() for p in items]
    out = {}
    for name, options in runs.items():
        held = {fold: Coder(CoderSettings(vectors=False, model_dir=models / f"fold{fold}", **options))
                for fold in (0, 1)}
        for set_name, items in [*scored.items(), ("all", everything)]:
            gold, pred = [], []
            for item, parse, _ in items:
                gold.append({"id": item.article.id, "events": item.events})
                coded = CodedArticle(article=item.article,
                                     events=held[fold_of(item.article.id)].events(item.article, parse))
                pred.append(coded.to_dict())
            out[set_name, name] = score(gold, pred).to_dict()
    return out


def report(results: dict[tuple[str, str], dict], runs: list[str]) -> str:
    sets = list(dict.fromkeys(s for s, _ in results))
    lines = [f"{'set':<14} " + " ".join(f"{name + ' (F1 P R)':<22}" for name in runs)]
    for set_name in sets:
        row = []
        for name in runs:
            ev = results[set_name, name]["event"]
            row.append(f"{ev['f1']:.4f} {ev['precision']:.3f} {ev['recall']:.3f}")
        lines.append(f"{set_name:<14} " + " ".join(f"{r:<22}" for r in row))
    place_runs = [r for r in ("+ party model", SHIPPED) if r in runs]
    lines.append(f"\n{'set':<14} " + " ".join(f"{'location name country n (' + r + ')':<38}" for r in place_runs))
    for set_name in sets:
        row = []
        for name in place_runs:
            got = results[set_name, name]["on_matched"]
            counts = results[set_name, name]["on_matched_counts"]
            row.append(f"{got.get('location_name', 0):.3f} {got.get('location_country', 0):.3f} "
                       f"{counts.get('location_name', 0)}")
        lines.append(f"{set_name:<14} " + " ".join(f"{r:<38}" for r in row))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folder", nargs="?", type=Path, default=None,
                    help="annotated JSONL pairs (default: the bundled corpus)")
    ap.add_argument("--cache", type=Path, help="pickle of the parsed corpus, written once and reused")
    ap.add_argument("--always", default="", help="sets always trained on and never scored (comma-separated names)")
    ap.add_argument("--quick", action="store_true", help="the shipped configuration only")
    ap.add_argument("--models", type=Path, help="keep the two folds' models in this folder")
    args = ap.parse_args(argv)
    always, sets = corpus_of(ap, args)
    runs = {SHIPPED: RUNS[SHIPPED]} if args.quick else RUNS
    with tempfile.TemporaryDirectory() as tmp:
        models = args.models or Path(tmp)
        fit_folds(sets, always, models)
        print(report(crossfit(sets, models, always=always, runs=runs), list(runs)))


if __name__ == "__main__":
    pinned = pinned_environment()
    if pinned is not None:  # fit with the shipped models' BLAS kernel and threads, as `communique train` does
        raise SystemExit(subprocess.call([sys.executable, __file__, *sys.argv[1:]], env=pinned))
    main()
