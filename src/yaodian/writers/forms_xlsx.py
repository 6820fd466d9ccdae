"""The offices' fillable forms as workbooks (`基教科-2024年工作任务进展表.xlsx`).

One sheet: a title, a line with the ledger's identity (台账标识) and the office, the header, then
the office's rows with their 编号. The sheet is protected without a password: only 责任人,
进展情况, 状态 and 更新日期 are unlocked (white), the plan's own columns are locked (grey), so
the keys come back as they went out. 状态 has the ledger's drop-down, 更新日期 asks for a date.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from yaodian.analysis.forms import form_note, form_title
from yaodian.ledger_model import EDITABLE, FORM_COLUMNS, Ledger, LedgerRow
from yaodian.output import save_built
from yaodian.writers.ledger_cells import (
    body_styles,
    date_validation,
    print_footer,
    status_validation,
    write_header,
    write_row,
)
from yaodian.writers.sanitise import clean_text
from yaodian.writers.xlsx_common import CellStyle, print_landscape, put

if TYPE_CHECKING:
    from openpyxl import Workbook

LOCKED_FILL = "F2F2F2"
HEADER_ROW = 3


def write_form_xlsx(
    ledger: Ledger, office: str, rows: Sequence[LedgerRow], path: str | Path, *, force: bool = False
) -> Path:
    return save_built(lambda: build_form_workbook(ledger, office, rows), path, force=force)


def build_form_workbook(ledger: Ledger, office: str, rows: Sequence[LedgerRow]) -> Workbook:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    from yaodian.version import __version__

    wb = Workbook()
    wb.properties.creator = f"yaodian {__version__}"
    wb.properties.title = clean_text(form_title(ledger, office))
    wb.properties.keywords = f"yaodian-ledger:{ledger.ident}"
    ws = wb.active
    assert ws is not None
    ws.title = "进展表"
    columns = FORM_COLUMNS
    end = get_column_letter(len(columns))
    put(
        ws,
        1,
        1,
        form_title(ledger, office),
        CellStyle(font=Font(bold=True, size=16), alignment=Alignment(horizontal="center")),
    )
    put(
        ws, 2, 1, form_note(ledger, office), CellStyle(alignment=Alignment(wrap_text=True, vertical="center"))
    )
    ws.merge_cells(f"A1:{end}1")
    ws.merge_cells(f"A2:{end}2")
    ws.row_dimensions[1].height = 28
    ws.row_dimensions[2].height = 32
    write_header(ws, HEADER_ROW, columns)
    styles = body_styles(locked_fill=LOCKED_FILL)
    open_columns = frozenset(EDITABLE)
    first = HEADER_ROW + 1
    for r, row in enumerate(rows, start=first):
        write_row(ws, r, columns, row, styles, open_columns=open_columns)
    last = max(first + len(rows) - 1, first)
    col = {name: get_column_letter(k) for k, name in enumerate(columns, start=1)}
    status_validation(ws, f"{col['状态']}{first}:{col['状态']}{last}")
    date_validation(ws, f"{col['更新日期']}{first}:{col['更新日期']}{last}")
    ws.freeze_panes = f"B{first}"
    print_landscape(ws, title_rows=f"{HEADER_ROW}:{HEADER_ROW}")
    print_footer(ws)
    # Protected without a password: the plan's columns cannot be changed by accident, and an
    # office that must add a remark can still lift the protection (审阅 → 撤消工作表保护).
    ws.protection.sheet = True
    ws.protection.formatColumns = False
    ws.protection.formatRows = False
    ws.protection.formatCells = False
    return wb
