"""The checks of data meeting a model (kerascheck.engine.data_checks) prove errors only from
known values: every case that Keras was recorded raising on (fixtures/data) is a decision on
known dimensions, and the same case with any of those dimensions unknown decides nothing."""

from __future__ import annotations

import pytest

from kerascheck.analysis import analyse_source
from kerascheck.engine import data_checks
from kerascheck.engine.data import ArraySpec
from kerascheck.engine.dims import UNKNOWN

MODEL = data_checks.ModelInputs("functional", ("input_layer",), ((None, 28, 28, 1),))

# (data shape, model input shape, Keras raises) as recorded in fixtures/data and the rule examples.
CASES = [
    ((64, 28, 28), (None, 784), True),  # error_mnist_images_into_dense
    ((128, 28, 28), (None, 28, 28, 3), True),  # error_fashion_mnist_grayscale_into_rgb_input
    ((128, 28, 28), (None, 28, 28, 1), False),  # Keras adds the last axis of 1
    ((128, 28, 28, 1), (None, 28, 28, 1), False),
    ((200, 13), (None, 200, 13), True),  # error_input_shape_includes_samples
    ((32, 32, 3), (None, 32, 32, 3), True),  # error_predict_one_image_without_batch_axis
]


@pytest.mark.parametrize(("shape", "ref", "raises"), CASES)
def test_a_batch_against_a_model_input(shape: tuple, ref: tuple, raises: bool) -> None:
    found = data_checks.input_problem(shape, ref, 0, "input_layer", "functional", spec_check=True)
    assert (found is not None) == raises


@pytest.mark.parametrize(("shape", "ref", "raises"), [case for case in CASES if case[2]])
def test_an_unknown_dimension_never_proves_an_error(shape: tuple, ref: tuple, raises: bool) -> None:
    for index in range(len(shape)):
        unknown = shape[:index] + (UNKNOWN,) + shape[index + 1:]
        found = data_checks.input_problem(unknown, ref, 0, "input_layer", "functional", spec_check=True)
        if found is not None:  # still proven by the other dimensions: the rank, or another size
            assert len(unknown) != len(ref) or any(
                type(a) is int and type(b) is int and a != b for a, b in zip(unknown[1:], ref[1:]))


def test_sample_counts_compare_only_known_counts() -> None:
    known = [("x", ArraySpec((100, 8))), ("y", ArraySpec((80, 1)))]
    assert data_checks.check_cardinality("fit", known) is not None
    assert data_checks.check_cardinality("fit", [("x", ArraySpec((UNKNOWN, 8))), ("y", ArraySpec((80, 1)))]) is None
    assert data_checks.check_cardinality("fit", [("x", UNKNOWN), ("y", ArraySpec((80, 1)))]) is None


def test_data_of_unknown_shape_meets_a_model_without_a_diagnostic() -> None:
    source = (
        "import numpy as np\nimport keras\nfrom keras import layers\n"
        "x = np.load('x.npy')\ny = np.load('y.npy')\n"
        "model = keras.Sequential([keras.Input(shape=(784,)), layers.Dense(10)])\n"
        "model.compile(optimizer='adam', loss='mse')\n"
        "model.fit(x, y, validation_split=0.2)\nmodel.fit(x.reshape(len(x), -1), y)\nmodel.predict(x[0])\n"
    )
    assert analyse_source(source, "model.py").diagnostics == ()


def test_data_of_unknown_shape_reshaped_has_the_shape_it_was_given() -> None:
    """Read from a file, then reshaped to images: if the reshape ran, the images cannot enter a
    flat input (and if it did not, the program stopped on that line all the same)."""
    source = (
        "import numpy as np\nimport keras\nfrom keras import layers\n"
        "x = np.load('x.npy')\ny = np.load('y.npy')\n"
        "model = keras.Sequential([keras.Input(shape=(784,)), layers.Dense(10)])\n"
        "model.compile(optimizer='adam', loss='mse')\nmodel.fit(x.reshape(-1, 28, 28), y)\n"
    )
    [diagnostic] = analyse_source(source, "model.py").diagnostics
    assert (diagnostic.code, diagnostic.span.line) == ("KC401", 8)
    assert "(?, 28, 28)" in diagnostic.message

