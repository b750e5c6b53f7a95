"""Every fixture's predicted summary equals what real Keras recorded, row by row.

Truth comes from ``fixtures/**/*.expected.json``, written by
``tests/oracle/record.py`` running real Keras 3.15.1.  A prediction may be
*unknown* only in fixtures named ``unresolvable_*``, which exist to prove the
analysis says "?" instead of guessing; everywhere else it must be exact.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT, load_expected, summary_fixtures

from kerascheck.analysis import analyse_path
from kerascheck.engine.dims import UNKNOWN, UNKNOWN_DIMS
from kerascheck.engine.summary import readable_memory_size
from kerascheck.reporters import json_report, summary_table

FIXTURES = summary_fixtures()


def _id(path: Path) -> str:
    return str(path.relative_to(ROOT / "fixtures").with_suffix(""))


def _models(fixture: Path) -> tuple[list[dict], list[Any], Any]:
    expected = load_expected(fixture)
    result = analyse_path(fixture)
    return expected["models"], list(result.summaries), result


def _known(value: Any) -> bool:
    if value is UNKNOWN or value == "?":
        return False
    if isinstance(value, (list, tuple)):  # a list of shapes, a shape (its dims)
        return all(_known(v) for v in value)
    return True


def _agrees(predicted: Any, truth: Any, may_be_unknown: bool) -> bool:
    """Exact, or (where allowed) honestly unknown — never a different number."""
    if isinstance(predicted, list) and UNKNOWN_DIMS in predicted and isinstance(truth, list) and may_be_unknown:
        # A shape of unknown rank: its known first and last dimensions are the truth's.
        cut = predicted.index(UNKNOWN_DIMS)
        head, tail = predicted[:cut], predicted[cut + 1 :]
        return len(truth) >= len(head) + len(tail) and _agrees(head, truth[: len(head)], True) and _agrees(
            tail, truth[len(truth) - len(tail) :], True
        )
    if isinstance(predicted, list) and isinstance(truth, list) and len(predicted) == len(truth):
        return all(_agrees(p, t, may_be_unknown) for p, t in zip(predicted, truth))
    if predicted in ("?", None) and may_be_unknown:
        return True
    return predicted == truth


def _complete_before(summary: Any, line: int) -> bool:
    """A functional model created before ``line`` is what Keras had when it raised there."""
    return summary is not None and summary.kind == "functional" and summary.span.end_line < line


@pytest.mark.parametrize("fixture", FIXTURES, ids=_id)
def test_every_recorded_model_is_predicted_exactly(fixture: Path) -> None:
    expected_models, summaries, _ = _models(fixture)
    may_be_unknown = fixture.stem.startswith("unresolvable_")
    by_variable = {s.variable: s for s in summaries}
    assert len(summaries) >= len(expected_models)
    error = load_expected(fixture).get("error")
    for truth in expected_models:
        if error and not _complete_before(by_variable.get(truth["variable"]), error["line"]):
            continue  # Keras stopped at the error; kerascheck goes on, as a compiler does
        assert truth["variable"] in by_variable, f"model {truth['variable']!r} was not found"
        predicted = json_report.model_json(by_variable[truth["variable"]])
        where = f"{fixture.name}: {truth['variable']}"
        assert predicted["kind"] == truth["kind"], where
        assert _agrees(predicted["name"], truth["name"], may_be_unknown), where
        rows = [
            (r["name"], r["class"], r["output_shape"], r["params"], r["trainable_params"], r["non_trainable_params"])
            for r in predicted["layers"]
        ]
        truth_rows = [
            (r["name"], r["class"], r["output_shape"], r["params"], r["trainable_params"], r["non_trainable_params"])
            for r in truth["layers"]
        ]
        if by_variable[truth["variable"]].built is UNKNOWN and may_be_unknown:
            rows = truth_rows = []  # which layers the model has is unknown (one "?" row stands for them)
        assert len(rows) == len(truth_rows), f"{where}: {rows} != {truth_rows}"
        for row, truth_row in zip(rows, truth_rows):
            assert _agrees(list(row), list(truth_row), may_be_unknown), f"{where}: {row} != {truth_row}"
        # A trained model's total adds the optimizer's variables ("Optimizer params"), which
        # kerascheck does not model: unknown (engine/summary.py), never a different number.
        trained = "optimizer_params" in truth
        for key in ("total_params", "trainable_params", "non_trainable_params"):
            assert _agrees(predicted[key], truth[key], may_be_unknown or trained and key == "total_params"), where
        summary = by_variable[truth["variable"]]
        for key, size in (("total_size", summary.total_bytes), ("trainable_size", summary.trainable_bytes),
                          ("non_trainable_size", summary.non_trainable_bytes)):
            if key in truth:  # the sizes Keras prints beside the counts
                printed = "?" if size is UNKNOWN else readable_memory_size(size)
                unknown_allowed = may_be_unknown or trained and key == "total_size"
                assert _agrees(printed, truth[key], unknown_allowed), f"{where}: {key} {printed} != {truth[key]}"


@pytest.mark.parametrize("fixture", FIXTURES, ids=_id)
def test_summary_text_matches_keras_where_keras_truncates_nothing(fixture: Path) -> None:
    expected_models, summaries, _ = _models(fixture)
    by_variable = {s.variable: s for s in summaries}
    compared = 0
    for truth in expected_models:
        text = truth.get("summary_text")
        summary = by_variable.get(truth["variable"])
        if not text or summary is None or "…" in text:
            continue  # Keras cut a cell; kerascheck deliberately widens instead
        # Rows print "?" where Keras does too (unbuilt layers, layers of subclassed models).
        shapes = [row["output_shape"] for row in json_report.model_json(summary)["layers"]]
        keras_shapes = [row["output_shape"] for row in truth["layers"]]
        if not (_known([r.output for r in summary.rows]) or shapes == keras_shapes):
            continue
        totals = (summary.trainable_params, summary.trainable_bytes)
        if "optimizer_params" not in truth:  # else Keras's total has the optimizer's variables, not modelled
            totals += (summary.total_params, summary.total_bytes)
        names = (summary.name, *(row.name for row in summary.rows))
        if any(value is UNKNOWN for value in (*totals, *names)):
            assert fixture.stem.startswith("unresolvable_"), f"{truth['variable']}: totals unknown"
            continue  # kerascheck prints "?" for what it cannot know
        if "optimizer_params" in truth:
            continue  # Keras prints the optimizer's variables, which kerascheck does not model
        assert summary_table.render(summary).rstrip("\n") == text.rstrip("\n")
        compared += 1
    if not compared:
        pytest.skip("no model of this fixture prints without truncation")


def test_the_five_seed_models_are_among_the_fixtures() -> None:
    names = {p.stem for p in FIXTURES}
    seeds = {n for n in names if n.startswith("seed_")}
    assert len(seeds) >= 5, seeds


def test_fixtures_live_in_the_repository() -> None:
    assert all(p.is_relative_to(ROOT) for p in FIXTURES)


def test_models_a_layer_builds_for_itself_are_not_reported() -> None:
    """A Sequential block made in a custom layer's ``__init__`` is part of that layer; only
    models the file's own code binds are summaries (here ``model``)."""
    fixture = ROOT / "fixtures" / "summary" / "unresolvable_transformer_text_classifier.py"
    assert [s.variable for s in analyse_path(fixture).summaries] == ["model"]


def test_every_fixture_was_recorded_from_its_current_source() -> None:
    """CI's oracle re-checks a part of the fixtures with Keras each run (tests/test_oracle_recording.py);
    every run, here, each fixture must be the source its record was made from (the digests
    ``tests/oracle/record.py`` notes in ``fixtures/recorded_sources.json``): re-record one you change."""
    import hashlib
    import json

    recorded = json.loads((ROOT / "fixtures" / "recorded_sources.json").read_text(encoding="utf-8"))
    fixtures = {
        path.relative_to(ROOT).as_posix(): path
        for path in [*(ROOT / "fixtures").glob("**/*.py"), *(ROOT / "fixtures").glob("**/*.ipynb")]
        if path.with_name(path.stem + ".expected.json").exists()
    }
    assert sorted(recorded) == sorted(fixtures), "fixtures and their noted sources differ: re-record"
    changed = [path for path, fixture in sorted(fixtures.items())
               if hashlib.sha256(fixture.read_bytes()).hexdigest() != recorded[path]]
    assert not changed, f"changed since recorded (KERAS_BACKEND=jax python tests/oracle/record.py ...): {changed}"
