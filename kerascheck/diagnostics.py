"""From proven errors and lint findings to diagnostics: codes, messages, suppressions.

A message says what Keras would say *and* why: which layer, the shape it
received and where that shape came from, then Keras's own words.
"""

from __future__ import annotations

from typing import Any, Callable

from kerascheck.config import Settings
from kerascheck.engine.dims import UNKNOWN, format_shape
from kerascheck.engine.runtime import EngineError, KerasTensor, Session
from kerascheck.results import Diagnostic, Span
from kerascheck.rules import ALL_RULES, RULE_FOR_ENGINE_KIND, RULES_BY_CODE
from kerascheck.suppression import SKIP_FILE, finalize  # noqa: F401  (re-exported)

SpanOf = Callable[[Any], "Span | None"]


def _name(value: Any) -> str:
    return "?" if value is UNKNOWN else f"'{value}'"


def _source(tensor: KerasTensor, span_of: SpanOf) -> str:
    layer = tensor.layer
    if layer is None:
        return ""
    span = span_of(layer.origin)
    where = f" at line {span.line}" if span else ""
    text = f" from {layer.class_name} {_name(layer.name)}{where}"
    rule = layer.rule
    if rule is not None and rule.args.get("return_sequences") is False:
        text += " (return_sequences=False)"
    return text


def describe(error: EngineError, span_of: SpanOf) -> str:
    """The diagnostic message for an engine error."""
    layer = error.layer
    if layer is None:
        return error.message
    who = f"{layer.class_name} {_name(layer.name)}"
    if not error.inputs:
        return f"{who}: {error.message}"
    received = " and ".join(
        f"{format_shape(t.shape)}{_source(t, span_of)}" for t in error.inputs
    )
    if error.kind == "rank" and error.expected:
        return f"{who} expects {error.expected} but gets {received}. Keras: {error.message}"
    return f"{who} gets {received}. Keras: {error.message}"


def collect(
    session: Session, settings: Settings, path: str, span_of: SpanOf
) -> list[Diagnostic]:
    """Diagnostics for one analysed file, before selection and suppression comments.

    Every lint rule runs, selected or not: what a file contains then depends only on its
    code and the thresholds (:meth:`Settings.analysis_key`), so the result cache can keep
    it whatever rules the next run selects; :func:`finalize` applies the selection.
    """
    found: list[Diagnostic] = []
    for error in session.errors:
        if error.speculative:
            continue
        rule = RULE_FOR_ENGINE_KIND.get(error.kind, RULES_BY_CODE["KC201"])
        span = span_of(error.origin) or Span(1, 1, 1, 1)
        found.append(Diagnostic(path, span, rule.code, rule.severity, describe(error, span_of)))
    for rule in ALL_RULES:
        for finding in rule().check(session, settings):
            span = span_of(finding.origin) or Span(1, 1, 1, 1)
            found.append(Diagnostic(path, span, rule.code, rule.severity, finding.message))
    return found
