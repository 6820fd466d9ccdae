"""Building the 督办台账 from a notice: one row per item × responsible office, with a stable key.

`build_ledger(notice)` makes the ledger (`yaodian.ledger_model`) from a notice. The key (编号) is
`2024-003-02`: the plan's year, the item's ordinal, the office's place in the item — the same
notice always gives the same keys. The notice itself is named by `ident`, a hash of its title
and items, which every form carries so that a return from another notice's ledger is refused.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping

from yaodian.deadlines import ONGOING
from yaodian.ledger_model import NOT_STARTED, ONGOING_STATUS, ROLE_WORDS, Ledger, LedgerRow
from yaodian.model import Notice, Role


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
