"""How much of real Keras's summaries kerascheck predicts, over the recorded fixtures.

    python benchmarks/accuracy.py

For every model recorded from real Keras (``fixtures/**/*.expected.json``), each
summary row counts as *exact* (name, class, output shape and the three parameter
counts all equal Keras's), *unknown* (kerascheck says ``?`` for some of it and
nothing it says is wrong) or *wrong*; model totals likewise (the three counts and the
sizes printed beside them).  Models Keras never finished building (the fixture raised
first) are left out.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kerascheck.analysis import analyse_path  # noqa: E402
from kerascheck.engine.dims import UNKNOWN, UNKNOWN_DIMS  # noqa: E402
from kerascheck.engine.summary import readable_memory_size  # noqa: E402
from kerascheck.reporters.json_report import model_json  # noqa: E402

FIELDS = ("name", "class", "output_shape", "params", "trainable_params", "non_trainable_params")
TOTALS = ("total_params", "trainable_params", "non_trainable_params")
SIZES = {"total_size": "total_bytes", "trainable_size": "trainable_bytes", "non_trainable_size": "non_trainable_bytes"}


def printed_size(summary: object, attribute: str) -> str:
    """A size as summary() prints it beside a count (``688.00 B``), or ``?``."""
    size = getattr(summary, attribute)
    return "?" if size is UNKNOWN else readable_memory_size(size)


def verdict(predicted: object, truth: object) -> str:
    if predicted == truth:
        return "exact"
    if predicted in ("?", None):
        return "unknown"
    if isinstance(predicted, list) and UNKNOWN_DIMS in predicted and isinstance(truth, list):
        # A shape of unknown rank: unknown, or wrong where its first or last dimensions are.
        cut = predicted.index(UNKNOWN_DIMS)
        head, tail = predicted[:cut], predicted[cut + 1 :]
        if len(truth) < len(head) + len(tail):
            return "wrong"
        ends = [verdict(p, t) for p, t in zip(head + tail, truth[: len(head)] + truth[len(truth) - len(tail) :])]
        return "wrong" if "wrong" in ends else "unknown"
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
        summaries = {s.variable: s for s in analyse_path(fixture).summaries}
        predicted = {variable: model_json(s) for variable, s in summaries.items()}
        for model in truth["models"]:
            mine = predicted.get(model["variable"])
            if mine is not None:  # the sizes printed beside the totals count with them
                mine.update({key: printed_size(summaries[model["variable"]], attr) for key, attr in SIZES.items()})
            layers = mine["layers"] if mine else []
            for index, row in enumerate(model["layers"]):
                guess = layers[index] if index < len(layers) else {}
                kinds = {verdict(guess.get(f, "?"), row[f]) for f in FIELDS}
                result = "wrong" if "wrong" in kinds else "unknown" if "unknown" in kinds else "exact"
                rows[result] += 1
                if result == "wrong":
                    wrong.append(f"{fixture.relative_to(ROOT)}: {model['variable']} row {index}")
            kinds = {verdict(mine.get(f) if mine else None, model[f]) for f in (*TOTALS, *SIZES) if f in model}
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
