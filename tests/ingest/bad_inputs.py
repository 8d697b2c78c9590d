"""A battery of hostile inputs: every one must become a record (coded or rejected with a
reason), never a traceback, and the good articles around them must still be coded.

``write_battery(folder)`` fills a folder and returns what each input must give: the article
id, and a piece of its rejection reason (None: coded). Used by tests/ingest/test_bad_inputs.py
and by the corpus tests of the commands; run it by hand with ``python tests/ingest/bad_inputs.py
FOLDER`` and give FOLDER to ``communique code``, ``ingest`` or ``run``.
"""

from __future__ import annotations

import gzip
import json
import os
import socket
import sys
import zipfile
from pathlib import Path

GOOD_FR = ("Le ministre algérien des Affaires étrangères s'est rendu lundi à Tunis, où il a "
           "rencontré son homologue tunisien.")
GOOD_EN = "The Moroccan foreign minister visited Dakar on Monday and met the Senegalese president."


def _line(**record: object) -> str:
    return json.dumps(record, ensure_ascii=True) + "\n"


def write_battery(folder: Path) -> dict[str, str | None]:
    """Write the inputs; return {article id: expected piece of the rejection reason or None}."""
    folder.mkdir(parents=True, exist_ok=True)
    expect: dict[str, str | None] = {}

    def text(name: str, data: bytes, reason: str | None, article_id: str | None = None) -> None:
        (folder / name).write_bytes(data)
        expect[article_id or Path(name).stem] = reason

    def jsonl(name: str, lines: list[tuple[str, str | None, str]]) -> None:
        (folder / name).write_text("".join(raw for _, _, raw in lines), encoding="utf-8")
        expect.update({article_id: reason for article_id, reason, _ in lines})

    # Good ones, before and after everything else.
    text("a_good.txt", f"Visite à Tunis\n{GOOD_FR}".encode(), None)
    text("z_good.txt", f"Visit to Dakar\n{GOOD_EN}".encode(), None)
    # Unicode that is not text: lone surrogates (JSON escapes), NUL characters.
    jsonl("surrogates.jsonl", [
        ("sur-text", "surrogate", '{"id": "sur-text", "text": "Le ministre \\ud800 est venu."}\n'),
        ("sur-title", "surrogate", '{"id": "sur-title", "title": "\\udfff", "text": "Texte."}\n'),
        ("sur-meta", "surrogate", '{"id": "sur-meta", "text": "Texte.", "author": "\\ud83d"}\n'),
        ("sur-\\ud800", "surrogate", '{"id": "sur-\\ud800", "text": "Texte."}\n'),
        ("nul-text", "NUL", _line(id="nul-text", text="Le ministre\u0000 est venu.")),
        ("nul-title", "NUL", _line(id="nul-title", title="a\u0000b", text="Texte.")),
        ("nul-\\x00", "NUL", _line(id="nul-\u0000", text="Texte.")),
    ])
    # JSON shapes.
    deep = "[" * 100_000 + "]" * 100_000
    jsonl("shapes.jsonl", [
        ("shapes:1", "nested", '{"id": "deep", "text": ' + deep + "}\n"),
        ("deep-meta", "nested", '{"id": "deep-meta", "text": "Texte.", "x": ' + "[" * 40 + "]" * 40 + "}\n"),
        ("shapes:3", "invalid JSON at column", '{"id": "x", "text": "unterminated\n'),
        ("shapes:4", "JSON object", "[1, 2, 3]\n"),
        ("no-text", "'text'", _line(id="no-text", title="no body")),
        ("text-number", "'text'", _line(id="text-number", text=5)),
        ("shapes:7", "'text'", _line(id={"a": 1}, text=None)),
        ("nan", None, '{"id": "nan", "text": "' + GOOD_FR.replace("lundi", "mardi") + '", "score": NaN}\n'),
        ("x" * 2000, "surrogate", '{"id": "' + "x" * 2000 + '", "text": "\\udc00"}\n'),
    ])
    # Ids: the same id with two texts (the second is rejected), the same article twice.
    jsonl("ids.jsonl", [
        ("twice", None, _line(id="twice", text=GOOD_FR.replace("Tunis", "Rabat"))),
        (f"twice@{folder / 'ids.jsonl'}:2", "already used", _line(id="twice", text=GOOD_EN.replace("Dakar", "Accra"))),
        ("same", None, _line(id="same", text=GOOD_EN.replace("Monday", "Friday"))),
    ])
    with (folder / "ids.jsonl").open("a", encoding="utf-8") as fh:  # the same article again
        fh.write(_line(id="same", text=GOOD_EN.replace("Monday", "Friday")))
    # Dates.
    jsonl("dates.jsonl", [
        ("month-13", "'published'", _line(id="month-13", published="2025-13-45", text=GOOD_FR)),
        ("words", "'published'", _line(id="words", published="yesterday", text=GOOD_FR)),
        ("feb-30", "'published'", _line(id="feb-30", published="2025-02-30", text=GOOD_FR)),
        ("timestamp", None, _line(id="timestamp", published="2025-06-05T10:00:00Z",
                                 text=GOOD_EN.replace("Monday", "Tuesday"))),
    ])
    # Encodings and formats.
    text("utf16_bom.txt", ("Visite\n" + GOOD_FR.replace("lundi", "jeudi")).encode("utf-16"), None)
    text("utf16_nobom.txt", ("Visite\n" + GOOD_FR).encode("utf-16-le"), "UTF-16 without a byte-order mark")
    text("utf32_bom.txt", ("Visite\n" + GOOD_FR.replace("lundi", "samedi")).encode("utf-32"), None)
    (folder / "utf16.jsonl").write_bytes(_line(id="u16-line", text=GOOD_FR.replace("lundi", "dimanche")).encode("utf-16"))
    expect["u16-line"] = None
    text("latin1.txt", "Le président a visité Sétif.".encode("latin-1"), "not valid UTF-8")
    text("binary.txt", bytes(range(256)) * 4, "binary")
    text("empty.txt", b"", "empty")
    text("blank.txt", b"  \n\t\n", "empty")
    text("emoji.txt", "🎉🎉🎉 🚀🚀 👍".encode(), "not a single letter")
    text("huge.txt", ("Titre\n" + "Le ministre a parlé. " * 5_000).encode(), "too long")
    text("compressed.jsonl", gzip.compress(_line(id="in-gzip", text=GOOD_FR).encode() * 50), "gzip")
    buffer = folder / "archive.txt"
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("a.txt", GOOD_FR)
    expect["archive"] = "ZIP"
    text("german.txt", b"Besuch\nDer algerische Aussenminister ist am Montag nach Tunis gereist.", "language")
    text("empty_page.html", b"<html><head><title></title></head><body></body></html>", "no article text")
    # Special files in the folder.
    os.mkfifo(folder / "pipe.txt")
    expect["pipe"] = "named pipe"
    os.symlink(folder / "nowhere.txt", folder / "broken.txt")
    expect["broken"] = "broken symbolic link"
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(folder / "sock.txt"))
    server.close()
    expect["sock"] = "socket"
    (folder / "loop").mkdir()
    os.symlink(folder, folder / "loop" / "back")  # a link up the tree must not loop forever
    # A file name that is not UTF-8.
    (folder / os.fsdecode(b"caf\xe9.txt")).write_bytes(b"")
    expect["caf\\udce9"] = "empty"
    return expect


if __name__ == "__main__":
    for article_id, reason in write_battery(Path(sys.argv[1])).items():
        print(f"{article_id[:60]}\t{reason or 'coded'}")
