"""Functions and constants of Python numbers that model files compute sizes with
(``int(math.sqrt(num_patches))``, ``math.ceil(length / stride)``, ``np.prod(shape)``, ``math.pi``),
evaluated as Python and NumPy evaluate them on known numbers.

:func:`numeric_call` gives the value, or :data:`NOT_EVALUATED` when the function is not one of
these or an argument is not a known number (the caller then treats the call as any other call
into its library: data).  A call Python would raise on (``math.sqrt(-1)``) is not evaluated either.
"""

from __future__ import annotations

import math
from typing import Any, Callable

from kerascheck.frontend.values import contents_unknown

NOT_EVALUATED = object()

# The largest integer result kept, in bits (``math.lcm`` of large numbers, ``np.prod`` of many).
MAX_INTEGER_BITS = 4096


def _numbers(*values: Any) -> bool:
    return all(type(v) in (int, float) for v in values)


def _float(function: Callable[..., Any]) -> Callable[..., Any]:
    """NumPy's version of a rounding function: a float (``np.ceil(3.2)`` is ``4.0``)."""
    return lambda *args: float(function(*args))


_MATH = {
    name: getattr(math, name)
    for name in (
        "sqrt", "isqrt", "ceil", "floor", "trunc", "exp", "log", "log2", "log10", "log1p", "pow", "fabs",
        "gcd", "lcm", "hypot", "sin", "cos", "tan", "asin", "acos", "atan", "atan2", "radians", "degrees",
        "copysign", "fmod", "expm1", "cbrt", "exp2",
    )
    if hasattr(math, name)
}

# NumPy's functions of one or two Python scalars (on arrays they are numpy_data's): their value
# is the float (or, for ``abs`` of an int, the int) Python computes.
_NUMPY = {
    "sqrt": math.sqrt, "exp": math.exp, "log": math.log, "log2": math.log2, "log10": math.log10,
    "ceil": _float(math.ceil), "floor": _float(math.floor), "trunc": _float(math.trunc),
    "abs": abs, "absolute": abs, "power": pow, "maximum": max, "minimum": min,
}

FUNCTIONS: dict[str, Callable[..., Any]] = {
    **{f"math.{name}": function for name, function in _MATH.items()},
    **{f"numpy.{name}": function for name, function in _NUMPY.items()},
}

CONSTANTS = {
    "math.pi": math.pi, "math.e": math.e, "math.tau": math.tau, "math.inf": math.inf,
    "numpy.pi": math.pi, "numpy.e": math.e, "numpy.inf": math.inf,
}


def _product(values: Any) -> Any:
    """``math.prod`` / ``np.prod`` of a known sequence of numbers."""
    if not isinstance(values, (tuple, list)) or contents_unknown(values) or not _numbers(*values):
        return NOT_EVALUATED
    product: Any = 1
    for value in values:
        product *= value
        if type(product) is int and product.bit_length() > MAX_INTEGER_BITS:
            return NOT_EVALUATED
    return product


def numeric_call(name: str, args: list[Any], kwargs: dict[str, Any]) -> Any:
    """The value of ``name(*args)`` on known numbers, else NOT_EVALUATED."""
    if kwargs:
        return NOT_EVALUATED
    if name in ("math.prod", "numpy.prod", "numpy.product"):
        return _product(args[0]) if len(args) == 1 else NOT_EVALUATED
    if name in ("numpy.int64", "numpy.int32", "numpy.int_"):
        # A NumPy integer of a Python int: the interpreter keeps its value (KC315 reports, from the
        # syntax, where Keras 3 wants a Python int).
        return args[0] if len(args) == 1 and type(args[0]) is int else NOT_EVALUATED
    function = FUNCTIONS.get(name)
    if function is None or not args or not _numbers(*args):
        return NOT_EVALUATED
    try:
        value = function(*args)
    except (ValueError, OverflowError, TypeError, ZeroDivisionError):
        return NOT_EVALUATED
    if type(value) is int and value.bit_length() > MAX_INTEGER_BITS:
        return NOT_EVALUATED
    return value
