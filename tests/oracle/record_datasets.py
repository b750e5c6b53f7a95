"""Record the shapes and dtypes of what every ``keras.datasets.<name>.load_data()`` returns.

kerascheck ships them as ``kerascheck/knowledge/datasets.py``: ``(x_train, y_train), (x_test,
y_test) = mnist.load_data()`` then gives four arrays of known shape and dtype, and
``keras.Input(shape=x_train.shape[1:])`` is known.

Where the truth comes from
--------------------------
1. When the data can be loaded (it is in ``~/.keras/datasets`` or can be downloaded), the
   arrays Keras returns are measured: that is the truth, and it is written as measured.
2. Otherwise (the recording machine has no network and no cached datasets), each shape and
   dtype is read from the installed Keras's own documentation of its ``load_data``: the
   docstring's ``**`x_train`**: `uint8` ... with shape `(60000, 28, 28)``.  Only what the
   docstring states is recorded: a dimension written ``num_samples``, a count the docstring
   does not give (the IMDB and Reuters sequences, whose number depends on ``maxlen`` and on the
   downloaded content) and a dtype it does not name are unknown (``None`` here).  When both
   sources are available, the measured arrays must agree with the documented ones (the script
   stops otherwise).

The generated file says which source each dataset's entry came from.  ``load_data``'s
signature is recorded too: a keyword argument that is not in it is a TypeError in Keras, and
one that changes the shapes (``maxlen``, ``test_split``, ``version``…) makes the sample counts
unknown, as kerascheck reads the table (which does not change what is recorded here: those
counts are the downloaded content's).

    KERAS_BACKEND=jax python tests/oracle/record_datasets.py          # rewrite
    KERAS_BACKEND=jax python tests/oracle/record_datasets.py --check  # compare, exit 1 on a difference
"""

from __future__ import annotations

import contextlib
import inspect
import io
import os
import pprint
import re
import sys
from pathlib import Path

os.environ.setdefault("KERAS_BACKEND", "jax")

OUTPUT = Path(__file__).resolve().parents[2] / "kerascheck" / "knowledge" / "datasets.py"

# Every dataset module Keras 3 ships in keras.datasets.
DATASETS = ("mnist", "fashion_mnist", "cifar10", "cifar100", "imdb", "reuters", "boston_housing",
            "california_housing")
ARRAYS = ("x_train", "y_train", "x_test", "y_test")
_DTYPES = ("uint8", "int32", "int64", "float32", "float64")


def _documented(doc: str) -> dict[str, tuple]:
    """``{array: (shape, dtype)}`` read from a load_data docstring; shape is a tuple with None
    for a dimension the docstring does not give, or None when it states no shape."""
    found: dict[str, tuple] = {}
    # The paragraph that documents each array: "**`x_train`**: ..." or "**`x_train`, `x_test`**: ..."
    paragraphs = re.split(r"\n\s*\n", doc)
    for paragraph in paragraphs:
        head = re.match(r"\s*\*\*(.+?)\*\*:(.*)", paragraph, re.S)
        if head is None:
            continue
        names = [n for n in re.findall(r"[xy]_(?:train|test)", head.group(1))]
        text = " ".join(head.group(2).split())
        dtype = next((d for d in _DTYPES if re.search(rf"`{d}`", text)), None)
        shape_text = re.search(r"shapes? `?\(([^)]*)\)`?", text)
        shape = None
        if shape_text is not None:
            dims = [d.strip() for d in shape_text.group(1).split(",") if d.strip()]
            shape = tuple(int(d) if d.isdigit() else None for d in dims)
        elif re.search(r"lists of (sequences|integer labels)", text):
            shape = (None,)  # one entry per sample, the count not documented
        for name in names:
            found[name] = (shape, dtype)
    return found


def _measured(module) -> dict[str, tuple] | None:
    """The arrays load_data returns with its defaults, or None when they cannot be loaded."""
    try:
        with contextlib.redirect_stdout(io.StringIO()):  # Keras prints "Downloading data from …"
            (x_train, y_train), (x_test, y_test) = module.load_data()
    except Exception:  # noqa: BLE001  (no network, no cache: the documented truth is used)
        return None
    return {name: (tuple(int(d) for d in array.shape), str(array.dtype))
            for name, array in zip(ARRAYS, (x_train, y_train, x_test, y_test))}


def record() -> str:
    import keras

    entries: dict[str, dict] = {}
    for name in DATASETS:
        module = getattr(keras.datasets, name)
        signature = inspect.signature(module.load_data)
        documented = _documented(module.load_data.__doc__ or "")
        if set(documented) != set(ARRAYS):
            raise SystemExit(f"{name}: the docstring documents {sorted(documented)}, not the four arrays")
        measured = _measured(module)
        if measured is not None:
            for array, (shape, dtype) in documented.items():
                real_shape, real_dtype = measured[array]
                agree = shape is None or len(shape) == len(real_shape) and all(
                    d is None or d == r for d, r in zip(shape, real_shape))
                if not agree or dtype is not None and dtype != real_dtype:
                    raise SystemExit(f"{name}.{array}: documented {shape} {dtype}, loaded {real_shape} {real_dtype}")
        entries[name] = {
            "source": "measured" if measured is not None else "documented",
            "arrays": measured if measured is not None else documented,
            "parameters": tuple(p for p in signature.parameters if signature.parameters[p].kind
                                not in (inspect.Parameter.VAR_KEYWORD, inspect.Parameter.VAR_POSITIONAL)),
            "any_keyword": any(p.kind is inspect.Parameter.VAR_KEYWORD for p in signature.parameters.values()),
        }
    sources = sorted({entry["source"] for entry in entries.values()})
    return (
        '"""What ``keras.datasets.<name>.load_data()`` returns: ``(x_train, y_train), (x_test, y_test)``,\n'
        "each array's shape (None: a dimension not known without the data) and dtype (None: not\n"
        "stated), recorded by tests/oracle/record_datasets.py.\n\n"
        f"Source: {', '.join(sources)}. \"documented\" entries were read from the installed Keras's\n"
        "own docstring of each load_data (the recording machine could neither find the data in\n"
        "~/.keras/datasets nor download it); \"measured\" ones from the loaded arrays.\n\n"
        'Do not edit by hand: re-run the recorder.\n"""\n\n'
        "# fmt: off\n"
        f"KERAS_VERSION = {keras.__version__!r}\n\n"
        f"DATASETS = {pprint.pformat(entries, width=110, sort_dicts=True)}\n"
    )


def main(argv: list[str]) -> int:
    text = record()
    if "--check" in argv:
        if not OUTPUT.exists() or OUTPUT.read_text(encoding="utf-8") != text:
            print(f"{OUTPUT} differs from what Keras records now: re-run tests/oracle/record_datasets.py")
            return 1
        return 0
    OUTPUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUTPUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
