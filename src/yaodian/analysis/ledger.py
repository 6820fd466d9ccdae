"""The 督办台账 (supervision ledger): one row per item × responsible office, with a stable key.

`build_ledger(notice)` makes it from a notice; the xlsx writer writes it and `reading.ledger`
reads it back, so `forms`, `collect` and `status` all work on this one model. The key (编号) is
`2024-003-02`: the plan's year, the item's ordinal, the office's place in the item — the same
notice always gives the same keys. The notice itself is named by `ident`, a hash of its title
and items, which every form carries so that a return from another notice's ledger is refused.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass

from yaodian.deadlines import ONGOING
from yaodian.model import LEAD, Notice, Role

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


def notice_ident(notice: Notice) -> str:
    """The notice's identity for its ledger and forms: a hash of its title and item fingerprints."""
    text = "\x1e".join([notice.title, *(i.fingerprint for i in notice.items)])
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def row_key(year: int | None, ordinal: int, place: int) -> str:
    """`2024-003-02`: year, the item's ordinal, the office's place among the item's offices."""
    return f"{year or 0:04d}-{ordinal:03d}-{place:02d}"


def build_ledger(notice: Notice, *, leaders: Mapping[str, str] | None = None) -> Ledger:
    """The ledger of a notice: one row per item × office (items without an office get one row
    with an empty 科室, so nothing of the plan is left out). `leaders` maps an office to its
    分管领导 for items where the notice names none (`--leaders 分工.toml`)."""
    leaders = leaders or {}
    year = notice.plan_year
    rows: list[LedgerRow] = []
    for item in notice.items:
        deadline = notice.deadline_of(item)
        item_leader = notice.leader_of(item)
        titles = notice.section_titles(item)
        status = (
            ONGOING_STATUS
            if deadline and deadline.date is None and ONGOING.search(deadline.text)
            else NOT_STARTED
        )
        refs = item.offices or ()
        places: list[tuple[str, Role | None]] = [(r.name, r.role) for r in refs]
        seen: set[str] = set()
        for place, (office, role) in enumerate(places or [("", None)], start=1):
            if office and office in seen:
                continue
            seen.add(office)
            rows.append(
                LedgerRow(
                    key=row_key(year, item.ordinal, place),
                    number=item.number,
                    part=titles[0] if titles else "",
                    task=item.title,
                    content=item.text,
                    office=office,
                    role=ROLE_WORDS[role] if role else "",
                    leader=item_leader or leaders.get(office, ""),
                    deadline_text=deadline.text if deadline else "",
                    deadline=deadline.date if deadline else None,
                    status=status,
                )
            )
    return Ledger(
        ident=notice_ident(notice),
        title=notice.title,
        year=year,
        source=notice.source.path,
        rows=tuple(rows),
    )
