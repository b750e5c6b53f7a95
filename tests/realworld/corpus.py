"""The real-world corpus: which published scripts it holds, and bringing them here.

The scripts are other people's code, so they are not committed: ``corpus.json`` names each one
by repository, commit and path (with the SHA-256 of its bytes), and ``materialize`` copies them
out of snapshots of those repositories into ``tests/realworld/scripts/`` (ignored by git), where
their recorded truth, ``<name>.expected.json``, is committed beside them::

    python tests/realworld/corpus.py materialize [--mirror OWNER/NAME=GIT_DIR ...]
    python tests/realworld/corpus.py list
    python tests/realworld/corpus.py notice      # rewrite NOTICE.md from corpus.json

A snapshot is a git directory of the repository (a bare clone, or a checkout's ``.git``); by
default ``/work/.mirror/<owner>+<name>/repo`` is used, where the workplace's ``fetch`` leaves one.
Every script's bytes are checked against ``corpus.json``'s SHA-256.

No Keras and no kerascheck here.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
MANIFEST = HERE / "corpus.json"
SCRIPTS = HERE / "scripts"
EXPECTED_SUFFIX = ".expected.json"
DEFAULT_MIRRORS = Path("/work/.mirror")


@dataclass(frozen=True)
class Script:
    id: str  # "keras-io/vision/mnist_convnet": the file is scripts/<id><suffix>
    repo: str  # "keras-team/keras"
    commit: str
    path: str  # inside the repository
    sha256: str
    licence: str
    notes: tuple[str, ...] = ()

    @property
    def suffix(self) -> str:
        return Path(self.path).suffix

    @property
    def file(self) -> Path:
        return SCRIPTS / (self.id + self.suffix)

    @property
    def expected(self) -> Path:
        return SCRIPTS / (self.id + EXPECTED_SUFFIX)

    @property
    def url(self) -> str:
        return f"https://github.com/{self.repo}/blob/{self.commit}/{self.path}"


def load() -> list[Script]:
    data = json.loads(MANIFEST.read_text(encoding="utf-8"))
    return [Script(**{**entry, "notes": tuple(entry.get("notes", ()))}) for entry in data["scripts"]]


def select(names: list[str]) -> list[Script]:
    """The corpus scripts named by id, by file path, or by an id prefix (``keras-io/vision/``);
    all of them when ``names`` is empty."""
    scripts = load()
    if not names:
        return scripts
    chosen: list[Script] = []
    for name in names:
        resolved = Path(name).resolve()
        hits = [s for s in scripts if s.id == name or s.file == resolved or s.id.startswith(name)]
        if not hits:
            raise SystemExit(f"not in the corpus: {name}")
        chosen += [s for s in hits if s not in chosen]
    return chosen


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _git_dir(repo: str, overrides: dict[str, Path]) -> Path:
    if repo in overrides:
        return overrides[repo]
    return DEFAULT_MIRRORS / repo.replace("/", "+") / "repo"


def read_from_snapshot(script: Script, git_dir: Path) -> bytes:
    return subprocess.run(
        ["git", f"--git-dir={git_dir}", "show", f"{script.commit}:{script.path}"],
        check=True, capture_output=True,
    ).stdout


def materialize(overrides: dict[str, Path], force: bool = False) -> int:
    problems = 0
    written = present = 0
    for script in load():
        if script.file.exists() and not force and sha256(script.file.read_bytes()) == script.sha256:
            present += 1
            continue
        git_dir = _git_dir(script.repo, overrides)
        if not git_dir.exists():
            print(f"no snapshot of {script.repo} at {git_dir} (fetch it, or pass --mirror "
                  f"{script.repo}=GIT_DIR): {script.id} left out", file=sys.stderr)
            problems += 1
            continue
        try:
            data = read_from_snapshot(script, git_dir)
        except subprocess.CalledProcessError as err:
            print(f"{script.id}: {err.stderr.decode().strip()}", file=sys.stderr)
            problems += 1
            continue
        if sha256(data) != script.sha256:
            print(f"{script.id}: its bytes are not the ones recorded (sha256)", file=sys.stderr)
            problems += 1
            continue
        script.file.parent.mkdir(parents=True, exist_ok=True)
        script.file.write_bytes(data)
        written += 1
    print(f"{written} script(s) written, {present} already there, {problems} problem(s)")
    return 1 if problems else 0


def missing(scripts: list[Script]) -> list[Script]:
    """The scripts not (or not as recorded) in scripts/."""
    return [s for s in scripts if not s.file.exists() or sha256(s.file.read_bytes()) != s.sha256]


LICENCE_TEXT = {
    "keras-team/keras": "Apache License 2.0 (https://github.com/keras-team/keras/blob/master/LICENSE)",
    "fchollet/deep-learning-with-python-notebooks":
        "MIT License, Copyright (c) 2017-present François Chollet "
        "(https://github.com/fchollet/deep-learning-with-python-notebooks/blob/master/LICENSE)",
}


def notice() -> str:
    """NOTICE.md: where every script comes from, under which licence, and what is special about
    its recording (written from corpus.json, so the two cannot drift apart)."""
    scripts = load()
    out = [
        "# NOTICE: the real-world corpus's sources",
        "",
        "The scripts measured here are other people's published work. They are not copied into",
        "this repository: `corpus.py materialize` reads each one, unmodified, from a snapshot of",
        "its repository at the commit below (SHA-256 checked). What this repository holds is",
        "kerascheck's own recording of what real Keras reports for them (`*.expected.json`).",
        "No script is edited or cut; the recorder's shims (README.md) replace downloads, data",
        "set loaders and training in the recording process only.",
        "",
        "A script marked **sizes from shimmed data** builds a model whose sizes depend on data",
        "the shims made up (a vocabulary, a number of classes, a length read from a download):",
        "its recorded numbers are real Keras's on that synthetic data.",
        "",
    ]
    for repo in sorted({s.repo for s in scripts}):
        mine = [s for s in scripts if s.repo == repo]
        out += [f"## {repo}", "", f"Licence: {LICENCE_TEXT.get(repo, mine[0].licence)}.", ""]
        for commit in sorted({s.commit for s in mine}):
            out.append(f"Commit {commit}:")
            out.append("")
            for s in (s for s in mine if s.commit == commit):
                notes = f" — {'; '.join(s.notes)}" if s.notes else ""
                out.append(f"- `{s.id}`: [{s.path}]({s.url}){notes}")
            out.append("")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    mat = sub.add_parser("materialize", help="copy the scripts out of repository snapshots")
    mat.add_argument("--mirror", action="append", default=[], metavar="OWNER/NAME=GIT_DIR")
    mat.add_argument("--force", action="store_true", help="rewrite scripts already present")
    sub.add_parser("list", help="print every script: id, source URL, notes")
    sub.add_parser("notice", help="rewrite NOTICE.md from corpus.json")
    args = parser.parse_args(argv)
    if args.command == "materialize":
        overrides = {}
        for item in args.mirror:
            repo, _, folder = item.partition("=")
            overrides[repo] = Path(folder)
        return materialize(overrides, args.force)
    if args.command == "notice":
        (HERE / "NOTICE.md").write_text(notice(), encoding="utf-8")
        return 0
    for script in load():
        notes = f"  [{'; '.join(script.notes)}]" if script.notes else ""
        print(f"{script.id}  {script.url}{notes}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
