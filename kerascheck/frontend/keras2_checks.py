"""Keras 2 API on Keras objects the interpreter holds: what Keras 3 rejects there.

The methods and attributes of models and layers that Keras 3 does not have (``fit_generator``,
``predict_classes``, ``layer.output_shape``...), the keywords of model methods it rejects
(``fit(nb_epoch=...)``), ``Sequential.input`` / ``.output`` of a Sequential never called, and
``Model(...)`` given a layer where a tensor is expected.  Each message is the one recorded from
Keras 3 (:mod:`kerascheck.knowledge.migration`); the name syntax alone cannot tell (``predict_proba``
is also scikit-learn's) is settled by the value: a Keras model, a Keras layer.
"""

from __future__ import annotations

from typing import Any

import libcst as cst

from kerascheck.engine.runtime import (
    Functional,
    KerasTensor,
    Layer,
    Model,
    OpaqueLayer,
    Sequential,
    SubclassedModel,
    flatten,
)

# What Keras's own messages were recorded on: a Sequential named "sequential", a functional
# model, a Dense layer.
_RECORDED_SEQUENTIAL = "sequential"


def _catalogue() -> Any:
    from kerascheck.knowledge.migration import catalogue

    return catalogue()


def _code(node: cst.CSTNode) -> str:
    return cst.Module(body=[]).code_for_node(node)


class Keras2Checks:
    """Reports Keras 2 API met on Keras models and layers, with the fix where it is mechanical."""

    def report_keras2(self, kind: str, message: str, node: Any, keywords: tuple[str, ...] = (),
                      rewrite: Any = None) -> None:
        """Report at ``node``, or, where code of another module runs for the analysed file, at the
        call in this file that ran it (with no fix: the code to change is not in this file)."""
        where = self.origin(node)
        if where is not node:
            keywords, rewrite = (), None
        self.session.report(kind, message, where, keywords=keywords, rewrite=rewrite)

    def check_keras2_attribute(self, value: Any, node: cst.Attribute) -> bool:
        """``value.<attr>`` where ``value`` is a Keras model or layer; True when it is a Keras 2
        method or attribute Keras 3 does not have (its value is then data: INERT)."""
        session = self.session
        if session.keras_version != 3 or isinstance(value, OpaqueLayer) or session.tracing:
            return False
        attr = node.attr.value
        if id(value) in self.instances and self.user_defines(value, attr):
            return False
        catalogue = _catalogue()
        call = self.callee_of if getattr(self, "callee_of", None) is not None and self.callee_of.func is node else None
        if isinstance(value, Sequential) and attr in ("input", "output") and not value.inbound_nodes:
            entry = catalogue.BEHAVIOURS[f"sequential_{attr}"]
            kind, message = entry["raises"]
            name = value.name if isinstance(value.name, str) else "…"
            message = message.replace(f"layer {_RECORDED_SEQUENTIAL} ", f"layer {name} ", 1)
            self.report_keras2(
                "keras2_method",
                f"Sequential.{attr} is Keras 2 API: Keras 3 defines it only once the model has been called on a "
                f"tensor (use model.{attr}s, or build the model with keras.Input). Keras: {kind}: {message}",
                call or node,
            )
            return False  # the tensors Keras 2 gave: what follows is predicted as the code intends
        if isinstance(value, Model):
            entry = catalogue.MODEL_ATTRIBUTES.get(attr)
            if entry is None:
                return False
            raised = entry["raises_functional"] if isinstance(value, Functional) else entry["raises"]
            recorded = "Functional" if isinstance(value, Functional) else "Sequential"
        else:
            entry = catalogue.LAYER_ATTRIBUTES.get(attr)
            if entry is None:
                return False
            raised, recorded = entry["raises"], "Dense"
        kind, message = raised
        message = message.replace(f"'{recorded}'", f"'{value.class_name}'", 1)
        hint = f" (Keras 3: {entry['keras3']})" if entry.get("keras3") else ""
        self.report_keras2(
            "keras2_method",
            f"{value.class_name}.{attr} is Keras 2 API that Keras 3 does not have{hint}. Keras: {kind}: {message}",
            call or node,
            keywords=(attr,),
            rewrite=self.method_rewrite(value, attr, entry, call),
        )
        return True

    def user_defines(self, value: Any, attr: str) -> bool:
        """The analysed code's own class has ``attr``: a method, a class attribute, an attribute
        its instance holds, or one any of its methods assigns (``self.<attr> = ...``)."""
        from kerascheck.frontend.values import MISSING

        state = self.instances[id(value)]
        if attr in state.attributes or state.cls.find(attr) is not MISSING:
            return True
        node = getattr(state.cls, "node", None)
        if node is None:
            return True
        code = self.class_sources.get(id(node))
        if code is None:  # made once per class: attributes are read in loops
            code = self.class_sources[id(node)] = _code(node)
        return f"self.{attr}" in code

    def method_rewrite(self, value: Any, attr: str, entry: dict, call: cst.Call | None) -> Any:
        """Keras 3's spelling of a Keras 2 method call, as new source for the call."""
        if call is None or not isinstance(call.func, cst.Attribute) or any(a.star for a in call.args):
            return None
        receiver = _code(call.func.value)
        if attr == "predict_classes" and entry.get("keras3") == "predict":
            units = _output_units(value)
            arguments = ", ".join(_code(a.value) if a.keyword is None else f"{a.keyword.value}={_code(a.value)}"
                                  for a in call.args)
            predicted = f"{receiver}.predict({arguments})"
            if units is None:
                return None
            # Keras 2's Sequential.predict_classes: argmax of predict, or a 0.5 threshold on one unit.
            text = f"{predicted}.argmax(axis=-1)" if units > 1 else f"({predicted} > 0.5).astype(\"int32\")"
            return ("replace", f"use {receiver}.predict", text)
        if not entry.get("wrapper") and attr != "predict_proba" or not entry.get("keras3"):
            return None
        method = entry["keras3"]
        params = entry.get("keras2_params", [])
        model_arguments = _catalogue().MODEL_ARGUMENTS.get(method, {})
        parts = []
        for index, arg in enumerate(call.args):
            keyword = arg.keyword.value if arg.keyword is not None else (params[index] if index < len(params) else None)
            if keyword is None:
                return None
            if keyword in model_arguments:
                if model_arguments[keyword].get("keras3"):
                    keyword = model_arguments[keyword]["keras3"]
                elif "raises" in model_arguments[keyword]:
                    continue  # workers=, use_multiprocessing=...: Keras 3 has no such argument
            if index == 0 and arg.keyword is None:
                parts.append(_code(arg.value))
            elif keyword == params[0] and arg.keyword is not None:
                parts.append(f"x={_code(arg.value)}")  # generator= is fit's x=
            else:
                parts.append(f"{keyword}={_code(arg.value)}")
        return ("replace", f"use {receiver}.{method}", f"{receiver}.{method}({', '.join(parts)})")

    def check_model_keywords(self, receiver: Any, name: str, node: cst.Call, args: list[Any] | None = None) -> None:
        """``model.fit(nb_epoch=...)``: keywords of Keras 2's model methods that Keras 3 rejects;
        ``model.save_weights("w.h5")``: a file Keras 3 does not save to."""
        if self.session.keras_version != 3 or not isinstance(receiver, Model):
            return
        if id(receiver) in self.instances and self.user_defines(receiver, name):
            return
        if name in ("save", "save_weights") and args and isinstance(args[0], str):
            from kerascheck.frontend.migration import file_path_message

            message = file_path_message(_catalogue(), f"Model.{name}", args[0], args[0])
            if message is not None:
                self.report_keras2("keras2_save", message, node)
        self.check_model_data(receiver, name, node)
        entries = _catalogue().MODEL_ARGUMENTS.get(name)
        if not entries or name == "compile":
            return  # compile's keywords: KC413 (unexpected-compile-argument), with Keras's message
        given = [a.keyword.value for a in node.args if a.keyword is not None]
        at_fault = [k for k in given if k in entries]
        path = args[0] if args else None
        at_fault = [k for k in at_fault if _raised_for_file(entries[k], path) is not None]
        if not at_fault:
            return
        entry = entries[at_fault[0]]
        kind, message = entry.get("raises") or ("UserWarning", entry.get("ignored", ""))
        sample = entry["sample"]
        index = message.rfind(sample)
        if index >= 0 and "{" in message:
            value = next(a.value for a in node.args if a.keyword is not None and a.keyword.value == at_fault[0])
            message = message[:index] + _literal_repr(value) + message[index + len(sample):]
        by_file = _raised_for_file(entry, path)
        if by_file is not entry:  # recorded for the file's suffix; the message names the file
            kind, message = by_file["raises"]
            message = message.replace(by_file["sample"], path)
        renames = tuple((k, entries[k]["keras3"]) for k in at_fault if entries[k].get("keras3") and entries[k]["keras3"] not in given)
        hints = "; ".join(f"{old}= is {new}=" for old, new in renames)
        self.report_keras2(
            "keras2_argument",
            f"{receiver.class_name}.{name}({', '.join(k + '=' for k in at_fault)}) is Keras 2 API that Keras 3 "
            f"rejects{f' ({hints} in Keras 3)' if hints else ''}. Keras: {kind}: {message}",
            node,
            keywords=tuple(at_fault),
            rewrite=("rename", renames) if renames and len(renames) == len(at_fault) else None,
        )

    def check_model_data(self, receiver: Any, name: str, node: cst.Call) -> None:
        """``model.predict([6])``: data as a Python list of numbers, which Keras 2 made an array
        of and Keras 3 rejects; ``compile(metrics="mae")``: one metric where Keras 3 wants a list."""
        behaviours = _catalogue().BEHAVIOURS
        if name == "compile":
            metrics = next((a.value for a in node.args if a.keyword is not None and a.keyword.value == "metrics"), None)
            self.compiled_metrics[id(receiver)] = (receiver, _strings(metrics))
            entry = behaviours.get("compile_metrics_string")
            if entry is None or not isinstance(metrics, cst.SimpleString) or not isinstance(metrics.evaluated_value, str):
                return
            kind, message = entry["raises"]
            message = message.replace("metrics=mae ", f"metrics={metrics.evaluated_value} ", 1)
            code = _code(metrics)
            self.report_keras2(
                "keras2_argument",
                f"{receiver.class_name}.compile(metrics={code}) is Keras 2 API that Keras 3 rejects: a list of metrics "
                f"(metrics=[{code}]). Keras: {kind}: {message}",
                node,
                keywords=("metrics",),
                rewrite=("set", f"use metrics=[{code}]", (("metrics", f"[{code}]"),)),
            )
            return
        if name in ("fit", "evaluate"):
            self.check_metrics_per_output(receiver, node)
        entry = behaviours.get(f"model_{name}_list")
        if entry is None or any(a.star for a in node.args):
            return
        data = next((a.value for a in node.args if a.keyword is not None and a.keyword.value == "x"), None)
        if data is None and node.args and node.args[0].keyword is None:
            data = node.args[0].value
        if not isinstance(data, (cst.List, cst.Tuple)) or not _numbers(data):
            return
        kind, message = entry["raises"]
        shown = _literal_repr(data)
        if shown == "…":
            return
        message = message.replace("x=[[1, 2, 3]] (of type <class 'list'>)",
                                  f"x={shown} (of type <class '{'list' if isinstance(data, cst.List) else 'tuple'}'>)", 1)
        # The migration's diagnostic, with Keras 2's behaviour and the literal, supersedes KC407's.
        origins = (node, self.origin(node))
        self.session.errors[:] = [e for e in self.session.errors
                                  if not (e.kind == "data-python-values" and any(e.origin is o for o in origins))]
        self.report_keras2(
            "keras2_argument",
            f"{receiver.class_name}.{name}() given a Python {'list' if isinstance(data, cst.List) else 'tuple'} of "
            f"numbers as its data, which Keras 2 made an array of and Keras 3 rejects (pass np.array(...)). "
            f"Keras: {kind}: {message}",
            node,
        )

    def check_metrics_per_output(self, receiver: Any, node: cst.Call) -> None:
        """``compile(metrics=["mae"])`` on a model of several outputs: Keras 2 gave every output
        the list; Keras 3 wants one list per output (or a dict) and raises when it is trained."""
        entry = _catalogue().BEHAVIOURS.get("compile_metrics_per_output")
        _, metrics = self.compiled_metrics.get(id(receiver), (None, None))
        if entry is None or not metrics or not isinstance(receiver, Functional) or isinstance(receiver, SubclassedModel):
            return
        outputs = receiver.outputs
        if not isinstance(outputs, (list, tuple)) or len(outputs) < 2 or len(metrics) >= len(outputs):
            return
        names = [getattr(getattr(t, "layer", None), "name", None) for t in outputs]
        if not all(isinstance(n, str) for n in names):
            return
        kind, message = entry["raises"]
        count = len(outputs)
        for old, new in (("expected: 2, got: 1", f"expected: {count}, got: {len(metrics)}"),
                         ("tuple: ('mae',)", f"tuple: {tuple(metrics)!r}"),
                         ("['dense', 'dense_1']", repr(names)), ("['X', 'X']", repr(["X"] * count)),
                         ("metrics=['mae']", f"metrics={metrics!r}")):
            message = message.replace(old, new, 1)
        self.report_keras2(
            "keras2_argument",
            f"{receiver.class_name} {receiver.name if isinstance(receiver.name, str) else '…'} has {count} outputs and "
            f"was compiled with one list of {len(metrics)} metric(s), which Keras 2 gave each output: Keras 3 wants a "
            f"list per output or a dict. Keras: {kind}: {message}",
            node,
        )

    def check_model_arguments(self, inputs: Any, outputs: Any, node: cst.Call) -> bool:
        """``Model(inputs, Dense(1))``: a layer where Keras wants tensors; True when reported."""
        if self.session.keras_version != 3:
            return False
        for which, value in (("inputs", inputs), ("outputs", outputs)):
            layers = [v for v in flatten(value) if isinstance(v, Layer) and not isinstance(v, KerasTensor)]
            if not layers:
                continue
            layer = layers[0]
            kind, message = _catalogue().BEHAVIOURS[f"model_{which}_layer"]["raises"]
            recorded = "<Dense name=dense, built=False>"
            shown = f"<{layer.class_name} name={layer.name if isinstance(layer.name, str) else '…'}, built={bool(layer.built)}>"
            if layer.class_name == "Dense":
                message = message.replace(recorded, shown)
            else:  # the rest names the class's module, recorded for Dense only
                message = message[: message.index(recorded)] + shown + " …"
            self.report_keras2(
                "config",
                f"Model {which} must be tensors, not the layer {layer.class_name} itself (call the layer on a "
                f"tensor). Keras: {kind}: {message}",
                node,
            )
            return True
        return False


def _raised_for_file(entry: dict, path: Any) -> Any:
    """Whether Keras 3 raises for a keyword of a model method given the file ``path``: the
    entry itself when it raises whatever the file, the recorded error for the file's suffix
    when that decides (``load_weights`` takes ``by_name=`` for a legacy ``.h5`` file and refuses
    it for a ``.keras`` one), None when it does not raise or the file is not known."""
    by_suffix = entry.get("by_suffix")
    if by_suffix is None:
        return entry
    if all(recorded["raises"] is not None for recorded in by_suffix.values()):
        return entry
    if not isinstance(path, str):
        return None
    from kerascheck.frontend.migration import file_suffix

    recorded = by_suffix[file_suffix(path, by_suffix)]
    return recorded if recorded["raises"] is not None else None


def _strings(node: Any) -> list[str] | None:
    """The strings of a list display of string literals (``["mae"]``); None for anything else."""
    if not isinstance(node, cst.List) or not node.elements:
        return None
    values = [e.value.evaluated_value if isinstance(e.value, cst.SimpleString) else None for e in node.elements]
    return values if all(isinstance(v, str) for v in values) else None


def _numbers(node: cst.BaseExpression) -> bool:
    """A list or tuple display of numbers, or of such displays: ``[6]``, ``[[10, 1.4]]``."""
    if isinstance(node, (cst.List, cst.Tuple)):
        return bool(node.elements) and all(not isinstance(e, cst.StarredElement) and _numbers(e.value)
                                           for e in node.elements)
    if isinstance(node, cst.UnaryOperation) and isinstance(node.operator, (cst.Minus, cst.Plus)):
        return _numbers(node.expression)
    return isinstance(node, (cst.Integer, cst.Float))


def _literal_repr(node: cst.BaseExpression) -> str:
    """How Keras prints an argument's value: its repr when it is a literal, else ``…``."""
    import ast

    try:
        return repr(ast.literal_eval(_code(node)))
    except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
        return "…"


def _output_units(model: Any) -> int | None:
    """The last dimension of a model's single output, when known."""
    functional = model.functional if isinstance(model, Sequential) else model
    outputs = getattr(functional, "outputs", None)
    if not isinstance(model, (Sequential, Functional)) or isinstance(model, SubclassedModel) or not outputs:
        return None
    if len(outputs) != 1 or not isinstance(outputs[0].shape, tuple) or not outputs[0].shape:
        return None
    units = outputs[0].shape[-1]
    return units if type(units) is int else None
