"""The JSON contract of ``kerascheck --format json`` (``version`` 1)."""

from __future__ import annotations

import json
from typing import Any

from kerascheck.edits import Edit, edits_by_diagnostic
from kerascheck.engine.dims import UNKNOWN, UNKNOWN_DIMS, PartialShape
from kerascheck.results import Diagnostic, FileResult, LayerRow, ModelSummary

JSON_VERSION = 1


def _dim(value: Any) -> Any:
    return "?" if value is UNKNOWN else value


def _shape(output: Any) -> Any:
    if isinstance(output, str):
        return output  # Keras 2's "multiple"
    if output is UNKNOWN:
        return "?"
    if isinstance(output, list):
        return [_shape(o) for o in output]
    if isinstance(output, PartialShape):
        # A shape of unknown rank: its known first and last dimensions around "?...".
        return [*map(_dim, output.head), UNKNOWN_DIMS, *map(_dim, output.tail)]
    return [_dim(d) for d in output]


def _count(value: Any) -> Any:
    return None if value is UNKNOWN else value


def _name(value: Any) -> Any:
    return None if value is UNKNOWN else value


def layer_json(row: LayerRow, explain: bool) -> dict[str, Any]:
    data: dict[str, Any] = {
        "name": _name(row.name),
        "class": row.class_name,
        "line": row.span.line if row.span else None,
        "column": row.span.column if row.span else None,
        "output_shape": _shape(row.output) if row.built else "?",
        "params": _count(row.params),
        "trainable_params": _count(row.trainable_params),
        "non_trainable_params": _count(row.non_trainable_params),
    }
    if row.span is not None and row.span.cell is not None:
        data["cell"] = row.span.cell
    if not row.built:
        data["built"] = False
    if row.connected_to:
        data["connected_to"] = list(row.connected_to)
    if explain:
        data["explanation"] = list(row.explanations)
    return data


def model_json(summary: ModelSummary, explain: bool = False) -> dict[str, Any]:
    data = {
        "path": summary.path,
        "line": summary.span.line if summary.span else None,
        "column": summary.span.column if summary.span else None,
        "variable": summary.variable,
        "name": _name(summary.name),
        "kind": summary.kind,
        "layers": [layer_json(row, explain) for row in summary.rows],
        "total_params": _count(summary.total_params),
        "trainable_params": _count(summary.trainable_params),
        "non_trainable_params": _count(summary.non_trainable_params),
    }
    if summary.optimizer_params is not None:  # trained: counted in total_params
        data["optimizer_params"] = _count(summary.optimizer_params)
    if summary.speculative:  # made by code that may run any number of times, or never
        data["speculative"] = True
    return _with_cell(data, summary.span)


def _with_cell(data: dict[str, Any], span: Any) -> dict[str, Any]:
    """In a notebook, ``cell`` (from 1) after ``path``: lines and columns count within that cell."""
    if span is None or span.cell is None:
        return data
    items = list(data.items())
    return dict(items[:1] + [("cell", span.cell)] + items[1:])


def edit_json(edit: Edit) -> dict[str, Any]:
    """``{"content", "line", "column", "end_line", "end_column"}``: 1-based, end column exclusive,
    as a diagnostic's own range."""
    span = edit.span
    return {
        "content": edit.content,
        "line": span.line,
        "column": span.column,
        "end_line": span.end_line,
        "end_column": span.end_column,
    }


def diagnostic_json(diagnostic: Diagnostic, edits: tuple[Edit, ...] | None = None) -> dict[str, Any]:
    span = diagnostic.span
    data = {
        "path": diagnostic.path,
        "line": span.line,
        "column": span.column,
        "end_line": span.end_line,
        "end_column": span.end_column,
        "code": diagnostic.code,
        "severity": diagnostic.severity,
        "message": diagnostic.message,
    }
    if diagnostic.fix is not None and edits:
        # What --fix applies: as ruff gives it, a description and the edits (one here).
        data["fix"] = {
            "description": diagnostic.fix.description,
            "applicability": "safe",
            "edits": [edit_json(e) for e in edits],
        }
    return _with_cell(data, span)


def render(results: list[FileResult], explain: bool = False) -> str:
    """Every model of ``results`` and every diagnostic, with the edits of each fix."""
    edits = edits_by_diagnostic(results)
    document = {
        "version": JSON_VERSION,
        "models": [model_json(s, explain) for r in results for s in r.summaries],
        "diagnostics": [diagnostic_json(d, edits.get(id(d))) for r in results for d in r.diagnostics],
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
