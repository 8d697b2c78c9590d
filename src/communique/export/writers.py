"""Write coded articles: one JSON line per article (the spec), GeoJSON, a summary table."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any, TextIO

from communique.model import CodedArticle


def open_output(path: str | None) -> TextIO:
    """Standard output for None or "-", else the file (its folder made if needed)."""
    if path in (None, "-"):
        return sys.stdout
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    return open(path, "w", encoding="utf-8")


def jsonl_line(coded: CodedArticle) -> str:
    return json.dumps(coded.to_dict(), ensure_ascii=False)


def geojson(coded: Iterable[CodedArticle]) -> dict[str, Any]:
    """A FeatureCollection with one point per event that has coordinates."""
    features = []
    for art in coded:
        for ev in art.events:
            loc = ev.event_loc
            if loc is None or loc.lat is None or loc.lon is None:
                continue
            props = {k: v for k, v in ev.to_dict().items() if k not in ("event_loc", "event_text")}
            props["place"] = loc.resolved_place or loc.extracted_place
            props["evidence"] = " […] ".join(s.text for s in ev.event_text)
            props["actor"] = ", ".join(f"{a.code or '?'} {a.sector or ''}".strip() for a in ev.actor)
            props["recipient"] = ", ".join(f"{r.code or '?'} {r.sector or ''}".strip() for r in ev.recipient)
            props["people"] = "; ".join(p.name for p in ev.people)
            features.append({"type": "Feature", "id": ev.id,
                             "geometry": {"type": "Point", "coordinates": [loc.lon, loc.lat]},
                             "properties": props})
    return {"type": "FeatureCollection", "features": features}


def _party(entities: list[Any]) -> str:
    return "+".join(f"{e.code or '?'} {e.sector or '?'}" for e in entities) or "—"


def summary_table(coded: list[CodedArticle], out: TextIO) -> None:
    """One line per event (and per rejected article), aligned for a terminal."""
    rows = [("article", "type/mode", "actor → recipient", "place", "date", "conf")]
    for art in coded:
        if art.rejected:
            rows.append((art.article.id, "REJECTED", f"{art.rejected.stage}: {art.rejected.reason}"[:70],
                         "", "", ""))
            continue
        if not art.events:
            rows.append((art.article.id, "(no event)", "", "", "", ""))
        for ev in art.events:
            place = ev.event_loc.resolved_place or ev.event_loc.extracted_place if ev.event_loc else ""
            rows.append((art.article.id, ev.event + (f"/{ev.mode}" if ev.mode else ""),
                         f"{_party(ev.actor)} → {_party(ev.recipient)}", place or "",
                         (ev.date or "") + ("" if ev.date_basis == "text" else "*"), f"{ev.confidence:.2f}"))
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    for n, row in enumerate(rows):
        out.write("  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip() + "\n")
        if n == 0:
            out.write("  ".join("-" * w for w in widths) + "\n")
    events = sum(len(a.events) for a in coded)
    rejected = sum(1 for a in coded if a.rejected)
    out.write(f"{len(coded)} articles, {events} events, {rejected} rejected "
              f"(* date is the publication date: none in the text)\n")
