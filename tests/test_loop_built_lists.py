"""Lists a loop of a number of rounds not known builds (``images.append(...)`` over a folder's
files, ``[float(r["y"]) for r in rows]`` over a file's rows): any number of items, each like
the one a round adds (:class:`~kerascheck.frontend.values.ItemsLike`). With none, NumPy makes
``np.array`` of the list a ``(0,)`` array, so the program sees its shape as not known; where it
meets a model, Keras sees the stacked items (with no item, Keras raises anyway). Anything else
that may change such a list makes it wholly unknown."""

from __future__ import annotations

import pytest

from interpreted import interpret
from kerascheck.analysis import analyse_source
from kerascheck.engine.dims import UNKNOWN
from kerascheck.frontend.values import (
    ArrayValue,
    FileData,
    ItemsArray,
    ItemsLike,
    PythonNumber,
    ShapeOf,
    contents_unknown,
    items_like,
)

pytest.importorskip("libcst")

FOLDER = """
import os
import cv2
import numpy as np
from sklearn.model_selection import train_test_split
images, labels, sizes = [], [], []
size = 8
for name in os.listdir("photos"):
    image = cv2.imread(name)
    if image is None:
        continue
    if name.endswith(".png"):
        labels.append(1)
    else:
        labels.append(0)
    images.append(cv2.resize(image, (32, 32)))
    sizes.append(np.zeros((size,)))
    size += 1
x = np.array(images) / 255.0
x_train, x_test = train_test_split(x, test_size=0.2)
"""


def test_a_folder_loop_appends_items_like_one_round_adds() -> None:
    images = interpret(FOLDER, "images")
    assert isinstance(images[0], ItemsLike) and contents_unknown(images)
    assert items_like(images).shape == (32, 32, 3) and items_like(images).dtype == "uint8"
    # Both branches of an if on a test not known add to the list; a `continue` that may happen
    # ends no path early.
    assert isinstance(items_like(interpret(FOLDER, "labels")), PythonNumber)
    # What changes from round to round (the size) is not known in a round.
    [size] = items_like(interpret(FOLDER, "sizes")).shape
    assert size is UNKNOWN


def test_the_stacked_items_are_known_where_there_is_at_least_one() -> None:
    x = interpret(FOLDER, "x")
    assert isinstance(x, ItemsArray) and x.view.shape[1:] == (32, 32, 3) and x.view.dtype == "float64"
    assert isinstance(interpret(FOLDER, "x.shape"), ShapeOf)  # with no item, NumPy's (0,)
    first = interpret(FOLDER, "x[0]")  # an item: there is one
    assert type(first) is ArrayValue and first.shape == (32, 32, 3)
    part = interpret(FOLDER, "x_train")  # split: neither part is empty
    assert type(part) is ArrayValue and part.shape[1:] == (32, 32, 3)
    flat = interpret(FOLDER, "x.reshape(-1, 32 * 32 * 3)")  # an explicit shape holds with none too
    assert type(flat) is ArrayValue and flat.shape[1:] == (3072,)
    assert isinstance(interpret(FOLDER, "np.expand_dims(x, -1)"), ItemsArray)


@pytest.mark.parametrize(
    "change",
    [
        "images.pop()", "images[0] = 1", "del images[0]", "images += [1]", "images.append('text')",
        "images.insert(0, 1)", "record(images)",
    ],
)
def test_a_summarised_list_changed_otherwise_afterwards_is_wholly_unknown(change: str) -> None:
    setup = FOLDER + "def record(items):\n    items.append(None)\n" + change + "\n"
    images = interpret(setup, "images")
    assert contents_unknown(images) and items_like(images) is None


@pytest.mark.parametrize(
    "body",
    [
        "    images.append(cv2.imread(name))\n    images.pop()\n",  # changed otherwise in the loop
        "    images.append(cv2.imread(name))\n    images[0] = None\n",
        "    other.insert(0, None)\n    images.append(cv2.imread(name))\n",  # through an alias
        "    images.append(cv2.imread(name))\n    keep(images)\n",  # given to the file's own code
        "    images = []\n    images.append(cv2.imread(name))\n",  # a list of its own each round
    ],
)
def test_a_loop_that_changes_the_list_otherwise_leaves_it_unknown(body: str) -> None:
    setup = (
        "import os\nimport cv2\nimages = []\nother = images\n"
        "def keep(items):\n    items.insert(0, 'first')\n"
        "for name in os.listdir('photos'):\n" + body
    )
    assert items_like(interpret(setup, "images")) is None


def test_appends_through_an_alias_are_appends_too() -> None:
    setup = (
        "import os\nimport cv2\nimages = []\nother = images\nfor name in os.listdir('photos'):\n"
        "    other.append(cv2.imread(name, 0))\n    images.append(cv2.imread(name))\n"
    )
    like = items_like(interpret(setup, "images"))  # both appends are kept: grey (2-D) and colour (3-D)
    assert like is not None and not isinstance(like, ArrayValue)  # so no one rank
    grey = setup.replace("cv2.imread(name))", "cv2.imread(name, 0))")
    height, width = items_like(interpret(grey, "images")).shape
    assert height is UNKNOWN and width is UNKNOWN


def test_a_list_known_before_the_loop_joins_its_items_with_the_loops() -> None:
    setup = "import os\nsizes = [1, 2]\nfor name in os.listdir('d'):\n    sizes.append(len(name))\n"
    sizes = interpret(setup, "sizes")
    assert contents_unknown(sizes)  # its length is not known: at least two, not known how many more


def test_a_comprehension_over_items_not_known_gives_items_like_its_element() -> None:
    setup = "import json\nrows = json.load(open('r.json'))\n"
    prices = interpret(setup, "[float(r['price']) for r in rows]")
    assert isinstance(items_like(prices), PythonNumber) and items_like(prices).type_name == "float"
    # The file's own code may change the items it is given: not summarised.
    setup += "def grow(r):\n    r.append(1)\n    return 1.0\n"
    assert items_like(interpret(setup, "[grow(r) for r in rows]")) is None
    assert items_like(interpret(setup, "[r.pop() for r in rows]")) is None


def test_unzipping_pairs_gives_per_place_lists_and_a_key_read_from_data_joins_the_values() -> None:
    setup = (
        "import os\nimport numpy as np\n"
        "one_hot = {'a': np.array([1.0, 0, 0]), 'b': np.array([0, 1.0, 0])}\npairs = []\n"
        "for name in os.listdir('d'):\n    pairs.append([np.zeros((4, 4)), one_hot[name]])\n"
        "pictures, labels = zip(*pairs)\n"
    )
    labels = interpret(setup, "np.array(labels)")
    assert isinstance(labels, ItemsArray) and labels.view.shape[1:] == (3,)
    assert interpret(setup, "np.array(pictures)").view.shape[1:] == (4, 4)


def test_python_values_in_the_targets_are_refused_whatever_data_x_is() -> None:
    source = (
        "import json\nimport numpy as np\nimport keras\nrows = json.load(open('r.json'))\n"
        "x = np.load('x.npy')\ny = [float(r['price']) for r in rows]\n"
        "model = keras.Sequential([keras.Input((2,)), keras.layers.Dense(1)])\nmodel.compile(loss='mse')\n"
        "model.fit(x, y, validation_split=0.2)\n"
    )
    [diagnostic] = analyse_source(source, "prices.py").diagnostics
    assert diagnostic.code == "KC407" and diagnostic.span.line == 9 and "validation_split" in diagnostic.message
    # x an object not known (perhaps a data adapter of the program's own, which takes no y): nothing.
    unknown_x = source.replace("x = np.load('x.npy')", "x = make_adapter()")
    assert analyse_source(unknown_x, "prices.py").diagnostics == ()


def test_items_of_files_whose_shape_is_not_known_stay_unknown() -> None:
    setup = "import os\nimport numpy as np\nxs = []\nfor n in os.listdir('d'):\n    xs.append(np.load(n))\n"
    stacked = interpret(setup, "np.array(xs)")
    assert not isinstance(stacked, ItemsArray) and not isinstance(stacked, ArrayValue)
    assert not isinstance(interpret(setup, "xs[0]"), (ArrayValue, FileData))


def test_a_while_loop_until_the_data_ends_appends_items_like_a_rounds() -> None:
    setup = (
        "import cv2\nframes = []\nk = 0\nwhile True:\n    frame = cv2.imread(f'{k}.png')\n"
        "    if frame is None:\n        break\n    frames.append(cv2.resize(frame, (64, 64)))\n    k += 1\n"
    )
    assert items_like(interpret(setup, "frames")).shape == (64, 64, 3)


def test_enumerate_over_data_gives_an_int_and_an_item_a_round() -> None:
    setup = "import os\nlabels = []\nfor i, name in enumerate(os.listdir('d')):\n    labels.append(i)\n"
    label = items_like(interpret(setup, "labels"))
    assert isinstance(label, PythonNumber) and label.type_name == "int"


def test_each_branch_of_an_if_on_a_test_not_known_is_checked_on_what_the_other_leaves_unknown() -> None:
    source = (
        "import sys\nimport numpy as np\nimport keras\n"
        "model = keras.Sequential([keras.Input((4,)), keras.layers.Dense(2)])\n"
        "x = np.zeros((3, 4))\n"
        "if len(sys.argv) > 1:\n    model.predict(x)\n"
        "else:\n    model.predict(np.zeros((3, 5)))\n"
    )
    [diagnostic] = analyse_source(source, "branches.py").diagnostics
    assert diagnostic.code == "KC401" and diagnostic.span.line == 9
    # What the first branch assigns does not reach the other: x is (3, 4) there.
    leaking = source.replace("    model.predict(x)\n", "    x = np.zeros((3, 5))\n").replace(
        "model.predict(np.zeros((3, 5)))", "model.predict(x)")
    assert analyse_source(leaking, "branches.py").diagnostics == ()


def test_a_function_the_round_calls_may_return_early_its_items_stay_any_of_its_returns() -> None:
    setup = (
        "import os\nimport numpy as np\nout = []\n"
        "def label_of(name):\n    if name.startswith('a'):\n        return np.zeros((3,))\n    return np.zeros((4,))\n"
        "for name in os.listdir('d'):\n    out.append(label_of(name))\n"
    )
    like = items_like(interpret(setup, "out"))
    assert like is None or not isinstance(like, ArrayValue) or like.shape[0] is UNKNOWN


@pytest.mark.parametrize("body", ["def add(v):\n    X.append(v)\n", "def add(v):\n    X.clear()\n"])
def test_a_loop_calling_the_files_function_that_changes_a_global_list_forgets_it(body: str) -> None:
    setup = "import os\nX = [1]\n" + body + "for name in os.listdir('d'):\n    add(3)\n"
    assert contents_unknown(interpret(setup, "X"))


def test_splitting_indexing_and_counting_a_loop_built_list_keep_what_is_known() -> None:
    setup = FOLDER + "a, b = train_test_split(images)\norder = np.random.permutation(len(x))\n"
    for part in ("a", "b"):  # lists of its items (scikit-learn indexes a list as a list)
        assert items_like(interpret(setup, part)).shape == (32, 32, 3)
    count = interpret(setup, "len(images)")
    assert isinstance(count, PythonNumber) and count.type_name == "int"
    shuffled = items_like(interpret(setup, "[x[i] for i in order]"))  # i: a NumPy int
    assert type(shuffled) is ArrayValue and shuffled.shape == (32, 32, 3)


def test_a_loop_over_a_folder_per_class_appends_pairs_of_each_class() -> None:
    # The second class's loop adds to what the first one's made (checked rounds add nothing certain).
    setup = (
        "import os\nimport cv2\nCLASSES = ['fire', 'no_fire']\ndef load():\n    data = []\n"
        "    for category in CLASSES:\n        label = CLASSES.index(category)\n"
        "        for name in os.listdir(category):\n            data.append([cv2.imread(name), label])\n"
        "    return data\n"
    )
    image, label = items_like(interpret(setup, "load()"))
    assert isinstance(label, PythonNumber) and label.type_name == "int"
    assert image.shape[-1] == 3


def test_a_list_the_files_function_may_change_in_the_loop_is_not_summarised() -> None:
    setup = (
        "import os\nimages = [1]\ndef reset():\n    images.clear()\n"
        "for name in os.listdir('d'):\n    images.append(2)\n    reset()\n"
    )
    images = interpret(setup, "images")
    assert contents_unknown(images) and items_like(images) is None


@pytest.mark.parametrize(
    "code",
    [
        "losses = []\nfor name in os.listdir('d'):\n    losses.append(model.train_on_batch(np.zeros((2, 3)), np.zeros((2, 1))))\n",
        "losses = [model.train_on_batch(np.zeros((2, 3)), np.zeros((2, 1))) for name in os.listdir('d')]\n",
    ],
)
def test_a_round_that_trains_a_model_is_not_run_to_summarise_a_list(code: str) -> None:
    prelude = (
        "import os\nimport numpy as np\nimport keras\n"
        "model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1)])\n"
        "model.compile(optimizer='adam', loss='mse')\n"
    )
    (alone,) = analyse_source(prelude, "model.py").summaries
    (looped,) = analyse_source(prelude + code, "model.py").summaries
    assert looped.optimizer_params == alone.optimizer_params


@pytest.mark.parametrize(
    "branches",
    [
        # A branch whose first statement is an if of its own: the rest of the branch is followed too.
        "    if name.endswith('a'):\n        if name.startswith('b'):\n            pass\n        items.append(7)\n",
        "    if name.endswith('a'):\n        items.append(1)\n    elif name.endswith('b'):\n        items.append(7)\n",
        "    if name.endswith('a'):\n        items.append(1)\n    else:\n        items.append(7)\n",
    ],
)
def test_every_branch_of_a_summarised_round_adds_its_items(branches: str) -> None:
    setup = "import os\nitems = []\nfor name in os.listdir('d'):\n" + branches + "    items.append(1)\n"
    like = items_like(interpret(setup, "items"))
    assert isinstance(like, PythonNumber) and like.type_name == "int"  # 1 or 7: an int, not 1


def test_a_return_in_a_branch_ends_that_path_only() -> None:
    setup = (
        "import os\nimport numpy as np\nitems = []\ndef fill():\n    size = 3\n"
        "    for name in os.listdir('d'):\n        if name.endswith('x'):\n            size = 5\n            return\n"
        "        items.append(np.zeros((size,)))\nfill()\n"
    )
    like = items_like(interpret(setup, "items"))
    assert like is None or like.shape == (3,)  # size is 5 only on the path that returned
