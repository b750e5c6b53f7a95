"""Dice and Tversky: ``y_true * y_pred`` summed over ``axis`` (every axis by default: one value
for the batch); Dice then adds the sums of each."""

from __future__ import annotations

from kerascheck.engine.losses.base import broadcast, reduce, register


@register("dice")
def dice(y_true: tuple, dtype: object, y_pred: tuple, kwargs: dict) -> tuple:
    axis = kwargs.get("axis")
    broadcast("mul", y_true, y_pred)
    return broadcast("add", reduce(y_true, axis), reduce(y_pred, axis))


@register("tversky")
def tversky(y_true: tuple, dtype: object, y_pred: tuple, kwargs: dict) -> tuple:
    return reduce(broadcast("mul", y_true, y_pred), kwargs.get("axis"))
