"""The content hash of the result cache, without importing :mod:`hashlib`.

``hashlib`` loads OpenSSL (a few milliseconds, a noticeable share of a warm run);
BLAKE2 comes from CPython's own ``_blake2`` module, which is what ``hashlib.blake2b``
is.  The content hash everywhere: result-cache keys and the modules an analysis read.
"""

from __future__ import annotations

try:
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - another Python implementation
    from hashlib import blake2b


def digest(data: bytes) -> str:
    return blake2b(data, digest_size=20).hexdigest()
