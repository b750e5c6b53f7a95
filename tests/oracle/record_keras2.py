"""Record what Keras 2 prints for the model fixtures: the truth of ``--keras-version 2``.

Keras 2 is ``tf.keras`` as TensorFlow ≤ 2.15 shipped it, kept alive as the ``tf-keras``
package.  Each fixture of ``fixtures/summary`` and ``fixtures/projects`` runs with its
Keras imports pointed at ``tf_keras`` (``import keras``, ``from keras.layers import …``,
and ``tf.keras`` through ``TF_USE_LEGACY_KERAS=1``), in one process, with
``tf_keras.backend.clear_session()`` before each file.  Fixtures written for Keras 3 only
(``keras.ops``, Keras 3 arguments) raise there; that is recorded too, and such a fixture
verifies nothing about Keras 2.

``<fixture>.expected_keras2.json`` holds ``{"keras_version", "models", "error"}`` (``error``:
``null``, or the ``type``, ``message`` and fixture ``line`` of what the file raised); each
model has ``variable``, ``name``, ``summary_text`` (what ``model.summary()`` prints, or
``null`` with ``summary_error`` when it raises), and ``rows``: per printed layer its
``name``, ``class``, ``output_shape`` (the text Keras prints: ``(None, 8)``,
``[(None, 8)]``, ``multiple``) and ``params``; then the three totals.

    python tests/oracle/record_keras2.py           # re-record
    python tests/oracle/record_keras2.py --check   # compare, exit 1 on a difference
"""

from __future__ import annotations

import contextlib
import importlib
import importlib.abc
import importlib.util
import io
import json
import os
import sys
import warnings
from pathlib import Path

os.environ["TF_USE_LEGACY_KERAS"] = "1"
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

ROOT = Path(__file__).resolve().parents[2]
FIXTURE_FOLDERS = [ROOT / "fixtures" / "summary", ROOT / "fixtures" / "projects"]



sys.path.insert(0, str(Path(__file__).resolve().parent))
from recording import in_shard, keras2_message, project_imports, run_script, shard_of  # noqa: E402  (shared with record.py; no Keras)


class _KerasToTfKeras(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """``import keras`` / ``keras.layers`` … give the ``tf_keras`` modules."""

    def find_spec(self, fullname, path=None, target=None):
        if fullname == "keras" or fullname.startswith("keras."):
            target_name = "tf_keras" + fullname[len("keras"):]
            try:
                importlib.import_module(target_name)
            except ImportError:
                return None
            return importlib.util.spec_from_loader(fullname, self)
        return None

    def create_module(self, spec):
        return importlib.import_module("tf_keras" + spec.name[len("keras"):])

    def exec_module(self, module):
        pass


def _output_text(layer) -> str:
    try:
        return str(layer.output_shape)
    except AttributeError:
        return "multiple"
    except RuntimeError:
        return "?"


def _model_record(variable: str, model) -> dict:
    import tf_keras

    lines: list[str] = []
    record: dict = {"variable": variable, "name": model.name}
    try:
        model.summary(print_fn=lambda line, *a, **k: lines.append(line))
    except ValueError as err:
        record.update(summary_text=None, summary_error=str(err).splitlines()[0])
        return record
    record["summary_text"] = "\n".join(lines) + "\n"
    record["rows"] = [
        {
            "name": layer.name,
            "class": type(layer).__name__,
            "output_shape": _output_text(layer),
            "params": layer.count_params() if layer.built or getattr(layer, "_is_graph_network", False) else None,
        }
        for layer in model.layers
    ]
    count = tf_keras.src.utils.layer_utils.count_params
    trainable, non_trainable = count(model.trainable_weights), count(model.non_trainable_weights)
    record.update(
        total_params=trainable + non_trainable, trainable_params=trainable, non_trainable_params=non_trainable
    )
    return record


def record_file(path: Path) -> dict:
    import tf_keras

    tf_keras.backend.clear_session()
    tf_keras.backend.set_floatx("float32")
    tf_keras.mixed_precision.set_global_policy(None)  # clear_session keeps a policy a file set
    tf_keras.backend.set_image_data_format("channels_last")
    error = None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with project_imports(path) as package:
            namespace, error = run_script(path, path.read_text(encoding="utf-8"), package)
        if error is not None:
            message = keras2_message(error["message"])
            if message is not None:  # TensorFlow quotes the file by its path: the checkout's own, not kept
                message = message.replace(str(path.resolve()), path.resolve().relative_to(ROOT).as_posix())
            error = {"type": error["type"], **({"message": message} if message is not None else {}), "line": error["line"]}
        seen: set[int] = set()
        models = []
        for variable, value in list(namespace.items()):
            if variable.startswith("_") or not isinstance(value, tf_keras.Model) or id(value) in seen:
                continue
            seen.add(id(value))
            models.append(_model_record(variable, value))
    namespace.clear()
    return {"keras_version": tf_keras.__version__, "models": models, "error": error}


def expected_path(fixture: Path) -> Path:
    return fixture.with_name(fixture.stem + ".expected_keras2.json")


def fixtures() -> list[Path]:
    found = []
    for folder in FIXTURE_FOLDERS:
        for path in sorted(folder.glob("*.py")):
            found.append(path)
    return found


def main(argv: list[str]) -> int:
    assert "keras" not in sys.modules
    sys.meta_path.insert(0, _KerasToTfKeras())
    with contextlib.redirect_stderr(io.StringIO()):
        import tensorflow  # noqa: F401  (before any fixture: its import prints noise)
    check = "--check" in argv
    shard = shard_of(argv) if check else (1, 1)
    only = [Path(a).resolve() for a in argv if a.endswith((".py", ".ipynb"))]
    status = 0
    for index, path in enumerate(fixtures()):
        if only and path not in only or not in_shard(index, shard):
            continue
        text = json.dumps(record_file(path), indent=1, ensure_ascii=False) + "\n"
        target = expected_path(path)
        if check:
            if not target.exists() or target.read_text(encoding="utf-8") != text:
                print(f"{target.relative_to(ROOT)} differs from what Keras 2 prints now", file=sys.stderr)
                status = 1
        else:
            target.write_text(text, encoding="utf-8")
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
