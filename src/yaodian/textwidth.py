"""Display width (显示宽度): how many columns text takes in a terminal or a spreadsheet column.

A Chinese character (East Asian wide or fullwidth) takes two, a combining mark none, anything
else one. The one home of this rule: the CLI's help wraps by it, the xlsx writers size columns
by it, the Word writers estimate row heights by it. A leaf module.
"""

from __future__ import annotations

import unicodedata


def display_width(text: str) -> int:
    """Columns `text` takes: East Asian wide/fullwidth (W, F) count 2, combining marks 0."""
    width = 0
    for ch in text:
        if unicodedata.combining(ch):
            continue
        width += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return width
