"""Batch, parallel and resumable coding into the store; a Dask backend for clusters.

See ``docs/scale.md``. ``run(inputs, store=..., settings=RunSettings(workers=N))``.
"""

from communique.runner.run import run
from communique.runner.settings import RunnerError, RunSettings, RunSummary

__all__ = ["RunSettings", "RunSummary", "RunnerError", "run"]
