"""The offline shims tests/realworld/record.py installs before it runs a corpus script.

No network is reached while recording, and training must take seconds, so the recorder
replaces, in the running process only (the scripts' text is never touched):

* ``keras.datasets.*.load_data`` (and ``get_word_index`` / ``get_label_names``): arrays of the
  real dtypes and shapes (those Keras 3.15.1's loaders return, see ``DATASETS``), zeros for the
  inputs and every class present among the labels (``np.arange(n) % classes``), so that code
  such as ``len(np.unique(y_train))`` sees the real number of classes;
* ``keras.utils.get_file``: nothing is downloaded; the file (or, with ``extract``/``untar``,
  an empty folder) is made in the script's scratch folder and its path returned; and
  ``Model.load_weights`` of such a file (``keras.applications``' ``weights="imagenet"``), or of
  a file that does not exist (the checkpoint a ``ModelCheckpoint`` would have written during the
  training the shims skip), is skipped (the weights' values change no shape or count);
* ``Model.fit``: on a model not yet built (a subclassed model, a Sequential without an input),
  one epoch of one step (``steps_per_epoch=1``, ``validation_steps=1``), so that it is built as
  it would be, on the script's own data; on a built model, nothing (training changes no shape
  or count) and a ``History`` of one epoch whose every metric reads ``[0.0]``; ``Model.evaluate`` and ``Model.predict``: one step (``steps=1``), and ``predict`` on arrays of
  the shapes and dtypes it has seen answers as it did (scripts that predict in a loop);
* ``matplotlib``: the non-interactive Agg backend (``MPLBACKEND=Agg``, set by the recorder).

Each replacement that a script actually calls is logged (``SHIMS_USED``); the recorder stores
the log in the script's ``.expected.json`` under ``"shims"``, so which scripts ran on synthetic
data can be read from the truth itself.
"""

from __future__ import annotations

import collections
import functools
import inspect
import os
import sys
from pathlib import Path

import numpy as np

SHIMS_USED: list[str] = []
SCRATCH = Path(".")  # the running script's scratch folder (set by ``start``)
_PREDICTIONS: dict = {}


def start(scratch: Path) -> None:
    """Before each script: its scratch folder; forget what the previous script used."""
    global SCRATCH
    SCRATCH = scratch
    SHIMS_USED.clear()
    _PREDICTIONS.clear()


def _used(what: str) -> None:
    if what not in SHIMS_USED:
        SHIMS_USED.append(what)


# --------------------------------------------------------------------------------------------
# keras.datasets
# --------------------------------------------------------------------------------------------

def _labels(n: int, classes: int, dtype: str, column: bool = False) -> np.ndarray:
    y = (np.arange(n) % classes).astype(dtype)
    return y.reshape(n, 1) if column else y


def _images(n: int, shape: tuple, dtype: str = "uint8") -> np.ndarray:
    return np.zeros((n, *shape), dtype=dtype)


def _sequences(n: int, num_words, maxlen, seed: int, start_char=1, oov_char=2, index_from=3,
               vocabulary: int = 88584, mean_length: int = 230) -> np.ndarray:
    """Lists of word indices as the imdb / reuters loaders return them (an object array)."""
    rng = np.random.default_rng(seed)
    top = (num_words or (vocabulary + index_from))
    out = np.empty(n, dtype=object)
    for i in range(n):
        length = int(rng.integers(10, 2 * mean_length))
        if maxlen is not None:
            length = min(length, maxlen - 1)
        words = rng.integers(index_from, top, size=length)
        seq = [start_char, *(int(w) if w < top else oov_char for w in words)]
        out[i] = seq
    return out


# Shapes and dtypes as Keras 3.15.1's loaders return them (keras/src/datasets/*.py and the
# published sizes of each data set).
def _mnist_like(**_):
    return ((_images(60000, (28, 28)), _labels(60000, 10, "uint8")),
            (_images(10000, (28, 28)), _labels(10000, 10, "uint8")))


def _cifar10(**_):
    return ((_images(50000, (32, 32, 3)), _labels(50000, 10, "uint8", column=True)),
            (_images(10000, (32, 32, 3)), _labels(10000, 10, "uint8", column=True)))


def _cifar100(label_mode="fine", **_):
    classes = 100 if label_mode == "fine" else 20
    return ((_images(50000, (32, 32, 3)), _labels(50000, classes, "int64", column=True)),
            (_images(10000, (32, 32, 3)), _labels(10000, classes, "int64", column=True)))


def _imdb(path="imdb.npz", num_words=None, skip_top=0, maxlen=None, seed=113, start_char=1,
          oov_char=2, index_from=3, **_):
    return ((_sequences(25000, num_words, maxlen, 1, start_char, oov_char, index_from),
             _labels(25000, 2, "int64")),
            (_sequences(25000, num_words, maxlen, 2, start_char, oov_char, index_from),
             _labels(25000, 2, "int64")))


def _reuters(path="reuters.npz", num_words=None, skip_top=0, maxlen=None, test_split=0.2,
             seed=113, start_char=1, oov_char=2, index_from=3, **_):
    total = 11228
    train = int(total * (1 - test_split))
    kwargs = dict(vocabulary=30979, mean_length=145)
    return ((_sequences(train, num_words, maxlen, 1, start_char, oov_char, index_from, **kwargs),
             _labels(train, 46, "int64")),
            (_sequences(total - train, num_words, maxlen, 2, start_char, oov_char, index_from,
                        **kwargs),
             _labels(total - train, 46, "int64")))


def _split(x, y, test_split):
    cut = int(len(x) * (1 - test_split))
    return (x[:cut], y[:cut]), (x[cut:], y[cut:])


def _boston(path="boston_housing.npz", test_split=0.2, seed=113, **_):
    return _split(np.zeros((506, 13), "float64"), np.zeros((506,), "float64"), test_split)


def _california(version="large", path="california_housing.npz", test_split=0.2, seed=113, **_):
    n = 600 if version == "small" else 20640
    return _split(np.zeros((n, 8), "float32"), np.zeros((n,), "float32"), test_split)


def _word_index(vocabulary: int):
    def get_word_index(path=None, **_):
        return {f"word{i}": i for i in range(1, vocabulary + 1)}

    return get_word_index


def _reuters_label_names():
    return tuple(f"topic{i}" for i in range(46))


DATASETS = {
    "mnist": {"load_data": _mnist_like},
    "fashion_mnist": {"load_data": _mnist_like},
    "cifar10": {"load_data": _cifar10},
    "cifar100": {"load_data": _cifar100},
    "imdb": {"load_data": _imdb, "get_word_index": _word_index(88584)},
    "reuters": {"load_data": _reuters, "get_word_index": _word_index(30979),
                "get_label_names": _reuters_label_names},
    "boston_housing": {"load_data": _boston},
    "california_housing": {"load_data": _california},
}


# --------------------------------------------------------------------------------------------
# Replacing a function wherever it is bound
# --------------------------------------------------------------------------------------------

def _replace_everywhere(original, replacement) -> None:
    """Rebind every module attribute that is ``original`` (Keras's public API modules, tf.keras's
    and the private ones all bind the same function object) to ``replacement``."""
    for module in list(sys.modules.values()):
        namespace = getattr(module, "__dict__", None)
        if not isinstance(namespace, dict):
            continue
        for attribute, value in list(namespace.items()):
            if value is original:
                setattr(module, attribute, replacement)


def _logged(label: str, function):
    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        _used(label)
        return function(*args, **kwargs)

    return wrapper


def _install_datasets() -> None:
    import importlib

    for dataset, functions in DATASETS.items():
        module = importlib.import_module(f"keras.src.datasets.{dataset}")
        for function, replacement in functions.items():
            original = getattr(module, function)
            _replace_everywhere(original, _logged(f"keras.datasets.{dataset}.{function}", replacement))


# --------------------------------------------------------------------------------------------
# get_file
# --------------------------------------------------------------------------------------------

def _install_get_file() -> None:
    from keras.src.utils import file_utils

    original = file_utils.get_file

    def get_file(fname=None, origin=None, untar=False, md5_hash=None, file_hash=None,
                 cache_subdir="datasets", hash_algorithm="auto", extract=False,
                 archive_format="auto", cache_dir=None, force_download=False, **_):
        _used(f"keras.utils.get_file({origin})")
        if fname is None:
            fname = os.path.basename(str(origin).split("?")[0]) or "download"
        folder = SCRATCH / "keras_cache" / cache_subdir
        target = folder / fname
        if untar or extract:
            for suffix in (".tar.gz", ".tgz", ".tar.bz2", ".tar", ".zip"):
                if str(target).endswith(suffix):
                    target = Path(str(target)[: -len(suffix)])
                    break
            target.mkdir(parents=True, exist_ok=True)
        else:
            folder.mkdir(parents=True, exist_ok=True)
            target.touch()
        return str(target)

    _replace_everywhere(original, get_file)

    # Pretrained weights (keras.applications' weights="imagenet") come through get_file: the
    # file made above is empty, so loading it is skipped; the model's shapes do not change.
    import keras

    load_weights = keras.Model.load_weights
    def load_weights_unless_shimmed(self, filepath, *args, **kwargs):
        if str(filepath).startswith(str(SCRATCH / "keras_cache")):
            _used("Model.load_weights(shimmed download): skipped")
            return None
        if self.built and not os.path.exists(str(filepath)):
            # A checkpoint the script's ModelCheckpoint would have written during the training
            # the shims skip.
            _used("Model.load_weights(a checkpoint training would have written): skipped")
            return None
        return load_weights(self, filepath, *args, **kwargs)

    keras.Model.load_weights = load_weights_unless_shimmed


# --------------------------------------------------------------------------------------------
# fit / evaluate / predict
# --------------------------------------------------------------------------------------------

def _install_training() -> None:
    import keras

    fit, evaluate, predict = keras.Model.fit, keras.Model.evaluate, keras.Model.predict
    fit_signature = inspect.signature(fit)
    evaluate_signature = inspect.signature(evaluate)
    predict_signature = inspect.signature(predict)

    def one_step_fit(self, *args, **kwargs):
        if self.built:
            # Training changes no shape or count of a built model: nothing is trained, and the
            # History says one epoch of loss 0 for whatever the script reads from it.
            _used("Model.fit: skipped (model already built)")
            history = keras.callbacks.History()
            history.set_model(self)
            history.epoch = [0]
            history.history = collections.defaultdict(lambda: [0.0])
            return history
        _used("Model.fit: 1 epoch of 1 step")
        bound = fit_signature.bind(self, *args, **kwargs)
        arguments = bound.arguments
        arguments["epochs"] = 1
        arguments["initial_epoch"] = 0
        arguments["steps_per_epoch"] = 1
        arguments["verbose"] = 0
        arguments["validation_steps"] = 1  # used only when there is validation data
        return fit(*bound.args, **bound.kwargs)

    def one_step_evaluate(self, *args, **kwargs):
        _used("Model.evaluate: 1 step")
        bound = evaluate_signature.bind(self, *args, **kwargs)
        bound.arguments["steps"] = 1
        bound.arguments["verbose"] = 0
        return evaluate(*bound.args, **bound.kwargs)

    predictions = _PREDICTIONS

    def _signature(data):
        """What the output of predict depends on, for arrays: their shapes and dtypes."""
        if isinstance(data, (list, tuple)):
            return tuple(_signature(d) for d in data)
        if isinstance(data, dict):
            return tuple(sorted((k, _signature(v)) for k, v in data.items()))
        if isinstance(data, np.ndarray):
            return (data.shape, str(data.dtype))
        return None  # a dataset, a generator: not cached

    def one_step_predict(self, *args, **kwargs):
        _used("Model.predict: 1 step")
        bound = predict_signature.bind(self, *args, **kwargs)
        bound.arguments["steps"] = 1
        bound.arguments["verbose"] = 0
        # A script that predicts in a loop (a latent-space grid, a generation loop) gets the
        # first answer again for inputs of the same shapes: values are never looked at.
        key = _signature(bound.arguments.get("x"))
        if key is None or None in key:
            return predict(*bound.args, **bound.kwargs)
        key = (id(self), key)
        if key not in predictions:
            predictions[key] = predict(*bound.args, **bound.kwargs)
        return keras.tree.map_structure(lambda a: np.array(a, copy=True), predictions[key])

    keras.Model.fit = one_step_fit
    keras.Model.evaluate = one_step_evaluate
    keras.Model.predict = one_step_predict


# --------------------------------------------------------------------------------------------
# tensorflow_datasets
# --------------------------------------------------------------------------------------------

# name: (image shape, number of classes, {split: number of examples}) as the TFDS catalogue
# gives them (the image shape where the data set's images all have one; else a typical one:
# the scripts resize them).
TFDS = {
    "tf_flowers": ((256, 256, 3), 5, {"train": 3670}),
    "cats_vs_dogs": ((256, 256, 3), 2, {"train": 23262}),
    "horses_or_humans": ((300, 300, 3), 2, {"train": 1027, "test": 256}),
    "stanford_dogs": ((256, 256, 3), 120, {"train": 12000, "test": 8580}),
    "oxford_flowers102": ((256, 256, 3), 102, {"train": 1020, "validation": 1020, "test": 6149}),
    "stl10": ((96, 96, 3), 10, {"train": 5000, "test": 8000, "unlabelled": 100000}),
    "cycle_gan/horse2zebra": ((256, 256, 3), 2,
                              {"trainA": 1067, "trainB": 1334, "testA": 120, "testB": 140}),
    "omniglot": ((105, 105, 3), 1623, {"train": 19280, "test": 13180, "small1": 2720,
                                       "small2": 3120}),
}
TFDS_EXAMPLES = 256  # each split's synthetic examples (enough for a batch of any script here)


def _tfds_module():
    import re
    import types

    module = types.ModuleType("tensorflow_datasets")
    module.__version__ = "0.0+kerascheck.realworld.shim"

    class Split:
        TRAIN, VALIDATION, TEST = "train", "validation", "test"

    class ClassLabel:
        def __init__(self, num_classes):
            self.num_classes = num_classes
            self.names = [f"class_{i}" for i in range(num_classes)]

        def int2str(self, index):
            return self.names[int(index)]

        def str2int(self, name):
            return self.names.index(name)

    class Image:
        def __init__(self, shape):
            self.shape = shape
            self.dtype = "uint8"

    class SplitInfo:
        def __init__(self, num_examples):
            self.num_examples = num_examples

    class Info:
        def __init__(self, name, shape, classes, splits):
            self.name = name
            self.features = {"image": Image(shape), "label": ClassLabel(classes)}
            self.splits = {k: SplitInfo(v) for k, v in splits.items()}

    def _dataset(shape, classes, as_supervised):
        import tensorflow as tf

        def element(i):
            image = tf.zeros(shape, tf.uint8)
            label = tf.cast(i % classes, tf.int64)
            return (image, label) if as_supervised else {"image": image, "label": label}

        return tf.data.Dataset.range(TFDS_EXAMPLES).map(element)

    def load(name, split=None, as_supervised=False, with_info=False, **_):
        _used(f"tensorflow_datasets.load({name})")
        if name not in TFDS:
            raise ValueError(f"the realworld recorder's tfds shim has no data set {name!r}")
        shape, classes, splits = TFDS[name]
        info = Info(name, shape, classes, splits)

        def one(part):
            base = re.split(r"[\[+]", str(part))[0]
            if base not in splits:
                raise ValueError(f"unknown split {part!r} of {name}")
            return _dataset(shape, classes, as_supervised)

        if split is None:
            data = {k: one(k) for k in splits}
        elif isinstance(split, (list, tuple)):
            data = [one(p) for p in split]
        else:
            data = one(split)
        return (data, info) if with_info else data

    module.load = load
    module.Split = Split
    module.disable_progress_bar = lambda: None
    module.features = types.SimpleNamespace(ClassLabel=ClassLabel, Image=Image)
    module.as_numpy = lambda dataset: dataset.as_numpy_iterator()
    return module


def _install_tfds() -> None:
    import importlib.util

    if importlib.util.find_spec("tensorflow_datasets") is not None:
        return
    try:
        sys.modules["tensorflow_datasets"] = _tfds_module()
    except ImportError:
        pass


def _install_plot_model() -> None:
    """``keras.utils.plot_model`` draws nothing (it needs pydot and Graphviz, and changes no
    model); it returns None where Keras returns an IPython image."""
    from keras.src.utils import model_visualization

    def plot_model(model, to_file="model.png", *args, **kwargs):
        _used("keras.utils.plot_model: nothing drawn")
        return None

    _replace_everywhere(model_visualization.plot_model, plot_model)


def _install_ipython() -> None:
    """A notebook run as a script has no IPython shell: ``register_cell_magic`` (which the Deep
    Learning with Python notebooks use to define a ``%%backend`` magic) registers nothing and
    gives the function back (the magic's cells are read as the notebook reader reads them)."""
    try:
        from IPython.core import magic
    except ImportError:
        return

    def register_cell_magic(function):
        _used("IPython register_cell_magic: nothing registered")
        return function

    magic.register_cell_magic = register_cell_magic


def install() -> None:
    """Install every shim (call once, after Keras is imported; then ``start`` each script).  Each function is replaced in
    Keras's own module, where tf.keras's API modules (imported later, if the script imports
    TensorFlow) take it from, and in every module already holding it."""
    _install_datasets()
    _install_get_file()
    _install_training()
    _install_tfds()
    _install_plot_model()
    _install_ipython()
