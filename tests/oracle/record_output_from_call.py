"""Record which Keras layer classes compute their symbolic output by running ``call()``.

``Layer.__call__`` on symbolic tensors asks ``compute_output_spec``; Keras's ``Layer`` answers
with the class's ``compute_output_shape`` when the class defines one, and otherwise traces
``call()``.  So a user's subclass of a built-in layer that overrides ``call()`` (a ``Conv2D`` that
standardizes its kernel first) keeps its base's output shape when the base defines
``compute_output_shape`` or ``compute_output_spec``, and gets whatever its own ``call()`` returns
when the base does not.  A class is listed when both are ``Layer``'s.  kerascheck ships the list
as ``kerascheck/knowledge/output_from_call.py``.

Run with the oracle interpreter::

    KERAS_BACKEND=jax python tests/oracle/record_output_from_call.py          # rewrite
    KERAS_BACKEND=jax python tests/oracle/record_output_from_call.py --check  # compare
"""

from __future__ import annotations

import inspect
import os
import pprint
import sys
from pathlib import Path

os.environ.setdefault("KERAS_BACKEND", "jax")

OUTPUT = Path(__file__).resolve().parents[2] / "kerascheck" / "knowledge" / "output_from_call.py"


def record() -> str:
    import keras
    from keras.src import utils

    names = []
    for name in sorted(dir(keras.layers)):
        cls = getattr(keras.layers, name)
        if not (inspect.isclass(cls) and issubclass(cls, keras.layers.Layer)):
            continue
        if utils.is_default(cls.compute_output_shape) and cls.compute_output_spec is keras.layers.Layer.compute_output_spec:
            names.append(name)
    return (
        '"""Keras layer classes whose symbolic output Keras computes by tracing ``call()`` (their\n'
        "``compute_output_shape`` and ``compute_output_spec`` are ``Layer``'s), recorded by\n"
        "tests/oracle/record_output_from_call.py.  A user's subclass of any other built-in layer keeps\n"
        "its base's output shape whatever its own ``call()`` does.\n\n"
        'Do not edit by hand: re-run the recorder.\n"""\n\n'
        "# fmt: off\n"
        f"KERAS_VERSION = {keras.__version__!r}\n\n"
        f"OUTPUT_FROM_CALL = frozenset({pprint.pformat(names, width=100, compact=True)})\n"
    )


def main(argv: list[str]) -> int:
    from recording import write_or_check

    return write_or_check(OUTPUT, record(), argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
