"""The ``kerascheck`` command.

``kerascheck [OPTIONS] [PATHS]...`` checks files (the ``check`` command is the
default, so it need not be named); ``kerascheck rule KC101`` documents a rule;
``kerascheck lsp`` runs the language server.

Exit codes, as ruff's: 0 nothing reported, 1 diagnostics reported, 2 a usage
or configuration error, or a file that could not be analysed at all.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from kerascheck import __version__
from kerascheck.knowledge.keras_backends import BACKENDS

FORMATS = ("text", "json", "sarif", "github")


class DefaultCommandGroup(click.Group):
    """A group whose first argument, when it names no command, belongs to ``check``.

    ``check`` is what ``kerascheck`` does, so its help is the group's help: ``kerascheck
    --help`` shows its usage and options first, then the other commands.
    """

    default_command = "check"

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if not args or (args[0] not in self.commands and args[0] not in ("--help", "-h", "--version")):
            args = [self.default_command, *args]
        return super().parse_args(ctx, args)

    def format_usage(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        formatter.write_usage(ctx.command_path, "[OPTIONS] [PATHS]...")
        indent = " " * len("Usage: ")
        for name in ("rule", "lsp"):
            command = self.commands[name]
            formatter.write(f"{indent}{ctx.command_path} {name} {' '.join(command.collect_usage_pieces(ctx))}\n")

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        check = self.commands[self.default_command]
        records = [
            record
            for param in [*check.get_params(ctx)[:-1], *self.get_params(ctx)]  # check's own --help: the group's
            if isinstance(param, click.Option) and (record := param.get_help_record(ctx)) is not None
        ]
        with formatter.section("Options"):
            formatter.write_dl(records)
        self.format_commands(ctx, formatter)


def _codes(value: str | None, option: str = "") -> tuple[str, ...] | None:
    if value is None:
        return None
    codes = tuple(c.strip().upper() for c in value.split(",") if c.strip())
    from kerascheck.config import ConfigError, _valid_code, check_codes

    bad = [c for c in codes if not _valid_code(c)]
    if bad:
        raise click.BadParameter(f"not a rule code or prefix: {', '.join(bad)}", param_hint=option or None)
    try:
        check_codes(codes, "")
    except ConfigError as err:
        raise click.BadParameter(str(err).lstrip(": "), param_hint=option or None) from None
    return codes


@click.group(cls=DefaultCommandGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kerascheck")
def main() -> None:
    """Predict Keras model summaries and find shape errors without running the code.

    Checks PATHS (files or folders; default: the current folder) with the options below.
    """


@main.command(short_help="Check PATHS: the default command, whose options are above.")
@click.argument("paths", nargs=-1, type=click.Path(path_type=str))
@click.option("--summary", is_flag=True, help="Print each model's predicted model.summary().")
@click.option("--explain", is_flag=True, help="Print the summaries with the formula of each number.")
@click.option(
    "--model", "model_patterns", multiple=True, metavar="NAME",
    help="Only the models whose variable or name matches NAME (a glob; repeatable).",
)
@click.option(
    "--format", "output_format", type=click.Choice(FORMATS), default="text", metavar="FORMAT",
    help="text, json (diagnostics and models), sarif or github  [default: text]",
)
@click.option("--select", metavar="CODES", help="Enable only these rules (codes or prefixes, comma-separated).")
@click.option("--extend-select", metavar="CODES", help="Enable these rules as well.")
@click.option("--ignore", metavar="CODES", help="Disable these rules.")
@click.option("--exit-zero", is_flag=True, default=None, help="Exit 0 even when diagnostics are reported.")
@click.option(
    "--config", "config_path", type=click.Path(path_type=Path, dir_okay=False),
    help="The pyproject.toml with [tool.kerascheck]  [default: the nearest one upward]",
)
@click.option("--fix", is_flag=True, help="Apply the safe fixes, each proven by re-analysis.")
@click.option("--diff", is_flag=True, help="Show the fixes as a unified diff; change nothing.")
@click.option(
    "--graph", "graph_dir", type=click.Path(path_type=Path, file_okay=False), metavar="DIR",
    help="Write each model's graph into DIR: DOT, and SVG where Graphviz is installed.",
)
@click.option(
    "--graph-format", type=click.Choice(["svg", "png", "pdf"]), default=None, metavar="FORMAT",
    help="svg, png or pdf: the picture beside each DOT file (needs Graphviz).",
)
@click.option(
    "--keras-version", type=click.Choice(["2", "3"]), default=None, metavar="2|3",
    help="Predict what Keras 2 (tf.keras) or 3 prints and raises  [default: 3]",
)
@click.option(
    "--backend", type=click.Choice(BACKENDS), default=None,
    metavar="NAME", help="Keras 3's backend where a file does not set KERAS_BACKEND  [default: jax]",
)
@click.option(
    "--jobs", "-j", type=click.IntRange(min=1), default=None, metavar="N",
    help="Worker processes  [default: the cores; small runs use one]",
)
@click.option("--no-cache", is_flag=True, help="Neither read nor write the cache (.kerascheck_cache/).")
def check(
    paths: tuple[str, ...],
    summary: bool,
    explain: bool,
    model_patterns: tuple[str, ...],
    output_format: str,
    select: str | None,
    extend_select: str | None,
    ignore: str | None,
    exit_zero: bool | None,
    config_path: Path | None,
    fix: bool,
    diff: bool,
    graph_dir: Path | None,
    graph_format: str | None,
    keras_version: str | None,
    backend: str | None,
    jobs: int | None,
    no_cache: bool,
) -> None:
    """Analyse PATHS (files or folders; default: the current folder)."""
    if graph_format is not None:
        from kerascheck.reporters.graph import dot_program

        if dot_program() is None:
            click.echo(
                f"kerascheck: --graph-format {graph_format} needs Graphviz's `dot` on the PATH "
                "(https://graphviz.org/download/); without --graph-format, --graph writes the DOT files alone",
                err=True,
            )
            sys.exit(2)
    with _collector_paused():
        from dataclasses import replace

        from kerascheck.config import ConfigError, load_settings
        from kerascheck.discovery import Unreadable, discover_names
        from kerascheck.runner import Analyser

        try:
            settings = load_settings(config_path)
        except ConfigError as err:
            click.echo(f"kerascheck: {err}", err=True)
            sys.exit(2)
        selected = _codes(select, "'--select'")
        extended, ignored = _codes(extend_select, "'--extend-select'"), _codes(ignore, "'--ignore'")
        if selected is not None:
            settings = replace(settings, select=selected)
        if extended:
            settings = replace(settings, extend_select=settings.extend_select + extended)
        if ignored:
            settings = replace(settings, ignore=settings.ignore + ignored)
        if exit_zero is not None:
            settings = replace(settings, exit_zero=exit_zero)
        if keras_version is not None:
            settings = replace(settings, keras_version=int(keras_version))
        if backend is not None:
            settings = replace(settings, backend=backend)

        summary = summary or explain or bool(model_patterns)
        wants_summaries = summary or output_format == "json" or fix or diff or graph_dir is not None
        warnings: list[str] = []

        def cache_for_run() -> Any:
            """Opened at the first file found: a run that finds none creates no cache."""
            if no_cache:
                return None
            from kerascheck.cache import open_cache

            cache, warning = open_cache(settings, summaries=wants_summaries)
            if warning:
                warnings.append(warning)
            return cache

        analyser = Analyser(settings, jobs, cache_for_run, summaries=wants_summaries)
        file_errors = 0
        given = {str(Path(p)) for p in paths}
        explicit: set[str] = set()
        try:
            for item in discover_names(paths or (".",), settings.exclude):
                if isinstance(item, Unreadable):
                    click.echo(f"kerascheck: {item.path}: {item.reason}", err=True)
                    file_errors += 1
                else:
                    if item in given:
                        explicit.add(item)
                    analyser.add(item)
            for warning in warnings:
                click.echo(f"kerascheck: warning: {warning}", err=True)
            results = analyser.finish()
        finally:
            analyser.close()
        before = None
        if fix or diff:
            before = results
            results, changed, failures = _apply_fixes(results, settings, write=fix and not diff)
            file_errors += failures
            if diff:
                click.echo("".join(text for _, text in changed), nl=False)
                sys.exit(1 if changed else 0)
        file_errors += sum(1 for r in results if any(d.code.startswith("KC0") for d in r.diagnostics))

        shown = _pick_models(results, model_patterns)
        colour = output_format == "text" and _colour_wanted(sys.stdout)
        notes = _summary_notes(results, shown, explicit, model_patterns) if summary else {}
        out = _render(shown, output_format, summary, explain, colour, notes)
        if output_format == "text":
            from kerascheck.reporters import text

            out += text.closing_line(results, before, colour)
        click.echo(out, nl=False, color=colour)
        if model_patterns and output_format != "text" and not any(r.summaries for r in shown):
            click.echo(f"kerascheck: warning: no model matches {_model_options(model_patterns)}", err=True)
        if graph_dir is not None:
            file_errors += _write_graphs(shown, graph_dir, graph_format, settings.root)
        diagnostics = sum(len(r.diagnostics) for r in results)
        if file_errors:
            sys.exit(2)
        if diagnostics and not settings.exit_zero:
            sys.exit(1)


def _pick_models(results: list[Any], patterns: tuple[str, ...]) -> list[Any]:
    """The results with only the models ``--model`` names (by variable or model name, as globs)."""
    if not patterns:
        return results
    from dataclasses import replace
    from fnmatch import fnmatchcase

    def picked(summary: Any) -> bool:
        names = [n for n in (summary.variable, summary.name) if isinstance(n, str)]
        return any(fnmatchcase(n, p) for n in names for p in patterns)

    return [replace(r, summaries=tuple(s for s in r.summaries if picked(s))) for r in results]


def _summary_notes(
    results: list[Any], shown: list[Any], explicit: set[str], patterns: tuple[str, ...]
) -> dict[str, str]:
    """By path, a line for each file that shows no summary: no model in it, or none that
    ``--model`` picks.

    Files found in folders that never mention keras go unmentioned; so do files that could not
    be analysed (their diagnostic says why)."""
    notes = {}
    for result, picked in zip(results, shown):
        if picked.summaries or any(d.code.startswith("KC0") for d in result.diagnostics):
            continue
        if result.skipped and result.path not in explicit:
            continue
        if result.summaries:
            models = ", ".join(_model_label(s) for s in result.summaries)
            notes[result.path] = f"{result.path}: no model matches {_model_options(patterns)} (its models: {models})\n"
        else:
            notes[result.path] = f"{result.path}: no model\n"
    return notes


def _model_options(patterns: tuple[str, ...]) -> str:
    return " ".join(f"--model '{p}'" for p in patterns)


def _model_label(summary: Any) -> str:
    from kerascheck.engine.dims import UNKNOWN

    name = "?" if summary.name is UNKNOWN else str(summary.name)
    return name if summary.variable in (None, name) else f"{summary.variable} ({name})"


def _colour_wanted(stream: Any) -> bool:
    """Colour as ruff decides it: ``FORCE_COLOR`` (or ``CLICOLOR_FORCE``) set forces it, ``NO_COLOR``
    set turns it off, ``CLICOLOR=0`` too; otherwise only on a terminal."""
    import os

    if os.environ.get("FORCE_COLOR"):
        return True
    if os.environ.get("CLICOLOR_FORCE", "0") != "0":
        return True
    if os.environ.get("NO_COLOR") or os.environ.get("CLICOLOR") == "0":
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


class _collector_paused:
    """The cyclic garbage collector off while a run reads, imports and looks up the cache.

    Those make few reference cycles but many long-lived objects (modules, classes, results),
    which collections would only traverse again and again. The analysis turns it back on
    (:mod:`kerascheck.runner`); the caller's setting is restored at the end.
    """

    def __enter__(self) -> None:
        import gc

        self.collecting = gc.isenabled()
        gc.disable()

    def __exit__(self, *exc: object) -> None:
        import gc

        if self.collecting:
            gc.enable()
        else:
            gc.disable()


def _apply_fixes(results: list[Any], settings: Any, write: bool) -> tuple[list[Any], list[tuple[str, str]], int]:
    """Fix every file that has fixable diagnostics; the new results, each changed file's diff,
    and the number of files whose fixes could not be written."""
    from kerascheck.analysis import analyse_source
    from kerascheck.fixes import fix_file

    fixed_results, changed = [], []
    applied = failures = 0
    for result in results:
        if result.path.endswith(".ipynb") or not any(d.fix for d in result.diagnostics):
            fixed_results.append(result)
            continue
        done = fix_file(
            result.path, lambda text, path=result.path: analyse_source(text, path, settings), write, settings.root
        )
        if done.outcome is None:
            fixed_results.append(result)
            continue
        changed.append((result.path, done.diff))
        if done.error is not None:
            click.echo(f"kerascheck: {result.path}: {done.error}", err=True)
            fixed_results.append(result)
            failures += 1
            continue
        applied += len(done.outcome.applied)
        fixed_results.append(done.outcome.result)
    if applied:
        verb = "Fixed" if write else "Would fix"
        click.echo(f"kerascheck: {verb} {applied} diagnostic(s) in {len(changed) - failures} file(s)", err=True)
    return fixed_results, changed, failures


def _write_graphs(results: list[Any], folder: Path, fmt: str | None, root: Path) -> int:
    """Write every model's DOT graph (and picture: ``fmt``, or SVG where ``dot`` is installed);
    the number of failures.

    A folder named relative to the current one must be inside the project (``root``), all
    symlinks resolved: one that leads out of it is refused unless named by an absolute path."""
    from kerascheck.reporters import graph
    from kerascheck.safeio import inside

    if not folder.is_absolute() and not inside(folder, root):
        click.echo(
            f"kerascheck: not writing graphs in {folder}: it leads out of the project ({root}); "
            "name it with an absolute path to write there",
            err=True,
        )
        return 1
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        click.echo(f"kerascheck: cannot create {folder}: {err.strerror or err}", err=True)
        return 1
    summaries = [summary for result in results for summary in result.summaries]
    return graph.write_graphs(summaries, folder, fmt, lambda line: click.echo(line, err=True))


def _render(
    results: list[Any], output_format: str, summary: bool, explain: bool, colour: bool = False,
    notes: dict[str, str] | None = None,
) -> str:
    if output_format == "json":
        from kerascheck.reporters import json_report

        return json_report.render(results, explain=explain)
    if output_format == "sarif":
        from kerascheck.reporters import sarif

        return sarif.render(results)
    if output_format == "github":
        from kerascheck.reporters import github

        return github.render(results)
    from kerascheck.reporters import text

    out = text.render_summaries(results, explain=explain, notes=notes) if summary else ""
    return out + text.render_diagnostics(results, colour)


@main.command(short_help="Explain a rule (kerascheck rule KC101), or list them all.")
@click.argument("code", required=False)
@click.option("--all", "show_all", is_flag=True, help="List every rule.")
def rule(code: str | None, show_all: bool) -> None:
    """Explain rule CODE (for example KC101), or list every rule."""
    from kerascheck.rules import ALL_RULES, RULES_BY_CODE, render_doc

    if code is None or show_all:
        for r in ALL_RULES:
            default = "" if r.default else "  (not selected by default)"
            click.echo(f"{r.code}  {r.name:<30} {r.severity}{default}")
        return
    found = RULES_BY_CODE.get(code.upper())
    if found is None:
        click.echo(f"kerascheck: no rule {code!r}; `kerascheck rule` lists them", err=True)
        sys.exit(2)
    click.echo(render_doc(found), nl=False)


@main.command(short_help="Run the language server on stdin/stdout (needs kerascheck[lsp]).")
def lsp() -> None:
    """Run the language server on stdin/stdout (needs `pip install 'kerascheck[lsp]'`)."""
    try:
        import pygls  # noqa: F401
    except ImportError:
        click.echo(
            "kerascheck: the language server needs pygls; install it with: pip install 'kerascheck[lsp]'",
            err=True,
        )
        sys.exit(2)
    from kerascheck.lsp import serve

    serve()


def run(argv: list[str] | None = None) -> Any:
    return main.main(args=argv, prog_name="kerascheck")
