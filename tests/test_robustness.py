"""Hostile and broken input gets a clear diagnostic and an exit code, never a traceback or a crash."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

CASES = {
    "deep_parentheses.py": ("import keras\nx = " + "(" * 5000 + "1" + ")" * 5000 + "\n", "KC001"),
    "deep_10000_parentheses.py": ("import keras\nx = " + "(" * 10000 + "1" + ")" * 10000 + "\n", "KC001"),
    "deep_10000_additions.py": ("import keras\nx = " + "1 + " * 10000 + "1\n", "KC003"),
    "ten_megabytes.py": ("import keras\n" + "x = 1\n" * (10 * 1024 * 1024 // 6), "KC003"),
    "empty.py": ("", None),
    "deep_lists.py": ("import keras\nx = " + "[" * 3000 + "]" * 3000 + "\n", "KC001"),
    "deep_unary.py": ("import keras\nx = " + "-" * 20000 + "1\n", "KC003"),
    "null_byte.py": ("import keras\x00\nx = 1\n", "KC001"),
    "empty_keras.py": ("# keras\n", None),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_broken_input_is_a_diagnostic_in_a_separate_process(tmp_path: Path, name: str) -> None:
    """Run as a subprocess so that a crash of a native parser would show as a failure."""
    source, code = CASES[name]
    path = tmp_path / name
    path.write_text(source)
    result = subprocess.run(
        [sys.executable, "-m", "kerascheck", str(path)], capture_output=True, text=True, cwd=ROOT, timeout=120
    )
    assert "Traceback" not in result.stderr
    if code is None:
        assert (result.returncode, result.stdout) == (0, "All checks passed!\n")
    else:
        assert result.returncode == 2, result.stderr
        assert f"{name}:" in result.stdout and f" {code} " in result.stdout


def test_a_symlink_loop_is_walked_once(tmp_path: Path) -> None:
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "loop").symlink_to(tmp_path / "pkg", target_is_directory=True)
    (tmp_path / "pkg" / "m.py").write_text("import keras\nm = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1)])\n")
    result = subprocess.run(
        [sys.executable, "-m", "kerascheck", "--summary", str(tmp_path)], capture_output=True, text=True, cwd=ROOT,
        timeout=120,
    )
    assert result.returncode == 0
    assert result.stdout.count('Model: "sequential"') == 1


def test_a_ten_megabyte_file_without_keras_is_only_scanned(tmp_path: Path) -> None:
    (tmp_path / "data.py").write_text("x = 1\n" * (10 * 1024 * 1024 // 6))
    result = subprocess.run([sys.executable, "-m", "kerascheck", str(tmp_path)], capture_output=True, text=True, timeout=60)
    assert (result.returncode, result.stdout, result.stderr) == (0, "All checks passed!\n", "")


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file_and_folder_are_reported_and_the_rest_analysed(tmp_path: Path) -> None:
    good = tmp_path / "good.py"
    good.write_text("import keras\nm = keras.Sequential([keras.Input((3,)), keras.layers.LSTM(2)])\n")
    secret = tmp_path / "secret.py"
    secret.write_text("import keras\n")
    secret.chmod(0)
    closed = tmp_path / "closed"
    closed.mkdir()
    (closed / "m.py").write_text("import keras\n")
    closed.chmod(0)
    try:
        result = subprocess.run([sys.executable, "-m", "kerascheck", str(tmp_path)], capture_output=True, text=True)
    finally:
        closed.chmod(0o755)
        secret.chmod(0o644)
    assert result.returncode == 2
    assert "good.py:2:" in result.stdout and " KC101 " in result.stdout
    assert "secret.py:1:1: KC002" in result.stdout
    assert "closed" in result.stderr and "Permission denied" in result.stderr


@pytest.mark.parametrize(
    "table",
    [
        'plugins = ["os:system"]',
        'select = ["$(rm -rf ~)"]',
        "exclude = 1",
        'cache-dir = 7',
        "max-params = -1",
        'keras-version = "2; import os"',
        "[tool.kerascheck.per-file-ignores]\n\"*\" = \"__import__('os')\"",
    ],
)
def test_a_malicious_or_wrong_configuration_is_rejected_with_a_message(tmp_path: Path, table: str) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.kerascheck]\n" + table + "\n")
    (tmp_path / "m.py").write_text("import keras\n")
    result = subprocess.run([sys.executable, "-m", "kerascheck", "m.py"], capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith("kerascheck: ") and "Traceback" not in result.stderr
    assert not (tmp_path / ".kerascheck_cache").exists()


@pytest.mark.parametrize(
    "expression",
    ['"{:>99999999999}".format(1)', '"{:.99999999999f}".format(1.0)', '"{:{w}}".format(1, w=10 ** 11)'],
)
def test_a_string_format_that_would_take_gigabytes_is_not_evaluated(expression: str) -> None:
    """A value kerascheck evaluates (here a layer's name) must not cost unbounded memory."""
    from kerascheck.analysis import analyse_source
    from kerascheck.engine.dims import UNKNOWN

    model = "model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(2, name=name)])\n"
    result = analyse_source(f"import keras\nname = {expression}\n{model}", "format.py")
    plain = analyse_source(f"import keras\nname = 'plain'\n{model}", "format.py")
    assert result.diagnostics == ()
    [summary], [reference] = result.summaries, plain.summaries
    assert summary.rows[0].name is UNKNOWN  # the name, not evaluated; the rest as usual
    assert (summary.rows[0].params, summary.total_params) == (reference.rows[0].params, reference.total_params)


def test_a_file_that_libcst_takes_only_statement_by_statement_is_analysed() -> None:
    """A line continuation at the end of the file: CPython accepts it, libcst's grammar does not
    take the whole file, but takes each statement; the analysis is the editor's (which parses
    statement by statement), not a KC003."""
    from kerascheck.analysis import analyse_source
    from kerascheck.config import Settings

    model = "import keras\nm = keras.Sequential([keras.Input((3,)), keras.layers.Dense(2)])\n"
    result = analyse_source(model + "\\\r\n", "m.py", Settings())
    assert result.diagnostics == ()
    assert result.summaries == analyse_source(model, "m.py", Settings()).summaries  # as without the continuation


def test_a_loop_over_a_datasets_samples_is_read_as_a_loop_over_data() -> None:
    """``for i in range(len(x_train))`` over MNIST's 60,000 known samples, preparing data: not run
    60,000 times (it took the whole time budget), read as a loop over data; the model after it known."""
    import time

    from kerascheck.analysis import analyse_source
    from kerascheck.config import Settings

    head = (
        "import random\nimport numpy as np\nimport keras\nfrom keras import layers\n"
        "(x_train, y_train), _ = keras.datasets.mnist.load_data()\n"
        "pairs, labels = [], []\n"
    )
    loop = (
        "for i in range(len(x_train)):\n"
        "    j = random.randrange(len(x_train))\n"
        "    pairs += [[x_train[i], x_train[j]]]\n"
        "    labels.append(float(y_train[i] == y_train[j]))\n"
    )
    model = "model = keras.Sequential([keras.Input(x_train.shape[1:]), layers.Flatten(), layers.Dense(10)])\n"
    started = time.process_time()
    result = analyse_source(head + loop + model, "pairs.py", Settings())
    assert time.process_time() - started < 5
    assert result.diagnostics == ()
    without_loop = analyse_source(head + model, "pairs.py", Settings())

    def printed(summary):  # noqa: ANN001, ANN202  (what summary() prints, wherever the model is)
        rows = [(r.name, r.class_name, r.output, r.params, r.trainable_params) for r in summary.rows]
        return summary.name, rows, summary.total_params, summary.trainable_params, summary.non_trainable_params

    [summary] = result.summaries
    assert [row.name for row in summary.rows] == ["flatten", "dense"]
    assert [printed(s) for s in result.summaries] == [printed(s) for s in without_loop.summaries]
    assert all(isinstance(value, int) for value in printed(summary)[2:])  # the sizes read from load_data known

