"""Hostile inputs: each becomes a record naming the input, never a traceback; the batch goes on.

The battery (bad_inputs.py) goes through the whole coder here; the tests after it pin each case
of issue 14 on its own, so that each can fail alone.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import threading
from pathlib import Path

import pytest

from bad_inputs import write_battery
from communique.export.writers import jsonl_line
from communique.ingest.batch import distinct_ids
from communique.ingest.checks import MAX_CHARS, check_published, check_text
from communique.ingest.readers import read_inputs, read_jsonl
from communique.model import Article, CodedArticle


def _records(items) -> dict[str, CodedArticle | Article]:
    return {(i.article.id if isinstance(i, CodedArticle) else i.id): i for i in items}


def _reason(item) -> str | None:
    return item.rejected.reason if isinstance(item, CodedArticle) and item.rejected else None


def test_the_battery_codes_the_good_and_rejects_the_rest_with_reasons(coder, tmp_path: Path) -> None:
    expect = write_battery(tmp_path / "battery")
    coded = list(coder.code_items(read_inputs([str(tmp_path / "battery")])))
    lines = [jsonl_line(c) for c in coded]  # every record can be written out as UTF-8
    assert all(line.encode("utf-8") for line in lines)
    got = {c.article.id: c for c in coded}
    assert set(got) == set(expect)
    for article_id, reason in expect.items():
        rejection = got[article_id].rejected
        if reason is None:
            assert rejection is None, (article_id, rejection)
        else:
            assert rejection is not None and reason in rejection.reason, (article_id, rejection, reason)
    assert got["a_good"].events and got["z_good"].events


def test_a_lone_surrogate_in_text_title_or_id_is_rejected_and_writable() -> None:
    data = (b'{"id": "t", "text": "Un \\ud800 texte."}\n{"id": "h", "title": "\\udfff", "text": "Texte."}\n'
            b'{"id": "\\ud800x", "text": "Texte."}\n')
    items = list(read_jsonl(io.BytesIO(data), source="s.jsonl"))
    assert all(isinstance(i, CodedArticle) and "lone surrogate" in i.rejected.reason for i in items)
    assert [i.article.id for i in items] == ["t", "h", "\\ud800x"]
    for item in items:
        jsonl_line(item).encode("utf-8")  # raised UnicodeEncodeError before


def test_json_nested_100000_deep_is_one_rejection() -> None:
    data = ('{"id": "d", "text": ' + "[" * 100_000 + "]" * 100_000 + "}\n").encode()
    (item,) = read_jsonl(io.BytesIO(data), source="deep.jsonl")
    assert "nested too deeply" in item.rejected.reason and item.article.id == "deep:1"


def test_unreadable_jsonl_and_txt_are_rejections(open_folder: Path, unprivileged) -> None:
    for name in ("locked.jsonl", "locked.txt"):
        (open_folder / name).write_text('{"id": "x", "text": "Texte."}\n', encoding="utf-8")
        (open_folder / name).chmod(0)
    with unprivileged():
        items = list(read_inputs([str(open_folder / "locked.jsonl"), str(open_folder)]))
    assert [i.article.id for i in items] == ["locked", "locked", "locked"]
    assert all("cannot read (Permission denied)" in i.rejected.reason for i in items)


def test_an_unreadable_sub_folder_is_a_rejection(open_folder: Path, unprivileged) -> None:
    (open_folder / "a.txt").write_text("A\n\nTexte a.", encoding="utf-8")
    (open_folder / "private").mkdir()
    (open_folder / "private" / "b.txt").write_text("B\n\nTexte b.", encoding="utf-8")
    (open_folder / "private").chmod(0)
    with unprivileged():
        items = list(read_inputs([str(open_folder)]))
    assert [i.id if isinstance(i, Article) else i.article.id for i in items] == ["a", "private"]
    assert "cannot list the folder (Permission denied)" in items[1].rejected.reason


def test_special_files_in_a_folder_are_rejections(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.jsonl")
    os.symlink(tmp_path / "gone.txt", tmp_path / "link.txt")
    (tmp_path / "notes.csv").write_text("x", encoding="utf-8")  # not an input format: skipped
    items = _records(read_inputs([str(tmp_path)]))
    assert sorted(items) == ["link", "pipe"]
    assert "named pipe" in _reason(items["pipe"]) and "broken symbolic link" in _reason(items["link"])


def test_a_fifo_given_as_input_is_read_when_written_and_rejected_when_not(tmp_path: Path) -> None:
    fifo = tmp_path / "feed.jsonl"
    os.mkfifo(fifo)
    (item,) = read_inputs([str(fifo)])  # nobody writes: not a wait forever
    assert "empty input" in _reason(item)

    # A writer already there, as with `communique code <(zcat corpus.jsonl.gz)`.
    fd = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)  # lets the writer open without waiting
    out = os.open(fifo, os.O_WRONLY)

    def write() -> None:
        with os.fdopen(out, "wb") as fh:
            fh.write(b'{"id": "p1", "text": "Texte un."}\n{"id": "p2", "text": "Texte deux."}\n')

    writer = threading.Thread(target=write)
    writer.start()
    try:
        items = list(read_inputs([str(fifo)]))
    finally:
        writer.join(timeout=10)
        os.close(fd)
    assert [i.id for i in items] == ["p1", "p2"]


def test_a_missing_input_is_still_an_error_before_anything_is_read(tmp_path: Path) -> None:
    from communique.errors import InputError

    with pytest.raises(InputError, match="input not found"):
        read_inputs([str(tmp_path / "missing.txt")])


def test_a_second_article_under_the_same_id_is_rejected_not_overwriting() -> None:
    data = (b'{"id": "x", "text": "Premier texte."}\n{"id": "x", "text": "Second texte."}\n'
            b'{"id": "x", "text": "Premier texte."}\n')
    items = list(distinct_ids(read_jsonl(io.BytesIO(data), source="b.jsonl")))
    assert isinstance(items[0], Article) and items[0].text == "Premier texte."
    assert items[1].article.id == "x@b.jsonl:2" and "already used" in items[1].rejected.reason
    assert isinstance(items[2], Article)  # the same article again: harmless
    # read_inputs applies it across inputs too
    assert len(items) == 3


def test_ids_clash_across_two_inputs(tmp_path: Path) -> None:
    (tmp_path / "one").mkdir()
    (tmp_path / "two").mkdir()
    (tmp_path / "one" / "n1.txt").write_text("Un\n\nPremier.", encoding="utf-8")
    (tmp_path / "two" / "n1.txt").write_text("Deux\n\nSecond.", encoding="utf-8")
    items = list(read_inputs([str(tmp_path / "one"), str(tmp_path / "two")]))
    assert items[0].id == "n1" and items[1].article.id.startswith("n1@")


def test_utf16_and_utf32_with_a_bom_are_decoded(tmp_path: Path) -> None:
    text = "Visite\n\nLe ministre s'est rendu à Alger."
    for enc in ("utf-16", "utf-32", "utf-16-be"):
        data = text.encode(enc)
        if enc == "utf-16-be":
            data = b"\xfe\xff" + data
        (tmp_path / "a.txt").write_bytes(data)
        (item,) = read_inputs([str(tmp_path / "a.txt")])
        assert isinstance(item, Article) and item.text == text and item.title == "Visite", enc
    (tmp_path / "a.txt").write_bytes(text.encode("utf-16-le"))
    (item,) = read_inputs([str(tmp_path / "a.txt")])
    assert "UTF-16 without a byte-order mark" in _reason(item)
    (tmp_path / "a.txt").unlink()
    (tmp_path / "b.jsonl").write_bytes('{"id": "u", "text": "Été."}\n'.encode("utf-16"))
    (item,) = read_inputs([str(tmp_path / "b.jsonl")])
    assert isinstance(item, Article) and item.text == "Été."


def test_a_gzip_named_jsonl_is_one_rejection(tmp_path: Path) -> None:
    path = tmp_path / "corpus.jsonl"
    path.write_bytes(gzip.compress(b'{"id": "a", "text": "Texte."}\n' * 500))
    items = list(read_inputs([str(path)]))
    assert len(items) == 1 and "gzip-compressed" in _reason(items[0])


def test_invalid_json_says_at_column_once() -> None:
    (item,) = read_jsonl(io.BytesIO(b'{"id": "a", "text": "unterminated\n'), source="s.jsonl")
    assert "at column" in item.rejected.reason and "at at" not in item.rejected.reason
    (item,) = read_jsonl(io.BytesIO(b'{"id": "a", "text": "x\n'), source="s.jsonl")
    assert "at at" not in item.rejected.reason and ")" in item.rejected.reason


@pytest.mark.parametrize("value", ["2025-13-45", "yesterday", "2025-02-30", "20250605", "2025-06-05 midi"])
def test_a_published_value_that_is_not_a_date_is_rejected(value: str) -> None:
    line = json.dumps({"id": "p", "text": "Texte.", "published": value}).encode()
    (item,) = read_jsonl(io.BytesIO(line), source="s.jsonl")
    assert "'published' is not a date" in _reason(item) and value[:10] in _reason(item)
    assert item.article.published is None  # never exported as a DATEADDED like 20251345


@pytest.mark.parametrize("value", ["2025-06-05", "2025-06-05T10:00:00Z", "2025-06-05T10:00:00+02:00", " "])
def test_iso_published_values_are_kept(value: str) -> None:
    assert check_published(value, source="s") == (value.strip() or None)


def test_the_size_limit_is_the_measured_one() -> None:
    assert check_text("a" * MAX_CHARS, source="s")
    with pytest.raises(Exception, match="too long"):
        check_text("a" * (MAX_CHARS + 1), source="s")
    assert MAX_CHARS == 100_000  # bench/article_size.py: ~15 s and ~0.4 GB at this size
