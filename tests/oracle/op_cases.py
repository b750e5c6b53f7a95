"""Record what real Keras does for every public ``keras.ops`` function on symbolic tensors.

Each case creates fresh symbolic inputs and calls one function on them::

    inputs = [keras.Input(batch_shape=shape, dtype=dtype) for shape, dtype in ...]
    out = keras.ops.<function>(*args, **kwargs)       # T(i) in args stands for inputs[i]

and records the class and name of the operation that made the output (``operation``,
``name``), the names of every operation the call created (``names``: some create another one
inside their ``compute_output_spec``), and ``output_shape`` (a list of dims; for a function
that returns several tensors, ``output_shapes``, flattened in order) with their ``dtypes``;
or ``error`` and ``error_type`` when Keras raises; or ``value`` (its type; ``value_shape`` and
``value_dtype`` for a backend array) when the function returns something that is not a tensor.
A case may carry ``unmodelled``: why kerascheck does not prove the error Keras raises there (it
then only has to stay silent and unknown).

Beside the fixtures ``fixtures/ops/<family>.json`` (one per kerascheck rule module, held to by
``tests/test_op_rules.py``), the recorder writes ``kerascheck/knowledge/keras_ops.py``: per
function, its signature, the operation class it creates on symbolic tensors and which of its
parameters are passed to that operation's call (its operands: read from Keras's source and
checked against every recorded call), or why it creates none.  That table is what the
front-end binds ``keras.ops.<function>(...)`` calls with.

Arguments are stored as JSON: tuples as ``{"tuple": [...]}``, slices, ``...``, infinities and
NumPy arrays likewise tagged, so that both Keras (here) and the engine (in the test) receive the
same values.

Run with the oracle interpreter::

    KERAS_BACKEND=jax python tests/oracle/op_cases.py          # rewrite
    KERAS_BACKEND=jax python tests/oracle/op_cases.py --check  # compare
"""

from __future__ import annotations

import ast
import inspect
import json
import math
import os
import pprint
import sys
import textwrap
import warnings
from pathlib import Path
from typing import Any

os.environ.setdefault("KERAS_BACKEND", "jax")

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "fixtures" / "ops"
KNOWLEDGE = ROOT / "kerascheck" / "knowledge" / "keras_ops.py"

sys.path.insert(0, str(Path(__file__).resolve().parent))
from op_case_lists import (  # noqa: E402
    FAMILIES,
    NO_OPERATION_REASONS,
    SEQUENCE_OPERANDS,
    TREE_OPERANDS,
    Array,
    Function,
    T,
)
from recording import clean_message, write_or_check  # noqa: E402


# --------------------------------------------------------------------------- JSON values


def to_json(value: Any) -> Any:
    """A Python argument as JSON (see the module docstring)."""
    if isinstance(value, T):
        return {"tensor": value.index}
    if isinstance(value, Array):
        return {"array": list(value.shape), "dtype": value.dtype}
    if isinstance(value, Function):
        return {"function": value.name, "closure": [to_json(v) for v in value.args]}
    if isinstance(value, tuple):
        return {"tuple": [to_json(v) for v in value]}
    if isinstance(value, list):
        return [to_json(v) for v in value]
    if isinstance(value, dict):
        return {"dict": {k: to_json(v) for k, v in value.items()}}
    if isinstance(value, slice):
        return {"slice": [to_json(value.start), to_json(value.stop), to_json(value.step)]}
    if value is Ellipsis:
        return {"ellipsis": True}
    if isinstance(value, float) and math.isinf(value):
        return {"float": "inf" if value > 0 else "-inf"}
    return value


def from_json(value: Any, tensor: Any = None, array: Any = None, function: Any = None) -> Any:
    """The Python value of :func:`to_json`'s form; ``tensor(i)`` / ``array(shape, dtype)`` /
    ``function(name, closure)`` make the tensors, arrays and Python functions (real Keras ones
    here, the engine's in the tests)."""
    if isinstance(value, list):
        return [from_json(v, tensor, array, function) for v in value]
    if isinstance(value, dict):
        if "tensor" in value:
            return tensor(value["tensor"])
        if "function" in value:
            return function(value["function"], [from_json(v, tensor, array, function) for v in value["closure"]])
        if "array" in value:
            return array(tuple(value["array"]), value["dtype"])
        if "tuple" in value:
            return tuple(from_json(v, tensor, array, function) for v in value["tuple"])
        if "dict" in value:
            return {k: from_json(v, tensor, array, function) for k, v in value["dict"].items()}
        if "slice" in value:
            return slice(*(from_json(v, tensor, array, function) for v in value["slice"]))
        if "ellipsis" in value:
            return Ellipsis
        if "float" in value:
            return float(value["float"])
    return value


# --------------------------------------------------------------------------- running a case


def keras_function(path: str) -> Any:
    import keras

    target: Any = keras.ops
    if path.startswith("random."):
        target, path = keras.random, path[len("random."):]
    for part in path.split("."):
        target = getattr(target, part)
    return target


def _shape(tensor: Any) -> list:
    return [None if d is None else int(d) for d in tensor.shape]


# The Python functions cases pass to keras.ops.map, scan, cond…, by name: their source, ``{0}``… the
# values they close over.  The recorder makes them with Python; tests/test_op_rules.py gives the
# same source to kerascheck's interpreter, which traces them as Keras does.
FUNCTION_SOURCES: dict[str, str] = {
    "identity": "lambda x: x",
    "identity_tuple": "lambda *xs: xs",
    "identity_aux": "lambda x: (x, x)",
    "cond_false": "lambda *xs: False",
    "body_identity": "lambda i, x: x",
    "add": "lambda a, b: a + b",
    "scan_add": "lambda carry, x: (carry, x)",
    "ones": "lambda: keras.ops.ones({0})",
    "zeros": "lambda: keras.ops.zeros({0})",
    "constant": "lambda: {0}",
}


def python_function(name: str, closure: list) -> Any:
    import keras

    source = FUNCTION_SOURCES[name].format(*(repr(value) for value in closure))
    return eval(source, {"keras": keras})  # noqa: S307  (the recorder's own functions)


def run_case(spec: dict) -> dict:
    import keras
    import numpy as np
    from keras.src.ops.operation import Operation

    keras.backend.clear_session(free_memory=False)  # names restart: input_layer, add…
    inputs = [keras.Input(batch_shape=tuple(s), dtype=d) for s, d in zip(spec["inputs"], spec["dtypes"])]
    created: list[Any] = []
    original_init = Operation.__init__

    def recording_init(self: Any, *args: Any, **kwargs: Any) -> None:
        original_init(self, *args, **kwargs)
        created.append(self)

    def tensor(index: int) -> Any:
        return inputs[index]

    def array(shape: tuple, dtype: str) -> Any:
        return np.ones(shape, dtype=dtype)

    args = from_json(spec["args"], tensor, array, python_function)
    kwargs = {key: from_json(value, tensor, array, python_function) for key, value in spec["kwargs"].items()}
    result = dict(spec)
    Operation.__init__ = recording_init  # type: ignore[method-assign]
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            out = keras_function(spec["function"])(*args, **kwargs)
    except Exception as err:  # noqa: BLE001  (the oracle records whatever Keras raises)
        result.update(error=clean_message(str(err)), error_type=type(err).__name__)
        return result
    finally:
        Operation.__init__ = original_init  # type: ignore[method-assign]
    flat = keras.tree.flatten(out) if isinstance(out, (list, tuple, dict)) else [out]
    tensors = [t for t in flat if isinstance(t, keras.KerasTensor)]
    result["names"] = [op.name for op in created if not isinstance(op, keras.layers.InputLayer)]
    if not tensors or len(tensors) != len([t for t in flat if t is not None]):
        result["value"] = type(out).__name__
        if hasattr(out, "shape") and hasattr(out, "dtype"):  # a backend array: its shape and dtype
            result["value_shape"] = [int(d) for d in out.shape]
            result["value_dtype"] = keras.backend.standardize_dtype(out.dtype)
        return result
    operation = tensors[0]._keras_history.operation
    result["operation"] = type(operation).__name__
    result["name"] = operation.name
    if isinstance(out, keras.KerasTensor):
        result["output_shape"] = _shape(out)
        result["output_dtypes"] = [str(out.dtype)]
    else:
        result["output_shapes"] = [_shape(t) for t in tensors]
        result["output_dtypes"] = [str(t.dtype) for t in tensors]
        if len(tensors) != len(flat):
            result["output_structure"] = [None if t is None else "tensor" for t in flat]
    # Which inputs Keras's operation was called with (its node's tensors).
    node = operation._inbound_nodes[-1]
    called = [id(t) for t in node.arguments.keras_tensors]
    result["operand_inputs"] = [i for i, t in enumerate(inputs) if id(t) in called]
    return result


def record_family(family: str) -> tuple[str, list[dict]]:
    import keras

    cases = []
    for index, spec in enumerate(FAMILIES[family]()):
        spec = {"id": f"{family}-{index:03d}-{spec['function']}", **spec}
        cases.append(run_case(spec))
    lines = [json.dumps(c, sort_keys=True) for c in cases]
    text = (
        "{\n"
        f'"keras_version": {json.dumps(keras.__version__)},\n'
        f'"family": {json.dumps(family)},\n'
        '"cases": [\n' + ",\n".join(lines) + "\n]\n}\n"
    )
    return text, cases


# --------------------------------------------------------------------------- the functions


def public_functions() -> list[str]:
    """Every public function of ``keras.ops`` (``image.<name>`` for those only under
    ``keras.ops.image``)."""
    import keras

    names = []
    for name in dir(keras.ops):
        value = getattr(keras.ops, name)
        if name.startswith("_"):
            continue
        if inspect.ismodule(value):
            for inner in dir(value):
                if not inner.startswith("_") and not hasattr(keras.ops, inner):
                    names.append(f"{name}.{inner}")
            continue
        names.append(name)
    return sorted(names)


def _unwrap(function: Any) -> Any:
    return inspect.unwrap(function)


def _source_tree(function: Any) -> ast.FunctionDef:
    source = textwrap.dedent(inspect.getsource(_unwrap(function)))
    node = ast.parse(source).body[0]
    assert isinstance(node, ast.FunctionDef)
    return node


def _operation_call(function: Any, depth: int = 0) -> tuple[Any, ast.Call] | None:
    """The ``Op(...).symbolic_call(...)`` (or ``Op(...)(...)``) the function's body makes, and
    the function whose body it is; one call into another ``keras.ops`` function is followed
    (``abs`` returns ``absolute(x)``)."""
    tree = _source_tree(function)
    module = sys.modules[_unwrap(function).__module__]
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        callee = node.func
        if isinstance(callee, ast.Attribute) and callee.attr == "symbolic_call" and isinstance(callee.value, ast.Call):
            return function, node
        if isinstance(callee, ast.Call) and isinstance(callee.func, ast.Name):
            cls = getattr(module, callee.func.id, None)
            if inspect.isclass(cls) and hasattr(cls, "compute_output_spec"):
                return function, node
    if depth == 0:
        for node in ast.walk(tree):
            returned = node.value if isinstance(node, ast.Return) else None
            if isinstance(returned, ast.Call) and isinstance(returned.func, ast.Name):
                inner = getattr(module, returned.func.id, None)
                if inspect.isfunction(inner):
                    return _operation_call(inner, depth + 1)
    return None


def _names(node: ast.AST) -> list[str]:
    return [n.id for n in ast.walk(node) if isinstance(n, ast.Name)]


def operands_of(function: Any) -> tuple[str, ...] | None:
    """The parameters of ``function`` that reach its operation's call (in the order of that
    call), from Keras's source; None when it makes no operation call."""
    found = _operation_call(function)
    if found is None:
        return None
    owner, call = found
    params = list(inspect.signature(_unwrap(owner)).parameters)
    operands: list[str] = []
    for arg in [*call.args, *(k.value for k in call.keywords)]:
        for name in _names(arg):
            if name in params and name not in operands:
                operands.append(name)
    if owner is not function:  # a delegating function: its parameters of the same names
        outer = list(inspect.signature(_unwrap(function)).parameters)
        assert all(p in outer for p in operands), (function, operands)
    return tuple(operands)


def triggers_of(function: Any) -> tuple[str, ...] | None:
    """The parameters ``function`` checks for symbolic tensors (``any_symbolic_tensors((x,))``)
    before it creates its operation; None when it leaves that to ``Operation.__call__``, which
    checks all the operation's arguments."""
    found = _operation_call(function)
    if found is None:
        return None
    owner = found[0]
    params = list(inspect.signature(_unwrap(owner)).parameters)
    for node in ast.walk(_source_tree(owner)):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "any_symbolic_tensors":
            return tuple(dict.fromkeys(name for name in _names(node) if name in params))
    return None


def signature_of(function: Any) -> list[list]:
    """``[name, kind, default]`` per parameter (kind: positional, keyword, var_positional,
    var_keyword; the default as JSON, or ``"REQUIRED"``)."""
    out = []
    kinds = {
        inspect.Parameter.POSITIONAL_ONLY: "positional",
        inspect.Parameter.POSITIONAL_OR_KEYWORD: "positional",
        inspect.Parameter.KEYWORD_ONLY: "keyword",
        inspect.Parameter.VAR_POSITIONAL: "var_positional",
        inspect.Parameter.VAR_KEYWORD: "var_keyword",
    }
    for name, param in inspect.signature(_unwrap(function)).parameters.items():
        default = "REQUIRED" if param.default is inspect.Parameter.empty else to_json(param.default)
        out.append([name, kinds[param.kind], default])
    return out


def knowledge(cases: list[dict]) -> str:
    """``kerascheck/knowledge/keras_ops.py``: what the front-end needs per function."""
    import keras

    by_function: dict[str, list[dict]] = {}
    for case in cases:
        by_function.setdefault(case["function"], []).append(case)
    functions = public_functions()
    table: dict[str, dict] = {}
    problems = []
    for name in functions:
        function = keras_function(name)
        entry: dict[str, Any] = {"signature": signature_of(function)}
        recorded = by_function.get(name, [])
        classes = sorted({c["operation"] for c in recorded if "operation" in c})
        operands = operands_of(function)
        if name in NO_OPERATION_REASONS:
            if classes:
                problems.append(f"{name}: recorded creating {classes}, but listed as creating no operation")
            entry["no_operation"] = NO_OPERATION_REASONS[name]
        elif len(classes) != 1 or operands is None:
            problems.append(f"{name}: operations {classes}, operands {operands}")
            continue
        else:
            entry["operation"] = classes[0]
            entry["operands"] = list(operands)
            sequences = SEQUENCE_OPERANDS.get(name, ())
            entry["sequences"] = list(sequences)
            if name in TREE_OPERANDS:
                entry["trees"] = list(TREE_OPERANDS[name])
            triggers = triggers_of(function)
            if triggers is not None and set(triggers) != set(operands):
                entry["triggers"] = list(triggers)
            for case in recorded:
                if "operation" in case and _operand_inputs(case, entry) != case["operand_inputs"]:
                    problems.append(
                        f"{case['id']}: Keras's operation was called with inputs {case['operand_inputs']}, "
                        f"the table's operands give {_operand_inputs(case, entry)}"
                    )
        table[name] = entry
    for name in sorted(by_function):
        if name.startswith("random."):
            made = sorted({c["operation"] for c in by_function[name] if "operation" in c})
            if made:
                problems.append(f"keras.{name} created {made}: kerascheck treats keras.random as creating none")
    missing = [n for n in functions if not by_function.get(n)]
    if missing:
        problems.append(f"functions without a recorded case: {missing}")
    if problems:
        raise SystemExit("op_cases.py: the recorded table is not consistent:\n  " + "\n  ".join(problems))
    return (
        '"""Every public ``keras.ops`` function, recorded from real Keras by tests/oracle/op_cases.py:\n'
        "its signature, the operation class it creates on symbolic tensors, and which parameters it\n"
        "passes to that operation's call (``sequences``: those given as a list of tensors; ``trees``:\n"
        "one tensor or a list of them), or why it\n"
        "creates none.\n\nDo not edit by hand: re-run the recorder.\n\"\"\"\n\n"
        "# fmt: off\n"
        f"KERAS_VERSION = {keras.__version__!r}\n\n"
        f"FUNCTIONS = {pprint.pformat(table, width=110, sort_dicts=True)}\n"
    )


def bind(signature: list[list], args: list, kwargs: dict) -> dict:
    """The (JSON) arguments of a call by parameter name, as Python binds them."""
    bound: dict[str, Any] = {}
    positional = [name for name, kind, _ in signature if kind == "positional"]
    var = next((name for name, kind, _ in signature if kind == "var_positional"), None)
    var_kw = next((name for name, kind, _ in signature if kind == "var_keyword"), None)
    bound.update(zip(positional, args))
    if var is not None:
        bound[var] = args[len(positional):]
    names = {name for name, _, _ in signature}
    for key, value in kwargs.items():
        if key in names:
            bound[key] = value
        elif var_kw is not None:
            bound.setdefault(var_kw, {})[key] = value
    return bound


def _inputs_in(value: Any) -> list[int]:
    if isinstance(value, dict):
        if "tensor" in value:
            return [value["tensor"]]
        return [i for v in value.values() for i in _inputs_in(v)]
    if isinstance(value, list):
        return [i for v in value for i in _inputs_in(v)]
    return []


def _operand_inputs(case: dict, entry: dict) -> list[int]:
    """The inputs of a recorded call that the table's operands hold."""
    bound = bind(entry["signature"], case["args"], case["kwargs"])
    return sorted({i for param in entry["operands"] for i in _inputs_in(bound.get(param))})


def main(argv: list[str]) -> int:
    only = [a for a in argv if not a.startswith("--")]
    status = 0
    all_cases: list[dict] = []
    for family in FAMILIES:
        text, cases = record_family(family)
        all_cases.extend(cases)
        if not only or family in only:
            status |= write_or_check(FIXTURES / f"{family}.json", text, argv)
    if not only:
        status |= write_or_check(KNOWLEDGE, knowledge(all_cases), argv)
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
