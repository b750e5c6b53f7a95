"""Every recorded ``keras.applications`` configuration, replayed, equals what real Keras built.

``tests/applications_cases.json`` (written by ``tests/oracle/record_applications.py``)
holds, for each application, several calls — the trunk, each head, non-default
and odd input sizes, one input channel, ``weights="imagenet"`` — and what Keras
built for each: the model name, input and output shapes, parameter counts,
Keras's name counters afterwards, and a digest of every layer's name, class,
output shape and parameter count.  Each call is replayed here through the
engine in a fresh session and must agree on all of them.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest

from kerascheck.engine.applications import build_application, recorded
from kerascheck.engine.dims import UNKNOWN
from kerascheck.engine.runtime import Functional, InputLayer, Model, OpaqueModel, Session
from kerascheck.frontend.keras_names import KerasSymbol, resolve, star_names

CASES = json.loads((Path(__file__).parent / "applications_cases.json").read_text())["cases"]
UNTRACKED_COUNTERS = ("keras_tensor",)


def _tuples(value: Any) -> Any:
    return tuple(_tuples(v) for v in value) if isinstance(value, list) else value


def _params(layer: Any) -> int:
    return sum(w.count for w in layer.weights)


def _digest(model: Functional) -> str:
    rows = []
    for layer in model.layer_list():
        if isinstance(layer, InputLayer):
            shape = layer.output.shape
        else:
            shape = layer.inbound_nodes[-1].outputs[0].shape if len(layer.inbound_nodes) == 1 else None
        rows.append(f"{layer.name}|{layer.class_name}|{tuple(shape) if shape is not None else None}|{_params(layer)}")
    return hashlib.sha1("\n".join(rows).encode()).hexdigest()[:16]


def _recorded_for(name: str, kwargs: dict) -> bool:
    """Whether the recorded graph holds for this call (else the replay must say unknown)."""
    spec = recorded()["applications"][name]
    default = (spec.get("default_size"),) * 2 + (3,) if kwargs.get("include_top", True) else (None, None, 3)
    shape = kwargs.get("input_shape") or default
    if spec["sizes"] != "any" and not (shape[0] == shape[1] and shape[0] in spec["sizes"]):
        return False
    return shape[-1] in spec.get("channels", (shape[-1],))


def _case_id(name: str, index: int) -> str:
    kwargs = CASES[name][index]["kwargs"]
    return f"{name}-" + "-".join(f"{k}={v}" for k, v in sorted(kwargs.items()) if k != "weights" or v)


ALL = [(name, i) for name in sorted(CASES) for i in range(len(CASES[name]))]


@pytest.mark.parametrize("name,index", ALL, ids=[_case_id(n, i) for n, i in ALL])
def test_replayed_application_equals_keras(name: str, index: int) -> None:
    case = CASES[name][index]
    session = Session()
    kwargs = {k: _tuples(v) for k, v in case["kwargs"].items()}
    model = build_application(session, name, [], kwargs, None)
    if "error" in case or not _recorded_for(name, kwargs):
        assert isinstance(model, OpaqueModel)
        return
    assert isinstance(model, Model), f"{name}({kwargs}) was not replayed"
    assert model.name == case["name"]
    assert model.inputs[0].shape == _tuples(case["input_shape"])
    assert model.outputs[0].shape == _tuples(case["output_shape"])
    trainable = sum(w.count for w in model.trainable_weight_list())
    non_trainable = sum(w.count for w in model.non_trainable_weight_list())
    assert (trainable + non_trainable, trainable, non_trainable) == (
        case["total_params"],
        case["trainable_params"],
        case["non_trainable_params"],
    )
    assert len(model.layer_list()) == case["layers"]
    counters = {k: v for k, v in sorted(session.name_uids.items()) if v and k not in UNTRACKED_COUNTERS}
    assert counters == case["counters"]
    assert _digest(model) == case["digest"]


def test_a_second_application_takes_the_next_names() -> None:
    """Unnamed layers of the graph take names from the session's counters, as in Keras."""
    session = Session()
    first = build_application(session, "MobileNetV3Small", [], {"weights": None}, None)
    second = build_application(session, "MobileNetV3Small", [], {"weights": None}, None)
    assert isinstance(first, Functional) and isinstance(second, Functional)
    assert first.layer_list()[0].name == "input_layer"
    assert second.layer_list()[0].name == "input_layer_1"


@pytest.mark.parametrize(
    "kwargs",
    [
        {"alpha": 0.5, "weights": None},  # an architecture that was not recorded
        {"weights": "/path/to/weights.h5"},  # weights from a file kerascheck cannot see
        {"weights": "imagenet", "classes": 10},  # Keras raises
        {"weights": None, "input_shape": (16, 16, 3), "include_top": False},  # Keras raises: too small
    ],
)
def test_what_is_not_known_exactly_is_unknown(kwargs: dict) -> None:
    assert isinstance(build_application(Session(), "MobileNetV2", [], kwargs, None), OpaqueModel)


@pytest.mark.parametrize("input_shape", [UNKNOWN, (UNKNOWN, UNKNOWN, 3)])
def test_an_input_shape_that_is_not_known_keeps_the_graph(input_shape: object) -> None:
    """MobileNetV2's graph does not depend on the input size: with the size unknown, every layer,
    its name and each count that does not depend on the size is still what Keras builds at any
    size (checked against the recorded 224x224 build)."""
    known = build_application(Session(), "MobileNetV2", [], {"weights": None, "input_shape": (224, 224, 3)}, None)
    model = build_application(Session(), "MobileNetV2", [], {"weights": None, "input_shape": input_shape}, None)
    assert isinstance(model, Functional) and model.name is UNKNOWN  # the name says the size
    pairs = list(zip(model.layer_list(), known.layer_list(), strict=True))
    assert all(mine.name == truth.name and mine.class_name == truth.class_name for mine, truth in pairs)
    counted = [mine for mine, truth in pairs if mine.weights_resolved()]
    assert len(counted) > len(pairs) // 2
    for mine, truth in pairs:
        if mine.weights_resolved():
            assert [w.shape for w in mine.weights] == [w.shape for w in truth.weights], mine.name


@pytest.mark.parametrize(
    "dotted,name",
    [
        ("keras.applications.MobileNetV2", "MobileNetV2"),
        ("keras.applications.mobilenet_v2.MobileNetV2", "MobileNetV2"),
        ("tensorflow.keras.applications.ResNet50", "ResNet50"),
        ("tensorflow.keras.applications.resnet50.ResNet50", "ResNet50"),
        ("keras.applications.resnet.ResNet50", "ResNet50"),
        ("keras.applications.efficientnet_v2.EfficientNetV2S", "EfficientNetV2S"),
        ("keras.src.applications.convnext.ConvNeXtTiny", "ConvNeXtTiny"),
    ],
)
def test_every_spelling_of_an_application_resolves(dotted: str, name: str) -> None:
    symbol = resolve(dotted)
    assert isinstance(symbol, KerasSymbol) and symbol.name == name


def test_star_import_of_keras_applications_binds_every_application() -> None:
    names = star_names("tensorflow.keras.applications")
    assert {"VGG16", "MobileNetV3Small", "ConvNeXtXLarge", "NASNetMobile"} <= set(names)
