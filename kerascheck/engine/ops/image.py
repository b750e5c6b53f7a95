"""Image operations (``keras/src/ops/image.py``): a single image (rank 3) or a batch (rank 4),
``channels_last`` unless ``data_format`` says otherwise."""

from __future__ import annotations

from typing import Any

from kerascheck.engine.dims import UNKNOWN
from kerascheck.engine.layer import LayerError
from kerascheck.engine.operations import register_op
from kerascheck.engine.ops.base import SAME, Op, dims, prod, require_known, shape_attribute, value_of
from kerascheck.engine.ops.nn import conv_output_shape

RANK_MESSAGE = (
    "Invalid images rank: expected rank 3 (single image) or rank 4 (batch of images). Received: images.shape={}"
)
RANK_MESSAGE_INPUT = (
    "Invalid images rank: expected rank 3 (single image) or rank 4 (batch of images). Received input with shape: "
    "images.shape={}"
)


def image_dims(images: Any, message: str = RANK_MESSAGE) -> list:
    shape = dims(images)
    if len(shape) not in (3, 4):
        raise LayerError(message.format(shape), "rank")
    return shape


def height_width_axes(data_format: str) -> tuple[int, int]:
    return (-3, -2) if data_format == "channels_last" else (-2, -1)


class ImageOp(Op):
    dtype_rule = SAME


@register_op("GaussianBlur", "ElasticTransform")
class SameImage(ImageOp):
    """The images' shape."""

    def spec(self, images: Any) -> Any:
        image_dims(images, RANK_MESSAGE_INPUT.replace("{}", "{!r}"))
        return images


@register_op("RGBToGrayscale")
class RGBToGrayscale(ImageOp):
    """One channel, from 3 (or 1)."""

    def spec(self, images: Any) -> Any:
        shape = image_dims(images)
        axis = -1 if self.data_format == "channels_last" else -3
        if shape[axis] is not None and shape[axis] not in (1, 3):
            raise LayerError(
                "Invalid channel size: expected 3 (RGB) or 1 (Grayscale). Received input with shape: "
                f"images.shape={tuple(shape)}",
                "axis",
            )
        shape[axis] = 1
        return tuple(shape)


@register_op("RGBToHSV", "HSVToRGB")
class ColorSpace(ImageOp):
    """The images' shape: 3 channels, of a float dtype."""

    def spec(self, images: Any) -> Any:
        shape = image_dims(images)
        dtype = self.operand_dtypes[0] if self.operand_dtypes else None
        require_known(dtype)
        if dtype is not None and not dtype.startswith(("float", "bfloat")):
            raise LayerError(f"Invalid images dtype: expected float dtype. Received: images.dtype={dtype}", "config")
        channels = shape[-1 if self.data_format == "channels_last" else -3]
        if channels is not None and channels != 3:
            raise LayerError(
                f"Input images must have 3 channels, but received images with {channels} channels.", "axis"
            )
        return tuple(shape)


@register_op("Resize")
class Resize(ImageOp):
    """``keras.ops.image.resize(images, size)``: height and width replaced by ``size``."""

    def spec(self, images: Any) -> Any:
        size = self.size
        if len(size) != 2:
            raise LayerError(f"Expected `size` to be a tuple of 2 integers. Received: size={size}", "config")
        if size[0] <= 0 or size[1] <= 0:
            raise LayerError(f"`size` must have positive height and width. Received: size={size}", "nonpositive")
        shape = image_dims(images, RANK_MESSAGE_INPUT)
        if self.pad_to_aspect_ratio and self.crop_to_aspect_ratio:
            raise LayerError("Only one of `pad_to_aspect_ratio` & `crop_to_aspect_ratio` can be `True`.", "config")
        height, width = height_width_axes(self.data_format)
        shape[height], shape[width] = size[0], size[1]
        return tuple(shape)


@register_op("AffineTransform")
class AffineTransform(ImageOp):
    """The images' shape; one transform (rank 1) or one per image (rank 2)."""

    def spec(self, images: Any, transform: Any) -> Any:
        image_dims(images, RANK_MESSAGE_INPUT)
        transform_shape = dims(shape_attribute(transform))
        if len(transform_shape) not in (1, 2):
            raise LayerError(
                "Invalid transform rank: expected rank 1 (single transform) or rank 2 (batch of transforms). Received "
                f"input with shape: transform.shape={tuple(transform_shape)}",
                "rank",
            )
        return images


@register_op("ExtractPatches")
class ExtractPatches(ImageOp):
    """``keras.ops.image.extract_patches(images, size)``: a convolution by ``size`` windows whose
    filters hold every pixel of a patch (``size·size·channels``)."""

    def spec(self, images: Any) -> Any:
        size = self.size
        if not isinstance(size, int):
            if not isinstance(size, (tuple, list)):
                raise LayerError(
                    f"Invalid `size` argument. Expected an int or a tuple. Received: size={size} of type "
                    f"{type(size).__name__}",
                    "config",
                )
            if len(size) not in (2, 3):
                raise LayerError(
                    f"Invalid `size` argument. Expected a tuple of length 2 or 3. Received: size={size} with length "
                    f"{len(size)}",
                    "config",
                )
        if isinstance(size, int):
            # extract_patches_3d makes an int a triple before creating the operation.
            size = (size,) * (3 if self.args.get("keras_function") == "image.extract_patches_3d" else 2)
        is_3d = len(size) == 3
        shape = dims(images)
        original_ndim = len(shape)
        if self.data_format == "channels_last":
            channels = shape[-1]
        else:
            channels = shape[-4] if is_3d else shape[-3]
        if original_ndim == (4 if is_3d else 3):
            shape = [1] + shape
        if channels is None:
            raise LayerError("unsupported operand type(s) for *: 'int' and 'NoneType'", "undefined_dim")
        strides = size if self.strides is None else self.strides
        out = conv_output_shape(
            shape, prod(size) * channels, tuple(size), strides, self.padding, self.data_format, self.dilation_rate
        )
        return out[1:] if original_ndim == (4 if is_3d else 3) else out


@register_op("MapCoordinates")
class MapCoordinates(ImageOp):
    """``keras.ops.image.map_coordinates(inputs, coordinates)``: ``coordinates.shape[1:]``; its
    first axis as long as the inputs' rank."""

    def spec(self, inputs: Any, coordinates: Any) -> Any:
        coordinates_shape = dims(shape_attribute(coordinates))
        rank = len(dims(inputs))
        if coordinates_shape[0] != rank:
            raise LayerError(
                "First dim of `coordinates` must be the same as the rank of `inputs`. Received inputs with shape: "
                f"{tuple(inputs)} and coordinate leading dim of {coordinates_shape[0]}",
                "axis",
            )
        if len(coordinates_shape) < 2:
            raise LayerError(
                "Invalid coordinates rank: expected at least rank 2. Received input with shape: "
                f"{tuple(coordinates_shape)}",
                "rank",
            )
        return tuple(coordinates_shape[1:])


def _exactly_two(names: tuple[str, str, str], values: tuple) -> None:
    if list(values).count(None) != 1:
        given = ", ".join(f"{n}={v}" for n, v in zip(names, values))
        raise LayerError(f"Must specify exactly two of {', '.join(names)}. Received: {given}", "config")


def _non_negative(**values: Any) -> None:
    for name, value in values.items():
        if value is not None and value < 0:
            raise LayerError(f"{name} must be >= 0. Received: {name}={value}", "config")


class Border(ImageOp):
    """``pad_images`` / ``crop_images``: exactly two of (before, after, target) per side; the
    third follows from the size, and none may be negative."""

    word = "padding"
    grows = True  # padding adds ``before + after`` to a side; cropping takes them away

    def sides(self) -> tuple[tuple[str, str, str], tuple[str, str, str]]:
        return (f"top_{self.word}", f"bottom_{self.word}", "target_height"), (
            f"left_{self.word}", f"right_{self.word}", "target_width")

    def validate(self) -> None:
        for names in self.sides():
            _exactly_two(names, tuple(self.args[n] for n in names))
        _non_negative(**{n: self.args[n] for names in self.sides() for n in names})

    def settle(self, size: Any, names: tuple[str, str, str], target: Any) -> None:
        """With the side's size known, the before or after not given follows; all must be >= 0."""
        if size is None:
            return
        before, after = self.args[names[0]], self.args[names[1]]
        extra = target - size if self.grows else size - target
        if before is None:
            before = extra - after
        if after is None:
            after = extra - before
        _non_negative(**{names[0]: before, names[1]: after, names[2]: target})

    def spec(self, images: Any) -> Any:
        shape = image_dims(images)
        self.validate()
        axes = height_width_axes(self.data_format)
        targets = [self.target(shape[axis], names) for axis, names in zip(axes, self.sides())]
        out = list(shape)
        for axis, names, target in zip(axes, self.sides(), targets):
            self.settle(shape[axis], names, target)
            out[axis] = target
        return tuple(out)

    def target(self, size: Any, names: tuple[str, str, str]) -> Any:
        """The side's new length: its target, else ``before + size + after`` (None: not known)."""
        before, after, target = (self.args[n] for n in names)
        if target is None and size is not None:
            target = before + size + after
        return target


@register_op("PadImages")
class PadImages(Border):
    """Height ``top + h + bottom`` (or ``target_height``), width likewise."""


@register_op("CropImages")
class CropImages(Border):
    """Height ``h - top - bottom`` (or ``target_height``, needed when ``h`` is None), width likewise."""

    word = "cropping"
    grows = False

    def target(self, size: Any, names: tuple[str, str, str]) -> Any:
        before, after, target = (self.args[n] for n in names)
        side = names[2][len("target_"):]
        if size is None and target is None:
            raise LayerError(
                f"When the {side} of the images is unknown, `target_{side}` must be specified.Received "
                f"size={size} and target_{side}={target}",
                "undefined_dim",
            )
        return size - before - after if target is None else target


@register_op("PerspectiveTransform")
class PerspectiveTransform(ImageOp):
    """The images' shape; the points ``(4, 2)`` or ``(N, 4, 2)``, both of one shape."""

    def spec(self, images: Any, start_points: Any, end_points: Any) -> Any:
        image_dims(images, RANK_MESSAGE_INPUT)
        start, end = dims(shape_attribute(start_points)), dims(shape_attribute(end_points))
        for name, points in (("start_points", start), ("end_points", end)):
            if tuple(points[-2:]) != (4, 2) or len(points) not in (2, 3):
                raise LayerError(
                    f"Invalid {name} shape: expected (4,2) for a single image or (N,4,2) for a batch. Received shape: "
                    f"{tuple(points)}",
                    "axis",
                )
        if start != end:
            raise LayerError(
                f"start_points and end_points must have the same shape. Received start_points.shape={tuple(start)}, "
                f"end_points.shape={tuple(end)}",
                "merge",
            )
        return images


@register_op("ScaleAndTranslate")
class ScaleAndTranslate(ImageOp):
    """``keras.ops.image.scale_and_translate(images, output_shape, ...)``: ``output_shape``."""

    def spec(self, images: Any, output_shape: Any, *_: Any) -> Any:
        shape = value_of(output_shape)
        if shape is UNKNOWN:
            return UNKNOWN
        return tuple(shape)


@register_op("SobelEdges")
class SobelEdges(ImageOp):
    """A batch of images ``(N, H, W, C)`` gains a last axis of 2 (the two gradients)."""

    def spec(self, images: Any) -> Any:
        shape = dims(images)
        if len(shape) != 4:
            raise LayerError(
                f"Invalid images rank: expected rank 4 (batch of images). Received: images.shape={shape}", "rank"
            )
        return (*shape, 2)


@register_op("SSIM")
class SSIM(ImageOp):
    """One score per image: a scalar for a single image, ``(N,)`` for a batch."""

    def spec(self, image1: Any, image2: Any) -> Any:
        for name, image in (("image1", image1), ("image2", image2)):
            if len(dims(image)) not in (3, 4):
                raise LayerError(
                    f"Invalid {name} rank: expected rank 3 (single image) or rank 4 (batch of images). Received input "
                    f"with shape: {name}.shape={tuple(image)}",
                    "rank",
                )
        shape = dims(image1)
        return () if len(shape) == 3 else (shape[0],)
