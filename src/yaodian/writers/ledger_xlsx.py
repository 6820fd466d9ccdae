"""The ledger workbook (督办台账.xlsx).

Sheets:
  台账      one row per item × office, header row exactly `analysis.ledger.COLUMNS`; 截止日期 and
            更新日期 real dates; 状态 a drop-down; overdue rows red and rows due within 30 days
            yellow by conditional formatting against TODAY(), so the colours stay true all year;
  汇总      per office counts by status, as live COUNTIFS formulas over 台账 (ours, never user text);
  修改记录  every change `yaodian collect` made (编号, 字段, 旧值, 新值, 来源文件, 时间);
  说明      the notice, its identity (台账标识, carried by every form), and how to use the ledger.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from yaodian.deadlines import AUTUMN_TERM
from yaodian.ledger_model import DONE, ONGOING_STATUS, STATUSES, Ledger
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
    from openpyxl.worksheet.worksheet import Worksheet

SHEET_LEDGER = "台账"
SHEET_SUMMARY = "汇总"
SHEET_CHANGES = "修改记录"
SHEET_NOTES = "说明"
CHANGE_COLUMNS = ("编号", "字段", "旧值", "新值", "来源文件", "时间")
IDENT_LABEL = "台账标识"
OVERDUE_FILL = "F8CBAD"
DUE_SOON_FILL = "FFF2CC"
DUE_SOON_DAYS = 30


def write_ledger(ledger: Ledger, path: str | Path, *, force: bool = False) -> Path:
    """Write the ledger workbook to `path`, atomically."""
    return save_built(lambda: build_ledger_workbook(ledger), path, force=force)


def build_ledger_workbook(ledger: Ledger) -> Workbook:
    from openpyxl import Workbook

    from yaodian.version import __version__

    wb = Workbook()
    wb.properties.creator = wb.properties.lastModifiedBy = f"yaodian {__version__}"
    wb.properties.title = clean_text(f"{ledger.title} 督办台账")
    wb.properties.keywords = f"yaodian-ledger:{ledger.ident}"
    ws = wb.active
    assert ws is not None
    ws.title = SHEET_LEDGER
    _ledger_sheet(ws, ledger)
    _summary_sheet(wb.create_sheet(SHEET_SUMMARY), ledger)
    _changes_sheet(wb.create_sheet(SHEET_CHANGES), ledger)
    _notes_sheet(wb.create_sheet(SHEET_NOTES), ledger)
    # The summary's formulas have no cached values: have every viewer compute them on opening.
    wb.calculation.fullCalcOnLoad = True
    return wb


def _ledger_sheet(ws: Worksheet, ledger: Ledger) -> None:
    from openpyxl.utils import get_column_letter

    columns = ledger.columns
    write_header(ws, 1, columns)
    styles = body_styles()
    for r, row in enumerate(ledger.rows, start=2):
        write_row(ws, r, columns, row, styles)
    last = max(len(ledger.rows) + 1, 2)
    end = get_column_letter(len(columns))
    col = {name: get_column_letter(k) for k, name in enumerate(columns, start=1)}
    status_validation(ws, f"{col['状态']}2:{col['状态']}{max(last, 1000)}")
    date_validation(ws, f"{col['更新日期']}2:{col['更新日期']}{max(last, 1000)}")
    _overdue_rules(ws, f"A2:{end}{last}", due=col["截止日期"], status=col["状态"])
    ws.freeze_panes = "B2"
    ws.auto_filter.ref = f"A1:{end}{last}"
    print_landscape(ws, title_rows="1:1")
    print_footer(ws)
    ws.oddHeader.center.text = clean_text(f"{ledger.title} 督办台账").replace("&", "&&")


def _overdue_rules(ws: Worksheet, ref: str, *, due: str, status: str) -> None:
    """Red: the deadline has passed and the row is not done; yellow: due within 30 days."""
    from openpyxl.formatting.rule import FormulaRule
    from openpyxl.styles import PatternFill

    open_row = f'${status}2<>"{DONE}",${status}2<>"{ONGOING_STATUS}"'
    overdue = f"AND(ISNUMBER(${due}2),${due}2<TODAY(),{open_row})"
    soon = f"AND(ISNUMBER(${due}2),${due}2>=TODAY(),${due}2-TODAY()<={DUE_SOON_DAYS},{open_row})"
    ws.conditional_formatting.add(
        ref, FormulaRule(formula=[overdue], fill=PatternFill("solid", bgColor=OVERDUE_FILL), stopIfTrue=True)
    )
    ws.conditional_formatting.add(
        ref, FormulaRule(formula=[soon], fill=PatternFill("solid", bgColor=DUE_SOON_FILL))
    )


def _summary_sheet(ws: Worksheet, ledger: Ledger) -> None:
    """Per office: total, one column per status, overdue — COUNTIFS over the 台账 columns, so
    the counts follow every edit of the ledger."""
    from openpyxl.utils import get_column_letter

    columns = ledger.columns
    office = get_column_letter(columns.index("科室") + 1)
    status = get_column_letter(columns.index("状态") + 1)
    due = get_column_letter(columns.index("截止日期") + 1)
    header = ("科室", "合计", *STATUSES, "逾期")
    hstyle = CellStyle(font=_bold())
    for c, name in enumerate(header, start=1):
        put(ws, 1, c, name, hstyle)
        ws.column_dimensions[get_column_letter(c)].width = 14 if c == 1 else 9
    rng = f"'{SHEET_LEDGER}'!${{}}$2:${{}}$1048576"
    offices_rng, status_rng, due_rng = (rng.format(x, x) for x in (office, status, due))
    offices = ledger.offices()
    for r, name in enumerate(offices, start=2):
        put(ws, r, 1, name)
        ws.cell(row=r, column=2, value=f"=COUNTIF({offices_rng},$A{r})")
        for c in range(3, 3 + len(STATUSES)):
            letter = get_column_letter(c)
            ws.cell(row=r, column=c, value=f"=COUNTIFS({offices_rng},$A{r},{status_rng},{letter}$1)")
        ws.cell(
            row=r,
            column=3 + len(STATUSES),
            value=f'=COUNTIFS({offices_rng},$A{r},{due_rng},"<"&TODAY(),{status_rng},"<>{DONE}",'
            f'{status_rng},"<>{ONGOING_STATUS}")',
        )
    total = len(offices) + 2
    put(ws, total, 1, "合计", hstyle)
    for c in range(2, len(header) + 1):
        letter = get_column_letter(c)
        ws.cell(row=total, column=c, value=f"=SUM({letter}2:{letter}{total - 1})").font = _bold()
    ws.freeze_panes = "B2"
    print_landscape(ws, title_rows="1:1")
    print_footer(ws)


def _changes_sheet(ws: Worksheet, ledger: Ledger) -> None:
    from openpyxl.utils import get_column_letter

    hstyle = CellStyle(font=_bold())
    for c, name in enumerate(CHANGE_COLUMNS, start=1):
        put(ws, 1, c, name, hstyle)
        ws.column_dimensions[get_column_letter(c)].width = (13, 10, 30, 30, 30, 20)[c - 1]
    for r, ch in enumerate(ledger.changes, start=2):
        for c, value in enumerate((ch.key, ch.column, ch.old, ch.new, ch.source, ch.time), start=1):
            put(ws, r, c, value)
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:F{max(len(ledger.changes) + 1, 2)}"
    print_landscape(ws, title_rows="1:1")
    print_footer(ws)


def notes_lines(ledger: Ledger) -> list[tuple[str, str]]:
    month, day = AUTUMN_TERM
    return [
        ("通知", ledger.title),
        ("年度", str(ledger.year or "")),
        ("来源文件", ledger.source),
        (IDENT_LABEL, ledger.ident),
        ("", ""),
        ("编号", "每行的固定编号（年度-条目序号-科室次序），同一通知每次生成都相同；请勿修改。"),
        ("状态", "从下拉列表选择：" + "、".join(STATUSES) + "。"),
        ("截止日期", f"由“完成时限”推算：X月底→当月最后一天，年底前/年内→12月31日，上半年→6月30日，"
         f"第X季度→季末，秋季开学前→{month}月{day}日；长期坚持/持续推进/全年不设日期。"),
        ("颜色", f"红色：已过截止日期且未完成；黄色：{DUE_SOON_DAYS} 天内到期（按打开文件当天计算）。"),
        ("汇总", "“汇总”页的数字是公式，随台账修改自动更新。"),
        ("修改记录", "yaodian collect 每改动一个单元格，在“修改记录”页记一行，旧值不会丢失。"),
        ("流程", "yaodian forms 台账.xlsx -o 表格/ → 各科室填写 → yaodian collect 台账.xlsx 表格/ -o 新台账.xlsx"
         " → yaodian status 新台账.xlsx"),
    ]  # fmt: skip


def _notes_sheet(ws: Worksheet, ledger: Ledger) -> None:
    from openpyxl.styles import Alignment

    wrap = CellStyle(alignment=Alignment(wrap_text=True, vertical="top"))
    bold = CellStyle(font=_bold(), alignment=Alignment(vertical="top"))
    ws.column_dimensions["A"].width = 12
    ws.column_dimensions["B"].width = 90
    for r, (label, text) in enumerate(notes_lines(ledger), start=1):
        put(ws, r, 1, label, bold)
        put(ws, r, 2, text, wrap)


def _bold() -> object:
    from openpyxl.styles import Font

    return Font(bold=True)
