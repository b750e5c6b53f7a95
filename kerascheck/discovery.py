"""Which files to analyse: walk folders for ``*.py`` and ``*.ipynb``, skipping what is never source.

The walk works on strings and :func:`os.scandir` entries (a file's type comes with its
folder's listing): a thousand-file tree is walked in a few milliseconds, which a warm
run, all of whose results come from the cache, would otherwise spend here.
"""

from __future__ import annotations

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


def is_virtualenv(directory: Path | str) -> bool:
    return os.path.isfile(os.path.join(directory, "pyvenv.cfg"))


def excluded(path: Path, patterns: Iterable[str]) -> bool:
    return _excluded(path.as_posix(), path.name, tuple(patterns))


def _excluded(text: str, name: str, patterns: tuple[str, ...]) -> bool:
    """``text``: the path with forward slashes (``Path.as_posix``); ``name``: its last part."""
    if not patterns:
        return False
    import fnmatch

    return any(
        fnmatch.fnmatch(text, pattern) or fnmatch.fnmatch(name, pattern) or fnmatch.fnmatch(text, f"*/{pattern}")
        for pattern in patterns
    )


def discover(paths: Iterable[str], exclude: Iterable[str] = ()) -> Iterator[Path | Unreadable]:
    """Files to analyse, in a stable order; explicit files are always included."""
    for item in discover_names(paths, exclude):
        yield Path(item) if isinstance(item, str) else item


def discover_names(paths: Iterable[str], exclude: Iterable[str] = ()) -> Iterator[str | Unreadable]:
    """:func:`discover`'s files as strings, each exactly ``str()`` of the path it yields."""
    exclude = tuple(exclude)
    seen: set[str] = set()
    for raw in paths:
        given = Path(raw)
        path = str(given)  # normalised: "./a/" is "a"
        if given.is_dir():
            yield from _walk(path, exclude, seen)
        elif given.exists():
            key = os.path.realpath(path)
            if key not in seen:
                seen.add(key)
                yield path
        else:
            yield Unreadable(path, "no such file or directory")


_POSIX = os.sep == "/" and os.altsep is None


def _join(folder: str, name: str) -> str:
    """``str(Path(folder) / name)`` for a normalised ``folder`` and a plain ``name``."""
    if folder == ".":
        return name
    return os.path.join(folder, name)


def _listing(folder: str, errors: list[Unreadable]) -> tuple[list[str], list[str], set[str]] | None:
    """A folder's sub-folders, other entries and symlinks, as :func:`os.walk` sorts them; None if unreadable."""
    dirs: list[str] = []
    others: list[str] = []
    links: set[str] = set()
    try:
        entries = os.scandir(folder)
    except OSError as err:
        errors.append(Unreadable(str(err.filename or folder), err.strerror or str(err)))
        return None
    with entries:
        while True:
            try:
                entry = next(entries)
            except StopIteration:
                break
            except OSError as err:
                errors.append(Unreadable(str(err.filename or folder), err.strerror or str(err)))
                return None
            try:
                is_dir = entry.is_dir()  # follows symlinks, like os.walk(followlinks=True)
            except OSError:
                is_dir = False
            if is_dir:
                dirs.append(entry.name)
            else:
                others.append(entry.name)
                try:
                    if entry.is_symlink():
                        links.add(entry.name)
                except OSError:
                    pass
    return dirs, others, links


def _walk(root: str, exclude: tuple[str, ...], seen: set[str]) -> Iterator[str | Unreadable]:
    """Folders depth first, each folder's files sorted, then its sub-folders sorted.

    The same order, errors and pruning as ``os.walk(root, followlinks=True)``: a folder
    reached again through a symlink is not walked twice; an unreadable folder is reported
    just before the files of the next folder walked (or at the end).
    """
    visited_dirs: set[str] = set()
    errors: list[Unreadable] = []
    stack = [root]
    while stack:
        current = stack.pop()
        listing = _listing(current, errors)
        if listing is None:
            continue
        dirnames, filenames, links = listing
        real = os.path.realpath(current)
        if real in visited_dirs:  # a symlink loop
            continue
        visited_dirs.add(real)
        subfolders = []
        for d in sorted(dirnames):
            if d in SKIPPED_DIRS or d.endswith(".egg-info"):
                continue
            child = _join(current, d)
            if is_virtualenv(child) or _excluded(_posix(child), d, exclude):
                continue
            subfolders.append(child)
        stack.extend(reversed(subfolders))
        yield from errors
        errors.clear()
        for name in sorted(filenames):
            if not name.endswith(SOURCE_SUFFIXES):
                continue
            path = _join(current, name)
            if exclude and _excluded(_posix(path), name, exclude):
                continue
            # The folder's real path is known: only a symlinked file needs resolving on its own.
            key = os.path.realpath(path) if name in links else os.path.join(real, name)
            if key not in seen:
                seen.add(key)
                yield path
    yield from errors


def _posix(path: str) -> str:
    """``Path(path).as_posix()`` of a path already normalised by Path."""
    return path if _POSIX else path.replace(os.sep, "/")
