"""``kerascheck lsp`` end to end: a real LSP client (pytest-lsp) talks to the server over stdio."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

pytest_lsp = pytest.importorskip("pytest_lsp")
from lsprotocol import types  # noqa: E402
from pytest_lsp import ClientServerConfig, LanguageClient  # noqa: E402

from kerascheck.analysis import analyse_source  # noqa: E402
from kerascheck.editor import DocumentAnalysis  # noqa: E402

# One server per fixture, shared by the module's tests (starting one costs about a second).
SERVER = ClientServerConfig(server_command=[sys.executable, "-m", "kerascheck", "lsp"])

MODEL = """\
from keras import layers
from keras.models import Model

inputs = layers.Input(shape=(150, 150, 3))
x = layers.Conv2D(16, 3)(inputs)
x = layers.Flatten()(x)
outputs = layers.LSTM(4)(x)
model = Model(inputs, outputs)
"""

FIXED = MODEL.replace("layers.LSTM(4)(x)", "layers.Dense(4)(x)")


async def _start(client: LanguageClient, root: Path, **options: object) -> None:
    await client.initialize_session(
        types.InitializeParams(
            capabilities=types.ClientCapabilities(),
            root_uri=root.as_uri(),
            initialization_options=options or None,
        )
    )


@pytest_lsp.fixture(config=SERVER, scope="module")
async def client(lsp_client: LanguageClient, request: pytest.FixtureRequest):
    root = request.getfixturevalue("tmp_path_factory").mktemp("lsp")
    lsp_client.root = root
    await _start(lsp_client, root)
    yield
    await lsp_client.shutdown_session()


async def _open(client: LanguageClient, text: str) -> str:
    """Open ``text`` as a new document (one server serves the module's tests)."""
    client.opened = getattr(client, "opened", 0) + 1
    uri = (client.root / f"model_{client.opened}.py").as_uri()
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(types.TextDocumentItem(uri=uri, language_id="python", version=1, text=text))
    )
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    return uri


@pytest.mark.asyncio(loop_scope="module")
async def test_open_publishes_the_diagnostic_at_the_layer_call(client: LanguageClient):
    uri = await _open(client, MODEL)
    [diagnostic] = client.diagnostics[uri]
    assert diagnostic.code == "KC101"
    assert diagnostic.severity == types.DiagnosticSeverity.Error
    assert diagnostic.source == "kerascheck"
    assert "expected ndim=3, found ndim=2" in diagnostic.message
    # the call `layers.LSTM(4)(x)`: line 7, columns 11 to 28 (1-based, end exclusive) for the CLI
    assert diagnostic.range == types.Range(types.Position(6, 10), types.Position(6, 27))


@pytest.mark.asyncio(loop_scope="module")
async def test_change_publishes_only_the_latest_version(client: LanguageClient):
    uri = await _open(client, MODEL)
    assert len(client.diagnostics[uri]) == 1
    # Two quick edits: the first is superseded before the debounce ends.
    for version, text in ((2, MODEL + "\n"), (3, FIXED)):
        client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                types.VersionedTextDocumentIdentifier(uri=uri, version=version),
                [types.TextDocumentContentChangeWholeDocument(text=text)],
            )
        )
    published = await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    assert published.version == 3
    assert list(client.diagnostics[uri]) == []


@pytest.mark.asyncio(loop_scope="module")
async def test_save_publishes_diagnostics(client: LanguageClient):
    uri = await _open(client, MODEL)
    client.text_document_did_save(types.DidSaveTextDocumentParams(types.TextDocumentIdentifier(uri=uri)))
    published = await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    assert [d.code for d in published.diagnostics] == ["KC101"]


@pytest.mark.asyncio(loop_scope="module")
async def test_hover_on_a_layer_call_shows_shape_and_parameter_formula(client: LanguageClient):
    uri = await _open(client, FIXED)
    document = types.TextDocumentIdentifier(uri=uri)
    on_constructor = await client.text_document_hover_async(types.HoverParams(document, types.Position(4, 12)))
    assert on_constructor.contents.value.startswith(
        "`Conv2D(16, 3) → (None, 148, 148, 16) · (3·3·3 + 1)·16 = 448 params`"
    )
    assert "conv2d (Conv2D)" in on_constructor.contents.value
    assert "out = floor((150 - 3) / 1) + 1 = 148" in on_constructor.contents.value
    # the call's parentheses: the whole `Conv2D(16, 3)(inputs)` call
    on_call = await client.text_document_hover_async(types.HoverParams(document, types.Position(4, 31)))
    assert on_call.contents.value == on_constructor.contents.value
    assert on_call.range == types.Range(types.Position(4, 4), types.Position(4, 32))


@pytest.mark.asyncio(loop_scope="module")
async def test_hover_on_a_tensor_variable_shows_what_assigned_it(client: LanguageClient):
    uri = await _open(client, FIXED)
    document = types.TextDocumentIdentifier(uri=uri)
    # `x` on line 6 (0-based 5) is the Flatten's output
    assigned = await client.text_document_hover_async(types.HoverParams(document, types.Position(5, 0)))
    assert assigned.contents.value.startswith("`Flatten() → (None, 350464) · 0 params`")
    # `x` read inside `layers.Dense(4)(x)` is the same tensor
    read = await client.text_document_hover_async(types.HoverParams(document, types.Position(6, 26)))
    assert read.contents.value == assigned.contents.value
    assert read.range == types.Range(types.Position(6, 26), types.Position(6, 27))
    nothing = await client.text_document_hover_async(types.HoverParams(document, types.Position(0, 2)))
    assert nothing is None


@pytest.mark.asyncio(loop_scope="module")
async def test_inlay_hints_show_each_layer_calls_output_shape(client: LanguageClient):
    uri = await _open(client, FIXED)
    hints = await client.text_document_inlay_hint_async(
        types.InlayHintParams(
            types.TextDocumentIdentifier(uri=uri), types.Range(types.Position(0, 0), types.Position(8, 0))
        )
    )
    assert [(h.position.line, h.position.character, h.label) for h in hints] == [
        (3, 42, ": (None, 150, 150, 3)"),
        (4, 32, ": (None, 148, 148, 16)"),
        (5, 23, ": (None, 350464)"),
        (6, 28, ": (None, 4)"),
    ]


@pytest.mark.asyncio(loop_scope="module")
async def test_positions_count_utf16_units(client: LanguageClient):
    text = FIXED.replace('layers.Dense(4)(x)', 'layers.Dense(4, name="out😀")(x)')
    uri = await _open(client, text)
    hints = await client.text_document_inlay_hint_async(
        types.InlayHintParams(
            types.TextDocumentIdentifier(uri=uri), types.Range(types.Position(6, 0), types.Position(7, 0))
        )
    )
    # `outputs = layers.Dense(4, name="out😀")(x)`: 41 characters, 42 UTF-16 units (😀 takes two)
    assert [(h.position.line, h.position.character) for h in hints] == [(6, 42)]
    hover = await client.text_document_hover_async(
        types.HoverParams(types.TextDocumentIdentifier(uri=uri), types.Position(6, 41))
    )
    assert hover.contents.value.startswith("`Dense(4, name=\"out😀\") → (None, 4)")  # on the last `)`
    on_x = await client.text_document_hover_async(
        types.HoverParams(types.TextDocumentIdentifier(uri=uri), types.Position(6, 40))
    )
    assert on_x.contents.value.startswith("`Flatten()")
    assert on_x.range == types.Range(types.Position(6, 40), types.Position(6, 41))


@pytest.mark.asyncio(loop_scope="module")
async def test_shapes_are_shown_while_the_model_does_not_build(client: LanguageClient):
    uri = await _open(client, MODEL)  # the LSTM raises: Keras builds no model
    document = types.TextDocumentIdentifier(uri=uri)
    hints = await client.text_document_inlay_hint_async(
        types.InlayHintParams(document, types.Range(types.Position(0, 0), types.Position(8, 0)))
    )
    assert [(h.position.line, h.label) for h in hints] == [(4, ": (None, 148, 148, 16)"), (5, ": (None, 350464)")]
    hover = await client.text_document_hover_async(types.HoverParams(document, types.Position(5, 0)))
    assert hover.contents.value.startswith("`Flatten() → (None, 350464) · 0 params`")


@pytest.mark.asyncio(loop_scope="module")
async def test_edits_in_a_row_show_the_latest_shapes(client: LanguageClient):
    """The second edit of the same line continues the interpretation paused after the first."""
    uri = await _open(client, MODEL)
    document = types.TextDocumentIdentifier(uri=uri)
    seen = set()
    for version, filters in ((2, 17), (3, 18), (4, 19)):
        text = MODEL.replace("Conv2D(16", f"Conv2D({filters}")
        client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                types.VersionedTextDocumentIdentifier(uri=uri, version=version),
                [types.TextDocumentContentChangeWholeDocument(text=text)],
            )
        )
        published = await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        assert published.version == version and [d.code for d in published.diagnostics] == ["KC101"]
        hints = await client.text_document_inlay_hint_async(
            types.InlayHintParams(document, types.Range(types.Position(0, 0), types.Position(8, 0)))
        )
        # What a fresh analysis of the same text shows, and a new picture for each edit.
        fresh = DocumentAnalysis(text, analyse_source(text, "model.py", all_layers=True)).inlay_hints(0, 8)
        labels = tuple(h.label for h in hints)
        assert labels == tuple(h.label for h in fresh) and len(labels) == 2 and labels not in seen
        seen.add(labels)


@pytest.mark.asyncio(loop_scope="module")
async def test_a_document_over_the_size_bound_is_reported_not_parsed(client: LanguageClient):
    uri = await _open(client, "import keras\n" + "x = 1\n" * 200_000)
    [diagnostic] = client.diagnostics[uri]
    assert diagnostic.code == "KC003" and "too large" in diagnostic.message


STACKED = """\
import keras
from keras import layers

model = keras.Sequential([
    keras.Input(shape=(20, 8)),
    layers.LSTM(64),  # the encoder
    layers.LSTM(32),
])
"""


def _apply(text: str, edits: list) -> str:
    lines = text.splitlines(keepends=True)
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line))
    for edit in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
        start = offsets[edit.range.start.line] + edit.range.start.character
        end = offsets[edit.range.end.line] + edit.range.end.character
        text = text[:start] + edit.new_text + text[end:]
    return text


@pytest.mark.asyncio(loop_scope="module")
async def test_code_action_applies_the_diagnostics_fix(client: LanguageClient):
    uri = await _open(client, STACKED)
    (diagnostic,) = client.diagnostics[uri]
    assert diagnostic.code == "KC101" and diagnostic.range.start.line == 6
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            types.TextDocumentIdentifier(uri=uri), diagnostic.range, types.CodeActionContext(diagnostics=[diagnostic])
        )
    )
    (action,) = actions
    assert action.kind == types.CodeActionKind.QuickFix and "return the whole sequence" in action.title
    fixed = _apply(STACKED, action.edit.changes[uri])
    assert fixed == STACKED.replace("layers.LSTM(64),", "layers.LSTM(64, return_sequences=True),")
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            types.VersionedTextDocumentIdentifier(uri=uri, version=2),
            [types.TextDocumentContentChangeWholeDocument(text=fixed)],
        )
    )
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    assert list(client.diagnostics[uri]) == []


@pytest.mark.asyncio(loop_scope="module")
async def test_no_code_action_where_no_fix_exists(client: LanguageClient):
    uri = await _open(client, MODEL)
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            types.TextDocumentIdentifier(uri=uri),
            types.Range(types.Position(6, 10), types.Position(6, 24)),
            types.CodeActionContext(diagnostics=list(client.diagnostics[uri])),
        )
    )
    assert not actions


@pytest_lsp.fixture(config=SERVER, scope="module")
async def configured_client(lsp_client: LanguageClient, request: pytest.FixtureRequest):
    root = request.getfixturevalue("tmp_path_factory").mktemp("lsp")
    (root / "pyproject.toml").write_text("[tool.kerascheck]\ninlay-hints = false\nignore = [\"KC101\"]\n")
    lsp_client.root = root
    await _start(lsp_client, root)
    yield
    await lsp_client.shutdown_session()


@pytest.mark.asyncio(loop_scope="module")
async def test_pyproject_settings_turn_off_inlay_hints_and_rules(configured_client: LanguageClient):
    uri = await _open(configured_client, MODEL)
    assert list(configured_client.diagnostics[uri]) == []
    hints = await configured_client.text_document_inlay_hint_async(
        types.InlayHintParams(
            types.TextDocumentIdentifier(uri=uri), types.Range(types.Position(0, 0), types.Position(8, 0))
        )
    )
    assert not hints


@pytest_lsp.fixture(config=SERVER, scope="module")
async def client_without_hints(lsp_client: LanguageClient, request: pytest.FixtureRequest):
    lsp_client.root = request.getfixturevalue("tmp_path_factory").mktemp("lsp")
    await _start(lsp_client, lsp_client.root, inlayHints=False)
    yield
    await lsp_client.shutdown_session()


@pytest.mark.asyncio(loop_scope="module")
async def test_initialization_option_turns_off_inlay_hints(client_without_hints: LanguageClient):
    uri = await _open(client_without_hints, FIXED)
    hints = await client_without_hints.text_document_inlay_hint_async(
        types.InlayHintParams(
            types.TextDocumentIdentifier(uri=uri), types.Range(types.Position(0, 0), types.Position(8, 0))
        )
    )
    assert not hints


BLOCK_PYGLS = "import sys; sys.modules['pygls'] = None; from kerascheck.cli import main; main(['lsp'])"


def test_without_pygls_the_subcommand_says_what_to_install():
    done = subprocess.run([sys.executable, "-c", BLOCK_PYGLS], capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert "pip install 'kerascheck[lsp]'" in done.stderr
    assert "Traceback" not in done.stderr


def test_version_does_not_import_the_language_server():
    code = "import sys; from kerascheck.cli import main\ntry:\n main(['--version'])\nexcept SystemExit: pass\n"
    code += "print(sorted(m for m in sys.modules if m.split('.')[0] in ('pygls', 'lsprotocol') or m == 'kerascheck.lsp'))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.stdout.strip().endswith("[]")


def test_requests_alone_get_their_garbage_collected(monkeypatch: pytest.MonkeyPatch):
    """Automatic collection is off in the server: hovers without edits must still be collected
    after, once for a burst of them, off the path of their answers."""
    import asyncio
    from types import SimpleNamespace

    import kerascheck.lsp as lsp

    collected: list[int] = []
    monkeypatch.setattr(lsp, "gc", SimpleNamespace(collect=lambda: collected.append(1)))
    monkeypatch.setattr(lsp, "REQUEST_COLLECTION_DELAY", 0.05)
    server = lsp.KerascheckServer()
    where = types.TextDocumentIdentifier(uri=(Path.cwd() / "not_open.py").as_uri())

    async def hovers() -> list[int]:
        for _ in range(3):
            assert await lsp.hover(server, types.HoverParams(where, types.Position(0, 0))) is None
        before = list(collected)
        await asyncio.sleep(0.3)
        return before

    assert asyncio.run(hovers()) == []  # not while the requests are answered
    server.executor.shutdown(wait=True)
    assert collected == [1]


SLOW = """\
import keras
x = sum(i + j for i in range(1000) for j in range(1000))
model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(2)])
"""


@pytest.mark.asyncio(loop_scope="module")
async def test_a_document_that_takes_its_whole_budget_delays_no_other(client: LanguageClient):
    """Each document is analysed in a thread of its own: the quick one's diagnostics come while
    the slow one (its whole step budget, a second or more) is still being analysed."""
    import asyncio

    client.opened = getattr(client, "opened", 0) + 1
    slow = (client.root / f"slow_{client.opened}.py").as_uri()
    quick = (client.root / f"quick_{client.opened}.py").as_uri()
    for uri, text in ((slow, SLOW), (quick, MODEL)):
        client.text_document_did_open(
            types.DidOpenTextDocumentParams(types.TextDocumentItem(uri=uri, language_id="python", version=1, text=text))
        )
    order = []
    while len(order) < 2:
        params = await asyncio.wait_for(client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS), 60)
        if params.uri in (slow, quick) and params.uri not in order:
            order.append(params.uri)
    assert order == [quick, slow]
    assert [d.code for d in client.diagnostics[slow]] == ["KC003"]  # stopped past the budget, as on the command line
    assert [d.code for d in client.diagnostics[quick]] == ["KC101"]
# ---------------------------------------------------------------- notebooks (LSP 3.17 notebook documents)
NOTEBOOK_CELLS = [
    ("markdown", "# A convolutional model\nIts last layer is wrong."),
    ("python", "from keras import layers\nfrom keras.models import Model\n\ninputs = layers.Input(shape=(150, 150, 3))\nx = layers.Conv2D(16, 3)(inputs)"),
    ("python", "%matplotlib inline\nx = layers.Flatten()(x)\noutputs = layers.LSTM(4)(x)"),
    ("python", "model = Model(inputs, outputs)\nmodel.summary()"),
]


async def _open_notebook(client: LanguageClient, cells: list[tuple[str, str]]) -> tuple[str, list[str]]:
    """Open ``cells`` as a notebook document; its uri and its cells' uris (diagnostics are published
    to each Python cell)."""
    client.notebooks = getattr(client, "notebooks", 0) + 1
    uri = (client.root / f"notebook_{client.notebooks}.ipynb").as_uri()
    cell_uris = [f"vscode-notebook-cell:{uri[len('file:'):]}#cell{i}" for i in range(len(cells))]
    documents = [
        types.TextDocumentItem(uri=cell_uri, language_id=language, version=1, text=text)
        for cell_uri, (language, text) in zip(cell_uris, cells)
    ]
    kinds = [types.NotebookCellKind.Code if language == "python" else types.NotebookCellKind.Markup for language, _ in cells]
    client.notebook_document_did_open(
        types.DidOpenNotebookDocumentParams(
            notebook_document=types.NotebookDocument(
                uri=uri, notebook_type="jupyter-notebook", version=1,
                cells=[types.NotebookCell(kind=kind, document=cell_uri) for kind, cell_uri in zip(kinds, cell_uris)],
            ),
            cell_text_documents=documents,
        )
    )
    python_cells = [u for u, (language, _) in zip(cell_uris, cells) if language == "python"]
    await _until(lambda: all(u in client.diagnostics for u in python_cells))
    return uri, cell_uris


async def _until(condition, timeout: float = 60) -> None:  # noqa: ANN001
    """Wait for what the server publishes (its notifications for the cells come in one burst)."""
    import asyncio

    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not condition():
        assert loop.time() < deadline, "the server published nothing in time"
        await asyncio.sleep(0.02)


def _as_ipynb(cells: list[tuple[str, str]]) -> str:
    import json

    return json.dumps({
        "nbformat": 4, "nbformat_minor": 5, "metadata": {},
        "cells": [
            {"cell_type": "code" if language == "python" else "markdown", "metadata": {}, "source": text,
             **({"outputs": [], "execution_count": None} if language == "python" else {})}
            for language, text in cells
        ],
    })


@pytest.mark.asyncio(loop_scope="module")
async def test_notebook_cells_get_the_diagnostics_the_command_line_gives(client: LanguageClient, tmp_path: Path):
    import json

    _, cell_uris = await _open_notebook(client, NOTEBOOK_CELLS)
    # What `kerascheck --format json notebook.ipynb` reports for the same notebook, by cell.
    path = tmp_path / "same.ipynb"
    path.write_text(_as_ipynb(NOTEBOOK_CELLS))
    done = subprocess.run([sys.executable, "-m", "kerascheck", "--format", "json", str(path)], capture_output=True, text=True)
    expected = json.loads(done.stdout)["diagnostics"]
    assert [d["cell"] for d in expected] == [3]
    for number, cell_uri in enumerate(cell_uris, start=1):
        if number == 1:
            assert cell_uri not in client.diagnostics  # markdown: never published to
            continue
        published = client.diagnostics[cell_uri]
        wanted = [d for d in expected if d["cell"] == number]
        assert [(d.code, d.message) for d in published] == [(d["code"], d["message"]) for d in wanted]
        assert [(d.range.start.line + 1, d.range.start.character + 1, d.range.end.line + 1, d.range.end.character + 1)
                for d in published] == [(d["line"], d["column"], d["end_line"], d["end_column"]) for d in wanted]
    assert "from Flatten 'flatten' at cell 3, line 2" in client.diagnostics[cell_uris[2]][0].message


@pytest.mark.asyncio(loop_scope="module")
async def test_notebook_hover_and_inlay_hints_are_per_cell(client: LanguageClient):
    _, cell_uris = await _open_notebook(client, NOTEBOOK_CELLS)
    # The same code as one Python document: what hovers and hints show there, cell lines shifted.
    code = [text for language, text in NOTEBOOK_CELLS if language == "python"]
    as_python = "\n".join(t.replace("%matplotlib inline", "pass") for t in code) + "\n"
    python_uri = await _open(client, as_python)
    offsets = [0, code[0].count("\n") + 1, code[0].count("\n") + code[1].count("\n") + 2]
    for cell_uri, offset, text in zip(cell_uris[1:], offsets, code):
        lines = text.count("\n") + 1
        hints = await client.text_document_inlay_hint_async(
            types.InlayHintParams(types.TextDocumentIdentifier(uri=cell_uri), types.Range(types.Position(0, 0), types.Position(lines, 0)))
        )
        reference = await client.text_document_inlay_hint_async(
            types.InlayHintParams(
                types.TextDocumentIdentifier(uri=python_uri),
                types.Range(types.Position(offset, 0), types.Position(offset + lines - 1, 0)),
            )
        )
        assert [(h.position.line, h.position.character, h.label) for h in hints] == [
            (h.position.line - offset, h.position.character, h.label) for h in reference
        ]
    cell_hints = await client.text_document_inlay_hint_async(
        types.InlayHintParams(types.TextDocumentIdentifier(uri=cell_uris[1]), types.Range(types.Position(0, 0), types.Position(5, 0)))
    )
    assert [h.position.line for h in cell_hints] == [4]  # the Conv2D call, in the cell's own lines
    on_cell = await client.text_document_hover_async(types.HoverParams(types.TextDocumentIdentifier(uri=cell_uris[1]), types.Position(4, 12)))
    on_python = await client.text_document_hover_async(types.HoverParams(types.TextDocumentIdentifier(uri=python_uri), types.Position(4, 12)))
    assert on_cell.contents.value == on_python.contents.value and "conv2d (Conv2D)" in on_cell.contents.value
    assert on_cell.range == on_python.range  # cell 2 starts the module: the same lines
    flatten = await client.text_document_hover_async(types.HoverParams(types.TextDocumentIdentifier(uri=cell_uris[2]), types.Position(1, 0)))
    flatten_python = await client.text_document_hover_async(types.HoverParams(types.TextDocumentIdentifier(uri=python_uri), types.Position(offsets[1] + 1, 0)))
    assert flatten.contents.value == flatten_python.contents.value and flatten.contents.value.startswith("`Flatten()")
    assert flatten.range.start.line == 1


@pytest.mark.asyncio(loop_scope="module")
async def test_editing_a_cell_publishes_its_new_diagnostics(client: LanguageClient):
    notebook_uri, cell_uris = await _open_notebook(client, NOTEBOOK_CELLS)
    assert [d.code for d in client.diagnostics[cell_uris[2]]] == ["KC101"]
    fixed = NOTEBOOK_CELLS[2][1].replace("layers.LSTM(4)(x)", "layers.Dense(4)(x)")
    client.notebook_document_did_change(
        types.DidChangeNotebookDocumentParams(
            notebook_document=types.VersionedNotebookDocumentIdentifier(version=2, uri=notebook_uri),
            change=types.NotebookDocumentChangeEvent(
                cells=types.NotebookDocumentCellChanges(
                    text_content=[
                        types.NotebookDocumentCellContentChanges(
                            document=types.VersionedTextDocumentIdentifier(uri=cell_uris[2], version=2),
                            changes=[types.TextDocumentContentChangeWholeDocument(text=fixed)],
                        )
                    ]
                )
            ),
        )
    )
    await _until(lambda: list(client.diagnostics[cell_uris[2]]) == [])
    hints = await client.text_document_inlay_hint_async(
        types.InlayHintParams(types.TextDocumentIdentifier(uri=cell_uris[2]), types.Range(types.Position(0, 0), types.Position(3, 0)))
    )
    assert [h.position.line for h in hints] == [1, 2]
    client.notebook_document_did_close(
        types.DidCloseNotebookDocumentParams(
            notebook_document=types.NotebookDocumentIdentifier(uri=notebook_uri),
            cell_text_documents=[types.TextDocumentIdentifier(uri=u) for u in cell_uris],
        )
    )
    client.diagnostics[cell_uris[1]] = ["not cleared yet"]
    await _until(lambda: list(client.diagnostics[cell_uris[1]]) == [])  # closing clears every cell


def test_the_server_announces_notebook_document_sync():
    from kerascheck.lsp import NOTEBOOK_SYNC

    (selector,) = NOTEBOOK_SYNC.notebook_selector
    assert selector.notebook == "*" and [c.language for c in selector.cells] == ["python"]
