"""kerascheck's speed, measured: medians over several runs on this machine.

    python benchmarks/run.py [--runs 5] [--files 1000] [--big-files 5000] [--keras-python PATH]

It measures the ``kerascheck`` on PATH with the Python running this script.  For the
figures users get, run it in a virtual environment where kerascheck is installed as the
README installs it (``pip install .``): an editable install (``pip install -e .``) adds
its import hook to the start-up of every Python process (about 13 ms here).

Reports
- start-up: ``kerascheck --version`` against ``python -c pass``;
- one small model file: ``kerascheck FILE`` against the floor of any libcst tool (a
  script that imports libcst and parses the same file);
- a generated corpus (``--files`` Python files, a tenth of them building models):
  files per second of ``kerascheck`` against a bare ``libcst.parse_module`` loop over the
  files it must parse (those that mention keras);
- the same corpus, and a bigger one (``--big-files``), with ``--jobs 1`` and ``--jobs 2`` (the
  speed-up of a second worker: the libcst import every worker needs first is a fixed cost, a
  smaller share of a bigger tree), and what a second process gains on this machine at all (a
  pure-Python loop, alone and twice at once);
- the result cache on both corpora: a cold run (empty ``.kerascheck_cache``) against a
  warm re-run of the unchanged tree;
- the same model file run with real Keras (import + build + ``summary()``), when an
  interpreter with Keras is given (``--keras-python``, ``KERAS_BACKEND=jax``), with the peak
  memory of both, and kerascheck on that file again from its result cache;
- the cost per layer of the two constructs that used to be quadratic, at 1,000 and 10,000
  layers: ``model.add`` in a loop, and a functional chain (``h = layers.Dense(8)(h)``);
- real code: the installed ``keras`` package and the standard library (``--real-code``, on by
  default when keras is importable), ``--jobs 1``, against a bare libcst parse of the files
  kerascheck parses (those that mention keras, and those that import a module of their project
  that does), with the peak memory and the slowest files (timed one by one).
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MODEL = ROOT / "fixtures" / "summary" / "seed_visual_question_answering.py"

PARSE_ONE = "import sys, libcst\nlibcst.parse_module(open(sys.argv[1], encoding='utf-8').read())\n"
PARSE_MANY = (
    "import sys, libcst\n"
    "for p in open(sys.argv[1]).read().split():\n"
    "    data = open(p, 'rb').read()\n"
    "    if b'keras' in data:\n"
    "        libcst.parse_module(data.decode('utf-8'))\n"
)
PARSE_LISTED = (
    "import sys, libcst\n"
    "for p in open(sys.argv[1]).read().split():\n"
    "    libcst.parse_module(open(p, 'rb').read().decode('utf-8'))\n"
)
SPIN = "total = 0\nfor i in range(6_000_000):\n    total += i * i % 7\n"
KERAS_RUN = (
    "import runpy, sys, resource\n"
    "ns = runpy.run_path(sys.argv[1])\n"
    "import keras\n"
    "for v in list(ns.values()):\n"
    "    if isinstance(v, keras.Model):\n"
    "        v.summary(print_fn=lambda *a, **k: None)\n"
)


def timed(command: list[str], runs: int, env: dict[str, str] | None = None) -> tuple[float, int]:
    """Median wall time in seconds, and the peak RSS (KiB) of the last run.

    Bytecode caching is left on (as in any installed package), whatever the caller's
    PYTHONDONTWRITEBYTECODE says: compiling the sources on every run is not start-up.
    """
    env = dict(env or os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    times = []
    peak = 0
    for _ in range(runs):
        start = time.perf_counter()
        proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        _, status, usage = os.wait4(proc.pid, 0)
        times.append(time.perf_counter() - start)
        peak = usage.ru_maxrss
        if os.waitstatus_to_exitcode(status) not in (0, 1):
            raise SystemExit(f"command failed: {' '.join(command)}")
    return statistics.median(times), peak


def interleaved(commands: list[list[str]], runs: int) -> list[tuple[float, int]]:
    """Like :func:`timed` for several commands, run in turn: this machine's speed drifts (other
    guests on the host), and alternating lets every command see the same drift."""
    samples: list[list[tuple[float, int]]] = [[] for _ in commands]
    for _ in range(runs):
        for command, found in zip(commands, samples):
            found.append(timed(command, 1))
    return [(statistics.median(t for t, _ in found), found[-1][1]) for found in samples]


def kerascheck_command() -> list[str]:
    found = shutil.which("kerascheck")
    return [found] if found else [sys.executable, "-m", "kerascheck"]


LAYERS = [
    "layers.Dense({n}, activation='relu')",
    "layers.Dropout(0.{d})",
    "layers.BatchNormalization()",
    "layers.Dense({n})",
]


def write_corpus(folder: Path, count: int, seed: int = 0) -> list[Path]:
    """``count`` Python files; every tenth builds a model of a few dozen layers."""
    rng = random.Random(seed)
    paths = []
    for i in range(count):
        path = folder / f"module_{i:05d}.py"
        if i % 10 == 0:
            lines = ["import keras", "from keras import layers", "", "model = keras.Sequential([",
                     f"    keras.Input(shape=({rng.randint(8, 512)},)),"]
            for _ in range(rng.randint(10, 40)):
                template = rng.choice(LAYERS)
                lines.append("    " + template.format(n=rng.randint(4, 256), d=rng.randint(1, 9)) + ",")
            lines.append("])")
        else:
            lines = ["import math", "", f"def function_{i}(x, y=2):", "    total = 0"]
            for j in range(rng.randint(20, 80)):
                lines.append(f"    total += math.sqrt(x * {j} + y) if x > {j} else {j}")
            lines.append("    return total")
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


def cache_runs(kc: list[str], corpus: Path, tmp: Path, runs: int) -> tuple[float, float, int]:
    """Median times of a cold run (the cache emptied first) and of a warm re-run, and the entry count."""
    project = tmp / f"cache_project_{corpus.name}"
    project.mkdir()
    config = project / "pyproject.toml"
    config.write_text('[tool.kerascheck]\ncache-dir = "cache"\n')
    command = kc + ["--config", str(config), str(corpus)]
    colds, warms = [], []
    for _ in range(runs):
        shutil.rmtree(project / "cache", ignore_errors=True)
        colds.append(timed(command, 1)[0])
        warms.append(timed(command, 1)[0])
    entries = sum(1 for _ in (project / "cache").glob("*/*.json"))
    return statistics.median(colds), statistics.median(warms), entries


SEQUENTIAL_LOOP = (
    "import keras\nfrom keras import layers\nmodel = keras.Sequential([keras.Input((4,))])\n"
    "for i in range({n}):\n    model.add(layers.Dense(4))\n"
)
EMPTY_MODEL = "import keras\nmodel = keras.Sequential([keras.Input((4,))])\n"


def layer_costs(kc: list[str], tmp: Path, runs: int) -> list[tuple[str, float, str]]:
    """Seconds per layer of a Sequential.add loop and of a functional chain, 1,000 and 10,000
    layers (the run's time less that of a file with an empty model, over the layers)."""
    files = {"empty": EMPTY_MODEL}
    for n in (1_000, 10_000):
        files[f"add_{n}"] = SEQUENTIAL_LOOP.format(n=n)
        files[f"chain_{n}"] = (
            "import keras\nfrom keras import layers\nh = inputs = keras.Input((8,))\n"
            + "h = layers.Dense(8)(h)\n" * n + "model = keras.Model(inputs, h)\n"
        )
    paths = {}
    for name, text in files.items():
        paths[name] = tmp / f"{name}.py"
        paths[name].write_text(text)
    names = list(files)
    measured = interleaved([kc + ["--no-cache", str(paths[name])] for name in names], runs)
    times = {name: t for name, (t, _) in zip(names, measured)}
    rows = []
    for kind, label in (("add", "Sequential.add in a loop"), ("chain", "functional chain")):
        per = {n: (times[f"{kind}_{n}"] - times["empty"]) / n for n in (1_000, 10_000)}
        rows.append((f"{label}, 1,000 / 10,000 layers", times[f"{kind}_10000"],
                     f"1,000: {times[f'{kind}_1000']:.3f} s; per layer {per[1_000] * 1e6:.0f} µs at 1,000, "
                     f"{per[10_000] * 1e6:.0f} µs at 10,000"))
    return rows


SLOWEST = (
    "import sys, time, gc\n"
    "from kerascheck.analysis import analyse_path\n"
    "from kerascheck.runner import preload\n"
    "preload(); gc.enable()\n"
    "times = []\n"
    "for p in open(sys.argv[1]).read().split('\\n'):\n"
    "    if p and b'keras' in open(p, 'rb').read():\n"
    "        t = time.perf_counter(); analyse_path(p); times.append((time.perf_counter() - t, p))\n"
    "for t, p in sorted(times, reverse=True)[:5]:\n"
    "    print(f'{t:.2f} {p}')\n"
)


def real_code(kc: list[str], tmp: Path, runs: int, keras_root: Path) -> list[tuple[str, float, str]]:
    """The installed keras package and the standard library, as a user would run them."""
    import sysconfig

    stdlib = Path(sysconfig.get_paths()["stdlib"])
    listing = tmp / "real_files.txt"
    found = []
    for root in (keras_root, stdlib):
        for folder, dirs, names in os.walk(root):
            dirs[:] = sorted(d for d in dirs if d not in ("site-packages", "dist-packages", "__pycache__"))
            found += [os.path.join(folder, n) for n in sorted(names) if n.endswith(".py")]
    listing.write_text("\n".join(found))
    # What kerascheck parses: the files that mention keras, and those whose imports reach a
    # module of their project that does (kerascheck.frontend.files.scan_imports).
    from kerascheck.frontend.files import has_imports, scan_imports

    keras_files = [p for p in found if b"keras" in Path(p).read_bytes()]
    reaching = [p for p in found if b"keras" not in (data := Path(p).read_bytes()) and has_imports(data)
                and scan_imports(data, Path(p)).reaches_keras]
    parsed = tmp / "real_parsed.txt"
    parsed.write_text("\n".join(keras_files + reaching))
    script = tmp / "parse_many_real.py"
    script.write_text(PARSE_LISTED)
    (bare, _), (full, peak) = interleaved(
        [[sys.executable, str(script), str(parsed)], kc + ["--no-cache", "--jobs", "1", str(keras_root), str(stdlib)]],
        runs,
    )
    slowest_script = tmp / "slowest.py"
    slowest_script.write_text(SLOWEST)
    slowest = subprocess.run([sys.executable, str(slowest_script), str(listing)], capture_output=True, text=True).stdout
    tops = "; ".join(f"{line.split()[0]} s {Path(line.split()[1]).name}" for line in slowest.splitlines()[:3])
    return [(f"keras package + standard library, --jobs 1 ({len(found)} files, {len(keras_files)} mention keras, "
             f"{len(reaching)} import a module that does)", full,
             f"bare libcst parse of those {bare:.2f} s, ratio {full / bare:.2f}x; peak {peak / 1024:.0f} MB; "
             f"slowest: {tops}")]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--big-files", type=int, default=5000)
    parser.add_argument("--keras-python", default=os.environ.get("KERASCHECK_ORACLE_PYTHON"))
    parser.add_argument("--real-code", default=None, help="the keras package folder (default: the installed one)")
    parser.add_argument("--only", choices=["layers", "real-code"], help="measure only these rows")
    args = parser.parse_args()
    kc = kerascheck_command()
    import kerascheck

    editable = "site-packages" not in Path(kerascheck.__file__).resolve().parts
    print(f"measuring {' '.join(kc)} ({'an editable install: start-up includes its import hook' if editable else 'installed'})")
    rows = []
    # Warm the bytecode caches of kerascheck and libcst once, outside the measurements. Every
    # measurement but the cache's own runs with --no-cache: they measure the analysis.
    timed(kc + ["--no-cache", "--summary", str(MODEL)], 1)
    keras_root = Path(args.real_code) if args.real_code else None
    if keras_root is None:
        from importlib.util import find_spec

        spec = find_spec("keras")
        keras_root = Path(spec.origin).parent if spec is not None and spec.origin else None
    if args.only:
        with tempfile.TemporaryDirectory() as tmp:
            if args.only == "layers":
                rows += layer_costs(kc, Path(tmp), args.runs)
            elif keras_root is not None:
                rows += real_code(kc, Path(tmp), max(1, args.runs // 2), keras_root)
        return _print(rows)

    (floor, _), (version, _) = interleaved([[sys.executable, "-c", "pass"], kc + ["--version"]], args.runs)
    rows.append(("start-up: kerascheck --version", version, f"python -c pass {floor:.3f} s, +{version - floor:.3f} s"))

    with tempfile.TemporaryDirectory() as tmp:
        parse_script = Path(tmp) / "parse_one.py"
        parse_script.write_text(PARSE_ONE)
        (parse_one, _), (one, kc_peak) = interleaved(
            [[sys.executable, str(parse_script), str(MODEL)], kc + ["--no-cache", "--summary", str(MODEL)]], args.runs
        )
        rows.append(("one model file: kerascheck --summary", one,
                     f"import libcst + parse {parse_one:.3f} s, ratio {one / parse_one:.2f}x"))

        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        paths = write_corpus(corpus, args.files)
        listing = Path(tmp) / "files.txt"
        listing.write_text("\n".join(str(p) for p in paths))
        parse_many_script = Path(tmp) / "parse_many.py"
        parse_many_script.write_text(PARSE_MANY)
        (bare, _), (full, corpus_peak) = interleaved(
            [[sys.executable, str(parse_many_script), str(listing)], kc + ["--no-cache", str(corpus)]], args.runs
        )
        rows.append((f"corpus of {args.files} files: kerascheck", full,
                     f"{args.files / full:.0f} files/s; bare libcst parse of the keras files {bare:.3f} s, "
                     f"ratio {full / bare:.2f}x; peak {corpus_peak / 1024:.0f} MB"))
        (one_job, one_peak), (two_jobs, two_peak) = interleaved(
            [kc + ["--no-cache", "--jobs", "1", str(corpus)], kc + ["--no-cache", "--jobs", "2", str(corpus)]], args.runs
        )
        rows.append((f"corpus of {args.files} files: --jobs 1 / --jobs 2", two_jobs,
                     f"--jobs 1 {one_job:.3f} s, {one_job / two_jobs:.2f}x faster with 2; "
                     f"peak {one_peak / 1024:.0f} / {two_peak / 1024:.0f} MB"))
        if args.big_files:
            big = Path(tmp) / "big_corpus"
            big.mkdir()
            write_corpus(big, args.big_files, seed=1)
            (one_job, one_peak), (two_jobs, two_peak) = interleaved(
                [kc + ["--no-cache", "--jobs", "1", str(big)], kc + ["--no-cache", "--jobs", "2", str(big)]],
                max(3, args.runs // 2),
            )
            rows.append((f"corpus of {args.big_files} files: --jobs 1 / --jobs 2", two_jobs,
                         f"--jobs 1 {one_job:.3f} s, {one_job / two_jobs:.2f}x faster with 2; "
                         f"{args.big_files / two_jobs:.0f} files/s; peak {one_peak / 1024:.0f} / {two_peak / 1024:.0f} MB"))
        # What two processes gain on this machine at all: the same pure-Python loop, once in
        # one process, then twice in two at the same time (shared or throttled cores show here).
        spin = [sys.executable, "-c", SPIN]
        both = [sys.executable, "-c", f"import subprocess as s, sys; ps = [s.Popen({spin!r}) for _ in '12']; "
                "sys.exit(max(p.wait() for p in ps))"]
        (alone, _), (pair, _) = interleaved([spin, both], args.runs)
        rows.append(("this machine: a CPU-bound loop, 1 vs 2 processes", pair,
                     f"alone {alone:.3f} s; two at once give {2 * alone / pair:.2f}x the work per second "
                     "(the ceiling for --jobs 2)"))

        cold, warm, cache_files = cache_runs(kc, corpus, Path(tmp), max(1, args.runs // 2))
        rows.append((f"corpus of {args.files} files, cache cold", cold, f"{cache_files} cache entries written"))
        rows.append((f"corpus of {args.files} files, cache warm", warm, f"{cold / warm:.1f}x faster than cold"))
        if args.big_files:
            cold, warm, cache_files = cache_runs(kc, big, Path(tmp), max(1, args.runs // 2))
            rows.append((f"corpus of {args.big_files} files, cache cold", cold, f"{cache_files} cache entries written"))
            rows.append((f"corpus of {args.big_files} files, cache warm", warm, f"{cold / warm:.1f}x faster than cold"))

        if args.keras_python:
            env = {**os.environ, "KERAS_BACKEND": "jax"}
            keras_time, keras_peak = timed([args.keras_python, "-c", KERAS_RUN, str(MODEL)], max(1, args.runs // 2), env)
            rows.append(("same model file with real Keras", keras_time,
                         f"kerascheck is {keras_time / one:.0f}x faster; peak {keras_peak / 1024:.0f} MB "
                         f"vs {kc_peak / 1024:.0f} MB"))
            # The same file again from kerascheck's result cache (a cache of its own, filled once).
            project = Path(tmp) / "cache_project_model"
            project.mkdir()
            config = project / "pyproject.toml"
            config.write_text('[tool.kerascheck]\ncache-dir = "cache"\n')
            cached = kc + ["--config", str(config), "--summary", str(MODEL)]
            timed(cached, 1)
            warm_one, _ = timed(cached, args.runs)
            rows.append(("same model file, kerascheck from its cache", warm_one,
                         f"{keras_time / warm_one:.0f}x faster than real Keras"))

        rows += layer_costs(kc, Path(tmp), args.runs)
        if keras_root is not None:
            rows += real_code(kc, Path(tmp), max(1, args.runs // 2), keras_root)
    return _print(rows)


def _print(rows: list[tuple[str, float, str]]) -> int:
    width = max(len(r[0]) for r in rows)
    for name, seconds, note in rows:
        print(f"{name:<{width}}  {seconds:7.3f} s   {note}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
