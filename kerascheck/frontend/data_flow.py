"""The interpreter's side of data: calls that make arrays and datasets (:mod:`numpy_data` computes
their shapes), and what happens when data meets a model (``fit``, ``evaluate``, ``predict``…),
checked by the pure :mod:`kerascheck.engine.data_checks`.

The front-end only gathers: the :class:`~kerascheck.engine.data.ArraySpec` of each array given
to the model, the model's input shapes, its outputs and the loss it was compiled with.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import libcst as cst

from kerascheck.engine import data_checks
from kerascheck.engine.data import ArraySpec
from kerascheck.engine.dims import UNKNOWN, Unresolved
from kerascheck.engine.losses import LossSpec
from kerascheck.engine.runtime import Functional, KerasTensor, Model, Sequential, SubclassedModel
from kerascheck.frontend import image_generators, image_libraries, numpy_data, pandas_data, sklearn_data, text_data
from kerascheck.frontend.keras_names import ModuleRef
from kerascheck.frontend.numpy_data import NOT_MODELLED
from kerascheck.frontend.values import (
    INERT,
    ArrayValue,
    BoundedRankArray,
    DataMethod,
    DatasetValue,
    GeneratedItems,
    GeneratorValue,
    ImageGenerator,
    PyDatasetValue,
    PythonNumber,
    RandomGenerator,
    FileData,
    ItemsArray,
    PilImage,
    SklearnObject,
    whole_shape_of,
    TextTokenizer,
    TableIndexer,
    TableValue,
    UserFunction,
    UserInstance,
    contents_unknown,
    items_array,
    is_data,
    items_like,
)

# Model methods that take data, and the position of their arguments.
_DATA_PARAMETERS = {
    "fit": ("x", "y", "batch_size", "epochs", "verbose", "callbacks", "validation_split", "validation_data"),
    "evaluate": ("x", "y", "batch_size"),
    "predict": ("x", "batch_size"),
    "train_on_batch": ("x", "y", "sample_weight"),
    "test_on_batch": ("x", "y", "sample_weight"),
    "predict_on_batch": ("x",),
}
_ON_BATCH = frozenset({"train_on_batch", "test_on_batch", "predict_on_batch"})
_LOSS_METHODS = frozenset({"fit", "evaluate", "train_on_batch", "test_on_batch"})  # those that compute the loss

# TensorFlow functions that keep a tensor's shape or change it as NumPy's namesakes do (in a
# ``Dataset.map`` function).
# TensorFlow's tensor makers of a shape (float32 unless a dtype is given).
_TF_MAKERS = frozenset({"tensorflow.zeros", "tensorflow.ones", "tensorflow.random.normal", "tensorflow.random.uniform",
                        "tensorflow.random.truncated_normal"})

_TF_FUNCTIONS = {
    "tensorflow.reshape": "reshape", "tensorflow.expand_dims": "expand_dims", "tensorflow.squeeze": "squeeze",
    "tensorflow.transpose": "transpose",
}


class DataFlow:
    """Arrays and datasets through the interpreter; data meeting models."""

    def call_data_library(self, dotted: str, args: list[Any], kwargs: dict[str, Any], node: Any) -> Any:
        """A function of NumPy, ``tf.data`` or Keras's data utilities; NOT_MODELLED for the others."""
        if dotted in ("numpy.array", "numpy.asarray") and args and isinstance(args[0], PilImage):
            return image_libraries.pil_array(args[0], kwargs.get("dtype", args[1] if len(args) > 1 else None), node)
        if dotted.startswith("numpy."):
            return numpy_data.numpy_call(dotted[6:], args, kwargs, node)
        if dotted == "h5py.File":
            return FileData(numpy_data.made_by("h5py.File", node))  # its datasets: arrays of shapes not known
        if dotted in ("pickle.load", "pickle.loads", "joblib.load"):
            # What was saved, not known (an array of a shape not known, a dict of them…): an object of its own.
            return FileData(numpy_data.made_by(dotted.split(".")[0] + ".load", node))
        if dotted.startswith("PIL."):
            return image_libraries.pil_call(dotted, args, kwargs, node)
        if dotted.startswith("cv2."):
            return image_libraries.cv2_call(dotted, args, kwargs, node)
        if dotted.startswith("pandas."):
            return pandas_data.pandas_call(dotted[7:], args, kwargs, node)
        if dotted.startswith("tensorflow.data.Dataset.") or dotted == "tensorflow.TensorSpec":
            return numpy_data.tf_data_call(dotted, args, kwargs, node)
        if text_data.is_tokenizer_class(dotted):
            return text_data.tokenizer(args, kwargs)
        if dotted.startswith("keras.") and dotted.endswith(".image.ImageDataGenerator"):
            return image_generators.image_data_generator(args, kwargs)
        if dotted.startswith("keras.") and not dotted.startswith("keras.ops."):
            if dotted.endswith(".array_to_img"):
                return image_libraries.array_to_img(args, kwargs, node)
            if dotted.endswith(".img_to_array") and args and isinstance(args[0], PilImage):
                pixels = image_libraries.pil_array(args[0], None, node)  # np.asarray(img), then its axes
                if pixels is numpy_data.NOT_MODELLED:
                    return pixels
                args = [pixels, *args[1:]]
            if dotted.endswith(".img_to_array") and len(args) < 2 and kwargs.get("data_format") is None:
                kwargs = {**kwargs, "data_format": self.session.image_data_format}  # keras.config's
            return numpy_data.keras_data_call(
                dotted, args, kwargs, node, lambda problem: self.session.report_data(problem, self.origin(node)))
        if dotted.startswith("sklearn."):
            return sklearn_data.sklearn_call(dotted[8:], args, kwargs, node)
        if dotted in _TF_FUNCTIONS and args and isinstance(args[0], ArrayValue):
            return numpy_data.numpy_call(_TF_FUNCTIONS[dotted], args, kwargs, node)
        if dotted in _TF_MAKERS:
            # tf.zeros(shape), tf.random.normal(shape)...: a float32 tensor of that shape.
            shape = numpy_data.shape_argument(args[0] if args else kwargs.get("shape"))
            dtype = kwargs.get("dtype", args[1] if len(args) > 1 and dotted in ("tensorflow.zeros", "tensorflow.ones")
                               else None)
            if shape is None or set(kwargs) - {"shape", "dtype", "mean", "stddev", "minval", "maxval", "seed", "name"}:
                return INERT
            return ArrayValue(shape, "float32" if dtype is None else numpy_data.dtype_name(dtype),
                              numpy_data.made_by(f"tf.{dotted[11:]}", node))
        if dotted in ("tensorflow.concat", "tensorflow.stack") and args:
            axis = args[1] if len(args) > 1 else kwargs.get("axis", 0 if dotted.endswith("stack") else None)
            if axis is None:
                return INERT  # tf.concat needs its axis
            return numpy_data.join(args[0], axis, dotted.endswith("stack"), f"tf.{dotted[11:]}", node)
        if dotted == "tensorflow.split" and args and isinstance(args[0], ArrayValue):
            sections = args[1] if len(args) > 1 else kwargs.get("num_or_size_splits")
            axis = args[2] if len(args) > 2 else kwargs.get("axis", 0)
            return numpy_data.split(args[0], sections, axis, True, "tf.split", node)
        if dotted in ("tensorflow.constant", "tensorflow.convert_to_tensor") and args:
            return _tensor_of(args[0], args[1] if len(args) > 1 else kwargs.get("dtype"), node)
        if dotted == "tensorflow.cast" and args and isinstance(args[0], ArrayValue):
            dtype = args[1] if len(args) > 1 else kwargs.get("dtype")
            return ArrayValue(args[0].shape, numpy_data.dtype_name(dtype), args[0].origin)
        if dotted == "tensorflow.one_hot" and args and isinstance(args[0], ArrayValue):
            depth = args[1] if len(args) > 1 else kwargs.get("depth")
            return ArrayValue((*args[0].shape, depth if type(depth) is int else UNKNOWN), "float32", args[0].origin)
        return NOT_MODELLED

    def call_data_method(self, method: DataMethod, args: list[Any], kwargs: dict[str, Any], node: Any) -> Any:
        receiver = method.receiver
        if isinstance(receiver, SklearnObject):
            return sklearn_data.sklearn_method(receiver, method.name, args, kwargs, node)
        if isinstance(receiver, PilImage):
            return image_libraries.pil_method(receiver, method.name, args, kwargs, node)
        if isinstance(receiver, ItemsArray):
            found = numpy_data.array_method(receiver.view, method.name, args, kwargs, node)
            return found if method.name == "reshape" else items_array(found)  # (see ItemsArray)
        if isinstance(receiver, FileData):
            return FileData(receiver.origin)  # astype, copy: an array of its own, of the same shape
        if isinstance(receiver, TextTokenizer):
            return text_data.tokenizer_method(receiver, method.name, args, kwargs, node)
        if isinstance(receiver, ImageGenerator):
            return image_generators.generator_method(
                receiver, method.name, args, kwargs, node, lambda problem: self.session.report_data(problem, self.origin(node)))
        if isinstance(receiver, ArrayValue):
            return numpy_data.array_method(receiver, method.name, args, kwargs, node)
        if isinstance(receiver, RandomGenerator):
            return numpy_data.generator_method(receiver, method.name, args, kwargs, node)
        if isinstance(receiver, TableValue):
            if self.arguments_names(args, kwargs):
                return NOT_MODELLED  # a function of the analysed code, which pandas may call
            return pandas_data.table_method(receiver, method.name, args, kwargs, node)
        if method.name == "map" and self.arguments_names(args, kwargs):
            return NOT_MODELLED  # a function that may create Keras objects: not traced
        return numpy_data.dataset_method(receiver, method.name, args, kwargs, node,
                                         lambda function, element: self.trace_element(function, element, node))

    def preprocessed(self, layer: Any, array: ArrayValue, node: Any) -> Any:
        """A preprocessing layer applied to data: an array of the shape its rule computes (a
        dimension Keras leaves to the data, None there, is unknown)."""
        try:
            shape = layer.compute_output_shape(array.shape)
        except Exception:  # noqa: BLE001  (an error or an undecided shape: unknown data)
            return INERT
        if not isinstance(shape, tuple):
            return INERT
        dtype = numpy_data.PREPROCESSING_ON_DATA.get(layer.class_name)
        if layer.class_name == "TextVectorization" and layer.rule is not None:
            mode = layer.rule.args.get("output_mode")
            dtype = ("int64" if mode == "int" else "float32") if isinstance(mode, str) else UNKNOWN
        shape = tuple(UNKNOWN if d is None and i else d for i, d in enumerate(shape))
        return ArrayValue(shape, dtype if dtype is not None else UNKNOWN, numpy_data.made_by(layer.class_name, node))

    def trace_element(self, function: Any, element: Any, node: Any) -> Any:
        """What ``Dataset.map(function)`` gives: ``function`` run on one element (a tuple element
        is passed as separate arguments, as ``tf.data`` does); UNKNOWN where not followed."""
        if not isinstance(function, UserFunction) or element is UNKNOWN:
            return UNKNOWN
        args = list(element) if isinstance(element, tuple) else [element]
        result = self.call_value(function, args, {}, node, function.scope)
        return _element(result)

    def data_subscript(self, array: ArrayValue | BoundedRankArray, node: cst.Subscript, scope: Any) -> Any:
        """``array[...]``: the key evaluated as Python would pass it (``np.newaxis`` is None).
        An array of a bounded rank indexed on as many axes as it may have has that rank (NumPy
        raises on fewer), and is indexed as such."""
        bounded = isinstance(array, BoundedRankArray)
        parts: list[Any] = []
        unknown_bounds = False
        for element in node.slice:
            index = element.slice
            if isinstance(index, cst.Slice):
                bounds = [self.eval(b, scope) if b is not None else None for b in (index.lower, index.upper, index.step)]
                if not all(b is None or type(b) is int for b in bounds):
                    unknown_bounds = True  # (x[:split] with split read from the data)
                    parts.append(_UNKNOWN_SLICE)
                    continue
                parts.append(slice(*bounds))
            elif isinstance(index.value, cst.Ellipsis):
                parts.append(Ellipsis)
            else:
                value = self.eval(index.value, scope)
                if isinstance(value, ModuleRef) and value.name == "numpy.newaxis" or value is None:
                    parts.append(None)
                elif type(value) is int:
                    parts.append(value)
                elif bounded:
                    return INERT
                elif isinstance(value, ArrayValue) and len(node.slice) == 1 and len(value.shape) == 1 and array.shape:
                    # Rows picked by a 1-D array of indices (``np.eye(6)[labels]``: one row per index)
                    # or by a mask (as many as it holds True, unknown); the other axes stay.
                    rows = value.shape[0] if isinstance(value.dtype, str) and value.dtype.startswith(
                        ("int", "uint")) else UNKNOWN
                    return ArrayValue((rows, *array.shape[1:]), array.dtype, array.origin)
                elif isinstance(value, list) and len(node.slice) == 1 and array.shape and _indices(value):
                    # A list of indices (``x[order]`` after ``random.shuffle(order)``): one row each.
                    return ArrayValue((len(value), *array.shape[1:]), array.dtype, array.origin)
                elif isinstance(value, list) and value and all(type(v) is int for v in value):
                    parts.append(value)  # columns picked by their positions (``x[:, [2, 3, 4]]``)
                else:
                    return INERT
        if bounded:
            if Ellipsis in parts or sum(1 for p in parts if p is not None) != array.max_rank:
                return INERT
            array = ArrayValue((UNKNOWN,) * array.max_rank, array.dtype, array.origin)
        if unknown_bounds:
            return _sliced(array, parts)
        key: Any = parts[0] if len(parts) == 1 and not isinstance(node.slice[0].comma, cst.Comma) else tuple(parts)
        return numpy_data.subscript(array, key)

    def indexer_subscript(self, indexer: TableIndexer, node: cst.Subscript, scope: Any) -> Any:
        """``df.iloc[...]``, ``df.loc[...]``: whether each part keeps its axis is what decides
        (a slice's bounds do not matter; a mask or an array of positions is kept as it is)."""
        parts: list[Any] = []
        for element in node.slice:
            index = element.slice
            if isinstance(index, cst.Slice):
                parts.append(slice(None))
            elif isinstance(index.value, cst.Ellipsis):
                return INERT
            else:
                parts.append(self.eval(index.value, scope))
        key: Any = parts[0] if len(parts) == 1 and not isinstance(node.slice[0].comma, cst.Comma) else tuple(parts)
        return pandas_data.indexer_subscript(indexer, key)

    def note_data(self, target: Any, value: Any, value_node: Any) -> None:
        """Arrays and datasets the file binds at module level, for editors (by name)."""
        if isinstance(target, cst.Name):
            if isinstance(value, ArrayValue):
                self.session.bind_data(target.value, value_node, value.spec)
            elif isinstance(value, DatasetValue):
                self.session.bind_data(target.value, value_node, value)
        elif isinstance(target, (cst.Tuple, cst.List)) and isinstance(value, (tuple, list)):
            if len(target.elements) == len(value) and not any(
                    isinstance(e, cst.StarredElement) for e in target.elements):
                for element, item in zip(target.elements, value):
                    self.note_data(element.value, item, value_node)

    # ------------------------------------------------------------------ data meets a model

    # What the model call being interpreted is given as x, one batch of it (label, ArraySpec with
    # an unknown batch size), for an unbuilt model that is built on it; None if not known.
    batch_given: tuple[str, ArraySpec] | None = None
    # The size of the first batch of it, which Keras 3 builds an unbuilt model on (UNKNOWN if not known).
    first_batch: Any = UNKNOWN
    # The data checks of that call proved that Keras raises (before training: no optimizer).
    data_raised: bool = False

    def built_on_data(self, method: str, model: Model, given: tuple[str, ArraySpec], errors: int, node: Any) -> None:
        """The errors raised while an unbuilt model was built on data are reported at the call
        that gave the data (Keras raises there), naming the data; those raised by a line of a
        subclassed model's ``call()`` stay at that line (the innermost frame of Keras's traceback)."""
        session = self.session
        origin = self.origin(node)
        for index in range(errors, len(session.errors)):
            error = session.errors[index]
            layer = error.layer
            who = f"{layer.class_name} '{layer.name}'" if layer is not None and layer.name is not UNKNOWN else "a layer"
            message = (f"{method}() builds model {_quoted(model.name)} on batches of {data_checks.source(0)}, and "
                       f"{who} cannot take them. Keras: {error.message}")
            inside_call = isinstance(model, SubclassedModel) and error.origin is not None
            session.errors[index] = replace(error, message=message, origin=error.origin if inside_call else origin,
                                            data=(given,))

    # The loss checks of a call that builds its model on the data first: (model, method, targets,
    # label, batch size, sample weights, whether the metrics come first), run by after_build.
    losses_after_build: list[tuple] = []

    def after_build(self, model: Model, errors: int, node: Any) -> None:
        """The loss checks waiting for ``model``'s build on the first batch, once it raised nothing."""
        waiting, self.losses_after_build = self.losses_after_build, []
        if len(self.session.errors) > errors or not model.built:
            return
        for waiting_model, method, y, label, batch_size, weights, metrics_first in waiting:
            if waiting_model is model and _output_shapes(model) is not None:
                for problem in self.loss_problems(model, method, y, label, batch_size, weights,
                                                  metrics_first=metrics_first):
                    self.session.report_data(problem, self.origin(node))
                    self.data_raised = True

    def model_meets_data(self, model: Model, name: str, args: list[Any], kwargs: dict[str, Any], node: Any) -> None:
        """``model.compile(loss=…)`` is remembered; ``fit`` and the others check their data."""
        self.losses_after_build = []
        self.batch_given = None
        self.first_batch = UNKNOWN
        self.data_raised = False
        if name == "compile":
            model.compiled = True  # its loss is resolved by compile_calls (Model.compile_loss)
            return
        parameters = _DATA_PARAMETERS.get(name)
        if parameters is None or self.session.keras_version != 3:
            return
        given = dict(zip(parameters, args))
        given.update({k: v for k, v in kwargs.items() if k in parameters or k in (
            "sample_weight", "validation_split", "class_weight", "validation_batch_size", "validation_freq",
            "initial_epoch", "shuffle")})
        # A generator expression is a generator to Keras (a source of batches), not followed.
        given = {k: INERT if isinstance(v, GeneratedItems) else v for k, v in given.items()}
        if name in _ON_BATCH:
            # The *_on_batch methods take tables without the data adapters' conversion: not followed.
            given = {k: INERT if isinstance(v, TableValue) else v for k, v in given.items()}
        if len(args) > len(parameters):
            return
        x = given.get("x")
        if isinstance(x, GeneratorValue):
            x = given["x"] = self.generated_data(x, given, node)
        elif isinstance(x, UserInstance) and x.cls.is_py_dataset:
            x = given["x"] = self.py_dataset_batch(x, name, given, node)
        self.first_batch = UNKNOWN
        if isinstance(x, ArrayValue) and x.shape:
            self.batch_given = (_label(node, "x", parameters), ArraySpec((UNKNOWN, *x.shape[1:]), x.dtype, x.origin))
            batching = dict(given)
            if given.get("validation_data") is not None and not isinstance(
                    given["validation_data"], (tuple, list, ArrayValue, DatasetValue)):
                # validation_data may be None: the split may apply, or not.
                batching["validation_data"] = None
                split = batching.get("validation_split")
                if split is not None and not (type(split) in (int, float) and split == 0):
                    batching["validation_split"] = UNKNOWN
            self.first_batch = data_checks.first_batch_size(name, x.shape[0], batching, name in _ON_BATCH)
        elif isinstance(x, DatasetValue):
            features = _features(x.element)
            if isinstance(features, ArrayValue) and features.shape:
                self.batch_given = (f"the elements of {_label(node, 'x', parameters)}", ArraySpec(
                    (UNKNOWN if features.shape[0] is None else features.shape[0], *features.shape[1:]),
                    features.dtype, features.origin))
        shown = {}
        for position, arg in enumerate(node.args if isinstance(node, cst.Call) else ()):
            key = arg.keyword.value if arg.keyword is not None else (
                parameters[position] if position < len(parameters) else None)
            if key is not None and isinstance(arg.value, (cst.Name, cst.Attribute)):
                shown[key] = _dotted(arg.value)
            if key is not None and isinstance(arg.value, cst.Tuple):
                for at, element in enumerate(arg.value.elements):
                    if isinstance(element.value, (cst.Name, cst.Attribute)):
                        shown[f"{key}[{at}]"] = _dotted(element.value)
        try:
            # (A model with steps of its own, a train_step, takes what data it likes: not checked.)
            problems = [] if self.own_steps(model) else self.data_problems(model, name, given, shown)
        except Unresolved:
            problems = []  # a decision on a value that is not known: nothing proven
        finally:
            if name in _LOSS_METHODS:
                # What runs after this call ran only if it raised nothing: the compiled metrics
                # are built (on this data's shapes), and Keras computes the loss before them from
                # then on.
                model.metrics_built = True
        if not problems and not self.own_steps(model):
            problems = self.data_declared_input(model, x, name, shown.get("x", "x"))
        for problem in problems:
            self.session.report_data(problem, self.origin(node))
            if problem.kind not in data_checks.SILENT_KINDS:
                self.data_raised = True  # Keras raises before training: no optimizer

    def declaring_data(self, symbol: Any, args: list[Any], kwargs: dict[str, Any]) -> Any:
        """The array whose whole shape, its sample axis included, a Keras call gives as an input's
        shape (``Input(shape=x.shape)``, ``Dense(..., input_shape=x.shape)``), where a size of it
        is not known (one whose sizes are all known is checked as any); None otherwise."""
        if symbol.name == "Input":
            shape = kwargs.get("shape", args[0] if args else None)
        elif symbol.name == "InputLayer":
            shape = kwargs.get("shape", kwargs.get("input_shape"))
        else:
            shape = kwargs.get("input_shape")
        return whole_shape_of(shape)

    def data_declared_input(self, model: Model, x: Any, method: str, shown: str) -> list[data_checks.DataProblem]:
        """``x`` is the very array whose whole shape declared the model's one input
        (:meth:`declaring_data`): the model takes batches of such arrays, one axis more than ``x``
        has, and Keras raises on it whatever its sizes are (but for an array of one number, each
        of its sizes 1, which Keras's added axis of 1 would fit)."""
        declared = [layer for layer in _first_layers(model) if self.declared_by_data.get(id(layer)) is x]
        if x is None or not declared:
            return []
        first = declared[0]
        layer_name = first.name if isinstance(first.name, str) else "its first layer"
        return [data_checks.DataProblem(
            "data-shape",
            f"{method}(): {shown} is the array whose whole shape, samples included, was given as the input shape "
            f"of model {data_checks.quote(model.name)} (through {layer_name!r}): the model takes batches of such "
            f"arrays, one axis more than {shown} has. Keras: Invalid input shape ... Expected shape (None, "
            f"*{shown}.shape), but input has incompatible shape (batch, *{shown}.shape[1:]). Give the input the "
            f"shape of one sample, `{shown}.shape[1:]`.",
        )]

    def model_called_on_data(self, model: Model, x: Any, node: Any) -> None:
        """``model(x)`` on arrays: all of ``x`` is one batch, and Keras checks it as ``fit`` does
        (a functional model's input spec, then its inputs' ranks) or, for a Sequential, as
        ``predict`` does (the batch reaches its layers)."""
        if self.session.keras_version != 3 or self.session.tracing:
            return
        arrays = data_checks.leaves(x) if isinstance(x, (list, tuple)) else [x]
        if not arrays or not all(isinstance(a, ArrayValue) and a.shape for a in arrays):
            return
        inputs = _model_inputs(model)
        if inputs is None:
            return
        shown = _dotted(node.args[0].value) if isinstance(node, cst.Call) and node.args and isinstance(
            node.args[0].value, (cst.Name, cst.Attribute)) else "x"
        callee = _dotted(node.func) if isinstance(node, cst.Call) and isinstance(node.func, (cst.Name, cst.Attribute)) \
            else "model"
        try:
            problems = _batch_against_inputs(model, callee, _specs(x), inputs, None, shown, inputs.functional)
        except Unresolved:
            return  # a decision on a value that is not known: nothing proven
        for problem in problems:
            self.session.report_data(problem, self.origin(node))

    def py_dataset_batch(self, dataset: UserInstance, method: str, given: dict[str, Any], node: Any) -> Any:
        """An instance of the analysed code's ``keras.utils.PyDataset`` (``Sequence``) given to
        ``fit`` (or evaluate, predict): Keras takes its batches by index, and builds and checks
        the model on the first, ``dataset[0]`` unless ``fit`` shuffles their order (its default),
        which leaves the number of samples in it unknown (the last batch may be smaller)."""
        found = dataset.cls.method("__getitem__")
        if found is None:
            return INERT
        try:
            element = _yielded(self.run_method(found, dataset, [0], {}, node))
        except Unresolved:
            return INERT
        if element is UNKNOWN:
            return INERT
        if method == "fit" and given.get("shuffle", True) is not False:
            element = _map_arrays(element, lambda a: ArrayValue((UNKNOWN, *a.shape[1:]), a.dtype, a.origin)
                                  if a.shape else a)
        return _GeneratedPyDataset(element)

    def generated_data(self, generator: GeneratorValue, given: dict[str, Any], node: Any) -> Any:
        """A generator given to ``fit`` (or evaluate, predict) as ``x``: Keras takes its first
        element to build and check the model, which is followed when no element of it was taken
        before (it is made in the call itself, ``fit(batches(x, y))``, or was not advanced since it
        was made: see ``GeneratorValue.started``) and it is given neither ``y`` nor
        ``validation_split`` (which Keras refuses with a generator)."""
        split = given.get("validation_split")
        if generator.started or given.get("y") is not None or not (
                split is None or type(split) in (int, float) and split == 0):
            return INERT  # (a split read at run time may be one Keras refuses)
        element = _yielded(self.call_function(generator.function, list(generator.args), dict(generator.kwargs),
                                              first_element=True))
        return INERT if element is UNKNOWN else _Generated(element)

    def label_range_problems(self, model: Model, method: str, y: Any, label: str) -> list[data_checks.DataProblem]:
        """Class ids beyond the output's units given to the sparse crossentropy (a warning:
        Keras trains on them), where both are known."""
        from kerascheck.engine.losses import labels_beyond_outputs

        shapes = _output_shapes(model)
        if not isinstance(y, ArrayValue) or shapes is None or len(shapes) != 1 or isinstance(
                model.compile_loss, (list, tuple, dict)):
            return []
        message = labels_beyond_outputs(model.compile_loss, y.largest, shapes[0])
        if message is None:
            return []
        return [data_checks.DataProblem("data-label-range", f"{method}(): {data_checks.source(0)}: {message}.",
                                        ((label, y.spec),))]

    def loss_problems(
        self, model: Model, method: str, y: Any, label: str, batch_size: Any = None,
        weights: tuple[str, ArraySpec] | None = None, x: Any = None, metrics_first: bool = True,
    ) -> list[data_checks.DataProblem]:
        """The compiled loss against each target and its output: ``data_checks.loss_problem``, the
        hook of the loss rules (kind ``data-loss``); then, for a model of one output that carries
        no mask, the loss values against the sample ``weights`` given (kind ``data-sample-weight``).
        An output axis the data decides (None: timesteps) has the size a batch of ``x`` gives it.
        ``metrics_first``: the compiled metrics are not built yet, and Keras builds them on this
        batch before the loss (``Trainer._symbolic_build``), so their error is the one it raises;
        once built (a later call, the validation of a fit), the loss comes first, and the metrics
        (resolved on the first data's shapes) are not checked."""
        shapes = _output_shapes(model)
        if shapes is not None:
            shapes = _outputs_for(model, x, shapes)
        targets = list(y) if isinstance(y, (list, tuple)) else [y]
        if shapes is None and isinstance(model, Sequential) and model.functional is None and not model.built:
            # Built on the first batch before the loss is computed: checked once it is (after_build).
            self.losses_after_build.append((model, method, y, label, batch_size, weights, metrics_first))
            return []
        if shapes is None or len(shapes) != len(targets):
            return []
        problems = []
        for index, (target, shape) in enumerate(zip(targets, shapes)):
            if not isinstance(target, ArraySpec):
                continue
            loss = model.compile_loss
            if isinstance(loss, (list, tuple)) and len(loss) == len(shapes):
                loss = loss[index]
            elif isinstance(loss, (list, tuple, dict)):
                continue  # keyed by output names, or of another length: not followed here
            metric = data_checks.metric_problem(model.compile_metrics, target, shape, batch_size) \
                if len(shapes) == 1 and metrics_first else None
            if metric is not None:
                problems.append(data_checks.DataProblem(
                    "data-metric",
                    f"{method}(): the metric {metric[0]} cannot compare {data_checks.source(0)} with the model's "
                    f"output of shape {data_checks.format_data_shape(shape)}. Keras: {metric[1]}",
                    ((label, target),),
                ))
                continue  # (Keras builds the metrics first: theirs is the error it raises)
            keras = data_checks.loss_problem(loss, target, shape, batch_size)
            if keras is not None:
                problems.append(data_checks.DataProblem(
                    "data-loss",
                    f"{method}(): the loss cannot compare {data_checks.source(0)} with the model's output of shape "
                    f"{data_checks.format_data_shape(shape)}. Keras: {keras}",
                    ((label, target),),
                ))
            elif weights is not None and len(shapes) == 1 and _unmasked(model):
                keras = data_checks.loss_problem(loss, target, shape, batch_size, weights[1])
                if keras is not None:
                    problems.append(data_checks.DataProblem(
                        "data-sample-weight",
                        f"{method}(): {data_checks.source(0)} cannot weight the loss values of {data_checks.source(1)} "
                        f"against the model's output of shape {data_checks.format_data_shape(shape)} (one weight per "
                        f"sample, or per timestep of a sequence output). Keras: {keras}",
                        (weights, (label, target)),
                    ))
        return problems

    def data_problems(self, model: Model, method: str, given: dict[str, Any], shown: dict[str, str]
                      ) -> list[data_checks.DataProblem]:
        x = given.get("x")
        inputs = _model_inputs(model)
        if isinstance(x, DatasetValue):
            problems = data_checks.check_dataset_arguments(
                method, given.get("y") is not None, given.get("validation_split"),
                "PyDataset" if isinstance(x, PyDatasetValue) else "tf.data.Dataset")
            if problems:
                return problems
            class_weight = given.get("class_weight")
            if method == "fit" and type(x) is DatasetValue and isinstance(class_weight, dict) and isinstance(
                    x.element, tuple) and len(x.element) == 2:
                targets = x.element[1]
                nested = isinstance(targets, (tuple, list, dict))
                if nested or isinstance(targets, ArrayValue):
                    problem = data_checks.check_dataset_class_weight(class_weight, nested)
                    if problem is not None:
                        return [problem]
            structure = _specs(_features(x.element))
            label = f"the batches of {shown.get('x', 'the PyDataset')}" if isinstance(x, _GeneratedPyDataset) else \
                "the batches the generator yields" if isinstance(x, _Generated) else \
                f"the elements of {shown.get('x', 'the dataset')}"
            if inputs is None:
                return []
            problems = data_checks.check_inputs(method, structure, inputs, "x", None, label, dataset=True)
            if not problems and isinstance(model, Sequential) and isinstance(structure, ArraySpec):
                adjusted = _adjusted(structure, inputs.shapes[0])
                problem = data_checks.check_sequential_layers(method, adjusted, model.layer_list(), None, label) \
                    if adjusted else None
                if problem is not None:
                    problems.append(problem)
            outputs = _output_count(model)
            if isinstance(x, _Generated) and not problems and outputs is not None and model.compiled and \
                    method in _LOSS_METHODS and _targets(x.element) is not None and \
                    not _unknown_structure(_targets(x.element), True):
                target = data_checks.check_target_structure(method, _specs(_targets(x.element)), outputs,
                                                            model.compile_loss)
                if target is not None:
                    return [target]
            if not problems and type(x) is DatasetValue and isinstance(x.element, ArrayValue):
                missing = _missing_targets(model, method)  # (elements of one array: inputs only)
                if missing is not None:
                    return [missing]
            targets = _specs(_targets(x.element))
            if isinstance(targets, ArraySpec):  # a batch dimension tf.data leaves to the data (None): unknown
                targets = replace(targets, shape=tuple(UNKNOWN if d is None else d for d in targets.shape))
            if not problems and model.compiled and method in _LOSS_METHODS and isinstance(targets, ArraySpec):
                # A Sequential's one output, or a functional model's, against the dataset's labels.
                batch = targets.shape[0] if targets.shape and type(targets.shape[0]) is int else UNKNOWN
                problems += self.loss_problems(model, method, targets, f"the labels of {shown.get('x', 'the dataset')}",
                                               batch, metrics_first=not model.metrics_built)
            return problems or self.validation_problems(method, given, inputs, shown)
        x_specs, y_specs = _specs(x), _specs(given.get("y"))
        if x is None:
            return []
        if method not in _ON_BATCH:
            # Python values in x, where x is data of Python's or NumPy's (not a dataset, generator or
            # adapter of its own); in y or the sample weights whatever data x is (no adapter that
            # takes targets takes them, and the others refuse targets given apart).
            plain_x = isinstance(x, (ArrayValue, TableValue, list, tuple)) or _is_python_value(x)
            found = [(name, kind) for name in ("x", "y", "sample_weight") if plain_x or name != "x"
                     for kind in _python_values(given.get(name))]
            if found and (plain_x or is_data(x)):
                return [data_checks.check_python_values(method, found, given.get("validation_split"))]
        split = given.get("validation_split")
        first = x[0] if isinstance(x, (list, tuple)) and x else x
        if method == "fit" and given.get("validation_data") is None and isinstance(first, ArrayValue) and first.shape:
            problem = data_checks.check_validation_split(first.shape[0], split)
            if problem is not None:
                label = shown.get("x", "x") if first is x else "x"
                return [replace(problem, sources=((label, first.spec),))]
        if method == "fit" and isinstance(given.get("class_weight"), dict) and isinstance(
                x, (ArrayValue, TableValue, list, tuple)):
            # (a sample_weight that may be None at run time proves nothing: not an array known to be given)
            problem = data_checks.check_class_weight(given.get("y"), isinstance(
                given.get("sample_weight"), (ArrayValue, TableValue, list, tuple)))
            if problem is not None:
                y = given.get("y")
                return [replace(problem, sources=((shown.get("y", "y"), y.spec),))
                        if isinstance(y, ArrayValue) else problem]
        # What x is not known to be leaves its own checks out; the targets still meet the loss.
        x_known = not _unknown_structure(x)
        problems: list[data_checks.DataProblem] = []
        if x_known:
            named = [("x", x_specs), ("y", y_specs)]
            if "sample_weight" in given:
                named.append(("sample_weight", _specs(given["sample_weight"])))
            if split is None or type(split) in (int, float) and not split:
                cardinality = data_checks.check_cardinality(method, named, shown)
                if cardinality is not None:
                    problems.append(cardinality)
            if not problems:
                # (a validation split converts the arrays too, before it splits them; a model with
                # an input of strings, a StringLookup's, may be fed arrays of Python strings on
                # purpose: the TensorFlow backend takes them)
                dtypes = data_checks.check_dtypes(method, named, shown, method in _ON_BATCH,
                                                  objects_allowed=_takes_strings(model))
                if dtypes is not None:
                    return [dtypes]  # Keras raises converting the data, before any model sees it
        if method in _ON_BATCH and inputs is not None and inputs.functional and isinstance(x, (list, tuple)):
            numbers = _python_values(x)
            if numbers and len(numbers) == len(data_checks.leaves(x)) and "str" not in numbers:
                # A list of Python numbers reaches the model's call as it is: a structure of
                # scalars, whose first enters the first input (Keras warns of the structure).
                keras = data_checks.input_problem((), inputs.shapes[0], 0, inputs.names[0], inputs.model_name, False)
                if keras is not None:
                    return [data_checks.DataProblem(
                        "data-shape",
                        f"{method}(): {shown.get('x', 'x')}, a list of Python numbers, reaches model "
                        f"{data_checks.quote(inputs.model_name)} as a structure of scalars, the first of which cannot "
                        f"enter its input of shape {data_checks.format_data_shape(inputs.shapes[0])} (pass "
                        f"np.array(...)). Keras: {keras}",
                    )]
        if inputs is not None and x_known:
            problems += _batch_against_inputs(model, method, x_specs, inputs, _batch(method, given), shown.get("x"),
                                              inputs.functional and method in data_checks.SPEC_CHECKED)
            if not problems and isinstance(x_specs, ArraySpec) and len(inputs.shapes) == 1:
                stateful = data_checks.check_stateful_batches(method, x_specs, model.layer_list(), _batch(method, given),
                                                              shown.get("x", "x"), whole=method in _ON_BATCH)
                problems += [stateful] if stateful is not None else []
        elif inputs is not None and not problems and method in ("fit", "evaluate", "predict"):
            problems += _list_of_samples(method, x, inputs, shown.get("x", "x"))
        outputs = _output_count(model)
        if not problems and given.get("y", None) is None and isinstance(x, ArrayValue):
            missing = _missing_targets(model, method)
            if missing is not None:
                problems.append(missing)
        if given.get("y") is not None and outputs is not None and not _unknown_structure(given.get("y"), True):
            target = data_checks.check_target_structure(method, y_specs, outputs, model.compile_loss)
            if target is not None:
                problems.append(target)
            elif model.compiled and method in _LOSS_METHODS and not problems:
                # (the model runs on x before the loss: an error there is the one Keras raises)
                problems += self.loss_problems(model, method, y_specs, shown.get("y", "y"), _batch_size(method, given),
                                               _weights(given, shown), x_specs, not model.metrics_built)
        elif (
            isinstance(model, Sequential) and model.compiled and method in _LOSS_METHODS
            and isinstance(y_specs, ArraySpec) and not problems
        ):
            # A Sequential's one output against one array of targets (their structure is not checked).
            problems += self.loss_problems(model, method, y_specs, shown.get("y", "y"), _batch_size(method, given),
                                           _weights(given, shown), x_specs, not model.metrics_built)
        if not problems and method in _LOSS_METHODS and model.compiled:
            problems += self.label_range_problems(model, method, given.get("y"), shown.get("y", "y"))
        # (the training data checked raises nothing only where everything it needs is known)
        trained = not problems and x_known and _training_checked(model, given)
        return problems + self.validation_problems(method, given, inputs, shown, model, not trained)

    def validation_problems(self, method: str, given: dict[str, Any], inputs: Any, shown: dict[str, str],
                            model: Model | None = None, trained_raised: bool = True) -> list[data_checks.DataProblem]:
        """``fit(validation_data=...)``: arrays (their sample counts, each against its input) or a
        dataset (its elements against the inputs), whatever the training data is; once training
        is known to raise nothing (``trained_raised`` False), the validation targets against the
        compiled loss of ``model``."""
        problems: list[data_checks.DataProblem] = []
        validation = given.get("validation_data")
        if method == "fit" and isinstance(validation, tuple) and len(validation) == 1 and isinstance(
                validation[0], ArrayValue) and not trained_raised and model is not None and _validates(given):
            # ``(x_val,)``: Keras unpacks it as inputs without targets, which the loss meets.
            missing = _missing_targets(model, "evaluate", "fit() is given validation data without targets "
                                                          "((x_val,) unpacks as inputs only)")
            if missing is not None:
                problems.append(missing)
            return problems
        if method == "fit" and isinstance(validation, tuple) and len(validation) in (2, 3):
            vx, vy = _specs(validation[0]), _specs(validation[1])
            if not _unknown_structure(validation[0]):
                cardinality = data_checks.check_cardinality(
                    method, [("x", vx), ("y", vy)],
                    {k: v for k, v in (("x", shown.get("validation_data[0]")), ("y", shown.get("validation_data[1]")))
                     if v is not None})
                if cardinality is not None:
                    problems.append(cardinality)
                if inputs is not None:
                    problems += data_checks.check_inputs(method, vx, inputs, "validation_data", _batch(method, given),
                                                         shown.get("validation_data[0]"), spec_check=False)
            if not problems and not trained_raised and model is not None and model.compiled and isinstance(
                    vy, ArraySpec) and not _unknown_structure(validation[0]) and _validates(given):
                # The first epoch trained: the validation targets meet the loss at its end.
                size = given.get("validation_batch_size") or given.get("batch_size")
                problems += self.loss_problems(model, method, vy, shown.get("validation_data[1]", "validation_data[1]"),
                                               size, x=vx, metrics_first=False)
        elif method == "fit" and isinstance(validation, DatasetValue) and inputs is not None:
            problems += data_checks.check_inputs(method, _specs(_features(validation.element)), inputs,
                                                 "validation_data", None, shown.get("validation_data"),
                                                 spec_check=False, dataset=True)
        return problems


def _weights(given: dict[str, Any], shown: dict[str, str]) -> tuple[str, ArraySpec] | None:
    """The ``sample_weight`` array given with the targets, with its label; None for anything else
    (no weights, a structure of them, weights that may be None at run time)."""
    weights = given.get("sample_weight")
    if not isinstance(weights, ArrayValue) or isinstance(weights, PythonNumber):
        return None
    return shown.get("sample_weight", "sample_weight"), weights.spec


def _validates(given: dict[str, Any]) -> bool:
    """``fit`` runs its validation at the end of the first epoch it trains: it trains one
    (``epochs`` at least 1, from epoch 0) and validates after it (``validation_freq`` 1)."""
    epochs, freq, initial = given.get("epochs", 1), given.get("validation_freq", 1), given.get("initial_epoch", 0)
    return type(epochs) is int and epochs >= 1 and type(freq) is int and freq == 1 and type(initial) is int and \
        initial == 0


def _training_checked(model: Model, given: dict[str, Any]) -> bool:
    """Whether the checks of the training data could have proven its errors: its targets are
    arrays, the model's outputs and inputs known (else training may raise first, and what
    validation raises is never reached)."""
    return isinstance(given.get("y"), ArrayValue) and _output_shapes(model) is not None and \
        _model_inputs(model) is not None


def _adjusted(spec: ArraySpec, ref: Any) -> ArraySpec | None:
    """``Functional._adjust_input_rank``: the data with a last axis of 1 added or squeezed to the
    model input's rank; None where that is not known."""
    shape = spec.shape
    if not isinstance(shape, tuple) or not isinstance(ref, tuple):
        return None
    if len(shape) == len(ref):
        return spec
    if len(shape) == len(ref) + 1 and type(shape[-1]) is int and shape[-1] == 1:
        return replace(spec, shape=shape[:-1])
    if len(shape) == len(ref) - 1 and type(ref[-1]) is int and ref[-1] == 1:
        return replace(spec, shape=(*shape, 1))
    return None


def _indices(items: list) -> bool:
    """A non-empty list of Python ints, known or drawn (not bools: a mask)."""
    return bool(items) and not contents_unknown(items) and all(
        type(i) is int or isinstance(i, PythonNumber) and i.type_name == "int" for i in items)


def _features(element: Any) -> Any:
    """The inputs part of a dataset element: ``x`` of ``(x, y)`` or ``(x, y, sample_weight)``."""
    if isinstance(element, tuple) and len(element) in (1, 2, 3):
        return element[0]
    return element


_UNKNOWN_SLICE = slice(None)  # a slice one of whose bounds is not known (compared by identity)


def _sliced(array: ArrayValue, parts: list[Any]) -> Any:
    """``array[a:b, i]`` with a bound not known: each slice keeps its axis, of a size unknown
    where a bound or the axis's size is; each integer takes its axis away.  Other keys: inert."""
    shape = array.shape
    if len(parts) > len(shape) or not all(type(p) in (int, slice) for p in parts):
        return INERT
    dims: list[Any] = []
    for part, dim in zip(parts, shape):
        if type(part) is int:
            if type(dim) is int and not -dim <= part < dim:
                return INERT  # NumPy raises: out of bounds
        elif part is _UNKNOWN_SLICE or type(dim) is not int:
            dims.append(UNKNOWN)
        else:
            dims.append(len(range(*part.indices(dim))))
    return ArrayValue((*dims, *shape[len(parts):]), array.dtype, array.origin)


def _targets(element: Any) -> Any:
    """The targets part of a dataset element: ``y`` of ``(x, y)`` or ``(x, y, sample_weight)``."""
    return element[1] if isinstance(element, tuple) and len(element) in (2, 3) else None


def _label(node: Any, parameter: str, parameters: tuple[str, ...]) -> str:
    """The source text of a call's argument when it is a name (``x_train``), else the parameter."""
    for position, arg in enumerate(node.args if isinstance(node, cst.Call) else ()):
        key = arg.keyword.value if arg.keyword is not None else (
            parameters[position] if position < len(parameters) else None)
        if key == parameter and isinstance(arg.value, (cst.Name, cst.Attribute)):
            return _dotted(arg.value)
    return parameter


def _quoted(name: Any) -> str:
    return "?" if name is UNKNOWN else f"'{name}'"


def _dotted(node: Any) -> str:
    if isinstance(node, cst.Name):
        return node.value
    if isinstance(node, cst.Attribute):
        return f"{_dotted(node.value)}.{node.attr.value}"
    return "?"


def _outputs_for(model: Model, x: Any, shapes: list[Any]) -> list[Any]:
    """``shapes`` (the model's outputs) with each axis left to the data (None) sized as a batch of
    ``x`` (the data's ArraySpec) makes it, running the graph of a model of one input of that rank
    on it; as they are where that is not known or raises (the input checks say why).  A
    Sequential checks no input spec: on data whose axes are not those of its input (61
    timesteps into an LSTM built for 973), or not known, its layers run on the data's shape, and
    the outputs are what they make of it (unknown where that is not known)."""
    functional = model.functional if isinstance(model, Sequential) else model
    ref = functional.inputs[0].shape if len(functional.inputs) == 1 else None
    if not isinstance(ref, tuple):
        return shapes
    if isinstance(model, Sequential):
        adjusted = _adjusted(x, ref) if isinstance(x, ArraySpec) else None
        if adjusted is not None and type(adjusted.shape) is tuple:
            data = adjusted.shape
        else:  # data of a shape not known: of any sizes the model's layers take
            data = (None,) + tuple(UNKNOWN if type(r) is int else r for r in ref[1:])
        unchecked = any(type(r) is int and not (type(d) is int and d == r) for r, d in zip(ref[1:], data[1:]))
    elif isinstance(x, ArraySpec) and isinstance(x.shape, tuple) and len(x.shape) == len(ref):
        data, unchecked = x.shape, False
    else:
        return shapes
    if not unchecked and not any(isinstance(s, tuple) and any(d is None for d in s[1:]) for s in shapes):
        return shapes
    unknown = [UNKNOWN] * len(shapes)
    try:
        found = functional.compute_output_shape((None, *data[1:]), check_inputs=not unchecked)
    except Exception:  # noqa: BLE001  (the model raises on it, or its shape is not decided)
        return unknown if unchecked else shapes
    found = [found] if len(shapes) == 1 else found
    if not isinstance(found, (list, tuple)) or len(found) != len(shapes):
        return unknown if unchecked else shapes
    if unchecked:
        return [(static[0],) + tuple(batch[1:]) if isinstance(static, tuple) and isinstance(batch, tuple) else UNKNOWN
                for static, batch in zip(shapes, found)]
    merged = []
    for static, batch in zip(shapes, found):
        if isinstance(static, tuple) and isinstance(batch, tuple) and len(static) == len(batch):
            static = (static[0],) + tuple(b if d is None and type(b) is int else d for d, b in zip(static[1:], batch[1:]))
        merged.append(static)
    return merged


def _missing_targets(model: Model, method: str, given: str | None = None) -> data_checks.DataProblem | None:
    """Data without targets (no ``y``; a dataset of inputs only) for a model compiled with a
    built-in loss: ``CompileLoss`` converts the missing labels, None, to a tensor (JAX's error).
    Where the compiled metrics are built on this batch first, they raise otherwise: not claimed."""
    if method not in _LOSS_METHODS or not model.compiled or not isinstance(model.compile_loss, LossSpec):
        return None
    if _output_shapes(model) is None:
        return None  # a model of the user's class (its train_step may need no labels)
    if model.compile_metrics and not model.metrics_built:
        return None
    given = given or f"{method}() is given no targets (no `y`, or a dataset of inputs only)"
    return data_checks.DataProblem(
        "data-targets",
        f"{given}, but the model was compiled with a loss, which compares targets with its outputs. "
        "Keras: None is not a valid value for jnp.array",
    )


def _unmasked(model: Model) -> bool:
    """Every output of the model is known to carry no mask (which would reweight the loss values)."""
    functional = model.functional if isinstance(model, Sequential) else model
    if not isinstance(functional, Functional) or functional.call_overridden or functional.subclass_instance:
        return False
    return all(isinstance(t, KerasTensor) and t.mask is None for t in functional.outputs)


def _output_shapes(model: Model) -> list[Any] | None:
    functional = model.functional if isinstance(model, Sequential) else model
    if not isinstance(functional, Functional) or functional.call_overridden or functional.subclass_instance:
        return None
    return [t.shape if isinstance(t, KerasTensor) else UNKNOWN for t in functional.outputs]


# TensorFlow's dtypes for Python numbers (NumPy's are 64-bit).
_TF_DEFAULT_DTYPES = {"float64": "float32", "int64": "int32"}


def _tensor_of(value: Any, dtype: Any, node: Any) -> Any:
    """``tf.constant(value)`` / ``tf.convert_to_tensor(value)``: a tensor of the array's shape and
    dtype; of a Python list, of its shape, with TensorFlow's dtypes for Python numbers."""
    if isinstance(value, ArrayValue):
        array = value
    elif isinstance(value, (list, tuple)):
        array = numpy_data.numpy_call("array", [value], {}, node)
        if not isinstance(array, ArrayValue):
            return INERT
        dtype_found = array.dtype
        if isinstance(dtype_found, str) and dtype_found.startswith("<U"):
            dtype_found = "string"  # TensorFlow's strings, which Keras takes where its backend does
        array = ArrayValue(array.shape, _TF_DEFAULT_DTYPES.get(dtype_found, dtype_found), array.origin)
    else:
        return INERT
    if dtype is not None:
        return ArrayValue(array.shape, numpy_data.dtype_name(dtype), array.origin)
    return array


class _Generated(DatasetValue):
    """The data a generator gives ``fit``: its first element, whose lists Keras keeps as the
    structures they are (``yield [x1, x2], y``: two inputs)."""

    __slots__ = ()


class _GeneratedPyDataset(_Generated, PyDatasetValue):
    """The first batch of the analysed code's PyDataset, as ``fit`` takes it."""

    __slots__ = ()


def _map_arrays(element: Any, function: Any) -> Any:
    """``element`` with ``function`` applied to each of its arrays (in tuples, lists, dicts)."""
    if isinstance(element, ArrayValue):
        return function(element)
    if isinstance(element, (tuple, list)):
        return type(element)(_map_arrays(e, function) for e in element)
    if isinstance(element, dict):
        return {k: _map_arrays(v, function) for k, v in element.items()}
    return element


def _yielded(value: Any) -> Any:
    """A generator's element as Keras unpacks it (``unpack_x_y_sample_weight``: a list is a tuple
    of x, y and sample weights), of arrays in lists, tuples and dicts; UNKNOWN where not known."""
    if isinstance(value, list) and not contents_unknown(value):
        value = tuple(value)
    return _element(value, python=True)


def _element(value: Any, python: bool = False) -> Any:
    """A dataset element from what a mapped function returned (tf.data makes a list one tensor:
    not followed); ``python``: what a generator yielded, whose lists Keras keeps as structures,
    wholly UNKNOWN unless every leaf is an array (an unknown one may hide several)."""
    if isinstance(value, ArrayValue):
        return value
    if isinstance(value, tuple) or python and isinstance(value, list) and not contents_unknown(value):
        items = [_element(v, python) for v in value]
        return UNKNOWN if python and any(item is UNKNOWN for item in items) else type(value)(items)
    if isinstance(value, dict) and all(isinstance(k, str) for k in value):
        found = {k: _element(v, python) for k, v in value.items()}
        return UNKNOWN if python and any(item is UNKNOWN for item in found.values()) else found
    return UNKNOWN


def _specs(value: Any) -> Any:
    """The ArraySpec structure of data given to a model: arrays, lists, tuples and dicts of them;
    UNKNOWN for anything else."""
    if _is_python_value(value):
        return data_checks.PythonValue(_python_type(value))
    if isinstance(value, ArrayValue):
        return value.spec
    if isinstance(value, ItemsArray):
        return value.view.spec  # (with no item, Keras raises anyway)
    if isinstance(value, TableValue):
        # Keras slices a DataFrame or a Series as it is and takes each batch as the array of its
        # values, a Series's with a last axis of 1 (``keras.src.trainers.data_adapters.array_slicing``).
        array = pandas_data.as_array(value)
        return array.spec if value.rank == pandas_data.FRAME else replace(array.spec, shape=(UNKNOWN, 1))
    if isinstance(value, (list, tuple)):
        return type(value)(_specs(v) for v in value)
    if isinstance(value, dict):
        return {k: _specs(v) for k, v in value.items()}
    return UNKNOWN


# Python values that are no arrays (a NumPy number kerascheck computed may stand for one of
# NumPy's types, which Keras 3 refuses as data too).
_PYTHON_SCALARS = (int, float, bool, str)


def _is_python_value(value: Any) -> bool:
    """A Python number or string, known or not (:class:`PythonNumber`)."""
    return type(value) in _PYTHON_SCALARS or isinstance(value, PythonNumber)


def _python_type(value: Any) -> str:
    return value.type_name if isinstance(value, PythonNumber) else type(value).__name__


def _python_values(value: Any) -> list[str]:
    """The types of the Python numbers and strings among the leaves of data whose every leaf is
    known (an array, a table or such a value); [] otherwise."""
    if _is_python_value(value):
        return [_python_type(value)]
    if isinstance(value, (ArrayValue, TableValue)):
        return []
    like = items_like(value)
    if like is not None and (_is_python_value(like) or type(like) in (list, tuple) and not contents_unknown(like)):
        # Any number of items like one: with none, Keras raises too (on an empty structure).
        return _python_values(like)
    if isinstance(value, (list, tuple)) and not contents_unknown(value):
        found = [_python_values(v) for v in value]
        known = all(f or isinstance(v, (ArrayValue, TableValue, list, tuple)) for f, v in zip(found, value))
        return [t for f in found for t in f] if known else []
    return []


def _list_of_samples(method: str, x: Any, inputs: data_checks.ModelInputs, label: str
                     ) -> list[data_checks.DataProblem]:
    """A Python list of any number of arrays like one (:class:`ItemsLike`: images a loop read)
    given to a model of one input: Keras takes a list as one array per input, so the input gets
    the first item, whose first axis it takes as the samples. Where that item cannot enter the
    input, Keras raises whatever the number of items (with more than one, the model also gets
    inputs it does not have; with none, Keras raises on the empty data)."""
    like = items_like(x)
    if type(like) is not ArrayValue or not like.shape or len(inputs.shapes) != 1 or \
            not isinstance(inputs.shapes[0], tuple):
        return []
    keras = data_checks.input_problem((UNKNOWN, *like.shape[1:]), inputs.shapes[0], 0, inputs.names[0],
                                      inputs.model_name, inputs.functional and method in data_checks.SPEC_CHECKED)
    if keras is None:
        return []
    return [data_checks.DataProblem(
        "data-shape",
        f"{method}(): {label}, a Python list of arrays each {like.spec.describe()}, reaches model "
        f"{data_checks.quote(inputs.model_name)} as one array per input: its one input gets the first, whose "
        f"first axis Keras takes as the samples (stack the list: np.array(...)). Keras: {keras}",
        sources=((label, like.spec),),
    )]


def _unknown_structure(value: Any, python_values: bool = False) -> bool:
    """Data whose structure (one array, how many in a list) is not known; ``python_values``:
    Python numbers and strings count as leaves of a known structure (targets, which Keras pairs
    with the outputs as they are)."""
    if _is_python_value(value):
        return not python_values
    if isinstance(value, (ArrayValue, TableValue, ItemsArray)):
        return False
    if isinstance(value, (list, tuple)) and not contents_unknown(value):
        return any(not (python_values if _is_python_value(v) else isinstance(v, ArrayValue)) for v in value)
    if isinstance(value, dict) and not contents_unknown(value):  # arrays by name
        return not all(isinstance(k, str) and isinstance(v, (ArrayValue, TableValue)) for k, v in value.items())
    return True


def _batch(method: str, given: dict[str, Any]) -> Any:
    if method in _ON_BATCH:
        return None  # the whole array is the batch
    size = given.get("batch_size")
    return data_checks.DEFAULT_BATCH_SIZE if size is None else size if type(size) is int else None


def _batch_against_inputs(model: Model, method: str, x: Any, inputs: data_checks.ModelInputs, batch: Any,
                          shown: str | None, spec_checked: bool) -> list[data_checks.DataProblem]:
    """A batch of ``x`` against the model's inputs (their spec too where ``spec_checked``: a
    functional model's fit, or its direct call); where no spec is checked (a Sequential, predict)
    the batch reaches the layers, and the first that cannot take it raises."""
    found = data_checks.check_inputs(method, x, inputs, "x", batch, shown, spec_check=spec_checked)
    if found or spec_checked or not isinstance(x, ArraySpec):
        return found
    layers = model.layer_list() if isinstance(model, Sequential) else _linear_prefix(model)
    adjusted = _adjusted(x, inputs.shapes[0])
    problem = data_checks.check_sequential_layers(method, adjusted, layers, batch, shown or "x") \
        if adjusted and layers else None
    return [problem] if problem is not None else []


def _first_layers(model: Model) -> list[Any]:
    """The layers that may declare a model's one input: a Sequential's InputLayer and first layer
    (``input_shape=``), a functional model's input layer."""
    if isinstance(model, Sequential):
        return model.stack[:2]
    if isinstance(model, Functional) and len(model.inputs) == 1 and isinstance(model.inputs[0], KerasTensor):
        return [model.inputs[0].layer]
    return []


def _model_inputs(model: Model) -> data_checks.ModelInputs | None:
    """The model's inputs as Keras checks data against them; None where that is not followed."""
    functional = model.functional if isinstance(model, Sequential) else model
    if not isinstance(functional, Functional) or functional.call_overridden or functional.subclass_instance:
        return None
    if isinstance(functional.inputs_structure, dict):
        return None
    tensors = functional.inputs
    if not all(isinstance(t, KerasTensor) and isinstance(t.shape, tuple) for t in tensors):
        return None
    names = tuple(t.layer.name if t.layer is not None else UNKNOWN for t in tensors)
    return data_checks.ModelInputs(model.name, names, tuple(t.shape for t in tensors), not isinstance(model, Sequential))


def _takes_strings(model: Model) -> bool:
    """A model with an input of strings (``keras.Input(dtype="string")``), or one whose inputs are
    not known: strings given to it may be its data (the TensorFlow backend takes them)."""
    functional = model.functional if isinstance(model, Sequential) else model
    if not isinstance(functional, Functional):
        return not isinstance(model, Sequential)
    return any(not isinstance(t, KerasTensor) or t.dtype is not None and (not isinstance(t.dtype, str)
                                                                         or t.dtype == "string")
               for t in functional.inputs)  # (None: Keras's floatx)


def _batch_size(method: str, given: dict[str, Any]) -> Any:
    """The batch size the loss first sees: ``fit``'s and ``evaluate``'s argument (None: their default);
    UNKNOWN for the ``*_on_batch`` methods, which take the whole array."""
    return given.get("batch_size") if method in ("fit", "evaluate") else UNKNOWN


def _linear_prefix(model: Model) -> list[Any]:
    """The layers a functional model's one input goes through one after the other, as long as
    each tensor on the way is the only input of the only call that takes it (what runs first
    on the data, as in a Sequential); [] where that is not known."""
    if not isinstance(model, Functional) or model.call_overridden or model.subclass_instance or len(model.inputs) != 1:
        return []
    nodes = [node for depth in sorted(model.nodes_by_depth, reverse=True) for node in model.nodes_by_depth[depth]]
    chain: list[Any] = []
    tensor = model.inputs[0]
    while len(chain) < len(nodes):
        takers = [node for node in nodes if any(t is tensor for t in node.inputs)]
        if len(takers) != 1 or len(takers[0].inputs) != 1 or len(takers[0].outputs) != 1:
            break
        chain.append(takers[0].layer)
        tensor = takers[0].outputs[0]
    return chain


def _output_count(model: Model) -> int | None:
    """A model's number of outputs: a functional model's; a Sequential's one (Keras refuses a
    layer of several outputs in it, and refuses targets of another structure: rule examples of
    KC405)."""
    if isinstance(model, Sequential):
        return 1
    functional = model
    if not isinstance(functional, Functional) or functional.call_overridden or functional.subclass_instance:
        return None
    if isinstance(functional.outputs_structure, dict):
        return None
    return len(functional.outputs)


def spec_of(value: Any) -> ArraySpec | None:
    """The ArraySpec of a value, for hovers."""
    return value.spec if isinstance(value, ArrayValue) else None
