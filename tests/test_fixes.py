"""``--fix`` / ``--diff``: each safe fix removes its diagnostic, keeps the file's formatting and
comments, and gives a model real Keras builds.

``fixtures/fixes/<name>.py`` is the code before (with ``# KC…`` markers), ``<name>.after.py``
what ``--fix`` must turn it into; both have truth recorded from real Keras beside them, so
tests/test_summaries.py holds the fixed models' summaries to what Keras printed, and the
``.after.expected.json`` records prove Keras builds the fixed code without an error.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import ROOT
from kerascheck.analysis import analyse_path, analyse_source
from kerascheck.cli import main
from kerascheck.fixes import apply_fixes, fix_source

FIXES = ROOT / "fixtures" / "fixes"
BEFORE = sorted(p for p in FIXES.glob("*.py") if not p.name.endswith(".after.py"))
MARKER = re.compile(r"  # KC\d{3}$", re.M)


def _after(path: Path) -> Path:
    return path.with_name(path.stem + ".after.py")


@pytest.mark.parametrize("before", BEFORE, ids=lambda p: p.stem)
def test_fix_gives_the_expected_file_and_removes_every_diagnostic(before: Path) -> None:
    source = before.read_text()
    assert analyse_path(before).diagnostics, "the fixture must have something to fix"
    outcome = fix_source(source, lambda text: analyse_source(text, str(before)))
    assert MARKER.sub("", outcome.source) == _after(before).read_text()
    assert outcome.result.diagnostics == ()
    assert len(outcome.applied) == len(re.findall(r"# KC\d{3}", source))


@pytest.mark.parametrize("before", BEFORE, ids=lambda p: p.stem)
def test_real_keras_builds_the_fixed_file(before: Path) -> None:
    truth = json.loads(_after(before).with_suffix(".expected.json").read_text())
    assert truth["error"] is None and truth["models"]
    assert analyse_path(_after(before)).diagnostics == ()


def test_diff_shows_and_fix_writes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "model.py"
    shutil.copy(FIXES / "keras2_model_keywords.py", target)
    monkeypatch.chdir(tmp_path)
    diff = CliRunner().invoke(main, ["--diff", "model.py"])
    assert diff.exit_code == 1
    assert "-    input=features,  # the inputs\n-    output=score,\n" in diff.stdout
    assert "+    inputs=features,  # the inputs\n+    outputs=score,\n" in diff.stdout
    assert target.read_text() == (FIXES / "keras2_model_keywords.py").read_text()
    fixed = CliRunner().invoke(main, ["--fix", "model.py"])
    assert fixed.exit_code == 0, fixed.output
    assert "Fixed 1 diagnostic(s) in 1 file(s)" in fixed.stderr
    assert MARKER.sub("", target.read_text()) == (FIXES / "keras2_model_keywords.after.py").read_text()
    again = CliRunner().invoke(main, ["--diff", "model.py"])
    assert again.exit_code == 0 and again.stdout == ""


def test_a_fix_that_would_not_remove_the_error_is_not_applied() -> None:
    # Two recurrent layers feed the second LSTM through a Concatenate: return_sequences on the
    # first would not give a 3-D input, so no fix is offered or applied.
    source = (
        "import keras\nfrom keras import layers\n"
        "inp = keras.Input(shape=(5, 3))\n"
        "a = layers.LSTM(4)(inp)\n"
        "b = layers.Dense(4)(layers.Flatten()(inp))\n"
        "c = layers.LSTM(2)(layers.Concatenate()([a, b]))\n"
    )
    outcome = fix_source(source, lambda text: analyse_source(text, "m.py"))
    assert outcome.source == source and outcome.applied == ()
    assert [d.code for d in outcome.result.diagnostics] == ["KC101"]


def test_apply_keeps_trailing_commas_and_other_arguments() -> None:
    from kerascheck.results import Fix, Span

    source = "f = layers.Embedding(\n    10,\n    4,\n    input_length=3,\n)\n"
    fix = Fix("drop", Span(1, 5, 5, 2), drop_keywords=("input_length",))
    assert apply_fixes(source, [fix]) == "f = layers.Embedding(\n    10,\n    4,\n)\n"
    fix = Fix("set", Span(1, 5, 5, 2), set_keywords=(("mask_zero", "True"),))
    assert apply_fixes(source, [fix]) == "f = layers.Embedding(\n    10,\n    4,\n    input_length=3,\n    mask_zero=True,\n)\n"
    assert apply_fixes("f = g(1, a=2)\n", [Fix("set", Span(1, 5, 1, 14), set_keywords=(("b", "3"),))]) == (
        "f = g(1, a=2, b=3)\n"
    )


def test_the_hint_names_the_recurrent_layer_behind_shape_preserving_layers() -> None:
    """LSTM → Dropout → LSTM: the 2-D tensor comes from the Dropout, made by the first LSTM."""
    result = analyse_path(FIXES / "recurrent_through_dropout.py")
    messages = [d.message for d in result.diagnostics]
    assert [d.code for d in result.diagnostics] == ["KC101", "KC101"]
    assert "from Dropout 'dropout' at line 11, the output of LSTM 'lstm' at line 10 (return_sequences=False)." in messages[0]
    assert "from Activation 'activation' at line 21, the output of GRU 'gru' at line 19 (return_sequences=False)." in messages[1]
    assert [d.fix.description for d in result.diagnostics if d.fix] == [
        "return the whole sequence from LSTM 'lstm'", "return the whole sequence from GRU 'gru'",
    ]


def test_no_hint_through_a_layer_that_changes_the_shape() -> None:
    source = (
        "import keras\nfrom keras import layers\n"
        "m = keras.Sequential([keras.Input((5, 3)), layers.LSTM(4), layers.Dense(6), layers.LSTM(2)])\n"
    )
    (diagnostic,) = analyse_source(source, "m.py").diagnostics
    assert "from Dense 'dense' at line 3." in diagnostic.message and "the output of" not in diagnostic.message
    assert diagnostic.fix is None
