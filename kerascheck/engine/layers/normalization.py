"""Normalization layers (``keras/src/layers/normalization/``): Batch, Layer, Group, Unit,
RMS and Spectral normalization.  ``Normalization`` (a preprocessing layer) is in
``preprocessing``."""

from __future__ import annotations

from typing import Any

from kerascheck.engine.dims import UNKNOWN, Unresolved, format_dim, product
from kerascheck.engine.layer import InputSpec, LayerError, LayerRule, Weight, register
from kerascheck.engine.operation_utils import add_defined_weight, require_index, require_known


def check_axes_in_range(axes: list, input_shape: tuple, received: Any, built: bool) -> None:
    """``compute_output_shape`` of BatchNormalization / LayerNormalization.

    On the first call Keras builds first, and ``input_shape[axis]`` fails there.
    """
    rank = len(input_shape)
    for axis in axes:
        if axis is UNKNOWN:
            continue
        if axis >= rank or axis < -rank:
            if not built:
                raise LayerError("tuple index out of range", "rank")
            raise LayerError(
                f"Axis {axis} is out of bounds for input shape {tuple(input_shape)}. "
                f"Received: axis={received}",
                "rank",
            )


@register("BatchNormalization")
class BatchNormalization(LayerRule):
    """Normalizes over every axis but ``axis`` (an int: Keras 3 calls ``int(axis)``).

    Parameters, with ``C = input_shape[axis]``: ``gamma`` (if ``scale``) and ``beta`` (if
    ``center``) trainable, ``moving_mean`` and ``moving_variance`` non-trainable, ``C``
    each; ``renorm=True`` adds three more non-trainable ``C``-vectors.
    """

    def configure(self) -> None:
        axis = self.axis
        if axis is not UNKNOWN:
            if isinstance(axis, (int, float)):
                self.args["axis"] = int(axis)
            elif isinstance(axis, str) and axis.strip().lstrip("+-").isdigit():
                self.args["axis"] = int(axis)
            elif isinstance(axis, str):
                raise LayerError(f"invalid literal for int() with base 10: {axis!r}")
            else:
                raise LayerError(
                    "int() argument must be a string, a bytes-like object or a real number, "
                    f"not '{type(axis).__name__}'"
                )
        if self.renorm:
            clipping = self.renorm_clipping or {}
            if isinstance(clipping, dict):
                keys = ["rmax", "rmin", "dmax"]
                if set(clipping) - set(keys):
                    raise LayerError(
                        f"Received invalid keys for `renorm_clipping` argument: {clipping}. "
                        f"Supported values: {keys}."
                    )
                rmax, rmin, dmax = clipping.get("rmax"), clipping.get("rmin"), clipping.get("dmax")
                if rmax is not None and rmin is not None and rmax < rmin:
                    raise LayerError(
                        "rmax should be greater than rmin in the `renorm_clipping` argument. "
                        "Received: rmax={rmax}, rmin={rmin}."
                    )
                if dmax is not None and dmax < 0:
                    raise LayerError("dmax should be non-negative in the `renorm_clipping` ")

    def build(self, input_shape: tuple) -> None:
        axis = self.axis
        if axis is not UNKNOWN and not -len(input_shape) <= axis < len(input_shape):
            raise LayerError("tuple index out of range", "rank")
        channels = input_shape[axis]
        shape = (channels,)
        trainable = [n for n, on in (("gamma", self.scale), ("beta", self.center)) if on]
        for name in trainable:
            add_defined_weight(self, name, shape)
        frozen = ["moving_mean", "moving_variance"]
        if self.renorm:
            frozen += ["moving_stddev", "renorm_mean", "renorm_stddev"]
        for name in frozen:
            add_defined_weight(self, name, shape, trainable=False)
        n = len(trainable) + len(frozen)
        self.explain(
            f"BatchNormalization: {n}·{format_dim(channels)} = {format_dim(n * channels)} "
            f"({format_dim(len(frozen) * channels)} non-trainable: {', '.join(frozen)})"
        )
        self.input_spec = InputSpec(ndim=len(input_shape), axes={axis: channels})

    def compute_output_shape(self, input_shape: tuple) -> tuple:
        check_axes_in_range([self.axis], input_shape, self.axis, built=bool(self.weights))
        return input_shape


@register("LayerNormalization")
class LayerNormalization(LayerRule):
    """Normalizes over ``axis`` (an int or a list of ints) of each sample.

    Parameters: ``gamma`` (if ``scale``) and ``beta`` (if ``center``), each of shape
    ``tuple(input_shape[a] for a in sorted(axis))``, all trainable.  The deprecated
    ``rms_scaling=True`` keeps ``gamma`` and drops ``beta``.
    """

    def configure(self) -> None:
        axis = self.axis
        if axis is UNKNOWN:
            return
        if isinstance(axis, (list, tuple)):
            self.args["axis"] = list(axis)
        elif not isinstance(axis, int):
            raise LayerError(
                "Expected an int or a list/tuple of ints for the argument 'axis', "
                f"but received: {axis!r}"
            )

    def _axes(self) -> list:
        axis = self.axis
        require_known(axis)
        axes = list(axis) if isinstance(axis, list) else [axis]
        for a in axes:
            require_index(a)
        return axes

    def build(self, input_shape: tuple) -> None:
        axes = self._axes()
        if isinstance(self.axis, list):
            axes = sorted(axes)
        for a in axes:
            if not -len(input_shape) <= a < len(input_shape):
                raise LayerError("tuple index out of range", "rank")
        shape = tuple(input_shape[a] for a in axes)
        rms_scaling = self.args.get("rms_scaling", False)
        names = []
        if self.scale or rms_scaling:
            names.append("gamma")
        if self.center and not rms_scaling:
            names.append("beta")
        for name in names:
            add_defined_weight(self, name, shape)
        size = product(shape)
        if names:
            self.explain(
                f"LayerNormalization: {len(names)}·{'·'.join(format_dim(d) for d in shape)} = "
                f"{format_dim(len(names) * size)}"
            )

    def compute_output_shape(self, input_shape: tuple) -> tuple:
        check_axes_in_range(self._axes(), input_shape, self.axis, built=bool(self.weights))
        return input_shape


def _check_axes(axes: list, input_shape: tuple, received: Any, show_each: bool = True) -> None:
    """``compute_output_shape`` of Group/Unit/RMS normalization: every axis within the input's rank."""
    rank = len(input_shape)
    for axis in axes:
        if axis is UNKNOWN:
            continue
        require_index(axis)
        if axis >= rank or axis < -rank:
            shown = axis if show_each else received
            extra = f" Received: axis={received}" if show_each else ""
            raise LayerError(f"Axis {shown} is out of bounds for input shape {tuple(input_shape)}.{extra}", "rank")


def _as_axes(axis: Any) -> list:
    require_known(axis)
    return list(axis) if isinstance(axis, (list, tuple)) else [axis]


@register("GroupNormalization")
class GroupNormalization(LayerRule):
    """Normalizes each group of ``channels / groups`` channels of axis ``axis``.

    ``groups=-1`` is one group per channel (instance normalization).  ``C = input_shape[axis]``
    must be defined, at least ``groups`` and a multiple of it.  Parameters: ``gamma`` (if
    ``scale``) and ``beta`` (if ``center``), ``C`` each, trainable.
    """

    def configure(self) -> None:
        groups = self.groups
        if groups is UNKNOWN:
            return
        if not isinstance(groups, int) or (groups <= 0 and groups != -1):
            raise LayerError(
                "Received an invalid value for argument `groups`, expected a positive integer (or `-1` for "
                f"instance normalization). Received: groups={groups}"
            )

    def build(self, input_shape: tuple) -> None:
        axis = self.axis
        require_known(axis)
        require_index(axis)
        if not -len(input_shape) <= axis < len(input_shape):
            raise LayerError("tuple index out of range", "rank")
        dim = input_shape[axis]
        if dim is None:
            raise LayerError(
                f"Axis {axis} of input tensor should have a defined dimension but the layer received an input "
                f"with shape {tuple(input_shape)}.",
                "undefined_dim",
            )
        groups = dim if self.groups == -1 else self.groups
        if dim < groups:
            raise LayerError(f"Number of groups ({groups}) cannot be more than the number of channels ({dim}).")
        if dim % groups != 0:
            raise LayerError(f"Number of groups ({groups}) must be a multiple of the number of channels ({dim}).")
        names = [n for n, on in (("gamma", self.scale), ("beta", self.center)) if on]
        for name in names:
            self.add_weight(name, (dim,))
        self.explain(f"GroupNormalization: {len(names)}·{format_dim(dim)} = {format_dim(len(names) * dim)} "
                     f"({format_dim(groups)} groups of {format_dim(dim // groups)} channels)")
        self.input_spec = InputSpec(ndim=len(input_shape), axes={axis: dim})

    def compute_output_shape(self, input_shape: tuple) -> tuple:
        _check_axes(_as_axes(self.axis), input_shape, self.axis)
        return input_shape


@register("UnitNormalization")
class UnitNormalization(LayerRule):
    """Scales each sample to unit L2 norm over ``axis`` (an int or a list of ints); no weights."""

    def configure(self) -> None:
        axis = self.axis
        if axis is UNKNOWN or isinstance(axis, (int, list, tuple)):
            return
        raise LayerError(
            "Invalid value for `axis` argument: expected an int or a list/tuple of ints. "
            f"Received: axis={axis}"
        )

    def compute_output_shape(self, input_shape: tuple) -> tuple:
        _check_axes(_as_axes(self.axis), input_shape, self.axis, show_each=False)
        self.explain("UnitNormalization: output shape = input shape, no weights")
        return input_shape


@register("RMSNormalization")
class RMSNormalization(LayerRule):
    """Root-mean-square normalization over ``axis``.  Parameters: ``scale`` of shape
    ``tuple(input_shape[a] for a in sorted(axis))`` (``(input_shape[axis],)`` for an int)."""

    def build(self, input_shape: tuple) -> None:
        axis = self.axis
        require_known(axis)
        axes = sorted(axis) if isinstance(axis, (list, tuple)) else [axis]
        for a in axes:
            require_index(a)
            if not -len(input_shape) <= a < len(input_shape):
                raise LayerError("tuple index out of range", "rank")
        shape = tuple(input_shape[a] for a in axes)
        add_defined_weight(self, "scale", shape)
        self.explain(f"RMSNormalization: scale {'·'.join(format_dim(d) for d in shape)} = {format_dim(product(shape))}")

    def compute_output_shape(self, input_shape: tuple) -> tuple:
        axes = self.axis if isinstance(self.axis, (list, tuple)) else [self.axis]
        _check_axes(sorted(axes) if self.weights else list(axes), input_shape, self.axis)
        return input_shape


@register("SpectralNormalization")
class SpectralNormalization(LayerRule):
    """Wraps a layer with a ``kernel`` (or ``embeddings``): same output as the layer.

    Parameters: the wrapped layer's, plus a non-trainable ``vector_u`` of shape
    ``(1, kernel.shape[-1])``.
    """

    def configure(self) -> None:
        from kerascheck.engine.runtime import Layer

        layer = self.layer
        if layer is not UNKNOWN and not isinstance(layer, Layer):
            raise LayerError(
                f"Please initialize `SpectralNormalization` layer with a `keras.layers.Layer` instance. "
                f"Received: {layer}"
            )
        iterations = self.power_iterations
        if iterations is not UNKNOWN:
            if not isinstance(iterations, (int, float)):
                raise LayerError(f"'<=' not supported between instances of '{type(iterations).__name__}' and 'int'")
            if iterations <= 0:
                raise LayerError(
                    f"`power_iterations` should be greater than zero. Received: `power_iterations={iterations}`"
                )

    def _inner(self) -> LayerRule:
        layer = self.layer
        if layer is UNKNOWN or layer.rule is None:
            raise Unresolved("the wrapped layer is unknown")
        return layer.rule

    def build(self, input_shape: tuple) -> None:
        inner = self._inner()
        trainable = self.layer.trainable
        if trainable is UNKNOWN:
            raise Unresolved("trainable")
        if not inner.weights:
            inner.explanations = []
            inner.build(input_shape)
        kernels = [w for w in inner.weights if w.name in ("kernel", "embeddings")]
        for weight in inner.weights:
            self.weights.append(Weight(weight.name, weight.shape, weight.trainable and trainable is not False))
        if not kernels:
            raise LayerError(f"{self.layer.class_name} object has no attribute 'kernel' nor 'embeddings'")
        last = kernels[0].shape[-1]
        self.add_weight("vector_u", (1, last), trainable=False)
        for line in inner.explanations:
            self.explain(line)
        self.explain(f"SpectralNormalization: vector_u 1·{format_dim(last)} non-trainable")

    def compute_output_shape(self, input_shape: tuple) -> Any:
        return self._inner().compute_output_shape(input_shape)
