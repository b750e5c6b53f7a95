"""Preprocessing layers whose output shape is static (``keras/src/layers/preprocessing/``).

Image augmentation layers keep their input's shape and have no weights; Resizing,
CenterCrop and RandomCrop set the height and width; CategoryEncoding and Discretization
give a last axis of ``num_tokens`` / the number of bins; Normalization keeps the shape
and holds its statistics as non-trainable weights.

kerascheck does not check the augmentation layers' factor arguments: a value Keras
rejects gives no diagnostic here (but never a wrong shape).
"""

from __future__ import annotations

from typing import Any

from kerascheck.engine.dims import UNKNOWN, Unresolved, as_shape, format_dim, format_output, format_shape, product
from kerascheck.engine.layer import LayerError, LayerRule, Weight, register
from kerascheck.engine.layers.base import SameShape
from kerascheck.engine.operation_utils import add_defined_weight, formula_total, require_known, standardize_data_format

# Layers whose ``compute_output_shape`` returns the input shape unchanged.
SAME_SHAPE_LAYERS = (
    "Rescaling", "AugMix", "AutoContrast", "ContrastLimitedAdaptiveHistogramEqualization", "CutMix",
    "Equalization", "MixUp", "RandAugment", "RandomBrightness", "RandomColorJitter", "RandomContrast",
    "RandomElasticTransform", "RandomErasing", "RandomFlip", "RandomGaussianBlur", "RandomGrayscale",
    "RandomHue", "RandomInvert", "RandomPerspective", "RandomPosterization", "RandomRotation",
    "RandomSaturation", "RandomSharpness", "RandomShear", "RandomTranslation", "RandomZoom", "Solarization",
)


class ImageSameShape(SameShape):
    """Augmentation / value-mapping layers: output shape = input shape, no weights.

    (``Rescaling`` computes ``x·scale + offset``; the random layers change values, not shapes.)
    """

    def compute_output_shape(self, input_shape: Any) -> Any:
        if isinstance(input_shape, list):
            raise Unresolved("a structure of inputs")
        return super().compute_output_shape(input_shape)


for _name in SAME_SHAPE_LAYERS:  # one rule class per Keras class, for keras_class and the docs
    register(_name)(type(_name, (ImageSameShape,), {"__doc__": ImageSameShape.__doc__}))


@register("RandomColorDegeneration")
class RandomColorDegeneration(LayerRule):
    """Same shape as its input, which must be an image (rank 3 or 4) with 3 channels."""

    def configure(self) -> None:
        self.args["data_format"] = standardize_data_format(self.data_format)

    def compute_output_shape(self, input_shape: tuple) -> tuple:
        if len(input_shape) not in (3, 4):
            raise LayerError(
                "Invalid images rank: expected rank 3 (single image) or rank 4 (batch of images). "
                f"Received: input_shape={tuple(input_shape)}",
                "rank",
            )
        channels = input_shape[-1 if self.data_format == "channels_last" else -3]
        if channels is not None and channels != 3:
            raise LayerError(
                f"Input images must have 3 channels, but received images with {channels} channels.", "axis"
            )
        return input_shape


def _set_height_width(rule: Any, input_shape: tuple, check_rank: bool) -> tuple:
    """``Resizing`` / ``CenterCrop.compute_output_shape``: height and width replaced."""
    shape = list(input_shape)
    if check_rank and len(shape) not in (3, 4):
        raise LayerError(
            "`input_shape` must be a non-nested tuple or list of rank-1 with size 3 (unbatched) or 4 (batched). ",
            "rank",
        )
    first = 1 if len(shape) == 4 else 0
    if rule.data_format != "channels_last":
        first += 1
    try:
        shape[first] = rule.height
        shape[first + 1] = rule.width
    except IndexError:
        raise LayerError("list assignment index out of range", "rank") from None
    output = tuple(shape)
    rule.explain(f"{rule.keras_class}: height, width → {format_dim(rule.height)}, {format_dim(rule.width)}: "
                 f"{format_shape(output)}")
    return output


@register("Resizing")
class Resizing(LayerRule):
    """``(batch, height, width, channels)`` (or an unbatched image) with ``height`` / ``width`` replaced."""

    def configure(self) -> None:
        self.args["data_format"] = standardize_data_format(self.data_format)

    def compute_output_shape(self, input_shape: tuple) -> tuple:
        return _set_height_width(self, input_shape, check_rank=False)


@register("CenterCrop")
class CenterCrop(LayerRule):
    """As ``Resizing``, for rank 3 (unbatched) or rank 4 inputs only."""

    def configure(self) -> None:
        self.args["data_format"] = standardize_data_format(self.data_format)

    def compute_output_shape(self, input_shape: tuple) -> tuple:
        return _set_height_width(self, input_shape, check_rank=True)


@register("RandomCrop")
class RandomCrop(LayerRule):
    """Sets axes ``-3, -2`` (channels_first: ``-2, -1``) to ``height, width``."""

    def configure(self) -> None:
        self.args["data_format"] = standardize_data_format(self.data_format)

    def compute_output_shape(self, input_shape: tuple) -> tuple:
        shape = list(input_shape)
        h_axis, w_axis = (-3, -2) if self.data_format == "channels_last" else (-2, -1)
        try:
            shape[h_axis] = self.height
            shape[w_axis] = self.width
        except IndexError:
            raise LayerError("list assignment index out of range", "rank") from None
        output = tuple(shape)
        self.explain(f"RandomCrop: {format_shape(output)}")
        return output


@register("CategoryEncoding")
class CategoryEncoding(LayerRule):
    """Integer indices → ``num_tokens``-wide encodings.

    ``one_hot``: a trailing axis of size 1 is replaced (kept for a rank-1 input), otherwise
    ``num_tokens`` is appended; ``multi_hot`` / ``count``: the last axis becomes ``num_tokens``.
    """

    def configure(self) -> None:
        mode = self.output_mode
        if mode == "binary":
            mode = self.args["output_mode"] = "multi_hot"
        if mode is not UNKNOWN and mode not in ("count", "one_hot", "multi_hot"):
            raise LayerError(f"Unknown arg for output_mode: {mode}")
        tokens = self.num_tokens
        if tokens is None:
            raise LayerError("num_tokens must be set to use this layer. If the number of tokens is not known "
                             "beforehand, use the IntegerLookup layer instead.")
        if tokens is not UNKNOWN:
            if not isinstance(tokens, (int, float)):
                raise LayerError(f"'<' not supported between instances of '{type(tokens).__name__}' and 'int'")
            if tokens < 1:
                raise LayerError(f"`num_tokens` must be >= 1. Received: num_tokens={tokens}.")

    def compute_output_shape(self, input_shape: tuple) -> tuple:
        tokens = self.num_tokens
        if len(input_shape) == 0:
            return (tokens,)
        if self.output_mode == "one_hot" and (input_shape[-1] != 1 or len(input_shape) == 1):
            output = tuple(input_shape) + (tokens,)
        else:
            output = as_shape(input_shape[:-1]) + (tokens,)
        self.explain(f"CategoryEncoding ({self.output_mode}): {format_shape(output)}")
        return output


@register("Discretization")
class Discretization(LayerRule):
    """Buckets values.  ``int``: same shape; otherwise a last axis of ``depth`` =
    ``len(bin_boundaries) + 1`` (or ``num_bins``): ``one_hot`` replaces a trailing 1 or appends,
    ``multi_hot`` / ``count`` give ``(batch, *input_shape[2:], depth)``.  No weights."""

    def configure(self) -> None:
        mode = self.output_mode
        if mode is not UNKNOWN and mode not in ("int", "one_hot", "multi_hot", "count"):
            raise LayerError(
                "Unknown value for `output_mode`. Allowed values are "
                "['int', 'one_hot', 'multi_hot', 'count']. "
                f"Received: output_mode={mode}"
            )
        if self.sparse and self.sparse is not UNKNOWN:
            raise LayerError("`sparse=True` cannot be used with backend jax")
        bins, boundaries = self.num_bins, self.bin_boundaries
        if bins is UNKNOWN or boundaries is UNKNOWN:
            return
        if bins is not None and not isinstance(bins, (int, float)):
            raise LayerError(f"'<' not supported between instances of '{type(bins).__name__}' and 'int'")
        if bins is not None and bins < 0:
            raise LayerError(f"`num_bins` must be greater than or equal to 0. Received: `num_bins={bins}`")
        if bins is not None and boundaries is not None:
            raise LayerError(
                "Both `num_bins` and `bin_boundaries` should not be set. "
                f"Received: `num_bins={bins}` and `bin_boundaries={boundaries}`"
            )
        if bins is None and boundaries is None:
            raise LayerError("You need to set either `num_bins` or `bin_boundaries`.")

    def compute_output_shape(self, input_shape: tuple) -> tuple:
        if self.output_mode == "int":
            return input_shape
        boundaries = self.bin_boundaries
        require_known(boundaries)
        if boundaries is not None:
            if not isinstance(boundaries, (list, tuple)):
                raise Unresolved("bin_boundaries")
            depth = len(boundaries) + 1
        else:
            depth = self.num_bins
        if self.output_mode == "one_hot":
            if input_shape and input_shape[-1] == 1 and len(input_shape) > 1:
                output = as_shape(input_shape[:-1]) + (depth,)
            else:
                output = tuple(input_shape) + (depth,)
        elif input_shape and len(input_shape) >= 2:
            output = (input_shape[0],) + as_shape(input_shape[2:]) + (depth,)
        else:
            output = (depth,)
        self.explain(f"Discretization ({self.output_mode}): depth {format_dim(depth)} → {format_shape(output)}")
        return output


@register("Normalization")
class Normalization(LayerRule):
    """Feature-wise ``(x - mean) / sqrt(variance)``: output shape = input shape.

    Without ``mean=`` / ``variance=`` it holds non-trainable ``mean`` and ``variance`` of
    shape ``tuple(input_shape[a] for a in axis)`` (sorted, each defined) and a scalar
    ``count``: ``2·prod + 1`` non-trainable parameters.  With them: no weights.
    """

    def configure(self) -> None:
        axis = self.axis
        if axis is None:
            self.args["axis"] = ()
        elif isinstance(axis, int):
            self.args["axis"] = (axis,)
        elif axis is not UNKNOWN:
            if not isinstance(axis, (tuple, list)):
                raise LayerError(f"'{type(axis).__name__}' object is not iterable")
            self.args["axis"] = tuple(axis)
        mean, variance = self.mean, self.variance
        if mean is UNKNOWN or variance is UNKNOWN:
            return
        if (mean is not None) != (variance is not None):
            raise LayerError(
                "When setting values directly, both `mean` and `variance` must be set. "
                f"Received: mean={mean} and variance={variance}"
            )

    def build(self, input_shape: tuple) -> None:
        axis = self.axis
        require_known(axis)
        ndim = len(input_shape)
        for a in axis:
            require_known(a)
            if not isinstance(a, int):
                raise LayerError(f"'<' not supported between instances of '{type(a).__name__}' and 'int'")
        if any(a < -ndim or a >= ndim for a in axis):
            raise LayerError(
                "All `axis` values must be in the range [-ndim, ndim). "
                f"Received inputs with ndim={ndim}, while axis={axis}",
                "axis",
            )
        keep = tuple(sorted(a if a >= 0 else a + ndim for a in axis))
        for d in keep:
            if input_shape[d] is None:
                raise LayerError(
                    f"All `axis` values to be kept must have a known shape. Received axis={axis}, "
                    f"inputs.shape={tuple(input_shape)}, with unknown axis at index {d}",
                    "undefined_dim",
                )
        if self.mean is not None:
            if self.mean is UNKNOWN:
                raise Unresolved("mean")
            return
        shape = tuple(input_shape[d] for d in keep)
        add_defined_weight(self, "mean", shape, trainable=False)
        add_defined_weight(self, "variance", shape, trainable=False)
        self.add_weight("count", (), trainable=False, integer=True)  # dtype "int"
        size = product(shape)
        self.explain(f"Normalization: mean and variance {format_shape(shape)}, count: "
                     f"2·{format_dim(size)} + 1 = {format_dim(2 * size + 1)} non-trainable")

    def compute_output_shape(self, input_shape: tuple) -> tuple:
        return input_shape


@register("MaxNumBoundingBoxes")
class MaxNumBoundingBoxes(LayerRule):
    """Pads or truncates ``bounding_boxes["boxes"]`` / ``["labels"]`` to ``max_number`` boxes.

    Called on an image tensor alone it returns it unchanged (output shape = input shape, no
    weights).  Called on a dict of images and bounding boxes, the runtime sees only a flat list
    of tensors, without the dict's keys: the output is unknown.
    """

    def configure(self) -> None:
        for name in ("max_number", "fill_value"):
            value = getattr(self, name)
            if value is UNKNOWN:
                continue
            try:
                self.args[name] = int(value)  # Keras: int(max_number), int(fill_value)
            except (TypeError, ValueError) as err:
                raise LayerError(str(err)) from None
        self.args["data_format"] = standardize_data_format(self.data_format)

    def compute_output_shape(self, input_shape: Any) -> Any:
        if isinstance(input_shape, list):
            raise Unresolved("a dict of images and bounding boxes")
        self.explain(f"MaxNumBoundingBoxes: images pass through unchanged {format_shape(input_shape)}, no weights")
        return input_shape


@register("Pipeline")
class Pipeline(LayerRule):
    """Calls each layer of ``layers`` on the previous one's output.

    Output: the last layer's.  Parameters: the sum of the layers' (each built on the shape
    it receives, trainable unless that layer has ``trainable=False``).  An error of any layer
    of the chain is raised when the pipeline is called.
    """

    def _layers(self) -> list:
        from kerascheck.engine.runtime import Layer

        layers = self.layers
        if layers is UNKNOWN:
            raise Unresolved("layers")
        if isinstance(layers, (str, dict)):
            # Keras iterates the characters / keys and fails on the first one.
            raise LayerError("'str' object has no attribute '_call_has_mask_arg'")
        if not isinstance(layers, (list, tuple)):
            raise LayerError(f"'{type(layers).__name__}' object is not iterable")
        if not layers:
            raise LayerError("cannot access local variable 'outputs' where it is not associated with a value")
        for layer in layers:
            if layer is not UNKNOWN and not isinstance(layer, Layer):
                raise LayerError(f"'{type(layer).__name__}' object has no attribute '_call_has_mask_arg'")
        for layer in layers:
            if layer is UNKNOWN or layer.rule is None:
                raise Unresolved("a layer of the pipeline is unknown")
        return list(layers)

    def _chain(self, input_shape: Any, build: bool) -> Any:
        """Each layer's output shape in turn (building the layers when ``build``)."""
        from kerascheck.engine.runtime import check_input_spec

        shape = input_shape
        for layer in self._layers():
            check_input_spec(layer, shape)
            if build and not layer.built:
                layer.build(shape)
            shape = layer.compute_output_shape(shape)
            if not build:
                for line in layer.rule.explanations:
                    self.explain(f"{layer.name}: {line}")
        return shape

    def compute_output_shape(self, input_shape: Any) -> Any:
        output = self._chain(input_shape, build=False)
        self.explain(f"Pipeline: output of its last layer {format_output(output)}")
        return output

    def build(self, input_shape: Any) -> None:
        self._chain(input_shape, build=True)
        totals = []
        for layer in self._layers():
            if not layer.weights_resolved():
                raise Unresolved("weights of a layer of the pipeline")
            for line in layer.param_explanations:
                self.explain(f"{layer.name}: {line}")
            for weight in layer.weights:
                self.weights.append(
                    Weight(weight.name, weight.shape, weight.trainable and layer.trainable is not False)
                )
            totals.append(formula_total([w.count for w in layer.weights]))
        self.explain(
            "Pipeline: " + " + ".join(format_dim(t) for t in totals) + f" = {format_dim(formula_total(totals))}"
        )
