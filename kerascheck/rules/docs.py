"""Write one Markdown page per rule: ``python -m kerascheck.rules.docs [FOLDER]``.

The pages are generated from the rules' own definitions; a test keeps
``docs/rules/`` in step with them.
"""

from __future__ import annotations

import sys
from pathlib import Path

from kerascheck.rules import ALL_RULES, render_doc


def index() -> str:
    lines = ["# Rules", "", "| Code | Name | Severity | What it detects |", "| --- | --- | --- | --- |"]
    for rule in ALL_RULES:
        summary = " ".join(rule.summary.split())
        default = "" if rule.default else " (not selected by default)"
        lines.append(f"| [{rule.code}]({rule.code}.md) | {rule.name} | {rule.severity}{default} | {summary} |")
    return "\n".join(lines) + "\n"


def pages() -> dict[str, str]:
    result = {f"{rule.code}.md": render_doc(rule) for rule in ALL_RULES}
    result["README.md"] = index()
    return result


def main(argv: list[str]) -> int:
    folder = Path(argv[0]) if argv else Path("docs/rules")
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in pages().items():
        (folder / name).write_text(text, encoding="utf-8")
    print(f"wrote {len(pages())} pages to {folder}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
