"""The exception tree of communique.

    CommuniqueError
     ├── UsageError          a command line that cannot be run (an option out of range, no store)
     ├── InputError          an input cannot be read at all (missing path, unknown format)
     ├── ArticleRejected     one article cannot be coded; carries the stage and the reason
     ├── LexiconError        a data file is missing or malformed
     ├── ModelError          a spaCy pipeline or other model is not installed or fails to load
     ├── EvaluationError     gold or prediction files that cannot be scored
     ├── StoreError          the event store cannot be opened, migrated, read or written
     ├── FetchError          a feed or page could not be fetched (HTTP error, timeout, too
     │                       large, robots.txt, redirect loop, not a feed); names the URL
     └── BadParameter        a filter or request value that cannot be used (an impossible
                             date, an unknown code); names the parameter; a 400 on the web

A rejected article is a record in the output (``rejected: {stage, reason}``), not a crash:
``ArticleRejected`` is caught per article by the pipeline and turned into a ``Rejection``.
"""

from __future__ import annotations


class CommuniqueError(Exception):
    """Base class of every error raised by communique."""


class UsageError(CommuniqueError):
    """A command line that cannot be run as given; the user can fix it (exit code 2)."""


class InputError(CommuniqueError):
    """An input path or stream cannot be read at all."""


class ArticleRejected(CommuniqueError):
    """One article cannot be coded; the batch goes on."""

    def __init__(self, stage: str, reason: str) -> None:
        super().__init__(f"{stage}: {reason}")
        self.stage = stage
        self.reason = reason


class LexiconError(CommuniqueError):
    """A language data file is missing or malformed."""


class ModelError(CommuniqueError):
    """A model (spaCy pipeline, language identifier) is missing or cannot be loaded."""


class EvaluationError(CommuniqueError):
    """Gold or prediction files that cannot be scored."""


class StoreError(CommuniqueError):
    """The event store cannot be opened, migrated, read or written.

    ``detail`` is the database's own words without the store's location or the SQL statement:
    what may be shown about one article that could not be stored."""

    def __init__(self, message: str, *, detail: str | None = None) -> None:
        super().__init__(message)
        self.detail = detail if detail is not None else message


class FetchError(CommuniqueError):
    """A feed or a page could not be fetched or read; ``url`` names it. ``watch`` records it
    against the feed or the item and goes on with the others."""

    def __init__(self, url: str, reason: str, *, retry: bool = False) -> None:
        super().__init__(f"{url}: {reason}")
        self.url = url
        self.reason = reason
        self.retry = retry  # worth trying again later (a timeout, a 5xx), not a 404


class BadParameter(CommuniqueError, ValueError):
    """A filter or request value that cannot be used; ``name`` is the parameter (``since``,
    ``limit``…). The web answers it with a 400 naming the parameter, the CLI with a message."""

    def __init__(self, name: str, message: str) -> None:
        super().__init__(f"{name}: {message}")
        self.name = name
