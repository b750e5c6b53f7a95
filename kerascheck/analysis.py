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
from typing import TYPE_CHECKING, Any

from kerascheck.config import Settings
from kerascheck.results import Diagnostic, FileResult, ModelSummary, Span
from kerascheck.safeio import FileTooLarge, NotRegularFile, read_regular

if TYPE_CHECKING:
    from kerascheck.cache import Cache
    from kerascheck.frontend.files import ImportScan
    from kerascheck.frontend.incremental import Document

MAX_FILE_BYTES = 64 * 1024 * 1024  # not even read beyond this (a notebook's outputs count here)
# Python source kerascheck analyses at most. libcst's parse cannot be interrupted, and takes
# 0.1-0.8 s and 0.8-1.4 GB per MB of source (measured; the most for dense code such as a
# long chain of layer calls): 512 KiB keeps it within the per-file budget (kerascheck.budget),
# about 4 s and 750 MB at worst. Keras's own largest file is 448 KB; model files are a few KB.
MAX_SOURCE_BYTES = 512 * 1024


# The analysis follows nesting by recursion, up to this many levels (the analysis thread's
# stack holds them, kerascheck.budget); libcst nests each operand of an and/or chain.
MAX_NESTING = 10_000
TOO_DEEP_TO_ANALYSE = (
    f"file nests more than {MAX_NESTING:,} levels deep (every operand of an `and`/`or` chain is a level): "
    "deeper than kerascheck's analysis follows"
)


def too_large(path: str, size: int) -> FileResult:
    return _file_error(
        path, "KC003", f"file is too large to analyse ({size:,} bytes of Python; the limit is {MAX_SOURCE_BYTES:,})"
    )


def decode_source(data: bytes) -> str:
    """A file's bytes as text: UTF-8 (PEP 3120), without the byte order mark CPython skips."""
    source = data.decode("utf-8")
    return source[1:] if source.startswith("\ufeff") else source


def mentions_keras(source: bytes) -> bool:
    """Files that never mention keras build a Keras model only through the project's modules
    they import (:func:`_scan_imports`)."""
    return b"keras" in source


def _scan_imports(data: bytes, path: str) -> "ImportScan | None":
    """For a file that never mentions keras: what following its imports into the project's
    modules found (None: it imports nothing, or is not a file whose imports are followed)."""
    from kerascheck.frontend.files import has_imports, scan_imports

    if not has_imports(data) or not os.path.isfile(path):
        return None
    return scan_imports(data, Path(path))


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
    # Only a regular file is read (a FIFO would wait for a writer, /dev/zero never ends), and
    # none larger than the bound: both are checked on the opened file before reading a byte.
    try:
        data, status = read_regular(path, MAX_FILE_BYTES)
    except FileTooLarge as err:
        return _file_error(display, "KC003", f"file is too large to analyse ({err.size:,} bytes)")
    except NotRegularFile as err:
        return _file_error(display, "KC002", f"not analysed: {err.strerror}")
    except OSError as err:
        return _file_error(display, "KC002", f"cannot read file: {err.strerror or err}")
    if display.endswith(".ipynb"):
        return analyse_notebook(data, display, settings or Settings())
    if indexed is not None:  # read only for its source: the noqa comments of its diagnostics
        try:
            return finish(indexed, settings or Settings(), decode_source(data))
        except UnicodeDecodeError:  # rewritten meanwhile: analysed as it is now
            pass
    return _prepare_bytes(data, display, settings or Settings(), cache, status)


def analyse_notebook(data: bytes, path: str, settings: Settings | None = None) -> FileResult:
    """A Jupyter notebook: its code cells analysed as one module, results placed in cells."""
    from kerascheck.notebooks import NotebookError, read_notebook

    if not mentions_keras(data) and b"import" not in data:
        return FileResult(path, skipped=True)
    try:
        notebook = read_notebook(decode_source(data), path)
    except UnicodeDecodeError as err:
        return _file_error(path, "KC002", f"notebook is not valid UTF-8 (byte {err.start}: {err.reason})")
    except NotebookError as err:
        return _file_error(path, "KC002", str(err))
    source = notebook.source.encode("utf-8")
    if not mentions_keras(data):
        scan = _scan_imports(source, path)
        if scan is None or not scan.reaches_keras:
            return FileResult(path, skipped=True)
    if len(source) > MAX_SOURCE_BYTES:
        return too_large(path, len(source))
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
        scan = _scan_imports(data, path)
        if scan is None:
            if files is not None:
                from kerascheck.cache import NO_KERAS

                files.record(path, status, NO_KERAS)  # type: ignore[arg-type]
            return FileResult(path, skipped=True)
        if not scan.reaches_keras:
            # Skipped for what its imports hold now: cached with them, as an analysis is.
            skipped = FileResult(path, skipped=True)
            if cache is not None:
                from kerascheck.hashing import digest

                hashed = digest(data)
                if files is not None:
                    files.record(path, status, hashed)  # type: ignore[arg-type]
                cache.put(path, hashed, Analysis(skipped, scan.reads, scan.probes))
            return skipped
    if len(data) > MAX_SOURCE_BYTES:
        return too_large(path, len(data))
    try:
        source = decode_source(data)
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
    """The analysis proper, before selection and ``# noqa``; never raises.

    It runs in the analysis thread (:func:`kerascheck.budget.run_deep`: a stack for any
    nesting the parsers accept) under a fresh per-file :class:`~kerascheck.budget.Budget`.
    """
    from kerascheck.budget import run_deep

    try:
        return run_deep(_analyse_bounded, source, path, settings, all_layers, reuse)
    except Exception as err:  # noqa: BLE001  (a bug must not cost the user the other files)
        return Analysis(_file_error(path, "KC004", f"internal error: {type(err).__name__}: {err}"), cacheable=False)


def _analyse_bounded(
    source: str, path: str, settings: Settings, all_layers: bool, reuse: "Document | None"
) -> Analysis:
    from kerascheck import budget

    budget.start()
    try:
        return _analyse_source(source, path, settings, all_layers, reuse)
    except budget.BudgetExhausted as err:  # past the bound outside the interpreter (which keeps its results)
        return Analysis(_file_error(path, "KC003", f"analysis stopped: {err.reason}"), cacheable=False)
    except MemoryError:
        return Analysis(_file_error(path, "KC003", "analysis stopped: out of memory"), cacheable=False)


def _analyse_source(
    source: str, path: str, settings: Settings, all_layers: bool = False, reuse: "Document | None" = None
) -> Analysis:
    from kerascheck.suppression import SKIP_FILE

    if reuse is not None:  # nothing of the last text's analysis may outlive it
        reuse.tree, reuse.layer_rows = None, tuple
    if SKIP_FILE.search(source):
        return Analysis(FileResult(path, skipped=True))
    import libcst as cst

    from kerascheck.frontend import parsing
    from kerascheck.frontend.parsing import TooComplexToParse, check_bounds, parse_module, python_ast

    if reuse is None:
        parsing.before_parse()
    # CPython's own parser first: it is fast, its messages are the ones users know, and it
    # bounds the nesting libcst's native parser will see (kerascheck.frontend.parsing).
    try:
        tree = reuse.parses.parse_ast(source) if reuse is not None else python_ast(source)
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

    try:
        check_bounds(source, tree)
    except TooComplexToParse as err:
        return Analysis(_file_error(path, "KC003", str(err)))
    if reuse is not None:
        reuse.tree = tree
    module = reuse.parses.parse(source, tree) if reuse is not None else None
    positions = PositionIndex(module, tree, source, reuse.parses) if module is not None else None  # type: ignore[union-attr]
    if module is None or not positions.paired():  # type: ignore[union-attr]
        try:
            module = parse_module(source, tree)
        except cst.ParserSyntaxError as err:
            # CPython accepted the file: it is valid Python that libcst's grammar does not take
            # as a whole (a line continuation at the end of the file); statement by statement,
            # as the editor's incremental analysis parses it, it may.
            module, positions = _parsed_statement_by_statement(source, tree)
            if module is None:
                message = str(err.message).rstrip(".")
                return Analysis(_file_error(path, "KC003", f"libcst cannot parse this file, which Python accepts ({message})"))
        except RecursionError:
            return Analysis(_file_error(path, "KC003", "file is nested too deeply to parse"))
        except Exception as err:  # noqa: BLE001  (libcst's native parser may raise others)
            return Analysis(_file_error(path, "KC001", f"cannot parse file: {err}"))
        else:
            positions = PositionIndex(module, tree, source)
        parsing.after_parse()

    from kerascheck.diagnostics import collect, data_bindings
    from kerascheck.engine.summary import layer_row, summarize
    from kerascheck.frontend.interpreter import Interpreter

    old_limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(old_limit, MAX_NESTING))
    interpreter = Interpreter.for_file(path, settings.keras_version, settings.backend) if reuse is None else None
    try:
        if interpreter is not None:
            interpreter.run_module(module)
        else:
            interpreter = reuse.interpret(module, path, settings)  # type: ignore[union-attr]
    except RecursionError:
        finder = interpreter.finder if interpreter is not None else None  # an editor's text: not cached
        return _with_dependencies(_file_error(path, "KC003", TOO_DEEP_TO_ANALYSE), finder)
    finally:
        sys.setrecursionlimit(old_limit)
    session, finder = interpreter.session, interpreter.finder
    span_of = positions.span_of

    summaries: list[ModelSummary] = [summarize(model, path, span_of) for model in session.models if model.reported]
    diagnostics = collect(session, settings, path, span_of, tree, source)
    stopped = getattr(interpreter, "stopped", None)
    if stopped is not None:  # past the file's budget: what was found so far, and why the rest is unknown
        diagnostics.insert(0, _stopped_diagnostic(stopped, path, positions))
    layers = tuple(layer_row(layer, span_of) for layer in session.layers) if all_layers else ()
    data = data_bindings(session, span_of)
    if reuse is not None:  # an editor may ask for them after showing the diagnostics
        reuse.layer_rows = lambda: tuple(layer_row(layer, span_of) for layer in session.layers)
    result = FileResult(path, tuple(summaries), tuple(diagnostics), layers=layers, data=data)
    analysis = _with_dependencies(result, finder)
    if stopped is not None and not stopped.repeatable:
        analysis.cacheable = False  # another machine, or a quieter moment, may get further
    return analysis


def _stopped_diagnostic(stopped: Any, path: str, positions: Any) -> Diagnostic:
    """KC003 at the statement the budget stopped in (its first call or operator; else line 1)."""
    from kerascheck.frontend.positions import collect_in_source_order

    span = None
    if stopped.node is not None:
        found: list[Any] = []
        collect_in_source_order(stopped.node, found)
        for node in found:
            span = positions.span_of(node)
            if span is not None:
                break
    span = span or Span(1, 1, 1, 1)
    message = f"analysis stopped here: {stopped.reason} (kerascheck's bound for one file); what follows is unknown"
    return Diagnostic(path, span, "KC003", "error", message)


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


def _parsed_statement_by_statement(source: str, tree: Any) -> tuple[Any, Any]:
    """The libcst module of ``source``'s top-level statements parsed one by one, and its
    position index; ``(None, None)`` when they cannot be paired with CPython's."""
    from kerascheck.frontend.incremental import ParseCache
    from kerascheck.frontend.positions import PositionIndex

    parses = ParseCache()
    module = parses.parse(source, tree)
    if module is None:
        return None, None
    positions = PositionIndex(module, tree, source, parses)
    return (module, positions) if positions.paired() else (None, None)
