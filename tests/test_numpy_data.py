"""Data shapes as kerascheck follows them equal what NumPy and Keras compute on real arrays.

Each expression runs twice: through kerascheck's interpreter (which never makes an array) and
with real NumPy / Keras (the oracle extra); the shape and dtype kerascheck finds must be
exactly the real ones. Expressions whose result depends on the data's values must stay
unknown.
"""

from __future__ import annotations

import libcst as cst
import pytest

from kerascheck.engine.dims import UNKNOWN
from kerascheck.engine.runtime import Session
from kerascheck.frontend.interpreter import Interpreter
from interpreted import evaluate, interpret
from kerascheck.frontend.values import ArrayValue, InertObject

np = pytest.importorskip("numpy")

SETUP = """
import numpy as np
a = np.zeros((6, 4))
b = np.ones((6, 4), dtype="uint8")
c = np.ones((5, 1), dtype="float32")
i = np.arange(6)
rng = np.random.default_rng(0)
state = np.random.RandomState(1)
"""

EXACT = [
    "np.zeros((4, 5))", "np.ones((3,), dtype='float32')", "np.empty([2, 3])", "np.full((2, 2), 7)",
    "np.full((2, 2), 1.5)", "np.zeros(5, dtype=np.int32)", "np.random.rand(3, 4)", "np.random.randn(2)",
    "np.random.random((2, 3))", "np.random.uniform(0, 1, (5, 2))", "np.random.normal(0, 1, size=(3,))",
    "np.random.randint(0, 10, (4, 3))",
    # NumPy's Generator (default_rng) and RandomState draw arrays of the sizes asked for.
    "rng.integers(0, 10, size=(8, 3))", "rng.integers(5, size=4)", "rng.random((3, 2))",
    "rng.random((3, 2), dtype=np.float32)", "rng.normal(0, 1, (4, 5))", "rng.normal(size=7)", "rng.uniform(0, 1, 3)",
    "rng.standard_normal((2, 3))", "rng.permutation(10)", "rng.permutation(a)", "state.randint(0, 3, 10)",
    "state.rand(3, 4)", "state.randn(2)", "state.normal(size=(2, 2))", "np.random.default_rng().random(5)",
    "np.arange(10)", "np.arange(2, 10, 3)", "np.arange(0, 1, 0.25)",
    "np.array([[1, 2], [3, 4]])", "np.array([1.0, 2])", "np.array([[1, 2]], dtype='float32')",
    "np.zeros_like(b)", "np.asarray(c)",
    "a.reshape(-1, 2)", "a.reshape(3, -1)", "a.reshape((24,))", "np.reshape(a, (2, 3, 4))", "a.reshape(-1, 2, 2)",
    "np.expand_dims(a, -1)", "np.expand_dims(a, 0)", "np.expand_dims(a, axis=(0, 3))", "a[..., None]",
    "a[:, np.newaxis]", "a[None]", "a[1:4]", "a[:, 0]", "a[0]", "a[::2]", "a[-2:]", "a[:100]", "a[..., 1:3]",
    "a[:, [0, 2, 3]]", "a[1:3, [1, 1]]", "a[..., [-1]]", "a[:, None, [0, 1]]",
    # Names mapped to ids through a dict, item by item: numbers, one per name.
    "np.array([{'a': 1, 'b': 0}[s] for s in np.array(['a', 'b', 'a'])])",
    # Python lists of an array's numbers, made an array again: int64 of any integers.
    "np.array(a.tolist())", "np.array(b.tolist())", "np.array([c.tolist(), c.tolist()])",
    "np.dot(a, a.T)", "a.dot(np.ones(4))", "np.dot(np.ones(4), np.ones(4))", "np.dot(2, a)", "b.dot(c[:4])",
    "np.dot(np.zeros((2, 3, 4)), np.zeros((5, 4, 6)))", "np.ones(6).dot(a)",
    # Ragged sequences made an array of Python objects.
    "np.array([[1, 2], [3]], dtype=object)", "np.array([[[1], [2, 3]], [[4], [5]]], dtype=object)",
    "np.array([np.zeros((5, 16)), np.zeros((7, 16))], dtype=object)", "np.array([a, a], dtype=object)",
    "a.astype('float32')", "a.astype(np.int32)", "b.astype(float)",
    "a / 255.0", "a * 2", "a + a", "b / 255.0", "b * 2", "b + 1", "c * 2.0", "c / 2", "i / 2", "i + 0.5",
    "b[:5, :1] - c", "c + c", "2 * c", "c[:, 0] + i[:5]", "c - c[:, :1]", "b + i[:4]",
    "a.T", "np.transpose(a)", "np.transpose(np.zeros((2, 3, 4)), (2, 0, 1))", "np.zeros((2, 3, 4)).transpose(0, 2, 1)",
    "np.concatenate([a, a])", "np.concatenate([a, a], axis=1)", "np.concatenate((a, a), axis=-1)",
    "np.stack([a, a])", "np.stack([a, a], axis=-1)", "np.vstack([a, a])", "np.hstack([a, a])",
    "a.flatten()", "np.ravel(a)", "np.squeeze(c)", "c.squeeze(axis=1)", "np.argmax(a, axis=1)",
    "np.float32(b)", "np.eye(3)", "np.eye(2, 4)", "np.identity(3, dtype='float32')",
    "np.linspace(-4, 4, 3)", "np.linspace(0, 1)", "np.linspace(0, 1, num=7, endpoint=False)", "np.logspace(0, 2, 5)",
    "np.geomspace(1, 8, 4, dtype='float32')", "np.array([[x, x] for x in np.linspace(0, 1, 4)])",
    "np.split(a, 2)[1]", "np.split(a, 4, axis=1)[0]", "np.array_split(a, 4)[3]", "np.array_split(a, 4)[0]",
    # Rows picked by integer indices: one per index, whatever their values.
    "a[i]", "np.eye(6)[i]", "a[i[:3]]", "b[[0, 5, 5, 1]]",
    # Elementwise functions and reductions over axes (NumPy's dtypes for them).
    "np.log1p(a)", "np.log1p(b)", "np.log10(i)", "np.expm1(c)", "np.sign(i)", "np.absolute(b)", "np.arctan(c)",
    "a.sum(axis=1, keepdims=True)", "np.sum(a, axis=0)", "b.sum()", "b.sum(axis=1)", "i.sum()",
    "np.mean(b, axis=(0, 1), keepdims=True)", "a.max(axis=-1)", "c.mean(0)", "np.std(b, axis=1)", "i.prod()",
    "np.amax(b, 1)", "b.min(axis=0, keepdims=True)", "c.var()", "np.log1p(a).sum(axis=1, keepdims=True)",
    "(a > 0).sum(axis=1)", "np.mean(a)", "np.sqrt(b)", "np.exp(i)", "a == 1", "c[:, 0] < i[:5]", "i >= 2.5",
]
PLAIN = ["len(a)", "a.ndim", "a.shape", "a.shape[1:]", "a.size", "len(np.zeros((3, 2))[0])", "np.shape(a)", "np.shape(a)[1:]",
         "np.ndim(c)", "np.size(b)"]
# What depends on the values of the data: never known.
UNKNOWN_SHAPE = ["np.unique(i)", "a[a > 0]", "np.nonzero(i)", "a[i > 2]", "a[[True] * 6]",
                 "np.array(x for x in i)"]  # (a 0-d array of objects: a generator is no sequence)

KERAS_EXACT = [
    "keras.utils.to_categorical(np.zeros((5, 1), 'uint8'), 10)", "keras.utils.to_categorical(np.zeros((5,)), 3)",
    "keras.utils.to_categorical(np.zeros((4, 2, 1)), 3)", "keras.utils.pad_sequences([[1, 2], [3]], maxlen=4)",
    "keras.utils.pad_sequences([[1, 2], [3]], maxlen=4, dtype='float32')",
]
# TensorFlow's tensors of arrays and lists (its dtypes for Python numbers are 32-bit).
TF_EXACT = [
    "tf.constant([1.0, 2.0])", "tf.constant([[1, 2], [3, 4]])", "tf.convert_to_tensor(a)",
    "tf.constant(a, dtype=tf.float32)", "tf.convert_to_tensor(b, dtype='float32')", "tf.cast(tf.constant(a), tf.int32)",
    "tf.split(a, 2)[0]", "tf.split(a, num_or_size_splits=[1, 3], axis=1)[1]", "tf.concat([a, a], axis=1)",
    "tf.concat([tf.split(a, 2)[0], a[:3]], 0)", "tf.stack([a, a])", "tf.stack([a, a], axis=-1)",
    "tf.zeros((2, 3))", "tf.ones([4])", "tf.zeros((2, 2), dtype=tf.int32)", "tf.ones((1, 2), tf.float16)",
    "tf.random.normal((3, 5))", "tf.random.uniform(shape=(2, 7), minval=0, maxval=1)",
    "tf.random.truncated_normal([2, 3], stddev=0.1)",
]


def _interpret(expression: str) -> object:
    source = SETUP + "import keras\nimport tensorflow as tf\nresult = " + expression + "\n"
    interpreter = Interpreter(Session(3))
    interpreter.run_module(cst.parse_module(source))
    return interpreter.main_scope.names["result"]


def _real(expression: str) -> object:
    namespace: dict = {}
    exec(SETUP, namespace)  # noqa: S102  (the expressions above, on real NumPy)
    if "keras" in expression:
        keras = pytest.importorskip("keras")
        namespace["keras"] = keras
    if "tf." in expression:
        namespace["tf"] = pytest.importorskip("tensorflow")
    return eval(expression, namespace)  # noqa: S307


@pytest.mark.parametrize("expression", EXACT + KERAS_EXACT + TF_EXACT)
def test_array_shape_and_dtype_are_numpys(expression: str) -> None:
    predicted, real = _interpret(expression), _real(expression)
    assert isinstance(predicted, ArrayValue), predicted
    assert predicted.shape == tuple(real.shape)
    assert predicted.dtype == getattr(real.dtype, "name", str(real.dtype))


@pytest.mark.parametrize("expression", PLAIN)
def test_sizes_read_from_arrays_are_numpys(expression: str) -> None:
    assert _interpret(expression) == _real(expression)


@pytest.mark.parametrize("expression", UNKNOWN_SHAPE)
def test_what_depends_on_values_stays_unknown_data(expression: str) -> None:
    predicted = _interpret(expression)
    assert isinstance(predicted, InertObject)
    assert not isinstance(predicted, ArrayValue) or any(d is UNKNOWN for d in predicted.shape)


@pytest.mark.parametrize("expression", ["np.array(['a b', 'c'])", "np.array([['cat', 'dog'], ['bird', 'x']])",
                                        "np.array('text')", "np.array(['', ''])"])
def test_a_string_array_has_numpys_shape_and_width(expression: str) -> None:
    predicted, real = _interpret(expression), _real(expression)
    assert isinstance(predicted, ArrayValue) and predicted.shape == real.shape
    assert predicted.dtype == "<" + real.dtype.str[1:]  # NumPy's "<U3": unicode, three characters wide


def test_strings_mixed_with_numbers_are_not_followed() -> None:
    assert not isinstance(_interpret("np.array(['a', 1])"), ArrayValue)


@pytest.mark.parametrize(("code", "classes"), [
    ("(x, y), _ = keras.datasets.mnist.load_data()\nresult = keras.utils.to_categorical(y)", 10),
    ("(x, y), _ = keras.datasets.cifar10.load_data()\nresult = keras.utils.to_categorical(y.astype('int32'))", 10),
    ("(x, y), _ = keras.datasets.cifar100.load_data(label_mode='coarse')\nresult = keras.utils.to_categorical(y)", 20),
    ("(x, y), _ = keras.datasets.imdb.load_data(num_words=100)\nresult = keras.utils.to_categorical(y)", 2),
    ("(x, y), _ = keras.datasets.mnist.load_data()\nresult = keras.utils.to_categorical(keras.utils.to_categorical(y))",
     2),
    # A subset may miss the largest label; a loader argument that drops samples too.
    ("(x, y), _ = keras.datasets.mnist.load_data()\nresult = keras.utils.to_categorical(y[:100])", None),
    ("(x, y), _ = keras.datasets.imdb.load_data(maxlen=80)\nresult = keras.utils.to_categorical(y)", None),
    ("(x, y), _ = keras.datasets.reuters.load_data(test_split=0.5)\nresult = keras.utils.to_categorical(y)", None),
])
def test_to_categorical_counts_the_largest_label_a_data_set_documents(code: str, classes: int | None) -> None:
    """``to_categorical(y)`` without ``num_classes`` makes ``max(y) + 1`` columns: the documented
    label range of a whole split of ``keras.datasets`` (every class occurs in it), or 2 for rows
    already one-hot; unknown for a subset or a split a loader argument may have thinned."""
    interpreter = Interpreter(Session(3))
    interpreter.run_module(cst.parse_module("import keras\n" + code + "\n"))
    result = interpreter.main_scope.names["result"]
    assert isinstance(result, ArrayValue)
    if classes is None:
        assert result.shape[-1] is UNKNOWN
    else:
        assert result.shape[-1] == classes


def test_the_largest_labels_are_those_the_installed_keras_documents() -> None:
    """knowledge/dataset_labels.py against the docstrings of the installed Keras's loaders."""
    keras = pytest.importorskip("keras")
    from kerascheck.knowledge.dataset_labels import LARGEST_LABEL

    documented = {
        "mnist": "integers in range 0-9", "fashion_mnist": "integers in range 0-9",
        "cifar10": "integers in range 0-9", "imdb": "labeled by sentiment\n    (positive/negative)",
        "reuters": "labeled over 46 topics", "cifar100": "100 fine-grained classes that are\n    grouped into 20 coarse",
    }
    expected = {"mnist": 9, "fashion_mnist": 9, "cifar10": 9, "imdb": 1, "reuters": 45,
                "cifar100": {"fine": 99, "coarse": 19}}
    assert LARGEST_LABEL == expected
    for name, phrase in documented.items():
        doc = getattr(keras.datasets, name).load_data.__doc__
        assert " ".join(phrase.split()) in " ".join(doc.split()), name


# Tables read from text: a table, one row, one column (NumPy makes the last two one-dimensional).
TEXT_FILES = {"table": "1,2,3\n4,5,6\n", "row": "1,2,3\n", "column": "1\n2\n3\n"}
TEXT_READS = [
    "np.loadtxt(f, delimiter=',')", "np.loadtxt(f, delimiter=',')[:, 1:]", "np.loadtxt(f, delimiter=',')[:, 0]",
    "np.loadtxt(f, delimiter=',', dtype='float32')[:, :1]", "np.loadtxt(f, delimiter=',', ndmin=2)",
    "np.loadtxt(f, delimiter=',', ndmin=1)", "np.genfromtxt(f, delimiter=',')[:, :-1]",
    "np.loadtxt(f, delimiter=',', usecols=0)", "np.loadtxt(f, delimiter=',', usecols=0)[1:]",
    "np.loadtxt(f, delimiter=',')[0]", "np.loadtxt(f, delimiter=',')[:, None, 0]",
]


@pytest.mark.parametrize("expression", TEXT_READS)
def test_a_table_read_from_text_has_numpys_rank_where_the_program_proves_it(expression: str) -> None:
    """kerascheck reads no file: the rank it gives must be NumPy's for every file the line
    accepts (a file that makes NumPy raise stops the program there), or a bound of it."""
    from interpreted import evaluate, interpret
    from kerascheck.frontend.values import BoundedRankArray

    predicted = interpret("import io\nimport numpy as np\nf = io.StringIO('1,2\\n3,4\\n')\n", expression)
    ranks, shapes = set(), []
    for text in TEXT_FILES.values():
        try:
            real = evaluate(f"import io\nimport numpy as np\nf = io.StringIO({text!r})\n", expression)
        except IndexError:
            continue
        ranks.add(np.ndim(real))
        shapes.append(np.shape(real))
    if isinstance(predicted, ArrayValue):
        assert ranks == {len(predicted.shape)}
        for shape in shapes:  # the sizes are the file's, but for an axis the program adds
            assert all(d is UNKNOWN or d == real for d, real in zip(predicted.shape, shape))
        assert predicted.dtype == ("float32" if "float32" in expression else "float64")
    elif isinstance(predicted, BoundedRankArray):
        assert max(ranks) <= predicted.max_rank and len(ranks) > 1
    else:
        assert len(ranks) > 1, "NumPy's rank is certain here"


NUMPY_SCALAR_SIZES = """\
import numpy as np
import keras
(x_train, y_train), _ = keras.datasets.mnist.load_data()
classes = np.amax(y_train) + 1
labels = keras.Input(shape=(classes,))
outputs = keras.layers.Dense(classes)(labels)
"""


def test_a_numpy_integer_is_a_dimension_of_unknown_value_but_not_a_number_of_units() -> None:
    # Keras casts a shape's dimensions with int() (a NumPy uint8 is one), while Dense wants an int.
    from kerascheck.analysis import analyse_source

    result = analyse_source(NUMPY_SCALAR_SIZES, "m.py")
    assert [(d.span.line, d.code) for d in result.diagnostics] == [(6, "KC201")]
    assert "Received: units=<an array of shape ()>" in result.diagnostics[0].message
    code = NUMPY_SCALAR_SIZES.replace("keras.layers.Dense(classes)", "keras.layers.Dense(int(classes))")
    (summary,) = analyse_source(code + "model = keras.Model(labels, outputs)\n", "m.py").summaries
    assert [(row.output, row.params) for row in summary.rows] == [((None, UNKNOWN), 0), ((None, UNKNOWN), UNKNOWN)]


@pytest.mark.oracle
def test_keras_takes_a_numpy_integer_as_a_dimension_but_not_as_units() -> None:
    keras = pytest.importorskip("keras")
    assert keras.Input(shape=(np.uint8(7),)).shape == (None, 7)
    with pytest.raises(ValueError, match=r"expected a positive integer\. Received: units=7"):
        keras.layers.Dense(np.uint8(7))


@pytest.mark.parametrize("expression", ["np.random.rand(n, 5, 8)", "np.random.randn(n, 2)", "np.zeros((n, 5))"])
def test_sizes_read_at_run_time_leave_only_their_dimensions_unknown(expression: str) -> None:
    """Real projects take the number of samples from their data: that dimension is unknown, the
    others (and the rank) stay known; NumPy makes that rank with any count."""
    setup = "import sys\nimport numpy as np\nn = int(sys.argv[1])\n"
    predicted = interpret(setup, expression)
    real = evaluate(setup.replace("int(sys.argv[1])", "3"), expression)
    assert isinstance(predicted, ArrayValue), predicted
    assert predicted.shape == (UNKNOWN, *real.shape[1:])
    assert predicted.dtype == str(real.dtype)


IMAGES_TO_ARRAYS = """\
import numpy as np
import keras
from keras.utils import img_to_array
grey, colour = np.zeros((48, 40)), np.zeros((48, 40, 3), dtype="uint8")
last = [img_to_array(grey), img_to_array(colour), img_to_array(grey, dtype="float64")]
keras.config.set_image_data_format("channels_first")
first = [img_to_array(grey), img_to_array(colour), img_to_array(grey, data_format="channels_last")]
keras.config.set_image_data_format("channels_last")
"""


def test_img_to_array_gives_a_grey_image_its_channel_axis() -> None:
    """``img_to_array`` of a 2-D array (a grey image) adds its channel axis: last, or first under
    channels_first (a false KC101 came from keeping the 2-D shape)."""
    predicted = [(a.shape, a.dtype) for name in ("last", "first") for a in interpret(IMAGES_TO_ARRAYS, name)]
    assert predicted == [((48, 40, 1), "float32"), ((48, 40, 3), "float32"), ((48, 40, 1), "float64"),
                         ((1, 48, 40), "float32"), ((3, 48, 40), "float32"), ((48, 40, 1), "float32")]


@pytest.mark.oracle
def test_img_to_array_shapes_are_keras() -> None:
    pytest.importorskip("keras")
    real = evaluate(IMAGES_TO_ARRAYS, "[(a.shape, str(a.dtype)) for a in last + first]")
    predicted = [(a.shape, a.dtype) for name in ("last", "first") for a in interpret(IMAGES_TO_ARRAYS, name)]
    assert predicted == real


@pytest.mark.parametrize("expression", ["pad_sequences([[1, 2], [3]], maxlen=4)",
                                        "pad_sequences([np.zeros((2, 3)), np.zeros((5, 3))], maxlen=6, dtype='float32')",
                                        "pad_sequences(np.zeros((4, 7)), maxlen=5)",
                                        "pad_sequences([[[1, 2]], [[3, 4], [5, 6]]], maxlen=3)"])
def test_pad_sequences_keeps_each_samples_own_axes(expression: str) -> None:
    """``pad_sequences`` pads the length axis and keeps what each sample has beyond it (sequences
    of vectors give a third axis; a false KC401 came from assuming ids)."""
    setup = "import numpy as np\nfrom keras.utils import pad_sequences\n"
    predicted = interpret(setup, expression)
    assert isinstance(predicted, ArrayValue) and predicted.shape == {
        "pad_sequences([[1, 2], [3]], maxlen=4)": (2, 4),
        "pad_sequences([np.zeros((2, 3)), np.zeros((5, 3))], maxlen=6, dtype='float32')": (2, 6, 3),
        "pad_sequences(np.zeros((4, 7)), maxlen=5)": (4, 5),
        "pad_sequences([[[1, 2]], [[3, 4], [5, 6]]], maxlen=3)": (2, 3, 2),
    }[expression]


@pytest.mark.oracle
def test_pad_sequences_shapes_are_keras() -> None:
    pytest.importorskip("keras")
    setup = "import numpy as np\nfrom keras.utils import pad_sequences\n"
    for expression in ("pad_sequences([[1, 2], [3]], maxlen=4)", "pad_sequences(np.zeros((4, 7)), maxlen=5)",
                       "pad_sequences([np.zeros((2, 3)), np.zeros((5, 3))], maxlen=6, dtype='float32')",
                       "pad_sequences([[[1, 2]], [[3, 4], [5, 6]]], maxlen=3)"):
        assert interpret(setup, expression).shape == evaluate(setup, expression).shape, expression
