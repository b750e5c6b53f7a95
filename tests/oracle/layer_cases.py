"""Record what real Keras does for single layers: output shapes, parameter counts, errors.

Each case builds one layer in real Keras and calls it on fresh symbolic inputs::

    layer = keras.layers.<layer>(*args, **kwargs)
    out = layer(keras.Input(batch_shape=...))            # or a list of Inputs (merging)

and records ``output_shape`` (a list of dims, or a list of such lists for layers
with several outputs) with ``trainable_params`` / ``non_trainable_params``, or
``error`` (the message), ``error_type`` and ``error_stage`` ("init" or "call")
when Keras raises.  The fixtures in ``fixtures/layers/<module>.json`` (one per
kerascheck rule module) are what ``tests/test_layer_rules.py`` holds the engine to.

Arguments are stored as JSON: a tuple becomes a list, and both Keras (here) and
the engine (in the test) receive lists turned back into tuples, so each side sees
the same value.  A case flagged ``"lists": true`` keeps lists on both sides, to
prove that Keras treats them alike.  A nested ``{"layer": ..., "kwargs": ...}``
argument (Bidirectional's ``layer`` / ``backward_layer``) is a layer built first.

Run with the oracle interpreter::

    KERAS_BACKEND=jax /opt/oracle/bin/python tests/oracle/layer_cases.py          # rewrite
    KERAS_BACKEND=jax /opt/oracle/bin/python tests/oracle/layer_cases.py --check  # compare
"""

from __future__ import annotations

import itertools
import json
import os
import re
import sys
import warnings
from pathlib import Path
from typing import Any, Iterator

os.environ.setdefault("KERAS_BACKEND", "jax")

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "layers"

N = None  # a dynamic dimension, for readability of the shapes below


def case(layer: str, kwargs: dict | None = None, inputs: Any = ((N, 8),), *, args: list | None = None,
         list_input: bool = False, lists: bool = False) -> dict:
    """One case: ``inputs`` is a sequence of batch shapes (one per keras.Input)."""
    return {
        "layer": layer,
        "args": list(args or []),
        "kwargs": dict(kwargs or {}),
        "input_shapes": [list(s) for s in inputs],
        "list_input": list_input,
        "lists": lists,
    }


def sub(layer: str, **kwargs: Any) -> dict:
    """A layer passed as an argument (Bidirectional)."""
    return {"layer": layer, "kwargs": kwargs}


# --------------------------------------------------------------------------- case sweeps


def convolutional_cases() -> Iterator[dict]:
    for padding, strides, dilation in [("valid", 1, 1), ("same", 1, 1), ("causal", 1, 1), ("valid", 2, 1),
                                       ("same", 3, 1), ("valid", 1, 2), ("causal", 1, 3), ("same", 1, 2)]:
        for shape in [(N, 32, 4), (N, N, 4), (2, 7, 6)]:
            yield case("Conv1D", {"filters": 8, "kernel_size": 3, "padding": padding, "strides": strides,
                                  "dilation_rate": dilation}, [shape])
    yield case("Conv1D", {"filters": 6, "kernel_size": 3, "groups": 2}, [(N, 10, 4)])
    yield case("Conv1D", {"filters": 6, "kernel_size": 3, "groups": 3}, [(N, 10, 4)])  # channels % groups
    yield case("Conv1D", {"filters": 5, "kernel_size": 3, "groups": 2}, [(N, 10, 4)])  # filters % groups
    yield case("Conv1D", {"filters": 4, "kernel_size": 5}, [(N, 3, 2)])  # output <= 0
    yield case("Conv1D", {"filters": 4, "kernel_size": 3, "data_format": "channels_first"}, [(N, 2, 16)])
    yield case("Conv1D", {"filters": 4, "kernel_size": 3}, [(N, 16, N)])  # undefined channels
    yield case("Conv1D", {"filters": 4, "kernel_size": 3}, [(N, 16)])  # rank
    yield case("Conv1D", {"filters": 0, "kernel_size": 3}, [(N, 16, 2)])
    yield case("Conv1D", {"filters": 4, "kernel_size": 3, "strides": 2, "dilation_rate": 2}, [(N, 16, 2)])
    yield case("Conv1D", {"filters": 4, "kernel_size": 3, "use_bias": False}, [(N, 16, 2)])
    yield case("Conv1D", {"filters": 4, "kernel_size": 3, "padding": "full"}, [(N, 16, 2)])
    for padding, strides, dilation, data_format in itertools.product(
        ["valid", "same"], [1, 2, (2, 1)], [1, 2], ["channels_last", "channels_first"]
    ):
        if strides != 1 and dilation != 1:
            continue
        shape = (N, 28, 30, 3) if data_format == "channels_last" else (N, 3, 28, 30)
        yield case("Conv2D", {"filters": 16, "kernel_size": (3, 5), "padding": padding, "strides": strides,
                              "dilation_rate": dilation, "data_format": data_format}, [shape])
    yield case("Conv2D", {"filters": 8, "kernel_size": 3}, [(N, N, N, 3)])
    yield case("Conv2D", {"filters": 8, "kernel_size": 3, "padding": "causal"}, [(N, 8, 8, 3)])
    yield case("Conv2D", {"filters": 8, "kernel_size": 3, "groups": 4}, [(N, 8, 8, 8)])
    yield case("Conv2D", {"filters": 8, "kernel_size": 3, "use_bias": False}, [(4, 8, 8, 8)])
    yield case("Conv2D", {"filters": 8, "kernel_size": (3, 3, 3)}, [(N, 8, 8, 8)])
    yield case("Conv2D", {"filters": 8, "kernel_size": 9}, [(N, 8, 8, 8)])
    yield case("Conv2D", {"filters": 8, "kernel_size": 3}, [(N, 8, 8, 8, 2)])  # rank 5 for Conv2D
    yield case("Conv2D", {"filters": 8, "kernel_size": [3, 3], "strides": [1, 2]}, [(N, 8, 8, 2)], lists=True)
    yield case("Conv2D", {"filters": 8, "kernel_size": 0}, [(N, 8, 8, 2)])
    yield case("Conv2D", {"filters": 8, "kernel_size": 3, "data_format": "channels_middle"}, [(N, 8, 8, 2)])
    yield case("Conv2D", {"filters": 8, "kernel_size": 3, "activation": "relu"}, [(N, 8, 8, 2)])
    yield case("Conv2D", {"filters": 8, "kernel_size": 3, "activation": "not_an_activation"}, [(N, 8, 8, 2)])
    for padding, strides, data_format in itertools.product(
        ["valid", "same"], [1, 2], ["channels_last", "channels_first"]
    ):
        shape = (N, 9, 10, 11, 2) if data_format == "channels_last" else (N, 2, 9, 10, 11)
        yield case("Conv3D", {"filters": 4, "kernel_size": 3, "padding": padding, "strides": strides,
                              "data_format": data_format}, [shape])
    yield case("Conv3D", {"filters": 4, "kernel_size": (1, 2, 3), "dilation_rate": (1, 2, 1), "use_bias": False},
               [(N, 9, N, 11, 2)])
    yield case("Conv3D", {"filters": 4, "kernel_size": 3, "groups": 2}, [(N, 6, 6, 6, 4)])
    yield case("Conv3D", {"filters": 4, "kernel_size": 3}, [(N, 6, 6, 4)])


def core_cases() -> Iterator[dict]:
    for units, use_bias, shape in itertools.product([1, 16], [True, False], [(N, 8), (N, 5, 8), (3, 4, 5, 8)]):
        yield case("Dense", {"units": units, "use_bias": use_bias}, [shape])
    yield case("Dense", {}, [(N, 8)], args=[10])
    yield case("Dense", {"units": 4}, [(N, N)])  # undefined input dim
    yield case("Dense", {"units": 4}, [(N,)])  # rank 1
    yield case("Dense", {"units": 0}, [(N, 8)])
    yield case("Dense", {"units": -3}, [(N, 8)])
    yield case("Dense", {"units": 2.5}, [(N, 8)])
    yield case("Dense", {"units": True}, [(N, 8)])
    yield case("Dense", {"units": 4, "lora_rank": 2}, [(N, 8)])
    yield case("Dense", {"units": 4, "lora_rank": 2, "use_bias": False}, [(N, 3, 8)])
    yield case("Dense", {"units": 4, "activation": "softmax"}, [(N, 8)])
    yield case("Dense", {"units": 4, "activation": "leaky_relu"}, [(N, 8)])
    yield case("Dense", {"units": 4, "activation": "foo"}, [(N, 8)])
    yield case("Dense", {"units": 4, "trainable": False}, [(N, 8)])
    for shape in [(N, 10), (N, N), (4, 10), (N,), (N, 3, 5), (N, 2, 3, 4)]:
        yield case("Embedding", {"input_dim": 1000, "output_dim": 64}, [shape])
    yield case("Embedding", {"input_dim": 50, "output_dim": 8, "mask_zero": True}, [(N, 12)])
    yield case("Embedding", {}, [(N, 12)], args=[20, 3])
    yield case("Embedding", {"input_dim": 0, "output_dim": 8}, [(N, 12)])
    yield case("Embedding", {"input_dim": 10, "output_dim": -1}, [(N, 12)])
    yield case("Embedding", {"input_dim": 10.0, "output_dim": 4}, [(N, 12)])
    yield case("Embedding", {"input_dim": 10, "output_dim": 4, "lora_rank": 3}, [(N, 12)])
    yield case("Embedding", {"input_dim": 10, "output_dim": 4, "trainable": False}, [(N, 12)])
    for activation in ["relu", "softmax", "linear", None, "swish", "hard_swish", "gelu", "log_softmax",
                       "sparsemax", "tanh", "ReLU", "relu6", "not_an_activation", ""]:
        yield case("Activation", {"activation": activation}, [(N, 4, 6)])
    yield case("Activation", {}, [(N, 6)], args=["sigmoid"])
    for shape in [(N, 8), (N, N, 8), (2, 3, 4, 5)]:
        yield case("Identity", {}, [shape])
        yield case("Masking", {"mask_value": 0.0}, [shape])
    yield case("Masking", {}, [(N, 10, 3)])


def pooling_cases() -> Iterator[dict]:
    for name, pool_size, strides, padding, shape in itertools.chain(
        itertools.product(["MaxPooling1D", "AveragePooling1D"], [2, 3], [None, 1, 2], ["valid", "same"],
                          [(N, 11, 4), (N, N, 4)]),
        itertools.product(["MaxPooling2D", "AveragePooling2D"], [2, (3, 2)], [None, 2, (1, 3)], ["valid", "same"],
                          [(N, 224, 224, 3), (N, N, 15, 3)]),
        itertools.product(["MaxPooling3D", "AveragePooling3D"], [2, (1, 2, 3)], [None, (2, 1, 1)],
                          ["valid", "same"], [(N, 8, 9, 10, 2)]),
    ):
        yield case(name, {"pool_size": pool_size, "strides": strides, "padding": padding}, [shape])
    for name, data_format in itertools.product(["MaxPooling1D", "AveragePooling2D", "MaxPooling3D"],
                                               ["channels_first", "channels_last"]):
        rank = int(name[-2])
        yield case(name, {"pool_size": 2, "data_format": data_format}, [(N, 3) + (7,) * rank])
    yield case("MaxPooling2D", {}, [(N, 32, 32, 3)])
    yield case("MaxPooling2D", {}, [(N, 32, 32, 3)], args=[(4, 4), None, "same"])
    yield case("MaxPooling2D", {"pool_size": 5}, [(N, 3, 3, 3)])  # output <= 0
    yield case("MaxPooling2D", {"pool_size": 5, "padding": "same"}, [(N, 3, 3, 3)])
    yield case("MaxPooling2D", {"pool_size": 2}, [(N, 3, 3)])  # rank
    yield case("MaxPooling2D", {"pool_size": 2, "padding": "causal"}, [(N, 8, 8, 3)])
    yield case("MaxPooling2D", {"pool_size": 2, "padding": "SAME"}, [(N, 8, 8, 3)])
    yield case("MaxPooling2D", {"pool_size": 0}, [(N, 8, 8, 3)])
    yield case("MaxPooling2D", {"pool_size": (2, 2, 2)}, [(N, 8, 8, 3)])
    yield case("MaxPooling2D", {"pool_size": [2, 3], "strides": [2, 1]}, [(N, 8, 8, 3)], lists=True)
    yield case("AveragePooling2D", {"pool_size": 2, "data_format": "channels_middle"}, [(N, 8, 8, 3)])
    yield case("AveragePooling1D", {"pool_size": 2}, [(N, 1, 3)])
    yield case("AveragePooling1D", {"pool_size": 4, "strides": 3, "padding": "same"}, [(7, 10, 3)])
    for rank, name, keepdims, data_format in itertools.product(
        [1, 2, 3], ["GlobalMaxPooling", "GlobalAveragePooling"], [False, True], ["channels_last", "channels_first"]
    ):
        shape = (N,) + (5,) * rank + (3,) if data_format == "channels_last" else (N, 3) + (5,) * rank
        yield case(f"{name}{rank}D", {"keepdims": keepdims, "data_format": data_format}, [shape])
    yield case("GlobalAveragePooling1D", {}, [(N, N, N)])
    yield case("GlobalMaxPooling2D", {}, [(N, 5, 3)])  # rank
    yield case("GlobalAveragePooling2D", {}, [(N, 5, 5, 5, 3)])  # rank


def reshaping_cases() -> Iterator[dict]:
    for shape in [(N, 4, 5, 6), (N, N, 3), (N, 3, N), (N,), (N, 7), (8, 2, 3), (N, 0, 3)]:
        for data_format in ["channels_last", "channels_first"]:
            yield case("Flatten", {"data_format": data_format}, [shape])
    yield case("Flatten", {}, [(N, 4, 5)])
    for target, shape in [
        ((6, 20), (N, 4, 5, 6)), ((-1, 6), (N, 4, 5, 6)), ((-1,), (N, 4, 5, 6)), ((2, -1, 5), (N, 4, 5, 6)),
        ((7, -1), (N, 4, 5, 6)), ((100,), (N, 4, 5, 6)), ((-1, -1), (N, 4, 5, 6)), ((-2, 5), (N, 4, 5, 6)),
        ((-1, 3), (N, N, 3)), ((3, 3), (N, N, 3)), ((4, 3), (N, N, 3)), ((0, -1), (N, 4, 5)), ((0,), (N, 0, 3)),
        ((2, None), (N, 4, 5)), ((1, 1, -1), (2, 10)), ((4, 5), (3, 20)), ((-1, 4), (N, 0, 3)),
    ]:
        yield case("Reshape", {"target_shape": target}, [shape])
    yield case("Reshape", {}, [(N, 12)], args=[(3, 4)])
    yield case("Reshape", {"target_shape": [3, -1]}, [(N, 12)], lists=True)
    for padding, data_format, shape in itertools.product(
        [1, 0, (2, 3), ((1, 2),)], ["channels_last", "channels_first"], [(N, 10, 4), (N, N, N)]
    ):
        yield case("ZeroPadding1D", {"padding": padding, "data_format": data_format}, [shape])
    yield case("ZeroPadding1D", {"padding": -1}, [(N, 10, 4)])
    yield case("ZeroPadding1D", {}, [(N, 10, 4, 2)])
    for padding, data_format, shape in itertools.product(
        [1, (2, 3), ((1, 2), (3, 4)), (1, 2, 3), ((1, 2), 3)], ["channels_last", "channels_first"],
        [(N, 10, 12, 4), (N, N, 5, N)],
    ):
        yield case("ZeroPadding2D", {"padding": padding, "data_format": data_format}, [shape])
    yield case("ZeroPadding2D", {"padding": ((1, 2, 3), (1, 1))}, [(N, 10, 12, 4)])
    yield case("ZeroPadding2D", {"padding": "same"}, [(N, 10, 12, 4)])
    yield case("ZeroPadding2D", {"padding": 2.5}, [(N, 10, 12, 4)])
    yield case("ZeroPadding2D", {}, [(N, 10, 12, 4)])
    yield case("ZeroPadding2D", {"padding": [[1, 0], [0, 1]]}, [(N, 10, 12, 4)], lists=True)
    for padding, data_format in itertools.product(
        [1, (1, 2, 3), ((0, 1), (2, 3), (4, 5)), (1, 2)], ["channels_last", "channels_first"]
    ):
        yield case("ZeroPadding3D", {"padding": padding, "data_format": data_format}, [(N, 6, 7, N, 3)])
    yield case("ZeroPadding3D", {}, [(N, 6, 7, 8)])
    yield case("ZeroPadding3D", {"padding": (1, -1, 0)}, [(N, 6, 7, 8, 3)])
    for dims, shape in [((2, 1), (N, 3, 4)), ((1, 2), (N, 3, 4)), ((3, 1, 2), (N, 3, N, 5)), ((1, 1), (N, 3, 4)),
                        ((0, 1), (N, 3, 4)), ((2, 1), (N, 3, 4, 5)), ((1, 3), (N, 3, 4))]:
        yield case("Permute", {"dims": dims}, [shape])
    yield case("Permute", {"dims": [2, 1]}, [(N, 3, 4)], lists=True)
    for n, shape in [(3, (N, 4)), (1, (7, N)), (0, (N, 4)), (2.0, (N, 4)), (3, (N, 4, 2))]:
        yield case("RepeatVector", {"n": n}, [shape])
    for cropping, shape in [(1, (N, 10, 3)), ((2, 3), (N, 10, 3)), ((5, 5), (N, 10, 3)), ((2, 3), (N, N, 3)),
                            ((0, 0), (N, 4, 3)), (-1, (N, 10, 3))]:
        yield case("Cropping1D", {"cropping": cropping}, [shape])
    yield case("Cropping1D", {}, [(N, 10, 3)])
    for cropping, data_format, shape in itertools.product(
        [1, (1, 2), ((1, 2), (0, 3))], ["channels_last", "channels_first"], [(N, 8, 9, 3), (N, N, 5, N)]
    ):
        yield case("Cropping2D", {"cropping": cropping, "data_format": data_format}, [shape])
    for cropping in [((4, 4), (0, 0)), -1, (1, 2, 3), 1.5]:
        yield case("Cropping2D", {"cropping": cropping}, [(N, 8, 9, 3)])
    for cropping, data_format in itertools.product([1, (1, 2, 0), ((0, 1), (2, 0), (1, 1))],
                                                   ["channels_last", "channels_first"]):
        yield case("Cropping3D", {"cropping": cropping, "data_format": data_format}, [(N, 6, 7, N, 4)])
    yield case("Cropping3D", {"cropping": 3}, [(N, 6, 7, 8, 4)])
    yield case("Cropping3D", {"cropping": (1, 2)}, [(N, 6, 7, 8, 4)])
    for size, shape in [(2, (N, 5, 3)), (3, (N, N, 3)), (0, (N, 5, 3)), ((2,), (N, 5, 3))]:
        yield case("UpSampling1D", {"size": size}, [shape])
    yield case("UpSampling1D", {}, [(N, 5, 3)])
    for size, data_format, shape in itertools.product(
        [2, (2, 3)], ["channels_last", "channels_first"], [(N, 4, 5, 3), (N, N, 5, 3)]
    ):
        yield case("UpSampling2D", {"size": size, "data_format": data_format}, [shape])
    yield case("UpSampling2D", {"size": 0}, [(N, 4, 5, 3)])
    yield case("UpSampling2D", {}, [(N, 4, 5)])
    for size, data_format in itertools.product([2, (1, 2, 3)], ["channels_last", "channels_first"]):
        yield case("UpSampling3D", {"size": size, "data_format": data_format}, [(N, 4, 5, N, 3)])
    yield case("UpSampling3D", {}, [(N, 4, 5, 6, 3)])


def regularization_cases() -> Iterator[dict]:
    for rate, shape in itertools.product([0.0, 0.5, 1.0, -0.1, 1.5], [(N, 8), (N, N, 4)]):
        yield case("Dropout", {"rate": rate}, [shape])
    yield case("Dropout", {}, [(N, 8)], args=[0.3])
    yield case("Dropout", {"rate": 0.2, "noise_shape": (N, 1, 4)}, [(N, 5, 4)])
    yield case("Dropout", {"rate": 0.2, "noise_shape": (N, 0, 4)}, [(N, 5, 4)])
    yield case("Dropout", {"rate": 0.2, "noise_shape": "abc"}, [(N, 5, 4)])
    yield case("Dropout", {"rate": 0.2, "noise_shape": (N, 1.5, 4)}, [(N, 5, 4)])
    yield case("Dropout", {"rate": 0.2, "noise_shape": 3}, [(N, 5, 4)])
    yield case("Dropout", {"rate": 0.5, "seed": 1}, [(N,)])
    for name, shape in [("SpatialDropout1D", (N, 5, 4)), ("SpatialDropout1D", (N, 4)),
                        ("SpatialDropout2D", (N, 5, 5, 4)), ("SpatialDropout2D", (N, 5, 4)),
                        ("SpatialDropout3D", (N, 5, 5, 5, 4)), ("SpatialDropout3D", (N, 5, 5, 4))]:
        yield case(name, {"rate": 0.3}, [shape])
    yield case("SpatialDropout1D", {"rate": 2.0}, [(N, 5, 4)])
    yield case("SpatialDropout2D", {"rate": 0.3, "data_format": "channels_first"}, [(N, 4, 5, 5)])
    yield case("SpatialDropout2D", {"rate": 0.3, "data_format": "channels_x"}, [(N, 4, 5, 5)])
    yield case("SpatialDropout3D", {"rate": 0.3, "data_format": "channels_first"}, [(N, 4, 5, 5, 5)])
    for name in ["GaussianNoise", "GaussianDropout", "AlphaDropout"]:
        key = "stddev" if name == "GaussianNoise" else "rate"
        for value in [0.0, 0.1, 1.0, -0.5, 2.0]:
            yield case(name, {key: value}, [(N, 6, 3)])
    yield case("AlphaDropout", {"rate": 0.1, "noise_shape": (N, 1, 3)}, [(N, 6, 3)])
    for l1, l2 in [(0.0, 0.0), (0.01, 0.0), (0.0, 0.1)]:
        yield case("ActivityRegularization", {"l1": l1, "l2": l2}, [(N, 6, 3)])


def activations_cases() -> Iterator[dict]:
    for kwargs in [{}, {"max_value": 6.0}, {"max_value": -1.0}, {"negative_slope": 0.1}, {"negative_slope": -0.1},
                   {"threshold": 0.5}, {"threshold": -0.5}, {"max_value": 0.0}]:
        yield case("ReLU", kwargs, [(N, 5, 3)])
    for kwargs in [{}, {"negative_slope": 0.01}, {"negative_slope": -0.2}, {"negative_slope": 0.0}]:
        yield case("LeakyReLU", kwargs, [(N, 5, 3)])
    for kwargs in [{}, {"alpha": 0.5}, {"alpha": -1.0}]:
        yield case("ELU", kwargs, [(N, 5, 3)])
    for kwargs in [{}, {"axis": 1}, {"axis": (1, 2)}, {"axis": 5}]:
        yield case("Softmax", kwargs, [(N, 5, 3)])
    for shared_axes, shape in [
        (None, (N, 10)), (None, (N, 5, 3)), (None, (2, 6, 7, 3)), ([1, 2], (N, 6, 7, 3)), (1, (N, 6, 7, 3)),
        ((1,), (N, 6, 7, 3)), ([3], (N, 6, 7, 3)), (None, (N, N, 3)), ([1], (N, N, 3)), ([1, 2], (N, N, N, 3)),
        ([2], (N, N, 3)), (None, (N,)), ([1, 2, 3], (N, 6, 7, 3)), ([5], (N, 6, 7, 3)), ([-1], (N, 6, 7, 3)),
    ]:
        yield case("PReLU", {"shared_axes": shared_axes}, [shape])
    yield case("PReLU", {"shared_axes": [1, 2]}, [(N, 6, 7, 3)], lists=True)
    yield case("PReLU", {"trainable": False}, [(N, 6, 3)])


def normalization_cases() -> Iterator[dict]:
    for axis, shape in [(-1, (N, 8)), (-1, (N, 5, 8)), (1, (N, 3, 8, 8)), (3, (N, 32, 32, 16)), (2, (N, 5, 8)),
                        (-1, (N, N)), (1, (N, N, 4)), (-1, (N,)), (4, (N, 5, 8)), (-4, (N, 5, 8)), (0, (7, 3))]:
        yield case("BatchNormalization", {"axis": axis}, [shape])
    for center, scale in itertools.product([True, False], [True, False]):
        yield case("BatchNormalization", {"center": center, "scale": scale}, [(N, 6, 6, 10)])
    yield case("BatchNormalization", {"axis": [1, 2]}, [(N, 6, 6, 10)])
    yield case("BatchNormalization", {"axis": 1.0}, [(N, 6, 6, 10)])
    yield case("BatchNormalization", {"renorm": True}, [(N, 6, 10)])
    yield case("BatchNormalization", {"trainable": False}, [(N, 6, 10)])
    yield case("BatchNormalization", {}, [(N, 6, 10)], args=[1])
    for axis, shape in [(-1, (N, 8)), (-1, (N, 5, 8)), (1, (N, 5, 8)), ([1, 2], (N, 5, 8)), ((-2, -1), (N, 5, 8)),
                        ([-1, 1], (N, 5, 6, 8)), (-1, (N, N)), ([1, 2], (N, N, 8)), (3, (N, 5, 8)),
                        ([2, 3], (N, 5, 8)), (-3, (N, 5, 8)), (1.5, (N, 5, 8)), ("x", (N, 5, 8)), (0, (4, 5))]:
        yield case("LayerNormalization", {"axis": axis}, [shape])
    for center, scale in itertools.product([True, False], [True, False]):
        yield case("LayerNormalization", {"center": center, "scale": scale}, [(N, 6, 10)])
    yield case("LayerNormalization", {"axis": [1, 2]}, [(N, 5, 8)], lists=True)
    yield case("LayerNormalization", {"trainable": False}, [(N, 6, 10)])


def rnn_cases() -> Iterator[dict]:
    for name, units, return_sequences, return_state, shape in itertools.product(
        ["SimpleRNN", "LSTM", "GRU"], [1, 16], [False, True], [False, True], [(N, 10, 8), (N, N, 8)]
    ):
        yield case(name, {"units": units, "return_sequences": return_sequences, "return_state": return_state},
                   [shape])
    for name in ["SimpleRNN", "LSTM", "GRU"]:
        yield case(name, {"units": 4, "use_bias": False}, [(N, 10, 8)])
        yield case(name, {"units": 4, "go_backwards": True, "return_sequences": True}, [(3, 10, 8)])
        yield case(name, {"units": 4}, [(N, 8)])  # rank 2
        yield case(name, {"units": 4}, [(N, 10, 8, 2)])  # rank 4
        yield case(name, {"units": 4}, [(N, 10, N)])  # undefined features
        yield case(name, {"units": 0}, [(N, 10, 8)])
        yield case(name, {"units": 4, "stateful": True}, [(N, 10, 8)])
        yield case(name, {"units": 4, "stateful": True}, [(2, 10, 8)])
        yield case(name, {"units": 4, "activation": "bogus"}, [(N, 10, 8)])
        yield case(name, {"units": 4, "trainable": False}, [(N, 10, 8)])
        yield case(name, {}, [(N, 10, 8)], args=[5])
    for reset_after, use_bias in itertools.product([True, False], [True, False]):
        yield case("GRU", {"units": 12, "reset_after": reset_after, "use_bias": use_bias}, [(N, 7, 5)])
    yield case("LSTM", {"units": 6, "unit_forget_bias": False, "dropout": 0.2, "recurrent_dropout": 0.1},
               [(N, 7, 5)])
    yield case("LSTM", {"units": 6, "use_cudnn": "maybe"}, [(N, 7, 5)])
    for inner, merge_mode in itertools.product(
        [sub("LSTM", units=8), sub("LSTM", units=8, return_sequences=True),
         sub("GRU", units=6, return_state=True), sub("LSTM", units=5, return_sequences=True, return_state=True),
         sub("SimpleRNN", units=3, return_state=True), sub("GRU", units=4, reset_after=False, use_bias=False)],
        ["concat", "sum", "ave", "mul", None],
    ):
        yield case("Bidirectional", {"layer": inner, "merge_mode": merge_mode}, [(N, 10, 7)])
    yield case("Bidirectional", {}, [(N, 10, 7)], args=[sub("LSTM", units=8)])
    yield case("Bidirectional", {"layer": sub("LSTM", units=8), "merge_mode": "max"}, [(N, 10, 7)])
    yield case("Bidirectional", {"layer": sub("LSTM", units=8)}, [(N, 7)])
    yield case("Bidirectional", {"layer": sub("LSTM", units=8)}, [(N, 10, N)])
    yield case("Bidirectional", {"layer": sub("LSTM", units=8),
                                 "backward_layer": sub("LSTM", units=8, go_backwards=True)}, [(N, 10, 7)])
    yield case("Bidirectional", {"layer": sub("LSTM", units=8),
                                 "backward_layer": sub("LSTM", units=4, go_backwards=True)}, [(N, 10, 7)])
    yield case("Bidirectional", {"layer": sub("LSTM", units=8), "merge_mode": "sum",
                                 "backward_layer": sub("GRU", units=8, go_backwards=True)}, [(N, 10, 7)])
    yield case("Bidirectional", {"layer": sub("LSTM", units=8),
                                 "backward_layer": sub("LSTM", units=8)}, [(N, 10, 7)])
    yield case("Bidirectional", {"layer": sub("LSTM", units=8),
                                 "backward_layer": sub("LSTM", units=8, go_backwards=True,
                                                       return_sequences=True)}, [(N, 10, 7)])
    yield case("Bidirectional", {"layer": sub("LSTM", units=8, go_backwards=True)}, [(N, 10, 7)])
    yield case("Bidirectional", {"layer": sub("SimpleRNN", units=8, stateful=True)}, [(2, 10, 7)])
    yield case("Bidirectional", {"layer": sub("GRU", units=8, trainable=False)}, [(N, 10, 7)])
    yield case("Bidirectional", {"layer": sub("LSTM", units=8), "trainable": False}, [(N, 10, 7)])


def merging_cases() -> Iterator[dict]:
    for axis, shapes in [
        (-1, [(N, 4), (N, 6)]), (-1, [(N, 3, 4), (N, 3, 6), (N, 3, 1)]), (1, [(N, 3, 4), (N, 5, 4)]),
        (1, [(N, 3, 4), (N, 5, 5)]), (-1, [(N, 3, 4), (N, 5, 6)]), (-1, [(N, N, 4), (N, 5, 6)]),
        (-1, [(N, 3, N), (N, 3, 6)]), (2, [(N, 3, 4), (N, 3, 4)]), (-2, [(N, 3, 4), (N, 2, 4)]),
        (0, [(2, 3), (5, 3)]), (-1, [(2, 3), (5, 3)]), (-1, [(N, 3, 4), (N, 4)]), (-1, [(N, 4)]),
        (3, [(N, 3, 4), (N, 3, 4)]), (-4, [(N, 3, 4), (N, 3, 4)]), (-1, [(N, 1, 4), (N, 3, 4)]),
        (1, [(N, 3, 4, 5), (N, 2, 4, 5), (N, N, 4, 5)]),
    ]:
        yield case("Concatenate", {"axis": axis}, shapes, list_input=True)
    yield case("Concatenate", {}, [(N, 3, 4)])  # not a list
    for name in ["Add", "Subtract", "Multiply", "Average", "Maximum", "Minimum"]:
        for shapes in [
            [(N, 4), (N, 4)], [(N, 3, 4), (N, 3, 4), (N, 3, 4)], [(N, 3, 4), (N, 1, 4)], [(N, 3, 4), (N, 4)],
            [(N, 3, 4), (N, 3, 5)], [(N, N, 4), (N, 3, 4)], [(2, 4), (3, 4)], [(2, 4), (N, 4)], [(N, 4)],
            [(N, 1), (N, 5, 1), (N, 7)],
        ]:
            yield case(name, {}, shapes, list_input=True)
        yield case(name, {}, [(N, 4)])  # not a list
    for axes, shapes in [
        (1, [(N, 4), (N, 4)]), (-1, [(N, 4), (N, 4)]), ((1, 1), [(N, 3, 4), (N, 3, 5)]),
        ([2, 2], [(N, 3, 4), (N, 5, 4)]), (2, [(N, 3, 4), (N, 5, 4)]), (1, [(N, 4), (N, 5)]),
        ((1, 2), [(N, 3, 4), (N, 5, 3)]), (-1, [(N, 3, 4), (N, 4)]), (1, [(N, 4), (N, 4), (N, 4)]),
        ((1, 2, 3), [(N, 4), (N, 4)]), ("x", [(N, 4), (N, 4)]), (1, [(N, N), (N, 4)]),
    ]:
        yield case("Dot", {"axes": axes}, shapes, list_input=True)
    yield case("Dot", {"axes": 1, "normalize": True}, [(N, 4), (N, 4)], list_input=True)


MODULES = {
    "convolutional": convolutional_cases,
    "core": core_cases,
    "pooling": pooling_cases,
    "reshaping": reshaping_cases,
    "regularization": regularization_cases,
    "activations": activations_cases,
    "normalization": normalization_cases,
    "rnn": rnn_cases,
    "merging": merging_cases,
}


# --------------------------------------------------------------------------- running in Keras


def to_json(value: Any) -> Any:
    if isinstance(value, (tuple, list)):
        return [to_json(v) for v in value]
    if isinstance(value, dict):
        return {k: to_json(v) for k, v in value.items()}
    return value


def from_json(value: Any, lists: bool) -> Any:
    """The argument value both Keras and the engine receive (tuples unless ``lists``)."""
    if isinstance(value, list):
        items = [from_json(v, lists) for v in value]
        return items if lists else tuple(items)
    if isinstance(value, dict):
        return {k: from_json(v, lists) for k, v in value.items()}
    return value


def _clean(message: str) -> str:
    """The message Keras raised, without the call-context wrapper and object addresses."""
    wrapped = re.search(r"Exception encountered when calling [^\n]*\n\n\x1b\[1m(.*?)\x1b\[0m", message, re.S)
    if wrapped:
        message = wrapped.group(1)
    return re.sub(r" at 0x[0-9a-f]+", "", message)


def run_case(spec: dict) -> dict:
    import keras
    import numpy as np

    keras.backend.clear_session()  # deterministic names in messages
    lists = spec["lists"]

    def make(value: Any) -> Any:
        if isinstance(value, dict) and "layer" in value and "kwargs" in value:
            kwargs = {k: make(v) for k, v in from_json(value["kwargs"], lists).items()}
            return getattr(keras.layers, value["layer"])(**kwargs)
        return from_json(value, lists)

    result = dict(spec)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            cls = getattr(keras.layers, spec["layer"])
            layer = cls(*[make(a) for a in spec["args"]], **{k: make(v) for k, v in spec["kwargs"].items()})
        except Exception as err:  # noqa: BLE001  (the oracle records whatever Keras raises)
            result.update(error=_clean(str(err)), error_type=type(err).__name__, error_stage="init")
            return result
        inputs = [keras.Input(batch_shape=tuple(s)) for s in spec["input_shapes"]]
        try:
            out = layer(inputs if spec["list_input"] else inputs[0])
        except Exception as err:  # noqa: BLE001
            result.update(error=_clean(str(err)), error_type=type(err).__name__, error_stage="call")
            return result
    if isinstance(out, (list, tuple)):
        result["output_shape"] = [list(t.shape) for t in out]
    else:
        result["output_shape"] = list(out.shape)
    result["trainable_params"] = int(sum(np.prod(w.shape, dtype=int) for w in layer.trainable_weights))
    result["non_trainable_params"] = int(sum(np.prod(w.shape, dtype=int) for w in layer.non_trainable_weights))
    return result


def record_module(module: str) -> str:
    import keras

    cases = []
    for index, spec in enumerate(MODULES[module]()):
        spec = to_json(spec)
        spec = {"id": f"{module}-{index:03d}-{spec['layer']}", **spec}
        cases.append(run_case(spec))
    lines = [json.dumps(c, sort_keys=True) for c in cases]
    return (
        "{\n"
        f'"keras_version": {json.dumps(keras.__version__)},\n'
        f'"module": {json.dumps(module)},\n'
        '"cases": [\n' + ",\n".join(lines) + "\n]\n}\n"
    )


def main(argv: list[str]) -> int:
    if os.environ.get("PYTHONHASHSEED") != "0":
        # Some Keras messages print sets of strings: fix their order.
        os.environ["PYTHONHASHSEED"] = "0"
        os.execv(sys.executable, [sys.executable, __file__, *argv])
    check = "--check" in argv
    only = [a for a in argv if not a.startswith("--")]
    status = 0
    FIXTURES.mkdir(parents=True, exist_ok=True)
    for module in MODULES:
        if only and module not in only:
            continue
        text = record_module(module)
        path = FIXTURES / f"{module}.json"
        if check:
            if not path.exists() or path.read_text() != text:
                print(f"{path} differs from what Keras records now", file=sys.stderr)
                status = 1
        else:
            path.write_text(text)
            count = len(json.loads(text)["cases"])
            print(f"wrote {path} ({count} cases)")
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
