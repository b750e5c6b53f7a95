"""Record what Keras 3 does with TensorFlow functions in a layer's ``call()`` (TensorFlow backend).

A ``call()`` that uses ``tf.reduce_sum``, ``tf.shape`` or ``tf.random.uniform`` runs only on the
TensorFlow backend, which traces it with TensorFlow tensors. kerascheck reads each such function
as its ``keras.ops`` namesake (``kerascheck/knowledge/tensorflow_ops.py``); every case here is
one such call in the ``call()`` of a layer applied to symbolic inputs::

    class Probe(keras.layers.Layer):
        def call(self, x, y=None):
            return <expression>

    out = Probe()(keras.Input(batch_shape=...)[, keras.Input(batch_shape=...)])

and records the output's shape and dtype (or Keras's error) in ``fixtures/tensorflow/ops.json``,
held to by ``tests/test_tf_ops.py``. Each function of the table has a case, each of its aliases
(``tf.math.reduce_sum``…) too.

    python tests/oracle/tf_op_cases.py          # rewrite (sets KERAS_BACKEND=tensorflow itself)
    python tests/oracle/tf_op_cases.py --check  # compare
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

os.environ["KERAS_BACKEND"] = "tensorflow"
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
FIXTURE = ROOT / "fixtures" / "tensorflow" / "ops.json"
sys.path.insert(0, str(HERE))
from recording import clean_message, write_or_check  # noqa: E402

X = (None, 4, 6)  # the usual first input: a batch of sequences
# (expression, shapes of the inputs x[, y])
CASES: list[tuple[str, list[tuple]]] = [
    ("tf.zeros(tf.shape(x))", [X]),
    ("tf.ones((tf.shape(x)[0], 3))", [X]),
    ("tf.reduce_sum(x, axis=1)", [X]),
    ("tf.reduce_sum(x)", [X]),
    ("tf.reduce_mean(x, -1, keepdims=True)", [X]),
    ("tf.reduce_max(x, axis=[1, 2])", [X]),
    ("tf.reduce_min(x, 1)", [X]),
    ("tf.reduce_prod(x, axis=2)", [X]),
    ("tf.cast(tf.reduce_any(x > 0, axis=1), 'float32')", [X]),
    ("tf.cast(tf.reduce_all(x > 0, axis=2), 'float32')", [X]),
    ("tf.reduce_logsumexp(x, axis=1)", [X]),
    ("tf.math.reduce_sum(x, axis=1)", [X]),
    ("tf.math.reduce_mean(x, axis=1)", [X]),
    ("tf.math.reduce_max(x, axis=1)", [X]),
    ("tf.math.reduce_min(x, axis=1)", [X]),
    ("tf.math.reduce_prod(x, axis=1)", [X]),
    ("tf.cast(tf.math.reduce_any(x > 0, axis=1), 'float32')", [X]),
    ("tf.cast(tf.math.reduce_all(x > 0, axis=1), 'float32')", [X]),
    ("tf.math.reduce_logsumexp(x, axis=-1)", [X]),
    ("tf.concat([x, y], axis=1)", [X, (None, 2, 6)]),
    ("tf.concat([x, y], -1)", [X, (None, 4, 3)]),
    ("tf.stack([x, y], axis=1)", [X, X]),
    ("tf.stack([x, y])", [X, X]),
    ("tf.reshape(x, (-1, 24))", [X]),
    ("tf.reshape(x, [tf.shape(x)[0], 2, 12])", [X]),
    ("tf.expand_dims(x, axis=1)", [X]),
    ("tf.expand_dims(x, -1)", [X]),
    ("tf.squeeze(x, axis=1)", [(None, 1, 6)]),
    ("tf.transpose(x, perm=[0, 2, 1])", [X]),
    ("tf.transpose(x)", [(2, 4, 6)]),
    ("tf.cast(x, 'int32')", [X]),
    ("tf.tile(x, [1, 2, 3])", [X]),
    ("tf.matmul(x, y)", [X, (None, 6, 5)]),
    ("tf.linalg.matmul(x, y)", [X, (None, 6, 5)]),
    ("tf.matmul(x, y, transpose_b=True)", [X, (None, 5, 6)]),
    ("tf.einsum('bij,bjk->bik', x, y)", [X, (None, 6, 5)]),
    ("tf.where(x > 0, x, y)", [X, X]),
    ("tf.one_hot(tf.cast(x[:, :, 0], 'int32'), 7)", [X]),
    ("tf.gather(x, [0, 2], axis=1)", [X]),
    ("tf.gather(x, [0, 2])", [(3, 4, 6)]),
    ("tf.cast(tf.argmax(x, axis=-1), 'float32')", [X]),
    ("tf.cast(tf.argmax(x), 'float32')", [(3, 4, 6)]),
    ("tf.cast(tf.argmin(x, axis=1), 'float32')", [X]),
    ("tf.cast(tf.math.argmax(x, axis=1), 'float32')", [X]),
    ("tf.cast(tf.math.argmin(x, 2), 'float32')", [X]),
    ("tf.clip_by_value(x, 0.0, 1.0)", [X]),
    ("tf.zeros_like(x)", [X]),
    ("tf.ones_like(x)", [X]),
    ("x + tf.zeros((4, 6))", [X]),
    ("x * tf.ones([6])", [X]),
    ("tf.square(x)", [X]), ("tf.math.square(x)", [X]),
    ("tf.sqrt(x)", [X]), ("tf.math.sqrt(x)", [X]),
    ("tf.exp(x)", [X]), ("tf.math.exp(x)", [X]),
    ("tf.abs(x)", [X]), ("tf.math.abs(x)", [X]),
    ("tf.floor(x)", [X]), ("tf.math.floor(x)", [X]),
    ("tf.sigmoid(x)", [X]), ("tf.math.sigmoid(x)", [X]), ("tf.nn.sigmoid(x)", [X]),
    ("tf.tanh(x)", [X]), ("tf.math.tanh(x)", [X]), ("tf.nn.tanh(x)", [X]),
    ("tf.math.log(x)", [X]), ("tf.log(x)", [X]),
    ("tf.add(x, y)", [X, (None, 1, 6)]), ("tf.math.add(x, 1.0)", [X]),
    ("tf.subtract(x, y)", [X, (6,)]), ("tf.math.subtract(x, y)", [X, X]),
    ("tf.multiply(x, y)", [X, (None, 4, 1)]), ("tf.math.multiply(x, 2.0)", [X]),
    ("tf.divide(x, y)", [X, X]), ("tf.math.divide(x, 2.0)", [X]),
    ("tf.maximum(x, y)", [X, X]), ("tf.math.maximum(x, 0.0)", [X]),
    ("tf.minimum(x, y)", [X, X]), ("tf.math.minimum(x, 0.0)", [X]),
    ("tf.pow(x, 2.0)", [X]), ("tf.math.pow(x, y)", [X, X]),
    ("tf.add(x, y)", [X, (None, 5, 6)]),  # shapes that do not broadcast
    ("tf.nn.relu(x)", [X]),
    ("tf.nn.gelu(x)", [X]),
    ("tf.nn.silu(x)", [X]), ("tf.nn.swish(x)", [X]),
    ("tf.nn.softmax(x)", [X]), ("tf.nn.softmax(x, axis=1)", [X]),
    ("tf.nn.leaky_relu(x)", [X]), ("tf.nn.leaky_relu(x, alpha=0.1)", [X]), ("tf.nn.leaky_relu(x, 0.3)", [X]),
    ("tf.nn.relu6(x)", [X]), ("tf.nn.elu(x)", [X]), ("tf.nn.selu(x)", [X]), ("tf.nn.softplus(x)", [X]),
    ("tf.nn.log_softmax(x)", [X]), ("tf.nn.log_softmax(x, axis=1)", [X]),
    ("tf.identity(x)", [X]), ("tf.stop_gradient(x)", [X]), ("tf.nn.elu(tf.identity(x) + x)", [X]),
    ("x * tf.random.normal((tf.shape(x)[0], 1, 1))", [X]),
    ("x + tf.random.normal(tf.shape(x), mean=0.0, stddev=0.1)", [X]),
    ("tf.random.uniform((tf.shape(x)[0], 4, 1), 0, 1) * x", [X]),
    # tf.shape's tensor: indexed or sliced, its values; in arithmetic, TensorFlow's static shape
    # inference loses them (and Python's tuple would repeat itself).
    ("tf.reshape(x, tf.shape(x))", [X]),
    ("tf.zeros(tf.shape(x)[1:])", [X]),
    ("tf.reshape(x, [-1, tf.shape(x)[1] * tf.shape(x)[2]])", [X]),
    ("tf.reshape(x, [tf.shape(x)[0], -1])", [X]),
    ("tf.reshape(x, (-1, tf.shape(x)[2]))", [X]),
    ("tf.zeros((tf.shape(x)[0], tf.shape(x)[1] * 2))", [X]),
    ("tf.random.normal((tf.shape(x)[0], tf.shape(x)[-1]))", [X]),
    ("tf.reshape(x, tf.shape(x) * 1)", [X]),
    ("tf.zeros(tf.shape(x)[1:] * 2)", [X]),
    # StochasticDepth (keras-io's DeiT): a per-sample mask of the input's rank.
    ("(x / 0.9) * tf.floor(0.9 + tf.random.uniform((tf.shape(x)[0],) + (1,) * (len(x.shape) - 1), 0, 1))", [X]),
]

SOURCE = """\
import tensorflow as tf
import keras


class Probe(keras.layers.Layer):
    def call(self, x, y=None):
        return {expression}


{inputs}
out = Probe()({arguments})
"""


def probe_source(case: dict) -> str:
    """The script of one case: kerascheck reads it, Keras runs it."""
    names = ["x", "y"][: len(case["inputs"])]
    inputs = "\n".join(f"{n} = keras.Input(batch_shape={tuple(s)!r})" for n, s in zip(names, case["inputs"]))
    return SOURCE.format(expression=case["expression"], inputs=inputs, arguments=", ".join(names))


def run_case(expression: str, shapes: list[tuple]) -> dict:
    import keras

    case = {"expression": expression, "inputs": [list(s) for s in shapes]}
    keras.backend.clear_session()
    scope: dict = {}
    try:
        exec(compile(probe_source(case), "<case>", "exec"), scope)  # noqa: S102  (the recorder's own cases)
    except Exception as err:  # noqa: BLE001
        case.update({"error_type": type(err).__name__, "error": clean_message(str(err))})
        return case
    out = scope["out"]
    case.update({"output_shape": list(out.shape), "dtype": out.dtype})
    return case


def main(argv: list[str]) -> int:
    import keras

    assert keras.backend.backend() == "tensorflow"
    recorded = [run_case(expression, shapes) for expression, shapes in CASES]
    text = (
        "{\n"
        f'"keras_version": {json.dumps(keras.__version__)},\n"backend": "tensorflow",\n'
        '"cases": [\n' + ",\n".join(json.dumps(c, sort_keys=True) for c in recorded) + "\n]\n}\n"
    )
    return write_or_check(FIXTURE, text, argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
