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


@dataclass(frozen=True)
class Weight:
    name: str
    shape: tuple
    trainable: bool = True
    dtype_bytes: int = 4  # float32, Keras's default variable dtype

    @property
    def count(self) -> Dim:
        return count(self.shape)


@dataclass(frozen=True)
class InputSpec:
    """Declarative input checks, as ``keras.layers.InputSpec``."""

    ndim: int | None = None
    min_ndim: int | None = None
    max_ndim: int | None = None
    axes: Mapping[int, Any] | None = None


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
    """Call keywords that change what a call returns in ways the rule does not model
    (``return_attention_scores=True``): such a call's output is unknown."""

    def __init__(self, args: Mapping[str, Any], name: str) -> None:
        self.args = dict(args)
        self.name = name
        self.weights: list[Weight] = []
        self.explanations: list[str] = []

    def __getattr__(self, attr: str) -> Any:
        # Bound constructor arguments read as attributes, like Keras's self.units.
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

    # -- helpers for rules ----------------------------------------------------
    def add_weight(self, name: str, shape: Sequence[Dim], trainable: bool = True) -> Weight:
        weight = Weight(name, tuple(shape), trainable)
        self.weights.append(weight)
        return weight

    def explain(self, text: str) -> None:
        """Record one line of the formula behind a number, for ``--explain``."""
        self.explanations.append(text)

    def error(self, message: str, kind: str = "config") -> LayerError:
        return LayerError(message, kind)

