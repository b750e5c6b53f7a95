"""Recurrent layers (``keras/src/layers/rnn/``): SimpleRNN, LSTM, GRU, their cells,
``RNN(cell)``, StackedRNNCells, ConvLSTM1D/2D/3D, Bidirectional and TimeDistributed.

An RNN layer reads ``(batch, timesteps, input_dim)``.  Its output is
``(batch, units)``, or ``(batch, timesteps, units)`` with ``return_sequences``;
``return_state`` makes it a list ``[output, *states]`` with one ``(batch, units)``
state per cell state (two for LSTM).  ``go_backwards``, ``stateful``,
``unroll``, dropouts change no shape.
"""

from __future__ import annotations

from typing import Any

from kerascheck.engine.dims import UNKNOWN, PartialShape, Unresolved, format_dim, format_shape, refine_min_rank
from kerascheck.engine.layer import InputSpec, LayerError, LayerRule, Weight, register
from kerascheck.engine.operation_utils import add_defined_weight, formula_total, require_number, validate_activation


class BaseRNN(LayerRule):
    """``keras.layers.RNN`` around one of Keras's cells.

    Weights per cell, with ``k`` gates: ``kernel (input_dim, k·units)``,
    ``recurrent_kernel (units, k·units)`` and a bias (see :meth:`bias_shape`).
    """

    input_spec = InputSpec(ndim=3)
    gates = 1
    states = 1
    cell_name = "rnn_cell"

    def configure(self) -> None:
        units = self.units
        require_number(units)
        if isinstance(units, (int, float)) and units <= 0:
            raise LayerError(
                f"Received an invalid value for argument `units`, expected a positive integer, got {units}."
            )
        validate_activation(self.activation)
        if "recurrent_activation" in self.args:
            validate_activation(self.recurrent_activation)
        use_cudnn = self.args.get("use_cudnn", "auto")
        if use_cudnn is not UNKNOWN and use_cudnn not in ("auto", True, False):
            raise LayerError(
                "Invalid valid received for argument `use_cudnn`. Expected one of "
                f"{{'auto', True, False}}. Received: use_cudnn={use_cudnn}"
            )

    # -- shapes ---------------------------------------------------------------------
    def compute_output_shape(self, input_shape: tuple) -> Any:
        batch, length, units = input_shape[0], input_shape[1], self.units
        output = (batch, length, units) if self.return_sequences else (batch, units)
        what = "sequences (batch, timesteps, units)" if self.return_sequences else "last output (batch, units)"
        if self.return_state:
            self.explain(f"{self.keras_class}: {what} + {self.states} state(s) (batch, units)")
            return [output] + [(batch, units)] * self.states
        self.explain(f"{self.keras_class}: {what} = {format_shape(output)}")
        return output

    # -- weights --------------------------------------------------------------------
    def bias_shape(self) -> tuple:
        return (self.gates * self.units,)

    def build(self, input_shape: tuple) -> None:
        input_dim, units, k = input_shape[-1], self.units, self.gates
        path = f"{self.name}/{self.cell_name}"
        add_defined_weight(self, "kernel", (input_dim, k * units), path=f"{path}/kernel")
        add_defined_weight(self, "recurrent_kernel", (units, k * units), path=f"{path}/recurrent_kernel")
        if self.use_bias:
            add_defined_weight(self, "bias", self.bias_shape(), path=f"{path}/bias")
        if input_shape[0] is None and self.args.get("stateful"):
            raise LayerError(
                "When using `stateful=True` in a RNN, the batch size must be static. Found dynamic "
                f"batch size: sequence.shape={tuple(input_shape)}",
                "undefined_dim",
            )
        total = formula_total([w.count for w in self.weights])
        self.explain(f"{self.keras_class}: {self.formula(input_dim)} = {format_dim(total)}")

    def formula(self, input_dim: Any) -> str:
        """The parameter count as commonly written, numbers filled in."""
        core = f"({format_dim(input_dim)} + {format_dim(self.units)})·{format_dim(self.units)}"
        if self.use_bias:
            core += f" + {format_dim(self.units)}"
        return core if self.gates == 1 else f"{self.gates}·({core})"


@register("SimpleRNN")
class SimpleRNN(BaseRNN):
    """Parameters: ``(input_dim + units)·units + units``."""

    gates = 1
    cell_name = "simple_rnn_cell"


@register("LSTM")
class LSTM(BaseRNN):
    """Parameters: ``4·((input_dim + units)·units + units)``; states ``[h, c]``."""

    gates = 4
    states = 2
    cell_name = "lstm_cell"


@register("GRU")
class GRU(BaseRNN):
    """Parameters: ``3·((input_dim + units)·units + 2·units)`` with ``reset_after=True``
    (bias ``(2, 3·units)``), ``3·((input_dim + units)·units + units)`` without."""

    gates = 3
    cell_name = "gru_cell"

    def bias_shape(self) -> tuple:
        if self.reset_after:
            return (2, 3 * self.units)
        return (3 * self.units,)

    def formula(self, input_dim: Any) -> str:
        core = f"({format_dim(input_dim)} + {format_dim(self.units)})·{format_dim(self.units)}"
        if self.use_bias:
            core += f" + 2·{format_dim(self.units)}" if self.reset_after else f" + {format_dim(self.units)}"
        return f"3·({core})"


# --------------------------------------------------------------------------- Bidirectional

MERGE_MODES = ("sum", "mul", "ave", "concat", None)


def _is_layer(value: Any) -> bool:
    from kerascheck.engine.runtime import Layer

    return isinstance(value, Layer)


def _removeprefix(name: Any, prefix: str) -> str:
    text = str(name)
    return text[len(prefix):] if text.startswith(prefix) else text


def _clone(layer: Any, name: str, **overrides: Any) -> LayerRule:
    """A fresh rule with the wrapped layer's (standardized) config, as Keras's deserialize."""
    rule = layer.rule
    args = dict(rule.args)
    args.update(overrides)
    clone = type(rule)(args, name)
    clone.configure()
    return clone


@register("Bidirectional")
class Bidirectional(LayerRule):
    """Runs ``layer`` forwards and a copy of it backwards (``go_backwards=True``).

    Parameters: forward + backward (``2×`` the wrapped layer's unless a
    ``backward_layer`` is given).  Output: the forward layer's, its last axis doubled
    with ``merge_mode='concat'``, unchanged for ``sum``/``ave``/``mul``, a list of two
    for ``None``; ``return_state`` appends the forward then the backward states.
    """

    forward: LayerRule | None = None
    backward: LayerRule | None = None

    def configure(self) -> None:
        self.forward = self.backward = None
        self.trainable_flags: tuple[Any, Any] = (True, True)
        layer, backward = self.layer, self.backward_layer
        if layer is not UNKNOWN and not _is_layer(layer):
            raise LayerError(
                f"Please initialize `Bidirectional` layer with a `keras.layers.Layer` instance. Received: {layer}"
            )
        if backward is not None and backward is not UNKNOWN and not _is_layer(backward):
            raise LayerError(
                f"`backward_layer` need to be a `keras.layers.Layer` instance. Received: {backward}"
            )
        merge_mode = self.merge_mode
        if merge_mode is not UNKNOWN and merge_mode not in MERGE_MODES:
            raise LayerError(
                f"Invalid merge mode. Received: {merge_mode}. Merge mode should be one of "
                '{"sum", "mul", "ave", "concat", None}'
            )
        if layer is UNKNOWN or layer.rule is None or backward is UNKNOWN:
            return  # what is wrapped is not known: shapes and weights stay unknown
        if backward is not None and backward.rule is None:
            return
        if "go_backwards" not in layer.rule.args:
            # Keras rebuilds the layer from its config with go_backwards=True.
            raise LayerError(
                f"Unrecognized keyword arguments passed to {layer.class_name}: {{'go_backwards': True}}"
            )
        self.input_spec = layer.rule.input_spec
        forward = _clone(layer, f"{self.name}/forward_{_removeprefix(layer.name, 'forward_')}")
        if backward is None:
            back = _clone(layer, f"{self.name}/backward_{_removeprefix(layer.name, 'backward_')}", go_backwards=True)
            self.trainable_flags = (layer.trainable, layer.trainable)
        else:
            if "go_backwards" not in backward.rule.args:
                raise LayerError(f"'{backward.class_name}' object has no attribute 'go_backwards'")
            back = _clone(backward, f"{self.name}/{backward.name}")
            self.trainable_flags = (layer.trainable, backward.trainable)
        self.forward, self.backward = forward, back
        self._verify_layer_config()

    def _verify_layer_config(self) -> None:
        forward, backward = self.forward, self.backward
        assert forward is not None and backward is not None
        if forward.go_backwards == backward.go_backwards:
            raise LayerError(
                "Forward layer and backward layer should have different `go_backwards` value. Received: "
                f"forward_layer.go_backwards {forward.go_backwards}, "
                f"backward_layer.go_backwards={backward.go_backwards}"
            )
        for attr in ("stateful", "return_sequences", "return_state"):
            f_value, b_value = getattr(forward, attr), getattr(backward, attr)
            if f_value != b_value:
                raise LayerError(
                    "Forward layer and backward layer are expected to have the same value for attribute "
                    f'"{attr}", got "{f_value}" for forward layer and "{b_value}" for backward layer'
                )

    def compute_output_shape(self, input_shape: tuple) -> Any:
        forward = self.forward
        if forward is None:
            raise Unresolved("the wrapped layer is unknown")
        output = forward.compute_output_shape(input_shape)
        states: list = []
        if forward.return_state:
            output, states = output[0], list(output[1:])
        merge_mode = self.merge_mode
        if merge_mode == "concat":
            last = output[-1]
            output = tuple(output[:-1]) + (last * 2,)
            size = format_dim(last)
            self.explain(f"merge_mode='concat': last axis {size} + {size} = {format_dim(output[-1])}")
        if merge_mode is None:
            outputs = [output, output]
        else:
            outputs = [output]
        if forward.return_state:
            return outputs + states + states
        return outputs if merge_mode is None else output

    def build(self, input_shape: tuple) -> None:
        if self.forward is None or self.backward is None:
            raise Unresolved("the wrapped layer is unknown")
        totals = []
        for rule, trainable, label in (
            (self.forward, self.trainable_flags[0], "forward"),
            (self.backward, self.trainable_flags[1], "backward"),
        ):
            if trainable is UNKNOWN:
                raise Unresolved("trainable")
            rule.weights, rule.explanations = [], []
            rule.build(input_shape)
            for weight in rule.weights:
                prefix = rule.name.split("/", 1)[-1]
                self.weights.append(
                    Weight(f"{prefix}/{weight.name}", weight.shape, weight.trainable and trainable is not False)
                )
            totals.append(formula_total([w.count for w in rule.weights]))
            for line in rule.explanations:
                self.explain(f"{label}: {line}")
        self.explain(
            f"Bidirectional: {format_dim(totals[0])} + {format_dim(totals[1])} = {format_dim(totals[0] + totals[1])}"
        )


# --------------------------------------------------------------------------- cells and RNN(cell)


class BaseCell:
    """A Keras RNN cell, used inside ``RNN(cell)``.

    Called on its own, a cell needs its ``states`` argument, which kerascheck's
    runtime does not pass: the result is unknown.
    """

    input_spec = None

    def compute_output_shape(self, input_shape: Any) -> Any:
        raise Unresolved("a cell is called with (inputs, states)")

    def state_size(self) -> list:
        return [self.units] * self.states

    def output_size(self) -> Any:
        return self.units


@register("SimpleRNNCell")
class SimpleRNNCell(BaseCell, SimpleRNN):
    """Weights ``kernel (input_dim, units)``, ``recurrent_kernel (units, units)``, ``bias (units,)``; state ``units``."""

    cell_name = ""


@register("LSTMCell")
class LSTMCell(BaseCell, LSTM):
    """Weights ``kernel (input_dim, 4·units)``, ``recurrent_kernel (units, 4·units)``, ``bias (4·units,)``;
    states ``[units, units]``."""

    cell_name = ""


@register("GRUCell")
class GRUCell(BaseCell, GRU):
    """Weights ``kernel (input_dim, 3·units)``, ``recurrent_kernel (units, 3·units)``, bias ``(2, 3·units)``
    with ``reset_after`` (else ``(3·units,)``); state ``units``."""

    cell_name = ""


def _cell_rule(cell: Any) -> Any:
    """The rule of a cell argument: a fresh copy (the cell object may be shared), or None if unknown."""
    if cell is UNKNOWN or not _is_layer(cell) or cell.rule is None:
        return None
    rule = cell.rule
    if isinstance(rule, StackedRNNCells):
        clone = StackedRNNCells(dict(rule.args), rule.name)
        clone.configure()
        return clone
    clone = type(rule)(dict(rule.args), rule.name)
    clone.configure()
    return clone


@register("StackedRNNCells")
class StackedRNNCells(LayerRule):
    """Cells run one after the other at each step: each cell's input is the previous one's output.

    ``state_size`` is the list of the cells' state sizes (nested), ``output_size`` the last
    cell's; the weights are the cells' weights.
    """

    input_spec = None

    def configure(self) -> None:
        self.cell_rules: list | None = None
        cells = self.cells
        if cells is UNKNOWN:
            return
        if not isinstance(cells, (list, tuple)):
            raise LayerError(f"'{type(cells).__name__}' object is not iterable")
        for cell in cells:
            if cell is not UNKNOWN and not _is_layer(cell):
                raise LayerError(f"All cells must have a `call` method. Received cell without a `call` method: {cell}")
        rules = [_cell_rule(c) for c in cells]
        if rules and all(r is not None for r in rules):
            self.cell_rules = rules
        self.flags = [c.trainable for c in cells]

    def _rules(self) -> list:
        if self.cell_rules is None:
            raise Unresolved("a cell is unknown")
        return self.cell_rules

    def compute_output_shape(self, input_shape: Any) -> Any:
        raise Unresolved("a cell is called with (inputs, states)")

    def state_size(self) -> list:
        sizes: list = []
        for rule in self._rules():
            size = rule.state_size()
            sizes.append(size[0] if isinstance(rule, BaseCell) and len(size) == 1 else size)
        return sizes

    def output_size(self) -> Any:
        return self._rules()[-1].output_size()

    def build(self, input_shape: tuple) -> None:
        rules = self._rules()
        for index, (rule, trainable) in enumerate(zip(rules, self.flags)):
            if trainable is UNKNOWN:
                raise Unresolved("trainable")
            rule.weights, rule.explanations = [], []
            rule.build(input_shape)
            for weight in rule.weights:
                self.weights.append(Weight(f"cell_{index}/{weight.name}", weight.shape,
                                           weight.trainable and trainable is not False))
            for line in rule.explanations:
                self.explain(f"cell {index}: {line}")
            input_shape = (input_shape[0], rule.output_size())


def _flat_state_shapes(batch: Any, sizes: list) -> list:
    shapes: list = []
    for size in sizes:
        if isinstance(size, (list, tuple)):
            shapes.extend(_flat_state_shapes(batch, list(size)))
        else:
            shapes.append((batch, size))
    return shapes


@register("RNN")
class RNN(LayerRule):
    """``keras.layers.RNN(cell)``: a cell (or a list of cells, stacked) run over the time axis.

    Output ``(batch, output_size)``, or ``(batch, timesteps, output_size)`` with
    ``return_sequences``; ``return_state`` appends one ``(batch, size)`` per state (Keras nests
    a stacked cell's states per cell: kerascheck lists them flat).  The cell is built on
    ``(batch,) + input_shape[2:]``; the parameters are the cell's.  There is no input
    spec: an input of rank other than 3 fails only where a weight or shape cannot be made.
    """

    def configure(self) -> None:
        self.cell_rule: Any = None
        self.cell_trainable: Any = True
        cell = self.cell
        if cell is UNKNOWN:
            return
        if isinstance(cell, (list, tuple)):
            stacked = StackedRNNCells({"cells": list(cell)}, f"{self.name}/stacked_rnn_cells")
            stacked.configure()
            self.cell_rule = stacked if stacked.cell_rules is not None else None
            return
        if not _is_layer(cell):
            raise LayerError(f"Argument `cell` should have a `call` method. Received: cell={cell}")
        self.cell_rule = _cell_rule(cell)
        self.cell_trainable = cell.trainable
        if self.cell_rule is not None and not isinstance(self.cell_rule, (BaseCell, StackedRNNCells)):
            raise LayerError(
                "The RNN cell should have a `state_size` attribute (single integer or list of integers, "
                f"one integer per RNN state). Received: cell={cell}"
            )

    def _cell(self) -> Any:
        if self.cell_rule is None:
            raise Unresolved("the cell is unknown")
        return self.cell_rule

    def compute_output_shape(self, input_shape: tuple) -> Any:
        cell = self._cell()
        batch, length = input_shape[0], input_shape[1]
        size = cell.output_size()
        output = (batch, length, size) if self.return_sequences else (batch, size)
        self.explain(f"RNN: output size {format_dim(size)} → {format_shape(output)}")
        if self.return_state:
            return [output] + _flat_state_shapes(batch, cell.state_size())
        return output

    def build(self, input_shape: tuple) -> None:
        cell = self._cell()
        if self.cell_trainable is UNKNOWN:
            raise Unresolved("trainable")
        step = (input_shape[0],) + tuple(input_shape[2:])
        cell.weights, cell.explanations = [], []
        cell.build(step)
        for weight in cell.weights:
            self.weights.append(
                Weight(f"cell/{weight.name}", weight.shape, weight.trainable and self.cell_trainable is not False)
            )
        for line in cell.explanations:
            self.explain(f"RNN cell: {line}")
        if self.stateful and input_shape[0] is None:
            raise LayerError(
                "When using `stateful=True` in a RNN, the batch size must be static. Found dynamic "
                f"batch size: sequence.shape={tuple(input_shape)}",
                "undefined_dim",
            )


# --------------------------------------------------------------------------- ConvLSTM


class ConvLSTM(LayerRule):
    """``keras.src.layers.rnn.conv_lstm.ConvLSTM``: an LSTM whose products are convolutions.

    Input ``(batch, time, *spatial, channels)`` (channels_last).  Each step's output is a
    convolution of the step input with ``filters`` output channels (spatial lengths as
    ``Conv``); ``return_sequences`` keeps the time axis, ``return_state`` adds two states of
    the step output's shape.  Parameters:
    ``k₁·…·kₙ·in·4·filters + k₁·…·kₙ·filters·4·filters + 4·filters``.
    """

    rank: int = 0

    def configure(self) -> None:
        from kerascheck.engine.operation_utils import standardize_data_format, standardize_padding, standardize_tuple

        rank = self.rank
        self.input_spec = InputSpec(ndim=rank + 3)
        self.args["kernel_size"] = standardize_tuple(self.kernel_size, rank, "kernel_size")
        self.args["strides"] = standardize_tuple(self.strides, rank, "strides", allow_zero=True)
        self.args["padding"] = standardize_padding(self.padding)
        self.args["data_format"] = standardize_data_format(self.data_format)
        self.args["dilation_rate"] = standardize_tuple(self.dilation_rate, rank, "dilation_rate")
        if max(self.strides) > 1 and max(self.dilation_rate) > 1:
            raise LayerError(
                "Specifying `strides > 1` is not compatible with `dilation_rate > 1`. Please provide "
                f"`strides=1` or `dilation_rate=1`. Received: strides={self.strides} and "
                f"dilation_rate={self.dilation_rate}"
            )
        validate_activation(self.activation)
        validate_activation(self.recurrent_activation)

    def _step_output(self, step_shape: tuple) -> tuple:
        from kerascheck.engine.layers.convolutional import conv_output_shape

        if any(s is not UNKNOWN and s == 0 for s in self.strides):
            raise LayerError("cannot convert float infinity to integer")
        return conv_output_shape(self, step_shape, self.filters)

    def compute_output_shape(self, input_shape: tuple) -> Any:
        batch, steps = input_shape[0], input_shape[1]
        state = self._step_output((batch,) + tuple(input_shape[2:]))[1:]
        output = (batch, steps) + state if self.return_sequences else (batch,) + state
        if self.return_state:
            return [output, (batch,) + state, (batch,) + state]
        return output

    def build(self, input_shape: tuple) -> None:
        step = (input_shape[0],) + tuple(input_shape[2:])
        channels_last = self.data_format == "channels_last"
        spatial = step[1:-1] if channels_last else step[2:]
        channels = step[-1] if channels_last else step[1]
        if any(d is None for d in spatial):
            raise LayerError(
                "ConvLSTM layers only support static input shapes for the spatial dimension. "
                f"Received invalid input shape: input_shape={step}",
                "undefined_dim",
            )
        if channels is None:
            raise LayerError(
                "The channel dimension of the inputs (last axis) should be defined. Found None. "
                f"Full input shape received: input_shape={step}",
                "undefined_dim",
            )
        kernel, f = tuple(self.kernel_size), self.filters
        path = f"{self.name}/conv_lstm_cell"
        add_defined_weight(self, "kernel", kernel + (channels, f * 4), path=f"{path}/kernel")
        add_defined_weight(self, "recurrent_kernel", kernel + (f, f * 4), path=f"{path}/recurrent_kernel")
        if self.use_bias:
            add_defined_weight(self, "bias", (f * 4,), path=f"{path}/bias")
        total = formula_total([w.count for w in self.weights])
        k = "·".join(format_dim(d) for d in kernel)
        bias = f" + 4·{format_dim(f)}" if self.use_bias else ""
        self.explain(
            f"{self.keras_class}: {k}·{format_dim(channels)}·4·{format_dim(f)} + {k}·{format_dim(f)}·4·{format_dim(f)}"
            f"{bias} = {format_dim(total)}"
        )
        if self.stateful and input_shape[0] is None:
            raise LayerError(
                "When using `stateful=True` in a RNN, the batch size must be static. Found dynamic "
                f"batch size: sequence.shape={tuple(input_shape)}",
                "undefined_dim",
            )


@register("ConvLSTM1D")
class ConvLSTM1D(ConvLSTM):
    rank = 1


@register("ConvLSTM2D")
class ConvLSTM2D(ConvLSTM):
    rank = 2


@register("ConvLSTM3D")
class ConvLSTM3D(ConvLSTM):
    rank = 3


# --------------------------------------------------------------------------- TimeDistributed


@register("TimeDistributed")
class TimeDistributed(LayerRule):
    """Applies ``layer`` to every step of axis 1.

    The wrapped layer sees ``(batch,) + input_shape[2:]``; its output ``(b, *rest)`` becomes
    ``(b, timesteps, *rest)``.  Parameters: the wrapped layer's (built on the step shape, and
    shared with it).
    """

    def configure(self) -> None:
        layer = self.layer
        if layer is not UNKNOWN and not _is_layer(layer):
            raise LayerError(
                f"Please initialize `TimeDistributed` layer with a `keras.layers.Layer` instance. Received: {layer}"
            )

    def _model(self) -> Any:
        """The wrapped layer when it is a Sequential or Functional model, else None."""
        from kerascheck.engine.runtime import Functional, Sequential

        return self.layer if isinstance(self.layer, (Sequential, Functional)) else None

    def _model_output_shape(self, model: Any, child: tuple) -> Any:
        out = model.compute_output_shape(child)
        if not isinstance(out, (tuple, PartialShape)):
            raise Unresolved("the wrapped model's output")
        return out

    def _build_model(self, model: Any, child: tuple) -> None:
        """``self.layer.build(child_input_shape)``: an unbuilt Sequential builds itself on the
        step shape (a Functional, which takes a name); the weights are the model's."""
        from kerascheck.engine.runtime import Sequential

        if isinstance(model, Sequential) and model.functional is None and not model.built:
            model.build(child)
            if model.functional is None:
                raise Unresolved("the wrapped Sequential was not built")
        if not model.weights_resolved():
            raise Unresolved("the wrapped model's weights")
        self.weights.extend(model.trainable_weight_list())
        for weight in model.non_trainable_weight_list():
            self.weights.append(Weight(weight.name, weight.shape, False, weight.dtype_bytes))

    def _inner(self) -> LayerRule:
        layer = self.layer
        if layer is UNKNOWN or layer.rule is None:
            raise Unresolved("the wrapped layer is unknown")
        return layer.rule

    @staticmethod
    def _child_shape(input_shape: Any) -> Any:
        if input_shape is UNKNOWN or type(input_shape) is PartialShape:
            input_shape = refine_min_rank(input_shape, 3)  # else Keras raises, as below
            return (input_shape[0],) + input_shape[2:]
        if len(input_shape) < 3:
            raise LayerError(
                "`TimeDistributed` Layer should be passed an `input_shape` with at least 3 dimensions, "
                f"received: {tuple(input_shape)}",
                "rank",
            )
        return (input_shape[0],) + tuple(input_shape[2:])

    def compute_output_shape(self, input_shape: tuple) -> Any:
        model = self._model()
        if model is not None:
            out = self._model_output_shape(model, self._child_shape(input_shape))
            return (out[0], input_shape[1]) + out[1:]
        inner = self._inner()
        child = self._child_shape(input_shape)
        saved = inner.explanations
        inner.explanations = []
        out = inner.compute_output_shape(child)
        lines, inner.explanations = inner.explanations, saved
        if not isinstance(out, (tuple, PartialShape)):
            raise Unresolved("the wrapped layer has several outputs")
        for line in lines:
            self.explain(line)
        output = (out[0], input_shape[1]) + out[1:]
        self.explain(f"TimeDistributed: step output {format_shape(out)} → {format_shape(output)}")
        return output

    def build(self, input_shape: tuple) -> None:
        model = self._model()
        if model is not None:
            self._build_model(model, self._child_shape(input_shape))
            return
        inner = self._inner()
        trainable = self.layer.trainable
        if trainable is UNKNOWN:
            raise Unresolved("trainable")
        child = self._child_shape(input_shape)
        if not inner.weights:
            inner.explanations = []
            inner.build(child)
        for weight in inner.weights:
            self.weights.append(Weight(weight.name, weight.shape, weight.trainable and trainable is not False))
        for line in inner.explanations:
            self.explain(f"{self.layer.class_name}: {line}")
