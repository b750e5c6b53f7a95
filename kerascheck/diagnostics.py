"""From proven errors and lint findings to diagnostics: codes, messages, suppressions.

A message says what Keras would say *and* why: which layer, the shape it
received and where that shape came from, then Keras's own words.
"""

from __future__ import annotations

from typing import Any, Callable

from kerascheck.config import Settings
from kerascheck.engine.dims import UNKNOWN, format_shape
from kerascheck.engine.runtime import EngineError, KerasTensor, Session
from kerascheck.knowledge.keras2_messages import keras2_message
from kerascheck.results import DataBinding, Diagnostic, Fix, Span
from kerascheck.rules import ALL_RULES, RULE_FOR_ENGINE_KIND, RULES_BY_CODE
from kerascheck.suppression import SKIP_FILE, finalize  # noqa: F401  (re-exported)

SpanOf = Callable[[Any], "Span | None"]


def _name(value: Any) -> str:
    return "?" if value is UNKNOWN else f"'{value}'"


def _from(layer: Any, span_of: SpanOf) -> str:
    span = span_of(layer.origin)
    where = f" at line {span.line}" if span else ""
    text = f"{layer.class_name} {_name(layer.name)}{where}"
    rule = layer.rule
    if rule is not None and rule.args.get("return_sequences") is False:
        text += " (return_sequences=False)"
    return text


def _source(tensor: KerasTensor, span_of: SpanOf) -> str:
    """`` from Dropout 'dropout' at line 12``, and where a layer that keeps the shape passed
    the tensor on from a recurrent layer, that one: ``, the output of LSTM 'lstm' at line 11
    (return_sequences=False)``."""
    if tensor.layer is None:
        return ""
    text = f" from {_from(tensor.layer, span_of)}"
    origin = _through_shape_preserving(tensor)
    if origin is not tensor and origin.layer is not None and origin.layer.class_name in RECURRENT_LAYERS:
        text += f", the output of {_from(origin.layer, span_of)}"
    return text


# Layers whose output has the shape of their input, whatever its rank: a recurrent layer's
# output reaches the next one through them unchanged (LSTM → Dropout → LSTM).
_SHAPE_PRESERVING = frozenset({
    "Dropout", "GaussianNoise", "GaussianDropout", "AlphaDropout", "ActivityRegularization", "Activation",
    "ReLU", "LeakyReLU", "ELU", "Softmax", "BatchNormalization", "LayerNormalization", "UnitNormalization",
})


def _through_shape_preserving(tensor: KerasTensor) -> KerasTensor:
    """The tensor that ``tensor`` is, before the shape-preserving layers it went through."""
    while tensor.layer is not None and tensor.layer.class_name in _SHAPE_PRESERVING:
        node = tensor.node
        if len(node.inputs) != 1 or node.inputs[0].shape != tensor.shape:
            break
        tensor = node.inputs[0]
    return tensor


def describe(error: EngineError, span_of: SpanOf, keras_version: int = 3) -> str:
    """The diagnostic message for an engine error: what kerascheck found, then Keras's own
    words (under ``keras_version`` 2, tf-keras's, where they are known)."""
    if error.data:
        return _with_data_sources(error, span_of)
    words: str | None = error.message
    if keras_version == 2:
        words = keras2_message(error.message)
    context = ""
    if error.traced is not None and words is not None:
        context, words = _traced(error.traced, words, span_of)
    layer = error.layer
    if layer is None:
        if words is None:
            return "Keras 2 raises here (its words for this error are not recorded)"
        return f"In {context.removeprefix(', in ')}: {words}" if context else words
    # An operation inside a traced call() runs on backend tensors: no Operation, no name.
    who = layer.name if layer.is_operation and error.traced is not None else f"{layer.class_name} {_name(layer.name)}"
    if not error.inputs:
        if words is None:
            return f"{who}: Keras 2 raises here (its words for this error are not recorded)"
        return f"{who}{context}: {words}"
    received = " and ".join(
        f"{format_shape(t.shape)}{_source(t, span_of)}" for t in error.inputs
    )
    quote = f" Keras: {words}" if words is not None else ""
    if error.kind == "rank" and error.expected:
        return f"{who} expects {error.expected} but gets {received}{context}.{quote}"
    return f"{who} gets {received}{context}.{quote}"


def _traced(traced: tuple[Any, Any], words: str, span_of: SpanOf) -> tuple[str, str]:
    """Where an error inside a traced ``call()`` happens (``, in the call() of Block 'block'
    called at line 25``) and Keras 3's words for it: ``Layer.__call__`` wraps the error of the
    outermost layer it traces to infer the output."""
    layer, origin = traced
    span = span_of(origin)
    where = f" called at line {span.line}" if span else ""
    context = f", in the call() of {layer.class_name} {_name(layer.name)}{where}"
    name = "?" if layer.name is UNKNOWN else layer.name
    wrapped = (
        f"Could not automatically infer the output shape / dtype of '{name}' (of type {layer.class_name}). "
        f"[…] Error encountered: {words}"
    )
    return context, wrapped


def _with_data_sources(error: EngineError, span_of: SpanOf) -> str:
    """A data check's message, each array named with its shape, dtype and where that shape was made
    (``x_train (60000, 28, 28) uint8 from mnist.load_data() at line 3``)."""
    message = error.message
    for index, (label, spec) in enumerate(error.data):
        origin = spec.origin.located(span_of) if spec.origin is not None else None
        where = f" from {origin.describe()}" if origin is not None else ""
        message = message.replace(f"\x00{index}\x00", f"{label} {spec.describe()}{where}")
    return message


RECURRENT_LAYERS = frozenset({"LSTM", "GRU", "SimpleRNN", "RNN"})


def fix_for(error: EngineError, span_of: SpanOf) -> Fix | None:
    """The one safe rewrite that removes this error, where there is one."""
    span = span_of(error.origin)
    if error.rewrite is not None:
        return _rewrite_fix(error.rewrite, span)
    if error.kind == "keras2_api" and span is not None and error.keywords:
        renames = tuple((k, k + "s") for k in error.keywords)
        return Fix("use inputs= and outputs=", span, rename_keywords=renames)
    if error.kind == "deprecated_argument" and span is not None and error.keywords:
        return Fix(f"drop {error.keywords[0]}= (Keras 3 ignores it)", span, drop_keywords=error.keywords)
    if error.kind == "rank" and error.layer is not None and error.layer.class_name in RECURRENT_LAYERS:
        origins = [_through_shape_preserving(t) for t in error.inputs]
        sources = [t.layer for t in origins if t.layer is not None]
        if len(sources) == 1 and sources[0].class_name in RECURRENT_LAYERS and sources[0].rule is not None:
            source = sources[0]
            source_span = span_of(source.origin)
            if source.rule.args.get("return_sequences") is False and source_span is not None:
                return Fix(
                    f"return the whole sequence from {source.class_name} {_name(source.name)}",
                    source_span,
                    set_keywords=(("return_sequences", "True"),),
                )
    if error.kind in ("rank", "merge"):
        return _flatten_fix(error, span_of)
    return None


def _rewrite_fix(rewrite: Any, span: Span | None) -> Fix | None:
    """A Keras 2 call's fix (:attr:`EngineError.rewrite`) on the call at ``span``."""
    if span is None:
        return None
    if rewrite[0] == "rename":
        renames = tuple(rewrite[1])
        return Fix("use " + ", ".join(f"{new}=" for _, new in renames), span, rename_keywords=renames)
    if rewrite[0] == "set":
        _, description, settings = rewrite
        return Fix(description, span, set_keywords=tuple(settings))
    _, description, text = rewrite
    return Fix(description, span, replacements=((span, "Call", text),))


# Layers that keep the rank of their input and act on its last axis: a Dense stacked on a
# feature map through these still sees the feature map.
_LAST_AXIS_LAYERS = frozenset({"Dense", "Dropout", "Activation", "ReLU", "LeakyReLU", "BatchNormalization"})


def _flatten_fix(error: EngineError, span_of: SpanOf) -> Fix | None:
    """A Dense applied to a feature map whose result must be 2-D (a layer that wants a 2-D input,
    or a merge with a 2-D tensor): the Dense was meant to see it flattened.  Only then, and
    only for the one Dense that first received the feature map."""
    ranks = [len(t.shape) if isinstance(t.shape, tuple) else None for t in error.inputs]
    if None in ranks or not ranks:
        return None
    if error.kind == "rank":
        if error.expected != "a 2-D input" or len(ranks) != 1 or ranks[0] < 3:
            return None
        offending = error.inputs[0]
    else:
        high = [t for t, r in zip(error.inputs, ranks) if r >= 3]
        if 2 not in ranks or len(high) != 1:
            return None
        offending = high[0]
    dense = None
    tensor = offending
    while tensor.layer is not None and tensor.layer.class_name in _LAST_AXIS_LAYERS:
        node = tensor.node
        if len(node.inputs) != 1:
            return None
        if tensor.layer.class_name == "Dense":
            dense = (tensor.layer, node)
        tensor = node.inputs[0]
    if dense is None or len(dense[0].inbound_nodes) + dense[0].skipped_nodes != 1:
        return None
    layer, node = dense
    functional = node.origin is not layer.origin
    target = span_of(node.origin if functional else layer.origin)
    if target is None:
        return None
    return Fix(
        f"flatten the feature map before Dense {_name(layer.name)}",
        target,
        insert_flatten="argument" if functional else "element",
    )


def collect(
    session: Session, settings: Settings, path: str, span_of: SpanOf, tree: Any = None, source: str = ""
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
        fix = fix_for(error, span_of)
        message = describe(error, span_of, session.keras_version)
        found.append(Diagnostic(path, span, rule.code, rule.severity, message, fix))
    for rule in ALL_RULES:
        for finding in rule().check(session, settings):
            span = span_of(finding.origin) or Span(1, 1, 1, 1)
            found.append(Diagnostic(path, span, rule.code, rule.severity, finding.message))
    if tree is not None and settings.keras_version == 3:
        found = _with_migration(found, tree, source, path)
    return found


def _with_migration(found: list[Diagnostic], tree: Any, source: str, path: str) -> list[Diagnostic]:
    """The Keras 2 API the file's syntax shows (KC31x, KC302): a Keras 2 keyword on a layer, or
    Keras 1's positional kernel sizes that Keras 3 rejects, replaces the engine's KC201 at the
    same call."""
    from kerascheck.frontend.migration import migration_findings

    findings = migration_findings(tree, source)
    keyword_calls = {f.span for f in findings if f.code == "KC312" or f.code == "KC317" and f.severity == "error"}
    kept = [d for d in found if not (d.code == "KC201" and d.span in keyword_calls)]
    return kept + [Diagnostic(path, f.span, f.code, f.severity, f.message, f.fix) for f in findings]


def data_bindings(session: Session, span_of: SpanOf) -> tuple[DataBinding, ...]:
    """The data the file binds, placed (an assignment whose value has no position is left out)."""
    from kerascheck.engine.data import ArraySpec, format_data_shape

    found = []
    for name, node, described in session.data_bindings:
        span = span_of(node)
        if span is None:
            continue
        if isinstance(described, ArraySpec):
            origin = described.origin.located(span_of).describe() if described.origin is not None else ""
            found.append(DataBinding(name, span, described.describe(), origin))
        else:  # a dataset: its element's shapes
            found.append(DataBinding(name, span, "dataset of " + _element_text(described.element, format_data_shape),
                                     ""))
    return tuple(found)


def _element_text(element: Any, format_data_shape: Callable[[Any], str]) -> str:
    spec = getattr(element, "spec", None)
    if spec is not None:
        return spec.describe()
    if isinstance(element, tuple):
        return "(" + ", ".join(_element_text(e, format_data_shape) for e in element) + ")"
    if isinstance(element, dict):
        return "{" + ", ".join(f"{k!r}: {_element_text(v, format_data_shape)}" for k, v in element.items()) + "}"
    return "?"
