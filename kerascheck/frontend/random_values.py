"""Python's ``random`` module, as scripts make toy data with it: each number it draws is a
:class:`~kerascheck.frontend.values.PythonNumber` (a Python ``int`` or ``float`` whose value is
unknown), each list it draws has its known length (``random.sample(range(1, 100), 50)``: 50 ints),
so that ``np.array`` of them has a known shape, while no value is ever guessed.

:func:`random_call` gives the value, or NOT_MODELLED for the functions not followed (the caller
then treats the call as any call into an inert library: data).
"""

from __future__ import annotations

from typing import Any

from kerascheck.frontend.numpy_data import NOT_MODELLED
from kerascheck.frontend.values import PythonNumber, contents_unknown, number_type

# Functions that return one float, or one int, whatever their arguments.
_FLOATS = frozenset({"random", "uniform", "gauss", "normalvariate", "lognormvariate", "triangular", "betavariate",
                     "expovariate", "gammavariate", "vonmisesvariate", "paretovariate", "weibullvariate"})
_INTS = frozenset({"randint", "randrange", "getrandbits", "binomialvariate"})
# The largest list drawn that is followed item by item.
MAX_DRAWN = 100_000


def _population_type(population: Any) -> tuple[int, str] | None:
    """The length of a population and the one Python number type of its items; None when either
    is not known (a list of strings, of arrays, of unknown items)."""
    if isinstance(population, range):
        return len(population), "int"
    if isinstance(population, (list, tuple)) and not contents_unknown(population) and population:
        types = {number_type(item) for item in population}
        if len(types) == 1 and None not in types:
            return len(population), types.pop()  # type: ignore[return-value]
    return None


def random_call(name: str, args: list[Any], kwargs: dict[str, Any]) -> Any:
    """``random.<name>(*args, **kwargs)``: a drawn number or list; NOT_MODELLED otherwise."""
    if name in _FLOATS:
        return PythonNumber("float")
    if name in _INTS:
        return PythonNumber("int")
    if name == "choice" and len(args) == 1 and not kwargs:
        population = _population_type(args[0])
        return PythonNumber(population[1]) if population is not None else NOT_MODELLED
    if name == "sample" and len(args) in (1, 2):
        population = _population_type(args[0])
        k = args[1] if len(args) == 2 else kwargs.get("k")
        if population is None or type(k) is not int or set(kwargs) - {"k", "counts"} or "counts" in kwargs:
            return NOT_MODELLED
        if not 0 <= k <= population[0]:
            return NOT_MODELLED  # Python raises: a sample larger than the population
        return [PythonNumber(population[1]) for _ in range(k)]
    if name == "choices" and 1 <= len(args) <= 2:
        population = _population_type(args[0])
        k = kwargs.get("k", 1)  # (keyword-only)
        if population is None or type(k) is not int or not 0 <= k <= MAX_DRAWN:
            return NOT_MODELLED
        return [PythonNumber(population[1]) for _ in range(k)]
    return NOT_MODELLED


# Python's arithmetic on numbers, by the operator's libcst name: the type of the result (``/``
# gives a float; ``**`` of ints depends on the exponent's sign, not followed).
_ARITHMETIC = frozenset({"Add", "Subtract", "Multiply", "Divide", "FloorDivide", "Modulo"})


def python_arithmetic(operator: str, left: Any, right: Any) -> PythonNumber | None:
    """``left <operator> right`` on Python numbers one of which was drawn: a drawn number of the
    type Python gives; None when that is not known here."""
    types = {number_type(left), number_type(right)}
    if None in types or operator not in _ARITHMETIC:
        return None
    if operator == "Divide" or "float" in types:
        return PythonNumber("float")
    return PythonNumber("int")  # (int and bool: an int)


def converted(builtin: str, number: Any) -> PythonNumber | None:
    """``int(x)``, ``float(x)``, ``round(x)``, ``abs(x)`` of a number whose value is not known (a
    drawn one, a NumPy scalar): a Python number of the type the builtin gives; None for other
    builtins."""
    if builtin in ("int", "round"):
        return PythonNumber("int")
    if builtin == "float":
        return PythonNumber("float")
    if builtin == "abs" and isinstance(number, PythonNumber):
        return PythonNumber("int" if number.type_name == "bool" else number.type_name)
    return None
