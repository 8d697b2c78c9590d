"""How far parsing only some sentences can go: where spaCy's time goes, and how many sentences an
event needs.

    python bench/selection.py [CORPUS.jsonl] [--limit N] [--profile-limit M]

Figures only; nothing is asserted (docs/scale.md, "What sentence selection can reach").

1. **Where the time goes**: the tokenizer and each component of the pipeline as communique loads
   it, run one after the other on the same documents (the second of two passes: warm caches).
2. **What the events need**: every article is cut by the first pass (tokenizer, sentence guard,
   ``senter``) and coded by the default coder (full pipeline everywhere). A sentence is *needed*
   when a coded event's evidence or one of its parties' words lies in it. Printed: the share of
   sentences needed, the share the title and the first three sentences are, the share the first
   pass's rule (``events.selection.choose_sentences``) parses and how many needed sentences it
   misses; and a **learned chooser** (logistic regression on the sentence's words, the trigger
   forms it holds, its lexicon parties, its position; two folds by article, each scored by the
   model fitted on the other), as the share of sentences it must parse to keep 90–99 % of the
   needed ones. The coder's own output is the label: the chooser can only be as good as keeping
   what the full pipeline finds.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import time
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared"
DEFAULT = SHARED / "corpora" / "wikinews-fr" / "articles.jsonl"
LEDE = 3  # the first sentences, always parsed by any chooser (the setting, the lede, the date line)


def profile(texts: list[str], lang: str) -> None:
    from communique.nlp.pipelines import load_pipeline

    nlp = load_pipeline(lang)
    for _ in range(2):  # the second pass is reported (caches warm)
        start = time.perf_counter()
        docs = [nlp.make_doc(t) for t in texts]
        spent = {"tokenizer": time.perf_counter() - start}
        for name, proc in nlp.pipeline:
            start = time.perf_counter()
            docs = list(proc.pipe(docs, batch_size=64)) if hasattr(proc, "pipe") else [proc(d) for d in docs]
            spent[name] = time.perf_counter() - start
    total = sum(spent.values())
    print(f"spaCy as communique loads it, {len(texts)} articles: {1000 * total / len(texts):.1f} ms an article")
    for name, seconds in spent.items():
        print(f"  {name:28s} {100 * seconds / total:5.1f}%  {1000 * seconds / len(texts):5.2f} ms an article")


def sentences_needed(articles) -> list[dict]:  # type: ignore[no-untyped-def]
    from communique.coder import Coder, CoderSettings, title_end_of
    from communique.events.selection import SentenceWords, choose_sentences
    from communique.mentions.mention_words import mention_words
    from communique.nlp.first_pass import _regions, trigger_forms
    from communique.nlp.pipelines import _mark_sentence_continuations, load_pipeline

    coder = Coder(CoderSettings())
    rows = []
    by_lang: dict[str, list] = {}
    for article in articles:
        by_lang.setdefault(article.lang or "fr", []).append(article)
    for lang, group in by_lang.items():
        nlp = load_pipeline(lang)
        senter = nlp.get_pipe("senter")
        lexicon, forms, pronouns = coder.actors(lang), trigger_forms(lang), mention_words(lang).pronoun
        coded = {c.article.id: c for c in coder.code_items(group)}
        for article in group:
            doc = senter(_mark_sentence_continuations(nlp.make_doc(article.text)))
            words, starts = [t.text for t in doc], [t.idx for t in doc]
            sents = [SentenceWords(char_start=starts[a], char_end=starts[b - 1] + len(words[b - 1]),
                                   words=words[a:b]) for a, b in _regions(doc)]
            parties = [(m.start, m.end) for m in lexicon.matcher.find(article.text)]
            title_end = title_end_of(article)
            spans = []
            for event in coded[article.id].events if article.id in coded else []:
                spans += [(t.start, t.end) for t in event.event_text]
                spans += [(p.start, p.end) for p in event.actor + event.recipient if p.end > p.start]
            rows.append({
                "id": article.id, "lang": lang, "parties": parties, "forms": forms,
                "sentences": sents,
                "needed": [any(a < s.char_end and b > s.char_start for a, b in spans) for s in sents],
                "forced": [s.char_start < title_end or i < LEDE for i, s in enumerate(sents)],
                "rule": choose_sentences(sents, forms=forms, party_spans=parties, title_end=title_end,
                                         pronouns=pronouns),
            })
    return rows


def features(row: dict) -> list[dict[str, float]]:  # type: ignore[type-arg]
    out = []
    for i, s in enumerate(row["sentences"]):
        f: dict[str, float] = {"position": min(i, 5), "title_or_lede": float(row["forced"][i])}
        lower = [w.lower() for w in s.words if w[:1].isalpha()]
        for w in lower:
            f[f"w={w}"] = 1.0
            if row["forms"].match(w):
                f["trigger"] = f.get("trigger", 0.0) + 1
        n = sum(1 for a, b in row["parties"] if a < s.char_end and b > s.char_start)
        f["parties"], f["no_party"] = min(n, 4), float(n == 0)
        f["names"] = min(sum(1 for w in s.words[1:] if w[:1].isupper()), 5)
        out.append(f)
    return out


def learned_chooser(rows: list[dict]) -> None:  # type: ignore[type-arg]
    import numpy as np
    from sklearn.feature_extraction import FeatureHasher
    from sklearn.linear_model import LogisticRegression

    feats, needed, forced, fold = [], [], [], []
    for row in rows:
        k = int(hashlib.md5(row["id"].encode()).hexdigest(), 16) % 2
        for f, y, z in zip(features(row), row["needed"], row["forced"]):
            feats.append(f)
            needed.append(y)
            forced.append(z)
            fold.append(k)
    x = FeatureHasher(2 ** 18).transform(feats)
    y, forced_, fold_ = np.array(needed), np.array(forced), np.array(fold)
    if len(set(y.tolist())) < 2:
        print("learned chooser: no needed sentence to learn from")
        return
    p = np.zeros(len(y))
    for k in (0, 1):
        model = LogisticRegression(C=1.0, max_iter=2000, class_weight="balanced")
        model.fit(x[fold_ != k], y[fold_ != k])
        p[fold_ == k] = model.predict_proba(x[fold_ == k])[:, 1]
    print("learned chooser (title and first sentences always; others by the model, cross-fitted):")
    for target in (0.90, 0.95, 0.97, 0.99):
        for threshold in sorted(set(np.round(p, 4).tolist()), reverse=True):
            chosen = forced_ | (p >= threshold)
            if (chosen & y).sum() >= target * y.sum():
                print(f"  keeps {100 * target:.0f}% of the needed sentences: parses {100 * chosen.mean():.1f}%")
                break


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("corpus", nargs="?", default=str(DEFAULT))
    ap.add_argument("--limit", type=int, default=None, help="articles (default: all)")
    ap.add_argument("--profile-limit", type=int, default=300, help="articles for the component profile")
    args = ap.parse_args()
    from communique.ingest import read_inputs

    articles = list(itertools.islice(read_inputs([args.corpus]), args.limit))
    print(f"corpus {args.corpus}: {len(articles)} articles")
    lang = (articles[0].lang or "fr") if articles else "fr"
    profile([a.text for a in articles[:args.profile_limit] if (a.lang or "fr") == lang], lang)
    rows = sentences_needed(articles)
    total = sum(len(r["sentences"]) for r in rows)
    needed = sum(sum(r["needed"]) for r in rows)
    forced = sum(sum(r["forced"]) for r in rows)
    rule = sum(sum(r["rule"]) for r in rows)
    kept = sum(sum(1 for n, c in zip(r["needed"], r["rule"]) if n and c) for r in rows)
    print(f"first-pass sentences {total:,}; holding a coded event's evidence or parties: "
          f"{100 * needed / max(total, 1):.1f}%")
    print(f"the title and the first {LEDE} sentences: {100 * forced / max(total, 1):.1f}%")
    print(f"the first pass's rule parses {100 * rule / max(total, 1):.1f}% and keeps "
          f"{100 * kept / max(needed, 1):.1f}% of the needed sentences")
    learned_chooser(rows)


if __name__ == "__main__":
    main()
