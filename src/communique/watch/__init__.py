"""Live monitoring: ``communique watch`` polls feeds and an inbox folder into the store
(docs/watch.md); ``communique feeds`` lists each feed's state."""

from communique.watch.loop import watch
from communique.watch.poll import Inbox, PollSummary, WatchSettings, poll

__all__ = ["Inbox", "PollSummary", "WatchSettings", "poll", "watch"]
