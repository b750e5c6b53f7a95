"""Every metric case recorded from real Keras (tests/oracle/metric_cases.py: ``model.fit`` of a tiny
model compiled with a metric object and a loss that takes any labels) through ``metric_error``:
Keras's exact error where Keras raised and kerascheck has a rule for the metric's function, and
silence everywhere else (where Keras trains, or the function has no rule). No expected message
is typed here."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from kerascheck.engine.data import ArraySpec
from kerascheck.engine.dims import UNKNOWN, partial_shape
from kerascheck.engine.metrics import MetricSpec, metric_error, resolve
from kerascheck.engine.metrics.accuracy import RULES
from kerascheck.engine.metrics.loss_functions import is_loss_function

ROOT = Path(__file__).resolve().parents[1]
RECORDED = json.loads((ROOT / "fixtures" / "metrics" / "metrics.json").read_text())
CASES = RECORDED["cases"]


def _arguments(case: dict) -> tuple:
    shape, dtype = case["labels"]
    metric = case["metric"]
    if not isinstance(metric, str):
        metric = MetricSpec(metric[0], tuple(sorted(metric[1].items())))
    return metric, ArraySpec(tuple(shape), dtype), tuple(case["output"])


def _modelled(case: dict) -> bool:
    metric = _arguments(case)[0]
    if isinstance(metric, str):
        return metric == "accuracy"
    resolved = resolve(metric)
    return resolved is not None and (resolved[0] in RULES or is_loss_function(resolved[0]))


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_metric_case(case: dict) -> None:
    error = metric_error(*_arguments(case))
    if "unmodelled" in case:  # silent, or Keras's error exactly
        assert error is None or (error.error_type, error.message) == (case.get("error_type"), case.get("error")), case
    elif "error" in case and _modelled(case):
        assert error is not None and (error.error_type, error.message) == (case["error_type"], case["error"]), case
    else:
        assert error is None, f"kerascheck claims {error.message if error else ''!r}; {case}"


def test_the_accuracies_are_modelled_and_raise_in_the_record() -> None:
    modelled = [c for c in CASES if _modelled(c)]
    assert {c["metric"] if isinstance(c["metric"], str) else c["metric"][0] for c in modelled} >= {
        "Accuracy", "BinaryAccuracy", "CategoricalAccuracy", "SparseCategoricalAccuracy", "accuracy", "Precision",
        "Recall", "TruePositives", "F1Score", "FBetaScore"}
    assert sum("error" in c for c in modelled) >= 20 and any("error" not in c for c in modelled)


@pytest.mark.parametrize("case", [c for c in CASES if "error" in c and _modelled(c) and "unmodelled" not in c],
                         ids=lambda c: c["id"])
def test_unknown_shapes_prove_nothing(case: dict) -> None:
    metric, labels, output = _arguments(case)
    for unknown in (ArraySpec(UNKNOWN, labels.dtype), ArraySpec(partial_shape(labels.shape[:1], ()), labels.dtype)):
        assert metric_error(metric, unknown, output) is None, unknown
    for unknown_output in (UNKNOWN, partial_shape((None,), ())):
        assert metric_error(metric, labels, unknown_output) is None, unknown_output
    assert metric_error(metric, ArraySpec(labels.shape, "str"), output) is None  # Keras refuses text first
    # A last axis not known: an argmax takes it away (the same error), else nothing is claimed.
    recorded = (case["error_type"], case["error"])
    last = [metric_error(metric, labels, output[:-1] + (UNKNOWN,))]
    if len(labels.shape) > 1:
        last.append(metric_error(metric, ArraySpec(labels.shape[:-1] + (UNKNOWN,), labels.dtype), output))
    for error in last:
        # (a rank that differs is an error whatever that axis is: Keras's, its size shown as "?")
        assert error is None or error.error_type == recorded[0] and re.fullmatch(
            re.escape(error.message).replace(r"\?", r"\d+"), recorded[1]), error
