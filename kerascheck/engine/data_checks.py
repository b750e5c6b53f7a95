"""Where data meets a model: the checks Keras 3 makes when ``fit``, ``evaluate``, ``predict`` and
the ``*_on_batch`` methods receive arrays or datasets, as pure functions of
:class:`~kerascheck.engine.data.ArraySpec` values and the model's input shapes.

Each check mirrors the code of Keras 3.15.1 that raises, and reports only what it proves:

- ``data_adapter_utils.check_data_cardinality``: every array of ``x``, ``y`` and
  ``sample_weight`` must have as many samples (KC402);
- ``Functional._standardize_inputs``: as many arrays as the model has inputs (KC403);
- ``Functional._assert_input_compatibility`` (the input spec of each ``keras.Input``, which lets a
  last axis of size 1 come or go) and ``Functional._adjust_input_rank`` (a rank one lower is
  given its last axis of 1, one higher loses its last axis of 1, anything else is an error)
  on every batch (KC401);
- a dataset given with ``y`` or ``validation_split`` (KC404).

A structure of data is a leaf (:class:`ArraySpec`, or UNKNOWN), a list or tuple of them, or a
dict. Problems carry the specs they are about (``sources``), so that the diagnostic can say
where each shape came from; the message refers to them by index as ``\\x00{i}\\x00``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from kerascheck.engine.data import ArraySpec, format_data_shape
from kerascheck.engine.dims import UNKNOWN
from kerascheck.engine.layer import InputSpec, LayerError

DEFAULT_BATCH_SIZE = 32


@dataclass(frozen=True)
class ModelInputs:
    """What a model expects of ``x``: its name, and per input the layer's name and its shape
    (batch axis included, None there)."""

    model_name: Any
    names: tuple[Any, ...]
    shapes: tuple[Any, ...]
    functional: bool = True  # a Functional (not a Sequential): its input spec is checked


@dataclass(frozen=True)
class DataProblem:
    """A proven error: the rule's engine kind, the message, and the data it is about."""

    kind: str
    message: str
    sources: tuple[tuple[str, ArraySpec], ...] = ()


# Problems Keras does not raise on (lint warnings): the call trains.
SILENT_KINDS = frozenset({"data-label-range"})

# Keras 3's batch size for arrays when ``batch_size`` is None (fit, evaluate, predict).
DEFAULT_BATCH_SIZE = 32


def first_batch_size(method: str, samples: Any, given: dict[str, Any], whole: bool) -> Any:
    """The size of the first batch Keras 3 takes from arrays of ``samples`` samples (an unbuilt
    model is built on it): all of them for the ``*_on_batch`` methods (``whole``); else
    ``batch_size`` of them (32 when None), fewer when there are fewer, after ``fit``'s
    ``validation_split`` keeps ``floor(samples * (1 - validation_split))`` for training (when no
    ``validation_data`` is given).  UNKNOWN where a number is not known."""
    if type(samples) is not int:
        return UNKNOWN
    if whole:
        return samples
    batch = given.get("batch_size")
    batch = DEFAULT_BATCH_SIZE if batch is None else batch
    if type(batch) is not int or batch <= 0:
        return UNKNOWN
    split = given.get("validation_split", 0.0) if method == "fit" and given.get("validation_data") is None else 0.0
    if type(split) not in (int, float):
        return UNKNOWN  # (a split read at run time, or one that applies only if validation_data is None)
    if split:
        samples = int(math.floor(samples * (1.0 - split)))
    return min(batch, samples) if samples > 0 else UNKNOWN


def source(index: int) -> str:
    """The placeholder of ``sources[index]`` in a message."""
    return f"\x00{index}\x00"


def leaves(structure: Any) -> list[Any]:
    if isinstance(structure, (list, tuple)):
        return [leaf for item in structure for leaf in leaves(item)]
    if isinstance(structure, dict):
        return [leaf for key in sorted(structure, key=str) for leaf in leaves(structure[key])]
    return [structure]


def quote(name: Any) -> str:
    """A layer's or model's name as Keras's messages quote it ('dense'); ? where not known."""
    return "?" if name is UNKNOWN else f"'{name}'"


def _shape(shape: Any) -> str:
    return format_data_shape(shape) if isinstance(shape, tuple) else "?"


def _same(left: tuple, right: tuple) -> bool:
    """Two shapes whose every dimension is known and equal."""
    return len(left) == len(right) and all(type(a) is int and type(b) is int and a == b for a, b in zip(left, right))


def check_cardinality(method: str, named: list[tuple[str, Any]], shown: dict[str, str] | None = None
                      ) -> DataProblem | None:
    """``Data cardinality is ambiguous``: arrays (of ``x``, ``y``, ``sample_weight``) whose known
    sample counts differ."""
    counts: list[tuple[str, Any, ArraySpec]] = []
    for label, structure in named:
        for leaf in leaves(structure):
            if isinstance(leaf, ArraySpec) and isinstance(leaf.shape, tuple) and leaf.shape:
                count = leaf.shape[0]
                if type(count) is int:
                    counts.append((label, count, leaf))
    if len({count for _, count, _ in counts}) < 2:
        return None
    sizes = []
    for label, _ in named:
        mine = [str(count) for lab, count, _ in counts if lab == label]
        if mine:
            sizes.append(f"'{label}' sizes: {', '.join(mine)}")
    sources = tuple(((shown or {}).get(label, label), spec) for label, _, spec in counts)
    given = ", ".join(source(i) for i in range(len(sources)))
    message = (
        f"{method}() gets arrays of different sample counts: {given}. Keras: Data cardinality is ambiguous. "
        f"Make sure all arrays contain the same number of samples.{' '.join(sizes)}"
    )
    return DataProblem("data-cardinality", message, sources)


def keras_dtype_name(dtype: Any) -> str | None:
    """What ``keras.backend.standardize_dtype`` calls a NumPy dtype Keras refuses: ``str96`` for
    NumPy's ``<U3`` (32 bits a character), ``object``; None for the others (and for strings of
    unknown width)."""
    if not isinstance(dtype, str):
        return None  # (UNKNOWN: a dtype read from data)
    if dtype == "object":
        return "object"
    if dtype.startswith("<U") and dtype[2:].isdigit():
        return f"str{32 * int(dtype[2:])}"
    return None


def check_dtypes(method: str, named: list[tuple[str, Any]], shown: dict[str, str] | None = None,
                 on_batch: bool = False, objects_allowed: bool = False) -> DataProblem | None:
    """Arrays of strings or Python objects among ``x``, ``y`` and ``sample_weight``: Keras converts
    every array to a tensor and refuses them (the first one, in that order). ``objects_allowed``:
    the model takes strings, which arrays of Python objects may hold (the TensorFlow backend
    converts them): those prove nothing."""
    for label, structure in named:
        for leaf in leaves(structure):
            if not isinstance(leaf, ArraySpec):
                continue
            name = keras_dtype_name(leaf.dtype)
            if name is None or objects_allowed and name == "object":
                continue
            keras = (f"TypeError: Dtype {leaf.dtype} is not a valid JAX array type. Only arrays of numeric types are "
                     "supported by JAX." if on_batch else f"Invalid dtype: {name}")
            shown_as = (shown or {}).get(label, label)
            return DataProblem(
                "data-dtype",
                f"{method}() gets {source(0)}, an array of {'strings' if name != 'object' else 'Python objects'}: "
                f"Keras takes numbers only (encode the labels or text first). Keras: {keras}",
                ((shown_as, leaf),),
            )
    return None


def check_input_keys(method: str, x: dict, model: ModelInputs) -> DataProblem | None:
    """A dict of arrays given to a functional model: Keras looks each input up by its name, and
    raises for a name the dict lacks (where every key and every input's name is known)."""
    names, keys = list(model.names), list(x)
    if not model.functional or not all(isinstance(n, str) for n in names + keys):
        return None
    missing = [name for name in names if name not in keys]
    if not missing:
        return None
    if method in ("predict", "predict_on_batch"):
        keras = f"The structure of `inputs` doesn't match the expected structure. Expected: {names}"
    else:
        keras = (f'Missing data for input "{missing[0]}". You passed a data dictionary with keys {keys}. Expected the '
                 f"following keys: {names}")
    return DataProblem(
        "data-inputs",
        f"{method}() gives `x` as a dict without {', '.join(repr(n) for n in missing)}, the name of "
        f"{'an input' if len(missing) == 1 else 'inputs'} of model {quote(model.model_name)}. Keras: {keras}",
    )


def check_input_count(method: str, x: Any, model: ModelInputs, label: str) -> DataProblem | None:
    """As many arrays as the model has inputs (a list or tuple of them; one array for one input)."""
    expected = len(model.shapes)
    if isinstance(x, dict) or x is UNKNOWN:
        return None  # matched by name: not followed; a structure not known (a dict of a DataFrame)
    given = len(leaves(x)) if isinstance(x, (list, tuple)) else 1
    if isinstance(x, (list, tuple)) and any(isinstance(item, (list, tuple, dict)) for item in x):
        return None  # nested structures: not followed
    if given == expected or isinstance(x, (list, tuple)) and not x:
        return None
    keras = (f'Layer "{model.model_name}" expects {expected} named input(s) with keys '
             f"{list(model.names)}, but it received {given} input tensors.")
    return DataProblem(
        "data-inputs",
        f"{method}() gives {given} array(s) as `{label}` to model {quote(model.model_name)}, which has {expected} "
        f"input(s). Keras: {keras}",
    )


def input_problem(shape: tuple, ref: tuple, index: int, input_name: Any, model_name: Any, spec_check: bool
                  ) -> str | None:
    """Keras's message when a batch of ``shape`` cannot enter the model input of shape ``ref``.

    ``spec_check``: the input spec is checked too (recorded for a Functional's ``fit``,
    ``evaluate`` and ``train_on_batch``; a Sequential, ``predict`` and ``predict_on_batch`` only
    adjust the rank, and sizes that differ reach the layers; ``test_on_batch`` was not recorded,
    so only the rank is checked there)."""
    if not isinstance(shape, tuple) or not isinstance(ref, tuple) or not ref:
        return None
    if spec_check:
        from kerascheck.engine.runtime import check_spec

        spec = InputSpec(shape=(None, *ref[1:]), allow_last_axis_squeeze=True, name=input_name)
        try:
            check_spec(index, spec, shape, model_name)
        except LayerError as error:
            return error.message
    rank, ref_rank = len(shape), len(ref)
    if rank == ref_rank:
        return None
    if rank == ref_rank + 1 and (type(shape[-1]) is not int or shape[-1] == 1):
        return None
    if rank == ref_rank - 1 and (type(ref[-1]) is not int or ref[-1] == 1):
        return None
    return (f"Invalid input shape for input with name {quote(input_name)}. Expected shape "
            f"{_shape(ref)}, but input has incompatible shape {_shape(shape)}")


def batch_shape(spec: ArraySpec, batch: Any) -> Any:
    """The shape of one batch of ``spec`` (its first axis cut to ``batch`` where that is known)."""
    shape = spec.shape
    if not isinstance(shape, tuple) or not shape:
        return shape
    count = shape[0]
    if batch is None or type(count) is not int:
        return shape
    return (min(count, batch), *shape[1:])


SPEC_CHECKED = frozenset({"fit", "evaluate", "train_on_batch"})  # recorded; test_on_batch not


def check_inputs(method: str, x: Any, model: ModelInputs, label: str, batch: Any, shown: str | None = None,
                 spec_check: bool | None = None, dataset: bool = False) -> list[DataProblem]:
    """Each array of ``x`` against the model input it goes to. A Sequential given a list or tuple
    of arrays is recorded accepting it (two arrays for its one input included): not checked."""
    if not model.functional and isinstance(x, (list, tuple)):
        return []
    if isinstance(x, dict):
        problem = check_input_keys(method, x, model)
        return [problem] if problem is not None else []
    problem = check_input_count(method, x, model, label)
    if problem is not None:
        return [problem]
    arrays = leaves(x) if isinstance(x, (list, tuple)) else [x]
    problems = []
    for index, (spec, ref, name) in enumerate(zip(arrays, model.shapes, model.names)):
        if not isinstance(spec, ArraySpec):
            continue
        if spec_check is None:
            spec_check = model.functional and method in SPEC_CHECKED
        keras = input_problem(batch_shape(spec, batch), ref, index, name, model.model_name, spec_check)
        if keras is None:
            continue
        hint = ""
        if dataset and isinstance(spec.shape, tuple) and len(spec.shape) + 1 == len(ref) and spec.shape[:1] != (None,):
            hint = " (the dataset yields single samples: batch it with `.batch(...)`)"
        elif not dataset and isinstance(ref, tuple) and isinstance(spec.shape, tuple) and _same(ref[1:], spec.shape):
            hint = (" (the array has the shape of one sample of that input: either the model's input shape counts the "
                    "samples, where `X.shape[1:]` was meant, or the array lacks its batch axis, "
                    "`np.expand_dims(x, 0)`)")
        which = f" {index} {quote(name)}" if len(model.shapes) > 1 else f" {quote(name)}"
        problems.append(DataProblem(
            "data-shape",
            f"{method}(): {source(0)} cannot enter the input{which} of shape {_shape(ref)} of model "
            f"{quote(model.model_name)}{hint}. Keras: {keras}",
            ((shown or label if label == "x" else f"{label} {shown or ''}".rstrip(), spec),),
        ))
    return problems


# Layers whose weights fix the size of their input's last axis, which Keras checks on every call
# (the input spec set by build, ``axes={-1: n}``, or the recurrent cell's kernel), recorded
# raising on a Sequential given data of another size there.
LAST_AXIS_FIXED = frozenset(
    {"Dense", "Conv1D", "Conv2D", "Conv3D", "BatchNormalization", "LayerNormalization", "LSTM", "GRU", "SimpleRNN"}
)


# The convolutions whose call raises on an empty output (keras.ops.conv, every backend).
_CONVOLUTIONS = frozenset({"Conv1D", "Conv2D", "Conv3D"})


# Recurrent layers that keep their state between batches when ``stateful=True``.
STATEFUL_RNNS = frozenset({"SimpleRNN", "LSTM", "GRU", "ConvLSTM1D", "ConvLSTM2D", "ConvLSTM3D", "RNN"})


def check_stateful_batches(method: str, x: ArraySpec, layers: list[Any], batch: Any, shown: str,
                           whole: bool = False) -> DataProblem | None:
    """A stateful recurrent layer keeps one state per row of the batch it was built for (``B``,
    from ``batch_shape``), and raises for a batch of another size. ``fit``, ``evaluate`` and
    ``predict`` cut ``x`` into batches of ``batch`` rows (32 unless given) and a last one of
    what is left: with ``batch`` below ``B`` every batch is smaller than ``B``; otherwise, where
    the sample count is known, each batch's size is known. The ``*_on_batch`` methods
    (``whole``) take the whole array as the batch; otherwise a ``batch`` None is not known."""
    from kerascheck.engine.runtime import KerasTensor

    samples = x.shape[0] if isinstance(x.shape, tuple) and x.shape else UNKNOWN
    if batch is None and not whole:
        return None  # (a batch_size given but not known)
    for layer in layers:
        if layer.class_name not in STATEFUL_RNNS or layer.rule is None or layer.rule.args.get("stateful") is not True:
            continue
        nodes = layer.inbound_nodes
        built = nodes[0].inputs[0].shape if nodes and nodes[0].inputs and isinstance(
            nodes[0].inputs[0], KerasTensor) else UNKNOWN
        rows = built[0] if isinstance(built, tuple) and built else None
        if type(rows) is not int:
            continue
        if type(batch) is int and batch < rows:
            wrong = f"at most {batch} rows in each"
        elif type(samples) is int and samples > 0 and (batch is None or type(batch) is int and batch > 0):
            # The batches' sizes: full ones, then what is left.
            sizes = [samples] if batch is None else [batch] * (samples // batch) + [samples % batch]
            odd = [size for size in sizes if size and size != rows]
            if not odd:
                continue
            wrong = f"{odd[0]} rows in {'the first' if sizes[0] == odd[0] else 'the last'}"
        else:
            continue
        given = "the whole array as one batch" if batch is None else f"batches of {batch} rows"
        advice = f"pass batch_size={rows}" if batch != rows else f"give it a multiple of {rows} samples"
        return DataProblem(
            "data-stateful-batch",
            f"{method}() gives {source(0)} in {given} ({wrong}) to the stateful "
            f"{layer.class_name} '{layer.name}', built for batches of {rows} ({advice}). Keras: If an "
            f"RNN is stateful, the batch size of the input sequences must be the same as the batch size of the "
            f"initial state.",
            ((shown, x),),
        )
    return None


def check_sequential_layers(method: str, x: ArraySpec, layers: list[Any], batch: Any, shown: str
                            ) -> DataProblem | None:
    """A Sequential checks no input spec: a batch of ``x`` runs through its layers (Keras having
    adjusted its rank to the model's input), and the first layer of :data:`LAST_AXIS_FIXED`
    whose input's last axis differs from the one it was built with raises. Shapes are carried
    through the layers before it by their rules; anything not known stops the check."""
    from kerascheck.engine.runtime import KerasTensor

    shape = batch_shape(x, batch)
    for layer in layers:
        if not isinstance(shape, tuple) or not shape:
            return None
        nodes = layer.inbound_nodes
        built = nodes[0].inputs[0].shape if nodes and nodes[0].inputs and isinstance(
            nodes[0].inputs[0], KerasTensor) else UNKNOWN
        data_format = layer.rule.args.get("data_format") if layer.rule is not None else None
        axis = None  # the axis whose size the layer's weights fix
        if layer.class_name in LAST_AXIS_FIXED and layer.rule is not None:
            if data_format is None or isinstance(data_format, str) and data_format == "channels_last":
                axis = -1
            elif isinstance(data_format, str) and data_format == "channels_first" and layer.class_name.startswith("Conv"):
                axis = 1  # a convolution's channels come first
        if axis is not None and len(shape) > max(axis, -axis - 1):
            expected = built[axis] if isinstance(built, tuple) and len(built) == len(shape) else UNKNOWN
            if type(expected) is int and type(shape[axis]) is int and expected != shape[axis]:
                keras = (f"Input 0 with name 'None' of layer '{layer.name}' is incompatible with the layer: expected "
                         f"axis {axis} of input shape to have value {expected}, but received input with shape "
                         f"{_shape(shape)}")
                which = "a last axis" if axis == -1 else f"an axis {axis} (its channels)"
                return DataProblem(
                    "data-shape",
                    f"{method}(): {source(0)} reaches {layer.class_name} '{layer.name}' with {which} of "
                    f"{shape[axis]}, but that layer was built for {expected}. Keras: {keras}",
                    ((shown, x),),
                )
        if layer.rule is None:
            return None
        kept = layer.rule.explanations
        reached = shape
        try:
            shape = layer.compute_output_shape(shape)
        except LayerError as error:
            if error.kind == "nonpositive" and layer.class_name in _CONVOLUTIONS:
                # Its window is larger than what reaches it: the convolution of the batch is empty.
                return DataProblem(
                    "data-shape",
                    f"{method}(): {source(0)} reaches {layer.class_name} '{layer.name}' as {_shape(reached)}, "
                    f"smaller than its window: {error.message.rstrip('.')}. Keras: The convolution operation resulted in an "
                    f"empty output. This can happen if the input is too small for the given kernel size, strides, "
                    f"dilation rate, and padding mode.",
                    ((shown, x),),
                )
            return None
        except Exception:  # noqa: BLE001  (Unresolved, or an error Keras may word otherwise: not proven here)
            return None
        finally:
            layer.rule.explanations = kept
        if shape is UNKNOWN or isinstance(shape, list):
            return None
    return None


def check_dataset_arguments(method: str, y_given: bool, validation_split: Any, kind: str = "tf.data.Dataset"
                            ) -> list[DataProblem]:
    """A dataset (``kind``: a tf.data.Dataset, a PyDataset) carries its own targets: ``y`` and
    ``validation_split`` are refused."""
    problems = []
    if y_given:
        problems.append(DataProblem(
            "data-dataset",
            f"{method}() gets a dataset as `x` and also `y`. Keras: When providing `x` as a {kind}, `y` "
            f"should not be passed. Instead, the targets should be included as part of the {kind}.",
        ))
    if type(validation_split) is float and validation_split > 0 or type(validation_split) is int and validation_split:
        problems.append(DataProblem(
            "data-dataset",
            f"{method}() gets a dataset with `validation_split`. Keras: Argument `validation_split` is only "
            "supported for tensors or NumPy arrays.",
        ))
    return problems


class PythonValue:
    """A leaf of the data that is a Python number or string (``[1] * n``, ``y=[0, 1, 1]``), not
    an array: ``type_name`` is its type (``int``)."""

    __slots__ = ("type_name",)

    def __init__(self, type_name: str) -> None:
        self.type_name = type_name

    def __repr__(self) -> str:
        return self.type_name


def check_python_values(method: str, found: list[tuple[str, str]], validation_split: Any) -> DataProblem:
    """``fit`` / ``evaluate`` / ``predict`` given Python numbers or strings where Keras 3 takes
    arrays (``found``: the argument and the types): its ``ArrayDataAdapter`` slices arrays only,
    and no other adapter takes such data. ``fit`` splits for ``validation_split`` first and raises
    there (numbers of NumPy's own types raise an IndexError at the same call)."""
    where = ", ".join(f"`{name}`" for name in dict.fromkeys(name for name, _ in found))
    types = " and ".join(dict.fromkeys(type_name for _, type_name in found))
    if method == "fit" and (type(validation_split) is float and validation_split > 0
                            or type(validation_split) is int and validation_split):
        keras = ("Argument `validation_split` is only supported for tensors or NumPy arrays.Found incompatible "
                 "type in the input: [...]")
    else:
        keras = "Unrecognized data type: x=... (of type ...)"
    return DataProblem("data-python-values", f"{method}() gets Python values ({types}) in {where}, where Keras 3 "
                       f"takes arrays (np.array(...) of them). Keras: {keras}")


def check_validation_split(samples: Any, validation_split: Any) -> DataProblem | None:
    """``fit(validation_split=...)`` keeps ``floor(samples * (1 - split))`` samples for training and
    the rest for validation; Keras raises when either part is empty
    (``array_slicing.train_validation_split``)."""
    if type(samples) is not int or type(validation_split) not in (int, float) or not validation_split:
        return None
    split_at = int(math.floor(samples * (1.0 - validation_split)))
    if split_at != 0 and split_at != samples:
        return None
    part = "no sample for training" if split_at == 0 else "no sample for validation"
    return DataProblem(
        "data-split",
        f"fit() splits {source(0)} with validation_split={validation_split}, which leaves {part}. Keras: Training "
        f"data contains {samples} samples, which is not sufficient to split it into a validation and training set "
        f"as specified by `validation_split={validation_split}`. Either provide more data, or a different value "
        "for the `validation_split` argument.",
    )


def check_class_weight(y: Any, sample_weight_given: bool) -> DataProblem | None:
    """``fit(class_weight=...)`` on arrays (``ArrayDataAdapter``): not with ``sample_weight``, not
    for several outputs, and each target must come down to one class id (one-hot rows or ids:
    targets of three or more axes leave an array per sample, which Python's ``int`` refuses).
    ``y``: the targets as given (an ArrayValue's ``shape`` is read)."""
    if sample_weight_given:
        keras = "ValueError: You cannot `class_weight` and `sample_weight` at the same time."
        return DataProblem("data-class-weight", f"fit() gets both class_weight and sample_weight. Keras: {keras}")
    if isinstance(y, (list, tuple, dict)):
        keras = "ValueError: `class_weight` is only supported for Models with a single output."
        return DataProblem("data-class-weight", f"fit() gets class_weight with targets of several outputs. Keras: {keras}")
    shape = getattr(y, "shape", None)
    if isinstance(shape, tuple) and len(shape) >= 3 and not (type(shape[0]) is int and shape[0] == 0):
        keras = "TypeError: only 0-dimensional arrays can be converted to Python scalars"
        return DataProblem(
            "data-class-weight",
            f"fit() gets class_weight with {source(0)}, targets of {len(shape)} axes: Keras turns class weights into "
            "one weight per sample from each sample's class id, which such targets do not reduce to (weigh each "
            f"timestep with sample_weight instead). Keras: {keras}",
        )
    return None


def check_dataset_class_weight(class_weight: dict, nested_targets: bool) -> DataProblem | None:
    """``fit(dataset, class_weight=...)`` (``make_class_weight_map_fn``): a table of
    ``max(class_weight) + 1`` weights, so the keys must be class ids (names of outputs, strings,
    fail there); then each element's targets must be one array (one output)."""
    keys = list(class_weight)
    if keys and all(isinstance(k, str) for k in keys):
        return DataProblem(
            "data-class-weight",
            "fit() gets class_weight keyed by names with a dataset: Keras makes a table of max(keys) + 1 weights, "
            "so the keys must be class ids (0, 1, ...), for a model of one output. "
            'Keras: TypeError: can only concatenate str (not "int") to str',
        )
    if keys and all(type(k) is int for k in keys) and nested_targets:
        keras = "ValueError: `class_weight` is only supported for Models with a single output."
        return DataProblem("data-class-weight", f"fit() gets class_weight with a dataset of targets of several outputs. "
                           f"Keras: {keras}")
    return None


def check_target_structure(method: str, y: Any, outputs: int, loss: Any = None) -> DataProblem | None:
    """``CompileLoss``: ``y`` must have the structure of the model's outputs (one array for one
    output, a list of as many arrays for several)."""
    if isinstance(y, dict) or y is UNKNOWN or outputs < 1:
        return None
    given = len(y) if isinstance(y, (list, tuple)) else None
    if isinstance(y, (list, tuple)) and any(isinstance(item, (list, tuple, dict)) for item in y):
        return None
    if given is None and outputs == 1 or given == outputs or given == 1 and outputs == 1:
        return None
    if given is None or given == 1 and outputs == 1:
        if loss is not None and loss is not UNKNOWN and not isinstance(loss, (list, tuple, dict)):
            # One loss for every output: CompileLoss looks for each output's target in y.
            keras = ("The path: (0,) in the `loss` argument, can't be found in either the model's output "
                     "(`y_pred`) or in the labels (`y_true`).")
        else:
            keras = "y_true and y_pred have different structures."
        return DataProblem("data-targets", f"{method}() gives one array as `y` to a model of {outputs} outputs. "
                           f"Keras: {keras}")
    return DataProblem("data-targets", f"{method}() gives a {type(y).__name__} of {given} as `y` to a model of "
                       f"{outputs} output(s). Keras: y_true and y_pred have different structures.")


def metric_problem(metrics: Any, y_true: ArraySpec, y_pred_shape: Any, batch_size: Any = None
                   ) -> tuple[str, str] | None:
    """The first of the compiled metric objects that cannot compare targets ``y_true`` with
    predictions of ``y_pred_shape`` (:func:`kerascheck.engine.metrics.metric_error`; Keras builds
    the metrics before the loss, so theirs is the error it raises first), batches as in
    :func:`loss_problem`: its class name and Keras's message; None when none is proven to raise."""
    from kerascheck.engine.metrics import first_metric_error

    found = first_metric_error(metrics, y_true, y_pred_shape, _loss_batch(y_true, batch_size))
    if found is None:
        return None
    metric, error = found
    return (f"{metric.class_name}()" if not isinstance(metric, str) else repr(metric)), error.message


def _loss_batch(y_true: ArraySpec, batch_size: Any) -> Any:
    """The batch size the loss and the metrics first see (``fit``'s default when None; the whole
    array for UNKNOWN, as ``train_on_batch`` takes it)."""
    from kerascheck.engine.losses import DEFAULT_BATCH_SIZE

    if batch_size is None:
        return DEFAULT_BATCH_SIZE
    if batch_size is UNKNOWN and isinstance(y_true.shape, tuple) and y_true.shape and type(y_true.shape[0]) is int:
        return y_true.shape[0]
    return batch_size if type(batch_size) is int else UNKNOWN


def loss_problem(loss: Any, y_true: ArraySpec, y_pred_shape: Any, batch_size: Any = None,
                 sample_weight: ArraySpec | None = None) -> str | None:
    """Keras's message when the compiled ``loss`` raises on targets ``y_true`` and predictions of
    ``y_pred_shape`` (:func:`kerascheck.engine.losses.check_loss`), in batches of ``batch_size``
    (``fit``'s default, 32, when None; UNKNOWN for a whole array at once, as ``train_on_batch``
    takes it), its values weighted by ``sample_weight`` where given; None when it trains or that
    is not proven."""
    from kerascheck.engine.losses import check_loss

    return check_loss(loss, y_true, y_pred_shape, _loss_batch(y_true, batch_size), sample_weight)
