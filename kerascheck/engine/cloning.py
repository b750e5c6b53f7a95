"""The copies of a model Keras makes: ``keras.models.clone_model(model)`` and
``Sequential.from_config(model.get_config())``.

Both make each layer again from its config (``layer.__class__.from_config(layer.get_config())``:
the same class, arguments, name and current ``trainable`` flag, new weights), so the copy's
summary is the original's: its names come from the configs and move no counter. They differ in
how they assemble the copy (Keras 3.15.1, ``keras/src/models/cloning.py`` and
``Sequential.from_config``):

- ``clone_model`` of a Sequential: ``Sequential([Input(batch_shape=..., name=<the original
  input's name>), *layers], name=model.name, trainable=model.trainable)``, built once, and
  compiled as the model is (its optimizer built);
- ``Sequential.from_config``: ``Sequential(name=...)``, then ``add`` of each layer, the
  ``InputLayer`` first (the model rebuilds on each ``add``, as any Sequential does);
- a functional model's graph is run again with the copies (``Model._run_through_graph``,
  ``functional_from_config``), on new inputs: ``from_config`` names them as the model's, while
  ``clone_model`` names each after the original input's tensor (the name ``keras.Input`` was
  given, else ``keras_tensor_8``: a counter kerascheck does not keep, so that name is unknown);
  compiled as for a Sequential.

tf.keras (Keras 2) makes the same copies (``*.expected_keras2.json`` of the same fixtures).
Only models of Keras's own layers are copied here (a layer that holds another, a user's class,
a layer kerascheck does not follow: the caller keeps the copy unknown).
"""

from __future__ import annotations

import copy
from typing import Any

from kerascheck.engine.dims import UNKNOWN
from kerascheck.engine.runtime import Functional, InputLayer, KerasTensor, Layer, Model, Sequential, Session, flatten

# Layer.__init__'s input shape arguments: a layer's config does not hold them (the
# Sequential's InputLayer does).
_INPUT_ARGUMENTS = frozenset({"input_shape", "input_dim", "batch_input_shape", "batch_size", "input_length"})


def copy_sequential(session: Session, model: Any, origin: Any, from_config: bool) -> Sequential | None:
    """The copy of Sequential ``model`` (see the module), or None when it is not followed."""
    if type(model) is not Sequential or not isinstance(model.name, str):
        return None
    layers = model.layer_list()
    if not all(_copyable(layer) for layer in layers):
        return None
    first = model.stack[0] if model.stack else None
    errors = len(session.errors)
    copies = [_copy_layer(session, layer, origin) for layer in layers]
    # Keras checked these arguments when it made the originals: nothing new to report.
    del session.errors[errors:]
    if not all(isinstance(copy, Layer) for copy in copies):
        return None
    stack: list[Layer] = list(copies)
    if isinstance(first, InputLayer):
        stack.insert(0, InputLayer(session, first.batch_shape, first.dtype, first.name, origin))
    if not from_config:
        clone = session.sequential(stack, model.name, origin, trainable=model.trainable)
        if model.compiled:
            _compile_like(clone, model)
        return clone
    copy = session.sequential([], model.name, origin)
    for layer in stack:
        session.sequential_add(copy, layer, origin)
    return copy


def copy_functional(session: Session, model: Any, origin: Any, from_config: bool) -> Functional | None:
    """The copy of functional ``model`` (see the module), or None when it is not followed: a
    graph of Keras's own layers, each called once, on one tensor or a list of them."""
    if type(model) is not Functional or not isinstance(model.name, str):
        return None
    if model.call_overridden or getattr(model, "subclass_instance", None) is not None:
        return None
    nodes = [node for depth in sorted(model.nodes_by_depth, reverse=True) for node in model.nodes_by_depth[depth]]
    called = [node for node in nodes if not node.is_input]
    layers = [node.layer for node in called]
    if len(set(map(id, layers))) != len(layers) or not all(_copyable(layer) for layer in layers):
        return None
    if any(node.operands is not None or node.keyword_tensors or node.dict_input or node.traced
           or len(node.outputs) != 1 or len(node.inputs) != 1 and not node.list_input for node in called):
        return None
    inputs = [node.layer for node in nodes if node.is_input]
    if not all(isinstance(layer, InputLayer) for layer in inputs):
        return None
    errors = len(session.errors)
    new: dict[int, Any] = {}  # id of a tensor of the model -> its copy's
    for layer in inputs:
        name = layer.name if from_config else layer.tensor_name
        new[id(layer.output)] = InputLayer(session, layer.batch_shape, layer.dtype, name, origin).output
    for node in called:
        copy = _copy_layer(session, node.layer, origin)
        if not isinstance(copy, Layer) or not all(id(t) in new for t in node.inputs):
            del session.errors[errors:]
            return None
        arguments = [new[id(t)] for t in node.inputs]
        output = session.call(copy, arguments if node.list_input else arguments[0], origin)
        if not isinstance(output, KerasTensor):
            del session.errors[errors:]
            return None
        new[id(node.outputs[0])] = output
    del session.errors[errors:]  # Keras checked these calls when it made the model
    structure = (model.inputs_structure, model.outputs_structure)
    if not all(isinstance(t, KerasTensor) and id(t) in new for t in flatten(list(structure))):
        return None
    copy_inputs, copy_outputs = (_mapped(part, new) for part in structure)
    copy = session.functional_named(copy_inputs, copy_outputs, model.name, origin)
    if not isinstance(copy, Functional):
        return None
    if not from_config and model.compiled:
        _compile_like(copy, model)
    return copy


def _mapped(structure: Any, new: dict[int, Any]) -> Any:
    if isinstance(structure, KerasTensor):
        return new[id(structure)]
    if isinstance(structure, dict):
        return {key: _mapped(value, new) for key, value in structure.items()}
    return type(structure)(_mapped(value, new) for value in structure)


def _compile_like(clone: Model, model: Model) -> None:
    """``clone_model`` of a compiled model compiles the clone from the model's compile config (a
    new optimizer of the same config) and, the clone being built, builds that optimizer: its
    variables count in the clone's summary at once."""
    clone.compiled, clone.compile_loss, clone.compile_metrics = True, model.compile_loss, model.compile_metrics
    spec = model.compile_optimizer
    clone.compiled_with(copy.copy(spec) if spec is not None and spec is not UNKNOWN else spec)
    if isinstance(clone, Functional) or clone.built and clone.functional is not None:
        clone.optimizer_built = True
        clone.build_optimizer()


def _copyable(layer: Any) -> bool:
    """A layer of Keras's own classes whose arguments hold no layer or tensor (not a wrapper)."""
    if type(layer) is not Layer or layer.rule is None or getattr(layer, "shown_class", None) is not None:
        return False
    if not isinstance(layer.name, str):
        return False
    return not any(isinstance(v, (Layer, KerasTensor)) for v in flatten(list(layer.rule.args.values())))


def _copy_layer(session: Session, layer: Layer, origin: Any) -> Any:
    arguments = {k: v for k, v in layer.rule.args.items() if k not in _INPUT_ARGUMENTS}
    arguments.update(name=layer.name, trainable=layer.trainable)
    return session.create_layer(layer.class_name, [], arguments, origin)
