"""``model.summary()``'s numbers, computed from an emulated model.

Follows ``keras/src/utils/summary_utils.py``: which layers are rows and in what
order, the output shape of a layer's last call, the "Connected to" column for
models that are not a simple chain, and totals over the model's unique weights
with their sizes in bytes.
"""

from __future__ import annotations

from typing import Any, Callable

from kerascheck.engine.dims import UNKNOWN, is_known
from kerascheck.engine.layer import Weight
from kerascheck.engine.runtime import (
    Functional,
    InputLayer,
    Layer,
    Model,
    Node,
    OpaqueLayer,
    OpaqueModel,
    Sequential,
    SubclassedModel,
    UnresolvedFunctional,
    UserLayer,
    flatten,
)
from kerascheck.knowledge.built_at_init import BUILT_AT_INIT
from kerascheck.results import CallSite, LayerRow, ModelSummary, Span

SpanOf = Callable[[Any], "Span | None"]


def _sum(values: list[Any]) -> Any:
    total = 0
    for value in values:
        if value is UNKNOWN:
            return UNKNOWN
        total += value
    return total


def count_params(weights: list[Weight]) -> Any:
    unique = {id(w): w for w in weights}.values()
    return _sum([w.count for w in unique])


def memory_size(weights: list[Weight]) -> Any:
    """``summary_utils.weight_memory_size``: bytes of the unique weights."""
    unique = {id(w): w for w in weights}.values()
    return _sum([w.count if w.count is UNKNOWN else w.count * w.dtype_bytes for w in unique])


def readable_memory_size(size: Any, units: tuple[str, ...] = ("B", "KB", "MB", "GB", "TB", "PB")) -> str:
    """``summary_utils.readable_memory_size``: ``36.22 MB`` (Keras 2 says ``Byte`` for ``B``)."""
    if size is UNKNOWN:
        return "?"
    value = float(size)
    for unit in units:
        if value / 1024 < 1:
            return f"{value:.2f} {unit}"
        value /= 1024
    return f"{value:.2f} {units[-1]}"


def layer_output(layer: Layer) -> Any:
    """``format_layer_shape``: the outputs of the layer's last call."""
    if not layer.inbound_nodes or layer.calls_uncertain:
        return UNKNOWN
    outputs = layer.inbound_nodes[-1].output_structure
    if isinstance(outputs, list):
        return [t.shape for t in flatten(outputs)]
    return outputs.shape


def keras2_layer_output(layer: Layer) -> Any:
    """Keras 2's ``layer.output_shape``: the output shapes of its calls when they all agree,
    else (or when it was never called) ``"multiple"``; an InputLayer's is a list of one shape."""
    if layer.calls_uncertain:
        return UNKNOWN
    outputs = []
    for node in layer.inbound_nodes:
        structure = node.output_structure
        if isinstance(structure, list):
            outputs.append([t.shape for t in flatten(structure)])
        elif isinstance(layer, InputLayer):
            outputs.append([structure.shape])
        else:
            outputs.append(structure.shape)
    if not outputs:
        return "multiple"
    if len(outputs) == 1:
        return outputs[0]
    if not all(is_known(o) for o in outputs):
        return UNKNOWN  # whether the calls agree is unknown
    return outputs[0] if all(o == outputs[0] for o in outputs) else "multiple"


def _layer_counts(layer: Layer) -> tuple[Any, Any, Any]:
    """Its parameters, trainable and not (unknown when code not followed may have set
    ``trainable``: the count stays known)."""
    if isinstance(layer, OpaqueLayer) or not layer.weights_complete():
        return UNKNOWN, UNKNOWN, UNKNOWN
    if not layer.trainable_resolved():
        return count_params(layer.weights), UNKNOWN, UNKNOWN
    trainable = count_params(layer.trainable_weight_list())
    non_trainable = count_params(layer.non_trainable_weight_list())
    return count_params(layer.weights), trainable, non_trainable


def is_sequential_like(model: Model) -> bool:
    if not isinstance(model, Functional):
        return True
    nodes: list[Any] = []
    for depth_nodes in model.nodes_by_depth.values():
        if len(depth_nodes) > 1 or (len(depth_nodes) == 1 and len(depth_nodes[0].inputs) > 1):
            return False
        nodes += depth_nodes
    node_ids = {id(n) for n in nodes}
    for layer in model.layer_list():
        seen = False
        for node in layer.inbound_nodes:
            if id(node) in node_ids:
                if seen:
                    return False
                seen = True
    return True


def connections(layer: Layer, relevant: set[int], keras2: bool = False) -> tuple[str, ...]:
    result: list[str] = []
    for at, node in enumerate(layer.inbound_nodes):
        if relevant and id(node) not in relevant:
            continue
        if keras2 and node.keyword_tensors:
            return ("?",)  # Keras 2 lists a call's first argument first, whatever its keyword
        # A Sequential's rebuild calls its layers again, each on the previous one's new output
        # (Session._extend_build: calls skipped together): the node stands for the last of them.
        later = layer.inbound_nodes[at + 1].skipped_before if at + 1 < len(layer.inbound_nodes) else layer.skipped_nodes
        skipped_after = 0 if keras2 else later - node.skipped_before
        for position, tensor in enumerate(node.inputs):
            source = tensor.layer
            name = source.name if source is not None else "?"
            node_index = (
                "?" if source is None or source.calls_uncertain
                else (node.input_node_indices[position] if node.input_node_indices is not None and not keras2
                      else tensor.node_index + tensor.node.skipped_before) + (skipped_after if source.skipped_nodes else 0)
            )
            result.append(f"{'?' if name is UNKNOWN else name}[{node_index}][{tensor.tensor_index}]")
    return tuple(result) or (() if keras2 else ("-",))


def subclassed_layer_output(layer: Layer) -> Any:
    """``format_layer_shape`` for a layer of a subclassed model (UNKNOWN where Keras prints "?").

    Keras traces a subclassed model's ``call`` with backend tensors, so its layers keep no
    node of those calls: the shape comes from the input shape the layer was built with
    (``compute_output_shape(**layer._build_shapes_dict)``).  Layers built at construction
    never record one, and a user layer has no ``compute_output_shape`` to ask.
    """
    if layer.calls_uncertain:
        return UNKNOWN
    nodes = [node for node in layer.inbound_nodes if not node.traced]
    if nodes:
        outputs = nodes[-1].output_structure
        return [t.shape for t in flatten(outputs)] if isinstance(outputs, list) else outputs.shape
    if isinstance(layer, Sequential):
        functional = layer.functional
        if functional is not None and len(functional.outputs) == 1:
            return functional.outputs[0].shape  # Sequential.output_shape
        return UNKNOWN
    if isinstance(layer, (UserLayer, Model, OpaqueLayer)) or layer.class_name in BUILT_AT_INIT:
        return UNKNOWN
    return UNKNOWN if layer.build_output is None else layer.build_output


def _subclassed_rows(model: SubclassedModel, span_of: SpanOf) -> list[LayerRow]:
    rows: list[LayerRow] = []
    for layer in model.layer_list():
        uncertain = (
            model.contents_uncertain
            or model.calls_uncertain
            or layer.build_uncertain
            or isinstance(layer, OpaqueLayer)
        )
        built = layer.built or _built_at_init(layer, keras2=False)
        counts: tuple[Any, Any, Any]
        if uncertain:
            counts, output, built = (UNKNOWN, UNKNOWN, UNKNOWN), UNKNOWN, True
        elif not built:
            counts, output = (0, 0, 0), UNKNOWN  # Keras prints "?" and "0 (unbuilt)"
        else:
            counts, output = _layer_counts(layer), subclassed_layer_output(layer)
        rows.append(
            LayerRow(
                name=layer.name,
                class_name=_class_name(layer),
                output=output,
                params=counts[0],
                trainable_params=counts[1],
                non_trainable_params=counts[2],
                built=built,
                explanations=tuple(layer.param_explanations),
                span=span_of(layer.origin),
            )
        )
    return rows


def summarize(model: Model, path: str, span_of: SpanOf) -> ModelSummary:
    """The predicted ``model.summary()`` of ``model``."""
    if isinstance(model, SubclassedModel):
        return _summarize_subclassed(model, path, span_of)
    keras2 = model.session.keras_version == 2
    sequential_like = is_sequential_like(model)
    relevant: set[int] = set()
    if isinstance(model, Functional):
        relevant = {id(n) for nodes in model.nodes_by_depth.values() for n in nodes}
    rows: list[LayerRow] = []
    # Called on data kerascheck cannot see before it was built: Keras built every layer on
    # the shape of that data, which is unknown here.
    built_on_unknown = model.build_uncertain and not model.built
    incomplete = built_on_unknown
    for layer in model.layer_list():
        opaque = isinstance(layer, (OpaqueLayer, OpaqueModel))
        built = layer.built or bool(layer.inbound_nodes) or layer.build_uncertain
        unbuilt_for_keras = not built and not incomplete and not opaque
        if opaque:
            incomplete = True
        if unbuilt_for_keras:
            params = trainable = non_trainable = 0
            output: Any = UNKNOWN
        elif opaque or built_on_unknown or incomplete and not layer.inbound_nodes:
            params = trainable = non_trainable = UNKNOWN
            output = UNKNOWN
        else:
            params, trainable, non_trainable = _layer_counts(layer)
            output = keras2_layer_output(layer) if keras2 else layer_output(layer)
        explanations: list[str] = []
        if layer.inbound_nodes:
            explanations += layer.inbound_nodes[-1].explanations
        explanations += layer.param_explanations
        rows.append(
            LayerRow(
                name=layer.name,
                class_name=_class_name(layer),
                output=output,
                params=params,
                trainable_params=trainable,
                non_trainable_params=non_trainable,
                # A layer without build() is built from its construction: "0", not "0 (unbuilt)".
                built=not unbuilt_for_keras or _built_at_init(layer, keras2),
                connected_to=() if sequential_like else connections(layer, relevant, keras2),
                explanations=tuple(explanations),
                span=span_of(layer.origin),
                nested=summarize(layer, path, span_of) if isinstance(layer, Model) and not opaque else None,
                calls=_call_sites(layer, span_of),
                param_explanations=tuple(layer.param_explanations),
            )
        )
    partial = _partial_rows(model, span_of) if isinstance(model, UnresolvedFunctional) else ()
    return _model_summary(
        model, path, span_of, rows, incomplete, show_connections=not sequential_like, built=_built(model),
        partial=partial,
    )


def _partial_rows(model: UnresolvedFunctional, span_of: SpanOf) -> tuple[LayerRow, ...]:
    """The part of a functional model that builds: every call on the way from its inputs to
    the outputs that are known and to the calls that raise, with their connections, then
    one unbuilt row for each layer whose call raises."""
    inputs, outputs = model.known_ends
    starts = {id(t.node) for t in inputs if t.layer is not None}
    if not starts:
        return ()
    reaches: dict[int, bool] = {}

    def from_inputs(node: Node) -> bool:
        stack = [node]
        while stack:
            current = stack[-1]
            if id(current) in reaches:
                stack.pop()
                continue
            pending = [p for p in current.parent_nodes if id(p) not in reaches]
            if pending:
                stack.extend(pending)
                continue
            stack.pop()
            reaches[id(current)] = id(current) in starts or any(reaches[id(p)] for p in current.parent_nodes)
        return reaches[id(node)]

    failures = [
        e for e in model.session.errors
        if e.layer is not None and e.inputs and not e.speculative
        and all(t.layer is not None for t in e.inputs) and all(from_inputs(t.node) for t in e.inputs)
    ]
    ends = [t.node for t in outputs if t.layer is not None and from_inputs(t.node)]
    ends += [t.node for e in failures for t in e.inputs]
    order: list[Node] = []
    seen: set[int] = set()
    for end in ends:  # every node after the nodes it reads (depth first, parents in order)
        stack: list[tuple[Node, bool]] = [(end, False)]
        while stack:
            node, expanded = stack.pop()
            if expanded:
                order.append(node)
                continue
            if id(node) in seen:
                continue
            seen.add(id(node))
            stack.append((node, True))
            stack.extend((p, False) for p in reversed(node.parent_nodes) if id(p) not in seen)
    relevant = {id(n) for n in order}
    rows: list[LayerRow] = []
    for layer in dict.fromkeys(node.layer for node in order):
        nodes = [n for n in layer.inbound_nodes if id(n) in relevant]
        structure = nodes[-1].output_structure
        params, trainable, non_trainable = _layer_counts(layer)
        rows.append(
            LayerRow(
                name=layer.name,
                class_name=_class_name(layer),
                output=[t.shape for t in flatten(structure)] if isinstance(structure, list) else structure.shape,
                params=params,
                trainable_params=trainable,
                non_trainable_params=non_trainable,
                connected_to=connections(layer, relevant),
                span=span_of(layer.origin),
            )
        )
    for error in failures:
        assert error.layer is not None
        rows.append(
            LayerRow(
                name=error.layer.name,
                class_name=_class_name(error.layer),
                output=UNKNOWN,
                params=UNKNOWN,
                trainable_params=UNKNOWN,
                non_trainable_params=UNKNOWN,
                built=False,
                connected_to=tuple(
                    f"{'?' if t.layer.name is UNKNOWN else t.layer.name}[{t.node_index}][{t.tensor_index}]"
                    for t in error.inputs if t.layer is not None
                ),
                explanations=(error.message,),
                span=span_of(error.origin),
            )
        )
    return tuple(rows)


def _model_summary(
    model: Model, path: str, span_of: SpanOf, rows: list[LayerRow], incomplete: bool, **extra: Any
) -> ModelSummary:
    totals = _totals(model, incomplete)
    optimizer = _optimizer(model)
    if optimizer is not None:
        totals = (_sum([totals[0], optimizer[0]]), *totals[1:3], _sum([totals[3], optimizer[1]]), *totals[4:6])
    return ModelSummary(
        path=path,
        span=span_of(model.origin),
        variable=model.variable,
        name=model.name,
        kind=model.kind,
        rows=tuple(rows),
        total_params=totals[0],
        trainable_params=totals[1],
        non_trainable_params=totals[2],
        total_bytes=totals[3],
        trainable_bytes=totals[4],
        non_trainable_bytes=totals[5],
        keras_version=model.session.keras_version,
        optimizer_params=optimizer[0] if optimizer is not None else None,
        optimizer_bytes=optimizer[1] if optimizer is not None else None,
        speculative=bool(model.speculative),
        **extra,
    )


def _optimizer(model: Model) -> tuple[Any, Any] | None:
    """The values and bytes of a trained model's optimizer variables, which Keras 3's summary()
    prints ("Optimizer params") and adds to the total; None before the optimizer is built."""
    if not model.optimizer_built or model.session.keras_version != 3:
        return None
    return model.optimizer_params if model.optimizer_params is not None else (UNKNOWN, UNKNOWN)


def _keras2_weight_dtypes_differ(model: Model) -> bool:
    """A layer whose weights Keras 2 keeps in another dtype (Normalization's int64 count)."""
    from kerascheck.knowledge import keras2 as keras2_record

    return any(
        layer.class_name in keras2_record.WEIGHTS_NOT_FLOAT32 or isinstance(layer, Model) and _keras2_weight_dtypes_differ(layer)
        for layer in model.all_weight_layers()
    )


def _totals(model: Model, incomplete: bool) -> tuple[Any, ...]:
    """Total, trainable and non-trainable counts, then their sizes in bytes."""
    if incomplete or not model.weights_complete():
        return (UNKNOWN,) * 6
    keras2_sizes_unknown = model.session.keras_version == 2 and _keras2_weight_dtypes_differ(model)
    if not model.trainable_resolved():
        weights = model.weights
        size = UNKNOWN if keras2_sizes_unknown else memory_size(weights)
        # The total is the trainable and non-trainable counts' sum (the caller adds the optimizer's).
        return (count_params(weights), UNKNOWN, UNKNOWN, size, UNKNOWN, UNKNOWN)
    trainable_w = model.trainable_weight_list()
    non_trainable_w = model.non_trainable_weight_list()
    t, n = count_params(trainable_w), count_params(non_trainable_w)
    tb, nb = memory_size(trainable_w), memory_size(non_trainable_w)
    if keras2_sizes_unknown:
        tb = nb = UNKNOWN
    return (_sum([t, n]), t, n, _sum([tb, nb]), tb, nb)


def _summarize_subclassed(model: SubclassedModel, path: str, span_of: SpanOf) -> ModelSummary:
    """A subclassed model's summary: its tracked layers as a simple sequence, no "Connected to"."""
    rows = _subclassed_rows(model, span_of)
    return _model_summary(model, path, span_of, rows, model.contents_uncertain or model.calls_uncertain)


def layer_row(layer: Layer, span_of: SpanOf) -> LayerRow:
    """A layer on its own, in no model: what an editor shows at its calls."""
    keras2 = layer.session.keras_version == 2
    params, trainable, non_trainable = _layer_counts(layer)
    explanations = list(layer.inbound_nodes[-1].explanations) if layer.inbound_nodes else []
    return LayerRow(
        name=layer.name,
        class_name=_class_name(layer),
        output=keras2_layer_output(layer) if keras2 else layer_output(layer),
        params=params,
        trainable_params=trainable,
        non_trainable_params=non_trainable,
        built=layer.built or bool(layer.inbound_nodes),
        explanations=tuple(explanations + layer.param_explanations),
        span=span_of(layer.origin),
        calls=_call_sites(layer, span_of),
        param_explanations=tuple(layer.param_explanations),
    )


def _call_sites(layer: Layer, span_of: SpanOf) -> tuple[CallSite, ...]:
    """Where each call of ``layer`` is written, and what that call returned."""
    sites = []
    for node in layer.inbound_nodes:
        structure = node.output_structure
        output = [t.shape for t in flatten(structure)] if isinstance(structure, list) else structure.shape
        sites.append(CallSite(span_of(node.origin), output, tuple(node.explanations)))
    return tuple(sites)


def _built_at_init(layer: Layer, keras2: bool) -> bool:
    """A Keras 3 layer class whose constructor builds it (recorded from Keras)."""
    return not keras2 and layer.class_name in BUILT_AT_INIT and not isinstance(layer, UserLayer)


def _built(model: Model) -> Any:
    """Whether the model has its graph (Keras 2's summary() raises otherwise), or UNKNOWN
    (also when which layers it has is unknown)."""
    if isinstance(model, (UnresolvedFunctional, OpaqueModel)):
        return UNKNOWN
    if isinstance(model, Functional) and model.subclass_instance is not None and model.session.keras_version == 2:
        graph = {id(layer) for layer in model.layer_list()}
        if any(id(layer) not in graph for layer in model.subclass_instance.tracked):
            return UNKNOWN  # Keras 2's summary() raises on such a layer left unbuilt
    if model.built or isinstance(model, Functional):
        return True
    if model.build_uncertain:
        return UNKNOWN  # called on data: Keras 3 built it; Keras 2 builds no graph on every kind of data
    if isinstance(model, Sequential) and any(isinstance(layer, (OpaqueLayer, OpaqueModel)) for layer in model.stack):
        return UNKNOWN  # a layer kerascheck cannot see may have declared the input
    return False


def _class_name(layer: Layer) -> str:
    if isinstance(layer, Sequential):
        return "Sequential"
    if isinstance(layer, Functional):
        return "Functional"
    return layer.shown_class or layer.class_name
