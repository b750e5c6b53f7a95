"""Output formats (SARIF against the official schema, GitHub annotations), configuration, noqa."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import BAD, ROOT
from kerascheck.cli import main

SCHEMA = ROOT / "tests" / "data" / "sarif" / "sarif-schema-2.1.0.json"  # the official schema, with its licence


def run(*args: str, cwd: Path | None = None) -> tuple[int, str, str]:
    old = Path.cwd()
    if cwd is not None:
        os.chdir(cwd)
    try:
        result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    finally:
        os.chdir(old)
    return result.exit_code, result.stdout, result.stderr




def test_text_diagnostics_are_path_line_column_code_message(bad: Path) -> None:
    code, out, _ = run(str(bad))
    assert code == 1
    lines = out.splitlines()
    # As ruff prints them: [*] marks what --fix fixes, and a closing line counts them.
    assert lines[0].startswith(f"{bad}:6:5: KC101 [*] LSTM 'lstm_1' expects a 3-D input but gets (None, 64)")
    assert lines[1].startswith(f"{bad}:7:5: KC304 Dense 'dense'")
    assert lines[2:] == ["Found 1 error and 1 warning (1 fixable with --fix)."]


def test_sarif_validates_against_the_official_schema(bad: Path) -> None:
    import jsonschema  # the test extra installs it

    code, out, _ = run("--format", "sarif", str(bad))
    assert code == 1
    document = json.loads(out)
    jsonschema.Draft4Validator(json.loads(SCHEMA.read_text())).validate(document)
    run_ = document["runs"][0]
    results = run_["results"]
    assert [r["ruleId"] for r in results] == ["KC101", "KC304"]
    assert results[0]["locations"][0]["physicalLocation"]["region"]["startLine"] == 6
    rules = run_["tool"]["driver"]["rules"]
    assert rules[results[0]["ruleIndex"]]["id"] == "KC101"
    assert all(r["help"]["markdown"].startswith(f"# {r['id']}") for r in rules)
    for rule in rules:  # every rule's help ends with an example, the file rules' (KC0xx) too
        example = rule["help"]["markdown"].split("## Example\n", 1)[1]
        assert "```" in example, rule["id"]
    # The fix of KC101 as SARIF replacements: return_sequences=True after LSTM(64's arguments.
    (fix,) = results[0]["fixes"]
    (change,) = fix["artifactChanges"]
    (replacement,) = change["replacements"]
    line = BAD.splitlines()[replacement["deletedRegion"]["startLine"] - 1]
    column = replacement["deletedRegion"]["startColumn"]
    assert line[: column - 1] + replacement["insertedContent"]["text"] + line[column - 1 :] == (
        "    keras.layers.LSTM(64, return_sequences=True),"
    )
    assert "fixes" not in results[1]  # KC304 has no fix


def test_github_annotations(bad: Path) -> None:
    code, out, _ = run("--format", "github", str(bad))
    assert code == 1
    first = out.splitlines()[0]
    assert first.startswith(f"::error file={bad},line=6,col=5,endLine=6,endColumn=26,title=kerascheck (KC101)::KC101 ")
    assert out.splitlines()[1].startswith("::warning ")


def test_json_diagnostics_carry_positions_and_severity(bad: Path) -> None:
    code, out, _ = run("--format", "json", str(bad))
    diagnostic = json.loads(out)["diagnostics"][0]
    assert {k: diagnostic[k] for k in ("line", "column", "end_line", "end_column", "code", "severity")} == {
        "line": 6, "column": 5, "end_line": 6, "end_column": 26, "code": "KC101", "severity": "error",
    }


def test_select_ignore_and_exit_zero(bad: Path) -> None:
    assert run("--select", "KC3", str(bad))[1].splitlines()[1:] == ["Found 1 warning."]
    code, out, _ = run("--ignore", "KC1,KC304", str(bad))
    assert (code, out) == (0, "All checks passed!\n")
    code, out, _ = run("--exit-zero", str(bad))
    assert code == 0 and "KC101" in out
    code, _, err = run("--select", "XYZ", str(bad))
    assert code == 2 and "not a rule code" in err


def test_pyproject_configuration_and_command_line_precedence(bad: Path, tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.kerascheck]\nignore = ["KC101"]\n')
    code, out, _ = run(str(bad), cwd=tmp_path)
    assert "KC101" not in out and "KC304" in out
    code, out, _ = run("--select", "KC101", str(bad), cwd=tmp_path)
    assert out == "All checks passed!\n"  # the configured ignore still applies; --select only replaces the selection
    code, out, _ = run("--extend-select", "KC3", "--ignore", "KC304", str(bad), cwd=tmp_path)
    assert out == "All checks passed!\n"


def test_per_file_ignores_and_exclude(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.kerascheck]\nexclude = ["skipped_*.py"]\n[tool.kerascheck.per-file-ignores]\n"legacy/*" = ["KC1"]\n'
    )
    (tmp_path / "legacy").mkdir()
    (tmp_path / "legacy" / "old.py").write_text(BAD)
    (tmp_path / "skipped_one.py").write_text(BAD)
    code, out, _ = run(".", cwd=tmp_path)
    assert out.splitlines()[:-1] == [line for line in out.splitlines() if "KC304" in line]
    assert out.splitlines()[-1] == "Found 1 warning."
    assert "skipped_one" not in out and "old.py:7:5: KC304" in out


def test_a_broken_configuration_is_a_usage_error(bad: Path, tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.kerascheck]\nselect = 'KC1'\n")
    code, _, err = run(str(bad), cwd=tmp_path)
    assert code == 2 and "`select` must be a list" in err
    (tmp_path / "pyproject.toml").write_text("[tool.kerascheck]\nunknown-key = 1\n")
    code, _, err = run(str(bad), cwd=tmp_path)
    assert code == 2 and "unknown key" in err
    (tmp_path / "pyproject.toml").write_text("[tool.kerascheck\n")
    code, _, err = run("--config", str(tmp_path / "pyproject.toml"), str(bad))
    assert code == 2 and "not valid TOML" in err


def _recorded(fixture: str) -> tuple[str, str]:
    """A fixture's source and the total size real Keras printed for its model."""
    path = ROOT / "fixtures" / "summary" / fixture
    truth = json.loads(path.with_name(path.stem + ".expected.json").read_text())
    return path.read_text(), truth["models"][0]["total_size"]


def _total_bytes(out: str) -> str:
    return next(line for line in out.splitlines() if "Total params" in line).split("(")[1].rstrip(")")


def test_the_backend_comes_from_the_file_then_the_configuration(tmp_path: Path) -> None:
    """Which backend applies, held to what Keras printed on each (fixtures summary/backend_*.py):
    the file's own KERAS_BACKEND set before Keras is imported, else --backend, else the
    configuration's, else JAX."""
    on_tensorflow, tensorflow_size = _recorded("backend_tensorflow_int_variables.py")  # sets it itself
    on_jax, jax_size = _recorded("backend_set_after_import.py")  # set after the import: JAX's
    setting = 'os.environ["KERAS_BACKEND"] = "tensorflow"\n'
    assert setting in on_tensorflow and tensorflow_size != jax_size
    model = tmp_path / "model.py"
    model.write_text(on_tensorflow)
    assert _total_bytes(run("--summary", "--backend", "jax", str(model), cwd=tmp_path)[1]) == tensorflow_size
    model.write_text(on_tensorflow.replace(setting, 'os.environ.setdefault("KERAS_BACKEND", "tensorflow")\n'))
    assert _total_bytes(run("--summary", str(model), cwd=tmp_path)[1]) == tensorflow_size
    model.write_text(on_tensorflow.replace(setting, ""))
    assert _total_bytes(run("--summary", "--backend", "tensorflow", str(model), cwd=tmp_path)[1]) == tensorflow_size
    (tmp_path / "pyproject.toml").write_text('[tool.kerascheck]\nbackend = "tensorflow"\n')
    assert _total_bytes(run("--summary", str(model), cwd=tmp_path)[1]) == tensorflow_size
    # The JAX record: the configuration's backend (JAX), or the command line's, whatever the file
    # sets once Keras is imported.
    model.write_text(on_jax)
    assert _total_bytes(run("--summary", "--backend", "jax", str(model), cwd=tmp_path)[1]) == jax_size
    (tmp_path / "pyproject.toml").unlink()
    assert _total_bytes(run("--summary", str(model), cwd=tmp_path)[1]) == jax_size
    # A backend read from the environment is not known: nor are the sizes of int variables.
    model.write_text("import sys\n" + on_tensorflow.replace(setting, 'os.environ["KERAS_BACKEND"] = sys.argv[1]\n'))
    assert _total_bytes(run("--summary", str(model), cwd=tmp_path)[1]) == "?"
    (tmp_path / "pyproject.toml").write_text('[tool.kerascheck]\nbackend = "theano"\n')  # (not a Keras 3 backend)
    code, _, err = run(str(model), cwd=tmp_path)
    assert code == 2 and "`backend` must be one of jax, tensorflow, torch, numpy, openvino" in err


def test_noqa_and_skip_file(tmp_path: Path) -> None:
    path = tmp_path / "m.py"
    path.write_text(BAD.replace("keras.layers.LSTM(32),", "keras.layers.LSTM(32),  # noqa: KC101"))
    code, out, _ = run(str(path))
    assert "KC101" not in out and "KC304" in out
    path.write_text(BAD.replace('activation="softmax"),', 'activation="softmax"),  # noqa'))
    assert "KC304" not in run(str(path))[1]
    path.write_text("# kerascheck: skip-file\n" + BAD)
    assert run(str(path)) == (0, "All checks passed!\n", "")


def test_noqa_counts_lines_as_python_does(tmp_path: Path) -> None:
    """A form feed (or U+2028) inside a line is no line break: the noqa comment still applies."""
    for inside in ("\x0c", "\x0b", "\u2028"):
        path = tmp_path / "m.py"
        source = BAD.replace("import keras\n", f"import keras\n# a{inside}b\n\n")
        path.write_text(source.replace("keras.layers.LSTM(32),", "keras.layers.LSTM(32),  # noqa: KC101"), encoding="utf-8")
        code, out, _ = run(str(path))
        assert "KC101" not in out and ":9:" in out and "KC304" in out, out


def test_rule_command_prints_the_generated_page() -> None:
    code, out, _ = run("rule", "kc101")
    assert code == 0 and out.startswith("# KC101 rank-mismatch") and "# KC101" in out
    code, _, err = run("rule", "KC999")
    assert code == 2 and "no rule" in err


def test_folders_skip_virtualenvs_and_build_dirs(tmp_path: Path) -> None:
    for folder in (".venv", "build", "node_modules", "env"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "m.py").write_text(BAD)
    (tmp_path / "env" / "pyvenv.cfg").write_text("")
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "m.py").write_text(BAD)
    code, out, _ = run(str(tmp_path))
    assert {line.split(":")[0] for line in out.splitlines()[:-1]} == {str(tmp_path / "src" / "m.py")}


MODEL_OF_1130_PARAMS = """\
import keras
from keras import layers

classifier = keras.Sequential([keras.Input(shape=(112,)), layers.Dense(10)])
encoder = keras.Sequential([keras.Input(shape=(8,)), layers.Dense(2)])
"""


@pytest.mark.parametrize(
    ("budget", "code", "flagged"),
    [
        ('{ "classifier" = 1130 }', 0, []),
        ('{ "classifier" = 1129 }', 1, ["classifier"]),
        ('{ "*" = 18 }', 1, ["classifier"]),
        ("10", 1, ["classifier", "encoder"]),
        ('{ "sequential_1" = 10 }', 1, ["encoder"]),  # the model's Keras name works too
    ],
)
def test_max_params_budgets_gate_ci(tmp_path: Path, budget: str, code: int, flagged: list[str]) -> None:
    (tmp_path / "pyproject.toml").write_text(f"[tool.kerascheck]\nmax-params = {budget}\n")
    (tmp_path / "model.py").write_text(MODEL_OF_1130_PARAMS)
    status, out, _ = run("--format", "json", "model.py", cwd=tmp_path)
    assert status == code
    diagnostics = json.loads(out)["diagnostics"]
    assert [d["code"] for d in diagnostics] == ["KC305"] * len(flagged)
    assert [d["message"].split("'")[1] for d in diagnostics] == flagged


def test_max_params_must_be_counts(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.kerascheck]\nmax-params = { "m" = "big" }\n')
    (tmp_path / "model.py").write_text(MODEL_OF_1130_PARAMS)
    status, _, err = run("model.py", cwd=tmp_path)
    assert status == 2 and "max-params" in err
