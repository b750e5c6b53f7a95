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
def test_a_worker_that_dies_once_costs_only_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The files a dead worker held are analysed by another worker (killed once by something
    else than its file: the file is tried again)."""
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

    def dying_once(path: object, *args: object, **kwargs: object) -> object:
        if os.getpid() != parent and Path(str(path)).name.startswith(("03_", "11_")):
            marker = deaths / Path(str(path)).name
            if not marker.exists():
                marker.touch()
                os._exit(3)
        return original(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(kerascheck.analysis, "analyse_path", dying_once)
    assert run("--summary", "--no-cache", "--jobs", "2", "t") == reference
    assert len(list(deaths.iterdir())) == 2


@fork_only
def test_a_file_that_kills_two_workers_is_reported_and_never_risked_here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A file whose analysis crashes a worker (a native library's segmentation fault) is tried
    by a second worker, then reported; it is never analysed in this process (which it would
    take down with every other result), and the other files are analysed."""
    import json

    tree(tmp_path / "t")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(kerascheck.runner, "MIN_FILES_PER_JOB", 1)
    reference = json.loads(run("--format", "json", "--no-cache", "--jobs", "1", "t")[1])
    parent = os.getpid()
    original = kerascheck.analysis.analyse_path
    [lethal] = [p.name for p in (tmp_path / "t").glob("03_*.py") if "plain" not in p.name]

    def crashing(path: object, *args: object, **kwargs: object) -> object:
        if Path(str(path)).name == lethal:
            if os.getpid() == parent:
                raise AssertionError("analysed in the process that runs the others")
            os._exit(139)
        return original(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(kerascheck.analysis, "analyse_path", crashing)
    code, out, _ = run("--format", "json", "--no-cache", "--jobs", "2", "t")
    report = json.loads(out)
    assert code == 2
    mine = [d for d in report["diagnostics"] if Path(d["path"]).name == lethal]
    assert [(d["code"], d["message"]) for d in mine] == [(
        "KC004",
        "internal error: the worker process analysing this file died, then another died; "
        "it was not analysed (the other files were)",
    )]
    others = [d for d in reference["diagnostics"] if Path(d["path"]).name != lethal]
    assert [d for d in report["diagnostics"] if Path(d["path"]).name != lethal] == others


@fork_only
def test_a_worker_stuck_on_a_file_is_stopped_by_the_watchdog(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """What no budget inside the analysis can stop (a native library that never returns) costs
    the watchdog's time twice, and that file only."""
    import json
    import time

    tree(tmp_path / "t")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(kerascheck.runner, "MIN_FILES_PER_JOB", 1)
    monkeypatch.setattr(kerascheck.runner, "WATCHDOG", 1.0)
    parent = os.getpid()
    original = kerascheck.analysis.analyse_path
    [stuck] = [p.name for p in (tmp_path / "t").glob("05_*.py") if p.name != "05_bytes.py" and "plain" not in p.name]

    def hanging(path: object, *args: object, **kwargs: object) -> object:
        if os.getpid() != parent and Path(str(path)).name == stuck:
            time.sleep(3600)
        return original(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(kerascheck.analysis, "analyse_path", hanging)
    start = time.monotonic()
    code, out, _ = run("--format", "json", "--no-cache", "--jobs", "2", "t")
    assert time.monotonic() - start < 30 and code == 2
    [mine] = [d for d in json.loads(out)["diagnostics"] if Path(d["path"]).name == stuck]
    assert mine["message"] == (
        "internal error: the worker process analysing this file was stopped after 1 s, then another was stopped "
        "after 1 s; it was not analysed (the other files were)"
    )


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
