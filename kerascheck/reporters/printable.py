"""Text for a terminal: what a file names (a layer, a model, its own path) never reaches it raw.

A layer named ``"\\x1b]52;c;…\\x07"`` would set the clipboard of whoever reads the output
(OSC 52), others retitle the window, hide text or reorder it (bidirectional controls).
Every control character — C0, DEL, C1 — and every bidirectional control is shown as its
escape (``\\x1b``, ``\\u202e``); all other text, any script, passes unchanged.  The JSON
and SARIF reports need none of this: JSON escapes control characters itself.
"""

from __future__ import annotations

import re

_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str) -> str:
    """``text`` with every control character written as its escape."""
    if text.isprintable():
        return text
    return _UNSAFE.sub(_escape, text)
