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
  ``InputLayer`` first (the model rebuilds on each ``add``, as any Sequential does).

Only models of Keras's own layers are copied here (a layer that holds another, a user's class,
a layer kerascheck does not follow: the caller keeps the copy unknown).
"""

from __future__ import annotations

import copy
from typing import Any

from kerascheck.engine.dims import UNKNOWN
from kerascheck.engine.runtime import InputLayer, KerasTensor, Layer, Sequential, Session, flatten

# Layer.__init__'s input shape arguments: a layer's config does not hold them (the
# Sequential's InputLayer does).
_INPUT_ARGUMENTS = frozenset({"input_shape", "input_dim", "batch_input_shape", "batch_size", "input_length"})


def copy_sequential(session: Session, model: Any, origin: Any, from_config: bool) -> Sequential | None:
    """The copy of Sequential ``model`` (see the module), or None when it is not followed."""
    if session.keras_version != 3 or type(model) is not Sequential or not isinstance(model.name, str):
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


def _compile_like(clone: Sequential, model: Sequential) -> None:
    """``clone_model`` of a compiled model compiles the clone from the model's compile config (a
    new optimizer of the same config) and, the clone being built, builds that optimizer: its
    variables count in the clone's summary at once."""
    clone.compiled, clone.compile_loss, clone.compile_metrics = True, model.compile_loss, model.compile_metrics
    spec = model.compile_optimizer
    clone.compiled_with(copy.copy(spec) if spec is not None and spec is not UNKNOWN else spec)
    if clone.built and clone.functional is not None:
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
