"""The ``kerascheck`` command.

``kerascheck [OPTIONS] [PATHS]...`` checks files (the ``check`` command is the
default, so it need not be named); other commands are named explicitly.

Exit codes, as ruff: 0 nothing reported, 1 diagnostics reported, 2 a usage
error or a file that could not be analysed at all.
"""

from __future__ import annotations

import sys
from typing import Any

import click

from kerascheck import __version__

FORMATS = ("text", "json")


class DefaultCommandGroup(click.Group):
    """A group whose first argument, when it names no command, belongs to ``check``."""

    default_command = "check"

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if not args or (args[0] not in self.commands and args[0] not in ("--help", "-h", "--version")):
            args = [self.default_command, *args]
        return super().parse_args(ctx, args)


@click.group(cls=DefaultCommandGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kerascheck")
def main() -> None:
    """Predict Keras model summaries and find shape errors without running the code."""


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=str))
@click.option("--summary", is_flag=True, help="Print the predicted model.summary() of every model.")
@click.option("--explain", is_flag=True, help="With --summary: the formula behind each number.")
@click.option(
    "--format", "output_format", type=click.Choice(FORMATS), default="text", show_default=True,
    help="Output format.",
)
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when diagnostics are reported.")
def check(paths: tuple[str, ...], summary: bool, explain: bool, output_format: str, exit_zero: bool) -> None:
    """Analyse PATHS (files or folders; default: the current folder)."""
    from kerascheck.analysis import analyse_path
    from kerascheck.discovery import Unreadable, discover

    summary = summary or explain
    results = []
    file_errors = 0
    for item in discover(paths or (".",)):
        if isinstance(item, Unreadable):
            click.echo(f"kerascheck: {item.path}: {item.reason}", err=True)
            file_errors += 1
            continue
        result = analyse_path(item)
        if any(d.code.startswith("KC0") for d in result.diagnostics):
            file_errors += 1
        results.append(result)

    if output_format == "json":
        from kerascheck.reporters import json_report

        click.echo(json_report.render(results, summaries=summary, explain=explain), nl=False)
    else:
        from kerascheck.reporters import text

        if summary:
            click.echo(text.render_summaries(results, explain=explain), nl=False)
        click.echo(text.render_diagnostics(results), nl=False)

    diagnostics = sum(len(r.diagnostics) for r in results)
    if file_errors:
        sys.exit(2)
    if diagnostics and not exit_zero:
        sys.exit(1)


def run(argv: list[str] | None = None) -> Any:
    return main.main(args=argv, prog_name="kerascheck")
