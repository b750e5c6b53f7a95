"""Record what real Keras does with every rule's examples.

Each rule in ``kerascheck/rules/`` carries failing (``invalid``) and passing
(``valid``) code examples, which are also its documentation.  This script runs
each example with real Keras through ``record.py`` and writes whether Keras
raised, and what, to ``fixtures/rules/rule_examples.json``; the test suite
holds the rules to it.  Only the examples' source text is read from
kerascheck (the rule modules are plain data and need neither libcst nor Keras).

    KERAS_BACKEND=jax python tests/oracle/record_rules.py          # rewrite
    KERAS_BACKEND=jax python tests/oracle/record_rules.py --check  # compare
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO_ROOT = HERE.parents[1]
OUTPUT = REPO_ROOT / "fixtures" / "rules" / "rule_examples.json"
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(REPO_ROOT))

import record  # noqa: E402  (the fixture recorder beside this file)
from recording import in_shard, shard_of  # noqa: E402


def examples() -> list[tuple[str, str, int, str]]:
    from kerascheck.rules import ALL_RULES

    return [(rule.code, kind, index, source) for rule in ALL_RULES for kind, index, source in rule.examples()]


def record_examples(shard: tuple[int, int] = (1, 1)) -> str:
    here = os.getcwd()
    with tempfile.TemporaryDirectory() as folder:
        os.chdir(folder)  # what an example saves (model.save_weights(...)) stays out of the repository
        try:
            return _record_in(Path(folder), shard)
        finally:
            os.chdir(here)


def _record_in(folder: Path, shard: tuple[int, int]) -> str:
    entries = []
    result = {"keras_version": record.keras.__version__}
    for position, (code, kind, index, source) in enumerate(examples()):
        if not in_shard(position, shard):
            continue
        path = folder / f"{code}_{kind}_{index}.py"
        path.write_text(source, encoding="utf-8")
        result = record.record_file(path)
        error = result["error"]
        entries.append(
            {
                "code": code,
                "kind": kind,
                "index": index,
                "source": source,
                "error": None if error is None else {"type": error["type"], "line": error["line"],
                                                     "message": error["message"]},
            }
        )
    keras_version = result["keras_version"]
    return json.dumps({"keras_version": keras_version, "examples": entries}, indent=1, ensure_ascii=False) + "\n"


def main(argv: list[str]) -> int:
    if os.environ.get("PYTHONHASHSEED") != "0":
        # Some Keras messages print sets of strings: fix their order.
        os.environ["PYTHONHASHSEED"] = "0"
        os.execv(sys.executable, [sys.executable, __file__, *argv])
    record.trace_training_steps()
    shard = shard_of(argv) if "--check" in argv else (1, 1)
    text = record_examples(shard)
    if shard != (1, 1):
        # (a part of the examples: each against its stored entry)
        stored = {(e["code"], e["kind"], e["index"]): e for e in json.loads(OUTPUT.read_text(encoding="utf-8"))["examples"]}
        differing = [e for e in json.loads(text)["examples"] if stored.get((e["code"], e["kind"], e["index"])) != e]
        for entry in differing:
            print(f"{entry['code']} {entry['kind']} {entry['index']} differs from what Keras records now")
        return 1 if differing else 0
    if "--check" in argv:
        if not OUTPUT.exists() or OUTPUT.read_text(encoding="utf-8") != text:
            print(f"{OUTPUT} differs from what Keras records now: re-run tests/oracle/record_rules.py")
            return 1
        return 0
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUTPUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
