"""The polling loop: one poll, then the next when the interval is up, until told to stop.

A stop (SIGINT, SIGTERM: ``stop_on_signals``) lets the articles being coded (one coder batch at
most) be stored and ends the poll at the next item; the wait between polls is cut short. Nothing is left half-written: each
article is one transaction, and a feed's state is saved only once its items are all handled.
"""

from __future__ import annotations

import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from communique.watch.poll import PollSummary, poll

Report = Callable[[PollSummary], None]


def watch(*, once: bool = False, stop: threading.Event, report: Report | None = None,
          clock: Callable[[], float] = time.monotonic, **poll_args: Any) -> PollSummary:
    """Poll now, then every ``settings.every`` seconds (from the start of one poll to the
    start of the next), until ``stop`` is set; only once with ``once``. Returns the last
    poll's summary."""
    settings = poll_args["settings"]
    while True:
        started = clock()
        summary = poll(stop=stop, **poll_args)
        if report is not None:
            report(summary)
        if once or stop.is_set():
            return summary
        if stop.wait(max(0.0, started + settings.every - clock())):
            return summary


@contextmanager
def stop_on_signals(stop: threading.Event) -> Iterator[None]:
    """SIGINT and SIGTERM set ``stop`` (a second SIGINT interrupts at once, as usual)."""
    def handler(signum: int, frame: object) -> None:
        name = signal.Signals(signum).name
        if stop.is_set() and signum == signal.SIGINT:
            raise KeyboardInterrupt
        stop.set()
        print(f"communique: {name}: stopping once the articles being coded are stored (what "
              "is stored is whole; the next poll takes up the rest)", file=sys.stderr, flush=True)

    previous = {s: signal.signal(s, handler) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for sig, old in previous.items():
            signal.signal(sig, old)
