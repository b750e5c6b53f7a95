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
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path

import libcst as cst

from kerascheck.frontend.files import MAX_MODULE_BYTES, TOO_LARGE, ModulePaths, digest
from kerascheck.frontend.parsing import TooComplexToParse, parse_module, python_ast
from kerascheck.safeio import FileTooLarge, read_regular

@dataclass(frozen=True)
class ParsedModule:
    path: Path
    module: cst.Module
    tree: ast.Module


# Parsed modules, most recently used last, as long as their sources hold at most
# CACHE_BYTES in all (a parse takes 800 to 1,400 times its source's size in memory).
_CACHE: "OrderedDict[Path, tuple[tuple[int, int], str | None, ParsedModule | None]]" = OrderedDict()
CACHE_BYTES = 512 * 1024


def load(path: Path) -> tuple[str | None, ParsedModule | None]:
    """The file's content hash and parse (None when it cannot be read or parsed: it is then unknown).

    Read and parsed as the analysed file is: only a regular file, within the size bound,
    by CPython's parser first and then libcst within its bounds (:mod:`.parsing`).
    """
    try:
        stat = path.stat()
    except OSError:
        return None, None
    key = (stat.st_size, stat.st_mtime_ns)
    cached = _CACHE.get(path)
    if cached is not None and cached[0] == key:
        _CACHE.move_to_end(path)
        return cached[1], cached[2]
    parsed: ParsedModule | None = None
    hashed: str | None = TOO_LARGE
    if stat.st_size <= MAX_MODULE_BYTES:
        try:
            data, _ = read_regular(path, MAX_MODULE_BYTES)
        except FileTooLarge:
            pass
        except OSError:
            hashed = None
        else:
            hashed = digest(data)
            parsed = _parse(path, data)
    _remember(path, (key, hashed, parsed))
    return hashed, parsed


_cached_bytes = 0  # the source sizes of the parsed modules in _CACHE


def _remember(path: Path, entry: tuple[tuple[int, int], str | None, ParsedModule | None]) -> None:
    """Keep ``entry``, dropping the least recently used parses beyond :data:`CACHE_BYTES`."""
    global _cached_bytes
    old = _CACHE.pop(path, None)
    if old is not None and old[2] is not None:
        _cached_bytes -= old[0][0]
    _CACHE[path] = entry
    if entry[2] is not None:
        _cached_bytes += entry[0][0]
    while _cached_bytes > CACHE_BYTES and len(_CACHE) > 1:
        (size, _), _, dropped = _CACHE.popitem(last=False)[1]
        if dropped is not None:
            _cached_bytes -= size


def _parse(path: Path, data: bytes) -> ParsedModule | None:
    from kerascheck.analysis import decode_source

    try:
        source = decode_source(data)
        tree = python_ast(source)
        return ParsedModule(path, parse_module(source, tree), tree)
    except (UnicodeDecodeError, SyntaxError, ValueError, RecursionError, MemoryError, TooComplexToParse,
            cst.ParserSyntaxError):
        return None


def parse_cached(path: Path) -> ParsedModule | None:
    """The parsed file, or None when it cannot be read or parsed (it is then unknown)."""
    return load(path)[1]


class ModuleFinder(ModulePaths):
    """Where the modules imported by one file live, if they are part of the project, and their parses."""

    def __init__(self, importer: Path) -> None:
        super().__init__(importer)
        # What the analysis depended on, for the result cache: path -> content hash of every
        # module read (and, in ModulePaths.probes, every place a module file was looked for).
        self.reads: dict[str, str | None] = {}

    def parse(self, path: Path) -> ParsedModule | None:
        """The parsed module at ``path`` (see :func:`load`), recorded as read."""
        hashed, parsed = load(path)
        self.reads[str(path)] = hashed
        return parsed

