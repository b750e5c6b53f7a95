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
        "wandb", "mlflow", "opendatasets", "datasets", "sentencepiece", "tokenizers",
    }
)

# TensorFlow outside its Keras (``tf.keras``, which resolves to Keras before this list is read):
# tensors, datasets, distribution strategies, I/O. Applied to a symbolic Keras tensor a TensorFlow
# function would create an operation (Keras 2) or raise (Keras 3): the interpreter checks that.
_TENSORFLOW = frozenset({"tensorflow", "tensorflow_datasets", "tensorflow_io", "tensorboard"})
# Parts of TensorFlow that can reach Keras by other paths.
_TENSORFLOW_KERAS_PATHS = frozenset({"tensorflow.compat", "tensorflow.keras", "tensorflow.python", "tensorflow.saved_model"})

def _standard_library() -> frozenset[str]:
    names = getattr(sys, "stdlib_module_names", frozenset())
    return frozenset(name for name in names if not name.startswith("_")) - _DYNAMIC_STANDARD_MODULES


INERT_LIBRARIES = _standard_library() | _THIRD_PARTY | _TENSORFLOW


def is_inert_library(dotted: str) -> bool:
    """Whether ``dotted`` (a module, or a function or class in one) belongs to a library that
    never creates Keras objects."""
    if dotted in INERT_LIBRARIES:
        return True
    parts = dotted.split(".")
    prefixes = [".".join(parts[:i]) for i in range(1, len(parts) + 1)]
    if any(prefix in _TENSORFLOW_KERAS_PATHS for prefix in prefixes):
        return False
    return any(prefix in INERT_LIBRARIES for prefix in prefixes)


# Functions (and methods of data, such as a NumPy generator's) that reorder the list they are
# given in place: its order is unknown after them.
MUTATING_FUNCTION_NAMES = frozenset(
    {"shuffle", "sort", "heappush", "heappop", "heapify", "heapreplace", "heappushpop", "insort",
     "insort_left", "insort_right"}
)
# Of those, the ones that only reorder the list's items.
PERMUTING_FUNCTION_NAMES = frozenset({"shuffle", "sort"})


# The attributes of NumPy's integer scalars (np.int8 … np.uint64, np.intc, np.intp), recorded
# from NumPy 2.4 with dir(): an int the interpreter holds may be one of them (``np.prod(shape)``,
# ``x.shape[0]`` of an array), so an attribute a Python int lacks is known missing only when
# these lack it too (``hasattr(dim, "value")``, the TensorFlow 1 idiom).
NUMPY_INTEGER_ATTRIBUTES = frozenset({
    'T', '__abs__', '__add__', '__and__', '__array__', '__array_interface__', '__array_namespace__',
    '__array_priority__', '__array_struct__', '__array_wrap__', '__bool__', '__class__', '__class_getitem__',
    '__copy__', '__deepcopy__', '__delattr__', '__dir__', '__divmod__', '__doc__', '__eq__', '__float__',
    '__floordiv__', '__format__', '__ge__', '__getattribute__', '__getitem__', '__getstate__', '__gt__',
    '__hash__', '__index__', '__init__', '__init_subclass__', '__int__', '__invert__', '__le__', '__lshift__',
    '__lt__', '__mod__', '__mul__', '__ne__', '__neg__', '__new__', '__or__', '__pos__', '__pow__', '__radd__',
    '__rand__', '__rdivmod__', '__reduce__', '__reduce_ex__', '__repr__', '__rfloordiv__', '__rlshift__',
    '__rmod__', '__rmul__', '__ror__', '__round__', '__rpow__', '__rrshift__', '__rshift__', '__rsub__',
    '__rtruediv__', '__rxor__', '__setattr__', '__setstate__', '__sizeof__', '__str__', '__sub__',
    '__subclasshook__', '__truediv__', '__xor__', 'all', 'any', 'argmax', 'argmin', 'argsort', 'astype', 'base',
    'bit_count', 'byteswap', 'choose', 'clip', 'compress', 'conj', 'conjugate', 'copy', 'cumprod', 'cumsum',
    'data', 'denominator', 'device', 'diagonal', 'dtype', 'dump', 'dumps', 'fill', 'flags', 'flat', 'flatten',
    'getfield', 'imag', 'is_integer', 'item', 'itemsize', 'max', 'mean', 'min', 'nbytes', 'ndim', 'nonzero',
    'numerator', 'prod', 'put', 'ravel', 'real', 'repeat', 'reshape', 'resize', 'round', 'searchsorted',
    'setfield', 'setflags', 'shape', 'size', 'sort', 'squeeze', 'std', 'strides', 'sum', 'swapaxes', 'take',
    'to_device', 'tobytes', 'tofile', 'tolist', 'trace', 'transpose', 'var', 'view'
})
