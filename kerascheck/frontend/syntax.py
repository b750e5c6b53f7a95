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
