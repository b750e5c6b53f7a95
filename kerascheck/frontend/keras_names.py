"""Resolve dotted names that a model file imports to Keras's canonical public names.

Every spelling that reaches Keras 3 — ``keras.layers.Dense``,
``tensorflow.keras.layers.Dense`` (``tf.keras`` is Keras 3 under TF ≥ 2.16),
``tensorflow.python.keras…``, Keras 2's deep module paths such as
``keras.layers.core.Dense`` — is reduced to one of the public names recorded
from Keras in :mod:`kerascheck.knowledge.keras_api`.  The import statements
themselves are evaluated by the interpreter, in program order, so an alias
(``import keras as K``, ``from tensorflow.keras import layers as L``) is just
a variable bound to a module.  ``keras.applications`` functions (``MobileNetV2``…)
resolve the same way, from :mod:`kerascheck.knowledge.applications`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from kerascheck.knowledge import applications, keras_api

# Packages that are Keras under another name.
_PACKAGE_ALIASES = (
    ("tensorflow.python.keras", "keras"),
    ("tensorflow.keras", "keras"),
    ("tf_keras", "keras"),
)
# Namespaces whose deeper submodules re-export public layers and models under
# their class names (Keras 2's ``keras.layers.core``, ``keras.engine.…``,
# Keras 3's private ``keras.src.…``).
_DEEP_NAMESPACES = ("keras.layers.", "keras.models.", "keras.engine.", "keras.src.")


@dataclass(frozen=True)
class ModuleRef:
    """A module, or a package attribute path that has not resolved to a symbol yet."""

    name: str


@dataclass(frozen=True)
class KerasSymbol:
    """A public Keras class or function, by its canonical name (``Dense``, ``Input``…)."""

    name: str
    dotted: str

    @property
    def is_class(self) -> bool:
        return self.name in keras_api.CLASSES

    @property
    def is_function(self) -> bool:
        return self.name in keras_api.FUNCTIONS


def canonical_path(dotted: str) -> str:
    for alias, target in _PACKAGE_ALIASES:
        if dotted == alias or dotted.startswith(alias + "."):
            return target + dotted[len(alias):]
    return dotted


@lru_cache(maxsize=None)
def _module_prefixes() -> frozenset[str]:
    prefixes = set()
    for dotted in (*keras_api.SYMBOLS, *applications.SYMBOLS):
        parts = dotted.split(".")
        for i in range(1, len(parts)):
            prefixes.add(".".join(parts[:i]))
    return frozenset(prefixes)


@lru_cache(maxsize=None)
def _public_class_names() -> dict[str, str]:
    return {dotted.rsplit(".", 1)[1]: name for dotted, name in _all_symbols().items()}


@lru_cache(maxsize=None)
def _all_symbols() -> dict[str, str]:
    return {**keras_api.SYMBOLS, **applications.SYMBOLS}


@lru_cache(maxsize=4096)
def resolve(dotted: str) -> ModuleRef | KerasSymbol:
    """What ``dotted`` (an imported or attribute path) names in Keras, if anything.

    Cached: the answer depends only on the recorded API, and its values are frozen
    (every ``layers.Conv2D`` of a model resolves the same path again)."""
    path = canonical_path(dotted)
    symbol = _all_symbols().get(path)
    if symbol is not None:
        return KerasSymbol(symbol, path)
    if path in _module_prefixes():
        return ModuleRef(path)
    if path.startswith(_DEEP_NAMESPACES):
        last = path.rsplit(".", 1)[1]
        if last[:1].isupper() and last in _public_class_names():
            return KerasSymbol(_public_class_names()[last], path)
    return ModuleRef(path)


def star_names(module: str) -> dict[str, KerasSymbol]:
    """The public names ``from <module> import *`` binds, for a Keras module."""
    path = canonical_path(module)
    prefix = path + "."
    names: dict[str, KerasSymbol] = {}
    for dotted, symbol in _all_symbols().items():
        if dotted.startswith(prefix) and "." not in dotted[len(prefix):]:
            names[dotted[len(prefix):]] = KerasSymbol(symbol, dotted)
    return names


def is_keras_module(module: str) -> bool:
    path = canonical_path(module)
    return path == "keras" or path.startswith("keras.")
