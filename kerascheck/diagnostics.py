"""Turn the errors the engine proved into diagnostics with stable codes."""

from __future__ import annotations

from typing import Any, Callable, Iterable

from kerascheck.engine.runtime import EngineError
from kerascheck.results import Diagnostic, Span

# engine error kind -> (code, severity)
CODES: dict[str, tuple[str, str]] = {
    "rank": ("KC101", "error"),
    "merge": ("KC102", "error"),
    "nonpositive": ("KC103", "error"),
    "reshape": ("KC104", "error"),
    "undefined_dim": ("KC105", "error"),
    "graph": ("KC106", "error"),
    "axis": ("KC107", "error"),
    "config": ("KC201", "error"),
    "keras2_api": ("KC301", "error"),
}


def diagnostics_from_engine(
    errors: Iterable[EngineError], path: str, span_of: Callable[[Any], Span | None]
) -> list[Diagnostic]:
    result: list[Diagnostic] = []
    seen: set[tuple[Any, ...]] = set()
    for error in errors:
        code, severity = CODES.get(error.kind, ("KC201", "error"))
        span = span_of(error.origin) or Span(1, 1, 1, 1)
        key = (span, code, error.message)
        if key in seen:
            continue
        seen.add(key)
        result.append(Diagnostic(path, span, code, severity, error.message))
    return sorted(result, key=lambda d: (d.span.line, d.span.column, d.code))
