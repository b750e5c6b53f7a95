"""SARIF 2.1.0, as GitHub code scanning accepts it."""

from __future__ import annotations

import json
import textwrap
from pathlib import PurePath

from kerascheck import __version__
from kerascheck.edits import Edit, edits_by_diagnostic
from kerascheck.results import FileResult
from kerascheck.rules import ALL_RULES, render_doc

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {"error": "error", "warning": "warning"}


def _text(value: str) -> str:
    return " ".join(textwrap.dedent(value).split())


def _fix(description: str, path: str, edits: tuple[Edit, ...]) -> dict:
    """A SARIF ``fix``: the replacements ``--fix`` makes (an empty deleted region inserts)."""
    replacements = [
        {
            "deletedRegion": {
                "startLine": e.span.line,
                "startColumn": e.span.column,
                "endLine": e.span.end_line,
                "endColumn": e.span.end_column,
            },
            "insertedContent": {"text": e.content},
        }
        for e in edits
    ]
    return {
        "description": {"text": description},
        "artifactChanges": [{"artifactLocation": {"uri": PurePath(path).as_posix()}, "replacements": replacements}],
    }


def render(results: list[FileResult]) -> str:
    rules = [
        {
            "id": rule.code,
            "name": rule.name,
            "shortDescription": {"text": _text(rule.summary)},
            "fullDescription": {"text": _text(rule.why)},
            "help": {"text": _text(rule.summary) + " " + _text(rule.why), "markdown": render_doc(rule)},
            "defaultConfiguration": {"level": _LEVEL[rule.severity]},
        }
        for rule in ALL_RULES
    ]
    index = {rule.code: i for i, rule in enumerate(ALL_RULES)}
    edits = edits_by_diagnostic(results)
    sarif_results = []
    for result in results:
        for d in result.diagnostics:
            region = {
                "startLine": d.span.line,
                "startColumn": d.span.column,
                "endLine": max(d.span.end_line, d.span.line),
                "endColumn": d.span.end_column if d.span.end_line > d.span.line else max(d.span.end_column, d.span.column),
            }
            location: dict = {
                "physicalLocation": {
                    "artifactLocation": {"uri": PurePath(d.path).as_posix()},
                    "region": region,
                }
            }
            if d.span.cell is not None:
                # In a notebook the region counts lines within the cell named here.
                location["logicalLocations"] = [{"name": f"cell {d.span.cell}", "kind": "notebookCell"}]
                location["properties"] = {"cell": d.span.cell}
            sarif_result = {
                "ruleId": d.code,
                "ruleIndex": index[d.code],
                "level": _LEVEL[d.severity],
                "message": {"text": d.message},
                "locations": [location],
            }
            fix_edits = edits.get(id(d))
            if d.fix is not None and fix_edits:
                sarif_result["fixes"] = [_fix(d.fix.description, d.path, fix_edits)]
            sarif_results.append(sarif_result)
    document = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": {"name": "kerascheck", "version": __version__, "rules": rules}},
                "columnKind": "unicodeCodePoints",
                "results": sarif_results,
            }
        ],
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
