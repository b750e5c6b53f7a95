"""Convolution layers (``keras/src/layers/convolutional/``)."""

from __future__ import annotations

from kerascheck.engine.dims import format_dim
from kerascheck.engine.layer import InputSpec, LayerError, LayerRule, register
from kerascheck.engine.operation_utils import (
    add_defined_weight,
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
            if self.args.get("kernel_constraint"):
                raise LayerError(
                    "Lora is incompatible with kernel constraints. In order to enable lora on this "
                    "layer, remove the `kernel_constraint` argument."
                )
            self.add_weight("lora_kernel_a", kernel_shape[:-1] + (lora_rank,))
            self.add_weight("lora_kernel_b", (lora_rank, self.filters))
            lora = _prod(kernel_shape[:-1]) * lora_rank + lora_rank * self.filters
            self.explain(
                f"LoRA: {'·'.join(format_dim(d) for d in kernel_shape[:-1])}·{lora_rank} + "
                f"{lora_rank}·{format_dim(self.filters)} = {format_dim(lora)} trainable (kernel frozen)"
            )

    def compute_output_shape(self, input_shape: tuple) -> tuple:
        channels_last = self.data_format == "channels_last"
        spatial = input_shape[1:-1] if channels_last else input_shape[2:]
        if len(spatial) != self.rank:
            raise LayerError(
                "Kernel shape must have the same length as input, but received kernel of shape "
                f"{tuple(self.kernel_size) + (input_shape[self._channel_axis()], self.filters)} "
                f"and input of shape {input_shape}.",
                "rank",
            )
        out, formulas = spatial_output(
            self.keras_class,
            spatial,
            self.kernel_size,
            self.strides,
            self.padding,
            self.dilation_rate,
            describe=(
                f"Received `inputs shape={input_shape}`, `kernel shape="
                f"{tuple(self.kernel_size) + (input_shape[self._channel_axis()], self.filters)}`, "
                f"`dilation_rate={numpy_repr(self.dilation_rate)}`, `strides={self.strides}`, "
                f"`padding={self.padding}`."
            ),
        )
        for formula in formulas:
            self.explain(formula)
        if channels_last:
            return (input_shape[0],) + out + (self.filters,)
        return (input_shape[0], self.filters) + out


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
