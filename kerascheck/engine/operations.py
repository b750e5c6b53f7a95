"""Non-layer operations on symbolic tensors (``keras.src.ops``).

``x + y`` on Keras tensors is ``keras.ops.add(x, y)``: an ``Add`` operation
that becomes a node of the graph and a row of the summary (0 parameters),
and takes a name from the same counter as the ``Add`` layer.  Each rule here
mirrors its op's ``compute_output_spec``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from kerascheck.engine.dims import UNKNOWN, Unresolved, is_known
from kerascheck.engine.layer import LayerError, LayerRule

OP_RULES: dict[str, type["OpRule"]] = {}


def register_op(*names: str):  # noqa: ANN201
    def deco(cls: type["OpRule"]) -> type["OpRule"]:
        for name in names:
            OP_RULES[name] = cls
        cls.keras_class = names[0]
        return cls

    return deco


class OpRule(LayerRule):
    """An operation: arguments are shapes (for tensors and constants) in call order."""

    multiple_inputs = True

    def output_dtype(self, input_dtypes: list[Any]) -> Any:
        """The output's dtype, where modelled (None: the engine's default, ``float32``)."""
        return None

    def output_count(self) -> Any:
        """How many tensors it returns when that is not one (``Split``), known before their shapes."""
        return 1


def broadcast_shapes(shape1: Any, shape2: Any) -> Any:
    """``keras.src.ops.operation_utils.broadcast_shapes``."""
    if shape1 is UNKNOWN or shape2 is UNKNOWN:
        return UNKNOWN
    s1, s2 = list(shape1), list(shape2)
    if len(s1) > len(s2):
        s2 = [1] * (len(s1) - len(s2)) + s2
    if len(s1) < len(s2):
        s1 = [1] * (len(s2) - len(s1)) + s1
    out = list(s1)
    for i, (a, b) in enumerate(zip(s1, s2)):
        if a == 1:
            out[i] = b
        elif a is None:
            out[i] = None if b == 1 else b
        elif b == 1 or b is None or b == a:
            out[i] = a
        else:
            raise LayerError(
                f"Cannot broadcast shape, the failure dim has value {a}, which cannot be broadcasted "
                f"to {b}. Input shapes are: {list(shape1)} and {list(shape2)}.",
                "merge",
            )
    return tuple(out)


@register_op("Add", "Subtract", "Multiply", "TrueDivide", "Power", "FloorDivide", "Mod", "Maximum", "Minimum")
class ElementwiseBinary(OpRule):
    """``output = broadcast(x1, x2)``."""

    def compute_output_shape(self, input_shape: list) -> Any:
        first, second = input_shape
        return broadcast_shapes(first, second)


@register_op("Negative", "Absolute", "Sqrt", "Square", "Exp", "Log", "Tanh")
class ElementwiseUnary(OpRule):
    def compute_output_shape(self, input_shape: list) -> Any:
        return input_shape[0]


@register_op("Concatenate")
class Concatenate(OpRule):
    """``keras.ops.concatenate(xs, axis=0)``: sizes on ``axis`` add up, the rest must match."""

    def compute_output_shape(self, input_shape: list) -> Any:
        shapes = input_shape
        if any(s is UNKNOWN for s in shapes):
            return UNKNOWN
        first = shapes[0]
        rank = len(first)
        axis = self.axis
        if not -rank <= axis < rank:
            raise LayerError(f"axis {axis} is out of bounds for a tensor of rank {rank}", "config")
        axis %= rank
        total: Any = 0
        for shape in shapes:
            if len(shape) != rank or any(
                i != axis and a is not None and b is not None and a != b for i, (a, b) in enumerate(zip(shape, first))
            ):
                raise LayerError(
                    "Every value in `xs` must have the same shape except on the `axis` dim. But found "
                    f"element of shape {shape}, which is different from the first element's shape {first}.",
                    "merge",
                )
            total = None if total is None or shape[axis] is None else total + shape[axis]
        out = list(first)
        out[axis] = total
        return tuple(out)


@dataclass(frozen=True)
class OpFunction:
    """A ``keras.ops`` function: the operation it creates on symbolic tensors and its signature.

    ``operands`` are the parameters passed to the operation's call (tensors or constants; with
    ``sequence``, the first is a list of them); the other parameters configure the operation.
    """

    op_class: str
    params: tuple[str, ...]
    defaults: dict[str, Any] = field(default_factory=dict)
    operands: tuple[str, ...] = ("x",)
    sequence: bool = False


def _unary(op_class: str, **config: Any) -> OpFunction:
    return OpFunction(op_class, ("x", *config), dict(config))


def _binary(op_class: str) -> OpFunction:
    return OpFunction(op_class, ("x1", "x2"), operands=("x1", "x2"))


# keras.ops functions by name (``keras.ops.numpy.mean`` is ``mean``).
OPS_FUNCTIONS: dict[str, OpFunction] = {
    "add": _binary("Add"),
    "subtract": _binary("Subtract"),
    "multiply": _binary("Multiply"),
    "divide": _binary("Divide"),
    "true_divide": _binary("TrueDivide"),
    "maximum": _binary("Maximum"),
    "minimum": _binary("Minimum"),
    "matmul": _binary("Matmul"),
    "negative": _unary("Negative"),
    "concatenate": OpFunction("Concatenate", ("xs", "axis"), {"axis": 0}, operands=("xs",), sequence=True),
    "stack": OpFunction("Stack", ("x", "axis"), {"axis": 0}, sequence=True),
    "where": OpFunction("Where", ("condition", "x1", "x2"), operands=("condition", "x1", "x2")),
    "get_item": OpFunction("GetItem", ("x", "key")),
    # elementwise
    "relu": _unary("Relu"),
    "relu6": _unary("Relu6"),
    "sigmoid": _unary("Sigmoid"),
    "softplus": _unary("Softplus"),
    "softsign": _unary("Softsign"),
    "silu": _unary("Silu"),
    "swish": _unary("Silu"),
    "gelu": _unary("Gelu", approximate=True),
    "elu": _unary("Elu", alpha=1.0),
    "selu": _unary("Selu"),
    "leaky_relu": _unary("LeakyRelu", negative_slope=0.2),
    "softmax": _unary("Softmax", axis=-1),
    "log_softmax": _unary("LogSoftmax", axis=-1),
    "tanh": _unary("Tanh"),
    "exp": _unary("Exp"),
    "log": _unary("Log"),
    "sqrt": _unary("Sqrt"),
    "square": _unary("Square"),
    "abs": _unary("Absolute"),
    "absolute": _unary("Absolute"),
    "cast": OpFunction("Cast", ("x", "dtype")),
    # reductions
    "mean": _unary("Mean", axis=None, keepdims=False),
    "sum": _unary("Sum", axis=None, keepdims=False),
    "max": _unary("Max", axis=None, keepdims=False, initial=None),
    "min": _unary("Min", axis=None, keepdims=False, initial=None),
    # shapes
    "reshape": OpFunction("Reshape", ("x", "newshape")),
    "transpose": _unary("Transpose", axes=None),
    "expand_dims": OpFunction("ExpandDims", ("x", "axis")),
    "squeeze": _unary("Squeeze", axis=None),
    "tile": OpFunction("Tile", ("x", "repeats")),
    "repeat": OpFunction("Repeat", ("x", "repeats", "axis"), {"axis": None}),
    "split": OpFunction("Split", ("x", "indices_or_sections", "axis"), {"axis": 0}),
}

# keras.activations functions on symbolic tensors: the operation each creates (``relu`` its own
# ``ReLU`` operation, named ``re_lu``; the others call keras.ops).  ``linear`` returns its input.
ACTIVATION_FUNCTIONS: dict[str, OpFunction] = {
    "relu": OpFunction("ReLU", ("x", "negative_slope", "max_value", "threshold"),
                       {"negative_slope": 0.0, "max_value": None, "threshold": 0.0}),
    "sigmoid": _unary("Sigmoid"),
    "tanh": _unary("Tanh"),
    "softmax": _unary("Softmax", axis=-1),
    "log_softmax": _unary("LogSoftmax", axis=-1),
    "gelu": _unary("Gelu", approximate=False),
    "silu": _unary("Silu"),
    "swish": _unary("Silu"),
    "elu": _unary("Elu", alpha=1.0),
    "selu": _unary("Selu"),
    "leaky_relu": _unary("LeakyRelu", negative_slope=0.2),
    "relu6": _unary("Relu6"),
    "softplus": _unary("Softplus"),
    "softsign": _unary("Softsign"),
    "exponential": _unary("Exp"),
}
OP_RULES["Divide"] = ElementwiseBinary

# Keras 2: the TFOpLambda layer a Python operator on symbolic tensors becomes, by its name.
KERAS2_OPERATOR_NAMES = {
    "Add": "tf.__operators__.add",
    "Subtract": "tf.math.subtract",
    "Multiply": "tf.math.multiply",
    "TrueDivide": "tf.math.truediv",
    "Negative": "tf.math.negative",
    "FloorDivide": "tf.compat.v1.floor_div",
    "Mod": "tf.math.floormod",
    "Power": "tf.math.pow",
    "GetItem": "tf.__operators__.getitem",
    "BiasAdd": "tf.nn.bias_add",
}
# ... and its class where it is not TFOpLambda (``x[key]`` is tf-keras's SlicingOpLambda).
KERAS2_OPERATOR_CLASSES = {"GetItem": "SlicingOpLambda"}


def constant_shape(value: Any) -> Any:
    """Shape of a Python constant used as an operand (a scalar is ``()``), or of a variable."""
    if isinstance(getattr(value, "shape", None), tuple):
        return value.shape
    if isinstance(value, (int, float, bool)):
        return ()
    if isinstance(value, (list, tuple)):
        if not value:
            return (0,)
        inner = {constant_shape(v) for v in value}
        if len(inner) != 1 or UNKNOWN in inner:
            return UNKNOWN
        return (len(value),) + inner.pop()
    return UNKNOWN


@register_op("BiasAdd")
class BiasAdd(OpRule):
    """Keras 2's ``backend.bias_add(x, bias)`` with a 1-D bias on ``channels_last``: ``tf.nn.bias_add``,
    the shape of ``x``, whose last axis must be the bias's length."""

    def compute_output_shape(self, input_shape: list) -> Any:
        x, bias = input_shape
        require_known(x, bias)
        if not x or x[-1] not in (None, bias[0]):
            raise ValueError(f"Dimensions must be equal: the bias has shape {bias}, the input {x}")
        return x


OP_RULES["NotEqual"] = ElementwiseBinary
OP_RULES["LogicalOr"] = ElementwiseBinary
OP_RULES["ConvertToTensor"] = ElementwiseUnary


OP_RULES["OnesLike"] = ElementwiseUnary
OP_RULES["ZerosLike"] = ElementwiseUnary


# ---------------------------------------------------------------------------------------------
# Shape helpers of ``keras.src.ops.operation_utils`` and ``keras.src.backend.common``.  Where Keras
# raises, these raise ``ValueError``: the operation's output is then unknown (a program that raises
# stops there), and no diagnostic is claimed.


def require_known(*values: Any) -> None:
    """A rule's decision would read an unresolved shape, dimension or argument: its output is unknown."""
    for value in values:
        if not is_known(value):
            raise Unresolved("an operation's input shape or argument is unresolved")


def canonicalize_axis(axis: int, num_dims: int) -> int:
    """``backend_utils.canonicalize_axis``: ``axis`` in ``[-num_dims, num_dims)`` made non-negative."""
    if not isinstance(axis, int) or isinstance(axis, bool):
        raise ValueError(f"axis {axis!r} is not an integer")
    if not -num_dims <= axis < num_dims:
        raise ValueError(f"axis {axis} is out of bounds for an array with dimension {num_dims}.")
    return axis % num_dims


def canonicalize_axes(axis: Any, num_dims: int) -> tuple[int, ...]:
    if isinstance(axis, (tuple, list)):
        return tuple(canonicalize_axis(a, num_dims) for a in axis)
    return (canonicalize_axis(axis, num_dims),)


def reduce_shape(shape: tuple, axis: Any = None, keepdims: bool = False) -> tuple:
    """``operation_utils.reduce_shape``: the reduced axes removed, or kept as 1 with ``keepdims``."""
    out = list(shape)
    if axis is None:
        return tuple(1 for _ in out) if keepdims else ()
    axes = canonicalize_axes(axis, len(out))
    if keepdims:
        for a in axes:
            out[a] = 1
        return tuple(out)
    for a in sorted(axes, reverse=True):
        del out[a]
    return tuple(out)


class ShapeOp(OpRule):
    """An operation on one tensor ``x`` (the first operand) whose arguments are all resolved."""

    keeps_dtype = True

    def output_dtype(self, input_dtypes: list[Any]) -> Any:
        """The output's dtype where the op keeps its input's (``KerasTensor(..., dtype=x.dtype)``)."""
        return input_dtypes[0] if self.keeps_dtype and input_dtypes else None

    def compute_output_shape(self, input_shape: list) -> Any:
        x = input_shape[0]
        require_known(x, dict(self.args))
        return self.output_shape(tuple(x))

    def output_shape(self, x: tuple) -> Any:
        raise NotImplementedError


@register_op("GetItem")
class GetItem(ShapeOp):
    """``x[key]``: ``GetItem.compute_output_spec``, key element by key element.

    An int consumes an axis, a slice keeps it with ``len(range(*slice.indices(n)))`` elements
    (``None`` stays ``None``), ``None`` inserts a 1, ``...`` stands for the axes the rest of the
    key does not name (one is implied at the end).  A bare slice, ``...`` or ``None`` key (not in
    a tuple) is rejected by Keras 3.15.1.
    """

    def output_shape(self, x: tuple) -> Any:
        key = self.key
        if isinstance(key, int):
            remaining_key = [key]
        elif isinstance(key, (tuple, list)):
            remaining_key = list(key)
        else:
            raise ValueError(f"Unsupported key type for array slice. Received: `{key}`")
        if remaining_key.count(Ellipsis) > 1:
            raise ValueError(f"Slice should only have one ellipsis. Received: `{key}`")
        if Ellipsis not in remaining_key:
            remaining_key.append(Ellipsis)
        remaining_shape = list(x)
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
                raise ValueError(f"Array has shape {x} but slice has to many indices. Received: `{key}`")
            length = remaining_shape.pop(0)
            if isinstance(subkey, int):  # bool too, as in Keras
                index = subkey if subkey >= 0 else subkey + (length or 0)
                if length is not None and not 0 <= index < length:
                    raise ValueError(f"Array has shape {x} but out-of-bounds index {key} was requested.")
            elif isinstance(subkey, slice):
                new_shape.append(None if length is None else len(range(*subkey.indices(length))))
            else:
                raise ValueError(f"Unsupported key type for array slice. Received: `{key}`")
        return tuple(new_shape)


@register_op(
    "Relu", "Relu6", "Sigmoid", "Softplus", "Softsign", "Silu", "Gelu", "Elu", "Selu", "LeakyRelu",
    "ReLU",  # keras.activations.relu's own operation
)
class SameShape(ShapeOp):
    """Elementwise activations: ``KerasTensor(x.shape, dtype=x.dtype)``, whatever is known of
    that shape (nothing needs resolving to copy it)."""

    def compute_output_shape(self, input_shape: list) -> Any:
        return input_shape[0]


@register_op("Softmax", "LogSoftmax")
class Softmax(SameShape):
    """``keras.ops.softmax(x, axis=-1)``: the shape of ``x``; ``axis`` must be one of its axes."""

    def compute_output_shape(self, input_shape: list) -> Any:
        x, axis = input_shape[0], self.axis
        if axis is not None and isinstance(x, tuple) and is_known(axis):
            canonicalize_axes(axis, len(x))
        return x


STANDARD_DTYPES = frozenset(
    {"float16", "bfloat16", "float32", "float64", "int8", "int16", "int32", "int64",
     "uint8", "uint16", "uint32", "uint64", "bool", "complex64", "complex128", "string"}
)


@register_op("Cast")
class Cast(ShapeOp):
    """``keras.ops.cast(x, dtype)``: the shape of ``x`` in ``dtype``."""

    def output_dtype(self, input_dtypes: list[Any]) -> Any:
        return self.dtype if self.dtype in STANDARD_DTYPES else UNKNOWN  # other spellings: not followed

    def compute_output_shape(self, input_shape: list) -> Any:
        return input_shape[0]  # whatever the dtype


@register_op("Mean", "Sum", "Max", "Min", "Any")
class Reduce(ShapeOp):
    """``keras.ops.mean(x, axis=None, keepdims=False)`` and friends: ``reduce_shape``."""

    keeps_dtype = False

    def output_shape(self, x: tuple) -> Any:
        return reduce_shape(x, self.axis, self.keepdims)


@register_op("Reshape")
class Reshape(ShapeOp):
    """``keras.ops.reshape(x, newshape)``: ``operation_utils.compute_reshape_output_shape``, the
    same as the Reshape layer's on the whole shape (one ``-1`` takes what is left of the input's
    size; with a ``None`` in the input it stays ``None``)."""

    def output_shape(self, x: tuple) -> Any:
        from kerascheck.engine.layers.reshaping import reshape_output_shape, validate_reshape_shape

        newshape = self.newshape
        newshape = tuple(newshape) if isinstance(newshape, (tuple, list)) else (newshape,)
        if any(not isinstance(d, int) or isinstance(d, bool) for d in newshape):
            raise Unresolved("a dimension of newshape is not an integer")
        validate_reshape_shape(newshape, "newshape")
        return reshape_output_shape(x, newshape, "newshape")


@register_op("Transpose")
class Transpose(ShapeOp):
    """``keras.ops.transpose(x, axes=None)``: axes reversed, or permuted by ``axes``."""

    def output_shape(self, x: tuple) -> Any:
        if self.axes is None:
            return x[::-1]
        ndim = len(x)
        if len(self.axes) != ndim:
            raise ValueError(f"axis must be a list of the same length as the input shape, expected {ndim}.")
        normalized = [canonicalize_axis(a, ndim) for a in self.axes]
        if len(set(normalized)) != ndim:
            raise ValueError("`axes` must be a valid permutation of the input dimensions (no duplicates).")
        return tuple(x[a] for a in normalized)


@register_op("ExpandDims")
class ExpandDims(ShapeOp):
    """``keras.ops.expand_dims(x, axis)``: a 1 at each of ``axis`` (positions in the output)."""

    def output_shape(self, x: tuple) -> Any:
        axes = (self.axis,) if isinstance(self.axis, int) else tuple(self.axis)
        out_ndim = len(axes) + len(x)
        axes = canonicalize_axes(axes, out_ndim)
        rest = iter(x)
        return tuple(1 if a in axes else next(rest) for a in range(out_ndim))


@register_op("Squeeze")
class Squeeze(ShapeOp):
    """``keras.ops.squeeze(x, axis=None)``: every 1 removed, or those at ``axis`` (which must be 1)."""

    def output_shape(self, x: tuple) -> Any:
        if self.axis is None:
            return tuple(d for d in x if d != 1)
        axes = (self.axis,) if isinstance(self.axis, int) else tuple(self.axis)
        for a in axes:
            if x[a] != 1:
                raise ValueError(f"Cannot squeeze axis {a}, because the dimension is not 1.")
        drop = canonicalize_axes(axes, len(x))
        return tuple(d for i, d in enumerate(x) if i not in drop)


@register_op("Tile")
class Tile(ShapeOp):
    """``keras.ops.tile(x, repeats)``: shape and ``repeats`` padded with 1s to one length, multiplied."""

    def output_shape(self, x: tuple) -> Any:
        repeats = [self.repeats] if isinstance(self.repeats, int) else list(self.repeats)
        shape = list(x)
        if len(shape) > len(repeats):
            repeats = [1] * (len(shape) - len(repeats)) + repeats
        else:
            shape = [1] * (len(repeats) - len(shape)) + shape
        return tuple(None if size is None else size * repeat for size, repeat in zip(shape, repeats))


@register_op("Repeat")
class Repeat(ShapeOp):
    """``keras.ops.repeat(x, repeats, axis=None)``: each element ``repeats`` times along ``axis``
    (without ``axis``, of the flattened ``x``); a list gives a count per element."""

    def output_shape(self, x: tuple) -> Any:
        repeats = [self.repeats] if isinstance(self.repeats, int) else list(self.repeats)
        broadcast = len(repeats) == 1
        if self.axis is None:
            if None in x:
                return (None,)
            size = math.prod(x)
            if broadcast:
                return (size * repeats[0],)
            if len(repeats) != size:
                raise ValueError("Size of `repeats` and dimensions of `x` after flattening should be compatible.")
            return (sum(repeats),)
        out = list(x)
        size_on_axis = out[self.axis]
        if size_on_axis is None:
            return tuple(out)
        if broadcast:
            out[self.axis] = size_on_axis * repeats[0]
        elif size_on_axis != len(repeats):
            raise ValueError("Size of `repeats` and dimensions of `axis` of x should be compatible.")
        else:
            out[self.axis] = sum(repeats)
        return tuple(out)


@register_op("Split")
class Split(ShapeOp):
    """``keras.ops.split(x, indices_or_sections, axis=0)``: a list of tensors.

    ``n`` sections divide the axis evenly (``None`` stays ``None``); indices cut it at those points.
    """

    def output_count(self) -> Any:
        """How many tensors it returns, known before their shapes are (None: not known)."""
        sections = self.indices_or_sections
        if isinstance(sections, int) and not isinstance(sections, bool):
            return sections
        if isinstance(sections, (list, tuple)) and is_known(sections):
            return len(sections) + 1
        return None

    def output_shape(self, x: tuple) -> Any:
        axis = canonicalize_axis(self.axis, len(x))
        size_on_axis = x[axis]

        def with_size(size: Any) -> tuple:
            return x[:axis] + (size,) + x[axis + 1 :]

        sections = self.indices_or_sections
        if isinstance(sections, int):
            if size_on_axis is None:
                return [with_size(None)] * sections
            if size_on_axis % sections != 0:
                raise ValueError(
                    "`x` size on given `axis` must be divisible by `indices_or_sections` when "
                    f"`indices_or_sections` is an int. But received {size_on_axis} and {sections}."
                )
            return [with_size(size_on_axis // sections)] * sections
        bounds = [0, *sections, size_on_axis]
        return [
            with_size(None if start is None or end is None else end - start) for start, end in zip(bounds, bounds[1:])
        ]


@register_op("Matmul")
class Matmul(OpRule):
    """``keras.ops.matmul(x1, x2)``: ``operation_utils.compute_matmul_output_shape``.

    ``(..., n, k) @ (..., k, m) -> (broadcast(...), n, m)``; a 1-D operand is made a matrix, and
    its temporary axis is dropped from the output.
    """

    def compute_output_shape(self, input_shape: list) -> Any:
        shape1, shape2 = input_shape
        require_known(shape1, shape2)
        x1_is_1d, x2_is_1d = len(shape1) == 1, len(shape2) == 1
        if x1_is_1d:
            shape1 = (1, shape1[0])
        if x2_is_1d:
            shape2 = (shape2[0], 1)
        if len(shape1) < 2 or len(shape2) < 2:
            raise ValueError("matmul of a scalar")
        if shape1[-1] is not None and shape2[-2] is not None and shape1[-1] != shape2[-2]:
            raise ValueError(
                "Inner dimensions (`x1.shape[-1]` and `x2.shape[-2]`) must be equal, but received "
                f"`x1.shape={shape1}` and `x2.shape={shape2}`."
            )
        out = list(broadcast_shapes(shape1[:-2], shape2[:-2])) + [shape1[-2], shape2[-1]]
        if x1_is_1d:
            del out[-2]
        if x2_is_1d:
            del out[-1]
        return tuple(out)


@register_op("Stack")
class Stack(OpRule):
    """``keras.ops.stack(xs, axis=0)``: equal shapes (``None`` matches anything), a new axis of ``len(xs)``."""

    def compute_output_shape(self, input_shape: list) -> Any:
        require_known(input_shape, self.axis)
        first = tuple(input_shape[0])
        axis = canonicalize_axis(self.axis, len(first) + 1)
        for shape in input_shape:
            if len(shape) != len(first) or any(
                a is not None and b is not None and a != b for a, b in zip(shape, first)
            ):
                raise ValueError(f"Every value in `x` must have the same shape. But found element of shape {shape}.")
        return first[:axis] + (len(input_shape),) + first[axis:]


@register_op("Where")
class Where(OpRule):
    """``keras.ops.where(condition, x1, x2)``: the three shapes broadcast."""

    def compute_output_shape(self, input_shape: list) -> Any:
        condition, x1, x2 = input_shape
        return broadcast_shapes(broadcast_shapes(condition, x1), x2)
