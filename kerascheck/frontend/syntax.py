"""Small readers of libcst syntax shared by the interpreter's modules."""

from __future__ import annotations

import libcst as cst


def dotted_name(node: cst.BaseExpression) -> str:
    if isinstance(node, cst.Name):
        return node.value
    if isinstance(node, cst.Attribute):
        return f"{dotted_name(node.value)}.{node.attr.value}"
    return "?"


def assignment_targets(node: cst.BaseExpression) -> list[cst.BaseExpression]:
    if isinstance(node, (cst.Tuple, cst.List)):
        return [e.value for e in node.elements]
    return [node]


def plain_string(literal: str) -> str | None:
    """The value of a string literal without prefix, backslash or carriage return (most of them); else None."""
    if "\\" in literal or "\r" in literal or literal[0] not in "'\"":
        return None
    quote = literal[:3] if literal[:3] in ('"""', "'''") else literal[0]
    return literal[len(quote) : -len(quote)]


class _YieldFinder(cst.CSTVisitor):
    found = False

    def visit_Yield(self, node: cst.Yield) -> bool:
        self.found = True
        return False

    # A yield inside a nested function, lambda or class makes that one the generator.
    def visit_FunctionDef(self, node: cst.FunctionDef) -> bool:
        return False

    def visit_Lambda(self, node: cst.Lambda) -> bool:
        return False

    def visit_ClassDef(self, node: cst.ClassDef) -> bool:
        return False


def is_generator(function: cst.FunctionDef) -> bool:
    """Whether ``function`` is a generator function (a ``yield`` in its own body): calling it
    runs none of its body, which runs as the generator is iterated."""
    finder = _YieldFinder()
    for statement in function.body.body if isinstance(function.body, cst.IndentedBlock) else [function.body]:
        statement.visit(finder)
        if finder.found:
            return True
    return False


class _AttributeFinder(cst.CSTVisitor):
    def __init__(self, owner: str, attr: str) -> None:
        self.owner, self.attr, self.found = owner, attr, False

    def visit_Attribute(self, node: cst.Attribute) -> bool:
        if isinstance(node.value, cst.Name) and node.value.value == self.owner and node.attr.value == self.attr:
            self.found = True
        return not self.found


def reads_own_attribute(function: cst.FunctionDef, attr: str) -> bool:
    """The method reads ``self.<attr>`` (``self`` being its first parameter)."""
    params = function.params.params
    if not params:
        return False
    finder = _AttributeFinder(params[0].name.value, attr)
    function.body.visit(finder)
    return finder.found
