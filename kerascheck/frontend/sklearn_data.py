"""scikit-learn, as model files use it around Keras: its toy datasets and sample generators (of
shapes fixed by their arguments), ``train_test_split``, the cross-validation splitters whose
folds a training loop iterates, and the scalers and label encoder data goes through on its way
to ``fit``.

Every shape is the one scikit-learn gives (``tests/test_sklearn_data.py`` holds them to real
scikit-learn); a sample count that depends on the split or on the data is unknown, and anything
else scikit-learn may return (a DataFrame with ``as_frame``, a sparse matrix) is not followed.
"""

from __future__ import annotations

from typing import Any

from kerascheck.engine.dims import UNKNOWN
from kerascheck.frontend.numpy_data import NOT_MODELLED, made_by
from kerascheck.frontend.values import (
    INERT,
    ArrayValue,
    DataMethod,
    FileData,
    ItemsArray,
    SklearnObject,
    TableValue,
    contents_unknown,
    items_like,
    join,
    summarised,
)

# The toy datasets scikit-learn ships (no download): (samples, features, target columns or 0 for
# one label per sample, the target's dtype). ``load_digits`` also has its 8x8 ``images``.
TOY_DATASETS = {
    "load_iris": (150, 4, 0, "int64"),
    "load_digits": (1797, 64, 0, "int64"),
    "load_wine": (178, 13, 0, "int64"),
    "load_breast_cancer": (569, 30, 0, "int64"),
    "load_diabetes": (442, 10, 0, "float64"),
    "load_linnerud": (20, 3, 3, "float64"),
}

# The largest class id in the classification datasets' targets (every class is present in the
# whole set: ``to_categorical(y)`` counts them; a split may miss one).
TOY_LARGEST_LABEL = {"load_iris": 2, "load_digits": 9, "load_wine": 2, "load_breast_cancer": 1}

# The sample generators: their parameters in order (those that may be given by position) with
# their defaults.
GENERATORS = {
    "make_classification": (("n_samples", 100), ("n_features", 20)),
    "make_regression": (("n_samples", 100), ("n_features", 100)),
    "make_blobs": (("n_samples", 100), ("n_features", 2)),
    "make_moons": (("n_samples", 100),),
    "make_circles": (("n_samples", 100),),
}

# Transformers whose output has the shape of their 2-D input (floats: float32 stays float32).
SCALERS = frozenset({"StandardScaler", "MinMaxScaler", "MaxAbsScaler", "RobustScaler", "Normalizer"})
# Cross-validation splitters: a fold (train indices, test indices) per split, ``n_splits`` by default.
SPLITTERS = {"KFold": 5, "StratifiedKFold": 5, "GroupKFold": 5, "StratifiedGroupKFold": 5}
# Encoders of labels and categories: one column per class found in the data (a number not known).
ENCODERS = frozenset({"LabelEncoder", "LabelBinarizer", "OneHotEncoder"})
CLASSES = SCALERS | set(SPLITTERS) | ENCODERS
# The scalers' functions (``preprocessing.scale(X)``): the same shape; those that take one
# feature (a 1-D array) too.
SCALING_FUNCTIONS = {"scale": True, "minmax_scale": True, "maxabs_scale": True, "robust_scale": True,
                     "normalize": False}
METHODS = frozenset({"fit", "transform", "fit_transform", "inverse_transform", "split", "get_n_splits"})


def sklearn_call(dotted: str, args: list[Any], kwargs: dict[str, Any], node: Any) -> Any:
    """A function or class of ``sklearn`` (``dotted`` without the package's name); NOT_MODELLED
    for the others."""
    module, _, name = dotted.rpartition(".")
    if module == "model_selection" and name == "train_test_split":
        return train_test_split(args, kwargs, node)
    if module == "datasets" and name in TOY_DATASETS:
        return toy_dataset(name, kwargs, node)
    if module == "datasets" and name in GENERATORS:
        return generated_samples(name, args, kwargs, node)
    if module in ("preprocessing", "model_selection") and name in CLASSES:
        return SklearnObject(name, dict(kwargs), tuple(args))
    if module == "preprocessing" and name in SCALING_FUNCTIONS:
        if kwargs.get("copy", True) is False:
            return NOT_MODELLED  # in place
        return scaled(args[0] if args else kwargs.get("X"), one_dimensional=SCALING_FUNCTIONS[name])
    return NOT_MODELLED


def sklearn_attribute(value: SklearnObject, attr: str) -> Any:
    if value.kind == "Bunch":
        return value.kwargs.get(attr, INERT)
    return DataMethod(value, attr) if attr in METHODS else INERT


def train_test_split(args: list[Any], kwargs: dict[str, Any], node: Any) -> Any:
    """``sklearn.model_selection.train_test_split(*arrays, ...)``: each array's train and test
    parts, in order; their sample counts are not followed (unknown), the other axes are kept."""
    if not args:
        return NOT_MODELLED
    parts: list[Any] = []
    origin = made_by("train_test_split", node)
    for array in args:
        if isinstance(array, ArrayValue) and array.shape:
            parts += [ArrayValue((UNKNOWN, *array.shape[1:]), array.dtype, origin) for _ in range(2)]
        elif isinstance(array, TableValue):  # a DataFrame's rows: DataFrames, a Series's: Series
            parts += [TableValue(array.rank, origin, array.unique_columns) for _ in range(2)]
        elif isinstance(array, ItemsArray) and array.view.shape:  # (split: neither part empty, so the view's)
            view = array.view
            parts += [ArrayValue((UNKNOWN, *view.shape[1:]), view.dtype, origin) for _ in range(2)]
        elif isinstance(array, FileData):
            parts += [FileData(origin) for _ in range(2)]  # (arrays of their own, of a rank not known)
        elif type(array) is list and (items_like(array) is not None or array and not contents_unknown(array)):
            # A list: lists of its items (``_safe_indexing``), how many not followed.
            like = items_like(array)
            parts += [summarised([like if like is not None else join(array)]) for _ in range(2)]
        else:
            parts += [INERT, INERT]
    return parts


def toy_dataset(name: str, kwargs: dict[str, Any], node: Any) -> Any:
    """``load_iris()``: a Bunch of ``data`` and ``target``; ``return_X_y=True``: the pair."""
    if any(kwargs.get(k, False) is not False for k in ("as_frame",)) or set(kwargs) - {"return_X_y", "as_frame"}:
        return INERT  # DataFrames, or a subset (load_digits(n_class=...)): not followed
    samples, features, targets, target_dtype = TOY_DATASETS[name]
    origin = made_by(f"{name}()", node)
    data = ArrayValue((samples, features), "float64", origin)
    target = ArrayValue((samples, targets) if targets else (samples,), target_dtype, origin,
                        TOY_LARGEST_LABEL.get(name, UNKNOWN))
    split = kwargs.get("return_X_y", False)
    if split is True:
        return (data, target)
    if split is not False:
        return INERT  # read at run time: a pair or a Bunch
    fields = {"data": data, "target": target}
    if name == "load_digits":
        fields["images"] = ArrayValue((samples, 8, 8), "float64", origin)
    return SklearnObject("Bunch", fields, ())


def generated_samples(name: str, args: list[Any], kwargs: dict[str, Any], node: Any) -> Any:
    """``make_classification(n_samples, n_features)`` and the like: ``X`` of ``(n_samples,
    n_features)`` and ``y`` of one label per sample."""
    bound = dict(GENERATORS[name])
    if len(args) > len(bound):
        return INERT
    bound.update(zip(bound, args))
    bound.update({key: value for key, value in kwargs.items() if key in bound})
    samples = bound["n_samples"]
    if name in ("make_moons", "make_circles", "make_blobs") and isinstance(samples, (tuple, list)) and all(
            type(n) is int for n in samples):
        samples = sum(samples)  # samples per class (per blob)
    features = bound.get("n_features", 2)
    if type(samples) is not int or type(features) is not int or samples < 0 or features < 1:
        return INERT
    targets = kwargs.get("n_targets", 1)
    if kwargs.get("return_centers", False) is not False or kwargs.get("coef", False) is not False or \
            type(targets) is not int or targets < 1:
        return INERT  # a third array returned, or an argument read at run time
    origin = made_by(f"{name}()", node)
    x = ArrayValue((samples, features), "float64", origin)
    if name == "make_regression":
        y = ArrayValue((samples,) if targets == 1 else (samples, targets), "float64", origin)
    else:
        y = ArrayValue((samples,), "int64", origin)
    return (x, y)


def sklearn_method(obj: SklearnObject, name: str, args: list[Any], kwargs: dict[str, Any], node: Any) -> Any:
    """A method of a scaler, the label encoder or a splitter."""
    data = args[0] if args else kwargs.get("X", kwargs.get("y"))
    if name == "fit":
        return obj
    if obj.kind in SPLITTERS:
        return _folds(obj, name, data)
    if name not in ("transform", "fit_transform", "inverse_transform"):
        return INERT
    if obj.kind == "LabelEncoder":
        return _labels(data, name)
    if obj.kind == "LabelBinarizer":
        return _binarized(obj, data, name)
    if obj.kind == "OneHotEncoder":
        return _one_hot(obj, data, name)
    return scaled(data, one_dimensional=False)


def scaled(data: Any, one_dimensional: bool) -> Any:
    """What a scaler makes of ``data``: an array of its shape, of floats (float32 stays float32);
    a table becomes an array of its rank. ``one_dimensional``: a 1-D array is taken too (the
    scaling functions); the scalers' methods raise on it."""
    ranks = (1, 2) if one_dimensional else (2,)
    if isinstance(data, TableValue) and data.rank in ranks:
        return ArrayValue((UNKNOWN,) * data.rank, UNKNOWN, data.origin)
    if not isinstance(data, ArrayValue) or len(data.shape) not in ranks:
        return INERT  # scikit-learn raises, or data not followed
    if data.dtype is UNKNOWN:
        dtype = UNKNOWN
    elif data.dtype in ("float32", "float64"):
        dtype = data.dtype  # scikit-learn keeps float32
    else:
        dtype = "float64"
    return ArrayValue(data.shape, dtype, data.origin)


def _labels(data: Any, name: str) -> Any:
    """``LabelEncoder().fit_transform(y)``: one class id per label; ``inverse_transform``: the
    labels (of a dtype not known)."""
    if isinstance(data, TableValue) and data.rank == 1:
        shape: Any = (UNKNOWN,)
    elif isinstance(data, ArrayValue) and (len(data.shape) == 1 or len(data.shape) == 2 and type(data.shape[1]) is int
                                           and data.shape[1] == 1):
        shape = data.shape[:1]  # a column vector is flattened (with a warning)
    else:
        return INERT
    return ArrayValue(shape, "int64" if name != "inverse_transform" else UNKNOWN, getattr(data, "origin", None))


def _binarized(obj: SklearnObject, data: Any, name: str) -> Any:
    """``LabelBinarizer().fit_transform(y)``: a column per class (one for two classes: a number
    not known), int64; ``inverse_transform``: the labels (of a dtype not known)."""
    if obj.kwargs.get("sparse_output", False) is not False or obj.args:
        return INERT  # a sparse matrix, or an argument read at run time
    if name == "inverse_transform":
        if isinstance(data, ArrayValue) and len(data.shape) == 2:
            return ArrayValue(data.shape[:1], UNKNOWN, data.origin)
        return INERT
    if isinstance(data, TableValue) and data.rank == 1:
        return ArrayValue((UNKNOWN, UNKNOWN), "int64", data.origin)
    if isinstance(data, ArrayValue) and len(data.shape) in (1, 2):
        return ArrayValue((data.shape[0], UNKNOWN), "int64", data.origin)
    return INERT


def _one_hot(obj: SklearnObject, data: Any, name: str) -> Any:
    """``OneHotEncoder(sparse_output=False).fit_transform(X)``: of a 2-D ``X``, a column per
    category of each feature (a number not known), float64 unless ``dtype=``; sparse by default
    (a SciPy matrix: not followed)."""
    if obj.kwargs.get("sparse_output", True) is not False or obj.args or name == "inverse_transform" or set(
            obj.kwargs) - {"sparse_output", "handle_unknown"}:
        return INERT
    if isinstance(data, TableValue) and data.rank == 2:
        return ArrayValue((UNKNOWN, UNKNOWN), "float64", data.origin)
    if isinstance(data, ArrayValue) and len(data.shape) == 2:
        return ArrayValue((data.shape[0], UNKNOWN), "float64", data.origin)
    return INERT  # 1-D: scikit-learn raises


def _folds(obj: SklearnObject, name: str, data: Any) -> Any:
    """``KFold(n_splits).split(X)``: ``n_splits`` folds of index arrays (scikit-learn raises on
    fewer samples than folds, and the program stops there: known to be fewer, not followed)."""
    splits = obj.kwargs.get("n_splits", obj.args[0] if obj.args else SPLITTERS[obj.kind])
    if type(splits) is not int or splits < 2:
        return INERT
    if name == "get_n_splits":
        return splits
    samples = data.shape[0] if isinstance(data, ArrayValue) and data.shape else UNKNOWN
    if name != "split" or not isinstance(data, (ArrayValue, TableValue)) or type(samples) is int and samples < splits:
        return INERT
    indices = ArrayValue((UNKNOWN,), "int64", None)
    return [(indices, indices) for _ in range(splits)]

