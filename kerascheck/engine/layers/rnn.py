"""Recurrent layers (``keras/src/layers/rnn/``): SimpleRNN, LSTM, GRU, Bidirectional.

An RNN layer reads ``(batch, timesteps, input_dim)``.  Its output is
``(batch, units)``, or ``(batch, timesteps, units)`` with ``return_sequences``;
``return_state`` makes it a list ``[output, *states]`` with one ``(batch, units)``
state per cell state (two for LSTM).  ``go_backwards``, ``stateful``,
``unroll``, dropouts change no shape.
"""

from __future__ import annotations

from typing import Any

from kerascheck.engine.dims import UNKNOWN, Unresolved, format_dim, format_shape
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
        if input_shape[0] is None and self.stateful:
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
