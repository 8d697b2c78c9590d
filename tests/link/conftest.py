"""Linking fixtures: stores on SQLite and PostgreSQL, as for the store tests."""

from __future__ import annotations

import sys
from pathlib import Path

# The store tests' helpers (tests/store/store_backends.py) say where test stores live.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "store"))

from store_backends import backend, fresh_db  # noqa: E402,F401  (fixtures, registered by import)
