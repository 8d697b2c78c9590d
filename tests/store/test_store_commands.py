"""The query and export commands, as a user runs them, on a small ingested store."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from communique.cli import main
from communique.export.tables import CSV_COLUMNS, TSV_COLUMNS
from communique.store import open_store
from store_backends import BACKENDS, drop_pg_database, pg_database

ROOT = Path(__file__).resolve().parents[2]
# Two reports of one accusation, worded differently, from two outlets.
REPORTS = [
    {"id": "wire-accuse", "url": "https://wire.example/sen-mli", "published": "2025-04-03",
     "lang": "en", "title": "Senegal accuses Mali of border incursion",
     "text": "Senegal accuses Mali of border incursion\n\nThe Senegalese government accused the "
             "Malian army on April 2, 2025 of crossing the border near Kidira and attacking a "
             "customs post."},
    {"id": "paper-accuse", "url": "https://www.daily.example/africa/dakar-protests",
     "published": "2025-04-04", "lang": "en", "title": "Dakar protests Malian incursion",
     "text": "Dakar protests Malian incursion\n\nOn April 2, 2025, the Senegalese government "
             "accused the Malian army of crossing the border near Kidira, where soldiers "
             "attacked a customs post, officials said."},
]


@pytest.fixture(scope="module", params=BACKENDS)
def db(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, coder
       ) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("commands")
    location = str(folder / "store.db") if request.param == "sqlite" else pg_database()
    reports = folder / "reports.jsonl"
    reports.write_text("".join(json.dumps(r) + "\n" for r in REPORTS), encoding="utf-8")
    from communique.store.ingest import ingest

    with open_store(location) as store:
        ingest([str(ROOT / "examples" / "articles.jsonl"), str(reports)], store=store,
               coder=coder, vectors=False)
    yield location
    if request.param == "postgresql":
        drop_pg_database(location)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    capsys.readouterr()
    assert main(list(argv)) == 0
    return capsys.readouterr().out


def jsonl(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def stored_events(db: str) -> int:
    """How many events the store holds (the coder evolves: counts are read, not pinned)."""
    with open_store(db) as store:
        return store.counts()["events"]


def test_events_filters(db: str, capsys) -> None:
    every = jsonl(run(capsys, "events", "--db", db, "--format", "jsonl"))
    assert len(every) == stored_events(db) and len({e["id"] for e in every}) == len(every)
    dyad = jsonl(run(capsys, "events", "--db", db, "--dyad", "SEN,MLI", "--format", "jsonl"))
    assert {e["article_id"] for e in dyad} == {"wire-accuse", "paper-accuse"}
    assert all(any(a["code"] == "SEN" for a in e["actor"]) and
               any(r["code"] == "MLI" for r in e["recipient"]) for e in dyad)
    assert len(jsonl(run(capsys, "events", "--db", db, "--country", "mli", "--format", "jsonl"))) >= 4
    assert {e["event"] for e in jsonl(run(capsys, "events", "--db", db, "--type", "consult",
                                          "--format", "jsonl"))} == {"CONSULT"}
    assert {e["mode"] for e in jsonl(run(capsys, "events", "--db", db, "--mode", "visit",
                                         "--format", "jsonl"))} == {"visit"}
    military = jsonl(run(capsys, "events", "--db", db, "--context", "military", "--format", "jsonl"))
    assert military and all("military" in e["context"] for e in military)
    mil = jsonl(run(capsys, "events", "--db", db, "--sector", "MIL", "--format", "jsonl"))
    assert mil and all(any(p["sector"] == "MIL" or "MIL" in p["other_sectors"]
                           for p in e["actor"] + e["recipient"]) for e in mil)
    person = jsonl(run(capsys, "events", "--db", db, "--person", "aminata diop", "--format", "jsonl"))
    assert person and all(any("Aminata Diop" in p["name"] for p in e["people"]) for e in person)
    window = jsonl(run(capsys, "events", "--db", db, "--since", "2025-04-01", "--until",
                       "2025-04-30", "--format", "jsonl"))
    assert window and all("2025-04-01" <= e["date"] <= "2025-04-30" for e in window)
    text = jsonl(run(capsys, "events", "--db", db, "--text", "Kidira douane", "--format", "jsonl"))
    assert text == []  # every word must occur
    text = jsonl(run(capsys, "events", "--db", db, "--text", "kidira customs", "--format", "jsonl"))
    assert {e["article_id"] for e in text} == {"wire-accuse", "paper-accuse"}
    assert len(jsonl(run(capsys, "events", "--db", db, "--limit", "3", "--format", "jsonl"))) == 3


def test_events_table_and_csv(db: str, capsys) -> None:
    table = run(capsys, "events", "--db", db, "--dyad", "SEN,MLI")
    assert "ACCUSE" in table and "SEN GOV" in table and "Kidira" in table
    rows = list(csv.DictReader(io.StringIO(run(capsys, "events", "--db", db, "--format", "csv"))))
    assert len(rows) == stored_events(db) and list(rows[0]) == list(CSV_COLUMNS)


def test_search_folds_accents(db: str, capsys) -> None:
    hits = jsonl(run(capsys, "search", "--db", db, "securite", "--format", "jsonl"))
    accented = jsonl(run(capsys, "search", "--db", db, "SÉCURITÉ", "--format", "jsonl"))
    assert hits and hits == accented
    assert all("écurit" in h["snippet"].lower() or "ecurit" in h["snippet"].lower() for h in hits)
    assert jsonl(run(capsys, "search", "--db", db, "zzzunknownword", "--format", "jsonl")) == []


def test_dyads_people_stories(db: str, capsys) -> None:
    dyads = jsonl(run(capsys, "dyads", "--db", db, "--format", "jsonl"))
    sen_mli = [d for d in dyads if (d["actor"], d["recipient"], d["month"], d["quad_code"])
               == ("SEN", "MLI", "2025-04", 3)]
    assert sen_mli[0] == {"month": "2025-04", "actor": "SEN", "recipient": "MLI", "quad_code": 3,
                        "events": 2, "stories": 1}
    people = jsonl(run(capsys, "people", "--db", db, "--format", "jsonl"))
    aminata = next(p for p in people if p["name"] == "Aminata Diop Ndiaye")
    assert aminata["countries"] == ["SEN"] and aminata["events"] == 1
    assert aminata["titles"] == ["Foreign Minister"]
    moroccans = jsonl(run(capsys, "people", "--db", db, "--of", "MAR", "--format", "jsonl"))
    assert "Youssef El Alami" in [p["name"] for p in moroccans]
    assert all("MAR" in p["countries"] for p in moroccans)
    # stories told at least twice: the two outlets' accusation is one (the attack they both
    # mention may be another, depending on how the coder reads its parties)
    stories = jsonl(run(capsys, "stories", "--db", db, "--format", "jsonl"))
    accusations = [s for s in stories if (s["event"], s["actor"], s["recipient"]) == ("ACCUSE", "SEN", "MLI")]
    assert len(accusations) == 1, stories
    assert accusations[0]["num_mentions"] == 2 and accusations[0]["num_sources"] == 2
    assert all(s["num_sources"] == 2 for s in stories), stories  # only the two reports tell anything twice
    everything = jsonl(run(capsys, "stories", "--db", db, "--min-mentions", "1", "--format", "jsonl"))
    with open_store(db) as store:
        assert len(everything) == store.counts()["stories"]


def test_export_formats(db: str, capsys, tmp_path: Path) -> None:
    with open_store(db) as store:
        stored = {e.id: e.to_dict() for e in store.events(store.event_ids())}
    out = tmp_path / "events.jsonl"
    run(capsys, "export", "--db", db, "--format", "jsonl", "-o", str(out))
    exported = jsonl(out.read_text(encoding="utf-8"))
    assert {e["id"]: e for e in exported} == stored

    out = tmp_path / "events.tsv"
    run(capsys, "export", "--db", db, "--format", "tsv", "--dyad", "SEN,MLI", "--type", "ACCUSE",
        "-o", str(out))
    lines = [line.split("\t") for line in out.read_text(encoding="utf-8").splitlines()]
    assert lines[0] == list(TSV_COLUMNS) and len(lines) == 3
    row = dict(zip(lines[0], lines[1]))
    assert row["SQLDATE"] == "20250402" and row["Actor1Code"] == "SENGOV"
    assert row["Actor2CountryCode"] == "MLI" and row["QuadClass"] == "3"
    assert row["NumMentions"] == "2" and row["NumSources"] == "2"

    out = tmp_path / "events.csv"
    run(capsys, "export", "--db", db, "--format", "csv", "-o", str(out))
    assert len(list(csv.DictReader(out.open(encoding="utf-8")))) == len(stored)

    out = tmp_path / "events.geojson"
    run(capsys, "export", "--db", db, "--format", "geojson", "-o", str(out))
    features = json.loads(out.read_text(encoding="utf-8"))["features"]
    assert features and all(f["id"] in stored and f["properties"]["num_mentions"] >= 1
                            for f in features)

    import pyarrow.parquet as pq

    out = tmp_path / "events.parquet"
    run(capsys, "export", "--db", db, "--format", "parquet", "-o", str(out))
    table = pq.read_table(out)
    assert table.num_rows == len(stored)
    assert {json.loads(r)["id"]: json.loads(r) for r in table.column("record").to_pylist()} == stored


def test_parquet_needs_a_file(db: str, capsys) -> None:
    assert main(["export", "--db", db, "--format", "parquet"]) == 2
    assert "needs an output file" in capsys.readouterr().err


def test_reading_a_missing_store_is_an_error(tmp_path: Path, capsys) -> None:
    missing = tmp_path / "nowhere.db"
    assert main(["events", "--db", str(missing)]) == 2
    assert "no store at" in capsys.readouterr().err
    assert not missing.exists()
