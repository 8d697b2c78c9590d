"""Read inputs into Articles: .txt files, directories, JSONL, HTML and standard input.

Every reader yields either an ``Article`` or a ``CodedArticle`` that is already rejected (an
unreadable file, a broken JSON line): nothing is dropped silently and one bad input never
stops the batch.
"""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

from communique.errors import ArticleRejected, InputError
from communique.ingest.checks import check_text, decode_bytes
from communique.model import Article, CodedArticle, Rejection, content_id

TEXT_SUFFIXES = {".txt", ".text", ".md"}
JSONL_SUFFIXES = {".jsonl", ".ndjson", ".json"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
# A title line longer than this is the first paragraph of a file without a title.
MAX_TITLE_CHARS = 300
# Fields of a JSONL record that map onto Article attributes; the rest is kept as metadata.
_ARTICLE_FIELDS = {"id", "text", "title", "published", "url", "lang"}

Item = Article | CodedArticle


def rejected(article_id: str, stage: str, reason: str, *, source: str | None = None,
             **fields: Any) -> CodedArticle:
    """A rejection record for an input that could not become a codable article."""
    art = Article(id=article_id, text="", source=source, **fields)
    return CodedArticle(article=art, rejected=Rejection(stage=stage, reason=reason))


def read_inputs(inputs: Iterable[str], *, exclude: Iterable[Path] = ()) -> Iterator[Item]:
    """Articles from paths (files or directories) and ``-`` for standard input.

    ``exclude`` names files never to read (the output file, when it is written inside an input
    directory: reading it while it grows would never end).
    """
    skip = {p.resolve() for p in exclude}
    for name in inputs:
        if name == "-":
            yield from read_stream(sys.stdin.buffer, source="stdin")
            continue
        path = Path(name)
        if path.is_dir():
            yield from read_directory(path, exclude=skip)
        elif path.is_file():
            yield from read_file(path)
        else:
            raise InputError(f"input not found: {name}")


def read_directory(path: Path, *, exclude: set[Path] | None = None) -> Iterator[Item]:
    """Every readable file under a directory, in a stable (sorted) order."""
    for child in sorted(p for p in path.rglob("*") if p.is_file()):
        if exclude and child.resolve() in exclude:
            continue
        suffix = child.suffix.lower()
        if suffix in TEXT_SUFFIXES | JSONL_SUFFIXES | HTML_SUFFIXES and not child.name.startswith("."):
            if child.name.lower() == "readme.md":
                continue
            yield from read_file(child)


def read_file(path: Path) -> Iterator[Item]:
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        with path.open("rb") as fh:
            yield from read_jsonl(fh, source=str(path))
        return
    article_id = path.stem
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield rejected(article_id, "ingest", f"{path}: cannot read ({exc.strerror})", source=str(path))
        return
    if suffix in HTML_SUFFIXES:
        yield html_article(data, article_id=article_id, source=str(path))
    else:
        yield text_article(data, article_id=article_id, source=str(path))


def read_stream(stream: BinaryIO, *, source: str) -> Iterator[Item]:
    """Standard input: JSONL when it starts with ``{``, otherwise one plain-text article."""
    data = stream.read()
    if data.lstrip()[:1] == b"{":
        yield from read_jsonl(io.BytesIO(data), source=source)
    else:
        yield text_article(data, article_id=content_id(data.decode("utf-8", "replace")),
                           source=source, id_from_content=True)


def _split_title(text: str) -> str | None:
    """The first line is the title when there is more than one line and it is short."""
    lines = text.strip().split("\n", 1)
    if len(lines) == 2 and lines[1].strip() and 0 < len(lines[0].strip()) <= MAX_TITLE_CHARS:
        return lines[0].strip()
    return None


def text_article(data: bytes, *, article_id: str, source: str,
                 id_from_content: bool = False) -> Item:
    """A plain-text article: the first line is its title; the text keeps every line."""
    try:
        text = check_text(decode_bytes(data, source=source), source=source)
    except ArticleRejected as exc:
        return rejected(article_id, exc.stage, exc.reason, source=source)
    if id_from_content:
        article_id = content_id(text)
    return Article(id=article_id, text=text, title=_split_title(text), source=source)


def html_article(data: bytes, *, article_id: str, source: str) -> Item:
    """An HTML page: main text and metadata extracted with trafilatura."""
    try:
        html = decode_bytes(data, source=source)
    except ArticleRejected as exc:
        return rejected(article_id, exc.stage, exc.reason, source=source)
    import trafilatura

    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                      favor_precision=True)
    body = getattr(doc, "text", None) if doc is not None else None
    if not body:
        return rejected(article_id, "ingest", f"{source}: no article text found in the HTML",
                        source=source)
    title = getattr(doc, "title", None)
    text = f"{title}\n\n{body}" if title else body
    try:
        text = check_text(text, source=source)
    except ArticleRejected as exc:
        return rejected(article_id, exc.stage, exc.reason, source=source)
    meta = {k: getattr(doc, k, None) for k in ("author", "sitename", "description")
            if getattr(doc, k, None)}
    lang = getattr(doc, "language", None)
    return Article(id=article_id, text=text, title=title, published=getattr(doc, "date", None),
                   url=getattr(doc, "url", None), lang=lang, source=source, meta=meta)


def read_jsonl(stream: BinaryIO, *, source: str) -> Iterator[Item]:
    """One article per line; a broken line is one rejected record, the rest goes on."""
    for lineno, raw in enumerate(stream, 1):
        if not raw.strip():
            continue
        where = f"{source}:{lineno}"
        fallback_id = f"{Path(source).stem}:{lineno}"
        try:
            line = decode_bytes(raw, source=where)
            record = json.loads(line)
        except ArticleRejected as exc:
            yield rejected(fallback_id, exc.stage, exc.reason, source=where)
            continue
        except json.JSONDecodeError as exc:
            yield rejected(fallback_id, "ingest", f"{where}: invalid JSON ({exc.msg} at column "
                                                  f"{exc.colno})", source=where)
            continue
        yield jsonl_article(record, fallback_id=fallback_id, source=where)


def jsonl_article(record: Any, *, fallback_id: str, source: str) -> Item:
    if not isinstance(record, dict):
        return rejected(fallback_id, "ingest", f"{source}: a JSON object is expected, got "
                                               f"{type(record).__name__}", source=source)
    raw_id = record.get("id")
    text = record.get("text")
    if not isinstance(text, str):
        art_id = str(raw_id) if raw_id is not None else fallback_id
        return rejected(art_id, "ingest", f"{source}: no 'text' string field", source=source)
    art_id = str(raw_id) if raw_id not in (None, "") else content_id(text)
    fields = {k: (str(record[k]) if record.get(k) is not None else None)
              for k in ("title", "published", "url", "lang")}
    meta = {k: v for k, v in record.items() if k not in _ARTICLE_FIELDS}
    try:
        text = check_text(text, source=source)
    except ArticleRejected as exc:
        return rejected(art_id, exc.stage, exc.reason, source=source, **fields)
    return Article(id=art_id, text=text, source=source, meta=meta, **fields)
