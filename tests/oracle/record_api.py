"""Record Keras's public model-building API as knowledge that kerascheck ships.

kerascheck never imports Keras.  What it needs to know about Keras's API (which
public name is which class, the positional order and defaults of each
constructor, the name Keras derives from each class) is recorded here from real
Keras, the way typeshed records stubs, and written to
``kerascheck/knowledge/keras_api.py``.

Run with the oracle interpreter::

    KERAS_BACKEND=jax python tests/oracle/record_api.py          # rewrite
    KERAS_BACKEND=jax python tests/oracle/record_api.py --check  # compare

Only literal defaults (numbers, strings, booleans, None, tuples of them) are
recorded; any other default is recorded as the marker ``OPAQUE``.
"""

from __future__ import annotations

import inspect
import os
import pprint
import sys
from pathlib import Path

os.environ.setdefault("KERAS_BACKEND", "jax")

from recording import OPAQUE, REQUIRED, literal, write_or_check  # noqa: E402  (beside this file)

OUTPUT = Path(__file__).resolve().parents[2] / "kerascheck" / "knowledge" / "keras_api.py"

# The public modules whose names a model file may use.
MODULES = ("keras", "keras.layers", "keras.models")



def _parameters(func, skip_self: bool):
    params = []
    for p in inspect.signature(func).parameters.values():
        if skip_self and p.name == "self":
            continue
        if p.kind is p.VAR_POSITIONAL:
            params.append(("*" + p.name, OPAQUE, "var_positional"))
        elif p.kind is p.VAR_KEYWORD:
            params.append(("**" + p.name, OPAQUE, "var_keyword"))
        else:
            default = REQUIRED if p.default is p.empty else literal(p.default)
            kind = "keyword_only" if p.kind is p.KEYWORD_ONLY else "positional"
            params.append((p.name, default, kind))
    return tuple(params)


def _base_params(cls) -> tuple:
    """Named parameters of the Keras base classes' ``__init__`` that ``**kwargs`` reaches.

    ``Conv2D(..., **kwargs)`` hands ``lora_rank`` on to ``BaseConv.__init__`` and
    ``name`` on to ``Layer.__init__``: both are accepted keywords of ``Conv2D``.
    """
    own = {p.name for p in inspect.signature(cls.__init__).parameters.values()}
    found = []
    seen = set(own)
    accepts = any(p.kind is p.VAR_KEYWORD for p in inspect.signature(cls.__init__).parameters.values())
    for klass in cls.__mro__[1:]:
        if not accepts:
            break
        init = klass.__dict__.get("__init__")
        if init is None or not klass.__module__.startswith("keras"):
            continue
        params = list(inspect.signature(init).parameters.values())
        for p in params:
            if p.name in seen or p.name == "self" or p.kind in (p.VAR_KEYWORD, p.VAR_POSITIONAL):
                continue
            seen.add(p.name)
            default = REQUIRED if p.default is p.empty else literal(p.default)
            found.append((p.name, default, "keyword_only"))
        accepts = any(p.kind is p.VAR_KEYWORD for p in params)
    return tuple(found)


def _popped_kwargs(cls) -> dict[str, str]:
    """Keywords an ``__init__`` in the class's MRO takes out of ``**kwargs`` itself.

    ``"deprecated"`` when Keras warns that the keyword is deprecated (it is then
    ignored), else ``"accepted"``.  Read from Keras's source, e.g. Embedding's
    ``input_length = kwargs.pop("input_length", None)`` followed by a warning.
    """
    import re

    found: dict[str, str] = {}
    for klass in cls.__mro__:
        init = klass.__dict__.get("__init__")
        if init is None or not klass.__module__.startswith("keras"):
            continue
        try:
            lines = inspect.getsource(init).splitlines()
        except (OSError, TypeError):
            continue
        for i, line in enumerate(lines):
            for name in re.findall(r"kwargs\.pop\(\s*[\"'](\w+)[\"']", line):
                if name in found:
                    continue
                following = "\n".join(lines[i : i + 8]).lower()
                found[name] = "deprecated" if "deprecated" in following else "accepted"
    return dict(sorted(found.items()))


def _layer_built_by(function) -> str | None:
    """The layer class a functional helper (``layers.add``…) builds and calls, if any."""
    import keras

    params = inspect.signature(function).parameters
    if next(iter(params), None) != "inputs":
        return None
    try:
        kwargs = {"axes": 1} if "axes" in params else {}
        out = function([keras.Input((2,)), keras.Input((2,))], **kwargs)
    except Exception:  # noqa: BLE001  (a helper of another kind)
        return None
    return type(out._keras_history.operation).__name__


def record() -> str:
    import importlib

    import keras
    from keras.src.layers.layer import Layer
    from keras.src.models.model import Model
    from keras.src.utils.naming import to_snake_case

    symbols: dict[str, str] = {}
    classes: dict[str, dict] = {}
    functions: dict[str, dict] = {}
    for module_name in MODULES:
        module = importlib.import_module(module_name)
        for attr in sorted(dir(module)):
            if attr.startswith("_"):
                continue
            obj = getattr(module, attr)
            if inspect.isclass(obj) and issubclass(obj, Layer):
                cls_name = obj.__name__
                symbols[f"{module_name}.{attr}"] = cls_name
                if cls_name not in classes:
                    bases = [
                        b.__name__
                        for b in obj.__mro__[1:]
                        if issubclass(b, Layer) and b.__module__.startswith("keras")
                    ]
                    classes[cls_name] = {
                        "snake_name": to_snake_case(cls_name),
                        "is_model": issubclass(obj, Model),
                        "bases": tuple(bases),
                        "params": _parameters(obj.__init__, skip_self=True),
                        "popped_kwargs": _popped_kwargs(obj),
                        "base_params": _base_params(obj),
                    }
            elif inspect.isfunction(obj) and module_name in ("keras", "keras.layers"):
                if attr in ("deserialize", "serialize"):
                    continue
                symbols[f"{module_name}.{attr}"] = attr
                functions[attr] = {
                    "params": _parameters(obj, skip_self=False),
                    "builds_layer": _layer_built_by(obj),
                }
    header = (
        '"""Keras public API, recorded from real Keras by tests/oracle/record_api.py.\n\n'
        "Do not edit by hand: re-run the recorder.\n"
        '"""\n\n'
        "# fmt: off\n"
    )
    body = (
        f"KERAS_VERSION = {keras.__version__!r}\n\n"
        f"REQUIRED = {REQUIRED!r}\n"
        f"OPAQUE = {OPAQUE!r}\n\n"
        "# public dotted name -> class or function name\n"
        f"SYMBOLS = {pprint.pformat(symbols, width=100, sort_dicts=True)}\n\n"
        "# class name -> snake_name, is_model, Keras base classes, __init__ parameters\n"
        "# (name, default or REQUIRED/OPAQUE, positional | keyword_only | var_*)\n"
        f"CLASSES = {pprint.pformat(classes, width=100, sort_dicts=True)}\n\n"
        "# helper function name -> params, and the layer class it builds and calls on `inputs`\n"
        "# (for example `layers.add(inputs, **kw)` is `Add(**kw)(inputs)`)\n"
        f"FUNCTIONS = {pprint.pformat(functions, width=100, sort_dicts=True)}\n"
    )
    return header + body


def main(argv: list[str]) -> int:
    return write_or_check(OUTPUT, record(), argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
