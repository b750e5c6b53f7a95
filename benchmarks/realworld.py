"""How much of real Keras's summaries kerascheck predicts on published code it has never seen.

    python benchmarks/realworld.py [--json] [--verbose] [IDS...]

For every script of the real-world corpus (``tests/realworld/corpus.json``, materialized into
``tests/realworld/scripts/`` by ``tests/realworld/corpus.py materialize``), kerascheck is run
in-process (``kerascheck.analysis.analyse_path``) and held to the truth recorded from real
Keras beside the script (``<name>.expected.json``, by ``tests/realworld/record.py``).

* Each summary row is *exact* (name, class, output shape and the three parameter counts all equal
  Keras's), *unknown* (kerascheck says ``?`` for some of it and nothing it says is wrong) or
  *wrong*.  A shape of unknown rank (JSON ``[null, "?...", 64]``) is unknown where its known
  first and last dimensions agree with Keras's, else wrong.  Rows are matched by position, as in
  ``benchmarks/accuracy.py``, whose verdicts are reused.
* *Names*: among the rows whose class, shape and counts are exact, the share whose name is too.
* Model totals (the three counts and the sizes printed beside them): exact / unknown / wrong.
* *Vanished*: a model Keras built (bound to a module-level global) that kerascheck did not report
  under that variable; its rows count as unknown.
* *KC004*: kerascheck's internal errors.  *False positives*: error diagnostics (KC004 aside) on a
  script that real Keras ran to the end without an error.

A script whose recorded run stopped on an error (a synthetic input the shims could not make
right, say) is measured on the models bound before it stopped; for such a script, a variable's
prediction is the last model kerascheck reports for it at or above the error's line.  Code after
that point, which Keras never ran, can still change what kerascheck predicts (a later
``layer.trainable = False``, a model built later in the same function), so the figures are also
given for the scripts Keras ran to the end (``ran_to_the_end`` in the JSON).

Exit status 1 on any wrong number, false positive or KC004; 2 if the corpus is not materialized.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "tests" / "realworld"))

import corpus  # noqa: E402  (tests/realworld/corpus.py)
from accuracy import FIELDS, SIZES, TOTALS, printed_size, verdict  # noqa: E402

from kerascheck.analysis import analyse_path  # noqa: E402
from kerascheck.reporters.json_report import model_json  # noqa: E402
from kerascheck.engine.dims import UNKNOWN  # noqa: E402

SHAPE_AND_COUNTS = ("class", "output_shape", "params", "trainable_params", "non_trainable_params")


def _worst(kinds) -> str:
    kinds = set(kinds)
    return "wrong" if "wrong" in kinds else "unknown" if "unknown" in kinds else "exact"


def _counter() -> dict[str, int]:
    return {"exact": 0, "unknown": 0, "wrong": 0}


def _stop(script: corpus.Script, error: dict | None) -> tuple[int, int] | None:
    """Where the recorded run stopped, as (cell, line); cell 0 in a .py file.  The recorder
    counts a notebook's lines in its code cells run as one script, kerascheck within each cell."""
    if not error or not error.get("line"):
        return None
    if script.suffix != ".ipynb":
        return (0, error["line"])
    from kerascheck.notebooks import read_notebook

    lines = read_notebook(script.file.read_text(encoding="utf-8"), str(script.file)).lines
    return lines[min(error["line"], len(lines)) - 1]


def _pick(summaries, variable: str, stop: tuple[int, int] | None):
    """The prediction for ``variable``: its last model (at or above ``stop``, if the run stopped)."""
    candidates = [s for s in summaries if s.variable == variable]
    if stop is not None:
        before = [s for s in candidates
                  if s.span is None or (s.span.cell or 0, s.span.line) <= stop]
        candidates = before or candidates
    return candidates[-1] if candidates else None


def _short(value) -> str:
    return json.dumps(value) if not isinstance(value, str) else value


def measure(script: corpus.Script) -> dict:
    truth = json.loads(script.expected.read_text(encoding="utf-8"))
    started = time.perf_counter()
    result = analyse_path(script.file)
    seconds = time.perf_counter() - started
    error = truth.get("error")
    stop = _stop(script, error)
    report = {
        "id": script.id,
        "seconds": round(seconds, 2),
        "keras_error": error,
        "rows": _counter(),
        "names": {"exact": 0, "of": 0},
        "totals": _counter(),
        "models": len(truth["models"]),
        "vanished": [],
        "kc004": [],
        "false_positives": [],
        "problems": [],  # every non-exact row and total, with its reason
    }
    for diagnostic in result.diagnostics:
        where = f"{diagnostic.span.line}:{diagnostic.span.column}"
        if diagnostic.span.cell is not None:
            where = f"cell {diagnostic.span.cell} {where}"
        text = f"{where} {diagnostic.code} {diagnostic.message}"
        if diagnostic.code == "KC004":
            report["kc004"].append(text)
        elif diagnostic.severity == "error" and not error:
            report["false_positives"].append(text)
    for model in truth["models"]:
        variable = model["variable"]
        summary = _pick(result.summaries, variable, stop)
        if summary is None:
            report["vanished"].append(variable)
            report["rows"]["unknown"] += len(model["layers"])
            report["totals"]["unknown"] += 1
            report["problems"].append(f"{variable}: vanished (Keras built {model['name']!r}, "
                                      f"{len(model['layers'])} rows; kerascheck reported no model)")
            continue
        if summary.optimizer_params is not None and "Optimizer params" not in (model.get("summary_text") or ""):
            # The shims skip fit() on a model that is already built (tests/realworld/shims.py), so
            # the recorded model has no optimizer variables where the real script's would have:
            # held to that truth, kerascheck's totals are taken without them.
            summary = _untrained(summary)
        mine = model_json(summary)
        mine.update({key: printed_size(summary, attr) for key, attr in SIZES.items()})
        layers = mine["layers"]
        if len(layers) != len(model["layers"]):
            report["problems"].append(f"{variable}: kerascheck has {len(layers)} rows, "
                                      f"Keras {len(model['layers'])}")
        if len(layers) < len(model["layers"]):
            report["problems"].append(
                f"{variable} rows {len(layers)}-{len(model['layers']) - 1}: unknown: "
                f"kerascheck has no row there (Keras: "
                f"{', '.join(r['name'] for r in model['layers'][len(layers):][:6])}"
                f"{', …' if len(model['layers']) - len(layers) > 6 else ''})")
        for index, row in enumerate(model["layers"]):
            guess = layers[index] if index < len(layers) else {}
            kinds = {f: verdict(guess.get(f, "?"), row[f]) for f in FIELDS}
            result_kind = _worst(kinds.values())
            report["rows"][result_kind] += 1
            if all(kinds[f] == "exact" for f in SHAPE_AND_COUNTS):
                report["names"]["of"] += 1
                report["names"]["exact"] += kinds["name"] == "exact"
            if result_kind != "exact" and guess:
                where = f"line {guess['line']}" if guess.get("line") else "no row"
                if guess.get("cell"):
                    where = f"cell {guess['cell']} {where}"
                reasons = "; ".join(
                    f"{f} {_short(guess.get(f, '?'))} vs Keras {_short(row[f])} ({kinds[f]})"
                    for f in FIELDS if kinds[f] != "exact"
                )
                report["problems"].append(
                    f"{variable} row {index} {row['name']} ({row['class']}) [{where}]: "
                    f"{result_kind}: {reasons}")
        kinds = {f: verdict(mine.get(f), model[f]) for f in (*TOTALS, *SIZES) if f in model}
        total_kind = _worst(kinds.values())
        report["totals"][total_kind] += 1
        if total_kind != "exact":
            reasons = "; ".join(f"{f} {_short(mine.get(f))} vs Keras {_short(model[f])} ({k})"
                                for f, k in kinds.items() if k != "exact")
            report["problems"].append(f"{variable} totals: {total_kind}: {reasons}")
    return report


def _untrained(summary):
    """``summary`` as of a model whose optimizer was never built."""
    from dataclasses import replace

    def minus(total, part):
        return UNKNOWN if total is UNKNOWN or part is UNKNOWN else total - part

    def without(total, trainable, non_trainable, part):
        if trainable is not UNKNOWN and non_trainable is not UNKNOWN:
            return trainable + non_trainable
        return minus(total, part)

    return replace(
        summary, optimizer_params=None, optimizer_bytes=None,
        total_params=without(summary.total_params, summary.trainable_params, summary.non_trainable_params,
                             summary.optimizer_params),
        total_bytes=without(summary.total_bytes, summary.trainable_bytes, summary.non_trainable_bytes,
                            summary.optimizer_bytes),
    )


def _add(into: dict, report: dict) -> None:
    for key in ("rows", "totals"):
        for kind, n in report[key].items():
            into[key][kind] += n
    into["names"]["exact"] += report["names"]["exact"]
    into["names"]["of"] += report["names"]["of"]
    into["models"] += report["models"]
    for key in ("vanished", "kc004", "false_positives"):
        into[key] += len(report[key])
    into["seconds"] += report["seconds"]


def _share(part: int, whole: int) -> str:
    return f"{part / whole:.1%}" if whole else "-"


def _line(counts: dict[str, int]) -> str:
    total = sum(counts.values())
    return (f"{total}, exact {counts['exact']} ({_share(counts['exact'], total)}), "
            f"unknown {counts['unknown']}, wrong {counts['wrong']}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("scripts", nargs="*", help="corpus ids, id prefixes or paths (default: all)")
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.add_argument("--verbose", action="store_true",
                        help="list every non-exact row and total, vanished model and diagnostic")
    args = parser.parse_args(argv)

    scripts = [s for s in corpus.select(args.scripts) if s.expected.exists()]
    absent = corpus.missing(scripts)
    if absent:
        print(f"{len(absent)} script(s) not materialized (run tests/realworld/corpus.py "
              f"materialize): {', '.join(s.id for s in absent[:5])}", file=sys.stderr)
        return 2
    def empty():
        return {"scripts": 0, "rows": _counter(), "names": {"exact": 0, "of": 0},
                "totals": _counter(), "models": 0, "vanished": 0, "kc004": 0,
                "false_positives": 0, "seconds": 0.0}

    total, to_the_end = empty(), empty()
    reports = []
    for script in scripts:
        report = measure(script)
        reports.append(report)
        for into in (total, to_the_end) if not report["keras_error"] else (total,):
            into["scripts"] += 1
            _add(into, report)
        if args.json:
            continue
        rows, totals = report["rows"], report["totals"]
        flags = "".join([
            f", vanished {len(report['vanished'])}" if report["vanished"] else "",
            f", false positives {len(report['false_positives'])}" if report["false_positives"] else "",
            f", KC004 {len(report['kc004'])}" if report["kc004"] else "",
        ])
        print(f"{script.id}: rows {rows['exact']}/{rows['unknown']}/{rows['wrong']}, "
              f"totals {totals['exact']}/{totals['unknown']}/{totals['wrong']}{flags}")
        if args.verbose:
            for line in report["problems"]:
                print(f"    {line}")
            for line in report["false_positives"]:
                print(f"    false positive: {line}")
            for line in report["kc004"]:
                print(f"    KC004: {line}")
    total["seconds"] = round(total["seconds"], 1)
    to_the_end["seconds"] = round(to_the_end["seconds"], 1)
    total["ran_to_the_end"] = to_the_end
    failed = total["rows"]["wrong"] or total["totals"]["wrong"] or total["false_positives"] or total["kc004"]
    if args.json:
        print(json.dumps({"total": total, "scripts": reports}, indent=1))
        return 1 if failed else 0
    print(f"\nscripts: {total['scripts']} (rows and totals above: exact/unknown/wrong), "
          f"kerascheck took {total['seconds']} s")
    print(f"layer rows: {_line(total['rows'])}")
    names = total["names"]
    print(f"names exact among otherwise exact rows: {names['exact']} of {names['of']} "
          f"({_share(names['exact'], names['of'])})")
    print(f"model totals: {_line(total['totals'])}")
    print(f"models Keras built: {total['models']}, vanished {total['vanished']}")
    print(f"false positives: {total['false_positives']}, internal errors (KC004): {total['kc004']}")
    end = to_the_end
    print(f"\nof which the {end['scripts']} scripts Keras ran to the end (no later code that Keras "
          f"never ran, which kerascheck reads, can change their models):")
    print(f"  layer rows: {_line(end['rows'])}")
    print(f"  names exact among otherwise exact rows: {end['names']['exact']} of {end['names']['of']} "
          f"({_share(end['names']['exact'], end['names']['of'])})")
    print(f"  model totals: {_line(end['totals'])}; vanished {end['vanished']}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
