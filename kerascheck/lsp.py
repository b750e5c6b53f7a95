"""``kerascheck lsp``: the language server (pygls), over stdio.

Diagnostics are published on open, save and change (debounced: only the text an
editor holds still for :data:`DEBOUNCE` seconds is analysed, and only the latest
version is published).  Each document's analysis is cached with the text it was made
from; hovers, inlay hints and code actions are answered from that cache
(:class:`~kerascheck.editor.DocumentAnalysis`) and never analyse again — a request that
arrives while an analysis is pending waits for it.

Settings come from the nearest ``pyproject.toml`` with ``[tool.kerascheck]`` above each
document (re-read when one is saved); the ``inlayHints`` initialization option
(true/false) overrides ``inlay-hints``.  Each document's analyses run in order in a thread
of its own, side by side with other documents', under the same per-file budget as on the
command line (:mod:`kerascheck.budget`): the server keeps answering while a long file is
analysed, and a document that takes its whole budget delays no other's diagnostics.

Notebooks come as LSP 3.17 notebook documents (``notebookDocument/*``, as VS Code and
JupyterLab send them): their Python code cells, in order, are analysed as one module, as
the command line analyses an ``.ipynb`` file (:mod:`kerascheck.notebooks`); diagnostics are
published to each cell, and hovers and inlay hints are answered in the cell's own lines.
"""

from __future__ import annotations

import asyncio
import gc
import re
import sys
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Callable, Iterator

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from kerascheck import __version__
from kerascheck.config import ConfigError, Settings, find_config, load_settings
from kerascheck.editor import DocumentAnalysis, Range, to_range

DEBOUNCE = 0.3  # seconds of quiet after a change before it is analysed
REQUEST_COLLECTION_DELAY = 1.0  # seconds after a request before the garbage it made is collected


class _OwnThread:
    """What is analysed in a thread of its own: its analyses run in order, and side by side
    with other documents' (one that takes its whole budget delays no other's diagnostics)."""

    worker: ThreadPoolExecutor | None = None

    def executor(self) -> ThreadPoolExecutor:
        if self.worker is None:
            from kerascheck.budget import STACK_BYTES, mark_deep_thread

            previous = threading.stack_size(STACK_BYTES)
            try:
                self.worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="kerascheck-document",
                                                 initializer=mark_deep_thread)
                self.worker.submit(int).result()  # started now, with that stack
            finally:
                threading.stack_size(previous)
        return self.worker

    def close(self) -> None:
        if self.worker is not None:
            self.worker.shutdown(wait=False)


class _Document(_OwnThread):
    """An open document: the analysis of the latest text, or the task making it.

    An analysis comes in two steps: ``diagnosed`` holds what the diagnostics need (published
    at once), ``complete`` becomes the analysis with every layer's row and every index that
    hovers, inlay hints and code actions read (the same worker thread builds it next).
    """

    def __init__(self) -> None:
        self.diagnosed: DocumentAnalysis | None = None
        self.complete: asyncio.Future[DocumentAnalysis] | None = None
        self.task: asyncio.Task[DocumentAnalysis | None] | None = None
        self.incremental: Any = None  # a frontend.incremental.Document: what the next analysis reuses
        self.worker: ThreadPoolExecutor | None = None

    def forget(self) -> None:
        """Analyse the text again even if it has not changed (settings or an import changed)."""
        self.diagnosed = self.complete = None


@dataclass
class _NotebookView:
    """A notebook's analysis: of its code cells as one module (module coordinates), and where
    each cell lies in that module."""

    analysis: DocumentAnalysis
    texts: tuple[tuple[str, int, str], ...]  # (cell uri, cell number, text) of the code cells analysed
    cells: dict[str, tuple[int, list[str]]]  # cell uri -> (its first line in the module, 0-based; its lines)
    diagnostics: dict[str, list[Any]]  # cell uri -> its diagnostics (cell coordinates)

    def to_module(self, uri: str, position: tuple[int, int]) -> tuple[int, int]:
        first, _ = self.cells[uri]
        return position[0] + first, position[1]

    def to_cell(self, uri: str, position: tuple[int, int]) -> tuple[int, int] | None:
        first, lines = self.cells[uri]
        line = position[0] - first
        return (line, position[1]) if 0 <= line < max(len(lines), 1) else None


class _NotebookState(_OwnThread):
    def __init__(self) -> None:
        self.view: _NotebookView | None = None
        self.task: asyncio.Task[_NotebookView | None] | None = None
        self.published: set[str] = set()  # cell uris that were given diagnostics


NOTEBOOK_SYNC = types.NotebookDocumentSyncOptions(
    notebook_selector=[
        types.NotebookDocumentFilterWithCells(cells=[types.NotebookCellLanguage(language="python")], notebook="*")
    ],
    save=True,
)


class KerascheckServer(LanguageServer):
    def _start_io_async(self, stdin: Any = None, stdout: Any = None) -> None:
        """pygls's stdio server, reading messages with :func:`read_messages` (which answers
        every request it cannot take, and finds the next message after a malformed one)."""
        from threading import Event

        from pygls.io_ import StdinAsyncReader, StdoutWriter

        self._stop_event = Event()
        reader = StdinAsyncReader(stdin or sys.stdin.buffer, self.thread_pool)
        self.protocol.set_writer(StdoutWriter(stdout or sys.stdout.buffer))
        try:
            asyncio.run(read_messages(self._stop_event, reader, self.protocol))
        except BrokenPipeError:
            pass  # the client is gone
        except (KeyboardInterrupt, SystemExit):
            pass
        finally:
            self.shutdown()

    def __init__(self) -> None:
        super().__init__("kerascheck", __version__, notebook_document_sync=NOTEBOOK_SYNC)
        self.documents: dict[str, _Document] = {}
        self.notebooks: dict[str, _NotebookState] = {}
        self.settings_by_folder: dict[Path, Settings] = {}
        self.inlay_hints_option: bool | None = None
        self.executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="kerascheck")
        self.collection: Future[int] | None = None
        self.collection_timer: asyncio.TimerHandle | None = None

    # ---------------------------------------------------------------- settings
    def settings_for(self, uri: str) -> Settings:
        path = to_fs_path(uri)
        folder = Path(path).parent if path else Path.cwd()
        settings = self.settings_by_folder.get(folder)
        if settings is None:
            try:
                config = find_config(folder)
                settings = load_settings(config) if config is not None else Settings(root=folder)
            except ConfigError as err:
                self.window_show_message(
                    types.ShowMessageParams(types.MessageType.Error, f"kerascheck: {err}")
                )
                settings = Settings(root=folder)
            self.settings_by_folder[folder] = settings
        if self.inlay_hints_option is not None:
            settings = replace(settings, inlay_hints=self.inlay_hints_option)
        return settings

    # ---------------------------------------------------------------- analysis
    def schedule(self, uri: str, delay: float = 0.0) -> None:
        """Analyse ``uri``'s current text after ``delay`` seconds, superseding any pending run."""
        _supersede(self.documents.setdefault(uri, _Document()), self._analyse(uri, delay))

    async def _analyse(self, uri: str, delay: float) -> DocumentAnalysis | None:
        if delay:
            await asyncio.sleep(delay)
        state = self.documents.get(uri)
        if state is None:
            return None
        document = self.workspace.get_text_document(uri)
        source, version = document.source, document.version
        if state.diagnosed is None or state.diagnosed.source != source or state.complete is None:
            settings = self.settings_for(uri)
            path = to_fs_path(uri) or uri
            diagnosed, layer_rows = await asyncio.get_running_loop().run_in_executor(
                state.executor(), _analyse_text, source, path, settings, state
            )
            # Diagnostics first (published before the worker thread is given more to do).
            # Then, in the same worker thread and not cancelled with this task (a newer text
            # supersedes the task, not the work that helps analyse it): the layer rows and the
            # editor's indexes; while the user pauses, the part of the next analysis that the
            # next edit will most likely leave as it is; and the garbage collection.
            state.diagnosed = diagnosed
            if self.documents.get(uri) is state and document.source == source:
                self.publish(uri, version, diagnosed)
            state.complete = asyncio.wrap_future(state.executor().submit(_complete, diagnosed, layer_rows))
            if state.incremental is not None:
                state.executor().submit(_pause, state.incremental)
            self.collect_garbage()
            return await asyncio.shield(state.complete)
        diagnosed, complete = state.diagnosed, state.complete
        if self.documents.get(uri) is state and document.source == source:
            self.publish(uri, version, diagnosed)
        return await asyncio.shield(complete)

    def collect_garbage(self) -> None:
        """Collect in the worker thread once it is done with what it has (automatic collection
        is off, see :func:`serve`), unless a collection is already waiting."""
        if self.collection is None or self.collection.done():
            self.collection = self.executor.submit(gc.collect)

    def collect_garbage_later(self) -> None:
        """After a request (hovers, hints and code actions make garbage too): a second later,
        when its answer has long been sent, unless a collection is already planned."""
        if self.collection_timer is None:

            def collect() -> None:
                self.collection_timer = None
                self.collect_garbage()

            self.collection_timer = asyncio.get_running_loop().call_later(REQUEST_COLLECTION_DELAY, collect)

    async def analysis_of(self, uri: str) -> DocumentAnalysis | None:
        """The analysis of ``uri``'s current text: cached, or the pending run's."""
        while True:
            state = self.documents.get(uri)
            if state is None:
                return None
            diagnosed, complete = state.diagnosed, state.complete
            if diagnosed is not None and complete is not None and diagnosed.source == self.workspace.get_text_document(uri).source:
                return await asyncio.shield(complete)
            task = state.task
            if task is None:
                self.schedule(uri)
                continue
            try:
                await asyncio.shield(task)
            except asyncio.CancelledError:
                if not task.cancelled():
                    raise  # this request itself was cancelled
            if state.task is task and task.done() and not task.cancelled():
                return task.result()

    def publish(self, uri: str, version: int | None, analysis: DocumentAnalysis) -> None:
        lines = analysis.lines
        codec = self.workspace.position_codec
        diagnostics = [_lsp_diagnostic(codec, lines, d) for d in analysis.diagnostics]
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics, version=version)
        )


    # ---------------------------------------------------------------- notebooks
    def code_cells(self, notebook_uri: str) -> tuple[tuple[str, int, str], ...]:
        """``(cell uri, cell number, text)`` of the notebook's Python code cells, in order (numbered
        from 1 among all its cells, as the notebook shows them)."""
        notebook = self.workspace.get_notebook_document(notebook_uri=notebook_uri)
        if notebook is None:
            return ()
        cells = []
        for number, cell in enumerate(notebook.cells, start=1):
            if cell.kind != types.NotebookCellKind.Code:
                continue
            document = self.workspace.text_documents.get(cell.document)
            if document is None or (document.language_id or "python") != "python":
                continue
            cells.append((cell.document, number, document.source))
        return tuple(cells)

    def schedule_notebook(self, uri: str, delay: float = 0.0) -> None:
        _supersede(self.notebooks.setdefault(uri, _NotebookState()), self._analyse_notebook(uri, delay))

    async def _analyse_notebook(self, uri: str, delay: float) -> _NotebookView | None:
        if delay:
            await asyncio.sleep(delay)
        state = self.notebooks.get(uri)
        if state is None:
            return None
        texts = self.code_cells(uri)
        if state.view is None or state.view.texts != texts:
            path = to_fs_path(uri) or uri
            settings = self.settings_for(uri)
            state.view = await asyncio.get_running_loop().run_in_executor(
                state.executor(), _analyse_notebook, texts, path, settings
            )
            self.collect_garbage()
        if self.notebooks.get(uri) is state and self.code_cells(uri) == texts:
            self.publish_notebook(state, state.view)
        return state.view

    async def notebook_view_of(self, cell_uri: str) -> tuple[_NotebookView, list[str]] | None:
        """The analysis of the notebook that ``cell_uri`` belongs to, for its current text,
        and the cell's lines; None when the cell is in no open notebook or has no code."""
        notebook = self.workspace.get_notebook_document(cell_uri=cell_uri)
        if notebook is None:
            return None
        uri = notebook.uri
        while True:
            state = self.notebooks.get(uri)
            if state is None:
                return None
            view = state.view
            if view is not None and view.texts == self.code_cells(uri):
                break
            if state.task is None or state.task.done() and not state.task.cancelled():
                self.schedule_notebook(uri)
            task = state.task
            assert task is not None
            try:
                await asyncio.shield(task)
            except asyncio.CancelledError:
                if not task.cancelled():
                    raise
        if cell_uri not in view.cells:
            return None
        return view, view.cells[cell_uri][1]

    def publish_notebook(self, state: _NotebookState, view: _NotebookView) -> None:
        codec = self.workspace.position_codec
        for cell_uri in state.published - set(view.diagnostics):  # cells deleted or no longer code
            self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=cell_uri, diagnostics=[]))
        for cell_uri, found in view.diagnostics.items():
            lines = view.cells[cell_uri][1]
            document = self.workspace.text_documents.get(cell_uri)
            self.text_document_publish_diagnostics(
                types.PublishDiagnosticsParams(
                    uri=cell_uri,
                    diagnostics=[_lsp_diagnostic(codec, lines, d) for d in found],
                    version=document.version if document is not None else None,
                )
            )
        state.published = set(view.diagnostics)

    def close_notebook(self, uri: str, cell_uris: list[str]) -> None:
        state = self.notebooks.pop(uri, None)
        if state is not None:
            state.close()
            if state.task is not None:
                state.task.cancel()
        for cell_uri in sorted(set(cell_uris) | (state.published if state is not None else set())):
            self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=cell_uri, diagnostics=[]))


def _supersede(state: Any, analysis: Any) -> None:
    """Run ``analysis`` as ``state``'s task, cancelling the one it supersedes."""
    if state.task is not None and not state.task.done():
        state.task.cancel()
    state.task = asyncio.ensure_future(analysis)


def _lsp_diagnostic(codec: Any, lines: list[str], diagnostic: Any) -> types.Diagnostic:
    return types.Diagnostic(
        range=_client_range(codec, lines, to_range(diagnostic.span)),
        message=diagnostic.message,
        severity=types.DiagnosticSeverity.Error if diagnostic.severity == "error" else types.DiagnosticSeverity.Warning,
        code=diagnostic.code,
        source="kerascheck",
    )


def _analyse_notebook(texts: tuple[tuple[str, int, str], ...], path: str, settings: Settings) -> _NotebookView:
    """The notebook's code cells analysed as one module (in the worker thread)."""
    from kerascheck.analysis import MAX_SOURCE_BYTES, analyse_source, mentions_keras, too_large
    from kerascheck.lines import source_lines
    from kerascheck.notebooks import notebook_of_cells
    from kerascheck.results import FileResult

    notebook = notebook_of_cells([(number, text) for _, number, text in texts], path)
    data = notebook.source.encode("utf-8", "surrogatepass")
    if not mentions_keras(data):
        result = FileResult(path, skipped=True)
    elif len(data) > MAX_SOURCE_BYTES:
        result = too_large(path, len(data))
    else:
        with _collector_paused():
            result = analyse_source(notebook.source, path, settings, all_layers=True)
    placed = notebook.result(result)  # diagnostics in cell coordinates, "at cell 2, line 3"
    cells: dict[str, tuple[int, list[str]]] = {}
    diagnostics: dict[str, list[Any]] = {}
    first_code_cell = texts[0][1] if texts else 1
    for cell_uri, number, text in texts:
        first = notebook.first_line(number)
        cells[cell_uri] = ((first or 1) - 1, source_lines(text))
        # A diagnostic of the whole file (too large …) goes to the first code cell.
        diagnostics[cell_uri] = [d for d in placed.diagnostics if (d.span.cell or first_code_cell) == number]
    analysis = DocumentAnalysis(notebook.source, result, settings).prepare()
    return _NotebookView(analysis, texts, cells, diagnostics)
# A header line that ends with the length: on its own, or after the body of a message that
# had none (which then ran into it, having no line break of its own).
_CONTENT_LENGTH = re.compile(rb"Content-Length: *(\d+)\r?\n$", re.IGNORECASE)
_HEADER = re.compile(rb"^[A-Za-z][A-Za-z0-9-]*: [^\r\n]*\r?\n$")


async def read_messages(stop_event: Any, reader: Any, protocol: Any) -> None:
    """Read and handle LSP messages until the input ends (pygls's ``run_async``, made robust).

    - A message without ``Content-Length`` cannot be read: it is answered with a JSON-RPC
      parse error (id null) and skipped up to the next ``Content-Length`` header, which may
      follow its body on the same line. (pygls read every later header as part of it: the
      server stayed alive but deaf.)
    - A request that cannot be taken (invalid JSON, params that do not fit the method) is
      answered with the JSON-RPC error for it, so that the client does not wait forever.
    """
    length: int | None = None
    lost = False  # reading past a message that had no Content-Length
    while not stop_event.is_set():
        line = await reader.readline()
        if not line:
            return
        found = _CONTENT_LENGTH.search(line)
        if found is not None:
            if found.start() > 0 and not lost:  # the rest of a message without a length ran into this header
                _parse_error(protocol, "a message without a Content-Length header was skipped")
            lost = False
            length = int(found.group(1))
            continue
        if line.strip():
            if length is None and not lost and not _HEADER.match(line):
                lost = True
                _parse_error(protocol, "a message without a Content-Length header was skipped")
            continue
        if length is None:  # the end of headers that gave no length
            if not lost:
                lost = True
                _parse_error(protocol, "a message without a Content-Length header was skipped")
            continue
        body = await reader.readexactly(length)
        length = None
        if not body:
            return
        _handle(protocol, body)


def _handle(protocol: Any, body: bytes) -> None:
    import json

    from pygls.exceptions import JsonRpcException, JsonRpcInternalError, JsonRpcParseError

    try:
        message = json.loads(body, object_hook=protocol.structure_message)
    except JsonRpcException as err:
        _answer_unreadable(protocol, body, err)
        return
    except ValueError:  # not JSON
        _answer_unreadable(protocol, body, JsonRpcParseError())
        return
    except Exception:  # noqa: BLE001  (one message must not stop the server)
        _answer_unreadable(protocol, body, JsonRpcInternalError())
        return
    try:
        protocol.handle_message(message)
    except Exception:  # noqa: BLE001
        _answer_unreadable(protocol, body, JsonRpcInternalError())


def _answer_unreadable(protocol: Any, body: bytes, error: Any) -> None:
    """The error response to a request the server could not read (nothing for a notification)."""
    import json

    try:
        raw = json.loads(body)
    except ValueError:
        raw = None
    if raw is None:
        _parse_error(protocol, "a message that is not JSON was skipped")
    elif isinstance(raw, dict) and "method" in raw and isinstance(raw.get("id"), (int, str)):
        protocol._send_response(raw["id"], None, error.to_response_error())


def _parse_error(protocol: Any, message: str) -> None:
    """JSON-RPC's answer to what cannot be read as a message: a parse error with a null id."""
    from types import SimpleNamespace

    error = {"code": -32700, "message": f"Parse error: {message}"}
    protocol._send_data(SimpleNamespace(jsonrpc="2.0", id=None, error=error))


def _analyse_text(
    source: str, path: str, settings: Settings, state: _Document | None = None
) -> tuple[DocumentAnalysis, Callable[[], tuple[Any, ...]]]:
    """A document's text analysed, without the layer rows; and what computes them.

    In the one worker thread, so ``state.incremental`` has one user."""
    from kerascheck.analysis import MAX_SOURCE_BYTES, analyse_source, mentions_keras, too_large
    from kerascheck.frontend.incremental import Document
    from kerascheck.results import FileResult

    data = source.encode("utf-8", "surrogatepass")
    if path.endswith(".ipynb") or not mentions_keras(data):
        return DocumentAnalysis(source, FileResult(path, skipped=True), settings), tuple
    if len(data) > MAX_SOURCE_BYTES:  # as on the command line: not parsed at all
        return DocumentAnalysis(source, too_large(path, len(data)), settings), tuple
    if state is not None and state.incremental is None:
        state.incremental = Document()
    reuse = state.incremental if state is not None else None
    with _collector_paused():
        result = analyse_source(source, path, settings, all_layers=reuse is None, reuse=reuse)
    if reuse is None:
        return DocumentAnalysis(source, result, settings), tuple
    return DocumentAnalysis(source, result, settings, reuse.tree), reuse.layer_rows


def _complete(diagnosed: DocumentAnalysis, layer_rows: Callable[[], tuple[Any, ...]]) -> DocumentAnalysis:
    """The analysis with every layer's row, and the indexes built."""
    result = diagnosed.result
    if not result.layers:
        try:
            result = replace(result, layers=layer_rows())
        except Exception:  # noqa: BLE001  (hovers on layers outside models are lost, not the server)
            pass
    return DocumentAnalysis(diagnosed.source, result, diagnosed.settings, diagnosed.tree).prepare()


def _pause(document: Any) -> None:
    from kerascheck import budget

    budget.start()  # the head start is an analysis too, with a budget of its own
    old_limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(old_limit, 10_000))  # as deep as an analysis may go
    try:
        with _collector_paused():
            document.pause()
    except Exception:  # noqa: BLE001  (a head start only: the next analysis runs in full instead)
        document.paused = None
    finally:
        sys.setrecursionlimit(old_limit)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """An interpretation allocates a great many objects and frees them all at once: collecting
    garbage in the middle of one only adds pauses (the cycles it leaves are collected later)."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def _ascii(lines: list[str], *numbers: int) -> bool:
    return all(not 0 <= n < len(lines) or lines[n].isascii() for n in numbers)


def _client_range(codec: Any, lines: list[str], range_: Range) -> types.Range:
    """A 0-based character range → the client's position encoding (UTF-16 by default)."""
    (line, character), (end_line, end_character) = range_
    converted = types.Range(types.Position(line, character), types.Position(end_line, end_character))
    if _ascii(lines, line, end_line):  # every encoding counts one unit per character
        return converted
    return codec.range_to_client_units(lines, converted)


def _server_position(codec: Any, lines: list[str], position: types.Position) -> tuple[int, int]:
    if not _ascii(lines, position.line):
        position = codec.position_from_client_units(lines, position)
    return position.line, position.character


server = KerascheckServer()


@server.feature(types.INITIALIZE)
def initialize(ls: KerascheckServer, params: types.InitializeParams) -> None:
    options = params.initialization_options
    if isinstance(options, dict) and isinstance(options.get("inlayHints"), bool):
        ls.inlay_hints_option = options["inlayHints"]


@server.feature(types.TEXT_DOCUMENT_DID_OPEN)
def did_open(ls: KerascheckServer, params: types.DidOpenTextDocumentParams) -> None:
    document = params.text_document
    if document.language_id != "python" and not document.uri.endswith((".py", ".pyi")):
        return  # pyproject.toml and others: not analysed
    ls.documents[document.uri] = _Document()
    ls.schedule(document.uri)


@server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
def did_change(ls: KerascheckServer, params: types.DidChangeTextDocumentParams) -> None:
    if params.text_document.uri in ls.documents:
        ls.schedule(params.text_document.uri, DEBOUNCE)


@server.feature(types.TEXT_DOCUMENT_DID_SAVE, types.SaveOptions(include_text=False))
def did_save(ls: KerascheckServer, params: types.DidSaveTextDocumentParams) -> None:
    uri = params.text_document.uri
    if uri.endswith("pyproject.toml"):
        ls.settings_by_folder.clear()
        for other in ls.documents:
            ls.documents[other].forget()
            ls.schedule(other)
        for notebook, state in ls.notebooks.items():
            state.view = None  # analysed again with the new settings
            ls.schedule_notebook(notebook)
        return
    if uri not in ls.documents:
        return
    ls.schedule(uri)
    # Other open documents that may import the saved module are analysed again.
    module = Path(to_fs_path(uri) or uri).stem
    for other, state in ls.documents.items():
        if other != uri and state.diagnosed is not None and module in state.diagnosed.source:
            state.forget()
            ls.schedule(other)


@server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
def did_close(ls: KerascheckServer, params: types.DidCloseTextDocumentParams) -> None:
    state = ls.documents.pop(params.text_document.uri, None)
    if state is not None and state.task is not None:
        state.task.cancel()
    if state is not None:
        state.close()
    ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=params.text_document.uri, diagnostics=[]))


@server.feature(types.NOTEBOOK_DOCUMENT_DID_OPEN)
def notebook_did_open(ls: KerascheckServer, params: types.DidOpenNotebookDocumentParams) -> None:
    ls.notebooks[params.notebook_document.uri] = _NotebookState()
    ls.schedule_notebook(params.notebook_document.uri)


@server.feature(types.NOTEBOOK_DOCUMENT_DID_CHANGE)
def notebook_did_change(ls: KerascheckServer, params: types.DidChangeNotebookDocumentParams) -> None:
    if params.notebook_document.uri in ls.notebooks:
        ls.schedule_notebook(params.notebook_document.uri, DEBOUNCE)


@server.feature(types.NOTEBOOK_DOCUMENT_DID_SAVE)
def notebook_did_save(ls: KerascheckServer, params: types.DidSaveNotebookDocumentParams) -> None:
    if params.notebook_document.uri in ls.notebooks:
        ls.schedule_notebook(params.notebook_document.uri)


@server.feature(types.NOTEBOOK_DOCUMENT_DID_CLOSE)
def notebook_did_close(ls: KerascheckServer, params: types.DidCloseNotebookDocumentParams) -> None:
    ls.close_notebook(params.notebook_document.uri, [cell.uri for cell in params.cell_text_documents])


async def _cell_hover(ls: KerascheckServer, params: types.HoverParams) -> types.Hover | None:
    found_view = await ls.notebook_view_of(params.text_document.uri)
    if found_view is None:
        return None
    view, lines = found_view
    uri, codec = params.text_document.uri, ls.workspace.position_codec
    found = view.analysis.hover(view.to_module(uri, _server_position(codec, lines, params.position)))
    if found is None:
        return None
    start, end = view.to_cell(uri, found.range[0]), view.to_cell(uri, found.range[1])
    if start is None or end is None:
        return None
    return types.Hover(
        contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=found.markdown),
        range=_client_range(codec, lines, (start, end)),
    )


async def _cell_inlay_hints(ls: KerascheckServer, params: types.InlayHintParams) -> list[types.InlayHint]:
    found_view = await ls.notebook_view_of(params.text_document.uri)
    if found_view is None:
        return []
    view, lines = found_view
    uri, codec = params.text_document.uri, ls.workspace.position_codec
    first = view.to_module(uri, (params.range.start.line, 0))[0]
    last = view.to_module(uri, (params.range.end.line, 0))[0]
    hints = []
    for hint in view.analysis.inlay_hints(first, last):
        position = view.to_cell(uri, hint.position)
        if position is None:
            continue
        start = _client_range(codec, lines, (position, position)).start
        hints.append(types.InlayHint(position=start, label=hint.label, kind=types.InlayHintKind.Type))
    return hints


def _is_cell(ls: KerascheckServer, uri: str) -> bool:
    """Whether ``uri`` is a cell of an open notebook (no notebook open: no need to ask)."""
    return bool(ls.notebooks) and uri not in ls.documents and ls.workspace.get_notebook_document(cell_uri=uri) is not None


@server.feature(types.TEXT_DOCUMENT_HOVER)
async def hover(ls: KerascheckServer, params: types.HoverParams) -> types.Hover | None:
    if _is_cell(ls, params.text_document.uri):
        answer = await _cell_hover(ls, params)
        ls.collect_garbage_later()
        return answer
    analysis = await ls.analysis_of(params.text_document.uri)
    ls.collect_garbage_later()
    if analysis is None:
        return None
    codec = ls.workspace.position_codec
    found = analysis.hover(_server_position(codec, analysis.lines, params.position))
    if found is None:
        return None
    return types.Hover(
        contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=found.markdown),
        range=_client_range(codec, analysis.lines, found.range),
    )


@server.feature(types.TEXT_DOCUMENT_INLAY_HINT, types.InlayHintOptions(resolve_provider=False))
async def inlay_hints(ls: KerascheckServer, params: types.InlayHintParams) -> list[types.InlayHint]:
    if _is_cell(ls, params.text_document.uri):
        answer = await _cell_inlay_hints(ls, params)
        ls.collect_garbage_later()
        return answer
    analysis = await ls.analysis_of(params.text_document.uri)
    ls.collect_garbage_later()
    if analysis is None:
        return []
    codec = ls.workspace.position_codec
    hints = []
    for hint in analysis.inlay_hints(params.range.start.line, params.range.end.line):
        line, character = hint.position
        position = _client_range(codec, analysis.lines, ((line, character), (line, character))).start
        hints.append(types.InlayHint(position=position, label=hint.label, kind=types.InlayHintKind.Type))
    return hints


@server.feature(
    types.TEXT_DOCUMENT_CODE_ACTION,
    types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]),
)
async def code_actions(ls: KerascheckServer, params: types.CodeActionParams) -> list[types.CodeAction]:
    """Quick fixes: whatever :meth:`DocumentAnalysis.fixes` offers (the ``--fix`` hook)."""
    uri = params.text_document.uri
    analysis = await ls.analysis_of(uri)
    ls.collect_garbage_later()
    if analysis is None:
        return []
    codec = ls.workspace.position_codec
    start = _server_position(codec, analysis.lines, params.range.start)
    end = _server_position(codec, analysis.lines, params.range.end)
    actions = []
    for fix in analysis.fixes((start, end)):
        edits = [types.TextEdit(_client_range(codec, analysis.lines, e.range), e.new_text) for e in fix.edits]
        actions.append(
            types.CodeAction(
                title=fix.title,
                kind=types.CodeActionKind.QuickFix,
                edit=types.WorkspaceEdit(changes={uri: edits}),
                is_preferred=True,
            )
        )
    return actions


def serve() -> None:
    """Speak LSP on stdin/stdout until the client exits."""
    # The analysis recurses as deep as the analysed code nests (up to a 10,000-frame limit),
    # and libcst's parser as deep as its nesting: every thread gets the analysis's stack.
    from kerascheck.budget import STACK_BYTES

    threading.stack_size(STACK_BYTES)
    # The analysis's modules are loaded now rather than at the first document; they, the
    # server and Keras knowledge live as long as the process: keep them out of every later
    # garbage collection.
    import kerascheck.diagnostics
    import kerascheck.engine.summary
    import kerascheck.frontend.incremental
    import kerascheck.frontend.interpreter  # noqa: F401

    gc.freeze()
    # No automatic garbage collection: one would fall in the middle of an analysis or between
    # an analysis and its diagnostics (a few milliseconds each, more as documents grow). The
    # worker thread collects instead once it has nothing left to do for an analysis
    # (:meth:`KerascheckServer._analyse`), before the next debounced edit reaches it.
    gc.disable()
    # The worker thread holds the interpreter lock while it analyses; the thread answering
    # requests gets it back after this many seconds instead of the default 5 ms.
    sys.setswitchinterval(0.0005)
    server.start_io()
