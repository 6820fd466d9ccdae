"""The notice as CSV: one row per (item, office, role), for Excel and pivot tables."""

from __future__ import annotations

import csv
import io

from yaodian.model import Notice

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
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: str) -> str:
    # A cell starting with = + - @ is a formula once Excel opens the file: neutralise it.
    return "'" + value if value.startswith(_FORMULA_START) else value


def to_csv(notice: Notice) -> str:
    """CSV text (no BOM: the caller adds one when writing a file for Excel)."""
    buf = io.StringIO()
    out = csv.writer(buf, lineterminator="\r\n")
    out.writerow(HEADER)
    for item in notice.items:
        section = " / ".join(notice.section_titles(item))
        rows = item.offices or ()
        if not rows:
            out.writerow(
                [
                    item.ordinal,
                    item.number,
                    _cell(section),
                    _cell(item.title),
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
            out.writerow(
                [
                    item.ordinal,
                    item.number,
                    _cell(section),
                    _cell(item.title),
                    _cell(ref.name),
                    _cell(ref.raw),
                    "牵头" if ref.is_lead else "配合",
                    "是" if ref.collective else "否",
                    _cell(item.leader or ""),
                    _cell(item.deadline or ""),
                    item.line,
                ]
            )
    return buf.getvalue()
