"""Cross-fitted event F1 of the learned models on an annotated corpus (figures of docs/accuracy.md).

    python scripts/crossfit.py [FOLDER]     # default: the bundled training corpus

The articles are split in two folds by id (a translated article, id ending in ``-en``, goes with
its original); each fold is coded by models trained on the other fold, so every figure is on
articles the models never saw. Prints, per gold set and for all of them, event F1 / precision / recall with
the rules only, with the trigger model, and with the trigger and party models (the shipped coder).
"""

from __future__ import annotations

import hashlib
import sys
import tempfile
from pathlib import Path

from communique.coder import Coder, CoderSettings
from communique.evaluate.scoring import score
from communique.model import CodedArticle
from communique.train.commands import bundled_corpus
from communique.train.corpus import Alignment, examples_of, gold_pairs, party_examples, place_examples, read_annotated
from communique.train.fit import TrainSettings, fit_party_model, fit_trigger_model, parsed
from communique.events.lexicon import trigger_lexicon


def fold_of(article_id: str) -> int:
    base = article_id[:-3] if article_id.endswith("-en") else article_id
    return int(hashlib.md5(base.encode()).hexdigest(), 16) % 2


def main(folder: Path) -> None:
    coder = Coder(CoderSettings(vectors=False))
    sets = {gold.name.replace(".gold.jsonl", ""): list(parsed(read_annotated(articles, gold), coder=coder))
            for articles, gold in gold_pairs(folder)}
    everything = [p for items in sets.values() for p in items]
    with tempfile.TemporaryDirectory() as tmp:
        for fold in (0, 1):
            examples, options, places = [], [], []
            for item, parse, index in everything:
                if fold_of(item.article.id) != fold:
                    examples.extend(examples_of(item, parse, index, lexicon=trigger_lexicon(parse.lang),
                                                stats=Alignment()))
                    options.extend(party_examples(item, parse, index))
                    places.extend(place_examples(item, parse, index))
            fit_trigger_model(examples).save(Path(tmp) / f"fold{fold}")
            fit_party_model(options).save(Path(tmp) / f"fold{fold}")
            fit_party_model(places, c=TrainSettings().c_place).save(Path(tmp) / f"fold{fold}", "places")
        runs = {"rules only": dict(trigger_model=False, party_model=False, place_model=False),
                "+ trigger model": dict(party_model=False, place_model=False),
                "+ party model": dict(place_model=False), "+ place model": {}}
        attributes = {}
        print(f"{'set':<14} " + " ".join(f"{name + ' (F1 P R)':<22}" for name in runs))
        for set_name, items in [*sets.items(), ("all", everything)]:
            row = []
            for name, options in runs.items():
                gold, pred = [], []
                for fold in (0, 1):
                    held = Coder(CoderSettings(vectors=False, model_dir=Path(tmp) / f"fold{fold}", **options))
                    for item, parse, _ in items:
                        if fold_of(item.article.id) == fold:
                            gold.append({"id": item.article.id, "events": item.events})
                            coded = CodedArticle(article=item.article, events=held.events(item.article, parse))
                            pred.append(coded.to_dict())
                result = score(gold, pred).to_dict()
                ev = result["event"]
                row.append(f"{ev['f1']:.3f} {ev['precision']:.3f} {ev['recall']:.3f}")
                attributes[set_name, name] = result
            print(f"{set_name:<14} " + " ".join(f"{r:<22}" for r in row))
        print(f"\n{'set':<14} {'places by the rules (name country n)':<38} with the place model (shipped)")
        for set_name in [*sets, "all"]:
            row = []
            for name in ("+ party model", "+ place model"):
                got, counts = attributes[set_name, name]["on_matched"], attributes[set_name, name]["on_matched_counts"]
                row.append(f"{got.get('location_name', 0):.3f} {got.get('location_country', 0):.3f} "
                           f"{counts.get('location_name', 0)}")
            print(f"{set_name:<14} {row[0]:<38} {row[1]}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else bundled_corpus())
