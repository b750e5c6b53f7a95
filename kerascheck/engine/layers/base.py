"""Small shared bases for layer rules."""

from __future__ import annotations

from typing import Any

from kerascheck.engine.dims import format_output
from kerascheck.engine.layer import LayerRule


class SameShape(LayerRule):
    """A layer without weights whose output has its input's shape (activations, dropouts, …)."""

    def compute_output_shape(self, input_shape: Any) -> Any:
        self.explain(f"{self.keras_class}: output shape = input shape {format_output(input_shape)}, no weights")
        return input_shape
