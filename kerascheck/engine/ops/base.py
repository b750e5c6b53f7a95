"""What the operation rules share: the rule base class, and Keras's shape helpers
(``keras.src.ops.operation_utils``, ``keras.src.backend.common.backend_utils``) written once.

A rule mirrors its operation's ``compute_output_spec(*operands)`` in :meth:`Op.spec`, which
receives each operand's shape (a :class:`~kerascheck.engine.operations.Constant` for a Python
value or an array, None for None) and returns the output's shape, or a list of shapes.  Where Keras
raises, the rule raises :class:`~kerascheck.engine.layer.LayerError` with Keras's message; a
decision on an unknown dimension, rank or argument raises
:class:`~kerascheck.engine.dims.Unresolved` by itself, and the output is then unknown.
"""

from __future__ import annotations

import math
from typing import Any, ClassVar

from kerascheck.engine.dims import UNKNOWN, PartialShape, Unresolved, is_known
from kerascheck.engine.layer import LayerError
from kerascheck.engine.operations import Constant, OpRule
from kerascheck.engine.operation_utils import standardized_output_shape

# dtypes, as the rules model them (see Op.dtype)
SAME = "same"  # the first operand's
PROMOTED = "promoted"  # the operands', when they agree
FLOAT = "float"  # the first operand's when it is a float, float32 for smaller ints and bool
CONFIGURED = "configured"  # the ``dtype`` argument, else the first operand's
FLOAT_DTYPES = frozenset({"float16", "bfloat16", "float32", "float64"})
SMALL_INT_DTYPES = frozenset({"bool", "int8", "int16", "int32", "uint8", "uint16"})


class Op(OpRule):
    """An operation whose ``compute_output_spec`` is :meth:`spec`.

    ``dtype``: the output dtype (a dtype name, or one of SAME, PROMOTED, FLOAT, CONFIGURED; None
    where not modelled).  ``config_may_be_unknown``: the rule copes with arguments it cannot
    resolve itself (else any unresolved argument makes the output unknown).
    """

    dtype_rule: ClassVar[str | None] = None
    config_may_be_unknown: ClassVar[bool] = False
    outputs: ClassVar[int] = 1

    def compute_output_shape(self, input_shape: list) -> Any:
        if not self.config_may_be_unknown:
            require_known(dict(self.args))
        out = self.spec(*input_shape)
        if isinstance(out, list):
            return [standardize(s) for s in out]
        return standardize(out)

    def spec(self, *operands: Any) -> Any:
        raise NotImplementedError

    def output_count(self) -> Any:
        return self.outputs

    def output_dtype(self, input_dtypes: list[Any]) -> Any:
        rule = self.dtype_rule
        dtypes = self.operand_dtypes or input_dtypes
        first = dtypes[0] if dtypes else None
        if rule is None:
            return UNKNOWN
        if rule == SAME:
            return first if isinstance(first, str) else UNKNOWN
        if rule == CONFIGURED:
            configured = self.args.get("dtype")
            if configured is None:
                return first if isinstance(first, str) else UNKNOWN
            known = isinstance(configured, str) and configured in FLOAT_DTYPES | SMALL_INT_DTYPES
            return configured if known else UNKNOWN
        if rule == PROMOTED:
            known = [d for d in dtypes if d is not None]
            if known and all(isinstance(d, str) and d == known[0] for d in known):
                return known[0] if known[0] in FLOAT_DTYPES else UNKNOWN
            return UNKNOWN
        if not isinstance(first, str):
            return UNKNOWN
        if rule == FLOAT:
            if first in FLOAT_DTYPES:
                return first
            return "float32" if first in SMALL_INT_DTYPES else UNKNOWN
        return rule


def standardize(shape: Any) -> Any:
    """The shape of the ``KerasTensor`` Keras makes of ``shape`` (``standardize_shape``)."""
    if shape is UNKNOWN or isinstance(shape, PartialShape):
        return shape
    return standardized_output_shape(shape)


def require_known(*values: Any) -> None:
    """A decision on these values would read an unresolved one: the output is unknown."""
    for value in values:
        if not is_known(value):
            raise Unresolved("an operation's argument is unresolved")


# --------------------------------------------------------------------------- operands


def is_tensor(operand: Any) -> bool:
    """``isinstance(x, KerasTensor)``: an operand that is a symbolic tensor's shape (an unknown
    operand may be a tensor of unknown shape or a value not resolved: undecidable)."""
    if operand is UNKNOWN:
        raise Unresolved("an operand that may or may not be a tensor")
    return operand is not None and not isinstance(operand, Constant)


def keras_shape(operand: Any) -> Any:
    """``getattr(x, "shape", [])``: a Python number's or list's is ``()``."""
    if operand is None:
        return ()
    if isinstance(operand, Constant):
        return () if operand.python else operand.shape
    return operand


def numpy_shape(operand: Any) -> Any:
    """``np.array(x).shape``: a Python list's is its nesting."""
    return operand.shape if isinstance(operand, Constant) else keras_shape(operand)


def shape_attribute(operand: Any, attribute: str = "shape") -> Any:
    """``x.shape`` (or ``x.dtype``…), which Python constants do not have: Keras raises there."""
    if operand is None or isinstance(operand, Constant) and operand.python:
        kind = "NoneType" if operand is None else type(operand.value).__name__
        raise LayerError(f"'{kind}' object has no attribute '{attribute}'", "config")
    return operand.shape if isinstance(operand, Constant) else operand


def value_of(operand: Any) -> Any:
    """The value of a Python constant operand (UNKNOWN for a tensor or an array)."""
    return operand.value if isinstance(operand, Constant) and operand.python else UNKNOWN


def dims(shape: Any) -> list:
    """The dimensions of a shape of known rank, as a list."""
    if shape is UNKNOWN or isinstance(shape, PartialShape):
        raise Unresolved("the rank of a shape is unresolved")
    return list(shape)


def contains_none(shape: Any) -> bool:
    """``None in shape``, decided only when every dimension is resolved or one is None."""
    found = False
    for d in dims(shape):
        if d is None:
            return True
        if d is UNKNOWN:
            found = True
    if found:
        raise Unresolved("a dimension is unresolved")
    return False


def prod(values: Any) -> Any:
    """``math.prod`` of resolved dimensions."""
    values = list(values)
    require_known(values)
    return math.prod(values)


def is_int(value: Any) -> bool:
    """``isinstance(value, int)`` (bool included, as Python says)."""
    require_known(value)
    return isinstance(value, int)


# --------------------------------------------------------------------------- operation_utils


def canonicalize_axis(axis: Any, num_dims: Any) -> int:
    """``backend_utils.canonicalize_axis``."""
    require_known(axis, num_dims)
    if isinstance(axis, bool) or not isinstance(axis, int):
        raise Unresolved("an axis that is not an int")  # operator.index raises TypeError
    if not -num_dims <= axis < num_dims:
        raise LayerError(f"axis {axis} is out of bounds for an array with dimension {num_dims}.", "config")
    return axis % num_dims


def canonicalize_axes(axis: Any, num_dims: Any) -> tuple[int, ...]:
    if isinstance(axis, (tuple, list)):
        return tuple(canonicalize_axis(a, num_dims) for a in axis)
    return (canonicalize_axis(axis, num_dims),)


def broadcast_shapes(shape1: Any, shape2: Any) -> list:
    """``operation_utils.broadcast_shapes``: sizes of 1 stretch, None matches anything."""
    s1, s2 = dims(shape1), dims(shape2)
    origin1, origin2 = list(s1), list(s2)
    if len(s1) > len(s2):
        s2 = [1] * (len(s1) - len(s2)) + s2
    if len(s1) < len(s2):
        s1 = [1] * (len(s2) - len(s1)) + s1
    out = list(s1)
    for i, (a, b) in enumerate(zip(s1, s2)):
        if a == 1:
            out[i] = b
        elif a is None:
            out[i] = None if b == 1 else b
        elif b == 1 or b is None or b == a:
            out[i] = a
        else:
            raise LayerError(
                f"Cannot broadcast shape, the failure dim has value {a}, which cannot be broadcasted to {b}. "
                f"Input shapes are: {_list(origin1)} and {_list(origin2)}.",
                "merge",
            )
    return out


def _list(shape: list) -> str:
    return "[" + ", ".join(repr(d) for d in shape) + "]"


def reduce_shape(shape: Any, axis: Any = None, keepdims: Any = False) -> tuple:
    """``operation_utils.reduce_shape``: the reduced axes removed, or kept as 1s."""
    out = dims(shape)
    if axis is None:
        return tuple(1 for _ in out) if keepdims else ()
    if isinstance(axis, int):
        axis = (axis,)
    axes = tuple(canonicalize_axis(a, len(out)) for a in axis)
    if keepdims:
        for a in axes:
            out[a] = 1
        return tuple(out)
    for a in sorted(axes, reverse=True):
        del out[a]
    return tuple(out)


def shape_equal(shape1: Any, shape2: Any, axis: Any = None, allow_none: bool = True) -> bool:
    """``numpy.shape_equal``: equal but on ``axis``, a None matching anything."""
    s1, s2 = dims(shape1), dims(shape2)
    if len(s1) != len(s2):
        return False
    if axis is not None:
        for a in [axis] if isinstance(axis, int) else axis:
            s1[a] = -1
            s2[a] = -1
    if allow_none:
        for i in range(len(s1)):
            if s1[i] is None:
                s1[i] = s2[i]
            if s2[i] is None:
                s2[i] = s1[i]
    return s1 == s2


def flat_size(shape: Any) -> Any:
    """The number of elements, None when a dimension is None (``ravel``'s length)."""
    if contains_none(shape):
        return None
    return prod(dims(shape))


def split_outputs(x: Any, indices_or_sections: Any, axis: int) -> list:
    """``numpy._compute_split_output_spec``."""
    shape = dims(x)
    axis = canonicalize_axis(axis, len(shape))
    size = shape[axis]
    if isinstance(indices_or_sections, int):
        if size is None:
            shape[axis] = None
            return [tuple(shape)] * indices_or_sections
        if size % indices_or_sections != 0:
            raise LayerError(
                "`x` size on given `axis` must be divisible by `indices_or_sections` when "
                f"`indices_or_sections` is an int. But received {size} and {indices_or_sections}.",
                "config",
            )
        shape[axis] = size // indices_or_sections
        return [tuple(shape)] * indices_or_sections
    bounds = [0, *indices_or_sections, size]
    outputs = []
    for start, end in zip(bounds, bounds[1:]):
        shape[axis] = None if start is None or end is None else end - start
        outputs.append(tuple(shape))
    return outputs


def sections_count(indices_or_sections: Any) -> Any:
    """How many tensors a split into ``indices_or_sections`` gives (None: not known)."""
    if isinstance(indices_or_sections, int) and not isinstance(indices_or_sections, bool):
        return indices_or_sections
    if isinstance(indices_or_sections, (list, tuple)):
        return len(indices_or_sections) + 1
    return None


def operand_groups(rule: Op, operands: tuple, *params: str) -> list[list]:
    """The operands of the sequence parameters ``params`` (in order), each as a list."""
    counts = rule.args.get("operand_counts", {})
    groups, start = [], 0
    for param in params:
        n = counts[param]
        groups.append(list(operands[start:start + n]))
        start += n
    return groups
