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
argument (Bidirectional's ``layer`` / ``backward_layer``, TimeDistributed's ``layer``,
RNN's ``cell``, also inside a list of cells) is a layer built first.  Nested outputs (the
states of stacked cells) are recorded flat.

The ``lookup`` module (StringLookup, IntegerLookup, TextVectorization, Hashing,
HashedCrossing) needs TensorFlow installed beside Keras: Keras constructs these layers
with it whatever the backend (``pip install tensorflow-cpu``).

Run with the oracle interpreter::

    KERAS_BACKEND=jax /opt/oracle/bin/python tests/oracle/layer_cases.py          # rewrite
    KERAS_BACKEND=jax /opt/oracle/bin/python tests/oracle/layer_cases.py --check  # compare
"""

from __future__ import annotations

import importlib.util
import itertools
import json
import os
import sys
import warnings
from pathlib import Path
from typing import Any, Iterator

os.environ.setdefault("KERAS_BACKEND", "jax")

sys.path.insert(0, str(Path(__file__).resolve().parent))
from recording import clean_message  # noqa: E402

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "layers"

N = None  # a dynamic dimension, for readability of the shapes below


def case(layer: str, kwargs: dict | None = None, inputs: Any = ((N, 8),), *, args: list | None = None,
         list_input: bool = False, lists: bool = False, positional: bool = False) -> dict:
    """One case: ``inputs`` is a sequence of batch shapes (one per keras.Input).

    ``list_input`` calls ``layer([x, y, …])``; ``positional`` calls ``layer(x, y, …)``
    (MultiHeadAttention's query, value, key), which kerascheck's rules read as a list.
    """
    spec = {
        "layer": layer,
        "args": list(args or []),
        "kwargs": dict(kwargs or {}),
        "input_shapes": [list(s) for s in inputs],
        "list_input": list_input,
        "lists": lists,
    }
    if positional:
        spec["positional"] = True
    return spec


IDENTITY = {"function": "identity"}
"""A Python function argument (Lambda's ``function``): ``lambda x: x`` in Keras, opaque to kerascheck."""


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
    yield from conv_transpose_cases()
    yield from depthwise_separable_cases()


def conv_transpose_cases() -> Iterator[dict]:
    for padding, strides, output_padding, kernel, shape in itertools.product(
        ["valid", "same"], [1, 2, 3], [None, 0, 1], [1, 3, 4], [(N, 7, 5), (N, N, 5)]
    ):
        if output_padding is not None and output_padding >= strides:
            continue
        yield case("Conv1DTranspose", {"filters": 6, "kernel_size": kernel, "padding": padding, "strides": strides,
                                       "output_padding": output_padding}, [shape])
    for dilation, padding in itertools.product([2, 3], ["valid", "same"]):
        yield case("Conv1DTranspose", {"filters": 3, "kernel_size": 3, "dilation_rate": dilation,
                                       "padding": padding}, [(N, 9, 2)])
    yield case("Conv1DTranspose", {"filters": 3, "kernel_size": 3, "output_padding": 2, "strides": 2}, [(N, 9, 2)])
    yield case("Conv1DTranspose", {"filters": 3, "kernel_size": 3, "padding": "causal"}, [(N, 9, 2)])
    yield case("Conv1DTranspose", {"filters": 0, "kernel_size": 3}, [(N, 9, 2)])
    yield case("Conv1DTranspose", {"filters": 3, "kernel_size": 3}, [(N, 9, N)])
    yield case("Conv1DTranspose", {"filters": 3, "kernel_size": 3}, [(N, 9)])
    yield case("Conv1DTranspose", {"filters": 3, "kernel_size": 3, "strides": 2, "dilation_rate": 2}, [(N, 9, 2)])
    yield case("Conv1DTranspose", {"filters": 3, "kernel_size": 3, "use_bias": False,
                                   "data_format": "channels_first"}, [(N, 2, 9)])
    for padding, strides, output_padding, data_format, shape in itertools.product(
        ["valid", "same"], [1, 2, (2, 3)], [None, 1, (0, 1)], ["channels_last", "channels_first"],
        [(N, 8, 9, 3), (N, N, 5, 3)],
    ):
        if output_padding is not None and strides == 1:
            continue
        if data_format == "channels_first":
            shape = (shape[0], shape[3], shape[1], shape[2])
        yield case("Conv2DTranspose", {"filters": 4, "kernel_size": (3, 2), "padding": padding,
                                       "strides": strides, "output_padding": output_padding,
                                       "data_format": data_format}, [shape])
    yield case("Conv2DTranspose", {"filters": 4, "kernel_size": 3, "output_padding": (2, 0), "strides": 2},
               [(N, 8, 8, 3)])
    yield case("Conv2DTranspose", {"filters": 4, "kernel_size": 3, "output_padding": -1, "strides": 2},
               [(N, 8, 8, 3)])
    yield case("Conv2DTranspose", {"filters": 4, "kernel_size": 5, "dilation_rate": 2}, [(N, 8, 8, 3)])
    yield case("Conv2DTranspose", {"filters": 4, "kernel_size": 3}, [(N, 8, 8, 3, 1)])
    yield case("Conv2DTranspose", {"filters": 4, "kernel_size": 3}, [(N, 8, 8)])
    yield case("Conv2DTranspose", {"filters": 4, "kernel_size": 0}, [(N, 8, 8, 3)])
    yield case("Conv2DTranspose", {"filters": 4, "kernel_size": 3, "strides": 0}, [(N, 8, 8, 3)])
    yield case("Conv2DTranspose", {"filters": 4, "kernel_size": [3, 3], "strides": [2, 2]}, [(N, 8, 8, 3)],
               lists=True)
    yield case("Conv2DTranspose", {}, [(N, 8, 8, 3)], args=[16, 3, 2, "same"])
    yield case("Conv2DTranspose", {"filters": 4, "kernel_size": 3, "activation": "nope"}, [(N, 8, 8, 3)])
    yield case("Conv2DTranspose", {"filters": 4, "kernel_size": 3, "trainable": False}, [(N, 8, 8, 3)])
    for padding, strides, output_padding, data_format in itertools.product(
        ["valid", "same"], [1, 2], [None, 1], ["channels_last", "channels_first"]
    ):
        if output_padding is not None and strides == 1:
            continue
        shape = (N, 4, 5, N, 2) if data_format == "channels_last" else (N, 2, 4, 5, N)
        yield case("Conv3DTranspose", {"filters": 3, "kernel_size": 3, "padding": padding, "strides": strides,
                                       "output_padding": output_padding, "data_format": data_format}, [shape])
    yield case("Conv3DTranspose", {"filters": 3, "kernel_size": (1, 2, 3), "use_bias": False}, [(2, 4, 5, 6, 2)])
    yield case("Conv3DTranspose", {"filters": 3, "kernel_size": 3}, [(N, 4, 5, 6)])


def depthwise_separable_cases() -> Iterator[dict]:
    for name, multiplier, padding, strides, dilation, shape in itertools.product(
        ["DepthwiseConv1D", "SeparableConv1D"], [1, 3], ["valid", "same", "causal"], [1, 2], [1, 2],
        [(N, 12, 4), (N, N, 4), (3, 5, 2)],
    ):
        if strides > 1 and dilation > 1:
            continue
        kwargs = {"kernel_size": 3, "depth_multiplier": multiplier, "padding": padding, "strides": strides,
                  "dilation_rate": dilation}
        if name.startswith("Separable"):
            kwargs["filters"] = 5
        yield case(name, kwargs, [shape])
    for name, multiplier, padding, strides, data_format, use_bias in itertools.product(
        ["DepthwiseConv2D", "SeparableConv2D"], [1, 2], ["valid", "same"], [1, (2, 1)],
        ["channels_last", "channels_first"], [True, False],
    ):
        shape = (N, 10, 11, 3) if data_format == "channels_last" else (N, 3, 10, 11)
        kwargs = {"kernel_size": (3, 3), "depth_multiplier": multiplier, "padding": padding, "strides": strides,
                  "data_format": data_format, "use_bias": use_bias}
        if name.startswith("Separable"):
            kwargs["filters"] = 8
        yield case(name, kwargs, [shape])
    for name in ["DepthwiseConv1D", "SeparableConv1D", "DepthwiseConv2D", "SeparableConv2D"]:
        rank = int(name[-2])
        base = {"kernel_size": 3}
        if name.startswith("Separable"):
            base["filters"] = 4
        good = (N,) + (8,) * rank + (3,)
        yield case(name, {**base, "depth_multiplier": 0}, [good])
        yield case(name, {**base, "kernel_size": 0}, [good])
        yield case(name, {**base, "strides": 0}, [good])
        yield case(name, {**base, "kernel_size": 9}, [good])  # output <= 0
        yield case(name, {**base}, [(N,) + (8,) * rank + (N,)])  # undefined channels
        yield case(name, {**base}, [(N,) + (8,) * (rank + 1) + (3,)])  # rank too high
        yield case(name, {**base}, [(N,) + (8,) * rank])  # rank too low
        yield case(name, {**base, "strides": 2, "dilation_rate": 2}, [good])
        yield case(name, {**base, "activation": "relu6"}, [good])
        yield case(name, {**base, "padding": "full"}, [good])
        yield case(name, {**base, "trainable": False}, [(N,) + (N,) * rank + (3,)])
    yield case("SeparableConv2D", {"filters": 0, "kernel_size": 3}, [(N, 8, 8, 3)])
    yield case("SeparableConv2D", {}, [(N, 8, 8, 3)], args=[16, (3, 3)])
    yield case("DepthwiseConv2D", {}, [(N, 8, 8, 3)], args=[(3, 3), (2, 2), "same", 4])
    yield case("DepthwiseConv2D", {"kernel_size": [3, 1], "strides": [1, 1]}, [(N, 8, 8, 3)], lists=True)


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
    for tie_weights, shape in itertools.product([True, False], [(N, 10), (N, N), (3, 4, 5)]):
        yield case("ReversibleEmbedding", {"input_dim": 100, "output_dim": 16, "tie_weights": tie_weights}, [shape])
    yield case("ReversibleEmbedding", {"input_dim": 0, "output_dim": 16}, [(N, 10)])
    yield case("ReversibleEmbedding", {"input_dim": 10, "output_dim": 4, "lora_rank": 2}, [(N, 10)])
    yield case("ReversibleEmbedding", {"input_dim": 10, "output_dim": 4, "tie_weights": False, "trainable": False},
               [(N, 10)])
    yield from einsum_cases()
    yield from lambda_cases()
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
    for kind, rank, output_size, data_format in itertools.product(
        ["AdaptiveAveragePooling", "AdaptiveMaxPooling"], [1, 2, 3], [1, 4, "tuple"],
        ["channels_last", "channels_first"],
    ):
        size = tuple(range(2, 2 + rank)) if output_size == "tuple" else output_size
        shape = (N,) + (9,) * rank + (3,) if data_format == "channels_last" else (N, 3) + (9,) * rank
        yield case(f"{kind}{rank}D", {"output_size": size, "data_format": data_format}, [shape])
    for name in ["AdaptiveAveragePooling2D", "AdaptiveMaxPooling2D"]:
        yield case(name, {"output_size": 3}, [(N, N, N, 3)])
        yield case(name, {"output_size": 3}, [(N, 9, 3)])
        yield case(name, {"output_size": (3, 3, 3)}, [(N, 9, 9, 3)])
        yield case(name, {"output_size": 12}, [(N, 9, 9, 3)])
        yield case(name, {"output_size": 3.0}, [(N, 9, 9, 3)])
        yield case(name, {"output_size": 3, "data_format": "Channels_Last"}, [(N, 9, 9, 3)])
        yield case(name, {}, [(2, 9, 9, 3)], args=[(4, 5)])
        yield case(name, {"output_size": [2, 3]}, [(N, 9, 9, 3)], lists=True)
    yield case("AdaptiveMaxPooling1D", {"output_size": (2, 2)}, [(N, 9, 3)])
    yield case("AdaptiveAveragePooling3D", {"output_size": (2, 2)}, [(N, 9, 9, 9, 3)])


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
    for size, interpolation, shape in itertools.product(
        [2, (1, 3), (3, 2)], ["nearest", "bilinear"], [(N, 4, 5, 3), (N, N, 5, 3), (2, 1, 1, 1)]
    ):
        yield case("UpSampling2D", {"size": size, "interpolation": interpolation}, [shape])
    for cropping, shape in itertools.product([(0, 1), ((2, 2), (1, 0)), 3], [(N, 9, 9, 2), (N, 6, 7, 1), (4, 5, 5, 3)]):
        yield case("Cropping2D", {"cropping": cropping}, [shape])
    for dims, shape in itertools.product([(1, 2, 3), (3, 2, 1), (2, 3, 1), (1, 3, 2)], [(N, 2, 3, 4), (N, N, 3, N)]):
        yield case("Permute", {"dims": dims}, [shape])
    for target, shape in itertools.product([(-1,), (4, -1), (2, 2, -1), (8, 3)], [(N, 24), (N, 2, 12), (5, 4, 6)]):
        yield case("Reshape", {"target_shape": target}, [shape])
    for padding, shape in itertools.product([(1, 2), ((0, 3), (2, 0))], [(N, 5, 6, 2), (3, 1, 1, 1)]):
        yield case("ZeroPadding2D", {"padding": padding}, [shape])


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
    for name, shape in itertools.product(["Dropout", "GaussianNoise", "GaussianDropout", "AlphaDropout"],
                                         [(N, 8), (2, N, 3), (N, 2, 3, 4)]):
        key = "stddev" if name == "GaussianNoise" else "rate"
        yield case(name, {key: 0.25}, [shape])


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
    for name, shape in itertools.product(["ReLU", "LeakyReLU", "ELU", "Softmax"], [(N, 8), (3, N, 4), (N, 2, 3, 4)]):
        yield case(name, {}, [shape])
    for axis, shape in [(-1, (N, 8)), (-2, (N, 3, 8)), ((1, 2), (N, 3, 8))]:
        yield case("Softmax", {"axis": axis}, [shape])


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
    for groups, axis, shape in [
        (2, -1, (N, 8)), (4, -1, (N, 5, 8)), (8, -1, (N, 5, 8)), (-1, -1, (N, 5, 8)), (1, -1, (N, 5, 8)),
        (3, -1, (N, 5, 8)), (16, -1, (N, 5, 8)), (2, 1, (N, 4, 5, 6)), (2, -1, (N, 5, N)), (2, 3, (N, 5, 8)),
        (2, -3, (N, 5, 8)), (32, -1, (N, 4, 4, 64)), (0, -1, (N, 8)), (-2, -1, (N, 8)), (2.0, -1, (N, 8)),
        (2, 1, (N, N, 8)), (2, 0, (4, 8)),
    ]:
        yield case("GroupNormalization", {"groups": groups, "axis": axis}, [shape])
    for center, scale in itertools.product([True, False], [True, False]):
        yield case("GroupNormalization", {"groups": 2, "center": center, "scale": scale}, [(N, 6, 10)])
    yield case("GroupNormalization", {}, [(N, 6, 64)])
    yield case("GroupNormalization", {"groups": 2, "trainable": False}, [(N, 6, 10)])
    for axis, shape in [(-1, (N, 8)), (1, (N, 5, 8)), ((1, 2), (N, 5, 8)), ([-1, -2], (N, 5, 8)), (3, (N, 5, 8)),
                        (-4, (N, 5, 8)), (1.0, (N, 5, 8)), ("x", (N, 5, 8)), (-1, (N, N)), ((1, 5), (N, 5, 8))]:
        yield case("UnitNormalization", {"axis": axis}, [shape])
        yield case("RMSNormalization", {"axis": axis}, [shape])
    yield case("RMSNormalization", {"axis": (2, 1)}, [(N, 5, 8)])
    yield case("RMSNormalization", {"axis": 1}, [(N, N, 8)])
    yield case("RMSNormalization", {"trainable": False}, [(N, 5, 8)])
    for inner, shape in [
        (sub("Dense", units=6), (N, 8)), (sub("Dense", units=6, use_bias=False), (N, 3, 8)),
        (sub("Conv2D", filters=4, kernel_size=3), (N, 8, 8, 3)), (sub("Conv1D", filters=4, kernel_size=2), (N, 8, 3)),
        (sub("Embedding", input_dim=10, output_dim=4), (N, 7)), (sub("Dropout", rate=0.5), (N, 8)),
        (sub("Conv2DTranspose", filters=4, kernel_size=3), (N, 8, 8, 3)), (sub("Dense", units=6), (N, N)),
        (sub("Dense", units=6, trainable=False), (N, 8)), (sub("DepthwiseConv2D", kernel_size=3), (N, 8, 8, 3)),
        (sub("SeparableConv2D", filters=2, kernel_size=3), (N, 8, 8, 3)), (sub("LayerNormalization"), (N, 8)),
        (sub("EinsumDense", equation="ab,bc->ac", output_shape=5), (N, 8)),
    ]:
        yield case("SpectralNormalization", {"layer": inner}, [shape])
    for iterations in [2, 0, -1]:
        yield case("SpectralNormalization", {"layer": sub("Dense", units=3), "power_iterations": iterations}, [(N, 8)])
    yield case("SpectralNormalization", {"layer": 3}, [(N, 8)])
    yield case("SpectralNormalization", {"layer": sub("Dense", units=3), "trainable": False}, [(N, 8)])


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
    yield from rnn_cell_cases()
    yield from conv_lstm_cases()
    yield from time_distributed_cases()


def rnn_cell_cases() -> Iterator[dict]:
    cells = [sub("SimpleRNNCell", units=4), sub("LSTMCell", units=3), sub("GRUCell", units=5),
             sub("GRUCell", units=2, reset_after=False), sub("LSTMCell", units=2, use_bias=False)]
    for cell, return_sequences, return_state in itertools.product(cells, [False, True], [False, True]):
        yield case("RNN", {"cell": cell, "return_sequences": return_sequences, "return_state": return_state},
                   [(N, 6, 7)])
    for cell in cells[:3]:
        for shape in [(N, N, 7), (2, 6, 7), (N, 6, 7, 2), (N, 7), (N, 6, N)]:
            yield case("RNN", {"cell": cell}, [shape])
    stacks = [[sub("LSTMCell", units=4), sub("GRUCell", units=3)],
              [sub("SimpleRNNCell", units=2), sub("SimpleRNNCell", units=6), sub("LSTMCell", units=5)],
              [sub("GRUCell", units=8)]]
    for cells_, return_sequences, return_state in itertools.product(stacks, [False, True], [False, True]):
        yield case("RNN", {"cell": cells_, "return_sequences": return_sequences, "return_state": return_state},
                   [(N, 6, 7)])
        yield case("RNN", {"cell": sub("StackedRNNCells", cells=cells_), "return_sequences": return_sequences,
                           "return_state": return_state}, [(N, 6, 7)])
    yield case("RNN", {"cell": sub("LSTMCell", units=3), "stateful": True}, [(N, 6, 7)])
    yield case("RNN", {"cell": sub("LSTMCell", units=3), "stateful": True}, [(4, 6, 7)])
    yield case("RNN", {"cell": sub("LSTMCell", units=3, trainable=False)}, [(N, 6, 7)])
    yield case("RNN", {"cell": sub("LSTMCell", units=3), "trainable": False}, [(N, 6, 7)])
    yield case("RNN", {"cell": sub("Dense", units=3)}, [(N, 6, 7)])
    yield case("RNN", {"cell": 3}, [(N, 6, 7)])
    yield case("RNN", {}, [(N, 6, 7)], args=[sub("GRUCell", units=3)])
    yield case("RNN", {"cell": sub("LSTMCell", units=3), "go_backwards": True, "unroll": True,
                       "return_sequences": True}, [(N, 6, 7)])
    for name in ["SimpleRNNCell", "LSTMCell", "GRUCell"]:
        yield case("RNN", {"cell": sub(name, units=0)}, [(N, 6, 7)])
        yield case("RNN", {"cell": sub(name, units=4, activation="bogus")}, [(N, 6, 7)])
        yield case("RNN", {"cell": sub(name, units=4, dropout=0.5, recurrent_dropout=2.0)}, [(N, 6, 7)])
        yield case("Bidirectional", {"layer": sub("RNN", cell=sub(name, units=3), return_sequences=True)},
                   [(N, 6, 7)])
    yield case("Bidirectional", {"layer": sub("RNN", cell=[sub("LSTMCell", units=3), sub("GRUCell", units=2)],
                                              return_state=True)}, [(N, 6, 7)])


def conv_lstm_cases() -> Iterator[dict]:
    for name, padding, strides, return_sequences, return_state in itertools.product(
        ["ConvLSTM1D", "ConvLSTM2D"], ["valid", "same"], [1, 2], [False, True], [False, True]
    ):
        rank = int(name[-2])
        yield case(name, {"filters": 4, "kernel_size": 3, "padding": padding, "strides": strides,
                          "return_sequences": return_sequences, "return_state": return_state},
                   [(N, 5) + (9,) * rank + (2,)])
    for data_format, shape in [("channels_first", (N, 3, 2, 8, 8)), ("channels_last", (N, N, 8, 8, 2))]:
        yield case("ConvLSTM2D", {"filters": 3, "kernel_size": (3, 2), "data_format": data_format}, [shape])
    yield case("ConvLSTM2D", {"filters": 3, "kernel_size": 3, "dilation_rate": 2}, [(N, 4, 9, 9, 2)])
    yield case("ConvLSTM2D", {"filters": 3, "kernel_size": 3, "use_bias": False}, [(N, 4, 9, 9, 2)])
    yield case("ConvLSTM2D", {"filters": 3, "kernel_size": 3, "unit_forget_bias": False}, [(N, 4, 9, 9, 2)])
    yield case("ConvLSTM2D", {"filters": 3, "kernel_size": 3}, [(N, 4, N, 9, 2)])  # dynamic spatial
    yield case("ConvLSTM2D", {"filters": 3, "kernel_size": 3}, [(N, 4, 9, 9, N)])  # dynamic channels
    yield case("ConvLSTM2D", {"filters": 3, "kernel_size": 3}, [(N, 9, 9, 2)])  # rank
    yield case("ConvLSTM2D", {"filters": 3, "kernel_size": 11}, [(N, 4, 9, 9, 2)])  # output <= 0
    yield case("ConvLSTM2D", {"filters": 3, "kernel_size": 3, "strides": 2, "dilation_rate": 2},
               [(N, 4, 9, 9, 2)])
    yield case("ConvLSTM2D", {"filters": 3, "kernel_size": 3, "padding": "causal"}, [(N, 4, 9, 9, 2)])
    yield case("ConvLSTM2D", {"filters": 3, "kernel_size": 3, "stateful": True}, [(N, 4, 9, 9, 2)])
    yield case("ConvLSTM2D", {"filters": 3, "kernel_size": 3, "stateful": True}, [(2, 4, 9, 9, 2)])
    yield case("ConvLSTM2D", {"filters": 3, "kernel_size": 3, "trainable": False}, [(N, 4, 9, 9, 2)])
    yield case("ConvLSTM2D", {}, [(N, 4, 9, 9, 2)], args=[6, (3, 3)])
    yield case("ConvLSTM2D", {"filters": 3, "kernel_size": 3, "activation": "bogus"}, [(N, 4, 9, 9, 2)])
    yield case("ConvLSTM1D", {"filters": 3, "kernel_size": 3, "data_format": "channels_first"}, [(N, 4, 2, 10)])
    yield case("ConvLSTM1D", {"filters": 3, "kernel_size": 2, "dilation_rate": 3, "padding": "same"},
               [(N, 4, 10, 2)])
    for padding, return_sequences in itertools.product(["valid", "same"], [False, True]):
        yield case("ConvLSTM3D", {"filters": 2, "kernel_size": 2, "padding": padding,
                                  "return_sequences": return_sequences}, [(N, 3, 4, 5, 6, 2)])
    yield case("ConvLSTM3D", {"filters": 2, "kernel_size": 2}, [(N, 4, 5, 6, 2)])


def time_distributed_cases() -> Iterator[dict]:
    for inner, shape in [
        (sub("Dense", units=8), (N, 10, 16)), (sub("Dense", units=8), (N, N, 16)), (sub("Dense", units=8), (4, 10, 3, 16)),
        (sub("Dense", units=8, use_bias=False), (N, 10, 16)), (sub("Dense", units=8), (N, 16)),
        (sub("Dense", units=8), (N, 10, N)),
        (sub("Conv2D", filters=4, kernel_size=3), (N, 5, 12, 12, 3)), (sub("Conv2D", filters=4, kernel_size=3), (N, 12, 12, 3)),
        (sub("Conv2D", filters=4, kernel_size=3, padding="same", strides=2), (N, N, 12, 12, 3)),
        (sub("Conv2D", filters=4, kernel_size=13), (N, 5, 12, 12, 3)),
        (sub("MaxPooling2D", pool_size=2), (N, 5, 12, 12, 3)), (sub("Flatten"), (N, 5, 4, 4, 3)),
        (sub("Flatten"), (N, 5, 4)), (sub("GlobalAveragePooling2D"), (N, 5, 4, 4, 3)),
        (sub("Dropout", rate=0.5), (N, 5, 4)), (sub("BatchNormalization"), (N, 5, 4)),
        (sub("LayerNormalization"), (N, 5, 4, 3)), (sub("Embedding", input_dim=10, output_dim=3), (N, 5, 4)),
        (sub("Reshape", target_shape=(2, 6)), (N, 5, 12)), (sub("Reshape", target_shape=(5, 5)), (N, 5, 12)),
        (sub("Conv1D", filters=2, kernel_size=3), (N, 5, 8, 3)), (sub("Dense", units=3, trainable=False), (N, 5, 4)),
        (sub("LSTM", units=3), (N, 5, 6, 4)), (sub("Conv2DTranspose", filters=2, kernel_size=3, strides=2), (N, 3, 4, 4, 2)),
        (sub("DepthwiseConv2D", kernel_size=3), (N, 3, 6, 6, 2)), (sub("Activation", activation="relu"), (N, 3, 6)),
    ]:
        yield case("TimeDistributed", {"layer": inner}, [shape])
    yield case("TimeDistributed", {"layer": sub("Dense", units=3), "trainable": False}, [(N, 5, 4)])
    yield case("TimeDistributed", {"layer": 3}, [(N, 5, 4)])
    yield case("TimeDistributed", {}, [(N, 5, 4)], args=[sub("Dense", units=3)])
    yield case("Bidirectional", {"layer": sub("LSTM", units=4, return_sequences=True)}, [(N, 5, 4)])


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
    for axis, n, shape in itertools.product([-1, 1, 2], [2, 3], [(N, 3, 4), (5, 3, 4)]):
        yield case("Concatenate", {"axis": axis}, [shape] * n, list_input=True)
    for name, shapes in itertools.product(["Add", "Multiply", "Maximum"], [[(N, 2, 3, 4)] * 2, [(N, 1, 3, 1), (N, 2, 3, 4)]]):
        yield case(name, {}, shapes, list_input=True)


def attention_cases() -> Iterator[dict]:
    for heads, key_dim, value_dim, output_shape, shapes in itertools.product(
        [1, 4], [8], [None, 5], [None, 16, (3, 2)],
        [[(N, 10, 32), (N, 7, 24)], [(N, 10, 32), (N, 7, 24), (N, 7, 12)], [(2, N, 32), (2, N, 32)]],
    ):
        yield case("MultiHeadAttention", {"num_heads": heads, "key_dim": key_dim, "value_dim": value_dim,
                                          "output_shape": output_shape}, shapes, positional=True)
    for kwargs, shapes in [
        ({"use_bias": False}, [(N, 10, 32), (N, 7, 24)]),
        ({"use_gate": True}, [(N, 10, 32), (N, 7, 24)]),
        ({"use_gate": True, "value_dim": 3, "use_bias": False}, [(N, 10, 32), (N, 7, 24)]),
        ({}, [(N, 10, 32), (N, 7, 24), (N, 6, 12)]),  # value / key lengths differ
        ({}, [(N, 10, N), (N, 7, 24)]),  # undefined query features
        ({}, [(N, 10, 32), (N, 7, N)]),
        ({}, [(N, 4, 5, 32), (N, 4, 5, 24)]),
        ({"attention_axes": (1, 2)}, [(N, 4, 5, 32), (N, 4, 5, 24)]),
        ({"attention_axes": 2}, [(N, 4, 5, 32), (N, 4, 5, 24)]),
        ({"attention_axes": -2}, [(N, 4, 5, 32), (N, 4, 5, 24)]),
        ({"attention_axes": (1,)}, [(N, 10, 32), (N, 7, 24)]),
        ({"attention_axes": 7}, [(N, 10, 32), (N, 7, 24)]),
        ({"attention_axes": "x"}, [(N, 10, 32), (N, 7, 24)]),
        ({}, [(N, 32), (N, 24)]),
        ({"output_shape": 0}, [(N, 10, 32), (N, 7, 24)]),
        ({"dropout": 0.1, "flash_attention": True}, [(N, 10, 32), (N, 7, 24)]),
        ({"dropout": 0.1}, [(N, 10, 32), (N, 7, 24)]),
        ({"sliding_window": 0}, [(N, 10, 32), (N, 7, 24)]),
        ({"sliding_window": 4}, [(N, 10, 32), (N, 7, 24)]),
        ({"trainable": False}, [(N, 10, 32), (N, 7, 24)]),
    ]:
        yield case("MultiHeadAttention", {"num_heads": 2, "key_dim": 4, **kwargs}, shapes, positional=True)
    for kwargs in [{"num_heads": 0, "key_dim": 4}, {"num_heads": 2, "key_dim": 0}, {"num_heads": 2.0, "key_dim": 4},
                   {"num_heads": 2, "key_dim": 4, "value_dim": -1}, {"num_heads": True, "key_dim": 4}]:
        yield case("MultiHeadAttention", kwargs, [(N, 10, 32), (N, 7, 24)], positional=True)
    yield case("MultiHeadAttention", {}, [(N, 10, 32), (N, 7, 24)], args=[3, 6], positional=True)
    for head_dim, q_heads, kv_heads, use_bias, shapes in itertools.product(
        [4, 8], [4, 6], [2, 1], [True, False],
        [[(N, 10, 16), (N, 7, 16)], [(N, 10, 16), (N, 7, 16), (N, 7, 12)]],
    ):
        yield case("GroupedQueryAttention", {"head_dim": head_dim, "num_query_heads": q_heads,
                                             "num_key_value_heads": kv_heads, "use_bias": use_bias}, shapes,
                   positional=True)
    for kwargs, shapes in [
        ({"use_gate": True}, [(N, 10, 16), (N, 7, 16)]),
        ({"num_key_value_heads": 3}, [(N, 10, 16), (N, 7, 16)]),
        ({}, [(N, 10, 16), (N, 7, 12)]),
        ({}, [(N, 10, 16), (N, 7, 16), (N, 6, 16)]),
        ({}, [(N, 10, N), (N, 7, 16)]),
        ({}, [(N, 10, 16), (N, 7, N)]),
        ({}, [(N, 3, 10, 16), (N, 3, 7, 16)]),
        ({"sliding_window": -1}, [(N, 10, 16), (N, 7, 16)]),
        ({"trainable": False}, [(N, 10, 16), (N, 7, 16)]),
    ]:
        yield case("GroupedQueryAttention", {"head_dim": 4, "num_query_heads": 4, "num_key_value_heads": 2,
                                             **kwargs}, shapes, positional=True)
    for name, use_scale, shapes in itertools.product(
        ["Attention", "AdditiveAttention"], [False, True],
        [[(N, 10, 8), (N, 7, 8)], [(N, 10, 8), (N, 7, 6), (N, 7, 8)], [(N, 8), (N, 8)], [(N, 10, 8), (N, 7, 8)],
         [(3, 10, 8), (3, N, 5)], [(N, 10, N), (N, 7, 8)], [(N, 2, 10, 8), (N, 2, 7, 8)]],
    ):
        yield case(name, {"use_scale": use_scale}, shapes, list_input=True)
    for score_mode in ["dot", "concat", "other"]:
        yield case("Attention", {"score_mode": score_mode}, [(N, 10, 8), (N, 7, 8)], list_input=True)
    for name in ["Attention", "AdditiveAttention"]:
        yield case(name, {}, [(N, 10, 8)], list_input=True)
        yield case(name, {}, [(N, 10, 8)])
        yield case(name, {}, [(N, 10, 8)] * 4, list_input=True)
        yield case(name, {"dropout": 0.2}, [(N, 10, 8), (N, 7, 8)], list_input=True)
        yield case(name, {"trainable": False, "use_scale": True}, [(N, 10, 8), (N, 7, 8)], list_input=True)


def einsum_cases() -> Iterator[dict]:
    for equation, output_shape, bias_axes, shape in [
        ("ab,bc->ac", 64, None, (N, 32)), ("ab,bc->ac", 64, "c", (N, 32)), ("ab,bc->ac", (64,), "c", (3, 32)),
        ("abc,cd->abd", (N, 64), "d", (N, 10, 32)), ("abc,cd->abd", (10, 64), "d", (N, 10, 32)),
        ("abc,cd->abd", (11, 64), "d", (N, 10, 32)), ("abc,cde->abde", (N, 4, 8), "de", (N, 10, 32)),
        ("abc,cde->abde", (N, 4, 8), "e", (N, 10, 32)), ("abc,cde->abde", (N, 4, 8), "d", (N, 10, 32)),
        ("abc,cde->abde", (N, 4, 8), None, (N, N, 32)), ("abcd,cde->abe", (N, 8), "e", (N, 10, 4, 6)),
        ("abcd,cde->abe", (N, 8), "e", (N, 10, 4, N)), ("...b,bc->...c", 16, "c", (N, 3, 4, 5)),
        ("...b,bc->...c", 16, None, (N, 5)), ("...ab,bc->...ac", (7, 16), "c", (N, 3, 7, 5)),
        ("ab...,bc->ac...", (16,), "c", (N, 5, 3, 2)), ("ab...,bc->ac...", (16, 3, 2), "c", (N, 5, 3, 2)),
        ("abc,cd->abd", (N, 64), "x", (N, 10, 32)), ("abc,cd->abe", (N, 64), None, (N, 10, 32)),
        ("abc,cx->abd", (N, 64), None, (N, 10, 32)), ("abc->abd", (N, 64), None, (N, 10, 32)),
        ("abc,cd->abd", (N, 64), "d", (N, 32)), ("abc,cd->abd", (N, 64), "d", (N, 3, 4, 32)),
        ("ab,bc->ac", 8, "c", (N, N)), ("abc,cd->abd", 64, "d", (N, 10, 32)),
        ("bqm,muh->bquh", (N, 4, 8), "uh", (N, 7, 16)), ("bquh,uhm->bqm", (N, 16), "m", (N, 7, 4, 8)),
    ]:
        yield case("EinsumDense", {"equation": equation, "output_shape": output_shape, "bias_axes": bias_axes},
                   [shape])
    yield case("EinsumDense", {"equation": "ab,bc->ac", "output_shape": 8, "lora_rank": 2}, [(N, 5)])
    yield case("EinsumDense", {"equation": "abc,cde->abde", "output_shape": (N, 4, 8), "lora_rank": 3,
                               "bias_axes": "de"}, [(N, 6, 5)])
    yield case("EinsumDense", {"equation": "ab,bc->ac", "output_shape": 8, "activation": "relu"}, [(N, 5)])
    yield case("EinsumDense", {"equation": "ab,bc->ac", "output_shape": 8, "activation": "nope"}, [(N, 5)])
    yield case("EinsumDense", {"equation": "ab,bc->ac", "output_shape": None}, [(N, 5)])
    yield case("EinsumDense", {"equation": "ab,bc->ac", "output_shape": 8, "trainable": False}, [(N, 5)])
    yield case("EinsumDense", {}, [(N, 5)], args=["ab,bc->ac", 8, None, "c"])
    yield case("EinsumDense", {"equation": "abc,cd->abd", "output_shape": [N, 4], "bias_axes": "d"}, [(N, 3, 5)],
               lists=True)


def lambda_cases() -> Iterator[dict]:
    for output_shape, shape in [((4,), (N, 4)), ((3, 2), (N, 6)), ((N, 5), (2, 7, 5)), ((), (N, 3))]:
        yield case("Lambda", {"function": IDENTITY, "output_shape": output_shape}, [shape])
    yield case("Lambda", {}, [(N, 4)], args=[IDENTITY, (4,)])
    yield case("Lambda", {"function": 3}, [(N, 4)])


def preprocessing_cases() -> Iterator[dict]:
    required = {
        "Rescaling": {"scale": 1 / 255}, "RandomBrightness": {"factor": 0.2}, "RandomContrast": {"factor": 0.2},
        "RandomHue": {"factor": 0.2}, "RandomPosterization": {"factor": (1, 4)}, "RandomRotation": {"factor": 0.1},
        "RandomSaturation": {"factor": 0.3}, "RandomSharpness": {"factor": 0.3},
        "RandomTranslation": {"height_factor": 0.1, "width_factor": 0.2}, "RandomZoom": {"height_factor": 0.2},
    }
    same = ["Rescaling", "AugMix", "AutoContrast", "ContrastLimitedAdaptiveHistogramEqualization", "CutMix",
            "Equalization", "MixUp", "RandAugment", "RandomBrightness", "RandomColorJitter", "RandomContrast",
            "RandomElasticTransform", "RandomErasing", "RandomFlip", "RandomGaussianBlur", "RandomGrayscale",
            "RandomHue", "RandomInvert", "RandomPerspective", "RandomPosterization", "RandomRotation",
            "RandomSaturation", "RandomSharpness", "RandomShear", "RandomTranslation", "RandomZoom", "Solarization"]
    for name, shape in itertools.product(same, [(N, 32, 32, 3), (4, N, N, 3), (N, 16, 24, 3)]):
        yield case(name, required.get(name, {}), [shape])
    for shape in [(N, 8), (N, 5, 8), (N, 3, 32, 32)]:
        yield case("Rescaling", {"scale": 2.0, "offset": -1.0}, [shape])
    yield case("RandomFlip", {"mode": "horizontal"}, [(N, 3, 32, 32)])
    yield case("RandomFlip", {"mode": "vertical", "data_format": "channels_first"}, [(N, 3, 32, 32)])
    yield case("RandomRotation", {"factor": 0.2, "fill_mode": "nearest"}, [(N, 10, 10, 1)])
    yield case("RandomZoom", {"height_factor": (-0.2, 0.1), "width_factor": 0.3}, [(N, 10, 10, 1)])
    for shape in [(N, 32, 32, 3), (2, 8, 8, 3), (N, 32, 32, 1), (N, 3, 32, 32), (N, 32, 3), (N, N, N, 3)]:
        yield case("RandomColorDegeneration", {"factor": 0.5}, [shape])
    yield case("RandomColorDegeneration", {"factor": 0.5, "data_format": "channels_first"}, [(N, 3, 8, 8)])
    for name, (height, width), data_format, shape in itertools.product(
        ["Resizing", "CenterCrop", "RandomCrop"], [(16, 24), (8, 8)], ["channels_last", "channels_first"],
        [(N, 32, 32, 3), (N, N, N, 3), (32, 32, 3), (N, 3, 32, 32, 2), (N, 32)],
    ):
        yield case(name, {"height": height, "width": width, "data_format": data_format}, [shape])
    yield case("Resizing", {"height": 10, "width": 10, "crop_to_aspect_ratio": True}, [(N, 20, 30, 3)])
    yield case("Resizing", {"height": 10, "width": 10, "pad_to_aspect_ratio": True}, [(N, 20, 30, 3)])
    yield case("Resizing", {"height": 10, "width": 10, "interpolation": "nearest"}, [(N, 20, 30, 3)])
    yield case("Resizing", {}, [(N, 20, 30, 3)], args=[12, 14])
    yield case("CenterCrop", {"height": 40, "width": 40}, [(N, 20, 30, 3)])
    yield case("RandomCrop", {"height": 40, "width": 40}, [(N, 20, 30, 3)])
    for num_tokens, output_mode, shape in itertools.product(
        [5, 10], ["one_hot", "multi_hot", "count", "binary"], [(N, 1), (N, 3), (N,), (4, 2, 1), (N, N)]
    ):
        yield case("CategoryEncoding", {"num_tokens": num_tokens, "output_mode": output_mode}, [shape])
    for kwargs in [{"num_tokens": None}, {"num_tokens": 0}, {"num_tokens": 4, "output_mode": "int"}]:
        yield case("CategoryEncoding", kwargs, [(N, 3)])
    for kwargs, shape in itertools.product(
        [{"bin_boundaries": (0.0, 1.0, 2.0)}, {"num_bins": 4}, {"bin_boundaries": (0.0,), "output_mode": "one_hot"},
         {"bin_boundaries": (0.0, 1.0), "output_mode": "multi_hot"}, {"num_bins": 3, "output_mode": "count"}],
        [(N, 1), (N, 4), (N, 3, 4), (N,)],
    ):
        yield case("Discretization", kwargs, [shape])
    for kwargs in [{}, {"num_bins": 3, "bin_boundaries": (0.0,)}, {"num_bins": -1},
                   {"num_bins": 3, "output_mode": "tf_idf"}, {"num_bins": 3, "sparse": True}]:
        yield case("Discretization", kwargs, [(N, 3)])
    for axis, shape in [(-1, (N, 8)), (-1, (N, 5, 8)), (1, (N, 5, 8)), ((1, 2), (N, 5, 8)), (None, (N, 5, 8)),
                        ((-1, 1), (N, 5, 6, 8)), (-1, (N, N)), (1, (N, N, 8)), (3, (N, 5, 8)), (-3, (N, 5, 8)),
                        ((), (N, 4)), (0, (3, 4))]:
        yield case("Normalization", {"axis": axis}, [shape])
    yield case("Normalization", {"mean": 0.5, "variance": 2.0}, [(N, 8)])
    yield case("Normalization", {"mean": (1.0, 2.0, 3.0), "variance": (1.0, 1.0, 1.0)}, [(N, 3)])
    yield case("Normalization", {"mean": 0.5}, [(N, 8)])
    yield case("Normalization", {"invert": True}, [(N, 8)])
    yield case("Normalization", {"trainable": False}, [(N, 8)])
    yield from pipeline_cases()


def pipeline_cases() -> Iterator[dict]:
    """Pipeline (a chain of layers given as arguments) and MaxNumBoundingBoxes (recorded with preprocessing)."""
    for layers, shape in [
        ([sub("RandomFlip"), sub("RandomRotation", factor=0.2)], (N, 32, 32, 3)),
        ([sub("Rescaling", scale=1 / 255), sub("Resizing", height=16, width=16), sub("CenterCrop", height=8,
                                                                                     width=8)], (N, 32, 40, 3)),
        ([sub("Dense", units=8), sub("Dense", units=4)], (N, 16)),
        ([sub("Dense", units=8, trainable=False), sub("Dense", units=4)], (N, 16)),
        ([sub("Dense", units=8), sub("Dense", units=4, use_bias=False)], (3, 5, 16)),
        ([sub("Conv2D", filters=4, kernel_size=3), sub("MaxPooling2D"), sub("Flatten"), sub("Dense", units=3)],
         (N, 12, 12, 2)),
        ([sub("BatchNormalization"), sub("Dense", units=2)], (N, 6)),
        ([sub("Embedding", input_dim=10, output_dim=4), sub("LSTM", units=3)], (N, 7)),
        ([sub("LSTM", units=3, return_state=True)], (N, 7, 2)),
        ([sub("Dropout", rate=0.5)], (N, N)),
        ([sub("Normalization", axis=-1), sub("Discretization", bin_boundaries=(0.0, 1.0), output_mode="one_hot")],
         (N, 5, 1)),
        ([sub("Pipeline", layers=[sub("Dense", units=4)]), sub("Dense", units=2)], (N, 3)),
        ([{"layer": "TimeDistributed", "kwargs": {"layer": sub("Dense", units=5)}}, sub("GlobalAveragePooling1D")], (N, 4, 3)),
        ([sub("Reshape", target_shape=(2, 4)), sub("Permute", dims=(2, 1))], (N, 8)),
        ([sub("STFTSpectrogram", frame_length=64), sub("Dense", units=2)], (N, 1000, 1)),
        ([sub("Dense", units=4)], (N, N)),  # the Dense's undefined input dim
        ([sub("Conv2D", filters=4, kernel_size=3)], (N, 8)),  # the Conv2D's rank
        ([sub("Dense", units=4), sub("Conv1D", filters=2, kernel_size=3)], (N, 8)),
        ([sub("Conv1D", filters=2, kernel_size=5)], (N, 3, 2)),  # output <= 0
        ([], (N, 8)),
    ]:
        yield case("Pipeline", {"layers": layers}, [shape])
    yield case("Pipeline", {"layers": [sub("Concatenate"), sub("Dense", units=2)]}, [(N, 3), (N, 4)],
               list_input=True)
    yield case("Pipeline", {"layers": [sub("Dense", units=3)], "name": "pipe"}, [(N, 4)])
    yield case("Pipeline", {}, [(N, 4)], args=[[sub("Dense", units=3), sub("ReLU")]])
    yield case("Pipeline", {"layers": [sub("Dense", units=3)]}, [(N, 4)], lists=True)
    yield case("Pipeline", {"layers": None}, [(N, 4)])
    yield case("Pipeline", {"layers": [sub("Dense", units=3)], "trainable": False}, [(N, 4)])
    for kwargs, shape in [
        ({"max_number": 10}, (N, 224, 224, 3)), ({"max_number": 10}, (N, 8)), ({"max_number": 5}, (3, 5, 4)),
        ({"max_number": 10, "fill_value": 0}, (N, N, N, 3)), ({"max_number": "3"}, (N, 8, 8, 3)),
        ({"max_number": 2.5}, (N, 8, 8, 3)), ({"max_number": None}, (N, 8, 8, 3)),
        ({"max_number": "x"}, (N, 8, 8, 3)), ({"max_number": 4, "fill_value": "a"}, (N, 8, 8, 3)),
        ({"max_number": 4, "data_format": "channels_middle"}, (N, 8, 8, 3)),
        ({"max_number": 4, "data_format": "channels_first", "trainable": False}, (N, 3, 8, 8)),
        ({"max_number": 4, "bounding_box_format": "xyxy"}, (N, 8, 8, 3)),
    ]:
        yield case("MaxNumBoundingBoxes", kwargs, [shape])


def audio_cases() -> Iterator[dict]:
    for mode, padding, frame_step, fft_length, data_format, expand_dims, shape in [
        ("log", "valid", None, None, "channels_last", False, (N, 1000, 1)),
        ("log", "same", 64, None, "channels_last", False, (N, 1000, 2)),
        ("magnitude", "valid", 100, 256, "channels_last", False, (3, 999, 2)),
        ("psd", "same", None, 300, "channels_last", True, (N, 1000, 3)),
        ("real", "valid", 128, None, "channels_first", False, (N, 2, 1000)),
        ("imag", "same", 50, None, "channels_first", True, (N, 2, 1000)),
        ("angle", "valid", None, None, "channels_last", True, (N, N, 2)),
        ("stft", "valid", None, None, "channels_last", False, (N, 1000, 2)),
        ("stft", "same", None, None, "channels_first", True, (N, 1, N)),
        ("stft", "valid", 200, 512, "channels_first", False, (N, 3, 2000)),
    ]:
        yield case("STFTSpectrogram", {"mode": mode, "frame_length": 200, "frame_step": frame_step,
                                       "fft_length": fft_length, "padding": padding, "data_format": data_format,
                                       "expand_dims": expand_dims}, [shape])
    yield case("STFTSpectrogram", {}, [(N, 16000, 1)])
    yield case("STFTSpectrogram", {"frame_length": 255, "frame_step": 255, "window": "hamming"}, [(N, 255, 1)])
    yield case("STFTSpectrogram", {"frame_length": 256}, [(N, 100, 1)])  # output <= 0
    yield case("STFTSpectrogram", {"frame_length": 256, "padding": "same"}, [(N, 100, 1)])
    yield case("STFTSpectrogram", {"frame_length": 64}, [(N, 1000, N)])  # undefined channels
    yield case("STFTSpectrogram", {"frame_length": 64}, [(N, 1000)])  # rank
    yield case("STFTSpectrogram", {"frame_length": 64, "frame_step": 65}, [(N, 1000, 1)])
    yield case("STFTSpectrogram", {"frame_length": 64, "frame_step": 0}, [(N, 1000, 1)])
    yield case("STFTSpectrogram", {"frame_length": 64, "fft_length": 32}, [(N, 1000, 1)])
    yield case("STFTSpectrogram", {"frame_length": 64, "fft_length": 100}, [(N, 1000, 1)])
    yield case("STFTSpectrogram", {"mode": "power"}, [(N, 1000, 1)])
    yield case("STFTSpectrogram", {"scaling": "none"}, [(N, 1000, 1)])
    yield case("STFTSpectrogram", {"scaling": None, "window": None}, [(N, 1000, 1)])
    yield case("STFTSpectrogram", {"padding": "causal"}, [(N, 1000, 1)])
    yield case("STFTSpectrogram", {"window": "hanning"}, [(N, 1000, 1)])
    yield case("STFTSpectrogram", {"window": "kaiser"}, [(N, 1000, 1)])
    yield case("STFTSpectrogram", {"window": "blackman", "periodic": True}, [(N, 1000, 1)])
    yield case("STFTSpectrogram", {"frame_length": 4, "window": (0.5, 1.0, 1.0, 0.5)}, [(N, 100, 1)])
    yield case("STFTSpectrogram", {"frame_length": 4, "window": (0.5, 1.0, 0.5)}, [(N, 100, 1)])
    yield case("STFTSpectrogram", {"frame_length": 1}, [(N, 100, 1)])  # default step 0
    yield case("STFTSpectrogram", {"frame_length": 0}, [(N, 100, 1)])
    yield case("STFTSpectrogram", {"frame_length": 64, "trainable": False}, [(N, 1000, 1)])
    yield case("STFTSpectrogram", {"frame_length": 64, "data_format": "channels_middle"}, [(N, 1000, 1)])
    yield case("STFTSpectrogram", {}, [(N, 1000, 1)], args=["log", 128, 32, 128, "hann", False, "spectrum", "same"])
    for kwargs, shape in [
        ({}, (N, 16000)), ({}, (N, N)), ({}, (16000,)), ({}, (4, 22050)),
        ({"fft_length": 512, "sequence_stride": 128, "num_mel_bins": 40}, (N, 16000)),
        ({"fft_length": 400, "sequence_length": 400, "sequence_stride": 160, "num_mel_bins": 80}, (N, 48000)),
        ({"fft_length": 1024, "sequence_stride": 256, "sampling_rate": 22050, "max_freq": 8000}, (N, 1)),
        ({"sequence_stride": 1}, (N, 10)), ({"num_mel_bins": 64}, (N, 100, 2)), ({}, (N, 0)),
        ({"fft_length": 256, "sequence_length": 512}, (N, 16000)),
        ({"fft_length": 256, "sequence_length": 256, "power_to_db": False, "mag_exp": 1.0}, (N, 16000)),
        ({"sequence_stride": 0}, (N, 100)), ({"sequence_stride": 0}, (N, N)), ({}, ()),
        ({"num_mel_bins": -1}, (N, 100)), ({"num_mel_bins": None}, (N, 100)),
        ({"window": "hamming", "min_freq": 0.0, "top_db": None}, (N, 100)),
        ({"fft_length": None}, (N, 100)), ({"sampling_rate": None}, (N, 100)),
        ({"sampling_rate": None, "max_freq": 4000}, (N, 100)), ({"trainable": False, "name": "mel"}, (N, 100)),
    ]:
        yield case("MelSpectrogram", kwargs, [shape])


def lookup_cases() -> Iterator[dict]:
    """StringLookup, IntegerLookup, TextVectorization, Hashing, HashedCrossing: Keras needs TensorFlow
    installed to construct them.  Symbolic calls only compute shapes, so float inputs stand in for
    strings and integers."""
    words = ("a", "b", "c", "d")
    for kwargs, shape in [
        ({"vocabulary": words}, (N, 3)), ({"vocabulary": words, "output_mode": "one_hot"}, (N, 1)),
        ({"vocabulary": words, "output_mode": "one_hot"}, (N, 3)), ({"vocabulary": words, "output_mode": "one_hot"}, (N,)),
        ({"vocabulary": words, "output_mode": "multi_hot"}, (N, 3)), ({"vocabulary": words, "output_mode": "count"}, (N, 2, 3)),
        ({"vocabulary": words, "output_mode": "binary"}, (N, 3)),
        ({"vocabulary": words, "output_mode": "tf_idf", "idf_weights": (0.1, 0.2, 0.3, 0.4)}, (N, 3)),
        ({"vocabulary": words, "output_mode": "tf_idf"}, (N, 3)),
        ({"vocabulary": words, "output_mode": "tf-idf", "idf_weights": (0.1, 0.2)}, (N, 3)),
        ({"vocabulary": words, "mask_token": "", "output_mode": "multi_hot"}, (N, 3)),
        ({"vocabulary": words, "mask_token": ""}, (N, 3)),
        ({"vocabulary": words, "num_oov_indices": 3, "output_mode": "count"}, (N, 3)),
        ({"vocabulary": words, "num_oov_indices": 0, "output_mode": "count"}, (N, 3)),
        ({"vocabulary": ("[UNK]", "a", "b"), "output_mode": "multi_hot"}, (N, 3)),
        ({"vocabulary": ("a", "b", "a"), "output_mode": "multi_hot"}, (N, 3)),
        ({"vocabulary": ("a", "", "b"), "mask_token": ""}, (N, 3)),
        ({"vocabulary": words, "max_tokens": 3}, (N, 3)),
        ({"vocabulary": words, "max_tokens": 10, "pad_to_max_tokens": True, "output_mode": "multi_hot"}, (N, 3)),
        ({"max_tokens": 10, "pad_to_max_tokens": True, "output_mode": "one_hot"}, (N, 1)),
        ({"output_mode": "multi_hot"}, (N, 3)), ({}, (N, 3)), ({"pad_to_max_tokens": True}, (N, 3)),
        ({"max_tokens": 1}, (N, 3)), ({"num_oov_indices": -1}, (N, 3)), ({"vocabulary": ()}, (N, 3)),
        ({"vocabulary": words, "invert": True}, (N, 3)), ({"invert": True, "output_mode": "count"}, (N, 3)),
        ({"output_mode": "tfidf"}, (N, 3)), ({"sparse": True, "output_mode": "multi_hot"}, (N, 3)),
        ({"vocabulary": words, "oov_method": "md5"}, (N, 3)), ({"vocabulary": words, "salt": 5}, (N, 3)),
        ({"vocabulary": words, "salt": "x"}, (N, 3)), ({"vocabulary": words, "trainable": False}, (N, 3)),
        ({"vocabulary": words, "output_mode": "multi_hot", "vocabulary_size": 9}, (N, 3)),
        ({"output_mode": "count", "vocabulary_size": 9}, (N, 3)),
    ]:
        yield case("StringLookup", kwargs, [shape])
    numbers = (12, 36, 1138, 42)
    for kwargs, shape in [
        ({"vocabulary": numbers}, (N, 3)), ({"vocabulary": numbers, "output_mode": "one_hot"}, (N, 1)),
        ({"vocabulary": numbers, "output_mode": "multi_hot"}, (N, 4)),
        ({"vocabulary": numbers, "mask_token": 0, "output_mode": "count"}, (N, 4)),
        ({"vocabulary": numbers, "mask_token": 0}, (N, 4)),
        ({"vocabulary": (-1, 12, 36), "output_mode": "multi_hot"}, (N, 4)),
        ({"vocabulary": numbers, "num_oov_indices": 2, "output_mode": "one_hot"}, (N, 2, 1)),
        ({"max_tokens": 20, "pad_to_max_tokens": True, "output_mode": "multi_hot"}, (N, 4)),
        ({"max_tokens": 1}, (N, 3)), ({"num_oov_indices": -2}, (N, 3)), ({"vocabulary_dtype": "int32"}, (N, 3)),
        ({"vocabulary": numbers, "salt": 3}, (N, 3)), ({"vocabulary": numbers, "salt": 3, "oov_method": "farmhash"},
                                                      (N, 3)),
        ({"vocabulary": (1, 1), "output_mode": "count"}, (N, 3)), ({"output_mode": "count"}, (N, 3)),
    ]:
        yield case("IntegerLookup", kwargs, [shape])
    for kwargs, shape in [
        ({"output_sequence_length": 10}, (N,)), ({"output_sequence_length": 10}, (N, 1)), ({}, (N, 1)),
        ({"vocabulary": words, "output_sequence_length": 6}, (4, 1)),
        ({"vocabulary": words, "output_mode": "multi_hot"}, (N,)), ({"vocabulary": words, "output_mode": "count"}, (N, 1)),
        ({"vocabulary": words, "output_mode": "one_hot", "split": None}, (N,)),
        ({"vocabulary": words, "output_mode": "one_hot", "split": None}, (N, 1)),
        ({"vocabulary": words, "output_mode": "multi_hot", "split": None}, (N, 2)),
        ({"vocabulary": words, "output_mode": "one_hot"}, (N,)),
        ({"vocabulary": words, "output_mode": "tf_idf", "idf_weights": (1.0, 1.0, 1.0, 1.0)}, (N,)),
        ({"max_tokens": 100, "pad_to_max_tokens": True, "output_mode": "multi_hot", "ngrams": 2}, (N,)),
        ({"output_mode": "count"}, (N,)), ({"output_mode": "multi_hot", "output_sequence_length": 5}, (N,)),
        ({"output_sequence_length": 2.5}, (N,)), ({"ngrams": "2"}, (N,)), ({"ngrams": (1, 2)}, (N,)),
        ({"standardize": "upper"}, (N,)), ({"split": "comma"}, (N,)), ({"ragged": True}, (N,)),
        ({"vocabulary": words, "max_tokens": 4}, (N,)), ({"output_mode": "tfidf"}, (N,)),
    ]:
        yield case("TextVectorization", kwargs, [shape])
    for kwargs, shape in [
        ({"num_bins": 3}, (N, 4)), ({"num_bins": 3, "output_mode": "one_hot"}, (N, 1)),
        ({"num_bins": 3, "output_mode": "one_hot"}, (N, 4)), ({"num_bins": 3, "output_mode": "multi_hot"}, (N, 4)),
        ({"num_bins": 3, "output_mode": "count"}, (N, 2, 4)), ({"num_bins": 3, "output_mode": "count"}, (N,)),
        ({"num_bins": 3, "salt": 133}, (N, 4)), ({"num_bins": 3, "salt": (1, 2), "mask_value": "x"}, (N, 4)),
        ({"num_bins": 3, "salt": "s"}, (N, 4)), ({"num_bins": 0}, (N, 4)), ({"num_bins": None}, (N, 4)),
        ({"num_bins": 3, "output_mode": "tf_idf"}, (N, 4)), ({"num_bins": 3, "sparse": True}, (N, 4)),
        ({"num_bins": 3, "dtype": "float32"}, (N, 4)), ({"num_bins": 3, "dtype": "int32"}, (N, 4)),
        ({"num_bins": 3, "output_mode": "multi_hot", "dtype": "float64"}, (N, 4)),
    ]:
        yield case("Hashing", kwargs, [shape])
    for kwargs, shapes in [
        ({"num_bins": 5}, [(N, 1), (N, 1)]), ({"num_bins": 5}, [(N, 3), (N, 3)]),
        ({"num_bins": 5, "output_mode": "one_hot"}, [(N, 1), (N, 1)]),
        ({"num_bins": 5, "output_mode": "one_hot"}, [(N, 3), (N, 3)]),
        ({"num_bins": 5}, [(N, 3), (N, 2)]), ({"num_bins": 5}, [(N, 3), (N, 3), (N, 3)]),
        ({"num_bins": 5, "output_mode": "multi_hot"}, [(N, 1), (N, 1)]),
        ({"num_bins": 5, "sparse": True, "output_mode": "one_hot"}, [(N, 1), (N, 1)]),
        ({"num_bins": 5}, [(N, N), (N, 2)]),
    ]:
        yield case("HashedCrossing", kwargs, shapes, list_input=True)
    yield case("HashedCrossing", {"num_bins": 5}, [(N, 2)])


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
    "attention": attention_cases,
    "audio": audio_cases,
    "preprocessing": preprocessing_cases,
    "lookup": lookup_cases,
}

# Modules whose layers Keras constructs only with TensorFlow installed (any backend).
NEEDS_TENSORFLOW = {"lookup"}

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


def layer_class(name: str) -> Any:
    """``keras.layers.<name>``, or the public class whose ``__name__`` is ``name``
    (``GroupedQueryAttention`` is public as ``GroupQueryAttention``)."""
    import keras

    if hasattr(keras.layers, name):
        return getattr(keras.layers, name)
    for value in vars(keras.layers).values():
        if getattr(value, "__name__", None) == name:
            return value
    raise AttributeError(f"module 'keras.layers' has no attribute '{name}'")


def run_case(spec: dict, stateless: bool = False) -> dict:
    """What Keras does with the case; ``stateless``: with the layer's variables never
    initialised (a ``StatelessScope`` entered and never left), which is much faster and, for
    most layers, the same (``record_module`` decides)."""
    import keras
    import numpy as np

    from keras.src.backend.common.stateless_scope import StatelessScope

    keras.backend.clear_session(free_memory=False)  # deterministic names in messages (gc.collect is slow)
    if stateless:
        StatelessScope().__enter__()  # (clear_session leaves it)
    lists = spec["lists"]

    def make(value: Any) -> Any:
        if isinstance(value, dict) and set(value) == {"layer", "kwargs"}:
            kwargs = {k: make(v) for k, v in value["kwargs"].items()}
            return layer_class(value["layer"])(**kwargs)
        if value == IDENTITY:
            return lambda x: x
        if isinstance(value, list) and any(isinstance(v, dict) and set(v) == {"layer", "kwargs"} for v in value):
            items = [make(v) for v in value]  # a list of layers (RNN / StackedRNNCells cells)
            return items if lists else tuple(items)
        return from_json(value, lists)

    result = dict(spec)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            cls = layer_class(spec["layer"])
            layer = cls(*[make(a) for a in spec["args"]], **{k: make(v) for k, v in spec["kwargs"].items()})
        except Exception as err:  # noqa: BLE001  (the oracle records whatever Keras raises)
            result.update(error=clean_message(str(err)), error_type=type(err).__name__, error_stage="init")
            return result
        inputs = [keras.Input(batch_shape=tuple(s)) for s in spec["input_shapes"]]
        try:
            if spec.get("positional"):
                out = layer(*inputs)
            else:
                out = layer(inputs if spec["list_input"] else inputs[0])
        except Exception as err:  # noqa: BLE001
            result.update(error=clean_message(str(err)), error_type=type(err).__name__, error_stage="call")
            return result
    if isinstance(out, (list, tuple)):
        # Nested outputs (a stacked cell's states) are listed flat, as kerascheck gives them.
        result["output_shape"] = [list(t.shape) for t in keras.tree.flatten(out)]
    else:
        result["output_shape"] = list(out.shape)
    result["trainable_params"] = int(sum(np.prod(w.shape, dtype=int) for w in layer.trainable_weights))
    result["non_trainable_params"] = int(sum(np.prod(w.shape, dtype=int) for w in layer.non_trainable_weights))
    return result


def record_module(module: str, stored: dict[str, dict] | None = None) -> str:
    """The module's cases as Keras records them. With ``stored`` (checking the recorded truth,
    by case id), each case first runs without initialising its variables (the initializers' XLA
    programs are most of the time); only a case whose result then differs from the stored one
    runs again as Keras runs it, and that run decides (a stateful RNN creates variables in
    ``call``, which a stateless scope refuses)."""
    import keras

    cases = []
    for index, spec in enumerate(MODULES[module]()):
        spec = to_json(spec)
        spec = {"id": f"{module}-{index:03d}-{spec['layer']}", **spec}
        result = run_case(spec, stateless=True) if stored is not None else None
        if result is None or json.loads(json.dumps(result, sort_keys=True)) != stored.get(spec["id"]):
            result = run_case(spec)
        cases.append(result)
    lines = [json.dumps(c, sort_keys=True) for c in cases]
    return (
        "{\n"
        f'"keras_version": {json.dumps(keras.__version__)},\n'
        f'"module": {json.dumps(module)},\n'
        '"cases": [\n' + ",\n".join(lines) + "\n]\n}\n"
    )


def main(argv: list[str]) -> int:
    if os.environ.get("PYTHONHASHSEED") != "0" or "xla_backend_optimization_level" not in os.environ.get(
        "XLA_FLAGS", ""
    ):
        # Some Keras messages print sets of strings: fix their order.  Weight initializers
        # compile small XLA programs: unoptimized compilation is about twice as fast.
        os.environ["PYTHONHASHSEED"] = "0"
        os.environ["XLA_FLAGS"] = (os.environ.get("XLA_FLAGS", "") + " --xla_backend_optimization_level=0").strip()
        os.execv(sys.executable, [sys.executable, __file__, *argv])
    check = "--check" in argv
    only = [a for a in argv if not a.startswith("--")]
    status = 0
    FIXTURES.mkdir(parents=True, exist_ok=True)
    for module in MODULES:
        if only and module not in only:
            continue
        if module in NEEDS_TENSORFLOW and importlib.util.find_spec("tensorflow") is None:
            # Keras raises ImportError for these layers: never record that as their truth.
            if os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no"):
                print(f"{module}: TensorFlow is required to check these cases, and CI must check them "
                      "(the oracle extra installs it)", file=sys.stderr)
                status = 1
                continue
            print(f"{module}: not recorded nor checked, TensorFlow is not installed "
                  "(pip install tensorflow-cpu)", file=sys.stderr)
            continue
        path = FIXTURES / f"{module}.json"
        stored = {case["id"]: case for case in json.loads(path.read_text())["cases"]} if check and path.exists() else None
        text = record_module(module, stored)
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
