"""KC0xx: files that cannot be analysed at all."""

from __future__ import annotations

from kerascheck.rules.base import Rule


class SyntaxErrorInFile(Rule):
    code = "KC001"
    name = "syntax-error"
    keras_raises = False
    summary = "The file is not valid Python: it cannot be parsed, so no model in it is analysed."
    why = "Python would raise SyntaxError at this position before any model is built."
    example = """
        `model.py`:

        ```python
        import keras

        model = keras.Sequential([
            keras.Input(shape=(4,)),
            keras.layers.Dense(8)
            keras.layers.Dense(1),
        ])
        ```

        ```console
        $ kerascheck model.py
        model.py:5:5: KC001 SyntaxError: invalid syntax. Perhaps you forgot a comma?
        Found 1 error.
        ```

        Use instead: a comma after `keras.layers.Dense(8)`.
    """


class UnreadableFile(Rule):
    code = "KC002"
    name = "unreadable-file"
    keras_raises = False
    summary = (
        "The file cannot be read, is not a regular file (a FIFO, a device, a symlink to one: never read), "
        "or its bytes are not valid UTF-8 (PEP 3120's default encoding)."
    )
    why = "kerascheck analyses source text; it reports the file rather than guess its encoding."
    example = """
        A file saved in Latin-1, where `é` is the byte `\\351` instead of UTF-8's two bytes:

        ```console
        $ printf 'import keras\\nname = "\\351t\\351"\\n' > latin1.py
        $ kerascheck latin1.py
        latin1.py:1:1: KC002 file is not valid UTF-8 (byte 21: invalid continuation byte); it was not analysed
        Found 1 error.
        ```

        Use instead: save the file as UTF-8.
    """


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
    example = """
        An expression nested 20,000 levels deep (generated code can be):

        ```console
        $ python3 -c "print('import keras\\nx = ' + '-' * 20000 + '1')" > deep.py
        $ kerascheck deep.py
        deep.py:1:1: KC003 file is nested too deeply to parse
        Found 1 error.
        ```

        Use instead: keep generated data out of Python source (load it from a file).
    """


class InternalError(Rule):
    code = "KC004"
    name = "internal-error"
    keras_raises = False
    summary = "kerascheck itself failed on this file; the other files are still analysed."
    why = (
        "This is a bug in kerascheck, not in the file: please report it with the file (or a "
        "reduced version of it). The message names the Python exception."
    )
    example = """
        The diagnostic names the exception that kerascheck raised; the other files of the run
        are analysed as usual:

        ```text
        model.py:1:1: KC004 internal error: RecursionError: maximum recursion depth exceeded
        ```

        Use instead: nothing to change in `model.py`; report the bug, and suppress the
        diagnostic meanwhile with `# kerascheck: skip-file` or `--ignore KC004`.
    """
