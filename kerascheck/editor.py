"""What an editor shows for one analysed document: diagnostics, hovers, inlay hints, fixes.

Pure Python over :class:`~kerascheck.results.FileResult` (no LSP library here; the
language server in :mod:`kerascheck.lsp` only converts these values to protocol
types).  A :class:`DocumentAnalysis` is built once per document text; every
question asked afterwards is answered from its indexes without analysing again.

Positions are 0-based lines and columns counted in characters (code points), end
exclusive: kerascheck's :class:`~kerascheck.results.Span` minus one.  The server
converts them to the client's position encoding.
"""

from __future__ import annotations

import ast
import bisect
from dataclasses import dataclass, field
from typing import Any, Iterable

from kerascheck.config import Settings
from kerascheck.engine.dims import UNKNOWN, format_output
from kerascheck.lines import source_lines
from kerascheck.results import CallSite, Diagnostic, FileResult, LayerRow, ModelSummary, Span

Position = tuple[int, int]  # (line, character), 0-based
Range = tuple[Position, Position]


def to_range(span: Span) -> Range:
    """A kerascheck span (1-based, end column exclusive) as a 0-based range."""
    return (span.line - 1, span.column - 1), (span.end_line - 1, span.end_column - 1)


def _contains(span: Span, position: Position) -> bool:
    """Whether the character at ``position`` is inside ``span``."""
    start, end = to_range(span)
    return start <= position < end


def _size(span: Span) -> tuple[int, int]:
    return span.end_line - span.line, span.end_column - span.column


@dataclass(frozen=True)
class Hover:
    range: Range
    markdown: str


@dataclass(frozen=True)
class InlayHint:
    position: Position
    label: str


@dataclass(frozen=True)
class TextEdit:
    range: Range
    new_text: str


@dataclass(frozen=True)
class Fix:
    """One safe rewrite for a diagnostic, offered as a code action (a quick fix)."""

    title: str
    diagnostic: Diagnostic
    edits: tuple[TextEdit, ...]


@dataclass(frozen=True)
class _Target:
    """Something hover can describe: a layer's constructor, or one call of it."""

    span: Span
    row: LayerRow
    call: CallSite | None


class _Targets:
    """Every layer constructor and layer call of a document, by span."""

    def __init__(self, rows: Iterable[LayerRow]) -> None:
        self.all: list[_Target] = []
        self.by_span: dict[Span, list[_Target]] = {}  # call sites
        self.by_constructor: dict[Span, list[_Target]] = {}
        seen: set[tuple[Any, ...]] = set()
        for row in rows:
            key = (row.name, row.class_name, row.span, row.calls)
            if key in seen:  # a layer listed on its own and in a model's summary
                continue
            seen.add(key)
            if row.span is not None:
                self.all.append(_Target(row.span, row, None))
                self.by_constructor.setdefault(row.span, []).append(self.all[-1])
            for call in row.calls:
                if call.span is not None:
                    target = _Target(call.span, row, call)
                    self.all.append(target)
                    self.by_span.setdefault(call.span, []).append(target)


@dataclass
class DocumentAnalysis:
    """One document's text, its analysis, and the indexes the editor's questions need."""

    source: str
    result: FileResult
    settings: Settings = field(default_factory=Settings)
    tree: ast.Module | None = None  # the source's ast, when the analysis has it at hand

    def __post_init__(self) -> None:
        self.lines = source_lines(self.source)
        self._targets: _Targets | None = None
        self._hints: list[InlayHint] | None = None
        self._hint_lines: list[int] = []
        self._names: _Names | None = None

    @property
    def targets(self) -> "_Targets":
        """What hover can describe, indexed (built on first use: diagnostics need none of it)."""
        if self._targets is None:
            self._targets = _Targets((*self.result.layers, *_rows(self.result.summaries)))
        return self._targets

    def prepare(self) -> "DocumentAnalysis":
        """Build every index now (in the analysing thread), so that no request waits for one."""
        self._name_index()
        self.inlay_hints(0, 0)  # builds the targets too
        return self

    # ---------------------------------------------------------------- diagnostics
    @property
    def diagnostics(self) -> tuple[Diagnostic, ...]:
        return self.result.diagnostics

    # ---------------------------------------------------------------- hover
    def hover(self, position: Position) -> Hover | None:
        """The tensor (or layer) variable under ``position``, else the innermost layer call or
        constructor there."""
        name = self._name_index().at(position)
        if name is not None:
            data = self._data_at(name)
            if data is not None:
                return data
            assigned = self.targets.by_span.get(name[1]) or self.targets.by_constructor.get(name[1])
            if assigned:
                return Hover(name[0], self._describe(assigned))
        found = [t for t in self.targets.all if _contains(t.span, position)]
        if not found:
            return None
        smallest = min(_size(t.span) for t in found)
        innermost = [t for t in found if _size(t.span) == smallest]
        return Hover(to_range(innermost[0].span), self._describe(innermost))

    def _data_at(self, name: tuple[Range, Span]) -> Hover | None:
        """``x_train: (60000, 28, 28) uint8``, from ``mnist.load_data()`` at line 6: an array (or a
        dataset) the name was bound to."""
        (start, end), span = name
        line = self.lines[start[0]] if 0 <= start[0] < len(self.lines) else ""
        text = line[start[1]:end[1]] if start[0] == end[0] else ""
        for binding in self.result.data:
            if binding.span == span and binding.name == text:
                where = f"\n\nfrom {binding.origin}" if binding.origin else ""
                return Hover(name[0], f"`{binding.name}: {binding.shape}`{where}")
        return None

    def _describe(self, targets: list[_Target]) -> str:
        """Markdown: ``Conv2D(16, 3) → (None, 148, 148, 16) · (3·3·3 + 1)·16 = 448 params``."""
        blocks: list[str] = []
        seen: set[tuple[int, str]] = set()
        for target in targets:
            row = target.row
            calls = (target.call,) if target.call is not None else row.calls
            outputs = _distinct(format_output(c.output) for c in calls) or ["not called"]
            key = (id(row), " | ".join(outputs))  # a row's calls, once
            if key in seen:
                continue
            seen.add(key)
            head = f"{self._constructor_text(row)} → {' | '.join(outputs)} · {_params_text(row)}"
            name = "?" if row.name is UNKNOWN else row.name
            lines = [f"`{head}`", "", f"{name} ({row.class_name})"]
            formulas = [e for c in calls for e in c.explanations] or list(row.explanations)
            formulas += [e for e in row.param_explanations if e not in formulas]
            lines += [f"- `{f}`" for f in _distinct(formulas)]
            blocks.append("\n".join(lines))
        return "\n\n---\n\n".join(blocks)

    def _constructor_text(self, row: LayerRow) -> str:
        """``Conv2D(16, 3)`` as written (module prefix dropped), or ``Conv2D(…)`` when long."""
        span = row.span
        if span is not None and span.line == span.end_line and 0 < span.line <= len(self.lines):
            text = self.lines[span.line - 1][span.column - 1 : span.end_column - 1]
            callee, paren, arguments = text.partition("(")
            if paren and len(text) <= 60:
                return callee.rsplit(".", 1)[-1] + paren + arguments
        return f"{row.class_name}(…)"

    # ---------------------------------------------------------------- inlay hints
    def inlay_hints(self, start_line: int = 0, end_line: int | None = None) -> list[InlayHint]:
        """``: (None, 148, 148, 16)`` after each layer call on lines ``start_line..end_line``."""
        if self._hints is None:
            self._hints = self._all_hints()
            self._hint_lines = [h.position[0] for h in self._hints]
        if not self.settings.inlay_hints:
            return []
        first = bisect.bisect_left(self._hint_lines, start_line)
        last = len(self._hints) if end_line is None else bisect.bisect_right(self._hint_lines, end_line)
        return self._hints[first:last]

    def _all_hints(self) -> list[InlayHint]:
        hints: list[tuple[Range, InlayHint]] = []
        for span, targets in self.targets.by_span.items():
            rows = {id(t.row) for t in targets}
            anchored = len(rows) > 1 and all(t.row.span == span for t in targets)
            if anchored:
                # Code from another module, reported at the call into it: its result.
                outputs = [format_output(targets[-1].call.output)]  # type: ignore[union-attr]
            else:
                outputs = _distinct(format_output(t.call.output) for t in targets)  # type: ignore[union-attr]
            if len(outputs) > 3:
                outputs = outputs[:3] + ["…"]
            hints.append((to_range(span), InlayHint(to_range(span)[1], ": " + " | ".join(outputs))))
        # Calls ending at the same place (`f(a) + g(b)`): the outermost, the whole expression's.
        hints.sort(key=lambda item: (item[1].position, item[0][0]))
        outermost = {hint.position: hint for _, hint in reversed(hints)}
        # After an assignment of data (load_data(), reshape…): the shape of each name it binds.
        data: dict[Position, list[str]] = {}
        for binding in self.result.data:
            data.setdefault(to_range(binding.span)[1], []).append(f"{binding.name} {binding.shape}")
        for position, shapes in data.items():
            if position not in outermost:
                outermost[position] = InlayHint(position, ": " + ", ".join(_distinct(shapes)))
        return sorted(outermost.values(), key=lambda h: h.position)

    # ---------------------------------------------------------------- code actions
    def fixes(self, range_: Range) -> list[Fix]:
        """Safe rewrites for the diagnostics touching ``range_``, offered as quick fixes.

        Each diagnostic that carries a rewrite (what ``kerascheck --fix`` applies) gives one
        :class:`Fix`: the rewritten call as one edit in this module's coordinates, which the
        server turns into a ``quickfix`` code action.  (``--fix`` also re-analyses to prove a
        fix; an editor shows the diagnostic's own rewrite and the user's next edit re-checks.)
        """
        from kerascheck.edits import fix_edits

        offered = []
        for diagnostic in self.result.diagnostics:
            if diagnostic.fix is None or diagnostic.span.cell is not None:
                continue
            start, end = to_range(diagnostic.span)
            if end < range_[0] or range_[1] < start:
                continue
            edits = tuple(TextEdit(e.range, e.content) for e in fix_edits(self.source, diagnostic.fix))
            if edits:
                offered.append(Fix(diagnostic.fix.description, diagnostic, edits))
        return offered

    def _name_index(self) -> "_Names":
        if self._names is None:
            self._names = _Names(self.source, self.lines, self.tree)
        return self._names


def _rows(summaries: Iterable[ModelSummary]) -> Iterable[LayerRow]:
    for summary in summaries:
        for row in summary.rows:
            yield row
            if row.nested is not None:
                yield from _rows([row.nested])


def _distinct(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))


def _params_text(row: LayerRow) -> str:
    if row.params is UNKNOWN:
        return "? params"
    if len(row.param_explanations) == 1:
        formula = row.param_explanations[0].split(": ", 1)[-1]
        if formula.endswith(f"= {row.params}"):
            return f"{formula} params"
    return f"{row.params:,} params"


class _Names:
    """Tensor variables: which assignment a name at a position reads.

    A name is resolved to the last assignment to it that starts before it in the same
    function (or at module level): ``x = layers.Dense(8)(x)`` then ``x`` below it.
    """

    def __init__(self, source: str, lines: list[str], tree: ast.Module | None = None) -> None:
        self.lines = lines
        self.names: list[tuple[Position, Position, str, Any, bool]] = []  # start, end, id, scope, stored
        # (scope, name) → (where the target starts, where the value ends, the value's span)
        self.assignments: dict[tuple[Any, str], list[tuple[Position, Position, Span]]] = {}
        if tree is None:
            from kerascheck.analysis import MAX_SOURCE_BYTES

            if len(source) > MAX_SOURCE_BYTES:  # refused as too large: never parsed (50 MB took 15 GB)
                return
            try:
                tree = ast.parse(source)
            except (SyntaxError, ValueError, RecursionError, MemoryError):
                return
        self._scan(tree)
        for targets in self.assignments.values():
            targets.sort(key=lambda item: item[0])

    def _column(self, line: int, byte_offset: int) -> int:
        text = self.lines[line - 1] if 0 < line <= len(self.lines) else ""
        if text.isascii():
            return byte_offset
        return len(text.encode("utf-8")[:byte_offset].decode("utf-8", errors="replace"))

    def _position(self, line: int, offset: int) -> Position:
        return line - 1, self._column(line, offset)

    def _scan(self, tree: ast.Module) -> None:
        """Every name and assignment, with the function (or module) it belongs to; no recursion,
        so that any nesting the parser accepted is scanned."""
        stack: list[tuple[ast.AST, ast.AST]] = [(tree, tree)]
        while stack:
            node, scope = stack.pop()
            for child in ast.iter_child_nodes(node):
                kind = type(child)
                if kind is ast.Name:
                    start = self._position(child.lineno, child.col_offset)
                    end = self._position(child.end_lineno or child.lineno, child.end_col_offset or 0)
                    self.names.append((start, end, child.id, scope, type(child.ctx) is ast.Store))  # type: ignore[attr-defined]
                    continue  # a name holds nothing else
                if kind is ast.Assign or kind is ast.AnnAssign:
                    self._assignment(child, scope)  # type: ignore[arg-type]
                inner = child if kind is ast.FunctionDef or kind is ast.AsyncFunctionDef or kind is ast.Lambda else scope
                stack.append((child, inner))

    def _assignment(self, child: ast.Assign | ast.AnnAssign, scope: ast.AST) -> None:
        if child.value is None:
            return
        value = child.value
        line, end_line = value.lineno, value.end_lineno or value.lineno
        span = Span(
            line,
            self._column(line, value.col_offset) + 1,
            end_line,
            self._column(end_line, value.end_col_offset or 0) + 1,
        )
        targets = list(child.targets) if isinstance(child, ast.Assign) else [child.target]
        for target in targets:  # the names of `(x_train, y_train), _ = …` too (the list grows)
            if isinstance(target, (ast.Tuple, ast.List)):
                targets += target.elts
        for target in targets:
            if isinstance(target, ast.Name):
                start = self._position(target.lineno, target.col_offset)
                value_end = (span.end_line - 1, span.end_column - 1)
                self.assignments.setdefault((scope, target.id), []).append((start, value_end, span))

    def at(self, position: Position) -> tuple[Range, Span] | None:
        """The name at ``position`` and the value of the assignment it reads."""
        for start, end, name, scope, stored in self.names:
            if start <= position < end:
                candidates = self.assignments.get((scope, name), [])
                if stored:  # the assignment's own target
                    found = [span for target, _, span in candidates if target == start]
                else:  # the last assignment finished before this read
                    found = [span for _, value_end, span in candidates if value_end <= start]
                return ((start, end), found[-1]) if found else None
        return None
