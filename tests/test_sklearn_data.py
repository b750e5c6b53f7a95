"""scikit-learn as kerascheck follows it (kerascheck/frontend/sklearn_data.py): each expression runs
through kerascheck's interpreter and with real scikit-learn, and the arrays must have the real
shapes and dtypes, a dimension unknown only where the split or the data decides it; what is not
followed (DataFrames, a third array returned, a fold count over too few samples) stays unknown.
"""

from __future__ import annotations

import pytest

from interpreted import evaluate, interpret
from kerascheck.engine.dims import UNKNOWN
from kerascheck.frontend.values import ArrayValue, InertObject

np = pytest.importorskip("numpy")
pytest.importorskip("sklearn")

SETUP = """
import numpy as np
from sklearn import datasets
from sklearn.datasets import load_iris, load_digits, make_classification, make_regression, make_blobs
from sklearn.datasets import make_moons, make_circles, load_wine, load_breast_cancer, load_diabetes, load_linnerud
from sklearn.preprocessing import StandardScaler, MinMaxScaler, MaxAbsScaler, RobustScaler, Normalizer
from sklearn.preprocessing import LabelEncoder, LabelBinarizer, OneHotEncoder
from sklearn import preprocessing
from sklearn.model_selection import train_test_split, KFold, StratifiedKFold
X = np.random.rand(40, 6).astype('float32')
ints = np.arange(40 * 6).reshape(40, 6)
labels = np.array(['a', 'b'] * 20)
three = np.array(['a', 'b', 'c', 'd'] * 10)
categories = np.array([['x', 'y'], ['z', 'y']] * 20)
scaler = StandardScaler()
scaler.fit(X)
"""

ARRAYS = [
    "load_iris(return_X_y=True)[0]", "load_iris(return_X_y=True)[1]", "load_iris().data", "load_iris().target",
    "load_digits().data", "load_digits().target", "load_digits().images", "load_digits(return_X_y=True)[0]",
    "load_wine(return_X_y=True)[0]", "load_wine().target", "load_breast_cancer().data",
    "load_breast_cancer(return_X_y=True)[1]", "load_diabetes().data", "load_diabetes().target",
    "load_linnerud().data", "load_linnerud().target", "datasets.load_iris().data",
    "make_classification()[0]", "make_classification()[1]", "make_classification(300, 7)[0]",
    "make_classification(n_samples=50, n_features=5, n_classes=3, n_informative=3)[1]",
    "make_regression()[0]", "make_regression(80, 4)[1]", "make_regression(n_samples=60, n_features=3, n_targets=2)[1]",
    "make_blobs()[0]", "make_blobs(n_samples=[10, 20, 30], n_features=3)[0]", "make_blobs(70)[1]",
    "make_moons()[0]", "make_moons(33, noise=0.1)[1]", "make_circles((10, 15))[0]", "make_circles(n_samples=20)[1]",
    "StandardScaler().fit_transform(X)", "MinMaxScaler().fit_transform(ints)", "MaxAbsScaler().fit_transform(X)",
    "RobustScaler().fit_transform(ints)", "Normalizer().fit_transform(X)", "scaler.transform(X)",
    "scaler.inverse_transform(X)", "StandardScaler().fit(X).transform(X)",
    "LabelEncoder().fit_transform(labels)", "LabelEncoder().fit_transform(labels.reshape(-1, 1))",
    "train_test_split(X, labels)[0]", "train_test_split(X, labels, test_size=0.25)[3]",
    "list(KFold(n_splits=4).split(X))[0][0]", "list(StratifiedKFold(3).split(X, labels))[2][1]",
    # The scalers' functions: the data's shape, one feature (a 1-D array) too except for normalize.
    "preprocessing.scale(X)", "preprocessing.scale(ints)", "preprocessing.scale(X[:, 0])",
    "preprocessing.minmax_scale(ints[:, 1])", "preprocessing.maxabs_scale(X)", "preprocessing.robust_scale(X)",
    "preprocessing.maxabs_scale(X[:, 2])", "preprocessing.robust_scale(ints[:, 0])",
    "preprocessing.normalize(X)", "preprocessing.normalize(ints)",
]
# Encoders: a column per class or category found in the data, a number not known.
ENCODED = [
    "LabelBinarizer().fit_transform(labels)", "LabelBinarizer().fit_transform(three)",
    "LabelBinarizer().fit(three).transform(three)", "LabelBinarizer().fit_transform(three.reshape(-1, 1))",
    "OneHotEncoder(sparse_output=False).fit_transform(categories)",
    "OneHotEncoder(sparse_output=False, handle_unknown='ignore').fit_transform(three.reshape(-1, 1))",
]
# (interpreted, real): the interpreter reads list(...) of folds directly
NOT_FOLLOWED = [
    "load_iris(as_frame=True)", "load_digits(n_class=5)", "make_regression(coef=True)",
    "make_blobs(return_centers=True)", "StandardScaler().fit_transform(X[:, 0])",
    "preprocessing.normalize(X[:, 0])", "preprocessing.scale(X, copy=False)",
    "KFold(n_splits=50).split(X)", "KFold(n_splits=int(input())).split(X)",
    "OneHotEncoder().fit_transform(categories)", "LabelBinarizer(sparse_output=True).fit_transform(three)",
]


def _interpret(expression: str) -> object:
    return interpret(SETUP, expression)


def _real(expression: str) -> object:
    return evaluate(SETUP, expression)  # on real scikit-learn


@pytest.mark.parametrize("expression", ARRAYS)
def test_arrays_have_scikit_learns_shapes_and_dtypes(expression: str) -> None:
    predicted, real = _interpret(expression), np.asarray(_real(expression))
    assert isinstance(predicted, ArrayValue), predicted
    assert len(predicted.shape) == real.ndim
    for mine, theirs in zip(predicted.shape, real.shape):
        assert mine is UNKNOWN or mine == theirs
    if "split" not in expression:  # (a split's sample counts are unknown, the rest is not)
        assert all(d is not UNKNOWN for d in predicted.shape)
    if predicted.dtype is not UNKNOWN:
        assert predicted.dtype == str(real.dtype)


@pytest.mark.parametrize("expression", ENCODED)
def test_encoders_keep_the_samples_and_leave_the_class_count_unknown(expression: str) -> None:
    predicted, real = _interpret(expression), np.asarray(_real(expression))
    assert isinstance(predicted, ArrayValue), predicted
    assert len(predicted.shape) == real.ndim == 2
    assert predicted.shape[0] == real.shape[0] and predicted.shape[1] is UNKNOWN
    assert predicted.dtype == str(real.dtype)


@pytest.mark.parametrize("expression", NOT_FOLLOWED)
def test_what_scikit_learn_may_shape_otherwise_stays_unknown(expression: str) -> None:
    predicted = _interpret(expression)
    assert isinstance(predicted, InertObject) and not isinstance(predicted, ArrayValue)


def test_a_training_loop_over_folds_runs_once_per_fold() -> None:
    loop = "0\nfor train, test in KFold(5).split(X):\n    count += 1\n    part = X[train]\n"
    count = interpret(SETUP + "count = " + loop, "count")
    part = interpret(SETUP + "count = " + loop, "part")
    assert count == 5 == evaluate(SETUP + "count = " + loop, "count")
    assert isinstance(part, ArrayValue) and part.shape == (UNKNOWN, 6)


def test_data_of_unknown_dtype_or_width_stays_data() -> None:
    """A scaler of data read from a file keeps its rank and known width, dtype unknown; a label
    encoder of columns whose number is not known is data, not an unknown object."""
    setup = "import numpy as np\nfrom sklearn.preprocessing import StandardScaler, LabelEncoder\nx = np.load('x.npy')\n"
    scaled = interpret(setup, "StandardScaler().fit_transform(x.reshape(-1, 4))")
    assert isinstance(scaled, ArrayValue) and scaled.shape[1] == 4 and scaled.dtype is UNKNOWN
    encoded = interpret(setup, "LabelEncoder().fit_transform(x.reshape(-1, x.shape[1]))")
    assert isinstance(encoded, InertObject)


@pytest.mark.parametrize("loader", ["load_iris", "load_digits", "load_wine", "load_breast_cancer"])
def test_a_classification_sets_largest_label_is_scikit_learns(loader: str) -> None:
    """What ``to_categorical(y)`` counts classes by: every class is in the whole set."""
    followed = _interpret(f"{loader}(return_X_y=True)[1]")
    real = evaluate(SETUP, f"{loader}(return_X_y=True)[1]")
    assert isinstance(followed, ArrayValue) and followed.largest == int(real.max())
    assert _interpret(f"{loader}().target").largest == int(real.max())


def test_a_split_of_a_classification_set_has_no_known_largest_label() -> None:
    assert _interpret("train_test_split(*load_iris(return_X_y=True))[2]").largest is UNKNOWN
