"""PIL (Pillow) and OpenCV as kerascheck follows them (kerascheck/frontend/image_libraries.py),
held to the real libraries: each expression runs through kerascheck's interpreter and through
Python, and the arrays made of images must have the libraries' shapes and dtypes. What depends
on a file (its size, PIL's mode of an image opened, OpenCV's unchanged channels) stays unknown."""

from __future__ import annotations

import pytest

from interpreted import evaluate, interpret
from kerascheck.engine.dims import UNKNOWN
from kerascheck.frontend.image_libraries import MODE_ARRAYS
from kerascheck.frontend.values import ArrayValue, InertObject

np = pytest.importorskip("numpy")
pytest.importorskip("PIL")

SETUP = """
import numpy as np
from PIL import Image, ImageOps
frame = np.random.randint(0, 255, (48, 64, 3), dtype=np.uint8)
grey = np.zeros((30, 40), dtype=np.uint8)
photo = Image.fromarray(frame)
"""

PIL_ARRAYS = [
    "np.array(photo)", "np.asarray(photo.convert('L'))", "np.array(photo.convert('LA'))",
    "np.array(photo.convert('RGBA'))", "np.array(photo.convert('1'))", "np.array(photo.convert('I'))",
    "np.array(photo.convert('F'))", "np.array(photo.convert('CMYK'))", "np.array(photo.convert('YCbCr'))",
    "np.array(photo.resize((28, 20)))", "np.array(photo.crop((2, 3, 30, 40)))", "np.array(photo.crop([0, 0, 10, 5]))",
    "np.array(photo.rotate(30))", "np.array(photo.transpose(Image.Transpose.ROTATE_90))",
    "np.array(photo.transpose(Image.FLIP_LEFT_RIGHT))", "np.array(Image.fromarray(grey))",
    "np.array(Image.fromarray(grey).resize((48, 48), Image.BOX))", "np.array(Image.fromarray(grey > 0))",
    "np.array(Image.fromarray(grey.astype(np.float32)))", "np.array(Image.new('RGB', (7, 5)))",
    "np.array(ImageOps.grayscale(photo))", "np.array(ImageOps.fit(photo, (16, 16)))", "np.array(ImageOps.mirror(photo))",
    "np.array(photo, dtype=np.float32)", "np.array(photo.copy())",
]
KERAS_ARRAYS = [
    "keras.utils.img_to_array(photo)", "keras.utils.img_to_array(photo.convert('L'))",
    "keras.utils.img_to_array(photo.convert('RGBA').resize((9, 9)))",
    "np.array(keras.utils.array_to_img(np.zeros((6, 8, 1))))", "np.array(keras.utils.array_to_img(np.zeros((6, 8, 3))))",
]
SIZES = ["photo.size", "photo.resize((28, 20)).size", "photo.crop((2, 3, 30, 40)).size",
         "photo.transpose(Image.ROTATE_270).size", "photo.width", "photo.convert('L').height"]


@pytest.mark.parametrize("expression", PIL_ARRAYS)
def test_an_images_array_has_pillows_shape_and_dtype(expression: str) -> None:
    followed = interpret(SETUP, expression)
    real = evaluate(SETUP, expression)
    assert isinstance(followed, ArrayValue)
    assert (followed.shape, followed.dtype) == (real.shape, str(real.dtype))


@pytest.mark.parametrize("expression", KERAS_ARRAYS)
def test_keras_image_utilities_give_kerass_shapes(expression: str) -> None:
    keras = pytest.importorskip("keras")
    followed = interpret("import keras\n" + SETUP, expression)
    real = evaluate(SETUP, expression, keras=keras)
    assert isinstance(followed, ArrayValue)
    assert (followed.shape, followed.dtype) == (real.shape, str(real.dtype))


@pytest.mark.parametrize("expression", SIZES)
def test_sizes_are_pillows(expression: str) -> None:
    assert interpret(SETUP, expression) == evaluate(SETUP, expression)


def test_every_mode_kerascheck_knows_has_pillows_array() -> None:
    from PIL import Image

    for mode, (bands, dtype) in MODE_ARRAYS.items():
        real = np.array(Image.new(mode, (5, 3)))
        assert (real.shape, str(real.dtype)) == ((3, 5) if bands is None else (3, 5, bands), dtype), mode


def test_every_array_kerascheck_makes_an_image_of_has_the_mode_pillow_gives_it() -> None:
    from PIL import Image

    from kerascheck.frontend.image_libraries import _ARRAY_MODES

    for (channels, dtype), mode in _ARRAY_MODES.items():
        shape = (3, 5) if channels is None else (3, 5, channels)
        assert Image.fromarray(np.zeros(shape, dtype)).mode == mode, (channels, dtype)


def test_every_colour_conversion_kerascheck_knows_has_opencvs_channels() -> None:
    cv2 = pytest.importorskip("cv2")
    from kerascheck.frontend.image_libraries import _COLOUR_SPACES, _CONVERSION

    checked = 0
    for name in dir(cv2):
        match = _CONVERSION.fullmatch(f"cv2.{name}")
        if match is None or match.group(1) not in _COLOUR_SPACES:
            continue
        channels = _COLOUR_SPACES[match.group(1)]
        converted = None
        for source in (np.zeros((6, 8), np.uint8), np.zeros((6, 8, 3), np.uint8), np.zeros((6, 8, 4), np.uint8)):
            try:
                converted = cv2.cvtColor(source, getattr(cv2, name))
                break
            except cv2.error:
                continue  # a source of other channels
        if converted is None:
            continue
        followed = interpret(CV2_SETUP + f"source = np.zeros({source.shape}, np.uint8)\n", f"cv2.cvtColor(source, cv2.{name})")
        assert isinstance(followed, ArrayValue) and followed.shape == converted.shape, name
        checked += 1
        assert converted.ndim == (2 if channels is None else 3), name
    assert checked > 50


@pytest.mark.parametrize("expression", [
    "np.array(Image.open('photo.png'))", "np.array(Image.open('photo.png').convert())",
    "np.array(Image.open('photo.png').convert('RGB')).shape[0]", "Image.open('photo.png').size[0]",
    "np.array(photo.rotate(30, expand=True)).shape[0]",
])
def test_what_depends_on_the_file_is_not_known(expression: str) -> None:
    followed = interpret(SETUP, expression)
    assert isinstance(followed, InertObject) or followed is UNKNOWN


def test_a_file_opened_and_converted_has_the_modes_rank() -> None:
    followed = interpret(SETUP, "np.array(Image.open('photo.png').convert('RGB').resize((224, 224)))")
    assert isinstance(followed, ArrayValue) and (followed.shape, followed.dtype) == ((224, 224, 3), "uint8")


CV2_SETUP = """
import numpy as np
import cv2
image = np.zeros((30, 40, 3), np.uint8)
single = np.zeros((30, 40, 1), np.uint8)
many = np.zeros((30, 40, 5), np.float32)
"""
CV2_ARRAYS = [
    "cv2.resize(image, (20, 10))", "cv2.resize(single, (20, 10))", "cv2.resize(many, (20, 10))",
    "cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)", "cv2.cvtColor(image, cv2.COLOR_BGR2RGB)",
    "cv2.cvtColor(image, cv2.COLOR_BGR2BGRA)", "cv2.cvtColor(image, cv2.COLOR_BGR2HSV)",
    "cv2.cvtColor(cv2.cvtColor(image, cv2.COLOR_BGR2GRAY), cv2.COLOR_GRAY2RGB)",
    "cv2.GaussianBlur(image, (5, 5), 0)", "cv2.medianBlur(image, 3)", "cv2.flip(image, 1)",
    "cv2.equalizeHist(cv2.cvtColor(image, cv2.COLOR_BGR2GRAY))",
    "cv2.resize(cv2.cvtColor(image, cv2.COLOR_BGR2GRAY), (48, 48)).reshape(1, 48, 48, 1)",
]


@pytest.mark.parametrize("expression", CV2_ARRAYS)
def test_opencvs_arrays_have_its_shapes(expression: str) -> None:
    pytest.importorskip("cv2")
    followed = interpret(CV2_SETUP, expression)
    real = evaluate(CV2_SETUP, expression)
    assert isinstance(followed, ArrayValue)
    assert (followed.shape, followed.dtype) == (real.shape, str(real.dtype))


@pytest.mark.parametrize(("flags", "shape"), [
    ("", (UNKNOWN, UNKNOWN, 3)), (", 0", (UNKNOWN, UNKNOWN)), (", cv2.IMREAD_GRAYSCALE", (UNKNOWN, UNKNOWN)),
    (", cv2.IMREAD_COLOR", (UNKNOWN, UNKNOWN, 3)), (", 1", (UNKNOWN, UNKNOWN, 3)),
])
def test_imread_gives_the_flags_channels(flags: str, shape: tuple, tmp_path) -> None:
    cv2 = pytest.importorskip("cv2")
    followed = interpret(CV2_SETUP, f"cv2.imread('photo.png'{flags})")
    assert isinstance(followed, ArrayValue) and followed.dtype == "uint8"
    assert len(followed.shape) == len(shape) and followed.shape[2:] == shape[2:]
    path = str(tmp_path / "grey.png")
    cv2.imwrite(path, np.zeros((7, 9), np.uint8))  # a grey file: the flag decides, not the file
    real = evaluate(CV2_SETUP, f"cv2.imread({path!r}{flags})")
    assert real.ndim == len(shape) and real.shape[2:] == shape[2:]


@pytest.mark.parametrize("expression", ["cv2.imread('photo.png', cv2.IMREAD_UNCHANGED)", "cv2.imread('photo.png', -1)",
                                        "cv2.resize(image, None, fx=0.5, fy=0.5).shape[0]"])
def test_what_the_file_or_a_scale_decides_is_not_known(expression: str) -> None:
    followed = interpret(CV2_SETUP, expression)
    assert isinstance(followed, InertObject) and not (isinstance(followed, ArrayValue) and followed.shape == ())
