"""Linking across reports: near-duplicate articles and the same event told by several reports.

``link(store)`` rebuilds the ``stories`` table; see ``docs/store.md`` for the algorithm.
"""

from communique.link.match import LinkRules
from communique.link.run import LinkSettings, LinkSummary, link

__all__ = ["LinkRules", "LinkSettings", "LinkSummary", "link"]
