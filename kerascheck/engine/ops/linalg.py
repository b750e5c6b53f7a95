"""Products and linear algebra (``keras/src/ops/numpy.py``, ``linalg.py``, ``math.logdet``)."""

from __future__ import annotations

import re
from typing import Any

from kerascheck.engine.dims import UNKNOWN, is_known
from kerascheck.engine.layer import LayerError
from kerascheck.engine.operations import register_op
from kerascheck.engine.ops.base import (
    PROMOTED,
    SAME,
    Op,
    broadcast_shapes,
    canonicalize_axis,
    contains_none,
    dims,
    keras_shape,
    prod,
    require_known,
    shape_attribute,
    shape_equal,
)


class Product(Op):
    """A product of two operands, in their dtype."""

    dtype_rule = PROMOTED


@register_op("Matmul")
class Matmul(Product):
    """``operation_utils.compute_matmul_output_shape``: ``(..., n, k) @ (..., k, m) ->
    (broadcast(...), n, m)``; a 1-D operand is made a matrix, and its temporary axis dropped."""

    def spec(self, x1: Any, x2: Any) -> Any:
        shape1, shape2 = dims(keras_shape(x1)), dims(keras_shape(x2))
        x1_is_1d, x2_is_1d = len(shape1) == 1, len(shape2) == 1
        if x1_is_1d:
            shape1 = [1, shape1[0]]
        if x2_is_1d:
            shape2 = [shape2[0], 1]
        if len(shape1) < 1 or len(shape2) < 2:
            raise LayerError("tuple index out of range", "rank")
        if shape1[-1] is not None and shape2[-2] is not None and shape1[-1] != shape2[-2]:
            raise LayerError(
                "Inner dimensions (`x1.shape[-1]` and `x2.shape[-2]`) must be equal, but received "
                f"`x1.shape={tuple(shape1)}` and `x2.shape={tuple(shape2)}`.",
                "merge",
            )
        out = broadcast_shapes(shape1[:-2], shape2[:-2]) + [shape1[-2], shape2[-1]]
        if x1_is_1d:
            del out[-2]
        if x2_is_1d:
            del out[-1]
        return tuple(out)


@register_op("Dot")
class Dot(Product):
    """``keras.ops.dot(x1, x2)``: the last axis of ``x1`` against the second to last of ``x2``
    (the last, for a vector); with a scalar, ``multiply(x1, x2)`` (an operation of its own)."""

    nested_operations = ("Multiply",)

    def created_operations(self, input_shape: list) -> Any:
        try:
            scalar = [] in (dims(keras_shape(s)) for s in input_shape)
        except Exception:  # noqa: BLE001  (an unresolved rank: whether Multiply was made is not known)
            return UNKNOWN
        return ["Multiply"] if scalar else []

    def spec(self, x1: Any, x2: Any) -> Any:
        shape1, shape2 = dims(keras_shape(x1)), dims(keras_shape(x2))
        if shape1 == [] or shape2 == []:
            return tuple(broadcast_shapes(shape1, shape2))
        if len(shape1) == 1 and len(shape2) == 1:
            return ()
        if len(shape2) == 1:
            if shape1[-1] != shape2[0]:
                raise LayerError(
                    "Shape must match on the last axis of `x1` and `x2` when `x1` is N-d array while `x2` is 1-D, but "
                    f"receive shape `x1.shape={tuple(shape1)}` and x2.shape=`{tuple(shape2)}`.",
                    "merge",
                )
            return tuple(shape1[:-1])
        if shape1[-1] is None or shape2[-2] is None or shape1[-1] == shape2[-2]:
            return tuple(shape1[:-1] + shape2[:-2] + shape2[-1:])
        raise LayerError(
            "Shape must match on the last axis of `x1` and second last axis of `x2` when `x1` is N-d array while "
            f"`x2` is M-D, but received `x1.shape={tuple(shape1)}` and x2.shape=`{tuple(shape2)}`.",
            "merge",
        )


@register_op("Tensordot")
class Tensordot(Product):
    """``keras.ops.tensordot(x1, x2, axes=2)``: the last ``axes`` axes of ``x1`` against the first
    of ``x2``, or the axes listed."""

    def spec(self, x1: Any, x2: Any) -> Any:
        shape1, shape2 = dims(keras_shape(x1)), dims(keras_shape(x2))
        axes = self.axes
        if not isinstance(axes, int):
            selected1 = [shape1[a] for a in axes[0]]
            selected2 = [shape2[a] for a in axes[1]]
            if not shape_equal(selected1, selected2):
                raise LayerError(
                    f"Shape mismatch on `x1[axes[0]]` and `x2[axes[1]]`, received {selected1} and {selected2}.", "merge"
                )
            for a in axes[0]:
                shape1[a] = -1
            for a in axes[1]:
                shape2[a] = -1
            return tuple(d for d in shape1 + shape2 if d != -1)
        if axes <= 0:
            return tuple(shape1 + shape2)
        return tuple(shape1[:-axes] + shape2[axes:])


@register_op("Einsum")
class Einsum(Product):
    """``keras.ops.einsum(subscripts, *operands)``, as ``Einsum.compute_output_spec`` computes it:
    each operand's shape written into the output spec (a dimension an operand lacks is 1), then
    the results broadcast."""

    def spec(self, *operands: Any) -> Any:
        subscripts = self.subscripts
        split = subscripts.split("->")
        if len(split) > 2:
            raise LayerError(
                f"At most one '->' is supported in `einsum` subscripts, but received {subscripts}.", "config"
            )
        if len(split) == 2:
            inputs_spec, output_spec = split
        else:
            inputs_spec, output_spec = subscripts, None
        input_specs = inputs_spec.split(",")
        if len(input_specs) != len(operands):
            raise LayerError(
                f"Number of operands ({len(operands)}) does not match the number of input specs "
                f"({len(input_specs)}) in "
                f"`einsum`, received subscripts={subscripts}.",
                "config",
            )
        reduced: set[str] = set()
        kept: set[str] = set()
        for s in inputs_spec:
            if not s.isalpha():
                continue
            if s not in reduced and s not in kept:
                kept.add(s)
            elif s in kept:
                kept.remove(s)
                reduced.add(s)
        if output_spec is not None:
            kept_copy, reduced_copy = set(kept), set(reduced)
            for d in kept:
                if d not in output_spec:
                    kept_copy.remove(d)
                    reduced_copy.add(d)
            for d in reduced:
                if d in output_spec:
                    reduced_copy.remove(d)
                    kept_copy.add(d)
            kept = kept_copy
        target = f"...{''.join(sorted(kept))}" if output_spec is None else output_spec
        expanded_shapes = []
        for x, spec in zip(operands, input_specs):
            shape = dims(keras_shape(x))
            require_known(shape)
            shape = [-1 if d is None else d for d in shape]
            parts = spec.split("...")
            expanded = target
            if len(parts) == 1:
                if len(shape) != len(parts[0]):
                    raise LayerError(
                        "Number of dimensions in the subscript does not match the number of dimensions in the operand, "
                        f"received subscript `{spec}` and operand of shape {shape}.",
                        "rank",
                    )
                for size, s in zip(shape, parts[0]):
                    expanded = expanded.replace(s, f"{size} ")
                expanded = expanded.replace("...", "")
            else:
                for i in range(len(parts[0])):
                    expanded = expanded.replace(parts[0][i], f"{shape[i]} ")
                for i in range(len(parts[1])):
                    expanded = expanded.replace(parts[1][-i - 1], f"{shape[-i - 1]} ")
                start = len(parts[0])
                end = len(shape) if len(parts[1]) == 0 else -len(parts[1])
                expanded = expanded.replace("...", f"{' '.join(str(d) for d in shape[start:end])} ")
            expanded = re.sub("[a-z]", "1 ", expanded)
            expanded_shapes.append([None if d == "-1" else int(d) for d in expanded.split()])
        out = expanded_shapes[0]
        for shape in expanded_shapes[1:]:
            out = broadcast_shapes(out, shape)
        return tuple(out)


@register_op("Inner")
class Inner(Product):
    """``keras.ops.inner(x1, x2)``: the last axes contracted (a scalar operand: the other's shape)."""

    def spec(self, x1: Any, x2: Any) -> Any:
        shape1, shape2 = dims(keras_shape(x1)), dims(keras_shape(x2))
        if not shape1:
            return tuple(shape2)
        if not shape2:
            return tuple(shape1)
        d1, d2 = shape1[-1], shape2[-1]
        require_known(d1, d2)
        if isinstance(d1, int) and isinstance(d2, int) and d1 != d2:
            raise LayerError(
                f"`inner` requires the last dimension of `x1` and `x2` to match. Received: x1.shape={tuple(shape1)}, "
                f"x2.shape={tuple(shape2)}.",
                "merge",
            )
        return tuple(shape1[:-1] + shape2[:-1])


def _flat_length(shape: list) -> Any:
    return None if contains_none(shape) else prod(shape)


@register_op("Outer")
class Outer(Product):
    """``keras.ops.outer(x1, x2)``: ``(size(x1), size(x2))`` (a Python number counts as ``(1,)``)."""

    def spec(self, x1: Any, x2: Any) -> Any:
        shape1 = [1] if keras_shape(x1) == () and x1 is not None and not _is_tensor_like(x1) else dims(keras_shape(x1))
        shape2 = [1] if keras_shape(x2) == () and x2 is not None and not _is_tensor_like(x2) else dims(keras_shape(x2))
        return (_flat_length(shape1), _flat_length(shape2))


def _is_tensor_like(operand: Any) -> bool:
    """An operand with a ``shape`` attribute: a tensor, an array or a variable."""
    return not hasattr(operand, "python") or not operand.python


@register_op("Vdot")
class Vdot(Product):
    config_may_be_unknown = True

    def spec(self, *_: Any) -> Any:
        return ()


@register_op("Kron")
class Kron(Product):
    """``keras.ops.kron(x1, x2)``: sizes multiplied axis by axis (as far as the shorter shape goes)."""

    def spec(self, x1: Any, x2: Any) -> Any:
        return tuple(
            None if a is None or b is None else a * b for a, b in zip(dims(keras_shape(x1)), dims(keras_shape(x2)))
        )


@register_op("Cross")
class Cross(Product):
    """``keras.ops.cross(x1, x2)``: vectors of 2 or 3 on ``axisa``/``axisb``, the rest broadcast;
    3 components go to ``axisc``."""

    def spec(self, x1: Any, x2: Any) -> Any:
        axisa, axisb, axisc = (self.axis,) * 3 if self.axis is not None else (self.axisa, self.axisb, self.axisc)
        shape1, shape2 = dims(shape_attribute(x1)), dims(shape_attribute(x2))
        size1, size2 = shape1[axisa], shape2[axisb]
        del shape1[axisa]
        del shape2[axisb]
        out = broadcast_shapes(shape1, shape2)
        if size1 is not None and size1 not in (2, 3):
            raise LayerError(f"`x1`'s dim on `axis={{axisa}}` must be either 2 or 3, but received: {size1}", "config")
        if size2 is not None and size2 not in (2, 3):
            raise LayerError(f"`x2`'s dim on `axis={{axisb}}` must be either 2 or 3, but received: {size2}", "config")
        value_size = [3] if size1 == 3 or size2 == 3 else []
        axisc = canonicalize_axis(axisc, len(out) + len(value_size))
        return tuple(out[:axisc] + value_size + out[axisc:])


# --------------------------------------------------------------------------- keras.ops.linalg


def _assert_2d(shape: list) -> None:
    if len(shape) < 2:
        raise LayerError(f"Expected input to have rank >= 2. Received input with shape {tuple(shape)}.", "rank")


def _assert_square(shape: list) -> None:
    if len(shape) < 2:
        raise LayerError(f"not enough values to unpack (expected 2, got {len(shape)})", "rank")
    m, n = shape[-2:]
    if m != n:
        raise LayerError(f"Expected a square matrix. Received non-square input with shape {tuple(shape)}", "merge")


def _min(a: Any, b: Any) -> Any:
    """``min(a, b)``, which Python refuses for None."""
    if a is None or b is None:
        raise LayerError(
            f"'<' not supported between instances of '{type(b).__name__}' and '{type(a).__name__}'", "undefined_dim"
        )
    return min(a, b)


class Matrix(Op):
    """An operation on a (batch of) matrices, in its dtype."""

    dtype_rule = SAME


@register_op("Cholesky", "CholeskyInverse", "Inv")
class SquareMatrix(Matrix):
    """Square matrices: the input's shape."""

    def spec(self, x: Any) -> Any:
        shape = dims(x)
        _assert_2d(shape)
        _assert_square(shape)
        return tuple(shape)


@register_op("Det")
class Det(Matrix):
    def spec(self, x: Any) -> Any:
        shape = dims(x)
        _assert_2d(shape)
        _assert_square(shape)
        return tuple(shape[:-2])


@register_op("Eig", "Eigh")
class Eig(Matrix):
    """The eigenvalues ``(..., n)`` and eigenvectors ``(..., n, n)`` of square matrices."""

    outputs = 2

    def spec(self, x: Any) -> Any:
        shape = dims(x)
        _assert_square(shape)
        _assert_2d(shape)
        return [tuple(shape[:-1]), tuple(shape)]


@register_op("LuFactor")
class LuFactor(Matrix):
    """``(..., m, n)`` and the pivots ``(..., min(m, n))``."""

    outputs = 2

    def spec(self, x: Any) -> Any:
        shape = dims(x)
        _assert_2d(shape)
        m, n = shape[-2:]
        return [tuple(shape), (*shape[:-2], _min(m, n))]


@register_op("MatrixRank")
class MatrixRank(Matrix):
    dtype_rule = "int32"

    def spec(self, x: Any) -> Any:
        shape = dims(x)
        _assert_2d(shape)
        return tuple(shape[:-2])


@register_op("Pinv")
class Pinv(Matrix):
    def spec(self, x: Any) -> Any:
        shape = dims(x)
        _assert_2d(shape)
        return (*shape[:-2], shape[-1], shape[-2])


@register_op("Logdet")
class Logdet(Matrix):
    def spec(self, x: Any) -> Any:
        return tuple(dims(x)[:-2])


@register_op("Slogdet")
class Slogdet(Matrix):
    """The sign (a scalar) and ``log|det|`` ``x.shape[:-2]``."""

    outputs = 2

    def spec(self, x: Any) -> Any:
        return [(), tuple(dims(x)[:-2])]


@register_op("Qr")
class Qr(Matrix):
    """``keras.ops.qr(x, mode="reduced")``: ``q`` and ``r``; the matrix sizes must be known."""

    outputs = 2

    def spec(self, x: Any) -> Any:
        if self.mode not in ("reduced", "complete"):
            raise LayerError(
                "`mode` argument value not supported. Expected one of {'reduced', 'complete'}. Received: "
                f"mode={self.mode}",
                "config",
            )
        shape = dims(x)
        if len(shape) < 2:
            raise LayerError(f"Input should have rank >= 2. Received: input.shape = {tuple(shape)}", "rank")
        m, n = shape[-2:]
        if m is None or n is None:
            raise LayerError(
                f"Input should have its last 2 dimensions fully-defined. Received: input.shape = {tuple(shape)}",
                "undefined_dim",
            )
        k, base = min(m, n), tuple(shape[:-2])
        if self.mode == "reduced":
            return [(*base, m, k), (*base, k, n)]
        return [(*base, m, m), (*base, m, n)]


@register_op("SVD")
class SVD(Matrix):
    """``keras.ops.svd(x)``: ``u``, ``s`` and ``v`` (``s`` alone without ``compute_uv``)."""

    def output_count(self) -> Any:
        return (3 if self.compute_uv else 1) if is_known(self.compute_uv) else None

    def spec(self, x: Any) -> Any:
        shape = dims(x)
        _assert_2d(shape)
        rows, columns = shape[-2:]
        batches = tuple(shape[:-2])
        k = _min(rows, columns)
        s = (*batches, k)
        if self.full_matrices:
            u, v = (*batches, rows, rows), (*batches, columns, columns)
        else:
            u, v = (*batches, rows, k), (*batches, k, columns)
        return [u, s, v] if self.compute_uv else s


@register_op("Solve", "SolveTriangular")
class Solve(Matrix):
    """``keras.ops.solve(a, b)``: the shape of ``b``; ``a`` square, their sizes compatible."""

    def spec(self, a: Any, b: Any) -> Any:
        shape_a, shape_b = dims(a), dims(b)
        _assert_2d(shape_a)
        _assert_square(shape_a)
        if len(shape_b) < 1:
            raise LayerError("Expected input to have rank >= 1. Received scalar input.", "rank")
        if len(shape_a) == len(shape_b):
            if shape_a[-2] != shape_b[-2]:
                raise LayerError(
                    "Incompatible shapes between `a` and `b`. Expected `a.shape[-2] == b.shape[-2]`. Received: "
                    f"a.shape={tuple(shape_a)}, b.shape={tuple(shape_b)}",
                    "merge",
                )
        elif len(shape_a) == len(shape_b) - 1 and shape_a[-1] != shape_b[-1]:
            raise LayerError(
                "Incompatible shapes between `a` and `b`. Expected `a.shape[-1] == b.shape[-1]`. Received: "
                f"a.shape={tuple(shape_a)}, b.shape={tuple(shape_b)}",
                "merge",
            )
        return tuple(shape_b)


@register_op("Lstsq")
class Lstsq(Matrix):
    """``keras.ops.lstsq(a, b)``: ``(n,)`` or ``(n, k)`` for ``a`` ``(m, n)``, ``b`` ``(m[, k])``."""

    def spec(self, a: Any, b: Any) -> Any:
        shape_a, shape_b = dims(a), dims(b)
        if len(shape_a) != 2:
            raise LayerError(f"Expected a to have rank 2. Received: a.shape={tuple(shape_a)}", "rank")
        if len(shape_b) not in (1, 2):
            raise LayerError(f"Expected b to have rank 1 or 2. Received: b.shape={tuple(shape_b)}", "rank")
        m, n = shape_a
        if shape_b[0] != m:
            raise LayerError(
                f"Expected b.shape[0] to be equal to a.shape[0]. Received: a.shape={tuple(shape_a)}, "
                f"b.shape={tuple(shape_b)}",
                "merge",
            )
        return (n, shape_b[1]) if len(shape_b) == 2 else (n,)
