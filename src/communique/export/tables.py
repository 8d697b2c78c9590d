"""Export events as tables: PLOVER JSONL, CAMEO/GDELT-style TSV, CSV, GeoJSON, Parquet.

Each writer takes ``(Event, Provenance)`` pairs: the event record plus what an exporter needs
from around it (the article's URL and date, the story's mention and source counts). Columns are
documented in ``docs/store.md``.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, TextIO

from communique.export.writers import geojson
from communique.model import Article, CodedArticle, Entity, Event

FORMATS = ("jsonl", "tsv", "csv", "geojson", "parquet")
PARQUET_BATCH = 5000


@dataclass(slots=True)
class Provenance:
    """Facts about an event that live outside it: its article and its story."""

    url: str | None = None
    published: str | None = None
    title: str | None = None
    lang: str | None = None
    story_id: str | None = None
    num_mentions: int = 1
    num_sources: int = 1
    num_articles: int = 1


Item = tuple[Event, Provenance]

CSV_COLUMNS = (
    "id", "article_id", "story_id", "date", "date_basis", "event", "mode", "context", "quad_code",
    "intensity", "cameo", "actor_code", "actor_sector", "actor_name", "actor_text",
    "recipient_code", "recipient_sector", "recipient_name", "recipient_text", "place",
    "place_country", "lat", "lon", "geonameid", "people", "confidence", "evidence",
    "num_mentions", "num_sources", "num_articles", "url", "published", "explanation")
_FLOAT_COLUMNS = {"intensity", "lat", "lon", "confidence"}
_INT_COLUMNS = {"quad_code", "geonameid", "num_mentions", "num_sources", "num_articles"}

TSV_COLUMNS = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1Type1Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2Type1Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_Lat",
    "ActionGeo_Long", "ActionGeo_FeatureID", "DATEADDED", "SOURCEURL",
    "PloverEvent", "PloverMode", "PloverContext", "Confidence", "DateBasis", "StoryID", "ArticleID")
# Our place resolution (1 country … 5 below city) to GDELT's ActionGeo_Type
# (1 country, 4 world city, 5 world state/province).
_GEO_TYPE = {1: 1, 2: 5, 3: 5, 4: 4, 5: 4}


def _join(values: Iterable[str | None]) -> str:
    return ";".join(v or "" for v in values)


def flat_row(event: Event, prov: Provenance) -> dict[str, Any]:
    """One event as a flat row (CSV, Parquet); several parties are joined with ';'."""
    loc = event.event_loc
    return {
        "id": event.id, "article_id": event.article_id, "story_id": prov.story_id,
        "date": event.date, "date_basis": event.date_basis, "event": event.event,
        "mode": event.mode, "context": ";".join(event.context), "quad_code": event.quad_code,
        "intensity": event.intensity, "cameo": event.cameo,
        "actor_code": _join(e.code for e in event.actor),
        "actor_sector": _join(e.sector for e in event.actor),
        "actor_name": _join(e.name for e in event.actor),
        "actor_text": _join(e.entity_text for e in event.actor),
        "recipient_code": _join(e.code for e in event.recipient),
        "recipient_sector": _join(e.sector for e in event.recipient),
        "recipient_name": _join(e.name for e in event.recipient),
        "recipient_text": _join(e.entity_text for e in event.recipient),
        "place": (loc.resolved_place or loc.extracted_place) if loc else None,
        "place_country": loc.country_code if loc else None,
        "lat": loc.lat if loc else None, "lon": loc.lon if loc else None,
        "geonameid": loc.geonameid if loc else None,
        "people": "; ".join(p.name for p in event.people), "confidence": event.confidence,
        "evidence": " […] ".join(s.text for s in event.event_text),
        "num_mentions": prov.num_mentions, "num_sources": prov.num_sources,
        "num_articles": prov.num_articles, "url": prov.url, "published": prov.published,
        "explanation": event.explanation,
    }


def _sqldate(value: str | None) -> str:
    """YYYYMMDD; unknown month or day written 00 (a month-precise date: 20250600)."""
    if not value or len(value) < 4:
        return ""
    digits = value[:10].replace("-", "")
    return (digits + "0000")[:8]


def _fraction(value: str | None) -> str:
    if not value or len(value) < 10:
        return ""
    try:
        day = date.fromisoformat(value[:10])
    except ValueError:
        return ""
    return f"{day.year + day.timetuple().tm_yday / 365:.4f}"


def _actor(entities: list[Entity]) -> list[str]:
    # GDELT has one actor per side: the first entity stands for a compound party.
    if not entities:
        return ["", "", "", ""]
    e = entities[0]
    return [f"{e.code or ''}{e.sector or ''}", e.name or e.entity_text, e.code or "", e.sector or ""]


def gdelt_row(event: Event, prov: Provenance) -> list[str]:
    """One event as a CAMEO/GDELT-style TSV row (the columns of ``TSV_COLUMNS``)."""
    loc = event.event_loc
    sqldate = _sqldate(event.date)
    cameo = event.cameo or ""
    first_sentence = min((s.sentence for s in event.event_text if s.sentence is not None),
                         default=None)
    values: list[Any] = [
        event.id, sqldate, sqldate[:6], sqldate[:4], _fraction(event.date),
        *_actor(event.actor), *_actor(event.recipient),
        1 if first_sentence is not None and first_sentence <= 1 else 0,
        cameo, cameo[:3], cameo[:2], event.quad_code, event.intensity,
        prov.num_mentions, prov.num_sources, prov.num_articles, "",
        _GEO_TYPE.get(loc.resolution or 0, "") if loc else "",
        (loc.resolved_place or loc.extracted_place) if loc else "",
        loc.country_code if loc else "", loc.lat if loc else "", loc.lon if loc else "",
        loc.geonameid if loc else "", _sqldate(prov.published), prov.url or "",
        event.event, event.mode or "", ";".join(event.context), event.confidence,
        event.date_basis, prov.story_id or "", event.article_id,
    ]
    return ["" if v is None else str(v).replace("\t", " ").replace("\n", " ") for v in values]


# -- writers --------------------------------------------------------------------------------------
def write_jsonl(items: Iterable[Item], out: TextIO) -> int:
    """PLOVER JSONL: one event record per line (docs/event-record.md)."""
    n = 0
    for event, _ in items:
        out.write(json.dumps(event.to_dict(), ensure_ascii=False) + "\n")
        n += 1
    return n


def write_tsv(items: Iterable[Item], out: TextIO) -> int:
    out.write("\t".join(TSV_COLUMNS) + "\n")
    n = 0
    for event, prov in items:
        out.write("\t".join(gdelt_row(event, prov)) + "\n")
        n += 1
    return n


def write_csv(items: Iterable[Item], out: TextIO) -> int:
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    n = 0
    for event, prov in items:
        writer.writerow(flat_row(event, prov))
        n += 1
    return n


def write_geojson(items: Iterable[Item], out: TextIO) -> int:
    """A FeatureCollection (``communique.export.writers.geojson``) with story counts added."""
    pairs = list(items)
    holder = CodedArticle(article=Article(id="", text=""), events=[ev for ev, _ in pairs])
    collection = geojson([holder])
    provenance = {ev.id: prov for ev, prov in pairs}
    for feature in collection["features"]:
        prov = provenance[feature["id"]]
        feature["properties"].update(story_id=prov.story_id, num_mentions=prov.num_mentions,
                                     num_sources=prov.num_sources, url=prov.url,
                                     published=prov.published)
    json.dump(collection, out, ensure_ascii=False, indent=1)
    out.write("\n")
    return len(collection["features"])


def parquet_schema() -> Any:
    import pyarrow as pa

    fields = []
    for name in CSV_COLUMNS:
        kind = pa.float64() if name in _FLOAT_COLUMNS else pa.int64() if name in _INT_COLUMNS \
            else pa.string()
        fields.append(pa.field(name, kind))
    fields.append(pa.field("record", pa.string()))  # the whole event record, lossless
    return pa.schema(fields)


def write_parquet(items: Iterable[Item], path: Path) -> int:
    """The CSV columns with their types, plus ``record``: the event's JSON."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = parquet_schema()
    n = 0
    path.parent.mkdir(parents=True, exist_ok=True)
    with pq.ParquetWriter(str(path), schema) as writer:
        for batch in _batches(items, PARQUET_BATCH):
            rows = []
            for event, prov in batch:
                row = flat_row(event, prov)
                row["record"] = json.dumps(event.to_dict(), ensure_ascii=False)
                rows.append(row)
            writer.write_table(pa.Table.from_pylist(rows, schema=schema))
            n += len(rows)
    return n


def _batches(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    batch: list[Item] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch
