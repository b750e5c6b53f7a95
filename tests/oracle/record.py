"""Record what real Keras prints for model files: the truth kerascheck is held to.

For every fixture ``fixtures/**/*.py`` (or the files named on the command line)
this script runs the file with real Keras and writes ``<fixture>.expected.json``
beside it (``fixtures/summary/foo.py`` -> ``fixtures/summary/foo.expected.json``)::

    {"keras_version": "3.15.1", "backend": "jax", "models": [...], "error": null}

Run it with the oracle interpreter (the one that has Keras)::

    KERAS_BACKEND=jax python tests/oracle/record.py                 # re-record all
    KERAS_BACKEND=jax python tests/oracle/record.py fixtures/summary/foo.py
    KERAS_BACKEND=jax python tests/oracle/record.py --check         # compare, exit 1 on diff
    KERAS_BACKEND=jax python tests/oracle/record.py --check --shard 2/3   # every 3rd fixture from the 2nd

How a fixture is run
--------------------
All fixtures run in one process.  Before each file ``keras.backend.clear_session()``
resets Keras's global state, so auto-generated names restart (``dense``,
``dense_1``, ...) and every file is recorded as if it ran alone; the global
Keras config (floatx, epsilon, image_data_format) is reset to Keras's defaults
too, whatever ``~/.keras/keras.json`` says.  The file is executed into a fresh
namespace with ``__name__ == "__main__"`` and its stdout is discarded (warnings
are silenced).  ``COLUMNS`` is set to 200 before Keras/rich are imported so the
summary text does not depend on the terminal, and XLA is told not to optimise
(``--xla_backend_optimization_level=0``): weight values are never looked at,
and compiling each initializer dominates the running time.

A fixture that sets ``os.environ["KERAS_BACKEND"]`` before it imports Keras is run in a
process of its own, started with that backend. On JAX, training and evaluation steps are traced
but neither compiled nor run (``recording.trace_training_steps``): what they raise is raised,
and the values they compute, which nothing here reads, are zeros.

How a fixture is checked
------------------------
``--check`` first runs each fixture with no variable initialised (a ``StatelessScope``
entered after the reset): shapes, names, counts and construction errors do not depend on
weights' values, and the initializers' XLA programs are most of the running time. A record
that then differs from the stored one (a fixture that trains, which needs its variables) is
made again as Keras runs the fixture, and that run decides. Recording always runs Keras as
it is.

What is recorded
----------------
``models``: every ``keras.Model`` bound to a module-level global (names starting
with ``_`` skipped), in the order of the module's globals; an object bound to
several names is recorded once, under the first name.  For each model:
``variable``, ``name``, ``kind`` ("sequential", "functional" or "subclassed"),
``layers`` (the rows ``summary()`` prints, in its order: ``model.layers`` for a
Sequential, ``model._operations`` for a Functional, so a non-layer operation
such as the ``Add`` created by ``x + y`` on symbolic tensors appears too, marked
``"layer": false``), each with ``name``, ``class``, ``output_shape`` (as
``summary_utils.format_layer_shape`` computes it from the layer's last inbound
node: a list such as ``[null, 148, 148, 16]``, a list of such lists when the
layer has several outputs, or ``"?"``), ``params`` (0 and ``"built": false``
when the layer is not built), ``trainable_params`` and ``non_trainable_params``;
then ``total_params``, ``trainable_params``, ``non_trainable_params`` and the
sizes ``total_size``, ``trainable_size``, ``non_trainable_size`` ("36.22 MB")
exactly as ``print_summary`` computes them (``optimizer_params`` too, only if
the fixture compiled and built an optimizer), ``connected_to_column`` (whether
the summary has the "Connected to" column) and ``summary_text`` (what
``model.summary(print_fn=...)`` prints, at Keras's default line length).
The JSON shapes and the column decision are cross-checked against the summary
Keras itself renders; a disagreement aborts the recording of that fixture.

``error``: ``null``, or ``{"type", "message", "line"}`` when running the file
raises, ``line`` being the fixture line of the innermost traceback frame in the
fixture.  Models bound before the error are still recorded.

The ``tensorflow`` shim
-----------------------
TensorFlow is not installed in the oracle environment.  When it is not
importable, a file that does ``import tensorflow as tf`` / ``from tensorflow
import keras`` / ``from tensorflow.keras.layers import *`` gets a shim: a module
``tensorflow`` whose attribute ``keras`` is the ``keras`` package, and every
``tensorflow.keras.X`` import is aliased to ``keras.X`` by a meta-path finder.
That is what ``tf.keras`` is under TensorFlow >= 2.16 with Keras 3 installed
(``tf.keras`` resolves to Keras 3).  The shim provides nothing else from
TensorFlow (any other ``tf.`` attribute raises AttributeError), answers only
imports written in files of the fixture's directory (Keras and its dependencies
probe for TensorFlow and must keep finding none), and is removed from
``sys.modules`` after each fixture, so fixtures cannot leak it to each other.
With a real TensorFlow installed, no shim is used.

Datasets without a network
--------------------------
``keras.datasets.<name>.load_data()`` downloads its data. Where that fails (no network and
nothing in ``~/.keras/datasets``), the fixture gets a stand-in: arrays of zeros of the shapes
and dtypes recorded in ``kerascheck/knowledge/datasets.py`` (by
``tests/oracle/record_datasets.py``, from Keras's own documentation of each ``load_data``).
A dimension that documentation leaves open (a sample count written ``num_samples``, the
length of an IMDB review) gets the arbitrary size 8, an unstated dtype float32 (int64 for
labels of sequences), and an IMDB or Reuters review is the list ``[1, 2, 3]``: a fixture must
not depend on those. Where the data loads, the real arrays are used.

This script never imports kerascheck (the datasets table is read as a plain Python file).
"""

from __future__ import annotations

import contextlib
import difflib
import importlib
import importlib.abc
import importlib.machinery
import importlib.util
import io
import json
import math
import os
import re
import runpy
import sys
import time
import traceback
import types
import warnings
from pathlib import Path

# Must happen before keras (and rich) are imported.
os.environ["COLUMNS"] = "200"
os.environ.pop("LINES", None)
if "keras" not in sys.modules:
    os.environ.setdefault("KERAS_BACKEND", "jax")
if "jax" not in sys.modules and "xla_backend_optimization_level" not in os.environ.get("XLA_FLAGS", ""):
    # Weight values are never looked at, but JAX compiles every initializer for
    # every weight shape; unoptimised compilation halves the recording time.
    os.environ["XLA_FLAGS"] = (
        os.environ.get("XLA_FLAGS", "") + " --xla_backend_optimization_level=0"
    ).strip()

import keras  # noqa: E402
from keras.src import tree  # noqa: E402
from keras.src.utils import summary_utils  # noqa: E402
from recording import project_imports, run_script, trace_training_steps  # noqa: E402  (beside this file)

REPO_ROOT = Path(__file__).resolve().parents[2]
FIXTURES_ROOT = REPO_ROOT / "fixtures"
EXPECTED_SUFFIX = ".expected.json"
MAX_DIFF_LINES = 40


# --------------------------------------------------------------------------
# The tensorflow shim
# --------------------------------------------------------------------------

def _tensorflow_installed() -> bool:
    if isinstance(sys.modules.get("tensorflow"), _ShimModule):
        return False
    try:
        return importlib.util.find_spec("tensorflow") is not None
    except (ImportError, ValueError):
        return False


class _ShimModule(types.ModuleType):
    """The fake ``tensorflow`` package: only ``tensorflow.keras`` exists."""

    def __getattr__(self, name):
        raise AttributeError(
            f"module 'tensorflow' has no attribute {name!r} (the kerascheck "
            "oracle's tensorflow shim only provides tensorflow.keras)"
        )


def _make_tensorflow_module() -> _ShimModule:
    module = _ShimModule("tensorflow", "kerascheck oracle shim: tf.keras is Keras 3")
    module.__path__ = []  # a package, so that tensorflow.keras is importable
    module.__version__ = "2.16.0+kerascheck.shim"
    module.keras = keras
    # Keras itself asks this when it finds "tensorflow" in sys.modules.
    module.executing_eagerly = lambda: True
    return module


class _AliasLoader(importlib.abc.Loader):
    def __init__(self, target: str | None):
        self.target = target

    def create_module(self, spec):
        if self.target is None:
            return _make_tensorflow_module()
        module = importlib.import_module(self.target)
        # The import system stamps the alias spec on the module it gets back;
        # keep the real one to give it back in exec_module.
        self.original_spec = module.__spec__
        return module

    def exec_module(self, module):
        if self.target is not None:
            module.__spec__ = self.original_spec


_IMPORTLIB_DIR = os.path.dirname(importlib.__file__) + os.sep


def _importer_filename() -> str | None:
    """The file whose code asked for the import being resolved."""
    frame = sys._getframe(2)
    while frame is not None:
        filename = frame.f_code.co_filename
        if not (filename.startswith("<frozen") or filename.startswith(_IMPORTLIB_DIR)):
            return filename
        frame = frame.f_back
    return None


class _TensorflowShimFinder(importlib.abc.MetaPathFinder):
    """Map ``tensorflow`` to the shim and ``tensorflow.keras[.X]`` to ``keras[.X]``.

    Only for imports written in the fixture (or files beside it): Keras probes
    for TensorFlow itself (e.g. when it serializes a layer, as Bidirectional
    does), and it and its dependencies must keep finding none.
    """

    def __init__(self):
        self.fixture_dir: str | None = None

    def find_spec(self, fullname, path=None, target=None):
        if fullname.split(".")[0] != "tensorflow" or self.fixture_dir is None:
            return None
        importer = _importer_filename()
        if importer is None or not importer.startswith(self.fixture_dir):
            return None
        if fullname == "tensorflow":
            loader = _AliasLoader(None)
            spec = importlib.machinery.ModuleSpec(fullname, loader, is_package=True)
            return spec
        if fullname == "tensorflow.keras" or fullname.startswith("tensorflow.keras."):
            alias = "keras" + fullname[len("tensorflow.keras"):]
            if importlib.util.find_spec(alias) is None:
                return None
            return importlib.machinery.ModuleSpec(
                fullname, _AliasLoader(alias), is_package=True
            )
        return None


_SHIM_FINDER = _TensorflowShimFinder()


@contextlib.contextmanager
def _tensorflow_shim(fixture: Path):
    """Make ``tensorflow.keras`` importable for the duration of one fixture."""
    if _tensorflow_installed():
        yield
        return
    from keras.src.utils import module_utils

    # Keras's lazy handle on tensorflow: settle it (unavailable) before the shim
    # exists, and put it back afterwards if it has latched onto the shim.
    lazy = module_utils.tensorflow
    lazy.available  # noqa: B018 - resolves and caches False
    saved = (lazy.module, lazy._available)
    _SHIM_FINDER.fixture_dir = str(fixture.parent) + os.sep
    sys.meta_path.insert(0, _SHIM_FINDER)
    try:
        yield
    finally:
        sys.meta_path.remove(_SHIM_FINDER)
        _SHIM_FINDER.fixture_dir = None
        for name in list(sys.modules):
            if name == "tensorflow" or name.startswith("tensorflow."):
                del sys.modules[name]
        lazy.module, lazy._available = saved


# --------------------------------------------------------------------------
# Running a fixture
# --------------------------------------------------------------------------

def _reset_keras() -> None:
    keras.backend.clear_session()
    keras.config.set_floatx("float32")
    keras.config.set_epsilon(1e-7)
    keras.config.set_image_data_format("channels_last")


def _notebook_source(text: str, filename: str) -> str:
    """A notebook's code cells as one script, as running it top to bottom executes them
    (IPython-only lines left out the way kerascheck reads notebooks)."""
    sys.path.insert(0, str(REPO_ROOT))
    try:
        from kerascheck.notebooks import read_notebook
    finally:
        sys.path.remove(str(REPO_ROOT))
    return read_notebook(text, filename).source


def _stand_in(name: str, entry: dict, args: tuple = (), kwargs: dict | None = None):
    """load_data()'s result built from the recorded table (see "Datasets without a network");
    the labels of a classification set go through every class, as the real ones do
    (``kerascheck/knowledge/dataset_labels.py``: ``to_categorical(y_train)`` counts them)."""
    import numpy as np

    labels = runpy.run_path(str(REPO_ROOT / "kerascheck" / "knowledge" / "dataset_labels.py"))["LARGEST_LABEL"]
    largest = labels.get(name)
    if isinstance(largest, dict):
        largest = largest.get((kwargs or {}).get("label_mode", args[0] if args else "fine"))

    def array(key: str):
        shape, dtype = entry["arrays"][key]
        shape = tuple(8 if d is None else d for d in shape)
        if name in ("imdb", "reuters") and key.startswith("x"):
            values = np.empty(shape, dtype=object)
            for index in range(shape[0]):
                values[index] = [1, 2, 3]
            return values
        default = "int64" if name in ("imdb", "reuters") else "float32"
        if key.startswith("y") and largest is not None:
            return (np.arange(int(np.prod(shape))) % (largest + 1)).reshape(shape).astype(dtype or default)
        return np.zeros(shape, dtype=dtype or default)

    return (array("x_train"), array("y_train")), (array("x_test"), array("y_test"))


@contextlib.contextmanager
def _datasets_or_stand_ins():
    """``keras.datasets.<name>.load_data``: the real one, or the stand-in where it fails."""
    import runpy

    table = runpy.run_path(str(REPO_ROOT / "kerascheck" / "knowledge" / "datasets.py"))["DATASETS"]
    saved = {}
    for name, entry in table.items():
        module = getattr(keras.datasets, name)
        original = module.load_data
        saved[name] = original

        def load_data(*args, _original=original, _name=name, _entry=entry, **kwargs):
            try:
                with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
                    return _original(*args, **kwargs)
            except TypeError:
                raise
            except Exception:  # noqa: BLE001  (no network, no cached data: the stand-in)
                return _stand_in(_name, _entry, args, kwargs)

        module.load_data = load_data
    try:
        yield
    finally:
        for name, original in saved.items():
            getattr(keras.datasets, name).load_data = original


def _run_fixture(path: Path) -> tuple[dict, dict | None]:
    with _datasets_or_stand_ins(), project_imports(path) as package:
        source = path.read_text(encoding="utf-8")
        if path.suffix == ".ipynb":
            source = _notebook_source(source, str(path))
        return run_script(path, source, package)


# --------------------------------------------------------------------------
# Recording one model
# --------------------------------------------------------------------------

def _dims(shape) -> list:
    return [None if d is None else int(d) for d in shape]


class _Shape:
    """A shape kept whole by ``tree.flatten``."""

    def __init__(self, shape):
        self.dims = _dims(shape)


def _layer_output_shape(layer):
    """``summary_utils.format_layer_shape`` as JSON instead of text."""
    inbound = getattr(layer, "_inbound_nodes", None)
    if not inbound and not getattr(layer, "_build_shapes_dict", None):
        return "?"
    if inbound:
        outputs = inbound[-1].output_tensors
        shapes = [_dims(t.shape) for t in tree.flatten(outputs)]
    else:
        try:
            if hasattr(layer, "output_shape"):
                shapes = [_dims(layer.output_shape)]
            else:
                outputs = layer.compute_output_shape(**layer._build_shapes_dict)
                wrapped = tree.map_shape_structure(_Shape, outputs)
                shapes = [s.dims for s in tree.flatten(wrapped)]
        except NotImplementedError:
            return "?"
    return shapes[0] if len(shapes) == 1 else shapes


def _shape_text(dims: list) -> str:
    return "(" + ", ".join(str(d) for d in dims) + ")"


def _plain(markup: str) -> str:
    import rich.text

    return rich.text.Text.from_markup(markup).plain


def _check_shape(layer, recorded) -> None:
    """Hold the JSON shape to the text Keras itself formats for the summary."""
    text = _plain(summary_utils.format_layer_shape(layer))
    if recorded == "?":
        ok = text == "?"
    elif recorded and isinstance(recorded[0], list):
        pieces = [_shape_text(dims) for dims in recorded]
        position, ok = 0, True
        for piece in pieces:
            found = text.find(piece, position)
            if found < 0:
                ok = False
                break
            position = found + len(piece)
    else:
        ok = text == _shape_text(recorded)
    if not ok:
        raise AssertionError(
            f"recorder disagrees with Keras on {layer.name}: {recorded!r} vs {text!r}"
        )


def _count(weights) -> int:
    return int(sum(math.prod(w.shape) for w in weights))


def _layer_record(layer) -> dict:
    output_shape = _layer_output_shape(layer)
    _check_shape(layer, output_shape)
    record = {
        "name": layer.name,
        "class": layer.__class__.__name__,
        "output_shape": output_shape,
    }
    built = getattr(layer, "built", None)
    if not isinstance(layer, keras.layers.Layer):
        # An operation that is not a layer (``x + y`` creates keras.ops' Add).
        record["params"] = 0
        record["layer"] = False
    elif not built:
        record["params"] = 0
        record["built"] = False
    else:
        record["params"] = int(layer.count_params())
    record["trainable_params"] = _count(getattr(layer, "trainable_weights", []))
    record["non_trainable_params"] = _count(getattr(layer, "non_trainable_weights", []))
    return record


def _sequential_like(model) -> bool:
    """print_summary's decision whether to omit the "Connected to" column."""
    from keras.src.models import Functional, Sequential

    if isinstance(model, Sequential) or not isinstance(model, Functional):
        return True
    nodes = []
    for v in model._nodes_by_depth.values():
        if len(v) > 1 or (len(v) == 1 and len(tree.flatten(v[0].input_tensors)) > 1):
            return False
        nodes += v
    for layer in model.layers:
        flag = False
        for node in layer._inbound_nodes:
            if node in nodes:
                if flag:
                    return False
                flag = True
    return True


def _model_kind(model) -> str:
    from keras.src.models import Functional, Sequential

    if isinstance(model, Sequential):
        return "sequential"
    if isinstance(model, Functional):
        return "functional"
    return "subclassed"


def _summary_text(model) -> str:
    parts: list[str] = []

    def print_fn(text, *args, **kwargs):
        parts.append(text if text.endswith("\n") else text + "\n")

    with contextlib.redirect_stdout(io.StringIO()):
        model.summary(print_fn=print_fn)
    return "".join(parts)


def _model_record(variable: str, model) -> dict:
    from keras.src.models import Functional, Sequential

    kind = _model_kind(model)
    if isinstance(model, Functional) and not isinstance(model, Sequential):
        rows = list(model._operations)
    else:
        rows = list(model.layers)

    size = summary_utils.weight_memory_size
    readable = summary_utils.readable_memory_size
    if hasattr(model, "_collected_trainable_weights"):
        trainable_weights = model._collected_trainable_weights
    else:
        trainable_weights = model.trainable_weights
    non_trainable_weights = model.non_trainable_weights
    trainable = summary_utils.count_params(trainable_weights)
    non_trainable = summary_utils.count_params(non_trainable_weights)
    trainable_size = size(trainable_weights)
    non_trainable_size = size(non_trainable_weights)
    total, total_size = trainable + non_trainable, trainable_size + non_trainable_size
    optimizer = None
    if model.compiled and model.optimizer and model.optimizer.built:
        optimizer = summary_utils.count_params(model.optimizer.variables)
        total += optimizer
        total_size += size(model.optimizer.variables)

    record = {
        "variable": variable,
        "name": model.name,
        "kind": kind,
        "layers": [_layer_record(layer) for layer in rows],
        "total_params": total,
        "trainable_params": trainable,
        "non_trainable_params": non_trainable,
        "total_size": readable(total_size),
        "trainable_size": readable(trainable_size),
        "non_trainable_size": readable(non_trainable_size),
    }
    if optimizer is not None:
        record["optimizer_params"] = optimizer
    record["connected_to_column"] = not _sequential_like(model)
    text = _summary_text(model)
    header = text.split("\n", 3)[:3]
    if ("Connected to" in "\n".join(header)) != record["connected_to_column"]:
        raise AssertionError(f"recorder disagrees with Keras on the columns of {model.name}")
    record["summary_text"] = text
    return record


def _bound_models(namespace: dict) -> list[tuple[str, object]]:
    """The models the file binds to module-level names, then those held by attributes of its
    module-level objects of its own classes (``gan.generator``)."""
    seen: set[int] = set()
    found = []
    for variable, value in list(namespace.items()):
        if variable.startswith("_") or not isinstance(value, keras.Model):
            continue
        if id(value) in seen:
            continue
        seen.add(id(value))
        found.append((variable, value))
    for variable, value in list(namespace.items()):
        if variable.startswith("_") or isinstance(value, (type, keras.layers.Layer)):
            continue
        if type(value).__module__ != namespace.get("__name__") or not hasattr(value, "__dict__"):
            continue
        for attr, held in vars(value).items():
            if isinstance(held, keras.Model) and id(held) not in seen and not attr.startswith("_"):
                seen.add(id(held))
                found.append((f"{variable}.{attr}", held))
    return found


def record_file(path, stateless: bool = False) -> dict:
    """Run one fixture with real Keras and return its record (see module docs); ``stateless``:
    with no variable ever initialised (a ``StatelessScope`` entered after the reset and never
    left), much faster where the fixture only builds models (``--check`` decides, see main)."""
    path = Path(path).resolve()
    _reset_keras()
    if stateless:
        from keras.src.backend.common.stateless_scope import StatelessScope

        StatelessScope().__enter__()  # (the next reset's clear_session leaves it)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with _tensorflow_shim(path):
            namespace, error = _run_fixture(path)
            models = [_model_record(var, model) for var, model in _bound_models(namespace)]
    namespace.clear()
    return {
        "keras_version": keras.__version__,
        "backend": keras.backend.backend(),
        "models": models,
        "error": error,
    }


# --------------------------------------------------------------------------
# Command line
# --------------------------------------------------------------------------

def dumps(record: dict) -> str:
    return json.dumps(record, indent=1, sort_keys=False, ensure_ascii=False) + "\n"


def expected_path(fixture: Path) -> Path:
    return fixture.with_name(fixture.stem + EXPECTED_SUFFIX)


def default_fixtures() -> list[Path]:
    return sorted([*FIXTURES_ROOT.glob("**/*.py"), *FIXTURES_ROOT.glob("**/*.ipynb")])


# The SHA-256 of each fixture's source when its record was made (fixture path, relative to the
# repository -> digest): tests/test_summaries.py holds every fixture to it, so a fixture changed
# without being recorded again fails the usual test run, whatever part of the fixtures CI
# re-checks with Keras.
SOURCES_RECORDED = FIXTURES_ROOT / "recorded_sources.json"


def source_digest(fixture: Path) -> str:
    import hashlib

    return hashlib.sha256(fixture.read_bytes()).hexdigest()


def _note_sources(recorded: list[Path]) -> None:
    digests = json.loads(SOURCES_RECORDED.read_text(encoding="utf-8")) if SOURCES_RECORDED.exists() else {}
    for fixture in recorded:
        digests[fixture.resolve().relative_to(REPO_ROOT).as_posix()] = source_digest(fixture)
    SOURCES_RECORDED.write_text(json.dumps(dict(sorted(digests.items())), indent=1) + "\n", encoding="utf-8")


# A fixture that chooses its backend (``os.environ["KERAS_BACKEND"] = "tensorflow"`` before it
# imports Keras) is recorded in a process of its own started with that backend: Keras reads the
# variable once, when it is imported.
_BACKEND_SETTING = re.compile(
    r"""^os\.environ(?:\[\s*["']KERAS_BACKEND["']\s*\]\s*=|\.setdefault\(\s*["']KERAS_BACKEND["']\s*,)\s*["'](\w+)["']""",
    re.MULTILINE,
)


_KERAS_IMPORT = re.compile(
    r"^\s*(?:import\s+keras|from\s+keras|from\s+tensorflow\s+import\s+keras|(?:import|from)\s+tensorflow\.keras)\b",
    re.MULTILINE,
)


def chosen_backend(fixture: Path) -> str | None:
    """The backend the fixture sets before it imports Keras, if it sets one."""
    text = fixture.read_text(encoding="utf-8")
    keras_imported = _KERAS_IMPORT.search(text)
    found = _BACKEND_SETTING.search(text, 0, keras_imported.start() if keras_imported else len(text))
    return found.group(1) if found else None


def _record_elsewhere(fixtures: list[Path], backend: str, check: bool) -> int:
    """Record (or check) ``fixtures`` in a new process running Keras on ``backend``."""
    import subprocess

    env = dict(os.environ, KERAS_BACKEND=backend)
    command = [sys.executable, str(Path(__file__).resolve()), *(["--check"] if check else []), *map(str, fixtures)]
    return subprocess.run(command, env=env, cwd=REPO_ROOT, check=False).returncode


def _display(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(REPO_ROOT))
    except ValueError:
        return str(path)


def main(argv=None) -> int:
    import argparse

    if os.environ.get("PYTHONHASHSEED") != "0":
        # Some Keras messages print sets of strings: fix their order.
        os.environ["PYTHONHASHSEED"] = "0"
        os.execv(sys.executable, [sys.executable, str(Path(__file__).resolve()), *(sys.argv[1:] if argv is None else argv)])

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("fixtures", nargs="*", type=Path, help="fixture .py files (default: fixtures/**/*.py)")
    parser.add_argument("--check", action="store_true", help="compare with the stored .expected.json; exit 1 on any difference")
    parser.add_argument(
        "--shard", default="1/1", metavar="K/N",
        help="only every N-th fixture, from the K-th (the test suite checks the fixtures in shards, side by side)",
    )
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    shard, shards = (int(part) for part in args.shard.split("/"))
    if not 1 <= shard <= shards:
        parser.error(f"--shard {args.shard}: K must be between 1 and N")

    fixtures = (args.fixtures or default_fixtures())[shard - 1 :: shards]
    if not fixtures:
        print("no fixtures found", file=sys.stderr)
        return 1
    started = time.perf_counter()
    mismatches = 0
    if keras.backend.backend() == "jax":
        trace_training_steps()
    if args.check and not args.fixtures and shard == 1:
        for orphan in sorted(FIXTURES_ROOT.glob("**/*" + EXPECTED_SUFFIX)):
            stem = orphan.name[: -len(EXPECTED_SUFFIX)]
            if not any(orphan.with_name(stem + suffix).exists() for suffix in (".py", ".ipynb")):
                mismatches += 1
                print(f"ORPHAN {_display(orphan)} (its fixture .py is gone)")
    elsewhere: dict[str, list[Path]] = {}
    recorded_here: list[Path] = []
    for fixture in fixtures:
        fixture = fixture.resolve()
        if not fixture.is_file() or fixture.suffix not in (".py", ".ipynb"):
            print(f"not a fixture file: {fixture}", file=sys.stderr)
            return 2
        backend = chosen_backend(fixture) if fixture.suffix == ".py" else None
        if backend is not None and backend != keras.backend.backend():
            elsewhere.setdefault(backend, []).append(fixture)
            continue
        target = expected_path(fixture)
        stored = target.read_text(encoding="utf-8") if args.check and target.exists() else None
        try:
            # Checking: first with no variable initialised; a record that then differs from the
            # stored one (a fixture that trains, or whose layers read their weights' values) is
            # made again as Keras runs the fixture, and that run decides.
            text = dumps(record_file(fixture, stateless=True)) if stored is not None else None
            if text is None or text != stored:
                text = dumps(record_file(fixture))
        except Exception:  # noqa: BLE001 - a recorder failure, not a fixture error
            mismatches += 1
            print(f"FAILED to record {_display(fixture)}:")
            print(traceback.format_exc())
            continue
        if args.check:
            if stored is None:
                mismatches += 1
                print(f"MISSING {_display(target)} (record it first)")
            elif stored != text:
                mismatches += 1
                print(f"MISMATCH {_display(fixture)}")
                diff = list(difflib.unified_diff(
                    stored.splitlines(), text.splitlines(),
                    _display(target), "recorded now", lineterm="", n=2,
                ))
                for line in diff[:MAX_DIFF_LINES]:
                    print("    " + line)
                if len(diff) > MAX_DIFF_LINES:
                    print(f"    ... ({len(diff) - MAX_DIFF_LINES} more diff lines)")
        else:
            if not target.exists() or target.read_text(encoding="utf-8") != text:
                target.write_text(text, encoding="utf-8")
                print(f"wrote {_display(target)}")
            recorded_here.append(fixture)
    if recorded_here:
        _note_sources(recorded_here)
    for backend, chosen in elsewhere.items():
        sys.stdout.flush()
        if _record_elsewhere(chosen, backend, args.check) != 0:
            mismatches += 1
    elapsed = time.perf_counter() - started
    verb = "checked" if args.check else "recorded"
    problems = "mismatch(es)" if args.check else "failure(s)"
    sys.stdout.flush()
    print(f"{verb} {len(fixtures)} fixture(s) in {elapsed:.1f} s, {mismatches} {problems}",
          file=sys.stderr)
    return 1 if mismatches else 0


if __name__ == "__main__":
    sys.exit(main())
