"""Convolution layers (``keras/src/layers/convolutional/``).

Conv1D/2D/3D, their transposes, SeparableConv1D/2D and DepthwiseConv1D/2D.
"""

from __future__ import annotations

from typing import Any

from kerascheck.engine.dims import UNKNOWN, Dim, format_dim, refine_rank
from kerascheck.engine.layer import InputSpec, LayerError, LayerRule, register
from kerascheck.engine.operation_utils import (
    add_defined_weight,
    add_lora_weights,
    numpy_repr,
    require_number,
    spatial_output,
    standardize_data_format,
    standardize_padding,
    standardize_tuple,
    validate_activation,
)


class BaseConv(LayerRule):
    """``keras.src.layers.convolutional.base_conv.BaseConv``.

    Output length per spatial axis (see ``operation_utils.conv_output_length``);
    parameters ``(k₁·…·kₙ · in_channels / groups + 1) · filters``.
    """

    rank: int = 0

    def configure(self) -> None:
        rank = self.rank
        self.input_spec = InputSpec(min_ndim=rank + 2)
        self.args["kernel_size"] = standardize_tuple(self.kernel_size, rank, "kernel_size")
        self.args["strides"] = standardize_tuple(self.strides, rank, "strides")
        self.args["dilation_rate"] = standardize_tuple(self.dilation_rate, rank, "dilation_rate")
        self.args["padding"] = standardize_padding(self.padding, allow_causal=rank == 1)
        self.args["data_format"] = standardize_data_format(self.data_format)
        validate_activation(self.activation)
        filters, groups = self.filters, self.groups
        if filters is not None:
            require_number(filters)
        require_number(groups)
        if filters is not None and filters <= 0:
            raise LayerError(
                "Invalid value for argument `filters`. Expected a strictly positive value. "
                f"Received filters={filters}."
            )
        if groups <= 0:
            raise LayerError(f"The number of groups must be a positive integer. Received: groups={groups}.")
        if filters is not None and filters % groups != 0:
            raise LayerError(
                "The number of filters must be evenly divisible by the number of groups. "
                f"Received: groups={groups}, filters={filters}."
            )
        if not all(self.kernel_size):
            raise LayerError(
                f"The argument `kernel_size` cannot contain 0. Received kernel_size={self.kernel_size}."
            )
        if not all(self.strides):
            raise LayerError(f"The argument `strides` cannot contains 0. Received strides={self.strides}")
        if max(self.strides) > 1 and max(self.dilation_rate) > 1:
            raise LayerError(
                "`strides > 1` not supported in conjunction with `dilation_rate > 1`. "
                f"Received: strides={self.strides} and dilation_rate={self.dilation_rate}"
            )

    def _channel_axis(self) -> int:
        return -1 if self.data_format == "channels_last" else 1

    def build(self, input_shape: tuple) -> None:
        in_channels = input_shape[self._channel_axis()]
        if in_channels is None:
            # Keras: `input_channel % self.groups` on None
            raise LayerError(
                f"unsupported operand type(s) for %: 'NoneType' and '{type(self.groups).__name__}'",
                "undefined_dim",
            )
        if in_channels % self.groups != 0:
            raise LayerError(
                "The number of input channels must be evenly divisible by the number of groups. "
                f"Received groups={self.groups}, but the input has {in_channels} channels "
                f"(full input shape is {input_shape})."
            )
        per_group = in_channels // self.groups
        if self.filters is None:
            # Keras accepts filters=None, then cannot create the kernel.
            add_defined_weight(self, "kernel", tuple(self.kernel_size) + (per_group, self.filters))
        self.input_spec = InputSpec(min_ndim=self.rank + 2, axes={self._channel_axis(): in_channels})
        kernel_shape = tuple(self.kernel_size) + (per_group, self.filters)
        lora_rank = self.args.get("lora_rank")  # a BaseConv keyword, reaching it through **kwargs
        self.add_weight("kernel", kernel_shape, trainable=not lora_rank)
        if self.use_bias:
            self.add_weight("bias", (self.filters,))
        kernel = "·".join(format_dim(k) for k in self.kernel_size)
        channels = format_dim(in_channels) if self.groups == 1 else f"{format_dim(in_channels)}/{self.groups}"
        bias = " + 1" if self.use_bias else ""
        total = None
        if self.use_bias:
            total = (_prod(self.kernel_size) * per_group + 1) * self.filters
        else:
            total = _prod(self.kernel_size) * per_group * self.filters
        self.explain(
            f"{self.keras_class}: ({kernel}·{channels}{bias})·{format_dim(self.filters)} = {format_dim(total)}"
        )
        if lora_rank:
            add_lora_weights(self, "kernel", kernel_shape[:-1], lora_rank, self.filters,
                             self.args.get("kernel_constraint"), "kernel frozen")

    def compute_output_shape(self, input_shape: tuple) -> tuple:
        return conv_output_shape(self, input_shape, self.filters)


def conv_output_shape(rule: Any, input_shape: tuple, filters: Dim) -> tuple:
    """``keras.src.ops.operation_utils.compute_conv_output_shape`` for ``rule``'s window."""
    input_shape = refine_rank(input_shape, rule.rank + 2)  # any other rank raises below
    channels_last = rule.data_format == "channels_last"
    spatial = input_shape[1:-1] if channels_last else input_shape[2:]
    channel_axis = -1 if channels_last else 1
    if len(spatial) != rule.rank:
        raise LayerError(
            "Kernel shape must have the same length as input, but received kernel of shape "
            f"{tuple(rule.kernel_size) + (input_shape[channel_axis], filters)} "
            f"and input of shape {input_shape}.",
            "rank",
        )
    out, formulas = spatial_output(
        rule.keras_class,
        spatial,
        rule.kernel_size,
        rule.strides,
        rule.padding,
        rule.dilation_rate,
        describe=lambda: (
            f"Received `inputs shape={input_shape}`, `kernel shape="
            f"{tuple(rule.kernel_size) + (input_shape[channel_axis], filters)}`, "
            f"`dilation_rate={numpy_repr(rule.dilation_rate)}`, `strides={rule.strides}`, "
            f"`padding={rule.padding}`."
        ),
    )
    for formula in formulas:
        rule.explain(formula)
    if channels_last:
        return (input_shape[0],) + out + (filters,)
    return (input_shape[0], filters) + out


def _prod(values: tuple) -> object:
    result = 1
    for v in values:
        result = result * v
    return result


@register("Conv1D")
class Conv1D(BaseConv):
    rank = 1


@register("Conv2D")
class Conv2D(BaseConv):
    rank = 2


@register("Conv3D")
class Conv3D(BaseConv):
    rank = 3


# --------------------------------------------------------------------------- shared checks


def _check_positive(value: Any, name: str, message: str) -> None:
    """``if value is not None and value <= 0: raise ValueError(message)``."""
    if value is None or value is UNKNOWN:
        return
    require_number(value)
    if value <= 0:
        raise LayerError(message.format(name=name, value=value))


def _channels(rule: Any, input_shape: tuple) -> Dim:
    return input_shape[-1] if rule.data_format == "channels_last" else input_shape[1]


def _window_config(rule: Any, allow_causal: bool = False) -> None:
    """``kernel_size`` / ``strides`` / ``dilation_rate`` / ``padding`` / ``data_format`` as Keras standardizes them."""
    rank = rule.rank
    rule.input_spec = InputSpec(min_ndim=rank + 2)
    rule.args["kernel_size"] = standardize_tuple(rule.kernel_size, rank, "kernel_size")
    rule.args["strides"] = standardize_tuple(rule.strides, rank, "strides")
    rule.args["dilation_rate"] = standardize_tuple(rule.dilation_rate, rank, "dilation_rate")
    rule.args["padding"] = standardize_padding(rule.padding, allow_causal=allow_causal)
    rule.args["data_format"] = standardize_data_format(rule.data_format)
    validate_activation(rule.activation)


def _check_window(rule: Any, colon: str = "", strides_word: str = "0") -> None:
    if not all(rule.kernel_size):
        raise LayerError(
            f"The argument `kernel_size` cannot contain 0. Received{colon} kernel_size={rule.kernel_size}."
        )
    if not all(rule.strides):
        raise LayerError(f"The argument `strides` cannot contains {strides_word}. Received{colon} strides={rule.strides}")


# --------------------------------------------------------------------------- transposed convolutions


def deconv_output_length(length: Dim, kernel: Dim, stride: Dim, padding: Any, output_padding: Dim,
                         dilation: Dim) -> tuple[Dim, str | None]:
    """``_get_output_shape_given_tf_padding`` (Keras's backend_utils), one spatial axis.

    With ``k' = (k - 1)·dilation + 1``:
    valid: ``(in - 1)·stride + k' + output_padding`` (``output_padding`` defaults to ``max(k', stride) - k'``);
    same: ``in·stride``, or ``(in - 1)·stride + k' % 2 + output_padding`` when ``output_padding`` is given.
    """
    if length is None:
        return None, None
    k = (kernel - 1) * dilation + 1
    n, s = format_dim(length), format_dim(stride)
    if padding == "valid":
        if output_padding is None:
            pad = max(k, stride) - k
            value = (length - 1) * stride + k + pad
            text = f"({n} - 1)·{s} + {format_dim(k)} + max({format_dim(k)}, {s}) - {format_dim(k)}"
        else:
            value = (length - 1) * stride + k + output_padding
            text = f"({n} - 1)·{s} + {format_dim(k)} + {format_dim(output_padding)}"
    elif output_padding is None:
        value = length * stride
        text = f"{n}·{s}"
    else:
        value = (length - 1) * stride + k % 2 + output_padding
        text = f"({n} - 1)·{s} + {format_dim(k)} % 2 + {format_dim(output_padding)}"
    return value, f"{text} = {format_dim(value)}"


class BaseConvTranspose(LayerRule):
    """``keras.src.layers.convolutional.base_conv_transpose.BaseConvTranspose``.

    Output length per spatial axis (``k' = (k - 1)·dilation + 1``):
    ``padding='valid'``: ``(in - 1)·stride + k' + output_padding``, ``output_padding``
    defaulting to ``max(k', stride) - k'``; ``padding='same'``: ``in·stride`` without
    ``output_padding``, else ``(in - 1)·stride + k' % 2 + output_padding``.
    Parameters: kernel ``k₁·…·kₙ · filters · in_channels`` plus ``filters`` biases.
    """

    rank: int = 0

    def configure(self) -> None:
        _window_config(self)
        output_padding = self.output_padding
        if output_padding is not None:
            output_padding = standardize_tuple(output_padding, self.rank, "output_padding", allow_zero=True)
            self.args["output_padding"] = output_padding
        _check_positive(
            self.filters, "filters",
            "Invalid value for argument `filters`. Expected a strictly positive value. Received filters={value}.",
        )
        if not all(self.kernel_size):
            raise LayerError(f"The argument `kernel_size` cannot contain 0. Received kernel_size={self.kernel_size}.")
        if not all(self.strides):
            raise LayerError(f"The argument `strides` cannot contains 0. Received strides={self.strides}.")
        if output_padding is not None:
            for i, (op, s) in enumerate(zip(output_padding, self.strides)):
                if op >= s:
                    raise LayerError(
                        "`output_padding` must be strictly less than `strides` for all dimensions. "
                        f"At dimension {i}, `output_padding` is {op} but `strides` is {s}. "
                        f"Received: output_padding={output_padding}, strides={self.strides}"
                    )
        if max(self.strides) > 1 and max(self.dilation_rate) > 1:
            raise LayerError(
                "`strides > 1` not supported in conjunction with `dilation_rate > 1`. "
                f"Received: strides={self.strides} and dilation_rate={self.dilation_rate}"
            )

    def build(self, input_shape: tuple) -> None:
        channels = _channels(self, input_shape)
        axis = -1 if self.data_format == "channels_last" else 1
        self.input_spec = InputSpec(min_ndim=self.rank + 2, axes={axis: channels})
        kernel_shape = tuple(self.kernel_size) + (self.filters, channels)
        add_defined_weight(self, "kernel", kernel_shape)
        if self.use_bias:
            add_defined_weight(self, "bias", (self.filters,))
        kernel = "·".join(format_dim(k) for k in self.kernel_size)
        total = _prod(kernel_shape) + (self.filters if self.use_bias else 0)
        bias = f" + {format_dim(self.filters)}" if self.use_bias else ""
        self.explain(
            f"{self.keras_class}: {kernel}·{format_dim(self.filters)}·{format_dim(channels)}{bias} = {format_dim(total)}"
        )

    def compute_output_shape(self, input_shape: tuple) -> tuple:
        channels_last = self.data_format == "channels_last"
        spatial = tuple(input_shape[1:-1] if channels_last else input_shape[2:])
        if len(spatial) > self.rank:
            raise LayerError("tuple index out of range", "rank")  # kernel_spatial_shape[i]
        padding = self.padding
        out: list[Dim] = []
        for i, length in enumerate(spatial):
            output_padding = None if self.output_padding is None else self.output_padding[i]
            value, formula = deconv_output_length(
                length, self.kernel_size[i], self.strides[i], padding, output_padding, self.dilation_rate[i]
            )
            out.append(value)
            if formula:
                self.explain(f"out[{i}] = {formula}" if len(spatial) > 1 else f"out = {formula}")
        if channels_last:
            return (input_shape[0],) + tuple(out) + (self.filters,)
        return (input_shape[0], self.filters) + tuple(out)


@register("Conv1DTranspose")
class Conv1DTranspose(BaseConvTranspose):
    rank = 1


@register("Conv2DTranspose")
class Conv2DTranspose(BaseConvTranspose):
    rank = 2


@register("Conv3DTranspose")
class Conv3DTranspose(BaseConvTranspose):
    rank = 3


# --------------------------------------------------------------------------- depthwise / separable


_MULTIPLIER_MESSAGE = (
    "Invalid value for argument `depth_multiplier`. Expected a strictly positive value. "
    "Received depth_multiplier={value}."
)


class BaseDepthwiseConv(LayerRule):
    """``keras.src.layers.convolutional.base_depthwise_conv.BaseDepthwiseConv``.

    One ``k₁×…×kₙ`` filter per input channel and multiplier: output channels
    ``in_channels · depth_multiplier`` (spatial lengths as ``Conv``).  Parameters:
    ``k₁·…·kₙ · in_channels · depth_multiplier`` plus ``in_channels · depth_multiplier`` biases.
    """

    rank: int = 0

    def configure(self) -> None:
        _window_config(self)
        _check_positive(self.depth_multiplier, "depth_multiplier", _MULTIPLIER_MESSAGE)
        _check_window(self)

    def build(self, input_shape: tuple) -> None:
        channels = _channels(self, input_shape)
        axis = -1 if self.data_format == "channels_last" else 1
        self.input_spec = InputSpec(min_ndim=self.rank + 2, axes={axis: channels})
        self.compute_output_shape(input_shape)
        self.explanations = []
        kernel_shape = tuple(self.kernel_size) + (channels, self.depth_multiplier)
        add_defined_weight(self, "kernel", kernel_shape)
        out_channels = self.depth_multiplier * channels
        if self.use_bias:
            add_defined_weight(self, "bias", (out_channels,))
        kernel = "·".join(format_dim(k) for k in self.kernel_size)
        total = _prod(kernel_shape) + (out_channels if self.use_bias else 0)
        bias = f" + {format_dim(out_channels)}" if self.use_bias else ""
        self.explain(
            f"{self.keras_class}: {kernel}·{format_dim(channels)}·{format_dim(self.depth_multiplier)}{bias} "
            f"= {format_dim(total)}"
        )

    def compute_output_shape(self, input_shape: tuple) -> tuple:
        channels = _channels(self, input_shape)
        if channels is None:
            raise LayerError(
                f"unsupported operand type(s) for *: '{type(self.depth_multiplier).__name__}' and 'NoneType'",
                "undefined_dim",
            )
        filters = self.depth_multiplier * channels
        self.explain(
            f"{self.keras_class}: channels {format_dim(channels)}·depth_multiplier "
            f"{format_dim(self.depth_multiplier)} = {format_dim(filters)}"
        )
        return conv_output_shape(self, input_shape, filters)


@register("DepthwiseConv1D")
class DepthwiseConv1D(BaseDepthwiseConv):
    rank = 1


@register("DepthwiseConv2D")
class DepthwiseConv2D(BaseDepthwiseConv):
    rank = 2


class BaseSeparableConv(LayerRule):
    """``keras.src.layers.convolutional.base_separable_conv.BaseSeparableConv``.

    A depthwise ``k₁×…×kₙ`` convolution (``depth_multiplier`` per channel), then a
    pointwise ``1×…×1`` one to ``filters``.  Parameters:
    ``k₁·…·kₙ·in·m + in·m·filters + filters`` (``m = depth_multiplier``).
    """

    rank: int = 0

    def configure(self) -> None:
        _window_config(self)
        _check_positive(self.depth_multiplier, "depth_multiplier", _MULTIPLIER_MESSAGE)
        _check_positive(
            self.filters, "filters",
            "Invalid value for argument `filters`. Expected a strictly positive value. Received filters={value}.",
        )
        _check_window(self, colon=":", strides_word="0(s)")

    def build(self, input_shape: tuple) -> None:
        channels = _channels(self, input_shape)
        axis = -1 if self.data_format == "channels_last" else 1
        self.input_spec = InputSpec(min_ndim=self.rank + 2, axes={axis: channels})
        m = self.depth_multiplier
        depthwise = tuple(self.kernel_size) + (channels, m)
        pointwise = (1,) * self.rank + (m * channels if channels is not None and m is not None else None,
                                         self.filters)
        self.compute_output_shape(input_shape)
        self.explanations = []
        add_defined_weight(self, "depthwise_kernel", depthwise)
        add_defined_weight(self, "pointwise_kernel", pointwise)
        if self.use_bias:
            add_defined_weight(self, "bias", (self.filters,))
        kernel = "·".join(format_dim(k) for k in self.kernel_size)
        total = _prod(depthwise) + _prod(pointwise) + (self.filters if self.use_bias else 0)
        bias = f" + {format_dim(self.filters)}" if self.use_bias else ""
        self.explain(
            f"{self.keras_class}: depthwise {kernel}·{format_dim(channels)}·{format_dim(m)} + pointwise "
            f"{format_dim(channels)}·{format_dim(m)}·{format_dim(self.filters)}{bias} = {format_dim(total)}"
        )

    def compute_output_shape(self, input_shape: tuple) -> tuple:
        return conv_output_shape(self, input_shape, self.filters)


@register("SeparableConv1D")
class SeparableConv1D(BaseSeparableConv):
    rank = 1


@register("SeparableConv2D")
class SeparableConv2D(BaseSeparableConv):
    rank = 2
