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



HEADER = (
    "import numpy as np\nimport keras\nfrom keras import layers\n"
    "a = keras.Input((20,))\nmodel = keras.Model(a, [layers.Dense(1)(a), layers.Dense(1)(a)])\n"
    "model.compile(optimizer='adam', loss='mse')\n"
)


def _codes(source: str) -> list[tuple[str, int]]:
    return [(d.code, d.span.line) for d in analyse_source(source, "model.py").diagnostics]


def test_a_generator_made_in_the_call_gives_its_first_batch() -> None:
    """fit(batches()) takes the first element the generator yields: one array of targets for a
    model of two outputs raises (fixtures/data/error_generator_yields_one_target_for_two_outputs)."""
    generator = "def batches():\n    while True:\n        yield np.zeros((8, 20)), np.zeros((8, 1))\n"
    assert _codes(HEADER + generator + "model.fit(batches(), steps_per_epoch=1)\n") == [("KC405", 10)]


@pytest.mark.parametrize("generator", [
    # Iterated before fit: the batch fit takes is not the first one.
    "def batches():\n    while True:\n        yield np.zeros((8, 20)), np.zeros((8, 1))\n"
    "gen = batches()\nnext(gen)\n",
    # The first yield is behind a decision on data.
    "def batches():\n    flag = np.random.rand() > 0.5\n    if flag:\n        yield np.zeros((8, 20)), np.zeros((8, 1))\n"
    "    yield np.zeros((8, 20)), [np.zeros((8, 1)), np.zeros((8, 1))]\n",
    # yield from another iterable, and a generator of no yield reached.
    "def batches():\n    yield from [(np.zeros((8, 20)), np.zeros((8, 1)))]\n",
])
def test_a_generator_whose_first_batch_is_not_known_proves_nothing(generator: str) -> None:
    call = "model.fit(gen, steps_per_epoch=1)\n" if "gen =" in generator else "model.fit(batches(), steps_per_epoch=1)\n"
    assert _codes(HEADER + generator + call) == []


BATCHES = "def batches():\n    while True:\n        yield np.zeros((8, 20)), np.zeros((8, 1))\n"


def test_a_generator_made_before_the_call_and_not_advanced_gives_its_first_batch() -> None:
    assert _codes(HEADER + BATCHES + "gen = batches()\nalias = gen\nmodel.fit(alias, steps_per_epoch=1)\n") == [
        ("KC405", 12)]
    made_in_a_function = "def make():\n    g = batches()\n    return g\n"
    assert _codes(HEADER + BATCHES + made_in_a_function + "model.fit(make(), steps_per_epoch=1)\n") == [("KC405", 13)]


@pytest.mark.parametrize("advance", [
    "next(gen)\n", "for batch in gen:\n    break\n", "first = [b for b in gen][0]\n", "gen.send(None)\n",
    "def peek(g):\n    return g\npeek(gen)\n", "if np.random.rand() > 0.5:\n    next(gen)\n",
    "model.fit(gen, steps_per_epoch=1)\n",  # (the second fit takes batches from where the first stopped)
])
def test_a_generator_that_may_have_been_advanced_proves_nothing(advance: str) -> None:
    found = _codes(HEADER + BATCHES + "gen = batches()\n" + advance + "model.fit(gen, steps_per_epoch=1)\n")
    last = len((HEADER + BATCHES + "gen = batches()\n" + advance).splitlines()) + 1
    assert ("KC405", last) not in found


def test_a_generator_expression_is_a_generator_to_fit_not_a_list() -> None:
    """``fit((x, y) for ...)``: Keras takes a generator (not followed), not a list of Python values."""
    expression = "model.fit(((np.zeros((8, 20)), np.zeros((8, 1))) for _ in range(3)), steps_per_epoch=1)\n"
    assert not [code for code, _ in _codes(HEADER + expression) if code == "KC407"]
    assert _codes(HEADER + "model.fit([1, 2, 3])\n") == [("KC312", 7)]  # (a list of numbers: Keras 2 took it)


def test_a_py_dataset_of_the_programs_gives_its_first_batch() -> None:
    """Keras builds and checks the model on one batch of a PyDataset (``keras.utils.Sequence``),
    recorded in fixtures/data/error_py_dataset_class_ids_for_categorical_loss_*: ``dataset[0]``
    for evaluate; for fit, a batch in a shuffled order, whose number of samples is not known (the
    last batch may be smaller), and ``dataset[0]`` again with ``shuffle=False``."""
    import json

    from conftest import ROOT

    def recorded(kind: str) -> tuple[str, str]:
        fixture = ROOT / "fixtures" / "data" / f"error_py_dataset_class_ids_for_categorical_loss_{kind}.py"
        return fixture.read_text(), json.loads(fixture.with_suffix(".expected.json").read_text())["error"]["message"]

    def loss_message(source: str) -> str:
        [diagnostic] = analyse_source(source, "model.py").diagnostics
        assert diagnostic.code == "KC406"
        return diagnostic.message

    source, keras = recorded("evaluate")
    assert keras in loss_message(source)
    source, keras = recorded("fit")
    assert "(32," in keras and keras.replace("(32,", "(?,") in loss_message(source)  # shuffled: unknown
    assert keras in loss_message(source.replace("epochs=1,", "epochs=1, shuffle=False,"))
    given_y = source.replace("model.fit(Batches(x, y),", "model.fit(Batches(x, y), y,")
    assert [d.code for d in analyse_source(given_y, "model.py").diagnostics] == ["KC404"]
    onehot = source.replace("Batches(x, y)", "Batches(x, keras.utils.to_categorical(y, 10))")
    assert not analyse_source(onehot, "model.py").diagnostics


def test_python_numbers_are_no_arrays_to_fit_but_targets_to_train_on_batch() -> None:
    """Keras 3's fit takes arrays only (KC407); train_on_batch pairs a list of 32 labels with the
    outputs as 32 targets (KC405), and one label for one output trains (rule examples)."""
    one = (
        "import numpy as np\nimport keras\nfrom keras import layers\n"
        "model = keras.Sequential([keras.Input((4,)), layers.Dense(1)])\nmodel.compile(optimizer='sgd', loss='mse')\n"
        "x = np.zeros((32, 4))\n"
    )
    assert _codes(one + "model.fit(x, [1] * 32)\n") == [("KC407", 7)]
    assert _codes(one + "model.fit(x, np.zeros(32), sample_weight=[0.5] * 32)\n") == [("KC407", 7)]
    assert _codes(one + "model.train_on_batch(x, [1] * 32)\n") == [("KC405", 7)]
    assert _codes(one + "model.train_on_batch(x, [1.0])\nmodel.train_on_batch(x, 1)\n") == []
    # A list whose items are read from data may hold arrays: nothing is claimed.
    assert _codes(one + "y = [row for row in np.load('y.npy')]\nmodel.fit(x, y)\n") == []


def test_class_weight_where_keras_cannot_apply_it() -> None:
    """KC409 (ArrayDataAdapter): with sample_weight, with several outputs, with targets of three
    axes (rule example recorded); one-hot rows and class ids take it, and so does unknown data."""
    one = (
        "import numpy as np\nimport keras\nfrom keras import layers\n"
        "model = keras.Sequential([keras.Input((4,)), layers.Dense(3, activation='softmax')])\n"
        "model.compile(optimizer='sgd', loss='categorical_crossentropy')\nx = np.zeros((30, 4))\n"
        "w = {0: 1.0, 1: 2.0, 2: 1.0}\n"
    )
    assert _codes(one + "model.fit(x, np.zeros((30, 3)), class_weight=w, sample_weight=np.ones(30))\n") == [
        ("KC409", 8)]
    assert _codes(one + "model.fit(x, np.zeros((30, 3)), class_weight=w)\n") == []
    assert _codes(one + "model.fit(x, np.load('y.npy'), class_weight=w)\n") == []
    # A sample_weight that may be None at run time (read from the environment) proves nothing.
    assert _codes(one + "import os\nsw = np.ones(30) if os.environ.get('W') else None\n"
                  "model.fit(x, np.zeros((30, 3)), class_weight=w, sample_weight=sw)\n") == []
    assert _codes(HEADER + "model.fit(np.zeros((8, 20)), [np.zeros((8, 1))] * 2, class_weight={0: 1.0})\n") == [
        ("KC409", 7)]


VALIDATED = (
    "import numpy as np\nimport keras\nfrom keras import layers\n"
    "x = np.random.rand(64, 8)\ny = keras.utils.to_categorical(np.arange(64) % 3, 3)\n"
    "xv = np.random.rand(16, 8)\nyv = np.arange(16) % 3\n"
    "model = keras.Sequential([keras.Input((8,)), layers.Dense(3, activation='softmax')])\n"
    "model.compile(optimizer='adam', loss='categorical_crossentropy')\n"
)


@pytest.mark.parametrize(("call", "raises"), [
    ("model.fit(x, y, validation_data=(xv, yv))", True),  # recorded: validation_labels_not_one_hot
    ("model.fit(x, y, epochs=2, validation_data=(xv, yv), validation_batch_size=4)", True),
    # No validation at the end of the first epoch, or no epoch trained: nothing raises there.
    ("model.fit(x, y, epochs=1, validation_data=(xv, yv), validation_freq=2)", False),
    ("model.fit(x, y, epochs=1, initial_epoch=1, validation_data=(xv, yv))", False),
    ("model.fit(x, y, epochs=int(input()), validation_data=(xv, yv))", False),
    # Training data read from a file may raise first (another error): the validation is not reached.
    ("model.fit(np.load('x.npy'), y, validation_data=(xv, yv))", False),
    ("model.fit(x, np.load('y.npy'), validation_data=(xv, yv))", False),
    ("model.fit(x, y, validation_data=(xv, keras.utils.to_categorical(yv, 3)))", False),
])
def test_validation_targets_meet_the_loss_only_after_an_epoch_known_to_train(call: str, raises: bool) -> None:
    codes = [d.code for d in analyse_source(VALIDATED + call + "\n", "model.py").diagnostics]
    assert codes == (["KC406"] if raises else [])


@pytest.mark.parametrize(("array", "name"), [
    ("np.array(['cat', 'dog'] * 32)", "str96"), ("np.array(['setosa', 'virginica'] * 32)", "str288"),
    ("np.array(['a', 'b'] * 32, dtype=object)", "object"),
])
def test_arrays_of_strings_or_objects_are_refused_with_kerass_dtype_name(array: str, name: str) -> None:
    source = VALIDATED + f"model.fit(x, {array})\n"
    [diagnostic] = analyse_source(source, "model.py").diagnostics
    assert diagnostic.code == "KC420" and diagnostic.message.endswith(f"Keras: Invalid dtype: {name}")


def test_data_of_unknown_dtype_is_not_refused() -> None:
    source = VALIDATED + "labels = np.load('labels.npy')\nmodel.fit(x, labels.reshape(-1, 3))\n"
    assert [d.code for d in analyse_source(source, "model.py").diagnostics] == []


@pytest.mark.parametrize(("handler", "reported"), [
    ("except ValueError:", False), ("except (TypeError, ValueError) as error:", False), ("except:", False),
    ("except Exception:", False), ("except OSError:", True), ("except ImportError:", True),
])
def test_an_error_a_handler_catches_is_not_reported(handler: str, reported: bool) -> None:
    """``try: model.fit(list_of_lists, ...)`` / ``except ValueError: model.fit(np.array(...))``:
    Keras raises in the body, and the program catches it on purpose; a handler of other
    exceptions does not."""
    source = (
        "import numpy as np\nimport keras\nfrom keras import layers\n"
        "model = keras.Sequential([keras.Input((2,)), layers.Dense(1)])\nmodel.compile('adam', 'mse')\n"
        "data = [[1.0, 2.0], [3.0, 4.0]]\n"
        f"try:\n    model.fit(data, [0.0, 1.0], verbose=0)\n{handler}\n"
        "    model.fit(np.array(data), np.array([0.0, 1.0]), verbose=0)\n"
        "model.fit(data, [0.0, 1.0], verbose=0)\n"
    )
    codes = [(d.span.line, d.code) for d in analyse_source(source, "caught.py").diagnostics]
    assert codes == ([(8, "KC407")] if reported else []) + [(11, "KC407")]


@pytest.mark.parametrize(("declared", "given", "codes"), [
    ("x.shape", "x", [("KC401", 9)]),                       # the whole shape of the very array given
    ("(x.shape[0], x.shape[1])", "x", [("KC401", 9)]),      # the same, written out
    ("x.shape[1:]", "x", []),                               # one sample's shape: right
    ("x.shape", "other", []),                               # another array, of a shape not known
    ("(None, x.shape[1])", "x", []),                        # not the sample axis
])
def test_the_whole_shape_of_an_array_read_from_a_file_as_the_input_shape(declared: str, given: str,
                                                                          codes: list) -> None:
    source = (
        "import pandas as pd\nimport keras\n"
        "x = pd.read_csv('table.csv').values\nother = pd.read_csv('other.csv').values\n"
        f"model = keras.Sequential([keras.layers.Dense(4, input_shape={declared}), keras.layers.Dense(1)])\n"
        "model.compile(optimizer='adam', loss='mse')\n"
        "y = x[:, 0]\n"
        "\n"
        f"model.fit({given}, y)\n"
    )
    assert _codes(source) == codes


@pytest.mark.parametrize(("declared", "codes"), [("x_train.shape", [("KC401", 9)]), ("x_train.shape[1:]", [])])
def test_the_whole_shape_of_an_npy_array_through_its_preparation_as_the_input_shape(declared: str,
                                                                                    codes: list) -> None:
    source = (
        "import numpy as np\nimport keras\nfrom sklearn.model_selection import train_test_split\n"
        "x = np.load('x.npy').astype('float32') / 255.0\ny = np.load('y.npy')\n"
        "x_train, x_test, y_train, y_test = train_test_split(x, y, test_size=0.2)\n"
        f"model = keras.Sequential([keras.layers.Dense(8, input_shape={declared}), keras.layers.Dense(1)])\n"
        "model.compile(optimizer='adam', loss='mse')\n"
        "model.fit(x_train, y_train)\n"
        "model.evaluate(x_test, y_test)\n"  # another array, of its own sizes: nothing proven
    )
    assert _codes(source) == codes


@pytest.mark.parametrize("reading", [
    "x = np.concatenate((h5py.File('d.h5', 'r')['a'][:], h5py.File('d.h5', 'r')['b'][:]), axis=0)\n",
    "with h5py.File('d.h5', 'r') as f:\n    x = f['a'][:]\n",
])
def test_the_whole_shape_of_an_hdf5_dataset_as_the_input_shape(reading: str) -> None:
    source = (
        "import h5py\nimport numpy as np\nimport keras\n" + reading +
        "model = keras.Sequential([keras.layers.Dense(8, input_shape=x.shape), keras.layers.Dense(1)])\n"
        "model.compile(optimizer='adam', loss='mse')\n"
        "model.predict(x)\n"
    )
    line = source.count("\n")
    assert _codes(source) == [("KC401", line)]


@pytest.mark.parametrize("call", ["t.run()", "train()", "Trainer()"])
def test_a_block_that_may_not_run_is_not_run_to_check_it_when_it_trains_a_model(call: str) -> None:
    # Checked rounds only read models: fit, in a method or function of the file, would build the
    # optimizer as if the branch had run. What the summary shows stays what it was without the block.
    prelude = (
        "import sys\nimport numpy as np\nimport keras\n"
        "model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(2)])\n"
        "model.compile(optimizer='adam', loss='mse')\n"
        "def train():\n    model.fit(np.zeros((4, 3)), np.zeros((4, 2)), verbose=0)\n"
        "class T:\n    def run(self):\n        train()\n"
        "class Trainer:\n    def __init__(self):\n        train()\n"
        "t = T()\n"
    )
    (alone,) = analyse_source(prelude, "model.py").summaries
    (branched,) = analyse_source(prelude + f"if len(sys.argv) > 1:\n    {call}\n", "model.py").summaries
    assert branched.optimizer_params == alone.optimizer_params and branched.total_params == alone.total_params


def test_a_block_that_may_not_run_is_checked_through_the_files_functions_that_predict() -> None:
    source = (
        "import sys\nimport numpy as np\nimport keras\n"
        "model = keras.Sequential([keras.Input((48, 48, 3)), keras.layers.Flatten(), keras.layers.Dense(2)])\n"
        "def classify(face):\n    return model.predict(face[np.newaxis])\n"
        "face = np.zeros((48, 48, 1), dtype='float32')\n"
        "if len(sys.argv) > 1:\n"
        "    print(classify(face))\n"
    )
    assert _codes(source) == [("KC401", 6)]


STATEFUL = (
    "import os\nimport numpy as np\nimport keras\nfrom keras import layers\n"
    "inputs = keras.Input(batch_shape=(64, 10, 4))\n"
    "model = keras.Model(inputs, layers.Dense(1)(layers.GRU(8, stateful=True)(inputs)))\n"
    "model.compile(optimizer='adam', loss='mse')\n"
)


@pytest.mark.parametrize(
    ("call", "reported"),
    [
        ("model.fit(np.zeros((100, 10, 4)), np.zeros((100, 1)), batch_size=64)", True),  # a last batch of 36
        ("model.predict(np.zeros((128, 10, 4)))", True),  # batches of 32
        ("model.train_on_batch(np.zeros((32, 10, 4)), np.zeros((32, 1)))", True),
        ("model.predict(np.zeros((128, 10, 4)), batch_size=64)", False),
        ("model.predict(np.zeros((64, 10, 4)), batch_size=128)", False),  # one batch of 64
        # Larger batches of a number of samples not known: the first may be 64 rows.
        ("model.predict(np.load(os.environ['DATA']).reshape(-1, 10, 4), batch_size=128)", False),
        # A batch size read at run time may be the layer's.
        ("model.predict(np.zeros((128, 10, 4)), batch_size=int(os.environ['BATCH']))", False),
    ],
)
def test_a_stateful_rnn_takes_only_batches_of_the_size_it_was_built_for(call: str, reported: bool) -> None:
    from kerascheck.analysis import analyse_source

    codes = [d.code for d in analyse_source(STATEFUL + call + "\n", "stateful.py").diagnostics]
    assert codes == (["KC424"] if reported else [])
