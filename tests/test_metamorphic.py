"""Unknown is not absent and not a crash: every fixture, with one literal (a layer argument, a
shape, a loop bound, a config value) or one input shape made a value read at run time, keeps
everything that does not depend on it (see tests/metamorphic.py for what is compared).

A sample of each fixture's variants runs here (three literals and two input shapes, picked by
the fixture's name); ``KERASCHECK_METAMORPHIC=all`` runs every variant, as
``python tests/metamorphic.py`` does.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import ROOT
from metamorphic import check_fixture, fixtures, sample, variants

FIXTURES = fixtures()
EVERY_VARIANT = os.environ.get("KERASCHECK_METAMORPHIC") == "all"


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: str(p.relative_to(ROOT / "fixtures").with_suffix("")))
def test_a_value_read_at_run_time_changes_nothing_that_does_not_depend_on_it(fixture: Path) -> None:
    every = variants(fixture.read_text())
    chosen = every if EVERY_VARIANT else sample(fixture, every, literals=3, shapes=2)
    if not chosen:
        pytest.skip("no literal or input shape to replace")
    problems = [f"{outcome.variant}: {problem}" for outcome in check_fixture(fixture, chosen) for problem in outcome.problems]
    assert not problems, "\n".join(problems)


def test_the_variants_replace_what_real_code_reads_from_data() -> None:
    """Literals in calls, assignments and defaults, and whole input shapes; never in conditions."""
    source = (
        "import keras\n"
        "UNITS = 64\n"
        "if UNITS > 32:\n"
        "    pass\n"
        "x = keras.Input(shape=(28, 28))\n"
        "y = keras.layers.Dense(UNITS * 2)(x)\n"
    )
    found = [(v.kind, v.line, v.original) for v in variants(source)]
    assert found == [("literal", 2, "64"), ("input shape", 5, "28, 28"), ("literal", 5, "28"), ("literal", 5, "28")]
    assert variants(source)[0].apply(source).split("\n")[1] == "UNITS = int(input())"
