"""Record what real Keras does when a model is trained with each built-in loss on labels of a
given shape and dtype: ``model.fit`` on a tiny model whose output has a given shape.

Each case is ``{"loss", "labels": [shape, dtype], "output": shape}`` (shapes with the sample
axis, the output's as ``None``), and ``"sample_weight": shape`` where weights (ones) are given;
the recorder builds::

    inputs = keras.Input(shape=(4,))
    outputs = layers.Reshape(output[1:])(layers.Dense(prod(output[1:]))(inputs))   # Dense alone for rank 2
    model = keras.Model(inputs, outputs)
    model.compile(optimizer="sgd", loss=<loss>)
    model.fit(np.zeros((n, 4)), np.zeros(labels_shape, labels_dtype), sample_weight=..., epochs=1, verbose=0)

and records ``error`` (Keras's message) and ``error_type``, or nothing when ``fit`` trains.
``<loss>`` is a string identifier, or ``[class_name, config]``: ``keras.losses.<class_name>(**config)``.
The fit runs with Keras's default batch size (32): the shapes in Keras's messages are those of the
first batch.  ``warning`` holds what Keras warns, when it does (a loss it accepts but doubts).

Beside the cases (``fixtures/losses/losses.json``, held to by ``tests/test_loss_rules.py``), the
recorder writes ``kerascheck/knowledge/keras_losses.py``: every string ``keras.losses.get``
resolves and every ``keras.losses`` class, as the loss function it computes and the keyword
arguments that class passes to it (its constructor's defaults).

    KERAS_BACKEND=jax python tests/oracle/loss_cases.py          # rewrite
    KERAS_BACKEND=jax python tests/oracle/loss_cases.py --check  # compare
"""

from __future__ import annotations

import inspect
import json
import os
import pprint
import sys
import warnings
from pathlib import Path
from typing import Any, Iterator

os.environ.setdefault("KERAS_BACKEND", "jax")
if "xla_backend_optimization_level" not in os.environ.get("XLA_FLAGS", ""):
    os.environ["XLA_FLAGS"] = (os.environ.get("XLA_FLAGS", "") + " --xla_backend_optimization_level=0").strip()

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
FIXTURE = ROOT / "fixtures" / "losses" / "losses.json"
KNOWLEDGE = ROOT / "kerascheck" / "knowledge" / "keras_losses.py"
sys.path.insert(0, str(HERE))
from recording import clean_message, model_of_output, check_cases, in_shard, shard_of, trace_training_steps, write_or_check  # noqa: E402

# The loss functions of keras.losses (each string and class resolves to one of them).
FUNCTIONS = (
    "mean_squared_error", "mean_absolute_error", "mean_absolute_percentage_error",
    "mean_squared_logarithmic_error", "cosine_similarity", "huber", "log_cosh", "kl_divergence", "poisson",
    "hinge", "squared_hinge", "categorical_hinge", "binary_crossentropy", "binary_focal_crossentropy",
    "categorical_crossentropy", "categorical_focal_crossentropy", "sparse_categorical_crossentropy",
    "ctc", "dice", "tversky", "circle",
)
# Losses given otherwise: aliases, compile's shorthand, classes with arguments.
OTHER_LOSSES: tuple = (
    "mse", "MAE", "bce", "kld", "ce", "crossentropy",
    ["CategoricalCrossentropy", {"from_logits": True}],
    ["CategoricalCrossentropy", {"label_smoothing": 0.1}],
    ["SparseCategoricalCrossentropy", {"from_logits": True}],
    ["SparseCategoricalCrossentropy", {"ignore_class": 0}],
    ["BinaryCrossentropy", {"from_logits": True}],
    ["MeanSquaredError", {}],
    ["CategoricalGeneralizedCrossEntropy", {}],
    ["CosineSimilarity", {"axis": 1}],
    ["Dice", {"axis": 1}],
)

# Output shapes, and the labels tried with each: (shape without the sample axis, dtype).
GRID: dict[tuple, list[tuple]] = {
    (None, 10): [((), "int64"), ((1,), "int64"), ((10,), "float32"), ((5,), "float32"), ((), "float32"),
                 ((), "uint8"), ((10, 1), "float32"), ((1, 10), "float32")],
    (None, 1): [((), "int64"), ((1,), "float32"), ((3,), "float32"), ((1, 1), "float32")],
    (None, 2): [((), "int64"), ((2,), "float32"), ((1,), "float32")],
    (None, 5, 3): [((5,), "int64"), ((5, 1), "int64"), ((5, 3), "float32"), ((3,), "float32"), ((5,), "float32")],
    (None, 5, 1): [((5,), "float32"), ((5, 1), "float32"), ((1,), "float32")],
}
SAMPLES = 6  # fewer than a batch: Keras's messages show 6
LARGE = 40  # more than a batch: Keras's messages show 32


# Sample weights (without the sample axis) tried with each loss on an output of vectors and one of
# sequences, with labels each loss takes (class ids for the sparse crossentropy, else one per unit).
WEIGHTS: dict[tuple, list[tuple]] = {
    (None, 10): [(), (1,), (10,)],
    (None, 5, 3): [(), (5,), (5, 1), (5, 3)],
}


def cases() -> Iterator[dict]:
    for loss in (*FUNCTIONS, *OTHER_LOSSES):
        for output, labels in GRID.items():
            for shape, dtype in labels:
                yield {"loss": loss, "labels": [[SAMPLES, *shape], dtype], "output": list(output)}
    for loss in ("mse", "categorical_crossentropy", "sparse_categorical_crossentropy", "binary_crossentropy"):
        for shape, dtype in GRID[(None, 10)][:4]:
            yield {"loss": loss, "labels": [[LARGE, *shape], dtype], "output": [None, 10]}
    for loss in FUNCTIONS:
        if loss in ("ctc", "circle"):
            continue  # labels of their own kind
        for output, weights in WEIGHTS.items():
            sparse = loss == "sparse_categorical_crossentropy"
            labels = [[LARGE, *output[1:-1]], "int64"] if sparse else [[LARGE, *output[1:]], "float32"]
            for weight in weights:
                yield {"loss": loss, "labels": labels, "output": list(output), "sample_weight": [LARGE, *weight]}


def unmodelled(case: dict) -> str | None:
    """Why kerascheck does not prove the error Keras may raise in ``case`` (it then only has to
    say nothing, or exactly Keras's error)."""
    if case["loss"] == "circle" and len(case["output"]) > 2:
        return "circle on embeddings of rank 3: JAX's matmul of them with their transpose is not modelled"
    return None


def make_loss(keras: Any, loss: Any) -> Any:
    if isinstance(loss, str):
        return loss
    class_name, config = loss
    return getattr(keras.losses, class_name)(**config)


def run_case(case: dict) -> dict:
    import keras
    import numpy as np

    keras.backend.clear_session(free_memory=False)
    model = model_of_output(keras, tuple(case["output"]))
    shape, dtype = case["labels"]
    result = dict(case)
    if unmodelled(case):
        result["unmodelled"] = unmodelled(case)
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            model.compile(optimizer="sgd", loss=make_loss(keras, case["loss"]))
            weights = np.ones(case["sample_weight"], "float32") if "sample_weight" in case else None
            model.fit(np.zeros((shape[0], 4), "float32"), np.zeros(shape, dtype), sample_weight=weights, epochs=1,
                      verbose=0)
    except Exception as err:  # noqa: BLE001  (the oracle records whatever Keras raises)
        result.update(error=clean_message(str(err)), error_type=type(err).__name__)
        return result
    doubts = sorted({str(w.message) for w in caught if "loss" in str(w.message).lower()})
    if doubts:
        result["warning"] = doubts
    return result


def knowledge() -> str:
    """Every loss string and class as ``(function, keyword arguments)``."""
    import keras
    from keras.src import losses
    from keras.src.losses.losses import LossFunctionWrapper

    strings: dict[str, str] = {}
    for name, obj in sorted(losses.ALL_OBJECTS_DICT.items()):
        if inspect.isfunction(obj):
            strings[name] = obj.__name__
    classes: dict[str, list] = {}
    for name in sorted(dir(keras.losses)):
        cls = getattr(keras.losses, name)
        if not (inspect.isclass(cls) and issubclass(cls, LossFunctionWrapper)) or cls is LossFunctionWrapper:
            continue
        try:
            instance = cls()
        except TypeError:  # a required argument (CategoricalGeneralizedCrossEntropy's q has a default)
            continue
        kwargs = {k: v for k, v in instance._fn_kwargs.items() if v is None or isinstance(v, (bool, int, float, str))}
        parameters = [p for p in inspect.signature(cls.__init__).parameters if p not in ("self", "kwargs")]
        classes[name] = [instance.fn.__name__, kwargs, parameters]
    for name, (function, _, _) in classes.items():
        if name in losses.ALL_OBJECTS_DICT:
            strings[name] = function
    return (
        '"""Every string ``keras.losses.get`` resolves to a loss function (``STRINGS``: string ->\n'
        "function name) and every ``keras.losses`` class that wraps one (``CLASSES``: class name ->\n"
        "[function, the keyword arguments it passes by default, its constructor's parameters]).\n\n"
        "Recorded by tests/oracle/loss_cases.py; do not edit by hand.\n"
        '"""\n\n'
        "# fmt: off\n"
        f"KERAS_VERSION = {keras.__version__!r}\n\n"
        f"STRINGS = {pprint.pformat(strings, width=110, sort_dicts=True)}\n\n"
        f"CLASSES = {pprint.pformat(classes, width=110, sort_dicts=True)}\n"
    )


def main(argv: list[str]) -> int:
    import keras

    trace_training_steps()
    shard = shard_of(argv)
    recorded = []
    for index, case in enumerate(cases()):
        loss = case["loss"] if isinstance(case["loss"], str) else case["loss"][0]
        if in_shard(index, shard):
            recorded.append(run_case({"id": f"{index:03d}-{loss}", **case}))
    if shard != (1, 1) and "--check" in argv:
        return check_cases(FIXTURE, recorded, shard) | write_or_check(KNOWLEDGE, knowledge(), argv)
    text = (
        "{\n"
        f'"keras_version": {json.dumps(keras.__version__)},\n'
        '"cases": [\n' + ",\n".join(json.dumps(c, sort_keys=True) for c in recorded) + "\n]\n}\n"
    )
    status = write_or_check(FIXTURE, text, argv)
    return status | write_or_check(KNOWLEDGE, knowledge(), argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
