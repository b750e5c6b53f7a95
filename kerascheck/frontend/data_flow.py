"""The interpreter's side of data: calls that make arrays and datasets (:mod:`numpy_data` computes
their shapes), and what happens when data meets a model (``fit``, ``evaluate``, ``predict``…),
checked by the pure :mod:`kerascheck.engine.data_checks`.

The front-end only gathers: the :class:`~kerascheck.engine.data.ArraySpec` of each array given
to the model, the model's input shapes, its outputs and the loss it was compiled with.
"""

from __future__ import annotations

from typing import Any

import libcst as cst

from kerascheck.engine import data_checks
from kerascheck.engine.data import ArraySpec
from kerascheck.engine.dims import UNKNOWN
from kerascheck.engine.runtime import Functional, KerasTensor, Model, Sequential
from kerascheck.frontend import numpy_data
from kerascheck.frontend.numpy_data import NOT_MODELLED
from kerascheck.frontend.values import INERT, ArrayValue, DataMethod, DatasetValue, UserFunction

# Model methods that take data, and the position of their arguments.
_DATA_PARAMETERS = {
    "fit": ("x", "y", "batch_size", "epochs", "verbose", "callbacks", "validation_split", "validation_data"),
    "evaluate": ("x", "y", "batch_size"),
    "predict": ("x", "batch_size"),
    "train_on_batch": ("x", "y", "sample_weight"),
    "test_on_batch": ("x", "y", "sample_weight"),
    "predict_on_batch": ("x",),
}
_ON_BATCH = frozenset({"train_on_batch", "test_on_batch", "predict_on_batch"})

# TensorFlow functions that keep a tensor's shape or change it as NumPy's namesakes do (in a
# ``Dataset.map`` function).
_TF_FUNCTIONS = {
    "tensorflow.reshape": "reshape", "tensorflow.expand_dims": "expand_dims", "tensorflow.squeeze": "squeeze",
    "tensorflow.transpose": "transpose",
}


class DataFlow:
    """Arrays and datasets through the interpreter; data meeting models."""

    def call_data_library(self, dotted: str, args: list[Any], kwargs: dict[str, Any], node: Any) -> Any:
        """A function of NumPy, ``tf.data`` or Keras's data utilities; NOT_MODELLED for the others."""
        if dotted.startswith("numpy."):
            return numpy_data.numpy_call(dotted[6:], args, kwargs, node)
        if dotted.startswith("tensorflow.data.Dataset."):
            return numpy_data.tf_data_call(dotted, args, kwargs, node)
        if dotted.startswith("keras.") and not dotted.startswith("keras.ops."):
            return numpy_data.keras_data_call(dotted, args, kwargs, node)
        if dotted in _TF_FUNCTIONS and args and isinstance(args[0], ArrayValue):
            return numpy_data.numpy_call(_TF_FUNCTIONS[dotted], args, kwargs, node)
        if dotted == "tensorflow.cast" and args and isinstance(args[0], ArrayValue):
            dtype = args[1] if len(args) > 1 else kwargs.get("dtype")
            return ArrayValue(args[0].shape, numpy_data.dtype_name(dtype), args[0].origin)
        if dotted == "tensorflow.one_hot" and args and isinstance(args[0], ArrayValue):
            depth = args[1] if len(args) > 1 else kwargs.get("depth")
            return ArrayValue((*args[0].shape, depth if type(depth) is int else UNKNOWN), "float32", args[0].origin)
        return NOT_MODELLED

    def call_data_method(self, method: DataMethod, args: list[Any], kwargs: dict[str, Any], node: Any) -> Any:
        receiver = method.receiver
        if isinstance(receiver, ArrayValue):
            return numpy_data.array_method(receiver, method.name, args, kwargs, node)
        if method.name == "map" and self.arguments_names(args, kwargs):
            return NOT_MODELLED  # a function that may create Keras objects: not traced
        return numpy_data.dataset_method(receiver, method.name, args, kwargs, node,
                                         lambda function, element: self.trace_element(function, element, node))

    def trace_element(self, function: Any, element: Any, node: Any) -> Any:
        """What ``Dataset.map(function)`` gives: ``function`` run on one element (a tuple element
        is passed as separate arguments, as ``tf.data`` does); UNKNOWN where not followed."""
        if not isinstance(function, UserFunction) or element is UNKNOWN:
            return UNKNOWN
        args = list(element) if isinstance(element, tuple) else [element]
        result = self.call_value(function, args, {}, node, function.scope)
        return _element(result)

    def data_subscript(self, array: ArrayValue, node: cst.Subscript, scope: Any) -> Any:
        """``array[...]``: the key evaluated as Python would pass it (``np.newaxis`` is None)."""
        parts: list[Any] = []
        for element in node.slice:
            index = element.slice
            if isinstance(index, cst.Slice):
                bounds = [self.eval(b, scope) if b is not None else None for b in (index.lower, index.upper, index.step)]
                if not all(b is None or type(b) is int for b in bounds):
                    return INERT
                parts.append(slice(*bounds))
            elif isinstance(index.value, cst.Ellipsis):
                parts.append(Ellipsis)
            else:
                value = self.eval(index.value, scope)
                if getattr(value, "name", None) == "numpy.newaxis" or value is None:
                    parts.append(None)
                elif type(value) is int:
                    parts.append(value)
                else:
                    return INERT
        key: Any = parts[0] if len(parts) == 1 and not isinstance(node.slice[0].comma, cst.Comma) else tuple(parts)
        return numpy_data.subscript(array, key)

    # ------------------------------------------------------------------ data meets a model

    def model_meets_data(self, model: Model, name: str, args: list[Any], kwargs: dict[str, Any], node: Any) -> None:
        """``model.compile(loss=…)`` is remembered; ``fit`` and the others check their data."""
        if name == "compile":
            model.compile_loss = kwargs.get("loss", args[1] if len(args) > 1 else None)
            model.compiled = True
            return
        parameters = _DATA_PARAMETERS.get(name)
        if parameters is None or self.session.keras_version != 3:
            return
        given = dict(zip(parameters, args))
        given.update({k: v for k, v in kwargs.items() if k in parameters or k in ("sample_weight",
                                                                                   "validation_split")})
        if len(args) > len(parameters):
            return
        shown = {}
        for position, arg in enumerate(node.args if isinstance(node, cst.Call) else ()):
            key = arg.keyword.value if arg.keyword is not None else (
                parameters[position] if position < len(parameters) else None)
            if key is not None and isinstance(arg.value, (cst.Name, cst.Attribute)):
                shown[key] = _dotted(arg.value)
            if key is not None and isinstance(arg.value, cst.Tuple):
                for at, element in enumerate(arg.value.elements):
                    if isinstance(element.value, (cst.Name, cst.Attribute)):
                        shown[f"{key}[{at}]"] = _dotted(element.value)
        for problem in self.data_problems(model, name, given, shown):
            self.session.report_data(problem, self.origin(node))

    def data_problems(self, model: Model, method: str, given: dict[str, Any], shown: dict[str, str]
                      ) -> list[data_checks.DataProblem]:
        x = given.get("x")
        inputs = _model_inputs(model)
        if isinstance(x, DatasetValue):
            problems = data_checks.check_dataset_arguments(method, given.get("y") is not None,
                                                           given.get("validation_split"))
            if problems:
                return problems
            element = x.element
            features = element[0] if isinstance(element, tuple) and len(element) in (2, 3) else element
            if isinstance(element, tuple) and len(element) == 1:
                features = element[0]
            structure = _specs(features)
            return data_checks.check_inputs(method, structure, inputs, "x", None, shown.get("x")) if inputs else []
        x_specs, y_specs = _specs(x), _specs(given.get("y"))
        if _unknown_structure(x) or x is None:
            return []
        problems: list[data_checks.DataProblem] = []
        split = given.get("validation_split")
        if not split:
            named = [("x", x_specs), ("y", y_specs)]
            if "sample_weight" in given:
                named.append(("sample_weight", _specs(given["sample_weight"])))
            cardinality = data_checks.check_cardinality(method, named, shown)
            if cardinality is not None:
                problems.append(cardinality)
        if inputs is not None:
            batch = _batch(method, given)
            problems += data_checks.check_inputs(method, x_specs, inputs, "x", batch, shown.get("x"))
        outputs = _output_count(model)
        if given.get("y") is not None and outputs is not None and not _unknown_structure(given.get("y")):
            target = data_checks.check_target_structure(method, y_specs, outputs)
            if target is not None:
                problems.append(target)
        validation = given.get("validation_data")
        if method == "fit" and isinstance(validation, tuple) and len(validation) in (2, 3):
            vx, vy = _specs(validation[0]), _specs(validation[1])
            if not _unknown_structure(validation[0]):
                cardinality = data_checks.check_cardinality(
                    method, [("x", vx), ("y", vy)],
                    {k: v for k, v in (("x", shown.get("validation_data[0]")), ("y", shown.get("validation_data[1]")))
                     if v is not None})
                if cardinality is not None:
                    problems.append(cardinality)
                if inputs is not None:
                    problems += data_checks.check_inputs(method, vx, inputs, "validation_data", _batch(method, given),
                                                         shown.get("validation_data[0]"), spec_check=False)
        elif method == "fit" and isinstance(validation, DatasetValue) and inputs is not None:
            element = validation.element
            features = element[0] if isinstance(element, tuple) and len(element) in (2, 3) else element
            problems += data_checks.check_inputs(method, _specs(features), inputs, "validation_data", None,
                                                 spec_check=False)
        return problems


def _dotted(node: Any) -> str:
    if isinstance(node, cst.Name):
        return node.value
    if isinstance(node, cst.Attribute):
        return f"{_dotted(node.value)}.{node.attr.value}"
    return "?"


def _element(value: Any) -> Any:
    """A dataset element from what a mapped function returned."""
    if isinstance(value, ArrayValue):
        return value
    if isinstance(value, tuple):
        return tuple(_element(v) for v in value)
    if isinstance(value, dict) and all(isinstance(k, str) for k in value):
        return {k: _element(v) for k, v in value.items()}
    return UNKNOWN


def _specs(value: Any) -> Any:
    """The ArraySpec structure of data given to a model: arrays, lists, tuples and dicts of them;
    UNKNOWN for anything else."""
    if isinstance(value, ArrayValue):
        return value.spec
    if isinstance(value, (list, tuple)):
        return type(value)(_specs(v) for v in value)
    if isinstance(value, dict):
        return {k: _specs(v) for k, v in value.items()}
    return UNKNOWN


def _unknown_structure(value: Any) -> bool:
    """Data whose structure (one array, how many in a list) is not known."""
    if isinstance(value, ArrayValue):
        return False
    if isinstance(value, (list, tuple)):
        return any(not isinstance(v, ArrayValue) for v in value)
    return True


def _batch(method: str, given: dict[str, Any]) -> Any:
    if method in _ON_BATCH:
        return None  # the whole array is the batch
    size = given.get("batch_size")
    return data_checks.DEFAULT_BATCH_SIZE if size is None else size if type(size) is int else None


def _model_inputs(model: Model) -> data_checks.ModelInputs | None:
    """The model's inputs as Keras checks data against them; None where that is not followed."""
    functional = model.functional if isinstance(model, Sequential) else model
    if not isinstance(functional, Functional) or functional.call_overridden or functional.subclass_instance:
        return None
    if isinstance(functional.inputs_structure, dict):
        return None
    tensors = functional.inputs
    if not all(isinstance(t, KerasTensor) and isinstance(t.shape, tuple) for t in tensors):
        return None
    names = tuple(t.layer.name if t.layer is not None else UNKNOWN for t in tensors)
    return data_checks.ModelInputs(model.name, names, tuple(t.shape for t in tensors), not isinstance(model, Sequential))


def _output_count(model: Model) -> int | None:
    functional = model.functional if isinstance(model, Sequential) else model
    if isinstance(model, Sequential):
        return 1
    if not isinstance(functional, Functional) or functional.call_overridden or functional.subclass_instance:
        return None
    if isinstance(functional.outputs_structure, dict):
        return None
    return len(functional.outputs)


def spec_of(value: Any) -> ArraySpec | None:
    """The ArraySpec of a value, for hovers."""
    return value.spec if isinstance(value, ArrayValue) else None
