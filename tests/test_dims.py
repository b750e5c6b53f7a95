"""Shapes of unknown rank (:class:`PartialShape`) answer only what every shape they stand for
agrees on: checked against each concrete shape of each rank they may have."""

from __future__ import annotations

import itertools

import pytest

from conftest import shape_agrees
from kerascheck.engine.dims import (
    UNKNOWN,
    PartialShape,
    Unresolved,
    format_shape,
    partial_shape,
    refine_min_rank,
    refine_rank,
)

HEADS = [(), (None,), (None, 7)]
TAILS = [(), (3,), (5, 3)]
FILLERS = (11, 13, 17)  # dimensions of the unknown middle, distinct from head and tail


def _instances(shape: PartialShape) -> list[tuple]:
    """Concrete shapes ``shape`` may stand for: its middle of 0 to 3 dimensions."""
    return [shape.head + FILLERS[:m] + shape.tail for m in range(4)]


def _shapes() -> list[PartialShape]:
    return [partial_shape(h, t) for h, t in itertools.product(HEADS, TAILS) if h or t]


def _agrees_with_all(result: object, instances: list[object]) -> bool:
    if result is UNKNOWN:
        return True
    if isinstance(result, PartialShape) or isinstance(result, tuple) and all(isinstance(i, tuple) for i in instances):
        return all(shape_agrees(result, instance) for instance in instances)
    return all(result == instance for instance in instances)


KEYS = [*range(-4, 5), *(slice(a, b) for a in (None, -3, -2, -1, 0, 1, 2, 3) for b in (None, -3, -2, -1, 0, 1, 2, 3))]


@pytest.mark.parametrize("shape", _shapes(), ids=format_shape)
def test_indexing_and_slicing_agree_with_every_rank(shape: PartialShape) -> None:
    instances = _instances(shape)
    for key in KEYS:
        expected = []
        for instance in instances:
            try:
                expected.append(instance[key])
            except IndexError:
                expected.append(None)  # a rank where the index does not exist: Python raises
        result = shape[key]
        if isinstance(key, int):
            possible = [e for e, i in zip(expected, instances) if -len(i) <= key < len(i)]
            assert result is UNKNOWN or all(result == e for e in possible), (shape, key, result)
        else:
            assert _agrees_with_all(result, expected), (shape, key, result)


@pytest.mark.parametrize("shape", _shapes(), ids=format_shape)
def test_concatenation_keeps_the_known_ends(shape: PartialShape) -> None:
    instances = _instances(shape)
    assert _agrees_with_all(shape + (9,), [i + (9,) for i in instances])
    assert _agrees_with_all((9,) + shape, [(9,) + i for i in instances])
    assert (shape + (9,))[-1] == 9 and ((9,) + shape)[0] == 9


@pytest.mark.parametrize("shape", _shapes(), ids=format_shape)
def test_what_depends_on_the_rank_is_undecidable(shape: PartialShape) -> None:
    with pytest.raises(Unresolved):
        len(shape)
    with pytest.raises(Unresolved):
        tuple(shape)
    with pytest.raises(Unresolved):
        _ = shape == _instances(shape)[1]
    if shape.tail:  # a last dimension that contradicts the tail: proven different
        assert shape != shape.head + (99,) + shape.tail[:-1] + (98,)
    assert shape == partial_shape(shape.head, shape.tail)  # the same description


def test_refining_to_a_rank_fills_the_middle_with_unknown_dimensions() -> None:
    shape = partial_shape((None,), (3,))
    assert refine_rank(shape, 4) == (None, UNKNOWN, UNKNOWN, 3)
    assert refine_rank(UNKNOWN, 2) == (UNKNOWN, UNKNOWN)
    assert refine_rank((None, 3), 4) == (None, 3)  # a known shape stays as it is
    at_least_three = refine_min_rank(shape, 3)
    assert isinstance(at_least_three, PartialShape) and at_least_three.min_rank == 3
    assert at_least_three[:-1] == partial_shape((None,), (UNKNOWN,))


def test_unknown_plus_a_tuple_is_a_shape_of_unknown_rank_ending_with_it() -> None:
    assert UNKNOWN + (64,) == partial_shape((), (64,))
    assert (None,) + UNKNOWN == partial_shape((None,), ())
    assert UNKNOWN + 1 is UNKNOWN


def test_a_shape_of_unknown_rank_prints_its_unknown_dimensions_as_one_mark() -> None:
    assert format_shape(partial_shape((None,), (64,))) == "(None, ?..., 64)"
    assert format_shape(partial_shape((), (UNKNOWN, 8))) == "(?..., ?, 8)"
