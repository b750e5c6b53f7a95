"""Record which Keras layer classes are built as soon as they are constructed.

A layer without weights may call ``Layer._build_at_init()`` at the end of its
``__init__`` (Dropout, Activation, the pooling layers …): it is ``built`` from
the start, so Keras never calls its ``build()`` and never records the input
shape it was built with.  ``model.summary()`` of a subclassed model, which reads
output shapes from those build shapes, prints ``?`` for such a layer and counts
it as built (``0``, not ``0 (unbuilt)``).  kerascheck ships the list as
``kerascheck/knowledge/built_at_init.py``.

A class is listed when an ``__init__`` of its Keras class hierarchy calls
``self._build_at_init()`` and its ``build`` is Keras's default (the condition
``_build_at_init`` itself checks); every listed class that can be constructed
without arguments is constructed to confirm it.

Run with the oracle interpreter::

    KERAS_BACKEND=jax /opt/oracle/bin/python tests/oracle/record_built_at_init.py          # rewrite
    KERAS_BACKEND=jax /opt/oracle/bin/python tests/oracle/record_built_at_init.py --check  # compare
"""

from __future__ import annotations

import inspect
import os
import pprint
import sys
from pathlib import Path

os.environ.setdefault("KERAS_BACKEND", "jax")

OUTPUT = Path(__file__).resolve().parents[2] / "kerascheck" / "knowledge" / "built_at_init.py"


def _calls_build_at_init(cls) -> bool:
    for klass in cls.__mro__:
        init = klass.__dict__.get("__init__")
        if init is None or not klass.__module__.startswith("keras"):
            continue
        try:
            source = inspect.getsource(init)
        except (OSError, TypeError):
            continue
        if "self._build_at_init()" in source:
            return True
    return False


def record() -> str:
    import keras
    from keras.src import utils

    names = []
    for name in sorted(dir(keras.layers)):
        cls = getattr(keras.layers, name)
        if not (inspect.isclass(cls) and issubclass(cls, keras.layers.Layer)):
            continue
        if _calls_build_at_init(cls) and utils.is_default(cls.build):
            names.append(name)
            try:
                instance = cls()
            except TypeError:
                continue  # required arguments: the source is the evidence
            assert instance.built, name
    return (
        '"""Keras layer classes built at construction (``Layer._build_at_init``), recorded by\n'
        "tests/oracle/record_built_at_init.py.\n\nDo not edit by hand: re-run the recorder.\n\"\"\"\n\n"
        "# fmt: off\n"
        f"KERAS_VERSION = {keras.__version__!r}\n\n"
        f"BUILT_AT_INIT = frozenset({pprint.pformat(names, width=100, compact=True)})\n"
    )


def main(argv: list[str]) -> int:
    from recording import write_or_check

    return write_or_check(OUTPUT, record(), argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
