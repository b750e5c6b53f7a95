"""Core operations (``keras/src/ops/core.py``): slicing and scattering, unstacking, and the
control flow and mapping operations, whose output is what a Python function returns."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from kerascheck.engine.dims import UNKNOWN, is_known
from kerascheck.engine.layer import LayerError
from kerascheck.engine.operations import Constant, register_op
from kerascheck.engine.runtime import KerasTensor
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


@dataclass(frozen=True)
class TracedFunction:
    """A Python function operand (``keras.ops.map``'s ``f``) as the front-end traced it on the
    arguments :meth:`Traced.traced_functions` gives: ``output`` is what it returned, a tensor
    spec (:class:`KerasTensor`: its shape and dtype), None, or a tuple / list of them; UNKNOWN
    where the trace was not followed.  Keras traces it the same way
    (``backend.compute_output_spec``): on backend tensors, so the function makes no operation."""

    output: Any


def traced_output(operand: Any) -> Any:
    """What a traced function operand returned (UNKNOWN for any other operand)."""
    value = operand.value if isinstance(operand, Constant) else operand
    return value.output if isinstance(value, TracedFunction) else UNKNOWN


def _leaves(output: Any) -> list[Any] | None:
    """The tensors a traced function returned: one, or a flat tuple / list of them (None for
    anything else: a nested structure, a dict, an unknown value)."""
    if isinstance(output, KerasTensor):
        return [output]
    if isinstance(output, (tuple, list)) and output and all(isinstance(t, KerasTensor) for t in output):
        return list(output)
    return None


class Traced(Op):
    """An operation whose output is what a Python function returns, which Keras traces
    (``compute_output_spec``).  ``traced_functions`` says which operand is a function and what
    it is traced on, so that the front-end, which runs the analysed code, traces it; the rule
    then reads its output (:class:`TracedFunction`).  A function not traced leaves the output
    unknown.  ``get_items``: the parameters each of whose tensors Keras indexes first (``x[0]``,
    a GetItem operation) to trace the function on one element."""

    config_may_be_unknown = True
    nested_operations = ("GetItem",)
    get_items: tuple[str, ...] = ()

    @classmethod
    def traced_functions(cls, operands: list[Any], config: dict[str, Any]) -> list[tuple[Any, list[Any]]]:
        """``[(where, arguments)]``: the function at ``where`` (an operand's index; ``(index, i)``
        for the i-th of a list operand; a configuration key) is traced on ``arguments``."""
        return []

    def output_count(self) -> Any:
        return None

    def created_operations(self, input_shape: list) -> Any:
        counts = self.args.get("operand_counts", {})
        return ["GetItem"] * sum(counts.get(param, 1) for param in self.get_items)

    def spec(self, *_: Any) -> Any:
        return UNKNOWN

    def output_dtype(self, input_dtypes: list[Any]) -> Any:
        return getattr(self, "traced_dtypes", UNKNOWN)

    def returns(self, tensors: list[Any], shapes: list[Any]) -> Any:
        """The output: ``shapes``, with the traced tensors' dtypes (one shape, or a list)."""
        dtypes = [t.dtype for t in tensors]
        self.traced_dtypes = dtypes[0] if len(set(dtypes)) == 1 else UNKNOWN
        return shapes[0] if len(shapes) == 1 and not self.listed else list(shapes)

    listed = False


def _element(tensor: Any) -> Any:
    """``x[0]``'s spec: the tensor without its first axis (None when its rank is not known)."""
    if not isinstance(tensor, KerasTensor) or not isinstance(tensor.shape, tuple) or not tensor.shape:
        return None
    return KerasTensor(tensor.shape[1:], dtype=tensor.dtype)


@register_op("Map")
class Map(Traced):
    """``keras.ops.map(f, xs)``: ``f`` traced on ``xs[0]``, its outputs stacked along a new first
    axis of ``xs``'s length."""

    get_items = ("xs",)
    function_at: Any = 0
    elements_at = 1

    @classmethod
    def traced_functions(cls, operands: list[Any], config: dict[str, Any]) -> list[tuple[Any, list[Any]]]:
        if "operand_counts" in config or len(operands) <= cls.elements_at:
            return []  # a structure of tensors: not followed
        element = _element(operands[cls.elements_at])
        return [] if element is None else [(cls.function_at, [element])]

    def spec(self, *operands: Any) -> Any:
        function = self.args.get("function") if isinstance(self.function_at, str) else operands[self.function_at]
        tensors = _leaves(traced_output(function))
        xs = operands[self.elements_at]
        if tensors is None or not isinstance(xs, tuple) or not xs:
            return UNKNOWN
        self.listed = not isinstance(traced_output(function), KerasTensor)
        return self.returns(tensors, [(xs[0],) + tuple(t.shape) for t in tensors])


@register_op("VectorizedMap")
class VectorizedMap(Map):
    """``keras.ops.vectorized_map(function, elements)``: as ``map``."""

    get_items = ("elements",)
    function_at = "function"
    elements_at = 0


@register_op("AssociativeScan")
class AssociativeScan(Traced):
    """``keras.ops.associative_scan(f, elems, axis=0)``: ``f`` traced on two slices of ``elems``
    one long along ``axis``; every output has ``elems``'s shape."""

    get_items = ("elems",)

    @classmethod
    def traced_functions(cls, operands: list[Any], config: dict[str, Any]) -> list[tuple[Any, list[Any]]]:
        elems, axis = operands[1] if len(operands) > 1 else None, config.get("axis", 0)
        if "operand_counts" in config or not isinstance(elems, KerasTensor) or not isinstance(elems.shape, tuple):
            return []
        if type(axis) is not int or not -len(elems.shape) <= axis < len(elems.shape):
            return []
        shape = list(elems.shape)
        shape[axis] = 1
        piece = KerasTensor(tuple(shape), dtype=elems.dtype)
        return [(0, [piece, piece])]

    def spec(self, function: Any, elems: Any) -> Any:
        tensors = _leaves(traced_output(function))
        if tensors is None or not isinstance(elems, tuple):
            return UNKNOWN
        self.listed = not isinstance(traced_output(function), KerasTensor)
        return self.returns(tensors, [elems] * len(tensors))


@register_op("Scan")
class Scan(Traced):
    """``keras.ops.scan(f, init, xs, length)``: ``f`` traced on ``(init, xs[0])`` returns
    ``(carry, y)``; the outputs are the carry and the ``y``s stacked (``length`` of them, or
    ``xs``'s length).  ``xs[0]`` is an operation when ``xs`` is one tensor."""

    @classmethod
    def traced_functions(cls, operands: list[Any], config: dict[str, Any]) -> list[tuple[Any, list[Any]]]:
        if "operand_counts" in config or len(operands) != 3:
            return []
        init, xs = operands[1], operands[2]
        if isinstance(init, KerasTensor) or not isinstance(init, (int, float, bool)) or isinstance(init, bool):
            if not isinstance(init, KerasTensor):
                return []  # a structure as the carry: not followed
        if xs is None:
            return [(0, [init, None])]
        element = _element(xs)
        return [] if element is None else [(0, [init, element])]

    def created_operations(self, input_shape: list) -> Any:
        counts = self.args.get("operand_counts", {})
        return [] if "xs" in counts or not input_shape or input_shape[-1] is None else ["GetItem"]

    def spec(self, function: Any, init: Any, xs: Any = None) -> Any:
        output = traced_output(function)
        if not isinstance(output, (tuple, list)) or len(output) != 2:
            return UNKNOWN
        carry, y = output
        length = self.args.get("length")
        if y is None:
            raise LayerError("'NoneType' object has no attribute 'shape'", "config")
        if not isinstance(carry, KerasTensor) or not isinstance(y, KerasTensor):
            return UNKNOWN
        if length is not None:
            if type(length) is not int:
                return UNKNOWN
            n = length
        elif isinstance(xs, tuple) and xs:
            n = xs[0]
        else:
            return UNKNOWN
        self.listed = True
        return self.returns([carry, y], [carry.shape, (n,) + tuple(y.shape)])


@register_op("Switch")
class Switch(Traced):
    """``keras.ops.switch(index, branches, *operands)``: the first branch traced on the operands."""

    nested_operations = ()

    @classmethod
    def traced_functions(cls, operands: list[Any], config: dict[str, Any]) -> list[tuple[Any, list[Any]]]:
        if len(operands) < 2 or not isinstance(operands[1], (list, tuple)) or not operands[1]:
            return []
        return [((1, 0), list(operands[2:]))]

    def spec(self, index: Any, branches: Any, *operands: Any) -> Any:
        value = branches.value if isinstance(branches, Constant) else branches
        output = traced_output(value[0]) if isinstance(value, (list, tuple)) and value else UNKNOWN
        tensors = _leaves(output)
        if tensors is None:
            return UNKNOWN
        self.listed = not isinstance(output, KerasTensor)
        return self.returns(tensors, [t.shape for t in tensors])


def _spec_text(output: Any) -> str:
    """A traced output as Keras prints it in ``cond``'s error (the tensors' names, Keras's own
    ``keras_tensor_N`` counters, are not known: ``…``)."""
    if isinstance(output, KerasTensor):
        return f"<KerasTensor shape={tuple(output.shape)!r}, dtype={output.dtype}, sparse=False, ragged=False, name=…>"
    if isinstance(output, tuple):
        inner = ", ".join(_spec_text(o) for o in output)
        return f"({inner},)" if len(output) == 1 else f"({inner})"
    if isinstance(output, list):
        return "[" + ", ".join(_spec_text(o) for o in output) + "]"
    return repr(output)


@register_op("Cond")
class Cond(Traced):
    """``keras.ops.cond(pred, true_fn, false_fn)`` on a symbolic ``pred``: both functions traced
    (on no argument); they must return the same structure of tensors of the same shapes and
    dtypes (else Keras raises); the output is ``true_fn``'s."""

    nested_operations = ()

    @classmethod
    def traced_functions(cls, operands: list[Any], config: dict[str, Any]) -> list[tuple[Any, list[Any]]]:
        return [(1, []), (2, [])] if len(operands) == 3 else []

    def spec(self, pred: Any, true_fn: Any, false_fn: Any) -> Any:
        true_out, false_out = traced_output(true_fn), traced_output(false_fn)
        true_tensors, false_tensors = _leaves(true_out), _leaves(false_out)
        if true_tensors is None or false_tensors is None:
            return UNKNOWN
        same_structure = type(true_out) is type(false_out) and len(true_tensors) == len(false_tensors)
        if not same_structure or any(
            t.shape != f.shape or t.dtype != f.dtype for t, f in zip(true_tensors, false_tensors)
        ):
            decided = all(
                is_known(t.shape) and isinstance(t.dtype, str) for t in true_tensors + false_tensors
            )
            if not decided:
                return UNKNOWN
            raise LayerError(
                "`true_fn` and `false_fn` should return outputs of the same kind (struct, dtype and shape). "
                f"Got {_spec_text(true_out)} and {_spec_text(false_out)} instead.",
                "config",
            )
        self.listed = not isinstance(true_out, KerasTensor)
        return self.returns(true_tensors, [t.shape for t in true_tensors])


@register_op("JVP")
class JVP(Traced):
    """``keras.ops.jvp(fun, primals, tangents, has_aux)``: ``fun`` traced on the primals; the
    outputs are its output, the tangents' output of the same shape, and its auxiliary output."""

    nested_operations = ()

    @classmethod
    def traced_functions(cls, operands: list[Any], config: dict[str, Any]) -> list[tuple[Any, list[Any]]]:
        counts = config.get("operand_counts", {})
        primals = counts.get("primals")
        if not isinstance(primals, int) or len(operands) < 1 + primals:
            return []
        return [(0, list(operands[1 : 1 + primals]))]

    def spec(self, fun: Any, *_: Any) -> Any:
        output = traced_output(fun)
        if self.args.get("has_aux") is True:
            if not isinstance(output, (tuple, list)) or len(output) != 2:
                return UNKNOWN
            out, aux = output
        elif self.args.get("has_aux") is False:
            out, aux = output, None
        else:
            return UNKNOWN
        if not isinstance(out, KerasTensor) or aux is not None and not isinstance(aux, KerasTensor):
            return UNKNOWN
        tensors = [out, out] + ([aux] if aux is not None else [])
        self.listed = True
        return self.returns(tensors, [t.shape for t in tensors])
