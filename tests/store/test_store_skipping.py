"""The one rule of idempotency (``store.skip_reason``), used by ingest, run and Store.put."""

from __future__ import annotations

import json
from pathlib import Path

from communique.model import Article, CodedArticle, Rejection
from communique.store.ingest import ingest
from communique.store.store import skip_reason


def _put(store, article: Article, *, version: str = "v1", rejected: Rejection | None = None) -> str:
    run = store.start_run(coder_version=version, config={})
    return store.put(CodedArticle(article=article, rejected=rejected), run_id=run.id, coder_version=version)


def test_unchanged_duplicate_or_to_be_coded(store) -> None:
    first = Article(id="a", text="Le ministre est venu.", title="Visite")
    assert skip_reason(store, first, version="v1") is None
    assert _put(store, first) == "stored"
    assert skip_reason(store, first, version="v1") == "unchanged"
    # the same content under another id is a copy; another coder version codes it again
    copy = Article(id="b", text=first.text, title=first.title)
    assert skip_reason(store, copy, version="v1") == "duplicate"
    assert skip_reason(store, copy, version="v2") is None
    assert skip_reason(store, first, version="v2") is None
    # a changed text or title is new content
    assert skip_reason(store, Article(id="a", text=first.text, title="Autre"), version="v1") is None
    assert skip_reason(store, Article(id="a", text="Autre texte.", title="Visite"), version="v1") is None


def test_a_batch_remembers_texts_not_yet_written(store) -> None:
    seen: set[str] = set()
    one = Article(id="one", text="Un texte.")
    assert skip_reason(store, one, version="v1", seen=seen) is None
    assert skip_reason(store, Article(id="two", text="Un texte."), version="v1", seen=seen) == "duplicate"
    assert skip_reason(store, Article(id="three", text="Un autre."), version="v1", seen=seen) is None
    assert len(seen) == 2


def test_rejections_are_never_copies_and_a_rejected_copy_is_not_a_source(store) -> None:
    empty = Article(id="r1", text="")
    assert _put(store, empty, rejected=Rejection("ingest", "empty")) == "stored"
    assert skip_reason(store, Article(id="r2", text=""), version="v1") is None
    # an article rejected while coding keeps its text but is not what a copy is skipped for
    german = Article(id="de", text="Der Minister kam.")
    assert _put(store, german, rejected=Rejection("language", "de")) == "stored"
    assert skip_reason(store, Article(id="de2", text=german.text), version="v1") is None
    assert skip_reason(store, german, version="v1") == "unchanged"


def test_put_applies_the_same_rule(store) -> None:
    article = Article(id="a", text="Le ministre est venu.")
    assert _put(store, article) == "stored"
    assert _put(store, article) == "unchanged"
    assert _put(store, Article(id="b", text=article.text)) == "duplicate"


def test_one_id_with_two_texts_in_a_batch_keeps_the_first_on_every_run(store, coder, tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    lines = [{"id": "x", "lang": "fr", "text": "Le ministre marocain s'est rendu lundi à Dakar."},
             {"id": "y", "lang": "fr", "text": "Le ministre malien s'est rendu mardi à Tunis."},
             {"id": "x", "lang": "en", "text": "The Moroccan army accused the Algerian army."}]
    path.write_text("".join(json.dumps(r) + "\n" for r in lines), encoding="utf-8")
    first = ingest([str(path)], store=store, coder=coder, link=False)
    assert first.counts["read"] == 3 and first.counts["stored"] == 3 and first.counts["rejected"] == 1
    assert store.get("x").article.text == lines[0]["text"]
    clash = store.get(f"x@{path}:3")
    assert clash is not None and "already used" in clash.rejected.reason
    assert sorted(store.article_ids()) == sorted(["x", "y", f"x@{path}:3"])
    again = ingest([str(path)], store=store, coder=coder, link=False)
    assert again.counts["unchanged"] == 3 and again.counts["stored"] == 0
    assert store.get("x").article.text == lines[0]["text"]  # not flipped by a re-run


def test_a_missing_input_records_no_run(store, coder, tmp_path: Path) -> None:
    import pytest

    from communique.errors import InputError

    with pytest.raises(InputError):
        ingest([str(tmp_path / "missing.jsonl")], store=store, coder=coder, link=False)
    assert store.runs() == []
