"""scripts/crossfit.py, the cross-fitted figures of docs/accuracy.md: its parse cache gives the
same figures as parsing afresh, is reused only for the same corpus, and sets trained on
``--always`` are never scored. The tiny corpus of test_triggers_model.py."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from test_triggers_model import TINY

ROOT = Path(__file__).resolve().parents[2]
PARTIES = {"Niger": ("NER", "TCD"), "Mali": ("MLI", "BFA"), "Sénégal": ("SEN", "GMB"),
           "Tunisie": ("TUN", "LBY"), "Maroc": ("MAR", "MRT"), "Algérie": ("DZA", "TUN")}


def _script():
    spec = importlib.util.spec_from_file_location("crossfit", ROOT / "scripts" / "crossfit.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _write_set(folder: Path, name: str, rows: list[tuple[str, str, str]]) -> None:
    articles, gold = [], []
    for n, (title, body, trigger) in enumerate(rows):
        actor, recipient = next(v for k, v in PARTIES.items() if k in title)
        aid = f"{name}-{n}"
        articles.append({"id": aid, "lang": "fr", "published": "2025-03-10", "title": title,
                         "text": f"{title}\n\nNIAMEY, 10 mars – {body} Le temps était clément."})
        gold.append({"id": aid, "events": [{
            "type": "AID", "mode": None, "contexts": ["humanitarian"],
            "actor": {"name": title.split()[1], "country": actor, "sector": "GOV"},
            "recipient": {"name": "", "country": recipient, "sector": "GOV"},
            "evidence": body, "trigger": trigger, "background": False}]})
    (folder / f"{name}.articles.jsonl").write_text(
        "".join(json.dumps(a, ensure_ascii=False) + "\n" for a in articles), encoding="utf-8")
    (folder / f"{name}.gold.jsonl").write_text(
        "".join(json.dumps(g, ensure_ascii=False) + "\n" for g in gold), encoding="utf-8")


@pytest.mark.models
def test_the_cache_gives_the_same_figures_and_always_sets_are_not_scored(tmp_path: Path, capsys,
                                                                          monkeypatch) -> None:
    crossfit = _script()
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    _write_set(corpus, "tiny", TINY)
    _write_set(corpus, "extra", TINY[:3])
    cache = tmp_path / "parsed.pkl"

    crossfit.main([str(corpus), "--quick", "--always", "extra"])
    fresh = capsys.readouterr().out
    crossfit.main([str(corpus), "--quick", "--always", "extra", "--cache", str(cache)])
    assert capsys.readouterr().out == fresh and cache.exists()
    rows = [line.split()[0] for line in fresh.splitlines() if line.strip()]
    assert "tiny" in rows and "all" in rows and "extra" not in rows

    # the second run reads the cache: spaCy is not run again, the figures are the same
    from communique.coder import Coder

    def no_parse(*args, **kwargs):
        raise AssertionError("parsed again although the cache holds this corpus")

    monkeypatch.setattr(Coder, "parse_items", no_parse)
    crossfit.main([str(corpus), "--quick", "--always", "extra", "--cache", str(cache)])
    assert capsys.readouterr().out == fresh

    # another corpus in the same cache file is parsed afresh
    _write_set(corpus, "extra", TINY[:2])
    with pytest.raises(AssertionError, match="parsed again"):
        crossfit.main([str(corpus), "--quick", "--cache", str(cache)])


@pytest.mark.models
def test_an_always_set_that_does_not_exist_is_an_error(tmp_path: Path, capsys) -> None:
    crossfit = _script()
    _write_set(tmp_path, "tiny", TINY[:2])
    with pytest.raises(SystemExit):
        crossfit.main([str(tmp_path), "--always", "annot-fr"])
    assert "no such set annot-fr" in capsys.readouterr().err
