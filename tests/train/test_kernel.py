"""Training pins OpenBLAS to one kernel, so the same data gives the same weights on any x86-64
CPU with AVX2 (train/kernel.py): when to pin, and that the pin reaches the library."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from communique.train.kernel import KERNEL, PINNED, THREADS, VARIABLE, pinned_environment

AVX2 = "processor\t: 0\nflags\t\t: fpu sse sse2 avx avx2 fma\n"
OLD_CPU = "processor\t: 0\nflags\t\t: fpu sse sse2 avx\n"


def _cpuinfo(tmp_path: Path, text: str) -> Path:
    path = tmp_path / f"cpuinfo-{len(list(tmp_path.iterdir()))}"
    path.write_text(text, encoding="utf-8")
    return path


def test_an_avx2_cpu_fits_in_a_child_pinned_to_the_kernel(tmp_path: Path) -> None:
    env = pinned_environment({"PATH": "/usr/bin"}, machine="x86_64", cpuinfo=_cpuinfo(tmp_path, AVX2))
    assert env == {"PATH": "/usr/bin", **PINNED}
    assert env["OPENBLAS_NUM_THREADS"] == env["OMP_NUM_THREADS"] == THREADS


def test_no_child_when_already_pinned_or_when_the_cpu_cannot_run_the_kernel(tmp_path: Path) -> None:
    avx2 = _cpuinfo(tmp_path, AVX2)
    assert pinned_environment({k: v.lower() for k, v in PINNED.items()}, machine="x86_64", cpuinfo=avx2) is None
    # the kernel alone is not enough: the threads move the weights too
    assert pinned_environment({VARIABLE: KERNEL}, machine="x86_64", cpuinfo=avx2) == PINNED
    assert pinned_environment({}, machine="aarch64", cpuinfo=avx2) is None
    assert pinned_environment({}, machine="x86_64", cpuinfo=_cpuinfo(tmp_path, OLD_CPU)) is None
    assert pinned_environment({}, machine="x86_64", cpuinfo=tmp_path / "missing") is None
    # another kernel asked for by hand is overruled: the shipped models were fitted with KERNEL
    assert pinned_environment({VARIABLE: "SkylakeX", "OMP_NUM_THREADS": "1"}, machine="x86_64", cpuinfo=avx2) == PINNED


def test_the_pinned_environment_reaches_openblas_and_openmp() -> None:
    env = pinned_environment()
    if env is None and not _running(KERNEL):
        pytest.skip("this CPU cannot run the pinned kernel (no AVX2, or not x86-64)")
    probe = ("import json, numpy, sklearn.linear_model, threadpoolctl; print(json.dumps(sorted({"
             "(i.get('internal_api'), i.get('architecture') or '', i.get('num_threads')) "
             "for i in threadpoolctl.threadpool_info()})))")
    out = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True, check=True)
    found = {tuple(x) for x in json.loads(out.stdout)}
    assert {("openblas", KERNEL, int(THREADS))} <= found
    assert all(threads == int(THREADS) for api, _, threads in found if api in ("openblas", "openmp"))


def _running(kernel: str) -> bool:
    from threadpoolctl import threadpool_info

    return any(i.get("architecture") == kernel for i in threadpool_info() if i.get("internal_api") == "openblas")
