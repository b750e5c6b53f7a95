"""What ``keras.metrics`` objects accept: ``metric_error(metric, y_true, y_pred_shape)`` is Keras
3.15.1's error when training a model whose output has ``y_pred_shape`` on labels ``y_true`` with
that metric in ``compile(metrics=[...])`` raises; None when Keras trains or that is not proven.

Keras builds the compiled metrics on the first batch, before the loss
(``Trainer._symbolic_build``): a metric that cannot compare the labels with the output raises
first, whatever the loss. A metric is a :class:`MetricSpec` (the class and its keyword
arguments), resolved through the table recorded from Keras (``kerascheck/knowledge/keras_metrics.py``)
to the function its ``MeanMetricWrapper`` computes (the confusion-matrix counts and the F-scores,
which wrap none, to ``confusion_matrix`` and ``f_beta_score``); the string ``"accuracy"`` to the
accuracy ``compile`` picks for the labels and predictions. Only the functions with a rule here
(``accuracy.py``, ``confusion.py``, ``f_score.py``), and the loss functions, by the loss's rule
(``loss_functions.py``), are checked; the others prove nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from kerascheck.engine.data import ArraySpec
from kerascheck.engine.dims import UNKNOWN, Unresolved
from kerascheck.engine.losses import DEFAULT_BATCH_SIZE, NUMERIC_DTYPES, batch_shapes
from kerascheck.engine.losses.base import LossError, same, wrapper_keywords

# The rule modules register themselves.
from kerascheck.engine.metrics import accuracy, confusion, f_score, loss_functions  # noqa: F401
from kerascheck.engine.metrics.accuracy import RULES


@dataclass(frozen=True)
class MetricSpec:
    """A ``keras.metrics`` object as ``compile`` is given it: its class and the keyword arguments
    it was made with (``config``, sorted ``(name, value)`` pairs)."""

    class_name: str
    config: tuple = field(default=())


def resolve(spec: MetricSpec) -> tuple[str, dict] | None:
    """The function ``spec``'s class computes and its keyword arguments; None when not known."""
    from kerascheck.knowledge import keras_metrics

    if spec.class_name in keras_metrics.CONFUSION:
        defaults = {"thresholds": None, "top_k": None, "class_id": None}
        kwargs = wrapper_keywords(defaults, keras_metrics.CONFUSION[spec.class_name], spec.config, ("name", "dtype"))
        return None if kwargs is None else ("confusion_matrix", kwargs)
    if spec.class_name in keras_metrics.F_SCORES:
        defaults = {"average": None, "threshold": None}
        kwargs = wrapper_keywords(defaults, keras_metrics.F_SCORES[spec.class_name], spec.config, ("name", "dtype"))
        return None if kwargs is None else ("f_beta_score", kwargs)
    wrapped = keras_metrics.CLASSES.get(spec.class_name)
    if wrapped is None:
        return None
    function, defaults, parameters = wrapped
    kwargs = wrapper_keywords(defaults, parameters, spec.config, ("name", "dtype"))
    return None if kwargs is None else (function, kwargs)


def _accuracy_for(y_true: tuple, y_pred: tuple) -> str:
    """``compile_utils.get_metric`` of ``"accuracy"``: the accuracy its labels and predictions call
    for (``is_binary_or_sparse_categorical``, on the batch as given)."""
    if same(y_pred[-1], 1):
        return "binary_accuracy"
    if len(y_true) < len(y_pred) or same(y_true[-1], 1) and y_pred[-1] > 1:
        return "sparse_categorical_accuracy"
    return "categorical_accuracy"


def check_metric(metric: Any, y_true: ArraySpec, y_pred_shape: Any, batch_size: Any = DEFAULT_BATCH_SIZE) -> None:
    """Raise Keras's error (a LossError) when ``metric`` (a :class:`MetricSpec`, or a string
    ``compile`` takes) cannot compare a first batch of ``y_true`` with predictions of
    ``y_pred_shape``; return when it can; raise Unresolved when that is not proven either way."""
    if y_true.dtype is not UNKNOWN and y_true.dtype not in NUMERIC_DTYPES:
        raise Unresolved("labels that are not numbers: Keras refuses them before any metric")
    shapes = batch_shapes(y_true, y_pred_shape, batch_size)
    if shapes is None:
        raise Unresolved("shapes not known")
    labels, predictions = shapes
    if isinstance(metric, str) and metric.lower() in ("accuracy", "acc"):
        function, kwargs = _accuracy_for(labels, predictions), {}
    elif isinstance(metric, MetricSpec) and resolve(metric) is not None:
        function, kwargs = resolve(metric)
    else:
        raise Unresolved("a metric kerascheck does not resolve")
    if function in RULES:
        RULES[function](labels, predictions, kwargs)
    elif loss_functions.is_loss_function(function):
        loss_functions.check_loss_function(function, labels, y_true.dtype, predictions, kwargs, NUMERIC_DTYPES)
    else:
        raise Unresolved("a metric function without a rule")


def metric_error(metric: Any, y_true: ArraySpec, y_pred_shape: Any,
                 batch_size: Any = DEFAULT_BATCH_SIZE) -> LossError | None:
    """Keras's error (message and type) when ``metric`` cannot compare a first batch of ``y_true``
    with predictions of ``y_pred_shape``; None when it can or that is not proven. Never raises."""
    try:
        check_metric(metric, y_true, y_pred_shape, batch_size)
    except LossError as error:
        return error
    except (Unresolved, TypeError, ValueError, IndexError, KeyError, AttributeError, RecursionError):
        return None
    return None


def first_metric_error(metrics: Any, y_true: ArraySpec, y_pred_shape: Any,
                       batch_size: Any = DEFAULT_BATCH_SIZE) -> tuple[Any, LossError] | None:
    """The first of ``compile``'s ``metrics`` (in their order, as Keras builds them) that raises,
    with its error, provided every metric before it is proven not to (another may raise first);
    None otherwise. Never raises."""
    for metric in metrics:
        try:
            check_metric(metric, y_true, y_pred_shape, batch_size)
        except LossError as error:
            return metric, error
        except (Unresolved, TypeError, ValueError, IndexError, KeyError, AttributeError, RecursionError):
            return None
    return None


__all__ = ["MetricSpec", "check_metric", "first_metric_error", "metric_error", "resolve"]
