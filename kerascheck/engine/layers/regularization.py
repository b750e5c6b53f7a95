"""Regularization layers (``keras/src/layers/regularization/``).

All of them return their input's shape and have no weights; only their
constructor arguments can be wrong.
"""

from __future__ import annotations

from typing import Any

from kerascheck.engine.dims import UNKNOWN
from kerascheck.engine.layer import InputSpec, LayerError, register
from kerascheck.engine.layers.base import SameShape
from kerascheck.engine.operation_utils import is_number, standardize_data_format


def check_unit_interval(value: Any, name: str) -> None:
    """Keras's ``if not 0 <= rate <= 1`` for ``rate`` / ``stddev``."""
    if is_number(value) and not 0 <= value <= 1:
        raise LayerError(
            f"Invalid value received for argument `{name}`. Expected a float value between 0 and 1. "
            f"Received: {name}={value}"
        )


def validate_noise_shape(noise_shape: Any) -> None:
    """``Dropout._validate_noise_shape``."""
    if noise_shape is None or noise_shape is UNKNOWN:
        return
    prefix = "Invalid value received for argument `noise_shape`. "
    if isinstance(noise_shape, str):
        raise LayerError(prefix + f"Expected a tuple or list of integers. Received: noise_shape={noise_shape}")
    if not isinstance(noise_shape, (tuple, list)):
        raise LayerError(
            prefix + "Expected an iterable of integers (e.g., a tuple or list). "
            f"Received: noise_shape={noise_shape}"
        )
    for i, dim in enumerate(noise_shape):
        if dim is None or dim is UNKNOWN:
            continue
        if not isinstance(dim, int):
            raise LayerError(
                prefix + "Expected all elements to be integers or None. "
                f"Received element at index {i}: {dim} (type: {type(dim).__name__})"
            )
        if dim <= 0:
            raise LayerError(
                prefix + "Expected all dimensions to be positive integers or None. "
                f"Received negative or zero value at index {i}: {dim}"
            )



@register("Dropout")
class Dropout(SameShape):
    """Zeroes a fraction ``rate`` (0 <= rate <= 1) of inputs while training; shape unchanged."""

    def configure(self) -> None:
        check_unit_interval(self.rate, "rate")
        validate_noise_shape(self.args.get("noise_shape"))


class BaseSpatialDropout(SameShape):
    """Drops whole feature maps; input rank ``rank + 2``."""

    rank = 0

    def configure(self) -> None:
        self.input_spec = InputSpec(ndim=self.rank + 2)
        check_unit_interval(self.rate, "rate")
        if "data_format" in self.args:
            self.args["data_format"] = standardize_data_format(self.data_format)


@register("SpatialDropout1D")
class SpatialDropout1D(BaseSpatialDropout):
    rank = 1


@register("SpatialDropout2D")
class SpatialDropout2D(BaseSpatialDropout):
    rank = 2


@register("SpatialDropout3D")
class SpatialDropout3D(BaseSpatialDropout):
    rank = 3


@register("GaussianNoise")
class GaussianNoise(SameShape):
    """Adds N(0, stddev) noise while training (0 <= stddev <= 1)."""

    def configure(self) -> None:
        check_unit_interval(self.stddev, "stddev")


@register("GaussianDropout")
class GaussianDropout(SameShape):
    """Multiplies by N(1, rate / (1 - rate)) noise while training (0 <= rate <= 1)."""

    def configure(self) -> None:
        check_unit_interval(self.rate, "rate")


@register("AlphaDropout")
class AlphaDropout(SameShape):
    """Dropout keeping SELU's self-normalization (0 <= rate <= 1); ``noise_shape`` unchecked."""

    def configure(self) -> None:
        check_unit_interval(self.rate, "rate")


@register("ActivityRegularization")
class ActivityRegularization(SameShape):
    """Adds an L1/L2 activity penalty; identity on shapes."""
