"""The variables an optimizer creates, which Keras 3's ``summary()`` counts once the model is
trained ("Optimizer params", added to "Total params").

``Optimizer.build(variables)`` creates, as each optimizer's ``build`` states it:

- ``iteration`` (a scalar), and ``learning_rate`` (a scalar) unless the learning rate is a
  ``LearningRateSchedule``;
- per trainable variable of the model, slots of the variable's own shape: SGD a ``momentum``
  when ``momentum`` is not 0; RMSprop a ``velocity``, a ``momentum`` when ``momentum`` > 0 and
  an ``average_gradient`` when ``centered``; Adam and AdamW a ``momentum`` and a ``velocity``,
  and a ``velocity_hat`` with ``amsgrad``; Adadelta an ``accumulated_grad`` and an
  ``accumulated_delta_var``; Adagrad an ``accumulator``; Adamax a ``momentum`` and a ``norm``;
  Nadam a ``momentum`` and a ``velocity``, and one scalar ``u_product``; Ftrl an
  ``accumulator`` and a ``linear``; Lion a ``momentum``; Lamb a ``momentum`` and a ``velocity``;
- with ``use_ema=True``, an ``average`` per variable; with ``gradient_accumulation_steps``, an
  ``accumulator`` per variable.

A ``LossScaleOptimizer`` (which ``compile`` wraps the optimizer in when the model's dtype policy
is ``mixed_float16``) has its inner optimizer's variables and its own: ``step_counter`` (an int),
``dynamic_scale``, and its own ``iteration`` and ``learning_rate``.

Adafactor (factored slots), Muon (slots by the variable's rank) and ScheduleFreeAdamW are not
modelled: their count is UNKNOWN.  Every count here is proven by the
trained models of ``fixtures/summary/trained_models_optimizer_params.py``, recorded from Keras.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from kerascheck.engine.dims import UNKNOWN, Unresolved

# compile(optimizer="...") names, in any case (keras.optimizers.get): the class each makes.
OPTIMIZER_STRINGS = {
    "adadelta": "Adadelta", "adafactor": "Adafactor", "adagrad": "Adagrad", "adam": "Adam", "adamax": "Adamax",
    "adamw": "AdamW", "ftrl": "Ftrl", "lion": "Lion", "muon": "Muon", "nadam": "Nadam", "rmsprop": "RMSprop",
    "schedulefreeadamw": "ScheduleFreeAdamW", "sgd": "SGD",
}
OPTIMIZER_CLASSES = frozenset(OPTIMIZER_STRINGS.values()) | {"Lamb", "LossScaleOptimizer"}

# Slots per trainable variable that every instance of the class has.
_SLOTS = {
    "SGD": 0, "RMSprop": 1, "Adam": 2, "AdamW": 2, "Adadelta": 2, "Adagrad": 1, "Adamax": 2, "Nadam": 2,
    "Ftrl": 2, "Lion": 1, "Lamb": 2,
}
# Scalars beside iteration and learning_rate.
_SCALARS = {"Nadam": 1}
# The positional parameters of each class's constructor after learning_rate (what a positional
# argument sets); keywords outside these and the base class's make the count unknown.
_BASE_KEYWORDS = frozenset({
    "learning_rate", "weight_decay", "clipnorm", "clipvalue", "global_clipnorm", "use_ema", "ema_momentum",
    "ema_overwrite_frequency", "loss_scale_factor", "gradient_accumulation_steps", "name", "epsilon",
})
_KEYWORDS = {
    "SGD": ("momentum", "nesterov"),
    "RMSprop": ("rho", "momentum", "epsilon", "centered"),
    "Adam": ("beta_1", "beta_2", "epsilon", "amsgrad"),
    "AdamW": ("weight_decay", "beta_1", "beta_2", "epsilon", "amsgrad"),
    "Adadelta": ("rho", "epsilon"),
    "Adagrad": ("initial_accumulator_value", "epsilon"),
    "Adamax": ("beta_1", "beta_2", "epsilon"),
    "Nadam": ("beta_1", "beta_2", "epsilon"),
    "Ftrl": ("learning_rate_power", "initial_accumulator_value", "l1_regularization_strength",
             "l2_regularization_strength", "l2_shrinkage_regularization_strength", "beta"),
    "Lion": ("beta_1", "beta_2"),
    "Lamb": ("beta_1", "beta_2", "epsilon"),
}


# LossScaleOptimizer(inner_optimizer, initial_scale=2.0**15, dynamic_growth_steps=2000, name=None).
_LOSS_SCALE_PARAMETERS = ("inner_optimizer", "initial_scale", "dynamic_growth_steps", "name")


@dataclass(frozen=True, eq=False)
class OptimizerSpec:
    """An optimizer as ``compile`` receives it: its class and its constructor's arguments
    (``learning_schedule``: the learning rate is a ``LearningRateSchedule``). One instance per
    optimizer object of the program (compared by identity): an instance built by one fit keeps
    its variables when it is compiled again."""

    class_name: str
    config: tuple = ()
    learning_schedule: bool = False


def optimizer_spec(class_name: str, args: tuple, kwargs: dict[str, Any], schedule: bool = False) -> Any:
    """The spec of ``keras.optimizers.<class_name>(*args, **kwargs)``, or UNKNOWN."""
    if class_name not in OPTIMIZER_CLASSES:
        return UNKNOWN
    names = _LOSS_SCALE_PARAMETERS if class_name == "LossScaleOptimizer" else (
        "learning_rate", *_KEYWORDS.get(class_name, ()))
    if len(args) > len(names):
        return UNKNOWN
    config = dict(zip(names, args))
    for key, value in kwargs.items():
        if key in config:
            return UNKNOWN  # Python raises: given twice
        config[key] = value
    return OptimizerSpec(class_name, tuple(config.items()), schedule)


def optimizer_params(spec: Any, trainable_params: Any, trainable_bytes: Any, int_bytes: Any = 4) -> tuple[Any, Any]:
    """The number of values the optimizer's variables hold once built on the model's trainable
    variables (``trainable_params`` values in all, of ``trainable_bytes``), and their size in
    bytes (each slot in its variable's dtype; ``iteration`` of dtype "int", ``int_bytes`` on the
    backend, the other scalars float32); UNKNOWN where that is not known."""
    layout = _layout(spec)
    if layout is UNKNOWN:
        return UNKNOWN, UNKNOWN
    ints, floats, slots = layout
    count = ints + floats + slots * trainable_params if type(trainable_params) is int else UNKNOWN
    size = ints * int_bytes + 4 * floats + slots * trainable_bytes if type(trainable_bytes) is int and type(
        int_bytes) is int else UNKNOWN
    return count, size


def loss_scaled(spec: Any) -> Any:
    """The ``LossScaleOptimizer`` that ``compile`` wraps ``spec`` in (mixed_float16)."""
    if not isinstance(spec, OptimizerSpec):
        return UNKNOWN
    return spec if spec.class_name == "LossScaleOptimizer" else OptimizerSpec(
        "LossScaleOptimizer", (("inner_optimizer", spec),))


def _layout(spec: Any) -> Any:
    """``(int scalars, float32 scalars, slots per trainable variable)`` of the optimizer, or UNKNOWN."""
    if isinstance(spec, OptimizerSpec) and spec.class_name == "LossScaleOptimizer":
        config = dict(spec.config)
        inner = _layout(config.get("inner_optimizer"))
        if inner is UNKNOWN or any(key not in _LOSS_SCALE_PARAMETERS for key in config):
            return UNKNOWN
        # step_counter and its iteration (ints), dynamic_scale and its learning_rate (0.0).
        return inner[0] + 2, inner[1] + 2, inner[2]
    if not isinstance(spec, OptimizerSpec) or spec.class_name not in _SLOTS:
        return UNKNOWN
    config = dict(spec.config)
    allowed = _BASE_KEYWORDS | set(_KEYWORDS.get(spec.class_name, ()))
    if any(key not in allowed for key in config):
        return UNKNOWN
    try:
        slots = _SLOTS[spec.class_name]
        if spec.class_name == "SGD":
            slots += _flag(config.get("momentum", 0.0) != 0)
        if spec.class_name == "RMSprop":
            slots += _flag(config.get("momentum", 0.0) > 0) + _flag(config.get("centered", False))
        if spec.class_name in ("Adam", "AdamW"):
            slots += _flag(config.get("amsgrad", False))
        slots += _flag(config.get("use_ema", False))
        steps = config.get("gradient_accumulation_steps")
        if steps is UNKNOWN:
            return UNKNOWN
        slots += _flag(steps is not None)
        learning_rate = config.get("learning_rate", 0.001)
        if spec.learning_schedule:
            scalars = 1  # iteration only: the schedule computes the rate
        elif type(learning_rate) in (int, float):
            scalars = 2
        else:
            return UNKNOWN  # perhaps a schedule, which makes no variable
    except (Unresolved, TypeError):
        return UNKNOWN
    return 1, scalars - 1 + _SCALARS.get(spec.class_name, 0), slots  # (iteration: an int)


def _flag(condition: Any) -> int:
    """1 when ``condition`` holds, 0 when not; a condition on an unknown value raises Unresolved."""
    if type(condition) is not bool:
        raise Unresolved("a decision depends on an unresolved value")
    return int(condition)
