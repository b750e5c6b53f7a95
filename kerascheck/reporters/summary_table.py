"""``model.summary()`` as Keras 3 prints it, from a :class:`ModelSummary`.

Keras renders a rich table with fixed column widths: 88 characters and
positions ``[0.45, 0.80, 1.0]`` for sequential-like models, 108 and
``[0.3, 0.56, 0.74, 1.0]`` with a "Connected to" column otherwise; rich then
reduces the columns evenly to fit borders and padding, and word-wraps cells.
This module reproduces that layout, so that the text matches Keras's own
output line for line, with one deliberate difference: where Keras would cut a
word with ``…``, the column grows instead, so no name or number is truncated.
"""

from __future__ import annotations

from typing import Any

from kerascheck.engine.dims import UNKNOWN, format_output
from kerascheck.engine.summary import readable_memory_size
from kerascheck.reporters.printable import printable
from kerascheck.results import LayerRow, ModelSummary

SEQUENTIAL_LAYOUT = (88, (0.45, 0.80, 1.0))
CONNECTED_LAYOUT = (108, (0.3, 0.56, 0.74, 1.0))
CELL_PADDING = 1


def ratio_reduce(total: int, ratios: list[int], maximums: list[int], values: list[int]) -> list[int]:
    """rich's ``_ratio.ratio_reduce``: take ``total`` away from ``values`` by ratio."""
    ratios = [ratio if maximum else 0 for ratio, maximum in zip(ratios, maximums)]
    total_ratio = sum(ratios)
    if not total_ratio:
        return values[:]
    remaining = total
    result = []
    for ratio, maximum, value in zip(ratios, maximums, values):
        if ratio and total_ratio > 0:
            distributed = min(maximum, round(ratio * remaining / total_ratio))
            result.append(value - distributed)
            remaining -= distributed
            total_ratio -= ratio
        else:
            result.append(value)
    return result


def column_widths(line_length: int, positions: tuple[float, ...]) -> list[int]:
    """Content width of each column, as Keras asks for them and rich reduces them."""
    requested = []
    current = 0
    for position in positions:
        width = int(position * line_length) - current
        requested.append(width)
        current += width
    padded = [w + 2 * CELL_PADDING for w in requested]
    borders = len(positions) + 1
    excess = sum(padded) - (line_length - borders)
    if excess > 0:
        padded = ratio_reduce(excess, [1] * len(padded), padded, padded)
    return [w - 2 * CELL_PADDING for w in padded]


def wrap(text: str, width: int) -> list[str]:
    """Greedy word wrap, as rich does it; a word longer than ``width`` stays whole."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for word in paragraph.split(" "):
            if not line:
                line = word
            elif len(line) + 1 + len(word) <= width:
                line += " " + word
            else:
                lines.append(line)
                line = word
        lines.append(line)
    return lines


def _name(value: Any) -> str:
    return "?" if value is UNKNOWN else printable(str(value))


def _count(value: Any) -> str:
    return "?" if value is UNKNOWN else f"{value:,}"


def row_cells(row: LayerRow, connected: bool) -> list[str]:
    if row.built:
        output = format_output(row.output)
        params = _count(row.params)
    else:
        output, params = "?", "0 (unbuilt)"
    cells = [f"{_name(row.name)} ({printable(row.class_name)})", output, params]
    if connected:
        cells.append(printable(", ".join(row.connected_to)) if row.connected_to else "-")
    return cells


def render(summary: ModelSummary, explain: bool = False) -> str:
    connected = summary.show_connections
    line_length, positions = CONNECTED_LAYOUT if connected else SEQUENTIAL_LAYOUT
    widths = column_widths(line_length, positions)
    header = ["Layer (type)", "Output Shape", "Param #"] + (["Connected to"] if connected else [])
    right = [False, False, True, False]
    rows = [row_cells(row, connected) for row in summary.rows]
    # Grow a column where one word would not fit (Keras would cut it with "…").
    for cells in [header] + rows:
        for i, cell in enumerate(cells):
            longest = max((len(word) for word in cell.replace("\n", " ").split(" ")), default=0)
            widths[i] = max(widths[i], longest)

    def rule(left: str, fill: str, cross: str, end: str) -> str:
        return left + cross.join(fill * (w + 2 * CELL_PADDING) for w in widths) + end

    def line(cells: list[str], bar: str) -> list[str]:
        wrapped = [wrap(cell, w) for cell, w in zip(cells, widths)]
        height = max(len(w) for w in wrapped)
        out = []
        for k in range(height):
            parts = []
            for i, lines in enumerate(wrapped):
                text = lines[k] if k < len(lines) else ""
                text = text.rjust(widths[i]) if right[i] else text.ljust(widths[i])
                parts.append(" " * CELL_PADDING + text + " " * CELL_PADDING)
            out.append(bar + bar.join(parts) + bar)
        return out

    inner = sum(widths) + 2 * CELL_PADDING * len(widths) + len(widths) - 1
    out = [f'Model: "{_name(summary.name)}"', rule("┏", "━", "┳", "┓")]
    out += line(header, "┃")
    out.append(rule("┡", "━", "╇", "┩"))
    for index, (row, cells) in enumerate(zip(summary.rows, rows)):
        if index:
            out.append(rule("├", "─", "┼", "┤"))
        out += line(cells, "│")
        if explain:
            width = inner - 2 * CELL_PADDING - 2
            for text in row.explanations:
                for piece in wrap(text, width):
                    out.append("│" + " " * CELL_PADDING + "  " + piece.ljust(width) + " " * CELL_PADDING + "│")
    out.append(rule("└", "─", "┴", "┘"))
    out.append(f" Total params: {_count(summary.total_params)} ({readable_memory_size(summary.total_bytes)})")
    out.append(
        f" Trainable params: {_count(summary.trainable_params)} ({readable_memory_size(summary.trainable_bytes)})"
    )
    out.append(
        f" Non-trainable params: {_count(summary.non_trainable_params)} "
        f"({readable_memory_size(summary.non_trainable_bytes)})"
    )
    if summary.optimizer_params is not None:
        out.append(
            f" Optimizer params: {_count(summary.optimizer_params)} ({readable_memory_size(summary.optimizer_bytes)})"
        )
    return "\n".join(out) + "\n"
