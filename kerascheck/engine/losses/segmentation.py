"""Dice and Tversky: ``y_true * y_pred`` summed over ``axis``; Dice then adds the sums of each."""

from __future__ import annotations

from kerascheck.engine.losses.base import broadcast, reduce, register


@register("dice")
def dice(y_true: tuple, dtype: object, y_pred: tuple, kwargs: dict) -> None:
    axis = kwargs.get("axis")
    broadcast("mul", y_true, y_pred)
    broadcast("add", reduce(y_true, axis), reduce(y_pred, axis))


@register("tversky")
def tversky(y_true: tuple, dtype: object, y_pred: tuple, kwargs: dict) -> None:
    broadcast("mul", y_true, y_pred)
