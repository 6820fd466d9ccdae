"""The offices' fillable forms as Word documents (`基教科-2024年工作任务进展表.docx`).

GB/T 9704 page (A4 landscape, the house fonts), a title, the line with the ledger's identity
and the office, and one table with the xlsx form's columns, the 编号 in each row, so that
`yaodian collect` can read it back after it is filled in Word or WPS.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from yaodian.analysis.forms import form_note, form_title
from yaodian.ledger_model import FORM_COLUMNS, Ledger, LedgerRow
from yaodian.output import save_built
from yaodian.writers.docx_blocks import (
    add_page_number_footer,
    add_paragraph,
    add_row,
    add_subtitle,
    add_table,
    add_title,
)
from yaodian.writers.docx_document import DEFAULT_PROFILE, FontProfile, new_document

if TYPE_CHECKING:
    from docx.document import Document

# Millimetres across the 237 mm type area of a landscape A4 page.
WIDTHS_MM = {
    "编号": 22,
    "序号": 10,
    "工作任务": 26,
    "具体内容": 52,
    "科室": 16,
    "角色": 10,
    "完成时限": 16,
    "截止日期": 18,
    "责任人": 14,
    "进展情况": 30,
    "状态": 13,
    "更新日期": 18,
}
CENTRED = tuple(k for k, c in enumerate(FORM_COLUMNS) if c not in ("工作任务", "具体内容", "进展情况"))


def write_form_docx(
    ledger: Ledger,
    office: str,
    rows: Sequence[LedgerRow],
    path: str | Path,
    *,
    profile: str | FontProfile = DEFAULT_PROFILE,
    force: bool = False,
) -> Path:
    return save_built(lambda: build_form_document(ledger, office, rows, profile=profile), path, force=force)


def build_form_document(
    ledger: Ledger, office: str, rows: Sequence[LedgerRow], *, profile: str | FontProfile = DEFAULT_PROFILE
) -> Document:
    doc = new_document(profile, landscape=True, title=form_title(ledger, office))
    add_page_number_footer(doc)
    add_title(doc, form_title(ledger, office))
    if ledger.title:
        add_subtitle(doc, f"依据：《{ledger.title}》")
    add_paragraph(doc, form_note(ledger, office), indent=False)
    widths = [WIDTHS_MM[c] for c in FORM_COLUMNS]
    table = add_table(doc, FORM_COLUMNS, widths)
    for row in rows:
        values = []
        for c in FORM_COLUMNS:
            v = row.value(c)
            values.append(v.isoformat() if isinstance(v, dt.date) else str(v or ""))
        add_row(table, values, widths, centred=CENTRED)
    return doc
