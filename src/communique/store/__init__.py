"""The event store: articles, events, runs and linked stories in SQLite or PostgreSQL.

See ``docs/store.md``. ``open_store(db)`` gives a ``Store``; ``ingest`` fills it from inputs.
"""

from communique.store.records import RunRecord
from communique.store.store import DEFAULT_DB, SearchHit, Store, open_store

__all__ = ["DEFAULT_DB", "RunRecord", "SearchHit", "Store", "open_store"]
