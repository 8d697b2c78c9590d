"""The web dashboard and HTTP API over a store (``communique serve``); see ``docs/web.md``.

Reads the store only (ingest from the browser is opt-in); never imports spaCy unless browser
ingest is switched on.
"""

from communique.web.app import create_app

__all__ = ["create_app"]
