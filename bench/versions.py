"""End to end speed of this checkout against an earlier commit, in one run.

    python bench/versions.py [CORPUS.jsonl] [--base REV] [--limit N] [--repeats R]

"Not slower than before" can only be measured on the same machine at the same time: this
script exports ``--base`` (default: the last commit before the learned coder, issue 13) with
``git archive`` into a temporary folder, then codes the same articles with each version in
turn, each in a fresh child process whose ``communique`` package is that version's ``src``
(default ``CoderSettings`` of each: language, spaCy, mentions, events, places, dates). The
order alternates from one repeat to the next; each child loads its models and warms up on the
first articles outside the timing. Printed: articles/s of each version in each repeat (wall
clock and CPU time of the child), the ratio this checkout / base within each repeat, and the
median ratio. Figures only; nothing is asserted.

Both versions run under this interpreter: a base whose dependencies differ from this
checkout's cannot be measured this way (the child then fails and says so).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DEFAULT = SHARED / "corpora" / "wikinews-fr" / "articles.jsonl"
# The last commit before the learned trigger, party and place models (issue 13): the rules-only
# coder whose speed that issue must not lose.
BEFORE_LEARNED_CODER = "a82be85"
WARM_UP = 8

# Run in the child, with the version's src first on sys.path.
_CHILD = r"""
import json, sys, time
src, corpus, limit, warm = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
sys.path.insert(0, src)
import communique
from pathlib import Path
assert Path(communique.__file__).resolve().is_relative_to(Path(src).resolve()), communique.__file__
from communique.coder import Coder, CoderSettings
from communique.model import Article
from communique.resolve.gazetteer import gazetteer
rows = []
with open(corpus, encoding="utf-8") as fh:
    for line in fh:
        if line.strip():
            rows.append(json.loads(line))
        if limit and len(rows) >= limit:
            break
def articles(rs):
    return [Article(id=str(r["id"]), text=r["text"], title=r.get("title"), published=r.get("published"),
                    lang=r.get("lang")) for r in rs]
coder = Coder(CoderSettings())
gazetteer()
list(coder.code_items(articles(rows[:warm])))
wall, cpu = time.perf_counter(), time.process_time()
coded = list(coder.code_items(articles(rows)))
wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
print(json.dumps({"wall": wall, "cpu": cpu, "articles": len(rows),
                  "events": sum(len(c.events) for c in coded),
                  "rejected": sum(1 for c in coded if c.rejected is not None)}))
"""


def export(rev: str, into: Path) -> Path:
    """The commit's files (``git archive``), without touching this checkout."""
    archive = into / "base.tar"
    with archive.open("wb") as fh:
        subprocess.run(["git", "-C", str(ROOT), "archive", "--format=tar", rev], stdout=fh, check=True)
    with tarfile.open(archive) as tar:
        tar.extractall(into / "base", filter="data")
    archive.unlink()
    return into / "base" / "src"


def run_child(src: Path, corpus: Path, limit: int) -> dict:  # type: ignore[type-arg]
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "COMMUNIQUE_MODELS")}
    out = subprocess.run([sys.executable, "-c", _CHILD, str(src), str(corpus), str(limit), str(WARM_UP)],
                         capture_output=True, text=True, env=env)
    if out.returncode != 0:
        raise SystemExit(f"the child coding with {src} failed:\n{out.stderr[-2000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def compare(corpus: Path, base: str, *, limit: int, repeats: int) -> None:
    """Print the figures of this checkout against ``base`` (see the module docstring)."""
    found = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "--verify", f"{base}^{{commit}}"],
                           capture_output=True, text=True)
    if found.returncode != 0:
        raise SystemExit(f"commit {base} is not in this clone (a shallow clone? `git fetch --unshallow`)")
    rev = found.stdout.strip()
    head = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
                          capture_output=True, text=True, check=True).stdout.strip()
    with tempfile.TemporaryDirectory() as tmp:
        versions = {"this checkout": ROOT / "src", f"base {rev}": export(rev, Path(tmp))}
        names = list(versions)
        print(f"corpus {corpus}, {limit or 'all'} articles, {repeats} repeats; "
              f"this checkout = {head} (and its working tree), base = {rev}", flush=True)
        ratios: list[tuple[float, float]] = []
        for r in range(repeats):
            order = names if r % 2 == 0 else names[::-1]
            got = {name: run_child(versions[name], corpus, limit) for name in order}
            for name in order:
                g = got[name]
                print(f"repeat {r + 1}  {name:<18} {g['articles'] / g['wall']:6.1f} articles/s  "
                      f"({g['articles'] / g['cpu']:6.1f} per CPU-second)  {g['events']} events, "
                      f"{g['rejected']} rejected", flush=True)
            new, old = got[names[0]], got[names[1]]
            ratios.append((old["wall"] / new["wall"], old["cpu"] / new["cpu"]))
            print(f"repeat {r + 1}  ratio this checkout / base: {ratios[-1][0]:.2f} by wall clock "
                  f"({ratios[-1][1]:.2f} by CPU time)", flush=True)
        print(f"median ratio this checkout / base over {len(ratios)} repeats: "
              f"{statistics.median(w for w, _ in ratios):.2f} by wall clock "
              f"({statistics.median(c for _, c in ratios):.2f} by CPU time)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--base", default=BEFORE_LEARNED_CODER, help="the earlier commit (default: before issue 13)")
    ap.add_argument("--limit", type=int, default=300, help="articles coded by each version (0: all)")
    ap.add_argument("--repeats", type=int, default=3)
    args = ap.parse_args()
    compare(args.corpus, args.base, limit=args.limit, repeats=args.repeats)


if __name__ == "__main__":
    main()
