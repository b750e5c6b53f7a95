"""What analysing one file may cost, whatever the file holds, and the thread it runs in.

kerascheck reads files it did not write: a clone, a notebook from the web, a document an
editor sends on every key stroke.  No content may make one file's analysis run for
minutes, take gigabytes or crash the process; past a bound the file gets a diagnostic
that names the bound (KC003), what was found so far stays, what lies beyond is unknown,
and the run goes on.

One mechanism, inside the process that analyses, because that is where every cost is
made and where it can be stopped without losing anything else:

- **each operation that can grow a value is bounded before it runs**: big integers,
  string and sequence concatenation and repetition, ``join``, ``round``, comparisons,
  ``sorted`` and ``str`` of nested containers (:mod:`kerascheck.frontend.values`).  One
  operation past its bound gives an unknown value, never a wrong one;
- **everything else counts against the file's budget** (:class:`Budget`): interpreted
  statements and loop iterations, the elements of the values it builds, the nodes of the
  graphs it walks.  Every :data:`CHECK_EVERY` units of work, the analysing thread's CPU
  time and the process's resident memory are read; past :data:`TIME_LIMIT` seconds of CPU
  or :data:`MEMORY_LIMIT` bytes more than when the file began, :class:`BudgetExhausted`
  stops the analysis.  CPU time, not the wall clock: on a loaded machine (a CI runner,
  pytest-xdist's workers, the other documents of a language server) a file gets the same
  work done before its bound as on an idle one;
- **the parser gets the stack it needs** (:func:`run_deep`): libcst's native parser
  recurses once per nesting level (and once per operand of an ``and``/``or`` chain, which
  CPython's own parser keeps flat), and a C stack overflow is a segmentation fault no
  handler can catch.  The analysis runs in a thread whose stack holds the deepest file the
  size bound lets through (measured: :data:`STACK_BYTES`), and a chain too long even for
  it is refused before libcst sees it (:func:`kerascheck.analysis.parse_module`).

A worker process with resource limits and a watchdog would catch the same runaway, but
only by killing the process: the file's partial result, and in the language server every
other open document's analysis, would go with it; and a process per file costs more than
the analysis of most files.  A worker that dies anyway (a bug in a native library) costs
only its current file (:mod:`kerascheck.runner`).
"""

from __future__ import annotations

import os
import queue
import threading
import time
from typing import Any, Callable, TypeVar

T = TypeVar("T")

TIME_LIMIT = 10.0  # seconds of the analysing thread's CPU time one file's analysis may take
MEMORY_LIMIT = 1024 * 1024 * 1024  # bytes of memory one file's analysis may add
ELEMENT_LIMIT = 100_000_000  # items and characters of the Python values it makes, in all
CHECK_EVERY = 2_000  # units of work between two looks at the clock and the memory
# The analysis thread's stack. Measured on libcst 1.8 (x86-64): 1.0-2.4 KB per nesting
# level of expressions (CPython's parser refuses beyond about 3,000 levels: at most 8 MB),
# 7 KB per bracket level (at most 200) and 1.2 KB per operand of an ``and``/``or`` chain;
# what is left after 16 MB for the nesting bounds the chains (kerascheck.analysis).
STACK_BYTES = 256 * 1024 * 1024
NESTING_STACK_BYTES = 16 * 1024 * 1024
STACK_PER_BOOLEAN_OPERAND = 1_300


class BudgetExhausted(Exception):
    """The file needs more than one of its bounds allows (``reason`` names it)."""

    def __init__(self, reason: str, repeatable: bool = True) -> None:
        super().__init__(reason)
        self.reason = reason
        # True when the same content stops at the same place again (a count of steps or
        # elements): its result may be cached. Time and memory depend on the machine.
        self.repeatable = repeatable
        self.node: Any = None  # where it stopped: the statement interpreted (set by the interpreter)


_PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


def _resident_memory() -> int:
    """The process's resident memory in bytes now (Linux: /proc/self/statm). Elsewhere its peak:
    an exec'd process inherits its parent's, so growth shows only past that."""
    try:
        fd = os.open("/proc/self/statm", os.O_RDONLY)
        try:
            return int(os.read(fd, 128).split()[1]) * _PAGE
        finally:
            os.close(fd)
    except (OSError, ValueError, IndexError):
        pass
    try:
        import resource
    except ImportError:  # pragma: no cover - Windows
        return 0
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


class Budget:
    """One file's budget: see the module's documentation."""

    __slots__ = ("deadline", "memory_base", "elements", "element_limit", "until_check", "time_limit", "memory_limit")

    def __init__(
        self,
        time_limit: float | None = None,
        memory_limit: int | None = None,
        element_limit: int | None = None,
    ) -> None:
        self.time_limit = TIME_LIMIT if time_limit is None else time_limit
        self.memory_limit = MEMORY_LIMIT if memory_limit is None else memory_limit
        self.deadline = time.thread_time() + self.time_limit
        self.memory_base = _resident_memory()
        self.element_limit = ELEMENT_LIMIT if element_limit is None else element_limit
        self.elements = self.element_limit
        self.until_check = CHECK_EVERY

    def spend(self, units: int = 1) -> None:
        """``units`` of work done (a statement, a graph node, an element copied)."""
        self.until_check -= units
        if self.until_check <= 0:
            self.check()

    def allocate(self, elements: int) -> None:
        """A value of ``elements`` items or characters is about to be made."""
        self.elements -= elements
        if self.elements < 0:
            raise BudgetExhausted(f"it makes values of more than {self.element_limit:,} items and characters in all")
        self.spend(elements)

    def check(self) -> None:
        self.until_check = CHECK_EVERY
        if time.thread_time() > self.deadline:
            raise BudgetExhausted(f"its analysis takes more than {self.time_limit:g} s of CPU time", repeatable=False)
        if self.memory_limit and _resident_memory() - self.memory_base > self.memory_limit:
            raise BudgetExhausted(
                f"its analysis needs more than {self.memory_limit // (1024 * 1024):,} MB of memory", repeatable=False
            )


class _ThreadState(threading.local):
    """Each thread's budget (the language server analyses documents side by side), and whether
    the thread has the analysis's stack."""

    def __init__(self) -> None:
        # Outside an analysis (a test driving the interpreter itself): no time or memory bound.
        self.budget = Budget(time_limit=float("inf"), memory_limit=0)
        self.deep = False


_state = _ThreadState()


def start(time_limit: float | None = None, memory_limit: int | None = None) -> Budget:
    """A fresh budget for the file whose analysis begins now in this thread."""
    _state.budget = Budget(time_limit, memory_limit)
    return _state.budget


def current() -> Budget:
    return _state.budget


def spend(units: int = 1) -> None:
    _state.budget.spend(units)


def allocate(elements: int) -> None:
    _state.budget.allocate(elements)


# ------------------------------------------------------------------ the analysis thread
class _DeepThread:
    """A daemon thread with a :data:`STACK_BYTES` stack that runs what it is handed, one at a time."""

    def __init__(self) -> None:
        self.requests: queue.SimpleQueue[Any] = queue.SimpleQueue()
        self.replies: queue.SimpleQueue[Any] = queue.SimpleQueue()
        self.lock = threading.Lock()
        previous = threading.stack_size(STACK_BYTES)
        try:
            self.thread = threading.Thread(target=self._serve, name="kerascheck-analysis", daemon=True)
            self.thread.start()
        finally:
            threading.stack_size(previous)

    def _serve(self) -> None:
        _state.deep = True
        while True:
            function, args = self.requests.get()
            try:
                self.replies.put((True, function(*args)))
            except BaseException as err:  # noqa: BLE001  (handed back to the caller's thread)
                self.replies.put((False, err))

    def run(self, function: Callable[..., T], args: tuple[Any, ...]) -> T:
        with self.lock:
            self.requests.put((function, args))
            ok, value = self.replies.get()
        if ok:
            return value  # type: ignore[no-any-return]
        raise value


_deep: _DeepThread | None = None


def run_deep(function: Callable[..., T], *args: Any) -> T:
    """``function(*args)`` in a thread with the analysis's stack: this one if it has it
    (:func:`mark_deep_thread`), else the analysis thread (started on first use, once per process)."""
    global _deep
    if _state.deep:
        return function(*args)
    if _deep is None:
        _deep = _DeepThread()
    return _deep.run(function, args)


def mark_deep_thread() -> None:
    """Declare that this thread was started with a stack of at least :data:`STACK_BYTES`
    (``threading.stack_size``): analyses run in it directly (a thread pool's initializer)."""
    _state.deep = True


def helper_threads() -> int:
    """Threads of this module alive in this process (forking with them idle is safe)."""
    return 1 if _deep is not None and _deep.thread.is_alive() else 0


def _forget_thread() -> None:
    """After a fork: the child has no analysis thread (it starts its own when it needs one)."""
    global _deep
    _deep = None


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_forget_thread)
