"""Content hashes and module-file probes: what an analysis depended on, cheaply re-checked.

Kept apart from :mod:`kerascheck.frontend.modules` (which imports libcst) so that the
result cache can verify a stored result without importing the parser.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from kerascheck.hashing import digest

MAX_MODULE_BYTES = 512 * 1024  # as for the analysed file (kerascheck.analysis.MAX_SOURCE_BYTES)
TOO_LARGE = "too-large"  # the hash recorded for any module over MAX_MODULE_BYTES: it is never parsed


def file_digest(path: str | os.PathLike[str]) -> str | None:
    """The content hash the front-end records when it reads module ``path`` (None: unreadable)."""
    from kerascheck.safeio import FileTooLarge, read_regular

    try:
        return digest(read_regular(path, MAX_MODULE_BYTES)[0])
    except FileTooLarge:
        return TOO_LARGE
    except OSError:
        return None


def probe(path: Path) -> str | None:
    """Where a module file at ``path`` really is, or None when there is no readable file there."""
    if path.is_file() and os.access(path, os.R_OK):
        return str(path.resolve())
    return None


_DIGESTS: dict[str, tuple[tuple[int, int], str | None]] = {}


def dependencies_unchanged(
    reads: dict[str, Any], probes: dict[str, Any], probed: dict[str, str | None] | None = None
) -> bool:
    """Whether the modules an analysis read still hash as they did, and every place it looked
    for a module still holds what it held (:func:`probe`; ``probed`` remembers answers for a run)."""
    probed = {} if probed is None else probed
    for candidate, found in probes.items():
        if candidate not in probed:
            probed[candidate] = probe(Path(candidate))
        if probed[candidate] != found:
            return False
    for module, content in reads.items():
        try:
            stat = os.stat(module)
            stamp = (stat.st_size, stat.st_mtime_ns)
        except OSError:
            stamp = (-1, -1)
        known = _DIGESTS.get(module)
        if known is None or known[0] != stamp:
            known = (stamp, file_digest(module))
            _DIGESTS[module] = known
        if known[1] != content:
            return False
    return True
