"""The pre-commit hook this repository declares (``.pre-commit-hooks.yaml``).

Real pre-commit installs and runs it in ``tests/test_readme.py``, as the README configures it:
from a clone of this repository at its release tag.  Here, the declaration itself, as ruff
declares its hook: a Python hook running this package's console script on Python files and
notebooks, one process for all of them.
"""

from __future__ import annotations

import sys

from conftest import ROOT

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


def _hooks() -> list[dict]:
    import yaml  # pre-commit's own dependency (pyyaml), in the test extra

    return yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())


def test_the_hook_runs_the_console_script_on_python_files_and_notebooks() -> None:
    (hook,) = _hooks()
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["scripts"]
    assert hook["id"] == "kerascheck" and hook["language"] == "python"
    assert hook["entry"] in scripts and scripts[hook["entry"]] == "kerascheck.cli:main"
    assert hook["types_or"] == ["python", "jupyter"]
    assert hook["require_serial"] is True
