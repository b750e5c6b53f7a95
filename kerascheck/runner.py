"""Analysing the files a run finds, as they are found, on every core.

:class:`Analyser` takes the files in discovery order (:meth:`Analyser.add`) and gives
back one result per file in that same order (:meth:`Analyser.finish`), whatever the
number of processes and whatever the cache held: the order of the output never depends
on which process finished first.

This process reads every file as it is found: those that never mention keras, those it
cannot read and those found in the result cache are done at once; only the rest is
analysed.  Importing the parser and the analysis costs about 0.2 s a process, more than
twenty model files, so the pool starts as soon as there is enough work for it while the
walk goes on:

- on Linux (``fork``), one worker is forked, imports the analysis while this process
  keeps walking and reading, and then forks the other workers, which inherit the imported
  modules instead of importing them again.  Files are handed out a couple at a time to
  whichever worker is free, by path (a worker reads the file again: a path is a few bytes
  in a pipe that never fills, whereas sources could); results come back pickled, without
  their summaries when the run prints none;
- elsewhere, a :class:`~concurrent.futures.ProcessPoolExecutor` analyses the files once
  the walk is over.

Small runs stay in this process: fewer than :data:`FORK_AFTER` files to analyse with
``fork``, fewer than two workers' worth (:data:`MIN_FILES_PER_JOB` each) without.
"""

from __future__ import annotations

import gc
import os
import sys
import time
from collections import deque
from dataclasses import replace
from typing import TYPE_CHECKING, Any, Callable

if TYPE_CHECKING:
    from kerascheck.analysis import Pending
    from kerascheck.cache import Cache
    from kerascheck.config import Settings
    from kerascheck.results import FileResult

# Below this many files per worker, starting workers costs more than it saves.
MIN_FILES_PER_JOB = 16
# The first worker starts once this many files need analysing (fewer stay in this process): it
# imports the analysis while the walk goes on, and forks the others once the count is known.
FORK_AFTER = 4
# Files handed to a worker ahead of its results: it never waits for the next one.
PREFETCH = 2
# A worker still on one file after this many seconds is stopped (its analysis has a budget of
# seconds, kerascheck.budget: this catches only what no budget can, such as a native library
# that never returns). A file whose worker dies twice is reported, never analysed here.
WATCHDOG = 60.0
MAX_WORKER_DEATHS = 2


def preload() -> None:
    """Import libcst and the analysis with the cyclic garbage collector paused.

    The imports create tens of thousands of long-lived objects (libcst's node classes and
    their dataclass methods); the collections they would trigger find no garbage and cost
    about a tenth of the import.  They are frozen (moved out of the collector's view).
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        import libcst  # noqa: F401

        import kerascheck.analysis  # noqa: F401
        import kerascheck.diagnostics  # noqa: F401
        import kerascheck.engine.runtime  # noqa: F401
        import kerascheck.engine.summary  # noqa: F401
        import kerascheck.frontend.interpreter  # noqa: F401
        import kerascheck.frontend.modules  # noqa: F401
        import kerascheck.frontend.positions  # noqa: F401
        import kerascheck.suppression  # noqa: F401
        from kerascheck.frontend import parsing

        parsing.BATCH = True  # this process analyses file after file: its parsed trees are frozen
    finally:
        # What exists now lives as long as the run: no later collection need traverse it
        # (re-enabling the collector would otherwise start with a full traversal of it).
        gc.freeze()
        if collecting:
            gc.enable()


def _can_fork() -> bool:
    """Fork only where it is the platform's own way (Linux), and never with other threads running."""
    if not sys.platform.startswith("linux") or not hasattr(os, "fork"):
        return False
    threading = sys.modules.get("threading")
    if threading is None:
        return True
    from kerascheck.budget import helper_threads

    return threading.active_count() == 1 + helper_threads()  # the analysis thread waits idle: forked safely


class Analyser:
    """One run's analysis: files in (:meth:`add`), results out in the same order (:meth:`finish`)."""

    def __init__(
        self,
        settings: "Settings",
        jobs: int | None,
        open_cache: Callable[[], "Cache | None"] = lambda: None,
        summaries: bool = True,
    ) -> None:
        self.settings = settings
        self.jobs = jobs or os.cpu_count() or 1
        self._open_cache = open_cache
        self._cache_opened = False
        self.cache: Cache | None = None
        self.summaries = summaries  # False: the run prints no summaries; workers need not send them
        self.paths: list[str] = []
        self.results: list[FileResult | None] = []
        # Files still to analyse: their Pending (source read) while they may stay in this process.
        self.waiting: dict[int, Pending] = {}
        self.todo: list[int] = []  # every file to analyse, in order
        self.fork = self.jobs > 1 and _can_fork()
        self.pool: _ForkPool | None = None
        self.walking = True

    def _get_cache(self) -> "Cache | None":
        if not self._cache_opened:
            self._cache_opened = True
            self.cache = self._open_cache()
        return self.cache

    def add(self, path: str) -> None:
        """The next file found; done at once unless it must be analysed."""
        from kerascheck.analysis import Pending, prepare

        index = len(self.results)
        self.paths.append(path)
        prepared = prepare(path, self.settings, self._get_cache())
        if not isinstance(prepared, Pending):
            self.results.append(prepared)
        elif self.jobs == 1:
            self.results.append(self._run_here(prepared))
        else:
            self.results.append(None)
            self.todo.append(index)
            if self.pool is not None:
                self.pool.submit(index)
            elif self.fork and len(self.todo) >= FORK_AFTER:
                self.pool = _ForkPool(self, [*self.todo])
                self.waiting.clear()
            elif self.fork or len(self.todo) <= MIN_FILES_PER_JOB:
                self.waiting[index] = prepared  # perhaps analysed here: keep what was read
        if self.pool is not None:
            self.pool.poll(0)

    def finish(self) -> list["FileResult"]:
        """Every file's result, in the order the files were added."""
        self.walking = False
        if self.pool is not None:
            self.pool.drain()
        elif self.todo:
            workers = 1 if self.fork else min(self.jobs, len(self.todo) // MIN_FILES_PER_JOB)
            if workers <= 1:
                for index in self.todo:
                    self.results[index] = self._analyse_here(index)
            else:
                self._executor(workers)
        if self.cache is not None and self.cache.files is not None:
            self.cache.files.save()
        return self.results  # type: ignore[return-value]

    def close(self) -> None:
        """Stop the workers (after :meth:`finish`, or when the run is interrupted)."""
        if self.pool is not None:
            self.pool.close()

    def _run_here(self, pending: "Pending") -> "FileResult":
        if "libcst" not in sys.modules:
            preload()
            gc.enable()  # from here on the run makes garbage; the caller restores its own setting
        return pending.run()

    def _analyse_here(self, index: int) -> "FileResult":
        """A file analysed in this process (its source kept, or read again)."""
        from kerascheck.analysis import Pending, prepare

        pending = self.waiting.pop(index, None)
        if pending is None:
            prepared = prepare(self.paths[index], self.settings, self.cache)
            if not isinstance(prepared, Pending):  # changed meanwhile
                return prepared
            pending = prepared
        return self._run_here(pending)

    def _executor(self, workers: int) -> None:
        """Where there is no fork: a process pool, once every file is known."""
        from concurrent.futures import ProcessPoolExecutor
        from functools import partial

        from kerascheck.analysis import analyse_path

        self.waiting.clear()
        with ProcessPoolExecutor(max_workers=workers) as pool:
            chunk = max(1, len(self.todo) // (workers * 8))
            analyse = partial(analyse_path, settings=self.settings, cache=self.cache)
            analysed = pool.map(analyse, [self.paths[i] for i in self.todo], chunksize=chunk)
            for index, result in zip(self.todo, analysed):
                self.results[index] = result


# ------------------------------------------------------------------------------- the fork pool
# Messages are pickles behind an 8-byte length. Worker -> parent: ("hello", pid) once ready, then
# (index, FileResult) per file. Parent -> worker: ("spawn", n) to the first worker only, then
# (index, path) per file; the end of the pipe means no more work.


def _send(fd: int, message: object) -> None:
    import pickle

    data = pickle.dumps(message, pickle.HIGHEST_PROTOCOL)
    view = memoryview(len(data).to_bytes(8, "little") + data)
    while view:
        view = view[os.write(fd, view):]


def _read_exactly(fd: int, size: int) -> bytes | None:
    chunks = []
    while size:
        chunk = os.read(fd, min(size, 1 << 20))
        if not chunk:
            if chunks:
                raise EOFError("a message was cut short")
            return None
        chunks.append(chunk)
        size -= len(chunk)
    return b"".join(chunks)


def _receive(fd: int) -> Any:
    """The next message, or None at the end of the pipe."""
    import pickle

    header = _read_exactly(fd, 8)
    if header is None:
        return None
    data = _read_exactly(fd, int.from_bytes(header, "little"))
    if data is None:
        raise EOFError("a message was cut short")
    return pickle.loads(data)


class _ForkPool:
    """Workers forked from this process; see the module's documentation."""

    def __init__(self, owner: Analyser, todo: list[int]) -> None:
        self.owner = owner
        self.size = owner.jobs
        self.queue: deque[int] = deque(todo)
        pipes = [(os.pipe(), os.pipe()) for _ in range(self.size)]  # not inheritable by programs run (PEP 446)
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the first worker (coverage does not follow forks)
            _first_worker(pipes, owner.settings, owner.cache, owner.summaries)
        self.pid = pid
        for (task_read, _), (_, result_write) in pipes:
            os.close(task_read)
            os.close(result_write)
        self.tasks = [task_write for (_, task_write), _ in pipes]
        self.results = [result_read for _, (result_read, _) in pipes]
        self.worker_of = {fd: worker for worker, fd in enumerate(self.results)}
        self.open = set(range(self.size))  # result pipes not yet at their end
        import select

        self.poller = select.poll()
        for fd in self.results:
            self.poller.register(fd, select.POLLIN)
        self.expected = {0}  # workers that exist or will, not yet at their end
        self.ready: set[int] = set()  # said hello
        self.inflight: list[deque[int]] = [deque() for _ in range(self.size)]
        self.spawned = False
        self.pids: dict[int, int] = {}  # worker -> its process id (it says so in its hello)
        self.started: dict[int, float] = {}  # worker -> when it began its current file
        self.deaths: dict[int, list[str]] = {}  # file index -> how the workers analysing it ended
        self.stopped: set[int] = set()  # workers the watchdog killed

    def submit(self, index: int) -> None:
        self.queue.append(index)

    def _dispatch(self) -> None:
        for worker in sorted(self.ready):
            while self.queue and len(self.inflight[worker]) < PREFETCH and worker in self.ready:
                index = self.queue.popleft()
                if not self.inflight[worker]:
                    self.started[worker] = time.monotonic()
                self.inflight[worker].append(index)
                self._tell(worker, (index, self.owner.paths[index]))

    def _tell(self, worker: int, message: object) -> None:
        try:
            _send(self.tasks[worker], message)
        except OSError:  # the worker is gone
            self._lost(worker)

    def poll(self, timeout: float | None) -> None:
        """Take whatever the workers sent (waiting at most ``timeout`` seconds), and hand out files."""
        if self.open:
            wait = WATCHDOG / 4 if timeout is None else min(timeout, WATCHDOG / 4)
            for fd, _ in self.poller.poll(int(wait * 1000)):
                if self.worker_of[fd] in self.open:
                    self._take(self.worker_of[fd])
            self._stop_overdue()
        self._dispatch()

    def _stop_overdue(self) -> None:
        """The watchdog: a worker past :data:`WATCHDOG` seconds on one file is killed."""
        import signal

        now = time.monotonic()
        for worker, since in list(self.started.items()):
            if self.inflight[worker] and now - since > WATCHDOG and worker in self.pids:
                self.deaths.setdefault(self.inflight[worker][0], []).append(f"was stopped after {WATCHDOG:g} s")
                self.stopped.add(worker)
                try:
                    os.kill(self.pids.pop(worker), signal.SIGKILL)
                except OSError:
                    pass
                self.started.pop(worker, None)

    def _take(self, worker: int) -> None:
        try:
            message = _receive(self.results[worker])
        except (OSError, EOFError, ValueError, TypeError, AttributeError, ImportError):
            message = None  # a worker that died mid-message
        if message is None:
            self._lost(worker)
        elif message[0] == "hello":
            self.ready.add(worker)
            self.pids[worker] = message[1]
            if worker == 0:
                self._spawn()
        else:
            index, result = message
            self.inflight[worker].remove(index)
            self.owner.results[index] = result
            self.started[worker] = time.monotonic()  # the next file, if any, begins now

    def _spawn(self) -> None:
        """Tell the first worker how many more to fork, now that it has the analysis imported."""
        found = len(self.owner.todo)
        more = self.size - 1 if self.owner.walking else min(self.size, max(1, found // MIN_FILES_PER_JOB)) - 1
        self.expected.update(range(1, more + 1))
        self._tell(0, ("spawn", more))
        for worker in range(more + 1, self.size):  # never forked: nothing will come
            self._close_worker(worker)
        self.spawned = True

    def _lost(self, worker: int) -> None:
        """A worker's pipe ended: its files not done go back to the queue, except the one it
        was analysing if that is the second worker it ends (reported, never analysed here)."""
        self._close_worker(worker)
        self.ready.discard(worker)
        self.expected.discard(worker)
        self.started.pop(worker, None)
        self.pids.pop(worker, None)
        pending = self.inflight[worker]
        if pending:
            ends = self.deaths.setdefault(pending[0], [])
            if worker in self.stopped:
                self.stopped.discard(worker)  # its end is already told
            else:
                ends.append("died")
            if len(ends) >= MAX_WORKER_DEATHS:
                index = pending.popleft()
                self.owner.results[index] = _worker_failure(self.owner.paths[index], ends)
        self.queue.extendleft(reversed(pending))
        pending.clear()

    def _close_worker(self, worker: int) -> None:
        if worker in self.open:
            self.open.discard(worker)
            self.poller.unregister(self.results[worker])
            os.close(self.results[worker])
            os.close(self.tasks[worker])

    def drain(self) -> None:
        """Wait for every file; any a dead pool left are analysed here."""
        while self.queue or any(self.inflight):
            if not self.expected:
                for index in self.queue:
                    if index in self.deaths:  # it ended a worker: never risked in this process
                        self.owner.results[index] = self._analyse_isolated(index)
                    else:
                        self.owner.results[index] = self.owner._analyse_here(index)
                self.queue.clear()
                break
            self.poll(None)
        self.close()

    def _analyse_isolated(self, index: int) -> "FileResult":
        """A file that ended a worker, analysed in a process of its own (with the watchdog)
        while tries remain; reported if it ends that one too."""
        import select
        import signal

        ends = self.deaths[index]
        path = self.owner.paths[index]
        while len(ends) < MAX_WORKER_DEATHS:
            read, write = os.pipe()
            sys.stdout.flush()
            sys.stderr.flush()
            pid = os.fork()
            if pid == 0:  # pragma: no cover - the child (coverage does not follow forks)
                status = 1
                try:
                    os.close(read)
                    _send(write, self.owner._analyse_here(index))
                    status = 0
                finally:
                    os._exit(status)
            os.close(write)
            ready: list[int] = []
            try:
                ready, _, _ = select.select([read], [], [], WATCHDOG)
                result = _receive(read) if ready else None
            except (OSError, EOFError, ValueError, TypeError, AttributeError, ImportError):
                result = None
            finally:
                os.close(read)
            if result is None and not ready:
                os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            if result is not None:
                return result  # type: ignore[no-any-return]
            ends.append("died" if ready else f"was stopped after {WATCHDOG:g} s")
        return _worker_failure(path, ends)

    def close(self) -> None:
        for worker in list(self.open):
            self._close_worker(worker)  # a worker at the end of its pipe exits
        if self.pid:
            try:
                if self.queue or any(self.inflight):  # interrupted: do not wait for the work
                    import signal

                    os.kill(self.pid, signal.SIGTERM)
                os.waitpid(self.pid, 0)
            except OSError:
                pass
            self.pid = 0


def _worker_failure(path: str, ends: list[str]) -> "FileResult":
    """The result of a file whose analysis ended the worker processes that tried it."""
    from kerascheck.analysis import _file_error

    how = ", then another ".join(ends)
    return _file_error(
        path, "KC004",
        f"internal error: the worker process analysing this file {how}; it was not analysed (the other files were)",
    )


def _first_worker(pipes: list[tuple[tuple[int, int], tuple[int, int]]], settings: Any, cache: Any, summaries: bool) -> None:  # pragma: no cover
    """Import the analysis, fork the other workers, analyse; never returns."""
    status = 1
    try:
        for (_, task_write), (result_read, _) in pipes:
            os.close(task_write)
            os.close(result_read)
        preload()  # the collector is paused (by the command), and stays so until the fork
        (task_read, _), (_, result_write) = pipes[0]
        _send(result_write, ("hello", os.getpid()))
        message = _receive(task_read)
        more = message[1] if message is not None and message[0] == "spawn" else 0
        gc.freeze()  # the imported modules: never garbage, and their pages stay shared with the workers
        children = []
        for worker in range(1, more + 1):
            pid = os.fork()
            if pid == 0:
                code = 1
                try:
                    for other, ((tr, _), (_, rw)) in enumerate(pipes):
                        if other != worker:
                            os.close(tr)
                            os.close(rw)
                    own_read, own_write = pipes[worker][0][0], pipes[worker][1][1]
                    _send(own_write, ("hello", os.getpid()))
                    _serve(own_read, own_write, settings, cache, summaries)
                    code = 0
                finally:
                    os._exit(code)
            children.append(pid)
        for other, ((tr, _), (_, rw)) in enumerate(pipes):
            if other != 0:
                os.close(tr)
                os.close(rw)
        if message is not None:
            _serve(task_read, result_write, settings, cache, summaries)
        os.close(result_write)
        for pid in children:
            os.waitpid(pid, 0)
        status = 0
    finally:
        os._exit(status)


def _serve(tasks: int, results: int, settings: Any, cache: Any, summaries: bool) -> None:  # pragma: no cover
    from kerascheck.analysis import analyse_path

    gc.enable()
    while True:
        message = _receive(tasks)
        if message is None:
            return
        index, path = message
        result = analyse_path(path, settings, cache)
        if not summaries and result.summaries:
            result = replace(result, summaries=())
        _send(results, (index, result))
