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

It also records (``kerascheck/knowledge/output_from_call.py``) which layer classes compute their
symbolic output by running ``call()``: ``Layer.__call__`` on symbolic tensors asks
``compute_output_spec``, which Keras's ``Layer`` answers with the class's ``compute_output_shape``
when the class defines one, and otherwise by tracing ``call()``.  So a user's subclass of a
built-in layer that overrides ``call()`` (a ``Conv2D`` that standardizes its kernel first) keeps
its base's output shape when the base defines ``compute_output_shape`` or
``compute_output_spec``, and gets what its own ``call()`` returns when the base does not.  A
class is listed when both are ``Layer``'s.

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

KNOWLEDGE = Path(__file__).resolve().parents[2] / "kerascheck" / "knowledge"
OUTPUT = KNOWLEDGE / "built_at_init.py"
OUTPUT_FROM_CALL = KNOWLEDGE / "output_from_call.py"


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


def _layer_classes():
    """Every public layer class of ``keras.layers``, by name."""
    import keras

    for name in sorted(dir(keras.layers)):
        cls = getattr(keras.layers, name)
        if inspect.isclass(cls) and issubclass(cls, keras.layers.Layer):
            yield name, cls


def record() -> str:
    import keras
    from keras.src import utils

    names = []
    for name, cls in _layer_classes():
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


def record_output_from_call() -> str:
    import keras
    from keras.src import utils

    names = [
        name for name, cls in _layer_classes()
        if utils.is_default(cls.compute_output_shape) and cls.compute_output_spec is keras.layers.Layer.compute_output_spec
    ]
    return (
        '"""Keras layer classes whose symbolic output Keras computes by tracing ``call()`` (their\n'
        "``compute_output_shape`` and ``compute_output_spec`` are ``Layer``'s), recorded by\n"
        "tests/oracle/record_built_at_init.py.  A user's subclass of any other built-in layer keeps\n"
        "its base's output shape whatever its own ``call()`` does.\n\n"
        'Do not edit by hand: re-run the recorder.\n"""\n\n'
        "# fmt: off\n"
        f"KERAS_VERSION = {keras.__version__!r}\n\n"
        f"OUTPUT_FROM_CALL = frozenset({pprint.pformat(names, width=100, compact=True)})\n"
    )


def main(argv: list[str]) -> int:
    from recording import write_or_check

    return write_or_check(OUTPUT, record(), argv) | write_or_check(OUTPUT_FROM_CALL, record_output_from_call(), argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
