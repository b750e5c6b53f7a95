"""Data shapes, never data: NumPy arrays, Keras's datasets and utilities, ``tf.data`` pipelines.

What a model file does to its data before ``fit`` — ``mnist.load_data()``, ``reshape(-1, 784)``,
``x[..., None]``, ``/ 255.0``, ``to_categorical``, ``Dataset.from_tensor_slices((x, y)).batch(32)``
— is followed here on :class:`~kerascheck.frontend.values.ArrayValue` (an array's shape, dtype
and the call that made that shape) and :class:`~kerascheck.frontend.values.DatasetValue` (what
one element of a dataset holds). Every function returns :data:`NOT_MODELLED` for a call it does
not model, and the interpreter then treats it as any call into a data library (its result is
inert data, of unknown shape); a shape this module cannot decide is never guessed: a dimension
is UNKNOWN, a rank that is not known makes the whole result unknown data.

NumPy's own semantics are mirrored (dtypes as NumPy 2 promotes them with Python scalars; a
broadcast, reshape or concatenation that NumPy would reject stops the program there, so its
result is never used: it is unknown data here).
"""

from __future__ import annotations

import math
from typing import Any, Callable

from kerascheck.engine.data import DataOrigin
from kerascheck.engine.data_checks import DataProblem
from kerascheck.engine.dims import UNKNOWN
from kerascheck.frontend.keras_names import ModuleRef
from kerascheck.frontend.values import (
    DimOf,
    FileData,
    permuted,
    IdSequence,
    INERT,
    ArrayValue,
    BoundedRankArray,
    Builtin,
    DataMethod,
    DatasetValue,
    GeneratedItems,
    InertObject,
    ItemsArray,
    PyDatasetValue,
    PythonNumber,
    RandomGenerator,
    TableValue,
    TensorSpecValue,
    contents_unknown,
    items_array,
    items_like,
)
from kerascheck.knowledge.dataset_labels import KEEP_EVERY_SAMPLE, LARGEST_LABEL
from kerascheck.knowledge.datasets import DATASETS


class _NotModelled:
    def __repr__(self) -> str:
        return "<not modelled>"


NOT_MODELLED = _NotModelled()

MAX_ARRAY_LITERAL = 10_000  # elements of an np.array([...]) literal that are looked at

# --------------------------------------------------------------------------- dimensions and dtypes


def _is_int(value: Any) -> bool:
    return type(value) is int


def _known(dim: Any) -> bool:
    return type(dim) is int


def _size(shape: tuple) -> Any:
    if all(_known(d) for d in shape):
        return math.prod(shape)
    return UNKNOWN


_DTYPE_NAMES = frozenset(
    {"bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64", "float16", "float32",
     "float64", "bfloat16", "complex64", "complex128", "str", "object"}
)
_PYTHON_DTYPES = {"float": "float64", "int": "int64", "bool": "bool", "complex": "complex128", "str": "str",
                  "object": "object"}


def dtype_name(value: Any) -> Any:
    """A dtype argument (``"float32"``, ``np.float32``, ``tf.float32``, ``float``) as NumPy names it."""
    if isinstance(value, str):
        name = _PYTHON_DTYPES.get(value, value)
        return name if name in _DTYPE_NAMES else UNKNOWN
    if isinstance(value, ModuleRef):
        root, _, last = value.name.rpartition(".")
        if root in ("numpy", "tensorflow", "jax.numpy", "keras.backend") or root.endswith(".dtypes"):
            return _PYTHON_DTYPES.get(last, last) if _PYTHON_DTYPES.get(last, last) in _DTYPE_NAMES else UNKNOWN
    if isinstance(value, Builtin):
        return _PYTHON_DTYPES.get(value.name, UNKNOWN)
    return UNKNOWN


def _kind(dtype: Any) -> str | None:
    if not isinstance(dtype, str):
        return None
    if dtype == "bool":
        return "b"
    if dtype.startswith("uint"):
        return "u"
    if dtype.startswith("int"):
        return "i"
    if dtype.startswith(("float", "bfloat")):
        return "f"
    return None


def _scalar_dtype(value: Any) -> Any:
    """The dtype NumPy gives an array of Python scalars."""
    if type(value) is bool:
        return "bool"
    if type(value) is int:
        return "int64"
    if type(value) is float:
        return "float64"
    return UNKNOWN


def _promote(left: Any, right: Any, true_divide: bool) -> Any:
    """The dtype of ``left <op> right`` (an array's dtype, or a Python scalar), as NumPy 2 gives it:
    a Python scalar is "weak" (an int keeps the array's dtype, a float keeps a float array's)."""
    def weak(array: Any, scalar: Any) -> Any:
        kind = _kind(array)
        if kind is None:
            return UNKNOWN
        if type(scalar) is float and kind != "f" or true_divide and kind != "f":
            return "float64"
        if type(scalar) is bool or type(scalar) is int:
            return "int64" if kind == "b" and type(scalar) is int else array
        return array

    if not isinstance(left, str):
        return weak(right, left) if isinstance(right, str) else UNKNOWN
    if not isinstance(right, str):
        return weak(left, right)
    if left == right:
        return "float64" if true_divide and _kind(left) != "f" else left
    kinds = {_kind(left), _kind(right)}
    if kinds == {"f"}:
        return left if _bits(left) > _bits(right) else right
    if kinds in ({"f", "i"}, {"f", "u"}):
        floating, integer = (left, right) if _kind(left) == "f" else (right, left)
        if floating == "float64" or floating == "float32" and _bits(integer) >= 32:
            return "float64"
        if floating == "float32":
            return "float32"
    if kinds == {"i"}:
        return left if _bits(left) > _bits(right) else right
    if kinds == {"i", "u"}:
        signed, unsigned = (left, right) if _kind(left) == "i" else (right, left)
        if _bits(signed) > _bits(unsigned):
            return signed
    return UNKNOWN


def _bits(dtype: str) -> int:
    digits = "".join(ch for ch in dtype if ch.isdigit())
    return int(digits) if digits else 0


def broadcast(left: tuple, right: tuple) -> tuple | None:
    """NumPy's broadcast of two shapes; None where NumPy raises. An unknown dimension against a
    known one greater than 1 is that one (anything else would have raised)."""
    rank = max(len(left), len(right))
    left = (1,) * (rank - len(left)) + tuple(left)
    right = (1,) * (rank - len(right)) + tuple(right)
    out = []
    for a, b in zip(left, right):
        if _known(a) and _known(b):
            if a == b or b == 1:
                out.append(a)
            elif a == 1:
                out.append(b)
            else:
                return None
        elif _known(a) and a != 1:
            out.append(a)
        elif _known(b) and b != 1:
            out.append(b)
        elif _known(a):  # 1 against an unknown one
            out.append(b)
        elif _known(b):
            out.append(a)
        else:
            out.append(a if a is None and b is None else UNKNOWN)
    return tuple(out)


def _axis(axis: Any, rank: int) -> int | None:
    if not _is_int(axis) or not -rank <= axis < rank:
        return None
    return axis % rank


# --------------------------------------------------------------------------- arrays


def made_by(what: str, node: Any) -> DataOrigin:
    """Where an array of this module was made: the call ``what`` at ``node``."""
    return DataOrigin(what, 0, 0, node)


def _keeping_values(result: Any, source: ArrayValue) -> Any:
    """``result``, an array of ``source``'s values (reshaped, converted to a type that holds them:
    every largest value known is a label of at most 99), with its largest value."""
    if isinstance(result, ArrayValue) and source.largest is not UNKNOWN and result.dtype is not UNKNOWN and \
            result.dtype != "bool":
        result.largest = source.largest
    return result


def _array(shape: Any, dtype: Any, origin: DataOrigin | None) -> Any:
    """An ArrayValue when the rank is known, else inert data."""
    if not isinstance(shape, tuple):
        return INERT
    return ArrayValue(tuple(UNKNOWN if isinstance(d, InertObject) else d for d in shape), dtype, origin)


def shape_argument(value: Any) -> tuple | None:
    """``zeros(shape)``'s shape: an int or a sequence of them (unknown items UNKNOWN); None if not one."""
    if _is_int(value):
        return (value,) if value >= 0 else None
    if isinstance(value, (tuple, list)):
        dims = []
        for d in value:
            if _is_int(d):
                if d < 0:
                    return None
                dims.append(d)
            elif d is UNKNOWN or isinstance(d, InertObject):
                dims.append(UNKNOWN)
            else:
                return None
        return tuple(dims)
    return None


def _object_shape(value: Any) -> tuple | None:
    """``np.array(value, dtype=object)`` of nested lists that are ragged: as deep as every list at
    a level has one length (``[[1, 2], [3]]``: ``(2,)``, each item a list); None where that is not
    known (an item not known, an array among them)."""
    if not isinstance(value, (list, tuple)) or contents_unknown(value) or len(value) > MAX_ARRAY_LITERAL:
        return None
    if value and all(isinstance(v, ArrayValue) and v.shape and all(_is_int(d) for d in v.shape) for v in value):
        # Arrays: of one shape, stacked; of different first sizes, one object each (else NumPy raises).
        shapes = {v.shape for v in value}
        if len(shapes) == 1:
            return (len(value), *shapes.pop())
        return (len(value),) if len({shape[0] for shape in shapes}) > 1 else None
    level: list[Any] = [value]
    shape: list[int] = []
    while level and all(isinstance(v, (list, tuple)) for v in level):
        if any(contents_unknown(v) or any(isinstance(i, ArrayValue) and i.shape or i is UNKNOWN for i in v)
               for v in level):
            return None  # (a number not known, a 0-d array, is a scalar as any number)
        lengths = {len(v) for v in level}
        if len(lengths) != 1:
            break
        shape.append(lengths.pop())
        level = [item for v in level for item in v]
    return tuple(shape) if shape else None


def _nested_copy(value: Any, levels: int) -> Any:
    """The first ``levels`` levels of nested sequences, copied as lists (as NumPy copies them
    into an array of objects; the objects below are the same)."""
    return [_nested_copy(item, levels - 1) for item in value] if levels else value


def _indexed_objects(objects: list, parts: list[Any]) -> Any:
    """``objects`` (nested lists) indexed by ints and slices, one per level, as NumPy's basic
    indexing picks from an array of objects; None where a part is not one of those."""
    if not parts:
        return objects
    part, rest = parts[0], parts[1:]
    if _is_int(part):
        return _indexed_objects(objects[part], rest)
    if isinstance(part, slice) and all(b is None or _is_int(b) for b in (part.start, part.stop, part.step)) and \
            part.step != 0:
        picked = [_indexed_objects(item, rest) for item in objects[part]]
        return None if any(p is None for p in picked) else picked
    return None


def _literal_shape(value: Any, depth: int = 0) -> tuple[tuple, Any] | None:
    """The shape and dtype of ``np.array(value)`` for nested lists of numbers (or arrays)."""
    if isinstance(value, ArrayValue):
        return value.shape, value.dtype
    if isinstance(value, (bool, int, float)):
        return (), _scalar_dtype(value)
    if isinstance(value, str):
        return (), f"<U{max(1, len(value))}"  # NumPy's unicode strings, as wide as the longest (at least 1)
    if not isinstance(value, (list, tuple)) or depth > 32 or len(value) > MAX_ARRAY_LITERAL:
        return None
    if not value:
        return (0,), "float64"
    items = [_literal_shape(item, depth + 1) for item in value]
    if any(item is None for item in items):
        return None
    shapes = {item[0] for item in items}  # type: ignore[index]
    if len(shapes) != 1:
        return None  # ragged: NumPy raises
    dtypes = {item[1] for item in items}  # type: ignore[index]
    strings = [d for d in dtypes if isinstance(d, str) and d.startswith("<U")]
    if strings:
        if len(strings) != len(dtypes):
            return None  # strings mixed with numbers: not followed
        dtype = f"<U{max(int(d[2:]) for d in strings)}"
    elif len(dtypes) == 1:
        dtype = dtypes.pop()
    elif dtypes <= {"int64", "float64", "bool"}:
        dtype = "float64" if "float64" in dtypes else "int64"
    else:
        dtype = UNKNOWN
    return (len(value), *shapes.pop()), dtype


def reshape(array: ArrayValue, newshape: Any, what: str, node: Any) -> Any:
    if _is_int(newshape):
        newshape = (newshape,)
    if not isinstance(newshape, (tuple, list)) or not all(_is_int(d) or d is UNKNOWN or isinstance(d, InertObject)
                                                         for d in newshape):
        return INERT
    dims = [UNKNOWN if isinstance(d, InertObject) else d for d in newshape]
    inferred = [i for i, d in enumerate(dims) if _is_int(d) and d == -1]
    if len(inferred) > 1 or any(_is_int(d) and d < -1 for d in dims):
        return INERT  # NumPy raises
    total = _size(array.shape)
    if inferred:
        index = inferred[0]
        rest = [d for i, d in enumerate(dims) if i != index]
        if total is not UNKNOWN and all(_known(d) for d in rest):
            known = math.prod(rest)
            if known == 0 or total % known:
                return INERT  # NumPy raises (or a size NumPy cannot infer)
            dims[index] = total // known
        else:
            dims[index] = UNKNOWN
    elif total is not UNKNOWN and all(_known(d) for d in dims) and math.prod(dims) != total:
        return INERT  # NumPy raises: cannot reshape
    return _keeping_values(_array(tuple(dims), array.dtype, made_by(what, node)), array)


def reshape_data(args: list[Any], node: Any) -> Any:
    """``data.reshape(shape)`` of data whose shape is not known (read from a file): an array of the
    shape given (a ``-1`` dimension unknown), since the program goes on only if it reshaped; its
    dtype is unknown."""
    newshape = args[0] if len(args) == 1 else tuple(args)
    return reshape(ArrayValue((UNKNOWN,), UNKNOWN), newshape, "reshape", node)


def expand_dims(array: ArrayValue, axis: Any, node: Any) -> Any:
    axes = axis if isinstance(axis, (tuple, list)) else (axis,)
    rank = len(array.shape) + len(axes)
    normal = [_axis(a, rank) for a in axes]
    if any(a is None for a in normal) or len(set(normal)) != len(normal):
        return INERT
    dims = iter(array.shape)
    shape = tuple(1 if i in normal else next(dims) for i in range(rank))
    return _array(shape, array.dtype, made_by("expand_dims", node))


def squeeze(array: ArrayValue, axis: Any, node: Any) -> Any:
    shape = array.shape
    if axis is None:
        if not all(_known(d) for d in shape):
            return INERT  # which axes are 1 is not known
        return _array(tuple(d for d in shape if d != 1), array.dtype, made_by("squeeze", node))
    axes = axis if isinstance(axis, (tuple, list)) else (axis,)
    normal = [_axis(a, len(shape)) for a in axes]
    if any(a is None for a in normal) or any(_known(shape[a]) and shape[a] != 1 for a in normal):  # type: ignore[index]
        return INERT
    return _array(tuple(d for i, d in enumerate(shape) if i not in normal), array.dtype, made_by("squeeze", node))


def transpose(array: ArrayValue, axes: Any, node: Any) -> Any:
    shape = array.shape
    if axes is None or isinstance(axes, tuple) and not axes:
        return _array(tuple(reversed(shape)), array.dtype, made_by("transpose", node))
    if not isinstance(axes, (tuple, list)) or len(axes) != len(shape):
        return INERT
    normal = [_axis(a, len(shape)) for a in axes]
    if any(a is None for a in normal) or len(set(normal)) != len(normal):
        return INERT
    return _array(tuple(shape[a] for a in normal), array.dtype, made_by("transpose", node))  # type: ignore[index]


def join(arrays: Any, axis: Any, new_axis: bool, what: str, node: Any) -> Any:
    """``concatenate`` / ``stack`` of a known sequence of arrays (of arrays read from files, whose
    shapes are not known: another such array)."""
    if isinstance(arrays, (list, tuple)) and arrays and any(isinstance(a, FileData) for a in arrays) and \
            all(isinstance(a, (FileData, ArrayValue)) for a in arrays):
        return FileData(made_by(what, node))
    if not isinstance(arrays, (list, tuple)) or not arrays or not all(isinstance(a, ArrayValue) for a in arrays):
        return INERT
    shapes = [a.shape for a in arrays]
    if len({len(s) for s in shapes}) != 1:
        return INERT
    rank = len(shapes[0]) + (1 if new_axis else 0)
    if axis is None and not new_axis:
        return _array((_sum(_size(s) for s in shapes),), _join_dtype(arrays), made_by(what, node))
    position = _axis(axis, rank)
    if position is None:
        return INERT
    out = []
    for i in range(len(shapes[0])):
        dims = [s[i] for s in shapes]
        if not new_axis and i == position:
            out.append(_sum(dims))
            continue
        known = {d for d in dims if _known(d)}
        if len(known) > 1:
            return INERT  # NumPy raises: the dimensions differ
        out.append(known.pop() if known else UNKNOWN)
    if new_axis:
        out.insert(position, len(arrays))
    return _array(tuple(out), _join_dtype(arrays), made_by(what, node))


def split(array: ArrayValue, sections: Any, axis: Any, even: bool, what: str, node: Any) -> Any:
    """``np.split(a, k, axis)`` / ``np.array_split`` / ``tf.split``: a list of ``k`` arrays cut
    along ``axis`` (``split`` raises where ``k`` does not divide it; ``array_split`` gives the
    first ``n % k`` parts one more); of a list of sizes (``tf.split``'s), those parts."""
    position = _axis(axis, len(array.shape))
    if position is None:
        return INERT
    length = array.shape[position]
    if _is_int(sections) and sections > 0:
        if not _known(length):
            return INERT if not even else [_with_axis(array, position, UNKNOWN, what, node)] * sections
        if even and length % sections:
            return INERT  # NumPy and TensorFlow raise
        parts = [length // sections + (1 if i < length % sections else 0) for i in range(sections)]
    elif isinstance(sections, (list, tuple)) and sections and all(_is_int(n) and n >= 0 for n in sections) and \
            what.startswith("tf."):
        if _known(length) and sum(sections) != length:
            return INERT  # TensorFlow raises
        parts = list(sections)
    else:
        return INERT
    return [_with_axis(array, position, n, what, node) for n in parts]


def _with_axis(array: ArrayValue, position: int, size: Any, what: str, node: Any) -> ArrayValue:
    shape = list(array.shape)
    shape[position] = size
    return ArrayValue(tuple(shape), array.dtype, made_by(what, node))


def _sum(dims: Any) -> Any:
    dims = list(dims)
    return sum(dims) if all(_known(d) for d in dims) else UNKNOWN


def _join_dtype(arrays: list[ArrayValue]) -> Any:
    dtypes = {a.dtype for a in arrays}
    return dtypes.pop() if len(dtypes) == 1 else UNKNOWN


def _scalar_bounds(args: list[Any], kwargs: dict[str, Any], names: tuple[str, ...]) -> bool:
    """The bounds of a random draw are numbers (not arrays, which draw an array of their shape)."""
    bounds = list(args) + [kwargs[name] for name in names if name in kwargs]
    return set(kwargs) <= {*names, "size"} and all(
        type(b) in (int, float) or isinstance(b, PythonNumber) for b in bounds)


def _random_size(size: Any) -> Any:
    if size is None:
        return INERT  # a scalar
    shape = shape_argument(size)
    return shape


# The methods of NumPy's Generator (default_rng) that draw as these np.random functions do, with
# the same parameters in the same places (integers' dtype is int64, as randint's).
GENERATOR_DRAWS = {
    "integers": "random.randint", "random": "random.random", "normal": "random.normal",
    "uniform": "random.uniform", "standard_normal": "random.random", "permutation": "random.permutation",
    "shuffle": "random.shuffle",
}


def generator_method(generator: RandomGenerator, name: str, args: list[Any], kwargs: dict[str, Any], node: Any
                     ) -> Any:
    """A draw of ``np.random.default_rng(seed)`` (``rng.integers(0, 10, size=(8, 3))``) or of a
    ``RandomState`` (whose methods are the ``np.random`` functions): an array of the size asked
    for; the other methods give data not followed."""
    if generator.legacy:
        found = numpy_call(f"random.{name}", args, kwargs, node)
        return INERT if found is NOT_MODELLED else found
    function = GENERATOR_DRAWS.get(name)
    if function is None:
        return INERT
    kwargs = dict(kwargs)
    if name == "integers" and kwargs.pop("endpoint", False) is not False:
        return INERT  # (the bounds change, not the shape; not needed)
    dtype = kwargs.pop("dtype", None) if name in ("random", "standard_normal") else None
    if len(args) > 1 and name in ("random", "standard_normal"):
        return INERT
    found = numpy_call(function, args, kwargs, node)
    if found is NOT_MODELLED:
        return INERT
    if dtype is not None and isinstance(found, ArrayValue) and not isinstance(found, PythonNumber):
        found = _array(found.shape, dtype_name(dtype), found.origin)
    return found


def numpy_call(function: str, args: list[Any], kwargs: dict[str, Any], node: Any) -> Any:
    """``numpy.<function>(...)`` (``function`` is the dotted rest: ``zeros``, ``random.rand``)."""
    what = f"np.{function}"
    origin = made_by(what, node)
    if function in ("random.default_rng", "random.RandomState", "random.Generator") and len(args) <= 1 and (
            set(kwargs) <= {"seed"}):
        return RandomGenerator(function == "random.RandomState")

    def arg(index: int, name: str, default: Any = None) -> Any:
        return args[index] if len(args) > index else kwargs.get(name, default)

    if args and isinstance(args[0], ItemsArray) and function in ("expand_dims", "reshape"):
        # The count kept (another ItemsArray), or an explicit shape (as certain with none).
        found = numpy_call(function, [args[0].view, *args[1:]], kwargs, node)
        return items_array(found) if function == "expand_dims" else found
    if function in ("zeros", "ones", "empty", "full"):
        shape = shape_argument(arg(0, "shape"))
        if shape is None:
            return INERT
        if function == "full":
            dtype = arg(2, "dtype")
            dtype = dtype_name(dtype) if dtype is not None else _scalar_dtype(arg(1, "fill_value"))
        else:
            dtype = arg(1, "dtype")
            dtype = "float64" if dtype is None else dtype_name(dtype)
        return _array(shape, dtype, origin)
    if function in ("zeros_like", "ones_like", "empty_like", "full_like", "copy", "asarray", "array", "ascontiguousarray"):
        source = arg(0, "a" if function.endswith("_like") or function == "copy" else "object")
        dtype = kwargs.get("dtype", args[1] if len(args) > 1 and function in ("asarray", "array") else None)
        if function == "full_like":
            dtype = kwargs.get("dtype", args[2] if len(args) > 2 else None)
        if isinstance(source, ArrayValue):
            made = _array(source.shape, source.dtype if dtype is None else dtype_name(dtype), origin)
            if isinstance(made, ArrayValue) and dtype is None and function in ("array", "asarray", "copy"):
                made.largest = source.largest  # the same values
            return made
        if isinstance(source, ItemsArray) and function in ("array", "asarray", "copy", "ascontiguousarray"):
            return items_array(numpy_call(function, [source.view, *args[1:]], kwargs, node))
        if isinstance(source, FileData) and function in ("array", "asarray", "copy", "ascontiguousarray"):
            return FileData(source.origin)  # (a copy: an object of its own, of a shape still not known)
        like = items_like(source)
        if like is not None and function in ("array", "asarray"):
            # Any number of items like one: stacked, for one item or more (see ItemsArray).
            found = _literal_shape(like)
            if found is None or isinstance(like, GeneratedItems):
                return NOT_MODELLED
            return items_array(_array((UNKNOWN, *found[0]), found[1] if dtype is None else dtype_name(dtype), origin))
        if isinstance(source, TableValue) and function in ("array", "asarray"):
            return ArrayValue((UNKNOWN,) * source.rank, UNKNOWN if dtype is None else dtype_name(dtype), origin)
        if function in ("array", "asarray"):
            if isinstance(source, GeneratedItems):
                return NOT_MODELLED  # NumPy makes a 0-d array of objects of a generator
            found = _literal_shape(source)
            if found is None and dtype is not None and isinstance(dtype_name(dtype), str) and \
                    dtype_name(dtype) == "object":
                shape = _object_shape(source)  # ragged sequences: an array of Python objects
                if shape is None:
                    return NOT_MODELLED
                return ArrayValue(shape, "object", origin, objects=_nested_copy(source, len(shape)))
            if found is None:
                return NOT_MODELLED
            shape, found_dtype = found
            made = _array(shape, found_dtype if dtype is None else dtype_name(dtype), origin)
            labels = _flat_ints(source)
            if isinstance(made, ArrayValue) and dtype is None and labels:
                made.largest = max(labels)  # class ids written out
            return made
        return NOT_MODELLED
    if function in ("eye", "identity") and args and _is_int(args[0]) and args[0] >= 0:
        columns = args[1] if function == "eye" and len(args) > 1 else kwargs.get("M") if function == "eye" else None
        columns = args[0] if columns is None else columns
        dtype = kwargs.get("dtype")
        if not _is_int(columns) or columns < 0 or len(args) > (2 if function == "eye" else 1):
            return NOT_MODELLED
        return _array((args[0], columns), "float64" if dtype is None else dtype_name(dtype), origin)
    if function == "arange":
        numbers = [a for a in args]
        if kwargs or not 1 <= len(numbers) <= 3 or not all(isinstance(a, (int, float)) and type(a) is not bool
                                                             for a in numbers):
            return NOT_MODELLED
        start, stop, step = (0, numbers[0], 1) if len(numbers) == 1 else (*numbers[:2], numbers[2] if len(numbers) == 3 else 1)
        if step == 0:
            return INERT
        length = max(0, math.ceil((stop - start) / step))
        return _array((length,), "int64" if all(type(a) is int for a in numbers) else "float64", origin)
    if function in ("linspace", "logspace", "geomspace"):
        num = arg(2, "num", 50)
        dtype = kwargs.get("dtype")
        if set(kwargs) - {"num", "endpoint", "dtype", "base"} or not _is_int(num) or num < 0 or len(args) > 3 or any(
                not isinstance(a, (int, float)) or type(a) is bool for a in args[:2]):
            return NOT_MODELLED  # retstep (a pair), an axis, array bounds (more axes)
        return _array((num,), "float64" if dtype is None else dtype_name(dtype), origin)
    if function == "dot" and len(args) == 2 and not kwargs:
        return dot(args[0], args[1], origin)
    if function == "random.permutation" and len(args) == 1 and not kwargs:
        # A permutation of range(n) (an int), or of an array's rows.
        source = args[0]
        if isinstance(source, ArrayValue) and not isinstance(source, PythonNumber) and source.shape:
            return _array(source.shape, source.dtype, origin)
        if _is_int(source) and source >= 0 or isinstance(source, PythonNumber) and source.type_name == "int":
            return _array((source if _is_int(source) else UNKNOWN,), "int64", origin)
        return NOT_MODELLED
    if function == "random.shuffle" and len(args) == 1 and not kwargs:
        # In place: an array's rows keep its shape; a list's items each become any one of them.
        if isinstance(args[0], ArrayValue) and not isinstance(args[0], PythonNumber):
            return None
        if isinstance(args[0], list) and not contents_unknown(args[0]):
            permuted(args[0])
            return None
        return NOT_MODELLED
    if function in ("random.rand", "random.randn"):
        shape = shape_argument(list(args))  # (sizes read at run time: unknown dimensions)
        if kwargs or shape is None:
            return NOT_MODELLED
        return _array(shape, "float64", origin) if args else PythonNumber("float")
    if function in ("random.random", "random.random_sample", "random.sample", "random.ranf"):
        shape = _random_size(arg(0, "size"))
        if shape is INERT and not args[1:] and set(kwargs) <= {"size"}:
            return PythonNumber("float")  # one draw: a Python float
        return INERT if shape is None or shape is INERT else _array(shape, "float64", origin)
    if function in ("random.uniform", "random.normal"):
        shape = _random_size(arg(2, "size"))
        if shape is INERT and _scalar_bounds(args[:2], kwargs, ("low", "high", "loc", "scale")):
            return PythonNumber("float")  # one draw between numbers: a Python float
        return INERT if shape is None or shape is INERT else _array(shape, "float64", origin)
    if function == "random.randint":
        shape = _random_size(arg(2, "size"))
        dtype = kwargs.get("dtype")
        if shape is INERT and dtype is None and _scalar_bounds(args[:2], kwargs, ("low", "high")):
            return PythonNumber("int")  # one draw between numbers: a Python int
        return INERT if shape is None or shape is INERT else _array(
            shape, "int64" if dtype is None else dtype_name(dtype), origin)
    if function in ("loadtxt", "genfromtxt"):
        return _text_table(function, args, kwargs, origin)
    if function == "load":
        return FileData(origin)  # (an array, or an .npz file's arrays: what is read, not known)
    array = arg(0, "a")
    if function == "reshape" and not isinstance(array, ArrayValue) and array is not None and len(args) + len(
            kwargs) == 2:
        # Data whose shape is not known (read from a file), reshaped: the shape given, if it ran.
        return reshape_data([arg(1, "newshape", kwargs.get("shape"))], node)
    if not isinstance(array, ArrayValue):
        if function in ("concatenate", "stack", "vstack", "hstack"):
            arrays = arg(0, "arrays")
            if function == "vstack" and isinstance(arrays, (list, tuple)):
                arrays = [_at_least_2d(a) for a in arrays]
                return join(arrays, 0, False, what, node)
            if function == "hstack" and isinstance(arrays, (list, tuple)) and all(
                    isinstance(a, ArrayValue) and a.shape for a in arrays):
                return join(arrays, 0 if len(arrays[0].shape) == 1 else 1, False, what, node)
            if function in ("concatenate", "stack"):
                return join(arrays, arg(1, "axis", 0), function == "stack", what, node)
        return NOT_MODELLED
    if function in ("split", "array_split"):
        return split(array, arg(1, "indices_or_sections"), arg(2, "axis", 0), function == "split", what, node)
    if function == "reshape":
        return reshape(array, arg(1, "newshape", kwargs.get("shape")), "reshape", node)
    if function in ("shape", "ndim", "size") and len(args) + len(kwargs) == 1:
        return data_attribute(array, function)  # np.shape(x) is x.shape
    if function == "expand_dims":
        return expand_dims(array, arg(1, "axis"), node)
    if function == "squeeze":
        return squeeze(array, arg(1, "axis"), node)
    if function == "transpose":
        return transpose(array, arg(1, "axes"), node)
    if function in ("ravel", "flatten"):
        return _array((_size(array.shape),), array.dtype, origin)
    if function in ("float32", "float64", "int32", "int64", "uint8"):
        return _array(array.shape, function, origin)  # np.float32(x): a cast
    if function in ("argmax", "argmin") and not kwargs.get("keepdims"):
        axis = arg(1, "axis")
        position = _axis(axis, len(array.shape))
        if position is None:
            return INERT
        return _array(array.shape[:position] + array.shape[position + 1:], "int64", origin)
    if function in FLOATING_FUNCTIONS or function in EXACT_FUNCTIONS:
        kind = _kind(array.dtype)
        if kind == "f" or function in EXACT_FUNCTIONS and kind in ("i", "u"):
            dtype = array.dtype  # (abs, square, negative, sign of integers are integers)
        elif function in FLOATING_FUNCTIONS and kind in ("i", "u", "b"):
            dtype = _float_for(array.dtype)
        else:
            dtype = UNKNOWN
        return _array(array.shape, dtype, array.origin)
    if function in REDUCTIONS:
        return reduction(array, function, arg(1, "axis"), kwargs, node)
    if function in ("clip",):
        return _array(array.shape, array.dtype, array.origin)
    return NOT_MODELLED


def _text_table(function: str, args: list[Any], kwargs: dict[str, Any], origin: DataOrigin) -> Any:
    """``np.loadtxt(path)``, ``np.genfromtxt(path)``: a table of numbers read from a file, of at
    most two dimensions (one row or one column is one-dimensional, unless ``ndmin=2``), and of one
    dimension with ``usecols`` one column. Its sizes are the file's."""
    dtype = kwargs.get("dtype", args[1] if len(args) > 1 else "float64")
    ndmin = kwargs.get("ndmin", 0)
    if not isinstance(dtype, (str, ModuleRef, Builtin)) or type(ndmin) is not int or not 0 <= ndmin <= 2 or any(
            kwargs.get(k, False) not in (False, None) for k in ("unpack", "names")):
        return NOT_MODELLED  # records (a structured dtype, genfromtxt's dtype=None), columns unpacked, not known
    name = dtype_name(dtype)
    usecols = kwargs.get("usecols")
    max_rank = 1 if type(usecols) is int else 2
    if ndmin >= max_rank:
        return ArrayValue((UNKNOWN,) * ndmin, name, origin)
    return BoundedRankArray(max_rank, name, origin)


# Elementwise functions: of floats, floats of the same dtype; of integers, float64.
FLOATING_FUNCTIONS = frozenset({"sqrt", "exp", "log", "tanh", "sin", "cos", "log1p", "expm1", "log2", "log10", "tan",
                                "sinh", "cosh", "arcsin", "arccos", "arctan", "arcsinh", "arctanh", "cbrt", "exp2"})
# Elementwise functions that keep floats and integers as they are.
EXACT_FUNCTIONS = frozenset({"abs", "absolute", "square", "negative", "sign"})
# Reductions over axes: (the dtype of a sum of integers, of a mean of integers).
REDUCTIONS = frozenset({"sum", "mean", "max", "min", "amax", "amin", "std", "var", "prod"})


def _float_for(dtype: str) -> str:
    """The float type NumPy computes a function of integers in: the smallest that holds them all
    (booleans and 8-bit integers: float16; 16-bit: float32; wider: float64)."""
    bits = 8 if dtype == "bool" else _bits(dtype)
    return {8: "float16", 16: "float32"}.get(bits, "float64")


def comparison(left: Any, right: Any, node: Any) -> Any:
    """``x > 0``, ``a == b``: the elementwise operation's array (:func:`binary`), of booleans
    (NOT_MODELLED where a side is neither an array nor a number)."""
    result = binary("==", left, right, node)
    return _array(result.shape, "bool", result.origin) if isinstance(result, ArrayValue) else result


def reduction(array: ArrayValue, function: str, axis: Any, kwargs: dict[str, Any], node: Any,
              what: str | None = None) -> Any:
    """``np.sum(a, axis=..., keepdims=...)`` and the others (``a.mean(axis=1)`` too): the axes
    reduced dropped, or kept of size 1; every axis for ``axis=None``. The dtype NumPy gives:
    a sum or product of integers or booleans is a 64-bit integer (unsigned for unsigned ones), a
    mean, a standard deviation or a variance of them float64, a maximum or minimum of their own."""
    keepdims = kwargs.get("keepdims", False)
    if type(keepdims) is not bool or set(kwargs) - {"axis", "keepdims", "a"}:
        return NOT_MODELLED  # dtype=, out=, where=, initial=…
    rank = len(array.shape)
    if axis is None:
        axes = set(range(rank))
    else:
        positions = [_axis(a, rank) for a in (axis if isinstance(axis, (tuple, list)) else (axis,))]
        if any(p is None for p in positions) or len(set(positions)) != len(positions):
            return INERT  # NumPy raises (an axis out of range, repeated), or not known
        axes = set(positions)
    shape = tuple(1 if i in axes else d for i, d in enumerate(array.shape) if keepdims or i not in axes)
    kind = _kind(array.dtype)
    if function in ("max", "min", "amax", "amin"):
        dtype = array.dtype
    elif kind == "f":
        dtype = array.dtype
    elif function in ("sum", "prod"):
        dtype = {"b": "int64", "i": "int64", "u": "uint64"}.get(kind or "", UNKNOWN)
    else:
        dtype = "float64" if kind in ("b", "i", "u") else UNKNOWN
    return _array(shape, dtype, made_by(what or f"np.{function}", node))


def _at_least_2d(value: Any) -> Any:
    if isinstance(value, ArrayValue) and len(value.shape) == 1:
        return ArrayValue((1, value.shape[0]), value.dtype, value.origin)
    return value


# --------------------------------------------------------------------------- attributes, methods, items

ARRAY_METHODS = frozenset(
    {"reshape", "astype", "transpose", "flatten", "ravel", "squeeze", "copy", "argmax", "argmin", "sum", "mean",
     "max", "min", "std", "var", "prod", "tolist", "dot"}
)
DATASET_METHODS = frozenset(
    {"batch", "map", "shuffle", "prefetch", "cache", "take", "skip", "repeat", "unbatch", "filter", "with_options",
     "rebatch", "shard"}
)


def data_attribute(value: Any, attr: str) -> Any:
    """``x.shape`` (a tuple: an unknown dimension is unknown data), ``x.ndim``, ``x.T``, ``x.size``, a
    method; NOT_MODELLED for the rest."""
    if isinstance(value, ArrayValue):
        shape = value.shape
        if attr == "shape":
            return tuple(DimOf(value, axis) if d is UNKNOWN else d for axis, d in enumerate(shape))
        if attr == "ndim":
            return len(shape)
        if attr == "size":
            size = _size(shape)
            return INERT if size is UNKNOWN else size
        if attr == "T":
            return _array(tuple(reversed(shape)), value.dtype, value.origin)
        if attr in ARRAY_METHODS:
            return DataMethod(value, attr)
    if isinstance(value, DatasetValue) and not isinstance(value, PyDatasetValue) and attr in DATASET_METHODS:
        return DataMethod(value, attr)
    return NOT_MODELLED


def array_method(array: ArrayValue, name: str, args: list[Any], kwargs: dict[str, Any], node: Any) -> Any:
    if name == "reshape":
        if "shape" in kwargs:
            newshape = kwargs["shape"]
        else:
            newshape = args[0] if len(args) == 1 else tuple(args)
        return reshape(array, newshape, "reshape", node)
    if name == "astype":
        dtype = args[0] if args else kwargs.get("dtype")
        return _keeping_values(_array(array.shape, dtype_name(dtype), array.origin), array)
    if name == "transpose":
        axes = args[0] if len(args) == 1 and isinstance(args[0], (tuple, list)) or len(args) == 1 and args[0] is None \
            else tuple(args)
        return transpose(array, kwargs.get("axes", axes), node)
    if name in ("flatten", "ravel") and not args:
        return _array((_size(array.shape),), array.dtype, made_by(name, node))
    if name == "squeeze":
        return squeeze(array, kwargs.get("axis", args[0] if args else None), node)
    if name == "copy":
        return array
    if name in ("argmax", "argmin"):
        return numpy_call(name, [array, *args], kwargs, node)
    if name in REDUCTIONS and len(args) <= 1:
        return reduction(array, name, args[0] if args else kwargs.get("axis"), kwargs, node, what=name)
    if name == "tolist" and not args and not kwargs:
        return _as_python_lists(array)
    if name == "dot" and len(args) == 1 and not kwargs:
        return dot(array, args[0], made_by("dot", node))
    return NOT_MODELLED


def dot(left: Any, right: Any, origin: Any) -> Any:
    """``np.dot(a, b)``: a number times an array is elementwise; vectors give their inner product
    (a scalar); otherwise the sum over ``a``'s last axis and ``b``'s second-to-last (its only one,
    for a vector): ``a.shape[:-1] + b.shape[:-2] + b.shape[-1:]``. Sizes that differ: NumPy raises."""
    shapes = []
    for value in (left, right):
        if isinstance(value, ArrayValue):
            shapes.append(value.shape)
        elif type(value) in (int, float):
            shapes.append(())
        else:
            return NOT_MODELLED
    a, b = shapes
    dtype = _promote(left.dtype if isinstance(left, ArrayValue) else left,
                     right.dtype if isinstance(right, ArrayValue) else right, False)
    if not a or not b:
        return _array(a or b, dtype, origin)
    summed = b[0] if len(b) == 1 else b[-2]
    if _known(a[-1]) and _known(summed) and a[-1] != summed:
        return INERT  # NumPy raises: shapes not aligned
    return _array(a[:-1] + b[:-2] + (b[-1:] if len(b) > 1 else ()), dtype, origin)


# ``tolist()``: the Python number type of each NumPy dtype's items; the most items followed one by one.
_PYTHON_TYPES = {"bool": "bool", "float16": "float", "float32": "float", "float64": "float"}
MAX_LISTED = 10_000


def _as_python_lists(array: ArrayValue) -> Any:
    """``array.tolist()``: nested Python lists of Python numbers (their values not known), of the
    array's shape, where its shape and number type are known and it is not too large."""
    if array.objects is not None:
        return _nested_copy(array.objects, len(array.shape))  # its objects themselves
    dtype = array.dtype
    kind = _PYTHON_TYPES.get(dtype) if isinstance(dtype, str) else None
    if isinstance(dtype, str) and dtype.startswith(("int", "uint")):
        kind = "int"
    shape = array.shape
    if kind is None or not all(_is_int(d) for d in shape) or math.prod(shape) > MAX_LISTED:
        return NOT_MODELLED

    def listed(dims: tuple) -> Any:
        return [listed(dims[1:]) for _ in range(dims[0])] if dims else PythonNumber(kind)

    return listed(tuple(shape))


def _picked_objects(array: ArrayValue, parts: list[Any]) -> Any:
    """An array of known Python objects indexed by ints and slices: the object, or an array of them."""
    if not all(_is_int(p) and -d <= p < d or isinstance(p, slice) for p, d in zip(parts, array.shape)):
        return NOT_MODELLED  # (an index out of range: NumPy raises)
    picked = _indexed_objects(array.objects, parts)
    if picked is None:
        return NOT_MODELLED
    shape = [len(range(*p.indices(d))) for p, d in zip(parts, array.shape) if isinstance(p, slice)]
    shape += array.shape[len(parts):]
    return ArrayValue(tuple(shape), "object", array.origin, objects=picked) if shape else picked


def subscript(array: ArrayValue, key: Any) -> Any:
    """``array[key]`` for basic indexing: ints, slices with known bounds, None (np.newaxis) and
    ``...``; and one list of ints among slices (``x[:, [2, 3, 4]]``: that axis becomes as long as
    the list); anything else (an index array, a mask) is unknown data."""
    parts = list(key) if isinstance(key, tuple) else [key]
    if sum(1 for p in parts if p is Ellipsis) > 1:
        return INERT
    objects = isinstance(array.dtype, str) and array.dtype == "object"
    if array.objects is not None and Ellipsis not in parts and None not in parts and len(parts) <= len(array.shape):
        picked = _picked_objects(array, parts)
        if picked is not NOT_MODELLED:
            return picked
    if objects and sum(1 for p in parts if _is_int(p)) >= len(array.shape):
        return INERT  # one of its Python objects (an array of its own shape, a list…)
    picks = [p for p in parts if isinstance(p, list)]
    if picks and (len(picks) > 1 or not picks[0] or not all(type(v) is int for v in picks[0])
                  or any(_is_int(p) for p in parts)):
        return INERT  # several index arrays, a mask, ints beside them: NumPy's other rules
    consuming = sum(1 for p in parts if p is not None and p is not Ellipsis)
    shape = array.shape
    if consuming > len(shape):
        return INERT  # NumPy raises: too many indices
    if Ellipsis in parts:
        at = parts.index(Ellipsis)
        parts[at:at + 1] = [slice(None)] * (len(shape) - consuming)
    else:
        parts += [slice(None)] * (len(shape) - consuming)
    out: list[Any] = []
    dims = iter(shape)
    for part in parts:
        if part is None:
            out.append(1)
            continue
        dim = next(dims)
        if _is_int(part):
            if _known(dim) and not -dim <= part < dim:
                return INERT  # IndexError
            continue
        if isinstance(part, list):
            if _known(dim) and not all(-dim <= v < dim for v in part):
                return INERT  # IndexError
            out.append(len(part))
            continue
        if isinstance(part, slice):
            if not all(b is None or _is_int(b) for b in (part.start, part.stop, part.step)) or part.step == 0:
                return INERT
            if _known(dim):
                out.append(len(range(*part.indices(dim))))
            elif part.start is None and part.stop is None and part.step in (None, 1):
                out.append(dim)
            elif (part.start is None or part.start == 0) and _is_int(part.stop) and part.stop == 0 \
                    and part.step in (None, 1):
                out.append(0)
            else:
                out.append(UNKNOWN)
            continue
        return INERT
    return _array(tuple(out), array.dtype, array.origin)


def binary(operator: str, left: Any, right: Any, node: Any) -> Any:
    """``left <operator> right`` where one side is an array and the other an array or a Python
    number; NOT_MODELLED otherwise. ``operator`` is ``"+"``, ``"/"``, …"""
    arrays = [v for v in (left, right) if isinstance(v, ArrayValue)]
    if not arrays:
        return NOT_MODELLED
    for value in (left, right):
        if not isinstance(value, ArrayValue) and not (isinstance(value, (int, float)) and type(value) is not bool):
            return NOT_MODELLED
    if operator == "@":
        return NOT_MODELLED
    shape = broadcast(
        left.shape if isinstance(left, ArrayValue) else (), right.shape if isinstance(right, ArrayValue) else ())
    if shape is None:
        return INERT  # NumPy raises
    dtype = _promote(
        left.dtype if isinstance(left, ArrayValue) else left,
        right.dtype if isinstance(right, ArrayValue) else right,
        operator == "/",
    )
    # The shape comes from the array (or, broadcast, from the larger of the two).
    source = left if isinstance(left, ArrayValue) and len(left.shape) >= len(shape) else arrays[-1]
    origin = source.origin if shape == source.shape else made_by("broadcast", node)
    return _array(shape, dtype, origin)


# --------------------------------------------------------------------------- Keras's data functions


def load_data(dataset: str, args: list[Any], kwargs: dict[str, Any], node: Any) -> Any:
    """``keras.datasets.<dataset>.load_data(...)``: the recorded shapes and dtypes."""
    entry = DATASETS.get(dataset)
    if entry is None:
        return NOT_MODELLED
    parameters = entry["parameters"]
    if len(args) > len(parameters) or not entry["any_keyword"] and any(k not in parameters for k in kwargs):
        return INERT  # Keras raises a TypeError
    origin = made_by(f"{dataset}.load_data()", node)
    largest = LARGEST_LABEL.get(dataset, UNKNOWN)
    if isinstance(largest, dict):  # cifar100's label_mode
        largest = largest.get(kwargs.get("label_mode", args[0] if args else "fine"), UNKNOWN)
    if args and dataset != "cifar100" or any(k not in KEEP_EVERY_SAMPLE for k in kwargs):
        largest = UNKNOWN  # samples dropped or moved: a class may be missing from a split

    def array(name: str) -> Any:
        shape, dtype = entry["arrays"][name]
        if shape is None:
            return INERT
        found = _array(tuple(UNKNOWN if d is None else d for d in shape), UNKNOWN if dtype is None else dtype, origin)
        if name.startswith("y_") and isinstance(found, ArrayValue):
            found.largest = largest
        return found

    return ((array("x_train"), array("y_train")), (array("x_test"), array("y_test")))


def _flat_ints(value: Any) -> list[int] | None:
    """The integers of nested lists of Python ints, in NumPy's order (None for anything else)."""
    if type(value) is int:
        return [value]
    if not isinstance(value, (list, tuple)) or len(value) > MAX_ARRAY_LITERAL:
        return None
    found: list[int] = []
    for item in value:
        inner = _flat_ints(item)
        if inner is None:
            return None
        found.extend(inner)
    return found


def to_categorical(args: list[Any], kwargs: dict[str, Any], node: Any,
                   report: Callable[[DataProblem], None] | None = None) -> Any:
    """``keras.utils.to_categorical(x, num_classes=None)``: one-hot rows, float64 for a NumPy array
    (Keras fills ``np.zeros``); a trailing axis of size 1 is dropped first, as Keras does.
    ``categorical[np.arange(n), x] = 1`` raises where a class id is not below ``num_classes``
    (NumPy's IndexError, at this call): reported where the ids are written out, or the largest
    is known (a data set's labels)."""
    x = args[0] if args else kwargs.get("x")
    num_classes = args[1] if len(args) > 1 else kwargs.get("num_classes")
    labels = _flat_ints(x) if isinstance(x, (list, tuple)) else None
    if isinstance(x, (list, tuple)):
        found = _literal_shape(x)
        x = ArrayValue(found[0], found[1]) if found is not None else x
        if isinstance(x, ArrayValue) and labels:
            x.largest = max(labels)
    if isinstance(x, TableValue):
        x = ArrayValue((UNKNOWN,) * x.rank, UNKNOWN)  # Keras's np.array(x): a column is 1-D
    if not isinstance(x, ArrayValue):
        return NOT_MODELLED
    if report is not None and _is_int(num_classes) and num_classes >= 1:
        outside = [v for v in labels if not -num_classes <= v < num_classes] if labels is not None else []
        if outside or labels is None and _is_int(x.largest) and x.largest >= num_classes:
            index = outside[0] if outside else "…"
            report(DataProblem(
                "data-utility",
                f"to_categorical(): {'class id ' + str(index) if outside else f'the largest class id, {x.largest},'} "
                f"is not below num_classes={num_classes} (class ids run from 0 to num_classes - 1). "
                f"Keras: IndexError: index {index} is out of bounds for axis 1 with size {num_classes}",
            ))
            return INERT
    shape = x.shape
    if len(shape) > 1 and not _known(shape[-1]):
        return INERT  # whether Keras drops that axis is not known
    if len(shape) > 1 and shape[-1] == 1:
        shape = shape[:-1]
    if _is_int(num_classes):
        classes = num_classes
    elif num_classes is None and _is_int(x.largest):
        classes = int(x.largest) + 1  # the largest label + 1
    else:
        classes = UNKNOWN  # from the data
    found = _array((*shape, classes), "float64", made_by("to_categorical", node))
    if isinstance(found, ArrayValue) and _is_int(classes) and classes >= 1:
        found.largest = 1  # one 1 a row
    return found


def pad_sequences(args: list[Any], kwargs: dict[str, Any], node: Any,
                  report: Callable[[DataProblem], None] | None = None) -> Any:
    """``pad_sequences(sequences, maxlen=None, dtype="int32", ...)``: ``(len(sequences), maxlen)``.
    Keras takes ``len()`` of each sequence in turn: a number among them (one sentence's ids given
    flat, not as a list of one sequence) is its ValueError, at this call."""
    sequences = args[0] if args else kwargs.get("sequences")
    if report is not None and isinstance(sequences, (list, tuple)):
        for item in sequences:
            if isinstance(item, (list, tuple, str, ArrayValue)):
                continue  # a sequence
            if item is None or type(item) in (int, float, bool):
                report(DataProblem(
                    "data-utility",
                    f"pad_sequences(): the sequences given hold a number, {item!s}, where each item must be a "
                    f"sequence (a list of ids per sample: pass [ids] for one). "
                    f"Keras: `sequences` must be a list of iterables. Found non-iterable: {item!s}",
                ))
                return INERT
            break  # an item not known: whether it has a length is not known
    maxlen = args[1] if len(args) > 1 else kwargs.get("maxlen")
    dtype = args[2] if len(args) > 2 else kwargs.get("dtype", "int32")
    # Each sample's shape beyond its length (``np.asarray(sequence).shape[1:]`` of the first one
    # that is not empty, Keras's ``sample_shape``): () for sequences of ids; an array's own axes.
    sample: Any = ()
    if isinstance(sequences, ArrayValue) and sequences.shape:
        count = sequences.shape[0]
        sample = tuple(sequences.shape[2:])
    elif isinstance(sequences, list) and not any(isinstance(s, InertObject) and not isinstance(s, ArrayValue)
                                                 and not isinstance(s, (list, IdSequence)) for s in sequences):
        count = len(sequences)
        first = next((s for s in sequences if not (isinstance(s, (list, tuple)) and not s)), None)
        if isinstance(first, IdSequence):
            sample = ()  # a text's word ids
        elif isinstance(first, ArrayValue) and not isinstance(first, PythonNumber):
            sample = tuple(first.shape[1:]) if first.shape else None
        elif isinstance(first, (list, tuple)):
            found = _literal_shape(first)
            sample = tuple(found[0][1:]) if found is not None and found[0] else None
        elif first is not None and not isinstance(first, str):
            sample = None
    else:
        count, sample = UNKNOWN, None
    if sample is None:
        return INERT  # samples of a shape not known: the rank is not known either
    length = maxlen if _is_int(maxlen) else UNKNOWN
    return _array((count, length, *sample), dtype_name(dtype), made_by("pad_sequences", node))


def _element_of_arrays(value: Any, sliced: bool) -> Any:
    """What one element of ``from_tensor_slices(value)`` (``sliced``) or ``from_tensors(value)`` is."""
    if isinstance(value, ArrayValue):
        if sliced:
            return ArrayValue(value.shape[1:], value.dtype, value.origin) if value.shape else UNKNOWN
        return value
    if isinstance(value, tuple):
        return tuple(_element_of_arrays(v, sliced) for v in value)
    if isinstance(value, dict) and all(isinstance(k, str) for k in value):
        return {k: _element_of_arrays(v, sliced) for k, v in value.items()}
    if isinstance(value, list) and sliced:
        found = _literal_shape(value)
        if found is not None and found[0]:
            return ArrayValue(found[0][1:], found[1])
    return UNKNOWN


def _map_element(element: Any, function: Callable[[ArrayValue], Any]) -> Any:
    if isinstance(element, ArrayValue):
        return function(element)
    if isinstance(element, tuple):
        return tuple(_map_element(e, function) for e in element)
    if isinstance(element, dict):
        return {k: _map_element(v, function) for k, v in element.items()}
    return UNKNOWN


def _batched(element: Any, size: Any = None) -> Any:
    return _map_element(element, lambda a: ArrayValue((size, *a.shape), a.dtype, a.origin))


def tf_data_call(function: str, args: list[Any], kwargs: dict[str, Any], node: Any) -> Any:
    """``tf.data.Dataset.from_tensor_slices`` / ``from_tensors``."""
    if function in ("tensorflow.data.Dataset.from_tensor_slices", "tensorflow.data.Dataset.from_tensors"):
        value = args[0] if args else kwargs.get("tensors")
        sliced = function.endswith("slices")
        return DatasetValue(_element_of_arrays(value, sliced), made_by(function.rsplit(".", 1)[1], node))
    if function == "tensorflow.data.Dataset.from_generator":
        return _from_generator(args, kwargs, node)
    if function == "tensorflow.data.Dataset.zip" and not kwargs:
        # ``zip(a, b)`` (TF 2.13+) or ``zip((a, b))`` / ``zip({"k": a})``: elements of that
        # structure, one element of each dataset (nested tuples and dicts of datasets).
        datasets = args[0] if len(args) == 1 else tuple(args)

        def element(value: Any) -> Any:
            if type(value) is DatasetValue:
                return value.element
            if isinstance(value, tuple) and value and not contents_unknown(value):
                items = tuple(element(v) for v in value)
                return None if any(i is None for i in items) else items
            if isinstance(value, dict) and value and all(isinstance(k, str) for k in value):
                items = {k: element(v) for k, v in value.items()}
                return None if any(i is None for i in items.values()) else items
            return None

        zipped = element(datasets) if isinstance(datasets, (tuple, dict)) else None
        return NOT_MODELLED if zipped is None else DatasetValue(zipped, made_by("zip", node))
    if function == "tensorflow.TensorSpec":
        shape = args[0] if args else kwargs.get("shape")
        dtype = args[1] if len(args) > 1 else kwargs.get("dtype")
        dims = _declared_shape(shape)
        if dims is None:
            return INERT
        return TensorSpecValue(dims, "float32" if dtype is None else dtype_name(dtype))
    return NOT_MODELLED


def _declared_shape(shape: Any) -> tuple | None:
    """A shape a TensorSpec declares: ints and None (a size the data decides); None when not one."""
    if not isinstance(shape, (tuple, list)) or contents_unknown(shape):
        return None
    if not all(d is None or _is_int(d) and d >= 0 or d is UNKNOWN or isinstance(d, InertObject) for d in shape):
        return None
    return tuple(d if d is None or _is_int(d) else UNKNOWN for d in shape)


def _from_generator(args: list[Any], kwargs: dict[str, Any], node: Any) -> Any:
    """``Dataset.from_generator(generator, output_types, output_shapes, args, output_signature)``:
    elements of the declared structure, shapes and dtypes (a dimension declared None is the
    data's: unknown)."""
    given = dict(zip(("generator", "output_types", "output_shapes", "args", "output_signature"), args))
    given.update(kwargs)
    origin = made_by("from_generator", node)

    def spec_element(value: Any) -> Any:
        if isinstance(value, TensorSpecValue):
            return ArrayValue(tuple(UNKNOWN if d is None else d for d in value.shape), value.dtype, origin)
        if isinstance(value, tuple) and not contents_unknown(value):
            return tuple(spec_element(v) for v in value)
        if isinstance(value, dict) and all(isinstance(k, str) for k in value):
            return {k: spec_element(v) for k, v in value.items()}
        return UNKNOWN

    def typed_element(types: Any, shapes: Any) -> Any:
        if isinstance(types, tuple) and isinstance(shapes, tuple) and len(types) == len(shapes) and not (
                contents_unknown(types) or contents_unknown(shapes)) and all(
                isinstance(s, (tuple, list)) for s in shapes):
            return tuple(typed_element(t, s) for t, s in zip(types, shapes))
        dims = _declared_shape(shapes)
        if dims is None or isinstance(types, (tuple, list, dict)):
            return UNKNOWN
        return spec_element(TensorSpecValue(dims, dtype_name(types)))

    if given.get("output_signature") is not None:
        return DatasetValue(spec_element(given["output_signature"]), origin)
    if given.get("output_types") is not None and given.get("output_shapes") is not None:
        return DatasetValue(typed_element(given["output_types"], given["output_shapes"]), origin)
    return DatasetValue(UNKNOWN, origin)


def _image_shape(args: list[Any], kwargs: dict[str, Any], defaults: dict[str, Any]) -> Any:
    size = kwargs.get("image_size", defaults["image_size"])
    mode = kwargs.get("color_mode", "rgb")
    channels = {"rgb": 3, "grayscale": 1, "rgba": 4}.get(mode) if isinstance(mode, str) else None
    if not (isinstance(size, (tuple, list)) and len(size) == 2 and all(_is_int(d) for d in size)) or channels is None:
        return UNKNOWN
    return (size[0], size[1], channels)


def _labels(kwargs: dict[str, Any], default_mode: str) -> Any:
    """The labels' per-sample shape and dtype, or None for no labels; UNKNOWN when not known."""
    labels = kwargs.get("labels", "inferred")
    mode = kwargs.get("label_mode", default_mode)
    if labels is None or mode is None:
        return None
    if not isinstance(labels, (str, list, tuple)) or not isinstance(mode, str):
        return UNKNOWN
    if mode == "int":
        return ((), "int32")
    if mode == "binary":
        return ((1,), "float32")
    if mode == "categorical":
        names = kwargs.get("class_names")
        classes = len(names) if isinstance(names, (list, tuple)) and isinstance(labels, str) and labels == "inferred" \
            else UNKNOWN
        return ((classes,), "float32")
    return UNKNOWN


def keras_data_call(function: str, args: list[Any], kwargs: dict[str, Any], node: Any,
                    report: Callable[[DataProblem], None] | None = None) -> Any:
    """Keras's data functions: the datasets, ``to_categorical``, ``pad_sequences``, the
    ``*_dataset_from_*`` utilities, ``split_dataset``; ``report`` takes the errors they raise."""
    parts = function.split(".")
    if len(parts) == 4 and parts[:2] == ["keras", "datasets"] and parts[3] == "load_data":
        return load_data(parts[2], args, kwargs, node)
    last = parts[-1]
    if last == "to_categorical":
        return to_categorical(args, kwargs, node, report)
    if last == "pad_sequences":
        return pad_sequences(args, kwargs, node, report)
    if last in ("image_dataset_from_directory", "text_dataset_from_directory"):
        return _directory_dataset(last, args, kwargs, node)
    if last == "load_img":
        return _load_img(args, kwargs, node)
    if last == "img_to_array":
        # ``np.asarray(img)``; a 2-D one (a grey image) gets a channel axis of 1, last (first
        # for channels_first); other ranks than 2 and 3 raise.
        image = args[0] if args else kwargs.get("img")
        data_format = args[1] if len(args) > 1 else kwargs.get("data_format")
        dtype = args[2] if len(args) > 2 else kwargs.get("dtype")
        if not isinstance(image, ArrayValue) or not isinstance(image.shape, tuple) or len(image.shape) not in (2, 3):
            return NOT_MODELLED
        if data_format not in (None, "channels_last", "channels_first"):
            return NOT_MODELLED  # (the configured image data format, read at run time)
        shape = image.shape
        if len(shape) == 2:
            shape = (1, *shape) if data_format == "channels_first" else (*shape, 1)
        elif data_format == "channels_first":
            shape = (shape[2], shape[0], shape[1])
        return _array(shape, "float32" if dtype is None else dtype_name(dtype), image.origin)
    if last == "timeseries_dataset_from_array":
        return _timeseries_dataset(args, kwargs, node)
    if last == "split_dataset":
        dataset = args[0] if args else kwargs.get("dataset")
        if isinstance(dataset, DatasetValue):
            element = dataset.element
        elif isinstance(dataset, (ArrayValue, tuple, dict)):
            element = _element_of_arrays(dataset, True)
        else:
            return NOT_MODELLED
        origin = made_by("split_dataset", node)
        return (DatasetValue(element, origin), DatasetValue(element, origin))
    return NOT_MODELLED


def _directory_dataset(function: str, args: list[Any], kwargs: dict[str, Any], node: Any) -> Any:
    """``image_dataset_from_directory`` / ``text_dataset_from_directory``: batches of images of
    ``image_size`` and ``color_mode`` (strings for text), with labels per ``label_mode``."""
    if len(args) > 1:
        return NOT_MODELLED  # the arguments after the directory are keyword arguments in practice
    if function == "image_dataset_from_directory":
        sample: Any = _image_shape(args, kwargs, {"image_size": (256, 256)})
        sample_dtype = "float32"
    else:
        sample, sample_dtype = (), "string"
    labels = _labels(kwargs, "int")
    batch = kwargs.get("batch_size", 32)
    origin = made_by(function, node)
    x: Any = UNKNOWN if sample is UNKNOWN else ArrayValue(sample, sample_dtype, origin)
    if labels is None:
        element: Any = x
    elif labels is UNKNOWN:
        element = (x, UNKNOWN)
    else:
        element = (x, ArrayValue(labels[0], labels[1], origin))
    if batch is not None:
        if not _is_int(batch):
            return NOT_MODELLED
        element = _batched(element) if not isinstance(element, tuple) or all(
            isinstance(e, ArrayValue) for e in element) else tuple(_batched(e) for e in element)
    dataset = DatasetValue(element, origin)
    if isinstance(kwargs.get("subset"), str) and kwargs["subset"] == "both":
        return [dataset, DatasetValue(element, origin)]
    return dataset


def _load_img(args: list[Any], kwargs: dict[str, Any], node: Any) -> Any:
    """``keras.utils.load_img(path, color_mode="rgb", target_size=None, ...)``: a PIL image, followed
    as the array ``np.array(image)`` / ``img_to_array(image)`` make of it, ``(height, width,
    channels)``; without ``target_size`` the file's own size, unknown."""
    names = ("path", "color_mode", "target_size")
    given = dict(zip(names, args))
    given.update({k: v for k, v in kwargs.items() if k in names})
    mode = given.get("color_mode", "rgb")
    channels = {"rgb": 3, "grayscale": 1, "rgba": 4}.get(mode) if isinstance(mode, str) else None
    size = given.get("target_size")
    if channels is None:
        return INERT
    if isinstance(size, (tuple, list)) and len(size) == 2 and all(_is_int(d) for d in size):
        height, width = size
    else:
        height = width = UNKNOWN
    return _array((height, width, channels), "uint8", made_by("load_img", node))


def _timeseries_dataset(args: list[Any], kwargs: dict[str, Any], node: Any) -> Any:
    names = ("data", "targets", "sequence_length")
    given = dict(zip(names, args))
    if len(args) > 3:
        return NOT_MODELLED
    given.update({k: v for k, v in kwargs.items() if k in names})
    data, targets, length = given.get("data"), given.get("targets"), given.get("sequence_length")
    if not isinstance(data, ArrayValue) or not data.shape:
        return NOT_MODELLED
    origin = made_by("timeseries_dataset_from_array", node)
    x = ArrayValue((None, length if _is_int(length) else UNKNOWN, *data.shape[1:]), data.dtype, origin)
    batch = kwargs.get("batch_size", 128)
    if batch is None:
        x = ArrayValue(x.shape[1:], x.dtype, origin)
    if targets is None:
        return DatasetValue(x, origin)
    if isinstance(targets, ArrayValue) and targets.shape:
        y: Any = ArrayValue(((None,) if batch is not None else ()) + targets.shape[1:], targets.dtype, origin)
    else:
        y = UNKNOWN
    return DatasetValue((x, y), origin)


def dataset_method(dataset: DatasetValue, name: str, args: list[Any], kwargs: dict[str, Any], node: Any,
                   trace: Callable[[Any, Any], Any]) -> Any:
    """A method of a dataset; ``trace(function, element)`` runs a mapped function on an element."""
    element = dataset.element
    if name in ("shuffle", "prefetch", "cache", "take", "skip", "repeat", "with_options", "filter", "shard"):
        return DatasetValue(element, dataset.origin)
    if name == "batch":
        size = args[0] if args else kwargs.get("batch_size")
        drop = kwargs.get("drop_remainder", args[1] if len(args) > 1 else False)
        if not _is_int(size):
            return DatasetValue(_batched(element), made_by("batch", node))
        return DatasetValue(_batched(element, size if drop is True else None), made_by("batch", node))
    if name == "unbatch":
        return DatasetValue(_map_element(element, lambda a: ArrayValue(a.shape[1:], a.dtype, a.origin) if a.shape
                                         else UNKNOWN), dataset.origin)
    if name == "map":
        function = args[0] if args else kwargs.get("map_func")
        return DatasetValue(trace(function, element), made_by("map", node))
    return NOT_MODELLED


# Preprocessing layers whose output on data has the shape their rule computes (Keras's eager
# call computes what its symbolic call does), and the dtype of that output where it is fixed.
PREPROCESSING_ON_DATA = {
    "TextVectorization": None, "StringLookup": "int64", "IntegerLookup": "int64", "Hashing": "int64",
    "Normalization": "float32", "Rescaling": "float32", "Resizing": "float32", "CenterCrop": "float32",
    "Discretization": "int64", "CategoryEncoding": "float32",
}


def is_shaped(value: Any) -> bool:
    """Data whose shape this module follows."""
    return isinstance(value, (ArrayValue, DatasetValue))
