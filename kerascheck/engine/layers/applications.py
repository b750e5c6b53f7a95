"""Private layer classes of ``keras/src/applications/`` that the recorded application graphs use."""

from __future__ import annotations

from typing import Any

from kerascheck.engine.dims import format_output
from kerascheck.engine.layer import LayerRule, register
from kerascheck.engine.operations import broadcast_shapes


@register("CustomScaleLayer")
class CustomScaleLayer(LayerRule):
    """InceptionResNetV2's ``inputs[0] + inputs[1] * scale``: the two shapes broadcast; no weights."""

    multiple_inputs = True

    def compute_output_shape(self, input_shape: Any) -> Any:
        first, second = input_shape
        shape = broadcast_shapes(first, broadcast_shapes(second, ()))
        self.explain(f"CustomScaleLayer: broadcast({format_output(first)}, {format_output(second)}), no weights")
        return shape


@register("LayerScale")
class LayerScale(LayerRule):
    """ConvNeXt's ``x * gamma``, ``gamma`` of shape ``(projection_dim,)``: output shape = input shape."""

    def build(self, input_shape: Any) -> None:
        self.add_weight("gamma", (self.projection_dim,))
        self.explain(f"LayerScale: gamma ({self.projection_dim},) = {self.projection_dim}")

    def compute_output_shape(self, input_shape: Any) -> Any:
        return broadcast_shapes(input_shape, (self.projection_dim,))
