"""One file in, one :class:`~kerascheck.results.FileResult` out.

read → cheap ``keras`` scan → libcst parse → abstract interpretation (engine
session) → summaries and diagnostics.  Anything wrong with the input itself
(undecodable bytes, a syntax error, nesting too deep to parse) becomes a
diagnostic of its own; this function never raises for bad input.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


from kerascheck.config import Settings
from kerascheck.results import Diagnostic, FileResult, ModelSummary, Span

MAX_FILE_BYTES = 20 * 1024 * 1024


def mentions_keras(source: bytes) -> bool:
    """Files that never mention keras cannot build a Keras model."""
    return b"keras" in source


def analyse_path(path: str | os.PathLike[str], settings: Settings | None = None) -> FileResult:
    display = str(path)
    try:
        size = os.path.getsize(path)
        if size > MAX_FILE_BYTES:
            return _file_error(display, "KC003", f"file is too large to analyse ({size:,} bytes)")
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as err:
        return _file_error(display, "KC002", f"cannot read file: {err.strerror or err}")
    if display.endswith(".ipynb"):
        return analyse_notebook(data, display, settings)
    return analyse_bytes(data, display, settings)


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
    return notebook.result(analyse_source(notebook.source, path, settings))


def analyse_bytes(data: bytes, path: str, settings: Settings | None = None) -> FileResult:
    if not mentions_keras(data):
        return FileResult(path, skipped=True)
    try:
        source = data.decode("utf-8")
    except UnicodeDecodeError as err:
        return _file_error(
            path, "KC002", f"file is not valid UTF-8 (byte {err.start}: {err.reason}); it was not analysed"
        )
    return analyse_source(source, path, settings)


def analyse_source(
    source: str, path: str, settings: Settings | None = None, *, all_layers: bool = False
) -> FileResult:
    """Analyse one file's source; a failure of kerascheck itself becomes a KC004 diagnostic.

    ``all_layers``: also list every layer constructed, in a model or not (``FileResult.layers``),
    for an editor that shows each call's shape even while the model does not build.
    """
    try:
        return _analyse_source(source, path, settings, all_layers)
    except Exception as err:  # noqa: BLE001  (a bug must not cost the user the other files)
        return _file_error(path, "KC004", f"internal error: {type(err).__name__}: {err}")


def _analyse_source(source: str, path: str, settings: Settings | None, all_layers: bool = False) -> FileResult:
    from kerascheck.diagnostics import SKIP_FILE, collect, finalize

    settings = settings or Settings()
    if SKIP_FILE.search(source):
        return FileResult(path, skipped=True)
    import ast

    import libcst as cst

    # CPython's own parser first: it is fast, its messages are the ones users know, and it
    # rejects nesting deep enough to overflow libcst's native parser.
    try:
        tree = ast.parse(source)
    except SyntaxError as err:
        line = err.lineno or 1
        column = err.offset or 1
        span = Span(line, column, line, column)
        return FileResult(path, diagnostics=(Diagnostic(path, span, "KC001", "error", f"SyntaxError: {err.msg}"),))
    except ValueError as err:  # e.g. "source code string cannot contain null bytes"
        return FileResult(path, diagnostics=(Diagnostic(path, Span(1, 1, 1, 1), "KC001", "error", f"SyntaxError: {err}"),))
    except (RecursionError, MemoryError):
        return _file_error(path, "KC003", "file is nested too deeply to parse")

    try:
        module = cst.parse_module(source)
    except cst.ParserSyntaxError as err:
        span = Span(err.raw_line, err.raw_column + 1, err.raw_line, err.raw_column + 1)
        message = str(err.message).rstrip(".")
        return FileResult(path, diagnostics=(Diagnostic(path, span, "KC001", "error", f"SyntaxError: {message}"),))
    except RecursionError:
        return _file_error(path, "KC003", "file is nested too deeply to parse")
    except Exception as err:  # noqa: BLE001  (libcst's native parser may raise others)
        return _file_error(path, "KC001", f"cannot parse file: {err}")

    from kerascheck.engine.runtime import Session
    from kerascheck.engine.summary import layer_row, summarize
    from kerascheck.frontend.interpreter import Interpreter
    from kerascheck.frontend.modules import ModuleFinder
    from kerascheck.frontend.positions import PositionIndex

    old_limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(old_limit, 10_000))
    try:
        session = Session(settings.keras_version)
        finder = ModuleFinder(Path(path)) if Path(path).is_file() else None
        Interpreter(session, path, finder).run_module(module)
    except RecursionError:
        return _file_error(path, "KC003", "file is nested too deeply to analyse")
    finally:
        sys.setrecursionlimit(old_limit)
    span_of = PositionIndex(module, tree, source).span_of

    summaries: list[ModelSummary] = [summarize(model, path, span_of) for model in session.models if model.reported]
    diagnostics = finalize(collect(session, settings, path, span_of), settings, source.splitlines())
    layers = tuple(layer_row(layer, span_of) for layer in session.layers) if all_layers else ()
    return FileResult(path, tuple(summaries), tuple(diagnostics), layers=layers)


def _file_error(path: str, code: str, message: str) -> FileResult:
    return FileResult(path, diagnostics=(Diagnostic(path, Span(1, 1, 1, 1), code, "error", message),))


def display_path(path: Path) -> str:
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)
