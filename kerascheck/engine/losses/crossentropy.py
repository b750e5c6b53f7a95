"""Cross-entropies: the backend's ``binary_crossentropy`` / ``categorical_crossentropy`` demand
labels of the predictions' shape, ``sparse_categorical_crossentropy`` one class id per
prediction (the predictions' shape without its last axis); the focal variants multiply. Each
gives one loss value per prediction vector (the class axis, ``axis``, reduced)."""

from __future__ import annotations

from kerascheck.engine.losses.base import LossError, broadcast, broadcast_all, reduce, register, same, same_shape, shape_text


def _same_shape_or_raise(target: tuple, output: tuple) -> None:
    """``keras/src/backend/jax/nn.py``: ``if target.shape != output.shape: raise ValueError``."""
    if not same_shape(target, output):
        raise LossError(
            "Arguments `target` and `output` must have the same shape. "
            f"Received: target.shape={shape_text(target)}, output.shape={shape_text(output)}"
        )


@register("binary_crossentropy", "binary_focal_crossentropy")
def binary_crossentropy(y_true: tuple, dtype: object, y_pred: tuple, kwargs: dict) -> tuple:
    """``ops.mean(backend.binary_crossentropy(...), axis=axis)``."""
    _same_shape_or_raise(y_true, y_pred)
    return reduce(y_pred, kwargs.get("axis", -1))


@register("categorical_crossentropy")
def categorical_crossentropy(y_true: tuple, dtype: object, y_pred: tuple, kwargs: dict) -> tuple:
    """The backend's ``-ops.sum(target * log(output), axis)``."""
    _same_shape_or_raise(y_true, y_pred)
    return reduce(y_pred, kwargs.get("axis", -1))


@register("categorical_focal_crossentropy")
def categorical_focal_crossentropy(y_true: tuple, dtype: object, y_pred: tuple, kwargs: dict) -> tuple:
    """``-y_true * ops.log(output)``, ``output`` of the predictions' shape, summed over ``axis``."""
    return reduce(broadcast("mul", y_true, y_pred), kwargs.get("axis", -1))


@register("sparse_categorical_crossentropy")
def sparse_categorical_crossentropy(y_true: tuple, dtype: object, y_pred: tuple, kwargs: dict) -> tuple | None:
    """Labels of the predictions' rank lose a last axis of 1 (``keras.losses`` then the backend);
    then they must be the predictions' shape without its last axis, the loss values' shape."""
    if kwargs.get("axis", -1) != -1:
        return None  # other axes: not modelled (nothing claimed)
    target = y_true
    if len(target) == len(y_pred) and same(target[-1], 1):  # losses.sparse_categorical_crossentropy
        target = target[:-1]
    if kwargs.get("ignore_class") is not None:
        # ops.where(ops.expand_dims(valid_mask, axis), y_pred, 0), the mask of the labels' shape
        y_pred = broadcast_all([target + (1,), y_pred, ()])
    if len(target) == len(y_pred) and same(target[-1], 1):  # the JAX backend's
        target = target[:-1]
    if len(y_pred) < 1:
        raise LossError(f"Argument `output` must be at least rank 1. Received: output.shape={shape_text(y_pred)}")
    if not same_shape(target, y_pred[:-1]):
        raise LossError(
            "Arguments `target` and `output` must have the same shape up until the last dimension: "
            f"target.shape={shape_text(target)}, output.shape={shape_text(y_pred)}"
        )
    return y_pred[:-1]


@register("categorical_generalized_cross_entropy")
def categorical_generalized_cross_entropy(y_true: tuple, dtype: object, y_pred: tuple, kwargs: dict) -> None:
    """``y_pred * one_hot(y_true, num_classes=y_pred.shape[-1])`` (its values' shape not modelled)."""
    broadcast("mul", y_pred, y_true + (y_pred[-1],))
