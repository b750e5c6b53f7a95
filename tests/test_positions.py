"""The fast position index agrees with libcst's PositionProvider on every call and operator."""

from __future__ import annotations

import ast
from pathlib import Path

import libcst as cst
import pytest
from libcst.metadata import MetadataWrapper, PositionProvider

from conftest import FIXTURES, ROOT
from kerascheck.frontend.positions import PositionIndex
from kerascheck.results import Span

SOURCES = sorted(FIXTURES.rglob("*.py")) + sorted((ROOT / "kerascheck").rglob("*.py"))
EXTRA = {
    "unicode": "import keras\nname = 'é' + f('ü', g(1))  # ü\nx = -(a + b) * c(d)(e)\n",
    "decorators": "@dec(1)\n@other\ndef f(x=g()):\n    return [h(i) for i in k(x) if not m(i)]\n",
    "semicolons": "a = f(1); b = g(2) + h(3)\nclass C(Base(x)):\n    y = z(lambda q: q(1))\n",
    "if_expression": "v = f() if g() else h()\nw = (p + q) * (r - s)\n",
    # Characters str.splitlines breaks at but Python does not: lines must still count as Python's.
    "form_feed_and_line_separator": "import keras\n\x0c\n# a\u2028b\nv = '\u00e9' + f(1)\n",
}


def _compare(source: str) -> None:
    module = cst.parse_module(source)
    exact = MetadataWrapper(module, unsafe_skip_copy=True).resolve(PositionProvider)
    index = PositionIndex(module, ast.parse(source), source)
    checked = 0
    for node, code_range in exact.items():
        if not isinstance(node, (cst.Call, cst.BinaryOperation, cst.UnaryOperation)):
            continue
        if node.lpar:  # libcst counts the node's own parentheses; ast does not
            continue
        expected = Span(code_range.start.line, code_range.start.column + 1, code_range.end.line, code_range.end.column + 1)
        assert index.span_of(node) == expected, cst.Module([]).code_for_node(node)
        checked += 1
    assert index.fallback is None, "the pairing should not have needed the fallback"


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(ROOT)))
def test_positions_of_repository_files(path: Path) -> None:
    _compare(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", sorted(EXTRA))
def test_positions_of_tricky_sources(name: str) -> None:
    _compare(EXTRA[name])


def _same_order_as_libcst_visitor(source: str) -> None:
    import libcst as cst

    from kerascheck.frontend.positions import _Collect, collect_in_source_order

    module = cst.parse_module(source)
    fast: list = []
    collect_in_source_order(module, fast)
    visitor = _Collect()
    module.visit(visitor)
    assert [id(n) for n in fast] == [id(n) for n in visitor.nodes]


def test_the_fast_walk_visits_nodes_in_libcst_visitor_order() -> None:
    """The field walk that replaced libcst's visitor finds the same nodes in the same order:
    checked on every fixture and a sample of the standard library (decorators, conditional
    expressions, except clauses, positional-only parameters, match statements…)."""
    import sysconfig

    from conftest import FIXTURES

    files = sorted(FIXTURES.rglob("*.py")) + sorted(Path(sysconfig.get_paths()["stdlib"]).rglob("*.py"))[::80]
    checked = 0
    for path in files:
        try:
            source = path.read_text(encoding="utf-8")
            _same_order_as_libcst_visitor(source)
        except (UnicodeDecodeError, SyntaxError):
            continue
        except Exception as err:  # noqa: BLE001
            if type(err).__name__ == "ParserSyntaxError":
                continue
            raise
        checked += 1
    assert checked > 100
    _same_order_as_libcst_visitor(
        "@d(f(1))\ndef g(a=h(), /, b=i(), *c, d=j(), **e) -> k(): return l(m() if n() else o())\n"
        "class C(p(), metaclass=q()):\n    x = [r() for s in t() if u()]\n"
        "try:\n    v()\nexcept w() as e:\n    x()\n"
        "match y():\n    case [z] if aa():\n        bb()\n"
    )
