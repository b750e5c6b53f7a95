"""The pre-commit hook, run by real pre-commit on a temporary git repository."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import ROOT

GOOD = """\
import keras

model = keras.Sequential([
    keras.Input(shape=(20, 8)),
    keras.layers.LSTM(64, return_sequences=True),
    keras.layers.LSTM(32),
])
"""
BAD = GOOD.replace("keras.layers.LSTM(64, return_sequences=True)", "keras.layers.LSTM(64)")


def _pre_commit() -> str:
    found = shutil.which("pre-commit")
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("pre-commit must be installed in CI (it is in the test extra)")
        pytest.skip("pre-commit is not installed")
    return found


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


@pytest.fixture()
def repo(tmp_path: Path) -> Path:
    path = tmp_path / "project"
    path.mkdir()
    _git(path, "init", "-q")
    _git(path, "config", "user.email", "test@example.invalid")
    _git(path, "config", "user.name", "test")
    (path / "good.py").write_text(GOOD)
    (path / "bad.py").write_text(BAD)
    _git(path, "add", ".")
    return path


def _try_repo(pre_commit: str, repo: Path, filename: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PRE_COMMIT_HOME": str(home)}
    return subprocess.run(
        [pre_commit, "try-repo", str(ROOT), "kerascheck", "--files", filename],
        cwd=repo, env=env, capture_output=True, text=True, timeout=900,
    )


def test_the_hook_passes_a_good_file_and_fails_a_bad_one(repo: Path, tmp_path: Path) -> None:
    pre_commit = _pre_commit()
    home = tmp_path / "pre-commit-home"
    good = _try_repo(pre_commit, repo, "good.py", home)
    assert good.returncode == 0, good.stdout + good.stderr
    bad = _try_repo(pre_commit, repo, "bad.py", home)
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "bad.py:6:5: KC101 LSTM 'lstm_1' expects a 3-D input" in bad.stdout
