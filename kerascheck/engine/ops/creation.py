"""Tensors made from arguments that are themselves symbolic (``keras/src/ops/numpy.py``): ``full``
with a symbolic fill value, evenly spaced values between symbolic bounds.  (``arange``, ``zeros``,
``eye``… make no operation: see ``kerascheck/knowledge/keras_ops.py``.)"""

from __future__ import annotations

import math
from typing import Any

from kerascheck.engine.dims import UNKNOWN
from kerascheck.engine.layer import LayerError
from kerascheck.engine.operations import register_op
from kerascheck.engine.ops.base import Op, broadcast_shapes, canonicalize_axis, keras_shape


@register_op("Full")
class Full(Op):
    """``keras.ops.full(shape, fill_value)``: ``shape``."""

    def spec(self, fill_value: Any) -> Any:
        return tuple(self.shape)

    def output_dtype(self, input_dtypes: list[Any]) -> Any:
        return self.args.get("dtype") or "float32"


@register_op("Linspace", "Logspace", "Geomspace")
class Linspace(Op):
    """``keras.ops.linspace(start, stop, num=50, axis=0)``: the bounds broadcast, with an axis of
    ``num`` inserted at ``axis``."""

    def spec(self, start: Any, stop: Any) -> Any:
        shape = broadcast_shapes(keras_shape(start), keras_shape(stop))
        axis = canonicalize_axis(self.axis, len(shape) + 1)
        shape.insert(axis, self.num)
        if self.args.get("retstep"):
            raise LayerError("All operation outputs must be tensors.", "config")
        return tuple(shape)


# ``keras.ops`` functions that make a backend array from Python numbers (no operation, no name):
# the array's shape and dtype, as the backend makes it (floatx is float32; ``arange`` of ints is int32).
def _dims(shape: Any) -> tuple[int, ...] | None:
    shape = (shape,) if type(shape) is int else shape
    if isinstance(shape, (tuple, list)) and all(type(d) is int and d >= 0 for d in shape):
        return tuple(shape)
    return None


def _number(value: Any) -> bool:
    return type(value) in (int, float)


def _dtype(given: Any, default: str) -> Any:
    if given is None:
        return default
    return given if isinstance(given, str) else UNKNOWN


def _arange(start: Any, stop: Any = None, step: Any = None, dtype: Any = None) -> Any:
    """``arange(start, stop=None, step=1)``: ``ceil((stop - start) / step)`` values (``range(start)``
    when ``stop`` is None)."""
    start, stop = (0, start) if stop is None else (start, stop)
    step = 1 if step is None else step
    if not (_number(start) and _number(stop) and _number(step)) or step == 0:
        return None
    integral = all(type(v) is int for v in (start, stop, step))
    return (max(0, math.ceil((stop - start) / step)),), _dtype(dtype, "int32" if integral else "float32")


def _filled(shape: Any, dtype: Any = None, fill_value: Any = 0) -> Any:
    dims = _dims(shape)
    return None if dims is None or not _number(fill_value) else (dims, _dtype(dtype, "float32"))


def _matrix(n: Any, m: Any = None, k: Any = 0, dtype: Any = None) -> Any:
    """``eye(N, M=None, k=0)`` / ``tri(N, M=None, k=0)``: ``(N, M)``, M defaulting to N."""
    m = n if m is None else m
    if not (type(n) is int and type(m) is int and n >= 0 and m >= 0):
        return None
    return (n, m), _dtype(dtype, "float32")


def _window(x: Any, *_: Any) -> Any:
    """``hamming(x)``, ``kaiser(x, beta)``…: ``x`` values."""
    return ((x,), "float32") if type(x) is int and x >= 0 else None


CREATED_ARRAYS = {
    "arange": lambda b: _arange(b["start"], b.get("stop"), b.get("step"), b.get("dtype")),
    "zeros": lambda b: _filled(b["shape"], b.get("dtype")),
    "ones": lambda b: _filled(b["shape"], b.get("dtype")),
    "empty": lambda b: _filled(b["shape"], b.get("dtype")),
    "full": lambda b: _filled(b["shape"], b.get("dtype"), b["fill_value"]),
    "eye": lambda b: _matrix(b["N"], b.get("M"), b.get("k", 0), b.get("dtype")),
    "identity": lambda b: _matrix(b["n"], None, 0, b.get("dtype")),
    "tri": lambda b: _matrix(b["N"], b.get("M"), b.get("k", 0), b.get("dtype")),
    **{name: (lambda b: _window(b["x"])) for name in ("bartlett", "blackman", "hamming", "hanning", "kaiser")},
}


def created_array(function: str, bound: dict[str, Any]) -> tuple[tuple[int, ...], Any] | None:
    """The shape and dtype of the array ``keras.ops.<function>(**bound)`` makes from Python
    numbers, or None (not such a function, or an argument that is not a known number)."""
    make = CREATED_ARRAYS.get(function)
    try:
        return make(bound) if make is not None else None
    except (KeyError, TypeError, ValueError, OverflowError):
        return None


def traced_shape(shape: Any) -> tuple | None:
    """A shape given inside a traced call that holds a dimension the data decides (None:
    ``(ops.shape(x)[0], 4)``): the backend traces it with that dimension as it traces the
    inputs, and the array made has it as None; None for anything else."""
    if not isinstance(shape, (tuple, list)) or not any(d is None for d in shape):
        return None  # (identity: a dimension not known is no None, and comparing it decides nothing)
    if not all(d is None or type(d) is int and d >= 0 for d in shape):
        return None
    return tuple(shape)


# ``keras.random`` functions that draw an array of a given shape: their parameters in order, and
# the dtype they draw by default.
RANDOM_ARRAYS = {
    "normal": (("shape", "mean", "stddev", "dtype", "seed"), "float32"),
    "uniform": (("shape", "minval", "maxval", "dtype", "seed"), "float32"),
    "truncated_normal": (("shape", "mean", "stddev", "dtype", "seed"), "float32"),
    "randint": (("shape", "minval", "maxval", "dtype", "seed"), "int32"),
}


def random_array(function: str, args: list[Any], kwargs: dict[str, Any]) -> tuple[tuple, Any] | None:
    """The shape (None where a traced dimension is) and dtype of ``keras.random.<function>(...)``;
    None when not known (an argument not bound, a shape not known)."""
    found = RANDOM_ARRAYS.get(function)
    if found is None:
        return None
    parameters, default = found
    if len(args) > len(parameters) or set(kwargs) - set(parameters):
        return None
    bound = {**dict(zip(parameters, args)), **kwargs}
    shape = bound.get("shape")
    dims = _dims(shape) if traced_shape(shape) is None else traced_shape(shape)
    if dims is None:
        return None
    return tuple(dims), _dtype(bound.get("dtype"), default)
