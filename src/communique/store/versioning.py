"""Which coder coded an article: the package version plus a digest of its language data.

Two codings by the same version string are interchangeable, so ingest skips an article already
coded by this version and re-codes it when the version differs (new release, edited lexicon,
another actor file).
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from importlib import resources
from pathlib import Path

from communique import __version__

DIGEST_CHARS = 12


@lru_cache(maxsize=1)
def lexicon_digest() -> str:
    """SHA-1 over every file of ``communique/data`` (relative path and bytes), in sorted order."""
    sha = hashlib.sha1()
    root = resources.files("communique") / "data"
    stack = [(root, "")]
    files: list[tuple[str, bytes]] = []
    while stack:
        folder, prefix = stack.pop()
        for entry in folder.iterdir():
            name = f"{prefix}{entry.name}"
            if entry.is_dir():
                if entry.name != "__pycache__":
                    stack.append((entry, name + "/"))
            else:
                files.append((name, entry.read_bytes()))
    for name, data in sorted(files):
        sha.update(name.encode("utf-8") + b"\0" + hashlib.sha1(data).digest())
    return sha.hexdigest()


def coder_version(*, actor_file: Path | None = None) -> str:
    """``0.1.0+3f2a9c1b7d00``, with ``+actors.<digest>`` when a user actor file is used."""
    version = f"{__version__}+{lexicon_digest()[:DIGEST_CHARS]}"
    if actor_file is not None:
        digest = hashlib.sha1(Path(actor_file).read_bytes()).hexdigest()[:DIGEST_CHARS]
        version += f".actors.{digest}"
    return version
