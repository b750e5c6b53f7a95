"""Non-layer operations on symbolic tensors (``keras.src.ops``).

``x + y`` on Keras tensors is ``keras.ops.add(x, y)``: an ``Add`` operation that becomes a node
of the graph and a row of the summary (0 parameters), and takes a name from the same counter as
the ``Add`` layer.  Each ``keras.ops`` function is recorded (``kerascheck/knowledge/keras_ops.py``)
with the operation class it creates and which of its parameters that operation is called on (its
operands); the rules that mirror each operation's ``compute_output_spec`` live in
:mod:`kerascheck.engine.ops`, one module per family, and are loaded on first use.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, ClassVar, Iterator, Mapping

from kerascheck.engine.dims import UNKNOWN
from kerascheck.engine.layer import LayerRule


class _Rules(dict):
    """``op class name -> rule class``; the rule modules are imported on the first lookup."""

    loaded = False

    def _load(self) -> None:
        if not self.loaded:
            type(self).loaded = True
            import kerascheck.engine.ops  # noqa: F401  (registers every rule)

    def get(self, key: Any, default: Any = None) -> Any:
        self._load()
        return dict.get(self, key, default)

    def __getitem__(self, key: Any) -> Any:
        self._load()
        return dict.__getitem__(self, key)

    def __contains__(self, key: Any) -> bool:
        self._load()
        return dict.__contains__(self, key)

    def __iter__(self) -> Iterator[Any]:
        self._load()
        return dict.__iter__(self)

    def __len__(self) -> int:
        self._load()
        return dict.__len__(self)

    def keys(self) -> Any:
        self._load()
        return dict.keys(self)

    def items(self) -> Any:
        self._load()
        return dict.items(self)


OP_RULES: dict[str, type["OpRule"]] = _Rules()


def register_op(*names: str):  # noqa: ANN201
    def deco(cls: type["OpRule"]) -> type["OpRule"]:
        for name in names:
            dict.__setitem__(OP_RULES, name, cls)
        cls.keras_class = names[0]
        return cls

    return deco


class OpRule(LayerRule):
    """An operation: its arguments are the shapes of its operands, in call order (a tensor's
    shape; a :class:`Constant` for a Python value or an array; None for an operand given as
    None); its configuration (the function's other parameters) is read as attributes."""

    multiple_inputs = True
    nested_operations: ClassVar[tuple[str, ...]] = ()
    """Classes of the operations Keras's ``compute_output_spec`` may create itself (SeparableConv
    calls ``depthwise_conv``): they take names from the same counters."""

    operand_dtypes: list[Any] = []
    """The dtype of each operand (None for a constant), set before each computation."""

    def output_dtype(self, input_dtypes: list[Any]) -> Any:
        """The output's dtype, where modelled (None: the engine's default, ``float32``)."""
        return None

    def output_count(self) -> Any:
        """How many tensors it returns when that is not one (``Split``), known before their shapes
        (None: not known)."""
        return 1

    def created_operations(self, input_shape: list) -> Any:
        """The operations the computation created itself, in order (UNKNOWN: not known)."""
        return list(self.nested_operations)


@dataclass(frozen=True)
class Constant:
    """An operand that is not a symbolic tensor: a Python value (``value``, and ``shape`` as NumPy
    reads it: ``()`` for a number), or an array or variable (``python`` False, its ``shape``)."""

    value: Any
    shape: Any
    python: bool = True


def constant_shape(value: Any) -> Any:
    """What a rule receives for an operand that is not a Keras tensor: a :class:`Constant`, or
    None for None."""
    if value is None:
        return None
    if value is UNKNOWN:
        return UNKNOWN  # perhaps a tensor: nothing is known of it
    shape = getattr(value, "shape", None)
    if shape is not None and not isinstance(value, (int, float, bool, str, list, tuple, dict)):
        return Constant(None, shape if isinstance(shape, tuple) else UNKNOWN, python=False)
    return Constant(value, _numpy_shape(value))


def _numpy_shape(value: Any) -> Any:
    """``np.shape(value)`` of a Python value (UNKNOWN for what NumPy would not make an array of)."""
    if isinstance(value, (int, float, bool, complex, str, dict)):
        return ()
    if isinstance(value, (list, tuple)):
        if not value:
            return (0,)
        inner = {_numpy_shape(v) for v in value}
        if len(inner) != 1 or UNKNOWN in inner:
            return UNKNOWN
        return (len(value),) + inner.pop()
    return UNKNOWN


# --------------------------------------------------------------------------- keras.ops functions


@dataclass(frozen=True)
class OpFunction:
    """A ``keras.ops`` function: the operation it creates on symbolic tensors and its signature.

    ``operands`` are the parameters passed to the operation's call (tensors or constants); those in
    ``sequences`` (and a ``*args`` one) hold a list of them, each an operand; the other parameters
    configure the operation.  ``triggers``: the parameters Keras looks for symbolic tensors in
    before it creates the operation (all operands when None).  ``op_class`` None: the function
    creates no operation.
    """

    op_class: str | None
    params: tuple[str, ...]
    defaults: dict[str, Any] = field(default_factory=dict)
    operands: tuple[str, ...] = ("x",)
    sequence: bool = False  # the first operand is a list of operands
    sequences: tuple[str, ...] = ()
    trees: tuple[str, ...] = ()
    varargs: str | None = None
    varkw: str | None = None
    positional: int | None = None  # how many params may be given by position (all when None)
    triggers: tuple[str, ...] | None = None
    name: str | None = None

    def bind(self, args: list[Any], kwargs: Mapping[str, Any]) -> dict[str, Any] | None:
        """The arguments by parameter, as Python binds them (None: Python raises TypeError)."""
        positional = self.params[: self.positional] if self.positional is not None else self.params
        if len(args) > len(positional) and self.varargs is None:
            return None
        bound = dict(self.defaults)
        bound.update(zip(positional, args))
        if self.varargs is not None:
            bound[self.varargs] = tuple(args[len(positional):])
        extra: dict[str, Any] = {}
        for key, value in kwargs.items():
            if key in self.params:
                if key in positional[: len(args)]:
                    return None  # given twice
                bound[key] = value
            elif self.varkw is not None:
                extra[key] = value
            else:
                return None
        if self.varkw is not None:
            bound[self.varkw] = extra
        if any(p not in bound for p in self.params):
            return None
        return bound

    def is_sequence(self, param: str) -> bool:
        return param == self.varargs or param in self.sequences or self.sequence and param == self.operands[0]

    def split(self, bound: dict[str, Any]) -> tuple[list[Any], dict[str, Any]] | None:
        """The operands (flat, in call order) and the configuration of a bound call; the number of
        operands each sequence parameter gave is ``config["operand_counts"]`` (None: a sequence
        parameter was not given a list)."""
        operands: list[Any] = []
        counts: dict[str, int] = {}
        for param in self.operands:
            value = bound[param]
            if param == self.varkw:
                continue  # ``**kwargs`` passed on: configuration
            if self.is_sequence(param) or param in self.trees and isinstance(value, (list, tuple)):
                if not isinstance(value, (list, tuple)):
                    return None
                operands.extend(value)
                counts[param] = len(value)
            else:
                operands.append(value)
        config = {p: v for p, v in bound.items() if p not in self.operands or p == self.varkw}
        if counts:
            config["operand_counts"] = counts
        if self.name is not None:
            config["keras_function"] = self.name
        return operands, config

    def triggering(self, bound: dict[str, Any]) -> list[Any]:
        """The arguments Keras looks for symbolic tensors in before it creates the operation."""
        return [bound[p] for p in (self.triggers if self.triggers is not None else self.operands) if p in bound]

    def call_parts(self, args: list[Any], kwargs: Mapping[str, Any], is_tensor: Any) -> Any:
        """``(operands, config)`` of a call on symbolic tensors (``is_tensor`` tells them), or why
        the call makes no operation that can be followed: :data:`UNBOUND` (Python raises
        TypeError), :data:`NOT_CREATED` (Keras does not create the operation, or raises first)."""
        bound = self.bind(args, kwargs)
        if bound is None:
            return UNBOUND
        if not any(is_tensor(v) for v in _leaves(self.triggering(bound))):
            return NOT_CREATED
        parts = self.split(bound)
        return NOT_CREATED if parts is None else parts


UNBOUND = "unbound"
NOT_CREATED = "not created"


def _leaves(value: Any) -> Iterator[Any]:
    if isinstance(value, (list, tuple)):
        for item in value:
            yield from _leaves(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _leaves(item)
    else:
        yield value


def _unary(op_class: str, **config: Any) -> OpFunction:
    return OpFunction(op_class, ("x", *config), dict(config))


def _from_json(value: Any) -> Any:
    """A default recorded as JSON (tuples and infinities are tagged)."""
    if isinstance(value, list):
        return [_from_json(v) for v in value]
    if isinstance(value, dict):
        if "tuple" in value:
            return tuple(_from_json(v) for v in value["tuple"])
        if "float" in value:
            return float(value["float"])
    return value


def function_from_record(name: str, entry: dict) -> OpFunction:
    """The :class:`OpFunction` of the function ``name`` recorded in ``knowledge/keras_ops.py``."""
    params: list[str] = []
    defaults: dict[str, Any] = {}
    varargs = varkw = None
    positional = 0
    for param, kind, default in entry["signature"]:
        if kind == "var_positional":
            varargs = param
            continue
        if kind == "var_keyword":
            varkw = param
            continue
        if kind == "positional" and len(params) == positional:
            positional += 1
        params.append(param)
        if default != "REQUIRED":
            defaults[param] = _from_json(default)
    return OpFunction(
        entry.get("operation"),
        tuple(params),
        defaults,
        tuple(entry.get("operands", ())),
        sequences=tuple(entry.get("sequences", ())),
        trees=tuple(entry.get("trees", ())),
        varargs=varargs,
        varkw=varkw,
        positional=positional,
        triggers=tuple(entry["triggers"]) if entry.get("triggers") is not None else None,
        name=name,
    )


class _Functions(Mapping[str, OpFunction]):
    """``keras.ops`` functions by name (``keras.ops.numpy.mean`` is ``mean``; those only under
    ``keras.ops.image`` by their own name too), read from the recorded table on first use."""

    _table: dict[str, OpFunction] | None = None

    def _load(self) -> dict[str, OpFunction]:
        if self._table is None:
            from kerascheck.knowledge.keras_ops import FUNCTIONS

            table = {name: function_from_record(name, entry) for name, entry in FUNCTIONS.items()}
            for name, function in list(table.items()):
                short = name.rsplit(".", 1)[-1]
                table.setdefault(short, function)
            type(self)._table = table
        return self._table  # type: ignore[return-value]

    def __getitem__(self, name: str) -> OpFunction:
        return self._load()[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._load())

    def __len__(self) -> int:
        return len(self._load())


OPS_FUNCTIONS: Mapping[str, OpFunction] = _Functions()

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


def broadcast_shapes(shape1: Any, shape2: Any) -> Any:
    """``keras.src.ops.operation_utils.broadcast_shapes`` as a tuple (UNKNOWN when either shape is)."""
    from kerascheck.engine.ops.base import broadcast_shapes as broadcast

    if shape1 is UNKNOWN or shape2 is UNKNOWN:
        return UNKNOWN
    return tuple(broadcast(shape1, shape2))
