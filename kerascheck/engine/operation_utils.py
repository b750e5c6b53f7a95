"""Shared shape arithmetic, written once as in ``keras/src/ops/operation_utils.py``.

Every function returns the value and the formula that produced it, with the
numbers filled in, so ``--explain`` can show where each dimension comes from.
"""

from __future__ import annotations

from typing import Any, Callable, Sequence

from kerascheck.engine.dims import UNKNOWN, Dim, Unresolved, format_dim
from kerascheck.engine.layer import LayerError, LayerRule
from kerascheck.knowledge.activations import ACTIVATION_NAMES


def standardize_tuple(value: Any, n: int, name: str, allow_zero: bool = False) -> tuple:
    """``keras.src.utils.argument_validation.standardize_tuple``, messages included.

    An int (``True`` counts, as in Python) is repeated ``n`` times; any other
    value must be an iterable of ``n`` values that ``int()`` accepts.
    """
    if value is UNKNOWN:
        return (UNKNOWN,) * n
    # The common cases, which pass every check below unchanged: one positive int, or a
    # tuple of n positive ints.
    if type(value) is int and value > 0:
        return (value,) * n
    if type(value) is tuple and len(value) == n and all(type(v) is int and v > 0 for v in value):
        return value
    error_msg = f"The `{name}` argument must be a tuple of {n} integers. Received {name}={value}"
    if isinstance(value, int):
        value_tuple: tuple = (value,) * n
    else:
        if not isinstance(value, (tuple, list, str)):
            raise LayerError(error_msg, "config")
        value_tuple = tuple(value)
        if len(value_tuple) != n:
            raise LayerError(error_msg, "config")
        for single in value_tuple:
            if single is UNKNOWN:
                continue
            if single is None or isinstance(single, (tuple, list, dict)) or (
                isinstance(single, str) and not single.strip().lstrip("+-").isdigit()
            ):
                raise LayerError(error_msg + f"including element {single} of type {type(single)}", "config")
    if any(isinstance(v, str) for v in value_tuple):  # int("3") passes, then "3" < 0 fails
        op = "<" if allow_zero else "<="
        raise LayerError(f"'{op}' not supported between instances of 'str' and 'int'", "config")
    known = [v for v in value_tuple if v is not UNKNOWN]
    if allow_zero:
        bad = {v for v in known if v < 0}
        req = ">= 0"
    else:
        bad = {v for v in known if v <= 0}
        req = "> 0"
    if bad:
        raise LayerError(error_msg + f", including values {bad} that do not satisfy `value {req}`", "config")
    return value_tuple


def standardize_padding(value: Any, allow_causal: bool = False) -> Any:
    if value is UNKNOWN:
        return UNKNOWN
    if not isinstance(value, str):
        raise LayerError(f"The `padding` argument must be a string. Received: padding={value!r}")
    padding = value.lower()
    allowed = ("causal", "same", "valid") if allow_causal else ("same", "valid")
    if padding not in allowed:
        raise LayerError(
            "The `padding` argument must be a list/tuple or one of "
            f"{set_repr(allowed)}. Received: {padding}",
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
    describe: Callable[[], str] = lambda: "",
) -> tuple[tuple[Dim, ...], list[str]]:
    """Output spatial dims of a conv/pool; raises when one is provably <= 0 (valid padding).

    ``describe`` gives the end of that error's message: it is only formatted when raised.
    """
    dilation = dilation or (1,) * len(spatial)
    out: list[Dim] = []
    formulas: list[str | None] = []
    for n, k, s, d in zip(spatial, kernel, strides, dilation):
        value, formula = conv_output_length(n, k, s, padding, d)
        out.append(value)
        formulas.append(formula)
    for value in out:
        if value is not None and value is not UNKNOWN and value <= 0:
            raise LayerError(
                f"Computed output size would be zero or negative. {describe()}".rstrip(),
                "nonpositive",
            )
    return tuple(out), axis_formulas(formulas)


def axis_formulas(formulas: Sequence[str | None]) -> list[str]:
    """The explanation lines of per-axis output lengths: one ``out = …`` line when every axis
    has the same formula, else ``out[i] = …`` per axis (``None``: a dynamic axis, no line)."""
    if len(set(formulas)) == 1:
        return [f"out = {formulas[0]}"] if formulas[0] else []
    return [f"out[{i}] = {f}" for i, f in enumerate(formulas) if f]


# --------------------------------------------------------------------------- shared helpers


def set_repr(values: Sequence[str]) -> str:
    """How Keras prints a small set of strings in messages (in sorted order here)."""
    return "{" + ", ".join(repr(v) for v in values) + "}"


def numpy_repr(values: Sequence[Any]) -> str:
    """A shape or tuple as ``str(np.array(values))`` prints it: ``[None 3 3 3]``."""
    return "[" + " ".join(format_dim(v) for v in values) + "]"


def is_int(value: Any) -> bool:
    """A Python ``int`` (``bool`` included, as ``isinstance`` says)."""
    return isinstance(value, int)


def is_number(value: Any) -> bool:
    return isinstance(value, (int, float))


def require_number(value: Any, op: str = "<=") -> None:
    """What Python raises when Keras compares a non-number argument (``units <= 0``)."""
    if value is UNKNOWN or isinstance(value, (int, float)):
        return
    raise LayerError(f"'{op}' not supported between instances of '{type(value).__name__}' and 'int'")


def require_index(value: Any, container: str = "tuple") -> None:
    """What Python raises when Keras indexes a shape with a non-int (``input_shape[axis]``)."""
    if value is UNKNOWN or isinstance(value, int):
        return
    raise LayerError(f"{container} indices must be integers or slices, not {type(value).__name__}")


def validate_activation(value: Any) -> None:
    """``keras.activations.get``: strings must name a recorded activation.

    ``None`` is ``linear``; a callable (or anything kerascheck cannot see) is
    accepted; a plain number or an unknown name is rejected as Keras does.
    """
    if value is None or value is UNKNOWN:
        return
    if isinstance(value, str):
        if value not in ACTIVATION_NAMES:
            raise LayerError(f"Could not interpret activation function identifier: {value}", "config")
    elif isinstance(value, (int, float, tuple, list)):
        raise LayerError(f"Could not interpret activation function identifier: {value}", "config")


def add_defined_weight(
    rule: LayerRule, name: str, shape: Sequence[Dim], trainable: bool = True, path: str | None = None
) -> None:
    """``rule.add_weight`` after Keras's check that no dimension is ``None``.

    Keras: ``Shapes used to initialize variables must be fully-defined``.  ``path``
    is the variable path Keras prints (``layer/cell/kernel``), ``rule.name/name`` by default.
    """
    shape = tuple(shape)
    for d in shape:
        if d is None:
            where = path if path is not None else f"{rule.name}/{name}"
            raise LayerError(
                "Shapes used to initialize variables must be fully-defined (no `None` dimensions). "
                f"Received: shape={shape} for variable path='{where}'",
                "undefined_dim",
            )
    rule.add_weight(name, shape, trainable)


def axis_in_range(axis: Any, rank: int) -> bool:
    """Python indexing rule: ``-rank <= axis < rank``."""
    return -rank <= axis < rank


def formula_total(values: Sequence[Dim]) -> Dim:
    """Sum of weight sizes (unknown if any is unknown)."""
    total: Dim = 0
    for v in values:
        total = total + v  # type: ignore[operator]
    return total


def pooling_output_shape(
    input_shape: tuple, pool_size: tuple, strides: tuple, padding: Any, data_format: Any
) -> tuple[tuple, list[str]]:
    """``keras.src.ops.operation_utils.compute_pooling_output_shape``.

    valid: ``out = floor((in - pool) / stride) + 1``; same: ``out = floor((in - 1) / stride) + 1``;
    ``None`` stays ``None``.  Raises when a known output length is <= 0 (valid padding).
    """
    channels_last = data_format == "channels_last"
    spatial = input_shape[1:-1] if channels_last else input_shape[2:]
    if padding not in ("valid", "same"):
        raise LayerError(f"Argument `padding` must be either 'valid' or 'same'. Received: padding={padding}")
    for s in strides:
        if s is not UNKNOWN and s == 0:
            # numpy divides by zero, then int(inf) fails
            raise LayerError("cannot convert float infinity to integer")
    out, formulas = spatial_output(
        "pooling", spatial, pool_size, strides, padding,
        describe=lambda: f"Received: `inputs.shape={numpy_repr(input_shape)}`, "
        f"`pool_size={numpy_repr(pool_size)}`, `strides={tuple(strides)}`, `padding={padding}`.",
    )
    if channels_last:
        return (input_shape[0],) + tuple(out) + (input_shape[-1],), formulas
    return (input_shape[0], input_shape[1]) + tuple(out), formulas


def require_known(*values: Any) -> None:
    """Raise :class:`Unresolved` unless every value is known (for decisions on them)."""
    for v in values:
        if v is UNKNOWN:
            raise Unresolved("value needed for a decision")


def standardized_output_shape(shape: Sequence[Any]) -> tuple:
    """``keras.src.backend.common.variables.standardize_shape`` on a shape a rule computed
    (the output ``KerasTensor`` Keras makes from ``compute_output_shape``): ``None`` stays,
    strings, floats and other non-integers are rejected, as are negative sizes."""
    shape = tuple(shape)
    out: list[Any] = []
    for d in shape:
        if d is None or d is UNKNOWN:
            out.append(d)
            continue
        if isinstance(d, (str, float)) or not isinstance(d, int):
            raise LayerError(
                f"Cannot convert '{shape}' to a shape. Found invalid dimension '{d}' of type '{type(d)}'. "
            )
        if d < 0:
            raise LayerError(f"Cannot convert '{shape}' to a shape. Negative dimensions are not allowed.")
        out.append(int(d))
    return tuple(out)


def add_lora_weights(
    rule: LayerRule, weight: str, rows: Sequence[Dim], rank: Any, columns: Dim, constraint: Any, frozen: str
) -> None:
    """``enable_lora(rank)`` of Dense / Embedding / convolutions: ``lora_<weight>_a`` of shape
    ``rows + (rank,)`` and ``lora_<weight>_b`` ``(rank, columns)``, trainable (the full
    ``<weight>`` is frozen); Keras refuses it beside a ``<weight>_constraint``."""
    if constraint:
        words = "embedding" if weight == "embeddings" else weight
        raise LayerError(
            f"Lora is incompatible with {words} constraints. In order to enable lora on this "
            f"layer, remove the `{weight}_constraint` argument."
        )
    rows = tuple(rows)
    rule.add_weight(f"lora_{weight}_a", rows + (rank,))
    rule.add_weight(f"lora_{weight}_b", (rank, columns))
    size: Any = 1
    for d in rows:
        size = size * d
    total = size * rank + rank * columns
    rule.explain(
        f"LoRA: {'·'.join(format_dim(d) for d in rows)}·{rank} + {rank}·{format_dim(columns)} = "
        f"{format_dim(total)} trainable ({frozen})"
    )
