"""pandas, as model files read their data with it: a DataFrame read from a file has rows and
columns kerascheck cannot know, but it is two-dimensional, and so is every array made of it
(``df.values``, ``df.to_numpy()``, ``np.array(df)``, and what Keras makes of a DataFrame given to
``fit``); a column (``df["label"]``) is one-dimensional.  That rank is often what a model's
input disagrees with (a flat table into a ``Conv2D``).

Only what keeps the rank certain is followed (reading, selecting columns, dropping, sampling,
arithmetic, comparisons and the masks they make, selecting rows by a mask, ``iloc`` and ``loc``,
merging, the reductions that make a Series); anything else is data of unknown shape.
"""

from __future__ import annotations

from typing import Any

from kerascheck.engine.dims import UNKNOWN
from kerascheck.frontend.numpy_data import NOT_MODELLED, dtype_name, made_by
from kerascheck.frontend.values import INERT, ArrayValue, DataMethod, PythonNumber, TableIndexer, TableValue

FRAME, SERIES = 2, 1

# pandas readers that return one DataFrame (unless told to read in chunks or several sheets).
READERS = frozenset({"read_csv", "read_table", "read_excel", "read_parquet", "read_feather", "read_sql",
                     "read_sql_query", "read_sql_table", "read_fwf", "read_orc", "read_stata"})
# Methods that return an object of the receiver's kind (a DataFrame's a DataFrame, a Series's a Series).
SAME_KIND = frozenset({"dropna", "fillna", "copy", "sample", "astype", "sort_values", "sort_index", "head", "tail",
                       "replace", "abs", "clip", "round", "ffill", "bfill", "interpolate"})
# DataFrame methods that return a DataFrame.
FRAME_TO_FRAME = SAME_KIND | {"drop", "rename", "select_dtypes", "query", "reindex", "drop_duplicates"}
# DataFrame reductions (along the rows by default, or the columns): a Series.
REDUCTIONS = frozenset({"min", "max", "mean", "median", "std", "var", "sum", "count", "nunique"})
# Methods that compare every value: a mask of the receiver's kind.
MASKS = frozenset({"isin", "isna", "isnull", "notna", "notnull", "duplicated"})
# DataFrame methods that join it with another table: a DataFrame (whose columns may repeat a name).
JOINS = frozenset({"merge", "join"})



def pandas_call(function: str, args: list[Any], kwargs: dict[str, Any], node: Any) -> Any:
    """``pandas.<function>(...)``: a DataFrame or Series where the rank is certain."""
    origin = made_by(f"pd.{function}", node)
    if function in READERS:
        if any(key in kwargs for key in ("chunksize", "iterator", "squeeze")):
            return NOT_MODELLED
        if function == "read_excel" and type(kwargs.get("sheet_name", 0)) not in (int, str):
            return NOT_MODELLED  # several sheets (None, a list), or not known: a dict of DataFrames
        # Unique column names: read_csv renames duplicates, unless its header spans several rows.
        header = kwargs.get("header", "infer")
        single_header = header is None or type(header) in (int, str)
        return TableValue(FRAME, origin, unique_columns=function in ("read_csv", "read_table") and single_header)
    if function == "concat":
        objs = args[0] if args else kwargs.get("objs")
        axis = kwargs.get("axis", args[1] if len(args) > 1 else 0)
        if not isinstance(objs, (list, tuple)) or not objs or not all(isinstance(o, TableValue) for o in objs):
            return NOT_MODELLED
        if type(axis) not in (int, str):
            return NOT_MODELLED  # an axis not known
        if axis in (0, "index") and all(o.rank == objs[0].rank for o in objs):
            return TableValue(objs[0].rank, origin, all(o.unique_columns for o in objs))
        if axis in (1, "columns"):
            return TableValue(FRAME, origin)
        return NOT_MODELLED
    if function == "DataFrame":
        # Two-dimensional whatever it is made of (a dict of columns, an array, a list of rows, a
        # Series: one column); its column names are unique when they are a dict's keys or the
        # positions pandas numbers them by.
        data = args[0] if args else kwargs.get("data")
        named = "columns" in kwargs or len(args) > 2
        return TableValue(FRAME, origin, unique_columns=not named and (isinstance(data, dict) or data is None
                                                                     or isinstance(data, ArrayValue)))
    if function == "Series":
        return TableValue(SERIES, origin)
    if function == "get_dummies" and args and isinstance(args[0], TableValue):
        return TableValue(FRAME, origin)
    if function == "merge" and len(args) >= 2 and isinstance(args[0], TableValue) and args[0].rank == FRAME:
        return TableValue(FRAME, origin)  # a DataFrame, whatever it is merged with (or pandas raises)
    return NOT_MODELLED


def table_attribute(table: TableValue, attr: str) -> Any:
    """``df.values`` (an array of its rank), ``df.shape``, ``df.T``, a method."""
    if attr == "values":
        return ArrayValue((UNKNOWN,) * table.rank, UNKNOWN, table.origin)
    if attr == "shape":
        return (INERT,) * table.rank
    if attr == "T":
        return TableValue(table.rank, table.origin)
    if attr in ("iloc", "loc"):
        return TableIndexer(table, attr)
    if attr in ("to_numpy", "reset_index") or attr in SAME_KIND or attr in MASKS or table.rank == FRAME and (
            attr in FRAME_TO_FRAME or attr in REDUCTIONS or attr in JOINS):
        return DataMethod(table, attr)
    return NOT_MODELLED


def table_method(table: TableValue, name: str, args: list[Any], kwargs: dict[str, Any], node: Any) -> Any:
    if name == "to_numpy":
        dtype = kwargs.get("dtype", args[0] if args else None)
        return ArrayValue((UNKNOWN,) * table.rank, UNKNOWN if dtype is None else dtype_name(dtype), table.origin)
    if table.rank == FRAME and name in REDUCTIONS:
        return TableValue(SERIES, table.origin)
    if name in MASKS:
        return TableValue(SERIES if name == "duplicated" else table.rank, table.origin, table.unique_columns, boolean=True)
    if table.rank == FRAME and name in JOINS:
        return TableValue(FRAME, table.origin)
    if name == "reset_index":
        if kwargs.get("inplace", False) is not False or type(kwargs.get("drop", False)) is not bool:
            return NOT_MODELLED
        if table.rank == SERIES and kwargs.get("drop", False):
            return TableValue(SERIES, table.origin)
        return TableValue(FRAME, table.origin, table.rank == FRAME and table.unique_columns)
    if name in SAME_KIND or table.rank == FRAME and name in FRAME_TO_FRAME:
        if kwargs.get("inplace", False) is not False:
            return NOT_MODELLED  # in place (None returned), or not known to be
        return TableValue(table.rank, table.origin, table.unique_columns)
    return NOT_MODELLED


def table_subscript(table: TableValue, key: Any) -> Any:
    """``df["label"]`` (a column: a Series), ``df[["a", "b"]]`` (a DataFrame), ``df[mask]`` (the
    rows where a boolean Series is true: a table of the same kind)."""
    if table.rank == FRAME and isinstance(key, str) and table.unique_columns:
        return TableValue(SERIES, table.origin)
    if table.rank == FRAME and isinstance(key, list) and key and all(isinstance(k, str) for k in key):
        return TableValue(FRAME, table.origin, table.unique_columns and len(set(key)) == len(key))
    if isinstance(key, TableValue) and key.rank == SERIES:
        if key.boolean:
            return TableValue(table.rank, table.origin, table.unique_columns)
        if table.rank == FRAME:
            return TableValue(FRAME, table.origin)  # the columns a Series of labels names
    return INERT


def indexer_subscript(indexer: TableIndexer, key: Any) -> Any:
    """``df.iloc[rows, columns]`` and ``df.loc[rows, columns]``: each axis an integer or a label
    drops, a slice, a list or a mask keeps; a table of the axes kept (a scalar for none)."""
    table = indexer.table
    parts = list(key) if isinstance(key, tuple) else [key]
    if not 1 <= len(parts) <= table.rank:
        return INERT
    kept = []
    for axis, part in enumerate(parts):
        keeps = _keeps_axis(part, indexer.kind, table, axis)
        if keeps is None:
            return INERT
        kept.append(keeps)
    kept += [True] * (table.rank - len(parts))
    rank = sum(kept)
    if rank == 0:
        return INERT  # one value
    if rank == SERIES:
        return TableValue(SERIES, table.origin)
    columns = parts[1] if len(parts) > 1 else slice(None)
    unique = table.unique_columns and (isinstance(columns, slice) or isinstance(columns, list) and all(
        type(c) in (int, str) for c in columns) and len(set(columns)) == len(columns))
    return TableValue(FRAME, table.origin, unique)


def _keeps_axis(part: Any, kind: str, table: TableValue, axis: int) -> bool | None:
    """Whether ``part`` keeps its axis (a slice, a list, a mask) or drops it (a position, a
    label that names one column); None where that is not known (a row label, which a repeated
    index makes several rows; a key not known)."""
    if isinstance(part, slice):
        return True
    if isinstance(part, list) and all(type(p) in (int, str, bool) for p in part):
        return True
    if isinstance(part, ArrayValue) and not isinstance(part, PythonNumber) and len(part.shape) == 1:
        return True
    if kind == "iloc":
        return False if type(part) is int or isinstance(part, PythonNumber) and part.type_name == "int" else None
    if isinstance(part, TableValue) and part.rank == SERIES and part.boolean:
        return True
    if axis == 1 and isinstance(part, str) and table.unique_columns:
        return False
    return None


def table_binary(left: Any, right: Any, logical: bool = False) -> Any:
    """Arithmetic with a DataFrame is a DataFrame; a Series with numbers or a Series, a Series.
    ``logical``: ``&``, ``|`` or ``^``, which of two masks make a mask."""
    tables = [v for v in (left, right) if isinstance(v, TableValue)]
    others = [v for v in (left, right) if not isinstance(v, TableValue)]
    if not all(type(v) in (int, float) for v in others):
        return NOT_MODELLED
    rank = max(t.rank for t in tables)
    frames = [t for t in tables if t.rank == FRAME]
    boolean = logical and not others and all(t.boolean for t in tables)
    return TableValue(rank, tables[0].origin, bool(frames) and all(t.unique_columns for t in frames), boolean)


def table_comparison(left: Any, right: Any) -> Any:
    """``df["stay"] != -1``, ``s > s.mean()``: a mask of the table's kind, compared with a number,
    a string or a table."""
    tables = [v for v in (left, right) if isinstance(v, TableValue)]
    others = [v for v in (left, right) if not isinstance(v, TableValue)]
    if not all(type(v) in (int, float, str, bool) or isinstance(v, PythonNumber) for v in others):
        return NOT_MODELLED
    if len(tables) == 2 and tables[0].rank != tables[1].rank:
        return NOT_MODELLED
    return TableValue(tables[0].rank, tables[0].origin, tables[0].unique_columns, boolean=True)


def table_invert(table: TableValue) -> Any:
    """``~mask``: a mask (``~`` of numbers is their bits: a table of the same kind)."""
    return TableValue(table.rank, table.origin, table.unique_columns, table.boolean)


def as_array(value: TableValue, dtype: Any = None) -> ArrayValue:
    """``np.array(df)``: an array of the table's rank."""
    return ArrayValue((UNKNOWN,) * value.rank, UNKNOWN if dtype is None else dtype_name(dtype), value.origin)
