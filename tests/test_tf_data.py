"""``tf.data`` as kerascheck follows it (kerascheck/frontend/numpy_data.py): each dataset is made by
kerascheck's interpreter and by real TensorFlow, and the element kerascheck knows must be
TensorFlow's ``element_spec`` (a dimension TensorFlow leaves to the data, None, is None where
kerascheck batched the dataset, unknown where the generator declares it). What is not declared
stays unknown.
"""

from __future__ import annotations

import pytest

from interpreted import interpret
from kerascheck.engine.dims import UNKNOWN
from kerascheck.frontend.values import ArrayValue, DatasetValue


# Real TensorFlow and Keras run here, as in the oracle's re-recording: with it (``-m oracle``),
# not in the usual test run.
pytestmark = pytest.mark.oracle

SETUP = """
import numpy as np
import tensorflow as tf
x = np.zeros((10, 28, 28), dtype="float32")
y = np.arange(10)
def samples():
    for index in range(10):
        yield np.zeros((28, 28, 1), dtype="float32"), index
def images():
    for index in range(10):
        yield np.zeros((4, 5), dtype="float32")
"""

DATASETS = [
    "tf.data.Dataset.from_tensor_slices((x, y))",
    "tf.data.Dataset.from_tensor_slices((x, y)).batch(4)",
    "tf.data.Dataset.from_tensors(x)",
    "tf.data.Dataset.from_generator(samples, output_signature=(tf.TensorSpec(shape=(28, 28, 1), dtype=tf.float32), "
    "tf.TensorSpec(shape=(), dtype=tf.int64)))",
    "tf.data.Dataset.from_generator(samples, output_signature=(tf.TensorSpec((28, 28, 1)), tf.TensorSpec(())))"
    ".batch(3)",
    "tf.data.Dataset.from_generator(images, output_signature=tf.TensorSpec(shape=(None, 5), dtype=tf.float32))",
    "tf.data.Dataset.from_generator(samples, output_types=(tf.float32, tf.int32), output_shapes=((28, 28, 1), ()))",
    "tf.data.Dataset.from_generator(samples, (tf.float32, tf.int32), ((28, 28, 1), ()))",
    "tf.data.Dataset.from_generator(images, output_signature=tf.TensorSpec(shape=(4, 5))).batch(2)",
    "tf.data.Dataset.zip((tf.data.Dataset.from_tensor_slices(x), tf.data.Dataset.from_tensor_slices(y))).batch(4)",
    "tf.data.Dataset.zip(((tf.data.Dataset.from_tensors(x), tf.data.Dataset.from_tensor_slices(x)), "
    "tf.data.Dataset.from_tensor_slices(y)))",
]


def _followed(element: object) -> object:
    if isinstance(element, ArrayValue):
        return (tuple("?" if d is UNKNOWN else d for d in element.shape), element.dtype)
    if isinstance(element, tuple):
        return tuple(_followed(e) for e in element)
    return element


def _real(spec: object, batched: tuple = ()) -> object:
    tf = pytest.importorskip("tensorflow")  # (imported by the tests that run, not at collection)
    if isinstance(spec, tf.TensorSpec):
        dims = tuple(spec.shape.as_list())
        return (tuple(d if d is not None or i in batched else "?" for i, d in enumerate(dims)), spec.dtype.name)
    if isinstance(spec, tuple):
        return tuple(_real(s, batched) for s in spec)
    return spec


@pytest.mark.parametrize("expression", DATASETS)
def test_dataset_elements_are_tensorflows(expression: str):
    pytest.importorskip("tensorflow")
    followed = interpret(SETUP, expression)
    namespace: dict = {}
    exec(SETUP, namespace)  # noqa: S102  (the test's own code)
    real = eval(expression, namespace)  # noqa: S307
    assert isinstance(followed, DatasetValue)
    assert _followed(followed.element) == _real(real.element_spec, (0,) if ".batch(" in expression else ())


@pytest.mark.parametrize("expression", [
    "tf.data.Dataset.from_generator(samples)",  # (no declared element: an error in TensorFlow, unknown here)
    "tf.data.Dataset.from_generator(samples, output_signature=spec)",
    "tf.data.Dataset.from_generator(samples, output_signature=tf.TensorSpec(shape=None))",
])
def test_an_undeclared_element_is_unknown(expression: str):
    followed = interpret(SETUP + "spec = read()\n", expression)
    assert not isinstance(followed, DatasetValue) or followed.element is UNKNOWN
