"""Helpers of the watch tests (imported by name, like store_backends)."""

from __future__ import annotations

import os

PROXY_VARIABLES = ("http_proxy", "https_proxy", "all_proxy", "HTTP_PROXY", "HTTPS_PROXY",
                   "ALL_PROXY")


def quick_settings(**fetch: object):
    """Watch settings for tests: short timeouts and back-off, no rate limit to wait for."""
    from communique.ingest.fetch import FetchSettings
    from communique.watch import WatchSettings

    values = {"timeout": 1.0, "retries": 1, "backoff": 0.05, "per_host": 1000,
              "max_bytes": 2_000_000, **fetch}
    return WatchSettings(every=60, vectors=False, fetch=FetchSettings(**values))  # type: ignore[arg-type]


def clean_env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k not in PROXY_VARIABLES}
