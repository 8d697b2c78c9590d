"""Watch fixtures: nothing here may reach the outside network. The test site runs on
127.0.0.1, and proxy variables are cleared so that httpx goes to it directly."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from watch_helpers import PROXY_VARIABLES

# The store tests' helpers (tests/store/store_backends.py) say where test stores live.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "store"))

from store_backends import backend, fresh_db  # noqa: E402,F401  (fixtures, registered by import)


@pytest.fixture(scope="module", autouse=True)
def no_proxy() -> Iterator[None]:
    with pytest.MonkeyPatch.context() as mp:
        for name in PROXY_VARIABLES:
            mp.delenv(name, raising=False)
        mp.setenv("NO_PROXY", "127.0.0.1,localhost")
        yield
