"""``--fix`` / ``--diff``: apply the safe rewrites diagnostics carry, and prove they work.

A :class:`~kerascheck.results.Fix` names one call (by its source span) and the keyword
arguments to set, rename or drop.  libcst rewrites exactly those arguments and keeps
everything else — formatting, comments, trailing commas — as it was.  A rewrite is kept
only when analysing the rewritten file shows the diagnostic it fixes gone and no new error.
"""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Sequence

from kerascheck.results import Diagnostic, FileResult, Fix, ModelSummary, Span

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
        if len(args) >= 2 and isinstance(args[-2].comma, cst.Comma) and not _has_comment(args[-2].comma):
            separator = args[-2].comma  # one argument per line stays one per line
        for index in range(len(kept) - 1):
            if isinstance(kept[index].comma, cst.MaybeSentinel) or kept[index].comma is args[-1].comma:
                kept[index] = kept[index].with_changes(comma=separator)
        last = args[-1].comma if args else cst.MaybeSentinel.DEFAULT
        if _has_comment(kept[-1].comma):
            last = kept[-1].comma  # the comment after it stays (the call then ends with a trailing comma)
        kept[-1] = kept[-1].with_changes(comma=last)
    return call.with_changes(args=kept)


def _has_comment(node: Any) -> bool:
    """Whether a comma (or other punctuation) carries a comment in its whitespace."""
    import libcst as cst

    if isinstance(node, cst.MaybeSentinel):
        return False
    return "#" in cst.Module(body=[]).code_for_node(node)


def _fixed_away(fix_of: Diagnostic, remaining: Sequence[Diagnostic]) -> bool:
    return not any(d.code == fix_of.code and d.message == fix_of.message for d in remaining)


def fix_source(source: str, analyse: Callable[[str], FileResult]) -> FixOutcome:
    """Apply, round after round, the fixes that analysis proves (:func:`proven`)."""
    result = analyse(source)
    applied: list[Fix] = []
    for _ in range(MAX_ROUNDS):
        progress = False
        for diagnostic in [d for d in result.diagnostics if d.fix is not None]:
            try:
                candidate = apply_fixes(source, [diagnostic.fix])
            except Exception:  # noqa: BLE001  (a fix that cannot be applied is not applied)
                continue
            if candidate == source or not keeps_comments(source, candidate):
                continue
            after = analyse(candidate)
            if proven(diagnostic, result, after):
                source, result = candidate, after
                applied.append(diagnostic.fix)  # type: ignore[arg-type]
                progress = True
                break  # positions moved: take the next fix from the new analysis
        if not progress:
            break
    return FixOutcome(source, tuple(applied), result)


def proven(diagnostic: Diagnostic, before: FileResult, after: FileResult) -> bool:
    """Whether re-analysis shows the fix of ``diagnostic`` work: its diagnostic gone, no new
    error, the layers it inserts made of the Keras class intended (``L.Flatten()``, where
    ``L`` has no ``Flatten``, would only make the rest unknown), and nothing that was known
    turned unknown: a diagnostic that disappears because the analysis lost track is no proof."""
    before_errors = {(d.code, d.message) for d in before.diagnostics if d.severity == "error"}
    new_errors = [
        d for d in after.diagnostics
        if d.severity == "error" and (d.code, d.message) not in before_errors and d.code != diagnostic.code
    ]
    if not _fixed_away(diagnostic, after.diagnostics) or new_errors:
        return False
    inserted = diagnostic.fix is not None and diagnostic.fix.insert_flatten
    if inserted and _rows_of_class(after, "Flatten") <= _rows_of_class(before, "Flatten"):
        return False
    return _unknowns(after) <= _unknowns(before)


def _rows(summaries: Sequence[ModelSummary]) -> Any:
    for summary in summaries:
        for row in summary.rows:
            yield row
            if row.nested is not None:
                yield from _rows([row.nested])


def _rows_of_class(result: FileResult, class_name: str) -> int:
    return sum(1 for row in _rows(result.summaries) if row.class_name == class_name)


def _unknowns(result: FileResult) -> int:
    """How many names, dimensions and counts of the file's summaries are unknown."""
    from kerascheck.engine.dims import UNKNOWN

    def count(value: Any) -> int:
        if value is UNKNOWN:
            return 1
        if isinstance(value, (tuple, list)):
            return sum(count(v) for v in value)
        return 0

    total = 0
    for summary in result.summaries:
        total += count((summary.name, summary.total_params, summary.trainable_params, summary.non_trainable_params))
    for row in _rows(result.summaries):
        total += count((row.name, row.output, row.params)) + (row.class_name == "?")
    return total


def comments(source: str) -> Counter[str] | None:
    """The comments of ``source`` (None when it does not tokenize)."""
    import io
    import tokenize

    try:
        tokens = tokenize.generate_tokens(io.StringIO(source).readline)
        return Counter(token.string for token in tokens if token.type == tokenize.COMMENT)
    except (tokenize.TokenError, SyntaxError):
        return None


def keeps_comments(before: str, after: str) -> bool:
    """A fix keeps every comment of the file (one that would lose a comment is not applied)."""
    kept, found = comments(before), comments(after)
    return kept is not None and found is not None and not kept - found


# ------------------------------------------------------------------ the file
@dataclass(frozen=True)
class FileFix:
    """What ``--fix`` / ``--diff`` did to one file."""

    outcome: FixOutcome | None  # None: nothing to fix, or the file could not be read
    diff: str  # unified diff of the fixes, "" when none
    error: str | None = None  # why the fixed file was not written


def fix_file(path: str, analyse: Callable[[str], FileResult], write: bool, root: Path) -> FileFix:
    """Fix the file at ``path`` and, with ``write``, replace it.

    The file is read once (a regular file only); the fixed text is written to a temporary
    file beside it, with its permissions, and renamed over it (a full disk leaves the file
    as it was), only if the file still holds what was read (an editor's change meanwhile
    is never overwritten), and never through a symlink that leads out of the project
    (``root``). A byte order mark stays.
    """
    import difflib
    import stat as stat_module

    from kerascheck.analysis import MAX_FILE_BYTES, decode_source
    from kerascheck.lines import source_lines
    from kerascheck.safeio import inside, read_regular, write_atomic

    try:
        data, status = read_regular(path, MAX_FILE_BYTES)
        source = decode_source(data)
    except (OSError, UnicodeDecodeError):
        return FileFix(None, "")
    outcome = fix_source(source, analyse)
    if not outcome.applied:
        return FileFix(None, "")
    lines = difflib.unified_diff(
        source_lines(source, keepends=True), source_lines(outcome.source, keepends=True),
        fromfile=f"a/{path.lstrip('/')}", tofile=f"b/{path.lstrip('/')}",
    )
    diff = "".join(lines)
    if not write:
        return FileFix(outcome, diff)
    bom = b"\xef\xbb\xbf" if data.startswith(b"\xef\xbb\xbf") else b""
    target = os.path.realpath(path)
    if os.path.islink(path) and not inside(target, root):
        return FileFix(outcome, diff, f"not written: it is a symlink to {target}, outside the project ({root})")
    try:
        current, _ = read_regular(target, MAX_FILE_BYTES)
        if current != data:
            return FileFix(outcome, diff, "not written: the file changed while it was being fixed (run --fix again)")
        write_atomic(target, bom + outcome.source.encode("utf-8"), mode=stat_module.S_IMODE(status.st_mode), sync=True)
    except OSError as err:
        return FileFix(outcome, diff, f"cannot write it: {err.strerror or err}; the file is as it was")
    return FileFix(outcome, diff)
