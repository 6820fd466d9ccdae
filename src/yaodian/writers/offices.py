"""Each office's share of a notice (科室任务统计) as text: CSV, Markdown and JSON.

One row per office, in `Notice.offices()` order: lead, support and total counts, the spellings
the notice uses, and the numbers of the items it leads and supports. Pure: model in, string
out; `yaodian offices` prints it, and its terminal table shows the same rows.
"""

from __future__ import annotations

import json

from yaodian.model import Notice
from yaodian.writers.sanitise import csv_text

HEADER = ("科室", "牵头", "配合", "合计", "原文写法", "牵头条目", "配合条目", "集体单位")


def office_rows(notice: Notice) -> list[list[str]]:
    """One row per office, in HEADER order."""
    number = {i.ordinal: i.number for i in notice.items}
    return [
        [
            o.name,
            str(len(o.lead)),
            str(len(o.support)),
            str(o.total),
            "、".join(o.spellings),
            "、".join(number[k] for k in o.lead),
            "、".join(number[k] for k in o.support),
            "是" if o.collective else "否",
        ]
        for o in notice.offices()
    ]


def to_csv(notice: Notice) -> str:
    """CSV text, CRLF line ends (no BOM: add one when writing a file for Excel)."""
    return csv_text([HEADER, *office_rows(notice)])


def to_markdown(notice: Notice) -> str:
    """A Markdown table."""
    lines = ["| " + " | ".join(HEADER) + " |", "|" + "---|" * len(HEADER)]
    lines += ["| " + " | ".join(row) + " |" for row in office_rows(notice)]
    return "\n".join(lines) + "\n"


def to_json(notice: Notice) -> str:
    """The `offices` part of the notice's JSON (`notice.schema.json`)."""
    return json.dumps(notice.to_dict()["offices"], ensure_ascii=False, indent=2) + "\n"
