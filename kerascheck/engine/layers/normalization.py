"""Normalization layers (``keras/src/layers/normalization/``)."""

from __future__ import annotations

from typing import Any

from kerascheck.engine.dims import UNKNOWN, format_dim, product
from kerascheck.engine.layer import InputSpec, LayerError, LayerRule, register
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
