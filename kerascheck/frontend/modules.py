"""Find and parse the project's own modules that a model file imports.

``from .blocks import conv_block`` and ``from mypkg.layers import Block`` are
followed into the analysed tree: the importing file's package (for relative
imports), else the folders a script run from that file would search — its own
folder and the folder above its top-level package.  Each file is parsed once per
process and kept while its size and modification time stay the same.
"""

from __future__ import annotations

import ast
import os
from dataclasses import dataclass
from pathlib import Path

import libcst as cst

MAX_MODULE_BYTES = 2 * 1024 * 1024


@dataclass(frozen=True)
class ParsedModule:
    path: Path
    module: cst.Module
    tree: ast.Module


_CACHE: dict[Path, tuple[tuple[int, int], ParsedModule | None]] = {}


def parse_cached(path: Path) -> ParsedModule | None:
    """The parsed file, or None when it cannot be read or parsed (it is then unknown)."""
    try:
        stat = path.stat()
    except OSError:
        return None
    key = (stat.st_size, stat.st_mtime_ns)
    cached = _CACHE.get(path)
    if cached is not None and cached[0] == key:
        return cached[1]
    parsed: ParsedModule | None = None
    if stat.st_size <= MAX_MODULE_BYTES:
        try:
            source = path.read_text(encoding="utf-8")
            parsed = ParsedModule(path, cst.parse_module(source), ast.parse(source))
        except (OSError, UnicodeDecodeError, SyntaxError, ValueError, RecursionError, MemoryError, cst.ParserSyntaxError):
            parsed = None
    _CACHE[path] = (key, parsed)
    return parsed


class ModuleFinder:
    """Where the modules imported by one file live, if they are part of the project."""

    def __init__(self, importer: Path) -> None:
        self.importer = importer.resolve()
        folder = self.importer.parent
        top = folder
        while (top / "__init__.py").is_file() and top.parent != top:
            top = top.parent
        self.roots = [folder] if top == folder else [folder, top]

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
            return _module_file(base, parts)
        for root in self.roots:
            found = _module_file(root, parts)
            if found is not None:
                return found
        return None


def _module_file(base: Path, parts: list[str]) -> Path | None:
    target = base.joinpath(*parts) if parts else base
    candidates = [target.with_suffix(".py")] if parts else []
    candidates.append(target / "__init__.py")
    for candidate in candidates:
        if candidate.is_file() and os.access(candidate, os.R_OK):
            return candidate.resolve()
    return None
