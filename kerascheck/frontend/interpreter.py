"""An abstract interpreter for the Python that builds Keras models.

It executes a module's statements in program order over abstract values —
Python literals, :data:`UNKNOWN`, Keras modules and symbols, and the engine's
layers, tensors and models — and replays every Keras call against one
:class:`~kerascheck.engine.runtime.Session`.  It never imports or runs the
analysed code: a value it cannot compute is ``UNKNOWN``, and so is everything
computed from it.

Control flow it cannot decide (a loop, a branch on an unknown condition, a
``try`` handler) is not guessed: every name such a block assigns becomes
unknown, every model it mutates becomes incomplete, and layer names Keras would
generate afterwards are unknown when the block could have created layers.
"""

from __future__ import annotations

from typing import Any, Callable, Iterator, Sequence

import libcst as cst

from kerascheck.engine.dims import UNKNOWN, Unresolved, is_known
from kerascheck.engine.applications import build_application, is_application, preprocess_input, preprocess_input_module
from kerascheck.engine.operations import ACTIVATION_FUNCTIONS, OPS_FUNCTIONS, OpFunction
from kerascheck.engine.runtime import (
    ArrayData,
    DTypePolicy,
    Functional,
    KerasTensor,
    Layer,
    Model,
    OpaqueLayer,
    OpaqueModel,
    Sequential,
    Session,
    SubclassedModel,
    UnresolvedFunctional,
    UserLayer,
    flatten,
)
from kerascheck.frontend.keras_names import KerasSymbol, ModuleRef, is_keras_module, resolve, star_names
from kerascheck.frontend.values import (
    AUGMENTED_OPERATORS,
    ArrayValue,
    BINARY_OPERATORS,
    BUILTINS,
    DYNAMIC_BUILTINS,
    EVALUATED_BUILTINS,
    INERT,
    MAX_UNROLL,
    MISSING,
    NO_DEFAULT,
    Partial,
    PY_METHODS,
    BoundMethod,
    Builtin,
    DataclassField,
    InertObject,
    InstanceState,
    LocalModule,
    Scope,
    SuperProxy,
    UserClass,
    UserFunction,
    UserInstance,
    WeightValue,
    array_value,
    binary,
    call_builtin,
    call_py_method,
    is_plain,
    iteration_items,
    known_or_unknown,
    unary,
)
from kerascheck.knowledge import keras_api

MAX_CALL_DEPTH = 24
MAX_STEPS = 200_000  # statements and comprehension items interpreted per file

# Modules whose functions never build Keras objects: calling them leaves Keras's
# name counters alone even when kerascheck does not know the result.
_INERT_MODULES = (
    "math", "os", "sys", "random", "numpy", "np", "time", "json", "pathlib", "re", "logging",
    "warnings", "argparse", "pandas", "collections", "itertools", "functools", "typing",
    "datetime", "glob", "shutil", "pickle", "tensorflow.random", "tensorflow.config",
    "tensorflow.data", "tensorflow.io", "tensorflow.math", "tensorflow.debugging",
    "matplotlib", "sklearn", "scipy", "PIL", "cv2", "tqdm",
)
# Functions that make a concrete array from its shape alone (numpy's and keras.ops's).
_ARRAY_CONSTRUCTORS = frozenset({"numpy.zeros", "numpy.ones", "keras.ops.zeros", "keras.ops.ones"})
# Keras namespaces whose functions build no layers (their results are data, optimizers…).
_INERT_KERAS_MODULES = tuple(
    f"keras.{name}"
    for name in (
        "datasets", "utils", "preprocessing", "callbacks", "optimizers", "losses", "metrics", "regularizers",
        "initializers", "constraints", "backend", "config", "random", "activations", "mixed_precision",
        "dtype_policies", "quantizers", "tree", "visualization", "export",
    )
)
# What makes a dtype policy object from its name (``keras.DTypePolicy("mixed_float16")``).
_DTYPE_POLICY_FACTORIES = frozenset(
    {"keras.DTypePolicy", "keras.mixed_precision.Policy", "keras.mixed_precision.DTypePolicy",
     "keras.dtype_policies.DTypePolicy", "keras.dtype_policies.get"}
)
# Model methods that do not change a model's layers or weights.
# Methods of a subclassed model that never build its layers.
_NON_BUILDING_MODEL_METHODS = frozenset({"summary", "compile", "count_params", "get_config", "get_layer", "to_json"})
_INERT_MODEL_METHODS = frozenset(
    {
        "summary", "compile", "fit", "evaluate", "predict", "save", "save_weights", "load_weights",
        "to_json", "get_config", "count_params", "get_layer", "get_weights", "predict_on_batch",
        "train_on_batch", "test_on_batch", "export", "plot_model",
    }
)


class _Return(Exception):
    def __init__(self, value: Any) -> None:
        self.value = value


class _Break(Exception):
    pass


class _Continue(Exception):
    pass


class _ControlUncertain(Exception):
    """A block that may or may not run could have left the enclosing loop or function."""


class BudgetExhausted(Exception):
    """The file needs more interpretation steps than the per-file bound allows."""


class Interpreter:
    def __init__(self, session: Session, path: str = "<string>", finder: Any = None) -> None:
        self.session = session
        self.path = path
        self.finder = finder  # a ModuleFinder: follow imports of the project's own modules
        self.main_file = finder.importer if finder is not None else None
        self.current_file = self.main_file
        self.loaded: dict[Any, LocalModule] = {}
        # While code of another file runs, results point at the call (or import) in this file.
        self.anchor: Any = None
        self.instances: dict[int, InstanceState] = {}  # id(UserLayer) -> its Python side
        self.tracked_lists: dict[int, UserLayer] = {}  # id(list attribute) -> the layer tracking it
        self.methods: list[tuple[UserClass, Any]] = []  # (defining class, self) of running methods
        self.depth = 0
        self.steps = 0
        self.called: set[int] = set()  # ids of the user functions called so far
        self.effects: dict[int, _EffectCollector] = {}  # by id of nodes of modules kept alive

    @classmethod
    def for_file(cls, path: str, keras_version: int = 3) -> "Interpreter":
        """An interpreter with a fresh session for the file at ``path``, following the project's
        imports when ``path`` is a file on disk."""
        from pathlib import Path

        from kerascheck.frontend.modules import ModuleFinder

        finder = ModuleFinder(Path(path)) if Path(path).is_file() else None
        return cls(Session(keras_version), path, finder)

    # ------------------------------------------------------------------ statements
    def module_scope(self) -> Scope:
        return Scope({"__name__": "__main__", "__file__": self.path})

    def run_prefix(self, statements: Sequence[cst.BaseStatement], scope: Scope) -> bool:
        """Run the first top-level statements of a module, to be continued by :meth:`run_module`.

        False when the rest would not simply follow: a ``raise`` stops the module there, and
        control flow or the budget may have cut a statement short.
        """
        for statement in statements:
            if isinstance(statement, cst.SimpleStatementLine) and any(isinstance(s, cst.Raise) for s in statement.body):
                return False
            try:
                self.exec_block([statement], scope)
            except (_ControlUncertain, _Break, _Continue, _Return, BudgetExhausted):
                return False
        return True

    def run_module(self, module: cst.Module, scope: Scope | None = None, start: int = 0) -> Scope:
        """Run ``module`` (from top-level statement ``start``: those before it ran in ``scope``)."""
        scope = scope if scope is not None else self.module_scope()
        try:
            self.exec_block(module.body[start:] if start else module.body, scope)
        except (_ControlUncertain, _Break, _Continue, _Return):
            pass  # not valid at module level; Python would not have run the file
        except BudgetExhausted:
            self._budget_exhausted()
            return scope
        self.run_uncalled_factories(scope)
        return scope

    def uses_keras(self, function: UserFunction, scope: Scope, depth: int = 0) -> bool:
        """Whether a function refers to Keras, directly or through a function it calls."""
        for name in self.effects_of(function.node.body).names:
            value = scope.names.get(name)
            if isinstance(value, KerasSymbol) or (isinstance(value, ModuleRef) and is_keras_module(value.name)):
                return True
            if isinstance(value, UserFunction) and value is not function and depth < 3:
                if self.uses_keras(value, scope, depth + 1):
                    return True
        return False

    def _budget_exhausted(self) -> None:
        # What the rest of the file does is unknown; what was built so far stays.
        self.session.names_uncertain_from_opaque_code()
        for model in self.session.models:
            if isinstance(model, Sequential):
                self.session.sequential_add(model, UNKNOWN, model.origin, rebuild=False)

    def run_uncalled_factories(self, scope: Scope) -> None:
        """Module-level functions the file never calls, whose parameters all have defaults,
        are analysed as if called with them at the end of the file (``def build_model(
        input_shape=(28, 28, 1)): …`` in a module that only defines it).  Nobody may ever
        call them so, so what they would raise is not reported (the session is speculative);
        their summaries are."""
        for value in list(scope.names.values()):
            if not isinstance(value, UserFunction) or value.scope is not scope or id(value) in self.called:
                continue
            params = value.node.params
            named = [*params.posonly_params, *params.params, *params.kwonly_params]
            if any(p.name.value not in value.defaults for p in named) or not self.uses_keras(value, scope):
                continue
            self.session.speculative = True
            try:
                self.call_function(value, [], {})
            except BudgetExhausted:
                self._budget_exhausted()
                return
            finally:
                self.session.speculative = False

    def exec_block(self, body: Sequence[cst.CSTNode], scope: Scope) -> None:
        for stmt in body:
            self.step()
            if isinstance(stmt, cst.SimpleStatementLine):
                for small in stmt.body:
                    if isinstance(small, cst.Raise):
                        # The rest of this block never runs.
                        return
                    self.exec_small(small, scope)
            else:
                self.exec_compound(stmt, scope)

    def step(self) -> None:
        self.steps += 1
        if self.steps > MAX_STEPS:
            raise BudgetExhausted

    def exec_small(self, stmt: cst.BaseSmallStatement, scope: Scope) -> None:
        # Assignments first: a failed isinstance against libcst's ABC-based classes is slow.
        if isinstance(stmt, cst.Assign):
            value = self.eval(stmt.value, scope)
            for target in stmt.targets:
                self.assign(target.target, value, scope)
        elif isinstance(stmt, cst.Break):
            raise _Break
        elif isinstance(stmt, cst.Continue):
            raise _Continue
        elif isinstance(stmt, cst.Expr):
            self.eval(stmt.value, scope)
        elif isinstance(stmt, cst.AnnAssign):
            if stmt.value is not None:
                self.assign(stmt.target, self.eval(stmt.value, scope), scope)
        elif isinstance(stmt, cst.AugAssign):
            current = self.eval(stmt.target, scope)
            operand = self.eval(stmt.value, scope)
            op = AUGMENTED_OPERATORS.get(type(stmt.operator))
            self.assign(stmt.target, binary(op, current, operand) if op else UNKNOWN, scope)
        elif isinstance(stmt, cst.Return):
            raise _Return(self.eval(stmt.value, scope) if stmt.value is not None else None)
        elif isinstance(stmt, cst.Import):
            for alias in stmt.names:
                dotted = _dotted(alias.name)
                with self.anchored(stmt):
                    local = self.local_module(dotted, 0)
                if alias.asname is not None:
                    self.bind(alias.asname.name, local if local is not None else resolve(dotted), scope)
                else:
                    top = dotted.split(".")[0]
                    if local is not None:
                        with self.anchored(stmt):
                            top_module = self.local_module(top, 0)
                        self.bind(top, top_module if top_module is not None else UNKNOWN, scope)
                    else:
                        self.bind(top, ModuleRef(top), scope)
        elif isinstance(stmt, cst.ImportFrom):
            self.exec_import_from(stmt, scope)
        elif isinstance(stmt, cst.Del):
            for target in _targets(stmt.target):
                if isinstance(target, cst.Name):
                    scope.names.pop(target.value, None)
        # Pass, Global, Nonlocal, Assert, Break, Continue: nothing to model here.

    def origin(self, node: Any) -> Any:
        """Where a result made by ``node`` is reported: ``node``, or its anchor in the analysed file."""
        return self.anchor if self.anchor is not None else node

    # ------------------------------------------------------------------ the project's modules
    def local_module(self, dotted: str | None, level: int) -> Any:
        """The project module ``dotted`` (``level`` leading dots), executed once; None if not local."""
        if self.finder is None or (level == 0 and (dotted is None or is_keras_module(dotted))):
            return None
        path = self.finder.find(dotted, level, self.current_file)
        if path is None:
            return None
        return self.load_module(path, dotted or "")

    def load_module(self, path: Any, name: str) -> Any:
        if path in self.loaded:
            return self.loaded[path]  # also a module still being imported: Python's partial module
        if len(self.loaded) >= 64 or path == self.main_file:
            return None
        parsed = self.finder.parse(path)
        if parsed is None:
            return None
        module = LocalModule(path, Scope({"__name__": name, "__file__": str(path)}))
        self.loaded[path] = module
        saved_file, saved_depth = self.current_file, self.depth
        self.current_file = path
        try:
            self.exec_block(parsed.module.body, module.scope)
        except (_ControlUncertain, _Break, _Continue, _Return):
            pass
        finally:
            self.current_file, self.depth = saved_file, saved_depth
        return module

    def module_attribute(self, module: LocalModule, attr: str) -> Any:
        if attr in module.scope.names:
            return module.scope.names[attr]
        if module.path.name == "__init__.py" and self.finder is not None:
            path = self.finder.module_file(module.path.parent, [attr])
            if path is not None:
                return self.load_module(path, attr)
        return UNKNOWN

    def anchored(self, node: Any) -> Any:
        """Context: code of another file runs on behalf of ``node`` in the analysed file."""
        interpreter = self

        class _Anchor:
            def __enter__(self) -> None:
                self.saved = interpreter.anchor
                if interpreter.anchor is None:
                    interpreter.anchor = node

            def __exit__(self, *exc: Any) -> None:
                interpreter.anchor = self.saved

        return _Anchor()

    def exec_import_from(self, stmt: cst.ImportFrom, scope: Scope) -> None:
        level = len(stmt.relative)
        module = _dotted(stmt.module) if stmt.module is not None else None
        with self.anchored(stmt):
            local = self.local_module(module, level)
            if local is not None or level:
                self.import_local_names(stmt, module, level, local, scope)
                return
        if isinstance(stmt.names, cst.ImportStar):
            if module is not None and is_keras_module(module):
                for name, symbol in star_names(module).items():
                    scope.names[name] = symbol
            else:
                self.session.names_uncertain_from_opaque_code()
            return
        for alias in stmt.names:
            name = _dotted(alias.name)
            bound = alias.asname.name.value if alias.asname is not None else name  # type: ignore[union-attr]
            scope.names[bound] = resolve(f"{module}.{name}") if module is not None else UNKNOWN

    def import_local_names(
        self, stmt: cst.ImportFrom, module: str | None, level: int, local: Any, scope: Scope
    ) -> None:
        if isinstance(stmt.names, cst.ImportStar):
            if local is None:
                self.session.names_uncertain_from_opaque_code()
                return
            for key, value in local.scope.names.items():
                if not key.startswith("_"):
                    scope.names[key] = value
            return
        for alias in stmt.names:
            name = _dotted(alias.name)
            bound = alias.asname.name.value if alias.asname is not None else name  # type: ignore[union-attr]
            value: Any = UNKNOWN
            if local is not None and name in local.scope.names:
                value = local.scope.names[name]
            else:
                submodule = self.local_module(f"{module}.{name}" if module else name, level)
                if submodule is not None:
                    value = submodule
                elif local is None or not isinstance(local, LocalModule):
                    # Something kerascheck cannot see: calling it may build layers.
                    value = UNKNOWN
            scope.names[bound] = value

    def exec_compound(self, stmt: cst.BaseCompoundStatement, scope: Scope) -> None:
        if isinstance(stmt, cst.FunctionDef):
            self.bind(stmt.name, self.define_function(stmt, scope), scope)
        elif isinstance(stmt, cst.ClassDef):
            bases = [self.eval(arg.value, scope) for arg in stmt.bases]
            keras_base = any(isinstance(b, (KerasSymbol, UserClass)) for b in bases)
            decorators = [_dotted(d.decorator.func if isinstance(d.decorator, cst.Call) else d.decorator)
                          for d in stmt.decorators]
            record = any(d.split(".")[-1] == "dataclass" for d in decorators) or any(
                isinstance(b, ModuleRef) and b.name.split(".")[-1] == "NamedTuple" for b in bases
            )
            cls = UserClass(stmt, keras_base, tuple(bases), record=record)
            cls.attributes, cls.fields = self.class_attributes(stmt, scope)
            self.bind(stmt.name, cls, scope)
        elif isinstance(stmt, cst.If):
            self.exec_if(stmt, scope)
        elif isinstance(stmt, cst.With):
            for item in stmt.items:
                value = self.eval(item.item, scope)
                if item.asname is not None:
                    self.assign(item.asname.name, UNKNOWN if value is not None else None, scope)
            self.exec_block(stmt.body.body, scope)
        elif isinstance(stmt, cst.Try):
            # The body is the path taken when nothing fails; handlers are not modelled.
            self.exec_block(stmt.body.body, scope)
            for handler in stmt.handlers:
                self.havoc(handler.body.body, scope)
            if stmt.orelse is not None:
                self.exec_block(stmt.orelse.body.body, scope)
            if stmt.finalbody is not None:
                self.exec_block(stmt.finalbody.body.body, scope)
        elif isinstance(stmt, cst.For):
            self.exec_for(stmt, scope)
        elif isinstance(stmt, cst.While):
            self.exec_while(stmt, scope)
        else:
            # match and anything newer: not followed (yet).
            self.havoc([stmt], scope)

    def exec_while(self, stmt: cst.While, scope: Scope) -> None:
        """A ``while`` whose condition stays known is followed, up to MAX_UNROLL rounds."""
        for _ in range(MAX_UNROLL):
            condition = self.eval(stmt.test, scope)
            if not is_plain(condition):
                break
            if not condition:
                if stmt.orelse is not None:
                    self.exec_block(stmt.orelse.body.body, scope)
                return
            try:
                self.exec_block(stmt.body.body, scope)
            except _Break:
                return
            except _Continue:
                continue
            except _ControlUncertain:
                break
        # The condition became unknown (or the loop runs too long): what is left may run any number of times.
        self.havoc([stmt], scope)

    def exec_for(self, stmt: cst.For, scope: Scope) -> None:
        iterable = self.eval(stmt.iter, scope)
        items = iteration_items(iterable)
        if items is None or stmt.asynchronous is not None:
            self.havoc([stmt], scope)
            return
        for index, item in enumerate(items):
            self.assign(stmt.target, item, scope)
            try:
                self.exec_block(stmt.body.body, scope)
            except _Break:
                return
            except _Continue:
                continue
            except _ControlUncertain:
                # The loop may have ended here or gone on: forget all it could still do.
                self.havoc(stmt.body.body, scope, inside_loop=True)
                if stmt.orelse is not None:
                    self.havoc(stmt.orelse.body.body, scope)
                return
        if stmt.orelse is not None:
            self.exec_block(stmt.orelse.body.body, scope)

    def class_attributes(self, stmt: cst.ClassDef, scope: Scope) -> tuple[dict[str, Any], list[str]]:
        """Constants assigned in a class body (``class Config: units = 64``), and its annotated fields."""
        attributes: dict[str, Any] = {}
        fields: list[str] = []
        body = Scope({}, scope)
        for line in stmt.body.body:
            if isinstance(line, cst.FunctionDef):
                # Methods close over the enclosing scope, not the class body (as in Python).
                attributes[line.name.value] = self.define_function(line, scope)
                continue
            if not isinstance(line, cst.SimpleStatementLine):
                continue
            for small in line.body:
                if isinstance(small, cst.AnnAssign) and isinstance(small.target, cst.Name):
                    fields.append(small.target.value)
                    if small.value is not None:
                        attributes[small.target.value] = self.eval(small.value, body)
                elif isinstance(small, cst.Assign) and len(small.targets) == 1:
                    target = small.targets[0].target
                    if isinstance(target, cst.Name):
                        attributes[target.value] = self.eval(small.value, body)
                body.names.update(attributes)
        return attributes, fields

    def exec_if(self, stmt: cst.If, scope: Scope) -> None:
        try:
            condition = self.eval(stmt.test, scope)
            taken = bool(condition) if is_plain(condition) else None
        except Unresolved:
            taken = None
        if taken is None:
            self.havoc(stmt.body.body, scope)
            if stmt.orelse is not None:
                self.havoc([stmt.orelse], scope)
        elif taken:
            self.exec_block(stmt.body.body, scope)
        elif isinstance(stmt.orelse, cst.If):
            self.exec_if(stmt.orelse, scope)
        elif isinstance(stmt.orelse, cst.Else):
            self.exec_block(stmt.orelse.body.body, scope)

    def effects_of(self, node: cst.CSTNode) -> "_EffectCollector":
        """What a syntax node may do, computed once per node (loops revisit nodes)."""
        found = self.effects.get(id(node))
        if found is None:
            found = _EffectCollector()
            node.visit(found)
            self.effects[id(node)] = found
        return found

    def havoc(self, body: Sequence[cst.CSTNode], scope: Scope, inside_loop: bool = False) -> None:
        """A block that may or may not run, any number of times: forget what it touches.

        When the block could leave the enclosing loop (``break``/``continue``) or
        function (``return``), what follows is uncertain too: raise
        :class:`_ControlUncertain` for the loop or function to handle.
        """
        collector = _EffectCollector()
        for stmt in body:
            effects = self.effects_of(stmt)
            collector.assigned |= effects.assigned
            collector.receivers |= effects.receivers
            collector.calls |= effects.calls
            collector.escapes |= effects.escapes
            collector.trainable_receivers += effects.trainable_receivers
        for name in collector.assigned:
            scope.names[name] = UNKNOWN
        for target in collector.trainable_receivers:
            # `x.trainable = ...` that may or may not run: x's trainable state is unknown.
            try:
                receiver = self.eval(target, scope) if not self.effects_of(target).calls else UNKNOWN
            except Unresolved:
                receiver = UNKNOWN
            if isinstance(receiver, Layer):
                receiver.set_trainable(UNKNOWN)
            elif receiver is UNKNOWN:
                self.session.trainable_uncertain()
        for name in collector.receivers:
            value = scope.lookup(name)
            if isinstance(value, Sequential):
                self.session.sequential_add(value, UNKNOWN, value.origin, rebuild=False)
            elif isinstance(value, Layer):
                value.calls_uncertain = True  # it may have been called there: its last call is unknown
        if collector.calls:
            self.session.names_uncertain_from_opaque_code()
        if collector.escapes and not inside_loop:
            raise _ControlUncertain

    def define_function(self, node: cst.FunctionDef | cst.Lambda, scope: Scope) -> UserFunction:
        defaults: dict[str, Any] = {}
        params = node.params
        for param in (*params.posonly_params, *params.params, *params.kwonly_params):
            if param.default is not None:
                defaults[param.name.value] = self.eval(param.default, scope)
        return UserFunction(node, scope, defaults, self.current_file)

    # ------------------------------------------------------------------ binding
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

    # ------------------------------------------------------------------ expressions
    def eval(self, node: cst.BaseExpression, scope: Scope) -> Any:
        try:
            return self._eval(node, scope)
        except Unresolved:
            return UNKNOWN

    def _eval(self, node: cst.BaseExpression, scope: Scope) -> Any:
        # One dictionary look-up by the node's exact class: libcst's classes are leaves, and an
        # isinstance chain through their ABC metaclass cost a fifth of the interpretation.
        evaluate = _EVALUATORS.get(type(node))
        return UNKNOWN if evaluate is None else evaluate(self, node, scope)

    def _eval_integer(self, node: cst.Integer, scope: Scope) -> Any:
        try:
            return int(node.value.replace("_", ""), 0)  # libcst's evaluated_value parses: slow
        except ValueError:
            return node.evaluated_value

    def _eval_float(self, node: cst.Float, scope: Scope) -> Any:
        try:
            return float(node.value.replace("_", ""))
        except ValueError:
            return node.evaluated_value

    def _eval_unknown(self, node: cst.BaseExpression, scope: Scope) -> Any:
        return UNKNOWN

    def _eval_simple_string(self, node: cst.SimpleString, scope: Scope) -> Any:
        value = _plain_string(node.value)
        if value is None:
            value = node.evaluated_value  # prefixes, escapes: Python's own rules
        return value if isinstance(value, str) else UNKNOWN

    def _eval_concatenated_string(self, node: cst.ConcatenatedString, scope: Scope) -> Any:
        left, right = self._eval(node.left, scope), self._eval(node.right, scope)
        return left + right if isinstance(left, str) and isinstance(right, str) else UNKNOWN

    def _eval_name(self, node: cst.Name, scope: Scope) -> Any:
        return self.lookup(node.value, scope)

    def _eval_tuple(self, node: cst.Tuple, scope: Scope) -> Any:
        return tuple(self.eval_elements(node.elements, scope))

    def _eval_list(self, node: cst.List, scope: Scope) -> Any:
        return list(self.eval_elements(node.elements, scope))

    def _eval_unary(self, node: cst.UnaryOperation, scope: Scope) -> Any:
        operand = self._eval(node.expression, scope)
        if isinstance(operand, KerasTensor):
            if isinstance(node.operator, cst.Minus):
                return self.session.operation("Negative", [operand], {}, self.origin(node), python_operator=True)
            return self.opaque_tensor_operation()
        return unary(type(node.operator), operand)

    def _eval_binary(self, node: cst.BinaryOperation, scope: Scope) -> Any:
        left = self._eval(node.left, scope)
        right = self._eval(node.right, scope)
        if isinstance(left, KerasTensor) or isinstance(right, KerasTensor):
            op_class = _TENSOR_OPERATORS.get(type(node.operator))
            if op_class is None or not all(_is_operand(v) for v in (left, right)):
                return self.opaque_tensor_operation()
            return self.session.operation(op_class, [left, right], {}, self.origin(node), python_operator=True)
        return binary(BINARY_OPERATORS.get(type(node.operator)), left, right)

    def _eval_boolean(self, node: cst.BooleanOperation, scope: Scope) -> Any:
        left = self._eval(node.left, scope)
        if not is_plain(left):
            self._eval(node.right, scope)
            return UNKNOWN
        if isinstance(node.operator, cst.And):
            return self._eval(node.right, scope) if left else left
        return left if left else self._eval(node.right, scope)

    def _eval_if_expression(self, node: cst.IfExp, scope: Scope) -> Any:
        test = self._eval(node.test, scope)
        if not is_plain(test):
            self._eval(node.body, scope)
            self._eval(node.orelse, scope)
            return UNKNOWN
        return self._eval(node.body if test else node.orelse, scope)

    def _eval_attribute(self, node: cst.Attribute, scope: Scope) -> Any:
        return self.get_attribute(self._eval(node.value, scope), node.attr.value)

    def _eval_comprehension(self, node: cst.ListComp | cst.GeneratorExp | cst.DictComp | cst.SetComp, scope: Scope) -> Any:
        if not isinstance(node, cst.SetComp):
            result = self.eval_comprehension(node, scope)
            if result is not None:
                return result
        # Not modelled; a comprehension that builds layers makes names uncertain.
        if self.effects_of(node).calls:
            self.session.names_uncertain_from_opaque_code()
        return UNKNOWN

    def _eval_lambda(self, node: cst.Lambda, scope: Scope) -> Any:
        # A function like any other; its body runs only when it is called.  (Keras's
        # Lambda layer traces it with backend tensors, which create no named operations.)
        return self.define_function(node, scope)

    def _eval_named_expression(self, node: cst.NamedExpr, scope: Scope) -> Any:
        value = self._eval(node.value, scope)
        self.assign(node.target, value, scope)
        return value

    def opaque_tensor_operation(self) -> Any:
        """An operation on tensors that kerascheck does not model: it takes a name Keras would
        count, except inside a layer's traced call (on backend tensors, no Operation is made)."""
        if not self.session.tracing:
            self.session.names_uncertain_from_opaque_code()
        return UNKNOWN

    def call_ops(self, function: str, args: list[Any], kwargs: dict[str, Any], node: cst.Call) -> Any:
        """``keras.ops.<function>(...)``: an operation when it is applied to tensors."""
        if function == "shape" and len(args) == 1 and isinstance(args[0], KerasTensor):
            return args[0].shape  # ops.shape of a symbolic tensor is its shape tuple, no operation
        return self.call_op_function(OPS_FUNCTIONS.get(function), args, kwargs, node)

    def call_activation(self, function: str, args: list[Any], kwargs: dict[str, Any], node: cst.Call) -> Any:
        """``keras.activations.<function>(x)`` on a symbolic tensor: an operation (``linear``: ``x``)."""
        if function == "linear" and len(args) + len(kwargs) == 1:
            return args[0] if args else kwargs.get("x", UNKNOWN)
        return self.call_op_function(ACTIVATION_FUNCTIONS.get(function), args, kwargs, node)

    def call_op_function(self, known: OpFunction | None, args: list[Any], kwargs: dict[str, Any], node: Any) -> Any:
        """A Keras function that creates the operation ``known`` when it is applied to tensors."""
        if not any(isinstance(v, KerasTensor) for v in flatten(list(args) + list(kwargs.values()))):
            return UNKNOWN
        if known is None:
            return self.opaque_tensor_operation()
        bound = dict(known.defaults)
        bound.update(zip(known.params, args))
        bound.update(kwargs)
        if len(args) > len(known.params) or set(bound) - set(known.params) or any(p not in bound for p in known.params):
            return self.opaque_tensor_operation()
        operands = [bound[p] for p in known.operands]
        if known.sequence:
            if not isinstance(operands[0], (list, tuple)) or not operands[0]:
                return self.opaque_tensor_operation()
            operands = list(operands[0]) + operands[1:]
        config = {p: v for p, v in bound.items() if p not in known.operands}
        if not all(_is_operand(v) for v in operands) or any(
            isinstance(v, KerasTensor) for v in flatten(list(config.values()))
        ):
            return self.opaque_tensor_operation()
        if not any(isinstance(v, KerasTensor) for v in operands):
            return self.opaque_tensor_operation()  # e.g. a tensor only in an argument: not modelled
        return self.session.operation(known.op_class, operands, config, self.origin(node))

    def eval_comprehension(self, node: cst.ListComp | cst.GeneratorExp | cst.DictComp, scope: Scope) -> Any:
        """A comprehension over known iterables, item by item; None when one is unknown.

        Only the first iterable is checked before anything runs (Python evaluates it
        first too); an unknown inner iterable makes the whole result unknown.
        """
        first = iteration_items(self._eval(node.for_in.iter, scope))
        if first is None or node.for_in.asynchronous is not None:
            return None
        child = Scope({}, scope)
        results: list[Any] = []
        failed = False

        def run(clause: cst.CompFor, items: list[Any] | None) -> None:
            nonlocal failed
            if items is None:
                items = iteration_items(self._eval(clause.iter, child))
            if items is None or clause.asynchronous is not None:
                failed = True
                return
            for item in items:
                if failed:
                    return
                self.step()
                self.assign(clause.target, item, child)
                conditions = [self._eval(c.test, child) for c in clause.ifs]
                if not all(is_plain(c) for c in conditions):
                    failed = True
                    return
                if not all(conditions):
                    continue
                if clause.inner_for_in is not None:
                    run(clause.inner_for_in, None)
                elif isinstance(node, cst.DictComp):
                    results.append((self._eval(node.key, child), self._eval(node.value, child)))
                else:
                    results.append(self._eval(node.elt, child))

        run(node.for_in, first)
        if failed:
            if self.effects_of(node).calls:
                self.session.names_uncertain_from_opaque_code()
            return UNKNOWN
        if isinstance(node, cst.DictComp):
            if not all(isinstance(k, (str, int, float, bool, type(None))) for k, _ in results):
                return UNKNOWN
            return dict(results)
        return results

    def lookup(self, name: str, scope: Scope) -> Any:
        value = scope.lookup(name)
        if value is not MISSING:
            return value
        if name in ("True", "False", "None"):
            return {"True": True, "False": False, "None": None}[name]
        if name in BUILTINS:
            return BUILTINS[name]
        return UNKNOWN

    def eval_elements(self, elements: Sequence[cst.BaseElement], scope: Scope) -> Iterator[Any]:
        for element in elements:
            value = self._eval(element.value, scope)
            if isinstance(element, cst.StarredElement):
                if isinstance(value, (tuple, list)):
                    yield from value
                else:
                    raise Unresolved("starred element")
            else:
                yield value

    def eval_dict(self, node: cst.Dict, scope: Scope) -> Any:
        result: dict[Any, Any] = {}
        known = True
        for element in node.elements:
            if isinstance(element, cst.DictElement):
                key = self._eval(element.key, scope)
                value = self._eval(element.value, scope)
                if isinstance(key, (str, int, float, bool, type(None))):
                    result[key] = value
                else:
                    known = False
            else:
                value = self._eval(element.value, scope)
                if isinstance(value, dict):
                    result.update(value)
                else:
                    known = False
        return result if known else UNKNOWN

    def eval_fstring(self, node: cst.FormattedString, scope: Scope) -> Any:
        parts: list[str] = []
        for part in node.parts:
            if isinstance(part, cst.FormattedStringText):
                parts.append(part.value)
                continue
            value = self._eval(part.expression, scope)
            if part.conversion is not None or part.format_spec is not None:
                return UNKNOWN
            if not isinstance(value, (str, int, float, bool)) or value is UNKNOWN:
                return UNKNOWN
            parts.append(str(value))
        return "".join(parts)

    def eval_comparison(self, node: cst.Comparison, scope: Scope) -> Any:
        left = self._eval(node.left, scope)
        for target in node.comparisons:
            right = self._eval(target.comparator, scope)
            if not (is_plain(left) and is_plain(right)):
                return UNKNOWN
            op = type(target.operator)
            try:
                if op is cst.Equal:
                    ok = left == right
                elif op is cst.NotEqual:
                    ok = left != right
                elif op is cst.LessThan:
                    ok = left < right
                elif op is cst.LessThanEqual:
                    ok = left <= right
                elif op is cst.GreaterThan:
                    ok = left > right
                elif op is cst.GreaterThanEqual:
                    ok = left >= right
                elif op is cst.In:
                    ok = left in right
                elif op is cst.NotIn:
                    ok = left not in right
                elif op is cst.Is:
                    ok = left is right if left is None or right is None or isinstance(left, bool) else UNKNOWN
                elif op is cst.IsNot:
                    ok = left is not right if left is None or right is None or isinstance(left, bool) else UNKNOWN
                else:
                    return UNKNOWN
            except TypeError:
                return UNKNOWN
            if ok is UNKNOWN:
                return UNKNOWN
            if not ok:
                return False
            left = right
        return True

    def eval_subscript(self, node: cst.Subscript, scope: Scope) -> Any:
        container = self._eval(node.value, scope)
        if isinstance(container, KerasTensor) and container.shape is UNKNOWN:
            # What a call kerascheck cannot model returned: perhaps a list of tensors, which
            # indexing picks from without an operation.
            return self.opaque_tensor_operation()
        if isinstance(container, KerasTensor):
            key = self.subscript_key(node, scope)
            return self.session.operation("GetItem", [container], {"key": key}, self.origin(node), python_operator=True)
        if len(node.slice) != 1:
            return UNKNOWN
        element = node.slice[0].slice
        if isinstance(element, cst.Index):
            key = self._eval(element.value, scope)
            if isinstance(container, (tuple, list, str)) and isinstance(key, int) and not isinstance(key, bool):
                try:
                    return container[key]
                except IndexError:
                    return UNKNOWN
            if isinstance(container, dict) and is_plain(key):
                return container.get(key, UNKNOWN)
            return UNKNOWN
        if isinstance(element, cst.Slice) and isinstance(container, (tuple, list, str)):
            bounds = [
                self._eval(part, scope) if part is not None else None
                for part in (element.lower, element.upper, element.step)
            ]
            if all(b is None or (isinstance(b, int) and not isinstance(b, bool)) for b in bounds):
                return container[slice(*bounds)]
        return UNKNOWN

    def subscript_key(self, node: cst.Subscript, scope: Scope) -> Any:
        """The key Python passes to ``__getitem__``: one element, or a tuple of them (``x[0,]`` too).

        Unknown if any part is: Keras then still creates one ``GetItem`` (a key it rejects
        would stop the program), of unknown shape.
        """
        parts: list[Any] = []
        for element in node.slice:
            index = element.slice
            if isinstance(index, cst.Slice):
                bounds = [self.eval(b, scope) if b is not None else None for b in (index.lower, index.upper, index.step)]
                if not all(is_plain(b) for b in bounds):
                    return UNKNOWN
                parts.append(slice(*bounds))
            elif isinstance(index.value, cst.Ellipsis):
                parts.append(Ellipsis)
            else:
                value = self.eval(index.value, scope)
                if not is_plain(value):
                    return UNKNOWN
                parts.append(value)
        if len(parts) == 1 and not isinstance(node.slice[0].comma, cst.Comma):
            return parts[0]
        return tuple(parts)

    def get_attribute(self, value: Any, attr: str) -> Any:
        if isinstance(value, ModuleRef):
            return resolve(f"{value.name}.{attr}")
        if isinstance(value, KerasTensor):
            if attr == "shape":
                return value.shape
            return UNKNOWN
        if isinstance(value, Layer) and id(value) in self.instances:
            state = self.instances[id(value)]
            if attr in state.attributes:
                return state.attributes[attr]
            if state.cls.method(attr) is not None or attr in ("add_weight", "build", "call"):
                return BoundMethod(value, attr)
            found = state.cls.lookup(attr)
            if found is not UNKNOWN:
                return found
        if isinstance(value, Layer):
            return self.layer_attribute(value, attr)
        if isinstance(value, (list, dict, str)) and attr in PY_METHODS:
            return BoundMethod(value, attr)
        if isinstance(value, ArrayValue) and attr == "shape":
            return value.shape
        if isinstance(value, InertObject):
            return INERT
        if isinstance(value, LocalModule):
            return self.module_attribute(value, attr)
        if isinstance(value, SuperProxy):
            return BoundMethod(value, attr)
        if isinstance(value, UserClass):
            return value.lookup(attr)
        if isinstance(value, UserInstance):
            return value.attributes[attr] if attr in value.attributes else value.cls.lookup(attr)
        return UNKNOWN

    def layer_attribute(self, layer: Layer, attr: str) -> Any:
        if attr in ("name",):
            return layer.name
        if attr == "trainable":
            return layer.trainable
        if isinstance(layer, (OpaqueModel, UnresolvedFunctional)):
            return UNKNOWN
        if isinstance(layer, Model):
            functional = layer.functional if isinstance(layer, Sequential) else layer
            if isinstance(layer, SubclassedModel):
                functional = None  # its inputs and outputs are those of its last call: not modelled
            if attr in ("input", "inputs", "output", "outputs") and functional is not None:
                tensors = functional.inputs if attr.startswith("input") else functional.outputs
                if attr in ("input", "output"):
                    return tensors[0] if len(tensors) == 1 else list(tensors)
                return list(tensors)
            if attr == "layers":
                return UNKNOWN if any(isinstance(lyr, OpaqueLayer) for lyr in layer.layer_list()) else layer.layer_list()
            if attr in _INERT_MODEL_METHODS or attr in ("add", "build", "pop"):
                return BoundMethod(layer, attr)
            return UNKNOWN
        if attr == "output" and layer.inbound_nodes:
            return layer.inbound_nodes[-1].output_structure
        return BoundMethod(layer, attr)

    # ------------------------------------------------------------------ calls
    def eval_call(self, node: cst.Call, scope: Scope) -> Any:
        callee = self._eval(node.func, scope)
        args, kwargs, complete = self.eval_arguments(node.args, scope)
        if not complete:
            # *args / **kwargs we cannot expand: the call's effect is unknown.
            self.taint(args, kwargs)
            if not isinstance(callee, (Builtin, BoundMethod)) or isinstance(callee, KerasSymbol):
                self.session.names_uncertain_from_opaque_code()
            return UNKNOWN
        return self.call_value(callee, args, kwargs, node, scope)

    def eval_arguments(self, arguments: Sequence[cst.Arg], scope: Scope) -> tuple[list[Any], dict[str, Any], bool]:
        args: list[Any] = []
        kwargs: dict[str, Any] = {}
        complete = True
        for arg in arguments:
            value = self.eval(arg.value, scope)
            if arg.star == "*":
                if isinstance(value, (tuple, list)):
                    args.extend(value)
                else:
                    complete = False
            elif arg.star == "**":
                if isinstance(value, dict) and all(isinstance(k, str) for k in value):
                    kwargs.update(value)
                else:
                    complete = False
            elif arg.keyword is not None:
                kwargs[arg.keyword.value] = value
            else:
                args.append(value)
        return args, kwargs, complete

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
            if callee.name in _ARRAY_CONSTRUCTORS:
                return array_value(args, kwargs)
            if _is_inert_module(callee.name):
                return INERT
            if callee.name.startswith("keras.ops."):
                return self.call_ops(callee.name.rsplit(".", 1)[1], args, kwargs, node)
            if callee.name.startswith("keras.activations.") and any(
                isinstance(v, KerasTensor) for v in flatten(list(args) + list(kwargs.values()))
            ):
                return self.call_activation(callee.name.rsplit(".", 1)[1], args, kwargs, node)
            if callee.name.startswith(_INERT_KERAS_MODULES) or callee.name in _DTYPE_POLICY_FACTORIES:
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

    def call_layer(self, layer: Layer, args: list[Any], kwargs: dict[str, Any], node: cst.Call) -> Any:
        """``layer(x, ...)``: the input tensors, keyword tensors, and options that change the output."""
        rule = layer.rule
        names = rule.call_arguments if rule is not None else None
        original_kwargs = kwargs
        kwargs = dict(kwargs)
        if names:
            given = dict(zip(names, args))
            given.update({name: kwargs.pop(name) for name in names if name in kwargs})
            inputs: Any = []
            for name in names:
                if name not in given:
                    break
                inputs.append(given[name])
        elif args:
            inputs = args[0]
        elif "inputs" in kwargs:
            inputs = kwargs.pop("inputs")
        else:
            return UNKNOWN
        if layer.class_name == "Lambda" and rule is not None and not kwargs:
            self.trace_lambda(rule, inputs)
        options = rule.output_changing_call_options if rule is not None else ()
        opaque = bool(options) and any(kwargs.get(option, False) is not False for option in options)
        keyword_tensors = [kwargs[key] for key in sorted(kwargs)]
        keras_order = list(args) + [original_kwargs[key] for key in sorted(original_kwargs)]
        return self.session.call(
            layer, inputs, self.origin(node), keyword_tensors, opaque_output=opaque, node_order=keras_order,
            single_positional=len(args) == 1 and not original_kwargs, explicit_mask=original_kwargs.get("mask"),
        )

    def trace_lambda(self, rule: Any, inputs: Any) -> None:
        """``Lambda(function)`` without ``output_shape``: Keras traces ``function(inputs,
        **arguments)`` on backend tensors to learn the output (no Operation is made). The same
        here, for a function of the analysed code and one input of known shape."""
        rule.traced = None
        function, arguments = rule.function, rule.arguments
        if rule.output_shape is not None or not isinstance(function, UserFunction):
            return
        if not isinstance(inputs, KerasTensor) or not is_known(inputs.shape):
            return
        if arguments is not None and not isinstance(arguments, dict):
            return
        session = self.session
        constructed = len(session.layers)
        session.tracing += 1
        try:
            result = self.call_function(function, [inputs], dict(arguments or {}))
        except Unresolved:
            result = UNKNOWN
        finally:
            session.tracing -= 1
        if len(session.layers) > constructed:
            session.names_uncertain_from_opaque_code()  # layers made by the function: per trace
        if isinstance(result, KerasTensor) and is_known(result.shape):
            rule.traced = (inputs.shape, result.shape)

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

    def call_keras(self, symbol: KerasSymbol, args: list[Any], kwargs: dict[str, Any], node: cst.Call) -> Any:
        result = self._call_keras(symbol, args, kwargs, node)
        if isinstance(result, Model):
            # Models built while another module of the project runs are reported only
            # when this file binds them, and those a class's methods build (a block of a
            # custom layer) only when code outside binds them.
            result.reported = self.current_file == self.main_file and not self.methods
        return result

    def _call_keras(self, symbol: KerasSymbol, args: list[Any], kwargs: dict[str, Any], node: cst.Call) -> Any:
        session = self.session
        name = symbol.name
        if name == "Input":
            return session.input(args, kwargs, self.origin(node))
        if name == "Sequential":
            layers = kwargs.get("layers", args[0] if args else None)
            return session.sequential(
                layers if layers is not UNKNOWN else [UNKNOWN],
                kwargs.get("name", args[2] if len(args) > 2 else None),
                self.origin(node),
                trainable=kwargs.get("trainable", args[1] if len(args) > 1 else True),
            )
        if name == "Model":
            return self.call_model(args, kwargs, node)
        if is_application(name):
            return build_application(session, name, list(args), dict(kwargs), self.origin(node))
        function = keras_api.FUNCTIONS.get(name)
        if function is not None:
            layer_class = function.get("builds_layer")
            if layer_class is None or not args and "inputs" not in kwargs:
                return UNKNOWN
            inputs = kwargs.pop("inputs", None) if "inputs" in kwargs else args.pop(0)
            helper_params = [p for p in function["params"] if p[0] != "inputs" and not p[0].startswith("*")]
            for (pname, _default, _kind), value in zip(helper_params, args):
                kwargs[pname] = value
            layer = session.create_layer(layer_class, [], kwargs, self.origin(node))
            return session.call(layer, inputs, self.origin(node)) if isinstance(layer, Layer) else UNKNOWN
        spec = keras_api.CLASSES.get(name)
        if spec is not None:
            return session.create_layer(name, args, kwargs, self.origin(node))
        return UNKNOWN

    def call_keras_utility(self, dotted: str, args: list[Any], kwargs: dict[str, Any]) -> Any:
        """Keras functions that build no layers; the few that change global state are modelled."""
        function = dotted.rsplit(".", 1)[1]
        if function == "int_shape" and args and isinstance(args[0], KerasTensor):
            return args[0].shape
        if function == "clear_session":
            self.session.clear_session()
            return None
        if function == "set_image_data_format":
            value = kwargs.get("data_format", args[0] if args else None)
            self.session.image_data_format = value if value in ("channels_last", "channels_first") else UNKNOWN
            return None
        if function == "image_data_format":
            return self.session.image_data_format
        if function == "set_floatx":
            self.session.set_floatx(kwargs.get("value", args[0] if args else None))
            return None
        if function in ("set_dtype_policy", "set_global_policy"):
            self.session.set_dtype_policy(kwargs.get("policy", args[0] if args else None))
            return None
        if function in ("dtype_policy", "global_policy"):
            self.session.policy_variable_bytes()  # reading the policy fixes it
        if dotted in _DTYPE_POLICY_FACTORIES:
            name = kwargs.get("name" if function != "get" else "identifier", args[0] if args else None)
            return DTypePolicy(name) if isinstance(name, str) else UNKNOWN
        return INERT

    def call_model(self, args: list[Any], kwargs: dict[str, Any], node: cst.Call) -> Any:
        session = self.session
        name = kwargs.pop("name", None)
        legacy = "input" in kwargs or "output" in kwargs
        if legacy:
            keywords = tuple(k for k in ("input", "output") if k in kwargs)
            kwargs.setdefault("inputs", kwargs.pop("input", None))
            kwargs.setdefault("outputs", kwargs.pop("output", None))
            session.report(
                "keras2_api",
                "Model(input=..., output=...) is Keras 2 API; Keras 3 raises "
                "\"Unrecognized keyword arguments passed to Model: {'input', 'output'}\": "
                "use inputs= and outputs=",
                self.origin(node),
                keywords=keywords,
            )
        if "inputs" in kwargs or "outputs" in kwargs or len(args) >= 2:
            inputs = kwargs.get("inputs", args[0] if args else None)
            outputs = kwargs.get("outputs", args[1] if len(args) > 1 else args[0] if args and "inputs" in kwargs else None)
            return session.functional(inputs, outputs, name, self.origin(node))
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
        if isinstance(receiver, Model) and name in _INERT_MODEL_METHODS:
            return UNKNOWN
        if isinstance(receiver, Layer):
            # pop(), a custom method, …: the model's structure is no longer known.
            if isinstance(receiver, Sequential):
                session.sequential_add(receiver, UNKNOWN, self.origin(node), rebuild=False)
            return UNKNOWN
        return call_py_method(receiver, name, args, kwargs)

    # ------------------------------------------------------------------ user-defined layers
    def instantiate_layer(self, cls: UserClass, args: list[Any], kwargs: dict[str, Any], node: cst.Call) -> Any:
        """``MyLayer(...)``: run its ``__init__`` (sub-layers take their names in order)."""
        if cls.is_keras_model:
            layer = self.session.subclassed_model(cls.node.name.value, self.origin(node))
            layer.reported = self.current_file == self.main_file and not self.methods
        else:
            layer = self.session.unnamed_custom_layer(cls.node.name.value, self.origin(node))
        state = InstanceState(cls)
        self.instances[id(layer)] = state
        init = cls.method("__init__")
        if init is None:
            self.keras_layer_init(layer, kwargs)
        else:
            self.run_method(init, layer, args, kwargs, node)
        layer.call_hook = self.run_layer_call
        layer.weights_known = state.weights_known
        layer.defines_compute_mask = cls.method("compute_mask") is not None
        if state.functional is not None:
            return state.functional
        return layer

    def keras_layer_init(self, layer: Layer, kwargs: dict[str, Any]) -> None:
        """``keras.layers.Layer.__init__(**kwargs)``: the name, and ``trainable``."""
        if layer.name is UNKNOWN:
            explicit = kwargs.get("name")
            layer.name = self.session.name_for(explicit if isinstance(explicit, str) else None, layer.class_name)
            if "name" in kwargs and not isinstance(explicit, str) and explicit is not None:
                layer.name = UNKNOWN
        if "trainable" in kwargs:
            layer.trainable = kwargs["trainable"] if isinstance(kwargs["trainable"], bool) else UNKNOWN

    def run_method(self, found: "tuple[UserFunction, UserClass]", obj: Any, args: list[Any],
                   kwargs: dict[str, Any], node: Any) -> Any:
        function, cls = found
        self.methods.append((cls, obj))
        try:
            if function.file != self.main_file:
                with self.anchored(node):
                    return self.call_function(function, [obj, *args], kwargs)
            return self.call_function(function, [obj, *args], kwargs)
        finally:
            self.methods.pop()

    def call_super(self, proxy: SuperProxy, name: str, args: list[Any], kwargs: dict[str, Any], node: Any) -> Any:
        base = proxy.cls.next_base()
        if isinstance(base, UserClass):
            found = base.method(name)
            if found is not None:
                return self.run_method(found, proxy.obj, args, kwargs, node)
            if name != "__init__":
                return UNKNOWN
        if name == "__init__" and isinstance(proxy.obj, SubclassedModel) and _functional_init_arguments(args, kwargs):
            self.functional_subclass_init(proxy.obj, args, kwargs)
            return None
        if name == "__init__" and isinstance(proxy.obj, Layer):
            self.keras_layer_init(proxy.obj, kwargs)
            return None
        if name == "build" and isinstance(proxy.obj, Layer):
            return None
        return UNKNOWN

    def functional_subclass_init(self, instance: SubclassedModel, args: list[Any], kwargs: dict[str, Any]) -> None:
        """``Functional.__init__(self, inputs, outputs, name=None, **kwargs)`` on a Model subclass."""
        positional, kwargs = list(args), dict(kwargs)
        inputs = kwargs.pop("inputs") if "inputs" in kwargs else positional.pop(0)
        outputs = kwargs.pop("outputs") if "outputs" in kwargs else positional.pop(0)
        name = kwargs.pop("name") if "name" in kwargs else positional.pop(0) if positional else None
        trainable = kwargs.pop("trainable", True)
        state = self.instances[id(instance)]
        if positional or kwargs:
            # Other arguments (dtype, …) that kerascheck does not follow.
            instance.contents_uncertain = True
            return
        model = self.session.functional_subclass(instance, inputs, outputs, name)
        if isinstance(model, Functional):
            model.trainable = trainable if isinstance(trainable, bool) else UNKNOWN
            model.call_overridden = state.cls.method("call") is not None
            state.functional = model

    def set_instance_attribute(self, layer: Layer, attr: str, value: Any) -> None:
        state = self.instances[id(layer)]
        state.attributes[attr] = value
        assert isinstance(layer, UserLayer)
        if value is UNKNOWN:
            state.weights_known = False  # it may have been a layer
            layer.weights_known = False
            if isinstance(layer, SubclassedModel):
                layer.tracked.append(OpaqueLayer(self.session, layer.origin))  # a row of model.layers?
        self.track(layer, value)

    def track(self, layer: UserLayer, value: Any) -> None:
        """Keras's tracker: layers in ``value`` join ``layer``'s, in order; lists stay tracked."""
        for item in _layers_in(value):
            if all(item is not tracked for tracked in layer.tracked):
                layer.tracked.append(item)
        for container in _lists_in(value):
            self.tracked_lists[id(container)] = layer

    def call_instance_method(self, layer: Layer, name: str, args: list[Any], kwargs: dict[str, Any], node: Any) -> Any:
        state = self.instances[id(layer)]
        if name == "add_weight":
            return self.add_weight(layer, state, args, kwargs)
        found = state.cls.method(name)
        if name == "build":
            # ``build_wrapper``: the layer is built once, whatever build() did.
            shape = kwargs.get("input_shape", args[0] if args else UNKNOWN)
            state.user_built = True
            layer.built = True
            result = None if found is None else self.run_method(found, layer, [shape], {}, node)
            layer.weights_known = state.weights_known
            return result
        if found is None:
            if isinstance(layer, SubclassedModel) and name not in _NON_BUILDING_MODEL_METHODS:
                layer.contents_uncertain = True  # fit(), predict(), …: built on data not seen here
            return UNKNOWN
        return self.run_method(found, layer, args, kwargs, node)

    def add_weight(self, layer: Any, state: InstanceState, args: list[Any], kwargs: dict[str, Any]) -> Any:
        """``self.add_weight(shape=..., trainable=..., name=...)`` (Keras 3 order: shape first)."""
        shape = kwargs.get("shape", args[0] if args else None)
        trainable = kwargs.get("trainable", True)
        if shape is None:
            shape = ()
        if isinstance(shape, int) and not isinstance(shape, bool):
            shape = (shape,)
        if not isinstance(shape, (tuple, list)) or not all(
            isinstance(d, int) and not isinstance(d, bool) for d in shape
        ) or not isinstance(trainable, bool):
            state.weights_known = False
            layer.weights_known = False
            return WeightValue(UNKNOWN)
        from kerascheck.engine.layer import Weight
        from kerascheck.engine.runtime import variable_dtype_bytes

        # Its dtype= (kerascheck knows the sizes of float dtypes), else float32 unless the
        # program changed the default (the layer's own policy is not followed).
        dtype = kwargs.get("dtype")
        if dtype is not None:
            size = variable_dtype_bytes(dtype)
        else:
            size = UNKNOWN if self.session.dtype_policy_changed else variable_dtype_bytes(None)
        weight = Weight(str(kwargs.get("name", "variable")), tuple(shape), trainable, size)
        layer.added_weights.append(weight)
        return WeightValue(tuple(shape))

    def run_layer_call(self, layer: Any, inputs: Any) -> Any:
        """Keras's symbolic call of a user layer: ``build(input_shape)`` once, then ``call(inputs)``."""
        state = self.instances.get(id(layer))
        if state is None:
            return UNKNOWN
        call = state.cls.method("call")
        if call is None:
            return UNKNOWN
        node = self.anchor if self.anchor is not None else layer.origin
        if not state.user_built:
            state.user_built = True
            build = state.cls.method("build")
            if build is not None:
                shape = [t.shape for t in inputs] if isinstance(inputs, list) else getattr(inputs, "shape", UNKNOWN)
                self.run_method(build, layer, [shape], {}, node)
        result = self.run_method(call, layer, [inputs], {}, node)
        layer.weights_known = state.weights_known
        return result

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
        except _Return as ret:
            return ret.value
        except _ControlUncertain:
            # It may have returned there, or gone on: the rest of its effects are unknown.
            self.havoc(function.node.body.body, scope, inside_loop=True)  # type: ignore[attr-defined]
            return UNKNOWN
        except (_Break, _Continue):
            return UNKNOWN
        finally:
            self.depth -= 1
            self.current_file = saved_file
        return None


# ---------------------------------------------------------------------- helpers


class _EffectCollector(cst.CSTVisitor):
    """Names a block assigns, receivers of method calls in it, and whether it calls anything."""

    def __init__(self) -> None:
        self.assigned: set[str] = set()
        self.receivers: set[str] = set()
        self.calls = False
        self.escapes = False  # break / continue / return that may leave the enclosing block
        self.names: set[str] = set()  # every name the node mentions
        self.trainable_receivers: list[cst.BaseExpression] = []  # x of every `x.trainable = ...`
        self._loops = 0

    def visit_Return(self, node: cst.Return) -> None:
        self.escapes = True

    def visit_Break(self, node: cst.Break) -> None:
        if not self._loops:
            self.escapes = True

    def visit_Continue(self, node: cst.Continue) -> None:
        if not self._loops:
            self.escapes = True

    def visit_While(self, node: cst.While) -> None:
        self._loops += 1

    def leave_While(self, original_node: cst.While) -> None:
        self._loops -= 1

    def leave_For(self, original_node: cst.For) -> None:
        self._loops -= 1

    def visit_Name(self, node: cst.Name) -> None:
        self.names.add(node.value)

    def visit_AssignTarget(self, node: cst.AssignTarget) -> None:
        self._collect(node.target)
        if isinstance(node.target, cst.Attribute) and node.target.attr.value == "trainable":
            self.trainable_receivers.append(node.target.value)

    def visit_AugAssign(self, node: cst.AugAssign) -> None:
        self._collect(node.target)

    def visit_AnnAssign(self, node: cst.AnnAssign) -> None:
        self._collect(node.target)

    def visit_For(self, node: cst.For) -> None:
        self._loops += 1
        self._collect(node.target)

    def visit_AsName(self, node: cst.AsName) -> None:
        self._collect(node.name)

    def visit_NamedExpr(self, node: cst.NamedExpr) -> None:
        self._collect(node.target)

    def visit_FunctionDef(self, node: cst.FunctionDef) -> bool:
        self.assigned.add(node.name.value)
        return False

    def visit_ClassDef(self, node: cst.ClassDef) -> bool:
        self.assigned.add(node.name.value)
        return False

    def visit_ImportAlias(self, node: cst.ImportAlias) -> None:
        if node.asname is None:
            self.assigned.add(_dotted(node.name).split(".")[0])

    def visit_Call(self, node: cst.Call) -> None:
        self.calls = True
        if isinstance(node.func, cst.Name):
            self.receivers.add(node.func.value)
        if isinstance(node.func, cst.Attribute) and isinstance(node.func.value, cst.Name):
            self.receivers.add(node.func.value.value)
        for arg in node.args:
            if isinstance(arg.value, cst.Name):
                self.receivers.add(arg.value.value)

    def _collect(self, target: cst.CSTNode) -> None:
        if isinstance(target, cst.Name):
            self.assigned.add(target.value)
        elif isinstance(target, (cst.Tuple, cst.List)):
            for element in target.elements:
                self._collect(element.value)
        elif isinstance(target, cst.StarredElement):
            self._collect(target.value)


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


def _is_operand(value: Any) -> bool:
    """A tensor, or a constant whose shape is known."""
    if isinstance(value, WeightValue):
        return value.shape is not UNKNOWN
    return isinstance(value, KerasTensor) or (is_plain(value) and not isinstance(value, (str, dict)))


def get_layer(model: Functional | Sequential, name: Any, index: Any) -> Any:
    """``Model.get_layer(name=None, index=None)``: ``model.layers[index]``, or the first of
    them so named (a Sequential's layers leave out its InputLayer)."""
    layers = model.layer_list()
    if any(isinstance(layer, OpaqueLayer) for layer in layers):
        return UNKNOWN  # which layers it has is unknown
    if index is not None and name is None:
        return layers[index] if type(index) is int and 0 <= index < len(layers) else UNKNOWN
    if index is not None or not isinstance(name, str):
        return UNKNOWN
    for layer in layers:
        if layer.name is UNKNOWN:
            return UNKNOWN  # it may be the one
        if layer.name == name:
            return layer
    return UNKNOWN


def _functional_init_arguments(args: list[Any], kwargs: dict[str, Any]) -> bool:
    """``keras.src.models.model.functional_init_arguments``: the arguments of a Functional."""
    return len(args) == 2 or len(args) == 1 and "outputs" in kwargs or "inputs" in kwargs and "outputs" in kwargs


def _is_inert_module(dotted: str) -> bool:
    return any(dotted == module or dotted.startswith(module + ".") for module in _INERT_MODULES)


def _lists_in(value: Any) -> list[list[Any]]:
    """The lists inside an attribute value: appending a layer to them tracks it."""
    found: list[list[Any]] = [value] if isinstance(value, list) else []
    if isinstance(value, (list, tuple)):
        return found + [inner for item in value for inner in _lists_in(item)]
    if isinstance(value, dict):
        return [inner for item in value.values() for inner in _lists_in(item)]
    return found


def _layers_in(value: Any) -> list[Layer]:
    """Layers Keras tracks when ``value`` is assigned to a layer attribute (lists, dicts too)."""
    if isinstance(value, Layer):
        return [value]
    if isinstance(value, (list, tuple)):
        return [layer for item in value for layer in _layers_in(item)]
    if isinstance(value, dict):
        return [layer for item in value.values() for layer in _layers_in(item)]
    return []




def _dotted(node: cst.BaseExpression) -> str:
    if isinstance(node, cst.Name):
        return node.value
    if isinstance(node, cst.Attribute):
        return f"{_dotted(node.value)}.{node.attr.value}"
    return "?"


def _targets(node: cst.BaseExpression) -> list[cst.BaseExpression]:
    if isinstance(node, (cst.Tuple, cst.List)):
        return [e.value for e in node.elements]
    return [node]


# Python operators on Keras tensors: the keras.ops operation each one calls.
_TENSOR_OPERATORS: dict[type, str] = {
    cst.Add: "Add", cst.Subtract: "Subtract", cst.Multiply: "Multiply", cst.Divide: "TrueDivide",
    cst.FloorDivide: "FloorDivide", cst.Modulo: "Mod", cst.Power: "Power",
}


def _plain_string(literal: str) -> str | None:
    """The value of a string literal without prefix, backslash or carriage return (most of them); else None."""
    if "\\" in literal or "\r" in literal or literal[0] not in "'\"":
        return None
    quote = literal[:3] if literal[:3] in ('"""', "'''") else literal[0]
    return literal[len(quote) : -len(quote)]


_EVALUATORS: dict[type, Callable[[Interpreter, Any, Scope], Any]] = {
    cst.Integer: Interpreter._eval_integer,
    cst.Float: Interpreter._eval_float,
    cst.Imaginary: Interpreter._eval_unknown,
    cst.SimpleString: Interpreter._eval_simple_string,
    cst.ConcatenatedString: Interpreter._eval_concatenated_string,
    cst.FormattedString: Interpreter.eval_fstring,
    cst.Name: Interpreter._eval_name,
    cst.Tuple: Interpreter._eval_tuple,
    cst.List: Interpreter._eval_list,
    cst.Set: Interpreter._eval_unknown,
    cst.Dict: Interpreter.eval_dict,
    cst.UnaryOperation: Interpreter._eval_unary,
    cst.BinaryOperation: Interpreter._eval_binary,
    cst.BooleanOperation: Interpreter._eval_boolean,
    cst.Comparison: Interpreter.eval_comparison,
    cst.IfExp: Interpreter._eval_if_expression,
    cst.Attribute: Interpreter._eval_attribute,
    cst.Subscript: Interpreter.eval_subscript,
    cst.Call: Interpreter.eval_call,
    cst.ListComp: Interpreter._eval_comprehension,
    cst.GeneratorExp: Interpreter._eval_comprehension,
    cst.DictComp: Interpreter._eval_comprehension,
    cst.SetComp: Interpreter._eval_comprehension,
    cst.Lambda: Interpreter._eval_lambda,
    cst.NamedExpr: Interpreter._eval_named_expression,
}
