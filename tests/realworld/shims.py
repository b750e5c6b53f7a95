"""The offline shims tests/realworld/record.py installs before it runs a corpus script.

No network is reached while recording, and training must take seconds, so the recorder
replaces, in the running process only (the scripts' text is never touched):

* ``keras.datasets.*.load_data`` (and ``get_word_index`` / ``get_label_names``): arrays of the
  real dtypes and shapes (those Keras 3.15.1's loaders return, see ``DATASETS``), zeros for the
  inputs and every class present among the labels (``np.arange(n) % classes``), so that code
  such as ``len(np.unique(y_train))`` sees the real number of classes;
* ``keras.utils.get_file``: nothing is downloaded; the file (or, with ``extract``/``untar``,
  an empty folder) is made in the script's scratch folder and its path returned;
* ``Model.fit``: one epoch of one step (``steps_per_epoch=1``, ``validation_steps=1``), so a
  model built by its first call (a subclassed model) is built as it would be, and an optimizer
  is built as it would be; ``Model.evaluate`` and ``Model.predict``: one step (``steps=1``);
* ``matplotlib``: the non-interactive Agg backend (``MPLBACKEND=Agg``, set by the recorder).

Each replacement that a script actually calls is logged (``SHIMS_USED``); the recorder stores
the log in the script's ``.expected.json`` under ``"shims"``, so which scripts ran on synthetic
data can be read from the truth itself.
"""

from __future__ import annotations

import functools
import inspect
import os
import sys
from pathlib import Path

import numpy as np

SHIMS_USED: list[str] = []


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

def _install_get_file(scratch: Path) -> None:
    from keras.src.utils import file_utils

    original = file_utils.get_file

    def get_file(fname=None, origin=None, untar=False, md5_hash=None, file_hash=None,
                 cache_subdir="datasets", hash_algorithm="auto", extract=False,
                 archive_format="auto", cache_dir=None, force_download=False, **_):
        _used(f"keras.utils.get_file({origin})")
        if fname is None:
            fname = os.path.basename(str(origin).split("?")[0]) or "download"
        folder = scratch / "keras_cache" / cache_subdir
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
        _used("Model.fit: 1 epoch of 1 step")
        bound = fit_signature.bind(self, *args, **kwargs)
        arguments = bound.arguments
        arguments["epochs"] = 1
        arguments["initial_epoch"] = 0
        arguments["steps_per_epoch"] = 1
        arguments["verbose"] = 0
        if arguments.get("validation_data") is not None:
            arguments["validation_steps"] = 1
        return fit(*bound.args, **bound.kwargs)

    def one_step_evaluate(self, *args, **kwargs):
        _used("Model.evaluate: 1 step")
        bound = evaluate_signature.bind(self, *args, **kwargs)
        bound.arguments["steps"] = 1
        bound.arguments["verbose"] = 0
        return evaluate(*bound.args, **bound.kwargs)

    def one_step_predict(self, *args, **kwargs):
        _used("Model.predict: 1 step")
        bound = predict_signature.bind(self, *args, **kwargs)
        bound.arguments["steps"] = 1
        bound.arguments["verbose"] = 0
        return predict(*bound.args, **bound.kwargs)

    keras.Model.fit = one_step_fit
    keras.Model.evaluate = one_step_evaluate
    keras.Model.predict = one_step_predict


def install(scratch: Path) -> None:
    """Install every shim (call once, after Keras and TensorFlow are imported)."""
    try:
        import tensorflow  # noqa: F401 - tf.keras's API modules bind the functions too
        import keras._tf_keras.keras  # noqa: F401
    except ImportError:
        pass
    _install_datasets()
    _install_get_file(scratch)
    _install_training()
