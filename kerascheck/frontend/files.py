"""Content hashes and module-file probes: what an analysis depended on, cheaply re-checked.

Kept apart from :mod:`kerascheck.frontend.modules` (which imports libcst) so that the
result cache can verify a stored result without importing the parser.
"""

from __future__ import annotations

import os
import re
from collections import deque
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kerascheck.hashing import digest

MAX_MODULE_BYTES = 512 * 1024  # as for the analysed file (kerascheck.analysis.MAX_SOURCE_BYTES)
TOO_LARGE = "too-large"  # the hash recorded for any module over MAX_MODULE_BYTES: it is never parsed


def file_digest(path: str | os.PathLike[str]) -> str | None:
    """The content hash the front-end records when it reads module ``path`` (None: unreadable)."""
    from kerascheck.safeio import FileTooLarge, read_regular

    try:
        return digest(read_regular(path, MAX_MODULE_BYTES)[0])
    except FileTooLarge:
        return TOO_LARGE
    except OSError:
        return None


def probe(path: Path) -> str | None:
    """Where a module file at ``path`` really is, or None when there is no readable file there."""
    if path.is_file() and os.access(path, os.R_OK):
        return str(path.resolve())
    return None


INSTALLED_PACKAGES = frozenset({"site-packages", "dist-packages"})


class ModulePaths:
    """Where the modules imported by one file live, if they are part of the project: the
    importing file's package (for relative imports), else the folders a script run from that
    file would search (its own folder and the folder above its top-level package)."""

    def __init__(self, importer: Path) -> None:
        self.importer = importer.resolve()
        # path -> probe() of every place a module file was looked for (the result cache checks them)
        self.probes: dict[str, str | None] = {}
        folder = self.importer.parent
        top = folder
        while self._probe(top / "__init__.py") is not None and top.parent != top:
            top = top.parent
        roots = [folder] if top == folder else [folder, top]
        # A file of an installed package: the folder above its top-level package holds every
        # other installed package, none of them the file's project (analysing Keras's own
        # files followed `import jax` into jax, jaxlib and numpy, 64 modules a file); the
        # standard library's folder likewise holds Python's modules, not a project's.
        self.roots = [root for root in roots if root.name not in INSTALLED_PACKAGES and str(root) not in _python_library()]

    def _probe(self, path: Path) -> str | None:
        found = probe(path)
        self.probes[str(path)] = found
        return found

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


# ``import a.b as c, d`` and ``from ..a import (b, c)``: enough of Python's import statements to
# find the project modules a file may run (a module that is also a name imported from a package).
_IMPORT = re.compile(rb"^[ \t]*import[ \t]+([\w.]+(?:[ \t]+as[ \t]+\w+)?(?:[ \t]*,[ \t]*[\w.]+(?:[ \t]+as[ \t]+\w+)?)*)",
                     re.MULTILINE)
_FROM = re.compile(rb"^[ \t]*from[ \t]+(\.*)[ \t]*([\w.]*)[ \t]+import[ \t]*\(?([\w \t,\\\r\n]*)", re.MULTILINE)
MAX_SCANNED_MODULES = 64  # as many as an analysis follows (kerascheck.frontend.imports)


def _python_library() -> frozenset[str]:
    """The folders of the running Python's standard library."""
    global _LIBRARY
    if _LIBRARY is None:
        import sysconfig

        paths = sysconfig.get_paths()
        _LIBRARY = frozenset(str(Path(paths[key]).resolve()) for key in ("stdlib", "platstdlib") if key in paths)
    return _LIBRARY


_LIBRARY: frozenset[str] | None = None
# Per module file, as its status was when read: its content hash, whether it mentions keras, and
# the source (for its imports). A long-running process (the language server) sees edits: the
# status changes with them.
_SCANNED: dict[str, tuple[tuple[int, int], str, bool, bytes]] = {}
_SCANNED_BYTES = 8 * 1024 * 1024  # the sources kept at most
_SCANNED_SIZE = 0


def has_imports(data: bytes) -> bool:
    return _IMPORT.search(data) is not None or _FROM.search(data) is not None


def imported_modules(data: bytes, paths: ModulePaths, importer: Path) -> list[Path]:
    """The project's module files that ``data`` (the source of ``importer``) imports."""
    found: list[Path | None] = []
    for match in _IMPORT.finditer(data):
        for item in match.group(1).split(b","):
            found.append(paths.find(item.split()[0].decode("ascii", "replace"), 0, importer))
    for match in _FROM.finditer(data):
        level, dotted = len(match.group(1)), match.group(2).decode("ascii", "replace")
        found.append(paths.find(dotted, level, importer) if dotted or level else None)
        for name in re.split(rb"[\s,()\\]+", match.group(3)):
            if name and name != b"as" and re.fullmatch(rb"\w+", name):  # a submodule imported by name
                found.append(paths.find(f"{dotted}.{name.decode('ascii', 'replace')}".lstrip("."), level, importer))
    return [path for path in found if path is not None]


@dataclass
class ImportScan:
    """What following a file's imports found, and what that depended on (for the result cache)."""

    reaches_keras: bool
    reads: dict[str, str | None]  # module path -> content hash of every module read
    probes: dict[str, str | None]  # candidate path -> probe()


def scan_imports(data: bytes, importer: Path) -> ImportScan:
    """Whether a file that never mentions keras imports, directly or through others, a module of
    its project that does (``from model import build_model``): running it may build a model."""
    paths = ModulePaths(importer)
    reads: dict[str, str | None] = {}
    seen = {paths.importer}
    queue = deque([(paths.importer, data)])
    while queue:
        module, source = queue.popleft()
        for path in imported_modules(source, paths, module):
            if path in seen or len(seen) > MAX_SCANNED_MODULES:
                continue
            seen.add(path)
            scanned = _scan_module(path)
            reads[str(path)] = scanned[0]
            if scanned[1]:
                return ImportScan(True, reads, paths.probes)
            if scanned[2]:
                queue.append((path, scanned[2]))
    return ImportScan(False, reads, paths.probes)


def _scan_module(path: Path) -> tuple[str | None, bool, bytes]:
    """A module file's content hash (as the analysis records it), whether it mentions keras, and
    its source when it does not (for its imports); read once while its status holds."""
    from kerascheck.safeio import FileTooLarge, read_regular

    try:
        stat = os.stat(path)
    except OSError:
        return None, False, b""
    key = (stat.st_size, stat.st_mtime_ns)
    known = _SCANNED.get(str(path))
    if known is not None and known[0] == key:
        return known[1], known[2], known[3]
    try:
        data = read_regular(path, MAX_MODULE_BYTES)[0]
    except FileTooLarge:  # never parsed by the analysis either
        return TOO_LARGE, False, b""
    except OSError:
        return None, False, b""
    global _SCANNED_SIZE
    hashed, mentions = digest(data), b"keras" in data
    source = b"" if mentions else data
    if _SCANNED_SIZE + len(source) > _SCANNED_BYTES:
        _SCANNED.clear()
        _SCANNED_SIZE = 0
    _SCANNED[str(path)] = (key, hashed, mentions, source)
    _SCANNED_SIZE += len(source)
    return hashed, mentions, source


_DIGESTS: dict[str, tuple[tuple[int, int], str | None]] = {}


def dependencies_unchanged(
    reads: dict[str, Any], probes: dict[str, Any], probed: dict[str, str | None] | None = None
) -> bool:
    """Whether the modules an analysis read still hash as they did, and every place it looked
    for a module still holds what it held (:func:`probe`; ``probed`` remembers answers for a run)."""
    probed = {} if probed is None else probed
    for candidate, found in probes.items():
        if candidate not in probed:
            probed[candidate] = probe(Path(candidate))
        if probed[candidate] != found:
            return False
    for module, content in reads.items():
        try:
            stat = os.stat(module)
            stamp = (stat.st_size, stat.st_mtime_ns)
        except OSError:
            stamp = (-1, -1)
        known = _DIGESTS.get(module)
        if known is None or known[0] != stamp:
            known = (stamp, file_digest(module))
            _DIGESTS[module] = known
        if known[1] != content:
            return False
    return True
