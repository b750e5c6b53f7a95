"""Merging layers (``keras/src/layers/merging/``): called on a list of tensors, no weights."""

from __future__ import annotations

from typing import Any

from kerascheck.engine.dims import UNKNOWN, Dim, Unresolved, format_shape
from kerascheck.engine.layer import LayerError, LayerRule, register
from kerascheck.engine.operation_utils import require_index


def _shapes_repr(shapes: Any) -> str:
    """Shapes as Keras prints them in messages: Python tuples (``(None,)``), in a list."""
    if isinstance(shapes, list):
        return "[" + ", ".join(_shapes_repr(s) for s in shapes) + "]"
    return str(tuple(shapes)) if isinstance(shapes, tuple) else str(shapes)


def _require_known_shapes(shapes: list) -> None:
    if any(s is UNKNOWN for s in shapes):
        raise Unresolved("rank of a merge input")


def _known_values(dims: list) -> list[int]:
    """Distinct known sizes among ``dims`` (``None`` and unknown left out)."""
    values: list[int] = []
    for d in dims:
        if d is not None and d is not UNKNOWN and d not in values:
            values.append(d)
    return values


def broadcast_dim(i: Dim, j: Dim, shape1: tuple, shape2: tuple) -> Dim:
    """One axis of ``Merge._compute_elemwise_op_output_shape``."""
    if i is None or j is None:
        return None
    if i is UNKNOWN or j is UNKNOWN:
        return UNKNOWN
    if i == 1:
        return j
    if j == 1:
        return i
    if i != j:
        raise LayerError(
            f"Inputs have incompatible shapes. Received shapes {_shapes_repr(shape1)} and {_shapes_repr(shape2)}",
            "merge",
        )
    return i


def elemwise_output_shape(shape1: tuple, shape2: tuple) -> tuple:
    """Broadcast two shapes without batch axis, aligned on the right, as Keras's ``_Merge``."""
    if len(shape1) < len(shape2):
        return elemwise_output_shape(shape2, shape1)
    if not shape2:
        return shape1
    head = tuple(shape1[: -len(shape2)])
    return head + tuple(broadcast_dim(i, j, shape1, shape2) for i, j in zip(shape1[-len(shape2):], shape2))


class Merge(LayerRule):
    """``keras.src.layers.merging.base_merge.Merge``: element-wise ops with broadcasting.

    Output: ``(batch,) + broadcast(shape[1:] of every input)``; the batch is the one
    known batch size (``None`` if none).
    """

    multiple_inputs = True

    def check_inputs(self, input_shape: Any) -> list:
        """``Merge.build``'s checks; returns the list of input shapes."""
        if not isinstance(input_shape, list):
            raise LayerError(
                "A merge layer should be called on a list of inputs. "
                f"Received: input_shape={_shapes_repr(input_shape)} (not a list of shapes)",
                "merge",
            )
        _require_known_shapes(input_shape)
        batches = _known_values([s[0] for s in input_shape if s])
        if len(batches) > 1:
            raise LayerError(
                f"Cannot merge tensors with different batch sizes. Received tensors with shapes "
                f"{_shapes_repr(input_shape)}",
                "merge",
            )
        return input_shape

    def compute_output_shape(self, input_shape: Any) -> tuple:
        shapes = self.check_inputs(input_shape)
        output = tuple(shapes[0][1:])
        for shape in shapes[1:]:
            output = elemwise_output_shape(output, tuple(shape[1:]))
        batch_dims = [s[0] for s in shapes]
        batches = _known_values(batch_dims)
        if any(b is UNKNOWN for b in batch_dims):
            batch: Dim = UNKNOWN
        else:
            batch = batches[0] if len(batches) == 1 else None
        result = (batch,) + output
        self.explain(f"{self.keras_class}: broadcast {_shapes_repr(shapes)} → {format_shape(result)}")
        return result


@register("Add")
class Add(Merge):
    """``x1 + x2 + …``"""


@register("Multiply")
class Multiply(Merge):
    """``x1 · x2 · …``"""


@register("Average")
class Average(Merge):
    """``(x1 + … + xn) / n``"""


@register("Maximum")
class Maximum(Merge):
    """element-wise maximum"""


@register("Minimum")
class Minimum(Merge):
    """element-wise minimum"""


@register("Subtract")
class Subtract(Merge):
    """``x1 - x2``: exactly two inputs."""

    def check_inputs(self, input_shape: Any) -> list:
        shapes = super().check_inputs(input_shape)
        if len(shapes) != 2:
            raise LayerError(
                "A `Subtract` layer should be called on exactly 2 inputs. "
                f"Received: input_shape={_shapes_repr(shapes)}",
                "merge",
            )
        return shapes


@register("Concatenate")
class Concatenate(Merge):
    """Joins inputs along ``axis``: ``out[axis] = sum(in[axis])`` (``None`` if any is ``None``).

    Every other axis (the batch axis too) must match where both sizes are known.
    """

    def check_inputs(self, input_shape: Any) -> list:
        if not isinstance(input_shape, list) or not input_shape:
            raise LayerError(
                "A `Concatenate` layer should be called on a list of at least 1 input. "
                f"Received: input_shape={_shapes_repr(input_shape)}",
                "merge",
            )
        _require_known_shapes(input_shape)
        axis = self.axis
        if axis is UNKNOWN:
            raise Unresolved("axis")
        if not isinstance(axis, (int, float)):
            raise LayerError(f"unsupported operand type(s) for %: '{type(axis).__name__}' and 'int'", "config")
        require_index(axis, "list")
        reduced = []
        for shape in input_shape:
            dims = list(shape)
            # Keras deletes index `axis` only when `len(shape) > axis` (a negative axis always).
            if len(dims) > axis:
                if not -len(dims) <= axis < len(dims):
                    raise LayerError("list assignment index out of range", "rank")
                del dims[axis]
            reduced.append(dims)
        error = LayerError(
            "A `Concatenate` layer requires inputs with matching shapes except for the concatenation axis. "
            f"Received: input_shape={_shapes_repr(input_shape)}",
            "merge",
        )
        if len({len(dims) for dims in reduced}) != 1:
            raise error
        for column in zip(*reduced):
            if len(_known_values(list(column))) > 1:
                raise error
        return input_shape

    def compute_output_shape(self, input_shape: Any) -> tuple:
        shapes = self.check_inputs(input_shape)
        axis = self.axis
        output = list(shapes[0])
        if not -len(output) <= axis < len(output):
            raise LayerError("list index out of range", "rank")
        parts = [output[axis]]
        for shape in shapes[1:]:
            if output[axis] is None or shape[axis] is None:
                output[axis] = None
                break
            output[axis] = output[axis] + shape[axis]
            parts.append(shape[axis])
        if output[axis] is not None and len(parts) > 1:
            self.explain(f"Concatenate axis {axis}: {' + '.join(str(p) for p in parts)} = {output[axis]}")
        return tuple(output)


@register("Dot")
class Dot(Merge):
    """Dot product of two inputs along ``axes`` (an int, or one axis per input).

    Output: ``shape1`` without ``axes[0]`` followed by ``shape2`` without its batch
    axis and ``axes[1]``; a lone batch axis gets a trailing 1.
    """

    def configure(self) -> None:
        axes = self.axes
        if axes is UNKNOWN or isinstance(axes, int):
            return
        if not isinstance(axes, (list, tuple)):
            raise LayerError(
                f"Invalid type for argument `axes`: it should be a list or an int. Received: axes={axes}"
            )
        if len(axes) != 2:
            raise LayerError(
                f"Invalid format for argument `axes`: it should contain two elements. Received: axes={axes}"
            )
        if not all(isinstance(a, int) or a is UNKNOWN for a in axes):
            raise LayerError(
                f"Invalid format for argument `axes`: list elements should be integers. Received: axes={axes}"
            )

    def _axes(self, shape1: tuple, shape2: tuple) -> list:
        axes = self.axes
        if axes is UNKNOWN or (isinstance(axes, (list, tuple)) and UNKNOWN in [a for a in axes if a is UNKNOWN]):
            raise Unresolved("axes")
        if isinstance(axes, int):
            if axes < 0:
                return [axes % len(shape1), axes % len(shape2)]
            return [axes, axes]
        return list(axes)

    def check_inputs(self, input_shape: Any) -> list:
        if not isinstance(input_shape, list) or len(input_shape) != 2:
            raise LayerError(
                "A `Dot` layer should be called on a list of 2 inputs. "
                f"Received: input_shape={_shapes_repr(input_shape)}",
                "merge",
            )
        _require_known_shapes(input_shape)
        shape1, shape2 = input_shape
        a1, a2 = self._axes(shape1, shape2)
        for shape, a in ((shape1, a1), (shape2, a2)):
            if not -len(shape) <= a < len(shape):
                raise LayerError("tuple index out of range", "rank")
        d1, d2 = shape1[a1], shape2[a2]
        if d1 is not UNKNOWN and d2 is not UNKNOWN and d1 != d2:
            raise LayerError(
                f"Incompatible input shapes: axis values {d1} (at axis {a1}) != {d2} (at axis {a2}). "
                f"Full input shapes: {_shapes_repr(shape1)}, {_shapes_repr(shape2)}",
                "merge",
            )
        return input_shape

    def compute_output_shape(self, input_shape: Any) -> tuple:
        shape1, shape2 = self.check_inputs(input_shape)
        a1, a2 = self._axes(shape1, shape2)
        first, second = list(shape1), list(shape2)
        first.pop(a1)
        second.pop(a2)
        second.pop(0)
        output = first + second
        if len(output) == 1:
            output += [1]
        self.explain(
            f"Dot over axes ({a1}, {a2}): {format_shape(shape1)}·{format_shape(shape2)} "
            f"→ {format_shape(tuple(output))}"
        )
        return tuple(output)
