"""What a block of syntax may do, read from the syntax alone (for code that may or may not run)."""

from __future__ import annotations

import libcst as cst

from kerascheck.frontend.syntax import dotted_name

# Values that are data whatever they hold: a name assigned only these holds no callable.
DATA_DISPLAYS = (
    cst.List, cst.Dict, cst.Tuple, cst.Set, cst.ListComp, cst.DictComp, cst.SetComp, cst.SimpleString,
    cst.ConcatenatedString, cst.FormattedString, cst.Integer, cst.Float, cst.Imaginary,
)


class EffectCollector(cst.CSTVisitor):
    """What a block may do: the names it assigns, the objects it may change (receivers of
    method calls, arguments, containers and objects assigned into), its calls, whether it
    may leave the enclosing loop or function."""

    def __init__(self) -> None:
        self.assigned: set[str] = set()
        self.receivers: set[str] = set()
        self.calls = False
        self.call_nodes: list[cst.Call] = []
        self.operators = False  # a Python operator or a subscript (on tensors: an operation)
        # Expressions whose object the block may change in place: ``x`` of ``x.append(…)``,
        # ``f(x)``, ``x[k] = …``, ``x += …``.
        self.mutated: list[cst.BaseExpression] = []
        # The receivers of method calls among them, by id, with the method's name.
        self.methods_called: dict[int, str] = {}
        self.attribute_targets: list[cst.Attribute] = []  # ``x.a = …``, ``x.a += …``, ``del x.a``
        # Names assigned displays and literals (``result = []``), and names assigned otherwise.
        self._data: set[str] = set()
        self._not_data: set[str] = set()
        # How the block binds names: (name, kind, expression), kind "value" (``x = e``), "item"
        # (an item of ``e``: ``for x in e``), "part" (a part of an item: ``for i, x in e``),
        # "enter" (``with e as x``), "function" (``def x``) or "opaque" (an import, a class…).
        self.bindings: list[tuple[str, str, cst.BaseExpression | None]] = []
        self.comprehension_names: set[str] = set()  # the targets of its comprehensions
        self.escapes = False  # break / continue / return that may leave the enclosing block
        self.names: set[str] = set()  # every name the node mentions
        self.trainable_receivers: list[cst.BaseExpression] = []  # x of every `x.trainable = ...`
        # Of a function's body: the names it declares global or nonlocal (see declared_outer_names).
        self.declared: dict[str, str] = {}
        self._loops = 0

    def visit_BinaryOperation(self, node: cst.BinaryOperation) -> None:
        self.operators = True

    def visit_UnaryOperation(self, node: cst.UnaryOperation) -> None:
        self.operators = True

    def visit_Subscript(self, node: cst.Subscript) -> None:
        self.operators = True

    def visit_Del(self, node: cst.Del) -> None:
        self._targets_changed(node.target)

    def _bind(self, target: cst.BaseExpression, kind: str, value: cst.BaseExpression | None) -> None:
        if isinstance(target, cst.Name):
            self.bindings.append((target.value, kind, value))
        elif isinstance(target, (cst.Tuple, cst.List)):
            for element in target.elements:
                self._bind(element.value, "part" if kind in ("value", "item", "part") else kind, value)
        elif isinstance(target, cst.StarredElement):
            self._bind(target.value, "opaque", None)

    def visit_CompFor(self, node: cst.CompFor) -> None:
        self._bind(node.target, "item", node.iter)
        self.comprehension_names |= _names_in(node.target)

    def visit_Assign(self, node: cst.Assign) -> None:
        for target in node.targets:
            self._bind(target.target, "value", node.value)
            self._targets_changed(target.target)
            if isinstance(target.target, cst.Name):
                (self._data if isinstance(node.value, DATA_DISPLAYS) else self._not_data).add(target.target.value)

    @property
    def data_names(self) -> set[str]:
        """Names the block assigns only displays and literals (``result = []``): data, never a
        callable, whatever else happens to them."""
        return self._data - self._not_data

    def merge(self, other: "EffectCollector") -> None:
        """Add what ``other`` (another statement of the same block) may do."""
        self.assigned |= other.assigned
        self.receivers |= other.receivers
        self.calls |= other.calls
        self.call_nodes += other.call_nodes
        self.operators |= other.operators
        self.mutated += other.mutated
        self.methods_called.update(other.methods_called)
        self.attribute_targets += other.attribute_targets
        self._data |= other._data
        self._not_data |= other._not_data
        self.bindings += other.bindings
        self.comprehension_names |= other.comprehension_names
        self.escapes |= other.escapes
        self.names |= other.names
        self.trainable_receivers += other.trainable_receivers

    def _targets_changed(self, target: cst.BaseExpression) -> None:
        if isinstance(target, cst.Subscript):
            self.mutated.append(target.value)
        elif isinstance(target, cst.Attribute):
            self.attribute_targets.append(target)
        elif isinstance(target, (cst.Tuple, cst.List)):
            for element in target.elements:
                self._targets_changed(element.value)
        elif isinstance(target, cst.StarredElement):
            self._targets_changed(target.value)

    def visit_Return(self, node: cst.Return) -> None:
        self.escapes = True

    def visit_Yield(self, node: cst.Yield) -> None:
        self.escapes = True  # a generator run to its first element leaves there

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
        if isinstance(node.target, cst.Name):
            self._bind(node.target, "value", cst.BinaryOperation(node.target, cst.Add(), node.value))
        self._targets_changed(node.target)
        if isinstance(node.target, cst.Name):
            self.mutated.append(node.target)  # `x += [...]` extends the list in place

    def visit_AnnAssign(self, node: cst.AnnAssign) -> None:
        self._collect(node.target)
        self._bind(node.target, "value" if node.value is not None else "opaque", node.value)
        self._targets_changed(node.target)
        if isinstance(node.target, cst.Name):
            (self._data if isinstance(node.value, DATA_DISPLAYS) else self._not_data).add(node.target.value)

    def visit_For(self, node: cst.For) -> None:
        self._loops += 1
        self._collect(node.target)
        self._bind(node.target, "item", node.iter)
        self._targets_changed(node.target)
        self._not_data.update(_names_in(node.target))

    def visit_WithItem(self, node: cst.WithItem) -> None:
        if node.asname is not None:
            self._bind(node.asname.name, "enter", node.item)

    def visit_AsName(self, node: cst.AsName) -> None:
        self._collect(node.name)
        self._not_data.update(_names_in(node.name))

    def visit_NamedExpr(self, node: cst.NamedExpr) -> None:
        self._collect(node.target)
        self._bind(node.target, "value", node.value)
        self._not_data.update(_names_in(node.target))

    def visit_MatchAs(self, node: cst.MatchAs) -> None:
        if node.name is not None:  # a capture pattern binds the name
            self._collect(node.name)
            self._bind(node.name, "opaque", None)
            self._not_data.add(node.name.value)

    def visit_MatchStar(self, node: cst.MatchStar) -> None:
        if node.name is not None:
            self._collect(node.name)
            self._bind(node.name, "opaque", None)
            self._not_data.add(node.name.value)

    def visit_MatchMapping(self, node: cst.MatchMapping) -> None:
        if node.rest is not None:
            self._collect(node.rest)
            self._bind(node.rest, "opaque", None)
            self._not_data.add(node.rest.value)

    def visit_FunctionDef(self, node: cst.FunctionDef) -> bool:
        self.assigned.add(node.name.value)
        self.bindings.append((node.name.value, "function", node))
        self._not_data.add(node.name.value)
        return False

    def visit_ClassDef(self, node: cst.ClassDef) -> bool:
        self.assigned.add(node.name.value)
        self.bindings.append((node.name.value, "opaque", None))
        self._not_data.add(node.name.value)
        return False

    def visit_ImportAlias(self, node: cst.ImportAlias) -> None:
        name = node.asname.name if node.asname is not None else None
        bound = name.value if isinstance(name, cst.Name) else dotted_name(node.name).split(".")[0]
        self.bindings.append((bound, "opaque", None))
        if node.asname is None:
            self.assigned.add(dotted_name(node.name).split(".")[0])
            self._not_data.add(dotted_name(node.name).split(".")[0])

    def visit_Call(self, node: cst.Call) -> None:
        self.calls = True
        self.call_nodes.append(node)
        if isinstance(node.func, cst.Name):
            self.receivers.add(node.func.value)
        if isinstance(node.func, cst.Attribute):
            self.mutated.append(node.func.value)
            self.methods_called[id(node.func.value)] = node.func.attr.value
            if isinstance(node.func.value, cst.Name):
                self.receivers.add(node.func.value.value)
        for arg in node.args:
            self.mutated.append(arg.value)
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


def _names_in(target: cst.CSTNode) -> set[str]:
    if isinstance(target, cst.Name):
        return {target.value}
    if isinstance(target, (cst.Tuple, cst.List)):
        return {name for element in target.elements for name in _names_in(element.value)}
    if isinstance(target, cst.StarredElement):
        return _names_in(target.value)
    return set()


_DECLARED: dict[int, tuple[cst.CSTNode, dict[str, str]]] = {}


def declared_outer_names(function: cst.CSTNode) -> dict[str, str]:
    """The names a function's own body declares ``global`` or ``nonlocal`` (not those of the
    functions and classes inside it), by kind; read once per function node."""
    found = _DECLARED.get(id(function))
    if found is not None and found[0] is function:
        return found[1]
    declared: dict[str, str] = {}

    class _Declarations(cst.CSTVisitor):
        def visit_FunctionDef(self, node: cst.FunctionDef) -> bool:
            return node is function

        def visit_ClassDef(self, node: cst.ClassDef) -> bool:
            return False

        def visit_Lambda(self, node: cst.Lambda) -> bool:
            return node is function

        def visit_Global(self, node: cst.Global) -> None:
            declared.update((item.name.value, "global") for item in node.names)

        def visit_Nonlocal(self, node: cst.Nonlocal) -> None:
            declared.update((item.name.value, "nonlocal") for item in node.names)

    function.visit(_Declarations())
    if len(_DECLARED) > 4096:
        _DECLARED.clear()
    _DECLARED[id(function)] = (function, declared)
    return declared
