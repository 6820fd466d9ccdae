"""The quarterly 通报 and the 催办单 as Word documents (GB/T 9704 page and fonts).

通报: the summary sentence, a table per office (its counts), the overdue list.
催办单: one per office with overdue rows, listing them and asking for a reply.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from yaodian.analysis.status import StatusReport
from yaodian.ledger_model import LedgerRow
from yaodian.output import save_built
from yaodian.writers.docx_blocks import (
    add_heading,
    add_page_number_footer,
    add_paragraph,
    add_row,
    add_subtitle,
    add_table,
    add_title,
)
from yaodian.writers.docx_document import DEFAULT_PROFILE, FontProfile, new_document
from yaodian.writers.labels import chinese_date
from yaodian.writers.status_labels import (
    OFFICE_HEADERS,
    OVERDUE_HEADERS,
    office_cells,
    overdue_cells,
    summary_sentence,
)

if TYPE_CHECKING:
    from docx.document import Document

OFFICE_WIDTHS = (40, 20, 20, 20, 20, 20, 26)
OVERDUE_WIDTHS = (30, 14, 30, 16, 28, 22)
REMINDER_HEADERS = ("编号", "序号", "工作任务", "完成时限", "截止日期", "状态")
REMINDER_WIDTHS = (28, 12, 52, 22, 24, 18)


def write_bulletin(
    report: StatusReport,
    path: str | Path,
    *,
    profile: str | FontProfile = DEFAULT_PROFILE,
    force: bool = False,
) -> Path:
    return save_built(lambda: build_bulletin(report, profile=profile), path, force=force)


def build_bulletin(report: StatusReport, *, profile: str | FontProfile = DEFAULT_PROFILE) -> Document:
    title = f"关于{report.year}年工作要点推进情况的通报" if report.year else "关于工作要点推进情况的通报"
    doc = new_document(profile, title=title)
    add_page_number_footer(doc)
    add_title(doc, title)
    if report.title:
        add_subtitle(doc, f"（《{report.title}》督办情况）")
    add_paragraph(doc, summary_sentence(report))
    add_heading(doc, "一、各科室推进情况")
    for k, (name, *counts) in enumerate(office_cells(report), start=1):
        add_paragraph(doc, f"{k}. {name}", indent=False)
        table = add_table(doc, OFFICE_HEADERS[1:], OFFICE_WIDTHS[1:])
        add_row(table, counts, OFFICE_WIDTHS[1:], centred=range(6))
    add_heading(doc, "二、逾期任务")
    if report.overdue:
        table = add_table(doc, OVERDUE_HEADERS, OVERDUE_WIDTHS)
        for cells in overdue_cells(report):
            add_row(table, cells, OVERDUE_WIDTHS, centred=range(6))
        add_paragraph(doc, "请上述科室对照台账抓紧推进，于一周内报送整改情况。")
    else:
        add_paragraph(doc, "截至目前没有逾期任务。")
    return doc


def write_reminder(
    report: StatusReport,
    office: str,
    rows: Sequence[LedgerRow],
    path: str | Path,
    *,
    profile: str | FontProfile = DEFAULT_PROFILE,
    force: bool = False,
) -> Path:
    return save_built(lambda: build_reminder(report, office, rows, profile=profile), path, force=force)


def build_reminder(
    report: StatusReport,
    office: str,
    rows: Sequence[LedgerRow],
    *,
    profile: str | FontProfile = DEFAULT_PROFILE,
) -> Document:
    doc = new_document(profile, title=f"{office}催办单")
    add_page_number_footer(doc)
    add_title(doc, "催办单")
    add_paragraph(doc, f"{office}：", indent=False)
    add_paragraph(
        doc,
        f"截至{chinese_date(report.as_of)}，你科室承担的以下 {len(rows)} 项任务已过完成时限，尚未完成。"
        "请抓紧推进，并在进展表中更新进展情况和状态后报送。",
    )
    table = add_table(doc, REMINDER_HEADERS, REMINDER_WIDTHS)
    for r in rows:
        add_row(
            table,
            [
                r.key,
                r.number,
                r.task,
                r.deadline_text,
                r.deadline.isoformat() if r.deadline else "",
                r.status,
            ],
            REMINDER_WIDTHS,
            centred=(0, 1, 3, 4, 5),
        )
    return doc
