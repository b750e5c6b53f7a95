"""Settings: ``[tool.kerascheck]`` in ``pyproject.toml``, then the command line.

Keys follow ruff's: ``select``, ``extend-select``, ``ignore``, ``exclude``,
``per-file-ignores``, plus ``exit-zero``, ``keras-version``, ``backend``, the thresholds of the lint rules
(``param-hog-share``, ``param-hog-min-params``), the language server's ``inlay-hints`` and
``cache-dir`` (default: ``.kerascheck_cache`` beside the configuration file, else in the current
folder).  The file is found by walking
up from the current folder (or given with ``--config``); values given on the
command line win.
"""

from __future__ import annotations

import fnmatch
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib


from kerascheck.knowledge.keras_backends import BACKENDS


class ConfigError(Exception):
    """The configuration is unusable; reported as a usage error (exit 2)."""


@dataclass(frozen=True)
class Settings:
    select: tuple[str, ...] | None = None  # None: every rule selected by default
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    exit_zero: bool = False
    param_hog_share: float = 0.9
    param_hog_min_params: int = 100_000_000
    max_params: tuple[tuple[str, int], ...] = ()  # KC305: (model glob, parameter budget)
    keras_version: int = 3  # whose summary() and errors to predict: Keras 3.15, or Keras 2 (tf-keras)
    # Keras 3's backend where the program does not set KERAS_BACKEND (the sizes of int variables).
    backend: str = "jax"
    inlay_hints: bool = True  # the language server's output shapes after each layer call
    root: Path = field(default_factory=Path.cwd)  # folder of the configuration file
    cache_dir: Path | None = None  # None: root / ".kerascheck_cache"

    def enabled(self, code: str, path: str | None = None) -> bool:
        from kerascheck.rules import RULES_BY_CODE

        rule = RULES_BY_CODE.get(code)
        if self.select is None:
            selected = rule is None or rule.default
        else:
            selected = _matches(code, self.select)
        selected = selected or _matches(code, self.extend_select)
        if not selected or _matches(code, self.ignore):
            return False
        if path is not None and self.per_file_ignores:
            relative = _relative(Path(path), self.root)
            for pattern, codes in self.per_file_ignores:
                if _glob(relative, pattern) and _matches(code, codes):
                    return False
        return True

    def analysis_key(self) -> str:
        """The settings that change what the analysis of a file finds, before selection and noqa.

        Selection, ``per-file-ignores`` and ``# noqa`` are applied after the result cache, so
        only the lint thresholds, the parameter budgets and the Keras version are part of a
        cache entry's key.
        """
        return repr((self.param_hog_share, self.param_hog_min_params, self.max_params, self.keras_version,
                     self.backend))

    def cache_folder(self) -> Path:
        return self.cache_dir if self.cache_dir is not None else self.root / ".kerascheck_cache"


def _matches(code: str, prefixes: Iterable[str]) -> bool:
    return any(prefix == "ALL" or code.startswith(prefix) for prefix in prefixes)


def _relative(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _glob(relative: str, pattern: str) -> bool:
    return fnmatch.fnmatch(relative, pattern) or fnmatch.fnmatch(Path(relative).name, pattern)


_KEYS = {
    "select", "extend-select", "ignore", "exclude", "per-file-ignores", "exit-zero",
    "param-hog-share", "param-hog-min-params", "keras-version", "backend", "max-params", "cache-dir", "inlay-hints",
}


MAX_CONFIG_BYTES = 1024 * 1024  # a pyproject.toml is read only up to this size


def read_toml(path: Path) -> dict[str, Any]:
    """A TOML file's content; ConfigError (with the file and the reason) for anything wrong:
    unreadable, not a regular file, too large, not UTF-8, not TOML, nested too deeply."""
    from kerascheck.safeio import read_regular

    try:
        data, _ = read_regular(path, MAX_CONFIG_BYTES)
        return tomllib.loads(data.decode("utf-8"))
    except OSError as err:
        raise ConfigError(f"cannot read {path}: {err.strerror or err}") from None
    except UnicodeDecodeError as err:
        raise ConfigError(f"{path} is not valid UTF-8 (byte {err.start}: {err.reason})") from None
    except tomllib.TOMLDecodeError as err:
        raise ConfigError(f"{path} is not valid TOML: {err}") from None
    except (RecursionError, MemoryError):
        raise ConfigError(f"{path} is not valid TOML: a value is nested too deeply to read") from None


def find_config(start: Path) -> Path | None:
    """The nearest ``pyproject.toml`` with a ``[tool.kerascheck]`` table, walking up.

    A ``pyproject.toml`` on the way that cannot be read as TOML is a ConfigError, as in ruff:
    its ``[tool.kerascheck]`` may be the one meant, and a run that silently ignored it would
    check with other rules than the project's.
    """
    current = start.resolve()
    for folder in (current, *current.parents):
        candidate = folder / "pyproject.toml"
        if candidate.exists():
            data = read_toml(candidate)
            if isinstance(data.get("tool"), dict) and "kerascheck" in data["tool"]:
                return candidate
    return None


def load_settings(config_path: Path | None) -> Settings:
    """Settings from a ``pyproject.toml`` (explicit, or found upward from the cwd)."""
    explicit = config_path is not None
    path = config_path if explicit else find_config(Path.cwd())
    if path is None:
        return Settings()
    data = read_toml(Path(path))
    table = data.get("tool", {}).get("kerascheck", {}) if isinstance(data.get("tool"), dict) else {}
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.kerascheck] must be a table")
    return settings_from_table(table, Path(path).resolve().parent, str(path))


def settings_from_table(table: dict[str, Any], root: Path, where: str) -> Settings:
    unknown = sorted(set(table) - _KEYS)
    if unknown:
        raise ConfigError(f"{where}: unknown key(s) in [tool.kerascheck]: {', '.join(unknown)}")

    def codes(key: str) -> tuple[str, ...] | None:
        value = table.get(key)
        if value is None:
            return None
        if not isinstance(value, list) or not all(isinstance(v, str) and _valid_code(v) for v in value):
            raise ConfigError(f"{where}: `{key}` must be a list of rule codes or prefixes such as \"KC1\"")
        check_codes(value, f"{where}: `{key}`")
        return tuple(value)

    per_file: list[tuple[str, tuple[str, ...]]] = []
    raw = table.get("per-file-ignores", {})
    if not isinstance(raw, dict):
        raise ConfigError(f"{where}: `per-file-ignores` must be a table of glob = [codes]")
    for pattern, value in raw.items():
        if not isinstance(value, list) or not all(isinstance(v, str) and _valid_code(v) for v in value):
            raise ConfigError(f"{where}: per-file-ignores.{pattern!r} must be a list of rule codes")
        check_codes(value, f"{where}: per-file-ignores.{pattern!r}")
        per_file.append((pattern, tuple(value)))
    exclude = table.get("exclude", [])
    if not isinstance(exclude, list) or not all(isinstance(v, str) for v in exclude):
        raise ConfigError(f"{where}: `exclude` must be a list of glob patterns")
    exit_zero = table.get("exit-zero", False)
    if not isinstance(exit_zero, bool):
        raise ConfigError(f"{where}: `exit-zero` must be true or false")
    share = table.get("param-hog-share", 0.9)
    if not isinstance(share, (int, float)) or isinstance(share, bool) or not 0 < share <= 1:
        raise ConfigError(f"{where}: `param-hog-share` must be a number in (0, 1]")
    minimum = table.get("param-hog-min-params", 100_000_000)
    if not isinstance(minimum, int) or isinstance(minimum, bool) or minimum < 0:
        raise ConfigError(f"{where}: `param-hog-min-params` must be a non-negative integer")
    budgets = table.get("max-params", {})
    if isinstance(budgets, int) and not isinstance(budgets, bool):
        budgets = {"*": budgets}
    if not isinstance(budgets, dict) or not all(
        isinstance(v, int) and not isinstance(v, bool) and v >= 0 for v in budgets.values()
    ):
        raise ConfigError(
            f"{where}: `max-params` must be a parameter count or a table of model name patterns to counts"
        )
    keras_version = table.get("keras-version", 3)
    if keras_version not in (2, 3) or isinstance(keras_version, bool):
        raise ConfigError(f"{where}: `keras-version` must be 2 or 3")
    backend = table.get("backend", "jax")
    if backend not in BACKENDS:
        raise ConfigError(f"{where}: `backend` must be one of {', '.join(BACKENDS)}")
    cache_dir = table.get("cache-dir")
    if cache_dir is not None and (not isinstance(cache_dir, str) or not cache_dir):
        raise ConfigError(f"{where}: `cache-dir` must be a folder path (relative to {root})")
    inlay_hints = table.get("inlay-hints", True)
    if not isinstance(inlay_hints, bool):
        raise ConfigError(f"{where}: `inlay-hints` must be true or false")
    return Settings(
        select=codes("select"),
        extend_select=codes("extend-select") or (),
        ignore=codes("ignore") or (),
        exclude=tuple(exclude),
        per_file_ignores=tuple(per_file),
        exit_zero=exit_zero,
        param_hog_share=float(share),
        param_hog_min_params=minimum,
        keras_version=keras_version,
        backend=backend,
        max_params=tuple(sorted(budgets.items())),
        inlay_hints=inlay_hints,
        root=root,
        cache_dir=root / Path(cache_dir).expanduser() if cache_dir is not None else None,
    )


def _valid_code(value: str) -> bool:
    return value == "ALL" or (value.startswith("KC") and value[2:].isdigit() and len(value) <= 5)


def check_codes(codes: Iterable[str], where: str) -> None:
    """ConfigError unless every code or prefix names at least one rule: a selection of
    ``KC999`` would select nothing and turn every rule off (a CI job gone green)."""
    from kerascheck.rules import ALL_RULES

    unknown = [c for c in codes if c != "ALL" and not any(rule.code.startswith(c) for rule in ALL_RULES)]
    if unknown:
        names = ", ".join(unknown)
        raise ConfigError(f"{where}: {names} {'matches' if len(unknown) == 1 else 'match'} no rule (`kerascheck rule` lists them)")
