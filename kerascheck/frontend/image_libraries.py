"""PIL (Pillow) and OpenCV, as model files read and prepare images with them before ``predict``
or ``fit``: which axes the array of an image has is fixed by the image's mode (PIL) or the
flag it was read with (OpenCV), and its height and width by the last resize, whatever file it
came from. A file's own size and mode stay unknown.

- PIL: ``Image.open`` (mode and size not known), ``Image.fromarray`` (the mode Pillow gives the
  array's shape and dtype), ``Image.new``; ``convert``, ``resize``, ``crop``, ``rotate``,
  ``transpose``, ``copy``, ``thumbnail``; ``np.array(image)`` and ``img_to_array(image)``: a
  ``(height, width)`` array for the one-band modes, ``(height, width, bands)`` for the others
  (:data:`MODE_ARRAYS`, recorded from Pillow); ``keras.utils.array_to_img``.
- OpenCV: ``cv2.imread`` / ``cv2.imdecode`` (``(h, w, 3)`` in colour, the default, ``(h, w)`` in
  grey), ``cv2.resize`` to a given size (a channel axis of one is dropped, as OpenCV does),
  ``cv2.cvtColor`` (the target's channels), and the filters that keep an image's shape.

``tests/test_image_libraries.py`` holds each shape to the real libraries.
"""

from __future__ import annotations

import re
from typing import Any

from kerascheck.engine.dims import UNKNOWN
from kerascheck.frontend.keras_names import ModuleRef
from kerascheck.frontend.numpy_data import NOT_MODELLED, dtype_name, made_by
from kerascheck.frontend.values import INERT, ArrayValue, DataMethod, PilImage

# np.array(image) of each PIL mode: its bands (None: one, no channel axis) and dtype.
MODE_ARRAYS: dict[str, tuple[int | None, str]] = {
    "1": (None, "bool"), "L": (None, "uint8"), "P": (None, "uint8"), "I": (None, "int32"), "F": (None, "float32"),
    "I;16": (None, "uint16"), "LA": (2, "uint8"), "La": (2, "uint8"), "PA": (2, "uint8"), "RGB": (3, "uint8"),
    "YCbCr": (3, "uint8"), "LAB": (3, "uint8"), "HSV": (3, "uint8"), "RGBA": (4, "uint8"), "RGBa": (4, "uint8"),
    "RGBX": (4, "uint8"), "CMYK": (4, "uint8"),
}
# Image.fromarray: the mode Pillow gives an array, by its channels (None: 2-D) and dtype.
_ARRAY_MODES: dict[tuple[int | None, str], str] = {
    (None, "uint8"): "L", (None, "bool"): "1", (None, "int32"): "I", (None, "float32"): "F", (None, "float64"): "F",
    (None, "uint16"): "I;16", (2, "uint8"): "LA", (3, "uint8"): "RGB", (4, "uint8"): "RGBA",
}
PIL_METHODS = frozenset({"convert", "resize", "crop", "copy", "rotate", "transpose", "thumbnail", "save", "show",
                         "close", "load", "filter"})
# Image.transpose methods that swap width and height.
_SWAPPING = frozenset({"ROTATE_90", "ROTATE_270", "TRANSPOSE", "TRANSVERSE"})
# Keras's array_to_img: the mode of an array of 1, 3 or 4 channels.
_CHANNEL_MODES = {1: "L", 3: "RGB", 4: "RGBA"}

# cv2.imread's flags: colour (3 channels, whatever the file), grey (none); others not followed.
_IMREAD_FLAGS = {"cv2.IMREAD_COLOR": 3, "cv2.IMREAD_COLOR_BGR": 3, "cv2.IMREAD_COLOR_RGB": 3,
                 "cv2.IMREAD_GRAYSCALE": None, 1: 3, 0: None}
# cvtColor's target colour spaces: their channels (None: grey, no channel axis).
_COLOUR_SPACES = {"GRAY": None, "BGR": 3, "RGB": 3, "HSV": 3, "HSV_FULL": 3, "HLS": 3, "HLS_FULL": 3, "Lab": 3,
                  "LAB": 3, "Luv": 3, "LUV": 3, "YCrCb": 3, "YCR_CB": 3, "XYZ": 3, "YUV": 3, "BGRA": 4, "RGBA": 4}
_CONVERSION = re.compile(r"cv2\.COLOR_[A-Za-z]+2([A-Za-z_]+)")
# OpenCV functions whose result has their source's shape and dtype.
_SHAPE_KEEPING = frozenset({"GaussianBlur", "medianBlur", "blur", "bilateralFilter", "flip", "equalizeHist",
                            "bitwise_not"})


def _pixels(dim: Any) -> Any:
    return dim if type(dim) is int and dim >= 0 else UNKNOWN


def _size(value: Any) -> tuple | None:
    """A (width, height) argument: a pair, its sizes UNKNOWN where not known; None if not a pair."""
    if isinstance(value, (tuple, list)) and len(value) == 2:
        return (_pixels(value[0]), _pixels(value[1]))
    return None


def _mode(value: Any) -> Any:
    return value if isinstance(value, str) and value in MODE_ARRAYS else UNKNOWN


def pil_call(function: str, args: list[Any], kwargs: dict[str, Any], node: Any) -> Any:
    """``PIL.Image.<function>`` / ``PIL.ImageOps.<function>``; NOT_MODELLED for the others."""
    origin = made_by(function.rsplit(".", 1)[-1], node)
    if function == "PIL.Image.open":
        return PilImage(UNKNOWN, (UNKNOWN, UNKNOWN), origin)
    if function == "PIL.Image.new":
        size = _size(kwargs.get("size", args[1] if len(args) > 1 else None))
        return PilImage(_mode(kwargs.get("mode", args[0] if args else None)), size or (UNKNOWN, UNKNOWN), origin)
    if function == "PIL.Image.fromarray":
        array = kwargs.get("obj", args[0] if args else None)
        mode = kwargs.get("mode", args[1] if len(args) > 1 else None)
        if not isinstance(array, ArrayValue) or len(array.shape) not in (2, 3):
            return NOT_MODELLED
        height, width = array.shape[:2]
        if mode is None:
            channels = array.shape[2] if len(array.shape) == 3 else None
            mode = _ARRAY_MODES.get((channels, array.dtype)) if isinstance(array.dtype, str) and \
                (channels is None or type(channels) is int) else None
        return PilImage(_mode(mode), (_pixels(width), _pixels(height)), array.origin or origin)
    if function in ("PIL.ImageOps.grayscale", "PIL.ImageOps.fit") and args and isinstance(args[0], PilImage):
        image = args[0]
        if function.endswith("grayscale"):
            return PilImage("L", image.size, image.origin)
        size = _size(kwargs.get("size", args[1] if len(args) > 1 else None))
        return PilImage(image.mode, size or (UNKNOWN, UNKNOWN), image.origin)
    if function in ("PIL.ImageOps.mirror", "PIL.ImageOps.flip", "PIL.ImageOps.invert", "PIL.ImageOps.autocontrast",
                    "PIL.ImageOps.equalize") and args and isinstance(args[0], PilImage):
        return PilImage(args[0].mode, args[0].size, args[0].origin)
    return NOT_MODELLED


def pil_attribute(image: PilImage, attr: str) -> Any:
    if attr in PIL_METHODS:
        return DataMethod(image, attr)
    if attr == "size":
        return image.size
    if attr in ("width", "height"):
        return image.size[0 if attr == "width" else 1]
    if attr == "mode":
        return INERT if image.mode is UNKNOWN else image.mode
    return INERT


def pil_method(image: PilImage, name: str, args: list[Any], kwargs: dict[str, Any], node: Any) -> Any:
    def arg(index: int, key: str, default: Any = None) -> Any:
        return kwargs.get(key, args[index] if len(args) > index else default)

    if name == "convert":
        mode = arg(0, "mode")
        return PilImage(_mode(mode) if mode is not None else UNKNOWN, image.size, image.origin)
    if name == "resize":
        return PilImage(image.mode, _size(arg(0, "size")) or (UNKNOWN, UNKNOWN), image.origin)
    if name == "crop":
        box = arg(0, "box")
        if box is None:
            return PilImage(image.mode, image.size, image.origin)
        if isinstance(box, (tuple, list)) and len(box) == 4:
            left, upper, right, lower = box
            width = right - left if type(left) is int and type(right) is int else UNKNOWN
            height = lower - upper if type(upper) is int and type(lower) is int else UNKNOWN
            return PilImage(image.mode, (_pixels(width), _pixels(height)), image.origin)
        return PilImage(image.mode, (UNKNOWN, UNKNOWN), image.origin)
    if name in ("copy", "filter"):
        return PilImage(image.mode, image.size, image.origin)
    if name == "rotate":
        expand = arg(2, "expand", False)
        kept = type(expand) in (bool, int) and not expand  # (else as large as the rotated image)
        return PilImage(image.mode, image.size if kept else (UNKNOWN, UNKNOWN), image.origin)
    if name == "transpose":
        method = arg(0, "method")
        if not isinstance(method, ModuleRef):
            return PilImage(image.mode, (UNKNOWN, UNKNOWN), image.origin)
        swapped = method.name.rsplit(".", 1)[-1] in _SWAPPING
        return PilImage(image.mode, image.size[::-1] if swapped else image.size, image.origin)
    if name == "thumbnail":
        image.size = (UNKNOWN, UNKNOWN)  # in place: at most the size given, the aspect kept
        return None
    if name in ("save", "show", "close"):
        return None
    return NOT_MODELLED


def pil_array(image: PilImage, dtype: Any, node: Any) -> Any:
    """``np.array(image)`` / ``np.asarray(image, dtype)``: ``(height, width[, bands])``."""
    found = MODE_ARRAYS.get(image.mode) if isinstance(image.mode, str) else None
    if found is None:
        return NOT_MODELLED  # a mode not known: neither the rank
    bands, own = found
    width, height = image.size
    shape = (height, width) if bands is None else (height, width, bands)
    return ArrayValue(shape, own if dtype is None else dtype_name(dtype), image.origin or made_by("np.array", node))


def array_to_img(args: list[Any], kwargs: dict[str, Any], node: Any) -> Any:
    """``keras.utils.array_to_img(x)``: an image of the array's height and width (channels last)."""
    array = args[0] if args else kwargs.get("x")
    data_format = kwargs.get("data_format", args[1] if len(args) > 1 else None)
    if not isinstance(array, ArrayValue) or len(array.shape) != 3 or data_format not in (None, "channels_last"):
        return NOT_MODELLED
    height, width, channels = array.shape
    mode = _CHANNEL_MODES.get(channels) if type(channels) is int else None
    return PilImage(UNKNOWN if mode is None else mode, (_pixels(width), _pixels(height)), array.origin)


def cv2_call(function: str, args: list[Any], kwargs: dict[str, Any], node: Any) -> Any:
    """``cv2.<function>``; NOT_MODELLED for the others."""
    name = function[4:]
    origin = made_by(function, node)
    if name in ("imread", "imdecode"):
        flags = kwargs.get("flags", args[1] if len(args) > 1 else 1)
        key = flags.name if isinstance(flags, ModuleRef) else flags if type(flags) is int else None
        if key not in _IMREAD_FLAGS:
            return NOT_MODELLED  # unchanged (the file's own channels), reduced sizes, a flag not known
        channels = _IMREAD_FLAGS[key]
        return ArrayValue((UNKNOWN, UNKNOWN) if channels is None else (UNKNOWN, UNKNOWN, channels), "uint8", origin)
    source = args[0] if args else kwargs.get("src")
    if not isinstance(source, ArrayValue) or len(source.shape) not in (2, 3):
        return NOT_MODELLED
    if name == "resize":
        dsize = kwargs.get("dsize", args[1] if len(args) > 1 else None)
        size = (UNKNOWN, UNKNOWN) if dsize is None else _size(dsize)  # (None: scaled by fx and fy)
        if size is None:
            return NOT_MODELLED
        width, height = (d if type(d) is int and d > 0 else UNKNOWN for d in size)  # (0: by fx and fy)
        channels = source.shape[2:]
        if channels and type(channels[0]) is not int:
            return NOT_MODELLED
        if channels and channels[0] == 1:
            channels = ()  # OpenCV drops a channel axis of one
        return ArrayValue((height, width, *channels), source.dtype, source.origin)
    if name == "cvtColor":
        code = kwargs.get("code", args[1] if len(args) > 1 else None)
        match = _CONVERSION.fullmatch(code.name) if isinstance(code, ModuleRef) else None
        if match is None or match.group(1) not in _COLOUR_SPACES:
            return NOT_MODELLED
        channels = _COLOUR_SPACES[match.group(1)]
        height, width = source.shape[:2]
        return ArrayValue((height, width) if channels is None else (height, width, channels), source.dtype,
                          source.origin)
    if name in _SHAPE_KEEPING:
        return ArrayValue(source.shape, source.dtype, source.origin)
    return NOT_MODELLED
