"""Shape manipulation, indexing, joining and splitting (``keras/src/ops/numpy.py``, ``core.py``,
``einops.py``)."""

from __future__ import annotations

import re
from typing import Any

from kerascheck.engine.dims import UNKNOWN, Unresolved, is_known
from kerascheck.engine.layer import LayerError
from kerascheck.engine.layers.reshaping import reshape_output_shape, validate_reshape_shape
from kerascheck.engine.operations import register_op
from kerascheck.engine.ops.base import (
    PROMOTED,
    SAME,
    Op,
    broadcast_shapes,
    canonicalize_axes,
    canonicalize_axis,
    contains_none,
    dims,
    flat_size,
    is_tensor,
    keras_shape,
    numpy_shape,
    operand_groups,
    prod,
    require_known,
    sections_count,
    shape_attribute,
    shape_equal,
    split_outputs,
    value_of,
)


class ShapeOp(Op):
    """An operation on the shape of one tensor, in its dtype."""

    dtype_rule = SAME


@register_op("GetItem")
class GetItem(ShapeOp):
    """``x[key]``: ``GetItem.compute_output_spec``, key element by key element.

    An int consumes an axis, a slice keeps it with ``len(range(*slice.indices(n)))`` elements
    (``None`` stays ``None``), ``None`` inserts a 1, ``...`` stands for the axes the rest of the
    key does not name (one is implied at the end).  A bare slice, ``...`` or ``None`` key (not in
    a tuple) is rejected.  The key is ``key=`` (a Python subscript) or the second operand
    (``keras.ops.get_item(x, key)``).
    """

    config_may_be_unknown = True

    def spec(self, x: Any, *key_operand: Any) -> Any:
        key = value_of(key_operand[0]) if key_operand else self.args.get("key", UNKNOWN)
        require_known(key)
        shape = dims(x)
        if isinstance(key, int):
            remaining_key = [key]
        elif isinstance(key, (tuple, list)):
            remaining_key = list(key)
        else:
            raise LayerError(f"Unsupported key type for array slice. Received: `{key}`", "config")
        if remaining_key.count(Ellipsis) > 1:
            raise LayerError(f"Slice should only have one ellipsis. Received: `{key}`", "config")
        if Ellipsis not in remaining_key:
            remaining_key.append(Ellipsis)
        remaining_shape = list(shape)
        new_shape: list[Any] = []
        while remaining_key:
            subkey = remaining_key.pop(0)
            if subkey is Ellipsis:
                needed = len(remaining_key) - remaining_key.count(None)
                consumed = len(remaining_shape) - needed
                new_shape += remaining_shape[:consumed]
                remaining_shape = remaining_shape[consumed:]
                continue
            if subkey is None:
                new_shape.append(1)
                continue
            if not remaining_shape:
                raise LayerError(
                    f"Array has shape {tuple(shape)} but slice has to many indices. Received: `{key}`", "rank"
                )
            length = remaining_shape.pop(0)
            if isinstance(subkey, int):  # bool too, as in Keras
                if length is not None:
                    index = subkey if subkey >= 0 else subkey + length
                    if index < 0 or index >= length:
                        raise LayerError(
                            f"Array has shape {tuple(shape)} but out-of-bounds index {key} was requested.", "config"
                        )
            elif isinstance(subkey, slice):
                new_shape.append(None if length is None else len(range(*subkey.indices(length))))
            else:
                raise LayerError(f"Unsupported key type for array slice. Received: `{key}`", "config")
        return tuple(new_shape)


@register_op("Reshape")
class Reshape(ShapeOp):
    """``keras.ops.reshape(x, newshape)``: ``operation_utils.compute_reshape_output_shape``, the
    Reshape layer's on the whole shape (one ``-1`` takes what is left of the input's size; with a
    ``None`` in the input it stays ``None``)."""

    def spec(self, x: Any) -> Any:
        newshape = self.newshape
        newshape = tuple(newshape) if isinstance(newshape, (tuple, list)) else (newshape,)
        if any(not isinstance(d, int) or isinstance(d, bool) for d in newshape if d is not None):
            raise Unresolved("a dimension of newshape is not an integer")
        validate_reshape_shape(newshape, "newshape")
        return reshape_output_shape(tuple(dims(x)), newshape, "newshape")


@register_op("Transpose")
class Transpose(ShapeOp):
    """``operation_utils.compute_transpose_output_shape``: axes reversed, or permuted by ``axes``."""

    def spec(self, x: Any) -> Any:
        if self.axes is None:
            return tuple(dims(x)[::-1])
        shape = dims(x)
        ndim = len(shape)
        if len(self.axes) != ndim:
            raise LayerError(
                f"axis must be a list of the same length as the input shape, expected {ndim}, but received "
                f"{len(self.axes)}.",
                "config",
            )
        normalized = []
        for ax in self.axes:
            if not isinstance(ax, int) or ax < -ndim or ax >= ndim:
                raise LayerError(
                    f"Each axis in `axes` must be an integer in [-{ndim}, {ndim}). Received: axes={list(self.axes)}.",
                    "config",
                )
            normalized.append(ax % ndim)
        if len(set(normalized)) != ndim:
            raise LayerError(
                "`axes` must be a valid permutation of the input dimensions (no duplicates). Received: "
                f"axes={list(self.axes)} for input of rank {ndim}.",
                "config",
            )
        return tuple(shape[a] for a in normalized)


@register_op("ExpandDims")
class ExpandDims(ShapeOp):
    """``operation_utils.compute_expand_dims_output_shape``: a 1 at each of ``axis`` (positions in
    the output)."""

    def spec(self, x: Any) -> Any:
        axis = self.axis
        if not isinstance(axis, (int, tuple, list)):
            raise LayerError(
                f"The `axis` argument to `expand_dims` should be an integer, tuple or list. Received axis={axis}",
                "config",
            )
        shape = dims(x)
        axes = (axis,) if isinstance(axis, int) else tuple(axis)
        out_ndim = len(axes) + len(shape)
        axes = tuple(canonicalize_axis(a, out_ndim) for a in axes)
        if len(set(axes)) != len(axes):
            raise LayerError(f"StopIteration: `axis` names an axis twice. Received axis={axis}", "config")
        rest = iter(shape)
        return tuple(1 if a in axes else next(rest) for a in range(out_ndim))


@register_op("Squeeze")
class Squeeze(ShapeOp):
    """``keras.ops.squeeze(x, axis=None)``: every 1 removed, or those at ``axis`` (which must be 1)."""

    def spec(self, x: Any) -> Any:
        shape = dims(x)
        if self.axis is None:
            return tuple(d for d in shape if d != 1)
        axes = (self.axis,) if isinstance(self.axis, int) else tuple(self.axis)
        for a in axes:
            if not -len(shape) <= a < len(shape):
                raise LayerError("list index out of range", "config")
            if shape[a] != 1:
                raise LayerError(f"Cannot squeeze axis {a}, because the dimension is not 1.", "config")
        drop = {canonicalize_axis(a, len(shape)) for a in axes}
        return tuple(d for i, d in enumerate(shape) if i not in drop)


def _join(shapes: list, axis: int, message: str, first: Any = None) -> tuple:
    """Shapes equal but on ``axis`` (None matching anything), sizes on ``axis`` added up."""
    first = dims(shapes[0]) if first is None else first
    total: Any = 0
    for shape in shapes:
        if not shape_equal(shape, first, axis=[axis]):
            raise LayerError(message.format(shape=tuple(shape), first=tuple(first)), "merge")
        size = dims(shape)[axis]
        total = None if total is None or size is None else total + size
    out = list(first)
    out[axis] = total
    return tuple(out)


JOIN_MESSAGE = (
    "Every value in `xs` must have the same shape except on the `axis` dim. But found element of shape {shape}, "
    "which is different from the first element's shape {first}."
)


@register_op("Concatenate")
class Concatenate(Op):
    """``keras.ops.concatenate(xs, axis=0)``: sizes on ``axis`` add up, the rest must match."""

    dtype_rule = PROMOTED

    def spec(self, *xs: Any) -> Any:
        if self.axis is None:
            raise LayerError("`axis` cannot be None for `concatenate`.", "config")
        shapes = [keras_shape(x) for x in xs]
        axis = canonicalize_axis(self.axis, len(dims(shapes[0])))
        return _join(shapes, axis, JOIN_MESSAGE)


@register_op("Hstack")
class Hstack(Op):
    """``keras.ops.hstack(xs)``: joined on axis 1."""

    dtype_rule = PROMOTED
    axis = 1

    def spec(self, *xs: Any) -> Any:
        shapes = [dims(keras_shape(x)) for x in xs]
        if len(shapes[0]) <= self.axis:
            raise LayerError("list assignment index out of range", "rank")
        return _join(shapes, self.axis, JOIN_MESSAGE)


@register_op("Vstack")
class Vstack(Hstack):
    """``keras.ops.vstack(xs)``: joined on axis 0."""

    axis = 0


@register_op("Dstack")
class Dstack(Op):
    """``keras.ops.dstack(xs)``: each made 3-D (``(1, n, 1)``, ``(m, n, 1)``), joined on axis 2."""

    dtype_rule = PROMOTED

    def spec(self, *xs: Any) -> Any:
        shapes = []
        for x in xs:
            shape = dims(keras_shape(x))
            if len(shape) == 0:
                shape = [1, 1, 1]
            elif len(shape) == 1:
                shape = [1, shape[0], 1]
            elif len(shape) == 2:
                shape = shape + [1]
            shapes.append(shape)
        return _join(shapes, 2, JOIN_MESSAGE)


@register_op("Stack")
class Stack(Op):
    """``keras.ops.stack(x, axis=0)``: equal shapes (None matches anything), a new axis of ``len(x)``."""

    dtype_rule = PROMOTED

    def spec(self, *xs: Any) -> Any:
        first = dims(keras_shape(xs[0]))
        axis = canonicalize_axis(self.axis, len(first) + 1)
        for x in xs:
            if not shape_equal(keras_shape(x), first):
                raise LayerError(
                    f"Every value in `x` must have the same shape. But found element of shape {tuple(keras_shape(x))},"
                    f"  which is different from the first element's shape {tuple(first)}.",
                    "merge",
                )
        first.insert(axis, len(xs))
        return tuple(first)


@register_op("Split")
class Split(ShapeOp):
    """``keras.ops.split(x, indices_or_sections, axis=0)`` (``hsplit``: axis 1, 0 for a vector;
    ``vsplit``: 0; ``dsplit``: 2): ``n`` equal sections, or the pieces between ``indices``."""

    min_rank = 0

    def output_count(self) -> Any:
        return sections_count(self.indices_or_sections)

    def spec(self, x: Any) -> Any:
        sections = self.indices_or_sections
        if not isinstance(sections, int):
            sections = tuple(sections)
        shape = dims(x)
        name = self.keras_class.lower()
        if len(shape) < self.min_rank:
            plural = "" if self.min_rank == 1 else "s"
            raise LayerError(
                f"`{name}` only works on arrays of at least {self.min_rank} dimension{plural}. Received array with "
                f"shape {tuple(shape)}.",
                "rank",
            )
        return split_outputs(x, sections, self.split_axis(shape))

    def split_axis(self, shape: list) -> int:
        return self.axis


@register_op("Hsplit")
class Hsplit(Split):
    min_rank = 1

    def split_axis(self, shape: list) -> int:
        return 0 if len(shape) == 1 else 1


@register_op("Vsplit")
class Vsplit(Split):
    min_rank = 2

    def split_axis(self, shape: list) -> int:
        return 0


@register_op("Dsplit")
class Dsplit(Split):
    min_rank = 3

    def split_axis(self, shape: list) -> int:
        return 2


@register_op("ArraySplit")
class ArraySplit(ShapeOp):
    """``keras.ops.array_split(x, n, axis=0)``: ``n`` pieces, the first ``size % n`` one longer."""

    def output_count(self) -> Any:
        n = self.indices_or_sections
        return n if isinstance(n, int) and not isinstance(n, bool) and n > 0 else None

    def spec(self, x: Any) -> Any:
        n, axis = self.indices_or_sections, self.axis
        if not isinstance(n, int):
            raise LayerError(
                f"Argument `indices_or_sections` must be of type `int`. Received: indices_or_sections={n}", "config"
            )
        if n <= 0:
            raise LayerError(
                f"Argument `indices_or_sections` must be a positive integer. Received: indices_or_sections={n}",
                "config",
            )
        if not isinstance(axis, int):
            raise LayerError(f"Argument `axis` must be of type `int`. Received: {axis}", "config")
        shape = dims(x)
        if axis < 0:
            axis += len(shape)
        if not 0 <= axis < len(shape):
            raise LayerError("tuple index out of range", "config")
        total = shape[axis]
        if total is None:
            return [tuple(shape)] * n
        outputs = []
        for i in range(n):
            shape[axis] = total // n + (1 if i < total % n else 0)
            outputs.append(tuple(shape))
        return outputs


@register_op("Tile")
class Tile(ShapeOp):
    """``keras.ops.tile(x, repeats)``: shape and ``repeats`` padded with 1s to one length, multiplied."""

    def spec(self, x: Any) -> Any:
        repeats = [self.repeats] if isinstance(self.repeats, int) else list(self.repeats)
        shape = dims(x)
        if len(shape) > len(repeats):
            repeats = [1] * (len(shape) - len(repeats)) + repeats
        else:
            shape = [1] * (len(repeats) - len(shape)) + shape
        return tuple(None if size is None else size * repeat for size, repeat in zip(shape, repeats))


@register_op("Repeat")
class Repeat(ShapeOp):
    """``keras.ops.repeat(x, repeats, axis=None)``: each element ``repeats`` times along ``axis``
    (without ``axis``, of the flattened ``x``); a list gives a count per element."""

    def spec(self, x: Any) -> Any:
        repeats = [self.repeats] if isinstance(self.repeats, int) else list(self.repeats)
        broadcast = len(repeats) == 1
        shape = dims(x)
        if self.axis is None:
            if contains_none(shape):
                return (None,)
            size = prod(shape)
            if broadcast:
                return (size * repeats[0],)
            if len(repeats) != size:
                raise LayerError(
                    "Size of `repeats` and dimensions of `x` after flattening should be compatible. Received: "
                    f"{len(repeats)} and {size}",
                    "config",
                )
            return (sum(repeats),)
        size = shape[self.axis]
        if size is None:
            return tuple(shape)
        if broadcast:
            shape[self.axis] = size * repeats[0]
        elif size != len(repeats):
            raise LayerError(
                f"Size of `repeats` and dimensions of `axis {self.axis} of x` should be compatible. Received: "
                f"{len(repeats)} and {shape}",
                "config",
            )
        else:
            shape[self.axis] = sum(repeats)
        return tuple(shape)


@register_op("Pad")
class Pad(ShapeOp):
    """``keras.ops.pad(x, pad_width)``: each axis grows by its ``(before, after)`` (one pair for
    every axis, or one per axis)."""

    def spec(self, x: Any, constant_values: Any = None) -> Any:
        pad_width = self.pad_width
        if isinstance(pad_width, int):
            pad_width = ((pad_width, pad_width),)
        elif isinstance(pad_width, (tuple, list)) and isinstance(pad_width[0], int):
            pad_width = (pad_width,)
        else:
            pad_width = list(pad_width)
            first_len = len(pad_width[0])
            for i, pw in enumerate(pad_width):
                if len(pw) != first_len:
                    raise LayerError(
                        "`pad_width` should be a list of tuples of length 1 or 2. Received: "
                        f"pad_width={self.pad_width}",
                        "config",
                    )
                if len(pw) == 1:
                    pad_width[i] = (pw[0], pw[0])
        shape = dims(x)
        if len(pad_width) == 1:
            pad_width = [pad_width[0]] * len(shape)
        elif len(pad_width) != len(shape):
            raise LayerError(
                f"`pad_width` must have the same length as `x.shape`. Received: pad_width={pad_width} (of length "
                f"{len(pad_width)}) and x.shape={tuple(shape)} (of length {len(shape)})",
                "rank",
            )
        return tuple(None if d is None else d + pw[0] + pw[1] for d, pw in zip(shape, pad_width))


@register_op("Take")
class Take(ShapeOp):
    """``keras.ops.take(x, indices, axis=None)``: ``axis`` replaced by the indices' shape (without
    ``axis``, the indices' shape)."""

    def spec(self, x: Any, indices: Any) -> Any:
        indices_shape = dims(keras_shape(indices) if is_tensor(indices) else numpy_shape(indices))
        shape = dims(x)
        if self.axis is None:
            return tuple(indices_shape)
        axis = canonicalize_axis(self.axis, len(shape))
        return tuple(shape[:axis] + indices_shape + shape[axis + 1:])


@register_op("TakeAlongAxis")
class TakeAlongAxis(ShapeOp):
    """``operation_utils.compute_take_along_axis_output_shape``."""

    def spec(self, x: Any, indices: Any) -> Any:
        shape = dims(x)
        indices_shape = dims(shape_attribute(indices))
        if self.axis is None:
            shape = [flat_size(shape)]
        if len(shape) != len(indices_shape):
            raise LayerError(
                "`x` and `indices` must have the same number of dimensions, but receive shape "
                f"{shape} and {indices_shape}.",
                "rank",
            )
        axis = 0 if self.axis is None else canonicalize_axis(self.axis, len(shape))
        shape[axis] = indices_shape[axis]
        return tuple(broadcast_shapes(shape, indices_shape))


@register_op("Flip", "Roll")
class Flip(ShapeOp):
    """The input's shape; ``axis`` must be among its axes."""

    def spec(self, x: Any) -> Any:
        if self.axis is not None:
            canonicalize_axes(self.axis, len(dims(x)))
        return x


@register_op("Fliplr")
class FlipSide(ShapeOp):
    """The input's shape, of rank 2 or more (``fliplr``), 1 or more (``flipud``)."""

    def spec(self, x: Any) -> Any:
        minimum = 2 if self.keras_class == "Fliplr" else 1
        if len(dims(x)) < minimum:
            plural = "s" if minimum > 1 else ""
            raise LayerError(
                f"`{self.keras_class.lower()}` requires input with {minimum} or more dimension{plural}. Received: "
                f"x.shape={tuple(x)}",
                "rank",
            )
        return x


@register_op("Flipud")
class Flipud(FlipSide):
    pass


@register_op("Rot90")
class Rot90(ShapeOp):
    """``keras.ops.rot90(array, k=1, axes=(0, 1))``: the two axes swapped."""

    def spec(self, array: Any) -> Any:
        shape = dims(array)
        if len(shape) < 2:
            raise LayerError(f"Input array must have at least 2 dimensions. Received: array.shape={shape}", "rank")
        if len(self.axes) != 2 or self.axes[0] == self.axes[1]:
            raise LayerError(f"Invalid axes: {self.axes}. Axes must be a tuple of two different dimensions.", "config")
        a, b = self.axes
        shape[a], shape[b] = shape[b], shape[a]
        return tuple(shape)


@register_op("Moveaxis")
class Moveaxis(ShapeOp):
    """``keras.ops.moveaxis(x, source, destination)``: the ``source`` axes moved to ``destination``,
    the others in order."""

    def spec(self, x: Any) -> Any:
        source = [self.source] if isinstance(self.source, int) else list(self.source)
        destination = [self.destination] if isinstance(self.destination, int) else list(self.destination)
        if len(source) != len(destination):
            raise LayerError(
                "`source` and `destination` arguments must have the same number of elements, but received "
                f"`source={self.source}` and `destination={self.destination}`.",
                "config",
            )
        shape = dims(x)
        ndim = len(shape)
        sources = [canonicalize_axis(a, ndim) for a in source]
        destinations = [canonicalize_axis(a, ndim) for a in destination]
        rest = list(shape)
        out: list[Any] = [-1] * ndim
        for s, d in zip(sources, destinations):
            out[d] = shape[s]
            rest[s] = -1
        remaining = iter(d for d in rest if d != -1)
        return tuple(next(remaining) if o == -1 else o for o in out)


@register_op("Swapaxes")
class Swapaxes(ShapeOp):
    def spec(self, x: Any) -> Any:
        shape = dims(x)
        a, b = canonicalize_axis(self.axis1, len(shape)), canonicalize_axis(self.axis2, len(shape))
        shape[a], shape[b] = shape[b], shape[a]
        return tuple(shape)


@register_op("BroadcastTo")
class BroadcastTo(ShapeOp):
    """``keras.ops.broadcast_to(x, shape)``: ``shape``, which ``x`` must broadcast to."""

    def spec(self, x: Any) -> Any:
        broadcast_shapes(x, self.shape)
        return tuple(self.shape)


@register_op("Ravel")
class Ravel(ShapeOp):
    def spec(self, x: Any) -> Any:
        return (flat_size(x),)


@register_op("Size")
class Size(Op):
    dtype_rule = "int32"
    config_may_be_unknown = True

    def spec(self, x: Any) -> Any:
        return ()


@register_op("Ndim")
class Ndim(Op):
    """``KerasTensor([len(x.shape)])``: a vector as long as the rank is."""

    dtype_rule = "float32"

    def spec(self, x: Any) -> Any:
        return (len(dims(x)),)


@register_op("Diag")
class Diag(ShapeOp):
    """``keras.ops.diag(x, k=0)``: a vector makes a square matrix of side ``n + |k|``; a matrix
    gives its ``k``-th diagonal."""

    def spec(self, x: Any) -> Any:
        shape, k = dims(x), self.k
        if len(shape) == 1:
            return (None, None) if shape[0] is None else (shape[0] + abs(k),) * 2
        if len(shape) == 2:
            if contains_none(shape):
                return (None,)
            remaining = shape[1] - k if k > 0 else shape[0] + k
            return (max(0, min(remaining, min(shape))),)
        raise LayerError(f"`x` must be 1-D or 2-D, but received shape {tuple(shape)}.", "rank")


@register_op("Diagflat")
class Diagflat(ShapeOp):
    def spec(self, x: Any) -> Any:
        size = 1 if not dims(x) else flat_size(x)
        return (None, None) if size is None else (size + abs(self.k),) * 2


def _diagonal_length(rows: Any, columns: Any, offset: Any) -> Any:
    if rows is None or columns is None:
        return None
    remaining = columns - offset if offset > 0 else rows + offset
    return max(0, min(remaining, min(rows, columns)))


def _check_axes(rule: Op, shape: list, message: str) -> tuple[int, int]:
    a = canonicalize_axis(rule.axis1, len(shape))
    b = canonicalize_axis(rule.axis2, len(shape))
    if a == b:
        raise LayerError(message.format(rule.axis1, rule.axis2), "config")
    return a, b


@register_op("Diagonal")
class Diagonal(ShapeOp):
    """``keras.ops.diagonal(x, offset, axis1, axis2)``: both axes removed, the diagonal's length last."""

    def spec(self, x: Any) -> Any:
        shape = dims(x)
        a, b = _check_axes(self, shape, "`axis1` and `axis2` cannot be the same. Received: axis1={}, axis2={}")
        if len(shape) < 2:
            raise LayerError(
                f"`diagonal` requires an array of at least two dimensions, but `x` is of shape {tuple(shape)}.", "rank"
            )
        rest = [d for i, d in enumerate(shape) if i not in (self.axis1 % len(shape), self.axis2 % len(shape))]
        return (*rest, _diagonal_length(shape[a], shape[b], self.offset))


@register_op("Trace")
class Trace(Op):
    """``keras.ops.trace(x, offset, axis1, axis2)``: both axes removed."""

    def spec(self, x: Any) -> Any:
        shape = dims(x)
        a, b = _check_axes(self, shape, "`axis1` and `axis2` must be different. Received: axis1={}, axis2={}")
        return tuple(d for i, d in enumerate(shape) if i not in (a, b))

    def output_dtype(self, input_dtypes: list[Any]) -> Any:
        first = input_dtypes[0] if input_dtypes else None
        return first if first in ("float16", "bfloat16", "float32", "float64", "int32") else UNKNOWN


@register_op("Sort")
class Sort(ShapeOp):
    """The input's shape; without ``axis``, its flattened length."""

    def spec(self, x: Any) -> Any:
        if self.axis is None:
            return (flat_size(x),)
        canonicalize_axis(self.axis, len(dims(x)))
        return x


@register_op("Argsort")
class Argsort(Sort):
    dtype_rule = "int32"


@register_op("Argpartition")
class Argpartition(ShapeOp):
    dtype_rule = "int32"

    def spec(self, x: Any) -> Any:
        if not isinstance(self.kth, int):
            raise LayerError(f"kth must be an integer. Received:kth = {self.kth}", "config")
        if self.axis is None:
            return (flat_size(x),)
        return x


@register_op("Append")
class Append(Op):
    """``keras.ops.append(x1, x2, axis=None)``: flattened and joined, or joined on ``axis``."""

    dtype_rule = PROMOTED

    def spec(self, x1: Any, x2: Any) -> Any:
        s1, s2 = shape_attribute(x1), shape_attribute(x2)
        if self.axis is None:
            if contains_none(s1) or contains_none(s2):
                return (None,)
            return (prod(dims(s1)) + prod(dims(s2)),)
        if not shape_equal(s1, s2, [self.axis]):
            raise LayerError(
                f"`append` requires inputs to have the same shape except the `axis={self.axis}`, but received shape "
                f"{tuple(s1)} and {tuple(s2)}.",
                "merge",
            )
        out = dims(s1)
        a, b = out[self.axis], dims(s2)[self.axis]
        if a is None or b is None:
            raise LayerError(
                f"unsupported operand type(s) for +: '{type(a).__name__}' and '{type(b).__name__}'", "merge"
            )
        out[self.axis] = a + b
        return tuple(out)


@register_op("Diff")
class Diff(ShapeOp):
    """``keras.ops.diff(a, n=1, axis=-1)``: ``axis`` shortened by ``n`` (not below 0)."""

    def spec(self, a: Any) -> Any:
        shape = dims(a)
        axis = canonicalize_axis(self.axis, len(shape))
        if shape[axis] is not None:
            shape[axis] = max(shape[axis] - self.n, 0)
        return tuple(shape)


@register_op("Rearrange")
class Rearrange(ShapeOp):
    """``keras.ops.rearrange(tensor, pattern, **axes_lengths)`` (einops): each output group's size
    is the product of its axes' sizes (a grouped input axis is split by the lengths given)."""

    def spec(self, tensor: Any, pattern: Any = None, *_: Any) -> Any:
        pattern = value_of(pattern)
        require_known(pattern)
        lengths = dict(self.args.get("axes_lengths") or {})
        input_pattern, output_pattern = re.split(r"\s*->\s*", pattern)
        input_axes = re.findall(r"\w+|\(.*?\)", input_pattern)
        output_axes = re.findall(r"\w+|\(.*?\)", output_pattern)
        axes_map: dict[str, Any] = {}
        for axis, dim in zip(input_axes, dims(tensor)):
            grouped = re.match(r"\(([\w\s]+)\)", axis)
            if grouped:
                inner = grouped.group(1).split()
                known = [a for a in inner if a in lengths]
                inferred = [a for a in inner if a not in lengths]
                if inferred:
                    if dim is None:
                        raise LayerError("unsupported operand type(s) for //: 'NoneType' and 'int'", "undefined_dim")
                    lengths[inferred[0]] = dim // prod(lengths[a] for a in known)
                axes_map.update({a: lengths[a] for a in inner})
            else:
                axes_map[axis] = dim
        out = []
        for axis in output_axes:
            grouped = re.match(r"\(([\w\s]+)\)", axis)
            size: Any = 1
            for name in grouped.group(1).split() if grouped else [axis]:
                if axes_map[name] is None:
                    raise LayerError("unsupported operand type(s) for *=: 'int' and 'NoneType'", "undefined_dim")
                size *= axes_map[name]
            out.append(size)
        return tuple(out)


@register_op("Meshgrid")
class Meshgrid(Op):
    """``keras.ops.meshgrid(*x, indexing="xy")``: one tensor per input, each of the inputs' sizes
    (``xy`` swaps the first two)."""

    def output_count(self) -> Any:
        return self.args.get("operand_counts", {}).get("x")

    def spec(self, *xs: Any) -> Any:
        if self.indexing not in ("xy", "ij"):
            raise LayerError("Valid values for `indexing` are 'xy' and 'ij', but received {index}.", "config")
        shape = [1 if not dims(keras_shape(x)) else flat_size(keras_shape(x)) for x in xs]
        if self.indexing == "xy":
            if len(shape) < 2:
                raise LayerError("list index out of range", "config")
            shape[0], shape[1] = shape[1], shape[0]
        return [tuple(shape)] * len(xs)


@register_op("Nonzero")
class Nonzero(Op):
    """One index vector of unknown length per axis."""

    dtype_rule = "int32"
    outputs = 0

    def output_count(self) -> Any:
        return None

    def spec(self, x: Any) -> Any:
        rank = len(dims(x))
        if rank == 0:
            raise Unresolved("an empty tuple of outputs")
        return [(None,)] * rank


@register_op("Unique")
class Unique(Op):
    """``keras.ops.unique``: values (``size`` of them, or unknown), then the index, inverse and
    counts the flags ask for."""

    def output_count(self) -> Any:
        flags = [self.return_index, self.return_inverse, self.return_counts]
        return 1 + sum(bool(f) for f in flags) if is_known(flags) else None

    def spec(self, x: Any) -> Any:
        shape = dims(x)
        size = self.size
        if self.axis is None:
            values: tuple = (size,)
        else:
            axis = canonicalize_axis(self.axis, len(shape))
            values = tuple(size if i == axis else d for i, d in enumerate(shape))
        outputs = [values]
        if self.return_index:
            outputs.append((size,))
        if self.return_inverse:
            outputs.append(tuple(shape) if self.axis is None else (shape[canonicalize_axis(self.axis, len(shape))],))
        if self.return_counts:
            outputs.append((size,))
        return outputs[0] if len(outputs) == 1 else outputs


@register_op("UnravelIndex")
class UnravelIndex(ShapeOp):
    """``keras.ops.unravel_index(indices, shape)``: one tensor per axis of ``shape``, each the
    indices' shape (None: of unknown length)."""

    def output_count(self) -> Any:
        return len(self.shape) if isinstance(self.shape, (tuple, list)) else None

    def spec(self, indices: Any) -> Any:
        if None in self.shape:
            return [(None,)] * len(self.shape)
        return [tuple(dims(indices))] * len(self.shape)


@register_op("SearchSorted")
class SearchSorted(Op):
    """``keras.ops.searchsorted(sorted_sequence, values)``: the values' shape; the sequence is 1-D."""

    def spec(self, sorted_sequence: Any, values: Any) -> Any:
        if len(dims(sorted_sequence)) != 1:
            raise LayerError(
                "searchsorted only supports 1-D sorted sequences. Usekeras.ops.vectorized_map to extend to N-D "
                "sequences.",
                "rank",
            )
        return values

    def output_dtype(self, input_dtypes: list[Any]) -> Any:
        return UNKNOWN


@register_op("Digitize")
class Digitize(Op):
    """``keras.ops.digitize(x, bins)``: the shape of ``x``; ``bins`` is 1-D."""

    dtype_rule = "int32"

    def spec(self, x: Any, bins: Any) -> Any:
        if len(dims(shape_attribute(bins))) > 1:
            raise LayerError(f"`bins` must be a 1D array. Received: bins shape={tuple(bins)}", "rank")
        return x


@register_op("Select")
class Select(Op):
    """``keras.ops.select(condlist, choicelist, default=0)``: the first choice's shape."""

    def spec(self, *operands: Any) -> Any:
        condlist, choicelist = operand_groups(self, operands, "condlist", "choicelist")
        if not condlist or not choicelist:
            raise LayerError("condlist and choicelist must not be empty.", "config")
        return shape_attribute(choicelist[0])


@register_op("Bincount")
class Bincount(Op):
    """``keras.ops.bincount(x)``: the last axis replaced by one of unknown length."""

    def spec(self, x: Any) -> Any:
        return (*dims(x)[:-1], None)

    def output_dtype(self, input_dtypes: list[Any]) -> Any:
        return "int32" if self.args.get("weights") is None else UNKNOWN


@register_op("Histogram")
class Histogram(Op):
    """``keras.ops.histogram(x, bins=10, range=None)``: the counts (``bins``) and the edges
    (``bins + 1``)."""

    dtype_rule = SAME
    outputs = 2

    def spec(self, x: Any) -> Any:
        bins, value_range = self.bins, self.range
        if not isinstance(bins, int):
            raise LayerError(f"Argument `bins` must be of type `int`. Received: bins={bins}", "config")
        if bins < 0:
            raise LayerError(f"Argument `bins` should be a non-negative integer. Received: bins={bins}", "config")
        if value_range:
            if len(value_range) < 2 or not isinstance(value_range, tuple):
                raise LayerError(
                    f"Argument `range` must be a tuple of two elements. Received: range={value_range}", "config"
                )
            if value_range[1] < value_range[0]:
                raise LayerError(
                    f"The second element of `range` must be greater than the first. Received: range={value_range}",
                    "config",
                )
        return [(bins,), (bins + 1,)]


@register_op("Vander")
class Vander(ShapeOp):
    """``keras.ops.vander(x, N=None)``: a 1-D input of length n gives ``(n, N)`` (N: n by default)."""

    def spec(self, x: Any) -> Any:
        shape = dims(x)
        if len(shape) != 1:
            raise LayerError(f"Input tensor must be 1-dimensional. Received: input.shape={tuple(shape)}", "rank")
        n = self.N
        if n is not None:
            if not isinstance(n, int):
                raise LayerError(f"Argument `N` must be of type `int`. Received: N={n} of type {type(n)}", "config")
            if n < 0:
                raise LayerError(f"Argument 'N' must be nonnegative. Received: N={n}", "config")
        if not isinstance(self.increasing, bool):
            raise LayerError(
                f"Argument `increasing` must be of type `bool`. Received: increasing={self.increasing} of type "
                f"{type(self.increasing)}",
                "config",
            )
        return (shape[0], shape[0] if n is None else n)
