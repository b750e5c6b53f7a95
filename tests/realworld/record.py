"""Record what real Keras reports for the real-world corpus: the truth kerascheck is measured on.

For every corpus script (``corpus.json``; materialized into ``tests/realworld/scripts/`` by
``corpus.py materialize``), or the ones named on the command line (by id, id prefix or path),
this runs the script under real Keras 3 (JAX backend), offline, and writes
``scripts/<id>.expected.json`` beside it, in the JSON of the fixtures' truth
(``tests/oracle/record.py``, whose recording code is reused: ``record_file``)::

    {"keras_version": "3.15.1", "backend": "jax", "models": [...], "error": null,
     "shims": [...]}

    KERAS_BACKEND=jax python tests/realworld/record.py                  # re-record all
    KERAS_BACKEND=jax python tests/realworld/record.py keras-io/vision/  # some
    KERAS_BACKEND=jax python tests/realworld/record.py --check          # compare, exit 1 on diff

How a script is run
-------------------
Each script runs in a process of its own (``--timeout`` seconds at most, ``--jobs`` at once),
in an empty scratch folder as its working directory (what it writes lands there), with
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
(a traceback's scratch-folder paths written ``<scratch>``); and ``shims``: which of the shims the
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
DEFAULT_TIMEOUT = 600


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


def _child(script: Path, output: Path, scratch: Path) -> int:
    sys.path.insert(0, str(ORACLE))
    import record as oracle  # noqa: E402 - sets COLUMNS and XLA_FLAGS, imports keras

    import shims  # noqa: E402

    shims.install(scratch)
    os.chdir(scratch)
    oracle._model_record = _without_optimizer(oracle._model_record)
    record = oracle.record_file(script)
    error = record.get("error")
    if error:
        error["message"] = error["message"].replace(str(scratch), "<scratch>")
    record["shims"] = list(shims.SHIMS_USED)
    output.write_text(oracle.dumps(record), encoding="utf-8")
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


def record_script(script: corpus.Script, timeout: float) -> tuple[str | None, str]:
    """Run one script in a child process: (its record as JSON text, or None; a log line)."""
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="kc-realworld-") as scratch:
        output = Path(scratch) / "record.json"
        work = Path(scratch) / "work"
        work.mkdir()
        env = _environment()
        env["KERAS_HOME"] = str(Path(scratch) / "keras_home")
        env["HOME"] = str(Path(scratch) / "home")
        try:
            done = subprocess.run(
                [sys.executable, str(Path(__file__).resolve()), "--child", str(script.file),
                 str(output), str(work)],
                env=env, capture_output=True, text=True, timeout=timeout, cwd=work,
            )
        except subprocess.TimeoutExpired:
            return None, f"TIMEOUT after {timeout:.0f} s: {script.id}"
        elapsed = time.perf_counter() - started
        if done.returncode != 0 or not output.exists():
            tail = "\n".join((done.stderr or "").strip().splitlines()[-15:])
            return None, f"FAILED to record {script.id} (exit {done.returncode}):\n{tail}"
        text = output.read_text(encoding="utf-8")
    record = json.loads(text)
    models = len(record["models"])
    error = record["error"]
    note = f", error {error['type']} at line {error['line']}" if error else ""
    return text, f"{script.id}: {models} model(s){note} in {elapsed:.0f} s"


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--child"]:
        return _child(Path(argv[1]), Path(argv[2]), Path(argv[3]))
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("scripts", nargs="*", help="corpus ids, id prefixes or paths (default: all)")
    parser.add_argument("--check", action="store_true",
                        help="re-record and compare with the stored .expected.json; exit 1 on any difference")
    parser.add_argument("--jobs", type=int, default=2, help="scripts recorded at once (default 2)")
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
        futures = {pool.submit(record_script, s, args.timeout): s for s in scripts}
        for future in concurrent.futures.as_completed(futures):
            script = futures[future]
            text, log = future.result()
            print(log, flush=True)
            if text is None:
                problems += 1
                continue
            target = script.expected
            stored = target.read_text(encoding="utf-8") if target.exists() else None
            if args.check:
                if stored is None:
                    problems += 1
                    print(f"MISSING {target.relative_to(REPO_ROOT)} (record it first)")
                elif stored != text:
                    problems += 1
                    print(f"MISMATCH {script.id}")
                    diff = list(difflib.unified_diff(stored.splitlines(), text.splitlines(),
                                                     str(target.relative_to(REPO_ROOT)),
                                                     "recorded now", lineterm="", n=2))
                    for line in diff[:MAX_DIFF_LINES]:
                        print("    " + line)
                    if len(diff) > MAX_DIFF_LINES:
                        print(f"    ... ({len(diff) - MAX_DIFF_LINES} more diff lines)")
            elif stored != text:
                target.write_text(text, encoding="utf-8")
                print(f"wrote {target.relative_to(REPO_ROOT)}", flush=True)
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
