"""What the loss rules share: shapes of one training batch, the squeezes Keras's losses make,
and JAX's broadcasting with its messages.

A rule receives the shapes of the first batch ``fit`` gives the loss (``y_true``'s and
``y_pred``'s, batch dimension first) as tuples whose dimensions are ``int``, the batch size,
or :data:`~kerascheck.engine.dims.UNKNOWN`.  It mirrors its Keras function's operations in
their order and raises the error of the first one that raises (:class:`LossError`); else it
returns the shape of the loss values the function computes (the weights given to ``fit`` are
multiplied with them), or None where that shape is not modelled.  Deciding on an
unknown dimension raises :class:`~kerascheck.engine.dims.Unresolved`, which ``check_loss``
turns into None: no error is claimed that is not proven.
"""

from __future__ import annotations

from typing import Any, Callable

from kerascheck.engine.dims import UNKNOWN, Unresolved


class LossError(Exception):
    """Keras raises ``message`` (of ``error_type``) computing this loss."""

    def __init__(self, message: str, error_type: str = "ValueError") -> None:
        super().__init__(message)
        self.message = message
        self.error_type = error_type


class _Batch:
    """The batch dimension when the number of samples is not known: equal to itself only,
    printed ``?``."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "?"


BATCH = _Batch()

# A rule: (y_true shape, y_true dtype, y_pred shape, keyword arguments) -> the loss values' shape
# (None: not modelled), raising LossError.
LossRule = Callable[[tuple, Any, tuple, dict], "tuple | None"]
RULES: dict[str, LossRule] = {}


def register(*functions: str) -> Callable[[LossRule], LossRule]:
    """Register a rule for the Keras loss functions named ``functions`` (``keras.losses.<name>``)."""

    def decorate(rule: LossRule) -> LossRule:
        for name in functions:
            RULES[name] = rule
        return rule

    return decorate


def wrapper_keywords(defaults: dict, parameters: list, config: tuple, own: tuple) -> dict | None:
    """The keyword arguments a Keras wrapper class (a ``LossFunctionWrapper``, a
    ``MeanMetricWrapper``) made with ``config`` passes to its function: its recorded ``defaults``
    updated with the arguments given, but for the wrapper's ``own`` (``name``, ``dtype``…); None
    when an argument is not one of its constructor's ``parameters`` (Keras raises a TypeError)."""
    kwargs = dict(defaults)
    for key, value in config:
        if key not in parameters:
            return None
        if key not in own:
            kwargs[key] = value
    return kwargs


def same(a: Any, b: Any) -> bool:
    """Two dimensions are equal; undecidable (Unresolved) when either is unknown."""
    if a is UNKNOWN or b is UNKNOWN:
        raise Unresolved("an unknown dimension")
    return a is b or (type(a) is int and type(b) is int and a == b)


def same_shape(a: tuple, b: tuple) -> bool:
    return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))


def shape_text(shape: tuple) -> str:
    """A shape as Python (and so JAX's messages) print a tuple: ``(32,)``, ``(32, 10)``."""
    return repr(tuple(shape))


def squeeze_or_expand_to_same_rank(y_true: tuple, y_pred: tuple, expand_rank_1: bool = True) -> tuple[tuple, tuple]:
    """``keras.src.losses.loss.squeeze_or_expand_to_same_rank``: the last axis of size 1 of the
    one whose rank is one more is dropped (or a rank-1 other one gets one)."""
    x1, x2 = y_true, y_pred
    if len(x1) == len(x2):
        return x1, x2
    if len(x1) == len(x2) + 1 and same(x1[-1], 1):
        if len(x2) == 1 and expand_rank_1:
            x2 = x2 + (1,)
        else:
            x1 = x1[:-1]
    if len(x2) == len(x1) + 1 and same(x2[-1], 1):
        if len(x1) == 1 and expand_rank_1:
            x1 = x1 + (1,)
        else:
            x2 = x2[:-1]
    return x1, x2


def broadcast(op: str, a: tuple, b: tuple) -> tuple:
    """The shape of ``jnp.<op>(a, b)``, raising JAX's error where the shapes do not broadcast:
    for operands of one rank, the primitive's (``sub got incompatible shapes for broadcasting``),
    else NumPy's rank promotion's (``Incompatible shapes for broadcasting``).  One pair of axes
    that cannot broadcast is enough, whatever the undecided pairs (a batch that may be 1) are."""
    result = []
    undecided = False
    for x, y in zip(((1,) * (len(b) - len(a))) + a, ((1,) * (len(a) - len(b))) + b):
        try:
            if same(x, y) or same(y, 1):
                result.append(x)
                continue
            if same(x, 1):
                result.append(y)
                continue
        except Unresolved:
            undecided = True
            continue
        if x is BATCH or y is BATCH:
            undecided = True  # a batch of an unknown size, which may be 1 or the other dimension
        elif len(a) == len(b):
            raise LossError(f"{op} got incompatible shapes for broadcasting: {shape_text(a)}, {shape_text(b)}.", "TypeError")
        else:
            raise LossError(f"Incompatible shapes for broadcasting: shapes=[{shape_text(a)}, {shape_text(b)}]")
    if undecided:
        raise Unresolved("an axis that broadcasts or not with sizes not known")
    return tuple(result)


def reduce(shape: tuple, axis: Any) -> tuple:
    """``ops.sum(x, axis=axis)``'s shape (``axis=None``: a scalar)."""
    if axis is None:
        return ()
    axes = axis if isinstance(axis, (tuple, list)) else (axis,)
    rank = len(shape)
    dropped = set()
    for a in axes:
        if type(a) is not int or not -rank <= a < rank:
            raise Unresolved("an axis kerascheck does not check")
        dropped.add(a % rank)
    return tuple(d for i, d in enumerate(shape) if i not in dropped)


def broadcast_all(shapes: list[tuple]) -> tuple:
    """The shape of a NumPy function of several operands of different ranks (``jnp.where(c, x, 0)``),
    raising JAX's rank-promotion error where they do not broadcast (one axis is enough)."""
    rank = max(len(s) for s in shapes)
    padded = [(1,) * (rank - len(s)) + s for s in shapes]
    result = []
    undecided = False
    for dims in zip(*padded):
        try:
            sizes = [d for d in dims if not same(d, 1)]
            differ = any(not same(d, sizes[0]) for d in sizes[1:])
        except Unresolved:
            undecided = True
            continue
        if differ and BATCH in sizes:
            undecided = True  # a batch of an unknown size, which may be 1 or the other dimension
            continue
        if differ:
            raise LossError(f"Incompatible shapes for broadcasting: shapes=[{', '.join(shape_text(s) for s in shapes)}]")
        result.append(sizes[0] if sizes else 1)
    if undecided:
        raise Unresolved("an axis that broadcasts or not with sizes not known")
    return tuple(result)


def normalize_axis(shape: tuple, axis: Any) -> None:
    """``ops.normalize(x, axis=axis)``: NumPy's error for an axis out of range."""
    if type(axis) is int and not -len(shape) <= axis < len(shape):
        raise LossError(f"axis {axis} is out of bounds for array of dimension {len(shape)}")
