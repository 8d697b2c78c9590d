"""The BLAS kernel the models are fitted with, so that the same data gives the same weights on
any machine.

OpenBLAS picks its kernels by CPU when it loads, and each kernel sums in its own order. L-BFGS
amplifies those last-digit differences: the trigger model fitted on an AVX-512 CPU (OpenBLAS's
``SkylakeX`` kernel) differs from the same fit on an AVX2 CPU (``Haswell``) by up to 0.08 in its
weights and 0.17 in its biases, which moved event F1 on a held-out set by 0.006 (docs/accuracy.md,
"Models that rebuild the same on every CPU"). A seed does not help: nothing is sampled.

The number of threads moves them as much (OpenBLAS's and scikit-learn's OpenMP loops sum per
thread): one thread instead of two, on the same kernel, gives biases 0.17 apart.

``communique train`` therefore fits in a child process whose OpenBLAS is pinned to one kernel
and both libraries to two threads (``OPENBLAS_CORETYPE``, ``OPENBLAS_NUM_THREADS``,
``OMP_NUM_THREADS``: read when the libraries load, so they cannot be changed in a process that
has already imported NumPy). ``Haswell`` runs on every x86-64 CPU with AVX2 (2013 on); where
it cannot run (another architecture, an older CPU) the fit runs as it is, in process, and the
weights may differ in their last digits from the shipped ones.
"""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from communique.train.fit import TrainSettings

KERNEL = "Haswell"  # the kernel the shipped models were fitted with
VARIABLE = "OPENBLAS_CORETYPE"
# The threads too: OpenBLAS's and OpenMP's (scikit-learn's loss and gradient) sum per thread,
# and one thread instead of two moves the trigger model's biases as much as another kernel does.
# Two, what the shipped models were fitted with (a two-core machine's default).
THREADS = "2"
PINNED = {VARIABLE: KERNEL, "OPENBLAS_NUM_THREADS": THREADS, "OMP_NUM_THREADS": THREADS}


def _has_avx2(cpuinfo: Path = Path("/proc/cpuinfo")) -> bool:
    try:
        text = cpuinfo.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False
    return any(line.startswith("flags") and "avx2" in line.split() for line in text.splitlines())


def pinned_environment(environ: dict[str, str] | None = None, *, machine: str | None = None,
                       cpuinfo: Path = Path("/proc/cpuinfo")) -> dict[str, str] | None:
    """The environment of a child process that fits with the shipped kernel; None when this
    process already runs it or when the CPU cannot (then the fit runs in process)."""
    environ = dict(os.environ if environ is None else environ)
    if all(environ.get(k, "").lower() == v.lower() for k, v in PINNED.items()):
        return None
    if (machine or platform.machine()).lower() not in ("x86_64", "amd64") or not _has_avx2(cpuinfo):
        return None
    return {**environ, **PINNED}


def train_pinned(sources: list[Path], *, out: Path, settings: TrainSettings) -> None:
    """``fit.train`` with OpenBLAS pinned to ``KERNEL`` and both libraries to ``THREADS`` threads:
    in a child process when this one runs otherwise, in process when it already does or when the
    CPU cannot run the kernel. Raises ``subprocess.CalledProcessError`` when the child
    fails (its error is on stderr)."""
    from communique.train.fit import train

    env = pinned_environment()
    if env is None:
        train(sources, out=out, settings=settings)
        return
    job = json.dumps({"sources": [str(s) for s in sources], "out": str(out), "settings": asdict(settings)})
    subprocess.run([sys.executable, "-m", "communique.train.kernel", job], env=env, check=True)


def _child(job: str) -> None:
    from communique.train.fit import TrainSettings, train

    spec = json.loads(job)
    train([Path(s) for s in spec["sources"]], out=Path(spec["out"]), settings=TrainSettings(**spec["settings"]))


if __name__ == "__main__":
    _child(sys.argv[1])
