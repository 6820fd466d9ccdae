"""The status report's words, shared by its text, xlsx and docx renderings (as `diff_labels`
is the diff's): column headers, the summary sentence, table cells."""

from __future__ import annotations

from yaodian.analysis.status import DUE_SOON_DAYS, StatusReport
from yaodian.writers.labels import chinese_date

OFFICE_HEADERS = ("科室", "任务数", "已完成", "推进中", "未开始", "逾期", f"{DUE_SOON_DAYS}天内到期")
OVERDUE_HEADERS = ("编号", "序号", "科室", "角色", "截止日期", "状态")


def summary_sentence(report: StatusReport) -> str:
    """`截至2024年7月1日，台账共 42 项任务，已完成 10 项（23.8%），逾期 5 项，涉及 3 个科室。`"""
    total, done = report.total, report.done
    share = f"（{done / total:.1%}）" if total else ""
    late_offices = len(report.overdue_by_office())
    late = f"逾期 {len(report.overdue)} 项，涉及 {late_offices} 个科室" if report.overdue else "没有逾期任务"
    return (
        f"截至{chinese_date(report.as_of)}，台账共 {total} 项任务，已完成 {done} 项{share}，"
        f"{late}；{DUE_SOON_DAYS} 天内到期 {len(report.due_soon)} 项。"
    )


def office_cells(report: StatusReport) -> list[tuple[str, ...]]:
    return [
        (
            o.name,
            str(o.total),
            str(o.done),
            str(o.in_progress),
            str(o.not_started),
            str(o.overdue),
            str(o.due_soon),
        )
        for o in report.offices
    ]


def overdue_cells(report: StatusReport) -> list[tuple[str, ...]]:
    return [
        (r.key, r.number, r.office, r.role, r.deadline.isoformat() if r.deadline else "", r.status)
        for r in report.overdue
    ]
