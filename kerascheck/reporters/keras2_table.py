"""``model.summary()`` as Keras 2 (tf.keras, tf-keras) prints it, from a :class:`ModelSummary`.

Follows ``tf_keras/src/utils/layer_utils.py:print_summary``: plain text, 65
characters and positions ``[0.45, 0.85, 1.0]`` for sequential-like models, 98 and
``[0.3, 0.6, 0.7, 1.0]`` with a "Connected to" column otherwise; each cell is cut
at its column width and continued on the next line (at a ``),`` / ``',`` boundary
when there is one), every row is followed by a blank line, counts have no
thousands separators and sizes are in ``Byte`` / ``KB`` / ``MB``.
"""

from __future__ import annotations

from typing import Any

from kerascheck.engine import summary as engine_summary
from kerascheck.engine.dims import UNKNOWN
from kerascheck.reporters.printable import printable
from kerascheck.results import LayerRow, ModelSummary

SEQUENTIAL_LAYOUT = (65, (0.45, 0.85, 1.0))
CONNECTED_LAYOUT = (98, (0.3, 0.6, 0.70, 1.0))
KERAS2_UNITS = ("Byte", "KB", "MB", "GB", "TB", "PB")
LINE_BREAKS = ("),", "},", "],", "',")
NOT_BUILT = (
    "ValueError: This model has not yet been built. Build the model first by calling `build()` "
    "or by calling the model on a batch of data."
)


def readable_memory_size(size: Any) -> str:
    """``layer_utils.readable_memory_size``: ``432.23 KB``, ``0.00 Byte``."""
    return engine_summary.readable_memory_size(size, KERAS2_UNITS)


def python_repr(value: Any) -> str:
    """``str()`` of a shape as Python prints tuples and lists: ``(None, 8)``, ``(None,)``, ``[(None, 8)]``."""
    if value is UNKNOWN:
        return "?"
    if isinstance(value, list):
        return "[" + ", ".join(python_repr(v) for v in value) + "]"
    if isinstance(value, tuple):
        inner = ", ".join(python_repr(v) for v in value)
        return f"({inner},)" if len(value) == 1 else f"({inner})"
    return str(value)


def _count(value: Any) -> str:
    return "?" if value is UNKNOWN else str(value)


def row_fields(row: LayerRow, connected: bool) -> list[str]:
    name = "?" if row.name is UNKNOWN else printable(row.name)
    output = row.output if isinstance(row.output, str) else python_repr(row.output)
    fields = [f"{name} ({printable(row.class_name)})", output, _count(row.params)]
    if connected:
        fields.append("?" if row.connected_to == ("?",) else printable(repr(list(row.connected_to))))
    return fields


def print_row(fields: list[str], positions: list[int]) -> list[str]:
    """``print_summary``'s ``print_row``: columns cut to width and continued on following lines."""
    lines = []
    left = list(fields)
    while any(left):
        line = ""
        for col in range(len(left)):
            start = positions[col - 1] if col > 0 else 0
            end = positions[col]
            space = 2 if col != len(positions) - 1 else 0
            cutoff = end - start - space
            if col != len(positions) - 1:
                cutoff -= 1
            fit = left[col][:cutoff]
            candidates = [fit.find(x) + len(x) for x in LINE_BREAKS if fit.find(x) >= 0]
            if candidates:
                cutoff = min(candidates)
                fit = fit[:cutoff]
            if col == 0:
                line += " "
            line += fit
            line += " " * space
            left[col] = left[col][cutoff:]
            line += " " * (positions[col] - len(line))
        lines.append(line)
    return lines


def render(summary: ModelSummary, explain: bool = False) -> str:
    connected = summary.show_connections
    line_length, ratios = CONNECTED_LAYOUT if connected else SEQUENTIAL_LAYOUT
    positions = [int(line_length * p) for p in ratios]
    name = "?" if summary.name is UNKNOWN else printable(summary.name)
    out = [f'Model: "{name}"']
    if summary.built is False:
        out.append(NOT_BUILT)
        return "\n".join(out) + "\n"
    header = ["Layer (type)", "Output Shape", "Param #"] + (["Connected to"] if connected else [])
    out.append("_" * line_length)
    out += print_row(header, positions)
    out.append("=" * line_length)
    for row in summary.rows:
        out += print_row(row_fields(row, connected), positions)
        if explain:
            out += [f"   {text}" for text in row.explanations]
        out.append(" " * line_length)
    out.append("=" * line_length)
    out.append(f"Total params: {_count(summary.total_params)} ({readable_memory_size(summary.total_bytes)})")
    out.append(f"Trainable params: {_count(summary.trainable_params)} ({readable_memory_size(summary.trainable_bytes)})")
    out.append(
        f"Non-trainable params: {_count(summary.non_trainable_params)} "
        f"({readable_memory_size(summary.non_trainable_bytes)})"
    )
    out.append("_" * line_length)
    return "\n".join(out) + "\n"
