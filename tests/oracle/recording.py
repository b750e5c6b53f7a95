"""What the recorder scripts share: running a fixture as a script, the tiny model the loss and
metric recorders train, and writing or ``--check``-ing what they recorded.  No Keras here:
record.py runs Keras 3, record_keras2.py tf-keras."""

from __future__ import annotations

import builtins
import contextlib
import io
import math
import re
import sys
import traceback
from pathlib import Path
from typing import Iterator


def error_record(exc: BaseException, filename: str) -> dict:
    """What the fixture raised: type, message (without the machine's paths, see :func:`normalize`),
    and the line of its innermost frame in the fixture."""
    line = None
    for frame in traceback.extract_tb(exc.__traceback__):
        if frame.filename == filename:
            line = frame.lineno
    return {"type": type(exc).__name__, "message": normalize(str(exc)), "line": line}


def normalize(message: str) -> str:
    """A message without the machine's paths, ``(/…/site-packages/keras/x.py)`` → ``(…/keras/x.py)``
    (an ImportError names the file of the module it could not import from), nor objects' addresses."""
    message = re.sub(r"/[^\s()'\"]*/(site|dist)-packages/", "…/", message)
    return re.sub(r" at 0x[0-9a-f]+>", " at 0x…>", message)  # an object's address changes every run


def keras2_message(message: str) -> str | None:
    """What tf-keras raised, as ``--keras-version 2`` quotes it: the message a layer raised
    without the wrapper tf-keras puts around errors raised in ``call()`` ("Exception
    encountered when calling layer …", "Call arguments received …"), object addresses and the
    paths of installed files (which depend on the machine)."""
    if message.startswith("in user code:"):
        return None  # raised in a traced train step: a traceback through tf-keras's own files, not quoted
    wrapped = re.match(r"Exception encountered when calling layer [^\n]*\n\n(.*?)(?:\n\nCall arguments received .*)?$", message, re.S)
    if wrapped:
        message = wrapped.group(1)
    # "cannot import name 'ops' from 'tf_keras' (/…/__init__.py)", the path made "…/tf_keras/…" or not
    message = re.sub(r" \((?:/|…/|[A-Za-z]:\\)[^()]*\)", "", message)
    return re.sub(r" at 0x[0-9a-f]+", "", message).strip()


def import_roots(path: Path) -> tuple[list[Path], str | None]:
    """Folders a script at ``path`` imports from (its own, and the one above its top
    package), and its package name when it lies inside a package (for relative imports)."""
    folder = path.parent
    top = folder
    parts: list[str] = []
    while (top / "__init__.py").is_file() and top.parent != top:
        parts.insert(0, top.name)
        top = top.parent
    roots = [folder] if top == folder else [folder, top]
    return roots, ".".join(parts) or None


@contextlib.contextmanager
def project_imports(path: Path) -> Iterator[str | None]:
    """Let the fixture import its sibling modules; forget them afterwards."""
    roots, package = import_roots(path)
    saved_path = list(sys.path)
    before = set(sys.modules)
    sys.path[:0] = [str(r) for r in roots]
    try:
        yield package
    finally:
        sys.path[:] = saved_path
        for name in set(sys.modules) - before:
            module_file = getattr(sys.modules[name], "__file__", None) or ""
            if any(module_file.startswith(str(r)) for r in roots):
                del sys.modules[name]


def run_script(path: Path, source: str, package: str | None) -> tuple[dict, dict | None]:
    """Execute ``source`` as ``path`` run as ``__main__`` (stdout discarded): its globals, and
    the :func:`error_record` of what it raised, if anything."""
    filename = str(path)
    code = compile(source, filename, "exec")
    namespace = {
        "__name__": "__main__",
        "__file__": filename,
        "__doc__": None,
        "__package__": package,
        "__spec__": None,
        "__loader__": None,
        "__cached__": None,
        "__builtins__": builtins,
    }
    error = None
    saved_argv = sys.argv
    sys.argv = [filename]
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            exec(code, namespace)
    except (Exception, SystemExit) as exc:  # noqa: BLE001 - recording the failure is the point
        error = error_record(exc, filename)
    finally:
        sys.argv = saved_argv
    return namespace, error


# How a recorded signature's defaults are written (kerascheck.knowledge.keras_api names the same
# markers): a parameter without default, and a default that is no literal.
REQUIRED = "REQUIRED"
OPAQUE = "OPAQUE"


def literal(value):
    """A default as recorded: a literal (numbers, strings, booleans, None, tuples of them), else OPAQUE."""
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, (tuple, list)):
        items = tuple(literal(v) for v in value)
        return OPAQUE if OPAQUE in items else items
    return OPAQUE


def clean_message(message: str) -> str:
    """The message Keras raised, without the call-context wrapper and object addresses."""
    wrapped = re.search(r"Exception encountered when calling [^\n]*\n\n\x1b\[1m(.*?)\x1b\[0m", message, re.S)
    if wrapped:
        message = wrapped.group(1)
    return re.sub(r" at 0x[0-9a-f]+", "", message)


def model_of_output(keras, output: tuple):  # noqa: ANN001, ANN201  (keras: the module, imported by the caller)
    """A tiny functional model of one input of 4 features whose output has the shape ``output``
    (batch axis first, as None): a Dense, reshaped beyond rank 2. What the loss and metric
    recorders train, each on labels of a given shape."""
    inputs = keras.Input(shape=(4,))
    x = keras.layers.Dense(math.prod(output[1:]))(inputs)
    if len(output) > 2:
        x = keras.layers.Reshape(output[1:])(x)
    return keras.Model(inputs, x)


def write_or_check(output: Path, text: str, argv: list[str]) -> int:
    """Write ``text`` to ``output``; with ``--check``, exit status 1 if the file differs instead."""
    if "--check" in argv:
        if not output.exists() or output.read_text() != text:
            print(f"{output} differs from what Keras records now", file=sys.stderr)
            return 1
        return 0
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(text)
    print(f"wrote {output}")
    return 0


def trace_training_steps() -> None:
    """Make Keras 3 (JAX) trace its train and test steps without compiling or running them:
    ``fit`` and ``evaluate`` run as they do (the data adapters, the build, the callbacks), and a
    step's Python code runs on abstract values (``jax.eval_shape``), so what it raises (a loss
    given labels it cannot take…) is raised; its results (the losses, the variables' new values)
    are zeros of the shapes and dtypes it would give. The recorders look at shapes, names,
    counts and errors, never at those values, and XLA's compiling of each step was most of
    their running time. ``predict`` runs as it is (a program may build on what it predicts).
    Called before anything runs, in recording and in ``--check`` alike."""
    import jax
    import jax.numpy as jnp
    from keras.src.backend.jax import trainer

    def zeros(spec):  # noqa: ANN001, ANN202
        return jnp.zeros(spec.shape, spec.dtype)

    def traced_only(function, **options):  # noqa: ANN001, ANN003, ANN202  (options: jit's)
        if getattr(function, "__name__", None) not in ("train_step", "test_step"):
            return jax.jit(function, **options)

        def step(*args):  # noqa: ANN002, ANN202
            return jax.tree_util.tree_map(zeros, jax.eval_shape(function, *args))

        return step

    trainer.jit = traced_only


def shard_of(argv: list[str]) -> tuple[int, int]:
    """``--shard K/N`` of the command line: check only every N-th item from the K-th (CI's
    rotating part of a long recorder, see tests/test_oracle_recording.py); (1, 1): all."""
    for index, arg in enumerate(argv):
        value = arg.split("=", 1)[1] if arg.startswith("--shard=") else argv[index + 1] if arg == "--shard" and \
            index + 1 < len(argv) else None
        if value is not None:
            k, n = (int(part) for part in value.split("/"))
            if not 1 <= k <= n:
                raise SystemExit(f"--shard {value}: K must be between 1 and N")
            return k, n
    return 1, 1


def in_shard(index: int, shard: tuple[int, int]) -> bool:
    return index % shard[1] == shard[0] - 1


def check_cases(output: Path, recorded: list[dict], shard: tuple[int, int]) -> int:
    """``--check --shard K/N`` of a recorder of cases (one JSON object per case, with an ``id``):
    each case recorded now against the stored case of the same id; 1 if any differs."""
    import json

    stored = {case["id"]: case for case in json.loads(output.read_text())["cases"]} if output.exists() else {}
    differing = [case["id"] for case in recorded if stored.get(case["id"]) != json.loads(json.dumps(case))]
    for case_id in differing[:20]:
        print(f"{output}: case {case_id} differs from what Keras records now", file=sys.stderr)
    print(f"checked {len(recorded)} case(s) of shard {shard[0]}/{shard[1]}", file=sys.stderr)
    return 1 if differing else 0
