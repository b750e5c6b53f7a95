"""Keras 3's masks on symbolic tensors (``Layer.__call__``'s mask handling), emulated.

A tensor may carry a mask (``KerasTensor.mask``: a tensor, None, or UNKNOWN when
kerascheck cannot tell).  For a call of a layer on symbolic tensors, Keras

1. passes the mask of the call's only tensor argument as ``mask=`` when ``call()``
   has a ``mask`` parameter (the mask then is an input of the call's node, so a
   "Connected to" entry, when the call took the fast path of ``__call__``: one
   positional tensor of the layer's input dtype and no keyword arguments);
2. after the call, when the layer supports masking, sets
   ``compute_mask(first_input, previous_mask)`` on the outputs: Keras's default
   returns the input mask; a layer's own ``compute_mask`` may create operations
   (``Embedding(mask_zero=True)``: ``NotEqual``), whose names come from the same
   counter as the layers' and which become rows of the summary.

What each public class does is recorded from Keras (``knowledge/masking.py``); the
``compute_mask`` overrides emulated here are listed in :data:`EMULATED`.  Anything
else that meets a mask leaves the mask, and what depends on it, unknown.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kerascheck.engine.dims import UNKNOWN
from kerascheck.knowledge import masking as record

if TYPE_CHECKING:
    from kerascheck.engine.runtime import KerasTensor, Layer, Session

# Keras classes whose compute_mask override is emulated by :func:`compute_mask`.
EMULATED = frozenset(
    {"Embedding", "Masking", "RNN", "ConvLSTM", "Bidirectional", "Merge", "Concatenate", "Dot",
     "GlobalAveragePooling1D", "Attention"}
)


def takes_mask(layer: "Layer") -> Any:
    """Whether the layer's ``call`` has a ``mask`` parameter (UNKNOWN when not recorded)."""
    if layer.class_name in record.COMPUTE_MASK:
        return layer.class_name in record.CALL_TAKES_MASK
    return UNKNOWN


def supports_masking(layer: "Layer") -> Any:
    """``layer.supports_masking`` (UNKNOWN when it depends on arguments kerascheck does not model)."""
    name = layer.class_name
    args = layer.rule.args if layer.rule is not None else None
    if name in ("Embedding", "ReversibleEmbedding"):  # Embedding.__init__: supports_masking = mask_zero
        return UNKNOWN if args is None else args.get("mask_zero", UNKNOWN)
    if name == "Lambda":
        return False if args is not None and args.get("mask") is None else UNKNOWN
    return record.SUPPORTS_MASKING.get(name, UNKNOWN)


def is_masked(mask: Any) -> bool:
    """Whether a mask structure may hold a mask (a tensor or UNKNOWN anywhere in it)."""
    if isinstance(mask, (list, tuple)):
        return any(is_masked(m) for m in mask)
    return mask is not None


def has_unknown(mask: Any) -> bool:
    if isinstance(mask, (list, tuple)):
        return any(has_unknown(m) for m in mask)
    return mask is UNKNOWN


def _flat(mask: Any) -> list[Any]:
    if isinstance(mask, (list, tuple)):
        return [m for item in mask for m in _flat(item)]
    return [mask]


def compute_mask(session: "Session", layer: "Layer", first_arg: Any, previous_mask: Any, origin: Any) -> Any:
    """``layer.compute_mask(first_arg, previous_mask)``: a mask per output (a list), or UNKNOWN.

    Operations a Keras ``compute_mask`` creates are created here, in Keras's order.
    UNKNOWN means the masks are unknown; when Keras might have created operations that
    kerascheck cannot emulate, the names generated from here on are unknown too.
    """
    owner = record.COMPUTE_MASK.get(layer.class_name, UNKNOWN)
    if owner is None:  # Keras's default: the input mask
        return _flat(previous_mask)
    rule = layer.rule
    if owner not in EMULATED or rule is None:
        session.names_uncertain_from_opaque_code()
        return UNKNOWN
    args = rule.args
    if owner == "Embedding":
        if args.get("mask_zero") is not True:
            return [None] if args.get("mask_zero") is False else UNKNOWN
        return [_op(session, "NotEqual", [first_arg, 0], {}, origin)]
    if owner == "Masking":
        value = args.get("mask_value", UNKNOWN)
        different = _op(session, "NotEqual", [first_arg, value], {}, origin)
        return [_op(session, "Any", [different], {"axis": -1, "keepdims": False}, origin)]
    if owner in ("Dot", "GlobalAveragePooling1D"):
        return [None]
    if owner in ("RNN", "ConvLSTM", "Bidirectional"):
        mask = _flat(previous_mask)[0]
        if owner == "Bidirectional":
            forward = getattr(rule, "forward", None)
            sequences = UNKNOWN if forward is None else forward.return_sequences
            merged = args.get("merge_mode", UNKNOWN)
        else:
            sequences = args.get("return_sequences", UNKNOWN)
            merged = "single"
        if sequences is UNKNOWN or merged is UNKNOWN:
            return UNKNOWN if mask is not None else [None]
        output = mask if sequences is True else None
        # The states (return_state) get no mask: the outputs past these are None.
        return [output, output] if merged is None else [output]
    if has_unknown(previous_mask):
        # Merge / Concatenate / Attention create operations depending on which masks exist.
        mask_operations_uncertain(session, layer.class_name)
        return UNKNOWN
    masks = _flat(previous_mask)
    if owner == "Merge":
        if previous_mask is None or any(m is None for m in masks):
            return [None]
        output = masks[0]
        for mask in masks[1:]:
            output = _op(session, "LogicalOr", [output, mask], {}, origin)
        return [output]
    if owner == "Concatenate":
        if previous_mask is None or all(m is None for m in masks):
            return [None]
        return [_concatenate_mask(session, first_arg, masks, args.get("axis", UNKNOWN), origin)]
    # Attention / AdditiveAttention: the query's mask, through ops.convert_to_tensor.
    if previous_mask is None or masks[0] is None:
        return [None]
    return [_op(session, "ConvertToTensor", [masks[0]], {}, origin)]


def _concatenate_mask(session: "Session", inputs: Any, masks: list[Any], axis: Any, origin: Any) -> Any:
    """``Concatenate.compute_mask``: every input's mask made as wide as the input, joined."""
    from kerascheck.engine.runtime import KerasTensor

    if not isinstance(inputs, (list, tuple)) or len(inputs) != len(masks):
        session.names_uncertain_from_opaque_code()
        return UNKNOWN
    widened = []
    for tensor, mask in zip(inputs, masks):
        if not isinstance(tensor, KerasTensor) or not isinstance(tensor.shape, tuple):
            session.names_uncertain_from_opaque_code()
            return UNKNOWN
        if mask is None:
            widened.append(_op(session, "OnesLike", [tensor], {}, origin))
            continue
        if not isinstance(mask, KerasTensor) or not isinstance(mask.shape, tuple):
            session.names_uncertain_from_opaque_code()
            return UNKNOWN
        if len(mask.shape) < len(tensor.shape):
            expanded = _op(session, "ExpandDims", [mask], {"axis": -1}, origin)
            zeros = _op(session, "ZerosLike", [tensor], {}, origin)
            mask = _op(session, "LogicalOr", [expanded, zeros], {}, origin)
        widened.append(mask)
    if not all(isinstance(m, KerasTensor) for m in widened):
        return UNKNOWN
    joined = _op(session, "Concatenate", widened, {"axis": axis}, origin)
    return _op(session, "Any", [joined], {"axis": -1, "keepdims": False}, origin)


# The operations each emulated ``compute_mask`` may create (names follow their classes).
MASK_OPERATIONS: dict[str, tuple[str, ...]] = {
    "Embedding": ("NotEqual",),
    "Masking": ("NotEqual", "Any"),
    "Merge": ("LogicalOr",),
    "Concatenate": ("OnesLike", "ExpandDims", "ZerosLike", "LogicalOr", "Concatenate", "Any"),
    "Attention": ("ConvertToTensor",),
    "AdditiveAttention": ("ConvertToTensor",),
}


def mask_operations_uncertain(session: "Session", class_name: str) -> None:
    """A ``compute_mask`` that may or may not run, or may create operations kerascheck cannot
    tell: the names of what it may create are unknown from here (all names, if that is not known)."""
    owner = record.COMPUTE_MASK.get(class_name, UNKNOWN)
    operations = MASK_OPERATIONS.get(owner) if isinstance(owner, str) else None
    if operations is None:
        session.names_uncertain_from_opaque_code()
    else:
        session.names_uncertain_for(operations)


def _op(session: "Session", op_class: str, operands: list[Any], config: dict[str, Any], origin: Any) -> Any:
    from kerascheck.engine.runtime import KerasTensor

    if not any(isinstance(o, KerasTensor) for o in operands):
        return UNKNOWN
    return session.operation(op_class, operands, config, origin)


def set_output_masks(outputs: list["KerasTensor"], masks: Any) -> None:
    """Attach ``masks`` (one per output, shorter lists leave the rest unmasked) to the outputs."""
    if masks is UNKNOWN:
        for tensor in outputs:
            tensor.mask = UNKNOWN
        return
    for tensor, mask in zip(outputs, masks):
        tensor.mask = mask
