"""What Keras 3 does with Keras 2's API: the catalogue recorded from real Keras by
tests/oracle/record_migration.py (``migration.json.gz``; each entry's script and what Keras 3
did with it: ``fixtures/migration/cases.json``).

Read on first use, once per process: a file that never reaches the migration checks never loads it.
"""

from __future__ import annotations

import gzip
import json
from functools import lru_cache
from pathlib import Path
from types import SimpleNamespace

PATH = Path(__file__).with_name("migration.json.gz")


@lru_cache(maxsize=1)
def catalogue() -> SimpleNamespace:
    """The sections (``MODULES``, ``NAMES``, ``MOVED``, ``ARGUMENTS``, ``MODEL_ARGUMENTS``,
    ``MODEL_ATTRIBUTES``, ``LAYER_ATTRIBUTES``, ``NUMPY_INTEGERS``, ``BEHAVIOURS``) as attributes;
    what each holds is described in its ``sections``."""
    return SimpleNamespace(**json.loads(gzip.decompress(PATH.read_bytes())))
