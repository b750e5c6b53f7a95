"""Calls and binding: what calling a value does (user functions with their parameters bound,
builtins, methods, other libraries), and binding values to names and targets."""

from __future__ import annotations

from typing import Any, Sequence

import libcst as cst

from kerascheck.engine.applications import preprocess_input, preprocess_input_module
from kerascheck.engine.dims import UNKNOWN, Unresolved
from kerascheck.engine.runtime import (
    ArrayData,
    Functional,
    KerasTensor,
    Layer,
    Model,
    Sequential,
    SubclassedModel,
    flatten,
)
from kerascheck.frontend.flow import Break, Continue, ControlUncertain, Return
from kerascheck.frontend.keras_calls import DTYPE_POLICY_FACTORIES, INERT_KERAS_MODULES, INERT_MODEL_METHODS, get_layer
from kerascheck.frontend.keras_names import KerasSymbol, ModuleRef, is_keras_module
from kerascheck.frontend.values import (
    DYNAMIC_BUILTINS,
    EVALUATED_BUILTINS,
    INERT,
    NO_DEFAULT,
    ArrayValue,
    BoundMethod,
    Builtin,
    DataclassField,
    InertObject,
    Partial,
    Scope,
    SuperProxy,
    UserClass,
    UserFunction,
    array_value,
    call_builtin,
    call_py_method,
    is_plain,
    known_or_unknown,
)

MAX_CALL_DEPTH = 24


# Modules whose functions never build Keras objects: calling them leaves Keras's
# name counters alone even when kerascheck does not know the result.
INERT_MODULES = (
    "math", "os", "sys", "random", "numpy", "np", "time", "json", "pathlib", "re", "logging",
    "warnings", "argparse", "pandas", "collections", "itertools", "functools", "typing",
    "datetime", "glob", "shutil", "pickle", "tensorflow.random", "tensorflow.config",
    "tensorflow.data", "tensorflow.io", "tensorflow.math", "tensorflow.debugging",
    "matplotlib", "sklearn", "scipy", "PIL", "cv2", "tqdm",
)


# Functions that make a concrete array from its shape alone (numpy's and keras.ops's).
ARRAY_CONSTRUCTORS = frozenset({"numpy.zeros", "numpy.ones", "keras.ops.zeros", "keras.ops.ones"})


class Calls:
    """Dispatches a call on the kind of value called."""

    def bind(self, name: cst.Name | str, value: Any, scope: Scope) -> None:
        key = name if isinstance(name, str) else name.value
        scope.names[key] = value
        if isinstance(value, Model) and self.current_file == self.main_file and not self.methods:
            value.reported = True
            if value.variable is None or (scope.is_module and not value.variable_is_global):
                value.variable = key
                value.variable_is_global = scope.is_module

    def assign(self, target: cst.BaseExpression, value: Any, scope: Scope) -> None:
        if isinstance(target, cst.Name):
            self.bind(target, value, scope)
        elif isinstance(target, (cst.Tuple, cst.List)):
            elements = target.elements
            starred = [i for i, e in enumerate(elements) if isinstance(e, cst.StarredElement)]
            if isinstance(value, (tuple, list)) and not starred and len(value) == len(elements):
                for element, item in zip(elements, value):
                    self.assign(element.value, item, scope)
            else:
                for element in elements:
                    self.assign(element.value, INERT if isinstance(value, InertObject) else UNKNOWN, scope)
        elif isinstance(target, cst.Attribute):
            receiver = self.eval(target.value, scope)
            attr = target.attr.value
            if isinstance(receiver, Layer) and id(receiver) in self.instances and attr != "trainable":
                self.set_instance_attribute(receiver, attr, value)
            elif isinstance(receiver, Layer) and attr == "trainable":
                receiver.set_trainable(value if isinstance(value, bool) else UNKNOWN)
            elif receiver is UNKNOWN and attr == "trainable":
                self.session.trainable_uncertain()  # some layer's, perhaps
        elif isinstance(target, cst.Subscript):
            container = self.eval(target.value, scope)
            if isinstance(container, (list, dict)) and len(target.slice) == 1:
                index = target.slice[0].slice
                if isinstance(index, cst.Index):
                    key = self.eval(index.value, scope)
                    try:
                        container[key] = value  # type: ignore[index]
                    except (TypeError, IndexError, KeyError, Unresolved):
                        pass

    def call_value(self, callee: Any, args: list[Any], kwargs: dict[str, Any], node: cst.Call, scope: Scope) -> Any:
        session = self.session
        if isinstance(callee, InertObject):
            return INERT
        if isinstance(callee, Layer) and args and isinstance(args[0], ArrayValue):
            args = [ArrayData(args[0].shape)] + [known_or_unknown(a) for a in args[1:]]
            kwargs = {k: known_or_unknown(v) for k, v in kwargs.items()}
        elif isinstance(callee, (KerasSymbol, Layer)):
            args = [known_or_unknown(a) for a in args]
            kwargs = {k: known_or_unknown(v) for k, v in kwargs.items()}
        if isinstance(callee, KerasSymbol):
            return self.call_keras(callee, args, kwargs, node)
        if isinstance(callee, Layer):
            return self.call_layer(callee, args, kwargs, node)
        if isinstance(callee, BoundMethod):
            return self.call_method(callee, args, kwargs, node)
        if isinstance(callee, Builtin):
            if callee.name == "super" and self.methods:
                cls, obj = self.methods[-1]
                return SuperProxy(cls, obj)
            if callee.name in DYNAMIC_BUILTINS:
                session.names_uncertain_from_opaque_code()
                self.taint(args, kwargs)
                return UNKNOWN
            if callee.name == "isinstance" and len(args) == 2 and not kwargs:
                return self.eval_isinstance(args[0], args[1])
            if callee.name not in EVALUATED_BUILTINS and callee.name != "print":
                return INERT
            return call_builtin(callee.name, args, kwargs)
        if isinstance(callee, UserFunction):
            if callee.file != self.main_file:
                with self.anchored(node):
                    return self.call_function(callee, args, kwargs)
            return self.call_function(callee, args, kwargs)
        if isinstance(callee, UserClass):
            if callee.record and not callee.is_keras_subclass:
                return callee.instantiate(args, kwargs, call=lambda f: self.call_value(f, [], {}, node, scope))
            if callee.is_keras_layer:
                return self.instantiate_layer(callee, args, kwargs, node)
            session.names_uncertain_from_opaque_code()
            self.taint(args, kwargs)
            return UNKNOWN
        if isinstance(callee, Partial):
            return self.call_value(callee.function, [*callee.args, *args], {**callee.keywords, **kwargs}, node, scope)
        if isinstance(callee, ModuleRef):
            if callee.name == "functools.partial":
                return Partial(args[0], tuple(args[1:]), dict(kwargs)) if args else UNKNOWN
            if callee.name == "dataclasses.field":
                return DataclassField(kwargs.get("default", NO_DEFAULT), kwargs.get("default_factory"))
            if callee.name in ARRAY_CONSTRUCTORS:
                return array_value(args, kwargs)
            if is_inert_module(callee.name):
                return INERT
            if callee.name.startswith("keras.ops."):
                return self.call_ops(callee.name.rsplit(".", 1)[1], args, kwargs, node)
            if callee.name.startswith("keras.activations.") and any(
                isinstance(v, KerasTensor) for v in flatten(list(args) + list(kwargs.values()))
            ):
                return self.call_activation(callee.name.rsplit(".", 1)[1], args, kwargs, node)
            if callee.name.startswith(INERT_KERAS_MODULES) or callee.name in DTYPE_POLICY_FACTORIES:
                return self.call_keras_utility(callee.name, args, kwargs)
            application_module = preprocess_input_module(callee.name)
            if application_module is not None:
                return preprocess_input(session, application_module, args, kwargs, self.origin(node))
            if not is_keras_module(callee.name):
                session.names_uncertain_from_opaque_code()
                self.taint(args, kwargs)
            elif any(isinstance(v, KerasTensor) for v in flatten(list(args) + list(kwargs.values()))):
                # Some other Keras function applied to tensors: it may create operations.
                session.names_uncertain_from_opaque_code()
            return UNKNOWN
        # An unknown callable: it may build layers (names become uncertain) or
        # change any model it is given.
        session.names_uncertain_from_opaque_code()
        self.taint(args, kwargs)
        return UNKNOWN

    def call_method(self, method: BoundMethod, args: list[Any], kwargs: dict[str, Any], node: cst.Call) -> Any:
        receiver, name = method.receiver, method.name
        session = self.session
        if isinstance(receiver, SuperProxy):
            return self.call_super(receiver, name, args, kwargs, node)
        if isinstance(receiver, Layer) and id(receiver) in self.instances:
            return self.call_instance_method(receiver, name, args, kwargs, node)
        if isinstance(receiver, Layer) and receiver.rule is not None and name == "build":
            shape = kwargs.get("input_shape", args[0] if args else UNKNOWN)
            session.build_layer(receiver, shape)
            return None
        if isinstance(receiver, list) and id(receiver) in self.tracked_lists:
            result = call_py_method(receiver, name, args, kwargs)
            self.track(self.tracked_lists[id(receiver)], receiver)
            return result
        if isinstance(receiver, Sequential) and name == "add" and args:
            session.sequential_add(receiver, args[0], self.origin(node))
            return None
        if isinstance(receiver, Sequential) and name == "pop":
            rebuild = kwargs.get("rebuild", args[0] if args else True)
            return session.sequential_pop(receiver, rebuild, self.origin(node), has_arguments=bool(args or kwargs))
        if isinstance(receiver, Sequential) and name == "build":
            shape = kwargs.get("input_shape", args[0] if args else None)
            if receiver.stack and not receiver.built and shape is not None:
                session.sequential_build(receiver, shape, self.origin(node))
            return None
        if isinstance(receiver, (Functional, Sequential)) and name == "get_layer":
            return get_layer(receiver, kwargs.get("name", args[0] if args else None), kwargs.get("index"))
        if isinstance(receiver, Model) and name in INERT_MODEL_METHODS:
            return UNKNOWN
        if isinstance(receiver, Layer):
            # pop(), a custom method, …: the model's structure is no longer known.
            if isinstance(receiver, Sequential):
                session.sequential_add(receiver, UNKNOWN, self.origin(node), rebuild=False)
            return UNKNOWN
        return call_py_method(receiver, name, args, kwargs)

    def eval_isinstance(self, value: Any, classes: Any) -> Any:
        """``isinstance(value, classes)`` where kerascheck knows the answer: plain values
        against builtin types, Keras's own layers and models against Keras classes (by
        their recorded base classes); UNKNOWN otherwise."""
        answers = [_isinstance(value, cls) for cls in (classes if isinstance(classes, tuple) else (classes,))]
        if any(answer is True for answer in answers):
            return True
        return False if answers and all(answer is False for answer in answers) else UNKNOWN

    def taint(self, args: Sequence[Any], kwargs: dict[str, Any]) -> None:
        for value in flatten(list(args) + list(kwargs.values())):
            if isinstance(value, Sequential):
                self.session.sequential_add(value, UNKNOWN, value.origin, rebuild=False)
            elif isinstance(value, SubclassedModel):
                value.contents_uncertain = True

    def call_function(self, function: UserFunction, args: list[Any], kwargs: dict[str, Any]) -> Any:
        self.called.add(id(function))
        if self.depth >= MAX_CALL_DEPTH:
            self.session.names_uncertain_from_opaque_code()
            return UNKNOWN
        scope = Scope({}, function.scope)
        params = function.node.params
        positional = [*params.posonly_params, *params.params]
        args = list(args)
        for param in positional:
            pname = param.name.value
            if args:
                scope.names[pname] = args.pop(0)
            elif pname in kwargs:
                scope.names[pname] = kwargs.pop(pname)
            elif pname in function.defaults:
                scope.names[pname] = function.defaults[pname]
            else:
                scope.names[pname] = UNKNOWN
        if isinstance(params.star_arg, cst.Param):
            scope.names[params.star_arg.name.value] = tuple(args)
        for param in params.kwonly_params:
            pname = param.name.value
            scope.names[pname] = kwargs.pop(pname, function.defaults.get(pname, UNKNOWN))
        if params.star_kwarg is not None:
            scope.names[params.star_kwarg.name.value] = dict(kwargs)
        self.depth += 1
        saved_file = self.current_file
        self.current_file = function.file if function.file is not None else saved_file
        try:
            if isinstance(function.node, cst.Lambda):
                return self._eval(function.node.body, scope)
            self.exec_block(function.node.body.body, scope)  # type: ignore[attr-defined]
        except Return as ret:
            return ret.value
        except ControlUncertain:
            # It may have returned there, or gone on: the rest of its effects are unknown.
            self.havoc(function.node.body.body, scope, inside_loop=True)  # type: ignore[attr-defined]
            return UNKNOWN
        except (Break, Continue):
            return UNKNOWN
        finally:
            self.depth -= 1
            self.current_file = saved_file
        return None


# The builtin types ``isinstance`` is evaluated against, for plain values.
_PLAIN_TYPES = {"int": int, "float": float, "str": str, "bool": bool, "list": list, "tuple": tuple, "dict": dict}


def _isinstance(value: Any, cls: Any) -> Any:
    """One class of :meth:`Interpreter.eval_isinstance`: True, False or UNKNOWN."""
    if isinstance(cls, Builtin) and cls.name in _PLAIN_TYPES:
        if isinstance(value, (Layer, KerasTensor)):
            return False
        if is_plain(value) or isinstance(value, (list, tuple, dict)):
            return isinstance(value, _PLAIN_TYPES[cls.name])
        return UNKNOWN
    if isinstance(cls, KerasSymbol) and cls.is_class and isinstance(value, Layer):
        classes = value.keras_classes()
        return UNKNOWN if classes is None else cls.name in classes
    return UNKNOWN


def is_inert_module(dotted: str) -> bool:
    return any(dotted == module or dotted.startswith(module + ".") for module in INERT_MODULES)
