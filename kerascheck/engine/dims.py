"""Dimensions and shapes as Keras prints them, plus the honest *unknown*.

A dimension is an ``int``, ``None`` (dynamic: Keras itself prints ``None``) or
:data:`UNKNOWN` (kerascheck could not resolve it statically).  A shape is a
tuple of dimensions; a :class:`PartialShape` when its rank is not known but its
first or last dimensions are (``(None, ?..., 64)``: a Dense's output on an input
of unknown rank); or :data:`UNKNOWN` when nothing of it is known.

:data:`UNKNOWN` absorbs arithmetic (``UNKNOWN + 1`` is ``UNKNOWN``) so that a
layer rule written like Keras's own ``compute_output_shape`` keeps whatever is
still known.  Anything that would *decide* on an unknown value (a comparison,
``bool()``, ``int()``) raises :class:`Unresolved` instead of guessing; the
engine then treats the layer's result as unknown.
"""

from __future__ import annotations

import math
from typing import Any, Iterable, Union


class Unresolved(Exception):
    """A decision depended on a value that could not be resolved statically."""


class _Unknown:
    __slots__ = ()
    _instance: "_Unknown | None" = None

    def __new__(cls) -> "_Unknown":
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "?"

    def __reduce__(self) -> str:
        return "UNKNOWN"

    def __hash__(self) -> int:
        return 0x3F

    def _absorb(self, *_: Any) -> "_Unknown":
        return self

    # A shape of unknown rank with dimensions appended or prepended keeps those (a rule's
    # ``input_shape[:-1] + (units,)``); added to anything else it stays unknown.
    def __add__(self, other: Any) -> Any:
        return partial_shape((), other) if type(other) is tuple else self

    def __radd__(self, other: Any) -> Any:
        return partial_shape(other, ()) if type(other) is tuple else self

    __sub__ = __rsub__ = __mul__ = __rmul__ = _absorb
    __floordiv__ = __rfloordiv__ = __truediv__ = __rtruediv__ = _absorb
    __mod__ = __rmod__ = __pow__ = __rpow__ = __neg__ = __pos__ = _absorb

    def _undecidable(self, *_: Any) -> bool:
        raise Unresolved("a decision depends on an unresolved value")

    __eq__ = __ne__ = __lt__ = __le__ = __gt__ = __ge__ = _undecidable  # type: ignore[assignment]
    __bool__ = __index__ = __int__ = __float__ = _undecidable  # type: ignore[assignment]

    def __iter__(self):  # an unknown sequence cannot be unpacked
        raise Unresolved("iteration over an unresolved value")

    def __len__(self) -> int:
        raise Unresolved("length of an unresolved value")

    def __getitem__(self, _: Any) -> "_Unknown":
        return self


UNKNOWN = _Unknown()
"""The single unknown value (prints as ``?``)."""


class PartialShape:
    """A shape whose rank is unknown: ``head`` first, then any number (zero or more) of
    dimensions kerascheck could not resolve, then ``tail``.

    It answers what a rule written like Keras's ``compute_output_shape`` asks of a shape as
    far as ``head`` and ``tail`` decide it — ``shape[0]``, ``shape[-1]``, ``shape[:-1] + (8,)``,
    ``shape[-2:]`` — and raises :class:`Unresolved` for what they do not (``len(shape)``,
    iterating it, ``shape[1]`` past the head is an unknown dimension).  Printed
    ``(None, ?..., 64)``.  Build it with :func:`partial_shape`.
    """

    __slots__ = ("head", "tail")

    def __init__(self, head: tuple, tail: tuple) -> None:
        self.head = head
        self.tail = tail

    @property
    def min_rank(self) -> int:
        return len(self.head) + len(self.tail)

    def __repr__(self) -> str:
        return format_shape(self)

    def __reduce__(self) -> Any:
        return PartialShape, (self.head, self.tail)

    def __len__(self) -> int:
        raise Unresolved("rank of a shape of unknown rank")

    def __iter__(self):  # type: ignore[no-untyped-def]
        raise Unresolved("iteration over a shape of unknown rank")

    def __bool__(self) -> bool:
        return True  # at least its head or tail: never the empty shape ()

    def __eq__(self, other: Any) -> Any:
        """Equal to the same description (what results and the cache compare); unequal to a
        shape it cannot be; else undecidable (Unresolved). Rules compare dimensions, not
        whole shapes of unknown rank."""
        if type(other) is PartialShape:
            if other.head == self.head and other.tail == self.tail:
                return True
            if dims_differ(self.head, other.head) or dims_differ(self.tail[::-1], other.tail[::-1]):
                return False
            raise Unresolved("comparison of shapes of unknown rank")
        if type(other) is tuple:
            if not self._could_be(other):
                return False
            raise Unresolved("comparison of a shape of unknown rank")
        return NotImplemented  # not a shape: never equal

    def __ne__(self, other: Any) -> Any:
        equal = self.__eq__(other)
        return equal if equal is NotImplemented else not equal

    def __hash__(self) -> int:
        return hash((PartialShape, self.head, self.tail))

    def _could_be(self, shape: tuple) -> bool:
        """Whether the known shape ``shape`` fits this one's rank, head and tail."""
        head, tail = self.head, self.tail
        if len(shape) < len(head) + len(tail):
            return False
        return not dims_differ(head, shape[: len(head)]) and not dims_differ(tail[::-1], shape[::-1][: len(tail)])


    def __getitem__(self, key: Any) -> Any:
        head, tail = self.head, self.tail
        if isinstance(key, int) and not isinstance(key, bool):
            if 0 <= key < len(head):
                return head[key]
            if 0 < -key <= len(tail):
                return tail[key]
            return UNKNOWN
        if not isinstance(key, slice) or key.step not in (None, 1):
            return UNKNOWN
        start, stop = key.start, key.stop
        for bound in (start, stop):
            if bound is not None and (not isinstance(bound, int) or isinstance(bound, bool)):
                return UNKNOWN
        if start is None:
            start = 0
        if 0 <= start <= len(head):
            if stop is None:
                return partial_shape(head[start:], tail)
            if stop >= 0:
                return head[start:stop] if stop <= len(head) else UNKNOWN
            if -stop <= len(tail):
                return partial_shape(head[start:], tail[:stop])
            return UNKNOWN
        if start < 0 and -start <= len(tail):
            if stop is None:
                return tail[start:]
            if stop < 0:
                return tail[start:stop]
        if start > len(head) and (stop is None or stop < 0 and -stop <= len(tail)):
            # Past the head: the unknown dimensions may or may not reach that far, so only
            # the end of the tail is certain to be there.
            skipped = start - len(head)
            return partial_shape((), tail[skipped:] if stop is None else tail[skipped:stop])
        return UNKNOWN

    def __add__(self, other: Any) -> Any:
        if type(other) is tuple:
            return partial_shape(self.head, self.tail + other)
        if isinstance(other, PartialShape):
            return partial_shape(self.head, other.tail)
        return UNKNOWN

    def __radd__(self, other: Any) -> Any:
        if type(other) is tuple:
            return partial_shape(other + self.head, self.tail)
        return UNKNOWN


def dims_differ(dims: tuple, others: tuple) -> bool:
    """Two runs of dimensions differ, as far as both go, at a place where both are resolved."""
    return any(
        a is not UNKNOWN and b is not UNKNOWN and (a is None) != (b is None) or type(a) is int and type(b) is int and a != b
        for a, b in zip(dims, others)
    )


def as_shape(value: Any) -> Any:
    """``tuple(value)`` for a shape given as a list or tuple; a shape of unknown rank, or an
    unknown one, as it is (``tuple()`` would have to iterate it)."""
    if value is UNKNOWN or type(value) is PartialShape:
        return value
    return tuple(value)


def partial_shape(head: Any, tail: Any) -> Any:
    """A shape of unknown rank starting with ``head`` and ending with ``tail``; UNKNOWN when
    neither says anything."""
    if not head and not tail:
        return UNKNOWN
    return PartialShape(tuple(head), tuple(tail))


def refine_min_rank(shape: Any, min_rank: int) -> Any:
    """``shape``, known to have at least ``min_rank`` dimensions where a layer accepts no fewer."""
    if shape is UNKNOWN:
        return PartialShape((), (UNKNOWN,) * min_rank) if min_rank else shape
    if type(shape) is PartialShape and shape.min_rank < min_rank:
        return PartialShape(shape.head, (UNKNOWN,) * (min_rank - shape.min_rank) + shape.tail)
    return shape


def refine_rank(shape: Any, rank: int) -> Any:
    """``shape`` as a tuple of ``rank`` dimensions, where a layer accepts no other rank: what
    it computes is what Keras computes when the call does not raise. Unchanged if the
    shape is known already or cannot have that rank."""
    if type(shape) is PartialShape and shape.min_rank <= rank:
        return shape.head + (UNKNOWN,) * (rank - shape.min_rank) + shape.tail
    if shape is UNKNOWN:
        return (UNKNOWN,) * rank
    return shape

Dim = Union[int, None, _Unknown]
Shape = Union[tuple, PartialShape, _Unknown]
UNKNOWN_DIMS = "?..."  # how a shape of unknown rank shows the dimensions it does not know


def is_unknown(value: Any) -> bool:
    return value is UNKNOWN


def is_known(value: Any) -> bool:
    """True when ``value`` holds no :data:`UNKNOWN`, however deeply nested."""
    if value is UNKNOWN or type(value) is PartialShape:
        return False
    if isinstance(value, (tuple, list)):
        for v in value:
            if v is UNKNOWN:
                return False
            if v is not None and type(v) is not int and not is_known(v):  # dims need no recursion
                return False
        return True
    if isinstance(value, dict):
        return all(is_known(v) for v in value.values())
    return True


def proven_equal(a: Any, b: Any) -> bool:
    """``a == b`` where it is proven: False whenever an unknown could make it either way."""
    try:
        return bool(a == b)
    except Unresolved:
        return False


def product(dims: Iterable[Dim]) -> Dim:
    """Product of dimensions: ``None`` if any is ``None``, else unknown if any is."""
    dims = list(dims)
    if any(d is None for d in dims):
        return None
    if any(d is UNKNOWN for d in dims):
        return UNKNOWN
    return math.prod(dims)  # type: ignore[arg-type]


def count(shape: Shape) -> Dim:
    """Number of scalars in a weight of ``shape`` (unknown when any dim is)."""
    if shape is UNKNOWN or type(shape) is PartialShape or any(d is UNKNOWN or d is None for d in shape):  # type: ignore[union-attr]
        return UNKNOWN
    return math.prod(shape)  # type: ignore[arg-type]


def format_dim(dim: Dim) -> str:
    if dim is UNKNOWN:
        return "?"
    return str(dim)


def format_shape(shape: Shape) -> str:
    """``(None, 148, 148, 16)`` as Keras prints it; ``?`` dims and ranks for unknowns, and
    ``?...`` for the dimensions of a shape of unknown rank that are not known
    (``(None, ?..., 64)``)."""
    if shape is UNKNOWN:
        return "?"
    if type(shape) is PartialShape:
        head = ["?" if d is UNKNOWN else str(d) for d in shape.head]
        tail = ["?" if d is UNKNOWN else str(d) for d in shape.tail]
        return "(" + ", ".join([*head, UNKNOWN_DIMS, *tail]) + ")"
    # format_dim, inlined: every layer call formats shapes for its explanations.
    return "(" + ", ".join(["?" if d is UNKNOWN else str(d) for d in shape]) + ")"  # type: ignore[union-attr]


def format_output(output: Any) -> str:
    """A layer's output as ``summary()`` shows it: one shape, or a list of them."""
    if isinstance(output, list):
        return "[" + ", ".join(format_output(o) for o in output) + "]"
    return format_shape(output)
