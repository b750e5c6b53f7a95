"""Re-record every fixture with real Keras and hold it to the stored truth.

``fixtures/**/<name>.expected.json`` is what real Keras printed for
``<name>.py`` (see ``tests/oracle/record.py``).  This test runs the recorder in
``--check`` mode, so it fails when a fixture changed without being re-recorded,
or when the Keras in use disagrees with the one that recorded the truth.

It re-runs real Keras on everything (minutes; in CI, a part of the largest grids of cases that
changes with each commit, see ``ROTATED``), so it is not part of the usual test run:
``python -m pytest`` compares kerascheck with the recorded truth, and this check runs with
the ``oracle`` marker (``.ci/run`` runs both)::

    KERAS_BACKEND=jax python -m pytest -m oracle

Keras lives in its own interpreter: ``KERASCHECK_ORACLE_PYTHON`` names it;
otherwise the interpreter running the tests is used if it can import Keras.
Without Keras the test is skipped, except under CI (``CI`` set), where the
oracle must run.  Locally::

    KERASCHECK_ORACLE_PYTHON=/path/to/keras/venv/bin/python python -m pytest -m oracle
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
ORACLE = REPO_ROOT / "tests" / "oracle"
# Every recorder whose output the tests rely on; each has a --check mode (the *_keras2.py ones
# run tf-keras, the truth of --keras-version 2).  Longest first: the test workers take them as
# they come, so that record.py and record_applications.py, most of the time, run side by side.
# record.py, the longest, checks the fixtures in two shards.
RECORDERS = (
    "record.py --shard 1/2", "record.py --shard 2/2", "record_applications.py", "layer_cases_keras2.py",
    "layer_cases.py", "op_cases.py", "loss_cases.py", "metric_cases.py", "record_keras2.py", "record_rules.py", "record_masking.py",
    "record_compile.py", "record_built_at_init.py", "record_activations.py", "record_api.py", "record_datasets.py",
    "tf_op_cases.py",  # (on the TensorFlow backend: it sets KERAS_BACKEND itself)
    # Keras 2's API under Keras 3 (also reads tf-keras and the standalone Keras 2 wheels).
    "record_migration.py",
)
# Per recorder: on a shared two-core machine, with other work beside the tests, the longest took 15 min.
TIMEOUT_SECONDS = 1800
# The recorders of large grids of cases (and of the fixtures under Keras 2; record.py's fixtures
# too, see the test), of which CI checks a part each run to stay within its time: with KERASCHECK_ORACLE_SHARDS=N (.ci/run sets it), every
# N-th item from the K-th, K chosen by the commit (so successive commits check every part; a
# given commit always the same). Unset or 1: everything, as locally.
ROTATED = frozenset({"record_applications.py", "layer_cases_keras2.py", "record_keras2.py", "loss_cases.py",
                     "metric_cases.py", "record_rules.py"})


def _rotating_shard() -> list[str]:
    try:
        shards = int(os.environ.get("KERASCHECK_ORACLE_SHARDS", "1") or "1")
    except ValueError:
        shards = 1
    if shards <= 1:
        return []
    try:
        head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=REPO_ROOT, capture_output=True, text=True,
                              timeout=60).stdout.strip()
    except (OSError, subprocess.TimeoutExpired):
        head = ""
    part = int(head, 16) % shards + 1 if head and all(c in "0123456789abcdef" for c in head) else 1
    return ["--shard", f"{part}/{shards}"]

pytestmark = pytest.mark.oracle


def _oracle_env() -> dict[str, str]:
    env = dict(os.environ)
    env["KERAS_BACKEND"] = "jax"
    if "xla_backend_optimization_level" not in env.get("XLA_FLAGS", ""):
        # The recorders look at shapes, names, counts and errors, never at values: JAX need not
        # optimise what it compiles (every initializer, every fit step); about a third faster.
        env["XLA_FLAGS"] = (env.get("XLA_FLAGS", "") + " --xla_backend_optimization_level=0").strip()
    return env


def _has_keras(python: str, module: str = "keras") -> bool:
    try:
        result = subprocess.run(
            [python, "-c", f"import {module}"],
            env=_oracle_env(),
            cwd=REPO_ROOT,
            capture_output=True,
            timeout=300,
        )
    except (OSError, subprocess.TimeoutExpired):
        return False
    return result.returncode == 0


def _oracle_python() -> str | None:
    configured = os.environ.get("KERASCHECK_ORACLE_PYTHON")
    if configured:
        return configured
    if _has_keras(sys.executable):
        return sys.executable
    return None


@pytest.mark.parametrize("recorder", RECORDERS)
def test_recorded_truth_matches_real_keras(recorder: str):
    script, *options = recorder.split()
    if script in ROTATED:
        options += _rotating_shard()
    elif script == "record.py" and _rotating_shard():
        # The fixtures too (each run, test_summaries holds every fixture to the source its record
        # was made from): this item's half of the commit's part.
        part, shards = (int(n) for n in _rotating_shard()[1].split("/"))
        half, halves = (int(n) for n in options[options.index("--shard") + 1].split("/"))
        options[options.index("--shard") + 1] = f"{(part - 1) * halves + half}/{shards * halves}"
    python = _oracle_python()
    if python is None:
        reason = (
            "no Keras interpreter: set KERASCHECK_ORACLE_PYTHON to a Python "
            "that has keras (and jax) installed"
        )
        if os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no"):
            pytest.fail(reason + " (CI must run the oracle)")
        pytest.skip(reason)
    if script.endswith("_keras2.py") and not _has_keras(python, "tf_keras"):
        reason = f"{python} has no tf-keras (Keras 2), the oracle of --keras-version 2"
        if os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no"):
            pytest.fail(reason + " (CI must run the oracle)")
        pytest.skip(reason)

    result = subprocess.run(
        [python, str(ORACLE / script), "--check", *options],
        env=_oracle_env(),
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=TIMEOUT_SECONDS,
    )
    assert result.returncode == 0, (
        f"recorded fixtures differ from real Keras ({python}); re-record with\n"
        f"    KERAS_BACKEND=jax {python} tests/oracle/{script}\n"
        f"and review the diff.\n\n{result.stdout}\n{result.stderr[-5000:]}"
    )
