from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"


def summary_fixtures() -> list[Path]:
    """Model files with truth recorded from real Keras beside them."""
    sources = [*FIXTURES.rglob("*.py"), *FIXTURES.rglob("*.ipynb")]
    return sorted(p for p in sources if p.with_suffix(".expected.json").exists())


def load_expected(fixture: Path) -> dict:
    return json.loads(fixture.with_suffix(".expected.json").read_text())
