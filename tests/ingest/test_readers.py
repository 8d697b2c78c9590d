"""Every kind of input becomes an Article, and every bad input a rejected record."""

from __future__ import annotations

import io
import json
from pathlib import Path

from communique.ingest.readers import read_inputs, read_jsonl, read_stream
from communique.model import Article, CodedArticle


def _one(items):
    items = list(items)
    assert len(items) == 1
    return items[0]


def test_txt_first_line_is_title_and_id_is_file_name(tmp_path: Path) -> None:
    f = tmp_path / "n042.txt"
    f.write_text("Visite à Alger\n\nLe ministre s'est rendu à Alger.", encoding="utf-8")
    art = _one(read_inputs([str(f)]))
    assert isinstance(art, Article)
    assert art.id == "n042" and art.title == "Visite à Alger"
    assert art.text.startswith("Visite à Alger")  # offsets cover the title too


def test_single_paragraph_file_has_no_title(tmp_path: Path) -> None:
    f = tmp_path / "one.txt"
    f.write_text("Une seule ligne de texte sans titre.", encoding="utf-8")
    assert _one(read_inputs([str(f)])).title is None


def test_empty_file_is_rejected(tmp_path: Path) -> None:
    f = tmp_path / "empty.txt"
    f.write_bytes(b"   \n")
    item = _one(read_inputs([str(f)]))
    assert isinstance(item, CodedArticle) and item.rejected.stage == "ingest"
    assert "empty" in item.rejected.reason


def test_binary_file_is_rejected(tmp_path: Path) -> None:
    f = tmp_path / "image.txt"
    f.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    item = _one(read_inputs([str(f)]))
    assert item.rejected and "binary" in item.rejected.reason


def test_mis_encoded_file_is_rejected_with_the_offset(tmp_path: Path) -> None:
    f = tmp_path / "latin1.txt"
    f.write_bytes("Le président a visité Sétif.".encode("latin-1"))
    item = _one(read_inputs([str(f)]))
    assert item.rejected and "UTF-8" in item.rejected.reason


def test_huge_text_is_rejected(tmp_path: Path) -> None:
    f = tmp_path / "huge.txt"
    f.write_text("Titre\n" + ("Le ministre a parlé. " * 250_000), encoding="utf-8")  # ~5 MB
    item = _one(read_inputs([str(f)]))
    assert item.rejected and "too long" in item.rejected.reason


def test_broken_jsonl_line_is_rejected_and_the_rest_goes_on() -> None:
    data = b'{"id": "a", "text": "Premier article."}\n{"id": "b", "text": \n{"id": "c", "text": "Troisieme."}\n'
    items = list(read_jsonl(io.BytesIO(data), source="batch.jsonl"))
    assert [type(i).__name__ for i in items] == ["Article", "CodedArticle", "Article"]
    assert items[1].rejected.stage == "ingest" and "invalid JSON" in items[1].rejected.reason
    assert items[1].article.id == "batch:2"


def test_jsonl_keeps_ids_fields_and_metadata() -> None:
    line = {"id": 17, "text": "Texte.", "title": "T", "published": "2025-06-05", "url": "http://x", "lang": "fr",
            "source_name": "Agence"}
    art = _one(read_jsonl(io.BytesIO(json.dumps(line).encode()), source="s.jsonl"))
    assert art.id == "17" and art.lang == "fr" and art.meta == {"source_name": "Agence"}


def test_jsonl_record_without_text_is_rejected() -> None:
    item = _one(read_jsonl(io.BytesIO(b'{"id": "x", "title": "no body"}\n'), source="s.jsonl"))
    assert item.rejected and "text" in item.rejected.reason and item.article.id == "x"


def test_html_main_text_and_metadata(tmp_path: Path) -> None:
    html = """<html><head><title>Visite officielle à Rabat</title>
    <meta property="article:published_time" content="2025-06-03"></head>
    <body><nav>Accueil | Monde | Sport</nav><article><h1>Visite officielle à Rabat</h1>
    <p>Le ministre sénégalais des Affaires étrangères s'est rendu mardi à Rabat, où il a été reçu
    par son homologue marocain pour un entretien consacré à la coopération consulaire.</p>
    <p>Les deux ministres ont signé un mémorandum d'entente sur la coopération consulaire et la
    mobilité des étudiants entre les deux pays.</p></article><footer>Mentions légales</footer></body></html>"""
    f = tmp_path / "page.html"
    f.write_text(html, encoding="utf-8")
    art = _one(read_inputs([str(f)]))
    assert isinstance(art, Article), art
    assert "homologue marocain" in art.text and "Mentions légales" not in art.text
    assert art.title == "Visite officielle à Rabat"
    assert art.published == "2025-06-03"


def test_directory_reads_supported_files_in_order(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text("B\n\nTexte b.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("A\n\nTexte a.", encoding="utf-8")
    (tmp_path / "notes.csv").write_text("x,y", encoding="utf-8")
    assert [i.id for i in read_inputs([str(tmp_path)])] == ["a", "b"]


def test_stdin_plain_text_and_jsonl() -> None:
    art = _one(read_stream(io.BytesIO("Titre\n\nCorps du texte.".encode()), source="stdin"))
    assert art.title == "Titre" and len(art.id) == 16
    again = _one(read_stream(io.BytesIO("Titre\n\nCorps du texte.".encode()), source="stdin"))
    assert again.id == art.id  # content ids are stable
    arts = list(read_stream(io.BytesIO(b'{"id": "s1", "text": "Un."}\n{"id": "s2", "text": "Deux."}\n'), source="stdin"))
    assert [a.id for a in arts] == ["s1", "s2"]


def test_output_file_inside_an_input_directory_is_not_read(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("A\n\nTexte a.", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    out.write_text('{"id": "not-an-input", "text": "x"}\n', encoding="utf-8")
    assert [i.id for i in read_inputs([str(tmp_path)], exclude=[out])] == ["a"]
