"""Plain text: ``path:line:col: CODE message``, and predicted summaries."""

from __future__ import annotations

from kerascheck.reporters.printable import printable
from kerascheck.results import FileResult, Span


def render_diagnostics(results: list[FileResult]) -> str:
    lines = []
    for result in results:
        for d in result.diagnostics:
            lines.append(f"{location(printable(d.path), d.span)}: {d.code} {printable(d.message)}")
    return "\n".join(lines) + ("\n" if lines else "")


def render_summaries(results: list[FileResult], explain: bool = False) -> str:
    from kerascheck.reporters import keras2_table, summary_table  # import the engine: only for summaries

    blocks = []
    for result in results:
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
