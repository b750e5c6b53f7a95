"""Attention layers (``keras/src/layers/attention/``): MultiHeadAttention,
GroupedQueryAttention, Attention, AdditiveAttention.

``Attention`` and ``AdditiveAttention`` are called on a list ``[query, value]`` or
``[query, value, key]``.  ``MultiHeadAttention`` and ``GroupedQueryAttention`` are
called as ``layer(query, value)`` or ``layer(query, value, key)``: their rules read a
list of shapes ``[query, value(, key)]``, which the runtime must build from the
positional (or ``query=`` / ``value=`` / ``key=``) tensors of the call.  Given only one
shape, the result is unknown.
"""

from __future__ import annotations

import string
from typing import Any

from kerascheck.engine.dims import UNKNOWN, Unresolved, format_dim, format_shape
from kerascheck.engine.layer import LayerError, LayerRule, register
from kerascheck.engine.layers.core import analyze_einsum
from kerascheck.engine.operation_utils import add_defined_weight, formula_total


def _query_value_key(shapes: Any) -> tuple:
    """``[query, value(, key)]`` shapes; unknown when the call's tensors are not all known."""
    if not isinstance(shapes, list) or not 2 <= len(shapes) <= 3:
        raise Unresolved("the call's query / value / key are not known")
    if any(s is UNKNOWN for s in shapes):
        raise Unresolved("an input shape is unknown")
    query, value = tuple(shapes[0]), tuple(shapes[1])
    key = tuple(shapes[2]) if len(shapes) == 3 else value
    return query, value, key


def _check_value_key(value: tuple, key: tuple) -> None:
    if value[1:-1] != key[1:-1]:
        raise LayerError(
            "All dimensions of `value` and `key`, except the last one, must be equal. "
            f"Received: value_shape={value} and key_shape={key}",
            "merge",
        )


def _positive_int(value: Any, message: str, allow_none: bool = False) -> None:
    if value is UNKNOWN or (allow_none and value is None):
        return
    if not isinstance(value, int) or value <= 0:
        raise LayerError(message)


def _letter(i: int) -> str:
    return string.ascii_lowercase[i]


def build_proj_equation(free_dims: int, bound_dims: int, output_dims: int) -> tuple[str, str, int]:
    """``multi_head_attention._build_proj_equation``."""
    input_str = kernel_str = output_str = bias_axes = ""
    for i in range(free_dims):
        input_str += _letter(i)
        output_str += _letter(i)
    for i in range(bound_dims):
        input_str += _letter(free_dims + i)
        kernel_str += _letter(free_dims + i)
    for i in range(output_dims):
        char = _letter(free_dims + bound_dims + i)
        kernel_str += char
        output_str += char
        bias_axes += char
    return f"{input_str},{kernel_str}->{output_str}", bias_axes, len(output_str)


def _partial_output(output_rank: int, last: list) -> list:
    return [None] * (output_rank - len(last)) + list(last)


class _Projections:
    """Adds the weights of EinsumDense sub-layers to a rule, named ``sublayer/kernel``."""

    def __init__(self, rule: LayerRule) -> None:
        self.rule = rule
        self.lines: list[str] = []

    def add(self, name: str, equation: str, output_shape: list, bias_axes: str | None, input_shape: tuple) -> tuple:
        kernel, bias, output = analyze_einsum(equation, bias_axes, input_shape, output_shape)
        add_defined_weight(self.rule, f"{name}/kernel", kernel, path=f"{name}/kernel")
        sizes = [self.rule.weights[-1].count]
        if bias is not None:
            add_defined_weight(self.rule, f"{name}/bias", bias, path=f"{name}/bias")
            sizes.append(self.rule.weights[-1].count)
        bias_text = f" + bias {format_shape(bias)}" if bias is not None else ""
        self.lines.append(f"{name}: kernel {format_shape(kernel)}{bias_text} = {format_dim(formula_total(sizes))}")
        return output


@register("MultiHeadAttention")
class MultiHeadAttention(LayerRule):
    """``layer(query, value[, key])`` → ``query.shape[:-1] + (output_shape or (query.shape[-1],))``.

    Projections (EinsumDense, ``H = num_heads``): query ``(q_dim, H, key_dim)``, key
    ``(k_dim, H, key_dim)``, value ``(v_dim, H, value_dim)``, each with an ``(H, ·)``
    bias; ``use_gate`` adds a query-side ``(q_dim, H, value_dim)`` one; the output
    projection is ``(H, value_dim, *output_shape)`` with an ``output_shape`` bias.
    ``value_dim`` defaults to ``key_dim``; ``output_shape`` to ``query.shape[-1]``.
    """

    multiple_inputs = True
    call_arguments = ("query", "value", "key")
    """The call's tensor parameters, in order: the runtime passes ``[query, value(, key)]``."""
    output_changing_call_options = ("return_attention_scores",)
    auxiliary_layers_on_build = ("Softmax", "Dropout")

    def configure(self) -> None:
        _positive_int(
            self.num_heads,
            "Received an invalid value for argument `num_heads`, expected a positive integer. "
            f"Received: num_heads={self.num_heads}",
        )
        _positive_int(
            self.key_dim,
            "Received an invalid value for argument `key_dim`, expected a positive integer. "
            f"Received: key_dim={self.key_dim}",
        )
        _positive_int(
            self.value_dim,
            "Received an invalid value for argument `value_dim`, expected a positive integer or `None`. "
            f"Received: value_dim={self.value_dim}",
            allow_none=True,
        )
        output_shape = self.output_shape
        if output_shape is not UNKNOWN and output_shape:
            if isinstance(output_shape, int):
                output_shape = (output_shape,)
            if not isinstance(output_shape, (tuple, list, str, dict)):
                raise LayerError(
                    f"Invalid `output_shape`: {output_shape}. When specified, the `output_shape` should be of "
                    "type tuple, list, or int."
                )
            self.args["output_shape"] = tuple(output_shape)
        elif output_shape is not UNKNOWN:
            self.args["output_shape"] = None
        axes = self.attention_axes
        if isinstance(axes, int) and axes is not UNKNOWN:
            self.args["attention_axes"] = (axes,)
        elif axes is not UNKNOWN and axes and not isinstance(axes, (list, tuple)):
            raise LayerError(f"`attention_axes` must be an int, list, or tuple.Received: attention_axes={axes}")
        window = self.sliding_window
        if window is not None and window is not UNKNOWN and (not isinstance(window, int) or window <= 0):
            raise LayerError(
                f"`sliding_window` must be `None` or a positive integer. Received: sliding_window={window}"
            )
        if self.flash_attention is True and self.dropout is not UNKNOWN and self.dropout > 0.0:
            raise LayerError(
                "Dropout is not supported when flash attention is enabled. Please set dropout to 0.0 to use "
                "flash attention."
            )

    def _value_dim(self) -> Any:
        return self.value_dim if self.value_dim else self.key_dim

    def build(self, shapes: Any) -> None:
        query, value, key = _query_value_key(shapes)
        _check_value_key(value, key)
        heads, key_dim, value_dim = self.num_heads, self.key_dim, self._value_dim()
        bias = self.use_bias
        proj = _Projections(self)
        equation, axes, rank = build_proj_equation(len(query) - 1, 1, 2)
        query_out = proj.add("query", equation, _partial_output(rank - 1, [heads, key_dim]), axes if bias else None,
                             query)
        equation, axes, rank = build_proj_equation(len(key) - 1, 1, 2)
        proj.add("key", equation, _partial_output(rank - 1, [heads, key_dim]), axes if bias else None, key)
        if self.use_gate:
            equation, axes, rank = build_proj_equation(len(query) - 1, 1, 2)
            proj.add("gate", equation, _partial_output(rank - 1, [heads, value_dim]), axes if bias else None, query)
        equation, axes, rank = build_proj_equation(len(value) - 1, 1, 2)
        proj.add("value", equation, _partial_output(rank - 1, [heads, value_dim]), axes if bias else None, value)
        self._check_attention_axes(rank)
        output_shape = list(self.output_shape) if self.output_shape else [query[-1]]
        equation, axes, rank = build_proj_equation(len(query) - 1, 2, len(output_shape))
        dense_input = tuple(query_out[:-1]) + (value_dim,)
        proj.add("attention_output", equation, _partial_output(rank - 1, output_shape), axes if bias else None,
                 dense_input)
        for line in proj.lines:
            self.explain(f"MultiHeadAttention {line}")
        total = formula_total([w.count for w in self.weights])
        self.explain(f"MultiHeadAttention: {format_dim(total)} parameters")

    def _check_attention_axes(self, rank: int) -> None:
        axes = self.attention_axes
        if axes is None:
            return
        if axes is UNKNOWN:
            raise Unresolved("attention_axes")
        normalized = []
        for axis in axes:
            if axis is UNKNOWN:
                raise Unresolved("attention_axes")
            if not isinstance(axis, int):
                raise LayerError(f"'>=' not supported between instances of '{type(axis).__name__}' and 'int'")
            normalized.append(axis if axis >= 0 else (rank - 1) + axis)
        for axis in normalized + [rank - 1]:
            if not -rank <= axis < rank:
                raise LayerError(f"index {axis} is out of bounds for axis 0 with size {rank}", "axis")

    def compute_output_shape(self, shapes: Any) -> Any:
        query, value, key = _query_value_key(shapes)
        _check_value_key(value, key)
        output = query[:-1] + tuple(self.output_shape) if self.output_shape else query
        self.explain(f"MultiHeadAttention: query {format_shape(query)} → {format_shape(output)}")
        return output

    def compute_output_shape_with_options(self, shapes: Any, options: Any) -> Any:
        """``return_attention_scores=True``: the output and the scores, whose symbolic shape
        ``compute_output_spec`` states as ``(batch, num_heads, query length, query length)``
        (the query's length twice, whatever the value's)."""
        scores = options.get("return_attention_scores", False)
        if scores is False:
            return [self.compute_output_shape(shapes)]
        query = _query_value_key(shapes)[0]
        if scores is not True or len(query) < 2 or type(self.num_heads) is not int:
            return None
        return [self.compute_output_shape(shapes), (query[0], self.num_heads, query[1], query[1])]


@register("GroupedQueryAttention")
class GroupedQueryAttention(LayerRule):
    """``layer(query, value[, key])`` → ``query.shape``; ``query.shape[-1]`` must equal ``value.shape[-1]``.

    Projections (``m`` the input feature size, ``d = head_dim``): query ``(m, num_query_heads, d)``,
    key and value ``(m, num_key_value_heads, d)``, each with a ``(heads, d)`` bias;
    ``use_gate`` adds one like query; output ``(num_query_heads, d, query_dim)`` + ``(query_dim,)``.
    """

    multiple_inputs = True
    call_arguments = ("query", "value", "key")
    output_changing_call_options = ("return_attention_scores",)
    auxiliary_layers_on_build = ("Softmax", "Dropout")

    def configure(self) -> None:
        q, kv = self.num_query_heads, self.num_key_value_heads
        if q is not UNKNOWN and kv is not UNKNOWN:
            if not isinstance(q, (int, float)) or not isinstance(kv, (int, float)):
                raise LayerError(
                    f"unsupported operand type(s) for %: '{type(q).__name__}' and '{type(kv).__name__}'"
                )
            if kv == 0:
                raise LayerError("integer modulo by zero")
            if q % kv != 0:
                raise LayerError("`num_query_heads` must be divisible by `num_key_value_heads`.")
        window = self.sliding_window
        if window is not None and window is not UNKNOWN and (not isinstance(window, int) or window <= 0):
            raise LayerError(
                f"`sliding_window` must be `None` or a positive integer. Received: sliding_window={window}"
            )
        head_dim = self.head_dim
        if head_dim is not UNKNOWN and (not isinstance(head_dim, (int, float)) or head_dim <= 0):
            if isinstance(head_dim, (int, float)) and head_dim == 0:
                raise LayerError("float division by zero")
            if not isinstance(head_dim, (int, float)):
                raise LayerError(f"float() argument must be a string or a real number, not '{type(head_dim).__name__}'")
            raise LayerError("math domain error")
        if self.flash_attention is True and self.dropout is not UNKNOWN and self.dropout > 0.0:
            raise LayerError(
                "Dropout is not supported when flash attention is enabled. Please set dropout to 0.0 to use "
                "flash attention."
            )

    def build(self, shapes: Any) -> None:
        query, value, key = _query_value_key(shapes)
        d, hq, hkv = self.head_dim, self.num_query_heads, self.num_key_value_heads
        bias = self.use_bias
        proj = _Projections(self)
        proj.add("query", "bqm,muh->bquh", [None, hq, d], "uh" if bias else None, query)
        proj.add("key", "bkm,mvh->bkvh", [None, hkv, d], "vh" if bias else None, key)
        if self.use_gate:
            proj.add("gate", "bqm,muh->bquh", [None, hq, d], "uh" if bias else None, query)
        proj.add("value", "bkm,mvh->bkvh", [None, hkv, d], "vh" if bias else None, value)
        proj.add("attention_output", "bquh,uhm->bqm", [None, query[-1]], "m" if bias else None, (None, None, hq, d))
        for line in proj.lines:
            self.explain(f"GroupedQueryAttention {line}")

    def compute_output_shape(self, shapes: Any) -> Any:
        query, value, key = _query_value_key(shapes)
        if query[-1] != value[-1]:
            raise LayerError(
                "The last dimension of `query_shape` and `value_shape` must be equal, but are "
                f"{query[-1]}, {value[-1]}. Received: query_shape={query}, value_shape={value}",
                "merge",
            )
        _check_value_key(value, key)
        return query


class BaseDotAttention(LayerRule):
    """Called on ``[query, value]`` or ``[query, value, key]``: output ``query.shape[:-1] + (value.shape[-1],)``."""

    multiple_inputs = True
    output_changing_call_options = ("return_attention_scores",)

    def _inputs(self, shapes: Any) -> list:
        name = self.keras_class
        if not isinstance(shapes, list):
            raise LayerError(
                f"{name} layer must be called on a list of inputs, namely [query, value] or "
                f"[query, value, key]. Received: inputs={shapes}.",
                "merge",
            )
        if len(shapes) < 2 or len(shapes) > 3:
            raise LayerError(
                f"{name} layer accepts inputs list of length 2 or 3, namely [query, value] or "
                f"[query, value, key]. Received length: {len(shapes)}.",
                "merge",
            )
        if any(s is UNKNOWN for s in shapes[:2]):
            raise Unresolved("an input shape is unknown")
        return shapes

    def configure(self) -> None:
        dropout = self.dropout
        if dropout is not UNKNOWN and not isinstance(dropout, (int, float)):
            raise LayerError(f"'>' not supported between instances of '{type(dropout).__name__}' and 'int'")

    def compute_output_shape(self, shapes: Any) -> Any:
        query, value = self._inputs(shapes)[:2]
        output = tuple(query[:-1]) + (value[-1],)
        self.explain(f"{self.keras_class}: query {format_shape(tuple(query))}, value last axis "
                     f"{format_dim(value[-1])} → {format_shape(output)}")
        return output


@register("Attention")
class Attention(BaseDotAttention):
    """Dot-product (Luong) attention.  Weights: a scalar ``scale`` if ``use_scale``, a scalar
    ``concat_score_weight`` if ``score_mode='concat'``."""

    def configure(self) -> None:
        super().configure()
        mode = self.score_mode
        if mode is not UNKNOWN and mode not in ["dot", "concat"]:
            raise LayerError(
                "Invalid value for argument score_mode. Expected one of {'dot', 'concat'}. "
                f"Received: score_mode={mode}"
            )

    def build(self, shapes: Any) -> None:
        self._inputs(shapes)
        if self.use_scale:
            self.add_weight("scale", ())
        if self.score_mode == "concat":
            self.add_weight("concat_score_weight", ())
        if self.weights:
            self.explain(f"Attention: {len(self.weights)} scalar weight(s)")


@register("AdditiveAttention")
class AdditiveAttention(BaseDotAttention):
    """Additive (Bahdanau) attention.  Weights: ``scale`` of shape ``(query.shape[-1],)`` if ``use_scale``."""

    def build(self, shapes: Any) -> None:
        query = self._inputs(shapes)[0]
        if self.use_scale:
            add_defined_weight(self, "scale", (query[-1],))
            self.explain(f"AdditiveAttention: scale {format_dim(query[-1])}")
