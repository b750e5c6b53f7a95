"""Plain text: ``path:line:col: CODE message``, and predicted summaries."""

from __future__ import annotations

from kerascheck.results import FileResult


def render_diagnostics(results: list[FileResult]) -> str:
    lines = []
    for result in results:
        for d in result.diagnostics:
            lines.append(f"{d.path}:{d.span.line}:{d.span.column}: {d.code} {d.message}")
    return "\n".join(lines) + ("\n" if lines else "")


def render_summaries(results: list[FileResult], explain: bool = False) -> str:
    from kerascheck.reporters import summary_table  # imports the engine: only when summaries are printed

    blocks = []
    for result in results:
        for summary in result.summaries:
            where = f"{summary.path}:{summary.span.line}:{summary.span.column}" if summary.span else summary.path
            title = f"{where}: {summary.variable}" if summary.variable else where
            blocks.append(title + "\n" + summary_table.render(summary, explain=explain))
    return "\n".join(blocks)
