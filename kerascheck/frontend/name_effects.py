"""Which of Keras's generated names code may take when kerascheck does not run it.

Keras names every layer, operation and model it creates from per-prefix counters (``dense``,
``dense_1``…, ``add``, ``functional``). Code the interpreter does not follow — a block that may
or may not run, a callback a library calls, a call into something it cannot see — may move some
of those counters. This module reads, from the code and the values it would run on, which:
no counter (data preparation, printing, plotting), a known set of prefixes (calling an unbuilt
Sequential takes ``input_layer`` and ``functional``; a Resizing layer takes none), or any
(:data:`ANY_NAME`). The names of the other prefixes stay known.
"""

from __future__ import annotations

from typing import Any, Iterable, Sequence

import libcst as cst

from kerascheck.engine.dims import UNKNOWN
from kerascheck.engine.layer import RULES
from kerascheck.engine.runtime import (
    Functional,
    KerasTensor,
    Layer,
    Model,
    OpaqueModel,
    Sequential,
    UnresolvedFunctional,
    UserLayer,
    flatten,
    to_snake_case,
)
from kerascheck.frontend.effects import EffectCollector
from kerascheck.frontend.keras_calls import INERT_KERAS_MODULES
from kerascheck.frontend.keras_names import KerasSymbol, ModuleRef, is_keras_module
from kerascheck.frontend.values import (
    DYNAMIC_BUILTINS,
    INERT,
    MISSING,
    BoundMethod,
    Builtin,
    InertObject,
    LocalModule,
    Partial,
    Scope,
    SuperProxy,
    UserClass,
    UserFunction,
    UserInstance,
    WeightValue,
    is_data,
    iteration_items,
)
from kerascheck.knowledge.libraries import is_inert_library


class _AnyName(frozenset):
    """Every prefix: code that may create anything."""

    def __repr__(self) -> str:
        return "ANY_NAME"


ANY_NAME: frozenset[str] = _AnyName()
NO_NAME: frozenset[str] = frozenset()


def union(effects: Iterable[frozenset[str]]) -> frozenset[str]:
    result: set[str] = set()
    for effect in effects:
        if effect is ANY_NAME:
            return ANY_NAME
        result |= effect
    return frozenset(result)


# Keras functions that change what later calls do (names, dtypes, data format): never inert.
STATEFUL_KERAS_FUNCTIONS = frozenset(
    {"clear_session", "set_floatx", "set_epsilon", "set_image_data_format", "set_dtype_policy", "set_global_policy",
     "enable_unsafe_deserialization", "set_backend"}
)
# Keras functions that make a model from a file, a config or another model: the layers take the
# names their configs hold, which moves no counter (custom classes may not hold one).
MODEL_LOADERS = frozenset(
    {"keras.models.load_model", "keras.saving.load_model", "keras.models.model_from_json",
     "keras.models.model_from_config", "keras.models.clone_model", "keras.saving.deserialize_keras_object",
     "keras.models.Model.from_config", "keras.models.Sequential.from_config", "keras.models.Functional.from_config"}
)
# Methods of a model or layer that create nothing (what they may build is the model's own).
_NAMELESS_METHODS = frozenset(
    {"summary", "compile", "count_params", "get_config", "get_layer", "to_json", "save", "save_weights",
     "load_weights", "get_weights", "set_weights", "export", "stateless_call", "compute_output_shape",
     "compute_output_spec", "get_build_config", "add_loss", "add_metric", "reset_metrics", "reset_states"}
)
_BUILDING_METHODS = frozenset(
    {"fit", "evaluate", "predict", "train_on_batch", "test_on_batch", "predict_on_batch", "adapt", "build",
     "__call__", "call"}
)


def class_names(class_name: str) -> frozenset[str]:
    """The prefixes constructing a Keras layer class takes: its own, and its sub-layers'."""
    rule = RULES.get(class_name)
    extra = (*rule.auxiliary_layers_on_init, *rule.auxiliary_layers_on_build) if rule is not None else ()
    return frozenset(to_snake_case(name) for name in (class_name, *extra))


class NameEffects:
    """What the interpreter reads of code it does not run: the names it may take."""

    def names_uncertain_by(self, effect: frozenset[str]) -> None:
        """The names of ``effect``'s prefixes are unknown from here (all of them, for ANY_NAME)."""
        if effect is ANY_NAME:
            self.session.names_uncertain_from_opaque_code()
        elif effect:
            self.session.names_uncertain_for(sorted(effect))

    def arguments_names(self, args: Sequence[Any], kwargs: dict[str, Any]) -> frozenset[str]:
        """What a library may create with what it is given: the analysed code's functions it may
        call back, Keras's classes, layers and tensors it may use."""
        return union(self.value_names(value) for value in flatten([*args, *kwargs.values()]))

    def value_names(self, value: Any) -> frozenset[str]:
        """The names a value may take when something calls or uses it."""
        if isinstance(value, KerasTensor):
            # An operation on it; inside a layer's traced call, a backend tensor: none.
            return NO_NAME if self.session.tracing else ANY_NAME
        if isinstance(value, Layer):
            return self.layer_call_names(value)
        if isinstance(value, KerasSymbol):
            return class_names(value.name) if value.is_class and value.name in RULES else ANY_NAME
        if isinstance(value, SuperProxy):
            return ANY_NAME
        if isinstance(value, ModuleRef):
            return ANY_NAME if is_keras_module(value.name) else NO_NAME
        if isinstance(value, UserFunction):
            return self.function_names(value)
        if isinstance(value, Partial):
            return union([self.value_names(value.function), self.arguments_names(value.args, value.keywords)])
        if isinstance(value, BoundMethod):
            return self.method_names(value.receiver, value.name)
        if isinstance(value, UserClass):
            return self.class_call_names(value)
        return NO_NAME

    def layer_call_names(self, layer: Layer) -> frozenset[str]:
        """Calling a layer or model: an unbuilt one is built (a Sequential takes the names of the
        input layer and Functional it makes, a layer those of the sub-layers its build makes);
        the analysed code's own layers run its code."""
        if isinstance(layer, (UserLayer,)) or layer.class_name == "?":
            return ANY_NAME
        if isinstance(layer, (Functional, OpaqueModel, UnresolvedFunctional)):
            return NO_NAME
        if isinstance(layer, Sequential):
            if layer.built or layer.functional is not None:
                return NO_NAME
            inner = [self.layer_call_names(item) for item in layer.layer_list()]
            return union([frozenset({"input_layer", "functional"}), *inner])
        if isinstance(layer, Model):
            return ANY_NAME
        if layer.built or layer.rule is None:
            return NO_NAME
        return frozenset(to_snake_case(name) for name in layer.rule.auxiliary_layers_on_build)

    def method_names(self, receiver: Any, name: str) -> frozenset[str]:
        if isinstance(receiver, (list, dict, str, set, frozenset)):
            return NO_NAME if id(receiver) not in self.tracked_lists else ANY_NAME
        if isinstance(receiver, Layer) and id(receiver) not in self.instances:
            if name in _NAMELESS_METHODS:
                return NO_NAME
            if name in _BUILDING_METHODS:
                return self.layer_call_names(receiver)
            if isinstance(receiver, Sequential) and name in ("add", "pop"):
                return frozenset({"input_layer", "functional"})
            return ANY_NAME
        if isinstance(receiver, UserInstance):
            found = receiver.cls.method(name)
            return self.function_names(found[0]) if found is not None else NO_NAME
        if isinstance(receiver, WeightValue):
            return NO_NAME  # a variable's assign…
        return ANY_NAME

    def class_call_names(self, cls: UserClass) -> frozenset[str]:
        """Instantiating the analysed code's class: a plain class runs its ``__init__``."""
        if cls.record or cls.is_plain or cls.is_py_dataset or cls.inert_keras_base:
            found = cls.method("__init__")
            own = frozenset({to_snake_case(cls.node.name.value)}) if cls.inert_keras_base else NO_NAME
            return own if found is None else union([own, self.function_names(found[0])])
        return ANY_NAME

    # ---------------------------------------------------------- code that may or may not run
    def block_names(self, effects: EffectCollector, scope: Scope, data: frozenset[str] = frozenset()) -> frozenset[str]:
        """The names code that may or may not run (a loop over data, a branch on an unknown
        condition) may take: its calls', and any for a Python operator on what may be a tensor.
        ``data``: names known to hold data where it runs (a function's parameters)."""
        assigned = effects.assigned | effects.comprehension_names
        bound = self.bound_values(effects, scope, assigned, data)
        if effects.operators and not self.session.tracing and any(
            self.holds_tensor(name, scope, assigned) for name in effects.names
        ):
            return ANY_NAME
        return union(self.call_names(call, scope, assigned, bound) for call in effects.call_nodes)

    def bound_values(
        self, effects: EffectCollector, scope: Scope, assigned: set[str], data: frozenset[str]
    ) -> dict[str, list[Any]]:
        """What the names a block binds may hold, where that is read from the code: INERT for
        names bound only to data (``image = image / 255``, the items of data), the values of a
        known sequence a loop goes over (``for layer in augmentation_layers``)."""
        by_name: dict[str, list[tuple[str, Any]]] = {}
        for name, kind, expr in effects.bindings:
            by_name.setdefault(name, []).append((kind, expr))
        known: dict[str, list[Any]] = {name: [INERT] for name in data}
        for _ in range(3):  # data flows through reassignments: a few rounds reach the fixpoint
            for name, bindings in by_name.items():
                if name in known:
                    continue
                values: list[Any] | None = []
                for kind, expr in bindings:
                    found = self.binding_values(kind, expr, scope, assigned, known)
                    if found is None:
                        values = None
                        break
                    values.extend(found)
                if values is not None:
                    known[name] = values
        # Names bound from one another (``image = image / 255`` in a loop over data): those whose
        # every binding is data when all of them hold data do hold only data (the largest such set).
        candidates = set(by_name) - set(known)
        while candidates:
            assumed = {**known, **{name: [INERT] for name in candidates}}
            failing = {
                name for name in candidates
                if not all(expr is not None and kind != "opaque" and self.is_data_expression(expr, scope, assigned, assumed)
                           for kind, expr in by_name[name])
            }
            if not failing:
                known.update({name: [INERT] for name in candidates})
                break
            candidates -= failing
        return known

    def binding_values(
        self, kind: str, expr: Any, scope: Scope, assigned: set[str], known: dict[str, list[Any]]
    ) -> list[Any] | None:
        if expr is None or kind == "opaque":
            return None
        if self.is_data_expression(expr, scope, assigned, known):
            return [INERT]
        if kind == "item" and isinstance(expr, (cst.Name, cst.Attribute)):
            root = _root(expr)
            if root is not None and root.value not in assigned:
                items = iteration_items(self.static_value(expr, scope))
                return None if items is None else list(items)
        if kind in ("value", "function") and isinstance(expr, (cst.Lambda, cst.FunctionDef)):
            function = self.block_function(expr, scope, assigned)
            return None if function is None else [function]
        if kind == "value" and isinstance(expr, (cst.Name, cst.Attribute)):
            root = _root(expr)
            if root is not None and root.value not in assigned:
                return [self.static_value(expr, scope)]
            if isinstance(expr, cst.Name) and expr.value in known:
                return list(known[expr.value])
        return None

    def block_function(self, node: cst.Lambda | cst.FunctionDef, scope: Scope, assigned: set[str]) -> Any:
        """A function a block defines (``f = lambda: …``, ``def f(): …``), as its calls would run it:
        when it reads no name the block rebinds (the block's other bindings are not known here),
        has no default and no decorator (both are evaluated where it is defined); else None."""
        params = node.params
        every = (*params.posonly_params, *params.params, *params.kwonly_params)
        if any(p.default is not None for p in every) or isinstance(node, cst.FunctionDef) and node.decorators:
            return None
        effects = self.effects_of(node.body)
        local = effects.assigned | effects.comprehension_names | {p.name.value for p in every} | {
            p.name.value for p in (params.star_arg, params.star_kwarg) if isinstance(p, cst.Param)}
        if (effects.names - local) & assigned:
            return None
        return UserFunction(node, scope, {}, self.current_file)

    def is_data_expression(self, expr: Any, scope: Scope, assigned: set[str], known: dict[str, list[Any]]) -> bool:
        """The expression computes data from data (never a Keras object)."""
        self.static_reads += 1
        recurse = lambda e: self.is_data_expression(e, scope, assigned, known)  # noqa: E731
        if isinstance(expr, (cst.Integer, cst.Float, cst.Imaginary, cst.SimpleString, cst.ConcatenatedString,
                             cst.FormattedString)):
            return True
        if isinstance(expr, cst.Name):
            if expr.value in known:
                return all(is_data(v) for v in known[expr.value])
            return expr.value not in assigned and is_data(_static_lookup(scope, expr.value))
        if isinstance(expr, (cst.List, cst.Tuple, cst.Set)):
            return all(recurse(e.value) for e in expr.elements)
        if isinstance(expr, (cst.Attribute, cst.Subscript)):
            return recurse(expr.value)
        if isinstance(expr, cst.BinaryOperation):
            return recurse(expr.left) and recurse(expr.right)
        if isinstance(expr, cst.UnaryOperation):
            return recurse(expr.expression)
        if isinstance(expr, cst.BooleanOperation):
            return recurse(expr.left) and recurse(expr.right)
        if isinstance(expr, cst.Comparison):
            return recurse(expr.left) and all(recurse(c.comparator) for c in expr.comparisons)
        if isinstance(expr, cst.Call):
            if not all(recurse(arg.value) for arg in expr.args):
                return False
            func = expr.func
            if isinstance(func, cst.Attribute) and recurse(func.value):
                return True  # a method of data
            root = _root(func)
            if root is None or root.value in assigned:
                return False
            callee = self.static_value(func, scope)
            return (isinstance(callee, Builtin) and callee.name not in DYNAMIC_BUILTINS) or (
                isinstance(callee, ModuleRef) and not is_keras_module(callee.name) and is_inert_library(callee.name)
            )
        return False

    def holds_tensor(self, name: str, scope: Scope, assigned: set[str]) -> bool:
        """A name that may hold a Keras tensor where the block runs."""
        if name in assigned:
            return False  # what the block assigns comes from its own calls, classified as such
        value = scope.lookup(name)
        return value is not MISSING and isinstance(value, (KerasTensor, WeightValue))

    def call_names(
        self, call: cst.Call, scope: Scope, assigned: set[str], bound: dict[str, list[Any]] | None = None
    ) -> frozenset[str]:
        """The names one call of code that is not run may take: its callee's, and those of the
        callbacks it is given. ``bound``: what names the code binds may hold."""
        bound = bound or {}
        root = _root(call.func)
        literal = _literal_root(call.func)
        if literal:
            effects = [NO_NAME]  # a method of a literal ("".join(…))
        elif root is None:
            return ANY_NAME  # a callee computed otherwise
        elif root.value in assigned:
            values = bound.get(root.value)
            if values is None:
                return ANY_NAME  # a callee the code rebinds, to something not known
            if isinstance(call.func, cst.Name):
                effects = [self.callee_names(value, call) for value in values]
            elif all(is_data(value) for value in values):
                effects = [NO_NAME]  # a method of data
            else:
                return ANY_NAME
        else:
            effects = [self.callee_names(self.static_value(call.func, scope), call)]
        for arg in call.args:
            value = arg.value
            if isinstance(value, cst.Lambda):
                effects.append(self.function_names(self.define_function(value, scope)))
            elif isinstance(value, (cst.Name, cst.Attribute)):
                head = _root(value)
                if head is not None and head.value not in assigned:
                    effects.append(self.value_names(self.static_value(value, scope)))
                elif isinstance(value, cst.Name) and value.value in bound:
                    effects.extend(self.value_names(v) for v in bound[value.value])
        return union(effects)

    def callee_names(self, callee: Any, call: cst.Call | None = None) -> frozenset[str]:
        """The names calling ``callee`` may take (its arguments aside)."""
        if isinstance(callee, Builtin):
            return ANY_NAME if callee.name in DYNAMIC_BUILTINS or callee.name == "super" else NO_NAME
        if isinstance(callee, ModuleRef):
            name = callee.name
            if not is_keras_module(name):
                return NO_NAME if is_inert_library(name) else ANY_NAME
            if name.startswith(INERT_KERAS_MODULES) and name.rsplit(".", 1)[-1] not in STATEFUL_KERAS_FUNCTIONS:
                return NO_NAME
            if name.startswith(("keras.ops.", "keras.activations.")):
                return NO_NAME  # an operation only on a Keras tensor, which its arguments are checked for
            if name in MODEL_LOADERS:
                custom = call is not None and any(
                    arg.keyword is not None and arg.keyword.value == "custom_objects" for arg in call.args
                )
                return ANY_NAME if custom else NO_NAME
            return ANY_NAME
        if isinstance(callee, KerasSymbol):
            return self.value_names(callee)
        if isinstance(callee, Layer):
            return self.layer_call_names(callee)
        if isinstance(callee, BoundMethod):
            return self.method_names(callee.receiver, callee.name)
        if isinstance(callee, InertObject):
            return NO_NAME
        if isinstance(callee, (UserFunction, Partial, UserClass)):
            return self.value_names(callee)
        return ANY_NAME

    def function_names(self, function: UserFunction) -> frozenset[str]:
        """The names calling ``function`` (with arguments that are not Keras objects) may take:
        its calls', those of the Keras objects it closes over, any for an operator on a tensor it
        closes over. Computed once per function."""
        known = self.builds.get(id(function))
        if known is not None:
            return known
        self.builds[id(function)] = NO_NAME  # recursion: what the rest of it does decides
        node = function.node
        effects = self.effects_of(node.body)
        params = node.params
        parameters = frozenset(
            p.name.value for p in (*params.posonly_params, *params.params, *params.kwonly_params)
        ) | {p.name.value for p in (params.star_arg, params.star_kwarg) if isinstance(p, cst.Param)}
        local = effects.assigned | effects.comprehension_names | parameters
        scope = function.scope
        closed_over = [_static_lookup(scope, name) for name in effects.names if name not in local]
        # Its parameters hold what its callers give it, which their own calls were checked for;
        # not a method's object (``self``: its layers may be unbuilt), nor a default that is no data.
        data = frozenset(
            name for name in parameters
            if name not in ("self", "cls") and (name not in function.defaults or is_data(function.defaults[name]))
        )
        bound = self.bound_values(effects, scope, set(local), data)
        result = union(
            [
                ANY_NAME if effects.operators and any(isinstance(v, KerasTensor) for v in closed_over) else NO_NAME,
                *(self.call_names(call, scope, set(local), bound) for call in effects.call_nodes),
            ]
        )
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
        if isinstance(base, (ModuleRef, InertObject, list, dict, str, set, frozenset, Layer, KerasTensor, KerasSymbol,
                             WeightValue)):
            return self.get_attribute(base, attr)
        if isinstance(base, UserInstance):
            if attr in base.attributes:
                return base.attributes[attr]
            # A plain method of its class (a property would run code to be read).
            return BoundMethod(base, attr) if type(base.cls.find(attr)) is UserFunction else UNKNOWN
        return UNKNOWN


def _root(node: cst.BaseExpression) -> cst.Name | None:
    """The name an expression of attributes, subscripts and calls starts from (``os`` of
    ``os.environ["N"].split(",")``); None for anything else."""
    while isinstance(node, (cst.Attribute, cst.Subscript, cst.Call)):
        node = node.func if isinstance(node, cst.Call) else node.value
    return node if isinstance(node, cst.Name) else None


def _literal_root(node: cst.BaseExpression) -> bool:
    """An expression of attributes and calls that starts from a literal or a display."""
    while isinstance(node, (cst.Attribute, cst.Subscript, cst.Call)):
        node = node.func if isinstance(node, cst.Call) else node.value
    return isinstance(node, (cst.SimpleString, cst.ConcatenatedString, cst.FormattedString, cst.Integer, cst.Float,
                             cst.List, cst.Tuple, cst.Dict, cst.Set))


def _static_lookup(scope: Scope, name: str) -> Any:
    value = scope.lookup(name)
    return UNKNOWN if value is MISSING else value
