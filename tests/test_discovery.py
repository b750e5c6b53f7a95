"""The scandir walk finds exactly what ``os.walk`` over pathlib paths found, in the same order."""

from __future__ import annotations

import fnmatch
import os
import random
from pathlib import Path
from typing import Iterable, Iterator

import pytest

from kerascheck.discovery import SKIPPED_DIRS, SOURCE_SUFFIXES, Unreadable, discover, discover_names


# ------------------------------------------------------------ the reference: the os.walk walk it replaced
def _reference_excluded(path: Path, patterns: Iterable[str]) -> bool:
    text = path.as_posix()
    return any(
        fnmatch.fnmatch(text, pattern) or fnmatch.fnmatch(path.name, pattern) or fnmatch.fnmatch(text, f"*/{pattern}")
        for pattern in patterns
    )


def reference_discover(paths: Iterable[str], exclude: Iterable[str] = ()) -> Iterator[Path | Unreadable]:
    exclude = tuple(exclude)
    seen: set[str] = set()
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from _reference_walk(path, exclude, seen)
        elif path.exists():
            key = os.path.realpath(path)
            if key not in seen:
                seen.add(key)
                yield path
        else:
            yield Unreadable(str(path), "no such file or directory")


def _reference_walk(root: Path, exclude: tuple[str, ...], seen: set[str]) -> Iterator[Path | Unreadable]:
    visited_dirs: set[str] = set()
    errors: list[Unreadable] = []

    def on_error(err: OSError) -> None:
        errors.append(Unreadable(str(err.filename or root), err.strerror or str(err)))

    for dirpath, dirnames, filenames in os.walk(root, onerror=on_error, followlinks=True):
        real = os.path.realpath(dirpath)
        if real in visited_dirs:
            dirnames[:] = []
            continue
        visited_dirs.add(real)
        current = Path(dirpath)
        dirnames[:] = sorted(
            d
            for d in dirnames
            if d not in SKIPPED_DIRS
            and not d.endswith(".egg-info")
            and not (current / d / "pyvenv.cfg").is_file()
            and not _reference_excluded(current / d, exclude)
        )
        yield from errors
        errors.clear()
        for name in sorted(filenames):
            if not name.endswith(SOURCE_SUFFIXES):
                continue
            path = current / name
            if _reference_excluded(path, exclude):
                continue
            key = os.path.realpath(path) if os.path.islink(path) else os.path.join(real, name)
            if key not in seen:
                seen.add(key)
                yield path
    yield from errors


# ------------------------------------------------------------------------------------------ trees
def build_tree(root: Path) -> None:
    """Every case the walk distinguishes: skipped, virtualenv and excluded folders, symlink loops,
    symlinked files and folders, broken links, other suffixes, unicode and spaced names."""
    for rel in [
        "a.py", "b.ipynb", "c.txt", "z.py", "É.py", "with space.py", "sub/m.py", "sub/deeper/n.py",
        "sub/deeper/skip_me.py", "build/x.py", ".git/x.py", "node_modules/x.py", "pkg.egg-info/x.py",
        "env/x.py", "env/pyvenv.cfg", "generated/x.py", "other/y.py", "other/gen_1.py", "Ab/q.py", "aa/q.py",
    ]:
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("import keras\n")
    (root / "sub" / "loop").symlink_to(root / "sub", target_is_directory=True)
    (root / "sub" / "up").symlink_to(root, target_is_directory=True)
    (root / "linked_dir").symlink_to(root / "other", target_is_directory=True)
    (root / "alias.py").symlink_to(root / "a.py")
    (root / "broken.py").symlink_to(root / "missing.py")
    (root / "dir.py").mkdir()
    (root / "dir.py" / "inside.py").write_text("")


PATTERN_SETS = [(), ("generated",), ("skip_me.py",), ("*/deeper/*",), ("gen_*", "Ab"), ("sub",), ("*.ipynb",)]


def names(items: Iterable[Path | Unreadable | str]) -> list[object]:
    return [item if isinstance(item, Unreadable) else str(item) for item in items]


@pytest.mark.parametrize("exclude", PATTERN_SETS)
def test_the_same_files_in_the_same_order_as_os_walk(tmp_path: Path, exclude: tuple[str, ...]) -> None:
    build_tree(tmp_path)
    for args in ([str(tmp_path)], [str(tmp_path) + "/"], [str(tmp_path / "sub"), str(tmp_path)],
                 [str(tmp_path / "a.py"), str(tmp_path / "alias.py"), str(tmp_path / "nope.py"), str(tmp_path)]):
        expected = names(reference_discover(args, exclude))
        assert names(discover(args, exclude)) == expected
        assert names(discover_names(args, exclude)) == expected
        assert all(type(p) is type(q) for p, q in zip(discover(args, exclude), reference_discover(args, exclude)))


def test_relative_paths_and_the_current_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    build_tree(tmp_path)
    monkeypatch.chdir(tmp_path)
    for args in (["."], ["./"], ["sub"], ["./sub/../other"], ["a.py", "."], [""]):
        assert names(discover(args, ("generated",))) == names(reference_discover(args, ("generated",)))


def test_random_trees(tmp_path: Path) -> None:
    rng = random.Random(7)
    for trial in range(15):
        root = tmp_path / f"t{trial}"
        folders = [root]
        root.mkdir()
        for i in range(40):
            parent = rng.choice(folders)
            kind = rng.random()
            name = rng.choice(["a", "B", "c_1", "venv", "build", "x.egg-info", "gen", "é", "d d"]) + str(i % 3)
            target = parent / name
            if kind >= 0.3 and kind < 0.8:
                target = target.with_suffix(rng.choice([".py", ".ipynb", ".txt"]))
            elif kind >= 0.9:
                target = parent / (name + ".py")
            if target.exists() or target.is_symlink():
                continue
            if kind < 0.3:
                target.mkdir()
                folders.append(target)
            elif kind < 0.8:
                target.write_text("")
            elif kind < 0.9:
                target.symlink_to(rng.choice(folders), target_is_directory=True)
            else:
                target.symlink_to(rng.choice(folders) / "missing.py")
        exclude = rng.choice(PATTERN_SETS)
        assert names(discover([str(root)], exclude)) == names(reference_discover([str(root)], exclude))


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads any folder")
def test_unreadable_folders_are_reported_where_os_walk_reported_them(tmp_path: Path) -> None:
    build_tree(tmp_path)
    closed = [tmp_path / "sub" / "deeper", tmp_path / "aa"]
    for folder in closed:
        folder.chmod(0)
    try:
        expected = names(reference_discover([str(tmp_path)]))
        got = names(discover([str(tmp_path)]))
    finally:
        for folder in closed:
            folder.chmod(0o755)
    assert got == expected
    assert sum(isinstance(item, Unreadable) for item in got) == 2


def test_folders_that_cannot_be_listed_are_reported_where_os_walk_reported_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As root every folder is readable: refuse to list some, for both walks, through os.scandir."""
    build_tree(tmp_path)
    closed = {str(tmp_path / "sub" / "deeper"), str(tmp_path / "aa"), str(tmp_path / "linked_dir")}
    real_scandir = os.scandir

    def scandir(path: str = ".") -> object:
        if os.fspath(path) in closed:
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    expected = names(reference_discover([str(tmp_path)]))
    assert names(discover([str(tmp_path)])) == expected
    assert sum(isinstance(item, Unreadable) for item in expected) == 3
