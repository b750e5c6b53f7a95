"""Core operations (``keras/src/ops/core.py``): slicing and scattering, unstacking, and the
control flow and mapping operations, whose output is what a Python function returns."""

from __future__ import annotations

from typing import Any

from kerascheck.engine.dims import UNKNOWN
from kerascheck.engine.layer import LayerError
from kerascheck.engine.operations import register_op
from kerascheck.engine.ops.base import SAME, Op, dims, is_tensor, require_known, shape_attribute, value_of


@register_op("Scatter")
class Scatter(Op):
    """``keras.ops.scatter(indices, values, shape)``: ``shape``."""

    def spec(self, indices: Any, values: Any) -> Any:
        return tuple(self.shape)


@register_op("ScatterUpdate", "SliceUpdate")
class Update(Op):
    """``keras.ops.scatter_update(inputs, indices, updates)``, ``slice_update``: the inputs' shape."""

    dtype_rule = SAME
    config_may_be_unknown = True

    def spec(self, inputs: Any, *_: Any) -> Any:
        reduction = self.args.get("reduction")
        if reduction is not None:
            require_known(reduction)
            if reduction.lower() not in ("add", "max", "min", "mul"):
                raise LayerError(
                    f"Invalid reduction: {reduction}. Supported values are: None, 'add', 'max', 'min', 'mul'.", "config"
                )
        return inputs


@register_op("Slice")
class Slice(Op):
    """``keras.ops.slice(inputs, start_indices, shape)``: ``shape``, where a -1 keeps what follows
    the start (None when the start is a tensor or the size is None)."""

    dtype_rule = SAME

    def spec(self, inputs: Any, start_indices: Any) -> Any:
        shape = dims(inputs)
        if len(self.shape) != len(shape):
            raise LayerError(
                "The number of dimensions in `inputs` must match the number of dimensions in `shape`. Received "
                f"inputs.shape={tuple(shape)} and shape={self.shape}",
                "rank",
            )
        start = value_of(start_indices)
        if start is not UNKNOWN and hasattr(start, "__len__") and len(start) != len(shape):
            raise LayerError(
                "The number of dimensions in `start_indices` must match the number of dimensions in `inputs`. "
                f"Received start_indices={start} and inputs.shape={tuple(shape)}",
                "rank",
            )
        out = []
        for i, (size, wanted) in enumerate(zip(shape, self.shape)):
            if wanted != -1:
                out.append(wanted)
            elif is_tensor(start_indices) or size is None:
                out.append(None)
            else:
                require_known(start)
                out.append(size - start[i])
        return tuple(out)


@register_op("Unstack")
class Unstack(Op):
    """``keras.ops.unstack(x, num=None, axis=0)``: ``num`` (or ``x.shape[axis]``) tensors without
    ``axis``."""

    dtype_rule = SAME

    def output_count(self) -> Any:
        return self.num if isinstance(self.num, int) else None

    def spec(self, x: Any) -> Any:
        from kerascheck.engine.ops.base import canonicalize_axis

        shape = dims(x)
        axis = canonicalize_axis(self.axis, len(shape))
        num = self.num if self.num is not None else shape[axis]
        if num is None:
            raise LayerError(
                f"Cannot infer argument `num` from shape {tuple(shape)}. Either provide a tensor with a concrete shape "
                "in the `axis` dimension or explicitly pass the `num` argument.",
                "undefined_dim",
            )
        return [tuple(shape[:axis] + shape[axis + 1:])] * num


@register_op("WhileLoop")
class WhileLoop(Op):
    """``keras.ops.while_loop(cond, body, loop_vars)``: the loop variables' shapes."""

    dtype_rule = SAME
    config_may_be_unknown = True

    def output_count(self) -> Any:
        return self.args.get("operand_counts", {}).get("loop_vars", 1)

    def spec(self, *loop_vars: Any) -> Any:
        shapes = [shape_attribute(v) for v in loop_vars]
        return shapes if "loop_vars" in self.args.get("operand_counts", {}) else shapes[0]


@register_op("ForiLoop")
class ForiLoop(Op):
    """``keras.ops.fori_loop(lower, upper, body_fun, init_val)``: the initial value's shape."""

    dtype_rule = SAME
    config_may_be_unknown = True

    def spec(self, init_val: Any) -> Any:
        return shape_attribute(init_val)


class Traced(Op):
    """An operation whose output is what a Python function returns (Keras traces it): unknown here.
    ``get_items``: the parameters each of whose tensors Keras indexes first (``x[0]``, a GetItem
    operation) to trace the function on one element."""

    config_may_be_unknown = True
    nested_operations = ("GetItem",)
    get_items: tuple[str, ...] = ()

    def output_count(self) -> Any:
        return None

    def created_operations(self, input_shape: list) -> Any:
        counts = self.args.get("operand_counts", {})
        return ["GetItem"] * sum(counts.get(param, 1) for param in self.get_items)

    def spec(self, *_: Any) -> Any:
        return UNKNOWN


@register_op("Map")
class Map(Traced):
    get_items = ("xs",)


@register_op("VectorizedMap")
class VectorizedMap(Traced):
    get_items = ("elements",)


@register_op("AssociativeScan")
class AssociativeScan(Traced):
    get_items = ("elems",)


@register_op("Scan")
class Scan(Traced):
    """``keras.ops.scan(f, init, xs)``: ``xs[0]`` is an operation when ``xs`` is one tensor."""

    def created_operations(self, input_shape: list) -> Any:
        counts = self.args.get("operand_counts", {})
        return [] if "xs" in counts or not input_shape or input_shape[-1] is None else ["GetItem"]


@register_op("Switch", "Cond", "JVP")
class TracedOnly(Traced):
    nested_operations = ()
