"""The words every rendering of a notice shares (the terminal, text, xlsx and docx writers), so
that each output calls a role, a date or a task sheet by the same Chinese name."""

from __future__ import annotations

import datetime as dt

from yaodian.analysis.assignments import Task
from yaodian.model import Notice

ROLE_LABEL = {"lead": "牵头", "support": "配合"}


def plan_year(notice: Notice) -> int | None:
    return notice.plan_year


def sheet_title(notice: Notice, office: str) -> str:
    """`基教科2024年工作任务清单` (the year left out when the notice gives none)."""
    year = plan_year(notice)
    return f"{office}{year}年工作任务清单" if year else f"{office}工作任务清单"


def chinese_date(d: dt.date) -> str:
    """`2024年2月20日` — Arabic numerals, no padding (GB/T 9704)."""
    return f"{d.year}年{d.month}月{d.day}日"


def date_text(notice: Notice) -> str:
    """The notice's date as `chinese_date` writes it; empty when unknown."""
    return chinese_date(notice.date) if notice.date else ""


def co_office_text(task: Task) -> str:
    """The other offices on the item, leads marked: `党建指导科（牵头）、人事科`."""
    leads = task.lead_set
    return "、".join(f"{n}（牵头）" if n in leads else n for n in task.co_offices)
