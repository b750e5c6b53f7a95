"""Parsing source that may be hostile: CPython's parser first, then libcst within its bounds.

CPython's parser bounds nesting itself (about 200 brackets, about 3,000 levels of
expressions: a SyntaxError, RecursionError or MemoryError), and its messages are the
ones users know, so it runs first.  libcst's native parser recurses as deep as the code
nests, and also once per operand of an ``and``/``or`` chain, which CPython keeps flat;
it runs in the analysis thread, whose stack (:data:`kerascheck.budget.STACK_BYTES`)
holds any nesting CPython accepts plus :data:`MAX_BOOLEAN_OPERANDS` such operands.  A
file with more is refused here, before libcst could overflow that stack (a segmentation
fault, which no handler catches).  Must run in the analysis thread
(:func:`kerascheck.budget.run_deep`), as all of the analysis does.
"""

from __future__ import annotations

import ast
import gc
import sys

import libcst as cst

from kerascheck.budget import NESTING_STACK_BYTES, STACK_BYTES, STACK_PER_BOOLEAN_OPERAND

MAX_BOOLEAN_OPERANDS = (STACK_BYTES - NESTING_STACK_BYTES) // STACK_PER_BOOLEAN_OPERAND


# CPython bounds the nesting it parses by the recursion limit (3.11: three levels per frame
# left): parsed as at the top of a program with Python's default limit, the bound is about
# 3,000 levels, which libcst parses in a few seconds (its time grows with the square of the
# depth: 1,000 nested calls 0.9 s, 3,000 6 s, 10,000 over a minute).
PARSE_RECURSION_LIMIT = 1_000


def python_ast(source: str) -> ast.Module:
    """``ast.parse(source)`` with the nesting bound of a program run with Python's defaults,
    whatever the recursion limit and depth of the caller (the interpreter raises the limit
    while it runs, and parses the project's modules on the way). The cyclic garbage
    collector is paused meanwhile: the parse makes a great many objects and no garbage."""
    depth = 0
    frame = sys._getframe()
    while frame is not None:
        depth += 1
        frame = frame.f_back  # type: ignore[assignment]
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(depth + PARSE_RECURSION_LIMIT)
    collecting = gc.isenabled()
    gc.disable()
    try:
        return ast.parse(source)
    finally:
        sys.setrecursionlimit(limit)
        if collecting:
            gc.enable()


# A process that analyses file after file (the command line's, and its workers: set by
# kerascheck.runner.preload). Its parsed trees, hundreds of thousands of objects without a
# reference cycle, are frozen (gc.freeze) once parsed, so that no collection traverses them
# again (a third of a run over Keras's own files went to collections that did); they are still
# freed by reference counting. The garbage of the file before is collected first, so that
# none of it is frozen with them.
BATCH = False


def before_parse() -> None:
    if BATCH and gc.isenabled():
        gc.collect()


def after_parse() -> None:
    if BATCH and gc.isenabled():
        gc.freeze()


class TooComplexToParse(Exception):
    """CPython accepts the file, but libcst's parser cannot parse it within kerascheck's bounds."""


def check_bounds(source: str, tree: ast.Module) -> None:
    """Raise :class:`TooComplexToParse` when libcst would need more stack than it has.

    Every operand of a chain after the first follows an ``and`` or ``or``: counting the
    words in the text is a bound that costs a scan; only past it are the operators counted.
    """
    if source.count("and") + source.count("or") <= MAX_BOOLEAN_OPERANDS:
        return
    operands = sum(len(node.values) - 1 for node in ast.walk(tree) if isinstance(node, ast.BoolOp))
    if operands > MAX_BOOLEAN_OPERANDS:
        raise TooComplexToParse(
            f"file has {operands:,} `and`/`or` operators; libcst's parser nests one level per operator, "
            f"and kerascheck's bound is {MAX_BOOLEAN_OPERANDS:,}"
        )


def parse_module(source: str, tree: ast.Module) -> cst.Module:
    """libcst's module of ``source``, which CPython parsed as ``tree``.

    Raises :class:`TooComplexToParse`, or what libcst raises (``ParserSyntaxError`` for
    what its grammar does not take although CPython does).  The cyclic garbage collector
    is paused meanwhile: the parse makes a great many objects and no garbage.
    """
    check_bounds(source, tree)
    collecting = gc.isenabled()
    gc.disable()
    try:
        return cst.parse_module(source)
    finally:
        if collecting:
            gc.enable()
