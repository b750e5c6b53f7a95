"""The Python values the interpreter computes with, and Python's semantics on them.

Plain values are Python's own (numbers, strings, tuples, lists, dicts); the
classes here stand for what a model file defines (functions, classes, their
instances, modules of the project) or for what cannot be known
(:data:`~kerascheck.engine.dims.UNKNOWN`, or an :class:`InertObject` for results
of code that builds no Keras objects).  Nothing here runs or imports analysed code.
"""

from __future__ import annotations

import builtins
import re
from dataclasses import dataclass, field
from collections.abc import Sequence
from typing import Any, Callable

import libcst as cst

from kerascheck import budget
from kerascheck.engine.data import ArraySpec, DataOrigin
from kerascheck.engine.dims import UNKNOWN, PartialShape, Unresolved
from kerascheck.engine.runtime import ArrayData, KerasTensor, Layer
from kerascheck.frontend.keras_names import KerasSymbol, ModuleRef
from kerascheck.knowledge import keras_api

MAX_UNROLL = 10_000  # iterations of one loop or comprehension that are followed


@dataclass(eq=False)
class Scope:
    names: dict[str, Any] = field(default_factory=dict)
    parent: "Scope | None" = None
    # A function's names declared ``global`` or ``nonlocal`` (by kind): bound where they live.
    declared: dict[str, str] = field(default_factory=dict)

    def binding_scope(self, name: str) -> "Scope":
        """Where assigning ``name`` here binds it: the module for a ``global``, the nearest
        enclosing function that has it for a ``nonlocal``, else this scope."""
        kind = self.declared.get(name)
        if kind == "global":
            return self.module()
        if kind == "nonlocal":
            scope = self.parent
            while scope is not None and scope.parent is not None:
                if name in scope.names:
                    return scope
                scope = scope.parent
        return self

    @property
    def is_module(self) -> bool:
        return self.parent is None

    def lookup(self, name: str) -> Any:
        scope: Scope | None = self
        while scope is not None:
            if name in scope.names:
                return scope.names[name]
            scope = scope.parent
        return MISSING

    def module(self) -> "Scope":
        scope = self
        while scope.parent is not None:
            scope = scope.parent
        return scope


class _Missing:
    def __repr__(self) -> str:
        return "<missing>"


MISSING = _Missing()


@dataclass(eq=False)
class UserFunction:
    node: cst.FunctionDef | cst.Lambda
    scope: Scope
    defaults: dict[str, Any]
    file: Any = None  # the module file that defines it


@dataclass(eq=False)
class DataclassField:
    """``dataclasses.field(default=..., default_factory=...)`` in a dataclass body."""

    default: Any
    factory: Any = None  # called for each instance


NO_DEFAULT = object()


@dataclass(eq=False)
class Partial:
    """``functools.partial(function, *args, **keywords)``: a call of it calls ``function`` with
    these arguments first (keywords given at the call win)."""

    function: Any
    args: tuple[Any, ...]
    keywords: dict[str, Any]


@dataclass(eq=False)
class LocalModule:
    """A module of the analysed project, imported and executed like Python does."""

    path: Any
    scope: Scope


@dataclass(frozen=True)
class PropertyFunction:
    """A ``@property`` (or ``functools.cached_property``) of a user class: reading the attribute
    on an instance calls ``getter`` with it."""

    getter: UserFunction


@dataclass(frozen=True)
class StaticMethod:
    function: UserFunction


@dataclass(frozen=True)
class ClassMethod:
    """A ``@classmethod``: called with the class (or the instance's class) first."""

    function: UserFunction


# Keras namespaces whose classes are no layers (subclassing them makes no layer).
_INERT_KERAS_BASES = tuple(
    f"keras.{name}."
    for name in ("callbacks", "optimizers", "losses", "metrics", "regularizers", "initializers", "constraints",
                 "quantizers")
)
# Keras's class of Python batch sources (Sequence is its Keras 2 name, an alias).
PY_DATASET_CLASSES = frozenset({"keras.utils.PyDataset", "keras.utils.Sequence"})
# Bases a plain Python class may have besides other plain classes (they add no behaviour an
# instance's attributes depend on).
_PLAIN_BASES = frozenset({"object", "abc.ABC", "typing.Generic", "typing.Protocol"})


@dataclass(eq=False)
class UserClass:
    node: cst.ClassDef
    is_keras_subclass: bool
    bases: tuple[Any, ...] = ()
    record: bool = False  # a dataclass or NamedTuple: instances are just their fields
    attributes: dict[str, Any] = field(default_factory=dict)  # constants of the class body
    fields: list[str] = field(default_factory=list)  # annotated names, in order

    def lookup(self, attr: str) -> Any:
        """A plain class attribute (a constant of the class body), UNKNOWN for anything else."""
        value = self.find(attr)
        if value is MISSING or isinstance(value, (UserFunction, PropertyFunction, StaticMethod, ClassMethod)):
            return UNKNOWN
        return value

    def find(self, attr: str) -> Any:
        """The attribute as the class body defines it (a constant, a function, a property…),
        following user bases in order; MISSING if none does."""
        if attr in self.attributes:
            return self.attributes[attr]
        for base in self.bases:
            if isinstance(base, UserClass):
                found = base.find(attr)
                if found is not MISSING:
                    return found
        return MISSING

    @property
    def is_plain(self) -> bool:
        """A class of plain Python objects (a config, a builder): its instances are modelled
        attribute by attribute, its ``__init__`` and methods run as functions."""
        for base in self.bases:
            if isinstance(base, UserClass):
                if not (base.is_plain or base.record):
                    return False
            elif not (isinstance(base, Builtin) and base.name in _PLAIN_BASES
                      or isinstance(base, ModuleRef) and base.name in _PLAIN_BASES):
                return False
        return True

    def method(self, name: str) -> "tuple[UserFunction, UserClass] | None":
        """The user-defined method ``name`` and the class defining it, following user bases."""
        value = self.attributes.get(name)
        if isinstance(value, UserFunction):
            return value, self
        for base in self.bases:
            if isinstance(base, UserClass):
                found = base.method(name)
                if found is not None:
                    return found
        return None

    def next_base(self) -> Any:
        """The first base class (what ``super()`` reaches first)."""
        return self.bases[0] if self.bases else None

    def instantiate(self, args: list[Any], kwargs: dict[str, Any], call: Any = None) -> Any:
        """A dataclass or NamedTuple instance: fields from arguments, then defaults
        (``call`` runs a ``default_factory``)."""
        values: dict[str, Any] = {}
        args = list(args)
        for name in self.fields:
            if args:
                values[name] = args.pop(0)
            elif name in kwargs:
                values[name] = kwargs.pop(name)
            elif isinstance(self.attributes.get(name), DataclassField):
                declared = self.attributes[name]
                if declared.factory is not None:
                    values[name] = call(declared.factory) if call is not None else UNKNOWN
                elif declared.default is not NO_DEFAULT:
                    values[name] = declared.default
                else:
                    return UNKNOWN
            elif name in self.attributes:
                values[name] = self.attributes[name]
            else:
                return UNKNOWN
        if args or kwargs:
            return UNKNOWN
        return UserInstance(self, values)

    @property
    def is_keras_layer(self) -> bool:
        """Subclasses a Keras layer class (``keras.Model`` included: a model is a layer)."""
        for base in self.bases:
            if isinstance(base, KerasSymbol) and base.name in keras_api.CLASSES:
                return True
            if isinstance(base, UserClass) and base.is_keras_layer:
                return True
        return False

    @property
    def inert_keras_base(self) -> bool:
        """Derives from a Keras class that is no layer (a callback, a learning-rate schedule, a
        metric, a loss, a constraint…), and from plain classes otherwise: its instances are
        followed as a plain class's, and it takes at most a name of its own class's prefix."""
        found = False
        for base in self.bases:
            if isinstance(base, ModuleRef) and base.name.startswith(_INERT_KERAS_BASES):
                found = True
            elif isinstance(base, UserClass):
                if base.inert_keras_base:
                    found = True
                elif not (base.is_plain or base.record):
                    return False
            elif not (isinstance(base, Builtin) and base.name in _PLAIN_BASES):
                return False
        return found

    @property
    def is_py_dataset(self) -> bool:
        """Derives from ``keras.utils.PyDataset`` (``keras.utils.Sequence``), through plain classes
        otherwise: a source of batches ``fit`` takes, its instances followed as a plain class's
        (it takes no name: a PyDataset is no layer)."""
        found = False
        for base in self.bases:
            if isinstance(base, ModuleRef) and base.name in PY_DATASET_CLASSES:
                found = True
            elif isinstance(base, UserClass):
                if base.is_py_dataset:
                    found = True
                elif not (base.is_plain or base.record):
                    return False
            elif not (isinstance(base, Builtin) and base.name in _PLAIN_BASES):
                return False
        return found

    @property
    def keras_base(self) -> "KerasSymbol | None":
        """The Keras class it derives from (through the analysed code's classes), if any."""
        for base in self.bases:
            if isinstance(base, KerasSymbol) and base.name in keras_api.CLASSES:
                return base
            if isinstance(base, UserClass):
                found = base.keras_base
                if found is not None:
                    return found
        return None

    @property
    def is_keras_model(self) -> bool:
        """Subclasses ``keras.Model`` itself (not Sequential or Functional)."""
        for base in self.bases:
            if isinstance(base, KerasSymbol) and base.name == "Model":
                return True
            if isinstance(base, UserClass) and base.is_keras_model:
                return True
        return False


@dataclass(eq=False)
class UserInstance:
    """An instance of a user's plain class, dataclass or NamedTuple: its attributes."""

    cls: UserClass
    attributes: dict[str, Any]
    # The module-level name the analysed file binds it to (its models are reported as
    # ``gan.generator``).
    bound_as: str | None = None


@dataclass(eq=False)
class SuperProxy:
    """``super()`` inside a method of ``cls`` called on ``obj``."""

    cls: UserClass
    obj: Any


@dataclass(eq=False)
class InstanceState:
    """The Python side of a user layer object: its class and its attributes."""

    cls: UserClass
    attributes: dict[str, Any] = field(default_factory=dict)
    weights_known: bool = True
    user_built: bool = False
    # A Model subclass whose __init__ passed inputs and outputs to super().__init__():
    # Keras made the instance a Functional, this one.
    functional: Any = None


@dataclass(frozen=True)
class WeightValue:
    """What ``self.add_weight(...)`` returns: a variable, opaque to shape arithmetic."""

    shape: Any


@dataclass(eq=False)
class BoundMethod:
    receiver: Any
    name: str


@dataclass(frozen=True)
class Builtin:
    name: str


class InertObject:
    """The unknown result of code that cannot build Keras objects (``open()``, ``np.…``).

    Using its attributes or calling it stays inert; anywhere a value is needed
    it is simply unknown (see :func:`known_or_unknown`).
    """

    def __repr__(self) -> str:
        return "<inert>"


INERT = InertObject()


class ModelConfig(InertObject):
    """What ``model.get_config()`` returns: a dict to the program (inert), the model it was read
    from to ``Sequential.from_config`` given it at once (kerascheck.engine.cloning)."""

    __slots__ = ("model",)

    def __init__(self, model: Any) -> None:
        self.model = model


class ArrayValue(InertObject):
    """A concrete array of a known rank (``np.zeros((2, 7))``, ``keras.ops.ones((2, 7))``,
    ``x_train`` of ``mnist.load_data()``): inert like any data, except that its ``shape`` (a
    tuple whose dimensions may be UNKNOWN), its dtype and the call that made that shape (an
    :class:`~kerascheck.engine.data.ArraySpec`) are known, and a layer called on it is built
    for that shape."""

    __slots__ = ("spec", "largest", "objects")

    def __init__(self, shape: tuple, dtype: Any = UNKNOWN, origin: DataOrigin | None = None,
                 largest: Any = UNKNOWN, objects: list | None = None) -> None:
        self.spec = ArraySpec(tuple(shape), dtype, origin)
        # Its largest value, where known (a data set's labels, one-hot rows): what
        # ``to_categorical`` counts classes by. Operations that keep every value keep it.
        self.largest = largest
        # An array of Python objects made of known lists (``np.array(rows, dtype=object)`` of
        # ragged rows): its objects, as nested lists of its shape; indexing and iterating it
        # give them. None where they are not known.
        self.objects = objects

    @property
    def shape(self) -> tuple:
        return self.spec.shape

    @property
    def dtype(self) -> Any:
        return self.spec.dtype

    @property
    def origin(self) -> DataOrigin | None:
        return self.spec.origin

    def __repr__(self) -> str:
        return f"<array {self.spec.describe()}>"


class PythonNumber(ArrayValue):
    """A Python ``int``, ``float`` or ``bool`` whose value is not known (``random.random()``, an item
    of ``random.sample(...)``): to NumPy a scalar of its dtype (``np.array`` of a list of them has
    the list's shape), to Keras a Python number (``fit`` refuses lists of them: KC407)."""

    __slots__ = ("type_name",)

    _DTYPES = {"int": "int64", "float": "float64", "bool": "bool"}

    def __init__(self, type_name: str) -> None:
        super().__init__((), self._DTYPES[type_name])
        self.type_name = type_name

    def __repr__(self) -> str:
        return f"<{self.type_name}>"


class DatasetValue(InertObject):
    """A ``tf.data.Dataset`` (or what ``image_dataset_from_directory`` and the like return):
    inert data whose ``element`` is known, the structure one iteration yields (an
    :class:`ArrayValue` per tensor, in tuples or dicts; UNKNOWN where not known). A batched
    dataset's arrays have a first dimension of None."""

    __slots__ = ("element", "origin")

    def __init__(self, element: Any, origin: DataOrigin | None = None) -> None:
        self.element = element
        self.origin = origin

    def __repr__(self) -> str:
        return f"<dataset {self.element!r}>"


class PyDatasetValue(DatasetValue):
    """A ``keras.utils.PyDataset`` of known batches: the iterators of ``ImageDataGenerator``
    (``frontend/image_generators.py``), which ``fit`` takes as it takes a dataset (no ``y``, no
    ``validation_split``) but which have none of a dataset's methods."""

    __slots__ = ()


class TensorSpecValue(InertObject):
    """A ``tf.TensorSpec(shape, dtype)``: the shape (None where the data decides) and dtype of the
    tensors a ``Dataset.from_generator`` declares its generator yields."""

    __slots__ = ("shape", "dtype")

    def __init__(self, shape: tuple, dtype: Any) -> None:
        self.shape = shape
        self.dtype = dtype

    def __repr__(self) -> str:
        return f"<TensorSpec {self.shape} {self.dtype}>"


class ImageGenerator(InertObject):
    """A ``keras.preprocessing.image.ImageDataGenerator``, with the arguments it was made with
    (``frontend/image_generators.py``)."""

    __slots__ = ("kwargs",)

    def __init__(self, kwargs: dict[str, Any]) -> None:
        self.kwargs = kwargs

    def __repr__(self) -> str:
        return "<ImageDataGenerator>"


class SklearnObject(InertObject):
    """An object of scikit-learn kerascheck follows (``frontend/sklearn_data.py``): a scaler, the
    label encoder, a cross-validation splitter (``kind``, its class name, with the arguments it
    was made with), or a toy dataset's Bunch (``kind`` "Bunch", its fields in ``kwargs``)."""

    __slots__ = ("kind", "kwargs", "args")

    def __init__(self, kind: str, kwargs: dict[str, Any], args: tuple) -> None:
        self.kind = kind
        self.kwargs = kwargs
        self.args = args

    def __repr__(self) -> str:
        return f"<sklearn {self.kind}>"


class GeneratorValue(InertObject):
    """What calling a generator function returns: inert data (its body runs as it is iterated),
    with the function and the arguments it was called with, so that the first element ``fit``
    takes from it can be computed (:meth:`DataFlow.generated_data`) while it has not
    ``started``: it is marked so wherever it may have been advanced (iterated, given to a call,
    a method of it read, in code that may or may not run)."""

    __slots__ = ("function", "args", "kwargs", "started")

    def __init__(self, function: Any, args: tuple, kwargs: dict[str, Any]) -> None:
        self.function = function
        self.args = args
        self.kwargs = kwargs
        self.started = False

    def __repr__(self) -> str:
        return "<generator>"


class TableValue(InertObject):
    """A pandas DataFrame (``rank`` 2) or Series (``rank`` 1) read from data: inert, its numbers of
    rows and columns unknown, its rank known (an array of it has that rank).  ``unique_columns``:
    ``frame["name"]`` is one column (a Series), as it is where pandas made the column names unique
    (``read_csv`` renames duplicates)."""

    __slots__ = ("rank", "origin", "unique_columns", "boolean")

    def __init__(self, rank: int, origin: DataOrigin | None = None, unique_columns: bool = False,
                 boolean: bool = False) -> None:
        self.rank = rank
        self.origin = origin
        self.unique_columns = unique_columns
        # Made by a comparison (``df["y"] != -1``, ``s.isin(...)``, ``~mask``): a mask, which
        # ``frame[mask]`` selects rows by.
        self.boolean = boolean

    def __repr__(self) -> str:
        return ("<DataFrame>" if self.rank == 2 else "<Series>") if not self.boolean else (
            "<bool DataFrame>" if self.rank == 2 else "<bool Series>")


class TableIndexer(InertObject):
    """``df.iloc`` or ``df.loc`` (``kind``): indexing it selects rows and columns by position or
    by label (``frontend/pandas_data.py``)."""

    __slots__ = ("table", "kind")

    def __init__(self, table: TableValue, kind: str) -> None:
        self.table = table
        self.kind = kind

    def __repr__(self) -> str:
        return f"<{self.kind} indexer>"


class BoundedRankArray(InertObject):
    """An array whose rank is not known but is at most ``max_rank``: what ``np.loadtxt`` reads
    (a table is two-dimensional, one row or one column one-dimensional). Indexing it with
    ``max_rank`` indices proves the rank (NumPy raises on fewer axes)."""

    __slots__ = ("max_rank", "dtype", "origin")

    def __init__(self, max_rank: int, dtype: Any, origin: DataOrigin | None) -> None:
        self.max_rank = max_rank
        self.dtype = dtype
        self.origin = origin

    def __repr__(self) -> str:
        return f"<array of rank at most {self.max_rank}>"


class FileData(InertObject):
    """An array read from a file (``np.load``) whose shape is not known: inert, but each read an
    object of its own, so that the model whose input was declared by its shape is known when it
    meets it (``frontend/data_flow.py``)."""

    __slots__ = ("origin",)

    def __init__(self, origin: DataOrigin | None = None) -> None:
        self.origin = origin


class ItemsArray(FileData):
    """``np.array(items)`` of a list of any number of items like one array (:class:`ItemsLike`):
    with n items, ``view``, the array ``(n, *item shape)``; with none, NumPy's ``(0,)``. So its
    rank is not known to the program, as a file's array's is (it reads ``x.shape`` as unknown);
    where it meets a model, its view is what Keras sees, as Keras raises on empty data anyway.
    What is certain only of a non-empty array (``x[0]``, a ``train_test_split`` part) is the
    view's own; what keeps the count (``x / 255.0``, ``expand_dims``) is another such array."""

    __slots__ = ("view",)

    def __init__(self, view: ArrayValue) -> None:
        super().__init__(view.origin)
        self.view = view


def items_array(view: Any) -> Any:
    """An :class:`ItemsArray` of ``view`` (where the operation on the view gave an array), else
    a :class:`FileData`."""
    return ItemsArray(view) if type(view) is ArrayValue and view.shape else FileData(getattr(view, "origin", None))


class DimOf(InertObject):
    """``x.shape[axis]`` where that size is not known: data, and which array's axis it is."""

    __slots__ = ("data", "axis")

    def __init__(self, data: Any, axis: int) -> None:
        self.data = data
        self.axis = axis


class ShapeOf(InertObject):
    """``x.shape`` of an array of a rank not known (:class:`FileData`): data, and whose shape it is."""

    __slots__ = ("data",)

    def __init__(self, data: Any) -> None:
        self.data = data


def whole_shape_of(shape: Any) -> Any:
    """The array whose whole shape ``shape`` is (``x.shape``, its sample axis included), where
    some size of it is not known; None otherwise (``x.shape[1:]``, a shape written out)."""
    if isinstance(shape, ShapeOf):
        return shape.data
    if not isinstance(shape, tuple) or not shape or not isinstance(shape[0], DimOf) or shape[0].axis != 0:
        return None
    data = shape[0].data
    if not isinstance(data, ArrayValue) or len(data.shape) != len(shape):
        return None
    for axis, (dim, own) in enumerate(zip(shape, data.shape)):
        if isinstance(dim, DimOf) and (dim.data is not data or dim.axis != axis) or \
                not isinstance(dim, DimOf) and (type(dim) is not int or type(own) is not int or dim != own):
            return None
    return data


class PilImage(InertObject):
    """A PIL (Pillow) image: its ``mode`` ("L", "RGB"…) and ``size`` (width, height), each where
    known (UNKNOWN otherwise), and where its pixels came from (``frontend/image_libraries.py``)."""

    __slots__ = ("mode", "size", "origin")

    def __init__(self, mode: Any, size: tuple, origin: DataOrigin | None = None) -> None:
        self.mode = mode
        self.size = size
        self.origin = origin

    def __repr__(self) -> str:
        return f"<PIL image {self.mode} {self.size}>"


class TextTokenizer(InertObject):
    """Keras 2's ``keras.preprocessing.text.Tokenizer`` (still in ``tf.keras``), with its
    ``num_words`` (``frontend/text_data.py``)."""

    __slots__ = ("num_words",)

    def __init__(self, num_words: Any) -> None:
        self.num_words = num_words

    def __repr__(self) -> str:
        return "<Tokenizer>"


class IdSequence(InertObject):
    """A Python list of word ids whose length and values are not known (one text's sequence,
    from ``Tokenizer.texts_to_sequences``): to ``pad_sequences``, one sample of ids."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "<ids>"


class RandomGenerator(InertObject):
    """NumPy's ``np.random.default_rng(seed)`` (a ``Generator``), or ``np.random.RandomState(seed)``
    (``legacy``, whose methods are the ``np.random`` functions): its draws are arrays of the
    sizes asked for (``frontend/numpy_data.py``)."""

    __slots__ = ("legacy",)

    def __init__(self, legacy: bool) -> None:
        self.legacy = legacy

    def __repr__(self) -> str:
        return "<RandomState>" if self.legacy else "<Generator>"


class DataMethod(InertObject):
    """A method of an array or a dataset (``x.reshape``, ``ds.batch``): calling it computes the
    result's shape where that is modelled, and is any data method's call otherwise."""

    __slots__ = ("receiver", "name")

    def __init__(self, receiver: Any, name: str) -> None:
        self.receiver = receiver
        self.name = name


class SeedGeneratorValue(InertObject):
    """A ``keras.random.SeedGenerator``: what makes a random draw in a traced call seeded. Only
    ``keras.random``'s functions see it; to any other Keras call it is unknown."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "<SeedGenerator>"


class GeneratedItems(list):
    """The items of a generator expression (``(f(x) for x in xs)``), known one by one: what the
    builtins that consume it (``sum``, ``tuple``, ``list``…) see, kept as a list; but a generator,
    not a list, to what takes it as a source of data (``fit``)."""

    __slots__ = ()


class _UnknownItems:
    """The one item of a list (the one key of a dict) whose contents are not known: code that
    may or may not have run, or a call kerascheck does not follow, may have changed it."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "<unknown items>"

    def __hash__(self) -> int:
        return 0x3F3F

    def __eq__(self, other: Any) -> bool:
        raise Unresolved("the items of a list or dict that may have changed")

    __ne__ = __eq__  # type: ignore[assignment]


UNKNOWN_ITEMS = _UnknownItems()


class ItemsLike(_UnknownItems):
    """The last item of a list made by a loop that runs a number of times not known
    (``images.append(cv2.resize(img, (64, 64)))`` in a loop over a folder, ``[f(d) for d in data]``
    over data): any number of items, none included, each like ``like`` (what every round's item
    shares, :func:`join`). Its contents are not known (:func:`contents_unknown`); what reads a
    list's items whatever their number (``np.array``, what ``fit`` takes) reads ``like``."""

    __slots__ = ("like",)

    def __init__(self, like: Any) -> None:
        self.like = like

    def __repr__(self) -> str:
        return f"<any number of items like {self.like!r}>"


def items_like(container: Any) -> Any:
    """What each item of a list of any number of items like one is (:class:`ItemsLike`, none
    before it), else None."""
    if type(container) is list and len(container) == 1 and isinstance(container[0], ItemsLike):
        return container[0].like
    return None


def forgotten(items: list) -> bool:
    """Whether ``items`` hold one whose contents were forgotten (not a summary of them)."""
    return any(isinstance(item, _UnknownItems) and not isinstance(item, ItemsLike) for item in items)


def fully_forgotten(container: Any) -> bool:
    """A list, dict or set whose contents are wholly forgotten: nothing a change could make
    less known (a summarised list, :class:`ItemsLike`, is not)."""
    return forgotten(container) if isinstance(container, list) else contents_unknown(container)


def summarised(values: Sequence[Any]) -> list:
    """The list of any number of items each like one of ``values`` (the items a loop's rounds
    add, themselves summaries where a loop inside made them): ``[ItemsLike(join)]``."""
    flat: list[Any] = []
    for value in values:
        flat.append(value.like if isinstance(value, ItemsLike) else value)
    return [ItemsLike(join(flat) if flat else UNKNOWN)]


# The containers a program changes in place (every alias of one sees the change).
MUTABLE_CONTAINERS = (list, dict, set)


def forget_contents(container: Any) -> None:
    """Make a list, dict or set's contents unknown in place (every alias of it sees that)."""
    if isinstance(container, list):
        container[:] = [UNKNOWN_ITEMS]
    elif isinstance(container, dict):
        container.clear()
        dict.__setitem__(container, UNKNOWN_ITEMS, UNKNOWN)
    elif isinstance(container, set):
        container.clear()
        container.add(UNKNOWN_ITEMS)


def contents_unknown(container: Any) -> bool:
    """A list, dict or set whose contents were forgotten (see :func:`forget_contents`)."""
    if isinstance(container, list):
        return any(isinstance(item, _UnknownItems) for item in container)
    if isinstance(container, dict):
        return any(key is UNKNOWN_ITEMS for key in container)
    if isinstance(container, set):
        return UNKNOWN_ITEMS in container
    return False


# Exact types known_or_unknown returns as they are (neither inert nor containers), checked
# first: most arguments are numbers, strings and tensors.
_PASSED_THROUGH = frozenset({int, float, str, bool, type(None), KerasTensor})


def known_or_unknown(value: Any) -> Any:
    """What the engine may see: inert objects become UNKNOWN, containers are copied through
    (UNKNOWN when one holds more than :data:`MAX_VALUE_COST` items, nested ones counted each
    time they appear)."""
    if type(value) in _PASSED_THROUGH:
        return value
    if isinstance(value, (tuple, list, dict)) and cost(value) > MAX_VALUE_COST:
        return UNKNOWN
    return _known_or_unknown(value)


def _known_or_unknown(value: Any) -> Any:
    if type(value) in _PASSED_THROUGH:
        return value
    if isinstance(value, PythonNumber):
        return UNKNOWN  # a Python number of unknown value (a layer's units drawn by random.choice)
    if isinstance(value, ArrayValue):
        return ArrayData(value.shape)  # data of a known shape: a constant operand, or what a model is built on
    if isinstance(value, InertObject):
        return getattr(value, "engine_value", UNKNOWN)  # a loss object: its LossSpec
    if isinstance(value, tuple):
        return tuple(_known_or_unknown(v) for v in value)
    if contents_unknown(value):
        return UNKNOWN
    if isinstance(value, list) and any(isinstance(v, (InertObject, list, tuple, dict)) for v in value):
        return [_known_or_unknown(v) for v in value]
    if isinstance(value, dict):
        return {k: _known_or_unknown(v) for k, v in value.items()}
    return value


# Every Python builtin is a Builtin value: the ones below are evaluated, the rest
# give UNKNOWN; the dynamic ones may do anything, including building layers.
EVALUATED_BUILTINS = frozenset(
    {"int", "float", "str", "bool", "len", "max", "min", "abs", "round", "tuple", "list", "sum", "range",
     "dict", "sorted", "reversed", "enumerate", "zip", "set", "frozenset"}
)
DYNAMIC_BUILTINS = frozenset({"exec", "eval", "__import__", "compile", "globals", "vars"})
# Builtins on objects' attributes, followed where the object and the attribute's name are known.
ATTRIBUTE_BUILTINS = frozenset({"getattr", "setattr", "hasattr", "delattr"})
BUILTINS = {name: Builtin(name) for name in dir(builtins) if not name.startswith("_") or name == "__import__"}




def number_type(value: Any) -> str | None:
    """``int`` / ``float`` / ``bool`` for a Python number, known or drawn; None otherwise."""
    if isinstance(value, PythonNumber):
        return value.type_name
    if type(value) in (int, float, bool):
        return type(value).__name__
    return None


def join(values: Sequence[Any], depth: int = 0) -> Any:
    """What one of ``values`` is, not knowing which (an item of a shuffled list): what they all
    share. Equal plain values stay; numbers of one type, known or drawn, are a drawn number of that
    type; lists (tuples) of one length are joined item by item; arrays of one rank keep the
    dimensions and dtype they agree on. Otherwise data, where they all are, else not known."""
    first = values[0]
    if all(v is first for v in values) or type(first) in (int, float, bool, str) and \
            all(type(v) is type(first) and v == first for v in values):
        return first
    types = {number_type(v) for v in values}
    if len(types) == 1 and None not in types:
        return PythonNumber(types.pop())  # type: ignore[arg-type]
    if depth < 8 and type(first) in (list, tuple) and all(type(v) is type(first) and len(v) == len(first)
                                                          and not contents_unknown(v) for v in values):
        joined = [join([v[i] for v in values], depth + 1) for i in range(len(first))]
        return joined if type(first) is list else tuple(joined)
    if all(type(v) is ArrayValue for v in values) and len({len(v.shape) for v in values}) == 1:
        dims = tuple(_one_of(axis) for axis in zip(*(v.shape for v in values)))
        return ArrayValue(dims, _one_of([v.dtype for v in values], str), first.origin)
    return INERT if all(is_data(v) for v in values) else UNKNOWN


def _one_of(values: Sequence[Any], kind: type = int) -> Any:
    """The one value all ``values`` (dimensions, dtypes) are, else UNKNOWN."""
    if all(type(v) is kind for v in values) and len(set(values)) == 1:
        return values[0]
    return UNKNOWN


def permuted(items: list[Any]) -> None:
    """``items`` put in an order that is not known (``random.shuffle(items)``, sorted by a key not
    followed): the list keeps its length, each place now any one of them (:func:`join`), a
    value of its own."""
    if not items or contents_unknown(items):
        return
    if cost(items) > MAX_VALUE_COST:
        forget_contents(items)
        return
    joined = join(items)  # once: its lists copied for each place (linear, not a join per place)
    items[:] = [joined, *(_copied(joined) for _ in items[1:])]


def _copied(value: Any) -> Any:
    """``value`` with the lists and tuples in it copied: a place of a permuted list is an object
    of its own."""
    if type(value) is list:
        return [_copied(v) for v in value]
    if type(value) is tuple:
        return tuple(_copied(v) for v in value)
    return value


def iteration_items(value: Any) -> list[Any] | None:
    """The items a ``for`` over ``value`` visits, when they are known and few enough."""
    if isinstance(value, GeneratorValue):
        value.started = True  # iterated: advanced
        return None
    if contents_unknown(value):
        return None
    if isinstance(value, (set, frozenset)):
        # In the order the set keeps them, the process's: each item one of them, not known which.
        return [INERT] * len(value) if is_plain(value) and len(value) <= MAX_UNROLL else None
    if isinstance(value, dict):
        value = list(value)
    if isinstance(value, (list, tuple, str)) and len(value) <= MAX_UNROLL:
        return list(value)
    if isinstance(value, ArrayValue) and value.shape and type(value.shape[0]) is int and value.shape[0] <= MAX_UNROLL:
        # An array's rows (a 1-D array's numbers: arrays of no axis), as many as its first axis;
        # a 1-D array of Python objects gives the objects (where they are known).
        if value.objects is not None:
            if len(value.shape) == 1:
                return list(value.objects)
            return [ArrayValue(value.shape[1:], "object", value.origin, objects=row) for row in value.objects]
        objects = isinstance(value.dtype, str) and value.dtype == "object" and len(value.shape) == 1
        row = INERT if objects else ArrayValue(value.shape[1:], value.dtype, value.origin)
        return [row] * value.shape[0]
    return None


def an_item(iterable: Any) -> Any:
    """What one round of a ``for`` over ``iterable`` (of items not known) is given: a row of an
    array of a known rank, an item like those of a summarised list (:class:`ItemsLike`), data of
    data, else not known."""
    like = items_like(iterable)
    if like is not None:
        return _copied(like)
    if isinstance(iterable, ItemsArray):
        iterable = iterable.view  # (a round: an item)
    if isinstance(iterable, ArrayValue) and not isinstance(iterable, PythonNumber) and iterable.shape:
        objects = isinstance(iterable.dtype, str) and iterable.dtype == "object" and len(iterable.shape) == 1
        return INERT if objects else ArrayValue(iterable.shape[1:], iterable.dtype, iterable.origin)
    return INERT if is_data(iterable) else UNKNOWN


def is_plain(value: Any) -> bool:
    """A fully known Python value (no unknowns, no Keras objects) that Python's own operations
    (``==``, ``sorted``, ``str``, hashing…) can afford to work on: at most
    :data:`MAX_VALUE_COST` items and characters (:func:`cost`; ``t = (t, t)`` forty times
    holds a trillion)."""
    if value is None or isinstance(value, (bool, int, float, str)):
        return True
    if not isinstance(value, (tuple, list, dict, set, frozenset)):
        return False
    return _cost(value, MAX_VALUE_COST, plain_only=True) <= MAX_VALUE_COST


# The most items and characters one evaluated value may hold, nested containers counted
# each time they appear: what Python's ``str``, ``==`` or ``sorted`` visit. Beyond, the
# value is unknown. Integers are bounded by their bits (a multiplication of two 65,536-bit
# integers takes microseconds; forty squarings of 10**60 would take terabytes).
MAX_VALUE_COST = 100_000
MAX_INT_BITS = 1 << 16
MAX_ROUND_DIGITS = 10_000  # round(x, -n) computes 10**n


def cost(value: Any, limit: int = MAX_VALUE_COST) -> int:
    """The items of ``value``, nested containers counted each time they appear (a number or a
    string in a container is one of its items; a long string counts a unit per 64
    characters more); counting stops past ``limit``."""
    return _cost(value, limit, plain_only=False)


def _cost(value: Any, limit: int, plain_only: bool) -> int:
    """:func:`cost`; with ``plain_only``, past ``limit`` also at the first item that is not
    plain (UNKNOWN, a Keras object…)."""
    total = 0
    stack = [value]
    while stack and total <= limit:
        item = stack.pop()
        if isinstance(item, (tuple, list, set, frozenset)):
            total += len(item) or 1
            if total <= limit:
                stack.extend(item)
        elif isinstance(item, str):
            total += len(item) >> 6  # compared and copied a machine word at a time
        elif isinstance(item, dict):
            total += len(item) or 1
            if total <= limit:
                stack.extend(item.keys())
                stack.extend(item.values())
        elif plain_only and not (item is None or isinstance(item, (bool, int, float))):
            return limit + 1
    budget.spend(min(total, limit) // 16)  # a pass in Python: about 16 items for one statement's time
    return total


def sized(value: Any) -> Any:
    """``value`` when a string, list or tuple of at most :data:`MAX_SEQUENCE` items (counted
    against the file's budget, :mod:`kerascheck.budget`), else UNKNOWN."""
    if isinstance(value, (str, list, tuple, set, frozenset)):
        if len(value) > MAX_SEQUENCE:
            return UNKNOWN
        budget.allocate(len(value))
    return value


def text(value: Any) -> Any:
    """``str(value)`` of a scalar, UNKNOWN where Python refuses (an integer of more than 4,300
    digits) or where it is not a scalar."""
    if not isinstance(value, (str, int, float, bool)) or value is UNKNOWN:
        return UNKNOWN
    try:
        return str(value)
    except ValueError:
        return UNKNOWN


def concatenation(parts: list[str]) -> Any:
    """``"".join(parts)``, or UNKNOWN when it would be longer than :data:`MAX_SEQUENCE`."""
    if sum(len(p) for p in parts) > MAX_SEQUENCE:
        return UNKNOWN
    return sized("".join(parts))




BINARY_OPERATORS: dict[type, Callable[[Any, Any], Any]] = {
    cst.Add: lambda a, b: a + b,
    cst.Subtract: lambda a, b: a - b,
    cst.Multiply: lambda a, b: a * b,
    cst.Divide: lambda a, b: a / b,
    cst.FloorDivide: lambda a, b: a // b,
    cst.Modulo: lambda a, b: a % b,
    cst.Power: lambda a, b: a**b,
}
# Python's operators on sets (on numbers, bitwise: not modelled).
SET_OPERATORS: dict[type, Callable[[Any, Any], Any]] = {
    cst.BitOr: lambda a, b: a | b,
    cst.BitAnd: lambda a, b: a & b,
    cst.Subtract: lambda a, b: a - b,
    cst.BitXor: lambda a, b: a ^ b,
}
# ``x += y`` is ``x + y`` (for a list: extended in place).
AUGMENTED_OPERATORS: dict[type, type] = {
    cst.AddAssign: cst.Add, cst.SubtractAssign: cst.Subtract, cst.MultiplyAssign: cst.Multiply,
    cst.DivideAssign: cst.Divide, cst.FloorDivideAssign: cst.FloorDivide, cst.ModuloAssign: cst.Modulo,
    cst.PowerAssign: cst.Power, cst.MatrixMultiplyAssign: cst.MatrixMultiply,
    cst.BitOrAssign: cst.BitOr, cst.BitAndAssign: cst.BitAnd, cst.BitXorAssign: cst.BitXor,
}
MAX_SEQUENCE = 100_000


class TensorShape(tuple):
    """``tf.shape(x)`` in a traced ``call()``: to TensorFlow a 1-D int32 tensor, here its
    dimensions (an index gives one, a slice a TensorShape). TensorFlow computes arithmetic on it
    elementwise, where Python's tuple repeats or joins, and its static shape inference loses
    the values there (``tf.reshape(x, tf.shape(x) * 1)`` is ``(None, None, None)``): unknown."""

    def __getitem__(self, index: Any) -> Any:
        item = tuple.__getitem__(self, index)
        return TensorShape(item) if isinstance(index, slice) else item


def set_binary(operator: type, left: Any, right: Any) -> Any:
    """``left | right`` (``&``, ``-``, ``^``) of two sets of plain items."""
    if not (is_plain(left) and is_plain(right)) or len(left) + len(right) > MAX_SEQUENCE:
        return UNKNOWN
    try:
        return sized(SET_OPERATORS[operator](left, right))
    except TypeError:
        return UNKNOWN  # a set and a frozenset mix, a set with a list: Python decides or raises


def binary(op: Callable[[Any, Any], Any] | None, left: Any, right: Any) -> Any:
    if op is None or isinstance(left, TensorShape) or isinstance(right, TensorShape):
        return UNKNOWN
    numeric = (int, float)
    if isinstance(left, numeric) and isinstance(right, numeric):
        if isinstance(left, int) and isinstance(right, int) and not _affordable_integers(op, left, right):
            return INERT  # an integer of more than MAX_INT_BITS bits: data, never computed
        try:
            if op is BINARY_OPERATORS[cst.Power] and abs(right) > 64:
                return UNKNOWN  # keep the analysis bounded
            return op(left, right)
        except (ZeroDivisionError, OverflowError, ValueError):
            return UNKNOWN
    if isinstance(left, (str, tuple, list)) and isinstance(right, type(left)) and op is BINARY_OPERATORS[cst.Add]:
        if len(left) + len(right) > MAX_SEQUENCE:
            return UNKNOWN
        return sized(left + right)
    if op is BINARY_OPERATORS[cst.Add] and (
        type(left) is PartialShape and isinstance(right, (tuple, PartialShape))
        or type(right) is PartialShape and type(left) is tuple
    ):
        return left + right  # a shape of unknown rank (``x.shape[1:] + (1,)``)
    if op is BINARY_OPERATORS[cst.Multiply]:
        seq, n = (left, right) if isinstance(right, int) else (right, left)
        if isinstance(seq, (str, tuple, list)) and isinstance(n, int) and not isinstance(n, bool):
            if len(seq) * max(n, 0) <= MAX_SEQUENCE:
                return sized(seq * n)
        return UNKNOWN
    if op is BINARY_OPERATORS[cst.Modulo] and isinstance(left, str):
        return INERT if is_data(right) else UNKNOWN
    return INERT if is_data(left) and is_data(right) else UNKNOWN


def _affordable_integers(op: Callable[[Any, Any], Any], left: int, right: int) -> bool:
    """Whether ``left op right`` stays within :data:`MAX_INT_BITS` bits (checked before computing it)."""
    if op is BINARY_OPERATORS[cst.Multiply]:
        return left.bit_length() + right.bit_length() <= MAX_INT_BITS
    if op is BINARY_OPERATORS[cst.Power]:
        return right <= 0 or abs(left) <= 1 or left.bit_length() * right <= MAX_INT_BITS
    return max(left.bit_length(), right.bit_length()) < MAX_INT_BITS


def unary(op: type, value: Any) -> Any:
    if op is cst.Not:
        true = truth(value)
        return UNKNOWN if true is None else not true
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if op is cst.Minus:
            return -value
        if op is cst.Plus:
            return +value
        if op is cst.BitInvert and isinstance(value, int):
            return ~value
    return INERT if is_data(value) else UNKNOWN


def truth(value: Any) -> bool | None:
    """``bool(value)`` where it is known, else None: plain values and containers by their
    contents, and the objects whose classes leave truth to Python's default (a function, a
    class, a module, a Keras layer or model: true)."""
    if is_plain(value):
        return bool(value)
    if isinstance(value, (list, tuple, dict)):
        return None if contents_unknown(value) else bool(len(value))
    if isinstance(value, (UserFunction, UserClass, Builtin, KerasSymbol, ModuleRef, LocalModule, Partial, BoundMethod)):
        return True
    if isinstance(value, Layer):
        return True  # keras.Layer, Model and Sequential define neither __bool__ nor __len__
    if isinstance(value, UserInstance):
        cls = value.cls
        return None if cls.find("__bool__") is not MISSING or cls.find("__len__") is not MISSING else True
    return None  # unknown, data, a tensor (whose truth Keras refuses)


def is_data(value: Any) -> bool:
    """A plain value, or what a library that creates no Keras object returned (arrays, frames,
    file contents…), or a container of them: whatever is computed from it is data too, never a
    Keras tensor or layer."""
    if value is None or type(value) in (bool, int, float, str) or isinstance(value, InertObject):
        return True
    if isinstance(value, (set, frozenset)):
        return not contents_unknown(value)  # (its items are hashable: plain values)
    if not isinstance(value, (tuple, list, dict)):
        return False
    # Iterative, and bounded as is_plain: a structure that shares itself is not a trillion visits.
    left = MAX_VALUE_COST
    stack = [value]
    while stack:
        item = stack.pop()
        if item is None or type(item) in (bool, int, float, str) or isinstance(item, InertObject):
            continue
        if not isinstance(item, (tuple, list, dict)) or contents_unknown(item):
            return False
        left -= len(item) or 1
        if left < 0:
            return False
        stack.extend(item.values() if isinstance(item, dict) else item)
    return True


# str methods that only compute a value from the string and plain arguments, in time and
# space linear in the string (``replace`` is apart, its result's length checked first; not
# ``center``: a hostile file could ask for gigabytes).
PURE_STR_METHODS = frozenset(
    {"lower", "upper", "title", "capitalize", "casefold", "swapcase", "strip", "lstrip", "rstrip",
     "removeprefix", "removesuffix", "split", "rsplit", "startswith", "endswith", "count", "find",
     "rfind", "isdigit", "isalpha", "isalnum", "islower", "isupper", "isspace", "partition", "rpartition"}
)
LIST_METHODS = frozenset(
    {"append", "extend", "insert", "remove", "pop", "clear", "index", "count", "sort", "reverse", "copy"}
)
DICT_METHODS = frozenset({"get", "keys", "values", "items", "copy", "update", "setdefault", "pop", "popitem", "clear"})
# set methods; a frozenset has those that make a new set.
SET_METHODS = frozenset({"add", "update", "discard", "remove", "clear", "copy", "union", "intersection",
                         "difference", "symmetric_difference", "issubset", "issuperset", "isdisjoint",
                         "intersection_update", "difference_update", "symmetric_difference_update", "pop"})
PY_METHODS = LIST_METHODS | DICT_METHODS | PURE_STR_METHODS | SET_METHODS | {"format", "join", "replace"}


def call_py_method(receiver: Any, name: str, args: list[Any], kwargs: dict[str, Any]) -> Any:
    if contents_unknown(receiver):
        if isinstance(receiver, list) and not forgotten(receiver):  # a summary (ItemsLike)
            if name == "copy":
                return list(receiver)
            if name not in ("index", "count"):
                forget_contents(receiver)  # what it changed is not known
        return UNKNOWN  # and what it changes stays unknown (a list's items, a dict's entries)
    if isinstance(receiver, list):
        return _call_list_method(receiver, name, args, kwargs)
    if isinstance(receiver, dict):
        return _call_dict_method(receiver, name, args, kwargs)
    if isinstance(receiver, (set, frozenset)):
        return _call_set_method(receiver, name, args, kwargs)
    if isinstance(receiver, str):
        if name in PURE_STR_METHODS and all(is_plain(a) for a in args) and all(is_plain(v) for v in kwargs.values()):
            try:
                result = getattr(receiver, name)(*args, **kwargs)
            except (TypeError, ValueError):
                return UNKNOWN
            return result
        if name == "replace" and not kwargs and 2 <= len(args) <= 3 and all(type(a) is str for a in args[:2]):
            return _replaced(receiver, *args)
        if name == "join" and len(args) == 1 and isinstance(args[0], (list, tuple)):
            if all(isinstance(a, str) for a in args[0]):
                return concatenation(_joined(receiver, args[0]))
        if name == "format" and all(is_plain(a) for a in args) and all(is_plain(v) for v in kwargs.values()):
            if _HUGE_FORMAT_FIELD.search(receiver):
                return UNKNOWN  # a width or precision that would take gigabytes
            longest = max((cost(a) for a in (*args, *kwargs.values())), default=0)
            if len(receiver) + receiver.count("{") * longest * 4 > MAX_SEQUENCE:
                return UNKNOWN  # each field could repeat the longest argument's text
            try:
                return sized(receiver.format(*args, **kwargs))
            except (IndexError, KeyError, ValueError):
                return UNKNOWN
    return UNKNOWN


def _replaced(text: str, old: str, new: str, count: Any = -1) -> Any:
    """``text.replace(old, new, count)``, when its result is no longer than kerascheck follows."""
    if type(count) is not int:
        return UNKNOWN
    occurrences = text.count(old) if old else len(text) + 1
    if count >= 0:
        occurrences = min(occurrences, count)
    if len(text) + occurrences * (len(new) - len(old)) > MAX_SEQUENCE:
        return UNKNOWN
    return sized(text.replace(old, new, count))


def _call_set_method(receiver: set | frozenset, name: str, args: list[Any], kwargs: dict[str, Any]) -> Any:
    """A set method on plain arguments, as Python runs it; ``pop`` (which item depends on the
    order the set keeps its items in, that of the process) and a method given what is not known
    make the set's contents unknown."""
    changes = name in _SET_MUTATORS and isinstance(receiver, set)
    if name == "pop" and not args and receiver and is_plain(receiver):
        forget_contents(receiver)
        return INERT  # one of its items
    if name == "pop" or kwargs or not all(is_plain(a) for a in args) or \
            len(receiver) + sum(len(a) for a in args if isinstance(a, (list, tuple, set, frozenset, dict, str))) > MAX_SEQUENCE:
        if changes:
            forget_contents(receiver)
        return UNKNOWN
    try:
        result = getattr(receiver, name)(*args)
    except (AttributeError, KeyError, TypeError):
        return UNKNOWN  # Python raises (``remove`` of a missing item, an unhashable one): the program stops here
    return sized(result)


_SET_MUTATORS = frozenset({"add", "update", "discard", "remove", "clear", "intersection_update",
                           "difference_update", "symmetric_difference_update", "pop"})
# Builtins whose result does not depend on the order a set visits its items in: that order is
# the process's (strings hash differently in every one), so the others give what is not known
# of a set (``list(s)``: a list of its length whose items are not known).
SET_ORDER_FREE_BUILTINS = frozenset({"len", "sorted", "max", "min", "set", "frozenset", "bool", "any", "all"})


def set_of(items: Any, kind: type = set) -> Any:
    """A set (``kind``: set or frozenset) of ``items``, when they are plain; of data, data
    (``len(set(labels))``)."""
    if not is_plain(items):
        return INERT if is_data(items) else UNKNOWN
    try:
        return sized(kind(items))
    except TypeError:
        return UNKNOWN  # unhashable items: Python raises


def _make_set(name: str, args: list[Any]) -> Any:
    """``set(items)`` or ``frozenset(items)``."""
    kind = set if name == "set" else frozenset
    if not args:
        return kind()
    return set_of(args[0], kind) if len(args) == 1 else UNKNOWN


def _order_free(name: str, args: list[Any]) -> bool:
    """Whether builtin ``name`` gives the same on ``args`` whatever order a set among them visits its items in."""
    if name == "sum":  # integers add up the same in any order (floats do not)
        return len(args) == 1 and all(type(v) is int for v in args[0])
    return name in SET_ORDER_FREE_BUILTINS


def _builtin_of_set(name: str, args: list[Any]) -> Any:
    """A builtin that visits a set's items in order: ``list(s)`` and ``tuple(s)`` have the set's
    length, and items that are data not known."""
    if name in ("list", "tuple") and len(args) == 1 and is_plain(args[0]):
        items = [INERT] * len(args[0])
        return items if name == "list" else tuple(items)
    return INERT if all(is_data(a) for a in args) else UNKNOWN


def _call_list_method(receiver: list, name: str, args: list[Any], kwargs: dict[str, Any]) -> Any:
    """A list method; one whose effect is not computed here makes the list's contents unknown."""
    count = len(args)
    growth = len(args[-1]) if name == "extend" and args and isinstance(args[-1], (list, tuple, str)) else 1
    if name in ("append", "extend", "insert") and len(receiver) + growth > MAX_SEQUENCE:
        forget_contents(receiver)  # longer than kerascheck follows
        return UNKNOWN
    if not kwargs:
        if name == "append" and count == 1:
            budget.allocate(1)
            receiver.append(args[0])
            return None
        if name == "extend" and count == 1 and _is_sequence(args[0]):
            budget.allocate(growth)
            receiver.extend(args[0])
            return None
        if name == "insert" and count == 2 and type(args[0]) is int:
            budget.allocate(len(receiver))
            receiver.insert(args[0], args[1])
            return None
        if name == "copy" and not count:
            return list(receiver)
        if name == "clear" and not count:
            receiver.clear()
            return None
        if name == "reverse" and not count:
            receiver.reverse()
            return None
        if name == "pop" and (not count and receiver or count == 1 and type(args[0]) is int):
            try:
                return receiver.pop(*args)
            except IndexError:
                return UNKNOWN  # Python raises: the program stops here
        if name in ("index", "count", "remove") and count == 1 and is_plain(args[0]) and is_plain(receiver):
            try:
                return getattr(receiver, name)(args[0])
            except ValueError:
                return UNKNOWN  # Python raises: the program stops here
        if name in ("index", "count") and not is_plain(receiver):
            return UNKNOWN  # reads only
    if name == "sort" and is_plain(receiver) and set(kwargs) <= {"reverse"} and not args and all(
        is_plain(v) for v in kwargs.values()
    ):
        try:
            receiver.sort(**kwargs)
            return None
        except TypeError:
            return UNKNOWN
    forget_contents(receiver)  # perhaps changed in a way that is not modelled
    return UNKNOWN


def _call_dict_method(receiver: dict, name: str, args: list[Any], kwargs: dict[str, Any]) -> Any:
    """A dict method; one whose effect is not computed here makes the dict's entries unknown."""
    count = len(args)
    if name == "get" and 1 <= count <= 2 and not kwargs and is_plain(args[0]):
        return receiver.get(args[0], args[1] if count > 1 else None)
    if name in ("keys", "values", "items", "copy") and not count and not kwargs:
        if name == "items":
            return [tuple(item) for item in receiver.items()]
        return dict(receiver) if name == "copy" else list(getattr(receiver, name)())
    if name == "update" and count <= 1 and (not args or isinstance(args[0], dict) and not contents_unknown(args[0])):
        receiver.update(*args, **kwargs)
        return None
    if name == "setdefault" and 1 <= count <= 2 and not kwargs and is_plain(args[0]):
        return receiver.setdefault(args[0], args[1] if count > 1 else None)
    if name == "pop" and 1 <= count <= 2 and not kwargs and is_plain(args[0]):
        if args[0] in receiver or count == 2:
            return receiver.pop(*args)
        return UNKNOWN  # Python raises KeyError: the program stops here
    if name == "clear" and not count and not kwargs:
        receiver.clear()
        return None
    forget_contents(receiver)
    return UNKNOWN


def _joined(separator: str, items: Any) -> list[str]:
    """The pieces of ``separator.join(items)``, in order."""
    parts: list[str] = []
    for index, item in enumerate(items):
        if index:
            parts.append(separator)
        parts.append(item)
    return parts


# A replacement field with a width or precision of five digits or more, or one given by an
# argument (`"{:{w}}".format(x, w=...)`).
_HUGE_FORMAT_FIELD = re.compile(r"\{[^{}]*:[^{}]*(\d{5}|\{)")
def _make_dict(args: list[Any], kwargs: dict[str, Any]) -> Any:
    """``dict(mapping_or_pairs, **keywords)``: the values may be anything (layers, tensors…),
    the keys must be known."""
    if len(args) > 1:
        return UNKNOWN
    result: dict[Any, Any] = {}
    if args:
        source = args[0]
        if isinstance(source, dict):
            result.update(source)
        elif isinstance(source, (list, tuple)) and all(
            isinstance(pair, (list, tuple)) and len(pair) == 2 and is_plain(pair[0]) for pair in source
        ):
            result.update((key, value) for key, value in source)
        else:
            return UNKNOWN
    result.update(kwargs)
    return result


STRUCTURAL_BUILTINS = frozenset({"len", "list", "tuple", "reversed", "zip", "enumerate"})
# Builtins whose result is a plain value (a number, a string, a boolean) whatever they are given:
# never a Keras object.
PLAIN_RESULT_BUILTINS = frozenset({
    "len", "int", "float", "bool", "str", "repr", "ascii", "format", "hash", "id", "ord", "chr", "bin", "hex",
    "oct", "callable", "isinstance", "issubclass",
})
# Keyword arguments of evaluated builtins that take plain values.
BUILTIN_KEYWORDS = {
    "enumerate": {"start"}, "zip": {"strict"}, "sorted": {"reverse"}, "sum": {"start"},
    "max": {"default"}, "min": {"default"}, "round": {"ndigits"}, "int": {"base"},
}


def _is_sequence(value: Any) -> bool:
    return isinstance(value, (list, tuple, str)) and all(item is not UNKNOWN and not isinstance(item, _UnknownItems) for item in value)


def call_builtin(name: str, args: list[Any], kwargs: dict[str, Any]) -> Any:
    if name == "print":
        return None
    if name == "dict":
        return _make_dict(args, kwargs)
    if name in ("set", "frozenset") and not kwargs:
        return _make_set(name, args)
    if any(isinstance(a, (set, frozenset)) for a in args) and not _order_free(name, args):
        return _builtin_of_set(name, args)
    if any(k not in BUILTIN_KEYWORDS.get(name, ()) or not is_plain(v) for k, v in kwargs.items()):
        return UNKNOWN
    if name in STRUCTURAL_BUILTINS and name != "len" and any(isinstance(a, ArrayValue) for a in args):
        rows = [iteration_items(a) if isinstance(a, ArrayValue) else a for a in args]
        if all(r is not None for r in rows):
            args = rows  # an array's rows (``enumerate(np.linspace(-4, 4, n))``)
    if name in STRUCTURAL_BUILTINS and args and all(_is_sequence(a) for a in args):
        # Rearranging a known sequence works whatever its items are (tensors, layers…).
        if name == "len":
            return len(args[0]) if len(args) == 1 else UNKNOWN
        try:
            return list(getattr(builtins, name)(*args, **kwargs)) if name != "tuple" else tuple(args[0])
        except TypeError:
            return UNKNOWN
    if name == "len" and len(args) == 1 and not kwargs and isinstance(args[0], (list, dict, set)) and \
            contents_unknown(args[0]):
        return PythonNumber("int")  # (how many, not known: an int)
    if name in ("enumerate", "zip") and args and not kwargs and not all(_is_sequence(a) for a in args) and \
            all(is_data(a) or items_like(a) is not None or _is_sequence(a) for a in args):
        # Over data of a length not known: any number of pairs (``for i, name in enumerate(files)``).
        items = [an_item(a) if not _is_sequence(a) else join(list(a)) if a else UNKNOWN for a in args]
        return summarised([(PythonNumber("int"), items[0]) if name == "enumerate" else tuple(items)])
    if name in ("int", "float", "bool") and len(args) == 1 and not kwargs and not is_plain(args[0]) and \
            is_data(args[0]) and not isinstance(args[0], PythonNumber):
        return PythonNumber(name)  # (``float(row["price"])``: a Python float, its value not known)
    # Of data, a builtin gives data (``len(np.unique(y))``, ``int(os.environ["N"])``).
    otherwise = INERT if name in PLAIN_RESULT_BUILTINS or all(is_data(a) for a in args) else UNKNOWN
    if name not in EVALUATED_BUILTINS or not all(is_plain(a) for a in args):
        return otherwise
    if not _affordable_builtin(name, args, kwargs):
        return otherwise
    try:
        if name == "range":
            values = range(*args)
            return sized(list(values)) if len(values) <= MAX_SEQUENCE else otherwise
        if name in ("enumerate", "zip", "reversed"):
            return sized([tuple(x) if isinstance(x, tuple) else x for x in getattr(builtins, name)(*args, **kwargs)])
        return sized(getattr(builtins, name)(*args, **kwargs))
    except (TypeError, ValueError, OverflowError):
        return otherwise


def _affordable_builtin(name: str, args: list[Any], kwargs: dict[str, Any]) -> bool:
    """Whether an evaluated builtin on plain arguments (each within MAX_VALUE_COST, see
    :func:`is_plain`) costs little: ``round(1, -10**9)`` computes 10**(10**9), ``sum`` of
    lists copies them over and over, ``sorted`` compares n·log n pairs."""
    if name == "round":
        digits = kwargs.get("ndigits", args[1] if len(args) > 1 else 0)
        return not isinstance(digits, int) or abs(digits) <= MAX_ROUND_DIGITS
    if name == "sum":
        items = args[0] if args and isinstance(args[0], (list, tuple)) else ()
        return all(isinstance(v, (int, float)) for v in (*items, *args[1:], *kwargs.values()))
    if name in ("sorted", "max", "min"):
        items = args[0] if len(args) == 1 and isinstance(args[0], (list, tuple, str)) else args
        return sum(cost(a) for a in args) * max(1, len(items).bit_length()) <= MAX_VALUE_COST
    return True
