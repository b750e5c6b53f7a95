"""One file in, one :class:`~kerascheck.results.FileResult` out.

read → cheap ``keras`` scan → (result cache) → libcst parse → abstract
interpretation (engine session) → summaries and diagnostics → selection and
``# noqa``.  Anything wrong with the input itself (undecodable bytes, a syntax
error, nesting too deep to parse) becomes a diagnostic of its own; this module
never raises for bad input.

The analysis proper (:func:`analyse_raw`) depends only on the file's content, the
project modules it follows (which it reports) and :meth:`Settings.analysis_key`;
that is what the result cache stores.  Selection and suppression comments are
applied afterwards (:func:`finish`), so a cached result serves every selection.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from kerascheck.config import Settings
from kerascheck.results import Diagnostic, FileResult, ModelSummary, Span

if TYPE_CHECKING:
    from kerascheck.cache import Cache
    from kerascheck.frontend.incremental import Document

MAX_FILE_BYTES = 64 * 1024 * 1024  # not even read beyond this (a notebook's outputs count here)
# Python source kerascheck analyses at most: libcst parses about 0.1 MB/s, so 1 MiB keeps the
# worst file around ten seconds; real model files are a few kilobytes.
MAX_SOURCE_BYTES = 1024 * 1024


def too_large(path: str, size: int) -> FileResult:
    return _file_error(
        path, "KC003", f"file is too large to analyse ({size:,} bytes of Python; the limit is {MAX_SOURCE_BYTES:,})"
    )


def mentions_keras(source: bytes) -> bool:
    """Files that never mention keras cannot build a Keras model."""
    return b"keras" in source


@dataclass
class Analysis:
    """A file's result before selection and ``# noqa``, with what it depended on."""

    result: FileResult
    reads: dict[str, str | None] = field(default_factory=dict)  # module path -> content hash
    probes: dict[str, str | None] = field(default_factory=dict)  # candidate path -> probe()
    cacheable: bool = True  # False for internal errors: a bug must not be remembered


@dataclass
class Pending:
    """A file that mentions keras and was not found in the cache: it still has to be analysed."""

    path: str
    source: str
    digest: str | None
    settings: Settings
    cache: "Cache | None"

    def run(self) -> FileResult:
        analysis = analyse_raw(self.source, self.path, self.settings)
        if self.cache is not None and self.digest is not None and analysis.cacheable:
            self.cache.put(self.path, self.digest, analysis)
        return finish(analysis.result, self.settings, self.source)


def analyse_path(
    path: str | os.PathLike[str], settings: Settings | None = None, cache: "Cache | None" = None
) -> FileResult:
    prepared = prepare(path, settings, cache)
    return prepared.run() if isinstance(prepared, Pending) else prepared


def prepare(
    path: str | os.PathLike[str], settings: Settings | None = None, cache: "Cache | None" = None
) -> FileResult | Pending:
    """Everything up to the analysis proper: read, scan, decode, and the cache look-up."""
    display = str(path)
    files = cache.files if cache is not None else None
    indexed: FileResult | None = None  # the cached result of a file whose status is as recorded
    if files is not None and not display.endswith(".ipynb"):
        from kerascheck.cache import NO_KERAS

        # A file whose status is as recorded still holds what it held: not even read.
        content = files.content_of(display)
        if content == NO_KERAS:
            return FileResult(display, skipped=True)
        if content is not None:
            indexed = cache.get(display, content)  # type: ignore[union-attr]
            if indexed is not None and not indexed.diagnostics:
                return indexed
    # One open and an fstat rather than a stat and an open; an error is the one the stat
    # would have met first, and a file too large is never read.
    try:
        handle = open(path, "rb")
    except OSError:
        try:
            size = os.path.getsize(path)
        except OSError as stat_err:
            err = stat_err
        else:
            if size > MAX_FILE_BYTES:
                return _file_error(display, "KC003", f"file is too large to analyse ({size:,} bytes)")
        return _file_error(display, "KC002", f"cannot read file: {err.strerror or err}")
    try:
        with handle:
            status = os.fstat(handle.fileno())
            if status.st_size > MAX_FILE_BYTES:
                return _file_error(display, "KC003", f"file is too large to analyse ({status.st_size:,} bytes)")
            data = handle.read()
    except OSError as err:
        return _file_error(display, "KC002", f"cannot read file: {err.strerror or err}")
    if display.endswith(".ipynb"):
        return analyse_notebook(data, display, settings or Settings())
    if indexed is not None:  # read only for its source: the diagnostics' ``# noqa`` comments
        try:
            return finish(indexed, settings or Settings(), data.decode("utf-8"))
        except UnicodeDecodeError:  # rewritten meanwhile: analysed as it is now
            pass
    return _prepare_bytes(data, display, settings or Settings(), cache, status)


def analyse_notebook(data: bytes, path: str, settings: Settings | None = None) -> FileResult:
    """A Jupyter notebook: its code cells analysed as one module, results placed in cells."""
    from kerascheck.notebooks import NotebookError, read_notebook

    if not mentions_keras(data):
        return FileResult(path, skipped=True)
    try:
        notebook = read_notebook(data.decode("utf-8"), path)
    except UnicodeDecodeError as err:
        return _file_error(path, "KC002", f"notebook is not valid UTF-8 (byte {err.start}: {err.reason})")
    except NotebookError as err:
        return _file_error(path, "KC002", str(err))
    if len(notebook.source.encode("utf-8")) > MAX_SOURCE_BYTES:
        return too_large(path, len(notebook.source.encode("utf-8")))
    return notebook.result(analyse_source(notebook.source, path, settings))


def analyse_bytes(data: bytes, path: str, settings: Settings | None = None) -> FileResult:
    prepared = _prepare_bytes(data, path, settings or Settings(), None)
    return prepared.run() if isinstance(prepared, Pending) else prepared


def _prepare_bytes(
    data: bytes, path: str, settings: Settings, cache: "Cache | None", status: os.stat_result | None = None
) -> FileResult | Pending:
    """``status``: the file's, taken before ``data`` was read (the cache's file index records it)."""
    files = cache.files if cache is not None and status is not None else None
    if not mentions_keras(data):
        if files is not None:
            from kerascheck.cache import NO_KERAS

            files.record(path, status, NO_KERAS)  # type: ignore[arg-type]
        return FileResult(path, skipped=True)
    if len(data) > MAX_SOURCE_BYTES:
        return too_large(path, len(data))
    try:
        source = data.decode("utf-8")
    except UnicodeDecodeError as err:
        return _file_error(
            path, "KC002", f"file is not valid UTF-8 (byte {err.start}: {err.reason}); it was not analysed"
        )
    hashed = None
    if cache is not None:
        from kerascheck.hashing import digest

        hashed = digest(data)
        if files is not None:
            files.record(path, status, hashed)  # type: ignore[arg-type]
        cached = cache.get(path, hashed)
        if cached is not None:
            return finish(cached, settings, source)
    return Pending(path, source, hashed, settings, cache)


def analyse_source(
    source: str,
    path: str,
    settings: Settings | None = None,
    *,
    all_layers: bool = False,
    reuse: "Document | None" = None,
) -> FileResult:
    """Analyse one file's source; a failure of kerascheck itself becomes a KC004 diagnostic.

    ``all_layers``: also list every layer constructed, in a model or not (``FileResult.layers``),
    for an editor that shows each call's shape even while the model does not build.
    ``reuse``: what an editor's document keeps from its previous analyses, to redo only what an
    edit can have changed (:mod:`kerascheck.frontend.incremental`).
    """
    settings = settings or Settings()
    return finish(analyse_raw(source, path, settings, all_layers, reuse).result, settings, source)


def finish(result: FileResult, settings: Settings, source: str) -> FileResult:
    """Apply the selection and the file's ``# noqa`` comments to an analysis's diagnostics."""
    if not result.diagnostics:
        return result
    from kerascheck.lines import source_lines
    from kerascheck.suppression import finalize

    return replace(result, diagnostics=tuple(finalize(result.diagnostics, settings, source_lines(source))))


def analyse_raw(
    source: str, path: str, settings: Settings, all_layers: bool = False, reuse: "Document | None" = None
) -> Analysis:
    """The analysis proper, before selection and ``# noqa``; never raises."""
    try:
        return _analyse_source(source, path, settings, all_layers, reuse)
    except Exception as err:  # noqa: BLE001  (a bug must not cost the user the other files)
        return Analysis(_file_error(path, "KC004", f"internal error: {type(err).__name__}: {err}"), cacheable=False)


def _analyse_source(
    source: str, path: str, settings: Settings, all_layers: bool = False, reuse: "Document | None" = None
) -> Analysis:
    from kerascheck.suppression import SKIP_FILE

    if reuse is not None:  # nothing of the last text's analysis may outlive it
        reuse.tree, reuse.layer_rows = None, tuple
    if SKIP_FILE.search(source):
        return Analysis(FileResult(path, skipped=True))
    import ast

    import libcst as cst

    # CPython's own parser first: it is fast, its messages are the ones users know, and it
    # rejects nesting deep enough to overflow libcst's native parser.
    try:
        tree = reuse.parses.parse_ast(source) if reuse is not None else ast.parse(source)
    except SyntaxError as err:
        line = err.lineno or 1
        column = err.offset or 1
        span = Span(line, column, line, column)
        return Analysis(FileResult(path, diagnostics=(Diagnostic(path, span, "KC001", "error", f"SyntaxError: {err.msg}"),)))
    except ValueError as err:  # e.g. "source code string cannot contain null bytes"
        return Analysis(
            FileResult(path, diagnostics=(Diagnostic(path, Span(1, 1, 1, 1), "KC001", "error", f"SyntaxError: {err}"),))
        )
    except (RecursionError, MemoryError):
        return Analysis(_file_error(path, "KC003", "file is nested too deeply to parse"))

    from kerascheck.frontend.positions import PositionIndex

    if reuse is not None:
        reuse.tree = tree
    module = reuse.parses.parse(source, tree) if reuse is not None else None
    positions = PositionIndex(module, tree, source, reuse.parses) if module is not None else None  # type: ignore[union-attr]
    if module is None or not positions.paired():  # type: ignore[union-attr]
        try:
            module = cst.parse_module(source)
        except cst.ParserSyntaxError as err:
            span = Span(err.raw_line, err.raw_column + 1, err.raw_line, err.raw_column + 1)
            message = str(err.message).rstrip(".")
            return Analysis(FileResult(path, diagnostics=(Diagnostic(path, span, "KC001", "error", f"SyntaxError: {message}"),)))
        except RecursionError:
            return Analysis(_file_error(path, "KC003", "file is nested too deeply to parse"))
        except Exception as err:  # noqa: BLE001  (libcst's native parser may raise others)
            return Analysis(_file_error(path, "KC001", f"cannot parse file: {err}"))
        positions = PositionIndex(module, tree, source)

    from kerascheck.diagnostics import collect, data_bindings
    from kerascheck.engine.summary import layer_row, summarize
    from kerascheck.frontend.interpreter import Interpreter

    old_limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(old_limit, 10_000))
    interpreter = Interpreter.for_file(path, settings.keras_version) if reuse is None else None
    try:
        if interpreter is not None:
            interpreter.run_module(module)
        else:
            interpreter = reuse.interpret(module, path, settings)  # type: ignore[union-attr]
    except RecursionError:
        finder = interpreter.finder if interpreter is not None else None  # an editor's text: not cached
        return _with_dependencies(_file_error(path, "KC003", "file is nested too deeply to analyse"), finder)
    finally:
        sys.setrecursionlimit(old_limit)
    session, finder = interpreter.session, interpreter.finder
    span_of = positions.span_of

    summaries: list[ModelSummary] = [summarize(model, path, span_of) for model in session.models if model.reported]
    diagnostics = collect(session, settings, path, span_of)
    layers = tuple(layer_row(layer, span_of) for layer in session.layers) if all_layers else ()
    data = data_bindings(session, span_of)
    if reuse is not None:  # an editor may ask for them after showing the diagnostics
        reuse.layer_rows = lambda: tuple(layer_row(layer, span_of) for layer in session.layers)
    return _with_dependencies(FileResult(path, tuple(summaries), tuple(diagnostics), layers=layers, data=data), finder)


def _with_dependencies(result: FileResult, finder: object) -> Analysis:
    if finder is None:  # not a file on disk: nothing followed, and nothing to key a cache entry on
        return Analysis(result, cacheable=False)
    return Analysis(result, dict(finder.reads), dict(finder.probes))  # type: ignore[attr-defined]


def _file_error(path: str, code: str, message: str) -> FileResult:
    return FileResult(path, diagnostics=(Diagnostic(path, Span(1, 1, 1, 1), code, "error", message),))


def display_path(path: Path) -> str:
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)
