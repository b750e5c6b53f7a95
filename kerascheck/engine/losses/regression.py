"""Regression and probabilistic losses of ``keras/src/losses/losses.py``: each one an elementwise
operation of the labels and the predictions (after ``squeeze_or_expand_to_same_rank``), whose
broadcasting is the only place it raises."""

from __future__ import annotations

from kerascheck.engine.losses.base import broadcast, normalize_axis, register


@register("mean_squared_error", "mean_absolute_error", "mean_absolute_percentage_error")
def true_minus_pred(y_true: tuple, dtype: object, y_pred: tuple, kwargs: dict) -> None:
    """``y_true - y_pred`` (``ops.square(y_true - y_pred)``, ``ops.abs(y_true - y_pred)`` …)."""
    broadcast("sub", y_true, y_pred)


@register("mean_squared_logarithmic_error", "huber", "log_cosh")
def pred_minus_true(y_true: tuple, dtype: object, y_pred: tuple, kwargs: dict) -> None:
    """``y_pred - y_true`` (MSLE's ``first_log - second_log``, Huber's ``subtract(y_pred, y_true)``)."""
    broadcast("sub", y_pred, y_true)


@register("poisson")
def poisson(y_true: tuple, dtype: object, y_pred: tuple, kwargs: dict) -> None:
    """``y_true * log(y_pred + epsilon)``."""
    broadcast("mul", y_true, y_pred)


@register("cosine_similarity")
def cosine_similarity(y_true: tuple, dtype: object, y_pred: tuple, kwargs: dict) -> None:
    """Each normalised over ``axis`` (labels first), then ``y_true * y_pred``."""
    axis = kwargs.get("axis", -1)
    normalize_axis(y_true, axis)
    normalize_axis(y_pred, axis)
    broadcast("mul", y_true, y_pred)


@register("kl_divergence")
def kl_divergence(y_true: tuple, dtype: object, y_pred: tuple, kwargs: dict) -> None:
    """``y_true * log(y_true / y_pred)``."""
    broadcast("div", y_true, y_pred)
