"""Core layers: Dense, Embedding, Activation, Identity, Masking (``keras/src/layers/core/``).

``Activation`` lives in Keras's ``activations/`` folder but is a core layer of the docs.
"""

from __future__ import annotations

from typing import Any

from kerascheck.engine.dims import UNKNOWN, format_dim, format_shape
from kerascheck.engine.layer import InputSpec, LayerError, LayerRule, register
from kerascheck.engine.layers.base import SameShape
from kerascheck.engine.operation_utils import add_defined_weight, validate_activation


@register("Dense")
class Dense(LayerRule):
    """``output = activation(dot(input, kernel) + bias)`` on the last axis.

    Parameters: ``(input_dim + 1) · units`` (no ``+ 1`` without bias).  With
    ``lora_rank=r`` the kernel is frozen and ``input_dim·r + r·units`` trainable
    LoRA parameters are added.
    """

    input_spec = InputSpec(min_ndim=2)

    def configure(self) -> None:
        units = self.units
        if units is not UNKNOWN and (not isinstance(units, int) or units <= 0):
            raise LayerError(
                "Received an invalid value for `units`, expected a positive "
                f"integer. Received: units={units}"
            )
        validate_activation(self.activation)

    def build(self, input_shape: tuple) -> None:
        input_dim = input_shape[-1]
        units = self.units
        lora_rank = self.lora_rank
        _check_rank(lora_rank)
        add_defined_weight(self, "kernel", (input_dim, units), trainable=not lora_rank)
        if self.use_bias:
            self.add_weight("bias", (units,))
        self.input_spec = InputSpec(min_ndim=2, axes={-1: input_dim})
        bias = " + 1" if self.use_bias else ""
        total = (input_dim + (1 if self.use_bias else 0)) * units
        self.explain(f"Dense: ({format_dim(input_dim)}{bias})·{format_dim(units)} = {format_dim(total)}")
        if lora_rank:
            if self.kernel_constraint:
                raise LayerError(
                    "Lora is incompatible with kernel constraints. In order to enable lora on this "
                    "layer, remove the `kernel_constraint` argument."
                )
            self.add_weight("lora_kernel_a", (input_dim, lora_rank))
            self.add_weight("lora_kernel_b", (lora_rank, units))
            lora = input_dim * lora_rank + lora_rank * units
            self.explain(
                f"LoRA: {format_dim(input_dim)}·{lora_rank} + {lora_rank}·{format_dim(units)} = "
                f"{format_dim(lora)} trainable (kernel {format_dim(input_dim * units)} frozen)"
            )

    def compute_output_shape(self, input_shape: tuple) -> tuple:
        self.explain(f"Dense: last axis {format_dim(input_shape[-1])} → units {format_dim(self.units)}")
        return tuple(input_shape[:-1]) + (self.units,)


def _check_rank(lora_rank: Any) -> None:
    """A LoRA rank must be a dimension (an int) when it is set."""
    if lora_rank is None or lora_rank is UNKNOWN or isinstance(lora_rank, int):
        return
    raise LayerError(f"Cannot convert '{lora_rank}' to a shape.", "config")


def _positive_int(value: Any, name: str) -> None:
    if value is UNKNOWN:
        return
    if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
        raise LayerError(
            f"`{name}` must be a positive integer. Received: {name}={value} (of type {type(value).__name__})."
        )


@register("Embedding")
class Embedding(LayerRule):
    """A lookup table: output ``input_shape + (output_dim,)``, any input rank.

    Parameters: ``input_dim · output_dim`` (``mask_zero`` changes nothing).  With
    ``lora_rank=r`` the table is frozen and ``input_dim·r + r·output_dim`` are trainable.
    """

    def configure(self) -> None:
        _positive_int(self.input_dim, "input_dim")
        _positive_int(self.output_dim, "output_dim")

    def build(self, input_shape: tuple) -> None:
        input_dim, output_dim, lora_rank = self.input_dim, self.output_dim, self.lora_rank
        _check_rank(lora_rank)
        self.add_weight("embeddings", (input_dim, output_dim), trainable=not lora_rank)
        self.explain(
            f"Embedding: {format_dim(input_dim)}·{format_dim(output_dim)} = {format_dim(input_dim * output_dim)}"
        )
        if lora_rank:
            if self.embeddings_constraint:
                raise LayerError(
                    "Lora is incompatible with embedding constraints. In order to enable lora on this "
                    "layer, remove the `embeddings_constraint` argument."
                )
            self.add_weight("lora_embeddings_a", (input_dim, lora_rank))
            self.add_weight("lora_embeddings_b", (lora_rank, output_dim))
            lora = input_dim * lora_rank + lora_rank * output_dim
            self.explain(
                f"LoRA: {format_dim(input_dim)}·{lora_rank} + {lora_rank}·{format_dim(output_dim)} = "
                f"{format_dim(lora)} trainable (embeddings frozen)"
            )

    def compute_output_shape(self, input_shape: tuple) -> tuple:
        output = tuple(input_shape) + (self.output_dim,)
        self.explain(f"Embedding: input shape + (output_dim,) = {format_shape(output)}")
        return output



@register("Identity")
class Identity(SameShape):
    """Returns its input unchanged (also a list of inputs)."""


@register("Masking")
class Masking(SameShape):
    """Masks timesteps equal to ``mask_value``; output shape = input shape, no weights."""


@register("Activation")
class Activation(SameShape):
    """Applies an activation; the name must be one ``keras.activations.get`` knows."""

    def configure(self) -> None:
        validate_activation(self.activation)
