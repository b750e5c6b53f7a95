"""compile(): the identifiers and keywords checked against what Keras 3 and Keras 2 were recorded
to accept (kerascheck/knowledge/compile_identifiers.py), the loss kept on the model, and the
errors Keras raises only in fit reported only when the model is trained or evaluated."""

from __future__ import annotations

import textwrap
from dataclasses import replace

import libcst as cst

from kerascheck.analysis import analyse_source
from kerascheck.config import Settings
from kerascheck.engine.losses import LossSpec
from kerascheck.frontend.interpreter import Interpreter
from kerascheck.knowledge import compile_identifiers, keras_losses

MODEL = """
import keras
import numpy as np
from keras import layers

model = keras.Sequential([keras.Input(shape=(4,)), layers.Dense(3, activation="softmax")])
"""


def _codes(source: str, keras_version: int = 3) -> list[tuple[int, int, str]]:
    result = analyse_source(textwrap.dedent(source), "compile.py", replace(Settings(), keras_version=keras_version))
    return sorted((d.span.line, d.span.column, d.code) for d in result.diagnostics)


def _model(source: str):  # noqa: ANN202
    interpreter = Interpreter.for_file("compile.py")
    interpreter.run_module(cst.parse_module(textwrap.dedent(source)))
    return interpreter.main_scope.names["model"]


def test_the_loss_is_kept_on_the_model() -> None:
    assert _model(MODEL).compile_loss is None
    model = _model(MODEL + 'model.compile(optimizer="adam", loss="categorical_crossentropy")\n')
    assert model.compile_loss == LossSpec(identifier="categorical_crossentropy")
    model = _model(MODEL + "model.compile(loss=keras.losses.CategoricalCrossentropy(from_logits=True))\n")
    assert model.compile_loss == LossSpec(class_name="CategoricalCrossentropy", config=(("from_logits", True),))
    model = _model(MODEL + 'model.compile("sgd", {"dense": "mse"})\n')
    assert model.compile_loss == {"dense": LossSpec(identifier="mse")}
    model = _model(MODEL + "model.compile(loss=keras.losses.mean_squared_error)\n")
    assert model.compile_loss == LossSpec(function="mean_squared_error")
    model = _model(MODEL + "model.compile(loss=my_loss)\n")
    assert model.compile_loss is not None and not isinstance(model.compile_loss, LossSpec)


def test_loss_and_metric_errors_wait_for_training_and_point_at_the_string() -> None:
    compiled = MODEL + 'model.compile(optimizer="adam", loss="msee", metrics=["mae", "acuracy"])\n'
    assert _codes(compiled) == []
    line = compiled.count("\n")
    text = compiled.splitlines()[-1]
    trained = compiled + "model.evaluate(np.zeros((2, 4)), np.zeros((2, 3)))\n"
    assert _codes(trained) == [(line, text.index('"msee"') + 1, "KC410"), (line, text.index('"acuracy"') + 1, "KC411")]
    assert _codes(compiled + "model.predict(np.zeros((2, 4)))\n") == []


def test_optimizer_and_keyword_errors_are_raised_by_compile_itself() -> None:
    line = MODEL.count("\n") + 1
    assert _codes(MODEL + 'model.compile(optimizer="adm", loss="mse")\n') == [(line, 25, "KC412")]
    call = 'model.compile(optimizer="adam", loss="mse", optimize=1)'
    assert _codes(MODEL + call + "\n") == [(line, call.index("optimize=") + 1, "KC413")]
    assert _codes(MODEL + 'model.compile(optimizer="ADAM", loss="MSE", metrics=["acc"])\n') == []
    # one metric as a string: Keras 3 raises ("Expected `metrics` argument to be a list..."), KC312
    assert [c for *_, c in _codes(MODEL + 'model.compile(optimizer="adam", loss="mse", metrics="acc")\n')] == ["KC312"]


def test_every_recorded_loss_string_is_accepted_by_compile() -> None:
    accepted = set(compile_identifiers.KERAS3["loss"]["accepted"])
    assert set(keras_losses.STRINGS) - {"Circle", "CTC"} <= accepted | set(compile_identifiers.KERAS3["loss"]["rejected_otherwise"])


def test_keras2_mode_uses_keras2s_identifiers() -> None:
    keras3, keras2 = compile_identifiers.KERAS3["metric"], compile_identifiers.KERAS2["metric"]
    only_keras2 = sorted(set(keras2["accepted"]) - set(keras3["accepted"]) - set(keras3["rejected_otherwise"]))
    only_keras2 = [m for m in only_keras2 if m.lower() not in keras3["any_case"]]
    assert only_keras2, "Keras 2 accepts no metric string Keras 3 rejects: pick another kind"
    source = MODEL + f'model.compile(loss="mse", metrics=[{only_keras2[0]!r}])\nmodel.evaluate(np.zeros((2, 4)), np.zeros((2, 3)))\n'
    assert [code for _, _, code in _codes(source)] == ["KC411"]
    assert _codes(source, keras_version=2) == []
