"""Control characters (控制字符): the one rule for removing them from text.

A notice's text may carry ESC, BEL or other C0/C1 controls (a damaged file, or a hostile one:
`\x1b]0;…\x07` in an office name retitles the user's terminal, `\x1b[2J` clears it). They are
removed where text comes in (every reader's output) and where text goes out (every text file
and standard output), keeping only tab, line feed and carriage return. A leaf module.
"""

from __future__ import annotations

import re

# C0 controls but tab, LF and CR; DEL; the C1 controls (U+0080–U+009F, CSI among them).
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x0c\x0e-\x1f\x7f-\x9f]")


def strip_controls(text: str) -> str:
    """`text` without control characters other than tab, line feed and carriage return."""
    return _CONTROLS.sub("", text)
