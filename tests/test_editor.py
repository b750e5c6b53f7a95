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
