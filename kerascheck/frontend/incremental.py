"""Analysing a document again after an edit: only what the edit can have changed.

**Parsing.**
An editor asks for an analysis at every pause in typing, and between two of them
nearly every top-level statement is unchanged.  libcst parses about 5,000 lines a
second; CPython's ``ast`` (parsed anyway, to check the syntax and for positions) is
ten times faster and tells where each top-level statement starts and ends.  A
:class:`ParseCache` keeps the libcst nodes of each statement's text from the last
analysis and parses only texts it has not seen; the module handed to the interpreter
is their concatenation.  It has no comments or blank lines between statements, which
nothing in the analysis reads; positions come from ``ast`` as always, and a reused
statement's spans are its previous ones moved by the lines it moved (its text, hence
every column in it, is the same).

The ``ast`` itself is pieced the same way (:meth:`ParseCache.parse_ast`): the lines
the edit changed, widened to the whole top-level statements they touch, are parsed
alone; the statements before them are kept, those after them kept and moved by the
lines the edit added or removed.  A text that parses alone and ends where a top-level
statement of the unchanged rest begins leaves the tokenizer as it found it (no bracket,
string, continuation or block left open: each would be a syntax error at its end), so
the whole source parses to the same statements.

Whenever the pieces do not fit (a text that does not parse on its own, statements
that do not pair with ``ast``'s, a ``__future__`` import, which may change the
grammar) the whole source is parsed instead.

**Interpreting.**  The interpretation of a module is a function of its top-level
statements, run in order.  While the user pauses, :meth:`Document.pause` runs the
statements before the one the last edit changed and keeps that interpreter; the next
analysis, if its text still begins with the same statements (the same nodes, thanks to
the parse cache), continues from there instead of from the top.  When the edited
statement only binds names to literal constants (``UNITS = 64``), the pause goes further:
up to the first later statement that can read those names (none of them is mentioned in
between, nor in any function, class or lambda, nor through ``globals()``, ``eval`` and
the like, and no import runs), and the edited binding is run again at that point.
Every other difference (another statement, the settings, a module the file imports)
means a run from the top.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from typing import Any, Callable

import libcst as cst

from kerascheck.lines import source_lines


class ParseCache:
    """One document's top-level statements by text, kept from one analysis to the next."""

    def __init__(self) -> None:
        # A text's statements for each time it occurs: a repeated line keeps its own nodes.
        self._statements: dict[str, list[tuple[cst.BaseStatement, ...]]] = {}
        # id(top-level libcst statement) -> (the statement, its spans relative to its first line,
        # its first line last time, its spans there), read and refreshed by PositionIndex; the
        # statement is kept so that the id stays its own.
        self.spans: dict[int, tuple[Any, dict[int, Any], int, dict[int, Any]]] = {}
        self.reused = 0  # statements taken from the cache by the last parse (for tests)
        # The last source's lines and its ast (parse_ast), and whether that ast was pieced (tests).
        self._lines: list[str] = []
        self._tree: ast.Module | None = None
        self.pieced = False

    def parse_ast(self, source: str) -> ast.Module:
        """``ast.parse(source)``, re-parsing only the statements that changed since the last call.

        Raises what :func:`ast.parse` raises, from a parse of the whole source.  The
        statements kept from the last call are the same objects, moved in place: the last
        call's tree must not be read any more (an editor indexes it before the next edit).
        """
        lines = source_lines(source, keepends=True)
        tree = None
        if self._tree is not None and "__future__" not in source:
            tree = _pieced(self._lines, self._tree, lines)
        self.pieced = tree is not None
        if tree is None:
            tree = ast.parse(source)
        self._lines, self._tree = lines, tree
        return tree

    def parse(self, source: str, tree: ast.Module) -> cst.Module | None:
        """``source`` as a libcst module of its top-level statements; None when it cannot be pieced."""
        lines = self._lines if tree is self._tree else source_lines(source, keepends=True)
        fresh: dict[str, list[tuple[cst.BaseStatement, ...]]] = {}
        body: list[cst.BaseStatement] = []
        self.reused = 0
        for first, last, count in statement_groups(tree):
            text = "".join(lines[first - 1 : last])
            seen = fresh.setdefault(text, [])
            earlier = self._statements.get(text, ())
            if len(seen) < len(earlier):
                statements = earlier[len(seen)]
                self.reused += len(statements)
            else:
                try:
                    statements = cst.parse_module(text).body
                except Exception:  # noqa: BLE001  (whatever libcst says, the whole source decides)
                    return None
            if sum(len(s.body) if isinstance(s, cst.SimpleStatementLine) else 1 for s in statements) != count:
                return None
            seen.append(statements)
            body.extend(statements)
        self._statements = fresh
        return cst.Module(body=tuple(body))


def _pieced(old_lines: list[str], old_tree: ast.Module, lines: list[str]) -> ast.Module | None:
    """The ast of ``lines``, from ``old_tree`` (of ``old_lines``) and a parse of what changed."""
    old_count, count = len(old_lines), len(lines)
    limit = min(old_count, count)
    prefix = 0
    while prefix < limit and old_lines[prefix] == lines[prefix]:
        prefix += 1
    if prefix == old_count == count:
        return old_tree
    suffix = 0
    while suffix < limit - prefix and old_lines[old_count - 1 - suffix] == lines[count - 1 - suffix]:
        suffix += 1
    # Old lines prefix+1 .. old_count-suffix changed; widen them to the statements they touch.
    start, end = prefix + 1, old_count - suffix
    before: list[ast.stmt] = []
    after: list[ast.stmt] = []
    groups = statement_groups(old_tree)
    position = 0
    for first, last, number in groups:
        statements = old_tree.body[position : position + number]
        position += number
        if last < start:
            before.extend(statements)
        elif first > end:
            after.extend(statements)
        else:
            start, end = min(start, first), max(end, last)
    moved = count - old_count
    text = "".join(lines[start - 1 : end + moved])
    try:
        changed = ast.parse(text)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None  # the whole source decides (and names the error)
    if start > 1:
        ast.increment_lineno(changed, start - 1)
    if moved:
        for statement in after:
            _move(statement, moved)
    return ast.Module(body=[*before, *changed.body, *after], type_ignores=[])


def _move(node: ast.AST, lines: int) -> None:
    """Move ``node`` and everything under it ``lines`` lines down (in place)."""
    stack = [node]
    while stack:
        current = stack.pop()
        if "lineno" in current._attributes:
            current.lineno += lines  # type: ignore[attr-defined]
            if current.end_lineno is not None:  # type: ignore[attr-defined]
                current.end_lineno += lines  # type: ignore[attr-defined]
        stack.extend(ast.iter_child_nodes(current))


def first_line(statement: ast.stmt) -> int:
    """The line a top-level statement starts on, its decorators included."""
    decorators = getattr(statement, "decorator_list", None)
    if decorators:
        return min(statement.lineno, *(d.lineno for d in decorators))
    return statement.lineno


def statement_groups(tree: ast.Module) -> list[tuple[int, int, int]]:
    """``(first line, last line, statement count)`` of each run of top-level statements sharing lines."""
    groups: list[tuple[int, int, int]] = []
    for statement in tree.body:
        first, last = first_line(statement), statement.end_lineno or statement.lineno
        if groups and first <= groups[-1][1]:  # ``a = 1; b = 2``: one libcst statement line
            start, end, count = groups[-1]
            groups[-1] = (start, max(end, last), count + 1)
        else:
            groups.append((first, last, 1))
    return groups


# Names through which code can read a module's globals without naming them.
_DYNAMIC_ACCESS = frozenset({"globals", "locals", "vars", "eval", "exec", "__import__", "importlib", "sys", "__main__"})


@dataclass
class _Paused:
    """An interpreter that has run ``body[:stop]`` of a module and waits for the rest."""

    body: tuple[cst.BaseStatement, ...]
    stop: int
    patchable: int | None  # the index of a constant binding a later text may change, if any
    interpreter: Any
    scope: Any


class Document:
    """What one edited document keeps between analyses: parses and a paused interpretation."""

    def __init__(self) -> None:
        self.parses = ParseCache()
        self.tree: ast.Module | None = None  # the ast of the text last analysed (editors index it)
        self.body: tuple[cst.BaseStatement, ...] = ()  # the top-level statements last analysed
        self.path: str | None = None
        self.settings: Any = None
        self.edited: int | None = None  # the first statement the last edit changed
        self.paused: _Paused | None = None
        self.resumed_at: int | None = None  # where the last analysis continued a pause (tests)
        # Every layer's row from the last analysis (FileResult.layers), computed when called:
        # an editor shows the diagnostics first.
        self.layer_rows: Callable[[], tuple[Any, ...]] = tuple

    def interpret(self, module: cst.Module, path: str, settings: Any) -> Any:
        """Run ``module`` as a fresh interpreter would; that interpreter (its session holds the results)."""
        from kerascheck.frontend.interpreter import Interpreter

        body = tuple(module.body)
        same_file = self.body and self.path == path and self.settings == settings
        self.edited = _first_difference(self.body, body) if same_file else None
        self.body, self.path, self.settings = body, path, settings
        paused, self.paused = self.paused, None
        self.resumed_at = None
        if paused is not None and same_file and _dependencies_unchanged(paused.interpreter):
            start = _continuation(paused, body)
            if start is not None:
                interpreter = paused.interpreter
                if start != paused.stop:  # the edited constant binding, run where the pause stopped
                    for small in body[start].body:  # type: ignore[attr-defined]
                        interpreter.exec_small(small, paused.scope)
                interpreter.run_module(module, paused.scope, paused.stop)
                self.resumed_at = paused.stop
                return interpreter
        interpreter = Interpreter.for_file(path, settings.keras_version, settings.backend)
        interpreter.run_module(module)
        return interpreter

    def pause(self) -> None:
        """Run, ahead of the next edit, the statements that edit will most likely leave as they are."""
        from kerascheck.frontend.interpreter import Interpreter

        self.paused = None
        body, edited = self.body, self.edited
        if edited is None or edited >= len(body) or self.path is None:
            return
        stop, patchable = edited, None
        names = constant_binding(body[edited])
        deferred = _deferred_names(body) if names is not None else set()
        if names is not None and not names & deferred and not deferred & _DYNAMIC_ACCESS:
            stop, patchable = edited + 1, edited
            while stop < len(body) and not _may_read(body[stop], names):
                stop += 1
        if stop == 0:
            return
        interpreter = Interpreter.for_file(self.path, self.settings.keras_version, self.settings.backend)
        scope = interpreter.module_scope()
        if interpreter.run_prefix(body[:stop], scope):
            self.paused = _Paused(body, stop, patchable, interpreter, scope)


def _first_difference(old: tuple[Any, ...], new: tuple[Any, ...]) -> int:
    """The index of the first statement of ``new`` that is not (the same node as) ``old``'s."""
    for index, (a, b) in enumerate(zip(old, new)):
        if a is not b:
            return index
    return min(len(old), len(new))


def _continuation(paused: _Paused, body: tuple[cst.BaseStatement, ...]) -> int | None:
    """Where a run of ``body`` can take over ``paused``: its stop, or the constant binding to run
    again first; None when ``body`` does not begin as the paused run did."""
    if len(body) < paused.stop:
        return None
    different = [i for i in range(paused.stop) if body[i] is not paused.body[i]]
    if not different:
        return paused.stop
    if different != [paused.patchable]:
        return None
    index = different[0]
    if constant_binding(body[index]) != constant_binding(paused.body[index]):
        return None
    return index


def constant_binding(statement: cst.CSTNode) -> frozenset[str] | None:
    """The names a statement binds when all it does is bind names to literal constants."""
    if not isinstance(statement, cst.SimpleStatementLine):
        return None
    names: set[str] = set()
    for small in statement.body:
        if isinstance(small, cst.Assign):
            targets = [t.target for t in small.targets]
        elif isinstance(small, cst.AnnAssign) and small.value is not None:
            targets = [small.target]
        else:
            return None
        if not all(isinstance(t, cst.Name) for t in targets) or not _literal(small.value):
            return None
        names.update(t.value for t in targets)  # type: ignore[attr-defined]
    return frozenset(names)


def _literal(node: Any) -> bool:
    if isinstance(node, (cst.Integer, cst.Float, cst.SimpleString)):
        return True
    if isinstance(node, cst.UnaryOperation):
        return isinstance(node.operator, cst.Minus) and isinstance(node.expression, (cst.Integer, cst.Float))
    if isinstance(node, (cst.Tuple, cst.List)):
        return all(isinstance(e, cst.Element) and _literal(e.value) for e in node.elements)
    return isinstance(node, cst.Name) and node.value in ("True", "False", "None")


def _names(node: cst.CSTNode) -> set[str]:
    from kerascheck.frontend.positions import collect_in_source_order

    found: list[Any] = []
    collect_in_source_order(node, found, (cst.Name,))
    return {n.value for n in found}


def _deferred_names(body: tuple[cst.BaseStatement, ...]) -> set[str]:
    """Names mentioned where code may run later than its statement: functions, classes, lambdas."""
    from kerascheck.frontend.positions import collect_in_source_order

    deferred: set[str] = set()
    for statement in body:
        holders: list[Any] = []
        collect_in_source_order(statement, holders, (cst.FunctionDef, cst.ClassDef, cst.Lambda))
        for holder in holders:
            deferred |= _names(holder)
    return deferred


def _may_read(statement: cst.CSTNode, names: frozenset[str]) -> bool:
    """Whether running ``statement`` may read or bind one of ``names`` (or run another module)."""
    if isinstance(statement, cst.SimpleStatementLine) and any(
        isinstance(s, (cst.Import, cst.ImportFrom)) for s in statement.body
    ):
        return True
    mentioned = _names(statement)
    return bool(mentioned & names or mentioned & _DYNAMIC_ACCESS)


def _dependencies_unchanged(interpreter: Any) -> bool:
    """Whether the project modules a paused run read are still as it read them."""
    finder = interpreter.finder
    if finder is None:
        return True
    from kerascheck.frontend.files import dependencies_unchanged

    return dependencies_unchanged(finder.reads, finder.probes)
