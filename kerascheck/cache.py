"""The result cache: ``.kerascheck_cache/``, keyed on content hashes.

One JSON entry per analysed file (and per tool version, Python version,
analysis settings and invocation path), replaced whenever the file is analysed
again.  An entry is used only when everything it records still holds: the same
kerascheck version and entry format, the same Python (its parser decides syntax
errors) and the same installed kerascheck sources (their sizes and modification
times: a development checkout edited in place is a new version), the same
:meth:`Settings.analysis_key`, the same content hash of the
file, of every project module its analysis read, and the same answer to every
"is there a module file here?" question the analysis asked.  Anything else — a
missing, stale, foreign or corrupt entry — is a miss, never an error.

Entries are plain JSON (never pickle: a cache directory checked into a
repository must not be able to run code), written to a temporary file and moved
into place with :func:`os.replace`, so parallel workers and concurrent runs
never see half an entry.  Selection and ``# noqa`` are applied after the cache
(:func:`kerascheck.analysis.finish`), so they are not part of the key.

Files that never mention keras are not cached: reading them and scanning for
``keras`` is all they cost, less than a cache look-up would.

A re-run need not even read a file it has seen (:class:`FileIndex`, as git's index
does): ``index/files.json`` records, per absolute path, the file's status (device, inode,
size, modification and change times, nanoseconds) and what its content was found to
be: its content hash, or that it never mentions keras.  When a file's status is
unchanged, so is its content; its result entry is then looked up (and still checked
against everything above) without reading it.  Writing a file changes its change time
to the current time, which nothing can set back; a file is recorded only once its
times are two seconds older than the run, so that a write in the same timestamp tick
as the read (coarse clocks, file systems with 2-second times) cannot go unnoticed.
"""

from __future__ import annotations

import json
import os
import sys
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kerascheck import __version__
from kerascheck.results import CallSite, Diagnostic, FileResult, Fix, LayerRow, ModelSummary, Span
from kerascheck.safeio import read_regular, write_atomic

if TYPE_CHECKING:
    from kerascheck.analysis import Analysis
    from kerascheck.config import Settings

FORMAT = 5
MAX_ENTRY_BYTES = 16 * 1024 * 1024  # an entry is read only up to this size (a file's result: kilobytes)
MAX_INDEX_BYTES = 256 * 1024 * 1024  # index/files.json: MAX_INDEXED files of about 200 bytes
CACHEDIR_TAG = (
    "Signature: 8a477f597d28d172789f06886806bc55\n"
    "# This file is a cache directory tag created by kerascheck.\n"
    "# For information about cache directory tags, see:\n"
    "#\thttps://bford.info/cachedir/\n"
)
PYTHON = f"{sys.implementation.name}-{sys.version_info[0]}.{sys.version_info[1]}"


@dataclass(frozen=True)
class Cache:
    folder: Path  # the cache directory's folder for this kerascheck version
    key: str  # everything but the file that decides an analysis's result
    scope: str  # the part of the key that names entries (an edited kerascheck replaces them)
    writable: bool = True
    summaries: bool = True  # False: results come back without their summaries (a run that prints none)
    # This run's answers to "is there a module file here?": many files ask the same (an
    # __init__.py beside them), and one run checks each once.
    probed: dict[str, str | None] = field(default_factory=dict, compare=False, repr=False)
    files: "FileIndex | None" = field(default=None, compare=False, repr=False)

    def entry(self, path: str) -> Path:
        return Path(self._entry(path))

    def _entry(self, path: str) -> str:
        from kerascheck.hashing import digest

        absolute = os.path.abspath(path)
        name = digest(f"{self.scope}\0{absolute}\0{path}".encode("utf-8", "surrogateescape"))
        return os.path.join(self.folder, f"{name}.json")

    def get(self, path: str, content: str) -> FileResult | None:
        """The stored result of ``path`` (displayed as given) with content hash ``content``, if valid."""
        try:
            # A regular file only, not through a symlink: a cache folder that came with a clone
            # may hold a FIFO or a link to /dev/zero where an entry is expected.
            document = json.loads(read_regular(self._entry(path), MAX_ENTRY_BYTES, follow=False)[0])
            if not isinstance(document, dict) or document.get("format") != FORMAT:
                return None
            if (document.get("version"), document.get("key"), document.get("path")) != (__version__, self.key, path):
                return None
            if document.get("content") != content or not _dependencies_unchanged(document, self.probed):
                return None
            return decode(document["result"], path, self.summaries)
        except Exception:  # noqa: BLE001  (unreadable, corrupt or foreign: a miss)
            return None

    def put(self, path: str, content: str, analysis: "Analysis") -> None:
        """Store ``analysis`` of ``path``; a failure to write only costs the next run the analysis."""
        if not self.writable:
            return
        try:
            document = {
                "format": FORMAT,
                "version": __version__,
                "key": self.key,
                "path": path,
                "content": content,
                "reads": analysis.reads,
                "probes": analysis.probes,
                "result": encode(analysis.result, path),
            }
            data = json.dumps(document, separators=(",", ":")).encode("ascii")
        except (TypeError, ValueError):  # a value the format does not know: not cached
            return
        _write_atomic(self.entry(path), data)


# What a FileIndex records of a file that never mentions keras (else: its content hash).
NO_KERAS = ""
# A file is recorded only when it was last written this long before the run began (ns).
SETTLED = 2_000_000_000
# Beyond this many entries, the index keeps only the files of the run that writes it.
MAX_INDEXED = 200_000


class FileIndex:
    """``index/files.json``: what each file's content was, by its status (see the module's documentation).

    Read when the cache is opened, written back by :meth:`save` when a run learned
    something new. Entries of files a run did not see are kept (another run's paths).
    Never pickled along with the cache: a worker process only reads files.
    """

    def __init__(self, path: str) -> None:
        import time

        self.path = path
        self.settled = time.time_ns() - SETTLED
        self.entries: dict[str, list[Any]] = {}
        self.seen: dict[str, list[Any]] = {}  # this run's records
        try:
            document = json.loads(read_regular(path, MAX_INDEX_BYTES, follow=False)[0])
            if isinstance(document, dict) and document.get("format") == FORMAT and isinstance(document.get("files"), dict):
                self.entries = document["files"]
        except Exception:  # noqa: BLE001  (missing, unreadable or corrupt: an empty index)
            self.entries = {}

    def __reduce__(self) -> tuple[Any, ...]:
        return (_no_index, ())

    def content_of(self, path: str) -> str | None:
        """The recorded content hash of ``path`` (or :data:`NO_KERAS`), if its status is unchanged."""
        entry = self.entries.get(os.path.abspath(path))
        if type(entry) is not list or len(entry) != 6:
            return None
        try:
            stat = os.stat(path)
        except OSError:
            return None
        if entry[:5] != [stat.st_dev, stat.st_ino, stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns]:
            return None
        content = entry[5]
        return content if type(content) is str else None

    def record(self, path: str, stat: os.stat_result, content: str) -> None:
        """``path``, with status ``stat`` (taken before its content was read), holds ``content``."""
        if stat.st_mtime_ns >= self.settled or stat.st_ctime_ns >= self.settled:
            return  # written too recently for its times to tell a later write apart
        absolute = os.path.abspath(path)
        entry = [stat.st_dev, stat.st_ino, stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, content]
        self.seen[absolute] = entry

    def save(self) -> None:
        """Write the index back if this run recorded anything it did not hold."""
        if all(self.entries.get(path) == entry for path, entry in self.seen.items()):
            return
        entries = self.entries if len(self.entries) + len(self.seen) <= MAX_INDEXED else {}
        entries.update(self.seen)
        try:
            data = json.dumps({"format": FORMAT, "files": entries}, separators=(",", ":")).encode("ascii")
            folder = os.path.dirname(self.path)
            os.makedirs(folder, exist_ok=True)
            if os.path.islink(folder):  # made a link meanwhile: never written through
                return
        except (TypeError, ValueError, OSError):
            return
        _write_atomic(Path(self.path), data)


def _no_index() -> None:
    return None


def open_cache(settings: "Settings", summaries: bool = True) -> tuple[Cache | None, str | None]:
    """The cache for ``settings`` (None when its folder must not be used), and a warning when
    it is not used or cannot be written (reads still work then).

    ``summaries=False`` is for a run that prints no summaries: it does not decode them.
    """
    root = settings.cache_folder()
    refusal = _unsafe_folder(root, settings.root)
    if refusal is None and _foreign(root):
        refusal = "it is a folder kerascheck did not make (it holds no CACHEDIR.TAG of kerascheck's)"
    if refusal is not None:
        return None, f"not using the cache folder {root}: {refusal}; continuing without a cache"
    scope = f"{PYTHON}\0{settings.analysis_key()}"
    key = f"{FORMAT}\0{__version__}\0{_tool_fingerprint()}\0{scope}"
    cache = Cache(root / __version__, key, scope, summaries=summaries)
    try:
        ours = not os.path.lexists(root) or not _foreign(root)  # made now, empty, or tagged before
        cache.folder.mkdir(parents=True, exist_ok=True)
        refusal = _unsafe_folder(cache.folder, settings.root) or _unsafe_folder(cache.folder / "index", settings.root)
        if refusal is not None:
            return None, f"not using the cache folder {root}: {refusal}; continuing without a cache"
        # The tag (backup tools skip the folder) and the .gitignore go only in a folder that
        # is kerascheck's: made now (or found empty), or tagged by it before.
        if ours:
            for name, text in (("CACHEDIR.TAG", CACHEDIR_TAG), (".gitignore", "# Created by kerascheck.\n*\n")):
                if not os.path.lexists(root / name):
                    _write_atomic(root / name, text.encode(), strict=True)
    except OSError as err:
        reason = err.strerror or str(err)
        return replace(cache, writable=False), f"cannot write the cache in {root}: {reason}; continuing without it"
    return replace(cache, files=FileIndex(os.path.join(cache.folder, "index", "files.json"))), None


def _unsafe_folder(folder: Path, project: Path) -> str | None:
    """Why the cache must not be written in ``folder`` (None: it may).

    Only inside the project, never in the project's own folder or above it, and never
    through a symlink: a cache folder committed to a repository survives a clone, and its
    links could point anywhere.
    """
    absolute, base = os.path.abspath(folder), os.path.abspath(project)
    relative = os.path.relpath(absolute, base)
    if relative == os.curdir:
        return "it is the project's own folder"
    if relative == os.pardir or relative.startswith(os.pardir + os.sep) or os.path.isabs(relative):
        return f"it is outside the project ({base})"
    if os.path.realpath(absolute) != os.path.join(os.path.realpath(base), relative):
        return "it is, or is reached through, a symlink"
    return None


def _foreign(folder: Path) -> bool:
    """An existing folder with something in it, but not kerascheck's tag (``src``, ``~``)."""
    try:
        with os.scandir(folder) as listing:
            empty = next(listing, None) is None
    except OSError:  # missing (it will be made), or not a folder (making it fails)
        return False
    return not empty and not _tagged(folder)


def _tagged(folder: Path) -> bool:
    """Whether ``folder`` holds the CACHEDIR.TAG kerascheck writes."""
    try:
        return read_regular(folder / "CACHEDIR.TAG", 4096, follow=False)[0].decode("utf-8", "replace") == CACHEDIR_TAG
    except OSError:
        return False


def _tool_fingerprint() -> str:
    """A hash of the size and modification time of every file of the kerascheck package, and
    of the installed libcst's."""
    from kerascheck.hashing import digest

    package = os.path.dirname(os.path.abspath(__file__))
    stamps = []

    def visit(folder: str, relative: str) -> None:  # os.walk's top-down order, both lists sorted
        with os.scandir(folder) as listing:
            entries = sorted(listing, key=lambda e: e.name)
        subfolders = []
        for entry in entries:
            if entry.is_dir():
                if entry.name != "__pycache__":
                    subfolders.append(entry)
            elif entry.name.endswith((".py", ".json", ".json.gz")):
                stat = entry.stat()
                stamps.append(f"{relative}{entry.name}:{stat.st_size}:{stat.st_mtime_ns}")
        for entry in subfolders:
            visit(entry.path, f"{relative}{entry.name}{os.sep}")

    visit(package, "")
    # The parser too: another libcst may parse (or reject) a file differently. Its package's
    # __init__.py is rewritten by any install, so its stamp changes with the version.
    from importlib.util import find_spec

    try:
        spec = find_spec("libcst")
        origin = spec.origin if spec is not None else None
        if origin:
            stat = os.stat(origin)
            stamps.append(f"libcst {origin}:{stat.st_size}:{stat.st_mtime_ns}")
    except (ImportError, ValueError, OSError):
        stamps.append("libcst ?")
    return digest("\n".join(stamps).encode("utf-8", "surrogateescape"))


def _write_atomic(target: Path, data: bytes, strict: bool = False) -> None:
    """A temporary file renamed over ``target`` (a symlink there is replaced, never followed)."""
    try:
        write_atomic(target, data)
    except OSError:
        if strict:
            raise


def _dependencies_unchanged(document: dict[str, Any], probed: dict[str, str | None]) -> bool:
    if not document["reads"] and not document["probes"]:
        return True
    from kerascheck.frontend.files import dependencies_unchanged

    return dependencies_unchanged(document["reads"], document["probes"], probed)


# ---------------------------------------------------------------- results <-> plain JSON
# Tuples are JSON lists; everything else is tagged: {"?": 0} UNKNOWN, {"p": [head, tail]} a
# shape of unknown rank, {"l": [...]} a list,
# {"s": [...]} a Span, {"r": [...]} a LayerRow (fields in order). Paths are not stored: a
# result belongs to the one path its entry is keyed on.

_ROW_FIELDS = tuple(f.name for f in fields(LayerRow))
_FIX_FIELDS = tuple(f.name for f in fields(Fix))
_CALL_FIELDS = tuple(f.name for f in fields(CallSite))
_SUMMARY_FIELDS = tuple(f.name for f in fields(ModelSummary) if f.name != "path")
_SCALARS = frozenset({str, int, float, bool, type(None)})


def encode(result: FileResult, path: str) -> dict[str, Any]:
    if result.path != path:
        raise ValueError("a result of another path")
    summaries = []
    for summary in result.summaries:
        if summary.path != path:
            raise ValueError("a summary of another path")
        summaries.append([_encode(getattr(summary, name)) for name in _SUMMARY_FIELDS])
    diagnostics = []
    for d in result.diagnostics:
        if d.path != path:
            raise ValueError("a diagnostic of another path")
        diagnostics.append([_encode(d.span), d.code, d.severity, d.message, _encode(d.fix)])
    # The summaries as a JSON text of their own: a run that prints none does not parse them.
    text = json.dumps(summaries, separators=(",", ":"))
    return {"summaries": text, "diagnostics": diagnostics, "skipped": result.skipped, "notes": list(result.notes)}


def decode(document: dict[str, Any], path: str, summaries: bool = True) -> FileResult:
    if not isinstance(document["summaries"], str):
        raise ValueError("not a result")
    models = tuple(
        ModelSummary(path, **{name: _decode(value) for name, value in zip(_SUMMARY_FIELDS, item, strict=True)})
        for item in (json.loads(document["summaries"]) if summaries else ())
    )
    diagnostics = tuple(
        Diagnostic(path, _decode(span), code, severity, message, _decode(fix))
        for span, code, severity, message, fix in document["diagnostics"]
    )
    notes = tuple(document["notes"])
    if not all(isinstance(n, str) for n in notes) or not isinstance(document["skipped"], bool):
        raise ValueError("not a result")
    return FileResult(path, models, diagnostics, document["skipped"], notes)


def _encode(value: Any) -> Any:
    kind = type(value)
    if kind in _SCALARS:
        return value
    if kind is tuple:
        return [_encode(v) for v in value]
    if kind is list:
        return {"l": [_encode(v) for v in value]}
    if kind is Span:
        cell = [] if value.cell is None else [value.cell]
        return {"s": [value.line, value.column, value.end_line, value.end_column, *cell]}
    if kind is Fix:
        return {"f": [_encode(getattr(value, name)) for name in _FIX_FIELDS]}
    if kind is CallSite:
        return {"c": [_encode(getattr(value, name)) for name in _CALL_FIELDS]}
    if kind is ModelSummary:
        return {"m": [value.path, *(_encode(getattr(value, name)) for name in _SUMMARY_FIELDS)]}
    if kind is LayerRow:
        return {"r": [_encode(getattr(value, name)) for name in _ROW_FIELDS]}
    from kerascheck.engine.dims import UNKNOWN, PartialShape

    if value is UNKNOWN:
        return {"?": 0}
    if kind is PartialShape:
        return {"p": [_encode(value.head), _encode(value.tail)]}
    raise TypeError(f"cannot cache a {kind.__name__}")


def _decode(value: Any) -> Any:
    kind = type(value)
    if kind is list:
        if all(type(v) in _SCALARS for v in value):  # a shape, or names: most lists
            return tuple(value)
        return tuple([_decode(v) for v in value])
    if kind is dict:
        ((tag, payload),) = value.items()
        if tag == "l":
            return [_decode(v) for v in payload]
        if tag == "s":
            if len(payload) not in (4, 5) or not all(type(v) is int for v in payload):
                raise ValueError("not a span")
            return Span(*payload)
        if tag == "c":
            if len(payload) != len(_CALL_FIELDS):
                raise ValueError("not a call site")
            return CallSite(*[_decode(v) for v in payload])
        if tag == "f":
            if len(payload) != len(_FIX_FIELDS):
                raise ValueError("not a fix")
            return Fix(*[_decode(v) for v in payload])
        if tag == "m":
            if len(payload) != len(_SUMMARY_FIELDS) + 1 or type(payload[0]) is not str:
                raise ValueError("not a summary")
            return ModelSummary(payload[0], *[_decode(v) for v in payload[1:]])
        if tag == "r":
            if len(payload) != len(_ROW_FIELDS):
                raise ValueError("not a summary row")
            return LayerRow(*[_decode(v) for v in payload])
        if tag == "?":
            from kerascheck.engine.dims import UNKNOWN

            return UNKNOWN
        if tag == "p":
            from kerascheck.engine.dims import partial_shape

            head, tail = (_decode(part) for part in payload)
            if type(head) is not tuple or type(tail) is not tuple or not (head or tail):
                raise ValueError("not a shape")
            return partial_shape(head, tail)
        raise ValueError(f"unknown tag {tag!r}")
    if kind in _SCALARS:
        return value
    raise ValueError("not a result value")
