"""What the language server shows, computed without a server: kerascheck.editor."""

from __future__ import annotations

from kerascheck.analysis import analyse_source
from kerascheck.editor import DocumentAnalysis

SHARED = """\
import keras
from keras import layers

shared = layers.Dense(4)
a = keras.Input((3,))
b = keras.Input((3,))
y = shared(a) + shared(b)
model = keras.Model([a, b], y)
"""

BLOCKS = """\
import keras
from keras import layers


def block(x, filters):
    return layers.Conv2D(filters, 3, padding="same")(x)


inputs = keras.Input((32, 32, 3))
x = block(inputs, 8)
x = block(x, 16)
model = keras.Model(inputs, x)
"""


def _analysis(source: str) -> DocumentAnalysis:
    return DocumentAnalysis(source, analyse_source(source, "model.py", all_layers=True)).prepare()


def test_hover_on_a_layer_variable_describes_the_layer():
    hover = _analysis(SHARED).hover((3, 1))
    assert hover is not None
    assert hover.range == ((3, 0), (3, 6))
    assert hover.markdown.startswith("`Dense(4) → (None, 4) · (3 + 1)·4 = 16 params`")


def test_calls_ending_together_get_one_hint_for_the_whole_expression():
    hints = _analysis(SHARED).inlay_hints()
    assert [(h.position, h.label) for h in hints] == [
        ((4, 21), ": (None, 3)"),
        ((5, 21), ": (None, 3)"),
        ((6, 13), ": (None, 4)"),
        ((6, 25), ": (None, 4)"),
    ]


def test_a_call_in_a_function_called_twice_shows_both_shapes():
    analysis = _analysis(BLOCKS)
    hint = next(h for h in analysis.inlay_hints() if h.position[0] == 5)
    assert hint.label == ": (None, 32, 32, 8) | (None, 32, 32, 16)"
    hover = analysis.hover((10, 0))  # the second `x = block(...)`: not a layer call itself
    assert hover is None


def test_inlay_hints_only_for_the_requested_lines():
    analysis = _analysis(SHARED)
    assert [h.position[0] for h in analysis.inlay_hints(5, 5)] == [5]


DATA = """\
import numpy as np
import keras
from keras.datasets import mnist

(x_train, y_train), (x_test, y_test) = mnist.load_data()
x_train = x_train.reshape(-1, 784).astype("float32") / 255.0
model = keras.Sequential([keras.Input(shape=x_train.shape[1:]), keras.layers.Dense(10)])
"""


def test_hover_on_a_data_variable_shows_its_shape_dtype_and_origin():
    analysis = _analysis(DATA)
    loaded = analysis.hover((4, 3))  # x_train of the load_data() line
    assert loaded is not None and loaded.range == ((4, 1), (4, 8))
    assert loaded.markdown == "`x_train: (60000, 28, 28) uint8`\n\nfrom mnist.load_data() at line 5"
    labels = analysis.hover((4, 12))
    assert labels is not None and labels.markdown.startswith("`y_train: (60000,) uint8`")
    column = DATA.splitlines()[6].index("x_train") + 2
    reshaped = analysis.hover((6, column))  # x_train read in keras.Input(shape=x_train.shape[1:])
    assert reshaped is not None and reshaped.markdown == "`x_train: (60000, 784) float32`\n\nfrom reshape at line 6"


def test_inlay_hints_after_load_data_and_reshape_show_the_shapes():
    hints = {hint.position[0]: hint.label for hint in _analysis(DATA).inlay_hints(0, 10)}
    assert hints[4] == (": x_train (60000, 28, 28) uint8, y_train (60000,) uint8, x_test (10000, 28, 28) uint8, "
                        "y_test (10000,) uint8")
    assert hints[5] == ": x_train (60000, 784) float32"
