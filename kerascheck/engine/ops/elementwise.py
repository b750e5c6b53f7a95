"""Elementwise operations (``keras/src/ops/numpy.py``, ``nn.py``, ``math.py``, ``core.py``): one
tensor's shape kept, or two shapes broadcast."""

from __future__ import annotations

from typing import Any

from kerascheck.engine.dims import UNKNOWN
from kerascheck.engine.layer import LayerError
from kerascheck.engine.operations import register_op
from kerascheck.engine.ops.base import (
    CONFIGURED,
    FLOAT,
    PROMOTED,
    SAME,
    Op,
    broadcast_shapes,
    dims,
    keras_shape,
    shape_attribute,
    value_of,
)


@register_op(
    # numpy
    "Absolute", "Conjugate", "Copy", "Imag", "Real", "Negative", "Sign", "Trunc", "Round", "NanToNum",
    "BitwiseInvert", "BitwiseNot", "Tril", "Triu",
    # activations (nn)
    "Relu", "Relu6", "Sigmoid", "SparseSigmoid", "Softplus", "Softsign", "SparsePlus", "Silu", "LogSigmoid",
    "HardSigmoid", "HardSilu", "Selu", "TanhShrink", "HardTanh", "Elu", "Celu", "LeakyRelu", "Gelu", "SoftShrink",
    "HardShrink", "Squareplus", "Threshold",
    "ReLU",  # keras.activations.relu's own operation
    # math, core
    "Rsqrt", "Erf", "Erfinv", "StopGradient",
)
class SameShape(Op):
    """``KerasTensor(x.shape, dtype=x.dtype)``: whatever is known of the input's shape."""

    dtype_rule = SAME
    config_may_be_unknown = True  # the shape does not depend on any argument

    def spec(self, x: Any, *_: Any) -> Any:
        return shape_attribute(x)


@register_op(
    "Angle", "Arccos", "Arccosh", "Arcsin", "Arcsinh", "Arctan", "Arctanh", "Cbrt", "Ceil", "Cos", "Cosh",
    "Deg2rad", "Exp", "Exp2", "Expm1", "Fabs", "Floor", "I0", "Log", "Log10", "Log1p", "Log2", "Rad2deg",
    "Sin", "Sinc", "Sinh", "Sqrt", "Tan", "Tanh", "Corrcoef", "Erfc",
)
class FloatSameShape(SameShape):
    """The input's shape, in a floating dtype (an integer input gives ``floatx``)."""

    dtype_rule = FLOAT


@register_op("Isfinite", "Isinf", "Isnan", "Isneginf", "Isposinf", "Isreal", "LogicalNot", "Signbit")
class BoolSameShape(SameShape):
    dtype_rule = "bool"


@register_op("Reciprocal")
class Reciprocal(SameShape):
    """``KerasTensor(x.shape)``: the default dtype."""

    dtype_rule = "float32"


@register_op("Square")
class Square(SameShape):
    """The input's shape and dtype (a bool gives int32)."""

    def output_dtype(self, input_dtypes: list[Any]) -> Any:
        dtype = super().output_dtype(input_dtypes)
        return UNKNOWN if dtype is UNKNOWN or dtype == "bool" else dtype


@register_op("Clip")
class Clip(Square):
    """``keras.ops.clip(x, x_min, x_max)``: the shape of ``x``."""


@register_op("Cast", "SaturateCast", "ConvertToTensor", "Array", "EmptyLike", "OnesLike", "ZerosLike")
class Converted(SameShape):
    """The input's shape, in ``dtype`` (``cast``, ``ones_like``…; None keeps the input's)."""

    dtype_rule = CONFIGURED

    def spec(self, x: Any, *_: Any) -> Any:
        shape_attribute(x, "dtype")
        return shape_attribute(x)


@register_op("FullLike")
class FullLike(Converted):
    """``keras.ops.full_like(x, fill_value)``: the shape of ``x``."""


@register_op("Arctan2")
class Broadcast(Op):
    """``broadcast_shapes(x1.shape, x2.shape)``; a Python number or list counts as a scalar
    (``getattr(x, "shape", [])``)."""

    dtype_rule = PROMOTED
    config_may_be_unknown = True

    def spec(self, x1: Any, x2: Any, *_: Any) -> Any:
        return broadcast(keras_shape(x1), keras_shape(x2))


@register_op(
    "Add", "Subtract", "Multiply", "Divide", "TrueDivide", "DivideNoNan", "FloorDivide", "Power", "Mod", "Fmod",
    "Maximum", "Minimum", "Fmax", "Fmin", "Logaddexp", "Logaddexp2", "Nextafter", "Gcd", "Lcm", "Ldexp",
)
class Arithmetic(Broadcast):
    """:class:`Broadcast`, after ``dtypes.result_type`` of the operands' dtypes, where a Python
    list (or tuple) is its type, which no dtype is: Keras raises ``Invalid dtype: list``."""

    def spec(self, x1: Any, x2: Any, *_: Any) -> Any:
        for operand in (x1, x2):
            value = value_of(operand)
            if isinstance(value, (list, tuple, dict)):
                raise LayerError(f"Invalid dtype: {type(value).__name__}", "config")
        return super().spec(x1, x2)


def broadcast(shape1: Any, shape2: Any) -> Any:
    """:func:`broadcast_shapes`, keeping whatever is known of a shape broadcast with a scalar."""
    if shape2 == () and shape1 is not UNKNOWN:
        return shape1 if not isinstance(shape1, tuple) else tuple(shape1)
    if shape1 == () and shape2 is not UNKNOWN:
        return shape2 if not isinstance(shape2, tuple) else tuple(shape2)
    return tuple(broadcast_shapes(shape1, shape2))


@register_op(
    "Equal", "NotEqual", "Greater", "GreaterEqual", "Less", "LessEqual", "LogicalAnd", "LogicalOr", "LogicalXor",
    "Isclose",
)
class BroadcastBool(Broadcast):
    dtype_rule = "bool"


@register_op("Hypot", "Heaviside")
class BroadcastTensors(Broadcast):
    """``broadcast_shapes(x1.shape, x2.shape)``, after reading both dtypes (Python numbers have none)."""

    def spec(self, x1: Any, x2: Any, *_: Any) -> Any:
        shape_attribute(x1, "dtype")
        shape_attribute(x2, "dtype")
        return broadcast(keras_shape(x1), keras_shape(x2))


@register_op("BitwiseAnd", "BitwiseOr", "BitwiseXor")
class Bitwise(Op):
    """``KerasTensor(x.shape, dtype=result_type(x.dtype, y.dtype))``: the first operand's shape."""

    dtype_rule = SAME
    config_may_be_unknown = True

    def spec(self, x: Any, y: Any) -> Any:
        shape_attribute(x, "dtype")
        shape_attribute(y, "dtype")
        return x


@register_op("BitwiseLeftShift", "BitwiseRightShift", "LeftShift", "RightShift")
class Shift(Bitwise):
    """As :class:`Bitwise`; a Python int ``y`` is not asked for a dtype."""

    def spec(self, x: Any, y: Any) -> Any:
        shape_attribute(x, "dtype")
        if not isinstance(value_of(y), int):
            shape_attribute(y, "dtype")
        return x


@register_op("IsIn")
class IsIn(Op):
    """``KerasTensor(x1.shape, dtype="bool")``."""

    dtype_rule = "bool"
    config_may_be_unknown = True

    def spec(self, x1: Any, x2: Any) -> Any:
        return shape_attribute(x1)


@register_op("AllClose")
class AllClose(Op):
    """``KerasTensor([], dtype="bool")``, whatever the shapes."""

    dtype_rule = "bool"
    config_may_be_unknown = True

    def spec(self, *_: Any) -> Any:
        return ()


@register_op("Where")
class Where(Op):
    """``keras.ops.where(condition, x1, x2)``: the three shapes broadcast (None counts as a scalar)."""

    config_may_be_unknown = True

    def spec(self, condition: Any, x1: Any, x2: Any) -> Any:
        if (x1 is None) != (x2 is None):
            raise LayerError("`x1` and `x2` either both should be `None` or both should have non-None value.", "config")
        return broadcast(broadcast(keras_shape(condition), keras_shape(x1)), keras_shape(x2))


@register_op("View")
class View(Op):
    """``keras.ops.view(x, dtype)``: the last axis scaled by the ratio of the item sizes."""

    dtype_rule = CONFIGURED

    def spec(self, x: Any) -> Any:
        old = self.operand_dtypes[0] if self.operand_dtypes else None
        new = self.dtype if self.dtype else old
        old_size, new_size = ITEM_SIZES.get(old), ITEM_SIZES.get(new)
        if old_size is None or new_size is None:
            return UNKNOWN
        if old_size == new_size:
            return x
        shape = dims(x)
        if not shape:
            raise LayerError("Cannot view a scalar as a different dtype if item sizes are different.", "config")
        last = shape[-1]
        if last is not None:
            if last * old_size % new_size != 0:
                raise LayerError(
                    f"Cannot view array of shape {tuple(shape)} and dtype {old} as dtype {new} because the total "
                    "number of bytes is not divisible by the new itemsize.",
                    "config",
                )
            shape[-1] = last * old_size // new_size
        return tuple(shape)


ITEM_SIZES = {
    "bool": 1, "int8": 1, "uint8": 1, "int16": 2, "uint16": 2, "float16": 2, "bfloat16": 2, "int32": 4, "uint32": 4,
    "float32": 4, "int64": 8, "uint64": 8, "float64": 8, "complex64": 8, "complex128": 16,
}


@register_op("Correlate")
class Correlate(Op):
    """``keras.ops.correlate(x1, x2, mode)``: 1-D inputs; ``valid`` ``|n - m| + 1``, ``same``
    ``max(n, m)``, ``full`` ``n + m - 1``."""

    def spec(self, x1: Any, x2: Any) -> Any:
        s1, s2 = dims(keras_shape(x1)), dims(keras_shape(x2))
        if len(s1) != 1:
            raise LayerError(f"`x1` must be a 1-dimensional tensor, but receivedshape {tuple(s1)}", "rank")
        if len(s2) != 1:
            raise LayerError(f"`x2` must be a 1-dimensional tensor, but receivedshape {tuple(s2)}", "rank")
        n, m = s1[0], s2[0]
        if n is None or m is None:
            # np.maximum of None raises TypeError before the mode is checked.
            raise LayerError("'>=' not supported between instances of 'NoneType' and 'int'", "undefined_dim")
        if self.mode not in ("valid", "same", "full"):
            raise LayerError(f"`mode` must be either `valid`, `same`, or `full`, butreceived: {self.mode}", "config")
        if self.mode == "same":
            return (max(n, m),)
        if self.mode == "full":
            return (n + m - 1,)
        return (max(n, m) - min(n, m) + 1,)
