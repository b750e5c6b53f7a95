"""The confusion-matrix counts of ``keras/src/metrics/confusion_metrics.py`` (``Precision``,
``Recall``, ``TruePositives``…) at their thresholds: ``metrics_utils.update_confusion_matrix_variables``
brings the predictions and the labels to one rank, flattens each into one row (``[1, -1]``), tiles
the rows per threshold, and counts with ``ops.logical_and(label, prediction)``, which the backend
refuses where the two rows are not of one length: labels that are not one per prediction (class
ids against ten scores)."""

from __future__ import annotations

import math

from kerascheck.engine.dims import Unresolved
from kerascheck.engine.losses.base import broadcast, squeeze_or_expand_to_same_rank
from kerascheck.engine.metrics.accuracy import register


def _size(shape: tuple) -> int:
    if not all(type(d) is int for d in shape):
        raise Unresolved("a size not known")
    return math.prod(shape)


@register("confusion_matrix")
def confusion_matrix(y_true: tuple, y_pred: tuple, kwargs: dict) -> None:
    """One threshold (0.5 by default, or one number) and no ``top_k`` or ``class_id`` (which pick
    predictions first: not modelled)."""
    thresholds = kwargs.get("thresholds")
    if kwargs.get("top_k") is not None or kwargs.get("class_id") is not None or not (
            thresholds is None or type(thresholds) in (int, float)):
        raise Unresolved("several thresholds, top_k or class_id: not modelled")
    y_pred, y_true = squeeze_or_expand_to_same_rank(y_pred, y_true)
    broadcast("and", (1, _size(y_true)), (1, _size(y_pred)))
