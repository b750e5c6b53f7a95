"""Every rule is proven by its own examples and by fixtures, and documented from its definition.

A ``# KC101`` comment marks a line where the diagnostic must be reported; a
file or example without markers must produce no diagnostic at all.
"""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path

import pytest

from conftest import FIXTURES, ROOT
from kerascheck.analysis import analyse_path, analyse_source
from kerascheck.config import settings_from_table
from kerascheck.rules import ALL_RULES, RULES_BY_CODE, marked_lines, render_doc
from kerascheck.rules.docs import pages

EXAMPLES = [(rule, kind, index, source) for rule in ALL_RULES for kind, index, source in rule.examples()]
EXAMPLE_TRUTH = FIXTURES / "rules" / "rule_examples.json"
MARKED_FIXTURES = sorted(
    p for p in FIXTURES.rglob("*.py") if p.with_suffix(".expected.json").exists()
)


def _reported(result) -> list[tuple[int, str]]:  # noqa: ANN001
    return sorted((d.span.line, d.code) for d in result.diagnostics)


@pytest.mark.parametrize(
    ("rule", "kind", "index", "source"), EXAMPLES, ids=[f"{r.code}-{k}-{i}" for r, k, i, _ in EXAMPLES]
)
def test_rule_reports_exactly_the_marked_lines_of_its_examples(rule, kind, index, source) -> None:  # noqa: ANN001
    settings = replace(settings_from_table(rule.example_config, ROOT, "example"), extend_select=(rule.code,))
    result = analyse_source(source, f"{rule.code}_{kind}_{index}.py", settings)
    expected = sorted(marked_lines(source))
    assert _reported(result) == expected
    if kind == "invalid":
        assert any(code == rule.code for _, code in expected), "an invalid example must mark its rule"


def test_every_rule_with_engine_errors_or_checks_has_examples_both_ways() -> None:
    for rule in ALL_RULES:
        if rule.code.startswith("KC0"):
            continue
        assert rule.invalid and rule.valid, rule.code


def test_rule_examples_agree_with_real_keras() -> None:
    """Recorded by tests/oracle/record.py: Keras raises on exactly the examples that say so."""
    truth = json.loads(EXAMPLE_TRUTH.read_text())
    recorded = {(e["code"], e["kind"], e["index"]): e for e in truth["examples"]}
    for rule, kind, index, source in EXAMPLES:
        entry = recorded.get((rule.code, kind, index))
        assert entry is not None, f"{rule.code} {kind} {index} was not recorded: re-run the recorder"
        assert entry["source"] == source, f"{rule.code} {kind} {index} changed since it was recorded"
        keras_raised = entry["error"] is not None
        assert keras_raised == (kind == "invalid" and rule.keras_raises), (rule.code, kind, index, entry["error"])


@pytest.mark.parametrize("fixture", MARKED_FIXTURES,
                         ids=lambda p: str(p.relative_to(FIXTURES)))
def test_fixture_diagnostics_are_exactly_its_markers(fixture: Path) -> None:
    source = fixture.read_text()
    result = analyse_path(fixture)
    assert _reported(result) == sorted(marked_lines(source))
    truth = json.loads(fixture.with_suffix(".expected.json").read_text())
    marks = {code for _, code in marked_lines(source)}
    keras_errors = {c for c in marks if RULES_BY_CODE[c].keras_raises}
    if truth.get("error"):
        assert keras_errors, f"Keras raised {truth['error']['message']!r} but nothing is marked"
    else:
        assert not keras_errors, f"Keras built this file, but {sorted(keras_errors)} are marked"


def test_rule_docs_are_generated_from_the_definitions() -> None:
    folder = ROOT / "docs" / "rules"
    for name, text in pages().items():
        assert (folder / name).read_text(encoding="utf-8") == text, (
            f"docs/rules/{name} is stale: run python -m kerascheck.rules.docs"
        )


def test_codes_are_unique_and_well_formed() -> None:
    codes = [rule.code for rule in ALL_RULES]
    assert len(codes) == len(set(codes))
    assert all(c.startswith("KC") and len(c) == 5 and c[2:].isdigit() for c in codes)


FILE_RULES = [rule for rule in ALL_RULES if rule.code.startswith("KC0")]


@pytest.mark.parametrize("rule", FILE_RULES, ids=lambda r: r.code)
def test_file_rules_have_an_example_whose_session_prints_what_it_shows(rule, tmp_path: Path) -> None:  # noqa: ANN001
    """KC0xx rules are about files, not models: their example is a session, run here as written."""
    from snippets import run_sessions

    page = render_doc(rule)
    example = page.split("## Example\n", 1)[1]
    assert example.strip(), f"{rule.code} has an empty example"
    steps = run_sessions(example, tmp_path)
    for step in steps:
        assert step.printed == step.expected, step.command
    if rule.code == "KC004":  # kerascheck's own failure cannot be shown by a command: force one
        assert not steps
        (shown,) = re.findall(r"^model\.py:1:1: KC004 .*$", example, re.M)
        import kerascheck.analysis

        def fail(*args: object) -> None:
            raise RecursionError("maximum recursion depth exceeded")

        source = "import keras\n"
        original = kerascheck.analysis._analyse_source
        kerascheck.analysis._analyse_source = fail  # type: ignore[assignment]
        try:
            result = kerascheck.analysis.analyse_source(source, "model.py")
        finally:
            kerascheck.analysis._analyse_source = original
        (diagnostic,) = result.diagnostics
        assert f"{diagnostic.path}:{diagnostic.span.line}:{diagnostic.span.column}: {diagnostic.code} {diagnostic.message}" == shown
    else:
        assert steps and all(s.command.startswith(("kerascheck ", "printf ", "python3 ")) for s in steps)
        assert any(f" {rule.code} " in s.printed for s in steps)
