"""The calls tests/oracle/op_cases.py records, one list per kerascheck rule module.

A case is ``case(function, *args, inputs=[shape, ...], dtypes=[...], **kwargs)``: ``T(i)``
in the arguments is the i-th symbolic input (``keras.Input(batch_shape=shape, dtype=...)``),
``Array(shape)`` a NumPy array of ones.  No Keras here: only the arguments.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Iterator

N = None  # a dynamic dimension


@dataclass(frozen=True)
class T:
    """The ``index``-th symbolic input of the case."""

    index: int


@dataclass(frozen=True)
class Array:
    """A NumPy array of ones (a constant operand with a shape)."""

    shape: tuple
    dtype: str = "float32"


X, Y, Z, W = T(0), T(1), T(2), T(3)


@dataclass(frozen=True)
class Function:
    """A Python function argument (``keras.ops.map``'s ``f``…), by name in ``op_cases.FUNCTIONS``;
    ``args`` are values it closes over (a tensor it returns)."""

    name: str
    args: tuple = ()

    def __init__(self, name: str, *args: Any) -> None:
        object.__setattr__(self, "name", name)
        object.__setattr__(self, "args", args)


# Why kerascheck does not follow a case exactly (``unmodelled``): it must then agree with Keras where
# it says anything, and stay silent where Keras raises.
NOT_CREATED = "Keras creates no operation: the backend raises on the symbolic tensor"
NOT_A_LIST = "an argument Keras requires to be a list or tuple is a tensor: no operation is made"
NO_TENSOR = "no operand of the operation is a tensor (only an argument Keras checks is)"
ARRAY_VALUES = "the output depends on the values of a NumPy array"


def case(function: str, *args: Any, inputs: Any = ((N, 3),), dtypes: Any = None, unmodelled: str | None = None,
         **kwargs: Any) -> dict:
    from op_cases import to_json  # noqa: PLC0415  (one encoder for both files)

    inputs = [list(s) for s in inputs]
    if isinstance(dtypes, str):
        dtypes = [dtypes] * len(inputs)
    spec = {
        "function": function,
        "args": to_json(list(args)),
        "kwargs": {k: to_json(v) for k, v in kwargs.items()},
        "inputs": inputs,
        "dtypes": list(dtypes or ["float32"] * len(inputs)),
    }
    if unmodelled:
        spec["unmodelled"] = unmodelled
    return spec


# Shapes every elementwise function is tried on: a dynamic batch, a dynamic inner dim, a scalar,
# a vector, and a static shape.
UNARY_SHAPES = [(N, 3), (2, N, 4), (), (N,), (5, 1, 2)]


def unary(function: str, *args: Any, dtype: str = "float32", **kwargs: Any) -> Iterator[dict]:
    for shape in UNARY_SHAPES:
        yield case(function, X, *args, inputs=[shape], dtypes=dtype, **kwargs)


def binary(function: str, dtype: str = "float32", errors: bool = True) -> Iterator[dict]:
    """Broadcasting: equal shapes, a suffix, both sides of 1s, a scalar tensor, a Python
    constant, a NumPy constant, and shapes that do not broadcast."""
    pairs = [((N, 3), (N, 3)), ((N, 3), (3,)), ((2, 1, 4), (3, 1)), ((N, 1, 5), ()), ((5,), (N, 1, 5))]
    for a, b in pairs:
        yield case(function, X, Y, inputs=[a, b], dtypes=dtype)
    yield case(function, X, 2, inputs=[(N, 3)], dtypes=dtype)
    yield case(function, 3, X, inputs=[(2, N)], dtypes=dtype)
    yield case(function, X, Array((4, 1), dtype), inputs=[(N, 3)], dtypes=dtype)
    if dtype == "float32":
        yield case(function, X, [1.0, 2.0, 3.0], inputs=[(N, 1)], dtypes=dtype)  # a list: no `shape`, a scalar
    if errors:
        yield case(function, X, Y, inputs=[(N, 4), (N, 3)], dtypes=dtype)
        yield case(function, X, Y, inputs=[(2, 3), (4, 3)], dtypes=dtype)


def reduction(function: str, *args: Any, axis: str = "axis", keepdims: bool = True, tuple_axis: bool = True,
              dtype: str = "float32") -> Iterator[dict]:
    """Reductions over ``axis`` (None, one, several, negative, out of bounds) with and without
    ``keepdims``."""
    yield case(function, X, *args, inputs=[(N, 3, 4)], dtypes=dtype)
    yield case(function, X, *args, inputs=[(N, 3, 4)], dtypes=dtype, **{axis: 1})
    yield case(function, X, *args, inputs=[(2, N, 4)], dtypes=dtype, **{axis: -1})
    yield case(function, X, *args, inputs=[(N, 3, 4)], dtypes=dtype, **{axis: 0})
    yield case(function, X, *args, inputs=[(N, 3, 4)], dtypes=dtype, **{axis: 3})
    yield case(function, X, *args, inputs=[(5,)], dtypes=dtype, **{axis: 0})
    if tuple_axis:
        yield case(function, X, *args, inputs=[(N, 3, 4)], dtypes=dtype, **{axis: (0, 2)})
        yield case(function, X, *args, inputs=[(N, 3, 4)], dtypes=dtype, **{axis: [-1, 1]})
    if keepdims:
        yield case(function, X, *args, inputs=[(N, 3, 4)], dtypes=dtype, keepdims=True)
        yield case(function, X, *args, inputs=[(N, 3, 4)], dtypes=dtype, keepdims=True, **{axis: 1})
        if tuple_axis:
            yield case(function, X, *args, inputs=[(2, 3, N)], dtypes=dtype, keepdims=True, **{axis: (0, -1)})


# --------------------------------------------------------------------------- elementwise

UNARY_FLOAT = [
    "abs", "absolute", "angle", "arccos", "arccosh", "arcsin", "arcsinh", "arctan", "arctanh", "cbrt", "ceil",
    "conj", "conjugate", "copy", "cos", "cosh", "deg2rad", "exp", "exp2", "expm1", "fabs", "floor", "i0", "imag",
    "isfinite", "isinf", "isnan", "isneginf", "isposinf", "isreal", "log", "log10", "log1p", "log2",
    "logical_not", "negative", "rad2deg", "real", "reciprocal", "sign", "signbit", "sin", "sinc", "sinh", "sqrt",
    "square", "tan", "tanh", "trunc", "stop_gradient", "rsqrt", "erf", "erfc", "erfinv",
    # activations
    "relu", "relu6", "sigmoid", "sparse_sigmoid", "softplus", "softsign", "sparse_plus", "silu", "swish",
    "log_sigmoid", "hard_sigmoid", "hard_silu", "hard_swish", "selu", "tanh_shrink", "hard_tanh",
]
UNARY_INT = ["bitwise_invert", "bitwise_not"]

BINARY_FLOAT = [
    "add", "subtract", "multiply", "divide", "true_divide", "divide_no_nan", "floor_divide", "power", "mod",
    "fmod", "maximum", "minimum", "fmax", "fmin", "arctan2", "hypot", "logaddexp", "logaddexp2", "nextafter",
    "heaviside", "ldexp", "equal", "not_equal", "greater", "greater_equal", "less", "less_equal", "logical_and",
    "logical_or", "logical_xor", "isclose",
]
BINARY_INT = ["gcd", "lcm", "bitwise_and", "bitwise_or", "bitwise_xor", "bitwise_left_shift",
              "bitwise_right_shift", "left_shift", "right_shift"]


def elementwise_cases() -> Iterator[dict]:
    for function in UNARY_FLOAT:
        yield from unary(function)
    for function in UNARY_INT:
        yield from unary(function, dtype="int32")
    for function in BINARY_FLOAT:
        yield from binary(function)
    for function in BINARY_INT:
        yield from binary(function, dtype="int32")
    yield case("ldexp", X, Y, inputs=[(N, 3), (N, 3)], dtypes=["float32", "int32"])
    yield case("isin", X, Y, inputs=[(N, 3), (5,)])
    yield case("isin", X, Y, inputs=[(2, N, 4), (N, 3)])
    yield case("isin", X, Y, inputs=[(), (3,)])
    yield case("isin", X, [1, 2], inputs=[(N, 3)], unmodelled="a Python list's dtype is read")
    yield case("isin", X, Y, inputs=[(N,), (2, 2)], invert=True)
    yield case("isclose", X, Y, 0.1, 0.2, True, inputs=[(N, 3), (3,)])
    for a, b in [((N, 3), (N, 3)), ((2, 3), (3,)), ((N, 4), (N, 3)), ((), (5,)), ((2, N), (2, 1))]:
        yield case("allclose", X, Y, inputs=[a, b])
    yield case("allclose", X, 1.0, inputs=[(N, 3)], atol=0.1)
    for shape in [(N, 3), (2, 5), (4,), (), (2, N, 3)]:
        yield case("corrcoef", X, inputs=[shape])
    for a, b, mode in [((5,), (3,), "valid"), ((5,), (3,), "same"), ((5,), (3,), "full"), ((3,), (5,), "valid"),
                       ((N,), (3,), "valid"), ((N,), (3,), "full"), ((5,), (3,), "other"), ((2, 5), (3,), "valid"),
                       ((5,), (N,), "same")]:
        yield case("correlate", X, Y, inputs=[a, b], mode=mode)
    # with arguments
    for shape in UNARY_SHAPES:
        yield case("elu", X, inputs=[shape], alpha=0.5)
        yield case("celu", X, inputs=[shape], alpha=2.0)
        yield case("leaky_relu", X, inputs=[shape], negative_slope=0.1)
        yield case("gelu", X, inputs=[shape], approximate=False)
        yield case("soft_shrink", X, inputs=[shape], threshold=0.2)
        yield case("hard_shrink", X, inputs=[shape])
        yield case("squareplus", X, inputs=[shape], b=2)
        yield case("threshold", X, 0.5, 0.0, inputs=[shape])
        yield case("round", X, inputs=[shape], decimals=1)
        yield case("clip", X, 0.0, 1.0, inputs=[shape])
        yield case("nan_to_num", X, inputs=[shape], nan=1.0)
        yield case("cast", X, "int32", inputs=[shape])
        yield case("saturate_cast", X, "uint8", inputs=[shape])
        yield case("convert_to_tensor", X, inputs=[shape])
        yield case("array", X, inputs=[shape])
        yield case("empty_like", X, inputs=[shape])
        yield case("ones_like", X, inputs=[shape])
        yield case("zeros_like", X, inputs=[shape])
        yield case("full_like", X, 2.0, inputs=[shape])
    yield case("round", X, inputs=[(N, 3)])
    yield case("cast", X, "bfloat16", inputs=[(N, 3)])
    yield case("cast", X, "bool", inputs=[(N, 3)], dtypes="int32")
    yield case("convert_to_tensor", X, "float16", inputs=[(N, 3)])
    yield case("convert_to_tensor", X, dtype="int32", sparse=False, inputs=[(2, N)])
    yield case("array", X, dtype="int32", inputs=[(N, 3)])
    yield case("ones_like", X, dtype="int32", inputs=[(N, 3)])
    yield case("zeros_like", X, "bool", inputs=[(N, 3)])
    yield case("empty_like", X, "float16", inputs=[(N, 3)])
    yield case("full_like", X, Y, inputs=[(N, 3), ()])
    yield case("full_like", X, Y, inputs=[(N, 3), (3,)], dtype="int32")
    yield case("full_like", 2.0, X, inputs=[(N, 3)])
    yield case("clip", X, -1, 1, inputs=[(N, 3)], dtypes="int32")
    yield case("clip", X, 0, 1, inputs=[(N, 3)], dtypes="bool")
    yield case("threshold", X, 0.0, -1.0, inputs=[(N, 3)], dtypes="int32")
    yield case("where", X, Y, Z, inputs=[(N, 3), (N, 3), (N, 3)], dtypes=["bool", "float32", "float32"])
    yield case("where", X, Y, Z, inputs=[(N, 1), (3,), ()], dtypes=["bool", "float32", "float32"])
    yield case("where", X, Y, 0.0, inputs=[(2, N, 4), (4,)], dtypes=["bool", "float32"])
    yield case("where", X, 1, 0, inputs=[(N, 3)], dtypes="bool")
    yield case("where", X, inputs=[(N, 3)], dtypes="bool")
    yield case("where", X, Y, Z, inputs=[(N, 4), (N, 3), (N, 3)], dtypes=["bool", "float32", "float32"])
    yield case("where", X, Y, inputs=[(N, 3), (N, 3)], dtypes=["bool", "float32"])
    yield case("where", X, Y, Z, inputs=[(5,), (N, 1), (2, 1, 1)], dtypes=["bool", "float32", "float32"])
    yield case("view", X, inputs=[(N, 4)], dtype="int32")
    yield case("view", X, inputs=[(N, 4)], dtype="float16")
    yield case("view", X, inputs=[(N, N)], dtype="int8")
    yield case("view", X, inputs=[(2, 3)], dtype="float32", dtypes="float16")
    yield case("view", X, inputs=[(2, 4)], dtype="float32", dtypes="float16")
    yield case("view", X, inputs=[()], dtype="float16")
    yield case("view", X, inputs=[(N, 3)])


# --------------------------------------------------------------------------- reductions

REDUCTIONS = ["all", "any", "amax", "amin", "max", "min", "mean", "sum", "prod", "std", "var", "median", "ptp",
              "nanmax", "nanmean", "nanmedian", "nanmin", "nanprod", "nanstd", "nansum", "nanvar", "logsumexp",
              "argmax", "argmin", "nanargmax", "nanargmin"]


def reduction_cases() -> Iterator[dict]:
    for function in REDUCTIONS:
        single = function in ("argmax", "argmin", "nanargmax", "nanargmin")
        yield from reduction(function, tuple_axis=not single)
    yield from reduction("count_nonzero", keepdims=False)
    yield from reduction("average", keepdims=False, tuple_axis=False)
    yield case("average", X, inputs=[(N, 3), (N, 3)], weights=Y)
    yield case("average", X, 1, Y, inputs=[(N, 3), (3,)])
    yield case("average", X, 0, Y, inputs=[(4, 3), (4,)])
    yield case("average", X, 1, Y, inputs=[(N, 3), (4,)])
    yield case("average", X, None, Y, inputs=[(N, 3), (3,)])
    yield case("average", X, 1, Y, inputs=[(2, 3), (2, 3)])
    yield case("average", X, 1, Y, inputs=[(N, N), (5,)])
    for axes, keepdims, shape in [((0,), False, (N, 3)), ((0, 1), True, (N, 3, 4)), ([-1], False, (2, N, 4)),
                                  (1, False, (N, 3)), ((2,), False, (N, 3))]:
        yield case("moments", X, axes, inputs=[shape], keepdims=keepdims)
    yield case("moments", X, (0, 1), inputs=[(N, 3)], synchronized=True)
    yield case("max", X, inputs=[(N, 3)], initial=0.0)
    yield case("min", X, 1, True, 0.0, inputs=[(N, 3)])
    yield case("prod", X, inputs=[(N, 3)], dtype="int32")
    for function in ("cumsum", "cumprod", "nancumsum", "nancumprod"):
        yield case(function, X, inputs=[(N, 3)])
        yield case(function, X, inputs=[(2, 3, 4)])
        yield case(function, X, 1, inputs=[(N, 3)])
        yield case(function, X, -1, inputs=[(2, N, 4)])
        yield case(function, X, 2, inputs=[(N, 3)])
        yield case(function, X, inputs=[()])
        yield case(function, X, 0, "int32", inputs=[(5,)])
    for function in ("quantile", "nanquantile", "percentile", "nanpercentile"):
        q = 0.5 if "quantile" in function else 50.0
        qs = [0.25, 0.75] if "quantile" in function else [25.0, 75.0]
        yield case(function, X, q, inputs=[(N, 3, 4)])
        yield case(function, X, q, inputs=[(N, 3, 4)], axis=1)
        yield case(function, X, qs, inputs=[(N, 3, 4)], axis=-1)
        yield case(function, X, [q], inputs=[(N, 3, 4)], axis=-1)
        yield case(function, X, Y, inputs=[(N, 3, 4), (3,)], axis=(0, 2), keepdims=True)
        yield case(function, X, Y, inputs=[(2, 3), ()])
        yield case(function, X, q, inputs=[(N, 3)], axis=2)
        yield case(function, X, Array((2,)), inputs=[(N, 3)], axis=0)
    for shape, axis in [((N, 3), -1), ((2, N, 4), 1), ((5,), 0), ((N, 3), None), ((N, 3), 2)]:
        yield case("trapezoid", X, inputs=[shape], axis=axis)
    yield case("trapezoid", X, dx=0.5, inputs=[()])
    for shape, kwargs in [((N, 3), {}), ((2, 3, 4), {"axis": (1, 2)}), ((N, 3), {"axis": 0, "keepdims": True}),
                          ((N, 3, 4), {"ord": "fro", "axis": (1, 2)}), ((N, 3), {"ord": 1, "axis": 1}),
                          ((N, 3), {"ord": "nuc", "axis": 1}), ((N, 3, 4), {"ord": 3, "axis": (1, 2)}),
                          ((N, 3), {"ord": "max"}), ((N, 3), {"axis": 2}), ((N, 3, 4), {"keepdims": True}),
                          ((N, 3), {"ord": float("inf"), "axis": (0, 1)})]:
        yield case("norm", X, inputs=[shape], **kwargs)
    yield case("norm", X, inputs=[(N, 3)], dtypes="int32")


# --------------------------------------------------------------------------- shapes


def shape_cases() -> Iterator[dict]:
    for shape, newshape in [((N, 3, 4), (-1, 12)), ((2, 3, 4), (4, -1)), ((2, 3, 4), (6, 4)), ((N, 6), (-1, 2, 3)),
                            ((2, 3, 4), 24), ((2, 3, 4), [-1]), ((N, 3), (N, 3)), ((2, 3), (4, -1)),
                            ((2, 3), (5,)), ((2, 3), (-1, -1)), ((2, 3), (-2, 3)), ((), (1, 1)), ((2, 0), (-1, 0))]:
        yield case("reshape", X, newshape, inputs=[shape])
    for shape, axes in [((N, 3, 4), None), ((N, 3, 4), (0, 2, 1)), ((2, N), (1, 0)), ((N, 3, 4), (-1, 0, 1)),
                        ((N, 3), (0,)), ((N, 3), (0, 0)), ((N, 3), (0, 2)), ((), None), ((N, 3, 4), [2, 1, 0])]:
        yield case("transpose", X, inputs=[shape], axes=axes)
    for shape, axis in [((N, 3), 0), ((N, 3), -1), ((N, 3), 1), ((N, 3), (0, 3)), ((N, 3), 3), ((), 0),
                        ((N, 3), [1, 2]), ((N, 3), -4), ((N, 3), "a")]:
        yield case("expand_dims", X, axis, inputs=[shape])
    for shape, axis in [((N, 1, 3), None), ((N, 1, 3), 1), ((1, N, 1), (0, -1)), ((N, 1, 3), 2), ((N, 1, 3), 3),
                        ((1, 1), None), ((N, 3), 0), ((2, 1), [1])]:
        yield case("squeeze", X, inputs=[shape], axis=axis)
    for shapes, axis in [([(N, 3), (N, 4)], -1), ([(N, 3), (N, 3)], 0), ([(2, 3, 4), (2, 5, 4), (2, 1, 4)], 1),
                         ([(N, 3), (N, 4)], 0), ([(N, 3), (N, 3, 1)], 0), ([(N, 3), (N, 3)], 2),
                         ([(N, 3), (2, N)], 1), ([(5,)], 0)]:
        yield case("concatenate", [T(i) for i in range(len(shapes))], inputs=shapes, axis=axis)
    yield case("concatenate", [X, Array((2, 3))], inputs=[(N, 3)])
    yield case("concatenate", (X, Y), inputs=[(N, 3), (N, 3)], axis=None)
    for shapes, axis in [([(N, 3), (N, 3)], 0), ([(N, 3), (N, 3)], -1), ([(2, 3), (2, N), (N, 3)], 1),
                         ([(N, 3), (N, 4)], 0), ([(N, 3), (N, 3)], 3), ([()] * 3, 0)]:
        yield case("stack", [T(i) for i in range(len(shapes))], inputs=shapes, axis=axis)
    for function, good in [("hstack", [[(N, 3), (N, 4)], [(2, 3), (2, 3, 1)], [(3,), (4,)], [(N, 2, 3), (N, 5, 3)]]),
                           ("vstack", [[(N, 3), (2, 3)], [(3,), (3,)], [(2, 3, 4), (5, 3, 4)], [(N, 3), (N, 4)]]),
                           ("dstack", [[(N, 3), (N, 3)], [(3,), (3,)], [(2, 3, 4), (2, 3, 5)], [(), ()],
                                       [(N, 3, 1), (N, 4, 1)]])]:
        for shapes in good:
            yield case(function, [T(i) for i in range(len(shapes))], inputs=shapes)
        yield case(function, (X,), inputs=[(N, 3, 2)])
    for function in ("split", "array_split"):
        for shape, sections, axis in [((N, 6), 2, 1), ((N, 6), 3, -1), ((6, N), 3, 0), ((N, 7), 2, 1), ((N, 6), 2, 2),
                                      ((N, 6), [1, 4], 1), ((N, 6), (2,), -1), ((N, 6), [N, 4], 1), ((N, 6), 1, 0)]:
            yield case(function, X, sections, inputs=[shape], axis=axis)
    for function, shapes in [("hsplit", [(N, 6), (6,), (2, 6, 3), ()]), ("vsplit", [(6, N), (6, 2, 3), (6,), (5, 3)]),
                             ("dsplit", [(2, 3, 6), (N, N, 4, 2), (3, 6), (2, 3, 5)])]:
        for shape in shapes:
            yield case(function, X, 2, inputs=[shape])
        yield case(function, X, [1, 3], inputs=[shapes[0]])
    for shape, repeats in [((N, 3), 2), ((N, 3), (2, 1)), ((N, 3), (3, 1, 2)), ((2, 3, 4), (2,)), ((), (2, 2)),
                           ((N, 3), [1, 2])]:
        yield case("tile", X, repeats, inputs=[shape])
    for shape, repeats, axis in [((N, 3), 2, None), ((2, 3), 2, None), ((2, 3), 2, 1), ((N, 3), [1, 2, 3], 1),
                                 ((N, 3), 2, 0), ((2, 3), [1, 2], 1), ((2, 3), [1, 2, 3, 4, 5, 6], None),
                                 ((2, 3), [1, 2], None), ((N, 3), (2,), -1)]:
        yield case("repeat", X, repeats, inputs=[shape], axis=axis)
    for shape, pad_width, kwargs in [((N, 3), ((0, 0), (1, 2)), {}), ((2, 3), 1, {}), ((2, 3), (1, 2), {}),
                                     ((N, 3, 4), [[1, 1], [2, 2], [0, 3]], {"mode": "reflect"}),
                                     ((2, 3), ((1, 1), (2, 2), (3, 3)), {}), ((2, 3), [[1], [2]], {}),
                                     ((N, 3), ((0, 0), (1, 1)), {"constant_values": 1.0})]:
        yield case("pad", X, pad_width, inputs=[shape], **kwargs)
    for shape, key in [((N, 3, 4), 0), ((N, 3, 4), (slice(None), 1)), ((N, 3, 4), (Ellipsis, slice(0, 2))),
                       ((N, 3, 4), (slice(None), None, slice(1, None, 2))), ((2, 3), (1, -1)), ((2, 3), (5,)),
                       ((N, 3), (slice(None), slice(None), 0)), ((N, 3), slice(1, 2)), ((N, 3), (Ellipsis, Ellipsis)),
                       ((N, 10), (slice(None), slice(None, None, -3))), ((N, 3), [slice(None), 0]),
                       ((2, 3), (None, Ellipsis, None)), ((2, 3), (1.5,))]:
        yield case("get_item", X, key, inputs=[shape])
    for shapes, axis in [([(N, 3, 4), (2, 5)], 1), ([(N, 3, 4), (2,)], None), ([(N, 3, 4), (5, N)], -1),
                         ([(N, 3), ()], 0), ([(N, 3), (2,)], 2)]:
        yield case("take", X, Y, inputs=shapes, dtypes=["float32", "int32"], axis=axis)
    yield case("take", X, [0, 2], inputs=[(N, 3)], axis=1)
    yield case("take", X, [[0], [2]], inputs=[(N, 3)])
    yield case("take", X, 1, inputs=[(N, 3, 4)], axis=0)
    for shapes, axis in [([(N, 3), (N, 2)], 1), ([(2, 3, 4), (2, 3, 1)], -1), ([(2, 3), (5,)], None),
                         ([(N, 3), (N, 1, 2)], 1), ([(2, 3), (1, 3)], 0), ([(2, 3), (4, 3)], 1), ([(N, 3), (N, 2)], 2)]:
        yield case("take_along_axis", X, Y, inputs=shapes, dtypes=["float32", "int32"], axis=axis)
    for shape, axis in [((N, 3), None), ((N, 3), 1), ((N, 3, 4), (0, 2)), ((N, 3), 2), ((), None)]:
        yield case("flip", X, inputs=[shape], axis=axis)
        yield case("roll", X, 1, inputs=[shape], axis=axis)
    for function in ("fliplr", "flipud"):
        for shape in [(N, 3), (2, 3, 4), (5,), (), (N, N)]:
            yield case(function, X, inputs=[shape])
    for shape, kwargs in [((N, 3), {}), ((2, 3, 4), {"k": 2, "axes": (1, 2)}), ((2, N, 4), {"axes": (0, 2)}),
                          ((5,), {}), ((2, 3), {"axes": (0, 0)}), ((2, 3), {"axes": (0, 1, 2)}),
                          ((2, 3, 4), {"axes": (-1, 0), "k": 3})]:
        yield case("rot90", X, inputs=[shape], **kwargs)
    for shape, source, destination in [((N, 3, 4), 0, -1), ((N, 3, 4), (0, 1), (2, 0)), ((2, N), 1, 0),
                                       ((N, 3, 4), 3, 0), ((N, 3, 4), (0, 1), 2), ((N, 3, 4, 5), [0, 3], [3, 0])]:
        yield case("moveaxis", X, source, destination, inputs=[shape])
    for shape, a, b in [((N, 3, 4), 0, 2), ((N, 3), -1, 0), ((2, N, 4), 1, 1), ((N, 3), 0, 2), ((N, 3, 4), -3, -2)]:
        yield case("swapaxes", X, a, b, inputs=[shape])
    for shape, target in [((N, 3), (2, 4, 3)), ((3,), (2, 3)), ((1, 3), (5, 3)), ((N, 3), (2, 4)), ((2, 3), [4, 2, 3]),
                          ((), (2,))]:
        yield case("broadcast_to", X, target, inputs=[shape])
    for shape in [(N, 3), (2, 3, 4), (), (5,), (2, N)]:
        yield case("ravel", X, inputs=[shape])
        yield case("size", X, inputs=[shape])
        yield case("ndim", X, inputs=[shape])
    for shape, k in [((N,), 0), ((4,), 1), ((4,), -2), ((3, 4), 0), ((3, 4), 2), ((3, 4), -1), ((3, 4), 5),
                     ((N, 4), 0), ((2, 3, 4), 0), ((), 0)]:
        yield case("diag", X, inputs=[shape], k=k)
    for shape, k in [((N,), 0), ((4,), 1), ((3, 4), -2), ((), 0), ((2, N), 0), ((2, 3, 2), 0)]:
        yield case("diagflat", X, inputs=[shape], k=k)
    for shape, kwargs in [((3, 4), {}), ((N, 3, 4), {"axis1": 1, "axis2": 2}), ((3, 4, 5), {"offset": 1}),
                          ((3, 4), {"offset": -2}), ((3, 4), {"offset": 7}), ((N, 4), {}), ((5,), {}),
                          ((3, 4), {"axis1": 1, "axis2": 1}), ((2, 3, 4), {"axis1": 0, "axis2": 3}),
                          ((2, 3, 4), {"axis1": -1, "axis2": 0, "offset": 1})]:
        yield case("diagonal", X, inputs=[shape], **kwargs)
    for shape, kwargs in [((3, 4), {}), ((N, 3, 4), {"axis1": 1, "axis2": 2}), ((3, 4, 5), {"offset": 1}),
                          ((3, 4), {"axis1": 1, "axis2": 1}), ((3, 4), {"axis1": 0, "axis2": 2}),
                          ((2, 3, 4), {"axis1": -1, "axis2": 0})]:
        yield case("trace", X, inputs=[shape], **kwargs)
    for function in ("tril", "triu"):
        for shape, k in [((N, 3), 0), ((3, 4), 1), ((2, 3, 4), -1), ((5,), 0), ((), 0)]:
            yield case(function, X, inputs=[shape], k=k)
    for function in ("sort", "argsort"):
        for shape, axis in [((N, 3), -1), ((2, 3, 4), 0), ((N, 3), None), ((2, 3), None), ((N, 3), 2), ((), None)]:
            yield case(function, X, inputs=[shape], axis=axis)
    for shape, kth, axis in [((N, 3), 1, -1), ((2, 3), 0, None), ((N, 3), 1, None), ((2, 3, 4), 2, 0),
                             ((N, 3), 1.5, -1)]:
        yield case("argpartition", X, kth, inputs=[shape], axis=axis)
    for shapes, axis in [([(N, 3), (N, 3)], None), ([(2, 3), (4,)], None), ([(N, 3), (N, 4)], 1),
                         ([(2, 3), (5, 3)], 0), ([(2, 3), (2, 4)], 0), ([(N, 3), (2, 3)], 0)]:
        yield case("append", X, Y, inputs=shapes, axis=axis)
    for shape, axis, n in [((N, 5), -1, 1), ((N, 5), 1, 2), ((3, 4), 0, 5), ((N, 5), 2, 1), ((5,), -1, 0)]:
        yield case("diff", X, inputs=[shape], n=n, axis=axis)
    for shape, pattern, lengths in [((N, 4, 6), "b h w -> b w h", {}), ((2, 4, 6), "b h w -> b (h w)", {}),
                                    ((2, 12), "b (h w) -> b h w", {"h": 3}), ((2, 4, 6, 3), "b h w c -> (b h) w c", {}),
                                    ((N, 12), "b (h w) -> b h w", {"h": 3}), ((2, 3, 4), "a b c -> c b a", {})]:
        yield case("rearrange", X, pattern, inputs=[shape], **lengths)
    for shapes in [[(3,), (4,)], [(N,), (4,), (2,)], [(2, 3), (5,)], [(), (4,)], [(3,)]]:
        yield case("meshgrid", *[T(i) for i in range(len(shapes))], inputs=shapes)
        yield case("meshgrid", *[T(i) for i in range(len(shapes))], inputs=shapes, indexing="ij")
    yield case("meshgrid", X, Y, inputs=[(3,), (4,)], indexing="xx")
    for shape in [(N, 3), (5,), (), (2, 3, 4), (N, N)]:
        yield case("nonzero", X, inputs=[shape])
    for shape, kwargs in [((N, 3), {}), ((5,), {"size": 3}), ((N, 3), {"axis": 0}), ((2, 3), {"axis": 1, "size": 2}),
                          ((N, 3), {"return_index": True, "return_inverse": True, "return_counts": True}),
                          ((N, 3), {"axis": 1, "return_inverse": True}), ((N, 3), {"axis": 2})]:
        yield case("unique", X, inputs=[shape], **kwargs)
    for shape, target in [((N,), (3, 4)), ((5,), (2, 3, 4)), ((2, 3), (6, 6)), ((N,), (N, 4)), ((), (3, 4))]:
        yield case("unravel_index", X, target, inputs=[shape], dtypes="int32")
    yield case("unravel_index", 5, X, inputs=[(2,)], dtypes="int32", unmodelled=NOT_CREATED)
    for shapes in [[(5,), (N, 3)], [(N,), (2,)], [(5,), ()], [(2, 5), (3,)]]:
        yield case("searchsorted", X, Y, inputs=shapes)
    yield case("searchsorted", X, Y, inputs=[(5,), (3,)], side="right")
    for shapes in [[(N, 3), (4,)], [(5,), (N,)], [(), (3,)], [(N, 3), (2, 2)]]:
        yield case("digitize", X, Y, inputs=shapes)
    yield case("digitize", X, [0.0, 1.0], inputs=[(N, 3)], unmodelled="a Python list has no shape attribute")
    for shapes in [[(N, 3), (N, 3), (N, 3), (N, 3)], [(2, 3), (3,), (N, 3), (2, 3)], [(), (), (N, 4), ()]]:
        yield case("select", [X, Y], [Z, W], inputs=shapes, dtypes=["bool", "bool", "float32", "float32"])
    yield case("select", [X], [Y], 1.0, inputs=[(N, 3), (5,)], dtypes=["bool", "float32"])
    yield case("select", [X], [1.0], inputs=[(N, 3)], dtypes=["bool"])
    yield case("select", X, [Y], inputs=[(N, 3), (N, 3)], dtypes=["bool", "float32"], unmodelled=NOT_A_LIST)
    yield case("select", [], [], 0.0, inputs=[(N, 3)], unmodelled=NOT_CREATED)
    for shape, kwargs in [((N,), {}), ((5,), {"minlength": 3}), ((N, 4), {}), ((), {}),
                          ((N,), {"weights": Array((5,))}), ((5,), {"sparse": True})]:
        yield case("bincount", X, inputs=[shape], dtypes="int32", **kwargs)
    for shape, kwargs in [((N,), {}), ((5,), {"bins": 4}), ((5,), {"bins": 3, "range": (0.0, 1.0)}),
                          ((2, 3), {}), ((5,), {"bins": -1}), ((5,), {"bins": 2.0}), ((5,), {"range": (1.0, 0.0)}),
                          ((5,), {"range": [0.0, 1.0]})]:
        yield case("histogram", X, inputs=[shape], **kwargs)
    for shape, kwargs in [((N,), {}), ((4,), {"N": 3}), ((4,), {"increasing": True}), ((2, 3), {}), ((4,), {"N": -1}),
                          ((4,), {"N": 2.0}), ((4,), {"increasing": 1}), ((4,), {"N": 0})]:
        yield case("vander", X, inputs=[shape], **kwargs)


# --------------------------------------------------------------------------- linear algebra


def linalg_cases() -> Iterator[dict]:
    pairs = [((N, 3, 4), (4, 5)), ((2, 3), (3,)), ((3,), (3, 2)), ((3,), (3,)), ((N, 2, 3, 4), (N, 4, 5)),
             ((2, 3), (4, 5)), ((5, 1, 3, 4), (2, 4, 6)), ((N, 3), (N, 4)), ((), (3,)), ((N, 3, 4), (2, 4, N))]
    for a, b in pairs:
        yield case("matmul", X, Y, inputs=[a, b])
        yield case("dot", X, Y, inputs=[a, b])
    yield case("matmul", X, Array((3, 2)), inputs=[(N, 3)])
    yield case("dot", X, 2.0, inputs=[(N, 3)])
    yield case("dot", X, Y, inputs=[(N, 3), (N,)])
    yield case("matmul", X, Y, inputs=[(2, 3), (3, 4)], dtypes="int8")
    for a, b, axes in [((N, 3, 4), (4, 5), 1), ((2, 3, 4), (3, 4, 5), 2), ((N, 3), (5, 2), 0),
                       ((2, 3, 4), (4, 3, 5), ((1, 2), (1, 0))), ((2, 3), (3, 2), ([1], [0])),
                       ((2, 3), (4, 2), ([1], [0])), ((2, 3), (3, 2), -1), ((N, 3), (N, 3), ((0,), (0,)))]:
        yield case("tensordot", X, Y, inputs=[a, b], axes=axes)
    for subscripts, shapes in [("ij,jk->ik", [(N, 3), (3, 4)]), ("bij,bjk->bik", [(N, 2, 3), (N, 3, 4)]),
                               ("ij->ji", [(2, N)]), ("ii->i", [(3, 3)]), ("ij,ij->", [(2, 3), (2, 3)]),
                               ("...ij,...jk->...ik", [(N, 5, 2, 3), (3, 4)]), ("ij,jk", [(2, 3), (3, 4)]),
                               ("abc,cd->abd", [(N, 3, 4), (4, 5)]), ("i,j->ij", [(3,), (N,)]),
                               ("ij,jk->ik", [(2, 3), (4, 5)]), ("ij,jk->ik", [(2, 3)]), ("ij->i->j", [(2, 3)]),
                               ("ijk->kij", [(2, 3)]), ("bhqd,bhkd->bhqk", [(N, 4, 10, 8), (N, 4, 12, 8)]),
                               ("b...d,de->b...e", [(N, 2, 3, 4), (4, 6)]), ("ij,j->i", [(N, 3), (3,)])]:
        yield case("einsum", subscripts, *[T(i) for i in range(len(shapes))], inputs=shapes)
    yield case("einsum", "ij,jk->ik", X, Y, inputs=[(2, 3), (3, 4)], dtypes="int8")
    for a, b in [((N, 3), (N, 3)), ((2, 3, 4), (5, 4)), ((3,), (3,)), ((), (2, 3)), ((2, 3), (4,)), ((2, N), (3, 5))]:
        yield case("inner", X, Y, inputs=[a, b])
    for a, b in [((N, 3), (4,)), ((2, 3), (5, 6)), ((), (3,)), ((3,), (N,)), ((2, N, 2), (3, 1))]:
        yield case("outer", X, Y, inputs=[a, b])
        yield case("vdot", X, Y, inputs=[a, b])
    for a, b in [((2, 3), (4, 5)), ((N, 3), (2, 2)), ((2, 3, 4), (5, 6)), ((3,), (4,)), ((2, 3), (2, 3, 4))]:
        yield case("kron", X, Y, inputs=[a, b])
    for a, b, kwargs in [((N, 3), (N, 3), {}), ((N, 2), (N, 2), {}), ((N, 3), (3,), {}), ((3, N), (3, 5), {"axis": 0}),
                         ((N, 4), (N, 3), {}), ((N, 3), (N, 2), {"axisc": 0}), ((2, 3, 5), (3, 5), {"axisa": 1, "axisb": 0}),
                         ((N, 3), (N, 3), {"axisc": 2})]:
        yield case("cross", X, Y, inputs=[a, b], **kwargs)
    for function in ("cholesky", "cholesky_inverse", "det", "inv", "eig", "eigh", "lu_factor", "matrix_rank", "pinv",
                     "logdet", "slogdet"):
        for shape in [(3, 3), (N, 4, 4), (2, 3), (5,), (N, N, N)]:
            yield case(function, X, inputs=[shape])
    yield case("cholesky", X, inputs=[(N, 3, 3)], upper=True)
    yield case("pinv", X, inputs=[(N, 3, 5)], rcond=0.1)
    for shape, kwargs in [((4, 3), {}), ((N, 4, 3), {"mode": "complete"}), ((3, 5), {"mode": "complete"}),
                          ((N, 3), {}), ((5,), {}), ((3, 3), {"mode": "r"})]:
        yield case("qr", X, inputs=[shape], **kwargs)
    for shape, kwargs in [((4, 3), {}), ((N, 3, 5), {"full_matrices": False}), ((N, 3, 5), {"compute_uv": False}),
                          ((5,), {}), ((N, N), {})]:
        yield case("svd", X, inputs=[shape], **kwargs)
    for function in ("solve", "solve_triangular"):
        for a, b in [((3, 3), (3,)), ((3, 3), (3, 2)), ((N, 4, 4), (N, 4, 2)), ((3, 4), (3,)), ((3, 3), ()),
                     ((3, 3), (4, 2)), ((2, 3, 3), (2, 4)), ((5,), (5,))]:
            yield case(function, X, Y, inputs=[a, b])
    yield case("solve_triangular", X, Y, inputs=[(3, 3), (3,)], lower=True)
    for a, b in [((4, 3), (4,)), ((4, 3), (4, 2)), ((N, 3), (N, 2)), ((2, 4, 3), (4,)), ((4, 3), (5,)),
                 ((4, 3), (4, 2, 1))]:
        yield case("lstsq", X, Y, inputs=[a, b])


# --------------------------------------------------------------------------- nn


def nn_cases() -> Iterator[dict]:
    for shape, axis in [((N, 3), -1), ((2, N, 4), 1), ((N, 3), (0, 1)), ((N, 3), 2), ((5,), 0), ((N, 3), None)]:
        yield case("softmax", X, inputs=[shape], axis=axis)
        yield case("log_softmax", X, inputs=[shape], axis=axis)
        yield case("sparsemax", X, inputs=[shape], axis=axis if isinstance(axis, int) else -1)
        yield case("normalize", X, inputs=[shape], axis=axis)
    yield case("normalize", X, inputs=[(N, 3)], order=1, epsilon=1e-3)
    for shape, axis in [((N, 4), -1), ((N, 3), -1), ((2, 6, N), 1), ((N, 4), 0), ((N, 4), 2), ((N, N), -1)]:
        yield case("glu", X, inputs=[shape], axis=axis)
    for function in ("max_pool", "average_pool"):
        for shape, pool, kwargs in [((N, 8, 3), 2, {}), ((N, 8, 8, 3), (2, 2), {"strides": 1}),
                                    ((N, 7, 9, 3), 3, {"strides": 2, "padding": "same"}),
                                    ((N, 3, 8, 8), (2, 2), {"data_format": "channels_first"}),
                                    ((N, N, 8, 3), 2, {}), ((N, 4, 4, 4, 2), (2, 2, 2), {"padding": "VALID"}),
                                    ((N, 2, 3), 3, {}), ((N, 8, 3), 2, {"padding": "full"})]:
            yield case(function, X, pool, inputs=[shape], **kwargs)
    for function in ("adaptive_max_pool", "adaptive_average_pool"):
        for shape, size, kwargs in [((N, 8, 3), (4,), {}), ((N, 8, 8, 3), (2, 2), {}), ((N, 8, N, 3), (3, 5), {}),
                                    ((N, 3, 8, 8), (4, 4), {"data_format": "channels_first"}),
                                    ((N, 4, 4, 4, 2), (2, 2, 2), {}), ((2, 8, 8, 3), 2, {})]:
            yield case(function, X, size, inputs=[shape], **kwargs)
    for inputs, kernel, kwargs in [((N, 8, 3), (3, 3, 4), {}), ((N, 8, 8, 3), (3, 3, 3, 16), {"strides": 2}),
                                   ((N, 8, 8, 3), (3, 3, 3, 16), {"padding": "same"}),
                                   ((N, 3, 8, 8), (3, 3, 3, 16), {"data_format": "channels_first"}),
                                   ((N, 8, 8, 3), (3, 3, 4, 16), {}), ((N, 8, 8, 3), (3, 3, 3, 16), {"dilation_rate": 2}),
                                   ((N, 4, 4, 3), (5, 5, 3, 2), {}), ((N, 8, 8, 3), (3, 3, 16), {}),
                                   ((N, N, 8, 3), (3, 3, 3, 8), {"strides": (1, 2)}),
                                   ((N, 4, 4, 4, 2), (2, 2, 2, 2, 3), {"padding": "same"}),
                                   ((N, 8, 3), (3, 3, 4), {"padding": "causal"})]:
        yield case("conv", X, Y, inputs=[inputs, kernel], **kwargs)
    yield case("conv", X, Array((3, 3, 3, 4)), inputs=[(N, 8, 8, 3)])
    for inputs, kernel, kwargs in [((N, 8, 3), (3, 3, 2), {}), ((N, 8, 8, 3), (3, 3, 3, 2), {"strides": 2}),
                                   ((N, 8, 8, 3), (3, 3, 3, 1), {"padding": "same"}),
                                   ((N, 3, 8, 8), (3, 3, 3, 2), {"data_format": "channels_first"}),
                                   ((N, 8, 8, 3), (3, 3, 4, 1), {}), ((N, 4, 4, 3), (5, 5, 3, 1), {})]:
        yield case("depthwise_conv", X, Y, inputs=[inputs, kernel], **kwargs)
    for inputs, dk, pk, kwargs in [((N, 8, 3), (3, 3, 2), (1, 6, 8), {}),
                                   ((N, 8, 8, 3), (3, 3, 3, 2), (1, 1, 6, 8), {"strides": 2}),
                                   ((N, 3, 8, 8), (3, 3, 3, 1), (1, 1, 3, 4), {"data_format": "channels_first"}),
                                   ((N, 8, 8, 3), (3, 3, 4, 1), (1, 1, 4, 8), {}),
                                   ((N, 8, 8, 3), (3, 3, 3, 1), (1, 1, 3, 5), {"padding": "same"})]:
        yield case("separable_conv", X, Y, Z, inputs=[inputs, dk, pk], **kwargs)
    for inputs, kernel, kwargs in [((N, 8, 3), (3, 4, 3), {}), ((N, 8, 8, 3), (3, 3, 16, 3), {"strides": 2}),
                                   ((N, 8, 8, 3), (3, 3, 16, 3), {"strides": 2, "padding": "same"}),
                                   ((N, 8, 8, 3), (3, 3, 16, 3), {"strides": 2, "output_padding": 1}),
                                   ((N, 3, 8, 8), (3, 3, 16, 3), {"data_format": "channels_first"}),
                                   ((N, 8, 8, 3), (3, 3, 16, 4), {}), ((N, N, 8, 3), (3, 3, 8, 3), {"dilation_rate": 2}),
                                   ((N, 4, 4, 4, 2), (2, 2, 2, 3, 2), {"strides": 2})]:
        yield case("conv_transpose", X, Y, inputs=[inputs, kernel], **kwargs)
    for shape, kwargs in [((N,), {"num_classes": 5}), ((N, 3), {"num_classes": 4}), ((N, 3), {"num_classes": 4, "axis": 0}),
                          ((2, 3), {"num_classes": 4, "axis": 1}), ((N, 3), {"num_classes": 4, "axis": 2}),
                          ((), {"num_classes": 3}), ((N, 3), {"num_classes": 4, "axis": -2}),
                          ((N,), {"num_classes": 5, "dtype": "int32"})]:
        yield case("one_hot", X, inputs=[shape], dtypes="int32", **kwargs)
    for shape, kwargs in [((N, 3), {"num_classes": 5}), ((N,), {"num_classes": 4}), ((2, 3, 4), {"num_classes": 4}),
                          ((N, 3), {"num_classes": 4, "axis": 0}), ((N, 3), {"num_classes": 4, "axis": 1}),
                          ((N, 3), {"num_classes": 4, "axis": 3}), ((N, 3), {}), ((N, 3), {"num_tokens": 6})]:
        yield case("multi_hot", X, inputs=[shape], dtypes="int32", **kwargs)
    for function in ("binary_crossentropy", "categorical_crossentropy"):
        for a, b in [((N, 3), (N, 3)), ((2, 3, 4), (2, 3, 4)), ((N, 3), (N, 4)), ((N, 3), (2, 3)), ((), ())]:
            yield case(function, X, Y, inputs=[a, b])
    yield case("categorical_crossentropy", X, Y, inputs=[(N, 3), (N, 3)], from_logits=True, axis=-1)
    for a, b, kwargs in [((N,), (N, 5), {}), ((N, 1), (N, 5), {}), ((N, 4), (N, 4, 5), {}), ((N, 3), (N, 5), {}),
                         ((3,), (5, 3), {"axis": 0}), ((N,), (), {}), ((2, 3), (2, 5), {})]:
        yield case("sparse_categorical_crossentropy", X, Y, inputs=[a, b], dtypes=["int32", "float32"], **kwargs)
    for shapes, axes in [([(N, 3, 4), (4,), (4,)], -1), ([(N, 3, 4), (3,), (3,)], 1), ([(N, 3, 4), (3,), (4,)], -1),
                         ([(N, 3), (N,), (N,)], 0), ([(2, 3), (5,), (5,)], -1)]:
        yield case("batch_normalization", X, Y, Z, axes, inputs=shapes)
    yield case("batch_normalization", X, Y, Z, -1, T(3), T(4), inputs=[(N, 4), (4,), (4,), (4,), (4,)])
    yield case("batch_normalization", X, Y, Z, -1, T(3), inputs=[(N, 4), (4,), (4,), (3,)])
    yield case("batch_normalization", X, Y, Z, -1, scale=T(3), inputs=[(N, 4), (4,), (4,), (4,)])
    yield case("batch_normalization", X, [0.0] * 4, [1.0] * 4, -1, inputs=[(N, 4)])
    for shapes in [[(N, 3), (4,), (4,)], [(N, 3, 4), (4,), None], [(2, 3), None, None], [(N, 3), (5,), (5,)]]:
        given = [T(i) if s is not None else None for i, s in enumerate(shapes)]
        yield case("layer_normalization", *given, inputs=[s for s in shapes if s is not None])
    yield case("layer_normalization", X, inputs=[(N, 3, 4)], axis=(1, 2), rms_scaling=True)
    for shapes, kwargs in [([(N, 3), (3,)], {}), ([(N, 3, 4), (4,)], {"axis": -1}), ([(2, 3)], {}),
                           ([(N, 3), (5,)], {"epsilon": 1e-5}), ([(N, 3, 4), (3, 4)], {"axis": (1, 2)})]:
        yield case("rms_normalization", *[T(i) for i in range(len(shapes))], inputs=shapes, **kwargs)
    for target, output, tl, ol in [((N, 5), (N, 10, 6), (N,), (N,)), ((2, 5), (2, 10, 6), (2,), (2,)),
                                   ((2, 5), (3, 10, 6), (2,), (3,)), ((2, 5), (2, 10, 6), (3,), (2,)),
                                   ((2, 5), (2, 10, 6), (2,), (4,))]:
        yield case("ctc_loss", X, Y, Z, W, inputs=[target, output, tl, ol], dtypes=["int32", "float32", "int32", "int32"])
    for shape, kwargs in [((N, 10, 6), {}), ((2, 10, 6), {"strategy": "beam_search", "top_paths": 3}), ((2, 10, 6), {"strategy": "other"}),
                          ((N, N, 6), {"strategy": "beam_search"}), ((2, 10, 6), {"top_paths": 2})]:
        yield case("ctc_decode", X, Y, inputs=[shape, (shape[0],)], dtypes=["float32", "int32"], **kwargs)
    for a, b in [((N, 8, 8, 3), (N, 8, 8, 3)), ((2, 3), (2, 3)), ((N, 3), (N, 3, 1)), ((), ()), ((2, 3), (4, 5))]:
        yield case("psnr", X, Y, 1.0, inputs=[a, b])
    for shapes, kwargs in [([(N, 10, 4, 8), (N, 12, 4, 8), (N, 12, 4, 8)], {}),
                           ([(2, 10, 4, 8), (2, 12, 2, 8), (2, 12, 2, 8)], {"is_causal": True}),
                           ([(N, 10, 8), (N, 12, 8), (N, 12, 8)], {}),
                           ([(N, 10, 4, 8), (N, 12, 4, 8), (N, 12, 4, 8), (N, 4, 10, 12)], {"bias": W})]:
        yield case("dot_product_attention", X, Y, Z, inputs=shapes, **kwargs)
    yield case("dot_product_attention", X, Y, Z, inputs=[(N, 10, 4, 8)] * 3, mask=Array((10, 10), "bool"),
               scale=0.5)
    for shape, kwargs in [((N, 3, 8, 8), {"kernel_size": 2}), ((2, 3, 8, 8), {"kernel_size": (3, 2), "stride": 2}),
                          ((2, 3, 8, 8), {"kernel_size": 3, "padding": 1, "dilation": 2}), ((2, 8, 8), {"kernel_size": 2}),
                          ((N, N, 8, 8), {"kernel_size": 2}), ((2, 3, N, 8), {"kernel_size": 2})]:
        yield case("unfold", X, inputs=[shape], **kwargs)
    for shape, kwargs in [((N, 12, 16), {"output_size": (8, 8), "kernel_size": 2}),
                          ((2, 18, 9), {"output_size": 6, "kernel_size": (3, 3), "stride": 2}),
                          ((2, 10, 9), {"output_size": 6, "kernel_size": 3}), ((2, 8), {"output_size": 4, "kernel_size": 2}),
                          ((N, N, 9), {"output_size": (4, 5), "kernel_size": 2})]:
        yield case("fold", X, inputs=[shape], **kwargs)
    for function in ("depth_to_space", "space_to_depth"):
        for shape, kwargs in [((N, 4, 4, 8), {"block_size": 2}), ((N, 8, 4, 4), {"block_size": 2, "data_format": "channels_first"}),
                              ((N, 6, 6, 9), {"block_size": 3}), ((N, 3, 5, 7), {"block_size": 2}), ((N, 4, 4), {"block_size": 2}),
                              ((N, 4, 4, 8), {"block_size": 1}), ((N, N, N, N), {"block_size": 2})]:
            yield case(function, X, inputs=[shape], **kwargs)
    for shapes in [[(N, 3), (N, 3)], [(2, 3), (3,)], [(), ()], [(N,), (N, 2)], [(2, N, 4), (2, N, 4)]]:
        yield case("polar", X, Y, inputs=shapes)


# --------------------------------------------------------------------------- image

IMAGE_SHAPES = [(N, 8, 8, 3), (8, 8, 3), (N, N, N, 3), (N, 8, 3), (N, 2, 8, 8, 3)]


def image_cases() -> Iterator[dict]:
    for function in ("rgb_to_grayscale", "rgb_to_hsv", "hsv_to_rgb", "gaussian_blur", "elastic_transform"):
        for shape in IMAGE_SHAPES:
            yield case(f"image.{function}", X, inputs=[shape])
        yield case(f"image.{function}", X, inputs=[(N, 3, 8, 8)], data_format="channels_first")
        yield case(f"image.{function}", X, inputs=[(N, 8, 8, 4)])
    yield case("image.rgb_to_hsv", X, inputs=[(N, 8, 8, 3)], dtypes="int32")
    yield case("image.rgb_to_grayscale", X, inputs=[(N, 8, 8, 1)])
    yield case("image.gaussian_blur", X, (5, 5), (2.0, 2.0), inputs=[(N, 8, 8, 3)])
    for shape, size, kwargs in [((N, 8, 8, 3), (4, 6), {}), ((8, 8, 3), (16, 16), {"interpolation": "nearest"}),
                                ((N, 3, 8, 8), (4, 4), {"data_format": "channels_first"}), ((N, N, N, 3), (4, 4), {}),
                                ((N, 8, 8, 3), (4,), {}), ((N, 8, 8, 3), (0, 4), {}), ((N, 8, 3), (4, 4), {}),
                                ((N, 8, 8, 3), (4, 4), {"crop_to_aspect_ratio": True, "pad_to_aspect_ratio": True}),
                                ((N, 8, 8, 3), [5, 5], {"pad_to_aspect_ratio": True})]:
        yield case("image.resize", X, size, inputs=[shape], **kwargs)
    for shapes in [[(N, 8, 8, 3), (N, 8)], [(8, 8, 3), (8,)], [(N, 8, 3), (8,)], [(N, 8, 8, 3), (2, 2, 8)],
                   [(8, 3), (8,)]]:
        yield case("image.affine_transform", X, Y, inputs=shapes)
    for shape, size, kwargs in [((N, 8, 8, 3), (2, 2), {}), ((8, 8, 3), 3, {}), ((N, 8, 8, 3), (3, 3), {"strides": 1}),
                                ((N, 8, 8, 3), (3, 3), {"padding": "same", "strides": 2}),
                                ((N, 3, 8, 8), 2, {"data_format": "channels_first"}),
                                ((N, 8, 8, 3), (2, 2), {"dilation_rate": 2, "strides": 1}),
                                ((N, 8, 8, 8, 3), (2, 2, 2), {}), ((N, 8, 8, 3), (2, 2, 2, 2), {}),
                                ((N, 8, 8, 3), "2", {}), ((N, 2, 2, 3), (3, 3), {})]:
        yield case("image.extract_patches", X, size, inputs=[shape], **kwargs)
    for shape, size, kwargs in [((N, 8, 8, 8, 3), (2, 2, 2), {}), ((8, 8, 8, 3), 2, {}),
                                ((N, 8, 8, 8, 3), 3, {"strides": 1, "padding": "same"}),
                                ((N, 3, 8, 8, 8), (2, 2, 2), {"data_format": "channels_first"}),
                                ((N, 8, 8, 3), 2, {})]:
        yield case("image.extract_patches_3d", X, size, inputs=[shape], **kwargs)
    for shapes in [[(8, 8), (2, 3, 4)], [(N, 8, 3), (3, 5)], [(8, 8), (3, 5)], [(8,), (1,)], [(8, 8), (2, N, 4)]]:
        yield case("image.map_coordinates", X, Y, 1, inputs=shapes)
    for shape, kwargs in [((N, 8, 8, 3), {"top_padding": 1, "left_padding": 2, "bottom_padding": 3, "right_padding": 4}),
                          ((8, 8, 3), {"top_padding": 1, "left_padding": 1, "target_height": 12, "target_width": 10}),
                          ((N, N, N, 3), {"top_padding": 1, "left_padding": 1, "target_height": 12, "target_width": 10}),
                          ((N, N, N, 3), {"top_padding": 1, "left_padding": 1, "bottom_padding": 2, "right_padding": 2}),
                          ((N, 3, 8, 8), {"top_padding": 1, "bottom_padding": 1, "left_padding": 0, "right_padding": 2,
                                          "data_format": "channels_first"}),
                          ((N, 8, 8, 3), {"top_padding": 1, "left_padding": 1}),
                          ((N, 8, 8, 3), {"top_padding": 1, "left_padding": 1, "target_height": 5, "target_width": 10}),
                          ((N, 8, 8, 3), {"top_padding": -1, "left_padding": 1, "bottom_padding": 1, "right_padding": 1}),
                          ((N, 8, 3), {"top_padding": 1, "left_padding": 1, "bottom_padding": 1, "right_padding": 1})]:
        yield case("image.pad_images", X, inputs=[shape], **kwargs)
    for shape, kwargs in [((N, 8, 8, 3), {"top_cropping": 1, "left_cropping": 2, "bottom_cropping": 3, "right_cropping": 1}),
                          ((8, 8, 3), {"top_cropping": 1, "left_cropping": 1, "target_height": 4, "target_width": 5}),
                          ((N, N, N, 3), {"top_cropping": 1, "left_cropping": 1, "target_height": 4, "target_width": 5}),
                          ((N, N, N, 3), {"top_cropping": 1, "left_cropping": 1, "bottom_cropping": 2, "right_cropping": 2}),
                          ((N, 3, 8, 8), {"top_cropping": 1, "bottom_cropping": 1, "left_cropping": 0, "right_cropping": 2,
                                          "data_format": "channels_first"}),
                          ((N, 8, 8, 3), {"top_cropping": 1, "left_cropping": 1}),
                          ((N, 8, 8, 3), {"top_cropping": 5, "left_cropping": 1, "target_height": 5, "target_width": 5}),
                          ((N, 8, 8, 3), {"top_cropping": -1, "left_cropping": 1, "bottom_cropping": 1, "right_cropping": 1}),
                          ((N, 8, 3), {"top_cropping": 1, "left_cropping": 1, "bottom_cropping": 1, "right_cropping": 1})]:
        yield case("image.crop_images", X, inputs=[shape], **kwargs)
    for shapes in [[(N, 8, 8, 3), (N, 4, 2), (N, 4, 2)], [(8, 8, 3), (4, 2), (4, 2)], [(N, 8, 3), (4, 2), (4, 2)],
                   [(N, 8, 8, 3), (4, 3), (4, 3)], [(N, 8, 8, 3), (4, 2), (2, 4, 2)], [(N, 8, 8, 3), (N, 4, 2), (4, 2)]]:
        yield case("image.perspective_transform", X, Y, Z, inputs=shapes)
    for shape, output, kwargs in [((N, 8, 8, 3), (4, 16, 16, 3), {}), ((8, 8), (4, 4), {}), ((2, 8, 8, 3), [2, 4, 4, 3], {})]:
        yield case("image.scale_and_translate", X, output, Y, Z, (1, 2), "bilinear", inputs=[shape, (2,), (2,)], **kwargs)
    yield case("image.scale_and_translate", X, (4, 4), [2.0, 2.0], [0.0, 0.0], (0, 1), "linear", inputs=[(8, 8)])
    yield case("image.scale_and_translate", X, (4, 4), Y, Z, (0, 1), "cubic", inputs=[(8, 8), (2,), (2,)], antialias=False)
    for shape, kwargs in [((N, 8, 8, 3), {}), ((2, N, N, 1), {}), ((8, 8, 3), {}), ((N, 3, 8, 8), {"data_format": "channels_first"}),
                          ((N, 2, 8, 8, 3), {})]:
        yield case("image.sobel_edges", X, inputs=[shape], **kwargs)
    for a, b in [((N, 8, 8, 3), (N, 8, 8, 3)), ((8, 8, 3), (8, 8, 3)), ((4, 16, 16, 1), (4, 16, 16, 1)),
                 ((N, 8, 3), (N, 8, 8, 3)), ((N, 8, 8, 3), (8, 8, 3))]:
        yield case("image.ssim", X, Y, inputs=[a, b])


# --------------------------------------------------------------------------- signal processing (keras.ops.math)


def signal_cases() -> Iterator[dict]:
    for function in ("fft", "fft2", "ifft2"):
        for shape in [(N, 8), (2, 4, 8), (8,), (N, N), (N, 4, 8), ()]:
            yield case(function, (X, Y), inputs=[shape, shape])
        yield case(function, (X, Y), inputs=[(2, 8), (2, 4)])
        yield case(function, [X, Y], inputs=[(4, 8), (4, 8)])
    yield case("fft", X, inputs=[(4, 8)], unmodelled=NOT_A_LIST)
    for shape, kwargs in [((N, 8), {}), ((2, 7), {}), ((N, N), {}), ((N, 8), {"fft_length": 16}), ((), {}), ((2, 3, 10), {})]:
        yield case("rfft", X, inputs=[shape], **kwargs)
    for shape, kwargs in [((N, 5), {}), ((2, 9), {"fft_length": 16}), ((N, N), {}), ((N, N), {"fft_length": 8}), ((), {})]:
        yield case("irfft", (X, Y), inputs=[shape, shape], **kwargs)
    yield case("irfft", (X, Y), inputs=[(2, 5), (2, 6)])
    for shape, args, kwargs in [((N, 100), (16, 8, 32), {}), ((2, 100), (16, 8, 32), {"center": False}),
                                ((N, N), (16, 8, 32), {}), ((100,), (10, 5, 16), {"window": None}),
                                ((2, 100), (16, 0, 32), {}), ((2, 3, 64), (16, 16, 16), {"center": False})]:
        yield case("stft", X, *args, inputs=[shape], **kwargs)
    for shape, args, kwargs in [((N, 10, 17), (16, 8, 32), {}), ((2, 10, 17), (16, 8, 32), {"center": False}),
                                ((N, N, 17), (16, 8, 32), {}), ((N, N, 17), (16, 8, 32), {"length": 50}),
                                ((2, 10, 17), (16, 8, 32), {"length": 70}), ((17,), (16, 8, 32), {}),
                                ((2, 10, 17), (16, -1, 32), {})]:
        yield case("istft", (X, Y), *args, inputs=[shape, shape], **kwargs)
    for shape, length, stride in [((N, 100), 10, 5), ((2, 3, 64), 16, 16), ((N, N), 8, 4), ((20,), 5, 1), ((), 2, 1),
                                  ((N, 10), 20, 1)]:
        yield case("extract_sequences", X, length, stride, inputs=[shape])
    for function in ("segment_sum", "segment_max", "segment_min", "segment_prod"):
        for data, ids, kwargs in [((10, 4), (10,), {"num_segments": 3}), ((N, 4, 5), (N,), {"num_segments": 2}),
                                  ((10, 4), (10,), {}), ((10, 4), (8,), {"num_segments": 3}),
                                  ((10, 4), (10, 1), {"num_segments": 3}), ((N,), (7,), {"num_segments": 4, "sorted": True})]:
            yield case(function, X, Y, inputs=[data, ids], dtypes=["float32", "int32"], **kwargs)
    for shape, k in [((N, 10), 3), ((2, 3, 8), 1), ((5,), 5), ((N, N), 2), ((), 1)]:
        yield case("top_k", X, k, inputs=[shape])
    yield case("top_k", X, 2, False, inputs=[(N, 4)])
    for targets, predictions in [((N,), (N, 10)), ((4,), (4, 10)), ((N,), (5, 10)), ((), (3,)), ((2, 3), (N,))]:
        yield case("in_top_k", X, Y, 3, inputs=[targets, predictions], dtypes=["int32", "float32"])
    for a, b in [((N, 5, 3), (N, 7, 3)), ((4, 3), (6, 3)), ((2, 1, 5, 3), (4, 6, 3)), ((5, 3), (6, 4)), ((3,), (4, 3)),
                 ((2, 5, 3), (3, 6, 3)), ((N, 5, N), (2, 7, 3))]:
        yield case("cdist", X, Y, inputs=[a, b])
    for shape in [(N, 2), (2, 3, 2), (2,), (N, 3), ()]:
        yield case("view_as_complex", X, inputs=[shape])
        yield case("view_as_real", X, inputs=[shape])


# --------------------------------------------------------------------------- creation


def creation_cases() -> Iterator[dict]:
    for function in ("linspace", "logspace", "geomspace"):
        for shapes, kwargs in [([(), ()], {}), ([(N, 3), (3,)], {"num": 5}), ([(2,), ()], {"num": 4, "axis": 1}),
                               ([(2,), ()], {"num": 4, "axis": -1}), ([(2,), (3,)], {}), ([(N, 3), ()], {"axis": 3})]:
            yield case(function, X, Y, inputs=shapes, **kwargs)
        yield case(function, 0.0, X, inputs=[(2, N)], num=7)
        yield case(function, X, 1.0, inputs=[(5,)], num=3, dtype="float64")
    yield case("linspace", X, Y, inputs=[(), (3,)], num=5, retstep=True)
    yield case("linspace", 0.0, 1.0, num=5, inputs=[])
    for args, shapes in [((X,), [()]), ((0, X), [()]), ((X, 10, 2), [()]), ((X, Y), [(), ()])]:
        yield case("arange", *args, inputs=shapes, dtypes="int32")
    yield case("arange", 5, inputs=[])
    yield case("arange", 1, 10, 3, inputs=[], dtype="float32")
    for args, kwargs in [((0.0, 3), {}), ((2, 12, 2.5), {}), ((), {"start": 0, "stop": 10, "step": 3}), ((1, 0), {}),
                         ((0, 64, 1), {})]:
        yield case("arange", *args, inputs=[], **kwargs)
    for shape, fill in [((2, 3), X), ((4,), X), ((2, 3), Y)]:
        yield case("full", shape, fill, inputs=[(), (3,)])
    yield case("full", (2, N), X, inputs=[()])
    yield case("full", [3, 3], X, inputs=[()], dtype="int32")
    yield case("full", (2, 3), 1.0, inputs=[])
    for function, args in [("zeros", ((2, 3),)), ("ones", ((2, 3),)), ("empty", ((2, 3),)), ("eye", (3,)),
                           ("identity", (3,)), ("tri", (3,)), ("bartlett", (5,)), ("blackman", (5,)),
                           ("hamming", (5,)), ("hanning", (5,)), ("kaiser", (5, 0.5))]:
        yield case(function, *args, inputs=[])
        yield case(function, *args, inputs=[(N, 3)])  # beside a symbolic tensor it does not use
    for function in ("bartlett", "blackman", "hamming", "hanning"):
        yield case(function, X, inputs=[()], dtypes="int32")
    yield case("kaiser", X, 0.5, inputs=[()], dtypes="int32")
    for function in ("zeros", "ones", "empty"):
        yield case(function, X, inputs=[(2,)], dtypes="int32")
    for function in ("eye", "identity", "tri"):
        yield case(function, X, inputs=[()], dtypes="int32")
    yield case("eye", 3, X, inputs=[()], dtypes="int32")
    yield case("eye", 3.0, inputs=[])
    for function, args, kwargs in [("eye", (3, 4), {}), ("tri", (3, 5), {}), ("full", ((2,), 1), {}),
                                   ("zeros", (4,), {"dtype": "int32"}), ("ones", (4,), {}), ("identity", (2,), {"dtype": "int32"})]:
        yield case(function, *args, inputs=[], **kwargs)


# --------------------------------------------------------------------------- core


def core_cases() -> Iterator[dict]:
    for shape in [(N, 3), (), (2, N, 4)]:
        yield case("shape", X, inputs=[shape])
        yield case("dtype", X, inputs=[shape])
        yield case("is_tensor", X, inputs=[shape])
        yield case("convert_to_numpy", X, inputs=[shape])
    yield case("convert_to_numpy", [1.0, 2.0], inputs=[])
    for shape, kwargs in [((N, 3), {}), ((N, 3, 4), {"axis": 1}), ((2, 3), {"num": 2}), ((N, 3), {"axis": -1}),
                          ((N, 3), {"axis": 2}), ((5,), {"axis": 0}), ((2, 3), {"num": 3, "axis": 1})]:
        yield case("unstack", X, inputs=[shape], **kwargs)
    for shapes, shape in [([(N, 3), (2, 3)], (4, 3)), ([(5, 2), (5,)], (8,)), ([(3,), (3,)], (2, N)),
                          ([(N, 1), (N, 4)], [7, 4]), ([(2, 2), (2,)], (3, 3, 3))]:
        yield case("scatter", X, Y, shape, inputs=shapes, dtypes=["int32", "float32"])
    for shapes, kwargs in [([(N, 3), (2, 2), (2,)], {}), ([(4, 5), (3, 2), (3,)], {"reduction": "add"}),
                           ([(N, 3), (2, 2), (2,)], {"reduction": "max"}), ([(4, 5), (3, 2), (3,)], {"reduction": "div"}),
                           ([(N, N, 3), (2, 3), (2,)], {"reduction": "MIN"})]:
        yield case("scatter_update", X, Y, Z, inputs=shapes, dtypes=["float32", "int32", "float32"], **kwargs)
    for shape, start, size in [((N, 8), (0, 2), (2, 4)), ((5, 8), (1, 1), (-1, 3)), ((N, 8), (0, 0), (-1, -1)),
                               ((5, 8), (1, 2), (2, 2, 2)), ((5, 8), (1, 2, 3), (2, 2)), ((5, 8), Y, (-1, 2)),
                               ((N, 8), Y, (2, 2))]:
        inputs = [shape, (2,)] if start == Y else [shape]
        dtypes = ["float32", "int32"] if start == Y else ["float32"]
        yield case("slice", X, start, size, inputs=inputs, dtypes=dtypes)
    yield case("slice", X, Array((2,), "int32"), (-1, 2), inputs=[(5, 8)], unmodelled=ARRAY_VALUES)
    for shapes in [[(N, 8), (2, 3)], [(5, 8), (5, 8)], [(5,), (2,)], [(N, N), (1, 1)], [(2, 8), (N, 2)]]:
        yield case("slice_update", X, (0, 1) if len(shapes[0]) == 2 else (1,), Y, inputs=shapes)
    for shape in [(N, 3), (2, N, 4), ()]:
        yield case("stop_gradient", X, inputs=[shape])
    for shapes in [[(N, 3)], [(N, 3), (4,)], [()], [(2, N), (), (3, 4, 5)]]:
        loop_vars = tuple(T(i) for i in range(len(shapes)))
        yield case("while_loop", Function("cond_false"), Function("identity_tuple"), loop_vars, inputs=shapes)
    yield case("while_loop", Function("cond_false"), Function("identity"), X, inputs=[(N, 3)], maximum_iterations=3)
    for shape in [(N, 3), (), (2, 5), (N, N, 4)]:
        yield case("fori_loop", 0, 3, Function("body_identity"), X, inputs=[shape])
    yield case("fori_loop", X, 3, Function("body_identity"), 1.0, inputs=[()], dtypes="int32", unmodelled=NO_TENSOR)
    for shape in [(N, 3), (5, 3), (4,), (2, N), (3, 2, 2)]:
        yield case("map", Function("identity"), X, inputs=[shape])
        yield case("vectorized_map", Function("identity"), X, inputs=[shape])
        yield case("associative_scan", Function("add"), X, inputs=[shape])
        yield case("scan", Function("scan_add"), 0.0, X, inputs=[shape])
        yield case("switch", 0, [Function("identity")], X, inputs=[shape], dtypes="float32")
    yield case("scan", Function("scan_add"), X, inputs=[()], length=4)
    yield case("cond", X, Function("ones", (2,)), Function("zeros", (2,)), inputs=[()], dtypes="bool")
    yield case("cond", X, Function("constant", 1.0), Function("constant", 2.0), inputs=[()], dtypes="bool")
    yield case("cond", X, Function("ones", (2,)), Function("zeros", (3,)), inputs=[()], dtypes="bool")
    yield case("cond", True, Function("ones", (2,)), Function("zeros", (2,)), inputs=[])
    yield case("cond", X, Function("ones", (2, 3)), Function("ones", (2, 3)), inputs=[()], dtypes="bool")
    yield case("jvp", Function("identity"), (X,), (Y,), inputs=[(N, 3), (N, 3)])
    yield case("jvp", Function("identity_aux"), (X,), (Y,), inputs=[(2, 3), (2, 3)], has_aux=True)
    yield case("jvp", Function("identity"), (X,), (Y,), inputs=[(), ()])
    yield case("jvp", Function("identity"), [X], [Y], inputs=[(2, N, 4), (2, N, 4)])
    yield case("jvp", Function("add"), (X, Y), (Z, W), inputs=[(N, 3), (N, 3), (N, 3), (N, 3)])
    yield case("custom_gradient", Function("identity"), inputs=[])
    yield case("vectorize", Function("identity"), inputs=[])


def random_cases() -> Iterator[dict]:
    """``keras.random`` on symbolic tensors (its functions create no operation)."""
    yield case("random.dropout", X, 0.5, inputs=[(N, 3)])
    yield case("random.shuffle", X, inputs=[(N, 3)])
    yield case("random.categorical", X, 2, inputs=[(N, 3)])
    for function in ("normal", "uniform", "truncated_normal"):
        yield case(f"random.{function}", (2, 3), inputs=[])
        yield case(f"random.{function}", X, inputs=[(2,)], dtypes="int32")
    yield case("random.randint", (2, 3), 0, 5, inputs=[])
    yield case("random.randint", X, 0, 5, inputs=[(2,)], dtypes="int32")
    yield case("random.gamma", (2, 3), X, inputs=[()])
    yield case("random.binomial", (2, 3), X, 0.5, inputs=[()])
    yield case("random.beta", (2, 3), X, 1.0, inputs=[()])


FAMILIES: dict[str, Callable[[], Iterator[dict]]] = {
    "elementwise": elementwise_cases,
    "reductions": reduction_cases,
    "shapes": shape_cases,
    "linalg": linalg_cases,
    "nn": nn_cases,
    "image": image_cases,
    "signal": signal_cases,
    "creation": creation_cases,
    "core": core_cases,
    "random": random_cases,
}

# Functions that create no operation on symbolic tensors, and what they do instead (each is
# recorded doing so: op_cases.py checks that none of their cases created an operation).
_ARRAY = "makes a backend array from Python numbers; on a symbolic tensor, raises"
NO_OPERATION_REASONS: dict[str, str] = {
    "shape": "returns the tensor's shape, a tuple of ints and None",
    "dtype": "returns the name of the tensor's dtype",
    "is_tensor": "returns a bool",
    "convert_to_numpy": "raises: a symbolic tensor has no value",
    "custom_gradient": "returns a function (a decorator)",
    "vectorize": "returns a function",
    "arange": _ARRAY + " (its value is needed)",
    "zeros": _ARRAY,
    "ones": _ARRAY,
    "empty": _ARRAY,
    "eye": _ARRAY,
    "identity": _ARRAY,
    "tri": _ARRAY,
    "bartlett": _ARRAY,
    "blackman": _ARRAY,
    "hamming": _ARRAY,
    "hanning": _ARRAY,
    "kaiser": _ARRAY,
}

# Parameters given a list (or tuple) of tensors, each of which is an operand of the operation
# (a ``*args`` parameter always is).
SEQUENCE_OPERANDS: dict[str, tuple[str, ...]] = {
    "concatenate": ("xs",),
    "stack": ("x",),
    "hstack": ("xs",),
    "vstack": ("xs",),
    "dstack": ("xs",),
    "select": ("condlist", "choicelist"),
    "fft": ("x",),
    "fft2": ("x",),
    "ifft2": ("x",),
    "irfft": ("x",),
    "istft": ("x",),
}

# Parameters given a structure of tensors (one tensor, or a list or tuple of them).
TREE_OPERANDS: dict[str, tuple[str, ...]] = {
    "while_loop": ("loop_vars",),
    "jvp": ("primals", "tangents"),
    "map": ("xs",),
    "scan": ("init", "xs"),
    "associative_scan": ("elems",),
    "vectorized_map": ("elements",),
}
