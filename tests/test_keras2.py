"""``--keras-version 2``: what Keras 2 (tf-keras) printed for the fixtures, exact or unknown.

Truth: ``fixtures/**/*.expected_keras2.json``, written by ``tests/oracle/record_keras2.py``
running the fixtures with tf-keras.  Under ``--keras-version 2`` a layer keeps its rule only
where Keras 2 was recorded to agree with Keras 3 (``kerascheck/knowledge/keras2.py``), so a
prediction may be unknown; it may never be a different number, and a model whose every
row is known must print Keras 2's summary text exactly.
"""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path

import pytest

from conftest import ROOT
from kerascheck.analysis import analyse_path
from kerascheck.config import Settings
from kerascheck.engine.dims import UNKNOWN
from kerascheck.knowledge import keras2
from kerascheck.reporters import keras2_table

KERAS2 = Settings(keras_version=2)
RECORDS = sorted((ROOT / "fixtures").glob("*/*.expected_keras2.json"))


def _fixture(record: Path) -> Path:
    return record.with_name(record.name.replace(".expected_keras2.json", ".py"))


def _agrees(predicted: str, truth: str) -> bool:
    """Texts equal, or equal where the prediction is not ``?``."""
    if predicted == truth:
        return True
    # "?" is one unknown value; "?..." any number of unknown dimensions (none included).
    pattern = re.escape(predicted)
    for mark, wildcard in ((re.escape("?..., "), r"(?:.+?, )?"), (re.escape(", ?..."), r"(?:, .+?)?"),
                           (re.escape("?..."), r".*?"), (re.escape("?"), r".+?")):
        pattern = pattern.replace(mark, wildcard)
    return "?" in predicted and re.match("^" + pattern + "$", truth) is not None


def _same(predicted: object, truth: object) -> bool:
    return predicted is UNKNOWN or predicted == truth


def _predictions(record: Path) -> tuple[dict, dict]:
    truth = json.loads(record.read_text(encoding="utf-8"))
    result = analyse_path(_fixture(record), KERAS2)
    return truth, result


def test_records_exist_for_every_fixture() -> None:
    fixtures = sorted(p for folder in ("summary", "projects") for p in (ROOT / "fixtures" / folder).glob("*.py"))
    assert len(RECORDS) == len(fixtures) >= 60


@pytest.mark.parametrize("record", RECORDS, ids=lambda p: p.name.replace(".expected_keras2.json", ""))
def test_keras2_summaries_are_exact_or_unknown(record: Path) -> None:
    truth, result = _predictions(record)
    by_variable = {s.variable: s for s in result.summaries}
    for model in truth["models"]:
        summary = by_variable.get(model["variable"])
        if summary is None:
            continue  # not predicted at all: unknown
        assert _same(summary.name, model["name"])
        if model["summary_text"] is None:
            assert summary.built is not True, f"{model['variable']}: Keras 2 cannot summarize it"
            continue
        assert summary.built is not False
        if summary.built is UNKNOWN and len(summary.rows) != len(model["rows"]):
            continue  # which layers the model has is unknown
        assert len(summary.rows) == len(model["rows"])
        for row, expected in zip(summary.rows, model["rows"]):
            fields = keras2_table.row_fields(row, connected=False)
            assert _same(row.name, expected["name"])
            assert row.class_name in (expected["class"], "?")
            assert _agrees(fields[1], expected["output_shape"]), (row.name, fields[1], expected["output_shape"])
            assert _same(row.params, expected["params"]), (row.name, row.params, expected["params"])
        for key in ("total_params", "trainable_params", "non_trainable_params"):
            assert _same(getattr(summary, key), model[key])
        text = keras2_table.render(summary)
        if "?" not in text:
            assert text == model["summary_text"]


@pytest.mark.parametrize(
    "record",
    [r for r in RECORDS if json.loads(r.read_text(encoding="utf-8"))["error"] is None],
    ids=lambda p: p.name.replace(".expected_keras2.json", ""),
)
def test_no_error_where_keras2_raises_none(record: Path) -> None:
    _, result = _predictions(record)
    assert [d for d in result.diagnostics if d.severity == "error"] == []


def test_most_fixture_models_are_fully_predicted() -> None:
    """The share of Keras 2 summaries printed exactly, so that the mode is useful, not just safe
    (over the fixtures that can be: those named ``unresolvable_`` exist to be unknown)."""
    exact = total = 0
    for record in RECORDS:
        if record.name.startswith("unresolvable_"):
            continue
        truth, result = _predictions(record)
        by_variable = {s.variable: s for s in result.summaries}
        for model in truth["models"]:
            if model["summary_text"] is None:
                continue
            total += 1
            summary = by_variable.get(model["variable"])
            exact += summary is not None and keras2_table.render(summary) == model["summary_text"]
    assert total >= 80
    assert exact / total >= 0.8, f"{exact} of {total} Keras 2 summaries exact"


def test_knowledge_matches_the_records() -> None:
    """knowledge/keras2.py is what the recorded layer cases give (regenerated by the oracle script)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("layer_cases_keras2", ROOT / "tests/oracle/layer_cases_keras2.py")
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    assert module.knowledge_text() == (ROOT / "kerascheck/knowledge/keras2.py").read_text()
    assert keras2.SAME and keras2.MISSING and "Dense" in keras2.SAME


def test_keras2_settings_do_not_change_keras3_results() -> None:
    fixture = ROOT / "fixtures/summary/seed_conv_pool_dense.py"
    keras3 = analyse_path(fixture)
    assert keras3.summaries[0].keras_version == 3
    assert analyse_path(fixture, replace(KERAS2, keras_version=3)) == keras3


# ---------------------------------------------------------------- Keras 2's words
def _keras2_layer_case_errors() -> list[tuple[str, str, str | None]]:
    """``(case id, the engine's Keras 3 message, what tf-keras raised)`` for every recorded layer
    case on which the engine, under Keras 2, reports an error."""
    import test_layer_rules

    keras2_cases = {
        c["id"]: c
        for path in sorted((ROOT / "fixtures" / "layers_keras2").glob("*.json"))
        for c in json.loads(path.read_text())["cases"]
    }
    found = []
    original = test_layer_rules.Session
    test_layer_rules.Session = lambda: original(keras_version=2)  # type: ignore[assignment,misc]
    try:
        for case in test_layer_rules.CASES:
            session, _, _ = test_layer_rules.run_case(case)
            if session.errors:
                found.append((case["id"], session.errors[0].message, keras2_cases[case["id"]].get("error")))
    finally:
        test_layer_rules.Session = original  # type: ignore[assignment]
    return found


def test_keras2_messages_are_the_words_tf_keras_raised() -> None:
    """Every translation gives exactly what tf-keras raised on each recorded case it words, and each
    one words at least one recorded case; a message no translation words is not quoted."""
    from kerascheck.knowledge.keras2_messages import TRANSLATIONS, keras2_message, translation_index

    used: dict[int, int] = {}
    quoted = 0
    errors = _keras2_layer_case_errors()
    assert len(errors) > 100
    for case_id, keras3_words, recorded in errors:
        assert recorded is not None, f"{case_id}: kerascheck reports an error where tf-keras raised none"
        words = keras2_message(keras3_words)
        if words is None:
            continue
        assert words == recorded, case_id
        quoted += 1
        index = translation_index(keras3_words)
        used[index] = used.get(index, 0) + 1  # type: ignore[index]
    unused = [TRANSLATIONS[i][0] for i in range(len(TRANSLATIONS)) if i not in used]
    assert not unused, f"translations no recorded case proves: {unused}"
    assert quoted / len(errors) >= 0.6, f"{quoted} of {len(errors)} errors quoted in Keras 2's words"


ERROR_RECORDS = [r for r in RECORDS if (json.loads(r.read_text(encoding="utf-8"))["error"] or {}).get("message")]


def _first_error(result):  # noqa: ANN001, ANN202
    """The diagnostic of what a run of the file raises first: the first error in the file."""
    errors = sorted((d for d in result.diagnostics if d.severity == "error"), key=lambda d: (d.span.line, d.span.column))
    return errors[0] if errors else None


def test_diagnostics_quote_keras2_where_it_raised() -> None:
    """On the fixtures where tf-keras raised: the diagnostic of the first error quotes tf-keras's
    words (or nothing), never Keras 3's where they differ."""
    quoted = reported = 0
    for record in ERROR_RECORDS:
        truth, result = _predictions(record)
        diagnostic = _first_error(result)
        if diagnostic is None or diagnostic.code.startswith("KC4"):
            continue  # compile() and data errors say Keras 2 raises there, without its words (not recorded)
        reported += 1
        _, _, words = diagnostic.message.partition(" Keras: ")
        if words:  # a `?` stands for what kerascheck does not know (a size from data)
            assert _agrees(words, truth["error"]["message"]), record.name
            quoted += 1
        keras3 = json.loads(_fixture(record).with_suffix(".expected.json").read_text(encoding="utf-8"))["error"]
        if keras3 and keras3["message"] != truth["error"]["message"]:
            assert keras3["message"] not in diagnostic.message, record.name
    assert quoted == reported >= 3  # every one of them is worded as tf-keras words it


def test_a_rank_error_is_quoted_in_each_versions_words() -> None:
    fixture = ROOT / "fixtures" / "summary" / "error_stacked_lstm_without_return_sequences.py"
    keras2_truth = json.loads(fixture.with_suffix(".expected_keras2.json").read_text(encoding="utf-8"))["error"]
    keras3_truth = json.loads(fixture.with_suffix(".expected.json").read_text(encoding="utf-8"))["error"]
    assert keras3_truth["message"] != keras2_truth["message"]
    assert _first_error(analyse_path(fixture, KERAS2)).message.endswith(f" Keras: {keras2_truth['message']}")
    assert _first_error(analyse_path(fixture)).message.endswith(f" Keras: {keras3_truth['message']}")
