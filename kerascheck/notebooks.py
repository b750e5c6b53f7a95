"""Jupyter notebooks as Python source: code cells in order, IPython-only lines left out.

A notebook is JSON (nbformat 4): its code cells are concatenated, in order, into one
module, as running the notebook top to bottom executes them.  Lines that only IPython
understands (``%magic``, ``!shell``, ``x = !cmd``, ``obj?``) become ``pass`` at their
indentation, and a cell that starts with a cell magic (``%%bash``) or does not parse
is left out, so one broken cell does not hide the others.  Every line of the module
remembers its cell (numbered from 1 as the notebook shows them, markdown cells
included) and its line in that cell, so results point into the notebook.
"""

from __future__ import annotations

import ast
import json
import re
from dataclasses import dataclass, replace
from typing import Any

from kerascheck.results import Diagnostic, FileResult, LayerRow, ModelSummary, Span

# Lines IPython rewrites before Python sees them.
_IPYTHON_LINE = re.compile(r"^\s*(?:[%!]|[\w.]+\s*=\s*[%!]|[\w.]+\?{1,2}\s*$|\?)")
# How diagnostics name another place in the file (kerascheck.diagnostics).
_AT_LINE = re.compile(r" at line (\d+)")
# Cell magics whose body is still Python.
_PYTHON_CELL_MAGICS = ("%%time", "%%timeit", "%%capture", "%%prun")


class NotebookError(Exception):
    """The file is not a notebook kerascheck can read (the message says why)."""


@dataclass(frozen=True)
class Notebook:
    source: str
    # For each line of ``source`` (index 0 is line 1): (cell number, line in the cell).
    lines: tuple[tuple[int, int], ...]
    diagnostics: tuple[Diagnostic, ...]  # cells that do not parse

    def span(self, span: Span | None) -> Span | None:
        """``span`` in the module → the same place as cell and line in the cell."""
        if span is None or span.cell is not None or not self.lines:
            return span
        cell, line = self._place(span.line)
        end_cell, end_line = self._place(span.end_line)
        if end_cell != cell:
            end_line, end_column = line, span.column
        else:
            end_column = span.end_column
        return Span(line, span.column, end_line, end_column, cell=cell)

    def first_line(self, cell: int) -> int | None:
        """The module's line (from 1) where ``cell`` begins, or None if it has no code here."""
        for index, (number, _) in enumerate(self.lines):
            if number == cell:
                return index + 1
        return None

    def _place(self, line: int) -> tuple[int, int]:
        return self.lines[min(max(line, 1), len(self.lines)) - 1]

    def result(self, result: FileResult) -> FileResult:
        """A result of analysing :attr:`source`, with every position in notebook terms."""
        diagnostics = tuple(
            replace(d, span=self.span(d.span), message=_AT_LINE.sub(self._at_cell, d.message))
            for d in result.diagnostics
        )
        summaries = tuple(self._summary(s) for s in result.summaries)
        return replace(result, summaries=summaries, diagnostics=self.diagnostics + diagnostics)

    def _at_cell(self, match: re.Match[str]) -> str:
        cell, line = self._place(int(match.group(1)))
        return f" at cell {cell}, line {line}"

    def _summary(self, summary: ModelSummary) -> ModelSummary:
        rows = tuple(self._row(r) for r in summary.rows)
        return replace(summary, span=self.span(summary.span), rows=rows)

    def _row(self, row: LayerRow) -> LayerRow:
        calls = tuple(replace(c, span=self.span(c.span)) for c in row.calls)
        nested = self._summary(row.nested) if row.nested is not None else None
        return replace(row, span=self.span(row.span), calls=calls, nested=nested)


def _cell_source(cell: dict[str, Any]) -> str:
    source = cell.get("source", "")
    if isinstance(source, list):
        if not all(isinstance(part, str) for part in source):
            raise NotebookError("a cell's source is not text")
        return "".join(source)
    if not isinstance(source, str):
        raise NotebookError("a cell's source is not text")
    return source


def _python_lines(text: str) -> list[str]:
    lines = text.split("\n")
    first = lines[0].strip() if lines else ""
    if first.startswith("%%"):
        if not first.startswith(_PYTHON_CELL_MAGICS):
            return [""] * len(lines)  # another language, or a cell magic kerascheck cannot follow
        lines = [""] + lines[1:]
    out = []
    continued = False  # the previous line was IPython syntax ending in a backslash
    for line in lines:
        if continued:
            out.append("")  # (``!ls \`` then ``    -l``: one shell command)
            continued = line.endswith("\\")
        elif _IPYTHON_LINE.match(line):
            indent = line[: len(line) - len(line.lstrip())]
            out.append(indent + "pass")
            continued = line.endswith("\\")
        else:
            out.append(line)
    return out


def read_notebook(data: str, path: str) -> Notebook:
    """The notebook's code as one module; raises :class:`NotebookError` when it is not a notebook."""
    try:
        document = json.loads(data)
    except (json.JSONDecodeError, RecursionError) as err:
        raise NotebookError(f"not a Jupyter notebook: invalid JSON ({err})") from None
    if not isinstance(document, dict) or not isinstance(document.get("cells"), list):
        raise NotebookError("not a Jupyter notebook: no list of cells")
    cells = []
    for number, cell in enumerate(document["cells"], start=1):
        if not isinstance(cell, dict):
            raise NotebookError(f"not a Jupyter notebook: cell {number} is not an object")
        if cell.get("cell_type") == "code":
            cells.append((number, _cell_source(cell)))
    return notebook_of_cells(cells, path)


def notebook_of_cells(cells: list[tuple[int, str]], path: str) -> Notebook:
    """The code cells ``(number, source)``, in order, as one module (what an editor's notebook
    document gives: :mod:`kerascheck.lsp`)."""
    source_lines: list[str] = []
    places: list[tuple[int, int]] = []
    diagnostics: list[Diagnostic] = []
    for number, text in cells:
        lines = _python_lines(text)
        try:
            ast.parse("\n".join(lines))
        except SyntaxError as err:
            line, column = err.lineno or 1, err.offset or 1
            span = Span(line, column, line, column, cell=number)
            diagnostics.append(Diagnostic(path, span, "KC001", "error", f"SyntaxError: {err.msg}"))
            lines = [""] * len(lines)
        except (ValueError, RecursionError, MemoryError) as err:
            span = Span(1, 1, 1, 1, cell=number)
            diagnostics.append(Diagnostic(path, span, "KC001", "error", f"SyntaxError: {err}"))
            lines = [""] * len(lines)
        for index, line in enumerate(lines, start=1):
            source_lines.append(line)
            places.append((number, index))
    return Notebook("\n".join(source_lines) + "\n", tuple(places), tuple(diagnostics))
