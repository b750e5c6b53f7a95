"""Keras 2's public API, read from the Keras 2 releases themselves: the migration catalogue's input.

Two sources, both Keras 2 and neither imported by kerascheck:

- **tf-keras 2.21** (installed by the ``oracle`` extra; it is ``tf.keras`` of TensorFlow <= 2.15
  under its own name): its public modules and their names, imported and listed at run time, as
  ``keras.X`` and ``tensorflow.keras.X``; the modules of its implementation (``tf_keras/src``),
  which standalone Keras 2.6-2.12 installed as ``keras.X`` (``keras.layers.core``,
  ``keras.engine.training``...); the parameters of its layers, optimizers and model methods.
- **standalone Keras 2.0.9, 2.1.6, 2.2.4 and 2.3.1** (``pip download keras==V``, checked against
  the SHA-256 below): their modules, the names each module defines or imports from Keras (star
  imports followed as Python follows them), constructor and method parameters, and the Keras 1
  argument conversions of ``keras/legacy/interfaces.py``. These releases need TensorFlow 1,
  Theano or CNTK to import, so their source is read with :mod:`ast`, never run.

``tests/oracle/record_migration.py`` asks real Keras 3 what it does with each of these names.
"""

from __future__ import annotations

import ast
import functools
import hashlib
import os
import subprocess
import sys
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

KERAS2_WHEELS = {
    "2.0.9": "c2ceb5b7d5fdc8af35d423d4f1ade168b1ee39218ead40b940e4198ef93f5ad5",
    "2.1.6": "a7abff3e87b6706764fbbd0521ba8f54c48f0720fd0495860cd3d2fd67899d48",
    "2.2.4": "794d0c92c6c4122f1f0fcf3a7bc2f49054c6a54ddbef8d8ffafca62795d760b6",
    "2.3.1": "d08a57bd63546175f8f19232ba05906514d419da3e0af8ef7437fa1c11442e20",
}
WHEEL_CACHE = Path(os.environ.get("KERASCHECK_KERAS2_WHEELS", Path.home() / ".cache" / "kerascheck" / "keras2-wheels"))

# Parts of tf-keras that are not Keras 2's model-building API.
_TF_KERAS_SKIPPED = ("src", "api", "__internal__", "protobuf")
_SRC_SKIPPED = ("tests", "testing_infra", "benchmarks", "integration_test")


def wheel_path(version: str) -> Path:
    """The Keras ``version`` wheel, downloaded by pip into the cache once, checked by its SHA-256."""
    WHEEL_CACHE.mkdir(parents=True, exist_ok=True)
    path = WHEEL_CACHE / f"Keras-{version}-py2.py3-none-any.whl"
    if not path.exists():
        subprocess.run(
            [sys.executable, "-m", "pip", "download", f"keras=={version}", "--no-deps", "-q", "-d", str(WHEEL_CACHE)],
            check=True,
        )
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    if digest != KERAS2_WHEELS[version]:
        raise SystemExit(f"{path}: SHA-256 {digest} is not the recorded {KERAS2_WHEELS[version]}")
    return path


# --------------------------------------------------------------------------- standalone Keras 2
@dataclass
class Binding:
    kind: str  # class | function | module | import | alias | other
    target: tuple = ()  # import: (module, name); module: (dotted,); alias: (name,)
    node: ast.AST | None = None


@dataclass
class StaticPackage:
    """The ``keras`` package of one wheel, read with ast."""

    version: str
    sources: dict[str, str]  # module path -> source
    packages: set[str]
    _bindings: dict[str, dict[str, Binding]] = field(default_factory=dict)
    _stars: dict[str, list[str]] = field(default_factory=dict)
    _all: dict[str, list[str] | None] = field(default_factory=dict)
    _trees: dict[str, ast.Module] = field(default_factory=dict)

    @classmethod
    def from_wheel(cls, version: str) -> "StaticPackage":
        sources: dict[str, str] = {}
        packages: set[str] = set()
        with zipfile.ZipFile(wheel_path(version)) as wheel:
            for name in wheel.namelist():
                if not name.startswith("keras/") or not name.endswith(".py"):
                    continue
                parts = name[:-3].split("/")
                if parts[-1] == "__init__":
                    parts = parts[:-1]
                    packages.add(".".join(parts))
                sources[".".join(parts)] = wheel.read(name).decode("utf-8")
        return cls(version, sources, packages)

    def tree(self, module: str) -> ast.Module:
        if module not in self._trees:
            self._trees[module] = ast.parse(self.sources[module])
        return self._trees[module]

    def public_modules(self) -> list[str]:
        return sorted(m for m in self.sources if not any(p.startswith("_") for p in m.split(".")))

    def _absolute(self, module: str, level: int, name: str | None) -> str:
        if not level:
            return name or ""
        base = module if module in self.packages else module.rpartition(".")[0]
        for _ in range(level - 1):
            base = base.rpartition(".")[0]
        return f"{base}.{name}" if name else base

    def bindings(self, module: str) -> dict[str, Binding]:
        """Top-level names of ``module`` (bodies of if / try / with included, of defs not)."""
        if module in self._bindings:
            return self._bindings[module]
        found: dict[str, Binding] = {}
        stars: list[str] = []
        names_all: list[str] | None = None
        self._bindings[module] = found

        def visit(body: list[ast.stmt]) -> None:
            nonlocal names_all
            for stmt in body:
                if isinstance(stmt, ast.ClassDef):
                    found[stmt.name] = Binding("class", node=stmt)
                elif isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef)):
                    found[stmt.name] = Binding("function", node=stmt)
                elif isinstance(stmt, ast.Import):
                    for alias in stmt.names:
                        if alias.asname:
                            found[alias.asname] = Binding("module", (alias.name,))
                        else:
                            top = alias.name.split(".")[0]
                            found[top] = Binding("module", (top,))
                elif isinstance(stmt, ast.ImportFrom):
                    source = self._absolute(module, stmt.level, stmt.module)
                    for alias in stmt.names:
                        if alias.name == "*":
                            stars.append(source)
                        else:
                            found[alias.asname or alias.name] = Binding("import", (source, alias.name))
                elif isinstance(stmt, ast.Assign) and all(isinstance(t, ast.Name) for t in stmt.targets):
                    # ``Deconvolution2D = Deconv2D = Conv2DTranspose``: every target is bound
                    for target in (t.id for t in stmt.targets):
                        if target == "__all__" and isinstance(stmt.value, (ast.List, ast.Tuple)):
                            names_all = [e.value for e in stmt.value.elts if isinstance(e, ast.Constant)]
                        elif isinstance(stmt.value, ast.Name):
                            found[target] = Binding("alias", (stmt.value.id,))
                        else:
                            found[target] = Binding("other", node=stmt)
                elif isinstance(stmt, ast.If):
                    visit(stmt.body)
                    visit(stmt.orelse)
                elif isinstance(stmt, ast.Try):
                    visit(stmt.body)
                    for handler in stmt.handlers:
                        visit(handler.body)
                    visit(stmt.orelse)
                    visit(stmt.finalbody)
                elif isinstance(stmt, ast.With):
                    visit(stmt.body)

        visit(self.tree(module).body)
        self._stars[module] = stars
        self._all[module] = names_all
        for source in stars:
            if source in self.sources:
                for name in self.exports(source):
                    found.setdefault(name, Binding("import", (source, name)))
        return found

    def exports(self, module: str) -> list[str]:
        """What ``from module import *`` binds."""
        bindings = self.bindings(module)
        if self._all.get(module) is not None:
            return list(self._all[module])  # type: ignore[arg-type]
        return [n for n in bindings if not n.startswith("_")]

    def resolve(self, module: str, name: str, depth: int = 0) -> tuple[str, str, str] | None:
        """``(kind, defining module, defining name)`` of ``module.name``, following imports and
        aliases inside the package; None for a name of another package (six, numpy...)."""
        if depth > 20:
            return None
        binding = self.bindings(module).get(name)
        if binding is None:
            submodule = f"{module}.{name}"
            return ("module", submodule, "") if submodule in self.sources else None
        if binding.kind in ("class", "function", "other"):
            return binding.kind, module, name
        if binding.kind == "alias":
            return self.resolve(module, binding.target[0], depth + 1)
        if binding.kind == "module":
            dotted = binding.target[0]
            return ("module", dotted, "") if dotted in self.sources else None
        source, imported = binding.target
        if source not in self.sources:
            return None
        if f"{source}.{imported}" in self.sources and imported not in self.bindings(source):
            return "module", f"{source}.{imported}", ""
        return self.resolve(source, imported, depth + 1)

    def names(self, module: str) -> dict[str, tuple[str, str | None]]:
        """The public names of ``module``: ``name -> (kind, alias of)``: the name it aliases in
        the same module (``adam = Adam``), else None. Names of other packages are left out."""
        result: dict[str, tuple[str, str | None]] = {}
        for name, binding in self.bindings(module).items():
            if name.startswith("_"):
                continue
            resolved = self.resolve(module, name)
            if resolved is None:
                continue
            if resolved[0] == "module" and resolved[1] != f"{module}.{name}":
                continue  # a module imported from elsewhere (``interfaces`` in keras.optimizers)
            alias = binding.target[0] if binding.kind == "alias" else None
            result[name] = (resolved[0], alias)
        prefix = module + "."
        for other in self.sources:
            if other.startswith(prefix) and "." not in other[len(prefix):] and not other[len(prefix):].startswith("_"):
                result.setdefault(other[len(prefix):], ("module", None))
        return result

    def find_class(self, name: str, module: str | None = None) -> tuple[str, ast.ClassDef] | None:
        for candidate in [module] if module else sorted(self.sources):
            if candidate is None:
                continue
            binding = self.bindings(candidate).get(name)
            if binding is not None and binding.kind == "class" and isinstance(binding.node, ast.ClassDef):
                return candidate, binding.node
        return None

    @functools.cached_property
    def interfaces(self) -> dict[str, dict]:
        return self.legacy_interfaces()

    @functools.cached_property
    def decorated(self) -> dict[tuple[str, str], str]:
        return self.decorated_methods()

    def legacy_interfaces(self) -> dict[str, dict]:
        """``keras/legacy/interfaces.py``'s converters by name: Keras 1 keyword -> Keras 2 keyword,
        the values they convert, and the positional arguments they allow."""
        module = "keras.legacy.interfaces"
        if module not in self.sources:
            return {}
        found = {}
        for stmt in self.tree(module).body:
            if not (isinstance(stmt, ast.Assign) and isinstance(stmt.value, ast.Call)):
                continue
            if not isinstance(stmt.targets[0], ast.Name):
                continue
            keywords = {k.arg: k.value for k in stmt.value.keywords}
            conversions = []
            if isinstance(keywords.get("conversions"), ast.List):
                for pair in keywords["conversions"].elts:
                    if isinstance(pair, ast.Tuple) and all(isinstance(e, ast.Constant) for e in pair.elts):
                        conversions.append(tuple(e.value for e in pair.elts))
            values = {}
            if isinstance(keywords.get("value_conversions"), ast.Dict):
                try:
                    values = ast.literal_eval(keywords["value_conversions"])
                except ValueError:
                    values = {}
            positional = []
            if isinstance(keywords.get("allowed_positional_args"), ast.List):
                positional = [e.value for e in keywords["allowed_positional_args"].elts if isinstance(e, ast.Constant)]
            preprocessor = keywords.get("preprocessor")
            found[stmt.targets[0].id] = {
                "conversions": conversions, "values": values, "positional": positional,
                "preprocessor": isinstance(preprocessor, ast.Name),
                "kernel_positional": self.positional_kernel(preprocessor.id) if isinstance(preprocessor, ast.Name) else 0,
            }
        return found

    def positional_kernel(self, function: str, depth: int = 0) -> int:
        """How many positional sizes after ``filters`` a legacy preprocessor of
        ``keras/legacy/interfaces.py`` gathers into ``kernel_size`` (``kernel_size = (args[2],
        args[3])``: Keras 1's ``Convolution2D(nb_filter, nb_row, nb_col)``), following the
        preprocessors it calls; 0 when it gathers none."""
        functions = {f.name: f for f in self.tree("keras.legacy.interfaces").body if isinstance(f, ast.FunctionDef)}
        if function not in functions or depth > 3:
            return 0
        found = 0
        for node in ast.walk(functions[function]):
            if (isinstance(node, ast.Assign) and [getattr(t, "id", None) for t in node.targets] == ["kernel_size"]
                    and isinstance(node.value, ast.Tuple)
                    and all(isinstance(e, ast.Subscript) and getattr(e.value, "id", None) == "args" for e in node.value.elts)):
                found = max(found, len(node.value.elts))
            elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in functions:
                found = max(found, self.positional_kernel(node.func.id, depth + 1))
        return found

    def decorated_methods(self) -> dict[tuple[str, str], str]:
        """``(class, method) -> interface`` for methods decorated ``@interfaces.legacy_*``."""
        found = {}
        for module in self.public_modules():
            for stmt in ast.walk(self.tree(module)):
                if not isinstance(stmt, ast.ClassDef):
                    continue
                for item in stmt.body:
                    if not isinstance(item, ast.FunctionDef):
                        continue
                    for decorator in item.decorator_list:
                        if isinstance(decorator, ast.Attribute) and decorator.attr.startswith("legacy_"):
                            found[(stmt.name, item.name)] = decorator.attr
        return found


def function_parameters(node: ast.FunctionDef) -> tuple[list[str], dict[str, object], dict[str, str]]:
    """Positional parameter names (``self`` left out), literal defaults, and the keywords the body
    takes out of ``**kwargs`` itself: ``X = kwargs.pop('name', ...)`` reads ``name`` as ``X``."""
    args = node.args
    names = [a.arg for a in args.posonlyargs + args.args if a.arg != "self"]
    defaults: dict[str, object] = {}
    for arg, default in zip(reversed(args.posonlyargs + args.args), reversed(args.defaults)):
        try:
            defaults[arg.arg] = ast.literal_eval(default)
        except ValueError:
            pass
    for arg, default in zip(args.kwonlyargs, args.kw_defaults):
        names.append(arg.arg)
        if default is not None:
            try:
                defaults[arg.arg] = ast.literal_eval(default)
            except ValueError:
                pass
    popped: dict[str, str] = {}
    for stmt in ast.walk(node):
        if (
            isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Name)
            and isinstance(stmt.value, ast.Call) and isinstance(stmt.value.func, ast.Attribute)
            and stmt.value.func.attr == "pop" and isinstance(stmt.value.func.value, ast.Name)
            and stmt.value.func.value.id == "kwargs" and stmt.value.args
            and isinstance(stmt.value.args[0], ast.Constant)
        ):
            popped[stmt.value.args[0].value] = stmt.targets[0].id
    return names, defaults, popped


def class_members(package: StaticPackage, module: str, node: ast.ClassDef, depth: int = 0) -> dict[str, ast.AST]:
    """Public methods and properties of a class and of its bases inside the package."""
    members: dict[str, ast.AST] = {}
    for base in node.bases if depth < 10 else []:
        base_name = base.id if isinstance(base, ast.Name) else base.attr if isinstance(base, ast.Attribute) else None
        if base_name is None:
            continue
        resolved = package.resolve(module, base_name)
        if resolved is None or resolved[0] != "class":
            continue
        found = package.find_class(resolved[2], resolved[1])
        if found is not None:
            members.update(class_members(package, found[0], found[1], depth + 1))
    for item in node.body:
        if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef)) and not item.name.startswith("_"):
            members[item.name] = item
    return members


# --------------------------------------------------------------------------- tf-keras
def public_modules(package: str, skipped: tuple[str, ...]) -> dict[str, object]:
    """The public modules of ``package`` by their dotted name, imported; its ``skipped`` top-level
    subpackages (and private names) neither listed nor imported (``pkgutil.walk_packages``
    would import every package to look inside it, ``src`` included)."""
    import importlib
    import pkgutil

    top = importlib.import_module(package)
    modules: dict[str, object] = {package: top}
    pending = [top]
    while pending:
        current = pending.pop()
        for info in pkgutil.iter_modules(getattr(current, "__path__", []), current.__name__ + "."):
            relative = info.name[len(package) + 1 :].split(".")
            if relative[0] in skipped or any(p.startswith("_") for p in relative):
                continue
            try:
                module = importlib.import_module(info.name)
            except Exception:  # noqa: BLE001  (a module that needs what is not installed)
                continue
            modules[info.name] = module
            if info.ispkg:
                pending.append(module)
    return modules


def tf_keras_modules() -> dict[str, object]:
    """tf-keras's public modules, by their path under ``keras`` (``keras.layers``...)."""
    return {"keras" + name[len("tf_keras"):]: module for name, module in public_modules("tf_keras", _TF_KERAS_SKIPPED).items()}


def tf_keras_src_modules() -> list[str]:
    """The implementation modules of tf-keras, as standalone Keras 2.6-2.12 named them (``keras.X``)."""
    import tf_keras

    root = Path(tf_keras.__file__).parent / "src"
    found = []
    for path in sorted(root.rglob("*.py")):
        parts = list(path.relative_to(root).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        if not parts or any(p.startswith("_") or p in _SRC_SKIPPED or p.endswith("_test") for p in parts):
            continue
        found.append("keras." + ".".join(parts))
    return found


def kind_of(value: object) -> str:
    import inspect

    if inspect.ismodule(value):
        return "module"
    if inspect.isclass(value):
        return "class"
    if callable(value):
        return "function"
    return "other"


def base_layer_keywords() -> set[str]:
    """The keywords tf-keras's ``Layer.__init__`` accepts through ``**kwargs`` (its ``allowed_kwargs``)."""
    import inspect
    import re

    import tf_keras

    source = inspect.getsource(tf_keras.layers.Layer.__init__)
    match = re.search(r"allowed_kwargs = \{([^}]*)\}", source)
    return set(re.findall(r"\"(\w+)\"", match.group(1))) if match else set()
