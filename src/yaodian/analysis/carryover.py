"""Carrying last year's unfinished work over (上年结转): which of this year's rows continue a
row of last year's ledger that was not 已完成, matched by the diff's item alignment."""

from __future__ import annotations

import dataclasses

from yaodian.analysis.diff.align import align
from yaodian.analysis.diff.model import DEFAULT_THRESHOLD
from yaodian.ledger_model import DONE, Ledger, LedgerRow
from yaodian.model import Item, Notice


def _items(ledger: Ledger) -> tuple[list[Item], list[list[LedgerRow]]]:
    """Last year's ledger as items again (one per item key), with the rows of each."""
    groups: dict[str, list[LedgerRow]] = {}
    for row in ledger.rows:
        groups.setdefault(row.key.rsplit("-", 1)[0] if row.key.count("-") >= 2 else row.key, []).append(row)
    items, rows = [], []
    for k, members in enumerate(groups.values(), start=1):
        first = members[0]
        items.append(Item(number=first.number, ordinal=k, title=first.task, text=first.content or first.task))
        rows.append(members)
    return items, rows


def carry_over(ledger: Ledger, notice: Notice, previous: Ledger) -> tuple[Ledger, int]:
    """The ledger with 上年状态 filled for rows whose item matches an unfinished row of last year
    (same office when it had one, else any office of that item); and how many rows got one."""
    old_items, old_rows = _items(previous)
    groups = align(old_items, notice.items, DEFAULT_THRESHOLD * 100)
    status_of: dict[tuple[int, str], str] = {}  # (this year's ordinal, office) → last year's status
    any_of: dict[int, str] = {}
    offices_of: dict[int, set[str]] = {}  # this year's ordinal → offices it had last year
    for g in groups:
        for o in g.olds:
            open_rows = [r for r in old_rows[o] if r.status != DONE]
            for n in g.news:
                ordinal = notice.items[n].ordinal
                offices_of.setdefault(ordinal, set()).update(r.office for r in old_rows[o])
                for r in open_rows:
                    status_of.setdefault((ordinal, r.office), r.status or "未开始")
                    any_of.setdefault(ordinal, r.status or "未开始")
    ordinal_of = {row.key: int(row.key.split("-")[1]) for row in ledger.rows if row.key.count("-") == 2}
    rows: list[LedgerRow] = []
    matched = 0
    for row in ledger.rows:
        ordinal = ordinal_of.get(row.key, 0)
        if row.office in offices_of.get(ordinal, ()):
            prev = status_of.get((ordinal, row.office), "")
        else:  # a new office on a continued item: the item's open status
            prev = any_of.get(ordinal, "")
        matched += bool(prev)
        rows.append(dataclasses.replace(row, previous=prev) if prev else row)
    return dataclasses.replace(ledger, rows=tuple(rows), with_previous=True), matched
