"""The status report as a workbook: 各科室进度 and 逾期任务 (values as of the report's day)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from yaodian.analysis.status import StatusReport
from yaodian.output import save_built
from yaodian.writers.status_labels import (
    OFFICE_HEADERS,
    OVERDUE_HEADERS,
    office_cells,
    overdue_cells,
    summary_sentence,
)
from yaodian.writers.xlsx_common import CellStyle, column_width, print_landscape, put

if TYPE_CHECKING:
    from openpyxl import Workbook
    from openpyxl.worksheet.worksheet import Worksheet


def write_status_xlsx(report: StatusReport, path: str | Path, *, force: bool = False) -> Path:
    return save_built(lambda: build_status_workbook(report), path, force=force)


def build_status_workbook(report: StatusReport) -> Workbook:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "各科室进度"
    _table(ws, summary_sentence(report), OFFICE_HEADERS, office_cells(report), numeric_from=1)
    _table(
        wb.create_sheet("逾期任务"),
        f"逾期任务（截至 {report.as_of.isoformat()}）",
        OVERDUE_HEADERS,
        overdue_cells(report),
    )
    return wb


def _table(
    ws: Worksheet,
    caption: str,
    headers: tuple[str, ...],
    rows: list[tuple[str, ...]],
    *,
    numeric_from: int | None = None,
) -> None:
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    put(ws, 1, 1, caption, font=Font(bold=True))
    head = CellStyle(font=Font(bold=True), fill=PatternFill("solid", fgColor="D9E1F2"))
    for c, name in enumerate(headers, start=1):
        put(ws, 2, c, name, head)
        ws.column_dimensions[get_column_letter(c)].width = column_width(
            [name, *(r[c - 1] for r in rows)], minimum=8
        )
    for r, row in enumerate(rows, start=3):
        for c, value in enumerate(row, start=1):
            numeric = numeric_from is not None and c - 1 >= numeric_from and value.isdigit()
            put(ws, r, c, int(value) if numeric else value)
    ws.freeze_panes = "A3"
    print_landscape(ws, title_rows="2:2")
