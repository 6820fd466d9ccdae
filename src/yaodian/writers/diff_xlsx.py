"""The year-over-year comparison as a workbook (年度对比.xlsx).

Three sheets:
  概要      counts, header changes, section changes and office renames;
  条目对比  one row per aligned pair (unchanged ones too), the text diff as rich text:
            deletions red and struck through, insertions blue and underlined;
  科室变化  every office's lead / support counts in both years, tasks gained and lost.

Every string goes through `xlsx_common` (`put`, `clean_text`), rich-text pieces included.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from yaodian.analysis.diff import ItemChange, PlanDiff
from yaodian.output import save_built
from yaodian.writers import palette
from yaodian.writers.diff_labels import (
    DELETE_COLOR,
    INSERT_COLOR,
    KIND_LABEL,
    SECTION_STATUS_LABEL,
    STATUS_LABEL,
    SUMMARY_LABEL,
    section_path_text,
    section_text,
)
from yaodian.writers.labels import ROLE_LABEL
from yaodian.writers.sanitise import clean_text
from yaodian.writers.xlsx_common import column_width, display_width, print_landscape, print_pages, put

if TYPE_CHECKING:
    from openpyxl import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

SHEET_SUMMARY = "概要"
SHEET_ITEMS = "条目对比"
SHEET_OFFICES = "科室变化"

HEADER_FILL = palette.HEADER
STATUS_FILL = {
    "changed": "FFF2CC",
    "added": "E2EFDA",
    "removed": "FCE4D6",
    "merged": "EDE1F5",
    "split": "EDE1F5",
}

ITEM_COLUMNS: tuple[tuple[str, float], ...] = (
    ("状态", 8),
    ("原编号", 9),
    ("现编号", 9),
    ("相似度", 8),
    ("变化", 20),
    ("工作任务", 28),
    ("文字对比", 80),
    ("原所在部分", 22),
    ("现所在部分", 22),
    ("原牵头", 14),
    ("现牵头", 14),
    ("增加科室", 16),
    ("减少科室", 16),
    ("角色调整", 20),
)
OFFICE_COLUMNS = (
    "科室",
    "原名称",
    "原牵头",
    "原配合",
    "原合计",
    "现牵头",
    "现配合",
    "现合计",
    "增减",
    "新增任务",
    "减少任务",
)


def write_diff_xlsx(diff: PlanDiff, path: str | Path, *, force: bool = False) -> Path:
    """Write the comparison workbook to `path`, atomically."""
    return save_built(lambda: build_diff_workbook(diff), path, force=force)


def build_diff_workbook(diff: PlanDiff) -> Workbook:
    from openpyxl import Workbook

    wb = Workbook()
    summary = wb.active
    assert summary is not None
    summary.title = SHEET_SUMMARY
    _summary_sheet(summary, diff)
    _items_sheet(wb.create_sheet(SHEET_ITEMS), diff)
    _offices_sheet(wb.create_sheet(SHEET_OFFICES), diff)
    print_pages(wb)
    return wb


def rich_diff(ops: Sequence[Any]) -> Any:
    """A CellRichText of a text diff: deletions red + strike-through, insertions blue + underline."""
    from openpyxl.cell.rich_text import CellRichText, TextBlock
    from openpyxl.cell.text import InlineFont

    deleted = InlineFont(color=DELETE_COLOR, strike=True)
    inserted = InlineFont(color=INSERT_COLOR, u="single")
    parts: list[str | TextBlock] = []
    for op in ops:
        piece = clean_text(op.text)
        if not piece:
            continue
        if op.op == "equal":
            parts.append(piece)
        else:
            parts.append(TextBlock(deleted if op.op == "delete" else inserted, piece))
    return CellRichText(parts)


def _header_row(ws: Worksheet, row: int, heads: Sequence[str]) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill

    fill = PatternFill("solid", fgColor=HEADER_FILL)
    for col, head in enumerate(heads, start=1):
        put(ws, row, col, head, font=Font(bold=True), fill=fill, alignment=Alignment(horizontal="center"))


def _title(ws: Worksheet, diff: PlanDiff, label: str) -> None:
    from openpyxl.styles import Font

    put(ws, 1, 1, f"{label}：《{diff.old.title}》 → 《{diff.new.title}》", font=Font(bold=True, size=14))


def _summary_sheet(ws: Worksheet, diff: PlanDiff) -> None:
    """Sources and threshold, then blocks: counts, header changes, section changes, renames."""
    from openpyxl.styles import Alignment, Font

    _title(ws, diff, "工作要点年度对比")
    wrap = Alignment(wrap_text=True, vertical="top")
    bold = Font(bold=True)
    r = 3
    for a, b, c in (
        ("旧", diff.old.path, f"{diff.old.items} 条"),
        ("新", diff.new.path, f"{diff.new.items} 条"),
        ("相似度阈值", f"{diff.threshold:g}", ""),
    ):
        put(ws, r, 1, a, font=bold)
        put(ws, r, 2, b)
        put(ws, r, 3, c)
        r += 1
    counts = [(SUMMARY_LABEL[key], value) for key, value in diff.summary().items()]
    r = _block(ws, r + 1, ("项目", "数量"), counts)
    header = [(h.label, h.old or "无", h.new or "无") for h in diff.header]
    r = _block(ws, r + 1, ("文头", "旧", "新"), header, empty="无变化", alignment=wrap)
    sections = [
        (
            SECTION_STATUS_LABEL[s.status] if s.status != "same" else "重新编号",
            section_text(s.old_number, s.old_title, s.level),
            section_text(s.new_number, s.new_title, s.level),
        )
        for s in diff.sections
        if s.status != "same" or s.renumbered
    ]
    r = _block(ws, r + 1, ("部分", "旧", "新"), sections, empty="无变化", alignment=wrap)
    renames = [("更名", old, new) for old, new in diff.renamed_offices]
    _block(ws, r + 1, ("科室更名", "原名称", "现名称"), renames, empty="无")
    ws.column_dimensions["A"].width = 16
    ws.column_dimensions["B"].width = 50
    ws.column_dimensions["C"].width = 50
    print_landscape(ws, title_rows=None)


def _block(
    ws: Worksheet,
    r: int,
    heads: Sequence[str],
    rows: Sequence[tuple[object, ...]],
    *,
    empty: str | None = None,
    alignment: Any = None,
) -> int:
    """A header row and one row per entry (or `empty` when there is none); the next free row."""
    _header_row(ws, r, heads)
    r += 1
    if not rows and empty:
        put(ws, r, 1, empty)
        r += 1
    for first, *rest in rows:
        put(ws, r, 1, first)
        for col, value in enumerate(rest, start=2):
            if alignment is None:
                put(ws, r, col, value)
            else:
                put(ws, r, col, value, alignment=alignment)
        r += 1
    return r


def _change_kinds(change: ItemChange) -> str:
    kinds = [KIND_LABEL.get(k, k) for k in change.kinds]
    return "、".join(kinds)


def _diff_cell_value(change: ItemChange) -> Any:
    from yaodian.analysis.textdiff import TextOp

    if change.status == "added":
        return rich_diff([TextOp(op="insert", text=change.new_text)])
    if change.status == "removed":
        return rich_diff([TextOp(op="delete", text=change.old_text)])
    if change.text_diff:
        return rich_diff(change.text_diff)
    return None  # unchanged text: written as a plain string


def _items_sheet(ws: Worksheet, diff: PlanDiff) -> None:
    from openpyxl.styles import Alignment, PatternFill
    from openpyxl.utils import get_column_letter

    _title(ws, diff, SHEET_ITEMS)
    heads = [h for h, _ in ITEM_COLUMNS]
    _header_row(ws, 2, heads)
    wrap = Alignment(wrap_text=True, vertical="top")
    centre = Alignment(horizontal="center", vertical="top")
    for r, change in enumerate(diff.items, start=3):
        fill = STATUS_FILL.get(change.status)
        status_style: dict[str, Any] = {"alignment": centre}
        if fill:
            status_style["fill"] = PatternFill("solid", fgColor=fill)
        put(ws, r, 1, STATUS_LABEL[change.status], **status_style)
        put(ws, r, 2, "、".join(change.old), alignment=centre)
        put(ws, r, 3, "、".join(change.new), alignment=centre)
        if change.status in ("added", "removed"):
            put(ws, r, 4, None)
        else:
            put(ws, r, 4, change.similarity, alignment=centre, number_format="0.00")
        put(ws, r, 5, _change_kinds(change), alignment=wrap)
        put(ws, r, 6, change.title, alignment=wrap)
        rich = _diff_cell_value(change)
        if rich is None:
            put(ws, r, 7, change.new_text, alignment=wrap)
        else:
            cell = ws.cell(row=r, column=7)
            cell.value = rich
            cell.alignment = wrap
        put(ws, r, 8, section_path_text(change.old_sections), alignment=wrap)
        put(ws, r, 9, section_path_text(change.new_sections), alignment=wrap)
        put(ws, r, 10, "、".join(change.lead_old), alignment=wrap)
        put(ws, r, 11, "、".join(change.lead_new), alignment=wrap)
        put(ws, r, 12, "、".join(change.offices_added) if change.status != "added" else "", alignment=wrap)
        put(
            ws, r, 13, "、".join(change.offices_removed) if change.status != "removed" else "", alignment=wrap
        )
        roles = "；".join(f"{x.office} {ROLE_LABEL[x.old]}→{ROLE_LABEL[x.new]}" for x in change.role_changes)
        put(ws, r, 14, roles, alignment=wrap)
    for col, (_head, width) in enumerate(ITEM_COLUMNS, start=1):
        ws.column_dimensions[get_column_letter(col)].width = width
    _fit_row_heights(ws, first=3, widths=[w for _, w in ITEM_COLUMNS])
    last = 2 + len(diff.items)
    ws.freeze_panes = "D3"
    ws.auto_filter.ref = f"A2:{get_column_letter(len(ITEM_COLUMNS))}{max(last, 2)}"
    print_landscape(ws, title_rows="2:2")


LINE_HEIGHT_PT = 15  # one line of 11 pt CJK text


def _fit_row_heights(ws: Worksheet, *, first: int, widths: Sequence[float]) -> None:
    """Set each row's height to fit its wrapped text.

    Neither openpyxl nor LibreOffice sizes rows on opening (Excel does only sometimes): without
    this a long item shows as one cut-off line on screen and in print.
    """
    for row in ws.iter_rows(min_row=first):
        lines = 1
        for cell, width in zip(row, widths, strict=False):
            value = cell.value
            if value is None:
                continue
            usable = max(1.0, width - 1)
            for part in str(value).split("\n"):
                lines_here = math.ceil(display_width(part) / usable) if part else 1
                lines = max(lines, lines_here)
        ws.row_dimensions[row[0].row].height = lines * LINE_HEIGHT_PT


def _offices_sheet(ws: Worksheet, diff: PlanDiff) -> None:
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    _title(ws, diff, SHEET_OFFICES)
    _header_row(ws, 2, OFFICE_COLUMNS)
    wrap = Alignment(wrap_text=True, vertical="top")
    for r, o in enumerate(diff.offices, start=3):
        values: list[object] = [
            o.name,
            o.old_name or "",
            o.old_lead,
            o.old_support,
            o.old_total,
            o.new_lead,
            o.new_support,
            o.new_total,
            o.new_total - o.old_total,
            "、".join(o.gained),
            "、".join(o.lost),
        ]
        for col, value in enumerate(values, start=1):
            style: dict[str, Any] = {"alignment": wrap}
            if col == 9 and isinstance(value, int) and value:
                style["font"] = Font(color=INSERT_COLOR if value > 0 else DELETE_COLOR, bold=True)
            put(ws, r, col, value, **style)
    names = [o.name for o in diff.offices] + [OFFICE_COLUMNS[0]]
    ws.column_dimensions["A"].width = column_width(names, minimum=10, maximum=30)
    ws.column_dimensions["B"].width = column_width(
        [o.old_name or "" for o in diff.offices] + ["原名称"], minimum=10
    )
    for col in range(3, 10):
        ws.column_dimensions[get_column_letter(col)].width = 8
    ws.column_dimensions["J"].width = 24
    ws.column_dimensions["K"].width = 24
    ws.freeze_panes = "B3"
    ws.auto_filter.ref = f"A2:K{max(2 + len(diff.offices), 2)}"
    print_landscape(ws, title_rows="2:2")
