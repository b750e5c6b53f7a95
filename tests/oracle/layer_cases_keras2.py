"""Run every recorded Keras 3 layer case in Keras 2 (tf-keras) and record what it does.

The cases are those of ``fixtures/layers/<module>.json`` (written by ``layer_cases.py``
from Keras 3.15).  Each is built again with ``tf_keras`` (Keras 2 as TensorFlow ≤ 2.15
shipped it, kept alive as the ``tf-keras`` package) and called on ``tf_keras.Input``\\ s.
``fixtures/layers_keras2/<module>.json`` keeps, per case id, Keras 2's output shape and
parameter counts, or the error it raised (its type, and its message as
:func:`recording.keras2_message` cleans it: what ``--keras-version 2`` quotes), or
``"missing": true`` when Keras 2 has no such layer.

``kerascheck/knowledge/keras2.py`` is generated from the two records: a layer class is
*verified* for ``--keras-version 2`` when every one of its cases gives the same output
shape and counts in both versions (or raises in both).  Only verified classes keep their
rules under ``--keras-version 2``; any other layer is unknown there, never guessed.

Run with the oracle interpreter (it needs ``tf-keras``)::

    /opt/oracle/bin/python tests/oracle/layer_cases_keras2.py          # rewrite
    /opt/oracle/bin/python tests/oracle/layer_cases_keras2.py --check  # compare
"""

from __future__ import annotations

import json
import os
import sys
import warnings
from collections import defaultdict
from pathlib import Path
from typing import Any

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

ROOT = Path(__file__).resolve().parents[2]
KERAS3 = ROOT / "fixtures" / "layers"
KERAS2 = ROOT / "fixtures" / "layers_keras2"
KNOWLEDGE = ROOT / "kerascheck" / "knowledge" / "keras2.py"

sys.path.insert(0, str(Path(__file__).resolve().parent))
from layer_cases import IDENTITY, from_json  # noqa: E402  (the cases' own encoding; no Keras imported)
from recording import in_shard, keras2_message, shard_of  # noqa: E402  (shared with record_keras2.py; no Keras)


def layer_class(keras: Any, name: str) -> Any:
    if hasattr(keras.layers, name):
        return getattr(keras.layers, name)
    for value in vars(keras.layers).values():
        if getattr(value, "__name__", None) == name:
            return value
    return None


def run_case(keras: Any, spec: dict) -> dict:
    keras.backend.clear_session()
    lists = spec["lists"]
    result: dict[str, Any] = {"id": spec["id"], "layer": spec["layer"]}

    def make(value: Any) -> Any:
        if isinstance(value, dict) and set(value) == {"layer", "kwargs"}:
            cls = layer_class(keras, value["layer"])
            if cls is None:
                raise LookupError(value["layer"])
            return cls(**{k: make(v) for k, v in value["kwargs"].items()})
        if value == IDENTITY:
            return lambda x: x
        if isinstance(value, list) and any(isinstance(v, dict) and set(v) == {"layer", "kwargs"} for v in value):
            items = [make(v) for v in value]
            return items if lists else tuple(items)
        return from_json(value, lists)

    cls = layer_class(keras, spec["layer"])
    if cls is None:
        result["missing"] = True
        return result
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            layer = cls(*[make(a) for a in spec["args"]], **{k: make(v) for k, v in spec["kwargs"].items()})
        except LookupError:
            result["missing"] = True
            return result
        except Exception as err:  # noqa: BLE001  (the oracle records whatever Keras raises)
            result.update(error=keras2_message(str(err)), error_type=type(err).__name__, error_stage="init")
            return result
        try:
            inputs = [keras.Input(batch_shape=tuple(s)) for s in spec["input_shapes"]]
            if spec.get("positional"):
                out = layer(*inputs)
            else:
                out = layer(inputs if spec["list_input"] else inputs[0])
        except Exception as err:  # noqa: BLE001
            result.update(error=keras2_message(str(err)), error_type=type(err).__name__, error_stage="call")
            return result
        import tensorflow as tf

        flat = tf.nest.flatten(out) if isinstance(out, (list, tuple)) else None
        if flat is not None:
            result["output_shape"] = [list(t.shape) for t in flat]
        else:
            result["output_shape"] = list(out.shape)
        result["trainable_params"] = count(layer.trainable_weights)
        result["non_trainable_params"] = count(layer.non_trainable_weights)
        result["bytes"] = memory(layer.weights)
    return result


def memory(weights: list) -> int | None:
    """Bytes of the weights, as ``summary()`` sizes them (each weight's dtype)."""
    import numpy as np

    shaped = [w for w in weights if hasattr(w, "shape")]
    if any(d is None for w in shaped for d in w.shape):
        return None
    return int(sum(np.prod(list(w.shape), dtype=int) * w.dtype.size for w in shaped))


def count(weights: list) -> int | None:
    """The number of scalars in ``weights``; None where a weight's shape is not fully defined."""
    import numpy as np

    shapes = [list(w.shape) for w in weights if hasattr(w, "shape")]  # as count_params skips lookup tables
    if any(d is None for shape in shapes for d in shape):
        return None
    return int(sum(np.prod(shape, dtype=int) for shape in shapes))


def record_module(keras: Any, path: Path) -> str:
    cases = json.loads(path.read_text())["cases"]
    lines = [json.dumps(run_case(keras, spec), sort_keys=True) for spec in cases]
    return (
        "{\n"
        f'"keras_version": {json.dumps(keras.__version__)},\n'
        f'"module": {json.dumps(path.stem)},\n'
        '"cases": [\n' + ",\n".join(lines) + "\n]\n}\n"
    )


def builds(record: dict) -> bool:
    return "error_type" not in record and not record.get("missing")


def same_result(keras3: dict, keras2: dict) -> bool:
    return all(keras3[k] == keras2[k] for k in ("output_shape", "trainable_params", "non_trainable_params"))


def has_dynamic_dims(case: dict) -> bool:
    """An input with a None dimension other than the batch axis."""
    return any(d is None for shape in case["input_shapes"] for d in shape[1:])


def knowledge_text() -> str:
    """``kerascheck/knowledge/keras2.py``, from the Keras 3 and Keras 2 records.

    Per layer class: does Keras 2 have it; do both versions raise on the same cases
    (then the engine's errors for it are Keras 2's too); and where both build, do they
    give the same shapes and counts -- always, always except when an input has a
    dynamic non-batch dimension, always except when one of some arguments is passed,
    or not (then the layer is unknown under ``--keras-version 2``).
    """
    cases: dict[str, list[tuple[dict, dict]]] = defaultdict(list)
    version = None
    for path in sorted(KERAS3.glob("*.json")):
        keras2_path = KERAS2 / path.name
        if not keras2_path.exists():
            continue
        keras2_record = json.loads(keras2_path.read_text())
        version = keras2_record["keras_version"]
        keras2_cases = {c["id"]: c for c in keras2_record["cases"]}
        for case in json.loads(path.read_text())["cases"]:
            cases[case["layer"]].append((case, keras2_cases[case["id"]]))
    missing, errors_agree, same, dynamic, by_argument, differs = set(), set(), set(), set(), {}, set()
    not_float32 = {
        name
        for name, pairs in cases.items()
        for _, k2 in pairs
        if builds(k2) and k2.get("bytes") is not None and k2["trainable_params"] is not None
        and k2["non_trainable_params"] is not None
        and k2["bytes"] != 4 * (k2["trainable_params"] + k2["non_trainable_params"])
    }
    for name, pairs in cases.items():
        if any(k2.get("missing") for _, k2 in pairs):
            missing.add(name)
            continue
        if all(builds(k3) == builds(k2) for k3, k2 in pairs):
            errors_agree.add(name)
        both = [(k3, k2) for k3, k2 in pairs if builds(k3) and builds(k2)]
        different = [k3 for k3, k2 in both if not same_result(k3, k2)]
        agreeing = [k3 for k3, k2 in both if same_result(k3, k2)]
        if not different:
            same.add(name)
        elif all(has_dynamic_dims(c) for c in different):
            dynamic.add(name)
        else:
            keys = set.intersection(*(set(c["kwargs"]) for c in different)) - set().union(
                *(set(c["kwargs"]) for c in agreeing)
            )
            if keys:
                by_argument[name] = tuple(sorted(keys))
            else:
                differs.add(name)

    def frozen(title: list[str], names: set[str]) -> list[str]:
        return [*title, "frozenset({", *(f"    {n!r}," for n in sorted(names)), "})", ""]

    lines = [
        '"""What Keras 2 (tf-keras) does with each layer, as recorded by tests/oracle/layer_cases_keras2.py.',
        "",
        "Generated; do not edit.  Each layer case recorded from Keras 3 (fixtures/layers) was run",
        "in Keras 2 too (fixtures/layers_keras2).",
        '"""',
        "",
        f"KERAS2_VERSION = {version!r}",
        "",
        "# Layer class: (cases, cases where both versions build the same shapes and counts or both raise).",
        "CASES = {",
        *(
            f"    {n!r}: ({len(p)}, {sum((builds(a) and builds(b) and same_result(a, b)) or (not builds(a) and not builds(b) and not b.get('missing')) for a, b in p)}),"
            for n, p in sorted(cases.items())
        ),
        "}",
        "",
        *frozen(["# Keras 2 has no such layer.", "MISSING = "], missing),
        *frozen(["# Both versions raise on the same cases.", "ERRORS_AGREE = "], errors_agree),
        *frozen(["# Where both build, the same shapes and counts.", "SAME = "], same),
        *frozen(
            ["# The same, except when an input has a dynamic (None) non-batch dimension.", "SAME_WITH_STATIC_DIMS = "],
            dynamic,
        ),
        "# The same, except when one of these arguments is passed.",
        "SAME_WITHOUT_ARGUMENTS = {",
        *(f"    {n!r}: {by_argument[n]!r}," for n in sorted(by_argument)),
        "}",
        "",
        *frozen(["# Keras 2 computes other shapes or counts for valid arguments.", "DIFFERS = "], differs),
        *frozen(
            ["# Keras 2 gives some of their weights another dtype than float32: sizes in bytes differ.",
             "WEIGHTS_NOT_FLOAT32 = "],
            not_float32,
        ),
    ]
    return "\n".join(lines).replace("= \nfrozenset", "= frozenset")


def main(argv: list[str]) -> int:
    import tf_keras as keras

    check = "--check" in argv
    shard = shard_of(argv) if check else (1, 1)
    status = 0
    KERAS2.mkdir(parents=True, exist_ok=True)
    for index, path in enumerate(sorted(KERAS3.glob("*.json"))):
        if not in_shard(index, shard):
            continue
        text = record_module(keras, path)
        target = KERAS2 / path.name
        if check:
            if not target.exists() or target.read_text() != text:
                print(f"{target} differs from what Keras 2 records now", file=sys.stderr)
                status = 1
        else:
            target.write_text(text)
            print(f"wrote {target}")
    knowledge = knowledge_text()
    if check:
        if KNOWLEDGE.read_text() != knowledge:
            print(f"{KNOWLEDGE} differs from what the records give", file=sys.stderr)
            status = 1
    else:
        KNOWLEDGE.write_text(knowledge)
        print(f"wrote {KNOWLEDGE}")
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
