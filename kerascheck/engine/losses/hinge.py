"""Hinge losses: ``y_true * y_pred`` after the labels are mapped to -1/1 (same shape)."""

from __future__ import annotations

from kerascheck.engine.losses.base import broadcast, register


@register("hinge", "squared_hinge", "categorical_hinge")
def hinge(y_true: tuple, dtype: object, y_pred: tuple, kwargs: dict) -> None:
    broadcast("mul", y_true, y_pred)
