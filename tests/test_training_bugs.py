"""Issue 16's measure: kerascheck on the training-time bugs users report.

``benchmarks/training_bugs/`` holds, per bug report, the user's script reproduced for Keras 3 and
its corrected version; ``benchmarks/training_bugs_truth.json`` what Keras 3.15.1 raised on each
(``benchmarks/training_bugs.py``). kerascheck is held to two things here:

- no error-severity diagnostic on any corrected script (a false error);
- no fewer bugs found (an error at the line Keras raised at) than when the floor below was set.

The ``benchmark_oracle`` test re-runs every script under real Keras and compares with the committed
record (``KERAS_BACKEND=jax python -m pytest -m benchmark_oracle``; minutes of Keras runs, so it is
left out of CI's oracle run, as the real-world corpus's re-recording is).
"""

from __future__ import annotations

import importlib.util
import os
import subprocess

import pytest

from conftest import ROOT

_SPEC = importlib.util.spec_from_file_location("training_bugs", ROOT / "benchmarks" / "training_bugs.py")
training_bugs = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(training_bugs)

# Bugs found when this floor was set: 108 of the 150 kept cases (72%), kerascheck as of this commit;
# issue 16 asks for 80%. Raise it as kerascheck finds more; never lower it to let a regression through.
FOUND_AT_LEAST = 135


def test_no_false_errors_on_the_corrected_scripts_and_no_fewer_bugs_found():
    result = training_bugs.evaluate()
    assert result["total"] >= 40, "the record holds fewer reports than issue 16's measure was built on"
    assert not result["false_errors"], "errors on corrected scripts:\n" + "\n".join(result["false_errors"])
    assert not result["internal"], "kerascheck failed on:\n" + "\n".join(result["internal"])
    assert len(result["found"]) >= FOUND_AT_LEAST, (
        f"found {len(result['found'])} of {result['total']} training-time bugs, fewer than the "
        f"{FOUND_AT_LEAST} found before; missed:\n"
        + "\n".join(f"{m['slug']}:{m['line']}: {m['keras'][:150]}" for m in result["missed"]))


def test_every_case_has_its_pair_and_its_record():
    import json

    truth = json.loads(training_bugs.TRUTH.read_text())
    assert sorted(truth["cases"]) == training_bugs.cases()
    for slug, entry in truth["cases"].items():
        first = training_bugs.script(slug, False).read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# Source: "), f"{slug}.py does not name its source on its first line"
        if "dropped" not in entry:
            assert entry["buggy"]["line"] and entry["fixed"]["ran"], slug


@pytest.mark.benchmark_oracle  # not in CI's oracle run, as the real-world corpus's record is not
def test_recorded_training_bugs_match_real_keras():
    from test_oracle_recording import TIMEOUT_SECONDS, _oracle_env, _oracle_python

    python = _oracle_python()
    if python is None:
        reason = "no Keras interpreter: set KERASCHECK_ORACLE_PYTHON to a Python that has keras (and jax) installed"
        if os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no"):
            pytest.fail(reason + " (CI must run the oracle)")
        pytest.skip(reason)
    result = subprocess.run(
        [python, str(ROOT / "benchmarks" / "training_bugs.py"), "record", "--check"],
        env=_oracle_env(), cwd=ROOT, capture_output=True, text=True, timeout=TIMEOUT_SECONDS,
    )
    assert result.returncode == 0, (
        f"the training bugs' record differs from real Keras ({python}); re-record with\n"
        f"    KERAS_BACKEND=jax {python} benchmarks/training_bugs.py record\n"
        f"and review the diff.\n\n{result.stdout}\n{result.stderr[-5000:]}"
    )
