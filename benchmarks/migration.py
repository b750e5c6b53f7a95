"""kerascheck on real Keras 2 scripts run under Keras 3 (issue 17's measure).

Other people's Keras 2 code — the Keras 2.x examples of keras-team/keras, the first edition of
*Deep Learning with Python*, *Hands-On Machine Learning* (2nd edition), study repositories of
tf.keras scripts — is run under real Keras 3.15.1, and kerascheck is held to what happened:

- a script Keras 3 **rejects** (it stops on an error that Keras raises or that names Keras's API:
  a module, a name, an argument, a method Keras 3 does not have) is *found* when kerascheck
  reports an error at the line Keras blames (the script's innermost frame);
- a **false error** is an error kerascheck reports at a line that Keras 3 ran without raising
  (lines traced during the run), or anywhere in a script Keras 3 ran to its end.

Scripts that stop for another reason (a data file that is not there, a package not installed)
count only for false errors on the lines they ran.

The scripts are not in this repository (they are other people's code): ``migration_corpus.json``
lists each one (repository, commit, path, SHA-256) and ``materialize`` copies them out of local
snapshots of those repositories (``--mirror``, default ``/work/.mirror/<owner>+<name>/repo``);
notebooks become their code cells as one script (as kerascheck reads them).  What Keras 3 did
with each, ``migration_truth.json``, is committed.

    python benchmarks/migration.py select         # choose the scripts (rules below), write the corpus list
    python benchmarks/migration.py materialize    # copy them into benchmarks/migration_scripts/
    KERAS_BACKEND=jax python benchmarks/migration.py record   # run them under Keras 3 (the oracle extra)
    python benchmarks/migration.py [--verbose]     # measure kerascheck against the record

Running a script: in a scratch folder, offline, with ``keras.datasets`` loaders giving zeros of the
real shapes (256 samples), ``get_file`` an empty file, and ``fit`` / ``fit_generator`` /
``train_on_batch`` ... checking their arguments as Keras does, running for real once per model on
the first 32 samples (one epoch: the model's call, loss and metrics meet the data), and then
returning at once (``predict`` runs on two samples): the lines Keras 3 reaches are the ones it
would reach, quickly. An error counts as Keras 3 rejecting the script when the ``keras`` package
raised it or its message names Keras's API; not a missing file, an empty stand-in for downloaded
weights, or TensorFlow's old private copy of Keras 2 (``tensorflow.python.keras``) failing.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import io
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HERE = Path(__file__).resolve().parent
CORPUS = HERE / "migration_corpus.json"
TRUTH = HERE / "migration_truth.json"
SCRIPTS = HERE / "migration_scripts"
MIRROR = Path("/work/.mirror")
TIMEOUT = 120  # seconds a script may run

# Where the scripts come from, and which of each repository's files are taken.
SOURCES = (
    # The Keras 2 examples: every example script, in its last Keras 2 version (tags 2.0.0 to 2.3.1).
    {"repo": "keras-team/keras", "refs": ("2.3.1", "2.2.4", "2.1.6", "2.0.9", "2.0.0"), "pattern": r"^examples/[^/]+\.py$",
     "licence": "MIT"},
    # Deep Learning with Python, first edition (Keras 2.0), the notebooks before the second edition.
    {"repo": "fchollet/deep-learning-with-python-notebooks", "refs": ("8a30b90",), "pattern": r"^[^/]+\.ipynb$",
     "licence": "MIT"},
    # Hands-On Machine Learning, second edition (tf.keras 2): the neural network chapters.
    {"repo": "ageron/handson-ml2", "refs": ("HEAD",), "pattern": r"^1[0-9]_[^/]+\.ipynb$", "licence": "Apache-2.0"},
    # Study repositories of tf.keras and Keras 2 scripts.
    {"repo": "JS0909/Keras-ML", "refs": ("HEAD",), "pattern": r"^keras2?/[^/]+\.py$", "licence": "unknown"},
    {"repo": "variablejun/keras4", "refs": ("HEAD",), "pattern": r"^keras/[^/]+\.py$", "licence": "unknown"},
    # Keras-GAN (Keras 2.2): the GAN notebooks and scripts of a fork of eriklindernoren/Keras-GAN (the
    # original's snapshot is over the size limit), not its data loaders or GIF makers.
    {"repo": "h3dema/Keras-GAN", "refs": ("HEAD",), "pattern": r"^[^/]+/(?!gen_gif|data_loader|test)[^/]+\.(py|ipynb)$",
     "licence": "MIT"},
    # The Keras 1 examples (Keras 1.2.2), under ids of their own: Keras 1's arguments
    # (Convolution2D(32, 3, 3), nb_epoch=, border_mode=...).
    {"repo": "keras-team/keras", "refs": ("1.2.2",), "pattern": r"^examples/[^/]+\.py$", "licence": "MIT",
     "prefix": "keras1"},
)


def git(repo: str, mirror: Path, *args: str) -> bytes:
    folder = mirror / repo.replace("/", "+") / "repo"
    if (folder / ".git").is_dir():
        folder = folder / ".git"
    return subprocess.run(["git", "--git-dir", str(folder), *args], check=True, capture_output=True).stdout


def script_id(repo: str, path: str, prefix: str | None = None) -> str:
    stem = re.sub(r"\.(py|ipynb)$", "", path)
    return f"{prefix or repo.split('/')[1]}/{stem}".replace(" ", "_")


def select(mirror: Path) -> int:
    """Add the scripts of the SOURCES not yet listed; those listed stay as they are."""
    entries: dict[str, dict] = {e["id"]: e for e in corpus()} if CORPUS.exists() else {}
    selected = {(e["repo"], e["id"].split("/")[0]) for e in entries.values()}
    for source in SOURCES:
        repo = source["repo"]
        if (repo, source.get("prefix") or repo.split("/")[1]) in selected:
            continue
        for ref in source["refs"]:
            commit = git(repo, mirror, "rev-parse", f"{ref}^{{commit}}").decode().strip()
            for line in git(repo, mirror, "ls-tree", "-r", commit).decode().splitlines():
                meta, path = line.split("\t", 1)
                if not re.match(source["pattern"], path):
                    continue
                ident = script_id(repo, path, source.get("prefix"))
                if ident in entries:
                    continue  # the newest Keras 2 version of it is already in
                try:
                    data = git(repo, mirror, "cat-file", "blob", meta.split()[2])
                except subprocess.CalledProcessError:
                    continue  # not in the snapshot (files of 4 MiB and more are left out of them)
                entries[ident] = {"id": ident, "repo": repo, "commit": commit, "path": path,
                                  "sha256": hashlib.sha256(data).hexdigest(), "licence": source["licence"]}
    CORPUS.write_text(json.dumps({"scripts": sorted(entries.values(), key=lambda e: e["id"])}, indent=1) + "\n")
    print(f"wrote {CORPUS}: {len(entries)} scripts")
    return 0


def corpus() -> list[dict]:
    return json.loads(CORPUS.read_text())["scripts"]


def script_path(entry: dict) -> Path:
    return SCRIPTS / (entry["id"] + ".py")


def materialize(mirror: Path) -> int:
    sys.path.insert(0, str(ROOT))
    from kerascheck.notebooks import read_notebook

    for entry in corpus():
        data = git(entry["repo"], mirror, "show", f"{entry['commit']}:{entry['path']}")
        if hashlib.sha256(data).hexdigest() != entry["sha256"]:
            raise SystemExit(f"{entry['id']}: SHA-256 differs from the corpus list")
        text = data.decode("utf-8", errors="replace")
        if entry["path"].endswith(".ipynb"):
            text = read_notebook(text, entry["path"]).source
        target = script_path(entry)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    (SCRIPTS / ".gitignore").write_text("*\n")
    print(f"materialized {len(corpus())} scripts in {SCRIPTS}")
    return 0


# --------------------------------------------------------------------------- running under Keras 3
_KERAS_API = re.compile(
    r"No module named '(keras|tensorflow\.keras)[.']|cannot import name '\w+' from '(keras|tensorflow\.keras)[.']|"
    r"module '(keras|tensorflow\.keras)[\w.]*' has no attribute|'(Sequential|Functional|Model|\w*Trainer)' object has no "
    r"attribute|\w*(Trainer|Model|Sequential|Layer)\.\w+\(\) (got an unexpected|missing)|has never been called"
)


# What stops a script for want of its data or its environment, even when Keras is the one that
# raises it (weights read from an empty stand-in file, a download, the time limit).
_NOT_KERAS = frozenset({"OSError", "FileNotFoundError", "IOError", "PermissionError", "TimeoutError", "Crash",
                        "MemoryError", "KeyboardInterrupt", "SystemExit", "URLError", "HTTPError"})


def keras_rejects(error: dict) -> bool:
    """An error Keras 3 raised (in the ``keras`` package itself: not in TensorFlow's own old copy,
    ``tensorflow/python/keras``), or one that names Keras's API (an import, an attribute, a
    method's arguments); not a missing data file, package or download."""
    if _KERAS_API.search(error["message"]):
        return True
    return bool(error.get("in_keras")) and error["type"] not in _NOT_KERAS


def run_batch(paths: list[str]) -> None:
    """Run scripts under Keras 3 in this process, one JSON line each on stdout."""
    os.environ.setdefault("KERAS_BACKEND", "jax")
    os.environ["MPLBACKEND"] = "Agg"
    os.environ["TF_CPP_MIN_LOG_LEVEL"] = "3"
    import signal
    import traceback

    import keras
    import numpy as np

    _install_shims(keras, np)
    out = sys.stdout
    for path in paths:
        filename = str(Path(path).resolve())
        executed: set[int] = set()

        def tracer(frame, event, arg):  # noqa: ANN001, ANN202
            if frame.f_code.co_filename != filename:
                return None

            def local(frame, event, arg):  # noqa: ANN001, ANN202
                if event == "line":
                    executed.add(frame.f_lineno)
                return local

            executed.add(frame.f_lineno)
            return local

        def timeout(signum, frame):  # noqa: ANN001, ANN202
            raise TimeoutError(f"the script ran longer than {TIMEOUT} s")

        keras.backend.clear_session(free_memory=False)
        keras.config.set_image_data_format("channels_last")
        keras.config.set_floatx("float32")
        error = None
        source = Path(path).read_text(encoding="utf-8")
        namespace = {"__name__": "__main__", "__file__": filename}
        saved_argv, saved_path = sys.argv, list(sys.path)
        sys.argv = [filename]
        sys.path.insert(0, str(Path(filename).parent))
        with tempfile.TemporaryDirectory() as scratch, contextlib.chdir(scratch):
            signal.signal(signal.SIGALRM, timeout)
            signal.alarm(TIMEOUT)
            try:
                code = compile(source, filename, "exec")
                with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
                    sys.settrace(tracer)
                    try:
                        exec(code, namespace)
                    finally:
                        sys.settrace(None)
            except BaseException as exc:  # noqa: BLE001  (what the script raised is the record)
                frames = traceback.extract_tb(exc.__traceback__)
                line = None
                for frame in frames:
                    if frame.filename == filename:
                        line = frame.lineno
                after = frames[[f.filename for f in frames].index(filename):] if line else []
                in_keras = any("/site-packages/keras/" in f.filename for f in after)
                message = re.sub(r"/[^\s()'\"]*/(site|dist)-packages/", "…/", str(exc))[:500]
                error = {"type": type(exc).__name__, "message": message, "line": line, "in_keras": in_keras}
                # An error Keras caught and raised again as another (``Exception encountered when
                # calling Layer.call()``, "Unable to automatically build the model"): the line of
                # the script the first one came from.
                cause, seen = exc, set()
                while (cause.__cause__ or cause.__context__) is not None and id(cause) not in seen:
                    seen.add(id(cause))
                    cause = cause.__cause__ or cause.__context__
                    inner = [f.lineno for f in traceback.extract_tb(cause.__traceback__) if f.filename == filename]
                    if inner and inner[-1] != line:
                        error["cause_line"] = inner[-1]
            finally:
                signal.alarm(0)
                sys.argv, sys.path[:] = saved_argv, saved_path
        executed.discard(error["line"] if error else -1)
        out.write("\n" + json.dumps({"path": path, "error": error, "executed": sorted(executed)}) + "\n")
        out.flush()


_DATASETS = {  # load_data(): (train samples, test samples), the shape of a sample, dtype, label shape, classes
    "mnist": (60000, 10000, (28, 28), "uint8", (), 10), "fashion_mnist": (60000, 10000, (28, 28), "uint8", (), 10),
    "cifar10": (50000, 10000, (32, 32, 3), "uint8", (1,), 10),
    "cifar100": (50000, 10000, (32, 32, 3), "uint8", (1,), 100),
    "boston_housing": (404, 102, (13,), "float64", (), 0),
}


def _install_shims(keras, np) -> None:  # noqa: ANN001
    """Data without downloads and training without time (see the module's docstring)."""
    import inspect

    def loader(name: str):  # noqa: ANN202
        train, test, sample, dtype, label, classes = _DATASETS[name]

        def split(count: int) -> tuple:
            y = (np.arange(count) % max(classes, 1)).reshape((count, *label)).astype(dtype if classes else "float64")
            return np.zeros((count, *sample), dtype=dtype), y

        def load_data(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
            return split(train), split(test)

        return load_data

    for name in _DATASETS:
        getattr(keras.datasets, name).load_data = loader(name)
    for name in ("imdb", "reuters"):
        module = getattr(keras.datasets, name)
        classes = 2 if name == "imdb" else 46

        def load_sequences(*args, _classes=classes, **kwargs):  # noqa: ANN002, ANN003, ANN202
            x = np.empty(25000, dtype=object)
            x[:] = [[1, 2, 3]] * 25000
            y = np.arange(25000) % _classes
            return (x, y), (x.copy(), y.copy())

        module.load_data = load_sequences
        module.get_word_index = lambda *a, **k: {"the": 1, "a": 2}

    def get_file(fname=None, origin=None, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        path = Path(tempfile.mkdtemp()) / (fname or "file")
        path.write_bytes(b"")
        return str(path)

    keras.utils.get_file = get_file
    keras.src.utils.file_utils.get_file = get_file

    model_class = keras.Model

    def checked(name: str, result):  # noqa: ANN001, ANN202
        original = getattr(model_class, name)
        signature = inspect.signature(original)

        def method(self, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
            signature.bind(self, *args, **kwargs)  # Keras's TypeError for a wrong argument
            unknown = {k for k in set(kwargs) - set(signature.parameters) if not k.startswith("_")}
            if unknown and any(p.kind is p.VAR_KEYWORD for p in signature.parameters.values()):
                raise ValueError(f"Arguments not recognized: {sorted(unknown)}")
            if any(k.startswith("_") for k in kwargs):
                return original(self, *args, **kwargs)  # Keras calling itself
            first = name in ("fit", "train_on_batch", "test_on_batch") and not self.__dict__.get(f"_ran_{name}")
            if not self.built or first and arrays(args, kwargs):
                # The first training step really runs, on a few samples: the model's call, its
                # loss and metrics meet the data as they would (a subclassed model is built so).
                self.__dict__[f"_ran_{name}"] = True
                args = tuple(small(a) for a in args)
                kwargs = {k: small(v) for k, v in kwargs.items()}
                if name == "fit":
                    kwargs.update(epochs=1, verbose=0)
                return original(self, *args, **kwargs)
            return result(self, *args, **kwargs)

        setattr(model_class, name, method)

    def history(self, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        callback = keras.callbacks.History()
        callback.set_model(self)
        callback.history = {"loss": [0.0], "val_loss": [0.0], "accuracy": [0.0], "val_accuracy": [0.0],
                            "acc": [0.0], "val_acc": [0.0], "mae": [0.0], "val_mae": [0.0]}
        callback.epoch = [0]
        return callback

    def arrays(args, kwargs) -> bool:  # noqa: ANN001
        """The data are arrays (or lists, tuples, dicts of them), not a generator or a dataset."""
        x = kwargs.get("x", args[0] if args else None)

        def array(value) -> bool:  # noqa: ANN001
            return isinstance(value, np.ndarray) and value.ndim > 0

        if isinstance(x, dict):
            return bool(x) and all(array(v) for v in x.values())
        if isinstance(x, (list, tuple)):
            return bool(x) and all(array(v) for v in x)
        return array(x)

    def small(value, count: int = 32):  # noqa: ANN001, ANN202
        if isinstance(value, np.ndarray) and value.ndim:
            return value[:count]
        if isinstance(value, (list, tuple)) and value and all(isinstance(v, np.ndarray) for v in value):
            return type(value)(v[:count] for v in value)
        return value

    def predict(self, x=None, *args, **kwargs):  # noqa: ANN001, ANN002, ANN202
        return predict_original(self, small(x, 2), verbose=0)

    def evaluate(self, x=None, y=None, *args, **kwargs):  # noqa: ANN001, ANN002, ANN202
        if isinstance(x, np.ndarray) or isinstance(x, (list, tuple)):
            return evaluate_original(self, small(x, 2), small(y, 2), verbose=0)
        return 0.0

    predict_original = model_class.predict
    evaluate_original = model_class.evaluate
    checked("fit", history)
    checked("evaluate", evaluate)
    checked("train_on_batch", lambda self, *a, **k: 0.0)
    checked("test_on_batch", lambda self, *a, **k: 0.0)
    checked("predict", predict)


def record(jobs: int, batch: int, again: bool = False) -> int:
    """Run the scripts not yet in the record (every one with ``again``) and add what happened."""
    entries = [e for e in corpus() if script_path(e).exists()]
    if len(entries) != len(corpus()):
        raise SystemExit("scripts missing: run `materialize` first")
    recorded = {} if again or not TRUTH.exists() else json.loads(TRUTH.read_text())["scripts"]
    entries = [e for e in entries if e["id"] not in recorded]
    batches = [entries[i : i + batch] for i in range(0, len(entries), batch)]
    results: dict[str, dict] = dict(recorded)
    running: list[tuple[subprocess.Popen, list[dict]]] = []
    env = dict(os.environ, KERAS_BACKEND="jax", MPLBACKEND="Agg", TF_CPP_MIN_LOG_LEVEL="3")
    while batches or running:
        while batches and len(running) < jobs:
            chunk = batches.pop(0)
            command = [sys.executable, __file__, "run", *[str(script_path(e)) for e in chunk]]
            running.append((subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env,
                                             text=True), chunk))
        process, chunk = running.pop(0)
        output, _ = process.communicate()
        done = {}
        for line in output.splitlines():
            if line.startswith('{"path"'):
                item = json.loads(line)
                done[item["path"]] = item
        for entry in chunk:
            item = done.get(str(script_path(entry)))
            if item is None:  # the process died on it: give the rest of the batch another process
                rest = [e for e in chunk if str(script_path(e)) not in done]
                results[entry["id"]] = {"error": {"type": "Crash", "message": "the interpreter died", "line": None},
                                        "executed": []}
                if rest[1:]:
                    batches.append(rest[1:])
                break
            results[entry["id"]] = {"error": item["error"], "executed": item["executed"]}
        print(f"{len(results)}/{len(corpus())}", file=sys.stderr, flush=True)
    import keras

    TRUTH.write_text(json.dumps({"keras_version": keras.__version__, "backend": "jax",
                                 "scripts": dict(sorted(results.items()))}, indent=0) + "\n")
    print(f"wrote {TRUTH}")
    return 0


# --------------------------------------------------------------------------- measuring kerascheck
def measure(verbose: bool) -> int:
    sys.path.insert(0, str(ROOT))
    from kerascheck.analysis import analyse_path

    truth = json.loads(TRUTH.read_text())["scripts"]
    rejected = found = found_at_cause = ran = 0
    by_source: dict[str, list[int]] = {}  # repository -> [rejected, found]
    false_errors: list[str] = []
    missed: list[str] = []
    for entry in corpus():
        record_ = truth.get(entry["id"])
        path = script_path(entry)
        if record_ is None or not path.exists():
            continue
        result = analyse_path(path)
        errors = [d for d in result.diagnostics if d.severity == "error" and not d.code.startswith("KC0")]
        error = record_["error"]
        executed = set(record_["executed"])
        for d in errors:
            if d.span.line in executed and not (error and d.span.line == error.get("cause_line")) or error is None:
                false_errors.append(f"{entry['id']}:{d.span.line}: {d.code} {d.message[:160]}")
        if error is None:
            ran += 1
            continue
        if error.get("line") and keras_rejects(error):
            rejected += 1
            source = by_source.setdefault(entry["repo"] + (" (Keras 1)" if entry["id"].startswith("keras1/") else ""), [0, 0])
            source[0] += 1
            if any(d.span.line == error["line"] for d in errors):
                found += 1
                source[1] += 1
            elif error.get("cause_line") and any(d.span.line == error["cause_line"] for d in errors):
                found_at_cause += 1
            else:
                missed.append(f"{entry['id']}:{error['line']}: {error['type']}: {error['message'][:200]}"
                              + "".join(f"\n    kerascheck {d.span.line}: {d.code} {d.message[:120]}" for d in errors[:3]))
    print(f"{len(truth)} Keras 2 scripts run under Keras {json.loads(TRUTH.read_text())['keras_version']}: "
          f"{rejected} rejected by Keras 3, {ran} ran to the end, {len(truth) - rejected - ran} stopped otherwise")
    share = f"{found / rejected:.0%}" if rejected else "-"
    print(f"reported at the line Keras blames: {found} of {rejected} ({share})")
    print(f"reported at the line of the error Keras caught and raised again as another (the script's line in "
          f"the first traceback: a layer's call, a loss): {found_at_cause} more")
    for name, (count, hit) in sorted(by_source.items()):
        print(f"  {name}: {hit} of {count}")
    print(f"false errors (at lines Keras 3 ran, or in scripts it ran to the end): {len(false_errors)}")
    if verbose:
        for line in missed:
            print("missed", line)
    for line in false_errors:
        print("false error", line)
    return 0 if not false_errors and (not rejected or found * 7 >= rejected * 6) else 1


def main(argv: list[str]) -> int:
    if argv[:1] == ["run"]:
        run_batch(argv[1:])
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("command", nargs="?", default="measure", choices=("select", "materialize", "record", "measure"))
    parser.add_argument("--mirror", type=Path, default=MIRROR)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--batch", type=int, default=10)
    parser.add_argument("--verbose", action="store_true")
    parser.add_argument("--again", action="store_true", help="record: run every script, not only new ones")
    args = parser.parse_args(argv)
    if args.command == "select":
        return select(args.mirror)
    if args.command == "materialize":
        return materialize(args.mirror)
    if args.command == "record":
        return record(args.jobs, args.batch, args.again)
    return measure(args.verbose)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
