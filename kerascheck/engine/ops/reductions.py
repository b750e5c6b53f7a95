"""Reductions and scans (``keras/src/ops/numpy.py``, ``math.py``, ``linalg.norm``, ``nn.moments``):
``operation_utils.reduce_shape`` over ``axis``, with ``keepdims``."""

from __future__ import annotations

from typing import Any

from kerascheck.engine.dims import UNKNOWN
from kerascheck.engine.layer import LayerError
from kerascheck.engine.operations import register_op
from kerascheck.engine.ops.base import (
    FLOAT,
    PROMOTED,
    SAME,
    Op,
    canonicalize_axis,
    dims,
    flat_size,
    is_tensor,
    keras_shape,
    numpy_shape,
    reduce_shape,
    shape_equal,
    value_of,
)


@register_op("Amax", "Amin", "Max", "Min", "Ptp", "Nanmax", "Nanmin")
class Reduce(Op):
    """``reduce_shape(x.shape, axis, keepdims)`` in the input's dtype."""

    dtype_rule = SAME

    def spec(self, x: Any) -> Any:
        return reduce_shape(x, self.axis, self.args.get("keepdims", False))


@register_op("Sum", "Prod", "Nansum", "Nanprod")
class Sum(Reduce):
    """``reduce_shape``; the dtype of a float input (small ints widen), or ``dtype``."""

    dtype_rule = PROMOTED

    def output_dtype(self, input_dtypes: list[Any]) -> Any:
        return self.args.get("dtype") or super().output_dtype(input_dtypes)


@register_op("Mean", "Std", "Var", "Median", "Nanmean", "Nanmedian", "Nanstd", "Nanvar")
class FloatReduce(Reduce):
    dtype_rule = FLOAT


@register_op("Logsumexp")
class Logsumexp(Reduce):
    dtype_rule = "float32"  # KerasTensor(shape=...): the default dtype


@register_op("All", "Any")
class BoolReduce(Reduce):
    dtype_rule = "bool"


@register_op("Argmax", "Argmin", "CountNonzero")
class IndexReduce(Reduce):
    dtype_rule = "int32"


@register_op("Nanargmax", "Nanargmin")
class NanIndexReduce(Reduce):
    """``reduce_shape(x.shape, [axis], keepdims)``: one axis."""

    dtype_rule = "int32"

    def spec(self, x: Any) -> Any:
        return reduce_shape(x, None if self.axis is None else [self.axis], self.keepdims)


@register_op("Moments")
class Moments(Reduce):
    """``keras.ops.moments(x, axes)``: the mean and the variance, both ``reduce_shape``."""

    outputs = 2

    def spec(self, x: Any) -> Any:
        shape = reduce_shape(x, self.axes, self.keepdims)
        return [shape, shape]


@register_op("Average")
class Average(Op):
    """``keras.ops.average(x, axis=None, weights=None)``: ``weights`` the shape of ``x``, or of
    ``x`` on ``axis``."""

    dtype_rule = PROMOTED

    def spec(self, x: Any, weights: Any = None) -> Any:
        if weights is not None:
            weights_shape = keras_shape(weights) if is_tensor(weights) else numpy_shape(weights)
            shape_match = shape_equal(x, weights_shape)
            if self.axis is not None:
                size = dims(x)[self.axis]
                shape_match_on_axis = shape_equal([size], weights_shape)
        if self.axis is None:
            if weights is None or shape_match:
                return ()
            raise LayerError(
                f"`weights` must have the same shape as `x` when `axis=None`, but received `weights.shape="
                f"{tuple(weights_shape)}` and `x.shape={tuple(x)}`.",
                "merge",
            )
        if weights is None or shape_match_on_axis or shape_match:
            return reduce_shape(x, [self.axis])
        raise LayerError(
            f"`weights` must have the same size as `x` at `axis={self.axis}` but received `weights.shape="
            f"{tuple(weights_shape)}` while x.shape at `{self.axis}` is `{size}`.",
            "merge",
        )


@register_op("Cumsum", "Cumprod")
class Cumulative(Op):
    """The input's shape; without ``axis``, its flattened length."""

    check_axis = True

    def spec(self, x: Any) -> Any:
        if self.axis is None:
            return (flat_size(x),)
        if self.check_axis:
            canonicalize_axis(self.axis, len(dims(x)))
        return x

    def output_dtype(self, input_dtypes: list[Any]) -> Any:
        if self.args.get("dtype") not in (None, "bool"):
            return self.dtype
        first = input_dtypes[0] if input_dtypes else None
        return first if first in ("float16", "bfloat16", "float32", "float64") and self.dtype is None else UNKNOWN


@register_op("Nancumsum", "Nancumprod")
class NanCumulative(Cumulative):
    """As :class:`Cumulative`, without checking ``axis``."""

    check_axis = False


@register_op("Quantile", "Nanquantile")
class Quantile(Op):
    """``reduce_shape``, preceded by the number of quantiles ``q`` when it is a tensor of rank 1
    or a list of more than one."""

    dtype_rule = FLOAT
    single_list_adds_axis = False

    def spec(self, x: Any, q: Any) -> Any:
        shape = reduce_shape(x, self.axis, self.keepdims)
        if q is not None and (is_tensor(q) or not q.python):
            q_shape = dims(numpy_shape(q))
            if q_shape:
                return (q_shape[0], *shape)
            return shape
        value = value_of(q)
        if isinstance(value, (list, tuple)) and (len(value) > 1 or self.single_list_adds_axis):
            return (len(value), *shape)
        return shape


@register_op("Percentile", "Nanpercentile")
class Percentile(Quantile):
    """As :class:`Quantile`; a list of one percentile adds its axis too."""

    single_list_adds_axis = True


@register_op("Trapezoid")
class Trapezoid(Op):
    """``keras.ops.trapezoid(y, axis=-1)``: ``axis`` (taken modulo the rank) removed."""

    dtype_rule = FLOAT

    def spec(self, y: Any) -> Any:
        shape = dims(y)
        if self.axis is not None and shape:
            shape.pop(self.axis % len(shape))
        return tuple(shape)


@register_op("Norm")
class Norm(Op):
    """``keras.ops.norm(x, ord=None, axis=None, keepdims=False)``: ``reduce_shape``; ``ord`` must
    suit a vector (one axis) or a matrix (two) norm."""

    dtype_rule = FLOAT

    def configure(self) -> None:
        if isinstance(self.ord, str) and self.ord not in ("fro", "nuc"):
            raise LayerError(
                f"Invalid `ord` argument. Expected one of {{'fro', 'nuc'}} when using string. Received: ord={self.ord}",
                "config",
            )

    def spec(self, x: Any) -> Any:
        self.configure()
        axis = [self.axis] if isinstance(self.axis, int) else self.axis
        num_axes = len(dims(x)) if axis is None else len(axis)
        if num_axes == 1 and isinstance(self.ord, str):
            raise LayerError(f"Invalid `ord` argument for vector norm. Received: ord={self.ord}", "config")
        if num_axes == 2 and self.ord not in (None, "fro", "nuc", float("inf"), float("-inf"), 1, -1, 2, -2):
            raise LayerError(f"Invalid `ord` argument for matrix norm. Received: ord={self.ord}", "config")
        return reduce_shape(x, axis, self.keepdims)
