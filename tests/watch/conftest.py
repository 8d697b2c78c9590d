"""Watch fixtures: nothing here may reach the outside network. The test site runs on
127.0.0.1, and proxy variables are cleared so that httpx goes to it directly."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from watch_helpers import PROXY_VARIABLES


@pytest.fixture(scope="module", autouse=True)
def no_proxy() -> Iterator[None]:
    with pytest.MonkeyPatch.context() as mp:
        for name in PROXY_VARIABLES:
            mp.delenv(name, raising=False)
        mp.setenv("NO_PROXY", "127.0.0.1,localhost")
        yield
