"""What the interpreter follows of real projects' Python, and where it must stop: sizes computed
with the math module, functions a loop defines and calls, layers made inside a custom layer's call.
Each case compares with what Keras does (the fixtures it names are recorded from Keras) or with the
same model without the construct."""

from __future__ import annotations

import json

import pytest

from conftest import ROOT

@pytest.mark.parametrize(
    "expression",
    ["math.sqrt(-1)", "math.lcm(*range(1, 5000))", "math.prod([10 ** 300] * 20)", "math.exp(10 ** 4)",
     "math.log(0)", "int(np.sqrt(size))", "math.ceil(size / 2)"],
)
def test_math_that_python_would_raise_on_or_that_is_huge_or_unknown_stays_unknown(expression: str) -> None:
    """The math module is evaluated on known numbers only, within bounds: an argument read from
    data, a call Python raises on, an integer of thousands of digits leave the units unknown (no
    diagnostic, no crash), and the layers that do not depend on them known."""
    from kerascheck.analysis import analyse_source
    from kerascheck.engine.dims import UNKNOWN

    source = (
        "import math, sys\nimport numpy as np\nimport keras\nsize = int(sys.argv[1])\n"
        f"model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(4), keras.layers.Dense({expression})])\n"
    )
    result = analyse_source(source, "sizes.py")
    assert result.diagnostics == ()
    [summary] = result.summaries
    assert summary.rows[0].params == 16
    assert summary.rows[1].params is UNKNOWN and summary.total_params is UNKNOWN


def test_numpy_of_a_python_int_read_from_data_is_a_numpy_float_which_dense_refuses() -> None:
    """``int(sys.argv[1])`` is a Python int of a value not known; ``np.sqrt`` of it is a NumPy
    float whatever the value, and Keras refuses any float as ``units``."""
    from kerascheck.analysis import analyse_source

    source = (
        "import sys\nimport numpy as np\nimport keras\nsize = int(sys.argv[1])\n"
        "model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(np.sqrt(size))])\n"
    )
    [diagnostic] = analyse_source(source, "sizes.py").diagnostics
    assert diagnostic.code == "KC201" and "expected a positive integer" in diagnostic.message


@pytest.mark.parametrize(
    "loop_body",
    [
        "    f = lambda: keras.layers.Dense(3)\n    f()\n",  # a lambda of the loop that makes a layer
        "    def make():\n        return keras.layers.Dense(3)\n    make()\n",
        "    f = lambda: g()\n    g = factory\n    f()\n",  # reads a name the loop rebinds (print before it)
        "    helper.build()\n",  # a method of a plain class that makes a layer
    ],
)
def test_functions_of_a_loop_that_may_make_layers_leave_later_names_unknown(loop_body: str) -> None:
    """What a loop kerascheck does not run item by item defines and calls is read for the layers it
    may make: one that makes a Dense leaves the next Dense's name unknown."""
    from kerascheck.analysis import analyse_source
    from kerascheck.engine.dims import UNKNOWN

    source = (
        "import sys\nimport keras\n\ndef factory():\n    return keras.layers.Dense(2)\n\n"
        "class Helper:\n    def build(self):\n        return keras.layers.Dense(4)\n\nhelper = Helper()\ng = print\n"
        f"for line in open(sys.argv[1]):\n{loop_body}"
        "model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(2)])\n"
    )
    [summary] = analyse_source(source, "loop.py").summaries
    assert summary.rows[0].name is UNKNOWN
    assert summary.rows[0].params == 8


def test_layers_made_inside_a_call_leave_only_their_own_classes_names_unknown() -> None:
    """A custom layer's call() that makes an Add each time Keras traces it: the names of Adds made
    later are unknown (Keras 3 traced it twice per block, Keras 2 once), every other name is Keras's."""
    from kerascheck.analysis import analyse_path
    from kerascheck.engine.dims import UNKNOWN

    fixture = ROOT / "fixtures" / "summary" / "unresolvable_layers_made_inside_call.py"
    truth = json.loads(fixture.with_suffix(".expected.json").read_text())["models"][0]["layers"]
    [summary] = analyse_path(fixture).summaries
    for row, expected in zip(summary.rows, truth, strict=True):
        if expected["class"] == "Add":
            assert row.name is UNKNOWN
        else:
            assert row.name == expected["name"]


@pytest.mark.parametrize(
    ("loop_body", "names_known"),
    [
        ("    image = image / 255\n    plt.imshow(image.numpy().squeeze())\n", True),  # data from data
        ("    image = image / 255\n    total = total + image\n    total.numpy()\n", True),
        ("    image = image / 255\n    image = keras.layers.Dense(2)\n    image.numpy()\n", False),
        ("    other = image\n    image = other.numpy()\n    image = factory()\n    image.build()\n", False),
    ],
)
def test_names_bound_from_one_another_in_a_loop_over_data(loop_body: str, names_known: bool) -> None:
    """``image = image / 255`` in a loop over data: every binding of the name is data when the
    names it reads are, so its methods make no layer; one binding to something else is enough
    for the loop's calls of it to make any."""
    from kerascheck.analysis import analyse_source
    from kerascheck.engine.dims import UNKNOWN

    source = (
        "import sys\nimport matplotlib.pyplot as plt\nimport numpy as np\nimport keras\n\n"
        "def factory():\n    return keras.layers.Dense(2)\n\n"
        "data = np.load(sys.argv[1])\ntotal = 0\n"
        f"for i, image in enumerate(data[:6]):\n{loop_body}"
        "model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(2)])\n"
    )
    [summary] = analyse_source(source, "loop.py").summaries
    assert (summary.rows[0].name == "dense") if names_known else (summary.rows[0].name is UNKNOWN)


def test_a_loop_too_long_to_run_round_by_round_is_read_for_what_it_may_change() -> None:
    """Text generated after each of many epochs (keras.io's character-level LSTM): the rounds left
    when the file's step budget would run out are read as any number of rounds, instead of the
    analysis stopping (KC003) on a correct script; the model, built and only used for predict()
    there, keeps its summary."""
    from kerascheck.analysis import analyse_source

    source = (
        "import numpy as np\nimport keras\nfrom keras import layers\n"
        "model = keras.Sequential([keras.Input((40, 30)), layers.LSTM(8), layers.Dense(30)])\n"
        "sentence = 'x' * 40\n"
        "for epoch in range(40):\n"
        "    for diversity in [0.2, 0.5, 1.0, 1.2]:\n"
        "        for i in range(400):\n"
        "            x_pred = np.zeros((1, 40, 30))\n"
        "            for t, char in enumerate(sentence[:3]):\n"
        "                x_pred[0, t, 0] = 1.0\n"
        "            preds = model.predict(x_pred, verbose=0)[0]\n"
        "            sentence = sentence[1:] + 'y'\n"
        "after = keras.Sequential([keras.Input((3,)), layers.Dense(2)])\n"
    )
    result = analyse_source(source, "generate.py")
    assert result.diagnostics == ()
    model, after = result.summaries
    assert [row.params for row in model.rows] == [1248, 270]
    assert after.rows[0].params == 8


def test_the_work_of_reading_a_loop_over_data_counts_toward_the_loops_estimate() -> None:
    """An epoch loop whose rounds each go over a dataset (pix2pix's training loop): the inner loop
    is read for what it may change, few steps but many expressions read, every round. That
    reading counts in the estimate of the rounds' cost, so the epochs left are read as any number
    of rounds; counting only the steps, the 1,000 rounds ran one by one (20 s) and the analysis of
    a correct file stopped (KC003)."""
    from kerascheck.analysis import analyse_source

    body = "".join(f"        v{i} = batch[{i}] * 2.0 + v{i - 1 if i else 0} / 3.0 - (batch[0] + 1) ** 2\n" for i in range(40))
    source = (
        "import sys\nimport numpy as np\nimport keras\nimport tensorflow as tf\n"
        "model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(2)])\n"
        "data = np.load(sys.argv[1])\nopt = keras.optimizers.Adam()\n"
        "def train_step(x, y):\n    with tf.GradientTape() as tape:\n"
        "        loss = keras.ops.mean(model(x, training=True) - y)\n"
        "    return tape.gradient(loss, model.trainable_variables)\n"
        "for epoch in range(1000):\n"
        "    for batch in data:\n"
        f"{body}"
        "        grads = train_step(batch, v39)\n"
        "        opt.apply_gradients(zip(grads, model.trainable_variables))\n"
        "after = keras.Sequential([keras.Input((3,)), keras.layers.Dense(2)])\n"
    )
    result = analyse_source(source, "epochs.py")
    assert result.diagnostics == ()
    assert [row.params for summary in result.summaries for row in summary.rows] == [8, 8]


@pytest.mark.parametrize(("asked", "found"), [("block5_pool", "block5_pool"), ("head", "head"),
                                               ("input_layer_3", None), ("dense_2", None), ("named", None)])
def test_get_layer_by_name_after_names_became_unknown(asked: str, found: str | None) -> None:
    """After code kerascheck does not follow (a helper of another package), the names Keras
    generates are unknown; a layer Keras named itself is still only ``<prefix>`` or
    ``<prefix>_<N>``, so ``get_layer("block5_pool")`` passes VGG16's InputLayer and finds the
    layer (transfer-learning scripts cut the base there); a name it may have is unknown, as is
    a layer named by a value not known."""
    from interpreted import interpret
    from kerascheck.engine.dims import UNKNOWN
    from kerascheck.engine.runtime import Layer

    setup = (
        "import sys\nimport keras\nfrom keras import layers\nfrom keras.applications import VGG16\n"
        "helper = __import__(sys.argv[1])\nhelper.prepare()\n"
        "base = VGG16(include_top=False, input_shape=(64, 64, 3), weights=None)\n"
        "top = keras.Sequential([keras.Input((3,)), layers.Dense(2), layers.Dense(4, name='head'),\n"
        "                        layers.Dense(4, name=sys.argv[2])])\n"
    )
    model = "base" if asked.startswith(("block", "input")) else "top"
    result = interpret(setup, f"{model}.get_layer({asked!r})")
    named_inside = interpret(
        setup + "class Block(layers.Layer):\n    def __init__(self, **kwargs):\n"
        "        super().__init__(name=sys.argv[3], **kwargs)\n"
        "first = keras.Sequential([keras.Input((3,)), Block(), layers.Dense(4, name='head')])\n",
        f"first.get_layer({asked!r})")
    assert named_inside is UNKNOWN  # a name its class gives from a value not known: any
    if found is None:
        assert result is UNKNOWN
    else:
        assert isinstance(result, Layer) and result.name == found


@pytest.mark.parametrize(("validation", "batch_known"), [("", True), (", validation_data=(x, y)", True),
                                                          (", validation_data=held_out", False)])
def test_the_first_batch_when_validation_data_may_be_none(validation: str, batch_known: bool) -> None:
    """fit(..., validation_split=0.5) on 10 samples trains on batches of 5, unless validation_data
    is given (then all 10 are trained on): read from data, it may be None, and the batch is unknown."""
    from kerascheck.analysis import analyse_source
    from kerascheck.engine.dims import UNKNOWN

    source = (
        "import sys\nimport numpy as np\nimport keras\nx = np.zeros((10, 8))\ny = np.zeros((10, 1))\n"
        "held_out = np.load(sys.argv[1], allow_pickle=True)\n"
        "model = keras.Sequential([keras.layers.Dense(2)])\nmodel.compile(loss='mse')\n"
        f"model.fit(x, y, validation_split=0.5{validation})\n"
    )
    [summary] = analyse_source(source, "fit.py").summaries
    batch = summary.rows[0].output[0]
    assert (batch == (10 if validation else 5)) if batch_known else (batch is UNKNOWN)


def test_a_pretrained_model_of_keras_hub_is_a_model_of_unknown_rows_whose_trainable_flag_is_its_own() -> None:
    """``keras_hub.models.Backbone.from_preset(...)`` builds a model kerascheck cannot see: reported
    with unknown rows; setting its ``trainable`` changes no other model's counts (before, it was an
    unknown object, which could have been any layer); a tokenizer is no model."""
    from kerascheck.analysis import analyse_source
    from kerascheck.engine.dims import UNKNOWN

    source = (
        "import keras\nimport keras_hub\n"
        "inputs = keras.Input((4,))\nmodel = keras.Model(inputs, keras.layers.Dense(2)(inputs))\n"
        "conv_base = keras_hub.models.Backbone.from_preset('xception_41_imagenet', trainable=False)\n"
        "conv_base.trainable = True\n"
        "tokenizer = keras_hub.models.BertTokenizer.from_preset('bert_base_en')\n"
        "gemma = keras_hub.models.GemmaCausalLM.from_preset('gemma_2b_en')\n"
        "gemma.compile(sampler='greedy')\n"  # the library's compile() takes a sampler
    )
    result = analyse_source(source, "hub.py")
    assert result.diagnostics == ()
    summaries = {s.variable: s for s in result.summaries}
    assert set(summaries) == {"model", "conv_base", "gemma"}
    assert summaries["model"].trainable_params == 10
    assert summaries["conv_base"].total_params is UNKNOWN


@pytest.mark.parametrize("seed", ["seed=os.environ.get('SEED')", "seed=None", "", "seed=self.unknown_seed"])
def test_a_draw_not_known_to_be_seeded_leaves_only_its_layer_unknown(seed: str) -> None:
    """custom_layer_draws_in_call (recorded): seeded draws in call() keep the batch axis None. A
    seed that may be None at run time (the JAX backend refuses an unseeded draw, TensorFlow not)
    leaves that layer's shape unknown, and every other row as Keras printed it."""
    from kerascheck.analysis import analyse_source
    from kerascheck.engine.dims import UNKNOWN

    fixture = ROOT / "fixtures" / "summary" / "custom_layer_draws_in_call.py"
    truth = json.loads(fixture.with_suffix(".expected.json").read_text())["models"][0]["layers"]
    source = fixture.read_text()
    assert "seed=self.seed_generator" in source
    variant = "import os\n" + source.replace("seed=self.seed_generator", seed).replace(
        "self.seed_generator = ", "self.unknown_seed = os.environ.get('S') or ")
    [encoder, _] = analyse_source(variant, "model.py").summaries
    for row, expected in zip(encoder.rows, truth, strict=True):
        if expected["class"] == "Sampling":
            assert row.output is UNKNOWN
        else:
            assert row.name == expected["name"] and list(row.output) == expected["output_shape"]


@pytest.mark.parametrize("data", ["x_train", "np.zeros((8, 100))", "x=np.zeros((8, 100))"])
def test_fitting_a_sequential_that_holds_a_layer_of_a_library_keeps_the_rows_before_it(data: str) -> None:
    """``Sequential`` with ``input_shape=`` on its first layer: Keras builds it as the layers are
    added, the library's layer (``TCN`` of keras-tcn, not installed here) included, so fitting
    it builds nothing: the rows kerascheck follows up to that layer stay known."""
    from kerascheck.analysis import analyse_source
    from kerascheck.engine.dims import UNKNOWN, is_known

    source = (
        "import numpy as np\nfrom keras import Sequential\nfrom keras.layers import Dense, Embedding\n"
        "from tcn import TCN\n"
        "model = Sequential()\nmodel.add(Embedding(20000, 128, input_shape=(100,)))\n"
        "model.add(TCN(nb_filters=64))\nmodel.add(Dense(1, activation='sigmoid'))\n"
        f"model.compile('adam', 'binary_crossentropy')\nmodel.fit({data}, epochs=1)\n"
    )
    (summary,) = analyse_source(source, "m.py").summaries
    rows = [(row.class_name, row.output, row.params) for row in summary.rows]
    # The Embedding's row is the one the model without that layer, never fitted, shows.
    alone = source.replace("model.add(TCN(nb_filters=64))\n", "").split("model.compile")[0]
    (unfitted,) = analyse_source(alone, "m.py").summaries
    first = unfitted.rows[0]
    assert rows[0] == ("Embedding", first.output, first.params) and is_known(first.output) and first.params != 0
    assert rows[1][1:] == (UNKNOWN, UNKNOWN) and summary.total_params is UNKNOWN
    # Without input_shape= the model is built on the data, through a layer not followed: unknown.
    (summary,) = analyse_source(source.replace(", input_shape=(100,)", ""), "m.py").summaries
    assert summary.rows[0].output is UNKNOWN


@pytest.mark.parametrize(
    ("helper", "rows_known"),
    [
        ("def step(m, x):\n    return m(x)\n", True),  # calling a built model adds no layer
        ("def step(m, x):\n    y = m(x)\n    return m(y)\n", True),
        ("def step(m, x):\n    m.add(keras.layers.Dense(1))\n", False),
        ("def step(m, x):\n    other = m\n    return other(x)\n", False),  # passed on: not followed
    ],
)
def test_a_model_given_to_a_helper_in_a_loop_over_data_keeps_its_rows_if_the_helper_only_calls_it(
    helper: str, rows_known: bool
) -> None:
    """A loop over data of unknown length is read for what it may change: a built model given to a
    function of the analysed code that only calls it keeps its layers; one that may add to it,
    or passes it on, has rows not known from there."""
    from kerascheck.analysis import analyse_source
    from kerascheck.engine.dims import UNKNOWN

    model = "model = keras.Sequential([keras.Input((8,)), keras.layers.Dense(4), keras.layers.Dense(1)])\n"
    source = f"import sys\nimport numpy as np\nimport keras\n\n{model}\n{helper}\n"
    looped = source + "for x in np.load(sys.argv[1]):\n    step(model, x)\n"
    [summary] = analyse_source(looped, "loop.py").summaries
    [alone] = analyse_source(source, "alone.py").summaries
    if rows_known:
        assert [(r.name, r.params) for r in summary.rows] == [(r.name, r.params) for r in alone.rows]
        assert alone.total_params is not UNKNOWN
        assert summary.total_params == alone.total_params
    else:
        assert summary.total_params is UNKNOWN


def test_blocks_written_on_their_headers_line_run_as_any_other() -> None:
    """``def units(): return 16``, ``if …: x = …``, ``for …: …`` on one line are followed."""
    from kerascheck.analysis import analyse_source
    from kerascheck.engine.dims import UNKNOWN

    one_line = (
        "import keras\n"
        "def units(): return 16\n"
        "width = 8\n"
        "if width > 4: width = 12\n"
        "for _ in range(2): width += 1\n"
        "while width < 20: width += 3\n"
        "model = keras.Sequential([keras.Input((width,)), keras.layers.Dense(units())])\n"
    )
    spread = (
        "import keras\n"
        "model = keras.Sequential([keras.Input((20,)), keras.layers.Dense(16)])\n"
    )
    [summary] = analyse_source(one_line, "one_line.py").summaries
    [expected] = analyse_source(spread, "spread.py").summaries
    assert [(r.name, r.output, r.params) for r in summary.rows] == [(r.name, r.output, r.params) for r in expected.rows]
    assert expected.total_params is not UNKNOWN
    assert summary.total_params == expected.total_params


def test_a_compute_output_shape_of_several_shapes_gives_an_unknown_output_not_calls() -> None:
    """Keras passes ``compute_output_shape(x_shape, mask_shape)`` each call argument's shape by
    name: not followed, so the output is unknown (and call(), which Keras does not run, is not run)."""
    from kerascheck.analysis import analyse_source
    from kerascheck.engine.dims import UNKNOWN

    source = (
        "import keras\n\n"
        "class Pair(keras.layers.Layer):\n"
        "    def call(self, x, other=None):\n"
        "        return keras.ops.concatenate([x, keras.ops.ones((3, 5))])\n"  # would fail if run
        "    def compute_output_shape(self, x_shape, other_shape=None):\n"
        "        return x_shape\n\n"
        "inputs = keras.Input((4,))\n"
        "model = keras.Model(inputs, Pair()(inputs))\n"
    )
    result = analyse_source(source, "pair.py")
    assert result.diagnostics == ()
    [summary] = result.summaries
    assert summary.rows[1].output is UNKNOWN


@pytest.mark.parametrize(
    ("setup", "expected"),
    [
        ("N = 1\ndef bump():\n    global N\n    N = N + 1\nbump()\nbump()\n", 3),
        ("def outer():\n    n = 1\n    def inc():\n        nonlocal n\n        n += 2\n    inc()\n    return n\nN = outer()\n", 3),
        ("N = 1\ndef local():\n    N = 5\n    return N\nlocal()\n", 1),  # no declaration: a local of its own
    ],
)
def test_global_and_nonlocal_names_bind_where_they_live(setup: str, expected: int) -> None:
    from interpreted import evaluate, interpret

    assert interpret(setup, "N") == expected == evaluate(setup, "N")


def test_a_loop_calling_a_function_that_rebinds_a_global_makes_it_unknown() -> None:
    from interpreted import interpret
    from kerascheck.engine.dims import UNKNOWN

    setup = "import os\nN = 1\ndef bump():\n    global N\n    N = N + 1\nfor name in os.listdir('d'):\n    bump()\n"
    assert interpret(setup, "N") is UNKNOWN


@pytest.mark.parametrize(
    ("expression", "setup"),
    [
        ("c.n", "class C:\n    def __init__(self):\n        self.n = 1\n    def bump(self):\n        self.n += 1\n"),
        ("C.n", "class C:\n    n = 1\n    def bump(self):\n        C.n += 1\n"),
    ],
)
def test_a_loop_calling_a_method_that_changes_its_object_makes_that_unknown(expression: str, setup: str) -> None:
    from interpreted import interpret
    from kerascheck.engine.dims import UNKNOWN

    setup = "import os\n" + setup + "c = C()\nfor name in os.listdir('d'):\n    c.bump()\n"
    assert interpret(setup, expression) is UNKNOWN
