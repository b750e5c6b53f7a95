"""Neural-network operations (``keras/src/ops/nn.py``): activations over an axis, pooling,
convolutions, one-hot encodings, losses, normalizations, attention, CTC, space/depth."""

from __future__ import annotations

from typing import Any

from kerascheck.engine.dims import UNKNOWN, is_known
from kerascheck.engine.layer import LayerError
from kerascheck.engine.layers.convolutional import deconv_output_length
from kerascheck.engine.operation_utils import conv_output_length
from kerascheck.engine.operations import register_op
from kerascheck.engine.ops.base import (
    CONFIGURED,
    SAME,
    Op,
    canonicalize_axes,
    canonicalize_axis,
    dims,
    shape_attribute,
)


@register_op("Softmax", "LogSoftmax")
class AxisActivation(Op):
    """``keras.ops.softmax(x, axis=-1)``: the shape of ``x``, whose axes ``axis`` must name."""

    dtype_rule = SAME
    config_may_be_unknown = True

    def spec(self, x: Any) -> Any:
        axis = self.axis
        if axis is not None and is_known(axis) and isinstance(x, tuple):
            canonicalize_axes(axis, len(dims(x)))
        return x


@register_op("Normalize")
class Normalize(AxisActivation):
    dtype_rule = "float32"  # KerasTensor(shape=x.shape): the default dtype


@register_op("Sparsemax")
class Sparsemax(AxisActivation):
    def spec(self, x: Any) -> Any:
        if is_known(self.axis) and isinstance(x, tuple):
            canonicalize_axis(self.axis, len(dims(x)))
        return x


@register_op("Glu")
class Glu(Op):
    """``keras.ops.glu(x, axis=-1)``: ``axis`` halved (it must be even)."""

    dtype_rule = SAME

    def spec(self, x: Any) -> Any:
        shape = dims(x)
        if not -len(shape) <= self.axis < len(shape):
            raise LayerError("list index out of range", "config")
        size = shape[self.axis]
        if size is not None:
            if size % 2 != 0:
                raise LayerError(
                    f"axis size must be divisible by 2. Received: x.shape={tuple(shape)} with axis={self.axis}",
                    "config",
                )
            shape[self.axis] = size // 2
        return tuple(shape)


def _spatial(shape: list, data_format: str) -> list:
    return shape[1:-1] if data_format == "channels_last" else shape[2:]


def _with_spatial(shape: list, spatial: list, channels: Any, data_format: str) -> tuple:
    if data_format == "channels_last":
        return (shape[0], *spatial, channels)
    return (shape[0], channels, *spatial)


def _per_axis(value: Any, n: int) -> tuple:
    return (value,) * n if isinstance(value, int) else tuple(value)


@register_op("MaxPool", "AveragePool")
class Pool(Op):
    """``operation_utils.compute_pooling_output_shape``: valid ``floor((in - pool) / stride) + 1``,
    same ``floor((in - 1) / stride) + 1``, per spatial axis (None stays None)."""

    dtype_rule = SAME

    def spec(self, inputs: Any) -> Any:
        shape = dims(inputs)
        padding = self.padding.lower()
        spatial = _spatial(shape, self.data_format)
        pool = _per_axis(self.pool_size, len(spatial))
        strides = pool if self.strides is None else _per_axis(self.strides, len(spatial))
        if padding not in ("valid", "same"):
            raise LayerError(
                f"Argument `padding` must be either 'valid' or 'same'. Received: padding={padding}", "config"
            )
        out = []
        for n, k, s in zip(spatial, pool, strides):
            length, _ = conv_output_length(n, k, s, padding)
            if padding == "valid" and length is not None and length <= 0:
                raise LayerError(
                    f"Computed output size would be zero or negative. Received: `inputs.shape={shape}`, "
                    f"`pool_size={self.pool_size}`, `strides={self.strides}`, `padding={padding}`.",
                    "nonpositive",
                )
            out.append(length)
        channels = shape[-1] if self.data_format == "channels_last" else shape[1]
        return _with_spatial(shape, out, channels, self.data_format)


@register_op("AdaptiveMaxPool", "AdaptiveAveragePool")
class AdaptivePool(Op):
    """``AdaptiveMaxPool.compute_output_spec`` as Keras 3.15.1 writes it: channels_last keeps
    ``inputs.shape[:-len(output_size)]`` (batch and spatial axes alike), then ``output_size`` and
    the channels."""

    dtype_rule = SAME

    def spec(self, inputs: Any) -> Any:
        shape = dims(inputs)
        size = self.output_size
        if isinstance(size, int):
            raise LayerError("object of type 'int' has no len()", "config")
        if self.data_format == "channels_last":
            return (*shape[: len(shape) - len(size)], *size, shape[-1])
        return (shape[0], shape[1], *size)


def _check_channels(inputs: list, kernel: list, data_format: str, kernel_axis: int) -> None:
    """``backend_utils.check_conv_input_channels`` (``kernel_axis`` -2; -1 for a transposed kernel)."""
    channels = inputs[-1] if data_format == "channels_last" else inputs[1]
    kernel_channels = kernel[kernel_axis]
    if isinstance(channels, int) and isinstance(kernel_channels, int) and channels != kernel_channels:
        raise LayerError(
            "The number of input channels must match the kernel's input channels. Received: input channels="
            f"{channels}, kernel input channels={kernel_channels}, data_format='{data_format}'.",
            "axis",
        )


def conv_output_shape(
    shape: list, filters: Any, kernel_size: tuple, strides: Any, padding: str, data_format: str, dilation_rate: Any
) -> tuple:
    """``operation_utils.compute_conv_output_shape``."""
    spatial = _spatial(shape, data_format)
    kernel_shape = (*kernel_size, shape[-1] if data_format == "channels_last" else shape[1], filters)
    if len(kernel_shape) != len(shape):
        raise LayerError(
            f"Kernel shape must have the same length as input, but received kernel of shape {kernel_shape} and input "
            f"of shape {tuple(shape)}.",
            "rank",
        )
    dilation = _per_axis(dilation_rate, len(spatial))
    strides = _per_axis(strides, len(spatial))
    if len(dilation) != len(spatial):
        raise LayerError(
            "Dilation must be None, scalar or tuple/list of length of inputs' spatial shape, but received "
            f"`dilation_rate={dilation_rate}` and input of shape {tuple(shape)}.",
            "config",
        )
    if padding not in ("valid", "same", "causal"):
        raise LayerError(f"`padding` must be either `'valid'` or `'same'`. Received {padding}.", "config")
    out = []
    for n, k, s, d in zip(spatial, kernel_size, strides, dilation):
        length, _ = conv_output_length(n, k, s, "valid" if padding == "valid" else "same", d)
        if padding == "valid" and length is not None and length <= 0:
            raise LayerError(
                f"Computed output size would be zero or negative. Received `inputs shape={tuple(shape)}`, "
                f"`kernel shape={kernel_shape}`, `dilation_rate={dilation}`, `strides={strides}`, `padding={padding}`.",
                "nonpositive",
            )
        out.append(length)
    return _with_spatial(shape, out, filters, data_format)


class ConvOp(Op):
    """A convolution of ``inputs`` by kernels given as operands."""

    dtype_rule = SAME

    def output_shape(self, shape: list, filters: Any, kernel_size: tuple) -> tuple:
        return conv_output_shape(
            shape, filters, kernel_size, self.strides, self.padding.lower(), self.data_format, self.dilation_rate
        )


@register_op("Conv")
class Conv(ConvOp):
    """``keras.ops.conv(inputs, kernel)``: ``compute_conv_output_shape`` with the kernel's
    ``(*kernel_size, in_channels, filters)``."""

    def spec(self, inputs: Any, kernel: Any) -> Any:
        shape, kernel_shape = dims(inputs), dims(shape_attribute(kernel))
        _check_channels(shape, kernel_shape, self.data_format, -2)
        return self.output_shape(shape, kernel_shape[-1], tuple(kernel_shape[:-2]))


@register_op("DepthwiseConv")
class DepthwiseConv(Conv):
    """``keras.ops.depthwise_conv(inputs, kernel)``: ``in_channels · multiplier`` filters."""

    def spec(self, inputs: Any, kernel: Any) -> Any:
        shape, kernel_shape = dims(inputs), dims(shape_attribute(kernel))
        _check_channels(shape, kernel_shape, self.data_format, -2)
        return self.output_shape(shape, _times(kernel_shape[-1], kernel_shape[-2]), tuple(kernel_shape[:-2]))


def _times(a: Any, b: Any) -> Any:
    return None if a is None or b is None else a * b


@register_op("SeparableConv")
class SeparableConv(Conv):
    """``keras.ops.separable_conv``: the depthwise convolution's shape (an operation Keras creates
    on the way) with the pointwise kernel's filters."""

    nested_operations = ("DepthwiseConv",)

    def spec(self, inputs: Any, depthwise_kernel: Any, pointwise_kernel: Any) -> Any:
        shape, kernel_shape = dims(inputs), dims(shape_attribute(depthwise_kernel))
        _check_channels(shape, kernel_shape, self.data_format, -2)
        out = list(
            self.output_shape(shape, _times(kernel_shape[-1], kernel_shape[-2]), tuple(kernel_shape[:-2]))
        )
        filters = dims(shape_attribute(pointwise_kernel))[-1]
        out[-1 if self.data_format == "channels_last" else 1] = filters
        return tuple(out)


@register_op("ConvTranspose")
class ConvTranspose(Conv):
    """``backend_utils.compute_conv_transpose_output_shape`` with a kernel
    ``(*kernel_size, filters, in_channels)``."""

    def spec(self, inputs: Any, kernel: Any) -> Any:
        shape, kernel_shape = dims(inputs), dims(shape_attribute(kernel))
        _check_channels(shape, kernel_shape, self.data_format, -1)
        kernel_size, filters = kernel_shape[:-2], kernel_shape[-2]
        n = len(shape) - 2
        output_padding = self.output_padding
        if isinstance(output_padding, int):
            output_padding = (output_padding,) * len(kernel_size)
        strides, dilation = _per_axis(self.strides, n), _per_axis(self.dilation_rate, n)
        padding = self.padding.lower()
        out = []
        for i, length in enumerate(_spatial(shape, self.data_format)):
            if length is not None and padding not in ("valid", "same"):
                raise LayerError(
                    f"The `padding` argument must be one of 'valid', 'same'. Received: padding={padding}", "config"
                )
            pad = None if output_padding is None else output_padding[i]
            out.append(deconv_output_length(length, kernel_size[i], strides[i], padding, pad, dilation[i])[0])
        return _with_spatial(shape, out, filters, self.data_format)


@register_op("OneHot")
class OneHot(Op):
    """``keras.ops.one_hot(x, num_classes, axis=-1)``: an axis of ``num_classes`` at ``axis``."""

    dtype_rule = CONFIGURED

    def spec(self, x: Any) -> Any:
        shape = dims(x)
        if self.axis == -1:
            return (*shape, self.num_classes)
        if 0 <= self.axis < len(shape):
            return (*shape[: self.axis], self.num_classes, *shape[self.axis:])
        raise LayerError(f"axis must be -1 or between [0, {len(shape)}), but received {self.axis}.", "config")

    def output_dtype(self, input_dtypes: list[Any]) -> Any:
        return "float32" if self.args.get("dtype") is None else super().output_dtype(input_dtypes)


@register_op("MultiHot")
class MultiHot(Op):
    """``keras.ops.multi_hot(inputs, num_classes, axis=-1)``: the one-hot axis inserted, then the
    second axis (the classes of a sample) folded away."""

    dtype_rule = SAME

    def spec(self, inputs: Any) -> Any:
        num_classes = self.num_classes
        if num_classes is None:
            num_classes = (self.args.get("kwargs") or {}).get("num_tokens")
        if num_classes is None:
            raise LayerError("Argument `num_classes` must be specified.", "config")
        shape = dims(inputs)
        if self.axis == -1:
            shape.append(num_classes)
        elif 0 <= self.axis < len(shape):
            shape.insert(self.axis, num_classes)
        else:
            raise LayerError(
                f"axis must be -1 or between [0, {len(dims(inputs))}), but received {self.axis}.", "config"
            )
        return (shape[-1],) if len(shape) == 2 else (shape[0], *shape[2:])


def _same_shapes(target: Any, output: Any) -> None:
    if tuple(dims(target)) != tuple(dims(output)):
        raise LayerError(
            "Arguments `target` and `output` must have the same shape. Received: "
            f"target.shape={tuple(target)}, output.shape={tuple(output)}",
            "merge",
        )


@register_op("BinaryCrossentropy")
class BinaryCrossentropy(Op):
    dtype_rule = SAME

    def spec(self, target: Any, output: Any) -> Any:
        _same_shapes(target, output)
        return output

    def output_dtype(self, input_dtypes: list[Any]) -> Any:
        output = self.operand_dtypes[1] if len(self.operand_dtypes) > 1 else None
        return output if isinstance(output, str) else UNKNOWN


@register_op("CategoricalCrossentropy")
class CategoricalCrossentropy(BinaryCrossentropy):
    """The output's shape without its last axis; ``target`` the same shape."""

    def spec(self, target: Any, output: Any) -> Any:
        _same_shapes(target, output)
        if len(dims(target)) < 1:
            raise LayerError(
                f"Arguments `target` and `output` must be at least rank 1. Received: target.shape={tuple(target)}, "
                f"output.shape={tuple(output)}",
                "rank",
            )
        return tuple(dims(output)[:-1])


@register_op("SparseCategoricalCrossentropy")
class SparseCategoricalCrossentropy(BinaryCrossentropy):
    """The output's shape without ``axis``; ``target`` that shape (or with a last axis of 1)."""

    def spec(self, target: Any, output: Any) -> Any:
        out = dims(output)
        if len(out) < 1:
            raise LayerError(f"Argument `output` must be at least rank 1. Received: output.shape={tuple(out)}", "rank")
        axis = canonicalize_axis(self.axis, len(out))
        target_shape = dims(target)
        if len(target_shape) == len(out) and target_shape[-1] == 1:
            target_shape = target_shape[:-1]
        without_class = out[:axis] + out[axis + 1:]
        if target_shape != without_class:
            raise LayerError(
                "Arguments `target` and `output` must have the same shape up until the last dimension: "
                f"target.shape={tuple(target)}, output.shape={tuple(out)}",
                "merge",
            )
        return tuple(without_class)


@register_op("BatchNorm")
class BatchNorm(Op):
    """``keras.ops.batch_normalization(x, mean, variance, axis, offset, scale)``: the shape of
    ``x``; each statistic a vector of ``x.shape[axis]``."""

    dtype_rule = SAME

    def spec(self, x: Any, mean: Any, variance: Any, offset: Any = None, scale: Any = None) -> Any:
        expected = (dims(x)[self.axis],)
        named = [("mean", mean), ("variance", variance)]
        if offset is not None:
            named.append(("offset", offset))
        if offset is not None or scale is not None:
            named.append(("scale", scale))
        for name, value in named:
            shape = tuple(dims(shape_attribute(value)))
            if shape != expected:
                raise LayerError(
                    f"Arguments `{name}` must be a vector of length `x.shape[axis]`. Expected: `{expected}`. "
                    f"Received: `{shape}.",
                    "merge",
                )
        return x


@register_op("LayerNorm", "RMSNorm", "DotProductAttention")
class FirstShape(Op):
    """The first operand's shape (``layer_normalization``, ``rms_normalization``,
    ``dot_product_attention``)."""

    dtype_rule = SAME
    config_may_be_unknown = True

    def spec(self, x: Any, *_: Any) -> Any:
        return x


@register_op("Polar")
class Polar(FirstShape):
    dtype_rule = "float32"


@register_op("PSNR")
class PSNR(Op):
    """A scalar; both inputs of one rank."""

    dtype_rule = "float32"

    def spec(self, x1: Any, x2: Any) -> Any:
        if len(dims(x1)) != len(dims(x2)):
            raise LayerError("Inputs must have the same rank", "rank")
        return ()


@register_op("CTCLoss")
class CTCLoss(Op):
    """``keras.ops.ctc_loss``: one loss per sample; the four inputs agree on the batch size."""

    dtype_rule = "float32"

    def spec(self, target: Any, output: Any, target_length: Any, output_length: Any) -> Any:
        pairs = [("target", target, "output", output), ("target_length", target_length, "target", target),
                 ("output_length", output_length, "output", output)]
        for name1, shape1, name2, shape2 in pairs:
            if dims(shape1)[0] != dims(shape2)[0]:
                raise LayerError(
                    f"Arguments `{name1}` and `{name2}` must have the same first dimension. Received shapes: "
                    f"`{tuple(shape1)}` and `{tuple(shape2)}`.",
                    "merge",
                )
        return (dims(target)[0],)


@register_op("CTCDecode")
class CTCDecode(Op):
    """``keras.ops.ctc_decode``: the paths ``(top_paths, batch, time)`` and their scores
    ``(batch, top_paths)`` (greedy: one path)."""

    outputs = 2

    def spec(self, inputs: Any, sequence_lengths: Any) -> Any:
        shape = dims(inputs)
        top_paths = 1 if self.strategy == "greedy" else self.top_paths
        return [(top_paths, shape[0], shape[1]), (shape[0], top_paths)]


@register_op("Unfold")
class Unfold(Op):
    """``keras.ops.unfold(x, kernel_size)`` on ``(N, C, H, W)``: ``(N, C·kH·kW, outH·outW)``."""

    dtype_rule = SAME

    def spec(self, x: Any) -> Any:
        shape = dims(x)
        if len(shape) != 4:
            raise LayerError(f"Input must be a 4D tensor. Received: input.shape={tuple(shape)}", "rank")
        n, c, h, w = shape
        kh, kw = _pair(self.kernel_size)
        dh, dw = _pair(self.dilation)
        ph, pw = _pair(self.padding)
        sh, sw = _pair(self.stride)
        if h is None or w is None:
            raise LayerError("unsupported operand type(s) for +: 'NoneType' and 'int'", "undefined_dim")
        if c is None:
            raise LayerError("unsupported operand type(s) for *: 'NoneType' and 'int'", "undefined_dim")
        out_h = (h + 2 * ph - dh * (kh - 1) - 1) // sh + 1
        out_w = (w + 2 * pw - dw * (kw - 1) - 1) // sw + 1
        return (n, c * kh * kw, out_h * out_w)


def _pair(value: Any) -> tuple:
    return (value, value) if isinstance(value, int) else tuple(value)


@register_op("Fold")
class Fold(Op):
    """``keras.ops.fold(x, output_size, kernel_size)`` on ``(N, C·kH·kW, L)``: ``(N, C, oH, oW)``."""

    dtype_rule = SAME

    def spec(self, x: Any) -> Any:
        shape = dims(x)
        if len(shape) != 3:
            raise LayerError(f"Input must be a 3D tensor. Received: input.shape={tuple(shape)}", "rank")
        n, ckk, _ = shape
        kh, kw = _pair(self.kernel_size)
        oh, ow = _pair(self.output_size)
        if ckk is not None and ckk % (kh * kw) != 0:
            raise LayerError(
                f"The second dimension of the input ({ckk}) must be divisible by kernel_size product ({kh * kw}).",
                "config",
            )
        return (n, None if ckk is None else ckk // (kh * kw), oh, ow)


@register_op("DepthToSpace")
class DepthToSpace(Op):
    """``keras.ops.depth_to_space(x, block_size)``: channels divided by ``block_size²``, height
    and width multiplied by it (``space_to_depth`` the other way)."""

    dtype_rule = SAME

    def spec(self, x: Any) -> Any:
        block = self.block_size
        name = "depth_to_space" if self.keras_class == "DepthToSpace" else "space_to_depth"
        if block < 2:
            raise LayerError(f"`block_size` must be at least 2. Received: block_size={block}", "config")
        shape = dims(x)
        if len(shape) != 4:
            raise LayerError(f"`{name}` requires a 4D input tensor. Received: x.shape={tuple(shape)}", "rank")
        channels_last = self.data_format == "channels_last"
        b, h, w, c = shape if channels_last else (shape[0], shape[2], shape[3], shape[1])
        if self.keras_class == "DepthToSpace":
            if c is not None and c % block**2 != 0:
                raise LayerError(
                    f"The number of channels ({c}) must be divisible by block_size**2 ({block**2}).", "config"
                )
            c, h, w = (None if c is None else c // block**2, _times(h, block), _times(w, block))
        else:
            if h is not None and h % block != 0:
                raise LayerError(f"Height ({h}) must be divisible by block_size ({block}).", "config")
            if w is not None and w % block != 0:
                raise LayerError(f"Width ({w}) must be divisible by block_size ({block}).", "config")
            c, h, w = (_times(c, block**2), None if h is None else h // block, None if w is None else w // block)
        return (b, h, w, c) if channels_last else (b, c, h, w)


@register_op("SpaceToDepth")
class SpaceToDepth(DepthToSpace):
    pass


@register_op("BiasAdd")
class BiasAdd(Op):
    """Keras 2's ``backend.bias_add(x, bias)`` with a 1-D bias on ``channels_last``: ``tf.nn.bias_add``,
    the shape of ``x``, whose last axis must be the bias's length."""

    def spec(self, x: Any, bias: Any) -> Any:
        shape, bias_shape = dims(x), dims(shape_attribute(bias))
        if not shape or shape[-1] not in (None, bias_shape[0]):
            raise ValueError(f"Dimensions must be equal: the bias has shape {bias_shape}, the input {shape}")
        return x

    def output_dtype(self, input_dtypes: list[Any]) -> Any:
        return None
