"""``model.compile(...)``: its loss, metric and optimizer identifiers and keywords checked against
what Keras was recorded to accept (``kerascheck/knowledge/compile_identifiers.py``), and the
loss kept on the model (``Model.compile_loss``) for the checks where data meets the model.

Keras resolves the optimizer and the keywords in ``compile`` itself; the loss and the metrics
only when the model is first trained or evaluated.  Those errors are held on the model and
reported (at the argument of ``compile`` at fault) when ``fit``, ``evaluate``, ``train_on_batch``
or ``test_on_batch`` runs it: a model compiled and never trained raises nothing.
"""

from __future__ import annotations

from typing import Any, Iterator

import libcst as cst

from kerascheck.engine.dims import UNKNOWN, format_shape, proven_equal
from kerascheck.engine.losses import LossSpec
from kerascheck.engine.metrics import MetricSpec
from kerascheck.engine.losses.base import RULES
from kerascheck.engine.optimizers import OPTIMIZER_CLASSES, OPTIMIZER_STRINGS, OptimizerSpec, optimizer_spec
from kerascheck.engine.runtime import Functional, KerasTensor, Model, Sequential
from kerascheck.frontend.keras_names import ModuleRef
from kerascheck.frontend.positions import NodeWithin
from kerascheck.frontend.values import InertObject

# The model methods that build its compiled loss and metrics (and so raise their errors).
LOSS_BUILDING_METHODS = frozenset(
    {"fit", "evaluate", "train_on_batch", "test_on_batch", "fit_generator", "evaluate_generator"}
)


class LossValue(InertObject):
    """An instance of a ``keras.losses`` class with known arguments
    (``keras.losses.CategoricalCrossentropy(from_logits=True)``): inert like any object of
    Keras's utility modules, but compile keeps what it is."""

    def __init__(self, spec: LossSpec) -> None:
        self.spec = spec

    @property
    def engine_value(self) -> LossSpec:
        """What Keras's calls see of it (``known_or_unknown``)."""
        return self.spec

    def __repr__(self) -> str:
        return f"<loss {self.spec.class_name}>"


def loss_object(class_name: str, args: list[Any], kwargs: dict[str, Any]) -> Any:
    """``keras.losses.<class_name>(**kwargs)``: a :class:`LossValue` when the class wraps a loss
    function (recorded) and every argument is a plain known keyword; else None."""
    from kerascheck.knowledge import keras_losses

    if class_name not in keras_losses.CLASSES or args:
        return None
    if not all(v is None or isinstance(v, (bool, int, float, str)) for v in kwargs.values()):
        return None
    return LossValue(LossSpec(class_name=class_name, config=tuple(sorted(kwargs.items()))))


class MetricValue(InertObject):
    """An instance of a ``keras.metrics`` class that wraps a metric function, with known arguments
    (``keras.metrics.Accuracy()``): inert, but compile keeps what it is."""

    def __init__(self, spec: MetricSpec) -> None:
        self.spec = spec

    @property
    def engine_value(self) -> MetricSpec:
        """What Keras's calls see of it (``known_or_unknown``)."""
        return self.spec

    def __repr__(self) -> str:
        return f"<metric {self.spec.class_name}>"


def metric_object(class_name: str, args: list[Any], kwargs: dict[str, Any]) -> Any:
    """``keras.metrics.<class_name>(**kwargs)``: a :class:`MetricValue` when the class wraps a
    metric function, counts a confusion matrix or is an F-score (recorded) and every argument is a
    plain known keyword; else None."""
    from kerascheck.knowledge import keras_metrics

    known = keras_metrics.CLASSES.keys() | keras_metrics.CONFUSION.keys() | keras_metrics.F_SCORES.keys()
    if class_name not in known or args:
        return None
    if not all(v is None or isinstance(v, (bool, int, float, str)) for v in kwargs.values()):
        return None
    return MetricValue(MetricSpec(class_name=class_name, config=tuple(sorted(kwargs.items()))))


def resolved_metrics(value: Any) -> tuple:
    """What ``Model.compile_metrics`` holds for ``compile(metrics=value)``, in order: each metric
    object as a :class:`MetricSpec`, each string as itself, anything else (a function, a metric
    not known) UNKNOWN; () for no list of metrics."""
    if not isinstance(value, (list, tuple)):
        return ()
    return tuple(v.spec if isinstance(v, MetricValue) else v if isinstance(v, (MetricSpec, str)) else UNKNOWN
                 for v in value)


def _accepted(table: dict, identifier: str) -> bool:
    return identifier in table["accepted"] or identifier.lower() in table["any_case"]


def _known_otherwise(table: dict, identifier: str) -> bool:
    return identifier in table.get("rejected_otherwise", ())


def _message(template: str, identifier: str) -> str:
    return template.replace("{identifier!r}", repr(identifier)).replace("{identifier}", identifier)


class OptimizerValue(InertObject):
    """An instance of a ``keras.optimizers`` class (``keras.optimizers.Adam(1e-4)``): inert, but
    compile keeps what it is."""

    def __init__(self, spec: Any) -> None:
        self.spec = spec

    @property
    def engine_value(self) -> Any:
        """What Keras's calls see of it (``known_or_unknown``)."""
        return self.spec


class ScheduleValue(InertObject):
    """An instance of a ``keras.optimizers.schedules`` class: a learning rate that makes no variable."""

    @property
    def engine_value(self) -> Any:
        return LEARNING_RATE_SCHEDULE


LEARNING_RATE_SCHEDULE = ScheduleValue()  # what Keras's calls see of any schedule


def optimizer_object(dotted: str, args: list[Any], kwargs: dict[str, Any]) -> Any:
    """``keras.optimizers.<Class>(...)`` as an :class:`OptimizerValue`, a schedule as a
    :class:`ScheduleValue`; None for anything else there."""
    module, _, name = dotted.rpartition(".")
    if module == "keras.optimizers.schedules" and name[:1].isupper():
        return ScheduleValue()
    if module != "keras.optimizers" or name not in OPTIMIZER_CLASSES:
        return None
    rate = kwargs.get("learning_rate", args[0] if args else None)
    schedule = isinstance(rate, ScheduleValue)  # (as the program or as Keras's calls see it)
    def plain(value: Any) -> Any:
        if isinstance(value, (OptimizerValue, OptimizerSpec)):
            return resolved_optimizer(value)  # a LossScaleOptimizer's inner optimizer
        return value if value is None or isinstance(value, (bool, int, float, str)) else UNKNOWN

    keywords = {k: plain(v) for k, v in kwargs.items()}
    return OptimizerValue(optimizer_spec(name, tuple(plain(v) for v in args), keywords, schedule))


def resolved_optimizer(value: Any) -> Any:
    """What ``Model.compile_optimizer`` holds for ``compile(optimizer=value)``: an OptimizerSpec or UNKNOWN."""
    if isinstance(value, str):
        name = OPTIMIZER_STRINGS.get(value.lower())
        return OptimizerSpec(name) if name is not None else UNKNOWN
    if isinstance(value, OptimizerValue):
        return value.spec
    if isinstance(value, OptimizerSpec):
        return value
    return UNKNOWN


def resolved_loss(value: Any) -> Any:
    """What ``Model.compile_loss`` holds for ``compile(loss=value)``: a :class:`LossSpec`, a list
    or dict of them (None for an output without loss), or UNKNOWN."""
    if value is None:
        return None
    if isinstance(value, str):
        return LossSpec(identifier=value)
    if isinstance(value, LossSpec):
        return value
    if isinstance(value, LossValue):
        return value.spec
    if isinstance(value, ModuleRef) and value.name.startswith("keras.losses."):
        function = value.name[len("keras.losses."):]  # compile(loss=keras.losses.mean_squared_error)
        return LossSpec(function=function) if function in RULES else UNKNOWN
    if isinstance(value, (list, tuple)):
        return [resolved_loss(v) for v in value]
    if isinstance(value, dict) and all(isinstance(k, str) for k in value):
        return {k: resolved_loss(v) for k, v in value.items()}
    return UNKNOWN


def _strings(value: Any, syntax: Any) -> Iterator[tuple[str, Any]]:
    """Every string in ``value`` (a string, or lists, tuples and dict values of them) with the
    syntax node that wrote it, where the syntax follows the value (else the whole argument)."""
    if isinstance(value, str):
        yield value, syntax
    elif isinstance(value, (list, tuple)):
        elements = getattr(syntax, "elements", None)
        aligned = (
            isinstance(syntax, (cst.List, cst.Tuple)) and elements is not None and len(elements) == len(value)
            and not any(isinstance(e, cst.StarredElement) for e in elements)
        )
        for index, item in enumerate(value):
            yield from _strings(item, elements[index].value if aligned else syntax)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, _dict_value_syntax(syntax, key))


def _dict_value_syntax(syntax: Any, key: str) -> Any:
    if isinstance(syntax, cst.Dict):
        for element in syntax.elements:
            if isinstance(element, cst.DictElement) and isinstance(element.key, cst.SimpleString):
                if element.key.evaluated_value == key:
                    return element.value
    return syntax


def _plain_loss_function(loss: Any) -> str | None:
    """The loss function a single loss computes on probabilities (not ``from_logits``), by the
    recorded table; None otherwise."""
    from kerascheck.knowledge import keras_losses

    if not isinstance(loss, LossSpec):
        return None
    if loss.identifier is not None:
        return keras_losses.STRINGS.get(loss.identifier)
    if loss.function is not None:
        return loss.function
    if loss.class_name in keras_losses.CLASSES:
        config = dict(loss.config)
        if config.get("from_logits", False) is not False:
            return None
        return keras_losses.CLASSES[loss.class_name][0]
    return None


def _plain_metrics(value: Any) -> bool:
    """A metric string, or a flat list of them."""
    return isinstance(value, str) or isinstance(value, list) and all(isinstance(v, str) for v in value)


def _model_outputs(model: Model) -> list | None:
    if isinstance(model, Functional):
        return None if isinstance(model.outputs_structure, dict) else list(model.outputs)
    if isinstance(model, Sequential) and model.functional is not None:
        return list(model.functional.outputs)
    return None


def _applies_softmax(layer: Any) -> bool:
    """The layer's output is a softmax: a Softmax layer, or softmax as its activation."""
    if layer.class_name == "Softmax":
        return True
    rule = layer.rule
    return rule is not None and proven_equal(rule.args.get("activation"), "softmax")


class CompileCalls:
    """``model.compile(...)`` and the errors it leaves for ``fit``."""

    def call_compile(self, model: Model, args: list[Any], kwargs: dict[str, Any], node: cst.Call) -> None:
        from kerascheck.knowledge import compile_identifiers

        session = self.session
        version = session.keras_version
        known = compile_identifiers.KERAS3 if version == 3 else compile_identifiers.KERAS2
        keywords = known["compile"]["keywords"]
        syntax = self._compile_argument_syntax(node, keywords)
        anchor = self.anchor

        def at(part: Any) -> Any:
            """Where a diagnostic about ``part`` of the call points (in another file's code: the
            call in this one that ran it)."""
            return anchor if anchor is not None else NodeWithin(node, part)

        bound = dict(zip(keywords, args))
        pending: list[tuple] = []
        for keyword, value in kwargs.items():
            if keyword not in keywords:
                self._compile_report(
                    "compile_keyword",
                    f"compile() takes no argument {keyword}=: Keras raises {known['compile']['error_type']}: "
                    + known["compile"]["message"].replace("{keyword}", keyword),
                    at(syntax.get(keyword, node)),
                    keywords=(keyword,),
                )
                model.compile_loss = UNKNOWN
                model.compile_errors = []
                return  # Python raises before compile runs
            bound[keyword] = value
        optimizer = bound.get("optimizer", "rmsprop")
        if isinstance(optimizer, str) and not _accepted(known["optimizer"], optimizer) and not _known_otherwise(
            known["optimizer"], optimizer
        ):
            self._compile_report(
                "unknown_optimizer",
                f"unknown optimizer {optimizer!r}: Keras raises "
                + _message(known["optimizer"]["message"], optimizer),
                at(syntax.get("optimizer", node)),
            )
            return  # compile raises: the model keeps what it had
        # A new optimizer, built at the first fit (a recompiled model's summary has none until then).
        model.compiled_with(resolved_optimizer(optimizer), bound.get("auto_scale_loss", True))
        loss = bound.get("loss")
        if "loss" in bound:
            model.compile_loss = resolved_loss(loss)
            self._lint_loss_and_output(model, model.compile_loss, at(syntax.get("loss", node)))
        pending = list(self._loss_errors(model, loss, syntax.get("loss", node), known, version))
        model.compile_metrics = resolved_metrics(bound.get("metrics")) + resolved_metrics(bound.get("weighted_metrics"))
        model.metrics_built = False  # compile makes them anew
        for argument in ("metrics", "weighted_metrics"):
            metrics = bound.get(argument)
            keys_error = self._metric_keys_error(model, metrics, argument, version) if isinstance(metrics, dict) else None
            if keys_error is not None:
                pending.append(("metric_keys", keys_error, syntax.get(argument, node)))
                continue
            pending.extend(self._metric_errors(model, metrics, syntax.get(argument, node), known))
        model.compile_errors = [(kind, message, at(part)) for kind, message, part in pending]

    def model_trained(self, model: Model) -> bool:
        """``fit`` / ``evaluate`` / … on ``model``: the errors its compiled loss and metrics raise
        (True when there are any: Keras raises before training)."""
        errors = model.compile_errors
        for kind, message, origin in errors:
            self._compile_report(kind, message, origin)
        model.compile_errors = ()
        return bool(errors)

    # -- helpers --------------------------------------------------------------------------
    def _compile_report(self, kind: str, message: str, where: Any, keywords: tuple[str, ...] = ()) -> None:
        self.session.report(kind, message, where, keywords=keywords, keras2=True)

    @staticmethod
    def _compile_argument_syntax(node: cst.Call, keywords: list[str]) -> dict[str, Any]:
        """The syntax of each argument of the compile call, by parameter name (keyword arguments
        by the whole ``keyword=value``'s value, for a keyword compile does not take the Arg)."""
        found: dict[str, Any] = {}
        position = 0
        for arg in node.args:
            if arg.star:
                continue
            if arg.keyword is not None:
                name = arg.keyword.value
                found[name] = arg.value if name in keywords else arg
            elif position < len(keywords):
                found[keywords[position]] = arg.value
                position += 1
        return found

    def _loss_errors(self, model: Model, loss: Any, syntax: Any, known: dict, version: int) -> Iterator[tuple]:
        table = known["loss"]
        if isinstance(loss, dict) and version == 3 and isinstance(model, Functional):
            names = self._output_names(model)
            keys = list(loss)
            if names is not None and all(isinstance(k, str) for k in keys) and set(names) != set(keys):
                yield (
                    "loss_keys",
                    f"the loss dict's keys {keys} are not the model's outputs {names}: Keras raises ValueError: "
                    f"Expected keys {names} in loss dict, but found loss.keys()={keys}",
                    syntax,
                )
                return
        if not isinstance(loss, (str, list, tuple, dict)):
            return
        for identifier, where in _strings(loss, syntax):
            if not _accepted(table, identifier) and not _known_otherwise(table, identifier):
                yield (
                    "unknown_loss",
                    f"unknown loss {identifier!r}: when the model is trained Keras raises "
                    + _message(table["message"], identifier),
                    where,
                )

    def _metric_errors(self, model: Model, metrics: Any, syntax: Any, known: dict) -> Iterator[tuple]:
        if isinstance(metrics, dict) and self._output_count(model) != 1:
            return  # per-output metrics: their structure is checked first
        if not isinstance(metrics, (str, list, tuple, dict)):
            return
        table = known["metric"]
        for identifier, where in _strings(metrics, syntax):
            if not _accepted(table, identifier) and not _known_otherwise(table, identifier):
                yield (
                    "unknown_metric",
                    f"unknown metric {identifier!r}: when the model is trained Keras raises "
                    + _message(table["message"], identifier),
                    where,
                )

    def _lint_loss_and_output(self, model: Model, loss: Any, where: Any) -> None:
        """A single output's activation or width that its loss makes meaningless (warnings)."""
        function = _plain_loss_function(loss)
        outputs = _model_outputs(model)
        if function is None or outputs is None or len(outputs) != 1:
            return
        tensor = outputs[0]
        layer = tensor.layer
        if function == "binary_crossentropy" and layer is not None and _applies_softmax(layer):
            self._compile_report(
                "softmax_binary_crossentropy",
                f"binary_crossentropy on the softmax output of {layer.class_name} '{layer.name}': softmax makes "
                "the classes compete, binary crossentropy scores each one on its own (use "
                "categorical_crossentropy with softmax, or sigmoid with binary_crossentropy)",
                where,
            )
        shape = tensor.shape
        if function == "categorical_crossentropy" and isinstance(shape, tuple) and len(shape) >= 2 and proven_equal(shape[-1], 1):
            self._compile_report(
                "categorical_one_unit",
                f"categorical_crossentropy on an output of one unit {format_shape(shape)}: its loss is always 0 "
                "and the model learns nothing (use binary_crossentropy for one unit)",
                where,
            )

    def _metric_keys_error(self, model: Model, metrics: dict, argument: str, version: int) -> str | None:
        """``CompileMetrics._build_metrics_set``: a dict of metrics for a model of several outputs
        (a list of them) must name some of its outputs; otherwise it is matched to the outputs'
        structure, which a dict is not, and Keras raises."""
        if version != 3 or not isinstance(model, Functional) or not isinstance(model.outputs_structure, list):
            return None
        names = self._output_names(model)
        if names is None or len(names) < 2 or not all(isinstance(k, str) for k in metrics):
            return None
        if len(metrics) <= len(names) and set(metrics) <= set(names):
            return None
        if not all(_plain_metrics(v) for v in metrics.values()):
            return None  # Keras prints the objects given: not reproduced
        as_tuples = {k: tuple(v) if isinstance(v, list) else v for k, v in metrics.items()}
        structure = ["X"] * len(names)
        return (
            f"the {argument} dict's keys {list(metrics)} are not among the model's outputs {names}: when the "
            f"model is trained Keras raises ValueError: Expected an instance of tuple, got {as_tuples!r}.\n"
            f"Invalid `{argument}`. `{argument}` should contain metrics objects and either be a dict or a list "
            f"matching the output names of the functional model {names} or match the output structure of the "
            f"model: {structure}.\nReceived: {argument}={metrics!r}"
        ).replace("\n", " ")  # one line of diagnostic

    @staticmethod
    def _output_count(model: Model) -> Any:
        if isinstance(model, Functional) and not isinstance(model.outputs_structure, dict):
            return len(model.outputs)
        return UNKNOWN

    @staticmethod
    def _output_names(model: Functional) -> list[str] | None:
        """``Functional.output_names``: the names of the operations that made its outputs, when
        its outputs are not a dict and every name is known."""
        if isinstance(model.outputs_structure, dict):
            return None
        names = []
        for tensor in model.outputs:
            layer = tensor.layer if isinstance(tensor, KerasTensor) else None
            if layer is None or not isinstance(layer.name, str):
                return None
            names.append(layer.name)
        return names
