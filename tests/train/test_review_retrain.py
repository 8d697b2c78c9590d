"""Corrections are gold (issue 16): reviews of a store exported with `communique export
--reviewed --format gold` are read by ../shared/eval/score.py and by `communique evaluate`, and
`communique train --extra` learns from them: a retrained coder codes a held example as the
reviewers coded its like.

The tiny corpus of test_triggers_model.py: a verb ("a diligenté") that the rules do not know."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from test_triggers_model import HELD, TINY

PARTIES = {"Niger": ("NER", "TCD"), "Mali": ("MLI", "BFA"), "Sénégal": ("SEN", "GMB"),
           "Tunisie": ("TUN", "LBY"), "Maroc": ("MAR", "MRT"), "Algérie": ("DZA", "TUN")}


@pytest.mark.models
def test_reviews_become_gold_that_scores_and_retrains(tmp_path: Path, shared: Path, capsys) -> None:
    from communique.cli import main
    from communique.coder import Coder, CoderSettings
    from communique.events.detect import ModelPolicy
    from communique.model import Article
    from communique.store import open_store
    from communique.store.ingest import ingest
    from communique.store.reviews import review_event

    rules = Coder(CoderSettings(vectors=False, trigger_model=False, raise_errors=True))
    articles = tmp_path / "tiny.articles.jsonl"
    with articles.open("w", encoding="utf-8") as out:
        for n, (title, body, _) in enumerate(TINY):
            text = f"{title}\n\n{body} Le temps était clément. La population a applaudi."
            out.write(json.dumps({"id": f"tiny-{n}", "lang": "fr", "published": "2025-03-10",
                                  "title": title, "text": text}, ensure_ascii=False) + "\n")
    db = tmp_path / "review.db"
    corrected = 0
    with open_store(db) as store:
        ingest([str(articles)], store=store, coder=rules, link=False, vectors=False)
        machine = [c.to_dict() for c in store.iter_articles()]
        # The reviewer's pass: the act of each body is AID from one state to the other; an event
        # of the coder on that sentence is corrected, any other rejected, a missing one added.
        for coded in store.iter_articles():
            text = coded.article.text
            title, body, trigger = next(t for t in TINY if coded.article.title == t[0])
            actor, recipient = next(v for k, v in PARTIES.items() if k in title)
            start = text.index(body)
            changes = {"event": "AID", "mode": None, "actor": {"code": actor, "sector": "GOV"},
                       "recipient": {"code": recipient, "sector": "GOV"},
                       "trigger": {"text": trigger, "start": text.index(trigger, start)}}
            on_body = [e for e in coded.events if e.event_text and e.event_text[0].start <= start < e.event_text[-1].end]
            for event in coded.events:
                if event is (on_body[0] if on_body else None):
                    review_event(store.backend, event.id, action="correct", reviewer="Awa", changes=changes)
                    corrected += 1
                else:
                    review_event(store.backend, event.id, action="reject", reviewer="Awa",
                                 reason="not_an_event")
            if not on_body:
                from communique.store.reviews import add_event

                add_event(store.backend, coded.article.id, reviewer="Awa", changes={
                    **changes, "evidence": {"text": body, "start": start}})

    gold = tmp_path / "my-gold.jsonl"
    assert main(["export", "--db", str(db), "--reviewed", "--format", "gold", "-o", str(gold)]) == 0
    rows = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == len(TINY)
    assert all([e["type"] for e in r["events"]] == ["AID"] and r["events"][0]["trigger"] == "a diligenté"
               for r in rows)

    # The scorer of ../shared reads it, against the machine's own coding (which missed them).
    predictions = tmp_path / "predictions.jsonl"
    predictions.write_text("".join(json.dumps(m, ensure_ascii=False) + "\n" for m in machine),
                           encoding="utf-8")
    scored = subprocess.run([sys.executable, str(shared / "eval" / "score.py"), str(gold),
                             str(predictions), "--json"], capture_output=True, text=True, check=True)
    event = json.loads(scored.stdout)["event"]
    assert event["fn"] + event["tp"] == len(TINY) and event["tp"] == corrected

    # communique evaluate reads it too: the gold lines carry the text, no --articles needed.
    capsys.readouterr()
    assert main(["evaluate", "--gold", str(gold), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["articles"] == len(TINY)

    # Retrain on it (--extra beside an empty corpus folder, to stay fast) and code a held example.
    empty = tmp_path / "no-corpus"
    empty.mkdir()
    out = tmp_path / "model"
    assert main(["train", str(empty), "--extra", str(gold), "-o", str(out)]) == 0
    card = json.loads((out / "triggers.json").read_text(encoding="utf-8"))
    assert card["aligned_triggers"] == len(TINY) and card["data"] == ["my-gold.jsonl"]
    coder = Coder(CoderSettings(vectors=False, model_dir=out, policy=ModelPolicy(propose=0.5),
                                raise_errors=True))
    coded = coder.code_article(Article(id="held", text=HELD, lang="fr", published="2025-03-12"))
    aid = [e for e in coded.events if e.event == "AID"]
    assert aid and aid[0].actor[0].code == "TCD", coded.events
    before = rules.code_article(Article(id="held", text=HELD, lang="fr", published="2025-03-12"))
    assert not any(e.event == "AID" for e in before.events)  # the rules alone did not know it
