"""Metamorphic test of *unknown*: a fixture whose one literal becomes a value kerascheck cannot
know must keep everything that does not depend on it.

A *variant* of a fixture replaces one literal by an expression whose value is read at run time
(``int(input())``): a number given to a call or assigned to a name (a layer argument, a shape, a
loop bound, a config value), a boolean or a string given to a call (``return_sequences=True``,
``padding="same"``), or the whole shape of an ``Input`` / ``input_shape=``.  Whatever
that value is, the program is the same program, so compared with the original's analysis the
variant's must:

- raise no internal error (KC004);
- report no error diagnostic the original lacks (an error proven for every value of the
  unknown is proven for the original's value too);
- report every model the original reports;
- print, wherever it still prints a number or a name, the original's.

Positions are compared after undoing the replacement's shift of the columns after it on its
line; replacements that would move lines are not made.

Run as a script for every variant of every fixture (``python tests/metamorphic.py``); the test
suite runs a sample per fixture (``tests/test_metamorphic.py``).
"""

from __future__ import annotations

import hashlib
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

import libcst as cst
from libcst.metadata import MetadataWrapper, PositionProvider

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kerascheck.analysis import analyse_source  # noqa: E402
from kerascheck.engine.dims import UNKNOWN, PartialShape  # noqa: E402

sys.path.insert(0, str(ROOT / "tests"))
from conftest import shape_agrees  # noqa: E402

UNKNOWN_NUMBER = {int: "int(input())", float: "float(input())"}
UNKNOWN_SHAPE = "tuple(input())"
# Keywords (and Input's first argument) that give a model its input shape.
SHAPE_KEYWORDS = frozenset({"shape", "batch_shape", "input_shape", "batch_input_shape"})


@dataclass(frozen=True)
class Variant:
    """One replacement: ``line``, columns ``start``–``end`` (0-based, end exclusive) become ``text``."""

    kind: str  # "literal" or "input shape"
    line: int
    start: int
    end: int
    original: str
    text: str

    def apply(self, source: str) -> str:
        lines = source.split("\n")
        row = lines[self.line - 1]
        lines[self.line - 1] = row[: self.start] + self.text + row[self.end :]
        return "\n".join(lines)

    def original_column(self, line: int, column: int) -> int:
        """A 1-based column of the variant's text, in the original's."""
        shift = len(self.text) - (self.end - self.start)
        if line == self.line and column - 1 >= self.start + len(self.text):
            return column - shift
        return column

    def __str__(self) -> str:
        return f"{self.kind} {self.original!r} at {self.line}:{self.start + 1}"


class _Targets(cst.CSTVisitor):
    """Where a value read from data could stand in real code."""

    METADATA_DEPENDENCIES = (PositionProvider,)

    def __init__(self) -> None:
        self.found: list[tuple[str, cst.CSTNode]] = []
        self.in_conditions: set[int] = set()  # ids of the numbers inside conditions

    def _number(self, node: cst.BaseExpression) -> None:
        if isinstance(node, (cst.Integer, cst.Float)) and id(node) not in self.in_conditions:
            self.found.append(("literal", node))

    def _flag_or_text(self, node: cst.BaseExpression) -> None:
        """A boolean or a string given to a call (``return_sequences=True``, ``padding="same"``)."""
        if isinstance(node, cst.Name) and node.value in ("True", "False") or isinstance(node, cst.SimpleString):
            self.found.append(("literal", node))

    # Conditions decide which code runs: a literal there is a test of another kind.
    def _condition(self, node: cst.CSTNode) -> None:
        collector = _Numbers()
        node.visit(collector)
        self.in_conditions.update(collector.ids)

    def visit_If(self, node: cst.If) -> None:
        self._condition(node.test)

    def visit_While(self, node: cst.While) -> None:
        self._condition(node.test)

    def visit_IfExp(self, node: cst.IfExp) -> None:
        self._condition(node.test)

    def visit_Comparison(self, node: cst.Comparison) -> None:
        self._condition(node)

    def visit_Arg(self, node: cst.Arg) -> None:
        self._number(node.value)
        self._flag_or_text(node.value)
        keyword = node.keyword.value if node.keyword is not None else None
        if keyword in SHAPE_KEYWORDS and isinstance(node.value, (cst.Tuple, cst.List)):
            self.found.append(("input shape", node.value))

    def visit_Call(self, node: cst.Call) -> None:
        func = node.func
        name = func.attr.value if isinstance(func, cst.Attribute) else func.value if isinstance(func, cst.Name) else ""
        if name in ("Input", "InputLayer") and node.args and node.args[0].keyword is None:
            if isinstance(node.args[0].value, (cst.Tuple, cst.List)):
                self.found.append(("input shape", node.args[0].value))

    def visit_Element(self, node: cst.Element) -> None:
        self._number(node.value)

    def visit_Assign(self, node: cst.Assign) -> None:
        self._number(node.value)

    def visit_AnnAssign(self, node: cst.AnnAssign) -> None:
        if node.value is not None:
            self._number(node.value)

    def visit_Param(self, node: cst.Param) -> None:
        if node.default is not None:
            self._number(node.default)


class _Numbers(cst.CSTVisitor):
    def __init__(self) -> None:
        self.ids: set[int] = set()

    def visit_Integer(self, node: cst.Integer) -> None:
        self.ids.add(id(node))

    def visit_Float(self, node: cst.Float) -> None:
        self.ids.add(id(node))


def variants(source: str) -> list[Variant]:
    """Every variant of ``source``, in source order."""
    wrapper = MetadataWrapper(cst.parse_module(source))
    targets = _Targets()
    wrapper.visit(targets)
    positions = wrapper.resolve(PositionProvider)
    found: dict[tuple[int, int, str], Variant] = {}
    lines = source.split("\n")
    for kind, node in targets.found:
        where = positions[node]
        if where.start.line != where.end.line:
            continue  # replacing it would move the lines after it
        line, start, end = where.start.line, where.start.column, where.end.column
        text = lines[line - 1][start:end]
        if isinstance(node, cst.Name):
            replacement = "bool(input())"
        elif isinstance(node, cst.SimpleString):
            replacement = "input()"
        elif kind == "literal":
            value = type(cst.ensure_type(node, (cst.Integer, cst.Float)).evaluated_value)  # type: ignore[arg-type]
            replacement = UNKNOWN_NUMBER[value]
        else:
            replacement = UNKNOWN_SHAPE
        found.setdefault((line, start, kind), Variant(kind, line, start, end, text, replacement))
    return sorted(found.values(), key=lambda v: (v.line, v.start))


def sample(fixture: Path, all_variants: list[Variant], literals: int, shapes: int) -> list[Variant]:
    """A deterministic sample: ``literals`` literal variants and ``shapes`` input-shape ones,
    picked by a hash of the fixture's name (so each fixture tests other literals)."""
    chosen: list[Variant] = []
    for kind, count in (("literal", literals), ("input shape", shapes)):
        pool = [v for v in all_variants if v.kind == kind]
        if not pool:
            continue
        seed = int(hashlib.sha256(f"{fixture.name}:{kind}".encode()).hexdigest(), 16)
        step = max(1, len(pool) // count) if count else len(pool) + 1
        for i in range(min(count, len(pool))):
            chosen.append(pool[(seed + i * step) % len(pool)])
    return chosen


@dataclass
class Outcome:
    variant: Variant
    problems: list[str] = field(default_factory=list)


def _known(value: Any) -> bool:
    return value is not UNKNOWN and value != "?"


def _differs(variant: Any, original: Any, original_failed: bool = False) -> bool:
    """A value the variant prints that is not the original's (an unknown never differs).

    Where the original raised (an error fixture), what it left unknown because Keras stopped
    may be known in the variant, whose error is not proven."""
    if not _known(variant):
        return False
    if isinstance(variant, PartialShape) and isinstance(original, PartialShape):
        return not _knows_no_more(variant, original)
    if not _known(original) or isinstance(original, PartialShape):
        return not original_failed  # the variant claims what the original could not resolve
    if isinstance(variant, PartialShape):
        return not shape_agrees(variant, tuple(original))
    if isinstance(variant, (tuple, list)):
        if not isinstance(original, (tuple, list)) or len(variant) != len(original):
            return True
        return any(_differs(v, o, original_failed) for v, o in zip(variant, original))
    return variant != original


def _knows_no_more(variant: PartialShape, original: PartialShape) -> bool:
    """Two shapes of unknown rank: the variant's known first and last dimensions are among the
    original's, equal or unknown."""
    def within(mine: tuple, theirs: tuple) -> bool:
        return len(mine) <= len(theirs) and all(m is UNKNOWN or m == t for m, t in zip(mine, theirs))

    return within(variant.head, original.head) and within(variant.tail[::-1], original.tail[::-1])


def _wholly_unknown(summary: Any) -> bool:
    """One ``?`` row stands for every layer (inputs or outputs not resolved)."""
    return summary.built is UNKNOWN or (
        len(summary.rows) == 1 and summary.rows[0].name is UNKNOWN and summary.rows[0].output is UNKNOWN
    )


def compare(fixture: Path, source: str, variant: Variant, original: Any) -> Outcome:
    outcome = Outcome(variant)
    problems = outcome.problems
    result = analyse_source(variant.apply(source), str(fixture))

    def where(span: Any) -> tuple[int, int] | None:
        return None if span is None else (span.line, variant.original_column(span.line, span.column))

    for diagnostic in result.diagnostics:
        if diagnostic.code == "KC004":
            problems.append(f"crash: {diagnostic.message}")
    original_errors = {(d.code, d.span.line, d.span.column) for d in original.diagnostics if d.severity == "error"}
    for diagnostic in result.diagnostics:
        line, column = where(diagnostic.span)  # type: ignore[misc]
        if diagnostic.severity == "error" and diagnostic.code != "KC004":
            if (diagnostic.code, line, column) not in original_errors:
                problems.append(f"new error: {diagnostic.code} at {line}:{column}: {diagnostic.message}")

    failed = bool(original_errors)
    # Where the original raises, Keras stopped: what kerascheck shows of the layers from there
    # on, and the totals, are not what the variant (whose error is not proven) must repeat.
    failed_at = min((line for _, line, _ in original_errors), default=None)
    # Models made at one place for one variable (in a loop) are matched in order.
    found: dict[Any, list[Any]] = {}
    for made in result.summaries:
        found.setdefault((where(made.span), made.variable), []).append(made)
    for model in original.summaries:
        key = ((model.span.line, model.span.column) if model.span else None, model.variable)
        same = found.get(key)
        # One summary of a model made in a loop whose rounds became unknown stands for them all.
        summary = (same[0] if len(same) == 1 and same[0].speculative else same.pop(0)) if same else None
        if summary is None:
            problems.append(f"model vanished: {model.variable} at {key[0]}")
            continue
        label = f"model {model.variable}"
        if _differs(summary.name, model.name, failed):
            problems.append(f"{label}: name {summary.name!r} != {model.name!r}")
        if summary.kind != model.kind:
            problems.append(f"{label}: kind {summary.kind} != {model.kind}")
        for key_ in ("total_params", "trainable_params", "non_trainable_params",
                     "total_bytes", "trainable_bytes", "non_trainable_bytes"):
            if not failed and _differs(getattr(summary, key_), getattr(model, key_)):
                problems.append(f"{label}: {key_} {getattr(summary, key_)} != {getattr(model, key_)}")
        if _wholly_unknown(summary) or (failed and _wholly_unknown(model)):
            continue
        rows = [r for r in summary.rows if failed_at is None or r.span is None or r.span.line < failed_at]
        problems.extend(_compare_rows(label, rows, model.rows, where, failed))
    return outcome


def _compare_rows(label: str, rows: Any, originals: Any, where: Any, failed: bool) -> Iterator[str]:
    """Rows are matched by their constructor's position (and order among rows sharing one)."""
    by_position: dict[Any, list[Any]] = {}
    for row in originals:
        key = (row.span.line, row.span.column) if row.span else None
        by_position.setdefault(key, []).append(row)
    seen: dict[Any, int] = {}
    for row in rows:
        key = where(row.span)
        index = seen.get(key, 0)
        seen[key] = index + 1
        candidates = by_position.get(key, [])
        if index >= len(candidates):
            if _known(row.name) or _known(row.params) or (_known(row.output) and row.output not in ((),)):
                yield f"{label}: a row the original lacks: {row.name} ({row.class_name}) at {key}"
            continue
        original = candidates[index]
        what = f"{label}: row {original.name} ({original.class_name})"
        if row.class_name != original.class_name and row.class_name != "?":
            yield f"{what}: class {row.class_name}"
        for attribute in ("name", "output", "params", "trainable_params", "non_trainable_params"):
            value, truth = getattr(row, attribute), getattr(original, attribute)
            if _differs(value, truth, failed):
                yield f"{what}: {attribute} {value!r} != {truth!r}"


def check_fixture(fixture: Path, chosen: list[Variant] | None = None) -> list[Outcome]:
    source = fixture.read_text()
    original = analyse_source(source, str(fixture))
    return [compare(fixture, source, v, original) for v in (chosen if chosen is not None else variants(source))]


def fixtures() -> list[Path]:
    from conftest import summary_fixtures

    return [f for f in summary_fixtures() if f.suffix == ".py"]


def main(argv: list[str]) -> int:
    """Every variant of every fixture (or of the fixtures given); prints the problems and the counts."""
    paths = [Path(a).resolve() for a in argv] or fixtures()
    counts = {"variants": 0, "crash": 0, "new error": 0, "model vanished": 0, "changed": 0}
    for fixture in paths:
        for outcome in check_fixture(fixture):
            counts["variants"] += 1
            for problem in outcome.problems:
                kind = next((k for k in ("crash", "new error", "model vanished") if problem.startswith(k)), "changed")
                counts[kind] += 1
                print(f"{fixture.relative_to(ROOT)}: {outcome.variant}: {problem}")
    print(", ".join(f"{k}: {v}" for k, v in counts.items()))
    return 1 if any(v for k, v in counts.items() if k != "variants") else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
