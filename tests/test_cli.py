"""The command line: formats, exit codes, bad input, and that it never runs user code."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import FIXTURES, ROOT, load_expected
from kerascheck.cli import main

SEED = FIXTURES / "summary" / "seed_conv_pool_dense.py"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_version_is_printed() -> None:
    code, out, _ = run("--version")
    assert code == 0 and out.startswith("kerascheck, version ")


def test_summary_json_follows_the_contract_and_the_recorded_truth() -> None:
    code, out, _ = run("--summary", "--format", "json", str(SEED))
    assert code == 0
    document = json.loads(out)
    assert document["version"] == 1 and document["diagnostics"] == []
    truth = load_expected(SEED)["models"][0]
    (model,) = document["models"]
    assert set(model) >= {"path", "line", "column", "variable", "name", "kind", "layers", "total_params"}
    assert (model["variable"], model["name"], model["kind"]) == (truth["variable"], truth["name"], truth["kind"])
    assert model["total_params"] == truth["total_params"]
    for layer, truth_layer in zip(model["layers"], truth["layers"]):
        assert set(layer) >= {"name", "class", "line", "column", "output_shape", "params"}
        assert layer["output_shape"] == truth_layer["output_shape"]


def test_summary_text_shows_keras_table_and_totals() -> None:
    code, out, _ = run("--summary", str(SEED))
    truth = load_expected(SEED)["models"][0]
    assert code == 0
    assert f'Model: "{truth["name"]}"' in out
    assert f" Total params: {truth['total_params']:,} ({truth['total_size']})" in out


def test_explain_puts_the_formula_under_the_row() -> None:
    code, out, _ = run("--explain", str(SEED))
    assert code == 0
    assert "·" in out and "floor((" in out


def test_a_missing_path_is_a_message_and_exit_2_and_other_files_are_still_analysed(tmp_path: Path) -> None:
    code, out, err = run("--summary", str(tmp_path / "missing.py"), str(SEED))
    assert code == 2
    assert "missing.py: no such file or directory" in err
    assert 'Model: "' in out


def test_syntax_error_is_a_diagnostic_at_its_position(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("import keras\nmodel = keras.Sequential([\n")
    code, out, _ = run(str(bad), str(SEED))
    assert code == 2
    assert out.startswith(f"{bad}:") and " KC001 SyntaxError" in out


def test_non_utf8_file_is_reported_not_crashed(tmp_path: Path) -> None:
    bad = tmp_path / "latin1.py"
    bad.write_bytes(b"import keras\nname = '\xe9t\xe9'\n")
    code, out, _ = run(str(bad))
    assert code == 2
    assert "KC002 file is not valid UTF-8" in out


def test_files_without_keras_are_skipped_without_parsing(tmp_path: Path) -> None:
    (tmp_path / "plain.py").write_text("this is not python (\n")
    code, out, _ = run(str(tmp_path))
    assert (code, out) == (0, "All checks passed!\n")


FACTORY = """\
import keras


def build(units):
    model = keras.Sequential([keras.Input((4,)), keras.layers.Dense(units)])
    model.load_weights("pretrained.weights.h5", by_name=True)
    return model
"""


@pytest.mark.parametrize("spelling", ["from factory import build\n", "from . import factory\nbuild = factory.build",
                                      "from helpers import build\n"])
def test_a_file_without_keras_that_imports_a_model_factory_of_its_project_is_analysed(
    tmp_path: Path, spelling: str
) -> None:
    # train.py never mentions keras; the model is the one the project's factory builds.
    (tmp_path / "factory.py").write_text(FACTORY)
    (tmp_path / "helpers.py").write_text("from factory import build\n")  # through a module without keras
    (tmp_path / "train.py").write_text(f"{spelling}\n\nmodel = build(3)\nmodel.summary()\n")
    code, out, _ = run("--summary", str(tmp_path / "train.py"))
    # The model is the one the factory's code builds in a file of its own (the numbers of such
    # a script are recorded: fixtures/packages/train_script_importing_its_model.py).
    (tmp_path / "inline.py").write_text(FACTORY + "\n\nmodel = build(3)\nmodel.summary()\n")
    assert "train.py:4:9: model" in out and _table(out) == _table(run("--summary", str(tmp_path / "inline.py"))[1])
    # Keras raises in factory.py's code that train.py's call ran: reported at that call, in train.py.
    assert code == 1 and "train.py:4:9: KC312 Sequential.load_weights(by_name=)" in out
    assert "Received: pretrained.weights.h5" in out


def test_a_notebook_without_keras_that_imports_a_model_factory_is_analysed(tmp_path: Path) -> None:
    (tmp_path / "factory.py").write_text(FACTORY)
    cells = [{"cell_type": "code", "metadata": {}, "execution_count": None, "outputs": [], "source": source}
             for source in ("from factory import build\n", "model = build(3)\n")]
    notebook = {"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
    (tmp_path / "train.ipynb").write_text(json.dumps(notebook))
    code, out, _ = run("--summary", str(tmp_path / "train.ipynb"))
    (tmp_path / "inline.py").write_text(FACTORY + "\n\nmodel = build(3)\n")
    assert _table(out) == _table(run("--summary", str(tmp_path / "inline.py"))[1]) and "KC312" in out


def _table(out: str) -> list[str]:
    """The rows and totals of the summaries printed (not their locations)."""
    table = [line for line in out.splitlines() if line.startswith(("│", " Total", " Trainable", " Non-trainable"))]
    assert table
    return table


def test_a_file_without_keras_whose_imports_never_reach_keras_is_skipped(tmp_path: Path) -> None:
    (tmp_path / "helpers.py").write_text("import os\n")
    (tmp_path / "train.py").write_text("from helpers import os\nimport numpy\nthis is not python (\n")
    assert run(str(tmp_path / "train.py"))[:2] == (0, "All checks passed!\n")


def test_analysed_code_is_never_executed(tmp_path: Path) -> None:
    marker = tmp_path / "executed"
    model = tmp_path / "model.py"
    model.write_text(
        "import keras\n"
        f"open({str(marker)!r}, 'w').write('ran')\n"
        "import os\n"
        f"os.system('touch {marker}')\n"
        "model = keras.Sequential([keras.Input((4,)), keras.layers.Dense(2)])\n"
    )
    code, out, _ = run("--summary", str(model))
    assert code == 0 and 'Model: "sequential"' in out
    assert not marker.exists()


def test_the_cli_never_imports_keras_or_tensorflow() -> None:
    script = (
        "import sys\n"
        "from click.testing import CliRunner\n"
        "from kerascheck.cli import main\n"
        f"r = CliRunner().invoke(main, ['--summary', {str(FIXTURES / 'summary')!r}])\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in ('keras', 'tensorflow', 'jax', 'torch'))\n"
        "print(r.exit_code, heavy)\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, check=True)
    assert out.stdout.split(" ", 1)[1].strip() == "[]"


def test_version_does_not_import_libcst() -> None:
    out = subprocess.run(
        [sys.executable, "-c", "import sys; from kerascheck.cli import run\n"
         "try:\n    run(['--version'])\nexcept SystemExit:\n    pass\n"
         "print('libcst' in sys.modules)"],
        capture_output=True, text=True, cwd=ROOT, check=True,
    )
    assert out.stdout.strip().endswith("False")


@pytest.mark.skipif(os.name != "posix", reason="python -m entry point check uses a posix shell")
def test_python_dash_m_runs_the_cli() -> None:
    out = subprocess.run([sys.executable, "-m", "kerascheck", "--version"], capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 0 and "kerascheck" in out.stdout


def test_worker_processes_give_the_same_output_in_the_same_order(tmp_path: Path) -> None:
    for i, fixture in enumerate(sorted((FIXTURES / "summary").glob("*.py"))[:40]):
        (tmp_path / f"{i:02d}_{fixture.name}").write_text(fixture.read_text())
    serial = run("--summary", "--format", "json", "--no-cache", "--jobs", "1", str(tmp_path))
    parallel = run("--summary", "--format", "json", "--no-cache", "--jobs", "2", str(tmp_path))
    assert serial == parallel
    assert json.loads(serial[1])["models"]
