"""Control flow inside interpreted code, as exceptions that unwind the interpreter."""

from __future__ import annotations

from typing import Any


class Return(Exception):
    def __init__(self, value: Any) -> None:
        self.value = value


class Break(Exception):
    pass


class Continue(Exception):
    pass


class ControlUncertain(Exception):
    """A block that may or may not run could have left the enclosing loop or function."""


class BudgetExhausted(Exception):
    """The file needs more interpretation steps than the per-file bound allows."""
