"""Tables read with pandas, as kerascheck follows them: whatever their rows and columns, a DataFrame
is two-dimensional and a column one-dimensional, and every array made of them has that rank.

Each expression runs twice: through kerascheck's interpreter (which reads no file) and with real
pandas and NumPy on a small table; the array kerascheck finds must have the real array's rank,
every dimension unknown (they depend on the file) except those the program fixes itself, and
the dtype where the program names it.  Slices whose bounds are read from the data keep the rank.
"""

from __future__ import annotations

import pytest

from interpreted import evaluate, interpret
from kerascheck.engine.dims import UNKNOWN
from kerascheck.frontend.values import ArrayValue, InertObject, TableValue

pd = pytest.importorskip("pandas")
np = pytest.importorskip("numpy")

SETUP = """
import io
import numpy as np
import pandas as pd
df = pd.read_csv(io.StringIO("a,b,label\\n1,2,0\\n3,4,1\\n5,6,1\\n"))
other = pd.read_table(io.StringIO("a\\tb\\tlabel\\n1\\t2\\t0\\n"))
n = len(df) - 1
"""

ARRAYS = [
    "df.values", "df.to_numpy()", "np.array(df)", "np.asarray(df, dtype='float32')", "df.to_numpy(dtype='float32')",
    "df['label'].to_numpy()", "df['a'].values", "df[['a', 'b']].values", "df.drop(['label'], axis=1).values",
    "(df - df.min()).to_numpy()", "((df - df.min()) / (df.max() - df.min())).values", "df.sample(frac=1).values",
    "pd.concat([df, other]).values", "pd.concat([df, other], axis=1).values", "df.min().values",
    "df.T.values", "df.astype('float32').to_numpy()", "df.dropna().head(2).values", "(df['a'] * 2).values",
    "np.array(df, dtype='float32')[:, 1:]", "df.values[:, 0]", "df.values[:n, :-1]", "df.values[n:, -1]",
    "df.values[:n]", "np.array(df)[1:n, 0]",
    # Rows picked by a mask (a comparison, its negation, its conjunction, isin), iloc and loc, joins.
    "df[df['label'] != 0].values", "df[~(df['a'] > 2)].values", "df[(df['a'] > 1) & (df['b'] < 6)].values",
    "df[df['label'].isin([1])].values", "df['a'][df['label'] == 1].values", "df[df['a'] >= 2.5].values",
    "df.iloc[:, 0:2].values", "df.iloc[:, :-1].values", "df.iloc[:, -1].values", "df.iloc[:, -1:].values",
    "df.iloc[1:, [0, 1]].values", "df.iloc[0].values", "df.iloc[:n].values", "np.array(df.iloc[:, 1:])",
    "df.iloc[:, :-1].to_numpy()", "df.loc[:, 'a'].values", "df.loc[:, ['a', 'b']].values",
    "df.loc[df['a'] > 1, 'label'].values", "df.loc[df['a'] > 1].values", "df['a'].iloc[1:].values",
    "pd.merge(df, other, on='a').values", "df.merge(other, on='a').values", "df.join(other.add_suffix('_r')).values",
    "df.reset_index().values", "df['a'].reset_index(drop=True).values", "df['a'].reset_index().values",
    "df.isnull().values", "df['a'].notna().values",
    # Tables the program makes: a DataFrame of a dict of columns, of an array, of rows; a Series.
    "pd.DataFrame({'x': [1, 2], 'label': [0, 1]})['label'].values", "pd.DataFrame(np.zeros((3, 2))).values",
    "pd.DataFrame([[1, 2], [3, 4]], columns=['p', 'q']).to_numpy()", "pd.Series([1.0, 2.0]).values",
    "pd.DataFrame({'x': np.arange(4)}).sample(frac=1)['x'].to_numpy()", "pd.DataFrame(df['a']).values",
]
# What pandas may return otherwise (a scalar, a dict of tables, rows picked by a mask): not followed.
NOT_FOLLOWED = [
    "df.values[:n, df]", "df.apply(len)", "df['a'].sum()",
    # One value; rows of a label (a repeated index label is several rows); a key not known.
    "df.iloc[0, 1]", "df['a'].iloc[0]", "df.loc[0]", "df.loc[0, 'a']", "df.iloc[:, df.attrs.get('col')]",
    # An argument read at run time that decides what pandas returns: the axis of a concat, in place
    # or not, one sheet or several, a header of several rows (columns of more than one level).
    "pd.concat([df, other], axis=df.attrs.get('axis'))", "df.dropna(inplace=df.attrs.get('inplace'))",
    "pd.read_excel('book.xlsx', sheet_name=df.attrs.get('sheet'))",
    "pd.read_csv(io.StringIO('a,b'), header=df.attrs.get('header'))['a']",
]


def _interpret(expression: str) -> object:
    return interpret(SETUP, expression)


def _real(expression: str) -> object:
    return evaluate(SETUP, expression)  # on real pandas


@pytest.mark.parametrize("expression", ARRAYS)
def test_arrays_of_tables_have_pandas_rank(expression: str) -> None:
    predicted, real = _interpret(expression), np.asarray(_real(expression))
    assert isinstance(predicted, ArrayValue), predicted
    assert len(predicted.shape) == real.ndim
    assert all(d is UNKNOWN for d in predicted.shape)  # rows and columns come from the file
    if "dtype=" in expression:  # named where the array is made
        assert predicted.dtype == str(real.dtype)
    else:
        assert predicted.dtype is UNKNOWN


@pytest.mark.parametrize("expression", NOT_FOLLOWED)
def test_what_pandas_may_shape_otherwise_stays_unknown(expression: str) -> None:
    predicted = _interpret(expression)
    assert isinstance(predicted, InertObject) and not isinstance(predicted, (ArrayValue, TableValue))


def test_a_duplicate_column_name_leaves_a_selection_unknown() -> None:
    """After a concat along the columns, ``df["a"]`` may be two columns (a DataFrame)."""
    assert isinstance(_real("pd.concat([df, other], axis=1)['a']"), pd.DataFrame)
    predicted = _interpret("pd.concat([df, other], axis=1)['a']")
    assert not isinstance(predicted, TableValue)


def test_a_matrix_product_of_columns_is_not_followed() -> None:
    """``s @ s`` of two Series is a number, not a Series: the operator is not followed."""
    assert np.ndim(_real("df['a'] @ df['b']")) == 0
    assert not isinstance(_interpret("df['a'] @ df['b']"), TableValue)


def test_positions_that_may_repeat_a_column_leave_a_selection_unknown() -> None:
    """``df.iloc[:, [0, 0]]`` has column ``a`` twice: ``["a"]`` of it is a DataFrame."""
    assert isinstance(_real("df.iloc[:, [0, 0]]['a']"), pd.DataFrame)
    assert not isinstance(_interpret("df.iloc[:, [0, 0]]['a']"), TableValue)


@pytest.mark.parametrize("expression", ["df[df['label'] == 1]['a']", "df.iloc[:, 1:]['label']",
                                        "df.loc[df['a'] > 1, ['a', 'label']]['label']"])
def test_rows_picked_by_a_mask_or_a_slice_keep_unique_columns(expression: str) -> None:
    assert isinstance(_real(expression), pd.Series)
    predicted = _interpret(expression)
    assert isinstance(predicted, TableValue) and predicted.rank == 1


@pytest.mark.parametrize("expression", ["df['a'] > 1", "~(df['a'] > 1)", "(df['a'] > 1) | (df['b'] == 2)",
                                        "df['a'].isin([1, 3])", "df.isna()", "df != 0"])
def test_comparisons_make_masks(expression: str) -> None:
    real = _real(expression)
    assert all(str(t) == "bool" for t in (real.dtypes if isinstance(real, pd.DataFrame) else [real.dtype]))
    predicted = _interpret(expression)
    assert isinstance(predicted, TableValue) and predicted.boolean and predicted.rank == real.ndim


def test_a_series_of_numbers_is_not_a_mask() -> None:
    """``df["a"] * 2`` is numbers: ``df[...]`` of it picks columns by label, not rows."""
    predicted = _interpret("df['a'] * 2")
    assert isinstance(predicted, TableValue) and not predicted.boolean


@pytest.mark.parametrize(("expression", "classes"), [
    ("to_categorical(df['label'], num_classes=7)", 7), ("to_categorical(df['label'].values, 3)", 3),
    ("to_categorical(df['label'])", UNKNOWN),
])
def test_to_categorical_of_a_column_has_a_row_per_sample(expression: str, classes: object) -> None:
    keras = pytest.importorskip("keras")
    setup = SETUP + "from keras.utils import to_categorical\n"
    predicted = interpret(setup, expression)
    real = evaluate(SETUP, expression, to_categorical=keras.utils.to_categorical)
    assert isinstance(predicted, ArrayValue) and len(predicted.shape) == real.ndim == 2
    if classes is UNKNOWN:  # as many as the largest label in the file, plus one
        assert predicted.shape[1] is UNKNOWN
    else:
        assert predicted.shape[1] == real.shape[1] == classes
