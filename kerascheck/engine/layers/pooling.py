"""Pooling layers (``keras/src/layers/pooling/``): no weights, only shapes.

The aliases ``MaxPool2D``, ``AvgPool1D``, ``GlobalAvgPool2D``, … resolve to these
canonical class names through ``keras_api.SYMBOLS``.
"""

from __future__ import annotations

from kerascheck.engine.dims import UNKNOWN, Unresolved, format_shape
from kerascheck.engine.layer import InputSpec, LayerError, LayerRule, register
from kerascheck.engine.operation_utils import (
    pooling_output_shape,
    standardize_data_format,
    standardize_tuple,
)


class BasePooling(LayerRule):
    """``keras.src.layers.pooling.base_pooling.BasePooling``.

    Per spatial axis (``strides`` default to ``pool_size``)::

        valid: out = floor((in - pool_size) / strides) + 1
        same:  out = floor((in - 1) / strides) + 1
    """

    pool_dimensions = 0

    def configure(self) -> None:
        n = self.pool_dimensions
        self.input_spec = InputSpec(ndim=n + 2)
        pool_size = self.pool_size
        strides = pool_size if self.strides is None else self.strides
        self.args["pool_size"] = standardize_tuple(pool_size, n, "pool_size")
        self.args["strides"] = standardize_tuple(strides, n, "strides", allow_zero=True)
        self.args["data_format"] = standardize_data_format(self.data_format)
        # Keras keeps `padding` as given and only checks it when computing shapes.

    def compute_output_shape(self, input_shape: tuple) -> tuple:
        shape, formulas = pooling_output_shape(
            input_shape, self.pool_size, self.strides, self.padding, self.data_format
        )
        for formula in formulas:
            self.explain(formula)
        return shape


@register("MaxPooling1D")
class MaxPooling1D(BasePooling):
    pool_dimensions = 1


@register("MaxPooling2D")
class MaxPooling2D(BasePooling):
    pool_dimensions = 2


@register("MaxPooling3D")
class MaxPooling3D(BasePooling):
    pool_dimensions = 3


@register("AveragePooling1D")
class AveragePooling1D(BasePooling):
    pool_dimensions = 1


@register("AveragePooling2D")
class AveragePooling2D(BasePooling):
    pool_dimensions = 2


@register("AveragePooling3D")
class AveragePooling3D(BasePooling):
    pool_dimensions = 3


class BaseGlobalPooling(LayerRule):
    """``keras.src.layers.pooling.base_global_pooling.BaseGlobalPooling``.

    Output ``(batch, channels)``; with ``keepdims=True`` every spatial axis becomes 1.
    """

    pool_dimensions = 0

    def configure(self) -> None:
        self.input_spec = InputSpec(ndim=self.pool_dimensions + 2)
        self.args["data_format"] = standardize_data_format(self.data_format)

    def compute_output_shape(self, input_shape: tuple) -> tuple:
        output = self._output(input_shape)
        self.explain(f"{self.keras_class}: {format_shape(input_shape)} → {format_shape(output)}")
        return output

    def _output(self, input_shape: tuple) -> tuple:
        spatial = len(input_shape) - 2
        if self.data_format == "channels_last":
            channels = input_shape[-1]
            if self.keepdims:
                return (input_shape[0],) + (1,) * spatial + (channels,)
            return (input_shape[0], channels)
        if self.keepdims:
            return (input_shape[0], input_shape[1]) + (1,) * spatial
        return (input_shape[0], input_shape[1])


@register("GlobalMaxPooling1D")
class GlobalMaxPooling1D(BaseGlobalPooling):
    pool_dimensions = 1


@register("GlobalMaxPooling2D")
class GlobalMaxPooling2D(BaseGlobalPooling):
    pool_dimensions = 2


@register("GlobalMaxPooling3D")
class GlobalMaxPooling3D(BaseGlobalPooling):
    pool_dimensions = 3


@register("GlobalAveragePooling1D")
class GlobalAveragePooling1D(BaseGlobalPooling):
    pool_dimensions = 1


@register("GlobalAveragePooling2D")
class GlobalAveragePooling2D(BaseGlobalPooling):
    pool_dimensions = 2


@register("GlobalAveragePooling3D")
class GlobalAveragePooling3D(BaseGlobalPooling):
    pool_dimensions = 3


# --------------------------------------------------------------------------- adaptive pooling

_ADAPTIVE_WORDS = {1: "tuple of 1 integer", 2: "(height, width) tuple", 3: "(depth, height, width) tuple"}


class BaseAdaptivePooling(LayerRule):
    """``keras.src.layers.pooling.base_adaptive_pooling.BaseAdaptivePooling``.

    Output ``(batch, *output_size, channels)`` (channels_first: ``(batch, channels, *output_size)``)
    whatever the input's spatial size; no weights and no input-rank check.
    """

    rank: int = 0

    def configure(self) -> None:
        size = self.output_size
        if size is not UNKNOWN:
            if isinstance(size, int):
                size = (size,) * self.rank
            elif isinstance(size, (tuple, list)) and len(size) == self.rank:
                size = tuple(size)
            else:
                raise LayerError(
                    f"`output_size` must be an integer or {_ADAPTIVE_WORDS[self.rank]}. "
                    f"Received: {size} of type {type(size)}"
                )
            self.args["output_size"] = size
        data_format = self.data_format
        if data_format is not UNKNOWN and data_format not in {"channels_first", "channels_last"}:
            raise LayerError(
                f"Invalid data_format: {data_format}. Expected 'channels_first' or 'channels_last'."
            )

    def compute_output_shape(self, input_shape: tuple) -> tuple:
        size = self.output_size
        if size is UNKNOWN:
            raise Unresolved("output_size")
        if self.data_format == "channels_last":
            output = (input_shape[0], *size, input_shape[-1])
        else:
            output = (input_shape[0], input_shape[1], *size)
        self.explain(f"{self.keras_class}: output_size {format_shape(tuple(size))} → {format_shape(output)}")
        return output


@register("AdaptiveAveragePooling1D")
class AdaptiveAveragePooling1D(BaseAdaptivePooling):
    rank = 1


@register("AdaptiveAveragePooling2D")
class AdaptiveAveragePooling2D(BaseAdaptivePooling):
    rank = 2


@register("AdaptiveAveragePooling3D")
class AdaptiveAveragePooling3D(BaseAdaptivePooling):
    rank = 3


@register("AdaptiveMaxPooling1D")
class AdaptiveMaxPooling1D(BaseAdaptivePooling):
    rank = 1


@register("AdaptiveMaxPooling2D")
class AdaptiveMaxPooling2D(BaseAdaptivePooling):
    rank = 2


@register("AdaptiveMaxPooling3D")
class AdaptiveMaxPooling3D(BaseAdaptivePooling):
    rank = 3
