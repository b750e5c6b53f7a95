"""Python libraries that never create Keras objects.

Calling into them leaves Keras's name counters (``dense``, ``dense_1``…) as they are, so a
model file's data preparation — NumPy, pandas, plotting, file reading, the standard library —
does not make the names of the layers built after it unknown.  What such a call returns is
still unknown (it is data); what matters here is only that it cannot construct a layer, an
operation or a model.

A library is listed when neither it nor anything it calls back imports Keras: its functions
cannot reach a Keras constructor unless they are handed one (a callback), and a call that
hands any callable of the analysed code is not covered by this list (the interpreter checks
the arguments).  The standard library is taken whole, except the modules that run or import
code given to them by name or as data (``importlib``, ``runpy``, ``pickle``…).
"""

from __future__ import annotations

import sys

# Standard-library modules that can run or import arbitrary code: a Keras object may come out.
_DYNAMIC_STANDARD_MODULES = frozenset(
    {
        "importlib", "runpy", "pkgutil", "pickle", "shelve", "copyreg", "marshal", "code", "codeop",
        "timeit", "trace", "cProfile", "profile", "pdb", "bdb", "unittest", "doctest", "multiprocessing",
        "concurrent", "threading", "_thread", "asyncio", "builtins", "ctypes", "gc", "atexit", "signal",
        "sched", "copy", "inspect", "types", "operator", "contextlib", "weakref", "abc", "zipimport",
        "__future__", "site", "sysconfig",
    }
)

# Widely used libraries that do not depend on Keras or TensorFlow (their data and plotting
# functions are what model files call before and after building a model).
_THIRD_PARTY = frozenset(
    {
        "numpy", "pandas", "matplotlib", "seaborn", "scipy", "sklearn", "PIL", "cv2", "skimage", "imageio",
        "tqdm", "requests", "yaml", "h5py", "librosa", "soundfile", "nltk", "sympy", "statsmodels",
        "plotly", "bokeh", "IPython", "pydot", "graphviz", "tabulate", "rich", "click", "termcolor",
        "colorama", "pyarrow", "polars", "openpyxl", "xlrd", "toml", "tomli", "tomllib", "jsonschema",
        "bs4", "lxml", "regex", "unidecode", "emoji", "pytz", "dateutil", "networkx", "numba",
        "joblib", "psutil", "gdown", "kaggle", "zarr", "netCDF4", "xarray", "shapely", "pyproj",
        "rasterio", "tifffile", "nibabel", "pydicom", "SimpleITK", "albumentations", "imgaug",
    }
)

# TensorFlow's namespaces of data and numeric functions: they make tensors and datasets, never
# Keras layers (applied to a symbolic Keras tensor they would; the interpreter checks that).
_TENSORFLOW_DATA = frozenset(
    {
        "tensorflow.random", "tensorflow.config", "tensorflow.data", "tensorflow.io", "tensorflow.math",
        "tensorflow.debugging", "tensorflow.image", "tensorflow.strings", "tensorflow.signal",
        "tensorflow.sparse", "tensorflow.ragged", "tensorflow.linalg", "tensorflow.audio",
        "tensorflow.experimental.numpy", "tensorflow.errors", "tensorflow.dtypes", "tensorflow.test",
        "tensorflow.constant", "tensorflow.convert_to_tensor", "tensorflow.cast", "tensorflow.reshape",
        "tensorflow.stack", "tensorflow.concat", "tensorflow.zeros", "tensorflow.ones", "tensorflow.range",
        "tensorflow.one_hot", "tensorflow.expand_dims", "tensorflow.squeeze", "tensorflow.shape",
        "tensorflow.print", "tensorflow.get_logger", "tensorflow.autograph", "tensorflow.device",
    }
)


def _standard_library() -> frozenset[str]:
    names = getattr(sys, "stdlib_module_names", frozenset())
    return frozenset(name for name in names if not name.startswith("_")) - _DYNAMIC_STANDARD_MODULES


INERT_LIBRARIES = _standard_library() | _THIRD_PARTY | _TENSORFLOW_DATA


def is_inert_library(dotted: str) -> bool:
    """Whether ``dotted`` (a module, or a function or class in one) belongs to a library that
    never creates Keras objects."""
    if dotted in INERT_LIBRARIES:
        return True
    parts = dotted.split(".")
    return any(".".join(parts[:i]) in INERT_LIBRARIES for i in range(1, len(parts)))


# Functions (and methods of data, such as a NumPy generator's) that reorder the list they are
# given in place: its order is unknown after them.
MUTATING_FUNCTION_NAMES = frozenset(
    {"shuffle", "sort", "heappush", "heappop", "heapify", "heapreplace", "heappushpop", "insort",
     "insort_left", "insort_right"}
)
