"""Control flow inside interpreted code, as exceptions that unwind the interpreter."""

from __future__ import annotations

from typing import Any

MAX_STEPS = 200_000  # statements and comprehension items interpreted per file


class Return(Exception):
    def __init__(self, value: Any) -> None:
        self.value = value


class Break(Exception):
    pass


class Continue(Exception):
    pass


class ControlUncertain(Exception):
    """A block that may or may not run could have left the enclosing loop or function."""


# The file needs more than a per-file bound allows (steps, values, time, memory): defined
# with the bounds themselves, where the engine and the values raise it too.
from kerascheck.budget import BudgetExhausted  # noqa: E402,F401
