"""Record which strings ``model.compile`` accepts as a loss, a metric and an optimizer, which
keywords it takes, and what Keras raises otherwise: Keras 3 (this interpreter) and Keras 2
(tf-keras, in a child process of this script with ``--keras2``).

The candidates are every key of the table each ``get`` looks a string up in (``keras.losses``,
``keras.metrics``, ``keras.optimizers``'s ``ALL_OBJECTS_DICT``, or the module's public names in
Keras 2), each in several spellings (as it is, lower case, upper case, capitalised, swapped
case), and the shorthands ``compile`` itself resolves (``"acc"``, ``"ce"``…).  Each candidate is
given to ``get`` (``keras.losses.get(name)`` …); the shorthands are given to a real
``compile`` + ``fit`` of a tiny model, since ``compile`` resolves them before ``get``.
Recorded: the strings accepted, the lower-case names every probed spelling of which is accepted
(``ANY_CASE``: a string whose lower case is there is accepted however it is spelt), and the
message for a string that is not, as a template with ``{identifier}``.

``compile`` keywords: its signature's parameters (Keras 2 adds the legacy keywords its error
message lists, each confirmed accepted by a real call), and the message of an unknown one
(``{keyword}``).

Writes ``kerascheck/knowledge/compile_identifiers.py``.

    KERAS_BACKEND=jax python tests/oracle/record_compile.py          # rewrite
    KERAS_BACKEND=jax python tests/oracle/record_compile.py --check  # compare
"""

from __future__ import annotations

import contextlib
import inspect
import io
import json
import os
import pprint
import re
import subprocess
import sys
import warnings
from pathlib import Path

os.environ.setdefault("KERAS_BACKEND", "jax")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
OUTPUT = ROOT / "kerascheck" / "knowledge" / "compile_identifiers.py"
sys.path.insert(0, str(HERE))
from recording import write_or_check  # noqa: E402

# Shorthands ``compile`` resolves itself (Keras 3's compile_utils.get_loss / get_metric, Keras 2's
# compile_utils): probed through a real compile + fit; what is accepted is what is recorded.
COMPILE_SHORTHANDS = ("accuracy", "acc", "crossentropy", "ce")
PROBE_KEYWORD = "optimize"  # a keyword compile() does not take


def spellings(name: str) -> list[str]:
    return list(dict.fromkeys([name, name.lower(), name.upper(), name.capitalize(), name.swapcase()]))


def _keras(version: int):
    if version == 2:
        os.environ["TF_USE_LEGACY_KERAS"] = "1"
        import tf_keras as keras
    else:
        import keras
    return keras


def _tables(keras, version: int) -> dict[str, list[str]]:
    """The names each ``get`` looks strings up in."""
    if version == 3:
        from keras.src import losses, metrics, optimizers

        return {
            "loss": sorted(losses.ALL_OBJECTS_DICT),
            "metric": sorted(metrics.ALL_OBJECTS_DICT),
            "optimizer": sorted(optimizers.ALL_OBJECTS_DICT),
        }
    return {
        "loss": sorted(n for n in dir(keras.losses) if not n.startswith("_")),
        "metric": sorted(n for n in dir(keras.metrics) if not n.startswith("_")),
        "optimizer": sorted(n for n in dir(keras.optimizers) if not n.startswith("_")),
    }


def _outcome(function, *args, **kwargs) -> str | None:
    try:
        with warnings.catch_warnings(), contextlib.redirect_stdout(io.StringIO()):
            warnings.simplefilter("ignore")
            function(*args, **kwargs)
    except Exception as exc:  # noqa: BLE001 - the oracle records what Keras raises
        return f"{type(exc).__name__}: {exc}"
    return None


def _result(function, *args):
    try:
        with warnings.catch_warnings(), contextlib.redirect_stdout(io.StringIO()):
            warnings.simplefilter("ignore")
            return function(*args)
    except Exception:  # noqa: BLE001
        return None


def _tiny_model(keras):
    keras.backend.clear_session()
    inputs = keras.Input(shape=(4,))
    return keras.Model(inputs, keras.layers.Dense(3, activation="softmax")(inputs))


def _fit_outcome(keras, **compile_kwargs) -> str | None:
    import numpy as np

    def run() -> None:
        model = _tiny_model(keras)
        model.compile(optimizer="sgd", run_eagerly=True, **compile_kwargs)
        model.fit(np.zeros((4, 4), "float32"), np.eye(3, dtype="float32")[[0, 1, 2, 0]], epochs=1, verbose=0)

    return _outcome(run)


ABSENT = "kerascheck_absent_name"  # a name no table holds: its message is the unknown name's


def _template(message: str, name: str, placeholder: str) -> str:
    """``message`` with ``name`` replaced by ``placeholder`` (quoted, or at the end)."""
    if repr(name) in message:
        return message.replace(repr(name), "{" + placeholder + "!r}")
    if message.endswith(name):
        return message[: -len(name)] + "{" + placeholder + "}"
    return message  # Keras 2's metrics: "'str' object is not callable"


def record(version: int) -> dict:
    keras = _keras(version)
    getters = {"loss": keras.losses.get, "metric": keras.metrics.get, "optimizer": keras.optimizers.get}
    result: dict = {"keras_version": keras.__version__}
    for kind, names in _tables(keras, version).items():
        # What the user sees for a name no table holds: compile (optimizer) or fit (the others).
        probe = {"optimizer": ABSENT} if kind == "optimizer" else {"loss": ABSENT} if kind == "loss" else {
            "loss": "mse", "metrics": [ABSENT]}
        if kind == "optimizer":
            absent_error = _outcome(lambda: keras.Model.compile(_tiny_model(keras), optimizer=ABSENT))
        else:
            absent_error = _fit_outcome(keras, **probe)
        unknown = _template(absent_error, ABSENT, "identifier")
        accepted, rejected = set(), {}
        candidates = {s for n in [*names, *COMPILE_SHORTHANDS] for s in spellings(n)}
        for candidate in sorted(candidates):
            error = _outcome(getters[kind], candidate)
            if error is None and isinstance(_result(getters[kind], candidate), str):
                error = unknown.format(identifier=candidate)  # Keras 2's metrics.get returns the string
            if error is None:
                accepted.add(candidate)
            else:
                rejected[candidate] = error
        if kind != "optimizer":  # the shorthands compile resolves before get
            for shorthand in COMPILE_SHORTHANDS:
                for spelling in spellings(shorthand):
                    if spelling in accepted:
                        continue
                    argument = {"loss": spelling} if kind == "loss" else {"loss": "mse", "metrics": [spelling]}
                    if _fit_outcome(keras, **argument) is None:
                        accepted.add(spelling)
                        rejected.pop(spelling, None)
        any_case = sorted({c.lower() for c in accepted if all(s in accepted for s in spellings(c.lower()))})
        # Names the table holds whose object cannot be made without arguments: another error.
        otherwise = sorted(n for n, m in rejected.items() if m != unknown.format(identifier=n))
        result[kind] = {
            "accepted": sorted(accepted),
            "any_case": any_case,
            "rejected_otherwise": otherwise,
            "message": unknown,
        }
    compile_function = keras.Model.compile
    keywords = [p for p in inspect.signature(compile_function).parameters if p != "self"]
    probe_error = _fit_outcome(keras, loss="mse", **{PROBE_KEYWORD: 1})
    assert probe_error is not None, "compile accepted an unknown keyword"
    listed = re.search(r"Valid keyword arguments include (.*)\.", probe_error)
    if listed:  # Keras 2 takes legacy keywords through **kwargs: each one confirmed by a call
        for name in re.findall(r'"(\w+)"', listed.group(1)):
            if _fit_outcome(keras, loss="mse", **{name: None}) is None:
                keywords.append(name)
    result["compile"] = {
        "keywords": keywords,
        "message": probe_error.split(": ", 1)[1].replace(PROBE_KEYWORD, "{keyword}"),
        "error_type": probe_error.split(": ", 1)[0],
    }
    return result


def knowledge_text(keras3: dict, keras2: dict) -> str:
    return (
        '"""The strings ``model.compile`` accepts as a loss, a metric and an optimizer, its keywords,\n'
        "and Keras's messages otherwise, for Keras 3 (``KERAS3``) and Keras 2 (``KERAS2``).\n\n"
        "Recorded by tests/oracle/record_compile.py (see there); do not edit by hand.  A string is\n"
        "accepted when it is in ``accepted`` or its lower case is in ``any_case``.\n"
        '"""\n\n'
        "# fmt: off\n"
        f"KERAS3 = {pprint.pformat(keras3, width=110, sort_dicts=True)}\n\n"
        f"KERAS2 = {pprint.pformat(keras2, width=110, sort_dicts=True)}\n"
    )


def main(argv: list[str]) -> int:
    if "--keras2" in argv:
        print(json.dumps(record(2)))
        return 0
    child = subprocess.run(
        [sys.executable, __file__, "--keras2"], capture_output=True, text=True, env={**os.environ, "PYTHONHASHSEED": "0"}
    )
    if child.returncode != 0:
        print(child.stderr[-3000:], file=sys.stderr)
        return 1
    keras2 = json.loads(child.stdout.strip().splitlines()[-1])
    return write_or_check(OUTPUT, knowledge_text(record(3), keras2), argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
