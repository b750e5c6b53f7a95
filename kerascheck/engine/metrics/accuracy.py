"""The accuracies of ``keras/src/metrics/accuracy_metrics.py``: each compares the labels with the
predictions elementwise (``ops.equal``), after bringing them to one rank its own way; the
backend raises where they do not broadcast, and ``ops.squeeze`` where the axis it squeezes is not
of size 1. Shapes are those of the first batch (see ``kerascheck/engine/losses/base.py``)."""

from __future__ import annotations

from typing import Callable

from kerascheck.engine.dims import UNKNOWN, Unresolved, product
from kerascheck.engine.losses.base import LossError, broadcast, same, squeeze_or_expand_to_same_rank

# A rule: (y_true shape, y_pred shape, keyword arguments) -> None, raising LossError.
MetricRule = Callable[[tuple, tuple, dict], None]
RULES: dict[str, MetricRule] = {}


def register(*functions: str) -> Callable[[MetricRule], MetricRule]:
    def decorate(rule: MetricRule) -> MetricRule:
        for name in functions:
            RULES[name] = rule
        return rule

    return decorate


def _squeeze_last(shape: tuple) -> tuple:
    """``ops.squeeze(x, -1)``: JAX's error where the last axis is not of size 1."""
    if not same(shape[-1], 1):
        raise LossError(f"cannot select an axis to squeeze out which has size not equal to one, got "
                        f"shape={tuple(shape)!r} and dimensions=({len(shape) - 1},)")
    return shape[:-1]


def _reshape(matches: tuple, shape: tuple) -> None:
    """``ops.reshape(matches, shape)``: the same number of elements, else an error whose message
    is not modelled (nothing claimed). Both keep the batch axis first."""
    if not matches or not shape or matches[0] is not shape[0]:
        raise Unresolved("a reshape across the batch axis")
    if product(matches[1:]) is UNKNOWN or product(matches[1:]) != product(shape[1:]):
        raise Unresolved("a reshape of another size, or of sizes not known: its message is not modelled")


@register("accuracy", "binary_accuracy")
def accuracy(y_true: tuple, y_pred: tuple, kwargs: dict) -> None:
    """``squeeze_or_expand_to_same_rank(y_true, y_pred)``, then ``ops.equal(y_true, y_pred)``
    (``binary_accuracy`` first compares the predictions with its threshold, a scalar)."""
    y_true, y_pred = squeeze_or_expand_to_same_rank(y_true, y_pred)
    broadcast("eq", y_true, y_pred)


@register("categorical_accuracy")
def categorical_accuracy(y_true: tuple, y_pred: tuple, kwargs: dict) -> None:
    """The labels' argmax over their last axis, squeezed once more where that leaves them of the
    predictions' rank, equal to the predictions' argmax."""
    if not y_true or not y_pred:
        raise Unresolved("an argmax of a scalar")
    y_true = y_true[:-1]
    original = y_true
    reshape = len(y_true) == len(y_pred)
    if reshape:
        y_true = _squeeze_last(y_true)
    matches = broadcast("eq", y_true, y_pred[:-1])
    if reshape:
        _reshape(matches, original)


@register("sparse_categorical_accuracy")
def sparse_categorical_accuracy(y_true: tuple, y_pred: tuple, kwargs: dict) -> None:
    """Labels of the predictions' rank lose a last axis of 1; they are compared with the
    predictions' argmax over their last axis."""
    if not y_pred:
        raise Unresolved("an argmax of a scalar")
    original = y_true
    reshape = len(y_true) == len(y_pred) and bool(y_true) and same(y_true[-1], 1)
    if reshape:
        y_true = y_true[:-1]
    matches = broadcast("eq", y_true, y_pred[:-1])
    if reshape:
        _reshape(matches, original)
