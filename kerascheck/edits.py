"""A diagnostic's fix as text edits: what ``--format json`` and SARIF carry, and editors apply.

A :class:`~kerascheck.results.Fix` says which call to rewrite and how (libcst does it,
:func:`kerascheck.fixes.apply_fixes`); an edit says which characters of the file become
which text, the form every consumer can apply without kerascheck.  The edit is the part
of the file the rewrite changed: the differing middle of the text before and after.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from kerascheck.results import Diagnostic, FileResult, Fix, Span

Position = tuple[int, int]  # (line, character), 0-based
Range = tuple[Position, Position]


@dataclass(frozen=True)
class Edit:
    """Replace ``range`` (0-based lines and characters, end exclusive) with ``content``."""

    range: Range
    content: str

    @property
    def span(self) -> Span:
        """The range as kerascheck's 1-based span (end column exclusive)."""
        (line, column), (end_line, end_column) = self.range
        return Span(line + 1, column + 1, end_line + 1, end_column + 1)


def minimal_edit(old: str, new: str) -> Edit:
    """The one edit that turns ``old`` into ``new``: the differing middle of the two texts."""
    prefix = 0
    limit = min(len(old), len(new))
    while prefix < limit and old[prefix] == new[prefix]:
        prefix += 1
    suffix = 0
    while suffix < limit - prefix and old[len(old) - 1 - suffix] == new[len(new) - 1 - suffix]:
        suffix += 1

    def position(offset: int) -> Position:
        line = old.count("\n", 0, offset)
        return line, offset - (old.rfind("\n", 0, offset) + 1)

    return Edit((position(prefix), position(len(old) - suffix)), new[prefix : len(new) - suffix])


def fix_edits(source: str, fix: Fix) -> tuple[Edit, ...]:
    """The edits that apply ``fix`` to ``source``; none when libcst cannot make the rewrite."""
    from kerascheck.fixes import apply_fixes

    try:
        rewritten = apply_fixes(source, [fix])
    except Exception:  # noqa: BLE001  (a rewrite libcst cannot make has no edits)
        return ()
    return (minimal_edit(source, rewritten),) if rewritten != source else ()


def edits_by_diagnostic(results: Iterable[FileResult]) -> dict[int, tuple[Edit, ...]]:
    """For each fixable diagnostic of ``results`` (by ``id``), its fix's edits.

    Each file with a fix is read again (a file that cannot be read has none); notebooks have
    none, as ``--fix`` leaves them alone."""
    found: dict[int, tuple[Edit, ...]] = {}
    for result in results:
        wanted = [d for d in result.diagnostics if fixable(d)]
        if not wanted:
            continue
        try:
            with open(result.path, "rb") as handle:
                source = handle.read().decode("utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        for diagnostic in wanted:
            assert diagnostic.fix is not None
            found[id(diagnostic)] = fix_edits(source, diagnostic.fix)
    return found


def fixable(diagnostic: Diagnostic) -> bool:
    """Whether ``--fix`` rewrites this diagnostic's code (never inside a notebook)."""
    return diagnostic.fix is not None and diagnostic.span.cell is None and not diagnostic.path.endswith(".ipynb")
