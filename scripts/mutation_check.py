"""How many event tests can fail: run them with the event stage broken and count the survivors.

    python scripts/mutation_check.py                  # tests/events and tests/mentions
    python scripts/mutation_check.py tests/events -v  # other paths; -v lists the survivors

Three runs of pytest, each in its own process:

- ``none``: the tests as they are, to know which ones reach the event stage (``Coder.events``);
- ``empty``: ``Coder.events`` returns no event for any article;
- ``raise``: ``Coder.events`` raises ``ValueError`` on every article, an internal error that the
  coder turns into a rejection unless ``CoderSettings.raise_errors`` is on.

Only tests that reach the event stage and pass unmutated are counted: a test that still passes when
the stage codes nothing, or when it fails on every article, checks nothing about coding.

The same file is the pytest plugin of those runs (``-p mutation_check``); the mutation is chosen by
the environment variable ``COMMUNIQUE_MUTATION``.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MUTATIONS = ("none", "empty", "raise")
DEFAULT_PATHS = ("tests/events", "tests/mentions")


# -- the plugin, inside each pytest run -----------------------------------------------------------
class _Recorder:
    """Which test reaches the event stage, and each test's outcome."""

    def __init__(self, mutation: str, out: Path) -> None:
        self.mutation = mutation
        self.out = out
        self.current: str | None = None
        self.reached: set[str] = set()
        self.outcomes: dict[str, str] = {}

    def patch(self) -> None:
        from communique.coder import Coder

        original = Coder.events
        recorder = self

        def events(coder, article, parse):
            if recorder.current:
                recorder.reached.add(recorder.current)
            if recorder.mutation == "empty":
                return []
            if recorder.mutation == "raise":
                raise ValueError("mutation_check: the event stage fails on every article")
            return original(coder, article, parse)

        Coder.events = events  # type: ignore[method-assign]

    @pytest.hookimpl(wrapper=True)
    def pytest_runtest_protocol(self, item, nextitem):
        self.current = item.nodeid
        try:
            return (yield)
        finally:
            self.current = None

    def pytest_runtest_logreport(self, report) -> None:
        if report.when == "call" or (report.when == "setup" and report.outcome != "passed"):
            self.outcomes[report.nodeid] = report.outcome

    def pytest_sessionfinish(self, session) -> None:
        self.out.write_text(json.dumps({"reached": sorted(self.reached), "outcomes": self.outcomes}),
                            encoding="utf-8")


def pytest_configure(config: pytest.Config) -> None:
    mutation = os.environ.get("COMMUNIQUE_MUTATION")
    out = os.environ.get("COMMUNIQUE_MUTATION_OUT")
    if mutation not in MUTATIONS or not out:
        return
    recorder = _Recorder(mutation, Path(out))
    recorder.patch()
    config.pluginmanager.register(recorder, "mutation_check_recorder")


# -- the script ---------------------------------------------------------------------------------------
def _run(mutation: str, paths: list[str], workdir: Path) -> dict:
    out = workdir / f"{mutation}.json"
    env = dict(os.environ, COMMUNIQUE_MUTATION=mutation, COMMUNIQUE_MUTATION_OUT=str(out))
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT / "scripts"), env.get("PYTHONPATH")]))
    cmd = [sys.executable, "-m", "pytest", "-q", "-p", "mutation_check", "-p", "no:cacheprovider",
           "--tb=no", "-o", "addopts=", *paths]
    done = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True)
    if not out.exists():
        sys.exit(f"pytest ({mutation}) wrote no results:\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}")
    return json.loads(out.read_text(encoding="utf-8"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", default=list(DEFAULT_PATHS))
    parser.add_argument("-v", "--verbose", action="store_true", help="list the tests that survive")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        runs = {m: _run(m, args.paths, Path(tmp)) for m in MUTATIONS}
    base = runs["none"]
    coded = sorted(t for t in base["reached"] if base["outcomes"].get(t) == "passed")
    failing = sorted(t for t in base["reached"] if base["outcomes"].get(t) != "passed")
    print(f"tests run: {len(base['outcomes'])}; reaching the event stage and passing: {len(coded)}"
          + (f" (and {len(failing)} failing unmutated, left out)" if failing else ""))
    for mutation, meaning in (("empty", "returns no event"), ("raise", "raises on every article")):
        survivors = [t for t in coded if runs[mutation]["outcomes"].get(t) == "passed"]
        share = 100 * len(survivors) / len(coded) if coded else 0.0
        print(f"still passing when the event stage {meaning}: {len(survivors)} ({share:.0f}%)")
        if args.verbose:
            for t in survivors:
                print(f"    {t}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
