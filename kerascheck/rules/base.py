"""What a rule is: a stable code, its docs, and examples that prove it.

As in Fixit, a rule carries its own failing (``invalid``) and passing
(``valid``) examples.  They are the rule's documentation (``kerascheck rule
KC101``) and its tests: ``tests/oracle/record.py`` runs each example with real
Keras and records whether Keras raises, and the test suite checks that
kerascheck reports the rule exactly on the lines of an invalid example marked
with a ``# KC101`` comment, and nothing on a valid one.

Most rules report errors the engine proves while replaying the model (their
``engine_kinds``); lint rules that need the finished models implement
:meth:`Rule.check`.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar, Iterable

if TYPE_CHECKING:
    from kerascheck.config import Settings
    from kerascheck.engine.runtime import Session


@dataclass(frozen=True)
class Finding:
    """A lint finding before it becomes a diagnostic (position still an origin)."""

    code: str
    message: str
    origin: Any


class Rule:
    code: ClassVar[str]
    name: ClassVar[str]
    severity: ClassVar[str] = "error"
    summary: ClassVar[str]
    why: ClassVar[str]
    engine_kinds: ClassVar[tuple[str, ...]] = ()
    invalid: ClassVar[tuple[str, ...]] = ()
    valid: ClassVar[tuple[str, ...]] = ()
    # For rules about files rather than models (KC0xx): the Example section as Markdown, a
    # session whose ```console blocks tests/test_rules.py runs as written.
    example: ClassVar[str] = ""
    default: ClassVar[bool] = True  # selected unless the configuration says otherwise
    keras_raises: ClassVar[bool] = True  # real Keras raises on every invalid example
    # `[tool.kerascheck]` settings the examples are checked with (a budget, a threshold).
    example_config: ClassVar[dict[str, Any]] = {}

    def check(self, session: "Session", settings: "Settings") -> Iterable[Finding]:
        return ()

    @classmethod
    def examples(cls) -> list[tuple[str, int, str]]:
        """``(kind, index, source)`` for every example, dedented."""
        return [("invalid", i, textwrap.dedent(s).lstrip("\n")) for i, s in enumerate(cls.invalid)] + [
            ("valid", i, textwrap.dedent(s).lstrip("\n")) for i, s in enumerate(cls.valid)
        ]


def marked_lines(source: str) -> list[tuple[int, str]]:
    """``(line, code)`` of every ``# KCnnn`` marker comment in ``source``."""
    import re

    from kerascheck.lines import source_lines

    marks = []
    for number, line in enumerate(source_lines(source), start=1):
        for code in re.findall(r"#\s*(KC\d{3})\b", line):
            marks.append((number, code))
    return marks


def render_doc(rule: type[Rule]) -> str:
    """The rule's documentation page, in Markdown."""
    invalid = [src for kind, _, src in rule.examples() if kind == "invalid"]
    valid = [src for kind, _, src in rule.examples() if kind == "valid"]
    parts = [
        f"# {rule.code} {rule.name}",
        "",
        f"Severity: {rule.severity}." + ("" if rule.default else " Not selected by default."),
        "",
        "## What it detects",
        "",
        textwrap.dedent(rule.summary).strip(),
        "",
        "## Why",
        "",
        textwrap.dedent(rule.why).strip(),
        "",
        "## Example",
        "",
    ]
    if rule.example:
        parts += [textwrap.dedent(rule.example).strip(), ""]
    for source in invalid:
        parts += ["```python", source.rstrip(), "```", ""]
    if valid:
        parts += ["Use instead:", ""]
    for source in valid:
        parts += ["```python", source.rstrip(), "```", ""]
    return "\n".join(parts).rstrip() + "\n"
