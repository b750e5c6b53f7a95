"""Dimensions and shapes as Keras prints them, plus the honest *unknown*.

A dimension is an ``int``, ``None`` (dynamic: Keras itself prints ``None``) or
:data:`UNKNOWN` (kerascheck could not resolve it statically).  A shape is a
tuple of dimensions, or :data:`UNKNOWN` when even its rank is not known.

:data:`UNKNOWN` absorbs arithmetic (``UNKNOWN + 1`` is ``UNKNOWN``) so that a
layer rule written like Keras's own ``compute_output_shape`` keeps whatever is
still known.  Anything that would *decide* on an unknown value (a comparison,
``bool()``, ``int()``) raises :class:`Unresolved` instead of guessing; the
engine then treats the layer's result as unknown.
"""

from __future__ import annotations

import math
from typing import Any, Iterable, Union


class Unresolved(Exception):
    """A decision depended on a value that could not be resolved statically."""


class _Unknown:
    __slots__ = ()
    _instance: "_Unknown | None" = None

    def __new__(cls) -> "_Unknown":
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "?"

    def __reduce__(self) -> str:
        return "UNKNOWN"

    def __hash__(self) -> int:
        return 0x3F

    def _absorb(self, *_: Any) -> "_Unknown":
        return self

    __add__ = __radd__ = __sub__ = __rsub__ = __mul__ = __rmul__ = _absorb
    __floordiv__ = __rfloordiv__ = __truediv__ = __rtruediv__ = _absorb
    __mod__ = __rmod__ = __pow__ = __rpow__ = __neg__ = __pos__ = _absorb

    def _undecidable(self, *_: Any) -> bool:
        raise Unresolved("a decision depends on an unresolved value")

    __eq__ = __ne__ = __lt__ = __le__ = __gt__ = __ge__ = _undecidable  # type: ignore[assignment]
    __bool__ = __index__ = __int__ = __float__ = _undecidable  # type: ignore[assignment]

    def __iter__(self):  # an unknown sequence cannot be unpacked
        raise Unresolved("iteration over an unresolved value")

    def __len__(self) -> int:
        raise Unresolved("length of an unresolved value")

    def __getitem__(self, _: Any) -> "_Unknown":
        return self


UNKNOWN = _Unknown()
"""The single unknown value (prints as ``?``)."""

Dim = Union[int, None, _Unknown]
Shape = Union[tuple, _Unknown]


def is_unknown(value: Any) -> bool:
    return value is UNKNOWN


def is_known(value: Any) -> bool:
    """True when ``value`` holds no :data:`UNKNOWN`, however deeply nested."""
    if value is UNKNOWN:
        return False
    if isinstance(value, (tuple, list)):
        for v in value:
            if v is UNKNOWN:
                return False
            if v is not None and type(v) is not int and not is_known(v):  # dims need no recursion
                return False
        return True
    if isinstance(value, dict):
        return all(is_known(v) for v in value.values())
    return True


def product(dims: Iterable[Dim]) -> Dim:
    """Product of dimensions: ``None`` if any is ``None``, else unknown if any is."""
    dims = list(dims)
    if any(d is None for d in dims):
        return None
    if any(d is UNKNOWN for d in dims):
        return UNKNOWN
    return math.prod(dims)  # type: ignore[arg-type]


def count(shape: Shape) -> Dim:
    """Number of scalars in a weight of ``shape`` (unknown when any dim is)."""
    if shape is UNKNOWN or any(d is UNKNOWN or d is None for d in shape):  # type: ignore[union-attr]
        return UNKNOWN
    return math.prod(shape)  # type: ignore[arg-type]


def format_dim(dim: Dim) -> str:
    if dim is UNKNOWN:
        return "?"
    return str(dim)


def format_shape(shape: Shape) -> str:
    """``(None, 148, 148, 16)`` as Keras prints it; ``?`` dims and ranks for unknowns."""
    if shape is UNKNOWN:
        return "?"
    # format_dim, inlined: every layer call formats shapes for its explanations.
    return "(" + ", ".join(["?" if d is UNKNOWN else str(d) for d in shape]) + ")"  # type: ignore[union-attr]


def format_output(output: Any) -> str:
    """A layer's output as ``summary()`` shows it: one shape, or a list of them."""
    if isinstance(output, list):
        return "[" + ", ".join(format_output(o) for o in output) + "]"
    return format_shape(output)
