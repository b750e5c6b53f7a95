"""Which files to analyse: walk folders for ``*.py`` and ``*.ipynb``, skipping what is never source."""

from __future__ import annotations

import fnmatch
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

SKIPPED_DIRS = frozenset(
    {
        ".git", ".hg", ".svn", ".venv", "venv", ".tox", ".nox", "__pycache__", "build", "dist",
        "node_modules", ".mypy_cache", ".pytest_cache", ".ruff_cache", ".eggs", "site-packages",
        ".kerascheck_cache", ".ipynb_checkpoints",
    }
)


SOURCE_SUFFIXES = (".py", ".ipynb")


@dataclass(frozen=True)
class Unreadable:
    """A path given or found that cannot be walked or read."""

    path: str
    reason: str


def is_virtualenv(directory: Path) -> bool:
    return (directory / "pyvenv.cfg").is_file()


def excluded(path: Path, patterns: Iterable[str]) -> bool:
    text = path.as_posix()
    return any(
        fnmatch.fnmatch(text, pattern) or fnmatch.fnmatch(path.name, pattern) or fnmatch.fnmatch(text, f"*/{pattern}")
        for pattern in patterns
    )


def discover(paths: Iterable[str], exclude: Iterable[str] = ()) -> Iterator[Path | Unreadable]:
    """Files to analyse, in a stable order; explicit files are always included."""
    exclude = tuple(exclude)
    seen: set[str] = set()
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from _walk(path, exclude, seen)
        elif path.exists():
            key = os.path.realpath(path)
            if key not in seen:
                seen.add(key)
                yield path
        else:
            yield Unreadable(str(path), "no such file or directory")


def _walk(root: Path, exclude: tuple[str, ...], seen: set[str]) -> Iterator[Path | Unreadable]:
    visited_dirs: set[str] = set()

    def on_error(err: OSError) -> None:
        errors.append(Unreadable(str(err.filename or root), err.strerror or str(err)))

    errors: list[Unreadable] = []
    for dirpath, dirnames, filenames in os.walk(root, onerror=on_error, followlinks=True):
        real = os.path.realpath(dirpath)
        if real in visited_dirs:  # a symlink loop
            dirnames[:] = []
            continue
        visited_dirs.add(real)
        current = Path(dirpath)
        dirnames[:] = sorted(
            d
            for d in dirnames
            if d not in SKIPPED_DIRS
            and not d.endswith(".egg-info")
            and not is_virtualenv(current / d)
            and not excluded(current / d, exclude)
        )
        yield from errors
        errors.clear()
        for name in sorted(filenames):
            if not name.endswith(SOURCE_SUFFIXES):
                continue
            path = current / name
            if excluded(path, exclude):
                continue
            # The folder's real path is known: only a symlinked file needs resolving on its own.
            key = os.path.realpath(path) if os.path.islink(path) else os.path.join(real, name)
            if key not in seen:
                seen.add(key)
                yield path
    yield from errors
