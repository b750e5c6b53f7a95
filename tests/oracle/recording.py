"""What every recorder script does with what it recorded: write it, or ``--check`` it."""

from __future__ import annotations

import sys
from pathlib import Path


def write_or_check(output: Path, text: str, argv: list[str]) -> int:
    """Write ``text`` to ``output``; with ``--check``, exit status 1 if the file differs instead."""
    if "--check" in argv:
        if not output.exists() or output.read_text() != text:
            print(f"{output} differs from what Keras records now", file=sys.stderr)
            return 1
        return 0
    output.write_text(text)
    print(f"wrote {output}")
    return 0
