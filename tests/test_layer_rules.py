"""Every layer case recorded from real Keras (tests/oracle/layer_cases.py) through the engine.

Each case is driven exactly as the front-end drives a model file: create the
layer, create the inputs, call the layer, then read the output shape(s) and the
trainable / non-trainable parameter counts.  Every expected number comes from
``fixtures/layers/*.json``; none is typed here.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from conftest import shape_agrees as agrees
from conftest import with_argument
from kerascheck.engine.dims import UNKNOWN, format_output, is_known, partial_shape
from kerascheck.engine.runtime import KerasTensor, Layer, Session

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "layers"


def _load() -> list[dict]:
    cases: list[dict] = []
    for path in sorted(FIXTURES.glob("*.json")):
        cases.extend(json.loads(path.read_text())["cases"])
    return cases


CASES = _load()


def from_json(value: Any, lists: bool) -> Any:
    """The value Keras received when the case was recorded (tuples unless ``lists``)."""
    if isinstance(value, list):
        items = [from_json(v, lists) for v in value]
        return items if lists else tuple(items)
    if isinstance(value, dict):
        return {k: from_json(v, lists) for k, v in value.items()}
    return value


def build_argument(session: Session, value: Any, lists: bool) -> Any:
    """A nested ``{"layer": ..., "kwargs": ...}`` is a layer created first (Bidirectional, RNN cells…)."""
    if isinstance(value, dict) and set(value) == {"layer", "kwargs"}:
        kwargs = {k: build_argument(session, v, lists) for k, v in value["kwargs"].items()}
        return session.create_layer(value["layer"], [], kwargs, origin=None)
    if isinstance(value, dict) and set(value) == {"function"}:
        return UNKNOWN  # a Python function (Lambda's): opaque to kerascheck
    if isinstance(value, list) and any(isinstance(v, dict) and set(v) == {"layer", "kwargs"} for v in value):
        items = [build_argument(session, v, lists) for v in value]  # a list of cells
        return items if lists else tuple(items)
    return from_json(value, lists)


def run_case(case: dict) -> tuple[Session, Any, Any]:
    """Create, then call; ``session.init_errors`` counts the errors of the construction."""
    session = Session()
    lists = case["lists"]
    before = len(session.errors)  # constructing a layer argument (a cell…) counts as construction too
    args = [build_argument(session, a, lists) for a in case["args"]]
    kwargs = {k: build_argument(session, v, lists) for k, v in case["kwargs"].items()}
    layer = session.create_layer(case["layer"], args, kwargs, origin=None)
    session.init_errors = len(session.errors) - before  # type: ignore[attr-defined]
    tensors = [session.input([], {"batch_shape": tuple(shape)}, None) for shape in case["input_shapes"]]
    output: Any = UNKNOWN
    if isinstance(layer, Layer):
        # layer(q, v, k) reaches the rule as a list of shapes, as layer([q, v, k]) does.
        several = case["list_input"] or case.get("positional", False)
        output = session.call(layer, tensors if several else tensors[0], None)
    return session, layer, output


def describe(case: dict) -> str:
    call = f"{case['layer']}(*{case['args']}, **{case['kwargs']}) on {case['input_shapes']}"
    if "error" in case:
        return f"{call}: Keras raises {case['error_type']} at {case['error_stage']}: {case['error']}"
    return f"{call}: Keras gives {case['output_shape']}"


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_layer_case(case: dict) -> None:
    session, layer, output = run_case(case)
    messages = [f"{e.kind}: {e.message}" for e in session.errors]
    if "error" in case:
        assert session.errors, f"engine reported no error; {describe(case)}"
        # Reported where Keras raises: at the constructor, or at the call.
        stage = "init" if session.init_errors else "call"
        assert stage == case["error_stage"], f"engine reported {messages} at {stage}; {describe(case)}"
        return
    assert not session.errors, f"engine reported {messages}; {describe(case)}"
    assert isinstance(layer, Layer)

    expected = case["output_shape"]
    if expected and isinstance(expected[0], list):
        assert isinstance(output, list), f"engine gave {output!r}; {describe(case)}"
        shapes = [t.shape for t in output]
        want: Any = [tuple(s) for s in expected]
    else:
        assert isinstance(output, KerasTensor), f"engine gave {output!r}; {describe(case)}"
        shapes = output.shape
        want = tuple(expected)
    assert is_known(shapes), f"engine gave {format_output(shapes)}; {describe(case)}"
    assert shapes == want, f"engine gave {format_output(shapes)}; {describe(case)}"

    assert layer.weights_resolved(), f"weights unresolved: {layer.weights}; {describe(case)}"
    trainable = sum(w.count for w in layer.trainable_weight_list())
    non_trainable = sum(w.count for w in layer.non_trainable_weight_list())
    assert (trainable, non_trainable) == (case["trainable_params"], case["non_trainable_params"]), (
        f"engine counted {trainable} trainable / {non_trainable} non-trainable "
        f"({layer.weights}); Keras: {case['trainable_params']} / {case['non_trainable_params']}; {describe(case)}"
    )


def test_every_family_has_cases() -> None:
    """At least 20 recorded cases per rule module."""
    for path in sorted(FIXTURES.glob("*.json")):
        data = json.loads(path.read_text())
        assert len(data["cases"]) >= 20, path.name


# --------------------------------------------------------------------------- never guess
#
# Whatever argument or input dimension kerascheck cannot resolve, it must not
# contradict Keras: no error Keras does not raise, and every dimension or count it
# does give equals the recording.


def _unknown_variants(value: Any, path: str) -> list[tuple[str, Any]]:
    """Copies of ``value`` with one argument (or one element of one) made UNKNOWN."""
    variants: list[tuple[str, Any]] = []
    if isinstance(value, dict) and set(value) == {"layer", "kwargs"}:
        for key, inner in value["kwargs"].items():
            for where, new in _unknown_variants(inner, f"{path}.{key}"):
                variants.append((where, {"layer": value["layer"], "kwargs": {**value["kwargs"], key: new}}))
        return variants
    variants.append((path, UNKNOWN))
    if isinstance(value, list):
        for i in range(len(value)):
            variants.append((f"{path}[{i}]", value[:i] + [UNKNOWN] + value[i + 1 :]))
    return variants


def unknown_variants(case: dict) -> list[tuple[str, dict]]:
    variants = []
    for key, value in case["kwargs"].items():
        for where, new in _unknown_variants(value, key):
            variants.append((where, {**case, "kwargs": {**case["kwargs"], key: new}}))
    for index, value in enumerate(case["args"]):
        for where, new in _unknown_variants(value, f"args[{index}]"):
            args = list(case["args"])
            args[index] = new
            variants.append((where, {**case, "args": args}))
    for n, shape in enumerate(case["input_shapes"]):
        for axis in range(len(shape)):
            shapes = [list(s) for s in case["input_shapes"]]
            shapes[n][axis] = UNKNOWN
            variants.append((f"input {n} axis {axis}", {**case, "input_shapes": shapes}))
    return variants


def _consistent(got: Any, want: Any) -> bool:
    """Every known dim of ``got`` equals ``want`` (a dim, shape or list of shapes)."""
    if got is UNKNOWN:
        return True
    if isinstance(want, list):
        return isinstance(got, (tuple, list)) and len(got) == len(want) and all(
            _consistent(g, w) for g, w in zip(got, want)
        )
    return got == want


VALID = [c for c in CASES if "error" not in c]


@pytest.mark.parametrize("case", VALID, ids=[c["id"] for c in VALID])
def test_unknown_arguments_never_contradict_keras(case: dict) -> None:
    for where, variant in unknown_variants(case):
        session, layer, output = run_case(variant)
        context = f"with {where} unknown; {describe(case)}"
        assert not session.errors, f"engine reported {[e.message for e in session.errors]} {context}"
        if not isinstance(layer, Layer) or isinstance(output, KerasTensor) and output.shape is UNKNOWN:
            continue
        expected = case["output_shape"]
        if isinstance(output, list):
            got: Any = [t.shape for t in output]
        elif isinstance(output, KerasTensor):
            got = output.shape
        else:
            continue
        assert _consistent(got, expected), f"engine gave {format_output(got)} {context}"
        if layer.weights_resolved():
            trainable = sum(w.count for w in layer.trainable_weight_list())
            non_trainable = sum(w.count for w in layer.non_trainable_weight_list())
            assert (trainable, non_trainable) == (case["trainable_params"], case["non_trainable_params"]), context


def test_every_recorded_layer_and_its_aliases_have_a_rule() -> None:
    """Aliases (``MaxPool2D``, ``GlobalAvgPool1D``, …) resolve to the canonical class name."""
    from kerascheck.engine.layer import RULES
    from kerascheck.knowledge import keras_api

    recorded = {c["layer"] for c in CASES}
    assert recorded <= set(RULES)
    aliases = {name: target for name, target in keras_api.SYMBOLS.items() if target in recorded}
    assert all(target in RULES for target in aliases.values())
    assert len(aliases) > len(recorded)  # some classes do have aliases


# --------------------------------------------------------------------------- robustness
#
# Odd literal arguments (which Keras rejects one way or another) must come out of
# the engine as a reported error or an unknown result, never as a Python exception.

ODD_VALUES: list[Any] = [None, "x", "", 2.5, -1, 0, True, [], [1, 2, 3], [None], [-1], {"a": 1}, [[1, 2], 3]]


def _odd_targets() -> dict[str, list[tuple[dict, str]]]:
    """Per layer class: for every argument recorded, the first valid case that passes it."""
    targets: dict[str, dict[str, dict]] = {}
    for c in CASES:
        if "error" in c:
            continue
        per_layer = targets.setdefault(c["layer"], {})
        for key in c["kwargs"]:
            per_layer.setdefault(key, c)
        for index in range(len(c["args"])):
            per_layer.setdefault(f"args[{index}]", c)
    return {layer: [(c, key) for key, c in keys.items()] for layer, keys in targets.items()}


ODD_TARGETS = _odd_targets()


@pytest.mark.parametrize("layer", sorted(ODD_TARGETS))
def test_odd_arguments_never_crash_the_engine(layer: str) -> None:
    for case, key in ODD_TARGETS[layer]:
        for odd in ODD_VALUES:
            run_case(with_argument(case, key, odd))


# ------------------------------------------------------------------ unknown input shapes
# The same cases with what kerascheck knows of each input shape taken away: every dimension
# but the batch axis, the rank (only the batch axis known, or the batch axis and the last
# one), or everything. Whatever the rule still computes must be what Keras computed, and a
# call Keras accepted must never be reported.

def _shape_variants(shape: tuple) -> list[tuple[str, Any]]:
    return [
        ("dims", shape[:1] + (UNKNOWN,) * (len(shape) - 1)),
        ("rank", partial_shape(shape[:1], ())),
        ("rank, last known", partial_shape(shape[:1], shape[-1:]) if len(shape) > 1 else partial_shape(shape[:1], ())),
        ("all", UNKNOWN),
    ]


UNKNOWN_SHAPE_CASES = [
    (case, which) for case in CASES if "error" not in case
    for which in ("dims", "rank", "rank, last known", "all")
]


def _run_with_unknown_inputs(case: dict, which: str) -> tuple[Session, Any, Any]:
    session = Session()
    lists = case["lists"]
    args = [build_argument(session, a, lists) for a in case["args"]]
    kwargs = {k: build_argument(session, v, lists) for k, v in case["kwargs"].items()}
    layer = session.create_layer(case["layer"], args, kwargs, origin=None)
    shapes = [dict(_shape_variants(tuple(shape)))[which] for shape in case["input_shapes"]]
    tensors = [session.input([], {"batch_shape": shape}, None) for shape in shapes]
    output: Any = UNKNOWN
    if isinstance(layer, Layer):
        several = case["list_input"] or case.get("positional", False)
        output = session.call(layer, tensors if several else tensors[0], None)
    return session, layer, output


@pytest.mark.parametrize(
    ("case", "which"), UNKNOWN_SHAPE_CASES, ids=[f"{c['id']}-{w.replace(', ', '-')}" for c, w in UNKNOWN_SHAPE_CASES]
)
def test_layer_case_on_inputs_of_unknown_shape(case: dict, which: str) -> None:
    session, layer, output = _run_with_unknown_inputs(case, which)
    messages = [f"{e.kind}: {e.message}" for e in session.errors]
    assert not session.errors, f"engine reported {messages} with {which} unknown; {describe(case)}"
    expected = case["output_shape"]
    truth: Any = [tuple(s) for s in expected] if expected and isinstance(expected[0], list) else tuple(expected)
    if isinstance(output, list):
        predicted: Any = [t.shape if isinstance(t, KerasTensor) else UNKNOWN for t in output]
    else:
        predicted = output.shape if isinstance(output, KerasTensor) else UNKNOWN
    assert agrees(predicted, truth), f"engine gave {format_output(predicted)} with {which} unknown; {describe(case)}"
    if isinstance(layer, Layer) and layer.weights_resolved():
        trainable = sum(w.count for w in layer.trainable_weight_list())
        non_trainable = sum(w.count for w in layer.non_trainable_weight_list())
        assert (trainable, non_trainable) == (case["trainable_params"], case["non_trainable_params"]), (
            f"engine counted {trainable} / {non_trainable} with {which} unknown; {describe(case)}"
        )
