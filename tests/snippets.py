"""Run the examples that documentation shows, as written.

Markdown documents (rule pages, the README) show files and shell sessions:

- a file: a line `` `name.py`: `` then a fenced code block, the file's exact content;
- a session: a ```` ```console ```` block of ``$ command`` lines, each followed by the output
  the command prints (standard output and error, as a terminal shows them).

:func:`run_sessions` writes the files into a folder, runs every command there with ``bash``
(this environment's ``kerascheck`` first on the ``PATH``) and returns what each printed beside
what the document says it prints.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

_FILE = re.compile(r"^`([\w./-]+)`:\n\n```[\w-]*\n(.*?)^```", re.M | re.S)
_CONSOLE = re.compile(r"^```console\n(.*?)^```", re.M | re.S)


@dataclass(frozen=True)
class Step:
    command: str
    expected: str  # what the document shows after the command
    printed: str  # what the command printed
    status: int


def files(markdown: str) -> dict[str, str]:
    return {name: text for name, text in _FILE.findall(markdown)}


def sessions(markdown: str) -> list[list[tuple[str, str]]]:
    """Each console block's ``(command, expected output)`` pairs."""
    found = []
    for block in _CONSOLE.findall(markdown):
        steps: list[tuple[str, list[str]]] = []
        for line in block.splitlines():
            if line.startswith("$ "):
                steps.append((line[2:], []))
            elif steps:
                steps[-1][1].append(line)
        found.append([(command, "".join(f"{line}\n" for line in output)) for command, output in steps])
    return found


def run_sessions(markdown: str, folder: Path, env: dict[str, str] | None = None, timeout: float = 600) -> list[Step]:
    for name, text in files(markdown).items():
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    environment = dict(os.environ if env is None else env)
    environment["PATH"] = str(Path(sys.executable).parent) + os.pathsep + environment.get("PATH", "")
    for name in ("NO_COLOR", "FORCE_COLOR", "CLICOLOR_FORCE"):
        environment.pop(name, None)
    steps = []
    for session in sessions(markdown):
        for command, expected in session:
            result = subprocess.run(
                ["bash", "-c", command], cwd=folder, env=environment, stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT, text=True, timeout=timeout,
            )
            steps.append(Step(command, expected, result.stdout, result.returncode))
    return steps
