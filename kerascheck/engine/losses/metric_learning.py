"""Circle loss: embeddings ``(batch, dim)`` and one class id per sample."""

from __future__ import annotations

from kerascheck.engine.dims import Unresolved, product
from kerascheck.engine.losses.base import broadcast, register


@register("circle")
def circle(y_true: tuple, dtype: object, y_pred: tuple, kwargs: dict) -> None:
    """``matmul(y_pred, transpose(y_pred))`` (not modelled beyond rank 2), then
    ``build_pos_neg_masks``: ``equal(labels, transpose(labels))`` with rank-1 labels as a column,
    and ``logical_and`` with ``eye(size(labels), size(labels))`` to remove the diagonal."""
    if len(y_pred) != 2:
        raise Unresolved("the matmul of embeddings of rank other than 2 is not modelled")
    labels = y_true + (1,) if len(y_true) == 1 else y_true
    mask = broadcast("eq", labels, labels[::-1])
    if kwargs.get("remove_diagonal", True) is True:
        size = product(labels)
        broadcast("and", mask, (size, size))
