"""What a ruff user expects of the command line: one help screen, the closing line, the fix mark,
colour on a terminal, models in JSON, fixes with their edits, and picking models."""

from __future__ import annotations

import json
import os
import pty
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import FIXTURES, ROOT, load_expected
from kerascheck.cli import main

FIXES = FIXTURES / "fixes"
MARKER = re.compile(r"(  # KC\d{3})+$", re.M)
SEED = FIXTURES / "summary" / "seed_conv_pool_dense.py"


def run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = CliRunner(env=env).invoke(main, list(args), catch_exceptions=False, prog_name="kerascheck")
    return result.exit_code, result.stdout, result.stderr




# ---------------------------------------------------------------- help
def test_help_shows_the_check_options_first_and_cuts_nothing() -> None:
    code, out, _ = run("--help")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "Usage: kerascheck [OPTIONS] [PATHS]..."
    check_options = [
        opt for param in main.commands["check"].params if param.param_type_name == "option" for opt in param.opts
    ]
    assert len(check_options) >= 17
    options_start, commands_start = lines.index("Options:"), lines.index("Commands:")
    options_text = "\n".join(lines[options_start:commands_start])
    for option in check_options:
        assert re.search(rf"(^|\s){re.escape(option)}[ ,]", options_text), option
    assert options_start < 12  # the options follow the usage and one short paragraph
    # The commands' one-line descriptions end as sentences, never cut with "..."
    commands = [line.split(None, 1) for line in lines[commands_start + 1 :] if line.strip()]
    assert [name for name, _ in commands] == ["check", "lsp", "rule"]
    assert all(text.endswith(".") and "..." not in text for _, text in commands)
    assert "..." not in out.replace("[PATHS]...", "").replace("[CODE]", "")


def test_help_of_check_is_still_there() -> None:
    code, out, _ = run("check", "--help")
    assert code == 0 and "--graph-format" in out


# ---------------------------------------------------------------- closing line and fix mark
def test_closing_line_counts_errors_warnings_and_fixable(bad: Path) -> None:
    code, out, _ = run(str(bad))
    assert code == 1
    lines = out.splitlines()
    assert lines[0].startswith(f"{bad}:6:5: KC101 [*] LSTM 'lstm_1'")
    assert lines[1].startswith(f"{bad}:7:5: KC304 Dense")  # no fix: no mark
    assert lines[-1] == "Found 1 error and 1 warning (1 fixable with --fix)."
    assert run("--select", "KC101", str(bad))[1].splitlines()[-1] == "Found 1 error (1 fixable with --fix)."
    assert run("--select", "KC304", str(bad))[1].splitlines()[-1] == "Found 1 warning."


def test_clean_files_say_all_checks_passed() -> None:
    code, out, _ = run(str(SEED))
    assert (code, out) == (0, "All checks passed!\n")


def test_fix_reports_fixed_and_remaining(bad: Path) -> None:
    code, out, err = run("--fix", str(bad))
    assert code == 1  # the KC304 warning remains
    assert out.splitlines()[-1] == "Found 1 error and 1 warning (1 fixed, 1 remaining)."
    assert "return_sequences=True" in bad.read_text()
    assert run(str(bad))[1].splitlines()[-1] == "Found 1 warning."


def test_two_errors_are_plural(tmp_path: Path) -> None:
    target = tmp_path / "model.py"
    shutil.copy(FIXES / "stacked_recurrent_layers.py", target)
    out = run(str(target))[1]
    assert out.splitlines()[-1] == "Found 2 errors (2 fixable with --fix)."
    assert out.count(" KC101 [*] ") == 2


def test_an_error_inside_a_traced_call_is_worded_as_keras_wraps_it() -> None:
    """Keras traces a layer's call() to infer its output and wraps what fails inside: the
    diagnostic is at the failing line, says which layer's call() and where that was called, and
    quotes the wrapper's sentence as the recorded error has it."""
    fixture = FIXTURES / "summary" / "error_layer_call_fails_while_keras_traces_it.py"
    recorded = load_expected(fixture)["error"]["message"]
    (wrapper,) = re.findall(r"Could not automatically infer the output shape / dtype of .*?\)\.", recorded)
    code, out, _ = run("--no-cache", str(fixture))
    assert code == 1
    (line,) = [line for line in out.splitlines() if " KC102 " in line]
    assert line.startswith(f"{fixture}:14:16: KC102 add gets (None, 4) ")
    assert ", in the call() of Block 'block' called at line 18. " in line
    assert f"Keras: {wrapper} " in line
    assert "Add 'add'" not in line  # no Operation is made on backend tensors, so none is named


# ---------------------------------------------------------------- colour
def _on_a_terminal(args: list[str], env: dict[str, str]) -> str:
    """Run kerascheck with its standard output on a pseudo-terminal; what it printed."""
    leader, follower = pty.openpty()
    environment = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "CLICOLOR_FORCE", "CLICOLOR")}
    process = subprocess.Popen(
        [sys.executable, "-m", "kerascheck", "--no-cache", *args], stdout=follower, stderr=subprocess.PIPE,
        env={**environment, **env}, cwd=ROOT,
    )
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal closes with the process
            break
        if not chunk:
            break
        chunks.append(chunk)
    process.wait(timeout=120)
    os.close(leader)
    return b"".join(chunks).decode().replace("\r\n", "\n")


def _plain(text: str) -> str:
    return re.sub(r"\x1b\[[0-9;]*m", "", text)


@pytest.mark.skipif(os.name != "posix", reason="pseudo-terminals are POSIX")
def test_colour_on_a_terminal_unless_no_color(bad: Path) -> None:
    coloured = _on_a_terminal([str(bad)], {})
    assert "\x1b[1;31mKC101\x1b[0m" in coloured and "\x1b[36m[*]\x1b[0m" in coloured
    plain = _on_a_terminal([str(bad)], {"NO_COLOR": "1"})
    assert "\x1b[" not in plain
    assert _plain(coloured) == plain == run(str(bad))[1]
    assert "\x1b[1;32mAll checks passed!\x1b[0m" in _on_a_terminal([str(SEED)], {})


def test_no_colour_in_a_pipe_unless_forced(bad: Path) -> None:
    assert "\x1b[" not in run(str(bad))[1]
    forced = run(str(bad), env={"FORCE_COLOR": "1", "NO_COLOR": ""})[1]
    assert "\x1b[1;31mKC101\x1b[0m" in forced
    assert _plain(forced) == run(str(bad))[1]
    assert "\x1b[" not in run(str(bad), env={"NO_COLOR": "1", "FORCE_COLOR": ""})[1]
    # Machine formats are never coloured.
    assert "\x1b[" not in run("--format", "json", str(bad), env={"FORCE_COLOR": "1"})[1]


# ---------------------------------------------------------------- JSON and SARIF
def test_json_lists_the_models_without_summary() -> None:
    code, out, _ = run("--format", "json", str(SEED))
    assert code == 0
    (model,) = json.loads(out)["models"]
    truth = load_expected(SEED)["models"][0]
    assert (model["name"], model["total_params"]) == (truth["name"], truth["total_params"])
    assert [layer["output_shape"] for layer in model["layers"]] == [layer["output_shape"] for layer in truth["layers"]]


def _apply(text: str, edits: list[tuple[int, int, int, int, str]]) -> str:
    """Apply 1-based, end-exclusive edits (none overlapping) to ``text``."""
    lines = text.splitlines(keepends=True)

    def offset(line: int, column: int) -> int:
        return sum(len(x) for x in lines[: line - 1]) + column - 1

    for line, column, end_line, end_column, content in sorted(edits, reverse=True):
        start, end = offset(line, column), offset(end_line, end_column)
        text = text[:start] + content + text[end:]
    return text


FIXTURES_OF_FIXES = sorted(p for p in FIXES.glob("*.py") if not p.name.endswith(".after.py"))


@pytest.mark.parametrize("before", FIXTURES_OF_FIXES, ids=lambda p: p.stem)
def test_json_and_sarif_fixes_carry_the_edits_fix_applies(before: Path, tmp_path: Path) -> None:
    """Applying the edits of every fix in the JSON (and in SARIF) gives what --fix writes."""
    after = before.with_name(before.stem + ".after.py").read_text()
    document = json.loads(run("--format", "json", "--no-cache", str(before))[1])
    fixes = [d["fix"] for d in document["diagnostics"] if "fix" in d]
    assert fixes and all(f["applicability"] == "safe" and f["description"] for f in fixes)
    edits = [(e["line"], e["column"], e["end_line"], e["end_column"], e["content"]) for f in fixes for e in f["edits"]]
    assert MARKER.sub("", _apply(before.read_text(), edits)) == after

    sarif = json.loads(run("--format", "sarif", "--no-cache", str(before))[1])
    sarif_edits = []
    for result in sarif["runs"][0]["results"]:
        for fix in result.get("fixes", []):
            (change,) = fix["artifactChanges"]
            assert change["artifactLocation"]["uri"] == before.as_posix()
            for replacement in change["replacements"]:
                region = replacement["deletedRegion"]
                sarif_edits.append(
                    (region["startLine"], region["startColumn"], region["endLine"], region["endColumn"],
                     replacement["insertedContent"]["text"])
                )
    assert sorted(sarif_edits) == sorted(edits)


# ---------------------------------------------------------------- picking models
def test_model_picks_models_by_variable_or_name_with_globs() -> None:
    fixture = str(FIXES / "stacked_recurrent_layers.after.py")
    out = run("--summary", "--model", "enc*", fixture)[1]
    assert out.count('Model: "') == 1 and 'Model: "encoder"' in out
    out = run("--summary", "--model", "functional_?", fixture)[1]  # the Keras name of `model`
    assert out.count('Model: "') == 1 and f"{fixture}:22:9: model\n" in out
    assert run("--model", "model", "--model", "encoder", fixture)[1].count('Model: "') == 2  # --model implies --summary
    document = json.loads(run("--format", "json", "--model", "encoder", fixture)[1])
    assert [m["variable"] for m in document["models"]] == ["encoder"]


def test_a_file_without_a_matching_model_says_so(tmp_path: Path) -> None:
    plain = tmp_path / "helpers.py"
    plain.write_text("import keras\n\nACTIVATION = keras.activations.relu\n")
    no_keras = tmp_path / "data.py"
    no_keras.write_text("x = 1\n")
    code, out, _ = run("--summary", str(plain), str(SEED), str(no_keras))
    assert code == 0
    assert out.startswith(f"{plain}: no model\n\n{SEED}:17:9: model\n")  # in file order, among the tables
    assert out.endswith(f"\n{no_keras}: no model\nAll checks passed!\n")
    assert out.count('Model: "functional"') == 1
    out = run("--summary", "--model", "decoder", str(SEED))[1]
    assert out == f"{SEED}: no model matches --model 'decoder' (its models: model (functional))\nAll checks passed!\n"
    code, out, err = run("--format", "json", "--model", "decoder", str(SEED))
    assert json.loads(out)["models"] == [] and "no model matches --model 'decoder'" in err
    # Found in a folder, a file that never mentions keras is not worth a line.
    assert "data.py" not in run("--summary", str(tmp_path))[1]


# ---------------------------------------------------------------- graphs
def test_graph_format_without_graphviz_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    code, out, err = run("--graph", str(tmp_path / "graphs"), "--graph-format", "png", str(SEED))
    assert code == 2 and out == ""
    assert "--graph-format png needs Graphviz's `dot`" in err
    assert not (tmp_path / "graphs").exists()
    code, _, err = run("--graph", str(tmp_path / "graphs"), str(SEED))  # DOT alone, as documented
    assert code == 0 and [p.suffix for p in (tmp_path / "graphs").iterdir()] == [".dot"]
