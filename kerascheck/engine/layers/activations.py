"""Activation layers (``keras/src/layers/activations/``).

``Activation`` itself is a core layer here (:mod:`kerascheck.engine.layers.core`).
Only ``PReLU`` has weights.
"""

from __future__ import annotations

from typing import Any

from kerascheck.engine.dims import UNKNOWN, format_dim, product
from kerascheck.engine.layer import InputSpec, LayerError, LayerRule, register
from kerascheck.engine.layers.base import SameShape
from kerascheck.engine.operation_utils import add_defined_weight, is_number, require_index



def _none_or_negative(value: Any) -> bool:
    return value is None or (is_number(value) and value < 0)


@register("ReLU")
class ReLU(SameShape):
    """``max(x, 0)`` with optional ``max_value``, ``negative_slope``, ``threshold`` (all >= 0)."""

    def configure(self) -> None:
        max_value = self.max_value
        if max_value is not None and is_number(max_value) and max_value < 0.0:
            raise LayerError(
                f"max_value of a ReLU layer cannot be a negative value. Received: max_value={max_value}"
            )
        if _none_or_negative(self.negative_slope):
            raise LayerError(
                "negative_slope of a ReLU layer cannot be None or a negative value. "
                f"Received: negative_slope={self.negative_slope}"
            )
        if _none_or_negative(self.threshold):
            raise LayerError(
                "threshold of a ReLU layer cannot be None or a negative value. "
                f"Received: threshold={self.threshold}"
            )


@register("LeakyReLU")
class LeakyReLU(SameShape):
    """``x if x > 0 else negative_slope · x`` (``negative_slope >= 0``)."""

    def configure(self) -> None:
        if "alpha" in self.args:  # deprecated spelling Keras still pops from **kwargs
            self.args["negative_slope"] = self.args.pop("alpha")
        if _none_or_negative(self.negative_slope):
            raise LayerError(
                "The negative_slope value of a Leaky ReLU layer cannot be None or negative value. "
                f"Expected a float. Received: negative_slope={self.negative_slope}"
            )


@register("ELU")
class ELU(SameShape):
    """``x if x > 0 else alpha · (exp(x) - 1)``."""


@register("Softmax")
class Softmax(SameShape):
    """Softmax over ``axis`` (never checked against the rank by Keras)."""


@register("PReLU")
class PReLU(LayerRule):
    """``x if x > 0 else alpha · x`` with a learned ``alpha`` per input element.

    Parameters: ``prod(input_shape[1:])`` with every axis in ``shared_axes`` set to 1
    (Keras writes ``param_shape[axis - 1] = 1``, so a negative axis counts from the end
    of ``input_shape[1:]`` shifted by one).
    """

    def configure(self) -> None:
        shared = self.shared_axes
        if shared is None or shared is UNKNOWN:
            return
        self.args["shared_axes"] = list(shared) if isinstance(shared, (list, tuple)) else [shared]

    def build(self, input_shape: tuple) -> None:
        param_shape = list(input_shape[1:])
        shared = self.shared_axes
        if shared is UNKNOWN:
            param_shape = [UNKNOWN] * len(param_shape)
        elif shared is not None:
            for axis in shared:
                if axis is not UNKNOWN and not isinstance(axis, (int, float)):
                    raise LayerError(f"unsupported operand type(s) for -: '{type(axis).__name__}' and 'int'")
                require_index(axis, "list")
                index = axis - 1
                if index is not UNKNOWN and not -len(param_shape) <= index < len(param_shape):
                    raise LayerError("list assignment index out of range", "rank")
                if index is UNKNOWN:
                    param_shape = [UNKNOWN] * len(param_shape)
                    break
                param_shape[index] = 1
        add_defined_weight(self, "alpha", param_shape)
        count = product(param_shape)
        factors = "·".join(format_dim(d) for d in param_shape) or "1"
        self.explain(f"PReLU: alpha {factors} = {format_dim(count)} (shared axes set to 1)")
        axes = {}
        if shared:
            for i in range(1, len(input_shape)):
                if i not in shared:
                    axes[i] = input_shape[i]
        self.input_spec = InputSpec(ndim=len(input_shape), axes=axes)

    def compute_output_shape(self, input_shape: tuple) -> tuple:
        return input_shape
