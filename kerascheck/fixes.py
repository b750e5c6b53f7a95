"""``--fix`` / ``--diff``: apply the safe rewrites diagnostics carry, and prove they work.

A :class:`~kerascheck.results.Fix` names one call (by its source span) and the keyword
arguments to set, rename or drop.  libcst rewrites exactly those arguments and keeps
everything else — formatting, comments, trailing commas — as it was.  A rewrite is kept
only when analysing the rewritten file shows the diagnostic it fixes gone and no new error.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Sequence

from kerascheck.results import Diagnostic, FileResult, Fix, Span

MAX_ROUNDS = 5  # fixing one layer may reveal the next error of a stacked model


@dataclass(frozen=True)
class FixOutcome:
    source: str  # the file after the kept fixes
    applied: tuple[Fix, ...]
    result: FileResult  # the analysis of ``source``


def apply_fixes(source: str, fixes: Sequence[Fix]) -> str:
    """``source`` with every fix applied (fixes to the same call are merged)."""
    import libcst as cst
    from libcst.metadata import MetadataWrapper, PositionProvider

    by_target: dict[Span, list[Fix]] = {}
    for fix in fixes:
        by_target.setdefault(_key(fix.target), []).append(fix)

    class Rewriter(cst.CSTTransformer):
        METADATA_DEPENDENCIES = (PositionProvider,)

        def key(self, node: cst.CSTNode) -> Span:
            position = self.get_metadata(PositionProvider, node)
            start, end = position.start, position.end
            return Span(start.line, start.column + 1, end.line, end.column + 1)

        def leave_Call(self, original: cst.Call, updated: cst.Call) -> cst.Call:
            for fix in by_target.get(self.key(original), ()):
                if fix.insert_flatten == "argument":
                    updated = _flatten_argument(updated)
                elif not fix.insert_flatten:
                    updated = _rewrite(updated, fix)
            return updated

        def leave_List(self, original: cst.List, updated: cst.List) -> cst.List:
            elements = []
            for before, after in zip(original.elements, updated.elements):
                fixes = by_target.get(self.key(before.value), ()) if isinstance(before.value, cst.Call) else ()
                if any(f.insert_flatten == "element" for f in fixes):
                    elements.append(after.with_changes(value=_flatten_call(after.value)))
                elements.append(after)
            return updated.with_changes(elements=elements)

    module = cst.parse_module(source)
    return MetadataWrapper(module).visit(Rewriter()).code


def _flatten_call(constructor: Any) -> Any:
    """``Flatten()`` spelled like the layer constructor next to it (``layers.Dense`` → ``layers.Flatten``)."""
    import libcst as cst

    if not isinstance(constructor, cst.Call) or not isinstance(constructor.func, cst.Attribute):
        raise ValueError("Flatten cannot be spelled from a bare name: its import may be missing")
    return cst.Call(func=constructor.func.with_changes(attr=cst.Name("Flatten")))


def _flatten_argument(call: Any) -> Any:
    """``Dense(8)(x)`` → ``Dense(8)(Flatten()(x))``."""
    import libcst as cst

    if not call.args or call.args[0].keyword is not None:
        raise ValueError("no positional input to flatten")
    first = call.args[0]
    wrapped = cst.Call(func=_flatten_call(call.func), args=[cst.Arg(value=first.value)])
    return call.with_changes(args=[first.with_changes(value=wrapped), *call.args[1:]])


def _key(span: Span) -> Span:
    return Span(span.line, span.column, span.end_line, span.end_column)


def _rewrite(call: Any, fix: Fix) -> Any:
    import libcst as cst

    _EQUAL = cst.AssignEqual(cst.SimpleWhitespace(""), cst.SimpleWhitespace(""))  # noqa: N806  (keyword=value)

    args = list(call.args)
    renames = dict(fix.rename_keywords)
    settings = dict(fix.set_keywords)
    kept = []
    for arg in args:
        keyword = arg.keyword.value if arg.keyword is not None else None
        if keyword in fix.drop_keywords:
            continue
        if keyword in renames:
            arg = arg.with_changes(keyword=cst.Name(renames[keyword]))
        if keyword in settings:
            arg = arg.with_changes(value=cst.parse_expression(settings.pop(keyword)))
        kept.append(arg)
    for keyword, value in settings.items():  # keywords the call did not have yet
        kept.append(cst.Arg(keyword=cst.Name(keyword), value=cst.parse_expression(value), equal=_EQUAL))
    if kept and (len(kept) != len(args) or kept[-1] is not args[-1] and args[-1].keyword in fix.drop_keywords):
        # Commas between the arguments; the last one ends as the call's last argument did
        # (a trailing comma and the line break before the parenthesis stay).
        separator = cst.Comma(whitespace_after=cst.SimpleWhitespace(" "))
        if len(args) >= 2 and isinstance(args[-2].comma, cst.Comma):
            separator = args[-2].comma  # one argument per line stays one per line
        for index in range(len(kept) - 1):
            if isinstance(kept[index].comma, cst.MaybeSentinel) or kept[index].comma is args[-1].comma:
                kept[index] = kept[index].with_changes(comma=separator)
        kept[-1] = kept[-1].with_changes(comma=args[-1].comma if args else cst.MaybeSentinel.DEFAULT)
    return call.with_changes(args=kept)


def _fixed_away(fix_of: Diagnostic, remaining: Sequence[Diagnostic]) -> bool:
    return not any(d.code == fix_of.code and d.message == fix_of.message for d in remaining)


def fix_source(source: str, analyse: Callable[[str], FileResult]) -> FixOutcome:
    """Apply, round after round, the fixes that analysis proves: each removes its diagnostic
    and the file gains no error it did not have."""
    result = analyse(source)
    applied: list[Fix] = []
    for _ in range(MAX_ROUNDS):
        progress = False
        for diagnostic in [d for d in result.diagnostics if d.fix is not None]:
            try:
                candidate = apply_fixes(source, [diagnostic.fix])
            except Exception:  # noqa: BLE001  (a fix that cannot be applied is not applied)
                continue
            if candidate == source:
                continue
            after = analyse(candidate)
            before_errors = {(d.code, d.message) for d in result.diagnostics if d.severity == "error"}
            new_errors = [
                d for d in after.diagnostics
                if d.severity == "error" and (d.code, d.message) not in before_errors and d.code != diagnostic.code
            ]
            if _fixed_away(diagnostic, after.diagnostics) and not new_errors:
                source, result = candidate, after
                applied.append(diagnostic.fix)
                progress = True
                break  # positions moved: take the next fix from the new analysis
        if not progress:
            break
    return FixOutcome(source, tuple(applied), result)
