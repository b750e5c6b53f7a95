"""GitHub Actions workflow commands: one ``::error``/``::warning`` annotation per diagnostic."""

from __future__ import annotations

from kerascheck.reporters.printable import printable
from kerascheck.results import FileResult


def _escape_data(value: str) -> str:
    return printable(value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def render(results: list[FileResult]) -> str:
    lines = []
    for result in results:
        for d in result.diagnostics:
            where = [f"file={_escape_property(d.path)}"]
            message = f"{d.code} {d.message}"
            if d.span.cell is None:
                where += [f"line={d.span.line}", f"col={d.span.column}"]
                where += [f"endLine={d.span.end_line}", f"endColumn={d.span.end_column}"]
            else:
                # GitHub places annotations on lines of the raw file; a notebook's cells are not those.
                message = f"cell {d.span.cell}, line {d.span.line}, column {d.span.column}: {message}"
            properties = ",".join(where + [f"title={_escape_property(f'kerascheck ({d.code})')}"])
            lines.append(f"::{d.severity} {properties}::{_escape_data(message)}")
    return "\n".join(lines) + ("\n" if lines else "")
