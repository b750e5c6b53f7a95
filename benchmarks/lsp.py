"""The language server's latency, measured through a real LSP client over stdio.

    python benchmarks/lsp.py [--runs 20] [--lines 500] [--think 0.5]

Generates a functional model file of about ``--lines`` lines (a chain of convolution
blocks with a helper function, one shape error), starts ``kerascheck lsp`` and reports
medians of:

- open → diagnostics (the first analysis of the text);
- an edit → its diagnostics, minus the debounce (analysing the new text), for three kinds
  of edit typed again and again: a constant at the top (``UNITS = 64``, read only near the
  end), a layer's argument in the middle of the file, the last layer's units.  Each edit
  comes ``--think`` seconds (0.5) after the answers to the last one, as a user reads them
  before typing on; with ``--think 0`` it comes at once, while the server still prepares
  for the next edit and collects garbage (its arrival is read a few milliseconds later);
- save of unchanged text → diagnostics (from the cache);
- hover on a layer call and on a tensor variable, inlay hints for the whole file (from
  the cache: these never analyse).
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

from lsprotocol import types
from pygls.lsp.client import LanguageClient

HEADER = '''\
"""A generated model for the language server benchmark."""
import keras
from keras import layers

UNITS = 64


def block(x, filters, name):
    """Two convolutions, normalisation and a residual projection."""
    shortcut = layers.Conv2D(filters, 1, padding="same", name=f"{name}_proj")(x)
    x = layers.Conv2D(filters, 3, padding="same", name=f"{name}_conv1")(x)
    x = layers.BatchNormalization(name=f"{name}_bn1")(x)
    x = layers.Activation("relu", name=f"{name}_relu1")(x)
    x = layers.Conv2D(filters, 3, padding="same", name=f"{name}_conv2")(x)
    x = layers.BatchNormalization(name=f"{name}_bn2")(x)
    x = layers.add([x, shortcut], name=f"{name}_add")
    return layers.Activation("relu", name=f"{name}_out")(x)


inputs = keras.Input(shape=(64, 64, 3))
x = inputs
'''

STAGE = '''\
# stage {i}
x = layers.Conv2D({filters}, 3, padding="same", name="stage{i}_conv_a")(x)
x = layers.BatchNormalization(name="stage{i}_bn_a")(x)
x = layers.Activation("relu", name="stage{i}_relu_a")(x)
x = layers.Conv2D({filters}, 3, padding="same", name="stage{i}_conv_b")(x)
x = layers.BatchNormalization(name="stage{i}_bn_b")(x)
x = block(x, {filters}, "stage{i}_block")
x = layers.Dropout(0.1, name="stage{i}_drop")(x)
'''

FOOTER = '''\
x = layers.GlobalAveragePooling2D()(x)
x = layers.Dense(UNITS, activation="relu")(x)
x = layers.LSTM(8)(x)  # a shape error: a 2-D input
outputs = layers.Dense(10, activation="softmax")(x)
model = keras.Model(inputs, outputs)
'''


def model_source(lines: int) -> str:
    stages = max(1, (lines - HEADER.count("\n") - FOOTER.count("\n")) // STAGE.count("\n"))
    body = "".join(STAGE.format(i=i, filters=16 + 8 * (i % 4)) for i in range(stages))
    return HEADER + body + FOOTER


async def measure(runs: int, lines: int, think: float) -> dict[str, list[float]]:
    source = model_source(lines)
    folder = Path(tempfile.mkdtemp())
    path = folder / "model.py"
    path.write_text(source)
    uri = path.as_uri()
    published: asyncio.Queue[tuple[float, types.PublishDiagnosticsParams]] = asyncio.Queue()

    client = LanguageClient("benchmark", "1")

    @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def on_diagnostics(params: types.PublishDiagnosticsParams) -> None:
        published.put_nowait((time.perf_counter(), params))

    await client.start_io(sys.executable, "-m", "kerascheck", "lsp")
    await client.initialize_async(types.InitializeParams(capabilities=types.ClientCapabilities(), root_uri=folder.as_uri()))
    client.initialized(types.InitializedParams())
    lines_of = source.splitlines()
    middle = next(l for l in lines_of[len(lines_of) // 2 :] if "_conv_a" in l)
    last = next(l for l in lines_of if l.startswith("outputs = layers.Dense(10"))
    edit_kinds = {
        "edit → diagnostics: constant at the top": ("UNITS = 64", lambda n: f"UNITS = {65 + n}"),
        "edit → diagnostics: layer in the middle": (middle, lambda n: middle.replace("Conv2D(", f"Conv2D({9 + n} + ", 1)),
        "edit → diagnostics: last layer": (last, lambda n: last.replace("Dense(10", f"Dense({11 + n}", 1)),
    }
    results: dict[str, list[float]] = {k: [] for k in (
        "open → diagnostics (first analysis, cold)", *edit_kinds,
        "save (text unchanged) → diagnostics", "hover on a layer call", "hover on a tensor variable",
        "inlay hints, whole file",
    )}
    keys = [k for k in results if k not in edit_kinds]
    document = types.TextDocumentIdentifier(uri=uri)
    call_line = next(i for i, l in enumerate(lines_of) if "stage3_conv_b" in l)
    variable_line = next(i for i, l in enumerate(lines_of) if "stage3_drop" in l)

    start = time.perf_counter()
    client.text_document_did_open(types.DidOpenTextDocumentParams(types.TextDocumentItem(uri, "python", 1, source)))
    end, params = await published.get()
    results[keys[0]].append(end - start)
    print(f"{len(lines_of)} lines, {len(params.diagnostics)} diagnostic(s): "
          + "; ".join(f"{d.code} at line {d.range.start.line + 1}" for d in params.diagnostics))

    from kerascheck.lsp import DEBOUNCE

    version = 1
    text = source
    for kind, (old, new) in edit_kinds.items():
        for run in range(runs):  # each edit stays: the next kind edits the text the last one left
            await asyncio.sleep(think)  # the user reads the last result before typing again
            version += 1
            text = text.replace(old, new(run))
            old = new(run)
            start = time.perf_counter()
            client.text_document_did_change(types.DidChangeTextDocumentParams(
                types.VersionedTextDocumentIdentifier(uri=uri, version=version),
                [types.TextDocumentContentChangeWholeDocument(text)]))
            end, params = await published.get()
            assert params.version == version
            results[kind].append(end - start - DEBOUNCE)

            start = time.perf_counter()
            client.text_document_did_save(types.DidSaveTextDocumentParams(document))
            end, _ = await published.get()
            results[keys[1]].append(end - start)

            for key, position in ((keys[2], types.Position(call_line, 10)), (keys[3], types.Position(variable_line, 0))):
                start = time.perf_counter()
                hover = await client.text_document_hover_async(types.HoverParams(document, position))
                results[key].append(time.perf_counter() - start)
                assert hover is not None, key

            start = time.perf_counter()
            hints = await client.text_document_inlay_hint_async(types.InlayHintParams(
                document, types.Range(types.Position(0, 0), types.Position(len(lines_of), 0))))
            results[keys[4]].append(time.perf_counter() - start)
            assert hints

    await client.shutdown_async(None)
    client.exit(None)
    await client.stop()
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--lines", type=int, default=500)
    parser.add_argument(
        "--think", type=float, default=0.5,
        help="seconds between the last answers of an edit and the next edit (0: typed at once)",
    )
    options = parser.parse_args()
    results = asyncio.run(measure(options.runs, options.lines, options.think))
    print(f"{'measurement':<45} {'median':>9} {'max':>9}  (edits: the first of each kind finds no pause made for its place)")
    for key, times in results.items():
        print(f"{key:<45} {statistics.median(times) * 1000:>7.1f} ms {max(times) * 1000:>6.1f} ms")


if __name__ == "__main__":
    main()
