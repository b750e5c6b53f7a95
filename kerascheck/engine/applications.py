"""``keras.applications.*``: the recorded layer graphs, replayed through the session.

A call such as ``MobileNetV2(include_top=False, input_shape=(160, 160, 3))`` binds
its arguments to the signature recorded from Keras, derives the input shape as
the application's own code does (``imagenet_utils.obtain_input_shape`` and the
MobileNet variants of it), and replays the graph that
``tests/oracle/record_applications.py`` recorded: every layer is created with
``Session.create_layer`` and called with ``Session.call``, so shapes and counts
come from the layer rules and unnamed layers take names from the session's
counters, exactly as in Keras.  The result is an ordinary :class:`Functional`.

Whatever is not statically known — an argument's value, an argument that changes
the architecture and was not recorded (``alpha=0.5``…), weights from a file, an
input size at which the graph was not recorded, arguments Keras would reject —
gives an unknown model, never a guess.
"""

from __future__ import annotations

import gzip
import json
from functools import lru_cache
from importlib import resources
from typing import Any

from kerascheck.engine.dims import UNKNOWN, Unresolved
from kerascheck.engine.layer import LayerError
from kerascheck.engine.runtime import (
    RULE_FAILURES,
    Functional,
    KerasTensor,
    Layer,
    OpaqueModel,
    Session,
    _graph_inputs,
    bind_arguments,
)
from kerascheck.knowledge import applications as knowledge


class NotReplayable(Exception):
    """The call cannot be predicted exactly (Keras may raise, or a value is unknown)."""


@lru_cache(maxsize=None)
def recorded() -> dict[str, Any]:
    """Signatures, input-shape rules and graphs, read on first use (most files need none)."""
    data = resources.files("kerascheck.knowledge").joinpath("applications.json.gz").read_bytes()
    return json.loads(gzip.decompress(data))


@lru_cache(maxsize=None)
def _names() -> frozenset[str]:
    return frozenset(knowledge.SYMBOLS.values())


def is_application(name: str) -> bool:
    return name in _names()


# --------------------------------------------------------------------------- input shape


def obtain_input_shape(input_shape: Any, default_size: int, min_size: int, require_flatten: bool, weights: Any) -> Any:
    """``imagenet_utils.obtain_input_shape`` for ``channels_last``; raises where Keras raises."""
    if weights != "imagenet" and input_shape and len(input_shape) == 3:
        default_shape = (default_size, default_size, input_shape[-1])
    else:
        default_shape = (default_size, default_size, 3)
    if weights == "imagenet" and require_flatten:
        if input_shape is not None and input_shape != default_shape:
            raise NotReplayable("include_top with imagenet weights needs the default input shape")
        return default_shape
    if input_shape:
        if len(input_shape) != 3:
            raise NotReplayable("`input_shape` must be a tuple of three integers.")
        if input_shape[-1] != 3 and weights == "imagenet":
            raise NotReplayable("The input must have 3 channels")
        if any(d is not None and d < min_size for d in input_shape[:2]):
            raise NotReplayable(f"Input size must be at least {min_size}x{min_size}")
    else:
        input_shape = default_shape if require_flatten else (None, None, 3)
    if require_flatten and None in input_shape:
        raise NotReplayable("If `include_top` is True, you should specify a static `input_shape`.")
    return input_shape


def _mobilenet_default_size(rows: Any, cols: Any, sizes: tuple) -> int:
    return rows if rows == cols and rows in sizes else 224


def derive_input(spec: dict, bound: dict, tensor_shape: Any) -> tuple[Any, Any]:
    """The shape of the ``Input`` the application creates, and its model name."""
    family = spec["family"]
    input_shape, weights, include_top = bound["input_shape"], bound["weights"], bound["include_top"]
    name = bound["name"]
    if family == "mobilenet_v3":
        if input_shape is None and tensor_shape is not None:
            input_shape = (tensor_shape[2], tensor_shape[1], 3)
        if input_shape is None:
            input_shape = (None, None, 3)
        rows, cols = input_shape[0], input_shape[1]
        if rows and cols and (rows < 32 or cols < 32):
            raise NotReplayable("Input size must be at least 32x32")
        return input_shape, name
    default_size = spec["default_size"]
    sizes = tuple(spec.get("mobilenet_sizes", ()))
    if family == "mobilenet":
        if input_shape is not None:
            default_size = _mobilenet_default_size(input_shape[0], input_shape[1], sizes)
    elif family == "mobilenet_v2":
        if input_shape is None and tensor_shape is not None:
            default_size = _mobilenet_default_size(tensor_shape[1], tensor_shape[2], sizes)
        elif input_shape is not None:
            default_size = _mobilenet_default_size(input_shape[0], input_shape[1], sizes)
    elif family == "nasnet":
        if isinstance(input_shape, tuple) and None in input_shape and weights == "imagenet":
            raise NotReplayable("NASNet with imagenet weights needs a static input_shape")
    input_shape = obtain_input_shape(input_shape, default_size, spec["min_size"], include_top, weights)
    if family in ("mobilenet", "mobilenet_v2") and name is None:
        rows, cols = input_shape[0], input_shape[1]
        if weights == "imagenet" and (rows != cols or rows not in sizes):
            rows = 224
        prefix = "mobilenet" if family == "mobilenet" else "mobilenetv2"
        name = f"{prefix}_{bound['alpha']:0.2f}_{rows}"
    return input_shape, name


# --------------------------------------------------------------------------- arguments


def _same(value: Any, default: Any) -> bool:
    """The value builds what the default builds (``alpha=1`` is ``alpha=1.0``; ``True`` is not ``1``)."""
    if isinstance(value, bool) or isinstance(default, bool):
        return value is default
    return value == default and (type(value) is type(default) or {type(value), type(default)} <= {int, float})


def _check_arguments(name: str, spec: dict, bound: dict) -> None:
    for pname, default, _kind in spec["params"]:
        value = bound.get(pname)
        if value is UNKNOWN:
            raise NotReplayable(f"{pname} is not known")
        if pname not in knowledge.HANDLED and not _same(value, default):
            raise NotReplayable(f"{name}({pname}=...) builds a graph that was not recorded")
    if bound["weights"] not in (None, "imagenet"):
        raise NotReplayable("weights from a file")
    if not isinstance(bound["include_top"], bool):
        raise NotReplayable("include_top")
    if bound["pooling"] not in (None, "avg", "max"):
        raise NotReplayable("pooling")
    classes = bound.get("classes")
    if bound["include_top"]:
        if not isinstance(classes, int) or isinstance(classes, bool):
            raise NotReplayable("classes")
        activation = bound.get("classifier_activation")
        if not (activation is None or isinstance(activation, str)):
            raise NotReplayable("classifier_activation")
        if bound["weights"] == "imagenet":
            if classes != 1000:
                raise NotReplayable("imagenet weights with classes != 1000")
            if activation not in (None, "softmax", "linear"):
                raise NotReplayable("imagenet weights allow only softmax or no classifier activation")
    shape = bound["input_shape"]
    if shape is not None and not (
        isinstance(shape, (tuple, list))
        and all(d is None or (isinstance(d, int) and not isinstance(d, bool)) for d in shape)
    ):
        raise NotReplayable("input_shape")
    tensor = bound["input_tensor"]
    if tensor is not None and not isinstance(tensor, KerasTensor):
        raise NotReplayable("input_tensor")
    if tensor is not None and shape is not None:
        raise NotReplayable("both input_tensor and input_shape")
    if bound["name"] is not None and not isinstance(bound["name"], str):
        raise NotReplayable("name")


def build_application(session: Session, name: str, args: list, kwargs: dict, origin: Any) -> Any:
    """``keras.applications.<name>(*args, **kwargs)``: a :class:`Functional`, or an
    :class:`OpaqueModel` when it cannot be built exactly."""
    spec = recorded()["applications"][name]
    try:
        bound = bind_arguments(name, spec["params"], args, kwargs)
        if bound.pop("**", {}):
            raise NotReplayable("unexpected keyword")
        _check_arguments(name, spec, bound)
        if session.image_data_format != "channels_last":
            raise NotReplayable("channels_first")
        if session.keras_version != 3:
            raise NotReplayable("the graphs were recorded from Keras 3 (Keras 2 names and builds them otherwise)")
        tensor = bound["input_tensor"]
        tensor_shape = tensor.shape if tensor is not None else None
        if tensor_shape is UNKNOWN:
            raise NotReplayable("input_tensor's shape")
        input_shape, model_name = derive_input(spec, bound, tensor_shape)
        spatial = tuple(tensor_shape[1:3]) if tensor_shape is not None else tuple(input_shape[:2])
        if spec["sizes"] != "any" and not (spatial[0] == spatial[1] and spatial[0] in spec["sizes"]):
            raise NotReplayable("the graph depends on the input size and was not recorded at this one")
        if "channels" in spec and input_shape[-1] not in spec["channels"]:
            raise NotReplayable("the graph depends on the input channels and was not recorded for these")
        return _replay(session, name, bound, input_shape, model_name, origin)
    except (NotReplayable, LayerError, Unresolved, *RULE_FAILURES):
        # The model is not known, or Keras would raise: either way Keras may have created
        # layers that took names, so the names generated from here on are unknown too.
        session.names_uncertain_from_opaque_code()
        return OpaqueModel(session, origin)


def _head(bound: dict) -> str | None:
    if bound["include_top"]:
        return "top"
    return {"avg": "avg", "max": "max"}.get(bound["pooling"])


def _value(value: Any, bound: dict) -> Any:
    """A recorded config value: lists are Keras's tuples; references are the call's arguments."""
    if isinstance(value, list):
        return tuple(_value(v, bound) for v in value)
    if isinstance(value, dict) and "argument" in value:
        return bound[value["argument"]]
    return value


def correct_pad(shape: Any, kernel_size: Any) -> Any:
    """``imagenet_utils.correct_pad`` for ``channels_last``."""
    if shape is UNKNOWN:
        raise Unresolved("correct_pad")
    rows, cols = shape[1], shape[2]
    if isinstance(kernel_size, int):
        kernel_size = (kernel_size, kernel_size)
    if rows is None:
        adjust = (1, 1)
    elif rows is UNKNOWN or cols is UNKNOWN or cols is None:
        raise Unresolved("correct_pad")
    else:
        adjust = (1 - rows % 2, 1 - cols % 2)
    correct = (kernel_size[0] // 2, kernel_size[1] // 2)
    return ((correct[0] - adjust[0], correct[0]), (correct[1] - adjust[1], correct[1]))


class _Replay:
    """Replays recorded steps in one session, keeping Keras's name counters in step."""

    def __init__(self, session: Session, bound: dict, origin: Any) -> None:
        self.session = session
        self.bound = bound
        self.origin = origin
        self.start = dict(session.name_uids)
        self.moved: dict[str, int] = {}
        self.layers: dict[int, Layer] = {}
        self.outputs: dict[int, Any] = {}

    def advance(self, counters: dict[str, int]) -> None:
        """Keras's counters moved by ``counters`` here (``get_uid``, layers outside the graph)."""
        uids = self.session.name_uids
        for key, n in counters.items():
            self.moved[key] = self.moved.get(key, 0) + n
            target = self.start.get(key, 0) + self.moved[key]
            if uids.get(key, 0) < target:
                uids[key] = target

    def skip_counter(self, key: str) -> None:
        """A name Keras did not take in this call (the ``Input`` an ``input_tensor`` replaces)."""
        self.moved[key] = self.moved.get(key, 0) - 1

    def ref(self, value: Any) -> Any:
        if isinstance(value, dict):
            return value["const"]
        if value and isinstance(value[0], int) and len(value) == 2 and not isinstance(value[1], list):
            out = self.outputs[value[0]]
            return out[value[1]] if isinstance(out, list) else out
        return [self.ref(v) for v in value]

    def kwargs(self, step: dict, inputs: Any = None) -> dict[str, Any]:
        config = {}
        for key, value in step.get("config", {}).items():
            if isinstance(value, dict) and "correct_pad" in value:
                shape = inputs.shape if isinstance(inputs, KerasTensor) else UNKNOWN
                config[key] = correct_pad(shape, value["correct_pad"])
            else:
                config[key] = _value(value, self.bound)
        if step.get("name") is not None:
            config["name"] = step["name"]
        return config

    def layer(self, step: dict, inputs: Any = None) -> Layer:
        spec = recorded()["private_classes"].get(step["class"])
        layer = self.session.create_layer(step["class"], [], self.kwargs(step, inputs), self.origin, spec=spec)
        if not isinstance(layer, Layer):
            raise NotReplayable(f"{step['class']} could not be created")
        return layer

    def call(self, index: int, layer: Layer, inputs: Any) -> None:
        out = self.session.call(layer, inputs, self.origin)
        if out is UNKNOWN:
            raise NotReplayable(f"{layer.name} gave no output")
        self.outputs[index] = out

    def run(self, steps: list[dict], input_tensor: Any, input_shape: Any) -> None:
        session = self.session
        for index, step in enumerate(steps):
            self.advance(step.get("counters", {}))
            kind = step["kind"]
            if kind == "input":
                if input_tensor is not None:
                    self.outputs[index] = input_tensor
                    if step["name"] is None:
                        self.skip_counter("input_layer")
                    continue
                kwargs = {"shape": tuple(input_shape)}
                if step["name"] is not None:
                    kwargs["name"] = step["name"]
                tensor = session.input([], kwargs, self.origin)
                if not isinstance(tensor, KerasTensor):
                    raise NotReplayable("Input")
                self.outputs[index] = tensor
            elif kind == "layer":
                inputs = self.ref(step["inputs"]) if "inputs" in step else None
                layer = self.layers[index] = self.layer(step, inputs)
                if "inputs" in step:
                    self.call(index, layer, inputs)
            elif kind == "sequential":
                inner = [self.layer(part) for part in step["layers"]]
                model = session.sequential(inner, step["name"], self.origin)
                model.reported = False
                self.layers[index] = model
                if "inputs" in step:
                    self.call(index, model, self.ref(step["inputs"]))
            elif kind == "operation":
                operands = [self.ref(o) for o in step["operands"]]
                out = session.operation(step["class"], operands, {}, self.origin)
                if out is UNKNOWN:
                    raise NotReplayable(step["class"])
                self.outputs[index] = out
            elif kind == "call":
                self.call(step["step"], self.layers[step["step"]], self.ref(step["inputs"]))


def _replay(session: Session, name: str, bound: dict, input_shape: Any, model_name: Any, origin: Any) -> Any:
    variants = recorded()["graphs"][name]
    graphs = variants["imagenet"] if bound["weights"] == "imagenet" and "imagenet" in variants else variants["random"]
    trunk = graphs["trunk"]
    head = _head(bound)
    if head is None:
        steps, final, outputs = trunk["steps"], trunk["final"], trunk["outputs"]
    else:
        part = graphs[head]
        steps, final, outputs = trunk["steps"][: part["prefix"]] + part["steps"], part["final"], part["outputs"]
    replay = _Replay(session, bound, origin)
    tensor = bound["input_tensor"]
    replay.run(steps, tensor, input_shape)
    replay.advance(final["counters"])
    inputs = _graph_inputs(tensor) if tensor is not None else replay.outputs[0]
    model = session.functional(inputs, replay.ref(outputs[0]), model_name, origin)
    if not isinstance(model, Functional):
        raise NotReplayable("model")
    return model
