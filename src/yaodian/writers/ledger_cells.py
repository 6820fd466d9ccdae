"""What the ledger workbook and the office forms share: column widths, the date format, the
status drop-down and the header style. A leaf of the writers: both import it, neither the other.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from yaodian.ledger_model import DATE_COLUMNS, STATUSES, LedgerRow
from yaodian.writers.xlsx_common import CellStyle, put, row_height

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

DATE_FORMAT = "yyyy-mm-dd"
HEADER_FILL = "D9E1F2"
WIDTHS = {
    "编号": 13,
    "序号": 6,
    "部分": 18,
    "工作任务": 24,
    "具体内容": 48,
    "科室": 12,
    "角色": 6,
    "分管领导": 10,
    "完成时限": 12,
    "截止日期": 11,
    "责任人": 10,
    "进展情况": 36,
    "状态": 9,
    "更新日期": 11,
    "上年状态": 9,
}
WRAPPED = frozenset({"部分", "工作任务", "具体内容", "进展情况", "完成时限"})


def header_style() -> CellStyle:
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    thin = Side(style="thin", color="808080")
    return CellStyle(
        font=Font(bold=True),
        fill=PatternFill("solid", fgColor=HEADER_FILL),
        alignment=Alignment(horizontal="center", vertical="center", wrap_text=True),
        border=Border(left=thin, right=thin, top=thin, bottom=thin),
    )


def body_styles(*, locked_fill: str | None = None) -> dict[str, CellStyle]:
    """One style per kind of body cell (wrapped text, short text, date), and for a form the same
    kinds `…_open`: unlocked under sheet protection, while locked cells get `locked_fill`."""
    from openpyxl.styles import Alignment, Border, PatternFill, Protection, Side

    thin = Side(style="thin", color="BFBFBF")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    kinds = {
        "wrap": {"alignment": Alignment(vertical="top", wrap_text=True)},
        "short": {"alignment": Alignment(vertical="top", horizontal="center", wrap_text=True)},
        "date": {"alignment": Alignment(vertical="top", horizontal="center"), "number_format": DATE_FORMAT},
    }
    styles: dict[str, CellStyle] = {}
    for kind, attrs in kinds.items():
        fill = {"fill": PatternFill("solid", fgColor=locked_fill)} if locked_fill else {}
        styles[kind] = CellStyle(border=border, **attrs, **fill)
        styles[kind + "_open"] = CellStyle(border=border, protection=Protection(locked=False), **attrs)
    return styles


def write_header(ws: Worksheet, row: int, columns: tuple[str, ...]) -> None:
    from openpyxl.utils import get_column_letter

    style = header_style()
    for c, name in enumerate(columns, start=1):
        put(ws, row, c, name, style)
        ws.column_dimensions[get_column_letter(c)].width = WIDTHS.get(name, 12)


def write_row(
    ws: Worksheet,
    row: int,
    columns: tuple[str, ...],
    data: LedgerRow,
    styles: dict[str, CellStyle],
    *,
    open_columns: frozenset[str] = frozenset(),
) -> None:
    """One ledger row: dates as real date cells, text through the sanitiser, height to fit;
    the cells of `open_columns` unlocked (a form's fill-in columns)."""
    for c, name in enumerate(columns, start=1):
        value = data.value(name)
        suffix = "_open" if name in open_columns else ""
        if name in DATE_COLUMNS:
            put(ws, row, c, value if isinstance(value, dt.date) else None, styles["date" + suffix])
        else:
            put(ws, row, c, value or "", styles[("wrap" if name in WRAPPED else "short") + suffix])
    ws.row_dimensions[row].height = row_height(
        (str(data.value(n) or ""), WIDTHS.get(n, 12)) for n in columns if n in WRAPPED
    )


def status_validation(ws: Worksheet, ref: str) -> None:
    """The 状态 drop-down: a list of the five statuses; other text is refused by Excel and WPS."""
    from openpyxl.worksheet.datavalidation import DataValidation

    dv = DataValidation(
        type="list",
        formula1='"' + ",".join(STATUSES) + '"',
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="状态",
        error="请从下拉列表中选择：" + "、".join(STATUSES),
        promptTitle="状态",
        prompt="、".join(STATUSES),
        showInputMessage=True,
    )
    ws.add_data_validation(dv)
    dv.add(ref)


def date_validation(ws: Worksheet, ref: str) -> None:
    """更新日期: a date, so that `7月1日` typed as text is caught where the form is filled."""
    from openpyxl.worksheet.datavalidation import DataValidation

    dv = DataValidation(
        type="date",
        operator="greaterThan",
        formula1="1",
        allow_blank=True,
        showErrorMessage=True,
        errorStyle="warning",
        errorTitle="更新日期",
        error="请填写日期，例如 2024-07-01。",
    )
    ws.add_data_validation(dv)
    dv.add(ref)


def print_footer(ws: Worksheet) -> None:
    """Page numbers in the footer: `第 1 页，共 3 页`."""
    ws.oddFooter.center.text = "第 &P 页，共 &N 页"
    ws.evenFooter.center.text = "第 &P 页，共 &N 页"
