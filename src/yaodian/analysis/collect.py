"""Merging the offices' returned forms into the ledger (回收汇总).

Steps (one function each):
  1. `accept`      a form from another notice's ledger is refused;
  2. `match_rows`  each returned row to a ledger key: by 编号, else by 序号 + 科室 (reported),
                   else it is unknown;
  3. `proposals`   each returned cell of the four fill-in columns read into the ledger's terms
                   (status words, dates typed as text);
  4. `merge`       one value for a cell: a non-empty value that differs replaces the ledger's and
                   is logged in 修改记录; two returns that disagree leave the ledger's value
                   and are a conflict (a value left as the form was sent counts: which of two
                   returns of one office is the newer cannot be known, so it is for a person).
Nothing is ever dropped in silence: every value not taken is in `notes`, `conflicts` or `unknown`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from yaodian.ledger_model import (
    DATE_COLUMNS,
    EDITABLE,
    FIELD_OF,
    STATUSES,
    Change,
    Ledger,
    LedgerRow,
)
from yaodian.reading.ledger import ReturnForm, ReturnRow, cell_text

# Words offices write instead of the list's (a sensible reading, each reported in `notes`).
STATUS_WORDS = {
    "完成": "已完成",
    "已办结": "已完成",
    "办结": "已完成",
    "已落实": "已完成",
    "进行中": "推进中",
    "正在推进": "推进中",
    "正在进行": "推进中",
    "推进": "推进中",
    "在推进": "推进中",
    "未启动": "未开始",
    "尚未开始": "未开始",
    "未完成": "滞后",
    "逾期": "滞后",
    "延期": "滞后",
    "长期": "持续推进",
    "长期坚持": "持续推进",
    "持续": "持续推进",
}
# "2024-07-01", "2024/7/1", "2024.7.1", "2024年7月1日"; "7月1日" and "7/1" take the ledger's year.
FULL_DATE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")
SHORT_DATE = re.compile(r"^(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")
EXCEL_EPOCH = dt.date(1899, 12, 30)


@dataclass(frozen=True, kw_only=True)
class Conflict:
    """Two returns that disagree on one cell (填报冲突): the ledger keeps its value."""

    key: str
    column: str
    kept: str
    values: tuple[tuple[str, str], ...]  # (source file, value)

    def to_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "column": self.column,
            "kept": self.kept,
            "values": [{"file": f, "value": v} for f, v in self.values],
        }


@dataclass(frozen=True, kw_only=True)
class Unknown:
    """A returned row whose key is not in the ledger (and no 序号 + 科室 matched)."""

    file: str
    line: int
    key: str
    number: str
    office: str

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


@dataclass(frozen=True, kw_only=True)
class Refused:
    """A file not merged: from another notice's ledger, or unreadable."""

    file: str
    reason: str


@dataclass(frozen=True, kw_only=True)
class CollectResult:
    """The merged ledger and the account of the merge (回收情况)."""

    ledger: Ledger
    updated: int  # ledger rows with at least one cell changed
    unchanged: int  # ledger rows returned without a change
    changes: tuple[Change, ...]
    conflicts: tuple[Conflict, ...]
    unknown: tuple[Unknown, ...]
    missing_offices: tuple[str, ...]
    refused: tuple[Refused, ...]
    notes: tuple[str, ...]  # rows matched by 序号 + 科室, values read sensibly or not taken

    def to_dict(self) -> dict[str, Any]:
        return {
            "updated": self.updated,
            "unchanged": self.unchanged,
            "changes": [dataclasses.asdict(c) for c in self.changes],
            "conflicts": [c.to_dict() for c in self.conflicts],
            "unknown": [u.to_dict() for u in self.unknown],
            "missing_offices": list(self.missing_offices),
            "refused": [dataclasses.asdict(r) for r in self.refused],
            "notes": list(self.notes),
        }


def accept(ledger: Ledger, form: ReturnForm) -> str | None:
    """Why the form cannot be merged into this ledger, or None when it can."""
    if form.ident is not None and form.ident != ledger.ident:
        what = "另一份台账" if form.is_ledger else "另一份台账生成的进展表"
        return (
            f"{form.path}：这是{what}（台账标识 {form.ident}），不属于本台账（{ledger.ident}）；"
            "已跳过。请确认发给该科室的是本年度台账生成的表格。"
        )
    return None


def match_rows(
    ledger: Ledger, form: ReturnForm, notes: list[str]
) -> tuple[list[tuple[str, ReturnRow]], list[Unknown]]:
    """Each returned row's ledger key: its 编号; else 序号 + 科室 (the form's office when the row
    has none), reported; else the row is unknown. Blank rows are skipped."""
    keys = ledger.by_key()
    by_number: dict[tuple[str, str], list[str]] = {}
    for r in ledger.rows:
        by_number.setdefault((r.number, r.office), []).append(r.key)
    matched: list[tuple[str, ReturnRow]] = []
    unknown: list[Unknown] = []
    for row in form.rows:
        key = cell_text(row.get("编号"))
        number = cell_text(row.get("序号"))
        office = cell_text(row.get("科室")) or (form.office or "")
        if key in keys:
            matched.append((key, row))
            continue
        candidates = by_number.get((number, office), [])
        if not key and len(candidates) == 1:
            matched.append((candidates[0], row))
            notes.append(
                f"{form.path} 第 {row.line} 行：没有编号，按序号 {number} + 科室 {office} 对应到 {candidates[0]}。"
            )
            continue
        if not any(cell_text(row.get(c)) for c in EDITABLE) and not key:
            continue  # a row with nothing to merge and nothing to name (a blank or a heading)
        unknown.append(Unknown(file=form.path, line=row.line, key=key, number=number, office=office))
    return matched, unknown


def read_value(
    column: str, raw: object, *, year: int | None, where: str, notes: list[str]
) -> str | dt.date | None:
    """A returned cell in the ledger's terms; None for empty or not taken (said in `notes`)."""
    if column in DATE_COLUMNS:
        return _read_date(raw, year=year, where=where, notes=notes)
    text = cell_text(raw)
    if not text:
        return None
    if column == "状态":
        word = unicodedata.normalize("NFKC", text).strip()
        if word in STATUSES:
            return word
        if word in STATUS_WORDS:
            notes.append(f"{where}：状态“{text}”按“{STATUS_WORDS[word]}”读取。")
            return STATUS_WORDS[word]
        notes.append(
            f"{where}：状态“{text}”不在列表（{'、'.join(STATUSES)}）中，未采用；台账保留原状态，请与该科室核实。"
        )
        return None
    return text


def _read_date(raw: object, *, year: int | None, where: str, notes: list[str]) -> dt.date | None:
    if raw is None or raw == "":
        return None
    if isinstance(raw, dt.datetime):
        return raw.date()
    if isinstance(raw, dt.date):
        return raw
    if isinstance(raw, int | float) and 20000 < raw < 80000:  # a date whose cell lost its format
        return EXCEL_EPOCH + dt.timedelta(days=int(raw))
    text = unicodedata.normalize("NFKC", str(raw)).strip()
    m = FULL_DATE.match(text)
    try:
        if m:
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        m = SHORT_DATE.match(text)
        if m and year:
            got = dt.date(year, int(m[1]), int(m[2]))
            notes.append(f"{where}：日期“{text}”按 {got.isoformat()} 读取（台账年度 {year}）。")
            return got
    except ValueError:
        pass
    notes.append(f"{where}：“{text}”不是日期，未采用；请填写如 2024-07-01。")
    return None


def _shown(value: object) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    return "" if value is None else str(value)


def collect_forms(
    ledger: Ledger, forms: Sequence[ReturnForm], *, time: str, refused: Sequence[Refused] = ()
) -> CollectResult:
    """Merge `forms` into `ledger`; `time` stamps the 修改记录 rows; `refused` are files the
    caller could not read (kept in the account)."""
    notes: list[str] = []
    all_refused = list(refused)
    unknown: list[Unknown] = []
    offered: dict[tuple[str, str], dict[Any, list[str]]] = {}  # (key, column) → value → files
    returned_keys: set[str] = set()
    returned_offices: set[str] = set()
    for form in forms:
        reason = accept(ledger, form)
        if reason:
            all_refused.append(Refused(file=form.path, reason=reason))
            continue
        if "编号" not in form.columns:
            notes.append(f"{form.path}：没有“编号”列，按序号 + 科室对应各行。")
        matched, lost = match_rows(ledger, form, notes)
        unknown += lost
        if form.office:
            returned_offices.add(form.office)
        by_key = ledger.by_key()
        for key, row in matched:
            returned_keys.add(key)
            returned_offices.add(by_key[key].office)
            for column in EDITABLE:
                where = f"{form.path} 第 {row.line} 行（{key}）"
                value = read_value(column, row.get(column), year=ledger.year, where=where, notes=notes)
                if value is not None:
                    offered.setdefault((key, column), {}).setdefault(value, []).append(form.path)
    rows, changes, conflicts = merge(ledger, offered, time=time)
    changed_keys = {c.key for c in changes}
    return CollectResult(
        ledger=dataclasses.replace(ledger, rows=rows, changes=(*ledger.changes, *changes)),
        updated=len(changed_keys),
        unchanged=len(returned_keys - changed_keys),
        changes=changes,
        conflicts=conflicts,
        unknown=tuple(unknown),
        missing_offices=tuple(o for o in ledger.offices() if o and o not in returned_offices),
        refused=tuple(all_refused),
        notes=tuple(notes),
    )


def merge(
    ledger: Ledger, offered: dict[tuple[str, str], dict[Any, list[str]]], *, time: str
) -> tuple[tuple[LedgerRow, ...], tuple[Change, ...], tuple[Conflict, ...]]:
    """The ledger's rows with one value taken for every cell offered: the single value offered
    when it differs (logged); the ledger's own when the returns disagree (a conflict)."""
    rows: list[LedgerRow] = []
    changes: list[Change] = []
    conflicts: list[Conflict] = []
    for row in ledger.rows:
        updates: dict[str, Any] = {}
        for column in EDITABLE:
            values = offered.get((row.key, column))
            if not values:
                continue
            old = row.value(column)
            if len(values) > 1:
                conflicts.append(
                    Conflict(
                        key=row.key,
                        column=column,
                        kept=_shown(old),
                        values=tuple((f, _shown(v)) for v, files in values.items() for f in files),
                    )
                )
                continue
            ((new, files),) = values.items()
            if new != old:
                updates[FIELD_OF[column]] = new
                changes.append(
                    Change(
                        key=row.key,
                        column=column,
                        old=_shown(old),
                        new=_shown(new),
                        source=files[0],
                        time=time,
                    )
                )
        rows.append(dataclasses.replace(row, **updates) if updates else row)
    return tuple(rows), tuple(changes), tuple(conflicts)
