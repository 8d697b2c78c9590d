"""Checks that turn unreadable input into a clear rejection instead of a crash."""

from __future__ import annotations

import unicodedata

from communique.errors import ArticleRejected

# A long feature article is ~50,000 characters; far beyond that is a dump, not a report.
MAX_CHARS = 200_000
# Share of control characters (other than whitespace) above which bytes are not text.
MAX_CONTROL_SHARE = 0.01


def decode_bytes(data: bytes, *, source: str) -> str:
    """Decode an input file's bytes as UTF-8 (with or without BOM), or reject it."""
    if not data.strip():
        raise ArticleRejected("ingest", f"{source}: empty input")
    if b"\x00" in data[:8192]:
        raise ArticleRejected("ingest", f"{source}: binary content (NUL bytes), not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ArticleRejected(
            "ingest", f"{source}: not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset "
                      f"{exc.start}); convert it to UTF-8 first") from exc


def check_text(text: str, *, source: str, max_chars: int = MAX_CHARS) -> str:
    """Reject empty, binary-looking or oversized text; return it normalised to NFC."""
    if not text or not text.strip():
        raise ArticleRejected("ingest", f"{source}: empty text")
    if len(text) > max_chars:
        raise ArticleRejected("ingest", f"{source}: text too long: {len(text):,} characters "
                                        f"(limit {max_chars:,})")
    sample = text[:20_000]
    controls = sum(1 for ch in sample if unicodedata.category(ch) in ("Cc", "Cs", "Co")
                   and ch not in "\n\r\t\f")
    if "\x00" in sample or controls / len(sample) > MAX_CONTROL_SHARE:
        raise ArticleRejected("ingest", f"{source}: binary content ({controls} control "
                                        f"characters in the first {len(sample):,}), not text")
    if "\ufffd" in sample and sample.count("\ufffd") / len(sample) > MAX_CONTROL_SHARE:
        raise ArticleRejected("ingest", f"{source}: mis-encoded text (replacement characters)")
    return unicodedata.normalize("NFC", text)
