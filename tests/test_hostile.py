"""Hostile and huge input: every file is analysed within a bounded time and memory, the run
goes on, and nothing is written outside the project.

Each case of issue 15 is here, run as a user would run kerascheck (a separate process, so
that a crash of a native library shows as a failure and not as a dead test run) with a
time limit, or against the mechanism that bounds it.  Sizes are the smallest that still
prove the bound; the whole module runs in CI within :data:`SUITE_BUDGET`, and every run of
kerascheck in it has a timeout of its own.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

GOOD = "import keras\nm = keras.Sequential([keras.Input((3,)), keras.layers.LSTM(2)])\n"  # KC101 at 2:
# The whole module's bound in CI (it takes one to two minutes on two shared cores); every run
# of kerascheck in it also has a timeout of its own.
SUITE_BUDGET = 600.0


@pytest.fixture(scope="module", autouse=True)
def suite_budget() -> object:
    import time

    start = time.monotonic()
    yield
    assert time.monotonic() - start < SUITE_BUDGET, "the hostile-input suite ran past its time budget"


def kerascheck(
    *args: str, cwd: Path | None = None, timeout: float = 120, memory: int = 3 << 30, env: dict[str, str] | None = None,
    **kwargs: object,
) -> subprocess.CompletedProcess[str]:
    """``kerascheck ARGS`` in a new process with at most ``memory`` bytes of address space;
    fails the test past ``timeout`` seconds."""
    limit = (
        "import resource; soft, hard = resource.getrlimit(resource.RLIMIT_AS); "
        f"resource.setrlimit(resource.RLIMIT_AS, ({memory} if hard == resource.RLIM_INFINITY else min({memory}, hard), hard)); "
    )
    code = limit + "import sys; from kerascheck.cli import main; sys.exit(main.main(args=sys.argv[1:], prog_name='kerascheck'))"
    env = {**(env or os.environ), "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, cwd=cwd or ROOT, timeout=timeout,
        env=env, **kwargs,  # type: ignore[arg-type]
    )


def assert_clean_failure(result: subprocess.CompletedProcess[str]) -> None:
    """Exit 2 with diagnostics, never a signal or a traceback."""
    assert result.returncode == 2, (result.returncode, result.stdout[-2000:], result.stderr[-2000:])
    assert "Traceback" not in result.stderr


# ------------------------------------------------------------------ parsing: the native stack
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_long_and_chain_is_a_diagnostic_not_a_segmentation_fault(tmp_path: Path, jobs: str) -> None:
    """libcst's native parser recursed once per ``and`` on the main thread's stack (exit 139)."""
    (tmp_path / "chain.py").write_text("import keras\nx = 1" + " and 1" * 10_000 + "\n")  # 60 KB
    for i in range(5):
        (tmp_path / f"good_{i}.py").write_text(GOOD)
    result = kerascheck("--jobs", jobs, "--no-cache", str(tmp_path))
    assert_clean_failure(result)
    lines = result.stdout.splitlines()
    assert [line for line in lines if "chain.py" in line] == [
        f"{tmp_path / 'chain.py'}:1:1: KC003 file nests more than 10,000 levels deep (every operand of an "
        "`and`/`or` chain is a level): deeper than kerascheck's analysis follows"
    ]
    assert sum(f"good_{i}.py:2:" in result.stdout for i in range(5)) == 5  # the other files' results


def test_an_imported_module_nested_too_deeply_is_parsed_as_safely_as_the_file(tmp_path: Path) -> None:
    """Project modules went to libcst before any guard: 2,000 parentheses crashed the run."""
    (tmp_path / "deep.py").write_text("x = " + "(" * 2000 + "1" + ")" * 2000 + "\n")
    (tmp_path / "main.py").write_text("import keras\nfrom deep import x\n" + GOOD.split("\n", 1)[1])
    result = kerascheck("--no-cache", "main.py", cwd=tmp_path)
    assert result.returncode == 1, result
    assert result.stdout.startswith("main.py:3:") and " KC101 " in result.stdout


def test_an_imported_module_is_held_to_the_nesting_bound_of_the_file(tmp_path: Path) -> None:
    """Modules are parsed while the interpreter runs with a higher recursion limit, under
    which CPython accepts ten times the nesting, and libcst's time grows with its square."""
    (tmp_path / "deep.py").write_text("x = " + "1 + " * 10_000 + "1\n")
    (tmp_path / "main.py").write_text("import keras\nfrom deep import x\n" + GOOD.split("\n", 1)[1])
    result = kerascheck("--no-cache", "main.py", cwd=tmp_path, timeout=30)
    assert result.returncode == 1, result
    assert result.stdout.startswith("main.py:3:") and " KC101 " in result.stdout


def test_a_boolean_chain_longer_than_the_parser_stack_allows_is_refused_before_libcst() -> None:
    from kerascheck.analysis import analyse_source
    from kerascheck.frontend import parsing

    chain = "import keras\nx = 1" + " and 1" * 60 + "\n"
    parsing_bound = parsing.MAX_BOOLEAN_OPERANDS
    try:
        parsing.MAX_BOOLEAN_OPERANDS = 50
        [diagnostic] = analyse_source(chain, "chain.py").diagnostics
    finally:
        parsing.MAX_BOOLEAN_OPERANDS = parsing_bound
    assert diagnostic.code == "KC003"
    assert diagnostic.message == (
        "file has 60 `and`/`or` operators; libcst's parser nests one level per operator, and kerascheck's bound is 50"
    )


def test_the_analysis_thread_has_the_stack_the_bounds_assume() -> None:
    import threading

    from kerascheck.budget import STACK_BYTES, run_deep

    assert run_deep(threading.current_thread).name == "kerascheck-analysis"
    assert run_deep(threading.stack_size) == 0  # the process default is left as it was
    assert STACK_BYTES >= 256 * 1024 * 1024


# ------------------------------------------------------------------ quadratic constructs
SEQUENTIAL_LOOP = """\
import keras
from keras import layers
model = keras.Sequential([keras.Input((4,))])
for i in range(N):
    model.add(layers.Dense(4))
"""


def test_sequential_add_in_a_loop_calls_each_new_layer_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Keras's ``add`` calls every layer again; replaying that was quadratic (N=500: 15.6 s)."""
    from kerascheck.analysis import analyse_source
    from kerascheck.engine import runtime

    calls: list[object] = []
    original = runtime.Session.call

    def counting(self: runtime.Session, layer: object, *args: object, **kwargs: object) -> object:
        calls.append(layer)
        return original(self, layer, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(runtime.Session, "call", counting)
    for n in (100, 400):
        calls.clear()
        [summary] = analyse_source(SEQUENTIAL_LOOP.replace("N", str(n)), "seq.py").summaries
        assert (summary.total_params, len(summary.rows)) == (20 * n, n)
        assert len(calls) == n  # before: n (n + 1) / 2


def test_a_rebuilt_sequential_counts_the_nodes_keras_makes() -> None:
    """Each rebuild gives every earlier layer a node: a later call of a shared layer is node 6,
    and each rebuild's Functional takes a name (numbers read from Keras 3.15.1)."""
    from kerascheck.analysis import analyse_source

    source = (
        "import keras\nfrom keras import layers\n"
        "model = keras.Sequential([keras.Input((4,))])\nshared = layers.Dense(4)\nmodel.add(shared)\n"
        + "model.add(layers.Dense(4))\n" * 5
        + "inp = keras.Input((4,))\nc = layers.add([shared(inp), layers.Dense(4)(inp)])\nm2 = keras.Model(inp, c)\n"
    )
    sequential, functional = analyse_source(source, "shared.py").summaries
    assert sequential.total_params == 6 * 20
    assert functional.name == "functional_6"
    assert [row.connected_to for row in functional.rows][-1] == ("dense[6][0]", "dense_6[0][0]")


@pytest.mark.parametrize("layers", [850, 950])
def test_a_graph_keras_may_not_build_is_unknown_and_one_it_builds_is_exact(layers: int) -> None:
    """Keras's map_graph recurses once per layer: a 1,100-layer chain raises RecursionError in
    Keras 3.15.1, a 900-layer one builds. kerascheck walks any depth without recursion, and
    says ``?`` where Keras's outcome depends on the program's recursion limit."""
    from kerascheck.analysis import analyse_source
    from kerascheck.engine.dims import UNKNOWN

    source = "import keras\nfrom keras import layers\nh = inp = keras.Input((4,))\n"
    source += "h = layers.Dense(4)(h)\n" * layers + "model = keras.Model(inp, h)\n"
    source += "seq = keras.Sequential([keras.Input((4,))])\n" + "seq.add(layers.Dense(4))\n" * layers
    result = analyse_source(source, "deep.py")
    assert result.diagnostics == ()
    functional, sequential = result.summaries
    if layers < 900:
        assert (functional.total_params, sequential.total_params) == (20 * layers, 20 * layers)
    else:
        assert (functional.total_params, sequential.total_params) == (UNKNOWN, UNKNOWN)


def test_the_graph_walk_needs_no_recursion() -> None:
    """A 12,000-node chain mapped with a recursion limit of 100 (the engine's own walk; in a
    file, such a model is unknown: see above)."""
    from kerascheck.engine import runtime
    from kerascheck.engine.runtime import Session, map_graph

    session = Session()
    first = x = session.input([], {"batch_shape": (None, 4)}, None)
    dense = [session.create_layer("Dense", [4], {}, None) for _ in range(12_000)]
    for layer in dense:
        x = session.call(layer, x, None)
    bound = runtime.KERAS_MAX_GRAPH_DEPTH
    limit = sys.getrecursionlimit()
    try:
        runtime.KERAS_MAX_GRAPH_DEPTH = 100_000
        sys.setrecursionlimit(100)
        nodes_by_depth, operations = map_graph([first], [x])
    finally:
        sys.setrecursionlimit(limit)
        runtime.KERAS_MAX_GRAPH_DEPTH = bound
    assert len(operations) == 12_001 and max(nodes_by_depth) == 12_000


def test_a_megabyte_of_layer_calls_is_refused_for_its_size_not_its_nesting(tmp_path: Path) -> None:
    """It took 41 s and 1.5 GB, then said `file is nested too deeply`, which it is not."""
    (tmp_path / "big.py").write_text("import keras\nfrom keras import layers\nh = keras.Input((8,))\n" + "h = layers.Dense(8)(h)\n" * 45_000)
    result = kerascheck("--no-cache", "big.py", cwd=tmp_path, timeout=60)
    assert_clean_failure(result)
    assert result.stdout == "big.py:1:1: KC003 file is too large to analyse (1,035,060 bytes of Python; the limit is 524,288)\nFound 1 error.\n"


# ------------------------------------------------------------------ only regular files are read
def test_a_symlink_to_dev_zero_is_not_read(tmp_path: Path) -> None:
    """``ln -s /dev/zero model.py`` read forever."""
    (tmp_path / "model.py").symlink_to("/dev/zero")
    (tmp_path / "good.py").write_text(GOOD)
    result = kerascheck(".", cwd=tmp_path, timeout=30, memory=1 << 30)
    assert_clean_failure(result)
    good, special, closing = result.stdout.splitlines()
    assert good.startswith("good.py:2:42: KC101 LSTM 'lstm' expects a 3-D input")
    assert closing == "Found 2 errors."
    assert special == "model.py:1:1: KC002 not analysed: it is a character device, not a regular file; it was not read"


def test_a_fifo_in_the_tree_or_named_on_the_command_line_is_skipped_with_a_message(tmp_path: Path) -> None:
    """A FIFO named ``a.py`` hung the run with no output (opening it waits for a writer)."""
    os.mkfifo(tmp_path / "a.py")
    (tmp_path / "good.py").write_text(GOOD)
    for paths in (["."], ["a.py", "good.py"]):
        result = kerascheck("--no-cache", *paths, cwd=tmp_path, timeout=30)
        assert_clean_failure(result)
        assert "a.py:1:1: KC002 not analysed: it is a FIFO (named pipe), not a regular file; it was not read" in result.stdout
        assert "good.py:2:42: KC101 " in result.stdout


def test_special_files_in_a_committed_cache_folder_are_not_read(tmp_path: Path) -> None:
    """A FIFO at a cache entry's path hung the run; an index linked to /dev/zero grew to gigabytes."""
    (tmp_path / "good.py").write_text(GOOD)
    first = kerascheck("--summary", ".", cwd=tmp_path)
    assert first.returncode == 1
    [entry] = (tmp_path / ".kerascheck_cache").glob("*/*.json")
    entry.unlink()
    os.mkfifo(entry)
    index = entry.parent / "index" / "files.json"
    index.parent.mkdir(exist_ok=True)
    index.unlink(missing_ok=True)
    index.symlink_to("/dev/zero")
    again = kerascheck("--summary", ".", cwd=tmp_path, timeout=30, memory=1 << 30)
    assert (again.returncode, again.stdout) == (first.returncode, first.stdout)
    assert entry.is_fifo() or entry.is_file()  # replaced by the new entry, or left; never read


# ------------------------------------------------------------------ nothing written outside the project
@pytest.fixture
def home(tmp_path: Path) -> Path:
    """A home folder to check nothing is written in, and a project two levels inside ``tmp_path``."""
    home = tmp_path / "home"
    home.mkdir()
    (home / ".bashrc").write_text("# mine\n")
    project = tmp_path / "a" / "b" / "project"
    project.mkdir(parents=True)
    (project / "good.py").write_text(GOOD)
    return home


def written(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


@pytest.mark.parametrize("setting", ['"~"', '"../../.."', '"."', '"src"', None])
def test_a_cache_dir_outside_the_project_or_not_kerascheck_s_is_refused(tmp_path: Path, home: Path, setting: str | None) -> None:
    """``cache-dir = "~"`` wrote CACHEDIR.TAG (backup tools then skip the home folder) and a
    .gitignore of ``*`` there, exit 0; so did a ``.kerascheck_cache`` symlink to the home folder."""
    project = tmp_path / "a" / "b" / "project"
    (project / "src").mkdir()
    (project / "src" / "keep.txt").write_text("mine\n")
    if setting is None:
        (project / ".kerascheck_cache").symlink_to(home, target_is_directory=True)
    else:
        (project / "pyproject.toml").write_text(f"[tool.kerascheck]\ncache-dir = {setting}\n")
    before = written(tmp_path)
    env = {**os.environ, "HOME": str(home)}
    result = kerascheck(".", cwd=project, env=env)
    assert result.returncode == 1 and "good.py:2:42: KC101 " in result.stdout
    assert result.stderr.startswith("kerascheck: warning: not using the cache folder ")
    assert result.stderr.endswith("; continuing without a cache\n")
    assert written(tmp_path) == before


def test_a_committed_cache_folder_linking_out_of_the_project_is_not_written_through(tmp_path: Path, home: Path) -> None:
    project = tmp_path / "a" / "b" / "project"
    assert kerascheck(".", cwd=project).returncode == 1
    [version] = [p for p in (project / ".kerascheck_cache").iterdir() if p.is_dir()]
    for child in list(version.rglob("*"))[::-1]:
        child.rmdir() if child.is_dir() else child.unlink()
    version.rmdir()
    version.symlink_to(home, target_is_directory=True)
    before = written(home)
    result = kerascheck(".", cwd=project)
    assert result.returncode == 1 and "reached through, a symlink" in result.stderr
    assert written(home) == before


# ------------------------------------------------------------------ evaluated Python: bounded, exact or unknown
# Each ran for minutes or took gigabytes. (hostile code, the same operation small enough to
# compute); both end in ``units``, the width of a Dense layer: unknown, or exact.
VALUE_BOMBS = {
    "round": ("units = round(7, -10**9) + 2", "units = round(7, -1) + 2"),
    "squaring": ("x = 10**60\n" + "x = x * x\n" * 40 + "units = x % 7 + 1", "x = 3\n" + "x = x * x\n" * 3 + "units = x % 7 + 1"),
    "power": ("x = (10**60)**60\nx = x**60\nx = x**60\nunits = x % 7 + 1", "x = 3**4\nunits = x % 7 + 1"),
    "sorted": ("x = [[0] * 100000] * 100000\nunits = len(sorted(x)) % 7 + 1", "x = [[0] * 3] * 4\nunits = len(sorted(x)) % 7 + 1"),
    "str": ("x = [[0] * 100000] * 100000\nunits = len(str(x)) % 7 + 1", "x = [[0] * 3] * 4\nunits = len(str(x)) % 7 + 1"),
    "equal": (
        "x = [[0] * 100000] * 100000\ny = [[0] * 100000] * 100000\nunits = 2 if x == y else 3",
        "x = [[0] * 3] * 4\ny = [[0] * 3] * 4\nunits = 2 if x == y else 3",
    ),
    "in": ("x = [[0] * 100000] * 100000\nunits = 2 if [1] in x else 3", "x = [[0] * 3] * 4\nunits = 2 if [1] in x else 3"),
    "max": ("x = [[0] * 100000] * 100000\nunits = len(max(x)) % 7 + 1", "x = [[0] * 3] * 4\nunits = len(max(x)) % 7 + 1"),
    "join": ("s = 'a' * 100000\nunits = len(''.join([s] * 100000)) % 7 + 1", "s = 'a' * 10\nunits = len(''.join([s] * 10)) % 7 + 1"),
    "doubling": ("s = 'ab'\n" + "s = s + s\n" * 40 + "units = len(s) % 7 + 1", "s = 'ab'\n" + "s = s + s\n" * 4 + "units = len(s) % 7 + 1"),
    "list doubling": ("s = [1]\n" + "s = s + s\n" * 40 + "units = len(s) % 7 + 1", "s = [1]\n" + "s = s + s\n" * 4 + "units = len(s) % 7 + 1"),
    "extend": ("s = [1]\n" + "s.extend(s)\n" * 40 + "units = len(s) % 7 + 1", "s = [1]\n" + "s.extend(s)\n" * 4 + "units = len(s) % 7 + 1"),
    "nested tuples": ("t = (1,)\n" + "t = (t, t)\n" * 40 + "units = len(str(t)) % 7 + 1", "t = (1,)\n" + "t = (t, t)\n" * 3 + "units = len(str(t)) % 7 + 1"),
    "sum of lists": ("units = len(sum([[1] * 1000] * 1000, [])) % 7 + 1", "units = sum([1, 2, 3]) % 7 + 1"),
    "format": ("s = 'a' * 100000\nunits = len(('{0}' * 10000).format(s)) % 7 + 1", "s = 'a' * 10\nunits = len(('{0}' * 10).format(s)) % 7 + 1"),
    "f-string": ("s = 'a' * 100000\nunits = len(f'{s}{s}{s}{s}{s}{s}{s}{s}{s}{s}{s}{s}') % 7 + 1", "s = 'ab'\nunits = len(f'{s}{s}') % 7 + 1"),
    "digits": ("x = 0x" + "f" * 5000 + "\nunits = len(f'{x}') % 7 + 1", "x = 0xff\nunits = len(f'{x}') % 7 + 1"),
    "nested tuples sorted": ("t = (1,)\n" + "t = (t, t)\n" * 40 + "units = len(sorted(t)) % 7 + 1", "t = (2, 1)\nunits = len(sorted(t)) % 7 + 1"),
}


def test_a_structure_that_shares_itself_is_walked_once_per_part() -> None:
    """Assigned to a layer's attribute, Keras's tracking looks for layers and lists inside it:
    a walk that visits each part once, whatever it repeats or how deep it nests."""
    from kerascheck.analysis import analyse_source

    source = (
        "import keras\nt = (keras.layers.Dense(2),)\n" + "t = (t, t)\n" * 40
        + "class Block(keras.layers.Layer):\n    def __init__(self):\n        super().__init__()\n        self.parts = t\n"
        + "units = len(Block().parts) + 1\nm = keras.Sequential([keras.Input((3,)), keras.layers.Dense(units)])\n"
    )
    [summary] = analyse_source(source, "shared.py").summaries
    assert summary.total_params == 12


def test_python_operations_that_would_take_minutes_or_gigabytes_give_unknown_values(tmp_path: Path) -> None:
    import json

    model = "\nimport keras\nm = keras.Sequential([keras.Input((3,)), keras.layers.Dense(units)])\n"
    expected = {}
    for number, (name, (hostile, small)) in enumerate(VALUE_BOMBS.items()):
        (tmp_path / f"bomb_{number:02d}.py").write_text(hostile + model)
        (tmp_path / f"small_{number:02d}.py").write_text(small + model)
        scope: dict[str, object] = {}
        exec(small, scope)
        units = scope["units"]
        expected[f"bomb_{number:02d}.py"] = (name, None)
        expected[f"small_{number:02d}.py"] = (name, 4 * units)  # type: ignore[operator]
    result = kerascheck("--summary", "--format", "json", "--jobs", "1", "--no-cache", ".", cwd=tmp_path, timeout=60, memory=2 << 30)
    assert result.returncode == 0, result.stderr
    found = {Path(m["path"]).name: m["total_params"] for m in json.loads(result.stdout)["models"]}
    assert {path: (name, found[path]) for path, (name, _) in expected.items()} == expected


def test_a_long_list_shuffled_keeps_its_length_in_linear_time(tmp_path: Path) -> None:
    """Each place of a shuffled list is any one of its items: their join is computed once, not
    once a place (60,000 joins of 60,000 items each ran for hours)."""
    import json

    (tmp_path / "shuffled.py").write_text(
        "import random\nimport numpy as np\nimport keras\nx = list(range(60000))\nrandom.shuffle(x)\n"
        "y = [[i, [0, 1]] for i in range(10000)]\nnp.random.shuffle(y)\n"
        "units = (len(x) + len(y[0][1])) % 7 + 1\nm = keras.Sequential([keras.Input((3,)), keras.layers.Dense(units)])\n")
    result = kerascheck("--summary", "--format", "json", "--no-cache", "shuffled.py", cwd=tmp_path, timeout=60)
    assert result.returncode == 0, result.stderr
    [model] = json.loads(result.stdout)["models"]
    assert model["total_params"] == 4 * ((60000 + 2) % 7 + 1)


# ------------------------------------------------------------------ the per-file budget
# A million items of one comprehension (a loop that long is read for what its rounds may change
# instead: tests/test_interpreter_reach.py).
MILLION_ITEMS = """\
import keras
first = keras.Sequential([keras.Input((3,)), keras.layers.Dense(2)])
sizes = range(1000)
if len(sizes):
    x = sum(i + j for i in sizes for j in sizes)
second = keras.Sequential([keras.Input((3,)), keras.layers.Dense(2)])
"""


def test_past_the_step_budget_the_file_says_where_it_stopped_and_keeps_what_it_found(tmp_path: Path) -> None:
    from kerascheck.analysis import analyse_raw
    from kerascheck.config import Settings
    from kerascheck.engine.dims import UNKNOWN

    (tmp_path / "loops.py").write_text(MILLION_ITEMS)
    analysis = analyse_raw(MILLION_ITEMS, str(tmp_path / "loops.py"), Settings())
    [stopped] = analysis.result.diagnostics
    assert (stopped.code, stopped.span.line) == ("KC003", 5)
    assert stopped.message == (
        "analysis stopped here: it needs more than 200,000 interpretation steps (statements and loop iterations) "
        "(kerascheck's bound for one file); what follows is unknown"
    )
    [first] = analysis.result.summaries  # `second` is never reached
    assert first.rows[0].params == 8  # what was built stays; what follows may have added to it
    assert first.total_params is UNKNOWN
    assert analysis.cacheable  # the same content stops at the same place on any machine


def test_past_the_time_budget_the_file_says_so_and_is_not_cached(monkeypatch: pytest.MonkeyPatch) -> None:
    from kerascheck import budget
    from kerascheck.analysis import analyse_raw
    from kerascheck.config import Settings

    monkeypatch.setattr(budget, "TIME_LIMIT", 0.01)
    analysis = analyse_raw(MILLION_ITEMS, "loops.py", Settings())
    [stopped] = analysis.result.diagnostics
    assert stopped.code == "KC003" and stopped.span.line in (4, 5)
    assert stopped.message.startswith("analysis stopped here: its analysis takes more than 0.01 s of CPU time")
    assert analysis.result.summaries[0].rows[0].params == 8
    assert not analysis.cacheable  # a quieter machine may get further


def test_past_the_element_budget_the_values_are_not_made(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every value made counts (the bound is 100 million items: here a smaller one, for speed)."""
    from kerascheck import budget
    from kerascheck.analysis import analyse_raw
    from kerascheck.config import Settings

    monkeypatch.setattr(budget, "ELEMENT_LIMIT", 1_000_000)
    source = "import keras\nrows = [[0] * 100000 for i in range(11)]\nm = keras.Sequential([keras.Input((3,))])\n"
    [stopped] = analyse_raw(source, "rows.py", Settings()).result.diagnostics
    assert (stopped.code, stopped.span.line) == ("KC003", 2)
    assert "it makes values of more than 1,000,000 items and characters in all" in stopped.message
    fewer = source.replace("range(11)", "range(9)")
    assert analyse_raw(fewer, "rows.py", Settings()).result.diagnostics == ()


def test_past_the_memory_budget_the_file_says_so(tmp_path: Path) -> None:
    """Resident memory is the process's: measured in a process of its own (after other tests
    made this one large: its peak would not have shown the growth)."""
    (tmp_path / "rows.py").write_text(
        "import keras\nrows = [[i] * 100000 for i in range(100)]\nm = keras.Sequential([keras.Input((3,))])\n"
    )
    code = (
        "import sys, kerascheck.budget as b; b.MEMORY_LIMIT = 20 << 20; b.CHECK_EVERY = 1\n"
        "from kerascheck.cli import main; sys.exit(main.main(args=['--no-cache', 'rows.py'], prog_name='kerascheck'))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, timeout=60,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert result.returncode == 2, result.stderr
    assert result.stdout.startswith("rows.py:2:") and "its analysis needs more than 20 MB of memory" in result.stdout


# ------------------------------------------------------------------ configuration mistakes are errors
@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--select", "KC999"], "Invalid value for '--select': KC999 matches no rule (`kerascheck rule` lists them)"),
        (["--select", "KC9,KC1"], "Invalid value for '--select': KC9 matches no rule (`kerascheck rule` lists them)"),
        (["--extend-select", "KC5"], "Invalid value for '--extend-select': KC5 matches no rule"),
        (["--ignore", "KC30,KC8"], "Invalid value for '--ignore': KC8 matches no rule"),
    ],
)
def test_a_selection_that_matches_no_rule_is_a_usage_error(tmp_path: Path, arguments: list[str], message: str) -> None:
    """``--select KC999`` turned every rule off: exit 0 with a real error in the file, a CI job green."""
    (tmp_path / "m.py").write_text(GOOD)
    result = kerascheck(*arguments, "m.py", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (2, "")
    assert message in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"[tool.kerascheck\nselect = [\"KC1\"]\n", "is not valid TOML: Expected ']' at the end of a table declaration"),
        (b"[tool.kerascheck]\nselect = [\"KC1\"]\nselect = [\"KC2\"]\n", "is not valid TOML: Cannot overwrite a value"),
        (b"[tool.kerascheck]\nselect = [\"KC1\"]\n# \xff\n", "is not valid UTF-8 (byte 37: invalid start byte)"),
        (b"[tool.kerascheck]\nx = " + b"[" * 100_000 + b"]" * 100_000 + b"\n", "is not valid TOML: a value is nested too deeply to read"),
        (b"[project]\nname = 'x'\n[tool.kerascheck\n", "is not valid TOML"),  # its table may be the one meant
        (b"[tool.kerascheck]\nselect = [\"KC99\"]\n", ": `select`: KC99 matches no rule"),
        (b"[tool.kerascheck]\n[tool.kerascheck.per-file-ignores]\n\"*\" = [\"KC7\"]\n", ": per-file-ignores.'*': KC7 matches no rule"),
    ],
)
def test_an_invalid_pyproject_is_an_error_naming_the_file_and_the_reason(tmp_path: Path, content: bytes, reason: str) -> None:
    """It was silently ignored (its rules not applied); a deeply nested value was a RecursionError traceback."""
    (tmp_path / "pyproject.toml").write_bytes(content)
    (tmp_path / "m.py").write_text(GOOD)
    result = kerascheck("m.py", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr.startswith(f"kerascheck: {tmp_path / 'pyproject.toml'}") and reason in result.stderr
    assert "Traceback" not in result.stderr


def test_a_fifo_named_pyproject_toml_is_an_error_not_a_hang(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pyproject.toml")
    (tmp_path / "m.py").write_text(GOOD)
    result = kerascheck("m.py", cwd=tmp_path, timeout=30)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == (
        f"kerascheck: cannot read {tmp_path / 'pyproject.toml'}: it is a FIFO (named pipe), not a regular file; it was not read\n"
    )


# ------------------------------------------------------------------ bad input, true answers
def test_a_utf8_byte_order_mark_is_skipped_as_cpython_skips_it(tmp_path: Path) -> None:
    """A BOM before ``import keras`` was ``KC001 invalid non-printable character U+FEFF``."""
    bom = b"\xef\xbb\xbf"
    (tmp_path / "bom.py").write_bytes(bom + GOOD.encode())
    (tmp_path / "plain.py").write_bytes(GOOD.encode())
    (tmp_path / "units.py").write_bytes(bom + b"UNITS = 5\n")
    (tmp_path / "imports.py").write_text(
        "import keras\nfrom units import UNITS\nm = keras.Sequential([keras.Input((3,)), keras.layers.Dense(UNITS)])\n"
    )
    result = kerascheck("--summary", "--format", "json", "--no-cache", ".", cwd=tmp_path)
    import json

    report = json.loads(result.stdout)
    found = {(Path(d["path"]).name, d["line"], d["column"], d["code"]) for d in report["diagnostics"]}
    assert found == {("bom.py", 2, 42, "KC101"), ("plain.py", 2, 42, "KC101")}
    [imports] = [m for m in report["models"] if Path(m["path"]).name == "imports.py"]
    assert imports["total_params"] == 20  # the module with a BOM was read as Python reads it


def test_control_characters_in_names_and_paths_never_reach_the_terminal(tmp_path: Path) -> None:
    """A layer name holding an OSC 52 sequence (set the reader's clipboard) reached the terminal raw."""
    import json

    source = (
        'import keras\nm = keras.Sequential([keras.Input((3,)), keras.layers.Dense(2, name="a\\x1b]52;c;aGVsbG8=\\x07b")])\n'
        'x = keras.layers.LSTM(2, name="z\\x1b]0;title\\x07\\u202e")(keras.Input((3,)))\n'
    )
    (tmp_path / "m\x1b[2J.py").write_text(source)
    for arguments in (["--summary"], ["--summary", "--keras-version", "2"], ["--format", "github"]):
        out = kerascheck(*arguments, ".", cwd=tmp_path).stdout
        assert not set(out) & {"\x1b", "\x07", "\u202e"}, arguments
        assert "z\\x1b]0;title\\x07\\u202e" in out and "m\\x1b[2J.py" in out
        if "--summary" in arguments:
            assert "a\\x1b]52;c;aGVsbG8=\\x07b" in out
    # JSON escapes them itself, and keeps the names as Keras has them.
    report = json.loads(kerascheck("--summary", "--format", "json", ".", cwd=tmp_path).stdout)
    assert report["models"][0]["layers"][0]["name"] == "a\x1b]52;c;aGVsbG8=\x07b"


# ------------------------------------------------------------------ --graph writes only its own files
FAKE_DOT = """\
#!{python}
import sys
args = sys.argv[1:]
with open({log!r}, "a") as log:
    log.write(repr(args) + "\\n")
output, inputs = None, []
i = 0
while i < len(args):
    arg = args[i]
    if arg.startswith("-T"):
        pass
    elif arg == "-o":
        i += 1
        output = args[i]
    elif arg.startswith("-o"):
        output = arg[2:]
    else:
        inputs.append(arg)
    i += 1
source = open(inputs[0]).read() if inputs else sys.stdin.read()  # as dot: no file, its standard input
open(output, "w").write("<svg>" + str(len(source)) + "</svg>")
"""


def graph_model(name: str) -> str:
    return f"import keras\n{name} = keras.Sequential([keras.Input((3,)), keras.layers.Dense(2)])\n"


@pytest.fixture
def fake_dot(tmp_path: Path) -> tuple[dict[str, str], Path]:
    """An environment whose ``dot`` logs its arguments and behaves as Graphviz's does with them."""
    bin_folder = tmp_path / "bin"
    bin_folder.mkdir()
    log = tmp_path / "dot.log"
    (bin_folder / "dot").write_text(FAKE_DOT.format(python=sys.executable, log=str(log)))
    (bin_folder / "dot").chmod(0o755)
    return {**os.environ, "PATH": f"{bin_folder}{os.pathsep}{os.environ['PATH']}"}, log


def test_graphs_replace_symlinks_instead_of_writing_through_them(tmp_path: Path, home: Path, fake_dot: tuple[dict[str, str], Path]) -> None:
    """A graph file symlinked to ``~/.bashrc`` overwrote it."""
    env, _ = fake_dot
    project = tmp_path / "a" / "b" / "project"
    (project / "m.py").write_text(graph_model("model"))
    out = project / "graphs"
    out.mkdir()
    (out / "m.model.dot").symlink_to(home / ".bashrc")
    (out / "m.model.svg").symlink_to(home / "picture.svg")
    result = kerascheck("--graph", "graphs", "m.py", cwd=project, env=env)
    assert result.returncode == 0, result.stderr
    assert (home / ".bashrc").read_text() == "# mine\n" and not (home / "picture.svg").exists()
    assert not (out / "m.model.dot").is_symlink() and (out / "m.model.dot").read_text().startswith("digraph")
    assert (out / "m.model.svg").read_text().startswith("<svg>")


def test_a_file_name_is_never_an_option_to_dot(tmp_path: Path, fake_dot: tuple[dict[str, str], Path]) -> None:
    """A file named ``-oX.py`` made dot take ``-oX.model.dot`` as an option and read its input."""
    env, log = fake_dot
    (tmp_path / "-oX.py").write_text(graph_model("model"))
    result = kerascheck("--graph", ".", "--", "-oX.py", cwd=tmp_path, env=env, timeout=30, stdin=subprocess.PIPE)
    assert result.returncode == 0, result.stderr
    [arguments] = [eval(line) for line in log.read_text().splitlines()]
    assert arguments[0] == "-Tsvg" and arguments[1].startswith(f"-o{tmp_path}/")
    assert arguments[2:] == [str(tmp_path / "-oX.model.dot")]
    assert (tmp_path / "-oX.model.svg").read_text().startswith("<svg>")


def test_a_long_model_name_is_cut_and_the_other_graphs_are_still_written(tmp_path: Path) -> None:
    """A 300-character model name failed with ENAMETOOLONG and no further graph was written."""
    name = "m" * 300
    (tmp_path / "a.py").write_text(graph_model(name))
    (tmp_path / "b.py").write_text(graph_model("model"))
    (tmp_path / "graphs").mkdir()
    (tmp_path / "graphs" / "c.model.dot").mkdir()  # a graph that cannot be written: reported, the rest go on
    (tmp_path / "c.py").write_text(graph_model("model"))
    (tmp_path / "d.py").write_text(graph_model("model"))
    result = kerascheck("--graph", "graphs", "a.py", "c.py", "b.py", "d.py", cwd=tmp_path, env={**os.environ, "PATH": ""})
    assert result.returncode == 2
    written = sorted(p.name for p in (tmp_path / "graphs").iterdir() if p.is_file())
    assert len(written) == 3 and "b.model.dot" in written and "d.model.dot" in written
    [long] = [w for w in written if w.startswith("a.")]
    assert long.startswith("a." + "m" * 100) and len(long.encode()) <= 160
    assert "kerascheck: cannot write the graph graphs/c.model.dot" in result.stderr


def test_a_relative_graph_folder_leading_out_of_the_project_is_refused(tmp_path: Path, home: Path) -> None:
    project = tmp_path / "a" / "b" / "project"
    (project / "m.py").write_text(graph_model("model"))
    (project / "graphs").symlink_to(home, target_is_directory=True)
    before = written(home)
    result = kerascheck("--graph", "graphs", "m.py", cwd=project)
    assert result.returncode == 2 and "it leads out of the project" in result.stderr
    assert written(home) == before
    assert kerascheck("--graph", str(home), "m.py", cwd=project).returncode == 0  # named absolutely: the user's choice
    assert "m.model.dot" in written(home)


# ------------------------------------------------------------------ --fix: atomic, in the project, on what was read
EMBEDDING = """\
import keras
from keras import layers

model = keras.Sequential([
    keras.Input((50,)),
    layers.Embedding(5000, 32,  # keep
                     input_length=50),
    layers.GlobalAveragePooling1D(),
    layers.Dense(1),
])
"""


def test_fix_keeps_comments_inside_the_rewritten_call(tmp_path: Path) -> None:
    """``Embedding(5000, 32,  # keep\\n input_length=50)`` lost ``# keep``."""
    (tmp_path / "m.py").write_text(EMBEDDING)
    result = kerascheck("--fix", "--no-cache", "m.py", cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    fixed = (tmp_path / "m.py").read_text()
    assert "input_length" not in fixed and "    layers.Embedding(5000, 32,  # keep\n" in fixed
    compile(fixed, "m.py", "exec")


def test_a_fix_that_would_drop_a_comment_is_not_applied(tmp_path: Path) -> None:
    source = EMBEDDING.replace("input_length=50),", "input_length=50,  # the sequence length\n                     ),")
    (tmp_path / "m.py").write_text(source)
    result = kerascheck("--fix", "--no-cache", "m.py", cwd=tmp_path)
    assert (result.returncode, (tmp_path / "m.py").read_text()) == (1, source)
    assert " KC302 " in result.stdout


def test_a_fix_that_names_a_symbol_the_file_does_not_have_is_not_proven(tmp_path: Path) -> None:
    """``L.Flatten()``, where ``L`` only has ``Dense``, made the rest unknown: the error vanished,
    and the fix was "proven"."""
    source = (
        "import keras\nfrom keras.layers import Dense\n\n\nclass L:\n    Dense = Dense\n\n\n"
        "captioner = keras.Sequential([\n    keras.Input(shape=(28, 28, 1)),\n    keras.layers.Conv2D(8, 3),\n"
        "    L.Dense(32),\n    keras.layers.RepeatVector(3),\n    keras.layers.LSTM(16),\n])\n"
    )
    (tmp_path / "m.py").write_text(source)
    result = kerascheck("--fix", "--no-cache", "m.py", cwd=tmp_path)
    assert (result.returncode, (tmp_path / "m.py").read_text()) == (1, source)
    assert re.search(r"m\.py:13:5: KC101 (\[\*\] )?RepeatVector", result.stdout)
    spelled = source.replace("from keras.layers import Dense", "from keras import layers as L").replace("class L:\n    Dense = Dense\n\n\n", "")
    (tmp_path / "m.py").write_text(spelled)  # the same fix where L is keras.layers: applied
    assert kerascheck("--fix", "--no-cache", "m.py", cwd=tmp_path).returncode == 0
    assert "    L.Flatten(),\n    L.Dense(32)," in (tmp_path / "m.py").read_text()


def test_fix_writes_atomically_and_a_failed_write_leaves_the_file_whole(tmp_path: Path) -> None:
    """On a full disk the file was left truncated, unparseable, and the run reported success."""
    path = tmp_path / "m.py"
    path.write_text(EMBEDDING)
    path.chmod(0o640)
    limit = len(EMBEDDING) - 40  # the fixed file (shorter) still does not fit: EFBIG, as ENOSPC
    code = (
        f"import resource, sys; resource.setrlimit(resource.RLIMIT_FSIZE, ({limit}, {limit}))\n"
        "from kerascheck.cli import main; sys.exit(main.main(args=['--fix', '--no-cache', 'm.py'], prog_name='kerascheck'))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, timeout=60,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert result.returncode == 2, result.stderr
    assert "m.py: cannot write it: File too large; the file is as it was" in result.stderr
    assert path.read_text() == EMBEDDING and sorted(p.name for p in tmp_path.iterdir()) == ["m.py"]
    assert kerascheck("--fix", "--no-cache", "m.py", cwd=tmp_path).returncode == 0
    assert "input_length" not in path.read_text() and path.stat().st_mode & 0o777 == 0o640  # its mode kept


def test_fix_never_writes_through_a_symlink_out_of_the_project(tmp_path: Path, home: Path) -> None:
    project = tmp_path / "a" / "b" / "project"
    (home / "model.py").write_text(EMBEDDING)
    (project / "linked.py").symlink_to(home / "model.py")
    (project / "real.py").write_text(EMBEDDING)
    (project / "alias.py").symlink_to(project / "real.py")
    result = kerascheck("--fix", "--no-cache", "linked.py", "alias.py", cwd=project)
    assert result.returncode == 2
    assert f"linked.py: not written: it is a symlink to {home / 'model.py'}, outside the project" in result.stderr
    assert (home / "model.py").read_text() == EMBEDDING
    assert (project / "alias.py").is_symlink() and "input_length" not in (project / "real.py").read_text()


def test_fix_does_not_overwrite_a_change_made_while_it_ran(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A line an editor added during the run was overwritten."""
    from click.testing import CliRunner

    import kerascheck.fixes
    from kerascheck.cli import main

    monkeypatch.chdir(tmp_path)
    (tmp_path / "m.py").write_text(EMBEDDING)
    original = kerascheck.fixes.fix_source

    def editing_meanwhile(source: str, analyse: object) -> object:
        outcome = original(source, analyse)  # type: ignore[arg-type]
        with open("m.py", "a") as handle:
            handle.write("print('added in the editor')\n")
        return outcome

    monkeypatch.setattr(kerascheck.fixes, "fix_source", editing_meanwhile)
    result = CliRunner().invoke(main, ["--fix", "--no-cache", "m.py"])
    assert result.exit_code == 2
    assert "m.py: not written: the file changed while it was being fixed (run --fix again)" in result.stderr
    assert (tmp_path / "m.py").read_text() == EMBEDDING + "print('added in the editor')\n"


def test_fix_keeps_a_byte_order_mark(tmp_path: Path) -> None:
    (tmp_path / "m.py").write_bytes(b"\xef\xbb\xbf" + EMBEDDING.encode())
    assert kerascheck("--fix", "--no-cache", "m.py", cwd=tmp_path).returncode == 0
    fixed = (tmp_path / "m.py").read_bytes()
    assert fixed.startswith(b"\xef\xbb\xbfimport keras\n") and b"input_length" not in fixed


# ------------------------------------------------------------------ the language server
def _frame(payload: dict | bytes, length: bool = True) -> bytes:
    import json

    body = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
    return (b"Content-Length: %d\r\n\r\n" % len(body) if length else b"Content-Type: application/json\r\n\r\n") + body


def _lsp_session(messages: list[bytes], wanted: set[object], timeout: float = 60) -> list[dict]:
    """Send ``messages`` to ``kerascheck lsp`` and read what it sends until every id in
    ``wanted`` (None: a parse error) is answered; fails past ``timeout`` seconds."""
    import json
    import select
    import time

    pytest.importorskip("pygls")
    server = subprocess.Popen([sys.executable, "-m", "kerascheck", "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL, cwd=ROOT)
    received: list[dict] = []
    try:
        server.stdin.write(b"".join(messages))  # type: ignore[union-attr]
        server.stdin.flush()  # type: ignore[union-attr]
        buffer = b""
        deadline = time.monotonic() + timeout
        while not wanted <= {m.get("id") for m in received if "method" not in m}:
            left = deadline - time.monotonic()
            assert left > 0, f"no answer for {wanted} in {timeout} s; got {received}"
            ready, _, _ = select.select([server.stdout], [], [], left)
            if not ready:
                continue
            chunk = os.read(server.stdout.fileno(), 65536)  # type: ignore[union-attr]
            assert chunk, f"the server ended; got {received}"
            buffer += chunk
            while b"\r\n\r\n" in buffer:
                head, rest = buffer.split(b"\r\n\r\n", 1)
                length = int(head.split(b"Content-Length: ")[1].split(b"\r\n")[0])
                if len(rest) < length:
                    break
                received.append(json.loads(rest[:length]))
                buffer = rest[length:]
    finally:
        server.kill()
        server.wait()
    return received


INITIALIZE = {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"processId": None, "rootUri": None, "capabilities": {}}}
INITIALIZED = {"jsonrpc": "2.0", "method": "initialized", "params": {}}


def test_the_language_server_answers_a_request_whose_params_it_cannot_read() -> None:
    """A request with invalid params got no response: the client waited forever."""
    hover = {"jsonrpc": "2.0", "id": 2, "method": "textDocument/hover", "params": {"textDocument": {"uri": "file:///m.py"}}}
    received = _lsp_session([_frame(INITIALIZE), _frame(INITIALIZED), _frame(hover)], {1, 2})
    [answer] = [m for m in received if m.get("id") == 2]
    assert answer["error"]["code"] == -32602  # Invalid Params


def test_the_language_server_hears_again_after_a_message_without_content_length() -> None:
    """Such a message left it alive but deaf: every later header was read as part of it."""
    lost = _frame({"jsonrpc": "2.0", "id": 2, "method": "shutdown"}, length=False)
    hover = {"textDocument": {"uri": "file:///m.py"}, "position": {"line": 0, "character": 0}}
    hover = _frame({"jsonrpc": "2.0", "id": 3, "method": "textDocument/hover", "params": hover})
    shutdown = _frame({"jsonrpc": "2.0", "id": 4, "method": "shutdown"})
    messages = [_frame(INITIALIZE), _frame(INITIALIZED), lost, hover, _frame(b"{not json"), shutdown]
    received = _lsp_session(messages, {1, 3, 4, None})
    answers = {m["id"]: m for m in received if "method" not in m}
    assert answers[3] == {"jsonrpc": "2.0", "id": 3, "result": None} and "result" in answers[4]
    errors = [m["error"] for m in received if "id" in m and m["id"] is None]
    assert [e["code"] for e in errors] == [-32700, -32700]
    assert "without a Content-Length header" in errors[0]["message"] and "not JSON" in errors[1]["message"]


def test_a_document_refused_as_too_large_is_never_parsed(monkeypatch: pytest.MonkeyPatch) -> None:
    """The server ran ast.parse over it for hovers (5 MB: 17 s and 1.6 GB; 50 MB: 15 GB)."""
    import ast

    from kerascheck.analysis import MAX_SOURCE_BYTES
    from kerascheck.lsp import _analyse_text, _complete

    source = "import keras\n" + "x = 1\n" * (MAX_SOURCE_BYTES // 6 + 10)
    parsed: list[int] = []
    original = ast.parse
    monkeypatch.setattr(ast, "parse", lambda text, *a, **k: parsed.append(len(text)) or original(text, *a, **k))
    diagnosed, rows = _analyse_text(source, "big.py", __import__("kerascheck.config").config.Settings())
    complete = _complete(diagnosed, rows)
    assert [d.code for d in complete.diagnostics] == ["KC003"]
    assert complete.hover((5, 1)) is None and complete.inlay_hints() == []
    assert parsed == []


# ------------------------------------------------------------------ real code at the speed of its parse
@pytest.mark.parametrize(("folder", "followed"), [("project", True), ("site-packages", False)])
def test_a_file_of_an_installed_package_does_not_follow_imports_into_the_others(tmp_path: Path, folder: str, followed: bool) -> None:
    """For a file of an installed package, the folder above its top-level package holds every
    installed package: a Keras test file followed ``import jax`` into 64 modules of jax, jaxlib
    and numpy (5-18 s a file). A project's own modules are still followed."""
    from kerascheck.analysis import analyse_path
    from kerascheck.engine.dims import UNKNOWN

    root = tmp_path / folder
    (root / "pkg").mkdir(parents=True)
    (root / "pkg" / "__init__.py").write_text("")
    (root / "heavy.py").write_text("UNITS = 5\n")
    (root / "pkg" / "model.py").write_text(
        "import keras\nfrom heavy import UNITS\nm = keras.Sequential([keras.Input((3,)), keras.layers.Dense(UNITS)])\n"
    )
    [summary] = analyse_path(root / "pkg" / "model.py").summaries
    assert summary.total_params == 20 if followed else summary.total_params is UNKNOWN


# ------------------------------------------------------------------ fuzzing the bounds
# Statements that grow a value: alone they are cheap, repeated or combined they are the bombs
# above. Whatever sequence of them a file holds, the analysis stays within its time bound and
# never fails; and a value it gives as known is the value Python computes.
GROWTH = [
    "a = a * a", "a = a ** 3", "a = a + a", "a = round(a, -7)", "a = -a", "a = a // 3 + 1",
    "s = s + s", "s = s * 3", "s = '-'.join([s, s, s])", "s = str(l)", "s = f'{s}{a}{s}'", "s = s.upper()",
    "l = l + l", "l = l * 3", "l = [l, l]", "l = sorted(l)", "l.extend(l)", "l.append(l)", "l = list(range(a % 50))",
    "l = [x for x in l]", "t = (t, t)", "a = len(str(t)) + a", "a = a + (1 if l == l[:] else 2)", "a = max(a, len(l))",
]
PROLOGUE = "a = 7\ns = 'ab'\nl = [1, 2]\nt = (1,)\n"
EPILOGUE = "units = (a + len(s) + len(l)) % 5 + 1\n"


@pytest.mark.skipif(pytest.importorskip("hypothesis") is None, reason="hypothesis")
def test_any_sequence_of_growing_operations_is_bounded_and_exact_or_unknown() -> None:
    import time

    from hypothesis import HealthCheck, given, settings, strategies as st

    from kerascheck.analysis import analyse_source
    from kerascheck.engine.dims import UNKNOWN

    @settings(max_examples=60, deadline=None, derandomize=True, database=None, suppress_health_check=list(HealthCheck))
    @given(st.lists(st.sampled_from(GROWTH), min_size=1, max_size=40))
    def check(statements: list[str]) -> None:
        program = PROLOGUE + "\n".join(statements) + "\n" + EPILOGUE
        source = "import keras\n" + program + "m = keras.Sequential([keras.Input((3,)), keras.layers.Dense(units)])\n"
        start = time.perf_counter()
        result = analyse_source(source, "grown.py")
        assert time.perf_counter() - start < 12, program  # the file's time budget (10 s), and its parse
        assert not [d for d in result.diagnostics if d.code == "KC004"], program
        [summary] = result.summaries
        if summary.total_params is not UNKNOWN:  # known: then cheap to compute, and it must agree
            scope: dict[str, object] = {}
            exec(program, scope)
            assert summary.total_params == 4 * scope["units"], program  # type: ignore[operator]

    check()
