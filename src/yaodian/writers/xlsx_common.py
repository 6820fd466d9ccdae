"""What every openpyxl writer shares: `put` (a cell through the sanitiser, formula-like text
flagged `quotePrefix`), shared cell formats, sheet names, column widths and row heights, print
setup. The sanitiser itself is `writers.sanitise`.

openpyxl is imported inside the functions that need it: this module is imported by the CLI.
"""

from __future__ import annotations

import copy
import math
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from yaodian.textwidth import display_width as display_width  # home: yaodian.textwidth
from yaodian.writers.sanitise import clean_text, looks_like_formula

if TYPE_CHECKING:
    from openpyxl import Workbook
    from openpyxl.cell.cell import Cell
    from openpyxl.worksheet.worksheet import Worksheet

_SHEET_FORBIDDEN = re.compile(r"[\\/?*\[\]:]")
MAX_SHEET_NAME = 31


class CellStyle:
    """Formats (font, fill, border, alignment…) shared by many cells, resolved once.

    Setting a style attribute makes openpyxl hash the style object to find it in the workbook's
    tables: most of the time of a 500-item matrix. The first cell resolves the formats, the
    others copy its style array (what openpyxl's own worksheet copy does). One workbook only.
    """

    def __init__(self, **attrs: Any) -> None:
        self.attrs = attrs
        self._workbook: object = None
        self._array: Any = None

    def apply(self, cell: Cell) -> None:
        workbook = cell.parent.parent
        if self._array is not None and self._workbook is workbook:
            cell._style = copy.copy(self._array)
            return
        for name, attr in self.attrs.items():
            setattr(cell, name, attr)
        self._workbook, self._array = workbook, copy.copy(cell._style)


PAGE_FOOTER = "第 &P 页 共 &N 页"  # Excel's codes: &P this page, &N all pages


def print_landscape(ws: Worksheet, *, title_rows: str | None) -> None:
    """Landscape A4, one page wide and as many pages tall as needed, header rows repeated,
    `第 1 页 共 3 页` in the footer."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    if title_rows:
        ws.print_title_rows = title_rows
    ws.oddFooter.center.text = PAGE_FOOTER
    ws.evenFooter.center.text = PAGE_FOOTER


def print_pages(wb: Workbook) -> None:
    """The last step of every workbook builder: every sheet prints on A4 with page numbers
    (sheets set up by `print_landscape` keep their setup; any other gets it, title rows aside)."""
    for ws in wb.worksheets:
        if ws.page_setup.paperSize != ws.PAPERSIZE_A4 or ws.oddFooter.center.text != PAGE_FOOTER:
            print_landscape(ws, title_rows=None)


def put(
    ws: Worksheet, row: int, column: int, value: object, style: CellStyle | None = None, **attrs: Any
) -> Cell:
    """Write one cell through the sanitiser; strings never become formulas. Returns the cell."""
    cell = ws.cell(row=row, column=column)
    if style is not None:
        style.apply(cell)
    if isinstance(value, str):
        text = clean_text(value)
        cell.value = text
        if looks_like_formula(text):
            # openpyxl types a str that starts with "=" as a formula; force a plain string.
            cell.data_type = "s"
            cell.quotePrefix = True
    else:
        cell.value = value
    for name, attr in attrs.items():
        setattr(cell, name, attr)
    return cell


def safe_sheet_name(name: str, taken: Iterable[str] = ()) -> str:
    """A valid, unique sheet name: no `\\ / ? * [ ] :`, no edge apostrophes, ≤ 31 characters."""
    text = (
        _SHEET_FORBIDDEN.sub("_", clean_text(name)).replace("\n", " ").replace("\r", " ").replace("\t", " ")
    )
    text = text.strip().strip("'").strip() or "Sheet"
    if text.casefold() == "history":  # reserved by Excel
        text = "History_"
    used = {t.casefold() for t in taken}
    base = text[:MAX_SHEET_NAME]
    candidate, k = base, 2
    while candidate.casefold() in used:
        suffix = f"({k})"
        candidate = base[: MAX_SHEET_NAME - len(suffix)] + suffix
        k += 1
    return candidate


def column_width(texts: Iterable[str], *, minimum: float = 4, maximum: float = 60, pad: float = 2) -> float:
    """A column width that fits the widest line of `texts`, clamped to [minimum, maximum]."""
    widest = max((display_width(line) for t in texts for line in t.splitlines() or [""]), default=0)
    return max(minimum, min(maximum, widest + pad))


def wrapped_lines(text: str, width: float) -> int:
    """How many lines `text` takes when wrapped in a column `width` characters wide."""
    usable = max(1.0, width - 1)
    return sum(max(1, math.ceil(display_width(line) / usable)) for line in text.splitlines() or [""])


def row_height(cells: Iterable[tuple[str, float]], *, line_pt: float = 14.5, minimum: float = 15) -> float:
    """A row height (points) for wrapped `(text, column width)` cells.

    Set explicitly because neither Excel nor LibreOffice re-measures wrapped rows when it opens
    a file: without it a long task shows as one cut-off line.
    """
    lines = max((wrapped_lines(t, w) for t, w in cells), default=1)
    return max(minimum, round(lines * line_pt + 3, 1))
