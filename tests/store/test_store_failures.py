"""One article whose coding cannot be written is rolled back and kept as a rejection; the batch
and the store go on (both backends)."""

from __future__ import annotations

from dataclasses import replace

from communique.model import Article, CodedArticle, Entity, Event


def test_two_events_with_one_id_reject_the_article_not_the_batch(store) -> None:
    event = Event(id="x", article_id="x", event="CONSULT", mode="visit",
                  actor=[Entity(code="MAR", sector="MIL", entity_text="", start=0, end=0, reason="test")])
    run = store.start_run(coder_version="v1", config={})
    bad = Article(id="art/1", text="Un texte dont deux événements ont le même identifiant.")
    clash = [replace(event, id="same", article_id=bad.id), replace(event, id="same", article_id=bad.id)]
    assert store.put(CodedArticle(article=bad, events=clash), run_id=run.id, coder_version="v1") == "rejected"
    back = store.get("art/1")
    assert back is not None and back.events == []
    assert back.rejected is not None and back.rejected.stage == "store"
    assert "art/1" in back.rejected.reason
    assert "unique" in back.rejected.reason.lower() or "duplicate key" in back.rejected.reason
    # no SQL statement and no path of the server in what a user sees
    assert "INSERT" not in back.rejected.reason and "store.db" not in back.rejected.reason

    good = Article(id="art-2", text="Un autre texte, codé sans encombre.")
    ok = CodedArticle(article=good, events=[replace(event, id="e2", article_id=good.id)])
    assert store.put(ok, run_id=run.id, coder_version="v1") == "stored"
    assert [e.id for e in store.get("art-2").events] == ["e2"]
    # The rejection is remembered: the same article and coder version is not tried again.
    assert store.put(CodedArticle(article=bad, events=clash), run_id=run.id, coder_version="v1") == "unchanged"


def test_count_outcome_counts_a_store_rejection_as_stored_and_rejected() -> None:
    from collections import Counter

    from communique.store.store import count_outcome

    counts: Counter[str] = Counter()
    coded = CodedArticle(article=Article(id="a", text="t"))
    count_outcome(counts, "rejected", coded)
    count_outcome(counts, "unchanged", coded)
    assert counts == Counter({"stored": 1, "rejected": 1, "unchanged": 1})




def test_when_even_the_rejection_cannot_be_written_the_error_names_the_article(store, monkeypatch) -> None:
    import pytest

    from communique.errors import StoreError

    run = store.start_run(coder_version="v1", config={})

    def failing(*args, **kwargs):
        raise StoreError("disk full, in: INSERT ...", detail="disk full")

    monkeypatch.setattr("communique.store.store.write_coded", failing)
    with pytest.raises(StoreError, match="article 'n9' could not be stored, nor its rejection") as info:
        store.put(CodedArticle(article=Article(id="n9", text="Un texte.")), run_id=run.id, coder_version="v1")
    assert info.value.detail == "disk full"
