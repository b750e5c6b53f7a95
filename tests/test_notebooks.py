"""Jupyter notebooks: code cells analysed in order, results placed by cell and line in the cell.

The notebook fixtures' summaries are held to real Keras by tests/test_summaries.py (truth in
``fixtures/notebooks/*.expected.json``); this file checks what is particular to notebooks.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT
from kerascheck.analysis import analyse_path, analyse_source
from kerascheck.engine.dims import UNKNOWN
from kerascheck.discovery import discover
from kerascheck.notebooks import NotebookError, read_notebook
from kerascheck.rules import marked_lines

NOTEBOOKS = sorted((ROOT / "fixtures" / "notebooks").glob("*.ipynb"))
SCHEMA = ROOT / "tests" / "data" / "sarif" / "sarif-schema-2.1.0.json"  # the official schema, with its licence


def notebook(*cells: str | tuple[str, str]) -> str:
    """nbformat 4 JSON: a plain string is a code cell, ``("markdown", text)`` another kind."""
    out = []
    for cell in cells:
        kind, text = cell if isinstance(cell, tuple) else ("code", cell)
        out.append({"cell_type": kind, "metadata": {}, "source": text.splitlines(keepends=True), "outputs": []})
    return json.dumps({"cells": out, "metadata": {}, "nbformat": 4, "nbformat_minor": 5})


def write(tmp_path: Path, text: str, name: str = "nb.ipynb") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _as_script(path: Path) -> tuple:
    """The notebook's summaries analysed as the plain script its code cells make."""
    return analyse_source(read_notebook(path.read_text(encoding="utf-8"), str(path)).source, "nb.py").summaries


def cell_markers(path: Path) -> list[tuple[int, int, str]]:
    """``(cell, line in cell, code)`` of the ``# KCnnn`` markers of a notebook."""
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    return sorted(
        (number, line, code)
        for number, cell in enumerate(cells, start=1)
        if cell["cell_type"] == "code"
        for line, code in marked_lines("".join(cell["source"]))
    )


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_fixture_diagnostics_are_its_markers(path: Path) -> None:
    result = analyse_path(path)
    assert sorted((d.span.cell, d.span.line, d.code) for d in result.diagnostics) == cell_markers(path)


def test_fixtures_exist() -> None:
    assert NOTEBOOKS
    assert all(p.with_suffix(".expected.json").exists() for p in NOTEBOOKS)


def test_models_are_placed_in_their_cells(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        notebook(
            ("markdown", "# Title"),
            "import keras\nfrom keras import layers",
            "x = 1",
            "model = keras.Sequential([\n    keras.Input(shape=(4,)),\n    layers.Dense(2),\n])",
        ),
    )
    (summary,) = analyse_path(path).summaries
    assert (summary.span.cell, summary.span.line, summary.span.column) == (4, 1, 9)
    assert (summary.rows[0].span.cell, summary.rows[0].span.line) == (4, 3)
    assert [(r.name, r.output, r.params) for r in summary.rows] == [
        (r.name, r.output, r.params) for r in _as_script(path)[0].rows
    ]


def test_ipython_lines_are_skipped_and_python_cell_magics_kept(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        notebook(
            "!pip install keras\n%load_ext autoreload\nfiles = !ls\nimport keras\nkeras.Sequential?",
            "%%bash\necho this is not python",
            "%%time\nmodel = keras.Sequential([keras.Input(shape=(3,)), keras.layers.Dense(5)])",
            "if True:\n    %time x = 1\n    model",
        ),
    )
    result = analyse_path(path)
    assert result.diagnostics == ()
    (summary,) = result.summaries
    assert (summary.span.cell, summary.span.line) == (3, 2)
    assert summary.total_params is not UNKNOWN
    assert summary.total_params == _as_script(path)[0].total_params


def test_ipython_lines_continued_with_a_backslash_are_skipped_whole(tmp_path: Path) -> None:
    """IPython joins ``!ls \\`` and the indented line after it into one shell command."""
    path = write(
        tmp_path,
        notebook(
            "import keras\n!ls \\\n    -l\n%time x = 1 + \\\n    2 + \\\n    3",
            "model = keras.Sequential([keras.Input(shape=(3,)), keras.layers.Dense(5)])",
        ),
    )
    result = analyse_path(path)
    assert result.diagnostics == ()
    (summary,) = result.summaries
    assert summary.total_params is not UNKNOWN
    assert summary.total_params == _as_script(path)[0].total_params


def test_a_cell_that_does_not_parse_is_reported_and_the_others_analysed(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        notebook(
            "import keras",
            "def broken(:\n    pass",
            "model = keras.Sequential([keras.Input(shape=(3,)), keras.layers.Dense(5)])",
        ),
    )
    result = analyse_path(path)
    assert [(d.code, d.span.cell, d.span.line) for d in result.diagnostics] == [("KC001", 2, 1)]
    (summary,) = result.summaries  # the cell after the broken one is still analysed
    assert summary.total_params is not UNKNOWN
    assert summary.total_params == _as_script(path)[0].total_params


def test_line_references_in_messages_name_the_cell(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        notebook(
            "import keras\nfrom keras import layers\ninp = keras.Input(shape=(10, 8))",
            "x = layers.LSTM(4)(inp)",
            "y = layers.LSTM(4)(x)",
        ),
    )
    (diagnostic,) = analyse_path(path).diagnostics
    assert (diagnostic.code, diagnostic.span.cell, diagnostic.span.line) == ("KC101", 3, 1)
    assert "at cell 2, line 1" in diagnostic.message


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ('{"cells": [keras', "invalid JSON"),
        ('["keras"]', "no list of cells"),
        ('{"cells": ["keras"]}', "cell 1 is not an object"),
        ('{"cells": [{"cell_type": "code", "source": [1, "keras"]}]}', "not text"),
    ],
)
def test_malformed_notebooks_get_a_clear_message(tmp_path: Path, text: str, reason: str) -> None:
    (diagnostic,) = analyse_path(write(tmp_path, text)).diagnostics
    assert diagnostic.code == "KC002" and reason in diagnostic.message
    with pytest.raises(NotebookError):
        read_notebook(text, "nb.ipynb")


def test_non_utf8_notebook(tmp_path: Path) -> None:
    path = tmp_path / "nb.ipynb"
    path.write_bytes(b'{"cells": [], "x": "keras \xff"}')
    (diagnostic,) = analyse_path(path).diagnostics
    assert diagnostic.code == "KC002" and "UTF-8" in diagnostic.message


def test_folders_are_searched_for_notebooks(tmp_path: Path) -> None:
    write(tmp_path, notebook("import keras"), "a.ipynb")
    (tmp_path / ".ipynb_checkpoints").mkdir()
    write(tmp_path / ".ipynb_checkpoints", notebook("import keras"), "a-checkpoint.ipynb")
    (tmp_path / "b.py").write_text("import keras\n")
    assert [p.name for p in discover([str(tmp_path)])] == ["a.ipynb", "b.py"]


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "kerascheck", *args], capture_output=True, text=True, cwd=ROOT)


def test_cli_text_json_github_and_sarif_positions(tmp_path: Path) -> None:
    path = write(tmp_path, notebook("import keras\nfrom keras import layers", "x = layers.LSTM(2)(keras.Input(shape=(4,)))"))
    text = _cli(str(path))
    assert text.returncode == 1
    assert f"{path}:cell 2:1:" in text.stdout
    document = json.loads(_cli("--format", "json", str(path)).stdout)
    (diagnostic,) = document["diagnostics"]
    assert (diagnostic["cell"], diagnostic["line"]) == (2, 1)
    github = _cli("--format", "github", str(path)).stdout
    assert "line=" not in github and "cell 2, line 1" in github
    sarif = json.loads(_cli("--format", "sarif", str(path)).stdout)
    (location,) = sarif["runs"][0]["results"][0]["locations"]
    assert location["properties"] == {"cell": 2}
    assert location["physicalLocation"]["region"]["startLine"] == 1
    import jsonschema

    jsonschema.Draft4Validator(json.loads(SCHEMA.read_text())).validate(sarif)


def test_pre_commit_hook_accepts_notebooks() -> None:
    hooks = (ROOT / ".pre-commit-hooks.yaml").read_text()
    assert "types_or: [python, jupyter]" in hooks
