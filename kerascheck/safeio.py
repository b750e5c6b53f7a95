"""Reading and writing in a tree kerascheck did not make.

A cloned repository may hold anything where a source file, a configuration or a cache
entry is expected: a FIFO (opening it for reading waits for a writer forever), a device
(``/dev/zero`` never ends), a symlink to either, or a symlink out of the tree to a file
that must not be overwritten (``~/.bashrc``).  So:

- :func:`read_regular` reads only regular files, refuses anything else by its kind before
  reading a byte, and never reads more than a bound it checks first;
- :func:`write_atomic` writes a temporary file beside the target and renames it over the
  target: a reader (another run, an editor) sees the old content or the new, never half
  of it; a full disk leaves the old file as it was; a symlink at the target is replaced,
  never followed;
- :func:`inside` says whether a path, all symlinks resolved, stays within a folder.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


class NotRegularFile(OSError):
    """The path names something other than a regular file; ``kind`` says what."""

    def __init__(self, path: str, kind: str) -> None:
        super().__init__(f"{path} is {kind}, not a regular file")
        self.kind = kind
        self.strerror = f"it is {kind}, not a regular file; it was not read"


class FileTooLarge(OSError):
    """The regular file holds more bytes than the reader's bound."""

    def __init__(self, path: str, size: int, limit: int) -> None:
        super().__init__(f"{path} is too large ({size:,} bytes; the limit is {limit:,})")
        self.size = size
        self.limit = limit
        self.strerror = f"file is too large to read ({size:,} bytes; the limit is {limit:,})"


def kind_of(mode: int) -> str | None:
    """What a file of this ``st_mode`` is when it is not a regular file (None when it is)."""
    if stat.S_ISREG(mode):
        return None
    for test, kind in _KINDS:
        if test(mode):
            return kind
    return "not a regular file"


def read_regular(path: str | os.PathLike[str], limit: int, follow: bool = True) -> tuple[bytes, os.stat_result]:
    """The content of the regular file at ``path`` (at most ``limit`` bytes) and its status,
    taken before it was read.

    Raises :class:`NotRegularFile` for anything else (checked on the opened file, so no
    FIFO or device is read, and no symlink is followed when ``follow`` is false),
    :class:`FileTooLarge` past ``limit``, and ``OSError`` for what cannot be opened.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
    if not follow:
        flags |= getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(path, flags)
    try:
        status = os.fstat(fd)
        kind = kind_of(status.st_mode)
        if kind is not None:
            raise NotRegularFile(os.fspath(path), kind)
        if status.st_size > limit:
            raise FileTooLarge(os.fspath(path), status.st_size, limit)
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        chunks = []
        left = limit + 1  # one byte more tells a file that grew past the limit meanwhile
        while left > 0:
            chunk = os.read(fd, min(left, max(status.st_size + 1, 65536)))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        data = b"".join(chunks)
        if len(data) > limit:
            raise FileTooLarge(os.fspath(path), len(data), limit)
        return data, status
    finally:
        os.close(fd)


def write_atomic(target: str | os.PathLike[str], data: bytes, mode: int | None = None, sync: bool = False) -> None:
    """Replace ``target`` with ``data``: a temporary file in the same folder, renamed over it.

    ``mode``: the new file's permission bits (default: the process's default for new
    files). ``sync``: flush the data to the disk before the rename (a source file: a crash
    must not leave it empty). Raises ``OSError``; the target is then unchanged and the
    temporary file removed.
    """
    target = os.fspath(target)
    folder, name = os.path.split(target)
    temporary = os.path.join(folder, f".{name}.{os.getpid()}.{os.urandom(4).hex()}.tmp")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0), 0o666)
    try:
        try:
            if mode is not None:
                os.fchmod(fd, mode) if hasattr(os, "fchmod") else os.chmod(temporary, mode)
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view):]
            if sync:
                os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(temporary, target)
    except BaseException:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        raise


def inside(path: str | os.PathLike[str], folder: str | os.PathLike[str]) -> bool:
    """Whether ``path``, every symlink resolved, is ``folder`` or lies within it."""
    real = Path(os.path.realpath(path))
    base = Path(os.path.realpath(folder))
    return real == base or base in real.parents
