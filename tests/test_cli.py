"""The command line as a user runs it: a mixed batch with bad inputs, output files, evaluation."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

from communique.cli import main

ROOT = Path(__file__).resolve().parent.parent


def test_batch_with_bad_inputs_writes_one_line_per_input(tmp_path: Path, capsys) -> None:
    (tmp_path / "a_good.txt").write_text(
        "Visite à Tunis\nLe ministre algérien des Affaires étrangères s'est rendu lundi à Tunis.", encoding="utf-8")
    (tmp_path / "b_empty.txt").write_bytes(b"")
    (tmp_path / "c_binary.txt").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "d_german.txt").write_text(
        "Besuch\nDer algerische Außenminister ist am Montag nach Tunis gereist und traf dort seinen Amtskollegen.",
        encoding="utf-8")
    (tmp_path / "e_batch.jsonl").write_text(
        '{"id": "j1", "text": "The Moroccan army held a joint exercise with Mauritanian forces on Tuesday."}\n'
        '{"id": "j2", "text": \n', encoding="utf-8")
    (tmp_path / "f_huge.txt").write_text("Titre\n" + "Une phrase de remplissage. " * 200_000, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["code", str(tmp_path), "-o", str(out), "--summary"]) == 1  # some rejected
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    by_id = {r["id"]: r for r in rows}
    assert set(by_id) == {"a_good", "b_empty", "c_binary", "d_german", "j1", "e_batch:2", "f_huge"}
    assert by_id["a_good"]["rejected"] is None and by_id["a_good"]["events"]
    assert by_id["b_empty"]["rejected"]["stage"] == "ingest"
    assert "binary" in by_id["c_binary"]["rejected"]["reason"]
    assert by_id["d_german"]["rejected"]["stage"] == "language"
    assert "invalid JSON" in by_id["e_batch:2"]["rejected"]["reason"]
    assert "too long" in by_id["f_huge"]["rejected"]["reason"]
    assert by_id["j1"]["lang"] == "en"
    table = capsys.readouterr().out
    assert "REJECTED" in table and "7 articles" in table


def test_geojson_output(tmp_path: Path) -> None:
    src = tmp_path / "visit.txt"
    src.write_text("Visite\nLe ministre algérien des Affaires étrangères s'est rendu lundi à Tunis.", encoding="utf-8")
    out = tmp_path / "events.geojson"
    assert main(["code", str(src), "--format", "geojson", "-o", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["type"] == "FeatureCollection" and data["features"]
    feature = data["features"][0]
    lon, lat = feature["geometry"]["coordinates"]
    assert 9 < lon < 11 and 36 < lat < 37.5  # Tunis
    assert feature["properties"]["event"] == "CONSULT"


def test_stdin_and_missing_input() -> None:
    text = "Visite\nLe ministre algérien des Affaires étrangères s'est rendu lundi à Tunis."
    run = subprocess.run([sys.executable, "-m", "communique.cli", "code", "-"], input=text.encode(),
                         capture_output=True, check=True)
    row = json.loads(run.stdout.decode().splitlines()[0])
    assert row["events"][0]["event"] == "CONSULT"
    missing = subprocess.run([sys.executable, "-m", "communique.cli", "code", "/no/such/file.txt"],
                             capture_output=True)
    assert missing.returncode == 2 and b"input not found" in missing.stderr


def test_examples_are_coded(tmp_path: Path) -> None:
    out = tmp_path / "examples.jsonl"
    assert main(["code", str(ROOT / "examples" / "articles.jsonl"), "-o", str(out)]) == 0
    rows = {r["id"]: r for r in map(json.loads, out.read_text(encoding="utf-8").splitlines())}
    assert len(rows) == 12 and all(r["rejected"] is None for r in rows.values())
    assert rows["ex-fr-07-football"]["events"] == []  # the article with no state event
    visit = rows["ex-fr-01-visite"]["events"][0]
    assert visit["event"] == "CONSULT" and visit["actor"][0]["code"] == "DZA"
    assert visit["event_loc"]["country_code"] == "TUN" and visit["date"] == "2025-06-03"


def test_evaluate_prints_scores(shared, tmp_path: Path, capsys) -> None:
    dev = shared / "eval" / "dev"
    pred = tmp_path / "pred.jsonl"
    assert main(["evaluate", "--gold", str(dev / "plover-gsr-en.gold.jsonl"),
                 "--articles", str(dev / "plover-gsr-en.articles.jsonl"), "--predictions", str(pred)]) == 0
    out = capsys.readouterr().out
    assert "event_f1" in out and "language en" in out and "ASSAULT" in out
    assert len(pred.read_text(encoding="utf-8").splitlines()) == 161


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_exit_codes_and_the_rejections_named(tmp_path: Path, capsys) -> None:
    good = tmp_path / "good.txt"
    good.write_text("Visite\nLe ministre algérien des Affaires étrangères s'est rendu lundi à Tunis.", encoding="utf-8")
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "n7", "text": "Texte.", "published": "2025-13-45"}\n', encoding="utf-8")
    assert main(["code", str(good), "-o", str(tmp_path / "out.jsonl")]) == 0
    assert main(["code", str(good), str(bad), "-o", str(tmp_path / "out.jsonl")]) == 1
    err = capsys.readouterr().err
    assert "1 article rejected" in err and "n7  ingest:" in err and "'published'" in err
    # bad usage: a missing input (before any model loads), an option out of range, no store
    assert main(["code", str(tmp_path / "missing.txt")]) == 2
    assert main(["run", str(good), "--db", str(tmp_path / "r.db"), "--workers", "0"]) == 2
    assert main(["events", "--db", str(tmp_path / "none.db")]) == 2
    # the store fails: 3
    broken = tmp_path / "broken.db"
    broken.write_text("not a database, just text " * 100, encoding="utf-8")
    assert main(["events", "--db", str(broken)]) == 3
    assert "communique: error:" in capsys.readouterr().err


def test_ingest_exits_1_and_names_what_it_rejected(tmp_path: Path, capsys) -> None:
    src = tmp_path / "batch.jsonl"
    src.write_text('{"id": "ok", "lang": "fr", "text": "Le ministre algérien s\'est rendu lundi à Tunis."}\n'
                   '{"id": "ok", "lang": "fr", "text": "Un autre texte sous le même identifiant."}\n',
                   encoding="utf-8")
    db = str(tmp_path / "s.db")
    assert main(["ingest", str(src), "--db", db, "--no-link"]) == 1
    captured = capsys.readouterr()
    assert f"ok@{src}:2  ingest:" in captured.err and "already used" in captured.err
    assert "2 read: 2 stored" in captured.out
    assert main(["ingest", str(src), "--db", db, "--no-link"]) == 0  # nothing new rejected


def test_a_status_line_while_the_models_load_on_a_terminal(tmp_path: Path, monkeypatch) -> None:
    src = tmp_path / "a.txt"
    src.write_text("Visite\nLe ministre algérien s'est rendu lundi à Tunis.", encoding="utf-8")
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert main(["code", str(src), "-o", str(tmp_path / "out.jsonl")]) == 0
    shown = terminal.getvalue()
    assert "communique: loading the language models" in shown
    assert shown.endswith("\r\033[K")  # cleared once the first article is coded
    piped = io.StringIO()  # not a terminal: nothing
    monkeypatch.setattr(sys, "stderr", piped)
    assert main(["code", str(src), "-o", str(tmp_path / "out.jsonl")]) == 0
    assert piped.getvalue() == ""


def test_why_not_says_which_words_were_not_coded_and_why(tmp_path: Path, capsys) -> None:
    src = tmp_path / "match.txt"
    src.write_text("Éliminatoires : le Niger et le Bénin se quittent dos à dos\n"
                   "Le match entre le Niger et le Bénin s'est achevé sur un score nul au stade de Niamey. Les Béninois "
                   "ont lancé une attaque contre la défense nigérienne à la 80e minute.", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["code", str(src), "-o", str(out)]) == 0
    assert "not coded" not in capsys.readouterr().err  # only when asked
    assert main(["code", str(src), "-o", str(out), "--why-not"]) == 0
    err = capsys.readouterr().err
    assert "match: " in err and "not coded" in err, err
    assert any("'attaque'@" in line and "sports report" in line for line in err.splitlines()), err
    assert json.loads(out.read_text(encoding="utf-8"))["events"] == []
