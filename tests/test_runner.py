"""Analysing in worker processes: the same results in the same order, whatever the pool does."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import kerascheck.analysis
import kerascheck.runner
from conftest import FIXTURES
from kerascheck.cli import main
from kerascheck.config import Settings
from kerascheck.runner import FORK_AFTER, Analyser

fork_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the fork pool is Linux's")


def tree(folder: Path) -> Path:
    """Models interleaved with files that are done without analysis: no keras, not UTF-8, broken."""
    folder.mkdir()
    for i, fixture in enumerate(sorted((FIXTURES / "summary").glob("*.py"))[:24]):
        (folder / f"{i:02d}_{fixture.name}").write_text(fixture.read_text())
        (folder / f"{i:02d}_plain.py").write_text(f"x = {i}\n")
    (folder / "05_bytes.py").write_bytes(b"import keras\n\xff\n")
    (folder / "07_syntax.py").write_text("import keras\nmodel = (\n")
    (folder / "09_shape.py").write_text(
        "import keras\nm = keras.Sequential([keras.Input((3,)), keras.layers.LSTM(2)])\n"
    )
    return folder


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_same_output_for_any_number_of_jobs_and_cache_state(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    tree(tmp_path / "t")
    monkeypatch.chdir(tmp_path)
    for output in (["--format", "json", "--summary"], []):
        reference = run(*output, "--no-cache", "--jobs", "1", "t")
        assert reference[0] == 2 and reference[1]
        for jobs in ("2", "3", "7"):
            assert run(*output, "--no-cache", "--jobs", jobs, "t") == reference
        assert run(*output, "--jobs", "3", "t") == reference  # cold
        assert run(*output, "--jobs", "3", "t") == reference  # warm
        assert run(*output, "--jobs", "1", "t") == reference


@fork_only
def test_a_worker_that_dies_costs_only_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Files a dead worker held are analysed by another, or in this process when none is left."""
    tree(tmp_path / "t")
    monkeypatch.chdir(tmp_path)
    # Two workers for this small tree whether or not the walk is over when the first is ready
    # (otherwise the pool is sized by the files found: one worker for fewer than 32).
    monkeypatch.setattr(kerascheck.runner, "MIN_FILES_PER_JOB", 1)
    reference = run("--summary", "--no-cache", "--jobs", "1", "t")
    parent = os.getpid()
    original = kerascheck.analysis.analyse_path

    deaths = tmp_path / "deaths"
    deaths.mkdir()

    def dying(path: object, *args: object, **kwargs: object) -> object:
        if os.getpid() != parent and Path(str(path)).name.startswith(("03_", "11_")):
            (deaths / str(os.getpid())).touch()
            os._exit(3)
        return original(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(kerascheck.analysis, "analyse_path", dying)
    assert run("--summary", "--no-cache", "--jobs", "2", "t") == reference
    assert len(list(deaths.iterdir())) == 2  # both workers died; this process did the rest


def test_small_runs_stay_in_this_process(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for i in range(FORK_AFTER - 1):
        (tmp_path / f"m{i}.py").write_text("import keras\nm = keras.Sequential([keras.Input((3,)), keras.layers.Dense(2)])\n")
    analyser = Analyser(Settings(), jobs=4)
    for path in sorted(tmp_path.iterdir()):
        analyser.add(str(path))
    assert analyser.pool is None
    results = analyser.finish()
    assert [Path(r.path).name for r in results] == [f"m{i}.py" for i in range(FORK_AFTER - 1)]
    assert all(r.summaries for r in results)


@fork_only
def test_the_pool_starts_while_files_are_still_being_found(tmp_path: Path) -> None:
    paths = []
    for i in range(3 * FORK_AFTER):
        path = tmp_path / f"m{i:02d}.py"
        path.write_text(f"import keras\nm = keras.Sequential([keras.Input(({i + 1},)), keras.layers.Dense(2)])\n")
        paths.append(str(path))
    analyser = Analyser(Settings(), jobs=2, summaries=False)
    try:
        for number, path in enumerate(paths, 1):
            analyser.add(path)
            assert (analyser.pool is not None) == (number >= FORK_AFTER)
        results = analyser.finish()
    finally:
        analyser.close()
    assert [r.path for r in results] == paths
    assert all(not r.summaries and not r.diagnostics for r in results)  # summaries not sent back
