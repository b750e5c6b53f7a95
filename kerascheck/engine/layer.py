"""The contract every layer rule follows, modelled on ``keras.layers.Layer``.

A rule is a small class registered under the Keras class name(s) it models::

    @register("Dense")
    class Dense(LayerRule):
        input_spec = InputSpec(min_ndim=2)

        def build(self, input_shape):
            self.add_weight("kernel", (input_shape[-1], self.units))
            ...

        def compute_output_shape(self, input_shape):
            return input_shape[:-1] + (self.units,)

Constructor arguments arrive already bound to the recorded Keras signature
and are readable as attributes (``self.units``).  ``configure()`` checks and
standardizes them the way Keras's ``__init__`` does; ``build()`` creates the
weights (the parameter count); ``compute_output_shape()`` gives the output.
Each step may raise :class:`LayerError` with the message Keras would give, and
only when the arguments prove it: a decision on an unknown value raises
:class:`~kerascheck.engine.dims.Unresolved` by itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, ClassVar, Mapping, Sequence, TypeVar

from kerascheck.engine.dims import Dim, count


class LayerError(Exception):
    """Real Keras would raise here; ``kind`` groups errors for diagnostics."""

    def __init__(self, message: str, kind: str = "config", expected: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.kind = kind
        self.expected = expected  # rank errors: what the layer expects, in words


# Weight and InputSpec are frozen dataclasses with a hand-written __init__: the generated
# one sets each field through object.__setattr__, about twice as slow, and every layer
# call builds several of them.


@dataclass(frozen=True, init=False)
class Weight:
    name: str
    shape: tuple
    trainable: bool = True
    dtype_bytes: int = 4  # float32, Keras's default variable dtype
    integer: bool = False  # of dtype "int", whose size is the backend's (not the layer's dtype)

    def __init__(self, name: str, shape: tuple, trainable: bool = True, dtype_bytes: int = 4,
                 integer: bool = False) -> None:
        fields = self.__dict__
        fields["name"] = name
        fields["shape"] = shape
        fields["trainable"] = trainable
        fields["dtype_bytes"] = dtype_bytes
        fields["integer"] = integer

    @property
    def count(self) -> Dim:
        return count(self.shape)


@dataclass(frozen=True, init=False)
class InputSpec:
    """Declarative input checks, as ``keras.layers.InputSpec``."""

    ndim: int | None = None
    min_ndim: int | None = None
    max_ndim: int | None = None
    axes: Mapping[int, Any] | None = None
    # The whole expected shape (batch axis included; None matches any size), as a
    # Functional model's spec for each of its inputs; ``ndim`` is then its length.
    shape: tuple | None = None
    # Inputs of rank N+1 whose last axis is 1, and of rank N-1 when the spec's last
    # axis is 1, pass: the last axis of size 1 is dropped on both sides before comparing.
    allow_last_axis_squeeze: bool = False
    name: Any = None  # quoted in the error: "Input 0 with name 'input_layer' of layer …"

    def __init__(
        self,
        ndim: int | None = None,
        min_ndim: int | None = None,
        max_ndim: int | None = None,
        axes: Mapping[int, Any] | None = None,
        shape: tuple | None = None,
        allow_last_axis_squeeze: bool = False,
        name: Any = None,
    ) -> None:
        fields = self.__dict__
        fields["ndim"] = len(shape) if shape is not None else ndim
        fields["min_ndim"] = min_ndim
        fields["max_ndim"] = max_ndim
        fields["axes"] = axes
        fields["shape"] = shape
        fields["allow_last_axis_squeeze"] = allow_last_axis_squeeze
        fields["name"] = name


R = TypeVar("R", bound="type[LayerRule]")
RULES: dict[str, type["LayerRule"]] = {}


def register(*class_names: str) -> Callable[[R], R]:
    """Register a rule for the Keras classes named (canonical ``__name__``)."""

    def deco(cls: R) -> R:
        for name in class_names:
            RULES[name] = cls
        cls.keras_class = class_names[0]
        return cls

    return deco


# Attributes LayerRule.__init__ sets itself: an argument of the same name is read from args.
_INSTANCE_ATTRIBUTES = frozenset({"args", "name", "weights", "explanations"})


def _blocked_names(cls: type) -> frozenset[str]:
    """Names an argument must not be copied under: the class's attributes (methods,
    ``rank``, ``input_spec``…), which a read finds before the instance's, and
    __init__'s own.  Computed once per rule class, at its first instance."""
    names = cls.__dict__.get("_blocked_names")
    if names is None:
        names = frozenset(dir(cls)) | _INSTANCE_ATTRIBUTES
        cls._blocked_names = names  # type: ignore[attr-defined]
    return names


class _Arguments(dict):
    """A rule's bound arguments: a dict that copies each change into the rule's attributes
    (``self.args["kernel_size"] = ...`` is then what ``self.kernel_size`` reads)."""

    __slots__ = ("owner", "blocked")

    def _copy(self, key: Any) -> None:
        if key in self.blocked:
            return
        if key in self:
            self.owner.__dict__[key] = dict.__getitem__(self, key)
        else:
            self.owner.__dict__.pop(key, None)

    def __setitem__(self, key: Any, value: Any) -> None:
        dict.__setitem__(self, key, value)
        if key not in self.blocked:  # _copy, inlined: rules' configure() sets arguments often
            self.owner.__dict__[key] = value

    def __delitem__(self, key: Any) -> None:
        dict.__delitem__(self, key)
        self._copy(key)

    def pop(self, key: Any, *default: Any) -> Any:
        value = dict.pop(self, key, *default)
        self._copy(key)
        return value

    def popitem(self) -> tuple[Any, Any]:
        key, value = dict.popitem(self)
        self._copy(key)
        return key, value

    def setdefault(self, key: Any, default: Any = None) -> Any:
        value = dict.setdefault(self, key, default)
        self._copy(key)
        return value

    def update(self, *args: Any, **kwargs: Any) -> None:
        changed = dict(*args, **kwargs)
        dict.update(self, changed)
        for key in changed:
            self._copy(key)

    def __ior__(self, other: Any) -> "_Arguments":
        self.update(other)
        return self

    def clear(self) -> None:
        keys = list(self)
        dict.clear(self)
        for key in keys:
            self._copy(key)

    def __reduce__(self) -> Any:
        # Rebuilt from a plain dict (pickle would otherwise set items before the slots).
        return _Arguments, (dict(self),), (None, {"owner": self.owner, "blocked": self.blocked})


class LayerRule:
    """Base class of all layer rules.  Mirrors the parts of ``keras.Layer`` that matter."""

    keras_class: ClassVar[str] = "Layer"
    input_spec: ClassVar[InputSpec | Sequence[InputSpec] | None] = None
    multiple_inputs: ClassVar[bool] = False
    """True for layers called on a list of tensors (merging layers)."""
    call_arguments: ClassVar[tuple[str, ...] | None] = None
    """Names of the tensors a call takes one by one (``mha(query, value, key)``); they reach
    the rule as a list, in this order."""
    output_changing_call_options: ClassVar[tuple[str, ...]] = ()
    """Call keywords that change what a call returns (``return_attention_scores=True``): such a
    call's outputs are :meth:`compute_output_shape_with_options`'s, unknown where it gives None."""

    def __init__(self, args: Mapping[str, Any], name: str) -> None:
        # Bound constructor arguments read as attributes, like Keras's self.units.  They
        # are copied into the instance's __dict__ (a rule reads them many times per call,
        # and a plain attribute read is much cheaper than the __getattr__ fallback); the
        # names the class or __init__ already defines stay theirs, as with __getattr__
        # alone.  ``self.args`` mirrors every later change into those copies.
        blocked = _blocked_names(type(self))
        attributes = self.__dict__
        attributes.update(args)
        for attr in blocked.intersection(attributes):
            del attributes[attr]
        self.args = _Arguments(args)
        self.args.owner, self.args.blocked = self, blocked
        self.name = name
        self.weights: list[Weight] = []
        self.explanations: list[str] = []

    def __getattr__(self, attr: str) -> Any:
        # An argument a rule shadowed and then deleted (``del self.units``) reads from args again.
        args = self.__dict__.get("args")
        if args is not None and attr in args:
            return args[attr]
        raise AttributeError(attr)

    auxiliary_layers_on_init: ClassVar[tuple[str, ...]] = ()
    """Classes of the unnamed sub-layers Keras's ``__init__`` creates: each takes an
    auto-generated name (``dropout``…) from the same counter as the model's layers."""
    auxiliary_layers_on_build: ClassVar[tuple[str, ...]] = ()
    """Likewise for sub-layers created in ``build`` (MultiHeadAttention's Softmax, Dropout)."""

    # -- the three steps, overridden by rules --------------------------------
    def configure(self) -> None:
        """Validate and standardize constructor arguments (Keras's ``__init__``)."""

    def build(self, input_shape: Any) -> None:
        """Create the weights for ``input_shape``."""

    def compute_output_shape(self, input_shape: Any) -> Any:
        raise NotImplementedError

    def compute_output_shape_with_options(self, input_shape: Any, options: Mapping[str, Any]) -> Any:
        """The outputs of a call given some of :attr:`output_changing_call_options` (``options``:
        their values), as a list of shapes; None where that is not modelled."""
        return None

    # -- helpers for rules ----------------------------------------------------
    def add_weight(self, name: str, shape: Sequence[Dim], trainable: bool = True, integer: bool = False) -> Weight:
        weight = Weight(name, tuple(shape), trainable, integer=integer)
        self.weights.append(weight)
        return weight

    def explain(self, text: str) -> None:
        """Record one line of the formula behind a number, for ``--explain``."""
        self.explanations.append(text)

    def error(self, message: str, kind: str = "config") -> LayerError:
        return LayerError(message, kind)

