"""Shared shape arithmetic, written once as in ``keras/src/ops/operation_utils.py``.

Every function returns the value and the formula that produced it, with the
numbers filled in, so ``--explain`` can show where each dimension comes from.
"""

from __future__ import annotations

from typing import Any, Sequence

from kerascheck.engine.dims import UNKNOWN, Dim, format_dim
from kerascheck.engine.layer import LayerError


def standardize_tuple(value: Any, n: int, name: str, allow_zero: bool = False) -> tuple:
    """``keras.src.utils.argument_validation.standardize_tuple``."""
    if value is UNKNOWN:
        return (UNKNOWN,) * n
    if isinstance(value, int) and not isinstance(value, bool):
        value = (value,) * n
    elif isinstance(value, (tuple, list)):
        value = tuple(value)
        if len(value) != n:
            raise LayerError(
                f"The `{name}` argument must be a tuple of {n} integers. "
                f"Received {name}={value}",
                "config",
            )
    else:
        raise LayerError(
            f"The `{name}` argument must be a tuple of {n} integers. Received {name}={value!r}",
            "config",
        )
    for v in value:
        if v is UNKNOWN:
            continue
        if not isinstance(v, int) or isinstance(v, bool):
            raise LayerError(
                f"The `{name}` argument must be a tuple of {n} integers. "
                f"Received {name}={value} including element {v!r} of type {type(v)}",
                "config",
            )
        if v < 0 if allow_zero else v <= 0:
            req = ">= 0" if allow_zero else "> 0"
            raise LayerError(
                f"The `{name}` argument must be a tuple of {n} integers. "
                f"Received {name}={value} including values {{{v}}} that do not satisfy `value {req}`",
                "config",
            )
    return value


def standardize_padding(value: Any, allow_causal: bool = False) -> Any:
    if value is UNKNOWN:
        return UNKNOWN
    if not isinstance(value, str):
        raise LayerError(f"The `padding` argument must be a string. Received: padding={value!r}")
    padding = value.lower()
    allowed = {"valid", "same", "causal"} if allow_causal else {"valid", "same"}
    if padding not in allowed:
        raise LayerError(
            "The `padding` argument must be a list/tuple or one of "
            f"{sorted(allowed)}. Received: {value}",
        )
    return padding


def standardize_data_format(value: Any) -> Any:
    if value is None:
        return "channels_last"  # keras.config.image_data_format() unless configured
    if value is UNKNOWN:
        return UNKNOWN
    data_format = str(value).lower()
    if data_format not in {"channels_first", "channels_last"}:
        raise LayerError(
            "The `data_format` argument must be one of {'channels_first', 'channels_last'}. "
            f"Received: data_format={value}"
        )
    return data_format


def conv_output_length(
    length: Dim, kernel: Dim, stride: Dim, padding: Any, dilation: Dim = 1
) -> tuple[Dim, str | None]:
    """One spatial output length of a convolution or pooling window.

    valid: ``floor((in - dilation·(k - 1) - 1) / stride) + 1``;
    same / causal: ``floor((in - 1) / stride) + 1``.
    """
    if length is None:
        return None, None
    if padding == "valid":
        span = dilation * (kernel - 1) + 1
        value = (length - span) // stride + 1
        if dilation == 1:
            text = f"floor(({format_dim(length)} - {format_dim(kernel)}) / {format_dim(stride)}) + 1"
        else:
            text = (
                f"floor(({format_dim(length)} - {format_dim(dilation)}·({format_dim(kernel)} - 1) - 1)"
                f" / {format_dim(stride)}) + 1"
            )
    else:
        value = (length - 1) // stride + 1
        text = f"floor(({format_dim(length)} - 1) / {format_dim(stride)}) + 1"
    return value, f"{text} = {format_dim(value)}"


def spatial_output(
    rule_name: str,
    spatial: Sequence[Dim],
    kernel: Sequence[Dim],
    strides: Sequence[Dim],
    padding: Any,
    dilation: Sequence[Dim] | None = None,
    describe: str = "",
) -> tuple[tuple[Dim, ...], list[str]]:
    """Output spatial dims of a conv/pool; raises when one is provably <= 0 (valid padding)."""
    dilation = dilation or (1,) * len(spatial)
    out: list[Dim] = []
    formulas: list[str] = []
    for i, (n, k, s, d) in enumerate(zip(spatial, kernel, strides, dilation)):
        value, formula = conv_output_length(n, k, s, padding, d)
        out.append(value)
        if formula:
            formulas.append(f"out[{i}] = {formula}" if len(spatial) > 1 else f"out = {formula}")
    for value in out:
        if value is not None and value is not UNKNOWN and value <= 0:
            raise LayerError(
                f"Computed output size would be zero or negative. {describe}".rstrip(),
                "nonpositive",
            )
    return tuple(out), formulas
