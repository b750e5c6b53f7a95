"""Reshaping layers (``keras/src/layers/reshaping/``): no weights, only shapes."""

from __future__ import annotations

from typing import Any

from kerascheck.engine.dims import UNKNOWN, Dim, format_dim, format_shape, product
from kerascheck.engine.layer import InputSpec, LayerError, LayerRule, register
from kerascheck.engine.operation_utils import standardize_data_format, standardize_tuple

_ORDINALS = ("1st", "2nd", "3rd")


@register("Flatten")
class Flatten(LayerRule):
    """``(batch, d1, …, dn) → (batch, d1·…·dn)``, ``None`` if any ``di`` is ``None``.

    A rank-1 input gives ``(batch, 1)``.

    ``data_format`` only reorders values, never the shape.
    """

    input_spec = InputSpec(min_ndim=1)

    def configure(self) -> None:
        self.args["data_format"] = standardize_data_format(self.data_format)

    def compute_output_shape(self, input_shape: tuple) -> tuple:
        dims = input_shape[1:]
        if not dims:
            return (input_shape[0], 1)
        flat = product(dims)
        if len(dims) > 1:
            self.explain(f"Flatten: {'·'.join(format_dim(d) for d in dims)} = {format_dim(flat)}")
        return (input_shape[0], flat)


def validate_reshape_shape(target: tuple, name: str = "target_shape") -> None:
    """``keras.src.ops.operation_utils.validate_reshape_shape``: ints >= -1, one -1 at most."""
    minus_ones = 0
    for dim in target:
        if not isinstance(dim, int):
            continue
        if dim < -1:
            raise LayerError(
                f"Each dimension in `{name}` must be a non-negative integer, or `-1` for a single "
                f"unknown dimension. Received: {name}={target}.",
                "reshape",
            )
        if dim == -1:
            minus_ones += 1
    if minus_ones > 1:
        raise LayerError(
            f"There must be at most one unknown dimension (-1) in `{name}`. Received: {name}={target}.",
            "reshape",
        )


def reshape_output_shape(input_shape: tuple, target: tuple, name: str = "target_shape") -> tuple:
    """``compute_reshape_output_shape``: resolve the ``-1`` of ``target`` from ``input_shape``.

    ``-1 = prod(input_shape) / prod(other target dims)``; it stays ``None`` when any
    input or target dimension is ``None``.
    """
    target = tuple(d if isinstance(d, int) or d is UNKNOWN else None for d in target)
    if any(d is None for d in input_shape) or any(d is None for d in target):
        return tuple(None if d is not UNKNOWN and d == -1 else d for d in target)
    if any(d is UNKNOWN for d in input_shape) or any(d is UNKNOWN for d in target):
        # Sizes cannot be checked; the -1 cannot be resolved.
        return tuple(UNKNOWN if d is not UNKNOWN and d == -1 else d for d in target)
    size = product(input_shape)
    if -1 not in target:
        if size != product(target):
            raise LayerError(
                "The total size of the tensor must be unchanged. Received: "
                f"input_shape={tuple(input_shape)}, {name}={tuple(target)}",
                "reshape",
            )
        return target
    known = product(d for d in target if d != -1)
    if known == 0 or size % known != 0:
        raise LayerError(
            "The total size of the tensor must be unchanged, however, the input size cannot by "
            f"divided by the specified dimensions in {name}. Received: "
            f"input_shape={tuple(input_shape)}, {name}={tuple(target)}",
            "reshape",
        )
    return tuple(size // known if d == -1 else d for d in target)


@register("Reshape")
class Reshape(LayerRule):
    """``(batch,) + target_shape``; one ``-1`` is ``prod(input dims) / prod(other target dims)``."""

    def configure(self) -> None:
        target = self.target_shape
        if target is UNKNOWN:
            return
        if not isinstance(target, (tuple, list)):
            raise LayerError(f"'{type(target).__name__}' object is not iterable", "reshape")
        target = tuple(target)
        validate_reshape_shape(target)
        self.args["target_shape"] = target

    def compute_output_shape(self, input_shape: tuple) -> tuple:
        target = self.target_shape
        if target is UNKNOWN:
            return UNKNOWN
        out = reshape_output_shape(tuple(input_shape[1:]), target)
        for index, d in enumerate(target):
            if isinstance(d, int) and d == -1 and isinstance(out[index], int):
                others = "·".join(format_dim(t) for i, t in enumerate(target) if i != index) or "1"
                inputs = "·".join(format_dim(t) for t in input_shape[1:])
                self.explain(f"Reshape: -1 = {inputs} / {others} = {out[index]}")
        self.explain(f"Reshape: {format_shape(input_shape)} → {format_shape((input_shape[0],) + out)}")
        return (input_shape[0],) + out


def _standardize_nested(value: Any, n: int, what: str, cls: str) -> tuple:
    """ZeroPadding2D/3D and Cropping2D/3D: an int, ``n`` ints, or ``n`` pairs of ints."""
    if value is UNKNOWN:
        return ((UNKNOWN, UNKNOWN),) * n
    if isinstance(value, int):
        if what == "cropping" and value < 0:
            raise LayerError(f"`cropping` cannot be negative. Received: cropping={value}.")
        return ((value, value),) * n
    if isinstance(value, (tuple, list, str)):
        if len(value) != n:
            if n == 2:
                raise LayerError(f"`{what}` should have two elements. Received: {what}={value}.")
            raise LayerError(f"`{what}` should have {n} elements. Received: {value}.")
        return tuple(
            standardize_tuple(entry, 2, f"{_ORDINALS[i]} entry of {what}", allow_zero=True)
            for i, entry in enumerate(value)
        )
    verb = "pad" if what == "padding" else "crop"
    if n == 2:
        raise LayerError(
            f"`{what}` should be either an int, a tuple of 2 ints "
            "(symmetric_height_crop, symmetric_width_crop), or a tuple of 2 tuples of 2 ints "
            f"((top_crop, bottom_crop), (left_crop, right_crop)). Received: {what}={value}."
        )
    raise LayerError(
        f"`{what}` should be either an int, a tuple of 3 ints "
        f"(symmetric_dim1_{verb}, symmetric_dim2_{verb}, symmetric_dim3_{verb}), or a tuple of 3 tuples "
        f"of 2 ints ((left_dim1_{verb}, right_dim1_{verb}), (left_dim2_{verb}, right_dim2_{verb}), "
        f"(left_dim3_{verb}, right_dim2_{verb})). Received: {value}."
    )


def _spatial_axes(data_format: Any, rank: int) -> range:
    offset = 2 if data_format == "channels_first" else 1
    return range(offset, offset + rank)


class BaseZeroPadding(LayerRule):
    """``out = in + before + after`` on each spatial axis (``None`` stays ``None``)."""

    rank = 0

    def configure(self) -> None:
        self.input_spec = InputSpec(ndim=self.rank + 2)
        self.args["data_format"] = standardize_data_format(self.data_format)
        if self.rank == 1:
            self.args["padding"] = (standardize_tuple(self.padding, 2, "padding", allow_zero=True),)
        else:
            self.args["padding"] = _standardize_nested(self.padding, self.rank, "padding", self.keras_class)

    def compute_output_shape(self, input_shape: tuple) -> tuple:
        out = list(input_shape)
        for (before, after), axis in zip(self.padding, _spatial_axes(self.data_format, self.rank)):
            if out[axis] is not None:
                out[axis] = out[axis] + before + after
                size = format_dim(input_shape[axis])
                self.explain(f"axis {axis}: {size} + {before} + {after} = {format_dim(out[axis])}")
        return tuple(out)


@register("ZeroPadding1D")
class ZeroPadding1D(BaseZeroPadding):
    """``padding`` is one int or one ``(left, right)`` pair (kept as a pair of pairs here)."""

    rank = 1


@register("ZeroPadding2D")
class ZeroPadding2D(BaseZeroPadding):
    rank = 2


@register("ZeroPadding3D")
class ZeroPadding3D(BaseZeroPadding):
    rank = 3


def _crop_error(input_shape: tuple, cropping: tuple) -> LayerError:
    return LayerError(
        "Values in `cropping` argument should be smaller than the corresponding spatial dimension "
        f"of the input. Received: input_shape={tuple(input_shape)}, cropping={cropping}",
        "nonpositive",
    )


@register("Cropping1D")
class Cropping1D(LayerRule):
    """``out = length - left - right`` on axis 1; it must stay > 0."""

    input_spec = InputSpec(ndim=3)

    def configure(self) -> None:
        self.args["cropping"] = standardize_tuple(self.cropping, 2, "cropping", allow_zero=True)

    def compute_output_shape(self, input_shape: tuple) -> tuple:
        length: Dim = None
        if input_shape[1] is not None:
            length = input_shape[1] - self.cropping[0] - self.cropping[1]
            if length is not UNKNOWN and length <= 0:
                raise LayerError(
                    "`cropping` parameter of `Cropping1D` layer must be smaller than the input length. "
                    f"Received: input_shape={tuple(input_shape)}, cropping={self.cropping}",
                    "nonpositive",
                )
            left, right = self.cropping
            self.explain(f"axis 1: {format_dim(input_shape[1])} - {left} - {right} = {format_dim(length)}")
        return (input_shape[0], length, input_shape[2])


class BaseCropping(LayerRule):
    """``out = in - before - after`` on each spatial axis; it must stay > 0."""

    rank = 0

    def configure(self) -> None:
        self.input_spec = InputSpec(ndim=self.rank + 2)
        self.args["data_format"] = standardize_data_format(self.data_format)
        self.args["cropping"] = _standardize_nested(self.cropping, self.rank, "cropping", self.keras_class)

    def compute_output_shape(self, input_shape: tuple) -> tuple:
        out = list(input_shape)
        for (before, after), axis in zip(self.cropping, _spatial_axes(self.data_format, self.rank)):
            if out[axis] is None:
                continue
            out[axis] = out[axis] - before - after
            if out[axis] is not UNKNOWN and out[axis] <= 0:
                raise _crop_error(input_shape, self.cropping)
            self.explain(f"axis {axis}: {format_dim(input_shape[axis])} - {before} - {after} = {format_dim(out[axis])}")
        return tuple(out)


@register("Cropping2D")
class Cropping2D(BaseCropping):
    rank = 2


@register("Cropping3D")
class Cropping3D(BaseCropping):
    rank = 3


def _positive_int_arg(value: Any, name: str) -> None:
    if value is UNKNOWN:
        return
    if not isinstance(value, int) or isinstance(value, bool):
        raise LayerError(f"Expected an integer value for `{name}`, got {type(value)}.")
    if value <= 0:
        raise LayerError(f"Argument `{name}` should be a positive integer. Received: {name}={value}")


@register("UpSampling1D")
class UpSampling1D(LayerRule):
    """``(batch, steps, features) → (batch, size·steps, features)``."""

    input_spec = InputSpec(ndim=3)

    def configure(self) -> None:
        _positive_int_arg(self.size, "size")

    def compute_output_shape(self, input_shape: tuple) -> tuple:
        steps = self.size * input_shape[1] if input_shape[1] is not None else None
        if steps is not None:
            self.explain(f"axis 1: {self.size}·{format_dim(input_shape[1])} = {format_dim(steps)}")
        return (input_shape[0], steps, input_shape[2])


class BaseUpSampling(LayerRule):
    """``out = size · in`` on each spatial axis (``None`` stays ``None``)."""

    rank = 0

    def configure(self) -> None:
        self.input_spec = InputSpec(ndim=self.rank + 2)
        self.args["data_format"] = standardize_data_format(self.data_format)
        self.args["size"] = standardize_tuple(self.size, self.rank, "size")

    def compute_output_shape(self, input_shape: tuple) -> tuple:
        out = list(input_shape)
        for size, axis in zip(self.size, _spatial_axes(self.data_format, self.rank)):
            if out[axis] is not None:
                out[axis] = size * out[axis]
                self.explain(f"axis {axis}: {size}·{format_dim(input_shape[axis])} = {format_dim(out[axis])}")
        return tuple(out)


@register("UpSampling2D")
class UpSampling2D(BaseUpSampling):
    rank = 2


@register("UpSampling3D")
class UpSampling3D(BaseUpSampling):
    rank = 3


@register("RepeatVector")
class RepeatVector(LayerRule):
    """``(batch, features) → (batch, n, features)``."""

    input_spec = InputSpec(ndim=2)

    def configure(self) -> None:
        _positive_int_arg(self.n, "n")

    def compute_output_shape(self, input_shape: tuple) -> tuple:
        output = (input_shape[0], self.n, input_shape[1])
        self.explain(f"RepeatVector: {format_shape(input_shape)} → {format_shape(output)}")
        return output


@register("Permute")
class Permute(LayerRule):
    """``out[i] = in[dims[i - 1]]`` for ``i >= 1``; ``dims`` is a permutation of ``1..n``."""

    def configure(self) -> None:
        dims = self.dims
        if dims is UNKNOWN:
            return
        if not isinstance(dims, (tuple, list)):
            raise LayerError(f"'{type(dims).__name__}' object is not iterable", "reshape")
        for d in dims:
            if d is not UNKNOWN and not isinstance(d, (int, float)):
                raise LayerError(f"'<' not supported between instances of '{type(d).__name__}' and 'int'", "reshape")
        if any(d is UNKNOWN for d in dims):
            self.input_spec = InputSpec(ndim=len(dims) + 1)
            return
        if sorted(dims) != list(range(1, len(dims) + 1)):
            raise LayerError(
                "Invalid permutation argument `dims` for Permute Layer. The set of indices in `dims` "
                f"must be consecutive and start from 1. Received dims={dims}",
                "reshape",
            )
        self.args["dims"] = tuple(dims)
        self.input_spec = InputSpec(ndim=len(dims) + 1)

    def compute_output_shape(self, input_shape: tuple) -> tuple:
        if self.dims is UNKNOWN:
            return UNKNOWN
        output = (input_shape[0],) + tuple(input_shape[d] if d is not UNKNOWN else UNKNOWN for d in self.dims)
        self.explain(f"Permute {tuple(self.dims)}: {format_shape(input_shape)} → {format_shape(output)}")
        return output
