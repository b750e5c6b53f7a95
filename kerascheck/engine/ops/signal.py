"""Signal processing and other ``keras.ops.math`` operations (``keras/src/ops/math.py``): FFTs,
short-time transforms, segment reductions, top-k, pairwise distances, complex views."""

from __future__ import annotations

from typing import Any

from kerascheck.engine.layer import LayerError
from kerascheck.engine.operations import register_op
from kerascheck.engine.ops.base import SAME, Op, broadcast_shapes, dims, operand_groups, shape_attribute


def _real_imaginary(rule: Op, operands: tuple) -> list:
    """The real part's shape of an ``x`` that must be ``(real, imaginary)`` of one shape."""
    counts = rule.args.get("operand_counts", {})
    if counts.get("x") != 2:
        raise LayerError("Input `x` should be a tuple of two tensors - real and imaginary.", "config")
    real, imag = operand_groups(rule, operands, "x")[0]
    if tuple(dims(real)) != tuple(dims(imag)):
        raise LayerError(
            "Input `x` should be a tuple of two tensors - real and imaginary. Both the real and imaginary parts "
            f"should have the same shape. Received: x[0].shape = {tuple(real)}, x[1].shape = {tuple(imag)}",
            "merge",
        )
    return dims(real)


def _min_rank(shape: list, rank: int) -> None:
    if len(shape) < rank:
        raise LayerError(f"Input should have rank >= {rank}. Received: input.shape = {tuple(shape)}", "rank")


class Transform(Op):
    dtype_rule = SAME


@register_op("FFT")
class FFT(Transform):
    """``keras.ops.fft((real, imag))``: both parts' shapes; the transformed axes (the last one,
    the last two for ``fft2``) must be known."""

    outputs = 2

    def spec(self, *operands: Any) -> Any:
        shape = _real_imaginary(self, operands)
        rank = 1 if self.keras_class == "FFT" else 2
        _min_rank(shape, rank)
        if any(d is None for d in shape[-rank:]):
            if rank == 1:
                message = f"Input should have its last dimension fully-defined. Received: input.shape = {tuple(shape)}"
            else:
                message = f"Input should have its (-2, -1) axes fully-defined. Received: input.shape = {tuple(shape)}"
            raise LayerError(message, "undefined_dim")
        return [tuple(shape), tuple(shape)]


@register_op("FFT2", "IFFT2")
class FFT2(FFT):
    pass


@register_op("RFFT")
class RFFT(Transform):
    """``keras.ops.rfft(x, fft_length=None)``: the last axis ``n // 2 + 1`` (n: ``fft_length``, or
    the axis's size), for the real and the imaginary part."""

    outputs = 2

    def spec(self, x: Any) -> Any:
        shape = dims(x)
        _min_rank(shape, 1)
        if self.fft_length is not None:
            last = self.fft_length // 2 + 1
        else:
            last = None if shape[-1] is None else shape[-1] // 2 + 1
        out = (*shape[:-1], last)
        return [out, out]


@register_op("IRFFT")
class IRFFT(Transform):
    """``keras.ops.irfft((real, imag), fft_length=None)``: the last axis ``fft_length``, or
    ``2·(n - 1)``."""

    def spec(self, *operands: Any) -> Any:
        shape = _real_imaginary(self, operands)
        _min_rank(shape, 1)
        if self.fft_length is not None:
            last = self.fft_length
        else:
            last = None if shape[-1] is None else 2 * (shape[-1] - 1)
        return (*shape[:-1], last)


def _check_stride(stride: Any) -> None:
    if not isinstance(stride, int) or stride <= 0:
        raise LayerError(f"`sequence_stride` must be a positive integer. Received: sequence_stride={stride}", "config")


@register_op("STFT")
class STFT(Transform):
    """``keras.ops.stft``: ``1 + (n + padding - fft_length) // stride`` frames of
    ``fft_length // 2 + 1`` frequencies (``padding``: ``fft_length`` rounded down to even when
    ``center``), for the real and the imaginary part."""

    outputs = 2

    def spec(self, x: Any) -> Any:
        _check_stride(self.sequence_stride)
        shape = dims(x)
        if shape[-1] is not None:
            padded = 0 if self.center is False else self.fft_length // 2 * 2
            frames = 1 + (shape[-1] + padded - self.fft_length) // self.sequence_stride
        else:
            frames = None
        out = (*shape[:-1], frames, self.fft_length // 2 + 1)
        return [out, out]


@register_op("ISTFT")
class ISTFT(Transform):
    """``keras.ops.istft((real, imag), ...)``: ``length``, else ``(frames - 1)·stride + fft_length``
    (less the centring padding)."""

    def spec(self, *operands: Any) -> Any:
        _check_stride(self.sequence_stride)
        shape = _real_imaginary(self, operands)
        _min_rank(shape, 2)
        if shape[-2] is not None:
            size = (shape[-2] - 1) * self.sequence_stride + self.fft_length
            if self.length is not None:
                size = self.length
            elif self.center:
                size = size - self.fft_length // 2 * 2
        else:
            size = self.length
        return (*shape[:-2], size)


@register_op("ExtractSequences")
class ExtractSequences(Transform):
    """``1 + (n - sequence_length) // sequence_stride`` sequences of ``sequence_length``."""

    def spec(self, x: Any) -> Any:
        shape = dims(x)
        _min_rank(shape, 1)
        count = None if shape[-1] is None else 1 + (shape[-1] - self.sequence_length) // self.sequence_stride
        return (*shape[:-1], count, self.sequence_length)


@register_op("SegmentSum", "SegmentMax", "SegmentMin", "SegmentProd")
class SegmentReduction(Transform):
    """``(num_segments,) + data.shape[1:]``; ``segment_ids`` a vector as long as ``data``."""

    def spec(self, data: Any, segment_ids: Any) -> Any:
        data_shape, ids_shape = dims(data), dims(shape_attribute(segment_ids))
        if len(ids_shape) > 1:
            raise LayerError(
                f"Argument `segment_ids` should be an 1-D vector, got shape: {len(ids_shape)}. Consider either flatten "
                "input with segment_ids.reshape((-1)) and data.reshape((-1, ) + data.shape[len(segment_ids.shape):]) "
                "or vectorize with vmap.",
                "rank",
            )
        if ids_shape[0] is not None and data_shape[0] is not None and ids_shape[0] != data_shape[0]:
            raise LayerError(
                "Argument `segment_ids` and `data` should have same leading dimension. Got "
                f"{tuple(ids_shape)} v.s. {tuple(data_shape)}.",
                "merge",
            )
        return (self.num_segments, *data_shape[1:])


@register_op("TopK")
class TopK(Op):
    """The ``k`` largest values and their indices: the last axis ``k``."""

    outputs = 2

    def spec(self, x: Any) -> Any:
        shape = dims(x)
        if not shape:
            raise LayerError("list assignment index out of range", "rank")
        shape[-1] = self.k
        return [tuple(shape), tuple(shape)]


@register_op("InTopK")
class InTopK(Op):
    dtype_rule = "bool"

    def spec(self, targets: Any, predictions: Any) -> Any:
        return targets


@register_op("CDist")
class CDist(Op):
    """``keras.ops.cdist(x, y)``: ``broadcast(batch) + (x.shape[-2], y.shape[-2])``."""

    def spec(self, x: Any, y: Any) -> Any:
        sx, sy = dims(x), dims(y)
        if len(sx) < 2 or len(sy) < 2:
            raise LayerError(
                f"Inputs to `cdist` must have rank >= 2. Received shapes: x.shape={tuple(sx)}, y.shape={tuple(sy)}",
                "rank",
            )
        if sx[-1] is not None and sy[-1] is not None and sx[-1] != sy[-1]:
            raise LayerError(
                "The last dimension of inputs to `cdist` must match. Received shapes: "
                f"x.shape={tuple(sx)}, y.shape={tuple(sy)}",
                "merge",
            )
        try:
            batch = broadcast_shapes(sx[:-2], sy[:-2])
        except LayerError:
            raise LayerError(
                "Batch dimensions of inputs to `cdist` must be broadcastable. Received shapes: "
                f"x.shape={tuple(sx)}, y.shape={tuple(sy)}",
                "merge",
            ) from None
        return (*batch, sx[-2], sy[-2])


@register_op("ViewAsComplex")
class ViewAsComplex(Op):
    dtype_rule = "complex64"

    def spec(self, x: Any) -> Any:
        return tuple(dims(x)[:-1])


@register_op("ViewAsReal")
class ViewAsReal(Op):
    dtype_rule = "float32"

    def spec(self, x: Any) -> Any:
        return (*dims(x), 2)
