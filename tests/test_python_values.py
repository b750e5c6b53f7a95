"""Python's own values as kerascheck's interpreter follows them, held to Python: each expression
runs through the interpreter and through Python. Strings (``replace``), sets (whose items are
known but whose order is the process's, so only what does not depend on it is computed),
shuffled lists (each place one of the items), and NumPy arrays of Python objects (indexing and
iterating them give the objects)."""

from __future__ import annotations

import pytest

from interpreted import evaluate, interpret
from kerascheck.frontend.values import ArrayValue, InertObject, PythonNumber

np = pytest.importorskip("numpy")

SETUP = """
import random
import numpy as np
words = "What is it? It is a test!".replace("?", " ?").replace("!", " !").split()
vocabulary = set()
for w in words:
    vocabulary.add(w.lower())
alias = vocabulary
alias |= {"more"}
tags = {"greeting", "goodbye", "greeting"}
frozen = frozenset([3, 1, 2])
even = {n for n in range(10) if n % 2 == 0}
rows = [[[1, 0, 0, 1], [0, 1]], [[0, 1, 1, 0], [1, 0]], [[1, 1, 0, 0], [0, 1]]]
random.shuffle(rows)
objects = np.array([[[1, 2], [3]], [[4, 5], [6]], [[7, 8], [9]]], dtype=object)
"""

EXACT = [
    '"a?b?".replace("?", " ?")', '"aaa".replace("a", "bb", 2)', '"x".replace("", "-")', "words",
    "sorted(vocabulary)", "len(vocabulary)", "'more' in vocabulary", "sorted(alias)", "sorted(tags)", "len(tags)",
    "sorted(frozen | {9})", "sorted(even - {0})", "sorted(even & {2, 3, 4})", "sorted(even ^ {0, 1})",
    "sum(even)", "max(even)", "min(tags)", "sorted(set('hello'))", "len(set([1, 1, 2]))",
    "sorted(set(range(3)).union([7]))", "even.issubset(range(10))", "len([w for w in tags])",
    "np.array([1 if w in words else 0 for w in vocabulary]).shape",
    "len(rows)", "[len(row[0]) for row in rows]",
    "objects[1, 0]", "list(objects[:, 1])", "[o[0] for o in objects]", "objects[-1][1]", "objects[0:2, 0].tolist()",
]
ARRAYS = [
    "objects", "objects[0]", "objects[:, 0]", "objects[0:0]", "objects[:, 0:1]",
    "np.array([row[0] for row in rows])", "np.array([row[1] for row in rows])", "np.array(list(objects[:, 0]))",
    "np.array([o[0] for o in objects])", "np.array(rows, dtype=object)",
]
# What depends on the order a set keeps its items in, or on which item a shuffle put where.
NOT_KNOWN = ["list(tags)[0]", "tuple(frozen)[0]", "rows[0][0][0]", "sum({0.1, 0.2, 0.3})", "vocabulary.copy().pop()"]


def _interpret(expression: str) -> object:
    return interpret(SETUP, expression)


@pytest.mark.parametrize("expression", EXACT)
def test_what_python_computes_is_computed(expression: str) -> None:
    assert _interpret(expression) == evaluate(SETUP, expression)


@pytest.mark.parametrize("expression", ARRAYS)
def test_arrays_of_python_objects_have_numpys_shape(expression: str) -> None:
    followed = _interpret(expression)
    real = evaluate(SETUP, expression)
    assert isinstance(followed, ArrayValue)
    assert (followed.shape, followed.dtype) == (real.shape, str(real.dtype))


@pytest.mark.parametrize("expression", NOT_KNOWN)
def test_what_depends_on_an_order_not_known_stays_unknown(expression: str) -> None:
    followed = _interpret(expression)
    assert isinstance(followed, InertObject)  # data whose value is not known
    assert not isinstance(followed, ArrayValue) or isinstance(followed, PythonNumber)


def test_a_list_of_a_set_has_its_length_and_items_not_known() -> None:
    followed = _interpret("list(tags)")
    assert isinstance(followed, list) and len(followed) == 2
    assert all(isinstance(item, InertObject) for item in followed)


def test_a_set_changed_by_code_not_followed_is_not_known() -> None:
    followed = interpret("s = {1, 2}\nunknown_function(s)\n", "len(s)")
    assert not isinstance(followed, int)


@pytest.mark.parametrize("expression", [
    '("a" * 50_000).replace("a", "b" * 1_000)', '"ab".replace("", "x" * 200_000)',
    "set(range(10 ** 6))", "{1} | set(range(200_000))",
])
def test_strings_and_sets_longer_than_followed_are_not_built(expression: str) -> None:
    followed = _interpret(expression)
    assert not isinstance(followed, (str, set, frozenset))


def test_a_loop_that_fills_a_set_leaves_later_layer_names_known() -> None:
    from kerascheck.analysis import analyse_source

    result = analyse_source(
        "import numpy as np\nimport keras\nquestions = []\nseen = set()\n"
        "while len(questions) < 100:\n    a = int(np.random.randint(5))\n    if a in seen:\n        continue\n"
        "    seen.add(a)\n    questions.append(a)\n"
        "model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(2)])\n",
        "seen.py",
    )
    (model,) = result.summaries
    assert model.name == "sequential" and [row.name for row in model.rows] == ["dense"]


@pytest.mark.parametrize("setup", [
    "seen = set()\nimport pandas as pd\npd.read_csv('f.csv')['s'].str.split().apply(seen.update)\n",
    "seen = []\nlist(map(seen.append, range(3)))\n",
    "seen = set()\nnp.vectorize(seen.add)(np.arange(3))\n",
])
def test_a_container_whose_method_was_given_to_code_not_followed_is_not_known(setup: str) -> None:
    followed = interpret("import numpy as np\n" + setup, "len(seen)")
    assert not isinstance(followed, int)
