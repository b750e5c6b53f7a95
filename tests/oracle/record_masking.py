"""Record how each public Keras layer class treats masks.

Keras 3 attaches a mask to a tensor (``Embedding(mask_zero=True)``, ``Masking``) and
``Layer.__call__`` then

- passes it to ``call()`` as ``mask=`` when the call's signature has a ``mask``
  parameter (the mask tensor then becomes an input of the call's node: a "Connected to"
  entry of the summary);
- after the call, when ``layer.supports_masking``, sets ``compute_mask(inputs, mask)``
  on the outputs: Keras's default ``compute_mask`` returns the input mask, a layer
  may override it (an RNN keeps the mask only with ``return_sequences``, Embedding
  creates one with ``ops.not_equal``); a layer that does not support masking drops it.

For every public layer class this records whether ``call`` takes ``mask``, which Keras
class defines the ``compute_mask`` it uses (``None`` for Keras's default), and, for
the default, ``supports_masking`` of instances: each class is constructed with the
arguments of its recorded layer cases (``fixtures/layers/*.json``), or without
arguments; a class whose instances disagree, or that could not be constructed, is
left out (unknown).  kerascheck ships the result as ``kerascheck/knowledge/masking.py``.

Run with the oracle interpreter::

    KERAS_BACKEND=jax /opt/oracle/bin/python tests/oracle/record_masking.py          # rewrite
    KERAS_BACKEND=jax /opt/oracle/bin/python tests/oracle/record_masking.py --check  # compare
"""

from __future__ import annotations

import inspect
import json
import os
import pprint
import sys
import warnings
from pathlib import Path

os.environ.setdefault("KERAS_BACKEND", "jax")

ROOT = Path(__file__).resolve().parents[2]
OUTPUT = ROOT / "kerascheck" / "knowledge" / "masking.py"
LAYER_CASES = ROOT / "fixtures" / "layers"


def _recorded_cases() -> dict[str, list[dict]]:
    """The layer cases Keras constructed without error, by class name."""
    cases: dict[str, list[dict]] = {}
    for path in sorted(LAYER_CASES.glob("*.json")):
        for case in json.loads(path.read_text())["cases"]:
            if case.get("error_stage") != "init":
                cases.setdefault(case["layer"], []).append(case)
    return cases


def _instances(cls, cases: list[dict]):
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import layer_cases

    made = []
    for case in cases:
        lists = case["lists"]

        def make(value):
            if isinstance(value, dict) and set(value) == {"layer", "kwargs"}:
                return layer_cases.layer_class(value["layer"])(**{k: make(v) for k, v in value["kwargs"].items()})
            if value == layer_cases.IDENTITY:
                return lambda x: x
            if isinstance(value, list) and any(isinstance(v, dict) and set(v) == {"layer", "kwargs"} for v in value):
                items = [make(v) for v in value]
                return items if lists else tuple(items)
            return layer_cases.from_json(value, lists)

        try:
            made.append(cls(*[make(a) for a in case["args"]], **{k: make(v) for k, v in case["kwargs"].items()}))
        except Exception:  # noqa: BLE001  (a case that needs what this interpreter lacks)
            continue
    if not made:
        try:
            made.append(cls())
        except Exception:  # noqa: BLE001  (required arguments)
            pass
    return made


def record() -> str:
    import keras
    from keras.src import utils

    cases = _recorded_cases()
    call_mask, compute_mask, supports = [], {}, {}
    for name in sorted(dir(keras.layers)):
        cls = getattr(keras.layers, name)
        if not (inspect.isclass(cls) and issubclass(cls, keras.layers.Layer)):
            continue
        if "mask" in inspect.signature(cls.call).parameters:
            call_mask.append(name)
        owner = next(k for k in cls.__mro__ if "compute_mask" in k.__dict__)
        compute_mask[name] = None if utils.is_default(cls.compute_mask) else owner.__name__
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            values = {layer.supports_masking for layer in _instances(cls, cases.get(cls.__name__, []))}
        if len(values) == 1:
            supports[name] = values.pop()
    return (
        '"""How Keras layer classes treat masks, recorded by tests/oracle/record_masking.py.\n\n'
        "CALL_TAKES_MASK: classes whose ``call`` has a ``mask`` parameter.  COMPUTE_MASK: the\n"
        "Keras class whose ``compute_mask`` a class uses (None: Keras's default, the input mask).\n"
        "SUPPORTS_MASKING: ``supports_masking`` of the recorded instances, where they agree.\n\n"
        'Do not edit by hand: re-run the recorder.\n"""\n\n'
        "# fmt: off\n"
        f"KERAS_VERSION = {keras.__version__!r}\n\n"
        f"CALL_TAKES_MASK = frozenset({pprint.pformat(call_mask, width=100, compact=True)})\n\n"
        f"COMPUTE_MASK = {pprint.pformat(compute_mask, width=100, compact=True)}\n\n"
        f"SUPPORTS_MASKING = {pprint.pformat(supports, width=100, compact=True)}\n"
    )


def main(argv: list[str]) -> int:
    from recording import write_or_check

    return write_or_check(OUTPUT, record(), argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
