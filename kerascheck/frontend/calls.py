"""Calls and binding: what calling a value does (user functions with their parameters bound,
builtins, methods, other libraries), and binding values to names and targets."""

from __future__ import annotations

from typing import Any, Sequence

import libcst as cst

from kerascheck.engine.applications import preprocess_input, preprocess_input_module
from kerascheck.engine.dims import UNKNOWN
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
from kerascheck.frontend.effects import EffectCollector
from kerascheck.frontend.flow import Break, Continue, ControlUncertain, Return
from kerascheck.frontend.keras_calls import DTYPE_POLICY_FACTORIES, INERT_KERAS_MODULES, INERT_MODEL_METHODS, get_layer
from kerascheck.frontend.keras_names import KerasSymbol, ModuleRef, is_keras_module
from kerascheck.frontend.values import (
    DYNAMIC_BUILTINS,
    EVALUATED_BUILTINS,
    INERT,
    MISSING,
    NO_DEFAULT,
    ArrayValue,
    BoundMethod,
    Builtin,
    DataclassField,
    InertObject,
    LocalModule,
    Partial,
    PropertyFunction,
    Scope,
    SuperProxy,
    UserClass,
    UserFunction,
    UserInstance,
    WeightValue,
    array_value,
    call_builtin,
    call_py_method,
    contents_unknown,
    forget_contents,
    is_plain,
    known_or_unknown,
)
from kerascheck.knowledge.libraries import MUTATING_FUNCTION_NAMES, is_inert_library

MAX_CALL_DEPTH = 24


# Functions that make a concrete array from its shape alone (numpy's and keras.ops's).
ARRAY_CONSTRUCTORS = frozenset({"numpy.zeros", "numpy.ones", "keras.ops.zeros", "keras.ops.ones"})


class Calls:
    """Dispatches a call on the kind of value called."""

    def bind(self, name: cst.Name | str, value: Any, scope: Scope) -> None:
        key = name if isinstance(name, str) else name.value
        scope.names[key] = value
        if isinstance(value, Model) and self.current_file == self.main_file and not self.in_keras_method():
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
            if isinstance(value, (tuple, list)) and not starred and not contents_unknown(value) and len(value) == len(elements):
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
            elif isinstance(receiver, UserInstance):
                if isinstance(receiver.cls.find(attr), PropertyFunction):
                    self.forget_object(receiver)  # a property's setter: not followed
                else:
                    receiver.attributes[attr] = value
            elif isinstance(receiver, UserClass):
                receiver.attributes[attr] = value
        elif isinstance(target, cst.Subscript):
            container = self.eval(target.value, scope)
            if isinstance(container, (list, dict)) and not contents_unknown(container):
                index = target.slice[0].slice if len(target.slice) == 1 else None
                key = self.eval(index.value, scope) if isinstance(index, cst.Index) else UNKNOWN
                if isinstance(container, list) and type(key) is int and -len(container) <= key < len(container):
                    container[key] = value
                elif isinstance(container, dict) and is_plain(key):
                    container[key] = value
                else:
                    self.forget(container)  # an entry kerascheck cannot tell changed

    def call_value(self, callee: Any, args: list[Any], kwargs: dict[str, Any], node: cst.Call, scope: Scope) -> Any:
        session = self.session
        if isinstance(callee, InertObject):
            # A method of data (``df.apply(f)``, ``rng.shuffle(items)``).
            if self.arguments_may_build(args, kwargs):
                session.names_uncertain_from_opaque_code()
                self.taint(args, kwargs)
                return UNKNOWN
            if isinstance(node.func, cst.Attribute):
                self.forget_mutable_arguments(node.func.attr.value, args)
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
                if self.arguments_may_build(args, kwargs):  # map(make_block, …): not followed
                    session.names_uncertain_from_opaque_code()
                    self.taint(args, kwargs)
                    return UNKNOWN
                return INERT
            return call_builtin(callee.name, args, kwargs)
        if isinstance(callee, UserFunction):
            if callee.file != self.main_file:
                with self.anchored(node):
                    return self.call_function(callee, args, kwargs)
            return self.call_function(callee, args, kwargs)
        if isinstance(callee, UserClass):
            if callee.record and not callee.is_keras_layer:
                instance = callee.instantiate(args, kwargs, call=lambda f: self.call_value(f, [], {}, node, scope))
                return self.post_init(instance, node)
            if callee.is_keras_layer:
                return self.instantiate_layer(callee, args, kwargs, node)
            if callee.is_plain:
                return self.instantiate_plain(callee, args, kwargs, node)
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
            if is_inert_library(callee.name):
                if self.arguments_may_build(args, kwargs):
                    # A callback of the analysed code, which the library may call.
                    session.names_uncertain_from_opaque_code()
                    self.taint(args, kwargs)
                    return UNKNOWN
                self.forget_mutable_arguments(callee.name, args)
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
        if isinstance(receiver, UserInstance):
            return self.call_plain_method(receiver, name, args, kwargs, node)
        if isinstance(receiver, Layer) and id(receiver) in self.instances:
            return self.call_instance_method(receiver, name, args, kwargs, node)
        if isinstance(receiver, Layer) and receiver.rule is not None and name == "build":
            shape = kwargs.get("input_shape", args[0] if args else UNKNOWN)
            session.build_layer(receiver, shape)
            return None
        if isinstance(receiver, list) and id(receiver) in self.tracked_lists:
            result = call_py_method(receiver, name, args, kwargs)
            if contents_unknown(receiver):
                self.layer_contents_unknown(self.tracked_lists[id(receiver)])
            else:
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
        """What code kerascheck does not follow was given: it may change it (a model's layers,
        a list's items, an object's attributes)."""
        for value in [*args, *kwargs.values()]:
            self.forget_object(value)

    def forget_object(self, value: Any, depth: int = 0) -> None:
        """``value`` may have been changed in place by code that is not followed."""
        if isinstance(value, Sequential):
            self.session.sequential_add(value, UNKNOWN, value.origin, rebuild=False)
        elif isinstance(value, SubclassedModel):
            value.contents_uncertain = True
        elif isinstance(value, (list, dict)) and not contents_unknown(value):
            if depth < 8:
                for item in list(value.values() if isinstance(value, dict) else value):
                    self.forget_object(item, depth + 1)
            self.forget(value)
        elif isinstance(value, tuple) and depth < 8:
            for item in value:
                self.forget_object(item, depth + 1)
        elif isinstance(value, UserInstance):
            for name in value.attributes:
                value.attributes[name] = UNKNOWN

    def forget(self, container: Any) -> None:
        """A list or dict that code kerascheck does not follow may have changed: its contents
        are unknown (to every alias of it), and so are the weights of a layer tracking it."""
        forget_contents(container)
        layer = self.tracked_lists.get(id(container))
        if layer is not None:
            self.layer_contents_unknown(layer)

    def forget_mutable_arguments(self, function: str | None, args: Sequence[Any]) -> None:
        """A library function or a method of data that reorders a list it is given
        (``random.shuffle(items)``, ``rng.shuffle(items)``): the list's order is unknown."""
        if function is not None and function.rsplit(".", 1)[-1] in MUTATING_FUNCTION_NAMES:
            for value in args:
                if isinstance(value, (list, dict)):
                    self.forget(value)

    def arguments_may_build(self, args: Sequence[Any], kwargs: dict[str, Any]) -> bool:
        """Some argument is something that, called or used by a library, may create Keras
        objects: the analysed code's functions that may, Keras's classes, layers, tensors."""
        return any(self.value_may_build(value) for value in flatten([*args, *kwargs.values()]))

    def value_may_build(self, value: Any) -> bool:
        if isinstance(value, (Layer, KerasTensor, KerasSymbol, SuperProxy)):
            return True
        if isinstance(value, ModuleRef):
            return is_keras_module(value.name)
        if isinstance(value, UserFunction):
            return self.function_may_build(value)
        if isinstance(value, Partial):
            return self.value_may_build(value.function) or self.arguments_may_build(value.args, value.keywords)
        if isinstance(value, BoundMethod):
            return not isinstance(value.receiver, (list, dict, str))
        if isinstance(value, UserClass):
            return value.is_keras_subclass or any(isinstance(v, UserFunction) for v in value.attributes.values())
        if isinstance(value, UserInstance):
            return False
        return False

    # ---------------------------------------------------------- what code not run may do
    def block_may_build(self, effects: EffectCollector, scope: Scope) -> bool:
        """Whether code that may or may not run (a loop over data, a branch on an unknown
        condition) may create Keras objects: a call that is not known to be inert, or a Python
        operator on something that may be a Keras tensor."""
        assigned = effects.assigned - effects.data_names
        if effects.operators and any(self.static_may_build(name, scope, assigned) for name in effects.names):
            return True
        return any(self.call_may_build(call, scope, assigned) for call in effects.call_nodes)

    def static_may_build(self, name: str, scope: Scope, assigned: set[str]) -> bool:
        """A name that may hold a Keras object (a tensor, a layer) where the block runs."""
        if name in assigned:
            return False  # what the block assigns comes from its own calls, classified as such
        value = scope.lookup(name)
        return value is not MISSING and isinstance(value, (Layer, KerasTensor, WeightValue))

    def call_may_build(self, call: cst.Call, scope: Scope, assigned: set[str]) -> bool:
        root = _root(call.func)
        if root is None or root.value in assigned:
            return True  # a callee computed otherwise, or one the block itself rebinds
        if not self.callee_is_inert(self.static_value(call.func, scope)):
            return True
        for arg in call.args:
            value = arg.value
            if isinstance(value, cst.Lambda):
                if self.function_may_build(self.define_function(value, scope)):
                    return True
            elif isinstance(value, (cst.Name, cst.Attribute)):
                head = _root(value)
                if head is not None and head.value not in assigned:
                    if self.value_may_build(self.static_value(value, scope)):
                        return True
        return False

    def callee_is_inert(self, callee: Any) -> bool:
        """Calling it creates no Keras object (given no callback that does)."""
        if isinstance(callee, Builtin):
            return callee.name not in DYNAMIC_BUILTINS and callee.name != "super"
        if isinstance(callee, ModuleRef):
            name = callee.name
            if is_keras_module(name):
                return name.startswith(INERT_KERAS_MODULES) and name.rsplit(".", 1)[-1] not in _STATEFUL_KERAS_FUNCTIONS
            return is_inert_library(name)
        if isinstance(callee, BoundMethod):
            return isinstance(callee.receiver, (list, dict, str)) and id(callee.receiver) not in self.tracked_lists
        if isinstance(callee, InertObject):
            return True
        if isinstance(callee, UserFunction):
            return not self.function_may_build(callee)
        if isinstance(callee, Partial):
            return self.callee_is_inert(callee.function) and not self.arguments_may_build(callee.args, callee.keywords)
        if isinstance(callee, UserClass):
            return callee.record and not callee.is_keras_subclass
        return False

    def function_may_build(self, function: UserFunction) -> bool:
        """Whether calling ``function`` (with arguments that are not Keras objects) may create
        Keras objects: it calls something that may, refers to Keras, or applies an operator to
        a Keras tensor it closes over. Computed once per function."""
        known = self.builds.get(id(function))
        if known is not None:
            return known
        self.builds[id(function)] = False  # recursion: what the rest of it does decides
        node = function.node
        effects = self.effects_of(node.body)
        params = node.params
        local = effects.assigned | {
            p.name.value for p in (*params.posonly_params, *params.params, *params.kwonly_params)
        } | {p.name.value for p in (params.star_arg, params.star_kwarg) if isinstance(p, cst.Param)}
        scope = function.scope
        result = any(
            name not in local and self.value_may_build(_static_lookup(scope, name)) for name in effects.names
        ) or any(self.call_may_build(call, scope, local - effects.data_names) for call in effects.call_nodes)
        self.builds[id(function)] = result
        self.builds_keep.append(function)
        return result

    def static_value(self, node: cst.BaseExpression, scope: Scope) -> Any:
        """The value of a name or a chain of attributes, read without running anything (no
        module is imported, no property run); data (``os.environ["N"].split(",")``, the
        result of a library's function) is INERT; UNKNOWN for anything else."""
        if isinstance(node, cst.Name):
            return self.lookup(node.value, scope)
        if isinstance(node, (cst.Subscript, cst.Call)):
            base = self.static_value(node.value if isinstance(node, cst.Subscript) else node.func, scope)
            if isinstance(base, InertObject) or isinstance(base, ModuleRef) and is_inert_library(base.name):
                return INERT
            return UNKNOWN
        if not isinstance(node, cst.Attribute):
            return UNKNOWN
        base = self.static_value(node.value, scope)
        attr = node.attr.value
        if isinstance(base, LocalModule):
            return base.scope.names.get(attr, UNKNOWN)
        if isinstance(base, (ModuleRef, InertObject, list, dict, str, Layer, KerasTensor)):
            return self.get_attribute(base, attr)
        if isinstance(base, UserInstance):
            return base.attributes.get(attr, UNKNOWN)
        return UNKNOWN

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


# Keras functions that change what later calls do (names, dtypes, data format): never inert.
_STATEFUL_KERAS_FUNCTIONS = frozenset(
    {"clear_session", "set_floatx", "set_epsilon", "set_image_data_format", "set_dtype_policy", "set_global_policy",
     "enable_unsafe_deserialization", "set_backend"}
)


def _static_lookup(scope: Scope, name: str) -> Any:
    value = scope.lookup(name)
    return UNKNOWN if value is MISSING else value


def _root(node: cst.BaseExpression) -> cst.Name | None:
    """The name an expression of attributes, subscripts and calls starts from (``os`` of
    ``os.environ["N"].split(",")``); None for anything else."""
    while isinstance(node, (cst.Attribute, cst.Subscript, cst.Call)):
        node = node.func if isinstance(node, cst.Call) else node.value
    return node if isinstance(node, cst.Name) else None
