"""KC0xx: files that cannot be analysed at all."""

from __future__ import annotations

from kerascheck.rules.base import Rule


class SyntaxErrorInFile(Rule):
    code = "KC001"
    name = "syntax-error"
    keras_raises = False
    summary = "The file is not valid Python: it cannot be parsed, so no model in it is analysed."
    why = "Python would raise SyntaxError at this position before any model is built."


class UnreadableFile(Rule):
    code = "KC002"
    name = "unreadable-file"
    keras_raises = False
    summary = (
        "The file cannot be read, is not a regular file (a FIFO, a device, a symlink to one: never read), "
        "or its bytes are not valid UTF-8 (PEP 3120's default encoding)."
    )
    why = "kerascheck analyses source text; it reports the file rather than guess its encoding."


class FileTooComplex(Rule):
    code = "KC003"
    name = "file-too-complex"
    keras_raises = False
    summary = (
        "The file is past one of kerascheck's per-file bounds: more than 512 KiB of Python, nested too "
        "deeply to parse, or an analysis that needs more steps, values, time or memory than one file may "
        "take. The message names the bound; what was found before it stays, what follows is unknown."
    )
    why = (
        "kerascheck bounds the time and memory it spends on one file, whatever the file holds, so that a "
        "run always finishes and the other files are still analysed."
    )


class InternalError(Rule):
    code = "KC004"
    name = "internal-error"
    keras_raises = False
    summary = "kerascheck itself failed on this file; the other files are still analysed."
    why = (
        "This is a bug in kerascheck, not in the file: please report it with the file (or a "
        "reduced version of it). The message names the Python exception."
    )
