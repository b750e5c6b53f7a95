"""Core layers: Dense, Embedding, Activation, Identity (``keras/src/layers/core/``)."""

from __future__ import annotations

from kerascheck.engine.dims import format_dim
from kerascheck.engine.layer import InputSpec, LayerError, LayerRule, register


@register("Dense")
class Dense(LayerRule):
    """``output = activation(dot(input, kernel) + bias)`` on the last axis.

    Parameters: ``(input_dim + 1) · units`` (no ``+ 1`` without bias).
    """

    input_spec = InputSpec(min_ndim=2)

    def configure(self) -> None:
        units = self.units
        if isinstance(units, bool) or (isinstance(units, (int, float)) and units <= 0):
            raise LayerError(
                "Received an invalid value for `units`, expected a positive integer. "
                f"Received: units={units}"
            )

    def build(self, input_shape: tuple) -> None:
        input_dim = input_shape[-1]
        self.add_weight("kernel", (input_dim, self.units))
        if self.use_bias:
            self.add_weight("bias", (self.units,))
        bias = " + 1" if self.use_bias else ""
        total = (input_dim + (1 if self.use_bias else 0)) * self.units
        self.explain(
            f"Dense: ({format_dim(input_dim)}{bias})·{format_dim(self.units)} = {format_dim(total)}"
        )

    def compute_output_shape(self, input_shape: tuple) -> tuple:
        return tuple(input_shape[:-1]) + (self.units,)
