"""Keras's symbolic runtime, emulated: layers, calls, tensors, models, names.

Building a Keras model is a sequence of side effects: each constructor takes a
name from a global counter (``dense``, ``dense_1``, …), each layer call adds a
node to the layer, building a ``Sequential`` creates an ``InputLayer`` and a
``Functional`` behind the scenes (and so takes names too).  kerascheck's
front-end replays the calls that a model file makes, in program order, against
one :class:`Session`, which reproduces those effects exactly and asks the layer
rules for shapes and weights.

Nothing here looks at syntax: positions arrive as opaque ``origin`` objects
that are handed back in results.
"""

from __future__ import annotations

import collections
import math
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any, Callable, Iterator, Mapping, Sequence

from kerascheck import budget
from kerascheck.engine import layers as _layers  # noqa: F401  (registers the rules)
from kerascheck.engine import masking
from kerascheck.engine.dims import (
    UNKNOWN,
    PartialShape,
    Shape,
    Unresolved,
    format_shape,
    is_known,
    refine_min_rank,
    refine_rank,
)
from kerascheck.engine.layer import RULES, InputSpec, LayerError, LayerRule, Weight
from kerascheck.knowledge import keras2 as keras2_record
from kerascheck.knowledge import keras_api
from kerascheck.knowledge.keras_backends import BACKENDS
from kerascheck.knowledge import masking as record_masking
from kerascheck.knowledge.built_at_init import BUILT_AT_INIT

# What a rule may raise beyond LayerError when handed values Keras would reject in
# ways kerascheck does not model: the result is unknown, never a crash.
RULE_FAILURES = (TypeError, ValueError, AttributeError, IndexError, KeyError, ZeroDivisionError, OverflowError)


@lru_cache(maxsize=4096)
def to_snake_case(name: str) -> str:
    """``keras.src.utils.naming.to_snake_case``."""
    name = re.sub(r"\W+", "", name)
    name = re.sub("(.)([A-Z][a-z]+)", r"\1_\2", name)
    return re.sub("([a-z])([A-Z])", r"\1_\2", name).lower()


@dataclass(frozen=True)
class EngineError:
    """An error real Keras would raise while building, at the call that causes it."""

    kind: str
    message: str
    origin: Any
    layer: "Layer | None" = None
    inputs: tuple["KerasTensor", ...] = ()  # what the failing call received
    expected: str | None = None  # for rank errors: "a 3-D input", …
    speculative: bool = False  # raised in code the program may never run so
    keywords: tuple[str, ...] = ()  # the keyword arguments at fault (deprecated, Keras 2 names)
    # A Keras 2 call's mechanical fix, on the origin call: ("rename", ((old, new), ...)) for its
    # keywords, or ("replace", description, new source of the call).
    rewrite: Any = None
    # Data a check of fit/evaluate/predict is about: (label, ArraySpec) pairs, which the message
    # names as "\x00<index>\x00" (see kerascheck.engine.data_checks).
    data: tuple = ()
    # Raised inside the call() of a user layer that Keras traces on symbolic inputs to infer its
    # output: (that layer, the origin of its call), the outermost such call. Keras 3 wraps the
    # error: "Could not automatically infer the output shape / dtype of '<name>' …".
    traced: "tuple[Layer, Any] | None" = None


# --------------------------------------------------------------------------- tensors


@dataclass(eq=False)
class KerasTensor:
    shape: Shape
    layer: "Layer | None" = None
    node_index: int = 0
    tensor_index: int = 0
    dtype: Any = "float32"
    # Keras's ``_keras_mask``: the mask tensor attached to this tensor, None, or UNKNOWN
    # (see kerascheck/engine/masking.py).
    mask: Any = None

    @property
    def node(self) -> "Node":
        assert self.layer is not None
        return self.layer.inbound_nodes[self.node_index]

    def __repr__(self) -> str:
        return f"<KerasTensor {format_shape(self.shape)}>"


@dataclass(frozen=True)
class ArrayData:
    """A concrete array (``np.zeros((2, 7))``, ``keras.ops.ones(shape)``) of a known shape:
    calling an unbuilt Sequential on it builds the model for that shape, batch size included."""

    shape: tuple

    def __str__(self) -> str:
        """Its text where Keras prints the value (``Received: units=...``): the values are unknown."""
        return f"<an array of shape {format_shape(self.shape)}>"


@dataclass(eq=False)
class Node:
    layer: "Layer"
    inputs: list[KerasTensor]
    outputs: list[KerasTensor]
    output_structure: Any  # a KerasTensor or a list of them, as the call returned
    origin: Any = None
    explanations: list[str] = field(default_factory=list)
    list_input: bool = False  # called on a list of tensors (merging layers)
    arg_positions: list[int] | None = None  # which inputs are the call's main input, in the rule's order
    operands: list[Any] | None = None  # for operations: tensors and constants' shapes, in call order
    keyword_tensors: bool = False  # tensors were passed by keyword: Keras 2 orders them its own way
    # Recorded while a user layer's call ran on symbolic inputs.  Keras traces that call
    # with backend tensors (``compute_output_spec``), so such calls leave no node on the
    # inner layers: ``model.summary()`` of a subclassed model does not see them.
    traced: bool = False
    # Called on a dict: Keras matches it to the inputs by name, not in kerascheck's order.
    dict_input: bool = False
    # The layer's skipped nodes (Layer.skipped_nodes) before this one: its index in Keras is
    # its index in ``inbound_nodes`` plus these.
    skipped_before: int = 0
    # The Keras node index of each input's source, where the input stands for the output of a
    # call that was skipped (a Sequential's rebuild on ``add``: Session._extend_build).
    input_node_indices: tuple[int, ...] | None = None

    @property
    def is_input(self) -> bool:
        return not self.inputs

    @property
    def parent_nodes(self) -> list["Node"]:
        return [t.node for t in self.inputs if t.layer is not None]


def _positions_of(wanted: list[KerasTensor], recorded: list[KerasTensor]) -> list[int]:
    """Index in ``recorded`` of each of ``wanted`` (a tensor passed twice is found twice)."""
    used: set[int] = set()
    positions = []
    for tensor in wanted:
        for index, candidate in enumerate(recorded):
            if candidate is tensor and index not in used:
                used.add(index)
                positions.append(index)
                break
    return positions


def _mask_structure(value: Any) -> Any:
    """``tree.map_structure(backend.get_keras_mask, value)`` for tensors and lists of them."""
    if isinstance(value, KerasTensor):
        return value.mask
    if isinstance(value, (list, tuple)):
        return [_mask_structure(v) for v in value]
    if isinstance(value, dict):
        return [_mask_structure(value[k]) for k in _sorted_keys(value)]
    return None


def _quote(name: Any) -> str:
    return "?" if name is UNKNOWN else f"'{name}'"


def _graph_inputs(tensor: KerasTensor) -> list[KerasTensor]:
    """The InputLayer tensors that ``tensor`` depends on, in first-seen order."""
    found: dict[int, KerasTensor] = {}
    seen: set[int] = set()
    stack = [tensor]
    while stack:
        current = stack.pop()
        if current.layer is None or id(current) in seen:
            continue
        seen.add(id(current))
        node = current.node
        if node.is_input:
            found.setdefault(id(current), current)
        else:
            stack.extend(reversed(node.inputs))
    return list(found.values())


def _flat_paths(structure: Any, prefix: str = "") -> list[str]:
    """``keras.tree.flatten_with_path`` paths, joined with dots as Keras prints them."""
    if isinstance(structure, (list, tuple)):
        return [p for i, item in enumerate(structure) for p in _flat_paths(item, _join(prefix, str(i)))]
    if isinstance(structure, dict):
        return [p for key in _sorted_keys(structure) for p in _flat_paths(structure[key], _join(prefix, str(key)))]
    return [prefix]


def _join(prefix: str, part: str) -> str:
    return f"{prefix}.{part}" if prefix else part


def flatten(structure: Any) -> list[Any]:
    """``keras.tree.flatten`` for the structures a model file passes around."""
    if isinstance(structure, (list, tuple)):
        return [x for item in structure for x in flatten(item)]
    if isinstance(structure, dict):
        return [x for key in _sorted_keys(structure) for x in flatten(structure[key])]
    return [structure]


def _flatten_shapes(structure: Any) -> list[Any]:
    """The shapes of a structure of shapes (lists and dicts of them); a shape is a leaf."""
    if isinstance(structure, list):
        return [x for item in structure for x in _flatten_shapes(item)]
    if isinstance(structure, dict):
        return [x for key in _sorted_keys(structure) for x in _flatten_shapes(structure[key])]
    return [structure]


def _sorted_keys(mapping: dict) -> list[Any]:
    """Keras flattens dicts in sorted key order (keys that do not sort keep their order)."""
    try:
        return sorted(mapping)
    except TypeError:
        return list(mapping)


# --------------------------------------------------------------------------- layers


class Layer:
    """One layer instance of the analysed program."""

    is_operation = False  # a keras.ops operation (``x + y``), not a layer
    # The prefix of the name Keras generated for it (``dense``: ``dense`` or ``dense_<N>``), where
    # it was not named: its name, even when not known, can only be one of those.
    name_prefix: str | None = None

    def __init__(
        self,
        session: "Session",
        class_name: str,
        name: Any,
        origin: Any,
        rule: LayerRule | None = None,
        trainable: Any = True,
        dtype: Any = None,
    ) -> None:
        self.session = session
        # What its variables are stored in: its ``dtype=``, else the global dtype policy's
        # (which Keras fixes at the first layer built without one). UNKNOWN: a dtype not
        # followed (a user layer's __init__ may pass one to Layer.__init__ or not).
        if dtype is UNKNOWN:
            self.variable_bytes: Any = UNKNOWN
            session.policy_may_have_been_fixed()
        else:
            self.variable_bytes = variable_dtype_bytes(dtype) if dtype is not None else session.policy_variable_bytes()
        # Its dtype policy is mixed_float16 (UNKNOWN: not known).
        self.mixed_float16: Any = session.policy_mixed if dtype is None else is_mixed_float16(dtype)
        self.class_name = class_name
        # A user's subclass of a built-in layer that behaves as its base (Session.create_layer's
        # ``as_class``): the class the summary shows and names it after; class_name is the base's.
        self.shown_class: str | None = None
        # That subclass overrides call(): what an eager call returns is its own code's.
        self.call_overridden = False
        self.name = name
        self.origin = origin
        self.rule = rule
        self.trainable = trainable
        self.inbound_nodes: list[Node] = []
        # Nodes Keras makes that are not recorded: the identical calls of a Sequential's
        # layers each time ``add`` rebuilds it (Session._extend_build). They count in the
        # node indices of later calls.
        self.skipped_nodes = 0
        self.built = False
        self.own_weights: list[Weight] = []
        self.weights_known = True
        self.param_explanations: list[str] = []
        self.input_shape_arg: Any = None  # legacy `input_shape=` / `input_dim=`
        self.batch_input_shape_arg: Any = None  # Keras 2's `batch_input_shape=`
        self.speculative = session.speculative
        # Set when code that may or may not run could have called this layer: how many
        # nodes it has, and what its last call returned, are unknown.
        self.calls_uncertain = False
        # The output shape for the input shape Keras built the layer with (what
        # ``compute_output_shape(**layer._build_shapes_dict)`` gives), UNKNOWN when it cannot
        # be computed; None while Keras has not built it through ``build()``.
        self.build_output: Any = None
        # Set when it was called, before it was built, on something kerascheck could not
        # resolve: Keras built it there, with weights and a build shape unknown here.
        self.build_uncertain = False

    def __repr__(self) -> str:
        return f"<{self.class_name} {self.name}>"

    # -- weights ----------------------------------------------------------------
    @property
    def weights(self) -> list[Weight]:
        return self.own_weights

    def trainable_weight_list(self) -> list[Weight]:
        if self.trainable is False:
            return []
        return [w for w in self.weights if w.trainable]

    def non_trainable_weight_list(self) -> list[Weight]:
        if self.trainable is False:
            return list(self.weights)
        return [w for w in self.weights if not w.trainable]

    def weights_resolved(self) -> bool:
        """Its weights, and which of them train, are known."""
        return self.weights_complete() and self.trainable_resolved()

    def weights_complete(self) -> bool:
        """Which weights it has is known (whether they train or not may not be)."""
        return self.weights_known and not self.build_uncertain

    def trainable_resolved(self) -> bool:
        return self.trainable is not UNKNOWN and all(layer.trainable_resolved() for layer in self.sublayers())

    def sublayers(self) -> list["Layer"]:
        """The layers Keras tracks inside this one (``Layer._layers``)."""
        return []

    def keras_classes(self) -> frozenset[str] | None:
        """The Keras classes this object is an instance of (its class and the recorded bases),
        for ``isinstance``; None for a user's class, an operation or what kerascheck cannot see."""
        if type(self) is Functional:
            return frozenset(("Functional", "Model", "Layer"))
        if self.is_operation or self.class_name not in keras_api.CLASSES or isinstance(
            self, (UserLayer, OpaqueModel, UnresolvedFunctional)
        ):
            return None
        return frozenset((self.class_name, *(keras_api.CLASSES[self.class_name]["bases"] or ())))

    def set_trainable(self, value: Any) -> None:
        """``layer.trainable = value``: Keras sets it on every sublayer too, recursively."""
        self.trainable = value
        for layer in self.sublayers():
            layer.set_trainable(value)

    # -- calling ------------------------------------------------------------------
    def compute_output_shape(self, input_shape: Any, node: Node | None = None) -> Any:
        if self.rule is None:
            return UNKNOWN
        self.rule.explanations = []
        shape = self.rule.compute_output_shape(input_shape)
        if node is not None:
            node.explanations = list(self.rule.explanations)
        return shape

    def build(self, input_shape: Any) -> None:
        if self.rule is None:
            self.weights_known = False
            self.built = True
            return
        self.rule.explanations = []
        self.rule.weights = []
        try:
            self.rule.build(input_shape)
        except Unresolved:
            self.weights_known = False
        if self.session.keras_version == 3:  # Keras 2 does not count the names of sub-layers
            for class_name in self.rule.auxiliary_layers_on_build:
                self.session.auto_name(class_name)
        size, int_size = self.variable_bytes, self.session.int_variable_bytes()

        def sized(weight: Weight) -> Weight:
            # Every variable takes the layer's variable dtype, but those of dtype "int", the
            # backend's (an unknown size is not compared: that would be a decision on it).
            wanted = int_size if weight.integer else size
            return weight if wanted is not UNKNOWN and weight.dtype_bytes == wanted else replace(weight, dtype_bytes=wanted)

        self.own_weights = [sized(w) for w in self.rule.weights]
        if any(not is_known(w.shape) for w in self.own_weights):
            self.weights_known = False
        self.param_explanations = list(self.rule.explanations)
        self.built = True


# Bytes per variable for a layer's ``dtype=`` (its dtype policy's variable dtype).
_VARIABLE_DTYPE_BYTES = {
    None: 4, "float32": 4, "mixed_float16": 4, "mixed_bfloat16": 4,
    "float64": 8, "float16": 2, "bfloat16": 2,
}


@dataclass(frozen=True)
class DTypePolicy:
    """``keras.DTypePolicy(name)`` (``keras.mixed_precision.Policy``): a dtype policy by its name,
    for a layer's ``dtype=`` or the global policy, where the name serves as well."""

    name: str


def is_mixed_float16(policy: Any) -> Any:
    """The dtype policy (a string or a :class:`DTypePolicy`) is mixed_float16; UNKNOWN if its
    name is not known."""
    name = policy.name if isinstance(policy, DTypePolicy) else policy
    return name == "mixed_float16" if isinstance(name, str) else UNKNOWN


def variable_dtype_bytes(dtype: Any) -> Any:
    if isinstance(dtype, DTypePolicy):
        dtype = dtype.name
    return _VARIABLE_DTYPE_BYTES.get(dtype, UNKNOWN) if isinstance(dtype, (str, type(None))) else UNKNOWN


# Bytes per variable for ``keras.config.set_floatx()``'s values (it rejects others).
_FLOATX_BYTES = {name: _VARIABLE_DTYPE_BYTES[name] for name in ("float16", "bfloat16", "float32", "float64")}


class InputLayer(Layer):
    tensor_name: Any = UNKNOWN  # the name of its output KerasTensor (what clone_model names a copy)

    def __init__(self, session: "Session", batch_shape: Any, dtype: Any, name: Any, origin: Any) -> None:
        super().__init__(session, "InputLayer", name, origin)
        self.batch_shape = batch_shape
        self.dtype = dtype
        self.built = True
        tensor = KerasTensor(batch_shape, self, 0, 0, dtype)
        self.inbound_nodes.append(Node(self, [], [tensor], tensor, origin))

    @property
    def output(self) -> KerasTensor:
        return self.inbound_nodes[0].outputs[0]


class Model(Layer):
    """Base of :class:`Functional` and :class:`Sequential`."""

    kind = "model"
    variable: str | None = None  # the name the program binds the model to
    variable_is_global = False
    reported = True  # built or bound by the analysed file itself
    optimizer_built = False  # trained (fit…): the optimizer's variables exist
    compiled = False
    # compile(loss=...): a kerascheck.engine.losses.LossSpec, a list or dict of them, or UNKNOWN;
    # None until compiled with a loss.
    compile_loss: Any = None
    # compile(metrics=[...], weighted_metrics=[...]): the metrics in order, each object a
    # kerascheck.engine.metrics.MetricSpec, each string itself, anything else UNKNOWN.
    compile_metrics: Any = ()
    # Built on the first data a loss-computing method (fit, evaluate…) gave since compile.
    metrics_built = False
    compile_errors: Any = ()  # errors Keras raises when the compiled loss and metrics are built (fit)
    # compile(optimizer=...): a kerascheck.engine.optimizers.OptimizerSpec, or UNKNOWN.
    compile_optimizer: Any = None
    # (values, bytes) of the optimizer's variables, fixed when it is built (the first fit); None before.
    optimizer_params: Any = None

    def layer_list(self) -> list[Layer]:
        raise NotImplementedError

    def build_optimizer(self) -> None:
        """``fit`` (or ``evaluate``…) of a compiled model: its optimizer, built once, makes its
        variables for the model's trainable variables as they are now."""
        if self.optimizer_params is not None:
            return
        from kerascheck.engine.optimizers import optimizer_params
        from kerascheck.engine.summary import count_params, memory_size

        built = self.session.built_optimizers
        spec = self.compile_optimizer
        if id(spec) in built:  # built for another model's variables already: not followed
            self.optimizer_params = (UNKNOWN, UNKNOWN)
        elif not self.weights_complete() or not self.trainable_resolved():
            self.optimizer_params = (UNKNOWN, UNKNOWN)
        else:
            trainable = self.trainable_weight_list()
            self.optimizer_params = optimizer_params(spec, count_params(trainable), memory_size(trainable),
                                                     self.session.int_variable_bytes())
        if spec is not None and spec is not UNKNOWN:
            built[id(spec)] = (spec, self.optimizer_params)

    def compiled_with(self, spec: Any, auto_scale_loss: Any = True) -> None:
        """``compile(optimizer=...)``: a new optimizer is built at the next fit; one the program
        already built (the same object compiled again) keeps its variables. A model whose dtype
        policy is mixed_float16 has it wrapped in a LossScaleOptimizer (``auto_scale_loss``)."""
        from kerascheck.engine.optimizers import loss_scaled

        if auto_scale_loss is not False and spec is not None and self.mixed_float16 is not False:
            spec = loss_scaled(spec) if self.mixed_float16 is True and auto_scale_loss is True else UNKNOWN
        self.compile_optimizer = spec
        done = self.session.built_optimizers.get(id(spec))
        self.optimizer_built, self.optimizer_params = (True, done[1]) if done is not None else (False, None)

    def build(self, input_shape: Any) -> None:
        """A model's weights are its layers'; building only connects them."""
        self.built = True

    def all_weight_layers(self) -> list[Layer]:
        seen: dict[int, Layer] = {}
        for layer in self.layer_list():
            seen.setdefault(id(layer), layer)
        return list(seen.values())

    def sublayers(self) -> list[Layer]:
        return self.all_weight_layers()

    @property
    def weights(self) -> list[Weight]:
        return [w for layer in self.all_weight_layers() for w in layer.weights]

    def trainable_weight_list(self) -> list[Weight]:
        if self.trainable is False:
            return []
        return [w for layer in self.all_weight_layers() for w in layer.trainable_weight_list()]

    def non_trainable_weight_list(self) -> list[Weight]:
        if self.trainable is False:
            return list(self.weights)
        return [w for layer in self.all_weight_layers() for w in layer.non_trainable_weight_list()]

    def weights_complete(self) -> bool:
        return not self.build_uncertain and all(layer.weights_complete() for layer in self.all_weight_layers())


class Functional(Model):
    kind = "functional"

    def __init__(self, session: "Session", inputs: Any, outputs: Any, name: Any, origin: Any) -> None:
        super().__init__(session, "Functional", name, origin)
        self.inputs_structure = inputs
        self.outputs_structure = outputs
        self.inputs: list[KerasTensor] = flatten(inputs)
        self.outputs: list[KerasTensor] = flatten(outputs)
        self.nodes_by_depth, self.operations = map_graph(self.inputs, self.outputs)
        self._check_outputs_connected()
        self.built = True
        # The instance of a user's Model subclass that Keras made this Functional (its
        # __init__ passed inputs and outputs to super().__init__()): layers it assigns to
        # attributes count in the weights without being rows.
        self.subclass_instance: "SubclassedModel | None" = None
        # That class defines call(): what calling the model gives is the user's code's.
        self.call_overridden = False

    def all_weight_layers(self) -> list[Layer]:
        layers = super().all_weight_layers()
        if self.subclass_instance is not None:
            seen = {id(layer) for layer in layers}
            layers += [layer for layer in self.subclass_instance.tracked if id(layer) not in seen]
        return layers

    def weights_complete(self) -> bool:
        owner = self.subclass_instance
        return super().weights_complete() and (owner is None or owner.weights_known and not owner.added_weights)

    def _check_outputs_connected(self) -> None:
        """``Function._run_through_graph`` from the inputs alone must reach every output."""
        computed = {id(t) for t in self.inputs}
        for depth in sorted(self.nodes_by_depth, reverse=True):
            for node in self.nodes_by_depth[depth]:
                if node.is_input or any(id(t) not in computed for t in node.inputs):
                    continue
                computed.update(id(t) for t in node.outputs)
        for path, tensor in zip(_flat_paths(self.outputs_structure), self.outputs):
            if id(tensor) not in computed:
                given = {id(t) for t in self.inputs}
                missing = [
                    t.layer for t in _graph_inputs(tensor) if id(t) not in given and t.layer is not None
                ]
                needs = ", ".join(f"{_quote(layer.name)}" for layer in missing)
                why = f"the outputs need input {needs}, which is not among `inputs`. " if missing else ""
                raise LayerError(f"{why}Keras: Output with path `{path}` is not connected to `inputs`", "graph")

    def layer_list(self) -> list[Layer]:
        return list(self.operations)

    def input_spec(self) -> list[InputSpec | None] | None:
        """``Functional.input_spec``: per input, its shape without the batch size, named after
        the layer that made it; a rank one higher or lower passes when the extra last axis is 1.
        None where kerascheck does not follow which spec Keras takes (inputs in a dict, a
        subclass that may set its own); a None entry for an input whose shape is unknown."""
        if isinstance(self.inputs_structure, dict) or self.subclass_instance is not None:
            return None
        specs: list[InputSpec | None] = []
        for tensor in self.inputs:
            shape = tensor.shape
            if not isinstance(shape, tuple):
                specs.append(None)
                continue
            name = tensor.layer.name if tensor.layer is not None else UNKNOWN
            specs.append(InputSpec(shape=(None, *shape[1:]) if shape else (), allow_last_axis_squeeze=True, name=name))
        return specs

    def check_inputs(self, flat_shapes: list[Any]) -> None:
        """``Functional._assert_input_compatibility`` (run by ``compute_output_spec``, so on every
        symbolic call and every ``compute_output_shape``). Not for Keras 2: not recorded there."""
        if self.session.keras_version != 3:
            return
        specs = self.input_spec()
        if specs is None:
            return
        for index, (spec, shape) in enumerate(zip(specs, flat_shapes)):
            if spec is not None:
                check_spec(index, spec, shape, self.name)

    def compute_output_shape(self, input_shape: Any, node: Node | None = None, check_inputs: bool = True) -> Any:
        """Run the graph on new input shapes, like ``Function._run_through_graph``; a Sequential's
        (``check_inputs`` False) checks no input spec, only its layers check theirs."""
        shapes: dict[int, Any] = {}
        flat_in = _flatten_shapes(input_shape)
        if len(flat_in) != len(self.inputs):
            raise LayerError(
                f'Layer "{self.name}" expects {len(self.inputs)} input(s), but it received '
                f"{len(flat_in)} input tensors.",
                "rank",
            )
        if check_inputs and (node is None or not node.dict_input):
            self.check_inputs(flat_in)
        if self.session.keras_version == 2 and any(
            isinstance(shape, tuple) and isinstance(t.shape, tuple) and len(shape) != len(t.shape)
            for t, shape in zip(self.inputs, flat_in)
        ):
            # Keras 2 conforms such inputs to the model's own (the output it gives was not recorded).
            raise Unresolved("a Keras 2 model called on inputs of another rank")
        for tensor, shape in zip(self.inputs, flat_in):
            shapes[id(tensor)] = shape
        for depth in sorted(self.nodes_by_depth, reverse=True):
            for graph_node in self.nodes_by_depth[depth]:
                if graph_node.is_input:
                    continue
                if graph_node.operands is not None:
                    args = [
                        shapes.get(id(o), UNKNOWN) if isinstance(o, KerasTensor) else o for o in graph_node.operands
                    ]
                else:
                    positions = graph_node.arg_positions or range(len(graph_node.inputs))
                    args = [shapes.get(id(graph_node.inputs[i]), UNKNOWN) for i in positions]
                layer = graph_node.layer
                arg = args if graph_node.list_input else args[0]
                # A nested model checks its inputs as the call did (the node says how it was called).
                out = layer.compute_output_shape(arg, graph_node) if isinstance(layer, Model) else layer.compute_output_shape(arg)
                outs = out if isinstance(out, list) else [out]
                for tensor, shape in zip(graph_node.outputs, outs):
                    shapes[id(tensor)] = shape
        results = [shapes.get(id(t), UNKNOWN) for t in self.outputs]
        return results[0] if len(results) == 1 else results


class Sequential(Model):
    kind = "sequential"

    def __init__(self, session: "Session", name: Any, origin: Any, trainable: Any = True) -> None:
        super().__init__(session, "Sequential", name, origin, trainable=trainable)
        self.stack: list[Layer] = []
        self._functional: Functional | None = None
        # The Functional of the last rebuild, made when first asked for: (input, output, name).
        self._deferred: tuple[Any, Any, Any] | None = None
        # The input and every layer's output as the last build made them, while ``add`` only
        # extends it (Session._extend_build); None when the next rebuild must call every layer.
        self.chain: list[KerasTensor] | None = None

    @property
    def functional(self) -> "Functional | None":
        if self._deferred is not None:
            inputs, outputs, name = self._deferred
            self._deferred = None
            model = self.session.functional_named(inputs, outputs, name, self.origin, register=False)
            self._functional = model if isinstance(model, Functional) else None
        return self._functional

    @functional.setter
    def functional(self, value: "Functional | None") -> None:
        self._deferred = None
        self._functional = value
        if value is None:
            self.chain = None

    def layer_list(self) -> list[Layer]:
        if self.stack and isinstance(self.stack[0], InputLayer):
            return self.stack[1:]
        return list(self.stack)

    def build(self, input_shape: Any) -> None:
        """Called on a tensor before it was built: Keras builds it for that input."""
        if self.functional is None and self.stack:
            self.session.sequential_build(self, input_shape, self.origin)
        self.built = True

    def compute_output_shape(self, input_shape: Any, node: Node | None = None) -> Any:
        if self.functional is not None:
            return self.functional.compute_output_shape(input_shape, node)
        shape = input_shape
        for layer in self.layer_list():
            shape = layer.compute_output_shape(shape)
        return shape


# Keras builds a model's graph (``map_graph``) by recursion, one Python frame per node of
# the longest path it follows: at Python's default recursion limit (1,000) a model deeper
# than about 990 nodes raises RecursionError, as does every Sequential.add past that depth.
# Below this depth Keras succeeds whatever frames the program itself has on the stack
# (kerascheck follows at most MAX_CALL_DEPTH = 24 calls); above it, whether Keras raises
# depends on the program's recursion limit, so such a model is unknown.
KERAS_MAX_GRAPH_DEPTH = 900


class GraphTooDeep(Unresolved):
    """A model graph deeper than :data:`KERAS_MAX_GRAPH_DEPTH`: Keras may raise RecursionError building it."""

    def __init__(self, depth: int) -> None:
        super().__init__(f"a graph more than {KERAS_MAX_GRAPH_DEPTH} nodes deep")
        self.depth = depth


def map_graph(inputs: list[KerasTensor], outputs: list[KerasTensor]) -> tuple[dict[int, list[Node]], list[Layer]]:
    """``keras.src.ops.function.map_graph``: depth of each node, layers by depth.

    Raises :class:`GraphTooDeep` where Keras may raise RecursionError.
    """
    finished: set[int] = set()
    in_progress: set[int] = set()
    ordered: list[Node] = []
    operation_indices: dict[int, int] = {}
    input_ids = {id(t) for t in inputs}

    def enter(tensor: KerasTensor) -> Node | None:
        """The node to visit for ``tensor`` (None: nothing to visit); Keras's helper up to its recursion."""
        layer = tensor.layer
        if layer is None:
            return None
        node = tensor.node
        if id(node) in finished:
            return None
        if not node.is_input and id(tensor) in input_ids:
            finished.add(id(node))
            return None
        if id(node) in in_progress:
            raise LayerError(f"Tensor {tensor} from operation '{layer.name}' is part of a cycle.", "graph")
        operation_indices.setdefault(id(layer), len(operation_indices))
        in_progress.add(id(node))
        return node

    # Keras's ``_build_map_helper`` recurses once per node of the path it follows; here the
    # same depth-first walk, in the same order, keeps its path in a list (any depth).
    for tensor in outputs:
        first = enter(tensor)
        if first is None:
            continue
        path: list[tuple[Node, Iterator[KerasTensor]]] = [(first, iter(() if first.is_input else first.inputs))]
        while path:
            if len(path) > KERAS_MAX_GRAPH_DEPTH:
                raise GraphTooDeep(len(path))
            node, pending = path[-1]
            for t in pending:
                child = enter(t)
                if child is not None:
                    path.append((child, iter(() if child.is_input else child.inputs)))
                    break
            else:
                path.pop()
                finished.add(id(node))
                in_progress.discard(id(node))
                ordered.append(node)
    budget.spend(len(ordered))

    in_graph = {id(n) for n in ordered}
    node_depth: dict[int, int] = {}
    node_by_id: dict[int, Node] = {}
    layer_depth: dict[int, int] = {}
    layer_by_id: dict[int, Layer] = {}
    for node in reversed(ordered):
        node_by_id[id(node)] = node
        depth = node_depth.setdefault(id(node), 0)
        depth = max(depth, layer_depth.get(id(node.layer), 0))
        layer_depth[id(node.layer)] = depth
        layer_by_id[id(node.layer)] = node.layer
        node_depth[id(node)] = depth
        for parent in node.parent_nodes:
            if id(parent) not in in_graph:
                continue
            node_depth[id(parent)] = max(depth + 1, node_depth.get(id(parent), 0))
            node_by_id[id(parent)] = parent

    for tensor in inputs:
        layer = tensor.layer
        if layer is not None and id(layer) not in layer_depth:
            node = tensor.node
            if node.is_input:
                layer_depth[id(layer)] = 0
                layer_by_id[id(layer)] = layer
                operation_indices[id(layer)] = -1
                node_depth[id(node)] = 0
                node_by_id[id(node)] = node

    nodes_by_depth: dict[int, list[Node]] = collections.defaultdict(list)
    for node_id, depth in node_depth.items():
        nodes_by_depth[depth].append(node_by_id[node_id])
    layers_by_depth: dict[int, list[Layer]] = collections.defaultdict(list)
    for layer_id, depth in layer_depth.items():
        layers_by_depth[depth].append(layer_by_id[layer_id])
    operations: list[Layer] = []
    for depth in sorted(layers_by_depth, reverse=True):
        operations.extend(sorted(layers_by_depth[depth], key=lambda lyr: operation_indices[id(lyr)]))

    # Every tensor needed must be computable from the inputs.
    computable = {id(t) for t in inputs}
    for depth in sorted(nodes_by_depth, reverse=True):
        for node in nodes_by_depth[depth]:
            for t in node.inputs:
                if id(t) not in computable:
                    raise LayerError(
                        f"Graph disconnected: cannot find parent for tensor {t} at operation "
                        f"'{node.layer.name}'.",
                        "graph",
                    )
            computable.update(id(t) for t in node.outputs)
    return dict(nodes_by_depth), operations


# --------------------------------------------------------------------------- the session


def bind_arguments(owner: str, params: Sequence[tuple], args: Sequence[Any], kwargs: dict[str, Any]) -> dict[str, Any]:
    """Bind call arguments to a recorded signature, filling recorded defaults.

    Raises :class:`LayerError` for what Python or Keras would reject:
    too many positional arguments, a missing required one, an unknown keyword.
    """
    _, positional, named, accepts_kwargs, fill = _signature(params)
    bound: dict[str, Any] = {}
    if len(args) > len(positional):
        raise LayerError(
            f"{owner}.__init__() takes {len(positional) + 1} positional arguments "
            f"but {len(args) + 1} were given",
            "config",
        )
    for (pname, _default, _kind), value in zip(positional, args):
        bound[pname] = value
    extra: dict[str, Any] = {}
    for key, value in kwargs.items():
        if key in bound:
            raise LayerError(f"{owner}.__init__() got multiple values for argument '{key}'", "config")
        if key in named:
            bound[key] = value
        elif accepts_kwargs:
            extra[key] = value
        else:
            raise LayerError(f"{owner}.__init__() got an unexpected keyword argument '{key}'", "config")
    for pname, default, required in fill:
        if pname in bound:
            continue
        if required:
            raise LayerError(f"{owner}.__init__() missing 1 required positional argument: '{pname}'", "config")
        bound[pname] = default
    bound["**"] = extra
    return bound


_CONSTRUCTOR_PARAMS: dict[int, tuple[dict, tuple[tuple, ...]]] = {}


def _constructor_params(spec: dict) -> tuple[tuple, ...]:
    """A layer class's own parameters, then those its ``**kwargs`` hands to Keras base classes."""
    entry = _CONSTRUCTOR_PARAMS.get(id(spec))
    if entry is None or entry[0] is not spec:
        params = tuple(spec["params"]) + tuple(p for p in spec.get("base_params", ()) if p[1] != keras_api.REQUIRED)
        entry = (spec, params)
        if len(_CONSTRUCTOR_PARAMS) < 4096:
            _CONSTRUCTOR_PARAMS[id(spec)] = entry
    return entry[1]


# id(params) -> (params, positional, named, accepts **kwargs, (name, default, required) to fill in):
# recorded signatures are read-only and live as long as the knowledge modules, so each is
# analysed once.
_Signature = tuple[Sequence[tuple], list[tuple], dict[str, tuple], bool, list[tuple[str, Any, bool]]]
_SIGNATURES: dict[int, _Signature] = {}


def _signature(params: Sequence[tuple]) -> _Signature:
    entry = _SIGNATURES.get(id(params))
    if entry is None or entry[0] is not params:
        entry = (
            params,
            [p for p in params if p[2] == "positional"],
            {p[0]: p for p in params if not p[0].startswith("*")},
            any(p[2] == "var_keyword" for p in params),
            [
                (name, UNKNOWN if default == keras_api.OPAQUE else default, default == keras_api.REQUIRED)
                for name, default, _ in params
                if not name.startswith("*")
            ],
        )
        if len(_SIGNATURES) < 4096:
            _SIGNATURES[id(params)] = entry
    return entry


def keras2_rule_applies(class_name: str, kwargs: dict[str, Any]) -> bool:
    """Whether the (Keras 3) rule of ``class_name`` gives Keras 2's numbers for these arguments."""
    if class_name in keras2_record.SAME or class_name in keras2_record.SAME_WITH_STATIC_DIMS:
        return True
    differing = keras2_record.SAME_WITHOUT_ARGUMENTS.get(class_name)
    return differing is not None and not any(k in kwargs for k in differing)


def _keras2_differs_on_dynamic_dims(layer: Layer, inputs: list[KerasTensor]) -> bool:
    if layer.class_name not in keras2_record.SAME_WITH_STATIC_DIMS:
        return False
    return any(not isinstance(t.shape, tuple) or None in t.shape[1:] for t in inputs)


def keras2_errors_agree(class_name: str | None) -> bool:
    """Keras 2 raises where the rule of ``class_name`` raises (None: not a layer's error)."""
    return class_name in keras2_record.ERRORS_AGREE and keras2_rule_applies(class_name, {})


class Session:
    """The global state of one run of a model file (Keras's name counters and objects)."""

    def __init__(self, keras_version: int = 3, backend: str = "jax") -> None:
        # 3: Keras 3.15, the default.  2: Keras 2 (tf.keras up to TensorFlow 2.15, tf-keras):
        # the same layer rules where Keras 2 was recorded to agree (knowledge/keras2.py),
        # Keras 2's names for inputs, models and operators, and no diagnostics it was not
        # recorded to share.
        self.keras_version = keras_version
        # Keras 3's backend (``KERAS_BACKEND``): the configured one, unless the program sets the
        # variable before it imports Keras; UNKNOWN when it sets one kerascheck cannot read.
        self.backend: Any = "tensorflow" if keras_version == 2 else backend
        self.keras_imported = False
        self.name_uids: dict[str, int] = collections.defaultdict(int)
        self.uids: dict[str, int] = collections.defaultdict(int)  # Keras 2's backend.get_uid
        self.models: list[Model] = []
        self.errors: list[EngineError] = []
        # (name, syntax node of the assigned value, ArraySpec or a dataset's element) of the
        # analysed file's assignments of data (see Session.bind_data).
        self.data_bindings: list[tuple[str, Any, Any]] = []
        self.layers: list[Layer] = []  # every layer constructed, in program order
        # Set once code kerascheck cannot follow may have created Keras objects:
        # from then on, the names Keras generates are unknown.
        self.names_uncertain = False
        # Prefixes whose counter alone is unknown (a ``Dense(name=<unknown>)`` took "dense" or not).
        self.uncertain_prefixes: set[str] = set()
        # id(OptimizerSpec) -> (the spec, the (values, bytes) of its variables): optimizers built by a fit.
        self.built_optimizers: dict[int, tuple[Any, Any]] = {}
        # Set while code runs that the program may never run that way (a model factory
        # analysed with its defaults): what it builds is marked speculative.
        self.speculative = False
        # Set while code runs whose errors a handler around it catches (``try: … except
        # ValueError:``): what Keras raises there is not reported.
        self.catching = 0
        # The errors a handler of the program took (their ids): raised no further.
        self.handled_errors: set[int] = set()
        # keras.config.image_data_format(), unless the program sets it.
        self.image_data_format: Any = "channels_last"
        # The default variable dtype, as bytes per variable: ``keras.config.floatx()``, and
        # the global dtype policy's once Keras has fixed it (None: not yet). Keras 3 fixes it
        # from floatx at the first layer built without ``dtype=`` (or any read of it);
        # set_dtype_policy sets it and clear_session forgets it.
        self.floatx_bytes: Any = 4
        self.policy_bytes: Any = None
        # Code kerascheck cannot follow (or a user layer's __init__) may have fixed the policy.
        self.policy_maybe_fixed = False
        # Set once the program changes floatx or the dtype policy (layers may then convert
        # their inputs to another compute dtype).
        self.dtype_policy_changed = False
        # The global dtype policy is mixed_float16 (compile then wraps optimizers in a LossScaleOptimizer).
        self.policy_mixed: Any = False
        # > 0 while a user layer's call runs on symbolic inputs (see Node.traced).
        self.tracing = 0
        # The user layers whose call() runs on symbolic inputs, outermost first, with the
        # origins of their calls (errors inside are wrapped by the outermost: EngineError.traced).
        self.traced_calls: list[tuple[Layer, Any]] = []

    def names_uncertain_from_opaque_code(self) -> None:
        self.names_uncertain = True
        self.policy_may_have_been_fixed()

    def names_uncertain_for(self, classes: Sequence[str]) -> None:
        """Objects of these classes may or may not have been created: their names are unknown
        from here, the others' stay known."""
        self.uncertain_prefixes.update(to_snake_case(name) for name in classes)

    def trainable_uncertain(self) -> None:
        """``x.trainable = ...`` where x may be any layer or model built so far."""
        for layer in (*self.layers, *self.models):
            layer.trainable = UNKNOWN

    def clear_session(self) -> None:
        """``keras.backend.clear_session()``: name counters start again; in Keras 3 the global
        dtype policy is forgotten too (floatx is not)."""
        self.name_uids.clear()
        self.uids.clear()
        self.names_uncertain = False
        self.uncertain_prefixes.clear()
        if self.keras_version == 3:
            self.policy_bytes, self.policy_maybe_fixed = None, False
            self.policy_mixed = False

    # -- the default variable dtype ------------------------------------------------------
    def policy_variable_bytes(self) -> Any:
        """What a layer built without ``dtype=`` stores its variables in (``keras.config.dtype_policy()``,
        which fixes the global policy from floatx if nothing has yet)."""
        if self.policy_bytes is None:
            self.policy_bytes = self.floatx_bytes
        return self.policy_bytes

    def policy_may_have_been_fixed(self) -> None:
        """Something not followed may have built a layer without ``dtype=`` (or read the policy)."""
        self.policy_maybe_fixed = self.policy_maybe_fixed or self.policy_bytes is None

    def set_floatx(self, dtype: Any) -> None:
        """``keras.config.set_floatx(dtype)``: the policy follows only while nothing has fixed it."""
        self.dtype_policy_changed = True
        if self.keras_version == 2:  # tf.keras reads floatx in ways not recorded here
            self.floatx_bytes = self.policy_bytes = UNKNOWN
            return
        self.floatx_bytes = _FLOATX_BYTES.get(dtype, UNKNOWN) if isinstance(dtype, str) else UNKNOWN
        if self.policy_bytes is None and self.policy_maybe_fixed:
            self.policy_bytes = UNKNOWN  # fixed from the old floatx, or to be fixed from this one

    def set_backend(self, name: Any) -> None:
        """``os.environ["KERAS_BACKEND"] = name``: Keras reads it when it is imported (later, it
        changes nothing)."""
        if not self.keras_imported:
            self.backend = name if isinstance(name, str) and name in BACKENDS else UNKNOWN

    def int_variable_bytes(self) -> Any:
        """Bytes of a variable of dtype ``"int"`` (an optimizer's ``iteration``, Normalization's
        ``count``): ``int64`` on TensorFlow, ``int32`` elsewhere (``dtypes.PYTHON_DTYPES_MAP``)."""
        if self.backend is UNKNOWN:
            return UNKNOWN
        return 8 if self.backend == "tensorflow" else 4

    def set_dtype_policy(self, policy: Any) -> None:
        """``keras.config.set_dtype_policy(policy)`` (``keras.mixed_precision.set_global_policy``)."""
        self.dtype_policy_changed = True
        known = self.keras_version == 3 and isinstance(policy, (str, DTypePolicy))
        self.policy_bytes = variable_dtype_bytes(policy) if known else UNKNOWN
        self.policy_mixed = is_mixed_float16(policy) if known else UNKNOWN

    # -- names --------------------------------------------------------------------
    def uniquify(self, name: str) -> Any:
        if self.names_uncertain or name in self.uncertain_prefixes:
            return UNKNOWN
        if name in self.name_uids:
            unique = f"{name}_{self.name_uids[name]}"
        else:
            unique = name
        self.name_uids[name] += 1
        return unique

    def get_uid(self, prefix: str) -> Any:
        """Keras 2's ``backend.get_uid``: 1, 2, … per prefix (``input_1``)."""
        if self.names_uncertain:
            return UNKNOWN
        self.uids[prefix] += 1
        return self.uids[prefix]

    def input_layer_name(self, explicit: Any) -> Any:
        if explicit is not None:
            return explicit
        if self.keras_version == 2:
            uid = self.get_uid("input")
            return UNKNOWN if uid is UNKNOWN else f"input_{uid}"
        return self.auto_name("InputLayer")

    def sequential_input_name(self, first_layer: Any) -> Any:
        """The InputLayer a Sequential creates for itself: Keras 2 names it after the first layer."""
        if self.keras_version == 2:
            name = getattr(first_layer, "name", UNKNOWN)
            return UNKNOWN if name is UNKNOWN else f"{name}_input"
        return self.auto_name("InputLayer")

    def auto_name(self, class_name: str) -> str:
        return self.uniquify(to_snake_case(class_name))

    def name_for(self, explicit: Any, class_name: str) -> Any:
        """A layer's or model's name: its ``name=``, or the next generated one. A ``name=`` whose
        value is not known may be None, so the class's counter is not known from then on."""
        if explicit is UNKNOWN:
            self.uncertain_prefixes.add(to_snake_case(class_name))
            return UNKNOWN
        return self.auto_name(class_name) if explicit is None else explicit

    def report(
        self,
        kind: str,
        message: str,
        origin: Any,
        layer: Layer | None = None,
        inputs: Sequence[KerasTensor] = (),
        expected: str | None = None,
        keywords: tuple[str, ...] = (),
        rewrite: Any = None,
        keras2: bool = False,
    ) -> None:
        """``keras2``: the caller decided from what Keras 2 was recorded to do (compile's checks)."""
        class_name = layer.class_name if layer is not None else None
        if self.keras_version == 2 and not keras2 and not keras2_errors_agree(class_name):
            return  # Keras 2 was not recorded raising the same errors: prove nothing
        traced = self.traced_calls[0] if self.traced_calls and self.keras_version == 3 else None
        self.errors.append(
            EngineError(kind, message, origin, layer, tuple(inputs), expected, self.speculative or self.catching > 0,
                        keywords, rewrite, traced=traced)
        )

    def bind_data(self, name: str, value_node: Any, described: Any) -> None:
        """The analysed file binds ``name`` to data of a known shape (for editors' hovers)."""
        self.data_bindings.append((name, value_node, described))

    def report_data(self, problem: Any, origin: Any) -> None:
        """A problem of data given to a model (kerascheck.engine.data_checks), at ``origin``; once
        (a loop that fits the model on the same data again raises the same error)."""
        if any(e.origin is origin and e.message == problem.message and e.data == problem.sources
               for e in self.errors):
            return
        self.errors.append(EngineError(problem.kind, problem.message, origin,
                                       speculative=self.speculative or self.catching > 0, data=problem.sources))

    # -- construction ---------------------------------------------------------------
    def create_layer(
        self, class_name: str, args: Sequence[Any], kwargs: dict[str, Any], origin: Any, spec: dict | None = None,
        as_class: str | None = None,
    ) -> Any:
        """``keras.layers.<class_name>(*args, **kwargs)``; returns a :class:`Layer` or UNKNOWN.

        ``spec``: the recorded signature of a class that ``keras.layers`` does not export
        (a private layer of ``keras.applications``).  ``as_class``: the user's subclass being
        constructed, which Keras names and shows it as."""
        if class_name == "InputLayer":
            return self._input_layer(args, kwargs, origin, class_name)
        spec = spec or keras_api.CLASSES.get(class_name)
        if spec is None:
            return UNKNOWN
        explicit_name = kwargs.get("name")
        try:
            bound = bind_arguments(class_name, _constructor_params(spec), args, kwargs)
        except LayerError as err:
            self.report(err.kind, err.message, origin)
            return UNKNOWN
        extra = bound.pop("**")
        if "data_format" in bound and bound["data_format"] is None:
            bound["data_format"] = self.image_data_format
        name = self.name_for(explicit_name, as_class or class_name)
        if extra:  # keywords beyond the signature: most constructors have none
            self._check_extra_keywords(class_name, spec, bound, extra, origin)
        rule_cls = RULES.get(class_name)
        if self.keras_version == 2 and not keras2_rule_applies(class_name, kwargs):
            rule_cls = None  # Keras 2 computes this layer otherwise, or has no such layer
        rule = rule_cls(bound, name) if rule_cls is not None else None
        layer = Layer(self, class_name, name, origin, rule, trainable=bound.get("trainable", True), dtype=bound.get("dtype"))
        layer.shown_class = as_class
        if explicit_name is None:
            layer.name_prefix = to_snake_case(as_class or class_name)
        self.layers.append(layer)
        # Layer.__init__'s input_dim= (an input shape) comes through **kwargs; a constructor's
        # own parameter of that name (Embedding's vocabulary size) is not one.
        input_dim = extra.get("input_dim") if extra else None
        if (
            self.keras_version == 2 and class_name == "Embedding"
            and bound.get("input_shape") is None and "batch_input_shape" not in extra
        ):
            # Keras 2's Embedding turns input_length into its input shape, (None,) without one.
            layer.input_shape_arg = (bound.get("input_length"),)
        elif input_dim is not None:
            layer.input_shape_arg = (input_dim,)
        elif self.keras_version == 2 and "batch_input_shape" in extra:
            layer.batch_input_shape_arg = extra["batch_input_shape"]
        elif bound.get("input_shape") is not None:
            layer.input_shape_arg = bound.get("input_shape")
        if rule is not None:
            try:
                rule.configure()
            except LayerError as err:
                self.report(err.kind, err.message, origin, layer)
                layer.rule = None
            except Unresolved:
                pass
            except RULE_FAILURES:
                layer.rule = None  # arguments kerascheck cannot interpret: an unknown layer
        for class_name in rule_cls.auxiliary_layers_on_init if rule_cls is not None and self.keras_version == 3 else ():
            self.auto_name(class_name)
        return layer

    def _check_extra_keywords(
        self, class_name: str, spec: dict, bound: dict[str, Any], extra: dict[str, Any], origin: Any
    ) -> None:
        """The keywords a constructor's ``**kwargs`` received: those Keras pops (deprecated
        ones warn) join ``bound``; ``Layer.__init__`` rejects the rest."""
        popped = spec.get("popped_kwargs", {})
        for key in sorted(extra):
            if popped.get(key) == "deprecated":
                self.report(
                    "deprecated_argument",
                    f"{class_name}({key}=...) is deprecated in Keras 3, which warns when it is passed",
                    origin,
                    keywords=(key,),
                )
            if key in popped:
                bound[key] = extra[key]  # Keras's __init__ takes it out of **kwargs itself
        unrecognized = sorted(k for k in extra if k not in popped)
        if unrecognized:
            # Layer.__init__ rejects keywords nobody consumed.
            self.report(
                "config",
                f"Unrecognized keyword arguments passed to {class_name}: {{{', '.join(map(repr, unrecognized))}}}",
                origin,
            )

    def custom_layer(self, class_name: str, explicit_name: Any, origin: Any) -> "UserLayer":
        """An instance of a user's Layer subclass, named as Keras names it."""
        layer = UserLayer(self, class_name, self.name_for(explicit_name, class_name), origin)
        if explicit_name is None:
            layer.name_prefix = to_snake_case(class_name)
        self.layers.append(layer)
        return layer

    def unnamed_custom_layer(self, class_name: str, origin: Any) -> "UserLayer":
        """A user layer whose ``__init__`` is about to run: it is named at ``super().__init__()``."""
        layer = UserLayer(self, class_name, UNKNOWN, origin)
        self.layers.append(layer)
        return layer

    def subclassed_model(self, class_name: str, origin: Any) -> "SubclassedModel":
        """An instance of a user's ``keras.Model`` subclass (named at ``super().__init__()``).

        Keras 2 summarizes subclassed models its own way (``multiple`` shapes, unbuilt
        models raise): those summaries are not predicted.
        """
        model = SubclassedModel(self, class_name, UNKNOWN, origin)
        self.layers.append(model)
        if self.keras_version == 3:
            self.models.append(model)
        return model

    def _input_layer(self, args: Sequence[Any], kwargs: dict[str, Any], origin: Any, owner: str) -> Any:
        try:
            params = keras_api.FUNCTIONS["Input"]["params"] if owner == "Input" else keras_api.CLASSES["InputLayer"]["params"]
            bound = bind_arguments(owner, params, args, kwargs)
        except LayerError as err:
            self.report(err.kind, err.message, origin)
            return UNKNOWN
        extra = bound.pop("**", {})
        shape = bound.get("shape")
        batch_shape = bound.get("batch_shape")
        if "input_shape" in extra:
            shape = extra.pop("input_shape")
        if "batch_input_shape" in extra:
            batch_shape = extra.pop("batch_input_shape")
        name = self.input_layer_name(bound.get("name"))
        if shape is not None and batch_shape is not None:
            self.report("config", "You cannot pass both `shape` and `batch_shape` at the same time.", origin)
            return UNKNOWN
        if shape is None and batch_shape is None:
            self.report("config", "You must pass a `shape` argument.", origin)
            return UNKNOWN
        try:
            if shape is not None:
                batch_shape = (bound.get("batch_size"),) + standardize_shape(shape)
            else:
                batch_shape = standardize_shape(batch_shape)
        except LayerError as err:
            self.report(err.kind, err.message, origin)
            return UNKNOWN
        layer = InputLayer(self, batch_shape, bound.get("dtype"), name, origin)
        if bound.get("name") is None:
            layer.name_prefix = "input" if self.keras_version == 2 else "input_layer"
        # Its tensor takes the name given (else the next keras_tensor_N, a counter not kept here).
        layer.tensor_name = bound.get("name") if isinstance(bound.get("name"), str) else UNKNOWN
        return layer

    def input(self, args: Sequence[Any], kwargs: dict[str, Any], origin: Any) -> Any:
        """``keras.Input(...)``: the output tensor of a new InputLayer."""
        layer = self._input_layer(args, kwargs, origin, "Input")
        return layer.output if isinstance(layer, InputLayer) else UNKNOWN

    # -- calls ------------------------------------------------------------------------
    def call(
        self,
        layer: Layer,
        inputs: Any,
        origin: Any,
        keyword_tensors: Sequence[Any] = (),
        call_options: Mapping[str, Any] | None = None,
        node_order: Sequence[Any] | None = None,
        single_positional: bool = True,
        explicit_mask: Any = None,
        call_arguments: tuple[Sequence[Any], dict[str, Any]] = ((), {}),
    ) -> Any:
        """``layer(inputs, **kwargs)``: check, compute the output, build once, record the node.

        ``keyword_tensors`` are tensors passed as keyword arguments (an RNN's
        ``initial_state``…): they connect the graph but do not change the shape.
        ``call_options``: the call's keywords among the rule's ``output_changing_call_options``
        (``return_attention_scores=True``): its outputs are what
        ``compute_output_shape_with_options`` gives (unknown where it gives None); the layer is
        built all the same.
        ``node_order``: every tensor of the call as Keras records it (positional
        arguments, then keyword arguments sorted by name), for "Connected to".
        ``single_positional``: the call passed one positional argument and no keyword
        argument (Keras then records the mask it passes to ``call()`` in the node);
        ``explicit_mask``: the value of a ``mask=`` argument (None when not given).
        ``call_arguments``: the call's other positional and keyword arguments, which a user
        layer's ``call`` receives as they are.
        """
        if isinstance(layer, Model):
            if isinstance(layer, UnresolvedFunctional):
                return UNKNOWN  # one tensor or several, of shapes unknown
            if isinstance(layer, Functional) and layer.call_overridden:
                self.names_uncertain_from_opaque_code()  # the user's call() runs: not followed here
                return UNKNOWN
        # One tensor is the common call: no structure to flatten or check.
        flat = [inputs] if type(inputs) is KerasTensor else flatten(inputs)
        if not flat or not all(isinstance(t, KerasTensor) for t in flat):
            # Called on data (an eager call): built on the data's shape, no node, a result whose
            # values are not modelled.
            if isinstance(layer, Sequential) and self._built_as_layers_were_added(layer):
                return UNKNOWN
            if isinstance(inputs, ArrayData) and isinstance(layer, Sequential) and self._build_on_data(layer, inputs):
                return UNKNOWN
            if isinstance(layer, Sequential) and not isinstance(inputs, ArrayData):
                self._names_of_build_on_unknown(layer)
            result: Any = UNKNOWN
            if isinstance(layer, SubclassedModel) and (layer.call_hook is None or not isinstance(inputs, ArrayData)):
                layer.contents_uncertain = True  # called on data: built with shapes not seen here
            elif isinstance(layer, SubclassedModel) or isinstance(layer, UserLayer) and not layer.built and layer.call_hook is not None:
                # Its call runs eagerly (every time: a layer it has not built yet is built by it).
                result = self._run_user_layer_on_data(layer, inputs, call_arguments)
            elif layer.rule is not None and isinstance(inputs, ArrayData) and not isinstance(layer, Model):
                errors = len(self.errors)
                result = self._eager_call(layer, inputs, origin)
                if len(self.errors) > errors:
                    return result  # Keras raised: the layer stays as it was
            if not layer.built and layer.class_name not in BUILT_AT_INIT:
                layer.build_uncertain = True
            return result
        if isinstance(layer, UserLayer):
            order = [t for t in flatten(list(node_order)) if isinstance(t, KerasTensor)] if node_order else flat
            return self._call_user_layer(layer, inputs, order, origin, call_arguments)
        extra = [t for t in flatten(list(keyword_tensors)) if isinstance(t, KerasTensor)] if keyword_tensors else []
        shapes: Any = [t.shape for t in flat] if isinstance(inputs, (list, tuple, dict)) else flat[0].shape
        recorded = [t for t in flatten(list(node_order)) if isinstance(t, KerasTensor)] if node_order else flat + extra
        masks = self._call_masks(layer, inputs, flat, extra, single_positional, explicit_mask)
        if layer.call_overridden and masking.is_masked(_mask_structure(inputs)):
            masks = None  # whether the subclass's call() takes the mask is its own code's
        if masks is None:
            # A mask kerascheck cannot resolve may be an input of the call's node.
            return self.call_with_unknown_connections(layer, inputs)
        node_mask, previous_mask, first_arg = masks
        if node_mask is not None:
            recorded = recorded + [node_mask]
        node = Node(
            layer,
            recorded,
            [],
            None,
            origin,
            list_input=isinstance(inputs, (list, tuple, dict)),
            arg_positions=_positions_of(flat, recorded),
            keyword_tensors=bool(extra) or recorded != flat,
            dict_input=isinstance(inputs, dict),
        )
        builds = not layer.built
        try:
            shapes = refine_to_spec(layer, shapes)
            check_input_spec(layer, shapes)
            output_shape = layer.compute_output_shape(shapes, node)
            if builds:
                layer.build(shapes)
                layer.build_output = UNKNOWN if call_options else output_shape
            if call_options:
                found = layer.rule.compute_output_shape_with_options(shapes, call_options) if (
                    layer.rule is not None and self.keras_version == 3) else None
                output_shape = UNKNOWN if found is None else found[0] if len(found) == 1 else found
            if self.keras_version == 2 and _keras2_differs_on_dynamic_dims(layer, flat):
                output_shape = UNKNOWN
        except LayerError as err:
            self.report(err.kind, err.message, origin, layer, flat, err.expected)
            return UNKNOWN
        except (Unresolved, *RULE_FAILURES):
            output_shape = UNKNOWN
            if not layer.built:
                try:
                    layer.build(shapes)
                except (LayerError, *RULE_FAILURES):
                    layer.weights_known = False
                    layer.built = True
            if builds:
                layer.build_output = UNKNOWN
        output_masks = self._output_masks(layer, first_arg, previous_mask, origin)
        structure = self._attach(layer, node, output_shape)
        masking.set_output_masks(node.outputs, output_masks)
        return structure

    def _run_user_layer_on_data(self, layer: "UserLayer", inputs: Any, call_arguments: tuple) -> Any:
        """A user layer called on data: Keras runs its ``build`` on the data's shape and its
        ``call`` eagerly, and the layers they create take their names (no node, no operation)."""
        args, kwargs = call_arguments
        data = inputs if isinstance(inputs, ArrayData) else UNKNOWN
        self.tracing += 1
        try:
            result = layer.call_hook(layer, data, args, kwargs)
        finally:
            self.tracing -= 1
        layer.built = True
        return result if isinstance(result, ArrayData) else UNKNOWN

    def _eager_call(self, layer: Layer, data: ArrayData, origin: Any) -> Any:
        """A layer of a Keras class called on a concrete array: ``Layer.__call__`` checks the
        array against the layer's input spec, builds the layer on its shape the first time, and
        runs ``call``; each raises on an array the layer cannot take (reported at ``origin``).
        The result is the array the call returns (UNKNOWN where not known)."""
        try:
            shape = refine_to_spec(layer, data.shape)
            check_input_spec(layer, shape)
            if not layer.built:
                layer.build(shape)
                layer.build_output = layer.compute_output_shape(shape)
            elif not layer.call_overridden and layer.weights_known:
                layer.compute_output_shape(shape)  # what call() computes raises on a shape it cannot take
        except LayerError as err:
            # Keras raised before the layer was built (its input spec, its build) or in its call.
            self.report(err.kind, err.message, origin, layer, (), err.expected)
            return UNKNOWN
        except (Unresolved, *RULE_FAILURES):
            if not layer.built:
                layer.weights_known = False
                layer.built = True
                layer.build_output = UNKNOWN
            return UNKNOWN
        return UNKNOWN if layer.call_overridden else self._eager_output(layer, data)

    def _eager_output(self, layer: Layer, data: ArrayData) -> Any:
        """What a built layer of a Keras class returns called on a concrete array: an array of
        the shape its ``compute_output_shape`` gives for the array's (batch size included);
        UNKNOWN when that is not one shape of known dimensions, or the layer would refuse the
        array."""
        if not layer.weights_known or layer.rule is None:
            return UNKNOWN
        def output() -> Any:
            shape = refine_to_spec(layer, data.shape)
            check_input_spec(layer, shape)
            return layer.compute_output_shape(shape)

        return _eager_array(output, traced=bool(self.tracing))

    def call_with_unknown_connections(self, layer: Layer, inputs: Any) -> Any:
        """A call whose node cannot be drawn (an argument that may be a tensor is not known: an
        ``initial_state``, a mask): its result is unknown, but Keras built the layer on the
        shapes it received, and those are known."""
        if not layer.built and not isinstance(layer, (Model, UserLayer)):
            flat = [inputs] if type(inputs) is KerasTensor else flatten(inputs)
            if flat and all(isinstance(t, KerasTensor) for t in flat):
                shapes = [t.shape for t in flat] if isinstance(inputs, (list, tuple, dict)) else flat[0].shape
                try:
                    layer.build(refine_to_spec(layer, shapes))
                except (LayerError, Unresolved, *RULE_FAILURES):
                    layer.weights_known = False
                    layer.built = True
                layer.build_output = UNKNOWN
        if not layer.built:
            layer.build_uncertain = True
        return UNKNOWN

    def _built_as_layers_were_added(self, model: Sequential) -> bool:
        """A Sequential that starts with an InputLayer and holds a layer kerascheck cannot see:
        Keras built it as the layers were added (kerascheck follows the layers up to that one),
        so calling it on data builds nothing more."""
        return (self.keras_version == 3 and bool(model.stack) and isinstance(model.stack[0], InputLayer)
                and any(isinstance(layer, OpaqueLayer) for layer in model.stack))

    def _names_of_build_on_unknown(self, model: Sequential) -> None:
        """A Sequential without an Input called on data kerascheck cannot see (its structure too:
        one array, or several): Keras 3 builds it only if it is one array, making an InputLayer,
        the layers' own sub-layers and a Functional, whose names are taken, or not."""
        if model.built or model.functional is not None or self.keras_version == 2 or not model.stack or isinstance(
                model.stack[0], InputLayer):
            return
        self.uncertain_prefixes.update(("input_layer", "functional"))
        for layer in model.stack:
            if isinstance(layer, (UserLayer, OpaqueLayer, Model)):
                self.names_uncertain_from_opaque_code()  # its build may make layers
            elif layer.rule is not None and not layer.built:
                self.uncertain_prefixes.update(to_snake_case(name) for name in layer.rule.auxiliary_layers_on_build)

    def _build_on_data(self, model: Sequential, data: ArrayData) -> bool:
        """A Sequential called on a concrete array: ``Layer.__call__`` builds it first, as
        ``Sequential.build(data.shape)`` (an InputLayer of that batch shape, a Functional).
        False when kerascheck does not follow that build (the caller makes it unknown)."""
        if model.built or model.functional is not None:
            return True  # already built: the call adds no node and changes no weight
        if self.keras_version == 2 or not model.stack or isinstance(model.stack[0], InputLayer):
            return False
        if any(isinstance(layer, OpaqueLayer) for layer in model.stack):
            return False
        self.sequential_build(model, data.shape, model.origin)
        return model.functional is not None

    def _call_masks(
        self, layer: Layer, inputs: Any, flat: list[KerasTensor], extra: list[KerasTensor],
        single_positional: bool, explicit_mask: Any,
    ) -> tuple[Any, Any, Any] | None:
        """Steps 6 and 8 of ``Layer.__call__`` for masks: (the mask tensor recorded in the
        node or None, ``previous_mask``, the call's first argument); None when unknown."""
        call_arguments = layer.rule.call_arguments if layer.rule is not None else None
        first_arg = inputs[0] if call_arguments and isinstance(inputs, list) else inputs
        first_masks = _mask_structure(first_arg)
        if self.keras_version == 2:
            # Keras 2 computes masks inside each layer's TensorFlow graph: they create no
            # layers and join no node (recorded: fixtures/projects/*mask*.expected_keras2.json).
            return None, None, first_arg
        takes = masking.takes_mask(layer)
        if isinstance(layer, Model):
            takes = True  # Functional.call(inputs, training=None, mask=None)
        one_tensor_argument = not extra and not (call_arguments and len(flat) > 1)
        passed = None
        if explicit_mask is not None:
            passed = explicit_mask
        elif takes is not False and one_tensor_argument:
            passed = _mask_structure(inputs)
            if takes is UNKNOWN and masking.is_masked(passed):
                passed = UNKNOWN
        node_mask = None
        fast_path = single_positional and not isinstance(inputs, (list, tuple, dict))
        if explicit_mask is None and fast_path and masking.is_masked(passed):
            # The mask Keras passes to call() joins the node's inputs (``kwargs`` is the dict
            # that the node records unless __call__ converted the inputs).
            dtype = flat[0].dtype
            converts = (
                dtype is UNKNOWN
                or dtype not in (None, "float32")
                or (layer.rule is not None and layer.rule.args.get("dtype") is not None)
                or self.dtype_policy_changed
            )
            if masking.has_unknown(passed) or converts:
                return None
            node_mask = passed
        previous = passed if passed is not None else first_masks
        return node_mask, previous, first_arg

    def _output_masks(self, layer: Layer, first_arg: Any, previous_mask: Any, origin: Any) -> Any:
        """The masks ``_set_mask_metadata`` attaches to the outputs (a list, or UNKNOWN)."""
        if self.keras_version == 2:
            return [None]
        if isinstance(layer, Model):
            # Functional and Sequential keep Keras's default compute_mask, so they do not
            # support masking: a model used as a layer drops the mask (it still takes it).
            return [None]
        supports = masking.supports_masking(layer)
        if supports is False:
            return [None]
        if supports is UNKNOWN:
            if record_masking.COMPUTE_MASK.get(layer.class_name) is not None:
                masking.mask_operations_uncertain(self, layer.class_name)  # its compute_mask may create operations
            return UNKNOWN
        return masking.compute_mask(self, layer, first_arg, previous_mask, origin)

    def build_layer(self, layer: Layer, input_shape: Any) -> None:
        """``layer.build(input_shape)`` called by the program on a layer of a Keras class."""
        # A layer of no weights (Activation, Lambda…) has none whatever the shape it is built on.
        weightless = layer.rule is not None and type(layer.rule).build is LayerRule.build
        if layer.built or not isinstance(input_shape, (tuple, list)):
            # Building again would create new variables; an unknown shape builds unknown ones.
            layer.weights_known = layer.weights_known and weightless
            layer.built = True
            layer.build_output = UNKNOWN
            return
        shape = tuple(input_shape)
        try:
            layer.build(shape)
            layer.build_output = layer.compute_output_shape(shape)
        except (LayerError, Unresolved, *RULE_FAILURES):
            layer.weights_known = layer.weights_known and weightless
            layer.built = True
            layer.build_output = UNKNOWN

    def layer_output_shape(self, layer: Layer, input_shape: Any) -> Any:
        """``layer.compute_output_shape(input_shape)`` called by the program on a layer of a Keras
        class: the shape Keras 3 returns (a tuple; a list of them for several outputs), which
        neither builds the layer nor names anything. UNKNOWN where not known (Keras 2 returns a
        TensorShape, not modelled; where Keras would raise, nothing is proven here)."""
        if self.keras_version != 3 or layer.rule is None or not isinstance(input_shape, (tuple, list)):
            return UNKNOWN
        explanations = layer.rule.explanations
        try:
            shape = layer.rule.compute_output_shape(tuple(input_shape))
        except (LayerError, Unresolved, *RULE_FAILURES):
            return UNKNOWN
        finally:
            layer.rule.explanations = explanations
        if isinstance(shape, tuple):
            return shape
        if isinstance(shape, list) and all(isinstance(s, tuple) for s in shape):
            return list(shape)
        return UNKNOWN

    def operation(
        self, op_class: str, operands: Sequence[Any], config: dict[str, Any], origin: Any, python_operator: bool = False
    ) -> Any:
        """A ``keras.ops`` operation on tensors and constants (``x + y`` is ``Add``).

        In Keras 2 a Python operator on symbolic tensors is a ``TFOpLambda`` layer named
        after the TensorFlow function (``tf.__operators__.add``); ``keras.ops`` does not exist.
        """
        from kerascheck.engine.operations import (
            KERAS2_OPERATOR_CLASSES,
            KERAS2_OPERATOR_NAMES,
            OP_RULES,
            Constant,
            constant_shape,
        )

        tensors = [t for t in operands if isinstance(t, KerasTensor)]
        rule_cls = OP_RULES.get(op_class)
        if not tensors:
            return self._eager_operation(rule_cls, op_class, operands, config)
        class_name = op_class
        if self.keras_version == 2:
            symbol = KERAS2_OPERATOR_NAMES.get(op_class) if python_operator else None
            if symbol is None:
                self.names_uncertain_from_opaque_code()
                return UNKNOWN
            class_name = KERAS2_OPERATOR_CLASSES.get(op_class, "TFOpLambda")
            name = symbol if self.tracing else self.uniquify(symbol)
        elif self.tracing:
            # Inside a traced call the operands are backend tensors: no Operation is created.
            name = to_snake_case(op_class)
        else:
            name = self.auto_name(op_class)
        if config.get("data_format", "") is None:
            config = {**config, "data_format": self.image_data_format}  # keras.config.image_data_format()
        layer = Layer(self, class_name, name, origin, rule_cls(dict(config), name) if rule_cls else None)
        layer.built = layer.is_operation = True
        layer.name_prefix = to_snake_case(op_class) if self.keras_version == 3 else None
        flat = [o if isinstance(o, KerasTensor) else constant_shape(o) for o in operands]
        if self.keras_version == 2:
            # TensorFlow makes a tensor of a Python list: its shape counts, as an array's does.
            flat = [replace(o, python=False) if isinstance(o, Constant) else o for o in flat]
        shapes = [o.shape if isinstance(o, KerasTensor) else o for o in flat]
        node = Node(layer, tensors, [], None, origin, list_input=True, operands=flat)
        if layer.rule is not None:
            layer.rule.operand_dtypes = [o.dtype if isinstance(o, KerasTensor) else None for o in operands]
        try:
            output_shape = layer.compute_output_shape(shapes, node)
        except LayerError as err:
            self.report(err.kind, err.message, origin, layer, tensors)
            return UNKNOWN
        except (Unresolved, *RULE_FAILURES):
            output_shape = UNKNOWN
        if layer.rule is not None and layer.rule.nested_operations and not self.tracing:
            # Operations Keras's compute_output_spec creates itself take names from the same counters.
            created = layer.rule.created_operations(shapes)
            if created is UNKNOWN:
                self.names_uncertain_for(layer.rule.nested_operations)
            else:
                for nested in created:
                    self.auto_name(nested)
        if output_shape is UNKNOWN and layer.rule is not None and layer.rule.output_count() != 1:
            count = layer.rule.output_count()  # a list of tensors (ops.split): how many, if known
            if count is None:
                self.names_uncertain_from_opaque_code()
                return UNKNOWN
            output_shape = [UNKNOWN] * count
        structure = self._attach(layer, node, output_shape)
        try:
            dtype = layer.rule.output_dtype([t.dtype for t in tensors]) if layer.rule is not None else None
        except (Unresolved, *RULE_FAILURES):
            dtype = UNKNOWN
        if dtype is not None:
            for output in node.outputs:
                output.dtype = dtype
        return structure

    def _eager_operation(self, rule_cls: Any, op_class: str, operands: Sequence[Any], config: dict[str, Any]) -> Any:
        """An operation on concrete arrays (and Python constants), run eagerly by the backend: no
        Operation is made and no name taken; its result is an array of the shape the operation's
        ``compute_output_spec`` gives (UNKNOWN when that is not one shape of known dimensions)."""
        from kerascheck.engine.operations import constant_shape

        if rule_cls is None or not any(isinstance(o, ArrayData) for o in operands) or any(o is UNKNOWN for o in operands):
            return UNKNOWN
        if config.get("data_format", "") is None:
            config = {**config, "data_format": self.image_data_format}
        rule = rule_cls(dict(config), to_snake_case(op_class))
        rule.explanations = []
        shapes = [o.shape if isinstance(o, ArrayData) else constant_shape(o) for o in operands]
        return _eager_array(lambda: rule.compute_output_shape(shapes), traced=bool(self.tracing))

    def _call_user_layer(
        self, layer: UserLayer, inputs: Any, flat: list[KerasTensor], origin: Any,
        call_arguments: tuple[Sequence[Any], dict[str, Any]] = ((), {}),
    ) -> Any:
        """Run the user's code on the symbolic inputs (it calls inner layers), then record the node
        (``flat``: every tensor of the call as Keras orders them, positional arguments first, then
        keyword arguments by name)."""
        if masking.is_masked(_mask_structure(inputs)):
            # Whether its call takes the mask (a node input) and what mask it returns is not modelled.
            return UNKNOWN
        args, kwargs = call_arguments
        constructed = len(self.layers)
        self.tracing += 1
        self.traced_calls.append((layer, origin))
        try:
            result = layer.call_hook(layer, inputs, args, kwargs) if layer.call_hook is not None else UNKNOWN
        finally:
            self.tracing -= 1
            self.traced_calls.pop()
        created = [made.class_name for made in self.layers[constructed:]]
        if created:
            # Layers created inside call(): Keras may trace the call more than once (to build,
            # then for the output), creating them again each time; the other classes' names stay.
            if all(isinstance(name, str) for name in created):
                self.names_uncertain_for(created)
            else:
                self.names_uncertain_from_opaque_code()
        layer.built = True
        results = flatten(result) if isinstance(result, (list, tuple)) else [result]
        if result is UNKNOWN or not all(isinstance(t, (KerasTensor, ArrayData)) for t in results):
            output: Any = UNKNOWN
        elif isinstance(result, (list, tuple)):
            output = [t.shape for t in results]
        else:
            output = result.shape
        node = Node(layer, list(flat), [], None, origin, list_input=isinstance(inputs, (list, tuple, dict)))
        structure = self._attach(layer, node, output)
        if layer.defines_compute_mask and self.keras_version == 3:
            # Layer._set_mask_metadata: compute_mask(inputs, previous_mask) on the symbolic inputs
            # (no input mask here), its operations created as any on symbolic tensors.
            mask = layer.mask_hook(layer, inputs) if layer.mask_hook is not None and not self.tracing else UNKNOWN
            if mask is UNKNOWN and not self.tracing:
                self.names_uncertain_from_opaque_code()  # its compute_mask may create operations
            if isinstance(mask, KerasTensor) or mask is None:
                masking.set_output_masks(node.outputs, [mask] * len(node.outputs) if len(node.outputs) == 1 else UNKNOWN)
            else:
                masking.set_output_masks(node.outputs, UNKNOWN)
        return structure

    def _attach(self, layer: Layer, node: Node, output_shape: Any) -> Any:
        index = len(layer.inbound_nodes)
        node.skipped_before = layer.skipped_nodes
        if isinstance(output_shape, list):
            outputs = [KerasTensor(s, layer, index, i) for i, s in enumerate(output_shape)]
            structure: Any = list(outputs)
        else:
            outputs = [KerasTensor(output_shape, layer, index, 0)]
            structure = outputs[0]
        node.outputs = outputs
        node.output_structure = structure
        node.traced = self.tracing > 0
        layer.inbound_nodes.append(node)
        return structure

    # -- models -----------------------------------------------------------------------
    def functional(self, inputs: Any, outputs: Any, name: Any, origin: Any, register: bool = True) -> Any:
        model_name = self.name_for(name, "Model" if self.keras_version == 2 else "Functional")
        model = self.functional_named(inputs, outputs, model_name, origin, register)
        if name is None and isinstance(model, Layer):
            model.name_prefix = "model" if self.keras_version == 2 else "functional"
        return model

    def functional_named(self, inputs: Any, outputs: Any, model_name: Any, origin: Any, register: bool = True) -> Any:
        """``Functional(inputs, outputs)`` named ``model_name`` (taken already)."""
        flat_in, flat_out = flatten(inputs), flatten(outputs)
        if not all(isinstance(t, KerasTensor) for t in flat_in + flat_out):
            # Keras builds a model here (or the program stopped before): one kerascheck
            # reports, with its layers unknown, rather than leaving out.
            model = UnresolvedFunctional(self, model_name, origin)
            model.known_ends = (  # what a graph of the part that builds starts and ends at
                [t for t in flat_in if isinstance(t, KerasTensor)], [t for t in flat_out if isinstance(t, KerasTensor)]
            )
            if register:
                self.models.append(model)
            return model
        try:
            model = Functional(self, inputs, outputs, model_name, origin)
        except LayerError as err:
            self.report(err.kind, f"Model {_quote(model_name)}: {err.message}", origin)
            return UNKNOWN
        except GraphTooDeep:
            # Keras may raise RecursionError here (and the program stop): the model and
            # the names made from here on are unknown.
            self.names_uncertain_from_opaque_code()
            model = UnresolvedFunctional(self, model_name, origin)
        if register:
            self.models.append(model)
        return model

    def functional_subclass(self, instance: "SubclassedModel", inputs: Any, outputs: Any, name: Any) -> Any:
        """``super().__init__(inputs, outputs, name=...)`` in a ``keras.Model`` subclass:
        ``Model.__init__`` makes the instance a Functional, named as any layer of its class
        (``my_model``). UNKNOWN (and the instance's contents unknown) when the graph is not known."""
        if name is None:
            name = self.auto_name(instance.class_name)
        elif not isinstance(name, str):
            name = UNKNOWN
        model = self.functional(inputs, outputs, name, instance.origin, register=False)
        if not isinstance(model, Functional):
            instance.contents_uncertain = True
            return UNKNOWN
        model.subclass_instance = instance
        model.reported = instance.reported
        if instance in self.models:
            self.models[self.models.index(instance)] = model
        else:  # Keras 2: subclassed models are not predicted, but this one is a Functional
            self.models.append(model)
        return model

    def sequential(self, layers: Any, name: Any, origin: Any, trainable: Any = True) -> Sequential:
        model = Sequential(self, self.name_for(name, "Sequential"), origin, trainable)
        if name is None:
            model.name_prefix = "sequential"
        self.models.append(model)
        if layers:
            for layer in layers:
                self.sequential_add(model, layer, origin, rebuild=False)
            self._maybe_rebuild(model)
        return model

    def sequential_add(self, model: Sequential, layer: Any, origin: Any, rebuild: bool = True) -> None:
        if not model.stack and isinstance(layer, Layer) and layer.batch_input_shape_arg is not None:
            try:
                batch_shape = standardize_shape(layer.batch_input_shape_arg)
            except LayerError:
                batch_shape = UNKNOWN
            model.stack.append(InputLayer(self, batch_shape, None, self.sequential_input_name(layer), layer.origin))
        elif not model.stack and isinstance(layer, Layer) and layer.input_shape_arg is not None:
            shape = layer.input_shape_arg
            try:
                batch_shape = (None,) + standardize_shape(shape)
            except LayerError as err:
                self.report(err.kind, err.message, origin)
                batch_shape = UNKNOWN
            model.stack.append(InputLayer(self, batch_shape, None, self.sequential_input_name(layer), layer.origin))
        if isinstance(layer, KerasTensor) and isinstance(layer.layer, InputLayer):
            layer = layer.layer
        if not isinstance(layer, Layer):
            # Something kerascheck cannot follow: the model's structure is unknown from here.
            model.stack.append(OpaqueLayer(self, origin))
        else:
            model.stack.append(layer)
        if rebuild:
            self._maybe_rebuild(model)
        else:
            model.functional = None

    def sequential_pop(self, model: Sequential, rebuild: Any, origin: Any, has_arguments: bool = False) -> Any:
        """``Sequential.pop(rebuild=True)``: remove the last layer, rebuild if possible, return it.

        Keras raises IndexError on an empty stack, and, rebuilding, when nothing is left
        (popping a lone layer or the InputLayer): no rule reports that, the model becomes
        unknown. So does popping a layer kerascheck could not see (what was removed is unknown).
        Keras 2's ``pop()`` takes no argument (given one, it raises TypeError and changes
        nothing), returns None and keeps its graph without a rebuild: only the pops that leave
        a layer behind are followed there.
        """
        if self.keras_version == 2 and has_arguments:
            return UNKNOWN
        last = model.stack[-1] if model.stack else None
        keras2_unknown = self.keras_version == 2 and len(model.layer_list()) < 2
        if last is None or isinstance(last, OpaqueLayer) or not isinstance(rebuild, bool) or keras2_unknown or (
            rebuild and len(model.stack) == 1
        ):
            model.stack = [OpaqueLayer(self, origin)]
            model.functional = None
            model.built = False
            return UNKNOWN
        model.stack.pop()
        model.built = False
        model.functional = None
        if rebuild:
            self._maybe_rebuild(model)
        return last if self.keras_version == 3 else UNKNOWN

    def _maybe_rebuild(self, model: Sequential) -> None:
        if self._extend_build(model):
            return
        model.functional = None
        if not model.stack:
            return
        first = model.stack[0]
        if isinstance(first, InputLayer) and len(model.stack) > 1:
            self.sequential_build(model, first.batch_shape)
        elif isinstance(first, Model) and len(model.stack) > 1 and _model_input_shape(first) is not None:
            self.sequential_build(model, _model_input_shape(first))

    def sequential_build(self, model: Sequential, input_shape: Any, origin: Any = None) -> None:
        """``Sequential.build(input_shape)``: call every layer on a fresh input."""
        # On a shape kerascheck does not know (wholly, or its rank), Keras builds it all the
        # same: the InputLayer and Functional it makes take their names, and each layer gets
        # what it can of the shape (its weights unknown where they depend on it).
        first = model.stack[0] if model.stack else None
        if not isinstance(first, InputLayer):
            name = self.sequential_input_name(first)
            batch_shape = input_shape if input_shape is UNKNOWN or type(input_shape) is PartialShape else tuple(input_shape)
            model.stack.insert(0, InputLayer(self, batch_shape, None, name, origin))
        first = model.stack[0]
        assert isinstance(first, InputLayer)
        x: Any = first.output
        errors = len(self.errors)
        layers = model.stack[1:]
        for index, layer in enumerate(layers):
            if isinstance(layer, OpaqueLayer) or not isinstance(x, KerasTensor):
                self._sequential_build_unknown(model, layers[index:], raised=len(self.errors) > errors)
                return
            x = self.call(layer, x, layer.origin)
        if not isinstance(x, KerasTensor):
            self._sequential_build_unknown(model, [], raised=len(self.errors) > errors)
            return
        # Keras 3 builds a Functional (it takes a name); Keras 2 makes the Sequential a graph itself.
        inner_name = model.name if self.keras_version == 2 else None
        functional = self.functional(first.output, x, inner_name, model.origin, register=False)
        if not isinstance(functional, Functional):  # Keras may have raised (a graph too deep)
            self._sequential_unknown(model, model.origin)
            return
        model.functional = functional
        model.built = True
        model.chain = _plain_chain(model.stack, first.output, functional)

    def _extend_build(self, model: Sequential) -> bool:
        """``add`` to a Sequential built on its InputLayer, the cheap way when it is exact.

        Keras's ``add`` rebuilds the model: every layer is called again on a new input, and a
        new Functional takes a name.  When the layers before are plain Keras layers (no
        user code, no masks) that call gives each of them a node identical to its last one,
        which is only counted here (``skipped_nodes``); the new layer is called on the last
        output, and the Functional is made when first asked for.  A loop of ``add`` is then
        linear in the number of layers, as the graph Keras can build is (below
        :data:`KERAS_MAX_GRAPH_DEPTH`, where the model becomes unknown). False when the
        rebuild must call every layer.
        """
        chain = model.chain
        if chain is None or len(chain) != len(model.stack) - 1 or self.tracing:
            return False
        layer = model.stack[-1]
        if not isinstance(layer, Layer) or isinstance(layer, (InputLayer, OpaqueLayer)):
            return False
        if len(chain) + 1 > KERAS_MAX_GRAPH_DEPTH:
            self.names_uncertain_from_opaque_code()  # Keras may raise RecursionError in this add
            self._sequential_unknown(model, model.origin)
            return True
        for old in model.stack[1:-1]:
            old.skipped_nodes += 1
        model.chain = None  # while the new layer is called (it may be anything)
        errors = len(self.errors)
        x = self.call(layer, chain[-1], layer.origin)
        source = chain[-1].layer
        if isinstance(x, KerasTensor) and layer.inbound_nodes and source is not None and \
                layer.inbound_nodes[-1].inputs == [chain[-1]]:
            # Its input is the output of the rebuild's last call of the layer before (skipped).
            layer.inbound_nodes[-1].input_node_indices = (len(source.inbound_nodes) + source.skipped_nodes - 1,)
        model.functional = None
        if not isinstance(x, KerasTensor):  # as the rebuild would end (Session.sequential_build)
            self._sequential_build_unknown(model, [], raised=len(self.errors) > errors)
            return True
        inner_name = model.name if self.keras_version == 2 else None
        name = self.name_for(inner_name, "Model" if self.keras_version == 2 else "Functional")
        model._deferred = (chain[0], x, name)
        model.built = True
        if _plain_layer(layer, x):
            chain.append(x)
            model.chain = chain
        return True

    def _sequential_unknown(self, model: Sequential, origin: Any) -> None:
        """The model cannot be followed from here: its layers, shapes and weights are unknown."""
        model.stack = [OpaqueLayer(self, origin)]
        model.functional = None
        model.built = False

    def _sequential_build_unknown(self, model: Sequential, rest: Sequence[Layer], raised: bool) -> None:
        """Building went on from a tensor kerascheck does not know (a layer it cannot see, a mask
        it cannot resolve): Keras built the remaining layers on shapes unknown here, and the
        Functional it made took its name. Where Keras raised instead, building stopped there."""
        model.built = False
        if raised:
            return
        for layer in rest:
            if not layer.built:
                layer.build_uncertain = True
        if self.keras_version == 3:
            self.auto_name("Functional")


def _plain_layer(layer: Layer, output: KerasTensor) -> bool:
    """A Keras layer whose call on the same input makes nothing but an identical node:
    no user code, no nested model, no mask, one output."""
    return type(layer) is Layer and layer.rule is not None and output.mask is None and not layer.calls_uncertain


def _plain_chain(stack: list[Layer], input_tensor: KerasTensor, functional: "Functional") -> list[KerasTensor] | None:
    """The tensors of a Sequential's build (its input, then each layer's output), when every
    layer is plain (:func:`_plain_layer`) and each took the last one's output; else None."""
    chain = [input_tensor]
    for layer in stack[1:]:
        if not layer.inbound_nodes:
            return None
        node = layer.inbound_nodes[-1]
        output = node.output_structure
        if not isinstance(output, KerasTensor) or not _plain_layer(layer, output) or node.inputs != [chain[-1]]:
            return None
        chain.append(output)
    return chain if chain[-1] is functional.outputs[0] else None



class UserLayer(Layer):
    """An instance of a user-defined ``keras.layers.Layer`` subclass.

    Its behaviour is program code: the front-end sets ``call_hook`` to run the
    class's ``build`` and ``call`` on symbolic tensors, as Keras does, and records
    the layers it tracks (attributes) and the weights it adds.  Without a hook its
    output and parameters are unknown.
    """

    def __init__(self, session: "Session", class_name: str, name: Any, origin: Any) -> None:
        super().__init__(session, class_name, name, origin, dtype=UNKNOWN)
        # (layer, inputs, args, kwargs) -> output structure of KerasTensors, or UNKNOWN
        self.call_hook: Any = None
        # The class has its own compute_mask, which Keras calls on the symbolic inputs after the
        # call; ``mask_hook`` (layer, inputs) runs it: the output's mask (a KerasTensor, made by
        # the operations it creates, or None), or UNKNOWN.
        self.defines_compute_mask = False
        self.mask_hook: Any = None
        self.tracked: list[Layer] = []
        self.added_weights: list[Weight] = []
        self.weights_known = False

    @property
    def weights(self) -> list[Weight]:
        found: dict[int, Weight] = {}
        for weight in self.added_weights:
            found.setdefault(id(weight), weight)
        for layer in self.tracked:
            for weight in layer.weights:
                found.setdefault(id(weight), weight)
        return list(found.values())

    def trainable_weight_list(self) -> list[Weight]:
        if self.trainable is False:
            return []
        own = [w for w in self.added_weights if w.trainable]
        return _unique(own + [w for layer in self.tracked for w in layer.trainable_weight_list()])

    def non_trainable_weight_list(self) -> list[Weight]:
        if self.trainable is False:
            return list(self.weights)
        own = [w for w in self.added_weights if not w.trainable]
        return _unique(own + [w for layer in self.tracked for w in layer.non_trainable_weight_list()])

    def weights_complete(self) -> bool:
        return self.weights_known and not self.build_uncertain and all(
            layer.weights_complete() for layer in self.tracked
        )

    def sublayers(self) -> list[Layer]:
        return list(self.tracked)


class SubclassedModel(UserLayer, Model):
    """An instance of a user's ``keras.Model`` subclass: a user layer that is a model.

    Its summary lists the layers it tracks (``model.layers``: attribute assignments and
    appends to tracked lists, in that order); its weights are theirs and its own
    ``add_weight`` variables.
    """

    kind = "subclassed"

    def __init__(self, session: "Session", class_name: str, name: Any, origin: Any) -> None:
        super().__init__(session, class_name, name, origin)
        # Set when the program may have called or fitted it on data kerascheck cannot see
        # (which builds its layers with shapes that are unknown here).
        self.contents_uncertain = False

    def weights_complete(self) -> bool:
        return not self.contents_uncertain and super().weights_complete()

    def layer_list(self) -> list[Layer]:
        return _unique_layers(self.tracked)

    def all_weight_layers(self) -> list[Layer]:
        return _unique_layers(self.tracked)


def _unique_layers(layers: list[Layer]) -> list[Layer]:
    return list({id(layer): layer for layer in layers}.values())


def _unique(weights: list[Weight]) -> list[Weight]:
    return list({id(w): w for w in weights}.values())


class UnresolvedFunctional(Model):
    """``keras.Model(inputs, outputs)`` on tensors kerascheck could not resolve (made by code
    it does not follow): a functional model whose layers, shapes and weights are unknown.
    Its summary has one unknown row; called, it gives a tensor of unknown shape."""

    kind = "functional"

    def __init__(self, session: Session, name: Any, origin: Any) -> None:
        super().__init__(session, "Functional", name, origin)
        self.contents = [OpaqueLayer(session, origin)]
        self.weights_known = False
        self.built = True
        self.known_ends: tuple[list[KerasTensor], list[KerasTensor]] = ([], [])  # inputs, outputs

    def layer_list(self) -> list[Layer]:
        return list(self.contents)


class OpaqueModel(Model):
    """A model kerascheck cannot build (an application call it cannot replay exactly): its
    summary has one unknown row; called, it gives one tensor of unknown shape; its weights and
    graph are unknown."""

    kind = "functional"

    def __init__(self, session: "Session", name: Any, origin: Any) -> None:
        super().__init__(session, "Functional", name, origin)
        self.contents = [OpaqueLayer(session, origin)]
        self.weights_known = False
        self.built = True
        # An instance of a library's Model subclass (keras_hub's), whose methods may take other
        # arguments than Keras's.
        self.library_class = False
        session.layers.append(self)
        session.models.append(self)

    def layer_list(self) -> list[Layer]:
        return list(self.contents)


class OpaqueLayer(Layer):
    """A value added to a Sequential that kerascheck cannot resolve."""

    def __init__(self, session: Session, origin: Any) -> None:
        super().__init__(session, "?", UNKNOWN, origin)
        self.weights_known = False


def _eager_array(compute_shape: Callable[[], Any], traced: bool = False) -> Any:
    """The array an eager computation returns: of the shape ``compute_shape`` gives, when that
    is one shape of known dimensions and nothing raises; else UNKNOWN. ``traced``: in a traced
    call, where a dimension the data decides is None (the backend traces it as the inputs')."""
    try:
        shape = compute_shape()
    except (LayerError, Unresolved, *RULE_FAILURES):
        return UNKNOWN
    known = type(shape) is tuple and all(type(d) is int or traced and d is None for d in shape)
    return ArrayData(shape) if known else UNKNOWN


def _model_input_shape(model: Model) -> Any:
    """The input shape a model declares (a Functional's one input, a built Sequential's), else None."""
    if isinstance(model, Sequential):
        model = model.functional  # type: ignore[assignment]
    if isinstance(model, Functional) and len(model.inputs) == 1:
        return model.inputs[0].shape
    return None


def standardize_shape(shape: Any) -> tuple:
    """``keras.src.backend.common.variables.standardize_shape``; a shape of unknown rank (or
    wholly unknown) passes as it is."""
    if shape is UNKNOWN or type(shape) is PartialShape:
        return shape  # type: ignore[return-value]
    if shape is None:
        raise LayerError("Undefined shapes are not supported.")
    if not isinstance(shape, (tuple, list)):
        raise LayerError(f"Cannot convert '{shape}' to a shape.")
    dims = []
    for d in shape:
        if isinstance(d, (str, float)):
            raise LayerError(
                f"Cannot convert '{tuple(shape)}' to a shape. Found invalid dimension '{d}' of type '{type(d)}'. "
            )
        if isinstance(d, int) and d < 0:
            raise LayerError(
                f"Cannot convert '{tuple(shape)}' to a shape. Negative dimensions are not allowed."
            )
        if isinstance(d, ArrayData):
            # Keras casts with int(): a NumPy integer scalar (np.amax(y) + 1) is a dimension of
            # unknown value; an array of more than one element cannot be cast.
            size = math.prod(d.shape) if all(isinstance(n, int) for n in d.shape) else UNKNOWN
            if size is not UNKNOWN and size != 1:
                raise LayerError(
                    f"Cannot convert '{tuple(shape)}' to a shape. Found invalid dimension '{d}' of type "
                    "'<class 'numpy.ndarray'>'. "
                )
            d = UNKNOWN
        elif d is not None and not isinstance(d, int):
            d = UNKNOWN  # a value the analysis does not follow: Keras's int() may take it or not
        dims.append(d)
    return tuple(dims)


def _incompatible(index: int, spec: InputSpec, layer_name: Any) -> str:
    """The start of an input spec error (formatted only when raised: most calls pass)."""
    return f"Input {index} with name '{spec.name}' of layer '{layer_name}' is incompatible with the layer: "


def refine_to_spec(layer: Layer, shapes: Any) -> Any:
    """The shapes a call received, with an unknown rank narrowed to what the layer's input spec
    accepts (a Conv2D's input has rank 4, a Dense's at least 2): what the layer computes is what
    it computes when Keras does not raise."""
    spec = getattr(layer.rule, "input_spec", None) if layer.rule is not None else None
    if spec is None:
        return shapes
    if isinstance(spec, (list, tuple)):
        if not isinstance(shapes, list):
            return shapes
        return [_refined(shape, s) for shape, s in zip(shapes, spec)] + shapes[len(spec):]
    return _refined(shapes, spec)


def _refined(shape: Any, spec: Any) -> Any:
    if shape is not UNKNOWN and type(shape) is not PartialShape:
        return shape
    if spec.ndim is not None and not spec.allow_last_axis_squeeze:
        return refine_rank(shape, spec.ndim)
    if spec.min_ndim is not None:
        return refine_min_rank(shape, spec.min_ndim)
    return shape


def check_input_spec(layer: Layer, shapes: Any) -> None:
    """The checks of a layer rule's ``input_spec`` on the shapes a call received."""
    rule = layer.rule
    if rule is None:
        return
    spec = getattr(rule, "input_spec", None)
    if spec is None:
        return
    if isinstance(spec, (list, tuple)):
        for index, (s, shape) in enumerate(zip(spec, shapes)):
            check_spec(index, s, shape, layer.name)
    else:
        check_spec(0, spec, shapes, layer.name)


def check_spec(index: int, s: InputSpec, shape: Any, layer_name: Any) -> None:
    """``keras.src.layers.input_spec.assert_input_compatibility`` for one input: rank, axes and
    shape. Unknown ranks and dimensions never fail."""
    if shape is UNKNOWN or isinstance(shape, list):
        return
    if type(shape) is PartialShape:
        _check_spec_axes_of_partial_shape(index, s, shape, layer_name)
        return
    ndim = len(shape)
    if s.ndim is not None and not s.allow_last_axis_squeeze and ndim != s.ndim:
        raise LayerError(
            f"{_incompatible(index, s, layer_name)}expected ndim={s.ndim}, found ndim={ndim}. "
            f"Full shape received: {tuple(shape)}",
            "rank",
            f"a {s.ndim}-D input",
        )
    if s.max_ndim is not None and ndim > s.max_ndim:
        raise LayerError(
            f"{_incompatible(index, s, layer_name)}expected max_ndim={s.max_ndim}, found ndim={ndim}",
            "rank",
            f"an input of at most {s.max_ndim} dimensions",
        )
    if s.min_ndim is not None and ndim < s.min_ndim:
        raise LayerError(
            f"{_incompatible(index, s, layer_name)}expected min_ndim={s.min_ndim}, found ndim={ndim}. "
            f"Full shape received: {tuple(shape)}",
            "rank",
            f"an input of at least {s.min_ndim} dimensions",
        )
    for axis, value in (s.axes or {}).items():
        if value is None or value is UNKNOWN:
            continue
        if axis >= ndim or axis < -ndim:
            continue
        actual = shape[axis]
        if actual is None or actual is UNKNOWN:
            continue
        if actual != value:
            raise LayerError(
                f"{_incompatible(index, s, layer_name)}expected axis {axis} of input shape to have value {value}, "
                f"but received input with shape {tuple(shape)}",
                "axis",
            )
    if s.shape is not None:
        _check_spec_shape(index, s, tuple(shape), layer_name)


def _check_spec_axes_of_partial_shape(index: int, s: InputSpec, shape: PartialShape, layer_name: Any) -> None:
    """The spec's axes that a shape of unknown rank knows (counted from its start within its
    head, from its end within its tail): a known size there that differs is an error whatever
    the rank."""
    for axis, value in (s.axes or {}).items():
        if value is None or value is UNKNOWN:
            continue
        if not (0 <= axis < len(shape.head) or 0 < -axis <= len(shape.tail)):
            continue
        actual = shape[axis]
        if type(actual) is int and actual != value:
            raise LayerError(
                f"{_incompatible(index, s, layer_name)}expected axis {axis} of input shape to have value {value}, "
                f"but received input with shape {format_shape(shape)}",
                "axis",
            )


def _is_one(dim: Any) -> bool:
    return type(dim) is int and dim == 1


def _check_spec_shape(index: int, s: InputSpec, shape: tuple, layer_name: Any) -> None:
    """The spec's whole shape: dimensions compared from the first axis on, as far as the shorter
    of the two goes (``zip``), after dropping a last axis of size 1 on either side when the spec
    allows it. An unknown last axis may or may not be dropped: either way it decides nothing,
    since an unknown dimension is never found different."""
    spec_shape = s.shape
    assert spec_shape is not None
    if s.allow_last_axis_squeeze:
        if shape and _is_one(shape[-1]):
            shape = shape[:-1]
        if spec_shape and _is_one(spec_shape[-1]):
            spec_shape = spec_shape[:-1]
    for spec_dim, dim in zip(spec_shape, shape):
        if type(spec_dim) is int and type(dim) is int and spec_dim != dim:
            # A rank that differs (beyond the squeezed axis) is what went wrong; else a size.
            differs_in_rank = len(shape) != len(spec_shape)
            raise LayerError(
                f"{_incompatible(index, s, layer_name)}expected shape={s.shape}, found shape={shape}",
                "rank" if differs_in_rank else "axis",
                f"an input of shape {format_shape(s.shape)}",
            )
