"""Statements: blocks, control flow (if, for, while, try, with), function and class definitions,
and what happens to a block that may or may not run (it is *havocked*)."""

from __future__ import annotations

import functools
from typing import Any, Sequence

import libcst as cst

from kerascheck.engine.dims import UNKNOWN, Unresolved
from kerascheck.engine.runtime import Layer, Model, Sequential, SubclassedModel
from kerascheck.frontend.effects import EffectCollector, declared_outer_names
from kerascheck.frontend.keras_calls import INERT_MODEL_METHODS
from kerascheck.frontend.flow import MAX_STEPS, Break, BudgetExhausted, Continue, ControlUncertain, Return
from kerascheck.frontend.keras_names import KerasSymbol, ModuleRef
from kerascheck.frontend.name_effects import ANY_NAME
from kerascheck.frontend.syntax import assignment_targets, dotted_name
# A loop over more items than this that makes no Keras object is not run item by item.
MAX_DATA_LOOP_ITERATIONS = 1_000

from kerascheck.frontend.values import (
    AUGMENTED_OPERATORS,
    INERT,
    MAX_UNROLL,
    MUTABLE_CONTAINERS,
    SET_OPERATORS,
    FileData,
    BoundMethod,
    Builtin,
    ClassMethod,
    GeneratorValue,
    InertObject,
    PropertyFunction,
    Scope,
    StaticMethod,
    UserClass,
    UserFunction,
    UserInstance,
    an_item,
    contents_unknown,
    forgotten,
    fully_forgotten,
    is_plain,
    items_like,
    iteration_items,
    join,
    summarised,
    truth,
)


# Model methods that only read a built model: a block calling no other may be run to check it.
_READING_MODEL_METHODS = frozenset({"predict", "evaluate", "predict_on_batch", "test_on_batch", "summary",
                                    "count_params", "get_layer", "get_weights", "get_config", "to_json"})


class Statements:
    """Executes statements in program order; an undecidable block is *havocked*."""

    def exec_block(self, body: Sequence[cst.CSTNode], scope: Scope, loop_body: bool = False) -> None:
        """``body``'s statements in order. In a loop's body (``loop_body``), where a statement may
        or may not leave the round (``if found: break`` on an unknown test), the rest of the round
        is still checked (:meth:`checked_round`) before the loop forgets what it may change."""
        for index, stmt in enumerate(body):
            try:
                self.step()
                if isinstance(stmt, cst.SimpleStatementLine):
                    for small in stmt.body:
                        if isinstance(small, cst.Raise):
                            # The rest of this block never runs.
                            return
                        self.exec_small(small, scope)
                elif isinstance(stmt, cst.BaseSmallStatement):
                    # A block on its header's line (``def f(): return 16``): its small statements.
                    if isinstance(stmt, cst.Raise):
                        return
                    self.exec_small(stmt, scope)
                else:
                    self.exec_compound(stmt, scope)
            except Unresolved:
                # A decision on an unknown value stopped the statement part-way: what it
                # would still have done is unknown, and the block goes on.
                self.havoc([stmt], scope)
            except ControlUncertain:
                if loop_body:
                    self.checked_round(body[index + 1:], scope)
                raise
            except BudgetExhausted as err:
                if err.node is None:  # the innermost statement: where the file's budget ran out
                    err.node = self.origin(stmt)
                raise

    def exec_small(self, stmt: cst.BaseSmallStatement, scope: Scope) -> None:
        # Assignments first: a failed isinstance against libcst's ABC-based classes is slow.
        if isinstance(stmt, cst.Assign):
            value = self.eval(stmt.value, scope)
            for target in stmt.targets:
                self.assign(target.target, value, scope)
                if self.current_file == self.main_file and self.depth == 0:
                    self.note_data(target.target, value, stmt.value)
        elif isinstance(stmt, cst.Break):
            raise Break
        elif isinstance(stmt, cst.Continue):
            raise Continue
        elif isinstance(stmt, cst.Expr):
            self.eval(stmt.value, scope)
        elif isinstance(stmt, cst.AnnAssign):
            if stmt.value is not None:
                self.assign(stmt.target, self.eval(stmt.value, scope), scope)
        elif isinstance(stmt, cst.AugAssign):
            current = self.eval(stmt.target, scope)
            operand = self.eval(stmt.value, scope)
            operator = AUGMENTED_OPERATORS.get(type(stmt.operator))
            if operator is cst.Add and isinstance(current, list) and not contents_unknown(current):
                self.call_method(BoundMethod(current, "extend"), [operand], {}, stmt)  # in place, for every alias
                return
            if isinstance(current, list) and not fully_forgotten(current):
                self.forget(current)  # a summarised list: what was added is not followed
            if isinstance(current, set) and operator in SET_OPERATORS:  # in place, for every alias
                result = self.binary_operation(operator, current, operand, stmt) if isinstance(operand, (set, frozenset)) \
                    else UNKNOWN
                if isinstance(result, set):
                    current.clear()
                    current.update(result)
                else:
                    self.forget(current)
                return
            result = self.binary_operation(operator, current, operand, stmt) if operator else UNKNOWN
            self.assign(stmt.target, result, scope)
        elif isinstance(stmt, cst.Return):
            raise Return(self.eval(stmt.value, scope) if stmt.value is not None else None)
        elif isinstance(stmt, cst.Import):
            self.exec_import(stmt, scope)
        elif isinstance(stmt, cst.ImportFrom):
            self.exec_import_from(stmt, scope)
        elif isinstance(stmt, cst.Del):
            for target in assignment_targets(stmt.target):
                if isinstance(target, cst.Name):
                    scope.names.pop(target.value, None)
                elif isinstance(target, cst.Subscript):
                    container = self.eval(target.value, scope)
                    if isinstance(container, MUTABLE_CONTAINERS) and not fully_forgotten(container):
                        self.forget(container)  # an item or entry removed: which, not followed

    def exec_compound(self, stmt: cst.BaseCompoundStatement, scope: Scope) -> None:
        if isinstance(stmt, cst.FunctionDef):
            self.bind(stmt.name, self.define_function(stmt, scope), scope)
        elif isinstance(stmt, cst.ClassDef):
            bases = [self.eval(arg.value, scope) for arg in stmt.bases]
            keras_base = any(isinstance(b, (KerasSymbol, UserClass)) for b in bases)
            decorators = [dotted_name(d.decorator.func if isinstance(d.decorator, cst.Call) else d.decorator)
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
                    # What __enter__ returns: of a library's object (a file, a GradientTape), a
                    # library's object again, never a Keras one.
                    entered = None if value is None else INERT if type(value) is InertObject else \
                        value if type(value) is FileData else UNKNOWN  # (an HDF5 file enters as itself)
                    self.assign(item.asname.name, entered, scope)
            self.exec_block(stmt.body.body, scope)
        elif isinstance(stmt, cst.Try):
            self.exec_try(stmt, scope)
        elif isinstance(stmt, cst.For):
            self.exec_for(stmt, scope)
        elif isinstance(stmt, cst.While):
            self.exec_while(stmt, scope)
        elif isinstance(stmt, cst.Match):
            self.exec_match(stmt, scope)
        else:
            # Anything newer: not followed (yet).
            self.havoc([stmt], scope)

    def exec_try(self, stmt: cst.Try, scope: Scope) -> None:
        """The body is the path taken when nothing fails. An error Keras raises in it, a handler
        may catch on purpose: not reported there. Where kerascheck proves that a statement of
        the body raises what a handler catches (``except ValueError:`` around a fit of data the
        model cannot take), the body stops there and the first such handler runs (a fallback
        ``fit``); otherwise the handlers may run or not."""
        catches = any(_catches(handler) for handler in stmt.handlers)
        handler = None
        session = self.session
        raised = False
        session.catching += catches
        try:
            if not catches or session.speculative:
                self.exec_block(stmt.body.body, scope)
            else:
                before = len(session.errors)
                for line in stmt.body.body:
                    self.exec_block([line], scope)
                    found = [error for error in session.errors[before:]
                             if _raises(error) and id(error) not in session.handled_errors]
                    if found:
                        # The first handler that takes the error's class runs (Python's order).
                        handler = next((h for h in stmt.handlers if _catches(h, _error_type(found[0]))), None)
                        raised = handler is not None
                        if raised:
                            session.handled_errors.add(id(found[0]))
                        break
        finally:
            session.catching -= catches
        if raised and handler is not None:
            if handler.name is not None:
                self.assign(handler.name.name, UNKNOWN, scope)
            self.exec_block(handler.body.body, scope)
        else:
            for other in stmt.handlers:
                self.havoc(other.body.body, scope)
            if stmt.orelse is not None:
                self.exec_block(stmt.orelse.body.body, scope)
        if stmt.finalbody is not None:
            self.exec_block(stmt.finalbody.body.body, scope)

    def exec_match(self, stmt: cst.Match, scope: Scope) -> None:
        """``match subject:`` runs the first case whose pattern matches (and whose guard holds);
        from a case kerascheck cannot decide on, each of the remaining ones may run."""
        subject = self.eval(stmt.subject, scope)
        for index, case in enumerate(stmt.cases):
            matched = self.pattern_matches(case.pattern, subject, scope)
            if matched and case.guard is not None:
                try:
                    matched = truth(self.eval(case.guard, scope))
                except Unresolved:
                    matched = None
            if matched is None:
                self.havoc(stmt.cases[index:], scope)
                return
            if matched:
                self.exec_block(case.body.body, scope)
                return

    def pattern_matches(self, pattern: cst.MatchPattern, subject: Any, scope: Scope) -> bool | None:
        """Whether ``subject`` matches: literals, constants, ``None``/``True``/``False``, ``_``,
        captures and ``|`` of them; None where that is not known (and for the other patterns)."""
        if isinstance(pattern, cst.MatchAs):
            matched = True if pattern.pattern is None else self.pattern_matches(pattern.pattern, subject, scope)
            if matched and pattern.name is not None:
                self.assign(pattern.name, subject, scope)
            return matched
        if isinstance(pattern, cst.MatchOr):
            found = [self.pattern_matches(p.pattern, subject, scope) for p in pattern.patterns]
            return True if True in found else None if None in found else False
        if isinstance(pattern, (cst.MatchValue, cst.MatchSingleton)):
            value = self.eval(pattern.value, scope)
            if not is_plain(subject) or not is_plain(value):
                return None
            return subject is value if isinstance(pattern, cst.MatchSingleton) else bool(subject == value)
        return None

    def exec_while(self, stmt: cst.While, scope: Scope) -> None:
        """A ``while`` whose condition stays known is followed, up to MAX_UNROLL rounds."""
        appended = None
        for rounds in range(MAX_UNROLL):
            condition = truth(self.eval(stmt.test, scope))
            if condition is None and not rounds:
                appended = self.appended_lists(stmt, scope)  # (before the checked round adds to them)
                self.round_it_may_run(stmt, scope)
            if condition is None or self.work() > LOOP_WORK_LIMIT:
                break
            if not condition:
                if stmt.orelse is not None:
                    self.exec_block(stmt.orelse.body.body, scope)
                return
            try:
                self.exec_block(stmt.body.body, scope, loop_body=True)
            except Break:
                return
            except Continue:
                continue
            except ControlUncertain:
                break
        # The condition became unknown (or the loop runs too long): what is left may run any number of times.
        if appended is None:
            appended = self.appended_lists(stmt, scope)
        self.havoc([stmt], scope)
        if appended:
            self.summarise_appends(stmt, scope, UNKNOWN, appended)

    def exec_for(self, stmt: cst.For, scope: Scope) -> None:
        iterable = self.eval(stmt.iter, scope)
        items = iteration_items(iterable)
        # The lists it only appends to, with their items before it (before a checked round adds to them).
        appended = self.appended_lists(stmt, scope) if stmt.asynchronous is None and (
            items is None or len(items) > MAX_DATA_LOOP_ITERATIONS) else []
        if items is None and stmt.asynchronous is None:
            self.round_it_may_run(stmt, scope, an_item(iterable))
        if items is None or stmt.asynchronous is not None or (
            len(items) > MAX_DATA_LOOP_ITERATIONS and self.data_loop(stmt, scope)
        ):
            # An unknown number of times; or, over a dataset's samples (``for i in range(len(x_train))``),
            # a loop that makes no Keras object: read for what it may change, as a loop over data.
            self.havoc([stmt], scope)
            if appended:
                self.summarise_appends(stmt, scope, an_item(iterable) if items is None else join(items), appended)
            return
        start = self.work()
        for index, item in enumerate(items):
            done = self.work()
            if index and done + (done - start) * (len(items) - index) // index > LOOP_WORK_LIMIT:
                # Its remaining rounds, at the rate so far, would take the file past its budget (an
                # epoch loop generating text): read for what they may change, as any number of rounds.
                self.havoc([stmt], scope)
                return
            self.assign(stmt.target, item, scope)
            try:
                self.exec_block(stmt.body.body, scope, loop_body=True)
            except Break:
                return
            except Continue:
                continue
            except ControlUncertain:
                # The loop may have ended here or gone on: forget all it could still do.
                self.havoc(stmt.body.body, scope, inside_loop=True)
                if stmt.orelse is not None:
                    self.havoc(stmt.orelse.body.body, scope)
                return
        if stmt.orelse is not None:
            self.exec_block(stmt.orelse.body.body, scope)

    def round_it_may_run(self, stmt: cst.For | cst.While, scope: Scope, item: Any = UNKNOWN) -> None:
        """A loop that runs an unknown number of times (over data, ``range(k)`` of a ``k`` read at
        run time), its variable ``item`` in that round. If it may build Keras objects, one round
        of it runs first, as the program may run it, so that the models it builds are reported
        (which round's is not known: the names Keras generates in it are unknown, and so is what
        depends on the loop's variables); nothing it would raise is reported, as that round is
        not the program's. If it builds none, its round is a :meth:`checked_round`. The caller
        then forgets what any number of rounds may change (:meth:`havoc`)."""
        names = self.block_names(self.effects_of(stmt), scope)
        if names is not ANY_NAME and not names:
            # It builds nothing (it prepares data, uses models): one round is checked.
            if isinstance(stmt, cst.For):
                self.assign(stmt.target, item, scope)
            self.checked_round(stmt.body.body, scope)
            return
        self.names_uncertain_by(names)
        session = self.session
        saved = session.speculative
        session.speculative = True
        try:
            if isinstance(stmt, cst.For):
                self.assign(stmt.target, UNKNOWN, scope)
            self.exec_block(stmt.body.body, scope)
        except (Break, Continue, ControlUncertain, Return):
            pass  # the round ended there
        finally:
            session.speculative = saved

    def appended_lists(self, stmt: cst.For | cst.While, scope: Scope) -> list[tuple[list, list]]:
        """The lists a loop that builds nothing only appends to (``images.append(img)``, by a name
        it does not rebind), each with its items before the loop."""
        effects = self.effects_of(stmt)
        if effects.escapes or self.block_names(effects, scope) or not self.only_checks_models(effects, scope):
            return []  # (a round that trains a model would change it as if the loop ran)
        found: dict[int, tuple[list, list]] = {}
        refused: set[int] = set()
        for target in effects.mutated:
            if _computed(target):
                continue
            value = self.static_value(target, scope)
            if type(value) is not list:
                continue
            if isinstance(target, cst.Name) and target.value not in effects.assigned and \
                    effects.methods_called.get(id(target)) == "append" and \
                    (not contents_unknown(value) or items_like(value) is not None):
                found.setdefault(id(value), (value, list(value)))
            else:
                refused.add(id(value))  # changed otherwise too (``x[i] = …``, ``f(x)``, ``x.pop()``)
        for callee_effects, callee_scope in self.called_bodies(effects, scope) if found else ():
            # The file's functions it calls may change them in any way (``items.clear()``).
            refused |= {id(self.static_value(target, callee_scope)) for target in callee_effects.mutated
                        if not _computed(target)}
        return [entry for key, entry in found.items() if key not in refused]

    def summarise_appends(self, stmt: cst.For | cst.While, scope: Scope, item: Any,
                          appended: list[tuple[list, list]]) -> None:
        """After a loop of a number of rounds not known was forgotten (:meth:`havoc`), the lists
        it only appends to hold their items from before and any number of items like those one
        round appends (:class:`ItemsLike`). That round runs on the forgotten state (which stands
        for the state before any round), its diagnostics not reported; a break or continue on a
        test not known ends no path early; where anything else may have changed a list in that
        round (a block not followed), the list stays forgotten."""
        session = self.session
        saved = session.speculative, self.summary_lists, self.summary_depth
        for container, _ in appended:
            container[:] = []
        session.speculative = True
        self.summary_lists = frozenset(id(container) for container, _ in appended)
        self.summary_depth = self.depth
        complete = True
        try:
            if isinstance(stmt, cst.For):
                self.assign(stmt.target, item, scope)
            self.summary_round(stmt.body.body, scope)
        except (Break, Continue, Return):
            pass  # every round ends there: what it appended before is all it appends
        except (Unresolved, ControlUncertain):
            complete = False  # what the rest of the round appends is not known
        finally:
            session.speculative, self.summary_lists, self.summary_depth = saved
            added = [list(container) for container, _ in appended]
            self.havoc([stmt], scope)  # what the round computed holds for no round in particular
        if not complete:
            for container, _ in appended:
                if not fully_forgotten(container):
                    self.forget(container)
            return
        for (container, before), items in zip(appended, added):
            if forgotten(items):
                continue  # changed where kerascheck does not follow
            container[:] = summarised(before + items) if items else before

    def summary_round(self, body: Sequence[cst.CSTNode], scope: Scope) -> None:
        """The statements of a summarising round (:meth:`summarise_appends`); one that may or may
        not leave the round (``if img is None: continue``) lets the round go on, as the path
        where it does not, when it holds no append of the round's lists and no call of the
        file's own code (what it would have appended after leaving it is then nothing)."""
        for stmt in body:
            try:
                self.exec_block([stmt], scope)
            except ControlUncertain:
                if not self.leaves_nothing_out(stmt, scope):
                    raise

    def leaves_nothing_out(self, stmt: cst.CSTNode, scope: Scope) -> bool:
        effects = self.effects_of(stmt)
        for call in effects.call_nodes:
            callee = self.static_value(call.func, scope) if isinstance(call.func, (cst.Name, cst.Attribute)) else None
            if isinstance(callee, (UserFunction, UserClass)) or \
                    isinstance(callee, BoundMethod) and isinstance(callee.receiver, UserInstance):
                return False
        return not any(id(self.static_value(t, scope)) in self.summary_lists for t in effects.mutated if not _computed(t))

    def checked_round(self, body: Sequence[cst.CSTNode], scope: Scope) -> None:
        """Statements the program may or may not run (a branch of an ``if`` on an unknown test, a
        round of a loop over data, the rest of a round after a ``break`` that may happen), when
        they build no Keras object and change no model (they prepare data, ``predict`` or
        ``evaluate`` with built models): they run once, on the state as it is, so that what they
        would raise whenever they run is reported. The caller then forgets what they may have
        changed (:meth:`havoc`); nothing they compute is kept as certain."""
        if not body or self.session.speculative:
            return
        effects = EffectCollector()
        for stmt in body:
            effects.merge(self.effects_of(stmt))
        if effects.escapes or self.block_names(effects, scope) or not self.only_checks_models(effects, scope):
            return
        session = self.session
        # Which names Keras generates after the block is havoc's to decide, from the block's code
        # (it builds nothing): not what the round's values not known may seem to make.
        saved = (session.names_uncertain, set(session.uncertain_prefixes), session.policy_maybe_fixed)
        try:
            self.exec_block(body, scope)
        except (Break, Continue, ControlUncertain, Return):
            pass  # the round ended there
        finally:
            session.names_uncertain, session.uncertain_prefixes, session.policy_maybe_fixed = saved

    def called_bodies(self, effects: "EffectCollector", scope: Scope, depth: int = 0
                      ) -> list[tuple["EffectCollector", Scope]]:
        """The effects of the bodies of the file's functions (methods, classes' ``__init__``) a
        block calls, each with the scope it was defined in; two calls deep."""
        found: list[tuple[EffectCollector, Scope]] = []
        for call in effects.call_nodes:
            if not isinstance(call.func, (cst.Name, cst.Attribute)):
                continue
            callee = self.static_value(call.func, scope)
            receiver = None
            if isinstance(callee, BoundMethod) and isinstance(callee.receiver, UserInstance):
                receiver = callee.receiver
                method = receiver.cls.method(callee.name)
                callee = method[0] if method is not None else None
            elif isinstance(callee, UserClass):
                method = callee.method("__init__")
                callee = method[0] if method is not None else None
            if isinstance(callee, UserFunction) and isinstance(callee.node, cst.FunctionDef):
                body = self.effects_of(callee.node.body)
                body.declared = declared_outer_names(callee.node)
                inner = callee.scope
                params = callee.node.params.params
                if receiver is not None and params:
                    inner = Scope({params[0].name.value: receiver}, callee.scope)  # (its self)
                found.append((body, inner))
                if depth < 1:
                    found += self.called_bodies(body, inner, depth + 1)
        return found

    def only_checks_models(self, effects: "EffectCollector", scope: Scope, depth: int = 0) -> bool:
        """Whether the block's calls of model methods only read built models (``predict``,
        ``evaluate``…: what they raise is checked, and they change nothing a summary shows), in
        the functions of the file it calls too (whose models are their parameters: by name)."""
        for call in effects.call_nodes:
            if isinstance(call.func, cst.Attribute) and call.func.attr.value in INERT_MODEL_METHODS:
                if call.func.attr.value not in _READING_MODEL_METHODS:
                    return False
                receiver = self.static_value(call.func.value, scope)
                if depth == 0 and (not isinstance(receiver, Model) or receiver.built is not True):
                    return False
                continue
            callee = self.static_value(call.func, scope) if isinstance(call.func, (cst.Name, cst.Attribute)) else None
            if isinstance(callee, BoundMethod) and isinstance(callee.receiver, UserInstance):
                found = callee.receiver.cls.method(callee.name)  # (a method of the file's class: its body)
                callee = found[0] if found is not None else None
            elif isinstance(callee, UserClass):
                found = callee.method("__init__")
                callee = found[0] if found is not None else None
            if isinstance(callee, UserFunction) and isinstance(callee.node, cst.FunctionDef):
                # (its body: a def's own effects are binding its name)
                if depth >= 2 or not self.only_checks_models(self.effects_of(callee.node.body), callee.scope, depth + 1):
                    return False
        return True

    def data_loop(self, stmt: cst.For, scope: Scope) -> bool:
        """A loop that makes no Keras object and changes none (it prepares data)."""
        effects = self.effects_of(stmt)
        if self.block_names(effects, scope):
            return False
        # What havoc reads of the loop, as it reads any loop over data (computed targets: their
        # containers' contents, forgotten with them).
        if any(isinstance(self.static_value(target, scope), Layer) for target in effects.mutated if not _computed(target)):
            return False
        return not effects.attribute_targets and not effects.trainable_receivers

    def class_attributes(self, stmt: cst.ClassDef, scope: Scope) -> tuple[dict[str, Any], list[str]]:
        """Constants assigned in a class body (``class Config: units = 64``), and its annotated fields."""
        attributes: dict[str, Any] = {}
        fields: list[str] = []
        body = Scope({}, scope)
        for line in stmt.body.body:
            if isinstance(line, cst.FunctionDef):
                # Methods close over the enclosing scope, not the class body (as in Python).
                function = self.define_function(line, scope)
                kind = _method_kind(line)
                if kind == "setter":
                    continue  # the property stays what its getter reads
                attributes[line.name.value] = {
                    "property": PropertyFunction, "staticmethod": StaticMethod, "classmethod": ClassMethod,
                }.get(kind, lambda f: f)(function)
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
            taken = truth(self.eval(stmt.test, scope))
        except Unresolved:
            taken = None
        if taken is None:
            if self.summary_lists and self.depth == self.summary_depth:
                # (in the round's own statements: in a function it calls, a return is not a path's end)
                self.summarise_branches(stmt, scope)
                return
            self.checked_round(stmt.body.body, scope)
            if stmt.orelse is not None:
                # The other branch is checked on the state the first may have changed, forgotten
                # (which stands for the state before either).
                self.havoc(stmt.body.body, scope, inside_loop=True)
                other = stmt.orelse.body.body if isinstance(stmt.orelse, cst.Else) else [stmt.orelse]
                self.checked_round(other, scope)
            self.havoc(stmt.body.body, scope)
            if stmt.orelse is not None:
                self.havoc([stmt.orelse], scope)
        elif taken:
            self.exec_block(stmt.body.body, scope)
        elif isinstance(stmt.orelse, cst.If):
            self.exec_if(stmt.orelse, scope)
        elif isinstance(stmt.orelse, cst.Else):
            self.exec_block(stmt.orelse.body.body, scope)

    def summarise_branches(self, stmt: cst.If, scope: Scope) -> None:
        """An ``if`` on a test not known in a summarising round (:meth:`summarise_appends`): each
        branch runs, on the state forgotten for the other, so that what either appends to the
        round's lists is kept; then what they may have changed is forgotten, except those lists
        (only appended to, and every append of them ran)."""
        escaped = False
        branches: list[Sequence[cst.CSTNode]] = [stmt.body.body]
        if isinstance(stmt.orelse, cst.Else):
            branches.append(stmt.orelse.body.body)
        elif isinstance(stmt.orelse, cst.If):
            branches.append([stmt.orelse])  # (``elif``: an if of its own)
        for branch in branches:
            try:
                self.exec_block(branch, scope)
            except (Break, Continue, Return, ControlUncertain):
                escaped = True  # that path ends there (a return: the round's function returns)
            try:
                self.havoc(branch, scope, inside_loop=True, keeping=self.summary_lists)
            except ControlUncertain:
                escaped = True
        if escaped:
            raise ControlUncertain

    def effects_of(self, node: cst.CSTNode) -> "EffectCollector":
        """What a syntax node may do, computed once per node (loops revisit nodes)."""
        found = self.effects.get(id(node))
        if found is None:
            found = EffectCollector()
            node.visit(found)
            self.effects[id(node)] = found
        return found

    def only_read_arguments(self, effects: "EffectCollector", scope: Scope) -> set[int]:
        """The argument expressions (by id) of the calls to builtins that only read them."""
        found: set[int] = set()
        for call in effects.call_nodes:
            if isinstance(call.func, cst.Attribute) and call.func.attr.value in INERT_MODEL_METHODS:
                # predict(), summary(), save()… of a built model: its layers stay as they are.
                receiver = self.static_value(call.func.value, scope)
                if isinstance(receiver, Model) and receiver.built is True:
                    found.add(id(call.func.value))
                continue
            callee = self.static_value(call.func, scope) if isinstance(call.func, cst.Name) else None
            if isinstance(callee, Builtin) and callee.name in ARGUMENT_READING_BUILTINS:
                found.update(id(arg.value) for arg in call.args)
            elif isinstance(callee, UserFunction) and isinstance(callee.node, cst.FunctionDef):
                # ``def step(m, x): return m(x)``: a built model the function only calls keeps its layers.
                called = _parameters_only_called(callee.node)
                for index, arg in enumerate(call.args):
                    if arg.star or arg.keyword is not None or index >= len(called) or not called[index]:
                        continue
                    value = self.static_value(arg.value, scope)
                    if isinstance(value, Model) and value.built is True and not (
                        # called on data, a subclassed model's call builds the layers it has not
                        isinstance(value, SubclassedModel) and any(not layer.built for layer in value.tracked)
                    ):
                        found.add(id(arg.value))
        return found

    def havoc(self, body: Sequence[cst.CSTNode], scope: Scope, inside_loop: bool = False,
              keeping: frozenset[int] = frozenset()) -> None:
        """A block that may or may not run, any number of times: forget what it touches.

        The names it assigns become unknown; so do the lists and dicts it may change in place
        (their contents, for every alias), the attributes it assigns, the models it may add to
        and the layers it may call. Layer names Keras generates afterwards are unknown only when
        the block may create Keras objects (a call not known to be inert, an operator on a
        tensor): data preparation, printing and plotting leave them known.

        When the block could leave the enclosing loop (``break``/``continue``) or
        function (``return``), what follows is uncertain too: raise
        :class:`ControlUncertain` for the loop or function to handle.

        The lists ``keeping`` names (by id) keep their contents: the block ran, and only
        appended to them (:meth:`summarise_branches`).
        """
        effects = EffectCollector()
        for stmt in body:
            effects.merge(self.effects_of(stmt))
        names = self.block_names(effects, scope)  # on the values from before the block
        only_read = self.only_read_arguments(effects, scope)
        changed = [
            (self.static_value(target, scope), target, effects) for target in effects.mutated
            if not _computed(target) and id(target) not in only_read
        ]
        attributes = [(self.static_value(t.value, scope), t.attr.value) for t in effects.attribute_targets]
        callees = self.called_bodies(effects, scope)
        for callee_effects, callee_scope in callees:
            # What the file's functions and methods it calls change outside themselves
            # (``def add(v): items.append(v)``, ``self.count += 1``).
            changed += [(self.static_value(target, callee_scope), target, callee_effects)
                        for target in callee_effects.mutated
                        if not _computed(target) and not (isinstance(target, cst.Name)
                                                          and target.value in callee_effects.assigned)]
            attributes += [(self.static_value(t.value, callee_scope), t.attr.value)
                           for t in callee_effects.attribute_targets]
        for name in effects.assigned:
            scope.binding_scope(name).names[name] = UNKNOWN
        for callee_effects, callee_scope in callees:
            declared = callee_effects.declared
            for name in callee_effects.assigned & declared.keys():
                # ``global n`` / ``nonlocal n`` in a function it calls: that n is not known.
                Scope({}, callee_scope, declared).binding_scope(name).names[name] = UNKNOWN
        for target in effects.trainable_receivers:
            # `x.trainable = ...` that may or may not run: x's trainable state is unknown.
            try:
                receiver = self.eval(target, scope) if not self.effects_of(target).calls else UNKNOWN
            except Unresolved:
                receiver = UNKNOWN
            if isinstance(receiver, Layer):
                receiver.set_trainable(UNKNOWN)
            elif receiver is UNKNOWN:
                self.session.trainable_uncertain()
        for value, target, source in changed:
            if isinstance(value, Sequential) and source.methods_called.get(id(target)) in INERT_MODEL_METHODS:
                # fit(), compile(), summary()…: its layers stay; an unbuilt one may be built there.
                if not value.built:
                    for layer in (value, *value.stack):
                        layer.build_uncertain = True
            elif isinstance(value, Sequential):
                self.session.sequential_add(value, UNKNOWN, value.origin, rebuild=False)
            elif isinstance(value, Layer):
                value.calls_uncertain = True  # it may have been called there: its last call is unknown
            elif isinstance(value, MUTABLE_CONTAINERS) and not fully_forgotten(value) and id(value) not in keeping:
                self.forget(value)
            elif isinstance(value, UserInstance) and names:
                self.forget_object(value)  # a method of it may have changed it
            elif isinstance(value, GeneratorValue):
                value.started = True  # it may have been advanced there
        for receiver, attr in attributes:
            if isinstance(receiver, UserInstance):
                receiver.attributes[attr] = UNKNOWN
            elif isinstance(receiver, UserClass):
                receiver.attributes[attr] = UNKNOWN
            elif isinstance(receiver, Layer) and id(receiver) in self.instances and attr != "trainable":
                self.set_instance_attribute(receiver, attr, UNKNOWN)
        self.names_uncertain_by(names)
        if effects.escapes and not inside_loop:
            raise ControlUncertain

    def define_function(self, node: cst.FunctionDef | cst.Lambda, scope: Scope) -> UserFunction:
        defaults: dict[str, Any] = {}
        params = node.params
        for param in (*params.posonly_params, *params.params, *params.kwonly_params):
            if param.default is not None:
                defaults[param.name.value] = self.eval(param.default, scope)
        return UserFunction(node, scope, defaults, self.current_file)


# The exceptions Keras (and NumPy, in its data utilities) raise, and their bases.
_KERAS_EXCEPTIONS = frozenset({"Exception", "BaseException", "ValueError", "TypeError", "IndexError",
                               "AttributeError", "KeyError", "LookupError", "RuntimeError", "NotImplementedError"})


# What each exception class Keras raises is caught by (itself and its bases).
_CAUGHT_BY = {
    "ValueError": {"ValueError", "Exception", "BaseException"},
    "TypeError": {"TypeError", "Exception", "BaseException"},
    "IndexError": {"IndexError", "LookupError", "Exception", "BaseException"},
    "KeyError": {"KeyError", "LookupError", "Exception", "BaseException"},
    "AttributeError": {"AttributeError", "Exception", "BaseException"},
    "RuntimeError": {"RuntimeError", "Exception", "BaseException"},
    "NotImplementedError": {"NotImplementedError", "RuntimeError", "Exception", "BaseException"},
}


def _catches(handler: cst.ExceptHandler, error_type: str | None = None) -> bool:
    """The handler catches what Keras raises (a bare ``except``, ``Exception``, ``ValueError``…,
    alone or in a tuple); with ``error_type``, an exception of that class."""
    if handler.type is None:
        return True
    types = [e.value for e in handler.type.elements] if isinstance(handler.type, cst.Tuple) else [handler.type]
    names = {dotted_name(t).rsplit(".", 1)[-1] for t in types}
    if error_type is None:
        return bool(names & _KERAS_EXCEPTIONS)
    return bool(names & _CAUGHT_BY.get(error_type, {"Exception", "BaseException"}))


def _error_type(error: Any) -> str:
    """The class of what Keras raises for the error: named in its message (``Keras: TypeError:
    …``), else ValueError, the class of Keras's checks of shapes and data."""
    for name in _CAUGHT_BY:
        if f"Keras: {name}:" in error.message or f"Keras raises {name}" in error.message:
            return name
    return "ValueError"


def _raises(error: Any) -> bool:
    """The error is one Keras raises (not a warning of what it accepts)."""
    from kerascheck.rules import RULE_FOR_ENGINE_KIND

    rule = RULE_FOR_ENGINE_KIND.get(error.kind)
    return rule is not None and rule.keras_raises


# Loops stop being run round by round (and are read for what their remaining rounds may change)
# when they would take the file's interpretation past this much work (Interpreter.work).
LOOP_WORK_LIMIT = MAX_STEPS * 9 // 10


@functools.lru_cache(maxsize=1024)  # (a loop read round after round asks again of the same function)
def _parameters_only_called(function: cst.FunctionDef) -> tuple[bool, ...]:
    """For each positional parameter of ``function``: whether its body uses it only as the
    callee of calls (``m(x)``), never reading an attribute of it, passing it on or rebinding it."""
    params = [*function.params.posonly_params, *function.params.params]
    names = [param.name.value for param in params]
    callees: set[int] = set()
    uses: dict[str, list[int]] = {name: [] for name in names}

    class Uses(cst.CSTVisitor):
        def visit_Call(self, node: cst.Call) -> None:
            if isinstance(node.func, cst.Name):
                callees.add(id(node.func))

        def visit_Name(self, node: cst.Name) -> None:
            if node.value in uses:
                uses[node.value].append(id(node))

    function.body.visit(Uses())
    return tuple(bool(uses[name]) and all(use in callees for use in uses[name]) for name in names)

# Builtins that neither call nor change the objects they are given (``print(layer)`` formats it).
ARGUMENT_READING_BUILTINS = frozenset(
    {"print", "len", "str", "repr", "ascii", "format", "isinstance", "issubclass", "type", "id", "hash",
     "hasattr", "getattr", "callable", "dir", "vars", "bool"}
)


def _computed(node: cst.BaseExpression) -> bool:
    """Not a name or a chain of attributes: its object cannot be read without running code."""
    while isinstance(node, cst.Attribute):
        node = node.value
    return not isinstance(node, cst.Name)


def _method_kind(node: cst.FunctionDef) -> str | None:
    """What a method's decorators make of it: "property", "staticmethod", "classmethod",
    "setter" (of a property), or None (a plain method; other decorators are not followed)."""
    for decorator in node.decorators:
        name = dotted_name(decorator.decorator)
        last = name.rsplit(".", 1)[-1]
        if last in ("property", "cached_property"):
            return "property"
        if last in ("staticmethod", "classmethod"):
            return last
        if last in ("setter", "deleter"):
            return "setter"
    return None
