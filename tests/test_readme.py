"""The README's install and integration snippets, run as written.

- the quick start, in a copy of the repository: a virtual environment, ``pip install .`` from
  the repository, and the command it shows, whose output is the README's;
- the language server's install, ``pip install '.[lsp]'``, in the same copy;
- every console session the README shows, run in that copy: each prints what the README says;
- pre-commit with the README's configuration, on a project beside a clone of this repository
  at the tag the README names (which must be a tag of this repository);
- the commands of the README's GitHub Actions steps, with the repository checked out at that
  tag where the README's checkout step puts it;
- the commands to set up and run the tests, which are what ``.ci/run`` runs.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT
from snippets import run_sessions, sessions

README = (ROOT / "README.md").read_text(encoding="utf-8")
GOOD = """\
import keras

model = keras.Sequential([
    keras.Input(shape=(20, 8)),
    keras.layers.LSTM(64, return_sequences=True),
    keras.layers.LSTM(32),
])
"""
BAD = GOOD.replace("keras.layers.LSTM(64, return_sequences=True)", "keras.layers.LSTM(64)")


def _section(title: str) -> str:
    """The README's text from the heading ``title`` to the next heading of its level or above."""
    heading = re.search(rf"^(#+) {re.escape(title)}\n", README, re.M)
    assert heading, title
    level = len(heading.group(1))
    rest = README[heading.end():]
    end = re.search(rf"^#{{1,{level}}} ", rest, re.M)
    return rest[: end.start()] if end else rest


def _blocks(text: str, language: str) -> list[str]:
    return re.findall(rf"^```{language}\n(.*?)^```", text, re.M | re.S)


def _environment() -> dict[str, str]:
    """The user's environment: no virtual environment active, nothing of this test run's."""
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME")}
    env["PATH"] = os.pathsep.join(p for p in env.get("PATH", "").split(os.pathsep) if p != str(Path(sys.executable).parent))
    if shutil.which("python3", path=env["PATH"]) is None:  # then the interpreter running the tests
        env["PATH"] = str(Path(sys.base_exec_prefix) / "bin") + os.pathsep + env["PATH"]
    for name in ("NO_COLOR", "FORCE_COLOR", "CLICOLOR_FORCE"):
        env.pop(name, None)
    return env


def _bash(script: str, cwd: Path, env: dict[str, str] | None = None, timeout: float = 600) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["bash", "-c", script], cwd=cwd, env=env or _environment(), capture_output=True, text=True, timeout=timeout
    )


def _git(*args: str, cwd: Path | None = None) -> str:
    done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=True)
    return done.stdout


@pytest.fixture(scope="module")
def copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository as it is now (its tracked files, uncommitted changes included)."""
    target = tmp_path_factory.mktemp("readme") / "kerascheck"
    for name in _git("ls-files", "-z", cwd=ROOT).split("\0"):
        if name and (ROOT / name).is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, target / name)
    return target


@pytest.fixture(scope="module")
def clone(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A clone of this repository, as a user makes one (with its tags).

    A checkout made without tags (CI checks out the branch alone) gives its clone the README's release
    tag at the commit under test, so that pre-commit and the CI steps still run the hook "at the tag".
    """
    target = tmp_path_factory.mktemp("clone") / "kerascheck"
    _git("clone", "--quiet", str(ROOT), str(target))
    tag = _release_tag()
    if tag not in _git("tag", "--list", cwd=target).split():
        _git("-c", "user.name=kerascheck tests", "-c", "user.email=tests@kerascheck.invalid",
             "tag", "-a", tag, "-m", f"kerascheck {tag} (the commit under test)", cwd=target)
    return target


def _release_tag() -> str:
    (config,) = _blocks(_section("pre-commit"), "yaml")
    (rev,) = re.findall(r"^\s+rev: (\S+)$", config, re.M)
    return rev


def _matches(printed: str, shown: str) -> bool:
    """``printed`` is what ``shown`` shows, where a line ``…`` stands for any lines."""
    pattern = "".join(".*?" if line == "…" else re.escape(line + "\n") for line in shown.splitlines())
    return re.fullmatch(pattern, printed, re.S) is not None


# ---------------------------------------------------------------- quick start
def test_quick_start_installs_from_the_repository_and_prints_what_the_readme_shows(copy: Path) -> None:
    install, *_ = _blocks(_section("Quick start"), "sh")
    command = install.strip()
    assert "pip install kerascheck" not in README  # not on an index: from the repository only
    assert " pip install . " in command and command.endswith("kerascheck --explain fixtures/summary/seed_conv_pool_dense.py")
    done = _bash(command, copy)
    assert done.returncode == 0, done.stderr[-3000:]
    (shown,) = [s for s in sessions(_section("Predicted summaries")) if s[0][0] == command.rsplit(" && ", 1)[1]]
    (_, expected), = shown
    printed = done.stdout[done.stdout.rindex(expected.splitlines()[0]):]  # after pip's own output
    assert _matches(printed, expected), done.stdout
    # Installed, not imported from the copy: the virtual environment's own kerascheck.
    where = _bash(". .venv/bin/activate && cd / && python -c 'import kerascheck; print(kerascheck.__file__)'", copy)
    assert "site-packages" in where.stdout


def test_the_language_server_installs_as_the_readme_says(copy: Path) -> None:
    (command,) = re.findall(r"with `(pip install '\.\[lsp\]')`", " ".join(_section("Editors").split()))
    venv = copy / ".venv"
    if not venv.exists():
        assert _bash("python3 -m venv .venv", copy).returncode == 0
    done = _bash(f". .venv/bin/activate && {command} && python -c 'import pygls' && kerascheck lsp < /dev/null", copy)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-3000:]


def test_every_console_session_prints_what_the_readme_shows(copy: Path) -> None:
    steps = run_sessions(README, copy)
    assert len(steps) >= 3
    for step in steps:
        assert step.command.startswith("kerascheck ")
        assert _matches(step.printed, step.expected), f"{step.command}\n{step.printed}"


def test_the_json_fix_shown_is_the_one_kerascheck_gives(copy: Path) -> None:
    (shown,) = [b for b in _blocks(README, "json") if b.startswith('"fix":')]
    fixture = "fixtures/fixes/recurrent_through_dropout.py"
    assert f"$ kerascheck {fixture}\n" in README  # "the first diagnostic above"
    done = subprocess.run(
        [sys.executable, "-m", "kerascheck", "--format", "json", fixture], cwd=copy, capture_output=True, text=True
    )
    first = json.loads(done.stdout)["diagnostics"][0]
    assert json.loads("{" + shown + "}")["fix"] == first["fix"]


# ---------------------------------------------------------------- pre-commit and CI
def test_the_release_tag_is_a_tag_of_this_repository(clone: Path) -> None:
    tag = _release_tag()
    tags = _git("tag", "--list", cwd=ROOT).split()
    if not tags:
        pytest.skip("this checkout carries no tags (CI checks out the branch alone)")
    assert tag in tags, f"the README's rev {tag} is not a tag of this repository (git fetch --tags)"
    assert _git("show", f"{tag}:.pre-commit-hooks.yaml", cwd=clone).startswith("- id: kerascheck")


def _pre_commit() -> str:
    found = shutil.which("pre-commit") or shutil.which("pre-commit", path=str(Path(sys.executable).parent))
    assert found, "pre-commit is in the test extra"
    return found


@pytest.mark.xdist_group("readme-pre-commit")  # each install on a worker of its own (pytest-xdist)
def test_pre_commit_runs_the_hook_from_a_clone_at_the_tag(clone: Path, tmp_path: Path) -> None:
    (config,) = _blocks(_section("pre-commit"), "yaml")
    (repo,) = re.findall(r"- repo: (\S+)", config)
    project = clone.parent / "project"
    project.mkdir()
    assert (project / repo).resolve() == clone.resolve()  # the clone "beside your project"
    _git("init", "-q", cwd=project)
    (project / ".pre-commit-config.yaml").write_text(config)
    (project / "good.py").write_text(GOOD)
    (project / "bad.py").write_text(BAD)
    _git("add", ".", cwd=project)
    env = {**_environment(), "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home")}
    good = subprocess.run([_pre_commit(), "run", "--files", "good.py"], cwd=project, env=env, capture_output=True, text=True, timeout=600)
    assert good.returncode == 0, good.stdout + good.stderr
    bad = subprocess.run([_pre_commit(), "run", "--files", "bad.py"], cwd=project, env=env, capture_output=True, text=True, timeout=600)
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "bad.py:6:5: KC101 " in bad.stdout


@pytest.mark.xdist_group("readme-ci")
def test_the_ci_steps_install_from_the_checkout_and_report(clone: Path, tmp_path: Path) -> None:
    (steps,) = _blocks(_section("CI (GitHub Actions, with code scanning)"), "yaml")
    checkout = re.search(r"ref: (\S+)\n\s+path: (\S+)", steps)
    assert checkout and checkout.group(1) == _release_tag()
    project = tmp_path / "project"
    (project / "src").mkdir(parents=True)
    (project / "src" / "model.py").write_text(BAD)
    # What the checkout step does: this repository at the tag, where the step puts it.
    _git("clone", "--quiet", "--branch", checkout.group(1), str(clone), str(project / checkout.group(2)))
    commands = re.findall(r"^- run: (.*?)(?:\s+# .*)?$", steps, re.M)
    assert commands[0].startswith("pip install ")
    script = "set -e\npython3 -m venv ../venv\n. ../venv/bin/activate\n" + "\n".join(commands[:-1])
    done = _bash(script, project)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-3000:]
    import jsonschema

    sarif = json.loads((project / "kerascheck.sarif").read_text())
    schema = json.loads((ROOT / "tests" / "data" / "sarif" / "sarif-schema-2.1.0.json").read_text())
    jsonschema.Draft4Validator(schema).validate(sarif)
    assert [r["ruleId"] for r in sarif["runs"][0]["results"]] == ["KC101"]
    annotations = _bash(f". ../venv/bin/activate && {commands[-1]}", project)
    assert annotations.returncode == 1  # "fails the job"
    assert annotations.stdout.startswith("::error file=src/model.py,line=6,col=5,")


def test_the_test_commands_are_what_ci_runs() -> None:
    """The README's setup and test commands are .ci/run's (CI runs them in a fresh environment)."""
    setup, tests = _blocks(_section("Quick start"), "sh")[1:]
    ci = (ROOT / ".ci" / "run").read_text()
    assert 'pip install -e ".[test,oracle]"' in setup
    assert 'pip install --quiet -e ".[test,oracle]"' in ci  # the same install, quieter
    assert setup.strip().splitlines()[-1] == "python -m pytest"
    # The commands .ci/run runs (without what it does with their output and exit status).
    commands = [line.split(" >")[0].split(" ||")[0].strip() for line in ci.splitlines()]
    assert "python -m pytest" in commands
    assert tests.strip() == "KERAS_BACKEND=jax python -m pytest -m oracle"
    assert "export KERAS_BACKEND=jax" in ci and any(c.startswith("python -m pytest -m oracle") for c in commands)
