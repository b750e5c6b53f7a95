"""Record what real Keras does when a model is trained with a ``keras.metrics`` object on labels
of a given shape: ``model.fit`` on a tiny model whose output has a given shape, compiled with a
loss that accepts any labels, so that only the metric can raise.

Each case is ``{"metric": [class_name, config], "labels": [shape, dtype], "output": shape}``
(shapes with the sample axis, the output's as ``None``; ``metric`` a string for a metric given
as one); the recorder builds::

    inputs = keras.Input(shape=(4,))
    outputs = layers.Reshape(output[1:])(layers.Dense(prod(output[1:]))(inputs))   # Dense alone for rank 2
    model = keras.Model(inputs, outputs)
    model.compile(optimizer="sgd", loss=lambda y_true, y_pred: keras.ops.mean(y_pred),
                  metrics=[keras.metrics.<class_name>(**config)])
    model.fit(np.zeros((n, 4)), np.zeros(labels_shape, labels_dtype), epochs=1, verbose=0)

and records ``error`` (Keras's message) and ``error_type``, or nothing when ``fit`` trains.
Keras builds the compiled metrics on the first batch before the loss (``Trainer._symbolic_build``),
so a metric that cannot compare the labels with the output raises first, whatever the loss.

Beside the cases (``fixtures/metrics/metrics.json``, held to by ``tests/test_metric_rules.py``),
the recorder writes ``kerascheck/knowledge/keras_metrics.py``: every ``keras.metrics`` class that
wraps a function (``MeanMetricWrapper``), as that function and the keyword arguments the class
passes to it.

    KERAS_BACKEND=jax python tests/oracle/metric_cases.py          # rewrite
    KERAS_BACKEND=jax python tests/oracle/metric_cases.py --check  # compare
"""

from __future__ import annotations

import inspect
import json
import os
import pprint
import sys
from pathlib import Path
from typing import Iterator

os.environ.setdefault("KERAS_BACKEND", "jax")
if "xla_backend_optimization_level" not in os.environ.get("XLA_FLAGS", ""):
    os.environ["XLA_FLAGS"] = (os.environ.get("XLA_FLAGS", "") + " --xla_backend_optimization_level=0").strip()

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
FIXTURE = ROOT / "fixtures" / "metrics" / "metrics.json"
KNOWLEDGE = ROOT / "kerascheck" / "knowledge" / "keras_metrics.py"
sys.path.insert(0, str(HERE))
from recording import clean_message, model_of_output, check_cases, in_shard, shard_of, trace_training_steps, write_or_check  # noqa: E402

# The metrics kerascheck has rules for: the accuracies users give compile as objects, and the
# string "accuracy", for which compile picks the binary, sparse or categorical accuracy from the
# shapes. (A metric without a rule proves nothing: recording it would only cost the oracle time.)
METRICS: tuple = (
    ["Accuracy", {}], ["BinaryAccuracy", {}], ["BinaryAccuracy", {"threshold": 0.3}], ["CategoricalAccuracy", {}],
    ["SparseCategoricalAccuracy", {}], "accuracy",
    # The confusion-matrix counts at one threshold (every label against every prediction).
    ["Precision", {}], ["Recall", {"thresholds": 0.3}], ["TruePositives", {}], ["FalseNegatives", {}],
    # The F-scores, of 2-D labels and predictions only.
    ["F1Score", {}], ["FBetaScore", {"beta": 2.0, "average": "micro"}],
    # Metrics that wrap a loss function, which gets the labels as they are (the crossentropies),
    # or brings them to the predictions' rank itself (the mean squared error).
    ["BinaryCrossentropy", {}], ["CategoricalCrossentropy", {}], ["MeanSquaredError", {}],
)
# The metrics that count a confusion matrix at given thresholds (``metrics_utils.
# update_confusion_matrix_variables``): they wrap no function.
CONFUSION = ("Precision", "Recall", "TruePositives", "FalsePositives", "TrueNegatives", "FalseNegatives")
# The F-scores (``f_score_metrics.FBetaScore``): they wrap no function either.
F_SCORES = ("F1Score", "FBetaScore")

# Output shapes, and the labels tried with each: (shape without the sample axis, dtype).
GRID: dict[tuple, list[tuple]] = {
    (None, 10): [((), "int64"), ((1,), "int64"), ((10,), "float32"), ((5,), "float32"), ((10, 1), "float32")],
    (None, 1): [((), "float32"), ((1,), "float32"), ((3,), "float32")],
    (None, 2): [((), "int64"), ((2,), "float32")],
    (None, 5, 3): [((5,), "int64"), ((5, 1), "int64"), ((5, 3), "float32"), ((3,), "float32")],
}
SAMPLES = 40  # more than a batch: Keras's messages show 32


def cases() -> Iterator[dict]:
    for metric in METRICS:
        for output, labels in GRID.items():
            for shape, dtype in labels:
                yield {"metric": metric, "labels": [[SAMPLES, *shape], dtype], "output": list(output)}


def unmodelled(case: dict) -> str | None:
    """Why kerascheck does not prove the error Keras may raise in ``case`` (it then only has to
    say nothing, or exactly Keras's error)."""
    metric = case["metric"]
    if not isinstance(metric, str) and metric[0] in F_SCORES and metric[1].get("average") != "micro":
        return "an F-score's counts of another number of classes than its variables: the assign's message"
    return None


def run_case(case: dict) -> dict:
    import keras
    import numpy as np

    keras.backend.clear_session(free_memory=False)
    model = model_of_output(keras, tuple(case["output"]))
    shape, dtype = case["labels"]
    metric = case["metric"]
    if not isinstance(metric, str):
        metric = getattr(keras.metrics, metric[0])(**metric[1])
    result = dict(case)
    if unmodelled(case):
        result["unmodelled"] = unmodelled(case)
    try:
        model.compile(optimizer="sgd", loss=lambda y_true, y_pred: keras.ops.mean(y_pred), metrics=[metric])
        model.fit(np.zeros((shape[0], 4), "float32"), np.zeros(shape, dtype), epochs=1, verbose=0)
    except Exception as err:  # noqa: BLE001  (the oracle records whatever Keras raises)
        result.update(error=clean_message(str(err)), error_type=type(err).__name__)
    return result


def knowledge() -> str:
    """Every ``keras.metrics`` class that wraps a function, as ``(function, keyword arguments,
    constructor parameters)``."""
    import keras
    from keras.src.metrics.reduction_metrics import MeanMetricWrapper

    classes: dict[str, list] = {}
    squeezing: set[str] = set()
    for name in sorted(dir(keras.metrics)):
        cls = getattr(keras.metrics, name)
        if not (inspect.isclass(cls) and issubclass(cls, MeanMetricWrapper)) or cls is MeanMetricWrapper:
            continue
        try:
            instance = cls()
        except TypeError:  # a required argument
            continue
        kwargs = {k: v for k, v in instance._fn_kwargs.items() if v is None or isinstance(v, (bool, int, float, str))}
        parameters = [p for p in inspect.signature(cls.__init__).parameters if p not in ("self", "kwargs")]
        classes[name] = [instance._fn.__name__, kwargs, parameters]
        if "squeeze_or_expand_to_same_rank" in inspect.getsource(instance._fn):
            squeezing.add(instance._fn.__name__)
    def parameters(name: str) -> list:
        return [p for p in inspect.signature(getattr(keras.metrics, name).__init__).parameters
                if p not in ("self", "kwargs")]

    confusion = {name: parameters(name) for name in CONFUSION}
    f_scores = {name: parameters(name) for name in F_SCORES}
    return (
        '"""Every ``keras.metrics`` class that wraps a metric function (``MeanMetricWrapper``):\n'
        "class name -> [function, the keyword arguments it passes by default, its constructor's\n"
        "parameters] (``CLASSES``); the classes that count a confusion matrix at thresholds, with\n"
        "their constructor's parameters (``CONFUSION``); the F-scores, likewise (``F_SCORES``); the\n"
        "wrapped functions that bring the labels to the predictions' rank themselves\n"
        "(``squeeze_or_expand_to_same_rank`` in their code: ``SQUEEZING``; the others take them as given).\n\n"
        "Recorded by tests/oracle/metric_cases.py; do not edit by hand.\n"
        '"""\n\n'
        "# fmt: off\n"
        f"KERAS_VERSION = {keras.__version__!r}\n\n"
        f"CLASSES = {pprint.pformat(classes, width=110, sort_dicts=True)}\n\n"
        f"CONFUSION = {pprint.pformat(confusion, width=110, sort_dicts=True)}\n\n"
        f"F_SCORES = {pprint.pformat(f_scores, width=110, sort_dicts=True)}\n\n"
        f"SQUEEZING = {pprint.pformat(sorted(squeezing), width=110)}\n"
    )


def main(argv: list[str]) -> int:
    import keras

    trace_training_steps()
    shard = shard_of(argv)
    recorded = []
    for index, case in enumerate(cases()):
        name = case["metric"] if isinstance(case["metric"], str) else case["metric"][0]
        if in_shard(index, shard):
            recorded.append(run_case({"id": f"{index:03d}-{name}", **case}))
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
