"""Code a gold set's articles and score the result."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from communique.coder import Coder
from communique.errors import EvaluationError
from communique.evaluate.scoring import score
from communique.export.writers import jsonl_line
from communique.ingest import read_inputs


def read_rows(path: Path) -> list[dict[str, Any]]:
    """The JSON objects of a JSONL file (gold, articles or predictions), one per non-blank line."""
    try:
        with path.open(encoding="utf-8") as fh:
            return [json.loads(line) for line in fh if line.strip()]
    except (OSError, json.JSONDecodeError) as exc:
        raise EvaluationError(f"cannot read {path}: {exc}") from exc


def evaluate(*, gold: Path, articles: Path | None = None, predictions: Path | None = None,
             count_background: bool = False) -> dict[str, Any]:
    """Code the articles of a gold set and score them; without ``articles`` the gold lines must
    carry the text (a reviewed export)."""
    gold_rows = read_rows(gold)
    if articles is None:
        if not gold_rows or not all(isinstance(row.get("text"), str) for row in gold_rows):
            raise EvaluationError(f"{gold}: its lines carry no article text: give --articles")
        articles = gold
    langs = {str(a["id"]): a.get("lang") or "?" for a in read_rows(articles)}
    coded = list(Coder().code_items(read_inputs([str(articles)])))
    pred_rows = [c.to_dict() for c in coded]
    if predictions is not None:
        predictions.parent.mkdir(parents=True, exist_ok=True)
        with predictions.open("w", encoding="utf-8") as fh:
            for c in coded:
                fh.write(jsonl_line(c) + "\n")
    for c in coded:
        langs.setdefault(c.article.id, c.article.lang or "?")
        if c.article.lang:
            langs[c.article.id] = c.article.lang
    return score(gold_rows, pred_rows, langs=langs, count_background=count_background).to_dict()
