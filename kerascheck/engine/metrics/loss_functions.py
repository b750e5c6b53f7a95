"""Metrics that wrap a loss function of ``keras/src/losses/losses.py`` (``BinaryCrossentropy``,
``MeanSquaredError``…): ``MeanMetricWrapper.update_state`` calls the function on the labels and
predictions as they are, without the ``squeeze_or_expand_to_same_rank`` that a loss object's
``LossFunctionWrapper`` applies first. Some functions apply it themselves (recorded from their
code: ``keras_metrics.SQUEEZING``); the others, the crossentropies among them, get labels of
another rank as they are, and the backend refuses them. The function's own rule is the loss's
(``kerascheck/engine/losses``)."""

from __future__ import annotations

from typing import Any

from kerascheck.engine.dims import UNKNOWN, Unresolved
from kerascheck.engine.losses.base import RULES as LOSS_RULES
from kerascheck.engine.losses.base import LossError, squeeze_or_expand_to_same_rank


def is_loss_function(function: str) -> bool:
    return function in LOSS_RULES


def check_loss_function(function: str, labels: tuple, dtype: Any, predictions: tuple, kwargs: dict,
                        numeric_dtypes: frozenset[str]) -> None:
    """Raise the LossError the wrapped loss function raises on these batch shapes, for labels of
    ``dtype`` (when it is not known, only an error every numeric dtype raises)."""
    from kerascheck.knowledge import keras_metrics

    if function in keras_metrics.SQUEEZING:
        labels, predictions = squeeze_or_expand_to_same_rank(labels, predictions)
    errors = []
    for candidate in sorted(numeric_dtypes) if dtype is UNKNOWN else (dtype,):
        try:
            LOSS_RULES[function](labels, candidate, predictions, kwargs)
        except LossError as error:
            errors.append(error)
        else:
            return
    if not errors:
        raise Unresolved("no dtype")
    raise errors[0]
