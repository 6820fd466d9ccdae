"""The responsibility-matrix workbook (责任矩阵.xlsx): matrix, task list, office load, notes.

Four sheets:
  责任矩阵  items × offices, ● lead / ○ support, per-item and per-office counts, print-ready;
  任务清单  one row per item as an Excel table (filterable, no separate autofilter);
  科室统计  lead / support / total per office and a horizontal bar chart;
  说明      where the data came from and what the parser was unsure of.

Counts are written as numbers, not formulas: every viewer (including previews that never
recalculate) shows them, and they are the figures `yaodian offices` reports.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from yaodian.analysis.assignments import Matrix, item_body, responsibility_matrix, section_label
from yaodian.errors import OutputError
from yaodian.model import LEAD, SUPPORT, Notice
from yaodian.output import save_built
from yaodian.writers import palette
from yaodian.writers.labels import chinese_date
from yaodian.writers.sanitise import clean_text
from yaodian.writers.xlsx_common import (
    CellStyle,
    column_width,
    display_width,
    print_landscape,
    print_pages,
    put,
    row_height,
    safe_sheet_name,
)

if TYPE_CHECKING:
    from openpyxl import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

LEAD_MARK = "●"
SUPPORT_MARK = "○"
LEAD_FILL = palette.LEAD
SUPPORT_FILL = palette.SUPPORT
SECTION_FILL = palette.SECTION
HEADER_FILL = palette.HEADER
TOTAL_FILL = palette.TOTAL

SHEET_MATRIX = "责任矩阵"
SHEET_TASKS = "任务清单"
SHEET_STATS = "科室统计"
SHEET_NOTES = "说明"

# 责任矩阵 layout: title row, legend row, header row, then sections and items.
TITLE_ROW = 1
HEADER_ROW = 3
FIXED_COLUMNS = 3  # 序号 | 工作任务 | 牵头
# Excel opens at most 16,384 columns (XFD); the matrix adds a count column after the offices.
MAX_OFFICES = 16_384 - FIXED_COLUMNS - 1


def write_matrix(notice: Notice, path: str | Path, *, force: bool = False) -> Path:
    """Write the responsibility-matrix workbook for `notice` to `path`, atomically."""
    return save_built(lambda: build_matrix_workbook(notice), path, force=force)


def build_matrix_workbook(notice: Notice) -> Workbook:
    """The four-sheet workbook in memory (for callers that add sheets of their own)."""
    from openpyxl import Workbook

    from yaodian.version import __version__

    offices = len(notice.offices())
    if offices > MAX_OFFICES:
        raise OutputError(
            f"{notice.source.path}：通知中有 {offices} 个科室/单位，责任矩阵一个科室一列，超过 Excel 一张表最多的"
            f" 16384 列；请用 yaodian tasks 或 yaodian offices 输出，或用别名表（--aliases）合并科室。"
        )
    matrix = responsibility_matrix(notice)
    wb = Workbook()
    wb.properties.creator = wb.properties.lastModifiedBy = f"yaodian {__version__}"
    wb.properties.title = clean_text(f"{notice.title} 责任矩阵")
    ws = wb.active
    assert ws is not None
    names: list[str] = []
    for title, fill in (
        (SHEET_MATRIX, _matrix_sheet),
        (SHEET_TASKS, _tasks_sheet),
        (SHEET_STATS, _stats_sheet),
        (SHEET_NOTES, _notes_sheet),
    ):
        sheet = ws if not names else wb.create_sheet()
        sheet.title = safe_sheet_name(title, names)
        names.append(sheet.title)
        fill(sheet, notice, matrix)
    print_pages(wb)
    return wb


def notice_heading(notice: Notice) -> str:
    """`<plan title>（2024年2月20日）` — dates in Arabic numerals without padding (GB/T 9704)."""
    if notice.date is None:
        return notice.title
    return f"{notice.title}（{chinese_date(notice.date)}）"


@dataclass(frozen=True)
class _MatrixStyles:
    """The formats of the 责任矩阵 sheet, each resolved once (see `CellStyle`): the matrix of a
    500-item plan has 16 000 cells."""

    header: dict[str, Any]
    centre: Any
    vertical: Any
    section_cell: CellStyle
    section_title: CellStyle
    number_cell: CellStyle
    text_cell: CellStyle
    lead_cell: CellStyle
    support_cell: CellStyle
    empty_cell: CellStyle
    total_cell: CellStyle
    total_label: CellStyle

    @classmethod
    def make(cls) -> _MatrixStyles:
        from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

        thin = Side(style="thin", color="808080")
        border = Border(left=thin, right=thin, top=thin, bottom=thin)
        centre = Alignment(horizontal="center", vertical="center", wrap_text=True)
        bold = Font(bold=True)
        section_fill = PatternFill("solid", fgColor=SECTION_FILL)
        total_fill = PatternFill("solid", fgColor=TOTAL_FILL)
        return cls(
            header={"font": bold, "fill": PatternFill("solid", fgColor=HEADER_FILL), "border": border},
            centre=centre,
            # Vertical stacked text (rotation 255) is how Chinese column heads are printed: a
            # 4-character office name needs a column two characters wide, so 25+ offices fit.
            vertical=Alignment(horizontal="center", vertical="bottom", text_rotation=255, wrap_text=False),
            section_cell=CellStyle(fill=section_fill, border=border),
            section_title=CellStyle(
                font=bold, fill=section_fill, border=border, alignment=Alignment(vertical="center")
            ),
            number_cell=CellStyle(alignment=centre, border=border),
            text_cell=CellStyle(alignment=Alignment(wrap_text=True, vertical="center"), border=border),
            lead_cell=CellStyle(
                fill=PatternFill("solid", fgColor=LEAD_FILL), alignment=centre, border=border
            ),
            support_cell=CellStyle(
                fill=PatternFill("solid", fgColor=SUPPORT_FILL), alignment=centre, border=border
            ),
            empty_cell=CellStyle(border=border),
            total_cell=CellStyle(fill=total_fill, border=border, alignment=centre),
            total_label=CellStyle(font=bold, fill=total_fill, border=border, alignment=centre),
        )


def _matrix_sheet(ws: Worksheet, notice: Notice, matrix: Matrix) -> None:
    """Title and legend, the header of office names, a section row wherever the section
    changes, one row per item, three rows of totals; then widths, heights and print setup."""
    from openpyxl.utils import get_column_letter

    styles = _MatrixStyles.make()
    last_col = FIXED_COLUMNS + len(matrix.offices) + 1
    _matrix_title(ws, notice, last_col)
    _matrix_header(ws, matrix, styles)
    first_data = HEADER_ROW + 1
    row, item_rows = _matrix_items(ws, matrix, styles, first_data)
    _matrix_totals(ws, matrix, styles, row)
    _matrix_sizes(ws, matrix, item_rows)
    ws.freeze_panes = ws.cell(row=HEADER_ROW + 1, column=FIXED_COLUMNS + 1)
    if row - 1 >= first_data:
        ws.auto_filter.ref = f"A{HEADER_ROW}:{get_column_letter(last_col)}{row - 1}"
    _print_setup(ws, title_rows=f"{HEADER_ROW}:{HEADER_ROW}")


def _matrix_title(ws: Worksheet, notice: Notice, last_col: int) -> None:
    from openpyxl.styles import Font

    put(ws, TITLE_ROW, 1, f"{notice_heading(notice)} 责任矩阵", font=Font(bold=True, size=14))
    ws.merge_cells(start_row=TITLE_ROW, start_column=1, end_row=TITLE_ROW, end_column=last_col)
    ws.row_dimensions[TITLE_ROW].height = 24
    legend = f"{LEAD_MARK} 牵头　{SUPPORT_MARK} 配合　科室按参与条目数排列（多者在前，统称类在后）"
    put(ws, TITLE_ROW + 1, 1, legend, font=Font(size=9, color="595959"))
    ws.merge_cells(start_row=TITLE_ROW + 1, start_column=1, end_row=TITLE_ROW + 1, end_column=last_col)


def _matrix_header(ws: Worksheet, matrix: Matrix, styles: _MatrixStyles) -> None:
    first_office = FIXED_COLUMNS + 1
    count_col = first_office + len(matrix.offices)
    heads = ["序号", "工作任务", "牵头", *(o.name for o in matrix.offices), "科室数"]
    for col, text in enumerate(heads, start=1):
        office_head = first_office <= col < count_col
        put(
            ws,
            HEADER_ROW,
            col,
            text,
            alignment=styles.vertical if office_head else styles.centre,
            **styles.header,
        )
    longest = max((len(o.name) for o in matrix.offices), default=2)
    ws.row_dimensions[HEADER_ROW].height = max(30, min(400, 16 * longest + 12))


def _matrix_items(
    ws: Worksheet, matrix: Matrix, styles: _MatrixStyles, row: int
) -> tuple[int, dict[int, tuple[str, str]]]:
    """Section rows and item rows from `row` on; returns the next free row and each item
    row's (title, leads) for the row heights."""
    first_office = FIXED_COLUMNS + 1
    last_col = first_office + len(matrix.offices)
    marks = {LEAD: (LEAD_MARK, styles.lead_cell), SUPPORT: (SUPPORT_MARK, styles.support_cell)}
    item_rows: dict[int, tuple[str, str]] = {}
    current: tuple[int, ...] = ()
    for mrow in matrix.rows:
        # A section row for each level that changed since the previous item; sections are told
        # apart by position (a plan may print the same number twice).
        common = 0
        while common < min(len(mrow.path), len(current)) and mrow.path[common] == current[common]:
            common += 1
        for depth in range(common, len(mrow.path)):
            put(ws, row, 1, None, styles.section_cell)
            put(ws, row, 2, "　" * depth + section_label(mrow.sections[depth]), styles.section_title)
            for col in range(3, last_col + 1):
                put(ws, row, col, None, styles.section_cell)
            row += 1
        current = mrow.path
        item = mrow.item
        leads = "、".join(o.name for o in item.leads)
        item_rows[row] = (item.title, leads)
        put(ws, row, 1, item.number, styles.number_cell)
        put(ws, row, 2, item.title, styles.text_cell)
        put(ws, row, 3, leads, styles.text_cell)
        for k, role in enumerate(mrow.roles):
            mark, style = marks[role] if role else (None, styles.empty_cell)
            put(ws, row, first_office + k, mark, style)
        put(ws, row, last_col, mrow.count, styles.number_cell)
        row += 1
    return row, item_rows


def _matrix_totals(ws: Worksheet, matrix: Matrix, styles: _MatrixStyles, row: int) -> None:
    first_office = FIXED_COLUMNS + 1
    count_col = first_office + len(matrix.offices)
    for label, values in (
        ("牵头", [len(o.lead) for o in matrix.offices]),
        ("配合", [len(o.support) for o in matrix.offices]),
        ("合计", [o.total for o in matrix.offices]),
    ):
        put(ws, row, 1, None, styles.total_cell)
        put(ws, row, 2, f"{label}（条）", styles.total_label)
        put(ws, row, 3, None, styles.total_cell)
        for k, v in enumerate(values):
            put(ws, row, first_office + k, v, styles.total_cell)
        put(ws, row, count_col, sum(values), styles.total_cell)
        row += 1


def _matrix_sizes(ws: Worksheet, matrix: Matrix, item_rows: dict[int, tuple[str, str]]) -> None:
    from openpyxl.utils import get_column_letter

    first_office = FIXED_COLUMNS + 1
    ws.column_dimensions["A"].width = column_width([*(r.item.number for r in matrix.rows), "序号"], minimum=6)
    title_width = column_width([r.item.title for r in matrix.rows], minimum=24, maximum=44)
    lead_width = column_width(
        ["、".join(o.name for o in r.item.leads) for r in matrix.rows], minimum=8, maximum=16
    )
    ws.column_dimensions["B"].width = title_width
    ws.column_dimensions["C"].width = lead_width
    for r, texts in item_rows.items():
        ws.row_dimensions[r].height = row_height([(texts[0], title_width), (texts[1], lead_width)])
    for k in range(len(matrix.offices)):
        ws.column_dimensions[get_column_letter(first_office + k)].width = 4.5
    ws.column_dimensions[get_column_letter(first_office + len(matrix.offices))].width = 5.5


def _tasks_sheet(ws: Worksheet, notice: Notice, matrix: Matrix) -> None:
    from openpyxl.styles import Alignment, Border, Font, Side
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.table import Table, TableStyleInfo

    has_leader = any(i.leader for i in notice.items)
    has_deadline = any(i.deadline for i in notice.items)
    heads = ["序号", "部分", "工作任务", "具体内容", "牵头", "配合"]
    if has_leader:
        heads.append("分管领导")
    if has_deadline:
        heads.append("完成时限")
    # Thin borders: the table's own stripes do not print as ruled lines.
    thin = Side(style="thin", color="808080")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    wrap = CellStyle(alignment=Alignment(wrap_text=True, vertical="top"), border=border)
    for col, text in enumerate(heads, start=1):
        put(ws, 1, col, text, font=Font(bold=True), border=border)
    columns: list[list[str]] = [[h] for h in heads]
    for r, mrow in enumerate(matrix.rows, start=2):
        item = mrow.item
        values = [
            item.number,
            section_label(mrow.sections[0]) if mrow.sections else "",
            item.title,
            item_body(item),
            "、".join(o.name for o in item.leads),
            "、".join(o.name for o in item.supports),
        ]
        if has_leader:
            values.append(item.leader or "")
        if has_deadline:
            values.append(item.deadline or "")
        for col, v in enumerate(values, start=1):
            put(ws, r, col, v, wrap)
            columns[col - 1].append(v)
    widths = {"序号": (6, 8), "部分": (12, 24), "工作任务": (20, 36), "具体内容": (40, 80)}
    col_widths: list[float] = []
    for col, (head, texts) in enumerate(zip(heads, columns, strict=True), start=1):
        lo, hi = widths.get(head, (10, 24))
        col_widths.append(column_width(texts, minimum=lo, maximum=hi))
        ws.column_dimensions[get_column_letter(col)].width = col_widths[-1]
    for r in range(2, len(matrix.rows) + 2):
        cells = [(column[r - 1], w) for column, w in zip(columns, col_widths, strict=True)]
        ws.row_dimensions[r].height = row_height(cells)
    last_row = max(2, len(matrix.rows) + 1)
    if not matrix.rows:
        for col in range(1, len(heads) + 1):
            put(ws, 2, col, "")
    # An Excel table brings its own filter buttons: no worksheet autofilter over the same range.
    table = Table(displayName="TaskList", ref=f"A1:{get_column_letter(len(heads))}{last_row}")
    table.tableStyleInfo = TableStyleInfo(name="TableStyleMedium2", showRowStripes=True)
    ws.add_table(table)
    ws.freeze_panes = "D2"
    _print_setup(ws, title_rows="1:1")


def _stats_sheet(ws: Worksheet, notice: Notice, matrix: Matrix) -> None:
    from openpyxl.chart import BarChart, Reference
    from openpyxl.styles import Alignment, Font

    heads = ["科室", "牵头", "配合", "合计"]
    for col, text in enumerate(heads, start=1):
        put(ws, 1, col, text, font=Font(bold=True), alignment=Alignment(horizontal="center"))
    for r, o in enumerate(matrix.offices, start=2):
        put(ws, r, 1, o.name)
        put(ws, r, 2, len(o.lead))
        put(ws, r, 3, len(o.support))
        put(ws, r, 4, o.total)
    n = len(matrix.offices)
    ws.column_dimensions["A"].width = column_width([o.name for o in matrix.offices] + ["科室"], minimum=10)
    ws.freeze_panes = "B2"
    if n:
        chart = BarChart()
        chart.type = "bar"  # horizontal bars: long Chinese names read along the axis
        chart.grouping = "stacked"
        chart.overlap = 100
        chart.title = "各科室任务量（条）"
        data = Reference(ws, min_col=2, max_col=3, min_row=1, max_row=n + 1)
        cats = Reference(ws, min_col=1, min_row=2, max_row=n + 1)
        chart.add_data(data, titles_from_data=True)
        chart.set_categories(cats)
        chart.y_axis.title = "条目数"
        # Busiest office at the top, as in the table.
        chart.x_axis.scaling.orientation = "maxMin"
        chart.x_axis.delete = False
        chart.y_axis.delete = False
        chart.gapWidth = 40
        for series, colour in zip(chart.series, (palette.LEAD_STRONG, palette.SUPPORT_STRONG), strict=True):
            series.graphicalProperties.solidFill = colour
            series.graphicalProperties.line.solidFill = colour
        # About 0.75 cm a bar, so that every office name gets its label; up to 40 offices the
        # chart stays within one landscape A4 page (about 17 × 26 cm inside the margins).
        chart.height = max(7.5, min(0.75 * n + 3, 17.0) if n <= 40 else 0.75 * n + 3)
        chart.width = 18
        ws.add_chart(chart, "F2")
    _print_setup(ws, title_rows="1:1")


def _notes_sheet(ws: Worksheet, notice: Notice, matrix: Matrix) -> None:
    from openpyxl.styles import Alignment, Font

    from yaodian.version import __version__

    src = notice.source
    rows: list[tuple[str, str]] = [
        ("来源文件", src.path),
        ("文件格式", src.format + (f"（{src.encoding}）" if src.encoding else "")),
        ("SHA-256", src.sha256),
        ("标题", notice.title),
        ("通知标题", notice.notice_title or ""),
        ("文号", notice.doc_number or ""),
        ("成文日期", f"{notice.date.year}年{notice.date.month}月{notice.date.day}日" if notice.date else ""),
        ("发文机关", "、".join(notice.issuers)),
        ("条目数", str(len(notice.items))),
        ("科室数", str(len(matrix.offices))),
        ("生成工具", f"yaodian {__version__}"),
    ]
    bold = Font(bold=True)
    wrap = Alignment(wrap_text=True, vertical="top")
    r = 1
    for key, value in rows:
        put(ws, r, 1, key, font=bold, alignment=Alignment(vertical="top"))
        put(ws, r, 2, value, alignment=wrap)
        r += 1
    r += 1
    put(ws, r, 1, "解析提示", font=bold)
    if not notice.warnings:
        put(ws, r, 2, "无")
    for w in notice.warnings:
        put(ws, r, 2, f"第 {w.line} 行：{w.message}" if w.line else w.message, alignment=wrap)
        r += 1
    ws.column_dimensions["A"].width = 12
    ws.column_dimensions["B"].width = min(100, max(40, max(display_width(v) for _, v in rows) + 2))
    _print_setup(ws, title_rows="1:1")


def _print_setup(ws: Worksheet, *, title_rows: str) -> None:
    """The shared landscape setup, centred, with the narrow margins a wide matrix needs."""
    print_landscape(ws, title_rows=title_rows)
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.6
