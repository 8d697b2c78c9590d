"""The watch commands' usage errors (exit 2) and the dashboard's last intake."""

from __future__ import annotations

from pathlib import Path

import pytest

from communique.cli import main
from communique.console import EXIT_USAGE
from communique.store import open_store
from communique.store.feeds import add_intake_error, finish_intake, start_intake
from communique.watch.commands import duration


@pytest.mark.parametrize("args,message", [
    ([], "nothing to watch"),
    (["--feeds", "missing.txt"], "feeds file not found"),
    (["--dir", "no-such-folder"], "not a folder"),
    (["--dir", ".", "--every", "10s"], "too often"),
    (["--dir", ".", "--per-host", "0"], "--per-host must be at least 1"),
])
def test_watch_usage_errors_exit_2(args: list[str], message: str, tmp_path: Path, capsys,
                                   monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["watch", "--db", str(tmp_path / "w.db"), *args]) == EXIT_USAGE
    assert message in capsys.readouterr().err
    assert not (tmp_path / "w.db").exists()  # nothing created for a command that cannot run


def test_durations() -> None:
    assert [duration(t) for t in ("90s", "15m", "1h", "2d", "120")] == [90, 900, 3600, 172800, 120]
    with pytest.raises(Exception, match="not a duration"):
        duration("soon")


def test_feeds_on_a_missing_store_is_bad_usage(tmp_path: Path, capsys) -> None:
    assert main(["feeds", "--db", str(tmp_path / "none.db")]) == EXIT_USAGE
    assert "no store at" in capsys.readouterr().err


def test_feeds_lists_feeds_not_polled_yet(tmp_path: Path, capsys) -> None:
    db = tmp_path / "w.db"
    open_store(db).close()
    feeds = tmp_path / "feeds.txt"
    feeds.write_text("https://a.example/rss\n")
    assert main(["feeds", "--db", str(db), "--feeds", str(feeds)]) == 0
    out = capsys.readouterr().out
    assert "https://a.example/rss" in out and "never polled" in out


def test_the_overview_shows_the_last_intake_and_its_errors(tmp_path: Path) -> None:
    import warnings

    from communique.web import create_app

    with warnings.catch_warnings():  # Starlette 1.x suggests httpx2; httpx (pinned) still works
        warnings.simplefilter("ignore")
        from starlette.testclient import TestClient

    db = tmp_path / "w.db"
    with open_store(db) as store:
        run = store.start_run(coder_version="v", config={"command": "watch"})
        start_intake(store, run_id=run.id, started=run.started)
        add_intake_error(store, run_id=run.id, url="https://a.example/p", reason="HTTP 500 "
                         "(Internal Server Error) after 3 attempts")
        finish_intake(store, run_id=run.id, finished=run.started, counts={"stored": 4})
    with TestClient(create_app(db), base_url="http://localhost") as client:
        intake = client.get("/index.json").json()["intake"]
        assert intake["counts"]["stored"] == 4 and intake["num_errors"] == 1
        assert intake["errors"] == [{"url": "https://a.example/p",
                                     "reason": "HTTP 500 (Internal Server Error) after 3 attempts"}]
        html = client.get("/").text
        assert "Last intake" in html and "https://a.example/p" in html
        assert "Dernière collecte" in client.get("/?lang=fr").text
