"""Pooling layers (``keras/src/layers/pooling/``): no weights, only shapes.

The aliases ``MaxPool2D``, ``AvgPool1D``, ``GlobalAvgPool2D``, … resolve to these
canonical class names through ``keras_api.SYMBOLS``.
"""

from __future__ import annotations

from kerascheck.engine.dims import format_shape
from kerascheck.engine.layer import InputSpec, LayerRule, register
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
