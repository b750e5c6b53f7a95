"""Data as the engine sees it: the shape and dtype of an array, never its values.

An :class:`ArraySpec` is what kerascheck knows of a NumPy array, a tensor given as data, or
one element of a dataset: its shape (a tuple of dimensions, a
:class:`~kerascheck.engine.dims.PartialShape`, or :data:`~kerascheck.engine.dims.UNKNOWN`;
dimension ``0`` is the sample axis of data given to ``fit``), its dtype (a NumPy dtype name
such as ``"uint8"`` or ``"float32"``, or :data:`UNKNOWN`), and where that shape came from
(``origin``: a short description and the position of the call that made it, so that a
diagnostic can say *"x_train: (60000, 28, 28) from load_data() at line 3"*).

The engine checks where data meets a model (``fit``, ``evaluate``, ``predict``, the losses)
are pure functions of these specs and the model's input and output shapes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from kerascheck.engine.dims import UNKNOWN


@dataclass(frozen=True)
class DataOrigin:
    """Where a data shape was made: ``what`` (``"load_data()"``, ``"reshape"``, ``"np.zeros"``) at a
    1-based ``line`` and 0-based ``column`` of the analysed file."""

    what: str
    line: int
    column: int


@dataclass(frozen=True)
class ArraySpec:
    """The shape and dtype of an array (see the module docstring)."""

    shape: Any = UNKNOWN
    dtype: Any = UNKNOWN
    origin: DataOrigin | None = None
