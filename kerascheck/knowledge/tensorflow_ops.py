"""TensorFlow functions a layer's ``call()`` applies to its inputs, as the ``keras.ops`` function
that computes the same shape.

A ``call()`` that uses ``tf.shape``, ``tf.reduce_sum`` or ``tf.random.uniform`` runs only on the
TensorFlow backend, which traces it with TensorFlow tensors (Keras's ``compute_output_spec``):
each function below gives the shape and dtype its ``keras.ops`` namesake gives, once its
arguments are renamed (``input_tensor`` → ``x``) and TensorFlow's own defaults are spelled out
where they differ (``tf.argmax`` reduces axis 0 where ``ops.argmax`` flattens). Recorded from
Keras 3.15.1 on the TensorFlow backend, each case beside the others:
``tests/oracle/tf_op_cases.py`` → ``fixtures/tensorflow/ops.json``, held to by
``tests/test_tf_ops.py``.

Outside a traced call TensorFlow functions do not take Keras's symbolic tensors (Keras 3 raises),
so the front-end translates them only while it traces a ``call()``.
"""

from __future__ import annotations

from typing import Any, NamedTuple


class TFFunction(NamedTuple):
    keras: str  # the keras.ops (or keras.random) function computing the same shape
    params: tuple[str, ...]  # TensorFlow's parameters (_TF_SIGNATURES), in order, as keras's names
    defaults: tuple[tuple[str, Any], ...] = ()  # TensorFlow's defaults that keras's differ from
    # TensorFlow parameters that change the result in a way the keras function does not model:
    # the call is translated only when each is absent or has this (TensorFlow's default) value.
    unless: tuple[tuple[str, Any], ...] = ()


# keras's parameter for each of TensorFlow's, in TensorFlow's order ("": one keras has not, dropped:
# ``name=``, ``out_type=``, a seed).
_REDUCE = ("x", "axis", "keepdims", "")
_UNARY = ("x", "")
_BINARY = ("x1", "x2", "")

FUNCTIONS: dict[str, TFFunction] = {
    "shape": TFFunction("keras.ops.shape", ("x", "", "")),
    "reduce_sum": TFFunction("keras.ops.sum", _REDUCE),
    "reduce_mean": TFFunction("keras.ops.mean", _REDUCE),
    "reduce_max": TFFunction("keras.ops.max", _REDUCE),
    "reduce_min": TFFunction("keras.ops.min", _REDUCE),
    "reduce_prod": TFFunction("keras.ops.prod", _REDUCE),
    "reduce_any": TFFunction("keras.ops.any", _REDUCE),
    "reduce_all": TFFunction("keras.ops.all", _REDUCE),
    "reduce_logsumexp": TFFunction("keras.ops.logsumexp", _REDUCE),
    "concat": TFFunction("keras.ops.concatenate", ("xs", "axis", "")),
    "stack": TFFunction("keras.ops.stack", ("x", "axis", "")),
    "reshape": TFFunction("keras.ops.reshape", ("x", "newshape", "")),
    "expand_dims": TFFunction("keras.ops.expand_dims", ("x", "axis", "")),
    "squeeze": TFFunction("keras.ops.squeeze", ("x", "axis", "")),
    "transpose": TFFunction("keras.ops.transpose", ("x", "axes", "", ""), unless=(("conjugate", False),)),
    "cast": TFFunction("keras.ops.cast", ("x", "dtype", "")),
    "tile": TFFunction("keras.ops.tile", ("x", "repeats", "")),
    "matmul": TFFunction(
        "keras.ops.matmul", ("x1", "x2", "", "", "", "", "", "", "", "", "", ""),
        unless=(("transpose_a", False), ("transpose_b", False), ("adjoint_a", False), ("adjoint_b", False)),
    ),
    "einsum": TFFunction("keras.ops.einsum", ()),
    "where": TFFunction("keras.ops.where", ("condition", "x1", "x2", "")),
    "one_hot": TFFunction("keras.ops.one_hot", ("x", "num_classes", "", "", "", "", ""),
                          unless=(("on_value", None), ("off_value", None), ("axis", None), ("dtype", None))),
    "gather": TFFunction("keras.ops.take", ("x", "indices", "", "axis", "", ""), defaults=(("axis", 0),),
                         unless=(("batch_dims", 0),)),
    "argmax": TFFunction("keras.ops.argmax", ("x", "axis", "", ""), defaults=(("axis", 0),),
                         unless=(("output_type", None),)),
    "argmin": TFFunction("keras.ops.argmin", ("x", "axis", "", ""), defaults=(("axis", 0),),
                         unless=(("output_type", None),)),
    "clip_by_value": TFFunction("keras.ops.clip", ("x", "x_min", "x_max", "")),
    "zeros": TFFunction("keras.ops.zeros", ("shape", "", "", ""), unless=(("dtype", None),)),
    "ones": TFFunction("keras.ops.ones", ("shape", "", "", ""), unless=(("dtype", None),)),
    "zeros_like": TFFunction("keras.ops.zeros_like", ("x", "", "", "")),
    "ones_like": TFFunction("keras.ops.ones_like", ("x", "", "", "")),
    "square": TFFunction("keras.ops.square", _UNARY),
    "sqrt": TFFunction("keras.ops.sqrt", _UNARY),
    "exp": TFFunction("keras.ops.exp", _UNARY),
    "abs": TFFunction("keras.ops.abs", _UNARY),
    "floor": TFFunction("keras.ops.floor", _UNARY),
    "sigmoid": TFFunction("keras.ops.sigmoid", _UNARY),
    "tanh": TFFunction("keras.ops.tanh", _UNARY),
    "add": TFFunction("keras.ops.add", _BINARY),
    "subtract": TFFunction("keras.ops.subtract", _BINARY),
    "multiply": TFFunction("keras.ops.multiply", _BINARY),
    "divide": TFFunction("keras.ops.divide", _BINARY),
    "maximum": TFFunction("keras.ops.maximum", _BINARY),
    "minimum": TFFunction("keras.ops.minimum", _BINARY),
    "pow": TFFunction("keras.ops.power", _BINARY),
    "math.log": TFFunction("keras.ops.log", _UNARY),
    "nn.relu": TFFunction("keras.ops.relu", ("x", "")),
    "nn.gelu": TFFunction("keras.ops.gelu", ("x", "", "")),
    "nn.silu": TFFunction("keras.ops.silu", ("x", "", "")),
    "nn.softmax": TFFunction("keras.ops.softmax", ("x", "axis", ""), defaults=(("axis", -1),)),
    "nn.sigmoid": TFFunction("keras.ops.sigmoid", _UNARY),
    "nn.tanh": TFFunction("keras.ops.tanh", _UNARY),
    "nn.leaky_relu": TFFunction("keras.ops.leaky_relu", ("x", "negative_slope", "")),
    "nn.relu6": TFFunction("keras.ops.relu6", _UNARY),
    "nn.elu": TFFunction("keras.ops.elu", _UNARY),
    "nn.selu": TFFunction("keras.ops.selu", _UNARY),
    "nn.softplus": TFFunction("keras.ops.softplus", _UNARY),
    "nn.log_softmax": TFFunction("keras.ops.log_softmax", ("x", "axis", ""), defaults=(("axis", -1),)),
    "identity": TFFunction("keras.ops.copy", _UNARY),
    "stop_gradient": TFFunction("keras.ops.stop_gradient", ("variable", "")),
    # A draw traces on the TensorFlow backend, seeded or not (the seed changes no shape): to
    # keras.random, a seeded one (which traces on every backend).
    "random.normal": TFFunction("keras.random.normal", ("shape", "mean", "stddev", "", "", ""),
                                defaults=(("seed", 0),), unless=(("dtype", None),)),
    "random.uniform": TFFunction("keras.random.uniform", ("shape", "minval", "maxval", "", "", ""),
                                 defaults=(("seed", 0),), unless=(("dtype", None),)),
}
# tf.math.<name> and tf.linalg.matmul are the same functions.
for _name in ("reduce_sum", "reduce_mean", "reduce_max", "reduce_min", "reduce_prod", "reduce_any", "reduce_all",
              "reduce_logsumexp", "square", "sqrt", "exp", "abs", "floor", "sigmoid", "tanh", "add", "subtract",
              "multiply", "divide", "maximum", "minimum", "pow", "argmax", "argmin"):
    FUNCTIONS[f"math.{_name}"] = FUNCTIONS[_name]
FUNCTIONS["linalg.matmul"] = FUNCTIONS["matmul"]
FUNCTIONS["nn.swish"] = FUNCTIONS["nn.silu"]

def as_keras(function: str, args: list[Any], kwargs: dict[str, Any]) -> tuple[str, list[Any], dict[str, Any]] | None:
    """``tf.<function>(*args, **kwargs)`` as ``(keras function, args, kwargs)``, or None when it is
    not one of the functions above or is called in a way their keras namesakes do not model."""
    known = FUNCTIONS.get(function)
    tf_names = _tf_parameter_names(function)
    if known is None or tf_names is None:
        return None
    if known.keras == "keras.ops.einsum":  # einsum(equation, *inputs): the same call
        return (known.keras, list(args), {}) if not kwargs else None
    if len(args) > len(tf_names):
        return None
    given = dict(zip(tf_names, args))
    for name, value in kwargs.items():
        if name not in tf_names or name in given:
            return None  # TypeError in TensorFlow, or a parameter these namesakes do not have
        given[name] = value
    for name, required in known.unless:
        if name in given and given.pop(name) != required:
            return None
    translated = dict(known.defaults)
    for tf_name, keras_name in zip(tf_names, known.params):
        if keras_name and tf_name in given:
            translated[keras_name] = given[tf_name]
    return known.keras, [], translated


# TensorFlow's parameter names, in order (TensorFlow 2.x's signatures).
_TF_SIGNATURES: dict[str, tuple[str, ...]] = {
    "shape": ("input", "out_type", "name"),
    "concat": ("values", "axis", "name"),
    "stack": ("values", "axis", "name"),
    "reshape": ("tensor", "shape", "name"),
    "expand_dims": ("input", "axis", "name"),
    "squeeze": ("input", "axis", "name"),
    "transpose": ("a", "perm", "conjugate", "name"),
    "cast": ("x", "dtype", "name"),
    "tile": ("input", "multiples", "name"),
    "matmul": ("a", "b", "transpose_a", "transpose_b", "adjoint_a", "adjoint_b", "a_is_sparse", "b_is_sparse",
               "output_type", "grad_a", "grad_b", "name"),
    "einsum": ("equation", "*inputs"),
    "where": ("condition", "x", "y", "name"),
    "one_hot": ("indices", "depth", "on_value", "off_value", "axis", "dtype", "name"),
    "gather": ("params", "indices", "validate_indices", "axis", "batch_dims", "name"),
    "argmax": ("input", "axis", "output_type", "name"),
    "argmin": ("input", "axis", "output_type", "name"),
    "clip_by_value": ("t", "clip_value_min", "clip_value_max", "name"),
    "zeros": ("shape", "dtype", "name", "layout"),
    "ones": ("shape", "dtype", "name", "layout"),
    "zeros_like": ("input", "dtype", "name", "layout"),
    "ones_like": ("input", "dtype", "name", "layout"),
    "math.log": ("x", "name"),
    "nn.relu": ("features", "name"),
    "nn.gelu": ("features", "approximate", "name"),
    "nn.silu": ("features", "beta", "name"),
    "nn.softmax": ("logits", "axis", "name"),
    "nn.leaky_relu": ("features", "alpha", "name"),
    "nn.log_softmax": ("logits", "axis", "name"),
    "identity": ("input", "name"),
    "stop_gradient": ("input", "name"),
    "random.normal": ("shape", "mean", "stddev", "dtype", "seed", "name"),
    "random.uniform": ("shape", "minval", "maxval", "dtype", "seed", "name"),
}
for _name in ("reduce_sum", "reduce_mean", "reduce_max", "reduce_min", "reduce_prod", "reduce_any", "reduce_all",
              "reduce_logsumexp"):
    _TF_SIGNATURES[_name] = ("input_tensor", "axis", "keepdims", "name")
for _name in ("square", "sqrt", "exp", "abs", "floor", "sigmoid", "tanh", "nn.sigmoid", "nn.tanh"):
    _TF_SIGNATURES[_name] = ("x", "name")
for _name in ("nn.relu6", "nn.elu", "nn.selu", "nn.softplus"):
    _TF_SIGNATURES[_name] = ("features", "name")
for _name in ("add", "subtract", "multiply", "divide", "maximum", "minimum", "pow"):
    _TF_SIGNATURES[_name] = ("x", "y", "name")


def _tf_parameter_names(function: str) -> tuple[str, ...] | None:
    function = {"linalg.matmul": "matmul", "nn.swish": "nn.silu"}.get(function, function)
    if function.startswith("math.") and function != "math.log":
        function = function[5:]
    return _TF_SIGNATURES.get(function)
