"""The result cache: a warm run prints exactly what a cold one does, and nothing stale is reused."""

from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

import kerascheck.analysis
import kerascheck.cache
from conftest import FIXTURES
from kerascheck.cache import CACHEDIR_TAG
from kerascheck.cli import main

BLOCKS = """\
import keras


def block(x, units=UNITS):
    return keras.layers.Dense(units)(x)
"""

MAIN = """\
import keras

from blocks import block

inputs = keras.Input((8,))
model = keras.Model(inputs, block(inputs))
"""


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder that is the current directory (the cache goes in it) with a model and its module."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "blocks.py").write_text(BLOCKS.replace("UNITS", "4"))
    (tmp_path / "model.py").write_text(MAIN)
    return tmp_path


@pytest.fixture
def analysed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The paths the analysis proper ran on (a cache hit does not run it)."""
    calls: list[str] = []
    original = kerascheck.analysis.analyse_raw

    def counting(source: str, path: str, settings: object) -> object:
        calls.append(Path(path).name)
        return original(source, path, settings)  # type: ignore[arg-type]

    monkeypatch.setattr(kerascheck.analysis, "analyse_raw", counting)
    return calls


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["--jobs", "1", *args], catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def entries(folder: Path) -> list[Path]:
    return sorted((folder / ".kerascheck_cache").glob("*/*.json"))


def test_a_warm_run_prints_byte_identical_output_in_every_format(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, analysed: list[str]) -> None:
    tree = tmp_path / "tree"
    shutil.copytree(FIXTURES / "summary", tree / "summary", ignore=shutil.ignore_patterns("*.json"))
    shutil.copytree(FIXTURES / "rules", tree / "rules", ignore=shutil.ignore_patterns("*.json"))
    shutil.copytree(FIXTURES / "packages", tree / "packages", ignore=shutil.ignore_patterns("*.json"))
    monkeypatch.chdir(tmp_path)
    formats = [("--explain",), ("--summary", "--format", "json"), ("--format", "sarif"), ("--format", "github"), ()]
    cold = [run("--no-cache", *options, "tree") for options in formats]
    analysed.clear()
    first = run("tree")  # fills the cache
    assert first == cold[-1] and analysed
    analysed.clear()
    warm = [run(*options, "tree") for options in formats]
    assert warm == cold
    assert analysed == []  # every result came from the cache
    assert any(json.loads(warm[1][1])["models"]) and cold[-1][0] == 1  # models and diagnostics alike


def test_the_cache_folder_is_tagged_and_ignored_by_git(project: Path) -> None:
    run("model.py")
    folder = project / ".kerascheck_cache"
    assert (folder / "CACHEDIR.TAG").read_text() == CACHEDIR_TAG
    assert CACHEDIR_TAG.startswith("Signature: 8a477f597d28d172789f06886806bc55")
    assert (folder / ".gitignore").read_text().splitlines()[-1] == "*"
    assert len(entries(project)) == 1  # blocks.py is followed, not analysed on its own


def test_editing_the_file_invalidates_its_entry(project: Path, analysed: list[str]) -> None:
    before = run("--summary", "model.py")
    (project / "model.py").write_text(MAIN.replace("(8,)", "(16,)"))
    analysed.clear()
    after = run("--summary", "model.py")
    assert analysed == ["model.py"]
    assert "36" in before[1] and "68" in after[1]  # 8·4+4 then 16·4+4 parameters
    assert len(entries(project)) == 1  # replaced, not added


def test_editing_an_imported_project_module_invalidates_the_importer(project: Path, analysed: list[str]) -> None:
    run("--summary", "model.py")
    (project / "blocks.py").write_text(BLOCKS.replace("UNITS", "5"))
    analysed.clear()
    code, out, _ = run("--summary", "model.py")
    assert analysed == ["model.py"]
    assert code == 0 and "45" in out  # 8·5+5
    assert run("--summary", "--no-cache", "model.py")[1] == out


def test_a_module_appearing_where_an_import_looked_invalidates(project: Path, analysed: list[str]) -> None:
    (project / "model.py").write_text(MAIN.replace("from blocks", "from layers_lib"))
    assert "36" not in run("--summary", "model.py")[1]  # layers_lib does not exist yet: unknown
    (project / "layers_lib.py").write_text(BLOCKS.replace("UNITS", "4"))
    analysed.clear()
    out = run("--summary", "model.py")[1]
    assert analysed == ["model.py"] and "36" in out


def test_a_file_without_keras_is_skipped_only_while_its_project_imports_have_none(
    project: Path, settled_at_once: None, opened: list[str]
) -> None:
    (project / "train.py").write_text("from helpers import build\n\nmodel = build()\n")
    (project / "helpers.py").write_text("def build():\n    return None\n")
    assert "train.py: no model" in run("--summary", "train.py")[1]
    opened.clear()
    assert "train.py: no model" in run("--summary", "train.py")[1]
    assert opened == []  # from the cache, which checked helpers.py
    (project / "helpers.py").write_text("from blocks import block\n\ndef build():\n    import keras\n"
                                        "    inputs = keras.Input((8,))\n    return keras.Model(inputs, block(inputs))\n")
    out = run("--summary", "train.py")[1]
    assert "train.py:3:9: model" in out and "36" in out  # 8·4+4
    assert run("--summary", "--no-cache", "train.py")[1] == out


def test_changing_a_threshold_or_the_version_invalidates(project: Path, analysed: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    run("model.py")
    (project / "pyproject.toml").write_text("[tool.kerascheck]\nparam-hog-min-params = 10\nparam-hog-share = 0.5\n")
    analysed.clear()
    code, out, _ = run("model.py")
    assert analysed == ["model.py"] and code == 1 and "KC303" in out
    analysed.clear()
    monkeypatch.setattr(kerascheck.cache, "__version__", "999.0")
    assert run("model.py") == (code, out, "")
    assert analysed == ["model.py"]


def test_the_tool_fingerprint_follows_the_installed_libcst(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Another libcst (reinstalled: its __init__.py is written anew) is another cache."""
    import importlib.util
    import os

    fake = tmp_path / "libcst" / "__init__.py"
    fake.parent.mkdir()
    fake.write_text("# libcst\n")
    spec = importlib.util.spec_from_file_location("libcst", fake)
    monkeypatch.setattr(importlib.util, "find_spec", lambda name: spec if name == "libcst" else None)
    before = kerascheck.cache._tool_fingerprint()
    assert kerascheck.cache._tool_fingerprint() == before
    os.utime(fake, ns=(0, 10**9))
    assert kerascheck.cache._tool_fingerprint() != before


def test_selection_and_noqa_apply_to_cached_results(project: Path, analysed: list[str]) -> None:
    (project / "pyproject.toml").write_text("[tool.kerascheck]\nparam-hog-min-params = 10\nparam-hog-share = 0.5\n")
    assert run("model.py")[0] == 1
    analysed.clear()
    assert run("--ignore", "KC303", "model.py") == (0, "All checks passed!\n", "")
    assert run("--select", "KC3", "model.py") == run("--select", "KC3", "--no-cache", "model.py")
    assert analysed == ["model.py"]  # only the --no-cache run analysed


def test_a_corrupt_or_foreign_entry_is_ignored(project: Path, analysed: list[str]) -> None:
    expected = run("--summary", "model.py")
    (entry,) = entries(project)
    good = entry.read_bytes()
    document = json.loads(good)
    for broken in (
        b"",
        good[: len(good) // 2],
        b"\x80\x81 not json",
        b"[1, 2, 3]",
        json.dumps({**document, "format": 0}).encode(),
        json.dumps({**document, "version": "0.0.1"}).encode(),  # written by another version
        json.dumps({**document, "key": document["key"] + "x"}).encode(),
        json.dumps({**document, "result": {"summaries": "[[1]]", "diagnostics": [], "skipped": False, "notes": []}}).encode(),
        json.dumps({**document, "result": {"summaries": "[", "diagnostics": [], "skipped": False, "notes": []}}).encode(),
        json.dumps({**document, "result": {"summaries": [], "diagnostics": [], "skipped": False, "notes": []}}).encode(),
        json.dumps({**document, "result": {"summaries": "[]", "diagnostics": [[{"x": 1}, 2, 3, 4]], "skipped": 1, "notes": []}}).encode(),
    ):
        entry.write_bytes(broken)
        analysed.clear()
        assert run("--summary", "model.py") == expected
        assert analysed == ["model.py"]
    assert json.loads(entry.read_bytes()) == document  # rewritten


def test_no_cache_writes_nothing(project: Path) -> None:
    assert run("--no-cache", "--summary", "model.py")[0] == 0
    assert not (project / ".kerascheck_cache").exists()


def test_an_unwritable_cache_dir_is_a_warning_not_an_error(project: Path) -> None:
    (project / "not_a_folder").write_text("")
    (project / "pyproject.toml").write_text('[tool.kerascheck]\ncache-dir = "not_a_folder/cache"\n')
    code, out, err = run("--summary", "model.py")
    assert code == 0 and 'Model: "functional"' in out
    assert err.startswith("kerascheck: warning: cannot write the cache in ") and err.count("\n") == 1
    assert run("--summary", "--no-cache", "model.py") == (code, out, "")


def test_cache_dir_setting_relative_to_the_configuration(project: Path) -> None:
    (project / "pyproject.toml").write_text('[tool.kerascheck]\ncache-dir = "build/kc"\n')
    run("model.py")
    assert (project / "build" / "kc" / "CACHEDIR.TAG").is_file()
    assert not (project / ".kerascheck_cache").exists()
    (project / "pyproject.toml").write_text("[tool.kerascheck]\ncache-dir = 3\n")
    code, _, err = run("model.py")
    assert code == 2 and "cache-dir" in err


def test_same_output_across_jobs_and_cache_states(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    tree = tmp_path / "tree"
    tree.mkdir()
    for i, fixture in enumerate(sorted((FIXTURES / "summary").glob("*.py"))[:40]):
        (tree / f"{i:02d}_{fixture.name}").write_text(fixture.read_text())
    monkeypatch.chdir(tmp_path)

    def once(*options: str) -> tuple[int, str, str]:
        result = CliRunner().invoke(main, ["--summary", "--format", "json", *options, "tree"], catch_exceptions=False)
        return result.exit_code, result.stdout, result.stderr

    reference = once("--no-cache", "--jobs", "1")
    assert once("--jobs", "2") == reference  # cold, in worker processes that write the entries
    assert len(entries(tmp_path)) == 40
    assert once("--jobs", "2") == reference  # warm
    assert once("--jobs", "1") == reference


@pytest.mark.parametrize(
    "fixture",
    ["summary/functional_nested_sequential.py", "fixes/stacked_recurrent_layers.py", "fixes/keras2_model_keywords.py"],
)
def test_entries_keep_nested_models_and_fixes(fixture: str) -> None:
    from kerascheck.analysis import analyse_path
    from kerascheck.cache import decode, encode

    result = analyse_path(FIXTURES / fixture)
    assert any(row.nested for s in result.summaries for row in s.rows) or any(d.fix for d in result.diagnostics)
    assert decode(encode(result, result.path), result.path) == result


# ------------------------------------------------------------------ the file index (index/files.json)
@pytest.fixture
def settled_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Files count as settled as soon as they are written (the index records files whose times
    are two seconds older than the run, which files written by a test never are)."""
    monkeypatch.setattr(kerascheck.cache, "SETTLED", -60_000_000_000)


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the files the analysis read."""
    names: list[str] = []

    original = kerascheck.analysis.read_regular

    def counting_read(path: object, *args: object, **kwargs: object) -> object:
        names.append(Path(str(path)).name)
        return original(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(kerascheck.analysis, "read_regular", counting_read)
    return names


def test_an_unchanged_file_is_not_even_read_again(project: Path, settled_at_once: None, opened: list[str]) -> None:
    (project / "notes.py").write_text("print('no models here')\n")
    first = run("--summary", ".")
    assert {"model.py", "notes.py"} <= set(opened)
    opened.clear()
    assert run("--summary", ".") == first
    assert opened == []  # blocks.py is still hashed (a dependency), but not through analysis.open


def test_a_file_rewritten_with_its_old_size_and_time_is_read_again(project: Path, settled_at_once: None, analysed: list[str]) -> None:
    model = project / "model.py"
    before = run("--summary", "model.py")
    status = model.stat()
    time.sleep(0.05)  # past the clock tick of the first write (file times move in ticks of a few ms)
    model.write_text(MAIN.replace("(8,)", "(9,)"))  # same size
    os.utime(model, ns=(status.st_atime_ns, status.st_mtime_ns))  # and the old modification time
    assert model.stat().st_size == status.st_size and model.stat().st_mtime_ns == status.st_mtime_ns
    analysed.clear()
    after = run("--summary", "model.py")
    assert analysed == ["model.py"]  # the change time gave the write away
    assert after == run("--summary", "--no-cache", "model.py") and after != before


def test_a_file_written_just_before_the_run_is_read_again(project: Path, opened: list[str]) -> None:
    run("model.py")
    opened.clear()
    run("model.py")
    assert opened == ["model.py"]  # its times are too recent to tell a later write in the same tick
    assert not (project / ".kerascheck_cache" / kerascheck.cache.__version__ / "index").exists()


def test_a_file_with_diagnostics_is_read_for_its_noqa_comments(
    project: Path, settled_at_once: None, opened: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Entries hold diagnostics before ``# noqa``: applying the comments takes the source (and
    only that: the entry is decoded once)."""
    (project / "bad.py").write_text("import keras\nkeras.layers.Dense(0)  # noqa: KC201\nkeras.layers.Dense(-1)\n")
    first = run("bad.py")
    assert first[0] == 1 and "KC201" in first[1] and ":3:" in first[1] and ":2:" not in first[1]
    decoded = []
    decode = kerascheck.cache.decode
    monkeypatch.setattr(kerascheck.cache, "decode", lambda *args: decoded.append(args[1]) or decode(*args))
    opened.clear()
    assert run("bad.py") == first
    assert opened == ["bad.py"] and decoded == ["bad.py"]


def test_a_corrupt_or_foreign_index_is_ignored(project: Path, settled_at_once: None, opened: list[str]) -> None:
    first = run("--summary", ".")
    index = project / ".kerascheck_cache" / kerascheck.cache.__version__ / "index" / "files.json"
    recorded = json.loads(index.read_text())
    assert str(project / "model.py") in recorded["files"]
    for text in ("{", "[]", '{"format": 5, "files": 3}', json.dumps({"format": 5, "files": {str(project / "model.py"): 7}})):
        index.write_text(text)
        opened.clear()
        assert run("--summary", ".") == first
        assert "model.py" in opened


def test_the_index_stays_in_this_process(project: Path) -> None:
    """Worker processes get the cache without the index (it can be large; they never write it)."""
    import pickle

    from kerascheck.cache import open_cache
    from kerascheck.config import Settings

    cache, _ = open_cache(Settings(root=project))
    assert cache.files is not None
    assert pickle.loads(pickle.dumps(cache)).files is None


def test_the_standard_library_is_no_project_whose_imports_are_followed() -> None:
    """A module of Python's own library (analysing it, or a file beside it) resolves no
    absolute import into the library: those are Python's modules, not a project's."""
    import sysconfig

    from kerascheck.frontend.files import ModulePaths

    json_decoder = Path(sysconfig.get_paths()["stdlib"]) / "json" / "decoder.py"
    paths = ModulePaths(json_decoder)
    assert paths.find("os", 0) is None and paths.find("scanner", 1) == (json_decoder.parent / "scanner.py").resolve()
