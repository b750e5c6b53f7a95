"""Record what Keras 3 does with Keras 2's API: the catalogue behind kerascheck's migration rules.

Every module, name and keyword argument that Keras 2 has (``keras2_api.py``: standalone Keras
2.0.9-2.3.1 and tf-keras 2.21) and Keras 3.15.1 does not is tried in real Keras 3, one small
script each, and what Keras 3 does is written down: the exception and message it raises and the
line it blames, or the warning with which it ignores the argument. Where Keras 3 has the same thing
under another spelling (a parent package, the Keras 2 name's alias, ``learning_rate`` for ``lr``),
that spelling is recorded as well: read from Keras 2 itself (its aliases, its Keras 1 argument
conversions, what its legacy optimizers store an argument as, what its deprecated methods call).

Two files are written:

- ``kerascheck/knowledge/migration.py``: the catalogue kerascheck ships (plain data);
- ``fixtures/migration/cases.json``: each entry's script and what Keras 3 did with it, the truth
  the tests hold kerascheck's diagnostics to (line and message), and what Keras 2 (tf-keras) did
  with the scripts that it can run.

Two spellings of Keras 3 are recorded apart, as they differ: ``keras.X`` and ``tensorflow.keras.X``
(``tf.keras`` is Keras 3 under TensorFlow >= 2.16, through ``keras._tf_keras``, which keeps more
of Keras 2: ``tf.keras.backend.sum``, ``tf.keras.preprocessing.text``...).

    KERAS_BACKEND=jax python tests/oracle/record_migration.py          # rewrite
    KERAS_BACKEND=jax python tests/oracle/record_migration.py --check  # compare
"""

from __future__ import annotations

import contextlib
import gzip
import inspect
import io
import json
import os
import re
import sys
import tempfile
import warnings
from pathlib import Path

os.environ.setdefault("KERAS_BACKEND", "jax")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

HERE = Path(__file__).resolve().parent
REPO_ROOT = HERE.parents[1]
sys.path.insert(0, str(HERE))

from keras2_api import (  # noqa: E402  (beside this file)
    KERAS2_WHEELS,
    StaticPackage,
    base_layer_keywords,
    class_members,
    function_parameters,
    kind_of,
    tf_keras_modules,
    tf_keras_src_modules,
)
from recording import literal, normalize, run_script  # noqa: E402

CATALOGUE = REPO_ROOT / "kerascheck" / "knowledge" / "migration.json.gz"
CASES = REPO_ROOT / "fixtures" / "migration" / "cases.json"
ROOTS = ("keras", "tensorflow.keras")
SCRIPT = Path("/kerascheck-migration/case.py")  # the file name the scripts run under

# Sample values for the required arguments of a layer class, by parameter name, to construct it in
# Keras 3 around the one argument being tried.
SAMPLES: dict[str, object] = {
    "units": 2, "filters": 2, "kernel_size": 3, "rate": 0.5, "input_dim": 10, "output_dim": 4,
    "pool_size": 2, "size": 2, "n": 2, "target_shape": (2, 2), "dims": (1,), "stddev": 0.1,
    "activation": "relu", "num_heads": 2, "key_dim": 2, "height": 2, "width": 2, "max_value": 1.0,
    "factor": 0.1, "num_tokens": 4, "num_bins": 2, "axes": 1, "l1": 0.01, "l2": 0.01, "scale": 1.0,
    "padding": 1, "cropping": 1, "depth_multiplier": 1, "num_query_heads": 2, "num_key_value_heads": 2,
    "groups": 1, "output_mode": "int", "max_tokens": 4, "output_shape": (2,), "equation": "ab,bc->ac",
    "mean": 0.0, "variance": 1.0, "batch_input_shape": (None, 3), "batch_size": 4, "weights": None,
    "dynamic": False, "filepath": "model.keras", "filename": "log.csv",
}
# The suffixes of a file to save to whose treatment by Keras 3 is recorded ("": none; ".ckpt": any other).
FILE_SUFFIXES = (".keras", ".weights.h5", ".h5", ".hdf5", "", ".ckpt")
# Model methods whose keywords are compared (the generator methods are entries of their own).
MODEL_METHODS = (
    "compile", "fit", "evaluate", "predict", "train_on_batch", "test_on_batch", "predict_on_batch",
    "save", "save_weights", "load_weights", "summary", "to_json",
)
# How each of them is called in the recording script (the model `m`, data `x`, `y`).
METHOD_CALLS = {
    "compile": "m.compile(optimizer='sgd', loss='mse'{kw})",
    "fit": "m.fit(x, y, epochs=1, verbose=0{kw})",
    "evaluate": "m.evaluate(x, y, verbose=0{kw})",
    "predict": "m.predict(x, verbose=0{kw})",
    "train_on_batch": "m.train_on_batch(x, y{kw})",
    "test_on_batch": "m.test_on_batch(x, y{kw})",
    "predict_on_batch": "m.predict_on_batch(x{kw})",
    "save": "m.save('model.keras'{kw})",
    "save_weights": "m.save_weights('model.weights.h5'{kw})",
    "load_weights": "m.load_weights('model.weights.h5'{kw})",
    "summary": "m.summary({kw0})",
    "to_json": "m.to_json({kw0})",
}
MODEL_SCRIPT = (
    "import numpy as np\n"
    "import keras\n"
    "m = keras.Sequential([keras.Input((3,)), keras.layers.Dense(2)])\n"
    "m.compile(optimizer='sgd', loss='mse')\n"
    "x, y = np.zeros((4, 3)), np.zeros((4, 2))\n"
)
FUNCTIONAL_SCRIPT = (
    "import keras\n"
    "inputs = keras.Input((3,))\n"
    "m = keras.Model(inputs, keras.layers.Dense(2)(inputs))\n"
)
LAYER_SCRIPT = "import keras\nlayer = keras.layers.Dense(2)\nlayer.build((None, 3))\n"


# --------------------------------------------------------------------------- running Keras 3
def run(source: str) -> dict:
    """Run ``source`` as a script in Keras 3 (fresh globals, Keras's state reset, in an empty
    folder): ``{"error": {type, message, line} | None, "warnings": [...]}``."""
    import keras

    keras.backend.clear_session(free_memory=False)  # names restart; no gc.collect() (seconds here)
    with tempfile.TemporaryDirectory() as folder, contextlib.chdir(folder):
        with warnings.catch_warnings(record=True) as caught, contextlib.redirect_stderr(io.StringIO()):
            warnings.simplefilter("always")
            _, error = run_script(SCRIPT, source, None)
    if error is not None:
        error = {"type": error["type"], "message": normalize(error["message"]), "line": error["line"]}
    return {"error": error, "warnings": [normalize(str(w.message)) for w in caught]}


def run_keras2(source: str) -> dict | None:
    """The same script in Keras 2 (tf-keras), its ``keras`` and ``tensorflow.keras`` both tf-keras."""
    import tf_keras

    spelled = re.sub(r"\b(tensorflow\.keras|keras)\b", "tf_keras", source)
    spelled = spelled.replace("import tensorflow as tf\n", "import tf_keras\n").replace("tf.tf_keras", "tf_keras")
    tf_keras.backend.clear_session()
    with tempfile.TemporaryDirectory() as folder, contextlib.chdir(folder):
        with warnings.catch_warnings(), contextlib.redirect_stderr(io.StringIO()):
            warnings.simplefilter("ignore")
            _, error = run_script(SCRIPT, spelled, None)
    return None if error is None else {"type": error["type"], "message": normalize(error["message"])}


def raised(result: dict) -> tuple[str, str] | None:
    error = result["error"]
    return None if error is None else (error["type"], error["message"])


# --------------------------------------------------------------------------- Keras 3's public API
def keras3_index() -> dict[str, dict[str, str]]:
    """Per root, every public dotted name of Keras 3 (modules included) and its kind."""
    from keras2_api import public_modules

    index: dict[str, dict[str, str]] = {}
    for root, package in (("keras", "keras"), ("tensorflow.keras", "keras._tf_keras.keras")):
        found: dict[str, str] = {}
        modules = {root + name[len(package):]: module
                   for name, module in public_modules(package, ("src", "api", "_tf_keras")).items()}
        for path, module in modules.items():
            found[path] = "module"
            for name in dir(module):
                if not name.startswith("_") and f"{path}.{name}" not in found:
                    found[f"{path}.{name}"] = kind_of(getattr(module, name))
        index[root] = found
    return index


def spelling(index: dict[str, str], module: str, name: str, kind: str) -> tuple[str | None, bool]:
    """Keras 3's spelling of Keras 2's ``module.name``, and whether it is the same thing moved
    to a parent package (a mechanical fix) rather than a name that only reads the same."""
    root = "tensorflow.keras" if module.startswith("tensorflow.keras") else "keras"
    candidates = [
        path for path, found in index.items()
        if path.rsplit(".", 1)[-1] == name and found == kind and path.startswith(root + ".")
        and not path.startswith(module + ".")
    ]
    if not candidates:
        return None, False

    def parent(path: str) -> str:
        return path.rsplit(".", 1)[0]

    moved_up = [p for p in candidates if (module + ".").startswith(parent(p) + ".")]
    if moved_up:
        return max(moved_up, key=lambda p: (len(parent(p)), -len(p))), True

    def shared(path: str) -> int:
        a, b = parent(path).split("."), module.split(".")
        count = 0
        while count < min(len(a), len(b)) and a[count] == b[count]:
            count += 1
        return count

    return sorted(candidates, key=lambda p: (-shared(p), len(p), p))[0], False


# --------------------------------------------------------------------------- Keras 2's API
class Keras2:
    """Keras 2's modules, names, parameters and members, from every source."""

    def __init__(self) -> None:
        self.wheels = {version: StaticPackage.from_wheel(version) for version in KERAS2_WHEELS}
        self.tf_modules = tf_keras_modules()
        # root-qualified module path -> sources; module -> name -> (kind, alias of, sources)
        self.modules: dict[str, set[str]] = {}
        self.names: dict[str, dict[str, list]] = {}
        for version, package in self.wheels.items():
            source = f"keras {version}"
            for module in package.public_modules():
                self._module(module, source)
                for name, (kind, alias) in package.names(module).items():
                    self._name(module, name, kind, alias, source)
        for path, module in self.tf_modules.items():
            for root in ROOTS:
                spelled = root + path[len("keras"):]
                self._module(spelled, "tf-keras 2.21")
                for name in dir(module):
                    if not name.startswith("_"):
                        self._name(spelled, name, kind_of(getattr(module, name)), None, "tf-keras 2.21")
        for path in tf_keras_src_modules():
            self._module(path, "tf-keras 2.21 (keras 2.6-2.12)")

    def _module(self, path: str, source: str) -> None:
        self.modules.setdefault(path, set()).add(source)

    def _name(self, module: str, name: str, kind: str, alias: str | None, source: str) -> None:
        entry = self.names.setdefault(module, {}).setdefault(name, [kind, alias, set()])
        entry[2].add(source)

    # -- classes and their parameters
    def static_classes(self, module: str, name: str) -> list[tuple[StaticPackage, str, object]]:
        found = []
        for package in self.wheels.values():
            if module in package.sources:
                resolved = package.resolve(module, name)
                if resolved is not None and resolved[0] == "class":
                    located = package.find_class(resolved[2], resolved[1])
                    if located is not None:
                        found.append((package, located[0], located[1]))
        return found

    def static_init(self, module: str, name: str) -> tuple[dict[str, object], dict[str, str]]:
        """The parameters (with literal defaults) and ``kwargs.pop`` conversions of the
        ``__init__`` of Keras 2's ``module.name`` across the standalone releases."""
        params: dict[str, object] = {}
        popped: dict[str, str] = {}
        for _package, _module, node in self.static_classes(module, name):
            for item in node.body:
                if getattr(item, "name", None) == "__init__":
                    names, defaults, pops = function_parameters(item)
                    for n in names:
                        params.setdefault(n, defaults.get(n, REQUIRED_MARK))
                    popped.update(pops)
        return params, popped

    def legacy_conversions(self, class_name: str, method: str = "__init__") -> dict[str, dict]:
        """Keras 1 keyword -> ``{"to": Keras 2 keyword, "values": conversions}`` of the class's
        legacy interface, across the releases."""
        found: dict[str, dict] = {}
        for package in self.wheels.values():
            interfaces = package.interfaces
            decorated = package.decorated
            interface = interfaces.get(decorated.get((class_name, method), ""))
            if interface is None:
                continue
            for old, new in interface["conversions"]:
                found.setdefault(old, {"to": new, "values": interface["values"].get(old, {}),
                                       "source": f"keras {package.version}"})
        return found


REQUIRED_MARK = "REQUIRED"


# --------------------------------------------------------------------------- the catalogue
class Recorder:
    def __init__(self) -> None:
        self.index = keras3_index()
        self.keras2 = Keras2()
        self.cases: list[dict] = []
        self.catalogue: dict[str, dict] = {
            "MODULES": {}, "NAMES": {}, "MOVED": {}, "ARGUMENTS": {},
            "MODEL_ARGUMENTS": {}, "MODEL_ATTRIBUTES": {}, "LAYER_ATTRIBUTES": {}, "NUMPY_INTEGERS": {},
            "BEHAVIOURS": {}, "CONSTRUCTORS": {}, "FILE_PATHS": {}, "POSITIONAL_KERNELS": {},
        }

    def case(self, entry: str, source: str, result: dict, keras2: bool = True) -> dict:
        case = {"entry": entry, "source": source, "keras3": result}
        if keras2:
            case["keras2"] = {"error": run_keras2(source)}
        self.cases.append(case)
        return case

    # -- modules and names
    def record_modules(self) -> None:
        for path in sorted(self.keras2.modules):
            root = "tensorflow.keras" if path.startswith("tensorflow.keras") else "keras"
            if path in self.index[root] or path.startswith(("keras.src", "tensorflow.keras.src")):
                continue
            names = sorted(self.keras2.names.get(path, {}))
            source = f"import {path}\n"
            result = run(source)
            error = raised(result)
            if error is None:
                continue
            entry = {"raises": error, "keras2": sorted(self.keras2.modules[path])}
            from_source = f"from {path} import {names[0]}\n" if names else None
            if from_source is not None:
                from_error = raised(run(from_source))
                if from_error is not None and from_error != error:
                    entry["raises_from"] = from_error
            self.catalogue["MODULES"][path] = entry
            self.case(path, source, result, keras2=False)
            moved = {}
            for name, (kind, _alias, _sources) in sorted(self.keras2.names.get(path, {}).items()):
                spelled, fixable = spelling(self.index[root], path, name, kind)
                if spelled is not None:
                    moved[name] = (spelled, fixable)
            if moved:
                self.catalogue["MOVED"][path] = moved

    def record_names(self) -> None:
        for module in sorted(self.keras2.names):
            root = "tensorflow.keras" if module.startswith("tensorflow.keras") else "keras"
            if self.index[root].get(module) != "module":
                continue
            for name, (kind, alias, sources) in sorted(self.keras2.names[module].items()):
                dotted = f"{module}.{name}"
                if dotted in self.index[root]:
                    continue
                from_source = f"from {module} import {name}\n"
                from_result = run(from_source)
                from_error = raised(from_result)
                if from_error is None:
                    continue
                if root == "keras":
                    attribute_source = f"import {module}\n{dotted}\n"
                else:
                    attribute_source = f"import tensorflow as tf\ntf.{dotted[len('tensorflow.'):]}\n"
                attribute_result = run(attribute_source)
                target = alias if alias is not None else name
                spelled, fixable = spelling(self.index[root], module, target, kind)
                if alias is not None and spelled is None and f"{module}.{alias}" in self.index[root]:
                    spelled, fixable = f"{module}.{alias}", True
                self.catalogue["NAMES"][dotted] = {
                    "kind": kind, "raises": from_error, "raises_attribute": raised(attribute_result),
                    "keras3": spelled, "fixable": fixable, "keras2": sorted(sources),
                }
                self.case(dotted, from_source, from_result, keras2="tf-keras 2.21" in sources)
                self.case(dotted, attribute_source, attribute_result, keras2=False)

    # -- keyword arguments of Keras's classes
    def keras3_accepted(self, cls: type, popped: bool = True) -> set[str]:
        """The keywords Keras 3's class takes: its parameters, its bases', and (``popped``) those
        an ``__init__`` takes out of ``**kwargs`` (which kerascheck's engine already judges)."""
        import record_api

        params = {p[0] for p in record_api._parameters(cls.__init__, skip_self=True)}
        params |= {p[0] for p in record_api._base_params(cls)}
        if popped:
            params |= set(record_api._popped_kwargs(cls))
        return {p for p in params if not p.startswith("*")}

    def record_optimizers(self) -> None:
        """Keywords of the optimizers and callbacks (``RMSprop(lr=...)``, ``ModelCheckpoint(period=...)``)."""
        import keras
        import tf_keras

        legacy_kwargs = _allowed_kwargs(tf_keras.optimizers.legacy.Optimizer.__init__)
        for family, base in (("optimizers", keras.optimizers.Optimizer), ("callbacks", keras.callbacks.Callback)):
            module3 = getattr(keras, family)
            modules2 = [getattr(tf_keras, family)] + ([tf_keras.optimizers.legacy] if family == "optimizers" else [])
            for name in sorted(dir(module3)):
                cls = getattr(module3, name)
                if not (inspect.isclass(cls) and issubclass(cls, base)) or cls is base:
                    continue
                keras2: dict[str, tuple[object, str]] = {}
                params, popped = self.keras2.static_init(f"keras.{family}", name)
                for param, default in params.items():
                    keras2.setdefault(param, (default, "keras 2.x"))
                for old, new in popped.items():
                    keras2.setdefault(old, (params.get(new, REQUIRED_MARK), "keras 2.x"))
                for module in modules2:
                    k2 = getattr(module, name, None)
                    if k2 is None or not inspect.isclass(k2):
                        continue
                    for p in inspect.signature(k2.__init__).parameters.values():
                        if p.name != "self" and p.kind not in (p.VAR_KEYWORD, p.VAR_POSITIONAL):
                            keras2.setdefault(p.name, (literal(p.default) if p.default is not p.empty else REQUIRED_MARK,
                                                       "tf-keras 2.21"))
                    if module is getattr(tf_keras.optimizers, "legacy", None):
                        for kw in legacy_kwargs:
                            keras2.setdefault(kw, (REQUIRED_MARK, "tf-keras 2.21"))
                accepted = self.keras3_accepted(cls, popped=False)  # popped ones: Keras 3 may warn
                required = _required(cls)
                if required is None:
                    continue  # a required argument without a sample (a function...)
                for keyword, (default, source) in sorted(keras2.items()):
                    if keyword in accepted:
                        continue
                    defaults = {**{k: v for k, (v, _) in keras2.items()}, **_optimizer_defaults(cls)}
                    sample = _sample(keyword, default, defaults, popped)
                    if sample is NO_SAMPLE:
                        continue
                    spelled = self._optimizer_spelling(name, keyword, sample, accepted, popped) if family == "optimizers" else (
                        popped.get(keyword) if popped.get(keyword) in accepted else None)
                    self.record_argument(f"keras.{family}.{name}", name, f"keras.{family}.{name}", _arguments(required),
                                         keyword, sample, spelled, source)

    def record_constructors(self) -> None:
        """Classes Keras 3 still names but rejects when made: ``tf.keras.optimizers.legacy.Adam()``."""
        for root, module in (("keras", "keras.optimizers.legacy"), ("tensorflow.keras", "tensorflow.keras.optimizers.legacy")):
            for path, kind in sorted(self.index[root].items()):
                if kind != "class" or path.rsplit(".", 1)[0] != module:
                    continue
                if root == "keras":
                    script = f"import keras\n{path}()\n"
                else:
                    script = f"import tensorflow as tf\ntf.{path[len('tensorflow.'):]}()\n"
                result = run(script)
                error = raised(result)
                if error is None:
                    continue
                self.catalogue["CONSTRUCTORS"][path] = {"raises": error}
                self.case(path + "()", script, result, keras2=False)

    def record_file_paths(self) -> None:
        """What Keras 3 accepts as a file to save to: ``model.save_weights("w.h5")`` raises, as does
        ``ModelCheckpoint("w.{epoch:02d}.hdf5")``; by the file's suffix."""
        calls = {
            "Model.save": MODEL_SCRIPT + "m.save({path!r})\n",
            "Model.save_weights": MODEL_SCRIPT + "m.save_weights({path!r})\n",
            "ModelCheckpoint": "import keras\nkeras.callbacks.ModelCheckpoint({path!r})\n",
            "ModelCheckpoint(save_weights_only=True)":
                "import keras\nkeras.callbacks.ModelCheckpoint({path!r}, save_weights_only=True)\n",
        }
        for call, template in calls.items():
            for suffix in FILE_SUFFIXES:
                path = "kerascheck_sample" + suffix  # a name no message has otherwise
                script = template.format(path=path)
                result = run(script)
                self.catalogue["FILE_PATHS"].setdefault(call, {})[suffix] = {"raises": raised(result), "sample": path}
                self.case(f"{call}({path!r})", script, result, keras2=False)

    def _optimizer_spelling(self, name: str, keyword: str, sample: object, accepted: set[str], popped: dict) -> str | None:
        """What Keras 2 reads ``keyword`` as: its legacy optimizer's config keeps the value under
        the Keras 3 name (``lr`` -> ``learning_rate``), or its source pops it into one."""
        import tf_keras

        if popped.get(keyword) in accepted:
            return popped[keyword]
        legacy = getattr(tf_keras.optimizers.legacy, name, None)
        if legacy is None:
            return None
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                config = legacy(**{keyword: sample}).get_config()
        except Exception:  # noqa: BLE001
            return None
        matches = [k for k, v in config.items() if k in accepted and k != keyword and v == sample]
        return matches[0] if len(matches) == 1 else None

    def record_layers(self) -> None:
        import keras
        import tf_keras

        base = base_layer_keywords()
        for name in sorted(dir(keras.layers)):
            cls = getattr(keras.layers, name)
            if not (inspect.isclass(cls) and issubclass(cls, keras.layers.Layer)) or cls.__name__ != name:
                continue
            accepted = self.keras3_accepted(cls)
            candidates: dict[str, dict] = {}
            for old, conversion in self.keras2.legacy_conversions(name).items():
                candidates.setdefault(old, {"spelling": conversion["to"], "values": conversion["values"],
                                            "source": conversion["source"]})
            k2 = getattr(tf_keras.layers, name, None)
            if k2 is not None and inspect.isclass(k2):
                for p in inspect.signature(k2.__init__).parameters.values():
                    if p.name != "self" and p.kind not in (p.VAR_KEYWORD, p.VAR_POSITIONAL):
                        candidates.setdefault(p.name, {"spelling": None, "values": {},
                                                       "default": literal(p.default) if p.default is not p.empty else REQUIRED_MARK,
                                                       "source": "tf-keras 2.21"})
            if name == "Dense":
                for keyword in sorted(base | _named_parameters(tf_keras.layers.Layer.__init__)):
                    candidates.setdefault(keyword, {"spelling": None, "values": {}, "source": "tf-keras 2.21", "base": True})
            required = _required(cls)
            for keyword, info in sorted(candidates.items()):
                if keyword in accepted:
                    continue
                if info["spelling"] is not None and info["spelling"] not in accepted:
                    info["spelling"] = None
                defaults = {**SAMPLES, **_layer_defaults(cls)}
                sample = _sample(keyword, info.get("default", REQUIRED_MARK), defaults, {keyword: info["spelling"]} if info["spelling"] else {})
                if info["values"]:
                    sample = sorted(info["values"])[0]
                if sample is NO_SAMPLE:
                    continue
                key = "keras.layers.*" if info.get("base") else f"keras.layers.{name}"
                self.record_argument(key, name, f"keras.layers.{name}", _arguments(required), keyword, sample,
                                     info["spelling"], info["source"], values=info["values"], required=required)

    def record_argument(self, key: str, class_name: str, callee: str, arguments: str, keyword: str, sample: object,
                        spelled: str | None, source: str, values: dict | None = None, required: list | None = None) -> None:
        joined = f"{arguments}, " if arguments else ""
        script = f"import keras\n{callee}({joined}{keyword}={sample!r})\n"
        result = run(script)
        error = raised(result)
        if error is None:
            mentioned = [w for w in result["warnings"] if f"`{keyword}`" in w or f"'{keyword}'" in w or keyword in w.split()]
            if not mentioned:
                return  # accepted in silence: Keras 3 takes it somewhere (not a migration issue)
            entry = {"ignored": mentioned[0], "sample": repr(sample)}
        else:
            entry = {"raises": error, "sample": repr(sample)}
            if spelled is not None and required and spelled in [r[0] for r in required]:
                # The Keras 1 spelling of a required argument, alone (``Dense(output_dim=2)``).
                others = [r for r in required if r[0] != spelled]
                alone = f"import keras\n{callee}({_arguments(others)}{', ' if others else ''}{keyword}={sample!r})\n"
                alone_error = raised(run(alone))
                if alone_error is not None and alone_error != error:
                    entry["raises_alone"] = alone_error
        entry.update({"keras3": spelled, "keras2": source})
        if values:
            entry["values"] = values
        self.catalogue["ARGUMENTS"].setdefault(key, {})[keyword] = entry
        self.case(f"{key}({keyword}=)", script, result, keras2=False)

    # -- models and layers
    def record_model_members(self) -> None:
        import keras
        import tf_keras

        keras3 = set(dir(keras.Sequential)) | set(dir(keras.Model))
        keras2 = self._keras2_members((tf_keras.Model, tf_keras.Sequential), (
            ("keras.engine.training", "Model"), ("keras.models", "Sequential"), ("keras.engine.sequential", "Sequential"),
            ("keras.engine.topology", "Container")))
        for attr, script, result in self._raising_members(keras2, keras3, MODEL_SCRIPT + "m"):
            error = raised(result)
            functional = raised(run(FUNCTIONAL_SCRIPT + f"m.{attr}\n"))
            spelled, wrapper = self._method_spelling(attr, keras3)
            entry = {"raises": error, "raises_functional": functional, "keras3": spelled, "wrapper": wrapper,
                     "keras2": sorted(keras2[attr])}
            params = self._keras2_method_params(attr)
            if params:
                entry["keras2_params"] = params
            self.catalogue["MODEL_ATTRIBUTES"][attr] = entry
            self.case(f"Model.{attr}", script, result, keras2=False)
        self._record_layer_members()

    @staticmethod
    def _raising_members(keras2: dict, keras3: set[str], receiver: str):  # noqa: ANN205
        """``(attribute, script, result)`` for each public Keras 2 attribute that reading on
        ``receiver`` (the end of a script that makes it) raises in Keras 3."""
        for attr in sorted(keras2):
            if attr.startswith("_") or attr in keras3:
                continue
            script = f"{receiver}.{attr}\n"
            result = run(script)
            if raised(result) is not None:
                yield attr, script, result

    def _keras2_members(self, tf_classes: tuple, wheel_classes: tuple) -> dict[str, set[str]]:
        """The attributes of tf-keras's ``tf_classes`` and of the standalone releases' classes
        ``(module, name)``, with the sources that have each."""
        found: dict[str, set[str]] = {}
        for cls in tf_classes:
            for name in dir(cls):
                found.setdefault(name, set()).add("tf-keras 2.21")
        for version, package in self.keras2.wheels.items():
            for module, name in wheel_classes:
                if module not in package.sources:
                    continue
                resolved = package.resolve(module, name)
                located = package.find_class(resolved[2], resolved[1]) if resolved else None
                if located is not None:
                    for member in class_members(package, located[0], located[1]):
                        found.setdefault(member, set()).add(f"keras {version}")
        return found

    def _keras2_method_params(self, attr: str) -> list[str]:
        import tf_keras

        for cls in (tf_keras.Sequential, tf_keras.Model):
            method = getattr(cls, attr, None)
            if inspect.isfunction(method):
                return [p for p in inspect.signature(method).parameters if p != "self" and not p.startswith("*")]
        for package in reversed(list(self.keras2.wheels.values())):
            for module, name in (("keras.engine.sequential", "Sequential"), ("keras.models", "Sequential"),
                                 ("keras.engine.training", "Model")):
                if module in package.sources:
                    located = package.find_class(name, module)
                    if located is not None:
                        member = class_members(package, located[0], located[1]).get(attr)
                        if member is not None:
                            return function_parameters(member)[0]
        return []

    def _method_spelling(self, attr: str, keras3: set[str]) -> tuple[str | None, bool]:
        """The Keras 3 method Keras 2's ``attr`` calls on ``self`` (``fit_generator`` returns
        ``self.fit(...)``: a wrapper), read from Keras 2's source."""
        import tf_keras

        sources = []
        for cls in (tf_keras.Sequential, tf_keras.Model):
            method = getattr(cls, attr, None)
            if inspect.isfunction(method):
                sources.append(inspect.getsource(method))
        for package in reversed(list(self.keras2.wheels.values())):
            for module, name in (("keras.engine.sequential", "Sequential"), ("keras.models", "Sequential"),
                                 ("keras.engine.training", "Model")):
                if module in package.sources:
                    located = package.find_class(name, module)
                    member = class_members(package, located[0], located[1]).get(attr) if located else None
                    if member is not None:
                        sources.append(ast_source(package.sources[located[0]], member))
        for text in sources:
            body = text.split(":", 1)[-1]
            for match in re.finditer(r"(return\s+)?self\.(\w+)\(", body):
                if match.group(2) in keras3 and match.group(2) != attr:
                    return match.group(2), bool(match.group(1))
        return None, False

    def _record_layer_members(self) -> None:
        import keras
        import tf_keras

        keras3 = set(dir(keras.layers.Dense))
        keras2 = self._keras2_members((tf_keras.layers.Dense,), (("keras.engine.base_layer", "Layer"),
                                                                 ("keras.engine.topology", "Layer")))
        for attr, script, result in self._raising_members(keras2, keras3, LAYER_SCRIPT + "layer"):
            self.catalogue["LAYER_ATTRIBUTES"][attr] = {"raises": raised(result), "keras2": sorted(keras2[attr])}
            self.case(f"Layer.{attr}", script, result, keras2=False)

    def record_model_arguments(self) -> None:
        import keras
        import tf_keras

        model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(2)])
        for method in MODEL_METHODS:
            keras3_method = getattr(model, method)
            keras3 = {p for p in inspect.signature(keras3_method).parameters}
            keras2: dict[str, object] = {}
            conversions: dict[str, str] = {}
            k2 = getattr(tf_keras.Model, method, None)
            if k2 is not None:
                for p in inspect.signature(k2).parameters.values():
                    if p.name != "self" and p.kind not in (p.VAR_KEYWORD, p.VAR_POSITIONAL):
                        keras2.setdefault(p.name, literal(p.default) if p.default is not p.empty else REQUIRED_MARK)
            for package in self.keras2.wheels.values():
                located = package.find_class("Model", "keras.engine.training") if "keras.engine.training" in package.sources else None
                member = class_members(package, located[0], located[1]).get(method) if located else None
                if member is not None:
                    names, defaults, popped = function_parameters(member)
                    for n in names:
                        keras2.setdefault(n, defaults.get(n, REQUIRED_MARK))
                    for old, new in popped.items():
                        conversions.setdefault(old, new)
                        keras2.setdefault(old, defaults.get(new, REQUIRED_MARK))
            for keyword, default in sorted(keras2.items()):
                if keyword in keras3:
                    continue
                sample = _sample(keyword, default, {}, conversions)
                if sample is NO_SAMPLE:
                    continue
                call = METHOD_CALLS[method]
                script = MODEL_SCRIPT + call.format(kw=f", {keyword}={sample!r}", kw0=f"{keyword}={sample!r}") + "\n"
                if method == "load_weights":
                    script = MODEL_SCRIPT + "m.save_weights('model.weights.h5')\n" + call.format(kw=f", {keyword}={sample!r}") + "\n"
                result = run(script)
                error = raised(result)
                if error is None:
                    mentioned = [w for w in result["warnings"] if keyword in w]
                    if not mentioned:
                        continue
                    entry = {"ignored": mentioned[0]}
                else:
                    entry = {"raises": error}
                spelled = conversions.get(keyword)
                entry.update({"sample": repr(sample), "keras3": spelled if spelled in keras3 else None})
                if method == "load_weights" and error is not None:
                    entry["by_suffix"] = self._load_weights_by_suffix(keyword, sample)
                self.catalogue["MODEL_ARGUMENTS"].setdefault(method, {})[keyword] = entry
                self.case(f"Model.{method}({keyword}=)", script, result, keras2=False)

    def _load_weights_by_suffix(self, keyword: str, sample: object) -> dict:
        """Whether ``load_weights`` refuses ``keyword`` by the file's suffix (Keras 3 takes
        ``by_name=`` for a legacy ``.h5`` file): per suffix, whether the error raised is the
        keyword's (a file of that format saved first, where Keras saves one)."""
        saves = {".keras": "m.save({path!r})\n", ".weights.h5": "m.save_weights({path!r})\n",
                 ".h5": "m.save({path!r})\n", ".hdf5": "m.save({path!r})\n"}
        found = {}
        for suffix in FILE_SUFFIXES:
            path = "kerascheck_sample" + suffix
            script = (MODEL_SCRIPT + saves.get(suffix, "").format(path=path)
                      + f"m.load_weights({path!r}, {keyword}={sample!r})\n")
            result = run(script)
            error = raised(result)
            keyword_error = error is not None and keyword in error[1]
            found[suffix] = {"raises": error if keyword_error else None, "sample": path}
            if error is None or keyword_error:  # (another error: a file of no format, which an
                # Orbax checkpoint's folder may be: not kerascheck's to decide)
                self.case(f"Model.load_weights({keyword}=, {path!r})", script, result, keras2=False)
        return found

    # -- values and calls Keras 3 rejects
    def record_numpy_integers(self) -> None:
        import keras

        for name in sorted(dir(keras.layers)):
            cls = getattr(keras.layers, name)
            if not (inspect.isclass(cls) and issubclass(cls, keras.layers.Layer)) or cls.__name__ != name:
                continue
            required = _required(cls)
            if required is None:
                continue
            base = f"import keras\nkeras.layers.{name}({_arguments(required)})\n"
            if raised(run(base)) is not None:
                continue
            for index, (param, value) in enumerate(required):
                if type(value) is not int:
                    continue
                tried = [(p, f"np.int64({v})" if p == param else repr(v)) for p, v in required]
                arguments = ", ".join(f"{p}={v}" for p, v in tried)
                script = f"import numpy as np\nimport keras\nkeras.layers.{name}({arguments})\n"
                result = run(script)
                error = raised(result)
                if error is None:
                    continue
                self.catalogue["NUMPY_INTEGERS"][f"{name}.{param}"] = {"raises": error, "sample": repr(value), "keras2": run_keras2(script) is None}
                self.case(f"{name}({param}=np.int64)", script, result)

    def record_behaviours(self) -> None:
        scripts = {
            "add_weight_positional_name": (
                "import keras\n\n\nclass Scale(keras.layers.Layer):\n    def build(self, input_shape):\n"
                "        self.scale = self.add_weight('scale', (input_shape[-1],))\n\n\n"
                "Scale().build((None, 3))\n"
            ),
            "sequential_output": MODEL_SCRIPT + "m.output\n",
            "sequential_input": MODEL_SCRIPT + "m.input\n",
            "model_outputs_layer": "import keras\ninputs = keras.Input((3,))\nkeras.Model(inputs, keras.layers.Dense(1))\n",
            "model_inputs_layer": "import keras\nkeras.Model(keras.layers.Dense(1), keras.Input((3,)))\n",
            # A string where Keras 2 took one metric or a list of them.
            "compile_metrics_string": MODEL_SCRIPT + "m.compile(optimizer='sgd', loss='mse', metrics='mae')\n",
            # One list of metrics for a model of two outputs, which Keras 2 gave each output.
            "compile_metrics_per_output": (
                "import numpy as np\nimport keras\ninputs = keras.Input((3,))\n"
                "m = keras.Model(inputs, [keras.layers.Dense(1)(inputs), keras.layers.Dense(1)(inputs)])\n"
                "m.compile(optimizer='sgd', loss='mse', metrics=['mae'])\n"
                "m.fit(np.zeros((4, 3)), [np.zeros((4, 1)), np.zeros((4, 1))], verbose=0)\n"
            ),
        }
        # Data as a Python list of numbers, which Keras 2 made an array of.
        for method in ("fit", "evaluate", "predict"):  # (the *_on_batch methods fail further in, on each number)
            y = "" if method.startswith("predict") else ", np.zeros((1, 2))"
            scripts[f"model_{method}_list"] = MODEL_SCRIPT + f"m.{method}([[1, 2, 3]]{y})\n"
        for key, script in scripts.items():
            result = run(script)
            entry = {"raises": raised(result), "keras2": run_keras2(script)}
            if key == "add_weight_positional_name":
                import keras
                import tf_keras

                entry["sample"] = "scale"
                entry["keras2_params"] = _named_parameters(tf_keras.layers.Layer.add_weight, ordered=True)
                entry["keras3_params"] = _named_parameters(keras.layers.Layer.add_weight, ordered=True)
            self.catalogue["BEHAVIOURS"][key] = entry
            self.case(key, script, result, keras2=True)

    def record_positional_kernels(self) -> None:
        """Keras 1's ``Convolution2D(nb_filter, nb_row, nb_col)``: standalone Keras 2's legacy
        interfaces gathered the positional sizes after ``filters`` into ``kernel_size`` (read from
        ``keras/legacy/interfaces.py``); Keras 3 reads them as its own positional parameters
        (``kernel_size``, ``strides``, ``padding``...): what it makes of them, under every name
        Keras 3 gives the class."""
        import keras

        classes: dict[str, tuple[int, str]] = {}
        for package in self.keras2.wheels.values():
            for (cls, method), interface in sorted(package.decorated.items()):
                dims = package.interfaces.get(interface, {}).get("kernel_positional", 0)
                if method == "__init__" and dims:
                    classes.setdefault(cls, (dims, f"keras {package.version}"))
        for cls, (dims, source) in sorted(classes.items()):
            target = getattr(keras.layers, cls, None)
            if not isinstance(target, type):
                continue  # a class Keras 3 does not have: KC311
            sizes = [3] * dims
            for name in sorted(n for n in dir(keras.layers) if getattr(keras.layers, n) is target):
                script = f"import keras\nlayer = keras.layers.{name}(4, {', '.join(map(str, sizes))})\n"
                result = run(script)
                entry: dict = {"dims": dims, "keras2": source, "keras2_kernel_size": sizes}
                if result["error"] is not None:
                    entry["raises"] = raised(result)
                else:
                    layer = target(4, *sizes)
                    params = _named_parameters(target.__init__, ordered=True)
                    entry["keras3_params"] = params[1: 1 + dims]
                    entry["keras3"] = {p: _plain(getattr(layer, p, None)) for p in params[1: 1 + dims]}
                self.catalogue["POSITIONAL_KERNELS"][name] = entry
                self.case(f"keras.layers.{name}(filters, {', '.join(['size'] * dims)})", script, result, keras2=False)

    # -- output
    def record(self) -> tuple[str, str]:
        import time

        import keras
        import tf_keras

        for step in (self.record_modules, self.record_names, self.record_optimizers, self.record_constructors,
                     self.record_layers, self.record_model_members, self.record_model_arguments,
                     self.record_numpy_integers, self.record_behaviours, self.record_file_paths,
                     self.record_positional_kernels):
            started = time.perf_counter()
            step()
            print(f"{step.__name__}: {time.perf_counter() - started:.0f} s", file=sys.stderr)
        comments = {
            "MODULES": "Keras 2 module -> what importing it raises in Keras 3 (raises_from: `from M import x`, when it differs)",
            "NAMES": "Keras 2 name of a module Keras 3 has -> its kind, what `from M import name` and `M.name` raise, "
                     "and Keras 3's spelling (fixable: the same thing, moved to a parent package)",
            "MOVED": "Keras 2 module Keras 3 lacks -> its names -> [Keras 3 spelling, fixable]",
            "ARGUMENTS": "callable (keras.layers.*: any layer; optimizers, callbacks) -> Keras 2 keyword -> what Keras 3 does (raises, or "
                         "ignored with a warning), the sample value it was tried with, and Keras 3's spelling",
            "MODEL_ARGUMENTS": "model method -> Keras 2 keyword -> what Keras 3 does, and Keras 3's spelling",
            "MODEL_ATTRIBUTES": "Keras 2 attribute of models -> what reading it raises on a Sequential and a functional "
                                "model, the Keras 3 method it called (wrapper: only that), Keras 2's parameters",
            "LAYER_ATTRIBUTES": "Keras 2 attribute of layers -> what reading it raises on a Dense",
            "NUMPY_INTEGERS": "Class.parameter -> what a NumPy integer there raises (keras2: whether Keras 2 took it)",
            "BEHAVIOURS": "Keras 2 code Keras 3 rejects -> what it raises (keras2: what Keras 2 raised, if anything)",
            "CONSTRUCTORS": "class Keras 3 names but rejects when it is made -> what it raises",
            "POSITIONAL_KERNELS": "layer -> Keras 1's positional kernel sizes (Conv2D(filters, rows, cols)), which "
                                  "standalone Keras 2 read as kernel_size: how many (dims), and what Keras 3 reads "
                                  "them as (keras3: its parameters' values) or raises",
            "FILE_PATHS": "call saving a file -> the file's suffix ('' for none, '.ckpt' for any other) -> what Keras 3 "
                          "raises for it (null: it saves), the path it was tried with",
        }
        document = {
            "about": "What Keras 3 does with Keras 2's API, recorded from real Keras by tests/oracle/record_migration.py "
                     "(each entry's script: fixtures/migration/cases.json). Do not edit by hand: re-run the recorder.",
            "keras_version": keras.__version__,
            "keras2_sources": [f"keras {v}" for v in KERAS2_WHEELS] + [f"tf-keras {tf_keras.__version__}"],
            "sections": comments,
            **{key: _plain(value) for key, value in self.catalogue.items()},
        }
        catalogue = json.dumps(document, indent=0, ensure_ascii=False, sort_keys=True) + "\n"
        cases = json.dumps({"keras_version": keras.__version__, "cases": self.cases}, indent=1, ensure_ascii=False,
                           sort_keys=True) + "\n"
        return catalogue, cases


def ast_source(module_source: str, node) -> str:  # noqa: ANN001
    lines = module_source.splitlines()
    return "\n".join(lines[node.lineno - 1 : node.end_lineno])


def _plain(value):  # noqa: ANN001, ANN202
    """Sets as sorted lists, tuples kept: what pprint writes the same way every run."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, set):
        return sorted(value)
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _allowed_kwargs(function) -> set[str]:  # noqa: ANN001
    source = inspect.getsource(function)
    match = re.search(r"allowed_kwargs = \{([^}]*)\}", source)
    return set(re.findall(r"\"(\w+)\"", match.group(1))) if match else set()


def _named_parameters(function, ordered: bool = False):  # noqa: ANN001, ANN201
    names = [p.name for p in inspect.signature(function).parameters.values()
             if p.name != "self" and p.kind not in (p.VAR_KEYWORD, p.VAR_POSITIONAL)]
    return names if ordered else set(names)


def _optimizer_defaults(cls) -> dict[str, object]:  # noqa: ANN001
    return {p.name: p.default for p in inspect.signature(cls.__init__).parameters.values() if p.default is not p.empty}


def _layer_defaults(cls) -> dict[str, object]:  # noqa: ANN001
    return {p.name: p.default for p in inspect.signature(cls.__init__).parameters.values()
            if p.default is not p.empty and literal(p.default) != "OPAQUE"}


NO_SAMPLE = object()


def _sample(keyword: str, default: object, defaults: dict[str, object], conversions: dict[str, str]) -> object:
    """The value an argument is tried with: Keras 2's default, else the default (or sample) of the
    argument it converts to, else a sample by name; NO_SAMPLE when there is none."""
    converted = conversions.get(keyword, "")
    for value in (default, defaults.get(converted, REQUIRED_MARK), SAMPLES.get(keyword, REQUIRED_MARK),
                  SAMPLES.get(converted, REQUIRED_MARK)):
        if not (isinstance(value, str) and value == REQUIRED_MARK) and literal(value) != "OPAQUE":
            return value
    return NO_SAMPLE


def _required(cls) -> list[tuple[str, object]] | None:  # noqa: ANN001
    """Sample values for the required parameters of a layer class, or None if one has none."""
    found = []
    for p in inspect.signature(cls.__init__).parameters.values():
        if p.name == "self" or p.kind in (p.VAR_KEYWORD, p.VAR_POSITIONAL) or p.default is not p.empty:
            continue
        if p.name not in SAMPLES:
            return None
        found.append((p.name, SAMPLES[p.name]))
    return found


def _arguments(required: list[tuple[str, object]] | None) -> str:
    return ", ".join(f"{name}={value!r}" for name, value in required or [])


def main(argv: list[str]) -> int:
    if os.environ.get("PYTHONHASHSEED") != "0":
        os.environ["PYTHONHASHSEED"] = "0"  # Keras prints sets of names: fix their order
        os.execv(sys.executable, [sys.executable, __file__, *argv])
    catalogue, cases = Recorder().record()
    status = 0
    for path, text in ((CATALOGUE, catalogue), (CASES, cases)):
        compressed = path.suffix == ".gz"
        if "--check" in argv:
            stored = (gzip.decompress(path.read_bytes()).decode("utf-8") if compressed else path.read_text(encoding="utf-8")
                      ) if path.exists() else None
            if stored != text:
                print(f"{path} differs from what Keras records now: re-run tests/oracle/record_migration.py")
                status = 1
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        data = text.encode("utf-8")
        path.write_bytes(gzip.compress(data, compresslevel=9, mtime=0) if compressed else data)
        print(f"wrote {path}")
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
