"""A source's lines as Python numbers them.

``str.splitlines`` also breaks at form feeds, vertical tabs, ``\\x1c``-``\\x1e``,
``\\x85``, ``\\u2028`` and ``\\u2029``, which Python's tokenizer treats as
characters within a line (a form feed between top-level sections is common in
older code).  Line numbers from ``ast`` and libcst count only ``\\r\\n``, ``\\r``
and ``\\n``; so does this.
"""

from __future__ import annotations

import re

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")


def source_lines(source: str, keepends: bool = False) -> list[str]:
    """The lines of ``source`` (line ``n`` at index ``n - 1``), split where Python splits them."""
    lines = _LINE.findall(source)
    if keepends:
        return lines
    return [line.rstrip("\r\n") for line in lines]
