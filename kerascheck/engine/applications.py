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

from kerascheck.engine.dims import UNKNOWN, PartialShape, Unresolved, dims_differ, refine_rank
from kerascheck.engine.layer import LayerError
from kerascheck.engine.runtime import (
    RULE_FAILURES,
    ArrayData,
    Functional,
    KerasTensor,
    Layer,
    OpaqueModel,
    Session,
    _graph_inputs,
    bind_arguments,
)
from kerascheck.knowledge import applications as knowledge
from kerascheck.knowledge.keras_api import REQUIRED


class NotReplayable(Exception):
    """The call cannot be predicted exactly (Keras may raise, or a value is unknown)."""


class ApplicationRaises(NotReplayable):
    """Keras raises, certainly, with this message (an input smaller than the application takes)."""


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


def obtain_input_shape(input_shape: Any, default_size: Any, min_size: int, require_flatten: bool, weights: Any) -> Any:
    """``imagenet_utils.obtain_input_shape`` for ``channels_last``; raises where Keras raises.

    A dimension of ``input_shape`` that is not known is whatever Keras accepts there: the
    default shape where only it is accepted, 3 channels with imagenet weights."""
    if weights != "imagenet" and input_shape and len(input_shape) == 3:
        default_shape = (default_size, default_size, input_shape[-1])
    else:
        default_shape = (default_size, default_size, 3)
    if weights == "imagenet" and require_flatten:
        if input_shape is not None and dims_differ(tuple(input_shape), default_shape):
            raise NotReplayable("include_top with imagenet weights needs the default input shape")
        return default_shape
    if input_shape:
        given = input_shape
        if len(input_shape) != 3:
            raise NotReplayable("`input_shape` must be a tuple of three integers.")
        if weights == "imagenet":
            if _int(input_shape[-1]) and input_shape[-1] != 3:
                raise NotReplayable("The input must have 3 channels")
            input_shape = tuple(input_shape[:2]) + (3,)
        if any(_int(d) and d < min_size for d in input_shape[:2]):
            if isinstance(given, (tuple, list)) and all(_int(d) or d is None for d in given):
                raise ApplicationRaises(f"Input size must be at least {min_size}x{min_size}; Received: "
                                        f"input_shape={given!r}")
            raise NotReplayable(f"Input size must be at least {min_size}x{min_size}")
    else:
        input_shape = default_shape if require_flatten else (None, None, 3)
    if require_flatten and any(d is None for d in input_shape):
        raise NotReplayable("If `include_top` is True, you should specify a static `input_shape`.")
    return input_shape


def _int(dim: Any) -> bool:
    return type(dim) is int


def _mobilenet_default_size(rows: Any, cols: Any, sizes: tuple) -> Any:
    if not (_int(rows) and _int(cols) or rows is None or cols is None):
        return UNKNOWN  # decided by sizes kerascheck does not know
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
        if _int(rows) and _int(cols) and rows and cols and (rows < 32 or cols < 32):
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
        if isinstance(input_shape, tuple) and any(d is None for d in input_shape) and weights == "imagenet":
            raise NotReplayable("NASNet with imagenet weights needs a static input_shape")
    input_shape = obtain_input_shape(input_shape, default_size, spec["min_size"], include_top, weights)
    if family in ("mobilenet", "mobilenet_v2") and name is None:
        rows, cols = input_shape[0], input_shape[1]
        if not (_int(rows) and _int(cols) or rows is None):
            return input_shape, UNKNOWN  # the name says the size, which is not known
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
    shape = bound["input_shape"]
    if shape is UNKNOWN or type(shape) is PartialShape:
        # Given, but not known: Keras accepts three dimensions only.
        bound["input_shape"] = shape = refine_rank(shape, 3)
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
    if shape is not None and not (
        isinstance(shape, (tuple, list)) and all(d is None or d is UNKNOWN or _int(d) for d in shape)
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
    except (NotReplayable, LayerError, Unresolved, *RULE_FAILURES) as error:
        # The model is not known, or Keras would raise: either way Keras may have created
        # layers that took names, so the names generated from here on are unknown too.
        if isinstance(error, ApplicationRaises):
            session.report("config", f"{name}: {error}", origin)
        session.names_uncertain_from_opaque_code()
        return OpaqueModel(session, UNKNOWN, origin)


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
    if isinstance(kernel_size, int):
        kernel_size = (kernel_size, kernel_size)
    correct = (kernel_size[0] // 2, kernel_size[1] // 2)
    rows = shape[1] if shape is not UNKNOWN else UNKNOWN
    cols = shape[2] if shape is not UNKNOWN else UNKNOWN
    if rows is None:
        adjust: Any = (1, 1)
    elif _int(rows) and _int(cols):
        adjust = (1 - rows % 2, 1 - cols % 2)
    else:
        adjust = (UNKNOWN, UNKNOWN)  # from sizes that are not known: so is the padding before
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


# --------------------------------------------------------------------------- preprocess_input

# ``keras.applications.<module>.preprocess_input(x, data_format=None)``, as each module of
# Keras 3.15.1 defines it: ``imagenet_utils.preprocess_input(x, data_format=data_format,
# mode=...)``, or ``return x`` (None: "This method does nothing and only kept as a placeholder").
PREPROCESS_MODES: dict[str, str | None] = {
    "convnext": None,
    "densenet": "torch",
    "efficientnet": None,
    "efficientnet_v2": None,
    "inception_resnet_v2": "tf",
    "inception_v3": "tf",
    "mobilenet": "tf",
    "mobilenet_v2": "tf",
    "mobilenet_v3": None,
    "nasnet": "tf",
    "resnet": "caffe",
    "resnet50": "caffe",
    "resnet_v2": "tf",
    "vgg16": "caffe",
    "vgg19": "caffe",
    "xception": "tf",
}
# ``imagenet_utils.preprocess_input(x, data_format=None, mode="caffe")`` itself.
_IMAGENET_UTILS = "imagenet_utils"
_PREPROCESS_PARAMS = (("x", REQUIRED, "positional"), ("data_format", None, "positional"))
_IMAGENET_UTILS_PARAMS = _PREPROCESS_PARAMS + (("mode", "caffe", "positional"),)


def preprocess_input_module(dotted: str) -> str | None:
    """The application module of ``keras.applications.<module>.preprocess_input``, else None."""
    prefix, suffix = "keras.applications.", ".preprocess_input"
    if not (dotted.startswith(prefix) and dotted.endswith(suffix)):
        return None
    module = dotted[len(prefix):-len(suffix)]
    return module if module in PREPROCESS_MODES or module == _IMAGENET_UTILS else None


def preprocess_input(session: Session, module: str, args: list, kwargs: dict, origin: Any) -> Any:
    """``keras.applications.<module>.preprocess_input(x, ...)`` on a symbolic tensor: the
    operations ``imagenet_utils._preprocess_tensor_input`` creates, or ``x`` itself."""
    params = _IMAGENET_UTILS_PARAMS if module == _IMAGENET_UTILS else _PREPROCESS_PARAMS
    try:
        bound = bind_arguments(f"{module}.preprocess_input", params, args, kwargs)
    except (LayerError, Unresolved, *RULE_FAILURES):
        session.names_uncertain_from_opaque_code()
        return UNKNOWN
    x = bound["x"]
    mode = bound["mode"] if module == _IMAGENET_UTILS else PREPROCESS_MODES[module]
    if bound.pop("**"):
        session.names_uncertain_from_opaque_code()  # Keras raises a TypeError
        return UNKNOWN
    if module != _IMAGENET_UTILS and mode is None:
        return x
    if x is not UNKNOWN and not isinstance(x, KerasTensor):
        return UNKNOWN  # data (a NumPy array…): preprocessed without operations
    try:
        if session.keras_version == 2:
            return _preprocess_symbolic_input_keras2(session, x, bound["data_format"], mode, origin)
        return _preprocess_tensor_input(session, x, bound["data_format"], mode, origin)
    except (NotReplayable, Unresolved, *RULE_FAILURES):
        # Not a symbolic tensor of known rank, an unknown argument, or Keras raises.
        session.names_uncertain_from_opaque_code()
        return UNKNOWN


def _operation(session: Session, origin: Any, op_class: str, operands: list, config: dict | None = None) -> Any:
    result = session.operation(op_class, operands, config or {}, origin, python_operator=True)
    if not isinstance(result, KerasTensor):
        raise NotReplayable(op_class)
    return result


def _preprocess_symbolic_input_keras2(session: Session, x: Any, data_format: Any, mode: Any, origin: Any) -> Any:
    """tf.keras 2's ``imagenet_utils._preprocess_symbolic_input``: TFOpLambda layers (``x[..., ::-1]``
    a SlicingOpLambda, ``backend.bias_add`` a ``tf.nn.bias_add``).  Only ``channels_last`` on a
    float32 tensor is modelled (otherwise casts, and ``NCHW`` bias_add, come in)."""
    if mode not in ("caffe", "tf", "torch"):
        raise NotReplayable("mode")
    if data_format is None:
        data_format = session.image_data_format
    if data_format != "channels_last":
        raise NotReplayable("data_format")
    if not isinstance(x, KerasTensor) or x.shape is UNKNOWN or x.dtype is UNKNOWN or x.dtype not in (None, "float32"):
        raise NotReplayable("x")
    if mode == "tf":
        x = _operation(session, origin, "TrueDivide", [x, 127.5])
        return _operation(session, origin, "Subtract", [x, 1.0])
    if mode == "torch":
        x = _operation(session, origin, "TrueDivide", [x, 255.0])
    else:
        x = _operation(session, origin, "GetItem", [x], {"key": (Ellipsis, slice(None, None, -1))})
    x = _operation(session, origin, "BiasAdd", [x, ArrayData((3,))])
    if mode == "torch":
        x = _operation(session, origin, "TrueDivide", [x, ArrayData((3,))])
    return x


def _preprocess_tensor_input(session: Session, x: Any, data_format: Any, mode: Any, origin: Any) -> Any:
    """``imagenet_utils.preprocess_input`` then ``_preprocess_tensor_input``, for a KerasTensor."""
    if mode not in ("caffe", "tf", "torch"):
        raise NotReplayable("mode")
    if data_format is None:
        data_format = session.image_data_format
    if data_format not in ("channels_first", "channels_last"):
        raise NotReplayable("data_format")
    if not isinstance(x, KerasTensor) or x.shape is UNKNOWN:
        raise NotReplayable("x")  # not a symbolic tensor of known rank
    ndim = len(x.shape)

    def op(op_class: str, operands: list, config: dict | None = None) -> KerasTensor:
        return _operation(session, origin, op_class, operands, config)

    if mode == "tf":
        x = op("TrueDivide", [x, 127.5])
        return op("Subtract", [x, 1.0])
    if mode == "torch":
        x = op("TrueDivide", [x, 255.0])
    else:  # caffe: 'RGB'->'BGR'
        if data_format == "channels_first":
            if len(x.shape) == 3:
                x = op("Stack", [op("GetItem", [x], {"key": (i, Ellipsis)}) for i in (2, 1, 0)], {"axis": 0})
            else:
                key = lambda i: (slice(None), i, slice(None))  # noqa: E731
                x = op("Stack", [op("GetItem", [x], {"key": key(i)}) for i in (2, 1, 0)], {"axis": 1})
        else:
            x = op("Stack", [op("GetItem", [x], {"key": (Ellipsis, i)}) for i in (2, 1, 0)], {"axis": -1})
    # The mean and std are constants (reshaped NumPy arrays), not operations.
    if data_format == "channels_first":
        mean_shape = (3, 1, 1) if len(x.shape) == 3 else (1, 3) + (1,) * (ndim - 2)
    else:
        mean_shape = (1,) * (ndim - 1) + (3,)
    x = op("Add", [x, ArrayData(mean_shape)])
    if mode == "torch":
        x = op("TrueDivide", [x, ArrayData((3, 1, 1) if data_format == "channels_first" else (3,))])
    return x
