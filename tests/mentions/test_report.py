"""``communique actors``: one row per actor mention with its code, sector and deciding entry."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from communique.cli import main
from communique.lexicon.actors import actor_lexicon
from communique.mentions.report import ArticleMentions, article_rows, format_table, jsonl_lines
from communique.model import Rejection
from communique.parse import Parse, Sentence, Token

_WORD = re.compile(r"\w+(?:['’]|(?:-\w+)*)|[^\w\s]")


def make_parse(text: str) -> Parse:
    """Tokens split the way spaCy splits French ("l'", "maroco-mauritaniennes"); no NER."""
    tokens = [Token(i=i, text=m.group(), idx=m.start(), lemma=m.group().lower(), pos="X", dep="dep", head=0)
              for i, m in enumerate(_WORD.finditer(text))]
    return Parse(text=text, tokens=tokens, lang="fr",
                 sentences=[Sentence(index=0, start=0, end=len(tokens), char_start=0, char_end=len(text))])


def test_rows_say_which_entry_decided() -> None:
    text = "L'armée marocaine et les forces maroco-mauritaniennes ont reçu le Conseil de sécurité à Rabat."
    rows = article_rows("a1", make_parse(text), actor_lexicon("fr"))
    by_text = {r.text: r for r in rows}
    assert by_text["marocaine"].kind == "country:demonym" and by_text["marocaine"].code == "MAR"
    assert "fr/countries.tsv" in by_text["marocaine"].decided_by
    assert by_text["armée"].kind == "head" and by_text["armée"].sector == "MIL"
    assert "only with a country" in by_text["armée"].decided_by
    assert by_text["maroco-mauritaniennes"].code == "MAR+MRT"
    assert by_text["Conseil de sécurité"].code == "UNO" and "organisations.tsv" in by_text["Conseil de sécurité"].decided_by
    assert by_text["Rabat"].kind == "country:capital"
    for row in rows:
        assert text[row.start:row.end] == row.text
    assert [r.start for r in rows] == sorted(r.start for r in rows)


def test_table_is_aligned_and_jsonl_round_trips() -> None:
    text = "Le Kremlin a reçu l'ambassadeur du Niger."
    report = ArticleMentions("a2", "fr", article_rows("a2", make_parse(text), actor_lexicon("fr")))
    lines = format_table(report)
    assert lines[0].startswith("# a2 (fr):")
    header, body = lines[1], lines[2:]
    assert header.split()[:4] == ["article", "start", "end", "text"]
    column = header.index("kind")
    assert all(line[column - 2:column] == "  " for line in body)  # every row lines up under "kind"
    objects = [json.loads(line) for line in jsonl_lines(report)]
    assert {o["text"] for o in objects} >= {"Le Kremlin", "Niger"}
    assert next(o for o in objects if o["text"] == "Le Kremlin")["kind"] == "country:seat"


def test_rejected_article_gives_one_line() -> None:
    report = ArticleMentions("bad", None, rejected=Rejection("ingest", "empty text"))
    assert format_table(report) == ["# bad: rejected at ingest: empty text"]
    assert json.loads(jsonl_lines(report)[0]) == {"article": "bad", "rejected": {"stage": "ingest", "reason": "empty text"}}


@pytest.mark.models
def test_command_prints_mentions_of_every_input(tmp_path: Path, capsys) -> None:
    (tmp_path / "a.txt").write_text(
        "Visite\nLe colonel Iselmou Bedy Messaoud, commandant de la division mauritanienne, "
        "a rencontré l'armée marocaine à Rabat.", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"")
    assert main(["actors", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "# a (fr):" in out and "# b: rejected at ingest" in out
    line = next(line for line in out.splitlines() if "Iselmou Bedy Messaoud" in line and "person" in line)
    assert "MRT" in line and "colonel" in line

    target = tmp_path / "out" / "mentions.jsonl"
    assert main(["actors", str(tmp_path / "a.txt"), "--format", "jsonl", "--entities", "-o", str(target)]) == 0
    objects = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    kinds = {o["kind"] for o in objects}
    assert {"country:demonym", "head", "person", "entity:LOC"} <= kinds
    rabat = next(o for o in objects if o["text"] == "Rabat" and o["kind"] == "country:capital")
    assert rabat["code"] == "MAR" and rabat["decided_by"].startswith("country capital 'Rabat'")
