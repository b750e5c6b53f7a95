"""Plain text: ``path:line:col: CODE [*] message``, predicted summaries, and the closing line.

As ruff prints it: ``[*]`` marks a diagnostic that ``--fix`` can fix, and the last line
counts what was found (``Found 3 errors (1 fixable with --fix).``) or says ``All checks
passed!``.  With ``colour``, the same text with ANSI styles (ruff's: bold path, cyan
punctuation and fix mark, bold red code).
"""

from __future__ import annotations

from kerascheck.reporters.printable import printable
from kerascheck.edits import fixable
from kerascheck.results import FileResult, Span

FIX_MARK = "[*]"
_RESET = "\x1b[0m"
_BOLD, _CYAN, _RED_BOLD, _GREEN_BOLD = "\x1b[1m", "\x1b[36m", "\x1b[1;31m", "\x1b[1;32m"


def _style(text: str, style: str, colour: bool) -> str:
    return f"{style}{text}{_RESET}" if colour else text


def render_diagnostics(results: list[FileResult], colour: bool = False) -> str:
    lines = []
    colon = _style(":", _CYAN, colour)
    for result in results:
        for d in result.diagnostics:
            cell = [f"cell {d.span.cell}"] if d.span.cell is not None else []
            where = colon.join([_style(printable(d.path), _BOLD, colour), *cell, str(d.span.line), str(d.span.column)])
            mark = " " + _style(FIX_MARK, _CYAN, colour) if fixable(d) else ""
            lines.append(f"{where}{colon} {_style(d.code, _RED_BOLD, colour)}{mark} {printable(d.message)}")
    return "\n".join(lines) + ("\n" if lines else "")


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" + ("" if count == 1 else "s")


def closing_line(results: list[FileResult], before: list[FileResult] | None = None, colour: bool = False) -> str:
    """``Found 2 errors and 1 warning (1 fixable with --fix).``, or ``All checks passed!``.

    After ``--fix``, ``before`` holds the results it started from: ``Found 3 errors (2 fixed,
    1 remaining).``"""
    remaining = [d for r in results for d in r.diagnostics]
    found = [d for r in before for d in r.diagnostics] if before is not None else remaining
    if not found:
        return _style("All checks passed!", _GREEN_BOLD, colour) + "\n"
    warnings = sum(1 for d in found if d.severity == "warning")
    errors = len(found) - warnings
    counted = [_plural(errors, "error")] if errors else []
    counted += [_plural(warnings, "warning")] if warnings else []
    if before is not None:
        detail = f" ({max(len(found) - len(remaining), 0)} fixed, {len(remaining)} remaining)"
    else:
        count = sum(1 for d in found if fixable(d))
        detail = f" ({count} fixable with --fix)" if count else ""
    return f"Found {' and '.join(counted)}{detail}.\n"


def render_summaries(results: list[FileResult], explain: bool = False, notes: dict[str, str] | None = None) -> str:
    """Every model's table, in file order; ``notes``: by path, a line for a file that shows none
    (it has no model, or none that ``--model`` picks)."""
    from kerascheck.reporters import keras2_table, summary_table  # import the engine: only for summaries

    blocks = []
    for result in results:
        if not result.summaries and notes and result.path in notes:
            blocks.append(notes[result.path])
        for summary in result.summaries:
            where = location(summary.path, summary.span) if summary.span else summary.path
            title = printable(f"{where}: {summary.variable}" if summary.variable else where)
            table = keras2_table if summary.keras_version == 2 else summary_table
            blocks.append(title + "\n" + table.render(summary, explain=explain))
    return "\n".join(blocks)


def location(path: str, span: Span) -> str:
    """``path:line:col``, or ``notebook.ipynb:cell 3:line:col`` in a notebook (as ruff prints it)."""
    cell = f"cell {span.cell}:" if span.cell is not None else ""
    return f"{path}:{cell}{span.line}:{span.column}"
