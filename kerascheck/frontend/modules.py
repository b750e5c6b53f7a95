"""Find and parse the project's own modules that a model file imports.

``from .blocks import conv_block`` and ``from mypkg.layers import Block`` are
followed into the analysed tree: the importing file's package (for relative
imports), else the folders a script run from that file would search — its own
folder and the folder above its top-level package.  Each file is parsed once per
process and kept while its size and modification time stay the same.

A finder remembers what the analysis of its file depended on: the content hash
of every module it read and the answer of every "is there a module file here?"
question it asked.  The result cache stores both and checks them before reusing
a result (:mod:`kerascheck.cache`).
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

import libcst as cst

from kerascheck.frontend.files import MAX_MODULE_BYTES, TOO_LARGE, digest, probe


@dataclass(frozen=True)
class ParsedModule:
    path: Path
    module: cst.Module
    tree: ast.Module


_CACHE: dict[Path, tuple[tuple[int, int], str | None, ParsedModule | None]] = {}


def load(path: Path) -> tuple[str | None, ParsedModule | None]:
    """The file's content hash and parse (None when it cannot be read or parsed: it is then unknown)."""
    try:
        stat = path.stat()
    except OSError:
        return None, None
    key = (stat.st_size, stat.st_mtime_ns)
    cached = _CACHE.get(path)
    if cached is not None and cached[0] == key:
        return cached[1], cached[2]
    parsed: ParsedModule | None = None
    hashed: str | None = TOO_LARGE
    if stat.st_size <= MAX_MODULE_BYTES:
        try:
            with open(path, "rb") as handle:
                data = handle.read()
        except OSError:
            hashed = None
        else:
            hashed = digest(data)
            try:
                source = data.decode("utf-8")
                parsed = ParsedModule(path, cst.parse_module(source), ast.parse(source))
            except (UnicodeDecodeError, SyntaxError, ValueError, RecursionError, MemoryError, cst.ParserSyntaxError):
                parsed = None
    _CACHE[path] = (key, hashed, parsed)
    return hashed, parsed


def parse_cached(path: Path) -> ParsedModule | None:
    """The parsed file, or None when it cannot be read or parsed (it is then unknown)."""
    return load(path)[1]


class ModuleFinder:
    """Where the modules imported by one file live, if they are part of the project."""

    def __init__(self, importer: Path) -> None:
        self.importer = importer.resolve()
        # What the analysis depended on, for the result cache: path -> content hash of every
        # module read, and path -> probe() of every place a module file was looked for.
        self.reads: dict[str, str | None] = {}
        self.probes: dict[str, str | None] = {}
        folder = self.importer.parent
        top = folder
        while self._probe(top / "__init__.py") is not None and top.parent != top:
            top = top.parent
        self.roots = [folder] if top == folder else [folder, top]

    def _probe(self, path: Path) -> str | None:
        found = probe(path)
        self.probes[str(path)] = found
        return found

    def parse(self, path: Path) -> ParsedModule | None:
        """The parsed module at ``path`` (see :func:`load`), recorded as read."""
        hashed, parsed = load(path)
        self.reads[str(path)] = hashed
        return parsed

    def module_file(self, base: Path, parts: list[str]) -> Path | None:
        """The file of module ``parts`` under ``base`` (a module or a package), recorded as probed."""
        target = base.joinpath(*parts) if parts else base
        candidates = [target.with_suffix(".py")] if parts else []
        candidates.append(target / "__init__.py")
        for candidate in candidates:
            found = self._probe(candidate)
            if found is not None:
                return Path(found)
        return None

    def package_of(self, path: Path) -> Path:
        return path.parent

    def find(self, dotted: str | None, level: int, importer: Path | None = None) -> Path | None:
        """The file of module ``dotted`` imported with ``level`` leading dots."""
        importer = importer or self.importer
        parts = dotted.split(".") if dotted else []
        if level:
            base = importer.parent
            for _ in range(level - 1):
                base = base.parent
            return self.module_file(base, parts)
        for root in self.roots:
            found = self.module_file(root, parts)
            if found is not None:
                return found
        return None
