"""What a block of syntax may do, read from the syntax alone (for code that may or may not run)."""

from __future__ import annotations

import libcst as cst

from kerascheck.frontend.syntax import dotted_name


class EffectCollector(cst.CSTVisitor):
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
            self.assigned.add(dotted_name(node.name).split(".")[0])

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
