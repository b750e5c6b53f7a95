"""Record what real Keras reports for the real-world corpus: the truth kerascheck is measured on.

For every corpus script (``corpus.json``; materialized into ``tests/realworld/scripts/`` by
``corpus.py materialize``), or the ones named on the command line (by id, id prefix or path),
this runs the script under real Keras 3, offline, and writes
``scripts/<id>.expected.json`` beside it, in the JSON of the fixtures' truth
(``tests/oracle/record.py``, whose recording code is reused: ``record_file``)::

    {"keras_version": "3.15.1", "backend": "jax", "models": [...], "error": null,
     "shims": [...]}

    KERAS_BACKEND=jax python tests/realworld/record.py                  # re-record all
    KERAS_BACKEND=jax python tests/realworld/record.py keras-io/vision/  # some
    KERAS_BACKEND=jax python tests/realworld/record.py --check          # compare, exit 1 on diff

How a script is run
-------------------
Each script runs on the backend it sets itself (``os.environ["KERAS_BACKEND"] = "tensorflow"``,
as the keras-io examples written for TensorFlow do; the recorder imports Keras first, so it
honours that line for the script), else on JAX.  Scripts run one after the other in a
recording process (``--batch`` of them, of one backend; ``--jobs`` processes at once; Keras's
global state reset before each, as the fixture recorder does), each for ``--timeout`` seconds at
most (one that runs out of time is not recorded), in an empty scratch folder as its working
directory (what it writes lands there), with
``MPLBACKEND=Agg`` and ``PYTHONHASHSEED=0``.  Before it runs, ``shims.install`` replaces, in
that process only, what would reach the network or train for minutes: ``keras.datasets``'s
loaders (synthetic arrays of the real dtypes and shapes), ``keras.utils.get_file`` (an empty
file or folder), and ``fit`` / ``evaluate`` / ``predict`` (one step); see ``shims.py``.
A notebook runs as its code cells top to bottom (IPython-only lines left out), as the fixture
recorder runs one.

What is recorded is what ``tests/oracle/record.py`` records: every ``keras.Model`` bound to a
module-level global when the script ends (or stops on an error), under that global's name, with
its summary rows, totals, sizes and summary text, except that an optimizer's variables are left
out of the totals (the one-step ``fit`` builds an optimizer; the summary a script prints before
training, the usual place, shows none: the totals are the model's own weights); ``error``: what the script raised, if anything
(the scratch folder, the repository and site-packages written ``<scratch>``, ``<repo>`` and
``<site-packages>`` in its message); and ``shims``: which of the shims the
script called (a script that called ``get_file`` or a loader ran on synthetic data; whether its
model's sizes depend on that data is said per script in ``corpus.json``'s notes and NOTICE.md).

This script never imports kerascheck.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import difflib
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO_ROOT = HERE.parents[1]
ORACLE = REPO_ROOT / "tests" / "oracle"
sys.path.insert(0, str(HERE))

import corpus  # noqa: E402  (beside this file; no Keras)

MAX_DIFF_LINES = 40
DEFAULT_TIMEOUT = 300
MEMORY_LIMIT = 8 << 30  # resident bytes a recording process may hold


# --------------------------------------------------------------------------------------------
# The child: one script, in its own process
# --------------------------------------------------------------------------------------------

def _without_optimizer(model_record):
    """``record._model_record`` as if no optimizer were built: the shims' one-step ``fit``
    builds one, and summary() then adds its variables to the total, where the summary a
    script prints before training (the usual place) shows none.  The totals recorded are the
    model's own weights, the same whether or not the script trained."""

    def record_without_optimizer(variable, model):
        optimizer = getattr(model, "optimizer", None)
        built = getattr(optimizer, "built", False)
        if built:
            optimizer.built = False
        try:
            return model_record(variable, model)
        finally:
            if built:
                optimizer.built = True

    return record_without_optimizer


_BACKEND_CHOICE = re.compile(r"""KERAS_BACKEND['"]\]\s*=\s*['"](\w+)['"]""")
BACKENDS = ("jax", "tensorflow")  # torch is not installed


def script_backend(text: str) -> str:
    """The backend a script asks for (``os.environ["KERAS_BACKEND"] = "tensorflow"``, the first
    such line; the keras-io examples written for one backend say so), else JAX."""
    found = _BACKEND_CHOICE.search(text)
    return found.group(1) if found and found.group(1) in BACKENDS else "jax"


def _several_output_shapes(oracle, layer_output_shape):
    """``record._layer_output_shape``, also for a layer that has no inbound node but several
    outputs (a model of several outputs nested in a subclassed model, built by a call on data):
    its ``output_shape`` is then a tuple of shapes, which the fixture recorder (whose fixtures
    never have one) takes for one shape.  Keras's summary prints them one after the other."""

    def output_shape(layer):
        try:
            return layer_output_shape(layer)
        except TypeError:
            shapes = [oracle._dims(shape) for shape in layer.output_shape]
            return shapes[0] if len(shapes) == 1 else shapes

    return output_shape


class ScriptTimeout(BaseException):
    """Raised in a script that ran out of time (a BaseException: the script cannot catch it)."""


def _child(backend: str, outputs: Path, scripts: list[Path], timeout: float) -> int:
    """Record ``scripts`` (all asking for ``backend``) one after the other in this process:
    ``outputs/<n>.json`` for the n-th, unless it ran out of time (``outputs/<n>.timeout``)."""
    import gc
    import signal

    import threading
    # Before Keras is imported: a script's own choice cannot take effect once it is.
    os.environ["KERAS_BACKEND"] = backend
    sys.path.insert(0, str(ORACLE))
    import record as oracle  # noqa: E402 - sets COLUMNS and XLA_FLAGS, imports keras

    import shims  # noqa: E402

    shims.install()
    oracle._model_record = _without_optimizer(oracle._model_record)
    oracle._layer_output_shape = _several_output_shapes(oracle, oracle._layer_output_shape)
    site_packages = str(Path(oracle.keras.__file__).resolve().parents[1])

    def out_of_time(signum, frame):
        raise ScriptTimeout()

    signal.signal(signal.SIGALRM, out_of_time)
    running = {"number": 0}

    def watch_memory():
        """A script that would take the machine's memory (shared with others) is stopped, with
        this process: ``<n>.memory`` says which; the recorder goes on with the rest."""
        page = os.sysconf("SC_PAGE_SIZE")
        while True:
            with open("/proc/self/statm") as statm:
                resident = int(statm.read().split()[1]) * page
            if resident > MEMORY_LIMIT:
                (outputs / f"{running['number']}.memory").write_text("", encoding="utf-8")
                os._exit(3)
            time.sleep(0.5)

    threading.Thread(target=watch_memory, daemon=True).start()
    for number, script in enumerate(scripts):
        running["number"] = number
        scratch = outputs / f"scratch-{number}"
        scratch.mkdir()
        os.chdir(scratch)
        shims.start(scratch)
        oracle.keras.config.set_dtype_policy("float32")
        started = time.perf_counter()
        signal.alarm(max(1, int(timeout)))
        try:
            record = oracle.record_file(script)
        except ScriptTimeout:
            (outputs / f"{number}.timeout").write_text("", encoding="utf-8")
            continue
        finally:
            signal.alarm(0)
            gc.collect()
            try:
                import matplotlib.pyplot as plt

                plt.close("all")
            except ImportError:
                pass
        error = record.get("error")
        if error:
            # The same text on any checkout: no folder of this machine in it.
            for folder, name in ((scratch, "<scratch>"), (REPO_ROOT, "<repo>"),
                                 (site_packages, "<site-packages>")):
                error["message"] = error["message"].replace(str(folder), name)
        record["shims"] = list(shims.SHIMS_USED)
        (outputs / f"{number}.json").write_text(oracle.dumps(record), encoding="utf-8")
        (outputs / f"{number}.seconds").write_text(f"{time.perf_counter() - started:.0f}")
    return 0


# --------------------------------------------------------------------------------------------
# The parent
# --------------------------------------------------------------------------------------------

def _environment() -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("KERAS_BACKEND", "jax")
    env["PYTHONHASHSEED"] = "0"
    env["MPLBACKEND"] = "Agg"
    env["TF_CPP_MIN_LOG_LEVEL"] = "3"
    env["CUDA_VISIBLE_DEVICES"] = ""
    env["PYTHONWARNINGS"] = "ignore"
    env["KERAS_HOME"] = ""  # set per script below
    return env


def _run_batch(scripts: list[corpus.Script], backend: str, timeout: float, outputs: Path):
    """One recording process over ``scripts``; the text of what went wrong, or ''."""
    env = _environment()
    env["KERAS_HOME"] = str(outputs / "keras_home")
    env["HOME"] = str(outputs / "home")
    try:
        done = subprocess.run(
            [sys.executable, str(Path(__file__).resolve()), "--child", backend, str(outputs),
             str(timeout), *(str(s.file) for s in scripts)],
            env=env, capture_output=True, text=True, cwd=outputs,
            timeout=timeout * len(scripts) + 120,
        )
    except subprocess.TimeoutExpired:
        return " (the recording process was stopped)"
    if done.returncode == 0:
        return ""
    tail = "\n".join(line for line in (done.stderr or "").strip().splitlines()[-15:]
                     if not line.startswith(("I0000", "WARNING: All log")))
    return f" (the recording process exited {done.returncode}):\n{tail}"


def record_batch(scripts: list[corpus.Script], backend: str, timeout: float):
    """Record ``scripts`` in one process (a new one for the rest after one that dies): for each,
    (script, its record as JSON text or None, a log line)."""
    results = []
    while scripts:
        with tempfile.TemporaryDirectory(prefix="kc-realworld-") as scratch:
            outputs = Path(scratch)
            error = _run_batch(scripts, backend, timeout, outputs)
            done = 0
            for number, script in enumerate(scripts):
                output = outputs / f"{number}.json"
                if (outputs / f"{number}.timeout").exists():
                    results.append((script, None, f"TIMEOUT after {timeout:.0f} s: {script.id}"))
                elif output.exists():
                    text = output.read_text(encoding="utf-8")
                    record = json.loads(text)
                    seconds = (outputs / f"{number}.seconds").read_text()
                    stop = record["error"]
                    note = f", error {stop['type']} at line {stop['line']}" if stop else ""
                    results.append((script, text, f"{script.id}: {len(record['models'])} "
                                                  f"model(s){note} in {seconds} s"))
                elif (outputs / f"{number}.memory").exists():
                    results.append((script, None, f"TOO MUCH MEMORY (over {MEMORY_LIMIT >> 30} "
                                                  f"GiB): {script.id}"))
                    done = number + 1
                    break
                else:  # the process died on this one: the rest go to a new process
                    results.append((script, None, f"FAILED to record {script.id}{error}"))
                    done = number + 1
                    break
                done = number + 1
            scripts = scripts[done:]
    return results


def batches(scripts: list[corpus.Script], size: int) -> list[tuple[str, list[corpus.Script]]]:
    """The scripts in groups of at most ``size`` that ask for one backend."""
    by_backend: dict[str, list[corpus.Script]] = {}
    for script in scripts:
        backend = script_backend(script.file.read_text(encoding="utf-8"))
        by_backend.setdefault(backend, []).append(script)
    return [(backend, group[i:i + size])
            for backend, group in by_backend.items() for i in range(0, len(group), size)]


def _store(script: corpus.Script, text: str | None, check: bool) -> int:
    """Write (or, with ``check``, compare) one script's record; 1 for a problem, else 0."""
    if text is None:
        return 1
    target = script.expected
    stored = target.read_text(encoding="utf-8") if target.exists() else None
    if not check:
        if stored != text:
            target.write_text(text, encoding="utf-8")
            print(f"wrote {target.relative_to(REPO_ROOT)}", flush=True)
        return 0
    if stored is None:
        print(f"MISSING {target.relative_to(REPO_ROOT)} (record it first)")
        return 1
    if stored == text:
        return 0
    print(f"MISMATCH {script.id}")
    diff = list(difflib.unified_diff(stored.splitlines(), text.splitlines(),
                                     str(target.relative_to(REPO_ROOT)), "recorded now",
                                     lineterm="", n=2))
    for line in diff[:MAX_DIFF_LINES]:
        print("    " + line)
    if len(diff) > MAX_DIFF_LINES:
        print(f"    ... ({len(diff) - MAX_DIFF_LINES} more diff lines)")
    return 1


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--child"]:
        return _child(argv[1], Path(argv[2]), [Path(a) for a in argv[4:]], float(argv[3]))
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("scripts", nargs="*", help="corpus ids, id prefixes or paths (default: all)")
    parser.add_argument("--check", action="store_true",
                        help="re-record and compare with the stored .expected.json; exit 1 on any difference")
    parser.add_argument("--jobs", type=int, default=2, help="recording processes at once (default 2)")
    parser.add_argument("--batch", type=int, default=8,
                        help="scripts one process records one after the other (default 8)")
    parser.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT,
                        help=f"seconds a script may run (default {DEFAULT_TIMEOUT})")
    args = parser.parse_args(argv)

    scripts = corpus.select(args.scripts)
    absent = corpus.missing(scripts)
    if absent:
        print(f"{len(absent)} script(s) not materialized (run tests/realworld/corpus.py "
              f"materialize): {', '.join(s.id for s in absent[:5])}", file=sys.stderr)
        return 2
    started = time.perf_counter()
    problems = 0
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        futures = [pool.submit(record_batch, group, backend, args.timeout)
                   for backend, group in batches(scripts, max(1, args.batch))]
        for future in concurrent.futures.as_completed(futures):
            for script, text, log in future.result():
                print(log, flush=True)
                problems += _store(script, text, args.check)
    if args.check and not args.scripts:
        known = {s.expected for s in corpus.load()}
        for orphan in sorted(corpus.SCRIPTS.rglob("*" + corpus.EXPECTED_SUFFIX)):
            if orphan not in known:
                problems += 1
                print(f"ORPHAN {orphan.relative_to(REPO_ROOT)} (not in corpus.json)")
    elapsed = time.perf_counter() - started
    verb = "checked" if args.check else "recorded"
    kind = "mismatch(es)" if args.check else "failure(s)"
    print(f"{verb} {len(scripts)} script(s) in {elapsed:.0f} s, {problems} {kind}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
