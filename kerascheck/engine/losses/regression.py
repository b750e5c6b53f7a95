"""Regression and probabilistic losses of ``keras/src/losses/losses.py``: each one an elementwise
operation of the labels and the predictions (after ``squeeze_or_expand_to_same_rank``), whose
broadcasting is the only place it raises, reduced over the last axis (``ops.mean(..., axis=-1)``):
one loss value per prediction vector."""

from __future__ import annotations

from kerascheck.engine.losses.base import broadcast, normalize_axis, reduce, register


@register("mean_squared_error", "mean_absolute_error", "mean_absolute_percentage_error")
def true_minus_pred(y_true: tuple, dtype: object, y_pred: tuple, kwargs: dict) -> tuple:
    """``ops.mean(ops.square(y_true - y_pred), axis=-1)`` (``ops.abs`` …)."""
    return reduce(broadcast("sub", y_true, y_pred), -1)


@register("mean_squared_logarithmic_error", "huber", "log_cosh")
def pred_minus_true(y_true: tuple, dtype: object, y_pred: tuple, kwargs: dict) -> tuple:
    """``y_pred - y_true`` (MSLE's ``first_log - second_log``, Huber's ``subtract(y_pred, y_true)``),
    averaged over the last axis."""
    return reduce(broadcast("sub", y_pred, y_true), -1)


@register("poisson")
def poisson(y_true: tuple, dtype: object, y_pred: tuple, kwargs: dict) -> tuple:
    """``ops.mean(y_pred - y_true * log(y_pred + epsilon), axis=-1)``."""
    return reduce(broadcast("mul", y_true, y_pred), -1)


@register("cosine_similarity")
def cosine_similarity(y_true: tuple, dtype: object, y_pred: tuple, kwargs: dict) -> tuple:
    """Each normalised over ``axis`` (labels first), then ``-ops.sum(y_true * y_pred, axis=axis)``."""
    axis = kwargs.get("axis", -1)
    normalize_axis(y_true, axis)
    normalize_axis(y_pred, axis)
    return reduce(broadcast("mul", y_true, y_pred), axis)


@register("kl_divergence")
def kl_divergence(y_true: tuple, dtype: object, y_pred: tuple, kwargs: dict) -> tuple:
    """``ops.sum(y_true * log(y_true / y_pred), axis=-1)``."""
    return reduce(broadcast("div", y_true, y_pred), -1)
