"""Source positions of the libcst nodes that results point at, without a codegen pass.

libcst nodes carry no positions; its ``PositionProvider`` regenerates the whole
module's code to compute them, which costs more than parsing.  CPython's ``ast``
(already parsed, to check the syntax) has positions for free.  Within one
top-level statement, the calls and operators appear in the same order in both
trees (libcst visits children in source order; ast nodes sort by their start,
outer before inner), so they can be paired one to one.  Each pairing is checked
(node kinds, argument counts, operators); if anything disagrees, the exact but
slower ``PositionProvider`` answers instead.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from typing import Any

import libcst as cst

from kerascheck.frontend.incremental import ParseCache, first_line
from kerascheck.lines import source_lines
from kerascheck.results import Span

_PAIRS: tuple[tuple[type, type], ...] = (
    (cst.Call, ast.Call),
    (cst.BinaryOperation, ast.BinOp),
    (cst.UnaryOperation, ast.UnaryOp),
    (cst.Import, ast.Import),
    (cst.ImportFrom, ast.ImportFrom),
)
_CST_TYPES = tuple(c for c, _ in _PAIRS)
_AST_TYPES = tuple(a for _, a in _PAIRS)


# Node types whose libcst fields are not declared in source order: their fields in source order.
_SOURCE_ORDER: dict[type, tuple[str, ...]] = {
    cst.FunctionDef: ("decorators", "name", "type_parameters", "params", "returns", "body"),
    cst.ClassDef: ("decorators", "name", "type_parameters", "bases", "keywords", "body"),
    cst.IfExp: ("body", "test", "orelse"),
    cst.ExceptHandler: ("type", "name", "body"),
    cst.ExceptStarHandler: ("type", "name", "body"),
    cst.Parameters: ("posonly_params", "posonly_ind", "params", "star_arg", "kwonly_params", "star_kwarg"),
    cst.MatchCase: ("pattern", "guard", "body"),
    cst.TypeAlias: ("name", "type_parameters", "value"),
    cst.Arg: ("keyword", "value"),
}
_FIELDS: dict[type, tuple[str, ...]] = {}
_PUNCTUATION = (
    "whitespace", "lpar", "rpar", "lbracket", "rbracket", "lbrace", "rbrace", "comma", "semicolon",
    "leading_lines", "lines_after", "header", "footer", "equal", "colon", "dot", "operator",
    "asynchronous", "newline", "indent", "trailing", "first_line", "empty_lines", "last_line",
)


def _child_fields(kind: type) -> tuple[str, ...]:
    names = _FIELDS.get(kind)
    if names is None:
        import dataclasses

        names = _SOURCE_ORDER.get(kind) or tuple(f.name for f in dataclasses.fields(kind))
        # Whitespace, brackets and punctuation hold no calls: not walked.
        names = tuple(n for n in names if not n.startswith(_PUNCTUATION))
        _FIELDS[kind] = names
    return names


def collect_in_source_order(node: cst.CSTNode, out: list[cst.CSTNode], kinds: tuple[type, ...] = _CST_TYPES) -> None:
    """The calls, operators and imports (or other ``kinds``) under ``node``, outer before inner,
    in source order.

    A direct walk of the fields (libcst's visitor rebuilds every node it passes, which
    costs more than parsing); ``_SOURCE_ORDER`` lists the node types whose fields are not
    declared in source order, and tests compare this walk with libcst's visitor.
    """
    stack: list[Any] = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, kinds):
            out.append(current)
        children: list[Any] = []
        for name in _child_fields(type(current)):
            value = getattr(current, name, None)
            if isinstance(value, cst.CSTNode):
                children.append(value)
            elif isinstance(value, (tuple, list)):
                children.extend(v for v in value if isinstance(v, cst.CSTNode))
        stack.extend(reversed(children))


class _Collect(cst.CSTVisitor):
    def __init__(self) -> None:
        self.nodes: list[cst.CSTNode] = []

    def on_visit(self, node: cst.CSTNode) -> bool:
        if isinstance(node, _CST_TYPES):
            self.nodes.append(node)
        return True


def _agree(node: cst.CSTNode, tree_node: ast.AST) -> bool:
    if isinstance(node, cst.Call):
        return isinstance(tree_node, ast.Call) and len(node.args) == len(tree_node.args) + len(tree_node.keywords)
    if isinstance(node, cst.BinaryOperation):
        return isinstance(tree_node, ast.BinOp)
    if isinstance(node, cst.UnaryOperation):
        return isinstance(tree_node, ast.UnaryOp)
    if isinstance(node, cst.Import):
        return isinstance(tree_node, ast.Import)
    if isinstance(node, cst.ImportFrom):
        return isinstance(tree_node, ast.ImportFrom)
    return False


@dataclass(frozen=True, eq=False)
class NodeWithin:
    """A node inside a call (an argument, an element of a list argument): where a diagnostic
    points at part of a call.  Only calls are indexed; its span is computed from the call's when
    asked (``compile(loss="msee")``'s string)."""

    call: cst.Call
    node: cst.CSTNode


class PositionIndex:
    """``span_of(node)`` for libcst nodes of one module."""

    def __init__(self, module: cst.Module, tree: ast.Module, source: str, reuse: ParseCache | None = None) -> None:
        self.module = module
        self.tree = tree
        self.source = source
        self._lines: list[str] | None = None  # split when a column needs them
        self.spans: dict[int, Span] | None = None
        self.fallback: Any = None
        self._shifts: list[tuple[int, int]] | None = None  # (module line, shift) per top-level statement
        # A document's previous spans, per top-level statement (see kerascheck.frontend.incremental).
        self.reuse = reuse

    def paired(self) -> bool:
        """Whether every node has its span from ``ast`` (else the slower fallback answers)."""
        if self.spans is None and self.fallback is None:
            self.spans = self._pair()
        return self.spans is not None

    def span_of(self, node: Any) -> Span | None:
        if node is None:
            return None
        if type(node) is NodeWithin:
            return self._span_within(node)
        if self.fallback is not None:
            return self._fallback_span(node)
        from libcst.metadata import MetadataWrapper, PositionProvider

        if self.spans is None:
            self.spans = self._pair()
            if self.spans is None:
                self.fallback = MetadataWrapper(self.module, unsafe_skip_copy=True).resolve(PositionProvider)
                return self._fallback_span(node)
        found = self.spans.get(id(node))
        if found is None and isinstance(node, cst.Attribute):
            # An attribute Keras 3 lacks (``model.output``): rare, so the exact provider answers.
            self.fallback = MetadataWrapper(self.module, unsafe_skip_copy=True).resolve(PositionProvider)
            return self._fallback_span(node)
        return found

    def _span_within(self, origin: NodeWithin) -> Span | None:
        """The span of ``origin.node`` from the call's, by the positions of the call's own code."""
        outer = self.span_of(origin.call)
        if outer is None or origin.node is origin.call:
            return outer
        from libcst.metadata import MetadataWrapper, PositionProvider

        statement = cst.Module(body=[cst.SimpleStatementLine([cst.Expr(origin.call)])])
        code_range = MetadataWrapper(statement, unsafe_skip_copy=True).resolve(PositionProvider).get(origin.node)
        if code_range is None:
            return outer

        def absolute(line: int, column: int) -> tuple[int, int]:
            return (outer.line, outer.column + column) if line == 1 else (outer.line + line - 1, column + 1)

        start, end = absolute(code_range.start.line, code_range.start.column), absolute(
            code_range.end.line, code_range.end.column)
        return Span(start[0], start[1], end[0], end[1])

    def _fallback_span(self, node: Any) -> Span | None:
        code_range = self.fallback.get(node)
        if code_range is None:
            return None
        start, end = code_range.start, code_range.end
        shift = self._line_shift(start.line) if self.reuse is not None else 0
        return Span(start.line + shift, start.column + 1, end.line + shift, end.column + 1)

    def _line_shift(self, line: int) -> int:
        """A document's module is its top-level statements joined without the comments and blank
        lines between them (kerascheck.frontend.incremental): what to add to a line of it to have
        the document's, from the top-level statement that line is in (its text is the same)."""
        if self._shifts is None:
            from kerascheck.frontend.incremental import first_line

            self._shifts = []
            statements = list(self.tree.body)
            position = 0
            for statement in self.module.body:
                code_range = self.fallback.get(statement)
                if code_range is None or position >= len(statements):
                    break
                self._shifts.append((code_range.start.line, first_line(statements[position]) - code_range.start.line))
                position += len(statement.body) if isinstance(statement, cst.SimpleStatementLine) else 1
        shift = 0
        for start, offset in self._shifts:
            if start > line:
                break
            shift = offset
        return shift

    def _column(self, line: int, byte_offset: int) -> int:
        """ast columns count UTF-8 bytes; ours count characters (1-based)."""
        if self._lines is None:
            self._lines = source_lines(self.source)
        text = self._lines[line - 1] if 0 < line <= len(self._lines) else ""
        if text.isascii():
            return byte_offset + 1
        return len(text.encode("utf-8")[:byte_offset].decode("utf-8", errors="replace")) + 1

    def _pair(self) -> dict[int, Span] | None:
        statements = list(self.tree.body)
        spans: dict[int, Span] = {}
        position = 0
        previous = self.reuse.spans if self.reuse is not None else {}
        kept: dict[int, tuple[Any, dict[int, Span], int, dict[int, Span]]] = {}
        for statement in self.module.body:
            count = len(statement.body) if isinstance(statement, cst.SimpleStatementLine) else 1
            tree_statements = statements[position : position + count]
            position += count
            if len(tree_statements) != count:
                return None
            if self.reuse is not None:
                base = first_line(tree_statements[0]) - 1
                entry = previous.get(id(statement))
                if entry is None or entry[0] is not statement:
                    found = self._pair_statement(statement, tree_statements)
                    if found is None:
                        return None
                    entry = (statement, {k: _moved(s, -base) for k, s in found.items()}, base, found)
                elif entry[2] != base:  # moved by an edit above it
                    entry = (statement, entry[1], base, {k: _moved(s, base) for k, s in entry[1].items()})
                kept[id(statement)] = entry
                spans.update(entry[3])
                continue
            found = self._pair_statement(statement, tree_statements)
            if found is None:
                return None
            spans.update(found)
        if position != len(statements):
            return None
        if self.reuse is not None:
            self.reuse.spans = kept
        return spans

    def _pair_statement(self, statement: cst.CSTNode, tree_statements: list[ast.stmt]) -> dict[int, Span] | None:
        """The spans of the nodes of one top-level statement, paired with its ``ast`` statements."""
        spans: dict[int, Span] = {}
        nodes: list[cst.CSTNode] = []
        collect_in_source_order(statement, nodes)
        found = [
            n
            for s in tree_statements
            for n in ast.walk(s)
            if isinstance(n, _AST_TYPES)
        ]
        found.sort(key=lambda n: (n.lineno, n.col_offset, -(n.end_lineno or 0), -(n.end_col_offset or 0)))
        if len(found) != len(nodes):
            return None
        for node, tree_node in zip(nodes, found):
            if not _agree(node, tree_node):
                return None
            end_line = tree_node.end_lineno or tree_node.lineno
            spans[id(node)] = Span(
                tree_node.lineno,
                self._column(tree_node.lineno, tree_node.col_offset),
                end_line,
                self._column(end_line, tree_node.end_col_offset or 0),
            )
        return spans


def _moved(span: Span, lines: int) -> Span:
    return Span(span.line + lines, span.column, span.end_line + lines, span.end_column)
