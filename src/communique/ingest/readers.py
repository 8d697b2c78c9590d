"""Read inputs into Articles: .txt files, directories, JSONL, HTML, pipes and standard input.

Every reader yields either an ``Article`` or a ``CodedArticle`` that is already rejected (an
unreadable file, a broken JSON line, a special file in a folder): nothing is dropped silently
and one bad input never stops the batch. Only an input that does not exist at all is an
``InputError`` (a mistyped command line), raised before anything is read.
"""

from __future__ import annotations

import fcntl
import io
import json
import os
import stat
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

from communique.errors import ArticleRejected, InputError
from communique.ingest.batch import distinct_ids
from communique.ingest.checks import (bom_encoding, check_published, check_record, check_text,
                                      compressed_kind, decode_bytes)
from communique.ingest.paths import (HTML_SUFFIXES, JSONL_SUFFIXES, TEXT_SUFFIXES, Skipped,
                                     kind_of, printable, walk)
from communique.model import Article, CodedArticle, Rejection, content_id

__all__ = ["HTML_SUFFIXES", "JSONL_SUFFIXES", "TEXT_SUFFIXES", "Item", "iter_inputs",
           "read_inputs", "read_jsonl", "read_stream", "rejected"]

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


def check_inputs(inputs: Iterable[str]) -> None:
    """Raise ``InputError`` for an input that does not exist (a broken link exists: it is read
    as a rejection)."""
    for name in inputs:
        if name != "-" and not os.path.lexists(name):
            raise InputError(f"input not found: {name}")


def read_inputs(inputs: Iterable[str], *, exclude: Iterable[Path] = ()) -> Iterator[Item]:
    """Articles from paths (files or directories) and ``-`` for standard input.

    ``exclude`` names files never to read (the output file, when it is written inside an input
    directory: reading it while it grows would never end). An id met twice with another
    article in the same call is rejected the second time (``batch.distinct_ids``).
    """
    inputs = list(inputs)
    check_inputs(inputs)  # now, not when the first item is asked for
    return distinct_ids(iter_inputs(inputs, exclude=exclude))


def iter_inputs(inputs: Iterable[str], *, exclude: Iterable[Path] = ()) -> Iterator[Item]:
    """``read_inputs`` without the check of ids across the batch."""
    inputs = list(inputs)
    check_inputs(inputs)
    skip = {p.resolve() for p in exclude}
    for name in inputs:
        if name == "-":
            yield from read_stream(sys.stdin.buffer, source="stdin")
        else:
            yield from read_path(Path(name), exclude=skip)


def read_path(path: Path, *, exclude: set[Path]) -> Iterator[Item]:
    """One input named on the command line: a folder, a file, or a pipe read like stdin."""
    name, stem = printable(str(path)), printable(path.stem or str(path))
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        reason = ("broken symbolic link" if isinstance(exc, FileNotFoundError)
                  else f"cannot read ({exc.strerror})")
        yield rejected(stem, "ingest", f"{name}: {reason}", source=name)
        return
    if stat.S_ISDIR(mode):
        yield from read_directory(path, exclude=exclude)
    elif stat.S_ISREG(mode):
        yield from read_file(path)
    elif stat.S_ISFIFO(mode):
        # `communique code <(zcat corpus.jsonl.gz)` names a pipe: read it as standard input.
        yield from read_pipe(path)
    else:
        yield rejected(stem, "ingest", f"{name}: {kind_of(mode)}, not a file", source=name)


def read_directory(path: Path, *, exclude: set[Path] | None = None) -> Iterator[Item]:
    """Every input file under a directory, in a stable (sorted) order."""
    for entry in walk(path, exclude=exclude or set()):
        if isinstance(entry, Skipped):
            name = printable(str(entry.path))
            yield rejected(printable(entry.path.stem or entry.path.name), "ingest",
                           f"{name}: {entry.reason}", source=name)
        else:
            yield from read_file(entry)


def read_pipe(path: Path) -> Iterator[Item]:
    """A named pipe given as an input: read as a stream when a writer is there, else rejected
    (opening a FIFO nobody writes to would wait forever)."""
    name, stem = printable(str(path)), printable(path.stem)
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError as exc:
        yield rejected(stem, "ingest", f"{name}: cannot read ({exc.strerror})", source=name)
        return
    flags = fcntl.fcntl(fd, fcntl.F_GETFL)
    fcntl.fcntl(fd, fcntl.F_SETFL, flags & ~os.O_NONBLOCK)  # now wait for what the writer sends
    with os.fdopen(fd, "rb") as stream:
        yield from read_stream(stream, source=name, article_id=stem)


def read_file(path: Path) -> Iterator[Item]:
    suffix = path.suffix.lower()
    article_id, source = printable(path.stem), printable(str(path))
    try:
        if suffix in JSONL_SUFFIXES:
            with path.open("rb") as fh:
                yield from read_jsonl(fh, source=source)
            return
        data = path.read_bytes()
    except OSError as exc:
        yield rejected(article_id, "ingest", f"{source}: cannot read ({exc.strerror})", source=source)
        return
    if suffix in HTML_SUFFIXES:
        yield html_article(data, article_id=article_id, source=source)
    else:
        yield text_article(data, article_id=article_id, source=source)


def read_stream(stream: BinaryIO, *, source: str, article_id: str | None = None) -> Iterator[Item]:
    """Standard input or a pipe: JSONL when it starts with ``{``, otherwise one plain-text
    article (its id from its content unless given)."""
    try:
        data = stream.read()
    except OSError as exc:
        yield rejected(article_id or source, "ingest", f"{source}: cannot read ({exc.strerror})",
                       source=source)
        return
    if data.lstrip()[:1] == b"{":
        yield from read_jsonl(io.BytesIO(data), source=source)
    else:
        yield text_article(data, article_id=article_id or content_id(data.decode("utf-8", "replace")),
                           source=source, id_from_content=article_id is None)


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
        published = check_published(getattr(doc, "date", None), source=source)
    except ArticleRejected as exc:
        return rejected(article_id, exc.stage, exc.reason, source=source)
    meta = {k: getattr(doc, k, None) for k in ("author", "sitename", "description")
            if getattr(doc, k, None)}
    lang = getattr(doc, "language", None)
    return Article(id=article_id, text=text, title=title, published=published,
                   url=getattr(doc, "url", None), lang=lang, source=source, meta=meta)


def read_jsonl(stream: BinaryIO, *, source: str) -> Iterator[Item]:
    """One article per line; a broken line is one rejected record, the rest goes on.

    A compressed file is one rejection (not one per line of garbage); a UTF-16 or UTF-32 file
    with a byte-order mark is decoded whole first (its lines are not byte lines).
    """
    stem = Path(source).stem
    head = stream.peek(4)[:4] if hasattr(stream, "peek") else b""
    kind = compressed_kind(head)
    if kind:
        yield rejected(stem, "ingest", f"{source}: {kind} file, not JSON lines; decompress it "
                                       "first", source=source)
        return
    encoding = bom_encoding(head)
    if encoding:
        try:
            stream = io.BytesIO(stream.read().decode(encoding).encode("utf-8"))
        except UnicodeDecodeError as exc:
            yield rejected(stem, "ingest", f"{source}: not valid {encoding.upper()} (byte offset "
                                           f"{exc.start}) despite its byte-order mark", source=source)
            return
    lineno = 0
    try:
        for lineno, raw in enumerate(stream, 1):
            if raw.strip():
                yield _jsonl_line(raw, where=f"{source}:{lineno}", fallback_id=f"{stem}:{lineno}")
    except OSError as exc:  # a read error in the middle of the file: the rest cannot be read
        yield rejected(f"{stem}:{lineno + 1}", "ingest", f"{source}:{lineno + 1}: cannot read "
                                                         f"({exc.strerror})", source=source)


def _jsonl_line(raw: bytes, *, where: str, fallback_id: str) -> Item:
    try:
        record = json.loads(decode_bytes(raw, source=where))
    except ArticleRejected as exc:
        return rejected(fallback_id, exc.stage, exc.reason, source=where)
    except json.JSONDecodeError as exc:
        # json's messages end with " at" ("Unterminated string starting at"): the column says it
        return rejected(fallback_id, "ingest", f"{where}: invalid JSON at column {exc.colno} "
                                               f"({exc.msg.removesuffix(' at')})", source=where)
    except RecursionError:
        return rejected(fallback_id, "ingest", f"{where}: invalid JSON: nested too deeply to "
                                               "be an article", source=where)
    return jsonl_article(record, fallback_id=fallback_id, source=where)


def _safe_id(raw: Any, fallback_id: str) -> str:
    """The record's id as text, a lone surrogate or a NUL in it written as an escape."""
    if raw in (None, "") or isinstance(raw, (dict, list)):
        return fallback_id
    return printable(str(raw))


def jsonl_article(record: Any, *, fallback_id: str, source: str) -> Item:
    if not isinstance(record, dict):
        return rejected(fallback_id, "ingest", f"{source}: a JSON object is expected, got "
                                               f"{type(record).__name__}", source=source)
    raw_id = record.get("id")
    text = record.get("text")
    art_id = _safe_id(raw_id, fallback_id)
    try:
        check_record(record, source=source)
    except ArticleRejected as exc:
        return rejected(art_id, exc.stage, exc.reason, source=source)
    if not isinstance(text, str):
        return rejected(art_id, "ingest", f"{source}: no 'text' string field", source=source)
    if raw_id in (None, ""):
        art_id = content_id(text)
    fields = {k: (str(record[k]) if record.get(k) is not None else None)
              for k in ("title", "published", "url", "lang")}
    meta = {k: v for k, v in record.items() if k not in _ARTICLE_FIELDS}
    try:
        text = check_text(text, source=source)
        check_published(fields["published"], source=source)
    except ArticleRejected as exc:
        # Not the bad date: what a rejection keeps is shown and exported as it is.
        fields["published"] = None if "'published'" in exc.reason else fields["published"]
        return rejected(art_id, exc.stage, exc.reason, source=source, **fields)
    return Article(id=art_id, text=text, source=source, meta=meta, **fields)
