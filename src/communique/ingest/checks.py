"""Checks that turn unreadable input into a clear rejection instead of a crash."""

from __future__ import annotations

import codecs
import re
import unicodedata
from datetime import date, datetime
from typing import Any

from communique.errors import ArticleRejected

# Coding time and memory grow with the text, time faster than linearly (spaCy's parse, then
# the event stage's pairs of mentions). Measured by bench/article_size.py (French wikinews
# reports joined end to end, one process, models loaded, a shared 2-core machine):
#     chars    10,000  25,000  50,000  100,000  150,000  200,000
#     seconds     0.6     1.5     5.2     13.6     18.9     35.5
#     +MB          30      90     183      378      542      719   (peak 1.0 GB at 100,000)
# A long feature article is ~50,000 characters. 100,000 keeps one article under ~15 s and
# ~0.4 GB on top of the models (~1 GB per worker in all), what a user running a batch on a
# laptop can expect; twice that doubles the memory and nearly triples the time.
MAX_CHARS = 100_000
# Share of control characters (other than whitespace) above which bytes are not text.
MAX_CONTROL_SHARE = 0.01
# Byte-order marks of the encodings read besides UTF-8, longest first (UTF-32-LE starts like
# UTF-16-LE).
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
# Compressed and archive formats named by their first bytes, so that the user is told what the
# file is rather than "binary content".
_MAGIC = ((b"\x1f\x8b", "gzip-compressed"), (b"PK\x03\x04", "a ZIP archive"),
          (b"BZh", "bzip2-compressed"), (b"\xfd7zXZ\x00", "xz-compressed"),
          (b"(\xb5/\xfd", "zstd-compressed"), (b"%PDF", "a PDF document"))
# A JSON record nested deeper than this is not an article (the fields are flat; metadata may
# hold a few levels). Python's own limit (~1,000) would raise RecursionError while storing it.
MAX_JSON_DEPTH = 20
_SURROGATE = re.compile("[\ud800-\udfff]")
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}(?![\d])")


def compressed_kind(data: bytes) -> str | None:
    """What a compressed or archive file is, from its first bytes; None for anything else."""
    return next((kind for magic, kind in _MAGIC if data.startswith(magic)), None)


def bom_encoding(data: bytes) -> str | None:
    """The UTF-16 or UTF-32 encoding a byte-order mark announces, if any."""
    return next((enc for bom, enc in _BOMS if data.startswith(bom)), None)


def decode_bytes(data: bytes, *, source: str) -> str:
    """Decode an input file's bytes: UTF-8 (with or without BOM), or UTF-16/32 with a BOM."""
    if not data.strip():
        raise ArticleRejected("ingest", f"{source}: empty input")
    kind = compressed_kind(data)
    if kind:
        raise ArticleRejected("ingest", f"{source}: {kind} file, not text; decompress or "
                                        "extract it first")
    encoding = bom_encoding(data)
    if encoding:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError as exc:
            raise ArticleRejected("ingest", f"{source}: not valid {encoding.upper()} (byte "
                                            f"offset {exc.start}) despite its byte-order mark") from exc
    head = data[:8192]
    if b"\x00" in head:
        if _looks_like_utf16(head):
            raise ArticleRejected("ingest", f"{source}: text in UTF-16 without a byte-order mark; "
                                            "convert it to UTF-8 first")
        raise ArticleRejected("ingest", f"{source}: binary content (NUL bytes), not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ArticleRejected(
            "ingest", f"{source}: not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset "
                      f"{exc.start}); convert it to UTF-8 first") from exc


def _looks_like_utf16(head: bytes) -> bool:
    """ASCII-range text in UTF-16 has a NUL in every other byte, all on one side."""
    even, odd = head[0::2], head[1::2]
    return max(even.count(0) / max(len(even), 1), odd.count(0) / max(len(odd), 1)) > 0.7


def check_text(text: str, *, source: str, max_chars: int = MAX_CHARS) -> str:
    """Reject empty, binary-looking or oversized text; return it normalised to NFC."""
    if not text or not text.strip():
        raise ArticleRejected("ingest", f"{source}: empty text")
    if len(text) > max_chars:
        raise ArticleRejected("ingest", f"{source}: text too long: {len(text):,} characters "
                                        f"(limit {max_chars:,}); split it into articles")
    check_unicode(text, source=source, field="text")
    sample = text[:20_000]
    controls = sum(1 for ch in sample if unicodedata.category(ch) in ("Cc", "Co")
                   and ch not in "\n\r\t\f")
    if "\x00" in text or controls / len(sample) > MAX_CONTROL_SHARE:
        raise ArticleRejected("ingest", f"{source}: binary content ({controls} control "
                                        f"characters in the first {len(sample):,}), not text")
    if "\ufffd" in sample and sample.count("\ufffd") / len(sample) > MAX_CONTROL_SHARE:
        raise ArticleRejected("ingest", f"{source}: mis-encoded text (replacement characters)")
    return unicodedata.normalize("NFC", text)


def check_unicode(value: str, *, source: str, field: str) -> None:
    """Reject a string holding a lone surrogate (a JSON ``\\ud800`` escape): it is not Unicode
    text, cannot be written as UTF-8 and would fail later in any stage that encodes it. A NUL
    character is refused too: PostgreSQL cannot store it in text."""
    if "\x00" in value:
        raise ArticleRejected("ingest", f"{source}: the {field} holds a NUL character "
                                        f"(at character {value.index(chr(0))}), not text")
    found = _SURROGATE.search(value)
    if found:
        raise ArticleRejected("ingest", f"{source}: the {field} holds a lone surrogate "
                                        f"(\\u{ord(found.group()):04x} at character "
                                        f"{found.start()}), not valid Unicode")


def check_record(record: Any, *, source: str) -> None:
    """Reject a JSON record nested too deep or holding a lone surrogate in any key or value.

    Iterative, so that no record can exhaust Python's recursion limit here."""
    stack: list[tuple[Any, int, str]] = [(record, 1, "record")]
    while stack:
        value, depth, where = stack.pop()
        if depth > MAX_JSON_DEPTH:
            raise ArticleRejected("ingest", f"{source}: JSON nested more than {MAX_JSON_DEPTH} "
                                            "levels deep; an article's fields are flat")
        if isinstance(value, str):
            check_unicode(value, source=source, field=where)
        elif isinstance(value, dict):
            for key, item in value.items():
                check_unicode(key, source=source, field="field name")
                stack.append((item, depth + 1, f"'{key}' field" if depth == 1 else where))
        elif isinstance(value, list):
            stack.extend((item, depth + 1, where) for item in value)


def check_published(value: str | None, *, source: str) -> str | None:
    """Accept an ISO 8601 date or timestamp (``2025-06-05``, ``2025-06-05T10:00:00Z``); reject
    anything else.

    Rejected rather than dropped: the publication date anchors every relative date of the text
    ("hier", "on Monday") and is the event date when the text gives none, so coding without it
    would silently change the events' dates; a record has no place for a warning.
    """
    if value is None or not value.strip():
        return None
    value = value.strip()
    try:
        if not _ISO_DAY.match(value):  # the extended form only: the store and exports slice it
            raise ValueError(value)
        date.fromisoformat(value[:10])
        if len(value) > 10:
            datetime.fromisoformat(value)
    except ValueError:
        raise ArticleRejected("ingest", f"{source}: 'published' is not a date: {value[:40]!r} "
                                        "(expected YYYY-MM-DD or an ISO 8601 timestamp)") from None
    return value
