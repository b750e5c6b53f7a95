"""Hinge losses: ``y_true * y_pred`` after the labels are mapped to -1/1 (same shape), reduced over
the last axis (``ops.mean``; the categorical hinge's ``ops.sum`` and ``ops.max``)."""

from __future__ import annotations

from kerascheck.engine.losses.base import broadcast, reduce, register


@register("hinge", "squared_hinge", "categorical_hinge")
def hinge(y_true: tuple, dtype: object, y_pred: tuple, kwargs: dict) -> tuple:
    return reduce(broadcast("mul", y_true, y_pred), -1)
