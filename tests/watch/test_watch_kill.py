"""A watch killed mid-poll (kill -9) or stopped (SIGTERM) loses nothing and duplicates nothing:
the next run takes up the rest. ``communique watch`` runs in a subprocess against a local site
whose second feed's pages are slow, so that the poll is caught half-way."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from watch_helpers import clean_env
from news_site import Route, Server, Site, page, rss
from watch_reports import TALKS_EN, VISIT_EN, VISITE_FR

DATE = "Tue, 04 Mar 2025 09:00:00 GMT"
SLOW = 3.0  # seconds per slow page
DEADLINE = 240  # seconds for anything to happen (model loading on a busy machine)


@pytest.fixture
def site() -> Iterator[Site]:
    with Server(Site()) as s:
        s.routes["/robots.txt"] = Route(b"User-agent: *\nAllow: /\n", content_type="text/plain")
        fast, slow = ["/a/visit.html", "/a/visite.html"], ["/b/talks.html", "/b/visit-fr.html"]
        s.routes["/fast.xml"] = Route(rss([(p, s.url(p), p, DATE) for p in fast]),
                                      content_type="application/rss+xml", etag='"fast"')
        s.routes["/slow.xml"] = Route(rss([(p, s.url(p), p, DATE) for p in slow]),
                                      content_type="application/rss+xml", etag='"slow"')
        s.routes[fast[0]] = Route(page(*VISIT_EN, lang="en", published="2025-03-04"))
        s.routes[fast[1]] = Route(page(*VISITE_FR, lang="fr", published="2025-03-04"))
        s.routes[slow[0]] = Route(page(*TALKS_EN, lang="en", published="2025-03-03"), delay=SLOW)
        s.routes[slow[1]] = Route(page(VISITE_FR[0] + " (suite)", [*VISITE_FR[1], "La visite "
                                       "s'achève jeudi."], lang="fr", published="2025-03-05"),
                                  delay=SLOW)
        yield s


def _start(db: Path, feeds: Path, *extra: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "communique.cli", "watch", "--db", str(db),
                             "--feeds", str(feeds), "--per-host", "1000", "--no-vectors", *extra],
                            env=clean_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _count(db: Path, sql: str) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as conn:
            return conn.execute(sql).fetchone()[0]
    except sqlite3.OperationalError:
        return 0  # not created yet


def _wait_mid_poll(proc: subprocess.Popen, db: Path, site: Site) -> None:
    """Until the fast feed's articles are stored and a slow page is being fetched."""
    deadline = time.monotonic() + DEADLINE
    while time.monotonic() < deadline:
        assert proc.poll() is None, proc.communicate()
        if (_count(db, "SELECT count(*) FROM articles") >= 2
                and any(p.startswith("/b/") for p, _ in site.log)):
            return
        time.sleep(0.1)
    proc.kill()
    pytest.fail("the poll never reached the slow feed")


def _check_complete(db: Path, site: Site) -> None:
    with sqlite3.connect(db) as conn:
        urls = [r[0] for r in conn.execute("SELECT url FROM articles")]
        assert sorted(urls) == sorted(site.url(p) for p in ("/a/visit.html", "/a/visite.html",
                                                            "/b/talks.html", "/b/visit-fr.html"))
        assert conn.execute("SELECT count(*), count(DISTINCT url) FROM feed_items "
                            "WHERE status = 'stored'").fetchone() == (4, 4)
        assert conn.execute("SELECT count(*) FROM articles WHERE status = 'coded'").fetchone() == (4,)
        feeds = dict(conn.execute("SELECT url, etag FROM feeds").fetchall())
        assert feeds == {site.url("/fast.xml"): '"fast"', site.url("/slow.xml"): '"slow"'}


def test_kill_9_mid_poll_then_restart_loses_and_duplicates_nothing(site: Site, tmp_path: Path) -> None:
    db, feeds = tmp_path / "w.db", tmp_path / "feeds.txt"
    feeds.write_text(f"# test feeds\n{site.url('/fast.xml')}\n{site.url('/slow.xml')}\n")
    proc = _start(db, feeds, "--once")
    _wait_mid_poll(proc, db, site)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert _count(db, "SELECT count(*) FROM articles") == 2
    # the slow feed's state was not saved: the next poll reads it in full
    assert _count(db, "SELECT count(*) FROM feeds WHERE etag IS NOT NULL") == 1
    mark = len(site.log)
    again = _start(db, feeds, "--once")
    out, err = again.communicate(timeout=DEADLINE)
    assert again.returncode == 0, err
    _check_complete(db, site)
    asked = [p for p, _ in site.log[mark:]]
    assert "/a/visit.html" not in asked  # the fast feed answered 304: its pages were not fetched
    assert _count(db, "SELECT count(*) FROM runs WHERE finished IS NULL") == 1  # the killed one


def test_sigterm_stops_cleanly_and_the_next_run_takes_up_the_rest(site: Site, tmp_path: Path) -> None:
    db, feeds = tmp_path / "w.db", tmp_path / "feeds.txt"
    feeds.write_text(f"{site.url('/fast.xml')}\n{site.url('/slow.xml')}\n")
    proc = _start(db, feeds, "--every", "1h")  # the loop, as under systemd
    _wait_mid_poll(proc, db, site)
    proc.send_signal(signal.SIGTERM)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    assert "SIGTERM: stopping" in err and "stopped before the end" in out
    with sqlite3.connect(db) as conn:  # the poll's bookkeeping is whole
        assert conn.execute("SELECT count(*) FROM runs WHERE finished IS NULL").fetchone() == (0,)
        assert conn.execute("SELECT count(*) FROM intakes WHERE finished IS NULL").fetchone() == (0,)
    again = _start(db, feeds, "--once")
    out, err = again.communicate(timeout=DEADLINE)
    assert again.returncode == 0, err
    _check_complete(db, site)
