"""Keras 2 API in a file, found from its syntax: what Keras 3 rejects by name or by keyword.

Imports of modules and names Keras 3 does not have, attribute chains that reach them
(``K.set_session``, ``keras.layers.Merge``), keyword arguments of Keras's classes that Keras 3
rejects or ignores (``RMSprop(lr=...)``, ``Dense(init=...)``), a weight's name given first to
``add_weight``, and NumPy integers where Keras 3 wants a Python ``int``.  Each is looked up in
the catalogue recorded from real Keras 3 (:mod:`kerascheck.knowledge.migration`), which gives the
message Keras raises and Keras 3's spelling, if any.

This reads CPython's ``ast`` (its positions are free): a name's value is what the file imports
under it, scope by scope, and nothing else (a name also assigned otherwise is not followed).
All of the file is read, functions that no code calls included: a custom loss that calls
``K.sum`` fails when Keras calls it.  Code the program guards is left alone: a ``try`` whose
handler catches the error, and ``if`` blocks that test a version, a backend or ``hasattr``.
What needs values (a model's methods, ``Model(...)``'s arguments) is checked by the interpreter
(:mod:`kerascheck.frontend.keras2_checks`).
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from typing import Any, Iterator

from kerascheck.lines import source_lines
from kerascheck.results import Fix, Span

ROOTS = ("keras", "tensorflow.keras")

# Exceptions a handler may catch, by the error each check predicts.
_IMPORT_ERRORS = frozenset({"ImportError", "ModuleNotFoundError", "Exception", "BaseException"})
_ATTRIBUTE_ERRORS = frozenset({"AttributeError", "Exception", "BaseException"})
_ANY_ERROR = frozenset({"Exception", "BaseException", "ValueError", "TypeError"})
# An ``if`` whose test reads one of these runs its blocks only on some Keras versions or backends.
_GUARD_WORDS = re.compile(r"__version__|version|VERSION|backend|hasattr|getattr|dir\(")
# NumPy functions that return a NumPy integer for the shapes and sizes they are given.
NUMPY_INTEGER_FUNCTIONS = frozenset(
    {"prod", "product", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64", "int_",
     "intp", "intc", "longlong"}
)


@dataclass(frozen=True)
class Finding:
    """A migration diagnostic found from the syntax, positioned already."""

    code: str
    severity: str
    span: Span
    message: str
    fix: Fix | None = None


def catalogue() -> Any:
    from kerascheck.knowledge.migration import catalogue as load

    return load()


def root_of(path: str) -> str | None:
    for root in reversed(ROOTS):  # tensorflow.keras first
        if path == root or path.startswith(root + "."):
            return root
    return None


def canonical(path: str) -> str:
    """``tensorflow.keras.X`` → ``keras.X`` (the same Keras 3 classes: recorded)."""
    return "keras" + path[len("tensorflow.keras"):] if root_of(path) == "tensorflow.keras" else path


def keras_message(raised: tuple[str, str], sample: str | None = None, value: str | None = None,
                  every: bool = False) -> str:
    """``Type: message`` as Keras 3 raised it, with the sample value it was recorded with
    replaced by the file's own (or ``…``): its last occurrence, or ``every`` one."""
    kind, message = raised
    shown = value if value is not None else "…"
    if sample is not None and every:
        message = message.replace(sample, shown)
    elif sample is not None:
        index = message.rfind(sample)
        if index >= 0:
            message = message[:index] + shown + message[index + len(sample):]
    return f"{kind}: {message}"


# --------------------------------------------------------------------------- names and scopes
class _Scope:
    def __init__(self, parent: "_Scope | None") -> None:
        self.parent = parent
        self.imports: dict[str, set[str]] = {}  # name -> the dotted paths imports bind it to
        self.aliases: dict[str, list[ast.expr]] = {}  # name = <dotted expression>
        self.other: set[str] = set()  # names bound any other way

    def binding(self, name: str) -> "_Scope | None":
        scope: _Scope | None = self
        while scope is not None:
            if name in scope.imports or name in scope.aliases or name in scope.other:
                return scope
            scope = scope.parent
        return None


class _Binder(ast.NodeVisitor):
    """Every scope's names: what imports bind, simple aliases, and everything else."""

    def __init__(self) -> None:
        self.scopes: dict[int, _Scope] = {}
        self.stack: list[_Scope] = []
        # ``K.logsumexp = ...``: chains the file assigns to, with the scope each is written in
        self.stored: list[tuple[ast.Attribute, _Scope]] = []

    def scope_for(self, node: ast.AST, parent: _Scope | None) -> _Scope:
        scope = _Scope(parent)
        self.scopes[id(node)] = scope
        return scope

    def visit_Module(self, node: ast.Module) -> None:
        self.stack.append(self.scope_for(node, None))
        self.generic_visit(node)

    def _function(self, node: Any) -> None:
        if not isinstance(node, ast.Lambda):
            self.stack[-1].other.add(node.name)
            for decorator in node.decorator_list:
                self.visit(decorator)
        for default in [*node.args.defaults, *[d for d in node.args.kw_defaults if d is not None]]:
            self.visit(default)
        scope = self.scope_for(node, self._enclosing())
        args = node.args
        for arg in [*args.posonlyargs, *args.args, *args.kwonlyargs, args.vararg, args.kwarg]:
            if arg is not None:
                scope.other.add(arg.arg)
        self.stack.append(scope)
        for child in node.body if isinstance(node.body, list) else [node.body]:
            self.visit(child)
        self.stack.pop()

    visit_FunctionDef = visit_AsyncFunctionDef = visit_Lambda = _function

    def _enclosing(self) -> _Scope:
        """The scope a function's names resolve in (class bodies are not one)."""
        for scope in reversed(self.stack):
            if not getattr(scope, "is_class", False):
                return scope
        return self.stack[0]

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self.stack[-1].other.add(node.name)
        for child in [*node.bases, *node.keywords, *node.decorator_list]:
            self.visit(child)
        scope = self.scope_for(node, self._enclosing())
        scope.is_class = True  # type: ignore[attr-defined]
        self.stack.append(scope)
        for child in node.body:
            self.visit(child)
        self.stack.pop()

    def _comprehension(self, node: Any) -> None:
        scope = self.scope_for(node, self._enclosing())
        self.stack.append(scope)
        self.generic_visit(node)
        self.stack.pop()

    visit_ListComp = visit_SetComp = visit_DictComp = visit_GeneratorExp = _comprehension

    def visit_Import(self, node: ast.Import) -> None:
        for alias in node.names:
            if alias.asname:
                self.stack[-1].imports.setdefault(alias.asname, set()).add(alias.name)
            else:
                top = alias.name.split(".")[0]
                self.stack[-1].imports.setdefault(top, set()).add(top)

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        for alias in node.names:
            if alias.name == "*":
                continue
            bound = alias.asname or alias.name
            if node.level or node.module is None:
                self.stack[-1].other.add(bound)
            else:
                self.stack[-1].imports.setdefault(bound, set()).add(f"{node.module}.{alias.name}")

    def visit_Name(self, node: ast.Name) -> None:
        if isinstance(node.ctx, (ast.Store, ast.Del)):
            self.stack[-1].other.add(node.id)

    def visit_Attribute(self, node: ast.Attribute) -> None:
        if isinstance(node.ctx, ast.Store):
            self.stored.append((node, self.stack[-1]))
        self.generic_visit(node)

    def visit_Assign(self, node: ast.Assign) -> None:
        if len(node.targets) == 1 and isinstance(node.targets[0], ast.Name) and _dotted_parts(node.value):
            self.stack[-1].aliases.setdefault(node.targets[0].id, []).append(node.value)
            self.visit(node.value)
            return
        self.generic_visit(node)

    def _bind_name(self, name: str | None) -> None:
        if name:
            self.stack[-1].other.add(name)

    def visit_ExceptHandler(self, node: ast.ExceptHandler) -> None:
        self._bind_name(node.name)
        self.generic_visit(node)

    def visit_Global(self, node: ast.Global) -> None:
        for name in node.names:
            self.stack[-1].other.add(name)

    visit_Nonlocal = visit_Global


def _dotted_parts(node: ast.expr) -> list[str] | None:
    """``a.b.c`` → ``["a", "b", "c"]``; None for anything that is not a chain of names."""
    parts: list[str] = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if not isinstance(node, ast.Name):
        return None
    parts.append(node.id)
    return parts[::-1]


# --------------------------------------------------------------------------- the scan
class Scanner:
    """One pass over a module's ``ast``: findings in source order."""

    def __init__(self, tree: ast.Module, source: str) -> None:
        self.tree = tree
        self.source = source
        self.lines = source_lines(source)
        binder = _Binder()
        binder.visit(tree)
        self.scopes = binder.scopes
        self.findings: list[Finding] = []
        self.catalogue = catalogue()
        # What the file itself sets on a module (``K.reshape = reshape``): defined when it runs.
        self.defined = {path for path in (self.resolve(node, scope) for node, scope in binder.stored) if path}
        self.failed_imports: set[str] = set()  # names bound by imports that Keras 3 rejects
        self.keras_classes: set[str] = set()  # the file's own Keras layer and model classes
        self.positional_kernels: list[tuple[ast.Call, str, dict]] = []  # Conv2D(32, 3, 3): call, name, entry

    # -- positions
    def column(self, line: int, offset: int) -> int:
        text = self.lines[line - 1] if 0 < line <= len(self.lines) else ""
        if text.isascii():
            return offset + 1
        return len(text.encode("utf-8")[:offset].decode("utf-8", errors="replace")) + 1

    def span(self, node: Any) -> Span:
        end_line = node.end_lineno or node.lineno
        return Span(node.lineno, self.column(node.lineno, node.col_offset), end_line,
                    self.column(end_line, node.end_col_offset or 0))

    def text(self, node: Any) -> str:
        """The source of ``node`` (``ast.get_source_segment`` splits the whole file at each call)."""
        lines = self.lines[node.lineno - 1 : node.end_lineno]
        if not lines or node.end_col_offset is None:
            return ""
        if len(lines) == 1:
            return lines[0].encode("utf-8")[node.col_offset : node.end_col_offset].decode("utf-8", "replace")
        first = lines[0].encode("utf-8")[node.col_offset :].decode("utf-8", "replace")
        last = lines[-1].encode("utf-8")[: node.end_col_offset].decode("utf-8", "replace")
        return "\n".join([first, *lines[1:-1], last])

    def report(self, code: str, node: Any, message: str, fix: Fix | None = None, severity: str = "error") -> None:
        self.findings.append(Finding(code, severity, self.span(node), message, fix))

    # -- resolution
    def resolve(self, node: ast.expr, scope: _Scope) -> str | None:
        """The dotted path a chain of names stands for, through the file's imports."""
        parts = _dotted_parts(node)
        if parts is None:
            return None
        head = self.lookup(parts[0], scope)
        return None if head is None else ".".join([head, *parts[1:]])

    def lookup(self, name: str, scope: _Scope, depth: int = 0) -> str | None:
        found = scope.binding(name)
        if found is None or name in found.other or depth > 8:
            return None
        paths = set(found.imports.get(name, set()))
        for value in found.aliases.get(name, []):
            paths.add(self._alias(value, found, depth))
        if len(paths) != 1 or None in paths:
            return None
        return paths.pop()

    def _alias(self, value: ast.expr, scope: _Scope, depth: int) -> str | None:
        parts = _dotted_parts(value)
        if parts is None:
            return None
        head = self.lookup(parts[0], scope, depth + 1)
        return None if head is None else ".".join([head, *parts[1:]])

    # -- walking
    def run(self) -> list[Finding]:
        self.visit_block(self.tree.body, self.scopes[id(self.tree)], frozenset())
        self.report_positional_kernels()
        return self.findings

    def visit_block(self, body: list[ast.stmt], scope: _Scope, caught: frozenset[str]) -> None:
        for stmt in body:
            self.visit_statement(stmt, scope, caught)

    def visit_statement(self, stmt: ast.stmt, scope: _Scope, caught: frozenset[str]) -> None:
        if isinstance(stmt, ast.Import):
            self.check_import(stmt, caught)
        elif isinstance(stmt, ast.ImportFrom):
            self.check_import_from(stmt, scope, caught)
        elif isinstance(stmt, ast.Try) or type(stmt).__name__ == "TryStar":
            handled = set()
            for handler in stmt.handlers:  # type: ignore[attr-defined]
                handled |= _handled(handler.type)
            self.visit_block(stmt.body, scope, caught | handled)  # type: ignore[attr-defined]
            for handler in stmt.handlers:  # type: ignore[attr-defined]
                self.visit_block(handler.body, scope, caught)
            self.visit_block(stmt.orelse, scope, caught)  # type: ignore[attr-defined]
            self.visit_block(stmt.finalbody, scope, caught)  # type: ignore[attr-defined]
            return
        elif isinstance(stmt, ast.If) and _GUARD_WORDS.search(self.text(stmt.test)):
            self.visit_expression(stmt.test, scope, caught)
            return  # blocks for one Keras version or backend: left alone
        elif isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef)):
            for child in [*stmt.decorator_list, *stmt.args.defaults, *[d for d in stmt.args.kw_defaults if d]]:
                self.visit_expression(child, scope, caught)
            self.visit_block(stmt.body, self.scopes[id(stmt)], caught)
            return
        elif isinstance(stmt, ast.ClassDef):
            for child in [*stmt.bases, *stmt.decorator_list]:
                self.visit_expression(child, scope, caught)
            if self.is_keras_class(stmt, scope):
                self.keras_classes.add(stmt.name)
                self.check_add_weight(stmt, caught)
            self.visit_block(stmt.body, self.scopes[id(stmt)], caught)
            return
        for child in ast.iter_child_nodes(stmt):
            if isinstance(child, ast.stmt):
                self.visit_statement(child, scope, caught)
            elif isinstance(child, ast.expr):
                self.visit_expression(child, scope, caught)
            elif isinstance(child, (ast.withitem, ast.match_case, ast.comprehension, ast.keyword, ast.arguments)):
                self._visit_other(child, scope, caught)

    def _visit_other(self, node: ast.AST, scope: _Scope, caught: frozenset[str]) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.stmt):
                self.visit_statement(child, scope, caught)
            elif isinstance(child, ast.expr):
                self.visit_expression(child, scope, caught)
            else:
                self._visit_other(child, scope, caught)

    def visit_expression(self, node: ast.expr, scope: _Scope, caught: frozenset[str]) -> None:
        """Attribute chains (outermost first, once) and calls, in source order."""
        stack: list[tuple[ast.AST, _Scope]] = [(node, scope)]
        while stack:
            current, here = stack.pop()
            children = list(ast.iter_child_nodes(current))
            if isinstance(current, (ast.Lambda, ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)):
                here = self.scopes.get(id(current), here)
            if isinstance(current, ast.Call):
                self.check_call(current, here, caught)
            if isinstance(current, ast.Attribute):
                if self.check_attribute(current, here, caught):
                    children = [c for c in children if not isinstance(c, ast.Attribute)]
                    inner = current.value
                    while isinstance(inner, ast.Attribute):
                        inner = inner.value
                    children.append(inner)
                elif isinstance(current.value, ast.Attribute):
                    children = [c for c in children if c is not current.value]
                    children.append(_chain_base(current.value))
            stack.extend((child, here) for child in reversed(children))

    # -- imports
    def check_import(self, stmt: ast.Import, caught: frozenset[str]) -> None:
        if caught & _IMPORT_ERRORS:
            return
        modules = self.catalogue.MODULES
        for alias in stmt.names:
            path = alias.name
            if root_of(path) is None:
                continue
            entry = modules.get(path) or _first_missing(path, modules)
            if entry is not None:
                self.failed_imports.add(alias.asname or path.split(".")[0])
                self.report("KC310", stmt, _module_message(path, entry, None))
                return  # Python stops at the first module it cannot import

    def check_import_from(self, stmt: ast.ImportFrom, scope: _Scope, caught: frozenset[str]) -> None:
        module = stmt.module
        if stmt.level or module is None or root_of(module) is None or caught & _IMPORT_ERRORS:
            return
        names = [a for a in stmt.names if a.name != "*"]
        catalogue_ = self.catalogue
        entry = catalogue_.MODULES.get(module) or _first_missing(module, catalogue_.MODULES)
        if entry is not None:
            self.failed_imports.update(a.asname or a.name for a in names)
            moved = catalogue_.MOVED.get(module, {})
            fix = self.moved_import_fix(stmt, module, names, moved)
            self.report("KC310", stmt, _module_message(module, entry, names, moved, from_form=True), fix)
            return
        for alias in names:
            name_entry = catalogue_.NAMES.get(f"{module}.{alias.name}")
            if name_entry is None:
                continue
            self.failed_imports.add(alias.asname or alias.name)
            code = "KC310" if name_entry["kind"] == "module" else "KC311"
            fix = self.name_import_fix(stmt, module, alias, name_entry, scope)
            self.report(code, stmt, _name_message(f"{module}.{alias.name}", name_entry, name_entry["raises"]), fix)
            return  # Python stops at the first name it cannot import

    def module_node_span(self, stmt: ast.ImportFrom) -> Span | None:
        """Where ``from <module>`` writes the module (ast keeps only its text)."""
        line = self.lines[stmt.lineno - 1] if stmt.lineno <= len(self.lines) else ""
        match = re.compile(r"from\s+([\w.]+)").match(line, stmt.col_offset)
        if match is None or match.group(1) != stmt.module:
            return None
        start, end = match.span(1)
        return Span(stmt.lineno, self.column(stmt.lineno, start), stmt.lineno, self.column(stmt.lineno, end))

    def moved_import_fix(self, stmt: ast.ImportFrom, module: str, names: list[ast.alias], moved: dict) -> Fix | None:
        """``from keras.layers.core import Dense`` → ``from keras.layers import Dense``: every name
        found in one parent package of Keras 3, under its own name."""
        if not names:
            return None
        targets = set()
        for alias in names:
            found = moved.get(alias.name)
            if found is None or not found[1] or found[0].rsplit(".", 1)[1] != alias.name:
                return None
            targets.add(found[0].rsplit(".", 1)[0])
        span = self.module_node_span(stmt)
        if len(targets) != 1 or span is None:
            return None
        target = targets.pop()
        return Fix(f"import from {target}", self.span(stmt),
                   replacements=((span, _node_kind(module), target),))

    def name_import_fix(self, stmt: ast.ImportFrom, module: str, alias: ast.alias, entry: dict, scope: _Scope) -> Fix | None:
        spelled = entry.get("keras3")
        bound = alias.asname or alias.name
        if spelled is not None and entry.get("fixable"):
            parent, name = spelled.rsplit(".", 1)
            if parent == module and getattr(alias, "lineno", None) is not None:
                # An alias Keras 2 had for a name Keras 3 keeps (``adam`` for ``Adam``).
                text = f"{name} as {bound}" if name != bound else name
                return Fix(f"import {name}", self.span(stmt), replacements=((self.span(alias), "ImportAlias", text),))
            span = self.module_node_span(stmt)
            if parent != module and name == alias.name and len(stmt.names) == 1 and span is not None:
                return Fix(f"import from {parent}", self.span(stmt), replacements=((span, _node_kind(module), parent),))
            return None
        if entry["kind"] != "module" or len(stmt.names) != 1 or getattr(alias, "lineno", None) is None:
            return None
        # ``from keras.utils import np_utils``: keras.utils itself, under that name, when every
        # attribute the file reads of it is there in Keras 3.
        moved = self.catalogue.MOVED.get(f"{module}.{alias.name}", {})
        used = self.attributes_used(bound, scope)
        if not used or any(moved.get(a, (None, False))[0] != f"{module}.{a}" for a in used):
            return None
        span = self.module_node_span(stmt)
        parent, name = module.rsplit(".", 1)
        if span is None:
            return None
        return Fix(f"use {module} as {bound}", self.span(stmt),
                   replacements=((span, _node_kind(module), parent),
                                 (self.span(alias), "ImportAlias", f"{name} as {bound}")))

    def attributes_used(self, name: str, scope: _Scope) -> set[str] | None:
        """The attributes the file reads of ``name`` bound in ``scope``; None if it uses the name
        any other way."""
        used: set[str] = set()
        attribute_bases = set()
        for node in ast.walk(self.tree):
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == name:
                used.add(node.attr)
                attribute_bases.add(id(node.value))
        for node in ast.walk(self.tree):
            if isinstance(node, ast.Name) and node.id == name and id(node) not in attribute_bases:
                return None
        return used

    # -- attributes
    def check_attribute(self, node: ast.Attribute, scope: _Scope, caught: frozenset[str]) -> bool:
        """A chain that reaches a module or name Keras 3 does not have; True when reported."""
        parts = _dotted_parts(node)
        if parts is None or caught & _ATTRIBUTE_ERRORS or parts[0] in self.failed_imports:
            return False
        if isinstance(node.ctx, (ast.Store, ast.Del)):
            # Setting an attribute of a module raises nothing: only the chain it is set on is read.
            return isinstance(node.value, ast.Attribute) and self.check_attribute(node.value, scope, caught)
        head = self.lookup(parts[0], scope)
        if head is None or not (root_of(head) is not None or "tensorflow.keras".startswith(head + ".")):
            return False
        names = self.catalogue.NAMES
        path = head
        chain: ast.expr = _chain_base(node)
        for attr in parts[1:]:
            chain = _parent_attribute(node, chain)
            path = f"{path}.{attr}"
            if path in self.defined:
                return False
            entry = names.get(path) if root_of(path) is not None else None
            if entry is not None:
                code = "KC310" if entry["kind"] == "module" else "KC311"
                fix = self.attribute_fix(chain, head, parts[0], path, entry, node)
                raised = entry.get("raises_attribute") or entry["raises"]
                self.report(code, chain, _name_message(path, entry, raised), fix)
                return True
        return False

    def attribute_fix(self, chain: ast.expr, head: str, base: str, path: str, entry: dict, whole: ast.Attribute) -> Fix | None:
        spelled = entry.get("keras3")
        target = chain
        if entry["kind"] == "module" and chain is not whole:
            # keras.layers.core.Dense: the next name, where Keras 3 keeps it.
            target = _parent_attribute(whole, chain)
            moved = self.catalogue.MOVED.get(path, {}).get(target.attr)  # type: ignore[attr-defined]
            spelled = moved[0] if moved and moved[1] else None
        elif not entry.get("fixable"):
            return None
        if spelled is None or not spelled.startswith(head + "."):
            return None
        text = base + spelled[len(head):]
        return Fix(f"use {spelled}", self.span(target), replacements=((self.span(target), "Attribute", text),))

    # -- calls
    def callee(self, node: ast.Call, scope: _Scope) -> str | None:
        path = self.resolve(node.func, scope)
        if path is None or root_of(path) is None:
            return None
        entry = self.catalogue.NAMES.get(path)
        if entry is not None and entry.get("keras3"):
            path = entry["keras3"]  # keras.optimizers.adam: what it aliased
        return canonical(path)

    def check_call(self, node: ast.Call, scope: _Scope, caught: frozenset[str]) -> None:
        path = self.callee(node, scope)
        if path is None:
            return
        if caught & _ANY_ERROR:
            return
        constructor = self.catalogue.CONSTRUCTORS.get(self.resolve(node.func, scope) or "")
        if constructor is not None:
            self.report("KC311", node, f"{self.text(node.func)}() is a Keras 2 class that Keras 3 keeps only to "
                        f"refuse it. Keras: {keras_message(constructor['raises'])}")
            return
        if path == "keras.callbacks.ModelCheckpoint":
            self.check_checkpoint(node)
        arguments = self.catalogue.ARGUMENTS
        entries = dict(arguments.get(path, {}))
        class_name = _layer_class(path)
        if class_name is not None:
            entries = {**{k: v for k, v in arguments.get("keras.layers.*", {}).items()
                          if k not in _accepted(class_name)}, **arguments.get(f"keras.layers.{class_name}", {})}
            self.check_numpy_integers(node, class_name, scope)
            kernels = getattr(self.catalogue, "POSITIONAL_KERNELS", {})
            written = self.resolve(node.func, scope) or ""
            if class_name in kernels and root_of(written) == "keras":
                self.positional_kernels.append((node, written.rsplit(".", 1)[-1], kernels[class_name]))
        if entries:
            self.check_keywords(node, path, class_name, entries)

    def check_keywords(self, node: ast.Call, path: str, class_name: str | None, entries: dict) -> None:
        given = {k.arg for k in node.keywords if k.arg}
        raising = [(k, entries[k.arg]) for k in node.keywords if k.arg in entries and "raises" in entries[k.arg]]
        ignored = [(k, entries[k.arg]) for k in node.keywords if k.arg in entries and "ignored" in entries[k.arg]]
        if raising:
            renames: list[tuple[str, str]] = []
            values: list[tuple[str, str]] = []
            fixable = True
            for keyword, entry in raising:
                spelled = entry.get("keras3")
                if spelled is None or spelled in given:
                    fixable = False
                    continue
                renames.append((keyword.arg, spelled))  # type: ignore[arg-type]
                if entry.get("values"):
                    value = _literal(keyword.value)
                    if value not in entry["values"]:
                        fixable = False
                        continue
                    values.append((keyword.arg, repr(entry["values"][value])))  # on the renamed argument
            keyword, entry = raising[0]
            raised = entry["raises"]
            spelled = entry.get("keras3")
            if "raises_alone" in entry and spelled not in given and not node.args:
                raised = entry["raises_alone"]
            message = keras_message(raised, entry["sample"], _value_text(keyword.value))
            if class_name is not None and keyword.arg not in self.catalogue.ARGUMENTS.get(f"keras.layers.{class_name}", {}):
                # Recorded on a Dense for every layer (Layer.__init__'s keywords): the class is this one.
                message = message.replace("passed to Dense:", f"passed to {class_name}:")
            hints = [f"{k.arg}= is {e['keras3']}=" for k, e in raising if e.get("keras3")]
            where = class_name or path
            text = (f"{where}({', '.join(k.arg + '=' for k, _ in raising)}) is Keras 2 API that Keras 3 rejects; "
                    f"Keras: {message}" + (f" ({'; '.join(hints)} in Keras 3)" if hints else ""))
            fix = None
            if fixable and renames:
                fix = Fix("use " + ", ".join(f"{new}=" for _, new in renames), self.span(node),
                          set_keywords=tuple(values), rename_keywords=tuple(renames))
            self.report("KC312", node, text, fix)
        for keyword, entry in ignored:
            where = class_name or path
            self.report("KC302", node, f"{where}({keyword.arg}=...) is ignored by Keras 3, which warns: "
                        f"{entry['ignored']}", Fix(f"drop {keyword.arg}= (Keras 3 ignores it)", self.span(node),
                                                   drop_keywords=(keyword.arg,)), severity="warning")  # type: ignore[arg-type]

    def report_positional_kernels(self) -> None:
        """``Convolution2D(32, 3, 3)``: Keras 1's sizes, which standalone Keras 2 gathered into
        ``kernel_size=(3, 3)`` and Keras 3 reads as ``kernel_size=3, strides=3``.  Only the
        ``keras`` package's layers (``tf.keras`` 2 never converted them), only where Keras 2
        converted (every size an int, no ``strides=``/``padding=``).  Where Keras 3 builds the
        layer, only in a file that is Keras 2 code (another Keras 2 error from its syntax) or with
        a Keras 1 name (``Convolution2D``): ``Conv2D(64, 3, 2)`` in Keras 3 code means strides=2.
        Where Keras 3 raises (``Conv3D(8, 3, 3, 3)``), always: an error."""
        keras2_file = any(f.severity == "error" and f.code.startswith("KC31") for f in self.findings)
        for node, class_name, entry in self.positional_kernels:
            dims = entry["dims"]
            sizes = node.args[1:]
            if len(sizes) != dims or any(isinstance(a, ast.Starred) for a in node.args):
                continue
            if any(isinstance(a, (ast.Tuple, ast.List, ast.Set, ast.Dict, ast.JoinedStr))
                   or isinstance(a, ast.Constant) and type(a.value) is not int for a in sizes):
                continue  # Keras 2 gathered ints only
            given = {k.arg for k in node.keywords}
            if None in given or given & {"kernel_size", "strides", "padding", "data_format"}:
                continue  # Keras 2 refused these with positional sizes
            if "raises" not in entry and not (keras2_file or "Convolution" in class_name):
                continue  # Keras 3 builds it: Keras 3 code may mean strides
            texts = [self.text(a) for a in sizes]
            kernel = f"({', '.join(texts)})"
            if "raises" in entry:
                outcome = f"Keras 3 reads them as its next parameters and raises. Keras: {keras_message(entry['raises'])}"
                severity = "error"
            else:
                read = ", ".join(f"{param}={text}" for param, text in zip(entry["keras3_params"], texts))
                outcome = f"Keras 3 reads {read}"
                severity = "warning"
            self.report(
                "KC317", node,
                f"{class_name}({self.text(node.args[0])}, {', '.join(texts)}) is Keras 1's positional kernel size, "
                f"which Keras 2 read as kernel_size={kernel}; {outcome} (write {class_name}"
                f"({self.text(node.args[0])}, {kernel}))",
                Fix(f"use kernel_size={kernel}", self.span(node), merge_positional=(1, dims)),
                severity=severity,
            )

    def check_checkpoint(self, node: ast.Call) -> None:
        """``ModelCheckpoint("weights.{epoch:02d}.hdf5")``: a file Keras 3 will not save to."""
        filepath = node.args[0] if node.args else next((k.value for k in node.keywords if k.arg == "filepath"), None)
        weights_only = next((k.value for k in node.keywords if k.arg == "save_weights_only"), None)
        if len(node.args) > 5 or filepath is None:
            return
        weights = _literal(weights_only) if weights_only is not None else False
        text = _string_end(filepath)
        if text is None or not isinstance(weights, bool):
            return
        call = "ModelCheckpoint(save_weights_only=True)" if weights else "ModelCheckpoint"
        message = file_path_message(self.catalogue, call, text, _literal(filepath))
        if message is not None:
            self.report("KC316", node, message)

    def check_numpy_integers(self, node: ast.Call, class_name: str, scope: _Scope) -> None:
        from kerascheck.knowledge import keras_api

        entries = self.catalogue.NUMPY_INTEGERS
        spec = keras_api.CLASSES.get(class_name)
        if spec is None:
            return
        positional = [p[0] for p in spec["params"] if p[2] == "positional"]
        given = [(positional[i] if i < len(positional) else None, arg) for i, arg in enumerate(node.args)]
        given += [(k.arg, k.value) for k in node.keywords]
        for param, value in given:
            entry = entries.get(f"{class_name}.{param}")
            if entry is None or not self.numpy_integer(value, scope):
                continue
            message = keras_message(entry["raises"], entry["sample"], None)
            fix = Fix(f"int({param})", self.span(node),
                      replacements=((self.span(value), _cst_kind(value), f"int({self.text(value)})"),))
            self.report("KC315", node, f"{class_name}({param}=<a NumPy integer>): Keras 3 takes only a Python int; "
                        f"Keras: {message}", fix)
            return

    def numpy_integer(self, node: ast.expr, scope: _Scope, depth: int = 0) -> bool:
        """Whether ``node`` is certainly a NumPy integer: a NumPy function that returns one
        (``np.prod(shape)``, ``np.int64(n)``), or arithmetic on one and Python ints."""
        if isinstance(node, ast.Call):
            path = self.resolve(node.func, scope)
            return path is not None and path.startswith("numpy.") and path.split(".", 1)[1] in NUMPY_INTEGER_FUNCTIONS
        if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Sub, ast.Mult, ast.FloorDiv, ast.Mod)):
            sides = (node.left, node.right)
            return any(self.numpy_integer(s, scope, depth) for s in sides) and all(
                self.numpy_integer(s, scope, depth) or (isinstance(s, ast.Constant) and type(s.value) is int) for s in sides
            )
        return False

    # -- Keras layer classes of the file
    def is_keras_class(self, node: ast.ClassDef, scope: _Scope) -> bool:
        for base in node.bases:
            if isinstance(base, ast.Name) and base.id in self.keras_classes:
                return True
            path = self.resolve(base, scope)
            if path is not None and root_of(path) is not None and path.rsplit(".", 1)[-1] in ("Layer", "Model"):
                return True
        return False

    def check_add_weight(self, cls: ast.ClassDef, caught: frozenset[str]) -> None:
        entry = self.catalogue.BEHAVIOURS["add_weight_positional_name"]
        for node in ast.walk(cls):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "add_weight"
                    and isinstance(node.func.value, ast.Name) and node.func.value.id == "self" and node.args):
                continue
            first = node.args[0]
            if not (isinstance(first, ast.JoinedStr) or isinstance(first, ast.Constant) and isinstance(first.value, str)):
                continue
            value = repr(first.value) if isinstance(first, ast.Constant) else None
            message = keras_message(entry["raises"], repr(entry["sample"]), value, every=True)
            self.report("KC314", node, f"add_weight({self.text(first)}, ...) gives the weight's name first, as Keras 2 "
                        f"took it; Keras 3's first parameter is shape. Keras: {message}", self.add_weight_fix(node, entry))

    def add_weight_fix(self, node: ast.Call, entry: dict) -> Fix | None:
        params = entry["keras2_params"]
        keras3 = set(entry["keras3_params"])
        if len(node.args) > len(params) or any(isinstance(a, ast.Starred) for a in node.args):
            return None
        given = {k.arg for k in node.keywords}
        names = params[: len(node.args)]
        if any(n in given or n not in keras3 for n in names):
            return None
        arguments = [f"{n}={self.text(a)}" for n, a in zip(names, node.args)]
        arguments += [self.text(k) for k in node.keywords]
        text = f"{self.text(node.func)}({', '.join(arguments)})"
        if "\n" in self.text(node):
            return None  # a call over several lines: not rewritten by hand
        return Fix("name= and shape= as keywords", self.span(node), replacements=((self.span(node), "Call", text),))


def file_suffix(path: str, recorded: dict) -> str:
    """Which recorded suffix a file's name falls under: the longest it ends with, else ``""``
    for a name without one, ``".ckpt"`` (any other) for one with another."""
    found = [s for s in recorded if s and path.endswith(s)]
    if found:
        return max(found, key=len)
    return "" if "." not in path.rsplit("/", 1)[-1] else ".ckpt"


def file_path_message(catalogue: Any, call: str, end: str, path: Any) -> str | None:
    """What Keras 3 raises for ``call`` saving to a file whose name ends with ``end`` (the whole
    name ``path`` when known, for the message), or None when it saves there."""
    recorded = catalogue.FILE_PATHS[call]
    entry = recorded[file_suffix(end, recorded)]
    if entry["raises"] is None:
        return None
    shown = path if isinstance(path, str) else None
    return (f"{call.split('(')[0]} cannot save to this file in Keras 3, which chooses the format by the name's "
            f"suffix. Keras: {keras_message(entry['raises'], entry['sample'], shown, every=True)}")


def _string_end(node: ast.expr) -> str | None:
    """The end of a string the code writes: a literal, or the literal tail of an f-string."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr) and node.values and isinstance(node.values[-1], ast.Constant):
        tail = node.values[-1].value
        return tail if isinstance(tail, str) and "." in tail else None
    return None


def _chain_base(node: ast.expr) -> ast.expr:
    while isinstance(node, ast.Attribute):
        node = node.value
    return node


def _parent_attribute(whole: ast.Attribute, inner: ast.expr) -> ast.Attribute:
    """The attribute of ``whole``'s chain whose value is ``inner``."""
    node: ast.expr = whole
    while isinstance(node, ast.Attribute):
        if node.value is inner:
            return node
        node = node.value
    raise ValueError("not in the chain")


def _handled(node: ast.expr | None) -> set[str]:
    if node is None:
        return {"BaseException"}
    if isinstance(node, ast.Tuple):
        return {n for e in node.elts for n in _handled(e)}
    parts = _dotted_parts(node)
    return {parts[-1]} if parts else set()


def _first_missing(path: str, modules: dict) -> dict | None:
    parts = path.split(".")
    for index in range(2, len(parts)):
        entry = modules.get(".".join(parts[:index]))
        if entry is not None:
            return entry
    return None


def _module_message(path: str, entry: dict, names: list[ast.alias] | None, moved: dict | None = None,
                    from_form: bool = False) -> str:
    raised = entry.get("raises_from", entry["raises"]) if from_form else entry["raises"]
    text = f"{path} is a Keras 2 module that Keras 3 does not have. Keras: {keras_message(raised)}"
    if names and moved:
        spelled = [moved[a.name][0] for a in names if a.name in moved]
        if spelled:
            text += f" (Keras 3: {', '.join(spelled)})"
    return text


def _name_message(path: str, entry: dict, raised: tuple[str, str]) -> str:
    what = {"module": "module", "class": "class", "function": "function"}.get(entry["kind"], "name")
    text = f"{path} is a Keras 2 {what} that Keras 3 does not have. Keras: {keras_message(raised)}"
    if entry.get("keras3"):
        text += f" (Keras 3: {entry['keras3']})"
    return text


def _node_kind(dotted: str) -> str:
    return "Attribute" if "." in dotted else "Name"


def _cst_kind(node: ast.expr) -> str:
    """The libcst class of an expression, for the fix to find it."""
    return {ast.Call: "Call", ast.BinOp: "BinaryOperation", ast.Name: "Name", ast.Attribute: "Attribute"}.get(
        type(node), type(node).__name__
    )


def _layer_class(path: str) -> str | None:
    from kerascheck.frontend.keras_names import KerasSymbol, resolve

    symbol = resolve(path)
    return symbol.name if isinstance(symbol, KerasSymbol) and symbol.is_class else None


def _accepted(class_name: str) -> set[str]:
    from kerascheck.knowledge import keras_api

    spec = keras_api.CLASSES.get(class_name, {})
    return {p[0] for p in (*spec.get("params", ()), *spec.get("base_params", ()))} | set(spec.get("popped_kwargs", {}))


def _literal(node: ast.expr) -> Any:
    try:
        return ast.literal_eval(node)
    except (ValueError, SyntaxError, TypeError):
        return None


def _value_text(node: ast.expr) -> str | None:
    """The repr Keras would print for a literal argument; None for anything else."""
    value = _literal(node)
    if value is None and not (isinstance(node, ast.Constant) and node.value is None):
        return None
    return repr(value)


def migration_findings(tree: ast.Module, source: str) -> list[Finding]:
    """The file's Keras 2 API that Keras 3 rejects or ignores, from its syntax."""
    if "keras" not in source:
        return []
    return Scanner(tree, source).run()


def iter_findings(tree: ast.Module, source: str) -> Iterator[Finding]:
    yield from migration_findings(tree, source)
