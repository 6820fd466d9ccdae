"""Where the year stands (督办进度): per office counts, overdue rows and rows due soon, as of a day."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from yaodian.ledger_model import DONE, IN_PROGRESS, NOT_STARTED, Ledger, LedgerRow

DUE_SOON_DAYS = 30


@dataclass(frozen=True, kw_only=True)
class OfficeStatus:
    """One office's progress (科室进度)."""

    name: str
    total: int
    done: int
    in_progress: int
    not_started: int
    overdue: int
    due_soon: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "total": self.total,
            "done": self.done,
            "in_progress": self.in_progress,
            "not_started": self.not_started,
            "overdue": self.overdue,
            "due_soon": self.due_soon,
        }


@dataclass(frozen=True, kw_only=True)
class StatusReport:
    """The ledger as of one day: offices, and the overdue rows (逾期事项) in ledger order."""

    title: str
    year: int | None
    as_of: dt.date
    offices: tuple[OfficeStatus, ...]
    overdue: tuple[LedgerRow, ...]
    due_soon: tuple[LedgerRow, ...]

    @property
    def total(self) -> int:
        return sum(o.total for o in self.offices)

    @property
    def done(self) -> int:
        return sum(o.done for o in self.offices)

    def overdue_by_office(self) -> dict[str, tuple[LedgerRow, ...]]:
        out: dict[str, list[LedgerRow]] = {}
        for row in self.overdue:
            out.setdefault(row.office, []).append(row)
        return {k: tuple(v) for k, v in out.items()}

    def to_dict(self) -> dict[str, Any]:
        return {
            "as_of": self.as_of.isoformat(),
            "offices": [o.to_dict() for o in self.offices],
            "overdue": [
                {
                    "key": r.key,
                    "number": r.number,
                    "office": r.office,
                    "role": r.role,
                    "deadline": r.deadline.isoformat() if r.deadline else None,
                    "status": r.status,
                }
                for r in self.overdue
            ],
        }


def is_overdue(row: LedgerRow, as_of: dt.date) -> bool:
    """The deadline is before `as_of` and the row is not 已完成."""
    return row.deadline is not None and row.deadline < as_of and row.status != DONE


def is_due_soon(row: LedgerRow, as_of: dt.date, days: int = DUE_SOON_DAYS) -> bool:
    """Not done, and the deadline falls within the next `days` days (today included)."""
    return (
        row.deadline is not None
        and row.status != DONE
        and as_of <= row.deadline <= as_of + dt.timedelta(days=days)
    )


def status_report(ledger: Ledger, as_of: dt.date) -> StatusReport:
    """Count every office's rows by status; rows without an office count under 未分配."""
    offices: list[OfficeStatus] = []
    for name in ledger.offices():
        rows = [r for r in ledger.rows if r.office == name]
        offices.append(
            OfficeStatus(
                name=name or "未分配",
                total=len(rows),
                done=sum(r.status == DONE for r in rows),
                in_progress=sum(r.status == IN_PROGRESS for r in rows),
                not_started=sum(r.status in (NOT_STARTED, "") for r in rows),
                overdue=sum(is_overdue(r, as_of) for r in rows),
                due_soon=sum(is_due_soon(r, as_of) for r in rows),
            )
        )
    return StatusReport(
        title=ledger.title,
        year=ledger.year,
        as_of=as_of,
        offices=tuple(offices),
        overdue=tuple(r for r in ledger.rows if is_overdue(r, as_of)),
        due_soon=tuple(r for r in ledger.rows if is_due_soon(r, as_of)),
    )
