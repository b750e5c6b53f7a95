"""Property-based robustness: arbitrary Python never breaks the analysis, and generated Keras
models whose truth is known by construction are predicted exactly, without diagnostics.

The model generator tracks every tensor's shape itself (Keras's documented shape and
parameter formulas: valid/same convolution lengths, pooling, recurrent and normalization
weights), and only ever picks a layer that is valid for its input, so a correct analyzer
must report no diagnostic and exactly the generator's shapes and counts (or unknown).

Deterministic for CI: ``derandomize=True`` (examples derived from the test's name) and a
small ``max_examples``; ``deadline=None`` because the first example pays for imports.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass, field

import pytest

from kerascheck.analysis import analyse_source
from kerascheck.engine.dims import UNKNOWN

hypothesis = pytest.importorskip("hypothesis")
st = hypothesis.strategies
from hypothesis import HealthCheck, given, settings  # noqa: E402

FAST = settings(max_examples=120, deadline=None, derandomize=True, database=None, suppress_health_check=list(HealthCheck))
TIME_BOUND = 10.0  # seconds for one analysis; the interpreter's step budget keeps real ones far below


def analyse_checked(source: str, path: str = "<generated>.py"):
    start = time.perf_counter()
    result = analyse_source(source, path)
    elapsed = time.perf_counter() - start
    assert elapsed < TIME_BOUND, f"analysis took {elapsed:.1f} s"
    internal = [d for d in result.diagnostics if d.code == "KC004"]
    assert not internal, f"{internal[0].message}\n--- source ---\n{source}"
    return result


# ---------------------------------------------------------------- (a) arbitrary valid Python

hypothesmith = pytest.importorskip("hypothesmith")


@settings(max_examples=40, deadline=None, derandomize=True, database=None, suppress_health_check=list(HealthCheck))
@given(source=hypothesmith.from_grammar())
def test_arbitrary_python_never_breaks_the_analysis(source: str) -> None:
    analyse_checked(source)
    # The same code among Keras imports, so that the interpreter runs it with Keras in scope.
    analyse_checked("import keras\nfrom keras import layers\n" + source)


@settings(max_examples=5, deadline=None, derandomize=True, database=None, suppress_health_check=list(HealthCheck))
@given(source=hypothesmith.from_node())
def test_arbitrary_syntax_trees_never_break_the_analysis(source: str) -> None:
    analyse_checked("import keras\nfrom keras import layers\n" + source)


# ---------------------------------------------------------------- (b) generated Keras models


@dataclass
class Built:
    """A generated model: its code, and each named layer's expected output shape and weights."""

    lines: list[str] = field(default_factory=list)
    rows: dict[str, tuple[tuple, int, int]] = field(default_factory=dict)  # name -> (shape, trainable, non-trainable)
    count: int = 0

    def name(self) -> str:
        self.count += 1
        return f"l{self.count}"


def conv_length(length: int, kernel: int, stride: int, padding: str) -> int:
    return (length - kernel) // stride + 1 if padding == "valid" else math.ceil(length / stride)


@st.composite
def layer(draw, shape: tuple[int, ...]) -> tuple[str, tuple[int, ...], int, int]:
    """A layer valid for inputs of ``shape`` (no batch axis): ``(call, output shape, trainable, non-trainable)``."""
    rank = len(shape)
    last = shape[-1]
    options = ["Dense", "Dropout", "BatchNormalization", "LayerNormalization", "Activation", "Reshape"]
    if rank == 1:
        options += ["RepeatVector", "Embedding"]
    if rank >= 2:
        options += ["Flatten"]
    if rank == 2:
        options += ["Conv1D", "Pool1D", "LSTM", "GRU", "SimpleRNN", "GlobalPool1D", "Bidirectional", "Permute"]
        options += ["Cropping1D"] if shape[0] > 1 else []
    if rank == 3:
        options += ["Conv2D", "Pool2D", "GlobalPool2D", "UpSampling2D", "ZeroPadding2D", "Conv2DTranspose"]
        options += ["SeparableConv2D", "DepthwiseConv2D"]
    kind = draw(st.sampled_from(options))
    if kind == "Dense":
        units = draw(st.integers(1, 32))
        bias = draw(st.booleans())
        activations = ["relu", "tanh", "sigmoid", "linear"] + (["softmax"] if units > 1 else [])
        activation = draw(st.sampled_from(activations))
        args = f"{units}, activation={activation!r}" + ("" if bias else ", use_bias=False")
        return f"layers.Dense({args})", shape[:-1] + (units,), last * units + (units if bias else 0), 0
    if kind == "Dropout":
        return f"layers.Dropout({draw(st.integers(0, 9)) / 10})", shape, 0, 0
    if kind == "BatchNormalization":
        return "layers.BatchNormalization()", shape, 2 * last, 2 * last
    if kind == "LayerNormalization":
        return "layers.LayerNormalization()", shape, 2 * last, 0
    if kind == "Activation":
        return f"layers.Activation({draw(st.sampled_from(['relu', 'gelu', 'softmax']))!r})", shape, 0, 0
    if kind == "Reshape":
        size = math.prod(shape)
        divisors = [d for d in range(1, size + 1) if size % d == 0]
        first = draw(st.sampled_from(divisors))
        target = (first, size // first) if draw(st.booleans()) else (size,)
        return f"layers.Reshape({target!r})", target, 0, 0
    if kind == "Embedding":
        vocabulary, width = draw(st.integers(1, 50)), draw(st.integers(1, 8))
        return f"layers.Embedding({vocabulary}, {width})", (last, width), vocabulary * width, 0
    if kind == "Permute":
        return "layers.Permute((2, 1))", (shape[1], shape[0]), 0, 0
    if kind == "Cropping1D":
        left = draw(st.integers(0, shape[0] - 1))
        right = draw(st.integers(0, shape[0] - 1 - left))
        return f"layers.Cropping1D(({left}, {right}))", (shape[0] - left - right, last), 0, 0
    if kind == "Bidirectional":
        units = draw(st.integers(1, 8))
        sequences = draw(st.booleans())
        params = 2 * 4 * (last * units + units * units + units)
        out = (shape[0], 2 * units) if sequences else (2 * units,)
        return f"layers.Bidirectional(layers.LSTM({units}, return_sequences={sequences}))", out, params, 0
    if kind == "RepeatVector":
        n = draw(st.integers(1, 6))
        return f"layers.RepeatVector({n})", (n, last), 0, 0
    if kind == "Flatten":
        return "layers.Flatten()", (math.prod(shape),), 0, 0
    if kind == "Conv1D":
        steps = shape[0]
        filters = draw(st.integers(1, 16))
        padding = draw(st.sampled_from(["valid", "same", "causal"]))
        dilation = draw(st.integers(1, 3))
        kernel = draw(st.integers(1, 5))
        if padding == "valid":  # the dilated kernel must fit
            kernel = min(kernel, (steps - 1) // dilation + 1)
        strides = 1 if dilation > 1 else draw(st.integers(1, 3))  # Keras refuses both above 1
        span = (kernel - 1) * dilation + 1
        out = (steps - span) // strides + 1 if padding == "valid" else math.ceil(steps / strides)
        call = f"layers.Conv1D({filters}, {kernel}, strides={strides}, padding={padding!r}, dilation_rate={dilation})"
        return call, (out, filters), kernel * last * filters + filters, 0
    if kind == "Pool1D":
        cls = draw(st.sampled_from(["MaxPooling1D", "AveragePooling1D"]))
        padding = draw(st.sampled_from(["valid", "same"]))
        pool = draw(st.integers(1, min(3, shape[0]) if padding == "valid" else 3))
        out = conv_length(shape[0], pool, pool, padding)
        return f"layers.{cls}({pool}, padding={padding!r})", (out, last), 0, 0
    if kind in ("LSTM", "GRU", "SimpleRNN"):
        units = draw(st.integers(1, 16))
        sequences = draw(st.booleans())
        gates = {"LSTM": 4, "GRU": 3, "SimpleRNN": 1}[kind]
        biases = 2 * units if kind == "GRU" else units  # Keras 3's GRU: reset_after=True
        params = gates * (last * units + units * units + biases)
        out = (shape[0], units) if sequences else (units,)
        return f"layers.{kind}({units}, return_sequences={sequences})", out, params, 0
    if kind == "GlobalPool1D":
        cls = draw(st.sampled_from(["GlobalAveragePooling1D", "GlobalMaxPooling1D"]))
        return f"layers.{cls}()", (last,), 0, 0
    if kind == "Conv2D":
        height, width = shape[0], shape[1]
        filters = draw(st.integers(1, 8))
        padding = draw(st.sampled_from(["valid", "same"]))
        kh = draw(st.integers(1, min(height, 4) if padding == "valid" else 4))
        kw = draw(st.integers(1, min(width, 4) if padding == "valid" else 4))
        strides = draw(st.integers(1, 2))
        out = (conv_length(height, kh, strides, padding), conv_length(width, kw, strides, padding), filters)
        call = f"layers.Conv2D({filters}, ({kh}, {kw}), strides={strides}, padding={padding!r})"
        return call, out, kh * kw * last * filters + filters, 0
    if kind in ("Conv2DTranspose", "SeparableConv2D", "DepthwiseConv2D"):
        height, width = shape[0], shape[1]
        filters = draw(st.integers(1, 8))
        padding = draw(st.sampled_from(["valid", "same"]))
        strides = draw(st.integers(1, 2))
        if kind == "Conv2DTranspose":
            kernel = draw(st.integers(1, 4))

            def grow(length: int) -> int:
                return length * strides + max(kernel - strides, 0) if padding == "valid" else length * strides

            out = (grow(height), grow(width), filters)
            call = f"layers.Conv2DTranspose({filters}, {kernel}, strides={strides}, padding={padding!r})"
            return call, out, kernel * kernel * last * filters + filters, 0
        kernel = draw(st.integers(1, min(height, width, 4) if padding == "valid" else 4))
        grid = (conv_length(height, kernel, strides, padding), conv_length(width, kernel, strides, padding))
        if kind == "SeparableConv2D":
            call = f"layers.SeparableConv2D({filters}, {kernel}, strides={strides}, padding={padding!r})"
            return call, grid + (filters,), kernel * kernel * last + last * filters + filters, 0
        call = f"layers.DepthwiseConv2D({kernel}, strides={strides}, padding={padding!r})"
        return call, grid + (last,), kernel * kernel * last + last, 0
    if kind == "Pool2D":
        cls = draw(st.sampled_from(["MaxPooling2D", "AveragePooling2D"]))
        padding = draw(st.sampled_from(["valid", "same"]))
        limit = min(3, shape[0], shape[1]) if padding == "valid" else 3
        pool = draw(st.integers(1, limit))
        out = (conv_length(shape[0], pool, pool, padding), conv_length(shape[1], pool, pool, padding), last)
        return f"layers.{cls}(({pool}, {pool}), padding={padding!r})", out, 0, 0
    if kind == "GlobalPool2D":
        cls = draw(st.sampled_from(["GlobalAveragePooling2D", "GlobalMaxPooling2D"]))
        return f"layers.{cls}()", (last,), 0, 0
    if kind == "UpSampling2D":
        size = draw(st.integers(1, 2))
        return f"layers.UpSampling2D({size})", (shape[0] * size, shape[1] * size, last), 0, 0
    assert kind == "ZeroPadding2D"
    pad = draw(st.integers(0, 2))
    return f"layers.ZeroPadding2D({pad})", (shape[0] + 2 * pad, shape[1] + 2 * pad, last), 0, 0


input_shapes = st.one_of(
    st.tuples(st.integers(1, 48)),
    st.tuples(st.integers(1, 24), st.integers(1, 12)),
    st.tuples(st.integers(1, 20), st.integers(1, 20), st.integers(1, 4)),
)


@st.composite
def sequential_models(draw) -> Built:
    built = Built()
    shape = draw(input_shapes)
    built.lines += ["import keras", "from keras import layers", "", "model = keras.Sequential(["]
    built.lines.append(f"    keras.Input(shape={shape!r}),")
    for _ in range(draw(st.integers(1, 8))):
        call, shape, trainable, frozen = draw(layer(shape))
        name = built.name()
        built.lines.append(f"    {call[:-1]}{', ' if not call.endswith('()') else ''}name={name!r}),")
        built.rows[name] = (shape, trainable, frozen)
    built.lines.append("])")
    return built


def named(call: str, name: str) -> str:
    return f"{call[:-1]}{', ' if not call.endswith('()') else ''}name={name!r})"


@st.composite
def functional_models(draw) -> Built:
    """A chain with branches that merge again (concatenate, add, …) and sometimes a second input."""
    built = Built()
    shape = draw(input_shapes)
    built.lines += ["import keras", "from keras import layers", "", "", "def apply(layer, tensor):",
                    "    return layer(tensor)", ""]
    built.lines.append(f"inputs = keras.Input(shape={shape!r}, name='in1')")
    built.rows["in1"] = (shape, 0, 0)
    built.lines.append("x = inputs")
    model_inputs = "inputs"
    for step in range(draw(st.integers(1, 6))):
        move = draw(st.sampled_from(["layer", "layer", "concatenate", "merge", "second_input"]))
        if move == "layer":
            call, shape, trainable, frozen = draw(layer(shape))
            name = built.name()
            style = draw(st.sampled_from(["direct", "helper", "loop", "config"]))
            if style == "direct":
                built.lines.append(f"x = {named(call, name)}(x)")
            elif style == "helper":  # through a function of the file
                built.lines.append(f"x = apply({named(call, name)}, x)")
            elif style == "loop":  # through a loop over a known list
                built.lines += [f"for layer in [{named(call, name)}]:", "    x = layer(x)"]
            else:  # the layer's name from a dict, built with an f-string
                built.lines += [f"config = {{'number': {name[1:]}}}", f"x = {call[:-1]}{', ' if not call.endswith('()') else ''}name=f\"l{{config['number']}}\")(x)"]
            built.rows[name] = (shape, trainable, frozen)
        elif move == "concatenate":
            widths = [draw(st.integers(1, 16)) for _ in range(draw(st.integers(2, 3)))]
            branches = []
            for width in widths:
                name = built.name()
                if len(shape) == 3:  # same-padded, unit-stride convolutions keep the grid
                    kernel = draw(st.integers(1, 3))
                    built.lines.append(f"b{name} = layers.Conv2D({width}, {kernel}, padding='same', name={name!r})(x)")
                    built.rows[name] = (shape[:-1] + (width,), kernel * kernel * shape[-1] * width + width, 0)
                else:
                    built.lines.append(f"b{name} = layers.Dense({width}, name={name!r})(x)")
                    built.rows[name] = (shape[:-1] + (width,), shape[-1] * width + width, 0)
                branches.append(f"b{name}")
            shape = shape[:-1] + (sum(widths),)
            name = built.name()
            if draw(st.booleans()):
                built.lines.append(f"x = layers.Concatenate(name={name!r})([{', '.join(branches)}])")
            else:
                built.lines.append(f"x = layers.concatenate([{', '.join(branches)}], name={name!r})")
            built.rows[name] = (shape, 0, 0)
        elif move == "merge":
            cls = draw(st.sampled_from(["Add", "Multiply", "Average", "Maximum", "Minimum", "Subtract"]))
            width = draw(st.integers(1, 16))
            first, second = built.name(), built.name()
            for branch in (first, second):
                built.lines.append(f"b{branch} = layers.Dense({width}, name={branch!r})(x)")
                built.rows[branch] = (shape[:-1] + (width,), shape[-1] * width + width, 0)
            shape = shape[:-1] + (width,)
            name = built.name()
            built.lines.append(f"x = layers.{cls}(name={name!r})([b{first}, b{second}])")
            built.rows[name] = (shape, 0, 0)
        elif model_inputs == "inputs" and len(shape) == 1:  # a second input, projected and added
            other = draw(st.integers(1, 16))
            built.lines.append(f"extra = keras.Input(shape=({other},), name='in2')")
            built.rows["in2"] = ((other,), 0, 0)
            name = built.name()
            built.lines.append(f"y = layers.Dense({shape[0]}, name={name!r})(extra)")
            built.rows[name] = (shape, other * shape[0] + shape[0], 0)
            name = built.name()
            built.lines.append(f"x = layers.Add(name={name!r})([x, y])")
            built.rows[name] = (shape, 0, 0)
            model_inputs = "[inputs, extra]"
    built.lines.append(f"model = keras.Model({model_inputs}, x)")
    return built


def check_prediction(built: Built) -> None:
    source = "\n".join(built.lines) + "\n"
    result = analyse_checked(source)
    assert result.diagnostics == (), f"false positive {result.diagnostics[0].message}\n{source}"
    (summary,) = result.summaries
    rows = {row.name: row for row in summary.rows}
    assert set(rows) == set(built.rows), source
    for name, (shape, trainable, frozen) in built.rows.items():
        row = rows[name]
        if row.output is not UNKNOWN:
            assert row.output == (None, *shape), f"{name}: {row.output} != {(None, *shape)}\n{source}"
        if row.params is not UNKNOWN:
            assert (row.params, row.trainable_params, row.non_trainable_params) == (trainable + frozen, trainable, frozen), (
                f"{name}: {row.params}\n{source}"
            )
    known = [summary.total_params, summary.trainable_params, summary.non_trainable_params]
    if all(v is not UNKNOWN for v in known):
        assert summary.total_params == summary.trainable_params + summary.non_trainable_params
        assert summary.trainable_params == sum(t for _, t, _ in built.rows.values()), source
        assert summary.non_trainable_params == sum(f for _, _, f in built.rows.values()), source


@FAST
@given(built=sequential_models())
def test_generated_sequential_models_are_predicted_exactly(built: Built) -> None:
    check_prediction(built)


@FAST
@given(built=functional_models())
def test_generated_functional_models_are_predicted_exactly(built: Built) -> None:
    check_prediction(built)


@settings(max_examples=60, deadline=None, derandomize=True, database=None, suppress_health_check=list(HealthCheck))
@given(
    kind=st.sampled_from(["Dense", "Conv1D", "Conv2D", "MaxPooling2D", "LSTM", "Reshape", "Concatenate", "Flatten", "Dropout"]),
    args=st.lists(st.one_of(st.integers(-3, 70), st.none(), st.text("ab'\"(", max_size=3), st.floats(allow_nan=True)), max_size=3),
    shape=st.lists(st.one_of(st.integers(-1, 9), st.none()), max_size=4),
)
def test_random_layer_arguments_never_crash(kind: str, args: list, shape: list) -> None:
    """Arbitrary (mostly invalid) arguments and input shapes: diagnostics, never an internal error."""
    source = (
        "import keras\nfrom keras import layers\n"
        f"inputs = keras.Input(shape={tuple(shape)!r})\n"
        f"x = layers.{kind}({', '.join(repr(a) for a in args)})(inputs)\n"
        "model = keras.Model(inputs, x)\n"
        f"seq = keras.Sequential([keras.Input({tuple(shape)!r}), layers.{kind}({', '.join(repr(a) for a in args)})])\n"
    )
    analyse_checked(source)
