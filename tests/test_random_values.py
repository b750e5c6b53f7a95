"""Python's ``random`` module as kerascheck follows it (kerascheck/frontend/random_values.py): each
expression runs through kerascheck's interpreter and through Python; a drawn number must be of
the type Python gives (its value unknown), a drawn list of Python's length, and the NumPy arrays
made of them of NumPy's shape and dtype. What is not followed stays unknown.
"""

from __future__ import annotations

import pytest

from interpreted import evaluate, interpret
from kerascheck.engine.dims import UNKNOWN
from kerascheck.frontend.values import ArrayValue, InertObject, PythonNumber

np = pytest.importorskip("numpy")

SETUP = """
import random
import numpy as np
series = random.sample(range(1, 100), 50)
points = [[random.uniform(-1, 1) for _ in range(5)] for _ in range(8)]
order = list(range(8))
random.shuffle(order)
known = [3, 1, 2]
random.shuffle(known)
rows = [[[1, 0, 0], [0, 1]], [[0, 1, 0], [1, 0]], [[0, 0, 1], [0, 1]]]
random.shuffle(rows)
ragged = [[1, 2], [3]]
random.shuffle(ragged)
pairs = [[1, 0], [0, 1], [1, 0]]
np.random.shuffle(pairs)
labels = np.arange(12) % 4
"""

NUMBERS = [
    "random.random()", "random.uniform(0, 1)", "random.gauss(0, 1)", "random.randint(0, 9)", "random.randrange(5)",
    "random.choice([1, 2, 3])", "random.choice([0.5, 1.5])", "random.choice(range(4))", "random.randint(0, 3) + 1",
    "2 * random.randint(0, 3)", "random.random() / 2", "random.randint(0, 9) / 3", "random.randint(0, 9) // 3",
    "float(random.randint(0, 3))", "int(random.random() * 10)", "round(random.random())", "series[0]", "order[3]",
    # NumPy's draws of one number are Python numbers too.
    "np.random.rand()", "np.random.randn()", "np.random.random()", "np.random.randint(0, 10)", "np.random.randint(5)",
    "np.random.uniform(0, 1)", "np.random.uniform()", "np.random.normal()", "np.random.normal(0, 2)",
]
LISTS = ["random.sample(range(10), 4)", "random.choices([0.1, 0.2], k=6)", "random.choices(range(3), k=2)",
         "series[1:]", "order", "known"]
ARRAYS = [
    "np.array(series)", "np.array([series[1:], series[:-1]])", "np.array(points)", "np.array(points)[order]",
    "np.array([random.random() for _ in range(7)])", "np.array(random.choices([0, 1], k=5))",
    "np.eye(4)[labels]", "np.zeros((12, 3))[labels]", "np.zeros((10, 2))[[1, 2, 3]]",
    # Rows of one shape shuffled (a bag of words and its one-hot class): each is one of them.
    "np.array([row[0] for row in rows])", "np.array([row[1] for row in rows])", "np.array(pairs)",
    # NumPy's permutations: of range(n), or of an array's rows; rows picked by them.
    "np.random.permutation(8)", "np.random.permutation(np.array(points))",
    "np.array(points)[np.random.permutation(len(points))[:5]]",
]
NOT_FOLLOWED = [
    "random.sample(series_of_unknown_length, 3)", "random.choice(['a', 'b'])", "random.sample(range(3), 5)",
    "random.choices(range(3), k=n)", "np.zeros((3, 2))[[True, False, True]]", "np.zeros((12, 3))[labels > 1]",
    "np.random.normal(np.zeros(3), 1)", "np.random.randint(0, 5, dtype='int32')", "ragged[0]",
]


def _interpret(expression: str) -> object:
    return interpret(SETUP + "series_of_unknown_length = read()\nn = read()\n", expression)


@pytest.mark.parametrize("expression", NUMBERS)
def test_a_drawn_number_has_pythons_type(expression: str):
    followed = _interpret(expression)
    real = evaluate(SETUP, expression)
    assert isinstance(followed, PythonNumber)
    assert followed.type_name == type(real).__name__


@pytest.mark.parametrize("expression", LISTS)
def test_a_drawn_list_has_pythons_length(expression: str):
    followed = _interpret(expression)
    real = evaluate(SETUP, expression)
    assert isinstance(followed, list) and len(followed) == len(real)
    assert [item.type_name for item in followed] == [type(item).__name__ for item in real]


@pytest.mark.parametrize("expression", ARRAYS)
def test_arrays_of_drawn_numbers_have_numpys_shape(expression: str):
    followed = _interpret(expression)
    real = evaluate(SETUP, expression)
    assert isinstance(followed, ArrayValue) and not isinstance(followed, PythonNumber)
    assert (followed.shape, followed.dtype) == (real.shape, str(real.dtype))


@pytest.mark.parametrize("expression", NOT_FOLLOWED)
def test_what_is_not_known_stays_unknown(expression: str):
    followed = _interpret(expression)
    assert not isinstance(followed, (list, PythonNumber)) and not (
        isinstance(followed, ArrayValue) and all(type(d) is int for d in followed.shape))
    assert isinstance(followed, InertObject) or followed is not None


def test_a_layer_given_a_drawn_size_has_an_unknown_size_not_an_error():
    from kerascheck.analysis import analyse_source

    result = analyse_source(
        "import random\nimport keras\nunits = random.choice([16, 32])\n"
        "model = keras.Sequential([keras.Input((8,)), keras.layers.Dense(units), keras.layers.Dense(3)])\n",
        "drawn.py",
    )
    assert result.diagnostics == ()
    (model,) = result.summaries
    assert model.rows[-1].output == (None, 3)
    assert model.rows[0].params is UNKNOWN


@pytest.mark.parametrize(("expression", "known"), [
    ("ops.maximum(a, keras.backend.epsilon())", True), ("a * f", True), ("ops.clip(a, f, 1.0)", True),
    # A drawn int may be a size or an axis: what depends on it is unknown, never an error.
    ("ops.one_hot(i, n)", False), ("ops.repeat(a, n, axis=1)", False), ("ops.sum(a, axis=n)", False),
])
def test_a_drawn_float_is_a_scalar_operand_and_a_drawn_int_an_unknown_argument(expression: str, known: bool):
    from kerascheck.engine.runtime import KerasTensor

    setup = ("import keras, random\nfrom keras import ops\na = keras.Input((10,))\n"
             "i = keras.Input((5,), dtype='int32')\nn = random.randint(2, 4)\nf = random.random()\n")
    result = interpret(setup, expression)
    assert isinstance(result, KerasTensor)
    assert (result.shape == (None, 10)) if known else (result.shape is UNKNOWN or UNKNOWN in result.shape)
