"""``ImageDataGenerator`` as kerascheck follows it (kerascheck/frontend/image_generators.py): each
iterator is made by kerascheck's interpreter and by real Keras (on a folder of small PNG images
for the ``flow_from_*`` methods), and the element kerascheck gives ``fit`` must have the shapes
and dtypes of the first batch Keras's iterator yields (its batch axis left to the data: None).
"""

from __future__ import annotations

import os
import struct
import zlib
from pathlib import Path

import pytest

from interpreted import interpret
from kerascheck.frontend.values import ArrayValue, InertObject, PyDatasetValue



@pytest.fixture(scope="module", autouse=True)
def real_keras() -> None:
    """Keras and PIL (flow_from_directory reads its images with PIL), imported by the tests that
    run, not at collection."""
    os.environ.setdefault("KERAS_BACKEND", "jax")
    pytest.importorskip("keras")
    pytest.importorskip("PIL")


def _png(path: Path, width: int, height: int) -> None:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = (b"\x00" + b"\x80\x40\x20" * width) * height
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows))
                     + chunk(b"IEND", b""))


@pytest.fixture(scope="module")
def image_folder(tmp_path_factory: pytest.TempPathFactory) -> str:
    root = tmp_path_factory.mktemp("images")
    for label in ("a", "b", "c"):
        (root / label).mkdir()
        for index in range(3):
            _png(root / label / f"{index}.png", 20, 14)
    return str(root)


# Real TensorFlow and Keras run here, as in the oracle's re-recording: with it (``-m oracle``),
# not in the usual test run.
pytestmark = pytest.mark.oracle

SETUP = """
import numpy as np
from tensorflow.keras.preprocessing.image import ImageDataGenerator
images = np.zeros((10, 8, 6, 3), dtype="uint8")
gray = np.zeros((10, 8, 6, 1), dtype="float64")
labels = np.arange(10)
onehot = np.eye(10, dtype="float32")
weights = np.ones((10,), dtype="float32")
folder = FOLDER
"""

ITERATORS = [
    "ImageDataGenerator().flow(images, labels, batch_size=4)",
    "ImageDataGenerator(rescale=1 / 255).flow(gray, onehot)",
    "ImageDataGenerator().flow(images)",
    "ImageDataGenerator().flow(images, labels, sample_weight=weights)",
    "ImageDataGenerator(dtype='float64').flow(images, labels, batch_size=3)",
    "ImageDataGenerator().flow(images, labels, 5, False)",
    "ImageDataGenerator().flow_from_directory(folder, batch_size=4, classes=['a', 'b', 'c'])",
    "ImageDataGenerator().flow_from_directory(folder, target_size=(16, 12), class_mode='binary')",
    "ImageDataGenerator().flow_from_directory(folder, (16, 12), 'grayscale', class_mode='sparse')",
    "ImageDataGenerator().flow_from_directory(folder, target_size=(9, 9), color_mode='rgba', class_mode='input')",
    "ImageDataGenerator().flow_from_directory(folder, target_size=(9, 9), class_mode=None)",
    "ImageDataGenerator().flow_from_directory(folder, target_size=(9, 9), classes=['a', 'c'])",
    "ImageDataGenerator(data_format='channels_first').flow_from_directory(folder, target_size=(9, 7), "
    "class_mode='sparse')",
    "ImageDataGenerator(validation_split=0.5).flow_from_directory(folder, target_size=(9, 7), subset='validation', "
    "class_mode='binary')",
]


def _spec(value: object) -> object:
    if isinstance(value, ArrayValue):
        return (value.shape, value.dtype)
    if isinstance(value, tuple):
        return tuple(_spec(v) for v in value)
    return value


def _real(batch: object) -> object:
    import numpy as np

    if isinstance(batch, np.ndarray):
        return ((None, *batch.shape[1:]), str(batch.dtype))
    if isinstance(batch, (tuple, list)):
        return tuple(_real(b) for b in batch)
    return batch


@pytest.mark.parametrize("expression", ITERATORS)
def test_iterator_batches_are_keras_batches(expression: str, image_folder: str):
    followed = interpret(SETUP.replace("FOLDER", repr(image_folder)), expression)
    assert isinstance(followed, PyDatasetValue)
    namespace: dict = {}
    exec(SETUP.replace("FOLDER", repr(image_folder)), namespace)  # noqa: S102  (the test's own code)
    iterator = eval(expression, namespace)  # noqa: S307
    assert _spec(followed.element) == _real(iterator[0])


@pytest.mark.parametrize("expression", [
    "ImageDataGenerator().flow_from_directory(folder)",  # (without classes=, the folder's count: unknown)
])
def test_a_folders_class_count_is_unknown(expression: str, image_folder: str):
    followed = interpret(SETUP.replace("FOLDER", repr(image_folder)), expression)
    images, labels = followed.element
    assert images.shape == (None, 256, 256, 3)
    assert labels.shape[0] is None and labels.shape[1] is not None and type(labels.shape[1]) is not int


@pytest.mark.parametrize("expression", [
    "ImageDataGenerator().flow_from_dataframe(frame, y_col='label', class_mode='raw')",
    "ImageDataGenerator().flow([images, labels], labels)",
    "ImageDataGenerator(data_format=fmt).flow(images)",
])
def test_what_is_not_followed_stays_unknown(expression: str):
    followed = interpret(SETUP.replace("FOLDER", "'.'") + "frame = read()\nfmt = read()\n", expression)
    assert isinstance(followed, InertObject) and not (
        isinstance(followed, PyDatasetValue) and isinstance(followed.element, tuple)
        and all(isinstance(e, ArrayValue) for e in followed.element))


def test_a_batch_size_read_at_run_time_leaves_the_other_axes_known():
    setup = SETUP.replace("FOLDER", "'.'") + "size = read()\n"
    flowed = interpret(setup, "ImageDataGenerator().flow(images, labels, batch_size=size)")
    read = interpret(setup, "ImageDataGenerator().flow_from_directory(folder, target_size=(9, 9), batch_size=size, "
                            "class_mode='binary')")
    assert _spec(flowed.element) == (((None, 8, 6, 3), "float32"), ((None,), "int64"))
    assert _spec(read.element) == (((None, 9, 9, 3), "float32"), ((None,), "float32"))
