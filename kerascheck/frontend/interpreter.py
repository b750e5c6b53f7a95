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

from typing import Any, Sequence

import libcst as cst

from kerascheck import budget
from kerascheck.engine.dims import UNKNOWN
from kerascheck.engine.runtime import Sequential, Session, UserLayer
from kerascheck.frontend.calls import Calls
from kerascheck.frontend.compile_calls import CompileCalls
from kerascheck.frontend.data_flow import DataFlow
from kerascheck.frontend.effects import EffectCollector
from kerascheck.frontend.expressions import Expressions
from kerascheck.frontend.flow import MAX_STEPS, Break, BudgetExhausted, Continue, ControlUncertain, Return
from kerascheck.frontend.imports import Imports
from kerascheck.frontend.keras2_checks import Keras2Checks
from kerascheck.frontend.keras_calls import KerasCalls
from kerascheck.frontend.keras_names import KerasSymbol, ModuleRef, is_keras_module
from kerascheck.frontend.name_effects import NameEffects
from kerascheck.frontend.statements import Statements
from kerascheck.frontend.user_classes import UserClasses
from kerascheck.frontend.values import InstanceState, LocalModule, Scope, UserClass, UserFunction



class Interpreter(Statements, Imports, Expressions, Calls, DataFlow, NameEffects, KerasCalls, CompileCalls, UserClasses, Keras2Checks):
    """One run of a model file: its modules' state, and the session its Keras calls replay on.

    Each concern lives in a module of its own (:mod:`statements`, :mod:`imports`,
    :mod:`expressions`, :mod:`calls`, :mod:`keras_calls`, :mod:`user_classes`); this class
    holds the state they share and runs a module from the top.
    """

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
        # id(layer) -> the array whose whole shape declared that input layer's shape (data_flow)
        self.declared_by_data: dict[int, Any] = {}
        self.methods: list[tuple[UserClass, Any]] = []  # (defining class, self) of running methods
        self.depth = 0
        self.steps = 0
        # Expressions read without running them (what a block that may or may not run may do,
        # kerascheck.frontend.name_effects): work the loops' estimate of their cost counts too.
        self.static_reads = 0
        self.stopped: BudgetExhausted | None = None  # why the run stopped short, past the file's budget
        self.called: set[int] = set()  # ids of the user functions called so far
        self.callee_of: Any = None  # the call whose callee is being evaluated
        self.compiled_metrics: dict[int, tuple[Any, Any]] = {}  # id of a model -> (it, the metrics it was compiled with)
        self.generators: dict[int, bool] = {}  # ids of the function definitions read: whether each is a generator
        self.yielding = False  # a generator's body runs to its first yield (Calls.call_function)
        # The lists (by id) a loop of a number of rounds not known adds to, while the round that
        # summarises what it adds runs (Statements.summarise_appends).
        self.summary_lists: frozenset[int] = frozenset()
        self.summary_depth = -1  # the call depth of that round's own statements
        self.effects: dict[int, EffectCollector] = {}  # by id of nodes of modules kept alive
        self.class_sources: dict[int, str] = {}  # by id of class definitions (of modules kept alive): their code
        self.main_scope: Scope | None = None  # the analysed file's module scope, once it runs
        self.builds: dict[int, bool] = {}  # id of a user function -> whether it may create Keras objects
        self.builds_keep: list[Any] = []  # those functions, alive while their ids are keys

    @classmethod
    def for_file(cls, path: str, keras_version: int = 3, backend: str = "jax") -> "Interpreter":
        """An interpreter with a fresh session for the file at ``path``, following the project's
        imports when ``path`` is a file on disk."""
        from pathlib import Path

        from kerascheck.frontend.modules import ModuleFinder

        finder = ModuleFinder(Path(path)) if Path(path).is_file() else None
        return cls(Session(keras_version, backend), path, finder)

    def module_scope(self) -> Scope:
        return Scope({"__name__": "__main__", "__file__": self.path})

    def run_prefix(self, statements: Sequence[cst.BaseStatement], scope: Scope) -> bool:
        """Run the first top-level statements of a module, to be continued by :meth:`run_module`.

        False when the rest would not simply follow: a ``raise`` stops the module there, and
        control flow or the budget may have cut a statement short.
        """
        self.main_scope = scope
        for statement in statements:
            if isinstance(statement, cst.SimpleStatementLine) and any(isinstance(s, cst.Raise) for s in statement.body):
                return False
            try:
                self.exec_block([statement], scope)
            except (ControlUncertain, Break, Continue, Return, BudgetExhausted):
                return False
        return True

    def run_module(self, module: cst.Module, scope: Scope | None = None, start: int = 0) -> Scope:
        """Run ``module`` (from top-level statement ``start``: those before it ran in ``scope``)."""
        scope = scope if scope is not None else self.module_scope()
        self.main_scope = scope
        try:
            self.exec_block(module.body[start:] if start else module.body, scope)
        except (ControlUncertain, Break, Continue, Return):
            pass  # not valid at module level; Python would not have run the file
        except BudgetExhausted as err:
            self.stopped = err
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
            except BudgetExhausted as err:
                self.stopped = err
                self._budget_exhausted()
                return
            finally:
                self.session.speculative = False

    def work(self) -> int:
        """The interpretation's work so far, in steps: a statement or item run is one; about
        four expressions read without running them (havoc, a round that may run) take as long.
        Deterministic (the same file always counts the same), unlike the clock."""
        return self.steps + self.static_reads // 4

    def step(self) -> None:
        self.steps += 1
        if self.steps > MAX_STEPS:
            raise BudgetExhausted(f"it needs more than {MAX_STEPS:,} interpretation steps (statements and loop iterations)")
        if not self.steps & 255:  # the clock and the memory (kerascheck.budget)
            budget.spend(256)

    def origin(self, node: Any) -> Any:
        """Where a result made by ``node`` is reported: ``node``, or its anchor in the analysed file."""
        return self.anchor if self.anchor is not None else node
