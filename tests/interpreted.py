"""An expression evaluated twice: by kerascheck's interpreter (which runs nothing) and by Python
with the real libraries, so that tests can hold what kerascheck follows of a library (NumPy,
pandas, scikit-learn) to what the library does."""

from __future__ import annotations

import libcst as cst

from kerascheck.engine.runtime import Session
from kerascheck.frontend.interpreter import Interpreter


def interpret(setup: str, expression: str) -> object:
    """What kerascheck's interpreter binds ``result = expression`` to, after ``setup``."""
    interpreter = Interpreter(Session(3))
    interpreter.run_module(cst.parse_module(setup + "result = " + expression + "\n"))
    return interpreter.main_scope.names["result"]


def evaluate(setup: str, expression: str, **names: object) -> object:
    """What Python gives ``expression`` after running ``setup`` (with ``names`` bound too)."""
    namespace: dict = dict(names)
    exec(setup, namespace)  # noqa: S102  (the tests' own code, on the real libraries)
    return eval(expression, namespace)  # noqa: S307
