"""What each built-in Keras loss accepts: ``check_loss(loss, y_true, y_pred_shape)`` is Keras
3.15.1's message when training a model whose output has ``y_pred_shape`` on labels ``y_true``
with ``loss`` raises, None when Keras accepts it or when that cannot be proven.

A loss is a :class:`LossSpec`: what ``compile(loss=...)`` was given, resolved through the
table recorded from Keras (``kerascheck/knowledge/keras_losses.py``) to the loss function it
computes and that function's keyword arguments.  One module per family mirrors the functions
of ``keras/src/losses/losses.py`` (regression, hinge, crossentropy, segmentation, sequence,
metric_learning);
all of them first pass through ``LossFunctionWrapper.call``'s ``squeeze_or_expand_to_same_rank``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable

from kerascheck.engine.data import ArraySpec
from kerascheck.engine.dims import UNKNOWN, PartialShape, Unresolved

# The rule modules register themselves.
from kerascheck.engine.losses import crossentropy, hinge, metric_learning, regression, segmentation, sequence  # noqa: F401
from kerascheck.engine.losses.base import (
    BATCH,
    RULES,
    LossError,
    broadcast,
    same,
    squeeze_or_expand_to_same_rank,
    wrapper_keywords,
)

DEFAULT_BATCH_SIZE = 32  # fit()'s batch_size when it is not given

# Label dtypes the rules are written for (NumPy's names); others (strings, objects) prove nothing.
NUMERIC_DTYPES = frozenset(
    {"bool", "uint8", "uint16", "uint32", "uint64", "int8", "int16", "int32", "int64",
     "float16", "bfloat16", "float32", "float64"}
)


@dataclass(frozen=True)
class LossSpec:
    """A loss as ``compile`` is given it: a string (``"mse"``, ``"categorical_crossentropy"``),
    or a ``keras.losses`` class (``class_name``) or function (``function``) with the keyword
    arguments it was constructed with (``config``, as sorted ``(name, value)`` pairs)."""

    identifier: str | None = None  # compile(loss="mse")
    class_name: str | None = None  # compile(loss=keras.losses.CategoricalCrossentropy(from_logits=True))
    function: str | None = None  # compile(loss=keras.losses.categorical_crossentropy)
    config: tuple = field(default=())


def loss_spec(loss: Any) -> LossSpec | None:
    """A :class:`LossSpec` of ``loss`` given as a string, a ``LossSpec``, or a pair
    ``(class name, config dict)``; None for anything else."""
    if isinstance(loss, LossSpec):
        return loss
    if isinstance(loss, str):
        return LossSpec(identifier=loss)
    if isinstance(loss, (tuple, list)) and len(loss) == 2 and isinstance(loss[0], str) and isinstance(loss[1], dict):
        return LossSpec(class_name=loss[0], config=tuple(sorted(loss[1].items())))
    return None


def resolve(spec: LossSpec, y_true: tuple, y_pred: tuple) -> tuple[str, dict] | None:
    """The loss function ``spec`` computes and its keyword arguments; None when unknown."""
    from kerascheck.knowledge import keras_losses

    if spec.identifier is not None:
        name = spec.identifier
        if name.lower() in ("crossentropy", "ce"):  # compile_utils.get_loss picks one from the shapes
            return _crossentropy_for(y_true, y_pred), {}
        function = keras_losses.STRINGS.get(name)
        if function is None:
            return None
        wrapped = keras_losses.CLASSES.get(name)
        return function, dict(wrapped[1]) if wrapped is not None else {}
    if spec.class_name is not None:
        wrapped = keras_losses.CLASSES.get(spec.class_name)
        if wrapped is None:
            return None
        function, defaults, parameters = wrapped
        kwargs = wrapper_keywords(defaults, parameters, spec.config, ("reduction", "name", "dtype"))
        return None if kwargs is None else (function, kwargs)
    if spec.function is not None and spec.function in RULES:
        return spec.function, dict(spec.config)
    return None


def labels_beyond_outputs(loss: Any, largest: Any, y_pred_shape: Any) -> str | None:
    """Class ids given to ``sparse_categorical_crossentropy`` (its ``from_logits`` and axis -1
    alike) whose ``largest`` id has no unit in the output's last axis: Keras trains without an
    error, on a wrong loss. The warning's message, or None."""
    spec = loss_spec(loss)
    if spec is None or type(largest) is not int or not isinstance(y_pred_shape, tuple) or not y_pred_shape:
        return None
    units = y_pred_shape[-1]
    if type(units) is not int or largest < units or units == 1:
        return None
    try:
        resolved = resolve(spec, (BATCH,), (BATCH, units))
    except Unresolved:
        return None
    if resolved is None or resolved[0] != "sparse_categorical_crossentropy" or resolved[1].get("axis", -1) != -1:
        return None
    return (f"the labels go up to {largest}, but the output has {units} units (classes 0 to {units - 1}); "
            "Keras trains without an error, on a loss that is not the one meant")


def _crossentropy_for(y_true: tuple, y_pred: tuple) -> str:
    """``compile_utils.is_binary_or_sparse_categorical``."""
    if same(y_pred[-1], 1):
        return "binary_crossentropy"
    if len(y_true) < len(y_pred) or same(y_true[-1], 1) and y_pred[-1] > 1:
        return "sparse_categorical_crossentropy"
    return "categorical_crossentropy"


def batch_shapes(y_true: ArraySpec, y_pred_shape: Any, batch_size: Any) -> tuple[tuple, tuple] | None:
    """The shapes of the labels and of the predictions of the first batch ``fit`` trains on
    (``min(batch_size, samples)`` of them), or None when they are not known."""
    labels, output = y_true.shape, y_pred_shape
    for shape in (labels, output):
        if shape is UNKNOWN or type(shape) is PartialShape or not isinstance(shape, tuple) or not shape:
            return None
    if any(d is UNKNOWN or d is None for d in labels[1:]):
        return None
    # An axis the model leaves to the data (None: timesteps) has the size the batch gives it:
    # unknown here, so a rule deciding on it proves nothing, and one deciding elsewhere still does.
    output = (output[0],) + tuple(UNKNOWN if d is None else d for d in output[1:])
    samples = labels[0]
    if type(samples) is int and type(batch_size) is int:
        batch: Any = min(samples, batch_size)
    elif type(batch_size) is int and batch_size == 1:
        batch = 1  # one sample a batch, however many there are
    else:
        batch = BATCH
    return (batch,) + tuple(labels[1:]), (batch,) + tuple(output[1:])


def check_loss(loss: Any, y_true: ArraySpec, y_pred_shape: Any, batch_size: Any = DEFAULT_BATCH_SIZE,
               sample_weight: ArraySpec | None = None) -> str | None:
    """Keras's message when ``fit`` with ``loss`` on labels ``y_true`` and a model output of
    ``y_pred_shape`` (batch dimension included) raises; None when it trains or is not proven
    to raise.  ``sample_weight``: the weights given with the labels (to an unmasked output), which
    the loss values are multiplied by.  Never raises."""
    error = loss_error(loss, y_true, y_pred_shape, batch_size, sample_weight)
    return None if error is None else error.message


def weighted(values: tuple | None, sample_weight: ArraySpec, batch: Any) -> LossError | None:
    """``reduce_weighted_values``: the loss values (one per prediction vector, ``values``) and the
    weights of the batch (``sample_weight``'s first ``batch`` rows) brought to one rank
    (``squeeze_or_expand_to_same_rank``), then multiplied: JAX's error where they do not
    broadcast."""
    shape = sample_weight.shape
    if values is None or not isinstance(shape, tuple) or type(shape) is PartialShape or not shape:
        return None
    weights = (batch,) + tuple(UNKNOWN if d is None else d for d in shape[1:])
    values, weights = squeeze_or_expand_to_same_rank(values, weights)
    try:
        broadcast("mul", values, weights)
    except LossError as error:
        return error
    return None


def _same_samples(a: ArraySpec, b: ArraySpec) -> bool:
    """Both arrays have a known number of samples, the same."""
    first = [s.shape[0] if isinstance(s.shape, tuple) and type(s.shape) is not PartialShape and s.shape else UNKNOWN
             for s in (a, b)]
    return all(type(n) is int for n in first) and first[0] == first[1]


def loss_error(loss: Any, y_true: ArraySpec, y_pred_shape: Any, batch_size: Any = DEFAULT_BATCH_SIZE,
               sample_weight: ArraySpec | None = None) -> LossError | None:
    """:func:`check_loss` with the type of the error Keras raises."""
    try:
        spec = loss_spec(loss)
        shapes = batch_shapes(y_true, y_pred_shape, batch_size)
        if y_true.dtype is UNKNOWN:
            # Labels read from data: an error only when the loss raises whatever numbers they hold
            # (labels that are not numbers, strings or objects, Keras refuses before the loss).
            dtypes: Iterable[Any] = sorted(NUMERIC_DTYPES)
        elif y_true.dtype in NUMERIC_DTYPES:
            dtypes = (y_true.dtype,)
        else:
            return None
        if spec is None or shapes is None:
            return None
        labels, predictions = shapes
        resolved = resolve(spec, labels, predictions)
        if resolved is None or resolved[0] not in RULES:
            return None
        function, kwargs = resolved
        labels, predictions = squeeze_or_expand_to_same_rank(labels, predictions)
        errors = []
        for dtype in dtypes:
            try:
                values = RULES[function](labels, dtype, predictions, kwargs)
            except LossError as error:
                errors.append(error)
            else:  # these labels give loss values, which the weights multiply
                if sample_weight is None or not _same_samples(sample_weight, y_true):
                    return None  # (weights of another sample count: the data adapter raises first)
                return weighted(values, sample_weight, labels[0])
        return errors[0]
    except LossError as error:
        return error
    except (Unresolved, TypeError, ValueError, IndexError, KeyError, AttributeError, RecursionError):
        return None


__all__ = ["LossSpec", "check_loss", "labels_beyond_outputs", "loss_error", "loss_spec", "weighted", "DEFAULT_BATCH_SIZE"]
