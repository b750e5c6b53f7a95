"""Content hashes and module-file probes: what an analysis depended on, cheaply re-checked.

Kept apart from :mod:`kerascheck.frontend.modules` (which imports libcst) so that the
result cache can verify a stored result without importing the parser.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

MAX_MODULE_BYTES = 2 * 1024 * 1024
TOO_LARGE = "too-large"  # the hash recorded for any module over MAX_MODULE_BYTES: it is never parsed


def digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=20).hexdigest()


def file_digest(path: str | os.PathLike[str]) -> str | None:
    """The content hash the front-end records when it reads module ``path`` (None: unreadable)."""
    try:
        if os.path.getsize(path) > MAX_MODULE_BYTES:
            return TOO_LARGE
        with open(path, "rb") as handle:
            return digest(handle.read())
    except OSError:
        return None


def probe(path: Path) -> str | None:
    """Where a module file at ``path`` really is, or None when there is no readable file there."""
    if path.is_file() and os.access(path, os.R_OK):
        return str(path.resolve())
    return None
