"""What an analysis produces: the values that flow from the engine to the reporters.

Frozen dataclasses only; no syntax and no Keras in here.  Dimensions and
counts use the engine's conventions: ``None`` is a dimension Keras itself
prints as ``None``, :data:`~kerascheck.engine.dims.UNKNOWN` is what could not be
resolved statically.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, order=True)
class Span:
    """A source range, 1-based lines and columns (end column exclusive)."""

    line: int
    column: int
    end_line: int
    end_column: int
    cell: int | None = None  # in a notebook: the cell (from 1), and lines count within it


@dataclass(frozen=True)
class CallSite:
    """One call of a layer (``layers.Dense(8)(x)``, or the build of a Sequential's layer)."""

    span: Span | None  # the whole call expression; for a Sequential's layers, the constructor
    output: Any  # a shape tuple, a list of shapes, or UNKNOWN
    explanations: tuple[str, ...] = ()  # the output shape's formulas for this call


@dataclass(frozen=True)
class LayerRow:
    """One row of ``model.summary()``."""

    name: Any  # str, or UNKNOWN
    class_name: str
    output: Any  # a shape tuple, a list of shapes, UNKNOWN, or Keras 2's "multiple"; unbuilt rows use UNKNOWN
    params: Any  # int or UNKNOWN
    trainable_params: Any
    non_trainable_params: Any
    built: bool = True
    connected_to: tuple[str, ...] = ()
    explanations: tuple[str, ...] = ()  # the last call's shape formulas, then the weights'
    span: Span | None = None  # the constructor call
    nested: ModelSummary | None = None  # a model used as a layer: its own summary (for graphs)
    calls: tuple[CallSite, ...] = ()  # every call of the layer, in order
    param_explanations: tuple[str, ...] = ()  # the weights' formulas alone


@dataclass(frozen=True)
class ModelSummary:
    """A predicted ``model.summary()``."""

    path: str
    span: Span | None
    variable: str | None
    name: Any
    kind: str  # "sequential" | "functional" | "subclassed"
    rows: tuple[LayerRow, ...]
    total_params: Any
    trainable_params: Any
    non_trainable_params: Any
    total_bytes: Any
    trainable_bytes: Any
    non_trainable_bytes: Any
    show_connections: bool = False
    keras_version: int = 3  # whose summary() this predicts
    built: Any = True  # False: a Sequential with no input (Keras 2's summary() raises); or UNKNOWN
    # A functional model that does not build (an error on the way from its inputs to its
    # outputs): the layers that do, with their connections, then the failing calls' layers
    # (not built); what a graph of it can still draw.  Not part of summary().
    partial: tuple[LayerRow, ...] = ()
    # A trained model (Keras 3): its optimizer's variables, counted in the total; None before training.
    optimizer_params: Any = None
    optimizer_bytes: Any = None
    # Made by code the program may run any number of times, or never (a loop whose rounds are not
    # known, a factory no one calls): the summary stands for every model made there.
    speculative: bool = False


@dataclass(frozen=True)
class Fix:
    """A safe rewrite of one call's keyword arguments that removes a diagnostic."""

    description: str
    target: Span  # the call to rewrite
    set_keywords: tuple[tuple[str, str], ...] = ()  # keyword, Python source of its value
    rename_keywords: tuple[tuple[str, str], ...] = ()  # old keyword, new keyword
    drop_keywords: tuple[str, ...] = ()
    # Put a Flatten in front of the target's input: "argument" wraps the input of a layer call
    # (`Dense(8)(Flatten()(x))`), "element" inserts `Flatten()` before it in a Sequential's list.
    insert_flatten: str = ""
    # Replace nodes by new source: (the node's span, its libcst class name, the new source). The
    # migration fixes rewrite import paths, method calls and arguments this way.
    replacements: tuple[tuple[Span, str, str], ...] = ()
    # Positional arguments gathered into one tuple: (index of the first, how many). Keras 1's
    # `Conv2D(32, 3, 3)` → `Conv2D(32, (3, 3))`.
    merge_positional: tuple[int, ...] = ()


@dataclass(frozen=True)
class Diagnostic:
    path: str
    span: Span
    code: str
    severity: str  # "error" | "warning"
    message: str
    fix: Fix | None = None


@dataclass(frozen=True)
class DataBinding:
    """An array or dataset the analysed file binds to ``name`` in an assignment whose value is
    at ``span``: what an editor shows on the name (``(60000, 28, 28) uint8``, and where that
    shape was made)."""

    name: str
    span: Span
    shape: str  # "(60000, 28, 28) uint8", or a dataset's element
    origin: str  # "mnist.load_data() at line 6", or ""


@dataclass(frozen=True)
class FileResult:
    path: str
    summaries: tuple[ModelSummary, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = ()
    skipped: bool = False  # never mentions keras: read and scanned only
    layers: tuple[LayerRow, ...] = ()  # for editors, when asked: every layer constructed, in program order
    notes: tuple[str, ...] = field(default=())
    data: tuple["DataBinding", ...] = ()  # for editors: the arrays the file binds to names (not cached)
