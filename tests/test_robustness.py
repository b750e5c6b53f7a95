"""Hostile and broken input gets a clear diagnostic and an exit code, never a traceback or a crash."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

CASES = {
    "deep_parentheses.py": ("import keras\nx = " + "(" * 5000 + "1" + ")" * 5000 + "\n", "KC001"),
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
        assert (result.returncode, result.stdout) == (0, "")
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
