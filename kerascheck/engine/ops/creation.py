"""Tensors made from arguments that are themselves symbolic (``keras/src/ops/numpy.py``): ``full``
with a symbolic fill value, evenly spaced values between symbolic bounds.  (``arange``, ``zeros``,
``eye``… make no operation: see ``kerascheck/knowledge/keras_ops.py``.)"""

from __future__ import annotations

from typing import Any

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
