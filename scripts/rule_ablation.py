"""What each grammar rule of the event coder does on the training corpus, cross-fitted: the rule is
switched off, the corpus coded again, and event F1, true and false positives compared with all
rules on (figures of docs/accuracy.md).

    python scripts/rule_ablation.py --cache /tmp/parsed.pkl --models /tmp/folds
    python scripts/rule_ablation.py --cache /tmp/parsed.pkl --models /tmp/folds --only plural,future
    python scripts/rule_ablation.py MY-CORPUS/ --models /tmp/my-folds --always ""

Issue 13 asks that the factuality and skip rules be kept only where they hold on the training
corpus; this is how that is read. The parsed corpus and the two folds' models are those of
``scripts/crossfit.py`` (``--cache``, ``--models``: fitted here when the folder is empty), so each
article is coded by models that never saw it. A rule is switched off by its source line (named
below by words of that line): a skip in ``events.detect`` lets the word through instead of
``continue``, a reason of ``events.modality`` is not returned (the later checks still run). The
modules are restored after each rule. About 10 seconds a rule once the corpus is parsed.
"""

from __future__ import annotations

import argparse
import importlib
import inspect
import sys
import types
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from crossfit import corpus_of, crossfit, fit_folds  # noqa: E402

# name: (module, words of the line that makes the rule fire)
RULES: dict[str, tuple[str, str]] = {
    "place-name": ("events.detect", '"inside a place name'),
    "plural": ("events.detect", '"plural noun (generic or aggregate)"'),
    "noun-modality": ("events.detect", "skip(skipped, tok, why)\n                continue"),
    "war-summary": ("events.detect", '"relative clause summing up'),
    "participle-under-modal": ("events.detect", '"participle describing a noun under'),
    "present-passive": ("events.detect", '"present-tense passive with no agent'),
    "return-fire": ("events.detect", '"told inside the return fire'),
    "cut-off-participle": ("events.detect", '"participle of the cut-off'),
    "verb-modality": ("events.detect", "skip(skipped, tok, why)\n                    continue"),
    "support-participle": ("events.detect", '"SUPPORT: participle describing the party backed'),
    "announced-trip": ("events.detect", '"announced trip under'),
    "concessive": ("events.detect", 'noun in a concessive phrase'),
    "natural-cause": ("events.detect", '"ASSAULT by a natural or accidental cause'),
    "guessed-actor-only": ("events.detect", 'only a guessed actor (no subject parsed)'),
    "needs-actor": ("events.detect", ': needs an actor"'),
    "needs-recipient": ("events.detect", ': needs a recipient"'),
    "request-own-nationals": ("events.detect", '"REQUEST addressed to the actor'),
    "order-of-an-act": ("events.detect", '"an order of an act addressed to nobody'),
    "consult-single": ("events.detect", '"CONSULT: a single party meeting alone"'),
    "light-verb": ("events.detect", '"light verb of an event noun'),
    "protest-demand": ("events.detect", '"demand voiced by the protest'),
    "participle-of-noun": ("events.detect", 'f"participle describing the {cand.entry.event} noun'),
    "negated": ("events.modality", "return f\"negated ('{child.text}')\"\n        if child.dep == \"mark\""),
    "hypothetical": ("events.modality", 'return f"hypothetical'),
    "habitual": ("events.modality", 'return f"habitual'),
    "accusation-content": ("events.modality", 'return f"content of the accusation'),
    "asked-for-content": ("events.modality", "(asked for, wished or denied, not done)\""),
    "denied-report-content": ("events.modality", "(denied or asked for, not told as done)\""),
    "present-relative": ("events.modality", 'return "present tense in a relative clause'),
    "background-span": ("events.modality", "return f\"background ('{span}')\""),
    "modal-en": ("events.modality", 'return f"modal or future'),
    "future": ("events.modality", 'return "future tense"'),
    "conditional": ("events.modality", 'return "conditional"'),
    "pluperfect": ("events.modality", 'return "pluperfect (background)"'),
    "imperfect": ("events.modality", 'return "imperfect (ongoing or repeated, background)"'),
    "subjunctive": ("events.modality", 'return "subjunctive'),
    "infinitive": ("events.modality", "(intention, not an act)\""),
    "participle-clause": ("events.modality", "return f\"participle clause of"),
    "under-plan": ("events.modality", "return f\"under '{head.text}' (intention)\""),
    "noun-cancelled": ("events.modality", 'return f"cancelled'),
    "noun-demonstrative": ("events.modality", 'return f"demonstrative'),
    "noun-planned": ("events.modality", 'return f"planned'),
    "noun-negated": ("events.modality", "return f\"negated ('{child.text}')\"\n    return None"),
}


def switched_off(source: str, marker: str) -> str:
    """The module's source with the rule at ``marker`` unable to fire."""
    if source.count(marker) != 1:
        raise SystemExit(f"the rule's words {marker!r} are found {source.count(marker)} times, not once")
    lines = source.split("\n")
    at = source[:source.index(marker)].count("\n")
    line = lines[at]
    indent = line[:len(line) - len(line.lstrip())]
    if line.lstrip().startswith("return"):
        lines[at] = indent + "pass"
        # a multi-line return: its continuation lines go too
        while lines[at + 1].startswith(indent + " "):
            del lines[at + 1]
        return "\n".join(lines)
    for j in range(at + 1, len(lines)):  # the skip's own `continue` or `out.remove(cand)`
        if lines[j].startswith(indent) and lines[j].strip() in ("continue", "out.remove(cand)"):
            lines[j] = indent + "pass"
            return "\n".join(lines)
    raise SystemExit(f"no 'continue' after the rule {marker!r}")


def _load(module: types.ModuleType, source: str) -> None:
    """Run ``source`` as ``module``'s code and point every communique module at its new functions."""
    old = dict(vars(module))
    exec(compile(source, inspect.getfile(module), "exec"), vars(module))  # noqa: S102 - our own source
    for other in list(sys.modules.values()):
        if other is None or not getattr(other, "__name__", "").startswith("communique"):
            continue
        for key, value in list(vars(other).items()):
            if isinstance(value, types.FunctionType) and old.get(key) is value and key in vars(module):
                setattr(other, key, vars(module)[key])


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folder", nargs="?", type=Path, default=None,
                    help="annotated JSONL pairs (default: the bundled corpus)")
    ap.add_argument("--cache", type=Path, help="the parsed corpus of scripts/crossfit.py")
    ap.add_argument("--models", type=Path, required=True, help="the two folds' models (fitted when missing)")
    ap.add_argument("--always", default="annot-en,annot-fr", help="sets trained on and never scored")
    ap.add_argument("--only", default="", help="rules to try (comma-separated names; default: all)")
    args = ap.parse_args(argv)
    always, sets = corpus_of(ap, args)
    if not (args.models / "fold1" / "triggers.npz").exists():
        fit_folds(sets, always, args.models)
    rules = [r for r in args.only.split(",") if r] or list(RULES)
    missing = [r for r in rules if r not in RULES]
    if missing:
        raise SystemExit(f"no such rule {missing}; rules: {', '.join(RULES)}")
    runs = {"shipped": {}}

    def measure() -> dict:
        return crossfit(sets, args.models, always=always, runs=runs)["all", "shipped"]["event"]

    base = measure()
    print(f"{'rule switched off':<24} {'F1':>7} {'ΔF1':>8} {'TP':>5} {'FP':>5}")
    print(f"{'(none: all rules on)':<24} {base['f1']:7.4f} {'':>8} {base['tp']:5d} {base['fp']:5d}")
    for rule in rules:
        module = importlib.import_module("communique." + RULES[rule][0])
        source = Path(inspect.getfile(module)).read_text(encoding="utf-8")
        _load(module, switched_off(source, RULES[rule][1]))
        try:
            got = measure()
        finally:
            _load(module, source)
        print(f"{rule:<24} {got['f1']:7.4f} {got['f1'] - base['f1']:+8.4f} {got['tp'] - base['tp']:+5d} "
              f"{got['fp'] - base['fp']:+5d}", flush=True)


if __name__ == "__main__":
    main()
