"""Data as the engine sees it: the shape and dtype of an array, never its values.

An :class:`ArraySpec` is what kerascheck knows of a NumPy array, a tensor given as data, or
one element of a dataset: its shape (a tuple of dimensions, a
:class:`~kerascheck.engine.dims.PartialShape`, or :data:`~kerascheck.engine.dims.UNKNOWN`;
dimension ``0`` is the sample axis of data given to ``fit``), its dtype (a NumPy dtype name
such as ``"uint8"`` or ``"float32"``, or :data:`UNKNOWN`), and where that shape came from
(``origin``: a short description and the position of the call that made it, so that a
diagnostic can say *"x_train: (60000, 28, 28) from load_data() at line 3"*).

The engine checks where data meets a model (``fit``, ``evaluate``, ``predict``, the losses)
are pure functions of these specs and the model's input and output shapes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from kerascheck.engine.dims import UNKNOWN, format_shape


@dataclass(frozen=True)
class DataOrigin:
    """Where a data shape was made: ``what`` (``"load_data()"``, ``"reshape"``, ``"np.zeros"``) at a
    1-based ``line`` and 0-based ``column`` of the analysed file.

    The front-end makes origins while it interprets, before positions are known: it gives the
    syntax ``node`` of the call and ``line`` 0, and :meth:`located` fills the position in."""

    what: str
    line: int
    column: int
    node: Any = field(default=None, compare=False, repr=False)

    def located(self, span_of: Any) -> "DataOrigin":
        """This origin with its line and column read from ``span_of(node)`` (a Span or None)."""
        if self.line or self.node is None:
            return self
        span = span_of(self.node)
        return self if span is None else DataOrigin(self.what, span.line, span.column - 1, self.node)

    def describe(self) -> str:
        """``"load_data() at line 3"``."""
        return f"{self.what} at line {self.line}" if self.line else self.what


@dataclass(frozen=True)
class ArraySpec:
    """The shape and dtype of an array (see the module docstring)."""

    shape: Any = UNKNOWN
    dtype: Any = UNKNOWN
    origin: DataOrigin | None = None

    def describe(self) -> str:
        """``"(60000, 28, 28) uint8"`` (``?`` where unknown)."""
        shape = format_data_shape(self.shape)
        return f"{shape} {self.dtype}" if isinstance(self.dtype, str) else shape


def format_data_shape(shape: Any) -> str:
    """A data shape as NumPy prints it (``(60000,)``), ``?`` for what is not known."""
    if isinstance(shape, tuple) and len(shape) == 1:
        return f"({'?' if shape[0] is UNKNOWN else shape[0]},)"
    return format_shape(shape)

