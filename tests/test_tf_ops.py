"""TensorFlow functions in a layer's ``call()``, as Keras 3.15.1 traced them on the TensorFlow
backend (``fixtures/tensorflow/ops.json``, recorded by ``tests/oracle/tf_op_cases.py``).

kerascheck reads each function of ``kerascheck/knowledge/tensorflow_ops.py`` as its ``keras.ops``
namesake: the layer's output shape must be the recorded one. A call the table does not model
(``tf.matmul(..., transpose_b=True)``) leaves the output unknown; where Keras raised, kerascheck
gives no shape, and any error it reports is at the line of ``call()`` that raised or at the
layer's call.
"""

from __future__ import annotations

import json
import sys

import pytest

from conftest import FIXTURES, ROOT
from kerascheck.analysis import analyse_source
from kerascheck.engine.dims import UNKNOWN
from kerascheck.knowledge.tensorflow_ops import FUNCTIONS

sys.path.insert(0, str(ROOT / "tests" / "oracle"))
from tf_op_cases import probe_source  # noqa: E402  (the recorder's script, read here)

RECORD = json.loads((FIXTURES / "tensorflow" / "ops.json").read_text())
CASES = RECORD["cases"]
# Calls the table does not translate (kerascheck stays unknown), each with its reason.
NOT_MODELLED = {
    "tf.matmul(x, y, transpose_b=True)": "a transposed operand: keras.ops.matmul has no such flag",
    "tf.reshape(x, tf.shape(x) * 1)": "arithmetic on tf.shape's tensor (TensorFlow's static shape: all None)",
    "tf.zeros(tf.shape(x)[1:] * 2)": "arithmetic on tf.shape's tensor (TensorFlow's static shape: all None)",
    "tf.zeros(tf.shape(x)[1:])": "call() returns a constant made of known numbers only: not followed",
}


def _probe_row(case: dict) -> tuple:
    names = ["x", "y"][: len(case["inputs"])]
    source = probe_source(case) + f"model = keras.Model([{', '.join(names)}], out)\n"
    result = analyse_source(source, "case.py")
    (summary,) = result.summaries
    (row,) = [row for row in summary.rows if row.class_name == "Probe"]
    lines = source.splitlines()
    where = {lines.index(f"        return {case['expression']}") + 1, lines.index(f"out = Probe()({', '.join(names)})") + 1}
    return row.output, result.diagnostics, where


def test_the_record_is_keras_3_on_tensorflow() -> None:
    assert (RECORD["keras_version"], RECORD["backend"]) == ("3.15.1", "tensorflow")


@pytest.mark.parametrize("case", CASES, ids=[c["expression"] for c in CASES])
def test_a_tensorflow_function_gives_its_recorded_shape(case: dict) -> None:
    output, diagnostics, where = _probe_row(case)
    if "error" in case:
        assert output is UNKNOWN
        assert all(d.span.line in where for d in diagnostics)  # the call() line that raised, or the layer's call
    elif case["expression"] in NOT_MODELLED:
        assert output is UNKNOWN and not diagnostics
    else:
        assert output == tuple(case["output_shape"]) and not diagnostics


def test_every_function_of_the_table_has_a_recorded_case() -> None:
    called = {name for case in CASES for name in FUNCTIONS if f"tf.{name}(" in case["expression"]}
    assert called == set(FUNCTIONS)
