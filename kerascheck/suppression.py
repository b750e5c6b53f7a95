"""Selection and suppression: which of a file's diagnostics are reported.

Applied after the analysis (and after the result cache), from the settings and
the file's own ``# noqa`` comments.  Light on purpose: a warm run that takes
every result from the cache imports nothing of the engine or the parser.
"""

from __future__ import annotations

import re
from typing import Any, Iterable

from kerascheck.config import Settings
from kerascheck.results import Diagnostic

_NOQA = re.compile(r"#\s*noqa(?::\s*(?P<codes>[A-Z]+[0-9]+(?:[,\s]+[A-Z]+[0-9]+)*))?", re.IGNORECASE)
SKIP_FILE = re.compile(r"^#\s*kerascheck:\s*skip-file\s*$", re.MULTILINE)


def finalize(diagnostics: Iterable[Diagnostic], settings: Settings, source_lines: list[str]) -> list[Diagnostic]:
    """Apply selection, ``# noqa`` comments, de-duplication and a stable order."""
    kept: dict[tuple[Any, ...], Diagnostic] = {}
    for diagnostic in diagnostics:
        file_level = diagnostic.code.startswith("KC0")
        if not file_level and not settings.enabled(diagnostic.code, diagnostic.path):
            continue
        if not file_level and _suppressed(diagnostic, source_lines):
            continue
        key = (diagnostic.span, diagnostic.code, diagnostic.message)
        kept.setdefault(key, diagnostic)
    return sorted(kept.values(), key=lambda d: (d.span.line, d.span.column, d.code, d.message))


def _suppressed(diagnostic: Diagnostic, lines: list[str]) -> bool:
    index = diagnostic.span.line - 1
    if not 0 <= index < len(lines):
        return False
    match = _NOQA.search(lines[index])
    if match is None:
        return False
    codes = match.group("codes")
    if codes is None:
        return True
    return diagnostic.code in {c.upper() for c in re.split(r"[,\s]+", codes) if c}
