"""Record the activation names Keras accepts as strings (``keras.activations.get``).

``activations.get("name")`` looks the string up in ``ALL_OBJECTS_DICT`` and raises
``ValueError("Could not interpret activation function identifier: name")`` when it
is missing.  kerascheck ships that list as ``kerascheck/knowledge/activations.py``.

Run with the oracle interpreter::

    KERAS_BACKEND=jax /opt/oracle/bin/python tests/oracle/record_activations.py          # rewrite
    KERAS_BACKEND=jax /opt/oracle/bin/python tests/oracle/record_activations.py --check  # compare
"""

from __future__ import annotations

import os
import pprint
import sys
from pathlib import Path

os.environ.setdefault("KERAS_BACKEND", "jax")

OUTPUT = Path(__file__).resolve().parents[2] / "kerascheck" / "knowledge" / "activations.py"


def record() -> str:
    import keras
    from keras.src import activations

    names = sorted(activations.ALL_OBJECTS_DICT)
    for name in names:  # every recorded name must really resolve
        assert callable(activations.get(name)), name
    return (
        '"""Activation names ``keras.activations.get`` accepts, recorded by\n'
        'tests/oracle/record_activations.py.\n\nDo not edit by hand: re-run the recorder.\n"""\n\n'
        "# fmt: off\n"
        f"KERAS_VERSION = {keras.__version__!r}\n\n"
        f"ACTIVATION_NAMES = frozenset({pprint.pformat(names, width=100)})\n"
    )


def main(argv: list[str]) -> int:
    from recording import write_or_check

    return write_or_check(OUTPUT, record(), argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
