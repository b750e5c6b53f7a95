"""Every public Keras layer class has a verified rule, or a stated reason why not.

The coverage table ``docs/layers.md`` is generated from the rules and the recorded
layer cases (``fixtures/layers/*.json``); regenerate it with::

    python3 tests/test_layer_coverage.py
"""

from __future__ import annotations

import collections
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kerascheck.engine import runtime as _runtime  # noqa: E402,F401  (registers every rule)
from kerascheck.engine.layer import RULES  # noqa: E402
from kerascheck.knowledge import keras2, keras_api  # noqa: E402

FIXTURES = ROOT / "fixtures" / "layers"
DOC = ROOT / "docs" / "layers.md"

# Layer classes without a rule of their own, and why.
UNSUPPORTED: dict[str, str] = {
    "InputLayer": "handled by the runtime itself (keras.Input / InputLayer / input_shape=)",
    "Wrapper": "abstract base of TimeDistributed, Bidirectional and SpectralNormalization",
    "JaxLayer": "wraps arbitrary JAX functions: shapes and parameters are those of opaque code",
    "FlaxLayer": "wraps a Flax module: opaque code",
    "TorchModuleWrapper": "wraps a torch.nn.Module: opaque code",
    "TFSMLayer": "loads a TensorFlow SavedModel from disk: unknown statically",
}

# Abstract bases that are not layers a model file instantiates.
ABSTRACT = {"Layer"}

# Known differences from Keras 2 / tf.keras <= 2.15 for the same code (documented, not verified here:
# the oracle runs Keras 3 only).
NOTES: dict[str, str] = {
    "BatchNormalization": "tf.keras 2 accepts a list `axis`; Keras 3 calls `int(axis)`",
    "Embedding": "tf.keras 2 used `input_length` to print `(None, input_length, output_dim)` before the model "
    "was called; Keras 3 ignores it (deprecated)",
    "LayerNormalization": "`rms_scaling` exists only in Keras 3",
    "Lambda": "`output_shape=`, else the function traced on the input as Keras traces it when it is the "
    "file's own (a lambda or a def); otherwise unknown",
    "RNN": "Keras 3 nests a stacked cell's states per cell in `return_state`; kerascheck lists them flat",
    "EinsumDense": "tf.keras < 2.9: `tf.keras.layers.experimental.EinsumDense`",
    "GroupNormalization": "tf.keras >= 2.11 only (TF Addons before)",
    "SpectralNormalization": "Keras 3 only (tf.keras 2 users had TF Addons' `tfa.layers.SpectralNormalization`)",
    "GroupedQueryAttention": "Keras 3 only; public as `keras.layers.GroupQueryAttention`",
    "MultiHeadAttention": "called as `layer(query, value[, key])`: the runtime must pass every tensor argument",
    "RMSNormalization": "Keras 3 only",
    "Rescaling": "tf.keras < 2.6: `tf.keras.layers.experimental.preprocessing`",
    "Resizing": "tf.keras < 2.6: `tf.keras.layers.experimental.preprocessing`",
    "CenterCrop": "tf.keras < 2.6: `tf.keras.layers.experimental.preprocessing`",
    "Normalization": "non-trainable mean, variance and count (2·n + 1) in both Keras 2 and 3",
    "ReversibleEmbedding": "Keras 3 only",
    "AdaptiveAveragePooling1D": "Keras 3 only",
    "AdaptiveAveragePooling2D": "Keras 3 only",
    "AdaptiveAveragePooling3D": "Keras 3 only",
    "AdaptiveMaxPooling1D": "Keras 3 only",
    "AdaptiveMaxPooling2D": "Keras 3 only",
    "AdaptiveMaxPooling3D": "Keras 3 only",
}


def public_layer_classes() -> list[str]:
    """Classes of ``keras.layers`` that are layers and not models (nor abstract bases)."""
    return sorted(
        name
        for name, spec in keras_api.CLASSES.items()
        if not spec.get("is_model") and name not in ABSTRACT and ("Layer" in spec.get("bases", ()) or name == "Layer")
    )


def _nested_layers(value: Any) -> list[str]:
    if isinstance(value, dict) and set(value) == {"layer", "kwargs"}:
        return [value["layer"]] + [n for v in value["kwargs"].values() for n in _nested_layers(v)]
    if isinstance(value, list):
        return [n for v in value for n in _nested_layers(v)]
    return []


def case_counts() -> tuple[dict[str, int], dict[str, int], dict[str, str]]:
    """Per class: recorded cases of its own, cases where it is an argument (a wrapped layer, a
    cell), and the fixture module it is recorded in."""
    direct: dict[str, int] = collections.Counter()
    nested: dict[str, int] = collections.Counter()
    modules: dict[str, str] = {}
    for path in sorted(FIXTURES.glob("*.json")):
        for case in json.loads(path.read_text())["cases"]:
            direct[case["layer"]] += 1
            modules.setdefault(case["layer"], path.stem)
            inner = set()
            for value in list(case["args"]) + list(case["kwargs"].values()):
                inner.update(_nested_layers(value))
            for name in inner:
                nested[name] += 1
    return dict(direct), dict(nested), modules


def keras2_status(name: str) -> str:
    """What ``--keras-version 2`` does with the layer, from ``knowledge/keras2.py``."""
    if name not in keras2.CASES:
        return "—"
    if name in keras2.MISSING:
        return "not in Keras 2"
    total, agree = keras2.CASES[name]
    errors = "" if name in keras2.ERRORS_AGREE else "; raises on other cases"
    if name in keras2.SAME:
        return f"same ({agree}/{total}){errors}"
    if name in keras2.SAME_WITH_STATIC_DIMS:
        return f"same unless an input has a `None` non-batch dim ({agree}/{total}){errors}"
    if name in keras2.SAME_WITHOUT_ARGUMENTS:
        arguments = ", ".join(f"`{a}`" for a in keras2.SAME_WITHOUT_ARGUMENTS[name])
        return f"same unless {arguments} is given ({agree}/{total}){errors}"
    return f"differs: unknown ({agree}/{total})"


def coverage_table() -> str:
    """The text of ``docs/layers.md``."""
    direct, nested, _ = case_counts()
    classes = public_layer_classes()
    aliases: dict[str, list[str]] = collections.defaultdict(list)
    for symbol, target in keras_api.SYMBOLS.items():
        short = symbol.rsplit(".", 1)[-1]
        if symbol.startswith("keras.layers.") and short != target:
            aliases[target].append(short)
    lines = [
        "# Layer coverage",
        "",
        "<!-- Generated by tests/test_layer_coverage.py (`python3 tests/test_layer_coverage.py`); do not edit. -->",
        "",
        f"Every public layer class of `keras.layers` in Keras {keras_api.KERAS_VERSION}, the kerascheck rule "
        "that predicts its output shape and parameter counts, and how many configurations recorded from real "
        "Keras (`tests/oracle/layer_cases.py`, `fixtures/layers/`) prove it: *cases* call the layer itself, "
        "*as argument* counts cases where it is wrapped or used as a cell (TimeDistributed, Bidirectional, "
        "RNN, SpectralNormalization, Pipeline).  Every case is checked by `tests/test_layer_rules.py`, also with each "
        "argument and input dimension made unknown.",
        "",
        f"*Keras 2* is what `--keras-version 2` does with the layer: every case above was run in Keras 2 too "
        f"(tf-keras {keras2.KERAS2_VERSION}, `tests/oracle/layer_cases_keras2.py`, `fixtures/layers_keras2/`); "
        "*same* means both versions build the same shapes and counts on every case where both build "
        "(the count in brackets: cases where they also agree on raising or not); where Keras 2 differs, "
        "the layer is unknown under `--keras-version 2`, and diagnostics are reported only for layers "
        "whose errors were recorded to agree.  *Notes* are further documented differences.",
        "",
        f"Total: {sum(direct.values())} recorded cases; "
        f"{sum(1 for c in classes if c in RULES and direct.get(c, 0) + nested.get(c, 0))} of {len(classes)} "
        "classes covered.",
        "",
        "| Layer class | Rule module | Cases | As argument | Keras 2 | Notes |",
        "|---|---|---:|---:|---|---|",
    ]
    for name in classes:
        rule = RULES.get(name)
        module = rule.__module__.rsplit(".", 1)[-1] if rule is not None else "—"
        notes = []
        if aliases.get(name):
            notes.append("alias " + ", ".join(f"`{a}`" for a in sorted(aliases[name])))
        if name in UNSUPPORTED:
            notes.append(f"**unsupported**: {UNSUPPORTED[name]}")
        if name in NOTES:
            notes.append(NOTES[name])
        lines.append(
            f"| `{name}` | {module} | {direct.get(name, 0)} | {nested.get(name, 0)} | {keras2_status(name)} "
            f"| {'; '.join(notes)} |"
        )
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------- tests


def test_every_public_layer_is_covered_or_unsupported() -> None:
    direct, nested, _ = case_counts()
    missing = []
    for name in public_layer_classes():
        if name in UNSUPPORTED:
            continue
        if name not in RULES or direct.get(name, 0) + nested.get(name, 0) == 0:
            missing.append(name)
    assert not missing, f"layer classes with neither a verified rule nor an UNSUPPORTED reason: {missing}"


def test_unsupported_lists_only_real_uncovered_classes() -> None:
    classes = set(public_layer_classes())
    assert set(UNSUPPORTED) <= classes
    direct, _, _ = case_counts()
    assert not [n for n in UNSUPPORTED if direct.get(n)], "a class with recorded cases is listed as unsupported"


def test_enough_recorded_cases() -> None:
    """At least 30 cases per fixture module, 2,000 in all."""
    total = 0
    for path in sorted(FIXTURES.glob("*.json")):
        n = len(json.loads(path.read_text())["cases"])
        assert n >= 30, path.name
        total += n
    assert total >= 2000


def test_docs_table_is_current() -> None:
    assert DOC.exists(), "docs/layers.md is missing: run python3 tests/test_layer_coverage.py"
    assert DOC.read_text() == coverage_table(), "docs/layers.md is stale: run python3 tests/test_layer_coverage.py"


if __name__ == "__main__":
    DOC.parent.mkdir(parents=True, exist_ok=True)
    DOC.write_text(coverage_table())
    print(f"wrote {DOC}")
