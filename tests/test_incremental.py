"""An editor's re-analysis (kerascheck.frontend.incremental) gives exactly a fresh analysis's result.

Every test compares with ``analyse_source`` of the same text from scratch; the counters
(``parses.reused``, ``resumed_at``) only show that the shortcut was really taken.
"""

from __future__ import annotations

import ast
import random
import re
from pathlib import Path

import pytest

from conftest import FIXTURES
from kerascheck.analysis import analyse_source
from kerascheck.config import Settings
from kerascheck.frontend.incremental import Document, ParseCache

SOURCES = sorted(FIXTURES.rglob("*.py"))


def analyse(text: str, path: str, document: Document):
    """Analyse ``text`` as an editor's document, then let the document pause as the server does."""
    result = analyse_source(text, path, Settings(), all_layers=True, reuse=document)
    assert result == analyse_source(text, path, Settings(), all_layers=True)
    document.pause()
    return result


def edits(source: str, rng: random.Random) -> list[str]:
    """Texts a user might type on the way: a changed constant, a changed layer argument, a
    new line at the end; each valid Python."""
    lines = source.split("\n")
    texts = []
    for i, line in enumerate(lines):
        constant = re.match(r"^(\w+) = (\d+)\s*$", line)
        if constant:
            texts.append("\n".join(lines[:i] + [f"{constant[1]} = {int(constant[2]) + 1}"] + lines[i + 1 :]))
    numbered = [i for i, line in enumerate(lines) if re.search(r"\(\d+", line)]
    for i in rng.sample(numbered, min(2, len(numbered))):
        for step in (1, 2):
            changed = re.sub(r"\((\d+)", lambda m: f"({int(m[1]) + step}", lines[i], count=1)
            texts.append("\n".join(lines[:i] + [changed] + lines[i + 1 :]))
    texts.append(source + "\nextra = 1\n")
    valid = []
    for text in texts:
        try:
            compile(text, "<edit>", "exec", dont_inherit=True)
        except (SyntaxError, ValueError):
            continue
        valid.append(text)
    return valid


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(FIXTURES)))
def test_a_sequence_of_edits_gives_a_fresh_analysis_each_time(path: Path) -> None:
    source = path.read_text(encoding="utf-8")
    document = Document()
    texts = [source, *edits(source, random.Random(path.name))]
    for text in texts + texts[-2::-1]:  # there and back: every pause is used at least once
        analyse(text, str(path), document)


GENERATED = """\
import keras
from keras import layers

UNITS = 64
RATE = 0.5


def block(x, filters):
    x = layers.Conv2D(filters, 3, padding="same")(x)
    return layers.BatchNormalization()(x)


inputs = keras.Input((32, 32, 3))
x = block(inputs, 8)
x = block(x, 16)
x = layers.Conv2D(32, 3)(x)
x = layers.Flatten()(x)
x = layers.Dropout(RATE)(x)
x = layers.Dense(UNITS)(x)
outputs = layers.Dense(10)(x)
model = keras.Model(inputs, outputs)
"""


def parse_as_ast_does(cache: ParseCache, text: str) -> bool | None:
    """``cache.parse_ast(text)`` equals ``ast.parse(text)``, positions included, or raises as it
    does; whether it was pieced (None: a syntax error)."""
    try:
        expected = ast.dump(ast.parse(text), include_attributes=True)
    except (SyntaxError, ValueError) as err:
        with pytest.raises(type(err)):
            cache.parse_ast(text)
        return None
    assert ast.dump(cache.parse_ast(text), include_attributes=True) == expected
    return cache.pieced


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(FIXTURES)))
def test_the_pieced_ast_after_line_edits_is_the_ast_of_the_text(path: Path) -> None:
    """Lines replaced, inserted, deleted and retyped at random, one edit after the other (most
    leave the text invalid or change its blocks: the whole text is parsed then)."""
    rng = random.Random(path.name)
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True) or ["\n"]
    cache = ParseCache()
    cache.parse_ast("".join(lines))
    for _ in range(12):
        i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
        kind = rng.choice(("replace", "insert", "delete", "digit"))
        if kind == "replace":
            lines[i] = lines[j]
        elif kind == "insert":
            lines.insert(i, lines[j])
        elif kind == "delete" and len(lines) > 1:
            del lines[i]
        else:
            lines[i] = re.sub(r"\d", lambda m: str((int(m[0]) + 1) % 10), lines[i], count=1)
        parse_as_ast_does(cache, "".join(lines))


@pytest.mark.parametrize(
    ("before", "after", "pieced"),
    [
        ("x = 1\ny = f(\n  2)\nz = 3\n", "x = 1\ny = f(\n  5)\nz = 3\n", True),
        ("x = 1\ny = 2\n", "x = 1\n\n# new\nw = 0\ny = 2\n", True),  # the rest moves down
        ("x = 1\nw = 0\n\ny = 2\n", "x = 1\ny = 2\n", True),  # and up
        ("a = 1; b = 2\nc = 3\n", "a = 1; b = 4\nc = 3\n", True),
        ("def f():\n    return 1\nx = 2\n", "def f():\n    y = 0\n    return 1\nx = 2\n", True),
        ("def f():\n    return 1\nx = 2\n", "def f():\n    return 1\n    # note\nx = 2\n", True),
        ("x = 1 + \\\n  2\ny = 3\n", "x = 1 + \\\n  4\ny = 3\n", True),
        ("x = 1\n\x0c\ny = 2\n", "x = 1\n\x0c\ny = 3\n", True),
        # The changed lines do not parse alone: the whole text is parsed.
        ("def f():\n    return 1\nx = 2\n", "def f():\n    return 1\n    y = 0\nx = 2\n", False),
        ("def f():\n    return 1\n", "@decorator\ndef f():\n    return 1\n", False),
        ("x = 1\ny = 2\n", "x = 1\ny = (2,\n", None),
        ("x = 1\ny = 2\n", 'x = """1\ny = 2\n', None),
        ("x = 1\ny = 2\n", "x = 1\n    y = 2\n", None),
        # A __future__ import may change the grammar: never pieced.
        ("from __future__ import annotations\nx = 1\n", "from __future__ import annotations\nx = 2\n", False),
    ],
)
def test_an_edit_reparses_only_the_statements_it_touches(before: str, after: str, pieced: bool | None) -> None:
    cache = ParseCache()
    cache.parse_ast(before)
    assert parse_as_ast_does(cache, after) is pieced


def test_parsing_again_reuses_every_unchanged_statement() -> None:
    document = Document()
    analyse(GENERATED, "model.py", document)
    analyse("# a new first line moves everything\n" + GENERATED, "model.py", document)
    assert document.parses.reused == len(document.body)  # only the comment is new, and it is no statement


def test_repeated_statements_keep_nodes_of_their_own() -> None:
    text = GENERATED.replace("x = layers.Flatten()(x)\n", "x = layers.Flatten()(x)\nx = layers.Dense(8)(x)\n" * 3)
    document = Document()
    for version in (text, text.replace("UNITS = 64", "UNITS = 65"), text):
        analyse(version, "model.py", document)
        assert len({id(s) for s in document.body}) == len(document.body)


def test_an_edit_continues_from_the_statements_before_it() -> None:
    document = Document()
    analyse(GENERATED, "model.py", document)
    first = GENERATED.replace("layers.Conv2D(32, 3)", "layers.Conv2D(33, 3)")
    analyse(first, "model.py", document)
    assert document.resumed_at is None  # nothing was paused yet: the first edit runs in full
    edited = document.edited
    analyse(first.replace("layers.Conv2D(33, 3)", "layers.Conv2D(34, 3)"), "model.py", document)
    assert document.resumed_at == edited and edited > 0


def test_a_changed_constant_runs_again_where_it_is_first_read() -> None:
    document = Document()
    analyse(GENERATED, "model.py", document)
    before = analyse(GENERATED.replace("UNITS = 64", "UNITS = 65"), "model.py", document)
    after = analyse(GENERATED.replace("UNITS = 64", "UNITS = 66"), "model.py", document)  # == a fresh analysis
    reader = next(i for i, s in enumerate(document.body) if "UNITS)" in _code(s))
    assert document.resumed_at == reader
    assert after.summaries[0].rows != before.summaries[0].rows  # the new constant was read


@pytest.mark.parametrize(
    "change",
    [
        # a function reads the constant when it is called, so every call after the binding may
        "def block(x, filters):\n    filters = filters + UNITS - UNITS\n",
        # globals() can read any name
        "def block(x, filters):\n    filters = globals()['UNITS'] and filters\n",
    ],
)
def test_a_constant_read_out_of_sight_is_not_skipped(change: str) -> None:
    text = GENERATED.replace("def block(x, filters):\n", change)
    document = Document()
    analyse(text, "model.py", document)
    analyse(text.replace("UNITS = 64", "UNITS = 65"), "model.py", document)
    analyse(text.replace("UNITS = 64", "UNITS = 66"), "model.py", document)
    assert document.resumed_at == document.edited  # from the edited binding itself, not later


def test_a_top_level_raise_in_the_prefix_prevents_a_pause() -> None:
    text = GENERATED.replace("inputs = keras.Input", "if False:\n    pass\nraise SystemExit\ninputs = keras.Input")
    document = Document()
    analyse(text, "model.py", document)
    analyse(text.replace("outputs = layers.Dense(10)", "outputs = layers.Dense(11)"), "model.py", document)
    assert document.paused is None


def test_a_changed_project_module_is_read_again(tmp_path: Path) -> None:
    (tmp_path / "blocks.py").write_text(
        "from keras import layers\n\n\ndef head(x):\n    return layers.Dense(3)(x)\n"
    )
    path = tmp_path / "model.py"
    text = (
        "import keras\nfrom keras import layers\nfrom blocks import head\n\n"
        "inputs = keras.Input((4,))\nx = layers.Dense(8)(inputs)\nx = head(x)\n"
        "model = keras.Model(inputs, layers.Dense(2)(x))\n"
    )
    path.write_text(text)
    document = Document()
    analyse(text, str(path), document)
    analyse(text.replace("Dense(2)", "Dense(5)"), str(path), document)
    (tmp_path / "blocks.py").write_text(
        "from keras import layers\n\n\ndef head(x):\n    return layers.Dense(7)(x)\n"
    )
    result = analyse(text.replace("Dense(2)", "Dense(6)"), str(path), document)
    assert document.resumed_at is None
    assert any(row.output == (None, 7) for row in result.summaries[0].rows)


def test_other_settings_run_from_the_top() -> None:
    document = Document()
    for version, settings in ((GENERATED, Settings()), (GENERATED.replace("10)", "11)"), Settings()),
                              (GENERATED.replace("10)", "12)"), Settings(keras_version=2))):
        result = analyse_source(version, "model.py", settings, all_layers=True, reuse=document)
        assert result == analyse_source(version, "model.py", settings, all_layers=True)
        document.pause()
    assert document.resumed_at is None


def _code(statement) -> str:
    import libcst as cst

    return cst.Module(body=[statement]).code


hypothesis = pytest.importorskip("hypothesis")
hypothesmith = pytest.importorskip("hypothesmith")


@hypothesis.settings(
    max_examples=40, deadline=None, derandomize=True, database=None, suppress_health_check=list(hypothesis.HealthCheck)
)
@hypothesis.given(source=hypothesmith.from_grammar())
def test_arbitrary_python_pieced_and_continued_as_from_scratch(source: str) -> None:
    """Whatever the statements look like (semicolons, continuation lines, decorators, form
    feeds...), the pieced parse and the paused runs give what a fresh analysis gives."""
    document = Document()
    text = "import keras\nfrom keras import layers\n" + source
    for version in (text, text + "\nx = layers.Dense(2)\n", "UNITS = 1\n" + text, "UNITS = 2\n" + text):
        analyse(version, "<generated>.py", document)


def test_a_node_placed_by_the_exact_provider_has_the_documents_line_not_the_joined_modules() -> None:
    # ``table["target"].values`` is placed by libcst's provider (ast does not pair it); an
    # editor's module is the statements joined without the comments and blank lines above them.
    source = (
        "# A table read with pandas.\n\n\nimport pandas as pd\n\n# its target column\n\n"
        "table = pd.read_csv('readings.csv')\n\n\ny = table['target'].values\n"
    )
    fresh = analyse_source(source, "table.py", Settings(), all_layers=True)
    reused = analyse_source(source, "table.py", Settings(), all_layers=True, reuse=Document())
    assert reused == fresh
    (binding,) = [d for d in fresh.data if d.name == "y"]
    assert binding.span.line == 11 and binding.origin == "pd.read_csv at line 8"
