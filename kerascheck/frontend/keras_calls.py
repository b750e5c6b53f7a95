"""The bridge to the shape engine: calls of Keras's classes and functions, layer calls, keras.ops
operations, and attributes of Keras objects."""

from __future__ import annotations

import re
from typing import Any

import libcst as cst

from kerascheck.engine.applications import build_application, is_application
from kerascheck.engine.dims import UNKNOWN, Unresolved, is_known
from kerascheck.engine.data import DataOrigin
from kerascheck.engine.ops.creation import CREATED_ARRAYS, created_array, random_array, traced_shape
from kerascheck.engine.operations import ACTIVATION_FUNCTIONS, NOT_CREATED, OP_RULES, OPS_FUNCTIONS, UNBOUND, OpFunction
from kerascheck.engine.ops.core import TracedFunction
from kerascheck.engine.runtime import (
    ArrayData,
    DTypePolicy,
    Functional,
    KerasTensor,
    Layer,
    Model,
    OpaqueLayer,
    OpaqueModel,
    Sequential,
    SubclassedModel,
    UnresolvedFunctional,
    flatten,
)
from kerascheck.frontend.compile_calls import loss_object, metric_object, optimizer_object
from kerascheck.frontend.keras_names import KerasSymbol
from kerascheck.frontend.values import (
    INERT,
    ArrayValue,
    SeedGeneratorValue,
    PythonNumber,
    BoundMethod,
    UserFunction,
    WeightValue,
    is_plain,
    known_or_unknown,
)
from kerascheck.knowledge import keras_api

# Keras namespaces whose functions build no layers (their results are data, optimizers…).
INERT_KERAS_MODULES = tuple(
    f"keras.{name}"
    for name in (
        "datasets", "utils", "preprocessing", "callbacks", "optimizers", "losses", "metrics", "regularizers",
        "initializers", "constraints", "backend", "config", "random", "activations", "mixed_precision",
        "dtype_policies", "quantizers", "tree", "visualization", "export",
    )
)


# What makes a dtype policy object from its name (``keras.DTypePolicy("mixed_float16")``).
DTYPE_POLICY_FACTORIES = frozenset(
    {"keras.DTypePolicy", "keras.mixed_precision.Policy", "keras.mixed_precision.DTypePolicy",
     "keras.dtype_policies.DTypePolicy", "keras.dtype_policies.get"}
)


# Model methods whose result is data (arrays, numbers, a History): what is done with it builds nothing.
DATA_RESULT_MODEL_METHODS = frozenset(
    {"fit", "evaluate", "predict", "predict_on_batch", "train_on_batch", "test_on_batch", "count_params",
     "to_json", "get_config", "get_weights"}
)

# Model methods that run the model on data: an unbuilt model is built on it.
DATA_MODEL_METHODS = frozenset(
    {"fit", "evaluate", "predict", "train_on_batch", "test_on_batch", "predict_on_batch", "fit_generator",
     "evaluate_generator", "predict_generator"}
)

# Those that create the optimizer's variables of a compiled model: Keras 3's _symbolic_build runs
# in fit and evaluate and their batch forms (recorded: a model evaluated once shows its optimizer's
# parameters in summary()).
TRAINING_MODEL_METHODS = frozenset(
    {"fit", "train_on_batch", "fit_generator", "evaluate", "test_on_batch", "evaluate_generator"}
)

# Model methods that do not change a model's layers or weights.
# Methods of a subclassed model that never build its layers.
NON_BUILDING_MODEL_METHODS = frozenset({"summary", "compile", "count_params", "get_config", "get_layer", "to_json"})


INERT_MODEL_METHODS = frozenset(
    {
        "summary", "compile", "fit", "evaluate", "predict", "save", "save_weights", "load_weights",
        "to_json", "get_config", "count_params", "get_layer", "get_weights", "set_weights", "predict_on_batch",
        "train_on_batch", "test_on_batch", "export", "plot_model",
    }
)


# Python operators on Keras tensors: the keras.ops operation each one calls.
TENSOR_OPERATORS: dict[type, str] = {
    cst.Add: "Add", cst.Subtract: "Subtract", cst.Multiply: "Multiply", cst.Divide: "TrueDivide",
    cst.FloorDivide: "FloorDivide", cst.Modulo: "Mod", cst.Power: "Power", cst.MatrixMultiply: "Matmul",
}


class KerasCalls:
    """Replays Keras calls against the session."""

    def opaque_tensor_operation(self, op_class: str | None = None, created: bool = True) -> Any:
        """An operation on tensors that kerascheck does not model; its result is unknown.

        Keras names it after its class (``op_class``, when known): when it is certainly
        ``created``, that name is taken as Keras takes it; when it may not be (indexing what
        may be a list of tensors), that class's names are unknown from here; with the class
        unknown, every name is. Inside a layer's traced call no Operation is made."""
        session = self.session
        if session.tracing:
            return UNKNOWN
        if op_class is None:
            session.names_uncertain_from_opaque_code()
        elif created:
            session.auto_name(op_class)
        else:
            session.names_uncertain_for([op_class])
        return UNKNOWN

    def call_ops(self, function: str, args: list[Any], kwargs: dict[str, Any], node: cst.Call) -> Any:
        """``keras.ops.<function>(...)``: an operation when it is applied to tensors."""
        tensor = args[0] if len(args) == 1 and not kwargs else kwargs.get("x") if not args and len(kwargs) == 1 else None
        if function == "shape" and isinstance(tensor, KerasTensor):
            return tensor.shape  # ops.shape of a symbolic tensor is its shape tuple, no operation
        return self.call_op_function(OPS_FUNCTIONS.get(function), args, kwargs, node)

    def call_activation(self, function: str, args: list[Any], kwargs: dict[str, Any], node: cst.Call) -> Any:
        """``keras.activations.<function>(x)`` on a symbolic tensor: an operation (``linear``: ``x``)."""
        if function == "linear" and len(args) + len(kwargs) == 1:
            return args[0] if args else kwargs.get("x", UNKNOWN)
        return self.call_op_function(ACTIVATION_FUNCTIONS.get(function), args, kwargs, node)

    def call_op_function(self, known: OpFunction | None, args: list[Any], kwargs: dict[str, Any], node: Any) -> Any:
        """A Keras function that creates the operation ``known`` when it is applied to tensors."""
        if not any(isinstance(v, KerasTensor) for v in flatten(list(args) + list(kwargs.values()))):
            return self.eager_op_function(known, args, kwargs, node)
        if known is None:
            return self.opaque_tensor_operation()
        if known.op_class is None:
            return UNKNOWN  # recorded creating no operation (keras.ops.dtype, is_tensor…)
        parts = known.call_parts(args, kwargs, lambda v: isinstance(v, KerasTensor))
        if parts == UNBOUND:
            return self.opaque_tensor_operation()  # Keras raises a TypeError
        if parts == NOT_CREATED:
            return self.opaque_tensor_operation(known.op_class, created=False)
        operands, config = parts
        if not all(is_op_operand(v) for v in operands) or any(
            isinstance(v, KerasTensor) for v in flatten(list(config.values()))
        ):
            return self.opaque_tensor_operation(known.op_class)
        if not any(isinstance(v, KerasTensor) for v in operands):
            return self.opaque_tensor_operation(known.op_class)  # a tensor only in an argument: not modelled
        traced = getattr(OP_RULES.get(known.op_class), "traced_functions", None)
        if traced is not None:
            operands, config = self.trace_op_functions(traced(list(operands), config), list(operands), dict(config))
        return self.session.operation(known.op_class, operands, config, self.origin(node))

    def trace_op_functions(
        self, functions: list[tuple[Any, list[Any]]], operands: list[Any], config: dict[str, Any]
    ) -> tuple[list[Any], dict[str, Any]]:
        """The Python functions of an operation (``keras.ops.map``'s ``f``), each replaced by what
        it returns on the arguments Keras traces it on (:class:`TracedFunction`): Keras runs it on
        backend tensors, so it makes no operation and takes no name (layers it creates do)."""
        for where, arguments in functions:
            if isinstance(where, str):
                function = config.get(where)
            elif isinstance(where, tuple):
                container = operands[where[0]]
                function = container[where[1]] if isinstance(container, (list, tuple)) else None
            else:
                function = operands[where]
            if not isinstance(function, UserFunction):
                continue  # a Keras function, a value not known: the output stays unknown
            made = TracedFunction(traced_spec(self.trace_function(function, arguments, {})))
            if isinstance(where, str):
                config[where] = made
            elif isinstance(where, tuple):
                container = list(operands[where[0]])
                container[where[1]] = made
                operands[where[0]] = container
            else:
                operands[where] = made
        return operands, config

    def eager_op_function(self, known: OpFunction | None, args: list[Any], kwargs: dict[str, Any], node: Any) -> Any:
        """A Keras function applied to concrete arrays (no Keras tensor): the backend computes it
        eagerly, with no operation and no name; its result is an array of the shape the
        operation gives, when the arrays' shapes are known.  ``arange``, ``zeros``, ``eye``…
        make an array from Python numbers."""
        if known is None:
            return UNKNOWN
        function = (known.name or "").rsplit(".", 1)[-1]
        if function in CREATED_ARRAYS:
            bound = known.bind(args, kwargs)
            made = created_array(function, bound) if bound is not None else None
            traced = traced_shape(bound.get("shape")) if bound is not None and self.session.tracing else None
            if function == "arange" and self.session.tracing and any(
                    v is None for v in [*args[:3], *(kwargs.get(k, 0) for k in ("start", "stop", "step"))]):
                # A bound of the range is a dimension the data decides (``ops.shape(x)[-1]``): the
                # backend traces it as a number, and the range's length is None.
                return ArrayData((None,))
            if made is None and traced is not None:
                return ArrayData(traced)  # (ops.shape(x)[0], 4) in a traced call: the batch stays None
            if made is None:
                return INERT  # an array of a shape not known here
            shape, dtype = made
            return ArrayValue(shape, dtype, DataOrigin(f"keras.ops.{function}", 0, 0, node))
        if known.op_class is None:
            return UNKNOWN
        is_array = lambda v: isinstance(v, (ArrayData, ArrayValue))  # noqa: E731
        parts = known.call_parts(args, kwargs, is_array)
        if parts in (UNBOUND, NOT_CREATED):
            return UNKNOWN
        operands, config = parts
        if not any(is_array(v) for v in operands) or not all(is_op_operand(v) for v in operands):
            return UNKNOWN
        if any(is_array(v) for v in flatten(list(config.values()))):
            return UNKNOWN
        return self.session.operation(known.op_class, [known_or_unknown(v) for v in operands], config, None)

    def call_layer(self, layer: Layer, args: list[Any], kwargs: dict[str, Any], node: cst.Call) -> Any:
        """``layer(x, ...)``: the input tensors, keyword tensors, and options that change the output."""
        rule = layer.rule
        names = rule.call_arguments if rule is not None else None
        original_kwargs = kwargs
        kwargs = dict(kwargs)
        if names:
            given = dict(zip(names, args))
            given.update({name: kwargs.pop(name) for name in names if name in kwargs})
            inputs: Any = []
            for name in names:
                if name not in given:
                    break
                inputs.append(given[name])
        elif args:
            inputs = args[0]
        elif "inputs" in kwargs:
            inputs = kwargs.pop("inputs")
        elif self.first_call_parameter(layer) in kwargs:
            inputs = kwargs.pop(self.first_call_parameter(layer))  # ``encoder(source=x, mask=m)``
        else:
            return UNKNOWN
        extra = args[len(names) if names else 1 :] + [value for key, value in kwargs.items() if key != "training"]
        if any(value is UNKNOWN for value in flatten(extra)):
            # An argument that may be a tensor (an RNN's initial_state…) is not known: which
            # tensors the call's node connects is not known either.
            return self.session.call_with_unknown_connections(layer, inputs)
        if layer.class_name == "Lambda" and rule is not None and not kwargs:
            self.trace_lambda(rule, inputs)
        options = {option: kwargs[option] for option in (rule.output_changing_call_options if rule is not None else ())
                   if option in kwargs and kwargs[option] is not False}
        keyword_tensors = [kwargs[key] for key in sorted(kwargs)]
        keras_order = list(args) + [original_kwargs[key] for key in sorted(original_kwargs)]
        user_arguments = (args[1:], kwargs) if rule is None and id(layer) in self.instances else ((), {})
        return self.session.call(
            layer, inputs, self.origin(node), keyword_tensors, call_options=options or None, node_order=keras_order,
            single_positional=len(args) == 1 and not original_kwargs, explicit_mask=original_kwargs.get("mask"),
            call_arguments=user_arguments,
        )

    def trace_lambda(self, rule: Any, inputs: Any) -> None:
        """``Lambda(function)`` without ``output_shape``: Keras traces ``function(inputs,
        **arguments)`` on backend tensors to learn the output (no Operation is made). The same
        here, for a function of the analysed code and one input of known shape."""
        rule.traced = None
        function, arguments = rule.function, rule.arguments
        if rule.output_shape is not None or not isinstance(function, UserFunction):
            return
        tensors = inputs if isinstance(inputs, list) and inputs else [inputs]
        if not all(isinstance(t, KerasTensor) and is_known(t.shape) for t in tensors):
            return
        if arguments is not None and not isinstance(arguments, dict):
            return
        result = self.trace_function(function, [inputs], dict(arguments or {}))
        if isinstance(result, KerasTensor) and is_known(result.shape):
            rule.traced = ([t.shape for t in inputs] if isinstance(inputs, list) else inputs.shape, result.shape)

    def trace_function(self, function: UserFunction, args: list[Any], kwargs: dict[str, Any]) -> Any:
        """What ``function(*args, **kwargs)`` returns when Keras traces it on backend tensors: its
        operations make no Operation and take no name; layers it creates do, once per trace."""
        session = self.session
        constructed = len(session.layers)
        session.tracing += 1
        try:
            result = self.call_function(function, args, kwargs)
        except Unresolved:
            result = UNKNOWN
        finally:
            session.tracing -= 1
        if len(session.layers) > constructed:
            session.names_uncertain_from_opaque_code()  # layers made by the function: per trace
        return result

    def call_keras(self, symbol: KerasSymbol, args: list[Any], kwargs: dict[str, Any], node: cst.Call) -> Any:
        result = self._call_keras(symbol, args, kwargs, node)
        if isinstance(result, Model):
            # Models built while another module of the project runs are reported only
            # when this file binds them, and those a class's methods build (a block of a
            # custom layer) only when code outside binds them.
            result.reported = self.current_file == self.main_file and not self.in_keras_method()
        return result

    def _call_keras(self, symbol: KerasSymbol, args: list[Any], kwargs: dict[str, Any], node: cst.Call) -> Any:
        session = self.session
        name = symbol.name
        if name == "Input":
            return session.input(args, kwargs, self.origin(node))
        if name == "Sequential":
            layers = kwargs.get("layers", args[0] if args else None)
            return session.sequential(
                layers if layers is not UNKNOWN else [UNKNOWN],
                kwargs.get("name", args[2] if len(args) > 2 else None),
                self.origin(node),
                trainable=kwargs.get("trainable", args[1] if len(args) > 1 else True),
            )
        if name == "Model":
            return self.call_model(args, kwargs, node)
        if is_application(name):
            return build_application(session, name, list(args), dict(kwargs), self.origin(node))
        function = keras_api.FUNCTIONS.get(name)
        if function is not None:
            layer_class = function.get("builds_layer")
            if layer_class is None or not args and "inputs" not in kwargs:
                return UNKNOWN
            inputs = kwargs.pop("inputs", None) if "inputs" in kwargs else args.pop(0)
            helper_params = [p for p in function["params"] if p[0] != "inputs" and not p[0].startswith("*")]
            for (pname, _default, _kind), value in zip(helper_params, args):
                kwargs[pname] = value
            layer = session.create_layer(layer_class, [], kwargs, self.origin(node))
            return session.call(layer, inputs, self.origin(node)) if isinstance(layer, Layer) else UNKNOWN
        spec = keras_api.CLASSES.get(name)
        if spec is not None:
            return session.create_layer(name, args, kwargs, self.origin(node))
        return UNKNOWN

    def call_keras_utility(self, dotted: str, args: list[Any], kwargs: dict[str, Any]) -> Any:
        """Keras functions that build no layers; the few that change global state are modelled."""
        function = dotted.rsplit(".", 1)[1]
        if dotted.startswith("keras.losses."):
            made = loss_object(function, args, kwargs)  # kept for compile(loss=...)
            if made is not None:
                return made
        if dotted.startswith("keras.metrics."):
            made = metric_object(function, args, kwargs)  # kept for compile(metrics=[...])
            if made is not None:
                return made
        if dotted.startswith("keras.optimizers."):
            made = optimizer_object(dotted, args, kwargs)  # kept for compile(optimizer=...)
            if made is not None:
                return made
        if dotted == "keras.random.SeedGenerator":
            return SeedGeneratorValue()
        if dotted.startswith("keras.random."):
            drawn = random_array(function, args, kwargs)
            if drawn is not None and self.session.tracing:
                # In a traced call (a layer's call() on symbolic inputs) a dimension the data
                # decides stays None. Unseeded, the JAX backend refuses to trace the draw (and
                # TensorFlow does not): what Keras does then depends on the backend, not known;
                # so does a seed that may be None at run time (only an int or a SeedGenerator is
                # known to be one).
                seed = kwargs.get("seed", args[4] if len(args) > 4 else None)
                seeded = type(seed) is int or isinstance(seed, SeedGeneratorValue)
                return ArrayData(drawn[0]) if seeded else UNKNOWN
            if drawn is not None and all(type(d) is int for d in drawn[0]):
                return ArrayValue(drawn[0], drawn[1], DataOrigin(dotted, 0, 0, None))
        if function == "int_shape" and args and isinstance(args[0], KerasTensor):
            return args[0].shape
        if function == "epsilon" and not args and not kwargs:
            return PythonNumber("float")  # (1e-07 unless set_epsilon changed it: a float either way)
        if function == "clear_session":
            self.session.clear_session()
            return None
        if function == "set_image_data_format":
            value = kwargs.get("data_format", args[0] if args else None)
            known = isinstance(value, str) and value in ("channels_last", "channels_first")
            self.session.image_data_format = value if known else UNKNOWN
            return None
        if function == "image_data_format":
            return self.session.image_data_format
        if function == "set_floatx":
            self.session.set_floatx(kwargs.get("value", args[0] if args else None))
            return None
        if function in ("set_dtype_policy", "set_global_policy"):
            self.session.set_dtype_policy(kwargs.get("policy", args[0] if args else None))
            return None
        if function in ("dtype_policy", "global_policy"):
            self.session.policy_variable_bytes()  # reading the policy fixes it
        if dotted in DTYPE_POLICY_FACTORIES:
            name = kwargs.get("name" if function != "get" else "identifier", args[0] if args else None)
            return DTypePolicy(name) if isinstance(name, str) else UNKNOWN
        return INERT

    def call_model(self, args: list[Any], kwargs: dict[str, Any], node: cst.Call) -> Any:
        session = self.session
        name = kwargs.pop("name", None)
        legacy = "input" in kwargs or "output" in kwargs
        if legacy:
            keywords = tuple(k for k in ("input", "output") if k in kwargs)
            kwargs.setdefault("inputs", kwargs.pop("input", None))
            kwargs.setdefault("outputs", kwargs.pop("output", None))
            session.report(
                "keras2_api",
                "Model(input=..., output=...) is Keras 2 API; Keras 3 raises "
                "\"Unrecognized keyword arguments passed to Model: {'input', 'output'}\": "
                "use inputs= and outputs=",
                self.origin(node),
                keywords=keywords,
            )
        if "inputs" in kwargs or "outputs" in kwargs or len(args) >= 2:
            inputs = kwargs.get("inputs", args[0] if args else None)
            outputs = kwargs.get("outputs", args[1] if len(args) > 1 else args[0] if args and "inputs" in kwargs else None)
            if self.check_model_arguments(inputs, outputs, node):
                return UNKNOWN  # Keras raises: there is no model
            return session.functional(inputs, outputs, name, self.origin(node))
        return UNKNOWN

    def layer_attribute(self, layer: Layer, attr: str) -> Any:
        if attr in ("name",):
            return layer.name
        if attr == "trainable":
            return layer.trainable
        if isinstance(layer, (OpaqueModel, UnresolvedFunctional)):
            if attr == "compile" or attr in DATA_MODEL_METHODS:
                # A loaded (or unresolved) model compiled and trained: compile's arguments are
                # checked; fit builds its optimizer, of variables not known.
                return BoundMethod(layer, attr)
            return UNKNOWN
        if isinstance(layer, Model):
            # (A Sequential's Functional is made when first needed: not for each ``add``.)
            graph = attr in ("input", "inputs", "output", "outputs")
            functional = layer.functional if graph and isinstance(layer, Sequential) else layer
            if isinstance(layer, SubclassedModel):
                functional = None  # its inputs and outputs are those of its last call: not modelled
            if graph and functional is not None:
                tensors = functional.inputs if attr.startswith("input") else functional.outputs
                if attr in ("input", "output"):
                    return tensors[0] if len(tensors) == 1 else list(tensors)
                return list(tensors)
            if attr == "layers":
                return UNKNOWN if any(isinstance(lyr, OpaqueLayer) for lyr in layer.layer_list()) else layer.layer_list()
            if attr in INERT_MODEL_METHODS or attr in ("add", "build", "pop"):
                return BoundMethod(layer, attr)
            return UNKNOWN
        if attr == "output" and layer.inbound_nodes:
            return layer.inbound_nodes[-1].output_structure
        if layer.rule is not None and layer.class_name in VERBATIM_ATTRIBUTES.get(attr, ()):
            value = layer.rule.args.get(attr, UNKNOWN)
            return value if type(value) is int else UNKNOWN
        for weight in layer.weights:
            if weight.name == attr:  # layer.kernel, layer.bias…: a variable
                return WeightValue(weight.shape)
        return BoundMethod(layer, attr)


# Arguments a layer keeps as its attribute of the same name, as given (``dense.units``): Keras
# stores these integers unchanged, where others are normalised (``conv.kernel_size`` a tuple).
_CONVOLUTIONS = ("Conv1D", "Conv2D", "Conv3D", "Conv1DTranspose", "Conv2DTranspose", "Conv3DTranspose",
                 "SeparableConv1D", "SeparableConv2D")
VERBATIM_ATTRIBUTES: dict[str, tuple[str, ...]] = {
    "units": ("Dense", "LSTM", "GRU", "SimpleRNN"),
    "filters": _CONVOLUTIONS,
    "input_dim": ("Embedding",),
    "output_dim": ("Embedding",),
}


def is_operand(value: Any) -> bool:
    """A tensor, or a constant whose shape is known."""
    if isinstance(value, WeightValue):
        return value.shape is not UNKNOWN
    if isinstance(value, (ArrayValue, ArrayData)):
        return True
    return isinstance(value, KerasTensor) or (is_plain(value) and not isinstance(value, (str, dict)))


def is_op_operand(value: Any) -> bool:
    """An operand of a ``keras.ops`` function: a tensor, a constant whose shape is known, any plain
    value (an einops pattern), or a function of the analysed code (``keras.ops.map``'s), or a list
    of them (``keras.ops.switch``'s branches)."""
    if isinstance(value, (list, tuple)) and value and all(isinstance(v, UserFunction) for v in value):
        return True
    return is_operand(value) or is_plain(value) or isinstance(value, UserFunction)


def traced_spec(value: Any) -> Any:
    """What a traced function returned, as Keras's ``compute_output_spec`` reads it: tensors as
    their specs (shape and dtype; a Python number as a scalar of the backend's dtype for it),
    None, and tuples and lists of those; anything else UNKNOWN."""
    if isinstance(value, KerasTensor):
        return KerasTensor(value.shape, dtype=value.dtype)
    if isinstance(value, ArrayValue):
        return KerasTensor(value.shape, dtype=value.dtype if isinstance(value.dtype, str) else UNKNOWN)
    if isinstance(value, ArrayData):
        return KerasTensor(value.shape, dtype=UNKNOWN)
    if value is None:
        return None
    if type(value) in PYTHON_SCALAR_DTYPES:
        return KerasTensor((), dtype=PYTHON_SCALAR_DTYPES[type(value)])
    if isinstance(value, (tuple, list)):
        items = [traced_spec(v) for v in value]
        return UNKNOWN if any(i is UNKNOWN for i in items) else type(value)(items)
    return UNKNOWN


# The dtype of the backend tensor a Python scalar becomes (JAX: weakly typed, of Keras's floatx / int32).
PYTHON_SCALAR_DTYPES = {bool: "bool", int: "int32", float: "float32"}


def get_layer(model: Functional | Sequential, name: Any, index: Any) -> Any:
    """``Model.get_layer(name=None, index=None)``: ``model.layers[index]``, or the first of
    them so named (a Sequential's layers leave out its InputLayer)."""
    layers = model.layer_list()
    if any(isinstance(layer, OpaqueLayer) for layer in layers):
        return UNKNOWN  # which layers it has is unknown
    if index is not None and name is None:
        return layers[index] if type(index) is int and 0 <= index < len(layers) else UNKNOWN
    if index is not None or not isinstance(name, str):
        return UNKNOWN
    for layer in layers:
        if layer.name is UNKNOWN:
            prefix = layer.name_prefix
            if prefix is None or re.fullmatch(re.escape(prefix) + r"(_\d+)?", name):
                return UNKNOWN  # it may be the one
            continue  # a name Keras generated, which cannot be this one
        if layer.name == name:
            return layer
    return UNKNOWN
