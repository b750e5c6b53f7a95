"""How much of real Keras's summaries kerascheck predicts, over the recorded fixtures.

    python benchmarks/accuracy.py

For every model recorded from real Keras (``fixtures/**/*.expected.json``), each
summary row counts as *exact* (name, class, output shape and the three parameter
counts all equal Keras's), *unknown* (kerascheck says ``?`` for some of it and
nothing it says is wrong) or *wrong*; model totals likewise.  Models Keras never
finished building (the fixture raised first) are left out.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kerascheck.analysis import analyse_path  # noqa: E402
from kerascheck.reporters.json_report import model_json  # noqa: E402

FIELDS = ("name", "class", "output_shape", "params", "trainable_params", "non_trainable_params")
TOTALS = ("total_params", "trainable_params", "non_trainable_params")


def verdict(predicted: object, truth: object) -> str:
    if predicted == truth:
        return "exact"
    if predicted in ("?", None):
        return "unknown"
    if isinstance(predicted, list) and isinstance(truth, list) and len(predicted) == len(truth):
        verdicts = {verdict(p, t) for p, t in zip(predicted, truth)}
        return "wrong" if "wrong" in verdicts else "unknown"
    return "wrong"


def main() -> int:
    rows = {"exact": 0, "unknown": 0, "wrong": 0}
    totals = {"exact": 0, "unknown": 0, "wrong": 0}
    wrong: list[str] = []
    for expected_file in sorted((ROOT / "fixtures").rglob("*.expected.json")):
        fixture = expected_file.with_name(expected_file.name.replace(".expected.json", ".py"))
        truth = json.loads(expected_file.read_text())
        if truth.get("error"):
            continue
        predicted = {s.variable: model_json(s) for s in analyse_path(fixture).summaries}
        for model in truth["models"]:
            mine = predicted.get(model["variable"])
            layers = mine["layers"] if mine else []
            for index, row in enumerate(model["layers"]):
                guess = layers[index] if index < len(layers) else {}
                kinds = {verdict(guess.get(f, "?"), row[f]) for f in FIELDS}
                result = "wrong" if "wrong" in kinds else "unknown" if "unknown" in kinds else "exact"
                rows[result] += 1
                if result == "wrong":
                    wrong.append(f"{fixture.relative_to(ROOT)}: {model['variable']} row {index}")
            kinds = {verdict(mine.get(f) if mine else None, model[f]) for f in TOTALS}
            totals["wrong" if "wrong" in kinds else "unknown" if "unknown" in kinds else "exact"] += 1
    row_count = sum(rows.values())
    print(f"layer rows: {row_count}, exact {rows['exact']} ({rows['exact'] / row_count:.1%}), "
          f"unknown {rows['unknown']}, wrong {rows['wrong']}")
    model_count = sum(totals.values())
    print(f"model totals: {model_count}, exact {totals['exact']} ({totals['exact'] / model_count:.1%}), "
          f"unknown {totals['unknown']}, wrong {totals['wrong']}")
    for line in wrong:
        print("  wrong:", line)
    return 1 if wrong else 0


if __name__ == "__main__":
    sys.exit(main())
