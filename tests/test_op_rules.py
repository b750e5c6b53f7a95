"""Every ``keras.ops`` case recorded from real Keras (tests/oracle/op_cases.py) through the engine.

Each case is driven as the front-end drives ``keras.ops.<function>(...)`` on symbolic tensors:
the call is bound to the function's recorded signature (``OpFunction.call_parts``) and the
operation created with ``Session.operation``; then its output shape(s), the names taken and
the dtype are compared with ``fixtures/ops/*.json``.  No expected number is typed here.
"""

from __future__ import annotations

import collections
import json
import re
import sys
from pathlib import Path
from typing import Any

import pytest

from conftest import shape_agrees as agrees
from conftest import with_argument
from kerascheck.engine.dims import UNKNOWN, format_output, is_known, partial_shape
from kerascheck.engine.operations import NOT_CREATED, OP_RULES, OPS_FUNCTIONS, UNBOUND
from kerascheck.engine.ops.creation import CREATED_ARRAYS, created_array
from kerascheck.engine.runtime import ArrayData, KerasTensor, Session

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures" / "ops"
sys.path.insert(0, str(ROOT / "tests" / "oracle"))

from op_cases import FUNCTION_SOURCES, from_json  # noqa: E402  (one decoder for the recorder and the tests)


def _load() -> list[dict]:
    cases: list[dict] = []
    for path in sorted(FIXTURES.glob("*.json")):
        cases.extend(json.loads(path.read_text())["cases"])
    return cases


ALL_CASES = _load()
# keras.random functions create no operation (test_op_coverage.py checks it): not engine cases.
CASES = [c for c in ALL_CASES if not c["function"].startswith("random.")]


class PythonFunction:
    """A Python function argument (``keras.ops.map``'s ``f``): opaque to the engine."""

    def __init__(self, name: str, closure: list) -> None:
        self.name, self.closure = name, closure


def traced(case: dict) -> bool:
    """A case with a Python function argument that the operation traces (``keras.ops.map``'s ``f``):
    the front-end, which runs the analysed code, traces it; the engine alone leaves it unknown."""
    function = OPS_FUNCTIONS[case["function"]]
    rule = OP_RULES.get(function.op_class) if function.op_class else None
    text = repr([case["args"], case["kwargs"]])
    # (a variant with an argument made unknown, which source cannot write, stays with the engine)
    return hasattr(rule, "traced_functions") and "'function'" in text and "UNKNOWN" not in text and "?" not in text


class _Source(str):
    """Python source for a value of a case (a tensor's variable, a function's text)."""


def _source(value: Any) -> str:
    if isinstance(value, _Source):
        return value
    if isinstance(value, tuple):
        return "(" + "".join(f"{_source(v)}, " for v in value) + ")"
    if isinstance(value, list):
        return "[" + ", ".join(_source(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k!r}: {_source(v)}" for k, v in value.items()) + "}"
    return repr(value)


def case_source(case: dict) -> str:
    """The case as a file kerascheck analyses: the inputs, then ``result = keras.ops.<function>(...)``
    with the Python functions written out (``op_cases.FUNCTION_SOURCES``, the recorder's own)."""

    def function(name: str, closure: list) -> _Source:
        return _Source(FUNCTION_SOURCES[name].format(*(_source(v) for v in closure)))

    decode = lambda v: from_json(v, lambda i: _Source(f"t{i}"), None, function)  # noqa: E731
    arguments = [_source(decode(v)) for v in case["args"]]
    arguments += [f"{key}={_source(decode(value))}" for key, value in case["kwargs"].items()]
    lines = ["import keras"]
    lines += [f"t{i} = keras.Input(batch_shape={tuple(s)!r}, dtype={d!r})"
              for i, (s, d) in enumerate(zip(case["inputs"], case["dtypes"]))]
    lines.append(f"result = keras.ops.{case['function']}({', '.join(arguments)})")
    return "\n".join(lines) + "\n"


def run_case(case: dict, shapes: list | None = None) -> tuple[Session, Any]:
    """The engine's result for ``case`` (on ``shapes`` instead of the recorded input shapes):
    its session, and the call's result (UNKNOWN where no operation is made).  A case whose
    operation traces a Python function runs through the front-end (:func:`case_source`), on
    the recorded shapes."""
    if shapes is None and traced(case):
        import libcst as cst

        from kerascheck.frontend.interpreter import Interpreter

        interpreter = Interpreter(Session(3))
        interpreter.run_module(cst.parse_module(case_source(case)))
        return interpreter.session, interpreter.main_scope.names.get("result", UNKNOWN)
    session = Session()
    tensors = [
        session.input([], {"batch_shape": shape, "dtype": dtype}, None)
        for shape, dtype in zip(shapes or [tuple(s) for s in case["inputs"]], case["dtypes"])
    ]

    def tensor(index: int) -> Any:
        return tensors[index]

    def array(shape: tuple, dtype: str) -> Any:
        return ArrayData(shape)

    args = from_json(case["args"], tensor, array, PythonFunction)
    kwargs = {k: from_json(v, tensor, array, PythonFunction) for k, v in case["kwargs"].items()}
    function = OPS_FUNCTIONS[case["function"]]
    if function.op_class is None:
        return session, UNKNOWN
    parts = function.call_parts(args, kwargs, lambda v: isinstance(v, KerasTensor))
    if parts in (UNBOUND, NOT_CREATED):
        return session, UNKNOWN
    operands, config = parts
    return session, session.operation(function.op_class, operands, config, None)


def describe(case: dict) -> str:
    call = f"keras.ops.{case['function']}(*{case['args']}, **{case['kwargs']}) on {case['inputs']}"
    if "error" in case:
        return f"{call}: Keras raises {case['error_type']}: {case['error']}"
    return f"{call}: Keras gives {case.get('output_shape', case.get('output_shapes', case.get('value')))}"


def expected_output(case: dict) -> Any:
    if "output_shape" in case:
        return tuple(case["output_shape"])
    return [tuple(s) for s in case["output_shapes"]]


def predicted_output(output: Any) -> Any:
    if isinstance(output, list):
        return [t.shape if isinstance(t, KerasTensor) else UNKNOWN for t in output]
    return output.shape if isinstance(output, KerasTensor) else UNKNOWN


def name_counts(names: list[str]) -> collections.Counter:
    """The name counters a list of generated names advanced (``get_item``, ``get_item_1``: twice)."""
    bases: list[str] = []
    for name in names:
        match = re.fullmatch(r"(.+)_(\d+)", name)
        bases.append(match.group(1) if match and match.group(1) in bases else name)
    return collections.Counter(bases)


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_op_case(case: dict) -> None:
    """Exactly Keras's output, names and dtype; an error where Keras raises.  A function that
    creates no operation makes nothing; a case ``unmodelled`` (for the reason it gives) only has to
    agree with Keras and stay silent."""
    session, output = run_case(case)
    messages = [f"{e.kind}: {e.message}" for e in session.errors]
    creates = OPS_FUNCTIONS[case["function"]].op_class is not None
    if not creates:
        assert not session.errors and output is UNKNOWN, f"engine made {output!r}, {messages}; {describe(case)}"
        assert set(session.name_uids) <= {"input_layer"}, describe(case)
        return
    if "error" in case:
        if "unmodelled" not in case:
            assert session.errors, f"engine reported no error; {describe(case)}"
        return
    assert not session.errors, f"engine reported {messages}; {describe(case)}"
    if "value" in case:
        return  # not a tensor: the call makes no operation Keras could name
    predicted, expected = predicted_output(output), expected_output(case)
    if "unmodelled" in case:
        assert agrees(predicted, expected), f"engine gave {format_output(predicted)}; {describe(case)}"
        return
    assert is_known(predicted), f"engine gave {format_output(predicted)}; {describe(case)}"
    assert predicted == expected, f"engine gave {format_output(predicted)}; {describe(case)}"
    taken = collections.Counter({k: v for k, v in session.name_uids.items() if k != "input_layer"})
    assert taken == name_counts(case["names"]), f"engine named {dict(taken)}; Keras {case['names']}; {describe(case)}"
    outputs = output if isinstance(output, list) else [output]
    for tensor, dtype in zip(outputs, case["output_dtypes"]):
        if tensor.dtype is not UNKNOWN:
            assert tensor.dtype == dtype, f"engine's dtype {tensor.dtype}, Keras's {dtype}; {describe(case)}"


# ------------------------------------------------------------------ unknown input shapes
# The same cases with what kerascheck knows of the inputs taken away: every dimension but the
# first, the rank (only the first dimension known, or the first and the last), or everything.
# Whatever the rule still computes must be what Keras computed, and a call Keras accepted must
# never be reported.

VARIANTS = ("dims", "rank", "rank, last known", "all")


def _variant(shape: tuple, which: str) -> Any:
    if which == "dims":
        return shape[:1] + (UNKNOWN,) * (len(shape) - 1)
    if which == "rank":
        return partial_shape(shape[:1], ())
    if which == "rank, last known":
        return partial_shape(shape[:1], shape[-1:] if len(shape) > 1 else ())
    return UNKNOWN


VALID = [c for c in CASES if "error" not in c and "value" not in c]
UNKNOWN_SHAPE_CASES = [(case, which) for case in VALID for which in VARIANTS]


@pytest.mark.parametrize(
    ("case", "which"), UNKNOWN_SHAPE_CASES, ids=[f"{c['id']}-{w.replace(', ', '-')}" for c, w in UNKNOWN_SHAPE_CASES]
)
def test_op_case_on_inputs_of_unknown_shape(case: dict, which: str) -> None:
    session, output = run_case(case, [_variant(tuple(s), which) for s in case["inputs"]])
    messages = [f"{e.kind}: {e.message}" for e in session.errors]
    assert not session.errors, f"engine reported {messages} with {which} unknown; {describe(case)}"
    predicted = predicted_output(output)
    assert agrees(predicted, expected_output(case)), (
        f"engine gave {format_output(predicted)} with {which} unknown; {describe(case)}"
    )


# ------------------------------------------------------------------ unknown arguments
# The same cases with one argument that is not a tensor (or one element of it) unknown, as the
# front-end passes a value it cannot resolve: no error Keras does not raise, and whatever the rule
# still computes is what Keras computed.


def _unknown_variants(value: Any, path: str) -> list[tuple[str, Any]]:
    if isinstance(value, dict) and ("tensor" in value or "array" in value or "function" in value):
        return []
    variants = [(path, "UNKNOWN")]
    items = value["tuple"] if isinstance(value, dict) and "tuple" in value else value
    if isinstance(items, list):
        for i, item in enumerate(items):
            if isinstance(item, dict) and "tensor" in item:
                continue
            changed = items[:i] + ["UNKNOWN"] + items[i + 1:]
            variants.append((f"{path}[{i}]", {"tuple": changed} if isinstance(value, dict) else changed))
    return variants


def unknown_argument_variants(case: dict) -> list[tuple[str, dict]]:
    keys = [(f"args[{i}]", value) for i, value in enumerate(case["args"])] + list(case["kwargs"].items())
    return [
        (where, with_argument(case, key, new)) for key, value in keys for where, new in _unknown_variants(value, key)
    ]


def _unknowns(value: Any) -> Any:
    """The JSON form with the marker "UNKNOWN" made the engine's UNKNOWN."""
    if value == "UNKNOWN":
        return UNKNOWN
    if isinstance(value, list):
        return [_unknowns(v) for v in value]
    if isinstance(value, dict):
        return {k: _unknowns(v) for k, v in value.items()}
    return value


UNKNOWN_ARGUMENT_CASES = [c for c in VALID if "unmodelled" not in c and unknown_argument_variants(c)]


@pytest.mark.parametrize("case", UNKNOWN_ARGUMENT_CASES, ids=[c["id"] for c in UNKNOWN_ARGUMENT_CASES])
def test_unknown_arguments_never_contradict_keras(case: dict) -> None:
    for where, variant in unknown_argument_variants(case):
        variant = {**variant, "args": _unknowns(variant["args"]), "kwargs": _unknowns(variant["kwargs"])}
        session, output = run_case(variant)
        context = f"with {where} unknown; {describe(case)}"
        assert not session.errors, f"engine reported {[e.message for e in session.errors]} {context}"
        predicted = predicted_output(output)
        assert agrees(predicted, expected_output(case)), f"engine gave {format_output(predicted)} {context}"


# ------------------------------------------------------------------ robustness
# Odd literal arguments (which Keras rejects one way or another) come out of the engine as a
# reported error or an unknown result, never as a Python exception.

ODD_VALUES: list[Any] = [None, "x", "", 2.5, -1, 0, True, [], [1, 2, 3], [None], [-1], {"dict": {"a": 1}},
                         [[1, 2], 3], {"tuple": [0, 0, 0, 0, 0]}]


def _odd_targets() -> dict[str, list[tuple[dict, str]]]:
    """Per function: for every argument that is not a tensor, the first valid case passing it."""
    targets: dict[str, dict[str, dict]] = {}
    for c in VALID:
        per_function = targets.setdefault(c["function"], {})
        for key, value in c["kwargs"].items():
            if not (isinstance(value, dict) and "tensor" in value):
                per_function.setdefault(key, c)
        for index, value in enumerate(c["args"]):
            if not (isinstance(value, dict) and "tensor" in value):
                per_function.setdefault(f"args[{index}]", c)
    return {function: [(c, key) for key, c in keys.items()] for function, keys in targets.items() if keys}


ODD_TARGETS = _odd_targets()


@pytest.mark.parametrize("function", sorted(ODD_TARGETS))
def test_odd_arguments_never_crash_the_engine(function: str) -> None:
    for case, key in ODD_TARGETS[function]:
        for odd in ODD_VALUES:
            run_case(with_argument(case, key, odd))


# ---------------------------------------------------------------------------------------------
# Functions that make a backend array from Python numbers (``arange``, ``zeros``, ``eye``…): the
# shape and dtype kerascheck gives the array are the ones Keras's array has.
CREATED = [c for c in ALL_CASES if "value_shape" in c and c["function"] in CREATED_ARRAYS]


def test_every_array_making_function_has_recorded_arrays() -> None:
    assert {c["function"] for c in CREATED} == set(CREATED_ARRAYS)


@pytest.mark.parametrize("case", CREATED, ids=[c["id"] for c in CREATED])
def test_created_array_is_the_one_keras_makes(case: dict) -> None:
    def tensor(index: int) -> Any:
        raise AssertionError("an array made from Python numbers has no tensor argument")

    args = from_json(case["args"], tensor, lambda shape, dtype: ArrayData(shape), PythonFunction)
    kwargs = {k: from_json(v, tensor, lambda shape, dtype: ArrayData(shape), PythonFunction) for k, v in case["kwargs"].items()}
    bound = OPS_FUNCTIONS[case["function"]].bind(args, kwargs)
    made = created_array(case["function"], bound)
    if made is None:  # not followed: only where an argument is not an int where Keras takes one
        assert any(type(v) is float for v in args) and case["function"] in ("eye", "identity", "tri"), describe(case)
        return
    assert made == (tuple(case["value_shape"]), case["value_dtype"]), describe(case)
