"""The notice as CSV: one row per (item, office, role), for Excel and pivot tables."""

from __future__ import annotations

from yaodian.model import Notice
from yaodian.writers.sanitise import csv_safe, csv_text

HEADER = [
    "序号",
    "条目编号",
    "部分",
    "工作任务",
    "科室",
    "原文写法",
    "角色",
    "集体单位",
    "分管领导",
    "完成时限",
    "行号",
]


def to_csv(notice: Notice) -> str:
    """CSV text (no BOM: the caller adds one when writing a file for Excel)."""
    out: list[list[object]] = [list(HEADER)]
    for item in notice.items:
        section = " / ".join(notice.section_titles(item))
        rows = item.offices or ()
        if not rows:
            out.append(
                [
                    item.ordinal,
                    item.number,
                    csv_safe(section),
                    csv_safe(item.title),
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    item.line,
                ]
            )
        for ref in rows:
            out.append(
                [
                    item.ordinal,
                    item.number,
                    csv_safe(section),
                    csv_safe(item.title),
                    csv_safe(ref.name),
                    csv_safe(ref.raw),
                    "牵头" if ref.is_lead else "配合",
                    "是" if ref.collective else "否",
                    csv_safe(item.leader or ""),
                    csv_safe(item.deadline or ""),
                    item.line,
                ]
            )
    return csv_text(out)
