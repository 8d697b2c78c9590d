"""``communique train``: rebuild the learned parts of the coder from annotated articles.

    communique train [SOURCE...] [--extra GOLD.jsonl] [-o FOLDER] [--seed N]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def cmd_train(args: argparse.Namespace) -> int:
    from communique.events.parties import PartyModel
    from communique.events.triggers_model import TriggerModel, model_folder
    from communique.train.fit import TrainSettings
    from communique.train.kernel import train_pinned

    sources = [Path(s) for s in args.sources] or [bundled_corpus()]
    sources += [Path(s) for s in args.extra or []]
    out = Path(args.output) if args.output else model_folder()
    settings = TrainSettings(seed=args.seed, vectors=args.vectors)
    print(f"communique train: parsing {', '.join(map(str, sources))} …", file=sys.stderr)
    # one BLAS kernel and thread count on every CPU: the same weights from the same data (train/kernel.py)
    train_pinned(sources, out=out, settings=settings)
    card = TriggerModel.load(out).card
    print(f"trigger model: {card['articles']} articles, {card['examples']} candidate words, "
          f"{card['aligned_triggers']}/{card['gold_events']} gold triggers found, "
          f"{card['features_kept']} features → {out}/triggers.npz")
    parties = PartyModel.load(out)
    print(f"party model: {parties.card['examples']} options of {parties.card['positives']} gold parties, "
          f"{parties.card['features_kept']} features → {out}/parties.json")
    places = PartyModel.load(out, "places")
    print(f"place model: {places.card['examples']} options, {places.card['positives']} naming the gold place, "
          f"{places.card['features_kept']} features → {out}/places.json")
    return 0


def bundled_corpus() -> Path:
    from communique.lexicon.tables import data_path

    return data_path("train")


def add_commands(subparsers: argparse._SubParsersAction) -> None:
    """Register ``train`` on the ``communique`` command line."""
    train = subparsers.add_parser(
        "train", help="rebuild the trigger, party and place models from annotated articles (the bundled corpus by default)")
    train.add_argument("sources", nargs="*", metavar="SOURCE",
                       help="folders of *.gold.jsonl + *.articles.jsonl pairs, or *.gold.jsonl files "
                            "(default: the training corpus shipped in the package)")
    train.add_argument("--extra", action="append", metavar="GOLD",
                       help="more annotated articles (a *.gold.jsonl beside its *.articles.jsonl, or a "
                            "gold file whose lines carry the text), e.g. your reviews exported with "
                            "`communique export --reviewed --format gold`; repeatable")
    train.add_argument("-o", "--output", metavar="FOLDER",
                       help="where to write triggers.npz, triggers.json, parties.json and places.json (default: the package's "
                            "data/models, used by the coder)")
    train.add_argument("--seed", type=int, default=13, help="random seed (default 13)")
    train.add_argument("--vectors", action="store_true",
                       help="add the multilingual word vector of each candidate (measured: about +0.01 "
                            "trigger recall, but the coding stages three times slower)")
    train.set_defaults(func=cmd_train)
