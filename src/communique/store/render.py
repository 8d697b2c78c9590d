"""Rows (dicts) to a terminal table, JSON lines or CSV: the three output formats of queries."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Sequence
from typing import Any, TextIO

ROW_FORMATS = ("table", "jsonl", "csv")
MAX_CELL = 60  # a table cell longer than this is cut: the full value is in jsonl and csv


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.2f}"
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value)
    return str(value)


def write_rows(rows: Iterable[dict[str, Any]], *, columns: Sequence[str], fmt: str,
               out: TextIO) -> int:
    """Write rows in one of ``ROW_FORMATS``; returns how many."""
    if fmt == "jsonl":
        n = 0
        for row in rows:
            out.write(json.dumps({c: row.get(c) for c in columns}, ensure_ascii=False) + "\n")
            n += 1
        return n
    if fmt == "csv":
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(columns)
        n = 0
        for row in rows:
            writer.writerow([";".join(map(str, v)) if isinstance(v, (list, tuple)) else
                             ("" if v is None else v) for v in (row.get(c) for c in columns)])
            n += 1
        return n
    table = [list(columns)]
    for row in rows:
        cells = [_cell(row.get(c)) for c in columns]
        table.append([c if len(c) <= MAX_CELL else c[:MAX_CELL - 1] + "…" for c in cells])
    widths = [max(len(r[i]) for r in table) for i in range(len(columns))]
    for n, cells in enumerate(table):
        out.write("  ".join(c.ljust(w) for c, w in zip(cells, widths)).rstrip() + "\n")
        if n == 0:
            out.write("  ".join("-" * w for w in widths) + "\n")
    return len(table) - 1
