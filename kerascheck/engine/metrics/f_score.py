"""The F-scores of ``keras/src/metrics/f_score_metrics.py`` (``F1Score``, ``FBetaScore``): built on
the first batch for labels and predictions of two axes, ``(batch_size, output_dim)``, which they
then multiply (``y_pred * y_true``) and sum over the batch into per-class counts (over everything
for ``average="micro"``)."""

from __future__ import annotations

from kerascheck.engine.dims import UNKNOWN, Unresolved
from kerascheck.engine.losses.base import LossError, broadcast, same, shape_text
from kerascheck.engine.metrics.accuracy import register


@register("f_beta_score")
def f_beta_score(y_true: tuple, y_pred: tuple, kwargs: dict) -> None:
    if len(y_pred) != 2 or len(y_true) != 2:
        if any(d is UNKNOWN for d in (*y_pred, *y_true)):
            raise Unresolved("a size not known, which Keras's message shows")
        raise LossError(
            "FBetaScore expects 2D inputs with shape (batch_size, output_dim). Received input shapes: "
            f"y_pred.shape={shape_text(y_pred)} and y_true.shape={shape_text(y_true)}."
        )
    counts = broadcast("mul", y_pred, y_true)
    if kwargs.get("average") != "micro" and not same(counts[-1], y_pred[-1]):
        raise Unresolved("counts of another number of classes than the variables': its message is not modelled")
