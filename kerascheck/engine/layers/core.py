"""Core layers: Dense, EinsumDense, Embedding, Activation, Identity, Masking, Lambda
(``keras/src/layers/core/``).

``Activation`` lives in Keras's ``activations/`` folder but is a core layer of the docs.
"""

from __future__ import annotations

from typing import Any

from kerascheck.engine.dims import UNKNOWN, Unresolved, as_shape, format_dim, format_shape
from kerascheck.engine.layer import InputSpec, LayerError, LayerRule, register
from kerascheck.engine.layers.base import SameShape
from kerascheck.engine.operation_utils import add_defined_weight, add_lora_weights, validate_activation


@register("Dense")
class Dense(LayerRule):
    """``output = activation(dot(input, kernel) + bias)`` on the last axis.

    Parameters: ``(input_dim + 1) · units`` (no ``+ 1`` without bias).  With
    ``lora_rank=r`` the kernel is frozen and ``input_dim·r + r·units`` trainable
    LoRA parameters are added.
    """

    input_spec = InputSpec(min_ndim=2)

    def configure(self) -> None:
        units = self.units
        if units is not UNKNOWN and (not isinstance(units, int) or units <= 0):
            raise LayerError(
                "Received an invalid value for `units`, expected a positive "
                f"integer. Received: units={units}"
            )
        validate_activation(self.activation)

    def build(self, input_shape: tuple) -> None:
        input_dim = input_shape[-1]
        units = self.units
        lora_rank = self.lora_rank
        _check_rank(lora_rank)
        add_defined_weight(self, "kernel", (input_dim, units), trainable=not lora_rank)
        if self.use_bias:
            self.add_weight("bias", (units,))
        self.input_spec = InputSpec(min_ndim=2, axes={-1: input_dim})
        bias = " + 1" if self.use_bias else ""
        total = (input_dim + (1 if self.use_bias else 0)) * units
        self.explain(f"Dense: ({format_dim(input_dim)}{bias})·{format_dim(units)} = {format_dim(total)}")
        if lora_rank:
            add_lora_weights(self, "kernel", (input_dim,), lora_rank, units, self.kernel_constraint,
                             f"kernel {format_dim(input_dim * units)} frozen")

    def compute_output_shape(self, input_shape: tuple) -> tuple:
        self.explain(f"Dense: last axis {format_dim(input_shape[-1])} → units {format_dim(self.units)}")
        return as_shape(input_shape[:-1]) + (self.units,)


def _check_rank(lora_rank: Any) -> None:
    """A LoRA rank must be a dimension (an int) when it is set."""
    if lora_rank is None or lora_rank is UNKNOWN or isinstance(lora_rank, int):
        return
    raise LayerError(f"Cannot convert '{lora_rank}' to a shape.", "config")


def _positive_int(value: Any, name: str) -> None:
    if value is UNKNOWN:
        return
    if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
        raise LayerError(
            f"`{name}` must be a positive integer. Received: {name}={value} (of type {type(value).__name__})."
        )


@register("Embedding")
class Embedding(LayerRule):
    """A lookup table: output ``input_shape + (output_dim,)``, any input rank.

    Parameters: ``input_dim · output_dim`` (``mask_zero`` changes nothing).  With
    ``lora_rank=r`` the table is frozen and ``input_dim·r + r·output_dim`` are trainable.
    """

    def configure(self) -> None:
        _positive_int(self.input_dim, "input_dim")
        _positive_int(self.output_dim, "output_dim")

    def build(self, input_shape: tuple) -> None:
        input_dim, output_dim, lora_rank = self.input_dim, self.output_dim, self.lora_rank
        _check_rank(lora_rank)
        self.add_weight("embeddings", (input_dim, output_dim), trainable=not lora_rank)
        self.explain(
            f"Embedding: {format_dim(input_dim)}·{format_dim(output_dim)} = {format_dim(input_dim * output_dim)}"
        )
        if lora_rank:
            add_lora_weights(self, "embeddings", (input_dim,), lora_rank, output_dim, self.embeddings_constraint,
                             "embeddings frozen")

    def compute_output_shape(self, input_shape: tuple) -> tuple:
        output = tuple(input_shape) + (self.output_dim,)
        self.explain(f"Embedding: input shape + (output_dim,) = {format_shape(output)}")
        return output



@register("ReversibleEmbedding")
class ReversibleEmbedding(Embedding):
    """An ``Embedding`` that can also project back (``layer(x, reverse=True)``, a call
    argument kerascheck does not see: the forward shape is given).

    Parameters: ``input_dim · output_dim``, plus a second ``output_dim · input_dim``
    ``reverse_embeddings`` when ``tie_weights=False``.
    """

    output_changing_call_options = ("reverse",)

    def build(self, input_shape: tuple) -> None:
        super().build(input_shape)
        if not self.tie_weights:
            self.add_weight("reverse_embeddings", (self.output_dim, self.input_dim))
            self.explain(
                f"untied reverse_embeddings: {format_dim(self.output_dim)}·{format_dim(self.input_dim)} = "
                f"{format_dim(self.output_dim * self.input_dim)}"
            )


@register("Identity")
class Identity(SameShape):
    """Returns its input unchanged (also a list of inputs)."""


@register("Masking")
class Masking(SameShape):
    """Masks timesteps equal to ``mask_value``; output shape = input shape, no weights."""


@register("Activation")
class Activation(SameShape):
    """Applies an activation; the name must be one ``keras.activations.get`` knows."""

    def configure(self) -> None:
        validate_activation(self.activation)


# --------------------------------------------------------------------------- EinsumDense


def _index(shape: Any, i: int, what: str = "tuple") -> Any:
    try:
        return shape[i]
    except IndexError:
        raise LayerError(f"{what} index out of range", "rank") from None


def analyze_einsum(equation: Any, bias_axes: Any, input_shape: tuple, output_shape: Any) -> tuple:
    """``keras.src.layers.core.einsum_dense._analyze_einsum_string``, literally.

    Returns ``(kernel_shape, bias_shape or None, full_output_shape)``.  The equation is
    ``[X],[Y]->[Z]``, ``...[X],[Y]->...[Z]`` or ``[X]...,[Y]->[Z]...``; each kernel axis takes
    its size from the output (``output_shape``, batch first) or else from the input.
    """
    import re

    if equation is UNKNOWN or bias_axes is UNKNOWN or output_shape is UNKNOWN:
        raise Unresolved("equation")
    if not isinstance(equation, str):
        raise LayerError(f"expected string or bytes-like object, got '{type(equation).__name__}'")
    dotted = re.sub(r"\.\.\.", "0", equation)
    left_elided = False
    match = re.match("([a-zA-Z]+),([a-zA-Z]+)->([a-zA-Z]+)", dotted)
    if not match:
        match = re.match("0([a-zA-Z]+),([a-zA-Z]+)->0([a-zA-Z]+)", dotted)
        left_elided = bool(match)
    if not match:
        match = re.match("([a-zA-Z]{2,})0,([a-zA-Z]+)->([a-zA-Z]+)0", dotted)
    if not match:
        raise LayerError(
            f"Invalid einsum equation '{equation}'. Equations must be in the form "
            "[X],[Y]->[Z], ...[X],[Y]->...[Z], or [X]...,[Y]->[Z]...."
        )
    input_spec, weight_spec, output_spec = match.group(1), match.group(2), match.group(3)
    elided = len(input_shape) - len(input_spec)
    output = [output_shape] if isinstance(output_shape, int) else list(output_shape)
    output.insert(0, input_shape[0])
    if elided > 0 and left_elided:
        for i in range(1, elided):
            output.insert(1, input_shape[i])
    elif elided > 0 and not left_elided:
        for i in range(len(input_shape) - elided, len(input_shape)):
            output.append(input_shape[i])
    if left_elided:
        input_map = {dim: (i + elided) - len(input_shape) for i, dim in enumerate(input_spec)}
        output_map = {dim: i + elided for i, dim in enumerate(output_spec)}
    else:
        input_map = {dim: i for i, dim in enumerate(input_spec)}
        output_map = {dim: i for i, dim in enumerate(output_spec)}
    for dim in input_spec:
        in_dim = _index(input_shape, input_map[dim])
        if dim in output_map:
            out_dim = _index(output, output_map[dim], "list")
            if out_dim is not None and out_dim != in_dim:
                raise LayerError(
                    f"Input shape and output shape do not match at shared dimension '{dim}'. "
                    f"Input shape is {in_dim}, and output shape is {out_dim}."
                )
    for dim in output_spec:
        if dim not in input_spec and dim not in weight_spec:
            raise LayerError(
                f"Dimension '{dim}' was specified in the output '{output_spec}' but has no corresponding dim "
                f"in the input spec '{input_spec}' or weight spec '{output_spec}'"
            )
    kernel = []
    for dim in weight_spec:
        if dim in output_map:
            kernel.append(_index(output, output_map[dim], "list"))
        elif dim in input_map:
            kernel.append(_index(input_shape, input_map[dim]))
        else:
            raise LayerError(
                f"Weight dimension '{dim}' did not have a match in either the input spec '{input_spec}' or the "
                f"output spec '{output_spec}'. For this layer, the weight must be fully specified."
            )
    bias = None
    if bias_axes is not None:
        if not isinstance(bias_axes, str):
            raise LayerError(f"'{type(bias_axes).__name__}' object is not iterable")
        offset = elided if left_elided else 0
        idx_map = {char: _index(output, i + offset, "list") for i, char in enumerate(output_spec)}
        for char in bias_axes:
            if char not in output_spec:
                raise LayerError(
                    f"Bias dimension '{char}' was requested, but is not part of the output spec '{output_spec}'"
                )
        if not bias_axes:
            raise LayerError("min() arg is an empty sequence")
        first = min(output_spec.find(char) for char in bias_axes)
        bias = [idx_map[char] if char in bias_axes else 1 for char in output_spec[first:]]
        if not left_elided:
            bias.extend([1] * max(elided, 0))
    return tuple(kernel), (tuple(bias) if bias is not None else None), tuple(output)


@register("EinsumDense")
class EinsumDense(LayerRule):
    """A dense layer written as an einsum: ``output = einsum(equation, input, kernel) + bias``.

    The kernel's axes are the weight spec's letters, each sized from ``output_shape``
    (the output without its batch axis) or from the input; the bias covers the output
    axes from the first letter of ``bias_axes`` on (``1`` for letters not in it).
    Parameters: ``prod(kernel) + prod(bias)``; LoRA as ``Dense`` on the kernel.
    """

    def configure(self) -> None:
        output_shape = self.output_shape
        if output_shape is not UNKNOWN and not isinstance(output_shape, int):
            if not isinstance(output_shape, (tuple, list, str, dict)):
                raise LayerError(f"'{type(output_shape).__name__}' object is not iterable")
            self.args["output_shape"] = tuple(output_shape)
        validate_activation(self.activation)

    def build(self, input_shape: tuple) -> None:
        kernel, bias, _ = analyze_einsum(self.equation, self.bias_axes, tuple(input_shape), self.output_shape)
        lora_rank = self.lora_rank
        _check_rank(lora_rank)
        add_defined_weight(self, "kernel", kernel, trainable=not lora_rank)
        if bias is not None:
            add_defined_weight(self, "bias", bias)
        size = count_of(kernel) + (count_of(bias) if bias is not None else 0)
        text = "·".join(format_dim(d) for d in kernel)
        if bias is not None:
            text += " + " + "·".join(format_dim(d) for d in bias)
        self.explain(f"EinsumDense {self.equation}: kernel {format_shape(kernel)}"
                     f"{'' if bias is None else ', bias ' + format_shape(bias)}: {text} = {format_dim(size)}")
        self.input_spec = InputSpec(ndim=len(input_shape))
        if lora_rank:
            if self.kernel_constraint:
                raise LayerError(
                    "Lora is incompatible with kernel constraints. In order to enable lora on this "
                    "layer, remove the `kernel_constraint` argument."
                )
            self.add_weight("lora_kernel_a", kernel[:-1] + (lora_rank,))
            self.add_weight("lora_kernel_b", (lora_rank, kernel[-1]))

    def compute_output_shape(self, input_shape: tuple) -> tuple:
        _, _, output = analyze_einsum(self.equation, self.bias_axes, tuple(input_shape), self.output_shape)
        self.explain(f"EinsumDense {self.equation}: output {format_shape(output)}")
        return output


def count_of(shape: tuple) -> Any:
    total: Any = 1
    for d in shape:
        total = total * d if d is not None else UNKNOWN
    return total


# --------------------------------------------------------------------------- Lambda


@register("Lambda")
class Lambda(LayerRule):
    """Runs arbitrary Python: ``output_shape=`` says what it gives, else Keras traces the
    function on the input (``compute_output_spec``), which the front-end does for a function
    it can follow (:attr:`traced`); otherwise unknown.

    ``output_shape`` (a tuple without the batch axis) gives ``(batch,) + output_shape``;
    a callable ``output_shape`` is unknown.  No weights.
    """

    # (input shape, output shape) of the function traced by the front-end on the latest call.
    traced: tuple[Any, Any] | None = None

    def configure(self) -> None:
        fn = self.function
        if fn is not UNKNOWN and isinstance(fn, (int, float, str, tuple, list, dict)) and fn is not None:
            raise LayerError(f"'{type(fn).__name__}' object is not callable")

    def compute_output_shape(self, input_shape: Any) -> Any:
        shape = self.output_shape
        traced = self.traced
        if shape is None and traced is not None and isinstance(input_shape, (tuple, list)) and \
                traced[0] == input_shape:
            shown = format_shape(input_shape) if isinstance(input_shape, tuple) else \
                ", ".join(format_shape(s) for s in input_shape)
            self.explain(f"Lambda: its function traced on {shown} gives {format_shape(traced[1])}")
            return traced[1]
        if shape is None or shape is UNKNOWN or not isinstance(shape, (tuple, list)):
            raise Unresolved("Lambda's output is computed by arbitrary code")
        if any(not (d is None or d is UNKNOWN or (isinstance(d, int) and not isinstance(d, bool))) for d in shape):
            raise Unresolved("output_shape")
        # The batch size is the first dimension of the inputs, flattened (the first input's).
        first = input_shape
        while isinstance(first, list) and first:
            first = first[0]
        if not isinstance(first, tuple) or not first:
            raise Unresolved("Lambda's input")
        output = (first[0],) + tuple(shape)
        self.explain(f"Lambda: output_shape={format_shape(tuple(shape))} → {format_shape(output)}")
        return output
