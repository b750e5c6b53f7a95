"""Non-layer operations on symbolic tensors (``keras.src.ops``).

``x + y`` on Keras tensors is ``keras.ops.add(x, y)``: an ``Add`` operation
that becomes a node of the graph and a row of the summary (0 parameters),
and takes a name from the same counter as the ``Add`` layer.  Each rule here
mirrors its op's ``compute_output_spec``.
"""

from __future__ import annotations

from typing import Any

from kerascheck.engine.dims import UNKNOWN
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


@register_op("Negative", "Absolute", "Sqrt", "Square", "Exp", "Log")
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


# keras.ops functions: name -> (op class, parameter names in order, defaults).
OPS_FUNCTIONS: dict[str, tuple[str, tuple[str, ...], dict[str, Any]]] = {
    "add": ("Add", ("x1", "x2"), {}),
    "subtract": ("Subtract", ("x1", "x2"), {}),
    "multiply": ("Multiply", ("x1", "x2"), {}),
    "divide": ("Divide", ("x1", "x2"), {}),
    "true_divide": ("TrueDivide", ("x1", "x2"), {}),
    "maximum": ("Maximum", ("x1", "x2"), {}),
    "minimum": ("Minimum", ("x1", "x2"), {}),
    "negative": ("Negative", ("x",), {}),
    "concatenate": ("Concatenate", ("xs", "axis"), {"axis": 0}),
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
}


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


OP_RULES["NotEqual"] = ElementwiseBinary
OP_RULES["LogicalOr"] = ElementwiseBinary
OP_RULES["ConvertToTensor"] = ElementwiseUnary


@register_op("Any")
class Reduction(OpRule):
    """``keras.ops.any(x, axis, keepdims)``: ``axis`` removed (kept as 1 with ``keepdims``)."""

    def compute_output_shape(self, input_shape: list) -> Any:
        shape = input_shape[0]
        if shape is UNKNOWN or self.axis is UNKNOWN:
            return UNKNOWN
        if self.axis is None:
            return (1,) * len(shape) if self.keepdims else ()
        axes = self.axis if isinstance(self.axis, (list, tuple)) else (self.axis,)
        rank = len(shape)
        drop = {a % rank for a in axes}
        if self.keepdims:
            return tuple(1 if i in drop else d for i, d in enumerate(shape))
        return tuple(d for i, d in enumerate(shape) if i not in drop)


OP_RULES["OnesLike"] = ElementwiseUnary
OP_RULES["ZerosLike"] = ElementwiseUnary


@register_op("ExpandDims")
class ExpandDims(OpRule):
    """``keras.ops.expand_dims(x, axis)``: a 1 inserted at ``axis``."""

    def compute_output_shape(self, input_shape: list) -> Any:
        shape = input_shape[0]
        if shape is UNKNOWN or self.axis is UNKNOWN:
            return UNKNOWN
        out = list(shape)
        axis = self.axis if self.axis >= 0 else len(out) + 1 + self.axis
        out.insert(axis, 1)
        return tuple(out)
