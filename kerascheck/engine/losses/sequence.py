"""CTC: labels ``(batch, max_length)``, predictions ``(batch, time, classes)``."""

from __future__ import annotations

from kerascheck.engine.dims import Unresolved
from kerascheck.engine.losses.base import LossError, register, shape_text


@register("ctc")
def ctc(y_true: tuple, dtype: object, y_pred: tuple, kwargs: dict) -> None:
    if len(y_true) != 2:
        raise LossError(
            "Targets `y_true` are expected to be a tensor of shape `(batch_size, max_length)` in integer "
            f"format. Received: y_true.shape={shape_text(y_true)}"
        )
    if len(y_pred) != 3:
        raise LossError(
            "Logits `y_pred` are expected to be a tensor of shape `(batch_size, max_length, num_classes)`. "
            f"Received: y_pred.shape={shape_text(y_pred)}"
        )
    raise Unresolved("ctc_loss itself is not modelled")  # its lengths' checks: nothing claimed
