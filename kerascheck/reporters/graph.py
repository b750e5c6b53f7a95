"""Model pictures: a predicted summary as a Graphviz DOT graph, what ``plot_model`` draws.

One box per layer with its name, class, output shape and parameter count (what
``keras.utils.plot_model(model, show_shapes=True)`` shows), edges for the
connections of a functional model or the chain of a Sequential, and each model
used as a layer drawn as a cluster of its own layers.  DOT is plain text; the
``dot`` program, when installed, turns it into SVG or PNG (:func:`render_file`).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any, Callable, Iterable

from kerascheck.engine.dims import UNKNOWN, format_output
from kerascheck.results import LayerRow, ModelSummary

_CONNECTION = re.compile(r"^(.*)\[(\d+|\?)\]\[(\d+)\]$")


def _quote(text: str) -> str:
    """A DOT string; a newline in ``text`` becomes a line break of the label."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"'


def _name(value: Any) -> str:
    return "?" if value is UNKNOWN else str(value)


def _label(row: LayerRow) -> str:
    if not row.built:  # summary()'s "0 (unbuilt)"
        return f"{_name(row.name)}\n{row.class_name}\n?\nunbuilt"
    params = "?" if row.params is UNKNOWN else f"{row.params:,}"
    return f"{_name(row.name)}\n{row.class_name}\n{format_output(row.output)}\n{params} params"


def _failing_label(row: LayerRow) -> str:
    return f"{_name(row.name)}\n{row.class_name}\ndoes not build"


_FAILING_STYLE = 'style="rounded,dashed", color="red", fontcolor="red"'


class _Writer:
    def __init__(self) -> None:
        self.lines: list[str] = []
        self.count = 0

    def new_id(self) -> str:
        self.count += 1
        return f"n{self.count}"

    def model(self, summary: ModelSummary, indent: str) -> tuple[list[str], list[str]]:
        """Draw the model's layers; return the node ids that take its inputs and give its outputs.

        A model that does not build is drawn as far as it builds (:attr:`ModelSummary.partial`),
        the layers whose calls raise in red."""
        ends: dict[int, tuple[str, str]] = {}  # row index -> (first node, last node)
        by_name: dict[str, int] = {}
        rows = summary.partial or summary.rows
        connected = summary.show_connections or bool(summary.partial)
        for index, row in enumerate(rows):
            failing = bool(summary.partial) and not row.built
            if row.name is not UNKNOWN:
                by_name.setdefault(str(row.name), index)
            if row.nested is not None and row.nested.rows:
                cluster = self.new_id()
                self.lines.append(f"{indent}subgraph cluster_{cluster} {{")
                label = f"{_name(row.name)} ({row.class_name})\n{format_output(row.output) if row.built else '?'}"
                self.lines.append(f"{indent}  label={_quote(label)};")
                firsts, lasts = self.model(row.nested, indent + "  ")
                self.lines.append(f"{indent}}}")
                ends[index] = (firsts[0], lasts[-1])
            elif failing:
                node = self.new_id()
                self.lines.append(f"{indent}{node} [label={_quote(_failing_label(row))}, {_FAILING_STYLE}];")
                ends[index] = (node, node)
            else:
                node = self.new_id()
                self.lines.append(f"{indent}{node} [label={_quote(_label(row))}];")
                ends[index] = (node, node)
        edges: list[tuple[int, int]] = []
        if connected:
            for index, row in enumerate(rows):
                for connection in row.connected_to:
                    match = _CONNECTION.match(connection)
                    if match and match.group(1) in by_name:
                        edges.append((by_name[match.group(1)], index))
        else:
            edges = [(i, i + 1) for i in range(len(rows) - 1)]
        for source, target in edges:
            self.lines.append(f"{indent}{ends[source][1]} -> {ends[target][0]};")
        targets = {t for _, t in edges}
        sources = {s for s, _ in edges}
        firsts = [ends[i][0] for i in range(len(rows)) if i not in targets] or ["_"]
        lasts = [ends[i][1] for i in range(len(rows)) if i not in sources] or ["_"]
        return firsts, lasts


def to_dot(summary: ModelSummary) -> str:
    """The model as a DOT digraph, top to bottom like ``plot_model``."""
    writer = _Writer()
    writer.model(summary, "  ")
    title = f"{_name(summary.name)}"
    head = [
        f"digraph {_quote(title)} {{",
        "  rankdir=TB;",
        '  node [shape=box, style="rounded", fontname="Helvetica", fontsize=11];',
        '  graph [fontname="Helvetica", fontsize=11];',
    ]
    return "\n".join(head + writer.lines + ["}"]) + "\n"


# A file name's bytes stay well under any file system's limit (255), with the picture's
# suffix and the temporary name it is written under.
MAX_STEM_BYTES = 150
DOT_TIMEOUT = 120  # seconds one picture may take dot


def file_stem(summary: ModelSummary, taken: set[str]) -> str:
    """``<file>.<variable>``, made unique within one run; a long one is cut and made unique by
    a hash of the whole (a 300-character model name failed with ENAMETOOLONG)."""
    label = summary.variable or _name(summary.name)
    stem = f"{Path(summary.path).stem}.{re.sub(r'[^A-Za-z0-9_.-]', '_', label)}"
    if len(stem.encode("utf-8", "surrogateescape")) > MAX_STEM_BYTES:
        from kerascheck.hashing import digest

        cut = stem.encode("utf-8", "surrogateescape")[: MAX_STEM_BYTES - 17].decode("utf-8", "ignore")
        stem = f"{cut}-{digest(stem.encode('utf-8', 'surrogateescape'))[:16]}"
    candidate, number = stem, 1
    while candidate in taken:
        number += 1
        candidate = f"{stem}_{number}"
    taken.add(candidate)
    return candidate


def dot_program() -> str | None:
    """Graphviz's ``dot``, or None when it is not installed."""
    return shutil.which("dot")


def render_file(dot_path: Path, fmt: str) -> Path | None:
    """``dot -T<fmt>``: the picture beside the DOT file, or None when Graphviz is not installed.

    dot is given absolute paths only (a file named ``-oX.py`` made ``-oX….dot``, an option, and
    dot then read its standard input, which it no longer has) and writes a temporary file
    renamed over the picture: a symlink there is replaced, never written through.
    """
    program = dot_program()
    if program is None:
        return None
    source = Path(os.path.abspath(dot_path))
    target = source.with_suffix(f".{fmt}")
    temporary = target.with_name(f".{target.name}.{os.getpid()}.{os.urandom(4).hex()}.tmp")
    try:
        subprocess.run(
            [program, f"-T{fmt}", f"-o{temporary}", str(source)],
            check=True, capture_output=True, stdin=subprocess.DEVNULL, timeout=DOT_TIMEOUT,
        )
        os.replace(temporary, target)
    finally:
        if os.path.lexists(temporary):
            os.unlink(temporary)
    return target


def write_graphs(
    summaries: Iterable[ModelSummary], folder: Path, fmt: str | None, echo: Callable[[str], None]
) -> int:
    """Each model's DOT file (and picture) in ``folder``; the number that could not be written.

    Every file is written to a temporary file and renamed into place: a symlink in the folder
    (``model.dot`` → ``~/.bashrc``) is replaced, never followed. A failure is reported and
    the next graph written.
    """
    from kerascheck.reporters.printable import printable
    from kerascheck.safeio import write_atomic

    taken: set[str] = set()
    failures = 0
    for summary in summaries:
        path = folder / (file_stem(summary, taken) + ".dot")
        try:
            write_atomic(path, to_dot(summary).encode("utf-8"))
            picture = render_file(path, fmt or "svg")
        except (OSError, subprocess.SubprocessError) as err:
            echo(printable(f"kerascheck: cannot write the graph {path}: {err}"))
            failures += 1
            continue
        echo(printable(f"kerascheck: wrote {path}" + (f" and {picture.name}" if picture else "")))
    return failures
