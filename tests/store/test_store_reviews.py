"""Reviews on both backends: the effective event is the machine's with the review applied,
everywhere the store is read, and re-coding keeps the reviews (re-attached, or flagged)."""

from __future__ import annotations

import pytest

from communique.errors import BadParameter
from communique.model import Article, CodedArticle, Entity, Event, Span
from communique.store.query import EventFilter, event_ids, where
from communique.store.reviews import (NotReviewable, add_event, history, next_unreviewed,
                                      precision, review_event, review_of, reviews)

TEXT = ("Le Maroc a reçu lundi le ministre mauritanien à Rabat. Le Mali a expulsé l'ambassadeur "
        "de France. Il faisait beau. Le Niger a envoyé des médecins au Tchad.")


def _span(words: str) -> Span:
    start = TEXT.index(words)
    return Span(text=words, start=start, end=start + len(words), sentence=0)


def _party(code: str, sector: str = "GOV") -> Entity:
    return Entity(code=code, sector=sector, entity_text=code, start=0, end=3, reason="test")


def _coded(*, version_tag: str = "") -> CodedArticle:
    article = Article(id="a1", text=TEXT, title=None, published="2025-06-02", lang="fr")
    visit = Event(id="ev-visit" + version_tag, article_id="a1", event="CONSULT", mode="visit",
                  actor=[_party("MRT")], recipient=[_party("MAR")], date="2025-06-02",
                  event_text=[_span("Le Maroc a reçu lundi le ministre mauritanien à Rabat.")],
                  confidence=0.8, explanation="CONSULT/visit: trigger 'a reçu' (rule)")
    expel = Event(id="ev-expel" + version_tag, article_id="a1", event="SANCTION", mode="expel",
                  actor=[_party("MLI")], recipient=[_party("FRA")], date="2025-06-02",
                  event_text=[_span("Le Mali a expulsé l'ambassadeur de France.")], confidence=0.9,
                  explanation="SANCTION/expel: trigger 'a expulsé' (rule)")
    weather = Event(id="ev-weather" + version_tag, article_id="a1", event="ASSAULT",
                    actor=[_party("MAR", "MIL")], event_text=[_span("Il faisait beau.")],
                    confidence=0.3, explanation="ASSAULT: trigger 'faisait' (model)")
    return CodedArticle(article=article, events=[visit, expel, weather])


def _put(store, coded: CodedArticle, version: str = "v1") -> str:
    run = store.start_run(coder_version=version, config={})
    return store.put(coded, run_id=run.id, coder_version=version)


def test_confirm_reject_correct_add_are_the_stored_events(store) -> None:
    _put(store, _coded())
    b = store.backend
    review_event(b, "ev-visit", action="confirm", reviewer="Awa")
    review_event(b, "ev-weather", action="reject", reviewer="Awa", reason="not_an_event")
    review_event(b, "ev-expel", action="correct", reviewer="Awa",
                 changes={"recipient": {"code": "DZA", "sector": "GOV"}})
    added = add_event(b, "a1", reviewer="Awa", changes={
        "event": "AID", "evidence": _span("Le Niger a envoyé des médecins au Tchad.").to_dict(),
        "trigger": _span("a envoyé").to_dict(), "actor": {"code": "NER", "sector": "GOV"},
        "recipient": {"code": "TCD", "sector": "GOV"}})
    stored = {e.id: e for e in store.get("a1").events}
    assert set(stored) == {"ev-visit", "ev-expel", added.event_id}  # the rejected one is gone
    assert stored["ev-expel"].recipient[0].code == "DZA"
    assert "reviewed by Awa" in stored["ev-expel"].explanation
    assert stored[added.event_id].event == "AID" and stored[added.event_id].quad_code == 2
    # The filters read the effective events: the dyad, the type, the country.
    assert event_ids(store, EventFilter(dyad=("MLI", "DZA"))) == ["ev-expel"]
    assert event_ids(store, EventFilter(dyad=("MLI", "FRA"))) == []
    assert event_ids(store, EventFilter(event_type="ASSAULT")) == []
    assert event_ids(store, EventFilter(country="TCD")) == [added.event_id]
    # The machine's values stay in the review.
    expel = review_of(b, "ev-expel")
    assert expel.verdict == "corrected" and expel.machine.recipient[0].code == "FRA"
    figures = precision(b)
    assert figures["ASSAULT"]["rejected"] == 1 and figures["ASSAULT"]["precision"] == 0
    assert figures["CONSULT"]["confirmed"] == 1 and figures["SANCTION"]["corrected"] == 1
    assert figures["AID"]["added"] == 1
    assert [h["action"] for h in history(b)] == ["confirm", "reject", "correct", "add"]


def test_clear_brings_the_machine_event_back(store) -> None:
    _put(store, _coded())
    b = store.backend
    review_event(b, "ev-weather", action="reject", reviewer="Awa", reason="not_an_event")
    assert "ev-weather" not in store.event_ids()
    assert review_event(b, "ev-weather", action="clear", reviewer="Awa") is None
    assert "ev-weather" in store.event_ids() and review_of(b, "ev-weather") is None
    review_event(b, "ev-expel", action="correct", reviewer="Ben", changes={"event": "ACCUSE"})
    assert store.events(["ev-expel"])[0].event == "ACCUSE"
    review_event(b, "ev-expel", action="clear", reviewer="Ben")
    assert store.events(["ev-expel"])[0].event == "SANCTION"


def test_recoding_with_a_new_coder_keeps_the_reviews(store) -> None:
    _put(store, _coded())
    b = store.backend
    review_event(b, "ev-weather", action="reject", reviewer="Awa", reason="not_an_event")
    review_event(b, "ev-expel", action="correct", reviewer="Awa",
                 changes={"recipient": {"code": "DZA", "sector": "GOV"}})
    review_event(b, "ev-visit", action="confirm", reviewer="Awa")
    added = add_event(b, "a1", reviewer="Awa", changes={
        "event": "AID", "evidence": _span("Le Niger a envoyé des médecins au Tchad.").to_dict()})
    # A newer coder: other ids, and the visit is now coded as a meeting of another type.
    recoded = _coded(version_tag="-2")
    recoded.events[0].event = "AGREE"
    assert _put(store, recoded, version="v2") == "stored"
    stored = {e.id: e for e in store.get("a1").events}
    assert "ev-weather-2" not in stored  # still rejected
    assert stored["ev-expel-2"].recipient[0].code == "DZA"  # still corrected
    assert added.event_id in stored  # still added
    assert "ev-visit-2" in stored  # the new machine event, unreviewed
    visit = reviews(b, needs_look=True)
    assert [r.machine.id for r in visit] == ["ev-visit"]  # flagged for a second look
    assert review_of(b, "ev-expel-2").coder_version == "v2"


def test_bad_reviews_are_refused(store) -> None:
    _put(store, _coded())
    b = store.backend
    with pytest.raises(BadParameter):
        review_event(b, "ev-visit", action="reject", reviewer="Awa", reason="boring")
    with pytest.raises(BadParameter):
        review_event(b, "ev-visit", action="confirm", reviewer="  ")
    with pytest.raises(BadParameter):
        review_event(b, "ev-visit", action="correct", reviewer="Awa", changes={"event": "PARTY"})
    with pytest.raises(NotReviewable):
        review_event(b, "nope", action="confirm", reviewer="Awa")
    with pytest.raises(BadParameter):
        add_event(b, "a1", reviewer="Awa", changes={"event": "AID", "evidence": {
            "text": "pas dans le texte", "start": 0, "end": 17}})
    assert reviews(b) == []


def test_next_unreviewed_walks_the_filtered_list(store) -> None:
    _put(store, _coded())
    b = store.backend
    clause, params = where(store, EventFilter())
    first = next_unreviewed(b, clause, params)
    review_event(b, first, action="confirm", reviewer="Awa")
    second = next_unreviewed(b, clause, params, after=first)
    assert second not in (None, first)
    review_event(b, second, action="confirm", reviewer="Awa")
    third = next_unreviewed(b, clause, params, after=second)
    review_event(b, third, action="confirm", reviewer="Awa")
    assert next_unreviewed(b, clause, params, after=third) is None


def test_a_review_left_without_an_event_can_be_dismissed(store) -> None:
    from communique.store.reviews import clear_review

    _put(store, _coded())
    review_event(store.backend, "ev-visit", action="confirm", reviewer="Awa")
    recoded = _coded(version_tag="-2")
    recoded.events[0].event = "AGREE"
    _put(store, recoded, version="v2")
    (orphan,) = reviews(store.backend, needs_look=True)
    assert orphan.event_id is None
    clear_review(store.backend, orphan.id, reviewer="Ben")
    assert reviews(store.backend) == []
    assert [h["action"] for h in history(store.backend)] == ["confirm", "unmatched", "clear"]


def test_an_added_event_waits_while_its_article_is_rejected(store) -> None:
    from communique.model import Rejection

    _put(store, _coded())
    added = add_event(store.backend, "a1", reviewer="Awa", changes={
        "event": "AID", "evidence": _span("Le Niger a envoyé des médecins au Tchad.").to_dict()})
    broken = CodedArticle(article=_coded().article, rejected=Rejection("language", "unreadable"))
    _put(store, broken, version="v2")
    assert store.get("a1").events == [] and len(reviews(store.backend, needs_look=True)) == 1
    _put(store, _coded(), version="v3")  # readable again: the added event is back
    assert added.event_id in {e.id for e in store.get("a1").events}
    assert reviews(store.backend, needs_look=True) == []


def test_the_review_commands(db, capsys) -> None:
    import json

    from communique.cli import main
    from communique.store import open_store

    with open_store(db) as store:
        _put(store, _coded())
        review_event(store.backend, "ev-visit", action="confirm", reviewer="Awa")
        review_event(store.backend, "ev-weather", action="reject", reviewer="Awa", reason="generic")
    capsys.readouterr()
    assert main(["export", "--db", db, "--reviewed", "--format", "jsonl"]) == 0
    assert [json.loads(line)["id"] for line in capsys.readouterr().out.splitlines()] == ["ev-visit"]
    assert main(["export", "--db", db, "--reviewed", "--format", "gold"]) == 0
    captured = capsys.readouterr()
    assert captured.out == "" and "1 articles left out" in captured.err  # ev-expel is not reviewed
    assert main(["export", "--db", db, "--format", "gold"]) == 2  # gold is what reviewers said
    assert main(["reviews", "--db", db, "--precision", "--format", "jsonl"]) == 0
    rows = {r["type"]: r for r in map(json.loads, capsys.readouterr().out.splitlines())}
    assert rows["ASSAULT"]["precision"] == 0 and rows["CONSULT"]["precision"] == 1
    assert main(["reviews", "--db", db, "--history", "--format", "csv"]) == 0
    assert capsys.readouterr().out.splitlines()[0].startswith("at,review_id,position,reviewer,action")
    assert main(["reviews", "--db", db]) == 0
    assert "rejected" in capsys.readouterr().out
