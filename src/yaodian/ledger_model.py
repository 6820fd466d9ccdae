"""The 督办台账 model (supervision ledger): its columns, rows and change log — dataclasses and
names only, no I/O. Built from a notice by `analysis.ledger`, written by `writers.ledger_xlsx`,
read back by `reading.ledger`; `forms`, `collect` and `status` all work on it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from yaodian.model import LEAD

# The 台账 sheet's header, in order (the list; 上年状态 only with --previous).
COLUMNS = (
    "编号",
    "序号",
    "部分",
    "工作任务",
    "具体内容",
    "科室",
    "角色",
    "分管领导",
    "完成时限",
    "截止日期",
    "责任人",
    "进展情况",
    "状态",
    "更新日期",
)
PREVIOUS_COLUMN = "上年状态"
# An office's form (进展表): the ledger's columns less those that say the same for every row.
FORM_COLUMNS = tuple(c for c in COLUMNS if c not in ("部分", "分管领导"))
# What an office fills in; everything else is the plan's and stays locked in the forms.
EDITABLE = ("责任人", "进展情况", "状态", "更新日期")
STATUSES = ("未开始", "推进中", "已完成", "滞后", "持续推进")
DONE, IN_PROGRESS, NOT_STARTED, LATE, ONGOING_STATUS = "已完成", "推进中", "未开始", "滞后", "持续推进"
ROLE_WORDS = {"lead": "牵头", "support": "配合"}


@dataclass(frozen=True, kw_only=True)
class LedgerRow:
    """One row of the ledger (台账行): an item as one office's task, and its progress."""

    key: str
    number: str
    part: str = ""
    task: str = ""
    content: str = ""
    office: str
    role: str = ROLE_WORDS[LEAD]  # 牵头 / 配合, as the sheet shows it
    leader: str = ""
    deadline_text: str = ""
    deadline: dt.date | None = None
    person: str = ""
    progress: str = ""
    status: str = NOT_STARTED
    updated: dt.date | None = None
    previous: str = ""

    def value(self, column: str) -> str | dt.date | None:
        """The cell of `column` (a name of `COLUMNS` or 上年状态)."""
        return getattr(self, FIELD_OF[column])  # type: ignore[no-any-return]


# Column name → LedgerRow attribute.
FIELD_OF = {
    "编号": "key",
    "序号": "number",
    "部分": "part",
    "工作任务": "task",
    "具体内容": "content",
    "科室": "office",
    "角色": "role",
    "分管领导": "leader",
    "完成时限": "deadline_text",
    "截止日期": "deadline",
    "责任人": "person",
    "进展情况": "progress",
    "状态": "status",
    "更新日期": "updated",
    PREVIOUS_COLUMN: "previous",
}
DATE_COLUMNS = frozenset({"截止日期", "更新日期"})


@dataclass(frozen=True, kw_only=True)
class Change:
    """One line of the 修改记录 sheet: a cell a return changed, and where the new value came from."""

    key: str
    column: str
    old: str
    new: str
    source: str
    time: str


@dataclass(frozen=True, kw_only=True)
class Ledger:
    """The 督办台账: the notice it was made from, its rows and the log of changes."""

    ident: str
    title: str
    year: int | None = None
    source: str = ""
    rows: tuple[LedgerRow, ...] = ()
    changes: tuple[Change, ...] = ()
    with_previous: bool = False

    @property
    def columns(self) -> tuple[str, ...]:
        return (*COLUMNS, PREVIOUS_COLUMN) if self.with_previous else COLUMNS

    def offices(self) -> tuple[str, ...]:
        """The offices in order of their first row."""
        return tuple(dict.fromkeys(r.office for r in self.rows))

    def by_key(self) -> dict[str, LedgerRow]:
        return {r.key: r for r in self.rows}
