"""Keras's ``ImageDataGenerator`` (``keras.preprocessing.image``: deprecated in Keras 3, and still
what most projects' image pipelines are written with), followed to the batches its iterators give
``fit``, ``evaluate`` and ``predict``.

* ``flow(x, y)``: batches of ``x``'s images, converted to the generator's dtype (float32 unless
  ``dtype=`` says otherwise), with the rows of ``y`` as they are (and of ``sample_weight``).
  Keras refuses images that are not of rank 4, here and in ``fit(x)``.
* ``flow_from_directory`` / ``flow_from_dataframe``: images of ``target_size`` (256×256 unless
  given) with the channels of ``color_mode``, labels per ``class_mode``: one-hot rows of as many
  classes as the directory has (unknown unless ``classes=[...]`` lists them) for "categorical",
  one float per image for "binary" and "sparse", the images themselves for "input", none for
  None; "raw" and "multi_output" are the user's columns, not followed.

The iterators are ``keras.utils.PyDataset`` objects: ``fit`` refuses ``y`` and
``validation_split`` beside one, as it does beside a ``tf.data.Dataset``. Shapes as
``keras/src/legacy/preprocessing/image.py`` makes them (the fixtures of ``fixtures/data/``
whose names start with ``image_data_generator`` are recorded from Keras).
"""

from __future__ import annotations

from typing import Any

from kerascheck.engine.data_checks import DataProblem, format_data_shape
from kerascheck.engine.dims import UNKNOWN
from kerascheck.frontend.numpy_data import NOT_MODELLED, dtype_name, made_by
from kerascheck.frontend.values import INERT, ArrayValue, DataMethod, ImageGenerator, PyDatasetValue

# The generator's methods followed; the others (``standardize``, ``apply_transform``…) are data.
METHODS = frozenset({"flow", "flow_from_directory", "flow_from_dataframe", "fit", "standardize",
                     "random_transform"})
_CHANNELS = {"rgb": 3, "rgba": 4, "grayscale": 1}
_CLASS_MODES = frozenset({"categorical", "binary", "sparse", "input", None})

# Parameters that may be given by position, in order.
_FLOW = ("x", "y", "batch_size", "shuffle", "sample_weight")
_FROM_DIRECTORY = ("directory", "target_size", "color_mode", "classes", "class_mode", "batch_size")
_FROM_DATAFRAME = ("dataframe", "directory", "x_col", "y_col", "weight_col", "target_size", "color_mode", "classes",
                   "class_mode", "batch_size")


def image_data_generator(args: list[Any], kwargs: dict[str, Any]) -> Any:
    """``ImageDataGenerator(...)``: the generator, with the arguments that shape its batches."""
    if args:
        return INERT  # (every argument is given by keyword in practice)
    return ImageGenerator(dict(kwargs))


def generator_attribute(generator: ImageGenerator, attr: str) -> Any:
    return DataMethod(generator, attr) if attr in METHODS else INERT


def generator_method(generator: ImageGenerator, name: str, args: list[Any], kwargs: dict[str, Any], node: Any,
                     report: Any) -> Any:
    """A method of the generator: the iterator ``flow*`` makes; ``report(problem)`` takes what
    Keras raises at the call itself."""
    dtype = generator.kwargs.get("dtype")
    dtype = "float32" if dtype is None else dtype_name(dtype)
    data_format = generator.kwargs.get("data_format")
    if data_format is not None and not isinstance(data_format, str):
        return INERT  # a data format read at run time
    channels_first = data_format == "channels_first"
    if name == "flow":
        given = _bound(_FLOW, args, kwargs)
        if given is None:
            return INERT
        return _flow(given, dtype, node, report)
    if name in ("flow_from_directory", "flow_from_dataframe"):
        given = _bound(_FROM_DIRECTORY if name == "flow_from_directory" else _FROM_DATAFRAME, args, kwargs)
        if given is None:
            return INERT
        y_col = given.get("y_col", "class")
        if name == "flow_from_dataframe" and given.get("class_mode", "categorical") == "categorical" and isinstance(
                y_col, list) and y_col and all(isinstance(c, str) for c in y_col):
            # DataFrameIterator._check_params: df[y_col].apply(isinstance str/list/tuple) runs per
            # column of several columns (each a Series), so it fails whatever they hold.
            report(DataProblem(
                "data-utility",
                f"flow_from_dataframe(): class_mode='categorical' takes one column of labels (y_col=\"labels\", each "
                f"a class name or a list of them); for one column per class, use class_mode='raw'. Keras: If "
                f'class_mode="categorical", y_col="{y_col}" column values must be type string, list or tuple.',
            ))
            return INERT
        return _from_files(name, given, dtype, channels_first, node)
    if name == "fit":
        x = args[0] if args else kwargs.get("x")
        if isinstance(x, ArrayValue) and len(x.shape) != 4:
            report(DataProblem("data-image-rank", "ImageDataGenerator.fit() takes images of rank 4 (samples, rows, "
                               "columns, channels). Keras: Input to `.fit()` should have rank 4. Got array with "
                               f"shape: {format_data_shape(x.shape)}", (("x", x.spec),)))
        return None
    if name in ("standardize", "random_transform"):
        x = args[0] if args else kwargs.get("x")
        return ArrayValue(x.shape, x.dtype, x.origin) if isinstance(x, ArrayValue) else INERT
    return NOT_MODELLED


def _bound(parameters: tuple[str, ...], args: list[Any], kwargs: dict[str, Any]) -> dict[str, Any] | None:
    if len(args) > len(parameters):
        return None
    given = dict(zip(parameters, args))
    given.update(kwargs)
    return given


def _flow(given: dict[str, Any], dtype: Any, node: Any, report: Any) -> Any:
    x, y, weights = given.get("x"), given.get("y"), given.get("sample_weight")
    if not isinstance(x, ArrayValue):
        return INERT  # (a tuple of images and other inputs is not followed)
    # (the batch size, even read at run time, changes only the batch axis, None here)
    if len(x.shape) != 4:
        report(DataProblem("data-image-rank", "ImageDataGenerator.flow() takes images of rank 4 (samples, rows, "
                           "columns, channels). Keras: Input data in `NumpyArrayIterator` should have rank 4. You "
                           f"passed an array with shape {format_data_shape(x.shape)}", (("x", x.spec),)))
        return INERT
    origin = made_by("flow", node)
    images = ArrayValue((None, *x.shape[1:]), dtype, x.origin or origin)
    if y is None:
        return PyDatasetValue(images, origin)
    if not isinstance(y, ArrayValue) or not y.shape or weights is not None and not (
            isinstance(weights, ArrayValue) and weights.shape):
        return PyDatasetValue((images, UNKNOWN), origin)
    labels = ArrayValue((None, *y.shape[1:]), y.dtype, y.origin)
    if weights is None:
        return PyDatasetValue((images, labels), origin)
    return PyDatasetValue((images, labels, ArrayValue((None, *weights.shape[1:]), weights.dtype, weights.origin)),
                          origin)


def _from_files(name: str, given: dict[str, Any], dtype: Any, channels_first: bool, node: Any) -> Any:
    """Images read from files, resized to ``target_size``, with labels per ``class_mode``."""
    size = given.get("target_size", (256, 256))
    mode = given.get("color_mode", "rgb")
    class_mode = given.get("class_mode", "categorical")
    if not (isinstance(size, (tuple, list)) and len(size) == 2 and all(type(d) is int for d in size)) or \
            not isinstance(mode, str) or mode not in _CHANNELS:
        return INERT  # (the batch size, even read at run time, changes only the batch axis, None here)
    origin = made_by(name, node)
    channels = _CHANNELS[mode]
    image = (channels, *size) if channels_first else (*size, channels)
    images = ArrayValue((None, *image), dtype, origin)
    if class_mode is None:
        return PyDatasetValue(images, origin)
    if not (class_mode is None or isinstance(class_mode, str)) or class_mode not in _CLASS_MODES:
        return PyDatasetValue(UNKNOWN, origin)  # "raw", "multi_output": the user's columns
    if class_mode == "input":
        labels: Any = images
    elif class_mode == "categorical":
        classes = given.get("classes")
        count = len(classes) if isinstance(classes, (list, tuple)) and classes else UNKNOWN
        labels = ArrayValue((None, count), dtype, origin)
    else:
        labels = ArrayValue((None,), dtype, origin)
    if name == "flow_from_dataframe" and given.get("weight_col") is not None:
        return PyDatasetValue((images, labels, ArrayValue((None,), UNKNOWN, origin)), origin)
    return PyDatasetValue((images, labels), origin)
