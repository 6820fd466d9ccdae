"""Per-office task lists as text (Markdown, JSON, CSV) and as a workbook.

The renderers are pure (model in, string out); the CLI decides between stdout and a file. The
Word rendering of the same lists is `writers.docx_sheets`.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from yaodian.analysis.assignments import OfficeTasks, Task
from yaodian.model import Notice
from yaodian.output import atomic_output, check_destination, save_document
from yaodian.writers.labels import ROLE_LABEL, co_office_text, date_text, plan_year, sheet_title
from yaodian.writers.sanitise import csv_text

CSV_HEADER = [
    "科室",
    "角色",
    "条目序号",
    "部分",
    "工作任务",
    "具体内容",
    "牵头科室",
    "协同科室",
    "分管领导",
    "完成时限",
]


# --- Markdown -----------------------------------------------------------------------------------


def _md_cell(text: str) -> str:
    return " ".join(text.replace("\\", "\\\\").replace("|", "\\|").split())


def to_markdown(notice: Notice, lists: Sequence[OfficeTasks]) -> str:
    """One office: `# 科室…清单`; several: a document heading and one `##` block per office."""
    out: list[str] = []
    basis = f"依据：《{notice.title}》" + (f"（{date_text(notice)}）" if notice.date else "")
    if len(lists) == 1:
        out += [f"# {_md_cell(sheet_title(notice, lists[0].name))}", "", basis, ""]
        out += _md_office(lists[0], level=2)
    else:
        year = plan_year(notice)
        out += [
            f"# {_md_cell(notice.title)} 各科室任务清单" if year else f"# {_md_cell(notice.title)} 任务清单"
        ]
        out += ["", basis, ""]
        for tl in lists:
            out += [f"## {_md_cell(tl.name)}（牵头 {len(tl.lead)} 项，配合 {len(tl.support)} 项）", ""]
            out += _md_office(tl, level=3)
    return "\n".join(out).rstrip("\n") + "\n"


def _md_office(tl: OfficeTasks, *, level: int) -> list[str]:
    out: list[str] = []
    hashes = "#" * level
    blocks = [("牵头任务", tl.lead), ("配合任务", tl.support)]
    k = 0
    for label, tasks in blocks:
        if not tasks:
            continue
        out += [f"{hashes} {label}（{len(tasks)} 项）", ""]
        out += [
            "| 序号 | 条目 | 工作任务 | 具体内容 | 协同科室 | 完成时限 |",
            "| --- | --- | --- | --- | --- | --- |",
        ]
        for task in tasks:
            k += 1
            item = task.item
            cells = [str(k), item.number, item.title, task.body, co_office_text(task), item.deadline or ""]
            out.append("| " + " | ".join(_md_cell(c) for c in cells) + " |")
        out.append("")
    if k == 0:
        out += ["（无任务）", ""]
    return out


# --- JSON ---------------------------------------------------------------------------------------


def _task_dict(task: Task) -> dict[str, Any]:
    item = task.item
    return {
        "ordinal": item.ordinal,
        "number": item.number,
        "section": list(task.sections),
        "title": item.title,
        "text": item.text,
        "role": task.role,
        "leads": list(task.leads),
        "co_offices": list(task.co_offices),
        "leader": item.leader,
        "deadline": item.deadline,
    }


def tasks_dict(notice: Notice, lists: Sequence[OfficeTasks]) -> dict[str, Any]:
    return {
        "notice": {
            "title": notice.title,
            "year": plan_year(notice),
            "date": notice.date.isoformat() if notice.date else None,
            "source": notice.source.path,
        },
        "offices": [
            {
                "name": tl.name,
                "collective": tl.collective,
                "lead": [_task_dict(t) for t in tl.lead],
                "support": [_task_dict(t) for t in tl.support],
            }
            for tl in lists
        ],
    }


def to_json(notice: Notice, lists: Sequence[OfficeTasks]) -> str:
    return json.dumps(tasks_dict(notice, lists), ensure_ascii=False, indent=2) + "\n"


# --- rows: per office (CSV, xlsx) and per notice (batch tasks.xlsx) -----------------------------

NOTICE_TASKS_HEADER = (
    "文件", "通知标题", "年份", "编号", "所属部分", "条目标题", "工作任务", "牵头科室", "配合科室",
    "分管领导", "完成时限", "行号",
)  # fmt: skip


def notice_task_rows(notice: Notice, file: str) -> tuple[tuple[Any, ...], ...]:
    """One row per item of a notice (batch tasks.xlsx), in NOTICE_TASKS_HEADER order."""
    rows = []
    for item in notice.items:
        rows.append(
            (
                file,
                notice.title,
                notice.year,
                item.number,
                " / ".join(notice.section_titles(item)),
                item.title,
                item.text,
                "、".join(o.name for o in item.leads),
                "、".join(o.name for o in item.supports),
                item.leader or "",
                item.deadline or "",
                item.line,
            )
        )
    return tuple(rows)


def office_task_rows(lists: Sequence[OfficeTasks]) -> list[list[str]]:
    """One row per (office, task), in CSV_HEADER order; raw text, not yet sanitised."""
    rows: list[list[str]] = []
    for tl in lists:
        for task in tl.tasks:
            item = task.item
            rows.append(
                [
                    tl.name,
                    ROLE_LABEL[task.role],
                    item.number,
                    task.sections[0] if task.sections else "",
                    item.title,
                    task.body,
                    "、".join(task.leads),
                    co_office_text(task),
                    item.leader or "",
                    item.deadline or "",
                ]
            )
    return rows


# --- CSV ----------------------------------------------------------------------------------------


def to_csv(notice: Notice, lists: Sequence[OfficeTasks]) -> str:
    """CSV text (no BOM: `write_text(..., bom=True)` adds it for files Excel opens)."""
    return csv_text([CSV_HEADER, *office_task_rows(lists)])


# --- xlsx ---------------------------------------------------------------------------------------


def write_tasks(
    notice: Notice, lists: Sequence[OfficeTasks], path: str | Path, *, force: bool = False
) -> Path:
    """A workbook: every task on one filterable sheet, then one sheet per office."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.table import Table, TableStyleInfo

    from yaodian.version import __version__
    from yaodian.writers.xlsx_common import (
        CellStyle,
        column_width,
        print_landscape,
        print_pages,
        put,
        safe_sheet_name,
    )

    target = check_destination(path, force=force)
    wb = Workbook()
    wb.properties.creator = wb.properties.lastModifiedBy = f"yaodian {__version__}"
    bold = Font(bold=True)
    wrap = CellStyle(alignment=Alignment(wrap_text=True, vertical="top"))
    widths = {"具体内容": (30, 70), "工作任务": (16, 36), "协同科室": (12, 30)}
    names: list[str] = []

    def fill(ws: Any, rows: list[list[str]], table_name: str) -> None:
        for col, head in enumerate(CSV_HEADER, start=1):
            put(ws, 1, col, head, font=bold)
        for r, row in enumerate(rows, start=2):
            for col, value in enumerate(row, start=1):
                put(ws, r, col, value, wrap)
        if not rows:
            for col in range(1, len(CSV_HEADER) + 1):
                put(ws, 2, col, "")
        for col, head in enumerate(CSV_HEADER, start=1):
            lo, hi = widths.get(head, (8, 16))
            texts = [head, *(row[col - 1] for row in rows)]
            ws.column_dimensions[get_column_letter(col)].width = column_width(texts, minimum=lo, maximum=hi)
        ref = f"A1:{get_column_letter(len(CSV_HEADER))}{max(2, len(rows) + 1)}"
        table = Table(displayName=table_name, ref=ref)
        table.tableStyleInfo = TableStyleInfo(name="TableStyleMedium2", showRowStripes=True)
        ws.add_table(table)
        ws.freeze_panes = "C2"
        print_landscape(ws, title_rows="1:1")

    ws = wb.active
    ws.title = safe_sheet_name("全部任务", names)
    names.append(ws.title)
    fill(ws, office_task_rows(lists), "AllTasks")
    if len(lists) > 1:
        for k, tl in enumerate(lists, start=1):
            sheet = wb.create_sheet(safe_sheet_name(tl.name, names))
            names.append(sheet.title)
            fill(sheet, office_task_rows([tl]), f"Office{k}")
    print_pages(wb)
    with atomic_output(target, force=force) as tmp:
        save_document(wb, tmp)
    return target
